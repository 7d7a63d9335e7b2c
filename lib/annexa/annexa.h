/*
 * annexa.h: the rules for the Annex A child-level extract (handbook Annex A,
 * contract section 2). annexa_check() streams a CSV and hands each finding to
 * a callback as it is found, in line order; annexa_finish() adds the national
 * sample's feasibility (shared strata module) and its sample-shortfall
 * findings. Memory stays flat apart from the set of Case IDs (lib/idset).
 *
 * Findings never carry the value of a personal field: a message names the
 * rule, the column and what is wrong. Only unknown-case-type quotes the case
 * type labels (not personal), cleaned and cut short, once per distinct label
 * (enum numbers the unknown values it counts, never printing one);
 * case-id-form gives the shape of the file's Case IDs ("AAA-9999"), never an ID.
 *
 * Ownership: a finding passed to the callback, and its strings, are valid
 * during the call only. The summary belongs to the checker.
 */
#ifndef ANNEXA_H
#define ANNEXA_H

#include <stddef.h>
#include <stdio.h>

#include "core/dates.h"

enum annexa_rule {
	ANNEXA_ENCODING,
	ANNEXA_MALFORMED_CSV,
	ANNEXA_RAGGED_ROW,
	ANNEXA_BLANK_ROW,
	ANNEXA_MISSING_COLUMN,
	ANNEXA_DUPLICATE_COLUMN,
	ANNEXA_REQUIRED,
	ANNEXA_DUPLICATE_ID,
	ANNEXA_CASE_CONFLICT,
	ANNEXA_CASE_ID_FORM,
	ANNEXA_BAD_DATE,
	ANNEXA_DOB_FUTURE,
	ANNEXA_AGE_OUT_OF_RANGE,
	ANNEXA_ENUM,
	ANNEXA_UNKNOWN_CASE_TYPE,
	ANNEXA_LAW_TYPE_MISMATCH,
	ANNEXA_PUBLIC_LAW_NEEDS_LA,
	ANNEXA_IDENTIFYING_CASE_NAME,
	ANNEXA_SAMPLE_SHORTFALL,
	ANNEXA_DOCUMENT_MISSING,
	/* Rules of the fields added in September 2025 (listed when one is read): */
	ANNEXA_DATE_ORDER,
	ANNEXA_CASE_DATE_FUTURE,
	ANNEXA_CLOSED_OUTSIDE_WINDOW,
	ANNEXA_S7_PRIVATE_LAW_ONLY,
	ANNEXA_NRULES
};

#define ANNEXA_FIRST_2025_RULE ANNEXA_DATE_ORDER
#define ANNEXA_WINDOW_DAYS                                                                         \
	14 /* a closed case's end date: at most this many days before --as-of                      \
	    */

enum annexa_severity { ANNEXA_ERROR, ANNEXA_WARNING };

struct annexa_finding {
	unsigned long line; /* physical line where the record starts; 0: none */
	const char *column; /* header name as written, or NULL */
	enum annexa_rule rule;
	const char *message;
};

typedef void (*annexa_emit_fn)(void *arg, const struct annexa_finding *);

/* The rule id ("duplicate-id") and its severity. */
const char *annexa_rule_id(enum annexa_rule);
enum annexa_severity annexa_rule_severity(enum annexa_rule);
const char *annexa_severity_name(enum annexa_severity);

struct annexa_config {
	date_t as_of; /* "today" for the age rules */
	unsigned csv_flags; /* csvio_open() flags, e.g. CSVIO_CP1252 */
	const char *id_pattern; /* --id-pattern (PCRE2), or NULL: learn the form */
	const char *map; /* --map FILE of local labels, or NULL */
};

/* A named count (law type, case type, service area). */
struct annexa_count {
	char *name;
	unsigned long n;
};

/* One line of the national sample's feasibility. */
struct annexa_feasibility {
	const char *stratum;
	const char *quota; /* NULL: the whole stratum; "other": outside its quotas */
	unsigned long available;
	unsigned long required;
	unsigned long audit; /* cases to audit (whole-stratum lines only) */
};

struct annexa_summary {
	unsigned long records; /* data records read (blank ones included) */
	unsigned long lines; /* physical lines read */
	unsigned long errors, warnings;
	unsigned long by_rule[ANNEXA_NRULES];
	size_t nlaw, ncase, narea;
	struct annexa_count *law_types; /* canonical values, then "unknown", "blank" */
	struct annexa_count *case_types; /* canonical values, then "unknown", "blank" */
	struct annexa_count *service_areas; /* sorted by name */
	size_t nfeasible;
	struct annexa_feasibility *feasible;
	unsigned long ids; /* distinct Case IDs: the cases */
	unsigned long siblings; /* rows that are a further child of a case seen before */
	const char *id_form; /* the Case ID form (learnt shape or pattern), or NULL */
	int id_form_learnt; /* 1: learnt from the file */
	unsigned long id_misfits; /* Case IDs not of that form */
	size_t id_bytes; /* memory held by the Case ID set */
	int form2025; /* the September 2025 form (Child ID, seen, s7 or audit columns) */
	int fields2025; /* how many of the six fields added in 2025 the header has */
	unsigned long outside_window; /* rows whose Case end date is before the window */
};

/* 1 when rule r is reported for this summary (the 2025 rules only when a 2025 field was read). */
int annexa_rule_listed(const struct annexa_summary *, enum annexa_rule r);

struct annexa;

/* Load fields, vocabularies, strata and name lists from the data folder. */
struct annexa *annexa_new(const struct annexa_config *, char *err, size_t errsz);
void annexa_free(struct annexa *);
/*
 * Check the extract on fp (name used in messages). 0 when read to the end,
 * -1 on a fatal error (no header row, read error, 1,000 records that cannot
 * be read with hardly a readable one between: not a CSV extract) with the
 * reason in err.
 */
int annexa_check(struct annexa *, FILE *fp, const char *name, annexa_emit_fn, void *arg, char *err,
                 size_t errsz);
/* Compute the summary and emit sample-shortfall findings; call once. */
void annexa_finish(struct annexa *, annexa_emit_fn, void *arg);
const struct annexa_summary *annexa_summary(const struct annexa *);
/* Count a finding raised outside the checker (document-missing). */
void annexa_count_finding(struct annexa *, enum annexa_rule);

#endif
