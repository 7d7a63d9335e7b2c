/*
 * casename.c: the identifying-case-name heuristic. Words are looked up in
 * sorted arrays (binary search) so a check costs a few comparisons a word.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annexa/casename.h"
#include "core/datadir.h"
#include "core/memo.h"
#include "core/output.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

#define CASENAME_MAX 256 /* longer names are not a person's name */
#define MAX_WORDS 32

struct wordlist {
	char **words; /* sorted, into text, when there are too many for a set */
	size_t n;
	struct memo *set; /* the words hashed, when there are few enough (made on first use) */
	char *text; /* the words, each ended by NUL, when there is no set */
	int unhashed; /* few enough for a set, not made yet: the words are in text */
};

struct casename {
	struct wordlist first; /* first names */
	struct wordlist court; /* court vocabulary and place words */
	struct wordlist titles; /* Mr, Mrs...: skipped, not counted */
};

static const char *const title_words[] = {"dr", "master", "miss", "mr", "mrs", "ms", "mx"};

/* Compare two C strings through pointers (qsort/bsearch). */
static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Hash the words of text, now that one is looked up: most case names
 * ("Re A (A Child)") are settled before any word is, so a run that never
 * asks spares the set's tables and copies (a few hundred allocations).
 */
static void
wordlist_hash(struct wordlist *wl)
{
	const char *p;
	size_t i;

	wl->set = memo_new(wl->n);
	for (i = 0, p = wl->text; i < wl->n; i++, p += strlen(p) + 1)
		memo_put(wl->set, p, strlen(p), 1);
	free(wl->text);
	wl->text = NULL;
	wl->unhashed = 0;
}

/* 1 when w is in the list. */
static int
wordlist_has(const struct wordlist *wl, const char *w)
{
	long v;

	if (wl->unhashed) /* how the words are held changes, not which they are */
		wordlist_hash((struct wordlist *)wl);
	if (wl->set != NULL)
		return memo_get(wl->set, w, strlen(w), &v);
	return wl->n > 0 && bsearch(&w, wl->words, wl->n, sizeof *wl->words, cmp_str) != NULL;
}

static void
wordlist_free(struct wordlist *wl)
{
	free(wl->words);
	free(wl->text);
	memo_free(wl->set);
	wl->words = NULL;
	wl->text = NULL;
	wl->set = NULL;
	wl->n = 0;
	wl->unhashed = 0;
}

/* Read the whole of fp into b (unbuffered: one read() a block, no stdio buffer); -1 on error. */
static int
slurp(FILE *fp, struct strbuf *b)
{
	size_t got;

	setvbuf(fp, NULL, _IONBF, 0);
	do {
		strbuf_grow(b, 4096);
		got = fread(b->buf + b->len, 1, 4096, fp);
		b->len += got;
	} while (got == 4096);
	b->buf[b->len] = '\0';
	return ferror(fp) ? -1 : 0;
}

/*
 * Read one lower-cased word a line from path, skip blanks and '#' (a line
 * is read up to a NUL in it); sort the words when there are too many for a
 * memo, else leave them to be hashed on first use (wordlist_hash()). The
 * file is read whole and its words packed in place, each ended by NUL (a
 * few thousand bytes: one allocation, not one a word), which the memo's own
 * copies make free to drop.
 */
static int
wordlist_read(struct wordlist *wl, const char *path, char *err, size_t errsz)
{
	struct strbuf text;
	FILE *fp;
	char *p, *e, *line, *end, *next, *out;
	size_t i;

	if ((fp = output_input_open(path)) == NULL) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return -1;
	}
	strbuf_init(&text);
	if (slurp(fp, &text) == -1) {
		snprintf(err, errsz, "%s: read error", path);
		fclose(fp);
		strbuf_free(&text);
		return -1;
	}
	fclose(fp);
	end = text.buf + text.len;
	for (line = out = text.buf; line < end; line = next) {
		if ((next = memchr(line, '\n', (size_t)(end - line))) != NULL)
			next++;
		else
			next = end;
		for (p = line; p < next && (*p == ' ' || *p == '\t'); p++)
			;
		if (p == next || *p == '#' || *p == '\n' || *p == '\r' || *p == '\0')
			continue;
		for (e = p; e < next && *e != '\0' && *e != '\n' && *e != '\r' && *e != '#'; e++)
			if (*e >= 'A' && *e <= 'Z')
				*e = (char)(*e - 'A' + 'a');
		while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		memmove(out, p, (size_t)(e - p)); /* out never passes p: words only shrink */
		out += e - p;
		*out++ = '\0';
		wl->n++;
	}
	text.len = (size_t)(out - text.buf);
	if (wl->n > 4096) {
		wl->words = xcalloc(wl->n, sizeof *wl->words);
		for (i = 0, p = text.buf; i < wl->n; i++, p += strlen(p) + 1)
			wl->words[i] = p;
		qsort(wl->words, wl->n, sizeof *wl->words, cmp_str);
		wl->text = text.buf; /* kept: the words point into it */
		return 0;
	}
	wl->text = strbuf_steal(&text);
	wl->unhashed = 1;
	return 0;
}

struct casename *
casename_load_files(const char *first_names, const char *court_words, char *err, size_t errsz)
{
	struct casename *cn = xcalloc(1, sizeof *cn);

	if (wordlist_read(&cn->first, first_names, err, errsz) == -1 ||
	    wordlist_read(&cn->court, court_words, err, errsz) == -1) {
		casename_free(cn);
		return NULL;
	}
	cn->titles.words = (char **)title_words;
	cn->titles.n = sizeof title_words / sizeof title_words[0];
	return cn;
}

struct casename *
casename_load(char *err, size_t errsz)
{
	char *f = datadir_path("annexa/first-names.txt");
	char *c = datadir_path("annexa/court-words.txt");
	struct casename *cn = casename_load_files(f, c, err, errsz);

	free(f);
	free(c);
	return cn;
}

void
casename_free(struct casename *cn)
{
	if (cn == NULL)
		return;
	wordlist_free(&cn->first);
	wordlist_free(&cn->court);
	free(cn);
}

/* Bytes that separate words (brackets too, handled apart). */
static int
is_sep(int c)
{
	return c == ' ' || c == '\t' || c == ',' || c == ';' || c == ':' || c == '"' || c == '/' ||
	       c == '\n' || c == '\r';
}

static int
is_bracket(int c)
{
	return c == '(' || c == '[' || c == ')' || c == ']';
}

static int
is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_lower(int c)
{
	return (c >= 'a' && c <= 'z') || c >= 0x80;
}

/* A word of the party: its bytes (lower-cased copy) and its shape. */
struct casename_word {
	char low[CASENAME_MAX + 1];
	size_t len;
	int title; /* Upper then at least one lower-case letter */
	int letters; /* only letters, '-' and '\'' (and a trailing "'s") */
	int dotted; /* contains a '.' (initials "A.B.") */
	int allcaps; /* every letter upper-case */
};

/* Classify the raw word s[0..n). */
static void
word_make(struct casename_word *w, const unsigned char *s, size_t n)
{
	size_t i, nup = 0, nlow = 0;

	w->len = n;
	w->letters = 1;
	w->dotted = 0;
	for (i = 0; i < n; i++) {
		int c = s[i];

		if (is_upper(c)) {
			nup++;
			w->low[i] = (char)(c - 'A' + 'a');
			continue;
		}
		w->low[i] = (char)c;
		if (is_lower(c))
			nlow++;
		else if (c == '.')
			w->dotted = 1;
		else if (c != '-' && c != '\'')
			w->letters = 0;
	}
	w->low[n] = '\0';
	w->title = n > 0 && is_upper(s[0]) && nlow > 0;
	w->allcaps = nup > 0 && nlow == 0;
}

/*
 * 1 when the word separates parties ("v", "vs", "and", "&") or the parts
 * of one ("of", "for": "Baby of Sarah Thompson", "London Borough of X").
 */
static int
is_separator(const struct casename_word *w)
{
	static const char *const seps[] = {"v", "v.", "vs", "vs.", "and", "&", "of", "for", "re"};
	size_t i;

	if (w->len > 3) /* none is longer: most words stop here */
		return 0;
	for (i = 0; i < sizeof seps / sizeof seps[0]; i++)
		if (strcmp(w->low, seps[i]) == 0)
			return 1;
	return 0;
}

/* 1 when the word is a title such as "Mrs" or "Mrs." (skipped). */
static int
is_title_word(const struct casename *cn, struct casename_word *w)
{
	if (w->len > 1 && w->low[w->len - 1] == '.') {
		int r;

		w->low[w->len - 1] = '\0';
		r = wordlist_has(&cn->titles, w->low);
		w->low[w->len - 1] = '.';
		return r;
	}
	return wordlist_has(&cn->titles, w->low);
}

/* 1 when words[0..n) read as one person's full name. */
static int
party_is_name(const struct casename *cn, struct casename_word *words, size_t n)
{
	size_t i, counted = 0, first = 0, title = 0;
	char *low;

	for (i = 0; i < n; i++) {
		low = words[i].low;
		if (is_title_word(cn, &words[i]))
			continue;
		if (!words[i].letters || words[i].dotted || words[i].len < 2)
			return 0;
		if (wordlist_has(&cn->court, low))
			return 0;
		if (wordlist_has(&cn->first, low))
			first++;
		else if (words[i].allcaps && words[i].len <= 3)
			return 0; /* initials such as "AB" */
		if (words[i].title || (words[i].allcaps && words[i].len > 3))
			title++;
		counted++;
	}
	if (counted < 2 || counted > 4)
		return 0;
	return first > 0 || (title == counted && counted <= 3);
}

/* Drop a trailing possessive "'s" or "'" from the word (Thompson's). */
static size_t
strip_possessive(const unsigned char *s, size_t n)
{
	if (n > 2 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S'))
		return n - 2;
	if (n > 1 && s[n - 1] == '\'')
		return n - 1;
	return n;
}

/* Split s into words, dropping bracketed parts; return the count. */
static size_t
split_words(const char *s, struct casename_word *words, size_t max)
{
	const unsigned char *p = (const unsigned char *)s, *start;
	size_t n = 0, len;
	int depth = 0;

	while (*p != '\0' && n < max) {
		if (*p == '(' || *p == '[') {
			depth++;
			p++;
			continue;
		}
		if (*p == ')' || *p == ']') {
			if (depth > 0)
				depth--;
			p++;
			continue;
		}
		if (is_sep(*p)) {
			p++;
			continue;
		}
		start = p;
		while (*p != '\0' && !is_sep(*p) && !is_bracket(*p))
			p++;
		if (depth > 0)
			continue;
		len = strip_possessive(start, (size_t)(p - start));
		word_make(&words[n++], start, len);
	}
	return n;
}

/* Number of leading words that are the court prefix ("Re", "In re", "In the matter of"). */
static size_t
court_prefix(const struct casename_word *w, size_t n)
{
	if (n >= 1 && (strcmp(w[0].low, "re") == 0 || strcmp(w[0].low, "re.") == 0))
		return 1;
	if (n >= 2 && strcmp(w[0].low, "in") == 0 && strcmp(w[1].low, "re") == 0)
		return 2;
	if (n >= 4 && strcmp(w[0].low, "in") == 0 && strcmp(w[1].low, "the") == 0 &&
	    strcmp(w[2].low, "matter") == 0 && strcmp(w[3].low, "of") == 0)
		return 4;
	return 0;
}

/*
 * 1 when s has at least two words of two or more bytes outside brackets,
 * not counting a leading "Re": without them no party can be a full name,
 * and most court references ("Re A (A Child)") stop here, cheaply.
 */
static int
may_be_name(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int depth = 0, words = 0, first = 1;
	size_t len;

	while (*p != '\0') {
		if (*p == '(' || *p == '[') {
			depth++;
			p++;
		} else if (*p == ')' || *p == ']') {
			depth -= depth > 0;
			p++;
		} else if (is_sep(*p)) {
			p++;
		} else {
			for (len = 0; p[len] != '\0' && !is_sep(p[len]) && !is_bracket(p[len]);
			     len++)
				;
			if (depth == 0 && len >= 2 &&
			    !(first && len == 2 && (p[0] | 0x20) == 'r' && (p[1] | 0x20) == 'e'))
				words++;
			first = 0;
			p += len;
		}
	}
	return words >= 2;
}

int
casename_identifying(const struct casename *cn, const char *s)
{
	struct casename_word words[MAX_WORDS];
	size_t n, i, start;

	if (strlen(s) > CASENAME_MAX || !may_be_name(s))
		return 0;
	n = split_words(s, words, MAX_WORDS);
	if (n == MAX_WORDS)
		return 0; /* a long text, not a name */
	start = court_prefix(words, n);
	for (i = start; i <= n; i++) {
		if (i < n && !is_separator(&words[i]))
			continue;
		if (party_is_name(cn, words + start, i - start))
			return 1;
		start = i + 1;
	}
	return 0;
}
