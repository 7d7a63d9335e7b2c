/*
 * unit_check.h: Check's <check.h>, with assertions that cost nothing while
 * they hold. Check 0.15's ck_assert_msg(), behind every ck_assert_*(), calls
 * _mark_point() when the assertion holds, and that writes the file and line
 * to Check's message channel: a system call for each passing assertion (2.5
 * million in the csvio suite alone), most of the unit suites' time and far
 * more under the sanitizers. Here a passing assertion does nothing; a failing
 * one fails the test as before, with the same message. What is lost is only
 * the "last checkpoint" Check names when a test dies of a signal; a test can
 * still call mark_point() where it wants one. The Makefile has every unit
 * test's compiler read this header first (-include), so that no test file
 * needs to name it.
 */
#ifndef UNIT_CHECK_H
#define UNIT_CHECK_H

#include <check.h>

#undef ck_assert_msg
#define ck_assert_msg(expr, ...)                                                                   \
	((expr) ? (void)0                                                                          \
	        : _ck_assert_failed(__FILE__, __LINE__, "Assertion '" #expr "' failed",            \
	                            ##__VA_ARGS__))

#endif
