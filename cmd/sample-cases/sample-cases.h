/*
 * sample-cases.h: what the parts of sample-cases share (private to the tool):
 * the options, and one entry point per mode. Each mode writes its CSV to out
 * and returns an exit status (enum exit_status); on EXIT_TROUBLE the caller
 * discards the output.
 */
#ifndef SAMPLE_CASES_H
#define SAMPLE_CASES_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "csvio.h"
#include "fieldmap.h"
#include "sample.h"
#include "strata.h"
#include "strbuf.h"
#include "vocab.h"

struct sc_opts {
	const char *input; /* NULL or "-" for standard input */
	const char *area; /* local: the service area */
	const char *closed; /* local: recently closed cases */
	const char **exclude; /* local: Case IDs never drawn */
	size_t nexclude;
	uint64_t seed;
	unsigned long n; /* complaints: how many */
	int explain;
	unsigned csv_flags; /* for csvio_open() */
};

int sc_national(const struct sc_opts *, FILE *out);
int sc_local(const struct sc_opts *, FILE *out);
int sc_complaints(const struct sc_opts *, FILE *out);

/* Below: the parts shared by the national and local modes (rows.c). */

/* The Annex A columns the draw reads. */
enum sc_col { SC_CASE_ID, SC_CASE_TYPE, SC_LAW_TYPE, SC_AREA, SC_NCOLS };

/* Why a row is not eligible. */
enum sc_reason {
	SCR_RAGGED,
	SCR_NO_ID,
	SCR_BAD_ID,
	SCR_NO_AREA,
	SCR_LAW_TYPE,
	SCR_CASE_TYPE,
	SCR_MISMATCH,
	SCR_NO_STRATUM,
	SCR_REPEATED,
	SCR_CONFLICT,
	SCR_EXCLUDED,
	SCR_NREASONS
};

#define SC_MAXLINES 10 /* line numbers listed per reason */

struct sc_tally {
	unsigned long count[SCR_NREASONS];
	unsigned long lines[SCR_NREASONS][SC_MAXLINES];
	unsigned long other_areas; /* local: rows of other areas, ignored */
};

/* A memo of a lookup by raw text (case type, law type): few distinct values. */
struct sc_memo {
	char **keys;
	long *vals;
	struct strata_class *cls;
	size_t n;
	long hint[64]; /* by a cheap hash of the text: the index last found, plus 1 */
};

/* Reference data, loaded once. */
struct sc_ctx {
	struct fieldmap *annexa;
	struct vocab *lawtype;
	struct strata *strata;
	struct rx *caseid; /* the Case ID form, or NULL */
	struct sc_memo lawmemo, typememo;
	struct strbuf key;
};

/* An open Annex A style input: its header and the columns bound. */
struct sc_source {
	const char *name;
	FILE *fp;
	struct csvio_reader *rd;
	size_t ncols;
	char **header;
	long col[SC_NCOLS];
};

/* How rows become cases. */
enum sc_kind { SC_NATIONAL, SC_FILED, SC_CLOSED };

/* What the appended columns say. */
struct sc_extra {
	int flag_is_supervision; /* the flag goes to supervision, not audit */
	char seed[24];
};

int sc_ctx_load(struct sc_ctx *, int need_strata);
void sc_ctx_free(struct sc_ctx *);
int sc_source_open(struct sc_source *, const char *path, unsigned csv_flags, const struct sc_ctx *,
                   int need_case_type);
void sc_source_close(struct sc_source *);
/* Read every row into s; 0, or -1 (after a diagnostic) on malformed input. */
int sc_feed(struct sc_ctx *, struct sc_source *, struct sample *, enum sc_kind, const char *areakey,
            const struct strata_stratum *def, struct sc_tally *);
void sc_tally_report(const struct sc_tally *, const struct sample *, const char *file);
void sc_write_header(FILE *, char *const *header, size_t n);
/* Write the picks with their columns moved by map (source column -> output column). */
void sc_write_picks(FILE *, const struct sample_result *, const size_t *map, size_t nout,
                    const struct sc_extra *);
/* Name each shortfall on stderr; 1 when there was one. */
int sc_shortfalls(const struct sample_result *, const char *file);
void sc_explain(const struct sample_result *, uint64_t seed);

#endif
