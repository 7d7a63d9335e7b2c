/*
 * idform.h: the form of an extract's Case IDs, learnt from the file itself
 * or set by the user. The handbook never gives the form of a Case ID, so no
 * form is assumed: every ID is reduced to its shape (letters -> "A",
 * digits -> "9", every other character kept, so "CAF-2027000001" is
 * "AAA-9999999999") and the file's form is the shape most of its IDs share.
 * When no exact shape covers IDFORM_DOMINANT of the IDs, shapes with their
 * runs collapsed ("A-9" for "CAF-2027000001" and "CAF-12") are tried; when
 * neither does, the file has no one form and nothing is reported.
 * With a user pattern (PCRE2, anchored) the form is the pattern.
 *
 * Memory: the distinct shapes (at most IDFORM_MAX_SHAPES, the rest counted
 * together) and a few line numbers each; never the IDs.
 *
 * Ownership: the strings idform hands out belong to it until idform_free().
 */
#ifndef IDFORM_H
#define IDFORM_H

#include <stddef.h>

#define IDFORM_DOMINANT 0.9 /* share of the IDs the file's own form must cover */
#define IDFORM_MAX_SHAPES 1024
#define IDFORM_LINES 10 /* lines listed of the IDs that do not fit */

struct idform;

/* A learner, or (pattern not NULL) a checker against the user's pattern. */
struct idform *idform_new(const char *pattern, char *err, size_t errsz);
void idform_free(struct idform *);
/* Note the Case ID id[0..len) (trimmed, not blank) on line. */
void idform_add(struct idform *, const char *id, size_t len, unsigned long line);

/* The verdict, after the last idform_add(). */
struct idform_result {
	const char *form; /* the shape or the pattern, or NULL: no one form */
	int learnt; /* 1: learnt from the file; 0: the user's pattern */
	unsigned long ids; /* Case IDs noted */
	unsigned long misfits; /* of which not of the form */
	size_t nlines;
	unsigned long lines[IDFORM_LINES]; /* the first lines of misfits, ascending */
};
void idform_result(struct idform *, struct idform_result *);
/*
 * The shape of s[0..len) into out (at most outsz bytes with the NUL): each
 * letter 'A', digit '9', control character '?', anything else itself (with
 * collapse, a run of letters or of digits one); '+' at the end when s is
 * longer than out holds. Its length.
 */
size_t idform_shape(const char *s, size_t len, int collapse, char *out, size_t outsz);

#endif
