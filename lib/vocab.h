/*
 * vocab.h: controlled vocabularies from share/vocab/*.json:
 *   {"name": "gender", "values": [{"value": "female", "aliases": ["f", "girl"],
 *     "patterns": ["^fem"], ...any other keys...}, ...]}
 * A value matches its entry when its text_normkey() equals the key of the
 * value or of an alias, or (failing that) when a pattern (PCRE2, caseless)
 * matches the trimmed text. Extra keys of an entry are kept as attributes.
 */
#ifndef VOCAB_H
#define VOCAB_H

#include <stddef.h>

struct vocab;

/* Load from path; NULL with "PATH: reason" in err on error. */
struct vocab *vocab_load(const char *path, char *err, size_t errsz);
/* Load share/vocab/NAME.json from the data folder. */
struct vocab *vocab_load_named(const char *name, char *err, size_t errsz);
void vocab_free(struct vocab *);
size_t vocab_count(const struct vocab *);
/* Index of the entry s belongs to, or -1. */
long vocab_find(const struct vocab *, const char *s);
/* Canonical value of entry i. */
const char *vocab_value(const struct vocab *, size_t i);
/* String attribute key of entry i, or NULL when absent. */
const char *vocab_attr(const struct vocab *, size_t i, const char *key);
/* Integer attribute key of entry i, or dflt. */
long vocab_attr_int(const struct vocab *, size_t i, const char *key, long dflt);

#endif
