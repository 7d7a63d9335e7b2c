/*
 * csvio.c: streaming CSV reader over libcsv, and an RFC 4180 writer.
 *
 * The input is read in 64 KiB chunks and cut into segments that end at a line
 * terminator (LF, CRLF or bare CR) or at the end of the chunk. Each segment
 * goes to csv_parse(), so the reader always knows which physical line it is
 * on: a record starts on the line where the parser was between rows, and
 * libcsv ends a record only at a terminator, so one segment ends at most one
 * record. Fields are copied into one arena per record (no allocation per
 * field), checked for UTF-8 or transcoded from Windows-1252 on the way.
 *
 * A line that starts a record and lies whole in a valid UTF-8 chunk is split
 * here instead, with libcsv's rules, by split() (spaces and tabs around a
 * field dropped, a line of only spaces no record), when its quoted fields
 * close on the line (the common Excel case): it finds commas and quotes 16
 * bytes at a time (SSE2). A line with no quote and no space or tab at a
 * field's edge (most lines) is copied whole, its commas turned into the
 * NULs that end its fields (split_plain()). Everything else (a field
 * spanning lines, a stray quote, Windows-1252 or bad UTF-8) is libcsv's.
 *
 * libcsv's parser state is private: the reader keeps its own view of it
 * (struct track, updated over every byte given to libcsv) to know where a
 * record starts and whether the input ended inside a quoted field.
 */
#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/csvio.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "core/xlsx.h"

#define CHUNK ((size_t)64 << 10)
#define STALE SIZE_MAX
#define MIN_BLOCK ((size_t)1024)
#define SMALL 16 /* fields up to this long are copied with a fixed-size memcpy */

/*
 * Where libcsv is (strict mode), as seen from the bytes it was given: between
 * rows, before a field, in an unquoted field, in a quoted one, after a quote
 * in a quoted field (closing it or doubled), after spaces past a closing quote.
 */
enum track {
	T_ROW,
	T_FIELD,
	T_PLAIN,
	T_QUOTED,
	T_QUOTE,
	T_SPACES,
};

struct csvio_reader {
	FILE *fp;
	char *name;
	int cp1252; /* transcode (asked for, and no UTF-8 BOM) */
	struct csv_parser p;
	enum track t; /* libcsv's state after the bytes given to it */
	size_t blk; /* the block size set in libcsv */
	size_t entry_size; /* libcsv's field buffer size before the segment being parsed */
	size_t max_record;
	size_t rec_bytes; /* input bytes of the record being built */

	unsigned char *buf; /* CHUNK bytes + one carried CR */
	size_t pos, len;
	size_t nl, cr; /* next LF / CR at or after pos, len if none, STALE if unknown */
	int eof, started;
	int clean; /* the buffer is valid UTF-8 throughout */
	struct strbuf pend; /* bytes to read again before fp (see replay()) */
	size_t pend_pos;
	struct strbuf raw; /* the open record's bytes after its first line */
	struct strbuf unq; /* a quoted field without its doubled quotes */
	int raw_on;

	unsigned long line; /* physical line being read */
	size_t line_bytes; /* bytes read of that line so far */
	unsigned long start; /* line where the record being built starts */
	int skip; /* dropping the rest of a malformed line */
	int done, fatal;
	struct strbuf err;

	struct strbuf data; /* the record's fields, each NUL-terminated */
	struct strbuf *dst; /* where fields go: &data, or the caller's arena */
	size_t base; /* where the open record starts in dst */
	size_t *offs; /* where each field starts in dst */
	size_t nonempty; /* nonzero once a field is not empty */
	size_t cap;
	int ended; /* libcsv ended the record */
	int check_fields; /* a segment of this record was not clean UTF-8: check each field */
	int libcsv_only; /* CSVIO_LIBCSV_ONLY: no split() */
	struct csvio_record rec;
	struct xlsx_reader *xl; /* the input is a workbook: rows come from here */
	FILE *replay; /* the bytes xlsx_sniff() looked at, then fp */
};

static void record_reset(struct csvio_reader *);
static int fatal(struct csvio_reader *, const char *, ...) __attribute__((format(printf, 2, 3)));
static void on_field_slow(const char *, size_t, struct csvio_reader *) __attribute__((noinline));

/* Record a fatal error; always returns -1. */
static int
fatal(struct csvio_reader *r, const char *fmt, ...)
{
	va_list ap;

	strbuf_reset(&r->err);
	va_start(ap, fmt);
	strbuf_vprintf(&r->err, fmt, ap);
	va_end(ap);
	r->fatal = 1;
	return -1;
}

/* Start libcsv afresh: strict quotes, buffers grown with xrealloc. */
static void
parser_init(struct csvio_reader *r)
{
	csv_init(&r->p, CSV_STRICT | CSV_APPEND_NULL);
	csv_set_realloc_func(&r->p, xrealloc);
	csv_set_blk_size(&r->p, MIN_BLOCK);
	r->blk = MIN_BLOCK;
	r->t = T_ROW;
}

struct csvio_reader *
csvio_open(FILE *fp, const char *name, unsigned flags)
{
	struct csvio_reader *r = xcalloc(1, sizeof(*r));

	xlsx_sniff(fp, name, &r->xl, &r->replay);
	r->fp = r->replay != NULL ? r->replay : fp;
	r->name = xstrdup(name != NULL ? name : "<stdin>");
	r->cp1252 = (flags & CSVIO_CP1252) != 0;
	r->libcsv_only = (flags & CSVIO_LIBCSV_ONLY) != 0;
	r->max_record = CSVIO_MAX_RECORD;
	r->buf = xmalloc(CHUNK + 1);
	r->nl = r->cr = STALE;
	r->line = 1;
	r->start = 1;
	strbuf_init(&r->err);
	strbuf_init(&r->data);
	r->dst = &r->data;
	strbuf_init(&r->pend);
	strbuf_init(&r->raw);
	strbuf_init(&r->unq);
	r->cap = 16;
	r->offs = xreallocarray(NULL, r->cap, sizeof(*r->offs));
	r->rec.fields = xreallocarray(NULL, r->cap, sizeof(*r->rec.fields));
	r->rec.lens = xreallocarray(NULL, r->cap, sizeof(*r->rec.lens));
	parser_init(r);
	return r;
}

void
csvio_set_arena(struct csvio_reader *r, struct strbuf *arena)
{
	r->dst = arena != NULL ? arena : &r->data;
}

void
csvio_set_max_record(struct csvio_reader *r, size_t max)
{
	r->max_record = max;
}

const char *
csvio_error(const struct csvio_reader *r)
{
	if (r->xl != NULL)
		return xlsx_error(r->xl);
	return r->err.buf;
}

size_t
csvio_line_bytes(const struct csvio_reader *r)
{
	const unsigned char *p = r->buf + r->pos, *end = r->buf + r->len, *q;
	size_t lines = 0;

	if (r->xl != NULL)
		return 0;
	for (q = p; (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
		lines++;
	return lines > 0 ? (r->len - r->pos) / lines : 0;
}

unsigned long
csvio_lines(const struct csvio_reader *r)
{
	if (r->xl != NULL)
		return xlsx_rows(r->xl);
	return r->line - 1 + (r->line_bytes > 0);
}

void
csvio_close(struct csvio_reader *r)
{
	if (r == NULL)
		return;
	xlsx_close(r->xl);
	if (r->replay != NULL)
		fclose(r->replay);
	csv_free(&r->p);
	free(r->name);
	free(r->buf);
	strbuf_free(&r->err);
	strbuf_free(&r->data);
	strbuf_free(&r->pend);
	strbuf_free(&r->raw);
	strbuf_free(&r->unq);
	free(r->offs);
	free(r->rec.fields);
	free(r->rec.lens);
	free(r);
}

/* Make room for more fields. */
static void
fields_grow(struct csvio_reader *r)
{
	struct csvio_record *rec = &r->rec;

	r->cap *= 2;
	r->offs = xreallocarray(r->offs, r->cap, sizeof(*r->offs));
	rec->fields = xreallocarray(rec->fields, r->cap, sizeof(*rec->fields));
	rec->lens = xreallocarray(rec->lens, r->cap, sizeof(*rec->lens));
}

/* Append a field that needs transcoding or checking; 0 when it is not valid. */
static int
field_check(struct csvio_reader *r, const char *s, size_t len)
{
	size_t off = r->dst->len;

	if (r->cp1252) {
		utf8_from_cp1252(r->dst, s, len);
		return memchr(s, '\0', len) == NULL;
	}
	strbuf_add(r->dst, s, len);
	return utf8_valid(r->dst->buf + off, len, NULL);
}

/* on_field() for a field that needs room, checking or transcoding. */
static void
on_field_slow(const char *s, size_t len, struct csvio_reader *r)
{
	struct csvio_record *rec = &r->rec;
	size_t off = r->dst->len, n = rec->nfields, i;
	char *old = r->dst->buf;

	if (n == r->cap)
		fields_grow(r);
	if (r->check_fields) {
		if (!field_check(r, s, len) && !(rec->flags & CSVIO_BAD_UTF8)) {
			rec->flags |= CSVIO_BAD_UTF8;
			rec->bad_field = n;
		}
	} else
		strbuf_add(r->dst, s, len);
	strbuf_addch(r->dst, '\0');
	if (r->dst->buf != old)
		for (i = 0; i < n; i++)
			rec->fields[i] = r->dst->buf + r->offs[i];
	r->offs[n] = off;
	rec->fields[n] = r->dst->buf + off;
	rec->lens[n] = r->dst->len - 1 - off;
	r->nonempty |= rec->lens[n];
	rec->nfields = n + 1;
}

/*
 * Copy a field into the arena (the common case, kept lean). wide: SMALL
 * bytes may be read at s whatever len is.
 */
static inline void
add_field(struct csvio_reader *r, const char *s, size_t len, int wide)
{
	size_t off = r->dst->len, n = r->rec.nfields;
	char *d;

	if (r->check_fields || n == r->cap || off + len + SMALL + 2 > r->dst->cap) {
		on_field_slow(s, len, r);
		return;
	}
	d = r->dst->buf + off;
	/*
	 * Most fields are short: copy a fixed SMALL bytes (inlined, no call)
	 * when the source has that many (wide); the bytes past len land in the
	 * spare room checked above and are overwritten later.
	 */
	if (len <= 4) {
		/* byte by byte: a wide load would wait on libcsv's byte stores */
		switch (len) {
		case 4:
			d[3] = s[3]; /* FALLTHROUGH */
		case 3:
			d[2] = s[2]; /* FALLTHROUGH */
		case 2:
			d[1] = s[1]; /* FALLTHROUGH */
		case 1:
			d[0] = s[0]; /* FALLTHROUGH */
		default:
			break;
		}
	} else if (len <= SMALL && wide)
		memcpy(d, s, SMALL);
	else
		memcpy(d, s, len);
	d[len] = '\0';
	d[len + 1] = '\0';
	r->dst->len = off + len + 1;
	r->offs[n] = off;
	r->rec.fields[n] = d;
	r->rec.lens[n] = len;
	r->nonempty |= len;
	r->rec.nfields = n + 1;
}

/* libcsv field callback. */
static void
on_field(void *s, size_t len, void *arg)
{
	struct csvio_reader *r = arg;

	add_field(r, s, len, r->entry_size >= SMALL);
}

/* libcsv record callback. */
static void
on_row(int c, void *arg)
{
	(void)c;
	((struct csvio_reader *)arg)->ended = 1;
}

/* Refill the buffer, keeping the unread bytes (at most a carried CR). */
static int
fill(struct csvio_reader *r)
{
	size_t keep = r->len - r->pos, got;

	memmove(r->buf, r->buf + r->pos, keep);
	if (r->pend_pos < r->pend.len) {
		got = r->pend.len - r->pend_pos < CHUNK ? r->pend.len - r->pend_pos : CHUNK;
		memcpy(r->buf + keep, r->pend.buf + r->pend_pos, got);
		r->pend_pos += got;
	} else {
		got = fread(r->buf + keep, 1, CHUNK, r->fp);
		if (got < CHUNK) {
			if (ferror(r->fp))
				return fatal(r, "read error: %s", strerror(errno));
			r->eof = 1;
		}
	}
	r->pos = 0;
	r->len = keep + got;
	r->nl = r->cr = STALE;
	if (!r->started) {
		r->started = 1;
		if (r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0) {
			r->pos = 3;
			r->cp1252 = 0;
		}
	}
	/* A valid chunk has valid segments: check it in one go. */
	r->clean = !r->cp1252 && utf8_valid((const char *)r->buf + r->pos, r->len - r->pos, NULL);
	return 0;
}

/* Offset of the next byte c at or after pos, or len. */
static size_t
find(const struct csvio_reader *r, int c)
{
	const unsigned char *q = memchr(r->buf + r->pos, c, r->len - r->pos);

	return q != NULL ? (size_t)(q - r->buf) : r->len;
}

/*
 * Cut the next segment: the bytes up to and including a line terminator (*eol
 * set) or up to the end of the buffer. 1 with a segment, 0 at end of input,
 * -1 on a read error.
 */
static int
next_segment(struct csvio_reader *r, const unsigned char **s, size_t *n, int *eol)
{
	size_t t, end;

	for (;;) {
		if (r->pos == r->len) {
			if (r->eof)
				return 0;
			if (fill(r) < 0)
				return -1;
			continue;
		}
		if (r->nl == STALE || r->nl < r->pos)
			r->nl = find(r, '\n');
		if (r->cr == STALE || r->cr < r->pos)
			r->cr = find(r, '\r');
		t = r->nl < r->cr ? r->nl : r->cr;
		*s = r->buf + r->pos;
		*eol = 1;
		if (t == r->len) {
			end = r->len;
			*eol = 0;
		} else if (r->buf[t] == '\n')
			end = t + 1;
		else if (t + 1 < r->len)
			end = r->buf[t + 1] == '\n' ? t + 2 : t + 1;
		else if (r->eof)
			end = t + 1;
		else if (t > r->pos) {
			/* A CR ends the buffer: an LF may follow in the next chunk. */
			end = t;
			*eol = 0;
		} else {
			if (fill(r) < 0)
				return -1;
			continue;
		}
		*n = end - r->pos;
		r->pos = end;
		return 1;
	}
}

/* Whether c is a space libcsv drops around an unquoted field. */
static int
is_blank(unsigned char c)
{
	return c == ' ' || c == '\t';
}

/*
 * Whether a whole line (its terminator included) that starts a record may be
 * split here: it lies in a valid UTF-8 chunk read as UTF-8, and libcsv is
 * between rows.
 */
static int
splittable(const struct csvio_reader *r)
{
	return !r->libcsv_only && r->clean && !r->cp1252 && r->t == T_ROW;
}

/*
 * The first byte c1 or c2 in [p, end), or end. Bytes from p up to limit
 * (at or past end) may be read: with SSE2, 16 at a time, as long as 16 lie
 * before limit; one at a time after that.
 */
static inline const char *
find2(const char *p, const char *end, const char *limit, char c1, char c2)
{
#if defined(__SSE2__)
	const __m128i v1 = _mm_set1_epi8(c1), v2 = _mm_set1_epi8(c2);
	__m128i v;
	unsigned m;

	while (p < end && limit - p >= 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)p);
		m = (unsigned)_mm_movemask_epi8(
		    _mm_or_si128(_mm_cmpeq_epi8(v, v1), _mm_cmpeq_epi8(v, v2)));
		if (m != 0) {
			p += __builtin_ctz(m);
			return p < end ? p : end;
		}
		p += 16;
	}
#endif
	while (p < end && *p != c1 && *p != c2)
		p++;
	return p < end ? p : end;
}

/* Forget the fields added to the record being built. */
static void
fields_drop(struct csvio_reader *r)
{
	r->rec.nfields = 0;
	r->dst->len = r->base;
	r->nonempty = 0;
}

/*
 * Add the quoted field whose text starts at a (after its opening quote) on a
 * line ending at end: 0 with *next just past its closing quote, -1 (nothing
 * added) when it does not close on the line.
 */
static int
quoted_field(struct csvio_reader *r, const char *a, const char *end, const char **next)
{
	const char *limit = (const char *)r->buf + r->len;
	const char *q = find2(a, end, limit, '"', '"');

	if (q == end)
		return -1;
	if (q + 1 == end || q[1] != '"') {
		add_field(r, a, (size_t)(q - a), limit - a >= SMALL);
		*next = q + 1;
		return 0;
	}
	/* Doubled quotes: the text without them, pieced together. */
	strbuf_reset(&r->unq);
	for (;;) {
		strbuf_add(&r->unq, a, (size_t)(q - a) + 1);
		a = q + 2;
		if ((q = find2(a, end, limit, '"', '"')) == end)
			return -1;
		if (q + 1 == end || q[1] != '"')
			break;
	}
	strbuf_add(&r->unq, a, (size_t)(q - a));
	add_field(r, r->unq.buf, r->unq.len, 0);
	*next = q + 1;
	return 0;
}

/* Whether c is a space or a tab (tested for the rarer case last). */
static inline int
edge_blank(char c)
{
	return (unsigned char)c <= ' ' && is_blank((unsigned char)c);
}

/* Where split_plain() puts a line's fields (copies, so they stay in registers). */
struct plain_out {
	const char *p; /* the line */
	char *d; /* its copy in the arena */
	size_t off; /* where d is in the arena */
	size_t *offs;
	char **fields;
	size_t *lens;
	size_t cap;
};

/*
 * Field n of a plain line: [a, b) of it; 0 when libcsv would trim it (a
 * space or tab at its edge).
 */
static inline int
plain_add(struct csvio_reader *r, struct plain_out *o, size_t a, size_t b, size_t n)
{
	if (a < b && (edge_blank(o->p[a]) || edge_blank(o->p[b - 1])))
		return 0;
	if (n == o->cap) {
		fields_grow(r);
		o->offs = r->offs;
		o->fields = r->rec.fields;
		o->lens = r->rec.lens;
		o->cap = r->cap;
	}
	o->offs[n] = o->off + a;
	o->fields[n] = o->d + a;
	o->lens[n] = b - a;
	o->d[b] = '\0';
	return 1;
}

/*
 * The common line, without a quote or a space or tab at a field's edge,
 * whose fields are its bytes between commas: copied to the arena in one go
 * (16 bytes at a time with SSE2), each comma turned into the NUL ending a
 * field. 1 with its fields added; 0, with none, for any other line
 * (split()'s then). The line is p up to end (its terminator dropped); bytes
 * up to limit may be read.
 */
static int
split_plain(struct csvio_reader *r, const char *p, const char *end, const char *limit)
{
	size_t len = (size_t)(end - p), i = 0, a = 0, n = 0;
	struct plain_out o;

	if (len == 0 || r->check_fields || r->rec.nfields != 0)
		return 0;
	if (r->dst->len + len + 2 * SMALL > r->dst->cap)
		strbuf_grow(r->dst, len + 2 * SMALL);
	o.p = p;
	o.off = r->dst->len;
	o.d = r->dst->buf + o.off;
	o.offs = r->offs;
	o.fields = r->rec.fields;
	o.lens = r->rec.lens;
	o.cap = r->cap;
#if defined(__SSE2__)
	{
		const __m128i vc = _mm_set1_epi8(','), vq = _mm_set1_epi8('"');
		__m128i v;
		unsigned mc, keep = 0xFFFFu;
		size_t j;

		/*
		 * Whole blocks of the line, then its last part block when 16
		 * bytes may be read there; the room above takes the up to 15
		 * bytes stored past the line.
		 */
		for (; i < len; i += 16) {
			if (len - i < 16) {
				if (limit - (p + i) < 16)
					break;
				keep = (1u << (len - i)) - 1;
			}
			v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
			_mm_storeu_si128((__m128i *)(void *)(o.d + i), v);
			if ((unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vq)) & keep)
				goto other;
			mc = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vc)) & keep;
			for (; mc != 0; mc &= mc - 1) {
				j = i + (size_t)__builtin_ctz(mc);
				if (!plain_add(r, &o, a, j, n++))
					goto other;
				a = j + 1;
			}
		}
	}
#endif
	for (; i < len; i++) {
		if (p[i] == '"')
			goto other;
		o.d[i] = p[i];
		if (p[i] == ',') {
			if (!plain_add(r, &o, a, i, n++))
				goto other;
			a = i + 1;
		}
	}
	if (!plain_add(r, &o, a, len, n++))
		goto other;
	o.d[len + 1] = '\0';
	r->dst->len += len + 1;
	r->nonempty |= len + 1 - n; /* the bytes that are not commas */
	r->rec.nfields = n;
	return 1;
other:
	o.d[0] = '\0'; /* the arena's terminator, overwritten above */
	return 0;
}

/*
 * Split a splittable() line as libcsv would (strict quotes): 1 with its
 * fields added (each without the spaces and tabs around it; a line of
 * nothing but those is no record at all: no fields), 0 with none when it
 * is not one split() reads (a quoted field going on to the next line, a
 * stray quote): libcsv's then.
 */
static int
split(struct csvio_reader *r, const unsigned char *s, size_t n)
{
	const char *p = (const char *)s, *end = p + n, *limit = (const char *)r->buf + r->len;
	const char *q, *a, *b;

	while (end > p && (end[-1] == '\n' || end[-1] == '\r'))
		end--;
	if (split_plain(r, p, end, limit))
		return 1;
	for (a = p; a < end && is_blank((unsigned char)*a); a++)
		;
	if (a == end)
		return 1;
	for (;;) {
		for (a = p; a < end && is_blank((unsigned char)*a); a++)
			;
		if (a < end && *a == '"') {
			if (quoted_field(r, a + 1, end, &p) < 0)
				break;
			while (p < end && is_blank((unsigned char)*p))
				p++;
			if (p == end)
				return 1;
			if (*p++ != ',')
				break;
			continue;
		}
		q = find2(a, end, limit, ',', '"');
		if (q < end && *q == '"')
			goto stray;
		for (b = q; b > a && is_blank((unsigned char)b[-1]); b--)
			;
		add_field(r, a, (size_t)(b - a), limit - a >= SMALL);
		if (q == end)
			return 1;
		p = q + 1;
	}
stray:
	fields_drop(r);
	return 0;
}

/*
 * Follow libcsv's state over n bytes it has taken without error (in strict
 * mode a stray quote stops it, and the reader starts it afresh).
 */
static void
track(struct csvio_reader *r, const unsigned char *s, size_t n)
{
	const unsigned char *end = s + n, *q;
	enum track t = r->t;
	unsigned char c;

	while (s < end) {
		if (t == T_QUOTED) {
			if ((q = memchr(s, '"', (size_t)(end - s))) == NULL)
				break;
			s = q + 1;
			t = T_QUOTE;
			continue;
		}
		c = *s++;
		if (c == '\r' || c == '\n')
			t = T_ROW; /* a row ends, or none had begun */
		else if (c == ',')
			t = T_FIELD;
		else if (c == '"')
			t = t == T_QUOTE ? T_QUOTED : t == T_ROW || t == T_FIELD ? T_QUOTED : t;
		else if (is_blank(c))
			t = t == T_QUOTE ? T_SPACES : t;
		else if (t == T_ROW || t == T_FIELD)
			t = T_PLAIN;
	}
	r->t = t;
}

/* Give libcsv a segment: 0 when consumed, 1 on a stray quote, -1 on a fatal error. */
static int
feed(struct csvio_reader *r, const unsigned char *s, size_t n)
{
	size_t used;
	int status;

	/*
	 * Removing quotes and spaces from valid UTF-8 leaves it valid, so fields
	 * need checking one by one only when a segment of the record is not.
	 */
	if (!r->check_fields && (r->cp1252 || (!r->clean && !utf8_valid((const char *)s, n, NULL))))
		r->check_fields = 1;
	/*
	 * libcsv grows its field buffer by the block size: a block as large as
	 * the record so far (at least the field) makes that geometric.
	 */
	if (r->rec_bytes > r->blk) {
		r->blk = r->rec_bytes;
		csv_set_blk_size(&r->p, r->blk);
	}
	r->entry_size = csv_get_buffer_size(&r->p);
	used = csv_parse(&r->p, s, n, on_field, on_row, r);
	if (used == n) {
		track(r, s, n);
		return 0;
	}
	status = csv_error(&r->p);
	if (status == CSV_EPARSE)
		return 1;
	return fatal(r, "line %lu: %s", r->start, csv_strerror(status));
}

/* Fill in the record's span and blank flag and hand it out. */
static int
emit(struct csvio_reader *r, struct csvio_record **out, unsigned long end)
{
	struct csvio_record *rec = &r->rec;

	if (r->nonempty == 0 && !(rec->flags & (CSVIO_MALFORMED | CSVIO_UNTERMINATED)))
		rec->flags |= CSVIO_BLANK;
	rec->line = r->start;
	rec->lines = end >= r->start ? end - r->start + 1 : 1;
	*out = rec;
	return 1;
}

/*
 * A record that spans lines turned out broken (a stray quote on a later line,
 * or no closing quote before the end): it is reported on its first line only,
 * and everything after that line is read again as fresh records.
 */
static void
replay(struct csvio_reader *r)
{
	struct strbuf again;

	strbuf_init(&again);
	strbuf_add(&again, r->raw.buf, r->raw.len);
	strbuf_add(&again, r->buf + r->pos, r->len - r->pos);
	strbuf_add(&again, r->pend.buf + r->pend_pos, r->pend.len - r->pend_pos);
	strbuf_free(&r->pend);
	r->pend = again;
	r->pend_pos = 0;
	r->pos = r->len = 0;
	r->nl = r->cr = STALE;
	r->eof = 0;
	r->line = r->start + 1;
	r->line_bytes = 0;
	r->skip = 0;
	csv_free(&r->p);
	parser_init(r);
}

/* The input is exhausted: finish a record left open, or a last line of spaces. */
static int
finish(struct csvio_reader *r, struct csvio_record **out)
{
	unsigned long end = r->line_bytes > 0 ? r->line : r->line - 1;

	if (r->t != T_ROW) {
		if (r->t == T_QUOTED)
			r->rec.flags |= CSVIO_UNTERMINATED;
		csv_fini(&r->p, on_field, on_row, r);
		if ((r->rec.flags & CSVIO_UNTERMINATED) && r->raw_on) {
			emit(r, out, r->start);
			replay(r);
			return 1;
		}
		r->done = 1;
		return emit(r, out, end);
	}
	r->done = 1;
	if (r->line_bytes > 0 && !r->skip)
		return emit(r, out, end);
	return 0;
}

/* Move on to the next physical line. */
static void
end_line(struct csvio_reader *r)
{
	r->line++;
	r->line_bytes = 0;
}

/* Forget the previous record. */
static void
record_reset(struct csvio_reader *r)
{
	if (r->dst == &r->data) {
		r->data.len = 0;
		r->data.buf[0] = '\0';
	}
	r->base = r->dst->len;
	r->rec.nfields = 0;
	r->rec.flags = 0;
	r->rec.bad_field = 0;
	r->ended = 0;
	r->check_fields = 0;
	r->nonempty = 0;
	if (r->raw_on) {
		r->raw_on = 0;
		r->raw.len = 0;
		r->raw.buf[0] = '\0';
	}
}

/* A stray quote: hand out what was read and drop the rest of the line. */
static int
malformed(struct csvio_reader *r, struct csvio_record **out, int eol)
{
	unsigned long end = r->line;

	r->rec.flags |= CSVIO_MALFORMED;
	if (r->raw_on) {
		emit(r, out, r->start);
		replay(r);
		return 1;
	}
	csv_free(&r->p);
	parser_init(r);
	if (eol)
		end_line(r);
	else
		r->skip = 1;
	return emit(r, out, end);
}

int
csvio_next(struct csvio_reader *r, struct csvio_record **out)
{
	const unsigned char *s;
	size_t n;
	unsigned long end;
	int eol, rc;

	if (r->xl != NULL) {
		record_reset(r);
		return xlsx_next(r->xl, r->dst, r->max_record, out);
	}
	if (r->fatal)
		return -1;
	if (r->done)
		return 0;
	record_reset(r);
	for (;;) {
		if ((rc = next_segment(r, &s, &n, &eol)) <= 0)
			return rc < 0 ? -1 : finish(r, out);
		if (r->skip) {
			r->line_bytes += n;
			if (eol) {
				r->skip = 0;
				end_line(r);
			}
			continue;
		}
		if (r->line_bytes == 0 && r->t == T_ROW) {
			r->start = r->line;
			r->rec_bytes = 0;
		}
		r->line_bytes += n;
		r->rec_bytes += n;
		if (r->raw_on)
			strbuf_add(&r->raw, s, n);
		rc = 0;
		if (eol && r->line_bytes == n && splittable(r) && split(r, s, n))
			;
		else if ((rc = feed(r, s, n)) < 0)
			return -1;
		if (rc > 0)
			return malformed(r, out, eol);
		if (r->rec_bytes > r->max_record) {
			if (r->max_record % ((size_t)1 << 20) == 0)
				return fatal(r, "line %lu: record larger than %zu MiB", r->start,
				             r->max_record >> 20);
			return fatal(r, "line %lu: record larger than %zu bytes", r->start,
			             r->max_record);
		}
		end = r->line;
		if (eol)
			end_line(r);
		if (r->ended || (eol && r->t == T_ROW))
			return emit(r, out, end);
		if (eol)
			r->raw_on = 1; /* the record goes on: keep its bytes in case it breaks */
	}
}

/* Whether a field must be quoted to read back the same. */
static int
needs_quotes(const char *s, size_t len)
{
	size_t i;

	if (len == 0)
		return 0;
	if (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' || s[len - 1] == '\t')
		return 1;
	for (i = 0; i < len; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			return 1;
	return 0;
}

static int raw_out; /* csvio_set_raw() */

int
csvio_set_raw(int raw)
{
	int was = raw_out;

	raw_out = raw;
	return was;
}

/* A plain number: sign, digits, a decimal part, an exponent. */
static int
is_number(const char *s, size_t len)
{
	size_t i = 0, d = 0;

	if (i < len && (s[i] == '+' || s[i] == '-'))
		i++;
	for (; i < len && s[i] >= '0' && s[i] <= '9'; i++)
		d++;
	if (i < len && s[i] == '.')
		for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			d++;
	if (d == 0)
		return 0;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-'))
			i++;
		for (d = 0; i < len && s[i] >= '0' && s[i] <= '9'; i++)
			d++;
		if (d == 0)
			return 0;
	}
	return i == len;
}

int
csvio_formula_like(const char *s, size_t len)
{
	if (len < 2 || (s[0] != '=' && s[0] != '+' && s[0] != '-' && s[0] != '@' && s[0] != '\t' &&
	                s[0] != '\r'))
		return 0;
	return !is_number(s, len);
}

void
csvio_write_field(FILE *fp, const char *s, size_t len)
{
	const char *q, *end = s + len;
	int neutral = !raw_out && csvio_formula_like(s, len);

	if (!needs_quotes(s, len)) {
		if (neutral)
			putc('\'', fp);
		fwrite(s, 1, len, fp);
		return;
	}
	putc('"', fp);
	if (neutral)
		putc('\'', fp);
	while ((q = memchr(s, '"', (size_t)(end - s))) != NULL) {
		fwrite(s, 1, (size_t)(q - s) + 1, fp);
		putc('"', fp);
		s = q + 1;
	}
	fwrite(s, 1, (size_t)(end - s), fp);
	putc('"', fp);
}

void
csvio_write_row(FILE *fp, const char *const *fields, size_t n)
{
	size_t i;
	const char *f;

	/* A lone empty field is written "" so that the row does not read back as blank. */
	if (n == 1 && (fields[0] == NULL || fields[0][0] == '\0')) {
		fputs("\"\"\n", fp);
		return;
	}
	for (i = 0; i < n; i++) {
		if (i > 0)
			putc(',', fp);
		f = fields[i] != NULL ? fields[i] : "";
		csvio_write_field(fp, f, strlen(f));
	}
	putc('\n', fp);
}
