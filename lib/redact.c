/*
 * redact.c: personal-data detectors and their redaction.
 *
 * The patterns (share/redact/patterns.json) are compiled once with PCRE2
 * JIT through rx.h. Names are a deny-list held in a hash table of
 * normalised words: the text is cut into word tokens once and each token
 * is looked up, so the cost does not grow with the number of names.
 * Every detector proposes spans; overlapping spans are resolved earliest
 * first, then longest, then by detector priority, and spans that touch a
 * case reference (and, for names, a job title) are dropped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "csvio.h"
#include "datadir.h"
#include "fieldmap.h"
#include "jsonio.h"
#include "redact.h"
#include "rx.h"
#include "text.h"
#include "xalloc.h"

#define W_SURNAME 0x1 /* the word alone is a surname */
#define W_ORG 0x2 /* marks a Case name party as an organisation */
#define W_SKIP 0x4 /* dropped from Case name parties */
#define W_HONORIFIC 0x8 /* Mr, Mrs, Dr... */
#define W_COMMON 0x10 /* a surname that is also an ordinary word */

struct fullname {
	size_t ntok;
	char **tok; /* lowered words */
};

struct word {
	char *key; /* lowered word */
	unsigned flags;
	size_t nfull; /* full names starting with this word */
	size_t *full; /* indexes into r->fulls, longest first */
};

struct detector {
	enum redact_type type;
	struct rx *rx;
	unsigned group;
	int check; /* CHECK_* */
	size_t min_digits; /* a match holds at least this many digits */
};

enum { CHECK_NONE, CHECK_NHS, CHECK_NI };

struct span {
	size_t so, eo;
	int type;
	int prio;
};

struct token {
	size_t so, eo;
};

struct redact {
	struct detector *det;
	size_t ndet;
	struct rx *caseid;
	struct rx *titles;
	char ni_first_not[32], ni_second_not[32];
	char (*ni_invalid)[3];
	size_t nni_invalid;

	struct word *words; /* open addressing, size a power of two */
	size_t wcap, wcount;
	struct fullname *fulls;
	size_t nfulls;
	size_t nnames;

	/* scratch */
	struct span *spans;
	size_t nspans, spancap;
	struct span *prot;
	size_t nprot, protcap;
	struct token *toks;
	size_t ntoks, tokcap;
	struct strbuf key;
};

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

/* FNV-1a over a NUL-terminated key. */
static size_t
hash_key(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot of key: its entry, or the empty slot where it would go. */
static struct word *
word_slot(const struct redact *r, const char *key)
{
	size_t i = hash_key(key) & (r->wcap - 1);

	while (r->words[i].key != NULL && strcmp(r->words[i].key, key) != 0)
		i = (i + 1) & (r->wcap - 1);
	return &r->words[i];
}

/* The entry of key, or NULL. */
static struct word *
word_find(const struct redact *r, const char *key)
{
	struct word *w;

	if (r->wcount == 0)
		return NULL;
	w = word_slot(r, key);
	return w->key != NULL ? w : NULL;
}

/* Double the table. */
static void
word_grow(struct redact *r)
{
	struct word *old = r->words;
	size_t i, oldcap = r->wcap;

	r->wcap = oldcap == 0 ? 256 : oldcap * 2;
	r->words = xcalloc(r->wcap, sizeof(*r->words));
	for (i = 0; i < oldcap; i++)
		if (old[i].key != NULL)
			*word_slot(r, old[i].key) = old[i];
	free(old);
}

/* The entry of key, created when absent. */
static struct word *
word_get(struct redact *r, const char *key)
{
	struct word *w;

	if ((r->wcount + 1) * 2 > r->wcap)
		word_grow(r);
	w = word_slot(r, key);
	if (w->key == NULL) {
		w->key = xstrdup(key);
		r->wcount++;
	}
	return w;
}

/* Length of the UTF-8 sequence led by c (1 for ASCII and stray bytes). */
static size_t
u8len(unsigned char c)
{
	if (c >= 0xF0)
		return 4;
	if (c >= 0xE0)
		return 3;
	if (c >= 0xC0)
		return 2;
	return 1;
}

/* 1 when the character at s[i] is an apostrophe (' or U+2019). */
static size_t
apostrophe_at(const char *s, size_t len, size_t i)
{
	if (s[i] == '\'')
		return 1;
	if (i + 2 < len && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    (unsigned char)s[i + 2] == 0x99)
		return 3;
	return 0;
}

/* Bytes of the letter at s[i], or 0 when it is not a letter. */
static size_t
letter_at(const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i], d;
	size_t n;

	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 1;
	if (c < 0xC0)
		return 0;
	n = u8len(c);
	if (i + n > len)
		return 0;
	d = (unsigned char)s[i + 1];
	if (c == 0xC2 || (c == 0xE2 && (d == 0x80 || d == 0x81)) ||
	    (c == 0xC3 && (d == 0x97 || d == 0xB7)))
		return 0; /* Latin-1 punctuation, general punctuation, x and / signs */
	return n;
}

/* Cut s into word tokens (letters, with inner apostrophes and hyphens). */
static void
tokenize(struct redact *r, const char *s, size_t len)
{
	size_t i = 0, n, so;

	r->ntoks = 0;
	while (i < len) {
		if ((n = letter_at(s, len, i)) == 0) {
			i++;
			continue;
		}
		so = i;
		for (;;) {
			while (i < len && (n = letter_at(s, len, i)) > 0)
				i += n;
			if (i < len && (n = apostrophe_at(s, len, i)) == 0 && s[i] == '-')
				n = 1;
			if (i >= len || n == 0 || i + n >= len || letter_at(s, len, i + n) == 0)
				break;
			i += n;
		}
		if (r->ntoks == r->tokcap) {
			r->tokcap = r->tokcap == 0 ? 64 : r->tokcap * 2;
			r->toks = xreallocarray(r->toks, r->tokcap, sizeof(*r->toks));
		}
		r->toks[r->ntoks].so = so;
		r->toks[r->ntoks++].eo = i;
	}
}

/* Lower s[so..eo) into out, apostrophes as '. */
static void
lower_word(const char *s, size_t so, size_t eo, struct strbuf *out)
{
	size_t i, n;
	char *d;

	strbuf_reset(out);
	strbuf_grow(out, eo - so + 1);
	d = out->buf;
	for (i = so; i < eo; i += n) {
		if ((n = apostrophe_at(s, eo, i)) > 0) {
			*d++ = '\'';
			continue;
		}
		n = 1;
		*d++ = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a') : s[i];
	}
	*d = '\0';
	out->len = (size_t)(d - out->buf);
}

/* 1 when the token's first letter is a capital (non-ASCII counts). */
static int
capitalised(const char *s, const struct token *t)
{
	unsigned char c = (unsigned char)s[t->so];

	return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Length of a possessive ending ('s or U+2019 s) at the end of the token, or 0. */
static size_t
possessive_len(const char *s, const struct token *t)
{
	size_t n = t->eo - t->so;

	if (n > 2 && (s[t->eo - 1] == 's' || s[t->eo - 1] == 'S') && s[t->eo - 2] == '\'')
		return 2;
	if (n > 4 && (s[t->eo - 1] == 's' || s[t->eo - 1] == 'S') &&
	    (unsigned char)s[t->eo - 2] == 0x99 && (unsigned char)s[t->eo - 3] == 0x80 &&
	    (unsigned char)s[t->eo - 4] == 0xE2)
		return 4;
	return 0;
}

/* Add a word of the deny-list vocabulary with flags. */
static struct word *
add_word(struct redact *r, const char *key, unsigned flags)
{
	struct word *w = word_get(r, key);

	w->flags |= flags;
	return w;
}

/* 1 when word w already starts the full name of n words v. */
static int
has_full(const struct redact *r, const struct word *w, char **v, size_t n)
{
	size_t i, k;

	for (i = 0; i < w->nfull; i++) {
		const struct fullname *f = &r->fulls[w->full[i]];

		if (f->ntok != n)
			continue;
		for (k = 0; k < n && strcmp(f->tok[k], v[k]) == 0; k++)
			;
		if (k == n)
			return 1;
	}
	return 0;
}

/* Add a full name made of n lowered words, kept longest first under its first word. */
static void
add_fullname(struct redact *r, char **words, size_t n)
{
	struct word *w = add_word(r, words[0], 0);
	struct fullname *f;
	size_t i;

	if (has_full(r, w, words, n))
		return;
	r->fulls = xreallocarray(r->fulls, r->nfulls + 1, sizeof(*r->fulls));
	f = &r->fulls[r->nfulls];
	f->ntok = n;
	f->tok = xcalloc(n, sizeof(char *));
	for (i = 0; i < n; i++)
		f->tok[i] = xstrdup(words[i]);
	w->full = xreallocarray(w->full, w->nfull + 1, sizeof(size_t));
	for (i = w->nfull; i > 0 && r->fulls[w->full[i - 1]].ntok < n; i--)
		w->full[i] = w->full[i - 1];
	w->full[i] = r->nfulls++;
	w->nfull++;
	r->nnames++;
}

/* Add a surname (two letters or more). */
static void
add_surname(struct redact *r, const char *w)
{
	struct word *e;

	if (strlen(w) < 2)
		return;
	e = add_word(r, w, 0);
	if (!(e->flags & W_SURNAME))
		r->nnames++;
	e->flags |= W_SURNAME;
}

/* Lowered words of name without honorifics; returns the count. */
static size_t
name_words(struct redact *r, const char *name, char ***out)
{
	char **v = NULL;
	size_t i, n = 0;
	struct word *w;

	tokenize(r, name, strlen(name));
	for (i = 0; i < r->ntoks; i++) {
		lower_word(name, r->toks[i].so, r->toks[i].eo, &r->key);
		if ((w = word_find(r, r->key.buf)) != NULL && (w->flags & W_HONORIFIC))
			continue;
		v = xreallocarray(v, n + 1, sizeof(char *));
		v[n++] = xstrdup(r->key.buf);
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

	if (n == 0)
		return;
	for (i = 0; i < n; i++)
		letters += strlen(v[i]) > 1;
	if (letters == 0)
		return; /* initials only: they survive */
	add_surname(r, v[surname]);
	if (n < 2)
		return;
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
	struct word *w;

	for (i = from; i < to; i++) {
		const struct token *t = &r->toks[i];
		size_t len = t->eo - t->so, k, upper = 0;

		lower_word(s, t->so, t->eo, &r->key);
		w = word_find(r, r->key.buf);
		if (w != NULL && (w->flags & W_ORG))
			goto out; /* an organisation */
		if ((w != NULL && (w->flags & (W_SKIP | W_HONORIFIC))) || !capitalised(s, t))
			continue;
		for (k = t->so; k < t->eo; k++)
			upper += s[k] >= 'A' && s[k] <= 'Z';
		if (len <= 3 && upper == len)
			continue; /* initials: "AB" */
		v = xreallocarray(v, n + 1, sizeof(char *));
		v[n++] = xstrdup(r->key.buf);
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
	for (p = case_name; *p != '\0'; p++) {
		if (*p == '(' || *p == '[')
			depth++;
		else if ((*p == ')' || *p == ']') && depth > 0)
			depth--;
		else if (depth == 0)
			strbuf_addch(&sb, *p);
	}
	tokenize(r, sb.buf, sb.len);
	for (i = 0; i <= r->ntoks; i++) {
		int brk = i == r->ntoks;

		if (!brk) {
			lower_word(sb.buf, r->toks[i].so, r->toks[i].eo, &r->key);
			brk = strcmp(r->key.buf, "v") == 0 || strcmp(r->key.buf, "vs") == 0 ||
			      strcmp(r->key.buf, "and") == 0 || strcmp(r->key.buf, "versus") == 0;
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

/* Record a span in the list (protected or proposed). */
static void
push_span(struct span **v, size_t *n, size_t *cap, size_t so, size_t eo, int type, int prio)
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
static int protected(const struct redact *r, size_t so, size_t eo, int kind)
{
	size_t i;

	for (i = 0; i < r->nprot; i++)
		if ((kind < 0 || r->prot[i].type == kind) && so < r->prot[i].eo &&
		    r->prot[i].so < eo)
			return 1;
	return 0;
}

int
redact_nhs_valid(const char *d)
{
	int i, sum = 0, check;

	for (i = 0; i < 10; i++)
		if (d[i] < '0' || d[i] > '9')
			return 0;
	for (i = 0; i < 9; i++)
		sum += (d[i] - '0') * (10 - i);
	check = 11 - sum % 11;
	if (check == 11)
		check = 0;
	return check != 10 && check == d[9] - '0';
}

int
redact_ni_prefix_valid(const struct redact *r, const char *p)
{
	char a = p[0], b = p[1];
	size_t i;

	if (a >= 'a' && a <= 'z')
		a = (char)(a - 'a' + 'A');
	if (b >= 'a' && b <= 'z')
		b = (char)(b - 'a' + 'A');
	if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z')
		return 0;
	if (strchr(r->ni_first_not, a) != NULL || strchr(r->ni_second_not, b) != NULL)
		return 0;
	for (i = 0; i < r->nni_invalid; i++)
		if (r->ni_invalid[i][0] == a && r->ni_invalid[i][1] == b)
			return 0;
	return 1;
}

/* 1 when the match passes the detector's validator. */
static int
check_match(const struct redact *r, const struct detector *d, const char *s, size_t so, size_t eo)
{
	char digits[11];
	size_t i, n = 0;

	switch (d->check) {
	case CHECK_NHS:
		for (i = so; i < eo; i++)
			if (s[i] >= '0' && s[i] <= '9') {
				if (n == 10)
					return 0;
				digits[n++] = s[i];
			}
		digits[n] = '\0';
		return n == 10 && redact_nhs_valid(digits);
	case CHECK_NI:
		return redact_ni_prefix_valid(r, s + so);
	default:
		return 1;
	}
}

/* Propose the spans of every pattern detector. */
static void
run_patterns(struct redact *r, const char *s, size_t len, size_t digits, int has_at)
{
	size_t i, from, so, eo, gso, geo;

	for (i = 0; i < r->ndet; i++) {
		const struct detector *d = &r->det[i];

		if (d->type == REDACT_EMAIL ? !has_at : digits == 0 || digits < d->min_digits)
			continue;
		for (from = 0; from < len && rx_search(d->rx, s, len, from, &so, &eo) == 1;) {
			gso = so;
			geo = eo;
			if (d->group > 0 && rx_group(d->rx, d->group, &gso, &geo) != 1)
				gso = geo = so;
			if (geo > gso && check_match(r, d, s, gso, geo) &&
			    !protected(r, gso, geo, 0))
				push_span(&r->spans, &r->nspans, &r->spancap, gso, geo,
				          (int)d->type, (int)i);
			from = eo > so ? eo : so + 1;
		}
	}
}

/* Protect the case references (kind 0) or job titles (kind 1) in s. */
static void
protect(struct redact *r, struct rx *rx, int kind, const char *s, size_t len)
{
	size_t from, so, eo;

	if (rx == NULL)
		return;
	for (from = 0; from < len && rx_search(rx, s, len, from, &so, &eo) == 1;) {
		push_span(&r->prot, &r->nprot, &r->protcap, so, eo, kind, 0);
		from = eo > so ? eo : so + 1;
	}
}

/* 1 when the bytes between two tokens may sit inside one name. */
static int
name_gap(const char *s, size_t so, size_t eo)
{
	size_t i, dots = 0;

	if (eo == so)
		return 0;
	for (i = so; i < eo; i++) {
		if (s[i] == '.')
			dots++;
		else if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return 0;
	}
	return dots <= 1;
}

/* 1 when token t of the text equals word w (or w plus a possessive, if last). */
static int
token_is(struct redact *r, const char *s, const struct token *t, const char *w, int last)
{
	size_t pl;

	lower_word(s, t->so, t->eo, &r->key);
	if (strcmp(r->key.buf, w) == 0)
		return 1;
	if (!last || (pl = possessive_len(s, t)) == 0)
		return 0;
	lower_word(s, t->so, t->eo - pl, &r->key);
	return strcmp(r->key.buf, w) == 0;
}

/* Tokens a full name starting at token i covers (0 if none); *eo its end. */
static size_t
match_full(struct redact *r, const char *s, size_t i, const struct word *w, size_t *eo)
{
	size_t k, j;

	for (k = 0; k < w->nfull; k++) {
		const struct fullname *f = &r->fulls[w->full[k]];

		if (i + f->ntok > r->ntoks)
			continue;
		for (j = 1; j < f->ntok; j++)
			if (!name_gap(s, r->toks[i + j - 1].eo, r->toks[i + j].so) ||
			    !token_is(r, s, &r->toks[i + j], f->tok[j], j + 1 == f->ntok))
				break;
		if (j == f->ntok) {
			const struct token *t = &r->toks[i + j - 1];
			*eo = t->eo - possessive_len(s, t);
			lower_word(s, t->so, *eo, &r->key);
			if (strcmp(r->key.buf, f->tok[j - 1]) != 0)
				*eo = t->eo;
			return f->ntok;
		}
	}
	return 0;
}

/* 1 when token i opens a sentence (and follows no honorific). */
static int
sentence_start(struct redact *r, const char *s, size_t i)
{
	size_t p = r->toks[i].so;
	const struct word *w;

	if (i > 0) {
		lower_word(s, r->toks[i - 1].so, r->toks[i - 1].eo, &r->key);
		if ((w = word_find(r, r->key.buf)) != NULL && (w->flags & W_HONORIFIC))
			return 0;
	}
	while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t' || s[p - 1] == '\n' ||
	                 s[p - 1] == '"' || s[p - 1] == '(' || s[p - 1] == '\''))
		p--;
	return p == 0 || s[p - 1] == '.' || s[p - 1] == '!' || s[p - 1] == '?' || s[p - 1] == ':';
}

/* The surname entry token i (or a possessive, or a hyphen part) holds. */
static const struct word *
surname_at(struct redact *r, const char *s, size_t i)
{
	const struct token *t = &r->toks[i];
	const struct word *w;
	size_t pl = possessive_len(s, t), k, start;

	lower_word(s, t->so, t->eo, &r->key);
	if ((w = word_find(r, r->key.buf)) != NULL && (w->flags & W_SURNAME))
		return w;
	if (pl > 0) {
		lower_word(s, t->so, t->eo - pl, &r->key);
		if ((w = word_find(r, r->key.buf)) != NULL && (w->flags & W_SURNAME))
			return w;
	}
	/* A hyphenated name holding a surname: "Smith-Jones". */
	if (memchr(s + t->so, '-', t->eo - t->so) == NULL)
		return NULL;
	for (start = t->so, k = t->so; k <= t->eo; k++) {
		size_t end = k == t->eo ? k - pl : k;

		if (k < t->eo && s[k] != '-')
			continue;
		if (end > start) {
			lower_word(s, start, end, &r->key);
			if ((w = word_find(r, r->key.buf)) != NULL && (w->flags & W_SURNAME))
				return w;
		}
		start = k + 1;
	}
	return NULL;
}

/* Propose the spans of names in the deny-list. */
static void
run_names(struct redact *r, const char *s, size_t len, int prio)
{
	size_t i, n, eo, nt;
	const struct word *w;

	if (r->wcount == 0 || r->nnames == 0)
		return;
	tokenize(r, s, len);
	for (i = 0; i < r->ntoks; i += n) {
		const struct token *t = &r->toks[i];

		n = 1;
		lower_word(s, t->so, t->eo, &r->key);
		w = word_find(r, r->key.buf);
		if (w != NULL && w->nfull > 0 && (nt = match_full(r, s, i, w, &eo)) > 0) {
			if (!protected(r, t->so, eo, 0)) {
				push_span(&r->spans, &r->nspans, &r->spancap, t->so, eo,
				          REDACT_NAME, prio);
				n = nt;
			}
			continue;
		}
		if (!capitalised(s, t) || (w = surname_at(r, s, i)) == NULL)
			continue;
		if ((w->flags & W_COMMON) && sentence_start(r, s, i))
			continue;
		eo = t->eo;
		if (possessive_len(s, t) > 0 && memchr(s + t->so, '-', t->eo - t->so) == NULL) {
			lower_word(s, t->so, t->eo, &r->key);
			if (word_find(r, r->key.buf) != w)
				eo -= possessive_len(s, t);
		}
		if (!protected(r, t->so, eo, 0))
			push_span(&r->spans, &r->nspans, &r->spancap, t->so, eo, REDACT_NAME, prio);
	}
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
	if (digits > 0) {
		protect(r, r->caseid, 0, s, len);
		/* a match may not touch a case reference: its digits do not count */
		for (i = 0; i < r->nprot; i++)
			digits -= count_digits(s, r->prot[i].so, r->prot[i].eo);
	}
	if (digits > 0 || has_at)
		run_patterns(r, s, len, digits, has_at);
	if (r->nnames > 0 && (k = r->nspans, run_names(r, s, len, (int)r->ndet), r->nspans > k)) {
		/* Names found: drop those inside a job title ("Children's Guardian"). */
		protect(r, r->titles, 1, s, len);
		for (i = k, last = k; i < r->nspans; i++)
			if (!protected(r, r->spans[i].so, r->spans[i].eo, 1))
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
static json_t *
load_data(const char *rel, char *err, size_t errsz)
{
	char *path = datadir_path(rel);
	json_t *j = jsonio_load(path, err, errsz);

	free(path);
	return j;
}

/* Type of a pattern's "type" key, or REDACT_NONE. */
static enum redact_type
type_of(const char *key)
{
	int i;

	for (i = 0; i < REDACT_NTYPES; i++)
		if (key != NULL && strcmp(key, type_keys[i]) == 0)
			return (enum redact_type)i;
	return REDACT_NONE;
}

/* Compile the detectors of share/redact/patterns.json. */
static int
load_patterns(struct redact *r, char *err, size_t errsz)
{
	json_t *root, *arr, *p;
	size_t i;
	char rxerr[256];

	if ((root = load_data("redact/patterns.json", err, errsz)) == NULL)
		return -1;
	arr = json_object_get(root, "patterns");
	r->det = xcalloc(json_array_size(arr) + 1, sizeof(*r->det));
	json_array_foreach(arr, i, p)
	{
		struct detector *d = &r->det[r->ndet];
		const char *check = jsonio_str(p, "check", "");

		d->type = type_of(jsonio_str(p, "type", NULL));
		if (d->type == REDACT_NONE || d->type == REDACT_NAME) {
			snprintf(err, errsz, "redact/patterns.json: pattern %zu: unknown type",
			         i + 1);
			json_decref(root);
			return -1;
		}
		d->rx = rx_new(jsonio_str(p, "pattern", ""),
		               json_is_true(json_object_get(p, "caseless")) ? RX_CASELESS : 0,
		               rxerr, sizeof(rxerr));
		if (d->rx == NULL) {
			snprintf(err, errsz, "redact/patterns.json: pattern %zu: %s", i + 1, rxerr);
			json_decref(root);
			return -1;
		}
		d->group = (unsigned)jsonio_int(p, "group", 0);
		d->min_digits = (size_t)jsonio_int(p, "min_digits", 0);
		d->check = strcmp(check, "nhs") == 0  ? CHECK_NHS
		           : strcmp(check, "ni") == 0 ? CHECK_NI
		                                      : CHECK_NONE;
		r->ndet++;
	}
	json_decref(root);
	return 0;
}

/* Load the NI prefix rules of share/redact/ni.json. */
static int
load_ni(struct redact *r, char *err, size_t errsz)
{
	json_t *root, *arr, *v;
	size_t i;

	if ((root = load_data("redact/ni.json", err, errsz)) == NULL)
		return -1;
	snprintf(r->ni_first_not, sizeof(r->ni_first_not), "%s", jsonio_str(root, "first_not", ""));
	snprintf(r->ni_second_not, sizeof(r->ni_second_not), "%s",
	         jsonio_str(root, "second_not", ""));
	arr = json_object_get(root, "invalid_prefixes");
	r->ni_invalid = xcalloc(json_array_size(arr) + 1, sizeof(*r->ni_invalid));
	json_array_foreach(arr, i, v)
	{
		const char *s = json_string_value(v);

		if (s != NULL && strlen(s) == 2)
			memcpy(r->ni_invalid[r->nni_invalid++], s, 3);
	}
	json_decref(root);
	return 0;
}

/* Add the words of one list of share/redact/words.json with flags. */
static void
load_word_list(struct redact *r, json_t *root, const char *key, unsigned flags)
{
	json_t *v;
	size_t i;

	json_array_foreach(json_object_get(root, key), i, v) if (json_is_string(v))
	    add_word(r, json_string_value(v), flags);
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

	if ((root = load_data("redact/job-titles.json", err, errsz)) == NULL)
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
	if (load_patterns(r, err, errsz) == -1 || load_ni(r, err, errsz) == -1 ||
	    load_titles(r, err, errsz) == -1 || load_caseid(r, err, errsz) == -1 ||
	    (words = load_data("redact/words.json", err, errsz)) == NULL) {
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

/* Feed the names of one record to the deny-list. */
static void
add_record(struct redact *r, const struct csvio_record *rec, long cname, long prac, long ncol)
{
	if (cname >= 0 && (size_t)cname < rec->nfields)
		redact_add_case_name(r, rec->fields[cname]);
	if (prac >= 0 && (size_t)prac < rec->nfields)
		redact_add_person(r, rec->fields[prac]);
	if (ncol >= 0 && (size_t)ncol < rec->nfields)
		redact_add_person(r, rec->fields[ncol]);
}

/* Read every record of the reader into the deny-list. */
static int
read_identifiers(struct redact *r, struct csvio_reader *rd, const char *name, char *err,
                 size_t errsz)
{
	struct csvio_record *rec;
	struct fieldmap *fm;
	struct fieldmap_binding b;
	long cname = -1, prac = -1, ncol = -1;
	int rc;
	char fmerr[256];

	if ((fm = fieldmap_load_named("annexa", fmerr, sizeof(fmerr))) == NULL) {
		snprintf(err, errsz, "%s", fmerr);
		return -1;
	}
	if ((rc = csvio_next(rd, &rec)) == 1) {
		fieldmap_bind(fm, (const char *const *)rec->fields, rec->nfields, &b);
		if (fieldmap_index(fm, "case_name") >= 0)
			cname = b.column[fieldmap_index(fm, "case_name")];
		if (fieldmap_index(fm, "practitioner") >= 0)
			prac = b.column[fieldmap_index(fm, "practitioner")];
		fieldmap_unbind(&b);
		if (cname < 0 && prac < 0 && (ncol = name_column(rec)) < 0) {
			ncol = 0; /* a plain list: the first line is a name too */
			add_record(r, rec, -1, -1, 0);
		}
	}
	while (rc == 1 && (rc = csvio_next(rd, &rec)) == 1) {
		if (rec->flags & (CSVIO_BAD_UTF8 | CSVIO_MALFORMED | CSVIO_UNTERMINATED)) {
			snprintf(err, errsz, "%s:%lu: %s", name, rec->line,
			         rec->flags & CSVIO_BAD_UTF8 ? "not valid UTF-8" : "malformed CSV");
			rc = -2;
			break;
		}
		add_record(r, rec, cname, prac, ncol);
	}
	if (rc == -1)
		snprintf(err, errsz, "%s: %s", name, csvio_error(rd));
	fieldmap_free(fm);
	return rc < 0 ? -1 : 0;
}

int
redact_add_identifiers(struct redact *r, const char *path, unsigned csv_flags, char *err,
                       size_t errsz)
{
	struct csvio_reader *rd;
	FILE *fp = stdin;
	const char *name = "<stdin>";
	int rc;

	if (path != NULL && strcmp(path, "-") != 0) {
		name = path;
		if ((fp = fopen(path, "r")) == NULL) {
			snprintf(err, errsz, "%s: cannot open", path);
			return -1;
		}
	}
	rd = csvio_open(fp, name, csv_flags);
	rc = read_identifiers(r, rd, name, err, errsz);
	csvio_close(rd);
	if (fp != stdin)
		fclose(fp);
	return rc;
}
