/*
 * test_rx.c: the PCRE2 wrapper: anchored and unanchored search, caseless
 * and UTF-8 subjects, start offsets, capture groups, compile errors; every
 * case runs both JIT-compiled and interpreted and must answer the same.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/rx.h"

struct rx_case {
	const char *pattern;
	unsigned flags;
	const char *subject;
	size_t from;
	int rc; /* 1 match, 0 none, -1 error */
	size_t so, eo;
};

static const struct rx_case cases[] = {
    {"CA\\d{8}", 0, "ref CA27004512 ok", 0, 1, 4, 14},
    {"\\bCA\\d{8}\\b", 0, "CA270045123", 0, 0, 0, 0},
    {"\\bCA\\d{8}\\b", 0, "xCA27004512", 0, 0, 0, 0},
    {"\\bCA\\d{8}\\b", 0, "CA12345678 CA87654321", 1, 1, 11, 21},
    {"\\bCA\\d{8}\\b", 0, "CA12345678", 11, 0, 0, 0},
    {"abc", RX_ANCHORED, "abc", 0, 1, 0, 3},
    {"abc", RX_ANCHORED, "xabc", 0, 0, 0, 0},
    {"abc", RX_ANCHORED, "abcx", 0, 0, 0, 0},
    {"a|ab", RX_ANCHORED, "ab", 0, 1, 0, 2},
    {"b+", RX_ANCHORED, "abb", 1, 1, 1, 3},
    {"abc", 0, "xabcx", 0, 1, 1, 4},
    {"abc", 0, "ABC", 0, 0, 0, 0},
    {"abc", RX_CASELESS, "xABCx", 0, 1, 1, 4},
    {"abc", RX_CASELESS | RX_ANCHORED, "AbC", 0, 1, 0, 3},
    {"^.$", 0, "\xc3\xa9", 0, 1, 0, 2},
    {"\\w+", 0, "Zo\xc3\xab!", 0, 1, 0, 4},
    {"\xc3\xa9t\xc3\xa9", RX_CASELESS, "\xc3\x89T\xc3\x89", 0, 1, 0, 5},
    {"\xc3\xa9t\xc3\xa9", 0, "\xc3\x89T\xc3\x89", 0, 0, 0, 0},
    {"a", 0,
     "\xff"
     "a",
     0, -1, 0, 0},
    {"", RX_ANCHORED, "", 0, 1, 0, 0},
    {"x*", 0, "abc", 0, 1, 0, 0},
};

/* Run case c with extra flags; check against its expectation; return rx_search()'s status. */
static int
run_case(const struct rx_case *c, unsigned extra)
{
	char err[256];
	struct rx *rx;
	size_t so = 99, eo = 99;
	int rc;

	rx = rx_new(c->pattern, c->flags | extra, err, sizeof err);
	ck_assert_msg(rx != NULL, "pattern /%s/: %s", c->pattern, err);
	if (extra & RX_NOJIT)
		ck_assert_int_eq(rx_jit(rx), 0);
	rc = rx_search(rx, c->subject, strlen(c->subject), c->from, &so, &eo);
	ck_assert_msg(rc == c->rc, "/%s/ on \"%s\" from %zu (flags %u): rc %d, want %d", c->pattern,
	              c->subject, c->from, c->flags | extra, rc, c->rc);
	if (rc == 1) {
		ck_assert_uint_eq(so, c->so);
		ck_assert_uint_eq(eo, c->eo);
	}
	if (c->from == 0 && rc >= 0)
		ck_assert_int_eq(rx_test(rx, c->subject), rc);
	rx_free(rx);
	return rc;
}

START_TEST(test_rx_table_jit)
{
	ck_assert_int_eq(run_case(&cases[_i], 0), cases[_i].rc);
}
END_TEST

START_TEST(test_rx_table_nojit)
{
	ck_assert_int_eq(run_case(&cases[_i], RX_NOJIT), cases[_i].rc);
}
END_TEST

START_TEST(test_rx_groups)
{
	char err[256];
	struct rx *rx = rx_new("(\\d+)-(x)?(\\d+)", 0, err, sizeof err);
	size_t so = 0, eo = 0;

	ck_assert_ptr_nonnull(rx);
	ck_assert_int_eq(rx_group(rx, 1, &so, &eo), 0); /* no search yet */
	ck_assert_int_eq(rx_search(rx, "ab 12-34", 8, 0, NULL, NULL), 1);
	ck_assert_int_eq(rx_group(rx, 0, &so, &eo), 1);
	ck_assert_uint_eq(so, 3);
	ck_assert_uint_eq(eo, 8);
	ck_assert_int_eq(rx_group(rx, 1, &so, &eo), 1);
	ck_assert_uint_eq(so, 3);
	ck_assert_uint_eq(eo, 5);
	ck_assert_int_eq(rx_group(rx, 2, &so, &eo), 0);
	ck_assert_int_eq(rx_group(rx, 3, &so, &eo), 1);
	ck_assert_uint_eq(so, 6);
	ck_assert_uint_eq(eo, 8);
	ck_assert_int_eq(rx_group(rx, 9, &so, &eo), 0);
	ck_assert_int_eq(rx_search(rx, "none", 4, 0, NULL, NULL), 0);
	ck_assert_int_eq(rx_group(rx, 1, &so, &eo), 0);
	rx_free(rx);
}
END_TEST

static const struct {
	const char *pattern;
	const char *prefix;
} bad[] = {
    {"a(b", "offset 3: "},
    {"[z-a]", "offset 3: "},
    {"a{2,1}", "offset 5: "},
    {"\\", "offset 1: "},
};

START_TEST(test_rx_bad_pattern)
{
	char err[256] = "";

	ck_assert_ptr_null(rx_new(bad[_i].pattern, 0, err, sizeof err));
	ck_assert_msg(strncmp(err, bad[_i].prefix, strlen(bad[_i].prefix)) == 0,
	              "/%s/: \"%s\", want prefix \"%s\"", bad[_i].pattern, err, bad[_i].prefix);
	ck_assert_uint_gt(strlen(err), strlen(bad[_i].prefix));
}
END_TEST

START_TEST(test_rx_scan_all)
{
	const char *s = "CA11111111, CA22222222 and CA33333333.";
	char err[256];
	struct rx *rx = rx_new("\\bCA\\d{8}\\b", 0, err, sizeof err);
	size_t from = 0, so, eo, n = 0;

	ck_assert_ptr_nonnull(rx);
	while (rx_search(rx, s, strlen(s), from, &so, &eo) == 1) {
		ck_assert_uint_eq(eo - so, 10);
		ck_assert_int_eq(s[so + 2], '1' + (int)n);
		from = eo;
		n++;
	}
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(rx_search(rx, s, strlen(s), strlen(s) + 1, &so, &eo), 0);
	rx_free(rx);
}
END_TEST

/* A deep match overflows the JIT stack: the interpreter answers instead. */
START_TEST(test_rx_jit_stack)
{
	size_t n = 300000, so = 1, eo = 0;
	char *s = malloc(n + 1), err[256];
	struct rx *rx;

	ck_assert_ptr_nonnull(s);
	memset(s, 'a', n);
	s[n] = '\0';
	rx = rx_new("^(a|b)*$", _i ? RX_NOJIT : 0, err, sizeof err);
	ck_assert_ptr_nonnull(rx);
	ck_assert_int_eq(rx_search(rx, s, n, 0, &so, &eo), 1);
	ck_assert_uint_eq(so, 0);
	ck_assert_uint_eq(eo, n);
	s[n - 1] = 'c';
	ck_assert_int_eq(rx_search(rx, s, n, 0, &so, &eo), 0);
	rx_free(rx);
	free(s);
}
END_TEST

/* A scan skips re-checking UTF-8, but never from inside a character. */
START_TEST(test_rx_scan_utf8)
{
	const char *s = "\xc3\xa9x\xc3\xa9x";
	char err[256];
	struct rx *rx = rx_new("x", 0, err, sizeof err);
	size_t so, eo;

	ck_assert_ptr_nonnull(rx);
	ck_assert_int_eq(rx_search(rx, s, 6, 0, &so, &eo), 1);
	ck_assert_uint_eq(so, 2);
	ck_assert_int_eq(rx_search(rx, s, 6, 4, &so, &eo), -1); /* inside the second e-acute */
	ck_assert_int_eq(rx_search(rx, s, 6, 3, &so, &eo), 1);
	ck_assert_uint_eq(so, 5);
	ck_assert_int_eq(rx_search(rx, s, 6, 6, &so, &eo), 0);
	ck_assert_int_eq(rx_search(rx, "ax\xff", 3, 1, &so, &eo), -1); /* new subject: checked */
	rx_free(rx);
}
END_TEST

/* Whole-subject patterns, and whether rx_test() compares them plainly. */
static const struct {
	const char *pattern;
	int plain;
} plains[] = {
    {"\\bCA\\d{8}\\b", 1}, {"CA\\d{8}", 1},          {"\\d{2,4}X", 1},
    {"A\\d", 1},           {"\\d\\d{3}", 1},         {"AB12", 1},
    {"\\d{0,3}Z", 1},      {"\\d{2,4}\\d{2}", 0},    {"\\d{1,3}7", 0},
    {"C[A]\\d", 0},        {"(CA)\\d{8}", 0},        {"ca\\d{2}", 1},
    {"CA\\d{8}$", 0},      {"\\bCA\\d{8}\\b\\b", 0},
};

/*
 * The plain comparison gives PCRE2's answer (with UCP: non-ASCII digits
 * are digits too) on random subjects near the pattern's form.
 */
START_TEST(test_rx_plain)
{
	static const char *const bits[] = {"C", "A", "CA", "0", "7",        "12",       "X", "Z",
	                                   "a", " ", "\n", "_", "\xC3\xA9", "\xD9\xA3", "B", "AB"};
	struct rx *fast, *slow;
	unsigned long long st = 0x9E3779B97F4A7C15ULL;
	char subj[64], err[128];
	size_t i, k, n, agree = 0, matched = 0;

	fast = rx_new(plains[_i].pattern, RX_ANCHORED, err, sizeof err);
	slow = rx_new(plains[_i].pattern, RX_ANCHORED | RX_NOPLAIN, err, sizeof err);
	ck_assert_ptr_nonnull(fast);
	ck_assert_ptr_nonnull(slow);
	ck_assert_int_eq(rx_plain(fast), plains[_i].plain);
	ck_assert_int_eq(rx_plain(slow), 0);
	for (i = 0; i < 20000; i++) {
		subj[0] = '\0';
		n = 1 + (st >> 60) % 12;
		for (k = 0; k < n; k++) {
			st = st * 6364136223846793005ULL + 1442695040888963407ULL;
			strcat(subj, bits[(st >> 59) % 16]);
		}
		if (i % 3 == 0) /* often the pattern's own form: CA and eight digits */
			snprintf(subj, sizeof subj, "CA%08llu", (st >> 20) % 100000000ULL);
		ck_assert_int_eq(rx_test(fast, subj), rx_test(slow, subj));
		agree++;
		matched += rx_test(slow, subj);
	}
	ck_assert_uint_eq(agree, 20000);
	if (_i < 2)
		ck_assert_uint_gt(matched, 0);
	rx_free(fast);
	rx_free(slow);
}
END_TEST

Suite *make_suite_rx(void);

Suite *
make_suite_rx(void)
{
	Suite *s = suite_create("rx");
	TCase *tc = tcase_create("rx");

	tcase_add_loop_test(tc, test_rx_table_jit, 0, sizeof cases / sizeof cases[0]);
	tcase_add_loop_test(tc, test_rx_table_nojit, 0, sizeof cases / sizeof cases[0]);
	tcase_add_test(tc, test_rx_groups);
	tcase_add_loop_test(tc, test_rx_bad_pattern, 0, sizeof bad / sizeof bad[0]);
	tcase_add_test(tc, test_rx_scan_all);
	tcase_add_loop_test(tc, test_rx_jit_stack, 0, 2);
	tcase_add_test(tc, test_rx_scan_utf8);
	tcase_add_loop_test(tc, test_rx_plain, 0, sizeof plains / sizeof plains[0]);
	suite_add_tcase(s, tc);
	return s;
}
