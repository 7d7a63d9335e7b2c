/*
 * xlsxout.h: a list written as an Excel workbook (libxlsxwriter), for the
 * lists a person opens. Each sheet is made from the CSV a tool writes (so
 * the CSV and the workbook always hold the same cells): a bold header row,
 * frozen, with an autofilter; columns as wide as their text (up to 60);
 * a column whose every value is a date (ISO or DD/MM/YYYY) holds real dates
 * shown DD/MM/YYYY; a column of plain numbers (no leading zero, at most 15
 * digits, not named as an ID or reference) holds numbers; everything else
 * is text, never a formula. Columns a person fills in are unlocked, with a
 * drop-down of the values allowed, on a sheet protected without a password.
 *
 * The workbook is built in a temporary file (mode 0600) and copied to the
 * stream on xlsxout_finish(), so output.c keeps it all or nothing.
 */
#ifndef XLSXOUT_H
#define XLSXOUT_H

#include <stddef.h>
#include <stdio.h>

/* A column a person fills in: its header, and the values allowed (NULL-terminated). */
struct xlsxout_input {
	const char *column;
	const char *const *choices;
};

struct xlsxout;

/* A new workbook; NULL with err set when no temporary file can be made. */
struct xlsxout *xlsxout_new(char *err, size_t errsz);
/*
 * Add a sheet from CSV text (header first). inputs (n of them) name the
 * columns to unlock; a named column the CSV lacks is added at the end,
 * empty. 0, or -1 with err set.
 */
int xlsxout_sheet(struct xlsxout *, const char *name, const char *csv, size_t len,
                  const struct xlsxout_input *inputs, size_t n, char *err, size_t errsz);
/* Write the workbook to out and free everything; 0, or -1 with err set. */
int xlsxout_finish(struct xlsxout *, FILE *out, char *err, size_t errsz);
/* Free everything, writing nothing. */
void xlsxout_abort(struct xlsxout *);

/*
 * A stream that collects CSV for a sheet: open it, write the list to it (the
 * CSV writer is raw meanwhile: a workbook's text cells are never formulas,
 * so no quote is put before "=1+1"), then hand it to xlsxout_add_csv() or
 * xlsxout_write_csv(), or discard it; each of these restores the writer's
 * setting and frees the text.
 */
struct xlsxout_csv {
	char *buf;
	size_t len;
	FILE *fp;
	int raw_was;
};
FILE *xlsxout_csv_open(struct xlsxout_csv *);
/* Close c and add its CSV to x as a sheet (inputs as for xlsxout_sheet()). 0, or -1 with err set.
 */
int xlsxout_add_csv(struct xlsxout *x, struct xlsxout_csv *c, const char *sheet,
                    const struct xlsxout_input *inputs, size_t n, char *err, size_t errsz);
/*
 * Close c and write its CSV to out as a workbook of one sheet (inputs as for
 * xlsxout_sheet()). 0, or -1 with err set.
 */
int xlsxout_write_csv(struct xlsxout_csv *c, FILE *out, const char *sheet,
                      const struct xlsxout_input *inputs, size_t n, char *err, size_t errsz);
/* Close c and free its text, writing nothing. */
void xlsxout_csv_discard(struct xlsxout_csv *c);

/*
 * A workbook is binary: refused to standard output when that is a terminal
 * (path NULL, "-" or "/dev/stdout", as output_open() takes them). 0, or -1
 * with err saying to use -o FILE or a redirection.
 */
int xlsxout_check_target(const char *path, char *err, size_t errsz);

#endif
