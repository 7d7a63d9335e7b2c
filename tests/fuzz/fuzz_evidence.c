/*
 * fuzz_evidence.c: the evidence reader (CSV, and NDJSON when the input
 * starts with "{") on arbitrary bytes, checked against the shipped
 * evaluation schedule; the first byte's low bit selects cp1252 for CSV.
 */
#include "fuzz.h"
#include "sea/evidence.h"
#include "sea/schedule.h"

static struct schedule *sched;
static struct evidence_reader *rd;

/* Load the schedule and the reader once. */
static void
fuzz_init(void)
{
	char err[512];

	setenv("CAFCASS_INSPECT_DATA", "share", 0);
	if ((sched = schedule_load_default(err, sizeof err)) == NULL ||
	    (rd = evidence_reader_new(sched, err, sizeof err)) == NULL) {
		fprintf(stderr, "fuzz_evidence: %s\n", err);
		abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512], path[64];
	struct evidence_set set;
	unsigned flags = size > 0 && (data[size - 1] & 1) ? 1 : 0;
	int fd;

	if (rd == NULL)
		fuzz_init();
	evidence_set_init(&set);
	fd = fuzz_file(data, size, path, sizeof path);
	(void)evidence_read(rd, path, flags, &set, err, sizeof err);
	evidence_set_free(&set);
	close(fd);
	return 0;
}
