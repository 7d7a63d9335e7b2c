/*
 * plan-observations.c: assign practice observations to the inspectors the
 * plan puts in each area (contract section 5). The options and the shared
 * conventions are in place; the assignment itself is not built yet, and the
 * tool says so and exits 2 rather than pretend.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "diag.h"
#include "output.h"

enum { OPT_PLAN = CLI_OPT_FIRST_TOOL_OPT, OPT_OPPORTUNITIES, OPT_MAX_TRAVEL };

static const struct option longopts[] = {
    {"plan", required_argument, NULL, OPT_PLAN},
    {"opportunities", required_argument, NULL, OPT_OPPORTUNITIES},
    {"format", required_argument, NULL, CLI_OPT_FORMAT},
    {"max-travel", required_argument, NULL, OPT_MAX_TRAVEL},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, CLI_OPT_VERSION},
    {NULL, 0, NULL, 0},
};

/* Print usage on stdout (status 0) or stderr, and exit with status. */
static void
usage(int status)
{
	FILE *fp = status == 0 ? stdout : stderr;

	fprintf(fp,
	        "usage: plan-observations --plan PLAN.json --opportunities FILE\n"
	        "                         [--format csv|json|ics] [--max-travel MIN] [-o FILE]\n");
	exit(status);
}

int
main(int argc, char *argv[])
{
	static const char *const formats[] = {"csv", "json", "ics", NULL};
	const char *plan = NULL, *opps = NULL, *outpath = NULL;
	uint64_t travel;
	int ch;

	diag_init("plan-observations");
	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_PLAN:
			plan = optarg;
			break;
		case OPT_OPPORTUNITIES:
			opps = optarg;
			break;
		case CLI_OPT_FORMAT:
			if (cli_choice(optarg, formats) < 0) {
				diag_note("--format: expected csv, json or ics");
				usage(EXIT_TROUBLE);
			}
			break;
		case OPT_MAX_TRAVEL:
			if (cli_parse_u64(optarg, 0, 24 * 60, &travel) != 0) {
				diag_note("--max-travel: expected minutes, 0 to 1440");
				usage(EXIT_TROUBLE);
			}
			break;
		case 'o':
			outpath = optarg;
			break;
		case 'h':
			usage(EXIT_OK);
			break;
		case CLI_OPT_VERSION:
			cli_version("plan-observations");
			return EXIT_OK;
		default:
			usage(EXIT_TROUBLE);
		}
	}
	argc -= optind;
	if (argc > 0 || plan == NULL || opps == NULL) {
		diag_note("--plan and --opportunities are required");
		usage(EXIT_TROUBLE);
	}
	(void)outpath;
	diag_note("assigning observations is not built yet (issue 6); nothing written");
	return EXIT_TROUBLE;
}
