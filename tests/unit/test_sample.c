/*
 * test_sample.c: property tests of the draw over many random populations
 * and seeds: quotas exact when available, audit flags nested and counted,
 * allocation within one case of each area's share, shortfalls take every
 * eligible case, no duplicates, exclusions honoured, and the same set of
 * rows in any order giving the same sample.
 */
#include <check.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sample/sample.h"

static const struct strata_quota q_private[] = {{"r16.4", 10}};
static const struct strata_quota q_public[] = {{"s25", 5}};
static const struct strata_stratum defs[] = {
    {"safeguarding-letter", 50, 20, 0, NULL},
    {"private-law", 50, 20, 1, q_private},
    {"public-law", 50, 20, 1, q_public},
};
#define NDEFS 3
#define NFIELDS 4

struct row {
	char id[16];
	char area[24];
	char note[16];
	size_t stratum;
	long quota;
	int excluded;
};

struct pop {
	size_t n;
	struct row *rows;
};

/* xorshift64: the tests' own PRNG. */
static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* A random population: skewed areas, strata, quotas; size from tiny to large. */
static void
pop_make(struct pop *p, uint64_t *g)
{
	static const size_t sizes[] = {20, 90, 160, 400, 2500};
	unsigned long aw[20], wsum = 0, x;
	size_t i, a, nareas = 1 + rnd(g) % 18;
	unsigned qp = 1 + rnd(g) % 40, sp = 1 + rnd(g) % 25;

	for (a = 0; a < nareas; a++) {
		aw[a] = 1 + rnd(g) % 30;
		aw[a] *= aw[a];
		wsum += aw[a];
	}
	p->n = sizes[rnd(g) % 5];
	p->rows = calloc(p->n, sizeof *p->rows);
	for (i = 0; i < p->n; i++) {
		struct row *r = &p->rows[i];

		snprintf(r->id, sizeof r->id, "CA%08u", (unsigned)(i * 7919 + rnd(g) % 7919));
		x = rnd(g) % wsum;
		for (a = 0; a + 1 < nareas && x >= aw[a]; a++)
			x -= aw[a];
		snprintf(r->area, sizeof r->area, "Area %zu", a);
		snprintf(r->note, sizeof r->note, "n%u", (unsigned)(rnd(g) % 1000));
		r->stratum = rnd(g) % NDEFS;
		r->quota = -1;
		if (r->stratum == 1 && rnd(g) % 100 < qp)
			r->quota = 0;
		if (r->stratum == 2 && rnd(g) % 100 < sp)
			r->quota = 0;
	}
}

/* Add every row, in the order given by perm (or as is), and draw. */
static struct sample_result *
pop_draw(const struct pop *p, const size_t *perm, uint64_t seed, struct sample **sp)
{
	struct sample *s = sample_new(defs, NDEFS, seed);
	struct sample_result *res;
	char err[256];
	size_t i;

	for (i = 0; i < p->n; i++)
		if (p->rows[i].excluded)
			sample_exclude(s, p->rows[i].id);
	for (i = 0; i < p->n; i++) {
		const struct row *r = &p->rows[perm ? perm[i] : i];
		const char *f[NFIELDS] = {r->id, r->area, defs[r->stratum].id, r->note};
		enum sample_add_status st =
		    sample_add(s, r->id, r->area, r->stratum, r->quota, f, NULL, NFIELDS, i + 2);

		ck_assert_int_eq(st, r->excluded ? SAMPLE_EXCLUDED : SAMPLE_ADDED);
	}
	res = sample_draw(s, err, sizeof err);
	ck_assert_msg(res != NULL, "draw failed: %s", err);
	*sp = s;
	return res;
}

/* The row with this Case ID, or NULL. */
static const struct row *
pop_find(const struct pop *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->rows[i].id, id) == 0)
			return &p->rows[i];
	return NULL;
}

/* Eligible counts per stratum (and its quota, and the rest). */
static void
pop_counts(const struct pop *p, unsigned long all[NDEFS], unsigned long quota[NDEFS],
           unsigned long rest[NDEFS])
{
	size_t i;

	memset(all, 0, NDEFS * sizeof *all);
	memset(quota, 0, NDEFS * sizeof *quota);
	memset(rest, 0, NDEFS * sizeof *rest);
	for (i = 0; i < p->n; i++) {
		if (p->rows[i].excluded)
			continue;
		all[p->rows[i].stratum]++;
		if (p->rows[i].quota >= 0)
			quota[p->rows[i].stratum]++;
		else
			rest[p->rows[i].stratum]++;
	}
}

static unsigned long
umin(unsigned long a, unsigned long b)
{
	return a < b ? a : b;
}

/* Counts: quotas exact when available, strata filled, shortfalls take all. */
static void
check_counts(const struct pop *p, const struct sample_result *res)
{
	unsigned long all[NDEFS], quota[NDEFS], rest[NDEFS], want_q, want,
	    drawn[NDEFS] = {0}, qd[NDEFS] = {0}, fl[NDEFS] = {0};
	size_t i, st;

	pop_counts(p, all, quota, rest);
	for (i = 0; i < res->npicks; i++) {
		drawn[res->picks[i].stratum]++;
		qd[res->picks[i].stratum] += res->picks[i].quota >= 0;
		fl[res->picks[i].stratum] += res->picks[i].flagged != 0;
	}
	for (st = 0; st < NDEFS; st++) {
		want_q = defs[st].nquotas ? umin(defs[st].quotas[0].size, quota[st]) : 0;
		want = want_q + umin(defs[st].size - want_q, defs[st].nquotas ? rest[st] : all[st]);
		ck_assert_uint_eq(res->strata[st].eligible, all[st]);
		ck_assert_uint_eq(drawn[st], want);
		ck_assert_uint_eq(res->strata[st].drawn, want);
		ck_assert_uint_eq(qd[st], want_q);
		ck_assert_uint_eq(fl[st], umin(defs[st].audit, want));
		if (all[st] <= defs[st].size && quota[st] <= want_q)
			ck_assert_uint_eq(drawn[st], all[st]); /* shortfall: everything taken */
	}
}

/* Each pick is a real row of its stratum and quota, once, not excluded. */
static void
check_picks(const struct pop *p, const struct sample_result *res)
{
	const struct row *r;
	size_t i;

	for (i = 0; i < res->npicks; i++) {
		const struct sample_pick *pk = &res->picks[i];

		ck_assert_ptr_nonnull(r = pop_find(p, pk->case_id));
		ck_assert(!r->excluded);
		ck_assert_uint_eq(pk->stratum, r->stratum);
		ck_assert_int_eq(pk->quota, r->quota);
		ck_assert_uint_eq(pk->nfields, NFIELDS);
		ck_assert_str_eq(pk->fields[0], r->id);
		ck_assert_str_eq(pk->fields[3], r->note);
		if (i > 0) {
			int c = strcmp(res->picks[i - 1].stratum_id, pk->stratum_id);

			/* sorted by stratum, then Case ID, and so no Case ID twice */
			ck_assert(c < 0 ||
			          (c == 0 && strcmp(res->picks[i - 1].case_id, pk->case_id) < 0));
		}
	}
}

/* Areas get their share within one case, unless a quota or a cap forces it. */
static void
check_spread(const struct sample_result *res)
{
	size_t st, a, b, k, nq;

	for (st = 0; st < NDEFS; st++) {
		const struct sample_stratum_result *r = &res->strata[st];
		long long E = (long long)r->eligible, N = (long long)r->drawn;
		int forced_over = 0, capped_under = 0;

		nq = r->def->nquotas;
		if (E == 0)
			continue;
		for (b = 0; b < r->nareas; b++) {
			long long d =
			    (long long)r->areas[b].drawn * E - N * (long long)r->areas[b].eligible;
			if (d >= E && r->areas[b].q_drawn[nq] == 0)
				forced_over = 1;
			if (d < 0 && r->areas[b].q_drawn[nq] == r->areas[b].q_eligible[nq])
				capped_under = 1;
		}
		for (a = 0; a < r->nareas; a++) {
			const struct sample_area *ar = &r->areas[a];
			long long d = (long long)ar->drawn * E - N * (long long)ar->eligible;
			int exhausted = ar->q_drawn[nq] == ar->q_eligible[nq];

			if (nq == 0) {
				ck_assert_msg(d < E && d > -E, "stratum %zu area %s off its share",
				              st, ar->name);
				continue;
			}
			ck_assert(d < E || ar->q_drawn[nq] == 0 || capped_under);
			ck_assert(d > -E || exhausted || forced_over);
		}
		/*
		 * flags, stratified: each quota (and the rest) within one of its share
		 * of the flags, and within each, each area within one of its share.
		 */
		for (k = 0; k <= nq; k++) {
			long long dq = (long long)r->q_flagged[k] * (long long)r->drawn -
			               (long long)r->flagged * (long long)r->q_drawn[k];

			ck_assert(dq < (long long)r->drawn && dq > -(long long)r->drawn);
			for (a = 0; a < r->nareas; a++) {
				const struct sample_area *ar = &r->areas[a];
				long long d =
				    (long long)ar->q_flagged[k] * (long long)r->q_drawn[k] -
				    (long long)r->q_flagged[k] * (long long)ar->q_drawn[k];

				ck_assert(ar->q_flagged[k] <= ar->q_drawn[k]);
				ck_assert(d < (long long)r->q_drawn[k] || r->q_drawn[k] == 0);
				ck_assert(d > -(long long)r->q_drawn[k] || r->q_drawn[k] == 0);
			}
		}
	}
}

/* Within each area and quota the flagged cases are the lowest-ranked of those drawn. */
static void
check_nested(const struct sample_result *res)
{
	size_t i, j;

	for (i = 0; i < res->npicks; i++) {
		if (!res->picks[i].flagged)
			continue;
		for (j = 0; j < res->npicks; j++)
			if (!res->picks[j].flagged &&
			    res->picks[j].stratum == res->picks[i].stratum &&
			    res->picks[j].quota == res->picks[i].quota &&
			    strcmp(res->picks[j].area, res->picks[i].area) == 0)
				ck_assert(res->picks[j].rank > res->picks[i].rank);
	}
}

/* The same picks, flags and quotas. */
static void
check_same(const struct sample_result *a, const struct sample_result *b)
{
	size_t i;

	ck_assert_uint_eq(a->npicks, b->npicks);
	for (i = 0; i < a->npicks; i++) {
		ck_assert_str_eq(a->picks[i].case_id, b->picks[i].case_id);
		ck_assert_int_eq(a->picks[i].flagged, b->picks[i].flagged);
		ck_assert_int_eq(a->picks[i].quota, b->picks[i].quota);
	}
}

START_TEST(test_properties)
{
	uint64_t g = 0x243f6a8885a308d3ULL + (uint64_t)_i * 0x9e3779b97f4a7c15ULL;
	struct sample *s1, *s2;
	struct sample_result *r1, *r2;
	struct pop p;
	size_t *perm, i, j, t;
	uint64_t seed;

	pop_make(&p, &g);
	seed = rnd(&g);
	if (_i % 3 == 0) /* exclude about a tenth */
		for (i = 0; i < p.n; i++)
			p.rows[i].excluded = rnd(&g) % 10 == 0;
	r1 = pop_draw(&p, NULL, seed, &s1);
	check_counts(&p, r1);
	check_picks(&p, r1);
	check_spread(r1);
	check_nested(r1);

	perm = calloc(p.n, sizeof *perm);
	for (i = 0; i < p.n; i++)
		perm[i] = i;
	for (i = p.n; i > 1; i--) {
		j = rnd(&g) % i;
		t = perm[i - 1];
		perm[i - 1] = perm[j];
		perm[j] = t;
	}
	r2 = pop_draw(&p, perm, seed, &s2);
	ck_assert_uint_eq(r1->npicks, r2->npicks);
	check_same(r1, r2);

	sample_result_free(r1);
	sample_result_free(r2);
	sample_free(s1);
	sample_free(s2);
	free(perm);
	free(p.rows);
}
END_TEST

START_TEST(test_seed_matters)
{
	uint64_t g = 42;
	struct sample *s1, *s2;
	struct sample_result *r1, *r2;
	struct pop p;
	size_t i, same = 0;

	p.rows = NULL;

	do {
		free(p.rows);
		pop_make(&p, &g);
	} while (p.n < 2500);
	r1 = pop_draw(&p, NULL, 1, &s1);
	r2 = pop_draw(&p, NULL, 2, &s2);
	ck_assert_uint_eq(r1->npicks, r2->npicks);
	for (i = 0; i < r1->npicks; i++)
		same += strcmp(r1->picks[i].case_id, r2->picks[i].case_id) == 0;
	ck_assert_uint_lt(same, r1->npicks / 2);
	sample_result_free(r1);
	sample_result_free(r2);
	sample_free(s1);
	sample_free(s2);
	free(p.rows);
}
END_TEST

/* Rows added with their Case ID, area and stratum; NULL id ends. */
static struct sample *
add_rows(const char *const (*rows)[3], enum sample_add_status *st)
{
	struct sample *s = sample_new(defs, NDEFS, 7);
	size_t i;

	for (i = 0; rows[i][0] != NULL; i++)
		st[i] = sample_add(s, rows[i][0], rows[i][1], 0, -1, rows[i], NULL, 3, i + 2);
	return s;
}

START_TEST(test_duplicates)
{
	static const char *const rows[][3] = {
	    {"CA00000001", "North East", "x"}, {"CA00000002", "North East", "y"},
	    {"CA00000001", "North East", "x"}, /* the same row again */
	    {"CA00000002", "Wessex", "y"}, /* conflicts with line 3 */
	    {"CA00000003", "Wessex", "z"},     {"CA00000002", "North East", "y"},
	    {"CA00000004", "Wessex", "w"},     {"CA00000004", "Wessex", "w"},
	    {"CA00000004", "Wessex", "w"},     {NULL, NULL, NULL},
	};
	static const unsigned long want_rep[] = {4, 9, 10}, want_conf[] = {3, 5, 7};
	enum sample_add_status st[9];
	const unsigned long *lines;
	struct sample_result *res;
	struct sample *s = add_rows(rows, st);
	char err[128];
	size_t i;

	for (i = 0; i < 9; i++)
		ck_assert_int_eq(st[i], SAMPLE_ADDED);
	res = sample_draw(s, err, sizeof err);
	ck_assert_ptr_nonnull(res);
	ck_assert_uint_eq(sample_repeated(s, &lines), 3);
	for (i = 0; i < 3; i++)
		ck_assert_uint_eq(lines[i], want_rep[i]);
	ck_assert_uint_eq(sample_conflicting(s, &lines), 3);
	for (i = 0; i < 3; i++)
		ck_assert_uint_eq(lines[i], want_conf[i]);
	ck_assert_uint_eq(res->npicks, 3);
	ck_assert_str_eq(res->picks[0].case_id, "CA00000001");
	ck_assert_str_eq(res->picks[1].case_id, "CA00000003");
	ck_assert_str_eq(res->picks[2].case_id, "CA00000004");
	ck_assert_uint_eq(res->strata[0].eligible, 3);
	sample_result_free(res);
	sample_free(s);
}
END_TEST

/*
 * Many duplicates and conflicts among a large population draw as without
 * them, Case IDs of the packed form or not.
 */
START_TEST(test_duplicates_random)
{
	uint64_t g = 0xfeedULL + (uint64_t)_i;
	struct sample *s1, *s2;
	struct sample_result *r1, *r2;
	struct pop p, q;
	size_t i, k, extra;
	const unsigned long *lines;

	do
		pop_make(&p, &g);
	while (p.n < 400 && (free(p.rows), 1));
	/* every other round, a fifth of the Case IDs of another form than CA00000000 */
	for (i = 0; _i % 2 == 1 && i < p.n; i++)
		if (rnd(&g) % 5 == 0)
			p.rows[i].id[0] = 'c';
	/* q: p plus exact repeats of some rows, plus conflicting copies of others */
	extra = p.n / 5;
	q.n = p.n + 2 * extra;
	q.rows = calloc(q.n, sizeof *q.rows);
	memcpy(q.rows, p.rows, p.n * sizeof *p.rows);
	for (i = 0; i < extra; i++) {
		q.rows[p.n + i] = p.rows[rnd(&g) % p.n];
		k = rnd(&g) % p.n;
		q.rows[p.n + extra + i] = p.rows[k];
		snprintf(q.rows[p.n + extra + i].note, sizeof q.rows[0].note, "o%u",
		         (unsigned)(i % 100000));
		p.rows[k].excluded = 1; /* in p, a conflicting Case ID is simply absent */
	}
	r1 = pop_draw(&p, NULL, 77, &s1);
	s2 = sample_new(defs, NDEFS, 77);
	for (i = 0; i < q.n; i++) {
		const struct row *r = &q.rows[q.n - 1 - i]; /* backwards, too */
		const char *f[NFIELDS] = {r->id, r->area, defs[r->stratum].id, r->note};

		sample_add(s2, r->id, r->area, r->stratum, r->quota, f, NULL, NFIELDS, i + 2);
	}
	r2 = sample_draw(s2, NULL, 0);
	ck_assert_ptr_nonnull(r2);
	ck_assert_uint_gt(sample_conflicting(s2, &lines), 0);
	ck_assert_uint_gt(sample_repeated(s2, &lines), 0);
	for (i = 0; i < NDEFS; i++)
		ck_assert_uint_eq(r1->strata[i].eligible, r2->strata[i].eligible);
	check_same(r1, r2);
	sample_result_free(r1);
	sample_result_free(r2);
	sample_free(s1);
	sample_free(s2);
	free(p.rows);
	free(q.rows);
}
END_TEST

/* A row laid out as csvio keeps it and the same row as separate strings are one row. */
START_TEST(test_row_layouts)
{
	static const char buf[] = "CA00000001\0North East\0a field longer than sixteen bytes\0x";
	const char *packed[4] = {buf, buf + 11, buf + 22, buf + 56};
	const size_t lens[4] = {10, 10, 33, 1};
	const char *loose[4] = {"CA00000001", "North East", "a field longer than sixteen bytes",
	                        "x"};
	const char *other[4] = {"CA00000001", "North East", "a field longer than sixteen bytes",
	                        "y"};
	struct sample *s = sample_new(defs, NDEFS, 3);
	struct sample_result *res;
	const unsigned long *lines;

	ck_assert_int_eq(sample_add(s, loose[0], loose[1], 0, -1, packed, lens, 4, 2),
	                 SAMPLE_ADDED);
	ck_assert_int_eq(sample_add(s, loose[0], loose[1], 0, -1, loose, NULL, 4, 3), SAMPLE_ADDED);
	res = sample_draw(s, NULL, 0);
	ck_assert_uint_eq(sample_repeated(s, &lines), 1);
	ck_assert_uint_eq(lines[0], 3);
	ck_assert_uint_eq(sample_conflicting(s, &lines), 0);
	ck_assert_uint_eq(res->npicks, 1);
	sample_result_free(res);
	sample_free(s);
	/* and one field different is a conflict */
	s = sample_new(defs, NDEFS, 3);
	sample_add(s, loose[0], loose[1], 0, -1, packed, lens, 4, 2);
	sample_add(s, loose[0], loose[1], 0, -1, other, NULL, 4, 3);
	res = sample_draw(s, NULL, 0);
	ck_assert_uint_eq(sample_conflicting(s, &lines), 2);
	ck_assert_uint_eq(res->npicks, 0);
	sample_result_free(res);
	sample_free(s);
}
END_TEST

/* One Case ID on thousands of rows: one kept, the rest repeats, lines ascending. */
START_TEST(test_one_id_many_rows)
{
	const char *f[3] = {"CA00000001", "Wessex", "a"};
	struct sample *s = sample_new(defs, NDEFS, 5);
	struct sample_result *res;
	const unsigned long *lines;
	size_t i, n;

	for (i = 0; i < 5000; i++)
		ck_assert_int_eq(sample_add(s, f[0], f[1], 0, -1, f, NULL, 3, 5001 - i),
		                 SAMPLE_ADDED);
	res = sample_draw(s, NULL, 0);
	ck_assert_ptr_nonnull(res);
	n = sample_repeated(s, &lines);
	ck_assert_uint_eq(n, 4999);
	ck_assert_uint_eq(lines[0], 3); /* line 2, the first, is the one kept */
	for (i = 1; i < n; i++)
		ck_assert_uint_lt(lines[i - 1], lines[i]);
	ck_assert_uint_eq(res->npicks, 1);
	ck_assert_uint_eq(res->strata[0].eligible, 1);
	sample_result_free(res);
	sample_free(s);
}
END_TEST

/* A line number past 2^32 is refused, not truncated. */
START_TEST(test_line_limit)
{
	const char *f[3] = {"CA00000001", "Wessex", "a"};
	struct sample *s = sample_new(defs, NDEFS, 5);
	unsigned long big = (unsigned long)UINT32_MAX;

	ck_assert_int_eq(sample_add(s, f[0], f[1], 0, -1, f, NULL, 3, big), SAMPLE_ADDED);
	if (ULONG_MAX > UINT32_MAX)
		ck_assert_int_eq(sample_add(s, f[0], f[1], 0, -1, f, NULL, 3, big + 1),
		                 SAMPLE_FULL);
	sample_free(s);
}
END_TEST

START_TEST(test_area_spellings)
{
	static const char *const rows[][3] = {
	    {"CA00000001", "north east", "a"},
	    {"CA00000002", "North  East", "b"},
	    {"CA00000003", "NORTH-EAST", "c"},
	    {"CA00000004", "Wessex", "d"},
	    {NULL, NULL, NULL},
	};
	enum sample_add_status st[4];
	struct sample *s = add_rows(rows, st);
	struct sample_result *res;
	char err[128];

	res = sample_draw(s, err, sizeof err);
	ck_assert_ptr_nonnull(res);
	ck_assert_uint_eq(res->strata[0].nareas, 2);
	/* one area, named by its byte-smallest spelling */
	ck_assert_str_eq(res->strata[0].areas[0].name, "NORTH-EAST");
	ck_assert_uint_eq(res->strata[0].areas[0].eligible, 3);
	ck_assert_uint_eq(res->strata[0].areas[1].eligible, 1);
	sample_result_free(res);
	sample_free(s);
}
END_TEST

Suite *make_suite_sample(void);

/*
 * The audit subsample is fair (issue 15): over 1,000 seeds (1 to 1000, so
 * the test is deterministic) the 20 audits of the private law stratum hold
 * on average 4 of its 10 r16.4 cases (10/50 of 20) and those of the public
 * law stratum 2 of its 5 s25 cases, each mean within 0.25 (the tolerance), as
 * does every single draw within 1.
 */
START_TEST(test_audit_fair)
{
	static const char *const areas[] = {"North East", "Wessex", "Kent and Sussex",
	                                    "West Yorkshire", "London South"};
	unsigned long r164 = 0, s25 = 0, r164_drawn = 0, s25_drawn = 0;
	const char *f[NFIELDS];
	char id[32];
	uint64_t seed;
	size_t i, a;

	for (seed = 1; seed <= 1000; seed++) {
		struct sample *sm = sample_new(defs, NDEFS, seed);
		struct sample_result *res;
		unsigned long one_r = 0, one_s = 0;
		char err[128];

		for (i = 0; i < 400; i++) {
			size_t st = i % 3;
			long q = (st == 1 && i % 7 == 0) || (st == 2 && i % 11 == 0) ? 0 : -1;

			snprintf(id, sizeof id, "CAF-2027%06zu", i);
			a = (i * 7 + i / 5) % 5;
			f[0] = id;
			f[1] = areas[a];
			f[2] = f[3] = "x";
			ck_assert_int_eq(
			    sample_add(sm, id, areas[a], st, q, f, NULL, NFIELDS, i + 2),
			    SAMPLE_ADDED);
		}
		res = sample_draw(sm, err, sizeof err);
		ck_assert_ptr_nonnull(res);
		for (i = 0; i < res->npicks; i++) {
			const struct sample_pick *pk = &res->picks[i];

			if (pk->quota < 0)
				continue;
			if (pk->stratum == 1) {
				r164_drawn++;
				one_r += pk->flagged != 0;
			} else
				s25_drawn++, one_s += pk->flagged != 0;
		}
		ck_assert_msg(one_r >= 3 && one_r <= 5, "seed %llu: %lu r16.4 audits",
		              (unsigned long long)seed, one_r);
		ck_assert_msg(one_s >= 1 && one_s <= 3, "seed %llu: %lu s25 audits",
		              (unsigned long long)seed, one_s);
		r164 += one_r;
		s25 += one_s;
		sample_result_free(res);
		sample_free(sm);
	}
	ck_assert_uint_eq(r164_drawn, 10 * 1000);
	ck_assert_uint_eq(s25_drawn, 5 * 1000);
	ck_assert_msg(r164 >= 3750 && r164 <= 4250, "r16.4: %.3f audits a draw", r164 / 1000.0);
	ck_assert_msg(s25 >= 1750 && s25 <= 2250, "s25: %.3f audits a draw", s25 / 1000.0);
}
END_TEST

Suite *
make_suite_sample(void)
{
	Suite *s = suite_create("sample");
	TCase *tc = tcase_create("draw");

	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_properties, 0, 300);
	tcase_add_test(tc, test_seed_matters);
	tcase_add_test(tc, test_duplicates);
	tcase_add_loop_test(tc, test_duplicates_random, 0, 40);
	tcase_add_test(tc, test_area_spellings);
	tcase_add_test(tc, test_row_layouts);
	tcase_add_test(tc, test_one_id_many_rows);
	tcase_add_test(tc, test_line_limit);
	tcase_add_test(tc, test_audit_fair);
	suite_add_tcase(s, tc);
	return s;
}
