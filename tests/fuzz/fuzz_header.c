/*
 * fuzz_header.c: the header mapper and the vocabularies (PCRE2 patterns on
 * arbitrary, possibly invalid, UTF-8): the input's lines are header names
 * and values to look up.
 */
#include "annexa/strata.h"
#include "core/fieldmap.h"
#include "core/vocab.h"
#include "fuzz.h"

static struct fieldmap *fm;
static struct strata *st;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512], *s = fuzz_string(data, size), *line, *save = NULL;
	const char *names[64];
	struct fieldmap_binding b;
	struct strata_class c;
	size_t n = 0;

	if (fm == NULL) {
		setenv("CAFCASS_INSPECT_DATA", "share", 0);
		if ((fm = fieldmap_load_named("annexa", err, sizeof err)) == NULL ||
		    (st = strata_load(err, sizeof err)) == NULL) {
			fprintf(stderr, "fuzz_header: %s\n", err);
			abort();
		}
	}
	for (line = strtok_r(s, "\n", &save); line != NULL && n < 64;
	     line = strtok_r(NULL, "\n", &save)) {
		names[n++] = line;
		strata_classify(st, line, &c);
		(void)vocab_find(strata_casetypes(st), line);
	}
	fieldmap_bind(fm, names, n, &b);
	fieldmap_unbind(&b);
	free(s);
	return 0;
}
