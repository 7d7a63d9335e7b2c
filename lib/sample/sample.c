/*
 * sample.c: the rows coming into a draw (see sample.h): ranks, areas,
 * candidate cells, exclusions and duplicate Case IDs. The draw itself is in
 * sampledraw.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annexa/cases.h"
#include "core/pages.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "sample/sample-impl.h"

struct sample *
sample_new(const struct strata_stratum *defs, size_t ndefs, uint64_t seed)
{
	struct sample *s = xcalloc(1, sizeof *s);
	size_t i;

	s->defs = defs;
	s->ndefs = ndefs;
	s->slot0 = xcalloc(ndefs + 1, sizeof *s->slot0);
	for (i = 0; i < ndefs; i++) {
		s->slot0[i] = s->nslots;
		s->nslots += defs[i].nquotas + 1;
	}
	keyhash_from_seed(seed, &s->key);
	s->spellings = memo_new(SAMPLE_MAX_SPELLINGS);
	s->areakeys = memo_new(SAMPLE_MAX_AREAS);
	/* sized for a few: most runs exclude none, and most IDs are packed, not others */
	s->excl = idset_new_sized(1);
	s->tuples = intern_new(TUP_WORDS);
	s->others = idset_new_sized(1);
	strbuf_init(&s->arena);
	strbuf_init(&s->scratch);
	return s;
}

void
sample_free(struct sample *s)
{
	size_t a, k;

	if (s == NULL)
		return;
	for (a = 0; a < s->nareas; a++) {
		for (k = 0; k < s->nslots; k++)
			topk_free(&s->areas[a].cells[k].top);
		free(s->areas[a].cells);
		free(s->areas[a].key);
		free(s->areas[a].name);
	}
	memo_free(s->spellings);
	memo_free(s->areakeys);
	free(s->areas);
	pages_free(s->rows, s->rowcap, sizeof *s->rows);
	idset_free(s->excl);
	intern_free(s->tuples);
	idset_free(s->others);
	free(s->otheroff);
	free(s->repeated);
	free(s->conflicting);
	free(s->slot0);
	strbuf_free(&s->arena);
	strbuf_free(&s->scratch);
	free(s);
}

uint64_t
sample_rank(const struct sample *s, const char *case_id)
{
	return keyhash_sip(&s->key, case_id, strlen(case_id));
}

size_t
sample_repeated(const struct sample *s, const unsigned long **lines)
{
	*lines = s->repeated;
	return s->nrepeated;
}

size_t
sample_conflicting(const struct sample *s, const unsigned long **lines)
{
	*lines = s->conflicting;
	return s->nconflicting;
}

void
sample_exclude(struct sample *s, const char *case_id)
{
	idset_add(s->excl, case_id, strlen(case_id), 1);
}

/* A new area of normalised name key, first spelt raw; its index. */
static size_t
area_new(struct sample *s, const char *key, const char *raw)
{
	struct area *a;

	if (s->nareas == s->areacap) {
		s->areacap = s->areacap ? 2 * s->areacap : 16;
		s->areas = xreallocarray(s->areas, s->areacap, sizeof *s->areas);
	}
	a = &s->areas[s->nareas];
	a->key = xstrdup(key);
	a->name = xstrdup(raw);
	a->tie = keyhash_sip(&s->key, a->key, strlen(a->key));
	a->cells = xcalloc(s->nslots, sizeof *a->cells);
	return s->nareas++;
}

/*
 * The area index of a service-area spelling, creating the area if new; -1
 * past SAMPLE_MAX_AREAS areas.
 */
static long
area_of(struct sample *s, const char *raw)
{
	size_t len = strlen(raw);
	long k;

	if (memo_get(s->spellings, raw, len, &k))
		return k;
	text_normkey(raw, &s->scratch);
	if (!memo_get(s->areakeys, s->scratch.buf, s->scratch.len, &k)) {
		if (memo_put(s->areakeys, s->scratch.buf, s->scratch.len, (long)s->nareas) != 0)
			return -1;
		k = (long)area_new(s, s->scratch.buf, raw);
	} else if (strcmp(raw, s->areas[k].name) < 0) {
		free(s->areas[k].name);
		s->areas[k].name = xstrdup(raw);
	}
	(void)memo_put(s->spellings, raw, len, k); /* when full, found by its key */
	return k;
}

/* The cell of slot k in area a, its candidate array made on first use. */
static struct cell *
cell_at(struct sample *s, size_t a, size_t k, size_t stratum)
{
	const struct strata_stratum *d = &s->defs[stratum];
	struct cell *c = &s->areas[a].cells[k];
	size_t q = k - s->slot0[stratum];

	if (c->top.heap == NULL)
		topk_init(&c->top, (q < d->nquotas ? d->quotas[q].size : d->size) + SAMPLE_SLACK);
	return c;
}

enum sample_add_status
sample_add(struct sample *s, const char *case_id, const char *area, size_t stratum, long quota,
           const char *const *fields, const size_t *lens, size_t nfields, unsigned long line)
{
	return sample_add_case(s, case_id, area, stratum, quota,
	                       cases_row_hash(fields, lens, nfields), fields, lens, nfields, line);
}

/* A packed Case ID times this (odd: a bijection) is a key whose bytes are even for the sort. */
#define KEY_MIX UINT64_C(0x9e3779b97f4a7c15)

/* The inverse of KEY_MIX modulo 2^64 (Newton's iteration: each step doubles the bits right). */
static uint64_t
key_unmix(void)
{
	uint64_t inv = KEY_MIX;
	int i;

	for (i = 0; i < 5; i++)
		inv *= 2 - KEY_MIX * inv;
	return inv;
}

/* Can a row of this Case ID on this line be kept (the limits: 2^32 lines, 4 GiB of other IDs)? */
static int
fits(const struct sample *s, size_t idlen, unsigned long line)
{
	return line <= UINT32_MAX && idlen < UINT32_MAX - s->arena.len;
}

/* Append an ident for a row that fits(). */
static struct ident *
ident_new(struct sample *s, const char *case_id, size_t idlen, unsigned long line)
{
	uint64_t key = idset_pack(case_id, idlen);
	unsigned long n;
	struct ident *e;

	if (s->nrows == s->rowcap) {
		/* mapped: faulted in huge pages, grown without a copy; small at first */
		s->rows = pages_resize(s->rows, s->rowcap, s->rowcap ? 2 * s->rowcap : 64,
		                       sizeof *s->rows);
		s->rowcap = s->rowcap ? 2 * s->rowcap : 64;
	}
	e = &s->rows[s->nrows++];
	memset(e, 0, sizeof *e);
	e->line = (uint32_t)line;
	if (key != 0) {
		e->key = key * KEY_MIX;
		return e;
	}
	if ((n = idset_add(s->others, case_id, idlen, s->nothers + 1)) == 0) {
		if (s->nothers == s->othercap) {
			s->othercap = s->othercap ? 2 * s->othercap : 64;
			s->otheroff = xreallocarray(s->otheroff, s->othercap, sizeof *s->otheroff);
		}
		s->otheroff[s->nothers] = (uint32_t)s->arena.len;
		strbuf_add(&s->arena, case_id, idlen + 1);
		n = ++s->nothers;
	}
	e->key = n - 1;
	e->tup = IDENT_OTHER;
	return e;
}

/* The Case ID of a row: in buf (13 bytes) when packed, else in the arena. */
static const char *
id_of(const struct sample *s, const struct ident *e, char *buf)
{
	if (e->tup & IDENT_OTHER)
		return s->arena.buf + s->otheroff[e->key];
	idset_unpack(e->key * key_unmix(), buf);
	return buf;
}

void
sample_taint(struct sample *s, const char *case_id, unsigned long line)
{
	size_t idlen = strlen(case_id);

	if (fits(s, idlen, line))
		ident_new(s, case_id, idlen, line)->tup |= IDENT_TAINT;
}

/* Intern the tuples of the pending rows. */
static void
flush(struct sample *s)
{
	uint32_t ids[SAMPLE_PENDING];
	size_t i;

	intern_put_many(s->tuples, &s->pend[0][0], s->npend, ids);
	for (i = 0; i < s->npend; i++)
		s->rows[s->pendrow[i]].tup |= ids[i];
	s->npend = 0;
}

enum sample_add_status
sample_add_case(struct sample *s, const char *case_id, const char *area, size_t stratum, long quota,
                uint64_t casehash, const char *const *fields, const size_t *lens, size_t nfields,
                unsigned long line)
{
	uint64_t rank = sample_rank(s, case_id);
	size_t a, k, idlen = strlen(case_id);
	struct ident *e;
	uint32_t *t;
	long ai;

	if (idset_find(s->excl, case_id, idlen) != 0)
		return SAMPLE_EXCLUDED;
	if (!fits(s, idlen, line))
		return SAMPLE_FULL;
	if ((ai = area_of(s, area)) < 0)
		return SAMPLE_AREAS;
	a = (size_t)ai;
	if (quota < 0 || (size_t)quota >= s->defs[stratum].nquotas)
		quota = (long)s->defs[stratum].nquotas;
	k = s->slot0[stratum] + (size_t)quota;
	if (s->npend == SAMPLE_PENDING)
		flush(s);
	e = ident_new(s, case_id, idlen, line);
	e->content = cases_row_hash(fields, lens, nfields);
	t = s->pend[s->npend];
	t[TUP_HASH_LO] = (uint32_t)casehash;
	t[TUP_HASH_HI] = (uint32_t)(casehash >> 32);
	t[TUP_AREA] = (uint32_t)a;
	t[TUP_SLOT] = (uint32_t)k;
	s->pendrow[s->npend++] = (uint32_t)(s->nrows - 1);
	cell_at(s, a, k, stratum)->count++;
	topk_offer(&s->areas[a].cells[k].top, rank, case_id, fields, nfields, line);
	return SAMPLE_ADDED;
}

/* The byte of a row's key at shift. */
#define KEY_DIGIT(e, shift) ((unsigned)((e)->key >> (shift)) & 0xff)

/* Sort a few rows by key (insertion sort: linear on equal keys). */
static void
insertion_sort(struct ident *v, size_t n)
{
	struct ident t;
	size_t i, j;

	for (i = 1; i < n; i++) {
		t = v[i];
		for (j = i; j > 0 && t.key < v[j - 1].key; j--)
			v[j] = v[j - 1];
		v[j] = t;
	}
}

/*
 * Sort rows by key in place, most significant byte first (American flag
 * sort): one counting pass and one pass of swaps per byte, no second copy of
 * the rows. Packed keys are spread by KEY_MIX, so the buckets are even and
 * the recursion stops within a few bytes; it is at most 8 deep whatever
 * the keys.
 */
static void
radix_sort(struct ident *v, size_t n, int shift)
{
	size_t count[256] = {0}, next[256], end[256], i, sum = 0;
	struct ident e, t;
	unsigned b, d;

	if (n <= 32 || shift < 0) {
		insertion_sort(v, n);
		return;
	}
	for (i = 0; i < n; i++)
		count[KEY_DIGIT(&v[i], shift)]++;
	for (b = 0; b < 256; b++) {
		next[b] = sum;
		sum += count[b];
		end[b] = sum;
	}
	for (b = 0; b < 256; b++)
		while (next[b] < end[b]) {
			e = v[next[b]];
			while ((d = KEY_DIGIT(&e, shift)) != b) {
				t = v[next[d]];
				v[next[d]++] = e;
				e = t;
			}
			v[next[b]++] = e;
		}
	for (b = 0, i = 0; b < 256; i += count[b++])
		if (count[b] > 1)
			radix_sort(v + i, count[b], shift - 8);
}

/* Append a line to a list of capacity *cap. */
static void
lines_add(unsigned long **v, size_t *n, size_t *cap, unsigned long line)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = line;
}
/* Sort line numbers. */
static int
line_cmp(const void *pa, const void *pb)
{
	unsigned long a = *(const unsigned long *)pa, b = *(const unsigned long *)pb;

	return a < b ? -1 : a > b;
}

/*
 * Resolve the rows g[0..m) that share one Case ID: one case when they agree
 * on the case-level fields and none is tainted (each further child leaves
 * its cell's count; rows repeating another exactly are reported), else
 * every row is left out.
 */
static void
resolve_group(struct sample *s, const struct ident *g, size_t m)
{
	uint32_t minline = UINT32_MAX;
	size_t i, j, keep = m, one = 1;
	const uint32_t *t, *tk = NULL;
	char buf[16];

	for (i = 0; i < m; i++) {
		if (g[i].tup & IDENT_TAINT) {
			one = 0;
			continue;
		}
		t = intern_get(s->tuples, g[i].tup & IDENT_TUPLE);
		if (keep == m)
			tk = t;
		one &= t[TUP_HASH_LO] == tk[TUP_HASH_LO] && t[TUP_HASH_HI] == tk[TUP_HASH_HI];
		if (keep == m || g[i].line < minline) {
			minline = g[i].line;
			keep = i;
		}
	}
	for (i = 0; i < m; i++) {
		const struct ident *e = &g[i];
		const char *id;
		struct cell *c;

		if ((e->tup & IDENT_TAINT) || (one && i == keep))
			continue;
		t = intern_get(s->tuples, e->tup & IDENT_TUPLE);
		c = &s->areas[t[TUP_AREA]].cells[t[TUP_SLOT]];
		c->count--;
		if (!one) {
			lines_add(&s->conflicting, &s->nconflicting, &s->confcap, e->line);
			id = id_of(s, e, buf);
			topk_remove(&c->top, sample_rank(s, id), id);
			continue;
		}
		for (j = 0; j < m; j++)
			if (!(g[j].tup & IDENT_TAINT) && g[j].content == e->content &&
			    g[j].line < e->line)
				break;
		if (j < m)
			lines_add(&s->repeated, &s->nrepeated, &s->repcap, e->line);
	}
}

/*
 * Resolve the rows v[0..n) of one key: a packed Case ID's rows first, then
 * the rows of the other form's ID of that number (the two kinds of key may
 * meet); each Case ID on several rows is one group.
 */
static void
resolve_key(struct sample *s, struct ident *v, size_t n)
{
	struct ident t;
	size_t a, b;

	for (a = 1; a < n; a++) {
		t = v[a];
		for (b = a; b > 0 && (t.tup & IDENT_OTHER) < (v[b - 1].tup & IDENT_OTHER); b--)
			v[b] = v[b - 1];
		v[b] = t;
	}
	for (a = 0; a < n; a = b) {
		for (b = a + 1; b < n && (v[a].tup & IDENT_OTHER) == (v[b].tup & IDENT_OTHER); b++)
			;
		if (b - a > 1)
			resolve_group(s, v + a, b - a);
	}
}

void
sample_finish(struct sample *s)
{
	size_t i, j;

	if (s->npend > 0)
		flush(s);
	radix_sort(s->rows, s->nrows, 56);
	for (i = 0; i < s->nrows; i = j) {
		for (j = i + 1; j < s->nrows && s->rows[j].key == s->rows[i].key; j++)
			;
		if (j - i > 1)
			resolve_key(s, s->rows + i, j - i);
	}
	if (s->nrepeated > 1)
		qsort(s->repeated, s->nrepeated, sizeof *s->repeated, line_cmp);
	if (s->nconflicting > 1)
		qsort(s->conflicting, s->nconflicting, sizeof *s->conflicting, line_cmp);
	s->finished = 1;
}
