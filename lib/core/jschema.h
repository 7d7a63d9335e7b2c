/*
 * jschema.h: JSON Schema validation over Jansson, for the subset of JSON
 * Schema (draft 2020-12) that the schemas of share/schemas use and a little
 * more: type, enum, const, properties, required, additionalProperties,
 * patternProperties, items, minItems, maxItems, uniqueItems, minimum,
 * maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength (in
 * characters), pattern (PCRE2 through core/rx, searched anywhere in the
 * string as JSON Schema says), allOf, anyOf, oneOf, not, and $ref to a JSON
 * pointer within the same document ("#/$defs/name"). title, description,
 * $schema, $id, $comment, default, examples, deprecated, readOnly, writeOnly
 * and format are annotations (format is not asserted, as in 2020-12).
 * A schema using any other keyword is refused when loaded, naming it: no
 * keyword is ever ignored silently.
 */
#ifndef JSCHEMA_H
#define JSCHEMA_H

#include <stddef.h>

#include <jansson.h>

struct jschema;

/* Load and check the schema at path; NULL with the reason in err. */
struct jschema *jschema_load(const char *path, char *err, size_t errsz);
/* The same from a document (a new reference is taken); name for messages. */
struct jschema *jschema_new(json_t *schema, const char *name, char *err, size_t errsz);
void jschema_free(struct jschema *);

/* Called once per violation: where is the instance's JSON pointer ("" = root). */
typedef void (*jschema_error_fn)(void *arg, const char *where, const char *msg);

/* Validate doc; the number of violations, each passed to fn (fn may be NULL). */
size_t jschema_validate(struct jschema *, const json_t *doc, jschema_error_fn fn, void *arg);

#endif
