/*
 * test_planfile.c: the plan writer (plan_to_json) and the typed reader
 * (planfile_from_json) round-trip every field; a plan that lacks a required
 * member or has one of the wrong type is refused with a message naming the
 * member and never its value.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "plan/plan.h"
#include "plan/planfile.h"

Suite *make_suite_planfile(void);

struct pf_fixture {
	struct timetable_profile *prof;
	struct calendar *cal;
	struct deploy_team team;
	struct plan_input in;
	struct plan *plan;
};

static void
pf_open(struct pf_fixture *f, const char *start)
{
	char err[256];

	memset(f, 0, sizeof *f);
	f->prof = timetable_profile_named("ofsted-2021", err, sizeof err);
	f->cal = calendar_load_default("england-and-wales", err, sizeof err);
	ck_assert(f->prof != NULL && f->cal != NULL);
	deploy_team_placeholder(&f->team);
	f->in.profile = f->prof;
	f->in.cal = f->cal;
	f->in.division = "england-and-wales";
	f->in.visits = 8;
	f->in.team = &f->team;
	ck_assert_int_eq(dates_parse(start, &f->in.start), 0);
	ck_assert_int_ge(plan_build(&f->in, &f->plan, err, sizeof err), 0);
}

static void
pf_close(struct pf_fixture *f)
{
	plan_free(f->plan);
	deploy_team_free(&f->team);
	calendar_free(f->cal);
	timetable_profile_free(f->prof);
}

START_TEST(round_trip)
{
	struct pf_fixture f;
	struct planfile *p;
	json_t *j;
	char err[256];
	size_t i;

	pf_open(&f, "2027-03-05");
	j = plan_to_json(f.plan);
	p = planfile_from_json(j, "plan.json", err, sizeof err);
	ck_assert_msg(p != NULL, "%s", err);
	ck_assert_str_eq(p->profile, f.prof->name);
	ck_assert_str_eq(p->division, "england-and-wales");
	ck_assert_int_eq(p->start, f.in.start);
	ck_assert_int_eq(p->visits, 8);
	ck_assert_int_eq(p->has_fieldwork, 1);
	ck_assert_int_eq(p->fieldwork_from, f.plan->tt->fieldwork_first);
	ck_assert_int_eq(p->fieldwork_to, f.plan->tt->fieldwork_last);
	ck_assert_uint_eq(p->ntimeline, f.plan->tt->nrows);
	for (i = 0; i < p->ntimeline; i++) {
		const struct timetable_row *r = &f.plan->tt->rows[i];

		ck_assert_int_eq(p->timeline[i].day, r->day);
		ck_assert_int_eq(p->timeline[i].date, r->date);
		ck_assert_int_eq(p->timeline[i].week, r->week);
		ck_assert_str_eq(p->timeline[i].activity, r->spec->activity);
		ck_assert_str_eq(p->timeline[i].key, r->spec->key);
		ck_assert_int_eq(p->timeline[i].on_site, r->spec->on_site);
		if (r->spec->time != NULL)
			ck_assert_str_eq(p->timeline[i].time, r->spec->time);
		else
			ck_assert_ptr_null(p->timeline[i].time);
	}
	ck_assert_uint_eq(p->nareas, f.plan->nareas);
	for (i = 0; i < p->nareas; i++) {
		ck_assert_str_eq(p->areas[i].service_area, f.plan->areas[i].service_area);
		ck_assert_int_eq(p->areas[i].week, f.plan->areas[i].week);
		ck_assert_int_eq(p->areas[i].on_site_from, f.plan->areas[i].on_site_from);
		ck_assert_int_eq(p->areas[i].on_site_to, f.plan->areas[i].on_site_to);
		ck_assert_int_eq(p->areas[i].notify_on, f.plan->areas[i].notify_on);
		ck_assert_str_eq(p->areas[i].reason, f.plan->areas[i].reason);
	}
	ck_assert_uint_eq(p->ndeploy, f.plan->ndeploy);
	for (i = 0; i < p->ndeploy; i++) {
		ck_assert_int_eq(p->deploy[i].date, f.plan->deploy[i].date);
		ck_assert_int_eq(p->deploy[i].day, f.plan->deploy[i].day);
		ck_assert_str_eq(p->deploy[i].name, f.plan->deploy[i].person->name);
		ck_assert_str_eq(p->deploy[i].role,
		                 deploy_role_name(f.plan->deploy[i].person->role));
		ck_assert_str_eq(p->deploy[i].location, f.plan->deploy[i].location);
	}
	ck_assert_uint_eq(p->nwarnings, f.plan->nwarnings);
	ck_assert_uint_eq(p->nproblems, f.plan->nproblems);
	ck_assert_ptr_nonnull(planfile_area(p, f.plan->areas[0].service_area));
	ck_assert_int_eq(planfile_is_area(p, "national office"), 0);
	planfile_free(p);
	json_decref(j);
	pf_close(&f);
}
END_TEST

/*
 * The message planfile_from_json() refuses doc with (the value "Zebedee"
 * never in it), or "accepted" when it is not refused.
 */
static const char *
refusal(const char *doc)
{
	static char err[256];
	json_error_t je;
	json_t *j = json_loads(doc, 0, &je);
	struct planfile *p;

	ck_assert_ptr_nonnull(j);
	p = planfile_from_json(j, "p.json", err, sizeof err);
	json_decref(j);
	if (p != NULL) {
		planfile_free(p);
		return "accepted";
	}
	ck_assert_msg(strstr(err, "Zebedee") == NULL, "%s shows a value", err);
	return err;
}

START_TEST(refusals)
{
	ck_assert_ptr_nonnull(strstr(refusal("[1]"), "not a JSON object"));
	ck_assert_ptr_nonnull(
	    strstr(refusal("{\"start\":\"2027-03-05\",\"deployment\":[]}"), "areas: missing"));
	ck_assert_ptr_nonnull(
	    strstr(refusal("{\"start\":\"Zebedee\",\"areas\":[],\"deployment\":[]}"), "start"));
	ck_assert_ptr_nonnull(
	    strstr(refusal("{\"start\":\"2027-03-05\",\"areas\":[{\"service_area\":\"X\","
	                   "\"week\":\"Zebedee\",\"on_site_from\":\"2027-03-05\","
	                   "\"on_site_to\":\"2027-03-05\"}],\"deployment\":[]}"),
	           "areas[0].week: not an integer"));
	ck_assert_ptr_nonnull(
	    strstr(refusal("{\"start\":\"2027-03-05\",\"areas\":[],\"deployment\":[{\"date\":"
	                   "\"2027-03-05\",\"name\":\"Zebedee\"}]}"),
	           "deployment[0].location: missing"));
	ck_assert_ptr_nonnull(
	    strstr(refusal("{\"start\":\"2027-03-05\",\"areas\":[],\"deployment\":[],"
	                   "\"warnings\":[\"ok\",7]}"),
	           "warnings[1]: not a string"));
}
END_TEST

START_TEST(minimal)
{
	json_error_t je;
	json_t *j = json_loads("{\"start\":\"2027-03-05\",\"areas\":[],\"deployment\":[]}", 0, &je);
	char err[256];
	struct planfile *p = planfile_from_json(j, "p.json", err, sizeof err);

	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq(p->nareas, 0);
	ck_assert_int_eq(p->has_fieldwork, 0);
	ck_assert_int_eq(p->sequence, 0);
	planfile_free(p);
	json_decref(j);
}
END_TEST

Suite *
make_suite_planfile(void)
{
	Suite *s = suite_create("planfile");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, round_trip);
	tcase_add_test(tc, refusals);
	tcase_add_test(tc, minimal);
	suite_add_tcase(s, tc);
	return s;
}
