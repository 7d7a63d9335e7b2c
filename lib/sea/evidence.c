/*
 * evidence.c: reading evidence records from CSV or NDJSON, normalising
 * their values and checking them against the evaluation schedule.
 */
#include <errno.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/csvio.h"
#include "core/datadir.h"
#include "core/dates.h"
#include "core/fieldmap.h"
#include "core/idset.h"
#include "sea/evidence.h"

#include "core/jsonio.h"
#include "core/memo.h"
#include "core/output.h"
#include "core/rx.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "sea/schedule.h"

struct evidence_reader {
	const struct schedule *sched;
	struct fieldmap *fm;
	long key_field[EV_NKEYS]; /* fieldmap index of each key */
	struct strbuf tmp, norm, val;
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

/* Where each key's value is: a shared value's slot in val[] (>= 0), or -1 - its text index. */
static const signed char key_slot[EV_NKEYS] = {0, 1, 2, 3, -1, 4, 5, 6, 7, -2, 8, -3, 9, -4};

#define EV_NTEXT 4 /* case_ref, summary, response, view */
#define ARENA_CHUNK ((size_t)256 << 10) /* bytes of a block of the text arena */
#define RAW_MAX 65536 /* raw values remembered with their normal form (then computed) */
#define FRONT_SLOTS 1024 /* the raw values last met, before the table of them */
#define FRONT_KEY 40 /* longer raw values go to the table */

/*
 * A raw value met lately (its kind first) and its normal form's id (-1:
 * none). Slots are picked by an unkeyed hash: a value that collides only
 * takes the slot, and is looked up in the keyed table as before.
 */
struct front_slot {
	uint32_t len; /* key length + 1; 0: empty */
	int32_t id;
	char key[FRONT_KEY];
};

/* A value of the set's table: its text (in the arena) and, for criteria, the numbers. */
struct shared_value {
	const char *s;
	long *crit; /* criterion numbers when the value was read as criteria, or NULL */
	size_t ncrit;
};

struct evidence_store {
	struct idset *ids; /* value -> id + 1 (id 0 is "", not in the set) */
	struct shared_value *v;
	size_t nv, vcap;
	struct idset *raw; /* key byte + raw value -> normal form's id + 2, or 1: invalid */
	size_t nraw;
	struct front_slot *front; /* FRONT_SLOTS */
	char **blocks; /* the arena */
	size_t nblocks;
	char *at; /* free space of the last block */
	size_t left;
	struct strbuf key;
};

void
evidence_set_init(struct evidence_set *set)
{
	memset(set, 0, sizeof(*set));
}

/* The set's store, made at the first record. */
static struct evidence_store *
store_of(struct evidence_set *set)
{
	struct evidence_store *st = set->store;

	if (st != NULL)
		return st;
	st = set->store = xcalloc(1, sizeof(*st));
	st->ids = idset_new();
	st->raw = idset_new();
	st->vcap = 64;
	st->v = xcalloc(st->vcap, sizeof(*st->v));
	st->v[0].s = "";
	st->nv = 1;
	st->front = xcalloc(FRONT_SLOTS, sizeof(*st->front));
	strbuf_init(&st->key);
	return st;
}

static void
store_free(struct evidence_store *st)
{
	size_t i;

	if (st == NULL)
		return;
	idset_free(st->ids);
	idset_free(st->raw);
	for (i = 0; i < st->nv; i++)
		free(st->v[i].crit);
	free(st->v);
	free(st->front);
	for (i = 0; i < st->nblocks; i++)
		free(st->blocks[i]);
	free(st->blocks);
	strbuf_free(&st->key);
	free(st);
}

/* Room for n bytes in the arena. */
static char *
arena_take(struct evidence_store *st, size_t n)
{
	char *p;

	if (n > st->left) {
		size_t size = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;

		st->blocks = xreallocarray(st->blocks, st->nblocks + 1, sizeof(char *));
		p = st->blocks[st->nblocks++] = xmalloc(size);
		if (size != ARENA_CHUNK)
			return p; /* a large value has its own block; the last one stays open */
		st->at = p;
		st->left = size;
	}
	p = st->at;
	st->at += n;
	st->left -= n;
	return p;
}

/* The id of value s[0..len), added to the table when new. */
static uint32_t
intern(struct evidence_store *st, const char *s, size_t len)
{
	unsigned long id;
	char *copy;

	if (len == 0)
		return 0;
	if ((id = idset_find(st->ids, s, len)) != 0)
		return (uint32_t)(id - 1);
	if (st->nv == st->vcap) {
		st->vcap *= 2;
		st->v = xreallocarray(st->v, st->vcap, sizeof(*st->v));
	}
	copy = arena_take(st, len + 1);
	memcpy(copy, s, len);
	copy[len] = '\0';
	memset(&st->v[st->nv], 0, sizeof(st->v[st->nv]));
	st->v[st->nv].s = copy;
	idset_add(st->ids, s, len, st->nv + 1);
	return (uint32_t)st->nv++;
}

void
evidence_set_free(struct evidence_set *set)
{
	size_t i;

	free(set->rec);
	free(set->rej);
	for (i = 0; i < set->nfiles; i++)
		free(set->files[i]);
	free(set->files);
	store_free(set->store);
	memset(set, 0, sizeof(*set));
}

/* The start of text value t (0: case_ref ... 3: view) of rec. */
static const char *
text_at(const struct evidence_record *rec, int t)
{
	const char *p = rec->text;

	for (; t > 0; t--)
		p += strlen(p) + 1;
	return p;
}

const char *
evidence_value(const struct evidence_set *set, const struct evidence_record *rec,
               enum evidence_key k)
{
	int slot = key_slot[k];

	if (slot >= 0)
		return set->store->v[rec->val[slot]].s;
	return text_at(rec, -1 - slot);
}

const long *
evidence_criteria(const struct evidence_set *set, const struct evidence_record *rec, size_t *n)
{
	const struct shared_value *v = &set->store->v[rec->val[key_slot[EV_CRITERIA]]];

	*n = v->ncrit;
	return v->crit;
}

const char *
evidence_shared(const struct evidence_set *set, uint32_t id)
{
	return set->store->v[id].s;
}

/* Order value ids by their text (base: the values). */
static int
id_cmp(const void *a, const void *b, void *base)
{
	const struct shared_value *v = base;

	return strcmp(v[*(const uint32_t *)a].s, v[*(const uint32_t *)b].s);
}

size_t
evidence_ranks(const struct evidence_set *set, uint32_t **rank)
{
	size_t n = set->store != NULL ? set->store->nv : 0, i;
	uint32_t *order = xcalloc(n + 1, sizeof(*order));

	*rank = xcalloc(n + 1, sizeof(**rank));
	for (i = 0; i < n; i++)
		order[i] = (uint32_t)i;
	if (n > 1)
		qsort_r(order, n, sizeof(*order), id_cmp, set->store->v);
	for (i = 0; i < n; i++)
		(*rank)[order[i]] = (uint32_t)i;
	free(order);
	return n;
}

/* Lay out the texts t[0..EV_NTEXT) (lengths n) one after another in the arena. */
static const char *
texts_put(struct evidence_store *st, const char *const *t, const size_t *n)
{
	size_t total = 0, k;
	char *p, *block;

	for (k = 0; k < EV_NTEXT; k++)
		total += n[k] + 1;
	p = block = arena_take(st, total);
	for (k = 0; k < EV_NTEXT; k++) {
		memcpy(p, t[k], n[k]);
		p[n[k]] = '\0';
		p += n[k] + 1;
	}
	return block;
}

void
evidence_replace(struct evidence_set *set, struct evidence_record *rec, enum evidence_key k,
                 const char *s)
{
	const char *t[EV_NTEXT];
	size_t n[EV_NTEXT];
	int i;

	for (i = 0; i < EV_NTEXT; i++) {
		t[i] = i == -1 - key_slot[k] ? s : text_at(rec, i);
		n[i] = strlen(t[i]);
	}
	rec->text = texts_put(set->store, t, n);
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
	strbuf_init(&rd->val);
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
	strbuf_free(&rd->val);
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

/*
 * Parse "1; 7;9" into the numbers, ascending without repeats (*crit, *n,
 * to free) and their normal form "1;7;9" (out); -1 when it is not a list
 * of numbers ("bad-criteria").
 */
static int
criteria_parse(const char *s, long **crit, size_t *n, struct strbuf *out)
{
	const char *p = s;
	size_t i, k;

	*crit = NULL;
	*n = 0;
	while (*p != '\0') {
		long v = 0;
		size_t digits = 0;

		if (is_sep((unsigned char)*p)) {
			p++;
			continue;
		}
		for (; *p >= '0' && *p <= '9'; p++, digits++)
			if (v < 100000)
				v = v * 10 + (*p - '0');
		if (digits == 0 || (*p != '\0' && !is_sep((unsigned char)*p))) {
			free(*crit);
			*crit = NULL;
			*n = 0;
			return -1;
		}
		*crit = xreallocarray(*crit, *n + 1, sizeof(long));
		(*crit)[(*n)++] = v;
	}
	if (*n > 1)
		qsort(*crit, *n, sizeof(long), long_cmp);
	for (i = 0, k = 0; i < *n; i++)
		if (k == 0 || (*crit)[k - 1] != (*crit)[i])
			(*crit)[k++] = (*crit)[i];
	*n = k;
	strbuf_reset(out);
	for (i = 0; i < *n; i++)
		strbuf_printf(out, "%s%ld", i > 0 ? ";" : "", (*crit)[i]);
	return 0;
}

/* The rule the criteria of id break under judgement, or NULL. */
static const char *
criteria_rule(const struct evidence_reader *rd, const struct shared_value *c, const char *judgement)
{
	size_t i;

	for (i = 0; i < c->ncrit; i++)
		if (schedule_find(rd->sched, judgement, c->crit[i]) < 0)
			return "unknown-criterion";
	if (c->ncrit == 0 && schedule_judgement_count(rd->sched, judgement) > 0)
		return "missing-criteria";
	return NULL;
}

/*
 * Normalise "CA1; CA2" into out ("CA1;CA2"). Any form of reference is
 * taken: the handbook gives none (build-sea --identifiers checks them
 * against the extract).
 */
static void
case_refs_normal(const char *s, size_t len, struct strbuf *out)
{
	const char *p = s, *q, *end = s + len;

	strbuf_reset(out);
	while (p < end) {
		if (is_sep((unsigned char)*p)) {
			p++;
			continue;
		}
		for (q = p; q < end && !is_sep((unsigned char)*q); q++)
			;
		if (out->len > 0)
			strbuf_addch(out, ';');
		strbuf_add(out, p, (size_t)(q - p));
		p = q;
	}
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

/* The id of the normal form of raw value s under tag (see norm), or -1 when it has none. */
static long
normal_form(struct evidence_reader *rd, struct evidence_store *st, char tag, const char *s)
{
	const char *jl[16], *c = NULL;
	char iso[DATES_ISO_LEN], hm[32];
	date_t d;
	long *crit;
	size_t ncrit;
	uint32_t id;
	int m;

	switch (tag) {
	case 'd':
		if (dates_parse(s, &d) == -1)
			return -1;
		c = dates_format(d, iso);
		break;
	case 't':
		if ((m = dates_parse_time(s)) < 0)
			return -1;
		snprintf(hm, sizeof(hm), "%02d:%02d", m / 60, m % 60);
		c = hm;
		break;
	case 's':
		c = canonical(rd, s, evidence_sources);
		break;
	case 'f':
		c = canonical(rd, s, evidence_findings);
		break;
	case 'j':
		c = canonical(rd, s, judgement_list(rd->sched, jl, 16));
		break;
	case 'i':
		return (long)intern(st, s, strlen(s));
	default: /* 'c' */
		if (criteria_parse(s, &crit, &ncrit, &rd->tmp) == -1)
			return -1;
		id = intern(st, rd->tmp.buf, rd->tmp.len);
		if (id != 0 && st->v[id].crit == NULL) {
			st->v[id].crit = crit;
			st->v[id].ncrit = ncrit;
		} else
			free(crit);
		return id;
	}
	return c != NULL ? (long)intern(st, c, strlen(c)) : -1;
}

/*
 * The id of the normal form of raw value s[0..len) of a kind (tag: d date,
 * t time, s source, f finding, j judgement, c criteria, i a value kept as
 * it is), or -1 when it has none. The raw values met are remembered (up to
 * RAW_MAX), the last ones in front: a team's records repeat a few dates,
 * times, lists, inspectors and areas.
 */
static long
norm(struct evidence_reader *rd, struct evidence_store *st, char tag, const char *s, size_t len)
{
	struct front_slot *f;
	unsigned long got;
	long id;

	strbuf_reset(&st->key);
	strbuf_addch(&st->key, tag);
	strbuf_add(&st->key, s, len);
	f = &st->front[(memo_quick_hash(st->key.buf, st->key.len) >> 54) & (FRONT_SLOTS - 1)];
	if (f->len == st->key.len + 1 && memcmp(f->key, st->key.buf, st->key.len) == 0)
		return f->id;
	if ((got = idset_find(st->raw, st->key.buf, st->key.len)) != 0) {
		id = got == 1 ? -1 : (long)(got - 2);
		goto front;
	}
	strbuf_reset(&rd->val);
	strbuf_add(&rd->val, s, len);
	id = normal_form(rd, st, tag, rd->val.buf);
	if (st->nraw < RAW_MAX) {
		idset_add(st->raw, st->key.buf, st->key.len, id < 0 ? 1 : (unsigned long)id + 2);
		st->nraw++;
	}
front:
	if (st->key.len < FRONT_KEY) {
		f->len = (uint32_t)st->key.len + 1;
		f->id = (int32_t)id;
		memcpy(f->key, st->key.buf, st->key.len);
	}
	return id;
}

int
evidence_check(struct evidence_reader *rd, const char *const *v, size_t file, unsigned long line,
               struct evidence_set *set, struct evidence_record *rec)
{
	static const enum evidence_key required[] = {EV_INSPECTOR, EV_DATE,    EV_SOURCE,
	                                             EV_JUDGEMENT, EV_FINDING, EV_SUMMARY};
	static const struct {
		enum evidence_key k;
		char tag;
		const char *rule;
	} normal[] = {
	    {EV_DATE, 'd', "bad-date"},       {EV_RESPONSE_DATE, 'd', "bad-date"},
	    {EV_TIME, 't', "bad-time"},       {EV_SOURCE, 's', "bad-source"},
	    {EV_FINDING, 'f', "bad-finding"}, {EV_JUDGEMENT, 'j', "bad-judgement"},
	};
	static const enum evidence_key as_read[] = {EV_INSPECTOR, EV_SERVICE_AREA, EV_TEAM};
	struct evidence_store *st = store_of(set);
	const char *t[EV_NKEYS], *text[EV_NTEXT], *rule;
	size_t n[EV_NKEYS], tn[EV_NTEXT], before = set->nrej, i;
	long id;
	int k, judgement_ok = 0;

	memset(rec, 0, sizeof(*rec));
	rec->file = (uint32_t)file;
	rec->line = (uint32_t)line;
	for (k = 0; k < EV_NKEYS; k++) {
		t[k] = v[k] != NULL ? text_trim(v[k], &n[k]) : "";
		if (v[k] == NULL)
			n[k] = 0;
	}
	for (i = 0; i < sizeof(required) / sizeof(required[0]); i++)
		if (n[required[i]] == 0)
			reject(set, file, line, "required", key_names[required[i]]);
	for (i = 0; i < sizeof(normal) / sizeof(normal[0]); i++) {
		k = normal[i].k;
		if (n[k] == 0)
			continue;
		if ((id = norm(rd, st, normal[i].tag, t[k], n[k])) < 0)
			reject(set, file, line, normal[i].rule, key_names[k]);
		else
			rec->val[key_slot[k]] = (uint32_t)id;
		judgement_ok |= k == EV_JUDGEMENT && id >= 0;
	}
	if (judgement_ok) {
		const char *j = st->v[rec->val[key_slot[EV_JUDGEMENT]]].s;

		if ((id = norm(rd, st, 'c', t[EV_CRITERIA], n[EV_CRITERIA])) < 0)
			reject(set, file, line, "bad-criteria", key_names[EV_CRITERIA]);
		else if ((rule = criteria_rule(rd, &st->v[id], j)) != NULL)
			reject(set, file, line, rule, key_names[EV_CRITERIA]);
		else
			rec->val[key_slot[EV_CRITERIA]] = (uint32_t)id;
	}
	set->nread++;
	if (set->nrej != before) {
		set->nrejected++;
		return -1;
	}
	for (i = 0; i < sizeof(as_read) / sizeof(as_read[0]); i++)
		if (n[as_read[i]] > 0)
			rec->val[key_slot[as_read[i]]] =
			    (uint32_t)norm(rd, st, 'i', t[as_read[i]], n[as_read[i]]);
	case_refs_normal(t[EV_CASE_REF], n[EV_CASE_REF], &rd->tmp);
	text[0] = rd->tmp.buf;
	tn[0] = rd->tmp.len;
	for (k = 1; k < EV_NTEXT; k++) {
		static const enum evidence_key texts[] = {EV_CASE_REF, EV_SUMMARY, EV_RESPONSE,
		                                          EV_VIEW};

		text[k] = t[texts[k]];
		tn[k] = n[texts[k]];
	}
	rec->text = texts_put(st, text, tn);
	return 0;
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
 * An evidence file read as a stream: the bytes looked at first (to tell
 * NDJSON from CSV) given back before the rest, and the whole counted
 * against EVIDENCE_MAX_INPUT. Records are kept as they are read; the file
 * itself is never held.
 */
struct source {
	FILE *fp;
	struct strbuf head; /* the bytes read first */
	size_t at; /* of head, given back so far */
	size_t total; /* bytes read */
	int too_large, failed;
};

/* Read for the stream of a source: head first, then fp. */
static ssize_t
source_read(void *cookie, char *buf, size_t size)
{
	struct source *src = cookie;
	size_t n;

	if (src->at < src->head.len) {
		n = src->head.len - src->at < size ? src->head.len - src->at : size;
		memcpy(buf, src->head.buf + src->at, n);
		src->at += n;
		return (ssize_t)n;
	}
	if (src->too_large || src->failed)
		return -1;
	n = fread(buf, 1, size, src->fp);
	if (n == 0 && ferror(src->fp)) {
		src->failed = 1;
		return -1;
	}
	if ((src->total += n) > EVIDENCE_MAX_INPUT) {
		src->too_large = 1;
		return -1;
	}
	return (ssize_t)n;
}

/*
 * Read the head of src up to its first byte that is not a byte order mark
 * or white space; 1 when the input is NDJSON: by its name, else by that
 * byte ("{"). -1 on a read error or a head beyond the limit.
 */
static int
source_start(struct source *src, const char *name)
{
	static const char *const ext[] = {".ndjson", ".jsonl", ".json"};
	size_t n = strlen(name), i = 0, got, k;
	int json = 0;
	char buf[4096];

	for (k = 0; k < 3; k++)
		if (n > strlen(ext[k]) && strcmp(name + n - strlen(ext[k]), ext[k]) == 0)
			json = 1;
	for (;;) {
		const char *h = src->head.buf;

		i = src->head.len >= 3 && memcmp(h, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
		while (i < src->head.len &&
		       (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n'))
			i++;
		if (i < src->head.len && (src->head.len >= 3 || (unsigned char)h[0] != 0xEF))
			break; /* a byte mark could still be on its way */
		if ((got = fread(buf, 1, sizeof(buf), src->fp)) == 0)
			break;
		strbuf_add(&src->head, buf, got);
		if ((src->total += got) > EVIDENCE_MAX_INPUT) {
			src->too_large = 1;
			return -1;
		}
	}
	if (ferror(src->fp)) {
		src->failed = 1;
		return -1;
	}
	return json || (i < src->head.len && src->head.buf[i] == '{');
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

/* Read the records of a CSV from fp (a source's stream, not empty). */
static int
read_csv(struct evidence_reader *rd, FILE *fp, size_t file, unsigned flags,
         struct evidence_set *set, char *err, size_t errsz)
{
	const char *name = set->files[file];
	struct csvio_reader *cr;
	struct csvio_record *rec;
	struct fieldmap_binding b;
	long col[EV_NKEYS];
	const char *v[EV_NKEYS];
	int rc, k, ret = -1;

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

/* Read the records of an NDJSON document from fp (a source's stream). */
static void
read_ndjson(struct evidence_reader *rd, FILE *fp, size_t file, struct evidence_set *set)
{
	unsigned long line = 0;
	char *p, *buf = NULL;
	size_t cap = 0;
	ssize_t got;
	const char *v[EV_NKEYS], *bad;
	char *vals[EV_NKEYS];
	json_error_t je;
	json_t *obj;
	int k;

	while ((got = getline(&buf, &cap, fp)) > 0) {
		p = buf;
		if (line++ == 0 && got >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
			p += 3;
		if (got > 0 && buf[got - 1] == '\n')
			buf[--got] = '\0';
		if (got > 0 && buf[got - 1] == '\r' && buf + got - 1 >= p)
			buf[got - 1] = '\0';
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
	free(buf);
}

int
evidence_read(struct evidence_reader *rd, const char *path, unsigned csv_flags,
              struct evidence_set *set, char *err, size_t errsz)
{
	static const cookie_io_functions_t io = {.read = source_read};
	const char *name = path == NULL || strcmp(path, "-") == 0 ? "<stdin>" : path;
	struct source src;
	struct stat st;
	FILE *stream = NULL;
	size_t file;
	int rc = 0, json;

	memset(&src, 0, sizeof(src));
	src.fp = stdin;
	if (strcmp(name, "<stdin>") != 0 && (src.fp = output_input_open(path)) == NULL) {
		snprintf(err, errsz, "%s: %s", name, strerror(errno));
		return -1;
	}
	strbuf_init(&src.head);
	if (fstat(fileno(src.fp), &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size > EVIDENCE_MAX_INPUT)
		src.too_large = 1; /* refused before reading */
	else if ((json = source_start(&src, name)) != -1) {
		set->files = xreallocarray(set->files, set->nfiles + 1, sizeof(char *));
		file = set->nfiles;
		set->files[set->nfiles++] = xstrdup(name);
		if (!json && src.head.len == 0) {
			snprintf(err, errsz, "%s:1: no header row", name);
			rc = -1;
		} else if ((stream = fopencookie(&src, "r", io)) == NULL) {
			snprintf(err, errsz, "%s: %s", name, strerror(errno));
			rc = -1;
		} else if (json)
			read_ndjson(rd, stream, file, set);
		else
			rc = read_csv(rd, stream, file, csv_flags, set, err, errsz);
	}
	if (stream != NULL)
		fclose(stream);
	if (src.fp != stdin)
		fclose(src.fp);
	strbuf_free(&src.head);
	if (src.too_large)
		snprintf(err, errsz, "%s: larger than the %zu MB limit for one evidence file", name,
		         EVIDENCE_MAX_INPUT >> 20);
	else if (src.failed)
		snprintf(err, errsz, "%s: read error", name);
	return src.too_large || src.failed ? -1 : rc;
}
