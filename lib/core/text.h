/*
 * text.h: small string helpers shared by the parsers.
 */
#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>

#include "core/strbuf.h"

/*
 * The matching key of a name: ASCII letters lowered, ASCII digits kept,
 * every other ASCII byte (space, punctuation) dropped, non-ASCII bytes kept.
 * "Disability (Y/N)" -> "disabilityyn". Replaces out's contents.
 */
void text_normkey(const char *s, struct strbuf *out);
/* 1 when a and b have the same text_normkey(). */
int text_same(const char *a, const char *b);
/*
 * The matching key of a label (a vocabulary term, a service area, a person's
 * name in a list): text_normkey() after "&" becomes "and", so "Kent & Sussex"
 * and "kent and sussex" have one key. Replaces out's contents.
 */
void text_labelkey(const char *s, struct strbuf *out);
/* 1 when a and b have the same text_labelkey(). */
int text_label_same(const char *a, const char *b);
/*
 * The index of the label among names[0..n) nearest to s (text_labelkey(),
 * then edit distance: insertions, deletions, substitutions and swaps of two
 * neighbours), when it is near enough to be a misspelling (at most 1 edit
 * for keys under 5 bytes, 2 under 10, else 3); -1 when none is, or when two
 * are equally near.
 */
long text_nearest(const char *s, const char *const *names, size_t n);
/*
 * 1 when s is empty or only spaces and tabs. Inline: a million-row check
 * asks it of several fields a row, and the first byte settles nearly all.
 */
static inline int
text_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t')
			return 0;
	return 1;
}
/* Copy of s without leading and trailing ASCII white space. */
char *text_trimdup(const char *s);
/* Where s starts without its leading ASCII white space; *len: its length without the trailing. */
const char *text_trim(const char *s, size_t *len);

#endif
