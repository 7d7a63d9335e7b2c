/*
 * redact_review.c: the review list. Each distinct word removed only because
 * it was unknown (no list named it and no context said it was a name) is
 * kept with its count and the keys of the records it was removed from, so
 * that the lead inspector can add a false positive to the allow file. The
 * words are kept as written; the surrounding text never is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "redact/redact-impl.h"

/* Keys kept per word at most (the count goes on). */
#define REVIEW_MAX_KEYS 50

/* Grow the hash of words to hold twice the words. */
static void
rehash(struct redact *r)
{
	size_t i, h, n = r->revslots == 0 ? 256 : r->revslots * 2;

	free(r->revslot);
	r->revslot = xcalloc(n, sizeof(*r->revslot));
	r->revslots = n;
	for (i = 0; i < r->nrev; i++) {
		h = (size_t)keyhash_sip(&r->hkey, r->rev[i].word, strlen(r->rev[i].word)) & (n - 1);
		while (r->revslot[h] != 0)
			h = (h + 1) & (n - 1);
		r->revslot[h] = i + 1;
	}
}

void
redact_review_note(struct redact *r, const char *word, size_t len)
{
	struct review_word *w;
	size_t h;

	if ((r->nrev + 1) * 2 > r->revslots)
		rehash(r);
	h = (size_t)keyhash_sip(&r->hkey, word, len) & (r->revslots - 1);
	while (r->revslot[h] != 0) {
		w = &r->rev[r->revslot[h] - 1];
		if (strncmp(w->word, word, len) == 0 && w->word[len] == '\0')
			break;
		h = (h + 1) & (r->revslots - 1);
	}
	if (r->revslot[h] == 0) {
		if (r->nrev == r->revcap) {
			r->revcap = r->revcap == 0 ? 64 : r->revcap * 2;
			r->rev = xreallocarray(r->rev, r->revcap, sizeof(*r->rev));
		}
		w = &r->rev[r->nrev];
		memset(w, 0, sizeof(*w));
		w->word = xstrndup(word, len);
		r->revslot[h] = ++r->nrev;
	}
	w = &r->rev[r->revslot[h] - 1];
	w->count++;
	if (r->review_key == NULL ||
	    (w->nkeys > 0 && strcmp(w->keys[w->nkeys - 1], r->review_key) == 0) ||
	    w->nkeys >= REVIEW_MAX_KEYS)
		return;
	if (w->nkeys == w->keycap) {
		w->keycap = w->keycap == 0 ? 4 : w->keycap * 2;
		w->keys = xreallocarray(w->keys, w->keycap, sizeof(char *));
	}
	w->keys[w->nkeys++] = xstrdup(r->review_key);
}

void
redact_review_start(struct redact *r)
{
	r->review = 1;
}

void
redact_review_record(struct redact *r, const char *key)
{
	free(r->review_key);
	r->review_key = key != NULL && r->review ? xstrdup(key) : NULL;
}

/* Most removed first, then by word. */
static int
review_cmp(const void *a, const void *b)
{
	const struct review_word *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->word, y->word);
}

/* Write s as a CSV field. */
static void
csv_field(FILE *fp, const char *s)
{
	if (strpbrk(s, ",\"\n\r") == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

size_t
redact_review_write(struct redact *r, FILE *fp)
{
	size_t i, k;

	qsort(r->rev, r->nrev, sizeof(*r->rev), review_cmp);
	rehash(r); /* the indexes changed */
	fputs("word,count,records\n", fp);
	for (i = 0; i < r->nrev; i++) {
		struct strbuf keys;

		strbuf_init(&keys);
		for (k = 0; k < r->rev[i].nkeys; k++) {
			if (k > 0)
				strbuf_addch(&keys, ';');
			strbuf_adds(&keys, r->rev[i].keys[k]);
		}
		if (r->rev[i].count > r->rev[i].nkeys && r->rev[i].nkeys == REVIEW_MAX_KEYS)
			strbuf_adds(&keys, ";...");
		csv_field(fp, r->rev[i].word);
		fprintf(fp, ",%lu,", r->rev[i].count);
		csv_field(fp, keys.len > 0 ? keys.buf : "");
		fputc('\n', fp);
		strbuf_free(&keys);
	}
	return r->nrev;
}

void
redact_review_free(struct redact *r)
{
	size_t i, k;

	for (i = 0; i < r->nrev; i++) {
		for (k = 0; k < r->rev[i].nkeys; k++)
			free(r->rev[i].keys[k]);
		free(r->rev[i].keys);
		free(r->rev[i].word);
	}
	free(r->rev);
	free(r->revslot);
	free(r->review_key);
}
