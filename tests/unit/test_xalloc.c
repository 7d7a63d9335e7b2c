/*
 * test_xalloc.c: running out of memory stops the program with exit status 2
 * and a message that names the tool (not the package).
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/diag.h"
#include "core/xalloc.h"

Suite *make_suite_xalloc(void);

START_TEST(oom_names_the_tool)
{
	char buf[256];
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		diag_init("plan-observations");
		/* An array whose size overflows: refused before any malloc. */
		(void)xreallocarray(NULL, SIZE_MAX / 2, 4);
		_exit(0);
	}
	close(fds[1]);
	n = read(fds[0], buf, sizeof buf - 1);
	close(fds[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 2);
	ck_assert_int_gt(n, 0);
	buf[n] = '\0';
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
