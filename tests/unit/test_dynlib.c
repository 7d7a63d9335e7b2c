/*
 * test_dynlib.c: a library loaded on first use gives its functions; a missing
 * one stops the program with exit status 2 and a message naming the tool, the
 * library, what it is needed for and the package that installs it.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "child.h"
#include "core/dynlib.h"

Suite *make_suite_dynlib(void);

START_TEST(loads_on_first_use)
{
	struct dynlib m = {"libm.so.6", "libm.so", "libc6", "compute", NULL};
	double (*f)(double);
	void *p;

	ck_assert_ptr_null(m.handle);
	p = dynlib_sym(&m, "sqrt");
	ck_assert_ptr_nonnull(m.handle);
	memcpy(&f, &p, sizeof f);
	ck_assert(f(16.0) == 4.0);
}
END_TEST

/* A lookup in the child: the library and the function's name. */
struct sym_call {
	struct dynlib *lib;
	const char *name;
};

static void
sym_in_child(void *arg)
{
	const struct sym_call *c = arg;

	(void)dynlib_sym(c->lib, c->name);
}

/* The status and the stderr of lib's function name looked up in a child. */
static int
lookup_in_child(struct dynlib *lib, const char *name, char *buf, size_t bufsz)
{
	struct sym_call call = {lib, name};

	return child_stderr("plan-weeks", sym_in_child, &call, buf, bufsz);
}

START_TEST(missing_library_stops)
{
	struct dynlib lib = {"libcafcass-none.so.9", "libcafcass-none.so", "libcafcass-none9",
	                     "write calendars", NULL};
	char buf[512];

	ck_assert_int_eq(lookup_in_child(&lib, "f", buf, sizeof buf), 2);
	ck_assert_msg(strncmp(buf,
	                      "plan-weeks: cannot load libcafcass-none.so.9, needed to write "
	                      "calendars: ",
	                      62) == 0,
	              "%s", buf);
	ck_assert_msg(strstr(buf, "; install the package libcafcass-none9\n") != NULL, "%s", buf);
}
END_TEST

START_TEST(missing_function_stops)
{
	struct dynlib m = {"libm.so.6", NULL, "libc6", "compute", NULL};
	char buf[512];

	ck_assert_int_eq(lookup_in_child(&m, "no_such_function_here", buf, sizeof buf), 2);
	ck_assert_msg(strstr(buf, "no_such_function_here") != NULL, "%s", buf);
	ck_assert_msg(strstr(buf, "install the package libc6") != NULL, "%s", buf);
}
END_TEST

Suite *
make_suite_dynlib(void)
{
	Suite *s = suite_create("dynlib");
	TCase *tc = tcase_create("dynlib");

	tcase_add_test(tc, loads_on_first_use);
	tcase_add_test(tc, missing_library_stops);
	tcase_add_test(tc, missing_function_stops);
	suite_add_tcase(s, tc);
	return s;
}
