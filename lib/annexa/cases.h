/*
 * cases.h: Annex A is child-level data: a case is its Case ID, and the rows
 * that share one are its children. This module says what makes rows one
 * case, shared by check-annexA (its duplicate-id and case-conflict rules and
 * the national sample's feasibility) and sample-cases (the sampling frame),
 * so that the two count the same cases by construction:
 *
 *   - the case-level fields, which every row of a case must repeat: law
 *     type, case type, service area, practitioner, team, court and local
 *     authority (compared ignoring ASCII case, spaces and punctuation; law
 *     and case type by their vocabulary entry);
 *   - a case is in the frame when every one of its rows is eligible
 *     (strata_eligible()) and all agree on the case-level fields: a case
 *     with a row that cannot be classified, or whose rows disagree, is out;
 *   - rows identical in every field are one row repeated, not two children.
 *
 * struct cases follows the cases of a stream for check-annexA: per Case ID
 * a 12-byte record (the hash of its first row, and its case-level fields as
 * an index into a table of the distinct tuples of field hashes, which cases
 * share), in the order first seen, found again from the line of its first
 * row (the Case ID set's) by that line's rank in a bitmap of first lines:
 * about 30 bytes a case with the Case ID set.
 *
 * Ownership: the struct owns everything it keeps.
 */
#ifndef CASES_H
#define CASES_H

#include <stddef.h>
#include <stdint.h>

#include "core/bytes.h"
#include "core/memo.h"

enum cases_field {
	CASES_LAW_TYPE,
	CASES_CASE_TYPE,
	CASES_SERVICE_AREA,
	CASES_PRACTITIONER,
	CASES_TEAM,
	CASES_COURT,
	CASES_LOCAL_AUTHORITY,
	CASES_NFIELDS
};

/* The share/fields/annexa.json keys of the case-level fields. */
extern const char *const cases_field_keys[CASES_NFIELDS];

/* The hash of a case-level value s[0..len): ASCII case, spaces and punctuation ignored. */
uint32_t cases_value_hash(const char *s, size_t len);
/*
 * cases_value_hash() remembered for the values of each case-level field (a
 * column holds few distinct values, and each row repeats one): a small
 * direct-mapped cache of the exact bytes, held inline (no pointer to chase),
 * each lookup one slot pair whatever the input; the answer is always the
 * same as cases_value_hash()'s.
 *
 * The cache is laid out here so that a value found in the first slot of
 * its pair (nearly every lookup of a long run) costs the caller no call: a
 * call cost as much as the lookup. The rest is cases_vcache_miss().
 */
#define CASES_VC_TEXT 43 /* bytes of a value kept: longer ones are not cached */

/* A remembered value: its hash, length (0: empty slot) and bytes. */
struct cases_vslot {
	uint32_t hash;
	unsigned char len;
	char text[CASES_VC_TEXT];
};

struct cases_vcache {
	struct cases_vslot (*s)[2]; /* CASES_NFIELDS << shift pairs, the last used first in each */
	unsigned shift; /* log2 of the pairs a field */
	size_t misses; /* since it last grew */
};

struct cases_vcache *cases_vcache_new(void);
void cases_vcache_free(struct cases_vcache *);
/* cases_vcache_hash() past the first slot of the value's pair. */
uint32_t cases_vcache_miss(struct cases_vcache *, enum cases_field f, const char *s, size_t len);

/*
 * The pair of a value for field f. Values chosen to share a pair only make
 * the cache miss (each lookup is still two slots), so the hash needs no key.
 */
static inline size_t
cases_vcache_set(const struct cases_vcache *vc, enum cases_field f, const char *s, size_t len)
{
	return ((size_t)f << vc->shift) | (size_t)(memo_quick_hash(s, len) >> (64 - vc->shift));
}

static inline uint32_t
cases_vcache_hash(struct cases_vcache *vc, enum cases_field f, const char *s, size_t len)
{
	const struct cases_vslot *w;

	if (len - 1 < CASES_VC_TEXT) { /* 1 to CASES_VC_TEXT bytes */
		w = vc->s[cases_vcache_set(vc, f, s, len)];
		if (w[0].len == len && bytes_same(w[0].text, s, len))
			return w[0].hash;
	}
	return cases_vcache_miss(vc, f, s, len);
}
/* The hash of a vocabulary entry (law type, case type), or of the text when entry < 0. */
uint32_t cases_entry_hash(long entry, const char *s, size_t len);
/* The case-level hash of a row from its field hashes. */
uint64_t cases_hash(const uint32_t h[CASES_NFIELDS]);
/* A fast hash of a whole row (each field followed by a NUL). */
uint64_t cases_row_hash(const char *const *fields, const size_t *lens, size_t nfields);
/*
 * cases_row_hash() of a row whose fields lie end to end from first, each
 * followed by its NUL, span bytes in all (as csvbatch gives them): with no
 * check that they do.
 */
uint64_t cases_span_hash(const char *first, size_t span);

/* What a row is to the cases seen before it. */
enum cases_kind {
	CASES_NEW, /* the first row of its Case ID */
	CASES_SIBLING, /* another child of a case seen before */
	CASES_REPEAT, /* identical to an earlier row (*other) */
	CASES_CONFLICT, /* its case-level fields differ from the first row's (*other) */
};

struct cases_verdict {
	enum cases_kind kind;
	unsigned long other; /* REPEAT, CONFLICT: the earlier line */
	unsigned differ; /* CONFLICT: bit f set when field f differs */
	int uncount; /* the case was counted in the frame and is now out: uncount slot */
	long slot; /* with uncount (or NEW and counted): the frame slot of the case */
};

struct cases;

struct cases *cases_new(size_t hint);
void cases_free(struct cases *);
/*
 * Note a row of Case ID id[0..len) (trimmed, upper-cased by the caller) on
 * line, with its field hashes, whole-row hash and frame slot (a stratum and
 * quota code >= 0 when the row is eligible, -1 when not).
 */
void cases_add(struct cases *, const char *id, size_t len, unsigned long line,
               const uint32_t h[CASES_NFIELDS], uint64_t rowhash, long slot,
               struct cases_verdict *out);
/* Start loading the slots of n Case IDs met soon, ids[0..n) (lengths lens[]): a hint. */
void cases_prefetch(struct cases *, const char *const *ids, const size_t *lens, size_t n);
/* Distinct Case IDs, and the bytes held. */
size_t cases_count(const struct cases *);
size_t cases_bytes(const struct cases *);

#endif
