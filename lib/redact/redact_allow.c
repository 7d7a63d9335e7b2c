/*
 * redact_allow.c: the allow-list detector (the design of Philter and of the
 * MIT deid lexical approach, written here from their description): a word
 * stays only when it is known to be safe. Over the tokens of a text:
 *
 * 1. Phrases that stay are protected: places, courts (also any capitalised
 *    words before "Family Court", "County Court", "Justice Centre"...),
 *    organisations (also capitalised words before "Council", "Trust"...),
 *    legal terms and job titles. A one-word place with a sign of a person
 *    (a title before, "said" or "(aged 7)" after) is not protected.
 * 2. Addresses (a house number, or a flat, then words ending in a street
 *    word; or capitalised words ending in Road, Street, Avenue...) and
 *    schools (capitalised words ending in School, Academy, Nursery,
 *    Primary..., with one word that names it) are found.
 * 3. Every other word is a name unless it is known safe: a lower-case word
 *    of the dictionary, a word of the trade, a month or nationality, a
 *    one-letter initial or a capitals-only initialism of up to three
 *    letters. A safe word is still a name when a sign says so: after a
 *    title (Mr, Mrs, Dr, Nan...), before "(aged 7)" or "(7)", a capitalised
 *    word inside a sentence that the dictionary or name-words.txt knows as a
 *    name too (Will, Grace, Brown), first in a sentence before "said" or
 *    "told", or a possessive, or beside another name, or in a list of names.
 *    Particles (de, van, bin, al, Ó, Ní...) join the name beside them.
 * 4. Within a text, a word once taken for a name is a name wherever it is
 *    written with a capital.
 * Words taken only for being unknown go to the review list.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "core/xalloc.h"
#include "redact/redact-impl.h"

/* What a token is after the passes. */
enum {
	TS_FREE = 0,
	TS_CASEID, /* inside a case reference */
	TS_TAKEN, /* inside a span found before (a pattern) */
	TS_LISTED, /* inside a listed name found before */
	TS_BODY, /* protected: court, organisation, legal term, title */
	TS_PLACE, /* protected place (an address or a school may take it) */
	TS_KEEP, /* decided: stays */
	TS_CAND, /* a capitalised safe word that is a name beside a name */
	TS_NAME, /* decided: a name, by context */
	TS_UNKNOWN, /* decided: a name, for being unknown */
	TS_ADDR,
	TS_SCHOOL,
};

/* The facts about one token. */
struct tokinfo {
	unsigned flags; /* of the word (possessive stripped), or of its parts */
	int cap, allcaps, letters, poss, found, allsafe;
};

/* Decode the code point at s[i] (NUL-safe); returns its length. */
static size_t
cp_at(const char *s, size_t len, size_t i, utf8proc_int32_t *cp)
{
	utf8proc_ssize_t n =
	    utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), cp);

	if (n <= 0) {
		*cp = (unsigned char)s[i];
		return 1;
	}
	return (size_t)n;
}

static const struct redact_word *tok_word(struct redact *r, const char *s, size_t i);

/* Count the letters and capitals of t before its possessive (ti->letters, ti->cap); the capitals.
 */
static int
tok_letters(const char *s, const struct token *t, struct tokinfo *ti)
{
	size_t i, n, end = t->eo - t->pl;
	utf8proc_int32_t cp;
	int upper = 0;

	if (t->ascii) {
		/* letters, apostrophes and hyphens only */
		for (i = t->so; i < end; i++) {
			unsigned char c = (unsigned char)s[i];

			if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
				ti->letters++;
				if (c <= 'Z') {
					upper++;
					if (ti->letters == 1)
						ti->cap = 1;
				}
			}
		}
		return upper;
	}
	for (i = t->so; i < end; i += n) {
		n = cp_at(s, t->eo, i, &cp);
		if (utf8proc_category(cp) <= UTF8PROC_CATEGORY_LO && cp != '\'' && cp != '-') {
			ti->letters++;
			if (utf8proc_isupper(cp) || utf8proc_category(cp) == UTF8PROC_CATEGORY_LT) {
				upper++;
				if (ti->letters == 1)
					ti->cap = 1;
			}
		}
	}
	return upper;
}

/* Facts of token t: flags of the lowered word (or its hyphen parts), capitals. */
static void
tok_info(struct redact *r, const char *s, const struct token *t, struct tokinfo *ti)
{
	const struct redact_word *w;
	size_t i, pl = t->pl, start;
	int upper;

	memset(ti, 0, sizeof(*ti));
	ti->poss = pl > 0;
	upper = tok_letters(s, t, ti);
	ti->allcaps = ti->letters > 0 && upper == ti->letters;
	if ((w = tok_word(r, s, (size_t)(t - r->toks))) != NULL) {
		ti->flags = w->flags;
		ti->found = 1;
		ti->allsafe = (w->flags & (W_SAFE | W_KEEPCAP)) != 0;
	}
	if (ti->found && (ti->flags & (W_SAFE | W_KEEPCAP | W_PROPER)))
		return;
	if (memchr(s + t->so, '-', t->eo - t->so) == NULL)
		return;
	/* A hyphenated word: the flags of its parts; safe when every part is. */
	ti->allsafe = 1;
	for (start = t->so, i = t->so; i <= t->eo - pl; i++) {
		if (i < t->eo - pl && s[i] != '-')
			continue;
		if (i > start) {
			redact_lower_word(s, start, i, &r->key);
			w = redact_lookup(r, r->key.buf, r->key.len);
			if (w == NULL || !(w->flags & (W_SAFE | W_KEEPCAP)))
				ti->allsafe = 0;
			if (w != NULL)
				ti->flags |= w->flags & (W_PROPER | W_NAMEWORD);
		}
		start = i + 1;
	}
	if (ti->allsafe)
		ti->flags |= W_SAFE;
	ti->found = 1;
}

/* The entry of token i's word (possessive stripped), or NULL; looked up once a text. */
static const struct redact_word *
tok_word(struct redact *r, const char *s, size_t i)
{
	(void)s;
	if (r->tokword[i] == (const struct redact_word *)r)
		r->tokword[i] = redact_tok_lookup(r, i, 1);
	return r->tokword[i];
}

/* The flags of token i's word (possessive stripped), 0 when unknown. */
static unsigned
tok_flags(struct redact *r, const char *s, size_t i)
{
	const struct redact_word *w = tok_word(r, s, i);

	return w != NULL ? w->flags : 0;
}

/* 1 when only spaces (at least one, no line break twice) lie between tokens i and i + 1. */
static int
space_gap(const struct redact *r, const char *s, size_t i)
{
	size_t k, so = r->toks[i].eo, eo = r->toks[i + 1].so;

	if (eo == so)
		return 0;
	for (k = so; k < eo; k++)
		if (s[k] != ' ' && s[k] != '\t')
			return 0;
	return 1;
}

/* 1 when token i opens a sentence (or a line, or a bracket after one). */
static int
opens_sentence(const struct redact *r, const char *s, size_t i)
{
	size_t p = r->toks[i].so;

	while (p > 0 &&
	       (s[p - 1] == ' ' || s[p - 1] == '\t' || s[p - 1] == '"' || s[p - 1] == '(' ||
	        s[p - 1] == '\'' || s[p - 1] == '*' || s[p - 1] == '-' || s[p - 1] == '['))
		p--;
	if (p == 0 || s[p - 1] == '\n' || s[p - 1] == '\r' || s[p - 1] == '!' || s[p - 1] == '?' ||
	    s[p - 1] == ':')
		return 1;
	if (s[p - 1] != '.')
		return 0;
	/* "Ms S. Khan", "Dr. Khan": a dot after an initial or a title does not end a sentence */
	if (i > 0 && r->toks[i - 1].eo == p - 1) {
		const struct token *b = &r->toks[i - 1];

		if (b->eo - b->so == 1 && s[b->so] >= 'A' && s[b->so] <= 'Z')
			return 0;
	}
	return 1;
}

/*
 * 1 when a title stands just before token i ("Mr", "Mrs.", "Nan"); before a
 * lower-case word only a formal title ("mrs brown", not "nan was").
 */
static int
after_title(struct redact *r, const char *s, size_t i)
{
	size_t k, so, eo;
	unsigned f;

	if (i == 0 || !((f = tok_flags(r, s, i - 1)) & W_HONORIFIC))
		return 0;
	if (!r->toks[i].cap &&
	    (!(f & W_FORMAL) ||
	     (tok_flags(r, s, i) & (W_NEVER | W_SPEECH | W_FOLLOWER | W_DET | W_RELATION))))
		return 0;
	so = r->toks[i - 1].eo;
	eo = r->toks[i].so;
	for (k = so; k < eo; k++)
		if (s[k] != ' ' && s[k] != '.' && s[k] != '\t')
			return 0;
	return eo > so && eo - so <= 3;
}

/* 1 when "(aged 7)", "(7)", "(age 7", ", aged 7" follows token i. */
static int
before_age(const struct redact *r, const char *s, size_t len, size_t i)
{
	size_t p = r->toks[i].eo, d;
	int paren = 0;

	while (p < len && s[p] == ' ')
		p++;
	if (p < len && s[p] == '(') {
		paren = 1;
		p++;
	} else if (p < len && s[p] == ',') {
		p++;
	}
	while (p < len && s[p] == ' ')
		p++;
	if (p + 3 <= len && strncasecmp(s + p, "age", 3) == 0) {
		p += 3;
		if (p < len && (s[p] == 'd' || s[p] == 'D'))
			p++;
		while (p < len && (s[p] == ' ' || s[p] == ':'))
			p++;
		return p < len && s[p] >= '0' && s[p] <= '9';
	}
	if (!paren)
		return 0;
	/* "(7)", "(12 )", "(7 years)" */
	for (d = p; p < len && s[p] >= '0' && s[p] <= '9'; p++)
		;
	if (p == d || p - d > 2)
		return 0;
	while (p < len && s[p] == ' ')
		p++;
	return p < len && (s[p] == ')' || s[p] == 'y' || s[p] == ',');
}

/* 1 when a relation word stands just before token i ("her brother Jack", "mum, Grace"). */
static int after_relation(struct redact *r, const char *s, size_t i);

/* 1 when the token after i (beyond a space) has flag. */
static int
next_has(struct redact *r, const char *s, size_t i, unsigned flag)
{
	return i + 1 < r->ntoks && space_gap(r, s, i) && (tok_flags(r, s, i + 1) & flag);
}

static int
after_relation(struct redact *r, const char *s, size_t i)
{
	size_t k, so, eo;

	if (i == 0 || !(tok_flags(r, s, i - 1) & W_RELATION))
		return 0;
	so = r->toks[i - 1].eo;
	eo = r->toks[i].so;
	if (r->toks[i - 1].pl > 0)
		return 0; /* "mum's Court hearing" */
	for (k = so; k < eo; k++)
		if (s[k] != ' ' && s[k] != ',')
			return 0;
	return eo > so && eo - so <= 2;
}

/* 1 when token i is a name by context: a title before, an age after, speech after. */
static int
person_context(struct redact *r, const char *s, size_t len, size_t i)
{
	return after_title(r, s, i) || before_age(r, s, len, i) || next_has(r, s, i, W_SPEECH);
}

/* Set tokens [from, to) to state st. */
static void
mark(struct redact *r, size_t from, size_t to, unsigned char st)
{
	for (; from < to; from++)
		r->tokstate[from] = st;
}

/* Protect tokens [from, to) as kind and record the span. */
static void
protect_tokens(struct redact *r, size_t from, size_t to, int kind)
{
	mark(r, from, to, kind == PROT_PLACE ? TS_PLACE : TS_BODY);
	redact_push_span(&r->prot, &r->nprot, &r->protcap, r->toks[from].so, r->toks[to - 1].eo,
	                 kind, 0);
}

/* The phrase of n tokens at i (joined lowered key), or NULL. */
static const struct redact_word *
phrase_at(struct redact *r, const char *s, size_t i, size_t n)
{
	size_t k;

	if (n == 1)
		return tok_word(r, s, i);
	strbuf_reset(&r->key2);
	for (k = 0; k < n; k++) {
		const struct token *t = &r->toks[i + k];

		if (k > 0) {
			if (!space_gap(r, s, i + k - 1))
				return NULL;
			strbuf_addch(&r->key2, ' ');
		}
		strbuf_add(&r->key2, r->low.buf + t->key,
		           t->klen - (k == n - 1 && t->pl > 0 ? 2 : 0));
	}
	return redact_lookup(r, r->key2.buf, r->key2.len);
}

/* Protect the capitalised words before token i that name a body ("Preston" Family Court). */
static void
protect_before(struct redact *r, const char *s, size_t i)
{
	size_t k = i;

	while (k > 0 && i - k < 5 && space_gap(r, s, k - 1) && r->tokstate[k - 1] == TS_FREE &&
	       r->toks[k - 1].cap &&
	       !(tok_flags(r, s, k - 1) & (W_HONORIFIC | W_NEVER | W_RELATION)))
		k--;
	if (k > 0 && k < i && after_title(r, s, k))
		return; /* "Mr Preston Family Court..." is odd: leave it to the name rules */
	if (k < i)
		protect_tokens(r, k, i, PROT_BODY);
}

void
redact_protect_phrases(struct redact *r, const char *s, size_t len)
{
	size_t i, n, max;
	const struct redact_word *w, *p;

	for (i = 0; i < r->ntoks; i++) {
		if (r->tokstate[i] != TS_FREE)
			continue;
		if ((w = tok_word(r, s, i)) == NULL)
			continue;
		if (w->maxphrase > 0) {
			max = w->maxphrase < r->ntoks - i ? w->maxphrase : r->ntoks - i;
			for (n = max; n >= 1; n--)
				if ((p = phrase_at(r, s, i, n)) != NULL && (p->flags & W_PHRASE))
					break;
			if (n >= 1) {
				if (n == 1 && p->phrasekind == PROT_PLACE &&
				    person_context(r, s, len, i))
					continue;
				if (p->flags & W_COURTSUFFIX)
					protect_before(r, s, i);
				protect_tokens(r, i, i + n, p->phrasekind);
				i += n - 1;
				continue;
			}
		}
		if ((w->flags & W_ORGSUFFIX) && r->toks[i].cap && i > 0 &&
		    r->tokstate[i - 1] == TS_FREE && space_gap(r, s, i - 1) && r->toks[i - 1].cap) {
			protect_before(r, s, i);
			if (r->tokstate[i - 1] == TS_BODY)
				protect_tokens(r, i, i + 1, PROT_BODY);
		}
	}
}

/* 1 when a token in state st may be part of an address or a school's name. */
static int
avail(unsigned char st)
{
	return st == TS_FREE || st == TS_PLACE || st == TS_LISTED;
}

/* Start of a house number ("14", "14a", "2-4") ending just before offset p, or p. */
static size_t
house_number(const char *s, size_t p)
{
	size_t q = p, d;

	while (q > 0 && (s[q - 1] == ' ' || s[q - 1] == ','))
		q--;
	if (q > 0 &&
	    ((s[q - 1] >= 'a' && s[q - 1] <= 'z') || (s[q - 1] >= 'A' && s[q - 1] <= 'Z')) &&
	    q > 1 && s[q - 2] >= '0' && s[q - 2] <= '9')
		q--;
	d = q;
	while (d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9')
		d--;
	if (d == q || q - d > 4 ||
	    (d > 0 && s[d - 1] != ' ' && s[d - 1] != '(' && s[d - 1] != ',' && s[d - 1] != '\n' &&
	     s[d - 1] != '-'))
		return p;
	if (d > 1 && s[d - 1] == '-' && s[d - 2] >= '0' && s[d - 2] <= '9')
		for (d--; d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9'; d--)
			;
	return d;
}

/* The token index whose start is so, or ntoks. */
static size_t
token_starting(const struct redact *r, size_t from, size_t so)
{
	while (from > 0 && r->toks[from - 1].so >= so)
		from--;
	return from;
}

/* Extend an address start back over "Flat 3," / "Apartment 12". */
static size_t
unit_before(struct redact *r, const char *s, size_t i, size_t start)
{
	size_t q = house_number(s, start);
	size_t k;

	if (q == start)
		return start;
	k = token_starting(r, i, q);
	if (k > 0 && r->toks[k - 1].eo < q && (tok_flags(r, s, k - 1) & W_UNIT) &&
	    r->toks[k - 1].cap && q - r->toks[k - 1].eo <= 2)
		return r->toks[k - 1].so;
	return start;
}

/* Propose a span of type over [so, eo) and mark its tokens. */
static void
propose(struct redact *r, size_t so, size_t eo, int type, int prio)
{
	redact_push_span(&r->spans, &r->nspans, &r->spancap, so, eo, type, prio);
}

/* Find addresses: a street word after a house number and words, or capitalised words. */
static void
find_addresses(struct redact *r, const char *s, size_t len, int prio)
{
	size_t j, i, start, k;
	unsigned f;

	for (j = 0; j < r->ntoks; j++) {
		int numbered, allcap;

		f = tok_flags(r, s, j);
		if (!avail(r->tokstate[j]) || !(f & (W_STREET | W_STREETNUM | W_UNIT)))
			continue;
		if (f & W_UNIT) {
			/* "Flat 3" */
			size_t p = r->toks[j].eo, q;

			if (!r->toks[j].cap || p + 1 >= len || s[p] != ' ')
				continue;
			for (q = p + 1; q < len && s[q] >= '0' && s[q] <= '9'; q++)
				;
			if (q > p + 1 && q - p <= 5) {
				if (q < len &&
				    ((s[q] >= 'A' && s[q] <= 'Z') ||
				     (s[q] >= 'a' && s[q] <= 'z')) &&
				    (q + 1 == len ||
				     !((s[q + 1] | 0x20) >= 'a' && (s[q + 1] | 0x20) <= 'z')))
					q++;
				propose(r, r->toks[j].so, q, REDACT_ADDRESS, prio);
			}
			continue;
		}
		for (i = j, allcap = 1; i > 0 && j - i < 4 && space_gap(r, s, i - 1); i--) {
			unsigned g = tok_flags(r, s, i - 1);
			int c = r->toks[i - 1].cap;

			if (!avail(r->tokstate[i - 1]) || (g & (W_HONORIFIC | W_RELATION)) ||
			    (!c && (g & W_NEVER)))
				break;
			allcap &= c;
		}
		if (i == j)
			continue;
		start = house_number(s, r->toks[i].so);
		numbered = start != r->toks[i].so;
		if (!numbered && (!(f & W_STREET) || !allcap || !r->toks[j].cap))
			continue;
		if (numbered)
			start = unit_before(r, s, i, start);
		propose(r, start, r->toks[j].eo, REDACT_ADDRESS, prio);
		for (k = i; k <= j; k++)
			r->tokstate[k] = TS_ADDR;
	}
}

/* Find schools: capitalised words that name one, ending in a school word. */
static void
find_schools(struct redact *r, const char *s, int prio)
{
	size_t j, i, k, first;
	int naming;

	for (j = 0; j < r->ntoks; j++) {
		unsigned f = tok_flags(r, s, j);

		if (!avail(r->tokstate[j]) || !(f & W_SCHOOL) || !r->toks[j].cap)
			continue;
		/* the longest run: go on over following school words */
		while (j + 1 < r->ntoks && space_gap(r, s, j) && avail(r->tokstate[j + 1]) &&
		       (tok_flags(r, s, j + 1) & W_SCHOOL) && r->toks[j + 1].cap)
			j++;
		for (i = j, naming = 0, first = j + 1; i > 0 && j - i < 7; i--) {
			unsigned g = tok_flags(r, s, i - 1);
			int c = r->toks[i - 1].cap;
			size_t gap = r->toks[i].so - r->toks[i - 1].eo, q;
			int ok_gap = gap >= 1 && gap <= 3;

			for (q = r->toks[i - 1].eo; ok_gap && q < r->toks[i].so; q++)
				ok_gap = s[q] == ' ' || s[q] == '&' || s[q] == '.';
			if (!ok_gap || !avail(r->tokstate[i - 1]) || (g & W_RELATION) ||
			    (!c && !(g & W_SCHOOLGEN)))
				break;
			if (c && !(g & W_SCHOOLGEN) && !(g & W_NEVER))
				naming = 1;
			if (c || (g & W_SCHOOLGEN))
				first = i - 1;
		}
		/* drop lower-case connectors at the start */
		while (first <= j && !r->toks[first].cap)
			first++;
		if (!naming || first > j)
			continue;
		propose(r, r->toks[first].so, r->toks[j].eo, REDACT_SCHOOL, prio);
		for (k = first; k <= j; k++)
			r->tokstate[k] = TS_SCHOOL;
	}
}

/*
 * 1 when a lower-case word unknown to the dictionary is a safe word with a
 * prefix or a suffix ("unallocated", "reassessed", "coworkers"): the rest,
 * of four letters or more, is a safe word.
 */
static int
derived_safe(struct redact *r, const struct token *t, int capital)
{
	static const char *const prefixes[] = {
	    "un",    "non",     "re",  "pre",  "over", "under", "mis",  "dis", "co", "sub", "multi",
	    "inter", "counter", "out", "self", "semi", "anti",  "post", "mid", "de", "ex"};
	static const char *const suffixes[] = {"ly",  "ness", "ment", "ments", "s",
	                                       "es",  "ed",   "ing",  "er",    "ers",
	                                       "ity", "al",   "ally", "ful",   "less"};
	const struct redact_word *w;
	char word[64];
	size_t n = t->eo - t->so, i, k;

	if (n >= sizeof(word) || n < 6)
		return 0;
	memcpy(word, r->low.buf + t->key, t->klen + 1);
	n = t->klen;
	for (i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
		k = strlen(prefixes[i]);
		if (n >= k + 4 && strncmp(word, prefixes[i], k) == 0) {
			const char *rest = word + k + (word[k] == '-');

			if ((w = redact_lookup(r, rest, strlen(rest))) != NULL &&
			    (w->flags & W_SAFE))
				return 1;
		}
	}
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		/* surnames end so: Fielding, Baker, Walkers */
		if (capital && (strcmp(suffixes[i], "ing") == 0 || suffixes[i][0] == 'e'))
			continue;
		k = strlen(suffixes[i]);
		if (n >= k + 4 && strcmp(word + n - k, suffixes[i]) == 0 &&
		    (w = redact_lookup(r, word, n - k)) != NULL && (w->flags & W_SAFE))
			return 1;
	}
	return 0;
}

/*
 * 1 when token i, an ordinary word written with a capital inside a
 * sentence, stands alone among lower-case words: not after a determiner
 * ("the Panel"), not before a number ("Year 6"), not an abstract noun or a
 * plural: a name ("spoke to Gift alone").
 */
static int name_shaped(const char *s, const struct token *t, int poss);

/* 1 when t is a small word inside titles of words ("of", "and", "for"...). */
static int
title_connector(const char *s, const struct token *t)
{
	static const char *const w[] = {"of", "and", "for", "the", "in", "on", "to", "at"};
	size_t k, n = t->eo - t->so;

	for (k = 0; k < sizeof(w) / sizeof(w[0]); k++)
		if (n == strlen(w[k]) && strncmp(s + t->so, w[k], n) == 0)
			return 1;
	return 0;
}

static int
lone_capital(struct redact *r, const char *s, size_t len, size_t i, const struct tokinfo *ti)
{
	const struct token *t = &r->toks[i];
	size_t p;

	if (ti->flags & (W_ORGSUFFIX | W_STREET | W_SCHOOL | W_UNIT | W_DET))
		return 0;
	if (i > 0 && (r->toks[i - 1].cap || (tok_flags(r, s, i - 1) & (W_DET | W_PLACEPREP))))
		return 0;
	if (i + 1 < r->ntoks && space_gap(r, s, i) && r->toks[i + 1].cap)
		return 0;
	if (i > 1 && r->toks[i - 2].cap && space_gap(r, s, i - 2) && space_gap(r, s, i - 1) &&
	    title_connector(s, &r->toks[i - 1]))
		return 0; /* a title of words: "Date of Birth", "Head of Service" */
	for (p = t->eo; p < len && s[p] == ' '; p++)
		;
	if (p < len && s[p] >= '0' && s[p] <= '9')
		return 0;
	return name_shaped(s, t, ti->poss);
}

/* 1 when the word is not shaped like a plural or an abstract noun ("Strengths", "Attendance"). */
static int
name_shaped(const char *s, const struct token *t, int poss)
{
	static const char *const abstract[] = {"tion", "sion", "ment", "ness", "ity",
	                                       "ance", "ence", "ship", "ism",  "ing",
	                                       "ure",  "ogy",  "ics",  "ies"};
	size_t n = t->eo - t->so, k;

	if (poss)
		n -= redact_possessive_len(s, t);
	else if (s[t->eo - 1] == 's' && n > 2 && s[t->eo - 2] != 's')
		return 0; /* a plural: "the Strengths" */
	for (k = 0; k < sizeof(abstract) / sizeof(abstract[0]); k++) {
		size_t al = strlen(abstract[k]);

		if (n > al + 2 && strncmp(s + t->so + n - al, abstract[k], al) == 0)
			return 0;
	}
	return 1;
}

/* Decide token i: TS_KEEP, TS_CAND, TS_NAME or TS_UNKNOWN. */
static unsigned char
decide(struct redact *r, const char *s, size_t len, size_t i)
{
	struct tokinfo ti;
	int start;

	tok_info(r, s, &r->toks[i], &ti);
	if (ti.letters <= 1 && !(ti.flags & W_PARTICLE))
		return TS_KEEP; /* an initial: "Child A", "Mother M" */
	if (ti.flags & W_USER)
		return TS_KEEP;
	if (ti.flags & (W_HONORIFIC | W_RELATION))
		return TS_KEEP;
	if (ti.allcaps && ti.letters <= 3)
		return after_title(r, s, i) ? TS_NAME : TS_KEEP; /* initials: "JO", "Re NG" */
	if (ti.cap && !(ti.flags & (W_NEVER | W_DET | W_ORGSUFFIX)) && after_relation(r, s, i))
		return TS_NAME; /* "her brother Jack", "dad June" */
	if (!ti.cap && (ti.flags & W_NAMEWORD) &&
	    !(ti.flags & (W_NEVER | W_DET | W_MODAL | W_SPEECH | W_FOLLOWER)) &&
	    after_relation(r, s, i))
		return TS_NAME; /* "her brother mark" */
	if (ti.cap && ti.poss && !(ti.flags & (W_NEVER | W_DET | W_ORGSUFFIX)) &&
	    next_has(r, s, i, W_RELATION))
		return TS_NAME; /* "Goodness's dad" */
	if (after_title(r, s, i) ||
	    ((ti.cap || !(ti.flags & (W_SAFE | W_KEEPCAP))) && before_age(r, s, len, i)))
		return TS_NAME;
	if (ti.flags & W_PARTICLE)
		return TS_KEEP; /* joined to a name later */
	if (ti.allcaps && !((ti.flags & (W_SAFE | W_KEEPCAP)) || ti.allsafe))
		return TS_UNKNOWN;
	if (ti.allcaps && !(ti.flags & (W_PROPER | W_NAMEWORD)))
		return TS_KEEP; /* "URGENT", "NOTE" */
	if (!(ti.flags & (W_SAFE | W_KEEPCAP))) {
		/* unknown, or a proper noun the dictionary knows (a name or a place) */
		if (ti.cap && !ti.poss && i > 0 && space_gap(r, s, i - 1) &&
		    (tok_flags(r, s, i - 1) & W_PLACEPREP) && !next_has(r, s, i, W_SPEECH))
			return TS_KEEP; /* "lives in Bath" */
		if (next_has(r, s, i, W_ORGSUFFIX) && ti.cap)
			return TS_KEEP;
		if (!(ti.flags & W_PROPER) &&
		    (ti.cap
		         ? opens_sentence(r, s, i) && !next_has(r, s, i, W_SPEECH | W_FOLLOWER) &&
		               derived_safe(r, &r->toks[i], 1)
		         : derived_safe(r, &r->toks[i], 0)))
			return TS_KEEP; /* "unallocated"; "Handovers between teams" */
		return ti.flags & W_PROPER ? TS_NAME : TS_UNKNOWN;
	}
	if (!ti.cap)
		return TS_KEEP;
	if (ti.flags & W_NEVER)
		return TS_KEEP;
	if (ti.flags & W_KEEPCAP)
		return i + 1 < r->ntoks && space_gap(r, s, i) && r->toks[i + 1].cap
		           ? TS_CAND
		           : TS_KEEP; /* "June Pickersgill" if Pickersgill is a name */
	start = opens_sentence(r, s, i);
	if (ti.flags & (W_PROPER | W_NAMEWORD | W_RARE)) {
		if (!start) {
			if (next_has(r, s, i, W_ORGSUFFIX | W_STREET | W_SCHOOL))
				return TS_KEEP;
			if (i > 0 && space_gap(r, s, i - 1) &&
			    (tok_flags(r, s, i - 1) & W_PLACEPREP) && !ti.poss &&
			    !next_has(r, s, i, W_SPEECH))
				return TS_KEEP; /* "in Settle", "near Rye" */
			return TS_NAME;
		}
		if (ti.poss || next_has(r, s, i, W_SPEECH | W_FOLLOWER))
			return TS_NAME;
		return TS_CAND;
	}
	if (start && next_has(r, s, i, W_SPEECH) && s[r->toks[i].eo - 1] != 's')
		return TS_NAME; /* "Precious said" */
	if (!start && lone_capital(r, s, len, i, &ti))
		return TS_NAME; /* "spoke to Gift alone" */
	return TS_CAND;
}

/* 1 when token i's state is a name. */
static int
is_name(const struct redact *r, size_t i)
{
	return r->tokstate[i] == TS_NAME || r->tokstate[i] == TS_UNKNOWN ||
	       r->tokstate[i] == TS_LISTED;
}

/* 1 when tokens i and k (k > i) are neighbouring items of one list ("A, B", "A and B", "A & B"). */
static int
list_gap(struct redact *r, const char *s, size_t i, size_t k)
{
	size_t p = r->toks[i].eo, e;

	if (k == i + 2) {
		/* "A and B", "A or B" */
		const char *w = r->low.buf + r->toks[i + 1].key;

		if ((strcmp(w, "and") != 0 && strcmp(w, "or") != 0) || !space_gap(r, s, i) ||
		    !space_gap(r, s, i + 1))
			return 0;
		return 1;
	}
	if (k != i + 1)
		return 0;
	e = r->toks[k].so;
	while (p < e && s[p] == ' ')
		p++;
	if (p < e && (s[p] == ',' || s[p] == '&' || s[p] == '/'))
		p++;
	while (p < e && s[p] == ' ')
		p++;
	return p == e && e > r->toks[i].eo;
}

/* 1 when token i has a name as its neighbour in a list. */
static int
in_list_with_name(struct redact *r, const char *s, size_t i)
{
	return (i > 0 && is_name(r, i - 1) && list_gap(r, s, i - 1, i)) ||
	       (i > 1 && is_name(r, i - 2) && list_gap(r, s, i - 2, i)) ||
	       (i + 1 < r->ntoks && is_name(r, i + 1) && list_gap(r, s, i, i + 1)) ||
	       (i + 2 < r->ntoks && is_name(r, i + 2) && list_gap(r, s, i, i + 2));
}

/* 1 when candidate i may be a name in a list of names ("Favour and Gethin"). */
static int
list_item(struct redact *r, const char *s, size_t i)
{
	return (tok_flags(r, s, i) & (W_PROPER | W_NAMEWORD)) ||
	       name_shaped(s, &r->toks[i], r->toks[i].pl > 0);
}

/* Promote candidates and particles beside names; loop until nothing changes (bounded). */
static void
spread(struct redact *r, const char *s)
{
	size_t i, round;
	int changed = 1;

	for (round = 0; changed && round < 3; round++) {
		changed = 0;
		for (i = 0; i < r->ntoks; i++) {
			int left = i > 0 && is_name(r, i - 1),
			    right = i + 1 < r->ntoks && is_name(r, i + 1);
			unsigned char st = r->tokstate[i];

			if (st == TS_CAND &&
			    ((right && space_gap(r, s, i)) || (left && space_gap(r, s, i - 1)) ||
			     (in_list_with_name(r, s, i) && list_item(r, s, i)) ||
			     (i > 1 && r->tokstate[i - 1] == TS_KEEP &&
			      (tok_flags(r, s, i - 1) & W_PARTICLE) && is_name(r, i - 2) &&
			      space_gap(r, s, i - 1) && space_gap(r, s, i - 2)))) {
				r->tokstate[i] = TS_NAME;
				changed = 1;
			} else if (st == TS_KEEP && (tok_flags(r, s, i) & W_PARTICLE) && right &&
			           space_gap(r, s, i) &&
			           (left || r->toks[i].cap ||
			            (i > 0 &&
			             (tok_flags(r, s, i - 1) & (W_HONORIFIC | W_PARTICLE))))) {
				r->tokstate[i] = TS_NAME;
				changed = 1;
			}
		}
	}
}

/* Lowered word of token t (possessive stripped) into out. */
static void
tok_key(const struct redact *r, const struct token *t, struct strbuf *out)
{
	strbuf_reset(out);
	strbuf_add(out, r->low.buf + t->key, t->klen - (t->pl > 0 ? 2 : 0));
}

/*
 * 1 when token i, an ordinary word opening a sentence, is used as a word
 * there: a lower-case word that is not a verb of speech follows ("Young
 * people said", not "Grace was").
 */
static int
common_use(struct redact *r, const char *s, size_t i)
{
	if (!(tok_flags(r, s, i) & W_SAFE) || !opens_sentence(r, s, i) || i + 1 >= r->ntoks ||
	    !space_gap(r, s, i) || r->toks[i + 1].cap)
		return 0;
	return !(tok_flags(r, s, i + 1) & (W_SPEECH | W_FOLLOWER | W_MODAL));
}

/* The name keys of one text, for consistency (strings in one buffer). */
struct keyset {
	struct strbuf buf;
	size_t *off;
	size_t n;
};

/* Order keys by their text (base: the keys' buffer). */
static int
key_cmp(const void *a, const void *b, void *base)
{
	return strcmp((const char *)base + *(const size_t *)a,
	              (const char *)base + *(const size_t *)b);
}

/* 1 when key is in the sorted set. */
static int
keyset_has(const struct keyset *ks, const char *key)
{
	size_t lo = 0, hi = ks->n, mid;
	int c;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if ((c = strcmp(ks->buf.buf + ks->off[mid], key)) == 0)
			return 1;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/*
 * Consistency: a capitalised word taken for a name once is a name
 * everywhere in the text (the keys sorted once: n log n in the text).
 */
static void
consistency(struct redact *r, const char *s)
{
	struct keyset ks;
	size_t i, n = 0;

	for (i = 0; i < r->ntoks; i++)
		n += is_name(r, i) && r->toks[i].cap;
	if (n == 0)
		return;
	strbuf_init(&ks.buf);
	ks.off = xcalloc(n, sizeof(*ks.off));
	ks.n = 0;
	for (i = 0; i < r->ntoks; i++)
		if (is_name(r, i) && r->toks[i].cap) {
			tok_key(r, &r->toks[i], &r->key);
			ks.off[ks.n++] = ks.buf.len;
			strbuf_add(&ks.buf, r->key.buf, r->key.len + 1);
		}
	qsort_r(ks.off, ks.n, sizeof(*ks.off), key_cmp, ks.buf.buf);
	for (i = 0; i < r->ntoks; i++) {
		if ((r->tokstate[i] != TS_CAND && r->tokstate[i] != TS_KEEP) || !r->toks[i].cap ||
		    common_use(r, s, i) ||
		    (tok_flags(r, s, i) & (W_NEVER | W_RELATION | W_HONORIFIC | W_PARTICLE)))
			continue;
		tok_key(r, &r->toks[i], &r->key2);
		if (keyset_has(&ks, r->key2.buf))
			r->tokstate[i] = TS_NAME;
	}
	strbuf_free(&ks.buf);
	free(ks.off);
}

/* Emit the name spans: runs of name tokens with spaces (or hyphens) between. */
static void
emit_names(struct redact *r, const char *s, int prio)
{
	size_t i = 0, j;

	while (i < r->ntoks) {
		if (!is_name(r, i)) {
			i++;
			continue;
		}
		for (j = i; j + 1 < r->ntoks && is_name(r, j + 1) && space_gap(r, s, j); j++)
			;
		{
			size_t k;
			int fresh = 0;

			for (k = i; k <= j; k++)
				fresh |= r->tokstate[k] != TS_LISTED;
			if (!fresh) { /* a listed name alone: its span is there */
				i = j + 1;
				continue;
			}
		}
		if (r->review) {
			size_t k;

			for (k = i; k <= j; k++)
				if (r->tokstate[k] == TS_UNKNOWN)
					redact_review_note(r, s + r->toks[k].so,
					                   r->toks[k].eo - r->toks[k].so -
					                       r->toks[k].pl);
		}
		propose(r, r->toks[i].so, r->toks[j].eo - r->toks[j].pl, REDACT_NAME, prio);
		i = j + 1;
	}
}

void
redact_run_allow(struct redact *r, const char *s, size_t len, int prio)
{
	size_t i;

	find_addresses(r, s, len, prio);
	find_schools(r, s, prio);
	if (!r->allow_names)
		return;
	for (i = 0; i < r->ntoks; i++)
		if (r->tokstate[i] == TS_FREE)
			r->tokstate[i] = decide(r, s, len, i);
	spread(r, s);
	consistency(r, s);
	emit_names(r, s, prio);
}

void
redact_tokens_begin(struct redact *r, int taken)
{
	size_t i, k;

	if (!taken) {
		if (r->tokstatecap < r->ntoks + 1) {
			r->tokstatecap = r->ntoks + 1;
			free(r->tokstate);
			free(r->tokword);
			r->tokstate = xcalloc(r->tokstatecap, 1);
			r->tokword = xcalloc(r->tokstatecap, sizeof(*r->tokword));
		}
		memset(r->tokstate, TS_FREE, r->ntoks);
		for (i = 0; i < r->ntoks; i++)
			r->tokword[i] = (const struct redact_word *)r; /* not looked up yet */
	}
	for (k = 0; k < (taken ? r->nspans : r->nprot); k++) {
		const struct span *sp = taken ? &r->spans[k] : &r->prot[k];
		size_t lo = 0, hi = r->ntoks, mid;

		if (!taken && sp->type != PROT_CASEID)
			continue;
		while (lo < hi) {
			mid = (lo + hi) / 2;
			if (r->toks[mid].eo <= sp->so)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (i = lo; i < r->ntoks && r->toks[i].so < sp->eo; i++)
			r->tokstate[i] = !taken                    ? TS_CASEID
			                 : sp->type == REDACT_NAME ? TS_LISTED
			                                           : TS_TAKEN;
	}
}
