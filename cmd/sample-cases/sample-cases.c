/*
 * sample-cases.c: draw the samples the handbook prescribes (contract
 * section 3): the national sample of closed cases, a visited area's local
 * samples, and the last completed complaints investigations. This file reads
 * the options and maps the result to an exit status; the draw is lib/sample.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "core/cli.h"
#include "core/csvio.h"
#include "core/diag.h"
#include "core/heap.h"
#include "core/output.h"
#include "core/xalloc.h"
#include "core/xlsxout.h"
#include "sample/casedraw.h"

#define PROG "sample-cases"

enum {
	OPT_SEED = CLI_OPT_FIRST_TOOL_OPT,
	OPT_EXPLAIN,
	OPT_AREA,
	OPT_CLOSED,
	OPT_EXCLUDE,
	OPT_MAP,
	OPT_ALLOW_OLD,
};

/* clang-format off */
static const struct option longopts[] = {
    CLI_LONGOPTS_INPUT,
    CLI_ARG("format", CLI_OPT_FORMAT), CLI_FLAG("raw", CLI_OPT_RAW), CLI_ARG("seed", OPT_SEED),
    CLI_FLAG("explain", OPT_EXPLAIN), CLI_ARG("area", OPT_AREA), CLI_ARG("closed", OPT_CLOSED),
    CLI_ARG("exclude", OPT_EXCLUDE), CLI_ARG("map", OPT_MAP), CLI_ARG("as-of", CLI_OPT_AS_OF),
    CLI_FLAG("allow-old", OPT_ALLOW_OLD),
    CLI_LONGOPTS_COMMON,
};
/* clang-format on */

/*
 * The list as a workbook: the columns Cafcass fills in are unlocked with a
 * drop-down: whether the file was sent, and for the cases it audits, its grade.
 */
static int
write_book(const char *mode, struct xlsxout_csv *list, FILE *out)
{
	static const char *const yn[] = {"Y", "N", NULL};
	static const char *const grades[] = {"Outstanding", "Good", "Requires improvement",
	                                     "Inadequate", NULL};
	static const struct xlsxout_input inputs[] = {{"file_sent", yn}, {"audit_grade", grades}};
	char sheet[32], err[512];

	snprintf(sheet, sizeof sheet, "%c%s sample", toupper((unsigned char)mode[0]), mode + 1);
	if (xlsxout_write_csv(list, out, strcmp(mode, "complaints") == 0 ? "Complaints" : sheet,
	                      inputs, strcmp(mode, "complaints") == 0 ? 1 : 2, err,
	                      sizeof err) == 0)
		return 0;
	diag_error(NULL, 0, "xlsx: %s", err);
	return -1;
}

static const struct cli_tool tool = {
    PROG,
    "usage: " PROG " national [--seed N] [--explain] [FILE]\n"
    "       " PROG " local --area NAME [--closed FILE] [--exclude FILE]... [--seed N]\n"
    "                    [--as-of DATE] [--allow-old] [--explain] [FILE]\n"
    "       " PROG " complaints [-n N] [--as-of DATE] [FILE]\n"
    "common options: [--map FILE] [-o FILE] [--encoding utf-8|cp1252] [--sheet NAME|N]\n"
    "                [-h] [--version]\n",
    NULL};

/* A seed from the operating system; 0 or -1. */
static int
os_seed(uint64_t *seed)
{
	size_t got = 0;
	ssize_t n;

	while (got < sizeof *seed) {
		n = getrandom((char *)seed + got, sizeof *seed - got, 0);
		if (n < 0)
			return -1;
		got += (size_t)n;
	}
	return 0;
}

/* Run the mode into the output; the exit status. */
static int
run(const char *mode, const struct casedraw_opts *o, const char *outpath, int xlsx)
{
	char err[512];
	struct output *out;
	struct xlsxout_csv list;
	FILE *fp;
	size_t i;
	int status;

	output_input(o->input != NULL ? o->input : "-");
	output_input(o->closed);
	for (i = 0; i < o->nexclude; i++)
		output_input(o->exclude[i]);
	if ((xlsx && xlsxout_check_target(outpath, err, sizeof err) == -1) ||
	    (out = output_open(outpath, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	if ((fp = xlsx ? xlsxout_csv_open(&list) : output_stream(out)) == NULL) {
		diag_error(NULL, 0, "out of memory");
		output_abort(out);
		return EXIT_TROUBLE;
	}
	if (strcmp(mode, "national") == 0)
		status = casedraw_national(o, fp);
	else if (strcmp(mode, "local") == 0)
		status = casedraw_local(o, fp);
	else
		status = casedraw_complaints(o, fp);
	if (xlsx && status == EXIT_TROUBLE)
		xlsxout_csv_discard(&list);
	else if (xlsx && write_book(mode, &list, output_stream(out)) != 0)
		status = EXIT_TROUBLE;
	if (status == EXIT_TROUBLE) {
		output_abort(out);
		return status;
	}
	if (output_commit(out, err, sizeof err) < 0) {
		diag_error(NULL, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	return status;
}

/* Check that the options given fit the mode; exit 2 when not. */
static void
check_mode(const char *mode, struct casedraw_opts *o, int seed_given, int n_given, int as_of_given)
{
	static const char *const modes[] = {"national", "local", "complaints", NULL};
	int m = cli_choice(mode, modes);

	if (m < 0) {
		diag_error(NULL, 0, "unknown mode (national, local or complaints)");
		cli_usage(&tool, EXIT_TROUBLE);
	}
	if (m != 1 && (o->area || o->closed || o->nexclude)) {
		diag_error(NULL, 0, "--area, --closed and --exclude are for the local mode");
		cli_usage(&tool, EXIT_TROUBLE);
	}
	if (m == 1 && o->area == NULL) {
		diag_error(NULL, 0, "local: --area NAME is required");
		cli_usage(&tool, EXIT_TROUBLE);
	}
	if (m == 2 && (seed_given || o->explain)) {
		diag_error(NULL, 0, "complaints: --seed and --explain do not apply");
		cli_usage(&tool, EXIT_TROUBLE);
	}
	if ((m == 0 && as_of_given) || (m != 1 && o->allow_old)) {
		diag_error(NULL, 0,
		           "--as-of is for the local and complaints modes, --allow-old for local");
		cli_usage(&tool, EXIT_TROUBLE);
	}
	if (!as_of_given)
		o->as_of = dates_today();
	if (m != 2 && n_given) {
		diag_error(NULL, 0, "-n is for the complaints mode");
		cli_usage(&tool, EXIT_TROUBLE);
	}
}

/* The run's options: the draw's, the shared ones and what was given. */
struct options {
	struct casedraw_opts draw;
	struct cli_shared sh;
	int seed_given, n_given, as_of_given, xlsx;
};

/* Read the options into o; returns the index of the mode operand. */
static int
parse_options(int argc, char **argv, struct options *o)
{
	static const char *const formats[] = {"csv", "xlsx", NULL};
	uint64_t v;
	int ch;

	while ((ch = getopt_long(argc, argv, "hn:o:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			if (cli_parse_u64(optarg, 1, 1000000, &v) < 0) {
				diag_error(NULL, 0, "-n: not a number from 1 to 1000000");
				cli_usage(&tool, EXIT_TROUBLE);
			}
			o->draw.n = (unsigned long)v;
			o->n_given = 1;
			break;
		case OPT_SEED:
			if (cli_parse_u64(optarg, 0, UINT64_MAX, &o->draw.seed) < 0) {
				diag_error(NULL, 0, "--seed: not an unsigned 64-bit number");
				cli_usage(&tool, EXIT_TROUBLE);
			}
			o->seed_given = 1;
			break;
		case OPT_EXPLAIN:
			o->draw.explain = 1;
			break;
		case OPT_AREA:
			o->draw.area = optarg;
			break;
		case OPT_CLOSED:
			o->draw.closed = optarg;
			break;
		case OPT_MAP:
			o->draw.map = optarg;
			break;
		case OPT_EXCLUDE:
			o->draw.exclude = xreallocarray(o->draw.exclude, o->draw.nexclude + 1,
			                                sizeof *o->draw.exclude);
			o->draw.exclude[o->draw.nexclude++] = optarg;
			break;
		case CLI_OPT_AS_OF:
			o->draw.as_of = cli_date(&tool, "--as-of", optarg);
			o->as_of_given = 1;
			break;
		case OPT_ALLOW_OLD:
			o->draw.allow_old = 1;
			break;
		case CLI_OPT_FORMAT:
			o->xlsx = cli_pick(&tool, "--format", optarg, formats) == 1;
			break;
		default:
			cli_take(&tool, ch, optarg, &o->sh);
		}
	}
	o->draw.csv_flags = o->sh.csv_flags;
	return optind;
}

int
main(int argc, char **argv)
{
	struct options o;
	int status;

	heap_huge();
	diag_init(PROG);
	memset(&o, 0, sizeof o);
	o.draw.n = 10;
	argc -= parse_options(argc, argv, &o);
	argv += optind;
	if (argc < 1 || argc > 2)
		cli_usage(&tool, EXIT_TROUBLE);
	check_mode(argv[0], &o.draw, o.seed_given, o.n_given, o.as_of_given);
	o.draw.input = argc == 2 ? argv[1] : NULL;
	if (!o.seed_given && strcmp(argv[0], "complaints") != 0) {
		if (os_seed(&o.draw.seed) < 0) {
			diag_error(NULL, 0, "getrandom: no seed from the operating system");
			return EXIT_TROUBLE;
		}
		diag_note("seed %llu", (unsigned long long)o.draw.seed);
	}
	status = run(argv[0], &o.draw, o.sh.output, o.xlsx);
	free(o.draw.exclude);
	return status;
}
