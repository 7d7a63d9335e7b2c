/*
 * redact_match.c: the words of a text (tokens of letters, with inner
 * apostrophes and hyphens, and their lowered forms) and the deny-list's
 * names found among them: full names in any case, surnames alone where
 * written with a capital, possessives and hyphenated names too.
 */
#include <string.h>

#include <utf8proc.h>

#include "core/keyhash.h"
#include "core/xalloc.h"
#include "redact/redact-impl.h"

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

#define FNV_PRIME 1099511628211ULL

/* 1 when c is an ASCII letter. */
#define ASCII_LETTER(c) (((c) | 0x20) >= 'a' && ((c) | 0x20) <= 'z')

/* Lower token t of s into r->low with its hashes, ASCII flag, possessive and capital. */
static void
tok_lower(struct redact *r, const char *s, struct token *t)
{
	size_t i, n, base;
	uint64_t h = KEYHASH_FNV_BASIS;
	unsigned char any = 0;
	char *d;

	t->pl = (unsigned char)redact_possessive_len(s, t);
	base = t->eo - t->pl;
	strbuf_grow(&r->low, t->eo - t->so + 1);
	t->key = r->low.len;
	t->hbase = h;
	d = r->low.buf + r->low.len;
	for (i = t->so; i < t->eo; i += n) {
		unsigned char c = (unsigned char)s[i];

		if (i == base)
			t->hbase = h;
		any |= c;
		n = 1;
		if (c == 0xE2 && (n = apostrophe_at(s, t->eo, i)) > 0)
			c = '\'';
		else if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		n += n == 0;
		*d++ = (char)c;
		h = (h ^ c) * FNV_PRIME;
	}
	*d = '\0';
	t->klen = (size_t)(d - (r->low.buf + t->key));
	r->low.len += t->klen + 1;
	t->hfull = h;
	if (t->pl == 0)
		t->hbase = h;
	t->ascii = any < 0x80;
	t->cap =
	    t->ascii ? s[t->so] >= 'A' && s[t->so] <= 'Z' : (unsigned char)redact_capitalised(s, t);
}

/* Cut s into word tokens (letters, with inner apostrophes and hyphens). */
void
redact_tokenize(struct redact *r, const char *s, size_t len)
{
	size_t i = 0, n, so;

	r->ntoks = 0;
	strbuf_reset(&r->low);
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80 ? !ASCII_LETTER(c) : (n = letter_at(s, len, i)) == 0) {
			i++;
			continue;
		}
		so = i;
		for (;;) {
			while (i < len) {
				c = (unsigned char)s[i];
				if (c < 0x80 && ASCII_LETTER(c))
					i++;
				else if (c >= 0x80 && (n = letter_at(s, len, i)) > 0)
					i += n;
				else
					break;
			}
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
		r->toks[r->ntoks].eo = i;
		tok_lower(r, s, &r->toks[r->ntoks++]);
	}
}

void
redact_lookup_check(struct redact *r)
{
	if (r->wcache == NULL ||
	    (r->wc_words == r->words && r->wc_wcap == r->wcap && r->wc_wcount == r->wcount))
		return;
	memset(r->wcache, 0, r->wc_slots * sizeof(*r->wcache));
	r->wc_words = r->words;
	r->wc_wcap = r->wcap;
	r->wc_wcount = r->wcount;
}

/* The entry of key[0..len) whose FNV-1a is hash, through the cache. */
static const struct redact_word *
lookup_h(struct redact *r, const char *key, size_t len, uint64_t hash)
{
	struct wcache_slot *c;

	if (len >= WCACHE_KEY)
		return redact_word_findn(r, key, len);
	if (r->wcache == NULL || (r->wc_misses > 4 * r->wc_slots && r->wc_slots < WCACHE_SLOTS)) {
		r->wc_slots = r->wcache == NULL ? WCACHE_FIRST : WCACHE_SLOTS;
		free(r->wcache);
		/* written before read: fresh pages read first fault twice (zero page, then copy) */
		r->wcache = xreallocarray(NULL, r->wc_slots, sizeof(*r->wcache));
		memset(r->wcache, 0, r->wc_slots * sizeof(*r->wcache));
		r->wc_misses = 0;
		r->wc_words = r->words;
		r->wc_wcap = r->wcap;
		r->wc_wcount = r->wcount;
	}
	c = &r->wcache[(hash ^ (hash >> 29)) & (r->wc_slots - 1)];
	if (c->len == len + 1 && c->hash == hash && memcmp(c->key, key, len) == 0)
		return c->w;
	r->wc_misses++;
	c->w = redact_word_findn(r, key, len);
	c->hash = hash;
	c->len = (uint32_t)len + 1;
	memcpy(c->key, key, len);
	return c->w;
}

const struct redact_word *
redact_lookup(struct redact *r, const char *key, size_t len)
{
	return lookup_h(r, key, len, keyhash_fnv1a(KEYHASH_FNV_BASIS, key, len));
}

const struct redact_word *
redact_tok_lookup(struct redact *r, size_t i, int base)
{
	const struct token *t = &r->toks[i];

	if (base && t->pl > 0)
		return lookup_h(r, r->low.buf + t->key, t->klen - 2, t->hbase);
	return lookup_h(r, r->low.buf + t->key, t->klen, t->hfull);
}

/* Lower s[so..eo) into out, apostrophes as '. */
void
redact_lower_word(const char *s, size_t so, size_t eo, struct strbuf *out)
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

/* 1 when the token's first letter is a capital. */
int
redact_capitalised(const char *s, const struct token *t)
{
	unsigned char c = (unsigned char)s[t->so];
	utf8proc_int32_t cp;

	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	if (utf8proc_iterate((const utf8proc_uint8_t *)s + t->so, (utf8proc_ssize_t)(t->eo - t->so),
	                     &cp) <= 0)
		return 1;
	return utf8proc_isupper(cp) || utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

/* Length of a possessive ending ('s or U+2019 s) at the end of the token, or 0. */
size_t
redact_possessive_len(const char *s, const struct token *t)
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

/*
 * Tokens a listed full name starting at token i covers (0 if none), longest
 * first; *eo its end (before a possessive). At most maxfull lookups of a
 * joined key: the time does not grow with the number of names listed.
 */
static size_t
match_full(struct redact *r, const char *s, size_t i, const struct redact_word *w, size_t *eo)
{
	size_t k, j, n = w->maxfull, pl;
	const struct redact_word *f;

	if (n > r->ntoks - i)
		n = r->ntoks - i;
	for (j = 1; j < n; j++)
		if (!name_gap(s, r->toks[i + j - 1].eo, r->toks[i + j].so))
			break;
	for (n = j; n >= 2; n--) {
		for (pl = 0; pl <= 1; pl++) {
			const struct token *t = &r->toks[i + n - 1];
			size_t cut = pl ? t->pl : 0;

			if (pl && cut == 0)
				continue;
			strbuf_reset(&r->key2);
			for (k = 0; k < n; k++) {
				const struct token *p = &r->toks[i + k];

				if (k > 0)
					strbuf_addch(&r->key2, ' ');
				strbuf_add(&r->key2, r->low.buf + p->key,
				           p->klen - (k == n - 1 && cut > 0 ? 2 : 0));
			}
			f = redact_lookup(r, r->key2.buf, r->key2.len);
			if (f != NULL && (f->flags & W_FULL)) {
				*eo = t->eo - cut;
				return n;
			}
		}
	}
	return 0;
}

/* 1 when token i opens a sentence (and follows no honorific). */
static int
sentence_start(struct redact *r, const char *s, size_t i)
{
	size_t p = r->toks[i].so;
	const struct redact_word *w;

	if (i > 0 && (w = redact_tok_lookup(r, i - 1, 0)) != NULL && (w->flags & W_HONORIFIC))
		return 0;
	while (p > 0 && (s[p - 1] == ' ' || s[p - 1] == '\t' || s[p - 1] == '\n' ||
	                 s[p - 1] == '"' || s[p - 1] == '(' || s[p - 1] == '\''))
		p--;
	return p == 0 || s[p - 1] == '.' || s[p - 1] == '!' || s[p - 1] == '?' || s[p - 1] == ':';
}

/* The surname entry token i (or a possessive, or a hyphen part) holds. */
static const struct redact_word *
surname_at(struct redact *r, const char *s, size_t i)
{
	const struct token *t = &r->toks[i];
	const struct redact_word *w;
	size_t pl = t->pl, k, start;

	if ((w = redact_tok_lookup(r, i, 0)) != NULL && (w->flags & W_SURNAME))
		return w;
	if (pl > 0 && (w = redact_tok_lookup(r, i, 1)) != NULL && (w->flags & W_SURNAME))
		return w;
	/* A hyphenated name holding a surname: "Smith-Jones". */
	if (memchr(s + t->so, '-', t->eo - t->so) == NULL)
		return NULL;
	for (start = t->so, k = t->so; k <= t->eo; k++) {
		size_t end = k == t->eo ? k - pl : k;

		if (k < t->eo && s[k] != '-')
			continue;
		if (end > start) {
			redact_lower_word(s, start, end, &r->key);
			w = redact_lookup(r, r->key.buf, r->key.len);
			if (w != NULL && (w->flags & W_SURNAME))
				return w;
		}
		start = k + 1;
	}
	return NULL;
}

/* Propose the spans of names in the deny-list. */
void
redact_run_names(struct redact *r, const char *s, size_t len, int prio)
{
	size_t i, n, eo, nt;
	const struct redact_word *w;

	(void)len;
	if (r->wcount == 0 || r->nnames == 0)
		return;
	for (i = 0; i < r->ntoks; i += n) {
		const struct token *t = &r->toks[i];

		n = 1;
		w = redact_tok_lookup(r, i, 0);
		if (t->pl == 0)
			r->tokword[i] =
			    w; /* the same key: the allow-list detector's look-up done */
		if (w != NULL && w->maxfull > 1 && (nt = match_full(r, s, i, w, &eo)) > 0) {
			if (!redact_protected(r, t->so, eo, 0)) {
				redact_push_span(&r->spans, &r->nspans, &r->spancap, t->so, eo,
				                 REDACT_NAME, prio);
				n = nt;
			}
			continue;
		}
		if (!t->cap || (w = surname_at(r, s, i)) == NULL)
			continue;
		if ((w->flags & (W_COMMON | W_KEEPCAP)) && sentence_start(r, s, i))
			continue;
		eo = t->eo;
		if (t->pl > 0 && memchr(s + t->so, '-', t->eo - t->so) == NULL &&
		    redact_tok_lookup(r, i, 0) != w)
			eo -= t->pl;
		if (!redact_protected(r, t->so, eo, 0))
			redact_push_span(&r->spans, &r->nspans, &r->spancap, t->so, eo, REDACT_NAME,
			                 prio);
	}
}
