/*
 * labels.c: unknown labels tallied for one report each, and the user's map
 * of local labels to vocabulary terms (see labels.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annexa/labels.h"
#include "core/memo.h"
#include "core/table.h"
#include "core/text.h"
#include "core/vocab.h"
#include "core/xalloc.h"

void
labels_init(struct labels *l)
{
	memset(l, 0, sizeof *l);
}

void
labels_free(struct labels *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].label);
	free(l->v);
	memo_free(l->memo);
	memset(l, 0, sizeof *l);
}

/* A copy of s[0..len) fit to quote: trimmed, control bytes and quotes blanked, cut short. */
static char *
clean(const char *s, size_t len)
{
	struct strbuf b;
	size_t i, n;
	int cut = 0;
	unsigned char ch;

	s = text_trim(s, &len);
	n = len;
	if (n > LABELS_QUOTE) {
		n = LABELS_QUOTE;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		cut = 1;
	}
	strbuf_init(&b);
	for (i = 0; i < n; i++) {
		ch = (unsigned char)s[i];
		strbuf_addch(&b, (ch < 0x20 || ch == '"' || ch == 0x7f) ? ' ' : (char)ch);
	}
	if (cut)
		strbuf_adds(&b, "...");
	return strbuf_steal(&b);
}

void
labels_add(struct labels *l, const char *s, size_t len, unsigned long line)
{
	struct labels_entry *e;
	long i;

	l->total++;
	if (l->memo == NULL)
		l->memo = memo_new(LABELS_MAX);
	if (!memo_get(l->memo, s, len, &i)) {
		if (l->n >= LABELS_MAX || memo_put(l->memo, s, len, (long)l->n) == -1) {
			if (l->rest++ == 0)
				l->rest_line = line;
			return;
		}
		i = (long)l->n++;
		l->v = xreallocarray(l->v, l->n, sizeof *l->v);
		memset(&l->v[i], 0, sizeof l->v[i]);
		l->v[i].label = clean(s, len);
	}
	e = &l->v[i];
	e->n++;
	if (e->nlines < LABELS_LINES)
		e->lines[e->nlines++] = line;
}

void
labels_describe(const struct labels *l, size_t i, const struct vocab *v, int quote,
                struct strbuf *out)
{
	const struct labels_entry *e = &l->v[i];
	const char **names;
	size_t k, nv = v != NULL ? vocab_count(v) : 0;
	long near = -1;

	if (quote)
		strbuf_printf(out, "\"%s\": ", e->label);
	else
		strbuf_printf(out, "value %zu: ", i + 1);
	strbuf_printf(out, "%lu row%s (line%s ", e->n, e->n == 1 ? "" : "s", e->n == 1 ? "" : "s");
	for (k = 0; k < e->nlines; k++)
		strbuf_printf(out, "%s%lu", k ? ", " : "", e->lines[k]);
	strbuf_adds(out, e->n > e->nlines ? ", ...)" : ")");
	if (nv > 0) {
		names = xcalloc(nv, sizeof *names);
		for (k = 0; k < nv; k++)
			names[k] = vocab_value(v, k);
		near = text_nearest(e->label, names, nv);
		free(names);
	}
	if (near >= 0)
		strbuf_printf(out, "; did you mean \"%s\"?", vocab_value(v, (size_t)near));
}

struct labelmap {
	struct memo *memo; /* label key -> index */
	char **terms;
	size_t n;
};

struct labelmap *
labelmap_load(const char *path, unsigned csv_flags, char *err, size_t errsz)
{
	struct table *t = table_read(path, csv_flags, err, errsz);
	struct labelmap *m;
	struct strbuf key;
	size_t r;

	if (t == NULL)
		return NULL;
	if (t->ncols < 2) {
		snprintf(err, errsz, "%s:1: --map needs two columns: label, term", t->name);
		table_free(t);
		return NULL;
	}
	m = xcalloc(1, sizeof *m);
	m->memo = memo_new(4096);
	m->terms = xcalloc(t->nrows + 1, sizeof *m->terms);
	strbuf_init(&key);
	for (r = 0; r < t->nrows; r++) {
		const char *label = table_cell(t, r, 0), *term = table_cell(t, r, 1);

		text_labelkey(label, &key);
		if (key.len == 0 || text_blank(term)) {
			snprintf(err, errsz, "%s:%lu: --map: a label and a term are needed",
			         t->name, t->rows[r].line);
			goto fail;
		}
		if (memo_put(m->memo, key.buf, key.len, (long)m->n) == -1) {
			snprintf(err, errsz, "%s:%lu: --map: too many labels (at most 4096)",
			         t->name, t->rows[r].line);
			goto fail;
		}
		m->terms[m->n++] = text_trimdup(term);
	}
	strbuf_free(&key);
	table_free(t);
	return m;
fail:
	strbuf_free(&key);
	table_free(t);
	labelmap_free(m);
	return NULL;
}

void
labelmap_free(struct labelmap *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n; i++)
		free(m->terms[i]);
	free(m->terms);
	memo_free(m->memo);
	free(m);
}

const char *
labelmap_get(const struct labelmap *m, const char *s)
{
	struct strbuf key;
	long i;
	int hit;

	if (m == NULL || s == NULL)
		return NULL;
	strbuf_init(&key);
	text_labelkey(s, &key);
	hit = memo_get(m->memo, key.buf, key.len, &i);
	strbuf_free(&key);
	return hit ? m->terms[i] : NULL;
}

long
labelmap_find(const struct labelmap *m, const struct vocab *v, const char *s)
{
	long i = vocab_find(v, s);
	const char *term;

	if (i < 0 && (term = labelmap_get(m, s)) != NULL)
		i = vocab_find(v, term);
	return i;
}
