/*
 * table.h: a whole small CSV file in memory (areas, team, opportunities,
 * evidence, exclusion lists): the header and every row with its line.
 * Strict: a ragged row, invalid UTF-8 or a malformed quote is an error
 * "FILE:LINE: what" naming the line ("FILE:Sheet!A12: what" for a workbook's
 * row, as diag_where() writes it), never the value. Blank rows are skipped.
 * The users' own messages about a row name it the same way (diag_where()).
 * Bind columns with fieldmap_bind(fm, (const char *const *)t->header, t->ncols, &b).
 */
#ifndef TABLE_H
#define TABLE_H

#include <stddef.h>

struct table_row {
	unsigned long line; /* physical line where the row starts */
	char **cells; /* ncols NUL-terminated strings */
};

struct table {
	char *name; /* the file name as given ("<stdin>" for -) */
	size_t ncols;
	char **header;
	size_t nrows;
	struct table_row *rows;
};

/* Read path ("-" or NULL = standard input); csv_flags as for csvio_open().
 * NULL on error with the message in err. A file with no header is an error. */
struct table *table_read(const char *path, unsigned csv_flags, char *err, size_t errsz);
/* The cell of row r in column col, or "" when col < 0. */
const char *table_cell(const struct table *, size_t r, long col);
void table_free(struct table *);

#endif
