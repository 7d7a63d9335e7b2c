/*
 * sample-impl.h: the insides of a struct sample, shared by sample.c (the
 * rows coming in) and sampledraw.c (the draw). Private to those two files.
 */
#ifndef SAMPLE_IMPL_H
#define SAMPLE_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "core/idset.h"
#include "core/intern.h"
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
 * One row added: what finding duplicate Case IDs at the end needs, in 24
 * bytes, the whole of the per-row memory. The Case ID is its key: one of 1
 * to 12 upper-case letters, digits and hyphens (as Cafcass writes them) is
 * packed into it (idset_pack(), spread by an odd multiplier so that a sort
 * by its bytes finds them even), any other is numbered in the order first
 * seen (IDENT_OTHER, its text kept once). What its case must agree on (the
 * hash of the case-level fields, the area and the slot) is interned.
 */
struct ident {
	uint64_t key; /* the Case ID (see above) */
	uint64_t content; /* cases_row_hash() */
	uint32_t line; /* lines past UINT32_MAX are refused (SAMPLE_FULL) */
	uint32_t tup; /* IDENT_TUPLE: interned words TUP_*; IDENT_TAINT, IDENT_OTHER */
};

#define IDENT_TUPLE ((1u << 30) - 1)
#define IDENT_TAINT (1u << 30) /* a row of the case that cannot be drawn (no tuple) */
#define IDENT_OTHER (1u << 31) /* key numbers an ID of another form */

/* The words of an interned tuple. */
enum { TUP_HASH_LO, TUP_HASH_HI, TUP_AREA, TUP_SLOT, TUP_WORDS };

#define SAMPLE_PENDING 32 /* rows whose tuples are interned together */

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
	struct ident *rows; /* every row added; sample_finish() sorts them by Case ID */
	size_t nrows, rowcap;
	struct intern *tuples; /* the rows' case-level hash, area and slot */
	uint32_t pend[SAMPLE_PENDING][TUP_WORDS]; /* tuples of the last rows, not yet interned */
	uint32_t pendrow[SAMPLE_PENDING]; /* their rows */
	size_t npend;
	struct idset *others; /* Case IDs of another form -> number + 1 */
	struct strbuf arena; /* their text, NUL-terminated, in number order */
	uint32_t *otheroff; /* arena offset of each */
	size_t nothers, othercap;
	struct idset *excl; /* the excluded Case IDs */
	struct strbuf scratch;
	int finished; /* duplicates resolved */
	unsigned long *repeated, *conflicting; /* lines, ascending */
	size_t nrepeated, nconflicting, repcap, confcap;
};

/* Resolve the Case IDs on several rows (once, before the draw). */
void sample_finish(struct sample *);

#endif
