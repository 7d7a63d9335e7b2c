/*
 * sea.c: building the summary of evidence and analysis: merge, redaction,
 * coverage, gaps, the concerns register and the teams it names. Its JSON,
 * CSV and Markdown forms are in sea_write.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvio.h"
#include "core/fieldmap.h"
#include "core/output.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "redact/redact.h"
#include "sea/answers.h"
#include "sea/evidence.h"
#include "sea/schedule.h"
#include "sea/sea-impl.h"
#include "sea/sea.h"

const char *
sea_value(const struct sea *s, size_t i, enum evidence_key k)
{
	return evidence_value(&s->ev, &s->e[i].r, k);
}

struct origin
sea_origin(const struct sea *s, size_t i, size_t j)
{
	struct origin o;

	if (s->e[i].nfrom > 1)
		return s->orig[s->e[i].from + j];
	o.file = s->files[s->e[i].r.file];
	o.line = s->e[i].r.line;
	return o;
}

/* What the order of records needs of each value id of the sea's table. */
struct order {
	uint32_t *rank; /* the value's place in strcmp order */
	long *jidx; /* as a judgement: its place in the schedule (-1: none) */
	long *crit0; /* as criteria: the first criterion (0: none) */
};

/*
 * After judgement and first criterion, records compare by every key in
 * order (inspector, date, time, source, case_ref, service_area, judgement,
 * criteria, finding, summary, team, response, response_date, view): the
 * slot in val[] of each (-1: the record's next text value).
 */
static const signed char order_slot[] = {0, 1, 2, 3, -1, 4, 5, 6, 7, -1, 8, -1, 9, -1};

#define SLOT_JUDGEMENT 5
#define SLOT_CRITERIA 6

/* Order records: judgement, first criterion, then every key (inspector, date, time...). */
static int
record_cmp(const void *a, const void *b, void *ctx)
{
	const struct evidence_record *x = &((const struct sea_entry *)a)->r,
	                             *y = &((const struct sea_entry *)b)->r;
	const struct order *o = ctx;
	const char *tx = x->text, *ty = y->text;
	long cx, cy;
	size_t k;
	int c;

	cx = o->jidx[x->val[SLOT_JUDGEMENT]];
	cy = o->jidx[y->val[SLOT_JUDGEMENT]];
	if (cx != cy)
		return cx < cy ? -1 : 1;
	cx = o->crit0[x->val[SLOT_CRITERIA]];
	cy = o->crit0[y->val[SLOT_CRITERIA]];
	if (cx != cy)
		return cx < cy ? -1 : 1;
	for (k = 0; k < sizeof(order_slot); k++) {
		int slot = order_slot[k];

		if (slot >= 0) {
			uint32_t rx = o->rank[x->val[slot]], ry = o->rank[y->val[slot]];

			if (rx != ry)
				return rx < ry ? -1 : 1;
			continue;
		}
		if ((c = strcmp(tx, ty)) != 0)
			return c;
		c = (int)strlen(tx) + 1; /* equal: the same length */
		tx += c;
		ty += c;
	}
	return 0;
}

/* Order origins by file name, then line. */
static int
origin_cmp(const void *a, const void *b)
{
	const struct origin *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c != 0)
		return c;
	return (x->line > y->line) - (x->line < y->line);
}

/* The order's tables for the values of s. */
static void
order_new(struct sea *s, struct order *o)
{
	size_t n = evidence_ranks(&s->ev, &o->rank), i, nc;
	const long *c;
	struct evidence_record probe;

	o->jidx = xcalloc(n + 1, sizeof(*o->jidx));
	o->crit0 = xcalloc(n + 1, sizeof(*o->crit0));
	memset(&probe, 0, sizeof(probe));
	for (i = 0; i < n; i++) {
		o->jidx[i] =
		    schedule_judgement_index(s->sched, evidence_shared(&s->ev, (uint32_t)i));
		probe.val[SLOT_CRITERIA] = (uint32_t)i;
		c = evidence_criteria(&s->ev, &probe, &nc);
		o->crit0[i] = nc > 0 ? c[0] : 0;
	}
}

/* Sort the entries and merge exact duplicates into the first. */
static void
merge(struct sea *s)
{
	struct order o;
	struct origin *run = NULL;
	size_t i, j, k, m, runcap = 0;

	order_new(s, &o);
	qsort_r(s->e, s->n, sizeof(*s->e), record_cmp, &o);
	for (i = 0, k = 0; i < s->n; i = j) {
		for (j = i + 1; j < s->n && record_cmp(&s->e[i], &s->e[j], &o) == 0; j++)
			;
		s->e[k] = s->e[i];
		s->e[k].nfrom = 1;
		if (j - i > 1) {
			if (j - i > runcap) {
				runcap = j - i;
				run = xreallocarray(run, runcap, sizeof(*run));
			}
			for (m = 0; m < j - i; m++) {
				run[m].file = s->files[s->e[i + m].r.file];
				run[m].line = s->e[i + m].r.line;
			}
			qsort(run, j - i, sizeof(*run), origin_cmp);
			for (m = 1, s->e[k].nfrom = 1; m < j - i; m++)
				if (origin_cmp(&run[s->e[k].nfrom - 1], &run[m]) != 0)
					run[s->e[k].nfrom++] = run[m];
			s->ndup += j - i - 1;
			if (s->e[k].nfrom > 1) {
				s->e[k].from = (uint32_t)s->norig;
				s->orig = xreallocarray(s->orig, s->norig + s->e[k].nfrom,
				                        sizeof(*s->orig));
				memcpy(s->orig + s->norig, run, s->e[k].nfrom * sizeof(*run));
				s->norig += s->e[k].nfrom;
			}
		}
		k++;
	}
	s->n = k;
	free(run);
	free(o.rank);
	free(o.jidx);
	free(o.crit0);
}

/* Append "file:line" of the first origin of entry i to sb. */
static void
origin_key(const struct sea *s, size_t i, struct strbuf *sb)
{
	struct origin o = sea_origin(s, i, 0);
	char d[24];
	size_t n = sizeof(d);
	unsigned long line = o.line;

	strbuf_adds(sb, o.file);
	strbuf_addch(sb, ':');
	do
		d[--n] = (char)('0' + line % 10);
	while ((line /= 10) > 0);
	strbuf_add(sb, d + n, sizeof(d) - n);
}

/* Replace the free text of every entry by its redaction. */
static void
redact_entries(struct sea *s, struct redact *r)
{
	static const enum evidence_key free_text[] = {EV_SUMMARY, EV_RESPONSE, EV_VIEW};
	struct strbuf sb;
	size_t i, k;

	strbuf_init(&sb);
	for (i = 0; i < s->n; i++) {
		/* the record's key for the review list: its file and line */
		strbuf_reset(&sb);
		origin_key(s, i, &sb);
		redact_review_record(r, sb.buf);
		for (k = 0; k < sizeof(free_text) / sizeof(free_text[0]); k++) {
			const char *v = sea_value(s, i, free_text[k]);

			if (*v == '\0')
				continue;
			strbuf_reset(&sb);
			if (redact_text(r, v, strlen(v), &sb, s->counts) > 0)
				evidence_replace(&s->ev, &s->e[i].r, free_text[k], sb.buf);
		}
	}
	redact_review_record(r, NULL);
	strbuf_free(&sb);
}

/* Add area to the tally's sorted set. */
static void
add_area(struct sea_tally *t, const char *area)
{
	size_t lo = 0, hi = t->nareas, mid;
	int c;

	if (*area == '\0')
		return;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((c = strcmp(t->areas[mid], area)) == 0)
			return;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	t->areas = xreallocarray(t->areas, t->nareas + 1, sizeof(char *));
	memmove(t->areas + lo + 1, t->areas + lo, (t->nareas - lo) * sizeof(char *));
	t->areas[lo] = (char *)area; /* borrowed from the entry */
	t->nareas++;
}

/* Count one entry into a tally. */
static void
tally_add(struct sea_tally *t, const struct sea *s, size_t e)
{
	const char *finding = sea_value(s, e, EV_FINDING), *source = sea_value(s, e, EV_SOURCE);
	size_t i;

	t->entries++;
	t->strengths += strcmp(finding, "strength") == 0;
	t->improvements += strcmp(finding, "improvement") == 0;
	t->concerns += strcmp(finding, "concern") == 0;
	for (i = 0; evidence_sources[i] != NULL; i++)
		if (strcmp(source, evidence_sources[i]) == 0)
			t->sources |= 1u << i;
	add_area(t, sea_value(s, e, EV_SERVICE_AREA));
}

/* Tally coverage by criterion and by judgement. */
static void
cover(struct sea *s)
{
	size_t i, k, ncrit;
	long idx;

	s->crit = xcalloc(schedule_count(s->sched) + 1, sizeof(*s->crit));
	s->judg = xcalloc(schedule_njudgements(s->sched) + 1, sizeof(*s->judg));
	for (i = 0; i < s->n; i++) {
		const char *judgement = sea_value(s, i, EV_JUDGEMENT);
		const long *crit = evidence_criteria(&s->ev, &s->e[i].r, &ncrit);

		if ((idx = schedule_judgement_index(s->sched, judgement)) >= 0)
			tally_add(&s->judg[idx], s, i);
		for (k = 0; k < ncrit; k++)
			if ((idx = schedule_find(s->sched, judgement, crit[k])) >= 0)
				tally_add(&s->crit[idx], s, i);
	}
}

/* The entry answering concern c: its own response, or the first later one on the case. */
static long
find_answer(const struct sea *s, size_t c, struct answers *resp)
{
	if (*sea_value(s, c, EV_RESPONSE) != '\0')
		return (long)c;
	return answers_find(resp, sea_value(s, c, EV_CASE_REF), sea_value(s, c, EV_DATE));
}

/* Build the Annex F register from the concern entries. */
static void
register_concerns(struct sea *s)
{
	struct answers *resp = answers_new();
	size_t i, cap = 0;

	for (i = 0; i < s->n; i++)
		if (*sea_value(s, i, EV_RESPONSE) != '\0')
			answers_add(resp, sea_value(s, i, EV_CASE_REF), sea_value(s, i, EV_DATE),
			            sea_value(s, i, EV_TIME), i);
	for (i = 0; i < s->n; i++) {
		struct concern *c;

		if (strcmp(sea_value(s, i, EV_FINDING), "concern") != 0)
			continue;
		if (s->nconc == cap) {
			cap = cap ? 2 * cap : 16;
			s->conc = xreallocarray(s->conc, cap, sizeof(*s->conc));
		}
		c = &s->conc[s->nconc++];
		c->entry = i;
		c->answer = find_answer(s, i, resp);
		c->team =
		    *sea_value(s, i, EV_TEAM) != '\0' ? xstrdup(sea_value(s, i, EV_TEAM)) : NULL;
	}
	answers_free(resp);
}

/* A rejection with what orders it independently of the input order. */
struct rej_key {
	struct evidence_reject r;
	const char *file;
	size_t idx;
};

/* Order rejections by file name, line, then the order of the checks. */
static int
rej_cmp(const void *a, const void *b)
{
	const struct rej_key *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c != 0)
		return c;
	if (x->r.line != y->r.line)
		return x->r.line < y->r.line ? -1 : 1;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

/* Sort the rejections so that the order of the input files does not matter. */
static void
sort_rejections(struct sea *s)
{
	struct rej_key *k = xcalloc(s->nrej + 1, sizeof(*k));
	size_t i;

	for (i = 0; i < s->nrej; i++) {
		k[i].r = s->rej[i];
		k[i].file = s->files[s->rej[i].file];
		k[i].idx = i;
	}
	qsort(k, s->nrej, sizeof(*k), rej_cmp);
	for (i = 0; i < s->nrej; i++)
		s->rej[i] = k[i].r;
	free(k);
}

struct sea *
sea_build(const struct schedule *sched, struct redact *r, struct evidence_set *set)
{
	struct sea *s = xcalloc(1, sizeof(*s));
	size_t i;

	s->sched = sched;
	s->files = set->files;
	s->nfiles = set->nfiles;
	s->rej = set->rej;
	s->nrej = set->nrej;
	s->nread = set->nread;
	s->nrejected = set->nrejected;
	s->n = set->nrec;
	/*
	 * The entries take the records' place: the array is extended (moved by
	 * the kernel when it is large, not copied beside the old one) and each
	 * record becomes its entry from the last down, an entry never lying over
	 * a record not yet moved (entries are larger than records).
	 */
	s->e = xreallocarray(set->rec, s->n + 1, sizeof(*s->e));
	memset(&s->e[s->n], 0, sizeof(*s->e));
	for (i = s->n; i-- > 0;) {
		struct evidence_record rec;

		memcpy(&rec, (char *)s->e + i * sizeof(rec), sizeof(rec));
		memset(&s->e[i], 0, sizeof(s->e[i]));
		s->e[i].r = rec;
		s->e[i].nfrom = 1;
	}
	s->ev.store = set->store;
	memset(set, 0, sizeof(*set));
	merge(s);
	sort_rejections(s);
	if (r != NULL)
		redact_entries(s, r);
	cover(s);
	register_concerns(s);
	return s;
}

/* Free n tallies and their area lists (the names are borrowed). */
static void
sea_tally_free(struct sea_tally *t, size_t n)
{
	while (n > 0)
		free(t[--n].areas);
	free(t);
}

void
sea_free(struct sea *s)
{
	size_t i;

	if (s == NULL)
		return;
	sea_tally_free(s->crit, schedule_count(s->sched));
	sea_tally_free(s->judg, schedule_njudgements(s->sched));
	for (i = 0; i < s->nconc; i++)
		free(s->conc[i].team);
	free(s->conc);
	evidence_set_free(&s->ev);
	free(s->orig);
	free(s->e);
	free(s->rej);
	for (i = 0; i < s->nfiles; i++)
		free(s->files[i]);
	free(s->files);
	free(s);
}

/* A case reference of a concern that has no team yet. */
struct caseref {
	char *ref;
	size_t conc;
};

/* Order case references by text. */
static int
caseref_cmp(const void *a, const void *b)
{
	return strcmp(((const struct caseref *)a)->ref, ((const struct caseref *)b)->ref);
}

/* The sorted case references of the concerns with no team. */
static struct caseref *
teamless_index(const struct sea *s, size_t *n)
{
	struct caseref *v = NULL;
	size_t i;

	*n = 0;
	for (i = 0; i < s->nconc; i++) {
		const char *p = sea_value(s, s->conc[i].entry, EV_CASE_REF), *q;

		if (s->conc[i].team != NULL)
			continue;
		for (; *p != '\0'; p = *q == ';' ? q + 1 : q) {
			if ((q = strchr(p, ';')) == NULL)
				q = p + strlen(p);
			v = xreallocarray(v, *n + 1, sizeof(*v));
			v[*n].ref = xstrndup(p, (size_t)(q - p));
			v[(*n)++].conc = i;
		}
	}
	qsort(v, *n, sizeof(*v), caseref_cmp);
	return v;
}

/* Give team to every concern on case_id that has none. */
static void
set_team(struct sea *s, const struct caseref *idx, size_t n, const char *case_id, const char *team)
{
	size_t lo = 0, hi = n, mid;

	if (*team == '\0')
		return;
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (strcmp(idx[mid].ref, case_id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < n && strcmp(idx[lo].ref, case_id) == 0; lo++)
		if (s->conc[idx[lo].conc].team == NULL)
			s->conc[idx[lo].conc].team = xstrdup(team);
}

/* Number of concerns with no team yet. */
static size_t
teamless(const struct sea *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->nconc; i++)
		n +=
		    s->conc[i].team == NULL && *sea_value(s, s->conc[i].entry, EV_CASE_REF) != '\0';
	return n;
}

/* Read Case ID and Team of each record of an Annex A extract. */
static int
read_teams(struct sea *s, struct csvio_reader *cr, const char *name, char *err, size_t errsz)
{
	struct csvio_record *rec;
	struct fieldmap *fm;
	struct fieldmap_binding b;
	struct caseref *idx;
	long id = -1, team = -1;
	size_t nidx, i;
	int rc;

	if ((fm = fieldmap_load_named("annexa", err, errsz)) == NULL)
		return -1;
	idx = teamless_index(s, &nidx);
	if ((rc = csvio_next(cr, &rec)) == 1) {
		fieldmap_bind(fm, (const char *const *)rec->fields, rec->nfields, &b);
		if (fieldmap_index(fm, "case_id") >= 0 && fieldmap_index(fm, "team") >= 0) {
			id = b.column[fieldmap_index(fm, "case_id")];
			team = b.column[fieldmap_index(fm, "team")];
		}
		fieldmap_unbind(&b);
	}
	while (rc == 1 && id >= 0 && team >= 0 && (rc = csvio_next(cr, &rec)) == 1)
		if ((size_t)id < rec->nfields && (size_t)team < rec->nfields &&
		    !(rec->flags & CSVIO_BAD_UTF8))
			set_team(s, idx, nidx, rec->fields[id], rec->fields[team]);
	if (rc == -1)
		snprintf(err, errsz, "%s: %s", name, csvio_error(cr));
	for (i = 0; i < nidx; i++)
		free(idx[i].ref);
	free(idx);
	fieldmap_free(fm);
	return rc == -1 ? -1 : 0;
}

int
sea_teams_from(struct sea *s, const char *path, unsigned csv_flags, char *err, size_t errsz)
{
	struct csvio_reader *cr;
	FILE *fp;
	int rc;

	if (teamless(s) == 0)
		return 0;
	if ((fp = output_input_open(path)) == NULL) {
		snprintf(err, errsz, "%s: cannot open", path);
		return -1;
	}
	cr = csvio_open(fp, path, csv_flags);
	rc = read_teams(s, cr, path, err, errsz);
	csvio_close(cr);
	fclose(fp);
	return rc;
}

size_t
sea_entries(const struct sea *s)
{
	return s->n;
}

size_t
sea_duplicates(const struct sea *s)
{
	return s->ndup;
}

size_t
sea_gaps(const struct sea *s)
{
	size_t i, n = 0;

	for (i = 0; i < schedule_count(s->sched); i++)
		n += s->crit[i].entries == 0;
	return n;
}

size_t
sea_covered(const struct sea *s, size_t i)
{
	return i < schedule_count(s->sched) ? s->crit[i].entries : 0;
}

size_t
sea_concerns(const struct sea *s)
{
	return s->nconc;
}

size_t
sea_awaiting(const struct sea *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->nconc; i++)
		n += s->conc[i].answer < 0;
	return n;
}

unsigned long
sea_redactions(const struct sea *s)
{
	unsigned long n = 0;
	int t;

	for (t = 0; t < REDACT_NTYPES; t++)
		n += s->counts[t];
	return n;
}
