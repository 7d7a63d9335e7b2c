/*
 * labels.h: the labels of a file's classifying columns (Case type, Law
 * type) that the vocabularies in share/vocab/ do not know, and the user's
 * map of local labels to vocabulary terms (--map FILE).
 *
 * A row whose label is unknown cannot be classified, so it can be neither
 * checked nor drawn: that is never silent. The tools tally the distinct
 * unknown labels (labels are not personal data) with their counts and first
 * lines, and report each once, with a "did you mean" for a near miss.
 *
 * The map is a CSV whose first two columns are the local label and the
 * vocabulary term (any header names; a header row is required), e.g.
 *   label,term
 *   Special guardianship order,s8 child arrangements
 * Labels match by text_labelkey() (case, spacing, punctuation, "&"/"and").
 *
 * Ownership: both structs own copies of every string they keep.
 */
#ifndef LABELS_H
#define LABELS_H

#include <stddef.h>

#include "core/strbuf.h"

#define LABELS_MAX 200 /* distinct unknown labels kept per column */
#define LABELS_LINES 5 /* first lines kept per label */
#define LABELS_QUOTE 60 /* bytes of a label quoted */

struct vocab;

struct labels_entry {
	char *label; /* cleaned, cut short */
	unsigned long n;
	size_t nlines;
	unsigned long lines[LABELS_LINES];
};

struct labels {
	struct memo *memo;
	struct labels_entry *v;
	size_t n;
	unsigned long rest; /* rows whose label was past LABELS_MAX */
	unsigned long rest_line;
	unsigned long total;
};

void labels_init(struct labels *);
void labels_free(struct labels *);
/* Count the unknown label s[0..len) on line. */
void labels_add(struct labels *, const char *s, size_t len, unsigned long line);
/*
 * Describe entry i for a message into out: "\"LABEL\": N rows (lines a, b,
 * ...)" and, when one vocabulary value is near, "; did you mean \"X\"?".
 * Without quote the label is never printed: "value I: N rows (...)" (I from
 * 1), for a column whose values may be personal.
 */
void labels_describe(const struct labels *, size_t i, const struct vocab *, int quote,
                     struct strbuf *out);

struct labelmap;

/* Load a map; NULL with "FILE:LINE: reason" in err. */
struct labelmap *labelmap_load(const char *path, unsigned csv_flags, char *err, size_t errsz);
void labelmap_free(struct labelmap *);
/* The vocabulary term the user maps s to, or NULL (m may be NULL). */
const char *labelmap_get(const struct labelmap *m, const char *s);
/* vocab_find(v, s), then through the map; -1 when neither knows s. */
long labelmap_find(const struct labelmap *m, const struct vocab *v, const char *s);

#endif
