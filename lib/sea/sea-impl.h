/*
 * sea-impl.h: the insides of a struct sea, shared by sea.c (building it:
 * merge, redaction, coverage, the concerns register, teams) and sea_write.c
 * (its JSON, CSV and Markdown forms). Private to those two files.
 */
#ifndef SEA_IMPL_H
#define SEA_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "redact/redact.h"
#include "sea/evidence.h"
#include "sea/schedule.h"

struct origin {
	const char *file; /* borrowed from the sea's file names */
	unsigned long line;
};

struct sea_entry {
	struct evidence_record r; /* its values in the sea's ev */
	uint32_t nfrom; /* the records merged into it: 1, or more for duplicates */
	uint32_t from; /* nfrom > 1: the first of its origins in the sea's orig */
};

struct sea_tally {
	size_t entries, strengths, improvements, concerns;
	unsigned sources; /* bit i: evidence_sources[i] */
	char **areas; /* sorted, distinct */
	size_t nareas;
};

struct concern {
	size_t entry;
	long answer; /* entry holding Cafcass's response, or -1 */
	char *team; /* owned; NULL when unknown */
};

struct sea {
	const struct schedule *sched;
	const struct profile *prof; /* NULL: the schedule's titles */
	char **files;
	size_t nfiles;
	struct evidence_set ev; /* holds the entries' values (its store alone) */
	struct sea_entry *e;
	size_t n;
	struct origin *orig; /* the origins of merged duplicates, by entry */
	size_t norig;
	size_t ndup, nread, nrejected;
	struct evidence_reject *rej;
	size_t nrej;
	unsigned long counts[REDACT_NTYPES];
	struct sea_tally *crit; /* one per schedule criterion */
	struct sea_tally *judg; /* one per judgement */
	struct concern *conc;
	size_t nconc;
};

/* Value k of entry i. */
const char *sea_value(const struct sea *, size_t i, enum evidence_key k);
/* Origin j (< nfrom) of entry i. */
struct origin sea_origin(const struct sea *, size_t i, size_t j);

#endif
