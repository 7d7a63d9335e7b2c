/*
 * test_csvbatch.c: records read through the reader thread are the records
 * csvio gives directly: same fields, lengths, lines and flags, across many
 * batch boundaries, with multi-line cells, blank rows, bad bytes, stray
 * quotes, 1 to 19 fields and a record larger than a batch; and so with the caller's thread
 * reading small batches itself, as it does on one CPU. A record peeked at
 * ahead of its turn, within its batch or past it, is the record given.
 */
#include <check.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvbatch.h"

/* Write a varied CSV of n records to a new temporary file. */
static FILE *
make_csv(unsigned long n)
{
	FILE *fp = tmpfile();
	unsigned long i, k;
	char *big;

	ck_assert_ptr_nonnull(fp);
	fputs("a,b,c\n", fp);
	for (i = 0; i < n; i++) {
		switch (i % 7) {
		case 0:
			fprintf(fp, "%lu,\"multi\nline %lu\",x\n", i, i);
			break;
		case 1:
			fputs("\n", fp);
			break;
		case 2:
			fprintf(fp, "%lu,bad \xff byte,y\r\n", i);
			break;
		case 3:
			fprintf(fp, "%lu,st\"ray,z\n", i);
			break;
		case 4:
			fprintf(fp, "%lu,short\n", i);
			break;
		case 6: /* 1 to 19 fields of 0 to 10 bytes */
			fprintf(fp, "%lu", i);
			for (k = 0; k < i % 19; k++)
				fprintf(fp, ",%.*s", (int)((i + k) % 11), "abcdefghij");
			fputc('\n', fp);
			break;
		default:
			fprintf(fp, "%lu,\"q \"\"uoted\"\", with comma\",%lu\n", i, i * i);
		}
	}
	big = malloc(3 << 20);
	memset(big, 'x', 3 << 20);
	fprintf(fp, "big,%.*s,end\n", 3 << 20, big);
	free(big);
	rewind(fp);
	return fp;
}

/* The distances csvbatch_peek() is asked to look ahead; the last is more than a batch. */
static const size_t aheads[] = {1, 8, 17, CSVBATCH_PEEK, 40, 100};
#define NAHEAD (sizeof aheads / sizeof aheads[0])
#define RING 128 /* more than the farthest distance */
/* The field peeked at the distance of index d: 0, or the last of most records (2). */
#define COL(d) ((d) < 2 ? 0 : (d) % 3)

/* Records with a field 0 past the first CSVBATCH_PEEK not seen that far ahead. */
static unsigned long missed_far;

/*
 * Read the same file through csvio and through a csvbatch: the same
 * records, and what csvbatch_peek() gave for a record is its field
 * COL(d) (d: the distance's index), bytes and length; return their count.
 */
static size_t
same_records(void)
{
	FILE *a = make_csv(20000), *b = make_csv(20000);
	struct csvio_reader *ra = csvio_open(a, "a", 0), *rb = csvio_open(b, "b", 0);
	struct csvbatch *cb = csvbatch_start(rb);
	struct csvio_record *x, *y;
	static char want[RING][NAHEAD][64];
	static int wanted[RING][NAHEAD];
	static size_t wantlen[RING][NAHEAD];
	unsigned long count = 0, peeked[NAHEAD] = {0};
	size_t i, d, plen = 0;
	int rx, ry;

	memset(wanted, 0, sizeof wanted);
	missed_far = 0;
	for (;;) {
		for (d = 0; d < NAHEAD; d++) {
			const char *peek = csvbatch_peek(cb, aheads[d], COL(d), &plen);
			size_t at = (count + aheads[d] - 1) % RING;

			wanted[at][d] = peek != NULL;
			if (peek != NULL) {
				snprintf(want[at][d], sizeof want[at][d], "%.*s",
				         (int)(plen < 63 ? plen : 63), peek);
				wantlen[at][d] = plen;
				peeked[d]++;
			}
		}
		rx = csvio_next(ra, &x);
		ry = csvbatch_next(cb, &y);
		for (d = 0; d < NAHEAD && ry == 1; d++) {
			if (aheads[d] == CSVBATCH_PEEK && count >= CSVBATCH_PEEK &&
			    y->nfields > 0 && !wanted[count % RING][d])
				missed_far++;
			if (wanted[count % RING][d]) {
				ck_assert_uint_gt(y->nfields, COL(d));
				ck_assert_uint_eq(wantlen[count % RING][d], y->lens[COL(d)]);
				ck_assert_int_eq(
				    strncmp(want[count % RING][d], y->fields[COL(d)], 63), 0);
			}
		}
		ck_assert_int_eq(rx, ry);
		if (rx != 1)
			break;
		count++;
		ck_assert_uint_eq(x->line, y->line);
		ck_assert_uint_eq(x->lines, y->lines);
		ck_assert_uint_eq(x->flags, y->flags);
		ck_assert_uint_eq(x->nfields, y->nfields);
		if (x->flags & CSVIO_BAD_UTF8)
			ck_assert_uint_eq(x->bad_field, y->bad_field);
		for (i = 0; i < x->nfields; i++) {
			ck_assert_uint_eq(x->lens[i], y->lens[i]);
			ck_assert(memcmp(x->fields[i], y->fields[i], x->lens[i] + 1) == 0);
			/* end to end, each with its NUL (csvbatch.h) */
			if (i + 1 < y->nfields)
				ck_assert_ptr_eq(y->fields[i + 1], y->fields[i] + y->lens[i] + 1);
		}
	}
	/*
	 * All but blank records (no field 0, one in seven) and the first of
	 * each batch when the batch before it is handed out; records near a
	 * batch's end are seen in the next one, read ahead on one CPU.
	 */
	ck_assert_uint_gt(peeked[0], 16500);
	ck_assert_uint_gt(peeked[1], 16900);
	/* After the end, the end again. */
	ck_assert_int_eq(csvbatch_next(cb, &y), 0);
	csvbatch_stop(cb);
	csvio_close(ra);
	csvio_close(rb);
	fclose(a);
	fclose(b);
	return count;
}

START_TEST(test_same_records)
{
	ck_assert_uint_eq(same_records(), 20002);
}
END_TEST

/*
 * On one CPU the caller's thread reads small batches itself: the same
 * records, and every record is at hand CSVBATCH_PEEK ahead (a burst of
 * prefetches relies on it).
 */
START_TEST(test_same_records_one_cpu)
{
	cpu_set_t set, one;
	int c;

	ck_assert_int_eq(sched_getaffinity(0, sizeof set, &set), 0);
	for (c = 0; c < CPU_SETSIZE && !CPU_ISSET(c, &set); c++)
		;
	CPU_ZERO(&one);
	CPU_SET(c, &one);
	ck_assert_int_eq(sched_setaffinity(0, sizeof one, &one), 0);
	ck_assert_uint_eq(same_records(), 20002);
	ck_assert_uint_eq(missed_far, 0);
	ck_assert_int_eq(sched_setaffinity(0, sizeof set, &set), 0);
}
END_TEST

START_TEST(test_stop_early)
{
	FILE *a = make_csv(50000);
	struct csvio_reader *ra = csvio_open(a, "a", 0);
	struct csvbatch *cb = csvbatch_start(ra);
	struct csvio_record *y;

	ck_assert_int_eq(csvbatch_next(cb, &y), 1);
	ck_assert_str_eq(y->fields[0], "a");
	csvbatch_stop(cb); /* the reader thread is told to stop and joined */
	csvio_close(ra);
	fclose(a);
}
END_TEST

Suite *make_suite_csvbatch(void);

Suite *
make_suite_csvbatch(void)
{
	Suite *s = suite_create("csvbatch");
	TCase *tc = tcase_create("csvbatch");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_same_records);
	tcase_add_test(tc, test_same_records_one_cpu);
	tcase_add_test(tc, test_stop_early);
	suite_add_tcase(s, tc);
	return s;
}
