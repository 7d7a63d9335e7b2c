/*
 * test_timetable.c: the handbook-2014 and mcsi-2002 profiles over the shipped
 * bank holidays: a plain start, Easter inside fieldwork, August and
 * Christmas blackouts with the suggested starts, a non-Friday start, every
 * Friday of 2026-2028 (no activity on a weekend or bank holiday), and the
 * 2002 milestones.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "plan/timetable.h"

Suite *make_suite_timetable(void);

static struct timetable_profile *ofsted, *mcsi;
static struct calendar *cal;

static void
setup(void)
{
	char err[512];

	ofsted = timetable_profile_named("handbook-2014", err, sizeof err);
	ck_assert_msg(ofsted != NULL, "%s", err);
	mcsi = timetable_profile_named("mcsi-2002", err, sizeof err);
	ck_assert_msg(mcsi != NULL, "%s", err);
	cal = calendar_load_default("england-and-wales", err, sizeof err);
	ck_assert_msg(cal != NULL, "%s", err);
}

static void
teardown(void)
{
	timetable_profile_free(ofsted);
	timetable_profile_free(mcsi);
	calendar_free(cal);
}

static date_t
D(const char *s)
{
	date_t d;

	ck_assert_int_eq(dates_parse(s, &d), 0);
	return d;
}

/* The date of the first row of day n, or -1. */
static date_t
day_date(const struct timetable *t, int n)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i].day == n)
			return t->rows[i].date;
	return -1;
}

/* The first row of the activity key, or NULL. */
static const struct timetable_row *
row_of(const struct timetable *t, const char *key)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].spec->key, key) == 0)
			return &t->rows[i];
	return NULL;
}

/* Every row on a working day; day numbers and dates rise together. */
static void
assert_working(const struct timetable *t)
{
	for (size_t i = 0; i < t->nrows; i++) {
		ck_assert_int_lt(dates_weekday(t->rows[i].date), SAT);
		ck_assert_ptr_null(calendar_holiday(cal, t->rows[i].date));
		for (size_t j = 0; j < i; j++) {
			if (t->rows[j].day == t->rows[i].day && t->rows[i].day > 0)
				ck_assert_int_eq(t->rows[j].date, t->rows[i].date);
			if (t->rows[j].day < t->rows[i].day)
				ck_assert_int_lt(t->rows[j].date, t->rows[i].date);
		}
	}
}

START_TEST(plain_start)
{
	static const struct {
		int day;
		const char *date;
	} want[] = {
	    {1, "2027-01-15"},  {2, "2027-01-18"},  {4, "2027-01-20"},  {6, "2027-01-22"},
	    {8, "2027-01-26"},  {10, "2027-01-28"}, {13, "2027-02-02"}, {18, "2027-02-09"},
	    {19, "2027-02-10"}, {21, "2027-02-12"}, {31, "2027-02-26"}, {36, "2027-03-05"},
	    {41, "2027-03-12"},
	};
	char err[256];
	struct timetable *t = timetable_build(ofsted, cal, D("2027-01-15"), err, sizeof err);
	date_t *bad;

	ck_assert_msg(t != NULL, "%s", err);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		ck_assert_int_eq(day_date(t, want[i].day), D(want[i].date));
	/* Day 0: the four preparation days before the start. */
	ck_assert_int_eq(t->rows[0].day, 0);
	ck_assert_int_eq(t->rows[0].date, D("2027-01-11"));
	ck_assert_int_eq(t->nwarnings, 0);
	ck_assert_int_eq(timetable_blackout_days(t, &bad), 0);
	free(bad);
	ck_assert_str_eq(row_of(t, "notify")->spec->time, "09:30");
	ck_assert_str_eq(row_of(t, "on-site")->spec->time, "11:30");
	ck_assert_str_eq(row_of(t, "annex-a-data")->spec->time, "14:00");
	ck_assert_int_eq(row_of(t, "audits-due")->date, D("2027-01-20")); /* Wednesday week 2 */
	ck_assert_int_eq(row_of(t, "lists-week-3")->date, D("2027-01-22"));
	ck_assert_int_eq(row_of(t, "publication")->week, 9);
	ck_assert_int_eq(t->fieldwork_first, D("2027-01-15"));
	ck_assert_int_eq(t->fieldwork_last, D("2027-02-12"));
	assert_working(t);
	timetable_free(t);
}
END_TEST

START_TEST(easter_inside_fieldwork)
{
	char err[256];
	struct timetable *t = timetable_build(ofsted, cal, D("2027-03-05"), err, sizeof err);
	int good = 0, monday = 0;

	ck_assert_msg(t != NULL, "%s", err);
	for (size_t i = 0; i < t->nrows; i++) {
		ck_assert_int_ne(t->rows[i].date, D("2027-03-26")); /* Good Friday */
		ck_assert_int_ne(t->rows[i].date, D("2027-03-29")); /* Easter Monday */
	}
	for (size_t i = 0; i < t->nwarnings; i++) {
		good += strstr(t->warnings[i], "Good Friday") != NULL;
		monday += strstr(t->warnings[i], "Easter Monday") != NULL;
	}
	ck_assert_int_eq(good, 1);
	ck_assert_int_eq(monday, 1);
	/* Day 16 would be Good Friday: it moves to the Tuesday after Easter. */
	ck_assert_int_eq(day_date(t, 15), D("2027-03-25"));
	ck_assert_int_eq(day_date(t, 16), D("2027-03-30"));
	assert_working(t);
	timetable_free(t);
}
END_TEST

/* Blackout starts: the on-site days named, and the suggestions valid and nearest. */
static const struct {
	const char *start, *blackout, *before, *after;
} blackouts[] = {
    {"2027-07-16", "August", "2027-07-02", "2027-09-03"},
    {"2027-12-03", "Christmas and New Year", "2027-11-19", "2028-01-07"},
};

START_TEST(blackout_refused)
{
	char err[256];
	struct timetable *t = timetable_build(ofsted, cal, D(blackouts[_i].start), err, sizeof err);
	date_t *days, before, after;
	size_t n;

	ck_assert_msg(t != NULL, "%s", err);
	n = timetable_blackout_days(t, &days);
	ck_assert_uint_gt(n, 0);
	for (size_t i = 0; i < n; i++)
		ck_assert_str_eq(timetable_blackout(ofsted, days[i]), blackouts[_i].blackout);
	free(days);
	timetable_free(t);
	timetable_suggest(ofsted, cal, D(blackouts[_i].start), &before, &after);
	ck_assert_int_eq(before, D(blackouts[_i].before));
	ck_assert_int_eq(after, D(blackouts[_i].after));
	/* Every Friday strictly between the suggestions is refused. */
	for (date_t s = before + 7; s < after; s += 7) {
		struct timetable *u = timetable_build(ofsted, cal, s, err, sizeof err);

		if (u == NULL)
			continue; /* a bank holiday Friday */
		ck_assert_uint_gt(timetable_blackout_days(u, &days), 0);
		free(days);
		timetable_free(u);
	}
}
END_TEST

START_TEST(not_a_friday)
{
	static const char *const starts[] = {"2027-01-11", "2027-01-13", "2027-01-16",
	                                     "2027-01-17"};
	char err[256];

	for (size_t i = 0; i < sizeof starts / sizeof starts[0]; i++) {
		ck_assert_ptr_null(timetable_build(ofsted, cal, D(starts[i]), err, sizeof err));
		ck_assert_ptr_nonnull(strstr(err, "Friday"));
	}
	/* Good Friday is a Friday but not a working day. */
	ck_assert_ptr_null(timetable_build(ofsted, cal, D("2027-03-26"), err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "Good Friday"));
}
END_TEST

static const char *const divisions[] = {"england-and-wales", "scotland", "northern-ireland"};

START_TEST(every_friday_2026_2028)
{
	size_t built = 0, refused = 0;
	char err[256];
	struct calendar *england = cal;

	cal = calendar_load_default(divisions[_i], err, sizeof err);
	ck_assert_msg(cal != NULL, "%s", err);
	for (date_t s = D("2026-01-02"); s <= D("2028-12-29"); s += 7) {
		struct timetable *t = timetable_build(ofsted, cal, s, err, sizeof err);
		date_t *days;

		if (t == NULL) { /* only a bank holiday Friday may be refused */
			ck_assert_ptr_nonnull(calendar_holiday(cal, s));
			continue;
		}
		built++;
		ck_assert_int_eq(day_date(t, 1), s);
		ck_assert_uint_ge(t->nrows, 60);
		assert_working(t);
		refused += timetable_blackout_days(t, &days) > 0;
		free(days);
		timetable_free(t);
	}
	ck_assert_uint_gt(built, 150);
	ck_assert_uint_gt(refused, 10);
	ck_assert_uint_lt(refused, built);
	calendar_free(cal);
	cal = england;
}
END_TEST

START_TEST(mcsi_2002_milestones)
{
	char err[256];
	date_t start = D("2027-06-07"); /* a Monday */
	struct timetable *t = timetable_build(mcsi, cal, start, err, sizeof err);
	date_t fw_last, feedback, draft;

	ck_assert_msg(t != NULL, "%s", err);
	ck_assert_int_eq(row_of(t, "notice")->date, D("2026-12-07"));
	ck_assert_int_eq(row_of(t, "briefing-requested")->date, start - 16 * 7);
	ck_assert_int_eq(row_of(t, "preliminary-meeting")->date, start - 12 * 7);
	ck_assert_int_eq(row_of(t, "self-assessment")->date, start - 4 * 7);
	ck_assert_int_eq(row_of(t, "fieldwork-timetable")->date, start - 2 * 7);
	fw_last = t->fieldwork_last;
	ck_assert_int_eq(fw_last, D("2027-06-11")); /* one week of fieldwork */
	feedback = row_of(t, "feedback")->date;
	ck_assert_int_eq(feedback, calendar_add_working(cal, fw_last, 10));
	draft = row_of(t, "draft")->date;
	ck_assert_int_le(draft, feedback + 35);
	ck_assert_int_gt(draft, feedback + 30);
	ck_assert_int_le(row_of(t, "comments")->date, draft + 14);
	ck_assert_int_le(row_of(t, "final")->date, draft + 42);
	ck_assert_int_le(row_of(t, "publication")->date, fw_last + 16 * 7);
	ck_assert_int_eq(row_of(t, "fieldwork")->day, 1);
	ck_assert_int_lt(row_of(t, "notice")->day, 0);
	assert_working(t);
	timetable_free(t);
	/* A Saturday start is refused; any working day is accepted. */
	ck_assert_ptr_null(timetable_build(mcsi, cal, D("2027-06-12"), err, sizeof err));
}
END_TEST

START_TEST(bad_profiles)
{
	char err[256];

	ck_assert_ptr_null(timetable_profile_named("no-such-profile", err, sizeof err));
	ck_assert_ptr_null(timetable_profile_named("../fields/areas", err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "not a profile name"));
}
END_TEST

Suite *
make_suite_timetable(void)
{
	Suite *s = suite_create("timetable");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, plain_start);
	tcase_add_test(tc, easter_inside_fieldwork);
	tcase_add_loop_test(tc, blackout_refused, 0, sizeof blackouts / sizeof blackouts[0]);
	tcase_add_test(tc, not_a_friday);
	tcase_add_loop_test(tc, every_friday_2026_2028, 0, sizeof divisions / sizeof divisions[0]);
	tcase_add_test(tc, mcsi_2002_milestones);
	tcase_add_test(tc, bad_profiles);
	suite_add_tcase(s, tc);
	return s;
}
