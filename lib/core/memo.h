/*
 * memo.h: remember a small integer for each of a bounded number of short
 * strings (the few distinct values of a column: gender, case type, service
 * area), so a lookup repeated a million times costs one hash probe. The
 * hash is keyed per run (keyhash_run_key()): input cannot choose collisions.
 *
 * Ownership: the memo keeps its own copies of the strings.
 */
#ifndef MEMO_H
#define MEMO_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct memo;

/* A memo of at most max strings (at most 4096). */
struct memo *memo_new(size_t max);
/*
 * A memo of at most max strings (at most 16384) asked about many more
 * (case names: a long tail), its front cache growing to 8192 strings
 * (320 KB) as lookups miss it.
 */
struct memo *memo_new_large(size_t max);
void memo_free(struct memo *);
/* Forget every string. */
void memo_clear(struct memo *);
/* 1 with *val when s[0..len) is remembered, else 0. */
int memo_get(const struct memo *, const char *s, size_t len, long *val);
/* Remember s[0..len) -> val: 0, or -1 when the memo is full (s not kept). */
int memo_put(struct memo *, const char *s, size_t len, long val);
size_t memo_count(const struct memo *);
/*
 * Start loading where memo_get() of s[0..len) will look first (a hint, for
 * a string asked about soon: a large memo's front cache is hundreds of KB).
 */
void memo_prefetch(const struct memo *, const char *s, size_t len);
/*
 * An unkeyed hash of s[0..len)'s length and first and last 8 bytes, for
 * picking a cache slot where a collision costs a miss, never a longer probe.
 * Inline: the per-field caches of a million-row check call it a dozen
 * times a row, for which a call costs as much as the hash.
 */
static inline uint64_t
memo_quick_hash(const char *s, size_t len)
{
	uint64_t a = len, b = 0;

	if (len >= 8) {
		memcpy(&a, s, 8);
		memcpy(&b, s + len - 8, 8);
		b ^= len;
	} else if (len > 0)
		a = a << 24 | (uint64_t)(unsigned char)s[0] << 16 |
		    (uint64_t)(unsigned char)s[len / 2] << 8 | (unsigned char)s[len - 1];
	return a * UINT64_C(0x9e3779b97f4a7c15) ^ b * UINT64_C(0xc2b2ae3d27d4eb4f);
}

#endif
