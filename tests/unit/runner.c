/*
 * runner.c: runs every Check suite (tests/unit/test_<name>.c, one or more
 * per lib/ folder's modules) and prints the summary line. The list of suites
 * is generated from tests/unit/test_*.c.
 *
 * The suites run in UNIT_JOBS worker processes side by side (default: the
 * CPUs online, at most 8), each taking the next suite from a pipe, the
 * slowest first; each worker's report is printed whole, in turn, and the last
 * line sums them in Check's own words. UNIT_JOBS=1, or CK_RUN_SUITE, runs
 * them in this process as Check alone would.
 */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define SUITE(n) Suite *make_suite_##n(void);
#include "suites.h"
#undef SUITE

#define RUNNER_MAX_JOBS 8

struct runner_suite {
	const char *name;
	Suite *(*make)(void);
};

static const struct runner_suite runner_suites[] = {
#define SUITE(n) {#n, make_suite_##n},
#include "suites.h"
#undef SUITE
};

#define RUNNER_NSUITES (sizeof runner_suites / sizeof runner_suites[0])

/* The suites that take longest, started first so that the workers end together. */
static const char *const runner_slow[] = {"redact", "csvio", "idset", "sample", "dates", NULL};

/* What one worker ran. */
struct runner_tally {
	int run, failures, errors;
};

static int
runner_jobs(void)
{
	const char *s = getenv("UNIT_JOBS");
	long n;

	if (getenv("CK_RUN_SUITE") != NULL)
		return 1;
	n = s != NULL ? strtol(s, NULL, 10) : sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	return n > RUNNER_MAX_JOBS ? RUNNER_MAX_JOBS : (int)n;
}

static void
runner_count(SRunner *sr, struct runner_tally *t)
{
	TestResult **tr = srunner_failures(sr);
	int i, n = srunner_ntests_failed(sr);

	t->run += srunner_ntests_run(sr);
	for (i = 0; i < n; i++) {
		if (tr_rtype(tr[i]) == CK_ERROR)
			t->errors++;
		else
			t->failures++;
	}
	free(tr);
}

static void
runner_summary(const struct runner_tally *t)
{
	int bad = t->failures + t->errors;
	int pct = t->run > 0 ? (int)((t->run - bad) * 100L / t->run) : 0;

	printf("%d%%: Checks: %d, Failures: %d, Errors: %d\n", pct, t->run, t->failures, t->errors);
}

/* One process, every suite: Check's own run. */
static int
runner_alone(void)
{
	SRunner *sr = srunner_create(NULL);
	struct runner_tally t = {0, 0, 0};
	size_t i;

	for (i = 0; i < RUNNER_NSUITES; i++)
		srunner_add_suite(sr, runner_suites[i].make());
	srunner_run_all(sr, CK_NORMAL);
	runner_count(sr, &t);
	srunner_free(sr);
	return t.failures + t.errors == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* A worker: run each suite whose index comes down the pipe; tally to out. */
static void
runner_worker(int queue, FILE *report, int tally)
{
	struct runner_tally t = {0, 0, 0};
	unsigned char k;

	if (dup2(fileno(report), STDOUT_FILENO) < 0 || dup2(fileno(report), STDERR_FILENO) < 0)
		exit(3);
	while (read(queue, &k, 1) == 1) {
		SRunner *sr = srunner_create(runner_suites[k].make());

		srunner_run_all(sr, CK_NORMAL);
		runner_count(sr, &t);
		srunner_free(sr);
	}
	fflush(stdout);
	if (write(tally, &t, sizeof t) != (ssize_t)sizeof t)
		exit(3);
	exit(0);
}

/* The queue: the slow suites first, then the rest in their order. */
static int
runner_queue(int fd)
{
	unsigned char order[RUNNER_NSUITES];
	char taken[RUNNER_NSUITES] = {0};
	size_t i, j, n = 0;

	for (j = 0; runner_slow[j] != NULL; j++)
		for (i = 0; i < RUNNER_NSUITES; i++)
			if (!taken[i] && strcmp(runner_suites[i].name, runner_slow[j]) == 0) {
				taken[i] = 1;
				order[n++] = (unsigned char)i;
			}
	for (i = 0; i < RUNNER_NSUITES; i++)
		if (!taken[i])
			order[n++] = (unsigned char)i;
	return write(fd, order, n) == (ssize_t)n ? 0 : -1;
}

/* Print a worker's report; add its tally; 0, or -1 when it did not end well. */
static int
runner_collect(pid_t pid, FILE *report, int tally, struct runner_tally *sum)
{
	struct runner_tally t;
	char buf[8192];
	size_t n;
	int status, ok;

	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	rewind(report);
	while ((n = fread(buf, 1, sizeof buf, report)) > 0)
		fwrite(buf, 1, n, stdout);
	fclose(report);
	ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	     read(tally, &t, sizeof t) == (ssize_t)sizeof t;
	close(tally);
	if (!ok) {
		printf("unit-tests: a worker ended abnormally (status %d)\n", status);
		return -1;
	}
	sum->run += t.run;
	sum->failures += t.failures;
	sum->errors += t.errors;
	return 0;
}

static int
runner_parallel(int jobs)
{
	struct runner_tally sum = {0, 0, 0};
	FILE *report[RUNNER_MAX_JOBS];
	int tally[RUNNER_MAX_JOBS], queue[2], pipefd[2], i, bad = 0;
	pid_t pid[RUNNER_MAX_JOBS];

	if (pipe(queue) < 0 || runner_queue(queue[1]) < 0)
		return runner_alone();
	close(queue[1]);
	fflush(stdout);
	for (i = 0; i < jobs; i++) {
		if ((report[i] = tmpfile()) == NULL || pipe(pipefd) < 0) {
			perror("unit-tests");
			exit(EXIT_FAILURE);
		}
		if ((pid[i] = fork()) < 0) {
			perror("unit-tests: fork");
			exit(EXIT_FAILURE);
		}
		if (pid[i] == 0) {
			close(pipefd[0]);
			runner_worker(queue[0], report[i], pipefd[1]);
		}
		close(pipefd[1]);
		tally[i] = pipefd[0];
	}
	close(queue[0]);
	for (i = 0; i < jobs; i++)
		if (runner_collect(pid[i], report[i], tally[i], &sum) < 0)
			bad++;
	runner_summary(&sum);
	if (bad > 0)
		printf("unit-tests: FAILED: %d of %d workers ended abnormally (their reports are "
		       "above; their checks are not counted)\n",
		       bad, jobs);
	return bad || sum.failures + sum.errors > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}

int
main(void)
{
	int jobs;

	/* Tests run from tests/unit and read the source tree's data. */
	setenv("CAFCASS_INSPECT_DATA", "../../share", 0);
	/* A loaded CI machine or a sanitizer build is slow: correctness, not speed,
	 * is tested here (speed is `make bench`). */
	setenv("CK_DEFAULT_TIMEOUT", "300", 0);
	jobs = runner_jobs();
	return jobs == 1 ? runner_alone() : runner_parallel(jobs);
}
