/*
 * test_vocab.c: vocabularies: the shipped ones load and answer lookups by
 * value, alias (ignoring case, spaces and punctuation) and pattern; load
 * errors name the file and the place (JSON line:column, entries sharing a
 * key, bad patterns, wrong shapes).
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "child.h"
#include "core/datadir.h"
#include "core/jsonio.h"
#include "core/rx.h"
#include "core/vocab.h"
#include "core/xalloc.h"

/* Write text to a new temporary file; the caller unlinks and frees the path. */
static char *
write_temp(const char *text)
{
	char *path = strdup("/tmp/test_vocab.XXXXXX");
	int fd;

	ck_assert_ptr_nonnull(path);
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (int)strlen(text));
	close(fd);
	return path;
}

static const struct {
	const char *name;
	size_t count;
} shipped[] = {
    {"gender", 7}, {"disability", 2}, {"law-type", 2}, {"case-types", 16}, {"ethnicity", 19},
};

START_TEST(test_vocab_shipped)
{
	char err[512] = "";
	struct vocab *v = vocab_load_named(shipped[_i].name, err, sizeof err);
	size_t i;

	ck_assert_msg(v != NULL, "%s: %s", shipped[_i].name, err);
	ck_assert_uint_eq(vocab_count(v), shipped[_i].count);
	ck_assert_str_eq(vocab_name(v), shipped[_i].name);
	/* Every canonical value finds its own entry. */
	for (i = 0; i < vocab_count(v); i++)
		ck_assert_int_eq(vocab_find(v, vocab_value(v, i)), (long)i);
	ck_assert_ptr_null(vocab_value(v, vocab_count(v)));
	vocab_free(v);
}
END_TEST

static const struct {
	const char *vocab;
	const char *text;
	const char *value; /* NULL: no match */
} lookups[] = {
    {"gender", "female", "female"},
    {"gender", "F", "female"},
    {"gender", " Female ", "female"},
    {"gender", "m", "male"},
    {"gender", "MALE", "male"},
    {"gender", "Not known", "not known"},
    {"gender", "not-known", "not known"},
    {"gender", "Unknown", "unknown"},
    {"gender", "Not Stated", "not stated"},
    {"gender", "Indeterminate", "indeterminate"},
    {"gender", "Other", "other"},
    {"gender", "x", NULL},
    {"gender", "", NULL},
    {"gender", "fe male", "female"},
    {"gender", "Not\xc2\xa0known", "not known"},
    {"gender", "\xc2\xa0Male\xc2\xa0", "male"},
    {"gender", "\xc2\xa0", NULL},
    {"gender", "Mal\xc3\xa9", NULL},
    {"disability", "Y", "Y"},
    {"disability", "yes", "Y"},
    {"disability", "n", "N"},
    {"disability", "No", "N"},
    {"disability", "maybe", NULL},
    {"law-type", "Private", "Private"},
    {"law-type", "private law", "Private"},
    {"law-type", "PUBLIC", "Public"},
    {"law-type", "Public Law", "Public"},
    {"law-type", "criminal", NULL},
    {"ethnicity", "WBRI", "English, Welsh, Scottish, Northern Irish or British"},
    {"ethnicity", "White British", "English, Welsh, Scottish, Northern Irish or British"},
    {"ethnicity", "White: English, Welsh, Scottish, Northern Irish or British",
     "English, Welsh, Scottish, Northern Irish or British"},
    {"ethnicity", "wiri", "Irish"},
    {"ethnicity", "MWBC", "White and Black Caribbean"},
    {"ethnicity", "Mixed: White and Black Caribbean", "White and Black Caribbean"},
    {"ethnicity", "ABAN", "Bangladeshi"},
    {"ethnicity", "Asian or Asian British: Bangladeshi", "Bangladeshi"},
    {"ethnicity", "BAFR", "African"},
    {"ethnicity", "Black African", "African"},
    {"ethnicity", "CHNE", "Chinese"},
    {"ethnicity", "WIRT", "Gypsy or Irish Traveller"},
    {"ethnicity", "Arab", "Arab"},
    {"ethnicity", "OOTH", "Any other ethnic group"},
    {"ethnicity", "Martian", NULL},
};

START_TEST(test_vocab_lookup)
{
	char err[512] = "";
	struct vocab *v = vocab_load_named(lookups[_i].vocab, err, sizeof err);
	long i;

	ck_assert_msg(v != NULL, "%s", err);
	i = vocab_find(v, lookups[_i].text);
	if (lookups[_i].value == NULL)
		ck_assert_msg(i == -1, "\"%s\" found in %s", lookups[_i].text, lookups[_i].vocab);
	else {
		ck_assert_msg(i >= 0, "\"%s\" not found in %s", lookups[_i].text,
		              lookups[_i].vocab);
		ck_assert_str_eq(vocab_value(v, (size_t)i), lookups[_i].value);
	}
	vocab_free(v);
}
END_TEST

START_TEST(test_vocab_ethnicity_groups)
{
	static const char *groups[] = {
	    "Asian, Asian British or Asian Welsh",
	    "Black, Black British, Black Welsh, Caribbean or African",
	    "Mixed or Multiple ethnic groups",
	    "White",
	    "Other ethnic group",
	};
	static const size_t per_group[] = {5, 3, 4, 5, 2};
	size_t count[5] = {0}, i, g;
	char err[512] = "";
	struct vocab *v = vocab_load_named("ethnicity", err, sizeof err);
	const char *group;

	ck_assert_msg(v != NULL, "%s", err);
	for (i = 0; i < vocab_count(v); i++) {
		group = vocab_attr(v, i, "group");
		ck_assert_ptr_nonnull(group);
		for (g = 0; g < 5 && strcmp(group, groups[g]) != 0; g++)
			;
		ck_assert_msg(g < 5, "unknown group \"%s\"", group);
		count[g]++;
	}
	for (g = 0; g < 5; g++)
		ck_assert_uint_eq(count[g], per_group[g]);
	ck_assert_str_eq(vocab_attr(v, (size_t)vocab_find(v, "Roma"), "code"), "WROM");
	vocab_free(v);
}
END_TEST

START_TEST(test_vocab_attrs_and_patterns)
{
	char *path = write_temp("{\"name\": \"t\", \"values\": [\n"
	                        "  {\"value\": \"alpha\", \"rank\": 3, \"kind\": \"greek\",\n"
	                        "   \"patterns\": [\"^al\", \"pha$\"]},\n"
	                        "  {\"value\": \"al\", \"aliases\": [\"A.L.\"]},\n"
	                        "  {\"value\": \"Zo\xc3\xab\", \"patterns\": [\"^z\\\\w+$\"]}\n"
	                        "]}\n");
	char err[512] = "";
	struct vocab *v = vocab_load(path, err, sizeof err);

	ck_assert_msg(v != NULL, "%s", err);
	ck_assert_uint_eq(vocab_count(v), 3);
	ck_assert_str_eq(vocab_name(v), "t");
	ck_assert_int_eq(vocab_find(v, "al"), 1); /* the key wins over the pattern */
	ck_assert_int_eq(vocab_find(v, "a l"), 1);
	ck_assert_int_eq(vocab_find(v, "AL."), 1);
	ck_assert_int_eq(vocab_find(v, "alps"), 0); /* pattern, caseless */
	ck_assert_int_eq(vocab_find(v, "  ALPINE  "), 0); /* trimmed */
	ck_assert_int_eq(vocab_find(v, "omegapha"), 0);
	ck_assert_int_eq(vocab_find(v, "beta"), -1);
	ck_assert_int_eq(vocab_find(v, "ZO\xc3\x8b"), 2); /* UTF-8, caseless */
	ck_assert_int_eq(vocab_find(v, "zed\xc3\xa9"), 2);
	ck_assert_int_eq(vocab_find(v, NULL), -1);
	ck_assert_str_eq(vocab_attr(v, 0, "kind"), "greek");
	ck_assert_ptr_null(vocab_attr(v, 0, "rank")); /* not a string */
	ck_assert_ptr_null(vocab_attr(v, 1, "kind"));
	ck_assert_ptr_null(vocab_attr(v, 7, "kind"));
	ck_assert_int_eq(vocab_attr_int(v, 0, "rank", -5), 3);
	ck_assert_int_eq(vocab_attr_int(v, 0, "kind", -5), -5);
	ck_assert_int_eq(vocab_attr_int(v, 1, "rank", -5), -5);
	vocab_free(v);
	unlink(path);
	free(path);
}
END_TEST

START_TEST(test_vocab_name_from_file)
{
	char *path = write_temp("{\"values\": [{\"value\": \"x\"}]}");
	char err[512] = "";
	struct vocab *v = vocab_load(path, err, sizeof err);

	ck_assert_msg(v != NULL, "%s", err);
	ck_assert_str_eq(vocab_name(v), strrchr(path, '/') + 1);
	vocab_free(v);
	unlink(path);
	free(path);
}
END_TEST

static const struct {
	const char *json;
	const char *want[3]; /* substrings of the message after "PATH" */
} bad[] = {
    {"{\n  \"values\": [\n    {\"value\": \"a\",}\n  ]\n}\n", {":3:", NULL}},
    {"{\"values\": [\n", {":2:", NULL}},
    {"", {":1:", NULL}},
    {"{\"values\": [{\"value\": \"a\"}], \"values\": []}", {":1:", "duplicate", NULL}},
    {"{\"values\": {}}", {": needs a \"values\" array", NULL}},
    {"[]", {": needs a \"values\" array", NULL}},
    {"{\"values\": [{\"aliases\": [\"x\"]}]}", {": entry 1: needs a \"value\"", NULL}},
    {"{\"values\": [\"a\"]}", {": entry 1: needs a \"value\"", NULL}},
    {"{\"values\": [{\"value\": \"a\", \"aliases\": \"b\"}]}", {"entry 1", "\"aliases\"", NULL}},
    {"{\"values\": [{\"value\": \"a\", \"aliases\": [1]}]}", {"entry 1", "\"aliases\"", NULL}},
    {"{\"values\": [{\"value\": \"a\", \"patterns\": \"^a\"}]}", {"entry 1", "\"patterns\"", NULL}},
    {"{\"values\": [{\"value\": \"a\", \"patterns\": [\"^a\", \"(b\"]}]}",
     {"entry 1 (\"a\"): pattern 2: offset 2: ", NULL}},
    {"{\"values\": [{\"value\": \"Foo\"}, {\"value\": \"bar\"}, {\"value\": \"f-o-o\"}]}",
     {"entry 1 (\"Foo\")", "entry 3 (\"f-o-o\")", "\"foo\""}},
    {"{\"values\": [{\"value\": \"s7\"}, {\"value\": \"s31\", \"aliases\": [\"care\", \"S.7\"]}]}",
     {"entry 1 (\"s7\")", "entry 2 (\"s31\")", "share the key \"s7\""}},
    {"{\"values\": [{\"value\": \"a\", \"aliases\": [\"--\"]}]}",
     {"entry 1", "no letters or digits", NULL}},
};

START_TEST(test_vocab_bad)
{
	char *path = write_temp(bad[_i].json);
	char err[512] = "";
	struct vocab *v;
	size_t k;

	v = vocab_load(path, err, sizeof err);
	if (v != NULL) { /* a pattern: its error comes when it is compiled */
		ck_assert_int_eq(vocab_compile(v, err, sizeof err), -1);
		vocab_free(v);
	}
	ck_assert_msg(strncmp(err, path, strlen(path)) == 0, "\"%s\" does not name the file", err);
	for (k = 0; k < 3 && bad[_i].want[k] != NULL; k++)
		ck_assert_msg(strstr(err + strlen(path), bad[_i].want[k]) != NULL,
		              "\"%s\" lacks \"%s\"", err, bad[_i].want[k]);
	unlink(path);
	free(path);
}
END_TEST

/* A lookup in the child: the vocabulary and the text. */
struct find_call {
	const struct vocab *v;
	const char *s;
};

static void
find_in_child(void *arg)
{
	const struct find_call *c = arg;

	(void)vocab_find(c->v, c->s);
}

/* A pattern is compiled when a lookup first needs it; one that does not compile stops the run. */
START_TEST(test_vocab_bad_pattern_at_use)
{
	char *path = write_temp("{\"values\": [{\"value\": \"a\", \"patterns\": [\"(b\"]}]}");
	char err[512] = "", buf[1024];
	struct vocab *v = vocab_load(path, err, sizeof err);
	struct find_call call = {v, "zzz"};

	ck_assert_msg(v != NULL, "%s", err);
	ck_assert_int_eq(vocab_find(v, "A"), 0); /* by key: no pattern needed */
	ck_assert_int_eq(child_stderr("check-annexA", find_in_child, &call, buf, sizeof buf), 2);
	ck_assert_msg(strncmp(buf, "check-annexA: ", 14) == 0 && strstr(buf, path) != NULL &&
	                  strstr(buf, ": entry 1 (\"a\"): pattern 1: offset 2: ") != NULL,
	              "%s", buf);
	vocab_free(v);
	unlink(path);
	free(path);
}
END_TEST

START_TEST(test_vocab_missing_file)
{
	char err[512] = "";

	ck_assert_ptr_null(vocab_load("/nonexistent/x.json", err, sizeof err));
	ck_assert_str_eq(err, "/nonexistent/x.json: No such file or directory");
	ck_assert_ptr_null(vocab_load_named("no-such-vocab", err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "vocab/no-such-vocab.json: "));
}
END_TEST

START_TEST(test_vocab_case_id)
{
	char err[512] = "";
	struct rx *rx = vocab_pattern_named("case-id", 0, err, sizeof err);
	size_t so, eo;
	const char *s = "see CA27004512, not CA2700451 or CA270045123";

	ck_assert_msg(rx != NULL, "%s", err);
	ck_assert_int_eq(rx_test(rx, "CA27004512"), 1);
	ck_assert_int_eq(rx_search(rx, s, strlen(s), 0, &so, &eo), 1);
	ck_assert_uint_eq(so, 4);
	ck_assert_uint_eq(eo, 14);
	ck_assert_int_eq(rx_search(rx, s, strlen(s), eo, &so, &eo), 0);
	ck_assert_int_eq(rx_test(rx, "ca27004512"), 0);
	rx_free(rx);
	ck_assert_ptr_null(vocab_pattern_named("gender", 0, err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "needs a \"pattern\" string"));
}
END_TEST

/* Many lookups: the hash table must keep a large vocabulary fast and exact. */
START_TEST(test_vocab_many)
{
	FILE *fp;
	char *path = write_temp("");
	char err[512] = "", buf[64];
	struct vocab *v;
	long i;

	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("{\"values\": [", fp);
	for (i = 0; i < 5000; i++)
		fprintf(fp, "%s{\"value\": \"v%ld\", \"aliases\": [\"alias %ld\"]}", i ? "," : "",
		        i, i);
	fputs("]}", fp);
	fclose(fp);
	v = vocab_load(path, err, sizeof err);
	ck_assert_msg(v != NULL, "%s", err);
	for (i = 0; i < 200000; i++) {
		snprintf(buf, sizeof buf, i % 2 ? "V%ld" : "Alias-%ld", i % 5000);
		ck_assert_int_eq(vocab_find(v, buf), i % 5000);
	}
	ck_assert_int_eq(vocab_find(v, "v5000"), -1);
	vocab_free(v);
	unlink(path);
	free(path);
}
END_TEST

/* Pattern answers are memoised; the memo empties itself and stays exact. */
START_TEST(test_vocab_pattern_memo)
{
	char *path = write_temp("{\"values\": [{\"value\": \"ex\", \"patterns\": [\"^x\\\\d+$\"]},"
	                        " {\"value\": \"why\", \"patterns\": [\"^y\"]}]}");
	char err[512] = "", buf[300];
	struct vocab *v = vocab_load(path, err, sizeof err);
	int round, i;

	ck_assert_msg(v != NULL, "%s", err);
	for (round = 0; round < 3; round++)
		for (i = 0; i < 3000; i++) {
			snprintf(buf, sizeof buf, " x%d ", i);
			ck_assert_int_eq(vocab_find(v, buf), 0);
			snprintf(buf, sizeof buf, "y%d", i);
			ck_assert_int_eq(vocab_find(v, buf), 1);
			snprintf(buf, sizeof buf, "x%dz", i);
			ck_assert_int_eq(vocab_find(v, buf), -1);
		}
	memset(buf, 'y', sizeof buf - 1);
	buf[sizeof buf - 1] = '\0';
	ck_assert_int_eq(vocab_find(v, buf), 1); /* too long to memoise */
	vocab_free(v);
	unlink(path);
	free(path);
}
END_TEST

/* Every file in share/vocab loads: as a vocabulary, or as a pattern. */
/*
 * Every entry's value and attributes as the file gives them: each member a
 * string for vocab_attr() and an integer for vocab_attr_int(), nothing else,
 * and no member the object lacks.
 */
static void
same_as_json(const struct vocab *v, const json_t *j)
{
	const json_t *values = json_object_get(j, "values"), *obj, *x;
	const char *k, *got;
	size_t i;

	ck_assert_uint_eq(vocab_count(v), json_array_size(values));
	json_array_foreach(values, i, obj)
	{
		ck_assert_str_eq(vocab_value(v, i),
		                 json_string_value(json_object_get(obj, "value")));
		json_object_foreach((json_t *)obj, k, x)
		{
			got = vocab_attr(v, i, k);
			if (json_is_string(x))
				ck_assert_msg(got != NULL && strcmp(got, json_string_value(x)) == 0,
				              "entry %zu: %s", i, k);
			else
				ck_assert_msg(got == NULL, "entry %zu: %s", i, k);
			ck_assert_int_eq(vocab_attr_int(v, i, k, -77),
			                 json_is_integer(x) ? (long)json_integer_value(x) : -77);
		}
		ck_assert_ptr_null(vocab_attr(v, i, "no such member"));
		ck_assert_ptr_null(vocab_attr(v, i, ""));
	}
}

/* Members of every JSON kind, and names that share a prefix. */
START_TEST(test_vocab_attr_kinds)
{
	char *path = write_temp("{\"values\": [\n"
	                        "  {\"value\": \"a\", \"n\": -9007199254740993, \"r\": 1.5,\n"
	                        "   \"b\": true, \"z\": null, \"o\": {\"s\": \"x\"}, \"s\": \"\",\n"
	                        "   \"ss\": \"two\", \"l\": [\"x\"], \"aliases\": [\"b\"]},\n"
	                        "  {\"value\": \"c\"}\n"
	                        "]}\n");
	char err[512] = "";
	struct vocab *v = vocab_load(path, err, sizeof err);
	json_t *j = jsonio_load(path, err, sizeof err);

	ck_assert_msg(v != NULL && j != NULL, "%s", err);
	same_as_json(v, j);
	ck_assert_str_eq(vocab_attr(v, 0, "s"), "");
	ck_assert_str_eq(vocab_attr(v, 0, "ss"), "two");
	ck_assert_str_eq(vocab_attr(v, 0, "value"), "a");
	ck_assert_int_eq(vocab_attr_int(v, 0, "n", 0), (long)-9007199254740993LL);
	ck_assert_int_eq(vocab_find(v, "B"), 0);
	json_decref(j);
	vocab_free(v);
	unlink(path);
	free(path);
}
END_TEST

START_TEST(test_vocab_every_shipped_file)
{
	char *dir = datadir_path("vocab"), *path, *name, err[512];
	struct dirent *de;
	struct vocab *v;
	struct rx *rx;
	size_t n, files = 0;
	json_t *j;
	DIR *d;

	d = opendir(dir);
	ck_assert_msg(d != NULL, "%s", dir);
	while ((de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (n <= 5 || strcmp(de->d_name + n - 5, ".json") != 0)
			continue;
		files++;
		path = xasprintf("%s/%s", dir, de->d_name);
		j = jsonio_load(path, err, sizeof err);
		ck_assert_msg(j != NULL, "%s", err);
		name = strndup(de->d_name, n - 5);
		if (json_object_get(j, "values") != NULL) {
			v = vocab_load_named(name, err, sizeof err);
			ck_assert_msg(v != NULL, "%s", err);
			ck_assert_uint_gt(vocab_count(v), 0);
			ck_assert_msg(vocab_compile(v, err, sizeof err) == 0, "%s", err);
			same_as_json(v, j);
			vocab_free(v);
		} else {
			rx = vocab_pattern_named(name, 0, err, sizeof err);
			ck_assert_msg(rx != NULL, "%s", err);
			rx_free(rx);
		}
		json_decref(j);
		free(name);
		free(path);
	}
	closedir(d);
	free(dir);
	ck_assert_uint_ge(files, 6);
}
END_TEST

Suite *make_suite_vocab(void);

Suite *
make_suite_vocab(void)
{
	Suite *s = suite_create("vocab");
	TCase *tc = tcase_create("vocab");

	tcase_add_loop_test(tc, test_vocab_shipped, 0, sizeof shipped / sizeof shipped[0]);
	tcase_add_loop_test(tc, test_vocab_lookup, 0, sizeof lookups / sizeof lookups[0]);
	tcase_add_test(tc, test_vocab_ethnicity_groups);
	tcase_add_test(tc, test_vocab_attrs_and_patterns);
	tcase_add_test(tc, test_vocab_attr_kinds);
	tcase_add_test(tc, test_vocab_name_from_file);
	tcase_add_loop_test(tc, test_vocab_bad, 0, sizeof bad / sizeof bad[0]);
	tcase_add_test(tc, test_vocab_bad_pattern_at_use);
	tcase_add_test(tc, test_vocab_missing_file);
	tcase_add_test(tc, test_vocab_case_id);
	tcase_add_test(tc, test_vocab_many);
	tcase_add_test(tc, test_vocab_pattern_memo);
	tcase_add_test(tc, test_vocab_every_shipped_file);
	suite_add_tcase(s, tc);
	return s;
}
