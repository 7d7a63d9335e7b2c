/*
 * xlsxout.c: lists written as Excel workbooks through libxlsxwriter, each
 * sheet made from the CSV a tool writes: read twice (csvio), once to learn
 * each column's kind and width, once to write the cells.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "core/csvio.h"
#include "core/dates.h"
#include "core/xalloc.h"
#include "core/xlsxout.h"

#define MAX_WIDTH 60.0
#define MAX_SHEET_ROWS 1048576UL
#define MAX_SHEET_COLS 16384UL

struct xlsxout {
	lxw_workbook *wb;
	char path[PATH_MAX];
	lxw_format *bold, *date, *open, *open_date;
};

enum ckind { C_TEXT, C_DATE, C_NUM };

struct column {
	enum ckind kind;
	int can_date, can_num, any;
	double width;
	const struct xlsxout_input *input;
};

struct xlsxout *
xlsxout_new(char *err, size_t errsz)
{
	struct xlsxout *x = xcalloc(1, sizeof(*x));
	const char *tmp = getenv("TMPDIR");
	int fd;

	snprintf(x->path, sizeof x->path, "%s/cafcass-inspect-xlsx.XXXXXX",
	         tmp != NULL && *tmp != '\0' ? tmp : "/tmp");
	if ((fd = mkstemp(x->path)) < 0) {
		snprintf(err, errsz, "cannot make a temporary file for the workbook: %s",
		         strerror(errno));
		free(x);
		return NULL;
	}
	close(fd);
	if ((x->wb = workbook_new(x->path)) == NULL) {
		unlink(x->path);
		snprintf(err, errsz, "cannot start a workbook");
		free(x);
		return NULL;
	}
	x->bold = workbook_add_format(x->wb);
	format_set_bold(x->bold);
	x->date = workbook_add_format(x->wb);
	format_set_num_format(x->date, "dd/mm/yyyy");
	x->open = workbook_add_format(x->wb);
	format_set_unlocked(x->open);
	x->open_date = workbook_add_format(x->wb);
	format_set_num_format(x->open_date, "dd/mm/yyyy");
	format_set_unlocked(x->open_date);
	return x;
}

/* A plain decimal number that reads back as the same text: -12, 0.5, 2027. */
static int
plain_number(const char *s, size_t len)
{
	size_t i = 0, digits = 0;

	if (len > 0 && s[0] == '-')
		i++;
	if (i >= len || s[i] < '0' || s[i] > '9' || (s[i] == '0' && i + 1 < len && s[i + 1] != '.'))
		return 0;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (i < len && s[i] == '.') {
		if (++i >= len || s[len - 1] == '0')
			return 0; /* 1.50 would come back 1.5 */
		for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	}
	return i == len && digits <= 15;
}

/* A header that names an identifier or a code: its values stay text. */
static int
id_like(const char *h)
{
	static const char *const words[] = {"id",   "ref", "reference", "number", "no",
	                                    "code", "urn", "nhs",       "seed",   NULL};
	char w[32];
	size_t n = 0, i;

	for (;; h++) {
		int c = (unsigned char)*h;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
			if (n + 1 < sizeof w)
				w[n++] = (char)(c | 0x20);
			continue;
		}
		w[n] = '\0';
		for (i = 0; n > 0 && words[i] != NULL; i++)
			if (strcmp(w, words[i]) == 0)
				return 1;
		n = 0;
		if (c == '\0')
			return 0;
	}
}

/* Characters in UTF-8 text. */
static double
chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return (double)n;
}

/* Open the CSV text for reading. */
static struct csvio_reader *
csv_open(const char *csv, size_t len, FILE **fp)
{
	*fp = fmemopen((void *)csv, len > 0 ? len : 1, "r");
	if (*fp == NULL)
		return NULL;
	if (len == 0)
		fgetc(*fp);
	return csvio_open(*fp, "<list>", 0);
}

/* Pass 1: each column's kind and width. The header's fields name the columns. */
static int
learn(const char *csv, size_t len, struct column **cols, size_t *ncols, char ***names,
      unsigned long *nrows, char *err, size_t errsz)
{
	FILE *fp;
	struct csvio_reader *r = csv_open(csv, len, &fp);
	struct csvio_record *rec;
	size_t i;
	int rc;

	if (r == NULL) {
		snprintf(err, errsz, "cannot read the list: %s", strerror(errno));
		return -1;
	}
	*nrows = 0;
	while ((rc = csvio_next(r, &rec)) > 0) {
		if (*nrows == 0) {
			*ncols = rec->nfields;
			*cols = xcalloc(*ncols + 1, sizeof(**cols));
			*names = xcalloc(*ncols + 1, sizeof(**names));
			for (i = 0; i < *ncols; i++) {
				(*names)[i] = xstrdup(rec->fields[i]);
				(*cols)[i].can_date = (*cols)[i].can_num = 1;
				(*cols)[i].width = chars(rec->fields[i], rec->lens[i]) * 1.2 + 3;
			}
		} else {
			for (i = 0; i < rec->nfields && i < *ncols; i++) {
				struct column *c = &(*cols)[i];
				date_t d;
				double w;
				if (rec->lens[i] == 0)
					continue;
				c->any = 1;
				if (c->can_date && dates_parse(rec->fields[i], &d) != 0)
					c->can_date = 0;
				if (c->can_num && !plain_number(rec->fields[i], rec->lens[i]))
					c->can_num = 0;
				if ((w = chars(rec->fields[i], rec->lens[i]) + 2) > c->width)
					c->width = w;
			}
		}
		if (++*nrows > MAX_SHEET_ROWS) {
			snprintf(err, errsz, "more than %lu rows: too many for a sheet",
			         MAX_SHEET_ROWS);
			rc = -1;
			break;
		}
	}
	if (rc < 0 && *nrows <= MAX_SHEET_ROWS)
		snprintf(err, errsz, "%s", csvio_error(r));
	csvio_close(r);
	fclose(fp);
	if (rc == 0 && *nrows == 0) {
		snprintf(err, errsz, "the list has no header");
		rc = -1;
	}
	if (rc == 0 && *ncols > MAX_SHEET_COLS) {
		snprintf(err, errsz, "more than %lu columns: too many for a sheet", MAX_SHEET_COLS);
		rc = -1;
	}
	for (i = 0; rc == 0 && i < *ncols; i++) {
		struct column *c = &(*cols)[i];
		c->kind = !c->any                               ? C_TEXT
		          : c->can_date                         ? C_DATE
		          : c->can_num && !id_like((*names)[i]) ? C_NUM
		                                                : C_TEXT;
		if (c->kind == C_DATE && c->width < 12)
			c->width = 12;
		if (c->width > MAX_WIDTH)
			c->width = MAX_WIDTH;
	}
	return rc;
}

/* Write one cell of a data row. */
static lxw_error
cell(struct xlsxout *x, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const struct column *c,
     const char *s)
{
	lxw_format *f = c->input != NULL ? x->open : NULL;
	date_t d;

	if (*s == '\0')
		return LXW_NO_ERROR;
	if (c->kind == C_DATE && dates_parse(s, &d) == 0) {
		lxw_datetime dt = {0, 0, 0, 0, 0, 0};
		dates_to_ymd(d, &dt.year, &dt.month, &dt.day);
		return worksheet_write_datetime(ws, row, col, &dt,
		                                c->input != NULL ? x->open_date : x->date);
	}
	if (c->kind == C_NUM)
		return worksheet_write_number(ws, row, col, strtod(s, NULL), f);
	return worksheet_write_string(ws, row, col, s, f);
}

/* Pass 2: the cells. */
static int
fill(struct xlsxout *x, lxw_worksheet *ws, const char *csv, size_t len, const struct column *cols,
     size_t ncols, char *err, size_t errsz)
{
	FILE *fp;
	struct csvio_reader *r = csv_open(csv, len, &fp);
	struct csvio_record *rec;
	lxw_row_t row = 0;
	size_t i;
	lxw_error e = LXW_NO_ERROR;
	int rc;

	if (r == NULL) {
		snprintf(err, errsz, "cannot read the list: %s", strerror(errno));
		return -1;
	}
	while ((rc = csvio_next(r, &rec)) > 0) {
		for (i = 0; i < rec->nfields && e == LXW_NO_ERROR; i++) {
			static const struct column text = {C_TEXT, 0, 0, 0, 0, NULL};
			const struct column *c = i < ncols ? &cols[i] : &text;
			if (row == 0)
				e = worksheet_write_string(ws, 0, (lxw_col_t)i, rec->fields[i],
				                           x->bold);
			else
				e = cell(x, ws, row, (lxw_col_t)i, c, rec->fields[i]);
		}
		if (e != LXW_NO_ERROR) {
			snprintf(err, errsz, "row %lu column %zu: %s", (unsigned long)row + 1, i,
			         lxw_strerror(e));
			rc = -1;
			break;
		}
		row++;
	}
	if (rc < 0 && e == LXW_NO_ERROR)
		snprintf(err, errsz, "%s", csvio_error(r));
	csvio_close(r);
	fclose(fp);
	return rc;
}

/* The input columns: unlocked, each with its drop-down. */
static void
open_inputs(struct xlsxout *x, lxw_worksheet *ws, const struct column *cols, size_t ncols,
            unsigned long nrows)
{
	lxw_protection prot;
	size_t i;
	int any = 0;

	for (i = 0; i < ncols; i++) {
		lxw_data_validation v;
		if (cols[i].input == NULL)
			continue;
		any = 1;
		if (cols[i].input->choices == NULL)
			continue;
		memset(&v, 0, sizeof v);
		v.validate = LXW_VALIDATION_TYPE_LIST;
		v.value_list = (char **)cols[i].input->choices;
		worksheet_data_validation_range(
		    ws, 1, (lxw_col_t)i, (lxw_row_t)(nrows > 1 ? nrows - 1 : 1), (lxw_col_t)i, &v);
	}
	if (!any)
		return;
	memset(&prot, 0, sizeof prot);
	prot.autofilter = prot.sort = prot.format_columns = prot.format_rows = 1;
	worksheet_protect(ws, NULL, &prot);
	(void)x;
}

int
xlsxout_sheet(struct xlsxout *x, const char *name, const char *csv, size_t len,
              const struct xlsxout_input *inputs, size_t n, char *err, size_t errsz)
{
	struct column *cols = NULL;
	char **names = NULL;
	size_t ncols = 0, i, k, extra = 0;
	unsigned long nrows = 0;
	lxw_worksheet *ws;
	int rc = -1;

	if (learn(csv, len, &cols, &ncols, &names, &nrows, err, errsz) < 0)
		goto out;
	cols = xreallocarray(cols, ncols + n + 1, sizeof(*cols));
	memset(cols + ncols, 0, (n + 1) * sizeof(*cols));
	for (k = 0; k < n; k++) {
		for (i = 0; i < ncols && strcmp(names[i], inputs[k].column) != 0; i++)
			;
		if (i == ncols)
			i = ncols + extra++;
		cols[i].input = &inputs[k];
		if (cols[i].width < chars(inputs[k].column, strlen(inputs[k].column)) * 1.2 + 3)
			cols[i].width = chars(inputs[k].column, strlen(inputs[k].column)) * 1.2 + 3;
	}
	if ((ws = workbook_add_worksheet(x->wb, name)) == NULL) {
		snprintf(err, errsz, "cannot add the sheet");
		goto out;
	}
	if (fill(x, ws, csv, len, cols, ncols, err, errsz) < 0)
		goto out;
	for (i = 0; i < ncols + extra; i++) {
		lxw_format *f = cols[i].input == NULL    ? NULL
		                : cols[i].kind == C_DATE ? x->open_date
		                                         : x->open;
		if (i >= ncols)
			worksheet_write_string(ws, 0, (lxw_col_t)i, cols[i].input->column, x->bold);
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, cols[i].width, f);
	}
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_autofilter(ws, 0, 0, (lxw_row_t)(nrows > 1 ? nrows - 1 : 0),
	                     (lxw_col_t)(ncols + extra > 0 ? ncols + extra - 1 : 0));
	open_inputs(x, ws, cols, ncols + extra, nrows);
	rc = 0;
out:
	for (i = 0; names != NULL && i < ncols; i++)
		free(names[i]);
	free(names);
	free(cols);
	return rc;
}

int
xlsxout_finish(struct xlsxout *x, FILE *out, char *err, size_t errsz)
{
	lxw_error e = workbook_close(x->wb);
	FILE *fp = NULL;
	char buf[65536];
	size_t n;
	int rc = -1;

	if (e != LXW_NO_ERROR)
		snprintf(err, errsz, "cannot write the workbook: %s", lxw_strerror(e));
	else if ((fp = fopen(x->path, "rb")) == NULL)
		snprintf(err, errsz, "cannot read the workbook back: %s", strerror(errno));
	else {
		while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
			fwrite(buf, 1, n, out);
		if (ferror(fp))
			snprintf(err, errsz, "cannot read the workbook back: %s", strerror(errno));
		else
			rc = 0;
		fclose(fp);
	}
	unlink(x->path);
	free(x);
	return rc;
}

void
xlsxout_abort(struct xlsxout *x)
{
	if (x == NULL)
		return;
	lxw_workbook_free(x->wb);
	unlink(x->path);
	free(x);
}

FILE *
xlsxout_csv_open(struct xlsxout_csv *c)
{
	c->buf = NULL;
	c->len = 0;
	c->raw_was = csvio_set_raw(1);
	if ((c->fp = open_memstream(&c->buf, &c->len)) == NULL)
		csvio_set_raw(c->raw_was);
	return c->fp;
}

void
xlsxout_csv_discard(struct xlsxout_csv *c)
{
	csvio_set_raw(c->raw_was);
	fclose(c->fp);
	free(c->buf);
	c->buf = NULL;
}

int
xlsxout_add_csv(struct xlsxout *x, struct xlsxout_csv *c, const char *sheet,
                const struct xlsxout_input *inputs, size_t n, char *err, size_t errsz)
{
	int bad = ferror(c->fp);
	int rc = -1;

	csvio_set_raw(c->raw_was);
	if (fclose(c->fp) != 0 || bad)
		snprintf(err, errsz, "cannot hold the list in memory");
	else
		rc = xlsxout_sheet(x, sheet, c->buf, c->len, inputs, n, err, errsz);
	free(c->buf);
	c->buf = NULL;
	return rc;
}

int
xlsxout_write_csv(struct xlsxout_csv *c, FILE *out, const char *sheet,
                  const struct xlsxout_input *inputs, size_t n, char *err, size_t errsz)
{
	struct xlsxout *x = xlsxout_new(err, errsz);

	if (x == NULL) {
		xlsxout_csv_discard(c);
		return -1;
	}
	if (xlsxout_add_csv(x, c, sheet, inputs, n, err, errsz) != 0) {
		xlsxout_abort(x);
		return -1;
	}
	return xlsxout_finish(x, out, err, errsz);
}

int
xlsxout_check_target(const char *path, char *err, size_t errsz)
{
	if ((path == NULL || strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0) &&
	    isatty(STDOUT_FILENO)) {
		snprintf(err, errsz,
		         "a workbook is binary: not written to a terminal (give -o FILE.xlsx "
		         "or redirect standard output)");
		return -1;
	}
	return 0;
}
