/*
 * fuzz_annexa.c: check-annexA's rules engine (lib/annexa/annexa.h) on arbitrary
 * bytes as an Annex A extract, with and without cp1252 (the last byte's low
 * bit), to the end and the national sample's feasibility; every finding
 * must name a known rule.
 */
#include "annexa/annexa.h"
#include "core/csvio.h"
#include "fuzz.h"

/* A finding: its rule must have a name. */
static void
fuzz_emit(void *arg, const struct annexa_finding *f)
{
	(void)arg;
	if (annexa_rule_id(f->rule) == NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512];
	struct annexa_config cfg;
	struct annexa *a;
	FILE *fp;

	setenv("CAFCASS_INSPECT_DATA", "share", 0);
	memset(&cfg, 0, sizeof cfg);
	(void)dates_from_ymd(2027, 1, 15, &cfg.as_of);
	cfg.csv_flags = size > 0 && (data[size - 1] & 1) ? CSVIO_CP1252 : 0;
	if ((a = annexa_new(&cfg, err, sizeof err)) == NULL) {
		fprintf(stderr, "fuzz_annexa: %s\n", err);
		abort();
	}
	if ((fp = fmemopen((void *)data, size ? size : 1, "r")) != NULL) {
		if (annexa_check(a, fp, "fuzz.csv", fuzz_emit, NULL, err, sizeof err) == 0) {
			annexa_finish(a, fuzz_emit, NULL);
			(void)annexa_summary(a);
		}
		fclose(fp);
	}
	annexa_free(a);
	return 0;
}
