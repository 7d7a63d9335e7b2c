/*
 * topk.h: the k lowest-ranked rows of a stream, ranks being 64-bit keyed
 * hashes with ties broken by Case ID. A bounded max-heap: offering a row
 * costs one comparison unless it is among the k lowest so far, so a stream
 * of any length is held in O(k) memory. A row whose Case ID is already held
 * is held once, its later rows chained to it as siblings (a case's children).
 *
 * Ownership: the topk copies each row it keeps and frees them in
 * topk_free(); topk_sorted() returns a new array (free() it) of pointers
 * into the topk.
 */
#ifndef TOPK_H
#define TOPK_H

#include <stddef.h>
#include <stdint.h>

/* A kept row: one allocation holding the Case ID and the fields. */
struct topk_cand {
	uint64_t rank;
	char *id;
	char **fields;
	size_t nfields;
	unsigned long line;
	struct topk_cand *next; /* a further row of the same Case ID, or NULL */
};

struct topk {
	size_t n, cap;
	struct topk_cand **heap; /* max-heap by (rank, id): heap[0] is the worst kept */
	uint64_t top; /* when full: the rank of heap[0] */
};

void topk_init(struct topk *, size_t cap);
void topk_free(struct topk *);
/*
 * Keep the row if it is among the cap lowest (rank, Case ID) so far; a row
 * of a Case ID already kept is chained to it.
 */
void topk_offer(struct topk *, uint64_t rank, const char *id, const char *const *fields,
                size_t nfields, unsigned long line);
/* Forget the row of this Case ID, if kept. */
void topk_remove(struct topk *, uint64_t rank, const char *id);
/* The rows kept, ascending by (rank, Case ID). */
struct topk_cand **topk_sorted(const struct topk *);
/* qsort comparator over struct topk_cand pointers: ascending (rank, Case ID). */
int topk_cand_cmp(const void *, const void *);

#endif
