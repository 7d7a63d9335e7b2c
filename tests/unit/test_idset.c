/*
 * test_idset.c: the compact Case ID set: first-seen lines, growth past the
 * initial table (in place, many times over, IDs in random order, from the
 * default size and from the smallest a hint gives), long IDs
 * and IDs that differ only late, the packed forms, lines past 2^32; an ID
 * packed and unpacked is itself, and only the packed form packs; prefetched
 * IDs are found as any other, and a prefetched near twin is never taken
 * for the ID added.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "core/idset.h"

START_TEST(test_first_seen)
{
	struct idset *s = idset_new();

	ck_assert_uint_eq(idset_add(s, "CA00000001", 10, 2), 0);
	ck_assert_uint_eq(idset_add(s, "CA00000002", 10, 3), 0);
	ck_assert_uint_eq(idset_add(s, "CA00000001", 10, 7), 2);
	ck_assert_uint_eq(idset_add(s, "CA00000001", 10, 9), 2);
	ck_assert_uint_eq(idset_add(s, "CA0000000", 9, 10), 0);
	ck_assert_uint_eq(idset_count(s), 3);
	idset_free(s);
}
END_TEST

START_TEST(test_many)
{
	struct idset *s = idset_new();
	char id[32];
	unsigned long i;

	for (i = 0; i < 200000; i++) {
		snprintf(id, sizeof id, "CA%08lu", i);
		ck_assert_uint_eq(idset_add(s, id, 10, i + 2), 0);
	}
	for (i = 0; i < 200000; i += 997) {
		snprintf(id, sizeof id, "CA%08lu", i);
		ck_assert_uint_eq(idset_add(s, id, 10, 1000000), i + 2);
	}
	/* IDs of another form are hashed; CA1 is not CA01. */
	for (i = 0; i < 50000; i++) {
		snprintf(id, sizeof id, "case/%lu", i);
		ck_assert_uint_eq(idset_add(s, id, strlen(id), i + 300000), 0);
	}
	for (i = 0; i < 50000; i += 101) {
		snprintf(id, sizeof id, "case/%lu", i);
		ck_assert_uint_eq(idset_add(s, id, strlen(id), 1), i + 300000);
	}
	ck_assert_uint_eq(idset_add(s, "CA1", 3, 5), 0);
	ck_assert_uint_eq(idset_add(s, "CA01", 4, 6), 0);
	ck_assert_uint_eq(idset_add(s, "C01", 3, 7), 0);
	ck_assert_uint_eq(idset_add(s, "CA1", 3, 8), 5);
	ck_assert_uint_eq(idset_count(s), 250003);
	ck_assert(idset_bytes(s) < ((size_t)16 << 20)); /* 16 MiB for 250k IDs */
	idset_free(s);
}
END_TEST

START_TEST(test_long_ids)
{
	struct idset *s = idset_new();
	char a[400], b[400];

	memset(a, 'x', sizeof a);
	memcpy(b, a, sizeof b);
	b[399] = 'y';
	ck_assert_uint_eq(idset_add(s, a, sizeof a, 2), 0);
	ck_assert_uint_eq(idset_add(s, b, sizeof b, 3), 0);
	ck_assert_uint_eq(idset_add(s, a, sizeof a, 4), 2);
	ck_assert_uint_eq(idset_add(s, b, sizeof b, 5), 3);
	ck_assert_uint_eq(idset_add(s, "", 0, 6), 0);
	ck_assert_uint_eq(idset_add(s, "", 0, 7), 6);
	idset_free(s);
}
END_TEST

/* A random number (xorshift64*), for IDs in no order. */
static unsigned long long
next_rnd(unsigned long long *st)
{
	*st ^= *st >> 12;
	*st ^= *st << 25;
	*st ^= *st >> 27;
	return *st * 2685821657736338717ULL;
}

/*
 * A set grown from its smallest size past many in-place growths, with IDs
 * in random order, of both forms, each added two or three times: every
 * answer is the line where the ID was first added (checked against a plain
 * array), and packed IDs cost at most 24 bytes each.
 */
START_TEST(test_growth)
{
	enum { N = 300000 };
	static unsigned long first[N];
	unsigned long long st = 0x9E3779B97F4A7C15ULL + (unsigned long long)_i;
	int form = _i % 3; /* packed IDs, some not packed, hyphenated */
	/* from the default size, and from the smallest a hint gives */
	struct idset *s = _i < 3 ? idset_new() : idset_new_sized(2);
	unsigned long line, k, got;
	char id[32];
	size_t len;

	memset(first, 0, sizeof first);
	for (line = 2; line < 2 + 2 * (unsigned long)N; line++) {
		k = (unsigned long)(next_rnd(&st) % N);
		if (form == 1 && k % 7 == 0)
			len = (size_t)snprintf(id, sizeof id, "other/%lu", k);
		else
			len = (size_t)snprintf(id, sizeof id, form == 2 ? "AB-%lu" : "CA%08lu", k);
		got = idset_add(s, id, len, line);
		ck_assert_uint_eq(got, first[k]);
		if (first[k] == 0)
			first[k] = line;
	}
	for (k = 0, len = 0; k < N; k++)
		len += first[k] != 0;
	ck_assert_uint_eq(idset_count(s), len);
	ck_assert_uint_gt(len, N / 2);
	if (form != 1)
		ck_assert_uint_le(idset_bytes(s), 24 * len);
	idset_free(s);
}
END_TEST

/* Every packed form is its own: case, length, leading zeros, hyphens. */
START_TEST(test_forms)
{
	static const char *const ids[] = {
	    "A",
	    "AA",
	    "A0",
	    "0A",
	    "00",
	    "0",
	    "-",
	    "--",
	    "A-",
	    "-A",
	    "ca1",
	    "CA1",
	    "CA01",
	    "CA001",
	    "ZZZZZZZZZZZZ",
	    "999999999999",
	    "------------",
	    "ZZZZZZZZZZZZZ",
	    "CA 1",
	    "Ca1",
	    "é",
	};
	struct idset *s = idset_new_sized(3);
	size_t i, n = sizeof ids / sizeof ids[0];

	for (i = 0; i < n; i++)
		ck_assert_uint_eq(idset_add(s, ids[i], strlen(ids[i]), i + 1), 0);
	for (i = 0; i < n; i++)
		ck_assert_uint_eq(idset_add(s, ids[i], strlen(ids[i]), 1000), i + 1);
	ck_assert_uint_eq(idset_count(s), n);
	idset_free(s);
}
END_TEST

/* IDs first seen beyond line 4,294,967,294 keep their line, packed form or not. */
START_TEST(test_far_lines)
{
	struct idset *s = idset_new();
	unsigned long far = 4294967290UL;

	ck_assert_uint_eq(idset_add(s, "CA00000001", 10, 7), 0);
	ck_assert_uint_eq(idset_add(s, "CA00000002", 10, far + 10), 0);
	ck_assert_uint_eq(idset_add(s, "x/1", 3, far + 11), 0);
	ck_assert_uint_eq(idset_add(s, "CA00000003", 10, 9), 0);
	ck_assert_uint_eq(idset_add(s, "CA00000002", 10, far + 20), far + 10);
	ck_assert_uint_eq(idset_add(s, "CA00000001", 10, far + 21), 7);
	ck_assert_uint_eq(idset_add(s, "CA00000003", 10, far + 22), 9);
	ck_assert_uint_eq(idset_add(s, "x/1", 3, far + 23), far + 11);
	ck_assert_uint_eq(idset_count(s), 4);
	ck_assert_uint_eq(idset_find(s, "CA00000002", 10), far + 10);
	ck_assert_uint_eq(idset_find(s, "CA00000001", 10), 7);
	ck_assert_uint_eq(idset_find(s, "x/1", 3), far + 11);
	ck_assert_uint_eq(idset_find(s, "CA00000004", 10), 0);
	ck_assert_uint_eq(idset_find(s, "x/2", 3), 0);
	idset_free(s);
}
END_TEST

START_TEST(test_pack_round_trip)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
	static const char *const others[] = {"",
	                                     "ca00000001",
	                                     "CA 1",
	                                     "CA0000000001X",
	                                     "CA/1",
	                                     "CA\xc3\x89"
	                                     "1"};
	uint64_t g = 88172645463325252ULL, k;
	char id[16], back[16];
	size_t i, j, len;

	for (i = 0; i < 20000; i++) {
		g ^= g << 13;
		g ^= g >> 7;
		g ^= g << 17;
		len = 1 + g % 12;
		for (j = 0; j < len; j++)
			id[j] = alphabet[(g >> (5 * j % 60)) % 37];
		id[len] = '\0';
		k = idset_pack(id, len);
		ck_assert_uint_ne(k, 0);
		ck_assert_uint_lt(k, (uint64_t)1 << 63);
		ck_assert_uint_eq(idset_unpack(k, back), len);
		ck_assert_str_eq(back, id);
	}
	ck_assert_uint_eq(idset_unpack(idset_pack("------------", 12), back), 12);
	ck_assert_str_eq(back, "------------");
	for (i = 0; i < sizeof others / sizeof *others; i++)
		ck_assert_uint_eq(idset_pack(others[i], strlen(others[i])), 0);
}
END_TEST

/* The packing rule written plainly, a character at a time. */
static uint64_t
pack_model(const char *id, size_t len)
{
	uint64_t v = 0;
	size_t i;
	unsigned char c;

	if (len == 0 || len > 12)
		return 0;
	for (i = 0; i < len; i++) {
		c = (unsigned char)id[i];
		if (c >= 'A' && c <= 'Z')
			v = v * 38 + (c - 'A' + 1);
		else if (c >= '0' && c <= '9')
			v = v * 38 + (c - '0' + 27);
		else if (c == '-')
			v = v * 38 + 37;
		else
			return 0;
	}
	return v;
}

/*
 * idset_pack() (a table of digits) packs as the plain rule does: IDs of every length to 14 from the
 * packed characters and their neighbours in the byte order ('@' '[' '/' ':' ',' '.'), lower case,
 * NUL and bytes with the high bit set (a packed character's plus 0x80 among them), mostly packable
 * with one odd character in any place.
 */
START_TEST(test_pack_model)
{
	static const char good[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
	static const char odd[] = "@[/:,.az`{\x00\x80\xc1\xda\xb0\xad\xff ";
	unsigned long long st = 0x9e3779b97f4a7c15ULL;
	char id[16];
	size_t i, j, len, packed = 0;

	for (i = 0; i < 400000; i++) {
		len = 1 + (size_t)(next_rnd(&st) % 14);
		for (j = 0; j < len; j++)
			id[j] = good[next_rnd(&st) % 37];
		if (i % 2 == 0) /* one odd character, anywhere */
			id[next_rnd(&st) % len] = odd[next_rnd(&st) % (sizeof odd - 1)];
		ck_assert_uint_eq(idset_pack(id, len), pack_model(id, len));
		packed += pack_model(id, len) != 0;
	}
	ck_assert_uint_gt(packed, 100000);
	ck_assert_uint_lt(packed, 300000);
}
END_TEST

/*
 * A set whose IDs are prefetched (some well ahead, some never added, many
 * sharing a hint, while it grows) answers every add and find as one that is
 * never given a prefetch.
 */
START_TEST(test_prefetch_hints)
{
	enum { N = 120000, AHEAD = 24 };
	static char ids[N][24];
	static size_t lens[N];
	unsigned long long st = 0x2545F4914F6CDD1DULL;
	struct idset *a = idset_new(), *b = idset_new();
	size_t i, k, hits = 0;
	unsigned long got;

	for (i = 0; i < N; i++) {
		k = (size_t)(next_rnd(&st) % (N / 2));
		if (k % 11 == 0)
			lens[i] = (size_t)snprintf(ids[i], sizeof ids[i], "ca/%zu", k);
		else
			lens[i] = (size_t)snprintf(ids[i], sizeof ids[i], "CA%08zu", k);
	}
	for (i = 0; i < N; i++) {
		if (i + AHEAD < N && i % 5 != 0)
			idset_prefetch(a, ids[i + AHEAD], lens[i + AHEAD]);
		if (i % 3 == 0)
			idset_prefetch(a, ids[i], lens[i]);
		if (i % 7 == 0)
			idset_prefetch(a, "CA99999999", 10); /* never added */
		ck_assert_uint_eq(idset_find(a, ids[i], lens[i]), idset_find(b, ids[i], lens[i]));
		got = idset_add(a, ids[i], lens[i], i + 2);
		ck_assert_uint_eq(got, idset_add(b, ids[i], lens[i], i + 2));
		hits += got != 0;
	}
	ck_assert_uint_gt(hits, N / 4);
	ck_assert_uint_eq(idset_count(a), idset_count(b));
	ck_assert_uint_eq(idset_find(a, "CA99999999", 10), 0);
	idset_free(a);
	idset_free(b);
}
END_TEST

/*
 * IDs prefetched in groups (idset_prefetch_many(): more than it works out
 * at once, a group of none, IDs of both forms, some never added, while the
 * set grows) answer every add and find as a set never given a prefetch.
 */
START_TEST(test_prefetch_many)
{
	enum { N = 60000, GROUP = 45 };
	static char ids[N][24];
	static const char *ptr[N];
	static size_t lens[N];
	unsigned long long st = 0x9E3779B97F4A7C15ULL;
	struct idset *a = idset_new(), *b = idset_new();
	size_t i, k, hits = 0;
	unsigned long got;

	for (i = 0; i < N; i++) {
		k = (size_t)(next_rnd(&st) % (N / 2));
		if (k % 9 == 0)
			lens[i] = (size_t)snprintf(ids[i], sizeof ids[i], "case %zu", k);
		else
			lens[i] = (size_t)snprintf(ids[i], sizeof ids[i], "CA%08zu", k);
		ptr[i] = ids[i];
	}
	idset_prefetch_many(a, ptr, lens, 0);
	for (i = 0; i < N; i++) {
		if (i % GROUP == 0)
			idset_prefetch_many(a, ptr + i, lens + i, N - i < GROUP ? N - i : GROUP);
		ck_assert_uint_eq(idset_find(a, ids[i], lens[i]), idset_find(b, ids[i], lens[i]));
		got = idset_add(a, ids[i], lens[i], i + 2);
		ck_assert_uint_eq(got, idset_add(b, ids[i], lens[i], i + 2));
		hits += got != 0;
	}
	ck_assert_uint_gt(hits, N / 4);
	ck_assert_uint_eq(idset_count(a), idset_count(b));
	idset_free(a);
	idset_free(b);
}
END_TEST

/*
 * An add takes the key and hash of its ID from a hint only when the hint
 * holds the same bytes: before each add a near twin is prefetched (the same
 * first and last bytes with one in the middle changed, one more or fewer of
 * a repeated character, another case), then the ID itself or not at all,
 * while IDs prefetched and never added pile up past the ring. Every add and
 * find answers as in a set never given a prefetch.
 */
START_TEST(test_prefetch_twins)
{
	enum { N = 6000 };
	static char ids[N][16], twin[16];
	static size_t lens[N];
	unsigned long long st = 0xD1B54A32D192ED03ULL;
	struct idset *a = idset_new(), *b = idset_new();
	size_t i, k, len, hits = 0;
	unsigned long got;

	for (i = 0; i < N; i++) {
		len = 1 + (size_t)(next_rnd(&st) % 12);
		k = (size_t)(next_rnd(&st) % 4);
		for (size_t j = 0; j < len; j++)
			ids[i][j] = k == 0 ? 'A' : "AB1-"[next_rnd(&st) % (k + 1)];
		lens[i] = len;
		if (i > 0 && next_rnd(&st) % 4 == 0) { /* seen before */
			k = (size_t)(next_rnd(&st) % i);
			memcpy(ids[i], ids[k], sizeof ids[i]);
			lens[i] = lens[k];
		}
	}
	for (i = 0; i < N; i++) {
		len = lens[i];
		memcpy(twin, ids[i], sizeof twin);
		switch (i % 5) {
		case 0: /* a middle byte changed */
			twin[len / 2] = twin[len / 2] == 'B' ? '1' : 'B';
			break;
		case 1: /* one more of the last character */
			if (len < 12)
				twin[len] = twin[len - 1], len++;
			break;
		case 2: /* one fewer */
			if (len > 1)
				len--;
			break;
		case 3: /* the last byte changed */
			twin[len - 1] = twin[len - 1] == 'A' ? '-' : 'A';
			break;
		default: /* lower case: another form */
			twin[0] = (char)(twin[0] | 0x20);
			break;
		}
		if (i % 97 == 0) /* IDs never added, more than the ring holds */
			for (k = 0; k < 200; k++)
				idset_prefetch(a, "CA12345678", 10);
		idset_prefetch(a, twin, len);
		if (i % 3 != 0)
			idset_prefetch(a, ids[i], lens[i]);
		ck_assert_uint_eq(idset_find(a, twin, len), idset_find(b, twin, len));
		got = idset_add(a, ids[i], lens[i], i + 2);
		ck_assert_uint_eq(got, idset_add(b, ids[i], lens[i], i + 2));
		hits += got != 0;
	}
	ck_assert_uint_gt(hits, N / 4);
	ck_assert_uint_eq(idset_count(a), idset_count(b));
	idset_free(a);
	idset_free(b);
}
END_TEST

/*
 * Packed IDs of the shapes input gives (numbers in sequence, one character
 * changed in every place, the same digits under every prefix), and IDs
 * whose keys differ in one byte only, lie as near their home slots as
 * random keys would: the tabulation hash uses every byte of the key.
 */
START_TEST(test_spread)
{
	enum { N = 150000 };
	struct idset *s = idset_new();
	char id[16];
	size_t i, k, len, n;
	uint64_t key;

	for (i = 0; i < N; i++) { /* in sequence */
		len = (size_t)snprintf(id, sizeof id, "CA%08zu", i);
		idset_add(s, id, len, i + 2);
	}
	ck_assert_double_lt(idset_mean_probe(s), 2.5);
	idset_free(s);
	s = idset_new();
	for (i = 0; i < 12 * 37; i++) /* one character of twelve changed */
		for (k = 0; k < 300; k++) {
			snprintf(id, sizeof id, "%012zu", k * 7919);
			id[i / 37] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"[i % 37];
			idset_add(s, id, 12, i * 300 + k + 2);
		}
	ck_assert_double_lt(idset_mean_probe(s), 2.5);
	idset_free(s);
	s = idset_new();
	for (i = 0; i < N; i++) { /* the same numbers under many prefixes */
		len = (size_t)snprintf(id, sizeof id, "%c%c%05zu", 'A' + (int)(i % 26),
		                       'A' + (int)(i / 26 % 26), i / 676);
		idset_add(s, id, len, i + 2);
	}
	ck_assert_double_lt(idset_mean_probe(s), 2.5);
	idset_free(s);
	s = idset_new();
	/* keys that differ in one byte of the packed key only, every byte in turn */
	for (i = 0, n = 0; i < 64; i++)
		for (k = 0; k < 8 * 256; k++) {
			key = idset_pack("CA27004512", 10) +
			      i * UINT64_C(0x9e3779b97f4a7c1) % 1000003;
			key = (key & ~((uint64_t)0xff << (k / 256 * 8))) | (uint64_t)(k % 256)
			                                                       << (k / 256 * 8);
			len = idset_unpack(key, id);
			if (key < (UINT64_C(1) << 63) && idset_pack(id, len) == key)
				n += idset_add(s, id, len, n + 2) == 0;
		}
	ck_assert_uint_gt(n, 50000);
	ck_assert_double_lt(idset_mean_probe(s), 2.5);
	idset_free(s);
}
END_TEST

Suite *make_suite_idset(void);

Suite *
make_suite_idset(void)
{
	Suite *s = suite_create("idset");
	TCase *tc = tcase_create("idset");

	tcase_add_test(tc, test_first_seen);
	tcase_add_test(tc, test_many);
	tcase_add_test(tc, test_long_ids);
	tcase_add_loop_test(tc, test_growth, 0, 6);
	tcase_add_test(tc, test_forms);
	tcase_add_test(tc, test_far_lines);
	tcase_add_test(tc, test_pack_round_trip);
	tcase_add_test(tc, test_pack_model);
	tcase_add_test(tc, test_prefetch_hints);
	tcase_add_test(tc, test_prefetch_many);
	tcase_add_test(tc, test_prefetch_twins);
	tcase_add_test(tc, test_spread);
	suite_add_tcase(s, tc);
	return s;
}
