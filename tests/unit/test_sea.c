/*
 * test_sea.c: the SEA: merge order independence, exact duplicates merged
 * (and near-duplicates kept), coverage and triangulation, gaps, the
 * concerns register and its responses, redaction counts, and the three
 * output forms; the JSON written read back by the typed reader (seafile).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "redact/redact.h"
#include "sea/evidence.h"
#include "sea/schedule.h"
#include "sea/sea.h"
#include "sea/seafile.h"

static struct schedule *sched;
static struct evidence_reader *rd;
static struct redact *red;

static void
setup(void)
{
	char err[256];

	sched = schedule_load_default(err, sizeof(err));
	ck_assert_msg(sched != NULL, "%s", err);
	rd = evidence_reader_new(sched, err, sizeof(err));
	ck_assert_msg(rd != NULL, "%s", err);
	red = redact_new(err, sizeof(err));
	ck_assert_msg(red != NULL, "%s", err);
	redact_add_person(red, "Sarah Khan");
}

static void
teardown(void)
{
	redact_free(red);
	evidence_reader_free(rd);
	schedule_free(sched);
}

/* inspector, date, time, source, case_ref, area, judgement, criteria, finding, summary, team,
 * response, response_date */
static const char *const records[][EV_NKEYS - 1] = {
    {"HMI A", "2027-01-26", "10:00", "case-file", "CA27004512", "North East", "private-law", "1;7",
     "strength", "Sarah Khan saw the child alone.", "", "", ""},
    {"HMI B", "2027-01-27", "11:00", "observation", "", "North East", "private-law", "1",
     "improvement", "Khan did not explain the plan.", "", "", ""},
    {"HMI B", "2027-01-27", "11:00", "observation", "", "North East", "private-law", "1",
     "improvement", "Khan did not explain the plan.", "", "", ""}, /* an exact duplicate */
    {"HMI C", "2027-01-27", "11:00", "observation", "", "North East", "private-law", "1",
     "improvement", "Khan did not explain the plan.", "", "", ""}, /* another inspector: kept */
    {"HMI C", "2027-01-28", "", "audit", "CA27004513", "Wessex", "public-law", "15", "concern",
     "No safety plan; call 07700 900123.", "Wessex Team 1", "", ""},
    {"HMI C", "2027-01-29", "", "audit", "CA27004514", "Wessex", "public-law", "16", "concern",
     "Risk not assessed.", "", "", ""},
    {"HMI D", "2027-02-03", "", "document", "CA27004513", "", "public-law", "15", "improvement",
     "Cafcass replied about the safety plan.", "", "A safety plan is now in place.", "2027-02-02"},
    {"HMI D", "2027-02-03", "", "meeting", "", "", "leadership", "", "strength", "Clear vision.",
     "", "", ""},
};
#define NRECORDS (sizeof(records) / sizeof(records[0]))

/* Build an SEA from the records in the given order. */
static struct sea *
build(const size_t *order)
{
	struct evidence_set set;
	struct evidence_record rec;
	const char *v[EV_NKEYS] = {0};
	size_t i;
	int k;

	evidence_set_init(&set);
	for (i = 0; i < NRECORDS; i++) {
		for (k = 0; k < EV_NKEYS - 1; k++)
			v[k] = records[order[i]][k];
		ck_assert_int_eq(evidence_check(rd, v, 0, order[i] + 2, &set, &rec), 0);
		set.rec = realloc(set.rec, (set.nrec + 1) * sizeof(rec));
		set.rec[set.nrec++] = rec;
	}
	set.files = malloc(sizeof(char *));
	set.files[0] = strdup("team.csv");
	set.nfiles = 1;
	return sea_build(sched, red, &set);
}

/*
 * The SEA written with fn into a new string. Not inlined: at -O3, GCC 12
 * takes the address of buf that open_memstream() keeps for a dangling
 * pointer in the caller (-Wdangling-pointer, a false alarm).
 */
static __attribute__((noinline)) char *
written(const struct sea *s, int (*fn)(const struct sea *, FILE *))
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	ck_assert_int_eq(fn(s, fp), 0);
	fclose(fp);
	return buf;
}

static const size_t forward[NRECORDS] = {0, 1, 2, 3, 4, 5, 6, 7};
static const size_t backward[NRECORDS] = {7, 6, 5, 4, 3, 2, 1, 0};
static const size_t shuffled[NRECORDS] = {3, 6, 0, 2, 7, 5, 1, 4};

START_TEST(test_order_independent)
{
	static const size_t *const orders[] = {backward, shuffled};
	struct sea *a = build(forward), *b = build(orders[_i]);
	int (*const fns[])(const struct sea *, FILE *) = {sea_write_json, sea_write_csv,
	                                                  sea_write_md};
	size_t f;

	for (f = 0; f < 3; f++) {
		char *x = written(a, fns[f]), *y = written(b, fns[f]);

		ck_assert_str_eq(x, y);
		free(x);
		free(y);
	}
	sea_free(a);
	sea_free(b);
}
END_TEST

START_TEST(test_merge_and_counts)
{
	struct sea *s = build(forward);

	ck_assert_uint_eq(sea_entries(s), NRECORDS - 1);
	ck_assert_uint_eq(sea_duplicates(s), 1);
	ck_assert_uint_eq(sea_gaps(s), 32 - 4); /* 1, 7, 15, 16 have evidence */
	ck_assert_uint_eq(sea_covered(s, 0), 3);
	ck_assert_uint_eq(sea_covered(s, 6), 1);
	ck_assert_uint_eq(sea_covered(s, 1), 0);
	ck_assert_uint_eq(sea_concerns(s), 2);
	ck_assert_uint_eq(sea_awaiting(s), 1);
	ck_assert_uint_eq(sea_redactions(s), 4); /* the full name, two surnames, a phone */
	sea_free(s);
}
END_TEST

START_TEST(test_json)
{
	struct sea *s = build(shuffled);
	char *text = written(s, sea_write_json);
	json_error_t je;
	json_t *root = json_loads(text, 0, &je), *cov, *c1, *conc, *e;
	size_t i;

	ck_assert_msg(root != NULL, "%s", je.text);
	ck_assert_ptr_null(strstr(text, "Khan"));
	ck_assert_ptr_null(strstr(text, "07700"));
	cov = json_object_get(root, "coverage");
	ck_assert_uint_eq(json_array_size(cov), 32);
	c1 = json_array_get(cov, 0);
	ck_assert_int_eq(json_integer_value(json_object_get(c1, "criterion")), 1);
	ck_assert_int_eq(json_integer_value(json_object_get(c1, "entries")), 3);
	ck_assert_int_eq(json_integer_value(json_object_get(c1, "strengths")), 1);
	ck_assert_int_eq(json_integer_value(json_object_get(c1, "improvements")), 2);
	ck_assert_int_eq(json_integer_value(json_object_get(c1, "source_types")), 2);
	ck_assert(json_is_true(json_object_get(c1, "triangulated")));
	ck_assert(json_is_false(json_object_get(json_array_get(cov, 6), "triangulated")));
	ck_assert_uint_eq(json_array_size(json_object_get(root, "gaps")), 28);
	ck_assert_int_eq(json_integer_value(json_object_get(
	                     json_array_get(json_object_get(root, "gaps"), 0), "criterion")),
	                 2);
	conc = json_object_get(root, "concerns");
	ck_assert_uint_eq(json_array_size(conc), 2);
	e = json_array_get(conc, 0);
	ck_assert_str_eq(json_string_value(json_object_get(e, "case")), "CA27004513");
	ck_assert_str_eq(json_string_value(json_object_get(e, "team")), "Wessex Team 1");
	ck_assert_str_eq(json_string_value(json_object_get(e, "issue")),
	                 "No safety plan; call [phone].");
	ck_assert(json_is_true(json_object_get(e, "responded")));
	ck_assert_str_eq(json_string_value(json_object_get(e, "response")),
	                 "A safety plan is now in place.");
	ck_assert_str_eq(json_string_value(json_object_get(e, "response_date")), "2027-02-02");
	e = json_array_get(conc, 1);
	ck_assert(json_is_false(json_object_get(e, "responded")));
	ck_assert(json_is_null(json_object_get(e, "response")));
	ck_assert(json_is_null(json_object_get(e, "team")));
	ck_assert_int_eq(
	    json_integer_value(json_object_get(json_object_get(root, "redactions"), "name")), 3);
	ck_assert_int_eq(
	    json_integer_value(json_object_get(json_object_get(root, "redactions"), "phone")), 1);
	/* the merged duplicate keeps both origins */
	json_array_foreach(
	    json_object_get(root, "entries"), i,
	    e) if (strcmp(json_string_value(json_object_get(e, "inspector")), "HMI B") == 0)
	    ck_assert_uint_eq(json_array_size(json_object_get(e, "from")), 2);
	json_decref(root);
	free(text);
	sea_free(s);
}
END_TEST

START_TEST(test_csv_and_md)
{
	struct sea *s = build(forward);
	char *csv = written(s, sea_write_csv), *md = written(s, sea_write_md);

	ck_assert_ptr_nonnull(
	    strstr(csv, "inspector,date,time,source,case_ref,service_area,judgement,criteria,"
	                "finding,summary,team,response,response_date,view\n"));
	ck_assert_ptr_nonnull(
	    strstr(csv, "HMI A,2027-01-26,10:00,case-file,CA27004512,North East,private-law,1;7,"
	                "strength,[name] saw the child alone.,,,,\n"));
	ck_assert_ptr_null(strstr(csv, "Khan"));
	ck_assert_ptr_nonnull(strstr(md, "# Summary of evidence and analysis"));
	ck_assert_ptr_nonnull(strstr(
	    md, "| Private law | 1 | Welfare safeguarded and promoted / best interests | 3 | "
	        "1 | 2 | 0 | 2 | 1 | yes |"));
	ck_assert_ptr_nonnull(
	    strstr(md, "- Private law 2: Advice and recommendations to the court"));
	ck_assert_ptr_nonnull(strstr(md, "**awaiting response**"));
	ck_assert_ptr_nonnull(strstr(md, "### Leadership: no criterion"));
	ck_assert_ptr_null(strstr(md, "Khan"));
	free(csv);
	free(md);
	sea_free(s);
}
END_TEST

/* What sea_write_json() writes, seafile_read() reads back: counts and fields. */
START_TEST(test_seafile_round_trip)
{
	struct sea *sea = build(forward);
	char *text = written(sea, sea_write_json), err[256];
	json_t *doc = json_loads(text, 0, NULL);
	struct seafile sf;
	size_t i, awaiting = 0;

	ck_assert_ptr_nonnull(doc);
	ck_assert_msg(seafile_read(doc, &sf, err, sizeof err) == 0, "%s", err);
	ck_assert_uint_eq(sf.nentries, sea_entries(sea));
	ck_assert_uint_eq(sf.ngaps, sea_gaps(sea));
	ck_assert_uint_eq(sf.nconcerns, sea_concerns(sea));
	ck_assert_uint_eq(sf.njudgements, 3);
	ck_assert_uint_gt(sf.ncoverage, 0);
	ck_assert_uint_eq(sf.nrejected, 0);
	ck_assert_ptr_nonnull(sf.schedule);
	for (i = 0; i < sf.nconcerns; i++)
		awaiting += !sf.concerns[i].responded;
	ck_assert_uint_eq(awaiting, sea_awaiting(sea));
	for (i = 0; i < sf.nentries; i++) {
		ck_assert_ptr_nonnull(sf.entries[i].summary);
		ck_assert_ptr_null(strstr(sf.entries[i].summary, "Sarah Khan")); /* redacted */
		if (strcmp(sf.entries[i].summary, "[name] saw the child alone.") == 0) {
			ck_assert_str_eq(sf.entries[i].case_ref, "CA27004512");
			ck_assert_uint_eq(sf.entries[i].ncriteria, 2);
			ck_assert_int_eq(sf.entries[i].criteria[1], 7);
			ck_assert_str_eq(sf.entries[i].service_area, "North East");
		}
	}
	for (i = 0; i < sf.ncoverage; i++)
		if (sf.coverage[i].criterion == 1 &&
		    strcmp(sf.coverage[i].judgement, "private-law") == 0)
			ck_assert_int_eq(sf.coverage[i].triangulated, 1);
	seafile_free(&sf);
	json_decref(doc);
	free(text);
	sea_free(sea);
}
END_TEST

/* A malformed SEA is refused naming where, never the value. */
START_TEST(test_seafile_refuses_by_key)
{
	static const struct {
		const char *json, *where;
	} bad[] = {
	    {"[]", "expected the JSON object"},
	    {"{\"coverage\": []}", "entries: expected an array"},
	    {"{\"entries\": [{\"judgement\": \"x\", \"finding\": \"strength\", \"source\": "
	     "\"audit\", \"summary\": 7}], \"coverage\": []}",
	     "entries[0].summary: expected a string"},
	    {"{\"entries\": [], \"coverage\": [{\"judgement\": \"Jane Zebedee\"}]}",
	     "coverage[0].criterion: required"},
	    {"{\"entries\": [{\"judgement\": \"x\", \"finding\": \"s\", \"source\": null, "
	     "\"summary\": \"s\", \"criteria\": [\"Jane\"]}], \"coverage\": []}",
	     "entries[0].criteria: expected a list of integers"},
	};
	struct seafile sf;
	char err[256];
	json_t *doc;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		doc = json_loads(bad[i].json, 0, NULL);
		ck_assert_ptr_nonnull(doc);
		ck_assert_int_eq(seafile_read(doc, &sf, err, sizeof err), -1);
		ck_assert_msg(strstr(err, bad[i].where) != NULL, "[%zu] %s", i, err);
		ck_assert_ptr_null(strstr(err, "Jane"));
		ck_assert_uint_eq(sf.nentries, 0);
		json_decref(doc);
	}
}
END_TEST

/*
 * Every byte JSON must escape, at every offset of a word, is written as
 * Jansson reads it back; entries that differ only in inspector or summary
 * come out in strcmp order of those values.
 */
START_TEST(test_json_strings_and_order)
{
	static const char *const inspectors[] = {"b", "a", "B", "ab", "a b", "\xC3\xA9"};
	struct evidence_set set;
	struct evidence_record rec;
	const char *v[EV_NKEYS] = {0};
	char summary[64][40];
	size_t i, n = 0, k;
	json_t *root, *entries;
	char *json;
	struct sea *s;

	evidence_set_init(&set);
	for (i = 0; i < 64; i++) {
		size_t at = i % 17;

		memset(summary[i], 'o', 24);
		summary[i][24] = '\0';
		summary[i][at] = i < 31 ? (char)(i + 1) : i < 40 ? '"' : i < 50 ? '\\' : '\xC3';
		if (summary[i][at] == '\xC3')
			summary[i][at + 1] = '\xA9';
		v[EV_INSPECTOR] = inspectors[i % 6];
		v[EV_DATE] = "2027-01-20";
		v[EV_SOURCE] = "audit";
		v[EV_JUDGEMENT] = "leadership";
		v[EV_FINDING] = "strength";
		v[EV_SUMMARY] = summary[i];
		if (summary[i][0] == ' ' || summary[i][0] == '\t' || summary[i][0] == '\n' ||
		    summary[i][0] == '\r' || summary[i][0] == '\v' || summary[i][0] == '\f')
			continue; /* trimmed when read */
		ck_assert_int_eq(evidence_check(rd, v, 0, i + 2, &set, &rec), 0);
		set.rec = realloc(set.rec, (set.nrec + 1) * sizeof(rec));
		set.rec[set.nrec++] = rec;
		n++;
	}
	set.files = malloc(sizeof(char *));
	set.files[0] = strdup("strings.csv");
	set.nfiles = 1;
	s = sea_build(sched, NULL, &set);
	json = written(s, sea_write_json);
	root = json_loads(json, 0, NULL);
	ck_assert_ptr_nonnull(root);
	entries = json_object_get(root, "entries");
	ck_assert_uint_eq(json_array_size(entries), n);
	for (i = 0; i < n; i++) {
		json_t *e = json_array_get(entries, i);
		const char *got = json_string_value(json_object_get(e, "summary"));
		long line = (long)json_integer_value(
		    json_object_get(json_array_get(json_object_get(e, "from"), 0), "line"));

		ck_assert_ptr_nonnull(got);
		ck_assert_str_eq(got, summary[line - 2]);
		if (i > 0) {
			json_t *p = json_array_get(entries, i - 1);
			int c = strcmp(json_string_value(json_object_get(p, "inspector")),
			               json_string_value(json_object_get(e, "inspector")));

			ck_assert_int_le(c, 0);
			if (c == 0)
				ck_assert_int_lt(
				    strcmp(json_string_value(json_object_get(p, "summary")), got),
				    0);
		}
	}
	for (k = 0; k < 6; k++)
		ck_assert_ptr_nonnull(strstr(json, inspectors[k]));
	json_decref(root);
	free(json);
	sea_free(s);
}
END_TEST

Suite *make_suite_sea(void);

Suite *
make_suite_sea(void)
{
	Suite *s = suite_create("sea");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_order_independent, 0, 2);
	tcase_add_test(tc, test_merge_and_counts);
	tcase_add_test(tc, test_json);
	tcase_add_test(tc, test_json_strings_and_order);
	tcase_add_test(tc, test_csv_and_md);
	tcase_add_test(tc, test_seafile_round_trip);
	tcase_add_test(tc, test_seafile_refuses_by_key);
	suite_add_tcase(s, tc);
	return s;
}
