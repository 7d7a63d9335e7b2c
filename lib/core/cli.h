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
/* The long options of a tool that reads CSV or workbooks. */
#define CLI_LONGOPTS_INPUT \
	{"encoding", required_argument, NULL, CLI_OPT_ENCODING}, \
	{"sheet", required_argument, NULL, CLI_OPT_SHEET}
/* clang-format on */
/*
 * The options every tool shares, for a getopt switch's default: --sheet,
 * --raw, and --format csv|xlsx when xlsx is not NULL (*xlsx set to 1 for
 * xlsx). 0 when ch was one of them, else -1 (a bad --format is said).
 */
int cli_common(int ch, const char *arg, int *xlsx);
/* Return the index of s in the NULL-terminated list, or -1. */
int cli_choice(const char *s, const char *const *choices);

#endif
