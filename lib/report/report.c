/*
 * report.c: the gates of the report. The inputs arrive through their typed
 * readers (judgementsfile.c, sea/seafile.c); the gates run over the
 * finished document, so the personal-data check sees exactly the text
 * that would be printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <strings.h>

#include "core/idset.h"
#include "core/rx.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "plan/planfile.h"
#include "redact/redact.h"
#include "report/report.h"
#include "report/sections.h"

int
report_sea_check(const struct seafile *sea, const struct profile *prof, char *err, size_t errsz)
{
	size_t i, k;

	for (i = 0; i < sea->ncoverage; i++) {
		for (k = 0; k < prof->njudgements; k++)
			if (prof->judgements[k].evidence != NULL &&
			    text_same(sea->coverage[i].judgement, prof->judgements[k].evidence))
				break;
		if (k == prof->njudgements) {
			snprintf(
			    err, errsz,
			    "coverage[%zu].judgement: not an evidence area profile %s judges on", i,
			    prof->name);
			return -1;
		}
	}
	return 0;
}

/*
 * Add a person unless the name is blank or added already: adding a name
 * again changes nothing (it only sets flags and keeps maxima), and an SEA
 * names its few inspectors on every entry.
 */
static void
add_person(struct redact *r, struct idset *seen, const char *name)
{
	if (name != NULL && !text_blank(name) && idset_add(seen, name, strlen(name), 1) == 0)
		redact_add_person(r, name);
}

void
report_add_people(struct redact *r, const struct seafile *sea, const struct planfile *plan)
{
	struct idset *seen = idset_new();
	size_t i;

	for (i = 0; i < sea->nentries; i++)
		add_person(r, seen, sea->entries[i].inspector);
	for (i = 0; i < sea->nconcerns; i++)
		add_person(r, seen, sea->concerns[i].inspector);
	for (i = 0; plan != NULL && i < plan->ndeploy; i++)
		add_person(r, seen, plan->deploy[i].name);
	idset_free(seen);
}

#define ACTION_MIN_WORDS 5 /* a priority action of substance: a sentence, not a token */
#define ACTION_MIN_CHARS 25

/* Words in s (runs of letters or digits). */
static size_t
words(const char *s)
{
	size_t n = 0;
	int in = 0;

	for (; *s != '\0'; s++) {
		int w = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		        (*s >= '0' && *s <= '9') || (unsigned char)*s >= 0x80;

		n += w && !in;
		in = w;
	}
	return n;
}

/* Refuse an inadequate judgement with no priority action of substance that may be its own. */
static size_t
gate_priority(const struct report_input *in, struct strbuf *msgs)
{
	const struct judgementsfile_text *a;
	size_t i, n = 0;
	int jg, found;

	for (i = 0; i < in->j->priority.n; i++) {
		a = &in->j->priority.v[i];
		if (words(a->text) < ACTION_MIN_WORDS || strlen(a->text) < ACTION_MIN_CHARS) {
			strbuf_printf(
			    msgs,
			    "%s: %s: not an action of substance (a sentence of at least %d "
			    "words saying what must change; handbook para 107)\n",
			    in->judgements_name, a->origin, ACTION_MIN_WORDS);
			n++;
		}
	}
	for (jg = 0; jg < (int)in->j->njudgements; jg++) {
		if (in->j->grade[jg] != REPORT_INADEQUATE)
			continue;
		for (i = 0, found = 0; i < in->j->priority.n; i++)
			found |= in->j->priority.v[i].judgement < 0 ||
			         in->j->priority.v[i].judgement == jg;
		if (!found) {
			strbuf_printf(
			    msgs,
			    "%s: %s: graded inadequate but no area for priority action is given "
			    "(handbook para 107)\n",
			    in->judgements_name, judgementsfile_id(in->j, (size_t)jg));
			n++;
		}
	}
	return n;
}

/*
 * Refuse a graded judgement with no evidence in the SEA (an overall
 * judgement rests on the others, not on an evidence area of its own), and
 * one below good with no area for improvement.
 */
static size_t
gate_grades(const struct report_input *in, struct strbuf *msgs)
{
	const char *area;
	size_t i, n = 0, entries;
	int jg;

	for (jg = 0; jg < (int)in->j->njudgements; jg++) {
		area = report_judgement_evidence(in, jg);
		for (i = 0, entries = 0; area != NULL && i < in->sea->nentries; i++)
			entries += strcmp(in->sea->entries[i].judgement, area) == 0;
		if (area != NULL && entries == 0) {
			const char *id = judgementsfile_id(in->j, (size_t)jg);
			int own = strcmp(area, id) == 0;

			strbuf_printf(msgs,
			              "%s: %s: graded, but the SEA holds no evidence for it (%s%s%s"
			              "handbook para 100: judgements rest on recorded evidence)\n",
			              in->judgements_name, id,
			              own ? "" : "none in its evidence area, ", own ? "" : area,
			              own ? "" : "; ");
			n++;
		}
		if (in->j->grade[jg] >= REPORT_REQUIRES_IMPROVEMENT && in->j->improve.n == 0) {
			strbuf_printf(
			    msgs,
			    "%s: %s: graded below good but areas_for_improvement is empty "
			    "(handbook para 107)\n",
			    in->judgements_name, judgementsfile_id(in->j, (size_t)jg));
			n++;
		}
	}
	return n;
}

/* Refuse an SEA with gaps unless the report is a draft. */
static size_t
gate_gaps(const struct report_input *in, struct strbuf *msgs)
{
	size_t i, n = in->sea->ngaps;

	if (n == 0 || in->draft)
		return 0;
	strbuf_printf(msgs, "%s: %zu criteri%s no evidence (criteri%s", in->sea_name, n,
	              n == 1 ? "on has" : "a have", n == 1 ? "on" : "a");
	for (i = 0; i < n; i++) {
		if (i == 12) {
			strbuf_adds(msgs, ", ...");
			break;
		}
		strbuf_printf(msgs, "%s%lld", i == 0 ? " " : ", ", in->sea->gaps[i].criterion);
	}
	strbuf_adds(msgs, "): complete the evidence, or render a draft with --draft "
	                  "(handbook para 100)\n");
	return 1;
}

/* 1 when the key findings open "Overall, ... because". */
static int
overall_because(const char *text)
{
	const char *p = text, *end;

	while (*p == ' ' || *p == '\n' || *p == '-')
		p++;
	if (strncasecmp(p, "overall", 7) != 0)
		return 0;
	end = strchr(p, '\n');
	end = end != NULL ? end : p + strlen(p);
	for (; p + 7 <= end; p++)
		if (strncasecmp(p, "because", 7) == 0)
			return 1;
	return 0;
}

/* The public report's sections: written, not skeleton, of a sane length, key findings opened. */
static size_t
gate_sections(const struct report_input *in, struct strbuf *msgs)
{
	const struct sections *s = in->sections;
	const char *kf;
	size_t n = 0;
	int k;

	for (k = 0; k < sections_count(in->profile); k++) {
		if (!sections_wanted(in->profile, k))
			continue;
		if (s == NULL || s->md[k] == NULL) {
			if (k >= SECTIONS_JUDGEMENT && !in->draft) {
				strbuf_printf(
				    msgs,
				    "section %s: not written (give --sections DIR, drafted "
				    "from --skeleton DIR; or render a draft with --draft)\n",
				    sections_key(in->profile, k));
				n++;
			}
			continue;
		}
		if (s->placeholder[k] && !in->draft) {
			strbuf_printf(msgs,
			              "section %s: still holds the skeleton's placeholder text "
			              "(replace it, or render a draft with --draft)\n",
			              sections_key(in->profile, k));
			n++;
		}
		if (s->chars[k] > SECTIONS_MAX_CHARS) {
			strbuf_printf(msgs,
			              "section %s: %zu characters, over the %d a section may hold "
			              "(handbook para 104: concise)\n",
			              sections_key(in->profile, k), s->chars[k],
			              SECTIONS_MAX_CHARS);
			n++;
		}
	}
	kf = s != NULL && s->text[SECTIONS_KEY_FINDINGS] != NULL
	         ? s->text[SECTIONS_KEY_FINDINGS]
	         : (in->j->findings.n > 0 ? in->j->findings.v[0].text : "");
	if (!in->draft && !overall_because(kf)) {
		strbuf_printf(
		    msgs, "%s: does not open \"Overall, ... because\" (handbook para 105)\n",
		    s != NULL && s->text[SECTIONS_KEY_FINDINGS] != NULL ? "section key-findings"
		                                                        : "key_findings[0]");
		n++;
	}
	return n;
}

/* Refuse a free text over the bound: the judgements' texts, and the SEA's in the team pack. */
static size_t
gate_lengths(const struct report_input *in, struct strbuf *msgs)
{
	const struct judgementsfile_list *lists[] = {&in->j->children, &in->j->findings,
	                                             &in->j->improve, &in->j->priority};
	const struct seafile_entry *e;
	const struct seafile_concern *c;
	size_t i, k, n = 0;

	for (k = 0; k < sizeof lists / sizeof lists[0]; k++)
		for (i = 0; i < lists[k]->n; i++)
			if (strlen(lists[k]->v[i].text) > SECTIONS_MAX_TEXT) {
				strbuf_printf(msgs, "%s: %s: over %d characters\n",
				              in->judgements_name, lists[k]->v[i].origin,
				              SECTIONS_MAX_TEXT);
				n++;
			}
	for (i = 0; i < in->sea->nentries; i++) {
		e = &in->sea->entries[i];
		if (strlen(e->summary) > SECTIONS_MAX_TEXT) {
			strbuf_printf(msgs, "%s: entries[%zu].summary: over %d characters\n",
			              in->sea_name, i, SECTIONS_MAX_TEXT);
			n++;
		}
	}
	for (i = 0; i < in->sea->nconcerns; i++) {
		c = &in->sea->concerns[i];
		if ((c->issue != NULL && strlen(c->issue) > SECTIONS_MAX_TEXT) ||
		    (c->response != NULL && strlen(c->response) > SECTIONS_MAX_TEXT) ||
		    (c->view != NULL && strlen(c->view) > SECTIONS_MAX_TEXT)) {
			strbuf_printf(msgs, "%s: concerns[%zu]: a text over %d characters\n",
			              in->sea_name, i, SECTIONS_MAX_TEXT);
			n++;
		}
	}
	return n;
}

/* The summary for children reads at age 12 or below, unless a draft. */
static size_t
gate_children(const struct report_input *in, struct strbuf *msgs)
{
	struct readability rd;

	report_children_readability(in->j, &rd);
	if (rd.age <= READABILITY_MAX_AGE || in->draft)
		return 0;
	strbuf_printf(msgs,
	              "%s: summary_for_children reads above age 12 (reading age about %.0f): use "
	              "shorter sentences and shorter words, or render a draft with --draft "
	              "(handbook para 104)\n",
	              in->judgements_name, rd.age);
	return 1;
}

/* Scan one text; on a find, say where and what kind. */
static size_t
scan(struct redact *r, const char *text, const char *where, const char *column, struct strbuf *msgs)
{
	enum redact_type t;
	size_t off;

	if (text == NULL || *text == '\0')
		return 0;
	t = redact_scan(r, text, strlen(text), &off);
	if (t == REDACT_NONE)
		return 0;
	strbuf_printf(msgs, "%s%s%s%s: would print personal data (%s); redact it at the source\n",
	              where != NULL ? where : "the report's own text", column != NULL ? " (" : "",
	              column != NULL ? column : "", column != NULL ? ")" : "", redact_type_key(t));
	return 1;
}

/*
 * Refuse a document that would print personal data. Free text (what came
 * from the judgements, the sections and the SEA's summaries, issues and
 * responses) is scanned with every detector and the people the inputs
 * name; every other value that reaches the page (service areas, strata,
 * area names, teams, titles) with the detectors alone, since a surname in
 * the deny-list may also be a place ("West" in "South West").
 */
static size_t
gate_personal(const struct report_input *in, const struct rdoc *d, struct redact *r,
              struct redact *plain, struct strbuf *msgs)
{
	char *where;
	size_t i, row, k, n = 0;
	int free_col;

	if (in->j->title != NULL) {
		where = xasprintf("%s: title", in->judgements_name);
		n += scan(r, in->j->title, where, NULL, msgs);
		free(where);
	}
	n += scan(plain, d->subtitle, "the report's dates", NULL, msgs);
	for (i = 0; i < d->n; i++) {
		const struct rdoc_block *b = &d->b[i];

		if (b->kind == RDOC_TABLE) {
			for (row = 1; row <= b->nrows; row++)
				for (k = 0; k < b->ncols; k++) {
					free_col = k < 8 * sizeof b->check_cols &&
					           (b->check_cols & (1UL << k));
					n += scan(
					    free_col ? r : plain, b->cells[row * b->ncols + k],
					    b->row_origin[row - 1] != NULL ? b->row_origin[row - 1]
					                                   : b->text,
					    b->cells[k], msgs);
				}
			continue;
		}
		if (b->kind == RDOC_FIGURE)
			continue; /* its text is the tool's own words and figures */
		if (b->origin == NULL) {
			n += scan(plain, b->text, NULL, NULL, msgs);
			continue;
		}
		if (b->check != NULL)
			n += scan(plain, b->text, b->origin, NULL, msgs);
		n += scan(r, b->check != NULL ? b->check : b->text, b->origin, NULL, msgs);
	}
	return n;
}

/* 1 when s holds a run of at least n ASCII digits. */
static int
digit_run(const char *s, size_t n)
{
	size_t run = 0;

	for (; *s != '\0'; s++)
		if ((run = *s >= '0' && *s <= '9' ? run + 1 : 0) >= n)
			return 1;
	return 0;
}

/* 1 when s may hold a case reference: its every match holds 6 digits in a row. */
static int
may_ref(const char *s)
{
	return digit_run(s, 6);
}

/* 1 when s may hold a placeholder: its every match holds "[", "TBC" or "XXXX". */
static int
may_placeholder(const char *s)
{
	return strchr(s, '[') != NULL || strstr(s, "TBC") != NULL || strstr(s, "XXXX") != NULL;
}

/*
 * What a public report never prints: a case reference, initials, a
 * placeholder; with a cheap test (may, or NULL) that a text lacking what
 * every match of the pattern holds fails, so the pattern is not run on it.
 */
static const struct {
	const char *what;
	const char *pattern;
	int (*may)(const char *);
} case_level[] = {
    {"a case reference", "\\b[A-Z]{2,4}[-/ ]?[0-9]{6,}\\b", may_ref},
    {"initials",
     "\\b[A-Z]\\.\\s?[A-Z]\\.|\\b(?:child|children|mother|father|parent|carer|boy|"
     "girl|sibling|case|young person|baby|infant)\\s+[A-Z]{1,3}\\b(?![a-z'])",
     NULL},
    {"a placeholder",
     "\\[(?:name|email|phone|postcode|NI number|NHS number|date of birth|"
     "insert[^\\]]*)\\]|\\bTBC\\b|XXXX",
     may_placeholder},
};
#define NCASE_LEVEL (sizeof case_level / sizeof case_level[0])

/* The SEA's case references a public text must not hold (4 bytes or more), each once. */
struct sea_refs {
	char **v;
	size_t n;
	char *buf; /* the references' bytes, split at their separators */
};

/* Order two references by their bytes. */
static int
ref_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The case references of the SEA's entries ("CA1; CA2" holds two), split
 * once for every text checked, not once a text.
 */
static void
sea_refs_init(struct sea_refs *refs, const struct seafile *sea)
{
	struct strbuf all;
	char *ref, *save;
	size_t i, k, n = 0;

	strbuf_init(&all);
	for (i = 0; i < sea->nentries; i++)
		if (sea->entries[i].case_ref != NULL) {
			strbuf_adds(&all, sea->entries[i].case_ref);
			strbuf_addch(&all, ' ');
		}
	refs->buf = strbuf_steal(&all);
	refs->v = xcalloc(strlen(refs->buf) / 5 + 1, sizeof(char *));
	for (ref = strtok_r(refs->buf, ";, ", &save); ref != NULL;
	     ref = strtok_r(NULL, ";, ", &save))
		if (strlen(ref) >= 4)
			refs->v[n++] = ref;
	qsort(refs->v, n, sizeof(char *), ref_cmp);
	for (i = k = 0; i < n; i++)
		if (k == 0 || strcmp(refs->v[k - 1], refs->v[i]) != 0)
			refs->v[k++] = refs->v[i];
	refs->n = k;
}

static void
sea_refs_free(struct sea_refs *refs)
{
	free(refs->v);
	free(refs->buf);
}

/* 1 when text holds one of the SEA's case references. */
static int
has_case_ref(const struct sea_refs *refs, const char *text)
{
	size_t i;

	for (i = 0; i < refs->n; i++)
		if (strstr(text, refs->v[i]) != NULL)
			return 1;
	return 0;
}

/* Check one text of the public report; the number of refusals (0 or 1). */
static size_t
public_text(const struct sea_refs *refs, struct rx *const *rx, const char *text, const char *where,
            struct strbuf *msgs)
{
	size_t k;

	if (text == NULL || *text == '\0')
		return 0;
	for (k = 0; k < NCASE_LEVEL; k++)
		if (rx[k] != NULL && (case_level[k].may == NULL || case_level[k].may(text)) &&
		    rx_search(rx[k], text, strlen(text), 0, NULL, NULL) == 1)
			break;
	if (k == NCASE_LEVEL && !has_case_ref(refs, text))
		return 0;
	strbuf_printf(msgs,
	              "%s: holds %s; a published report names no case or person "
	              "(handbook para 111, Annex D)\n",
	              where != NULL ? where : "the report's own text",
	              k < NCASE_LEVEL ? case_level[k].what : "a case reference of the SEA");
	return 1;
}

/* The public report: nothing case-level anywhere in it. */
static size_t
gate_public(const struct report_input *in, const struct rdoc *d, struct strbuf *msgs)
{
	struct rx *rx[NCASE_LEVEL];
	char err[128];
	size_t i, k, row, n = 0;
	struct sea_refs refs;

	sea_refs_init(&refs, in->sea);
	for (k = 0; k < NCASE_LEVEL; k++)
		rx[k] = rx_new(case_level[k].pattern, 0, err, sizeof err);
	n += public_text(&refs, rx, d->title, NULL, msgs);
	n += public_text(&refs, rx, d->subtitle, NULL, msgs);
	for (i = 0; i < d->n; i++) {
		const struct rdoc_block *b = &d->b[i];

		if (b->kind == RDOC_TABLE) {
			for (row = 0; row <= b->nrows; row++)
				for (k = 0; k < b->ncols; k++)
					n += public_text(&refs, rx, b->cells[row * b->ncols + k],
					                 b->text, msgs);
			continue;
		}
		n += public_text(&refs, rx, b->text, b->origin, msgs);
		n += public_text(&refs, rx, b->label, b->origin, msgs);
	}
	for (k = 0; k < NCASE_LEVEL; k++)
		rx_free(rx[k]);
	sea_refs_free(&refs);
	return n;
}

size_t
report_gates(const struct report_input *in, const struct rdoc *d, struct redact *r,
             struct redact *plain, struct strbuf *msgs)
{
	size_t n = 0;

	n += gate_priority(in, msgs);
	n += gate_grades(in, msgs);
	n += gate_gaps(in, msgs);
	n += gate_lengths(in, msgs);
	n += gate_children(in, msgs);
	if (in->audience == REPORT_PUBLIC) {
		n += gate_sections(in, msgs);
		n += gate_public(in, d, msgs);
	}
	n += gate_personal(in, d, r, plain, msgs);
	return n;
}

void
report_children_readability(const struct judgementsfile *j, struct readability *rd)
{
	struct strbuf sb;
	size_t i;

	strbuf_init(&sb);
	for (i = 0; i < j->children.n; i++) {
		strbuf_adds(&sb, j->children.v[i].text);
		strbuf_adds(&sb, "\n\n");
	}
	readability_measure(sb.buf, sb.len, rd);
	strbuf_free(&sb);
}
