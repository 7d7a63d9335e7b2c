/*
 * utf8.c: UTF-8 validation (strict: no overlongs, surrogates, code points
 * above U+10FFFF or NUL bytes) and Windows-1252 to UTF-8 transcoding after
 * the WHATWG encoding standard's windows-1252 index.
 */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "core/utf8.h"

#define ONES ((uint64_t)0x0101010101010101ULL)
#define HIGHS ((uint64_t)0x8080808080808080ULL)

/* Code points of bytes 0x80-0x9F; the five bytes WHATWG leaves undefined map to C1 controls. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

/* Return 1 when the 8 bytes at p are ASCII and none is NUL. */
static inline int
ascii8(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return ((v | ((v - ONES) & ~v)) & HIGHS) == 0;
}

size_t
utf8_seq_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	unsigned char lo = 0x80, hi = 0xBF;
	size_t len, i;

	if (c < 0x80)
		return c != 0;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0)
		len = 2;
	else if (c < 0xF0) {
		len = 3;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c < 0xF5) {
		len = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else
		return 0;
	if (n < len || p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return len;
}

/* Return 1 when p[0..len) is all ASCII without NUL: the common case, checked a word at a time. */
static int
all_ascii(const unsigned char *p, size_t len)
{
	uint64_t v, acc = 0;
	size_t i = 0;

#ifdef __SSE2__
	/*
	 * A byte is ASCII and not NUL when it is above 0 as a signed byte:
	 * 1 > x (signed) marks the others. 64 bytes a round, then 16.
	 */
	const __m128i one = _mm_set1_epi8(1);
	__m128i bits = _mm_setzero_si128();

#define BAD16(k) _mm_cmpgt_epi8(one, _mm_loadu_si128((const __m128i *)(const void *)(p + i + (k))))
	for (; i + 64 <= len; i += 64)
		bits = _mm_or_si128(bits, _mm_or_si128(_mm_or_si128(BAD16(0), BAD16(16)),
		                                       _mm_or_si128(BAD16(32), BAD16(48))));
	for (; i + 16 <= len; i += 16)
		bits = _mm_or_si128(bits, BAD16(0));
#undef BAD16
	if (_mm_movemask_epi8(bits) != 0)
		return 0;
#endif
	for (; i + 8 <= len; i += 8) {
		memcpy(&v, p + i, sizeof(v));
		acc |= v | ((v - ONES) & ~v);
	}
	if (acc & HIGHS)
		return 0;
	for (; i < len; i++)
		if (p[i] == 0 || p[i] >= 0x80)
			return 0;
	return 1;
}

int
utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;

	if (all_ascii(p, len))
		return 1;
	while (i < len) {
		if (len - i >= 8 && ascii8(p + i)) {
			i += 8;
			continue;
		}
		if (p[i] >= 0x01 && p[i] < 0x80) {
			i++;
			continue;
		}
		if ((n = utf8_seq_len(p + i, len - i)) == 0) {
			if (bad != NULL)
				*bad = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

void
utf8_put(struct strbuf *out, unsigned long cp)
{
	unsigned char b[4];
	size_t n;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		b[0] = (unsigned char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (unsigned char)(0xC0 | (cp >> 6));
		b[1] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (unsigned char)(0xE0 | (cp >> 12));
		b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (unsigned char)(0xF0 | (cp >> 18));
		b[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (unsigned char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	strbuf_add(out, b, n);
}

void
utf8_from_cp1252(struct strbuf *out, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run;
	unsigned char c;

	strbuf_grow(out, len * 3);
	while (i < len) {
		for (run = i; run < len && p[run] < 0x80; run++)
			;
		if (run > i) {
			memcpy(out->buf + out->len, p + i, run - i);
			out->len += run - i;
			i = run;
			continue;
		}
		c = p[i++];
		if (c < 0xA0)
			utf8_put(out, cp1252_high[c - 0x80]);
		else
			utf8_put(out, c);
	}
	out->buf[out->len] = '\0';
}

size_t
utf8_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}
