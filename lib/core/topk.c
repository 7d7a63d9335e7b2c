/*
 * topk.c: the lowest-ranked rows of a stream, in a bounded max-heap (see topk.h).
 */
#include <stdlib.h>
#include <string.h>

#include "core/topk.h"
#include "core/xalloc.h"

/* Order candidates by rank, then Case ID. */
static int
cand_less(const struct topk_cand *a, const struct topk_cand *b)
{
	if (a->rank != b->rank)
		return a->rank < b->rank;
	return strcmp(a->id, b->id) < 0;
}

int
topk_cand_cmp(const void *pa, const void *pb)
{
	const struct topk_cand *a = *(const struct topk_cand *const *)pa,
	                       *b = *(const struct topk_cand *const *)pb;

	if (cand_less(a, b))
		return -1;
	return cand_less(b, a);
}

/* Copy a row into one allocation. */
static struct topk_cand *
cand_new(uint64_t rank, const char *id, const char *const *fields, size_t nfields,
         unsigned long line)
{
	size_t i, sz, idlen = strlen(id) + 1;
	struct topk_cand *c;
	char *p;

	sz = sizeof *c + nfields * sizeof(char *) + idlen;
	for (i = 0; i < nfields; i++)
		sz += strlen(fields[i] ? fields[i] : "") + 1;
	c = xmalloc(sz);
	c->rank = rank;
	c->nfields = nfields;
	c->line = line;
	c->next = NULL;
	c->fields = (char **)(c + 1);
	p = (char *)(c->fields + nfields);
	for (i = 0; i < nfields; i++) {
		size_t n = strlen(fields[i] ? fields[i] : "") + 1;

		memcpy(p, fields[i] ? fields[i] : "", n);
		c->fields[i] = p;
		p += n;
	}
	memcpy(p, id, idlen);
	c->id = p;
	return c;
}

/* Free a candidate and its siblings. */
static void
cand_free(struct topk_cand *c)
{
	struct topk_cand *next;

	for (; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
}

/* Restore the max-heap property downwards from i. */
static void
heap_down(struct topk_cand **h, size_t n, size_t i)
{
	size_t l, big;
	struct topk_cand *t;

	for (;;) {
		big = i;
		l = 2 * i + 1;
		if (l < n && cand_less(h[big], h[l]))
			big = l;
		if (l + 1 < n && cand_less(h[big], h[l + 1]))
			big = l + 1;
		if (big == i)
			return;
		t = h[i];
		h[i] = h[big];
		h[big] = t;
		i = big;
	}
}

/* Restore the max-heap property upwards from i. */
static void
heap_up(struct topk_cand **h, size_t i)
{
	struct topk_cand *t;

	while (i > 0 && cand_less(h[(i - 1) / 2], h[i])) {
		t = h[i];
		h[i] = h[(i - 1) / 2];
		h[(i - 1) / 2] = t;
		i = (i - 1) / 2;
	}
}

void
topk_offer(struct topk *c, uint64_t rank, const char *id, const char *const *fields, size_t nfields,
           unsigned long line)
{
	struct topk_cand probe;
	size_t i;

	struct topk_cand **tail;

	probe.rank = rank;
	probe.id = (char *)id;
	if (c->n == c->cap && (c->cap == 0 || rank > c->top))
		return;
	for (i = 0; i < c->n; i++) /* the same Case ID again: a sibling row */
		if (c->heap[i]->rank == rank && strcmp(c->heap[i]->id, id) == 0) {
			for (tail = &c->heap[i]->next; *tail != NULL; tail = &(*tail)->next)
				;
			*tail = cand_new(rank, id, fields, nfields, line);
			return;
		}
	if (c->n == c->cap && !cand_less(&probe, c->heap[0]))
		return;
	if (c->n < c->cap) {
		c->heap[c->n] = cand_new(rank, id, fields, nfields, line);
		heap_up(c->heap, c->n++);
		c->top = c->heap[0]->rank;
		return;
	}
	cand_free(c->heap[0]);
	c->heap[0] = cand_new(rank, id, fields, nfields, line);
	heap_down(c->heap, c->n, 0);
	c->top = c->heap[0]->rank;
}

void
topk_remove(struct topk *c, uint64_t rank, const char *id)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->heap[i]->rank == rank && strcmp(c->heap[i]->id, id) == 0)
			break;
	if (i == c->n)
		return;
	cand_free(c->heap[i]);
	c->heap[i] = c->heap[--c->n];
	for (i = c->n / 2 + 1; i-- > 0;)
		heap_down(c->heap, c->n, i);
	if (c->n > 0)
		c->top = c->heap[0]->rank;
}

void
topk_init(struct topk *c, size_t cap)
{
	c->n = 0;
	c->cap = cap;
	c->heap = xcalloc(cap + 1, sizeof *c->heap);
	c->top = 0;
}

void
topk_free(struct topk *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		cand_free(c->heap[i]);
	free(c->heap);
	c->heap = NULL;
	c->n = c->cap = 0;
}

struct topk_cand **
topk_sorted(const struct topk *c)
{
	struct topk_cand **v = xcalloc(c->n + 1, sizeof *v);

	if (c->n > 0) {
		memcpy(v, c->heap, c->n * sizeof *v);
		qsort(v, c->n, sizeof *v, topk_cand_cmp);
	}
	return v;
}
