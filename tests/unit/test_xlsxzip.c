/*
 * test_xlsxzip.c: the ZIP container reader on archives built here byte by
 * byte: stored and deflated members, names without case, ZIP64 records,
 * and each damage refused with its reason: a CRC that does not match, a
 * member longer or shorter than the directory says, encryption, another
 * compression method, a truncated archive, a damaged directory, a deflate
 * stream ISA-L refuses (zlib's reason given), one only zlib refuses (an
 * incomplete Huffman code: read, and xlsxzip_fcheck() gives zlib's reason).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "core/strbuf.h"
#include "core/xlsxzip.h"

static const char text[] = "<row r=\"1\"><c r=\"A1\"><v>42</v></c></row>"
                           "<row r=\"2\"><c r=\"A2\"><v>43</v></c></row>";

enum damage {
	D_NONE,
	D_CRC,
	D_LONGER,
	D_SHORTER,
	D_ENCRYPTED,
	D_METHOD,
	D_CUT,
	D_DIR,
	D_ZIP64,
	D_BLOCKTYPE, /* the deflate stream's first block is of the reserved type 3 */
	D_LATE, /* a distance too far back near the stream's end, after bytes were given */
	D_INCOMPLETE, /* the deflated member is "ab" in a block whose literal code is incomplete */
};

/*
 * "ab" deflated in one dynamic block whose literal/length code has three
 * codes of two bits ('a', 'b', end of block): incomplete, so zlib refuses
 * it ("invalid literal/lengths set") where ISA-L decodes it.
 */
static const unsigned char incomplete[] = {0x05, 0xc0, 0x01, 0x09, 0x00, 0x00, 0x00,
                                           0x80, 0xa0, 0xad, 0xf5, 0x7f, 0x44, 0x62};

static void
put16(struct strbuf *b, unsigned v)
{
	unsigned char p[2] = {(unsigned char)v, (unsigned char)(v >> 8)};
	strbuf_add(b, p, 2);
}

static void
put32(struct strbuf *b, unsigned long v)
{
	put16(b, (unsigned)(v & 0xFFFF));
	put16(b, (unsigned)(v >> 16));
}

static void
put64(struct strbuf *b, unsigned long long v)
{
	put32(b, (unsigned long)(v & 0xFFFFFFFF));
	put32(b, (unsigned long)(v >> 32));
}

/* An archive of a stored "a.txt" and a deflated "Dir/B.xml" (both text), damaged so. */
static FILE *
archive(enum damage d)
{
	struct strbuf b, cd;
	unsigned char z[512];
	uLongf zn = sizeof z;
	z_stream zs;
	unsigned long off[2], crc = crc32(0, (const Bytef *)text, sizeof text - 1);
	unsigned long long cdoff;
	const char *names[2] = {"a.txt", "Dir/B.xml"};
	FILE *fp = tmpfile();
	int i;

	memset(&zs, 0, sizeof zs);
	ck_assert_int_eq(deflateInit2(&zs, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = (Bytef *)text;
	zs.avail_in = sizeof text - 1;
	zs.next_out = z;
	zs.avail_out = (uInt)zn;
	ck_assert_int_eq(deflate(&zs, Z_FINISH), Z_STREAM_END);
	zn = zs.total_out;
	deflateEnd(&zs);
	if (d == D_BLOCKTYPE)
		z[0] |= 6;
	if (d == D_LATE) { /* a stored block of the text, then a match 32,768 bytes back */
		zn = 0;
		z[zn++] = 0; /* BFINAL 0, stored */
		z[zn++] = (unsigned char)(sizeof text - 1);
		z[zn++] = 0;
		z[zn++] = (unsigned char)~(sizeof text - 1);
		z[zn++] = 0xFF;
		memcpy(z + zn, text, sizeof text - 1);
		zn += sizeof text - 1;
		/* BFINAL 1, fixed codes, length 3 (257: 0000001), distance code 29 (11101) */
		z[zn++] = 0x03;
		z[zn++] = 0x5e;
		z[zn++] = 0x01;
		z[zn++] = 0x00;
		z[zn++] = 0x00;
	}
	if (d == D_INCOMPLETE) {
		memcpy(z, incomplete, sizeof incomplete);
		zn = sizeof incomplete;
		crc = crc32(0, (const Bytef *)"ab", 2);
	}
	strbuf_init(&b);
	strbuf_init(&cd);
	for (i = 0; i < 2; i++) {
		unsigned method = i == 0 ? 0 : 8, flags = 0;
		unsigned long size = sizeof text - 1, csize = i == 0 ? size : zn;
		unsigned long c = i == 0 ? crc32(0, (const Bytef *)text, sizeof text - 1) : crc;
		if (i == 1 && d == D_CRC)
			c ^= 1;
		if (i == 1 && d == D_LONGER)
			size -= 5;
		if (i == 1 && d == D_SHORTER)
			size += 5;
		if (i == 1 && d == D_ENCRYPTED)
			flags = 1;
		if (i == 1 && d == D_METHOD)
			method = 12;
		if (i == 1 && d == D_CUT) /* the deflate stream stops before its end */
			csize = zn / 2;
		if (i == 1 && d == D_INCOMPLETE)
			size = 2;
		off[i] = (unsigned long)b.len;
		put32(&b, 0x04034b50);
		put16(&b, 20);
		put16(&b, flags);
		put16(&b, method);
		put32(&b, 0);
		put32(&b, c);
		put32(&b, csize);
		put32(&b, size);
		put16(&b, (unsigned)strlen(names[i]));
		put16(&b, 0);
		strbuf_adds(&b, names[i]);
		if (i == 0)
			strbuf_add(&b, text, sizeof text - 1);
		else
			strbuf_add(&b, z, csize);
		put32(&cd, 0x02014b50);
		put16(&cd, 20);
		put16(&cd, 20);
		put16(&cd, flags);
		put16(&cd, method);
		put32(&cd, 0);
		put32(&cd, c);
		put32(&cd, d == D_ZIP64 ? 0xFFFFFFFF : csize);
		put32(&cd, d == D_ZIP64 ? 0xFFFFFFFF : size);
		put16(&cd, (unsigned)strlen(names[i]));
		put16(&cd, d == D_ZIP64 ? 28 : 0);
		put16(&cd, 0);
		put16(&cd, 0);
		put16(&cd, 0);
		put32(&cd, 0);
		put32(&cd, d == D_ZIP64 ? 0xFFFFFFFF : off[i]);
		strbuf_adds(&cd, names[i]);
		if (d == D_ZIP64) {
			put16(&cd, 1);
			put16(&cd, 24);
			put64(&cd, size);
			put64(&cd, csize);
			put64(&cd, off[i]);
		}
	}
	cdoff = b.len;
	if (d == D_DIR)
		cd.buf[0] = 'X';
	strbuf_add(&b, cd.buf, cd.len);
	if (d == D_ZIP64) {
		unsigned long long at = b.len;
		put32(&b, 0x06064b50);
		put64(&b, 44);
		put16(&b, 45);
		put16(&b, 45);
		put32(&b, 0);
		put32(&b, 0);
		put64(&b, 2);
		put64(&b, 2);
		put64(&b, cd.len);
		put64(&b, cdoff);
		put32(&b, 0x07064b50);
		put32(&b, 0);
		put64(&b, at);
		put32(&b, 1);
	}
	put32(&b, 0x06054b50);
	put16(&b, 0);
	put16(&b, 0);
	put16(&b, d == D_ZIP64 ? 0xFFFF : 2);
	put16(&b, d == D_ZIP64 ? 0xFFFF : 2);
	put32(&b, d == D_ZIP64 ? 0xFFFFFFFF : (unsigned long)cd.len);
	put32(&b, d == D_ZIP64 ? 0xFFFFFFFF : (unsigned long)cdoff);
	put16(&b, 0);
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite("JUNK", 1, 4, fp), 4); /* the archive starts at byte 4 */
	ck_assert_uint_eq(fwrite(b.buf, 1, b.len, fp), b.len);
	strbuf_free(&b);
	strbuf_free(&cd);
	return fp;
}

/* Read the member name whole, in chunks of n: its bytes, or NULL with err set. */
static char *
slurp(struct xlsxzip *z, const char *name, size_t n, struct strbuf *err)
{
	long idx = xlsxzip_find(z, name, 1);
	struct xlsxzip_file *f;
	struct strbuf out;
	char buf[64];
	long long k;

	ck_assert_int_ge(idx, 0);
	if ((f = xlsxzip_fopen(z, idx, err)) == NULL)
		return NULL;
	strbuf_init(&out);
	while ((k = xlsxzip_fread(f, buf, n, err)) > 0)
		strbuf_add(&out, buf, (size_t)k);
	xlsxzip_fclose(f);
	if (k < 0) {
		strbuf_free(&out);
		return NULL;
	}
	return strbuf_steal(&out);
}

START_TEST(test_read)
{
	static const enum damage kinds[] = {D_NONE, D_ZIP64};
	struct strbuf err;
	struct xlsxzip *z;
	struct xlsxzip_stat st;
	char *s;
	size_t i;

	strbuf_init(&err);
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		ck_assert_ptr_nonnull(z = xlsxzip_open(archive(kinds[i]), 4, &err));
		ck_assert_int_eq(xlsxzip_find(z, "dir/b.XML", 0), -1);
		ck_assert_int_eq(xlsxzip_find(z, "c.txt", 1), -1);
		xlsxzip_stat(z, xlsxzip_find(z, "dir/b.XML", 1), &st);
		ck_assert_uint_eq(st.size, sizeof text - 1);
		ck_assert_uint_lt(st.comp_size, st.size);
		ck_assert_ptr_nonnull(s = slurp(z, "A.TXT", 7, &err));
		ck_assert_str_eq(s, text);
		free(s);
		ck_assert_ptr_nonnull(s = slurp(z, "dir/b.xml", 64, &err));
		ck_assert_str_eq(s, text);
		free(s);
		ck_assert_ptr_nonnull(s = slurp(z, "dir/b.xml", 1, &err));
		ck_assert_str_eq(s, text);
		free(s);
		xlsxzip_close(z);
	}
	strbuf_free(&err);
}
END_TEST

static const struct {
	enum damage d;
	const char *error; /* NULL: the member is read */
} damaged[] = {
    {D_CRC, "CRC error"},
    {D_LONGER, "larger than the archive says"},
    {D_SHORTER, "shorter than the archive says"},
    {D_ENCRYPTED, "encrypted"},
    {D_METHOD, "a method other than deflate"},
    {D_CUT, "truncated (a deflate stream stops)"},
    {D_BLOCKTYPE, "bad compressed data: the archive is damaged"},
    {D_LATE, "bad compressed data: the archive is damaged"},
};

START_TEST(test_damaged)
{
	struct strbuf err;
	struct xlsxzip *z;
	char *s;

	strbuf_init(&err);
	ck_assert_ptr_nonnull(z = xlsxzip_open(archive(damaged[_i].d), 4, &err));
	ck_assert_ptr_nonnull(s = slurp(z, "a.txt", 64, &err));
	free(s);
	ck_assert_ptr_null(slurp(z, "Dir/B.xml", 64, &err));
	ck_assert_msg(strstr(err.buf, damaged[_i].error) != NULL, "%d: got \"%s\"", damaged[_i].d,
	              err.buf);
	xlsxzip_close(z);
	strbuf_free(&err);
}
END_TEST

/* Damage met after bytes were given, read in pieces of every size: zlib's reason, always. */
START_TEST(test_damaged_pieces)
{
	struct strbuf err;
	struct xlsxzip *z;
	size_t n;

	strbuf_init(&err);
	for (n = 1; n <= 64; n++) { /* slurp() reads into 64 bytes */
		ck_assert_ptr_nonnull(z = xlsxzip_open(archive(D_LATE), 4, &err));
		ck_assert_ptr_null(slurp(z, "Dir/B.xml", n, &err));
		ck_assert_str_eq(err.buf, "bad compressed data: the archive is damaged");
		xlsxzip_close(z);
	}
	strbuf_free(&err);
}
END_TEST

/* A stream ISA-L reads and zlib refuses: read, and xlsxzip_fcheck() says what zlib says. */
START_TEST(test_incomplete_code)
{
	struct strbuf err;
	struct xlsxzip *z;
	struct xlsxzip_file *f;
	char buf[8], *s;

	strbuf_init(&err);
	ck_assert_ptr_nonnull(z = xlsxzip_open(archive(D_INCOMPLETE), 4, &err));
	ck_assert_ptr_nonnull(s = slurp(z, "Dir/B.xml", 64, &err));
	ck_assert_str_eq(s, "ab");
	free(s);
	ck_assert_ptr_nonnull(f = xlsxzip_fopen(z, xlsxzip_find(z, "Dir/B.xml", 0), &err));
	ck_assert_int_eq(xlsxzip_fcheck(f, &err), 0); /* nothing given yet */
	ck_assert_int_eq(xlsxzip_fread(f, buf, 1, &err), 1);
	ck_assert_int_eq(xlsxzip_fcheck(f, &err), -1);
	ck_assert_str_eq(err.buf, "bad compressed data: the archive is damaged");
	xlsxzip_fclose(f);
	/* a valid stream passes */
	ck_assert_ptr_nonnull(f = xlsxzip_fopen(z, xlsxzip_find(z, "a.txt", 0), &err));
	ck_assert_int_eq(xlsxzip_fread(f, buf, 8, &err), 8);
	ck_assert_int_eq(xlsxzip_fcheck(f, &err), 0);
	xlsxzip_fclose(f);
	xlsxzip_close(z);
	ck_assert_ptr_nonnull(z = xlsxzip_open(archive(D_NONE), 4, &err));
	ck_assert_ptr_nonnull(f = xlsxzip_fopen(z, xlsxzip_find(z, "Dir/B.xml", 0), &err));
	ck_assert_int_eq(xlsxzip_fread(f, buf, 8, &err), 8);
	ck_assert_int_eq(xlsxzip_fcheck(f, &err), 0);
	xlsxzip_fclose(f);
	xlsxzip_close(z);
	strbuf_free(&err);
}
END_TEST

START_TEST(test_not_archives)
{
	struct strbuf err;
	FILE *fp;

	strbuf_init(&err);
	ck_assert_ptr_null(xlsxzip_open(archive(D_DIR), 4, &err));
	ck_assert_str_eq(err.buf, "its central directory is damaged");
	ck_assert_ptr_null(xlsxzip_open(archive(D_NONE), 5, &err)); /* the offsets are wrong */
	ck_assert_ptr_nonnull(strstr(err.buf, "central directory"));
	fp = tmpfile();
	ck_assert_ptr_nonnull(fp);
	fputs("PK\3\4 and nothing more", fp);
	ck_assert_ptr_null(xlsxzip_open(fp, 0, &err));
	ck_assert_ptr_nonnull(strstr(err.buf, "no end of central directory"));
	strbuf_free(&err);
}
END_TEST

Suite *make_suite_xlsxzip(void);

/* The xlsxzip suite. */
Suite *
make_suite_xlsxzip(void)
{
	Suite *s = suite_create("xlsxzip");
	TCase *tc = tcase_create("read");

	tcase_add_test(tc, test_read);
	tcase_add_loop_test(tc, test_damaged, 0, (int)(sizeof damaged / sizeof damaged[0]));
	tcase_add_test(tc, test_damaged_pieces);
	tcase_add_test(tc, test_incomplete_code);
	tcase_add_test(tc, test_not_archives);
	suite_add_tcase(s, tc);
	return s;
}
