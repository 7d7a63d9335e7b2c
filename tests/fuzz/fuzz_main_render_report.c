/*
 * fuzz_main_render_report.c: render-report's main path (judgements, SEA,
 * plan and sample loaders, the gates, the writers, the public report or
 * the team pack; or a letter from
 * details) on fuzzed files: part 0 judgements, part 1 the SEA, part 2 the
 * plan, part 3 the sample or details; part 4's first byte picks the route.
 */
#include "fuzz_main.h"

/* The tool's main(), built with -Dmain=fuzz_tool_main (see the Makefile). */
int fuzz_tool_main(int, char *[]);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const fmt[] = {"md", "html", "txt"};
	static const char *const letter[] = {"ce-email", "family"};
	unsigned last = fuzz_main_byte(data, size, 4);
	const char *report[] = {"--judgements", "@0",       "--plan", "@2", "--sample",
	                        "@3",           "--format", "md",     "-o", "@o",
	                        "@1",           NULL,       NULL,     NULL, NULL};
	size_t k = 11;
	const char *letters[] = {"--letter", "ce-email", "--details", "@3", "--plan", "@2",
	                         "--format", "md",       "-o",        "@o", NULL};

	setenv("CAFCASS_INSPECT_DATA", "share", 0);
	if (last & 8) {
		letters[1] = letter[(last >> 4) & 1];
		letters[7] = fmt[last % 3];
		(void)fuzz_main_run(fuzz_tool_main, letters, data, size);
	} else {
		report[7] = fmt[last % 3];
		if (last & 4)
			report[k++] = "--draft";
		if (last & 16) { /* the team pack; else the public report, without sections */
			report[k++] = "--audience";
			report[k++] = "team";
		}
		(void)fuzz_main_run(fuzz_tool_main, report, data, size);
	}
	return 0;
}
