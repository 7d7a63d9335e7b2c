/*
 * sample.c: collect cases and draw the handbook's samples (see sample.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "apportion.h"
#include "keyhash.h"
#include "sample.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

/* A candidate row kept in a cell: one allocation holding everything. */
struct cand {
	uint64_t rank;
	char *id;
	char **fields;
	size_t nfields;
	unsigned long line;
};

/* The cases of one stratum, area and quota (or the rest of the stratum). */
struct cell {
	unsigned long count; /* eligible cases, all of them */
	size_t n, cap;
	struct cand **heap; /* max-heap by (rank, id): the lowest ranks seen */
	uint64_t top; /* when full: the rank of heap[0], the worst kept */
};

struct area {
	char *key; /* text_normkey() of the service area */
	char *name; /* byte-smallest spelling */
	uint64_t tie;
	struct cell *cells; /* one per slot */
};

struct spelling {
	char *raw;
	size_t area;
	long next; /* next spelling in the same bucket, or -1 */
};

#define SPELL_BUCKETS 256

/* One row added: what finding duplicate Case IDs at the end needs. */
struct ident {
	uint64_t rank;
	uint64_t content; /* row_hash() */
	unsigned long line;
	uint32_t idoff; /* in the arena */
	uint32_t area;
	uint32_t slot;
};

/* An excluded Case ID, in a small open-addressing table. */
struct excl {
	uint64_t rank;
	char *id; /* NULL: empty */
};

struct sample {
	const struct strata_stratum *defs;
	size_t ndefs;
	size_t *slot0; /* first slot of each stratum: its quotas, then the rest */
	size_t nslots;
	struct keyhash_key key;
	struct area *areas;
	size_t nareas, areacap;
	struct spelling *sp;
	size_t nsp, spcap;
	long spbucket[SPELL_BUCKETS]; /* first spelling of each bucket, or -1 */
	struct ident *rows; /* every row added, in order */
	size_t nrows, rowcap;
	struct strbuf arena; /* their Case IDs, NUL-terminated */
	struct excl *excl;
	size_t exclcap, nexcl;
	struct strbuf scratch;
	int finished; /* duplicates resolved */
	unsigned long *repeated, *conflicting; /* lines, ascending */
	size_t nrepeated, nconflicting;
};

/* Order candidates by rank, then Case ID. */
static int
cand_less(const struct cand *a, const struct cand *b)
{
	if (a->rank != b->rank)
		return a->rank < b->rank;
	return strcmp(a->id, b->id) < 0;
}

/* qsort comparator: ascending (rank, Case ID). */
static int
cand_cmp(const void *pa, const void *pb)
{
	const struct cand *a = *(const struct cand *const *)pa,
	                  *b = *(const struct cand *const *)pb;

	if (cand_less(a, b))
		return -1;
	return cand_less(b, a);
}

/* Copy a row into one allocation. */
static struct cand *
cand_new(uint64_t rank, const char *id, const char *const *fields, size_t nfields,
         unsigned long line)
{
	size_t i, sz, idlen = strlen(id) + 1;
	struct cand *c;
	char *p;

	sz = sizeof *c + nfields * sizeof(char *) + idlen;
	for (i = 0; i < nfields; i++)
		sz += strlen(fields[i] ? fields[i] : "") + 1;
	c = xmalloc(sz);
	c->rank = rank;
	c->nfields = nfields;
	c->line = line;
	c->fields = (char **)(c + 1);
	p = (char *)(c->fields + nfields);
	for (i = 0; i < nfields; i++) {
		size_t n = strlen(fields[i] ? fields[i] : "") + 1;

		memcpy(p, fields[i] ? fields[i] : "", n);
		c->fields[i] = p;
		p += n;
	}
	memcpy(p, id, idlen);
	c->id = p;
	return c;
}

/* Restore the max-heap property downwards from i. */
static void
heap_down(struct cand **h, size_t n, size_t i)
{
	size_t l, big;
	struct cand *t;

	for (;;) {
		big = i;
		l = 2 * i + 1;
		if (l < n && cand_less(h[big], h[l]))
			big = l;
		if (l + 1 < n && cand_less(h[big], h[l + 1]))
			big = l + 1;
		if (big == i)
			return;
		t = h[i];
		h[i] = h[big];
		h[big] = t;
		i = big;
	}
}

/* Restore the max-heap property upwards from i. */
static void
heap_up(struct cand **h, size_t i)
{
	struct cand *t;

	while (i > 0 && cand_less(h[(i - 1) / 2], h[i])) {
		t = h[i];
		h[i] = h[(i - 1) / 2];
		h[(i - 1) / 2] = t;
		i = (i - 1) / 2;
	}
}

/* Keep the row if it is among the cell's cap lowest ranks so far. */
static void
cell_offer(struct cell *c, uint64_t rank, const char *id, const char *const *fields, size_t nfields,
           unsigned long line)
{
	struct cand probe;
	size_t i;

	probe.rank = rank;
	probe.id = (char *)id;
	if (c->n == c->cap && (c->cap == 0 || rank > c->top || !cand_less(&probe, c->heap[0])))
		return;
	for (i = 0; i < c->n; i++) /* the same Case ID again: keep one */
		if (c->heap[i]->rank == rank && strcmp(c->heap[i]->id, id) == 0)
			return;
	if (c->n < c->cap) {
		c->heap[c->n] = cand_new(rank, id, fields, nfields, line);
		heap_up(c->heap, c->n++);
		c->top = c->heap[0]->rank;
		return;
	}
	free(c->heap[0]);
	c->heap[0] = cand_new(rank, id, fields, nfields, line);
	heap_down(c->heap, c->n, 0);
	c->top = c->heap[0]->rank;
}

/* Forget a candidate that turned out to be a conflicting duplicate. */
static void
cell_remove(struct cell *c, uint64_t rank, const char *id)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->heap[i]->rank == rank && strcmp(c->heap[i]->id, id) == 0)
			break;
	if (i == c->n)
		return;
	free(c->heap[i]);
	c->heap[i] = c->heap[--c->n];
	for (i = c->n / 2 + 1; i-- > 0;)
		heap_down(c->heap, c->n, i);
	if (c->n > 0)
		c->top = c->heap[0]->rank;
}

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
	for (i = 0; i < SPELL_BUCKETS; i++)
		s->spbucket[i] = -1;
	strbuf_init(&s->arena);
	strbuf_init(&s->scratch);
	return s;
}

void
sample_free(struct sample *s)
{
	size_t a, k, i;

	if (s == NULL)
		return;
	for (a = 0; a < s->nareas; a++) {
		for (k = 0; k < s->nslots; k++) {
			for (i = 0; i < s->areas[a].cells[k].n; i++)
				free(s->areas[a].cells[k].heap[i]);
			free(s->areas[a].cells[k].heap);
		}
		free(s->areas[a].cells);
		free(s->areas[a].key);
		free(s->areas[a].name);
	}
	for (i = 0; i < s->nsp; i++)
		free(s->sp[i].raw);
	free(s->sp);
	free(s->areas);
	free(s->rows);
	for (i = 0; i < s->exclcap; i++)
		free(s->excl[i].id);
	free(s->excl);
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

/* The slot of a Case ID in the exclusion table: its entry or an empty one. */
static size_t
excl_slot(const struct sample *s, uint64_t rank, const char *id)
{
	size_t i = (size_t)rank & (s->exclcap - 1);

	while (s->excl[i].id != NULL) {
		if (s->excl[i].rank == rank && strcmp(s->excl[i].id, id) == 0)
			return i;
		i = (i + 1) & (s->exclcap - 1);
	}
	return i;
}

/* Double the exclusion table. */
static void
excl_grow(struct sample *s)
{
	struct excl *old = s->excl;
	size_t i, j, oldcap = s->exclcap;

	s->exclcap = oldcap ? 2 * oldcap : 64;
	s->excl = xcalloc(s->exclcap, sizeof *s->excl);
	for (i = 0; i < oldcap; i++) {
		if (old[i].id == NULL)
			continue;
		j = excl_slot(s, old[i].rank, old[i].id);
		s->excl[j] = old[i];
	}
	free(old);
}

void
sample_exclude(struct sample *s, const char *case_id)
{
	uint64_t rank = sample_rank(s, case_id);
	size_t i;

	if (2 * (s->nexcl + 1) > s->exclcap)
		excl_grow(s);
	i = excl_slot(s, rank, case_id);
	if (s->excl[i].id == NULL) {
		s->excl[i].rank = rank;
		s->excl[i].id = xstrdup(case_id);
		s->nexcl++;
	}
}

/* The area index of a service-area spelling, creating the area if new. */
static size_t
area_of(struct sample *s, const char *raw)
{
	size_t k, len = strlen(raw);
	size_t bucket =
	    (len * 31 + (len ? (unsigned char)raw[0] * 7 + (unsigned char)raw[len - 1] : 0)) %
	    SPELL_BUCKETS;
	struct area *a;
	long i;

	for (i = s->spbucket[bucket]; i >= 0; i = s->sp[i].next)
		if (strcmp(s->sp[i].raw, raw) == 0)
			return s->sp[i].area;
	text_normkey(raw, &s->scratch);
	for (k = 0; k < s->nareas; k++)
		if (strcmp(s->areas[k].key, s->scratch.buf) == 0)
			break;
	if (k == s->nareas) {
		if (s->nareas == s->areacap) {
			s->areacap = s->areacap ? 2 * s->areacap : 16;
			s->areas = xreallocarray(s->areas, s->areacap, sizeof *s->areas);
		}
		a = &s->areas[s->nareas++];
		a->key = xstrdup(s->scratch.buf);
		a->name = xstrdup(raw);
		a->tie = keyhash_sip(&s->key, a->key, strlen(a->key));
		a->cells = xcalloc(s->nslots, sizeof *a->cells);
	} else if (strcmp(raw, s->areas[k].name) < 0) {
		free(s->areas[k].name);
		s->areas[k].name = xstrdup(raw);
	}
	if (s->nsp == s->spcap) {
		s->spcap = s->spcap ? 2 * s->spcap : 16;
		s->sp = xreallocarray(s->sp, s->spcap, sizeof *s->sp);
	}
	s->sp[s->nsp].raw = xstrdup(raw);
	s->sp[s->nsp].area = k;
	s->sp[s->nsp].next = s->spbucket[bucket];
	s->spbucket[bucket] = (long)s->nsp++;
	return k;
}

/* Load 8 bytes as a word. */
static uint64_t
load_word(const char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

/* Load the last n (< 8) bytes little-endian, byte by byte (no store to reload). */
static uint64_t
load_tail(const char *p, size_t n)
{
	uint64_t w = 0;

	while (n-- > 0)
		w = (w << 8) | (unsigned char)p[n];
	return w;
}

/* Fold a word into a running hash. */
static uint64_t
fold(uint64_t h, uint64_t w, uint64_t mul)
{
	h = (h ^ w) * mul;
	return (h << 31) | (h >> 33);
}

/*
 * A fast unkeyed hash of len bytes (two lanes of 8 bytes, so that the
 * multiplications overlap).
 */
static uint64_t
span_hash(const char *p, size_t len)
{
	const uint64_t m1 = UINT64_C(0x9e3779b97f4a7c15), m2 = UINT64_C(0xc2b2ae3d27d4eb4f);
	uint64_t a = len, b = ~(uint64_t)len;
	size_t j;

	for (j = 0; j + 16 <= len; j += 16) {
		a = fold(a, load_word(p + j), m1);
		b = fold(b, load_word(p + j + 8), m2);
	}
	if (j + 8 <= len) {
		a = fold(a, load_word(p + j), m1);
		j += 8;
	}
	b = fold(b, load_tail(p + j, len - j), m2);
	a ^= b * m1;
	return a ^ (a >> 29);
}

/*
 * The hash of the whole row, to tell a repeated row from a conflicting one
 * (two different rows colliding: about 2^-64): span_hash() of the fields
 * each followed by a NUL, hashed in place when the fields lie that way in
 * memory (as csvio keeps them), else copied first.
 */
static uint64_t
row_hash(struct sample *s, const char *const *fields, const size_t *lens, size_t nfields)
{
	size_t i, len;

	if (lens != NULL && nfields > 0 && fields[0] != NULL) {
		for (i = 0; i + 1 < nfields; i++)
			if (fields[i + 1] != fields[i] + lens[i] + 1 || fields[i][lens[i]] != '\0')
				break;
		if (i + 1 == nfields && fields[i][lens[i]] == '\0')
			return span_hash(fields[0], (size_t)(fields[i] - fields[0]) + lens[i] + 1);
	}
	strbuf_reset(&s->scratch);
	for (i = 0; i < nfields; i++) {
		const char *f = fields[i] ? fields[i] : "";

		len = lens && fields[i] ? lens[i] : strlen(f);
		strbuf_add(&s->scratch, f, len);
		strbuf_addch(&s->scratch, '\0');
	}
	return span_hash(s->scratch.buf, s->scratch.len);
}

/* The cell of slot k in area a, its candidate array made on first use. */
static struct cell *
cell_at(struct sample *s, size_t a, size_t k, size_t stratum)
{
	const struct strata_stratum *d = &s->defs[stratum];
	struct cell *c = &s->areas[a].cells[k];
	size_t q = k - s->slot0[stratum];

	if (c->heap == NULL) {
		c->cap = (q < d->nquotas ? d->quotas[q].size : d->size) + SAMPLE_SLACK;
		c->heap = xcalloc(c->cap, sizeof *c->heap);
	}
	return c;
}

enum sample_add_status
sample_add(struct sample *s, const char *case_id, const char *area, size_t stratum, long quota,
           const char *const *fields, const size_t *lens, size_t nfields, unsigned long line)
{
	uint64_t rank = sample_rank(s, case_id);
	struct ident *e;
	size_t a, k;

	if (s->nexcl > 0 && s->excl[excl_slot(s, rank, case_id)].id != NULL)
		return SAMPLE_EXCLUDED;
	if (quota < 0 || (size_t)quota >= s->defs[stratum].nquotas)
		quota = (long)s->defs[stratum].nquotas;
	k = s->slot0[stratum] + (size_t)quota;
	a = area_of(s, area);
	if (s->nrows == s->rowcap) {
		s->rowcap = s->rowcap ? 2 * s->rowcap : 1024;
		s->rows = xreallocarray(s->rows, s->rowcap, sizeof *s->rows);
	}
	e = &s->rows[s->nrows++];
	e->rank = rank;
	e->content = row_hash(s, fields, lens, nfields);
	e->line = line;
	e->idoff = (uint32_t)s->arena.len;
	e->area = (uint32_t)a;
	e->slot = (uint32_t)k;
	strbuf_add(&s->arena, case_id, strlen(case_id) + 1);
	cell_at(s, a, k, stratum)->count++;
	cell_offer(&s->areas[a].cells[k], rank, case_id, fields, nfields, line);
	return SAMPLE_ADDED;
}

/* A row's rank and index, for sorting. */
struct keyidx {
	uint64_t rank;
	size_t idx;
};

/* Sort by rank: least significant digit radix sort, 16 bits a pass. */
static void
radix_sort(struct keyidx *v, size_t n)
{
	struct keyidx *tmp = xcalloc(n + 1, sizeof *tmp), *src = v, *dst = tmp, *t;
	size_t *count = xcalloc(65536, sizeof *count), i, sum, c;
	int shift;

	for (shift = 0; shift < 64; shift += 16) {
		memset(count, 0, 65536 * sizeof *count);
		for (i = 0; i < n; i++)
			count[(src[i].rank >> shift) & 0xffff]++;
		for (i = 0, sum = 0; i < 65536; i++) {
			c = count[i];
			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[(src[i].rank >> shift) & 0xffff]++] = src[i];
		t = src;
		src = dst;
		dst = t;
	}
	free(tmp); /* four passes: the result is back in v */
	free(count);
}

/* Append a line to a list. */
static void
lines_add(unsigned long **v, size_t *n, unsigned long line)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = line;
}

/* Sort line numbers. */
static int
line_cmp(const void *pa, const void *pb)
{
	unsigned long a = *(const unsigned long *)pa, b = *(const unsigned long *)pb;

	return a < b ? -1 : a > b;
}

/* Resolve the rows g[0..m) that share one Case ID. */
static void
resolve_group(struct sample *s, const struct keyidx *g, size_t m)
{
	const struct ident *first = &s->rows[g[0].idx], *e;
	unsigned long minline = first->line;
	size_t i, same = 1;

	for (i = 1; i < m; i++) {
		e = &s->rows[g[i].idx];
		same &= e->content == first->content;
		if (e->line < minline)
			minline = e->line;
	}
	for (i = 0; i < m; i++) {
		e = &s->rows[g[i].idx];
		if (same && e->line == minline)
			continue; /* the one kept */
		s->areas[e->area].cells[e->slot].count--;
		if (same)
			lines_add(&s->repeated, &s->nrepeated, e->line);
		else {
			lines_add(&s->conflicting, &s->nconflicting, e->line);
			cell_remove(&s->areas[e->area].cells[e->slot], e->rank,
			            s->arena.buf + e->idoff);
		}
	}
}

/* Find the Case IDs on more than one row and correct the counts and cells. */
static void
finish(struct sample *s)
{
	struct keyidx *v = xcalloc(s->nrows + 1, sizeof *v), t;
	size_t i, j, a, b;

	for (i = 0; i < s->nrows; i++) {
		v[i].rank = s->rows[i].rank;
		v[i].idx = i;
	}
	radix_sort(v, s->nrows);
	for (i = 0; i < s->nrows; i = j) {
		for (j = i + 1; j < s->nrows && v[j].rank == v[i].rank; j++)
			;
		if (j - i == 1)
			continue;
		/* equal ranks: group by Case ID (insertion sort, the groups are tiny) */
		for (a = i + 1; a < j; a++)
			for (b = a; b > i && strcmp(s->arena.buf + s->rows[v[b - 1].idx].idoff,
			                            s->arena.buf + s->rows[v[b].idx].idoff) > 0;
			     b--) {
				t = v[b];
				v[b] = v[b - 1];
				v[b - 1] = t;
			}
		for (a = i; a < j; a = b) {
			for (b = a + 1;
			     b < j && strcmp(s->arena.buf + s->rows[v[a].idx].idoff,
			                     s->arena.buf + s->rows[v[b].idx].idoff) == 0;
			     b++)
				;
			if (b - a > 1)
				resolve_group(s, v + a, b - a);
		}
	}
	free(v);
	if (s->nrepeated > 1)
		qsort(s->repeated, s->nrepeated, sizeof *s->repeated, line_cmp);
	if (s->nconflicting > 1)
		qsort(s->conflicting, s->nconflicting, sizeof *s->conflicting, line_cmp);
	s->finished = 1;
}

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

/* Spread the flags over the areas in proportion to the cases drawn there. */
static void
draw_flags(const struct strata_stratum *d, struct sample_stratum_result *r,
           struct apportion_item *items)
{
	unsigned long want = d->audit < r->drawn ? d->audit : r->drawn;
	size_t a;

	for (a = 0; a < r->nareas; a++) {
		items[a].weight = items[a].cap = r->areas[a].drawn;
		items[a].count = 0;
		items[a].tie = r->areas[a].tie;
	}
	apportion_add(items, r->nareas, want, want);
	for (a = 0; a < r->nareas; a++)
		r->areas[a].flagged = items[a].count;
	r->flagged = want;
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

/* A drawn candidate and the quota it came from. */
struct taken {
	struct cand *c;
	long quota;
};

/* qsort comparator over taken candidates, by (rank, Case ID). */
static int
taken_cmp(const void *pa, const void *pb)
{
	const struct taken *a = pa, *b = pb;

	return cand_cmp(&a->c, &b->c);
}

/* Take one area's drawn cases from its cells and flag the lowest ranks. */
static int
take_area(struct sample *s, size_t st, size_t ai, const struct sample_area *ar, struct picks *p,
          char *err, size_t errsz)
{
	const struct strata_stratum *d = &s->defs[st];
	struct area *area = &s->areas[ai];
	struct cand **sorted;
	struct taken *mine;
	size_t k, i, n = 0;

	mine = xcalloc(ar->drawn + 1, sizeof *mine);
	for (k = 0; k <= d->nquotas; k++) {
		struct cell *c = &area->cells[s->slot0[st] + k];

		if (ar->q_drawn[k] > c->n) {
			snprintf(err, errsz,
			         "stratum %s: too many conflicting duplicate Case IDs in one "
			         "service area to draw exactly",
			         d->id);
			free(mine);
			return -1;
		}
		sorted = xcalloc(c->n + 1, sizeof *sorted);
		if (c->n > 0)
			memcpy(sorted, c->heap, c->n * sizeof *sorted);
		qsort(sorted, c->n, sizeof *sorted, cand_cmp);
		for (i = 0; i < ar->q_drawn[k]; i++) {
			mine[n].c = sorted[i];
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
		pk->line = mine[i].c->line;
		pk->rank = mine[i].c->rank;
		pk->stratum = st;
		pk->stratum_id = d->id;
		pk->quota = mine[i].quota;
		pk->quota_id = mine[i].quota >= 0 ? d->quotas[mine[i].quota].id : NULL;
		pk->flagged = i < ar->flagged;
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
		finish(s);
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
		}
		free(r->strata[i].areas);
		free(r->strata[i].q_eligible);
		free(r->strata[i].q_drawn);
	}
	free(r->strata);
	free(r->picks);
	free(r);
}
