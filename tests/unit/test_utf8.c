/*
 * test_utf8.c: UTF-8 validation (overlongs, surrogates, range, NUL, the
 * word-at-a-time fast path), code point encoding and Windows-1252 transcoding.
 */
#include <check.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/utf8.h"

struct valid_case {
	const char *s;
	size_t len;
	int ok;
	size_t bad; /* offset of the first bad byte when !ok */
};

#define S(x) x, sizeof(x) - 1

static const struct valid_case valid_cases[] = {
    {S(""), 1, 0},
    {S("abc"), 1, 0},
    {S("exactly8"), 1, 0},
    {S("a longer ASCII line, well past one word"), 1, 0},
    {S("caf\xC3\xA9"), 1, 0},
    {S("\xE2\x82\xAC 5"), 1, 0},
    {S("\xF0\x9D\x84\x9E clef"), 1, 0},
    {S("\xF4\x8F\xBF\xBF"), 1, 0}, /* U+10FFFF */
    {S("\xEF\xBF\xBD"), 1, 0}, /* U+FFFD */
    {S("\xED\x9F\xBF"), 1, 0}, /* U+D7FF, just below the surrogates */
    {S("12345678\xC3\xA9"
       "12345678"),
     1, 0},
    {S("\x80"), 0, 0}, /* lone continuation byte */
    {S("\xC0\x80"), 0, 0}, /* overlong NUL */
    {S("\xC1\xBF"), 0, 0}, /* overlong */
    {S("\xE0\x80\xAF"), 0, 0}, /* overlong '/' */
    {S("\xF0\x80\x80\xAF"), 0, 0}, /* overlong */
    {S("\xED\xA0\x80"), 0, 0}, /* surrogate U+D800 */
    {S("\xED\xBF\xBF"), 0, 0}, /* surrogate U+DFFF */
    {S("\xF4\x90\x80\x80"), 0, 0}, /* U+110000 */
    {S("\xF5\x80\x80\x80"), 0, 0},
    {S("\xFF"), 0, 0},
    {S("ab\xE2\x82"), 0, 2}, /* truncated at the end */
    {S("ab\xE2(\xAC"), 0, 2}, /* bad continuation */
    {S("ab\0cd"), 0, 2}, /* NUL byte */
    {S("abcdefgh\0"), 0, 8},
    {S("abcdefghij\xFF"), 0, 10},
    {S("caf\xC3\xA9 \x92"), 0, 6}, /* a Windows-1252 quote after valid text */
};

START_TEST(test_valid_table)
{
	const struct valid_case *c = &valid_cases[_i];
	size_t bad = (size_t)-1;
	int ok = utf8_valid(c->s, c->len, &bad);

	ck_assert_msg(ok == c->ok, "case %d: got %d", _i, ok);
	if (!c->ok)
		ck_assert_uint_eq(bad, c->bad);
	/* bad may be NULL */
	ck_assert_int_eq(utf8_valid(c->s, c->len, NULL), c->ok);
}
END_TEST

/*
 * The fast paths read 64, 16 and 8 bytes at a time: on ASCII text of every
 * length up to 200, the edge bytes 0x01 and 0x7F at any offset are valid,
 * and a NUL, 0x80 or 0xFF at any offset is found there.
 */
START_TEST(test_valid_every_offset)
{
	static const unsigned char bad[] = {0x00, 0x80, 0xFF};
	static const unsigned char edge[] = {0x01, 0x7F};
	char s[200] = {0};
	size_t len, at, k, where;
	unsigned long checked = 0;

	for (len = 0; len <= sizeof s; len++) {
		for (at = 0; at < len; at++)
			s[at] = (char)('a' + at % 26);
		ck_assert_int_eq(utf8_valid(s, len, NULL), 1);
		for (at = 0; at < len; at++) {
			for (k = 0; k < sizeof edge; k++) {
				s[at] = (char)edge[k];
				ck_assert_int_eq(utf8_valid(s, len, NULL), 1);
			}
			for (k = 0; k < sizeof bad; k++) {
				s[at] = (char)bad[k];
				where = (size_t)-1;
				ck_assert_int_eq(utf8_valid(s, len, &where), 0);
				ck_assert_uint_eq(where, at);
				checked++;
			}
			s[at] = (char)('a' + at % 26);
		}
	}
	ck_assert_uint_eq(checked, 3 * 200 * 201 / 2);
}
END_TEST

struct put_case {
	unsigned long cp;
	const char *utf8;
};

static const struct put_case put_cases[] = {
    {0x41, "A"},
    {0x7F, "\x7F"},
    {0x80, "\xC2\x80"},
    {0xE9, "\xC3\xA9"},
    {0x7FF, "\xDF\xBF"},
    {0x800, "\xE0\xA0\x80"},
    {0x20AC, "\xE2\x82\xAC"},
    {0xFFFF, "\xEF\xBF\xBF"},
    {0x10000, "\xF0\x90\x80\x80"},
    {0x1F600, "\xF0\x9F\x98\x80"},
    {0x10FFFF, "\xF4\x8F\xBF\xBF"},
    {0xD800, "\xEF\xBF\xBD"}, /* surrogates cannot be encoded */
    {0x110000, "\xEF\xBF\xBD"},
};

START_TEST(test_put_table)
{
	const struct put_case *c = &put_cases[_i];
	struct strbuf sb;

	strbuf_init(&sb);
	utf8_put(&sb, c->cp);
	ck_assert_str_eq(sb.buf, c->utf8);
	ck_assert_uint_eq(sb.len, strlen(c->utf8));
	ck_assert(utf8_valid(sb.buf, sb.len, NULL));
	strbuf_free(&sb);
}
END_TEST

struct cp1252_case {
	const char *in;
	const char *out;
};

static const struct cp1252_case cp1252_cases[] = {
    {"plain ASCII", "plain ASCII"},
    {"\x80", "\xE2\x82\xAC"}, /* euro sign */
    {"\x92", "\xE2\x80\x99"}, /* right single quotation mark */
    {"caf\xE9", "caf\xC3\xA9"},
    {"\x93quoted\x94", "\xE2\x80\x9C"
                       "quoted\xE2\x80\x9D"},
    {"\x85", "\xE2\x80\xA6"}, /* ellipsis */
    {"\x96\x97", "\xE2\x80\x93\xE2\x80\x94"}, /* en and em dash */
    {"\x8A\x9A\x9F", "\xC5\xA0\xC5\xA1\xC5\xB8"}, /* S caron, s caron, Y diaeresis */
    {"\x99", "\xE2\x84\xA2"}, /* trade mark */
    {"\x81\x8D\x8F\x90\x9D", "\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D"}, /* undefined: C1 */
    {"\xA0\xA3\xFF", "\xC2\xA0\xC2\xA3\xC3\xBF"}, /* Latin-1 range */
    {"", ""},
};

START_TEST(test_cp1252_table)
{
	const struct cp1252_case *c = &cp1252_cases[_i];
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_adds(&sb, "pre:");
	utf8_from_cp1252(&sb, c->in, strlen(c->in));
	ck_assert_str_eq(sb.buf + 4, c->out);
	ck_assert_uint_eq(sb.len, 4 + strlen(c->out));
	strbuf_free(&sb);
}
END_TEST

/* Every byte 1-255 becomes exactly one valid code point; ASCII is unchanged. */
START_TEST(test_cp1252_every_byte)
{
	struct strbuf sb;
	char b;
	int i;

	strbuf_init(&sb);
	for (i = 1; i < 256; i++) {
		b = (char)i;
		strbuf_reset(&sb);
		utf8_from_cp1252(&sb, &b, 1);
		ck_assert_msg(utf8_valid(sb.buf, sb.len, NULL), "byte %d", i);
		if (i < 0x80)
			ck_assert_msg(sb.len == 1 && sb.buf[0] == b, "byte %d", i);
		else
			ck_assert_msg(sb.len >= 2 && sb.len <= 3, "byte %d", i);
	}
	strbuf_free(&sb);
}
END_TEST

Suite *make_suite_utf8(void);

/* The utf8 suite. */
Suite *
make_suite_utf8(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, test_valid_table, 0,
	                    (int)(sizeof(valid_cases) / sizeof(valid_cases[0])));
	tcase_add_loop_test(tc, test_put_table, 0, (int)(sizeof(put_cases) / sizeof(put_cases[0])));
	tcase_add_loop_test(tc, test_cp1252_table, 0,
	                    (int)(sizeof(cp1252_cases) / sizeof(cp1252_cases[0])));
	tcase_add_test(tc, test_cp1252_every_byte);
	tcase_add_test(tc, test_valid_every_offset);
	suite_add_tcase(s, tc);
	return s;
}
