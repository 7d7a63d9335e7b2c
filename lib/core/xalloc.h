/*
 * xalloc.h: allocation that cannot fail. On exhaustion the program stops
 * with "PROG: out of memory" (PROG as given to diag_init) and exit status 2
 * (out of memory is not recoverable for these tools); every
 * other error in lib/ is returned to the caller.
 */
#ifndef XALLOC_H
#define XALLOC_H

#include <stddef.h>

void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
/* Reallocate an array of nmemb elements of size, checking the product. */
void *xreallocarray(void *, size_t nmemb, size_t size);
char *xstrdup(const char *);
char *xstrndup(const char *, size_t);
/* printf into a new string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
