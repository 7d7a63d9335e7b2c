/*
 * csvio.h: streaming CSV reading (over libcsv) and writing (RFC 4180).
 *
 * The reader returns one record at a time with the physical line where it
 * starts (line 1 is the first line of the file; newlines inside quoted fields
 * count). It strips a UTF-8 BOM, accepts LF, CRLF and bare CR, trims spaces
 * around unquoted fields, transcodes Windows-1252 on request and reports
 * problems on the record (flags) rather than stopping. Memory grows with the
 * largest record only, up to CSVIO_MAX_RECORD bytes.
 *
 * Ownership: a record returned by csvio_next() belongs to the reader and is
 * valid until the next call.
 */
#ifndef CSVIO_H
#define CSVIO_H

#include <stddef.h>
#include <stdio.h>

#include "core/strbuf.h"

#define CSVIO_MAX_RECORD ((size_t)256 << 20) /* bytes in one record */

enum csvio_open_flags {
	CSVIO_CP1252 = 1 << 0, /* input is Windows-1252: transcode to UTF-8 */
	CSVIO_LIBCSV_ONLY = 1 << 1, /* every line through libcsv, even one without quotes (tests) */
};

enum csvio_record_flags {
	CSVIO_BAD_UTF8 = 1 << 0, /* a field is not valid UTF-8 (bad_field says which) */
	CSVIO_BLANK = 1 << 1, /* an empty line, or a well-formed record of empty fields only */
	CSVIO_UNTERMINATED = 1 << 2, /* the file ended inside a quoted field */
	CSVIO_MALFORMED = 1 << 3, /* a stray quote; the rest of the line was skipped */
	/*
	 * A record with either of the last two flags that spanned lines is
	 * given as 1 line long, and the lines after its first are read again
	 * as new records: one stray quote does not swallow the rest of the file.
	 */
};

struct csvio_record {
	size_t nfields;
	char **fields; /* NUL-terminated, UTF-8 unless CSVIO_BAD_UTF8 */
	size_t *lens; /* byte length of each field */
	unsigned long line; /* physical line where the record starts */
	unsigned long lines; /* physical lines it spans (at least 1) */
	unsigned flags;
	size_t bad_field; /* with CSVIO_BAD_UTF8: index of the first bad field */
};

struct csvio_reader;

/* Read fp (not closed by the reader). name is used in messages only. */
struct csvio_reader *csvio_open(FILE *fp, const char *name, unsigned flags);
/*
 * Read the next record: 1 and *rec set, 0 at end of file, -1 on a fatal error
 * (read error, record over CSVIO_MAX_RECORD) with csvio_error() saying what.
 */
int csvio_next(struct csvio_reader *, struct csvio_record **rec);
const char *csvio_error(const struct csvio_reader *);
/*
 * Put the bytes of the records read from now on into arena, appended after
 * what it holds, instead of the reader's own buffer (which each record
 * reuses); NULL goes back to that. A record's fields point into arena, in
 * order and end to end, each followed by its NUL; the record ends where the
 * arena does when csvio_next() returns. The caller may reset arena between
 * csvio_next() calls; the reader only appends, and the arena must outlive
 * its use.
 */
void csvio_set_arena(struct csvio_reader *, struct strbuf *arena);
/* Lower the record size limit (default CSVIO_MAX_RECORD), for tests. */
void csvio_set_max_record(struct csvio_reader *, size_t max);
/*
 * The average bytes a line of the input read ahead but not yet handed out
 * (a chunk of up to 64 KiB), or 0 when it holds no whole line: an estimate
 * of the rows of a file from its size, for sizing tables before reading on.
 */
size_t csvio_line_bytes(const struct csvio_reader *);
/* Physical lines read so far. */
unsigned long csvio_lines(const struct csvio_reader *);
void csvio_close(struct csvio_reader *);

/*
 * Formula injection: a spreadsheet opening the CSV would run a cell that
 * starts with =, +, -, @, a tab or a carriage return. Unless raw, the writer
 * neutralises such a cell (OWASP: a single quote before it) when it is at
 * least 2 bytes long and not a plain number (-12, +3.5, -1E5 are numbers,
 * never formulas). Raw is off by default; tools turn it on with --raw.
 */
int csvio_set_raw(int raw); /* the setting it replaces */
/* Would a spreadsheet take this cell for a formula (the rule above)? */
int csvio_formula_like(const char *s, size_t len);
/* Write one field, quoted only where needed (comma, quote, CR, LF, edge space). */
void csvio_write_field(FILE *, const char *s, size_t len);
/*
 * Write n NUL-terminated fields (NULL counts as empty) and a LF. A row of one
 * empty field is written "" so that it does not read back as a blank line.
 * Errors show on ferror(fp).
 */
void csvio_write_row(FILE *, const char *const *fields, size_t n);

#endif
