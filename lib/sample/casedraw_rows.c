/*
 * rows.c: reading Annex A style rows into a draw, and writing the drawn
 * rows, for the national and local modes of sample-cases. Rows that cannot
 * be used are counted by reason and reported with their line numbers, never
 * with their values.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "annexa/cases.h"
#include "core/csvbatch.h"
#include "core/datadir.h"
#include "core/diag.h"
#include "core/jsonio.h"
#include "core/keyhash.h"
#include "core/memo.h"
#include "core/output.h"
#include "core/text.h"
#include "core/topk.h"
#include "core/xalloc.h"
#include "sample/casedraw.h"

#define MEMO_MAX 256 /* distinct values remembered per lookup */

static const char *const reason_text[CASEDRAW_R_NREASONS] = {
    [CASEDRAW_R_RAGGED] = "with more or fewer fields than the header",
    [CASEDRAW_R_NO_ID] = "without a Case ID",
    [CASEDRAW_R_NO_AREA] = "without a Service area",
    [CASEDRAW_R_LAW_TYPE] = "with an unknown Law type",
    [CASEDRAW_R_CASE_TYPE] = "with an unknown Case type",
    [CASEDRAW_R_MISMATCH] = "whose Case type and Law type disagree",
    [CASEDRAW_R_NO_STRATUM] = "whose Case type is in no stratum",
    [CASEDRAW_R_REPEATED] = "repeating an earlier row exactly (one kept)",
    [CASEDRAW_R_CONFLICT] = "of a case whose rows disagree on a case-level field or include a "
                            "row that cannot be drawn (the whole case left out)",
    [CASEDRAW_R_EXCLUDED] = "with an excluded Case ID",
    [CASEDRAW_R_OLD] = "dated more than two weeks before",
    [CASEDRAW_R_FUTURE] = "dated after",
    [CASEDRAW_R_UNDATED] = "whose date is blank or not a date (YYYY-MM-DD or DD/MM/YYYY)",
};

/* 1 for the reasons of a local list's recency. */
static int
reason_recency(enum casedraw_reason r)
{
	return r == CASEDRAW_R_OLD || r == CASEDRAW_R_FUTURE || r == CASEDRAW_R_UNDATED;
}

int
casedraw_ctx_load(struct casedraw_ctx *c, int need_strata, const char *map, unsigned csv_flags)
{
	char err[512];

	memset(c, 0, sizeof *c);
	strbuf_init(&c->key);
	c->vcache = cases_vcache_new();
	err[0] = '\0';
	if ((c->annexa = fieldmap_load_named("annexa", err, sizeof err)) == NULL ||
	    (c->lawtype = vocab_load_named("law-type", err, sizeof err)) == NULL ||
	    (need_strata && (c->strata = strata_load(err, sizeof err)) == NULL) ||
	    (map != NULL && (c->map = labelmap_load(map, csv_flags, err, sizeof err)) == NULL)) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	if (c->strata != NULL)
		strata_set_map(c->strata, c->map);
	return 0;
}

/* Free a lookup. */
static void
casedraw_lookup_free(struct casedraw_lookup *m)
{
	memo_free(m->memo);
	free(m->vals);
	free(m->cls);
}

void
casedraw_ctx_free(struct casedraw_ctx *c)
{
	fieldmap_free(c->annexa);
	vocab_free(c->lawtype);
	strata_free(c->strata);
	labelmap_free(c->map);
	casedraw_lookup_free(&c->lawmemo);
	casedraw_lookup_free(&c->typememo);
	cases_vcache_free(c->vcache);
	strbuf_free(&c->key);
}

/* Index of s in the lookup, or -1. */
static long
casedraw_lookup_find(const struct casedraw_lookup *m, const char *s)
{
	long k;

	return m->memo != NULL && memo_get(m->memo, s, strlen(s), &k) ? k : -1;
}

/* Append s to the lookup; its index, or -1 when full. */
static long
casedraw_lookup_add(struct casedraw_lookup *m, const char *s)
{
	if (m->memo == NULL)
		m->memo = memo_new(MEMO_MAX);
	if (memo_put(m->memo, s, strlen(s), (long)m->n) == -1)
		return -1;
	m->vals = xreallocarray(m->vals, m->n + 1, sizeof *m->vals);
	m->cls = xreallocarray(m->cls, m->n + 1, sizeof *m->cls);
	return (long)m->n++;
}

/* The law type ("private", "public") of a Law type value, or NULL; its entry in *entry. */
static const char *
law_of(struct casedraw_ctx *c, const char *s, long *entry)
{
	long i = casedraw_lookup_find(&c->lawmemo, s), e;

	if (i >= 0)
		e = c->lawmemo.vals[i];
	else {
		e = labelmap_find(c->map, c->lawtype, s);
		if ((i = casedraw_lookup_add(&c->lawmemo, s)) >= 0)
			c->lawmemo.vals[i] = e;
	}
	*entry = e;
	return e < 0 ? NULL : vocab_attr(c->lawtype, (size_t)e, "law_type");
}

/* Classify a Case type value through the memo. */
static void
class_of(struct casedraw_ctx *c, const char *s, struct strata_class *out)
{
	long i = casedraw_lookup_find(&c->typememo, s);

	if (i >= 0) {
		*out = c->typememo.cls[i];
		return;
	}
	strata_classify(c->strata, s, out);
	if ((i = casedraw_lookup_add(&c->typememo, s)) >= 0)
		c->typememo.cls[i] = *out;
}

int
casedraw_source_open(struct casedraw_source *src, const char *path, unsigned csv_flags,
                     const struct casedraw_ctx *c, int need_case_type)
{
	static const char *const keys[CASEDRAW_NCOLS] = {
	    "case_id",      "case_type", "law_type", "service_area",
	    "practitioner", "team",      "court",    "local_authority"};
	struct fieldmap_binding b;
	struct csvio_record *rec;
	size_t i;
	int rc;

	memset(src, 0, sizeof *src);
	src->date_col = -1;
	if (path == NULL || strcmp(path, "-") == 0) {
		src->name = "<stdin>";
		src->fp = stdin;
	} else if ((src->fp = output_input_open(path)) == NULL) {
		diag_error(path, 0, "%s", strerror(errno));
		return -1;
	} else
		src->name = path;
	src->rd = csvio_open(src->fp, src->name, csv_flags);
	if ((rc = csvio_next(src->rd, &rec)) <= 0) {
		diag_error(src->name, 1, "%s", rc < 0 ? csvio_error(src->rd) : "no header row");
		return -1;
	}
	if (rec->flags & (CSVIO_BAD_UTF8 | CSVIO_MALFORMED | CSVIO_UNTERMINATED)) {
		diag_error(src->name, rec->line, "%s",
		           rec->flags & CSVIO_BAD_UTF8
		               ? "header: bytes that are not UTF-8 (try --encoding cp1252)"
		               : "header: malformed CSV");
		return -1;
	}
	src->ncols = rec->nfields;
	src->header = xcalloc(rec->nfields + 1, sizeof *src->header);
	for (i = 0; i < rec->nfields; i++)
		src->header[i] = xstrdup(rec->fields[i]);
	fieldmap_bind(c->annexa, (const char *const *)src->header, src->ncols, &b);
	rc = 0;
	for (i = 0; i < CASEDRAW_NCOLS; i++) {
		long f = fieldmap_index(c->annexa, keys[i]);

		src->col[i] = f < 0 ? -1 : b.column[f];
		if (src->col[i] < 0 && i < CASEDRAW_NREQUIRED &&
		    (i != CASEDRAW_CASE_TYPE || need_case_type)) {
			diag_error(src->name, 1, "missing column \"%s\"",
			           f < 0 ? keys[i] : fieldmap_name(c->annexa, (size_t)f));
			rc = -1;
		}
	}
	fieldmap_unbind(&b);
	return rc;
}

void
casedraw_source_close(struct casedraw_source *src)
{
	size_t i;

	if (src->rd != NULL)
		csvio_close(src->rd);
	if (src->fp != NULL && src->fp != stdin)
		fclose(src->fp);
	for (i = 0; i < src->ncols; i++)
		free(src->header[i]);
	free(src->header);
	memset(src, 0, sizeof *src);
}

/* Count a row left out. */
static void
casedraw_count(struct casedraw_tally *t, enum casedraw_reason r, unsigned long line)
{
	if (t->count[r] < CASEDRAW_MAXLINES)
		t->lines[r][t->count[r]] = line;
	t->count[r]++;
}

/* The hash of case-level field f in column col of rec (0 when there is no such column). */
static uint32_t
value_hash(struct casedraw_ctx *c, const struct casedraw_source *src,
           const struct csvio_record *rec, enum cases_field f, int col)
{
	long k = src->col[col];

	return k < 0 ? 0 : cases_vcache_hash(c->vcache, f, rec->fields[k], rec->lens[k]);
}

/*
 * The stratum and quota of an eligible row, or the reason it is not (the
 * national frame's rule is strata_eligible(), as check-annexA's); the hash
 * of its case-level fields in *casehash.
 */
static int
classify(struct casedraw_ctx *c, const struct casedraw_source *src, const struct csvio_record *rec,
         enum casedraw_kind kind, const struct strata_stratum *def, long *stratum, long *quota,
         uint64_t *casehash)
{
	static const int cols[CASES_NFIELDS] = {[CASES_SERVICE_AREA] = CASEDRAW_AREA,
	                                        [CASES_PRACTITIONER] = CASEDRAW_PRACTITIONER,
	                                        [CASES_TEAM] = CASEDRAW_TEAM,
	                                        [CASES_COURT] = CASEDRAW_COURT,
	                                        [CASES_LOCAL_AUTHORITY] = CASEDRAW_LA};
	long lawcol = src->col[CASEDRAW_LAW_TYPE], ctcol = src->col[CASEDRAW_CASE_TYPE], entry;
	const char *law = law_of(c, rec->fields[lawcol], &entry);
	struct strata_class cls = {-1, NULL, -1, -1};
	uint32_t h[CASES_NFIELDS];
	enum strata_reason why;
	size_t q;
	int f;

	if (ctcol >= 0 && c->strata != NULL)
		class_of(c, rec->fields[ctcol], &cls);
	for (f = CASES_SERVICE_AREA; f < CASES_NFIELDS; f++)
		h[f] = value_hash(c, src, rec, (enum cases_field)f, cols[f]);
	h[CASES_LAW_TYPE] = cases_entry_hash(entry, rec->fields[lawcol], rec->lens[lawcol]);
	h[CASES_CASE_TYPE] =
	    ctcol < 0 ? 0 : cases_entry_hash(cls.casetype, rec->fields[ctcol], rec->lens[ctcol]);
	*casehash = cases_hash(h);
	if (law == NULL)
		return CASEDRAW_R_LAW_TYPE;
	*stratum = 0;
	*quota = -1;
	if (kind == CASEDRAW_FILED)
		return -1;
	if (kind == CASEDRAW_CLOSED) {
		for (q = 0; q < def->nquotas; q++)
			if (strcmp(def->quotas[q].id, law) == 0)
				*quota = (long)q;
		return *quota < 0 ? CASEDRAW_R_NO_STRATUM : -1;
	}
	why = strata_eligible(&cls, law);
	if (why != STRATA_ELIGIBLE)
		return why == STRATA_NO_CASE_TYPE ? CASEDRAW_R_CASE_TYPE
		       : why == STRATA_MISMATCH   ? CASEDRAW_R_MISMATCH
		                                  : CASEDRAW_R_NO_STRATUM;
	*stratum = cls.stratum;
	*quota = cls.quota;
	return -1;
}

/* Why a local list's row is not recent (a reason), or -1 when it is. */
static int
recency(const struct casedraw_ctx *c, const struct casedraw_source *src,
        const struct csvio_record *rec)
{
	const char *s = rec->fields[src->date_col];
	date_t d;

	if (text_blank(s) || dates_parse(s, &d) == -1)
		return CASEDRAW_R_UNDATED;
	if (d > c->as_of)
		return CASEDRAW_R_FUTURE;
	return d < c->as_of - CASEDRAW_RECENT_DAYS ? CASEDRAW_R_OLD : -1;
}

/* 1 when the row's Case type is not in the vocabulary (nor mapped). */
static int
unknown_case_type(struct casedraw_ctx *c, const struct casedraw_source *src,
                  const struct csvio_record *rec)
{
	struct strata_class cls = {-1, NULL, -1, -1};
	long col = src->col[CASEDRAW_CASE_TYPE];

	if (col < 0 || c->strata == NULL || text_blank(rec->fields[col]))
		return 0;
	class_of(c, rec->fields[col], &cls);
	return cls.casetype < 0;
}

/* Check one record and add it to the draw; -1 on malformed input. */
static int
feed_one(struct casedraw_ctx *c, struct casedraw_source *src, const struct csvio_record *rec,
         struct sample *s, enum casedraw_kind kind, const char *areakey,
         const struct strata_stratum *def, struct casedraw_tally *t)
{
	const char *id, *area;
	enum sample_add_status st;
	long stratum, quota;
	uint64_t casehash = 0;
	int r;

	if (rec->flags & CSVIO_BAD_UTF8) {
		diag_error(src->name, rec->line,
		           "column %zu: bytes that are not UTF-8 (try --encoding cp1252)",
		           rec->bad_field + 1);
		return -1;
	}
	if (rec->flags & (CSVIO_MALFORMED | CSVIO_UNTERMINATED)) {
		diag_error(src->name, rec->line, "malformed CSV (a stray or unclosed quote)");
		return -1;
	}
	if (rec->flags & CSVIO_BLANK)
		return 0;
	if (rec->nfields != src->ncols) {
		casedraw_count(t, CASEDRAW_R_RAGGED, rec->line);
		return 0;
	}
	area = rec->fields[src->col[CASEDRAW_AREA]];
	if (areakey != NULL) {
		text_normkey(area, &c->key);
		if (strcmp(c->key.buf, areakey) != 0) {
			t->other_areas++;
			return 0;
		}
	}
	id = rec->fields[src->col[CASEDRAW_CASE_ID]];
	if (text_blank(id))
		r = CASEDRAW_R_NO_ID;
	else if (text_blank(area))
		r = CASEDRAW_R_NO_AREA;
	else
		r = classify(c, src, rec, kind, def, &stratum, &quota, &casehash);
	if (r == CASEDRAW_R_LAW_TYPE) {
		labels_add(&t->law, rec->fields[src->col[CASEDRAW_LAW_TYPE]],
		           rec->lens[src->col[CASEDRAW_LAW_TYPE]], rec->line);
		/* its case type too, so that one run names every label to map */
		if (kind == CASEDRAW_NATIONAL && unknown_case_type(c, src, rec))
			labels_add(&t->ctype, rec->fields[src->col[CASEDRAW_CASE_TYPE]],
			           rec->lens[src->col[CASEDRAW_CASE_TYPE]], rec->line);
	} else if (r == CASEDRAW_R_CASE_TYPE)
		labels_add(&t->ctype, rec->fields[src->col[CASEDRAW_CASE_TYPE]],
		           rec->lens[src->col[CASEDRAW_CASE_TYPE]], rec->line);
	if (r < 0 && src->date_col >= 0 && (r = recency(c, src, rec)) >= 0) {
		casedraw_count(t, (enum casedraw_reason)r, rec->line);
		r = c->allow_old ? -1 : r; /* --allow-old: flagged, and drawn */
		if (r >= 0) {
			sample_taint(s, id, rec->line);
			return 0;
		}
	}
	if (r >= 0) {
		casedraw_count(t, (enum casedraw_reason)r, rec->line);
		if (r != CASEDRAW_R_NO_ID)
			sample_taint(s, id, rec->line); /* its case cannot be drawn whole */
		return 0;
	}
	st = sample_add_case(s, id, area, (size_t)stratum, quota, casehash,
	                     (const char *const *)rec->fields, rec->lens, rec->nfields, rec->line);
	if (st == SAMPLE_FULL) {
		diag_error(src->name, rec->line,
		           "too many rows for one draw (limits: 2^32 lines, 4 GiB of Case IDs)");
		return -1;
	}
	if (st == SAMPLE_AREAS) {
		diag_error(src->name, rec->line,
		           "more than %d distinct service areas: is the Service area column "
		           "the right one?",
		           SAMPLE_MAX_AREAS);
		return -1;
	}
	if (st == SAMPLE_EXCLUDED)
		casedraw_count(t, CASEDRAW_R_EXCLUDED, rec->line);
	return 0;
}

int
casedraw_feed(struct casedraw_ctx *c, struct casedraw_source *src, struct sample *s,
              enum casedraw_kind kind, const char *areakey, const struct strata_stratum *def,
              struct casedraw_tally *t)
{
	/* Parse in a second thread while this one ranks (as check-annexA does). */
	struct csvbatch *cb = csvbatch_start(src->rd);
	struct csvio_record *rec;
	int rc;

	while ((rc = csvbatch_next(cb, &rec)) > 0)
		if (feed_one(c, src, rec, s, kind, areakey, def, t) < 0) {
			csvbatch_stop(cb);
			return -1;
		}
	if (rc < 0)
		diag_error(src->name, csvio_lines(src->rd), "%s", csvbatch_error(cb));
	csvbatch_stop(cb);
	return rc < 0 ? -1 : 0;
}

/* Take the duplicate lines the draw found into the tally. */
static void
casedraw_count_lines(struct casedraw_tally *t, enum casedraw_reason r, const unsigned long *lines,
                     size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		casedraw_count(t, r, lines[i]);
}

void
casedraw_tally_init(struct casedraw_tally *t)
{
	memset(t, 0, sizeof *t);
	labels_init(&t->law);
	labels_init(&t->ctype);
}

void
casedraw_tally_free(struct casedraw_tally *t)
{
	labels_free(&t->law);
	labels_free(&t->ctype);
}

/* Name each unknown label of one column once, as an error; their count. */
static unsigned long
report_labels(const struct labels *l, const char *column, const struct vocab *v, const char *file)
{
	struct strbuf m;
	size_t i;

	strbuf_init(&m);
	for (i = 0; i < l->n; i++) {
		strbuf_reset(&m);
		labels_describe(l, i, v, 1, &m);
		diag_error(file, 0,
		           "%s not in the vocabulary, %s; not drawn: map the label with --map",
		           column, m.buf);
	}
	if (l->rest > 0)
		diag_error(file, 0, "%lu more rows with a %s not in the vocabulary", l->rest,
		           column);
	strbuf_free(&m);
	return l->total;
}

/* 1 when a row left out for this reason shrinks the frame unseen by the user. */
static int
reason_loud(enum casedraw_reason r)
{
	return r != CASEDRAW_R_REPEATED && r != CASEDRAW_R_EXCLUDED && r != CASEDRAW_R_NO_STRATUM;
}

/*
 * Name the rows of a local list that are not recent: left out (1), or with
 * --allow-old drawn and flagged (0).
 */
static int
report_recency(const struct casedraw_tally *t, enum casedraw_reason r, date_t as_of,
               const char *lines, const char *file)
{
	char asof[DATES_ISO_LEN], from[DATES_ISO_LEN], why[160];
	unsigned long n = t->count[r];

	dates_format(as_of, asof);
	dates_format(as_of - CASEDRAW_RECENT_DAYS, from);
	if (r == CASEDRAW_R_UNDATED)
		snprintf(why, sizeof why, "%s", reason_text[r]);
	else
		snprintf(why, sizeof why, "%s %s (--as-of; recent is %s to %s)", reason_text[r],
		         asof, from, asof);
	if (t->allow_old) {
		diag_warn(file, 0,
		          "%lu row%s drawn although not recent: %s (line%s %s; --allow-old)", n,
		          n == 1 ? "" : "s", why, n == 1 ? "" : "s", lines);
		return 0;
	}
	diag_error(file, 0,
	           "%lu row%s left out, not recent: %s (line%s %s); --allow-old draws them", n,
	           n == 1 ? "" : "s", why, n == 1 ? "" : "s", lines);
	return 1;
}

int
casedraw_tally_report(const struct casedraw_tally *t0, const struct sample *s,
                      const struct casedraw_ctx *c, const char *file)
{
	int loud = 0;
	const unsigned long *lines;
	struct casedraw_tally t = *t0;
	struct strbuf b;
	size_t r, i, n;

	n = sample_repeated(s, &lines);
	casedraw_count_lines(&t, CASEDRAW_R_REPEATED, lines, n);
	n = sample_conflicting(s, &lines);
	casedraw_count_lines(&t, CASEDRAW_R_CONFLICT, lines, n);
	strbuf_init(&b);
	for (r = 0; r < CASEDRAW_R_NREASONS; r++) {
		if (t.count[r] == 0)
			continue;
		strbuf_reset(&b);
		for (i = 0; i < t.count[r] && i < CASEDRAW_MAXLINES; i++)
			strbuf_printf(&b, "%s%lu", i ? ", " : "", t.lines[r][i]);
		if (t.count[r] > CASEDRAW_MAXLINES)
			strbuf_adds(&b, ", ...");
		if (reason_recency((enum casedraw_reason)r)) {
			loud |= report_recency(&t, (enum casedraw_reason)r, c->as_of, b.buf, file);
			continue;
		}
		if (reason_loud((enum casedraw_reason)r)) {
			loud = 1;
			diag_error(file, 0, "%lu row%s left out: %s (line%s %s)", t.count[r],
			           t.count[r] == 1 ? "" : "s", reason_text[r],
			           t.count[r] == 1 ? "" : "s", b.buf);
		} else
			diag_warn(file, 0, "%lu row%s not eligible: %s (line%s %s)", t.count[r],
			          t.count[r] == 1 ? "" : "s", reason_text[r],
			          t.count[r] == 1 ? "" : "s", b.buf);
	}
	strbuf_free(&b);
	report_labels(&t.law, "Law type", c->lawtype, file);
	report_labels(&t.ctype, "Case type", c->strata ? strata_casetypes(c->strata) : NULL, file);
	return loud;
}

void
casedraw_write_header(FILE *out, char *const *header, size_t n)
{
	static const char *const extra[] = {"stratum", "quota", "audit", "supervision", "seed"};
	const char **row = xcalloc(n + 5, sizeof *row);
	size_t i;

	for (i = 0; i < n; i++)
		row[i] = header[i];
	for (i = 0; i < 5; i++)
		row[n + i] = extra[i];
	csvio_write_row(out, row, n + 5);
	free(row);
}

/* Order a case's rows by their fields, byte by byte (qsort over candidate pointers). */
static int
rows_cmp(const void *pa, const void *pb)
{
	const struct topk_cand *a = *(const struct topk_cand *const *)pa,
	                       *b = *(const struct topk_cand *const *)pb;
	size_t i;
	int c;

	for (i = 0; i < a->nfields && i < b->nfields; i++)
		if ((c = strcmp(a->fields[i], b->fields[i])) != 0)
			return c;
	return (a->nfields > b->nfields) - (a->nfields < b->nfields);
}

/* Write one row of a pick. */
static void
write_row(FILE *out, const char **row, const struct sample_pick *p, const char *const *fields,
          size_t nfields, const size_t *map, size_t nout, const struct casedraw_extra *x)
{
	const char *flag = p->flagged ? "Y" : "N";
	size_t j;

	for (j = 0; j < nout; j++)
		row[j] = "";
	for (j = 0; j < nfields; j++)
		row[map ? map[j] : j] = fields[j];
	row[nout] = p->stratum_id;
	row[nout + 1] = p->quota_id ? p->quota_id : "";
	row[nout + 2] = x->flag_is_supervision ? "" : flag;
	row[nout + 3] = x->flag_is_supervision ? flag : "";
	row[nout + 4] = x->seed;
	csvio_write_row(out, row, nout + 5);
}

void
casedraw_write_picks(FILE *out, const struct sample_result *res, const size_t *map, size_t nout,
                     const struct casedraw_extra *x)
{
	const char **row = xcalloc(nout + 5, sizeof *row);
	const struct topk_cand **kids = NULL, *k;
	size_t i, j, n, cap = 0;

	for (i = 0; i < res->npicks; i++) {
		const struct sample_pick *p = &res->picks[i];

		if (p->rows == NULL) {
			write_row(out, row, p, p->fields, p->nfields, map, nout, x);
			continue;
		}
		/* Every child row of the case, in an order the input order cannot change. */
		for (n = 0, k = p->rows; k != NULL; k = k->next, n++)
			if (n == cap) {
				cap = cap ? 2 * cap : 8;
				kids = xreallocarray(kids, cap, sizeof *kids);
			}
		for (n = 0, k = p->rows; k != NULL; k = k->next)
			kids[n++] = k;
		if (n > 1)
			qsort(kids, n, sizeof *kids, rows_cmp);
		for (j = 0; j < n; j++)
			if (j == 0 || rows_cmp(&kids[j - 1], &kids[j]) != 0) /* a repeat: once */
				write_row(out, row, p, (const char *const *)kids[j]->fields,
				          kids[j]->nfields, map, nout, x);
	}
	free(kids);
	free(row);
}

int
casedraw_shortfalls(const struct sample_result *res, const char *file)
{
	const struct strata_stratum *d;
	size_t i, q;
	int any = 0;

	for (i = 0; i < res->nstrata; i++) {
		const struct sample_stratum_result *r = &res->strata[i];

		d = r->def;
		for (q = 0; q < d->nquotas; q++)
			if (r->q_drawn[q] < d->quotas[q].size) {
				diag_warn(
				    file, 0,
				    "shortfall: stratum %s, quota %s: %lu eligible, %u required",
				    d->id, d->quotas[q].id, r->q_eligible[q], d->quotas[q].size);
				any = 1;
			}
		if (r->drawn < d->size) {
			diag_warn(file, 0,
			          "shortfall: stratum %s: %lu drawn of %u required (%lu eligible)",
			          d->id, r->drawn, d->size, r->eligible);
			any = 1;
		}
	}
	return any;
}

/* Write a per-quota list "r16.4 3, rest 7" of counts v. */
static void
quota_list(struct strbuf *b, const struct strata_stratum *d, const unsigned long *v)
{
	size_t q;

	strbuf_reset(b);
	if (d->nquotas == 0)
		return;
	strbuf_adds(b, " (");
	for (q = 0; q < d->nquotas; q++)
		strbuf_printf(b, "%s %lu, ", d->quotas[q].id, v[q]);
	strbuf_printf(b, "rest %lu)", v[d->nquotas]);
}

void
casedraw_explain(const struct sample_result *res, uint64_t seed)
{
	struct keyhash_key k;
	struct strbuf e, dr;
	size_t i, a;

	keyhash_from_seed(seed, &k);
	strbuf_init(&e);
	strbuf_init(&dr);
	fprintf(stderr,
	        "explain: seed %llu; SipHash-2-4 key k0=%016llx k1=%016llx; "
	        "rank = SipHash-2-4(key, Case ID), lowest first\n",
	        (unsigned long long)seed, (unsigned long long)k.k0, (unsigned long long)k.k1);
	for (i = 0; i < res->nstrata; i++) {
		const struct sample_stratum_result *r = &res->strata[i];

		quota_list(&e, r->def, r->q_eligible);
		quota_list(&dr, r->def, r->q_drawn);
		fprintf(stderr,
		        "explain: stratum %s: eligible %lu%s; drawn %lu of %u%s; flagged %lu\n",
		        r->def->id, r->eligible, e.buf, r->drawn, r->def->size, dr.buf, r->flagged);
		for (a = 0; a < r->nareas; a++) {
			const struct sample_area *ar = &r->areas[a];

			quota_list(&e, r->def, ar->q_eligible);
			quota_list(&dr, r->def, ar->q_drawn);
			fprintf(stderr,
			        "explain:   %s: eligible %lu%s; share %.3f; drawn %lu%s; flagged "
			        "%lu; tie %016llx\n",
			        ar->name, ar->eligible, e.buf,
			        r->eligible
			            ? (double)r->drawn * (double)ar->eligible / (double)r->eligible
			            : 0.0,
			        ar->drawn, dr.buf, ar->flagged, (unsigned long long)ar->tie);
		}
	}
	strbuf_free(&e);
	strbuf_free(&dr);
}
