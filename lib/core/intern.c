/*
 * intern.c: distinct fixed-size records and their dense indexes (see
 * intern.h). The records lie end to end in one array; an open-addressing
 * index of (record + 1, 0 empty), at most half full and linearly probed,
 * finds them. The home slot is NH (Black et al., UMAC) of the record's words
 * under a key drawn from the run's key, an almost-universal hash, mapped
 * onto the index by a keyed multiply-shift.
 */
#include <stdlib.h>
#include <string.h>

#include "core/intern.h"
#include "core/keyhash.h"
#include "core/pages.h"
#include "core/xalloc.h"

#define FIRST_SLOTS 1024

struct intern {
	size_t words; /* in a record */
	uint32_t *v; /* n records of words words */
	size_t n, cap;
	uint32_t *idx; /* slots entries: record + 1, 0 empty */
	size_t slots; /* a power of two, 2^(64 - shift) */
	int shift;
	uint32_t gen; /* rehashes so far: a ticket's home holds while gen does */
	uint64_t key[INTERN_MAX_WORDS + 2]; /* NH words, then the multiplier */
};

/* The home slot of rec. */
static size_t
home(const struct intern *t, const uint32_t *rec)
{
	uint64_t a = 0;
	size_t i;

	for (i = 0; i + 1 < t->words; i += 2)
		a += (uint64_t)(uint32_t)(rec[i] + (uint32_t)t->key[i]) *
		     (uint32_t)(rec[i + 1] + (uint32_t)t->key[i + 1]);
	if (i < t->words)
		a += (uint64_t)(uint32_t)(rec[i] + (uint32_t)t->key[i]) * (uint32_t)t->key[i + 1];
	return (size_t)(((a ^ a >> 32) * (t->key[INTERN_MAX_WORDS + 1] | 1)) >> t->shift);
}

/* Whether record e holds rec. */
static int
same(const struct intern *t, uint32_t e, const uint32_t *rec)
{
	const uint32_t *v = &t->v[(size_t)e * t->words];
	size_t i;

	for (i = 0; i < t->words; i++)
		if (v[i] != rec[i])
			return 0;
	return 1;
}

/* The slot holding rec, or the empty one where it would go, from slot j on. */
static size_t
find(const struct intern *t, size_t j, const uint32_t *rec)
{
	while (t->idx[j] != 0 && !same(t, t->idx[j] - 1, rec))
		j = (j + 1) & (t->slots - 1);
	return j;
}

/*
 * Double the index and place every record again (4 bytes a slot: it stays
 * small). A large index is on huge pages (pages_alloc()): a fresh 4 KiB
 * page costs as much as tens of thousands of instructions.
 */
static void
rehash(struct intern *t)
{
	size_t i;

	pages_free(t->idx, t->slots, sizeof *t->idx);
	t->gen++;
	t->slots = t->slots ? 2 * t->slots : FIRST_SLOTS;
	t->shift = t->shift ? t->shift - 1 : 64 - 10;
	t->idx = pages_alloc(t->slots, sizeof *t->idx);
	for (i = 0; i < t->n; i++)
		t->idx[find(t, home(t, &t->v[i * t->words]), &t->v[i * t->words])] =
		    (uint32_t)i + 1;
}

struct intern *
intern_new(size_t words)
{
	struct intern *t = xcalloc(1, sizeof *t);
	const struct keyhash_key *k = keyhash_run_key();
	size_t i;

	if (words == 0 || words > INTERN_MAX_WORDS)
		abort();
	t->words = words;
	for (i = 0; i < INTERN_MAX_WORDS + 2; i++)
		t->key[i] = keyhash_sip13_word(k, UINT64_C(0x696e7465726e) + i);
	rehash(t);
	return t;
}

void
intern_free(struct intern *t)
{
	if (t == NULL)
		return;
	pages_free(t->v, t->cap, t->words * sizeof *t->v);
	pages_free(t->idx, t->slots, sizeof *t->idx);
	free(t);
}

/* The index of rec, whose lookup starts at slot j. */
static uint32_t
put_at(struct intern *t, size_t j, const uint32_t *rec)
{
	j = find(t, j, rec);
	if (t->idx[j] != 0)
		return t->idx[j] - 1;
	if (t->n >= INTERN_MAX_COUNT)
		xmalloc((size_t)-1); /* cannot be satisfied: stops as out of memory */
	if (t->n == t->cap) {
		/* grown in place by the kernel once large: no copy, never two at once */
		t->v =
		    pages_resize(t->v, t->cap, t->cap ? 2 * t->cap : 256, t->words * sizeof *t->v);
		t->cap = t->cap ? 2 * t->cap : 256;
	}
	memcpy(&t->v[t->n * t->words], rec, t->words * sizeof *rec);
	if (2 * ++t->n > t->slots)
		rehash(t);
	else
		t->idx[j] = (uint32_t)t->n;
	return (uint32_t)(t->n - 1);
}

uint32_t
intern_put(struct intern *t, const uint32_t *rec)
{
	return put_at(t, home(t, rec), rec);
}

uint64_t
intern_start(const struct intern *t, const uint32_t *rec)
{
	size_t j = home(t, rec);

	__builtin_prefetch(&t->idx[j]);
	return (uint64_t)t->gen << 32 | j;
}

void
intern_advance(const struct intern *t, uint64_t ticket)
{
	uint32_t e;

	if ((uint32_t)(ticket >> 32) == t->gen && (e = t->idx[(uint32_t)ticket]) != 0)
		__builtin_prefetch(&t->v[(e - 1) * t->words]);
}

uint32_t
intern_finish(struct intern *t, uint64_t ticket, const uint32_t *rec)
{
	if ((uint32_t)(ticket >> 32) != t->gen)
		return intern_put(t, rec);
	return put_at(t, (uint32_t)ticket, rec);
}

void
intern_put_many(struct intern *t, const uint32_t *recs, size_t n, uint32_t *ids)
{
	uint64_t tickets[64];
	size_t i, m;

	/* in runs of 64: every index load started, then every record load, then each put */
	for (; n > 0; n -= m, recs += m * t->words, ids += m) {
		m = n < 64 ? n : 64;
		for (i = 0; i < m; i++)
			tickets[i] = intern_start(t, &recs[i * t->words]);
		for (i = 0; i < m; i++)
			intern_advance(t, tickets[i]);
		for (i = 0; i < m; i++)
			ids[i] = intern_finish(t, tickets[i], &recs[i * t->words]);
	}
}

const uint32_t *
intern_get(const struct intern *t, uint32_t i)
{
	return &t->v[(size_t)i * t->words];
}

size_t
intern_count(const struct intern *t)
{
	return t->n;
}

size_t
intern_bytes(const struct intern *t)
{
	return t->cap * t->words * sizeof *t->v + t->slots * sizeof *t->idx;
}
