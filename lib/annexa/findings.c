/*
 * report.c: check-annexA's text, json and csv output.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "annexa/findings.h"
#include "core/csvio.h"
#include "core/diag.h"
#include "core/jsonio.h"
#include "core/xalloc.h"

int
findings_begin(struct findings *r, enum findings_format fmt, FILE *out, const char *file)
{
	static const char *const header[] = {"line", "column", "rule", "severity", "message"};

	memset(r, 0, sizeof *r);
	r->format = fmt;
	r->out = out;
	r->file = file;
	if (fmt == FINDINGS_JSON && (r->spool = tmpfile()) == NULL)
		return -1;
	if (fmt == FINDINGS_CSV)
		csvio_write_row(out, header, 5);
	return 0;
}

/* One finding as a JSON object. */
static json_t *
finding_json(const struct annexa_finding *f)
{
	json_t *o = json_object();

	json_object_set_new(o, "line",
	                    f->line > 0 ? json_integer((json_int_t)f->line) : json_null());
	json_object_set_new(o, "column", f->column != NULL ? json_string(f->column) : json_null());
	json_object_set_new(o, "rule", json_string(annexa_rule_id(f->rule)));
	json_object_set_new(o, "severity",
	                    json_string(annexa_severity_name(annexa_rule_severity(f->rule))));
	json_object_set_new(o, "message", json_string(f->message));
	return o;
}

void
findings_finding(void *arg, const struct annexa_finding *f)
{
	struct findings *r = arg;
	const char *sev = annexa_severity_name(annexa_rule_severity(f->rule));
	char line[32];
	json_t *o;

	r->total++;
	if (r->capped && r->listed >= r->max)
		return;
	r->listed++;
	switch (r->format) {
	case FINDINGS_TEXT:
		fprintf(r->out, "%s:", r->file);
		if (f->line > 0 && diag_sheet_of(r->file) != NULL)
			fprintf(r->out, "%s!A%lu:", diag_sheet_of(r->file),
			        f->line); /* a workbook's row */
		else if (f->line > 0)
			fprintf(r->out, "%lu:", f->line);
		if (f->column != NULL)
			fprintf(r->out, " %s:", f->column);
		fprintf(r->out, " %s (%s): %s\n", annexa_rule_id(f->rule), sev, f->message);
		break;
	case FINDINGS_CSV: {
		const char *row[5];

		snprintf(line, sizeof line, "%lu", f->line);
		row[0] = f->line > 0 ? line : "";
		row[1] = f->column;
		row[2] = annexa_rule_id(f->rule);
		row[3] = sev;
		row[4] = f->message;
		csvio_write_row(r->out, row, 5);
		break;
	}
	case FINDINGS_JSON:
		o = finding_json(f);
		fputs(r->listed > 1 ? ",\n    " : "    ", r->spool);
		json_dumpf(o, r->spool, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(o);
		break;
	}
}

/* A JSON object of named counts. */
static json_t *
counts_json(const struct annexa_count *c, size_t n)
{
	json_t *o = json_object();
	size_t i;

	for (i = 0; i < n; i++)
		json_object_set_new(o, c[i].name, json_integer((json_int_t)c[i].n));
	return o;
}

/* The feasibility lines as a JSON array. */
static json_t *
feasible_json(const struct annexa_summary *s)
{
	json_t *a = json_array(), *o;
	size_t i;

	for (i = 0; i < s->nfeasible; i++) {
		const struct annexa_feasibility *f = &s->feasible[i];

		o = json_object();
		json_object_set_new(o, "stratum", json_string(f->stratum));
		json_object_set_new(o, "quota", f->quota ? json_string(f->quota) : json_null());
		json_object_set_new(o, "available", json_integer((json_int_t)f->available));
		json_object_set_new(o, "required", json_integer((json_int_t)f->required));
		if (f->quota == NULL)
			json_object_set_new(o, "audit", json_integer((json_int_t)f->audit));
		json_object_set_new(o, "shortfall", json_boolean(f->available < f->required));
		json_array_append_new(a, o);
	}
	return a;
}

/* The documents part of the summary. */
static json_t *
docs_json(const char *manifest, const struct docs_report *d)
{
	json_t *o = json_object(), *items = json_array(), *it, *files, *un = json_array();
	size_t i, k;

	for (i = 0; i < d->nresults; i++) {
		const struct docs_result *res = &d->results[i];

		it = json_object();
		json_object_set_new(it, "item", json_string(res->item));
		json_object_set_new(it, "title", json_string(res->title));
		json_object_set_new(it, "scope", json_string(res->scope));
		json_object_set_new(it, "service_area",
		                    res->service_area ? json_string(res->service_area)
		                                      : json_null());
		json_object_set_new(it, "status",
		                    json_string(res->nfiles ? "supplied" : "missing"));
		files = json_array();
		for (k = 0; k < res->nfiles; k++)
			json_array_append_new(files, json_string(res->files[k]));
		json_object_set_new(it, "files", files);
		json_array_append_new(items, it);
	}
	for (i = 0; i < d->nunmatched; i++)
		json_array_append_new(un, json_string(d->unmatched[i]));
	json_object_set_new(o, "manifest", json_string(manifest));
	json_object_set_new(o, "items", items);
	json_object_set_new(o, "unmatched", un);
	return o;
}

/* The whole summary as a JSON object. */
static json_t *
summary_json(const struct findings *r, const struct annexa_summary *s, date_t as_of,
             const char *manifest, const struct docs_report *docs)
{
	json_t *o = json_object(), *rules = json_object();
	char iso[DATES_ISO_LEN];
	int i;

	json_object_set_new(o, "file", json_string(r->file));
	json_object_set_new(o, "as_of", json_string(dates_format(as_of, iso)));
	json_object_set_new(o, "records", json_integer((json_int_t)s->records));
	json_object_set_new(o, "errors", json_integer((json_int_t)s->errors));
	json_object_set_new(o, "warnings", json_integer((json_int_t)s->warnings));
	json_object_set_new(o, "findings", json_integer((json_int_t)r->total));
	json_object_set_new(o, "findings_listed", json_integer((json_int_t)r->listed));
	for (i = 0; i < ANNEXA_NRULES; i++)
		if (annexa_rule_listed(s, (enum annexa_rule)i))
			json_object_set_new(rules, annexa_rule_id((enum annexa_rule)i),
			                    json_integer((json_int_t)s->by_rule[i]));
	json_object_set_new(o, "by_rule", rules);
	if (s->fields2025 > 0)
		json_object_set_new(o, "form", json_string(s->form2025 ? "2025" : "2014"));
	json_object_set_new(o, "case_ids", json_integer((json_int_t)s->ids));
	json_object_set_new(o, "sibling_rows", json_integer((json_int_t)s->siblings));
	json_object_set_new(o, "case_id_form", s->id_form ? json_string(s->id_form) : json_null());
	json_object_set_new(o, "case_id_form_source",
	                    json_string(s->id_form_learnt ? "learnt" : "--id-pattern"));
	json_object_set_new(o, "case_id_misfits", json_integer((json_int_t)s->id_misfits));
	json_object_set_new(o, "law_types", counts_json(s->law_types, s->nlaw));
	json_object_set_new(o, "case_types", counts_json(s->case_types, s->ncase));
	json_object_set_new(o, "service_areas", counts_json(s->service_areas, s->narea));
	json_object_set_new(o, "national_sample", feasible_json(s));
	json_object_set_new(o, "documents", docs ? docs_json(manifest, docs) : json_null());
	return o;
}

/* Write the json document: summary, then the spooled findings. */
static int
end_json(struct findings *r, json_t *sum)
{
	char *text = json_dumps(sum, JSON_INDENT(2) | JSON_PRESERVE_ORDER), *p;
	char buf[65536];
	size_t n;

	fputs("{\n  \"summary\": ", r->out);
	for (p = text; *p != '\0'; p++) {
		fputc(*p, r->out);
		if (*p == '\n')
			fputs("  ", r->out);
	}
	free(text);
	fputs(",\n  \"findings\": [", r->out);
	if (r->listed > 0) {
		fputc('\n', r->out);
		rewind(r->spool);
		while ((n = fread(buf, 1, sizeof buf, r->spool)) > 0)
			fwrite(buf, 1, n, r->out);
		fputs("\n  ", r->out);
	}
	fputs("]\n}\n", r->out);
	if (ferror(r->spool))
		return -1;
	fclose(r->spool);
	r->spool = NULL;
	return 0;
}

/* Print "label: name n; name n" for the non-zero counts. */
static void
text_counts(FILE *fp, const char *label, const struct annexa_count *c, size_t n)
{
	size_t i;
	int first = 1;

	fprintf(fp, "%s:", label);
	for (i = 0; i < n; i++) {
		if (c[i].n == 0)
			continue;
		fprintf(fp, "%s %s %lu", first ? "" : ";", c[i].name, c[i].n);
		first = 0;
	}
	fputs(first ? " none\n" : "\n", fp);
}

/* The text summary. */
static void
end_text(struct findings *r, const struct annexa_summary *s, date_t as_of,
         const struct docs_report *docs)
{
	char iso[DATES_ISO_LEN];
	size_t i, k;

	fprintf(r->out, "summary: %s as of %s\n", r->file, dates_format(as_of, iso));
	fprintf(r->out, "records: %lu\nerrors: %lu\nwarnings: %lu\n", s->records, s->errors,
	        s->warnings);
	fprintf(r->out, "findings listed: %lu of %lu\n", r->listed, r->total);
	if (s->fields2025 > 0)
		fprintf(r->out, "form: %s (%d of the 6 fields added in September 2025)\n",
		        s->form2025 ? "2025" : "2014", s->fields2025);
	fprintf(r->out, "case ids: %lu\n", s->ids);
	fprintf(r->out, "sibling rows: %lu (further children of a case, not flagged)\n",
	        s->siblings);
	if (s->id_form != NULL)
		fprintf(r->out, "case id form: %s (%s); %lu not of it\n", s->id_form,
		        s->id_form_learnt ? "learnt from the file" : "--id-pattern", s->id_misfits);
	else
		fputs("case id form: none (no one shape covers 90% of the Case IDs)\n", r->out);
	text_counts(r->out, "law type", s->law_types, s->nlaw);
	text_counts(r->out, "case type", s->case_types, s->ncase);
	text_counts(r->out, "service area", s->service_areas, s->narea);
	for (i = 0; i < s->nfeasible; i++) {
		const struct annexa_feasibility *f = &s->feasible[i];

		fprintf(r->out, "national sample: %s%s%s: %lu available, %lu required", f->stratum,
		        f->quota ? " " : "", f->quota ? f->quota : "", f->available, f->required);
		if (f->quota == NULL)
			fprintf(r->out, " (%lu to audit)", f->audit);
		fputs(f->available < f->required ? " SHORT\n" : "\n", r->out);
	}
	for (i = 0; docs != NULL && i < docs->nresults; i++) {
		const struct docs_result *res = &docs->results[i];

		fprintf(r->out, "document %s %s", res->item, res->title);
		if (res->service_area != NULL)
			fprintf(r->out, " [%s]", res->service_area);
		fputs(res->nfiles ? ": supplied" : ": missing", r->out);
		for (k = 0; k < res->nfiles; k++)
			fprintf(r->out, "%s%s", k ? "; " : " (", res->files[k]);
		fputs(res->nfiles ? ")\n" : "\n", r->out);
	}
	for (i = 0; docs != NULL && i < docs->nunmatched; i++)
		fprintf(r->out, "document not recognised: %s\n", docs->unmatched[i]);
}

int
findings_end(struct findings *r, const struct annexa_summary *s, date_t as_of, const char *manifest,
             const struct docs_report *docs)
{
	json_t *sum;
	int rc = 0;

	switch (r->format) {
	case FINDINGS_TEXT:
		end_text(r, s, as_of, docs);
		break;
	case FINDINGS_JSON:
		sum = summary_json(r, s, as_of, manifest, docs);
		rc = end_json(r, sum);
		json_decref(sum);
		break;
	case FINDINGS_CSV:
		break;
	}
	return ferror(r->out) ? -1 : rc;
}

/* Raise document-missing for every item with no file. */
void
findings_documents(struct findings *rep, struct annexa *a, const char *manifest,
                   const struct docs_report *d)
{
	struct annexa_finding f;
	char msg[512];
	size_t i;

	rep->file = manifest;
	for (i = 0; i < d->nresults; i++) {
		const struct docs_result *res = &d->results[i];

		if (res->nfiles > 0)
			continue;
		snprintf(msg, sizeof msg, "further documentation item %s (%s) has no file%s%s",
		         res->item, res->title, res->service_area ? " for service area " : "",
		         res->service_area ? res->service_area : "");
		f.line = 0;
		f.column = NULL;
		f.rule = ANNEXA_DOCUMENT_MISSING;
		f.message = msg;
		annexa_count_finding(a, ANNEXA_DOCUMENT_MISSING);
		findings_finding(rep, &f);
	}
}
