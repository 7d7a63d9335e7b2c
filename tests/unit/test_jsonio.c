/*
 * test_jsonio.c: the quick JSON reader against Jansson. On generated
 * documents (every kind of value, escapes, UTF-8, numbers at the edges of
 * their ranges, dumped compact, indented and as ASCII) it must accept what
 * Jansson accepts and build equal values in the same order; on hostile ones
 * (hand-written, and thousands of mutations of the generated ones) it must
 * refuse whatever Jansson refuses. jsonio_loadf, which tries it first, must
 * give Jansson's exact message for every rejected document, from a memory
 * stream and from a file.
 */
#include <check.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/jsonio.h"
#include "core/jsonio_fast.h"

Suite *make_suite_jsonio(void);

/* xorshift64*: the same documents every run */
static uint64_t jt_state;

static uint64_t
jt_rand(void)
{
	jt_state ^= jt_state >> 12;
	jt_state ^= jt_state << 25;
	jt_state ^= jt_state >> 27;
	return jt_state * 2685821657736338717ULL;
}

static size_t
jt_below(size_t n)
{
	return (size_t)(jt_rand() % n);
}

/* A string of awkward pieces: quotes, backslashes, controls, UTF-8 of 2, 3 and 4 bytes. */
static json_t *
jt_string(void)
{
	static const char *const pieces[] = {"a",
	                                     "Z",
	                                     "0",
	                                     " ",
	                                     "\"",
	                                     "\\",
	                                     "/",
	                                     "\b",
	                                     "\f",
	                                     "\n",
	                                     "\r",
	                                     "\t",
	                                     "\x01",
	                                     "\x1f",
	                                     "\x7f",
	                                     "\xc3\xa9",
	                                     "\xe2\x82\xac",
	                                     "\xf0\x9d\x84\x9e",
	                                     "\xef\xbf\xbf",
	                                     "\xed\x9f\xbf",
	                                     "\xee\x80\x80",
	                                     "\xf4\x8f\xbf\xbf",
	                                     "key",
	                                     "{}[],:",
	                                     "true",
	                                     "-1.5e3"};
	char buf[256];
	size_t n = jt_below(12), len = 0, i, k;

	for (i = 0; i < n; i++) {
		k = jt_below(sizeof pieces / sizeof pieces[0]);
		if (len + strlen(pieces[k]) >= sizeof buf)
			break;
		memcpy(buf + len, pieces[k], strlen(pieces[k]));
		len += strlen(pieces[k]);
	}
	return json_stringn(buf, len);
}

static json_t *
jt_number(void)
{
	static const long long ints[] = {0,
	                                 1,
	                                 -1,
	                                 9,
	                                 10,
	                                 99999,
	                                 -123456,
	                                 999999999999999999LL,
	                                 -999999999999999999LL,
	                                 1000000000000000000LL,
	                                 LLONG_MAX,
	                                 LLONG_MIN,
	                                 LLONG_MAX - 1,
	                                 LLONG_MIN + 1};
	static const double reals[] = {0.5,
	                               -0.0,
	                               0.0,
	                               1e-300,
	                               4.9e-324,
	                               2.2250738585072014e-308,
	                               1e300,
	                               1.7976931348623157e308,
	                               -1.7976931348623157e308,
	                               3.141592653589793,
	                               0.1,
	                               1e21,
	                               123456789.125,
	                               -2.5e-5};
	switch (jt_below(4)) {
	case 0:
		return json_integer(ints[jt_below(sizeof ints / sizeof ints[0])]);
	case 1:
		return json_integer((long long)(jt_rand() >> jt_below(64)) *
		                    (jt_below(2) ? 1 : -1));
	case 2:
		return json_real(reals[jt_below(sizeof reals / sizeof reals[0])]);
	default:
		return json_real((double)(int64_t)jt_rand() / (double)(1 + (jt_rand() >> 40)));
	}
}

static json_t *
jt_value(int depth)
{
	json_t *v;
	size_t n, i;
	char key[32];

	switch (depth > 5 ? 2 + jt_below(6) : jt_below(8)) {
	case 0:
		v = json_object();
		n = jt_below(7);
		for (i = 0; i < n; i++) {
			json_t *k = jt_string();

			snprintf(key, sizeof key, "k%zu", jt_below(1000));
			json_object_set_new(v, i % 3 ? json_string_value(k) : key,
			                    jt_value(depth + 1));
			json_decref(k);
		}
		return v;
	case 1:
		v = json_array();
		n = jt_below(7);
		for (i = 0; i < n; i++)
			json_array_append_new(v, jt_value(depth + 1));
		return v;
	case 2:
	case 3:
		return jt_string();
	case 4:
	case 5:
		return jt_number();
	case 6:
		return json_boolean(jt_below(2));
	default:
		return json_null();
	}
}

/* The value written exactly (insertion order, every bit of a real), to compare. */
static char *
jt_exact(const json_t *j)
{
	return json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY |
	                         JSON_REAL_PRECISION(17));
}

/* Jansson's answer as the tools ask for it, through a stream read in pieces. */
struct jt_mem {
	const char *p;
	size_t left;
};

static size_t
jt_mem_read(void *buf, size_t len, void *arg)
{
	struct jt_mem *m = arg;
	size_t n = len < m->left ? len : m->left;

	if (n > 7)
		n = 7;
	memcpy(buf, m->p, n);
	m->p += n;
	m->left -= n;
	return n;
}

static json_t *
jt_jansson(const char *text, size_t len, json_error_t *je)
{
	struct jt_mem m = {text, len};

	return json_load_callback(jt_mem_read, &m, JSON_REJECT_DUPLICATES, je);
}

/*
 * The rule on one text: the quick reader refuses what Jansson refuses, and
 * what it accepts equals Jansson's value; jsonio_loadf gives the value or
 * Jansson's located message. 1 when the quick reader accepted it.
 */
static int
jt_check(const char *text, size_t len)
{
	json_error_t je;
	json_t *want = jt_jansson(text, len, &je), *got = jsonio_fast_parse(text, len), *viaf;
	char err[512], expect[512], *a, *b;
	FILE *fp = fmemopen((void *)text, len ? len : 1, "r");

	ck_assert_ptr_nonnull(fp);
	if (len == 0)
		fgetc(fp); /* an empty stream */
	viaf = jsonio_loadf(fp, "t.json", err, sizeof err);
	fclose(fp);
	if (want == NULL) {
		ck_assert_msg(got == NULL, "the quick reader accepted what Jansson refuses: %.*s",
		              (int)(len > 200 ? 200 : len), text);
		ck_assert_ptr_null(viaf);
		if (je.line > 0)
			snprintf(expect, sizeof expect, "t.json:%d:%d: invalid JSON: %s", je.line,
			         je.column, jsonio_error_kind(&je));
		else
			snprintf(expect, sizeof expect, "t.json: invalid JSON: %s",
			         jsonio_error_kind(&je));
		ck_assert_str_eq(err, expect);
		return 0;
	}
	ck_assert_ptr_nonnull(viaf);
	a = jt_exact(want);
	b = jt_exact(viaf);
	ck_assert_str_eq(a, b);
	free(b);
	json_decref(viaf);
	if (got == NULL) {
		free(a);
		json_decref(want);
		return 0;
	}
	ck_assert(json_equal(want, got));
	b = jt_exact(got);
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
	json_decref(want);
	json_decref(got);
	return 1;
}

/* Generated documents in every dump style: all accepted (bar json_int_t's 19-digit edges). */
START_TEST(test_jsonio_fast_generated)
{
	static const size_t styles[] = {JSON_COMPACT, JSON_INDENT(2),
	                                JSON_INDENT(1) | JSON_ENSURE_ASCII,
	                                JSON_COMPACT | JSON_ENSURE_ASCII | JSON_ESCAPE_SLASH,
	                                JSON_INDENT(4) | JSON_REAL_PRECISION(10)};
	size_t i, accepted = 0, total = 0;
	char *text;
	json_t *doc;

	jt_state = 0x9E3779B97F4A7C15ULL;
	for (i = 0; i < 3000; i++) {
		doc = jt_value(0);
		if (!json_is_object(doc) && !json_is_array(doc)) {
			json_t *wrap = json_array();

			json_array_append_new(wrap, doc);
			doc = wrap;
		}
		text = json_dumps(doc, styles[i % (sizeof styles / sizeof styles[0])] |
		                           JSON_PRESERVE_ORDER);
		ck_assert_ptr_nonnull(text);
		accepted += (size_t)jt_check(text, strlen(text));
		total++;
		free(text);
		json_decref(doc);
	}
	/* the 19-digit integers are left to Jansson; nearly everything else is read quickly */
	ck_assert_uint_gt(accepted, total * 8 / 10);
}
END_TEST

/* Mutations of generated documents: a byte changed, dropped, doubled; the end cut. */
START_TEST(test_jsonio_fast_mutated)
{
	static const char bytes[] =
	    "\"\\{}[],:0-+.eEu \t\n\r\x01\x7f\x80\xbf\xc0\xc2\xe0\xed\xf0\xf4\xf5\xffx";
	size_t i, m, len, at;
	char *text, *mut;
	json_t *doc;

	jt_state = 0xD1B54A32D192ED03ULL;
	for (i = 0; i < 1500; i++) {
		doc = jt_value(1);
		text =
		    json_dumps(doc, (i % 2 ? JSON_INDENT(2) : JSON_COMPACT) | JSON_PRESERVE_ORDER |
		                        JSON_ENCODE_ANY | (i % 3 ? 0 : JSON_ENSURE_ASCII));
		len = strlen(text);
		mut = malloc(len + 2);
		ck_assert_ptr_nonnull(mut);
		for (m = 0; m < 6 && len > 0; m++) {
			at = jt_below(len);
			memcpy(mut, text, len + 1);
			switch (m % 4) {
			case 0:
				mut[at] = bytes[jt_below(sizeof bytes - 1)];
				jt_check(mut, len);
				break;
			case 1:
				memmove(mut + at, mut + at + 1, len - at);
				jt_check(mut, len - 1);
				break;
			case 2:
				memmove(mut + at + 1, mut + at, len - at + 1);
				jt_check(mut, len + 1);
				break;
			default:
				jt_check(mut, at);
			}
		}
		free(mut);
		free(text);
		json_decref(doc);
	}
}
END_TEST

/* Hand-written edges: each checked by the rule, and some that must be read quickly. */
START_TEST(test_jsonio_fast_hostile)
{
	static const struct {
		const char *text;
		int quick; /* 1: the quick reader must accept it */
		size_t len; /* 0: strlen(text) */
	} cases[] = {
	    {"", 0, 0},
	    {" \n\t\r", 0, 0},
	    {"{}", 1, 0},
	    {" [ ] \n", 1, 0},
	    {"{\"a\":1,\"a\":2}", 0, 0},
	    {"{\"a\":{\"b\":1},\"b\":{\"b\":2}}", 1, 0},
	    {"[\"\\u0000\"]", 0, 0},
	    {"{\"\\u0000\":1}", 0, 0},
	    {"[\"\\ud800\"]", 0, 0},
	    {"[\"\\udc00\"]", 0, 0},
	    {"[\"\\ud800\\u0041\"]", 0, 0},
	    {"[\"\\ud800\\\\\"]", 0, 0},
	    {"[\"\\ud83d\\ude00 \\u00e9\\u20AC\\u0001\\u007f\"]", 1, 0},
	    {"{\"\\u00e9\\n\":{\"\\t\":[\"\\\"\\\\\\/\\b\\f\\r\"]}}", 1, 0},
	    {"[\"\\x\"]", 0, 0},
	    {"[\"\\u12\"]", 0, 0},
	    {"[\"\\u12G4\"]", 0, 0},
	    {"[\"\\", 0, 0},
	    {"[\"abc", 0, 0},
	    {"[01]", 0, 0},
	    {"[-]", 0, 0},
	    {"[-a]", 0, 0},
	    {"[1.]", 0, 0},
	    {"[.5]", 0, 0},
	    {"[1e]", 0, 0},
	    {"[1e+]", 0, 0},
	    {"[+1]", 0, 0},
	    {"[-0, -0.0, 0e0, 1E+2, 1e-2, 0.000]", 1, 0},
	    {"[1e400]", 0, 0},
	    {"[-1e400]", 0, 0},
	    {"[1e-400]", 0, 0},
	    {"[999999999999999999, -999999999999999999]", 1, 0},
	    {"[9223372036854775807]", 0, 0},
	    {"[9223372036854775808]", 0, 0},
	    {"[-9223372036854775808]", 0, 0},
	    {"[-9223372036854775809]", 0, 0},
	    {"[123456789012345678901234567890]", 0, 0},
	    {"[0.1234567890123456789012345678901234567890123456789012345678901234567890]", 0, 0},
	    {"[true, false, null]", 1, 0},
	    {"[tru]", 0, 0},
	    {"[truex]", 0, 0},
	    {"[nulll]", 0, 0},
	    {"[True]", 0, 0},
	    {"[1x]", 0, 0},
	    {"[1 2]", 0, 0},
	    {"[\"a\" \"b\"]", 0, 0},
	    {"\xef\xbb\xbf{}", 0, 0},
	    {"{} x", 0, 0},
	    {"{}{}", 0, 0},
	    {"{}\n\n  ", 1, 0},
	    {"[\"\xc0\x80\"]", 0, 0},
	    {"[\"\xc1\xbf\"]", 0, 0},
	    {"[\"\xe0\x80\xaf\"]", 0, 0},
	    {"[\"\xed\xa0\x80\"]", 0, 0},
	    {"[\"\xf4\x90\x80\x80\"]", 0, 0},
	    {"[\"\xf5\x80\x80\x80\"]", 0, 0},
	    {"[\"\xc3\"]", 0, 0},
	    {"[\"\xe2\x82\"]", 0, 0},
	    {"[\"\x80\"]", 0, 0},
	    {"[\xc3\xa9]", 0, 0},
	    {"[\"a\tb\"]", 0, 0},
	    {"[\"a\nb\"]", 0, 0},
	    {"[\"\x7f\xc3\xa9\xe2\x82\xac\xf0\x9d\x84\x9e\xf4\x8f\xbf\xbf\"]", 1, 0},
	    {"{\"a\" 1}", 0, 0},
	    {"{\"a\":}", 0, 0},
	    {"{\"a\":1,}", 0, 0},
	    {"[1,]", 0, 0},
	    {"[,1]", 0, 0},
	    {"{,}", 0, 0},
	    {"{1:2}", 0, 0},
	    {"{\"a\":1 \"b\":2}", 0, 0},
	    {"[}", 0, 0},
	    {"{]", 0, 0},
	    {"1", 0, 0},
	    {"\"s\"", 0, 0},
	    {"null", 0, 0},
	    {"[1]\0", 0, 4}, /* a NUL after the document */
	    {"[/*c*/1]", 0, 0},
	    {"['a']", 0, 0},
	    {"[\v1]", 0, 0},
	    {"[\f1]", 0, 0},
	    {"{\"\":\"\"}", 1, 0},
	};
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len = cases[i].len ? cases[i].len : strlen(cases[i].text);

		ck_assert_msg(jt_check(cases[i].text, len) == cases[i].quick, "case %zu: %s", i,
		              cases[i].text);
	}
}
END_TEST

/* Nesting at and beyond the quick reader's depth, and beyond Jansson's. */
START_TEST(test_jsonio_fast_deep)
{
	static const size_t depths[] = {
	    1, JSONIO_FAST_DEPTH - 1, JSONIO_FAST_DEPTH, JSONIO_FAST_DEPTH + 1, 2048, 2049, 5000};
	size_t i, d, k;
	char *text;

	for (i = 0; i < sizeof depths / sizeof depths[0]; i++) {
		d = depths[i];
		text = malloc(2 * d + 8);
		ck_assert_ptr_nonnull(text);
		for (k = 0; k < d; k++)
			text[k] = '[';
		memcpy(text + d, "1", 1);
		for (k = 0; k < d; k++)
			text[d + 1 + k] = ']';
		ck_assert_int_eq(jt_check(text, 2 * d + 1), d <= JSONIO_FAST_DEPTH);
		free(text);
	}
}
END_TEST

/* A large document, from a file (its size known) and a pipe-like stream (read in pieces). */
START_TEST(test_jsonio_fast_file)
{
	char path[] = "/tmp/test_jsonio_XXXXXX", err[512], *text, *a, *b;
	json_t *doc = json_array(), *got;
	FILE *fp;
	size_t i;
	int fd;

	jt_state = 42;
	for (i = 0; i < 2000; i++)
		json_array_append_new(doc, jt_value(2));
	text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	ck_assert_uint_gt(strlen(text), 100000);
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	got = jsonio_load(path, err, sizeof err);
	ck_assert_ptr_nonnull(got);
	a = jt_exact(doc);
	b = jt_exact(got);
	ck_assert_str_eq(a, b);
	free(b);
	json_decref(got);
	fp = fmemopen(text, strlen(text), "r");
	got = jsonio_loadf(fp, "m.json", err, sizeof err);
	fclose(fp);
	ck_assert_ptr_nonnull(got);
	b = jt_exact(got);
	ck_assert_str_eq(a, b);
	free(b);
	json_decref(got);
	/* the same document with an error at its very end: Jansson's message, from the file */
	fp = fopen(path, "a");
	fputs(",", fp);
	fclose(fp);
	ck_assert_ptr_null(jsonio_load(path, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "invalid JSON: more text after the end"));
	ck_assert_ptr_nonnull(strstr(err, path));
	remove(path);
	free(a);
	free(text);
	json_decref(doc);
}
END_TEST

/*
 * A regular file is read in place from where its stream stands (bytes
 * already read through it are not the document's), and left at its end; one
 * the quick reader is not sure of goes to Jansson from the same place.
 */
START_TEST(test_jsonio_fast_file_offset)
{
	/* _i 0: a small file (read into the heap); 1: past 32 KB (mapped) */
	static char doc[64 << 10];
	char path[] = "/tmp/test_jsonio_XXXXXX", err[512], head[6];
	json_t *got;
	FILE *fp;
	int fd;

	snprintf(doc, sizeof doc, "junk\n{\"a\": [1, 2.5, \"x\"], \"pad\": \"%0*d\"}\n",
	         _i ? 40000 : 1, 7);
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, doc, strlen(doc)), (ssize_t)strlen(doc));
	close(fd);
	fp = fopen(path, "r");
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fread(head, 1, 5, fp), 5); /* the stream's buffer holds the rest */
	got = jsonio_loadf(fp, "o.json", err, sizeof err);
	ck_assert_ptr_nonnull(got);
	ck_assert_int_eq(json_integer_value(json_array_get(json_object_get(got, "a"), 0)), 1);
	ck_assert_str_eq(json_string_value(json_array_get(json_object_get(got, "a"), 2)), "x");
	ck_assert_uint_eq(json_string_length(json_object_get(got, "pad")), _i ? 40000 : 1);
	ck_assert_int_eq(ftell(fp), (long)strlen(doc));
	ck_assert_int_eq(fgetc(fp), EOF);
	json_decref(got);
	fclose(fp);
	/* from the start, "junk" is no JSON: Jansson's message, line 1 */
	fp = fopen(path, "r");
	ck_assert_ptr_null(jsonio_loadf(fp, "o.json", err, sizeof err));
	ck_assert_str_eq(err, "o.json:1:4: invalid JSON: a JSON object or array expected");
	fclose(fp);
	remove(path);
}
END_TEST

Suite *
make_suite_jsonio(void)
{
	Suite *s = suite_create("jsonio");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_jsonio_fast_generated);
	tcase_add_test(tc, test_jsonio_fast_mutated);
	tcase_add_test(tc, test_jsonio_fast_hostile);
	tcase_add_test(tc, test_jsonio_fast_deep);
	tcase_add_test(tc, test_jsonio_fast_file);
	tcase_add_loop_test(tc, test_jsonio_fast_file_offset, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}
