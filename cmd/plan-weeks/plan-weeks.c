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
#include "core/jsonio.h"
#include "core/output.h"
#include "core/xalloc.h"
#include "plan/gantt.h"
#include "plan/ics.h"
#include "plan/plan.h"

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
};

enum format { F_CSV, F_JSON, F_ICS, F_SVG, F_HTML };

static const struct option longopts[] = {
    {"start", required_argument, NULL, OPT_START},
    {"profile", required_argument, NULL, OPT_PROFILE},
    {"areas", required_argument, NULL, OPT_AREAS},
    {"team", required_argument, NULL, OPT_TEAM},
    {"visits", required_argument, NULL, OPT_VISITS},
    {"holidays", required_argument, NULL, OPT_HOLIDAYS},
    {"division", required_argument, NULL, OPT_DIVISION},
    {"format", required_argument, NULL, CLI_OPT_FORMAT},
    {"view", required_argument, NULL, OPT_VIEW},
    {"include", required_argument, NULL, OPT_INCLUDE},
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"encoding", required_argument, NULL, CLI_OPT_ENCODING},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, CLI_OPT_VERSION},
    {NULL, 0, NULL, 0},
};

/* Everything the options say. */
struct opts {
	const char *start_arg, *profile, *areas, *team, *holidays, *division, *output;
	enum format format;
	enum plan_view view;
	int visits;
	unsigned csv_flags;
	const char **include, **exclude;
	size_t ninclude, nexclude;
};

/* Print usage on stdout (status 0) or stderr, and exit with status. */
static void
usage(int status)
{
	FILE *fp = status == 0 ? stdout : stderr;

	fprintf(fp, "usage: plan-weeks --start DATE [--profile ofsted-2021|mcsi-2002]\n"
	            "                  [--areas FILE] [--team FILE] [--visits 7|8]\n"
	            "                  [--include AREA]... [--exclude AREA]...\n"
	            "                  [--holidays FILE] [--division england-and-wales]\n"
	            "                  [--format csv|json|ics|svg|html]\n"
	            "                  [--view timeline|areas|deployment] [--encoding cp1252]\n"
	            "                  [-o FILE]\n");
	exit(status);
}

/* Append s to a growing list of strings. */
static void
append(const char ***list, size_t *n, const char *s)
{
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = s;
}

/* Handle one option that takes a choice; exits 2 on a bad value. */
static int
choice(const char *opt, const char *arg, const char *const *choices, const char *expected)
{
	int i = cli_choice(arg, choices);

	if (i < 0) {
		diag_note("%s: expected %s", opt, expected);
		usage(EXIT_TROUBLE);
	}
	return i;
}

/* Read the command line into o. */
static void
parse_options(int argc, char *argv[], struct opts *o)
{
	static const char *const formats[] = {"csv", "json", "ics", "svg", "html", NULL};
	static const char *const views[] = {"timeline", "areas", "deployment", NULL};
	static const char *const visits[] = {"7", "8", NULL};
	int ch;

	memset(o, 0, sizeof *o);
	o->profile = "ofsted-2021";
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
			o->visits = 7 + choice("--visits", optarg, visits, "7 or 8");
			break;
		case OPT_HOLIDAYS:
			o->holidays = optarg;
			break;
		case OPT_DIVISION:
			o->division = optarg;
			break;
		case CLI_OPT_FORMAT:
			o->format = (enum format)choice("--format", optarg, formats,
			                                "csv, json, ics, svg or html");
			break;
		case OPT_VIEW:
			o->view = (enum plan_view)choice("--view", optarg, views,
			                                 "timeline, areas or deployment");
			break;
		case OPT_INCLUDE:
			append(&o->include, &o->ninclude, optarg);
			break;
		case OPT_EXCLUDE:
			append(&o->exclude, &o->nexclude, optarg);
			break;
		case CLI_OPT_ENCODING:
			if (cli_encoding(optarg, &o->csv_flags) != 0)
				usage(EXIT_TROUBLE);
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'h':
			usage(EXIT_OK);
			break;
		case CLI_OPT_VERSION:
			cli_version("plan-weeks");
			exit(EXIT_OK);
		default:
			usage(EXIT_TROUBLE);
		}
	}
	if (optind < argc) {
		diag_note("unexpected argument: %s", argv[optind]);
		usage(EXIT_TROUBLE);
	}
	if (o->start_arg == NULL) {
		diag_note("--start is required");
		usage(EXIT_TROUBLE);
	}
}

/* Load the profile, calendar, areas and team into in; -1 after a message. */
static int
load_inputs(const struct opts *o, struct plan_input *in, struct timetable_profile **prof,
            struct calendar **cal, struct areas_list *areas, struct deploy_team *team)
{
	char err[1024];

	if (cli_parse_date("--start", o->start_arg, &in->start) == -1)
		return -1;
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
	if (o->areas != NULL && areas_read(o->areas, o->csv_flags, areas, err, sizeof err) == -1) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	if (o->team == NULL)
		deploy_team_placeholder(team);
	else if (deploy_read_team(o->team, o->csv_flags, team, err, sizeof err) == -1) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
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

/* A start on the right weekday that is a bank holiday: exit 1 with a suggestion. */
static int
holiday_start(const struct plan_input *in)
{
	const char *h = calendar_holiday(in->cal, in->start);
	date_t before, after;
	char a[DATES_ISO_LEN], b[DATES_ISO_LEN];

	if (h == NULL || (in->profile->start_weekday >= 0 &&
	                  (int)dates_weekday(in->start) != in->profile->start_weekday))
		return 0;
	timetable_suggest(in->profile, in->cal, in->start, &before, &after);
	diag_error(NULL, 0, "--start %s is a bank holiday (%s); the nearest valid start is %s",
	           dates_format(in->start, a), h,
	           after >= 0 ? dates_format(after, b) : "beyond two years");
	return 1;
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
	if ((out = output_open(o->output, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	fp = output_stream(out);
	if (o->format == F_CSV)
		plan_write_csv(p, o->view, fp);
	else if (o->format == F_JSON) {
		json_t *j = plan_to_json(p);

		rc = jsonio_dump(j, fp);
		json_decref(j);
	} else if (o->format == F_ICS)
		rc = ics_write(p, fp, err, sizeof err);
	else
		gantt_write(p, o->format == F_HTML, fp);
	if (rc == -1) {
		diag_error(output_name(out), 0, "%s", o->format == F_ICS ? err : "write error");
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
	struct areas_list areas = {0, NULL};
	struct deploy_team team;
	struct plan *p = NULL;
	char err[1024];
	int status = EXIT_TROUBLE, r;

	diag_init("plan-weeks");
	parse_options(argc, argv, &o);
	memset(&in, 0, sizeof in);
	memset(&team, 0, sizeof team);
	if (load_inputs(&o, &in, &prof, &cal, &areas, &team) == -1)
		goto done;
	if (holiday_start(&in)) {
		status = EXIT_FINDINGS;
		goto done;
	}
	if ((r = plan_build(&in, &p, err, sizeof err)) == -1) {
		diag_error(NULL, 0, "%s", err);
		goto done;
	}
	for (size_t i = 0; i < p->nwarnings; i++)
		diag_warn(NULL, 0, "%s", p->warnings[i]);
	for (size_t i = 0; i < p->nproblems; i++)
		diag_error(NULL, 0, "%s", p->problems[i]);
	if (write_plan(&o, p) == 0)
		status = r == 1 ? EXIT_FINDINGS : EXIT_OK;
done:
	plan_free(p);
	areas_free(&areas);
	deploy_team_free(&team);
	calendar_free(cal);
	timetable_profile_free(prof);
	free(o.include);
	free(o.exclude);
	return status;
}
