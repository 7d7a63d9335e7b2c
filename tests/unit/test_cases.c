/*
 * test_cases.c: the case-level value hashes: the cache of them gives the
 * hash itself, for values that share their first and last bytes, values
 * that crowd one set, long values and empty ones; values the same but for
 * case, spaces and punctuation hash the same. And pages_resize() keeps an
 * array's contents as it grows, from calloc() to mapped pages.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "annexa/cases.h"
#include "core/pages.h"

START_TEST(test_vcache_same)
{
	struct cases_vcache *vc = cases_vcache_new();
	char v[128];
	size_t i, round, len;
	int f;

	for (round = 0; round < 3; round++)
		for (i = 0; i < 5000; i++) {
			f = (int)(i % CASES_NFIELDS);
			/* many values, most sharing the first and last 8 bytes */
			len = (size_t)snprintf(v, sizeof v, "Birmingham and Solihull %zu Team %zu",
			                       i % 700, i % 3);
			ck_assert_uint_eq(cases_vcache_hash(vc, (enum cases_field)f, v, len),
			                  cases_value_hash(v, len));
			/* long values are not kept, and still hashed right */
			memset(v, 'a' + (int)(i % 26), sizeof v);
			len = 40 + i % 80;
			ck_assert_uint_eq(cases_vcache_hash(vc, (enum cases_field)f, v, len),
			                  cases_value_hash(v, len));
			ck_assert_uint_eq(cases_vcache_hash(vc, (enum cases_field)f, v, 0),
			                  cases_value_hash(v, 0));
		}
	cases_vcache_free(vc);
}
END_TEST

START_TEST(test_value_normalised)
{
	struct cases_vcache *vc = cases_vcache_new();

	ck_assert_uint_eq(cases_value_hash("East of England", 15),
	                  cases_value_hash("east-of  ENGLAND.", 17));
	ck_assert_uint_ne(cases_value_hash("East of England", 15),
	                  cases_value_hash("East of Englant", 15));
	ck_assert_uint_eq(cases_vcache_hash(vc, CASES_TEAM, "Team 4", 6),
	                  cases_vcache_hash(vc, CASES_TEAM, "team-4", 6));
	ck_assert_uint_ne(cases_vcache_hash(vc, CASES_TEAM, "Team 4", 6),
	                  cases_vcache_hash(vc, CASES_TEAM, "Team 5", 6));
	cases_vcache_free(vc);
}
END_TEST

START_TEST(test_pages_resize)
{
	size_t n = 1024, i;
	unsigned *v = pages_resize(NULL, 0, n, sizeof *v);

	for (i = 0; i < n; i++)
		ck_assert_uint_eq(v[i], 0);
	for (; n < ((size_t)1 << 22); n *= 2) {
		for (i = n / 2; i < n; i++)
			v[i] = (unsigned)i * 2654435761u;
		v = pages_resize(v, n, 2 * n, sizeof *v);
		for (i = n; i < 2 * n; i++)
			ck_assert_uint_eq(v[i], 0);
	}
	for (i = 512; i < n / 2; i += 4099)
		ck_assert_uint_eq(v[i], (unsigned)i * 2654435761u);
	pages_free(v, n, sizeof *v);
}
END_TEST

Suite *make_suite_cases(void);

Suite *
make_suite_cases(void)
{
	Suite *s = suite_create("cases");
	TCase *tc = tcase_create("cases");

	tcase_add_test(tc, test_vcache_same);
	tcase_add_test(tc, test_value_normalised);
	tcase_add_test(tc, test_pages_resize);
	suite_add_tcase(s, tc);
	return s;
}
