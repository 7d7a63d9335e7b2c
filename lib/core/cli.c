/*
 * cli.c: what every tool's main() shares.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/csvio.h"
#include "core/diag.h"
#include "core/xlsx.h"

#ifndef VERSION
#define VERSION "0.0.0"
#endif

void
cli_version(const char *prog)
{
	printf("%s (cafcass-inspect) %s\n", prog, VERSION);
}

int
cli_parse_u64(const char *s, uint64_t min, uint64_t max, uint64_t *out)
{
	unsigned long long v;
	char *end;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int
cli_parse_date(const char *opt, const char *s, date_t *out)
{
	const char *why = dates_parse_error(s);

	if (why == NULL)
		return dates_parse(s, out);
	diag_note("%s: %s", opt, why);
	return -1;
}

int
cli_encoding(const char *s, unsigned *csv_flags)
{
	static const char *const names[] = {"utf-8", "utf8", "cp1252", "windows-1252", NULL};
	int i = cli_choice(s, names);

	if (i < 0) {
		diag_note("--encoding: expected utf-8 or cp1252");
		return -1;
	}
	if (i >= 2)
		*csv_flags |= CSVIO_CP1252;
	else
		*csv_flags &= ~(unsigned)CSVIO_CP1252;
	return 0;
}

int
cli_common(int ch, const char *arg, int *xlsx)
{
	static const char *const formats[] = {"csv", "xlsx", NULL};
	int i;

	switch (ch) {
	case CLI_OPT_SHEET:
		cli_sheet(arg);
		return 0;
	case CLI_OPT_RAW:
		cli_raw();
		return 0;
	case CLI_OPT_FORMAT:
		if (xlsx == NULL)
			return -1;
		if ((i = cli_choice(arg, formats)) < 0) {
			diag_note("--format: expected csv or xlsx");
			return -1;
		}
		*xlsx = i == 1;
		return 0;
	default:
		return -1;
	}
}

void
cli_raw(void)
{
	csvio_set_raw(1);
}

void
cli_sheet(const char *s)
{
	xlsx_select_sheet(s);
}

int
cli_choice(const char *s, const char *const *choices)
{
	int i;

	for (i = 0; choices[i] != NULL; i++)
		if (strcmp(s, choices[i]) == 0)
			return i;
	return -1;
}
