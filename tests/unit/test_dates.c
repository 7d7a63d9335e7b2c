/*
 * test_dates.c: unit tests of lib/core/dates.c: parsing tables (valid and
 * invalid), day numbers against known anchors, a format/parse round trip over
 * every day from 1900 to 2100, weekdays, ages and HH:MM times.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const struct {
	const char *in;
	int y, m, d;
} valid[] = {
    {"2015-02-03", 2015, 2, 3},
    {"03/02/2015", 2015, 2, 3},
    {"3/2/2015", 2015, 2, 3},
    {"03/2/2015", 2015, 2, 3},
    {"3/02/2015", 2015, 2, 3},
    {"02/03/2015", 2015, 3, 2}, /* UK order, never US */
    {"  2015-02-03", 2015, 2, 3},
    {"2015-02-03  ", 2015, 2, 3},
    {"\t 03/02/2015 \t", 2015, 2, 3},
    {"2024-02-29", 2024, 2, 29},
    {"29/02/2024", 2024, 2, 29},
    {"29/02/2000", 2000, 2, 29},
    {"31/12/1999", 1999, 12, 31},
    {"1900-01-01", 1900, 1, 1},
    {"31/12/2199", 2199, 12, 31},
    {"31/01/2027", 2027, 1, 31},
    {"30/04/2027", 2027, 4, 30},
    {"2015-02-03 00:00", 2015, 2, 3},
    {"2015-02-03 00:00:00", 2015, 2, 3},
    {"03/02/2015 00:00", 2015, 2, 3},
    {"03/02/2015 00:00:00", 2015, 2, 3},
    {" 03/02/2015 00:00 ", 2015, 2, 3},
};

static const char *const invalid[] = {
    "31/02/2015", /* impossible day */
    "29/02/2023", /* not a leap year */
    "29/02/1900", /* century, not a leap year */
    "2023-02-29",
    "31/04/2027",
    "00/01/2020", /* day 0 */
    "2020-01-00",
    "01/13/2020", /* month 13 */
    "2020-13-01",
    "2020-00-10", /* month 0 */
    "12/31/2015", /* US order */
    "2015-2-3", /* ISO needs two-digit month and day */
    "2015-02-3",
    "2015-2-03",
    "03/02/15", /* 2-digit year */
    "3/2/15",
    "15-02-03",
    "0000-01-01", /* year 0 */
    "0001-01-01", /* outside the supported years 1900 to 2199 */
    "1899-12-31",
    "31/12/1899",
    "2200-01-01",
    "01/01/2200",
    "3500-01-07",
    "9999-12-31",
    "00/01/0000",
    "10000-01-01",
    "03/02/20150",
    "2015-02-031",
    "003/02/2015",
    "03/002/2015",
    "2015-02-03x", /* trailing garbage */
    "03/02/2015.",
    "2015-02-03 x",
    "2015-02-03 00:00 x",
    "2015-02-03T00:00:00", /* time parts */
    "2015-02-03 12:30",
    "03/02/2015 09:00",
    "03/02/2015 00:00:01",
    "03/02/2015 00:01",
    "03/02/2015 00:00:00.000",
    "03/02/2015 0:00",
    "2015/02/03", /* other separators */
    "03-02-2015",
    "03.02.2015",
    "3 /2/2015",
    "+2015-02-03",
    "-2015-02-03",
    "3rd February 2015",
    "",
    "   ",
    "/",
    "//2015",
    "--",
};

static const struct {
	int y, m, d;
	date_t t;
} anchors[] = {
    {1970, 1, 1, 0},           {1970, 1, 2, 1},      {1969, 12, 31, -1},    {2000, 1, 1, 10957},
    {2000, 3, 1, 11017},       {1900, 1, 1, -25567}, {2027, 1, 15, 20833},  {1, 1, 1, DATES_MIN},
    {9999, 12, 31, DATES_MAX}, {2038, 1, 19, 24855}, {1600, 3, 1, -135080},
};

static const struct {
	const char *date;
	enum dates_weekday wd;
} weekdays[] = {
    {"1970-01-01", THU}, {"1969-12-31", WED}, {"2000-01-01", SAT}, {"1900-01-01", MON},
    {"1900-03-01", THU}, {"2199-12-31", TUE}, {"2024-02-29", THU}, {"2026-12-25", FRI},
    {"2027-01-15", FRI}, {"2027-01-17", SUN}, {"2027-03-26", FRI}, {"2027-03-29", MON},
    {"2026-05-04", MON}, {"1966-07-30", SAT},
};

static const struct {
	const char *dob, *on;
	int age;
} ages[] = {
    {"2010-06-15", "2028-06-14", 17}, /* day before the 18th birthday */
    {"2010-06-15", "2028-06-15", 18}, /* the birthday */
    {"2010-06-15", "2028-06-16", 18}, /* day after */
    {"2008-02-29", "2026-02-28", 17}, /* 29 Feb: counts on 1 March... */
    {"2008-02-29", "2026-03-01", 18}, /* ...in a common year */
    {"2008-02-29", "2028-02-28", 19}, /* leap year: the day before */
    {"2008-02-29", "2028-02-29", 20}, /* leap year: 29 Feb itself */
    {"2008-02-28", "2026-02-28", 18}, {"2000-12-31", "2001-12-30", 0},
    {"2000-12-31", "2001-12-31", 1},  {"2000-01-01", "2000-01-01", 0},
    {"2027-01-16", "2027-01-15", 0}, /* one day in the future: not a whole year */
    {"2030-01-15", "2027-01-15", -3}, {"1900-03-01", "2100-02-28", 199},
};

static const struct {
	const char *in;
	int minutes;
} times[] = {
    {"00:00", 0},   {"23:59", 1439},  {"09:30", 570},  {"9:30", 570}, {" 14:00 ", 840},
    {"11:30", 690}, {"12:00", 720},   {"24:00", -1},   {"12:60", -1}, {"12:5", -1},
    {"1230", -1},   {"12:30:00", -1}, {"", -1},        {"ab:cd", -1}, {"-1:00", -1},
    {"123:00", -1}, {"12:300", -1},   {"12:30pm", -1}, {":30", -1},   {"12:", -1},
};

static date_t
parse_ok(const char *s)
{
	date_t t = 0;

	ck_assert_msg(dates_parse(s, &t) == 0, "cannot parse %s", s);
	return t;
}

START_TEST(test_parse_valid)
{
	date_t t = 12345, want = 0;
	int y, m, d;

	ck_assert_int_eq(dates_parse(valid[_i].in, &t), 0);
	ck_assert_int_eq(dates_from_ymd(valid[_i].y, valid[_i].m, valid[_i].d, &want), 0);
	ck_assert_int_eq(t, want);
	dates_to_ymd(t, &y, &m, &d);
	ck_assert_int_eq(y, valid[_i].y);
	ck_assert_int_eq(m, valid[_i].m);
	ck_assert_int_eq(d, valid[_i].d);
}
END_TEST

START_TEST(test_parse_invalid)
{
	date_t t = 4242;

	ck_assert_msg(dates_parse(invalid[_i], &t) == -1, "accepted \"%s\"", invalid[_i]);
	ck_assert_int_eq(t, 4242); /* untouched on failure */
}
END_TEST

/* Why a date is refused: a fixed phrase per kind, none for a good date. */
START_TEST(test_parse_error)
{
	ck_assert_ptr_null(dates_parse_error("2027-01-15"));
	ck_assert_ptr_null(dates_parse_error("01/01/1900"));
	ck_assert_str_eq(dates_parse_error("3500-01-07"),
	                 "outside the supported years 1900 to 2199");
	ck_assert_str_eq(dates_parse_error("9999-12-31"),
	                 "outside the supported years 1900 to 2199");
	ck_assert_str_eq(dates_parse_error("0000-01-01"),
	                 "outside the supported years 1900 to 2199");
	ck_assert_str_eq(dates_parse_error("31/12/1899"),
	                 "outside the supported years 1900 to 2199");
	ck_assert_str_eq(dates_parse_error("31/02/2015"), "no such day");
	ck_assert_str_eq(dates_parse_error("12/31/2015"), "no such day");
	ck_assert_str_eq(dates_parse_error("10000-01-01"), "not a date (YYYY-MM-DD or DD/MM/YYYY)");
	ck_assert_str_eq(dates_parse_error(NULL), "not a date (YYYY-MM-DD or DD/MM/YYYY)");
}
END_TEST

START_TEST(test_parse_null)
{
	date_t t = 7;

	ck_assert_int_eq(dates_parse(NULL, &t), -1);
	ck_assert_int_eq(dates_parse_iso(NULL, &t), -1);
	ck_assert_int_eq(dates_parse_time(NULL), -1);
	ck_assert_int_eq(t, 7);
}
END_TEST

START_TEST(test_parse_iso_strict)
{
	date_t t = 0;

	ck_assert_int_eq(dates_parse_iso("2026-12-28", &t), 0);
	ck_assert_int_eq(t, parse_ok("28/12/2026"));
	ck_assert_int_eq(dates_parse_iso(" 2026-12-28", &t), -1);
	ck_assert_int_eq(dates_parse_iso("2026-12-28 ", &t), -1);
	ck_assert_int_eq(dates_parse_iso("28/12/2026", &t), -1);
	ck_assert_int_eq(dates_parse_iso("2026-12-28 00:00", &t), -1);
	ck_assert_int_eq(dates_parse_iso("2026-02-30", &t), -1);
	ck_assert_int_eq(dates_parse_iso("1899-12-31", &t), -1);
	ck_assert_int_eq(dates_parse_iso("2200-01-01", &t), -1);
	ck_assert_int_eq(dates_parse_iso("2199-12-31", &t), 0);
}
END_TEST

START_TEST(test_anchors)
{
	date_t t = 99;
	int y, m, d;

	ck_assert_int_eq(dates_from_ymd(anchors[_i].y, anchors[_i].m, anchors[_i].d, &t), 0);
	ck_assert_int_eq(t, anchors[_i].t);
	dates_to_ymd(anchors[_i].t, &y, &m, &d);
	ck_assert_int_eq(y, anchors[_i].y);
	ck_assert_int_eq(m, anchors[_i].m);
	ck_assert_int_eq(d, anchors[_i].d);
}
END_TEST

START_TEST(test_from_ymd_impossible)
{
	static const int bad[][3] = {{0, 1, 1},     {10000, 1, 1}, {2015, 2, 29}, {2015, 2, 31},
	                             {2015, 0, 1},  {2015, 13, 1}, {2015, 4, 31}, {2015, 1, 0},
	                             {2015, 1, 32}, {-1, 1, 1},    {1900, 2, 29}};
	date_t t = 5;
	size_t i;

	for (i = 0; i < NELEM(bad); i++)
		ck_assert_int_eq(dates_from_ymd(bad[i][0], bad[i][1], bad[i][2], &t), -1);
	ck_assert_int_eq(t, 5);
}
END_TEST

/* Every day 1900-2100: numbers are consecutive and format/parse round-trip. */
START_TEST(test_round_trip)
{
	char buf[DATES_ISO_LEN], uk[40];
	date_t t, expect, back;
	int y, m, d, yy, mm, dd;

	ck_assert_int_eq(dates_from_ymd(1900, 1, 1, &expect), 0);
	for (y = 1900; y <= 2100; y++) {
		for (m = 1; m <= 12; m++) {
			for (d = 1; d <= dates_days_in_month(y, m); d++, expect++) {
				ck_assert_int_eq(dates_from_ymd(y, m, d, &t), 0);
				ck_assert_int_eq(t, expect);
				dates_to_ymd(t, &yy, &mm, &dd);
				ck_assert(yy == y && mm == m && dd == d);
				dates_format(t, buf);
				ck_assert_uint_eq(strlen(buf), 10);
				ck_assert_int_eq(dates_parse(buf, &back), 0);
				ck_assert_int_eq(back, t);
				snprintf(uk, sizeof uk, "%d/%d/%d", d, m, y);
				ck_assert_int_eq(dates_parse(uk, &back), 0);
				ck_assert_int_eq(back, t);
				ck_assert_int_eq(dates_weekday(t + 7), dates_weekday(t));
				ck_assert_int_eq(dates_weekday(t + 1), (dates_weekday(t) + 1) % 7);
			}
		}
	}
	ck_assert_int_eq(dates_from_ymd(2101, 1, 1, &t), 0);
	ck_assert_int_eq(t, expect);
}
END_TEST

START_TEST(test_format)
{
	char buf[DATES_ISO_LEN];

	ck_assert_str_eq(dates_format(0, buf), "1970-01-01");
	ck_assert_str_eq(dates_format(-1, buf), "1969-12-31");
	ck_assert_str_eq(dates_format(DATES_MIN, buf), "0001-01-01");
	ck_assert_str_eq(dates_format(DATES_MAX, buf), "9999-12-31");
	ck_assert_str_eq(dates_format(parse_ok("3/2/2015"), buf), "2015-02-03");
	ck_assert_ptr_eq(dates_format(20833, buf), buf);
	ck_assert_str_eq(buf, "2027-01-15");
}
END_TEST

START_TEST(test_weekday)
{
	enum dates_weekday wd = dates_weekday(parse_ok(weekdays[_i].date));

	ck_assert_msg(wd == weekdays[_i].wd, "%s: %d", weekdays[_i].date, wd);
}
END_TEST

START_TEST(test_names)
{
	ck_assert_str_eq(dates_weekday_name(MON), "Monday");
	ck_assert_str_eq(dates_weekday_name(FRI), "Friday");
	ck_assert_str_eq(dates_weekday_name(SUN), "Sunday");
	ck_assert_str_eq(dates_weekday_abbr(WED), "Wed");
	ck_assert_str_eq(dates_weekday_abbr(SAT), "Sat");
	ck_assert_str_eq(dates_month_name(1), "January");
	ck_assert_str_eq(dates_month_name(12), "December");
	ck_assert_ptr_null(dates_month_name(0));
	ck_assert_ptr_null(dates_month_name(13));
}
END_TEST

START_TEST(test_leap_and_month_days)
{
	ck_assert(dates_is_leap(2024));
	ck_assert(dates_is_leap(2000));
	ck_assert(!dates_is_leap(1900));
	ck_assert(!dates_is_leap(2100));
	ck_assert(!dates_is_leap(2027));
	ck_assert_int_eq(dates_days_in_month(2024, 2), 29);
	ck_assert_int_eq(dates_days_in_month(2027, 2), 28);
	ck_assert_int_eq(dates_days_in_month(2027, 4), 30);
	ck_assert_int_eq(dates_days_in_month(2027, 12), 31);
	ck_assert_int_eq(dates_days_in_month(2027, 13), 0);
	ck_assert_int_eq(dates_days_in_month(2027, 0), 0);
}
END_TEST

START_TEST(test_age)
{
	int age = dates_age(parse_ok(ages[_i].dob), parse_ok(ages[_i].on));

	ck_assert_msg(age == ages[_i].age, "%s on %s: %d", ages[_i].dob, ages[_i].on, age);
}
END_TEST

/*
 * dates_parse_len() gives dates_parse()'s answer: every day and month 00-99
 * of years around and inside the supported ones, and every byte in each
 * position of a DD/MM/YYYY date.
 */
START_TEST(test_parse_len)
{
	static const int years[] = {1,    1000, 1899, 1900, 1901, 1999, 2000, 2004,
	                            2023, 2024, 2100, 2198, 2199, 2200, 9999};
	char s[16];
	date_t a, b;
	size_t i, k;
	int d, m, ra, rb, same = 0;

	for (i = 0; i < sizeof years / sizeof years[0]; i++)
		for (m = 0; m < 100; m++)
			for (d = 0; d < 100; d++) {
				snprintf(s, sizeof s, "%02d/%02d/%04d", d, m, years[i]);
				a = b = -12345;
				ra = dates_parse_len(s, strlen(s), &a);
				rb = dates_parse(s, &b);
				ck_assert_int_eq(ra, rb);
				ck_assert_int_eq(a, b);
				same += ra == 0;
			}
	ck_assert_int_eq(same, 3 * 366 + 7 * 365); /* the days of the ten supported years */
	for (k = 0; k < 10; k++)
		for (i = 0; i < 256; i++) {
			snprintf(s, sizeof s, "29/02/2024");
			s[k] = (char)i;
			a = b = -12345;
			ra = dates_parse_len(s, i == 0 ? k : 10, &a);
			rb = dates_parse(s, &b);
			ck_assert_int_eq(ra, rb);
			ck_assert_int_eq(a, b);
		}
}
END_TEST

START_TEST(test_parse_time)
{
	ck_assert_int_eq(dates_parse_time(times[_i].in), times[_i].minutes);
}
END_TEST

START_TEST(test_today)
{
	date_t lo, hi, t = dates_today();
	char buf[DATES_ISO_LEN];
	date_t back;

	ck_assert_int_eq(dates_from_ymd(2020, 1, 1, &lo), 0);
	ck_assert_int_eq(dates_from_ymd(2200, 1, 1, &hi), 0);
	ck_assert(t > lo && t < hi);
	ck_assert_int_eq(dates_parse(dates_format(t, buf), &back), 0);
	ck_assert_int_eq(back, t);
}
END_TEST

Suite *make_suite_dates(void);

Suite *
make_suite_dates(void)
{
	Suite *s = suite_create("dates");
	TCase *tc = tcase_create("dates");

	tcase_add_loop_test(tc, test_parse_valid, 0, NELEM(valid));
	tcase_add_loop_test(tc, test_parse_invalid, 0, NELEM(invalid));
	tcase_add_test(tc, test_parse_null);
	tcase_add_test(tc, test_parse_error);
	tcase_add_test(tc, test_parse_iso_strict);
	tcase_add_loop_test(tc, test_anchors, 0, NELEM(anchors));
	tcase_add_test(tc, test_from_ymd_impossible);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_format);
	tcase_add_loop_test(tc, test_weekday, 0, NELEM(weekdays));
	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_leap_and_month_days);
	tcase_add_loop_test(tc, test_age, 0, NELEM(ages));
	tcase_add_loop_test(tc, test_parse_time, 0, NELEM(times));
	tcase_add_test(tc, test_today);
	tcase_add_test(tc, test_parse_len);
	suite_add_tcase(s, tc);
	return s;
}
