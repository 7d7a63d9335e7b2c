/*
 * test_unit_check.c: the assertions of unit_check.h still fail a test, with
 * Check's message and the failing assertion's line, whether or not Check
 * forks, and let a test whose assertions hold pass. The test runs this
 * binary again (/proc/self/exe) with UNIT_CHECK_INNER set, which makes the
 * suite two inner tests, one failing, and reads what the runner says.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int two = 2;

START_TEST(inner_fails)
{
	int x = 1;

	ck_assert_int_eq(x, 1);
	ck_assert_int_eq(x, two); /* the failing assertion */
	ck_abort_msg("not reached");
}
END_TEST

START_TEST(inner_holds)
{
	int i;

	for (i = 0; i < 1000; i++) {
		ck_assert_int_lt(i, 1000);
		ck_assert_str_eq("same", "same");
		ck_assert_msg(i >= 0, "i is %d", i);
		ck_assert(i != -1);
	}
}
END_TEST

/* The text of line n of this file (the run's folder is tests/unit). */
static void
source_line(int n, char *buf, size_t bufsz)
{
	FILE *fp = fopen("test_unit_check.c", "r");
	int i;

	ck_assert_ptr_nonnull(fp);
	for (i = 0; i < n; i++)
		ck_assert_ptr_nonnull(fgets(buf, (int)bufsz, fp));
	fclose(fp);
}

/*
 * Run the inner suite with CK_FORK=fork; check what the runner said. The
 * line of this file that it named as the failing assertion's.
 */
static int
inner_run(const char *fork)
{
	char cmd[256], out[4096], *at;
	size_t got;
	FILE *p;
	int n;

	snprintf(cmd, sizeof cmd,
	         "UNIT_CHECK_INNER=1 CK_RUN_SUITE=unit_check CK_FORK=%s /proc/%ld/exe 2>&1", fork,
	         (long)getpid());
	ck_assert_ptr_nonnull(p = popen(cmd, "r"));
	got = fread(out, 1, sizeof out - 1, p);
	out[got] = '\0';
	ck_assert_int_ne(pclose(p), 0); /* a test failed: the runner says so */
	ck_assert_msg(strstr(out, "Checks: 2, Failures: 1, Errors: 0") != NULL, "%s", out);
	at = strstr(out, "test_unit_check.c:");
	ck_assert_msg(at != NULL && sscanf(at, "test_unit_check.c:%d:", &n) == 1, "%s", out);
	ck_assert_msg(strstr(at, ":F:inner:inner_fails:0: Assertion 'x == two' failed: x == 1, "
	                         "two == 2\n") != NULL,
	              "%s", out);
	ck_assert_msg(strstr(out, "inner_holds") == NULL, "%s", out);
	return n;
}

START_TEST(test_unit_check_fails_nofork)
{
	char line[256];

	source_line(inner_run("no"), line, sizeof line);
	ck_assert_msg(strstr(line, "ck_assert_int_eq(x, two);") != NULL, "%s", line);
}
END_TEST

START_TEST(test_unit_check_fails_fork)
{
	char line[256];

	source_line(inner_run("yes"), line, sizeof line);
	ck_assert_msg(strstr(line, "ck_assert_int_eq(x, two);") != NULL, "%s", line);
}
END_TEST

Suite *make_suite_unit_check(void);

Suite *
make_suite_unit_check(void)
{
	Suite *s = suite_create("unit_check");
	TCase *tc;

	if (getenv("UNIT_CHECK_INNER") != NULL) {
		tc = tcase_create("inner");
		tcase_add_test(tc, inner_fails);
		tcase_add_test(tc, inner_holds);
	} else {
		tc = tcase_create("core");
		tcase_add_test(tc, test_unit_check_fails_nofork);
		tcase_add_test(tc, test_unit_check_fails_fork);
	}
	suite_add_tcase(s, tc);
	return s;
}
