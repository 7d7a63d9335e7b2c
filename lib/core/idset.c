/*
 * idset.c: open-addressing hash set of IDs. Each slot is a 64-bit key (probed
 * alone, 8 to a cache line) and, in a parallel array, the offset of its
 * entry in the arena; an entry is the first line (8 bytes),
 * a length byte (or a 0 byte and a 4-byte length for long IDs) and the ID's
 * bytes. A slot is 16 bytes, an entry 9 + the ID's length. IDs of the
 * usual form (letters and digits, "CA27004512") are packed into the key
 * itself and keep their line in the slot: no arena, no text comparison.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/idset.h"
#include "core/keyhash.h"
#include "core/xalloc.h"

/* A slot: the packed ID or a hash (0: empty), and the packed ID's first line or the entry's arena
 * offset. */
struct slot {
	uint64_t key;
	uint64_t aux;
};

struct idset {
	struct slot *t; /* cap slots, key and value side by side: one cache line a probe */
	size_t cap; /* a power of two */
	size_t count;
	unsigned char *arena;
	size_t alen, acap;
};

#define PACKED (1ULL << 63) /* the key is the ID itself, not a hash */

/*
 * Pack an ID of one or two upper-case letters and 1 to 12 digits
 * ("CA27004512") into a key that is the ID itself: value in bits 0-39,
 * digit count in 40-43, letters in 44-53, PACKED set. Such keys need no
 * text comparison, and consecutive IDs land in consecutive slots, so a
 * sorted extract walks the table in order. 0 when id is of another form.
 */
static uint64_t
pack_id(const char *id, size_t len)
{
	uint64_t v = 0, letters = 0;
	size_t i = 0, nl;

	while (i < len && i < 2 && id[i] >= 'A' && id[i] <= 'Z')
		letters = letters * 32 + (uint64_t)(id[i++] - 'A' + 1);
	nl = i;
	if (nl == 0 || len - nl < 1 || len - nl > 12)
		return 0;
	for (; i < len; i++) {
		if (id[i] < '0' || id[i] > '9')
			return 0;
		v = v * 10 + (uint64_t)(id[i] - '0');
	}
	return PACKED | letters << 44 | (uint64_t)(len - nl) << 40 | v;
}

/*
 * The first slot to probe for key h. Packed keys keep runs of 16
 * consecutive IDs together (one 256-byte stretch of the table) and scatter
 * the runs, so sorted IDs stay cache-friendly without long clusters.
 */
static size_t
slot_of(uint64_t h, size_t cap)
{
	uint64_t run;

	if (!(h & PACKED))
		return h & (cap - 1);
	run = (h >> 4) * 0x9E3779B97F4A7C15ULL;
	return ((run >> 20) << 4 | (h & 15)) & (cap - 1);
}

/* FNV-1a over the bytes, then a final mix; never 0, PACKED clear. */
static uint64_t
hash_id(const char *s, size_t len)
{
	uint64_t h = keyhash_fnv1a(KEYHASH_FNV_BASIS, s, len);

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h &= ~PACKED;
	return h == 0 ? 1 : h;
}

#define HUGE_PAGE ((size_t)2 << 20)

/*
 * A zeroed array of n 64-bit words. Large ones are mapped fresh (the kernel
 * zeroes a page when it is first touched, so the cost is spread over the
 * inserts instead of stalling the start) and marked for huge pages: random
 * probes over tens of MiB then cost a cache miss but no TLB miss, and
 * prefetches are not dropped. Free with idset_table_free().
 */
static struct slot *
table_alloc(size_t n)
{
	size_t bytes = n * sizeof(struct slot);
	void *p;

	if (bytes < HUGE_PAGE)
		return xcalloc(n, sizeof(struct slot));
	p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return xmalloc((size_t)-1); /* cannot be satisfied: stops as out of memory */
#ifdef MADV_HUGEPAGE
	madvise(p, bytes, MADV_HUGEPAGE);
#endif
	return p;
}

/* Free an array of n slots from table_alloc(). */
static void
idset_table_free(struct slot *p, size_t n)
{
	size_t bytes = n * sizeof(struct slot);

	if (p == NULL)
		return;
	if (bytes < HUGE_PAGE)
		free(p);
	else
		munmap(p, bytes);
}

struct idset *
idset_new(void)
{
	return idset_new_sized(0);
}

struct idset *
idset_new_sized(size_t n)
{
	struct idset *s = xcalloc(1, sizeof *s);

	s->cap = 1024;
	while (s->cap < ((size_t)1 << 40) && s->cap / 10 * 7 < n)
		s->cap *= 2;
	s->t = table_alloc(s->cap);
	return s;
}

void
idset_free(struct idset *s)
{
	if (s == NULL)
		return;
	idset_table_free(s->t, s->cap);
	free(s->arena);
	free(s);
}

/* Append line and id to the arena; return the entry's offset. */
static uint64_t
arena_put(struct idset *s, const char *id, size_t len, unsigned long line)
{
	size_t need = len + 13, off = s->alen;
	uint32_t l32 = (uint32_t)len;
	uint64_t l64 = line;

	if (s->alen + need > s->acap) {
		s->acap = s->acap == 0 ? 65536 : s->acap;
		while (s->alen + need > s->acap)
			s->acap *= 2;
		s->arena = xrealloc(s->arena, s->acap);
	}
	memcpy(s->arena + s->alen, &l64, 8);
	s->alen += 8;
	if (len > 0 && len < 256) {
		s->arena[s->alen++] = (unsigned char)len;
	} else {
		s->arena[s->alen++] = 0;
		memcpy(s->arena + s->alen, &l32, 4);
		s->alen += 4;
	}
	memcpy(s->arena + s->alen, id, len);
	s->alen += len;
	return off;
}

/* 1 when the arena entry at off holds id[0..len). */
static int
arena_equal(const struct idset *s, uint64_t off, const char *id, size_t len)
{
	const unsigned char *p = s->arena + off + 8;
	size_t n = *p++;
	uint32_t l32;

	if (n == 0) {
		memcpy(&l32, p, 4);
		n = l32;
		p += 4;
	}
	return n == len && memcmp(p, id, len) == 0;
}

/* The first line stored in the entry at off. */
static unsigned long
arena_line(const struct idset *s, uint64_t off)
{
	uint64_t l64;

	memcpy(&l64, s->arena + off, 8);
	return (unsigned long)l64;
}

/* Double the table and reinsert every slot. */
static void
grow(struct idset *s)
{
	struct slot *old = s->t;
	size_t oldcap = s->cap, i, j;

	s->cap *= 2;
	s->t = table_alloc(s->cap);
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == 0)
			continue;
		j = slot_of(old[i].key, s->cap);
		while (s->t[j].key != 0)
			j = (j + 1) & (s->cap - 1);
		s->t[j] = old[i];
	}
	idset_table_free(old, oldcap);
}

unsigned long
idset_add(struct idset *s, const char *id, size_t len, unsigned long line)
{
	uint64_t h = pack_id(id, len);
	int packed = h != 0;
	size_t j;

	if (!packed)
		h = hash_id(id, len);
	if ((s->count + 1) * 10 > s->cap * 7)
		grow(s);
	j = slot_of(h, s->cap);
	while (s->t[j].key != 0) {
		if (s->t[j].key == h) {
			if (packed)
				return (unsigned long)s->t[j].aux;
			if (arena_equal(s, s->t[j].aux, id, len))
				return arena_line(s, s->t[j].aux);
		}
		j = (j + 1) & (s->cap - 1);
	}
	s->t[j].key = h;
	s->t[j].aux = packed ? line : arena_put(s, id, len, line);
	s->count++;
	return 0;
}

void
idset_prefetch(const struct idset *s, const char *id, size_t len)
{
	uint64_t h = pack_id(id, len);

	if (h == 0)
		h = hash_id(id, len);
	__builtin_prefetch(&s->t[slot_of(h, s->cap)], 1);
}

size_t
idset_count(const struct idset *s)
{
	return s->count;
}

size_t
idset_bytes(const struct idset *s)
{
	return s->cap * sizeof *s->t + s->acap;
}

/* The line where id[0..len) was first seen, or 0 when it is not in the set. */
unsigned long
idset_find(const struct idset *s, const char *id, size_t len)
{
	uint64_t h = pack_id(id, len);
	int packed = h != 0;
	size_t j;

	if (!packed)
		h = hash_id(id, len);
	if (s->cap == 0)
		return 0;
	for (j = slot_of(h, s->cap); s->t[j].key != 0; j = (j + 1) & (s->cap - 1))
		if (s->t[j].key == h) {
			if (packed)
				return (unsigned long)s->t[j].aux;
			if (arena_equal(s, s->t[j].aux, id, len))
				return arena_line(s, s->t[j].aux);
		}
	return 0;
}
