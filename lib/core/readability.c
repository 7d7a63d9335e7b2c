/*
 * readability.c: Flesch reading ease and Flesch-Kincaid grade of a text,
 * from counts of sentences, words and syllables. The syllable count is a
 * heuristic (no dictionary): good to a syllable or so a word on the plain
 * English a summary for children uses, which is what the figures need.
 */
#include <ctype.h>
#include <string.h>

#include "core/readability.h"

/* Abbreviations whose full stop does not end a sentence. */
static const char *const abbrevs[] = {"mr",  "mrs", "ms", "dr", "eg", "ie",
                                      "etc", "st",  "no", "vs", NULL};

/* 1 for a vowel of a (lower-case) word at position i. */
static int
vowel_at(const char *w, size_t len, size_t i)
{
	switch (w[i]) {
	case 'a':
	case 'e':
	case 'i':
	case 'o':
	case 'u':
		return 1;
	case 'y': /* a consonant at the start of a word or before a vowel there */
		return i > 0 || len == 1;
	default:
		return 0;
	}
}

/* Syllables of a run of lower-case ASCII letters. */
static size_t
syllables_part(const char *w, size_t len)
{
	size_t i, n = 0;
	int prev = 0, v;
	char before;

	if (len == 0)
		return 0;
	for (i = 0; i < len; i++) {
		v = vowel_at(w, len, i);
		if (v && !prev)
			n++;
		prev = v;
	}
	if (n > 1 && w[len - 1] == 'e') {
		/* a silent final e, but "-ble", "-tle"... are syllables */
		if (!(len >= 3 && w[len - 2] == 'l' && !vowel_at(w, len, len - 3)))
			n--;
	} else if (n > 1 && len >= 3 && w[len - 2] == 'e' &&
	           (w[len - 1] == 'd' || w[len - 1] == 's')) {
		before = w[len - 3];
		if (!vowel_at(w, len, len - 3)) {
			if (w[len - 1] == 'd' && before != 't' && before != 'd')
				n--;
			else if (w[len - 1] == 's' && strchr("sxzcgh", before) == NULL)
				n--;
		}
	}
	/* "being", "going", "saying": the vowel before -ing is a syllable of its own */
	if (len >= 4 && memcmp(w + len - 3, "ing", 3) == 0 && vowel_at(w, len, len - 4))
		n++;
	return n > 0 ? n : 1;
}

size_t
readability_syllables(const char *word, size_t len)
{
	char part[64];
	size_t i, n = 0, plen = 0, digits = 0;

	for (i = 0; i <= len; i++) {
		unsigned char c = i < len ? (unsigned char)word[i] : '-';

		if (isalpha(c)) {
			if (plen < sizeof part)
				part[plen++] = (char)tolower(c);
		} else if (isdigit(c)) {
			digits++;
		} else if (c == '-' || c == '/') {
			n += syllables_part(part, plen);
			plen = 0;
		} else if (c >= 0x80 && (c & 0xc0) != 0x80) {
			/* a non-ASCII letter: count it as a vowel-free letter */
			if (plen < sizeof part)
				part[plen++] = 'x';
		}
		/* apostrophes and continuation bytes are skipped */
	}
	n += digits;
	return n > 0 ? n : 1;
}

/* Decode the code point at s[i] (i < len) and its length; U+FFFD when bad. */
static unsigned long
decode(const unsigned char *s, size_t len, size_t i, size_t *n)
{
	unsigned long cp;
	size_t k, need;

	if (s[i] < 0x80) {
		*n = 1;
		return s[i];
	}
	if ((s[i] & 0xe0) == 0xc0)
		need = 1, cp = s[i] & 0x1f;
	else if ((s[i] & 0xf0) == 0xe0)
		need = 2, cp = s[i] & 0x0f;
	else if ((s[i] & 0xf8) == 0xf0)
		need = 3, cp = s[i] & 0x07;
	else {
		*n = 1;
		return 0xfffd;
	}
	for (k = 1; k <= need; k++) {
		if (i + k >= len || (s[i + k] & 0xc0) != 0x80) {
			*n = 1;
			return 0xfffd;
		}
		cp = cp << 6 | (s[i + k] & 0x3f);
	}
	*n = need + 1;
	return cp;
}

/* 1 when code point cp can be part of a word. */
static int
word_char(unsigned long cp)
{
	if (cp < 0x80)
		return isalnum((int)cp) || cp == '\'';
	if (cp == 0x2019) /* right single quotation mark, as an apostrophe */
		return 1;
	if (cp <= 0xbf || (cp >= 0x2000 && cp <= 0x206f) || cp == 0xfffd)
		return 0; /* Latin-1 and general punctuation */
	return 1;
}

/* 1 when the word w[0..len) is an abbreviation ending in a full stop. */
static int
abbreviation(const char *w, size_t len)
{
	char low[8];
	size_t i, k = 0;

	for (i = 0; i < len && k < sizeof low - 1; i++)
		if (isalpha((unsigned char)w[i]))
			low[k++] = (char)tolower((unsigned char)w[i]);
	low[k] = '\0';
	for (i = 0; abbrevs[i] != NULL; i++)
		if (strcmp(low, abbrevs[i]) == 0)
			return 1;
	return 0;
}

/* Set the three figures from the counts. */
static void
figures(struct readability *r)
{
	double wps, spw;

	r->ease = r->grade = r->age = 0;
	if (r->words == 0)
		return;
	wps = (double)r->words / (double)r->sentences;
	spw = (double)r->syllables / (double)r->words;
	r->ease = 206.835 - 1.015 * wps - 84.6 * spw;
	r->grade = 0.39 * wps + 11.8 * spw - 15.59;
	r->age = r->grade + 5.0;
}

void
readability_measure(const char *s, size_t len, struct readability *r)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n, start, end, open = 0, newlines;
	unsigned long cp;

	memset(r, 0, sizeof *r);
	while (i < len) {
		cp = decode(u, len, i, &n);
		if (word_char(cp)) {
			/* a word: word characters joined by inner hyphens and dots (2.5, e.g) */
			start = i;
			end = i;
			while (i < len) {
				cp = decode(u, len, i, &n);
				if (word_char(cp)) {
					i += n;
					end = i;
				} else if ((cp == '-' || cp == '.' || cp == '/') && i + 1 < len &&
				           word_char(decode(u, len, i + 1, &n))) {
					i++;
				} else
					break;
			}
			r->words++;
			r->syllables += readability_syllables(s + start, end - start);
			open++;
			if (i + 1 < len && u[i] == '.' && abbreviation(s + start, end - start))
				i++; /* "Mr." and "e.g." carry on the sentence */
			continue;
		}
		if ((cp == '.' || cp == '!' || cp == '?') && open) {
			r->sentences++;
			open = 0;
		} else if (cp == '\n' && open) {
			/* a blank line (or a list item's end) closes a sentence */
			for (newlines = 0; i < len && (u[i] == '\n' || u[i] == '\r' || u[i] == ' ');
			     i++)
				newlines += u[i] == '\n';
			if (newlines >= 2) {
				r->sentences++;
				open = 0;
			}
			continue;
		}
		i += n;
	}
	if (open)
		r->sentences++;
	figures(r);
}
