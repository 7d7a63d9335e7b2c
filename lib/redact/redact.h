/*
 * redact.h: finding and removing personal data in free text (handbook
 * para 101, contract section 6). The text is first normalised (NFKC,
 * invisible characters removed, Cyrillic and Greek look-alikes folded), so
 * that nothing hides from the detectors:
 * - names, by an allow-list: a word stays only when it is known safe (an
 *   English dictionary word, a word of the trade, a place, a court, an
 *   organisation, a legal term, a job title, an initial, a case reference,
 *   a word of the user's allow file); every other word is taken for a name,
 *   and a safe word too where the context says it is one (after a title,
 *   before "(aged 7)", a capitalised name-word inside a sentence...). A list
 *   of people (redact_add_identifiers) adds to this: their full names in any
 *   case and each of their names alone where written with a capital.
 * - PCRE2 patterns from share/redact/patterns.json for e-mail addresses, UK
 *   phone numbers, UK postcodes, National Insurance numbers, NHS numbers
 *   (valid modulus-11 check digit) and dates of birth;
 * - addresses (house number and street, flats) and named schools.
 * Each find is replaced by a typed placeholder ("[name]", "[email]"...).
 * It cannot promise: a name that is an ordinary word, in lower case, with
 * no sign of a person ("spoke to rose") stays.
 *
 * Ownership: a struct redact owns its patterns, vocabulary and lists; it
 * keeps scratch space, so one struct redact is used by one thread at a time.
 * Strings passed in are copied.
 */
#ifndef REDACT_H
#define REDACT_H

#include <stddef.h>
#include <stdio.h>

#include "core/strbuf.h"

enum redact_type {
	REDACT_NONE = -1,
	REDACT_NAME = 0,
	REDACT_EMAIL,
	REDACT_PHONE,
	REDACT_POSTCODE,
	REDACT_NI,
	REDACT_NHS,
	REDACT_DOB,
	REDACT_ADDRESS,
	REDACT_SCHOOL,
	REDACT_NTYPES
};

struct redact;

/*
 * Load the detectors from the data folder; NULL with the reason in err. The
 * words of the word lists come from the prebuilt index of the data folder
 * (redact/lexicon.idx, see redact_index.h) when it is there and up to date;
 * else the table is built from the lists (a stale or damaged index is said
 * once on stderr). Either way the results are the same.
 */
struct redact *redact_new(char *err, size_t errsz);
/*
 * A redactor as redact_new() would make it, that shares model's compiled
 * detectors and word index instead of loading them again (model must
 * outlive it; both are used by one thread). Its words, lists and kept
 * references are its own. NULL with the reason in err.
 */
struct redact *redact_new_like(struct redact *model, char *err, size_t errsz);
/*
 * redact_new() with the index at index (NULL: none, the table is built from
 * the lists); why (may be NULL) gets why an index that exists was not used
 * (empty when it was, or was missing).
 */
struct redact *redact_new_index(const char *index, char *why, size_t whysz, char *err,
                                size_t errsz);
/* 1 when r's words come from a prebuilt index. */
int redact_indexed(const struct redact *);
void redact_free(struct redact *);

/*
 * Add the words and phrases of a user's allow file (one a line, # comments):
 * they are never taken for a name. -1 with "FILE:LINE: reason" in err.
 */
int redact_allow_file(struct redact *, const char *path, char *err, size_t errsz);

/*
 * Turn the allow-list name detector off (on = 0) or on again (the default):
 * off, only listed names, the patterns, addresses and schools are found. For
 * texts that are not free text (a tool's own headings, a table of service
 * areas), where an unknown word is not a person.
 */
void redact_find_unlisted(struct redact *, int on);
/* Add a person's name ("Sarah Khan", "Ms S. Khan"): the full name, its first name and surname. */
void redact_add_person(struct redact *, const char *name);
/* Add the people named in an Annex A Case name ("Smith v Jones", "Re John Smith"). */
void redact_add_case_name(struct redact *, const char *case_name);
/*
 * Add the people in a file: an Annex A extract (its Case name and
 * Practitioner columns; its Case IDs become known case references), a CSV
 * with a "name" column, or one name a line.
 * csv_flags as for csvio_open(). -1 with "FILE:LINE: reason" in err.
 */
int redact_add_identifiers(struct redact *, const char *path, unsigned csv_flags, char *err,
                           size_t errsz);
/*
 * Called with the Case ID field of each record (its bytes, length and
 * line); kept is 1 when the redactor has already kept it (redact_keep()).
 */
typedef void redact_id_fn(void *arg, const char *id, size_t len, unsigned long line, int kept);
/*
 * redact_add_identifiers() that also hands each data record's Case ID field
 * (the extract's Case ID column, when its header has one) to fn, in the
 * same one reading of the file: a caller that wants the IDs too need not
 * read it again. fn may be NULL.
 */
int redact_add_identifiers_ids(struct redact *, const char *path, unsigned csv_flags,
                               redact_id_fn *fn, void *arg, char *err, size_t errsz);
/*
 * Never redact the case reference ref (an extract's Case ID, whatever its
 * form): wherever it stands as a word, in any case, it survives.
 */
void redact_keep(struct redact *, const char *ref);
/* Names in the deny-list (full names and name words). */
size_t redact_names(const struct redact *);

/*
 * Append s[0..len) to out with every find replaced by its placeholder and
 * add the finds to counts (REDACT_NTYPES entries, may be NULL).
 * Returns the number of finds.
 */
size_t redact_text(struct redact *, const char *s, size_t len, struct strbuf *out,
                   unsigned long *counts);
/* The type of the first find in s[0..len) and its offset, or REDACT_NONE. */
enum redact_type redact_scan(struct redact *, const char *s, size_t len, size_t *offset);

/*
 * The finds of the last redact_text() or redact_scan(): their number, and
 * each one's offsets in that text and type.
 */
size_t redact_finds(const struct redact *);
void redact_find_at(const struct redact *, size_t i, size_t *so, size_t *eo,
                    enum redact_type *type);

/* Keep the review list from now on: words removed only for being unknown. */
void redact_review_start(struct redact *);
/* The key of the record the next texts come from (copied; NULL: none). */
void redact_review_record(struct redact *, const char *key);
/*
 * Write the review list as CSV (word,count,records: at most 50 record keys
 * separated by ';'), most removed first; returns the number of words.
 */
size_t redact_review_write(struct redact *, FILE *fp);

/*
 * For tests: the pattern detectors that find a match in the ASCII text
 * s[0..len) although what their matches hold (share/redact/patterns.json:
 * digit_run, needs) says they cannot, so that they would not be run on it;
 * 0 when the declarations hold for s. *skipped gains the detectors that
 * would not be run on s, *found those that find a match.
 */
size_t redact_prefilter_misses(struct redact *, const char *s, size_t len, size_t *skipped,
                               size_t *found);

/* "name", "email", "phone", "postcode", "ni_number", "nhs_number", "date_of_birth", "address",
 * "school". */
const char *redact_type_key(enum redact_type);
/* "[name]", "[email]", ..., "[NI number]", "[NHS number]", "[date of birth]", "[address]",
 * "[school]". */
const char *redact_placeholder(enum redact_type);
/* 1 when the ten digits pass the NHS modulus-11 check. */
int redact_nhs_valid(const char *digits10);
/* 1 when the two-letter prefix is a valid NI prefix under the loaded rules. */
int redact_ni_prefix_valid(const struct redact *, const char *prefix2);

#endif
