/*
 * jsonio.h: JSON in and out over Jansson.
 * Loading reports "FILE:LINE:COLUMN: invalid JSON: KIND" on error, KIND being
 * a fixed phrase of ours (never Jansson's text, which quotes the input and so
 * may show personal data); dumping is deterministic
 * (keys in insertion order, two-space indent, UTF-8, trailing newline).
 * A document larger than JSONIO_MAX_INPUT is refused ("FILE: larger than the
 * 64 MB limit"), so a runaway pipe cannot exhaust memory.
 */
#ifndef JSONIO_H
#define JSONIO_H

#include <stdio.h>

#include <jansson.h>

#define JSONIO_MAX_INPUT ((size_t)64 << 20) /* bytes in one JSON document */

/*
 * Load a JSON document from path ("-" = standard input). On error return
 * NULL and write "PATH:LINE:COLUMN: invalid JSON: KIND" into err (errsz bytes).
 */
json_t *jsonio_load(const char *path, char *err, size_t errsz);
/* The same, from a stream; name is used in the message. */
json_t *jsonio_loadf(FILE *, const char *name, char *err, size_t errsz);
/* The kind of a Jansson load error as a fixed phrase that quotes no input. */
const char *jsonio_error_kind(const json_error_t *);
/* Write json to fp as one document and a newline; -1 on a write error. */
int jsonio_dump(const json_t *, FILE *);
/* Write json to fp compactly on one line (NDJSON) and a newline. */
int jsonio_dump_line(const json_t *, FILE *);

/* Typed getters returning a default when absent or of the wrong type. */
const char *jsonio_str(const json_t *obj, const char *key, const char *dflt);
long long jsonio_int(const json_t *obj, const char *key, long long dflt);

#endif
