/*
 * utf8.h: UTF-8 validation and Windows-1252 transcoding.
 */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>

#include "core/strbuf.h"

/*
 * Return 1 when s[0..len) is valid UTF-8 (no overlongs, no surrogates, nothing
 * above U+10FFFF) and holds no NUL byte, else 0 with the offset of the first
 * bad byte in *bad (when bad is not NULL).
 */
int utf8_valid(const char *s, size_t len, size_t *bad);
/*
 * The length of the valid UTF-8 sequence at p[0..n) (n >= 1), as utf8_valid
 * judges one, or 0 when it is not one (a NUL byte is not).
 */
size_t utf8_seq_len(const unsigned char *p, size_t n);
/* Append s[0..len), read as Windows-1252, to out as UTF-8. */
void utf8_from_cp1252(struct strbuf *out, const char *s, size_t len);
/* Append the code point cp to out as UTF-8. */
void utf8_put(struct strbuf *out, unsigned long cp);
/* The code points in s[0..len) (bytes that do not continue a sequence). */
size_t utf8_chars(const char *s, size_t len);

#endif
