/*
 * letters.h: the letters of the handbook's Annexes B (e-mail to the Chief
 * Executive), C (information for Cafcass staff) and D (letter to families),
 * filled in from templates in share/templates/NAME.md. A blank is written
 * {{key}}, or {{key|default}} where the handbook itself offers a default
 * ("[insert name ... or 'to you']"). Values come from a details JSON
 * (contract section 7), what follows from it (the start date written out,
 * the weeks of the inspection) and, optionally, the plan (the dates of the
 * visit to the service area and the inspectors deployed there).
 * A blank with no value is an error naming the key; so is anything left
 * that looks like a blank ("{{", "[insert", "XXXX"), and so is a value that
 * is a placeholder (TBC, TBA, XXXX, "[insert"). Every value is escaped
 * before it meets the template's Markdown, so no value is ever markup.
 *
 * Ownership: struct letters_vars owns copies of its keys and values;
 * letters_vars_free() releases them. JSON passed in is borrowed.
 */
#ifndef LETTERS_H
#define LETTERS_H

#include <stddef.h>

#include <jansson.h>

#include "core/strbuf.h"

struct detailsfile;
struct planfile;
struct redact;

struct letters_vars;

/* The letters, NULL-terminated: "ce-email", "staff-info", "family". */
extern const char *const letters_names[];

struct letters_vars *letters_vars_new(void);
void letters_vars_free(struct letters_vars *);
/* Set key to a copy of value (replacing any earlier value). */
void letters_vars_set(struct letters_vars *, const char *key, const char *value);
/* The value of key, or NULL when it has none (an empty value is none). */
const char *letters_vars_get(const struct letters_vars *, const char *key);

/*
 * Take the details (read by detailsfile.h): refuse a placeholder or a
 * malformed phone number or e-mail address, and add what follows
 * (inspection_start_long, week2..week5, lead_inspector_contact from the
 * phone and the e-mail, inspectors with their mobile numbers). 0, or -1
 * with the offending key (never its value) in err.
 */
int letters_vars_details(struct letters_vars *, const struct detailsfile *, char *err,
                         size_t errsz);
/* 1 when a value is a placeholder rather than a value ("TBC", "XXXX", "[insert ...]"). */
int letters_placeholder(const char *value);
/*
 * Refuse an inspection start the profile would not start on: not its
 * weekday, or in one of its blackout periods (August, Christmas and New
 * Year). 0, or -1 with the reason in err.
 */
int letters_check_start(const struct letters_vars *, const char *profile, char *err, size_t errsz);
/* The values that must hold no personal data (service_area) scanned; 0, or -1 with err. */
int letters_gate(const struct letters_vars *, struct redact *, char *err, size_t errsz);
/*
 * Add what the plan says about the service area: visit_from, visit_to,
 * visit_dates and the inspectors deployed there; the weeks from its
 * timeline. 0, or -1 with the reason in err.
 */
int letters_vars_plan(struct letters_vars *, const struct planfile *plan, char *err, size_t errsz);

/*
 * Fill the template tmpl into out, each value escaped for Markdown. 0; 1 when a blank has no value,
 * with the first such key in missing (misssz bytes); -1 when the template is malformed (an unclosed
 * blank), with the reason in missing.
 */
int letters_fill(const char *tmpl, const struct letters_vars *, struct strbuf *out, char *missing,
                 size_t missz);
/* 1 when text still holds something that looks like an unfilled blank. */
int letters_unfilled(const char *text);
/* The template of letter name from the data folder (a new string), or NULL with err set. */
char *letters_template(const char *name, char *err, size_t errsz);
/* Long form of an ISO date: "Friday 15 January 2027"; buf of 40 bytes. 0 or -1. */
int letters_long_date(const char *iso, char *buf, size_t bufsz);

#endif
