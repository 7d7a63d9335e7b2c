/*
 * fuzz_main_plan_observations.c: plan-observations' main path (its plan
 * JSON loader, opportunities reader, solver and writers) on fuzzed files:
 * part 0 is the plan, part 1 the opportunities CSV; part 2's first byte picks
 * the output format.
 */
#include "fuzz_main.h"

/* The tool's main(), built with -Dmain=fuzz_tool_main (see the Makefile). */
int fuzz_tool_main(int, char *[]);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const fmt[] = {"csv", "json", "ics"};
	const char *args[] = {"--plan", "@0", "--opportunities", "@1", "--format", "csv", "-o",
	                      "@o",     NULL};

	setenv("CAFCASS_INSPECT_DATA", "share", 0);
	args[5] = fmt[fuzz_main_byte(data, size, 2) % 3];
	(void)fuzz_main_run(fuzz_tool_main, args, data, size);
	return 0;
}
