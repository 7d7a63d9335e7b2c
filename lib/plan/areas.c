/*
 * areas.c: reading the service areas and choosing a balanced sample of
 * them to visit, with the reason for each choice.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/fieldmap.h"
#include "core/memo.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "plan/areas.h"

enum { F_AREA, F_PERFORMANCE, F_VOLUME, F_LAST, F_INTELLIGENCE, F_ALIASES, F_COUNT };
static const char *const field_keys[F_COUNT] = {"service_area",   "performance",  "volume",
                                                "last_inspected", "intelligence", "aliases"};

/* The criteria of para 31, in the order they take turns. */
enum criterion { C_INTELLIGENCE, C_WEAK, C_STRONG, C_VOLUME, C_LONGEST, C_COUNT };

/* Remember key(name) -> i; 0, or -1 when another item has that key. */
static int
index_put(struct areas_list *l, const char *name, size_t i)
{
	struct strbuf k;
	long old;
	int rc = 0;

	if (l->index == NULL)
		l->index = memo_new(4096);
	strbuf_init(&k);
	text_labelkey(name, &k);
	if (memo_get(l->index, k.buf, k.len, &old))
		rc = old == (long)i ? 0 : -1;
	else if (memo_put(l->index, k.buf, k.len, (long)i) != 0)
		rc = -1;
	strbuf_free(&k);
	return rc;
}

/* Append a candidate area to the list. */
void
areas_add(struct areas_list *l, const char *name, double performance, double volume,
          date_t last_inspected, long intelligence)
{
	struct areas_candidate *c;

	if (l->n % 64 == 0)
		l->items = xreallocarray(l->items, l->n + 64, sizeof *l->items);
	c = &l->items[l->n++];
	memset(c, 0, sizeof *c);
	(void)index_put(l, name, l->n - 1);
	c->name = xstrdup(name);
	c->performance = performance;
	c->volume = volume;
	c->last_inspected = last_inspected;
	c->intelligence = intelligence;
	c->line = 0;
}

int
areas_add_alias(struct areas_list *l, const char *alias)
{
	struct areas_candidate *c = &l->items[l->n - 1];

	if (index_put(l, alias, l->n - 1) != 0)
		return -1;
	c->aliases = xreallocarray(c->aliases, c->naliases + 1, sizeof *c->aliases);
	c->aliases[c->naliases++] = xstrdup(alias);
	return 0;
}

/* Free the candidates of a list. */
void
areas_free(struct areas_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->items[i].name);
		for (size_t j = 0; j < l->items[i].naliases; j++)
			free(l->items[i].aliases[j]);
		free(l->items[i].aliases);
	}
	free(l->items);
	if (l->index != NULL)
		memo_free(l->index);
	l->items = NULL;
	l->index = NULL;
	l->n = 0;
}

/* Find an area by name or alias, by text_labelkey. */
long
areas_find(const struct areas_list *l, const char *name)
{
	struct strbuf k;
	long found = -1;

	if (l->index == NULL)
		return -1;
	strbuf_init(&k);
	text_labelkey(name, &k);
	if (!memo_get(l->index, k.buf, k.len, &found))
		found = -1;
	strbuf_free(&k);
	return found;
}

void
areas_suggest(const struct areas_list *l, const char *name, char *buf, size_t bufsz)
{
	const char **names = xcalloc(l->n + 1, sizeof *names);
	size_t used = 0;
	long k;

	for (size_t i = 0; i < l->n; i++)
		names[i] = l->items[i].name;
	if ((k = text_nearest(name, names, l->n)) >= 0)
		snprintf(buf, bufsz, "did you mean '%s'?", names[k]);
	else {
		used = (size_t)snprintf(buf, bufsz, "known areas:");
		for (size_t i = 0; i < l->n && i < 6 && used < bufsz; i++)
			used += (size_t)snprintf(buf + used, bufsz - used, "%s '%s'", i ? "," : "",
			                         names[i]);
		if (l->n > 6 && used < bufsz)
			snprintf(buf + used, bufsz - used, " and %zu more", l->n - 6);
	}
	free(names);
}

/* Add the aliases in cell (separated by ';', ',' or '|'); -1 with err set. */
static int
read_aliases(struct areas_list *out, const char *cell, const char *file, unsigned long line,
             char *err, size_t errsz)
{
	const char *s = cell;
	char w[DIAG_WHERE_MAX];

	while (*s != '\0') {
		size_t len = strcspn(s, ";,|");
		char *one = xstrndup(s, len), *trimmed = text_trimdup(one);
		int rc = 0;

		free(one);
		if (*trimmed != '\0') {
			if (out->items[out->n - 1].naliases >= AREAS_MAX_ALIASES) {
				snprintf(err, errsz, "%s: aliases: more than %d",
				         diag_where(file, line, w, sizeof w), AREAS_MAX_ALIASES);
				rc = -1;
			} else if (areas_add_alias(out, trimmed) != 0) {
				snprintf(err, errsz, "%s: aliases: '%s' names another area",
				         diag_where(file, line, w, sizeof w), trimmed);
				rc = -1;
			}
		}
		free(trimmed);
		if (rc != 0)
			return -1;
		s += len + (s[len] != '\0');
	}
	return 0;
}

/* Parse a whole number (decimal point allowed); -1 when not one. */
static int
parse_number(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	if (end == s || errno != 0 || !isfinite(*out))
		return -1;
	while (*end == ' ')
		end++;
	return *end == '\0' ? 0 : -1;
}

/* Read one row into a candidate; -1 with err set naming line and column. */
static int
read_row(const struct table *t, size_t r, const long *col, struct areas_list *out, char *err,
         size_t errsz)
{
	const char *v[F_COUNT];
	double perf, vol, intel = 0;
	date_t last = -1;
	unsigned long line = t->rows[r].line;
	char *name, w[DIAG_WHERE_MAX], ref[128];
	long dup;

	diag_where(t->name, line, w, sizeof w);

	for (int f = 0; f < F_COUNT; f++)
		v[f] = table_cell(t, r, col[f]);
	if (text_blank(v[F_AREA])) {
		snprintf(err, errsz, "%s: service_area: blank", w);
		return -1;
	}
	if (parse_number(v[F_PERFORMANCE], &perf) == -1) {
		snprintf(err, errsz, "%s: performance: not a number", w);
		return -1;
	}
	if (parse_number(v[F_VOLUME], &vol) == -1 || vol < 0) {
		snprintf(err, errsz, "%s: volume: not a number of 0 or more", w);
		return -1;
	}
	if (!text_blank(v[F_LAST]) && strcmp(v[F_LAST], "never") != 0 &&
	    dates_parse(v[F_LAST], &last) == -1) {
		snprintf(err, errsz, "%s: last_inspected: not a date (YYYY-MM-DD or DD/MM/YYYY)",
		         w);
		return -1;
	}
	if (!text_blank(v[F_INTELLIGENCE]) &&
	    (parse_number(v[F_INTELLIGENCE], &intel) == -1 || intel < 0 || intel != floor(intel))) {
		snprintf(err, errsz, "%s: intelligence: not a count", w);
		return -1;
	}
	if ((dup = areas_find(out, v[F_AREA])) != -1) {
		snprintf(err, errsz, "%s: service_area: the same area as %s", w,
		         diag_line_ref(t->name, out->items[dup].line, ref, sizeof ref));
		return -1;
	}
	name = text_trimdup(v[F_AREA]);
	areas_add(out, name, perf, vol, last, (long)intel);
	free(name);
	out->items[out->n - 1].line = line;
	return read_aliases(out, v[F_ALIASES], t->name, line, err, errsz);
}

/* Read the areas CSV into a list of candidates. */
int
areas_read(const char *path, unsigned csv_flags, struct areas_list *out, char *err, size_t errsz)
{
	struct fieldmap *fm;
	struct fieldmap_binding b;
	struct table *t;
	long col[F_COUNT];
	int rc = 0;

	memset(out, 0, sizeof *out);
	if ((fm = fieldmap_load_named("areas", err, errsz)) == NULL)
		return -1;
	if ((t = table_read(path, csv_flags, err, errsz)) == NULL) {
		fieldmap_free(fm);
		return -1;
	}
	fieldmap_bind(fm, (const char *const *)t->header, t->ncols, &b);
	for (int f = 0; f < F_COUNT && rc == 0; f++) {
		long i = fieldmap_index(fm, field_keys[f]);

		col[f] = i < 0 ? -1 : b.column[i];
		if (col[f] < 0 && f != F_LAST && f != F_INTELLIGENCE && f != F_ALIASES) {
			snprintf(err, errsz, "%s:1: missing column %s", t->name, field_keys[f]);
			rc = -1;
		}
	}
	if (rc == 0 && t->nrows > AREAS_MAX_ROWS) {
		snprintf(err, errsz, "%s: %zu service areas, more than the %d one file may hold",
		         t->name, t->nrows, AREAS_MAX_ROWS);
		rc = -1;
	}
	for (size_t r = 0; r < t->nrows && rc == 0; r++)
		rc = read_row(t, r, col, out, err, errsz);
	if (rc == 0 && out->n == 0) {
		snprintf(err, errsz, "%s: no service areas", t->name);
		rc = -1;
	}
	if (rc == -1)
		areas_free(out);
	fieldmap_unbind(&b);
	table_free(t);
	fieldmap_free(fm);
	return rc;
}

/* How strongly c meets criterion k (higher is stronger); NAN: not at all. */
static double
score(const struct areas_candidate *c, enum criterion k)
{
	switch (k) {
	case C_INTELLIGENCE:
		return c->intelligence > 0 ? (double)c->intelligence : NAN;
	case C_WEAK:
		return -c->performance;
	case C_STRONG:
		return c->performance;
	case C_VOLUME:
		return c->volume;
	case C_LONGEST:
		return c->last_inspected < 0 ? INFINITY : -(double)c->last_inspected;
	default:
		return NAN;
	}
}

/* 1 when a beats b under criterion k (ties by name). */
static int
better(const struct areas_candidate *a, const struct areas_candidate *b, enum criterion k)
{
	double sa = score(a, k), sb = score(b, k);

	if (sa != sb)
		return sa > sb;
	return strcmp(a->name, b->name) < 0;
}

/* The reason for choosing c under k, with its rank among the available. */
static char *
reason(const struct areas_list *l, const unsigned char *excluded, size_t c, enum criterion k)
{
	const struct areas_candidate *a = &l->items[c];
	size_t rank = 1, of = 0;
	char d[DATES_ISO_LEN];

	for (size_t i = 0; i < l->n; i++) {
		if (excluded[i])
			continue;
		of++;
		if (i != c && score(&l->items[i], k) > score(a, k))
			rank++;
	}
	switch (k) {
	case C_INTELLIGENCE:
		return xasprintf("intelligence: %ld concern%s, rank %zu of %zu", a->intelligence,
		                 a->intelligence == 1 ? "" : "s", rank, of);
	case C_WEAK:
		return xasprintf("weaker performance: %g, rank %zu lowest of %zu", a->performance,
		                 rank, of);
	case C_STRONG:
		return xasprintf("stronger performance: %g, rank %zu highest of %zu",
		                 a->performance, rank, of);
	case C_VOLUME:
		return xasprintf("high volume: %g, rank %zu of %zu", a->volume, rank, of);
	default:
		if (a->last_inspected < 0)
			return xasprintf("longest since inspected: never inspected");
		return xasprintf("longest since inspected: %s, rank %zu of %zu",
		                 dates_format(a->last_inspected, d), rank, of);
	}
}

/* The best candidate not yet taken under k, or -1. */
static long
pick(const struct areas_list *l, const unsigned char *taken, enum criterion k)
{
	long best = -1;

	for (size_t i = 0; i < l->n; i++) {
		if (taken[i] || isnan(score(&l->items[i], k)))
			continue;
		if (best == -1 || better(&l->items[i], &l->items[best], k))
			best = (long)i;
	}
	return best;
}

/* Mark the names in list; -1 with err set when one is unknown. */
static int
mark_names(const struct areas_list *l, const char *const *names, size_t n, unsigned char *mark,
           const char *opt, char *err, size_t errsz)
{
	for (size_t i = 0; i < n; i++) {
		long j = areas_find(l, names[i]);

		if (j == -1) {
			char hint[256];

			areas_suggest(l, names[i], hint, sizeof hint);
			snprintf(err, errsz, "%s %s: no such service area in the areas file; %s",
			         opt, names[i], hint);
			return -1;
		}
		mark[j] = 1;
	}
	return 0;
}

/* Order choices by week, then slot. */
static int
choice_cmp(const void *a, const void *b)
{
	const struct areas_choice *x = a, *y = b;

	if (x->week != y->week)
		return x->week < y->week ? -1 : 1;
	return x->slot < y->slot ? -1 : x->slot > y->slot;
}

/* Give the k-th choice its week: the weeks fill in turn. */
static void
place(struct areas_choice *ch, size_t k, const struct areas_week *weeks, size_t nweeks,
      size_t *used)
{
	size_t w = k % nweeks;

	while (used[w] >= weeks[w].capacity)
		w = (w + 1) % nweeks;
	ch[k].week = weeks[w].week;
	ch[k].slot = used[w]++;
}

/* Choose the areas to visit, criteria taking turns, and give each a week. */
int
areas_choose(const struct areas_list *l, const struct areas_week *weeks, size_t nweeks,
             const char *const *include, size_t ninclude, const char *const *exclude,
             size_t nexclude, struct areas_choice **out, size_t *nout, char *err, size_t errsz)
{
	unsigned char *inc = xcalloc(l->n + 1, 1), *exc = xcalloc(l->n + 1, 1);
	unsigned char *taken = xcalloc(l->n + 1, 1);
	size_t need = 0, avail = 0, n = 0, *used = xcalloc(nweeks + 1, sizeof *used);
	struct areas_choice *ch;
	int rc = -1, idle = 0;

	*out = NULL;
	*nout = 0;
	for (size_t w = 0; w < nweeks; w++)
		need += weeks[w].capacity;
	ch = xcalloc(need + 1, sizeof *ch);
	if (mark_names(l, include, ninclude, inc, "--include", err, errsz) == -1 ||
	    mark_names(l, exclude, nexclude, exc, "--exclude", err, errsz) == -1)
		goto done;
	for (size_t i = 0; i < l->n; i++) {
		if (inc[i] && exc[i]) {
			snprintf(err, errsz, "%s: both included and excluded", l->items[i].name);
			goto done;
		}
		avail += !exc[i];
		taken[i] = exc[i];
	}
	if (avail < need) {
		snprintf(err, errsz, "%zu service areas to visit, but only %zu are available", need,
		         avail);
		goto done;
	}
	for (size_t k = 0; k < ninclude; k++) { /* in the order given */
		size_t i = (size_t)areas_find(l, include[k]);

		if (taken[i])
			continue;
		if (n == need) {
			snprintf(err, errsz, "more areas included than the %zu visits", need);
			goto done;
		}
		taken[i] = 1;
		ch[n].area = &l->items[i];
		ch[n].reason = xstrdup("named with --include");
		place(ch, n++, weeks, nweeks, used);
	}
	for (int k = 0; n < need && idle < C_COUNT; k = (k + 1) % C_COUNT) {
		long j = pick(l, taken, (enum criterion)k);

		if (j == -1) {
			idle++;
			continue;
		}
		idle = 0;
		taken[j] = 1;
		ch[n].area = &l->items[j];
		ch[n].reason = reason(l, exc, (size_t)j, (enum criterion)k);
		place(ch, n++, weeks, nweeks, used);
	}
	qsort(ch, n, sizeof *ch, choice_cmp);
	*out = ch;
	*nout = n;
	ch = NULL;
	rc = 0;
done:
	if (ch != NULL)
		areas_choices_free(ch, n);
	free(inc);
	free(exc);
	free(taken);
	free(used);
	return rc;
}

/* Free a list of choices. */
void
areas_choices_free(struct areas_choice *ch, size_t n)
{
	if (ch == NULL)
		return;
	for (size_t i = 0; i < n; i++)
		free(ch[i].reason);
	free(ch);
}
