/*
 * report.h: the inspection report (handbook paras 103-110, contract section
 * 7) from the judgements JSON, the SEA of build-sea and, optionally, the
 * plan of plan-weeks and the sample of sample-cases. The sections, in
 * order: title and dates; the judgements with their grade words; the
 * summary for children and young people with its readability; key
 * findings; what needs to improve; areas for priority action; a section per
 * judgement from the SEA's strengths and improvements by criterion; how the
 * inspection was done; the concerns register.
 *
 * Three gates refuse the report (the caller writes nothing): a judgement
 * graded inadequate with no priority action; an SEA with gaps unless the
 * report is a draft; text that would print personal data (the redaction
 * detectors of build-sea run over every text of the document).
 *
 * Ownership: report_judgements_parse() fills a struct the caller releases
 * with report_judgements_free(); struct report_input borrows everything it
 * points to; report_build() returns a document the caller frees with
 * rdoc_free().
 */
#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>

#include <jansson.h>

#include "core/readability.h"
#include "core/strbuf.h"
#include "regime/profile.h"
#include "report/reportdoc.h"

struct redact;
struct table;

enum report_grade {
	REPORT_GRADE_NONE = -1,
	REPORT_OUTSTANDING,
	REPORT_GOOD,
	REPORT_REQUIRES_IMPROVEMENT,
	REPORT_INADEQUATE,
};

/* A text of the judgements file and where it is ("key_findings[2]"). */
struct report_text {
	char *text;
	char *origin;
	int judgement; /* priority actions: the judgement named, or -1 */
};

struct report_list {
	size_t n;
	struct report_text *v;
};

struct report_judgements {
	const struct profile *profile; /* the judgement set (borrowed) */
	size_t njudgements; /* the profile's; judgement jg is profile->judgements[jg] */
	char *title; /* NULL: the default title */
	char *from, *to; /* inspection dates (ISO) or NULL */
	enum report_grade grade[PROFILE_MAX_JUDGEMENTS];
	struct report_list children; /* summary_for_children, paragraph by paragraph */
	struct report_list findings; /* key_findings */
	struct report_list improve; /* areas_for_improvement */
	struct report_list priority; /* priority_actions, top level and per judgement */
};

struct report_input {
	const char *judgements_name; /* file names, for messages */
	const char *sea_name;
	const struct report_judgements *j;
	const json_t *sea;
	const json_t *plan; /* NULL when not given */
	const struct table *sample; /* NULL when not given */
	int draft;
	size_t max_examples; /* strengths and improvements shown per criterion */
};

/* The id ("private-law"), the profile's exact title and the evidence area
 * (NULL for an overall judgement) of judgement jg. */
const char *report_judgement_id(const struct report_judgements *, size_t jg);
const char *report_judgement_title(const struct report_judgements *, size_t jg);
const char *report_judgement_evidence(const struct report_judgements *, size_t jg);
/* "Outstanding", "Good", "Requires improvement to be good", "Inadequate". */
const char *report_grade_words(enum report_grade);
/* The grade of a key or grade words ("requires-improvement", "Good"), or NONE. */
enum report_grade report_grade_parse(const char *);

/*
 * Check and take the judgements document (share/schemas/judgements.schema.json)
 * against the profile's judgement set: every judgement of the set graded,
 * none outside it (the message names the set).
 * 0, or -1 with "where: what" in err (never a value of the file).
 */
int report_judgements_parse(const json_t *, const struct profile *, struct report_judgements *,
                            char *err, size_t errsz);
void report_judgements_free(struct report_judgements *);
/* Check the shape of an SEA (entries, coverage, gaps, concerns); 0 or -1 with err. */
int report_sea_check(const json_t *sea, char *err, size_t errsz);
/* Add the people an SEA and a plan name (inspectors, team) to the detectors. */
void report_add_people(struct redact *, const json_t *sea, const json_t *plan);

/* Measure the summary for children. */
void report_children_readability(const struct report_judgements *, struct readability *);
/*
 * The picture of evidence coverage: an inline SVG (a new string) of the
 * criteria by service area, each cell the number of entries.
 */
char *report_coverage_svg(const json_t *sea);
/* Build the report. */
struct rdoc *report_build(const struct report_input *);
/*
 * The gates: one line a refusal ("FILE: where: why") appended to msgs.
 * Returns the number of refusals; 0 means the report may be written.
 */
size_t report_gates(const struct report_input *, const struct rdoc *, struct redact *,
                    struct strbuf *msgs);

#endif
