/*
 * strbuf.c: a growable, always NUL-terminated byte buffer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"

/* What an empty strbuf points at until it first grows (never written to). */
static char empty[1];

void
strbuf_init(struct strbuf *sb)
{
	sb->buf = empty;
	sb->len = sb->cap = 0;
}

void
strbuf_free(struct strbuf *sb)
{
	if (sb->cap > 0)
		free(sb->buf);
	strbuf_init(sb);
}

void
strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->cap > 0)
		sb->buf[0] = '\0';
}

/* Room for extra more bytes and the terminator, found the slow way (see strbuf_grow). */
static void __attribute__((noinline)) grow_slow(struct strbuf *sb, size_t extra)
{
	size_t need;

	if (extra >= (size_t)-1 - sb->len - 1)
		xmalloc((size_t)-1); /* cannot be satisfied: stops the program */
	need = sb->len + extra + 1;
	if (need <= sb->cap)
		return;
	if (sb->cap == 0) {
		sb->cap = need < 64 ? 64 : need;
		sb->buf = xmalloc(sb->cap);
		sb->buf[0] = '\0';
		return;
	}
	while (sb->cap < need)
		sb->cap = sb->cap < ((size_t)-1) / 2 ? sb->cap * 2 : need;
	sb->buf = xrealloc(sb->buf, sb->cap);
}

/* The common case, that the room is there, decided without a call. */
static inline void
room(struct strbuf *sb, size_t extra)
{
	if (extra >= sb->cap || sb->len + extra + 1 > sb->cap)
		grow_slow(sb, extra);
}

void
strbuf_grow(struct strbuf *sb, size_t extra)
{
	room(sb, extra);
}

void
strbuf_add(struct strbuf *sb, const void *p, size_t n)
{
	room(sb, n);
	memcpy(sb->buf + sb->len, p, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
strbuf_adds(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void
strbuf_addch(struct strbuf *sb, int c)
{
	room(sb, 1);
	sb->buf[sb->len++] = (char)c;
	sb->buf[sb->len] = '\0';
}

void
strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list aq;
	int n;

	/* into the room there is (none while empty: the shared empty string is never written) */
	va_copy(aq, ap);
	n = vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, aq);
	va_end(aq);
	if (n < 0) {
		if (sb->cap > 0)
			sb->buf[sb->len] = '\0';
		return;
	}
	if ((size_t)n >= sb->cap - sb->len) { /* it did not fit: again, with room */
		strbuf_grow(sb, (size_t)n);
		vsnprintf(sb->buf + sb->len, sb->cap - sb->len, fmt, ap);
	}
	sb->len += (size_t)n;
}

void
strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vprintf(sb, fmt, ap);
	va_end(ap);
}

char *
strbuf_steal(struct strbuf *sb)
{
	char *p = sb->cap > 0 ? sb->buf : xstrdup("");

	strbuf_init(sb);
	return p;
}
