/*
 * xlsxzip.c: a workbook's ZIP container (see xlsxzip.h). The layout is
 * PKWARE's APPNOTE: the end of central directory record (and its ZIP64
 * twin), the central directory's file headers, a local header before each
 * member's data.
 *
 * A member is inflated by ISA-L (about three times as fast as zlib: a
 * million-row sheet is half a gigabyte of XML) and its CRC taken with ISA-L's.
 * zlib stays the judge of a damaged stream: when ISA-L reports an error or
 * runs out of input, zlib inflates the member again from its start, passes
 * over the bytes already given (the same bytes: both decode a valid stream
 * alike) and goes on from there, so the error, and the point it is met, are
 * zlib's. ISA-L accepts one thing zlib refuses, an incomplete Huffman code
 * (no writer makes one; what such a code gives is unambiguous): the reader
 * calls xlsxzip_fcheck() before it reports any error, so the error is zlib's
 * when zlib would have stopped first, and a member whose CRC and size hold
 * is read (zlib alone refused it).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>
#include <zlib.h>

#include "core/xalloc.h"
#include "core/xlsxzip.h"

#define EOCD_SIG 0x06054b50u
#define EOCD64_SIG 0x06064b50u
#define LOC64_SIG 0x07064b50u
#define CDIR_SIG 0x02014b50u
#define LOCAL_SIG 0x04034b50u
#define EOCD_LEN 22
#define CDIR_LEN 46
#define LOCAL_LEN 30
#define MAX_COMMENT 65535
#define INBUF ((size_t)256 << 10)

struct member {
	char *name;
	uint64_t size, comp_size, offset;
	uint32_t crc;
	int method, encrypted;
};

struct xlsxzip {
	FILE *fp;
	uint64_t start, end; /* the archive's first byte and its length in fp */
	struct member *m;
	size_t n;
	int busy; /* a member is open */
};

struct xlsxzip_file {
	struct xlsxzip *z;
	const struct member *m;
	uint64_t pos, left; /* where the next compressed byte is in fp; how many remain */
	uint64_t out; /* bytes given */
	uint64_t data; /* where the member's data begins in fp */
	uint32_t crc;
	int ended; /* the deflate stream has ended */
	int zlib; /* zlib inflates (zs), not ISA-L (is): see the top of this file */
	int zinit; /* zs is initialised */
	struct inflate_state *is;
	z_stream zs;
	unsigned char *in;
};

static uint16_t
le16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t
le64(const unsigned char *p)
{
	return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

/* Read n bytes at offset off of the archive: 0, or -1 when short. */
static int
read_at(struct xlsxzip *z, uint64_t off, void *buf, size_t n)
{
	if (off > z->end || n > z->end - off)
		return -1;
	if (fseeko(z->fp, (off_t)(z->start + off), SEEK_SET) != 0)
		return -1;
	return fread(buf, 1, n, z->fp) == n ? 0 : -1;
}

static void *
bad(struct xlsxzip *z, struct strbuf *err, const char *why)
{
	strbuf_reset(err);
	strbuf_adds(err, why);
	xlsxzip_close(z);
	return NULL;
}

/* The end of central directory record: its offset, or -1. */
static int64_t
find_eocd(struct xlsxzip *z, unsigned char **tail, size_t *tlen)
{
	size_t n = z->end < EOCD_LEN + MAX_COMMENT ? (size_t)z->end : EOCD_LEN + MAX_COMMENT;
	unsigned char *b;
	size_t i;

	if (n < EOCD_LEN)
		return -1;
	b = xmalloc(n);
	if (read_at(z, z->end - n, b, n) != 0) {
		free(b);
		return -1;
	}
	for (i = n - EOCD_LEN + 1; i-- > 0;)
		if (le32(b + i) == EOCD_SIG && i + EOCD_LEN + le16(b + i + 20) <= n) {
			*tail = b;
			*tlen = n;
			return (int64_t)(z->end - n + i);
		}
	free(b);
	return -1;
}

/* The ZIP64 fields of a central directory header's extra field. */
static int
zip64_extra(struct member *m, const unsigned char *x, size_t len, uint32_t usize, uint32_t csize,
            uint32_t off)
{
	while (len >= 4) {
		uint16_t id = le16(x), sz = le16(x + 2);
		size_t need = 0;
		if ((size_t)sz + 4 > len)
			return -1;
		if (id == 0x0001) {
			const unsigned char *p = x + 4;
			need =
			    (usize == 0xFFFFFFFFu) + (csize == 0xFFFFFFFFu) + (off == 0xFFFFFFFFu);
			if ((size_t)sz < need * 8)
				return -1;
			if (usize == 0xFFFFFFFFu)
				m->size = le64(p), p += 8;
			if (csize == 0xFFFFFFFFu)
				m->comp_size = le64(p), p += 8;
			if (off == 0xFFFFFFFFu)
				m->offset = le64(p);
			return 0;
		}
		x += 4 + sz;
		len -= 4 + (size_t)sz;
	}
	return usize == 0xFFFFFFFFu || csize == 0xFFFFFFFFu || off == 0xFFFFFFFFu ? -1 : 0;
}

/* Read the central directory's n headers, size bytes at off: 0, or a reason. */
static const char *
read_dir(struct xlsxzip *z, uint64_t off, uint64_t size, uint64_t n)
{
	unsigned char *d, *p, *end;
	uint64_t i;

	if (size > XLSXZIP_MAX_DIR)
		return "its central directory is over 64 MiB";
	if (n > size / CDIR_LEN)
		return "its central directory is damaged";
	d = xmalloc(size > 0 ? (size_t)size : 1);
	if (read_at(z, off, d, (size_t)size) != 0) {
		free(d);
		return "its central directory is missing or truncated";
	}
	z->m = xcalloc(n > 0 ? (size_t)n : 1, sizeof(*z->m));
	for (p = d, end = d + size, i = 0; i < n; i++) {
		struct member *m = &z->m[i];
		uint16_t nlen, xlen, clen, flags;
		if ((size_t)(end - p) < CDIR_LEN || le32(p) != CDIR_SIG)
			break;
		flags = le16(p + 8);
		nlen = le16(p + 28);
		xlen = le16(p + 30);
		clen = le16(p + 32);
		if ((size_t)(end - p) < (size_t)CDIR_LEN + nlen + xlen + clen)
			break;
		m->method = le16(p + 10);
		m->crc = le32(p + 16);
		m->comp_size = le32(p + 20);
		m->size = le32(p + 24);
		m->offset = le32(p + 42);
		m->encrypted = (flags & 1) || (flags & 0x40) || m->method == 99;
		m->name = xstrndup((const char *)p + CDIR_LEN, nlen);
		z->n = (size_t)i + 1;
		if (zip64_extra(m, p + CDIR_LEN + nlen, xlen, le32(p + 24), le32(p + 20),
		                le32(p + 42)) != 0)
			break;
		p += CDIR_LEN + nlen + xlen + clen;
	}
	free(d);
	return i == n ? NULL : "its central directory is damaged";
}

struct xlsxzip *
xlsxzip_open(FILE *fp, uint64_t start, struct strbuf *err)
{
	struct xlsxzip *z = xcalloc(1, sizeof(*z));
	unsigned char *tail = NULL, *e, b64[56];
	size_t tlen = 0;
	int64_t at;
	uint64_t n, size, off;
	const char *why;

	z->fp = fp;
	z->start = start;
	if (fseeko(fp, 0, SEEK_END) != 0 || ftello(fp) < (off_t)start)
		return bad(z, err, "cannot seek in it");
	z->end = (uint64_t)ftello(fp) - start;
	if ((at = find_eocd(z, &tail, &tlen)) < 0)
		return bad(z, err,
		           "not a ZIP archive, or a truncated one (no end of central directory)");
	e = tail + (tlen - (z->end - (uint64_t)at));
	n = le16(e + 10);
	size = le32(e + 12);
	off = le32(e + 16);
	if (le16(e + 4) != 0 || le16(e + 6) != 0 || le16(e + 8) != le16(e + 10)) {
		free(tail);
		return bad(z, err, "an archive split over several disks");
	}
	if (e - tail >= 20 && (n == 0xFFFF || size == 0xFFFFFFFFu || off == 0xFFFFFFFFu) &&
	    le32(e - 20) == LOC64_SIG) {
		uint64_t at64 = le64(e - 20 + 8);
		if (read_at(z, at64, b64, sizeof b64) != 0 || le32(b64) != EOCD64_SIG) {
			free(tail);
			return bad(z, err, "its ZIP64 end of central directory is damaged");
		}
		n = le64(b64 + 32);
		size = le64(b64 + 40);
		off = le64(b64 + 48);
	}
	free(tail);
	if ((why = read_dir(z, off, size, n)) != NULL)
		return bad(z, err, why);
	return z;
}

void
xlsxzip_close(struct xlsxzip *z)
{
	size_t i;

	if (z == NULL)
		return;
	for (i = 0; i < z->n; i++)
		free(z->m[i].name);
	free(z->m);
	if (z->fp != NULL)
		fclose(z->fp);
	free(z);
}

long
xlsxzip_find(const struct xlsxzip *z, const char *name, int nocase)
{
	size_t i;

	for (i = 0; i < z->n; i++)
		if ((nocase ? strcasecmp(z->m[i].name, name) : strcmp(z->m[i].name, name)) == 0)
			return (long)i;
	return -1;
}

void
xlsxzip_stat(const struct xlsxzip *z, long idx, struct xlsxzip_stat *st)
{
	const struct member *m = &z->m[idx];

	st->size = m->size;
	st->comp_size = m->comp_size;
	st->encrypted = m->encrypted;
	st->method = m->method;
}

static void *
fbad(struct xlsxzip_file *f, struct strbuf *err, const char *why)
{
	strbuf_reset(err);
	strbuf_adds(err, why);
	xlsxzip_fclose(f);
	return NULL;
}

struct xlsxzip_file *
xlsxzip_fopen(struct xlsxzip *z, long idx, struct strbuf *err)
{
	struct xlsxzip_file *f;
	const struct member *m = &z->m[idx];
	unsigned char h[LOCAL_LEN];

	if (z->busy) {
		strbuf_reset(err);
		strbuf_adds(err, "internal error: two members open at once");
		return NULL;
	}
	f = xcalloc(1, sizeof(*f));
	f->z = z;
	f->m = m;
	f->crc = 0;
	z->busy = 1;
	if (m->encrypted)
		return fbad(f, err, "encrypted: save the workbook without a password");
	if (m->method != 0 && m->method != 8)
		return fbad(f, err, "compressed by a method other than deflate: not read");
	if (m->method == 0 && m->size != m->comp_size)
		return fbad(f, err, "the archive is damaged (a stored member's sizes differ)");
	if (read_at(z, m->offset, h, sizeof h) != 0 || le32(h) != LOCAL_SIG)
		return fbad(f, err, "the archive is damaged (no local header)");
	f->data = f->pos = m->offset + LOCAL_LEN + le16(h + 26) + le16(h + 28);
	f->left = m->comp_size;
	if (f->pos > z->end || f->left > z->end - f->pos)
		return fbad(f, err, "the archive is truncated");
	f->in = xmalloc(INBUF);
	if (m->method == 8) {
		f->is = xmalloc(sizeof(*f->is));
		isal_inflate_init(f->is);
	}
	return f;
}

/* Refill the input buffer: 0, or -1. */
static int
refill(struct xlsxzip_file *f)
{
	size_t k = f->left < INBUF ? (size_t)f->left : INBUF;

	if (read_at(f->z, f->pos, f->in, k) != 0)
		return -1;
	f->pos += k;
	f->left -= k;
	if (f->zlib) {
		f->zs.next_in = f->in;
		f->zs.avail_in = (uInt)k;
	} else {
		f->is->next_in = f->in;
		f->is->avail_in = (uint32_t)k;
	}
	return 0;
}

static long long
ferr(struct strbuf *err, const char *why)
{
	strbuf_reset(err);
	strbuf_adds(err, why);
	return -1;
}

/* The member's end: its CRC and length as the directory says, or -1. */
static long long
at_end(struct xlsxzip_file *f, struct strbuf *err)
{
	if (f->out != f->m->size)
		return ferr(err, "shorter than the archive says: the archive is damaged");
	if (f->crc != f->m->crc)
		return ferr(err, "CRC error: the archive is damaged");
	return 0;
}

/*
 * zlib inflates n bytes more into buf (fewer at the stream's end): how many
 * are given in *got; 0, or -1 with err set.
 */
static int
zlib_more(struct xlsxzip_file *f, unsigned char *buf, size_t n, size_t *got, struct strbuf *err)
{
	f->zs.next_out = buf;
	f->zs.avail_out = (uInt)n;
	while (f->zs.avail_out > 0) {
		int rc;
		if (f->zs.avail_in == 0 && f->left > 0 && refill(f) != 0)
			return (int)ferr(err, "the archive is truncated");
		rc = inflate(&f->zs, Z_NO_FLUSH);
		if (rc == Z_STREAM_END) {
			f->ended = 1;
			break;
		}
		if (rc == Z_BUF_ERROR && f->zs.avail_in == 0 && f->left == 0)
			return (int)ferr(err, "the archive is truncated (a deflate stream stops)");
		if (rc != Z_OK && rc != Z_BUF_ERROR)
			return (int)ferr(err, "bad compressed data: the archive is damaged");
	}
	*got = n - f->zs.avail_out;
	return 0;
}

/*
 * zlib takes over: it inflates the member again from its start and passes
 * over the first skip bytes, using buf (n bytes) as scratch. 0, or -1 with
 * err set (zlib met the error before those bytes).
 */
static int
zlib_from_start(struct xlsxzip_file *f, uint64_t skip, unsigned char *buf, size_t n,
                struct strbuf *err)
{
	if (f->zinit)
		inflateEnd(&f->zs);
	memset(&f->zs, 0, sizeof f->zs);
	if (inflateInit2(&f->zs, -MAX_WBITS) != Z_OK)
		return (int)ferr(err, "out of memory");
	f->zinit = 1;
	f->zlib = 1;
	f->ended = 0;
	f->pos = f->data;
	f->left = f->m->comp_size;
	while (skip > 0) {
		size_t got;
		if (zlib_more(f, buf, skip < n ? (size_t)skip : n, &got, err) != 0)
			return -1;
		if (got == 0)
			break;
		skip -= got;
	}
	return 0;
}

/* ISA-L inflates into buf[0..n): how many bytes in *got; 0, or -1 (err set). */
static int
isal_more(struct xlsxzip_file *f, unsigned char *buf, size_t n, size_t *got, struct strbuf *err)
{
	struct inflate_state *is = f->is;

	is->next_out = buf;
	is->avail_out = (uint32_t)n;
	while (is->avail_out > 0) {
		uint32_t out_before, in_before;
		int rc;
		if (is->avail_in == 0 && f->left > 0 && refill(f) != 0)
			return (int)ferr(err, "the archive is truncated");
		out_before = is->avail_out;
		in_before = is->avail_in;
		rc = isal_inflate(is);
		if (rc == ISAL_DECOMP_OK && is->block_state == ISAL_BLOCK_FINISH) {
			f->ended = 1;
			break;
		}
		if (rc != ISAL_DECOMP_OK ||
		    (is->avail_out == out_before && is->avail_in == in_before)) {
			/* damaged or cut short: zlib says how, and where (this read again) */
			if (zlib_from_start(f, f->out, buf, n, err) != 0)
				return -1;
			return zlib_more(f, buf, n, got, err);
		}
	}
	*got = n - is->avail_out;
	return 0;
}

long long
xlsxzip_fread(struct xlsxzip_file *f, void *buf, size_t n, struct strbuf *err)
{
	size_t got;

	if (n > ((size_t)1 << 30))
		n = (size_t)1 << 30;
	if (f->m->method == 0) {
		uint64_t rest = f->m->size - f->out;
		got = rest < n ? (size_t)rest : n;
		if (got == 0)
			return at_end(f, err);
		if (read_at(f->z, f->pos, buf, got) != 0)
			return ferr(err, "the archive is truncated");
		f->pos += got;
	} else {
		if (f->ended)
			return at_end(f, err);
		if ((f->zlib ? zlib_more(f, buf, n, &got, err) : isal_more(f, buf, n, &got, err)) !=
		    0)
			return -1;
		if (got == 0 && f->ended)
			return at_end(f, err);
	}
	if (got > f->m->size - f->out)
		return ferr(err, "larger than the archive says (a ZIP bomb?): refused");
	f->out += got;
	f->crc = crc32_gzip_refl(f->crc, buf, got);
	return (long long)got;
}

int
xlsxzip_fcheck(struct xlsxzip_file *f, struct strbuf *err)
{
	struct xlsxzip_file g;
	unsigned char *scratch;
	int rc;

	if (f->m->method != 8 || f->zlib || f->out == 0)
		return 0;
	/* a second reader of the same member, from its start, with zlib */
	memset(&g, 0, sizeof g);
	g.z = f->z;
	g.m = f->m;
	g.data = f->data;
	g.in = xmalloc(INBUF);
	scratch = xmalloc(INBUF);
	rc = zlib_from_start(&g, f->out, scratch, INBUF, err);
	if (g.zinit)
		inflateEnd(&g.zs);
	free(scratch);
	free(g.in);
	return rc;
}

void
xlsxzip_fclose(struct xlsxzip_file *f)
{
	if (f == NULL)
		return;
	if (f->zinit)
		inflateEnd(&f->zs);
	free(f->is);
	free(f->in);
	f->z->busy = 0;
	free(f);
}
