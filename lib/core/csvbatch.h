/*
 * csvbatch.h: read a CSV in a second thread. A reader thread takes records
 * from a csvio reader and hands them over in batches (a few of them in
 * flight), so parsing and checking run side by side on two cores; the
 * caller sees csvio records one at a time, in order, as csvio_next() would
 * give them. When the process may run on one CPU only (taskset, a cgroup)
 * or no thread can be made, the caller's thread reads small batches itself:
 * on one core a second thread only adds switches.
 *
 * Ownership: the csvbatch borrows the csvio reader, which nobody else may use
 * until csvbatch_stop(). A record returned by csvbatch_next() is valid until
 * the next call; its fields lie end to end, each followed by its NUL
 * (fields[i + 1] == fields[i] + lens[i] + 1), so that it can be hashed whole.
 */
#ifndef CSVBATCH_H
#define CSVBATCH_H

#include "core/csvio.h"

struct csvbatch;

struct csvbatch *csvbatch_start(struct csvio_reader *);
/* As csvio_next(): 1 and *rec set, 0 at the end, -1 on a fatal error. */
int csvbatch_next(struct csvbatch *, struct csvio_record **rec);
/*
 * Field col of the record ahead records after the last one returned, when
 * it is already at hand (else NULL): for prefetching. *len is set. In the
 * caller's thread, records up to CSVBATCH_PEEK ahead are at hand (unless
 * the input ends first, or a batch fills its bytes first: records of
 * kilobytes).
 */
#define CSVBATCH_PEEK 32
const char *csvbatch_peek(const struct csvbatch *, size_t ahead, size_t col, size_t *len);
/* The fatal error's message (after -1). */
const char *csvbatch_error(const struct csvbatch *);
/* Stop reading (the thread is joined) and free everything. */
void csvbatch_stop(struct csvbatch *);

#endif
