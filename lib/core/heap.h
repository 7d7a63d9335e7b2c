/*
 * heap.h: the malloc heap on huge pages. On this kind of machine (a virtual
 * machine) every fresh 4 KiB page a process touches costs a page fault of
 * about 16 us, as much as some 50,000 instructions; a tool that builds a
 * few megabytes of small objects (a Jansson tree, its documents) spends
 * more on faults than on work. heap_huge() moves the end of the heap to
 * just below a 2 MiB boundary and has malloc reserve its room beyond it in
 * one piece, advised as huge (madvise MADV_HUGEPAGE): the first 128 KiB a
 * tool allocates stay on 4 KiB pages (a small run pays for no huge page),
 * and what follows is filled 2 MiB at a time. Every thread allocates from
 * this one heap (M_ARENA_MAX 1): a second thread (lib/core/csvbatch's
 * reader) would otherwise get an arena of its own, on 4 KiB pages, and
 * fault some 250 times on a 2,300-row extract.
 *
 * Only glibc's malloc grows the heap with sbrk(); under another allocator
 * (a sanitizer's, valgrind's) the heap does not move and nothing is
 * advised. Call it first thing in main(), before the heap grows.
 */
#ifndef HEAP_H
#define HEAP_H

/* Put the heap's further growth on huge pages; 1 when done, 0 when not. */
int heap_huge(void);

#endif
