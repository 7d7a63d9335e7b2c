/*
 * idform.c: the Case ID form of a file, learnt from the shapes of its IDs
 * (see idform.h), or the user's pattern.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annexa/idform.h"
#include "core/memo.h"
#include "core/rx.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

#define SHAPE_MAX 64

struct shape {
	char *text;
	size_t len; /* of text */
	unsigned long n;
	size_t nlines;
	unsigned long lines[IDFORM_LINES];
};

struct idform {
	struct rx *rx; /* the user's pattern, or NULL */
	char *pattern;
	struct memo *memo; /* shape -> index */
	struct shape *shapes; /* grown as shapes are met, up to IDFORM_MAX_SHAPES */
	size_t nshapes, shapecap;
	struct shape other, misfit; /* shapes past the cap; with rx: the misfits */
	size_t last; /* the shape met last (IDs of a file mostly share one), when nshapes > 0 */
	unsigned long ids;
	struct strbuf tmp;
	char *form;
};

struct idform *
idform_new(const char *pattern, char *err, size_t errsz)
{
	struct idform *f = xcalloc(1, sizeof *f);

	strbuf_init(&f->tmp);
	if (pattern != NULL) {
		if ((f->rx = rx_new(pattern, RX_ANCHORED, err, errsz)) == NULL) {
			idform_free(f);
			return NULL;
		}
		f->pattern = xstrdup(pattern);
	}
	f->memo = memo_new(IDFORM_MAX_SHAPES);
	return f;
}

void
idform_free(struct idform *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->nshapes; i++)
		free(f->shapes[i].text);
	free(f->shapes);
	memo_free(f->memo);
	rx_free(f->rx);
	free(f->pattern);
	free(f->form);
	strbuf_free(&f->tmp);
	free(f);
}

/*
 * The shape of each ASCII byte: a letter 'A', a digit '9', a control
 * character '?', any other itself. A UTF-8 lead byte is a letter; a
 * continuation byte is part of the letter before it.
 */
static const char ascii_shape[128] = "????????????????????????????????"
                                     " !\"#$%&'()*+,-./9999999999:;<=>?"
                                     "@AAAAAAAAAAAAAAAAAAAAAAAAAA[\\]^_"
                                     "`AAAAAAAAAAAAAAAAAAAAAAAAAA{|}~?";

size_t
idform_shape(const char *s, size_t len, int collapse, char *out, size_t outsz)
{
	size_t i, n = 0;
	unsigned char c;
	char k, last = '\0';

	for (i = 0; i < len && n + 2 < outsz; i++) {
		c = (unsigned char)s[i];
		if (c < 0x80)
			k = ascii_shape[c];
		else if (c >= 0xC0)
			k = 'A';
		else
			continue; /* a UTF-8 continuation byte: one letter already */
		if (collapse && k == last && (k == 'A' || k == '9'))
			continue;
		out[n++] = last = k;
	}
	if (i < len)
		out[n++] = '+'; /* longer than a shape holds */
	out[n] = '\0';
	return n;
}

/*
 * 1 when idform_shape(s, len, 0, out, SHAPE_MAX) would write shape (slen
 * bytes): an ASCII ID (nearly every one) is compared a byte at a time
 * without building its shape; any other is shaped and compared.
 */
static int
shape_is(const char *s, size_t len, const char *shape, size_t slen)
{
	char buf[SHAPE_MAX];
	size_t i;
	unsigned char c;

	if (len == slen && len + 2 < SHAPE_MAX) {
		for (i = 0; i < len; i++) {
			c = (unsigned char)s[i];
			if (c >= 0x80)
				break;
			if (ascii_shape[c] != shape[i])
				return 0;
		}
		if (i == len)
			return 1;
	}
	return idform_shape(s, len, 0, buf, sizeof buf) == slen && memcmp(buf, shape, slen) == 0;
}

/* Note line in a shape's first lines. */
static void
note_line(struct shape *sh, unsigned long line)
{
	sh->n++;
	if (sh->nlines < IDFORM_LINES)
		sh->lines[sh->nlines++] = line;
}

void
idform_add(struct idform *f, const char *id, size_t len, unsigned long line)
{
	char shape[SHAPE_MAX];
	size_t slen;
	long i;

	f->ids++;
	if (f->rx != NULL) {
		strbuf_reset(&f->tmp);
		strbuf_add(&f->tmp, id, len);
		if (rx_test(f->rx, f->tmp.buf) != 1)
			note_line(&f->misfit, line);
		return;
	}
	if (f->nshapes > 0 && shape_is(id, len, f->shapes[f->last].text, f->shapes[f->last].len)) {
		note_line(&f->shapes[f->last], line);
		return;
	}
	slen = idform_shape(id, len, 0, shape, sizeof shape);
	if (!memo_get(f->memo, shape, slen, &i)) {
		i = (long)f->nshapes;
		if (f->nshapes >= IDFORM_MAX_SHAPES || memo_put(f->memo, shape, slen, i) == -1) {
			note_line(&f->other, line);
			return;
		}
		if (f->nshapes == f->shapecap) {
			f->shapecap = f->shapecap == 0 ? 4 : f->shapecap * 2;
			f->shapes = xreallocarray(f->shapes, f->shapecap, sizeof *f->shapes);
		}
		f->nshapes++;
		memset(&f->shapes[i], 0, sizeof f->shapes[i]);
		f->shapes[i].text = xstrdup(shape);
		f->shapes[i].len = slen;
	}
	f->last = (size_t)i;
	note_line(&f->shapes[i], line);
}

/* Compare line numbers (qsort). */
static int
line_cmp(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/* Merge the first lines of a misfit shape into r. */
static void
merge_lines(struct idform_result *r, const struct shape *sh)
{
	unsigned long all[2 * IDFORM_LINES];
	size_t i, n = 0;

	for (i = 0; i < r->nlines; i++)
		all[n++] = r->lines[i];
	for (i = 0; i < sh->nlines; i++)
		all[n++] = sh->lines[i];
	qsort(all, n, sizeof *all, line_cmp);
	r->nlines = n < IDFORM_LINES ? n : IDFORM_LINES;
	memcpy(r->lines, all, r->nlines * sizeof *all);
	r->misfits += sh->n;
}

/* The collapsed form covering most IDs into best; its count. */
static unsigned long
best_collapsed(struct idform *f, char *best, size_t bestsz)
{
	char a[SHAPE_MAX], b[SHAPE_MAX];
	unsigned long n, top = 0;
	size_t i, j;

	best[0] = '\0';
	for (i = 0; i < f->nshapes; i++) {
		idform_shape(f->shapes[i].text, strlen(f->shapes[i].text), 1, a, sizeof a);
		for (n = 0, j = 0; j < f->nshapes; j++) {
			idform_shape(f->shapes[j].text, strlen(f->shapes[j].text), 1, b, sizeof b);
			if (strcmp(a, b) == 0)
				n += f->shapes[j].n;
		}
		if (n > top || (n == top && strcmp(a, best) < 0)) {
			top = n;
			snprintf(best, bestsz, "%s", a);
		}
	}
	return top;
}

void
idform_result(struct idform *f, struct idform_result *r)
{
	char best[SHAPE_MAX], c[SHAPE_MAX];
	size_t i, top = 0;
	int collapse = 0;

	memset(r, 0, sizeof *r);
	r->ids = f->ids;
	if (f->rx != NULL) {
		r->form = f->pattern;
		merge_lines(r, &f->misfit);
		return;
	}
	r->learnt = 1;
	if (f->nshapes == 0)
		return;
	for (i = 1; i < f->nshapes; i++)
		if (f->shapes[i].n > f->shapes[top].n ||
		    (f->shapes[i].n == f->shapes[top].n &&
		     strcmp(f->shapes[i].text, f->shapes[top].text) < 0))
			top = i;
	snprintf(best, sizeof best, "%s", f->shapes[top].text);
	if ((double)f->shapes[top].n < IDFORM_DOMINANT * (double)f->ids) {
		if ((double)best_collapsed(f, best, sizeof best) < IDFORM_DOMINANT * (double)f->ids)
			return; /* no one form */
		collapse = 1;
	}
	free(f->form);
	f->form = xstrdup(best);
	r->form = f->form;
	for (i = 0; i < f->nshapes; i++) {
		idform_shape(f->shapes[i].text, strlen(f->shapes[i].text), collapse, c, sizeof c);
		if (strcmp(c, best) != 0)
			merge_lines(r, &f->shapes[i]);
	}
	if (f->other.n > 0)
		merge_lines(r, &f->other);
}
