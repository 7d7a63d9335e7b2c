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
 * Two audiences: the public report (report_public.c: the judgements, the
 * summaries, the team's prose sections, a short paragraph on how the
 * inspection was done; nothing case-level) and the team's evidence pack,
 * OFFICIAL-SENSITIVE (report_sections.c: the SEA criterion by criterion,
 * coverage, triangulation, gaps, the concerns register).
 *
 * The gates (report.c) refuse the document (the caller writes nothing):
 * a graded judgement with no evidence in the SEA; a grade below good with
 * no area for improvement; an inadequate grade without a priority action
 * of substance; gaps unless a draft; a section missing or still holding
 * the skeleton's text unless a draft; a section or free text too long; a
 * summary for children above reading age 12 unless a draft; personal data
 * anywhere; in the public report, anything case-level (a case reference,
 * initials, a redaction placeholder, an inspector's name).
 *
 * The inputs come through their typed readers (judgementsfile.h,
 * sea/seafile.h). Ownership: struct report_input borrows everything it
 * points to; report_build() returns a document the caller frees with
 * rdoc_free().
 */
#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>

#include <jansson.h>

#include "core/readability.h"
#include "core/strbuf.h"
#include "report/judgementsfile.h"
#include "report/reportdoc.h"
#include "sea/seafile.h"

struct planfile;
struct profile;
struct redact;
struct sections;
struct table;

/* Who the document is for: the report as published, or the team's evidence pack. */
enum report_audience { REPORT_PUBLIC, REPORT_TEAM };

struct report_input {
	const struct profile *profile; /* the judgement set and its exact titles (in->j's) */
	const char *judgements_name; /* file names, for messages */
	const char *sea_name;
	const struct judgementsfile *j;
	const struct seafile *sea;
	const struct planfile *plan; /* NULL when not given */
	const struct table *sample; /* NULL when not given */
	const struct sections *sections; /* the team's prose (sections.h), or NULL */
	enum report_audience audience;
	int draft;
	size_t max_examples; /* strengths and improvements shown per criterion */
};

/* The title of judgement jg of the profile's set: the profile's exact words. */
const char *report_judgement_title(const struct report_input *, int jg);
/* The evidence area judgement jg is judged on (the SEA's judgement), or NULL: overall. */
const char *report_judgement_evidence(const struct report_input *, int jg);

/* Check the SEA for what the report needs (evidence areas the profile judges on); 0 or -1
 * with err. */
int report_sea_check(const struct seafile *sea, const struct profile *, char *err, size_t errsz);
/* Add the people an SEA and a plan name (inspectors, team) to the detectors. */
void report_add_people(struct redact *, const struct seafile *sea, const struct planfile *plan);

/* Measure the summary for children. */
void report_children_readability(const struct judgementsfile *, struct readability *);
/*
 * The picture of evidence coverage: an inline SVG (a new string) of the
 * criteria by service area, each cell the number of entries.
 */
char *report_coverage_svg(const struct seafile *sea);
/* Build the document for in->audience. */
struct rdoc *report_build(const struct report_input *);
/*
 * The gates: one line a refusal ("FILE: where: why") appended to msgs,
 * naming the item, never its text. r detects personal data in free text
 * (with the people the inputs name); plain detects it in structured
 * values (service areas, strata, area names), without the deny-list's
 * lone surnames, which are also places ("South West").
 * Returns the number of refusals; 0 means the document may be written.
 */
size_t report_gates(const struct report_input *, const struct rdoc *, struct redact *r,
                    struct redact *plain, struct strbuf *msgs);

#endif
