/*
 * cases.c: what makes rows one case (see cases.h): the case-level hashes
 * and the cases of a stream.
 */
#include <stdlib.h>
#include <string.h>

#include "annexa/cases.h"
#include "core/bytes.h"
#include "core/idset.h"
#include "core/intern.h"
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

/* A case-level tuple, interned: the field hashes and the frame slot of a first row. */
#define TUPLE_WORDS (CASES_NFIELDS + 1)
#define TUPLE_SLOT CASES_NFIELDS /* the word of the slot (-1: none) */

/*
 * New cases whose tuples are not yet interned: a tuple's lookup misses the
 * cache twice (index slot, then record), so it is started when the case is
 * added (intern_start()), advanced LAG new cases later (intern_advance())
 * and finished when PENDING have gathered: each load has had the work of a
 * few rows to arrive.
 */
#define PENDING 32
#define LAG 8

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
	struct intern *tup; /* the distinct tuples */
	uint32_t pend[PENDING][TUPLE_WORDS]; /* the tuples of the last new cases */
	uint32_t pendrec[PENDING]; /* their records */
	uint64_t ticket[PENDING]; /* their lookups, started */
	size_t npend;
	struct idset *rows; /* row hashes (hex) of cases with several rows -> line */
};

/* Note line (above every line noted before, at most UINT32_MAX) as the next record's. */
static void
firsts_add(struct firsts *f, unsigned long line)
{
	size_t w = (size_t)(line / 64), b = w / RANK_WORDS, words;

	if (w >= f->words) {
		words = f->words ? f->words : RANK_WORDS; /* 512 lines: grown as they come */
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

/*
 * The value cache holds, for each field, sets of two slots picked by the
 * top bits of a hash. It starts with VC_FIRST sets a field (a few KB: a run
 * of a few rows touches a page or two, where the full cache is 172 KB of
 * fresh pages touched at random, each costing a page fault) and grows
 * fourfold, up to 256 (VC_SETS_SHIFT), once its misses since it last grew exceed twice
 * its slots. Growing drops what it held: it is a cache.
 */
#define VC_SETS_SHIFT 8 /* at most 256 sets of two slots a field */
#define VC_FIRST_SHIFT 3 /* at first 8 */
/* Make the cache's sets anew, 1 << shift a field, all empty. */
static void
vc_alloc(struct cases_vcache *vc, unsigned shift)
{
	free(vc->s);
	vc->shift = shift;
	vc->s = xcalloc((size_t)CASES_NFIELDS << shift, sizeof *vc->s);
	vc->misses = 0;
}

struct cases_vcache *
cases_vcache_new(void)
{
	struct cases_vcache *vc = xcalloc(1, sizeof *vc);

	vc_alloc(vc, VC_FIRST_SHIFT);
	return vc;
}

void
cases_vcache_free(struct cases_vcache *vc)
{
	if (vc == NULL)
		return;
	free(vc->s);
	free(vc);
}

/* The pair of a value for field f (cases_vcache_set()). */
static struct cases_vslot *
vc_set(const struct cases_vcache *vc, enum cases_field f, const char *s, size_t len)
{
	return vc->s[cases_vcache_set(vc, f, s, len)];
}

uint32_t
cases_vcache_miss(struct cases_vcache *vc, enum cases_field f, const char *s, size_t len)
{
	struct cases_vslot *w, t;

	if (len == 0 || len > CASES_VC_TEXT)
		return cases_value_hash(s, len);
	w = vc_set(vc, f, s, len);
	if (w[0].len == len && bytes_same(w[0].text, s, len))
		return w[0].hash;
	if (w[1].len == len && bytes_same(w[1].text, s, len)) {
		t = w[0];
		w[0] = w[1];
		w[1] = t;
		return w[0].hash;
	}
	if (vc->shift < VC_SETS_SHIFT &&
	    ++vc->misses > ((size_t)2 * 2 * CASES_NFIELDS << vc->shift)) {
		vc_alloc(vc, vc->shift + 2 < VC_SETS_SHIFT ? vc->shift + 2 : VC_SETS_SHIFT);
		w = vc_set(vc, f, s, len);
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

/*
 * A fast unkeyed hash of len bytes: four lanes of 8 bytes over each 32 (so
 * that the multiplications overlap, and the loop costs a quarter as often),
 * folded into two, which take the rest. Each step is a bijection of the
 * lane and of the word, so that rows of one length differing in one word
 * never collide.
 */
static uint64_t
span_hash(const char *p, size_t len)
{
	const uint64_t m1 = UINT64_C(0x9e3779b97f4a7c15), m2 = UINT64_C(0xc2b2ae3d27d4eb4f);
	uint64_t a = len, b = ~(uint64_t)len, c = len ^ UINT64_C(0x243f6a8885a308d3),
	         d = len ^ UINT64_C(0x13198a2e03707344);
	size_t j;

	for (j = 0; j + 32 <= len; j += 32) {
		a = fold(a, load_word(p + j), m1);
		b = fold(b, load_word(p + j + 8), m2);
		c = fold(c, load_word(p + j + 16), m1);
		d = fold(d, load_word(p + j + 24), m2);
	}
	a = fold(a, c, m2);
	b = fold(b, d, m1);
	if (j + 16 <= len) {
		a = fold(a, load_word(p + j), m1);
		b = fold(b, load_word(p + j + 8), m2);
		j += 16;
	}
	if (j + 8 <= len) {
		a = fold(a, load_word(p + j), m1);
		j += 8;
	}
	/* the last bytes: from the word that ends them when there is one (no byte loop) */
	b = fold(b,
	         j == len  ? 0
	         : len < 8 ? load_tail(p, len)
	                   : load_word(p + len - 8) >> (64 - 8 * (len - j)),
	         m2);
	a ^= b * m1;
	return a ^ (a >> 29);
}

uint64_t
cases_span_hash(const char *first, size_t span)
{
	return span_hash(first, span);
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

/* Intern the pending tuples, their indexes into their records. */
static void
flush(struct cases *c)
{
	size_t i;

	for (i = c->npend > LAG ? c->npend - LAG : 0; i < c->npend; i++)
		intern_advance(c->tup, c->ticket[i]);
	for (i = 0; i < c->npend; i++)
		c->v[c->pendrec[i]].tup |= intern_finish(c->tup, c->ticket[i], c->pend[i]);
	c->npend = 0;
}

struct cases *
cases_new(size_t hint)
{
	struct cases *c = xcalloc(1, sizeof *c);

	c->tup = intern_new(TUPLE_WORDS);

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
	intern_free(c->tup);
	free(c);
}

/* Make room for twice the cases (mapped: faulted in huge pages, grown without a copy). */
static void
recs_grow(struct cases *c)
{
	size_t cap = c->cap ? 2 * c->cap : 64; /* small at first: a fresh page costs a fault */

	if (cap > SIZE_MAX / 2 / sizeof *c->v)
		xmalloc((size_t)-1); /* cannot be satisfied: stops as out of memory */
	c->v = pages_resize(c->v, c->cap, cap, sizeof *c->v);
	c->cap = cap;
}

/*
 * Add a row hash of a case with several rows: 0, or the line of an
 * identical row. The set takes 62 bits of the hash written as 12 of the
 * characters it packs into a slot's key (37 of them: 37^12 > 2^62), so that
 * a row hash costs a slot, not a slot and an entry.
 */
static unsigned long
row_seen(struct cases *c, uint64_t rowhash, unsigned long line)
{
	static const char digit[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
	uint64_t v = rowhash >> 2;
	char key[12];
	size_t i;

	for (i = 0; i < sizeof key; i++, v /= 37)
		key[i] = digit[v % 37];
	if (c->rows == NULL)
		c->rows = idset_new();
	return idset_add(c->rows, key, sizeof key, line);
}

void
cases_add(struct cases *c, const char *id, size_t len, unsigned long line,
          const uint32_t h[CASES_NFIELDS], uint64_t rowhash, long slot, struct cases_verdict *out)
{
	unsigned long at = idset_add(c->ids, id, len, line), same;
	const uint32_t *first;
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
		memcpy(c->pend[c->npend], h, CASES_NFIELDS * sizeof *h);
		c->pend[c->npend][TUPLE_SLOT] = (uint32_t)slot;
		c->ticket[c->npend] = intern_start(c->tup, c->pend[c->npend]);
		if (c->npend >= LAG)
			intern_advance(c->tup, c->ticket[c->npend - LAG]);
		c->pendrec[c->npend++] = (uint32_t)c->n;
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
	first = intern_get(c->tup, r->tup & TUP_INDEX);
	for (f = 0; f < CASES_NFIELDS; f++)
		if (h[f] != first[f])
			out->differ |= 1u << f;
	out->kind = out->differ ? CASES_CONFLICT : CASES_SIBLING;
	out->other = at;
	if ((out->differ || slot < 0) && (r->tup & TUP_COUNTED)) {
		r->tup &= ~TUP_COUNTED;
		out->uncount = 1;
		out->slot = (int32_t)first[TUPLE_SLOT];
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
	       c->first.words / RANK_WORDS * sizeof *c->first.before + intern_bytes(c->tup);
}

void
cases_prefetch(struct cases *c, const char *const *ids, const size_t *lens, size_t n)
{
	idset_prefetch_many(c->ids, ids, lens, n);
}
