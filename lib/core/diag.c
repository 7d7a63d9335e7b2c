/*
 * diag.c: diagnostics on stderr as "PROG: FILE:LINE: message".
 */
#include <stdarg.h>
#include <stdio.h>

#include "core/diag.h"

static const char *prog = "cafcass-inspect";
static unsigned long nerrors;

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
	fprintf(stderr, "%s: ", prog);
	if (file != NULL && line > 0)
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
