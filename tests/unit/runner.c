/*
 * runner.c: runs every Check suite (tests/unit/test_<name>.c, one or more
 * per lib/ folder's modules) and prints the summary line. The list of suites is generated from
 * tests/unit/test_*.c.
 */
#include <check.h>
#include <stdlib.h>

#define SUITE(n) Suite *make_suite_##n(void);
#include "suites.h"
#undef SUITE

int
main(void)
{
	SRunner *sr;
	int failed;

	/* Tests run from tests/unit and read the source tree's data. */
	setenv("CAFCASS_INSPECT_DATA", "../../share", 0);
	/* A loaded CI machine or a sanitizer build is slow: correctness, not speed,
	 * is tested here (speed is `make bench`). */
	setenv("CK_DEFAULT_TIMEOUT", "300", 0);
	sr = srunner_create(NULL);
#define SUITE(n) srunner_add_suite(sr, make_suite_##n());
#include "suites.h"
#undef SUITE
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
