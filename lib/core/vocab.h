/*
 * vocab.h: controlled vocabularies from share/vocab/NAME.json:
 *   {"name": "gender", "values": [{"value": "female", "aliases": ["f", "girl"],
 *     "patterns": ["^fem"], ...any other keys...}, ...]}
 * A value matches its entry when its text_normkey() (less any no-break
 * spaces) equals the key of the value or of an alias, or (failing that) when a pattern (PCRE2,
 * caseless) matches the trimmed text. Extra keys of an entry are kept as attributes. Two entries of
 * one file may not share a key (a load error names both).
 *
 * Ownership: vocab_load*() returns a vocab the caller frees with
 * vocab_free(); every string it hands out (values, attributes) belongs to
 * the vocab and lives until then. A vocab keeps scratch space for lookups,
 * so one vocab is used by one thread at a time.
 */
#ifndef VOCAB_H
#define VOCAB_H

#include <stddef.h>

struct rx;
struct vocab;

/* Load from path; NULL with "PATH: reason" in err on error. */
struct vocab *vocab_load(const char *path, char *err, size_t errsz);
/* Load share/vocab/NAME.json from the data folder. */
struct vocab *vocab_load_named(const char *name, char *err, size_t errsz);
void vocab_free(struct vocab *);
/*
 * Compile every pattern now (they are compiled when first needed otherwise,
 * and one that does not compile then stops the run with exit status 2):
 * 0, or -1 with a message naming the file, the entry and the pattern.
 */
int vocab_compile(struct vocab *, char *err, size_t errsz);
size_t vocab_count(const struct vocab *);
/* The vocabulary's "name" (or its file name without .json). */
const char *vocab_name(const struct vocab *);
/* Index of the entry s belongs to, or -1. */
long vocab_find(const struct vocab *, const char *s);
/* Canonical value of entry i. */
const char *vocab_value(const struct vocab *, size_t i);
/* String attribute key of entry i, or NULL when absent. */
const char *vocab_attr(const struct vocab *, size_t i, const char *key);
/* Integer attribute key of entry i, or dflt. */
long vocab_attr_int(const struct vocab *, size_t i, const char *key, long dflt);
/*
 * Compile the "pattern" of share/vocab/NAME.json (e.g. "case-id" for the
 * Case ID form) with rx flags; NULL with "PATH: reason" in err. Free the
 * result with rx_free().
 */
struct rx *vocab_pattern_named(const char *name, unsigned flags, char *err, size_t errsz);

#endif
