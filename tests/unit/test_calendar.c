/*
 * test_calendar.c: unit tests of lib/core/calendar.c: the shipped GOV.UK
 * bank-holidays.json (format, every event on a weekday, counts per year and
 * division, Easter, the moving Mondays, named substitute days), working-day
 * arithmetic against a day-by-day count, and load errors on bad fixtures.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/calendar.h"
#include "core/datadir.h"
#include "core/jsonio.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define FIXTURES "data/holidays/"

static const char *const divisions[] = {CALENDAR_ENGLAND_AND_WALES, CALENDAR_SCOTLAND,
                                        CALENDAR_NORTHERN_IRELAND};
/* Bank holidays a year: substitutes replace a day, never add one. */
static const int per_year[] = {8, 9, 10};

/* Easter Sunday 2024-2030. */
static const char *const easter[] = {"2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28",
                                     "2028-04-16", "2029-04-01", "2030-04-21"};

static const struct {
	const char *division, *date, *title;
	int substitute;
} named[] = {
    {"england-and-wales", "2026-12-25", "Christmas Day", 0},
    {"england-and-wales", "2026-12-28", "Boxing Day", 1},
    {"england-and-wales", "2027-12-27", "Christmas Day", 1},
    {"england-and-wales", "2027-12-28", "Boxing Day", 1},
    {"england-and-wales", "2028-01-03", "New Year\u2019s Day", 1},
    {"england-and-wales", "2026-05-04", "Early May bank holiday", 0},
    {"england-and-wales", "2027-03-26", "Good Friday", 0},
    {"england-and-wales", "2027-03-29", "Easter Monday", 0},
    {"england-and-wales", "2027-08-30", "Summer bank holiday", 0},
    {"scotland", "2026-01-02", "2nd January", 0},
    {"scotland", "2027-01-04", "2nd January", 1},
    {"scotland", "2028-01-03", "New Year\u2019s Day", 1},
    {"scotland", "2028-01-04", "2nd January", 1},
    {"scotland", "2024-12-02", "St Andrew\u2019s Day", 1},
    {"scotland", "2025-12-01", "St Andrew\u2019s Day", 1},
    {"scotland", "2026-11-30", "St Andrew\u2019s Day", 0},
    {"scotland", "2026-08-03", "Summer bank holiday", 0},
    {"scotland", "2027-12-28", "Boxing Day", 1},
    {"northern-ireland", "2024-03-18", "St Patrick\u2019s Day", 1},
    {"northern-ireland", "2027-03-17", "St Patrick\u2019s Day", 0},
    {"northern-ireland", "2025-07-14", "Battle of the Boyne (Orangemen\u2019s Day)", 1},
    {"northern-ireland", "2027-07-12", "Battle of the Boyne (Orangemen\u2019s Day)", 0},
    {"northern-ireland", "2026-12-28", "Boxing Day", 1},
};

/* Days that are bank holidays in one division and not another. */
static const struct {
	const char *date;
	int working[3]; /* england-and-wales, scotland, northern-ireland */
} differ[] = {
    {"2026-01-02", {1, 0, 1}}, /* 2 January */
    {"2026-11-30", {1, 0, 1}}, /* St Andrew's Day */
    {"2027-03-29", {0, 1, 0}}, /* Easter Monday */
    {"2026-08-03", {1, 0, 1}}, /* Scotland's summer bank holiday */
    {"2026-08-31", {0, 1, 0}}, /* everyone else's */
    {"2027-03-17", {1, 1, 0}}, /* St Patrick's Day */
    {"2027-07-12", {1, 1, 0}}, /* Battle of the Boyne */
    {"2027-03-26", {0, 0, 0}}, /* Good Friday */
    {"2027-01-15", {1, 1, 1}}, /* demo day 1 */
};

static const struct {
	const char *from;
	long n;
	const char *to;
} steps[] = {
    {"2026-12-24", 1, "2026-12-29"},  {"2026-12-29", -1, "2026-12-24"},
    {"2027-03-25", 1, "2027-03-30"},  {"2027-03-30", -1, "2027-03-25"},
    {"2027-01-15", 0, "2027-01-15"},  {"2027-01-16", 0, "2027-01-16"},
    {"2027-01-15", 1, "2027-01-18"},  {"2027-01-15", 5, "2027-01-22"},
    {"2027-01-15", 10, "2027-01-29"}, {"2027-01-15", -5, "2027-01-08"},
    {"2027-12-24", 1, "2027-12-29"},  {"2027-12-31", 1, "2028-01-04"},
    {"2027-01-16", 1, "2027-01-18"},  {"2027-01-16", -1, "2027-01-15"},
    {"2026-05-01", 1, "2026-05-05"},  {"2027-01-15", 41, "2027-03-15"},
    {"2027-03-12", 10, "2027-03-30"},
};

static char err[512];

static date_t
day(const char *s)
{
	date_t t = 0;

	ck_assert_msg(dates_parse_iso(s, &t) == 0, "bad test date %s", s);
	return t;
}

static struct calendar *
shipped(const char *division)
{
	struct calendar *cal = calendar_load_default(division, err, sizeof err);

	ck_assert_msg(cal != NULL, "%s", err);
	return cal;
}

/* Monday of the first or last week of month m (last when last != 0). */
static date_t
monday_of(int y, int m, int last)
{
	date_t t;

	if (last)
		ck_assert_int_eq(dates_from_ymd(y, m, dates_days_in_month(y, m), &t), 0);
	else
		ck_assert_int_eq(dates_from_ymd(y, m, 1, &t), 0);
	while (dates_weekday(t) != MON)
		t += last ? -1 : 1;
	return t;
}

/* Working days in (from, to], one day at a time. */
static long
slow_between(const struct calendar *cal, date_t from, date_t to)
{
	long n = 0;

	for (from++; from <= to; from++)
		n += calendar_is_working(cal, from);
	return n;
}

START_TEST(test_file_format)
{
	json_t *root, *div, *ev;
	const char *key;
	size_t i;
	char *path = datadir_path(CALENDAR_DEFAULT_FILE);

	root = jsonio_load(path, err, sizeof err);
	free(path);
	ck_assert_msg(root != NULL, "%s", err);
	ck_assert(json_is_object(root));
	ck_assert_uint_eq(json_object_size(root), 3);
	json_object_foreach(root, key, div)
	{
		ck_assert(strcmp(key, divisions[0]) == 0 || strcmp(key, divisions[1]) == 0 ||
		          strcmp(key, divisions[2]) == 0);
		ck_assert_uint_eq(json_object_size(div), 2);
		ck_assert_str_eq(jsonio_str(div, "division", ""), key);
		ck_assert(json_is_array(json_object_get(div, "events")));
		json_array_foreach(json_object_get(div, "events"), i, ev)
		{
			ck_assert_uint_eq(json_object_size(ev), 4);
			ck_assert(json_is_string(json_object_get(ev, "title")));
			ck_assert(json_is_string(json_object_get(ev, "date")));
			ck_assert(json_is_string(json_object_get(ev, "notes")));
			ck_assert(json_is_boolean(json_object_get(ev, "bunting")));
		}
	}
	json_decref(root);
}
END_TEST

/* Every event of a division is a weekday; events are in date order. */
START_TEST(test_shipped_weekdays)
{
	struct calendar *cal = shipped(divisions[_i]);
	date_t d, prev = DATES_MIN;
	size_t i;

	ck_assert_uint_eq(calendar_count(cal), (size_t)(7 * per_year[_i]));
	for (i = 0; i < calendar_count(cal); i++) {
		ck_assert_ptr_nonnull(calendar_event(cal, i, &d));
		ck_assert_msg(dates_weekday(d) < SAT, "%s event %zu on a weekend", divisions[_i],
		              i);
		ck_assert(d > prev);
		ck_assert(!calendar_is_working(cal, d));
		prev = d;
	}
	ck_assert_ptr_null(calendar_event(cal, i, &d));
	calendar_free(cal);
}
END_TEST

/* Bank holidays per year are right, and each is a weekday lost to work. */
START_TEST(test_shipped_counts)
{
	struct calendar *cal = shipped(divisions[_i]), *none = calendar_empty();
	date_t first, last, jan1, dec31, d;
	int count[2031 - 2024] = {0}, y, m, dd;
	size_t i;

	calendar_range(cal, &first, &last);
	ck_assert_int_eq(first, day("2024-01-01"));
	ck_assert(last >= day("2030-12-25") && last <= day("2030-12-31"));
	for (i = 0; calendar_event(cal, i, &d) != NULL; i++) {
		dates_to_ymd(d, &y, &m, &dd);
		ck_assert(y >= 2024 && y <= 2030);
		count[y - 2024]++;
	}
	for (y = 2024; y <= 2030; y++) {
		ck_assert_msg(count[y - 2024] == per_year[_i], "%s %d: %d", divisions[_i], y,
		              count[y - 2024]);
		ck_assert_int_eq(dates_from_ymd(y, 1, 1, &jan1), 0);
		ck_assert_int_eq(dates_from_ymd(y, 12, 31, &dec31), 0);
		ck_assert_int_eq(calendar_working_between(none, jan1 - 1, dec31) -
		                     calendar_working_between(cal, jan1 - 1, dec31),
		                 per_year[_i]);
	}
	calendar_free(none);
	calendar_free(cal);
}
END_TEST

/* Good Friday everywhere, Easter Monday outside Scotland. */
START_TEST(test_shipped_easter)
{
	struct calendar *cal[3];
	date_t sun = day(easter[_i]);
	size_t k;

	ck_assert_int_eq(dates_weekday(sun), SUN);
	for (k = 0; k < 3; k++) {
		cal[k] = shipped(divisions[k]);
		ck_assert_str_eq(calendar_holiday(cal[k], sun - 2), "Good Friday");
		ck_assert_ptr_null(calendar_holiday(cal[k], sun - 3));
		ck_assert(calendar_is_working(cal[k], sun - 3));
		ck_assert(!calendar_is_working(cal[k], sun - 2));
	}
	ck_assert_str_eq(calendar_holiday(cal[0], sun + 1), "Easter Monday");
	ck_assert_ptr_null(calendar_holiday(cal[1], sun + 1));
	ck_assert_str_eq(calendar_holiday(cal[2], sun + 1), "Easter Monday");
	for (k = 0; k < 3; k++)
		calendar_free(cal[k]);
}
END_TEST

/* The Monday holidays of May and August fall where the rules put them. */
START_TEST(test_shipped_mondays)
{
	struct calendar *cal = shipped(divisions[_i]);
	int y, scot = strcmp(divisions[_i], CALENDAR_SCOTLAND) == 0;

	for (y = 2024; y <= 2030; y++) {
		ck_assert_str_eq(calendar_holiday(cal, monday_of(y, 5, 0)),
		                 "Early May bank holiday");
		ck_assert_str_eq(calendar_holiday(cal, monday_of(y, 5, 1)), "Spring bank holiday");
		ck_assert_str_eq(calendar_holiday(cal, monday_of(y, 8, !scot)),
		                 "Summer bank holiday");
		ck_assert_ptr_null(calendar_holiday(cal, monday_of(y, 8, scot)));
	}
	calendar_free(cal);
}
END_TEST

/* Named days (substitutes among them) exist, with "Substitute day" notes. */
START_TEST(test_shipped_named)
{
	struct calendar *cal = shipped(named[_i].division);
	char *path = datadir_path(CALENDAR_DEFAULT_FILE);
	json_t *root, *ev;
	size_t i;
	int seen = 0;

	ck_assert_str_eq(calendar_holiday(cal, day(named[_i].date)), named[_i].title);
	root = jsonio_load(path, err, sizeof err);
	ck_assert_msg(root != NULL, "%s", err);
	json_array_foreach(json_object_get(json_object_get(root, named[_i].division), "events"), i,
	                   ev)
	{
		if (strcmp(jsonio_str(ev, "date", ""), named[_i].date) != 0)
			continue;
		seen++;
		ck_assert_str_eq(jsonio_str(ev, "notes", "?"),
		                 named[_i].substitute ? "Substitute day" : "");
	}
	ck_assert_int_eq(seen, 1);
	json_decref(root);
	free(path);
	calendar_free(cal);
}
END_TEST

START_TEST(test_division_differences)
{
	struct calendar *cal;
	size_t i, k;

	for (k = 0; k < 3; k++) {
		cal = shipped(divisions[k]);
		for (i = 0; i < NELEM(differ); i++)
			ck_assert_msg(calendar_is_working(cal, day(differ[i].date)) ==
			                  differ[i].working[k],
			              "%s %s", divisions[k], differ[i].date);
		calendar_free(cal);
	}
}
END_TEST

START_TEST(test_add_working_table)
{
	struct calendar *cal = shipped(CALENDAR_ENGLAND_AND_WALES);
	char buf[DATES_ISO_LEN];

	ck_assert_str_eq(
	    dates_format(calendar_add_working(cal, day(steps[_i].from), steps[_i].n), buf),
	    steps[_i].to);
	calendar_free(cal);
}
END_TEST

START_TEST(test_next_prev_working)
{
	struct calendar *cal = shipped(CALENDAR_ENGLAND_AND_WALES);

	ck_assert_int_eq(calendar_next_working(cal, day("2026-12-24")), day("2026-12-24"));
	ck_assert_int_eq(calendar_next_working(cal, day("2026-12-25")), day("2026-12-29"));
	ck_assert_int_eq(calendar_next_working(cal, day("2027-01-16")), day("2027-01-18"));
	ck_assert_int_eq(calendar_prev_working(cal, day("2026-12-28")), day("2026-12-24"));
	ck_assert_int_eq(calendar_prev_working(cal, day("2027-03-29")), day("2027-03-25"));
	ck_assert_int_eq(calendar_prev_working(cal, day("2027-01-15")), day("2027-01-15"));
	calendar_free(cal);
}
END_TEST

/* add and subtract are inverses; working_between counts what add stepped. */
START_TEST(test_add_inverse)
{
	static const long ns[] = {1, 2, 3, 5, 10, 20, 41, 250};
	struct calendar *cal = shipped(divisions[_i]);
	date_t d, e;
	size_t k;

	for (d = day("2023-12-01"); d <= day("2030-12-31"); d++) {
		for (k = 0; k < NELEM(ns); k++) {
			e = calendar_add_working(cal, d, ns[k]);
			ck_assert(e > d && calendar_is_working(cal, e));
			ck_assert_int_eq(calendar_working_between(cal, d, e), ns[k]);
			ck_assert_int_eq(calendar_add_working(cal, e, -ns[k]),
			                 calendar_prev_working(cal, d));
			e = calendar_add_working(cal, d, -ns[k]);
			ck_assert(e < d && calendar_is_working(cal, e));
			ck_assert_int_eq(calendar_working_between(cal, e, d),
			                 ns[k] - !calendar_is_working(cal, d));
			ck_assert_int_eq(calendar_add_working(cal, e, ns[k]),
			                 calendar_next_working(cal, d));
		}
	}
	calendar_free(cal);
}
END_TEST

/* working_between against a day-by-day count, across 1970 and holidays. */
START_TEST(test_working_between)
{
	struct calendar *cal = shipped(CALENDAR_ENGLAND_AND_WALES), *none = calendar_empty();
	static const char *const from[] = {"1969-12-20", "2023-12-29", "2026-12-20", "2027-03-25"};
	static const long spans[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 13, 14, 30, 100, 400, 3000};
	date_t f;
	size_t i, k;
	int off;

	for (i = 0; i < NELEM(from); i++) {
		for (off = 0; off < 7; off++) {
			f = day(from[i]) + off;
			for (k = 0; k < NELEM(spans); k++) {
				ck_assert_int_eq(calendar_working_between(cal, f, f + spans[k]),
				                 slow_between(cal, f, f + spans[k]));
				ck_assert_int_eq(calendar_working_between(none, f, f + spans[k]),
				                 slow_between(none, f, f + spans[k]));
				ck_assert_int_eq(calendar_working_between(cal, f + spans[k], f), 0);
			}
		}
	}
	ck_assert_int_eq(calendar_working_between(cal, day("2026-12-24"), day("2026-12-29")), 1);
	ck_assert_int_eq(calendar_working_between(none, day("2026-12-24"), day("2026-12-29")), 3);
	calendar_free(none);
	calendar_free(cal);
}
END_TEST

START_TEST(test_empty)
{
	struct calendar *cal = calendar_empty();
	date_t first = 9, last = 9;

	calendar_range(cal, &first, &last);
	ck_assert_int_eq(first, 0);
	ck_assert_int_eq(last, 0);
	ck_assert_uint_eq(calendar_count(cal), 0);
	ck_assert_ptr_null(calendar_event(cal, 0, &first));
	ck_assert_ptr_null(calendar_holiday(cal, day("2026-12-25")));
	ck_assert(calendar_is_working(cal, day("2026-12-25")));
	ck_assert(!calendar_is_working(cal, day("2026-12-26")));
	ck_assert_int_eq(calendar_add_working(cal, day("2026-12-24"), 1), day("2026-12-25"));
	ck_assert_int_eq(calendar_add_working(cal, day("2026-12-25"), 1), day("2026-12-28"));
	ck_assert_int_eq(calendar_working_between(cal, day("2027-01-15"), day("2027-01-22")), 5);
	calendar_free(cal);
	calendar_free(NULL);
}
END_TEST

/* A small fixture: events out of order and a repeated date. */
START_TEST(test_tiny_fixture)
{
	struct calendar *cal =
	    calendar_load(FIXTURES "tiny.json", "england-and-wales", err, sizeof err);
	date_t d, first, last;

	ck_assert_msg(cal != NULL, "%s", err);
	ck_assert_uint_eq(calendar_count(cal), 3);
	ck_assert_str_eq(calendar_event(cal, 0, &d), "Test Saturday");
	ck_assert_int_eq(d, day("2026-12-19"));
	ck_assert_str_eq(calendar_event(cal, 1, &d), "Christmas Day");
	ck_assert_int_eq(d, day("2026-12-25"));
	ck_assert_str_eq(calendar_event(cal, 2, NULL), "Boxing Day");
	calendar_range(cal, &first, &last);
	ck_assert_int_eq(first, day("2026-12-19"));
	ck_assert_int_eq(last, day("2026-12-28"));
	ck_assert_int_eq(calendar_add_working(cal, day("2026-12-24"), 1), day("2026-12-29"));
	calendar_free(cal);
	cal = calendar_load(FIXTURES "tiny.json", "scotland", err, sizeof err);
	ck_assert_msg(cal != NULL, "%s", err);
	ck_assert_uint_eq(calendar_count(cal), 0);
	ck_assert(calendar_is_working(cal, day("2026-12-25")));
	calendar_free(cal);
}
END_TEST

static const struct {
	const char *file, *division, *message;
} errors[] = {
    {"tiny.json", "wales", FIXTURES "tiny.json: unknown division wales"},
    {"tiny.json", "England-and-Wales", FIXTURES "tiny.json: unknown division England-and-Wales"},
    {"bad-date.json", "england-and-wales",
     FIXTURES "bad-date.json: england-and-wales event 3: bad date"},
    {"bad-date.json", "scotland", FIXTURES "bad-date.json: scotland event 0: bad date"},
    {"bad-date.json", "northern-ireland",
     FIXTURES "bad-date.json: northern-ireland event 0: bad date"},
    {"bad-event.json", "england-and-wales",
     FIXTURES "bad-event.json: england-and-wales event 1: not an object"},
    {"bad-event.json", "scotland", FIXTURES "bad-event.json: scotland event 0: no title"},
    {"no-events.json", "england-and-wales",
     FIXTURES "no-events.json: england-and-wales: no events array"},
    {"no-events.json", "scotland", FIXTURES "no-events.json: scotland: no events array"},
    {"no-events.json", "northern-ireland",
     FIXTURES "no-events.json: northern-ireland: no events array"},
    {"not-object.json", "england-and-wales",
     FIXTURES "not-object.json: not a bank-holidays object"},
    {"missing.json", "england-and-wales", FIXTURES "missing.json: No such file or directory"},
};

START_TEST(test_load_errors)
{
	char path[256];

	snprintf(path, sizeof path, FIXTURES "%s", errors[_i].file);
	strcpy(err, "unset");
	ck_assert_ptr_null(calendar_load(path, errors[_i].division, err, sizeof err));
	ck_assert_str_eq(err, errors[_i].message);
}
END_TEST

/* A syntax error is located: PATH:LINE:COL: reason. */
START_TEST(test_load_syntax)
{
	const char *prefix = FIXTURES "syntax.json:5:";
	char *end;
	long col;

	ck_assert_ptr_null(calendar_load(FIXTURES "syntax.json", "scotland", err, sizeof err));
	ck_assert_msg(strncmp(err, prefix, strlen(prefix)) == 0, "%s", err);
	col = strtol(err + strlen(prefix), &end, 10);
	ck_assert(col > 0);
	ck_assert_msg(strncmp(end, ": ", 2) == 0 && strlen(end) > 2, "%s", err);
	/* a small buffer truncates, NULL is allowed */
	ck_assert_ptr_null(calendar_load(FIXTURES "syntax.json", "scotland", err, 8));
	ck_assert_uint_eq(strlen(err), 7);
	ck_assert_ptr_null(calendar_load(FIXTURES "syntax.json", "scotland", NULL, 0));
}
END_TEST

Suite *make_suite_calendar(void);

Suite *
make_suite_calendar(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("calendar");

	tcase_add_test(tc, test_file_format);
	tcase_add_loop_test(tc, test_shipped_weekdays, 0, NELEM(divisions));
	tcase_add_loop_test(tc, test_shipped_counts, 0, NELEM(divisions));
	tcase_add_loop_test(tc, test_shipped_easter, 0, NELEM(easter));
	tcase_add_loop_test(tc, test_shipped_mondays, 0, NELEM(divisions));
	tcase_add_loop_test(tc, test_shipped_named, 0, NELEM(named));
	tcase_add_test(tc, test_division_differences);
	tcase_add_loop_test(tc, test_add_working_table, 0, NELEM(steps));
	tcase_add_test(tc, test_next_prev_working);
	tcase_add_loop_test(tc, test_add_inverse, 0, NELEM(divisions));
	tcase_add_test(tc, test_working_between);
	tcase_add_test(tc, test_empty);
	tcase_add_test(tc, test_tiny_fixture);
	tcase_add_loop_test(tc, test_load_errors, 0, NELEM(errors));
	tcase_add_test(tc, test_load_syntax);
	suite_add_tcase(s, tc);
	return s;
}
