/*
 * fieldmap.h: the columns a tool expects, loaded from share/fields/NAME.json,
 *   {"fields": [{"key": "case_id", "name": "Case ID", "required": true,
 *     "personal": false, "aliases": ["Case ref", "Case number"]}, ...]}
 * and matched against a CSV header: names compare by text_normkey() (case,
 * spaces and punctuation ignored; a leading byte-order mark and no-break
 * spaces too), then by the field's key, then by its aliases. No two fields
 * of one file may share a name or alias (a load error names both).
 *
 * Ownership: fieldmap_load*() returns a map the caller frees with
 * fieldmap_free(); the strings it hands out belong to it. fieldmap_bind()
 * fills a binding whose arrays the caller releases with fieldmap_unbind().
 */
#ifndef FIELDMAP_H
#define FIELDMAP_H

#include <stddef.h>

struct fieldmap;

struct fieldmap_binding {
	size_t nfields; /* number of defined fields */
	long *column; /* per field: index of its column in the header, or -1 */
	size_t ncolumns; /* columns in the header */
	long *field; /* per column: index of the field it maps to, or -1 */
	size_t nduplicates; /* columns that map to a field already bound */
	size_t *duplicates; /* their column indexes (column[] keeps the first) */
};

struct fieldmap *fieldmap_load(const char *path, char *err, size_t errsz);
/* Load share/fields/NAME.json from the data folder. */
struct fieldmap *fieldmap_load_named(const char *name, char *err, size_t errsz);
void fieldmap_free(struct fieldmap *);
size_t fieldmap_count(const struct fieldmap *);
/* Index of the field with this key, or -1. */
long fieldmap_index(const struct fieldmap *, const char *key);
const char *fieldmap_key(const struct fieldmap *, size_t i);
const char *fieldmap_name(const struct fieldmap *, size_t i);
int fieldmap_required(const struct fieldmap *, size_t i);
int fieldmap_personal(const struct fieldmap *, size_t i);
/* Index of the field a header name maps to, or -1. */
long fieldmap_match(const struct fieldmap *, const char *header);
/* Bind the header's n names; free with fieldmap_unbind(). */
void fieldmap_bind(const struct fieldmap *, const char *const *header, size_t n,
                   struct fieldmap_binding *out);
void fieldmap_unbind(struct fieldmap_binding *);

#endif
