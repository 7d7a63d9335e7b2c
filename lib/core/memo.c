/*
 * memo.c: an open-addressing table of strings and values, half empty at
 * most, hashed with SipHash-1-3 under the run's secret key (the strings come
 * from input: a file of values chosen to collide must not make it slow).
 * In front of it, a two-way cache of strings found lately holds their bytes
 * and value inline, so that a repeated lookup reads one or two 40-byte
 * entries and chases no pointer beyond the cache's own.
 *
 * The front cache starts with FRONT_FIRST slots inside the memo and doubles,
 * up to MEMO_FRONT (a large memo's: MEMO_LARGE_FRONT) and twice the strings
 * held, once as many lookups as it
 * has slots have missed it and found their string in the table: a run makes
 * a dozen memos, most of which hold a handful of strings or are asked a few
 * times, and a fresh page costs as much as tens of thousands of
 * instructions. Clearing the grown cache costs at most two writes a miss.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/bytes.h"
#include "core/keyhash.h"
#include "core/memo.h"
#include "core/xalloc.h"

#define MEMO_LIMIT 4096
#define MEMO_LARGE_LIMIT 16384 /* memo_new_large() */
#define MEMO_PRESIZED 512 /* a memo of at most this many strings never grows */
#define MEMO_FRONT 256 /* most slots of the front cache, a power of two */
#define MEMO_LARGE_FRONT 8192 /* most slots of a large memo's front cache, a power of two */
#define FRONT_FIRST 16 /* its first slots, in the memo: a power of two */
#define FRONT_TEXT 31 /* bytes of a string the front cache holds: longer ones are not kept */

/* A string found lately, held inline (no pointer to chase), and its value. */
struct front {
	long val;
	unsigned char len; /* FRONT_NONE: empty */
	char text[FRONT_TEXT];
};

#define FRONT_NONE 0xff

/*
 * A slot of the table: a string, its length and the low bits of its hash
 * (compared before the string is, so that a probe reads the strings it
 * passes over only when hash and length agree), and its value. One array of
 * slots: a lookup that misses the caches misses once for the slot.
 */
struct mslot {
	char *key; /* NULL when the slot is empty */
	size_t len;
	long val;
	uint32_t hash;
};

struct memo {
	size_t slots; /* a power of two, at least twice n (it grows with n) */
	size_t max, n;
	const struct keyhash_key *key;
	struct mslot *t;
	struct front *front; /* first, or front_mask + 1 slots allocated */
	size_t front_mask;
	size_t front_max; /* most slots it grows to */
	size_t front_misses; /* lookups since it last grew that missed it and found a string */
	struct front first[FRONT_FIRST];
};

/*
 * The front cache's pair of slots for a string (values of a column often
 * share their first and last bytes: "Re W (A Child)"). A string that input
 * makes collide here costs two failed comparisons more, never a longer
 * probe: the table is keyed. Of a pair, the first holds the string found
 * there last: a string new to the cache goes in the second, and moves to
 * the first when found again, so that strings met once (the long tail of
 * case names) do not push out the ones met on most rows.
 */
static inline struct front *
front_of(const struct memo *m, const char *s, size_t len)
{
	return &m->front[(size_t)(memo_quick_hash(s, len) >> 48) & m->front_mask & ~(size_t)1];
}

static void
front_clear(struct memo *m)
{
	size_t i;

	for (i = 0; i <= m->front_mask; i++)
		m->front[i].len = FRONT_NONE;
}

/* Make the front cache twice the slots, empty. */
static void
front_grow(struct memo *m)
{
	size_t slots = m->front_mask + 1;

	if (m->front != m->first)
		free(m->front);
	m->front = xmalloc(2 * slots * sizeof *m->front);
	m->front_mask = 2 * slots - 1;
	m->front_misses = 0;
	front_clear(m);
}

/* A memo of at most max strings (up to limit), its front cache of up to front slots. */
static struct memo *
memo_make(size_t max, size_t limit, size_t front)
{
	struct memo *m = xcalloc(1, sizeof *m);

	m->max = max < limit ? max : limit;
	m->front_max = front;
	/* A small memo is sized for its most at once; a large one grows as it fills. */
	for (m->slots = 16; m->max <= MEMO_PRESIZED && m->slots < 2 * m->max; m->slots *= 2)
		;
	m->key = keyhash_run_key();
	m->t = xcalloc(m->slots, sizeof *m->t);
	m->front = m->first;
	m->front_mask = FRONT_FIRST - 1;
	front_clear(m);
	return m;
}

struct memo *
memo_new(size_t max)
{
	return memo_make(max, MEMO_LIMIT, MEMO_FRONT);
}

struct memo *
memo_new_large(size_t max)
{
	return memo_make(max, MEMO_LARGE_LIMIT, MEMO_LARGE_FRONT);
}

void
memo_clear(struct memo *m)
{
	size_t i;

	for (i = 0; i < m->slots; i++) {
		free(m->t[i].key);
		m->t[i].key = NULL;
	}
	front_clear(m);
	m->n = 0;
}

void
memo_free(struct memo *m)
{
	if (m == NULL)
		return;
	memo_clear(m);
	free(m->t);
	if (m->front != m->first)
		free(m->front);
	free(m);
}

/* The hash of s in the table (its low bits pick the home slot). */
static uint32_t
hash_of(const struct memo *m, const char *s, size_t len)
{
	return (uint32_t)keyhash_sip13(m->key, s, len);
}

/* The slot holding s (hash h), or the empty slot where it would go. */
static size_t
slot_of(const struct memo *m, const char *s, size_t len, uint32_t h)
{
	size_t j = (size_t)h & (m->slots - 1);
	const struct mslot *t = m->t;

	while (t[j].key != NULL &&
	       (t[j].hash != h || t[j].len != len || !bytes_same(t[j].key, s, len)))
		j = (j + 1) & (m->slots - 1);
	return j;
}

void
memo_prefetch(const struct memo *m, const char *s, size_t len)
{
	if (len <= FRONT_TEXT)
		__builtin_prefetch(front_of(m, s, len));
}

int
memo_get(const struct memo *m, const char *s, size_t len, long *val)
{
	struct memo *w = (struct memo *)m; /* the front cache changes; the contents do not */
	struct front *f = front_of(w, s, len);
	size_t j;

	struct front t;

	if (len <= FRONT_TEXT) {
		if (f[0].len == len && bytes_same(f[0].text, s, len)) {
			*val = f[0].val;
			return 1;
		}
		if (f[1].len == len && bytes_same(f[1].text, s, len)) {
			t = f[1];
			f[1] = f[0];
			f[0] = t;
			*val = f[0].val;
			return 1;
		}
	}
	j = slot_of(m, s, len, hash_of(m, s, len));
	if (m->t[j].key == NULL)
		return 0;
	if (++w->front_misses > m->front_mask && m->front_mask + 1 < m->front_max &&
	    m->front_mask + 1 < 2 * m->n) {
		front_grow(w);
		f = front_of(w, s, len);
	}
	if (len <= FRONT_TEXT) {
		f[1].val = m->t[j].val;
		f[1].len = (unsigned char)len;
		memcpy(f[1].text, s, len);
	}
	*val = m->t[j].val;
	return 1;
}

/* Double the table, moving every string to its new slot (by the hash it keeps). */
static void
grow(struct memo *m)
{
	struct mslot *old = m->t;
	size_t i, j, n = m->slots;

	m->slots *= 2;
	m->t = xcalloc(m->slots, sizeof *m->t);
	for (i = 0; i < n; i++) {
		if (old[i].key == NULL)
			continue;
		for (j = old[i].hash & (m->slots - 1); m->t[j].key != NULL;
		     j = (j + 1) & (m->slots - 1))
			;
		m->t[j] = old[i];
	}
	free(old);
}

int
memo_put(struct memo *m, const char *s, size_t len, long val)
{
	uint32_t h = hash_of(m, s, len);
	size_t j = slot_of(m, s, len, h);
	struct front *f;

	if (m->t[j].key != NULL) {
		m->t[j].val = val;
		f = front_of(m, s, len); /* either slot may hold the old value */
		f[0].len = f[1].len = FRONT_NONE;
		return 0;
	}
	if (m->n >= m->max)
		return -1;
	if (2 * (m->n + 1) > m->slots) {
		grow(m);
		j = slot_of(m, s, len, h);
	}
	m->t[j].key = xstrndup(s, len);
	m->t[j].len = len;
	m->t[j].hash = h;
	m->t[j].val = val;
	m->n++;
	return 0;
}

size_t
memo_count(const struct memo *m)
{
	return m->n;
}
