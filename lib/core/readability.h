/*
 * readability.h: how easy a text is to read (handbook para 104: a summary
 * written for children and young people). Counts sentences, words and
 * syllables (an English heuristic: vowel groups, silent final e, -le, -ed
 * and -es endings) and gives the Flesch reading ease, the Flesch-Kincaid
 * grade and a UK reading age (the grade plus five years).
 *
 * Ownership: nothing is allocated; the caller owns the text and the result.
 */
#ifndef READABILITY_H
#define READABILITY_H

#include <stddef.h>

struct readability {
	size_t sentences;
	size_t words;
	size_t syllables;
	double ease; /* Flesch reading ease: higher is easier, 60-70 is plain English */
	double grade; /* Flesch-Kincaid US school grade */
	double age; /* reading age in years: grade + 5 */
};

/* Reading age above which a summary for children earns a warning. */
#define READABILITY_MAX_AGE 12.0

/* Syllables in one word (letters, apostrophes and hyphens; at least 1). */
size_t readability_syllables(const char *word, size_t len);
/*
 * Measure s[0..len) (UTF-8) into *r. A text with no words gives zero counts
 * and figures; every text with a word has at least one sentence.
 */
void readability_measure(const char *s, size_t len, struct readability *r);

#endif
