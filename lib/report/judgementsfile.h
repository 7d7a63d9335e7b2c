/*
 * judgementsfile.h: the typed reader of the judgements JSON
 * (share/schemas/judgements.schema.json, contract section 7): a grade for
 * each judgement, the summary for children, the key findings, the areas
 * for improvement and for priority action. Every error names the key that
 * is wrong and where, never the text in it.
 *
 * Ownership: judgementsfile_read() fills a struct the caller releases with
 * judgementsfile_free(); its strings are its own copies.
 */
#ifndef JUDGEMENTSFILE_H
#define JUDGEMENTSFILE_H

#include <stddef.h>

#include <jansson.h>

enum report_grade {
	REPORT_GRADE_NONE = -1,
	REPORT_OUTSTANDING,
	REPORT_GOOD,
	REPORT_REQUIRES_IMPROVEMENT,
	REPORT_INADEQUATE,
};

enum report_judgement {
	REPORT_PRIVATE_LAW,
	REPORT_PUBLIC_LAW,
	REPORT_LEADERSHIP,
	REPORT_NJUDGEMENTS
};

/* A text of the judgements file and where it is ("key_findings[2]"). */
struct judgementsfile_text {
	char *text;
	char *origin;
	int judgement; /* priority actions: the judgement named, or -1 */
};

struct judgementsfile_list {
	size_t n;
	struct judgementsfile_text *v;
};

struct judgementsfile {
	char *title; /* NULL: the default title */
	char *from, *to; /* inspection dates (ISO) or NULL */
	enum report_grade grade[REPORT_NJUDGEMENTS];
	struct judgementsfile_list children; /* summary_for_children, paragraph by paragraph */
	struct judgementsfile_list findings; /* key_findings */
	struct judgementsfile_list improve; /* areas_for_improvement */
	struct judgementsfile_list priority; /* priority_actions, top level and per judgement */
};

/* "private-law", "public-law", "leadership". */
const char *judgementsfile_id(enum report_judgement);
/* The judgement a key names ("public-law"), or -1. */
int judgementsfile_judgement_of(const char *key);
/* The grade of a key or grade words ("requires-improvement", "Good"), or NONE. */
enum report_grade judgementsfile_grade_parse(const char *);
/* "Outstanding", "Good", "Requires improvement to be good", "Inadequate". */
const char *judgementsfile_grade_words(enum report_grade);

/* Check and take the judgements document. 0, or -1 with "where: what" in err. */
int judgementsfile_read(const json_t *, struct judgementsfile *, char *err, size_t errsz);
void judgementsfile_free(struct judgementsfile *);

#endif
