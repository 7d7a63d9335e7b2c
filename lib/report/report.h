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

struct redact;
struct table;

struct report_input {
	const char *judgements_name; /* file names, for messages */
	const char *sea_name;
	const struct judgementsfile *j;
	const struct seafile *sea;
	const json_t *plan; /* NULL when not given */
	const struct table *sample; /* NULL when not given */
	int draft;
	size_t max_examples; /* strengths and improvements shown per criterion */
};

/* Check the SEA for what the report needs (judgements it knows); 0 or -1 with err. */
int report_sea_check(const struct seafile *sea, char *err, size_t errsz);
/* Add the people an SEA and a plan name (inspectors, team) to the detectors. */
void report_add_people(struct redact *, const struct seafile *sea, const json_t *plan);

/* Measure the summary for children. */
void report_children_readability(const struct judgementsfile *, struct readability *);
/*
 * The picture of evidence coverage: an inline SVG (a new string) of the
 * criteria by service area, each cell the number of entries.
 */
char *report_coverage_svg(const struct seafile *sea);
/* Build the report. */
struct rdoc *report_build(const struct report_input *);
/*
 * The gates: one line a refusal ("FILE: where: why") appended to msgs.
 * Returns the number of refusals; 0 means the report may be written.
 */
size_t report_gates(const struct report_input *, const struct rdoc *, struct redact *,
                    struct strbuf *msgs);

#endif
