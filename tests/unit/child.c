/*
 * child.c: a call run in a child process, its stderr and exit status read
 * back (see child.h).
 */
#include <check.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "child.h"
#include "core/diag.h"

int
child_stderr(const char *prog, void (*fn)(void *), void *arg, char *buf, size_t bufsz)
{
	char chunk[512];
	size_t got = 0, k;
	int fds[2], status;
	ssize_t n;
	pid_t pid;

	ck_assert_int_eq(pipe(fds), 0);
	pid = fork();
	ck_assert_int_ne(pid, -1);
	if (pid == 0) {
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		diag_init(prog);
		fn(arg);
		_exit(0);
	}
	close(fds[1]);
	while ((n = read(fds[0], chunk, sizeof chunk)) >
	       0) { /* to the end: the child never blocks */
		k = (size_t)n < bufsz - 1 - got ? (size_t)n : bufsz - 1 - got;
		memcpy(buf + got, chunk, k);
		got += k;
	}
	close(fds[0]);
	buf[got] = '\0';
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}
