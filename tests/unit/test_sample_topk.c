/*
 * test_sample_topk.c: the bounded candidate heap keeps exactly the k lowest
 * (rank, Case ID) of any stream, holds a Case ID once, and forgets on demand.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/topk.h"

/* xorshift64 */
static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* qsort comparator for ranks. */
static int
u64_cmp(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;

	return a < b ? -1 : a > b;
}

static const size_t caps[] = {0, 1, 5, 66};

START_TEST(test_keeps_lowest)
{
	uint64_t g = 99 + (uint64_t)_i, ranks[3000];
	size_t cap = caps[_i % 4], n = 1 + (size_t)(rnd(&g) % 3000), i;
	struct topk t;
	struct topk_cand **v;
	char id[16];
	const char *f[1];

	topk_init(&t, cap);
	for (i = 0; i < n; i++) {
		ranks[i] = rnd(&g) % 5000; /* ties on purpose */
		snprintf(id, sizeof id, "CA%08zu", i);
		f[0] = id;
		topk_offer(&t, ranks[i], id, f, 1, i + 2);
	}
	ck_assert_uint_eq(t.n, n < cap ? n : cap);
	v = topk_sorted(&t);
	qsort(ranks, n, sizeof *ranks, u64_cmp);
	for (i = 0; i < t.n; i++) {
		ck_assert_uint_eq(v[i]->rank, ranks[i]);
		ck_assert_str_eq(v[i]->fields[0], v[i]->id);
		if (i > 0)
			ck_assert(
			    v[i - 1]->rank < v[i]->rank ||
			    (v[i - 1]->rank == v[i]->rank && strcmp(v[i - 1]->id, v[i]->id) < 0));
	}
	free(v);
	topk_free(&t);
}
END_TEST

START_TEST(test_once_and_remove)
{
	const char *f[2] = {"CA00000001", "x"};
	struct topk t;
	struct topk_cand **v;

	topk_init(&t, 4);
	topk_offer(&t, 10, "CA00000001", f, 2, 2);
	topk_offer(&t, 10, "CA00000001", f, 2, 3); /* the same Case ID again */
	topk_offer(&t, 10, "CA00000002", f, 2, 4); /* same rank, other ID */
	topk_offer(&t, 5, "CA00000003", f, 2, 5);
	ck_assert_uint_eq(t.n, 3);
	topk_remove(&t, 10, "CA00000001");
	topk_remove(&t, 10, "CA00000009"); /* not held: nothing happens */
	ck_assert_uint_eq(t.n, 2);
	v = topk_sorted(&t);
	ck_assert_str_eq(v[0]->id, "CA00000003");
	ck_assert_str_eq(v[1]->id, "CA00000002");
	ck_assert_uint_eq(v[1]->line, 4);
	free(v);
	topk_free(&t);
}
END_TEST

Suite *make_suite_sample_topk(void);

Suite *
make_suite_sample_topk(void)
{
	Suite *s = suite_create("sample_topk");
	TCase *tc = tcase_create("topk");

	tcase_add_loop_test(tc, test_keeps_lowest, 0, 40);
	tcase_add_test(tc, test_once_and_remove);
	suite_add_tcase(s, tc);
	return s;
}
