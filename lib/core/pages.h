/*
 * pages.h: large zeroed blocks straight from the kernel, on huge pages
 * where it gives them. A table of a few megabytes touched at random (the
 * redaction word table: a million slots) costs, on 4 KiB pages, a page
 * fault for every page and a TLB miss for most look-ups; on a virtual
 * machine each fault is dear. A block of PAGES_MIN bytes or more is mapped
 * in whole 2 MiB pieces on a 2 MiB boundary and advised as huge (madvise
 * MADV_HUGEPAGE), so the kernel fills it 2 MiB at a time; a smaller one
 * comes from calloc().
 */
#ifndef PAGES_H
#define PAGES_H

#include <stddef.h>

#define PAGES_MIN ((size_t)512 << 10)

/* n * size zeroed bytes (stops as out of memory when they cannot be had). */
void *pages_alloc(size_t n, size_t size);
/*
 * Grow a block of pages_alloc(oldn, size) (NULL and 0: a new one) to n *
 * size bytes (n >= oldn), keeping its contents, the bytes added zero. A mapped block is
 * moved by the kernel (mremap: pages, not bytes), never copied, so a
 * growing array never holds two copies at once.
 */
void *pages_resize(void *p, size_t oldn, size_t n, size_t size);
/* Release a block of pages_alloc(n, size) (NULL is ignored). */
void pages_free(void *p, size_t n, size_t size);

#endif
