/*
 * test_answers.c: the concerns register's answer index: the earliest
 * response on a shared case dated on or after the concern, ties by time then
 * entry, lists of references, empty references; and the index against the
 * plain scan over every response on random registers.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "sea/answers.h"

struct resp {
	const char *refs, *date, *time;
};

/* Index responses v[0..n) as entries 0..n-1. */
static struct answers *
index_of(const struct resp *v, size_t n)
{
	struct answers *a = answers_new();
	size_t i;

	for (i = 0; i < n; i++)
		answers_add(a, v[i].refs, v[i].date, v[i].time, i);
	return a;
}

static const struct resp fixed[] = {
    {"CA1", "2027-01-20", "10:00"}, /* 0 */
    {"CA1", "2027-01-19", "11:00"}, /* 1 */
    {"CA2;CA3", "2027-01-19", "09:00"}, /* 2 */
    {"CA3", "2027-01-19", "09:00"}, /* 3: ties 2, later entry */
    {";CA4;", "2027-01-25", "09:00"}, /* 4 */
    {"", "2027-01-18", "09:00"}, /* 5: on no case */
    {"CA10", "2027-01-18", "09:00"}, /* 6 */
};

static const struct {
	const char *refs, *date;
	long want;
} finds[] = {
    {"CA1", "2027-01-18", 1},      {"CA1", "2027-01-19", 1},     {"CA1", "2027-01-20", 0},
    {"CA1", "2027-01-21", -1},     {"CA3", "2027-01-01", 2},     {"CA9;CA3", "2027-01-01", 2},
    {"CA4", "2027-01-25", 4},      {"CA4;CA1", "2027-01-01", 1}, {"", "2027-01-01", -1},
    {";", "2027-01-01", -1},       {"CA", "2027-01-01", -1},     {"CA10", "2027-01-18", 6},
    {"CA1;CA10", "2027-01-18", 6},
};

START_TEST(test_fixed)
{
	struct answers *a = index_of(fixed, sizeof fixed / sizeof fixed[0]);

	ck_assert_int_eq(answers_find(a, finds[_i].refs, finds[_i].date), finds[_i].want);
	answers_free(a);
}
END_TEST

START_TEST(test_empty)
{
	struct answers *a = answers_new();

	ck_assert_int_eq(answers_find(a, "CA1", "2027-01-01"), -1);
	answers_add(a, "CA1", "2027-01-02", "09:00", 7);
	ck_assert_int_eq(answers_find(a, "CA1", "2027-01-01"), 7);
	answers_free(a);
}
END_TEST

/* 1 when two ";"-separated lists share a non-empty reference. */
static int
share(const char *a, const char *b)
{
	char x[64], y[64], *p, *q, *sp, *sq;

	snprintf(x, sizeof x, "%s", a);
	for (p = strtok_r(x, ";", &sp); p != NULL; p = strtok_r(NULL, ";", &sp)) {
		snprintf(y, sizeof y, "%s", b);
		for (q = strtok_r(y, ";", &sq); q != NULL; q = strtok_r(NULL, ";", &sq))
			if (strcmp(p, q) == 0)
				return 1;
	}
	return 0;
}

/* The answer by scanning every response, as the register was first written. */
static long
scan(const struct resp *v, size_t n, const char *refs, const char *date)
{
	long best = -1;
	size_t k;

	for (k = 0; k < n; k++) {
		if (strcmp(v[k].date, date) < 0 || !share(refs, v[k].refs))
			continue;
		if (best < 0 || strcmp(v[k].date, v[best].date) < 0 ||
		    (strcmp(v[k].date, v[best].date) == 0 && strcmp(v[k].time, v[best].time) < 0))
			best = (long)k;
	}
	return best;
}

static uint64_t
rnd(uint64_t *g)
{
	*g ^= *g << 13;
	*g ^= *g >> 7;
	*g ^= *g << 17;
	return *g;
}

START_TEST(test_against_scan)
{
	static const char *const refs[] = {"",     "CA1", "CA2",     "CA1;CA3",
	                                   "CA3;", "CA",  "CA4;CA2", ";"};
	static const char *const dates[] = {"2027-01-18", "2027-01-19", "2027-01-20"};
	static const char *const times[] = {"09:00", "09:30", "10:00"};
	struct resp v[200];
	uint64_t g = 0x9e3779b97f4a7c15ULL + (uint64_t)_i;
	size_t n = 1 + rnd(&g) % 200, i, q;
	struct answers *a;

	for (i = 0; i < n; i++) {
		v[i].refs = refs[rnd(&g) % 8];
		v[i].date = dates[rnd(&g) % 3];
		v[i].time = times[rnd(&g) % 3];
	}
	a = index_of(v, n);
	for (q = 0; q < 50; q++) {
		const char *r = refs[rnd(&g) % 8], *d = dates[rnd(&g) % 3];

		ck_assert_int_eq(answers_find(a, r, d), scan(v, n, r, d));
	}
	answers_free(a);
}
END_TEST

Suite *make_suite_answers(void);

Suite *
make_suite_answers(void)
{
	Suite *s = suite_create("answers");
	TCase *tc = tcase_create("find");

	tcase_add_loop_test(tc, test_fixed, 0, (int)(sizeof finds / sizeof finds[0]));
	tcase_add_test(tc, test_empty);
	tcase_add_loop_test(tc, test_against_scan, 0, 200);
	suite_add_tcase(s, tc);
	return s;
}
