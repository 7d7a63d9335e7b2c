/*
 * docs.h: Annex A's "further documentation": which items Cafcass supplied.
 * The items (national, and local to each service area) and the PCRE2
 * file-name patterns that recognise them are data: share/annexa/documents.json.
 * A manifest is a CSV with a file column and optional item and service_area
 * columns (share/annexa/manifest.json), or a folder whose files are listed
 * (files in a sub-folder belong to the service area the sub-folder names).
 * A file is matched by its item column, else by a leading item number in its
 * name ("1.01 Strategy.pdf"), else by the patterns, trying the items of its
 * own scope first (local when it has a service area).
 *
 * Ownership: a docs_report owns every string in it; free it with
 * docs_report_free(). Its items point into the struct docs for titles.
 */
#ifndef DOCS_H
#define DOCS_H

#include <stddef.h>

struct docs;

struct docs_result {
	const char *item; /* "1.01" */
	const char *title;
	const char *scope; /* "national" or "local" */
	char *service_area; /* NULL for national items (or a manifest without areas) */
	size_t nfiles;
	char **files;
};

struct docs_report {
	size_t nresults;
	struct docs_result *results;
	size_t nunmatched;
	char **unmatched; /* files no item recognised */
	size_t nareas; /* service areas found in the manifest */
};

/* Load share/annexa/documents.json; NULL with the reason in err. */
struct docs *docs_load(char *err, size_t errsz);
void docs_free(struct docs *);
size_t docs_count(const struct docs *);
/* The number of item i ("1.01"). */
const char *docs_item_id(const struct docs *, size_t i);
/*
 * Match the manifest (CSV file or folder) against the items. 0, or -1 with
 * "MANIFEST:LINE: reason" in err when it cannot be read.
 */
int docs_check(const struct docs *, const char *manifest, struct docs_report *out, char *err,
               size_t errsz);
/* Index of the item a file belongs to, or -1 (item text may be NULL). */
long docs_match(const struct docs *, const char *file, const char *item, int local);
void docs_report_free(struct docs_report *);

#endif
