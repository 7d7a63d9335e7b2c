/*
 * test_sample_keyhash.c: SipHash-2-4 against the reference vectors of the
 * SipHash paper, and splitmix64 against its published first outputs.
 */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "core/keyhash.h"

/* The paper's key 00 01 .. 0f, little-endian. */
static const struct keyhash_key paper_key = {UINT64_C(0x0706050403020100),
                                             UINT64_C(0x0f0e0d0c0b0a0908)};

static const struct {
	size_t len; /* message 00 01 02 .. len-1 */
	uint64_t want;
} sip_vectors[] = {
    {0, UINT64_C(0x726fdb47dd0e0e31)},  {1, UINT64_C(0x74f839c593dc67fd)},
    {7, UINT64_C(0xab0200f58b01d137)},  {8, UINT64_C(0x93f5f5799a932462)},
    {15, UINT64_C(0xa129ca6149be45e5)}, {63, UINT64_C(0x958a324ceb064572)},
};

START_TEST(test_sip_vectors)
{
	unsigned char msg[64];
	size_t i;

	for (i = 0; i < sizeof msg; i++)
		msg[i] = (unsigned char)i;
	ck_assert_uint_eq(keyhash_sip(&paper_key, msg, sip_vectors[_i].len), sip_vectors[_i].want);
}
END_TEST

START_TEST(test_splitmix)
{
	uint64_t state = 0;
	struct keyhash_key k;

	ck_assert_uint_eq(keyhash_splitmix64(&state), UINT64_C(0xe220a8397b1dcdaf));
	ck_assert_uint_eq(keyhash_splitmix64(&state), UINT64_C(0x6e789e6aa1b965f4));
	keyhash_from_seed(0, &k);
	ck_assert_uint_eq(k.k0, UINT64_C(0xe220a8397b1dcdaf));
	ck_assert_uint_eq(k.k1, UINT64_C(0x6e789e6aa1b965f4));
}
END_TEST

START_TEST(test_seed_changes_key)
{
	struct keyhash_key a, b;

	keyhash_from_seed(1, &a);
	keyhash_from_seed(2, &b);
	ck_assert(a.k0 != b.k0 && a.k1 != b.k1);
	ck_assert(keyhash_sip(&a, "CA27004512", 10) != keyhash_sip(&b, "CA27004512", 10));
	ck_assert_uint_eq(keyhash_sip(&a, "CA27004512", 10), keyhash_sip(&a, "CA27004512", 10));
}
END_TEST

/*
 * SipHash-1-3 shares SipHash-2-4's code (checked by the paper's vectors
 * above) with fewer rounds: it differs from it, and the one-word form is the
 * byte form of the word's 8 little-endian bytes.
 */
START_TEST(test_sip13)
{
	struct keyhash_key k;
	unsigned char b[8];
	uint64_t w = 0x0123456789abcdefULL, st = 7;
	int i, j;

	keyhash_from_seed(42, &k);
	for (i = 0; i < 1000; i++) {
		for (j = 0; j < 8; j++)
			b[j] = (unsigned char)(w >> (8 * j));
		ck_assert_uint_eq(keyhash_sip13_word(&k, w), keyhash_sip13(&k, b, 8));
		ck_assert(keyhash_sip13(&k, b, 8) != keyhash_sip(&k, b, 8));
		w = keyhash_splitmix64(&st);
	}
	ck_assert(keyhash_sip13(&k, "CA27004512", 10) != keyhash_sip13(&k, "CA27004513", 10));
}
END_TEST

Suite *make_suite_sample_keyhash(void);

Suite *
make_suite_sample_keyhash(void)
{
	Suite *s = suite_create("sample_keyhash");
	TCase *tc = tcase_create("keyhash");

	tcase_add_test(tc, test_sip13);
	tcase_add_loop_test(tc, test_sip_vectors, 0, sizeof sip_vectors / sizeof sip_vectors[0]);
	tcase_add_test(tc, test_splitmix);
	tcase_add_test(tc, test_seed_changes_key);
	suite_add_tcase(s, tc);
	return s;
}
