/*
 * strata.h: the national sample's strata (handbook para 36-37), shared by
 * check-annexA (feasibility) and sample-cases (the draw). Definitions are
 * data: share/sample/national.json,
 *   {"strata": [{"id": "private-law", "size": 50, "audit": 20,
 *                "quotas": [{"id": "r16.4", "size": 10}]}, ...]}
 * and the case-type vocabulary share/vocab/case-types.json, whose entries
 * carry "law_type" ("private"|"public"), "stratum" and optionally "quota".
 * A case type naming a stratum or quota not defined there is a load error.
 *
 * Ownership: strata_load() returns a struct the caller frees with
 * strata_free(); the strata, ids, law types and the case-type vocabulary it
 * hands out belong to it. Like a vocab, it is used by one thread at a time.
 */
#ifndef STRATA_H
#define STRATA_H

#include <stddef.h>

struct labelmap;
struct strata;

struct strata_quota {
	const char *id;
	unsigned size;
};

struct strata_stratum {
	const char *id;
	unsigned size; /* cases to draw */
	unsigned audit; /* of which to flag for audit */
	size_t nquotas;
	const struct strata_quota *quotas;
};

/* What a case row is, once classified. */
struct strata_class {
	long casetype; /* entry in the case-type vocabulary, or -1 if unknown */
	const char *law_type; /* "private", "public" (from the case type), or NULL */
	long stratum; /* index into the strata, or -1 (not eligible) */
	long quota; /* index into that stratum's quotas, or -1 */
};

/* Why a classified row is not in the sampling frame. */
enum strata_reason {
	STRATA_ELIGIBLE = 0,
	STRATA_NO_LAW_TYPE, /* the law type is unknown or blank */
	STRATA_NO_CASE_TYPE, /* the case type is unknown or blank */
	STRATA_MISMATCH, /* the case type is of the other law type */
	STRATA_NO_STRATUM, /* the case type is in no stratum */
};

/*
 * "private" or "public" as one string each (so that law types compare by
 * pointer), or law itself when it is neither.
 */
const char *strata_law_name(const char *law);
/*
 * Whether a row of case type c (NULL: blank) and law type law_type
 * ("private", "public", or NULL when unknown) may be drawn: the one rule
 * check-annexA's feasibility and sample-cases' frame both apply.
 */
enum strata_reason strata_eligible(const struct strata_class *c, const char *law_type);
/* A stratum and quota (-1: none) as one frame slot >= 0, and back. */
long strata_slot(long stratum, long quota);
void strata_unslot(long slot, long *stratum, long *quota);

/* Load the definitions and the case-type vocabulary from the data folder. */
struct strata *strata_load(char *err, size_t errsz);
/* The same from named files; NULL with "PATH: reason" in err. */
struct strata *strata_load_files(const char *national, const char *casetypes, char *err,
                                 size_t errsz);
void strata_free(struct strata *);
size_t strata_count(const struct strata *);
const struct strata_stratum *strata_get(const struct strata *, size_t i);
/* Index of the stratum with this id, or -1. */
long strata_find(const struct strata *, const char *id);
/* Classify a row by its Case type text. */
void strata_classify(const struct strata *, const char *case_type, struct strata_class *out);
/* Classify case types the vocabulary does not know through m (borrowed), too. */
void strata_set_map(struct strata *, const struct labelmap *m);
/* The case-type vocabulary the strata use (for counts by case type). */
const struct vocab *strata_casetypes(const struct strata *);

#endif
