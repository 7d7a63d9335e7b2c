/*
 * check-action-plan: Cafcass's action plan checked against the report's
 * recommendations (MCSI guidelines 2002, paras 6.8-6.12), with the
 * acknowledgement letter (para 6.10); or, with --monitoring, the timetable
 * of monitoring the plan (paras 6.15-6.20). Options and streams here; the
 * work is in lib/actionplan/.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actionplan/actionplan.h"
#include "core/calendar.h"
#include "core/cli.h"
#include "core/diag.h"
#include "core/heap.h"
#include "core/jsonio.h"
#include "core/output.h"

#define PROG "check-action-plan"

enum {
	OPT_RECS = CLI_OPT_FIRST_TOOL_OPT,
	OPT_PLAN,
	OPT_DRAFT,
	OPT_RECEIVED,
	OPT_LETTER,
	OPT_MONITORING,
	OPT_INSPECTION,
	OPT_FINAL,
	OPT_HOLIDAYS
};
enum format { FMT_TEXT, FMT_JSON, FMT_CSV };

struct opts {
	const char *recs, *plan, *holidays;
	date_t draft, received, inspection, final;
	int letter, monitoring;
	struct cli_shared sh;
	enum format format;
};

/* clang-format off */
static const struct option longopts[] = {
    CLI_ARG("recommendations", OPT_RECS), CLI_ARG("plan", OPT_PLAN),
    CLI_ARG("draft-sent", OPT_DRAFT), CLI_ARG("received", OPT_RECEIVED),
    CLI_FLAG("letter", OPT_LETTER), CLI_FLAG("monitoring", OPT_MONITORING),
    CLI_ARG("inspection", OPT_INSPECTION), CLI_ARG("final-meeting", OPT_FINAL),
    CLI_ARG("holidays", OPT_HOLIDAYS), CLI_ARG("format", CLI_OPT_FORMAT),
    CLI_ARG("encoding", CLI_OPT_ENCODING),
    CLI_LONGOPTS_COMMON,
};
/* clang-format on */

static const struct cli_tool tool = {
    PROG,
    "usage: check-action-plan --recommendations FILE --plan FILE\n"
    "                         [--draft-sent DATE] [--received DATE] [--letter]\n"
    "                         [--format text|json|csv] [--encoding cp1252] [-o FILE]\n"
    "       check-action-plan --monitoring --inspection DATE [--final-meeting DATE]\n"
    "                         [--holidays FILE] [--format csv|json] [-o FILE]\n",
    "Check that the action plan answers every recommendation (action, timetable,\n"
    "who is responsible, or the reason it is not agreed; 120 words at most; within\n"
    "four weeks of the draft), or write the timetable of monitoring it.\n"
    "Exit 1 on any finding.\n"};

static void
parse_options(int argc, char *argv[], struct opts *o)
{
	static const char *const formats[] = {"text", "json", "csv", NULL};
	int ch;

	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_RECS:
			o->recs = optarg;
			break;
		case OPT_PLAN:
			o->plan = optarg;
			break;
		case OPT_DRAFT:
			o->draft = cli_date(&tool, "--draft-sent", optarg);
			break;
		case OPT_RECEIVED:
			o->received = cli_date(&tool, "--received", optarg);
			break;
		case OPT_INSPECTION:
			o->inspection = cli_date(&tool, "--inspection", optarg);
			break;
		case OPT_FINAL:
			o->final = cli_date(&tool, "--final-meeting", optarg);
			break;
		case OPT_LETTER:
			o->letter = 1;
			break;
		case OPT_MONITORING:
			o->monitoring = 1;
			break;
		case OPT_HOLIDAYS:
			o->holidays = optarg;
			break;
		case CLI_OPT_FORMAT:
			o->format = (enum format)cli_pick(&tool, "--format", optarg, formats);
			break;
		default:
			cli_take(&tool, ch, optarg, &o->sh);
		}
	}
	if (optind < argc) {
		diag_note("no file operands: name the files with --recommendations and --plan");
		cli_usage(&tool, EXIT_TROUBLE);
	}
	if (o->monitoring ? o->inspection < 0 || o->recs != NULL || o->plan != NULL || o->letter
	                  : o->recs == NULL || o->plan == NULL) {
		diag_note(o->monitoring
		              ? "--monitoring takes --inspection (and --final-meeting) only"
		              : "--recommendations and --plan are required");
		cli_usage(&tool, EXIT_TROUBLE);
	}
	if (o->monitoring && o->format == FMT_TEXT)
		o->format = FMT_CSV;
}

/* Open the output, write text or a JSON document or call back, commit; the exit status. */
static int
emit(const struct opts *o, const char *text, json_t *doc, void (*write)(const void *, FILE *),
     const void *arg)
{
	char err[512];
	struct output *out = output_open(o->sh.output, err, sizeof err);
	int rc = 0;

	if (out == NULL) {
		json_decref(doc);
		diag_error(NULL, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	if (text != NULL)
		fputs(text, output_stream(out));
	else if (doc != NULL)
		rc = jsonio_dump(doc, output_stream(out));
	else
		write(arg, output_stream(out));
	json_decref(doc);
	if (rc != 0 || output_commit(out, err, sizeof err) != 0) {
		diag_error(NULL, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}

/* The result and the plan's file name, for the writers. */
struct named {
	const struct actionplan_result *r;
	const char *name;
};

static void
write_csv(const void *n, FILE *fp)
{
	actionplan_write_csv(((const struct named *)n)->r, fp);
}

static void
write_text(const void *n, FILE *fp)
{
	actionplan_write_text(((const struct named *)n)->r, ((const struct named *)n)->name, fp);
}

struct steps {
	const struct actionplan_step *v;
	size_t n;
};

static void
write_steps(const void *s, FILE *fp)
{
	actionplan_steps_csv(((const struct steps *)s)->v, ((const struct steps *)s)->n, fp);
}

/* --monitoring: the timetable; the exit status. */
static int
run_monitoring(const struct opts *o)
{
	char err[512], *problem;
	struct calendar *cal =
	    o->holidays ? calendar_load(o->holidays, CALENDAR_ENGLAND_AND_WALES, err, sizeof err)
	                : calendar_load_default(CALENDAR_ENGLAND_AND_WALES, err, sizeof err);
	struct steps s;
	struct actionplan_step *v;
	int rc;

	if (cal == NULL) {
		diag_error(NULL, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	v = actionplan_monitoring(cal, o->inspection, o->final, &s.n, &problem);
	s.v = v;
	rc = emit(o, NULL, o->format == FMT_JSON ? actionplan_steps_json(v, s.n) : NULL,
	          write_steps, &s);
	if (problem != NULL) {
		diag_error(NULL, 0, "%s", problem);
		rc = rc == EXIT_OK ? EXIT_FINDINGS : rc;
	}
	free(problem);
	actionplan_steps_free(v, s.n);
	calendar_free(cal);
	return rc;
}

/* The check; the exit status. */
static int
run_check(const struct opts *o)
{
	struct actionplan_recs *recs;
	struct actionplan_plan *plan = NULL;
	struct actionplan_result r;
	struct named named;
	char err[512], *letter;
	int rc;
	size_t i;

	if ((recs = actionplan_recs_read(o->recs, o->sh.csv_flags, err, sizeof err)) == NULL ||
	    (plan = actionplan_plan_read(o->plan, o->sh.csv_flags, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		actionplan_recs_free(recs);
		return EXIT_TROUBLE;
	}
	actionplan_check(recs, plan, o->draft, o->received, &r);
	letter = o->letter ? actionplan_letter(&r) : NULL;
	if (letter != NULL || o->format != FMT_TEXT) /* the findings on stderr too */
		for (i = 0; i < r.n; i++)
			diag_error(plan->name, r.v[i].line, "%s: %s", r.v[i].rule, r.v[i].message);
	named.r = &r;
	named.name = plan->name;
	rc =
	    emit(o, letter, o->format == FMT_JSON && letter == NULL ? actionplan_to_json(&r) : NULL,
	         o->format == FMT_CSV ? write_csv : write_text, &named);
	if (rc == EXIT_OK && r.n > 0)
		rc = EXIT_FINDINGS;
	free(letter);
	actionplan_result_free(&r);
	actionplan_plan_free(plan);
	actionplan_recs_free(recs);
	return rc;
}

int
main(int argc, char *argv[])
{
	struct opts o;

	heap_huge();
	memset(&o, 0, sizeof o);
	o.draft = o.received = o.inspection = o.final = -1;
	diag_init(PROG);
	parse_options(argc, argv, &o);
	return o.monitoring ? run_monitoring(&o) : run_check(&o);
}
