/*
 * redact_lexicon.c: the deny-list of names: a hash table of lowered words,
 * the full names and surnames of the people added one by one or as the
 * parties of a Case name, and the identifier files that add them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvio.h"
#include "core/fieldmap.h"
#include "core/idset.h"
#include "core/keyhash.h"
#include "core/output.h"
#include "core/pages.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "redact/redact-impl.h"

/* The slot of key[0..len) in the run's table: its entry, or the empty slot where it would go. */
static struct redact_slot *
word_slot_h(const struct redact *r, const char *key, size_t len, uint32_t h)
{
	size_t i = h & (r->wcap - 1);

	while (r->words[i].key != NULL &&
	       (r->words[i].hash != h || strncmp(r->words[i].key, key, len) != 0 ||
	        r->words[i].key[len] != '\0'))
		i = (i + 1) & (r->wcap - 1);
	return &r->words[i];
}

/* The hash of key[0..len) under the run's key. */
static uint32_t
word_hash(const struct redact *r, const char *key, size_t len)
{
	return (uint32_t)keyhash_sip13(&r->hkey, key, len);
}

/*
 * The run's table first (the words the run added or changed), then the
 * prebuilt index of the word lists, if one is open.
 */
struct redact_word *
redact_word_findn(const struct redact *r, const char *key, size_t len)
{
	struct redact_slot *w;

	if (r->wcount > 0 && (w = word_slot_h(r, key, len, word_hash(r, key, len)))->key != NULL)
		return &w->w;
	return r->index != NULL ? (struct redact_word *)redact_index_find(r->index, key, len)
	                        : NULL;
}

/* The entry of key, or NULL. */
struct redact_word *
redact_word_find(const struct redact *r, const char *key)
{
	return redact_word_findn(r, key, strlen(key));
}

/*
 * The most words a table of cap slots holds: five eighths (linear probing
 * stays short; the 280,000 words of the English lists fit 2^19 slots, 12 MiB).
 */
#define WORDS_MAX(cap) ((cap) / 8 * 5)

/* Resize the table to cap slots (a power of two, more than WORDS_MAX of the words). */
static void
word_resize(struct redact *r, size_t cap)
{
	struct redact_slot *old = r->words;
	size_t i, k, oldcap = r->wcap;

	r->wcap = cap;
	r->words = pages_alloc(r->wcap, sizeof(*r->words));
	for (i = 0; i < oldcap; i++)
		if (old[i].key != NULL) {
			for (k = old[i].hash & (r->wcap - 1); r->words[k].key != NULL;
			     k = (k + 1) & (r->wcap - 1))
				;
			r->words[k] = old[i];
		}
	pages_free(old, oldcap, sizeof(*old));
}

/* Double the table. */
static void
word_grow(struct redact *r)
{
	word_resize(r, r->wcap == 0 ? 1024 : r->wcap * 2);
}

void
redact_words_reserve(struct redact *r, size_t n)
{
	size_t cap = r->wcap == 0 ? 1024 : r->wcap;

	while (r->wcount + n + 1 > WORDS_MAX(cap))
		cap *= 2;
	if (cap != r->wcap)
		word_resize(r, cap);
}

/*
 * The entry of key[0..len) in the run's table, created when absent (key
 * copied unless keep); *added set then, unless the index knew the word: a
 * new entry starts as the index's, so that a word the run changes reads
 * the same as in a table built whole.
 */
static struct redact_word *
word_get_n(struct redact *r, char *key, size_t len, int keep, int *added)
{
	struct redact_slot *w;
	const struct redact_word *known;
	uint32_t h = word_hash(r, key, len);

	if (r->wcount + 1 > WORDS_MAX(r->wcap))
		word_grow(r);
	w = word_slot_h(r, key, len, h);
	*added = w->key == NULL;
	if (*added) {
		w->key = keep ? key : xstrdup(key);
		w->w.owned = !keep;
		w->hash = h;
		r->wcount++;
		if (r->index != NULL && (known = redact_index_find(r->index, key, len)) != NULL) {
			w->w.flags = known->flags;
			w->w.maxfull = known->maxfull;
			w->w.maxphrase = known->maxphrase;
			w->w.phrasekind = known->phrasekind;
			*added = 0;
		}
	}
	return &w->w;
}

/* The entry of key, created when absent (key copied unless keep). */
static struct redact_word *
word_get(struct redact *r, char *key, int keep)
{
	int added;

	return word_get_n(r, key, strlen(key), keep, &added);
}

/* Add a word of the vocabulary with flags. */
struct redact_word *
redact_add_word(struct redact *r, const char *key, unsigned flags)
{
	struct redact_word *w = word_get(r, (char *)key, 0);

	w->flags |= flags;
	return w;
}

/* Add a word whose key lives as long as r (not copied). */
struct redact_word *
redact_add_word_static(struct redact *r, char *key, unsigned flags)
{
	struct redact_word *w = word_get(r, key, 1);

	w->flags |= flags;
	return w;
}

int
redact_add_word_new(struct redact *r, char *key, size_t len, unsigned flags)
{
	int added;
	struct redact_word *w = word_get_n(r, key, len, 1, &added);

	if (added)
		w->flags = flags;
	return added;
}

/* Add a full name made of n lowered words: its joined key, and its length under its first word. */
static void
add_fullname(struct redact *r, char **words, size_t n)
{
	struct redact_word *w;
	size_t i;

	strbuf_reset(&r->key2);
	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_addch(&r->key2, ' ');
		strbuf_adds(&r->key2, words[i]);
	}
	w = redact_add_word(r, r->key2.buf, 0);
	if (w->flags & W_FULL)
		return;
	w->flags |= W_FULL;
	r->nnames++;
	w = redact_add_word(r, words[0], 0);
	if (w->maxfull < n)
		w->maxfull = (unsigned char)(n < 255 ? n : 255);
}

/* Add a listed name word (two letters or more): alone, with a capital, a name. */
static void
add_surname(struct redact *r, const char *w)
{
	struct redact_word *e;

	if (strlen(w) < 2)
		return;
	e = redact_add_word(r, w, 0);
	if (!(e->flags & W_SURNAME))
		r->nnames++;
	e->flags |= W_SURNAME;
}

/*
 * The lowered form of the text's token i, as redact_lower_word() makes it
 * (redact_tokenize() lowered it so, apostrophes as '), NUL-ended; valid
 * until the next redact_tokenize().
 */
static const char *
tok_key(const struct redact *r, size_t i)
{
	return r->low.buf + r->toks[i].key;
}

/* Lowered words of name without honorifics; returns the count. */
static size_t
name_words(struct redact *r, const char *name, char ***out)
{
	char **v = NULL;
	size_t i, n = 0;
	struct redact_word *w;

	redact_tokenize(r, name, strlen(name));
	for (i = 0; i < r->ntoks; i++) {
		const char *key = tok_key(r, i);

		if ((w = redact_word_findn(r, key, r->toks[i].klen)) != NULL &&
		    (w->flags & W_HONORIFIC))
			continue;
		v = xreallocarray(v, n + 1, sizeof(char *));
		v[n++] = xstrndup(key, r->toks[i].klen);
	}
	*out = v;
	return n;
}

/* Free n words. */
static void
free_words(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Add the full name, first+last, and the surname of a list of words. */
static void
add_name_words(struct redact *r, char **v, size_t n, size_t surname)
{
	char *pair[2];
	size_t i, letters = 0;
	const struct redact_word *first;

	if (n == 0)
		return;
	for (i = 0; i < n; i++)
		letters += strlen(v[i]) > 1;
	if (letters == 0)
		return; /* initials only: they survive */
	add_surname(r, v[surname]);
	if (n < 2)
		return;
	if (surname != 0 && !((first = redact_word_find(r, v[0])) != NULL &&
	                      (first->flags & (W_HONORIFIC | W_SKIP))))
		add_surname(r, v[0]); /* the first name alone, too */
	add_fullname(r, v, n);
	if (n > 2) {
		pair[0] = v[0];
		pair[1] = v[n - 1];
		add_fullname(r, pair, 2);
	}
}

void
redact_add_person(struct redact *r, const char *name)
{
	const char *comma = strchr(name, ',');
	char **v, **first, **all;
	size_t n, nf, i;

	if (comma == NULL) {
		n = name_words(r, name, &v);
		add_name_words(r, v, n, n > 0 ? n - 1 : 0);
		free_words(v, n);
		return;
	}
	/* "Khan, Sarah": the surname comes first. */
	{
		char *sur = xstrndup(name, (size_t)(comma - name));
		n = name_words(r, sur, &v);
		free(sur);
	}
	nf = name_words(r, comma + 1, &first);
	all = xcalloc(n + nf + 1, sizeof(char *));
	for (i = 0; i < nf; i++)
		all[i] = first[i];
	for (i = 0; i < n; i++)
		all[nf + i] = v[i];
	if (n > 0)
		add_name_words(r, all, n + nf, n + nf - 1);
	free(all);
	free_words(v, n);
	free_words(first, nf);
}

/* Add one Case name party (a run of tokens) when it names a person. */
static void
add_party(struct redact *r, const char *s, size_t from, size_t to)
{
	char **v = NULL;
	size_t i, n = 0;
	struct redact_word *w;

	for (i = from; i < to; i++) {
		const struct token *t = &r->toks[i];
		size_t len = t->eo - t->so, k, upper = 0;
		const char *key = tok_key(r, i);

		w = redact_word_findn(r, key, t->klen);
		if (w != NULL && (w->flags & W_ORG))
			goto out; /* an organisation */
		if ((w != NULL && (w->flags & (W_SKIP | W_HONORIFIC))) || !redact_capitalised(s, t))
			continue;
		for (k = t->so; k < t->eo; k++)
			upper += s[k] >= 'A' && s[k] <= 'Z';
		if (len <= 3 && upper == len)
			continue; /* initials: "AB" */
		v = xreallocarray(v, n + 1, sizeof(char *));
		v[n++] = xstrndup(key, t->klen);
	}
	add_name_words(r, v, n, n > 0 ? n - 1 : 0);
out:
	free_words(v, n);
}

/* 1 when the text between two tokens separates Case name parties. */
static int
party_break(const char *s, size_t so, size_t eo)
{
	size_t i;

	for (i = so; i < eo; i++)
		if (s[i] == '&' || s[i] == ',' || s[i] == ';' || s[i] == '/')
			return 1;
	return 0;
}

void
redact_add_case_name(struct redact *r, const char *case_name)
{
	struct strbuf sb;
	const char *p;
	size_t i, from = 0, depth = 0;

	/* Drop parentheticals: "(A Child)", "(Children)". */
	strbuf_init(&sb);
	strbuf_grow(&sb, strlen(case_name));
	for (p = case_name; *p != '\0'; p++) {
		if (*p == '(' || *p == '[')
			depth++;
		else if ((*p == ')' || *p == ']') && depth > 0)
			depth--;
		else if (depth == 0)
			sb.buf[sb.len++] = *p;
	}
	sb.buf[sb.len] = '\0';
	redact_tokenize(r, sb.buf, sb.len);
	for (i = 0; i <= r->ntoks; i++) {
		int brk = i == r->ntoks;

		if (!brk) {
			const char *key = tok_key(r, i);

			brk = strcmp(key, "v") == 0 || strcmp(key, "vs") == 0 ||
			      strcmp(key, "and") == 0 || strcmp(key, "versus") == 0;
			if (!brk && i > from &&
			    party_break(sb.buf, r->toks[i - 1].eo, r->toks[i].so)) {
				add_party(r, sb.buf, from, i);
				from = i;
				continue;
			}
		}
		if (brk) {
			add_party(r, sb.buf, from, i);
			from = i + 1;
		}
	}
	strbuf_free(&sb);
}

size_t
redact_names(const struct redact *r)
{
	return r->nnames;
}

/* Column of a header named like "name" / "full name", or -1. */
static long
name_column(const struct csvio_record *h)
{
	struct strbuf k;
	size_t i;
	long col = -1;

	strbuf_init(&k);
	for (i = 0; i < h->nfields && col < 0; i++) {
		text_normkey(h->fields[i], &k);
		if (strcmp(k.buf, "name") == 0 || strcmp(k.buf, "fullname") == 0)
			col = (long)i;
	}
	strbuf_free(&k);
	return col;
}

/*
 * The names already fed to the deny-list from an identifiers file: adding a
 * name or a Case name again changes nothing (each addition only sets flags
 * and keeps maxima), and an extract repeats them (a practitioner holds
 * many cases, a Case name like "Re W (A Child)" recurs), so each distinct
 * one is added once.
 */
struct seen_names {
	struct idset *cases, *people;
};

/* 1 the first time s is met in set. */
static int
first_time(struct idset *set, const char *s)
{
	return idset_add(set, s, strlen(s), 1) == 0;
}

/* Feed the names of one record to the deny-list. */
static void
add_record(struct redact *r, const struct csvio_record *rec, long cname, long prac, long ncol,
           long cid, struct seen_names *seen)
{
	if (cid >= 0 && (size_t)cid < rec->nfields)
		redact_keep(r, rec->fields[cid]);
	if (cname >= 0 && (size_t)cname < rec->nfields &&
	    first_time(seen->cases, rec->fields[cname]))
		redact_add_case_name(r, rec->fields[cname]);
	if (prac >= 0 && (size_t)prac < rec->nfields && first_time(seen->people, rec->fields[prac]))
		redact_add_person(r, rec->fields[prac]);
	if (ncol >= 0 && (size_t)ncol < rec->nfields && first_time(seen->people, rec->fields[ncol]))
		redact_add_person(r, rec->fields[ncol]);
}

/* Read every record of the reader into the deny-list; each Case ID to fn too. */
static int
read_identifiers(struct redact *r, struct csvio_reader *rd, const char *name, redact_id_fn *fn,
                 void *arg, char *err, size_t errsz)
{
	struct csvio_record *rec;
	struct fieldmap *fm;
	struct fieldmap_binding b;
	long cname = -1, prac = -1, ncol = -1, cid = -1, idcol = -1;
	int rc;
	char fmerr[256];
	struct seen_names seen;

	if ((fm = fieldmap_load_named("annexa", fmerr, sizeof(fmerr))) == NULL) {
		snprintf(err, errsz, "%s", fmerr);
		return -1;
	}
	seen.cases = idset_new();
	seen.people = idset_new();
	if ((rc = csvio_next(rd, &rec)) == 1) {
		fieldmap_bind(fm, (const char *const *)rec->fields, rec->nfields, &b);
		if (fieldmap_index(fm, "case_name") >= 0)
			cname = b.column[fieldmap_index(fm, "case_name")];
		if (fieldmap_index(fm, "practitioner") >= 0)
			prac = b.column[fieldmap_index(fm, "practitioner")];
		if (fieldmap_index(fm, "case_id") >= 0)
			idcol = b.column[fieldmap_index(fm, "case_id")];
		if (cname >= 0 || prac >= 0)
			cid = idcol;
		fieldmap_unbind(&b);
		if (cname < 0 && prac < 0 && (ncol = name_column(rec)) < 0) {
			ncol = 0; /* a plain list: the first line is a name too */
			add_record(r, rec, -1, -1, 0, -1, &seen);
		}
	}
	while (rc == 1 && (rc = csvio_next(rd, &rec)) == 1) {
		if (rec->flags & (CSVIO_BAD_UTF8 | CSVIO_MALFORMED | CSVIO_UNTERMINATED)) {
			snprintf(err, errsz, "%s:%lu: %s", name, rec->line,
			         rec->flags & CSVIO_BAD_UTF8 ? "not valid UTF-8" : "malformed CSV");
			rc = -2;
			break;
		}
		add_record(r, rec, cname, prac, ncol, cid, &seen);
		if (fn != NULL && idcol >= 0 && (size_t)idcol < rec->nfields)
			fn(arg, rec->fields[idcol], rec->lens[idcol], rec->line, cid >= 0);
	}
	idset_free(seen.cases);
	idset_free(seen.people);
	if (rc == -1)
		snprintf(err, errsz, "%s: %s", name, csvio_error(rd));
	fieldmap_free(fm);
	return rc < 0 ? -1 : 0;
}

int
redact_add_identifiers(struct redact *r, const char *path, unsigned csv_flags, char *err,
                       size_t errsz)
{
	return redact_add_identifiers_ids(r, path, csv_flags, NULL, NULL, err, errsz);
}

int
redact_add_identifiers_ids(struct redact *r, const char *path, unsigned csv_flags, redact_id_fn *fn,
                           void *arg, char *err, size_t errsz)
{
	struct csvio_reader *rd;
	FILE *fp = stdin;
	const char *name = "<stdin>";
	int rc;

	if (path != NULL && strcmp(path, "-") != 0) {
		name = path;
		if ((fp = output_input_open(path)) == NULL) {
			snprintf(err, errsz, "%s: cannot open", path);
			return -1;
		}
	}
	rd = csvio_open(fp, name, csv_flags);
	rc = read_identifiers(r, rd, name, fn, arg, err, errsz);
	csvio_close(rd);
	if (fp != stdin)
		fclose(fp);
	return rc;
}
