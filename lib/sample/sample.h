/*
 * sample.h: the draw behind sample-cases (handbook paras 36-37, 49, 51).
 *
 * A struct sample collects cases one row at a time, then draws. Each case is
 * ranked by rank = SipHash-2-4(key, Case ID) with the key derived from the
 * seed (keyhash.h); the sample is a function of the set of rows and the seed.
 * Per stratum: each sub-quota is spread across service areas by largest
 * remainder on the area's quota cases and filled with each area's lowest
 * ranks; the rest of the stratum is then given one case at a time to the
 * area furthest below its share of the whole stratum (apportion.h) and filled
 * from its non-quota cases by lowest rank; finally the flagged cases (audit,
 * supervision) are drawn stratified: spread first over the sub-quotas and
 * the rest of the stratum by largest remainder on the cases drawn in each
 * (so each quota's share of the flags is its share of the stratum: 4 of 20
 * audits for 10 r16.4 cases of 50), then within each over the areas by
 * largest remainder on the cases drawn there, and are the lowest-ranked drawn
 * cases of each area and quota. Area ties go to
 * the smaller SipHash-2-4(key, area key), the area key being text_normkey()
 * of the service area.
 *
 * Memory: 32 bytes and the Case ID per row, plus, per stratum, area and
 * quota, at most the stratum size + SAMPLE_SLACK candidate rows (the
 * lowest-ranked so far). Rows are appended as they come; sample_draw() sorts
 * them by rank in place (no second copy) to find Case IDs on several rows.
 * A case is its Case ID; its rows are its children (cases.h). Rows that
 * repeat another row exactly count once; rows of one Case ID that agree on
 * the case-level fields are one case, drawn with all its rows; when they
 * disagree, or one of them could not be classified (sample_taint()), every
 * row with that Case ID is left out.
 *
 * Ownership: sample_new() copies nothing from defs, which must outlive the
 * sample. sample_add() copies the row. A result points into the sample and
 * is valid until sample_free(); free it with sample_result_free() first.
 */
#ifndef SAMPLE_H
#define SAMPLE_H

#include <stddef.h>
#include <stdint.h>

#include "annexa/strata.h"

#define SAMPLE_SLACK 16 /* candidates kept beyond the stratum size */

enum sample_add_status {
	SAMPLE_ADDED = 0, /* duplicates are found by sample_draw() */
	SAMPLE_EXCLUDED, /* the Case ID was excluded */
	SAMPLE_FULL, /* past the limits below: not added */
	SAMPLE_AREAS, /* a service area past SAMPLE_MAX_AREAS: not added */
};

#define SAMPLE_MAX_AREAS 1000 /* distinct service areas (Cafcass has 17) */

struct sample;

/* Per area of one stratum (for --explain and the property tests). */
struct sample_area {
	const char *name; /* the byte-smallest spelling seen */
	uint64_t tie;
	unsigned long eligible; /* cases of the stratum in this area */
	unsigned long *q_eligible; /* per quota, then the rest at [nquotas] */
	unsigned long drawn;
	unsigned long *q_drawn; /* per quota, then the rest at [nquotas] */
	unsigned long flagged;
	unsigned long *q_flagged; /* per quota, then the rest at [nquotas] */
};

struct sample_stratum_result {
	const struct strata_stratum *def;
	unsigned long eligible;
	unsigned long *q_eligible; /* per quota, then the rest */
	unsigned long drawn;
	unsigned long *q_drawn;
	unsigned long flagged;
	unsigned long *q_flagged; /* per quota, then the rest */
	size_t nareas;
	struct sample_area *areas; /* sorted by area key */
};

struct sample_pick {
	const char *case_id;
	const char *const *fields; /* the row as added (the first of the case kept) */
	size_t nfields;
	const struct topk_cand *rows; /* every row of the case kept (->next) */
	unsigned long line;
	uint64_t rank;
	size_t stratum; /* index into the definitions */
	const char *stratum_id;
	long quota; /* index into its quotas, or -1 */
	const char *quota_id; /* or NULL */
	int flagged;
	const char *area;
};

struct sample_result {
	size_t npicks;
	struct sample_pick *picks; /* by stratum id, then Case ID (byte order) */
	size_t nstrata;
	struct sample_stratum_result *strata; /* as the definitions */
};

struct sample *sample_new(const struct strata_stratum *defs, size_t ndefs, uint64_t seed);
void sample_free(struct sample *);
/* Leave this Case ID out (call before adding rows). */
void sample_exclude(struct sample *, const char *case_id);
/*
 * Add a case of stratum (index into defs) and quota (-1 for none); lens are
 * the field lengths (NULL: strlen). Limits: Case IDs total under 4 GiB, line
 * numbers under 2^32 (SAMPLE_FULL past either), and fewer than 65536 quotas
 * in all.
 */
enum sample_add_status sample_add(struct sample *, const char *case_id, const char *area,
                                  size_t stratum, long quota, const char *const *fields,
                                  const size_t *lens, size_t nfields, unsigned long line);
/*
 * Add a child row of a case: as sample_add(), with the hash of its
 * case-level fields (cases_hash()); rows of one Case ID with one casehash
 * are one case. sample_add() is this with the hash of the whole row.
 */
enum sample_add_status sample_add_case(struct sample *, const char *case_id, const char *area,
                                       size_t stratum, long quota, uint64_t casehash,
                                       const char *const *fields, const size_t *lens,
                                       size_t nfields, unsigned long line);
/* A row of case_id on line that cannot be drawn: its whole case is left out. */
void sample_taint(struct sample *, const char *case_id, unsigned long line);
/*
 * After sample_draw(): the lines of the rows left out because they repeat an
 * earlier row exactly (all but the first line of each), and of every row of
 * a Case ID whose rows differ; ascending. Returns the count.
 */
size_t sample_repeated(const struct sample *, const unsigned long **lines);
size_t sample_conflicting(const struct sample *, const unsigned long **lines);
/* The rank of a Case ID under this sample's seed. */
uint64_t sample_rank(const struct sample *, const char *case_id);
/*
 * Draw. NULL with err set when too many conflicting duplicates fell among
 * the lowest ranks of one area to draw exactly (more than SAMPLE_SLACK).
 */
struct sample_result *sample_draw(struct sample *, char *err, size_t errsz);
void sample_result_free(struct sample_result *);

#endif
