/*
 * test_heap.c: heap_huge() leaves malloc working: blocks of every size
 * taken after it keep their bytes, free() and realloc() work across the
 * boundary it sets, and a second call (the heap already moved) is
 * harmless. When it is done (glibc's malloc), the blocks come from the
 * heap it grew, below the end of the heap, and so do a second thread's.
 */
#include <check.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/heap.h"

Suite *make_suite_heap(void);

#define NBLOCKS 3000

START_TEST(malloc_works_after_heap_huge)
{
	static unsigned char *block[NBLOCKS];
	static size_t len[NBLOCKS];
	int done = heap_huge(), again = heap_huge();
	size_t i, j, bad = 0;

	ck_assert_int_ge(done, 0);
	ck_assert_int_le(done, 1);
	ck_assert_int_ge(again, 0);
	ck_assert_int_le(again, 1);
	/* sizes from 1 byte to 12 KiB, in all about 18 MiB: past the first 2 MiB pieces */
	for (i = 0; i < NBLOCKS; i++) {
		len[i] = 1 + (i * 4099) % 12288;
		block[i] = malloc(len[i]);
		ck_assert_ptr_nonnull(block[i]);
		memset(block[i], (int)(i & 0xff), len[i]);
	}
	if (done)
		ck_assert_uint_lt((uintptr_t)block[NBLOCKS - 1], (uintptr_t)sbrk(0));
	/* free every other one, grow the rest */
	for (i = 0; i < NBLOCKS; i += 2) {
		free(block[i]);
		block[i] = NULL;
	}
	for (i = 1; i < NBLOCKS; i += 2) {
		block[i] = realloc(block[i], len[i] * 2);
		ck_assert_ptr_nonnull(block[i]);
	}
	for (i = 1; i < NBLOCKS; i += 2)
		for (j = 0; j < len[i]; j++)
			bad += block[i][j] != (unsigned char)(i & 0xff);
	ck_assert_uint_eq(bad, 0);
	for (i = 0; i < NBLOCKS; i++)
		free(block[i]);
}
END_TEST

static void *
thread_block(void *arg)
{
	(void)arg;
	return malloc(64 << 10);
}

START_TEST(a_thread_allocates_from_the_same_heap)
{
	int done = heap_huge();
	pthread_t th;
	void *block = NULL;

	ck_assert_int_eq(pthread_create(&th, NULL, thread_block, NULL), 0);
	ck_assert_int_eq(pthread_join(th, &block), 0);
	ck_assert_ptr_nonnull(block);
	memset(block, 1, 64 << 10);
	/* a thread's own arena is mapped far above the heap's end */
	if (done)
		ck_assert_uint_lt((uintptr_t)block, (uintptr_t)sbrk(0));
	free(block);
}
END_TEST

Suite *
make_suite_heap(void)
{
	Suite *s = suite_create("heap");
	TCase *tc = tcase_create("heap");

	tcase_add_test(tc, malloc_works_after_heap_huge);
	tcase_add_test(tc, a_thread_allocates_from_the_same_heap);
	suite_add_tcase(s, tc);
	return s;
}
