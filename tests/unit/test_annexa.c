/*
 * test_annexa.c: the Annex A rules on small extracts held in memory: each
 * rule on the exact line (records after a multi-line field included), the
 * counts of the summary and the national sample's feasibility.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annexa/annexa.h"
#include "annexa/idform.h"
#include "core/csvio.h"

#define HDR                                                                                        \
	"Case ID,Case name,Gender,Ethnicity,Disability (Y/N),Date of birth,Lead application,"      \
	"Law type,Case type,Practitioner,Team,Service area,Local authority (Public law),Court,"    \
	"File location\n"
#define GOOD(id)                                                                                   \
	"CA0000000" id                                                                             \
	",Re A (A Child),female,White,N,01/02/2015,C100,Private,s7,P,T,Wessex,,Court,\n"
/* Lines 2-4: a good row and a record whose case name spans two lines. */
#define BASE                                                                                       \
	HDR GOOD("1") "CA00000002,\"Re "                                                           \
	              "B\n(Children)\",male,White,N,2013-03-04,C1,Private,s7,P,T,Wessex,,C,\n"

struct got {
	unsigned long line;
	char column[64];
	enum annexa_rule rule;
	char message[256];
};

struct collect {
	size_t n;
	struct got f[32];
};

/* Keep every finding but sample-shortfall (tested apart). */
static void
collect(void *arg, const struct annexa_finding *f)
{
	struct collect *c = arg;

	if (f->rule == ANNEXA_SAMPLE_SHORTFALL || c->n == 32)
		return;
	c->f[c->n].line = f->line;
	snprintf(c->f[c->n].column, sizeof c->f[c->n].column, "%s", f->column ? f->column : "");
	c->f[c->n].rule = f->rule;
	snprintf(c->f[c->n].message, sizeof c->f[c->n].message, "%s", f->message);
	c->n++;
}

/* Check text as an extract with as_of 2027-01-15; the checker is returned. */
static struct annexa *
run(const char *text, unsigned flags, struct collect *c)
{
	struct annexa_config cfg = {0, flags, NULL, NULL};
	struct annexa *a;
	char err[256];
	FILE *fp;

	ck_assert_int_eq(dates_parse("2027-01-15", &cfg.as_of), 0);
	a = annexa_new(&cfg, err, sizeof err);
	ck_assert_msg(a != NULL, "%s", err);
	memset(c, 0, sizeof *c);
	fp = fmemopen((void *)text, strlen(text), "r");
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(annexa_check(a, fp, "t.csv", collect, c, err, sizeof err), 0);
	annexa_finish(a, collect, c);
	fclose(fp);
	return a;
}

static const struct {
	const char *name;
	const char *csv;
	unsigned long line;
	const char *column;
	enum annexa_rule rule;
	const char *message; /* a part of it */
} rule_cases[] = {
    {"required", BASE "CA00000005,Re C,female,White,N,01/02/2015,C1,Private,s7,P,,Wessex,,C,\n", 5,
     "Team", ANNEXA_REQUIRED, "blank"},
    {"duplicate-id", BASE GOOD("1"), 5, "Case ID", ANNEXA_DUPLICATE_ID, "line 2"},
    {"case-conflict, the Case ID in lower case",
     BASE "ca00000001,Re C,female,White,N,01/02/2015,C1,Private,s7,P,T,Wessex,,C,\n", 5, "Court",
     ANNEXA_CASE_CONFLICT, "line 2"},
    {"a sibling: another child of case 1, no finding",
     BASE "CA00000001,Re A (A Child),male,White,N,01/02/2017,C100,Private,s7,P,T,Wessex,,Court,\n",
     0, "", ANNEXA_NRULES, NULL},
    {"bad-date", BASE "CA00000005,Re C,female,White,N,31/02/2015,C1,Private,s7,P,T,Wessex,,C,\n", 5,
     "Date of birth", ANNEXA_BAD_DATE, "not a valid date"},
    {"dob-future", BASE "CA00000005,Re C,female,White,N,16/01/2027,C1,Private,s7,P,T,Wessex,,C,\n",
     5, "Date of birth", ANNEXA_DOB_FUTURE, "2027-01-15"},
    {"age-out-of-range",
     BASE "CA00000005,Re C,female,White,N,2009-01-15,C1,Private,s7,P,T,Wessex,,C,\n", 5,
     "Date of birth", ANNEXA_AGE_OUT_OF_RANGE, "18"},
    {"enum gender",
     BASE "CA00000005,Re C,girlish,White,N,01/02/2015,C1,Private,s7,P,T,Wessex,,C,\n", 5, "Gender",
     ANNEXA_ENUM, "female, male"},
    {"enum disability",
     BASE "CA00000005,Re C,f,White,maybe,01/02/2015,C1,Private,s7,P,T,Wessex,,C,\n", 5,
     "Disability (Y/N)", ANNEXA_ENUM, "Y, N"},
    {"enum law type", BASE "CA00000005,Re C,f,White,N,01/02/2015,C1,Civil,s7,P,T,Wessex,,C,\n", 5,
     "Law type", ANNEXA_ENUM, "Private, Public"},
    {"unknown-case-type",
     BASE "CA00000005,Re C,f,White,N,01/02/2015,C1,Private,custody,P,T,Wessex,,C,\n", 5,
     "Case type", ANNEXA_UNKNOWN_CASE_TYPE, "\"custody\""},
    {"law-type-mismatch",
     BASE "CA00000005,Re C,f,White,N,01/02/2015,C1,Private,s31,P,T,Wessex,Kent,C,\n", 5, "Law type",
     ANNEXA_LAW_TYPE_MISMATCH, "s31 is public"},
    {"public-law-needs-la",
     BASE "CA00000005,Re C,f,White,N,01/02/2015,C1,Public,s31,P,T,Wessex,,C,\n", 5,
     "Local authority (Public law)", ANNEXA_PUBLIC_LAW_NEEDS_LA, "no local authority"},
    {"identifying-case-name",
     BASE "CA00000005,THOMPSON Sarah,f,White,N,01/02/2015,C1,Private,s7,P,T,Wessex,,C,\n", 5,
     "Case name", ANNEXA_IDENTIFYING_CASE_NAME, "full name"},
    {"a Case ID of another shape, no one form in 4: no finding",
     BASE "X5,Re C,f,White,N,01/02/2015,C1,Private,s7,P,T,Wessex,,C,\n", 0, "", ANNEXA_NRULES,
     NULL},
    {"ragged-row", BASE "CA00000005,Re C,f\n", 5, "", ANNEXA_RAGGED_ROW, "3 fields"},
    {"blank-row", BASE "\n", 5, "", ANNEXA_BLANK_ROW, "empty"},
    {"malformed-csv",
     BASE "CA00000005,Re \"C\",f,White,N,01/02/2015,C1,Private,s7,P,T,Wessex,,C,\n", 5, "",
     ANNEXA_MALFORMED_CSV, "stray quote"},
    {"malformed-csv at end", BASE "CA00000005,\"Re C,f,White\n", 5, "", ANNEXA_MALFORMED_CSV,
     "not closed"},
    {"encoding", BASE "CA00000005,Re C,f,White,N,01/02/2015,C1,Private,s7,Ren\xe9,T,Wessex,,C,\n",
     5, "Practitioner", ANNEXA_ENCODING, "UTF-8"},
    {"missing-column",
     "Case ID,Case name,Gender,Ethnicity,Disability (Y/N),Date of birth,Lead application,Law type,"
     "Case type,Practitioner,Team,Service area,Court\n",
     1, "Local authority (Public law)", ANNEXA_NRULES, NULL},
    {"aged 17 on the day: no finding",
     BASE "CA00000005,Re C,female,White,N,2009-01-16,C1,Private,s7,P,T,Wessex,,C,\n", 0, "",
     ANNEXA_NRULES, NULL},
    {"born on the day: no finding",
     BASE "CA00000005,Re C,female,White,N,15/01/2027,C1,Private,s7,P,T,Wessex,,C,\n", 0, "",
     ANNEXA_NRULES, NULL},
    {"blank law type, public case type with an LA",
     BASE "CA00000005,Re C,f,White,N,01/02/2015,C1,,care order,P,T,Wessex,Kent,C,\n", 5, "Law type",
     ANNEXA_REQUIRED, "blank"},
    {"duplicate-column",
     "Case ID,Case name,Gender,Ethnicity,Disability (Y/N),Date of birth,Lead "
     "application,Law type,Case type,Practitioner,Team,Service area,Court,"
     "Case ref\n",
     1, "Case ref", ANNEXA_DUPLICATE_COLUMN, "Case ID"},
};

START_TEST(test_rule)
{
	struct collect c;
	struct annexa *a = run(rule_cases[_i].csv, 0, &c);

	if (rule_cases[_i].rule == ANNEXA_NRULES) {
		/* Nothing wrong: no finding at all. */
		ck_assert_uint_eq(c.n, 0);
		annexa_free(a);
		return;
	}
	ck_assert_msg(c.n == 1, "%s: %zu findings, first %s", rule_cases[_i].name, c.n,
	              c.n ? annexa_rule_id(c.f[0].rule) : "-");
	ck_assert_uint_eq(c.f[0].line, rule_cases[_i].line);
	ck_assert_str_eq(c.f[0].column, rule_cases[_i].column);
	ck_assert_str_eq(annexa_rule_id(c.f[0].rule), annexa_rule_id(rule_cases[_i].rule));
	ck_assert_msg(strstr(c.f[0].message, rule_cases[_i].message) != NULL, "%s: message %s",
	              rule_cases[_i].name, c.f[0].message);
	ck_assert_uint_eq(annexa_summary(a)->by_rule[rule_cases[_i].rule], 1);
	annexa_free(a);
}
END_TEST

START_TEST(test_missing_required_column)
{
	struct collect c;
	struct annexa *a = run("Case ID,Case name\nCA00000001,Re A\n", 0, &c);

	/* 11 required columns absent, all on line 1, none raised per record. */
	ck_assert_uint_eq(c.n, 11);
	ck_assert_uint_eq(c.f[0].line, 1);
	ck_assert_str_eq(c.f[0].column, "Gender");
	ck_assert_int_eq(c.f[0].rule, ANNEXA_MISSING_COLUMN);
	ck_assert_uint_eq(annexa_summary(a)->errors, 11);
	annexa_free(a);
}
END_TEST

START_TEST(test_cp1252)
{
	struct collect c;
	const char *csv =
	    HDR "CA00000005,Re C,f,White,N,01/02/2015,C1,Private,s7,Ren\xe9,T,Wessex,,C,\n";
	struct annexa *a = run(csv, CSVIO_CP1252, &c);

	ck_assert_uint_eq(c.n, 0);
	ck_assert_uint_eq(annexa_summary(a)->records, 1);
	annexa_free(a);
}
END_TEST

START_TEST(test_no_header)
{
	struct annexa_config cfg = {0, 0, NULL, NULL};
	struct annexa *a = annexa_new(&cfg, NULL, 0);
	char err[256];
	FILE *fp = fmemopen((void *)"", 0, "r");

	ck_assert_ptr_nonnull(a);
	if (fp == NULL) /* glibc refuses an empty buffer: use /dev/null */
		fp = fopen("/dev/null", "r");
	ck_assert_int_eq(annexa_check(a, fp, "e.csv", NULL, NULL, err, sizeof err), -1);
	ck_assert_str_eq(err, "e.csv:1: no header row");
	fclose(fp);
	annexa_free(a);
}
END_TEST

START_TEST(test_summary)
{
	struct collect c;
	const char *csv = HDR GOOD("1")
	    GOOD("2") "CA00000003,Re C,f,White,N,01/02/2015,C1,Public,Rule 16.4,P,T,Kent and "
	              "Sussex,,C,\n"
	              "CA00000004,Re D,f,White,N,01/02/2015,C1,Public,s25,P,T,Wessex,Kent,C,\n"
	              "CA00000005,Re E,f,White,N,01/02/2015,C1,Private,safeguarding "
	              "letter,P,T,Wessex,,C,\n" GOOD("1");
	struct annexa *a = run(csv, 0, &c);
	const struct annexa_summary *s;
	size_t i;
	int seen = 0;

	annexa_finish(a, collect, &c); /* a second call changes nothing */
	s = annexa_summary(a);
	ck_assert_uint_eq(s->records, 6);
	ck_assert_uint_eq(s->ids, 5);
	ck_assert_str_eq(s->law_types[0].name, "Private");
	ck_assert_uint_eq(s->law_types[0].n, 4);
	ck_assert_uint_eq(s->law_types[1].n, 2);
	ck_assert_str_eq(s->service_areas[0].name, "Kent and Sussex");
	ck_assert_uint_eq(s->service_areas[1].n, 5);
	for (i = 0; i < s->nfeasible; i++) {
		const struct annexa_feasibility *f = &s->feasible[i];

		/*
		 * The duplicate of line 2 is not counted twice; the r16.4 case marked
		 * Public cannot be drawn (sample-cases' frame leaves it out too).
		 */
		if (strcmp(f->stratum, "private-law") == 0 && f->quota == NULL) {
			ck_assert_uint_eq(f->available, 2);
			ck_assert_uint_eq(f->required, 50);
			ck_assert_uint_eq(f->audit, 20);
			seen++;
		}
		if (strcmp(f->stratum, "private-law") == 0 && f->quota != NULL &&
		    strcmp(f->quota, "r16.4") == 0) {
			ck_assert_uint_eq(f->available, 0);
			ck_assert_uint_eq(f->required, 10);
			seen++;
		}
		if (strcmp(f->stratum, "public-law") == 0 && f->quota != NULL &&
		    strcmp(f->quota, "s25") == 0) {
			ck_assert_uint_eq(f->available, 1);
			seen++;
		}
	}
	ck_assert_int_eq(seen, 3);
	/* r16.4 marked Public: a mismatch and a public law case with no LA. */
	ck_assert_uint_eq(s->by_rule[ANNEXA_LAW_TYPE_MISMATCH], 1);
	ck_assert_uint_eq(s->by_rule[ANNEXA_PUBLIC_LAW_NEEDS_LA], 1);
	ck_assert_uint_eq(s->by_rule[ANNEXA_DUPLICATE_ID], 1);
	ck_assert_uint_eq(s->by_rule[ANNEXA_SAMPLE_SHORTFALL], s->nfeasible);
	annexa_free(a);
}
END_TEST

START_TEST(test_rule_ids)
{
	ck_assert_str_eq(annexa_rule_id(ANNEXA_PUBLIC_LAW_NEEDS_LA), "public-law-needs-la");
	ck_assert_str_eq(annexa_rule_id(ANNEXA_DOCUMENT_MISSING), "document-missing");
	ck_assert_int_eq(annexa_rule_severity(ANNEXA_BLANK_ROW), ANNEXA_WARNING);
	ck_assert_int_eq(annexa_rule_severity(ANNEXA_ENCODING), ANNEXA_ERROR);
	ck_assert_str_eq(annexa_severity_name(ANNEXA_WARNING), "warning");
}
END_TEST

/*
 * IDs whose shape changes from one to the next (to one of the same length
 * too), back to an earlier one, and repeats (the form learnt remembers the
 * shape met last): each counted under its own shape, the misfits and their
 * lines exact.
 */
START_TEST(test_id_form_switches)
{
	static const char *const ids[] = {
	    "CA00000001", "CA00000002", "12345",      "CA00000003", "12345",      "12346",
	    "X-1",        "CA00000004", "CA000000X5", "CA0000006",  "12345",      "CA00000007",
	    "X-2",        "CA00000008", "CA00000009", "CA00000010", "CA00000011", "CA00000012",
	};
	static const unsigned long want[] = {4, 6, 7, 8, 10, 11, 12, 14};
	char err[128];
	struct idform *f = idform_new(NULL, err, sizeof err);
	struct idform_result r;
	size_t i, n = sizeof ids / sizeof ids[0];

	ck_assert_ptr_nonnull(f);
	for (i = 0; i < n; i++)
		idform_add(f, ids[i], strlen(ids[i]), i + 2);
	for (i = 0; i < 80; i++)
		idform_add(f, "CA12345678", 10, n + 2 + i);
	idform_result(f, &r);
	ck_assert_str_eq(r.form, "AA99999999");
	ck_assert_uint_eq(r.ids, n + 80);
	ck_assert_uint_eq(r.misfits, sizeof want / sizeof want[0]);
	ck_assert_uint_eq(r.nlines, sizeof want / sizeof want[0]);
	for (i = 0; i < r.nlines; i++)
		ck_assert_uint_eq(r.lines[i], want[i]);
	idform_free(f);
}
END_TEST

/* The shape of an ID as idform_shape() gave it before its table: the reference. */
static size_t
shape_ref(const char *s, size_t len, int collapse, char *out, size_t outsz)
{
	size_t i, n = 0;
	unsigned char c;
	char k, last = '\0';

	for (i = 0; i < len && n + 2 < outsz; i++) {
		c = (unsigned char)s[i];
		if (c >= 0x80 && c < 0xC0)
			continue;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0)
			k = 'A';
		else if (c >= '0' && c <= '9')
			k = '9';
		else if (c < 0x20 || c == 0x7f)
			k = '?';
		else
			k = (char)c;
		if (collapse && k == last && (k == 'A' || k == '9'))
			continue;
		out[n++] = last = k;
	}
	if (i < len)
		out[n++] = '+';
	out[n] = '\0';
	return n;
}

/* idform_shape() gives the reference's shape and length for every byte, run and size. */
START_TEST(test_id_shapes)
{
	unsigned long long st = 0x1234567887654321ULL;
	char id[80], got[70], want[70];
	size_t i, len, outsz;
	int collapse;

	for (i = 0; i < 256; i++) { /* each byte alone */
		id[0] = (char)i;
		ck_assert_uint_eq(idform_shape(id, 1, 0, got, sizeof got),
		                  shape_ref(id, 1, 0, want, sizeof want));
		ck_assert_str_eq(got, want);
	}
	for (i = 0; i < 20000; i++) {
		st = st * 6364136223846793005ULL + 1442695040888963407ULL;
		len = (size_t)(st >> 33) % sizeof id;
		for (size_t j = 0; j < len; j++) {
			st = st * 6364136223846793005ULL + 1442695040888963407ULL;
			id[j] = (char)(st >> (i % 2 ? 57 : 56)); /* half ASCII, half any byte */
		}
		collapse = (int)(i % 3 == 0);
		outsz = 3 + i % (sizeof got - 3);
		ck_assert_uint_eq(idform_shape(id, len, collapse, got, outsz),
		                  shape_ref(id, len, collapse, want, outsz));
		ck_assert_str_eq(got, want);
	}
}
END_TEST

/*
 * IDs near the form met last (a shape one longer or shorter, one character
 * changed, past the 62 characters a shape holds, non-ASCII), mixed at random
 * among IDs of the form: every one whose shape differs (as shape_ref() gives
 * it, 64 bytes) is a misfit, on its own line, whether or not it follows an
 * ID of the form.
 */
START_TEST(test_id_form_near_shapes)
{
	static const char *const near[] = {
	    "CA1234567",
	    "CA123456789",
	    "C41234567X",
	    "CA12345-78",
	    "CAA2345678",
	    "ca12345678",
	    "CA12345678 ",
	    "CA1234567\xc3\xa9",
	    "\xc3\x89"
	    "A12345678",
	    "CA12345678\x01",
	};
	char err[128], id[100], shape[70], form[80], got[70];
	struct idform *f = idform_new(NULL, err, sizeof err);
	struct idform_result r;
	unsigned long long st = 0x9e3779b97f4a7c15ULL;
	unsigned long misfits = 0, lines[IDFORM_LINES];
	size_t i, len, k, nlines = 0, n = 4000, flen;

	ck_assert_ptr_nonnull(f);
	/* the form: 70 characters, so that its shape is cut at 62 and ends in '+' */
	for (flen = 0; flen < 70; flen++)
		form[flen] = flen % 7 == 0 ? 'X' : (char)('0' + flen % 10);
	form[flen] = '\0';
	shape_ref(form, flen, 0, shape, 64);
	ck_assert_uint_eq(strlen(shape), 63);
	for (i = 0; i < n; i++) {
		st = st * 6364136223846793005ULL + 1442695040888963407ULL;
		memcpy(id, form, flen);
		len = flen;
		if ((st >> 40) % 16 == 0) { /* a sixteenth of the IDs: near the form */
			k = (size_t)(st >> 20) % (sizeof near / sizeof near[0] + 4);
			if (k < sizeof near / sizeof near[0]) {
				len = strlen(near[k]);
				memcpy(id, near[k], len);
			} else if (k == sizeof near / sizeof near[0])
				len = 61 +
				      (size_t)(st >> 50) % 4; /* 61-64 of the form's characters */
			else
				id[(size_t)(st >> 50) % 62] = (char)(k % 2 ? '-' : 'q');
		}
		idform_add(f, id, len, i + 2);
		shape_ref(id, len, 0, got, 64);
		if (strcmp(got, shape) != 0) {
			if (nlines < IDFORM_LINES)
				lines[nlines++] = i + 2;
			misfits++;
		}
	}
	idform_result(f, &r);
	ck_assert_str_eq(r.form, shape);
	ck_assert_uint_eq(r.ids, n);
	ck_assert_uint_gt(misfits, n / 40);
	ck_assert_uint_eq(r.misfits, misfits);
	ck_assert_uint_eq(r.nlines, nlines);
	for (i = 0; i < nlines; i++)
		ck_assert_uint_eq(r.lines[i], lines[i]);
	idform_free(f);
}
END_TEST

Suite *make_suite_annexa(void);

Suite *
make_suite_annexa(void)
{
	Suite *s = suite_create("annexa");
	TCase *tc = tcase_create("annexa");

	tcase_add_loop_test(tc, test_rule, 0, (int)(sizeof rule_cases / sizeof rule_cases[0]));
	tcase_add_test(tc, test_missing_required_column);
	tcase_add_test(tc, test_cp1252);
	tcase_add_test(tc, test_no_header);
	tcase_add_test(tc, test_summary);
	tcase_add_test(tc, test_rule_ids);
	tcase_add_test(tc, test_id_shapes);
	tcase_add_test(tc, test_id_form_switches);
	tcase_add_test(tc, test_id_form_near_shapes);
	suite_add_tcase(s, tc);
	return s;
}
