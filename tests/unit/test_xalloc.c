/*
 * test_xalloc.c: running out of memory stops the program with exit status 2
 * and a message that names the tool (not the package).
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "child.h"
#include "core/xalloc.h"

Suite *make_suite_xalloc(void);

/* An array whose size overflows: refused before any malloc. */
static void
overflow_in_child(void *arg)
{
	(void)arg;
	(void)xreallocarray(NULL, SIZE_MAX / 2, 4);
}

START_TEST(oom_names_the_tool)
{
	char buf[256];

	ck_assert_int_eq(
	    child_stderr("plan-observations", overflow_in_child, NULL, buf, sizeof buf), 2);
	ck_assert_str_eq(buf, "plan-observations: out of memory\n");
}
END_TEST

Suite *
make_suite_xalloc(void)
{
	Suite *s = suite_create("xalloc");
	TCase *tc = tcase_create("xalloc");

	tcase_add_test(tc, oom_names_the_tool);
	suite_add_tcase(s, tc);
	return s;
}
