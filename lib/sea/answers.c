/*
 * answers.c: responses indexed by case reference (see answers.h): one
 * entry per reference of each response, sorted by (reference, date, time,
 * entry) on the first lookup.
 */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "sea/answers.h"

struct answer {
	const char *ref; /* one case reference, not NUL-terminated */
	size_t len;
	const char *date, *time;
	size_t entry;
};

struct answers {
	struct answer *v;
	size_t n, cap;
	int sorted;
};

struct answers *
answers_new(void)
{
	return xcalloc(1, sizeof(struct answers));
}

void
answers_free(struct answers *a)
{
	if (a == NULL)
		return;
	free(a->v);
	free(a);
}

/* The next reference of a ";"-separated list at *p: its length; *p moves past it. */
static size_t
next_ref(const char **p, const char **ref)
{
	const char *q = strchr(*p, ';');
	size_t n = q != NULL ? (size_t)(q - *p) : strlen(*p);

	*ref = *p;
	*p += n + (q != NULL);
	return n;
}

/* Order two references by their bytes, a prefix first. */
static int
ref_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
	int c = memcmp(a, b, alen < blen ? alen : blen);

	if (c != 0)
		return c;
	return (alen > blen) - (alen < blen);
}

/* Order answers by date, time, then entry. */
static int
when_cmp(const struct answer *a, const struct answer *b)
{
	int c;

	if ((c = strcmp(a->date, b->date)) != 0)
		return c;
	if ((c = strcmp(a->time, b->time)) != 0)
		return c;
	return (a->entry > b->entry) - (a->entry < b->entry);
}

/* Order answers by reference, then as when_cmp(). */
static int
answer_cmp(const void *pa, const void *pb)
{
	const struct answer *a = pa, *b = pb;
	int c = ref_cmp(a->ref, a->len, b->ref, b->len);

	return c != 0 ? c : when_cmp(a, b);
}

void
answers_add(struct answers *a, const char *case_refs, const char *date, const char *time,
            size_t entry)
{
	const char *p = case_refs, *ref;
	size_t len;

	while (*p != '\0') {
		if ((len = next_ref(&p, &ref)) == 0)
			continue;
		if (a->n == a->cap) {
			a->cap = a->cap ? 2 * a->cap : 16;
			a->v = xreallocarray(a->v, a->cap, sizeof *a->v);
		}
		a->v[a->n++] = (struct answer){ref, len, date, time, entry};
	}
	a->sorted = 0;
}

/* The first answer on ref dated on or after date, or NULL. */
static const struct answer *
first_on(const struct answers *a, const char *ref, size_t len, const char *date)
{
	size_t lo = 0, hi = a->n, mid;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = ref_cmp(a->v[mid].ref, a->v[mid].len, ref, len);
		if (c < 0 || (c == 0 && strcmp(a->v[mid].date, date) < 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < a->n && ref_cmp(a->v[lo].ref, a->v[lo].len, ref, len) == 0)
		return &a->v[lo];
	return NULL;
}

long
answers_find(struct answers *a, const char *case_refs, const char *date)
{
	const struct answer *best = NULL, *x;
	const char *p = case_refs, *ref;
	size_t len;

	if (!a->sorted) {
		if (a->n > 1)
			qsort(a->v, a->n, sizeof *a->v, answer_cmp);
		a->sorted = 1;
	}
	while (*p != '\0') {
		if ((len = next_ref(&p, &ref)) == 0)
			continue;
		x = first_on(a, ref, len, date);
		if (x != NULL && (best == NULL || when_cmp(x, best) < 0))
			best = x;
	}
	return best != NULL ? (long)best->entry : -1;
}
