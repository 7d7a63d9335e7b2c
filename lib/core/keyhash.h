/*
 * keyhash.h: the keyed hash that ranks cases for sample-cases: SipHash-2-4
 * (Aumasson and Bernstein, 2012) with its 128-bit key derived from a 64-bit
 * seed by splitmix64. Anyone holding the seed can recompute every rank.
 *
 * Ownership: a keyhash_key is a plain value; nothing here allocates.
 */
#ifndef KEYHASH_H
#define KEYHASH_H

#include <stddef.h>
#include <stdint.h>

struct keyhash_key {
	uint64_t k0; /* first 8 key bytes, little-endian */
	uint64_t k1; /* last 8 key bytes, little-endian */
};

/* Advance *state by the splitmix64 increment and return the next output. */
uint64_t keyhash_splitmix64(uint64_t *state);
/* The key of a seed: k0, k1 = the first two splitmix64 outputs from state seed. */
void keyhash_from_seed(uint64_t seed, struct keyhash_key *out);
/* SipHash-2-4 of len bytes at p under key. */
uint64_t keyhash_sip(const struct keyhash_key *key, const void *p, size_t len);
/*
 * SipHash-1-3 (one round a block, three to finish: the variant hash tables
 * use against flooding, where a run's key is secret and short-lived) of len
 * bytes at p, and of the 8 bytes of w little-endian (the same value, faster).
 */
uint64_t keyhash_sip13(const struct keyhash_key *key, const void *p, size_t len);
uint64_t keyhash_sip13_word(const struct keyhash_key *key, uint64_t w);

/*
 * This run's secret key for the hash tables of input keys (getrandom(), else
 * /dev/urandom, else the clock and pid), drawn at the first call.
 */
const struct keyhash_key *keyhash_run_key(void);

/* Where an FNV-1a hash starts. */
#define KEYHASH_FNV_BASIS 14695981039346656037ULL
/*
 * FNV-1a (64-bit) of len bytes at p, continuing from h: unkeyed, for tables
 * of the program's own keys and for stable identifiers (calendar UIDs); a
 * table of input keys wants keyhash_sip() with a per-run key.
 */
uint64_t keyhash_fnv1a(uint64_t h, const void *p, size_t len);

#endif
