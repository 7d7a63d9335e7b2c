/*
 * observe.c: exact assignment of practice observations, one area-day at a
 * time (see observe.h for the rules and the objective).
 *
 * An area-day is a set of opportunities (sorted by start) and k inspectors
 * who are interchangeable. Walking the opportunities in order, each is
 * skipped or appended to an inspector whose last engagement ends early
 * enough; the state is the sorted list of the inspectors' last end times
 * (-1 for idle), and the best value of the rest from each state is memoised.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/keyhash.h"
#include "core/xalloc.h"
#include "plan/observe.h"

static const char *const type_names[] = {"court-duty", "office-appointment", "home-visit",
                                         "meeting"};

const char *
observe_type_name(enum observe_type t)
{
	return type_names[t];
}

int
observe_type_parse(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof type_names / sizeof type_names[0]; i++)
		if (strcmp(s, type_names[i]) == 0)
			return (int)i;
	return -1;
}

/* b may follow a for one inspector. */
static int
follows(const struct observe_opp *a, const struct observe_opp *b)
{
	return (long)a->end + OBSERVE_GAP_MINUTES + b->travel <= b->start;
}

int
observe_compatible(const struct observe_opp *a, const struct observe_opp *b)
{
	return follows(a, b) || follows(b, a);
}

/* A value: inspectors observed, then observations; feasible or not. */
struct value {
	int ok;
	long chains, obs;
};

static const struct value infeasible = {0, 0, 0};

static int
value_better(struct value a, struct value b)
{
	if (a.ok != b.ok)
		return a.ok;
	if (a.chains != b.chains)
		return a.chains > b.chains;
	return a.obs > b.obs;
}

static struct value
value_add(struct value v, long chains, long obs)
{
	if (v.ok) {
		v.chains += chains;
		v.obs += obs;
	}
	return v;
}

/* The memo: open addressing over keys of (k + 2) ints. */
struct observe_memo {
	size_t klen, cap, n;
	int *keys;
	struct value *vals;
	unsigned char *used;
};

static void
observe_memo_init(struct observe_memo *m, size_t klen)
{
	m->klen = klen;
	m->cap = 1024;
	m->n = 0;
	m->keys = xcalloc(m->cap * klen, sizeof(int));
	m->vals = xcalloc(m->cap, sizeof(struct value));
	m->used = xcalloc(m->cap, 1);
}

static void
observe_memo_free(struct observe_memo *m)
{
	free(m->keys);
	free(m->vals);
	free(m->used);
}

static size_t
observe_memo_hash(const int *key, size_t klen)
{
	return (size_t)keyhash_fnv1a(KEYHASH_FNV_BASIS, key, klen * sizeof *key);
}

static size_t
observe_memo_slot(const struct observe_memo *m, const int *key)
{
	size_t i = observe_memo_hash(key, m->klen) & (m->cap - 1);

	while (m->used[i] && memcmp(m->keys + i * m->klen, key, m->klen * sizeof(int)) != 0)
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void observe_memo_put(struct observe_memo *, const int *, struct value);

static void
observe_memo_grow(struct observe_memo *m)
{
	struct observe_memo big;
	size_t i;

	big.klen = m->klen;
	big.cap = m->cap * 2;
	big.n = 0;
	big.keys = xcalloc(big.cap * big.klen, sizeof(int));
	big.vals = xcalloc(big.cap, sizeof(struct value));
	big.used = xcalloc(big.cap, 1);
	for (i = 0; i < m->cap; i++)
		if (m->used[i])
			observe_memo_put(&big, m->keys + i * m->klen, m->vals[i]);
	observe_memo_free(m);
	*m = big;
}

static void
observe_memo_put(struct observe_memo *m, const int *key, struct value v)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap)
		observe_memo_grow(m);
	i = observe_memo_slot(m, key);
	if (!m->used[i]) {
		m->used[i] = 1;
		m->n++;
		memcpy(m->keys + i * m->klen, key, m->klen * sizeof(int));
	}
	m->vals[i] = v;
}

static const struct value *
observe_memo_get(const struct observe_memo *m, const int *key)
{
	size_t i = observe_memo_slot(m, key);

	return m->used[i] ? &m->vals[i] : NULL;
}

/* One area-day's search. */
struct day_search {
	const struct observe_opp *const *opp; /* sorted by start */
	size_t m, k;
	struct observe_memo memo;
	int *key; /* scratch: i, need, ends[k] */
};

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static struct value best(struct day_search *, size_t i, int need, const int *ends);

/* ends with inspector j's end set to e, sorted, into out. */
static void
with_end(const struct day_search *s, const int *ends, size_t j, int e, int *out)
{
	memcpy(out, ends, s->k * sizeof(int));
	out[j] = e;
	qsort(out, s->k, sizeof(int), cmp_int);
}

/* The value of taking option j (an index into ends, or k for skip) at i. */
static struct value
option(struct day_search *s, size_t i, int need, const int *ends, size_t j)
{
	const struct observe_opp *o = s->opp[i];
	int *next;
	struct value v;
	int cd;

	if (j == s->k)
		return best(s, i + 1, need, ends);
	if (ends[j] >= 0 && (long)ends[j] + OBSERVE_GAP_MINUTES + o->travel > o->start)
		return infeasible;
	cd = o->type == OBSERVE_COURT_DUTY;
	next = xmalloc(s->k * sizeof(int));
	with_end(s, ends, j, o->end, next);
	v = value_add(best(s, i + 1, need && !cd, next), ends[j] < 0 ? 1 : 0, 1);
	free(next);
	return v;
}

/* Whether option j is worth trying: the first of each distinct end time. */
static int
distinct(const struct day_search *s, const int *ends, size_t j)
{
	return j == s->k || j == 0 || ends[j] != ends[j - 1];
}

/* The best value from opportunity i on, with the inspectors' ends. */
static struct value
best(struct day_search *s, size_t i, int need, const int *ends)
{
	const struct value *hit;
	struct value v = infeasible, w;
	size_t j;

	if (i == s->m) {
		v.ok = !need;
		return v;
	}
	s->key[0] = (int)i;
	s->key[1] = need;
	memcpy(s->key + 2, ends, s->k * sizeof(int));
	if ((hit = observe_memo_get(&s->memo, s->key)) != NULL)
		return *hit;
	for (j = 0; j <= s->k; j++) {
		if (!distinct(s, ends, j))
			continue;
		w = option(s, i, need, ends, j);
		if (value_better(w, v))
			v = w;
	}
	s->key[0] = (int)i;
	s->key[1] = need;
	memcpy(s->key + 2, ends, s->k * sizeof(int));
	observe_memo_put(&s->memo, s->key, v);
	return v;
}

/*
 * Walk the optimal choices again and record them: chosen[i] = the inspector
 * (0..k-1, by name) opportunity i goes to, or -1. Inspectors are tracked by
 * identity alongside the sorted ends: idle ones are taken in name order.
 */
static void
reconstruct(struct day_search *s, int need, long *chosen)
{
	int *ends = xcalloc(s->k, sizeof(int)), *who_end = xcalloc(s->k, sizeof(int));
	int *sorted = xmalloc(s->k * sizeof(int));
	struct value target, w;
	size_t i, j, p;

	for (p = 0; p < s->k; p++)
		ends[p] = who_end[p] = -1;
	target = best(s, 0, need, ends);
	for (i = 0; i < s->m; i++) {
		chosen[i] = -1;
		for (j = 0; j <= s->k; j++) {
			if (!distinct(s, ends, j))
				continue;
			w = option(s, i, need, ends, j);
			if (w.ok && w.chains == target.chains && w.obs == target.obs)
				break;
		}
		if (j < s->k) {
			/* The first inspector (by name) whose end is ends[j]. */
			for (p = 0; p < s->k && who_end[p] != ends[j]; p++)
				;
			chosen[i] = (long)p;
			who_end[p] = s->opp[i]->end;
			if (ends[j] < 0)
				target.chains--;
			target.obs--;
			if (s->opp[i]->type == OBSERVE_COURT_DUTY)
				need = 0;
			with_end(s, ends, j, s->opp[i]->end, sorted);
			memcpy(ends, sorted, s->k * sizeof(int));
		}
	}
	free(ends);
	free(who_end);
	free(sorted);
}

/* Solve one area-day: value and choices for need = 0 and need = 1. */
struct day_plan {
	const char *area;
	date_t date;
	size_t *slots; /* k slot indexes, by name */
	size_t k;
	const struct observe_opp **opp;
	size_t *opp_index;
	size_t m;
	struct value free_v, cd_v;
	int use_cd;
};

static void
day_solve(struct day_plan *d, long *chosen)
{
	struct day_search s;
	int *ends = xmalloc((d->k ? d->k : 1) * sizeof(int));
	size_t p;

	s.opp = d->opp;
	s.m = d->m;
	s.k = d->k;
	s.key = xmalloc((d->k + 2) * sizeof(int));
	observe_memo_init(&s.memo, d->k + 2);
	for (p = 0; p < d->k; p++)
		ends[p] = -1;
	if (chosen == NULL) {
		d->free_v = best(&s, 0, 0, ends);
		d->cd_v = best(&s, 0, 1, ends);
	} else
		reconstruct(&s, d->use_cd, chosen);
	observe_memo_free(&s.memo);
	free(s.key);
	free(ends);
}

static int
cmp_opp_ptr(const void *a, const void *b)
{
	const struct observe_opp *x = *(const struct observe_opp *const *)a;
	const struct observe_opp *y = *(const struct observe_opp *const *)b;

	if (x->start != y->start)
		return (x->start > y->start) - (x->start < y->start);
	if (x->end != y->end)
		return (x->end > y->end) - (x->end < y->end);
	return strcmp(x->id, y->id);
}

/* Context for sorting slot indexes. */
static const struct observe_slot *sort_slots;

static int
cmp_slot_idx(const void *a, const void *b)
{
	const struct observe_slot *x = &sort_slots[*(const size_t *)a];
	const struct observe_slot *y = &sort_slots[*(const size_t *)b];
	int c = strcmp(x->area, y->area);

	if (c != 0)
		return c;
	if (x->date != y->date)
		return (x->date > y->date) - (x->date < y->date);
	return strcmp(x->name, y->name);
}

/* Group the slots into area-days (sorted by area, date, name). */
static struct day_plan *
group_days(const struct observe_slot *slots, size_t nslots, size_t *ndays)
{
	size_t *idx = xmalloc((nslots ? nslots : 1) * sizeof(size_t)), i, n = 0;
	struct day_plan *days = xcalloc(nslots ? nslots : 1, sizeof(*days));

	for (i = 0; i < nslots; i++)
		idx[i] = i;
	sort_slots = slots;
	qsort(idx, nslots, sizeof(size_t), cmp_slot_idx);
	for (i = 0; i < nslots; i++) {
		const struct observe_slot *sl = &slots[idx[i]];

		if (n == 0 || strcmp(days[n - 1].area, sl->area) != 0 ||
		    days[n - 1].date != sl->date) {
			days[n].area = sl->area;
			days[n].date = sl->date;
			days[n].slots = xmalloc(nslots * sizeof(size_t));
			n++;
		}
		days[n - 1].slots[days[n - 1].k++] = idx[i];
	}
	free(idx);
	*ndays = n;
	return days;
}

static struct day_plan *
find_day(struct day_plan *days, size_t ndays, const char *area, date_t date)
{
	size_t i;

	for (i = 0; i < ndays; i++)
		if (days[i].date == date && strcmp(days[i].area, area) == 0)
			return &days[i];
	return NULL;
}

/* Attach each eligible opportunity to its area-day; count the rest. */
static void
attach(struct day_plan *days, size_t ndays, const struct observe_opp *opps, size_t nopps,
       int max_travel, struct observe_result *out)
{
	struct day_plan *d;
	size_t i;

	for (i = 0; i < ndays; i++) {
		days[i].opp = xmalloc((nopps ? nopps : 1) * sizeof(*days[i].opp));
		days[i].opp_index = xmalloc((nopps ? nopps : 1) * sizeof(size_t));
	}
	for (i = 0; i < nopps; i++) {
		if (!opps[i].consent) {
			out->ineligible_consent++;
			continue;
		}
		if (opps[i].type == OBSERVE_HOME_VISIT && opps[i].travel > max_travel) {
			out->ineligible_travel++;
			continue;
		}
		if ((d = find_day(days, ndays, opps[i].area, opps[i].date)) == NULL) {
			out->outside_plan++;
			continue;
		}
		d->opp[d->m++] = &opps[i];
	}
	for (i = 0; i < ndays; i++) {
		size_t j;

		qsort(days[i].opp, days[i].m, sizeof(*days[i].opp), cmp_opp_ptr);
		for (j = 0; j < days[i].m; j++)
			days[i].opp_index[j] = (size_t)(days[i].opp[j] - opps);
	}
}

/* For each area, use the court-duty solution on the day where it costs least. */
static void
choose_court_days(struct day_plan *days, size_t ndays)
{
	size_t a = 0, b, i, pick;
	struct value total, cand, bestv;

	while (a < ndays) {
		for (b = a; b < ndays && strcmp(days[b].area, days[a].area) == 0; b++)
			;
		pick = b;
		bestv = infeasible;
		for (i = a; i < b; i++) {
			size_t j;

			if (!days[i].cd_v.ok)
				continue;
			total = days[i].cd_v;
			for (j = a; j < b; j++)
				if (j != i)
					total = value_add(total, days[j].free_v.chains,
					                  days[j].free_v.obs);
			cand = total;
			if (value_better(cand, bestv)) {
				bestv = cand;
				pick = i;
			}
		}
		if (pick < b)
			days[pick].use_cd = 1;
		a = b;
	}
}

static int
cmp_assign(const void *a, const void *b, void *ctx)
{
	const struct observe_assignment *x = a, *y = b;
	const struct observe_opp *opps = ((const void **)ctx)[0];
	const struct observe_slot *slots = ((const void **)ctx)[1];
	const struct observe_opp *p = &opps[x->opp], *q = &opps[y->opp];
	int c;

	if (p->date != q->date)
		return (p->date > q->date) - (p->date < q->date);
	if (p->start != q->start)
		return (p->start > q->start) - (p->start < q->start);
	if ((c = strcmp(slots[x->slot].name, slots[y->slot].name)) != 0)
		return c;
	return strcmp(p->id, q->id);
}

/* Record one area-day's choices in the result. */
static void
record_day(struct day_plan *d, const struct observe_opp *opps, struct observe_result *out)
{
	long *chosen = xmalloc((d->m ? d->m : 1) * sizeof(long));
	unsigned char *busy = xcalloc(d->k ? d->k : 1, 1);
	struct observe_day *od = &out->days[out->ndays++];
	size_t i;

	day_solve(d, chosen);
	od->area = d->area;
	od->date = d->date;
	od->inspectors = d->k;
	for (i = 0; i < d->m; i++) {
		if (chosen[i] < 0)
			continue;
		out->assign[out->nassign].opp = d->opp_index[i];
		out->assign[out->nassign].slot = d->slots[chosen[i]];
		out->nassign++;
		od->observations++;
		if (!busy[chosen[i]]) {
			busy[chosen[i]] = 1;
			od->observed++;
		}
		if (opps[d->opp_index[i]].type == OBSERVE_COURT_DUTY)
			od->court_duty = 1;
	}
	free(busy);
	free(chosen);
}

/* Count the visited areas with a court duty observed. */
static void
count_areas(struct observe_result *out, const char *const *areas, size_t nareas)
{
	size_t i, j;

	out->nareas_visited = nareas;
	for (i = 0; i < nareas; i++)
		for (j = 0; j < out->ndays; j++)
			if (out->days[j].court_duty && strcmp(out->days[j].area, areas[i]) == 0) {
				out->nareas_court++;
				break;
			}
}

int
observe_solve(const struct observe_opp *opps, size_t nopps, const struct observe_slot *slots,
              size_t nslots, const char *const *areas, size_t nareas, int max_travel,
              struct observe_result *out)
{
	struct day_plan *days;
	size_t ndays, i;
	const void *ctx[2];

	memset(out, 0, sizeof *out);
	days = group_days(slots, nslots, &ndays);
	attach(days, ndays, opps, nopps, max_travel, out);
	for (i = 0; i < ndays; i++)
		day_solve(&days[i], NULL);
	choose_court_days(days, ndays);
	out->assign = xcalloc(nopps ? nopps : 1, sizeof(*out->assign));
	out->days = xcalloc(ndays ? ndays : 1, sizeof(*out->days));
	for (i = 0; i < ndays; i++)
		record_day(&days[i], opps, out);
	ctx[0] = opps;
	ctx[1] = slots;
	qsort_r(out->assign, out->nassign, sizeof(*out->assign), cmp_assign, ctx);
	count_areas(out, areas, nareas);
	for (i = 0; i < ndays; i++) {
		free(days[i].slots);
		free(days[i].opp);
		free(days[i].opp_index);
	}
	free(days);
	return 0;
}

void
observe_result_free(struct observe_result *r)
{
	free(r->assign);
	free(r->days);
	memset(r, 0, sizeof *r);
}
