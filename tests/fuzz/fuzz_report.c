/*
 * fuzz_report.c: the render-report loaders on arbitrary bytes: the input
 * is loaded as JSON and handed to the judgements parser, the SEA check,
 * the details and plan variable loaders; it is also used as a letter
 * template and as a date for the long form.
 */
#include "core/jsonio.h"
#include "core/readability.h"
#include "core/strbuf.h"
#include "fuzz.h"
#include "redact/redact.h"
#include "report/letters.h"
#include "report/report.h"

static struct redact *red;

/* The JSON routes: every loader that takes a document from the user. */
static void
fuzz_json(const uint8_t *data, size_t size)
{
	char err[512];
	FILE *fp = fmemopen((void *)data, size ? size : 1, "r");
	struct report_judgements j;
	struct letters_vars *v;
	json_t *doc;
	char *svg;

	if (fp == NULL)
		return;
	doc = jsonio_loadf(fp, "fuzz.json", err, sizeof err);
	fclose(fp);
	if (doc == NULL)
		return;
	memset(&j, 0, sizeof j);
	if (report_judgements_parse(doc, &j, err, sizeof err) == 0)
		report_judgements_free(&j);
	if (report_sea_check(doc, err, sizeof err) == 0) {
		report_add_people(red, doc, doc);
		if ((svg = report_coverage_svg(doc)) != NULL)
			free(svg);
	}
	v = letters_vars_new();
	(void)letters_vars_details(v, doc, err, sizeof err);
	(void)letters_vars_plan(v, doc, err, sizeof err);
	letters_vars_free(v);
	json_decref(doc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512], date[40], *s = fuzz_string(data, size);
	struct letters_vars *v;
	struct strbuf out;

	if (red == NULL) {
		setenv("CAFCASS_INSPECT_DATA", "share", 0);
		if ((red = redact_new(err, sizeof err)) == NULL)
			abort();
	}
	fuzz_json(data, size);
	v = letters_vars_new();
	letters_vars_set(v, "provider", "Cafcass");
	letters_vars_set(v, "inspection_start", "2027-01-15");
	strbuf_init(&out);
	(void)letters_fill(s, v, &out, err, sizeof err);
	(void)letters_unfilled(s);
	strbuf_free(&out);
	letters_vars_free(v);
	(void)letters_long_date(s, date, sizeof date);
	(void)report_grade_parse(s);
	free(s);
	return 0;
}
