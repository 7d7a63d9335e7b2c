/*
 * findings.h: check-annexA's output in its three formats. Findings are
 * written as they arrive (json spools them to a temporary file so the
 * summary can come first); findings_end() writes the summary.
 *
 *   text  FILE:LINE: COLUMN: RULE (SEVERITY): MESSAGE, then the summary
 *   json  {"summary": {...}, "findings": [...]}  (share/schemas/check-annexA.schema.json)
 *   csv   line,column,rule,severity,message
 *
 * Ownership: the report borrows the output stream and every name given.
 */
#ifndef ANNEXA_FINDINGS_H
#define ANNEXA_FINDINGS_H

#include <stdio.h>

#include "annexa/annexa.h"
#include "annexa/docs.h"
#include "core/dates.h"

enum findings_format { FINDINGS_TEXT, FINDINGS_JSON, FINDINGS_CSV };

struct findings {
	enum findings_format format;
	FILE *out;
	const char *file; /* the name findings are given under (text) */
	int capped; /* --max-findings given */
	unsigned long max; /* with capped: findings listed at most */
	unsigned long total, listed;
	FILE *spool; /* json: findings so far */
};

/* Start the report; -1 when the spool cannot be made. */
int findings_begin(struct findings *, enum findings_format, FILE *out, const char *file);
/* The annexa_emit_fn: list the finding unless the cap is reached. */
void findings_finding(void *rep, const struct annexa_finding *);
/* Raise document-missing, counted in a, for every item of d with no file. */
void findings_documents(struct findings *, struct annexa *a, const char *manifest,
                        const struct docs_report *d);
/* Write the summary (and, for json, the findings); -1 on a write error. */
int findings_end(struct findings *, const struct annexa_summary *, date_t as_of,
                 const char *manifest, const struct docs_report *docs);

#endif
