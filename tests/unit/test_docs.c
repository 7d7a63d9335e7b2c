/*
 * test_docs.c: recognising Annex A's further documentation by item column,
 * leading item number and file-name patterns, and the per-area report.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "annexa/docs.h"

static struct docs *d;

static void
setup(void)
{
	char err[256];

	d = docs_load(err, sizeof err);
	ck_assert_msg(d != NULL, "%s", err);
}

static void
teardown(void)
{
	docs_free(d);
}

static const struct {
	const char *file;
	const char *item;
	int local;
	const char *want; /* NULL: not recognised */
} match_cases[] = {
    {"1.01 Anything at all.pdf", NULL, 0, "1.01"},
    {"01.1 strategy.pdf", NULL, 0, "1.01"},
    {"2.05.xlsx", NULL, 1, "2.05"},
    {"x.pdf", "1.3", 0, "1.03"},
    {"x.pdf", "Court sitting dates", 1, "2.05"},
    {"Cafcass corporate strategy 2026.pdf", NULL, 0, "1.01"},
    {"Workforce strategy.docx", NULL, 0, "1.02"},
    {"National training needs analysis.xlsx", NULL, 0, "1.02"},
    {"Partnership and commissioning strategy.pdf", NULL, 0, "1.03"},
    {"Partnership and commissioning strategy.pdf", NULL, 1, "2.03"},
    {"OMT minutes 2026-12.docx", NULL, 0, "1.04"},
    {"NFJB minutes.pdf", NULL, 0, "1.05"},
    {"Local Family Justice Board minutes.pdf", NULL, 1, "2.08"},
    {"NIS health check report.pdf", NULL, 0, "1.06"},
    {"folder/Business Plan 2026.pdf", NULL, 1, "2.01"},
    {"unallocated.xlsx", NULL, 1, "2.02"},
    {"Staff appraisals.xlsx", NULL, 1, "2.09"},
    {"holiday.jpg", NULL, 1, NULL},
    {"9.99 unknown item.pdf", NULL, 0, NULL},
};

START_TEST(test_match)
{
	long i = docs_match(d, match_cases[_i].file, match_cases[_i].item, match_cases[_i].local);
	char want[64];

	snprintf(want, sizeof want, "%s", match_cases[_i].want ? match_cases[_i].want : "none");
	ck_assert_msg(i >= 0 || match_cases[_i].want == NULL, "%s: no match, want %s",
	              match_cases[_i].file, want);
	if (match_cases[_i].want == NULL)
		ck_assert_int_eq(i, -1);
	else
		ck_assert_str_eq(docs_item_id(d, (size_t)i), want);
}
END_TEST

START_TEST(test_check_manifest)
{
	char path[] = "/tmp/test_docs_XXXXXX", err[256];
	struct docs_report r;
	FILE *fp;
	int fd = mkstemp(path);
	size_t i, supplied = 0, missing = 0;

	ck_assert_int_ne(fd, -1);
	fp = fdopen(fd, "w");
	fputs("File name,Service area\n1.01 a.pdf,\n2.01 plan.pdf,Wessex\n2.02 u.xlsx,Kent\n"
	      "2.03 p.pdf,\nnothing.txt,Kent\n",
	      fp);
	fclose(fp);
	ck_assert_int_eq(docs_check(d, path, &r, err, sizeof err), 0);
	unlink(path);
	ck_assert_uint_eq(r.nareas, 2);
	/* 6 national items, 9 local items for each of 2 areas. */
	ck_assert_uint_eq(r.nresults, 6 + 9 * 2);
	for (i = 0; i < r.nresults; i++) {
		if (r.results[i].nfiles > 0)
			supplied++;
		else
			missing++;
	}
	ck_assert_uint_eq(supplied, 3);
	ck_assert_uint_eq(missing, 21);
	ck_assert_str_eq(r.results[0].item, "1.01");
	ck_assert_str_eq(r.results[0].files[0], "1.01 a.pdf");
	ck_assert_ptr_null(r.results[0].service_area);
	ck_assert_str_eq(r.results[6].service_area, "Kent");
	/* 2.03 without a service area, and nothing.txt, are not placed. */
	ck_assert_uint_eq(r.nunmatched, 2);
	docs_report_free(&r);
}
END_TEST

START_TEST(test_bad_manifest)
{
	char err[256];
	struct docs_report r;

	ck_assert_int_eq(docs_check(d, "/nonexistent/manifest.csv", &r, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/manifest.csv"));
}
END_TEST

Suite *make_suite_docs(void);

Suite *
make_suite_docs(void)
{
	Suite *s = suite_create("docs");
	TCase *tc = tcase_create("docs");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_match, 0, (int)(sizeof match_cases / sizeof match_cases[0]));
	tcase_add_test(tc, test_check_manifest);
	tcase_add_test(tc, test_bad_manifest);
	suite_add_tcase(s, tc);
	return s;
}
