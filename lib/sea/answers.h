/*
 * answers.h: the index behind the concerns register (Annex F): which entry
 * answers a concern when the concern has no response of its own. The
 * answer is the earliest entry (by date, then time, then entry number) that
 * holds a response, shares a case reference with the concern and is dated
 * on or after it. Case references are ";"-separated lists compared byte for
 * byte; an empty reference matches nothing.
 *
 * Indexed so that finding an answer costs a binary search per case
 * reference of the concern: a register of n concerns over m responses takes
 * O((n + m) log m), not O(n * m).
 *
 * Ownership: the index borrows the strings given to answers_add(), which
 * must outlive it.
 */
#ifndef ANSWERS_H
#define ANSWERS_H

#include <stddef.h>

struct answers;

struct answers *answers_new(void);
void answers_free(struct answers *);
/* Add the response held by entry, on the cases of case_refs, dated date and time. */
void answers_add(struct answers *, const char *case_refs, const char *date, const char *time,
                 size_t entry);
/*
 * The entry answering a concern on case_refs dated date: the earliest
 * response on a shared case dated on or after it; -1 when none. Call after
 * the last answers_add().
 */
long answers_find(struct answers *, const char *case_refs, const char *date);

#endif
