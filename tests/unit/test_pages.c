/*
 * test_pages.c: large blocks come zeroed and on a 2 MiB boundary (so that
 * the kernel can back them with huge pages), small ones from calloc(); both
 * are writable to their last byte and released by pages_free().
 */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "core/pages.h"

Suite *make_suite_pages(void);

START_TEST(large_block_aligned_and_zeroed)
{
	size_t n = 3 * 1000 * 1000 + 7, i, nonzero = 0;
	unsigned char *p = pages_alloc(n, 1);

	ck_assert_ptr_nonnull(p);
	ck_assert_uint_eq((uintptr_t)p % ((uintptr_t)2 << 20), 0);
	for (i = 0; i < n; i += 4096)
		nonzero += p[i] != 0;
	nonzero += p[n - 1] != 0;
	ck_assert_uint_eq(nonzero, 0);
	memset(p, 0xab, n);
	ck_assert_uint_eq(p[n - 1], 0xab);
	pages_free(p, n, 1);
}
END_TEST

START_TEST(small_block_zeroed)
{
	size_t n = 1000, i;
	int *p = pages_alloc(n, sizeof(int));

	ck_assert_ptr_nonnull(p);
	for (i = 0; i < n; i++)
		ck_assert_int_eq(p[i], 0);
	p[n - 1] = 7;
	pages_free(p, n, sizeof(int));
	pages_free(NULL, 5, 1);
}
END_TEST

Suite *
make_suite_pages(void)
{
	Suite *s = suite_create("pages");
	TCase *tc = tcase_create("pages");

	tcase_add_test(tc, large_block_aligned_and_zeroed);
	tcase_add_test(tc, small_block_zeroed);
	suite_add_tcase(s, tc);
	return s;
}
