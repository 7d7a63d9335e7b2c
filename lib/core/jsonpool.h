/*
 * jsonpool.h: Jansson's allocations from a few large blocks while a tree is
 * read and dropped, for the reference files a tool loads at start: a tree of
 * a few thousand values then costs no malloc() and free() a value, and is
 * freed at once, without walking it.
 *
 * Between jsonpool_begin() and jsonpool_end() every value Jansson makes
 * comes from the pool; jsonpool_end() empties the pool (keeping its largest
 * block, still reachable, for the next tree), so no value made meanwhile
 * may outlive it (copy out what is kept). Values made before or after are
 * Jansson's usual ones and may be freed at any time. Not for a
 * program whose other threads use Jansson meanwhile. Under AddressSanitizer
 * the pool is never used, so that the trees' memory stays checked.
 */
#ifndef JSONPOOL_H
#define JSONPOOL_H

#include <jansson.h>

/* Start the pool: 1, or 0 when one is already on (then this pair does nothing more). */
int jsonpool_begin(void);
/*
 * End what jsonpool_begin() returned started: free root (NULL: none) and,
 * when started, every value of the pool with it.
 */
void jsonpool_end(int started, json_t *root);

#endif
