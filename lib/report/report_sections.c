/*
 * report_sections.c: the team's evidence pack (OFFICIAL-SENSITIVE), built
 * into a document (reportdoc.h) from the judgements, the SEA and, when
 * given, the plan and the sample: the judgements and summaries, then the
 * SEA criterion by criterion (each entry quoted once), coverage and
 * triangulation, the gaps, and the concerns register with what awaits a
 * response. Only the SEA's redacted summaries and the judgements' own
 * words are quoted; inspectors are never named, and the gates in
 * report.c check the result. Also the parts the public report shares.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "regime/profile.h"
#include "report/report.h"
#include "plan/planfile.h"
#include "report/report_int.h"

#define LOOSE_FACTOR 4 /* more examples where no criterion splits the evidence */
const char report_default_title[] =
    "Inspection of the Children and Family Court Advisory and Support Service (Cafcass)";

struct entry_ix;

/* What the sections share while the report is built. */
struct build {
	const struct report_input *in;
	struct entry_ix *ix;
	size_t n;
};

/* Source types of evidence (contract section 6) and how the report names them. */
const char *const report_sources[][2] = {{"case-file", "Case files read"},
                                         {"observation", "Observations of practice"},
                                         {"interview", "Interviews"},
                                         {"meeting", "Meetings"},
                                         {"document", "Documents"},
                                         {"audit", "Audits moderated"},
                                         {"survey", "Surveys"},
                                         {NULL, NULL}};

/* The words for a key in a two-column table of names, or the key itself. */
const char *
report_name_of(const char *const (*names)[2], const char *key)
{
	size_t i;

	for (i = 0; names[i][0] != NULL; i++)
		if (strcmp(names[i][0], key) == 0)
			return names[i][1];
	return key;
}

/* "15 January 2027" for an ISO date, or a copy of s when it is not one. */
char *
report_day_text(const char *s, int weekday)
{
	int y, m, d;
	date_t dn;

	if (s == NULL || dates_parse(s, &dn) != 0)
		return xstrdup(s != NULL ? s : "");
	dates_to_ymd(dn, &y, &m, &d);
	if (weekday)
		return xasprintf("%s %d %s %d", dates_weekday_name(dates_weekday(dn)), d,
		                 dates_month_name(m), y);
	return xasprintf("%d %s %d", d, dates_month_name(m), y);
}

const char *
report_judgement_title(const struct report_input *in, int jg)
{
	return in->profile->judgements[jg].title;
}

const char *
report_judgement_evidence(const struct report_input *in, int jg)
{
	return in->profile->judgements[jg].evidence;
}

/* The inspection dates: the judgements', the plan's fieldwork, or the evidence's. */
void
report_sec_dates(struct rdoc *d, const struct report_input *in)
{
	const char *from = in->j->from, *to = in->j->to, *label = "Inspection dates";
	const char *s;
	char *a, *b, *line, pf[DATES_ISO_LEN], pt[DATES_ISO_LEN];
	date_t last;
	size_t i;

	if (from == NULL && in->plan != NULL) {
		/* the plan's fieldwork when it says, else its start to the last day on site */
		last = in->plan->start;
		for (i = 0; i < in->plan->nareas; i++)
			if (in->plan->areas[i].on_site_to > last)
				last = in->plan->areas[i].on_site_to;
		from = dates_format(
		    in->plan->has_fieldwork ? in->plan->fieldwork_from : in->plan->start, pf);
		to = dates_format(in->plan->has_fieldwork ? in->plan->fieldwork_to : last, pt);
	}
	if (from == NULL) {
		for (i = 0; i < in->sea->nentries; i++) {
			s = in->sea->entries[i].date;
			if (s == NULL)
				continue;
			if (from == NULL || strcmp(s, from) < 0)
				from = s;
			if (to == NULL || strcmp(s, to) > 0)
				to = s;
		}
		label = "Evidence gathered";
	}
	if (from == NULL)
		return;
	a = report_day_text(from, 0);
	b = report_day_text(to != NULL ? to : from, 0);
	line = xasprintf("%s: %s to %s", label, a, b);
	rdoc_subtitle(d, line);
	free(line);
	free(a);
	free(b);
}

/* The judgements table with the grade words. */
void
report_sec_judgements(struct rdoc *d, const struct report_input *in)
{
	static const char *const head[] = {"Judgement", "Grade"};
	const char *row[2];
	int jg;

	rdoc_heading(d, 2, "Judgements");
	rdoc_table(d, "The judgements on Ofsted's four-point scale", 2, head);
	for (jg = 0; jg < (int)in->j->njudgements; jg++) {
		row[0] = report_judgement_title(in, jg);
		row[1] = judgementsfile_grade_words(in->j->grade[jg]);
		rdoc_row(d, row, NULL);
	}
}

/* A list of the judgements file as paragraphs or bullets. */
void
report_texts(struct rdoc *d, const struct report_input *in, const struct judgementsfile_list *l,
             int bullets)
{
	char *origin;
	size_t i;

	for (i = 0; i < l->n; i++) {
		origin = xasprintf("%s: %s", in->judgements_name, l->v[i].origin);
		if (bullets)
			rdoc_item(d, l->v[i].text, origin);
		else
			rdoc_para(d, NULL, l->v[i].text, origin);
		free(origin);
	}
}

/* The summary for children and young people, and how easy it is to read. */
static void
sec_children(struct rdoc *d, const struct report_input *in)
{
	struct readability rd;
	char *line;

	rdoc_heading(d, 2, "Summary for children and young people");
	report_texts(d, in, &in->j->children, 0);
	report_children_readability(in->j, &rd);
	line =
	    xasprintf("Reading ease (Flesch) %.0f; reading age (Flesch-Kincaid) about %.0f years.",
	              rd.ease, rd.age < 5 ? 5 : rd.age);
	rdoc_note(d, line);
	free(line);
	if (in->draft && rd.age > READABILITY_MAX_AGE)
		rdoc_note(d, "Draft note: this summary reads above age 12. Shorter sentences and "
		             "shorter words will make it easier for children to read.");
}

/* Key findings, what needs to improve, and the areas for priority action. */
static void
sec_findings(struct rdoc *d, const struct report_input *in)
{
	int jg, inadequate = 0;

	rdoc_heading(d, 2, "Summary of key findings");
	if (in->j->findings.n == 0)
		rdoc_para(d, NULL, "No key findings are given.", NULL);
	report_texts(d, in, &in->j->findings, 1);
	rdoc_heading(d, 2, "What needs to improve");
	if (in->j->improve.n == 0)
		rdoc_para(d, NULL, "No areas for improvement are given.", NULL);
	report_texts(d, in, &in->j->improve, 1);
	rdoc_heading(d, 2, "Areas for priority action");
	for (jg = 0; jg < (int)in->j->njudgements; jg++)
		inadequate |= in->j->grade[jg] == REPORT_INADEQUATE;
	if (in->j->priority.n == 0)
		rdoc_para(d, NULL, inadequate ? "None given." : "None: no judgement is inadequate.",
		          NULL);
	report_texts(d, in, &in->j->priority, 1);
}

/* An entry of the SEA as the sections look it up: read once, not per criterion. */
struct entry_ix {
	const char *area; /* the evidence area (the SEA's judgement), borrowed */
	int finding; /* index in findings[], or -1 */
	const long long *crit; /* borrowed from the SEA */
	size_t ncrit;
	int placeholder; /* its summary holds "[name]" or the like: a poorer example */
	int used; /* already quoted */
};

static const char *const findings[] = {"strength", "improvement", "concern", NULL};

/* The index of s in the NULL-terminated list, or -1. */
static int
index_of(const char *const *list, const char *s)
{
	int i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], s) == 0)
			return i;
	return -1;
}

/* Index the SEA's entries. */
static struct entry_ix *
index_entries(const struct seafile *sea, size_t *n)
{
	const struct seafile_entry *e;
	struct entry_ix *ix;
	size_t i;

	*n = sea->nentries;
	ix = xcalloc(*n + 1, sizeof *ix);
	for (i = 0; i < *n; i++) {
		e = &sea->entries[i];
		ix[i].area = e->judgement;
		ix[i].finding = index_of(findings, e->finding);
		ix[i].placeholder =
		    strchr(e->summary, '[') != NULL && strchr(e->summary, ']') != NULL;
		ix[i].crit = e->criteria;
		ix[i].ncrit = e->ncriteria;
	}
	return ix;
}

/* 1 when entry x belongs to evidence area, finding and criterion c (0: naming none). */
static int
entry_fits(const struct entry_ix *x, const char *area, long long c, int finding)
{
	size_t k;

	if (strcmp(x->area, area) != 0 || x->finding != finding)
		return 0;
	if (c == 0)
		return x->ncrit == 0;
	for (k = 0; k < x->ncrit; k++)
		if (x->crit[k] == c)
			return 1;
	return 0;
}

/* How many entries fit, and up to max unused ones picked into pick (clean ones first). */
static size_t
pick_examples(struct build *b, const char *area, long long c, int finding, size_t max, size_t *pick,
              size_t *shown)
{
	size_t i, total = 0;
	int pass;

	*shown = 0;
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < b->n; i++) {
			if (!entry_fits(&b->ix[i], area, c, finding))
				continue;
			total += pass == 0;
			if (!b->ix[i].used && *shown < max && b->ix[i].placeholder == pass) {
				pick[(*shown)++] = i;
				b->ix[i].used = 1;
			}
		}
	return total;
}

/* List up to max unused entries of evidence area, finding, criterion c (0: none named). */
static void
examples(struct rdoc *d, struct build *b, const char *area, long long c, const char *finding,
         const char *label, size_t max)
{
	const struct seafile_entry *e;
	size_t i, total, shown, *pick = xcalloc(max + 1, sizeof *pick);
	char *text, *origin;

	total = pick_examples(b, area, c, index_of(findings, finding), max, pick, &shown);
	if (shown == 0) {
		free(pick);
		return;
	}
	text = xasprintf("(%zu of %zu shown)", shown, total);
	rdoc_para(d, label, shown < total ? text : NULL, NULL);
	free(text);
	for (i = 0; i < shown; i++) {
		e = &b->in->sea->entries[pick[i]];
		text = xasprintf("%s (%s%s%s)", e->summary,
		                 report_name_of(report_sources, e->source != NULL ? e->source : ""),
		                 e->service_area != NULL ? ", " : "",
		                 e->service_area != NULL ? e->service_area : "");
		origin = xasprintf("%s: entries[%zu].summary", b->in->sea_name, pick[i]);
		rdoc_item_part(d, text, e->summary, origin);
		free(origin);
		free(text);
	}
	free(pick);
}

/* 1 when some strength or improvement of evidence area names no criterion. */
static int
has_loose(const struct build *b, const char *area)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (strcmp(b->ix[i].area, area) == 0 && b->ix[i].ncrit == 0 &&
		    b->ix[i].finding >= 0 && b->ix[i].finding < 2)
			return 1;
	return 0;
}

/* The evidence line of a coverage row. */
static void
coverage_line(struct rdoc *d, const struct seafile_coverage *row)
{
	long long n = row->entries;
	char *line;

	if (n == 0) {
		rdoc_note(d, "No evidence is recorded against this criterion: a gap in the SEA.");
		return;
	}
	line =
	    xasprintf("%lld entr%s: %lld strength%s, %lld area%s for improvement, %lld concern%s; "
	              "from %zu type%s of source in %zu service area%s; %s.",
	              n, n == 1 ? "y" : "ies", row->strengths, row->strengths == 1 ? "" : "s",
	              row->improvements, row->improvements == 1 ? "" : "s", row->concerns,
	              row->concerns == 1 ? "" : "s", row->nsources, row->nsources == 1 ? "" : "s",
	              row->nservice_areas, row->nservice_areas == 1 ? "" : "s",
	              row->triangulated ? "triangulated" : "not triangulated (one type of source)");
	rdoc_para(d, "Evidence:", line, NULL);
	free(line);
}

/* The earlier judgement of the set judged on the same evidence area as jg, or -1. */
static int
shared_area(const struct report_input *in, int jg)
{
	const char *area = report_judgement_evidence(in, jg);
	int k;

	for (k = 0; area != NULL && k < jg; k++)
		if (report_judgement_evidence(in, k) != NULL &&
		    strcmp(report_judgement_evidence(in, k), area) == 0)
			return k;
	return -1;
}

/*
 * One section per judgement: its grade, then strengths and improvements by
 * criterion of its evidence area. An overall judgement has no area of its
 * own; a judgement sharing its area with an earlier one (handbook-2014's
 * two leadership judgements) points to where the evidence is set out.
 */
static void
sec_judgement(struct rdoc *d, struct build *b, int jg)
{
	const struct report_input *in = b->in;
	const char *area = report_judgement_evidence(in, jg);
	const struct seafile_coverage *row;
	char *heading;
	size_t i, ncrit = 0;
	int first = shared_area(in, jg);

	rdoc_heading(d, 2, report_judgement_title(in, jg));
	rdoc_para(d, "Judgement:", judgementsfile_grade_words(in->j->grade[jg]), NULL);
	if (area == NULL) {
		rdoc_note(d,
		          "The overall judgement: it rests on the evidence of the judgements that "
		          "follow, not on an evidence area of its own.");
		return;
	}
	if (first >= 0) {
		heading = xasprintf("The SEA records the evidence for this judgement in one area "
		                    "(%s) with \"%s\": it is set out under that judgement.",
		                    area, report_judgement_title(in, first));
		rdoc_note(d, heading);
		free(heading);
		return;
	}
	for (i = 0; i < in->sea->ncoverage; i++) {
		row = &in->sea->coverage[i];
		if (strcmp(row->judgement, area) != 0)
			continue;
		ncrit++;
		heading = xasprintf("Criterion %lld: %s", row->criterion,
		                    row->title != NULL ? row->title : "");
		rdoc_heading(d, 3, heading);
		free(heading);
		coverage_line(d, row);
		examples(d, b, area, row->criterion, "strength", "Strengths", in->max_examples);
		examples(d, b, area, row->criterion, "improvement", "Areas for improvement",
		         in->max_examples);
	}
	if (!has_loose(b, area))
		return;
	/* evidence naming no criterion (leadership, until the schedule numbers it) */
	if (ncrit > 0)
		rdoc_heading(d, 3, "Evidence not tied to a criterion");
	examples(d, b, area, 0, "strength", "Strengths", LOOSE_FACTOR * in->max_examples);
	examples(d, b, area, 0, "improvement", "Areas for improvement",
	         LOOSE_FACTOR * in->max_examples);
}

/* The concerns referred back to Cafcass (Annex F): no inspector is named. */
static void
sec_concerns(struct rdoc *d, const struct report_input *in)
{
	static const char *const head[] = {"Case",  "Referred",         "Cafcass team",
	                                   "Issue", "Cafcass response", "Inspectors' view"};
	const struct seafile_concern *c;
	const char *cells[6];
	char *when, *origin;
	size_t i;

	rdoc_heading(d, 2, "Concerns referred back to Cafcass");
	if (in->sea->nconcerns == 0) {
		rdoc_para(d, NULL,
		          "Inspectors referred no concerns about individual children back to "
		          "Cafcass.",
		          NULL);
		return;
	}
	rdoc_para(
	    d, NULL,
	    "Where inspectors needed assurance that a child was not left at risk of significant "
	    "harm, they referred the case back to Cafcass for a response (handbook Annex F).",
	    NULL);
	rdoc_table(d, "The concerns register", 6, head);
	rdoc_table_check(d, 1UL << 0 | 1UL << 3 | 1UL << 4 | 1UL << 5);
	for (i = 0; i < in->sea->nconcerns; i++) {
		c = &in->sea->concerns[i];
		when = report_day_text(c->date != NULL ? c->date : "", 0);
		cells[0] = c->case_ref;
		cells[1] = when;
		cells[2] = c->team != NULL ? c->team : c->service_area;
		cells[3] = c->issue;
		cells[4] = c->response != NULL ? c->response : "Awaiting a response";
		cells[5] = c->view;
		origin = xasprintf("%s: concerns[%zu]", in->sea_name, i);
		rdoc_row(d, cells, origin);
		free(origin);
		free(when);
	}
}

/* The gaps: criteria with no evidence yet. */
static void
sec_gaps(struct rdoc *d, const struct report_input *in)
{
	static const char *const head[] = {"Criterion", "Judgement", "Title"};
	const char *cells[3];
	char num[24];
	size_t i;

	rdoc_heading(d, 2, "Gaps in the evidence");
	if (in->sea->ngaps == 0) {
		rdoc_para(d, NULL, "Every criterion of the evaluation schedule has evidence.",
		          NULL);
		return;
	}
	rdoc_table(d, "Criteria with no evidence", 3, head);
	for (i = 0; i < in->sea->ngaps; i++) {
		snprintf(num, sizeof num, "%lld", in->sea->gaps[i].criterion);
		cells[0] = num;
		cells[1] = in->sea->gaps[i].judgement;
		cells[2] = in->sea->gaps[i].title;
		rdoc_row(d, cells, NULL);
	}
}

struct rdoc *
report_build(const struct report_input *in)
{
	return in->audience == REPORT_TEAM ? report_build_team(in) : report_build_public(in);
}

struct rdoc *
report_build_team(const struct report_input *in)
{
	char *title = xasprintf("Evidence pack: %s",
	                        in->j->title != NULL ? in->j->title : report_default_title);
	struct rdoc *d = rdoc_new(title, in->draft);
	struct build b;
	int jg;

	free(title);
	rdoc_marking(d, "OFFICIAL-SENSITIVE");
	b.in = in;
	b.ix = index_entries(in->sea, &b.n);
	report_sec_dates(d, in);
	rdoc_note(d, "For the inspection team only: it quotes the summary of evidence and analysis "
	             "and the concerns register. The published report is rendered with "
	             "--audience public.");
	report_sec_judgements(d, in);
	sec_children(d, in);
	sec_findings(d, in);
	for (jg = 0; jg < (int)in->j->njudgements; jg++)
		sec_judgement(d, &b, jg);
	report_method(d, in);
	sec_gaps(d, in);
	sec_concerns(d, in);
	free(b.ix);
	return d;
}
