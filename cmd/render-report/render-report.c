/*
 * render-report.c: the inspection report and the letters of Annexes B-D
 * (contract section 7). The options and the shared conventions are in place;
 * rendering is not built yet, and the tool says so and exits 2 rather than
 * pretend.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "diag.h"

enum {
	OPT_JUDGEMENTS = CLI_OPT_FIRST_TOOL_OPT,
	OPT_PLAN,
	OPT_SAMPLE,
	OPT_DRAFT,
	OPT_LETTER,
	OPT_DETAILS
};

static const struct option longopts[] = {
    {"judgements", required_argument, NULL, OPT_JUDGEMENTS},
    {"plan", required_argument, NULL, OPT_PLAN},
    {"sample", required_argument, NULL, OPT_SAMPLE},
    {"format", required_argument, NULL, CLI_OPT_FORMAT},
    {"draft", no_argument, NULL, OPT_DRAFT},
    {"letter", required_argument, NULL, OPT_LETTER},
    {"details", required_argument, NULL, OPT_DETAILS},
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

	fprintf(fp, "usage: render-report --judgements FILE [--plan FILE] [--sample FILE]\n"
	            "                     [--format md|html|txt] [--draft] [-o FILE] [SEA]\n"
	            "       render-report --letter ce-email|staff-info|family --details FILE\n"
	            "                     [--plan FILE] [-o FILE]\n");
	exit(status);
}

int
main(int argc, char *argv[])
{
	static const char *const formats[] = {"md", "html", "txt", NULL};
	static const char *const letters[] = {"ce-email", "staff-info", "family", NULL};
	const char *judgements = NULL, *letter = NULL, *details = NULL;
	int ch;

	diag_init("render-report");
	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_JUDGEMENTS:
			judgements = optarg;
			break;
		case OPT_LETTER:
			if (cli_choice(optarg, letters) < 0) {
				diag_note("--letter: expected ce-email, staff-info or family");
				usage(EXIT_TROUBLE);
			}
			letter = optarg;
			break;
		case OPT_DETAILS:
			details = optarg;
			break;
		case CLI_OPT_FORMAT:
			if (cli_choice(optarg, formats) < 0) {
				diag_note("--format: expected md, html or txt");
				usage(EXIT_TROUBLE);
			}
			break;
		case OPT_PLAN:
		case OPT_SAMPLE:
		case OPT_DRAFT:
		case 'o':
			break;
		case 'h':
			usage(EXIT_OK);
			break;
		case CLI_OPT_VERSION:
			cli_version("render-report");
			return EXIT_OK;
		default:
			usage(EXIT_TROUBLE);
		}
	}
	if (letter != NULL ? details == NULL : judgements == NULL) {
		diag_note(letter != NULL ? "--letter needs --details" : "--judgements is required");
		usage(EXIT_TROUBLE);
	}
	diag_note("rendering is not built yet (issue 8); nothing written");
	return EXIT_TROUBLE;
}
