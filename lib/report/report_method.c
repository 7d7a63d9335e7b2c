/*
 * report_method.c: the section "How the inspection was done": cases sampled
 * by stratum (from the sample CSV, counting only its stratum, quota, audit
 * and supervision columns), the areas and dates visited (from the plan),
 * evidence by type of source and the coverage of the evaluation schedule,
 * with its picture (report_svg.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/dates.h"
#include "core/table.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "plan/planfile.h"
#include "report/report.h"
#include "report/report_int.h"

/* Strata of sample-cases and how the report names them. */
static const char *const strata[][2] = {{"safeguarding-letter", "Safeguarding letter only"},
                                        {"private-law", "Private law, past the first hearing"},
                                        {"public-law", "Public law"},
                                        {"local-filed", "Local: recently filed"},
                                        {"local-audit", "Local: recently closed, audited"},
                                        {NULL, NULL}};

/* 1 for Y, yes, true. */
static int
same_yes(const char *s)
{
	return strcasecmp(s, "y") == 0 || strcasecmp(s, "yes") == 0 || strcasecmp(s, "true") == 0;
}

/* "r16.4: 10; supervision: 5" for the rows of stratum. */
static void
method_quota_notes(const struct table *t, long cs, long cq, long csup, const char *stratum,
                   struct strbuf *notes)
{
	char **q = NULL;
	size_t *qn = NULL, nq = 0, r, k, sup = 0;
	const char *s;

	for (r = 0; r < t->nrows; r++) {
		if (strcmp(table_cell(t, r, cs), stratum) != 0)
			continue;
		sup += same_yes(table_cell(t, r, csup));
		s = table_cell(t, r, cq);
		if (*s == '\0')
			continue;
		for (k = 0; k < nq && strcmp(q[k], s) != 0; k++)
			;
		if (k == nq) {
			q = xreallocarray(q, nq + 1, sizeof *q);
			qn = xreallocarray(qn, nq + 1, sizeof *qn);
			q[nq] = xstrdup(s);
			qn[nq++] = 0;
		}
		qn[k]++;
	}
	for (k = 0; k < nq; k++) {
		strbuf_printf(notes, "%s%s: %zu", notes->len > 0 ? "; " : "", q[k], qn[k]);
		free(q[k]);
	}
	if (sup > 0)
		strbuf_printf(notes, "%ssupervision: %zu", notes->len > 0 ? "; " : "", sup);
	free(q);
	free(qn);
}

/* Cases sampled by stratum, from the sample CSV. */
static void
method_sample(struct rdoc *d, const struct table *t)
{
	static const char *const head[] = {"Stratum", "Cases", "Audited",
	                                   "Sub-quotas and supervision"};
	long cs = -1, ca = -1, cq = -1, csup = -1;
	const char *row[4], *s;
	char **names = NULL, cases[32], audit[32];
	size_t k, r, n = 0, *count, *aud;
	struct strbuf notes, key;

	strbuf_init(&key);
	for (k = 0; k < t->ncols; k++) {
		text_normkey(t->header[k], &key);
		cs = strcmp(key.buf, "stratum") == 0 ? (long)k : cs;
		ca = strcmp(key.buf, "audit") == 0 ? (long)k : ca;
		cq = strcmp(key.buf, "quota") == 0 ? (long)k : cq;
		csup = strcmp(key.buf, "supervision") == 0 ? (long)k : csup;
	}
	strbuf_free(&key);
	if (cs < 0) {
		rdoc_para(d, NULL, "The sample file has no stratum column.", NULL);
		return;
	}
	/* the strata the handbook names, in its order, then any other in file order */
	for (k = 0; strata[k][0] != NULL; k++)
		for (r = 0; r < t->nrows; r++)
			if (strcmp(table_cell(t, r, cs), strata[k][0]) == 0) {
				names = xreallocarray(names, n + 1, sizeof *names);
				names[n++] = xstrdup(strata[k][0]);
				break;
			}
	for (r = 0; r < t->nrows; r++) {
		s = table_cell(t, r, cs);
		for (k = 0; k < n && strcmp(names[k], s) != 0; k++)
			;
		if (k == n) {
			names = xreallocarray(names, n + 1, sizeof *names);
			names[n++] = xstrdup(s);
		}
	}
	count = xcalloc(n + 1, sizeof *count);
	aud = xcalloc(n + 1, sizeof *aud);
	rdoc_table(d, "Cases sampled, by stratum", 4, head);
	for (k = 0; k < n; k++) {
		strbuf_init(&notes);
		for (r = 0; r < t->nrows; r++) {
			if (strcmp(table_cell(t, r, cs), names[k]) != 0)
				continue;
			count[k]++;
			aud[k] += same_yes(table_cell(t, r, ca));
		}
		method_quota_notes(t, cs, cq, csup, names[k], &notes);
		snprintf(cases, sizeof cases, "%zu", count[k]);
		snprintf(audit, sizeof audit, "%zu", aud[k]);
		row[0] = report_name_of(strata, names[k]);
		row[1] = cases;
		row[2] = audit;
		row[3] = notes.buf;
		rdoc_row(d, row, NULL);
		count[n] += count[k];
		aud[n] += aud[k];
		strbuf_free(&notes);
	}
	snprintf(cases, sizeof cases, "%zu", count[n]);
	snprintf(audit, sizeof audit, "%zu", aud[n]);
	row[0] = "All strata";
	row[1] = cases;
	row[2] = audit;
	row[3] = "";
	rdoc_row(d, row, NULL);
	for (k = 0; k < n; k++)
		free(names[k]);
	free(names);
	free(count);
	free(aud);
}

/* "Tuesday 26 January 2027 to Thursday 28 January 2027", or one day. */
static char *
range_text(const char *from, const char *to)
{
	char *a = report_day_text(from, 1), *b, *s;

	if (to == NULL || strcmp(from, to) == 0)
		return a;
	b = report_day_text(to, 1);
	s = xasprintf("%s to %s", a, b);
	free(a);
	free(b);
	return s;
}

/* Areas and dates visited, from the plan. */
static void
method_areas(struct rdoc *d, const struct planfile *plan)
{
	static const char *const head[] = {"Service area", "Week", "On site"};
	const char *cells[3];
	char week[32], *when, from[DATES_ISO_LEN], to[DATES_ISO_LEN];
	size_t i;

	if (plan->nareas == 0) {
		rdoc_para(d, NULL, "The plan names no service areas.", NULL);
		return;
	}
	rdoc_table(d, "Service areas visited", 3, head);
	for (i = 0; i < plan->nareas; i++) {
		const struct planfile_area *row = &plan->areas[i];

		snprintf(week, sizeof week, "%d", row->week);
		when = range_text(dates_format(row->on_site_from, from),
		                  dates_format(row->on_site_to, to));
		cells[0] = row->service_area;
		cells[1] = week;
		cells[2] = when;
		rdoc_row(d, cells, NULL);
		free(when);
	}
}

/* Evidence by type of source, from the SEA's entries. */
static void
method_sources(struct rdoc *d, const struct seafile *sea)
{
	static const char *const head[] = {"Source", "Entries", "Strengths", "Improvements",
	                                   "Concerns"};
	static const char *const findings[] = {"strength", "improvement", "concern"};
	size_t n[8][4], i, s, f, k;
	const struct seafile_entry *e;
	const char *cells[5];
	char num[4][24];

	memset(n, 0, sizeof n);
	for (i = 0; i < sea->nentries; i++) {
		e = &sea->entries[i];
		for (s = 0; report_sources[s][0] != NULL && e->source != NULL &&
		            strcmp(report_sources[s][0], e->source) != 0;
		     s++)
			;
		n[s][0]++;
		for (f = 0; f < 3; f++)
			n[s][f + 1] += strcmp(e->finding, findings[f]) == 0;
	}
	rdoc_table(d, "Evidence by type of source", 5, head);
	for (s = 0; s < 8; s++) {
		if (n[s][0] == 0)
			continue;
		cells[0] = report_sources[s][0] != NULL ? report_sources[s][1] : "Other";
		for (k = 0; k < 4; k++) {
			snprintf(num[k], sizeof num[k], "%zu", n[s][k]);
			cells[k + 1] = num[k];
		}
		rdoc_row(d, cells, NULL);
	}
}

/* The coverage of the evaluation schedule: the picture and its table. */
static void
method_coverage(struct rdoc *d, const struct seafile *sea)
{
	static const char *const head[] = {"Criterion",    "Entries",     "Strengths",
	                                   "Improvements", "Concerns",    "Source types",
	                                   "Areas",        "Triangulated"};
	const struct seafile_coverage *row;
	const char *cells[8];
	char num[7][24], *svg, *alt;
	size_t i, tri = 0, k;

	for (i = 0; i < sea->ncoverage; i++)
		tri += sea->coverage[i].triangulated != 0;
	svg = report_coverage_svg(sea);
	alt = xasprintf("Of %zu criteria of the evaluation schedule, %zu have evidence from two or "
	                "more types of source (triangulated). The table gives the figures.",
	                sea->ncoverage, tri);
	rdoc_figure(d, svg, alt);
	free(svg);
	free(alt);
	rdoc_table(d, "Evidence by criterion of the evaluation schedule", 8, head);
	for (i = 0; i < sea->ncoverage; i++) {
		row = &sea->coverage[i];
		snprintf(num[0], sizeof num[0], "%lld", row->criterion);
		snprintf(num[1], sizeof num[1], "%lld", row->entries);
		snprintf(num[2], sizeof num[2], "%lld", row->strengths);
		snprintf(num[3], sizeof num[3], "%lld", row->improvements);
		snprintf(num[4], sizeof num[4], "%lld", row->concerns);
		snprintf(num[5], sizeof num[5], "%zu", row->nsources);
		snprintf(num[6], sizeof num[6], "%zu", row->nservice_areas);
		for (k = 0; k < 7; k++)
			cells[k] = num[k];
		cells[7] = row->triangulated ? "yes" : "no";
		rdoc_row(d, cells, NULL);
	}
}

/* How the inspection was done. */
void
report_method(struct rdoc *d, const struct report_input *in)
{
	char *line;

	rdoc_heading(d, 2, "How the inspection was done");
	rdoc_para(d, NULL,
	          "Inspectors read children's case files, observed practice, interviewed staff and "
	          "met partners. They recorded their evidence against the evaluation schedule and "
	          "made each judgement on the best fit of that evidence to the grade descriptors.",
	          NULL);
	line =
	    xasprintf("The summary of evidence and analysis holds %zu entries.", in->sea->nentries);
	rdoc_para(d, NULL, line, NULL);
	free(line);
	if (in->sample != NULL) {
		rdoc_heading(d, 3, "Cases sampled");
		method_sample(d, in->sample);
	}
	if (in->plan != NULL) {
		rdoc_heading(d, 3, "Service areas and dates visited");
		method_areas(d, in->plan);
	}
	rdoc_heading(d, 3, "Evidence by source");
	method_sources(d, in->sea);
	rdoc_heading(d, 3, "Evidence by criterion and service area");
	method_coverage(d, in->sea);
}

/* Entries of source in the SEA; with distinct, the distinct case references among them. */
static size_t
count_source(const struct seafile *sea, const char *source, int distinct)
{
	const char **seen = NULL;
	size_t i, k, n = 0;

	for (i = 0; i < sea->nentries; i++) {
		const struct seafile_entry *e = &sea->entries[i];

		if (e->source == NULL || strcmp(e->source, source) != 0)
			continue;
		if (!distinct || e->case_ref == NULL) {
			n++;
			continue;
		}
		for (k = 0; k < n && strcmp(seen[k], e->case_ref) != 0; k++)
			;
		if (k == n) {
			seen = xreallocarray(seen, n + 1, sizeof *seen);
			seen[n++] = e->case_ref;
		}
	}
	free(seen);
	return n;
}

/* "1 case file" / "2 case files". */
static void
counted(struct strbuf *sb, size_t n, const char *one, const char *many)
{
	strbuf_printf(sb, "%zu %s", n, n == 1 ? one : many);
}

/* The sample's size and how many of its cases Cafcass audited. */
static void
public_sample(struct strbuf *sb, const struct table *t)
{
	struct strbuf key;
	long ca = -1;
	size_t k, r, audited = 0;

	strbuf_init(&key);
	for (k = 0; k < t->ncols; k++) {
		text_normkey(t->header[k], &key);
		ca = strcmp(key.buf, "audit") == 0 ? (long)k : ca;
	}
	strbuf_free(&key);
	for (r = 0; ca >= 0 && r < t->nrows; r++)
		audited += same_yes(table_cell(t, r, ca));
	strbuf_adds(sb, " The national sample drawn from Cafcass's records held ");
	counted(sb, t->nrows, "case", "cases");
	if (ca >= 0)
		strbuf_printf(sb, ", %zu of them audited by Cafcass and moderated by inspectors",
		              audited);
	strbuf_adds(sb, ".");
}

/* The service areas the plan visits, and when. */
static void
public_areas(struct strbuf *sb, const struct planfile *plan)
{
	char *a, *b, buf[DATES_ISO_LEN];
	date_t from, to;
	size_t i, n = plan->nareas;

	if (n == 0)
		return;
	from = plan->areas[0].on_site_from;
	to = plan->areas[0].on_site_to;
	for (i = 1; i < n; i++) {
		from = plan->areas[i].on_site_from < from ? plan->areas[i].on_site_from : from;
		to = plan->areas[i].on_site_to > to ? plan->areas[i].on_site_to : to;
	}
	strbuf_adds(sb, " Inspectors visited ");
	counted(sb, n, "service area", "service areas");
	a = report_day_text(dates_format(from, buf), 0);
	b = report_day_text(dates_format(to, buf), 0);
	strbuf_printf(sb, " between %s and %s: ", a, b);
	free(a);
	free(b);
	for (i = 0; i < n; i++)
		strbuf_printf(sb, "%s%s",
		              i == 0       ? ""
		              : i + 1 == n ? " and "
		                           : ", ",
		              plan->areas[i].service_area);
	strbuf_adds(sb, ".");
}

void
report_method_public(struct rdoc *d, const struct report_input *in)
{
	const struct seafile *sea = in->sea;
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_adds(&sb, "Inspectors read ");
	counted(&sb, count_source(sea, "case-file", 1), "child's case file",
	        "children's case files");
	strbuf_adds(&sb, ", moderated ");
	counted(&sb, count_source(sea, "audit", 1), "audit", "audits");
	strbuf_adds(&sb, " of cases by Cafcass, observed ");
	counted(&sb, count_source(sea, "observation", 0), "episode of practice",
	        "episodes of practice");
	strbuf_adds(&sb, ", held ");
	counted(&sb, count_source(sea, "interview", 0) + count_source(sea, "meeting", 0),
	        "interview or meeting", "interviews and meetings");
	strbuf_adds(&sb, " with staff, managers, partners, children and families, and read ");
	counted(&sb, count_source(sea, "document", 0), "document", "documents");
	strbuf_adds(&sb, ".");
	if (in->sample != NULL)
		public_sample(&sb, in->sample);
	if (in->plan != NULL)
		public_areas(&sb, in->plan);
	strbuf_printf(
	    &sb,
	    " They recorded %zu entries of evidence against %zu criteria of the "
	    "evaluation schedule and made each judgement on the best fit of that evidence "
	    "to the grade descriptors.",
	    sea->nentries, sea->ncoverage);
	rdoc_heading(d, 2, "How the inspection was done");
	rdoc_para(d, NULL, sb.buf, NULL);
	strbuf_free(&sb);
}
