/*
 * tally.h: the counting half of check-annexA: records by law type, case
 * type and service area, and the cases each national stratum and sub-quota
 * could draw from (the strata module's classification, the one sample-cases
 * uses), turned into the summary's counts and feasibility lines.
 *
 * Ownership: the tally borrows the vocabulary and strata for its lifetime;
 * the arrays it puts in a summary stay its own until tally_free().
 */
#ifndef TALLY_H
#define TALLY_H

#include <stddef.h>

#include "annexa/annexa.h"
#include "annexa/strata.h"
#include "core/vocab.h"

struct tally;

struct tally *tally_new(const struct vocab *lawtypes, const struct strata *);
void tally_free(struct tally *);
/* Count a law type: its vocabulary entry, -1 when unknown, -2 when blank. */
void tally_law(struct tally *, long entry);
/* Count a row's case type (c NULL when blank). */
void tally_case(struct tally *, const struct strata_class *c);
/* Count a case in (delta 1) or out of (-1) the national sample's frame at slot. */
void tally_frame(struct tally *, long slot, int delta);
/* Count a service area (trimmed text). */
void tally_area(struct tally *, const char *s, size_t len);
/* Fill the counts and feasibility lines of s (call once). */
void tally_summarise(struct tally *, struct annexa_summary *s);

#endif
