/*
 * memo.c: an open-addressing table of strings and values, half empty at
 * most, hashed on the length and the first and last bytes of each string.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/memo.h"
#include "core/xalloc.h"

#define MEMO_LIMIT 4096

struct memo {
	size_t slots; /* a power of two, at least twice max */
	size_t max, n;
	char **keys; /* NULL when the slot is empty */
	size_t *lens;
	long *vals;
};

/* A cheap hash of a short value: its length and first and last 8 bytes. */
static uint64_t
hash_value(const char *s, size_t len)
{
	uint64_t a = 0, b = 0, h;

	memcpy(&a, s, len < 8 ? len : 8);
	if (len > 8)
		memcpy(&b, s + len - 8, 8);
	h = (a ^ (b * 0x9E3779B97F4A7C15ULL) ^ len) * 0xff51afd7ed558ccdULL;
	return h ^ (h >> 29);
}

struct memo *
memo_new(size_t max)
{
	struct memo *m = xcalloc(1, sizeof *m);

	m->max = max < MEMO_LIMIT ? max : MEMO_LIMIT;
	m->slots = 16;
	while (m->slots < 2 * m->max)
		m->slots *= 2;
	m->keys = xcalloc(m->slots, sizeof *m->keys);
	m->lens = xcalloc(m->slots, sizeof *m->lens);
	m->vals = xcalloc(m->slots, sizeof *m->vals);
	return m;
}

void
memo_free(struct memo *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->slots; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->lens);
	free(m->vals);
	free(m);
}

/* The slot holding s, or the empty slot where it would go. */
static size_t
slot_of(const struct memo *m, const char *s, size_t len)
{
	size_t j = hash_value(s, len) & (m->slots - 1);

	while (m->keys[j] != NULL && (m->lens[j] != len || memcmp(m->keys[j], s, len) != 0))
		j = (j + 1) & (m->slots - 1);
	return j;
}

int
memo_get(const struct memo *m, const char *s, size_t len, long *val)
{
	size_t j = slot_of(m, s, len);

	if (m->keys[j] == NULL)
		return 0;
	*val = m->vals[j];
	return 1;
}

int
memo_put(struct memo *m, const char *s, size_t len, long val)
{
	size_t j = slot_of(m, s, len);

	if (m->keys[j] != NULL) {
		m->vals[j] = val;
		return 0;
	}
	if (m->n >= m->max)
		return -1;
	m->keys[j] = xstrndup(s, len);
	m->lens[j] = len;
	m->vals[j] = val;
	m->n++;
	return 0;
}

size_t
memo_count(const struct memo *m)
{
	return m->n;
}
