/*
 * test_jschema.c: the JSON Schema validator: each keyword accepts what it
 * should and names what it refuses; a schema with an unknown keyword, a bad
 * pattern or a dangling $ref is refused when loaded; the schemas of
 * share/schemas all load.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/jschema.h"
#include "core/strbuf.h"

Suite *make_suite_jschema(void);

static const struct {
	const char *schema, *doc;
	size_t want; /* violations */
	const char *where; /* the first one's JSON pointer, or NULL */
} cases[] = {
    {"{\"type\":\"object\"}", "{}", 0, NULL},
    {"{\"type\":\"object\"}", "[]", 1, ""},
    {"{\"type\":[\"string\",\"null\"]}", "null", 0, NULL},
    {"{\"type\":[\"string\",\"null\"]}", "1", 1, ""},
    {"{\"type\":\"integer\"}", "3.0", 0, NULL},
    {"{\"type\":\"integer\"}", "3.5", 1, ""},
    {"{\"type\":\"number\"}", "3", 0, NULL},
    {"{\"enum\":[\"a\",1]}", "1", 0, NULL},
    {"{\"enum\":[\"a\",1]}", "\"b\"", 1, ""},
    {"{\"const\":{\"a\":1}}", "{\"a\":1}", 0, NULL},
    {"{\"const\":{\"a\":1}}", "{\"a\":2}", 1, ""},
    {"{\"required\":[\"a\",\"b\"]}", "{\"a\":1}", 1, ""},
    {"{\"properties\":{\"a\":{\"type\":\"string\"}}}", "{\"a\":1}", 1, "/a"},
    {"{\"properties\":{\"a/b~c\":{\"type\":\"string\"}}}", "{\"a/b~c\":1}", 1, "/a~1b~0c"},
    {"{\"properties\":{\"a\":{}},\"additionalProperties\":false}", "{\"a\":1,\"b\":2}", 1, ""},
    {"{\"additionalProperties\":{\"type\":\"integer\"}}", "{\"a\":1,\"b\":\"x\"}", 1, "/b"},
    {"{\"patternProperties\":{\"^x_\":{\"type\":\"integer\"}},\"additionalProperties\":false}",
     "{\"x_1\":1,\"x_2\":\"no\",\"y\":0}", 2, "/x_2"},
    {"{\"items\":{\"type\":\"integer\"}}", "[1,2,\"3\"]", 1, "/2"},
    {"{\"minItems\":2,\"maxItems\":3}", "[1]", 1, ""},
    {"{\"minItems\":2,\"maxItems\":3}", "[1,2,3,4]", 1, ""},
    {"{\"uniqueItems\":true}", "[1,2,1]", 1, ""},
    {"{\"uniqueItems\":true}", "[1,2,3]", 0, NULL},
    {"{\"minimum\":0,\"maximum\":10}", "-1", 1, ""},
    {"{\"minimum\":0,\"maximum\":10}", "10", 0, NULL},
    {"{\"exclusiveMaximum\":10}", "10", 1, ""},
    {"{\"exclusiveMinimum\":0}", "0.5", 0, NULL},
    {"{\"minLength\":2,\"maxLength\":3}", "\"\\u00e9\\u00e9\"", 0,
     NULL}, /* characters, not bytes */
    {"{\"minLength\":2}", "\"\\u00e9\"", 1, ""},
    {"{\"maxLength\":3}", "\"abcd\"", 1, ""},
    {"{\"pattern\":\"^[0-9]{4}-[0-9]{2}-[0-9]{2}$\"}", "\"2027-01-15\"", 0, NULL},
    {"{\"pattern\":\"^[0-9]{4}-[0-9]{2}-[0-9]{2}$\"}", "\"15/01/2027\"", 1, ""},
    {"{\"pattern\":\"b\"}", "\"abc\"", 0, NULL}, /* searched anywhere */
    {"{\"pattern\":\"b\"}", "5", 0, NULL}, /* applies to strings only */
    {"{\"$defs\":{\"d\":{\"type\":\"string\"}},\"items\":{\"$ref\":\"#/$defs/d\"}}", "[\"a\",2]", 1,
     "/1"},
    {"{\"oneOf\":[{\"type\":\"string\"},{\"minLength\":1}]}", "\"a\"", 1, ""}, /* both match */
    {"{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}", "null", 0, NULL},
    {"{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"null\"}]}", "1", 1, ""},
    {"{\"allOf\":[{\"minimum\":1},{\"maximum\":2}]}", "3", 1, ""},
    {"{\"not\":{\"type\":\"null\"}}", "null", 1, ""},
    {"{\"properties\":{\"a\":false}}", "{\"a\":1}", 1, "/a"},
    {"true", "[1]", 0, NULL},
    {"{\"title\":\"t\",\"description\":\"d\",\"format\":\"date\",\"$comment\":\"c\"}", "\"x\"", 0,
     NULL},
};

struct seen {
	size_t n;
	char first[128];
};

static void
record(void *arg, const char *where, const char *msg)
{
	struct seen *s = arg;

	if (s->n++ == 0)
		snprintf(s->first, sizeof s->first, "%s", where);
	ck_assert_ptr_nonnull(msg);
	ck_assert_uint_gt(strlen(msg), 0);
}

START_TEST(keyword)
{
	char err[256];
	json_t *sch = json_loads(cases[_i].schema, JSON_DECODE_ANY, NULL);
	json_t *doc = json_loads(cases[_i].doc, JSON_DECODE_ANY, NULL);
	struct jschema *s;
	struct seen seen = {0, ""};

	ck_assert_ptr_nonnull(sch);
	ck_assert_ptr_nonnull(doc);
	s = jschema_new(sch, "t.json", err, sizeof err);
	ck_assert_msg(s != NULL, "%s", err);
	ck_assert_uint_eq(jschema_validate(s, doc, record, &seen), cases[_i].want);
	ck_assert_uint_eq(seen.n, cases[_i].want);
	if (cases[_i].where != NULL)
		ck_assert_str_eq(seen.first, cases[_i].where);
	jschema_free(s);
	json_decref(sch);
	json_decref(doc);
}
END_TEST

static const struct {
	const char *schema, *why;
} refused[] = {
    {"{\"multipleOf\":2}", "unsupported keyword 'multipleOf'"},
    {"{\"properties\":{\"a\":{\"if\":{}}}}", "/properties/a: unsupported keyword 'if'"},
    {"{\"pattern\":\"(\"}", "bad pattern"},
    {"{\"$ref\":\"#/$defs/none\"}", "reference"},
    {"{\"$ref\":\"other.json#/x\"}", "reference"},
    {"{\"type\":\"text\"}", "unknown type"},
    {"{\"required\":\"a\"}", "array of strings"},
    {"{\"minItems\":-1}", "whole number"},
    {"{\"oneOf\":[]}", "non-empty array"},
    {"[1]", "object or true or false"},
};

START_TEST(schema_refused)
{
	char err[256];
	json_t *sch = json_loads(refused[_i].schema, JSON_DECODE_ANY, NULL);

	ck_assert_ptr_nonnull(sch);
	ck_assert_ptr_null(jschema_new(sch, "bad.json", err, sizeof err));
	ck_assert_msg(strstr(err, refused[_i].why) != NULL, "want '%s': %s", refused[_i].why, err);
	ck_assert_msg(strncmp(err, "bad.json: ", 10) == 0, "no file named: %s", err);
	json_decref(sch);
}
END_TEST

/* Every schema the project ships loads (tests run from tests/unit). */
START_TEST(shipped_schemas_load)
{
	static const char *const names[] = {"check-annexA", "details", "judgements", "plan", "sea"};
	char path[256], err[512];
	struct jschema *s;
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(path, sizeof path, "../../share/schemas/%s.schema.json", names[i]);
		s = jschema_load(path, err, sizeof err);
		ck_assert_msg(s != NULL, "%s", err);
		jschema_free(s);
	}
}
END_TEST

Suite *
make_suite_jschema(void)
{
	Suite *s = suite_create("jschema");
	TCase *tc = tcase_create("jschema");

	tcase_add_loop_test(tc, keyword, 0, (int)(sizeof cases / sizeof cases[0]));
	tcase_add_loop_test(tc, schema_refused, 0, (int)(sizeof refused / sizeof refused[0]));
	tcase_add_test(tc, shipped_schemas_load);
	suite_add_tcase(s, tc);
	return s;
}
