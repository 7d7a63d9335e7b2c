/*
 * wall.c: the benchmark's stopwatch. `wall FILE CMD [ARG...]` runs CMD and
 * writes to FILE the wall-clock microseconds from its fork to its exit, on
 * the monotonic clock (a shell's `date +%s%N` on each side would add its own
 * start-up, milliseconds, to every figure), and the CPU microseconds (user +
 * system, every thread) CMD used, from getrusage() (GNU time's %U and %S are
 * in hundredths: too coarse for a 5 ms start-up). Built and run by
 * tests/bench/run.sh under /usr/bin/time, which measures peak memory. Exits
 * with CMD's status (128 + the signal when a signal ends it, 127 when it
 * cannot be run).
 */
#define _POSIX_C_SOURCE 200809L

#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <stdio.h>
#include <time.h>
#include <unistd.h>

/* Microseconds on the monotonic clock. */
static long long
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

int
main(int argc, char *argv[])
{
	long long t0, t1, cpu;
	struct rusage ru;
	int status;
	pid_t pid;
	FILE *fp;

	if (argc < 3) {
		fprintf(stderr, "usage: wall FILE CMD [ARG...]\n");
		return 2;
	}
	t0 = now_us();
	if ((pid = fork()) == -1) {
		perror("wall: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror("wall: exec");
		_exit(127);
	}
	if (waitpid(pid, &status, 0) == -1) {
		perror("wall: waitpid");
		return 2;
	}
	t1 = now_us();
	if (getrusage(RUSAGE_CHILDREN, &ru) == -1) {
		perror("wall: getrusage");
		return 2;
	}
	cpu = ((long long)ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000 + ru.ru_utime.tv_usec +
	      ru.ru_stime.tv_usec;
	if ((fp = fopen(argv[1], "w")) == NULL || fprintf(fp, "%lld %lld\n", t1 - t0, cpu) < 0 ||
	    fclose(fp) != 0) {
		perror("wall: cannot write the time");
		return 2;
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
