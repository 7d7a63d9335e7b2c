/*
 * report.h: check-annexA's output in its three formats. Findings are
 * written as they arrive (json spools them to a temporary file so the
 * summary can come first); report_end() writes the summary.
 *
 *   text  FILE:LINE: COLUMN: RULE (SEVERITY): MESSAGE, then the summary
 *   json  {"summary": {...}, "findings": [...]}  (share/schemas/check-annexA.schema.json)
 *   csv   line,column,rule,severity,message
 *
 * Ownership: the report borrows the output stream and every name given.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stdio.h>

#include "annexa.h"
#include "dates.h"
#include "docs.h"

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_CSV };

struct report {
	enum report_format format;
	FILE *out;
	const char *file; /* the name findings are given under (text) */
	int capped; /* --max-findings given */
	unsigned long max; /* with capped: findings listed at most */
	unsigned long total, listed;
	FILE *spool; /* json: findings so far */
};

/* Start the report; -1 when the spool cannot be made. */
int report_begin(struct report *, enum report_format, FILE *out, const char *file);
/* The annexa_emit_fn: list the finding unless the cap is reached. */
void report_finding(void *rep, const struct annexa_finding *);
/* Write the summary (and, for json, the findings); -1 on a write error. */
int report_end(struct report *, const struct annexa_summary *, date_t as_of, const char *manifest,
               const struct docs_report *docs);

#endif
