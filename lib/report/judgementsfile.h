/*
 * judgementsfile.h: the typed reader of the judgements JSON
 * (share/schemas/judgements.schema.json, contract section 7): a grade for
 * each judgement, the summary for children, the key findings, the areas
 * for improvement and for priority action. Every error names the key that
 * is wrong and where, never the text in it.
 *
 * The judgement set is the profile's (lib/regime/profile, share/profiles):
 * framework-2021 grades private-law, public-law and leadership;
 * handbook-2014 an overall judgement and four more. Every judgement of the
 * set needs a grade, and a judgement outside it is an error naming the set.
 * A grade's index is the judgement's index in the profile.
 *
 * Ownership: judgementsfile_read() fills a struct the caller releases with
 * judgementsfile_free(); its strings are its own copies. It borrows the
 * profile, which must outlive it.
 */
#ifndef JUDGEMENTSFILE_H
#define JUDGEMENTSFILE_H

#include <stddef.h>

#include <jansson.h>

#include "regime/profile.h"

enum report_grade {
	REPORT_GRADE_NONE = -1,
	REPORT_OUTSTANDING,
	REPORT_GOOD,
	REPORT_REQUIRES_IMPROVEMENT,
	REPORT_INADEQUATE,
};

/* A text of the judgements file and where it is ("key_findings[2]"). */
struct judgementsfile_text {
	char *text;
	char *origin;
	int judgement; /* priority actions: the judgement named (its profile index), or -1 */
};

struct judgementsfile_list {
	size_t n;
	struct judgementsfile_text *v;
};

struct judgementsfile {
	const struct profile *profile; /* the judgement set (borrowed) */
	size_t njudgements; /* the profile's */
	char *title; /* NULL: the default title */
	char *from, *to; /* inspection dates (ISO) or NULL */
	enum report_grade grade[PROFILE_MAX_JUDGEMENTS]; /* by the profile's index */
	struct judgementsfile_list children; /* summary_for_children, paragraph by paragraph */
	struct judgementsfile_list findings; /* key_findings */
	struct judgementsfile_list improve; /* areas_for_improvement */
	struct judgementsfile_list priority; /* priority_actions, top level and per judgement */
};

/* The id of judgement k of the set ("private-law"). */
const char *judgementsfile_id(const struct judgementsfile *, size_t k);
/* The judgement of the set a key names ("public-law"), or -1. */
int judgementsfile_judgement_of(const struct judgementsfile *, const char *key);
/* The grade of a key or grade words ("requires-improvement", "Good"), or NONE. */
enum report_grade judgementsfile_grade_parse(const char *);
/* "Outstanding", "Good", "Requires improvement to be good", "Inadequate". */
const char *judgementsfile_grade_words(enum report_grade);

/* Check and take the judgements document against the profile's set. 0, or -1 with
 * "where: what" in err (an unknown judgement names the set and the nearest in it). */
int judgementsfile_read(const json_t *, const struct profile *, struct judgementsfile *, char *err,
                        size_t errsz);
void judgementsfile_free(struct judgementsfile *);

#endif
