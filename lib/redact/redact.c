/*
 * redact.c: personal-data detectors and their redaction: the struct redact,
 * its data (job titles, the Case ID form, the word lists), the types and
 * their placeholders, and the text rewrite.
 *
 * A text is normalised first (redact_norm.c); the detectors run on the
 * normalised text and their spans are mapped back onto the original. The
 * patterns (share/redact/patterns.json) are compiled once with PCRE2 JIT
 * through rx.h (redact_detect.c). Words live in one hash table
 * (redact_lexicon.c): the text is cut into word tokens once and each token
 * is looked up, so the cost does not grow with the number of names listed
 * (redact_match.c) or known (redact_vocab.c, redact_allow.c).
 * Every detector proposes spans; overlapping spans are resolved earliest
 * first, then longest, then by detector priority; spans that touch a case
 * reference are dropped, and listed names inside a protected phrase too.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/datadir.h"
#include "core/diag.h"
#include "core/idset.h"
#include "core/jsonio.h"
#include "core/keyhash.h"
#include "core/output.h"
#include "core/pages.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "redact/redact-impl.h"

static const char *const type_keys[REDACT_NTYPES] = {
    "name",       "email",         "phone",   "postcode", "ni_number",
    "nhs_number", "date_of_birth", "address", "school",
};
static const char *const placeholders[REDACT_NTYPES] = {
    "[name]",       "[email]",         "[phone]",   "[postcode]", "[NI number]",
    "[NHS number]", "[date of birth]", "[address]", "[school]",
};

const char *
redact_type_key(enum redact_type t)
{
	return t >= 0 && t < REDACT_NTYPES ? type_keys[t] : "none";
}

const char *
redact_placeholder(enum redact_type t)
{
	return t >= 0 && t < REDACT_NTYPES ? placeholders[t] : "";
}

/* Type of a pattern's "type" key, or REDACT_NONE. */
enum redact_type
redact_type_of(const char *key)
{
	int i;

	for (i = 0; i < REDACT_NTYPES; i++)
		if (key != NULL && strcmp(key, type_keys[i]) == 0)
			return (enum redact_type)i;
	return REDACT_NONE;
}

/* Record a span in the list (protected or proposed). */
void
redact_push_span(struct span **v, size_t *n, size_t *cap, size_t so, size_t eo, int type, int prio)
{
	if (*n == *cap) {
		*cap = *cap == 0 ? 16 : *cap * 2;
		*v = xreallocarray(*v, *cap, sizeof(**v));
	}
	(*v)[*n].so = so;
	(*v)[*n].eo = eo;
	(*v)[*n].type = type;
	(*v)[(*n)++].prio = prio;
}

/* 1 when [so, eo) overlaps a protected span of the given kind (-1: any). */
int
redact_protected(const struct redact *r, size_t so, size_t eo, int kind)
{
	size_t i;

	for (i = 0; i < r->nprot; i++)
		if ((kind < 0 || r->prot[i].type == kind) && so < r->prot[i].eo &&
		    r->prot[i].so < eo)
			return 1;
	return 0;
}

/* Protect the matches of rx in s as kind. */
static void
protect(struct redact *r, struct rx *rx, int kind, const char *s, size_t len)
{
	size_t from, so, eo;

	if (rx == NULL)
		return;
	for (from = 0; from < len && rx_search(rx, s, len, from, &so, &eo) == 1;) {
		redact_push_span(&r->prot, &r->nprot, &r->protcap, so, eo, kind, 0);
		from = eo > so ? eo : so + 1;
	}
}

/* A byte of a case reference: letters, digits and the joiners - / _ . */
static int
ref_byte(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '/' || c == '_' || c == '.';
}

/* The two bits of the kept references' filter a hash sets. */
#define KEEP_BIT1(h) ((h) & (KEEP_BLOOM_BITS - 1))
#define KEEP_BIT2(h) (((h) >> 32) & (KEEP_BLOOM_BITS - 1))

/* 1 when bit b of the filter is set. */
static int
keep_bit(const struct redact *r, uint64_t b)
{
	return (r->keepbloom[b / 64] >> (b % 64)) & 1;
}

/*
 * Protect (kind 0) the words of s that are case references kept by
 * redact_keep(). A word is looked up only when its length is one of theirs
 * and the filter of their hashes (FNV-1a of the upper-cased bytes) holds it.
 */
static void
protect_kept(struct redact *r, const char *s, size_t len)
{
	size_t so, eo, i;
	char up[64];
	uint64_t h;

	for (so = 0; so < len; so = eo + 1) {
		while (so < len && !ref_byte((unsigned char)s[so]))
			so++;
		for (eo = so; eo < len && ref_byte((unsigned char)s[eo]); eo++)
			;
		while (eo > so && !isalnum((unsigned char)s[eo - 1]))
			eo--; /* a full stop or dash after the reference */
		if (eo == so || eo - so > 64)
			continue;
		if ((r->keeplens >> (eo - so - 1)) & 1) {
			for (i = so; i < eo; i++)
				up[i - so] = (char)toupper((unsigned char)s[i]);
			h = keyhash_fnv1a(KEYHASH_FNV_BASIS, up, eo - so);
			if (keep_bit(r, KEEP_BIT1(h)) && keep_bit(r, KEEP_BIT2(h)) &&
			    idset_find(r->keep, up, eo - so) != 0 &&
			    !redact_protected(r, so, eo, 0))
				redact_push_span(&r->prot, &r->nprot, &r->protcap, so, eo, 0, 0);
		}
		while (eo < len && ref_byte((unsigned char)s[eo]))
			eo++;
	}
}

void
redact_keep(struct redact *r, const char *ref)
{
	size_t len;
	const char *p = text_trim(ref, &len);
	size_t i;
	uint64_t h;
	char up[64];

	if (len == 0 || len > 64)
		return;
	if (r->keep == NULL) {
		r->keep = idset_new();
		r->keepbloom = xcalloc(KEEP_BLOOM_BITS / 64, sizeof(*r->keepbloom));
	}
	for (i = 0; i < len; i++)
		up[i] = (char)toupper((unsigned char)p[i]);
	strbuf_reset(&r->key);
	strbuf_add(&r->key, up, len);
	if (idset_add(r->keep, up, len, 1) != 0)
		return; /* kept already: its filter bits and length are set */
	h = keyhash_fnv1a(KEYHASH_FNV_BASIS, up, len);
	r->keepbloom[KEEP_BIT1(h) / 64] |= (uint64_t)1 << (KEEP_BIT1(h) % 64);
	r->keepbloom[KEEP_BIT2(h) / 64] |= (uint64_t)1 << (KEEP_BIT2(h) % 64);
	r->keeplens |= (uint64_t)1 << (len - 1);
}

/* The ASCII digits in s[so..eo). */
static size_t
count_digits(const char *s, size_t so, size_t eo)
{
	size_t n = 0;

	for (; so < eo; so++)
		n += s[so] >= '0' && s[so] <= '9';
	return n;
}

/* Order spans by start, longest first, then priority. */
static int
span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	if (x->so != y->so)
		return x->so < y->so ? -1 : 1;
	if (x->eo != y->eo)
		return x->eo > y->eo ? -1 : 1;
	return (x->prio > y->prio) - (x->prio < y->prio);
}

/* Drop the spans from k on that lie in a protected phrase (a listed surname in "Preston Family
 * Court"). */
static void
drop_protected(struct redact *r, size_t k)
{
	size_t i, last;

	for (i = k, last = k; i < r->nspans; i++) {
		size_t p;
		int inside = 0;

		for (p = 0; p < r->nprot && !inside; p++)
			inside = r->prot[p].type != PROT_CASEID &&
			         r->prot[p].so <= r->spans[i].so && r->spans[i].eo <= r->prot[p].eo;
		if (!inside)
			r->spans[last++] = r->spans[i];
	}
	r->nspans = last;
}

/* Find every span in s and keep a non-overlapping set, in order. */
static void
find_spans(struct redact *r, const char *s, size_t len)
{
	size_t i, k, last, digits, nprot0;
	int has_at;

	r->nspans = 0;
	r->nprot = 0;
	redact_lookup_check(r);
	digits = count_digits(s, 0, len);
	has_at = memchr(s, '@', len) != NULL;
	if (digits > 0)
		protect(r, r->caseid, 0, s, len);
	if (r->keep != NULL)
		protect_kept(r, s, len);
	/* a match may not touch a case reference: its digits do not count */
	for (i = 0; i < r->nprot && digits > 0; i++)
		digits -= count_digits(s, r->prot[i].so, r->prot[i].eo);
	if (digits > 0 || has_at)
		redact_run_patterns(r, s, len, digits, has_at);
	redact_tokenize(r, s, len);
	redact_tokens_begin(r, 0);
	k = r->nspans;
	if (r->nnames > 0)
		redact_run_names(r, s, len, (int)r->ndet);
	nprot0 = r->nprot;
	redact_protect_phrases(r, s, len);
	if (r->nspans > k && r->nprot > nprot0)
		drop_protected(r, k);
	redact_tokens_begin(r, 1);
	redact_run_allow(r, s, len, (int)r->ndet + 1);
	if (digits >= 4)
		redact_run_bracket_dates(r, s, len);
	if (r->nspans < 2)
		return;
	qsort(r->spans, r->nspans, sizeof(*r->spans), span_cmp);
	for (i = 1, k = 1, last = r->spans[0].eo; i < r->nspans; i++)
		if (r->spans[i].so >= last) {
			r->spans[k++] = r->spans[i];
			last = r->spans[i].eo;
		}
	r->nspans = k;
}

size_t
redact_text(struct redact *r, const char *s, size_t len, struct strbuf *out, unsigned long *counts)
{
	size_t i, at = 0, so, eo, nlen;
	const char *t = redact_normalise(r, s, len, &nlen);

	find_spans(r, t, nlen);
	for (i = 0; i < r->nspans; i++) {
		so = redact_orig(r, r->spans[i].so);
		eo = redact_orig(r, r->spans[i].eo);
		if (so < at)
			so = at;
		strbuf_add(out, s + at, so - at);
		strbuf_adds(out, placeholders[r->spans[i].type]);
		if (counts != NULL)
			counts[r->spans[i].type]++;
		at = eo > so ? eo : so;
	}
	strbuf_add(out, s + at, len - at);
	return r->nspans;
}

enum redact_type
redact_scan(struct redact *r, const char *s, size_t len, size_t *offset)
{
	size_t nlen;
	const char *t = redact_normalise(r, s, len, &nlen);

	find_spans(r, t, nlen);
	if (r->nspans == 0)
		return REDACT_NONE;
	if (offset != NULL)
		*offset = redact_orig(r, r->spans[0].so);
	return (enum redact_type)r->spans[0].type;
}

void
redact_find_unlisted(struct redact *r, int on)
{
	r->allow_names = on != 0;
}

size_t
redact_finds(const struct redact *r)
{
	return r->nspans;
}

void
redact_find_at(const struct redact *r, size_t i, size_t *so, size_t *eo, enum redact_type *type)
{
	*so = redact_orig(r, r->spans[i].so);
	*eo = redact_orig(r, r->spans[i].eo);
	*type = (enum redact_type)r->spans[i].type;
}

/* Load a JSON file of the data folder; NULL with err set. */
json_t *
redact_load_data(const char *rel, char *err, size_t errsz)
{
	char *path = datadir_path(rel);
	json_t *j = jsonio_load(path, err, errsz);

	free(path);
	return j;
}

/* Protect the job titles of share/redact/job-titles.json (para 101: they stay). */
static int
load_titles(struct redact *r, char *err, size_t errsz)
{
	json_t *root, *v;
	size_t i;

	if ((root = redact_load_data("redact/job-titles.json", err, errsz)) == NULL)
		return -1;
	redact_index_source(r, "redact/job-titles.json", 1, 1);
	json_array_foreach(json_object_get(root, "titles"), i, v) if (json_is_string(v))
	    redact_add_phrase(r, json_string_value(v), PROT_TITLE);
	json_decref(root);
	return 0;
}

/* Compile the Case ID pattern of share/vocab/case-id.json. */
static int
load_caseid(struct redact *r, char *err, size_t errsz)
{
	char *path = datadir_path("vocab/case-id.json");
	const char *pat = "\\bCA\\d{8}\\b";
	json_t *root = NULL;
	FILE *fp;
	char rxerr[256];

	/* Until the vocabulary lands the contract's form is the default. */
	if ((fp = output_input_open(path)) != NULL) {
		fclose(fp);
		if ((root = jsonio_load(path, err, errsz)) == NULL) {
			free(path);
			return -1;
		}
		pat = jsonio_str(root, "pattern", pat);
	}
	free(path);
	r->caseid = rx_new(pat, 0, rxerr, sizeof(rxerr));
	if (r->caseid == NULL)
		snprintf(err, errsz, "vocab/case-id.json: %s", rxerr);
	json_decref(root);
	return r->caseid == NULL ? -1 : 0;
}

/*
 * Build the word table from the lists: the vocabulary, the job titles and
 * the words of share/redact/words.json (what the index holds). -1 with err set.
 */
static int
build_words(struct redact *r, char *err, size_t errsz)
{
	json_t *words;

	if (redact_load_vocab(r, err, errsz) == -1 || load_titles(r, err, errsz) == -1 ||
	    (words = redact_load_data("redact/words.json", err, errsz)) == NULL)
		return -1;
	redact_index_source(r, "redact/words.json", 1, 1);
	redact_add_words_json(r, words, "org_words", W_ORG);
	redact_add_words_json(r, words, "skip_words", W_SKIP);
	redact_add_words_json(r, words, "honorifics", W_HONORIFIC);
	redact_add_words_json(r, words, "common_words", W_COMMON);
	json_decref(words);
	return 0;
}

struct redact *
redact_new_index(const char *index, char *why, size_t whysz, char *err, size_t errsz)
{
	struct redact *r = xcalloc(1, sizeof(*r));

	strbuf_init(&r->key);
	strbuf_init(&r->key2);
	strbuf_init(&r->norm);
	strbuf_init(&r->low);
	/* the run's secret key for the tables of words (names come from input) */
	r->hkey = *keyhash_run_key();
	r->allow_names = 1;
	if (why != NULL && whysz > 0)
		why[0] = '\0';
	if (index != NULL)
		r->index = redact_index_open(index, why, whysz);
	if (redact_load_patterns(r, err, errsz) == -1 || redact_load_ni(r, err, errsz) == -1 ||
	    load_caseid(r, err, errsz) == -1 ||
	    (r->index == NULL && build_words(r, err, errsz) == -1)) {
		redact_free(r);
		return NULL;
	}
	return r;
}

struct redact *
redact_new_like(struct redact *model, char *err, size_t errsz)
{
	struct redact *r = xcalloc(1, sizeof(*r));

	strbuf_init(&r->key);
	strbuf_init(&r->key2);
	strbuf_init(&r->norm);
	strbuf_init(&r->low);
	r->hkey = model->hkey;
	r->allow_names = 1;
	r->shared = 1;
	r->det = model->det;
	r->ndet = model->ndet;
	r->caseid = model->caseid;
	r->bdate = model->bdate;
	memcpy(r->ni_first_not, model->ni_first_not, sizeof(r->ni_first_not));
	memcpy(r->ni_second_not, model->ni_second_not, sizeof(r->ni_second_not));
	r->ni_invalid = model->ni_invalid;
	r->nni_invalid = model->nni_invalid;
	r->index = model->index;
	if (r->index == NULL && build_words(r, err, errsz) == -1) {
		redact_free(r);
		return NULL;
	}
	return r;
}

struct redact *
redact_new(char *err, size_t errsz)
{
	static int noted;
	char *index = datadir_path(REDACT_INDEX_FILE), why[512];
	struct redact *r = redact_new_index(index, why, sizeof(why), err, errsz);

	/* a stale or damaged index costs time, never an answer: said once */
	if (r != NULL && why[0] != '\0' && !noted++)
		diag_note("note: the word index %s is %s; the word table was built from the lists "
		          "instead (slower, same results); `make` rebuilds the index",
		          REDACT_INDEX_FILE, why);
	free(index);
	return r;
}

int
redact_indexed(const struct redact *r)
{
	return r->index != NULL;
}

void
redact_free(struct redact *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; !r->shared && i < r->ndet; i++) {
		size_t k;

		rx_free(r->det[i].rx);
		for (k = 0; k < r->det[i].nneeds; k++)
			free(r->det[i].needs[k]);
		free(r->det[i].needs);
	}
	if (!r->shared) {
		free(r->det);
		rx_free(r->caseid);
		rx_free(r->bdate);
		free(r->ni_invalid);
		redact_index_close(r->index);
	}
	idset_free(r->keep);
	for (i = 0; i < r->wcap; i++)
		if (r->words[i].w.owned)
			free(r->words[i].key);
	pages_free(r->words, r->wcap, sizeof(*r->words));
	for (i = 0; i < r->nsrc; i++)
		free(r->src[i].path);
	free(r->src);
	pages_free(r->dict, r->dictcap, 1);
	pages_free(r->dict2, r->dict2cap, 1);
	redact_review_free(r);
	free(r->spans);
	free(r->prot);
	free(r->toks);
	free(r->tokstate);
	free(r->tokword);
	free(r->nmap);
	strbuf_free(&r->key);
	strbuf_free(&r->key2);
	strbuf_free(&r->norm);
	strbuf_free(&r->low);
	free(r->wcache);
	free(r->keepbloom);
	free(r);
}
