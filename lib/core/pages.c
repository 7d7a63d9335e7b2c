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

/*
 * Under AddressSanitizer, a mapped block is a root region of the leak
 * checker: it scans the block for pointers as it scans the heap, so that
 * memory a block points to (the redaction words' text) is not taken for
 * leaked. Registered and unregistered with the same start and length.
 */
#if defined(__SANITIZE_ADDRESS__)
#define PAGES_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PAGES_LSAN 1
#endif
#endif
#ifdef PAGES_LSAN
#include <sanitizer/lsan_interface.h>
#define pages_root(p, len) __lsan_register_root_region((p), (len))
#define pages_unroot(p, len) __lsan_unregister_root_region((p), (len))
#else
#define pages_root(p, len) ((void)(p), (void)(len))
#define pages_unroot(p, len) ((void)(p), (void)(len))
#endif

/* A block's mapped length: whole huge pages. */
#define PAGES_LEN(bytes) (((bytes) + HUGE_ALIGN - 1) & ~(HUGE_ALIGN - 1))

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
	len = PAGES_LEN(bytes);
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
	pages_root(q, len);
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
	len = PAGES_LEN(bytes);
	pages_unroot(p, PAGES_LEN(old));
	q = mremap(p, PAGES_LEN(old), len, MREMAP_MAYMOVE);
	if (q == MAP_FAILED)
		return xmalloc(SIZE_MAX);
#ifdef MADV_HUGEPAGE
	madvise(q, len, MADV_HUGEPAGE);
#endif
	pages_root(q, len);
	return q;
}

void
pages_free(void *p, size_t n, size_t size)
{
	if (p == NULL)
		return;
	if (n * size < PAGES_MIN)
		free(p);
	else {
		pages_unroot(p, PAGES_LEN(n * size));
		munmap(p, PAGES_LEN(n * size));
	}
}
