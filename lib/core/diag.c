/*
 * diag.c: diagnostics on stderr as "PROG: FILE:LINE: message".
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/xalloc.h"

#define MAX_SHEETS 16

static const char *prog = "cafcass-inspect";
static unsigned long nerrors;
static struct {
	char *file, *sheet;
} sheets[MAX_SHEETS];
static size_t nsheets;

void
diag_sheet(const char *file, const char *sheet)
{
	size_t i;

	for (i = 0; i < nsheets; i++)
		if (strcmp(sheets[i].file, file) == 0)
			break;
	if (i == MAX_SHEETS)
		return;
	if (i == nsheets) {
		sheets[i].file = xstrdup(file);
		nsheets++;
	} else {
		free(sheets[i].sheet);
	}
	sheets[i].sheet = xstrdup(sheet);
}

const char *
diag_sheet_of(const char *file)
{
	size_t i;

	if (file == NULL)
		return NULL;
	for (i = 0; i < nsheets; i++)
		if (strcmp(sheets[i].file, file) == 0)
			return sheets[i].sheet;
	return NULL;
}

void
diag_init(const char *progname)
{
	prog = progname;
}

const char *
diag_prog(void)
{
	return prog;
}

/* Print the "PROG: FILE:LINE: " prefix. */
static void
prefix(const char *file, unsigned long line)
{
	const char *sheet;

	fprintf(stderr, "%s: ", prog);
	if (file != NULL && line > 0 && nsheets > 0 && (sheet = diag_sheet_of(file)) != NULL)
		fprintf(stderr, "%s:%s!A%lu: ", file, sheet, line);
	else if (file != NULL && line > 0)
		fprintf(stderr, "%s:%lu: ", file, line);
	else if (file != NULL)
		fprintf(stderr, "%s: ", file);
}

void
diag_error(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	nerrors++;
	prefix(file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
diag_warn(const char *file, unsigned long line, const char *fmt, ...)
{
	va_list ap;

	prefix(file, line);
	fputs("warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
diag_note(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

unsigned long
diag_errors(void)
{
	return nerrors;
}
