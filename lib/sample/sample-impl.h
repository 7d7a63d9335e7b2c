/*
 * sample-impl.h: the insides of a struct sample, shared by sample.c (the
 * rows coming in) and sampledraw.c (the draw). Private to those two files.
 */
#ifndef SAMPLE_IMPL_H
#define SAMPLE_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "core/idset.h"
#include "core/keyhash.h"
#include "core/memo.h"
#include "core/strbuf.h"
#include "core/topk.h"
#include "sample/sample.h"

/* The cases of one stratum, area and quota (or the rest of the stratum). */
struct cell {
	unsigned long count; /* eligible cases, all of them */
	struct topk top; /* the lowest-ranked of them (cap unset until first used) */
};

struct area {
	char *key; /* text_normkey() of the service area */
	char *name; /* byte-smallest spelling */
	uint64_t tie;
	struct cell *cells; /* one per slot */
};

#define SAMPLE_MAX_SPELLINGS 4096 /* spellings of area names remembered as seen */

/*
 * One row added: what finding duplicate Case IDs at the end needs, in 32
 * bytes (with the Case ID in the arena, the whole of the per-row memory).
 */
struct ident {
	uint64_t rank;
	uint64_t content; /* cases_row_hash() */
	uint64_t casehash; /* cases_hash() of the case-level fields */
	uint32_t line; /* lines past UINT32_MAX are refused (SAMPLE_FULL) */
	uint32_t idoff; /* in the arena */
	uint32_t area;
	uint32_t slot; /* SLOT_TAINT: a row of the case that cannot be drawn */
};

#define SLOT_TAINT UINT32_MAX

struct sample {
	const struct strata_stratum *defs;
	size_t ndefs;
	size_t *slot0; /* first slot of each stratum: its quotas, then the rest */
	size_t nslots;
	struct keyhash_key key;
	struct area *areas;
	size_t nareas, areacap;
	struct memo *spellings; /* an area name as written -> its area */
	struct memo *areakeys; /* an area's normalised name -> its area */
	struct ident *rows; /* every row added; sample_finish() sorts them by rank */
	size_t nrows, rowcap;
	struct strbuf arena; /* their Case IDs, NUL-terminated */
	struct idset *excl; /* the excluded Case IDs */
	struct strbuf scratch;
	int finished; /* duplicates resolved */
	unsigned long *repeated, *conflicting; /* lines, ascending */
	size_t nrepeated, nconflicting, repcap, confcap;
};

/* Resolve the Case IDs on several rows (once, before the draw). */
void sample_finish(struct sample *);

#endif
