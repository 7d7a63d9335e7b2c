/*
 * fuzz_sample.c: sample-cases' draw (lib/sample/sample.h) on rows read from
 * arbitrary CSV: columns 0-3 are Case ID, case type, service area and an
 * exclusion mark; each row is classified through the shipped strata and
 * added, then the national sample is drawn. (The tool's own row reader is
 * several files under cmd/sample-cases/ sharing a header without an
 * include guard, so it cannot be pulled in here; its lib entry points can.)
 */
#include "annexa/strata.h"
#include "core/csvio.h"
#include "fuzz.h"
#include "sample/sample.h"

static struct strata *st;
static struct strata_stratum defs[8];
static size_t ndefs;

/* Load the strata once. */
static void
fuzz_init(void)
{
	char err[512];

	setenv("CAFCASS_INSPECT_DATA", "share", 0);
	if ((st = strata_load(err, sizeof err)) == NULL) {
		fprintf(stderr, "fuzz_sample: %s\n", err);
		abort();
	}
	for (ndefs = 0; ndefs < strata_count(st) && ndefs < 8; ndefs++)
		defs[ndefs] = *strata_get(st, ndefs);
}

/* Add one record to the draw. */
static void
fuzz_row(struct sample *s, const struct csvio_record *rec)
{
	struct strata_class c;

	if (rec->nfields < 3 || (rec->flags & CSVIO_BAD_UTF8))
		return;
	if (rec->nfields > 3 && rec->fields[3][0] == 'x') {
		sample_exclude(s, rec->fields[0]);
		return;
	}
	strata_classify(st, rec->fields[1], &c);
	if (c.stratum < 0 || (size_t)c.stratum >= ndefs)
		return;
	(void)sample_add(s, rec->fields[0], rec->fields[2], (size_t)c.stratum, c.quota,
	                 (const char *const *)rec->fields, rec->lens, rec->nfields, rec->line);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512];
	FILE *fp = fmemopen((void *)data, size ? size : 1, "r");
	const unsigned long *lines;
	struct csvio_reader *rd;
	struct csvio_record *rec;
	struct sample_result *res;
	struct sample *s;

	if (st == NULL)
		fuzz_init();
	if (fp == NULL)
		return 0;
	if ((rd = csvio_open(fp, "fuzz.csv", 0)) == NULL) {
		fclose(fp);
		return 0;
	}
	s = sample_new(defs, ndefs, size > 0 ? data[0] : 1);
	while (csvio_next(rd, &rec) > 0)
		fuzz_row(s, rec);
	(void)sample_repeated(s, &lines);
	(void)sample_conflicting(s, &lines);
	(void)sample_rank(s, "CA27004512");
	if ((res = sample_draw(s, err, sizeof err)) != NULL)
		sample_result_free(res);
	sample_free(s);
	csvio_close(rd);
	fclose(fp);
	return 0;
}
