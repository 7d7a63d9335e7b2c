/*
 * test_redact_index.c: the prebuilt word index (lib/redact/redact_index.h).
 * An index written from a table built whole gives the same look-up for
 * every word of the table and of the index, before and after a run adds
 * names and allowed words (a word the run changes), and the same
 * redactions; the index `make` wrote is the one redact_new() uses; a
 * truncated, damaged, foreign or stale index is refused with a reason and
 * the table built instead, with the same results; a changed time alone is
 * not staleness (the contents are compared); and an index whose slots and
 * keys are garbage behind a valid header cannot make a look-up read
 * outside the file (run under ASan in the CI's sanitizer pass). An
 * identifiers file whose names recur gives the table it gives once.
 *
 * The offsets patched below are the file's layout (redact_index.c): the
 * header is 128 bytes, then 320 bytes a source.
 */
#include <check.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/strbuf.h"
#include "redact/redact.h"
#include "redact/redact_index.h"

#define HEAD 128
#define SOURCE 320
/* header fields */
#define H_MAGIC 0
#define H_VERSION 16
#define H_SLOTBITS 48
#define H_MAXPROBE 52
#define H_SLOTS_OFF 80
#define H_KEYS_OFF 88
#define H_KEYS_LEN 96
#define H_FILE_SIZE 104
/* source fields */
#define S_SIZE 264
#define S_MTIME 280
#define S_HASH 296

static struct redact *built; /* the table built whole, once */
static char dir[64], idx[96];
static unsigned char *image; /* the index file written from built */
static size_t image_len;

static const char *const texts[] = {
    "Sarah Khan (DOB 12/03/2015) lives at 14 Rose Street, Bath BA1 2AB with her mum Hope.",
    "Spoke to Rose and Mr Smith at Preston Family Court; the Family Court Adviser said so.",
    "Hamza told the social worker that Jones v Jones was listed; call 07700 900123.",
    "The children's guardian met Amelia-Rose O'Neill at Oakfield Primary School in Leeds.",
    "Bill and Will will bill; Mark marked the mark; Grace said grace; Florence in Florence.",
};

/* The bytes of a file (free them); its length in *len. */
static unsigned char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *b;
	long n;

	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	ck_assert_int_ge(n, 0);
	rewind(fp);
	b = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(fread(b, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return b;
}

/* Write len bytes of b to path. */
static void
spill(const char *path, const unsigned char *b, size_t len)
{
	FILE *fp = fopen(path, "wb");

	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(b, 1, len, fp), len);
	ck_assert_int_eq(fclose(fp), 0);
}

static void
setup(void)
{
	char err[512];

	snprintf(dir, sizeof(dir), "/tmp/redidx.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(idx, sizeof(idx), "%s/lexicon.idx", dir);
	built = redact_new_index(NULL, NULL, 0, err, sizeof(err));
	ck_assert_msg(built != NULL, "%s", err);
	ck_assert_int_eq(redact_indexed(built), 0);
	ck_assert_msg(redact_index_write(built, idx, err, sizeof(err)) == 0, "%s", err);
	image = slurp(idx, &image_len);
}

static void
teardown(void)
{
	redact_free(built);
	free(image);
	unlink(idx);
	rmdir(dir);
}

/* A copy of the index with patches, written to a file of its own; its path. */
static const char *
variant(const unsigned char *b, size_t len)
{
	static char path[128];

	snprintf(path, sizeof(path), "%s/variant.idx", dir);
	spill(path, b, len);
	return path;
}

/* The reason redact_index_open() refuses path ("" when it takes it, "missing" when there is none).
 */
static const char *
refusal(const char *path)
{
	static char why[512];
	struct redact_index *x = redact_index_open(path, why, sizeof(why));

	if (x != NULL) {
		redact_index_close(x);
		return "";
	}
	return why[0] != '\0' ? why : "missing";
}

/* Redact every text with a and b: the same output. */
static void
same_redactions(struct redact *a, struct redact *b)
{
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct strbuf x, y;

		strbuf_init(&x);
		strbuf_init(&y);
		redact_text(a, texts[i], strlen(texts[i]), &x, NULL);
		redact_text(b, texts[i], strlen(texts[i]), &y, NULL);
		ck_assert_str_eq(x.buf, y.buf);
		strbuf_free(&x);
		strbuf_free(&y);
	}
}

/* The same names, case names and allowed words added to r. */
static void
add_people(struct redact *r)
{
	char err[256], allow[128];
	static const char words[] = "# local words\nhope\nOakfield Primary School\nzorblax\n"
	                            "Mark\nsmith\n";

	redact_add_person(r, "Sarah Khan");
	redact_add_person(r, "Rose Bath");
	redact_add_person(r, "Khan, Hope Grace");
	redact_add_person(r, "Mr Will Florence");
	redact_add_case_name(r, "Jones v Jones (Children)");
	redact_add_case_name(r, "Re Mark Preston & Leeds City Council");
	redact_keep(r, "CA12345678");
	snprintf(allow, sizeof(allow), "%s/allow.txt", dir);
	spill(allow, (const unsigned char *)words, sizeof(words) - 1);
	ck_assert_msg(redact_allow_file(r, allow, err, sizeof(err)) == 0, "%s", err);
	unlink(allow);
}

START_TEST(test_round_trip)
{
	char err[512], why[512];
	struct redact *r = redact_new_index(idx, why, sizeof(why), err, sizeof(err));

	ck_assert_msg(r != NULL, "%s", err);
	ck_assert_msg(redact_indexed(r), "the index written was not used: %s", why);
	ck_assert_str_eq(why, "");
	/* every word of the built table and of the index looks up the same */
	ck_assert_uint_eq(redact_index_verify(built, r), 0);
	/* and not a word more: a word not in the lists is in neither */
	same_redactions(built, r);
	redact_free(r);
}
END_TEST

START_TEST(test_run_words)
{
	char err[512], why[512];
	struct redact *whole = redact_new_index(NULL, NULL, 0, err, sizeof(err));
	struct redact *r = redact_new_index(idx, why, sizeof(why), err, sizeof(err));

	ck_assert_ptr_nonnull(whole);
	ck_assert_ptr_nonnull(r);
	ck_assert(redact_indexed(r));
	add_people(whole);
	add_people(r);
	ck_assert_uint_eq(redact_names(whole), redact_names(r));
	/* the run's words (names, allowed words, their changed flags) agree too */
	ck_assert_uint_eq(redact_index_verify(whole, r), 0);
	same_redactions(whole, r);
	redact_free(whole);
	redact_free(r);
}
END_TEST

START_TEST(test_make_index_used)
{
	char err[512];
	struct redact *r = redact_new(err, sizeof(err));

	ck_assert_msg(r != NULL, "%s", err);
	ck_assert_msg(redact_indexed(r), "share/redact/lexicon.idx (written by make) was not used");
	ck_assert_uint_eq(redact_index_verify(built, r), 0);
	redact_free(r);
}
END_TEST

/* Patch a 32- or 64-bit field of a copy of the image; the copy. */
static unsigned char *
patched(size_t off, uint64_t v, size_t width)
{
	unsigned char *b = malloc(image_len);

	ck_assert_ptr_nonnull(b);
	memcpy(b, image, image_len);
	if (width == 4) {
		uint32_t w = (uint32_t)v;
		memcpy(b + off, &w, 4);
	} else
		memcpy(b + off, &v, 8);
	return b;
}

START_TEST(test_refused)
{
	static const struct {
		size_t off, width;
		uint64_t v;
	} bad[] = {
	    {H_MAGIC, 8, 0x5844494445524944ULL}, /* another magic */
	    {H_VERSION, 8, 0x302e39392e39ULL}, /* another package version */
	    {H_SLOTBITS, 4, 40},
	    {H_SLOTBITS, 4, 3},
	    {H_SLOTBITS, 4, 27},
	    {H_MAXPROBE, 4, 0},
	    {H_MAXPROBE, 4, UINT32_MAX},
	    {H_SLOTS_OFF, 8, UINT64_MAX - 3},
	    {H_KEYS_OFF, 8, UINT64_MAX - 7},
	    {H_KEYS_LEN, 8, UINT64_MAX},
	    {H_KEYS_LEN, 8, 0},
	    {H_FILE_SIZE, 8, 1},
	};
	size_t i, cut[] = {0, 1, 8, HEAD - 1, HEAD, HEAD + SOURCE, image_len / 2, image_len - 1};
	unsigned char *b;

	ck_assert_str_eq(refusal(idx), "");
	for (i = 0; i < sizeof(cut) / sizeof(cut[0]); i++)
		ck_assert_msg(*refusal(variant(image, cut[i])) != '\0', "cut at %zu", cut[i]);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		b = patched(bad[i].off, bad[i].v, bad[i].width);
		ck_assert_msg(*refusal(variant(b, image_len)) != '\0', "patch %zu", i);
		free(b);
	}
	/* a byte more is refused too */
	b = malloc(image_len + 1);
	memcpy(b, image, image_len);
	b[image_len] = 0;
	ck_assert(*refusal(variant(b, image_len + 1)) != '\0');
	free(b);
	ck_assert_str_eq(refusal("/nonexistent/lexicon.idx"), "missing");
}
END_TEST

START_TEST(test_stale)
{
	unsigned char *b;
	uint64_t v;

	/* the first source's size changed: out of date, naming it */
	memcpy(&v, image + HEAD + S_SIZE, 8);
	b = patched(HEAD + S_SIZE, v + 1, 8);
	ck_assert_ptr_nonnull(strstr(refusal(variant(b, image_len)), "out of date"));
	free(b);
	/* only its time changed (a copy, a checkout): the contents are the same */
	memcpy(&v, image + HEAD + S_MTIME, 8);
	b = patched(HEAD + S_MTIME, v - 1, 8);
	ck_assert_str_eq(refusal(variant(b, image_len)), "");
	/* its time and contents changed: out of date */
	memcpy(b + HEAD + S_HASH, &v, 8);
	ck_assert_ptr_nonnull(strstr(refusal(variant(b, image_len)), "out of date"));
	free(b);
}
END_TEST

START_TEST(test_fallback_same)
{
	char err[512], why[512];
	struct redact *r =
	    redact_new_index(variant(image, image_len / 3), why, sizeof(why), err, sizeof(err));

	ck_assert_msg(r != NULL, "%s", err);
	ck_assert_int_eq(redact_indexed(r), 0);
	ck_assert(why[0] != '\0');
	ck_assert_uint_eq(redact_index_verify(built, r), 0);
	same_redactions(built, r);
	redact_free(r);
}
END_TEST

START_TEST(test_hostile_slots)
{
	char err[512], why[512];
	unsigned char *b = malloc(image_len);
	uint64_t slots, state = 0x9e3779b97f4a7c15ULL;
	size_t i;
	struct redact *r;

	ck_assert_ptr_nonnull(b);
	memcpy(b, image, image_len);
	memcpy(&slots, image + H_SLOTS_OFF, 8);
	/* everything after the header and sources garbage, the keys' last NUL kept */
	for (i = (size_t)slots; i + 1 < image_len; i++) {
		state ^= state << 13;
		state ^= state >> 7;
		state ^= state << 17;
		b[i] = (unsigned char)(state >> 24);
		if ((state & 7) == 0)
			b[i] = 0; /* empty slots and short keys */
	}
	r = redact_new_index(variant(b, image_len), why, sizeof(why), err, sizeof(err));
	ck_assert_msg(r != NULL, "%s", err);
	ck_assert_msg(redact_indexed(r), "%s", why); /* the header is sound: it is taken */
	/* every word looked up in it, every slot's key read: nothing outside the file */
	(void)redact_index_verify(built, r);
	add_people(r);
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct strbuf x;

		strbuf_init(&x);
		redact_text(r, texts[i], strlen(texts[i]), &x, NULL);
		strbuf_free(&x);
	}
	redact_free(r);
	/* the same garbage parsed from memory, every length */
	for (i = 0; i < 4096; i += 97) {
		struct redact_index *x = redact_index_parse(b, i, why, sizeof(why));

		ck_assert_ptr_null(x);
	}
	free(b);
}
END_TEST

/* An identifiers file of the rows given, each n times; its path. */
static const char *
identifiers(const char *rows, int n)
{
	static char path[128];
	FILE *fp;
	int i;

	snprintf(path, sizeof(path), "%s/ids.csv", dir);
	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("Case ID,Case name,Practitioner\n", fp);
	for (i = 0; i < n; i++)
		fputs(rows, fp);
	ck_assert_int_eq(fclose(fp), 0);
	return path;
}

START_TEST(test_identifiers_repeated)
{
	static const char rows[] = "CA00000001,Re Sarah Khan,Hope Grace Bath\n"
	                           "CA00000002,Jones v Jones (Children),\"Khan, Mark\"\n"
	                           "CA00000003,Re W (A Child),Hope Grace Bath\n";
	char err[512];
	struct redact *once = redact_new(err, sizeof(err)), *many = redact_new(err, sizeof(err));

	ck_assert_ptr_nonnull(once);
	ck_assert_ptr_nonnull(many);
	ck_assert_msg(redact_add_identifiers(once, identifiers(rows, 1), 0, err, sizeof(err)) == 0,
	              "%s", err);
	/* a name or Case name met again is added once: the same table */
	ck_assert_msg(redact_add_identifiers(many, identifiers(rows, 50), 0, err, sizeof(err)) == 0,
	              "%s", err);
	ck_assert_uint_gt(redact_names(once), 0);
	ck_assert_uint_eq(redact_names(once), redact_names(many));
	ck_assert_uint_eq(redact_index_verify(once, many), 0);
	same_redactions(once, many);
	redact_free(once);
	redact_free(many);
}
END_TEST

Suite *make_suite_redact_index(void);

Suite *
make_suite_redact_index(void)
{
	Suite *s = suite_create("redact_index");
	TCase *tc = tcase_create("core");

	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_run_words);
	tcase_add_test(tc, test_make_index_used);
	tcase_add_test(tc, test_refused);
	tcase_add_test(tc, test_stale);
	tcase_add_test(tc, test_fallback_same);
	tcase_add_test(tc, test_hostile_slots);
	tcase_add_test(tc, test_identifiers_repeated);
	suite_add_tcase(s, tc);
	return s;
}
