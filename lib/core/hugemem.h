/*
 * hugemem.h: large arrays that grow without a copy and fault in few pages:
 * mapped memory, grown by the kernel moving its pages (mremap), with
 * transparent huge pages asked for (madvise), so that a million rows fault
 * in a few dozen pages rather than tens of thousands. Out of memory stops
 * the program as xalloc.h says.
 *
 * Ownership: the caller keeps the size it asked for and gives it back to
 * hugemem_resize() and hugemem_free().
 */
#ifndef HUGEMEM_H
#define HUGEMEM_H

#include <stddef.h>

/*
 * Resize p (old bytes; NULL and 0 for a new array) to bytes, keeping its
 * contents; bytes added are zero.
 */
void *hugemem_resize(void *p, size_t old, size_t bytes);
void hugemem_free(void *p, size_t bytes);

#endif
