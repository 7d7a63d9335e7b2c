/*
 * test_memo.c: the memo of column values: lookups, updates, the bound, and
 * strings that share a hash prefix and suffix.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/memo.h"

static const struct {
	const char *key;
	long val;
} entries[] = {
    {"female", 0},
    {"male", 1},
    {"", 2},
    {"London North", 3},
    {"London South", 4},
    {"a rather long value, XXXXXXXX, in the middle: end", 5},
    {"a rather long value, YYYYYYYY, in the middle: end", 6},
    {"Ren\xc3\xa9"
     "e",
     7},
};

START_TEST(test_get_put)
{
	struct memo *m = memo_new(64);
	size_t i, n = sizeof entries / sizeof entries[0];
	long v;

	for (i = 0; i < n; i++)
		ck_assert_int_eq(
		    memo_put(m, entries[i].key, strlen(entries[i].key), entries[i].val), 0);
	ck_assert_uint_eq(memo_count(m), n);
	for (i = 0; i < n; i++) {
		ck_assert_int_eq(memo_get(m, entries[i].key, strlen(entries[i].key), &v), 1);
		ck_assert_int_eq(v, entries[i].val);
	}
	ck_assert_int_eq(memo_get(m, "fema", 4, &v), 0);
	ck_assert_int_eq(memo_get(m, "female ", 7, &v), 0);
	ck_assert_int_eq(memo_put(m, "male", 4, 42), 0);
	ck_assert_int_eq(memo_get(m, "male", 4, &v), 1);
	ck_assert_int_eq(v, 42);
	ck_assert_uint_eq(memo_count(m), n);
	memo_free(m);
}
END_TEST

START_TEST(test_bound)
{
	struct memo *m = memo_new(100);
	char key[32];
	long i, v;

	for (i = 0; i < 100; i++) {
		snprintf(key, sizeof key, "service area %ld", i);
		ck_assert_int_eq(memo_put(m, key, strlen(key), i), 0);
	}
	ck_assert_int_eq(memo_put(m, "one too many", 12, 100), -1);
	ck_assert_int_eq(memo_get(m, "one too many", 12, &v), 0);
	for (i = 0; i < 100; i++) {
		snprintf(key, sizeof key, "service area %ld", i);
		ck_assert_int_eq(memo_get(m, key, strlen(key), &v), 1);
		ck_assert_int_eq(v, i);
	}
	memo_free(m);
}
END_TEST

/*
 * Values that share their length and first and last bytes (one slot of the
 * front cache) looked up in turn, updated and cleared: every answer right.
 */
START_TEST(test_front_and_clear)
{
	struct memo *m = memo_new(1000);
	char key[32];
	long i, v;

	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof key, "A%06ldZ", i);
		ck_assert_int_eq(memo_put(m, key, strlen(key), i), 0);
	}
	for (i = 999; i >= 0; i--) {
		snprintf(key, sizeof key, "A%06ldZ", i);
		ck_assert_int_eq(memo_get(m, key, strlen(key), &v), 1);
		ck_assert_int_eq(v, i);
		ck_assert_int_eq(memo_get(m, key, strlen(key), &v), 1); /* from the front */
		ck_assert_int_eq(v, i);
	}
	ck_assert_int_eq(memo_put(m, "A000007Z", 8, -7), 0);
	ck_assert_int_eq(memo_get(m, "A000007Z", 8, &v), 1);
	ck_assert_int_eq(v, -7);
	ck_assert_int_eq(memo_get(m, "A000008Z", 8, &v), 1);
	ck_assert_int_eq(v, 8);
	memo_clear(m);
	ck_assert_uint_eq(memo_count(m), 0);
	ck_assert_int_eq(memo_get(m, "A000008Z", 8, &v), 0);
	ck_assert_int_eq(memo_put(m, "B", 1, 3), 0);
	ck_assert_int_eq(memo_get(m, "B", 1, &v), 1);
	ck_assert_int_eq(v, 3);
	memo_free(m);
}
END_TEST

Suite *make_suite_memo(void);

Suite *
make_suite_memo(void)
{
	Suite *s = suite_create("memo");
	TCase *tc = tcase_create("memo");

	tcase_add_test(tc, test_get_put);
	tcase_add_test(tc, test_bound);
	tcase_add_test(tc, test_front_and_clear);
	suite_add_tcase(s, tc);
	return s;
}
