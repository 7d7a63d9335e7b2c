/*
 * fuzz_main_check_annexA.c: check-annexA's main path (the streaming reader,
 * the two-thread batch reader, every rule, the summary and the writers) on a
 * fuzzed extract: part 0 is the Annex A CSV; part 1's first byte picks the
 * output format and cp1252.
 */
#include "fuzz_main.h"

/* The tool's main(), built with -Dmain=fuzz_tool_main (see the Makefile). */
int fuzz_tool_main(int, char **);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const fmt[] = {"text", "json", "csv"};
	unsigned pick = fuzz_main_byte(data, size, 1);
	const char *args[] = {"--as-of", "2027-01-15", "--format", "text", "-o",
	                      "@o",      "@0",         NULL,       NULL,   NULL};

	setenv("CAFCASS_INSPECT_DATA", "share", 0);
	args[3] = fmt[pick % 3];
	if (pick & 4) {
		args[7] = "--encoding";
		args[8] = "cp1252";
	}
	(void)fuzz_main_run(fuzz_tool_main, args, data, size);
	return 0;
}
