/*
 * actionplan.c: reading the recommendations and the action plan (CSV, JSON
 * or Markdown through libcmark) and checking one against the other.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <jansson.h>

#include "actionplan/actionplan.h"
#include "core/jsonio.h"
#include "core/output.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/text.h"
#include "core/xalloc.h"

#define MAX_FILE (16u << 20) /* a plan or a recommendations file: 16 MiB at most */

/* The whole file (or standard input) as a string; NULL with err. */
static char *
slurp(const char *path, size_t *len, char *err, size_t errsz)
{
	FILE *fp = path == NULL || strcmp(path, "-") == 0 ? stdin : output_input_open(path);
	struct strbuf b;
	char buf[65536];
	size_t n;

	if (fp == NULL) {
		snprintf(err, errsz, "%s: cannot open", path);
		return NULL;
	}
	strbuf_init(&b);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0 && b.len <= MAX_FILE)
		strbuf_add(&b, buf, n);
	if (ferror(fp) || b.len > MAX_FILE) {
		snprintf(err, errsz, "%s: %s", path,
		         ferror(fp) ? "read error" : "larger than 16 MiB");
		if (fp != stdin)
			fclose(fp);
		strbuf_free(&b);
		return NULL;
	}
	if (fp != stdin)
		fclose(fp);
	*len = b.len;
	return strbuf_steal(&b);
}

/* The first whole number in s as a new string ("Recommendation 12" -> "12"), or NULL. */
static char *
number_in(const char *s)
{
	size_t n;

	while (*s != '\0' && !isdigit((unsigned char)*s))
		s++;
	n = strspn(s, "0123456789");
	if (n == 0 || n > 6)
		return NULL;
	while (n > 1 && *s == '0')
		s++, n--;
	return xstrndup(s, n);
}

/* The column whose header is one of names, or -1. */
static long
column(const struct table *t, const char *const *names)
{
	size_t c, k;

	for (k = 0; names[k] != NULL; k++)
		for (c = 0; c < t->ncols; c++)
			if (text_label_same(t->header[c], names[k]))
				return (long)c;
	return -1;
}

/*
 * Read a CSV already read into text (standard input cannot be read twice):
 * through an unnamed temporary file. NULL with err.
 */
static struct table *
table_of_text(const char *path, const char *text, size_t len, unsigned flags, char *err,
              size_t errsz)
{
	char dev[32];
	struct table *t;
	FILE *tmp;

	if (path != NULL && strcmp(path, "-") != 0)
		return table_read(path, flags, err, errsz);
	if ((tmp = tmpfile()) == NULL || fwrite(text, 1, len, tmp) != len || fflush(tmp) != 0) {
		snprintf(err, errsz, "<stdin>: cannot hold a copy");
		if (tmp != NULL)
			fclose(tmp);
		return NULL;
	}
	snprintf(dev, sizeof dev, "/dev/fd/%d", fileno(tmp));
	t = table_read(dev, flags, err, errsz);
	fclose(tmp);
	return t;
}

static void
recs_add(struct actionplan_recs *r, char *id, unsigned long line)
{
	r->ids = xreallocarray(r->ids, r->n + 1, sizeof *r->ids);
	r->lines = xreallocarray(r->lines, r->n + 1, sizeof *r->lines);
	r->ids[r->n] = id;
	r->lines[r->n++] = line;
}

/* areas_for_improvement then priority_actions of a judgements document. */
static int
recs_json(struct actionplan_recs *r, const json_t *doc, char *err, size_t errsz)
{
	static const char *const keys[] = {"areas_for_improvement", "priority_actions", NULL};
	const json_t *v;
	size_t i, k;

	if (!json_is_object(doc)) {
		snprintf(err, errsz, "%s: expected the judgements JSON (an object)", r->name);
		return -1;
	}
	for (k = 0; keys[k] != NULL; k++) {
		v = json_object_get(doc, keys[k]);
		if (v != NULL && !json_is_array(v)) {
			snprintf(err, errsz, "%s: %s: expected a list", r->name, keys[k]);
			return -1;
		}
		for (i = 0; i < json_array_size(v); i++)
			recs_add(r, xasprintf("%zu", r->n + 1), 0);
	}
	return 0;
}

/* A CSV with a recommendation column (and an id or number column). */
static int
recs_csv(struct actionplan_recs *r, const char *path, const char *text, size_t len, unsigned flags,
         char *err, size_t errsz)
{
	static const char *const text_cols[] = {"recommendation", "recommendations", "text", NULL};
	static const char *const id_cols[] = {"id", "number", "no", "ref", NULL};
	struct table *t = table_of_text(path, text, len, flags, err, errsz);
	long tc, ic;
	size_t i;
	char *id;

	if (t == NULL)
		return -1;
	tc = column(t, text_cols);
	ic = column(t, id_cols);
	if (tc < 0 && ic < 0) {
		snprintf(err, errsz, "%s:1: no recommendation column (recommendation, id)",
		         r->name);
		table_free(t);
		return -1;
	}
	for (i = 0; i < t->nrows; i++) {
		if (text_blank(table_cell(t, i, tc)) && text_blank(table_cell(t, i, ic)))
			continue;
		id = ic >= 0 ? number_in(table_cell(t, i, ic)) : xasprintf("%zu", r->n + 1);
		if (id == NULL) {
			snprintf(err, errsz, "%s:%lu: %s: expected a recommendation number",
			         r->name, t->rows[i].line, t->header[ic]);
			table_free(t);
			return -1;
		}
		recs_add(r, id, t->rows[i].line);
	}
	table_free(t);
	return 0;
}

struct actionplan_recs *
actionplan_recs_read(const char *path, unsigned csv_flags, char *err, size_t errsz)
{
	struct actionplan_recs *r = xcalloc(1, sizeof *r);
	const char *p;
	char *text = NULL, jerr[256];
	json_t *doc;
	size_t len;
	int rc;

	r->name = xstrdup(path == NULL || strcmp(path, "-") == 0 ? "<stdin>" : path);
	if ((text = slurp(path, &len, err, errsz)) == NULL) {
		actionplan_recs_free(r);
		return NULL;
	}
	for (p = text; isspace((unsigned char)*p); p++)
		;
	if (*p == '{') {
		FILE *mem = fmemopen(text, len, "r");

		doc = mem != NULL ? jsonio_loadf(mem, r->name, jerr, sizeof jerr) : NULL;
		if (mem != NULL)
			fclose(mem);
		rc = doc == NULL ? -1 : recs_json(r, doc, err, errsz);
		if (doc == NULL)
			snprintf(err, errsz, "%s", jerr);
		json_decref(doc);
	} else
		rc = recs_csv(r, path, text, len, csv_flags, err, errsz);
	free(text);
	if (rc != 0) {
		actionplan_recs_free(r);
		return NULL;
	}
	return r;
}

void
actionplan_recs_free(struct actionplan_recs *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		free(r->ids[i]);
	free(r->ids);
	free(r->lines);
	free(r->name);
	free(r);
}

static struct actionplan_answer *
answer_new(struct actionplan_plan *p, char *id, unsigned long line)
{
	struct actionplan_answer *a;

	p->v = xreallocarray(p->v, p->n + 1, sizeof *p->v);
	a = &p->v[p->n++];
	memset(a, 0, sizeof *a);
	a->id = id;
	a->line = line;
	a->agreed = -1;
	return a;
}

/* -1 not said, 0 no, 1 yes. */
static int
agreed_of(const char *s)
{
	static const char *const no[] = {"no",    "n",        "not agreed",   "disagreed",
	                                 "false", "rejected", "not accepted", NULL};
	static const char *const yes[] = {"yes", "y", "agreed", "true", "accepted", NULL};
	size_t i;

	if (text_blank(s))
		return -1;
	for (i = 0; no[i] != NULL; i++)
		if (text_label_same(s, no[i]))
			return 0;
	for (i = 0; yes[i] != NULL; i++)
		if (text_label_same(s, yes[i]))
			return 1;
	return -2; /* neither: named as a finding */
}

/* Set a field (appending to what is there). */
static void
field_add(char **f, const char *s, size_t n)
{
	char *old = *f;

	while (n > 0 && isspace((unsigned char)*s))
		s++, n--;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0)
		return;
	*f = old == NULL ? xstrndup(s, n) : xasprintf("%s %.*s", old, (int)n, s);
	free(old);
}

/* The field a label names ("Timetable" -> &a->timetable), or NULL. */
static char **
field_of(struct actionplan_answer *a, const char *label, int *not_agreed)
{
	static const char *const names[][6] = {
	    {"action", "actions", "action to be taken", "proposed action", NULL},
	    {"timetable", "timescale", "timescales", "by when", "deadline", NULL},
	    {"responsible", "who is responsible", "lead", "owner", "responsibility", NULL},
	    {"reason", "reasons", "reason not agreed", "why not agreed", NULL},
	    {"not agreed", NULL}};
	char **fields[] = {&a->action, &a->timetable, &a->responsible, &a->reason, &a->reason};
	size_t i, k;

	for (i = 0; i < 5; i++)
		for (k = 0; names[i][k] != NULL; k++)
			if (text_label_same(label, names[i][k])) {
				*not_agreed = i == 4;
				return fields[i];
			}
	return NULL;
}

/* One line of a Markdown section: "Label: value", or a continuation of last. */
static void
md_line(struct actionplan_answer *a, const char *s, size_t n, char ***last)
{
	const char *colon = memchr(s, ':', n);
	char *label, **f;
	int not_agreed = 0, ag;

	if (colon != NULL && colon - s <= 40) {
		label = xstrndup(s, (size_t)(colon - s));
		if (text_label_same(label, "agreed")) {
			char *v = xstrndup(colon + 1, n - (size_t)(colon + 1 - s));

			ag = agreed_of(text_trim(v, &(size_t){0}));
			a->agreed = ag == -2 ? -3 : ag;
			free(v);
			free(label);
			*last = NULL;
			return;
		}
		f = field_of(a, label, &not_agreed);
		free(label);
		if (f != NULL) {
			if (not_agreed)
				a->agreed = 0;
			field_add(f, colon + 1, n - (size_t)(colon + 1 - s));
			*last = f;
			return;
		}
	}
	if (*last != NULL)
		field_add(*last, s, n);
}

/* The text of a node's inline children, softbreaks as newlines. */
static void
inline_text(cmark_node *node, struct strbuf *b)
{
	cmark_node *c;

	for (c = cmark_node_first_child(node); c != NULL; c = cmark_node_next(c)) {
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			strbuf_adds(b, cmark_node_get_literal(c));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			strbuf_addch(b, '\n');
			break;
		default:
			inline_text(c, b);
		}
	}
}

/* The Markdown plan: one section per heading that names a number. */
static void
plan_md(struct actionplan_plan *p, const char *text, size_t len)
{
	cmark_node *doc = cmark_parse_document(text, len, CMARK_OPT_DEFAULT), *n;
	cmark_iter *it = cmark_iter_new(doc);
	struct actionplan_answer *a = NULL;
	cmark_event_type ev;
	struct strbuf b;
	char **last = NULL;
	const char *s, *nl;

	strbuf_init(&b);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING) {
			strbuf_reset(&b);
			inline_text(n, &b);
			a = answer_new(p, number_in(b.buf),
			               (unsigned long)cmark_node_get_start_line(n));
			last = NULL;
		} else if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH && a != NULL) {
			strbuf_reset(&b);
			inline_text(n, &b);
			for (s = b.buf; *s != '\0'; s = *nl ? nl + 1 : nl) {
				nl = strchr(s, '\n');
				if (nl == NULL)
					nl = s + strlen(s);
				md_line(a, s, (size_t)(nl - s), &last);
			}
		}
	}
	strbuf_free(&b);
	cmark_iter_free(it);
	cmark_node_free(doc);
}

/* The CSV plan. */
static int
plan_csv(struct actionplan_plan *p, const char *path, const char *text, size_t len, unsigned flags,
         char *err, size_t errsz)
{
	static const char *const idc[] = {"recommendation", "id", "number", "ref", NULL};
	static const char *const act[] = {"action", "actions", "proposed action", NULL};
	static const char *const tt[] = {"timetable", "timescale", "timescales", "deadline", NULL};
	static const char *const who[] = {"responsible", "who is responsible", "lead", "owner",
	                                  NULL};
	static const char *const ag[] = {"agreed", NULL};
	static const char *const why[] = {"reason", "reason not agreed", NULL};
	struct table *t = table_of_text(path, text, len, flags, err, errsz);
	struct actionplan_answer *a;
	long c[6];
	size_t i;

	if (t == NULL)
		return -1;
	c[0] = column(t, idc), c[1] = column(t, act), c[2] = column(t, tt);
	c[3] = column(t, who), c[4] = column(t, ag), c[5] = column(t, why);
	if (c[0] < 0) {
		snprintf(err, errsz, "%s:1: no recommendation column (the number each row answers)",
		         p->name);
		table_free(t);
		return -1;
	}
	for (i = 0; i < t->nrows; i++) {
		a = answer_new(p, number_in(table_cell(t, i, c[0])), t->rows[i].line);
		field_add(&a->action, table_cell(t, i, c[1]), strlen(table_cell(t, i, c[1])));
		field_add(&a->timetable, table_cell(t, i, c[2]), strlen(table_cell(t, i, c[2])));
		field_add(&a->responsible, table_cell(t, i, c[3]), strlen(table_cell(t, i, c[3])));
		field_add(&a->reason, table_cell(t, i, c[5]), strlen(table_cell(t, i, c[5])));
		a->agreed = agreed_of(table_cell(t, i, c[4]));
		if (a->agreed == -2)
			a->agreed = -3;
	}
	table_free(t);
	return 0;
}

/* 1 when the text looks like CSV: its first line has a comma and names a known column. */
static int
looks_csv(const char *text)
{
	const char *nl = strchr(text, '\n');
	size_t n = nl != NULL ? (size_t)(nl - text) : strlen(text);
	char *first = xstrndup(text, n);
	int yes = strchr(first, ',') != NULL && first[0] != '#';

	free(first);
	return yes;
}

struct actionplan_plan *
actionplan_plan_read(const char *path, unsigned csv_flags, char *err, size_t errsz)
{
	struct actionplan_plan *p = xcalloc(1, sizeof *p);
	char *text;
	size_t len;
	int rc = 0;

	p->name = xstrdup(path == NULL || strcmp(path, "-") == 0 ? "<stdin>" : path);
	if ((text = slurp(path, &len, err, errsz)) == NULL) {
		actionplan_plan_free(p);
		return NULL;
	}
	if (looks_csv(text))
		rc = plan_csv(p, path, text, len, csv_flags, err, errsz);
	else
		plan_md(p, text, len);
	free(text);
	if (rc != 0) {
		actionplan_plan_free(p);
		return NULL;
	}
	return p;
}

void
actionplan_plan_free(struct actionplan_plan *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->n; i++) {
		free(p->v[i].id);
		free(p->v[i].action);
		free(p->v[i].timetable);
		free(p->v[i].responsible);
		free(p->v[i].reason);
	}
	free(p->v);
	free(p->name);
	free(p);
}
