/*
 * strata.c: the national sample's strata and quotas (share/sample/
 * national.json) joined to the case-type vocabulary. At load every case
 * type is resolved once to its law type, stratum and quota indexes, so
 * classifying a row is one vocabulary lookup. A case type naming a stratum
 * or quota that national.json does not define is a load error: the two
 * files must agree.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annexa/labels.h"
#include "annexa/strata.h"
#include "core/datadir.h"
#include "core/jsonio.h"
#include "core/vocab.h"
#include "core/xalloc.h"

struct strata_casetype {
	const char *law_type; /* owned by the vocabulary */
	long stratum;
	long quota;
};

struct strata {
	json_t *root; /* owns the ids */
	struct strata_stratum *strata;
	size_t nstrata;
	struct strata_quota *quotas; /* every stratum's quotas, one array */
	struct vocab *casetypes;
	struct strata_casetype *resolved; /* per case type */
	const struct labelmap *map; /* the user's labels, or NULL */
};

static long quota_find(const struct strata *, size_t, const char *);

/* A non-negative integer member, or -1. */
static long
size_member(const json_t *obj, const char *key)
{
	long long n = jsonio_int(obj, key, -1);

	return n < 0 || n > 1000000 ? -1 : (long)n;
}

/* Read the quotas of stratum s into quotas[*nq...]; -1 with a message. */
static int
read_quotas(struct strata *st, size_t s, const json_t *arr, size_t *nq, const char *path, char *err,
            size_t errsz)
{
	struct strata_stratum *sd = &st->strata[s];
	struct strata_quota *q;
	const json_t *obj;
	unsigned total = 0;
	size_t i;
	long n;

	sd->quotas = st->quotas + *nq;
	json_array_foreach(arr, i, obj)
	{
		q = &st->quotas[*nq];
		q->id = jsonio_str(obj, "id", NULL);
		n = size_member(obj, "size");
		if (q->id == NULL || n < 0) {
			snprintf(err, errsz,
			         "%s: stratum \"%s\": quota %zu needs an \"id\" and a \"size\"",
			         path, sd->id, i + 1);
			return -1;
		}
		if (quota_find(st, s, q->id) >= 0) {
			snprintf(err, errsz, "%s: stratum \"%s\": quota \"%s\" defined twice", path,
			         sd->id, q->id);
			return -1;
		}
		q->size = (unsigned)n;
		total += q->size;
		sd->nquotas++;
		(*nq)++;
	}
	if (total > sd->size) {
		snprintf(err, errsz, "%s: stratum \"%s\": quotas add up to more than its size",
		         path, sd->id);
		return -1;
	}
	return 0;
}

/* Read one stratum; -1 with a message when malformed. */
static int
read_stratum(struct strata *st, size_t s, const json_t *obj, size_t *nq, const char *path,
             char *err, size_t errsz)
{
	struct strata_stratum *sd = &st->strata[s];
	const json_t *quotas = json_object_get(obj, "quotas");
	long size = size_member(obj, "size"), audit = size_member(obj, "audit");
	size_t i;

	sd->id = jsonio_str(obj, "id", NULL);
	if (sd->id == NULL || size < 0 || audit < 0 || audit > size) {
		snprintf(err, errsz,
		         "%s: stratum %zu needs an \"id\", a \"size\" and an \"audit\" no larger",
		         path, s + 1);
		return -1;
	}
	for (i = 0; i < s; i++)
		if (strcmp(st->strata[i].id, sd->id) == 0) {
			snprintf(err, errsz, "%s: stratum \"%s\" defined twice", path, sd->id);
			return -1;
		}
	sd->size = (unsigned)size;
	sd->audit = (unsigned)audit;
	if (quotas != NULL && !json_is_array(quotas)) {
		snprintf(err, errsz, "%s: stratum \"%s\": \"quotas\" must be an array", path,
		         sd->id);
		return -1;
	}
	return read_quotas(st, s, quotas, nq, path, err, errsz);
}

/* Load the strata definitions from path; -1 with a message. */
static int
read_national(struct strata *st, const char *path, char *err, size_t errsz)
{
	const json_t *arr, *obj;
	size_t i, nq = 0, total = 0;

	if ((st->root = jsonio_load(path, err, errsz)) == NULL)
		return -1;
	arr = json_object_get(st->root, "strata");
	if (!json_is_array(arr) || json_array_size(arr) == 0) {
		snprintf(err, errsz, "%s: needs a \"strata\" array", path);
		return -1;
	}
	json_array_foreach(arr, i, obj)
	{
		total += json_array_size(json_object_get(obj, "quotas"));
	}
	st->strata = xcalloc(json_array_size(arr), sizeof *st->strata);
	st->quotas = xcalloc(total + 1, sizeof *st->quotas);
	json_array_foreach(arr, i, obj)
	{
		st->nstrata = i + 1;
		if (read_stratum(st, i, obj, &nq, path, err, errsz) < 0)
			return -1;
	}
	return 0;
}

/* Index of quota id in stratum s, or -1. */
static long
quota_find(const struct strata *st, size_t s, const char *id)
{
	size_t i;

	for (i = 0; i < st->strata[s].nquotas; i++)
		if (strcmp(st->strata[s].quotas[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* Resolve case type i to law type, stratum and quota; -1 with a message. */
static int
resolve_casetype(struct strata *st, size_t i, const char *path, char *err, size_t errsz)
{
	struct strata_casetype *r = &st->resolved[i];
	const char *value = vocab_value(st->casetypes, i);
	const char *law = vocab_attr(st->casetypes, i, "law_type");
	const char *stratum = vocab_attr(st->casetypes, i, "stratum");
	const char *quota = vocab_attr(st->casetypes, i, "quota");

	r->stratum = r->quota = -1;
	if (law == NULL || (strcmp(law, "private") != 0 && strcmp(law, "public") != 0)) {
		snprintf(err, errsz, "%s: \"%s\": law_type must be private or public", path, value);
		return -1;
	}
	r->law_type = strata_law_name(law);
	if (stratum != NULL && (r->stratum = strata_find(st, stratum)) < 0) {
		snprintf(err, errsz, "%s: \"%s\": no stratum \"%s\" in the sample definitions",
		         path, value, stratum);
		return -1;
	}
	if (quota != NULL &&
	    (r->stratum < 0 || (r->quota = quota_find(st, r->stratum, quota)) < 0)) {
		snprintf(err, errsz, "%s: \"%s\": no quota \"%s\" in its stratum", path, value,
		         quota);
		return -1;
	}
	return 0;
}

/* Load strata and case types from named files. */
struct strata *
strata_load_files(const char *national, const char *casetypes, char *err, size_t errsz)
{
	struct strata *st = xcalloc(1, sizeof *st);
	size_t i;

	if (read_national(st, national, err, errsz) < 0)
		goto fail;
	if ((st->casetypes = vocab_load(casetypes, err, errsz)) == NULL)
		goto fail;
	st->resolved = xcalloc(vocab_count(st->casetypes) + 1, sizeof *st->resolved);
	for (i = 0; i < vocab_count(st->casetypes); i++)
		if (resolve_casetype(st, i, casetypes, err, errsz) < 0)
			goto fail;
	return st;
fail:
	strata_free(st);
	return NULL;
}

/* Load strata and case types from the data folder. */
struct strata *
strata_load(char *err, size_t errsz)
{
	char *national = datadir_path("sample/national.json");
	char *casetypes = datadir_path("vocab/case-types.json");
	struct strata *st;

	st = strata_load_files(national, casetypes, err, errsz);
	free(casetypes);
	free(national);
	return st;
}

/* Free the strata and their case-type vocabulary. */
void
strata_free(struct strata *st)
{
	if (st == NULL)
		return;
	free(st->resolved);
	vocab_free(st->casetypes);
	free(st->quotas);
	free(st->strata);
	json_decref(st->root);
	free(st);
}

/* Number of strata. */
size_t
strata_count(const struct strata *st)
{
	return st->nstrata;
}

/* Stratum i, or NULL. */
const struct strata_stratum *
strata_get(const struct strata *st, size_t i)
{
	return i < st->nstrata ? &st->strata[i] : NULL;
}

/* Index of the stratum with this id, or -1. */
long
strata_find(const struct strata *st, const char *id)
{
	size_t i;

	for (i = 0; i < st->nstrata; i++)
		if (strcmp(st->strata[i].id, id) == 0)
			return (long)i;
	return -1;
}

/* Classify a Case type text: case type, law type, stratum, quota. */
void
strata_classify(const struct strata *st, const char *case_type, struct strata_class *out)
{
	const struct strata_casetype *r;
	long ct = case_type == NULL ? -1 : labelmap_find(st->map, st->casetypes, case_type);

	out->casetype = ct;
	out->law_type = NULL;
	out->stratum = out->quota = -1;
	if (ct < 0)
		return;
	r = &st->resolved[ct];
	out->law_type = r->law_type;
	out->stratum = r->stratum;
	out->quota = r->quota;
}

/* The case-type vocabulary. */
const struct vocab *
strata_casetypes(const struct strata *st)
{
	return st->casetypes;
}

/* Classify through the user's map too. */
void
strata_set_map(struct strata *st, const struct labelmap *m)
{
	st->map = m;
}

const char *
strata_law_name(const char *law)
{
	static const char private[] = "private", public[] = "public";

	if (law != NULL && strcmp(law, private) == 0)
		return private;
	if (law != NULL && strcmp(law, public) == 0)
		return public;
	return law;
}

enum strata_reason
strata_eligible(const struct strata_class *c, const char *law_type)
{
	if (law_type == NULL)
		return STRATA_NO_LAW_TYPE;
	if (c == NULL || c->casetype < 0)
		return STRATA_NO_CASE_TYPE;
	/* law types from strata_law_name() are the same pointer when the same */
	if (c->law_type != NULL && c->law_type != law_type && strcmp(c->law_type, law_type) != 0)
		return STRATA_MISMATCH;
	if (c->stratum < 0)
		return STRATA_NO_STRATUM;
	return STRATA_ELIGIBLE;
}

long
strata_slot(long stratum, long quota)
{
	return stratum * 65536 + quota + 1;
}

void
strata_unslot(long slot, long *stratum, long *quota)
{
	*stratum = slot / 65536;
	*quota = slot % 65536 - 1;
}
