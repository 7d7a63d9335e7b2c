/*
 * test_memo.c: the memo of column values: lookups, updates, the bound, and
 * strings that share a hash prefix and suffix; and against a plain list,
 * under random gets, puts, updates of a value just read (the front cache
 * must not give the old one), clears, short strings, strings of 31 and 32
 * bytes and longer, through growth and up to the bound, with a few strings
 * and with hundreds (the front cache starts small and grows as it misses). And bytes_same(),
 * the inlined comparison the memo uses.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/bytes.h"
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

START_TEST(test_memo_model)
{
	enum { NKEYS = 600 };
	/* keys drawn from and the memo's bound: through growth to the bound; a few strings
	 * (the front cache in the memo, grown once or not at all); some hundreds (the front
	 * cache grown while strings are read, updated and cleared) */
	static const size_t shape[][2] = {{600, 500}, {12, 10}, {300, 200}};
	static char keys[NKEYS][300];
	static long vals[NKEYS];
	static int in[NKEYS];
	size_t nkeys = shape[_i / 2][0], max = shape[_i / 2][1];
	struct memo *m = memo_new(max);
	uint64_t g = 0x2545f4914f6cdd1dULL + (uint64_t)_i;
	size_t i, k, len, n = 0, lens[NKEYS];
	long v;
	int got;

	/* static (too large for the stack) but fresh for each run: CK_FORK=no runs them in one
	 * process */
	memset(in, 0, sizeof in);
	memset(vals, 0, sizeof vals);
	for (k = 0; k < NKEYS; k++) {
		/* lengths about the front cache's limit, and long ones sharing ends */
		char num[4];

		len = k % 5 == 0 ? 250 + k % 40 : 3 + (k * 7) % 40;
		memset(keys[k], 'a' + (int)(k % 3), len);
		snprintf(num, sizeof num, "%03zu", k);
		memcpy(keys[k] + (len - 3) / 2, num, 3); /* unique, the ends shared */
		keys[k][len] = '\0';
		lens[k] = len;
	}
	for (i = 0; i < 200000; i++) {
		g ^= g << 13;
		g ^= g >> 7;
		g ^= g << 17;
		k = (size_t)(g % nkeys);
		got = memo_get(m, keys[k], lens[k], &v);
		ck_assert_int_eq(got, in[k]);
		if (got)
			ck_assert_int_eq(v, vals[k]);
		if ((g >> 20) % 3 == 0) {
			int rc = memo_put(m, keys[k], lens[k], (long)(g >> 32));

			ck_assert_int_eq(rc, in[k] || n < max ? 0 : -1);
			if (rc == 0) {
				n += !in[k];
				in[k] = 1;
				vals[k] = (long)(g >> 32);
			}
		}
		if ((g >> 40) % 50000 == 0) {
			memo_clear(m);
			memset(in, 0, sizeof in);
			n = 0;
		}
		ck_assert_uint_eq(memo_count(m), n);
	}
	memo_free(m);
}
END_TEST

/*
 * A large memo (case names): up to 16384 strings where memo_new() stops at
 * 4096, and its front cache, grown well past 256 slots by a long tail of
 * lookups, gives every value right through updates and prefetches.
 */
START_TEST(test_large)
{
	enum { NKEYS = 20000, BOUND = 16384 };
	static const char long_key[] = "a string longer than the front cache holds";
	static long vals[NKEYS];
	struct memo *m = memo_new_large(NKEYS), *small = memo_new(NKEYS);
	uint64_t g = 0x9e3779b97f4a7c15ULL;
	char key[40];
	size_t i, k, len, n = 0;
	long v;

	for (k = 0; k < NKEYS; k++) {
		len =
		    (size_t)snprintf(key, sizeof key, "Re %c%zu (A Child)", 'A' + (int)(k % 26), k);
		ck_assert_int_eq(memo_put(m, key, len, (long)k), k < BOUND ? 0 : -1);
		ck_assert_int_eq(memo_put(small, key, len, (long)k), k < 4096 ? 0 : -1);
		vals[k] = (long)k;
		n += k < BOUND;
	}
	ck_assert_uint_eq(memo_count(m), n);
	ck_assert_uint_eq(memo_count(small), 4096);
	for (i = 0; i < 400000; i++) {
		g ^= g << 13;
		g ^= g >> 7;
		g ^= g << 17;
		/* most lookups among a few thousand strings, the rest anywhere */
		k = (size_t)(g % ((g >> 33) % 4 == 0 ? NKEYS : 6000));
		len =
		    (size_t)snprintf(key, sizeof key, "Re %c%zu (A Child)", 'A' + (int)(k % 26), k);
		if (i % 3 == 0) /* a hint, for this string or another: answers unchanged */
			memo_prefetch(m, i % 2 ? key : long_key, i % 2 ? len : strlen(long_key));
		ck_assert_int_eq(memo_get(m, key, len, &v), k < BOUND);
		if (k < BOUND)
			ck_assert_int_eq(v, vals[k]);
		if ((g >> 20) % 97 == 0 && k < BOUND) {
			vals[k] = (long)(g >> 40);
			ck_assert_int_eq(memo_put(m, key, len, vals[k]), 0);
		}
	}
	memo_free(m);
	memo_free(small);
}
END_TEST

/* bytes_same() is memcmp() == 0, at every length up to 40 and a difference at every byte. */
START_TEST(test_bytes_same)
{
	char a[48], b[48];
	size_t len, i, off;

	for (off = 0; off < 3; off++)
		for (len = 0; len <= 40; len++) {
			for (i = 0; i < len; i++)
				a[off + i] = b[i] = (char)('A' + (i * 7 + len) % 26);
			ck_assert_int_eq(bytes_same(a + off, b, len), 1);
			for (i = 0; i < len; i++) {
				b[i] ^= 0x20;
				ck_assert_int_eq(bytes_same(a + off, b, len), 0);
				ck_assert_int_eq(bytes_same(a + off, b, len),
				                 memcmp(a + off, b, len) == 0);
				b[i] ^= 0x20;
			}
		}
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
	tcase_add_loop_test(tc, test_memo_model, 0, 6);
	tcase_add_test(tc, test_large);
	tcase_add_test(tc, test_bytes_same);
	suite_add_tcase(s, tc);
	return s;
}
