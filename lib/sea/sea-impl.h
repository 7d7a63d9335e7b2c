/*
 * sea-impl.h: the insides of a struct sea, shared by sea.c (building it:
 * merge, redaction, coverage, the concerns register, teams) and sea_write.c
 * (its JSON, CSV and Markdown forms). Private to those two files.
 */
#ifndef SEA_IMPL_H
#define SEA_IMPL_H

#include <stddef.h>

#include "redact/redact.h"
#include "sea/evidence.h"
#include "sea/schedule.h"

struct origin {
	const char *file; /* borrowed from the sea's file names */
	unsigned long line;
};

struct sea_entry {
	struct evidence_record r;
	long jidx; /* the judgement's place in the schedule, for sorting */
	struct origin *from;
	size_t nfrom;
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
	struct sea_entry *e;
	size_t n;
	size_t ndup, nread, nrejected;
	struct evidence_reject *rej;
	size_t nrej;
	unsigned long counts[REDACT_NTYPES];
	struct sea_tally *crit; /* one per schedule criterion */
	struct sea_tally *judg; /* one per judgement */
	struct concern *conc;
	size_t nconc;
};

#endif
