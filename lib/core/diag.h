/*
 * diag.h: diagnostics on stderr as "PROG: FILE:LINE: message".
 * Callers never pass the value of a personal field: name the line, the
 * column and the rule instead.
 */
#ifndef DIAG_H
#define DIAG_H

#include <stddef.h>

/* Exit statuses shared by every tool (contract section 1). */
enum exit_status {
	EXIT_OK = 0, /* success */
	EXIT_FINDINGS = 1, /* the data was read but fails the tool's check */
	EXIT_TROUBLE = 2, /* usage, unreadable or malformed input, I/O failure */
};

/*
 * Set the name for messages; also open /dev/null on any standard descriptor
 * that is closed, remembering whether standard output was.
 */
void diag_init(const char *progname);
/* 1 when standard output was closed when the program started (or is now). */
int diag_stdout_closed(void);
const char *diag_prog(void);
/* "PROG: FILE:LINE: msg"; file may be NULL, line 0 means unknown. */
void diag_error(const char *file, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "PROG: FILE:LINE: warning: msg". */
void diag_warn(const char *file, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "PROG: msg" with no location. */
void diag_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/*
 * From now on, locate lines of file as cells of a sheet ("FILE:Sheet!A12:"),
 * sheet being the name as a reference writes it (quoted where needed). The
 * workbook reader (core/xlsx) calls this; the strings are copied.
 */
void diag_sheet(const char *file, const char *sheet);
/* The sheet (as a reference writes it) whose rows are file's lines, or NULL. */
const char *diag_sheet_of(const char *file);
/*
 * Where a line of file is, for a message built in a buffer: "FILE:LINE", or
 * "FILE:Sheet!A12" when file was read as a workbook's sheet (diag_sheet()),
 * or "FILE" for line 0. Written into buf (bufsz bytes); returns buf.
 */
const char *diag_where(const char *file, unsigned long line, char *buf, size_t bufsz);
/* Another line of the same file named in a message: "line 12" or "Sheet!A12". */
const char *diag_line_ref(const char *file, unsigned long line, char *buf, size_t bufsz);
/* Enough for diag_where() with any path and sheet name. */
#define DIAG_WHERE_MAX 4352
/* Count of diag_error calls so far. */
unsigned long diag_errors(void);

#endif
