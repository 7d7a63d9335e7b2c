/*
 * test_strbuf.c: the growable buffer and the string helpers of text.h.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"

Suite *make_suite_strbuf(void);

START_TEST(grows_and_terminates)
{
	struct strbuf sb;
	size_t i;

	strbuf_init(&sb);
	for (i = 0; i < 100000; i++)
		strbuf_addch(&sb, 'a' + (int)(i % 26));
	ck_assert_uint_eq(sb.len, 100000);
	ck_assert_int_eq(sb.buf[sb.len], '\0');
	ck_assert_int_eq(sb.buf[26], 'a');
	strbuf_reset(&sb);
	ck_assert_uint_eq(sb.len, 0);
	ck_assert_str_eq(sb.buf, "");
	strbuf_free(&sb);
}
END_TEST

START_TEST(printf_and_steal)
{
	struct strbuf sb;
	char *s;

	strbuf_init(&sb);
	strbuf_adds(&sb, "line ");
	strbuf_printf(&sb, "%d: %s", 42,
	              "a long enough string to force the buffer past its first size");
	ck_assert_str_eq(sb.buf,
	                 "line 42: a long enough string to force the buffer past its first size");
	s = strbuf_steal(&sb);
	ck_assert_str_eq(sb.buf, "");
	ck_assert_uint_eq(sb.cap, 0); /* owns nothing: no strbuf_free needed */
	ck_assert_str_eq(s,
	                 "line 42: a long enough string to force the buffer past its first size");
	free(s);
	strbuf_free(&sb);
}
END_TEST

/*
 * strbuf_printf writes into the room there is and, when the text does not
 * fit, again with room: every length around the room left (one short, exact,
 * the terminator's byte, one over), from empty and from a partly filled
 * buffer, must give the same text as snprintf, terminated, with len right.
 */
START_TEST(printf_at_every_edge)
{
	char want[512], arg[300];
	struct strbuf sb;
	size_t start, n, k;

	memset(arg, 'x', sizeof arg - 1);
	arg[sizeof arg - 1] = '\0';
	for (start = 0; start < 70; start++)
		for (n = 0; n < 140; n++) {
			strbuf_init(&sb);
			for (k = 0; k < start; k++)
				strbuf_addch(&sb, 'a' + (int)(k % 26));
			snprintf(want, sizeof want, "%s|%.*s|%d", sb.buf, (int)n, arg, (int)n);
			strbuf_printf(&sb, "|%.*s|%d", (int)n, arg, (int)n);
			ck_assert_str_eq(sb.buf, want);
			ck_assert_uint_eq(sb.len, strlen(want));
			ck_assert_uint_lt(sb.len, sb.cap);
			strbuf_printf(&sb, "%s", ""); /* nothing added, still terminated */
			ck_assert_str_eq(sb.buf, want);
			strbuf_free(&sb);
		}
}
END_TEST

static const struct {
	const char *in, *key;
} normkeys[] = {
    {"Disability (Y/N)", "disabilityyn"},
    {"disability", "disability"},
    {"DISABILITY_Y_N", "disabilityyn"},
    {"  Case ID ", "caseid"},
    {"Local authority (Public law)", "localauthoritypubliclaw"},
    {"S.7", "s7"},
    {"Rule 16.4", "rule164"},
    {"Pr\xc3\xa9nom", "pr\xc3\xa9nom"},
    {"", ""},
};

START_TEST(normkey_table)
{
	struct strbuf sb;

	strbuf_init(&sb);
	text_normkey(normkeys[_i].in, &sb);
	ck_assert_str_eq(sb.buf, normkeys[_i].key);
	strbuf_free(&sb);
}
END_TEST

START_TEST(blank_and_trim)
{
	char *t;

	ck_assert_int_eq(text_blank(""), 1);
	ck_assert_int_eq(text_blank(" \t "), 1);
	ck_assert_int_eq(text_blank(" x "), 0);
	t = text_trimdup("  a b \r\n");
	ck_assert_str_eq(t, "a b");
	free(t);
	t = xasprintf("%s-%d", "n", 7);
	ck_assert_str_eq(t, "n-7");
	free(t);
}
END_TEST

Suite *
make_suite_strbuf(void)
{
	Suite *s = suite_create("strbuf");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, grows_and_terminates);
	tcase_add_test(tc, printf_and_steal);
	tcase_add_test(tc, printf_at_every_edge);
	tcase_add_loop_test(tc, normkey_table, 0, sizeof normkeys / sizeof normkeys[0]);
	tcase_add_test(tc, blank_and_trim);
	suite_add_tcase(s, tc);
	return s;
}
