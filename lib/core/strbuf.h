/*
 * strbuf.h: a growable byte buffer, always NUL-terminated.
 * Ownership: the buffer owns its bytes until strbuf_steal() hands them over.
 * An empty strbuf (after strbuf_init or strbuf_steal) owns no memory, so a
 * strbuf that was stolen from, or never grew, needs no strbuf_free().
 */
#ifndef STRBUF_H
#define STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf; /* never NULL after strbuf_init */
	size_t len;
	size_t cap;
};

void strbuf_init(struct strbuf *);
void strbuf_free(struct strbuf *);
void strbuf_reset(struct strbuf *);
void strbuf_grow(struct strbuf *, size_t extra);
void strbuf_add(struct strbuf *, const void *, size_t);
void strbuf_adds(struct strbuf *, const char *);
void strbuf_addch(struct strbuf *, int);
void strbuf_printf(struct strbuf *, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strbuf_vprintf(struct strbuf *, const char *fmt, va_list);
/* Hand the bytes to the caller (free() them); the strbuf is left empty. */
char *strbuf_steal(struct strbuf *);

#endif
