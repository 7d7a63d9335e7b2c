/*
 * observe.c: assignment of practice observations, one area-day at a time,
 * in polynomial time and bounded memory (see observe.h for the rules, the
 * objective and the method).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "plan/observe.h"

static const char *const type_names[OBSERVE_NTYPES] = {"court-duty", "office-appointment",
                                                       "home-visit", "meeting", "interview"};

static const char *const reason_names[OBSERVE_NREASONS][2] = {
    {"used", "used"},
    {"no_consent", "without consent"},
    {"travel", "over the travel limit"},
    {"area_not_visited", "in an area the plan does not visit"},
    {"not_on_site", "on a day nobody is on site in the area"},
    {"not_needed", "not needed (each inspector there had enough, or it clashed)"},
};

const char *
observe_type_name(enum observe_type t)
{
	return type_names[t];
}

int
observe_type_parse(const char *s)
{
	for (size_t i = 0; i < OBSERVE_NTYPES; i++)
		if (strcmp(s, type_names[i]) == 0)
			return (int)i;
	return -1;
}

const char *
observe_reason_name(enum observe_reason r)
{
	return reason_names[r][0];
}

const char *
observe_reason_text(enum observe_reason r)
{
	return reason_names[r][1];
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

static int
value_better(struct value a, struct value b)
{
	if (a.ok != b.ok)
		return a.ok;
	if (a.chains != b.chains)
		return a.chains > b.chains;
	return a.obs > b.obs;
}

/* One area-day: its inspectors (slot indexes, by name) and opportunities. */
struct day_plan {
	const char *area;
	char *key; /* text_labelkey of area */
	date_t date;
	size_t *slots;
	size_t k;
	const struct observe_opp **opp; /* by end, start, id */
	size_t *opp_index;
	size_t m;
	struct value free_v, cd_v;
	int use_cd;
};

/* An inspector's engagements so far in one area-day. */
struct day_load {
	size_t n;
	const struct observe_opp **taken; /* per_day slots */
};

static int
fits(const struct day_load *l, const struct observe_opp *o)
{
	for (size_t i = 0; i < l->n; i++)
		if (!observe_compatible(l->taken[i], o))
			return 0;
	return 1;
}

/*
 * The greedy of observe.h on one area-day; chosen[i] (when not NULL) gets the
 * inspector (0..k-1) opportunity i goes to, or -1. With force_cd the day must
 * hold a court duty: the earliest-ending one goes first.
 */
static struct value
day_greedy(const struct day_plan *d, int force_cd, int per_day, long *chosen)
{
	struct day_load *load = xcalloc(d->k ? d->k : 1, sizeof *load);
	const struct observe_opp **buf = xcalloc(d->k * (size_t)per_day + 1, sizeof *buf);
	unsigned char *used = xcalloc(d->m + 1, 1);
	struct value v = {1, 0, 0};
	size_t i, p, idle = 0;

	for (p = 0; p < d->k; p++)
		load[p].taken = buf + p * (size_t)per_day;
	if (force_cd) {
		for (i = 0; i < d->m && d->opp[i]->type != OBSERVE_COURT_DUTY; i++)
			;
		if (i == d->m || d->k == 0)
			v.ok = 0;
		else {
			used[i] = 1;
			load[idle++].taken[load[0].n++] = d->opp[i];
			if (chosen != NULL)
				chosen[i] = 0;
		}
	}
	/* One each, earliest end first. */
	for (i = 0; v.ok && i < d->m && idle < d->k; i++)
		if (!used[i]) {
			used[i] = 1;
			load[idle].taken[load[idle].n++] = d->opp[i];
			if (chosen != NULL)
				chosen[i] = (long)idle;
			idle++;
		}
	/* More, to the least-loaded inspector it fits. */
	for (i = 0; v.ok && per_day > 1 && i < d->m; i++) {
		size_t pick = d->k;

		if (used[i])
			continue;
		for (p = 0; p < d->k; p++)
			if (load[p].n < (size_t)per_day && fits(&load[p], d->opp[i]) &&
			    (pick == d->k || load[p].n < load[pick].n))
				pick = p;
		if (pick < d->k) {
			used[i] = 1;
			load[pick].taken[load[pick].n++] = d->opp[i];
			if (chosen != NULL)
				chosen[i] = (long)pick;
		}
	}
	for (p = 0; v.ok && p < d->k; p++) {
		v.chains += load[p].n > 0;
		v.obs += (long)load[p].n;
	}
	if (chosen != NULL)
		for (i = 0; i < d->m; i++)
			if (!used[i])
				chosen[i] = -1;
	free(used);
	free(buf);
	free(load);
	return v;
}

static int
cmp_opp_ptr(const void *a, const void *b)
{
	const struct observe_opp *x = *(const struct observe_opp *const *)a;
	const struct observe_opp *y = *(const struct observe_opp *const *)b;

	if (x->end != y->end)
		return (x->end > y->end) - (x->end < y->end);
	if (x->start != y->start)
		return (x->start > y->start) - (x->start < y->start);
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

static char *
labelkey_dup(const char *s, struct strbuf *sb)
{
	text_labelkey(s, sb);
	return xstrdup(sb->buf);
}

/* Group the slots into area-days (sorted by area, date, name). */
static struct day_plan *
group_days(const struct observe_slot *slots, size_t nslots, size_t *ndays, struct strbuf *sb)
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
			days[n].key = labelkey_dup(sl->area, sb);
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

/* The area-day of key on date; *area_seen set when the area has any day. */
static struct day_plan *
find_day(struct day_plan *days, size_t ndays, const char *key, date_t date, int *area_seen)
{
	for (size_t i = 0; i < ndays; i++)
		if (strcmp(days[i].key, key) == 0) {
			*area_seen = 1;
			if (days[i].date == date)
				return &days[i];
		}
	return NULL;
}

/* 1 when key is one of the visited areas' keys. */
static int
visited(char *const *keys, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(keys[i], key) == 0)
			return 1;
	return 0;
}

/* Attach each eligible opportunity to its area-day; give the rest their reason. */
static void
attach(struct day_plan *days, size_t ndays, const struct observe_opp *opps, size_t nopps,
       char *const *area_keys, size_t nareas, int max_travel, struct observe_result *out,
       struct strbuf *sb)
{
	struct day_plan *d;
	size_t i, j;

	for (i = 0; i < ndays; i++) {
		days[i].opp = xmalloc((nopps ? nopps : 1) * sizeof(*days[i].opp));
		days[i].opp_index = xmalloc((nopps ? nopps : 1) * sizeof(size_t));
	}
	for (i = 0; i < nopps; i++) {
		int seen = 0;

		text_labelkey(opps[i].area, sb);
		out->reason[i] = OBSERVE_NOT_NEEDED;
		if (!opps[i].consent)
			out->reason[i] = OBSERVE_NO_CONSENT;
		else if (opps[i].travel > max_travel)
			out->reason[i] = OBSERVE_TOO_FAR;
		else if ((d = find_day(days, ndays, sb->buf, opps[i].date, &seen)) == NULL)
			out->reason[i] = seen || visited(area_keys, nareas, sb->buf)
			                     ? OBSERVE_NOT_ON_SITE
			                     : OBSERVE_AREA_NOT_VISITED;
		else
			d->opp[d->m++] = &opps[i];
	}
	for (i = 0; i < ndays; i++) {
		qsort(days[i].opp, days[i].m, sizeof(*days[i].opp), cmp_opp_ptr);
		for (j = 0; j < days[i].m; j++)
			days[i].opp_index[j] = (size_t)(days[i].opp[j] - opps);
	}
}

/* For each area, force a court duty on the day where that costs least. */
static void
choose_court_days(struct day_plan *days, size_t ndays)
{
	size_t a = 0, b, i, pick;
	struct value bestv = {0, 0, 0}, cand;

	while (a < ndays) {
		for (b = a; b < ndays && strcmp(days[b].key, days[a].key) == 0; b++)
			;
		pick = b;
		for (i = a; i < b; i++) {
			if (!days[i].cd_v.ok)
				continue;
			/* The day's loss against its free value: smaller is better. */
			cand.ok = 1;
			cand.chains = days[i].cd_v.chains - days[i].free_v.chains;
			cand.obs = days[i].cd_v.obs - days[i].free_v.obs;
			if (pick == b || value_better(cand, bestv)) {
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
record_day(struct day_plan *d, int per_day, const struct observe_opp *opps,
           struct observe_result *out)
{
	long *chosen = xmalloc((d->m ? d->m : 1) * sizeof(long));
	unsigned char *busy = xcalloc(d->k ? d->k : 1, 1);
	struct observe_day *od = &out->days[out->ndays++];
	size_t i;

	day_greedy(d, d->use_cd, per_day, chosen);
	od->area = d->area;
	od->date = d->date;
	od->inspectors = d->k;
	for (i = 0; i < d->m; i++) {
		if (chosen[i] < 0)
			continue;
		out->reason[d->opp_index[i]] = OBSERVE_USED;
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
count_areas(struct observe_result *out, char *const *keys, size_t nareas, struct strbuf *sb)
{
	out->nareas_visited = nareas;
	for (size_t i = 0; i < nareas; i++)
		for (size_t j = 0; j < out->ndays; j++) {
			if (!out->days[j].court_duty)
				continue;
			text_labelkey(out->days[j].area, sb);
			if (strcmp(sb->buf, keys[i]) == 0) {
				out->nareas_court++;
				break;
			}
		}
}

/* Refuse an area-day over the bound, naming it. */
static int
check_bound(const struct day_plan *days, size_t ndays, char *err, size_t errsz)
{
	char date[DATES_ISO_LEN];

	for (size_t i = 0; i < ndays; i++)
		if (days[i].m > OBSERVE_MAX_PER_AREA_DAY) {
			snprintf(
			    err, errsz,
			    "%s on %s: %zu usable opportunities, more than the %d one area-day "
			    "can hold; split the list or remove what will not be observed",
			    days[i].area, dates_format(days[i].date, date), days[i].m,
			    OBSERVE_MAX_PER_AREA_DAY);
			return -1;
		}
	return 0;
}

static void
free_days(struct day_plan *days, size_t ndays)
{
	for (size_t i = 0; i < ndays; i++) {
		free(days[i].key);
		free(days[i].slots);
		free(days[i].opp);
		free(days[i].opp_index);
	}
	free(days);
}

int
observe_solve(const struct observe_opp *opps, size_t nopps, const struct observe_slot *slots,
              size_t nslots, const char *const *areas, size_t nareas,
              const struct observe_opts *opts, struct observe_result *out, char *err, size_t errsz)
{
	struct strbuf sb;
	struct day_plan *days;
	char **keys = xcalloc(nareas + 1, sizeof(char *));
	size_t ndays, i;
	const void *ctx[2];
	int per_day = opts->per_day < 1 ? 1 : opts->per_day, rc = 0;

	strbuf_init(&sb);
	memset(out, 0, sizeof *out);
	out->reason = xcalloc(nopps + 1, 1);
	for (i = 0; i < nareas; i++)
		keys[i] = labelkey_dup(areas[i], &sb);
	days = group_days(slots, nslots, &ndays, &sb);
	attach(days, ndays, opps, nopps, keys, nareas, opts->max_travel, out, &sb);
	if (check_bound(days, ndays, err, errsz) != 0) {
		rc = -1;
		goto done;
	}
	for (i = 0; i < ndays; i++) {
		days[i].free_v = day_greedy(&days[i], 0, per_day, NULL);
		days[i].cd_v = day_greedy(&days[i], 1, per_day, NULL);
	}
	choose_court_days(days, ndays);
	out->assign = xcalloc(nopps ? nopps : 1, sizeof(*out->assign));
	out->days = xcalloc(ndays ? ndays : 1, sizeof(*out->days));
	for (i = 0; i < ndays; i++)
		record_day(&days[i], per_day, opps, out);
	ctx[0] = opps;
	ctx[1] = slots;
	qsort_r(out->assign, out->nassign, sizeof(*out->assign), cmp_assign, ctx);
	count_areas(out, keys, nareas, &sb);
	for (i = 0; i < nopps; i++)
		out->dropped[out->reason[i]]++;
done:
	free_days(days, ndays);
	for (i = 0; i < nareas; i++)
		free(keys[i]);
	free(keys);
	strbuf_free(&sb);
	return rc;
}

void
observe_result_free(struct observe_result *r)
{
	free(r->assign);
	free(r->days);
	free(r->reason);
	memset(r, 0, sizeof *r);
}
