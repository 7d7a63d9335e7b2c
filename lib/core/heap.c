/*
 * heap.c: the malloc heap on huge pages (see heap.h).
 */
#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/heap.h"

#define HEAP_HUGE ((uintptr_t)2 << 20)
#define HEAP_SMALL ((uintptr_t)128 << 10) /* the heap's start, on 4 KiB pages */
#define HEAP_PAD ((size_t)32 << 20) /* room malloc reserves (and keeps) at each growth */
#define HEAP_PROBE ((size_t)32 << 10) /* blocks allocated until the heap grows */
#define HEAP_PROBES 16

int
heap_huge(void)
{
	uintptr_t cur = (uintptr_t)sbrk(0), huge, start, end;
	void *probe[HEAP_PROBES];
	int n = 0;

	if (cur == (uintptr_t)-1)
		return 0;
	/* the end of the heap: HEAP_SMALL below a 2 MiB boundary */
	huge = (cur + HEAP_SMALL + HEAP_HUGE - 1) & ~(HEAP_HUGE - 1);
	start = huge - HEAP_SMALL;
	if (sbrk((intptr_t)(start - cur)) == (void *)-1)
		return 0;
	/*
	 * Have malloc grow the heap now, by HEAP_PAD at least: its blocks and
	 * its top chunk's header lie below the boundary, so nothing above it
	 * is touched before it is advised. A foreign sbrk() (the gap above) is
	 * one glibc's malloc allows for. The pad also keeps free() from giving
	 * the advised room back.
	 */
	mallopt(M_TOP_PAD, (int)HEAP_PAD);
	/* one arena: a thread's blocks come from this heap, not a fresh one */
	mallopt(M_ARENA_MAX, 1);
	while (n < HEAP_PROBES && (uintptr_t)sbrk(0) == start)
		probe[n++] = malloc(HEAP_PROBE);
	end = (uintptr_t)sbrk(0) & ~(HEAP_HUGE - 1);
	while (n > 0)
		free(probe[--n]);
	if (end <= huge)
		return 0;
#ifdef MADV_HUGEPAGE
	return madvise((void *)huge, end - huge, MADV_HUGEPAGE) == 0;
#else
	return 0;
#endif
}
