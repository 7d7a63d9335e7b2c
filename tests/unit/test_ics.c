/*
 * test_ics.c: the plan's calendar parsed back with libical: RFC 5545 shape
 * (CRLF, lines of at most 75 octets), one VTIMEZONE Europe/London, unique
 * stable UIDs, DTSTAMP from the inputs, timed events in Europe/London,
 * every event on a working day, and byte-identical output on a second run.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "core/keyhash.h"
#include "plan/ics.h"

Suite *make_suite_ics(void);

struct fixture {
	struct timetable_profile *prof;
	struct calendar *cal;
	struct deploy_team team;
	struct plan_input in;
	struct plan *plan;
};

static void
fixture_open(struct fixture *f, const char *start)
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
fixture_close(struct fixture *f)
{
	plan_free(f->plan);
	deploy_team_free(&f->team);
	calendar_free(f->cal);
	timetable_profile_free(f->prof);
}

/* Every line ends CRLF and is at most 75 octets. */
static void
assert_lines(const char *s)
{
	const char *p = s;

	while (*p != '\0') {
		const char *nl = strchr(p, '\n');

		ck_assert_ptr_nonnull(nl);
		ck_assert(nl > p && nl[-1] == '\r');
		ck_assert_int_le(nl - 1 - p, 75);
		p = nl + 1;
	}
}

START_TEST(parse_back)
{
	struct fixture f;
	char err[256], *a, *b;
	icalcomponent *cal, *ev;
	size_t nev = 0, ntz = 0;
	char **uids = NULL;

	fixture_open(&f, "2027-03-05"); /* Easter inside fieldwork */
	a = ics_string(f.plan, NULL, err, sizeof err);
	b = ics_string(f.plan, NULL, err, sizeof err);
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a, b);
	assert_lines(a);
	cal = icalparser_parse_string(a);
	ck_assert_ptr_nonnull(cal);
	for (icalcomponent *tz = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT);
	     tz != NULL; tz = icalcomponent_get_next_component(cal, ICAL_VTIMEZONE_COMPONENT)) {
		ck_assert_str_eq(
		    icalproperty_get_tzid(icalcomponent_get_first_property(tz, ICAL_TZID_PROPERTY)),
		    "Europe/London");
		ntz++;
	}
	ck_assert_uint_eq(ntz, 1);
	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev != NULL;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		struct icaltimetype st = icalcomponent_get_dtstart(ev);
		struct icaltimetype stamp = icalcomponent_get_dtstamp(ev);
		const char *uid = icalcomponent_get_uid(ev);
		date_t d;

		ck_assert_ptr_nonnull(uid);
		ck_assert_ptr_nonnull(strstr(uid, "@cafcass-inspect"));
		for (size_t i = 0; i < nev; i++)
			ck_assert_str_ne(uids[i], uid);
		uids = realloc(uids, (nev + 1) * sizeof *uids);
		uids[nev++] = strdup(uid);
		ck_assert_int_eq(stamp.year, 2027);
		ck_assert_int_eq(stamp.month, 3);
		ck_assert_int_eq(stamp.day, 5);
		ck_assert(icaltime_is_utc(stamp));
		ck_assert_int_eq(dates_from_ymd(st.year, st.month, st.day, &d), 0);
		ck_assert_msg(calendar_is_working(f.cal, d), "event on %d-%d-%d", st.year, st.month,
		              st.day);
		if (!st.is_date) {
			icalproperty *p =
			    icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
			icalparameter *tzid =
			    icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);

			ck_assert_ptr_nonnull(tzid);
			ck_assert_str_eq(icalparameter_get_tzid(tzid), "Europe/London");
		}
	}
	ck_assert_uint_gt(nev, 40);
	for (size_t i = 0; i < nev; i++)
		free(uids[i]);
	free(uids);
	icalcomponent_free(cal);
	free(a);
	free(b);
	fixture_close(&f);
}
END_TEST

START_TEST(uids_stable_across_inputs)
{
	struct fixture f, g;
	char err[256], *a, *b, *ua, *ub;

	fixture_open(&f, "2027-01-15");
	fixture_open(&g, "2027-01-22");
	a = ics_string(f.plan, NULL, err, sizeof err);
	b = ics_string(g.plan, NULL, err, sizeof err);
	ua = strstr(a, "UID:");
	ub = strstr(b, "UID:");
	ck_assert(ua != NULL && ub != NULL);
	ck_assert_int_ne(strncmp(ua, ub, 20), 0); /* another start, other UIDs */
	ck_assert_ptr_nonnull(strstr(a, "DTSTAMP:20270115T000000Z"));
	ck_assert_ptr_nonnull(strstr(a, "DTSTART;TZID=Europe/London:20270115T093000"));
	ck_assert_uint_eq(ics_hash(KEYHASH_FNV_BASIS, ""), KEYHASH_FNV_BASIS);
	ck_assert_uint_eq(ics_hash(KEYHASH_FNV_BASIS, "a"),
	                  0xaf63dc4c8601ec8cULL); /* FNV-1a test vector */
	free(a);
	free(b);
	fixture_close(&f);
	fixture_close(&g);
}
END_TEST

Suite *
make_suite_ics(void)
{
	Suite *s = suite_create("ics");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, parse_back);
	tcase_add_test(tc, uids_stable_across_inputs);
	suite_add_tcase(s, tc);
	return s;
}
