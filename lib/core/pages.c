/*
 * pages.c: large zeroed blocks on huge pages (see pages.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/pages.h"
#include "core/xalloc.h"

#define HUGE_ALIGN ((size_t)2 << 20)

/* The bytes of n * size, stopping as out of memory when they overflow. */
static size_t
bytes_of(size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size - HUGE_ALIGN)
		(void)xmalloc(SIZE_MAX); /* cannot be satisfied: stops as out of memory */
	return n * size;
}

void *
pages_alloc(size_t n, size_t size)
{
	size_t bytes = bytes_of(n, size), len, lead, tail;
	char *p, *q;

	if (bytes < PAGES_MIN)
		return xcalloc(n, size);
	/* whole huge pages: a mapping shorter than 2 MiB cannot hold one */
	len = (bytes + HUGE_ALIGN - 1) & ~(HUGE_ALIGN - 1);
	/* map 2 MiB more, then unmap the ends so that the block starts on a boundary */
	p = mmap(NULL, len + HUGE_ALIGN, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
	         0);
	if (p == MAP_FAILED)
		return xmalloc(SIZE_MAX);
	q = (char *)(((uintptr_t)p + HUGE_ALIGN - 1) & ~(uintptr_t)(HUGE_ALIGN - 1));
	lead = (size_t)(q - p);
	tail = HUGE_ALIGN - lead;
	if (lead > 0)
		munmap(p, lead);
	if (tail > 0)
		munmap(q + len, tail);
#ifdef MADV_HUGEPAGE
	madvise(q, len, MADV_HUGEPAGE);
#endif
	return q;
}

void *
pages_resize(void *p, size_t oldn, size_t n, size_t size)
{
	size_t old = oldn * size, bytes = bytes_of(n, size), len;
	char *q;

	if (p == NULL || n <= oldn) {
		if (p == NULL)
			return pages_alloc(n, size);
		return p;
	}
	if (bytes < PAGES_MIN) {
		q = xreallocarray(p, n, size);
		memset(q + old, 0, bytes - old);
		return q;
	}
	if (old < PAGES_MIN) {
		q = pages_alloc(n, size);
		memcpy(q, p, old);
		free(p);
		return q;
	}
	len = (bytes + HUGE_ALIGN - 1) & ~(HUGE_ALIGN - 1);
	q = mremap(p, (old + HUGE_ALIGN - 1) & ~(HUGE_ALIGN - 1), len, MREMAP_MAYMOVE);
	if (q == MAP_FAILED)
		return xmalloc(SIZE_MAX);
#ifdef MADV_HUGEPAGE
	madvise(q, len, MADV_HUGEPAGE);
#endif
	return q;
}

void
pages_free(void *p, size_t n, size_t size)
{
	if (p == NULL)
		return;
	if (n * size < PAGES_MIN)
		free(p);
	else
		munmap(p, (n * size + HUGE_ALIGN - 1) & ~(HUGE_ALIGN - 1));
}
