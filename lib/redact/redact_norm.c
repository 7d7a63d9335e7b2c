/*
 * redact_norm.c: the text the detectors see. Before detection a text is
 * normalised so that a name cannot hide from them: Unicode NFKC (full-width
 * letters and digits become ASCII, no-break spaces become spaces, ligatures
 * split), zero-width and other invisible format characters (U+200B-U+200F,
 * U+2060-U+2064, U+FEFF, the soft hyphen) removed, look-alike letters of
 * the Cyrillic and Greek alphabets folded to the Latin letter they imitate,
 * and dashes of every kind written as '-'. Each byte of the normalised text
 * remembers the offset of the original byte it came from, so that a span
 * found in the normalised text replaces exactly the original characters.
 * A text of ASCII only is used as it is (the common case costs nothing).
 *
 * NFKC is applied per cluster (a character and the combining marks that
 * follow it, at most NORM_MAX_MARKS of them), which is what a detector of
 * words needs and keeps the time linear in the text.
 */
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>

#include "core/xalloc.h"
#include "redact/redact-impl.h"

#define NORM_MAX_MARKS 16
#define NORM_BUF 64

/* Look-alike letters (Unicode confusables) and the Latin letter each folds to. */
static const struct {
	int32_t from;
	char to;
} confusables[] = {
    {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'}, {0x0397, 'H'}, {0x0399, 'I'},
    {0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'}, {0x03A1, 'P'}, {0x03A4, 'T'},
    {0x03A5, 'Y'}, {0x03A7, 'X'}, {0x03B1, 'a'}, {0x03B9, 'i'}, {0x03BA, 'k'}, {0x03BD, 'v'},
    {0x03BF, 'o'}, {0x03C1, 'p'}, {0x03C5, 'u'}, {0x0405, 'S'}, {0x0406, 'I'}, {0x0408, 'J'},
    {0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'},
    {0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0423, 'Y'}, {0x0425, 'X'},
    {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'},
    {0x0445, 'x'}, {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x04BB, 'h'}, {0x04C0, 'I'},
    {0x04CF, 'l'}, {0x0501, 'd'}, {0x051A, 'Q'}, {0x051B, 'q'}, {0x051C, 'W'}, {0x051D, 'w'},
    {0x0261, 'g'},
};

/* The Latin letter cp imitates, or 0. */
static char
confusable(int32_t cp)
{
	size_t lo = 0, hi = sizeof(confusables) / sizeof(confusables[0]), mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (confusables[mid].from == cp)
			return confusables[mid].to;
		if (confusables[mid].from < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* 1 when cp is an invisible format character that is dropped. */
static int
invisible(int32_t cp)
{
	return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) ||
	       cp == 0xFEFF || cp == 0x034F || cp == 0x180E;
}

/* 1 when cp is a dash or hyphen other than '-'. */
static int
dash(int32_t cp)
{
	return (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212 || cp == 0xFE58 || cp == 0xFE63 ||
	       cp == 0xFF0D;
}

/* Append byte c of the normalised text, coming from original offset at. */
static void
put(struct redact *r, char c, size_t at)
{
	if (r->norm.len + 2 >= r->norm.cap)
		strbuf_grow(&r->norm, 1);
	if (r->norm.len >= r->nmapcap) {
		r->nmapcap = r->nmapcap == 0 ? 256 : r->nmapcap * 2;
		while (r->nmapcap <= r->norm.len)
			r->nmapcap *= 2;
		r->nmap = xreallocarray(r->nmap, r->nmapcap, sizeof(*r->nmap));
	}
	r->nmap[r->norm.len] = at;
	r->norm.buf[r->norm.len++] = c;
	r->norm.buf[r->norm.len] = '\0';
}

/* Append code point cp (UTF-8), coming from original offset at. */
static void
put_cp(struct redact *r, int32_t cp, size_t at)
{
	utf8proc_uint8_t b[4];
	utf8proc_ssize_t n = utf8proc_encode_char(cp, b), i;

	for (i = 0; i < n; i++)
		put(r, (char)b[i], at);
}

/* 1 when cp is a combining mark that belongs to the cluster before it. */
static int
combining(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);

	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_ME || c == UTF8PROC_CATEGORY_MC;
}

/* Normalise one cluster of n code points (cps) that starts at original offset at. */
static void
put_cluster(struct redact *r, int32_t *cps, size_t n, size_t at)
{
	utf8proc_int32_t buf[NORM_BUF];
	utf8proc_ssize_t k, m = 0, i;
	size_t j;
	int opts = UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE;

	for (j = 0; j < n; j++) {
		k = utf8proc_decompose_char(cps[j], buf + m, NORM_BUF - m, (utf8proc_option_t)opts,
		                            NULL);
		if (k < 0 || m + k > NORM_BUF) {
			/* cannot decompose: keep the code points as they are */
			for (j = 0; j < n; j++)
				put_cp(r, cps[j], at);
			return;
		}
		m += k;
	}
	m = utf8proc_normalize_utf32(
	    buf, m, (utf8proc_option_t)((opts & ~UTF8PROC_DECOMPOSE) | UTF8PROC_COMPOSE));
	for (i = 0; i < m; i++) {
		char c = confusable(buf[i]);

		if (c != 0)
			put(r, c, at);
		else if (dash(buf[i]))
			put(r, '-', at);
		else if (!invisible(buf[i]))
			put_cp(r, buf[i], at);
	}
}

/*
 * Normalise s[0..len) into r->norm with r->nmap; returns the text to scan
 * (s itself when it is ASCII, with r->nmap unused and r->identity set).
 */
const char *
redact_normalise(struct redact *r, const char *s, size_t len, size_t *nlen)
{
	const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
	int32_t cps[NORM_MAX_MARKS + 1], cp;
	size_t i, at, n;
	utf8proc_ssize_t k;

	for (i = 0; i < len && u[i] < 0x80; i++)
		;
	if (i == len) {
		r->identity = 1;
		*nlen = len;
		return s;
	}
	r->identity = 0;
	strbuf_reset(&r->norm);
	for (i = 0; i < len;) {
		if (u[i] < 0x80 && (i + 1 == len || u[i + 1] < 0x80)) {
			put(r, s[i], i);
			i++;
			continue;
		}
		at = i;
		k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0) {
			put(r, s[i], i); /* not UTF-8: kept as it is */
			i++;
			continue;
		}
		i += (size_t)k;
		if (invisible(cp))
			continue;
		cps[0] = cp;
		n = 1;
		while (i < len && n <= NORM_MAX_MARKS &&
		       (k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(len - i), &cp)) > 0 &&
		       combining(cp)) {
			cps[n++] = cp;
			i += (size_t)k;
		}
		put_cluster(r, cps, n, at);
	}
	if (r->norm.len >= r->nmapcap) {
		r->nmapcap = r->norm.len + 1;
		r->nmap = xreallocarray(r->nmap, r->nmapcap, sizeof(*r->nmap));
	}
	r->nmap[r->norm.len] = len;
	*nlen = r->norm.len;
	return r->norm.len > 0 ? r->norm.buf : "";
}

/* The offset in the original text of normalised offset i (i up to the length). */
size_t
redact_orig(const struct redact *r, size_t i)
{
	return r->identity ? i : r->nmap[i];
}
