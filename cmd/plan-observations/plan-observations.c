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
#include "core/heap.h"
#include "core/output.h"
#include "core/xlsxout.h"
#include "plan/obsinput.h"
#include "plan/observe.h"
#include "plan/obsout.h"

enum {
	OPT_PLAN = CLI_OPT_FIRST_TOOL_OPT,
	OPT_OPPORTUNITIES,
	OPT_MAX_TRAVEL,
	OPT_PER_DAY,
	OPT_REJECTED
};

/* clang-format off */
static const struct option longopts[] = {
    CLI_ARG("plan", OPT_PLAN), CLI_ARG("opportunities", OPT_OPPORTUNITIES),
    CLI_ARG("sheet", CLI_OPT_SHEET), CLI_FLAG("raw", CLI_OPT_RAW),
    CLI_ARG("format", CLI_OPT_FORMAT), CLI_ARG("max-travel", OPT_MAX_TRAVEL),
    CLI_ARG("per-day", OPT_PER_DAY), CLI_ARG("rejected", OPT_REJECTED),
    CLI_LONGOPTS_COMMON,
};
/* clang-format on */

static const struct cli_tool tool = {
    "plan-observations",
    "usage: plan-observations --plan PLAN.json --opportunities FILE\n"
    "                         [--format csv|json|ics|xlsx] [--max-travel MIN] [--per-day N]\n"
    "                         [--rejected FILE] [--sheet NAME|N] [-o FILE]\n",
    NULL};

/* The run's inputs and options. */
struct run {
	const char *plan_path, *opps_path, *rejected;
	struct cli_shared sh;
	int format;
	struct observe_opts opts;
	struct obsinput_plan plan;
	struct obsinput_opps opps;
	struct observe_result res;
};

/* Write one output file, all or nothing: the assignments or the rejected list. */
static int
write_file(const struct run *r, const char *path, int rejected)
{
	struct output *out;
	char err[512];
	int rc;

	if ((!rejected && r->format == OBSOUT_XLSX &&
	     xlsxout_check_target(path, err, sizeof err) != 0) ||
	    (out = output_open(path, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	errno = 0;
	if (rejected &&
	    (rc = obsout_rejected(output_stream(out), &r->res, r->opps.opp, r->opps.n)) != 0)
		snprintf(err, sizeof err, "write error: %s", strerror(errno ? errno : EIO));
	else if (!rejected)
		rc = obsout_write(output_stream(out), r->format, &r->res, r->opps.opp,
		                  r->plan.slots, r->plan.areas, r->plan.nareas, err, sizeof err);
	if (rc != 0) {
		diag_error(NULL, 0, "%s: %s", output_name(out), err);
		output_abort(out);
		return EXIT_TROUBLE;
	}
	if (output_commit(out, err, sizeof err) != 0) {
		diag_error(NULL, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}

/* Parse the options into r; exits on a usage error. */
static void
parse_options(int argc, char *argv[], struct run *r)
{
	static const char *const formats[] = {"csv", "json", "ics", "xlsx", NULL};
	char per_day[32];
	int ch;

	snprintf(per_day, sizeof per_day, "1 to %d", OBSERVE_MAX_PER_DAY);
	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_PLAN:
			r->plan_path = optarg;
			break;
		case OPT_OPPORTUNITIES:
			r->opps_path = optarg;
			break;
		case OPT_REJECTED:
			r->rejected = optarg;
			break;
		case CLI_OPT_FORMAT:
			r->format = cli_pick(&tool, "--format", optarg, formats);
			break;
		case OPT_MAX_TRAVEL:
			r->opts.max_travel = (int)cli_number(&tool, "--max-travel", optarg, 0,
			                                     24 * 60, "minutes, 0 to 1440");
			break;
		case OPT_PER_DAY:
			r->opts.per_day = (int)cli_number(&tool, "--per-day", optarg, 1,
			                                  OBSERVE_MAX_PER_DAY, per_day);
			break;
		default:
			cli_take(&tool, ch, optarg, &r->sh);
		}
	}
	if (argc > optind || r->plan_path == NULL || r->opps_path == NULL) {
		diag_note("--plan and --opportunities are required");
		cli_usage(&tool, EXIT_TROUBLE);
	}
}

/* Load, solve and write; the exit status. */
static int
run(struct run *r)
{
	char err[512];
	int status;

	if (obsinput_plan_load(r->plan_path, &r->plan) != 0 ||
	    obsinput_opps_load(r->opps_path, &r->plan, &r->opps) != 0)
		return EXIT_TROUBLE;
	if (observe_solve(r->opps.opp, r->opps.n, r->plan.slots, r->plan.nslots, r->plan.areas,
	                  r->plan.nareas, &r->opts, &r->res, err, sizeof err) != 0) {
		diag_error(r->opps_path, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	output_input(r->plan_path);
	output_input(r->opps_path);
	if (r->rejected != NULL && (status = write_file(r, r->rejected, 1)) != EXIT_OK)
		return status;
	if ((status = write_file(r, r->sh.output, 0)) != EXIT_OK)
		return status;
	obsout_unmet(stderr, &r->res, r->opps.opp, r->opps.n, r->plan.areas, r->plan.nareas);
	if (r->res.nareas_court < r->res.nareas_visited || r->opps.near_misses > 0)
		return EXIT_FINDINGS;
	return EXIT_OK;
}

int
main(int argc, char *argv[])
{
	struct run r;
	int status;

	heap_huge();
	diag_init("plan-observations");
	memset(&r, 0, sizeof r);
	r.opts.max_travel = 45;
	r.opts.per_day = 1;
	parse_options(argc, argv, &r);
	status = run(&r);
	observe_result_free(&r.res);
	obsinput_opps_free(&r.opps);
	obsinput_plan_free(&r.plan);
	return status;
}
