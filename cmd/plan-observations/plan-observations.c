/*
 * plan-observations.c: assign practice observations to the inspectors the
 * plan puts in each area each day (contract section 5). Reads the plan JSON
 * from plan-weeks and the opportunities CSV from Cafcass, solves exactly
 * (lib/observe), writes the assignments, and names what could not be met.
 */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/diag.h"
#include "core/fieldmap.h"
#include "core/jsonio.h"
#include "core/output.h"
#include "core/table.h"
#include "core/vocab.h"
#include "core/xalloc.h"
#include "plan/observe.h"
#include "plan/obsout.h"

#define MAX_PER_AREA_DAY 60 /* opportunities in one area on one day */

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

/* What the plan says: who is where on which day, and the areas visited. */
struct obsplan {
	json_t *json;
	struct observe_slot *slots;
	size_t nslots;
	const char **areas;
	size_t nareas;
};

/* Read one deployment row into a slot when it is in a service area. */
static int
obsplan_slot(const char *path, size_t i, json_t *row, struct obsplan *p)
{
	const char *date = jsonio_str(row, "date", NULL), *name = jsonio_str(row, "name", NULL);
	const char *loc = jsonio_str(row, "location", NULL);
	struct observe_slot *s;
	size_t a;

	if (date == NULL || name == NULL || loc == NULL) {
		diag_error(path, 0, "deployment[%zu]: needs date, name and location", i);
		return -1;
	}
	for (a = 0; a < p->nareas && strcmp(p->areas[a], loc) != 0; a++)
		;
	if (a == p->nareas)
		return 0; /* national office, the NBC, off-site */
	s = &p->slots[p->nslots];
	if (dates_parse(date, &s->date) != 0) {
		diag_error(path, 0, "deployment[%zu]: date is not YYYY-MM-DD", i);
		return -1;
	}
	s->name = name;
	s->area = loc;
	p->nslots++;
	return 0;
}

/* Load the plan: its areas, then the deployment rows in those areas. */
static int
obsplan_load(const char *path, struct obsplan *p)
{
	char err[512];
	json_t *areas, *dep, *row;
	size_t i;

	memset(p, 0, sizeof *p);
	if ((p->json = jsonio_load(path, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	areas = json_object_get(p->json, "areas");
	dep = json_object_get(p->json, "deployment");
	if (!json_is_array(areas) || !json_is_array(dep)) {
		diag_error(path, 0,
		           "not a plan: needs \"areas\" and \"deployment\" arrays "
		           "(plan-weeks --areas FILE --team FILE --format json)");
		return -1;
	}
	p->areas = xcalloc(json_array_size(areas) + 1, sizeof(char *));
	json_array_foreach(areas, i, row)
	{
		if ((p->areas[p->nareas] = jsonio_str(row, "service_area", NULL)) == NULL) {
			diag_error(path, 0, "areas[%zu]: no service_area", i);
			return -1;
		}
		p->nareas++;
	}
	p->slots = xcalloc(json_array_size(dep) + 1, sizeof(*p->slots));
	json_array_foreach(dep, i, row)
	{
		if (obsplan_slot(path, i, row, p) != 0)
			return -1;
	}
	return 0;
}

static void
obsplan_free(struct obsplan *p)
{
	free(p->slots);
	free(p->areas);
	json_decref(p->json);
}

/* The opportunities file, read and checked. */
struct opps {
	struct table *t;
	struct observe_opp *opp;
	size_t n;
};

/* Parse a whole number of minutes, 0 to 1440. */
static int
parse_minutes(const char *s, int *out)
{
	uint64_t v;

	if (cli_parse_u64(s, 0, 24 * 60, &v) != 0)
		return -1;
	*out = (int)v;
	return 0;
}

/* Read row r into o; on a bad cell name the line and column (never the value). */
static int
opp_row(const struct table *t, size_t r, const long *col, struct vocab *yesno,
        struct observe_opp *o)
{
	const char *name = t->name;
	unsigned long line = t->rows[r].line;
	long c;
	int type;

	o->id = table_cell(t, r, col[0]);
	o->area = table_cell(t, r, col[1]);
	o->line = line;
	if (*o->id == '\0' || *o->area == '\0') {
		diag_error(name, line, "%s is blank", *o->id == '\0' ? "id" : "service_area");
		return -1;
	}
	if (dates_parse(table_cell(t, r, col[2]), &o->date) != 0) {
		diag_error(name, line, "date: not a date (YYYY-MM-DD or DD/MM/YYYY)");
		return -1;
	}
	o->start = dates_parse_time(table_cell(t, r, col[3]));
	o->end = dates_parse_time(table_cell(t, r, col[4]));
	if (o->start < 0 || o->end < 0 || o->end <= o->start) {
		diag_error(name, line, "start, end: need HH:MM with end after start");
		return -1;
	}
	if ((type = observe_type_parse(table_cell(t, r, col[5]))) < 0) {
		diag_error(name, line,
		           "type: not court-duty, office-appointment, home-visit or meeting");
		return -1;
	}
	o->type = (enum observe_type)type;
	if (parse_minutes(table_cell(t, r, col[7]), &o->travel) != 0) {
		diag_error(name, line, "travel_minutes: need whole minutes, 0 to 1440");
		return -1;
	}
	if ((c = vocab_find(yesno, table_cell(t, r, col[8]))) < 0) {
		diag_error(name, line, "consent: need Y or N");
		return -1;
	}
	o->consent = strcmp(vocab_value(yesno, (size_t)c), "Y") == 0;
	return 0;
}

/* 1 when an earlier row has the same id (the list is small). */
static int
duplicate_id(const struct opps *o, size_t r)
{
	size_t i;

	for (i = 0; i < r; i++)
		if (strcmp(o->opp[i].id, o->opp[r].id) == 0) {
			diag_error(o->t->name, o->opp[r].line, "id: the same id as line %lu",
			           o->opp[i].line);
			return 1;
		}
	return 0;
}

/* Bind the header; a missing required column is an error on line 1. */
static int
opps_bind(const struct table *t, struct fieldmap *fm, long *col)
{
	struct fieldmap_binding b;
	size_t i;
	int rc = 0;

	fieldmap_bind(fm, (const char *const *)t->header, t->ncols, &b);
	for (i = 0; i < fieldmap_count(fm); i++) {
		col[i] = b.column[i];
		if (col[i] < 0 && fieldmap_required(fm, i)) {
			diag_error(t->name, 1, "missing column '%s'", fieldmap_name(fm, i));
			rc = -1;
		}
	}
	fieldmap_unbind(&b);
	return rc;
}

/* Load and check every opportunity. */
static int
opps_load(const char *path, struct opps *o)
{
	char err[512];
	struct fieldmap *fm;
	struct vocab *yesno;
	long col[9];
	size_t r;
	int rc = -1;

	memset(o, 0, sizeof *o);
	if ((o->t = table_read(path, 0, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	if ((fm = fieldmap_load_named("opportunities", err, sizeof err)) == NULL ||
	    (yesno = vocab_load_named("consent", err, sizeof err)) == NULL) {
		if (fm != NULL)
			fieldmap_free(fm);
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	if (fieldmap_count(fm) != 9) {
		diag_error(NULL, 0, "share/fields/opportunities.json: expected 9 fields");
		goto out;
	}
	if (opps_bind(o->t, fm, col) != 0)
		goto out;
	o->opp = xcalloc(o->t->nrows + 1, sizeof(*o->opp));
	for (r = 0; r < o->t->nrows; r++, o->n++)
		if (opp_row(o->t, r, col, yesno, &o->opp[r]) != 0 || duplicate_id(o, r))
			goto out;
	rc = 0;
out:
	fieldmap_free(fm);
	vocab_free(yesno);
	return rc;
}

static void
opps_free(struct opps *o)
{
	free(o->opp);
	if (o->t != NULL)
		table_free(o->t);
}

/* Refuse area-days with more opportunities than the exact search is sized for. */
static int
check_bounds(const struct opps *o)
{
	size_t i, j, n;

	for (i = 0; i < o->n; i++) {
		for (n = 0, j = 0; j < o->n; j++)
			if (o->opp[j].date == o->opp[i].date &&
			    strcmp(o->opp[j].area, o->opp[i].area) == 0)
				n++;
		if (n > MAX_PER_AREA_DAY) {
			diag_error(o->t->name, o->opp[i].line,
			           "more than %d opportunities in one area on one day",
			           MAX_PER_AREA_DAY);
			return -1;
		}
	}
	return 0;
}

/* Write the assignments in the chosen format, all or nothing. */
static int
write_result(const char *path, int format, const struct observe_result *res,
             const struct opps *opps, const struct obsplan *plan)
{
	struct output *out;
	char err[512];

	if ((out = output_open(path, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	errno = 0;
	if (obsout_write(output_stream(out), format, res, opps->opp, plan->slots, plan->areas,
	                 plan->nareas) != 0) {
		diag_error(NULL, 0, "%s: write error: %s", output_name(out),
		           strerror(errno ? errno : EIO));
		output_abort(out);
		return EXIT_TROUBLE;
	}
	if (output_commit(out, err, sizeof err) != 0) {
		diag_error(NULL, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}

int
main(int argc, char *argv[])
{
	static const char *const formats[] = {"csv", "json", "ics", NULL};
	const char *plan_path = NULL, *opps_path = NULL, *outpath = NULL;
	struct observe_result res;
	struct obsplan plan;
	struct opps opps;
	uint64_t travel = 45;
	int ch, format = 0, status;

	diag_init("plan-observations");
	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_PLAN:
			plan_path = optarg;
			break;
		case OPT_OPPORTUNITIES:
			opps_path = optarg;
			break;
		case CLI_OPT_FORMAT:
			if ((format = cli_choice(optarg, formats)) < 0) {
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
	if (argc > 0 || plan_path == NULL || opps_path == NULL) {
		diag_note("--plan and --opportunities are required");
		usage(EXIT_TROUBLE);
	}
	if (obsplan_load(plan_path, &plan) != 0) {
		obsplan_free(&plan);
		return EXIT_TROUBLE;
	}
	if (opps_load(opps_path, &opps) != 0 || check_bounds(&opps) != 0) {
		opps_free(&opps);
		obsplan_free(&plan);
		return EXIT_TROUBLE;
	}
	observe_solve(opps.opp, opps.n, plan.slots, plan.nslots, plan.areas, plan.nareas,
	              (int)travel, &res);
	output_input(plan_path);
	output_input(opps_path);
	status = write_result(outpath, format, &res, &opps, &plan);
	if (status == EXIT_OK) {
		obsout_unmet(stderr, &res, opps.opp, opps.n, plan.areas, plan.nareas);
		if (res.nareas_court < res.nareas_visited)
			status = EXIT_FINDINGS;
	}
	observe_result_free(&res);
	opps_free(&opps);
	obsplan_free(&plan);
	return status;
}
