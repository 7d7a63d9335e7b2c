/*
 * plan-weeks.c: the inspection timetable, the service areas to visit and
 * the team's deployment, from one start date (contract section 4). Reads
 * the options, loads the profile, holidays, areas and team, builds the plan
 * (lib/plan/plan.c) and writes it as CSV, JSON, iCalendar, SVG or HTML.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/cli.h"
#include "core/csvio.h"
#include "core/diag.h"
#include "core/heap.h"
#include "core/jsonio.h"
#include "core/output.h"
#include "core/text.h"
#include "core/xlsxout.h"
#include "core/xalloc.h"
#include "plan/gantt.h"
#include "plan/ics.h"
#include "plan/plan.h"
#include "plan/planbook.h"
#include "regime/profile.h"

enum {
	OPT_START = CLI_OPT_FIRST_TOOL_OPT,
	OPT_PROFILE,
	OPT_AREAS,
	OPT_TEAM,
	OPT_VISITS,
	OPT_HOLIDAYS,
	OPT_DIVISION,
	OPT_VIEW,
	OPT_INCLUDE,
	OPT_EXCLUDE,
	OPT_PIN,
	OPT_REPLACE,
	OPT_FROM,
	OPT_AS_OF,
	OPT_PREVIOUS,
	OPT_SEQUENCE,
	OPT_PER_INSPECTOR,
};

enum format { F_CSV, F_JSON, F_ICS, F_SVG, F_HTML, F_XLSX };

/* clang-format off */
static const struct option longopts[] = {
    CLI_ARG("start", OPT_START), CLI_ARG("profile", OPT_PROFILE), CLI_ARG("areas", OPT_AREAS),
    CLI_ARG("team", OPT_TEAM), CLI_ARG("visits", OPT_VISITS), CLI_ARG("holidays", OPT_HOLIDAYS),
    CLI_ARG("division", OPT_DIVISION), CLI_ARG("format", CLI_OPT_FORMAT),
    CLI_ARG("view", OPT_VIEW), CLI_ARG("include", OPT_INCLUDE), CLI_ARG("exclude", OPT_EXCLUDE),
    CLI_ARG("pin", OPT_PIN), CLI_ARG("replace", OPT_REPLACE), CLI_ARG("from", OPT_FROM),
    CLI_ARG("as-of", OPT_AS_OF), CLI_ARG("previous", OPT_PREVIOUS),
    CLI_ARG("sequence", OPT_SEQUENCE), CLI_ARG("per-inspector", OPT_PER_INSPECTOR),
    CLI_LONGOPTS_INPUT,
    CLI_FLAG("raw", CLI_OPT_RAW),
    CLI_LONGOPTS_COMMON,
};
/* clang-format on */

/* Everything the options say. */
struct opts {
	const char *start_arg, *profile, *areas, *team, *holidays, *division;
	struct cli_shared sh;
	enum format format;
	enum plan_view view;
	int visits;
	const char **include, **exclude;
	size_t ninclude, nexclude;
	struct plan_pin *pins;
	size_t npins;
	struct plan_replace *replace;
	size_t nreplace;
	const char *from_arg, *as_of_arg, *previous, *per_inspector;
	long sequence;
};

static const struct cli_tool tool = {
    "plan-weeks",
    "usage: plan-weeks --start DATE [--profile handbook-2014|framework-2021|mcsi-2002]\n"
    "                  [--areas FILE] [--team FILE] [--visits 7|8]\n"
    "                  [--include AREA]... [--exclude AREA]...\n"
    "                  [--pin AREA=WEEK]... [--replace OLD=NEW[:CONFLICTS] --from DATE]...\n"
    "                  [--previous PLAN.json] [--as-of DATE] [--sequence N]\n"
    "                  [--per-inspector DIR]\n"
    "                  [--holidays FILE] [--division england-and-wales]\n"
    "                  [--format csv|json|ics|svg|html|xlsx]\n"
    "                  [--view timeline|areas|deployment] [--encoding cp1252]\n"
    "                  [--sheet NAME|N] [-o FILE]\n",
    NULL};

/* Append s to a growing list of strings. */
static void
append(const char ***list, size_t *n, const char *s)
{
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = s;
}

/* --pin AREA=WEEK; exits 2 when malformed. */
static void
add_pin(struct opts *o, char *arg)
{
	char *eq = strrchr(arg, '=');
	uint64_t week;

	if (eq == NULL || eq == arg || cli_parse_u64(eq + 1, 1, 52, &week) != 0) {
		diag_note("--pin: expected AREA=WEEK (e.g. \"Wessex=3\")");
		cli_usage(&tool, EXIT_TROUBLE);
	}
	*eq = '\0';
	o->pins = xreallocarray(o->pins, o->npins + 1, sizeof *o->pins);
	o->pins[o->npins].area = arg;
	o->pins[o->npins++].week = (int)week;
}

/* --replace OLD=NEW[:CONFLICTS]; its --from is filled in later. */
static void
add_replace(struct opts *o, char *arg)
{
	char *eq = strchr(arg, '='), *colon;
	struct plan_replace *r;

	if (eq == NULL || eq == arg || eq[1] == '\0' || eq[1] == ':') {
		diag_note("--replace: expected OLD=NEW or OLD=NEW:CONFLICTS");
		cli_usage(&tool, EXIT_TROUBLE);
	}
	*eq = '\0';
	if ((colon = strchr(eq + 1, ':')) != NULL)
		*colon = '\0';
	o->replace = xreallocarray(o->replace, o->nreplace + 1, sizeof *o->replace);
	r = &o->replace[o->nreplace++];
	r->old_name = arg;
	r->new_name = eq + 1;
	r->new_conflicts = colon != NULL ? colon + 1 : NULL;
	r->from = -1;
}

/* Read the command line into o. */
static void
parse_options(int argc, char *argv[], struct opts *o)
{
	static const char *const formats[] = {"csv", "json", "ics", "svg", "html", "xlsx", NULL};
	static const char *const views[] = {"timeline", "areas", "deployment", NULL};
	static const char *const visits[] = {"7", "8", NULL};
	int ch;

	memset(o, 0, sizeof *o);
	o->profile = PROFILE_DEFAULT_PLAN;
	o->division = "england-and-wales";
	o->visits = 8;
	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_START:
			o->start_arg = optarg;
			break;
		case OPT_PROFILE:
			o->profile = optarg;
			break;
		case OPT_AREAS:
			o->areas = optarg;
			break;
		case OPT_TEAM:
			o->team = optarg;
			break;
		case OPT_VISITS:
			o->visits = 7 + cli_pick(&tool, "--visits", optarg, visits);
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
		case OPT_VIEW:
			o->view = (enum plan_view)cli_pick(&tool, "--view", optarg, views);
			break;
		case OPT_INCLUDE:
			append(&o->include, &o->ninclude, optarg);
			break;
		case OPT_EXCLUDE:
			append(&o->exclude, &o->nexclude, optarg);
			break;
		case OPT_PIN:
			add_pin(o, optarg);
			break;
		case OPT_REPLACE:
			add_replace(o, optarg);
			break;
		case OPT_FROM:
			o->from_arg = optarg;
			break;
		case OPT_AS_OF:
			o->as_of_arg = optarg;
			break;
		case OPT_PREVIOUS:
			o->previous = optarg;
			break;
		case OPT_PER_INSPECTOR:
			o->per_inspector = optarg;
			break;
		case OPT_SEQUENCE:
			o->sequence = (long)cli_number(&tool, "--sequence", optarg, 1, 1000000,
			                               "a number, 1 to 1000000");
			break;
		default:
			cli_take(&tool, ch, optarg, &o->sh);
		}
	}
	if (optind < argc) {
		diag_note("unexpected argument: %s", argv[optind]);
		cli_usage(&tool, EXIT_TROUBLE);
	}
	if (o->start_arg == NULL) {
		diag_note("--start is required");
		cli_usage(&tool, EXIT_TROUBLE);
	}
	if ((o->nreplace > 0) != (o->from_arg != NULL)) {
		diag_note("--replace and --from go together");
		cli_usage(&tool, EXIT_TROUBLE);
	}
	if (o->as_of_arg != NULL && o->previous == NULL) {
		diag_note("--as-of needs --previous (the plan whose earlier days it keeps)");
		cli_usage(&tool, EXIT_TROUBLE);
	}
}

/* The replanning inputs: --from, --as-of, --previous; -1 after a message. */
static int
load_replanning(const struct opts *o, struct plan_input *in, struct planfile **prev)
{
	char err[1024];
	date_t from;

	if (o->from_arg != NULL) {
		if (cli_parse_date("--from", o->from_arg, &from) == -1)
			return -1;
		for (size_t i = 0; i < o->nreplace; i++)
			o->replace[i].from = from;
	}
	if (o->as_of_arg != NULL && cli_parse_date("--as-of", o->as_of_arg, &in->as_of) == -1)
		return -1;
	in->has_as_of = o->as_of_arg != NULL;
	if (o->previous != NULL && (*prev = planfile_load(o->previous, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "--previous: %s", err);
		return -1;
	}
	in->previous = *prev;
	in->pins = o->pins;
	in->npins = o->npins;
	in->replace = o->replace;
	in->nreplace = o->nreplace;
	in->sequence = o->sequence;
	return 0;
}

/* The team: read, checked against the areas, short roles held open; -1 after a message. */
static int
load_team(const struct opts *o, const struct areas_list *areas, struct deploy_team *team,
          struct plan_input *in)
{
	static char unfilled[128];
	char err[1024];

	if (o->team == NULL || (o->format == F_CSV && o->view == PLAN_TIMELINE)) {
		deploy_team_placeholder(team);
		return 0;
	}
	if (deploy_read_team(o->team, o->sh.csv_flags, team, err, sizeof err) == -1 ||
	    (o->areas != NULL &&
	     plan_check_conflicts(team, areas, o->areas, err, sizeof err) == -1)) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	for (size_t i = 0; i < o->nreplace; i++) {
		size_t k;

		for (k = 0;
		     k < team->n && !text_label_same(team->people[k].name, o->replace[i].old_name);
		     k++)
			;
		if (k == team->n) {
			diag_error(NULL, 0, "--replace: the person to replace is not in %s",
			           o->team);
			return -1;
		}
	}
	if (deploy_team_fill(team, unfilled, sizeof unfilled) > 0)
		in->unfilled = unfilled;
	return 0;
}

/* Load the profile, calendar, areas and team into in; -1 after a message. */
static int
load_inputs(const struct opts *o, struct plan_input *in, struct timetable_profile **prof,
            struct calendar **cal, struct areas_list *areas, struct deploy_team *team)
{
	char err[1024];

	if (cli_parse_date("--start", o->start_arg, &in->start) == -1)
		return -1;
	if (plan_date_supported(in->start, err, sizeof err) == -1) {
		diag_error(NULL, 0, "--start: %s", err);
		return -1;
	}
	if ((*prof = timetable_profile_named(o->profile, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "--profile: %s", err);
		return -1;
	}
	*cal = o->holidays ? calendar_load(o->holidays, o->division, err, sizeof err)
	                   : calendar_load_default(o->division, err, sizeof err);
	if (*cal == NULL) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	if (o->areas != NULL &&
	    areas_read(o->areas, o->sh.csv_flags, areas, err, sizeof err) == -1) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	if (load_team(o, areas, team, in) == -1)
		return -1;
	in->profile = *prof;
	in->cal = *cal;
	in->division = o->division;
	in->visits = o->visits;
	in->areas = o->areas ? areas : NULL;
	in->include = o->include;
	in->ninclude = o->ninclude;
	in->exclude = o->exclude;
	in->nexclude = o->nexclude;
	in->team = team;
	return 0;
}

/*
 * A start on the right weekday that is a bank holiday: the plan is built from
 * the nearest valid start instead, with the finding as a problem (exit 1);
 * -1 when there is none within two years.
 */
static int
holiday_start(struct plan_input *in)
{
	static char note[256];
	const char *h = calendar_holiday(in->cal, in->start);
	date_t before, after;
	char a[DATES_ISO_LEN], b[DATES_ISO_LEN];

	if (h == NULL || (in->profile->start_weekday >= 0 &&
	                  (int)dates_weekday(in->start) != in->profile->start_weekday))
		return 0;
	timetable_suggest(in->profile, in->cal, in->start, &before, &after);
	if (after < 0) {
		diag_error(NULL, 0,
		           "--start %s is a bank holiday (%s) and no valid start follows "
		           "within two years",
		           dates_format(in->start, a), h);
		return -1;
	}
	snprintf(note, sizeof note,
	         "--start %s is a bank holiday (%s): this plan starts on the nearest valid start, "
	         "%s",
	         dates_format(in->start, a), h, dates_format(after, b));
	in->start = after;
	in->start_note = note;
	return 0;
}

/* One calendar per person in dir, each all or nothing; -1 after a message. */
static int
write_people(const char *dir, const struct plan *p)
{
	const char **names;
	size_t n = ics_people(p, p->in->previous, &names);
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++) {
		char *file = ics_file_name(names[i]), *path = xasprintf("%s/%s", dir, file),
		     err[1024];
		struct output *out = output_open(path, err, sizeof err);

		if (out == NULL) {
			diag_error(NULL, 0, "--per-inspector: %s", err);
			rc = -1;
		} else if (ics_write(p, names[i], output_stream(out), err, sizeof err) == -1) {
			diag_error(output_name(out), 0, "%s", err);
			output_abort(out);
			rc = -1;
		} else if (output_commit(out, err, sizeof err) == -1) {
			diag_error(NULL, 0, "%s", err);
			rc = -1;
		}
		free(file);
		free(path);
	}
	free(names);
	return rc;
}

/* Write the plan in the chosen format; -1 after a message. */
static int
write_plan(const struct opts *o, const struct plan *p)
{
	struct output *out;
	char err[1024];
	FILE *fp;
	int rc = 0;

	output_input(o->areas);
	output_input(o->team);
	output_input(o->holidays);
	output_input(o->profile);
	if ((o->format == F_XLSX && xlsxout_check_target(o->sh.output, err, sizeof err) == -1) ||
	    (out = output_open(o->sh.output, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	fp = output_stream(out);
	if (o->format == F_CSV)
		plan_write_csv(p, o->view, fp);
	else if (o->format == F_JSON) {
		json_t *j = plan_to_json(p);

		if ((rc = jsonio_dump(j, fp)) == -1)
			snprintf(err, sizeof err, "write error");
		json_decref(j);
	} else if (o->format == F_ICS)
		rc = ics_write(p, NULL, fp, err, sizeof err);
	else if (o->format == F_XLSX)
		rc = planbook_write(p, fp, err, sizeof err);
	else
		gantt_write(p, o->format == F_HTML, fp);
	if (rc == -1) {
		diag_error(output_name(out), 0, "%s", err);
		output_abort(out);
		return -1;
	}
	if (output_commit(out, err, sizeof err) == -1) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	return 0;
}

/* Read the options, build the plan, write it, and map the result to an exit status. */
int
main(int argc, char *argv[])
{
	struct opts o;
	struct plan_input in;
	struct timetable_profile *prof = NULL;
	struct calendar *cal = NULL;
	struct areas_list areas = {0, NULL, NULL};
	struct deploy_team team;
	struct planfile *prev = NULL;
	struct plan *p = NULL;
	char err[1024];
	int status = EXIT_TROUBLE, r;

	heap_huge();
	diag_init("plan-weeks");
	parse_options(argc, argv, &o);
	memset(&in, 0, sizeof in);
	memset(&team, 0, sizeof team);
	if (load_inputs(&o, &in, &prof, &cal, &areas, &team) == -1 ||
	    load_replanning(&o, &in, &prev) == -1 || holiday_start(&in) == -1)
		goto done;
	if ((r = plan_build(&in, &p, err, sizeof err)) == -1) {
		diag_error(NULL, 0, "%s", err);
		goto done;
	}
	for (size_t i = 0; i < p->nwarnings; i++)
		diag_warn(NULL, 0, "%s", p->warnings[i]);
	for (size_t i = 0; i < p->nproblems; i++)
		diag_error(NULL, 0, "%s", p->problems[i]);
	if ((o.per_inspector == NULL || write_people(o.per_inspector, p) == 0) &&
	    write_plan(&o, p) == 0)
		status = r == 1 ? EXIT_FINDINGS : EXIT_OK;
done:
	plan_free(p);
	planfile_free(prev);
	areas_free(&areas);
	deploy_team_free(&team);
	calendar_free(cal);
	timetable_profile_free(prof);
	free(o.include);
	free(o.exclude);
	free(o.pins);
	free(o.replace);
	return status;
}
