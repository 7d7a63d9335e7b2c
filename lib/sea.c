/*
 * sea.c: the summary of evidence and analysis: merge, redaction, coverage,
 * gaps and the concerns register, and their JSON, CSV and Markdown forms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "answers.h"
#include "csvio.h"
#include "evidence.h"
#include "fieldmap.h"
#include "jsonio.h"
#include "redact.h"
#include "schedule.h"
#include "sea.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

struct origin {
	const char *file; /* borrowed from the sea's file names */
	unsigned long line;
};

struct entry {
	struct evidence_record r;
	long jidx; /* the judgement's place in the schedule, for sorting */
	struct origin *from;
	size_t nfrom;
};

struct tally {
	size_t entries, strengths, improvements, concerns;
	unsigned sources; /* bit i: evidence_sources[i] */
	char **areas; /* sorted, distinct */
	size_t nareas;
};

struct concern {
	size_t entry;
	long answer; /* entry holding Cafcass's response, or -1 */
	char *team; /* owned; NULL when unknown */
};

struct sea {
	const struct schedule *sched;
	char **files;
	size_t nfiles;
	struct entry *e;
	size_t n;
	size_t ndup, nread, nrejected;
	struct evidence_reject *rej;
	size_t nrej;
	unsigned long counts[REDACT_NTYPES];
	struct tally *crit; /* one per schedule criterion */
	struct tally *judg; /* one per judgement */
	struct concern *conc;
	size_t nconc;
};

/* Order records: judgement, first criterion, date, time, then every key. */
static int
record_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	long cx = x->r.ncrit > 0 ? x->r.crit[0] : 0, cy = y->r.ncrit > 0 ? y->r.crit[0] : 0;
	int k, c;

	if (x->jidx != y->jidx)
		return x->jidx < y->jidx ? -1 : 1;
	if (cx != cy)
		return cx < cy ? -1 : 1;
	for (k = 0; k < EV_NKEYS; k++)
		if ((c = strcmp(x->r.v[k], y->r.v[k])) != 0)
			return c;
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

/* Sort the entries and merge exact duplicates into the first. */
static void
merge(struct sea *s)
{
	size_t i, k;

	for (i = 0; i < s->n; i++)
		s->e[i].jidx = schedule_judgement_index(s->sched, s->e[i].r.v[EV_JUDGEMENT]);
	qsort(s->e, s->n, sizeof(*s->e), record_cmp);
	for (i = 0, k = 0; i < s->n; i++) {
		if (k > 0 && record_cmp(&s->e[k - 1], &s->e[i]) == 0) {
			struct entry *d = &s->e[k - 1];

			d->from =
			    xreallocarray(d->from, d->nfrom + s->e[i].nfrom, sizeof(*d->from));
			memcpy(d->from + d->nfrom, s->e[i].from, s->e[i].nfrom * sizeof(*d->from));
			d->nfrom += s->e[i].nfrom;
			free(s->e[i].from);
			evidence_record_free(&s->e[i].r);
			s->ndup++;
			continue;
		}
		s->e[k++] = s->e[i];
	}
	s->n = k;
	for (i = 0; i < s->n; i++) {
		struct entry *e = &s->e[i];
		size_t j, m;

		qsort(e->from, e->nfrom, sizeof(*e->from), origin_cmp);
		for (j = 0, m = 0; j < e->nfrom; j++)
			if (m == 0 || origin_cmp(&e->from[m - 1], &e->from[j]) != 0)
				e->from[m++] = e->from[j];
		e->nfrom = m;
	}
}

/* Replace the free text of every entry by its redaction. */
static void
redact_entries(struct sea *s, struct redact *r)
{
	static const enum evidence_key free_text[] = {EV_SUMMARY, EV_RESPONSE, EV_VIEW};
	struct strbuf sb;
	size_t i, k;

	strbuf_init(&sb);
	for (i = 0; i < s->n; i++)
		for (k = 0; k < sizeof(free_text) / sizeof(free_text[0]); k++) {
			const char *v = s->e[i].r.v[free_text[k]];

			if (*v == '\0')
				continue;
			strbuf_reset(&sb);
			if (redact_text(r, v, strlen(v), &sb, s->counts) > 0)
				evidence_record_set(&s->e[i].r, free_text[k], xstrdup(sb.buf));
		}
	strbuf_free(&sb);
}

/* Add area to the tally's sorted set. */
static void
add_area(struct tally *t, const char *area)
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
tally_add(struct tally *t, const struct evidence_record *r)
{
	size_t i;

	t->entries++;
	t->strengths += strcmp(r->v[EV_FINDING], "strength") == 0;
	t->improvements += strcmp(r->v[EV_FINDING], "improvement") == 0;
	t->concerns += strcmp(r->v[EV_FINDING], "concern") == 0;
	for (i = 0; evidence_sources[i] != NULL; i++)
		if (strcmp(r->v[EV_SOURCE], evidence_sources[i]) == 0)
			t->sources |= 1u << i;
	add_area(t, r->v[EV_SERVICE_AREA]);
}

/* Number of bits set. */
static unsigned
popcount(unsigned x)
{
	unsigned n = 0;

	for (; x != 0; x &= x - 1)
		n++;
	return n;
}

/* Tally coverage by criterion and by judgement. */
static void
cover(struct sea *s)
{
	size_t i, k;
	long idx;

	s->crit = xcalloc(schedule_count(s->sched) + 1, sizeof(*s->crit));
	s->judg = xcalloc(schedule_njudgements(s->sched) + 1, sizeof(*s->judg));
	for (i = 0; i < s->n; i++) {
		const struct evidence_record *r = &s->e[i].r;

		if ((idx = schedule_judgement_index(s->sched, r->v[EV_JUDGEMENT])) >= 0)
			tally_add(&s->judg[idx], r);
		for (k = 0; k < r->ncrit; k++)
			if ((idx = schedule_find(s->sched, r->v[EV_JUDGEMENT], r->crit[k])) >= 0)
				tally_add(&s->crit[idx], r);
	}
}

/* The entry answering concern c: its own response, or the first later one on the case. */
static long
find_answer(const struct sea *s, size_t c, struct answers *resp)
{
	const struct evidence_record *cr = &s->e[c].r;

	if (*cr->v[EV_RESPONSE] != '\0')
		return (long)c;
	return answers_find(resp, cr->v[EV_CASE_REF], cr->v[EV_DATE]);
}

/* Build the Annex F register from the concern entries. */
static void
register_concerns(struct sea *s)
{
	struct answers *resp = answers_new();
	size_t i, cap = 0;

	for (i = 0; i < s->n; i++) {
		const struct evidence_record *r = &s->e[i].r;

		if (*r->v[EV_RESPONSE] != '\0')
			answers_add(resp, r->v[EV_CASE_REF], r->v[EV_DATE], r->v[EV_TIME], i);
	}
	for (i = 0; i < s->n; i++) {
		struct concern *c;

		if (strcmp(s->e[i].r.v[EV_FINDING], "concern") != 0)
			continue;
		if (s->nconc == cap) {
			cap = cap ? 2 * cap : 16;
			s->conc = xreallocarray(s->conc, cap, sizeof(*s->conc));
		}
		c = &s->conc[s->nconc++];
		c->entry = i;
		c->answer = find_answer(s, i, resp);
		c->team = *s->e[i].r.v[EV_TEAM] != '\0' ? xstrdup(s->e[i].r.v[EV_TEAM]) : NULL;
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
	s->e = xcalloc(s->n + 1, sizeof(*s->e));
	for (i = 0; i < s->n; i++) {
		s->e[i].r = set->rec[i];
		s->e[i].from = xmalloc(sizeof(*s->e[i].from));
		s->e[i].from[0].file = s->files[set->rec[i].file];
		s->e[i].from[0].line = set->rec[i].line;
		s->e[i].nfrom = 1;
	}
	free(set->rec);
	memset(set, 0, sizeof(*set));
	merge(s);
	sort_rejections(s);
	if (r != NULL)
		redact_entries(s, r);
	cover(s);
	register_concerns(s);
	return s;
}

/* Free a tally's area list (the names are borrowed). */
static void
tally_free(struct tally *t, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(t[i].areas);
	free(t);
}

void
sea_free(struct sea *s)
{
	size_t i;

	if (s == NULL)
		return;
	tally_free(s->crit, schedule_count(s->sched));
	tally_free(s->judg, schedule_njudgements(s->sched));
	for (i = 0; i < s->nconc; i++)
		free(s->conc[i].team);
	free(s->conc);
	for (i = 0; i < s->n; i++) {
		evidence_record_free(&s->e[i].r);
		free(s->e[i].from);
	}
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
		const char *p = s->e[s->conc[i].entry].r.v[EV_CASE_REF], *q;

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
		n += s->conc[i].team == NULL && *s->e[s->conc[i].entry].r.v[EV_CASE_REF] != '\0';
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
	if ((fp = fopen(path, "r")) == NULL) {
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

/* A JSON string, or null for "". */
static json_t *
str_or_null(const char *v)
{
	return *v != '\0' ? json_string(v) : json_null();
}

/* Write s as a JSON string (UTF-8 kept, as Jansson writes it). */
static void
json_str(FILE *fp, const char *s)
{
	const unsigned char *p, *run;

	fputc('"', fp);
	for (run = p = (const unsigned char *)s;; p++) {
		if (*p >= 0x20 && *p != '"' && *p != '\\')
			continue;
		fwrite(run, 1, (size_t)(p - run), fp);
		run = p + 1;
		if (*p == '\0')
			break;
		if (*p == '"' || *p == '\\')
			fprintf(fp, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", fp);
		else if (*p == '\r')
			fputs("\\r", fp);
		else if (*p == '\t')
			fputs("\\t", fp);
		else if (*p == '\b')
			fputs("\\b", fp);
		else if (*p == '\f')
			fputs("\\f", fp);
		else
			fprintf(fp, "\\u%04x", *p);
	}
	fputc('"', fp);
}

/* Write one member "key": value of an entry ("" as null where nullable). */
static void
json_member(FILE *fp, const char *key, const char *v, int nullable)
{
	fprintf(fp, ",\n      \"%s\": ", key);
	if (nullable && *v == '\0')
		fputs("null", fp);
	else
		json_str(fp, v);
}

/* Write one entry, indented as Jansson indents the rest of the document. */
static void
entry_write(FILE *fp, const struct entry *e)
{
	const struct evidence_record *r = &e->r;
	size_t i;
	int k;

	fputs("    {\n      \"inspector\": ", fp);
	json_str(fp, r->v[EV_INSPECTOR]);
	for (k = EV_INSPECTOR + 1; k < EV_NCONTRACT; k++) {
		if (k != EV_CRITERIA) {
			json_member(fp, evidence_key_name(k), r->v[k],
			            k == EV_TIME || k == EV_CASE_REF || k == EV_SERVICE_AREA);
			continue;
		}
		fputs(",\n      \"criteria\": [", fp);
		for (i = 0; i < r->ncrit; i++)
			fprintf(fp, "%s\n        %ld", i > 0 ? "," : "", r->crit[i]);
		fputs(r->ncrit > 0 ? "\n      ]" : "]", fp);
	}
	for (k = EV_NCONTRACT; k < EV_NKEYS; k++)
		if (*r->v[k] != '\0')
			json_member(fp, evidence_key_name(k), r->v[k], 0);
	fputs(",\n      \"from\": [", fp);
	for (i = 0; i < e->nfrom; i++) {
		fprintf(fp, "%s\n        {\n          \"file\": ", i > 0 ? "," : "");
		json_str(fp, e->from[i].file);
		fprintf(fp, ",\n          \"line\": %lu\n        }", e->from[i].line);
	}
	fputs(e->nfrom > 0 ? "\n      ]\n    }" : "]\n    }", fp);
}

/* The distinct sources of a tally as a JSON array. */
static json_t *
sources_json(unsigned mask)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; evidence_sources[i] != NULL; i++)
		if (mask & (1u << i))
			json_array_append_new(a, json_string(evidence_sources[i]));
	return a;
}

/* The counts of a tally into object o. */
static void
tally_json(json_t *o, const struct tally *t)
{
	json_t *areas = json_array();
	size_t i;

	json_object_set_new(o, "entries", json_integer((json_int_t)t->entries));
	json_object_set_new(o, "strengths", json_integer((json_int_t)t->strengths));
	json_object_set_new(o, "improvements", json_integer((json_int_t)t->improvements));
	json_object_set_new(o, "concerns", json_integer((json_int_t)t->concerns));
	json_object_set_new(o, "sources", sources_json(t->sources));
	json_object_set_new(o, "source_types", json_integer(popcount(t->sources)));
	for (i = 0; i < t->nareas; i++)
		json_array_append_new(areas, json_string(t->areas[i]));
	json_object_set_new(o, "service_areas", areas);
	json_object_set_new(o, "triangulated", json_boolean(popcount(t->sources) >= 2));
}

/* The coverage rows, one per criterion. */
static json_t *
coverage_json(const struct sea *s)
{
	json_t *a = json_array(), *o, *titles;
	size_t i, k;

	for (i = 0; i < schedule_count(s->sched); i++) {
		const struct schedule_criterion *c = schedule_get(s->sched, i);

		titles = json_array();
		for (k = 0; k < c->ntitles; k++)
			json_array_append_new(titles, json_string(c->titles[k]));
		o = json_pack("{s:s, s:I, s:s, s:o}", "judgement", c->judgement, "criterion",
		              (json_int_t)c->number, "title", c->title, "titles", titles);
		tally_json(o, &s->crit[i]);
		json_array_append_new(a, o);
	}
	return a;
}

/* The rows by judgement. */
static json_t *
judgements_json(const struct sea *s)
{
	json_t *a = json_array(), *o;
	size_t i, k, covered;

	for (i = 0; i < schedule_njudgements(s->sched); i++) {
		const char *id = schedule_judgement(s->sched, i);

		for (k = 0, covered = 0; k < schedule_count(s->sched); k++)
			covered += strcmp(schedule_get(s->sched, k)->judgement, id) == 0 &&
			           s->crit[k].entries > 0;
		o = json_pack("{s:s, s:s, s:I, s:I}", "judgement", id, "title",
		              schedule_judgement_title(s->sched, i), "criteria",
		              (json_int_t)schedule_judgement_count(s->sched, id),
		              "criteria_covered", (json_int_t)covered);
		tally_json(o, &s->judg[i]);
		json_array_append_new(a, o);
	}
	return a;
}

/* The criteria with no evidence. */
static json_t *
gaps_json(const struct sea *s)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < schedule_count(s->sched); i++) {
		const struct schedule_criterion *c = schedule_get(s->sched, i);

		if (s->crit[i].entries == 0)
			json_array_append_new(
			    a, json_pack("{s:s, s:I, s:s}", "judgement", c->judgement, "criterion",
			                 (json_int_t)c->number, "title", c->title));
	}
	return a;
}

/* The Annex F register. */
static json_t *
concerns_json(const struct sea *s)
{
	json_t *a = json_array(), *o;
	size_t i;

	for (i = 0; i < s->nconc; i++) {
		const struct concern *c = &s->conc[i];
		const struct evidence_record *r = &s->e[c->entry].r;
		const struct evidence_record *ans = c->answer >= 0 ? &s->e[c->answer].r : NULL;

		o = json_object();
		json_object_set_new(o, "case", str_or_null(r->v[EV_CASE_REF]));
		json_object_set_new(o, "inspector", json_string(r->v[EV_INSPECTOR]));
		json_object_set_new(o, "date", json_string(r->v[EV_DATE]));
		json_object_set_new(o, "team",
		                    c->team != NULL ? json_string(c->team) : json_null());
		json_object_set_new(o, "service_area", str_or_null(r->v[EV_SERVICE_AREA]));
		json_object_set_new(o, "judgement", json_string(r->v[EV_JUDGEMENT]));
		json_object_set_new(o, "issue", json_string(r->v[EV_SUMMARY]));
		json_object_set_new(o, "responded", json_boolean(ans != NULL));
		json_object_set_new(o, "response",
		                    ans != NULL ? json_string(ans->v[EV_RESPONSE]) : json_null());
		json_object_set_new(o, "response_date",
		                    ans == NULL ? json_null()
		                    : *ans->v[EV_RESPONSE_DATE] != '\0'
		                        ? json_string(ans->v[EV_RESPONSE_DATE])
		                        : json_string(ans->v[EV_DATE]));
		json_object_set_new(o, "view",
		                    ans != NULL ? str_or_null(ans->v[EV_VIEW]) : json_null());
		json_array_append_new(a, o);
	}
	return a;
}

/* The redaction counts by type and in all. */
static json_t *
redactions_json(const struct sea *s)
{
	json_t *o = json_object();
	int t;

	for (t = 0; t < REDACT_NTYPES; t++)
		json_object_set_new(o, redact_type_key(t), json_integer((json_int_t)s->counts[t]));
	json_object_set_new(o, "total", json_integer((json_int_t)sea_redactions(s)));
	return o;
}

/* The rejected records: file, line, rule and field, never the values. */
static json_t *
rejected_json(const struct sea *s)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < s->nrej; i++)
		json_array_append_new(a, json_pack("{s:s, s:I, s:s, s:s}", "file",
		                                   s->files[s->rej[i].file], "line",
		                                   (json_int_t)s->rej[i].line, "rule",
		                                   s->rej[i].rule, "field", s->rej[i].field));
	return a;
}

/* The summary counts. */
static json_t *
summary_json(const struct sea *s)
{
	size_t ncrit = schedule_count(s->sched);

	return json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "schedule",
	                 schedule_name(s->sched), "files", (json_int_t)s->nfiles, "records_read",
	                 (json_int_t)s->nread, "records_rejected", (json_int_t)s->nrejected,
	                 "duplicates_merged", (json_int_t)s->ndup, "entries", (json_int_t)s->n,
	                 "criteria", (json_int_t)ncrit, "criteria_covered",
	                 (json_int_t)(ncrit - sea_gaps(s)), "gaps", (json_int_t)sea_gaps(s),
	                 "concerns", (json_int_t)s->nconc, "concerns_awaiting_response",
	                 (json_int_t)sea_awaiting(s), "redactions", (json_int_t)sea_redactions(s));
}

/* Write "key": v as a member of the top-level object, v indented to match. */
static int
member_write(FILE *fp, const char *key, json_t *v, int last)
{
	char *text = json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	const char *p;

	json_decref(v);
	if (text == NULL)
		return -1;
	fprintf(fp, "  \"%s\": ", key);
	for (p = text; *p != '\0'; p++) {
		fputc(*p, fp);
		if (*p == '\n')
			fputs("  ", fp);
	}
	fputs(last ? "\n" : ",\n", fp);
	free(text);
	return 0;
}

int
sea_write_json(const struct sea *s, FILE *fp)
{
	size_t i;
	int rc = 0;

	fputs("{\n", fp);
	rc |= member_write(fp, "summary", summary_json(s), 0);
	fputs("  \"entries\": [", fp);
	for (i = 0; i < s->n; i++) {
		fputs(i > 0 ? ",\n" : "\n", fp);
		entry_write(fp, &s->e[i]);
	}
	fputs(s->n > 0 ? "\n  ],\n" : "],\n", fp);
	rc |= member_write(fp, "coverage", coverage_json(s), 0);
	rc |= member_write(fp, "judgements", judgements_json(s), 0);
	rc |= member_write(fp, "gaps", gaps_json(s), 0);
	rc |= member_write(fp, "concerns", concerns_json(s), 0);
	rc |= member_write(fp, "redactions", redactions_json(s), 0);
	rc |= member_write(fp, "rejected", rejected_json(s), 1);
	fputs("}\n", fp);
	return rc != 0 || ferror(fp) ? -1 : 0;
}

int
sea_write_csv(const struct sea *s, FILE *fp)
{
	const char *row[EV_NKEYS];
	size_t i;
	int k;

	for (k = 0; k < EV_NKEYS; k++)
		row[k] = evidence_key_name(k);
	csvio_write_row(fp, row, EV_NKEYS);
	for (i = 0; i < s->n; i++) {
		for (k = 0; k < EV_NKEYS; k++)
			row[k] = s->e[i].r.v[k];
		csvio_write_row(fp, row, EV_NKEYS);
	}
	return ferror(fp) ? -1 : 0;
}

/* Write text for Markdown: one line, special characters escaped. */
static void
md_text(FILE *fp, const char *t)
{
	for (; *t != '\0'; t++) {
		if (*t == '\n' || *t == '\r' || *t == '\t') {
			fputc(' ', fp);
			continue;
		}
		if (strchr("\\`*_<>|#", *t) != NULL ||
		    (*t == ']' && (t[1] == '(' || t[1] == '[' || t[1] == ':')))
			fputc('\\', fp);
		fputc(*t, fp);
	}
}

/* Human name of a judgement id ("Private law"). */
static const char *
judgement_label(const char *id)
{
	if (strcmp(id, "private-law") == 0)
		return "Private law";
	if (strcmp(id, "public-law") == 0)
		return "Public law";
	if (strcmp(id, "leadership") == 0)
		return "Leadership";
	return id;
}

/* The Markdown summary and coverage table. */
static void
md_coverage(const struct sea *s, FILE *fp)
{
	size_t i, ncrit = schedule_count(s->sched);

	fprintf(fp, "# Summary of evidence and analysis\n\n");
	fprintf(fp,
	        "Evaluation schedule %s. %zu entries from %zu files (%zu records read, %zu exact "
	        "duplicates "
	        "merged, %zu rejected). Criteria with evidence: %zu of %zu. Concerns referred to "
	        "Cafcass: %zu "
	        "(%zu awaiting a response). Redactions: %lu.\n\n",
	        schedule_name(s->sched), s->n, s->nfiles, s->nread, s->ndup, s->nrejected,
	        ncrit - sea_gaps(s), ncrit, s->nconc, sea_awaiting(s), sea_redactions(s));
	fprintf(fp, "## Coverage\n\n");
	fprintf(fp, "| Judgement | Criterion | Title | Entries | Strengths | Improvements | "
	            "Concerns | Source types "
	            "| Service areas | Triangulated |\n");
	fprintf(fp, "|---|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
	for (i = 0; i < ncrit; i++) {
		const struct schedule_criterion *c = schedule_get(s->sched, i);
		const struct tally *t = &s->crit[i];

		fprintf(fp, "| %s | %ld | ", judgement_label(c->judgement), c->number);
		md_text(fp, c->title);
		fprintf(fp, " | %zu | %zu | %zu | %zu | %u | %zu | %s |\n", t->entries,
		        t->strengths, t->improvements, t->concerns, popcount(t->sources), t->nareas,
		        t->entries == 0             ? "**gap**"
		        : popcount(t->sources) >= 2 ? "yes"
		                                    : "no");
	}
	fprintf(fp, "\n## Gaps\n\n");
	if (sea_gaps(s) == 0)
		fprintf(fp, "Every criterion has evidence.\n");
	for (i = 0; i < ncrit; i++)
		if (s->crit[i].entries == 0) {
			fprintf(fp,
			        "- %s %ld: ", judgement_label(schedule_get(s->sched, i)->judgement),
			        schedule_get(s->sched, i)->number);
			md_text(fp, schedule_get(s->sched, i)->title);
			fputc('\n', fp);
		}
}

/* The Markdown concerns register (Annex F columns). */
static void
md_concerns(const struct sea *s, FILE *fp)
{
	size_t i;

	fprintf(fp, "\n## Concerns referred back to Cafcass (Annex F)\n\n");
	if (s->nconc == 0) {
		fprintf(fp, "No concerns recorded.\n");
		return;
	}
	fprintf(fp, "| Case no. | HMI referring | Date of referral | Cafcass team | Serious issues "
	            "of concern | "
	            "Cafcass response | Inspectors' view of Cafcass response "
	            "|\n|---|---|---|---|---|---|---|\n");
	for (i = 0; i < s->nconc; i++) {
		const struct concern *c = &s->conc[i];
		const struct evidence_record *r = &s->e[c->entry].r;
		const struct evidence_record *ans = c->answer >= 0 ? &s->e[c->answer].r : NULL;

		fputs("| ", fp);
		md_text(fp, r->v[EV_CASE_REF]);
		fputs(" | ", fp);
		md_text(fp, r->v[EV_INSPECTOR]);
		fprintf(fp, " | %s | ", r->v[EV_DATE]);
		md_text(fp, c->team != NULL ? c->team : "");
		fputs(" | ", fp);
		md_text(fp, r->v[EV_SUMMARY]);
		fputs(" | ", fp);
		if (ans == NULL)
			fputs("**awaiting response**", fp);
		else {
			fprintf(fp, "%s: ",
			        *ans->v[EV_RESPONSE_DATE] != '\0' ? ans->v[EV_RESPONSE_DATE]
			                                          : ans->v[EV_DATE]);
			md_text(fp, ans->v[EV_RESPONSE]);
		}
		fputs(" | ", fp);
		md_text(fp, ans != NULL ? ans->v[EV_VIEW] : "");
		fputs(" |\n", fp);
	}
}

/* One entry as a Markdown list item. */
static void
md_entry(FILE *fp, const struct evidence_record *r)
{
	fprintf(fp, "- %s%s%s, ", r->v[EV_DATE], *r->v[EV_TIME] != '\0' ? " " : "", r->v[EV_TIME]);
	md_text(fp, r->v[EV_INSPECTOR]);
	fprintf(fp, ", %s", r->v[EV_SOURCE]);
	if (*r->v[EV_CASE_REF] != '\0')
		fprintf(fp, ", %s", r->v[EV_CASE_REF]);
	if (*r->v[EV_SERVICE_AREA] != '\0') {
		fputs(", ", fp);
		md_text(fp, r->v[EV_SERVICE_AREA]);
	}
	fprintf(fp, ": **%s**. ", r->v[EV_FINDING]);
	md_text(fp, r->v[EV_SUMMARY]);
	fputc('\n', fp);
}

/* The entries of a judgement without a criterion. */
static void
md_uncoded(const struct sea *s, FILE *fp, const char *judgement)
{
	size_t i;
	int head = 0;

	for (i = 0; i < s->n; i++)
		if (s->e[i].r.ncrit == 0 && strcmp(s->e[i].r.v[EV_JUDGEMENT], judgement) == 0) {
			if (!head++)
				fprintf(fp, "\n### %s: no criterion\n\n",
				        judgement_label(judgement));
			md_entry(fp, &s->e[i].r);
		}
}

/* The entries by judgement and criterion. */
static void
md_entries(const struct sea *s, FILE *fp)
{
	size_t i, j, c, k;

	fprintf(fp, "\n## Entries by judgement and criterion\n");
	for (j = 0; j < schedule_njudgements(s->sched); j++) {
		const char *id = schedule_judgement(s->sched, j);

		fprintf(fp, "\n### %s\n", judgement_label(id));
		for (c = 0; c < schedule_count(s->sched); c++) {
			const struct schedule_criterion *sc = schedule_get(s->sched, c);

			if (strcmp(sc->judgement, id) != 0 || s->crit[c].entries == 0)
				continue;
			fprintf(fp, "\n#### %ld. ", sc->number);
			md_text(fp, sc->title);
			fputs("\n\n", fp);
			for (i = 0; i < s->n; i++)
				for (k = 0; k < s->e[i].r.ncrit; k++)
					if (s->e[i].r.crit[k] == sc->number &&
					    strcmp(s->e[i].r.v[EV_JUDGEMENT], id) == 0)
						md_entry(fp, &s->e[i].r);
		}
		md_uncoded(s, fp, id);
	}
}

/* The redactions and rejected records. */
static void
md_tail(const struct sea *s, FILE *fp)
{
	size_t i;
	int t;

	fprintf(fp, "\n## Redactions\n\n| Type | Count |\n|---|---:|\n");
	for (t = 0; t < REDACT_NTYPES; t++)
		fprintf(fp, "| %s | %lu |\n", redact_type_key(t), s->counts[t]);
	fprintf(fp, "\n## Rejected records\n\n");
	if (s->nrej == 0)
		fprintf(fp, "None.\n");
	for (i = 0; i < s->nrej; i++) {
		fputs("- ", fp);
		md_text(fp, s->files[s->rej[i].file]);
		fprintf(fp, ":%lu: %s%s%s\n", s->rej[i].line, s->rej[i].rule,
		        *s->rej[i].field != '\0' ? " " : "", s->rej[i].field);
	}
}

int
sea_write_md(const struct sea *s, FILE *fp)
{
	md_coverage(s, fp);
	md_concerns(s, fp);
	md_entries(s, fp);
	md_tail(s, fp);
	return ferror(fp) ? -1 : 0;
}
