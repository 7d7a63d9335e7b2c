/*
 * test_text.c: the label helpers: matching keys, "&" and "and", and the
 * near-miss finder's distances, ties and bounds.
 */
#include <check.h>
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

Suite *
make_suite_text(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_same);
	tcase_add_test(tc, test_labelkey);
	tcase_add_test(tc, test_nearest);
	tcase_add_test(tc, test_nearest_short_keys);
	suite_add_tcase(s, tc);
	return s;
}
