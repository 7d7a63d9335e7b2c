/*
 * fuzz_main_build_sea.c: build-sea's main path (reference data, evidence
 * reader, redaction, SEA builder and writers) on fuzzed files: part 0 and
 * part 1 are evidence files, part 2 the identifiers file; the last byte
 * picks the output format and cp1252.
 */
#include "fuzz_main.h"

/* The tool's main(), built with -Dmain=fuzz_tool_main (see the Makefile). */
int fuzz_tool_main(int, char **);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const fmt[] = {"json", "csv", "md"};
	unsigned last = fuzz_main_byte(data, size, 3);
	const char *args[] = {"--require-complete",
	                      "--identifiers",
	                      "@2",
	                      "--format",
	                      "json",
	                      "-o",
	                      "@o",
	                      "@0",
	                      "@1",
	                      NULL,
	                      NULL,
	                      NULL};

	setenv("CAFCASS_INSPECT_DATA", "share", 0);
	args[4] = fmt[last % 3];
	if (last & 4) {
		args[9] = "--encoding";
		args[10] = "cp1252";
	}
	(void)fuzz_main_run(fuzz_tool_main, args, data, size);
	return 0;
}
