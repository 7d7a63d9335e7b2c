/*
 * redact.c: personal-data detectors and their redaction: the struct redact,
 * its data (job titles, the Case ID form, the word lists), the types and
 * their placeholders, and the text rewrite.
 *
 * The patterns (share/redact/patterns.json) are compiled once with PCRE2
 * JIT through rx.h (redact_detect.c). Names are a deny-list held in a hash
 * table of normalised words (redact_lexicon.c): the text is cut into word
 * tokens once and each token is looked up, so the cost does not grow with
 * the number of names (redact_match.c).
 * Every detector proposes spans; overlapping spans are resolved earliest
 * first, then longest, then by detector priority, and spans that touch a
 * case reference (and, for names, a job title) are dropped.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datadir.h"
#include "core/idset.h"
#include "core/jsonio.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "redact/redact-impl.h"

static const char *const type_keys[REDACT_NTYPES] = {
    "name", "email", "phone", "postcode", "ni_number", "nhs_number", "date_of_birth",
};
static const char *const placeholders[REDACT_NTYPES] = {
    "[name]", "[email]", "[phone]", "[postcode]", "[NI number]", "[NHS number]", "[date of birth]",
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

/* Protect the case references (kind 0) or job titles (kind 1) in s. */
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

/* Protect (kind 0) the words of s that are case references kept by redact_keep(). */
static void
protect_kept(struct redact *r, const char *s, size_t len)
{
	size_t so, eo, i;

	for (so = 0; so < len; so = eo + 1) {
		while (so < len && !ref_byte((unsigned char)s[so]))
			so++;
		for (eo = so; eo < len && ref_byte((unsigned char)s[eo]); eo++)
			;
		while (eo > so && !isalnum((unsigned char)s[eo - 1]))
			eo--; /* a full stop or dash after the reference */
		if (eo == so || eo - so > 64)
			continue;
		strbuf_reset(&r->key);
		for (i = so; i < eo; i++)
			strbuf_addch(&r->key, (char)toupper((unsigned char)s[i]));
		if (idset_find(r->keep, r->key.buf, r->key.len) != 0 &&
		    !redact_protected(r, so, eo, 0))
			redact_push_span(&r->prot, &r->nprot, &r->protcap, so, eo, 0, 0);
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

	if (len == 0 || len > 64)
		return;
	if (r->keep == NULL)
		r->keep = idset_new();
	strbuf_reset(&r->key);
	for (i = 0; i < len; i++)
		strbuf_addch(&r->key, (char)toupper((unsigned char)p[i]));
	idset_add(r->keep, r->key.buf, r->key.len, 1);
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

/* Find every span in s and keep a non-overlapping set, in order. */
static void
find_spans(struct redact *r, const char *s, size_t len)
{
	size_t i, k, last, digits;
	int has_at;

	r->nspans = 0;
	r->nprot = 0;
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
	if (r->nnames > 0 &&
	    (k = r->nspans, redact_run_names(r, s, len, (int)r->ndet), r->nspans > k)) {
		/* Names found: drop those inside a job title ("Children's Guardian"). */
		protect(r, r->titles, 1, s, len);
		for (i = k, last = k; i < r->nspans; i++)
			if (!redact_protected(r, r->spans[i].so, r->spans[i].eo, 1))
				r->spans[last++] = r->spans[i];
		r->nspans = last;
	}
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
	size_t i, at = 0;

	find_spans(r, s, len);
	for (i = 0; i < r->nspans; i++) {
		strbuf_add(out, s + at, r->spans[i].so - at);
		strbuf_adds(out, placeholders[r->spans[i].type]);
		if (counts != NULL)
			counts[r->spans[i].type]++;
		at = r->spans[i].eo;
	}
	strbuf_add(out, s + at, len - at);
	return r->nspans;
}

enum redact_type
redact_scan(struct redact *r, const char *s, size_t len, size_t *offset)
{
	find_spans(r, s, len);
	if (r->nspans == 0)
		return REDACT_NONE;
	if (offset != NULL)
		*offset = r->spans[0].so;
	return (enum redact_type)r->spans[0].type;
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

/* Add the words of one list of share/redact/words.json with flags. */
static void
load_word_list(struct redact *r, json_t *root, const char *key, unsigned flags)
{
	json_t *v;
	size_t i;

	json_array_foreach(json_object_get(root, key), i, v) if (json_is_string(v))
	    redact_add_word(r, json_string_value(v), flags);
}

/* Append title to the pattern: quoted, any apostrophe matching ' or U+2019. */
static void
add_title_alt(struct strbuf *sb, const char *t)
{
	strbuf_adds(sb, "\\Q");
	for (; *t != '\0'; t++) {
		if (*t == '\'')
			strbuf_adds(sb, "\\E['\\x{2019}]\\Q");
		else if (*t == '\\')
			strbuf_adds(sb, "\\E\\\\\\Q");
		else
			strbuf_addch(sb, *t);
	}
	strbuf_adds(sb, "\\E");
}

/* Order strings longest first. */
static int
longest_first(const void *a, const void *b)
{
	size_t x = strlen(*(const char *const *)a), y = strlen(*(const char *const *)b);

	return (x < y) - (x > y);
}

/* Compile the job titles of share/redact/job-titles.json into one pattern. */
static int
load_titles(struct redact *r, char *err, size_t errsz)
{
	json_t *root, *arr, *v;
	const char **t;
	size_t i, n = 0;
	struct strbuf sb;
	char rxerr[256];

	if ((root = redact_load_data("redact/job-titles.json", err, errsz)) == NULL)
		return -1;
	arr = json_object_get(root, "titles");
	t = xcalloc(json_array_size(arr) + 1, sizeof(char *));
	json_array_foreach(arr, i, v) if (json_is_string(v) && *json_string_value(v) != '\0')
	    t[n++] = json_string_value(v);
	qsort(t, n, sizeof(char *), longest_first);
	strbuf_init(&sb);
	strbuf_adds(&sb, "(?<![\\w])(?:");
	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_addch(&sb, '|');
		add_title_alt(&sb, t[i]);
	}
	strbuf_adds(&sb, ")(?![\\w])");
	if (n > 0 && (r->titles = rx_new(sb.buf, RX_CASELESS, rxerr, sizeof(rxerr))) == NULL)
		snprintf(err, errsz, "redact/job-titles.json: %s", rxerr);
	strbuf_free(&sb);
	free(t);
	json_decref(root);
	return n > 0 && r->titles == NULL ? -1 : 0;
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
	if ((fp = fopen(path, "r")) != NULL) {
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

struct redact *
redact_new(char *err, size_t errsz)
{
	struct redact *r = xcalloc(1, sizeof(*r));
	json_t *words;

	strbuf_init(&r->key);
	if (redact_load_patterns(r, err, errsz) == -1 || redact_load_ni(r, err, errsz) == -1 ||
	    load_titles(r, err, errsz) == -1 || load_caseid(r, err, errsz) == -1 ||
	    (words = redact_load_data("redact/words.json", err, errsz)) == NULL) {
		redact_free(r);
		return NULL;
	}
	load_word_list(r, words, "org_words", W_ORG);
	load_word_list(r, words, "skip_words", W_SKIP);
	load_word_list(r, words, "honorifics", W_HONORIFIC);
	load_word_list(r, words, "common_words", W_COMMON);
	json_decref(words);
	return r;
}

void
redact_free(struct redact *r)
{
	size_t i, k;

	if (r == NULL)
		return;
	for (i = 0; i < r->ndet; i++)
		rx_free(r->det[i].rx);
	free(r->det);
	rx_free(r->caseid);
	idset_free(r->keep);
	rx_free(r->titles);
	free(r->ni_invalid);
	for (i = 0; i < r->wcap; i++) {
		free(r->words[i].key);
		free(r->words[i].full);
	}
	free(r->words);
	for (i = 0; i < r->nfulls; i++) {
		for (k = 0; k < r->fulls[i].ntok; k++)
			free(r->fulls[i].tok[k]);
		free(r->fulls[i].tok);
	}
	free(r->fulls);
	free(r->spans);
	free(r->prot);
	free(r->toks);
	strbuf_free(&r->key);
	free(r);
}
