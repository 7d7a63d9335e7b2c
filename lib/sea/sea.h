/*
 * sea.h: the summary of evidence and analysis (handbook paras 98-102):
 * the team's checked evidence merged (exact duplicates once, sorted so that
 * the order of the input files does not matter), its free text redacted,
 * coverage of the evaluation schedule by criterion, the gaps, and the
 * Annex F register of concerns referred back to Cafcass with whether
 * Cafcass has responded. Written as JSON (share/schemas/sea.schema.json),
 * CSV (the flat redacted entries) or Markdown (for the team meeting).
 *
 * Ownership: sea_build() takes over the records of the set (the set is left
 * with none) and borrows the schedule, which must outlive the sea.
 */
#ifndef SEA_H
#define SEA_H

#include <stddef.h>
#include <stdio.h>

struct evidence_set;
struct profile;
struct redact;
struct schedule;
struct sea;

/* Merge, redact (with r) and analyse the records of set. */
struct sea *sea_build(const struct schedule *, struct redact *r, struct evidence_set *set);
void sea_free(struct sea *);
/*
 * The inspection profile whose judgement set the SEA reports against
 * (borrowed; it must outlive the sea): its name is written as "profile" and
 * each evidence area's judgements take the profile's exact titles.
 */
void sea_set_profile(struct sea *, const struct profile *);
/*
 * Fill the Cafcass team of concerns that name none from an Annex A extract
 * (its Case ID and Team columns). 0, or -1 with "FILE:LINE: reason" in err.
 */
int sea_teams_from(struct sea *, const char *path, unsigned csv_flags, char *err, size_t errsz);

size_t sea_entries(const struct sea *);
size_t sea_duplicates(const struct sea *);
size_t sea_gaps(const struct sea *);
/* Entries coded to the i-th criterion of the schedule. */
size_t sea_covered(const struct sea *, size_t i);
size_t sea_concerns(const struct sea *);
size_t sea_awaiting(const struct sea *); /* concerns with no response yet */
unsigned long sea_redactions(const struct sea *); /* all types */

/* Write the SEA; -1 on a write error. */
int sea_write_json(const struct sea *, FILE *);
int sea_write_csv(const struct sea *, FILE *);
int sea_write_md(const struct sea *, FILE *);

#endif
