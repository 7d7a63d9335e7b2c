/*
 * test_cases.c: the case-level value hashes: the cache of them gives the
 * hash itself, for values that share their first and last bytes, values
 * that crowd one set, long values and empty ones; values the same but for
 * case, spaces and punctuation hash the same. And pages_resize() keeps an
 * array's contents as it grows, from calloc() to mapped pages.
 *
 * The whole-row hash changes with any byte and with the length, and is the
 * same for a row in place and for its fields apart.
 *
 * struct cases against a plain model of what it must say (every case kept
 * whole, found by a linear search): streams with new cases, siblings, rows
 * repeated and conflicts, thousands of distinct case-level tuples (so that
 * the tuple table grows), tuples that differ in one word only, first lines
 * far apart and past 2^32.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annexa/cases.h"
#include "core/pages.h"

START_TEST(test_vcache_same)
{
	struct cases_vcache *vc = cases_vcache_new();
	char v[128];
	size_t i, round, len;
	int f;

	for (round = 0; round < 3; round++)
		for (i = 0; i < 5000; i++) {
			f = (int)(i % CASES_NFIELDS);
			/* many values, most sharing the first and last 8 bytes */
			len = (size_t)snprintf(v, sizeof v, "Birmingham and Solihull %zu Team %zu",
			                       i % 700, i % 3);
			ck_assert_uint_eq(cases_vcache_hash(vc, (enum cases_field)f, v, len),
			                  cases_value_hash(v, len));
			/* long values are not kept, and still hashed right */
			memset(v, 'a' + (int)(i % 26), sizeof v);
			len = 40 + i % 80;
			ck_assert_uint_eq(cases_vcache_hash(vc, (enum cases_field)f, v, len),
			                  cases_value_hash(v, len));
			ck_assert_uint_eq(cases_vcache_hash(vc, (enum cases_field)f, v, 0),
			                  cases_value_hash(v, 0));
		}
	cases_vcache_free(vc);
}
END_TEST

START_TEST(test_value_normalised)
{
	struct cases_vcache *vc = cases_vcache_new();

	ck_assert_uint_eq(cases_value_hash("East of England", 15),
	                  cases_value_hash("east-of  ENGLAND.", 17));
	ck_assert_uint_ne(cases_value_hash("East of England", 15),
	                  cases_value_hash("East of Englant", 15));
	ck_assert_uint_eq(cases_vcache_hash(vc, CASES_TEAM, "Team 4", 6),
	                  cases_vcache_hash(vc, CASES_TEAM, "team-4", 6));
	ck_assert_uint_ne(cases_vcache_hash(vc, CASES_TEAM, "Team 4", 6),
	                  cases_vcache_hash(vc, CASES_TEAM, "Team 5", 6));
	cases_vcache_free(vc);
}
END_TEST

START_TEST(test_pages_resize)
{
	size_t n = 1024, i;
	unsigned *v = pages_resize(NULL, 0, n, sizeof *v);

	for (i = 0; i < n; i++)
		ck_assert_uint_eq(v[i], 0);
	for (; n < ((size_t)1 << 22); n *= 2) {
		for (i = n / 2; i < n; i++)
			v[i] = (unsigned)i * 2654435761u;
		v = pages_resize(v, n, 2 * n, sizeof *v);
		for (i = n; i < 2 * n; i++)
			ck_assert_uint_eq(v[i], 0);
	}
	for (i = 512; i < n / 2; i += 4099)
		ck_assert_uint_eq(v[i], (unsigned)i * 2654435761u);
	pages_free(v, n, sizeof *v);
}
END_TEST

/* The model: a case as the first row left it. */
struct model_case {
	char id[16];
	unsigned long line;
	uint32_t h[CASES_NFIELDS];
	uint64_t rowhash;
	long slot;
	int counted, multi;
};

struct model {
	struct model_case *c;
	size_t n;
	uint64_t *rowh; /* the row set: hash and first line */
	unsigned long *rowl;
	size_t nrows;
};

static unsigned long
model_row(struct model *m, uint64_t h, unsigned long line)
{
	size_t i;

	for (i = 0; i < m->nrows; i++)
		if (m->rowh[i] == h)
			return m->rowl[i];
	m->rowh[m->nrows] = h;
	m->rowl[m->nrows++] = line;
	return 0;
}

static void
model_add(struct model *m, const char *id, unsigned long line, const uint32_t h[CASES_NFIELDS],
          uint64_t rowhash, long slot, struct cases_verdict *out)
{
	struct model_case *r = NULL;
	size_t i;
	int f;

	memset(out, 0, sizeof *out);
	out->slot = -1;
	for (i = 0; i < m->n && r == NULL; i++)
		if (strcmp(m->c[i].id, id) == 0)
			r = &m->c[i];
	if (r == NULL) {
		r = &m->c[m->n++];
		snprintf(r->id, sizeof r->id, "%s", id);
		r->line = line;
		memcpy(r->h, h, sizeof r->h);
		r->rowhash = rowhash;
		r->slot = slot;
		r->counted = slot >= 0;
		r->multi = 0;
		out->kind = CASES_NEW;
		out->slot = slot;
		return;
	}
	if (r->line > UINT32_MAX) {
		out->kind = CASES_SIBLING;
		return;
	}
	if (!r->multi) {
		r->multi = 1;
		model_row(m, r->rowhash, r->line);
	}
	if ((out->other = model_row(m, rowhash, line)) != 0) {
		out->kind = CASES_REPEAT;
		return;
	}
	for (f = 0; f < CASES_NFIELDS; f++)
		if (h[f] != r->h[f])
			out->differ |= 1u << f;
	out->kind = out->differ ? CASES_CONFLICT : CASES_SIBLING;
	out->other = r->line;
	if ((out->differ || slot < 0) && r->counted) {
		r->counted = 0;
		out->uncount = 1;
		out->slot = r->slot;
	}
}

/* A small deterministic generator (xorshift64*). */
static uint64_t
rnd(uint64_t *st)
{
	*st ^= *st >> 12;
	*st ^= *st << 25;
	*st ^= *st >> 27;
	return *st * UINT64_C(2685821657736338717);
}

START_TEST(test_cases_model)
{
	enum { ROWS = 6000, IDS = 2600 };
	struct model m = {0};
	struct cases *c = cases_new(_i ? 0 : 100);
	struct cases_verdict got, want;
	uint32_t h[CASES_NFIELDS];
	uint64_t st = 0x9e3779b97f4a7c15u + (uint64_t)_i, rowhash, x;
	unsigned long line = 1;
	char id[16];
	size_t i, k;
	long slot;
	int f;

	m.c = calloc(ROWS, sizeof *m.c);
	m.rowh = calloc(2 * ROWS, sizeof *m.rowh);
	m.rowl = calloc(2 * ROWS, sizeof *m.rowl);
	ck_assert_ptr_nonnull(m.c);
	ck_assert_ptr_nonnull(m.rowh);
	ck_assert_ptr_nonnull(m.rowl);
	for (i = 0; i < ROWS; i++) {
		x = rnd(&st);
		/* first lines far apart at times: the bitmap of first lines spans many blocks */
		line += 1 + (x % 7 == 0 ? x % 3000 : x % 3);
		if (_i == 1 && i == ROWS - 40)
			line = (unsigned long)UINT32_MAX + 7; /* the last rows past 2^32 */
		/* Case IDs: new ones, and earlier ones again; some not of the packed form */
		k = (size_t)(rnd(&st) % IDS);
		snprintf(id, sizeof id, k % 11 == 0 ? "ca-%zu.x" : "CA%08zu", k);
		x = rnd(&st);
		/* tuples: thousands of distinct ones, many shared, some a word apart */
		for (f = 0; f < CASES_NFIELDS; f++)
			h[f] = (uint32_t)(f < 2 ? x % 3 : (x >> (8 * f)) % (f == 3 ? 400 : 5));
		if (x % 13 == 0)
			h[x % CASES_NFIELDS] ^= 1u
			                        << 31; /* differs from another tuple in one word */
		slot = (long)(x >> 40) % 6 - 1;
		/* the row: repeated whole now and then */
		rowhash = x % 5 == 0 ? k * 31u : rnd(&st);
		cases_add(c, id, strlen(id), line, h, rowhash, slot, &got);
		model_add(&m, id, line, h, rowhash, slot, &want);
		ck_assert_int_eq(got.kind, want.kind);
		ck_assert_uint_eq(got.other, want.other);
		ck_assert_uint_eq(got.differ, want.differ);
		ck_assert_int_eq(got.uncount, want.uncount);
		ck_assert_int_eq(got.slot, want.slot);
	}
	ck_assert_uint_eq(cases_count(c), m.n);
	ck_assert_uint_gt(m.n,
	                  2000); /* most IDs met, so most rows after the first ones are siblings */
	cases_free(c);
	free(m.c);
	free(m.rowh);
	free(m.rowl);
}
END_TEST

/*
 * Cases of two rows each: the row hashes of a case with several rows cost a
 * slot of the row set each (about 12 to 23 bytes), not a slot and an entry
 * of their text (over 50): the whole stays under 40 bytes a row (86 with the text kept).
 */
START_TEST(test_cases_siblings_small)
{
	enum { CASES = 100000 };
	struct cases *c = cases_new(0);
	struct cases_verdict v;
	uint32_t h[CASES_NFIELDS] = {1, 2, 3, 4, 5, 6, 7};
	uint64_t st = 0x853c49e6748fea9bULL;
	char id[16];
	size_t i;

	for (i = 0; i < 2 * CASES; i++) {
		snprintf(id, sizeof id, "CA%08zu", i / 2);
		cases_add(c, id, strlen(id), i + 2, h, rnd(&st), 0, &v);
		ck_assert_int_eq(v.kind, i % 2 ? CASES_SIBLING : CASES_NEW);
	}
	ck_assert_uint_eq(cases_count(c), CASES);
	ck_assert_uint_lt(cases_bytes(c), (size_t)40 * 2 * CASES);
	cases_free(c);
}
END_TEST

/*
 * The whole-row hash: every byte counts (a byte changed in any place, at
 * every length up to a few words past the four-lane stretch, changes it),
 * the length counts, and a row hashed in place is hashed as its fields
 * given apart.
 */
START_TEST(test_row_hash)
{
	char buf[160], copy[160];
	const char *fields[3];
	size_t lens[3], len, i, a, b;
	uint64_t st = 0x2545f4914f6cdd1dULL, h, prev = 0;

	for (len = 0; len < 140; len++) {
		for (i = 0; i < sizeof buf; i++)
			buf[i] = (char)('A' + rnd(&st) % 26);
		h = cases_span_hash(buf, len);
		ck_assert_uint_ne(h, prev); /* one byte longer: another hash */
		prev = h;
		for (i = 0; i < len; i++) {
			buf[i] ^= 0x20;
			ck_assert_uint_ne(cases_span_hash(buf, len), h);
			buf[i] ^= 0x20;
		}
		ck_assert_uint_eq(cases_span_hash(buf, len), h);
		if (len < 6)
			continue;
		/* three fields end to end, each followed by its NUL, and the same apart */
		a = len / 3, b = 2 * len / 3;
		buf[a] = buf[b] = buf[len - 1] = '\0';
		fields[0] = buf, fields[1] = buf + a + 1, fields[2] = buf + b + 1;
		lens[0] = a, lens[1] = b - a - 1, lens[2] = len - 1 - b - 1;
		ck_assert_uint_eq(cases_row_hash(fields, lens, 3), cases_span_hash(buf, len));
		memcpy(copy, buf, len);
		fields[1] = copy + a + 1;
		ck_assert_uint_eq(cases_row_hash(fields, lens, 3), cases_span_hash(buf, len));
		ck_assert_uint_eq(cases_row_hash(fields, NULL, 3), cases_span_hash(buf, len));
	}
}
END_TEST

Suite *make_suite_cases(void);

Suite *
make_suite_cases(void)
{
	Suite *s = suite_create("cases");
	TCase *tc = tcase_create("cases");

	tcase_add_test(tc, test_vcache_same);
	tcase_add_test(tc, test_value_normalised);
	tcase_add_test(tc, test_pages_resize);
	tcase_add_loop_test(tc, test_cases_model, 0, 2);
	tcase_add_test(tc, test_cases_siblings_small);
	tcase_add_test(tc, test_row_hash);
	suite_add_tcase(s, tc);
	return s;
}
