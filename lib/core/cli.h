/*
 * cli.h: what every tool's main() shares: --help/--version handling,
 * checked number parsing, and the common option values.
 */
#ifndef CLI_H
#define CLI_H

#include <getopt.h>
#include <stdint.h>

#include "core/dates.h"

/* Long-option codes above the char range, shared by every tool. */
enum cli_longopt {
	CLI_OPT_VERSION = 256,
	CLI_OPT_AS_OF,
	CLI_OPT_FORMAT,
	CLI_OPT_ENCODING,
	CLI_OPT_SHEET,
	CLI_OPT_RAW,
	CLI_OPT_FIRST_TOOL_OPT = 300 /* tools number their own from here */
};

/* Print "PROG (cafcass-inspect) X.Y.Z" on stdout. */
void cli_version(const char *prog);
/* Parse a whole unsigned decimal number within [min, max]; 0 or -1. */
int cli_parse_u64(const char *s, uint64_t min, uint64_t max, uint64_t *out);
/* Parse a date for an option; on error print "PROG: OPT: ..." and return -1. */
int cli_parse_date(const char *opt, const char *s, date_t *out);
/*
 * Parse --encoding: "utf-8" (the default) or "cp1252" (Excel on Windows; also
 * "windows-1252"), setting or clearing CSVIO_CP1252 in *csv_flags. On anything
 * else print "PROG: --encoding: ..." and return -1.
 */
int cli_encoding(const char *s, unsigned *csv_flags);
/*
 * --sheet NAME|N: the sheet every Excel workbook (.xlsx) input is read from
 * (a name, or a number from 1 in the workbook's order); the first visible
 * sheet by default. Applies to workbook inputs only.
 */
void cli_sheet(const char *s);
/*
 * --raw: CSV cells are written exactly, without the quote that keeps a
 * spreadsheet from taking them for formulas (see csvio_set_raw()).
 */
void cli_raw(void);
/* clang-format off */
/* The long options every tool ends its table with: -o, -h, --version and the end. */
#define CLI_LONGOPTS_COMMON \
	{"output", required_argument, NULL, 'o'}, \
	{"help", no_argument, NULL, 'h'}, \
	{"version", no_argument, NULL, CLI_OPT_VERSION}, \
	{NULL, 0, NULL, 0}
/* One long option taking a value, and one without. */
#define CLI_ARG(name, code) {name, required_argument, NULL, code}
#define CLI_FLAG(name, code) {name, no_argument, NULL, code}
/* The long options of a tool that reads CSV or workbooks. */
#define CLI_LONGOPTS_INPUT \
	{"encoding", required_argument, NULL, CLI_OPT_ENCODING}, \
	{"sheet", required_argument, NULL, CLI_OPT_SHEET}
/* clang-format on */
/* Return the index of s in the NULL-terminated list, or -1. */
int cli_choice(const char *s, const char *const *choices);

/* A tool's name and help text, for cli_usage(). */
struct cli_tool {
	const char *prog; /* the binary's name */
	const char *synopsis; /* the "usage: ..." lines, each ending in a newline */
	const char *summary; /* what --help adds after the synopsis */
};

/*
 * The values of the options every tool shares: -o FILE (NULL for stdout)
 * and --encoding's CSV flags.
 */
struct cli_shared {
	const char *output;
	unsigned csv_flags;
};

/*
 * Print the synopsis (and for status 0 the summary) on stdout for status 0,
 * else on stderr, and exit with status.
 */
void cli_usage(const struct cli_tool *t, int status) __attribute__((noreturn));
/*
 * The default of every tool's getopt switch: -o, -h, --version, --encoding,
 * --sheet and --raw are taken into *sh (or acted on); anything else is a
 * usage error. Returns only when the option was taken.
 */
void cli_take(const struct cli_tool *t, int ch, const char *arg, struct cli_shared *sh);
/*
 * The index of arg in the NULL-terminated choices of option opt; on none,
 * say "OPT: expected a, b or c" and exit through cli_usage(t, 2).
 */
int cli_pick(const struct cli_tool *t, const char *opt, const char *arg,
             const char *const *choices);
/*
 * A whole number option within [min, max]; on anything else say
 * "OPT: expected EXPECTED" and cli_usage(t, 2).
 */
uint64_t cli_number(const struct cli_tool *t, const char *opt, const char *arg, uint64_t min,
                    uint64_t max, const char *expected);
/* A date option's value; on a bad date, say why and cli_usage(t, 2). */
date_t cli_date(const struct cli_tool *t, const char *opt, const char *arg);

#endif
