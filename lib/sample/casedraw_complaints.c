/*
 * complaints.c: sample-cases complaints: the last N completed complaints
 * investigations (handbook para 38): rows with a completion date, latest
 * first, ties by ID. No randomness: the seed column stays empty.
 */
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "core/diag.h"
#include "core/fieldmap.h"
#include "core/table.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "sample/casedraw.h"

struct done {
	date_t completed;
	const char *id;
	size_t row;
};

/* 1 when s is one or more ASCII digits. */
static int
all_digits(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* Compare IDs: numbers by value, anything else byte by byte. */
static int
id_cmp(const char *a, const char *b)
{
	size_t la, lb;

	if (all_digits(a) && all_digits(b)) {
		while (*a == '0' && a[1] != '\0')
			a++;
		while (*b == '0' && b[1] != '\0')
			b++;
		la = strlen(a);
		lb = strlen(b);
		if (la != lb)
			return la < lb ? -1 : 1;
	}
	return strcmp(a, b);
}

/* qsort comparator: latest completion first, then ID, then row. */
static int
done_cmp(const void *pa, const void *pb)
{
	const struct done *a = pa, *b = pb;
	int c;

	if (a->completed != b->completed)
		return a->completed > b->completed ? -1 : 1;
	if ((c = id_cmp(a->id, b->id)) != 0)
		return c;
	return a->row < b->row ? -1 : a->row > b->row;
}

/*
 * 1 when row r's date in column col (if any) is after --as-of: an error, the
 * row left out (a complaint "completed" in 2099 is not the latest).
 */
static int
after_as_of(const struct table *t, size_t r, long col, date_t as_of)
{
	char iso[DATES_ISO_LEN];
	date_t d;

	if (col < 0 || dates_parse(table_cell(t, r, col), &d) < 0 || d <= as_of)
		return 0;
	diag_error(t->name, t->rows[r].line,
	           "column \"%s\": dated after %s (--as-of); row left out", t->header[col],
	           dates_format(as_of, iso));
	return 1;
}

/*
 * The completed rows of t, sorted; their count in *n, and in *out the rows
 * left out (a completion date that is not a date, or a date after --as-of).
 */
static struct done *
completed_rows(const struct table *t, long idcol, long donecol, long recvcol, date_t as_of,
               size_t *n, size_t *out)
{
	struct done *v = xcalloc(t->nrows + 1, sizeof *v);
	const char *cell;
	size_t r;

	*n = *out = 0;
	for (r = 0; r < t->nrows; r++) {
		cell = table_cell(t, r, donecol);
		if (text_blank(cell))
			continue;
		if (dates_parse(cell, &v[*n].completed) < 0) {
			diag_error(
			    t->name, t->rows[r].line,
			    "column \"%s\": not a date (YYYY-MM-DD or DD/MM/YYYY); row left out",
			    t->header[donecol]);
			(*out)++;
			continue;
		}
		if (after_as_of(t, r, donecol, as_of) || after_as_of(t, r, recvcol, as_of)) {
			(*out)++;
			continue;
		}
		v[*n].id = table_cell(t, r, idcol);
		v[*n].row = r;
		(*n)++;
	}
	qsort(v, *n, sizeof *v, done_cmp);
	return v;
}

/* Write the header and the first take rows of v. */
static void
write_rows(FILE *out, const struct table *t, const struct done *v, size_t take)
{
	const char **row = xcalloc(t->ncols + 5, sizeof *row);
	size_t i, j;

	casedraw_write_header(out, t->header, t->ncols);
	for (i = 0; i < take; i++) {
		for (j = 0; j < t->ncols; j++)
			row[j] = table_cell(t, v[i].row, (long)j);
		row[t->ncols] = "complaints";
		for (j = 1; j < 5; j++)
			row[t->ncols + j] = "";
		csvio_write_row(out, row, t->ncols + 5);
	}
	free(row);
}

int
casedraw_complaints(const struct casedraw_opts *o, FILE *out)
{
	struct fieldmap_binding b;
	struct fieldmap *fm;
	struct table *t = NULL;
	struct done *v;
	char err[512];
	long idcol, donecol, recvcol;
	size_t n, take, out_rows;
	int status = EXIT_TROUBLE;

	if ((fm = fieldmap_load_named("complaints", err, sizeof err)) == NULL ||
	    (t = table_read(o->input, o->csv_flags, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		fieldmap_free(fm);
		return EXIT_TROUBLE;
	}
	fieldmap_bind(fm, (const char *const *)t->header, t->ncols, &b);
	idcol = b.column[fieldmap_index(fm, "id")];
	donecol = b.column[fieldmap_index(fm, "completed")];
	recvcol = b.column[fieldmap_index(fm, "received")];
	fieldmap_unbind(&b);
	if (idcol < 0 || donecol < 0) {
		diag_error(t->name, 1, "missing column \"%s\"", idcol < 0 ? "ID" : "Completed");
		goto done;
	}
	v = completed_rows(t, idcol, donecol, recvcol, o->as_of, &n, &out_rows);
	take = n < o->n ? n : o->n;
	write_rows(out, t, v, take);
	status = out_rows > 0 ? EXIT_FINDINGS : EXIT_OK;
	if (out_rows > 0)
		diag_error(t->name, 0,
		           "%zu row%s left out (named above): the last %lu are of the rest",
		           out_rows, out_rows == 1 ? "" : "s", o->n);
	if (take < o->n) {
		diag_warn(t->name, 0,
		          "shortfall: %zu completed complaints investigations, %lu required", take,
		          o->n);
		status = EXIT_FINDINGS;
	}
	free(v);
done:
	table_free(t);
	fieldmap_free(fm);
	return status;
}
