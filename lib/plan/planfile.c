/*
 * planfile.c: read the plan JSON into structs (see planfile.h). Each key of
 * the format appears once below; a member is read by a typed getter that
 * names the member, never its value, when it is missing or of the wrong type.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/jsonio.h"
#include "core/jsonpool.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "plan/planfile.h"

/* Where a reader is: the file's name, the member's path, the error buffer. */
struct planfile_ctx {
	const char *name;
	const char *array; /* "areas", or NULL at the top */
	size_t index;
	char *err;
	size_t errsz;
	int failed;
};

static void
planfile_fail(struct planfile_ctx *c, const char *key, const char *what)
{
	if (c->failed)
		return;
	c->failed = 1;
	if (c->array != NULL)
		snprintf(c->err, c->errsz, "%s: %s[%zu]%s%s: %s", c->name, c->array, c->index,
		         *key != '\0' ? "." : "", key, what);
	else
		snprintf(c->err, c->errsz, "%s: not a plan: %s: %s", c->name, key, what);
}

/* A string member; NULL (and a failure when required) when absent. */
static char *
planfile_str(struct planfile_ctx *c, const json_t *o, const char *key, int required)
{
	const json_t *v = json_object_get(o, key);

	if (json_is_string(v))
		return xstrdup(json_string_value(v));
	if (required || (v != NULL && !json_is_null(v)))
		planfile_fail(c, key, v == NULL ? "missing" : "not a string");
	return NULL;
}

static long
planfile_int(struct planfile_ctx *c, const json_t *o, const char *key, int required)
{
	const json_t *v = json_object_get(o, key);

	if (json_is_integer(v))
		return (long)json_integer_value(v);
	if (required || v != NULL)
		planfile_fail(c, key, v == NULL ? "missing" : "not an integer");
	return 0;
}

static date_t
planfile_date(struct planfile_ctx *c, const json_t *o, const char *key, int required)
{
	const json_t *v = json_object_get(o, key);
	date_t d = 0;

	if (v == NULL && !required)
		return 0;
	if (!json_is_string(v) || dates_parse_iso(json_string_value(v), &d) != 0)
		planfile_fail(c, key, v == NULL ? "missing" : "not a date (YYYY-MM-DD)");
	return d;
}

/* An array member's items; NULL when absent (a failure when required). */
static const json_t *
planfile_array(struct planfile_ctx *c, const json_t *o, const char *key, int required)
{
	const json_t *v = json_object_get(o, key);

	if (json_is_array(v))
		return v;
	if (required || v != NULL)
		planfile_fail(c, key, v == NULL ? "missing" : "not an array");
	return NULL;
}

static void
planfile_event(struct planfile_ctx *c, const json_t *o, struct planfile_event *e)
{
	e->day = (int)planfile_int(c, o, "day", 1);
	e->date = planfile_date(c, o, "date", 1);
	e->week = (int)planfile_int(c, o, "week", 1);
	e->activity = planfile_str(c, o, "activity", 1);
	e->who = planfile_str(c, o, "who", 0);
	e->where = planfile_str(c, o, "where", 0);
	e->key = planfile_str(c, o, "key", 0);
	e->time = planfile_str(c, o, "time", 0);
	e->on_site = json_is_true(json_object_get(o, "on_site"));
}

static void
planfile_area_row(struct planfile_ctx *c, const json_t *o, struct planfile_area *a)
{
	a->service_area = planfile_str(c, o, "service_area", 1);
	a->week = (int)planfile_int(c, o, "week", 1);
	a->on_site_from = planfile_date(c, o, "on_site_from", 1);
	a->on_site_to = planfile_date(c, o, "on_site_to", 1);
	a->notify_on = planfile_date(c, o, "notify_on", 0);
	a->reason = planfile_str(c, o, "reason", 0);
}

static void
planfile_deploy_row(struct planfile_ctx *c, const json_t *o, struct planfile_deploy *d)
{
	d->date = planfile_date(c, o, "date", 1);
	d->day = (int)planfile_int(c, o, "day", 0);
	d->name = planfile_str(c, o, "name", 1);
	d->role = planfile_str(c, o, "role", 0);
	d->location = planfile_str(c, o, "location", 1);
}

/* A list of strings (warnings, problems). */
static char **
planfile_strings(struct planfile_ctx *c, const json_t *o, const char *key, size_t *n)
{
	const json_t *a = planfile_array(c, o, key, 0), *v;
	char **out;
	size_t i;

	*n = 0;
	if (a == NULL)
		return NULL;
	out = xcalloc(json_array_size(a) + 1, sizeof(char *));
	json_array_foreach(a, i, v)
	{
		if (!json_is_string(v)) {
			c->array = key;
			c->index = i;
			planfile_fail(c, "", "not a string");
			c->array = NULL;
			break;
		}
		out[(*n)++] = xstrdup(json_string_value(v));
	}
	return out;
}

/* Read every row of an array member with fn into rows of size sz. */
static void *
planfile_rows(struct planfile_ctx *c, const json_t *root, const char *key, int required, size_t sz,
              void (*fn)(struct planfile_ctx *, const json_t *, void *), size_t *n)
{
	const json_t *a = planfile_array(c, root, key, required), *v;
	unsigned char *rows;
	size_t i;

	*n = 0;
	if (a == NULL)
		return NULL;
	rows = xcalloc(json_array_size(a) + 1, sz);
	c->array = key;
	json_array_foreach(a, i, v)
	{
		c->index = i;
		if (!json_is_object(v)) {
			planfile_fail(c, "", "not an object");
			break;
		}
		fn(c, v, rows + i * sz);
		*n = i + 1;
		if (c->failed)
			break;
	}
	c->array = NULL;
	return rows;
}

static void
read_event(struct planfile_ctx *c, const json_t *o, void *row)
{
	planfile_event(c, o, row);
}

static void
read_area(struct planfile_ctx *c, const json_t *o, void *row)
{
	planfile_area_row(c, o, row);
}

static void
read_deploy(struct planfile_ctx *c, const json_t *o, void *row)
{
	planfile_deploy_row(c, o, row);
}

struct planfile *
planfile_from_json(const json_t *root, const char *name, char *err, size_t errsz)
{
	struct planfile_ctx c = {name != NULL ? name : "<plan>", NULL, 0, err, errsz, 0};
	struct planfile *p;
	const json_t *fw;

	if (!json_is_object(root)) {
		snprintf(err, errsz, "%s: not a plan: not a JSON object", c.name);
		return NULL;
	}
	p = xcalloc(1, sizeof *p);
	p->profile = planfile_str(&c, root, "profile", 0);
	p->profile_title = planfile_str(&c, root, "profile_title", 0);
	p->division = planfile_str(&c, root, "division", 0);
	p->start = planfile_date(&c, root, "start", 1);
	p->visits = (int)planfile_int(&c, root, "visits", 0);
	p->sequence = planfile_int(&c, root, "sequence", 0);
	if ((fw = json_object_get(root, "fieldwork")) != NULL) {
		c.array = NULL;
		p->has_fieldwork = 1;
		p->fieldwork_from = planfile_date(&c, fw, "from", 1);
		p->fieldwork_to = planfile_date(&c, fw, "to", 1);
	}
	p->timeline =
	    planfile_rows(&c, root, "timeline", 0, sizeof *p->timeline, read_event, &p->ntimeline);
	p->areas = planfile_rows(&c, root, "areas", 1, sizeof *p->areas, read_area, &p->nareas);
	p->deploy =
	    planfile_rows(&c, root, "deployment", 1, sizeof *p->deploy, read_deploy, &p->ndeploy);
	p->warnings = planfile_strings(&c, root, "warnings", &p->nwarnings);
	p->problems = planfile_strings(&c, root, "problems", &p->nproblems);
	if (c.failed) {
		planfile_free(p);
		return NULL;
	}
	return p;
}

struct planfile *
planfile_load(const char *path, char *err, size_t errsz)
{
	int pooled = jsonpool_begin(); /* the tree is dropped at once: its values are copied out */
	json_t *root = jsonio_load(path, err, errsz);
	struct planfile *p = NULL;

	if (root != NULL)
		p = planfile_from_json(root, strcmp(path, "-") == 0 ? "<stdin>" : path, err, errsz);
	jsonpool_end(pooled, root);
	return p;
}

static void
planfile_free_strings(char **s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(s[i]);
	free(s);
}

void
planfile_free(struct planfile *p)
{
	size_t i;

	if (p == NULL)
		return;
	for (i = 0; i < p->ntimeline; i++) {
		struct planfile_event *e = &p->timeline[i];

		free(e->activity);
		free(e->who);
		free(e->where);
		free(e->key);
		free(e->time);
	}
	for (i = 0; i < p->nareas; i++) {
		free(p->areas[i].service_area);
		free(p->areas[i].reason);
	}
	for (i = 0; i < p->ndeploy; i++) {
		free(p->deploy[i].name);
		free(p->deploy[i].role);
		free(p->deploy[i].location);
	}
	free(p->timeline);
	free(p->areas);
	free(p->deploy);
	planfile_free_strings(p->warnings, p->nwarnings);
	planfile_free_strings(p->problems, p->nproblems);
	free(p->profile);
	free(p->profile_title);
	free(p->division);
	free(p);
}

const struct planfile_area *
planfile_area(const struct planfile *p, const char *area)
{
	for (size_t i = 0; i < p->nareas; i++)
		if (p->areas[i].service_area != NULL &&
		    text_label_same(p->areas[i].service_area, area))
			return &p->areas[i];
	return NULL;
}

int
planfile_is_area(const struct planfile *p, const char *location)
{
	return planfile_area(p, location) != NULL;
}
