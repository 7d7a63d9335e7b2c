/*
 * intern.h: a table of distinct fixed-size records (a few 32-bit words:
 * the hashes that make up a key), each given a dense index the first time
 * it is put, so that millions of rows sharing a few thousand such keys keep
 * 4 bytes each instead of the key. The index is probed from a hash keyed
 * for the run (keyhash_run_key()): records chosen to collide under one run's
 * key do not under the next, so no input makes it slow.
 *
 * A lookup misses the cache twice on a large table (the index slot, then
 * the record); intern_put_many() starts every load of a batch before it
 * waits for any, so that the misses overlap.
 *
 * Ownership: the table keeps its own copies of the records.
 */
#ifndef INTERN_H
#define INTERN_H

#include <stddef.h>
#include <stdint.h>

#define INTERN_MAX_WORDS 16 /* words in a record */
#define INTERN_MAX_COUNT ((size_t)1 << 30) /* distinct records */

struct intern;

/* A table of records of words 32-bit words (1 to INTERN_MAX_WORDS). */
struct intern *intern_new(size_t words);
void intern_free(struct intern *);
/* The index of rec (words words), added when new (stops as out of memory past INTERN_MAX_COUNT). */
uint32_t intern_put(struct intern *, const uint32_t *rec);
/* intern_put() of n records end to end at recs, into ids[0..n): the same indexes, faster. */
void intern_put_many(struct intern *, const uint32_t *recs, size_t n, uint32_t *ids);
/*
 * intern_put() in three steps, for a caller that spreads them over its
 * work so that each load has arrived when it is needed: intern_start()
 * starts loading rec's index slot and gives a ticket; intern_advance(),
 * some time later, starts loading the record the slot names; intern_finish()
 * (the record unchanged) gives what intern_put() would. A ticket outlives
 * puts in between (a stale one costs a fresh lookup).
 */
uint64_t intern_start(const struct intern *, const uint32_t *rec);
void intern_advance(const struct intern *, uint64_t ticket);
uint32_t intern_finish(struct intern *, uint64_t ticket, const uint32_t *rec);
/* The record of index i (valid until the next put). */
const uint32_t *intern_get(const struct intern *, uint32_t i);
size_t intern_count(const struct intern *);
/* Bytes held, for the benchmark's figures. */
size_t intern_bytes(const struct intern *);

#endif
