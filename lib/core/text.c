/*
 * text.c: string helpers shared by the parsers.
 */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "core/xalloc.h"

void
text_normkey(const char *s, struct strbuf *out)
{
	const unsigned char *p;
	char *q;

	strbuf_reset(out);
	strbuf_grow(out, strlen(s)); /* the key is never longer than s */
	q = out->buf;
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*q++ = (char)(*p - 'A' + 'a');
		else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p >= 0x80)
			*q++ = (char)*p;
	}
	*q = '\0';
	out->len = (size_t)(q - out->buf);
}

/* 1 when a and b have the same key under keyfn. */
static int
text_same_key(const char *a, const char *b, void (*keyfn)(const char *, struct strbuf *))
{
	struct strbuf ka, kb;
	int same;

	strbuf_init(&ka);
	strbuf_init(&kb);
	keyfn(a, &ka);
	keyfn(b, &kb);
	same = strcmp(ka.buf, kb.buf) == 0;
	strbuf_free(&ka);
	strbuf_free(&kb);
	return same;
}

int
text_same(const char *a, const char *b)
{
	return text_same_key(a, b, text_normkey);
}

void
text_labelkey(const char *s, struct strbuf *out)
{
	struct strbuf t;

	strbuf_init(&t);
	for (; *s != '\0'; s++) {
		if (*s == '&')
			strbuf_add(&t, " and ", 5);
		else
			strbuf_addch(&t, *s);
	}
	text_normkey(t.buf != NULL ? t.buf : "", out);
	strbuf_free(&t);
}

int
text_label_same(const char *a, const char *b)
{
	return text_same_key(a, b, text_labelkey);
}

/* Edit distance of a and b (optimal string alignment), or max + 1 when over max. */
static size_t
text_distance(const char *a, size_t la, const char *b, size_t lb, size_t max)
{
	size_t *row[3], i, j, d, best;

	if ((la > lb ? la - lb : lb - la) > max)
		return max + 1;
	for (i = 0; i < 3; i++)
		row[i] = xcalloc(lb + 1, sizeof *row[i]);
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
	for (i = 0; i < 3; i++)
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
