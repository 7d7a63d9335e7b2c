/*
 * csvbatch.c: a reader thread filling a ring of record batches. Each batch
 * holds the records' bytes in one buffer and their fields as offsets; the
 * ring's slots are handed over under a mutex, so a batch is only ever
 * touched by one thread at a time.
 */
#include <pthread.h>
#include <sched.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/csvbatch.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

#define NBATCH 4
#define BATCH_RECORDS 2048
#define BATCH_BYTES ((size_t)1 << 20)
#define INLINE_RECORDS 64 /* a batch read in the caller's thread: small, so it stays in cache */
/*
 * In the caller's thread, the next batch is read when this many records of
 * the current one are left, so that csvbatch_peek() sees as far past the
 * end of a batch as within it.
 */
#define INLINE_AHEAD CSVBATCH_PEEK

/*
 * A record of a batch; its fields lie end to end in data, each
 * NUL-terminated. Its nfields + 1 offsets start at offs[first]: where each
 * field starts, then where its bytes end (after its last NUL).
 */
struct brec {
	unsigned long line;
	uint32_t lines, flags, nfields, bad_field; /* records are under 4 GiB */
	uint32_t first; /* index of its first field's offset in offs */
};

/*
 * A batch: the records' bytes, where the reader put them, and one 32-bit
 * offset a field and one a record (a field's length is the distance to the
 * next offset, less its NUL). Small, because every byte of it crosses from one core to the other.
 */
struct batch {
	size_t n, cap;
	struct brec *recs;
	size_t nf, fcap;
	uint32_t *offs;
	struct strbuf data;
	int last; /* no batch follows */
	int rc; /* with last: 0 end of input, -1 error */
};

struct csvbatch {
	struct csvio_reader *rd;
	int threaded;
	size_t limit; /* records a batch */
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv_full, cv_free;
	struct batch b[NBATCH];
	int full[NBATCH];
	int stop;
	size_t prod, cons;
	char err[256];

	/* The consumer's view. */
	struct batch *cur;
	struct batch *next; /* in the caller's thread: the batch read ahead, or NULL */
	size_t pos;
	int done, rc;
	struct csvio_record rec;
	char **fields;
	size_t *lens;
	size_t fieldcap;
};

/*
 * Add record r, whose bytes the reader put in b's arena (end to end, as
 * csvio_set_arena() promises), to batch b.
 */
static void
batch_add(struct batch *b, const struct csvio_record *r)
{
	struct brec *br;
	size_t i;

	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 256;
		b->recs = xreallocarray(b->recs, b->cap, sizeof *b->recs);
	}
	if (b->nf + r->nfields + 1 > b->fcap) {
		while (b->nf + r->nfields + 1 > b->fcap)
			b->fcap = b->fcap ? b->fcap * 2 : 4096;
		b->offs = xreallocarray(b->offs, b->fcap, sizeof *b->offs);
	}
	br = &b->recs[b->n++];
	br->line = r->line;
	br->lines = (uint32_t)r->lines;
	br->flags = r->flags;
	br->nfields = (uint32_t)r->nfields;
	br->bad_field = (uint32_t)r->bad_field;
	br->first = (uint32_t)b->nf;
	for (i = 0; i < r->nfields; i++)
		b->offs[b->nf++] = (uint32_t)(r->fields[i] - b->data.buf);
	b->offs[b->nf++] = (uint32_t)b->data.len;
}

/* Fill batch b from the reader; its last and rc say how reading ended. */
static void
batch_fill(struct csvbatch *cb, struct batch *b)
{
	struct csvio_record *r;
	int rc;

	b->n = b->nf = 0;
	b->last = 0;
	strbuf_reset(&b->data);
	csvio_set_arena(cb->rd, &b->data); /* the reader writes the batch's bytes in place */
	while (b->n < cb->limit && b->data.len < BATCH_BYTES) {
		if ((rc = csvio_next(cb->rd, &r)) <= 0) {
			b->last = 1;
			b->rc = rc;
			if (rc == -1)
				snprintf(cb->err, sizeof cb->err, "%s", csvio_error(cb->rd));
			return;
		}
		batch_add(b, r);
	}
}

/* The reader thread: fill free batches until the input ends. */
static void *
producer(void *arg)
{
	struct csvbatch *cb = arg;
	struct batch *b;

	for (;;) {
		pthread_mutex_lock(&cb->mu);
		while (cb->full[cb->prod] && !cb->stop)
			pthread_cond_wait(&cb->cv_free, &cb->mu);
		if (cb->stop) {
			pthread_mutex_unlock(&cb->mu);
			return NULL;
		}
		pthread_mutex_unlock(&cb->mu);
		b = &cb->b[cb->prod];
		batch_fill(cb, b);
		pthread_mutex_lock(&cb->mu);
		cb->full[cb->prod] = 1;
		pthread_cond_signal(&cb->cv_full);
		pthread_mutex_unlock(&cb->mu);
		cb->prod = (cb->prod + 1) % NBATCH;
		if (b->last)
			return NULL;
	}
}

/* The CPUs this process may run on (1 when that cannot be told). */
static int
cpus(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof set, &set) != 0)
		return 1;
	return CPU_COUNT(&set);
}

struct csvbatch *
csvbatch_start(struct csvio_reader *rd)
{
	struct csvbatch *cb = xcalloc(1, sizeof *cb);
	size_t i;

	cb->rd = rd;
	for (i = 0; i < NBATCH; i++)
		strbuf_init(&cb->b[i].data);
	pthread_mutex_init(&cb->mu, NULL);
	pthread_cond_init(&cb->cv_full, NULL);
	pthread_cond_init(&cb->cv_free, NULL);
	/*
	 * On one core a second thread only adds switches between the two:
	 * then the caller's thread reads small batches itself.
	 */
	cb->threaded = cpus() > 1 && pthread_create(&cb->th, NULL, producer, cb) == 0;
	cb->limit = cb->threaded ? BATCH_RECORDS : INLINE_RECORDS;
	return cb;
}

/* Hand the current batch back to the reader thread. */
static void
release(struct csvbatch *cb)
{
	pthread_mutex_lock(&cb->mu);
	cb->full[cb->cons] = 0;
	pthread_cond_signal(&cb->cv_free);
	pthread_mutex_unlock(&cb->mu);
	cb->cons = (cb->cons + 1) % NBATCH;
	cb->cur = NULL;
}

/* Point the consumer's record at record pos of the current batch. */
static struct csvio_record *
view(struct csvbatch *cb)
{
	const struct batch *b = cb->cur;
	const struct brec *br = &b->recs[cb->pos++];
	const uint32_t *o = b->offs + br->first;
	char *base = b->data.buf;
	size_t i = 0;

	if (br->nfields + 1 > cb->fieldcap) {
		cb->fieldcap = br->nfields + 1;
		cb->fields = xreallocarray(cb->fields, cb->fieldcap, sizeof *cb->fields);
		cb->lens = xreallocarray(cb->lens, cb->fieldcap, sizeof *cb->lens);
	}
#if defined(__SSE2__) && SIZE_MAX == UINT64_MAX && UINTPTR_MAX == UINT64_MAX
	{
		/*
		 * Four fields a round: their offsets and the next four (the
		 * record's end offset is there for the last field) give the
		 * pointers and lengths, widened to 64 bits.
		 */
		const __m128i zero = _mm_setzero_si128(), one = _mm_set1_epi32(1),
		              at = _mm_set1_epi64x((long long)(uintptr_t)base);
		__m128i v, len;

		for (; i + 4 <= br->nfields; i += 4) {
			v = _mm_loadu_si128((const __m128i *)(const void *)(o + i));
			len = _mm_sub_epi32(
			    _mm_sub_epi32(
			        _mm_loadu_si128((const __m128i *)(const void *)(o + i + 1)), v),
			    one);
			_mm_storeu_si128((__m128i *)(void *)(cb->fields + i),
			                 _mm_add_epi64(_mm_unpacklo_epi32(v, zero), at));
			_mm_storeu_si128((__m128i *)(void *)(cb->fields + i + 2),
			                 _mm_add_epi64(_mm_unpackhi_epi32(v, zero), at));
			_mm_storeu_si128((__m128i *)(void *)(cb->lens + i),
			                 _mm_unpacklo_epi32(len, zero));
			_mm_storeu_si128((__m128i *)(void *)(cb->lens + i + 2),
			                 _mm_unpackhi_epi32(len, zero));
		}
	}
#endif
	for (; i < br->nfields; i++) {
		cb->fields[i] = base + o[i];
		cb->lens[i] = o[i + 1] - o[i] - 1;
	}
	cb->rec.nfields = br->nfields;
	cb->rec.fields = cb->fields;
	cb->rec.lens = cb->lens;
	cb->rec.line = br->line;
	cb->rec.lines = br->lines;
	cb->rec.flags = br->flags;
	cb->rec.bad_field = br->bad_field;
	return &cb->rec;
}

/* In the caller's thread: read the batch after the current one (of two, in turn). */
static void
read_ahead(struct csvbatch *cb)
{
	cb->next = cb->cur == &cb->b[0] ? &cb->b[1] : &cb->b[0];
	batch_fill(cb, cb->next);
}

int
csvbatch_next(struct csvbatch *cb, struct csvio_record **rec)
{
	if (cb->done)
		return cb->rc;
	while (cb->cur == NULL || cb->pos == cb->cur->n) {
		if (!cb->threaded) {
			if (cb->cur != NULL && cb->cur->last) {
				cb->done = 1;
				cb->rc = cb->cur->rc;
				return cb->rc;
			}
			if (cb->next == NULL)
				read_ahead(cb);
			cb->cur = cb->next;
			cb->next = NULL;
			cb->pos = 0;
			continue;
		}
		if (cb->cur != NULL) {
			if (cb->cur->last) {
				cb->done = 1;
				cb->rc = cb->cur->rc;
				release(cb);
				return cb->rc;
			}
			release(cb);
		}
		pthread_mutex_lock(&cb->mu);
		while (!cb->full[cb->cons])
			pthread_cond_wait(&cb->cv_full, &cb->mu);
		pthread_mutex_unlock(&cb->mu);
		cb->cur = &cb->b[cb->cons];
		cb->pos = 0;
	}
	if (!cb->threaded && cb->next == NULL && !cb->cur->last &&
	    cb->cur->n - cb->pos <= INLINE_AHEAD)
		read_ahead(cb);
	*rec = view(cb);
	return 1;
}

const char *
csvbatch_peek(const struct csvbatch *cb, size_t ahead, size_t col, size_t *len)
{
	const struct batch *b = cb->cur;
	const struct brec *br;
	size_t at = cb->pos + ahead - 1; /* in b */

	if (b == NULL || ahead == 0)
		return NULL;
	if (at >= b->n) {
		/* past the current batch: in the one read ahead, if any */
		at -= b->n;
		if ((b = cb->next) == NULL || at >= b->n)
			return NULL;
	}
	br = &b->recs[at];
	if (col >= br->nfields)
		return NULL;
	*len = b->offs[br->first + col + 1] - b->offs[br->first + col] - 1;
	return b->data.buf + b->offs[br->first + col];
}

const char *
csvbatch_error(const struct csvbatch *cb)
{
	return cb->err;
}

void
csvbatch_stop(struct csvbatch *cb)
{
	size_t i;

	if (cb == NULL)
		return;
	if (cb->threaded) {
		pthread_mutex_lock(&cb->mu);
		cb->stop = 1;
		pthread_cond_broadcast(&cb->cv_free);
		pthread_mutex_unlock(&cb->mu);
		pthread_join(cb->th, NULL);
	}
	csvio_set_arena(cb->rd, NULL);
	pthread_mutex_destroy(&cb->mu);
	pthread_cond_destroy(&cb->cv_full);
	pthread_cond_destroy(&cb->cv_free);
	for (i = 0; i < NBATCH; i++) {
		free(cb->b[i].recs);
		free(cb->b[i].offs);
		strbuf_free(&cb->b[i].data);
	}
	free(cb->fields);
	free(cb->lens);
	free(cb);
}
