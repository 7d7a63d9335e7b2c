/*
 * test_strata.c: the national strata from share/sample/national.json and the
 * classification of case types: every spelling real exports use must land
 * on the right canonical case type, law type, stratum and quota.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "annexa/strata.h"
#include "core/vocab.h"

struct spelling {
	const char *text;
	const char *casetype; /* NULL: unknown */
	const char *law_type;
	const char *stratum;
	const char *quota;
};

static const struct spelling spellings[] = {
    {"safeguarding letter only", "safeguarding letter only", "private", "safeguarding-letter",
     NULL},
    {"Safeguarding letter", "safeguarding letter only", "private", "safeguarding-letter", NULL},
    {"SAFEGUARDING LETTER ONLY", "safeguarding letter only", "private", "safeguarding-letter",
     NULL},
    {"SLO", "safeguarding letter only", "private", "safeguarding-letter", NULL},
    {"WTFH", "safeguarding letter only", "private", "safeguarding-letter", NULL},
    {"Work to first hearing", "safeguarding letter only", "private", "safeguarding-letter", NULL},
    {"Safeguarding letter - no further involvement", "safeguarding letter only", "private",
     "safeguarding-letter", NULL},
    {"s7", "s7", "private", "private-law", NULL},
    {"S7", "s7", "private", "private-law", NULL},
    {"section 7", "s7", "private", "private-law", NULL},
    {"Section 7", "s7", "private", "private-law", NULL},
    {"S.7", "s7", "private", "private-law", NULL},
    {"s.7", "s7", "private", "private-law", NULL},
    {"s 7", "s7", "private", "private-law", NULL},
    {"s7 report", "s7", "private", "private-law", NULL},
    {"S7 Report", "s7", "private", "private-law", NULL},
    {"Section 7 report (welfare)", "s7", "private", "private-law", NULL},
    {" s7 ", "s7", "private", "private-law", NULL},
    {"r16.4", "r16.4", "private", "private-law", "r16.4"},
    {"R16.4", "r16.4", "private", "private-law", "r16.4"},
    {"Rule 16.4", "r16.4", "private", "private-law", "r16.4"},
    {"r 16.4", "r16.4", "private", "private-law", "r16.4"},
    {"rule 16.4 guardian appointed", "r16.4", "private", "private-law", "r16.4"},
    {"FPR r.16.4", "r16.4", "private", "private-law", "r16.4"},
    {"s8 child arrangements", "s8 child arrangements", "private", "private-law", NULL},
    {"child arrangements", "s8 child arrangements", "private", "private-law", NULL},
    {"Child Arrangements Order", "s8 child arrangements", "private", "private-law", NULL},
    {"CAO", "s8 child arrangements", "private", "private-law", NULL},
    {"s8", "s8 child arrangements", "private", "private-law", NULL},
    {"Section 8", "s8 child arrangements", "private", "private-law", NULL},
    {"Prohibited steps order", "s8 child arrangements", "private", "private-law", NULL},
    {"enforcement", "enforcement", "private", "private-law", NULL},
    {"s11J", "enforcement", "private", "private-law", NULL},
    {"S.11J", "enforcement", "private", "private-law", NULL},
    {"Enforcement of CAO", "enforcement", "private", "private-law", NULL},
    {"leave to remove", "leave to remove", "private", "private-law", NULL},
    {"s13", "leave to remove", "private", "private-law", NULL},
    {"Leave to Remove (temporary)", "leave to remove", "private", "private-law", NULL},
    {"parental order", "parental order", "private", "private-law", NULL},
    {"s54", "parental order", "private", "private-law", NULL},
    {"S54 HFEA", "parental order", "private", "private-law", NULL},
    {"step-parent adoption", "step-parent adoption", "private", "private-law", NULL},
    {"Step parent adoption", "step-parent adoption", "private", "private-law", NULL},
    {"s31", "s31", "public", "public-law", NULL},
    {"section 31", "s31", "public", "public-law", NULL},
    {"S.31", "s31", "public", "public-law", NULL},
    {"care order", "s31", "public", "public-law", NULL},
    {"Care Order", "s31", "public", "public-law", NULL},
    {"supervision order", "s31", "public", "public-law", NULL},
    {"Interim care order", "s31", "public", "public-law", NULL},
    {"s31 care proceedings", "s31", "public", "public-law", NULL},
    {"s25", "s25", "public", "public-law", "s25"},
    {"S25", "s25", "public", "public-law", "s25"},
    {"section 25", "s25", "public", "public-law", "s25"},
    {"secure accommodation", "s25", "public", "public-law", "s25"},
    {"Secure Accommodation Order", "s25", "public", "public-law", "s25"},
    {"secure accommodation (s25)", "s25", "public", "public-law", "s25"},
    {"s44", "s44", "public", "public-law", NULL},
    {"EPO", "s44", "public", "public-law", NULL},
    {"emergency protection order", "s44", "public", "public-law", NULL},
    {"Emergency Protection Order (EPO)", "s44", "public", "public-law", NULL},
    {"placement order", "placement order", "public", "public-law", NULL},
    {"s21", "placement order", "public", "public-law", NULL},
    {"Placement Order application", "placement order", "public", "public-law", NULL},
    {"discharge of care order", "discharge of care order", "public", "public-law", NULL},
    {"discharge", "discharge of care order", "public", "public-law", NULL},
    {"s39", "discharge of care order", "public", "public-law", NULL},
    {"Discharge of supervision order", "discharge of care order", "public", "public-law", NULL},
    {"s34 contact", "s34 contact", "public", "public-law", NULL},
    {"s34", "s34 contact", "public", "public-law", NULL},
    {"Section 34 contact", "s34 contact", "public", "public-law", NULL},
    {"deprivation of liberty", "deprivation of liberty", "public", "public-law", NULL},
    {"DoL", "deprivation of liberty", "public", "public-law", NULL},
    {"DOLS", "deprivation of liberty", "public", "public-law", NULL},
    {"Deprivation of Liberty (inherent jurisdiction)", "deprivation of liberty", "public",
     "public-law", NULL},
    {"s43", "s43", "public", "public-law", NULL},
    {"child assessment order", "s43", "public", "public-law", NULL},
    {"s71", NULL, NULL, NULL, NULL},
    {"s77", NULL, NULL, NULL, NULL},
    {"section 310", NULL, NULL, NULL, NULL},
    {"r16.45", NULL, NULL, NULL, NULL},
    {"flibble", NULL, NULL, NULL, NULL},
    {"adoption", NULL, NULL, NULL, NULL},
    {"", NULL, NULL, NULL, NULL},
    {"   ", NULL, NULL, NULL, NULL},
    {"-", NULL, NULL, NULL, NULL},
    {"\xff\xfe", NULL, NULL, NULL, NULL},
};

static struct strata *st;

static void
setup(void)
{
	char err[512] = "";

	st = strata_load(err, sizeof err);
	ck_assert_msg(st != NULL, "strata_load: %s", err);
}

static void
teardown(void)
{
	strata_free(st);
	st = NULL;
}

START_TEST(test_strata_spelling)
{
	const struct spelling *sp = &spellings[_i];
	const struct strata_stratum *sd;
	struct strata_class c;

	strata_classify(st, sp->text, &c);
	if (sp->casetype == NULL) {
		ck_assert_msg(c.casetype == -1, "\"%s\" classified as \"%s\"", sp->text,
		              vocab_value(strata_casetypes(st), (size_t)c.casetype));
		ck_assert_ptr_null(c.law_type);
		ck_assert_int_eq(c.stratum, -1);
		ck_assert_int_eq(c.quota, -1);
		return;
	}
	ck_assert_msg(c.casetype >= 0, "\"%s\" not classified", sp->text);
	ck_assert_str_eq(vocab_value(strata_casetypes(st), (size_t)c.casetype), sp->casetype);
	ck_assert_str_eq(c.law_type, sp->law_type);
	ck_assert_int_ge(c.stratum, 0);
	sd = strata_get(st, (size_t)c.stratum);
	ck_assert_str_eq(sd->id, sp->stratum);
	if (sp->quota == NULL) {
		ck_assert_int_eq(c.quota, -1);
	} else {
		ck_assert_int_ge(c.quota, 0);
		ck_assert_str_eq(sd->quotas[c.quota].id, sp->quota);
	}
}
END_TEST

static const struct {
	const char *id;
	unsigned size, audit;
	const char *quota;
	unsigned quota_size;
} national[] = {
    {"safeguarding-letter", 50, 20, NULL, 0},
    {"private-law", 50, 20, "r16.4", 10},
    {"public-law", 50, 20, "s25", 5},
};

START_TEST(test_strata_national)
{
	const struct strata_stratum *sd;
	long i = strata_find(st, national[_i].id);

	ck_assert_uint_eq(strata_count(st), 3);
	ck_assert_int_eq(i, _i);
	sd = strata_get(st, (size_t)i);
	ck_assert_str_eq(sd->id, national[_i].id);
	ck_assert_uint_eq(sd->size, national[_i].size);
	ck_assert_uint_eq(sd->audit, national[_i].audit);
	if (national[_i].quota == NULL) {
		ck_assert_uint_eq(sd->nquotas, 0);
	} else {
		ck_assert_uint_eq(sd->nquotas, 1);
		ck_assert_str_eq(sd->quotas[0].id, national[_i].quota);
		ck_assert_uint_eq(sd->quotas[0].size, national[_i].quota_size);
	}
}
END_TEST

START_TEST(test_strata_lookups)
{
	const struct vocab *ct = strata_casetypes(st);
	struct strata_class c = {5, "x", 5, 5};
	size_t i, n;
	long s;

	ck_assert_int_eq(strata_find(st, "nope"), -1);
	ck_assert_ptr_null(strata_get(st, 3));
	strata_classify(st, NULL, &c);
	ck_assert_int_eq(c.casetype, -1);
	ck_assert_ptr_null(c.law_type);
	ck_assert_int_eq(c.stratum, -1);
	ck_assert_int_eq(c.quota, -1);
	/* The 16 canonical case types, each classified as itself. */
	n = vocab_count(ct);
	ck_assert_uint_eq(n, 16);
	for (i = 0; i < n; i++) {
		strata_classify(st, vocab_value(ct, i), &c);
		ck_assert_int_eq(c.casetype, (long)i);
		s = strata_find(st, vocab_attr(ct, i, "stratum"));
		ck_assert_int_eq(c.stratum, s);
		if (strcmp(strata_get(st, (size_t)s)->id, "public-law") == 0)
			ck_assert_str_eq(c.law_type, "public");
		else
			ck_assert_str_eq(c.law_type, "private");
	}
}
END_TEST

/* Create the mkstemp() template path holding text; returns path. */
static const char *
write_temp(char *path, const char *text)
{
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (int)strlen(text));
	close(fd);
	return path;
}

#define NAT_OK                                                                                     \
	"{\"strata\": [{\"id\": \"a\", \"size\": 5, \"audit\": 2, \"quotas\": [{\"id\": \"q\", "   \
	"\"size\": 1}]}, {\"id\": \"b\", \"size\": 3, \"audit\": 0}]}"
#define CT_OK                                                                                      \
	"{\"values\": [{\"value\": \"x\", \"law_type\": \"private\", \"stratum\": \"a\", "         \
	"\"quota\": "                                                                              \
	"\"q\"}, {\"value\": \"y\", \"law_type\": \"public\", \"stratum\": \"b\"}, {\"value\": "   \
	"\"z\", \"law_type\": \"public\"}]}"

static const struct {
	const char *national;
	const char *casetypes;
	int file; /* the file the message must name: 0 national, 1 case types */
	const char *want;
} bad[] = {
    {"{\"strata\": [\n{\"id\": \"a\",, }]}", CT_OK, 0, ":2:"},
    {"{\"strata\": []}", CT_OK, 0, ": needs a \"strata\" array"},
    {"{\"strata\": [{\"id\": \"a\", \"size\": 5}]}", CT_OK, 0, "stratum 1 needs"},
    {"{\"strata\": [{\"id\": \"a\", \"size\": 5, \"audit\": 6}]}", CT_OK, 0, "stratum 1 needs"},
    {"{\"strata\": [{\"id\": \"a\", \"size\": -1, \"audit\": 0}]}", CT_OK, 0, "stratum 1 needs"},
    {"{\"strata\": [{\"id\": \"a\", \"size\": 5, \"audit\": 1}, {\"id\": \"a\", \"size\": 5, "
     "\"audit\": 1}]}",
     CT_OK, 0, "stratum \"a\" defined twice"},
    {"{\"strata\": [{\"id\": \"a\", \"size\": 5, \"audit\": 1, \"quotas\": [{\"id\": \"q\", "
     "\"size\": 6}]}]}",
     CT_OK, 0, "quotas add up to more than its size"},
    {"{\"strata\": [{\"id\": \"a\", \"size\": 5, \"audit\": 1, \"quotas\": [{\"id\": \"q\", "
     "\"size\": 1}, {\"id\": \"q\", \"size\": 1}]}]}",
     CT_OK, 0, "quota \"q\" defined twice"},
    {"{\"strata\": [{\"id\": \"a\", \"size\": 5, \"audit\": 1, \"quotas\": [{\"size\": 1}]}]}",
     CT_OK, 0, "quota 1 needs"},
    {"{\"strata\": [{\"id\": \"a\", \"size\": 5, \"audit\": 1, \"quotas\": {}}]}", CT_OK, 0,
     "\"quotas\" must be an array"},
    {NAT_OK, "{\"values\": [{\"value\": \"x\", \"law_type\": \"family\"}]}", 1,
     "\"x\": law_type must be private or public"},
    {NAT_OK, "{\"values\": [{\"value\": \"x\"}]}", 1, "\"x\": law_type must be"},
    {NAT_OK, "{\"values\": [{\"value\": \"x\", \"law_type\": \"public\", \"stratum\": \"c\"}]}", 1,
     "\"x\": no stratum \"c\""},
    {NAT_OK,
     "{\"values\": [{\"value\": \"x\", \"law_type\": \"public\", \"stratum\": \"b\", \"quota\": "
     "\"q\"}]}",
     1, "\"x\": no quota \"q\" in its stratum"},
    {NAT_OK, "{\"values\": [{\"value\": \"x\", \"law_type\": \"public\", \"quota\": \"q\"}]}", 1,
     "\"x\": no quota \"q\""},
    {NAT_OK, "{\"values\": [{\"value\": \"x\"}, {\"value\": \"X\"}]}", 1, "share the key \"x\""},
};

START_TEST(test_strata_bad)
{
	char nat[] = "/tmp/test_strata_nat.XXXXXX", ct[] = "/tmp/test_strata_ct.XXXXXX";
	char err[512] = "";
	const char *named;

	write_temp(nat, bad[_i].national);
	write_temp(ct, bad[_i].casetypes);
	ck_assert_ptr_null(strata_load_files(nat, ct, err, sizeof err));
	named = bad[_i].file ? ct : nat;
	ck_assert_msg(strncmp(err, named, strlen(named)) == 0, "\"%s\" does not name %s", err,
	              named);
	ck_assert_msg(strstr(err, bad[_i].want) != NULL, "\"%s\" lacks \"%s\"", err, bad[_i].want);
	unlink(nat);
	unlink(ct);
}
END_TEST

START_TEST(test_strata_files)
{
	char nat[] = "/tmp/test_strata_nat.XXXXXX", ct[] = "/tmp/test_strata_ct.XXXXXX";
	char err[512] = "";
	struct strata_class c;
	struct strata *s;

	write_temp(nat, NAT_OK);
	write_temp(ct, CT_OK);
	s = strata_load_files(nat, ct, err, sizeof err);
	ck_assert_msg(s != NULL, "%s", err);
	ck_assert_uint_eq(strata_count(s), 2);
	ck_assert_uint_eq(strata_get(s, 1)->nquotas, 0);
	strata_classify(s, "X", &c);
	ck_assert_int_eq(c.casetype, 0);
	ck_assert_str_eq(c.law_type, "private");
	ck_assert_int_eq(c.stratum, 0);
	ck_assert_int_eq(c.quota, 0);
	strata_classify(s, "y", &c);
	ck_assert_int_eq(c.stratum, 1);
	ck_assert_int_eq(c.quota, -1);
	strata_classify(s, "z", &c); /* a known case type outside every stratum */
	ck_assert_int_eq(c.casetype, 2);
	ck_assert_str_eq(c.law_type, "public");
	ck_assert_int_eq(c.stratum, -1);
	ck_assert_int_eq(c.quota, -1);
	strata_free(s);
	unlink(nat);
	unlink(ct);
}
END_TEST

Suite *make_suite_strata(void);

Suite *
make_suite_strata(void)
{
	Suite *s = suite_create("strata");
	TCase *tc = tcase_create("strata");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_strata_spelling, 0, sizeof spellings / sizeof spellings[0]);
	tcase_add_loop_test(tc, test_strata_national, 0, sizeof national / sizeof national[0]);
	tcase_add_test(tc, test_strata_lookups);
	tcase_add_loop_test(tc, test_strata_bad, 0, sizeof bad / sizeof bad[0]);
	tcase_add_test(tc, test_strata_files);
	suite_add_tcase(s, tc);
	return s;
}
