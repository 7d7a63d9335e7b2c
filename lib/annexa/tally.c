/*
 * tally.c: counts for check-annexA's summary and the national sample's
 * feasibility.
 */
#include <stdlib.h>
#include <string.h>

#include "annexa/tally.h"
#include "core/memo.h"
#include "core/xalloc.h"

#define AREAS_MAX 1000 /* distinct service areas counted by name */

struct tally {
	const struct vocab *law;
	const struct strata *strata;
	unsigned long *law_n; /* law type entries, then unknown, blank */
	unsigned long *case_n; /* case type entries, then unknown, blank */
	struct memo *areas; /* name -> index */
	char **area_names;
	unsigned long *area_n;
	size_t nareas;
	unsigned long area_other;
	unsigned long *stratum_n;
	unsigned long **quota_n;
	struct annexa_count *law_types, *case_types, *service_areas;
	size_t nlaw, ncase, narea;
	struct annexa_feasibility *feasible;
	size_t nfeasible;
};

struct tally *
tally_new(const struct vocab *lawtypes, const struct strata *st)
{
	struct tally *t = xcalloc(1, sizeof *t);
	size_t i, ns = strata_count(st);

	t->law = lawtypes;
	t->strata = st;
	t->law_n = xcalloc(vocab_count(lawtypes) + 2, sizeof *t->law_n);
	t->case_n = xcalloc(vocab_count(strata_casetypes(st)) + 2, sizeof *t->case_n);
	t->areas = memo_new(AREAS_MAX);
	t->stratum_n = xcalloc(ns + 1, sizeof *t->stratum_n);
	t->quota_n = xcalloc(ns + 1, sizeof *t->quota_n);
	for (i = 0; i < ns; i++)
		t->quota_n[i] = xcalloc(strata_get(st, i)->nquotas + 1, sizeof **t->quota_n);
	return t;
}

/* Free an array of named counts. */
static void
free_counts(struct annexa_count *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(c[i].name);
	free(c);
}

void
tally_free(struct tally *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < strata_count(t->strata); i++)
		free(t->quota_n[i]);
	free(t->quota_n);
	free(t->stratum_n);
	for (i = 0; i < t->nareas; i++)
		free(t->area_names[i]);
	free(t->area_names);
	free(t->area_n);
	memo_free(t->areas);
	free(t->law_n);
	free(t->case_n);
	free_counts(t->law_types, t->nlaw);
	free_counts(t->case_types, t->ncase);
	free_counts(t->service_areas, t->narea);
	free(t->feasible);
	free(t);
}

void
tally_law(struct tally *t, long entry)
{
	long n = (long)vocab_count(t->law);

	t->law_n[entry >= 0 ? entry : entry == -1 ? n : n + 1]++;
}

void
tally_case(struct tally *t, const struct strata_class *c)
{
	long n = (long)vocab_count(strata_casetypes(t->strata));

	if (c == NULL) {
		t->case_n[n + 1]++;
		return;
	}
	t->case_n[c->casetype >= 0 ? c->casetype : n]++;
}

void
tally_frame(struct tally *t, long slot, int delta)
{
	long st, q;

	strata_unslot(slot, &st, &q);
	if (st < 0 || (size_t)st >= strata_count(t->strata))
		return;
	t->stratum_n[st] += (unsigned long)(long)delta;
	if (q >= 0)
		t->quota_n[st][q] += (unsigned long)(long)delta;
}

void
tally_area(struct tally *t, const char *s, size_t len)
{
	long i;

	if (memo_get(t->areas, s, len, &i)) {
		t->area_n[i]++;
		return;
	}
	if (memo_put(t->areas, s, len, (long)t->nareas) == -1) {
		t->area_other++;
		return;
	}
	t->area_names = xreallocarray(t->area_names, t->nareas + 1, sizeof *t->area_names);
	t->area_n = xreallocarray(t->area_n, t->nareas + 1, sizeof *t->area_n);
	t->area_names[t->nareas] = xstrndup(s, len);
	t->area_n[t->nareas++] = 1;
}

/* Compare counts by name (qsort). */
static int
cmp_count(const void *x, const void *y)
{
	return strcmp(((const struct annexa_count *)x)->name,
	              ((const struct annexa_count *)y)->name);
}

/* Append a named count to the array. */
static void
add_count(struct annexa_count **arr, size_t *n, const char *name, unsigned long v)
{
	*arr = xreallocarray(*arr, *n + 1, sizeof **arr);
	(*arr)[*n].name = xstrdup(name);
	(*arr)[*n].n = v;
	(*n)++;
}

/* Counts of the entries of v, then unknown and blank when non-zero. */
static void
vocab_counts(const struct vocab *v, const unsigned long *counts, struct annexa_count **arr,
             size_t *n)
{
	size_t i, nv = vocab_count(v);

	for (i = 0; i < nv; i++)
		add_count(arr, n, vocab_value(v, i), counts[i]);
	if (counts[nv] > 0)
		add_count(arr, n, "unknown", counts[nv]);
	if (counts[nv + 1] > 0)
		add_count(arr, n, "blank", counts[nv + 1]);
}

/* Add a feasibility line. */
static void
add_feasible(struct tally *t, const char *stratum, const char *quota, unsigned long avail,
             unsigned long req, unsigned long audit)
{
	struct annexa_feasibility *f;

	t->feasible = xreallocarray(t->feasible, t->nfeasible + 1, sizeof *t->feasible);
	f = &t->feasible[t->nfeasible++];
	f->stratum = stratum;
	f->quota = quota;
	f->available = avail;
	f->required = req;
	f->audit = audit;
}

/* Each stratum, its quotas and the rest outside its quotas. */
static void
feasibility(struct tally *t)
{
	const struct strata_stratum *st;
	unsigned long qavail, qreq;
	size_t i, q;

	for (i = 0; i < strata_count(t->strata); i++) {
		st = strata_get(t->strata, i);
		add_feasible(t, st->id, NULL, t->stratum_n[i], st->size, st->audit);
		qavail = qreq = 0;
		for (q = 0; q < st->nquotas; q++) {
			add_feasible(t, st->id, st->quotas[q].id, t->quota_n[i][q],
			             st->quotas[q].size, 0);
			qavail += t->quota_n[i][q];
			qreq += st->quotas[q].size;
		}
		if (st->nquotas > 0 && qreq < st->size)
			add_feasible(t, st->id, "other", t->stratum_n[i] - qavail, st->size - qreq,
			             0);
	}
}

void
tally_summarise(struct tally *t, struct annexa_summary *s)
{
	size_t i;

	if (t->feasible == NULL) {
		vocab_counts(t->law, t->law_n, &t->law_types, &t->nlaw);
		vocab_counts(strata_casetypes(t->strata), t->case_n, &t->case_types, &t->ncase);
		for (i = 0; i < t->nareas; i++)
			add_count(&t->service_areas, &t->narea, t->area_names[i], t->area_n[i]);
		if (t->narea > 1)
			qsort(t->service_areas, t->narea, sizeof *t->service_areas, cmp_count);
		if (t->area_other > 0)
			add_count(&t->service_areas, &t->narea, "(other)", t->area_other);
		feasibility(t);
	}
	s->law_types = t->law_types;
	s->nlaw = t->nlaw;
	s->case_types = t->case_types;
	s->ncase = t->ncase;
	s->service_areas = t->service_areas;
	s->narea = t->narea;
	s->feasible = t->feasible;
	s->nfeasible = t->nfeasible;
}
