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
 * The byte a byte gives in a key (as text_keys_next() reads it): a letter
 * lowered, a digit or a byte of a non-ASCII character itself, 1 for '&'
 * (read as "and" in a label key), 0 for a byte dropped.
 */
/* clang-format off */
static const unsigned char key_byte[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 0, 0, 0, 0, 0, 0,
	0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
	0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
	112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
	128, 129, 130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143,
	144, 145, 146, 147, 148, 149, 150, 151, 152, 153, 154, 155, 156, 157, 158, 159,
	160, 161, 162, 163, 164, 165, 166, 167, 168, 169, 170, 171, 172, 173, 174, 175,
	176, 177, 178, 179, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190, 191,
	192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206, 207,
	208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223,
	224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235, 236, 237, 238, 239,
	240, 241, 242, 243, 244, 245, 246, 247, 248, 249, 250, 251, 252, 253, 254, 255,
};
/* clang-format on */

/*
 * The key of s into out (label: '&' read as "and"), the bytes
 * text_keys_next() gives, in one pass over a table: the share/ files'
 * hundreds of names and aliases are keyed at every start, and sample-cases
 * keys values of every row.
 */
static void
text_key(const char *s, int label, struct strbuf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	char *q;
	unsigned char k;

	strbuf_reset(out);
	strbuf_grow(out, label ? 3 * n : n); /* "&" grows to "and" */
	q = out->buf;
	for (; *p != '\0'; p++) {
		if ((k = key_byte[*p]) > 1)
			*q++ = (char)k;
		else if (k == 1 && label) {
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
