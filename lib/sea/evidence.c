/*
 * evidence.c: reading evidence records from CSV or NDJSON, normalising
 * their values and checking them against the evaluation schedule.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/csvio.h"
#include "core/datadir.h"
#include "core/dates.h"
#include "core/fieldmap.h"
#include "sea/evidence.h"

#include "core/jsonio.h"
#include "core/output.h"
#include "core/rx.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "sea/schedule.h"

/* The largest evidence file read (it is held whole): beyond it, an error. */

struct evidence_reader {
	const struct schedule *sched;
	struct fieldmap *fm;
	long key_field[EV_NKEYS]; /* fieldmap index of each key */
	struct strbuf tmp, norm;
};

static const char *const key_names[EV_NKEYS] = {
    "inspector", "date",    "time",    "source", "case_ref", "service_area",  "judgement",
    "criteria",  "finding", "summary", "team",   "response", "response_date", "view",
};

const char *const evidence_sources[] = {
    "case-file", "observation", "interview", "meeting", "document", "audit", "survey", NULL,
};
const char *const evidence_findings[] = {"strength", "improvement", "concern", NULL};

const char *
evidence_key_name(enum evidence_key k)
{
	return k >= 0 && k < EV_NKEYS ? key_names[k] : "";
}

void
evidence_set_init(struct evidence_set *set)
{
	memset(set, 0, sizeof(*set));
}

void
evidence_record_free(struct evidence_record *rec)
{
	int k;

	for (k = 0; k < EV_NKEYS; k++)
		if (rec->owned & (1u << k))
			free(rec->v[k]);
	free(rec->block);
	free(rec->crit);
	memset(rec, 0, sizeof(*rec));
}

void
evidence_record_set(struct evidence_record *rec, enum evidence_key k, char *value)
{
	if (rec->owned & (1u << k))
		free(rec->v[k]);
	rec->v[k] = value;
	rec->owned |= 1u << k;
}

/* Fill rec's values with trimmed copies of v (NULL: "") in one block. */
static void
record_values(struct evidence_record *rec, const char *const *v)
{
	const char *start[EV_NKEYS];
	size_t len[EV_NKEYS], total = 0;
	char *p;
	int k;

	for (k = 0; k < EV_NKEYS; k++) {
		start[k] = v[k] != NULL ? text_trim(v[k], &len[k]) : "";
		if (v[k] == NULL)
			len[k] = 0;
		total += len[k] + 1;
	}
	p = rec->block = xmalloc(total);
	for (k = 0; k < EV_NKEYS; k++) {
		memcpy(p, start[k], len[k]);
		p[len[k]] = '\0';
		rec->v[k] = p;
		p += len[k] + 1;
	}
}

void
evidence_set_free(struct evidence_set *set)
{
	size_t i;

	for (i = 0; i < set->nrec; i++)
		evidence_record_free(&set->rec[i]);
	free(set->rec);
	free(set->rej);
	for (i = 0; i < set->nfiles; i++)
		free(set->files[i]);
	free(set->files);
	memset(set, 0, sizeof(*set));
}

/* Record a rejection of (file, line). */
static void
reject(struct evidence_set *set, size_t file, unsigned long line, const char *rule,
       const char *field)
{
	if (set->nrej == set->rejcap) {
		set->rejcap = set->rejcap == 0 ? 16 : set->rejcap * 2;
		set->rej = xreallocarray(set->rej, set->rejcap, sizeof(*set->rej));
	}
	set->rej[set->nrej].file = file;
	set->rej[set->nrej].line = line;
	set->rej[set->nrej].rule = rule;
	set->rej[set->nrej].why = NULL;
	set->rej[set->nrej].column = 0;
	set->rej[set->nrej++].field = field;
}

struct evidence_reader *
evidence_reader_new(const struct schedule *sched, char *err, size_t errsz)
{
	struct evidence_reader *rd = xcalloc(1, sizeof(*rd));
	int k;

	rd->sched = sched;
	strbuf_init(&rd->tmp);
	strbuf_init(&rd->norm);
	if ((rd->fm = fieldmap_load_named("evidence", err, errsz)) == NULL) {
		evidence_reader_free(rd);
		return NULL;
	}
	for (k = 0; k < EV_NKEYS; k++)
		if ((rd->key_field[k] = fieldmap_index(rd->fm, key_names[k])) < 0) {
			snprintf(err, errsz, "fields/evidence.json: no field \"%s\"", key_names[k]);
			evidence_reader_free(rd);
			return NULL;
		}
	return rd;
}

void
evidence_reader_free(struct evidence_reader *rd)
{
	if (rd == NULL)
		return;
	fieldmap_free(rd->fm);
	strbuf_free(&rd->tmp);
	strbuf_free(&rd->norm);
	free(rd);
}

/* The canonical value in list whose key matches s (case, spaces, dashes ignored). */
static const char *
canonical(struct evidence_reader *rd, const char *s, const char *const *list)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(s, list[i]) == 0)
			return list[i]; /* already canonical: the usual case */
	text_normkey(s, &rd->norm);
	for (i = 0; list[i] != NULL; i++) {
		text_normkey(list[i], &rd->tmp);
		if (strcmp(rd->norm.buf, rd->tmp.buf) == 0)
			return list[i];
	}
	return NULL;
}

/* 1 when c separates items of a list value (criteria, case refs). */
static int
is_sep(int c)
{
	return c == ';' || c == ',' || c == ' ' || c == '\t' || c == '|';
}

/* Order criterion numbers. */
static int
long_cmp(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* Parse "1; 7;9" into rec->crit; the rule broken, or NULL. */
static const char *
parse_criteria(struct evidence_reader *rd, const char *s, const char *judgement,
               struct evidence_record *rec)
{
	const char *p = s;
	size_t i, k;

	while (*p != '\0') {
		long n = 0;
		size_t digits = 0;

		if (is_sep((unsigned char)*p)) {
			p++;
			continue;
		}
		for (; *p >= '0' && *p <= '9'; p++, digits++)
			if (n < 100000)
				n = n * 10 + (*p - '0');
		if (digits == 0 || (*p != '\0' && !is_sep((unsigned char)*p)))
			return "bad-criteria";
		rec->crit = xreallocarray(rec->crit, rec->ncrit + 1, sizeof(long));
		rec->crit[rec->ncrit++] = n;
	}
	if (rec->ncrit > 1)
		qsort(rec->crit, rec->ncrit, sizeof(long), long_cmp);
	for (i = 0, k = 0; i < rec->ncrit; i++)
		if (k == 0 || rec->crit[k - 1] != rec->crit[i])
			rec->crit[k++] = rec->crit[i];
	rec->ncrit = k;
	for (i = 0; i < rec->ncrit; i++)
		if (schedule_find(rd->sched, judgement, rec->crit[i]) < 0)
			return "unknown-criterion";
	if (rec->ncrit == 0 && schedule_judgement_count(rd->sched, judgement) > 0)
		return "missing-criteria";
	strbuf_reset(&rd->tmp);
	for (i = 0; i < rec->ncrit; i++)
		strbuf_printf(&rd->tmp, "%s%ld", i > 0 ? ";" : "", rec->crit[i]);
	evidence_record_set(rec, EV_CRITERIA, xstrdup(rd->tmp.buf));
	return NULL;
}

/*
 * Normalise "CA1; CA2" into rec. Any form of reference is taken: the
 * handbook gives none (build-sea --identifiers checks them against the extract).
 */
static void
parse_case_refs(const char *s, struct evidence_record *rec)
{
	struct strbuf out;
	const char *p = s, *q;

	strbuf_init(&out);
	while (*p != '\0') {
		if (is_sep((unsigned char)*p)) {
			p++;
			continue;
		}
		for (q = p; *q != '\0' && !is_sep((unsigned char)*q); q++)
			;
		if (out.len > 0)
			strbuf_addch(&out, ';');
		strbuf_add(&out, p, (size_t)(q - p));
		p = q;
	}
	evidence_record_set(rec, EV_CASE_REF, strbuf_steal(&out));
	strbuf_free(&out);
}

/* Normalise the date of key k to ISO; 0, or -1 when it is not a date. */
static int
norm_date(struct evidence_record *rec, enum evidence_key k)
{
	date_t d;
	char iso[DATES_ISO_LEN];

	if (*rec->v[k] == '\0')
		return 0;
	if (dates_parse(rec->v[k], &d) == -1)
		return -1;
	evidence_record_set(rec, k, xstrdup(dates_format(d, iso)));
	return 0;
}

/* Normalise the time to HH:MM; 0, or -1 when it is not a time. */
static int
norm_time(struct evidence_record *rec)
{
	int m;

	if (*rec->v[EV_TIME] == '\0')
		return 0;
	if ((m = dates_parse_time(rec->v[EV_TIME])) < 0)
		return -1;
	evidence_record_set(rec, EV_TIME, xasprintf("%02d:%02d", m / 60, m % 60));
	return 0;
}

/* Replace value k by its canonical form in list; -1 when it has none. */
static int
norm_choice(struct evidence_reader *rd, struct evidence_record *rec, enum evidence_key k,
            const char *const *list)
{
	const char *c;

	if ((c = canonical(rd, rec->v[k], list)) == NULL)
		return -1;
	evidence_record_set(rec, k, xstrdup(c));
	return 0;
}

/* The schedule's judgements as a NULL-terminated list (into buf). */
static const char **
judgement_list(const struct schedule *s, const char **buf, size_t max)
{
	size_t i, n = schedule_njudgements(s);

	if (n >= max)
		n = max - 1;
	for (i = 0; i < n; i++)
		buf[i] = schedule_judgement(s, i);
	buf[n] = NULL;
	return buf;
}

int
evidence_check(struct evidence_reader *rd, const char *const *v, size_t file, unsigned long line,
               struct evidence_set *set, struct evidence_record *rec)
{
	static const enum evidence_key required[] = {EV_INSPECTOR, EV_DATE,    EV_SOURCE,
	                                             EV_JUDGEMENT, EV_FINDING, EV_SUMMARY};
	const char *jl[16], *rule;
	size_t before = set->nrej, i;
	int judgement_ok;

	memset(rec, 0, sizeof(*rec));
	rec->file = file;
	rec->line = line;
	record_values(rec, v);
	for (i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		if (*rec->v[required[i]] == '\0')
			reject(set, file, line, "required", key_names[required[i]]);
	if (norm_date(rec, EV_DATE) == -1)
		reject(set, file, line, "bad-date", key_names[EV_DATE]);
	if (norm_date(rec, EV_RESPONSE_DATE) == -1)
		reject(set, file, line, "bad-date", key_names[EV_RESPONSE_DATE]);
	if (norm_time(rec) == -1)
		reject(set, file, line, "bad-time", key_names[EV_TIME]);
	if (*rec->v[EV_SOURCE] != '\0' && norm_choice(rd, rec, EV_SOURCE, evidence_sources) == -1)
		reject(set, file, line, "bad-source", key_names[EV_SOURCE]);
	if (*rec->v[EV_FINDING] != '\0' &&
	    norm_choice(rd, rec, EV_FINDING, evidence_findings) == -1)
		reject(set, file, line, "bad-finding", key_names[EV_FINDING]);
	judgement_ok = *rec->v[EV_JUDGEMENT] != '\0' &&
	               norm_choice(rd, rec, EV_JUDGEMENT, judgement_list(rd->sched, jl, 16)) == 0;
	if (*rec->v[EV_JUDGEMENT] != '\0' && !judgement_ok)
		reject(set, file, line, "bad-judgement", key_names[EV_JUDGEMENT]);
	if (judgement_ok &&
	    (rule = parse_criteria(rd, rec->v[EV_CRITERIA], rec->v[EV_JUDGEMENT], rec)) != NULL)
		reject(set, file, line, rule, key_names[EV_CRITERIA]);
	parse_case_refs(rec->v[EV_CASE_REF], rec);
	set->nread++;
	if (set->nrej == before)
		return 0;
	set->nrejected++;
	evidence_record_free(rec);
	return -1;
}

/* Keep a checked record. */
static void
keep(struct evidence_set *set, struct evidence_record *rec)
{
	if (set->nrec == set->reccap) {
		set->reccap = set->reccap == 0 ? 64 : set->reccap * 2;
		set->rec = xreallocarray(set->rec, set->reccap, sizeof(*set->rec));
	}
	set->rec[set->nrec++] = *rec;
}

/* Check the raw values and keep the record when it passes. */
static void
check_keep(struct evidence_reader *rd, const char *const *v, size_t file, unsigned long line,
           struct evidence_set *set)
{
	struct evidence_record rec;

	if (evidence_check(rd, v, file, line, set, &rec) == 0)
		keep(set, &rec);
}

/*
 * The whole of fp in a new buffer; NULL on a read error or when the file is
 * larger than EVIDENCE_MAX_INPUT (*len is then that limit).
 */
static char *
slurp(FILE *fp, size_t *len)
{
	struct strbuf sb;
	char buf[65536], *buf2;
	size_t n;

	*len = 0;
	strbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0) {
		if (sb.len + n > EVIDENCE_MAX_INPUT) {
			strbuf_free(&sb);
			*len = EVIDENCE_MAX_INPUT;
			return NULL;
		}
		strbuf_add(&sb, buf, n);
	}
	if (ferror(fp)) {
		strbuf_free(&sb);
		return NULL;
	}
	*len = sb.len;
	buf2 = strbuf_steal(&sb);
	strbuf_free(&sb);
	return buf2;
}

/* 1 when the input is NDJSON: by its name, else by its first byte. */
static int
is_ndjson(const char *name, const char *buf, size_t len)
{
	size_t n = strlen(name), i = 0;
	static const char *const ext[] = {".ndjson", ".jsonl", ".json"};
	size_t k;

	for (k = 0; k < 3; k++)
		if (n > strlen(ext[k]) && strcmp(name + n - strlen(ext[k]), ext[k]) == 0)
			return 1;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
		i++;
	return i < len && buf[i] == '{';
}

/* The key of the evidence field a header or JSON key maps to, or -1. */
static long
key_of(const struct evidence_reader *rd, long field)
{
	int k;

	for (k = 0; k < EV_NKEYS; k++)
		if (rd->key_field[k] == field)
			return k;
	return -1;
}

/* Read the records of a CSV held in buf. */
static int
read_csv(struct evidence_reader *rd, char *buf, size_t len, size_t file, unsigned flags,
         struct evidence_set *set, char *err, size_t errsz)
{
	const char *name = set->files[file];
	struct csvio_reader *cr;
	struct csvio_record *rec;
	struct fieldmap_binding b;
	long col[EV_NKEYS];
	const char *v[EV_NKEYS];
	FILE *fp;
	int rc, k, ret = -1;

	if (len == 0 || (fp = fmemopen(buf, len, "r")) == NULL) {
		snprintf(err, errsz, "%s:1: no header row", name);
		return -1;
	}
	cr = csvio_open(fp, name, flags);
	if ((rc = csvio_next(cr, &rec)) != 1) {
		snprintf(err, errsz, "%s:1: %s", name, rc == 0 ? "no header row" : csvio_error(cr));
		goto out;
	}
	fieldmap_bind(rd->fm, (const char *const *)rec->fields, rec->nfields, &b);
	for (k = 0; k < EV_NKEYS; k++)
		col[k] = b.column[rd->key_field[k]];
	for (k = 0; k < EV_NKEYS; k++)
		if (col[k] < 0 && fieldmap_required(rd->fm, (size_t)rd->key_field[k])) {
			snprintf(err, errsz, "%s:1: missing column \"%s\"", name,
			         fieldmap_name(rd->fm, (size_t)rd->key_field[k]));
			fieldmap_unbind(&b);
			goto out;
		}
	if (b.nduplicates > 0) {
		snprintf(err, errsz, "%s:1: column %zu (\"%s\") repeats a field", name,
		         b.duplicates[0] + 1, rec->fields[b.duplicates[0]]);
		fieldmap_unbind(&b);
		goto out;
	}
	fieldmap_unbind(&b);
	{
		size_t ncols = rec->nfields;

		while ((rc = csvio_next(cr, &rec)) == 1) {
			if (rec->flags & CSVIO_BLANK)
				continue;
			if (rec->flags & CSVIO_BAD_UTF8) {
				set->nread++;
				set->nrejected++;
				reject(set, file, rec->line, "encoding", "");
				continue;
			}
			if (rec->flags & (CSVIO_MALFORMED | CSVIO_UNTERMINATED) ||
			    rec->nfields != ncols) {
				set->nread++;
				set->nrejected++;
				reject(set, file, rec->line,
				       rec->nfields != ncols ? "ragged-row" : "malformed-csv", "");
				continue;
			}
			for (k = 0; k < EV_NKEYS; k++)
				v[k] = col[k] >= 0 ? rec->fields[col[k]] : NULL;
			check_keep(rd, v, file, rec->line, set);
		}
	}
	if (rc == -1)
		snprintf(err, errsz, "%s: %s", name, csvio_error(cr));
	else
		ret = 0;
out:
	csvio_close(cr);
	fclose(fp);
	return ret;
}

/* The raw values of one NDJSON object into v (strings kept in vals). */
static const char *
json_values(struct evidence_reader *rd, json_t *obj, const char **v, char **vals)
{
	const char *key, *bad = NULL;
	json_t *val;
	long f, k;

	json_object_foreach(obj, key, val)
	{
		if ((f = fieldmap_match(rd->fm, key)) < 0 || (k = key_of(rd, f)) < 0)
			continue; /* other keys are allowed */
		if (json_is_string(val))
			v[k] = json_string_value(val);
		else if (json_is_null(val))
			v[k] = NULL;
		else if (json_is_integer(val))
			v[k] = vals[k] = xasprintf("%lld", (long long)json_integer_value(val));
		else if (json_is_array(val) && k == EV_CRITERIA) {
			struct strbuf sb;
			size_t i;
			json_t *e;

			strbuf_init(&sb);
			json_array_foreach(val, i, e)
			{
				if (json_is_integer(e))
					strbuf_printf(&sb, "%s%lld", i > 0 ? ";" : "",
					              (long long)json_integer_value(e));
				else if (json_is_string(e))
					strbuf_printf(&sb, "%s%s", i > 0 ? ";" : "",
					              json_string_value(e));
				else
					bad = key_names[k];
			}
			v[k] = vals[k] = strbuf_steal(&sb);
			strbuf_free(&sb);
		} else
			bad = key_names[k];
	}
	return bad;
}

/* Read the records of an NDJSON document held in buf. */
static void
read_ndjson(struct evidence_reader *rd, char *buf, size_t len, size_t file,
            struct evidence_set *set)
{
	unsigned long line = 0;
	char *p = buf, *end = buf + len, *nl;
	const char *v[EV_NKEYS], *bad;
	char *vals[EV_NKEYS];
	json_error_t je;
	json_t *obj;
	int k;

	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		line++;
		*nl = '\0'; /* buf has a NUL after its last byte */
		if (nl > p && nl[-1] == '\r')
			nl[-1] = '\0';
		if (text_blank(p))
			continue;
		obj = json_loadb(p, strlen(p), JSON_REJECT_DUPLICATES, &je);
		if (!json_is_object(obj)) {
			set->nread++;
			set->nrejected++;
			reject(set, file, line, "bad-json", "");
			set->rej[set->nrej - 1].why = obj == NULL
			                                  ? jsonio_error_kind(&je)
			                                  : "a line that is not a JSON object";
			set->rej[set->nrej - 1].column = obj == NULL ? je.column : 0;
			json_decref(obj);
			continue;
		}
		for (k = 0; k < EV_NKEYS; k++) {
			v[k] = NULL;
			vals[k] = NULL;
		}
		if ((bad = json_values(rd, obj, v, vals)) != NULL) {
			set->nread++;
			set->nrejected++;
			reject(set, file, line, "bad-type", bad);
		} else
			check_keep(rd, v, file, line, set);
		for (k = 0; k < EV_NKEYS; k++)
			free(vals[k]);
		json_decref(obj);
	}
}

int
evidence_read(struct evidence_reader *rd, const char *path, unsigned csv_flags,
              struct evidence_set *set, char *err, size_t errsz)
{
	const char *name = path == NULL || strcmp(path, "-") == 0 ? "<stdin>" : path;
	FILE *fp = stdin;
	size_t len = 0, file;
	char *buf;
	int rc = 0;

	if (fp != NULL && strcmp(name, "<stdin>") != 0 && (fp = output_input_open(path)) == NULL) {
		snprintf(err, errsz, "%s: %s", name, strerror(errno));
		return -1;
	}
	buf = slurp(fp, &len);
	if (fp != stdin)
		fclose(fp);
	if (buf == NULL && len == EVIDENCE_MAX_INPUT) {
		snprintf(err, errsz, "%s: larger than the %zu MB limit for one evidence file", name,
		         EVIDENCE_MAX_INPUT >> 20);
		return -1;
	}
	if (buf == NULL) {
		snprintf(err, errsz, "%s: read error", name);
		return -1;
	}
	set->files = xreallocarray(set->files, set->nfiles + 1, sizeof(char *));
	file = set->nfiles;
	set->files[set->nfiles++] = xstrdup(name);
	if (is_ndjson(name, buf, len))
		read_ndjson(rd, buf, len, file, set);
	else
		rc = read_csv(rd, buf, len, file, csv_flags, set, err, errsz);
	free(buf);
	return rc;
}
