/*
 * test_cli.c: checked number parsing, choices, the data folder and JSON I/O.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/csvio.h"
#include "core/datadir.h"
#include "core/jsonio.h"
#include "core/xalloc.h"

Suite *make_suite_cli(void);

static const struct {
	const char *s;
	uint64_t min, max;
	int rc;
	uint64_t v;
} u64s[] = {
    {"0", 0, UINT64_MAX, 0, 0},
    {"18446744073709551615", 0, UINT64_MAX, 0, UINT64_MAX},
    {"18446744073709551616", 0, UINT64_MAX, -1, 0},
    {"-1", 0, UINT64_MAX, -1, 0},
    {"+1", 0, UINT64_MAX, -1, 0},
    {" 1", 0, UINT64_MAX, -1, 0},
    {"12x", 0, UINT64_MAX, -1, 0},
    {"", 0, UINT64_MAX, -1, 0},
    {"7", 8, 9, -1, 0},
    {"8", 7, 8, 0, 8},
};

START_TEST(parse_u64_table)
{
	uint64_t v = 0;

	ck_assert_int_eq(cli_parse_u64(u64s[_i].s, u64s[_i].min, u64s[_i].max, &v), u64s[_i].rc);
	if (u64s[_i].rc == 0)
		ck_assert_uint_eq(v, u64s[_i].v);
}
END_TEST

START_TEST(choices)
{
	static const char *const formats[] = {"text", "json", "csv", NULL};

	ck_assert_int_eq(cli_choice("json", formats), 1);
	ck_assert_int_eq(cli_choice("JSON", formats), -1);
	ck_assert_int_eq(cli_choice("xml", formats), -1);
}
END_TEST

START_TEST(encodings)
{
	unsigned flags = 0;

	ck_assert_int_eq(cli_encoding("cp1252", &flags), 0);
	ck_assert_uint_eq(flags & CSVIO_CP1252, CSVIO_CP1252);
	ck_assert_int_eq(cli_encoding("utf-8", &flags), 0);
	ck_assert_uint_eq(flags & CSVIO_CP1252, 0);
	ck_assert_int_eq(cli_encoding("windows-1252", &flags), 0);
	ck_assert_uint_eq(flags & CSVIO_CP1252, CSVIO_CP1252);
	ck_assert_int_eq(cli_encoding("latin1", &flags), -1);
	ck_assert_uint_eq(flags & CSVIO_CP1252, CSVIO_CP1252); /* unchanged */
}
END_TEST

START_TEST(datadir_from_env)
{
	char *p = datadir_path("VERSION");
	FILE *fp = fopen(p, "r");

	/* The runner points CAFCASS_INSPECT_DATA at the source tree's share/. */
	ck_assert_str_eq(datadir(), getenv("CAFCASS_INSPECT_DATA"));
	ck_assert_ptr_nonnull(fp);
	fclose(fp);
	free(p);
}
END_TEST

START_TEST(json_error_located)
{
	char err[256];
	FILE *fp = fmemopen("{\n  \"a\": 1,\n  \"b\": tru\n}\n", 24, "r");
	json_t *j = jsonio_loadf(fp, "plan.json", err, sizeof err);

	ck_assert_ptr_null(j);
	ck_assert_msg(strncmp(err, "plan.json:3:", 12) == 0, "got %s", err);
	fclose(fp);
}
END_TEST

/*
 * Jansson's own text quotes the input near the error; ours never does: each
 * error names the place and the kind, and no byte of the values.
 */
static const struct {
	const char *json, *kind;
} json_errors[] = {
    {"{\"chief_executive\":\"Jane Zebedee-Smith\tDOB\"}", "control character"},
    {"{\"name\":\"Jane Zebedee\nSmith\"}", "line break"},
    {"{\"name\":\"Zebedee\\q\"}", "escape"},
    {"{\"name\":\"Zebedee\\ud800\"}", "surrogate"},
    {"{\"name\":\"Zebedee\\u0000\"}", "NUL"},
    {"{\"Zebedee\\u0000\":1}", "NUL"},
    {"{\"name\":Zebedee}", "not JSON"},
    {"{Zebedee:1}", "a key"},
    {"{\"Zebedee\" 1}", "':' expected"},
    {"{\"name\":\"Zebedee\"", "ends too early"},
    {"[\"Zebedee\"", "ends too early"},
    {"[\"Zebedee\" 1]", "']'"},
    {"\"Zebedee\"", "object or array"},
    {"{} Zebedee", "after the end"},
    {"", "empty"},
    {"{\"Zebedee\":1,\"Zebedee\":2}", "duplicate"},
    {"{\"name\":\"Zebedee \xff\"}", "UTF-8"},
    {"{\"name\":\"Zebedee\",\"n\":99999999999999999999999}", "too large"},
    {"{\"name\":\"Zebedee\",\"n\":1e99999}", "too large"},
    {"{\"name\":\"Zebedee\",}", "a key"},
    {"[\"Zebedee\",]", "unexpected"},
};

START_TEST(json_error_quotes_no_input)
{
	char err[512];
	const char *s = json_errors[_i].json;
	FILE *fp = fmemopen((void *)s, strlen(s) > 0 ? strlen(s) : 1, "r");

	if (*s == '\0') { /* fmemopen of a 0-byte buffer: read nothing */
		fclose(fp);
		fp = fopen("/dev/null", "r");
	}
	ck_assert_ptr_null(jsonio_loadf(fp, "details.json", err, sizeof err));
	ck_assert_msg(strncmp(err, "details.json:1:", 15) == 0, "no place: %s", err);
	ck_assert_msg(strstr(err, "invalid JSON: ") != NULL, "no kind: %s", err);
	ck_assert_msg(strstr(err, json_errors[_i].kind) != NULL, "want %s: %s",
	              json_errors[_i].kind, err);
	ck_assert_msg(strstr(err, "Zebedee") == NULL && strstr(err, "near") == NULL,
	              "quotes the input: %s", err);
	fclose(fp);
}
END_TEST

START_TEST(json_duplicate_key_rejected)
{
	char err[256];
	FILE *fp = fmemopen("{\"a\": 1, \"a\": 2}", 16, "r");

	ck_assert_ptr_null(jsonio_loadf(fp, "x.json", err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "duplicate"));
	fclose(fp);
}
END_TEST

START_TEST(json_dump_deterministic)
{
	json_t *j = json_pack("{s:i, s:s, s:[i,i]}", "zeta", 1, "alpha", "\xc3\xa9", "list", 1, 2);
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	ck_assert_int_eq(jsonio_dump(j, fp), 0);
	fclose(fp);
	ck_assert_str_eq(buf,
	                 "{\n  \"zeta\": 1,\n  \"alpha\": \"\xc3\xa9\",\n  \"list\": [\n    1,\n"
	                 "    2\n  ]\n}\n");
	ck_assert_str_eq(jsonio_str(j, "alpha", "x"), "\xc3\xa9");
	ck_assert_str_eq(jsonio_str(j, "zeta", "dflt"), "dflt");
	ck_assert_int_eq(jsonio_int(j, "zeta", -1), 1);
	free(buf);
	json_decref(j);
}
END_TEST

Suite *
make_suite_cli(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, parse_u64_table, 0, sizeof u64s / sizeof u64s[0]);
	tcase_add_test(tc, choices);
	tcase_add_test(tc, encodings);
	tcase_add_test(tc, datadir_from_env);
	tcase_add_test(tc, json_error_located);
	tcase_add_loop_test(tc, json_error_quotes_no_input, 0,
	                    (int)(sizeof json_errors / sizeof json_errors[0]));
	tcase_add_test(tc, json_duplicate_key_rejected);
	tcase_add_test(tc, json_dump_deterministic);
	suite_add_tcase(s, tc);
	return s;
}
