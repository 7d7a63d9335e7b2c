/*
 * report_int.h: what the report's own source files (report_sections.c,
 * report_method.c) share; not for other modules, which use report.h.
 * Strings returned by report_day_text() are the caller's to free.
 */
#ifndef REPORT_INT_H
#define REPORT_INT_H

#include "report/report.h"
#include "report/reportdoc.h"

/* Source types of evidence and how the report names them, NULL-terminated. */
extern const char *const report_sources[][2];

/* The words for a key in a two-column table of names, or the key itself. */
const char *report_name_of(const char *const (*names)[2], const char *key);
/* "15 January 2027" (weekday: "Friday 15 January 2027") for a date, or a copy of s. */
char *report_day_text(const char *s, int weekday);
/* The section "How the inspection was done" of the team pack: tables and the picture. */
void report_method(struct rdoc *, const struct report_input *);
/* The same for the public report: one short factual paragraph. */
void report_method_public(struct rdoc *, const struct report_input *);
/* The inspection dates under the title. */
void report_sec_dates(struct rdoc *, const struct report_input *);
/* The judgements table with the grade words. */
void report_sec_judgements(struct rdoc *, const struct report_input *);
/* A list of the judgements file as paragraphs (bullets: items). */
void report_texts(struct rdoc *, const struct report_input *, const struct judgementsfile_list *,
                  int bullets);
/* The default title of the report. */
extern const char report_default_title[];
/* The public report and the team pack. */
struct rdoc *report_build_public(const struct report_input *);
struct rdoc *report_build_team(const struct report_input *);

#endif
