/*
 * fuzz_main.h: run a tool's main() in-process on fuzzed input files. A
 * harness is linked with its tool's cmd/ object built with
 * -Dmain=fuzz_tool_main and -Wl,--wrap=exit, and calls fuzz_main_run() with
 * an argument template. The input is split into parts at each FUZZ_SEP line;
 * each part becomes a memfd file and "@0", "@1"... in the template become
 * their paths, "@o" an output file in a private temporary folder. exit()
 * in the tool (usage, a fatal load error) returns to the harness by
 * longjmp, so a tool that stops early costs one run, not the fuzzer.
 */
#ifndef FUZZ_MAIN_H
#define FUZZ_MAIN_H

#include <getopt.h>
#include <setjmp.h>
#include <stdlib.h>

#include "fuzz.h"

#define FUZZ_SEP "\n~~~~\n"
#define FUZZ_MAX_PARTS 5
#define FUZZ_MAX_ARGS 32

static jmp_buf fuzz_exit_env;
static int fuzz_in_tool; /* inside fuzz_main_run(): exit() returns there */

void __real_exit(int) __attribute__((noreturn));
void __wrap_exit(int) __attribute__((noreturn));

/* exit() as the tool and the library see it (linked with -Wl,--wrap=exit). */
void
__wrap_exit(int status)
{
	if (fuzz_in_tool)
		longjmp(fuzz_exit_env, status + 1);
	__real_exit(status);
}

/* The output path: a file in a private folder made once. */
static const char *
fuzz_out_path(void)
{
	static char path[64];
	char dir[] = "/tmp/fuzzmain.XXXXXX";

	if (path[0] == '\0') {
		if (mkdtemp(dir) == NULL)
			abort();
		snprintf(path, sizeof path, "%s/out", dir);
	}
	return path;
}

/* The first byte of part i (options a harness picks from it), or 0. */
static unsigned
fuzz_main_byte(const uint8_t *data, size_t size, int part)
{
	const uint8_t *p = data, *end = data + size, *sep;
	size_t seplen = strlen(FUZZ_SEP);

	for (; part > 0; part--) {
		if ((sep = memmem(p, (size_t)(end - p), FUZZ_SEP, seplen)) == NULL)
			return 0;
		p = sep + seplen;
	}
	return p < end ? *p : 0;
}

/* Run fn with the template's arguments on the input's parts; its status. */
static int
fuzz_main_run(int (*fn)(int, char **), const char *const *tmpl, const uint8_t *data, size_t size)
{
	char paths[FUZZ_MAX_PARTS][64], *argv[FUZZ_MAX_ARGS + 1];
	const uint8_t *p = data, *end = data + size, *sep;
	int fds[FUZZ_MAX_PARTS], argc = 0, i, status;
	size_t seplen = strlen(FUZZ_SEP);

	for (i = 0; i < FUZZ_MAX_PARTS; i++) {
		sep =
		    i + 1 < FUZZ_MAX_PARTS ? memmem(p, (size_t)(end - p), FUZZ_SEP, seplen) : NULL;
		fds[i] = fuzz_file(p, (size_t)((sep ? sep : end) - p), paths[i], sizeof paths[i]);
		p = sep ? sep + seplen : end;
	}
	argv[argc++] = (char *)"tool";
	for (; *tmpl != NULL && argc < FUZZ_MAX_ARGS; tmpl++) {
		if ((*tmpl)[0] == '@' && (*tmpl)[1] >= '0' && (*tmpl)[1] < '0' + FUZZ_MAX_PARTS)
			argv[argc++] = paths[(*tmpl)[1] - '0'];
		else if (strcmp(*tmpl, "@o") == 0)
			argv[argc++] = (char *)fuzz_out_path();
		else
			argv[argc++] = (char *)*tmpl;
	}
	argv[argc] = NULL;
	optind = 0; /* glibc: start getopt afresh */
	fuzz_in_tool = 1;
	if ((status = setjmp(fuzz_exit_env)) == 0)
		status = fn(argc, argv);
	else
		status--;
	fuzz_in_tool = 0;
	for (i = 0; i < FUZZ_MAX_PARTS; i++)
		close(fds[i]);
	unlink(fuzz_out_path());
	if (status < 0 || status > 2) {
		fprintf(stderr, "fuzz_main: exit status %d outside the contract\n", status);
		abort();
	}
	if (getenv("FUZZ_VERBOSE") != NULL)
		fprintf(stderr, "fuzz_main: exit status %d\n", status);
	return status;
}

#endif
