/*
 * test_sample_apportion.c: largest-remainder apportionment, by table and by
 * brute comparison with the textbook method (floors, then largest remainders).
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/apportion.h"

#define MAXN 8

static const struct {
	unsigned long total;
	size_t n;
	unsigned long weight[MAXN];
	unsigned long cap[MAXN];
	unsigned long start[MAXN];
	unsigned long add;
	uint64_t tie[MAXN];
	unsigned long want[MAXN];
	unsigned long given;
} cases[] = {
    /* 10 over 5:3:2 exactly */
    {10, 3, {5, 3, 2}, {99, 99, 99}, {0}, 10, {0, 1, 2}, {5, 3, 2}, 10},
    /* 7 over 1:1:1: shares 2.33 each, the extra unit to the smallest tie */
    {7, 3, {1, 1, 1}, {99, 99, 99}, {0}, 7, {9, 3, 5}, {2, 3, 2}, 7},
    /* 50 over 17:33:50:0 - shares 8.5, 16.5, 25, 0 */
    {50, 4, {17, 33, 50, 0}, {99, 99, 99, 99}, {0}, 50, {2, 1, 3, 4}, {8, 17, 25, 0}, 50},
    /* caps bind: the rest flows to the others */
    {10, 3, {8, 1, 1}, {2, 99, 99}, {0}, 10, {0, 1, 2}, {2, 4, 4}, 10},
    /* everything capped: fewer given */
    {10, 2, {1, 1}, {3, 2}, {0}, 10, {0, 1}, {3, 2}, 5},
    /* a starting allocation (a quota) above one area's share */
    {10, 2, {1, 1}, {99, 99}, {7, 0}, 3, {0, 1}, {7, 3}, 3},
    /* 20 flags over drawn 3,3,44 */
    {20, 3, {3, 3, 44}, {3, 3, 44}, {0}, 20, {5, 6, 7}, {1, 1, 18}, 20},
    /* zero weights: ties decide */
    {2, 3, {0, 0, 0}, {1, 1, 1}, {0}, 2, {3, 1, 2}, {0, 1, 1}, 2},
};

START_TEST(test_table)
{
	struct apportion_item it[MAXN];
	size_t i, n = cases[_i].n;
	unsigned long given;

	for (i = 0; i < n; i++) {
		it[i].weight = cases[_i].weight[i];
		it[i].cap = cases[_i].cap[i];
		it[i].count = cases[_i].start[i];
		it[i].tie = cases[_i].tie[i];
	}
	given = apportion_add(it, n, cases[_i].total, cases[_i].add);
	ck_assert_uint_eq(given, cases[_i].given);
	for (i = 0; i < n; i++)
		ck_assert_msg(it[i].count == cases[_i].want[i],
		              "case %d item %zu: got %lu want %lu", _i, i, it[i].count,
		              cases[_i].want[i]);
}
END_TEST

/* A small PRNG for the property test. */
static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* The textbook largest-remainder method, ties by smaller tie. */
static void
hamilton(const unsigned long *w, const uint64_t *tie, size_t n, unsigned long total,
         unsigned long *out)
{
	unsigned long wsum = 0, given = 0;
	size_t i, best;

	for (i = 0; i < n; i++)
		wsum += w[i];
	for (i = 0; i < n; i++) {
		out[i] = total * w[i] / wsum;
		given += out[i];
	}
	for (; given < total; given++) {
		best = n;
		for (i = 0; i < n; i++) {
			unsigned long r = total * w[i] % wsum;
			if (out[i] > total * w[i] / wsum)
				continue;
			if (best == n || r > total * w[best] % wsum ||
			    (r == total * w[best] % wsum && tie[i] < tie[best]))
				best = i;
		}
		out[best]++;
	}
}

START_TEST(test_matches_hamilton)
{
	uint64_t seed = 0x9e3779b97f4a7c15ULL;
	struct apportion_item it[MAXN];
	unsigned long w[MAXN], want[MAXN];
	uint64_t tie[MAXN];
	int round;
	size_t i, n;

	for (round = 0; round < 2000; round++) {
		unsigned long total = rnd(&seed) % 60, wsum = 0;

		n = 1 + rnd(&seed) % MAXN;
		for (i = 0; i < n; i++) {
			w[i] = rnd(&seed) % 500;
			tie[i] = rnd(&seed);
			wsum += w[i];
		}
		if (wsum == 0)
			w[0] = wsum = 1;
		for (i = 0; i < n; i++) {
			it[i].weight = w[i];
			it[i].cap = 1000;
			it[i].count = 0;
			it[i].tie = tie[i];
		}
		hamilton(w, tie, n, total, want);
		ck_assert_uint_eq(apportion_add(it, n, total, total), total);
		for (i = 0; i < n; i++) {
			ck_assert_uint_eq(it[i].count, want[i]);
			/* within one of the share: |count * wsum - total * w| < wsum */
			ck_assert(labs((long)(it[i].count * wsum) - (long)(total * w[i])) <
			          (long)wsum);
		}
	}
}
END_TEST

Suite *make_suite_sample_apportion(void);

Suite *
make_suite_sample_apportion(void)
{
	Suite *s = suite_create("sample_apportion");
	TCase *tc = tcase_create("apportion");

	tcase_add_loop_test(tc, test_table, 0, sizeof cases / sizeof cases[0]);
	tcase_add_test(tc, test_matches_hamilton);
	suite_add_tcase(s, tc);
	return s;
}
