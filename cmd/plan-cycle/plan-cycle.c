/*
 * plan-cycle: the inspection cycle to come after a full inspection under
 * the 2021 framework (profile framework-2021): the window for the next full
 * inspection, the focused visit(s) between, the annual self-evaluation and
 * engagement meeting, and monitoring visits after an inadequate judgement,
 * each date with its reason. Options and streams here; the work is in
 * lib/cycle/cycle.c.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/cli.h"
#include "core/diag.h"
#include "core/heap.h"
#include "core/jsonio.h"
#include "core/output.h"
#include "core/xalloc.h"
#include "cycle/cycle.h"
#include "plan/timetable.h"
#include "regime/profile.h"
#include "report/judgementsfile.h"

#define PROG "plan-cycle"
#define MAX_LIST 64 /* --grade and --visit given at most this often */

enum {
	OPT_LAST = CLI_OPT_FIRST_TOOL_OPT,
	OPT_GRADE,
	OPT_VISIT,
	OPT_ANNUAL_FROM,
	OPT_MONITORING,
	OPT_PROFILE,
	OPT_HOLIDAYS,
	OPT_DIVISION
};
enum format { FMT_CSV, FMT_JSON, FMT_ICS };

struct opts {
	const char *profile, *holidays, *division;
	struct cli_shared sh;
	date_t last, as_of, annual_from;
	int have_last, have_as_of, have_annual;
	size_t ngrades, nvisits;
	struct cycle_grade grades[MAX_LIST];
	date_t visits[MAX_LIST];
	int monitoring_months;
	enum format format;
};

/* clang-format off */
static const struct option longopts[] = {
    CLI_ARG("last", OPT_LAST), CLI_ARG("grade", OPT_GRADE), CLI_ARG("visit", OPT_VISIT),
    CLI_ARG("as-of", CLI_OPT_AS_OF), CLI_ARG("annual-from", OPT_ANNUAL_FROM),
    CLI_ARG("monitoring-every", OPT_MONITORING), CLI_ARG("profile", OPT_PROFILE),
    CLI_ARG("holidays", OPT_HOLIDAYS), CLI_ARG("division", OPT_DIVISION),
    CLI_ARG("format", CLI_OPT_FORMAT),
    CLI_LONGOPTS_COMMON,
};
/* clang-format on */

static const struct cli_tool tool = {
    PROG,
    "usage: plan-cycle --last DATE --grade JUDGEMENT=GRADE... [--visit DATE]...\n"
    "                  [--as-of DATE] [--annual-from DATE] [--monitoring-every MONTHS]\n"
    "                  [--profile framework-2021] [--holidays FILE]\n"
    "                  [--division england-and-wales] [--format csv|json|ics] [-o FILE]\n",
    "Plan the inspection cycle after the last full inspection: the window for the\n"
    "next one, focused visits, annual self-evaluation and engagement meetings, and\n"
    "monitoring visits after an inadequate judgement, each date with its reason.\n"
    "Exit 1 when --as-of is past a deadline (overdue), naming it.\n"};

/* --grade JUDGEMENT=GRADE into o; exits on a usage error. */
static void
take_grade(struct opts *o, char *arg)
{
	char *eq = strchr(arg, '=');
	enum report_grade g;

	if (eq == NULL || eq == arg || o->ngrades == MAX_LIST) {
		diag_note("--grade: expected JUDGEMENT=GRADE (private-law=good)");
		cli_usage(&tool, EXIT_TROUBLE);
	}
	*eq = '\0';
	if ((g = judgementsfile_grade_parse(eq + 1)) == REPORT_GRADE_NONE) {
		diag_note(
		    "--grade %s: expected outstanding, good, requires-improvement or inadequate",
		    arg);
		cli_usage(&tool, EXIT_TROUBLE);
	}
	o->grades[o->ngrades].judgement = arg;
	o->grades[o->ngrades].grade = judgementsfile_grade_words(g);
	o->grades[o->ngrades++].inadequate = g == REPORT_INADEQUATE;
}

/* A date option into *d; exits on a usage error. */
static void
take_date(const char *opt, const char *arg, date_t *d, int *have)
{
	*d = cli_date(&tool, opt, arg);
	if (have != NULL)
		*have = 1;
}

static void
parse_options(int argc, char *argv[], struct opts *o)
{
	static const char *const formats[] = {"csv", "json", "ics", NULL};
	uint64_t n;
	int ch;

	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_LAST:
			take_date("--last", optarg, &o->last, &o->have_last);
			break;
		case OPT_GRADE:
			take_grade(o, optarg);
			break;
		case OPT_VISIT:
			if (o->nvisits == MAX_LIST)
				cli_usage(&tool, EXIT_TROUBLE);
			take_date("--visit", optarg, &o->visits[o->nvisits++], NULL);
			break;
		case CLI_OPT_AS_OF:
			take_date("--as-of", optarg, &o->as_of, &o->have_as_of);
			break;
		case OPT_ANNUAL_FROM:
			take_date("--annual-from", optarg, &o->annual_from, &o->have_annual);
			break;
		case OPT_MONITORING:
			if (cli_parse_u64(optarg, 1, 36, &n) != 0) {
				diag_note(
				    "--monitoring-every: expected a number of months, 1 to 36");
				cli_usage(&tool, EXIT_TROUBLE);
			}
			o->monitoring_months = (int)n;
			break;
		case OPT_PROFILE:
			o->profile = optarg;
			break;
		case OPT_HOLIDAYS:
			o->holidays = optarg;
			break;
		case OPT_DIVISION:
			o->division = optarg;
			break;
		case CLI_OPT_FORMAT:
			o->format = (enum format)cli_pick(&tool, "--format", optarg, formats);
			break;
		default:
			cli_take(&tool, ch, optarg, &o->sh);
		}
	}
	if (optind < argc || !o->have_last) {
		diag_note(optind < argc ? "no file operands" : "--last is required");
		cli_usage(&tool, EXIT_TROUBLE);
	}
}

/* The profile, its blackout periods and the calendar; -1 after a message. */
static int
load(const struct opts *o, struct profile **prof, struct timetable_profile **tp,
     struct calendar **cal)
{
	char err[512];

	if ((*prof = profile_named(o->profile, err, sizeof err)) == NULL ||
	    (*tp = timetable_profile_named(o->profile, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "--profile: %s", err);
		return -1;
	}
	*cal = o->holidays ? calendar_load(o->holidays, o->division, err, sizeof err)
	                   : calendar_load_default(o->division, err, sizeof err);
	if (*cal == NULL) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	return 0;
}

/* Write the cycle in the chosen format; the exit status. */
static int
emit(const struct opts *o, const struct cycle *c)
{
	char err[512], *text = NULL;
	struct output *out;
	json_t *doc;
	int rc = 0;

	if (o->format == FMT_ICS)
		text = cycle_ics(c);
	if ((out = output_open(o->sh.output, err, sizeof err)) == NULL) {
		free(text);
		diag_error(NULL, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	if (o->format == FMT_CSV)
		cycle_write_csv(c, output_stream(out));
	else if (o->format == FMT_ICS)
		fputs(text, output_stream(out));
	else {
		doc = cycle_to_json(c);
		rc = jsonio_dump(doc, output_stream(out));
		json_decref(doc);
	}
	free(text);
	if (rc != 0 || output_commit(out, err, sizeof err) != 0) {
		diag_error(NULL, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}

int
main(int argc, char *argv[])
{
	struct opts o;
	struct cycle_input in;
	struct profile *prof = NULL;
	struct timetable_profile *tp = NULL;
	struct calendar *cal = NULL;
	struct cycle *c = NULL;
	char err[512];
	int rc = EXIT_TROUBLE;
	size_t i;

	heap_huge();
	memset(&o, 0, sizeof o);
	o.profile = PROFILE_DEFAULT_JUDGEMENTS;
	o.division = CALENDAR_ENGLAND_AND_WALES;
	diag_init(PROG);
	parse_options(argc, argv, &o);
	if (load(&o, &prof, &tp, &cal) != 0)
		goto out;
	memset(&in, 0, sizeof in);
	in.prof = prof;
	in.tp = tp;
	in.cal = cal;
	in.last = o.last;
	in.as_of = o.have_as_of ? o.as_of : dates_today();
	in.annual_from = o.have_annual ? o.annual_from : o.last;
	in.grades = o.grades;
	in.ngrades = o.ngrades;
	in.visits = o.visits;
	in.nvisits = o.nvisits;
	in.monitoring_months = o.monitoring_months;
	if (cycle_build(&in, &c, err, sizeof err) != 0) {
		diag_error(NULL, 0, "%s", err);
		goto out;
	}
	for (i = 0; i < c->nnotes; i++)
		diag_warn(NULL, 0, "%s", c->notes[i]);
	for (i = 0; i < c->nunchecked; i++)
		diag_error(NULL, 0, "%s", c->unchecked[i]);
	for (i = 0; i < c->noverdue; i++)
		diag_error(NULL, 0, "overdue: %s", c->overdue[i]);
	rc = emit(&o, c);
	if (rc == EXIT_OK && c->noverdue + c->nunchecked > 0)
		rc = EXIT_FINDINGS;
out:
	cycle_free(c);
	calendar_free(cal);
	timetable_profile_free(tp);
	profile_free(prof);
	return rc;
}
