/*
 * redact.h: finding and removing personal data in free text (handbook
 * para 101, contract section 6). Detectors: a deny-list of people's names
 * (full names in any case; surnames alone where written with a capital;
 * whole words, longest first, possessives too) and PCRE2 patterns from
 * share/redact/patterns.json for e-mail addresses, UK phone numbers, UK
 * postcodes, National Insurance numbers (HMRC prefix rules), NHS numbers
 * (valid modulus-11 check digit only) and dates given as a date of birth.
 * Case references (the Case ID form), initials and job titles survive.
 * Each find is replaced by a typed placeholder ("[name]", "[email]"...).
 *
 * Ownership: a struct redact owns its patterns and deny-list; it keeps
 * scratch space, so one struct redact is used by one thread at a time.
 * Strings passed in are copied.
 */
#ifndef REDACT_H
#define REDACT_H

#include <stddef.h>

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
	REDACT_NTYPES
};

struct redact;

/* Load the detectors from the data folder; NULL with the reason in err. */
struct redact *redact_new(char *err, size_t errsz);
void redact_free(struct redact *);

/* Add a person's name ("Sarah Khan", "Ms S. Khan"): the full name and its surname. */
void redact_add_person(struct redact *, const char *name);
/* Add the people named in an Annex A Case name ("Smith v Jones", "Re John Smith"). */
void redact_add_case_name(struct redact *, const char *case_name);
/*
 * Add the people in a file: an Annex A extract (its Case name and
 * Practitioner columns), a CSV with a "name" column, or one name a line.
 * csv_flags as for csvio_open(). -1 with "FILE:LINE: reason" in err.
 */
int redact_add_identifiers(struct redact *, const char *path, unsigned csv_flags, char *err,
                           size_t errsz);
/*
 * Never redact the case reference ref (an extract's Case ID, whatever its
 * form): wherever it stands as a word, in any case, it survives.
 */
void redact_keep(struct redact *, const char *ref);
/* Names in the deny-list (full names and surnames). */
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

/* "name", "email", "phone", "postcode", "ni_number", "nhs_number", "date_of_birth". */
const char *redact_type_key(enum redact_type);
/* "[name]", "[email]", ..., "[NI number]", "[NHS number]", "[date of birth]". */
const char *redact_placeholder(enum redact_type);
/* 1 when the ten digits pass the NHS modulus-11 check. */
int redact_nhs_valid(const char *digits10);
/* 1 when the two-letter prefix is a valid NI prefix under the loaded rules. */
int redact_ni_prefix_valid(const struct redact *, const char *prefix2);

#endif
