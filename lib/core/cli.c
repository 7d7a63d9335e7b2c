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

void
cli_usage(const struct cli_tool *t, int status)
{
	FILE *fp = status == 0 ? stdout : stderr;

	fputs(t->synopsis, fp);
	if (status == 0 && t->summary != NULL)
		fputs(t->summary, fp);
	exit(status);
}

void
cli_take(const struct cli_tool *t, int ch, const char *arg, struct cli_shared *sh)
{
	switch (ch) {
	case 'o':
		sh->output = arg;
		return;
	case 'h':
		cli_usage(t, EXIT_OK);
	case CLI_OPT_VERSION:
		cli_version(t->prog);
		exit(EXIT_OK);
	case CLI_OPT_ENCODING:
		if (cli_encoding(arg, &sh->csv_flags) != 0)
			break;
		return;
	case CLI_OPT_SHEET:
		cli_sheet(arg);
		return;
	case CLI_OPT_RAW:
		cli_raw();
		return;
	default:
		break;
	}
	cli_usage(t, EXIT_TROUBLE);
}

int
cli_pick(const struct cli_tool *t, const char *opt, const char *arg, const char *const *choices)
{
	int i = cli_choice(arg, choices);
	char list[256];
	size_t len = 0;

	if (i >= 0)
		return i;
	list[0] = '\0';
	for (i = 0; choices[i] != NULL && len < sizeof list; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
		                        i == 0                   ? ""
		                        : choices[i + 1] == NULL ? " or "
		                                                 : ", ",
		                        choices[i]);
	diag_note("%s: expected %s", opt, list);
	cli_usage(t, EXIT_TROUBLE);
}

date_t
cli_date(const struct cli_tool *t, const char *opt, const char *arg)
{
	date_t d;

	if (cli_parse_date(opt, arg, &d) != 0)
		cli_usage(t, EXIT_TROUBLE);
	return d;
}

uint64_t
cli_number(const struct cli_tool *t, const char *opt, const char *arg, uint64_t min, uint64_t max,
           const char *expected)
{
	uint64_t v;

	if (cli_parse_u64(arg, min, max, &v) != 0) {
		diag_note("%s: expected %s", opt, expected);
		cli_usage(t, EXIT_TROUBLE);
	}
	return v;
}
