/*
 * table.c: read a whole small CSV file into memory through csvio, strictly:
 * the first non-blank record is the header, every other non-blank record must
 * have as many fields as the header, be valid UTF-8 and well quoted. Messages
 * name the file and line (a workbook's sheet and row: "book.xlsx:Team!A7")
 * and the column, never a cell's value.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvio.h"
#include "core/diag.h"
#include "core/output.h"
#include "core/table.h"
#include "core/xalloc.h"

/* Copy a record's fields into one block: ncols pointers followed by the strings. */
static char **
cells_copy(const struct csvio_record *rec)
{
	size_t i, bytes = 0;
	char **cells, *p;

	for (i = 0; i < rec->nfields; i++)
		bytes += rec->lens[i] + 1;
	cells = xmalloc(rec->nfields * sizeof(*cells) + bytes);
	p = (char *)(cells + rec->nfields);
	for (i = 0; i < rec->nfields; i++) {
		memcpy(p, rec->fields[i], rec->lens[i] + 1);
		cells[i] = p;
		p += rec->lens[i] + 1;
	}
	return cells;
}

/* Check a record; 0 when it is acceptable, else -1 with the reason in err. */
static int
record_check(const struct table *t, const struct csvio_record *rec, char *err, size_t errsz)
{
	char w[DIAG_WHERE_MAX];

	if (!(rec->flags & (CSVIO_UNTERMINATED | CSVIO_MALFORMED | CSVIO_BAD_UTF8)) &&
	    (t->header == NULL || rec->nfields == t->ncols))
		return 0;
	diag_where(t->name, rec->line, w, sizeof w);
	if (rec->flags & CSVIO_UNTERMINATED)
		snprintf(err, errsz, "%s: quoted field not closed at end of file", w);
	else if (rec->flags & CSVIO_MALFORMED)
		snprintf(err, errsz, "%s: malformed CSV: stray quote", w);
	else if (rec->flags & CSVIO_BAD_UTF8)
		snprintf(err, errsz, "%s: invalid UTF-8 in column %zu", w, rec->bad_field + 1);
	else if (t->header != NULL && rec->nfields != t->ncols)
		snprintf(err, errsz, "%s: ragged row: %zu field%s, header has %zu", w, rec->nfields,
		         rec->nfields == 1 ? "" : "s", t->ncols);
	else
		return 0;
	return -1;
}

/* Append a row to the table. */
static void
row_add(struct table *t, size_t *cap, const struct csvio_record *rec)
{
	if (t->nrows == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		t->rows = xreallocarray(t->rows, *cap, sizeof(*t->rows));
	}
	t->rows[t->nrows].line = rec->line;
	t->rows[t->nrows].cells = cells_copy(rec);
	t->nrows++;
}

/* Read every record of r into t: 0 on success, -1 with err set. */
static int
table_fill(struct table *t, struct csvio_reader *r, char *err, size_t errsz)
{
	struct csvio_record *rec;
	size_t cap = 0;
	int rc;

	while ((rc = csvio_next(r, &rec)) > 0) {
		if ((rec->flags & CSVIO_BLANK) && !(rec->flags & ~CSVIO_BLANK))
			continue;
		if (record_check(t, rec, err, errsz) < 0)
			return -1;
		if (t->header == NULL) {
			t->header = cells_copy(rec);
			t->ncols = rec->nfields;
		} else
			row_add(t, &cap, rec);
	}
	if (rc < 0) {
		snprintf(err, errsz, "%s: %s", t->name, csvio_error(r));
		return -1;
	}
	if (t->header == NULL) {
		snprintf(err, errsz, "%s: empty file, a header row is required", t->name);
		return -1;
	}
	return 0;
}

struct table *
table_read(const char *path, unsigned csv_flags, char *err, size_t errsz)
{
	struct table *t;
	struct csvio_reader *r;
	FILE *fp;
	int stdio, rc;

	stdio = path == NULL || strcmp(path, "-") == 0;
	if (stdio)
		fp = stdin;
	else if ((fp = output_input_open(path)) == NULL) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return NULL;
	}
	t = xcalloc(1, sizeof(*t));
	t->name = xstrdup(stdio ? "<stdin>" : path);
	r = csvio_open(fp, t->name, csv_flags);
	rc = table_fill(t, r, err, errsz);
	csvio_close(r);
	if (!stdio)
		fclose(fp);
	if (rc < 0) {
		table_free(t);
		return NULL;
	}
	return t;
}

const char *
table_cell(const struct table *t, size_t r, long col)
{
	if (col < 0 || (size_t)col >= t->ncols || r >= t->nrows)
		return "";
	return t->rows[r].cells[col];
}

void
table_free(struct table *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nrows; i++)
		free(t->rows[i].cells);
	free(t->rows);
	free(t->header);
	free(t->name);
	free(t);
}
