/*
 * test_schedule.c: the evaluation schedule data (Annex E) and its loader:
 * criterion numbers per judgement, titles of criteria that appear in
 * several rows, and the errors of malformed schedule files.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sea/schedule.h"

/* Write text to a new temporary file; the caller removes it. */
static char *
temp_file(const char *text)
{
	char *path = strdup("/tmp/test_schedule_XXXXXX");
	int fd = mkstemp(path);
	FILE *fp;

	ck_assert_int_ge(fd, 0);
	fp = fdopen(fd, "w");
	fputs(text, fp);
	fclose(fp);
	return path;
}

START_TEST(test_default_schedule)
{
	char err[256];
	struct schedule *s = schedule_load_default(err, sizeof(err));
	size_t i;

	ck_assert_msg(s != NULL, "%s", err);
	ck_assert_str_eq(schedule_name(s), "handbook-2014");
	ck_assert_uint_eq(schedule_count(s), 32);
	ck_assert_uint_eq(schedule_judgement_count(s, "private-law"), 14);
	ck_assert_uint_eq(schedule_judgement_count(s, "public-law"), 18);
	ck_assert_uint_eq(schedule_judgement_count(s, "leadership"), 0);
	ck_assert_uint_eq(schedule_njudgements(s), 3);
	ck_assert_str_eq(schedule_judgement(s, 2), "leadership");
	ck_assert_int_eq(schedule_judgement_index(s, "public-law"), 1);
	ck_assert_int_eq(schedule_judgement_index(s, "nope"), -1);
	for (i = 0; i < 32; i++) {
		const struct schedule_criterion *c = schedule_get(s, i);

		ck_assert_int_eq(c->number, (long)i + 1);
		ck_assert_str_eq(c->judgement, i < 14 ? "private-law" : "public-law");
		ck_assert_uint_ge(c->ntitles, 1);
	}
	ck_assert_ptr_null(schedule_get(s, 32));
	ck_assert_int_eq(schedule_find(s, "private-law", 14), 13);
	ck_assert_int_eq(schedule_find(s, "private-law", 15), -1);
	ck_assert_int_eq(schedule_find(s, "public-law", 15), 14);
	ck_assert_int_eq(schedule_find(s, NULL, 32), 31);
	ck_assert_int_eq(schedule_find(s, NULL, 33), -1);
	schedule_free(s);
}
END_TEST

/* Criteria in several rows of Annex E carry each row's title. */
static const struct {
	long number;
	size_t ntitles;
	const char *first, *joined;
} titled[] = {
    {1, 1, "Welfare safeguarded and promoted / best interests", NULL},
    {7, 2, "Welfare safeguarded and promoted / best interests",
     "Welfare safeguarded and promoted / best interests; Assessment \xE2\x80\x93 children and "
     "young "
     "people seen and seen alone"},
    {13, 1, "Case recording", "Case recording"},
    {20, 2, "Avoids delay", NULL},
    {29, 2, "Added value", "Added value; Reports, analysis, recommendations flow from the body"},
    {32, 1, "Consultation with independent reviewing officers during at the end", NULL},
};

START_TEST(test_titles)
{
	char err[256];
	struct schedule *s = schedule_load_default(err, sizeof(err));
	const struct schedule_criterion *c;

	ck_assert_msg(s != NULL, "%s", err);
	c = schedule_get(s, (size_t)schedule_find(s, NULL, titled[_i].number));
	ck_assert_uint_eq(c->ntitles, titled[_i].ntitles);
	ck_assert_str_eq(c->titles[0], titled[_i].first);
	if (titled[_i].joined != NULL)
		ck_assert_str_eq(c->title, titled[_i].joined);
	schedule_free(s);
}
END_TEST

/* Malformed schedules and the words their error must hold. */
static const struct {
	const char *json, *err;
} bad[] = {
    {"{\"judgements\": [{\"id\": \"x\"}], \"criteria\": [{\"number\": 1, \"judgement\": \"y\", "
     "\"titles\": [\"t\"]}]}",
     "unknown \"judgement\""},
    {"{\"judgements\": [{\"id\": \"x\"}], \"criteria\": [{\"number\": 1, \"judgement\": \"x\", "
     "\"titles\": [\"t\"]}, {\"number\": 1, \"judgement\": \"x\", \"titles\": [\"u\"]}]}",
     "listed twice"},
    {"{\"judgements\": [{\"id\": \"x\"}], \"criteria\": [{\"number\": 0, \"judgement\": \"x\", "
     "\"titles\": [\"t\"]}]}",
     "positive integer"},
    {"{\"judgements\": [{\"id\": \"x\"}], \"criteria\": [{\"number\": 2, \"judgement\": \"x\"}]}",
     "titles"},
    {"{\"judgements\": [], \"criteria\": []}", "non-empty"},
    {"{\"judgements\": [{\"id\": \"x\"}],\n \"criteria\": [,]}", ":2:"},
    {"[1, 2]", "JSON object"},
};

START_TEST(test_bad_schedules)
{
	char err[256];
	char *path = temp_file(bad[_i].json);
	struct schedule *s = schedule_load(path, err, sizeof(err));

	ck_assert_ptr_null(s);
	ck_assert_msg(strstr(err, bad[_i].err) != NULL, "error '%s' lacks '%s'", err, bad[_i].err);
	ck_assert_msg(strncmp(err, path, strlen(path)) == 0, "error '%s' does not name the file",
	              err);
	unlink(path);
	free(path);
}
END_TEST

START_TEST(test_custom_schedule)
{
	char err[256];
	char *path = temp_file(
	    "{\"name\": \"with-leadership\", \"judgements\": [{\"id\": \"leadership\", "
	    "\"title\": \"L\"}], \"criteria\": [{\"number\": 34, \"judgement\": "
	    "\"leadership\", \"title\": \"Supervision\"}, {\"number\": 33, \"judgement\": "
	    "\"leadership\", \"titles\": [\"Vision\"]}]}");
	struct schedule *s = schedule_load(path, err, sizeof(err));

	ck_assert_msg(s != NULL, "%s", err);
	ck_assert_str_eq(schedule_name(s), "with-leadership");
	ck_assert_uint_eq(schedule_count(s), 2);
	ck_assert_int_eq(schedule_get(s, 0)->number, 33); /* sorted by number */
	ck_assert_str_eq(schedule_get(s, 1)->title, "Supervision");
	ck_assert_str_eq(schedule_judgement_title(s, 0), "L");
	schedule_free(s);
	unlink(path);
	free(path);
}
END_TEST

/* --schedule: a shipped name, the old name and the old file as aliases, nothing else. */
START_TEST(test_schedule_open)
{
	static const struct {
		const char *arg, *name; /* name NULL: refused */
	} cases[] = {
	    {"handbook-2014", "handbook-2014"},
	    {"ofsted-2021", "handbook-2014"},
	    {"/nowhere/share/cafcass-inspect/schedule/ofsted-2021.json", "handbook-2014"},
	    {"framework-2021", NULL}, /* no source gives its criteria: no schedule */
	    {"/nowhere/handbook-2015.json", NULL},
	    {"nosuch", NULL},
	};
	char err[256];
	size_t i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct schedule *s = schedule_open(cases[i].arg, err, sizeof(err));

		if (cases[i].name == NULL) {
			ck_assert_msg(s == NULL, "%s: loaded", cases[i].arg);
			continue;
		}
		ck_assert_msg(s != NULL, "%s: %s", cases[i].arg, err);
		ck_assert_str_eq(schedule_name(s), cases[i].name);
		ck_assert_str_eq(schedule_judgement_title(s, 2),
		                 "The leadership and governance of the national organisation; "
		                 "the leadership and management of local services");
		schedule_free(s);
	}
}
END_TEST

Suite *make_suite_schedule(void);

Suite *
make_suite_schedule(void)
{
	Suite *s = suite_create("schedule");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_default_schedule);
	tcase_add_loop_test(tc, test_titles, 0, sizeof(titled) / sizeof(titled[0]));
	tcase_add_loop_test(tc, test_bad_schedules, 0, sizeof(bad) / sizeof(bad[0]));
	tcase_add_test(tc, test_custom_schedule);
	tcase_add_test(tc, test_schedule_open);
	suite_add_tcase(s, tc);
	return s;
}
