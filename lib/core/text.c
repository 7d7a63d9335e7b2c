/*
 * text.c: string helpers shared by the parsers.
 */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"

/*
 * The bytes of a key, one at a time, without building it: a key keeps
 * letters (lowered), digits and every byte of a non-ASCII character, and
 * drops the rest; a label key also reads '&' as "and".
 */
struct text_keys {
	const unsigned char *p;
	const char *pending; /* the rest of an "and" being read */
	int label;
};

/* The next byte of the key, or 0 at its end. */
static int
text_keys_next(struct text_keys *k)
{
	int c;

	if (k->pending != NULL && *k->pending != '\0')
		return *k->pending++;
	for (; (c = *k->p) != '\0'; k->p++) {
		if (c >= 'A' && c <= 'Z') {
			k->p++;
			return c - 'A' + 'a';
		}
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
			k->p++;
			return c;
		}
		if (c == '&' && k->label) {
			k->p++;
			k->pending = "nd";
			return 'a';
		}
	}
	return 0;
}

/*
 * The key of s into out (label: '&' read as "and"), the bytes
 * text_keys_next() gives, in one pass: the share/ files' hundreds of names
 * and aliases are keyed at every start.
 */
static void
text_key(const char *s, int label, struct strbuf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	char *q;
	unsigned c;

	strbuf_reset(out);
	strbuf_grow(out, label ? 3 * n : n); /* "&" grows to "and" */
	q = out->buf;
	for (; (c = *p) != '\0'; p++) {
		if (c - 'a' < 26u || c - '0' < 10u || c >= 0x80)
			*q++ = (char)c;
		else if (c - 'A' < 26u)
			*q++ = (char)(c - 'A' + 'a');
		else if (c == '&' && label) {
			memcpy(q, "and", 3);
			q += 3;
		}
	}
	*q = '\0';
	out->len = (size_t)(q - out->buf);
}

void
text_normkey(const char *s, struct strbuf *out)
{
	text_key(s, 0, out);
}

/* 1 when a and b have the same key (label: '&' read as "and"). */
static int
text_same_key(const char *a, const char *b, int label)
{
	struct text_keys ka = {(const unsigned char *)a, NULL, label};
	struct text_keys kb = {(const unsigned char *)b, NULL, label};
	int c;

	do {
		c = text_keys_next(&ka);
		if (c != text_keys_next(&kb))
			return 0;
	} while (c != 0);
	return 1;
}

int
text_same(const char *a, const char *b)
{
	return text_same_key(a, b, 0);
}

void
text_labelkey(const char *s, struct strbuf *out)
{
	text_key(s, 1, out);
}

int
text_label_same(const char *a, const char *b)
{
	return text_same_key(a, b, 1);
}

#define TEXT_DISTANCE_SMALL 64 /* keys this long or shorter are compared on the stack */

/* Edit distance of a and b (optimal string alignment), or max + 1 when over max. */
static size_t
text_distance(const char *a, size_t la, const char *b, size_t lb, size_t max)
{
	size_t small[3][TEXT_DISTANCE_SMALL + 1], *row[3], i, j, d, best;
	int heap = lb > TEXT_DISTANCE_SMALL;

	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	for (i = 0; i < 3; i++)
		row[i] =
		    heap ? xcalloc(lb + 1, sizeof *row[i]) : memset(small[i], 0, sizeof small[i]);
	for (j = 0; j <= lb; j++)
		row[1][j] = j;
	for (i = 1; i <= la; i++) {
		size_t *prev2 = row[0], *prev = row[1], *cur = row[2];

		cur[0] = i;
		best = cur[0];
		for (j = 1; j <= lb; j++) {
			d = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < d)
				d = prev2[j - 2] + 1;
			cur[j] = d;
			if (d < best)
				best = d;
		}
		row[0] = prev;
		row[1] = cur;
		row[2] = prev2;
		if (best > max)
			break;
	}
	d = i > la ? row[1][lb] : max + 1;
	for (i = 0; heap && i < 3; i++)
		free(row[i]);
	return d;
}

long
text_nearest(const char *s, const char *const *names, size_t n)
{
	struct strbuf k, c;
	size_t i, d, max, best = (size_t)-1;
	long at = -1;
	int tie = 0;

	strbuf_init(&k);
	strbuf_init(&c);
	text_labelkey(s, &k);
	max = k.len < 5 ? 1 : k.len < 10 ? 2 : 3;
	for (i = 0; i < n; i++) {
		text_labelkey(names[i], &c);
		d = text_distance(k.buf, k.len, c.buf, c.len, max);
		if (d > max)
			continue;
		if (d < best) {
			best = d;
			at = (long)i;
			tie = 0;
		} else if (d == best)
			tie = 1;
	}
	strbuf_free(&k);
	strbuf_free(&c);
	return tie ? -1 : at;
}

int
text_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t')
			return 0;
	return 1;
}

static int
is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

const char *
text_trim(const char *s, size_t *len)
{
	size_t n;

	while (is_ws((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && is_ws((unsigned char)s[n - 1]))
		n--;
	*len = n;
	return s;
}

char *
text_trimdup(const char *s)
{
	size_t n;

	s = text_trim(s, &n);
	return xstrndup(s, n);
}
