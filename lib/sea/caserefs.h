/*
 * caserefs.h: the Case IDs of the Annex A extracts given to build-sea with
 * --identifiers, whatever their form (the handbook gives none). Evidence
 * citing a case the extract does not hold is named (file, line, reference),
 * and every known ID is handed to the redactor so that it is never redacted,
 * even where it looks like a number the redactor would take (an NHS or phone
 * number).
 *
 * Ownership: the set holds copies of the IDs (upper case); it borrows the
 * redactor given to caserefs_load_identifiers() for the call only.
 */
#ifndef CASEREFS_H
#define CASEREFS_H

#include <stddef.h>

struct caserefs;
struct evidence_set;
struct redact;

struct caserefs *caserefs_new(void);
void caserefs_free(struct caserefs *);
/*
 * Read the identifiers file at path once: its names into r's deny-list (as
 * redact_add_identifiers() does) and its Case IDs (its Case ID column; a file
 * without one, such as a list of names, adds none) into the set, each kept
 * in r. 0, or -1 with "FILE: reason" in err.
 */
int caserefs_load_identifiers(struct caserefs *, const char *path, unsigned csv_flags,
                              struct redact *r, char *err, size_t errsz);
/* Case IDs known. */
size_t caserefs_count(const struct caserefs *);
/* 1 when ref (any case, trimmed) is a known Case ID. */
int caserefs_known(const struct caserefs *, const char *ref);
/*
 * Name on stderr each case reference of the kept records that no extract
 * holds ("FILE:LINE: case reference X is not in ..."); their number.
 */
size_t caserefs_check(const struct caserefs *, const struct evidence_set *);

#endif
