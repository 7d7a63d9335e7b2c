/*
 * fuzz_main_plan_weeks.c: plan-weeks' main path (areas and team readers,
 * timetable, area choice and deployment, writers) on fuzzed files: part 0
 * is the areas CSV, part 1 the team CSV; part 2's first byte picks the view and
 * format.
 */
#include "fuzz_main.h"

/* The tool's main(), built with -Dmain=fuzz_tool_main (see the Makefile). */
int fuzz_tool_main(int, char *[]);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const fmt[] = {"json", "html", "ics", "svg"};
	static const char *const view[] = {"deployment", "areas"};
	unsigned last = fuzz_main_byte(data, size, 2);
	const char *args[] = {"--start", "2027-01-15", "--areas", "@0", "--team", "@1", "--format",
	                      "json",    "--view",     "areas",   "-o", "@o",     NULL};

	setenv("CAFCASS_INSPECT_DATA", "share", 0);
	args[7] = fmt[last % 4];
	args[9] = view[(last >> 2) & 1];
	(void)fuzz_main_run(fuzz_tool_main, args, data, size);
	return 0;
}
