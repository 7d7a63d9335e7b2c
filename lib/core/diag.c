/*
 * diag.c: diagnostics on stderr as "PROG: FILE:LINE: message".
 */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/xalloc.h"

#define MAX_SHEETS 16

static const char *prog = "cafcass-inspect";
static unsigned long nerrors;
static int stdout_closed;
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

const char *
diag_where(const char *file, unsigned long line, char *buf, size_t bufsz)
{
	const char *sheet = line > 0 ? diag_sheet_of(file) : NULL;

	if (sheet != NULL)
		snprintf(buf, bufsz, "%s:%s!A%lu", file, sheet, line);
	else if (line > 0)
		snprintf(buf, bufsz, "%s:%lu", file, line);
	else
		snprintf(buf, bufsz, "%s", file != NULL ? file : "");
	return buf;
}

const char *
diag_line_ref(const char *file, unsigned long line, char *buf, size_t bufsz)
{
	const char *sheet = diag_sheet_of(file);

	if (sheet != NULL)
		snprintf(buf, bufsz, "%s!A%lu", sheet, line);
	else
		snprintf(buf, bufsz, "line %lu", line);
	return buf;
}

void
diag_init(const char *progname)
{
	int fd;

	prog = progname;
	/*
	 * A standard descriptor closed at start is opened on /dev/null, so that
	 * no file the tool opens later takes its number (the output would go into
	 * an input file). Standard output closed is remembered: writing to it
	 * must fail (output_open), not vanish.
	 */
	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) == -1) {
			if (fd == STDOUT_FILENO)
				stdout_closed = 1;
			if (open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY) != fd)
				break;
		}
}

int
diag_stdout_closed(void)
{
	return stdout_closed || fcntl(STDOUT_FILENO, F_GETFD) == -1;
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
