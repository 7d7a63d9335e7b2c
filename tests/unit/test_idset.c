/*
 * test_idset.c: the compact Case ID set: first-seen lines, growth past the
 * initial table, long IDs and IDs that differ only late.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/idset.h"

START_TEST(test_first_seen)
{
	struct idset *s = idset_new();

	ck_assert_uint_eq(idset_add(s, "CA00000001", 10, 2), 0);
	ck_assert_uint_eq(idset_add(s, "CA00000002", 10, 3), 0);
	ck_assert_uint_eq(idset_add(s, "CA00000001", 10, 7), 2);
	ck_assert_uint_eq(idset_add(s, "CA00000001", 10, 9), 2);
	ck_assert_uint_eq(idset_add(s, "CA0000000", 9, 10), 0);
	ck_assert_uint_eq(idset_count(s), 3);
	idset_free(s);
}
END_TEST

START_TEST(test_many)
{
	struct idset *s = idset_new();
	char id[32];
	unsigned long i;

	for (i = 0; i < 200000; i++) {
		snprintf(id, sizeof id, "CA%08lu", i);
		ck_assert_uint_eq(idset_add(s, id, 10, i + 2), 0);
	}
	for (i = 0; i < 200000; i += 997) {
		snprintf(id, sizeof id, "CA%08lu", i);
		ck_assert_uint_eq(idset_add(s, id, 10, 1000000), i + 2);
	}
	/* IDs of another form are hashed; CA1 is not CA01. */
	for (i = 0; i < 50000; i++) {
		snprintf(id, sizeof id, "case/%lu", i);
		ck_assert_uint_eq(idset_add(s, id, strlen(id), i + 300000), 0);
	}
	for (i = 0; i < 50000; i += 101) {
		snprintf(id, sizeof id, "case/%lu", i);
		ck_assert_uint_eq(idset_add(s, id, strlen(id), 1), i + 300000);
	}
	ck_assert_uint_eq(idset_add(s, "CA1", 3, 5), 0);
	ck_assert_uint_eq(idset_add(s, "CA01", 4, 6), 0);
	ck_assert_uint_eq(idset_add(s, "C01", 3, 7), 0);
	ck_assert_uint_eq(idset_add(s, "CA1", 3, 8), 5);
	ck_assert_uint_eq(idset_count(s), 250003);
	ck_assert(idset_bytes(s) < ((size_t)16 << 20)); /* 16 MiB for 250k IDs */
	idset_free(s);
}
END_TEST

START_TEST(test_long_ids)
{
	struct idset *s = idset_new();
	char a[400], b[400];

	memset(a, 'x', sizeof a);
	memcpy(b, a, sizeof b);
	b[399] = 'y';
	ck_assert_uint_eq(idset_add(s, a, sizeof a, 2), 0);
	ck_assert_uint_eq(idset_add(s, b, sizeof b, 3), 0);
	ck_assert_uint_eq(idset_add(s, a, sizeof a, 4), 2);
	ck_assert_uint_eq(idset_add(s, b, sizeof b, 5), 3);
	ck_assert_uint_eq(idset_add(s, "", 0, 6), 0);
	ck_assert_uint_eq(idset_add(s, "", 0, 7), 6);
	idset_free(s);
}
END_TEST

Suite *make_suite_idset(void);

Suite *
make_suite_idset(void)
{
	Suite *s = suite_create("idset");
	TCase *tc = tcase_create("idset");

	tcase_add_test(tc, test_first_seen);
	tcase_add_test(tc, test_many);
	tcase_add_test(tc, test_long_ids);
	suite_add_tcase(s, tc);
	return s;
}
