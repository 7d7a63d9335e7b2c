/*
 * test_evidence.c: checking and normalising evidence records (every rule,
 * table-driven), and reading them from CSV and NDJSON with the physical
 * line of each rejected record.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sea/evidence.h"
#include "sea/schedule.h"

static struct schedule *sched;
static struct evidence_reader *rd;

static void
setup(void)
{
	char err[256];

	sched = schedule_load_default(err, sizeof(err));
	ck_assert_msg(sched != NULL, "%s", err);
	rd = evidence_reader_new(sched, err, sizeof(err));
	ck_assert_msg(rd != NULL, "%s", err);
}

static void
teardown(void)
{
	evidence_reader_free(rd);
	schedule_free(sched);
}

/*
 * One record per row: inspector, date, time, source, case_ref, area,
 * judgement, criteria, finding, summary; the first rule broken (NULL: valid)
 * and, when valid, the normalised date, time, criteria and case_ref.
 */
static const struct {
	const char *v[EV_NCONTRACT];
	const char *rule, *field;
	const char *date, *time, *criteria, *case_ref;
} checks[] = {
    {{"HMI A", "2027-01-26", "10:30", "case-file", "CA27004512", "North East", "private-law", "1;7",
      "strength", "Good work."},
     NULL,
     NULL,
     "2027-01-26",
     "10:30",
     "1;7",
     "CA27004512"},
    {{"HMI A", "27/01/2027", "9:05", "Case file", "CA27004512; CA27004513", "", "Private law",
      "9, 1 ;7;7", "Strength", "Good."},
     NULL,
     NULL,
     "2027-01-27",
     "09:05",
     "1;7;9",
     "CA27004512;CA27004513"},
    {{"HMI A", "2027-01-26", "10:30", "audit", "CAF-2027000001; LS24P00123 | 12345678", "",
      "private-law", "1", "concern", "x"},
     NULL,
     NULL,
     "2027-01-26",
     "10:30",
     "1",
     "CAF-2027000001;LS24P00123;12345678"},
    {{"HMI A", "2027-01-26", "", "meeting", "", "", "leadership", "", "improvement", "x"},
     NULL,
     NULL,
     "2027-01-26",
     "",
     "",
     ""},
    {{"HMI A", "2027-01-26", "", "survey", "", "", "public-law", "32", "concern", "x"},
     NULL,
     NULL,
     "2027-01-26",
     "",
     "32",
     ""},
    {{"", "2027-01-26", "", "survey", "", "", "public-law", "32", "concern", "x"},
     "required",
     "inspector",
     NULL,
     NULL,
     NULL,
     NULL},
    {{"HMI A", "2027-01-26", "", "survey", "", "", "public-law", "32", "concern", "  "},
     "required",
     "summary",
     NULL,
     NULL,
     NULL,
     NULL},
    {{"HMI A", "2027-02-31", "", "survey", "", "", "public-law", "32", "concern", "x"},
     "bad-date",
     "date",
     NULL,
     NULL,
     NULL,
     NULL},
    {{"HMI A", "01/13/2027", "", "survey", "", "", "public-law", "32", "concern", "x"},
     "bad-date",
     "date",
     NULL,
     NULL,
     NULL,
     NULL},
    {{"HMI A", "2027-01-26", "25:00", "survey", "", "", "public-law", "32", "concern", "x"},
     "bad-time",
     "time",
     NULL,
     NULL,
     NULL,
     NULL},
    {{"HMI A", "2027-01-26", "", "rumour", "", "", "public-law", "32", "concern", "x"},
     "bad-source",
     "source",
     NULL,
     NULL,
     NULL,
     NULL},
    {{"HMI A", "2027-01-26", "", "audit", "", "", "family-law", "32", "concern", "x"},
     "bad-judgement",
     "judgement",
     NULL,
     NULL,
     NULL,
     NULL},
    {{"HMI A", "2027-01-26", "", "audit", "", "", "public-law", "32", "worry", "x"},
     "bad-finding",
     "finding",
     NULL,
     NULL,
     NULL,
     NULL},
    {{"HMI A", "2027-01-26", "", "audit", "", "", "public-law", "3", "concern", "x"},
     "unknown-criterion",
     "criteria",
     NULL,
     NULL,
     NULL,
     NULL},
    {{"HMI A", "2027-01-26", "", "audit", "", "", "private-law", "15", "concern", "x"},
     "unknown-criterion",
     "criteria",
     NULL,
     NULL,
     NULL,
     NULL},
    {{"HMI A", "2027-01-26", "", "audit", "", "", "leadership", "33", "concern", "x"},
     "unknown-criterion",
     "criteria",
     NULL,
     NULL,
     NULL,
     NULL},
    {{"HMI A", "2027-01-26", "", "audit", "", "", "private-law", "", "concern", "x"},
     "missing-criteria",
     "criteria",
     NULL,
     NULL,
     NULL,
     NULL},
    {{"HMI A", "2027-01-26", "", "audit", "", "", "private-law", "1a", "concern", "x"},
     "bad-criteria",
     "criteria",
     NULL,
     NULL,
     NULL,
     NULL},
};

START_TEST(test_check)
{
	struct evidence_set set;
	struct evidence_record rec;
	const char *v[EV_NKEYS] = {0};
	int k, rc;

	for (k = 0; k < EV_NCONTRACT; k++)
		v[k] = checks[_i].v[k];
	evidence_set_init(&set);
	rc = evidence_check(rd, v, 0, 7, &set, &rec);
	ck_assert_uint_eq(set.nread, 1);
	if (checks[_i].rule == NULL) {
		ck_assert_int_eq(rc, 0);
		ck_assert_uint_eq(set.nrej, 0);
		ck_assert_str_eq(rec.v[EV_DATE], checks[_i].date);
		ck_assert_str_eq(rec.v[EV_TIME], checks[_i].time);
		ck_assert_str_eq(rec.v[EV_CRITERIA], checks[_i].criteria);
		ck_assert_str_eq(rec.v[EV_CASE_REF], checks[_i].case_ref);
		ck_assert_ptr_nonnull(
		    strstr("case-file observation interview meeting document audit survey",
		           rec.v[EV_SOURCE]));
		ck_assert_uint_eq(rec.line, 7);
		evidence_record_free(&rec);
	} else {
		ck_assert_int_eq(rc, -1);
		ck_assert_uint_eq(set.nrejected, 1);
		ck_assert_uint_ge(set.nrej, 1);
		ck_assert_str_eq(set.rej[0].rule, checks[_i].rule);
		ck_assert_str_eq(set.rej[0].field, checks[_i].field);
		ck_assert_uint_eq(set.rej[0].line, 7);
	}
	evidence_set_free(&set);
}
END_TEST

/* Write text to a new temporary file named with suffix. */
static char *
temp_file(const char *text, const char *suffix)
{
	char *path;
	int fd;
	FILE *fp;

	if (asprintf(&path, "/tmp/test_evidence_XXXXXX%s", suffix) < 0)
		ck_abort();
	fd = mkstemps(path, (int)strlen(suffix));
	ck_assert_int_ge(fd, 0);
	fp = fdopen(fd, "w");
	fputs(text, fp);
	fclose(fp);
	return path;
}

START_TEST(test_read_csv)
{
	struct evidence_set set;
	char err[256];
	char *path = temp_file(
	    "\xEF\xBB\xBFInspector,Date,Time,Source,Case ID,Area,Judgement,Criterion,Finding,"
	    "Summary of evidence,Extra\r\n"
	    "HMI A,2027-01-26,10:30,case-file,CA27004512,North East,private-law,1,strength,"
	    "\"Two\nlines, quoted\",x\r\n"
	    "HMI A,2027-01-26,10:30,case-file,CA27004512,North East,private-law,99,strength,y,x\r\n"
	    "\r\n"
	    "HMI A,2027-01-26,10:30,case-file\r\n"
	    "HMI A,2027-01-26,,meeting,,,leadership,,concern,z,x\r\n",
	    ".csv");

	evidence_set_init(&set);
	ck_assert_int_eq(evidence_read(rd, path, 0, &set, err, sizeof(err)), 0);
	ck_assert_uint_eq(set.nfiles, 1);
	ck_assert_str_eq(set.files[0], path);
	ck_assert_uint_eq(set.nread, 4);
	ck_assert_uint_eq(set.nrec, 2);
	ck_assert_str_eq(set.rec[0].v[EV_SUMMARY], "Two\nlines, quoted");
	ck_assert_uint_eq(set.rec[0].line, 2);
	ck_assert_uint_eq(set.rec[1].line, 7);
	ck_assert_uint_eq(set.nrejected, 2);
	ck_assert_str_eq(set.rej[0].rule, "unknown-criterion");
	ck_assert_uint_eq(set.rej[0].line, 4); /* the quoted newline counts */
	ck_assert_str_eq(set.rej[1].rule, "ragged-row");
	ck_assert_uint_eq(set.rej[1].line, 6);
	evidence_set_free(&set);
	unlink(path);
	free(path);
}
END_TEST

START_TEST(test_read_ndjson)
{
	struct evidence_set set;
	char err[256];
	char *path = temp_file(
	    "{\"inspector\": \"HMI B\", \"date\": \"2027-02-02\", \"source\": \"audit\", "
	    "\"judgement\": \"public-law\", \"criteria\": [16, 15], \"finding\": \"concern\", "
	    "\"summary\": \"s\", \"response\": \"r\", \"other\": 1}\n"
	    "\n"
	    "{\"inspector\": \"HMI B\", \"date\": \"2027-02-02\"\n"
	    "[1]\n"
	    "{\"inspector\": \"HMI B\", \"date\": \"2027-02-02\", \"source\": \"audit\", "
	    "\"judgement\": \"public-law\", \"criteria\": 17, \"finding\": \"strength\", "
	    "\"summary\": \"t\"}\r\n"
	    "{\"inspector\": true, \"date\": \"2027-02-02\", \"source\": \"audit\", "
	    "\"judgement\": \"public-law\", \"criteria\": \"17\", \"finding\": \"strength\", "
	    "\"summary\": \"t\"}\n",
	    ".ndjson");

	evidence_set_init(&set);
	ck_assert_int_eq(evidence_read(rd, path, 0, &set, err, sizeof(err)), 0);
	ck_assert_uint_eq(set.nread, 5);
	ck_assert_uint_eq(set.nrec, 2);
	ck_assert_str_eq(set.rec[0].v[EV_CRITERIA], "15;16");
	ck_assert_str_eq(set.rec[0].v[EV_RESPONSE], "r");
	ck_assert_uint_eq(set.rec[1].line, 5);
	ck_assert_str_eq(set.rec[1].v[EV_CRITERIA], "17");
	ck_assert_uint_eq(set.nrej, 3);
	ck_assert_str_eq(set.rej[0].rule, "bad-json");
	ck_assert_uint_eq(set.rej[0].line, 3);
	ck_assert_str_eq(set.rej[1].rule, "bad-json");
	ck_assert_uint_eq(set.rej[1].line, 4);
	ck_assert_str_eq(set.rej[2].rule, "bad-type"); /* true is no inspector name */
	ck_assert_str_eq(set.rej[2].field, "inspector");
	ck_assert_uint_eq(set.rej[2].line, 6);
	evidence_set_free(&set);
	unlink(path);
	free(path);
}
END_TEST

/* Files that cannot be read at all, and the words of their error. */
static const struct {
	const char *text, *suffix, *err;
} fatal[] = {
    {"inspector,date,source,judgement,criteria,finding\nx,2027-01-01,audit,leadership,,strength\n",
     ".csv", "missing column \"Summary\""},
    {"", ".csv", "no header"},
    {"inspector,date,source,judgement,criteria,finding,summary,Inspector name\n", ".csv",
     "repeats"},
};

START_TEST(test_fatal)
{
	struct evidence_set set;
	char err[256];
	char *path = temp_file(fatal[_i].text, fatal[_i].suffix);

	evidence_set_init(&set);
	ck_assert_int_eq(evidence_read(rd, path, 0, &set, err, sizeof(err)), -1);
	ck_assert_msg(strstr(err, fatal[_i].err) != NULL, "error '%s' lacks '%s'", err,
	              fatal[_i].err);
	ck_assert_msg(strncmp(err, path, strlen(path)) == 0, "error '%s' does not name the file",
	              err);
	evidence_set_free(&set);
	unlink(path);
	free(path);
	ck_assert_int_eq(evidence_read(rd, "/nonexistent/e.csv", 0, &set, err, sizeof(err)), -1);
}
END_TEST

Suite *make_suite_evidence(void);

Suite *
make_suite_evidence(void)
{
	Suite *s = suite_create("evidence");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_check, 0, sizeof(checks) / sizeof(checks[0]));
	tcase_add_test(tc, test_read_csv);
	tcase_add_test(tc, test_read_ndjson);
	tcase_add_loop_test(tc, test_fatal, 0, sizeof(fatal) / sizeof(fatal[0]));
	suite_add_tcase(s, tc);
	return s;
}
