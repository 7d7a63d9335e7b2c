/*
 * sampledraw.c: the draw of each stratum (see sample.h for the method):
 * quotas, the rest and the flags apportioned over the service areas, and the
 * lowest-ranked cases of each area taken.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/apportion.h"
#include "core/xalloc.h"
#include "sample/sample-impl.h"

/* An area index with its key, for sorting areas independently of input order. */
struct keyed {
	const char *key;
	size_t idx;
};

/* qsort comparator over keyed areas. */
static int
keyed_cmp(const void *pa, const void *pb)
{
	return strcmp(((const struct keyed *)pa)->key, ((const struct keyed *)pb)->key);
}

/* qsort comparator over picks: stratum id, then Case ID. */
static int
pick_cmp(const void *pa, const void *pb)
{
	const struct sample_pick *a = pa, *b = pb;
	int c = strcmp(a->stratum_id, b->stratum_id);

	return c != 0 ? c : strcmp(a->case_id, b->case_id);
}

/* The growing list of picks. */
struct picks {
	struct sample_pick *v;
	size_t n, cap;
};

/* Spread each quota over the areas in proportion to their quota cases. */
static void
draw_quotas(const struct strata_stratum *d, struct sample_stratum_result *r,
            struct apportion_item *items)
{
	unsigned long want;
	size_t j, a;

	for (j = 0; j < d->nquotas; j++) {
		for (a = 0; a < r->nareas; a++) {
			items[a].weight = items[a].cap = r->areas[a].q_eligible[j];
			items[a].count = 0;
			items[a].tie = r->areas[a].tie;
		}
		want = d->quotas[j].size < r->q_eligible[j] ? d->quotas[j].size : r->q_eligible[j];
		apportion_add(items, r->nareas, want, want);
		for (a = 0; a < r->nareas; a++) {
			r->areas[a].q_drawn[j] = items[a].count;
			r->areas[a].drawn += items[a].count;
			r->q_drawn[j] += items[a].count;
			r->drawn += items[a].count;
		}
	}
}

/* Give the rest of the stratum to the areas furthest below their share. */
static void
draw_rest(const struct strata_stratum *d, struct sample_stratum_result *r,
          struct apportion_item *items)
{
	size_t a, nq = d->nquotas;
	unsigned long need, rest, total;

	need = d->size > r->drawn ? d->size - r->drawn : 0;
	rest = need < r->q_eligible[nq] ? need : r->q_eligible[nq];
	total = r->drawn + rest;
	for (a = 0; a < r->nareas; a++) {
		items[a].weight = r->areas[a].eligible;
		items[a].count = r->areas[a].drawn;
		items[a].cap = r->areas[a].drawn + r->areas[a].q_eligible[nq];
		items[a].tie = r->areas[a].tie;
	}
	apportion_add(items, r->nareas, total, rest);
	for (a = 0; a < r->nareas; a++) {
		r->areas[a].q_drawn[nq] = items[a].count - r->areas[a].drawn;
		r->areas[a].drawn = items[a].count;
		r->q_drawn[nq] += r->areas[a].q_drawn[nq];
	}
	r->drawn = total;
}

/*
 * Spread the flags over the quotas and the rest in proportion to the cases
 * drawn in each, then each one's over the areas in proportion to its cases
 * drawn there: a stratified draw, so that every quota has its share.
 */
static void
draw_flags(const struct strata_stratum *d, struct sample_stratum_result *r,
           struct apportion_item *items)
{
	unsigned long want = d->audit < r->drawn ? d->audit : r->drawn;
	size_t a, k, nslots = d->nquotas + 1;
	struct apportion_item *slots = xcalloc(nslots, sizeof *slots);

	for (k = 0; k < nslots; k++) {
		slots[k].weight = slots[k].cap = r->q_drawn[k];
		slots[k].tie = k;
	}
	apportion_add(slots, nslots, want, want);
	for (k = 0; k < nslots; k++) {
		r->q_flagged[k] = slots[k].count;
		for (a = 0; a < r->nareas; a++) {
			items[a].weight = items[a].cap = r->areas[a].q_drawn[k];
			items[a].count = 0;
			items[a].tie = r->areas[a].tie;
		}
		apportion_add(items, r->nareas, slots[k].count, slots[k].count);
		for (a = 0; a < r->nareas; a++) {
			r->areas[a].q_flagged[k] = items[a].count;
			r->areas[a].flagged += items[a].count;
		}
	}
	r->flagged = want;
	free(slots);
}

/* Append a pick. */
static struct sample_pick *
picks_add(struct picks *p)
{
	if (p->n == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 64;
		p->v = xreallocarray(p->v, p->cap, sizeof *p->v);
	}
	memset(&p->v[p->n], 0, sizeof p->v[p->n]);
	return &p->v[p->n++];
}

/* A drawn candidate, the quota it came from and whether it is flagged. */
struct taken {
	struct topk_cand *c;
	long quota;
	int flagged;
};

/* qsort comparator over taken candidates, by (rank, Case ID). */
static int
taken_cmp(const void *pa, const void *pb)
{
	const struct taken *a = pa, *b = pb;

	return topk_cand_cmp(&a->c, &b->c);
}

/* Take one area's drawn cases from its cells and flag the lowest ranks. */
static int
take_area(struct sample *s, size_t st, size_t ai, const struct sample_area *ar, struct picks *p,
          char *err, size_t errsz)
{
	const struct strata_stratum *d = &s->defs[st];
	struct area *area = &s->areas[ai];
	struct topk_cand **sorted;
	struct taken *mine;
	size_t k, i, n = 0;

	mine = xcalloc(ar->drawn + 1, sizeof *mine);
	for (k = 0; k <= d->nquotas; k++) {
		struct cell *c = &area->cells[s->slot0[st] + k];

		if (ar->q_drawn[k] > c->top.n) {
			snprintf(err, errsz,
			         "stratum %s: too many conflicting duplicate Case IDs in one "
			         "service area to draw exactly",
			         d->id);
			free(mine);
			return -1;
		}
		sorted = topk_sorted(&c->top);
		for (i = 0; i < ar->q_drawn[k]; i++) {
			mine[n].c = sorted[i];
			mine[n].flagged = i < ar->q_flagged[k];
			mine[n++].quota = k < d->nquotas ? (long)k : -1;
		}
		free(sorted);
	}
	qsort(mine, n, sizeof *mine, taken_cmp);
	for (i = 0; i < n; i++) {
		struct sample_pick *pk = picks_add(p);

		pk->case_id = mine[i].c->id;
		pk->fields = (const char *const *)mine[i].c->fields;
		pk->nfields = mine[i].c->nfields;
		pk->rows = mine[i].c;
		pk->line = mine[i].c->line;
		pk->rank = mine[i].c->rank;
		pk->stratum = st;
		pk->stratum_id = d->id;
		pk->quota = mine[i].quota;
		pk->quota_id = mine[i].quota >= 0 ? d->quotas[mine[i].quota].id : NULL;
		pk->flagged = mine[i].flagged;
		pk->area = area->name;
	}
	free(mine);
	return 0;
}

/* Count a stratum's cases per area and quota (areas in key order). */
static void
count_stratum(struct sample *s, size_t st, struct sample_stratum_result *r)
{
	size_t slots = s->defs[st].nquotas + 1, a, k, n = 0;
	struct keyed *idx = xcalloc(s->nareas + 1, sizeof *idx);

	r->def = &s->defs[st];
	r->q_eligible = xcalloc(slots, sizeof *r->q_eligible);
	r->q_drawn = xcalloc(slots, sizeof *r->q_drawn);
	r->q_flagged = xcalloc(slots, sizeof *r->q_flagged);
	for (a = 0; a < s->nareas; a++)
		for (k = 0; k < slots; k++)
			if (s->areas[a].cells[s->slot0[st] + k].count > 0) {
				idx[n].key = s->areas[a].key;
				idx[n++].idx = a;
				break;
			}
	qsort(idx, n, sizeof *idx, keyed_cmp);
	r->nareas = n;
	r->areas = xcalloc(n + 1, sizeof *r->areas);
	for (a = 0; a < n; a++) {
		struct sample_area *ar = &r->areas[a];

		ar->name = s->areas[idx[a].idx].name;
		ar->tie = s->areas[idx[a].idx].tie;
		ar->q_eligible = xcalloc(slots, sizeof *ar->q_eligible);
		ar->q_drawn = xcalloc(slots, sizeof *ar->q_drawn);
		ar->q_flagged = xcalloc(slots, sizeof *ar->q_flagged);
		for (k = 0; k < slots; k++) {
			ar->q_eligible[k] = s->areas[idx[a].idx].cells[s->slot0[st] + k].count;
			ar->eligible += ar->q_eligible[k];
			r->q_eligible[k] += ar->q_eligible[k];
		}
		r->eligible += ar->eligible;
	}
	free(idx);
}

/* Draw one stratum into r and append its picks. */
static int
draw_stratum(struct sample *s, size_t st, struct sample_stratum_result *r, struct picks *p,
             char *err, size_t errsz)
{
	struct apportion_item *items;
	size_t a, k;
	int rc = 0;

	count_stratum(s, st, r);
	items = xcalloc(r->nareas + 1, sizeof *items);
	draw_quotas(r->def, r, items);
	draw_rest(r->def, r, items);
	draw_flags(r->def, r, items);
	free(items);
	for (a = 0; a < r->nareas && rc == 0; a++) {
		for (k = 0; k < s->nareas; k++)
			if (s->areas[k].name == r->areas[a].name)
				break;
		rc = take_area(s, st, k, &r->areas[a], p, err, errsz);
	}
	return rc;
}

struct sample_result *
sample_draw(struct sample *s, char *err, size_t errsz)
{
	struct sample_result *res = xcalloc(1, sizeof *res);
	struct picks p = {NULL, 0, 0};
	size_t st;

	if (!s->finished)
		sample_finish(s);
	res->nstrata = s->ndefs;
	res->strata = xcalloc(s->ndefs + 1, sizeof *res->strata);
	for (st = 0; st < s->ndefs; st++)
		if (draw_stratum(s, st, &res->strata[st], &p, err, errsz) < 0) {
			res->picks = p.v;
			sample_result_free(res);
			return NULL;
		}
	if (p.n > 1)
		qsort(p.v, p.n, sizeof *p.v, pick_cmp);
	res->picks = p.v;
	res->npicks = p.n;
	return res;
}

void
sample_result_free(struct sample_result *r)
{
	size_t i, a;

	if (r == NULL)
		return;
	for (i = 0; i < r->nstrata; i++) {
		for (a = 0; a < r->strata[i].nareas; a++) {
			free(r->strata[i].areas[a].q_eligible);
			free(r->strata[i].areas[a].q_drawn);
			free(r->strata[i].areas[a].q_flagged);
		}
		free(r->strata[i].areas);
		free(r->strata[i].q_eligible);
		free(r->strata[i].q_drawn);
		free(r->strata[i].q_flagged);
	}
	free(r->strata);
	free(r->picks);
	free(r);
}
