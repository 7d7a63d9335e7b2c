/*
 * docs.c: matching a manifest of supplied files to Annex A's further
 * documentation items.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "annexa/docs.h"
#include "core/datadir.h"
#include "core/fieldmap.h"
#include "core/jsonio.h"
#include "core/rx.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/text.h"
#include "core/xalloc.h"

struct docs_item {
	char *item;
	char *title;
	int local;
	size_t nrx;
	struct rx **rx;
};

struct docs {
	size_t n;
	struct docs_item *items;
	struct rx *number; /* a leading item number "1.01" */
};

/* A supplied file: its name, item text and service area. */
struct docs_entry {
	char *file;
	char *item;
	char *area;
};

struct entries {
	size_t n;
	struct docs_entry *e;
};

/* Load one item from its JSON object; -1 with err set. */
static int
item_load(struct docs_item *it, json_t *o, size_t idx, char *err, size_t errsz)
{
	json_t *pats = json_object_get(o, "patterns"), *p;
	size_t i;
	char rerr[128];

	it->item = xstrdup(jsonio_str(o, "item", ""));
	it->title = xstrdup(jsonio_str(o, "title", ""));
	it->local = strcmp(jsonio_str(o, "scope", "national"), "local") == 0;
	if (*it->item == '\0' || *it->title == '\0') {
		snprintf(err, errsz, "documents.json: item %zu has no item number or title",
		         idx + 1);
		return -1;
	}
	json_array_foreach(pats, i, p)
	{
		it->rx = xreallocarray(it->rx, it->nrx + 1, sizeof *it->rx);
		it->rx[it->nrx] = rx_new(json_string_value(p) ? json_string_value(p) : "(?!)",
		                         RX_CASELESS, rerr, sizeof rerr);
		if (it->rx[it->nrx] == NULL) {
			snprintf(err, errsz, "documents.json: item %s: pattern %zu: %s", it->item,
			         i + 1, rerr);
			return -1;
		}
		it->nrx++;
	}
	return 0;
}

struct docs *
docs_load(char *err, size_t errsz)
{
	char *path = datadir_path("annexa/documents.json"), rerr[128];
	json_t *j = jsonio_load(path, err, errsz), *items, *o;
	struct docs *d;
	size_t i;

	free(path);
	if (j == NULL)
		return NULL;
	d = xcalloc(1, sizeof *d);
	items = json_object_get(j, "items");
	d->items = xcalloc(json_array_size(items) + 1, sizeof *d->items);
	json_array_foreach(items, i, o)
	{
		d->n++;
		if (item_load(&d->items[i], o, i, err, errsz) == -1) {
			json_decref(j);
			docs_free(d);
			return NULL;
		}
	}
	json_decref(j);
	d->number = rx_new("^\\s*0*([0-9]{1,2})[.]([0-9]{1,2})(?![0-9])", 0, rerr, sizeof rerr);
	if (d->number == NULL) {
		snprintf(err, errsz, "item number pattern: %s", rerr);
		docs_free(d);
		return NULL;
	}
	return d;
}

void
docs_free(struct docs *d)
{
	size_t i, k;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		free(d->items[i].item);
		free(d->items[i].title);
		for (k = 0; k < d->items[i].nrx; k++)
			rx_free(d->items[i].rx[k]);
		free(d->items[i].rx);
	}
	free(d->items);
	rx_free(d->number);
	free(d);
}

size_t
docs_count(const struct docs *d)
{
	return d->n;
}

const char *
docs_item_id(const struct docs *d, size_t i)
{
	return i < d->n ? d->items[i].item : NULL;
}

/* The item whose number leads s ("1.1", "01.01 x"), or -1. */
static long
match_number(const struct docs *d, const char *s)
{
	size_t so, eo;
	char id[16];
	unsigned long maj, min;
	size_t i;

	if (rx_search(d->number, s, strlen(s), 0, NULL, NULL) != 1)
		return -1;
	rx_group(d->number, 1, &so, &eo);
	maj = strtoul(s + so, NULL, 10);
	rx_group(d->number, 2, &so, &eo);
	min = strtoul(s + so, NULL, 10);
	snprintf(id, sizeof id, "%lu.%02lu", maj, min);
	for (i = 0; i < d->n; i++)
		if (strcmp(d->items[i].item, id) == 0)
			return (long)i;
	return -1;
}

/* The first item of the given scope whose pattern matches s, or -1. */
static long
match_pattern(const struct docs *d, const char *s, int local)
{
	size_t i, k;

	for (i = 0; i < d->n; i++) {
		if (d->items[i].local != local)
			continue;
		for (k = 0; k < d->items[i].nrx; k++)
			if (rx_test(d->items[i].rx[k], s) == 1)
				return (long)i;
	}
	return -1;
}

/* The item whose title has the same key as s, or -1. */
static long
match_title(const struct docs *d, const char *s)
{
	struct strbuf a, b;
	size_t i;
	long r = -1;

	strbuf_init(&a);
	strbuf_init(&b);
	text_normkey(s, &a);
	for (i = 0; i < d->n && r < 0; i++) {
		text_normkey(d->items[i].title, &b);
		if (strcmp(a.buf, b.buf) == 0)
			r = (long)i;
	}
	strbuf_free(&a);
	strbuf_free(&b);
	return r;
}

long
docs_match(const struct docs *d, const char *file, const char *item, int local)
{
	const char *base;
	long r;

	if (item != NULL && !text_blank(item)) {
		if ((r = match_number(d, item)) >= 0 || (r = match_title(d, item)) >= 0)
			return r;
		if ((r = match_pattern(d, item, local)) >= 0 ||
		    (r = match_pattern(d, item, !local)) >= 0)
			return r;
	}
	base = strrchr(file, '/');
	base = base != NULL ? base + 1 : file;
	if ((r = match_number(d, base)) >= 0)
		return r;
	if ((r = match_pattern(d, base, local)) >= 0)
		return r;
	return match_pattern(d, base, !local);
}

/* Append an entry (copies of the strings; area NULL or blank for none). */
static void
entries_add(struct entries *es, const char *file, const char *item, const char *area)
{
	struct docs_entry *e;

	es->e = xreallocarray(es->e, es->n + 1, sizeof *es->e);
	e = &es->e[es->n++];
	e->file = xstrdup(file);
	e->item = item != NULL ? text_trimdup(item) : NULL;
	e->area = area != NULL && !text_blank(area) ? text_trimdup(area) : NULL;
}

static void
entries_free(struct entries *es)
{
	size_t i;

	for (i = 0; i < es->n; i++) {
		free(es->e[i].file);
		free(es->e[i].item);
		free(es->e[i].area);
	}
	free(es->e);
}

/* Compare C strings through pointers (qsort). */
static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names in the folder path (hidden ones skipped); NULL on error. */
static char **
list_dir(const char *path, size_t *n)
{
	DIR *dp;
	struct dirent *de;
	char **names = NULL;

	*n = 0;
	if ((dp = opendir(path)) == NULL)
		return NULL;
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		names = xreallocarray(names, *n + 1, sizeof *names);
		names[(*n)++] = xstrdup(de->d_name);
	}
	closedir(dp);
	if (*n > 0)
		qsort(names, *n, sizeof *names, cmp_str);
	else
		names = xcalloc(1, sizeof *names);
	return names;
}

static void
free_names(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Read the folder: its files (no area) and its sub-folders' files (area = name). */
static int
read_folder(const char *path, struct entries *es, char *err, size_t errsz)
{
	char **names, **sub, *full, *subfull, *rel;
	size_t n, i, ns, k;
	struct stat st;
	struct strbuf key;

	if ((names = list_dir(path, &n)) == NULL) {
		snprintf(err, errsz, "%s: cannot read the folder", path);
		return -1;
	}
	strbuf_init(&key);
	for (i = 0; i < n; i++) {
		full = xasprintf("%s/%s", path, names[i]);
		if (stat(full, &st) == -1) {
			free(full);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			text_normkey(names[i], &key);
			sub = list_dir(full, &ns);
			for (k = 0; sub != NULL && k < ns; k++) {
				subfull = xasprintf("%s/%s", full, sub[k]);
				rel = xasprintf("%s/%s", names[i], sub[k]);
				if (stat(subfull, &st) == 0 && S_ISREG(st.st_mode))
					entries_add(es, rel, NULL,
					            strcmp(key.buf, "national") == 0 ? NULL
					                                             : names[i]);
				free(rel);
				free(subfull);
			}
			if (sub != NULL)
				free_names(sub, ns);
		} else if (S_ISREG(st.st_mode)) {
			entries_add(es, names[i], NULL, NULL);
		}
		free(full);
	}
	strbuf_free(&key);
	free_names(names, n);
	return 0;
}

/* Read a manifest CSV with a file column and optional item and service_area. */
static int
read_csv(const char *path, struct entries *es, char *err, size_t errsz)
{
	struct table *t;
	struct fieldmap *fm;
	struct fieldmap_binding b;
	char *fmpath = datadir_path("annexa/manifest.json");
	long cf, ci, ca;
	size_t r;

	fm = fieldmap_load(fmpath, err, errsz);
	free(fmpath);
	if (fm == NULL)
		return -1;
	if ((t = table_read(path, 0, err, errsz)) == NULL) {
		fieldmap_free(fm);
		return -1;
	}
	fieldmap_bind(fm, (const char *const *)t->header, t->ncols, &b);
	cf = b.column[fieldmap_index(fm, "file")];
	ci = b.column[fieldmap_index(fm, "item")];
	ca = b.column[fieldmap_index(fm, "service_area")];
	fieldmap_unbind(&b);
	fieldmap_free(fm);
	if (cf < 0) {
		snprintf(err, errsz, "%s:1: no file column", t->name);
		table_free(t);
		return -1;
	}
	for (r = 0; r < t->nrows; r++)
		if (!text_blank(table_cell(t, r, cf)))
			entries_add(es, table_cell(t, r, cf), ci >= 0 ? table_cell(t, r, ci) : NULL,
			            table_cell(t, r, ca));
	table_free(t);
	return 0;
}

/* Add a result for item i (area NULL for none) with the files matched to it. */
static void
add_result(const struct docs *d, struct docs_report *out, size_t i, const char *area,
           const struct entries *es, const long *match)
{
	struct docs_result *res;
	size_t k;

	out->results = xreallocarray(out->results, out->nresults + 1, sizeof *out->results);
	res = &out->results[out->nresults++];
	memset(res, 0, sizeof *res);
	res->item = d->items[i].item;
	res->title = d->items[i].title;
	res->scope = d->items[i].local ? "local" : "national";
	res->service_area = area != NULL ? xstrdup(area) : NULL;
	for (k = 0; k < es->n; k++) {
		if (match[k] != (long)i)
			continue;
		if (area != NULL && (es->e[k].area == NULL || strcmp(es->e[k].area, area) != 0))
			continue;
		res->files = xreallocarray(res->files, res->nfiles + 1, sizeof *res->files);
		res->files[res->nfiles++] = xstrdup(es->e[k].file);
	}
}

/* The distinct service areas of the entries, sorted. */
static char **
areas_of(const struct entries *es, size_t *n)
{
	char **a = xcalloc(es->n + 1, sizeof *a);
	size_t i, k;

	*n = 0;
	for (i = 0; i < es->n; i++) {
		if (es->e[i].area == NULL)
			continue;
		for (k = 0; k < *n && strcmp(a[k], es->e[i].area) != 0; k++)
			;
		if (k == *n)
			a[(*n)++] = es->e[i].area;
	}
	qsort(a, *n, sizeof *a, cmp_str);
	return a;
}

int
docs_check(const struct docs *d, const char *manifest, struct docs_report *out, char *err,
           size_t errsz)
{
	struct entries es = {0, NULL};
	struct stat st;
	long *match;
	char **areas;
	size_t i, k, na;
	int rc;

	memset(out, 0, sizeof *out);
	if (stat(manifest, &st) == 0 && S_ISDIR(st.st_mode))
		rc = read_folder(manifest, &es, err, errsz);
	else
		rc = read_csv(manifest, &es, err, errsz);
	if (rc == -1) {
		entries_free(&es);
		return -1;
	}
	match = xcalloc(es.n + 1, sizeof *match);
	for (k = 0; k < es.n; k++)
		match[k] = docs_match(d, es.e[k].file, es.e[k].item, es.e[k].area != NULL);
	areas = areas_of(&es, &na);
	out->nareas = na;
	for (i = 0; i < d->n; i++) {
		if (!d->items[i].local || na == 0)
			add_result(d, out, i, NULL, &es, match);
		else
			for (k = 0; k < na; k++)
				add_result(d, out, i, areas[k], &es, match);
	}
	for (k = 0; k < es.n; k++) {
		if (match[k] >= 0 && !(d->items[match[k]].local && na > 0 && es.e[k].area == NULL))
			continue;
		out->unmatched =
		    xreallocarray(out->unmatched, out->nunmatched + 1, sizeof *out->unmatched);
		out->unmatched[out->nunmatched++] = xstrdup(es.e[k].file);
	}
	free(areas);
	free(match);
	entries_free(&es);
	return 0;
}

void
docs_report_free(struct docs_report *r)
{
	size_t i, k;

	for (i = 0; i < r->nresults; i++) {
		free(r->results[i].service_area);
		for (k = 0; k < r->results[i].nfiles; k++)
			free(r->results[i].files[k]);
		free(r->results[i].files);
	}
	free(r->results);
	for (i = 0; i < r->nunmatched; i++)
		free(r->unmatched[i]);
	free(r->unmatched);
	memset(r, 0, sizeof *r);
}
