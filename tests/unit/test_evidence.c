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

#include "core/strbuf.h"
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
		ck_assert_str_eq(evidence_value(&set, &rec, EV_DATE), checks[_i].date);
		ck_assert_str_eq(evidence_value(&set, &rec, EV_TIME), checks[_i].time);
		ck_assert_str_eq(evidence_value(&set, &rec, EV_CRITERIA), checks[_i].criteria);
		ck_assert_str_eq(evidence_value(&set, &rec, EV_CASE_REF), checks[_i].case_ref);
		ck_assert_ptr_nonnull(
		    strstr("case-file observation interview meeting document audit survey",
		           evidence_value(&set, &rec, EV_SOURCE)));
		ck_assert_uint_eq(rec.line, 7);
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
	ck_assert_str_eq(evidence_value(&set, &set.rec[0], EV_SUMMARY), "Two\nlines, quoted");
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
	ck_assert_str_eq(evidence_value(&set, &set.rec[0], EV_CRITERIA), "15;16");
	ck_assert_str_eq(evidence_value(&set, &set.rec[0], EV_RESPONSE), "r");
	ck_assert_uint_eq(set.rec[1].line, 5);
	ck_assert_str_eq(evidence_value(&set, &set.rec[1], EV_CRITERIA), "17");
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

/*
 * The records' values: a value several records share is kept once (the
 * same string), every key reads back as written (trimmed, normalised),
 * free text replaced stays the record's own, and the ranks of the values
 * order them as strcmp does.
 */
START_TEST(test_values_shared)
{
	struct evidence_set set;
	char err[256];
	char *path = temp_file(
	    "inspector,date,time,source,case_ref,service_area,judgement,criteria,finding,summary,"
	    "team,response,response_date,view\n"
	    "HMI A, 26/01/2027 ,9:05,Case File,CA1 ; CA2,North,private-law,9; 1,strength,one,"
	    "Team 1,resp,2027-01-27,said\n"
	    "HMI A,2027-01-26,09:05,case-file,,North,private-law,1 ;9,improvement,two,,,,\n"
	    "HMI B,2027-01-25,,audit,CA3,,leadership,,concern,three,,,,\n",
	    ".csv");
	static const char *const want[3][EV_NKEYS] = {
	    {"HMI A", "2027-01-26", "09:05", "case-file", "CA1;CA2", "North", "private-law", "1;9",
	     "strength", "one", "Team 1", "resp", "2027-01-27", "said"},
	    {"HMI A", "2027-01-26", "09:05", "case-file", "", "North", "private-law", "1;9",
	     "improvement", "two", "", "", "", ""},
	    {"HMI B", "2027-01-25", "", "audit", "CA3", "", "leadership", "", "concern", "three",
	     "", "", "", ""},
	};
	uint32_t *rank;
	size_t i, n, nc;
	const long *crit;
	int k;

	evidence_set_init(&set);
	ck_assert_int_eq(evidence_read(rd, path, 0, &set, err, sizeof(err)), 0);
	ck_assert_uint_eq(set.nrec, 3);
	for (i = 0; i < 3; i++)
		for (k = 0; k < EV_NKEYS; k++)
			ck_assert_str_eq(evidence_value(&set, &set.rec[i], k), want[i][k]);
	ck_assert_ptr_eq(evidence_value(&set, &set.rec[0], EV_DATE),
	                 evidence_value(&set, &set.rec[1], EV_DATE));
	ck_assert_ptr_eq(evidence_value(&set, &set.rec[0], EV_CRITERIA),
	                 evidence_value(&set, &set.rec[1], EV_CRITERIA));
	crit = evidence_criteria(&set, &set.rec[1], &nc);
	ck_assert_uint_eq(nc, 2);
	ck_assert_int_eq(crit[0], 1);
	ck_assert_int_eq(crit[1], 9);
	(void)evidence_criteria(&set, &set.rec[2], &nc);
	ck_assert_uint_eq(nc, 0);
	evidence_replace(&set, &set.rec[0], EV_SUMMARY, "[name] one");
	evidence_replace(&set, &set.rec[0], EV_VIEW, "");
	for (k = 0; k < EV_NKEYS; k++)
		ck_assert_str_eq(evidence_value(&set, &set.rec[0], k), k == EV_SUMMARY
		                                                           ? "[name] one"
		                                                       : k == EV_VIEW ? ""
		                                                                      : want[0][k]);
	n = evidence_ranks(&set, &rank);
	ck_assert_uint_ge(n, 10);
	for (i = 0; i < n; i++)
		for (k = 0; (size_t)k < n; k++) {
			int c = strcmp(evidence_shared(&set, (uint32_t)i),
			               evidence_shared(&set, (uint32_t)k));

			ck_assert_int_eq(c < 0, rank[i] < rank[k]);
			ck_assert_int_eq(c == 0, rank[i] == rank[k]);
		}
	free(rank);
	evidence_set_free(&set);
	unlink(path);
	free(path);
}
END_TEST

/*
 * The file is read as a stream: NDJSON is told by its first byte after a
 * byte order mark and more white space than one read brings, a CSV after
 * a byte order mark keeps its first header, and a file beyond the limit
 * is refused by its size before it is read.
 */
START_TEST(test_stream_start)
{
	struct evidence_set set;
	struct strbuf sb;
	char err[256], *path;
	FILE *fp;
	size_t i;

	strbuf_init(&sb);
	strbuf_adds(&sb, "\xEF\xBB\xBF");
	for (i = 0; i < 10000; i++)
		strbuf_adds(&sb, i % 50 ? " " : "\r\n");
	strbuf_adds(&sb, "{\"inspector\": \"HMI B\", \"date\": \"2027-02-02\", \"source\": "
	                 "\"audit\", \"judgement\": \"leadership\", \"finding\": \"concern\", "
	                 "\"summary\": \"s\"}\n");
	path = temp_file(sb.buf, ".txt");
	evidence_set_init(&set);
	ck_assert_int_eq(evidence_read(rd, path, 0, &set, err, sizeof(err)), 0);
	ck_assert_uint_eq(set.nrec, 1);
	ck_assert_uint_eq(set.rec[0].line, 201);
	evidence_set_free(&set);
	unlink(path);
	free(path);
	path = temp_file("\xEF\xBB\xBFinspector,date,source,judgement,criteria,finding,summary\n"
	                 "HMI C,2027-01-02,audit,leadership,,strength,ok\n",
	                 ".csv");
	evidence_set_init(&set);
	ck_assert_int_eq(evidence_read(rd, path, 0, &set, err, sizeof(err)), 0);
	ck_assert_uint_eq(set.nrec, 1);
	ck_assert_str_eq(evidence_value(&set, &set.rec[0], EV_INSPECTOR), "HMI C");
	evidence_set_free(&set);
	fp = fopen(path, "r+");
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(ftruncate(fileno(fp), (off_t)EVIDENCE_MAX_INPUT + 1), 0);
	fclose(fp);
	evidence_set_init(&set);
	ck_assert_int_eq(evidence_read(rd, path, 0, &set, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "larger than the 128 MB limit"));
	ck_assert_uint_eq(set.nread, 0);
	evidence_set_free(&set);
	unlink(path);
	free(path);
	strbuf_free(&sb);
}
END_TEST

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
	tcase_add_test(tc, test_values_shared);
	tcase_add_test(tc, test_stream_start);
	tcase_add_loop_test(tc, test_fatal, 0, sizeof(fatal) / sizeof(fatal[0]));
	suite_add_tcase(s, tc);
	return s;
}
