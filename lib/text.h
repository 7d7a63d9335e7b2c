/*
 * text.h: small string helpers shared by the parsers.
 */
#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>

#include "strbuf.h"

/*
 * The matching key of a name: ASCII letters lowered, ASCII digits kept,
 * every other ASCII byte (space, punctuation) dropped, non-ASCII bytes kept.
 * "Disability (Y/N)" -> "disabilityyn". Replaces out's contents.
 */
void text_normkey(const char *s, struct strbuf *out);
/* 1 when s is empty or only spaces and tabs. */
int text_blank(const char *s);
/* Copy of s without leading and trailing ASCII white space. */
char *text_trimdup(const char *s);
/* Where s starts without its leading ASCII white space; *len: its length without the trailing. */
const char *text_trim(const char *s, size_t *len);

#endif
