/*
 * fuzz_report.c: the render-report loaders on arbitrary bytes: the input
 * is loaded as JSON and handed to the typed readers (judgements, SEA,
 * details, plan) and what consumes them; it is also used as a letter
 * template, a date for the long form, and Markdown for the text walk.
 */
#include "core/jsonio.h"
#include "core/readability.h"
#include "core/strbuf.h"
#include "fuzz.h"
#include "plan/planfile.h"
#include "redact/redact.h"
#include "regime/profile.h"
#include "report/detailsfile.h"
#include "report/judgementsfile.h"
#include "report/letters.h"
#include "report/report.h"
#include "sea/seafile.h"

static struct redact *red;
static struct profile *prof[2]; /* framework-2021 and handbook-2014: both judgement sets */

/* The JSON routes: every typed reader of a document from the user, and what follows. */
static void
fuzz_json(const uint8_t *data, size_t size)
{
	char err[512];
	FILE *fp = fmemopen((void *)data, size ? size : 1, "r");
	struct judgementsfile j;
	struct seafile sea;
	struct detailsfile d;
	struct planfile *plan;
	struct letters_vars *v;
	json_t *doc;
	char *svg;

	if (fp == NULL)
		return;
	doc = jsonio_loadf(fp, "fuzz.json", err, sizeof err);
	fclose(fp);
	if (doc == NULL)
		return;
	if (judgementsfile_read(doc, prof[size % 2], &j, err, sizeof err) == 0)
		judgementsfile_free(&j);
	plan = planfile_from_json(doc, "fuzz.json", err, sizeof err);
	if (seafile_read(doc, &sea, err, sizeof err) == 0) {
		if (report_sea_check(&sea, prof[size % 2], err, sizeof err) == 0) {
			report_add_people(red, &sea, plan);
			if ((svg = report_coverage_svg(&sea)) != NULL)
				free(svg);
		}
		seafile_free(&sea);
	}
	v = letters_vars_new();
	if (detailsfile_read(doc, &d, err, sizeof err) == 0) {
		(void)letters_vars_details(v, &d, err, sizeof err);
		detailsfile_free(&d);
	}
	if (plan != NULL)
		(void)letters_vars_plan(v, plan, err, sizeof err);
	letters_vars_free(v);
	planfile_free(plan);
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
		if ((red = redact_new(err, sizeof err)) == NULL ||
		    (prof[0] = profile_named("framework-2021", err, sizeof err)) == NULL ||
		    (prof[1] = profile_named("handbook-2014", err, sizeof err)) == NULL)
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
	(void)judgementsfile_grade_parse(s);
	(void)letters_placeholder(s);
	strbuf_init(&out);
	(void)rdoc_markdown_text(s, &out, err, sizeof err);
	strbuf_free(&out);
	free(s);
	return 0;
}
