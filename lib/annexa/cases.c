/*
 * cases.c: what makes rows one case (see cases.h): the case-level hashes
 * and the cases of a stream.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annexa/cases.h"
#include "core/idset.h"
#include "core/keyhash.h"
#include "core/memo.h"
#include "core/pages.h"
#include "core/xalloc.h"

const char *const cases_field_keys[CASES_NFIELDS] = {
    "law_type", "case_type", "service_area", "practitioner", "team", "court", "local_authority",
};

/*
 * A case seen, 12 bytes: its first row's hash, and what its rows must
 * repeat as an index into the table of distinct case-level tuples (cases of
 * one practitioner, court and type share one), with two flags. The line of
 * its first row is the Case ID set's; the record is found from that line by
 * its rank among the first lines (struct firsts).
 */
struct rec {
	uint32_t lo, hi; /* the first row's hash, in halves (so that a record is 12 bytes) */
	uint32_t tup; /* TUP_INDEX: the tuple; TUP_COUNTED, TUP_MULTI */
};

#define TUP_COUNTED (1u << 31) /* in the frame */
#define TUP_MULTI (1u << 30) /* its row hashes are in the row set */
#define TUP_INDEX (TUP_MULTI - 1)

/* A case-level tuple: the field hashes and the frame slot of a first row. */
struct tuple {
	uint32_t h[CASES_NFIELDS];
	int32_t slot; /* frame slot, or -1 */
};

/*
 * The distinct tuples, interned: an array of them and an open-addressing
 * index (entry + 1, 0 empty) at most half full, probed from a hash keyed
 * for the run (NH over the eight words, then a keyed multiply): field
 * hashes chosen to collide under one key do not under the next.
 */
struct tuples {
	struct tuple *v;
	size_t n, cap;
	uint32_t *idx;
	size_t slots; /* a power of two, 2^(64 - shift) */
	int shift;
	uint64_t key[9];
};

/*
 * New cases whose tuples are not yet interned: looking a tuple up misses
 * the cache twice (index, then entry), so the lookups of PENDING new cases
 * are made together, their loads started before any is waited for.
 */
#define PENDING 32

struct pending {
	struct tuple u;
	uint32_t rec; /* its record, whose TUP_INDEX is filled in */
	uint32_t home;
};

/*
 * The lines where a case starts, as a bitmap (a bit a line, up to line
 * UINT32_MAX) with the number of bits set before each block of RANK_WORDS
 * words, so that the rank of a line (the index of its case's record) costs
 * a block's popcounts. Lines are added in increasing order.
 */
#define RANK_WORDS 8

struct firsts {
	uint64_t *bits;
	uint32_t *before; /* bits set before each block */
	size_t words; /* allocated: a multiple of RANK_WORDS */
	size_t blocks; /* blocks whose before[] is set */
	uint32_t n; /* bits set */
};

struct cases {
	struct idset *ids; /* Case ID -> line of its first row */
	struct rec *v; /* by first line, ascending (mapped: recs_grow()) */
	size_t n, cap;
	struct firsts first; /* the first lines of the records */
	struct tuples tup;
	struct pending pend[PENDING];
	size_t npend;
	struct idset *rows; /* row hashes (hex) of cases with several rows -> line */
};

/* Note line (above every line noted before, at most UINT32_MAX) as the next record's. */
static void
firsts_add(struct firsts *f, unsigned long line)
{
	size_t w = (size_t)(line / 64), b = w / RANK_WORDS, words;

	if (w >= f->words) {
		words = f->words ? f->words : 1024;
		while (w >= words)
			words *= 2;
		f->bits = pages_resize(f->bits, f->words, words, sizeof *f->bits);
		f->before = pages_resize(f->before, f->words / RANK_WORDS, words / RANK_WORDS,
		                         sizeof *f->before);
		f->words = words;
	}
	while (f->blocks <= b)
		f->before[f->blocks++] = f->n;
	f->bits[w] |= (uint64_t)1 << (line % 64);
	f->n++;
}

/* The rank of line among the lines noted (its record's index), or -1 when not noted. */
static long
firsts_rank(const struct firsts *f, unsigned long line)
{
	size_t w = (size_t)(line / 64), b = w / RANK_WORDS, i;
	uint64_t bit = (uint64_t)1 << (line % 64);
	unsigned long r;

	if (w >= f->words || b >= f->blocks || !(f->bits[w] & bit))
		return -1;
	r = f->before[b];
	for (i = b * RANK_WORDS; i < w; i++)
		r += (unsigned long)__builtin_popcountll(f->bits[i]);
	return (long)(r + (unsigned long)__builtin_popcountll(f->bits[w] & (bit - 1)));
}

static void
firsts_free(struct firsts *f)
{
	pages_free(f->bits, f->words, sizeof *f->bits);
	pages_free(f->before, f->words / RANK_WORDS, sizeof *f->before);
}

uint32_t
cases_value_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	unsigned char c;
	size_t i;

	for (i = 0; i < len; i++) {
		c = (unsigned char)s[i];
		if (c < 0x80 &&
		    !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		h = (h ^ c) * 16777619u;
	}
	return h;
}

#define VC_SETS 256 /* sets of two slots a field (the top 8 bits of a hash) */
#define VC_TEXT 43 /* bytes of a value kept: longer ones are not cached */

/* A remembered value: its hash, length (0: empty slot) and bytes. */
struct vslot {
	uint32_t hash;
	unsigned char len;
	char text[VC_TEXT];
};

struct cases_vcache {
	struct vslot s[CASES_NFIELDS][VC_SETS][2]; /* the last used first in each set */
};

struct cases_vcache *
cases_vcache_new(void)
{
	return xcalloc(1, sizeof(struct cases_vcache));
}

void
cases_vcache_free(struct cases_vcache *vc)
{
	free(vc);
}

/*
 * The set of a value. Values chosen to share a set only make the cache miss
 * (each lookup is still two slots), so the hash needs no key.
 */
static size_t
vc_set(const char *s, size_t len)
{
	return (size_t)(memo_quick_hash(s, len) >> 56) & (VC_SETS - 1);
}

uint32_t
cases_vcache_hash(struct cases_vcache *vc, enum cases_field f, const char *s, size_t len)
{
	struct vslot *w, t;

	if (len == 0 || len > VC_TEXT)
		return cases_value_hash(s, len);
	w = vc->s[f][vc_set(s, len)];
	if (w[0].len == len && memcmp(w[0].text, s, len) == 0)
		return w[0].hash;
	if (w[1].len == len && memcmp(w[1].text, s, len) == 0) {
		t = w[0];
		w[0] = w[1];
		w[1] = t;
		return w[0].hash;
	}
	w[1] = w[0];
	w[0].hash = cases_value_hash(s, len);
	w[0].len = (unsigned char)len;
	memcpy(w[0].text, s, len);
	return w[0].hash;
}

uint32_t
cases_entry_hash(long entry, const char *s, size_t len)
{
	if (entry >= 0)
		return (uint32_t)entry * 2654435761u + 1u;
	return s != NULL ? cases_value_hash(s, len) ^ 0x5bd1e995u : 0;
}

uint64_t
cases_hash(const uint32_t h[CASES_NFIELDS])
{
	uint64_t x = UINT64_C(0xcbf29ce484222325);
	int i;

	for (i = 0; i < CASES_NFIELDS; i++) {
		x = (x ^ h[i]) * UINT64_C(0x100000001b3);
		x ^= x >> 29;
	}
	return x;
}

/* Load 8 bytes as a word. */
static uint64_t
load_word(const char *p)
{
	uint64_t w;

	memcpy(&w, p, 8);
	return w;
}

/* Load the last n (< 8) bytes little-endian, byte by byte. */
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

/* A fast unkeyed hash of len bytes (two lanes of 8 bytes, so that the multiplications overlap). */
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
 * span_hash() of the fields each followed by a NUL, hashed in place when the
 * fields lie that way in memory (as csvio keeps them), else copied first.
 */
uint64_t
cases_row_hash(const char *const *fields, const size_t *lens, size_t nfields)
{
	size_t i, len, total = 0;
	uint64_t h;
	char *buf, *p;

	if (lens != NULL && nfields > 0 && fields[0] != NULL) {
		for (i = 0; i + 1 < nfields; i++)
			if (fields[i + 1] != fields[i] + lens[i] + 1 || fields[i][lens[i]] != '\0')
				break;
		if (i + 1 == nfields && fields[i][lens[i]] == '\0')
			return span_hash(fields[0], (size_t)(fields[i] - fields[0]) + lens[i] + 1);
	}
	for (i = 0; i < nfields; i++)
		total += (lens && fields[i] ? lens[i] : strlen(fields[i] ? fields[i] : "")) + 1;
	p = buf = xmalloc(total + 1);
	for (i = 0; i < nfields; i++) {
		const char *f = fields[i] ? fields[i] : "";

		len = lens && fields[i] ? lens[i] : strlen(f);
		memcpy(p, f, len);
		p += len;
		*p++ = '\0';
	}
	h = span_hash(buf, total);
	free(buf);
	return h;
}

/* The index slot of a tuple: NH of its words under the key, mapped by a keyed multiply. */
static size_t
tuple_home(const struct tuples *t, const struct tuple *u)
{
	uint32_t w[CASES_NFIELDS + 1];
	uint64_t a = 0;
	int i;

	memcpy(w, u->h, sizeof u->h);
	w[CASES_NFIELDS] = (uint32_t)u->slot;
	for (i = 0; i < CASES_NFIELDS + 1; i += 2)
		a += (uint64_t)(uint32_t)(w[i] + (uint32_t)t->key[i]) *
		     (uint32_t)(w[i + 1] + (uint32_t)t->key[i + 1]);
	return (size_t)(((a ^ a >> 32) * (t->key[8] | 1)) >> t->shift);
}

static int
tuple_same(const struct tuple *x, const struct tuple *y)
{
	return memcmp(x->h, y->h, sizeof x->h) == 0 && x->slot == y->slot;
}

/* The slot holding u, or the empty one where it would go. */
static size_t
tuple_slot(const struct tuples *t, const struct tuple *u)
{
	size_t j = tuple_home(t, u);

	while (t->idx[j] != 0 && !tuple_same(&t->v[t->idx[j] - 1], u))
		j = (j + 1) & (t->slots - 1);
	return j;
}

/* Double the index and place every tuple again (the index is 4 bytes a slot: small). */
static void
tuples_rehash(struct tuples *t)
{
	size_t i;

	free(t->idx);
	t->slots = t->slots ? 2 * t->slots : 1024;
	t->shift = t->shift ? t->shift - 1 : 64 - 10;
	t->idx = xcalloc(t->slots, sizeof *t->idx);
	for (i = 0; i < t->n; i++)
		t->idx[tuple_slot(t, &t->v[i])] = (uint32_t)i + 1;
}

/* The index of tuple u, added when new. */
static uint32_t
tuples_intern(struct tuples *t, const struct tuple *u)
{
	size_t j = tuple_slot(t, u), cap;

	if (t->idx[j] != 0)
		return t->idx[j] - 1;
	if (t->n >= TUP_INDEX)
		xmalloc((size_t)-1); /* cannot be satisfied: stops as out of memory */
	if (t->n == t->cap) {
		cap = t->cap ? 2 * t->cap : 256;
		t->v = xreallocarray(t->v, cap, sizeof *t->v);
		t->cap = cap;
	}
	t->v[t->n] = *u;
	if (2 * ++t->n > t->slots)
		tuples_rehash(t);
	else
		t->idx[j] = (uint32_t)t->n;
	return (uint32_t)(t->n - 1);
}

/* Intern the pending tuples: every index load started, then every entry load, then each looked up.
 */
static void
flush(struct cases *c)
{
	struct tuples *t = &c->tup;
	size_t i;
	uint32_t e;

	for (i = 0; i < c->npend; i++) {
		c->pend[i].home = (uint32_t)tuple_home(t, &c->pend[i].u);
		__builtin_prefetch(&t->idx[c->pend[i].home]);
	}
	for (i = 0; i < c->npend; i++)
		if ((e = t->idx[c->pend[i].home]) != 0)
			__builtin_prefetch(&t->v[e - 1]);
	for (i = 0; i < c->npend; i++)
		c->v[c->pend[i].rec].tup |= tuples_intern(t, &c->pend[i].u);
	c->npend = 0;
}

struct cases *
cases_new(size_t hint)
{
	struct cases *c = xcalloc(1, sizeof *c);
	const struct keyhash_key *k = keyhash_run_key();
	size_t j;

	for (j = 0; j < 9; j++)
		c->tup.key[j] = keyhash_sip13_word(k, UINT64_C(0x7475706c65) + j);
	tuples_rehash(&c->tup);

	c->ids = hint > 0 ? idset_new_sized(hint) : idset_new();
	return c;
}

void
cases_free(struct cases *c)
{
	if (c == NULL)
		return;
	idset_free(c->ids);
	idset_free(c->rows);
	pages_free(c->v, c->cap, sizeof *c->v);
	firsts_free(&c->first);
	free(c->tup.v);
	free(c->tup.idx);
	free(c);
}

/* Make room for twice the cases (mapped: faulted in huge pages, grown without a copy). */
static void
recs_grow(struct cases *c)
{
	size_t cap = c->cap ? 2 * c->cap : 1024;

	if (cap > SIZE_MAX / 2 / sizeof *c->v)
		xmalloc((size_t)-1); /* cannot be satisfied: stops as out of memory */
	c->v = pages_resize(c->v, c->cap, cap, sizeof *c->v);
	c->cap = cap;
}

/* Add a row hash of a case with several rows: 0, or the line of an identical row. */
static unsigned long
row_seen(struct cases *c, uint64_t rowhash, unsigned long line)
{
	char hex[17];

	snprintf(hex, sizeof hex, "%016llx", (unsigned long long)rowhash);
	if (c->rows == NULL)
		c->rows = idset_new();
	return idset_add(c->rows, hex, 16, line);
}

void
cases_add(struct cases *c, const char *id, size_t len, unsigned long line,
          const uint32_t h[CASES_NFIELDS], uint64_t rowhash, long slot, struct cases_verdict *out)
{
	unsigned long at = idset_add(c->ids, id, len, line), same;
	const struct tuple *first;
	struct pending *p;
	struct rec *r;
	long k;
	int f;

	memset(out, 0, sizeof *out);
	out->slot = -1;
	if (at == 0) {
		out->kind = CASES_NEW;
		out->slot = slot;
		if (line > UINT32_MAX)
			return; /* no record: its further rows count as siblings */
		if (c->n == c->cap)
			recs_grow(c);
		if (c->npend == PENDING)
			flush(c);
		p = &c->pend[c->npend++];
		memcpy(p->u.h, h, sizeof p->u.h);
		p->u.slot = (int32_t)slot;
		p->rec = (uint32_t)c->n;
		firsts_add(&c->first, line);
		r = &c->v[c->n++];
		r->lo = (uint32_t)rowhash;
		r->hi = (uint32_t)(rowhash >> 32);
		r->tup = slot >= 0 ? TUP_COUNTED : 0;
		return;
	}
	if ((k = firsts_rank(&c->first, at)) < 0) { /* a line past 2^32: count it as a sibling */
		out->kind = CASES_SIBLING;
		return;
	}
	if (c->npend > 0)
		flush(c);
	r = &c->v[k];
	if (!(r->tup & TUP_MULTI)) {
		r->tup |= TUP_MULTI;
		row_seen(c, (uint64_t)r->hi << 32 | r->lo, at);
	}
	if ((same = row_seen(c, rowhash, line)) != 0) {
		out->kind = CASES_REPEAT;
		out->other = same;
		return;
	}
	first = &c->tup.v[r->tup & TUP_INDEX];
	for (f = 0; f < CASES_NFIELDS; f++)
		if (h[f] != first->h[f])
			out->differ |= 1u << f;
	out->kind = out->differ ? CASES_CONFLICT : CASES_SIBLING;
	out->other = at;
	if ((out->differ || slot < 0) && (r->tup & TUP_COUNTED)) {
		r->tup &= ~TUP_COUNTED;
		out->uncount = 1;
		out->slot = first->slot;
	}
}

size_t
cases_count(const struct cases *c)
{
	return idset_count(c->ids);
}

size_t
cases_bytes(const struct cases *c)
{
	return idset_bytes(c->ids) + (c->rows ? idset_bytes(c->rows) : 0) + c->cap * sizeof *c->v +
	       c->first.words * sizeof *c->first.bits +
	       c->first.words / RANK_WORDS * sizeof *c->first.before +
	       c->tup.cap * sizeof *c->tup.v + c->tup.slots * sizeof *c->tup.idx;
}

void
cases_prefetch(const struct cases *c, const char *id, size_t len)
{
	idset_prefetch(c->ids, id, len);
}
