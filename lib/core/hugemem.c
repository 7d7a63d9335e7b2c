/*
 * hugemem.c: mapped arrays with huge pages (see hugemem.h).
 */
#include <sys/mman.h>

#include "core/hugemem.h"
#include "core/xalloc.h"

void *
hugemem_resize(void *p, size_t old, size_t bytes)
{
	void *q;

	if (bytes == 0)
		bytes = 1;
	q = p == NULL
	        ? mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
	        : mremap(p, old, bytes, MREMAP_MAYMOVE);
	if (q == MAP_FAILED)
		return xmalloc((size_t)-1); /* cannot be satisfied: stops as out of memory */
#ifdef MADV_HUGEPAGE
	madvise(q, bytes, MADV_HUGEPAGE);
#endif
	return q;
}

void
hugemem_free(void *p, size_t bytes)
{
	if (p != NULL)
		munmap(p, bytes == 0 ? 1 : bytes);
}
