/*
 * test_intern.c: the table of distinct records against a plain list: the
 * same index for the same record and a new one for each new record, through
 * many rehashes; records a word apart; intern_put_many() and the ticket
 * steps (intern_start(), intern_advance(), intern_finish()) giving what
 * intern_put() gives, tickets gone stale across rehashes included.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/intern.h"

enum { WORDS = 5, RECS = 30000 };

static uint64_t
next(uint64_t *g)
{
	*g ^= *g << 13;
	*g ^= *g >> 7;
	*g ^= *g << 17;
	return *g;
}

/* Record k: distinct for each k < RECS, seven at a time a bit or two apart. */
static void
record(size_t k, uint32_t *rec)
{
	size_t i;

	for (i = 0; i < WORDS; i++)
		rec[i] = (uint32_t)(k / 7 * 8 + i);
	rec[k % 7 % WORDS] ^= (uint32_t)1 << (k % 7 < WORDS ? 31 : 30);
	rec[0] ^= k % 7 >= WORDS ? (uint32_t)(k % 7) << 20 : 0;
}

START_TEST(test_intern_model)
{
	struct intern *t = intern_new(WORDS);
	uint32_t *id = malloc(RECS * sizeof *id), rec[64][WORDS], ids[64];
	uint64_t g = 0x9e3779b97f4a7c15ULL + (uint64_t)_i, tk[64];
	size_t n = 0, i, j, m, k[64];

	ck_assert_ptr_nonnull(id);
	memset(id, 0xff, RECS * sizeof *id);
	for (i = 0; i < 4000; i++) {
		m = 1 + next(&g) % 64;
		for (j = 0; j < m; j++) {
			/* new records at first, then more and more old ones */
			k[j] = next(&g) % (i < 400 ? RECS : 12000);
			record(k[j], rec[j]);
		}
		if (_i == 0)
			intern_put_many(t, &rec[0][0], m, ids);
		else {
			for (j = 0; j < m; j++)
				tk[j] = intern_start(t, rec[j]);
			for (j = 0; j < m; j += 2)
				intern_advance(t, tk[j]);
			for (j = 0; j < m; j++)
				ids[j] = intern_finish(t, tk[j], rec[j]);
		}
		for (j = 0; j < m; j++) {
			if (id[k[j]] == UINT32_MAX) {
				ck_assert_uint_eq(ids[j], n); /* a new record: the next index */
				id[k[j]] = (uint32_t)n++;
			} else
				ck_assert_uint_eq(ids[j], id[k[j]]);
			ck_assert_int_eq(memcmp(intern_get(t, ids[j]), rec[j], sizeof rec[j]), 0);
		}
		ck_assert_uint_eq(intern_count(t), n);
	}
	ck_assert_uint_gt(n, 10000); /* past many rehashes */
	for (i = 0; i < RECS; i++)
		if (id[i] != UINT32_MAX) {
			record(i, rec[0]);
			ck_assert_uint_eq(intern_put(t, rec[0]), id[i]);
		}
	ck_assert_uint_eq(intern_count(t), n);
	intern_free(t);
	free(id);
}
END_TEST

Suite *make_suite_intern(void);

Suite *
make_suite_intern(void)
{
	Suite *s = suite_create("intern");
	TCase *tc = tcase_create("intern");

	tcase_add_loop_test(tc, test_intern_model, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}
