/*
 * sample-cases.h: what the parts of sample-cases share (private to the tool):
 * the options, and one entry point per mode. Each mode writes its CSV to out
 * and returns an exit status (enum exit_status); on EXIT_TROUBLE the caller
 * discards the output.
 */
#ifndef SAMPLE_CASEDRAW_H
#define SAMPLE_CASEDRAW_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct memo;
struct cases_vcache;

#include "annexa/labels.h"
#include "annexa/strata.h"
#include "core/csvio.h"
#include "core/dates.h"
#include "core/fieldmap.h"
#include "core/strbuf.h"
#include "core/vocab.h"
#include "sample/sample.h"

struct casedraw_opts {
	const char *input; /* NULL or "-" for standard input */
	const char *area; /* local: the service area */
	const char *closed; /* local: recently closed cases */
	const char **exclude; /* local: Case IDs never drawn */
	size_t nexclude;
	uint64_t seed;
	unsigned long n; /* complaints: how many */
	int explain;
	unsigned csv_flags; /* for csvio_open() */
	const char *map; /* --map FILE of local labels, or NULL */
	date_t as_of; /* local, complaints: "today" (--as-of, default the real date) */
	int allow_old; /* local: draw cases that are not recent, flagged */
};

/* Local lists: a case is recent when dated at most this many days before --as-of. */
#define CASEDRAW_RECENT_DAYS 14

int casedraw_national(const struct casedraw_opts *, FILE *out);
int casedraw_local(const struct casedraw_opts *, FILE *out);
int casedraw_complaints(const struct casedraw_opts *, FILE *out);

/* Below: the parts shared by the national and local modes (rows.c). */

/* The Annex A columns the draw reads. */
enum casedraw_col {
	CASEDRAW_CASE_ID,
	CASEDRAW_CASE_TYPE,
	CASEDRAW_LAW_TYPE,
	CASEDRAW_AREA,
	CASEDRAW_NREQUIRED, /* the columns above are needed; those below only compared */
	CASEDRAW_PRACTITIONER = CASEDRAW_NREQUIRED,
	CASEDRAW_TEAM,
	CASEDRAW_COURT,
	CASEDRAW_LA,
	CASEDRAW_NCOLS
};

/* Why a row is not eligible. */
enum casedraw_reason {
	CASEDRAW_R_RAGGED,
	CASEDRAW_R_NO_ID,
	CASEDRAW_R_NO_AREA,
	CASEDRAW_R_LAW_TYPE,
	CASEDRAW_R_CASE_TYPE,
	CASEDRAW_R_MISMATCH,
	CASEDRAW_R_NO_STRATUM,
	CASEDRAW_R_REPEATED,
	CASEDRAW_R_CONFLICT,
	CASEDRAW_R_EXCLUDED,
	CASEDRAW_R_OLD, /* local: dated more than two weeks before --as-of */
	CASEDRAW_R_FUTURE, /* local: dated after --as-of */
	CASEDRAW_R_UNDATED, /* local: the date blank or not a date */
	CASEDRAW_R_NREASONS
};

#define CASEDRAW_MAXLINES 10 /* line numbers listed per reason */

struct casedraw_tally {
	unsigned long count[CASEDRAW_R_NREASONS];
	unsigned long lines[CASEDRAW_R_NREASONS][CASEDRAW_MAXLINES];
	unsigned long other_areas; /* local: rows of other areas, ignored */
	int allow_old; /* the recency reasons were drawn, not left out (--allow-old) */
	struct labels law, ctype; /* the unknown Law type and Case type labels */
};

/* A lookup by raw text (case type, law type): few distinct values. */
struct casedraw_lookup {
	struct memo *memo; /* text -> index into vals and cls */
	long *vals;
	struct strata_class *cls;
	size_t n;
};

/* Reference data, loaded once. */
struct casedraw_ctx {
	struct fieldmap *annexa;
	struct vocab *lawtype;
	struct strata *strata;
	struct labelmap *map; /* --map, or NULL */
	struct casedraw_lookup lawmemo, typememo;
	struct cases_vcache *vcache; /* the hashes of case-level values */
	struct strbuf key;
	date_t as_of; /* local: recency is counted back from it */
	int allow_old; /* local: cases not recent are drawn, flagged */
};

/* An open Annex A style input: its header and the columns bound. */
struct casedraw_source {
	const char *name;
	FILE *fp;
	struct csvio_reader *rd;
	size_t ncols;
	char **header;
	long col[CASEDRAW_NCOLS];
	long date_col; /* local: the Date filed or Date closed column, or -1 (national: -1) */
};

/* How rows become cases. */
enum casedraw_kind { CASEDRAW_NATIONAL, CASEDRAW_FILED, CASEDRAW_CLOSED };

/* What the appended columns say. */
struct casedraw_extra {
	int flag_is_supervision; /* the flag goes to supervision, not audit */
	char seed[24];
};

int casedraw_ctx_load(struct casedraw_ctx *, int need_strata, const char *map, unsigned csv_flags);
void casedraw_tally_init(struct casedraw_tally *);
void casedraw_tally_free(struct casedraw_tally *);
void casedraw_ctx_free(struct casedraw_ctx *);
int casedraw_source_open(struct casedraw_source *, const char *path, unsigned csv_flags,
                         const struct casedraw_ctx *, int need_case_type);
void casedraw_source_close(struct casedraw_source *);
/* Read every row into s; 0, or -1 (after a diagnostic) on malformed input. */
int casedraw_feed(struct casedraw_ctx *, struct casedraw_source *, struct sample *,
                  enum casedraw_kind, const char *areakey, const struct strata_stratum *def,
                  struct casedraw_tally *);
/*
 * Name on stderr the rows left out, by reason; the unknown labels once each.
 * 1 when rows were left out because they could not be classified (or their
 * case's rows disagree): the draw was made from a smaller frame than the file.
 */
int casedraw_tally_report(const struct casedraw_tally *, const struct sample *,
                          const struct casedraw_ctx *, const char *file);
void casedraw_write_header(FILE *, char *const *header, size_t n);
/* Write the picks with their columns moved by map (source column -> output column). */
void casedraw_write_picks(FILE *, const struct sample_result *, const size_t *map, size_t nout,
                          const struct casedraw_extra *);
/* Name each shortfall on stderr; 1 when there was one. */
int casedraw_shortfalls(const struct sample_result *, const char *file);
void casedraw_explain(const struct sample_result *, uint64_t seed);

#endif
