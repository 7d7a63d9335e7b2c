/*
 * diag.h: diagnostics on stderr as "PROG: FILE:LINE: message".
 * Callers never pass the value of a personal field: name the line, the
 * column and the rule instead.
 */
#ifndef DIAG_H
#define DIAG_H

/* Exit statuses shared by every tool (contract section 1). */
enum exit_status {
	EXIT_OK = 0, /* success */
	EXIT_FINDINGS = 1, /* the data was read but fails the tool's check */
	EXIT_TROUBLE = 2, /* usage, unreadable or malformed input, I/O failure */
};

void diag_init(const char *progname);
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
/* Count of diag_error calls so far. */
unsigned long diag_errors(void);

#endif
