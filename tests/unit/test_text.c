/*
 * test_text.c: the label helpers: matching keys, "&" and "and", and the
 * near-miss finder's distances, ties and bounds.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/text.h"

START_TEST(test_same)
{
	ck_assert_int_eq(text_same("Disability (Y/N)", "DISABILITY_Y_N"), 1);
	ck_assert_int_eq(text_same("London South", "london-south"), 1);
	ck_assert_int_eq(text_same("London South", "London North"), 0);
	/* text_same keeps "&" apart from "and"; the label key joins them */
	ck_assert_int_eq(text_same("Kent & Sussex", "Kent and Sussex"), 0);
	ck_assert_int_eq(text_label_same("Kent & Sussex", "kent AND sussex"), 1);
	ck_assert_int_eq(text_label_same("Kent&Sussex", "Kent and Sussex"), 1);
	ck_assert_int_eq(text_label_same("Kent and Sussex", "Kent or Sussex"), 0);
}
END_TEST

START_TEST(test_labelkey)
{
	struct strbuf k;

	strbuf_init(&k);
	text_labelkey("Tyne & Wear (North)", &k);
	ck_assert_str_eq(k.buf, "tyneandwearnorth");
	text_labelkey("", &k);
	ck_assert_str_eq(k.buf, "");
	text_labelkey("Ren\xc3\xa9"
	              "e",
	              &k);
	ck_assert_str_eq(k.buf, "ren\xc3\xa9"
	                        "e");
	strbuf_free(&k);
}
END_TEST

static const char *const areas[] = {"London South", "London North", "Greater Manchester",
                                    "Kent and Sussex", "Cumbria"};
#define NAREAS (sizeof areas / sizeof areas[0])

START_TEST(test_nearest)
{
	/* one edit: a letter dropped, a swap, a substitution */
	ck_assert_int_eq(text_nearest("Greater Manchster", areas, NAREAS), 2);
	ck_assert_int_eq(text_nearest("Cubmria", areas, NAREAS), 4);
	ck_assert_int_eq(text_nearest("Kent & Sussx", areas, NAREAS), 3);
	/* exact (by key) is distance 0 */
	ck_assert_int_eq(text_nearest("london south", areas, NAREAS), 0);
	/* equally near two: no answer */
	ck_assert_int_eq(text_nearest("London Xouth", areas, NAREAS), 0);
	ck_assert_int_eq(text_nearest("London Nouth", areas, NAREAS), -1);
	/* too far */
	ck_assert_int_eq(text_nearest("Devon", areas, NAREAS), -1);
	ck_assert_int_eq(text_nearest("", areas, NAREAS), -1);
	ck_assert_int_eq(text_nearest("Cumbria", areas, 0), -1);
}
END_TEST

START_TEST(test_nearest_short_keys)
{
	static const char *const words[] = {"yes", "no"};

	/* keys under 5 bytes allow one edit only */
	ck_assert_int_eq(text_nearest("yse", words, 2), 0);
	ck_assert_int_eq(text_nearest("nope", words, 2), -1);
	ck_assert_int_eq(text_nearest("n", words, 2), 1);
}
END_TEST

Suite *make_suite_text(void);

/*
 * text_same() and text_label_same() compare keys as they read them; they
 * answer as comparing the built keys does, for every pair of a set of
 * awkward strings (prefixes, "&" against "and", punctuation, non-ASCII, empty).
 */
START_TEST(test_same_as_keys)
{
	static const char *const v[] = {
	    "",
	    "&",
	    "and",
	    "AND",
	    "a&",
	    "aand",
	    "a & b",
	    "A and B",
	    "ab",
	    "abc",
	    "a-b-c",
	    "Kent & Sussex",
	    "kent and sussex",
	    "K&S",
	    "Zo\xc3\xab",
	    "zo\xc3\xab",
	    "ZO\xc3\x8b",
	    "&&",
	    "andand",
	    "an",
	    "a n d",
	    "12 & 3",
	    "12and3",
	    "  ",
	    "--",
	    "x&y&z",
	    "xandyandz",
	};
	size_t n = sizeof v / sizeof v[0], i, j;
	struct strbuf ka, kb;

	strbuf_init(&ka);
	strbuf_init(&kb);
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			text_normkey(v[i], &ka);
			text_normkey(v[j], &kb);
			ck_assert_msg(text_same(v[i], v[j]) == (strcmp(ka.buf, kb.buf) == 0),
			              "text_same(\"%s\", \"%s\")", v[i], v[j]);
			text_labelkey(v[i], &ka);
			text_labelkey(v[j], &kb);
			ck_assert_msg(text_label_same(v[i], v[j]) == (strcmp(ka.buf, kb.buf) == 0),
			              "text_label_same(\"%s\", \"%s\")", v[i], v[j]);
		}
	text_labelkey("Kent & Sussex", &ka);
	ck_assert_str_eq(ka.buf, "kentandsussex");
	strbuf_free(&ka);
	strbuf_free(&kb);
}
END_TEST

/* Every byte in a key: letters lowered, digits and non-ASCII kept, '&' "and" in a label key. */
START_TEST(test_key_every_byte)
{
	struct strbuf k, l;
	char s[4], want[8];
	int c;

	strbuf_init(&k);
	strbuf_init(&l);
	for (c = 1; c < 256; c++) {
		s[0] = 'Q';
		s[1] = (char)c;
		s[2] = '7';
		s[3] = '\0';
		text_normkey(s, &k);
		text_labelkey(s, &l);
		if (c >= 'A' && c <= 'Z')
			snprintf(want, sizeof want, "q%c7", c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
			snprintf(want, sizeof want, "q%c7", c);
		else
			snprintf(want, sizeof want, "q7");
		ck_assert_str_eq(k.buf, want);
		ck_assert_uint_eq(k.len, strlen(want));
		ck_assert_int_eq(text_same(s, want), 1);
		if (c == '&')
			snprintf(want, sizeof want, "qand7");
		ck_assert_str_eq(l.buf, want);
		ck_assert_uint_eq(l.len, strlen(want));
	}
	strbuf_free(&k);
	strbuf_free(&l);
}
END_TEST

/* A name longer than the small buffer of the edit distance is still found. */
START_TEST(test_nearest_long)
{
	static const char *const names[] = {
	    "The Very Long Name Of A Service Area That Goes On And On Past Sixty Four Letters "
	    "Indeed",
	    "Another Service Area",
	};

	ck_assert_int_eq(text_nearest("The Very Long Name Of A Service Area That Goes On And On "
	                              "Past Sixty Four Leters Indeed",
	                              names, 2),
	                 0);
	ck_assert_int_eq(text_nearest("Anothr Service Area", names, 2), 1);
}
END_TEST

Suite *
make_suite_text(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_same);
	tcase_add_test(tc, test_labelkey);
	tcase_add_test(tc, test_key_every_byte);
	tcase_add_test(tc, test_nearest);
	tcase_add_test(tc, test_nearest_short_keys);
	tcase_add_test(tc, test_same_as_keys);
	tcase_add_test(tc, test_nearest_long);
	suite_add_tcase(s, tc);
	return s;
}
