/*
 * jsonfields.h: reading a JSON object into a C struct from a table that
 * names each key once: its type, where it goes (offsetof) and whether it
 * is required. The typed readers of the formats the tools exchange
 * (seafile, judgementsfile, detailsfile) are such tables, so a key is
 * spelled in one place and every consumer reads the struct.
 *
 * Strings are copied (NULL when absent or null); lists of integers and of
 * strings are arrays with their count at count_offset. Messages name the
 * key and where it is ("entries[3].summary: expected a string"), never a
 * value. Ownership: the struct owns what jsonfields_read() put in it;
 * jsonfields_free() releases it with the same table.
 */
#ifndef JSONFIELDS_H
#define JSONFIELDS_H

#include <stddef.h>

#include <jansson.h>

enum jsonfields_kind {
	JSONFIELDS_STRING, /* char * */
	JSONFIELDS_INT, /* long long */
	JSONFIELDS_BOOL, /* int, 0 or 1 */
	JSONFIELDS_INTS, /* long long *, count in a size_t at count_offset */
	JSONFIELDS_STRINGS, /* char **, count in a size_t at count_offset */
};

#define JSONFIELDS_REQUIRED 1u /* absent is an error (null too, unless NULLABLE) */
#define JSONFIELDS_NULLABLE 2u /* null is accepted (read as absent) */

struct jsonfields_spec {
	const char *key; /* NULL ends the table */
	enum jsonfields_kind kind;
	size_t offset;
	size_t count_offset;
	unsigned flags;
};

/*
 * Read the members of obj named in spec into out. where names obj in
 * messages ("entries[3]"; NULL or "" for the top level). 0, or -1 with
 * "where.key: what is wrong" in err; out then holds what was read so far
 * (release it with jsonfields_free()).
 */
int jsonfields_read(const json_t *obj, const struct jsonfields_spec *spec, void *out,
                    const char *where, char *err, size_t errsz);
/* Free what jsonfields_read() put into out, and zero those members. */
void jsonfields_free(const struct jsonfields_spec *spec, void *out);
/* 1 when key is named in spec. */
int jsonfields_known(const struct jsonfields_spec *spec, const char *key);
/* A key as it may be shown in a message: itself when it looks like a schema
 * key (lower case, digits, '_', '-', at most 40), else a neutral phrase. */
const char *jsonfields_shown_key(const char *key);

#endif
