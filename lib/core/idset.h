/*
 * idset.h: a compact set of identifiers (Case IDs) with the line where each
 * was first seen, for duplicate detection over files of millions of rows.
 * IDs of up to 12 letters, digits and hyphens are packed into the key, 12
 * bytes a slot (15 to 22.5 bytes an ID as the table fills and grows in
 * place); others keep their bytes in an arena and compare text only on a
 * hash match, so the set never reports a false duplicate. Slots are found
 * by a hash drawn each run: no input makes the set quadratic.
 *
 * Ownership: the set owns copies of the IDs added; callers keep their strings.
 */
#ifndef IDSET_H
#define IDSET_H

#include <stddef.h>
#include <stdint.h>

struct idset;

struct idset *idset_new(void);
/* A set sized for about n IDs, so that it need not grow on the way. */
struct idset *idset_new_sized(size_t n);
void idset_free(struct idset *);
/*
 * Add id[0..len) first seen on line. Return 0 when it is new, or the line
 * where it was first seen when it is already in the set.
 */
unsigned long idset_add(struct idset *, const char *id, size_t len, unsigned long line);
/* The line where id[0..len) was first seen, or 0 when it is not in the set. */
unsigned long idset_find(const struct idset *, const char *id, size_t len);
/*
 * Start loading the slot where id would go (a hint, for IDs met soon). The
 * key and hash of the last few packed IDs are kept with their bytes, in the
 * order prefetched: adding one soon after, in that order (IDs prefetched and
 * never added are stepped over), neither packs nor hashes it again.
 */
void idset_prefetch(struct idset *, const char *id, size_t len);
/*
 * idset_prefetch() of ids[0..n) (lengths lens[]), in that order, with the
 * loads issued together once every slot is known: on a large table their
 * cache and TLB misses overlap.
 */
void idset_prefetch_many(struct idset *, const char *const *ids, const size_t *lens, size_t n);
size_t idset_count(const struct idset *);
/*
 * An ID of 1 to 12 upper-case letters, digits and hyphens as a 64-bit key
 * that is the ID itself (never 0, below 2^63), or 0 for another form; and
 * back: idset_unpack() writes the ID and its NUL into buf (13 bytes), its length.
 */
uint64_t idset_pack(const char *id, size_t len);
size_t idset_unpack(uint64_t key, char *buf);
/* Bytes the set holds (table and arena), for the benchmark's figures. */
size_t idset_bytes(const struct idset *);
/*
 * How far the IDs lie past their home slots, on average, in slots (the
 * slots a find of one reads beyond the first): under 2 for a good hash up
 * to 80% full, whatever the IDs. For tests; it reads the whole table.
 */
double idset_mean_probe(const struct idset *);

#endif
