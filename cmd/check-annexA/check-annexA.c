/*
 * check-annexA: validate the Annex A child-level extract (contract section
 * 2): every rule of lib/annexa, the national sample's feasibility and, with
 * --documents, Annex A's further documentation. Exit 1 when any error-level
 * finding exists, 2 when the input cannot be read.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annexa/annexa.h"
#include "annexa/docs.h"
#include "annexa/findings.h"
#include "core/cli.h"
#include "core/csvio.h"
#include "core/dates.h"
#include "core/diag.h"
#include "core/heap.h"
#include "core/output.h"
#include "core/xlsxout.h"

#define PROG "check-annexA"

enum { OPT_DOCUMENTS = CLI_OPT_FIRST_TOOL_OPT, OPT_MAX_FINDINGS, OPT_ID_PATTERN, OPT_MAP };

/* clang-format off */
static const struct option longopts[] = {
    CLI_ARG("as-of", CLI_OPT_AS_OF), CLI_ARG("format", CLI_OPT_FORMAT),
    CLI_ARG("documents", OPT_DOCUMENTS),
    CLI_LONGOPTS_INPUT,
    CLI_FLAG("raw", CLI_OPT_RAW), CLI_ARG("max-findings", OPT_MAX_FINDINGS),
    CLI_ARG("id-pattern", OPT_ID_PATTERN), CLI_ARG("map", OPT_MAP),
    CLI_LONGOPTS_COMMON,
};
/* clang-format on */

struct options {
	struct annexa_config cfg;
	enum findings_format format;
	int xlsx; /* --format xlsx: the csv findings as a workbook */
	const char *documents;
	struct cli_shared sh;
	const char *input; /* NULL: standard input */
	int capped;
	uint64_t max;
};

static const struct cli_tool tool = {
    PROG,
    "usage: " PROG " [--as-of DATE] [--format text|json|csv|xlsx] [--documents MANIFEST]\n"
    "                    [--encoding utf-8|cp1252] [--id-pattern REGEX] [--map FILE]\n"
    "                    [--sheet NAME|N] [--max-findings N] [-o FILE] [FILE]\n",
    NULL};

/* Parse the command line into o. */
static void
parse_options(int argc, char *argv[], struct options *o)
{
	static const char *const formats[] = {"text", "json", "csv", "xlsx", NULL};
	int ch, i, as_of_given = 0;

	memset(o, 0, sizeof *o);
	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case CLI_OPT_AS_OF:
			o->cfg.as_of = cli_date(&tool, "--as-of", optarg);
			as_of_given = 1;
			break;
		case CLI_OPT_FORMAT:
			i = cli_pick(&tool, "--format", optarg, formats);
			o->xlsx = i == 3;
			o->format = o->xlsx ? FINDINGS_CSV : (enum findings_format)i;
			break;
		case OPT_ID_PATTERN:
			o->cfg.id_pattern = optarg;
			break;
		case OPT_MAP:
			o->cfg.map = optarg;
			break;
		case OPT_DOCUMENTS:
			o->documents = optarg;
			break;
		case OPT_MAX_FINDINGS:
			if (cli_parse_u64(optarg, 0, UINT64_MAX, &o->max) != 0) {
				diag_note("--max-findings: expected a whole number");
				cli_usage(&tool, EXIT_TROUBLE);
			}
			o->capped = 1;
			break;
		default:
			cli_take(&tool, ch, optarg, &o->sh);
		}
	}
	if (!as_of_given) /* today's date reads the time zone: only when it is needed */
		o->cfg.as_of = dates_today();
	o->cfg.csv_flags = o->sh.csv_flags;
	argc -= optind;
	argv += optind;
	if (argc > 1)
		cli_usage(&tool, EXIT_TROUBLE);
	if (argc == 1 && strcmp(argv[0], "-") != 0)
		o->input = argv[0];
}

/* Check the extract and write the report to out; an exit status. */
static int
run(const struct options *o, FILE *in, const char *name, struct output *out,
    const struct docs_report *docs)
{
	struct annexa *a;
	struct findings rep;
	struct xlsxout_csv list;
	FILE *fp;
	char err[512];
	int status;

	if ((a = annexa_new(&o->cfg, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	fp = o->xlsx ? xlsxout_csv_open(&list) : output_stream(out);
	if (fp == NULL || findings_begin(&rep, o->format, fp, name) == -1) {
		diag_error(NULL, 0, "cannot make a temporary file");
		annexa_free(a);
		return EXIT_TROUBLE;
	}
	rep.capped = o->capped;
	rep.max = o->max;
	if (annexa_check(a, in, name, findings_finding, &rep, err, sizeof err) == -1) {
		diag_error(NULL, 0, "%s", err);
		annexa_free(a);
		return EXIT_TROUBLE;
	}
	annexa_finish(a, findings_finding, &rep);
	if (docs != NULL)
		findings_documents(&rep, a, o->documents, docs);
	rep.file = name;
	if (findings_end(&rep, annexa_summary(a), o->cfg.as_of, o->documents, docs) == -1) {
		diag_error(output_name(out), 0, "write error");
		annexa_free(a);
		return EXIT_TROUBLE;
	}
	status = annexa_summary(a)->errors > 0 ? EXIT_FINDINGS : EXIT_OK;
	annexa_free(a);
	if (o->xlsx && xlsxout_write_csv(&list, output_stream(out), "Findings", NULL, 0, err,
	                                 sizeof err) < 0) {
		diag_error(output_name(out), 0, "%s", err);
		return EXIT_TROUBLE;
	}
	return status;
}

int
main(int argc, char *argv[])
{
	struct options o;
	struct docs *d = NULL;
	struct docs_report dr;
	struct output *out;
	FILE *in = stdin;
	const char *name = "<stdin>";
	char err[512];
	int status;

	heap_huge();
	diag_init(PROG);
	parse_options(argc, argv, &o);
	if (o.documents != NULL) {
		if ((d = docs_load(err, sizeof err)) == NULL ||
		    docs_check(d, o.documents, &dr, err, sizeof err) == -1) {
			diag_error(NULL, 0, "%s", err);
			docs_free(d);
			return EXIT_TROUBLE;
		}
	}
	if (o.input != NULL) {
		name = o.input;
		if ((in = output_input_open(o.input)) == NULL) {
			diag_error(o.input, 0, "cannot open: %m");
			return EXIT_TROUBLE;
		}
	}
	output_input(o.input != NULL ? o.input : "-");
	output_input(o.documents);
	if ((o.xlsx && xlsxout_check_target(o.sh.output, err, sizeof err) == -1) ||
	    (out = output_open(o.sh.output, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	status = run(&o, in, name, out, d != NULL ? &dr : NULL);
	if (status == EXIT_TROUBLE)
		output_abort(out);
	else if (output_commit(out, err, sizeof err) == -1) {
		diag_error(NULL, 0, "%s", err);
		status = EXIT_TROUBLE;
	}
	if (d != NULL) {
		docs_report_free(&dr);
		docs_free(d);
	}
	if (in != stdin)
		fclose(in);
	return status;
}
