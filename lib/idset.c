/*
 * idset.c: open-addressing hash set of IDs. Each slot is a 64-bit hash, the
 * offset of its entry in the arena; an entry is the first line (8 bytes),
 * a length byte (or a 0 byte and a 4-byte length for long IDs) and the ID's
 * bytes. A slot is 16 bytes, an entry 9 + the ID's length.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "idset.h"
#include "xalloc.h"

struct slot {
	uint64_t hash; /* 0 marks an empty slot */
	uint64_t off; /* offset of the entry (line, length, ID) in the arena */
};

struct idset {
	struct slot *slots;
	size_t cap; /* a power of two */
	size_t count;
	unsigned char *arena;
	size_t alen, acap;
};

/* FNV-1a over the bytes, then a final mix; never 0. */
static uint64_t
hash_id(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h == 0 ? 1 : h;
}

struct idset *
idset_new(void)
{
	struct idset *s = xcalloc(1, sizeof *s);

	s->cap = 1024;
	s->slots = xcalloc(s->cap, sizeof *s->slots);
	return s;
}

void
idset_free(struct idset *s)
{
	if (s == NULL)
		return;
	free(s->slots);
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
	struct slot *old = s->slots;
	size_t oldcap = s->cap, i, j;

	s->cap *= 2;
	s->slots = xcalloc(s->cap, sizeof *s->slots);
	for (i = 0; i < oldcap; i++) {
		if (old[i].hash == 0)
			continue;
		j = old[i].hash & (s->cap - 1);
		while (s->slots[j].hash != 0)
			j = (j + 1) & (s->cap - 1);
		s->slots[j] = old[i];
	}
	free(old);
}

unsigned long
idset_add(struct idset *s, const char *id, size_t len, unsigned long line)
{
	uint64_t h = hash_id(id, len);
	size_t j;

	if ((s->count + 1) * 10 > s->cap * 7)
		grow(s);
	j = h & (s->cap - 1);
	while (s->slots[j].hash != 0) {
		if (s->slots[j].hash == h && arena_equal(s, s->slots[j].off, id, len))
			return arena_line(s, s->slots[j].off);
		j = (j + 1) & (s->cap - 1);
	}
	s->slots[j].hash = h;
	s->slots[j].off = arena_put(s, id, len, line);
	s->count++;
	return 0;
}

size_t
idset_count(const struct idset *s)
{
	return s->count;
}

size_t
idset_bytes(const struct idset *s)
{
	return s->cap * sizeof *s->slots + s->acap;
}
