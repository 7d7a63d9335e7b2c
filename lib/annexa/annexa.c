/*
 * annexa.c: the Annex A extract checker. One pass over the CSV: the header
 * is bound to the fields of share/fields/annexa.json, then each record is
 * checked field by field. Lookups of the few distinct values a column holds
 * (gender, law type, case type) are remembered in memos (lib/memo), the
 * counts are kept by lib/tally, and the records are parsed in a second
 * thread (lib/csvbatch), so a million-row file costs little more than
 * parsing it.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <jansson.h>

#include "annexa/annexa.h"
#include "annexa/cases.h"
#include "annexa/casename.h"
#include "annexa/idform.h"
#include "annexa/labels.h"
#include "annexa/strata.h"
#include "annexa/tally.h"
#include "core/csvbatch.h"
#include "core/csvio.h"
#include "core/datadir.h"
#include "core/idset.h"
#include "core/fieldmap.h"
#include "core/jsonio.h"
#include "core/memo.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/vocab.h"
#include "core/xalloc.h"

#define MEMO_MAX 4096 /* distinct values remembered per column */
#define NAMES_MAX 16384 /* distinct case names remembered (a long tail: memo_new_large()) */
/*
 * Case ID slots are loaded ahead of need in bursts: every PREFETCH_BURST
 * records, those PREFETCH_AHEAD to PREFETCH_AHEAD + PREFETCH_BURST - 1
 * ahead. On a table of megabytes nearly every slot misses the TLB as well
 * as the cache; one at a time, each prefetch waits for its page walk, while
 * a burst's walks overlap (bench: about a tenth off a million-row check),
 * the more so as its slots are all worked out before any is loaded
 * (cases_prefetch()).
 * csvbatch reads far enough ahead (CSVBATCH_PEEK) for the last of a burst.
 */
#define PREFETCH_AHEAD 8
#define PREFETCH_BURST 16
_Static_assert(PREFETCH_AHEAD + PREFETCH_BURST - 1 <= CSVBATCH_PEEK, "a burst sees past csvbatch");
/*
 * Unreadable records (binary data, malformed, the wrong number of fields)
 * before the check gives up, each readable one cancelling READABLE_CREDIT of
 * them: the input is not a CSV extract (random bytes, /dev/urandom, a binary
 * file), and carrying on would list findings without end. A real extract
 * with one bad row in two never comes near it.
 */
#define UNREADABLE_RUN 1000
#define READABLE_CREDIT 10
#define ID_MAX 64 /* longer Case IDs are kept as they are */

static const struct {
	const char *id;
	enum annexa_severity sev;
} rules[ANNEXA_NRULES] = {
    [ANNEXA_ENCODING] = {"encoding", ANNEXA_ERROR},
    [ANNEXA_MALFORMED_CSV] = {"malformed-csv", ANNEXA_ERROR},
    [ANNEXA_RAGGED_ROW] = {"ragged-row", ANNEXA_ERROR},
    [ANNEXA_BLANK_ROW] = {"blank-row", ANNEXA_WARNING},
    [ANNEXA_MISSING_COLUMN] = {"missing-column", ANNEXA_ERROR},
    [ANNEXA_DUPLICATE_COLUMN] = {"duplicate-column", ANNEXA_ERROR},
    [ANNEXA_REQUIRED] = {"required", ANNEXA_ERROR},
    [ANNEXA_DUPLICATE_ID] = {"duplicate-id", ANNEXA_ERROR},
    [ANNEXA_CASE_CONFLICT] = {"case-conflict", ANNEXA_ERROR},
    [ANNEXA_CASE_ID_FORM] = {"case-id-form", ANNEXA_WARNING},
    [ANNEXA_BAD_DATE] = {"bad-date", ANNEXA_ERROR},
    [ANNEXA_DOB_FUTURE] = {"dob-future", ANNEXA_ERROR},
    [ANNEXA_AGE_OUT_OF_RANGE] = {"age-out-of-range", ANNEXA_WARNING},
    [ANNEXA_ENUM] = {"enum", ANNEXA_ERROR},
    [ANNEXA_UNKNOWN_CASE_TYPE] = {"unknown-case-type", ANNEXA_ERROR},
    [ANNEXA_LAW_TYPE_MISMATCH] = {"law-type-mismatch", ANNEXA_ERROR},
    [ANNEXA_PUBLIC_LAW_NEEDS_LA] = {"public-law-needs-la", ANNEXA_ERROR},
    [ANNEXA_IDENTIFYING_CASE_NAME] = {"identifying-case-name", ANNEXA_WARNING},
    [ANNEXA_SAMPLE_SHORTFALL] = {"sample-shortfall", ANNEXA_WARNING},
    [ANNEXA_DOCUMENT_MISSING] = {"document-missing", ANNEXA_WARNING},
    [ANNEXA_DATE_ORDER] = {"date-order", ANNEXA_ERROR},
    [ANNEXA_CASE_DATE_FUTURE] = {"case-date-future", ANNEXA_ERROR},
    [ANNEXA_CLOSED_OUTSIDE_WINDOW] = {"closed-outside-window", ANNEXA_ERROR},
    [ANNEXA_S7_PRIVATE_LAW_ONLY] = {"s7-private-law-only", ANNEXA_ERROR},
};

#define WINDOW_LINES 5 /* lines named by the closed-outside-window finding */

/* The fields the rules use, by key in share/fields/annexa.json. */
enum field {
	F_CASE_ID,
	F_CASE_NAME,
	F_GENDER,
	F_DISABILITY,
	F_DOB,
	F_LAW_TYPE,
	F_CASE_TYPE,
	F_SERVICE_AREA,
	F_LOCAL_AUTHORITY,
	F_PRACTITIONER,
	F_TEAM,
	F_COURT,
	/* Added in September 2025; F_CHILD_ID..F_AUDIT in annexa.json's order. */
	F_CHILD_ID,
	F_START,
	F_END,
	F_SEEN,
	F_S7,
	F_AUDIT,
	F_NFIELDS
};

static const char *const field_keys[F_NFIELDS] = {
    "case_id",        "case_name", "gender",       "disability",      "date_of_birth",
    "law_type",       "case_type", "service_area", "local_authority", "practitioner",
    "team",           "court",     "child_id",     "case_start_date", "case_end_date",
    "seen_in_person", "s7_filed",  "audit",
};

/* The enumerated fields (enum rule), their unknown values tallied for one finding each. */
static const enum field enum_fields[] = {F_GENDER, F_DISABILITY, F_LAW_TYPE, F_SEEN, F_S7, F_AUDIT};
#define NENUMS (sizeof enum_fields / sizeof enum_fields[0])
#define ENUM_LISTED 10 /* distinct unknown values described in a finding */

/* The fields whose column alone says the file is in the 2025 form. */
static const enum field form2025_fields[] = {F_CHILD_ID, F_SEEN, F_S7, F_AUDIT};

/* The rule field of each case-level field (cases.h order). */
static const enum field case_fields[CASES_NFIELDS] = {
    F_LAW_TYPE, F_CASE_TYPE, F_SERVICE_AREA, F_PRACTITIONER, F_TEAM, F_COURT, F_LOCAL_AUTHORITY,
};

struct annexa {
	struct annexa_config cfg;
	struct fieldmap *fm;
	struct vocab *gender, *disability, *lawtype, *yesno;
	struct strata *strata;
	struct casename *names;
	struct idform *idform; /* the Case ID form, learnt or given */
	struct labelmap *map; /* --map, or NULL */
	struct labels unknown_case; /* unknown Case type labels */
	struct labels unknown_enum[NENUMS]; /* unknown values of each enum_fields[] column */
	struct cases *cases; /* the Case IDs and their case-level fields */
	struct cases_vcache *vcache; /* the hashes of their values */
	struct idset *children; /* 2025 form: Case ID, US, Child ID (upper case) -> line */
	struct strbuf childkey;
	long yes; /* the yes-no vocabulary's entry for Y */
	unsigned long window_lines[WINDOW_LINES]; /* closed-outside-window: first lines */
	char idbuf[ID_MAX]; /* the row's Case ID, upper case */
	size_t idlen; /* 0: none */
	const char **law_attr; /* per law type entry: "private" or "public" */
	const char *name; /* file name for messages */

	/* The header. */
	size_t ncols;
	char **hdr; /* trimmed header names */
	struct fieldmap_binding bind;
	long col[F_NFIELDS]; /* column of each rule field, or -1 */
	size_t nreq;
	long *reqcols; /* the columns of the required fields */
	char as_of[DATES_ISO_LEN]; /* --as-of, ISO */
	date_t adult_surely, minor_surely; /* dob bounds for age 18 without dates_age */
	unsigned char *law_public; /* per law type entry: 1 when public */
	unsigned char *case_public; /* per case type entry: 1 when public law */

	/* Memos of column values: vocabulary entry, or index into classes. */
	struct memo *m_gender, *m_disability, *m_law, *m_case, *m_name, *m_yesno;
	struct strata_class *classes; /* MEMO_MAX + 1: the last for overflow */
	size_t nclasses;
	struct tally *tally;

	struct annexa_summary sum;
	struct strbuf msg, tmp;
	annexa_emit_fn emit;
	void *arg;
	int finished;
};

const char *
annexa_rule_id(enum annexa_rule r)
{
	return r < ANNEXA_NRULES ? rules[r].id : "?";
}

enum annexa_severity
annexa_rule_severity(enum annexa_rule r)
{
	return r < ANNEXA_NRULES ? rules[r].sev : ANNEXA_ERROR;
}

int
annexa_rule_listed(const struct annexa_summary *s, enum annexa_rule r)
{
	return r < ANNEXA_FIRST_2025_RULE || (r < ANNEXA_NRULES && s->fields2025 > 0);
}

const char *
annexa_severity_name(enum annexa_severity s)
{
	return s == ANNEXA_ERROR ? "error" : "warning";
}

/* Vocabulary entry of s through the memo: index or -1. */
static long
memo_vocab(struct memo *m, const struct vocab *v, const struct labelmap *map, const char *s,
           size_t len)
{
	long val;

	if (memo_get(m, s, len, &val))
		return val;
	val = labelmap_find(map, v, s);
	memo_put(m, s, len, val);
	return val;
}

/* 1 when the law type value names public law. */
static int
is_public(const char *v)
{
	return v != NULL && strncasecmp(v, "public", 6) == 0;
}

/* Load the vocabulary NAME into *v; -1 with err set. */
static int
load_vocab(struct vocab **v, const char *name, char *err, size_t errsz)
{
	*v = vocab_load_named(name, err, errsz);
	return *v == NULL ? -1 : 0;
}

struct annexa *
annexa_new(const struct annexa_config *cfg, char *err, size_t errsz)
{
	struct annexa *a = xcalloc(1, sizeof *a);
	size_t i;

	a->cfg = *cfg;
	strbuf_init(&a->msg);
	strbuf_init(&a->tmp);
	if ((a->fm = fieldmap_load_named("annexa", err, errsz)) == NULL ||
	    load_vocab(&a->gender, "gender", err, errsz) == -1 ||
	    load_vocab(&a->disability, "disability", err, errsz) == -1 ||
	    load_vocab(&a->lawtype, "law-type", err, errsz) == -1 ||
	    load_vocab(&a->yesno, "yes-no", err, errsz) == -1 ||
	    (a->strata = strata_load(err, errsz)) == NULL ||
	    (a->names = casename_load(err, errsz)) == NULL ||
	    (cfg->map != NULL &&
	     (a->map = labelmap_load(cfg->map, cfg->csv_flags, err, errsz)) == NULL) ||
	    (a->idform = idform_new(cfg->id_pattern, err, errsz)) == NULL) {
		annexa_free(a);
		return NULL;
	}
	strata_set_map(a->strata, a->map);
	labels_init(&a->unknown_case);
	for (i = 0; i < NENUMS; i++)
		labels_init(&a->unknown_enum[i]);
	a->vcache = cases_vcache_new();
	a->law_attr = xcalloc(vocab_count(a->lawtype) + 1, sizeof *a->law_attr);
	for (i = 0; i < vocab_count(a->lawtype); i++)
		a->law_attr[i] = strata_law_name(vocab_attr(a->lawtype, i, "law_type"));
	a->m_gender = memo_new(MEMO_MAX);
	a->m_disability = memo_new(MEMO_MAX);
	a->m_law = memo_new(MEMO_MAX);
	a->m_case = memo_new(MEMO_MAX);
	a->m_name = memo_new_large(NAMES_MAX);
	a->m_yesno = memo_new(MEMO_MAX);
	a->yes = vocab_find(a->yesno, "Y");
	strbuf_init(&a->childkey);
	a->classes = xcalloc(MEMO_MAX + 1, sizeof *a->classes);
	a->tally = tally_new(a->lawtype, a->strata);
	for (i = 0; i < F_NFIELDS; i++)
		a->col[i] = -1;
	dates_format(cfg->as_of, a->as_of);
	/* 18 years hold 4 or 5 leap days: outside these bounds the age is plain. */
	a->adult_surely = cfg->as_of - (18 * 365 + 6);
	a->minor_surely = cfg->as_of - (18 * 365 + 3);
	a->law_public = xcalloc(vocab_count(a->lawtype) + 1, 1);
	for (i = 0; i < vocab_count(a->lawtype); i++)
		a->law_public[i] = is_public(vocab_value(a->lawtype, i));
	a->case_public = xcalloc(vocab_count(strata_casetypes(a->strata)) + 1, 1);
	for (i = 0; i < vocab_count(strata_casetypes(a->strata)); i++)
		a->case_public[i] =
		    is_public(vocab_attr(strata_casetypes(a->strata), i, "law_type"));
	return a;
}

void
annexa_free(struct annexa *a)
{
	size_t i;

	if (a == NULL)
		return;
	free(a->reqcols);
	free(a->law_public);
	free(a->case_public);
	for (i = 0; i < a->ncols; i++)
		free(a->hdr[i]);
	free(a->hdr);
	if (a->bind.column != NULL)
		fieldmap_unbind(&a->bind);
	memo_free(a->m_gender);
	memo_free(a->m_disability);
	memo_free(a->m_law);
	memo_free(a->m_case);
	memo_free(a->m_name);
	memo_free(a->m_yesno);
	idset_free(a->children);
	strbuf_free(&a->childkey);
	free(a->classes);
	tally_free(a->tally);
	cases_free(a->cases);
	cases_vcache_free(a->vcache);
	free(a->law_attr);
	idform_free(a->idform);
	labelmap_free(a->map);
	labels_free(&a->unknown_case);
	for (i = 0; i < NENUMS; i++)
		labels_free(&a->unknown_enum[i]);
	casename_free(a->names);
	strata_free(a->strata);
	vocab_free(a->gender);
	vocab_free(a->disability);
	vocab_free(a->lawtype);
	vocab_free(a->yesno);
	fieldmap_free(a->fm);
	strbuf_free(&a->msg);
	strbuf_free(&a->tmp);
	free(a);
}

/* Count a finding by rule and severity. */
void
annexa_count_finding(struct annexa *a, enum annexa_rule rule)
{
	a->sum.by_rule[rule]++;
	if (rules[rule].sev == ANNEXA_ERROR)
		a->sum.errors++;
	else
		a->sum.warnings++;
}

/* Raise a finding on line in column (NULL for none). */
static void __attribute__((format(printf, 5, 6)))
emit(struct annexa *a, unsigned long line, const char *column, enum annexa_rule rule,
     const char *fmt, ...)
{
	struct annexa_finding f;
	va_list ap;

	va_start(ap, fmt);
	strbuf_reset(&a->msg);
	strbuf_vprintf(&a->msg, fmt, ap);
	va_end(ap);
	annexa_count_finding(a, rule);
	f.line = line;
	f.column = column;
	f.rule = rule;
	f.message = a->msg.buf;
	if (a->emit != NULL)
		a->emit(a->arg, &f);
}

/* The header name of field f's column. */
static const char *
colname(const struct annexa *a, enum field f)
{
	return a->hdr[a->col[f]];
}

/*
 * A header name fit to print on one line: trimmed, control bytes as spaces,
 * and bytes of invalid UTF-8 as '?'.
 */
static char *
clean_header(const char *s, size_t len)
{
	char *h = text_trimdup(s);
	unsigned char *p;
	int ok = utf8_valid(s, len, NULL);

	for (p = (unsigned char *)h; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			*p = ' ';
		else if (!ok && *p >= 0x80)
			*p = '?';
	return h;
}

/*
 * The fields added in September 2025: the file is in that form when it has a
 * Child ID, Child seen, Section 7 or Audit column (a Date filed or Date closed
 * column alone is not: local lists carry one), and then all six are required
 * columns with required values.
 */
static void
bind_2025(struct annexa *a, unsigned long line)
{
	size_t i;
	long fi;

	for (i = F_CHILD_ID; i < F_NFIELDS; i++)
		a->sum.fields2025 += a->col[i] >= 0;
	for (i = 0; i < sizeof form2025_fields / sizeof form2025_fields[0]; i++)
		a->sum.form2025 |= a->col[form2025_fields[i]] >= 0;
	if (!a->sum.form2025)
		return;
	a->children = idset_new();
	for (i = F_CHILD_ID; i < F_NFIELDS; i++) {
		fi = fieldmap_index(a->fm, field_keys[i]);
		if (a->col[i] >= 0)
			a->reqcols[a->nreq++] = a->col[i];
		else if (fi >= 0)
			emit(a, line, fieldmap_name(a->fm, (size_t)fi), ANNEXA_MISSING_COLUMN,
			     "required column %s is absent (the file has other fields of the "
			     "September 2025 form)",
			     fieldmap_name(a->fm, (size_t)fi));
	}
}

/* Bind the header record; raise missing-column and duplicate-column. */
static void
bind_header(struct annexa *a, const struct csvio_record *r)
{
	size_t i, nf;
	long fi;

	if (r->flags & CSVIO_BAD_UTF8)
		emit(a, r->line, NULL, ANNEXA_ENCODING,
		     "the header has bytes that are not valid UTF-8 (is it Windows-1252? try "
		     "--encoding cp1252)");
	a->ncols = r->nfields;
	a->hdr = xcalloc(r->nfields + 1, sizeof *a->hdr);
	for (i = 0; i < r->nfields; i++)
		a->hdr[i] = clean_header(r->fields[i], r->lens[i]);
	fieldmap_bind(a->fm, (const char *const *)a->hdr, a->ncols, &a->bind);
	nf = fieldmap_count(a->fm);
	for (i = 0; i < nf; i++)
		if (a->bind.column[i] < 0 && fieldmap_required(a->fm, i))
			emit(a, r->line, fieldmap_name(a->fm, i), ANNEXA_MISSING_COLUMN,
			     "required column %s is absent", fieldmap_name(a->fm, i));
	for (i = 0; i < a->bind.nduplicates; i++) {
		size_t c = a->bind.duplicates[i];

		fi = fieldmap_match(a->fm, a->hdr[c]);
		emit(a, r->line, a->hdr[c], ANNEXA_DUPLICATE_COLUMN,
		     "column %zu maps to field %s, already given by column %ld", c + 1,
		     fi >= 0 ? fieldmap_name(a->fm, (size_t)fi) : "?",
		     fi >= 0 ? a->bind.column[fi] + 1 : 0L);
	}
	for (i = 0; i < F_NFIELDS; i++) {
		fi = fieldmap_index(a->fm, field_keys[i]);
		a->col[i] = fi >= 0 ? a->bind.column[fi] : -1;
	}
	a->reqcols = xcalloc(nf + 1, sizeof *a->reqcols);
	for (i = 0; i < nf; i++)
		if (fieldmap_required(a->fm, i) && a->bind.column[i] >= 0)
			a->reqcols[a->nreq++] = a->bind.column[i];
	bind_2025(a, r->line);
}

/* The value of field f in r, or NULL when the column is absent or not UTF-8. */
static const char *
value(const struct annexa *a, const struct csvio_record *r, const unsigned char *bad, enum field f,
      size_t *len)
{
	long c = a->col[f];

	if (c < 0 || (bad != NULL && bad[c]))
		return NULL;
	*len = r->lens[c];
	return r->fields[c];
}

/* Trim s[0..*len) in place of the pointer and length (inlined: eight calls a row). */
static inline const char *
trim(const char *s, size_t *len)
{
	while (*len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		(*len)--;
	}
	while (*len > 0 && (s[*len - 1] == ' ' || s[*len - 1] == '\t'))
		(*len)--;
	return s;
}

/* Raise required for each required field whose value is blank. */
static void
check_required(struct annexa *a, const struct csvio_record *r, const unsigned char *bad)
{
	size_t i;
	long c;
	const char *p;

	for (i = 0; i < a->nreq; i++) {
		c = a->reqcols[i];
		p = r->fields[c];
		if (*p != '\0' && *p != ' ' && *p != '\t')
			continue; /* the common case, without a call */
		if ((bad == NULL || !bad[c]) && text_blank(p))
			emit(a, r->line, a->hdr[c], ANNEXA_REQUIRED, "required value is blank");
	}
}

/* Note the Case ID's form and keep it (upper case) for check_case(). */
static void
check_case_id(struct annexa *a, const struct csvio_record *r, const unsigned char *bad)
{
	const char *s;
	size_t len, i;

	a->idlen = 0;
	if ((s = value(a, r, bad, F_CASE_ID, &len)) == NULL)
		return;
	s = trim(s, &len);
	if (len == 0)
		return;
	if (len > sizeof a->idbuf)
		len = sizeof a->idbuf; /* longer IDs are told apart by their first 64 bytes */
	for (i = 0; i < len; i++)
		a->idbuf[i] = (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 'a' + 'A') : s[i];
	a->idlen = len;
	idform_add(a->idform, a->idbuf, len, r->line);
}

/* The header names of the case-level fields set in mask, into a->tmp. */
static const char *
field_names(struct annexa *a, unsigned mask)
{
	int f, n = 0;

	strbuf_reset(&a->tmp);
	for (f = 0; f < CASES_NFIELDS; f++)
		if (mask & (1u << f))
			strbuf_printf(&a->tmp, "%s%s", n++ ? ", " : "",
			              a->col[case_fields[f]] >= 0 ? colname(a, case_fields[f])
			                                          : cases_field_keys[f]);
	return a->tmp.buf;
}

/*
 * 2025 form: a child is on one row of its case. A Case ID + Child ID seen
 * before is a duplicate-id (unless the whole row repeats, said already);
 * 1 when raised.
 */
static int
check_child(struct annexa *a, const struct csvio_record *r, const unsigned char *bad,
            enum cases_kind kind)
{
	const char *s;
	size_t len = 0, i;
	unsigned long first;

	if ((s = value(a, r, bad, F_CHILD_ID, &len)) == NULL)
		return 0;
	s = trim(s, &len);
	if (len == 0)
		return 0;
	strbuf_reset(&a->childkey);
	strbuf_add(&a->childkey, a->idbuf, a->idlen);
	strbuf_addch(&a->childkey, '\x1f');
	for (i = 0; i < len; i++)
		strbuf_addch(&a->childkey,
		             (s[i] >= 'a' && s[i] <= 'z') ? (char)(s[i] - 'a' + 'A') : s[i]);
	first = idset_add(a->children, a->childkey.buf, a->childkey.len, r->line);
	if (first == 0 || kind == CASES_REPEAT)
		return 0;
	emit(a, r->line, colname(a, F_CHILD_ID), ANNEXA_DUPLICATE_ID,
	     "this Case ID and Child ID are already on line %lu: a child has one row in its case",
	     first);
	return 1;
}

/*
 * The row among the rows of its case: duplicate-id (a row repeated),
 * case-conflict (case-level fields that differ), siblings counted; and the
 * case in or out of the national sample's frame.
 */
static void
check_case(struct annexa *a, const struct csvio_record *r, const unsigned char *bad, long law,
           const struct strata_class *c)
{
	uint32_t h[CASES_NFIELDS];
	struct cases_verdict v;
	const char *s;
	size_t len = 0;
	long slot = -1;
	int f, first = -1;

	if (a->idlen == 0)
		return;
	for (f = 0; f < CASES_NFIELDS; f++) {
		s = value(a, r, bad, case_fields[f], &len);
		if (s != NULL)
			s = trim(s, &len);
		h[f] = f == CASES_LAW_TYPE    ? cases_entry_hash(law, s, len)
		       : f == CASES_CASE_TYPE ? cases_entry_hash(c ? c->casetype : -1, s, len)
		       : s != NULL            ? cases_vcache_hash(a->vcache, f, s, len)
		                              : 0;
	}
	if (strata_eligible(c, law >= 0 ? a->law_attr[law] : NULL) == STRATA_ELIGIBLE &&
	    (s = value(a, r, bad, F_SERVICE_AREA, &len)) != NULL && !text_blank(s))
		slot = strata_slot(c->stratum, c->quota);
	/* csvbatch's records lie end to end (csvbatch.h): hashed in place, unchecked */
	cases_add(a->cases, a->idbuf, a->idlen, r->line, h,
	          cases_span_hash(r->fields[0], (size_t)(r->fields[r->nfields - 1] - r->fields[0]) +
	                                            r->lens[r->nfields - 1] + 1),
	          slot, &v);
	if (v.kind == CASES_NEW && slot >= 0)
		tally_frame(a->tally, slot, 1);
	if (v.uncount)
		tally_frame(a->tally, v.slot, -1);
	if (a->children != NULL && check_child(a, r, bad, v.kind))
		; /* the same child again: no further child of the case */
	else if (v.kind == CASES_SIBLING)
		a->sum.siblings++;
	else if (v.kind == CASES_REPEAT)
		emit(a, r->line, colname(a, F_CASE_ID), ANNEXA_DUPLICATE_ID,
		     "the row repeats line %lu exactly", v.other);
	else if (v.kind == CASES_CONFLICT) {
		for (f = 0; f < CASES_NFIELDS && first < 0; f++)
			if (v.differ & (1u << f))
				first = f;
		emit(a, r->line,
		     a->col[case_fields[first]] >= 0 ? colname(a, case_fields[first]) : NULL,
		     ANNEXA_CASE_CONFLICT,
		     "this Case ID's first row (line %lu) has another %s: the case-level fields "
		     "of a case's rows must agree",
		     v.other, field_names(a, v.differ));
	}
}

/* bad-date, dob-future and age-out-of-range. */
static void
check_dob(struct annexa *a, const struct csvio_record *r, const unsigned char *bad)
{
	const char *s;
	size_t len = 0;
	date_t dob;

	if ((s = value(a, r, bad, F_DOB, &len)) == NULL || text_blank(s))
		return;
	if (dates_parse_len(s, len, &dob) == -1) {
		emit(a, r->line, colname(a, F_DOB), ANNEXA_BAD_DATE,
		     "date of birth is not a valid date (YYYY-MM-DD or DD/MM/YYYY)");
		return;
	}
	if (dob > a->cfg.as_of)
		emit(a, r->line, colname(a, F_DOB), ANNEXA_DOB_FUTURE,
		     "date of birth is after %s (--as-of)", a->as_of);
	else if (dob > a->minor_surely)
		return;
	else if (dob <= a->adult_surely || dates_age(dob, a->cfg.as_of) >= 18)
		emit(a, r->line, colname(a, F_DOB), ANNEXA_AGE_OUT_OF_RANGE,
		     "child is aged 18 or over on %s", a->as_of);
}

/* The allowed values of v, comma separated, into a->tmp. */
static const char *
allowed(struct annexa *a, const struct vocab *v)
{
	size_t i;

	strbuf_reset(&a->tmp);
	for (i = 0; i < vocab_count(v); i++)
		strbuf_printf(&a->tmp, "%s%s", i ? ", " : "", vocab_value(v, i));
	return a->tmp.buf;
}

/*
 * Check an enumerated field; its vocabulary index, -1 unknown (tallied for
 * one enum finding a column), -2 blank/absent.
 */
static long
check_enum(struct annexa *a, const struct csvio_record *r, const unsigned char *bad, enum field f,
           struct memo *m, const struct vocab *v)
{
	const char *s;
	size_t len = 0, k;
	long idx;

	if ((s = value(a, r, bad, f, &len)) == NULL || text_blank(s))
		return -2;
	if ((idx = memo_vocab(m, v, f == F_LAW_TYPE ? a->map : NULL, s, len)) < 0) {
		for (k = 0; k < NENUMS && enum_fields[k] != f; k++)
			;
		labels_add(&a->unknown_enum[k], s, len, r->line);
	}
	return idx;
}

/* Classify the case type through the memo; NULL when blank or absent. */
static const struct strata_class *
classify(struct annexa *a, const struct csvio_record *r, const unsigned char *bad)
{
	const char *s;
	size_t len = 0;
	long i;

	if ((s = value(a, r, bad, F_CASE_TYPE, &len)) == NULL || text_blank(s))
		return NULL;
	if (memo_get(a->m_case, s, len, &i))
		return &a->classes[i];
	i = a->nclasses < MEMO_MAX ? (long)a->nclasses : MEMO_MAX;
	strata_classify(a->strata, s, &a->classes[i]);
	if (i < MEMO_MAX && memo_put(a->m_case, s, len, i) == 0)
		a->nclasses++;
	return &a->classes[i];
}

/* Count the record's service area. */
static void
count_area(struct annexa *a, const struct csvio_record *r, const unsigned char *bad)
{
	const char *s;
	size_t len = 0;

	if ((s = value(a, r, bad, F_SERVICE_AREA, &len)) == NULL)
		return;
	s = trim(s, &len);
	if (len > 0)
		tally_area(a->tally, s, len);
}

/* 1 when the record has no local authority (blank or no such column). */
static int
la_missing(const struct annexa *a, const struct csvio_record *r, const unsigned char *bad)
{
	long c = a->col[F_LOCAL_AUTHORITY];

	if (c < 0)
		return 1;
	if (bad != NULL && bad[c])
		return 0;
	return text_blank(r->fields[c]);
}

/* Case type, law type and local authority rules; counts and strata. */
static int
check_types(struct annexa *a, const struct csvio_record *r, const unsigned char *bad, long *lawp,
            const struct strata_class **cp)
{
	const struct strata_class *c;
	long law;
	const char *lawv = NULL, *s;
	size_t len = 0;
	int pub = -1; /* from the Law type, else the case type; -1 unknown */

	law = check_enum(a, r, bad, F_LAW_TYPE, a->m_law, a->lawtype);
	tally_law(a->tally, law);
	if (law >= 0) {
		lawv = vocab_value(a->lawtype, (size_t)law);
		pub = a->law_public[law];
	}
	c = classify(a, r, bad);
	*lawp = law;
	*cp = c;
	tally_case(a->tally, c);
	if (c != NULL && c->casetype < 0) {
		s = value(a, r, bad, F_CASE_TYPE, &len);
		labels_add(&a->unknown_case, s, len, r->line);
	} else if (c != NULL && pub >= 0 && c->law_type != NULL &&
	           pub != a->case_public[c->casetype]) {
		emit(a, r->line, colname(a, F_LAW_TYPE), ANNEXA_LAW_TYPE_MISMATCH,
		     "case type %s is %s law but the law type is %s",
		     vocab_value(strata_casetypes(a->strata), (size_t)c->casetype), c->law_type,
		     lawv);
	}
	if (pub < 0 && c != NULL && c->casetype >= 0)
		pub = a->case_public[c->casetype];
	if (pub == 1 && la_missing(a, r, bad))
		emit(a, r->line,
		     a->col[F_LOCAL_AUTHORITY] >= 0 ? colname(a, F_LOCAL_AUTHORITY)
		                                    : "Local authority (Public law)",
		     ANNEXA_PUBLIC_LAW_NEEDS_LA, "public law case with no local authority");
	return pub;
}

/*
 * A case date of field f: its day number, or -1 when blank, absent or not a
 * date (bad-date) or after --as-of (case-date-future).
 */
static date_t
case_date(struct annexa *a, const struct csvio_record *r, const unsigned char *bad, enum field f)
{
	const char *s, *why;
	size_t len = 0;
	date_t d;

	if ((s = value(a, r, bad, f, &len)) == NULL || text_blank(s))
		return -1;
	if (dates_parse_len(s, len, &d) == -1) {
		why = dates_parse_error(s);
		emit(a, r->line, colname(a, f), ANNEXA_BAD_DATE, "%s: %s",
		     f == F_START ? "case start date" : "case end date", why ? why : "not a date");
		return -1;
	}
	if (d > a->cfg.as_of) {
		emit(a, r->line, colname(a, f), ANNEXA_CASE_DATE_FUTURE, "%s is after %s (--as-of)",
		     f == F_START ? "case start date" : "case end date", a->as_of);
		return -1;
	}
	return d;
}

/*
 * The fields added in September 2025: the case dates (start <= end <= as-of,
 * the end within the two weeks before --as-of, counted for one finding), the
 * Y/N fields, and a section 7 report only in private law.
 */
static void
check_2025(struct annexa *a, const struct csvio_record *r, const unsigned char *bad, int pub)
{
	date_t start = case_date(a, r, bad, F_START), end = case_date(a, r, bad, F_END);
	long s7;

	if (start >= 0 && end >= 0 && start > end)
		emit(a, r->line, colname(a, F_START), ANNEXA_DATE_ORDER,
		     "case start date is after the case end date");
	if (end >= 0 && end < a->cfg.as_of - ANNEXA_WINDOW_DAYS) {
		if (a->sum.outside_window < WINDOW_LINES)
			a->window_lines[a->sum.outside_window] = r->line;
		a->sum.outside_window++;
	}
	if (!a->sum.form2025)
		return;
	check_enum(a, r, bad, F_SEEN, a->m_yesno, a->yesno);
	check_enum(a, r, bad, F_AUDIT, a->m_yesno, a->yesno);
	s7 = check_enum(a, r, bad, F_S7, a->m_yesno, a->yesno);
	if (s7 >= 0 && s7 == a->yes && pub == 1)
		emit(a, r->line, colname(a, F_S7), ANNEXA_S7_PRIVATE_LAW_ONLY,
		     "a section 7 report is filed only in private law, and this is a public law "
		     "case");
}

/* Case name heuristic. */
static void
check_case_name(struct annexa *a, const struct csvio_record *r, const unsigned char *bad)
{
	const char *s;
	size_t len = 0;

	long hit;

	if ((s = value(a, r, bad, F_CASE_NAME, &len)) == NULL || text_blank(s))
		return;
	/* Court references repeat ("Re A (A Child)"): remember the verdicts. */
	if (!memo_get(a->m_name, s, len, &hit)) {
		hit = casename_identifying(a->names, s);
		if (memo_count(a->m_name) < NAMES_MAX) /* else it cannot be kept: spare the probe */
			memo_put(a->m_name, s, len, hit);
	}
	if (hit)
		emit(a, r->line, colname(a, F_CASE_NAME), ANNEXA_IDENTIFYING_CASE_NAME,
		     "case name reads as a person's full name; use a court reference such as "
		     "Re A (A Child)");
}

/*
 * Mark the fields that are not valid UTF-8 in bad[] (ncols bytes) and raise
 * one encoding finding for the record.
 */
static void
check_encoding(struct annexa *a, const struct csvio_record *r, unsigned char *bad)
{
	size_t i;

	for (i = 0; i < r->nfields && i < a->ncols; i++)
		bad[i] = !utf8_valid(r->fields[i], r->lens[i], NULL);
	emit(a, r->line, r->bad_field < a->ncols ? a->hdr[r->bad_field] : NULL, ANNEXA_ENCODING,
	     "bytes that are not valid UTF-8 (is it Windows-1252? try --encoding cp1252)");
}

/* Check one data record. */
static void
check_record(struct annexa *a, const struct csvio_record *r, unsigned char *badbuf)
{
	unsigned char *bad = NULL;
	const struct strata_class *c;
	long law;
	int pub;

	a->sum.records++;
	if (r->flags & CSVIO_UNTERMINATED) {
		emit(a, r->line, NULL, ANNEXA_MALFORMED_CSV,
		     "a quoted field is not closed before the end of the file");
		return;
	}
	if (r->flags & CSVIO_MALFORMED) {
		emit(a, r->line, NULL, ANNEXA_MALFORMED_CSV,
		     "a stray quote inside a field; the rest of the line was skipped");
		return;
	}
	if (r->flags & CSVIO_BLANK) {
		emit(a, r->line, NULL, ANNEXA_BLANK_ROW, "empty record");
		return;
	}
	if (r->nfields != a->ncols) {
		emit(a, r->line, NULL, ANNEXA_RAGGED_ROW, "%zu fields where the header has %zu",
		     r->nfields, a->ncols);
		return;
	}
	if (r->flags & CSVIO_BAD_UTF8) {
		bad = badbuf;
		check_encoding(a, r, bad);
	}
	check_required(a, r, bad);
	check_case_id(a, r, bad);
	check_case_name(a, r, bad);
	check_enum(a, r, bad, F_GENDER, a->m_gender, a->gender);
	check_enum(a, r, bad, F_DISABILITY, a->m_disability, a->disability);
	check_dob(a, r, bad);
	pub = check_types(a, r, bad, &law, &c);
	count_area(a, r, bad);
	check_case(a, r, bad, law, c);
	if (a->sum.fields2025 > 0)
		check_2025(a, r, bad, pub);
}

/*
 * 1 when a record cannot be read as text: malformed, unterminated, the wrong
 * number of fields, or holding a control character other than tab, CR and
 * LF, as binary data does and no export (UTF-8 or Windows-1252) does. Bytes
 * that are merely not UTF-8 are a Windows-1252 export read without
 * --encoding cp1252: findings, not garbage. Only records already flagged
 * (or all, with cp1252, where nothing is) are scanned.
 */
static int
unreadable(const struct annexa *a, const struct csvio_record *r)
{
	size_t i, j;

	if ((r->flags & (CSVIO_MALFORMED | CSVIO_UNTERMINATED)) || r->nfields != a->ncols)
		return 1;
	if (!(r->flags & CSVIO_BAD_UTF8) && !(a->cfg.csv_flags & CSVIO_CP1252))
		return 0;
	for (i = 0; i < r->nfields; i++)
		for (j = 0; j < r->lens[i]; j++)
			if ((unsigned char)r->fields[i][j] < 0x20 && r->fields[i][j] != '\t' &&
			    r->fields[i][j] != '\r' && r->fields[i][j] != '\n')
				return 1;
	return 0;
}

/*
 * Make the Case ID set, sized for a regular file from its size and the
 * length of the lines read ahead (a row an ID, and a tenth more), so that it
 * need not grow (each growth moves every ID); about 200 bytes a row when no
 * whole line is at hand. It is made here, not in annexa_new(), so that a set
 * of the default size is not allocated only to be replaced.
 */
static void
size_ids(struct annexa *a, FILE *fp, const struct csvio_reader *rd)
{
	struct stat st;
	size_t per, n = 0;

	if (a->cases != NULL && cases_count(a->cases) > 0)
		return;
	if (fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode)) {
		per = csvio_line_bytes(rd);
		n = (size_t)st.st_size / (per > 0 ? per : 200);
		n += n / 10;
	}
	if (a->cases == NULL || n > 0) {
		cases_free(a->cases);
		a->cases = cases_new(n);
	}
}

/*
 * With the Case IDs of a burst, where the same records' case names will be
 * looked up: their memo's front cache (hundreds of KB, read at random) is
 * loaded side by side with the IDs' slots, so that the misses overlap
 * (perf, 1M rows: memo_get 8% of the run, now 6%, the prefetch under 1%).
 * The case-level values' cache, loaded the same way, gained nothing
 * measurable.
 */
static void
prefetch_names(const struct annexa *a, const struct csvbatch *cb)
{
	const char *s;
	size_t k, len = 0;

	for (k = PREFETCH_AHEAD; a->col[F_CASE_NAME] >= 0 && k < PREFETCH_AHEAD + PREFETCH_BURST;
	     k++)
		if ((s = csvbatch_peek(cb, k, (size_t)a->col[F_CASE_NAME], &len)) != NULL)
			memo_prefetch(a->m_name, s, len);
}

int
annexa_check(struct annexa *a, FILE *fp, const char *name, annexa_emit_fn fn, void *arg, char *err,
             size_t errsz)
{
	struct csvio_reader *rd;
	struct csvio_record *r;
	struct csvbatch *cb;
	unsigned char *bad = NULL;
	const char *ahead[PREFETCH_BURST];
	size_t alen[PREFETCH_BURST], run = 0, nrec = 0, k, nb;
	int rc;

	a->name = name;
	a->emit = fn;
	a->arg = arg;
	rd = csvio_open(fp, name, a->cfg.csv_flags);
	rc = csvio_next(rd, &r);
	if (rc <= 0 || (r->flags & CSVIO_BLANK)) {
		if (rc == -1)
			snprintf(err, errsz, "%s: %s", name, csvio_error(rd));
		else
			snprintf(err, errsz, "%s:1: no header row", name);
		csvio_close(rd);
		return -1;
	}
	bind_header(a, r);
	bad = xcalloc(a->ncols + 1, 1);
	size_ids(a, fp, rd);
	cb = csvbatch_start(rd);
	while ((rc = csvbatch_next(cb, &r)) == 1) {
		/* Case IDs hash all over a large table: load slots ahead of need. */
		if (a->col[F_CASE_ID] >= 0 && nrec++ % PREFETCH_BURST == 0) {
			for (k = 0, nb = 0; k < PREFETCH_BURST; k++)
				if ((ahead[nb] =
				         csvbatch_peek(cb, PREFETCH_AHEAD + k,
				                       (size_t)a->col[F_CASE_ID], &alen[nb])))
					nb++;
			cases_prefetch(a->cases, ahead, alen, nb);
			prefetch_names(a, cb);
		}
		check_record(a, r, bad);
		if (r->flags & CSVIO_BLANK)
			; /* an empty line neither breaks a run nor adds to it */
		else if (!unreadable(a, r))
			run = run > READABLE_CREDIT ? run - READABLE_CREDIT : 0;
		else if (++run >= UNREADABLE_RUN) {
			snprintf(err, errsz,
			         "%s:%lu: %d records could not be read (binary data, malformed or "
			         "with the wrong number of fields), with hardly a readable one "
			         "between: stopping; is this an Annex A CSV extract?",
			         name, r->line, UNREADABLE_RUN);
			rc = -2;
			break;
		}
	}
	if (rc == -1)
		snprintf(err, errsz, "%s: %s", name, csvbatch_error(cb));
	csvbatch_stop(cb);
	a->sum.lines = csvio_lines(rd);
	free(bad);
	csvio_close(rd);
	return rc < 0 ? -1 : 0;
}

/* Raise case-id-form once for the Case IDs that do not fit the file's form. */
static void
id_form_finding(struct annexa *a)
{
	struct idform_result r;
	struct strbuf lines;
	size_t i;

	idform_result(a->idform, &r);
	a->sum.id_form = r.form;
	a->sum.id_form_learnt = r.learnt;
	a->sum.id_misfits = r.misfits;
	if (r.form == NULL || r.misfits == 0)
		return;
	strbuf_init(&lines);
	for (i = 0; i < r.nlines; i++)
		strbuf_printf(&lines, "%s%lu", i ? ", " : "", r.lines[i]);
	if (r.misfits > r.nlines)
		strbuf_adds(&lines, ", ...");
	emit(a, r.lines[0], a->col[F_CASE_ID] >= 0 ? colname(a, F_CASE_ID) : NULL,
	     ANNEXA_CASE_ID_FORM, "%lu of %lu Case IDs do not fit %s %s (line%s %s)", r.misfits,
	     r.ids, r.learnt ? "the file's own form" : "--id-pattern", r.form,
	     r.misfits == 1 ? "" : "s", lines.buf);
	strbuf_free(&lines);
}

/* Raise closed-outside-window once for the rows closed before the two weeks. */
static void
window_finding(struct annexa *a)
{
	struct strbuf lines;
	unsigned long n = a->sum.outside_window, i;
	char from[DATES_ISO_LEN];

	if (n == 0)
		return;
	strbuf_init(&lines);
	for (i = 0; i < n && i < WINDOW_LINES; i++)
		strbuf_printf(&lines, "%s%lu", i ? ", " : "", a->window_lines[i]);
	if (n > WINDOW_LINES)
		strbuf_adds(&lines, ", ...");
	dates_format(a->cfg.as_of - ANNEXA_WINDOW_DAYS, from);
	emit(a, a->window_lines[0], colname(a, F_END), ANNEXA_CLOSED_OUTSIDE_WINDOW,
	     "%lu row%s closed before %s, outside the two weeks before %s (--as-of) that the "
	     "closed-case list covers (line%s %s)",
	     n, n == 1 ? "" : "s", from, a->as_of, n == 1 ? "" : "s", lines.buf);
	strbuf_free(&lines);
}

/* The rows of the values an enum finding describes. */
static unsigned long
enum_listed_rows(const struct labels *l)
{
	unsigned long n = 0;
	size_t i;

	for (i = 0; i < l->n && i < ENUM_LISTED; i++)
		n += l->v[i].n;
	return n;
}

/* The vocabulary of enum_fields[k]. */
static const struct vocab *
enum_vocab(const struct annexa *a, size_t k)
{
	switch (enum_fields[k]) {
	case F_GENDER:
		return a->gender;
	case F_DISABILITY:
		return a->disability;
	case F_LAW_TYPE:
		return a->lawtype;
	default:
		return a->yesno;
	}
}

/*
 * Raise enum once for each column with values outside its vocabulary: how
 * many rows, the allowed values, and each distinct value with its count,
 * first lines and a "did you mean". The values are numbered, never printed:
 * a value outside a column's vocabulary may be anything (a name or free text
 * in the wrong column), so even Law type's are not quoted.
 */
static void
enum_findings(struct annexa *a)
{
	const struct labels *l;
	struct strbuf m;
	size_t k, i;

	strbuf_init(&m);
	for (k = 0; k < NENUMS; k++) {
		l = &a->unknown_enum[k];
		if (l->total == 0)
			continue;
		strbuf_reset(&m);
		strbuf_printf(
		    &m,
		    "%lu row%s with a value not one of: %s; %zu distinct (not quoted): ", l->total,
		    l->total == 1 ? "" : "s", allowed(a, enum_vocab(a, k)), l->n + (l->rest > 0));
		for (i = 0; i < l->n && i < ENUM_LISTED; i++) {
			strbuf_adds(&m, i ? "; " : "");
			labels_describe(l, i, enum_vocab(a, k), 0, &m);
		}
		if (l->n > ENUM_LISTED || l->rest > 0)
			strbuf_printf(&m, "; and %lu more row%s with other values",
			              l->total - enum_listed_rows(l),
			              l->total - enum_listed_rows(l) == 1 ? "" : "s");
		emit(a, l->n > 0 ? l->v[0].lines[0] : l->rest_line, colname(a, enum_fields[k]),
		     ANNEXA_ENUM, "%s", m.buf);
	}
	strbuf_free(&m);
}

/* Raise unknown-case-type once for each distinct unknown label. */
static void
unknown_findings(struct annexa *a)
{
	const struct labels *l = &a->unknown_case;
	struct strbuf m;
	size_t i;

	strbuf_init(&m);
	for (i = 0; i < l->n; i++) {
		strbuf_reset(&m);
		labels_describe(l, i, strata_casetypes(a->strata), 1, &m);
		emit(a, l->v[i].lines[0], colname(a, F_CASE_TYPE), ANNEXA_UNKNOWN_CASE_TYPE,
		     "case type not in the vocabulary, %s; those rows cannot be classified or "
		     "sampled: map the label with --map",
		     m.buf);
	}
	if (l->rest > 0)
		emit(a, l->rest_line, colname(a, F_CASE_TYPE), ANNEXA_UNKNOWN_CASE_TYPE,
		     "%lu more rows with case types not in the vocabulary (over %d distinct "
		     "labels)",
		     l->rest, LABELS_MAX);
	strbuf_free(&m);
}

/* Raise sample-shortfall for a feasibility line that falls short. */
static void
shortfall(struct annexa *a, const struct annexa_feasibility *f)
{
	if (f->available >= f->required)
		return;
	if (f->quota == NULL)
		emit(a, 0, NULL, ANNEXA_SAMPLE_SHORTFALL,
		     "national sample stratum %s: %lu cases available, %lu required", f->stratum,
		     f->available, f->required);
	else if (strcmp(f->quota, "other") == 0)
		emit(a, 0, NULL, ANNEXA_SAMPLE_SHORTFALL,
		     "national sample stratum %s outside its quotas: %lu cases available, %lu "
		     "required",
		     f->stratum, f->available, f->required);
	else
		emit(a, 0, NULL, ANNEXA_SAMPLE_SHORTFALL,
		     "national sample stratum %s quota %s: %lu cases available, %lu required",
		     f->stratum, f->quota, f->available, f->required);
}

void
annexa_finish(struct annexa *a, annexa_emit_fn fn, void *arg)
{
	size_t i;

	if (a->finished)
		return;
	a->finished = 1;
	a->emit = fn;
	a->arg = arg;
	id_form_finding(a);
	window_finding(a);
	enum_findings(a);
	unknown_findings(a);
	tally_summarise(a->tally, &a->sum);
	for (i = 0; i < a->sum.nfeasible; i++)
		shortfall(a, &a->sum.feasible[i]);
	a->sum.ids = a->cases != NULL ? cases_count(a->cases) : 0;
	a->sum.id_bytes = a->cases != NULL ? cases_bytes(a->cases) : 0;
}

const struct annexa_summary *
annexa_summary(const struct annexa *a)
{
	return &a->sum;
}
