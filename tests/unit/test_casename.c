/*
 * test_casename.c: the identifying-case-name heuristic against court
 * reference styles (no alarm) and personal names (alarm), with the shipped
 * word lists and with the same lists written otherwise (upper case, comments,
 * blank lines, trailing blanks) and grown past the most a list hashes (then
 * sorted and searched).
 */
#include <check.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "annexa/casename.h"
#include "core/datadir.h"

static struct casename *cn;

static void
setup(void)
{
	char err[256];

	cn = casename_load(err, sizeof err);
	ck_assert_msg(cn != NULL, "%s", err);
}

static void
teardown(void)
{
	casename_free(cn);
}

static const struct {
	const char *name;
	int identifying;
} cases[] = {
    /* Court reference styles: never an alarm. */
    {"Re A (A Child)", 0},
    {"Re AB (Children)", 0},
    {"Re X and Y (Minors)", 0},
    {"A v B", 0},
    {"Kent County Council v M", 0},
    {"London Borough of Hackney v A and B", 0},
    {"Cafcass v Secretary of State", 0},
    {"Re T (Care Proceedings)", 0},
    {"Re A.B. (A Child)", 0},
    {"Re J.S. and K.S.", 0},
    {"In the matter of C (Children)", 0},
    {"In re S-B (Children)", 0},
    {"Re H (A Minor) (Abduction)", 0},
    {"Re Baby Smith", 0},
    {"Leeds City Council v The Mother", 0},
    {"Smith v Smith", 0},
    {"Re B", 0},
    {"AB v CD and EF", 0},
    {"Re the child", 0},
    {"", 0},
    {"CA27004512", 0},
    {"Re SL (Section 7 report)", 0},
    {"Secretary of State for the Home Department v A", 0},
    {"Non Molestation Order", 0},
    {"The Smith Children", 0},
    {"Re: the Jones family", 0},
    {"Special Guardianship Order", 0},
    {"Brighton and Hove City Council v X", 0},
    /* Full names: an alarm. */
    {"Sarah Thompson", 1},
    {"THOMPSON, Sarah", 1},
    {"sarah thompson", 1},
    {"Thompson Sarah", 1},
    {"Mrs Sarah Thompson", 1},
    {"Re Sarah Thompson", 1},
    {"Jack O'Neill", 1},
    {"Zephyr Quillon", 1},
    {"Kent County Council v Sarah Thompson", 1},
    {"Thompson's, Sarah", 1},
    {"Amelia Rose Jones", 1},
    {"Baby of Sarah Thompson", 1},
    {"Thompson/Sarah", 1},
    {"Re A (A Child) and Sarah Thompson", 1},
};

START_TEST(test_styles)
{
	ck_assert_msg(casename_identifying(cn, cases[_i].name) == cases[_i].identifying,
	              "\"%s\": want %d", cases[_i].name, cases[_i].identifying);
}
END_TEST

START_TEST(test_long_text)
{
	char buf[600];
	size_t i;

	for (i = 0; i + 1 < sizeof buf; i++)
		buf[i] = (i % 7 == 6) ? ' ' : 'a';
	buf[sizeof buf - 1] = '\0';
	ck_assert_int_eq(casename_identifying(cn, buf), 0);
}
END_TEST

START_TEST(test_missing_list)
{
	char err[256];

	ck_assert_ptr_null(
	    casename_load_files("/nonexistent/first", "/nonexistent/court", err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/first"));
}
END_TEST

/*
 * Write the shipped list name (share/annexa/NAME) to a temporary file, each
 * word upper-cased with blanks and a comment after it, between comment and
 * blank lines, after filler words that match no case's word.
 */
static char *
list_copy(const char *name, size_t filler)
{
	char *src = datadir_path(name), line[256], *path = strdup("/tmp/test_casename_XXXXXX");
	FILE *in = fopen(src, "r"), *out;
	size_t i;
	int fd = mkstemp(path);

	ck_assert_ptr_nonnull(in);
	ck_assert_int_ge(fd, 0);
	out = fdopen(fd, "w");
	ck_assert_ptr_nonnull(out);
	fputs("# a copy\n\n", out);
	for (i = 0; i < filler; i++) /* first: the file is not in order */
		fprintf(out, "zzqfiller%05zu\n", i);
	while (fgets(line, sizeof line, in) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		for (i = 0; line[i] != '\0' && line[i] != '#'; i++)
			line[i] = (char)toupper((unsigned char)line[i]);
		fprintf(out, "  %s \t# note\n\n", line);
	}
	ck_assert_int_eq(fclose(out), 0);
	fclose(in);
	free(src);
	return path;
}

/* Both lists as copies, within a memo's bound and past it: the same answers. */
START_TEST(test_lists_rewritten)
{
	size_t filler = _i == 0 ? 0 : 5000, i;
	char *f = list_copy("annexa/first-names.txt", filler);
	char *c = list_copy("annexa/court-words.txt", filler);
	char err[256];
	struct casename *cn2 = casename_load_files(f, c, err, sizeof err);

	ck_assert_msg(cn2 != NULL, "%s", err);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		ck_assert_msg(casename_identifying(cn2, cases[i].name) == cases[i].identifying,
		              "\"%s\" with %zu filler words", cases[i].name, filler);
	casename_free(cn2);
	unlink(f);
	unlink(c);
	free(f);
	free(c);
}
END_TEST

Suite *make_suite_casename(void);

Suite *
make_suite_casename(void)
{
	Suite *s = suite_create("casename");
	TCase *tc = tcase_create("casename");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_loop_test(tc, test_styles, 0, (int)(sizeof cases / sizeof cases[0]));
	tcase_add_test(tc, test_long_text);
	tcase_add_test(tc, test_missing_list);
	tcase_add_loop_test(tc, test_lists_rewritten, 0, 2);
	suite_add_tcase(s, tc);
	return s;
}
