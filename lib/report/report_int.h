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
/* The section "How the inspection was done". */
void report_method(struct rdoc *, const struct report_input *);

#endif
