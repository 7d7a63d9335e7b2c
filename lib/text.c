/*
 * text.c: string helpers shared by the parsers.
 */
#include <string.h>

#include "text.h"
#include "xalloc.h"

void
text_normkey(const char *s, struct strbuf *out)
{
	const unsigned char *p;

	strbuf_reset(out);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p >= 'A' && *p <= 'Z')
			strbuf_addch(out, *p - 'A' + 'a');
		else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p >= 0x80)
			strbuf_addch(out, *p);
	}
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
