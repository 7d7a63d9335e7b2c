/*
 * jschema.c: JSON Schema validation over Jansson (the subset jschema.h
 * lists). A schema is checked whole when loaded (every keyword known, every
 * value of the right kind, every pattern compiled, every $ref resolved), so
 * that validation itself meets no surprise. Validation walks the instance
 * and the schema together, naming each violation by the instance's JSON
 * pointer.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/jschema.h"
#include "core/jsonio.h"
#include "core/rx.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

#define JSCHEMA_MAX_DEPTH 128 /* nested schemas and $ref hops in one walk */

struct jschema_pattern {
	char *src;
	struct rx *rx;
	struct jschema_pattern *next;
};

struct jschema {
	json_t *root;
	char *name;
	struct jschema_pattern *patterns;
};

/* Keywords that only annotate: accepted, never asserted. */
static const char *const annotations[] = {
    "title",    "description", "$schema",  "$id",       "$comment", "default",
    "examples", "deprecated",  "readOnly", "writeOnly", "format",   NULL,
};

enum jschema_kind {
	K_SCHEMA,
	K_SCHEMAS_MAP,
	K_SCHEMA_LIST,
	K_STRINGS,
	K_ARRAY,
	K_TYPE,
	K_NUMBER,
	K_COUNT,
	K_BOOL,
	K_PATTERN,
	K_REF,
	K_ANY
};

static const struct {
	const char *name;
	enum jschema_kind kind;
} keywords[] = {
    {"$defs", K_SCHEMAS_MAP},
    {"definitions", K_SCHEMAS_MAP},
    {"properties", K_SCHEMAS_MAP},
    {"patternProperties", K_SCHEMAS_MAP},
    {"additionalProperties", K_SCHEMA},
    {"items", K_SCHEMA},
    {"not", K_SCHEMA},
    {"allOf", K_SCHEMA_LIST},
    {"anyOf", K_SCHEMA_LIST},
    {"oneOf", K_SCHEMA_LIST},
    {"required", K_STRINGS},
    {"enum", K_ARRAY},
    {"const", K_ANY},
    {"type", K_TYPE},
    {"minimum", K_NUMBER},
    {"maximum", K_NUMBER},
    {"exclusiveMinimum", K_NUMBER},
    {"exclusiveMaximum", K_NUMBER},
    {"minLength", K_COUNT},
    {"maxLength", K_COUNT},
    {"minItems", K_COUNT},
    {"maxItems", K_COUNT},
    {"uniqueItems", K_BOOL},
    {"pattern", K_PATTERN},
    {"$ref", K_REF},
};

static const char *const type_names[] = {"object",  "array",   "string", "number",
                                         "integer", "boolean", "null",   NULL};

static int
in_list(const char *s, const char *const *list)
{
	size_t i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(s, list[i]) == 0)
			return 1;
	return 0;
}

/* The compiled pattern for src (compiled once); NULL with err when bad. */
static struct rx *
pattern(struct jschema *s, const char *src, char *err, size_t errsz)
{
	struct jschema_pattern *p;
	char rerr[128];
	struct rx *rx;

	for (p = s->patterns; p != NULL; p = p->next)
		if (strcmp(p->src, src) == 0)
			return p->rx;
	if ((rx = rx_new(src, 0, rerr, sizeof rerr)) == NULL) {
		snprintf(err, errsz, "bad pattern: %s", rerr);
		return NULL;
	}
	p = xcalloc(1, sizeof *p);
	p->src = xstrdup(src);
	p->rx = rx;
	p->next = s->patterns;
	s->patterns = p;
	return rx;
}

/* Resolve a "#/a/b" reference within the schema document; NULL if none. */
static const json_t *
resolve(const struct jschema *s, const char *ref)
{
	const json_t *at = s->root;
	struct strbuf tok;
	const char *p;

	if (ref[0] != '#' || (ref[1] != '\0' && ref[1] != '/'))
		return NULL;
	strbuf_init(&tok);
	for (p = ref + 1; at != NULL && *p == '/';) {
		strbuf_reset(&tok);
		for (p++; *p != '\0' && *p != '/'; p++)
			if (p[0] == '~' && (p[1] == '0' || p[1] == '1'))
				strbuf_addch(&tok, *++p == '0' ? '~' : '/');
			else
				strbuf_addch(&tok, *p);
		if (json_is_object(at))
			at = json_object_get(at, tok.buf);
		else if (json_is_array(at) && tok.len > 0 &&
		         strspn(tok.buf, "0123456789") == tok.len)
			at = json_array_get(at, strtoul(tok.buf, NULL, 10));
		else
			at = NULL;
	}
	strbuf_free(&tok);
	return at;
}

static int check(struct jschema *, const json_t *, struct strbuf *, int, char *, size_t);

/* Check the value of one keyword; 0 or -1 with err set. */
static int
check_keyword(struct jschema *s, const char *key, enum jschema_kind kind, const json_t *v,
              struct strbuf *at, int depth, char *err, size_t errsz)
{
	const char *k, *why = NULL;
	const json_t *x;
	size_t i, len = at->len;
	int rc = 0;

	switch (kind) {
	case K_SCHEMA:
		strbuf_printf(at, "/%s", key);
		rc = check(s, v, at, depth + 1, err, errsz);
		at->len = len;
		at->buf[len] = '\0';
		return rc;
	case K_SCHEMAS_MAP:
		if (!json_is_object(v))
			why = "expected an object of schemas";
		json_object_foreach((json_t *)v, k, x)
		{
			if (rc == 0 && strcmp(key, "patternProperties") == 0 &&
			    pattern(s, k, err, errsz) == NULL)
				return -1;
			strbuf_printf(at, "/%s/%s", key, k);
			if (rc == 0)
				rc = check(s, x, at, depth + 1, err, errsz);
			at->len = len;
			at->buf[len] = '\0';
		}
		break;
	case K_SCHEMA_LIST:
		if (!json_is_array(v) || json_array_size(v) == 0)
			why = "expected a non-empty array of schemas";
		json_array_foreach(v, i, x)
		{
			strbuf_printf(at, "/%s/%zu", key, i);
			if (rc == 0)
				rc = check(s, x, at, depth + 1, err, errsz);
			at->len = len;
			at->buf[len] = '\0';
		}
		break;
	case K_STRINGS:
		if (!json_is_array(v))
			why = "expected an array of strings";
		json_array_foreach(v, i, x)
		{
			if (!json_is_string(x))
				why = "expected an array of strings";
		}
		break;
	case K_ARRAY:
		if (!json_is_array(v))
			why = "expected an array";
		break;
	case K_TYPE:
		if (json_is_string(v))
			why = in_list(json_string_value(v), type_names) ? NULL : "unknown type";
		else if (json_is_array(v)) {
			json_array_foreach(v, i, x)
			{
				if (!json_is_string(x) ||
				    !in_list(json_string_value(x), type_names))
					why = "unknown type";
			}
		} else
			why = "expected a type name or an array of them";
		break;
	case K_NUMBER:
		if (!json_is_number(v))
			why = "expected a number";
		break;
	case K_COUNT:
		if (!json_is_integer(v) || json_integer_value(v) < 0)
			why = "expected a whole number, 0 or more";
		break;
	case K_BOOL:
		if (!json_is_boolean(v))
			why = "expected true or false";
		break;
	case K_PATTERN:
		if (!json_is_string(v))
			why = "expected a string";
		else if (pattern(s, json_string_value(v), err, errsz) == NULL)
			return -1;
		break;
	case K_REF:
		if (!json_is_string(v) || resolve(s, json_string_value(v)) == NULL)
			why = "expected a reference within this schema (#/$defs/NAME)";
		break;
	case K_ANY:
		break;
	}
	if (rc != 0)
		return rc;
	if (why != NULL) {
		snprintf(err, errsz, "%s: %s: %s", at->len ? at->buf : "/", key, why);
		return -1;
	}
	return 0;
}

/* Check one (sub)schema at JSON pointer at; 0 or -1 with err set. */
static int
check(struct jschema *s, const json_t *sch, struct strbuf *at, int depth, char *err, size_t errsz)
{
	const char *key;
	const json_t *v;
	size_t i, n = sizeof keywords / sizeof keywords[0];

	if (depth > JSCHEMA_MAX_DEPTH) {
		snprintf(err, errsz, "%s: nested too deeply", at->len ? at->buf : "/");
		return -1;
	}
	if (json_is_boolean(sch))
		return 0;
	if (!json_is_object(sch)) {
		snprintf(err, errsz, "%s: a schema must be an object or true or false",
		         at->len ? at->buf : "/");
		return -1;
	}
	json_object_foreach((json_t *)sch, key, v)
	{
		if (in_list(key, annotations))
			continue;
		for (i = 0; i < n && strcmp(keywords[i].name, key) != 0; i++)
			;
		if (i == n) {
			snprintf(err, errsz, "%s: unsupported keyword '%s'",
			         at->len ? at->buf : "/", key);
			return -1;
		}
		if (check_keyword(s, key, keywords[i].kind, v, at, depth, err, errsz) != 0)
			return -1;
	}
	return 0;
}

struct jschema *
jschema_new(json_t *schema, const char *name, char *err, size_t errsz)
{
	struct jschema *s = xcalloc(1, sizeof *s);
	struct strbuf at;
	char why[512];

	s->root = json_incref(schema);
	s->name = xstrdup(name);
	strbuf_init(&at);
	if (check(s, schema, &at, 0, why, sizeof why) != 0) {
		snprintf(err, errsz, "%s: %s", name, why);
		strbuf_free(&at);
		jschema_free(s);
		return NULL;
	}
	strbuf_free(&at);
	return s;
}

struct jschema *
jschema_load(const char *path, char *err, size_t errsz)
{
	json_t *doc = jsonio_load(path, err, errsz);
	struct jschema *s;

	if (doc == NULL)
		return NULL;
	s = jschema_new(doc, path, err, errsz);
	json_decref(doc);
	return s;
}

void
jschema_free(struct jschema *s)
{
	struct jschema_pattern *p, *next;

	if (s == NULL)
		return;
	for (p = s->patterns; p != NULL; p = next) {
		next = p->next;
		rx_free(p->rx);
		free(p->src);
		free(p);
	}
	json_decref(s->root);
	free(s->name);
	free(s);
}

/* The walk: where in the instance, and whether violations are reported. */
struct walk {
	struct jschema *s;
	jschema_error_fn fn;
	void *arg;
	int quiet; /* inside anyOf/oneOf/not: count, do not report */
	int depth;
	struct strbuf at;
};

static size_t validate(struct walk *, const json_t *sch, const json_t *in);

static size_t __attribute__((format(printf, 2, 3))) violation(struct walk *w, const char *fmt, ...)
{
	struct strbuf msg;
	va_list ap;

	if (w->quiet || w->fn == NULL)
		return 1;
	strbuf_init(&msg);
	va_start(ap, fmt);
	strbuf_vprintf(&msg, fmt, ap);
	va_end(ap);
	w->fn(w->arg, w->at.buf, msg.buf);
	strbuf_free(&msg);
	return 1;
}

static const char *
type_of(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT:
		return "object";
	case JSON_ARRAY:
		return "array";
	case JSON_STRING:
		return "string";
	case JSON_INTEGER:
		return "integer";
	case JSON_REAL:
		return "number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "boolean";
	default:
		return "null";
	}
}

static int
has_type(const json_t *in, const char *t)
{
	if (strcmp(t, "integer") == 0)
		return json_is_integer(in) ||
		       (json_is_real(in) && json_real_value(in) == floor(json_real_value(in)));
	if (strcmp(t, "number") == 0)
		return json_is_number(in);
	if (strcmp(t, "boolean") == 0)
		return json_is_boolean(in);
	return strcmp(t, type_of(in)) == 0;
}

static size_t
check_type(struct walk *w, const json_t *t, const json_t *in)
{
	const json_t *x;
	size_t i;

	if (json_is_string(t))
		return has_type(in, json_string_value(t))
		           ? 0
		           : violation(w, "expected %s, got %s", json_string_value(t), type_of(in));
	json_array_foreach(t, i, x)
	{
		if (has_type(in, json_string_value(x)))
			return 0;
	}
	return violation(w, "%s is not among the types allowed", type_of(in));
}

static size_t
check_number(struct walk *w, const json_t *sch, const json_t *in)
{
	double v = json_number_value(in);
	const json_t *b;
	size_t n = 0;

	if ((b = json_object_get(sch, "minimum")) != NULL && v < json_number_value(b))
		n += violation(w, "%g is less than the minimum %g", v, json_number_value(b));
	if ((b = json_object_get(sch, "maximum")) != NULL && v > json_number_value(b))
		n += violation(w, "%g is more than the maximum %g", v, json_number_value(b));
	if ((b = json_object_get(sch, "exclusiveMinimum")) != NULL && v <= json_number_value(b))
		n += violation(w, "%g is not more than %g", v, json_number_value(b));
	if ((b = json_object_get(sch, "exclusiveMaximum")) != NULL && v >= json_number_value(b))
		n += violation(w, "%g is not less than %g", v, json_number_value(b));
	return n;
}

static size_t
check_string(struct walk *w, const json_t *sch, const json_t *in)
{
	const char *s = json_string_value(in), *src;
	size_t len = json_string_length(in), chars = 0, i, n = 0;
	const json_t *b;
	char err[160];

	for (i = 0; i < len; i++)
		chars += ((unsigned char)s[i] & 0xC0) != 0x80;
	if ((b = json_object_get(sch, "minLength")) != NULL &&
	    chars < (size_t)json_integer_value(b))
		n += violation(w, "%zu characters, fewer than %lld", chars,
		               (long long)json_integer_value(b));
	if ((b = json_object_get(sch, "maxLength")) != NULL &&
	    chars > (size_t)json_integer_value(b))
		n += violation(w, "%zu characters, more than %lld", chars,
		               (long long)json_integer_value(b));
	if ((src = json_string_value(json_object_get(sch, "pattern"))) != NULL &&
	    rx_search(pattern(w->s, src, err, sizeof err), s, len, 0, NULL, NULL) != 1)
		n += violation(w, "does not match the pattern %s", src);
	return n;
}

/* Validate child v (key, or index when key is NULL) against sch. */
static size_t
child(struct walk *w, const char *key, size_t index, const json_t *sch, const json_t *v)
{
	size_t len = w->at.len, n;
	const char *p;

	strbuf_addch(&w->at, '/');
	if (key == NULL)
		strbuf_printf(&w->at, "%zu", index);
	else
		for (p = key; *p != '\0'; p++)
			if (*p == '~')
				strbuf_adds(&w->at, "~0");
			else if (*p == '/')
				strbuf_adds(&w->at, "~1");
			else
				strbuf_addch(&w->at, *p);
	n = validate(w, sch, v);
	w->at.len = len;
	w->at.buf[len] = '\0';
	return n;
}

static size_t
check_array(struct walk *w, const json_t *sch, const json_t *in)
{
	size_t size = json_array_size(in), i, j, n = 0;
	const json_t *b, *items = json_object_get(sch, "items"), *x;

	if ((b = json_object_get(sch, "minItems")) != NULL && size < (size_t)json_integer_value(b))
		n += violation(w, "%zu items, fewer than %lld", size,
		               (long long)json_integer_value(b));
	if ((b = json_object_get(sch, "maxItems")) != NULL && size > (size_t)json_integer_value(b))
		n += violation(w, "%zu items, more than %lld", size,
		               (long long)json_integer_value(b));
	if (json_is_true(json_object_get(sch, "uniqueItems")))
		for (i = 0; i < size; i++)
			for (j = i + 1; j < size; j++)
				if (json_equal(json_array_get(in, i), json_array_get(in, j)))
					n += violation(w, "items %zu and %zu are equal", i, j);
	if (items != NULL) {
		json_array_foreach(in, i, x)
		{
			n += child(w, NULL, i, items, x);
		}
	}
	return n;
}

/* 1 when key matches one of the patternProperties (validating it there). */
static int
pattern_props(struct walk *w, const json_t *pp, const char *key, const json_t *v, size_t *n)
{
	const char *src;
	const json_t *sch;
	char err[160];
	int matched = 0;

	json_object_foreach((json_t *)pp, src, sch)
	{
		if (rx_search(pattern(w->s, src, err, sizeof err), key, strlen(key), 0, NULL,
		              NULL) == 1) {
			matched = 1;
			*n += child(w, key, 0, sch, v);
		}
	}
	return matched;
}

static size_t
check_object(struct walk *w, const json_t *sch, const json_t *in)
{
	const json_t *props = json_object_get(sch, "properties"), *x, *v, *sub;
	const json_t *pp = json_object_get(sch, "patternProperties");
	const json_t *extra = json_object_get(sch, "additionalProperties");
	const char *key;
	size_t i, n = 0;
	int matched;

	json_array_foreach(json_object_get(sch, "required"), i, x)
	{
		if (json_object_get(in, json_string_value(x)) == NULL)
			n += violation(w, "the required property '%s' is missing",
			               json_string_value(x));
	}
	json_object_foreach((json_t *)in, key, v)
	{
		matched = 0;
		if ((sub = json_object_get(props, key)) != NULL) {
			matched = 1;
			n += child(w, key, 0, sub, v);
		}
		if (pp != NULL && pattern_props(w, pp, key, v, &n))
			matched = 1;
		if (matched || extra == NULL)
			continue;
		if (json_is_false(extra))
			n += violation(w, "the property '%s' is not allowed", key);
		else
			n += child(w, key, 0, extra, v);
	}
	return n;
}

/* allOf, anyOf, oneOf and not. */
static size_t
check_combinators(struct walk *w, const json_t *sch, const json_t *in)
{
	const json_t *list, *x;
	size_t i, n = 0, passed;
	int quiet = w->quiet;

	json_array_foreach(json_object_get(sch, "allOf"), i, x)
	{
		n += validate(w, x, in);
	}
	if ((list = json_object_get(sch, "anyOf")) != NULL) {
		w->quiet = 1;
		passed = 0;
		json_array_foreach(list, i, x)
		{
			passed += validate(w, x, in) == 0;
		}
		w->quiet = quiet;
		if (passed == 0)
			n += violation(w, "matches none of the anyOf schemas");
	}
	if ((list = json_object_get(sch, "oneOf")) != NULL) {
		w->quiet = 1;
		passed = 0;
		json_array_foreach(list, i, x)
		{
			passed += validate(w, x, in) == 0;
		}
		w->quiet = quiet;
		if (passed != 1)
			n += violation(w, "matches %zu of the oneOf schemas, not exactly one",
			               passed);
	}
	if ((x = json_object_get(sch, "not")) != NULL) {
		w->quiet = 1;
		passed = validate(w, x, in) == 0;
		w->quiet = quiet;
		if (passed)
			n += violation(w, "matches the schema under 'not'");
	}
	return n;
}

static size_t
validate(struct walk *w, const json_t *sch, const json_t *in)
{
	const json_t *b, *x;
	size_t n = 0, i;
	int found;

	if (json_is_boolean(sch))
		return json_is_true(sch) ? 0 : violation(w, "no value is allowed here");
	if (++w->depth > JSCHEMA_MAX_DEPTH) {
		w->depth--;
		return violation(w, "the schema recurses too deeply here");
	}
	if ((b = json_object_get(sch, "$ref")) != NULL)
		n += validate(w, resolve(w->s, json_string_value(b)), in);
	if ((b = json_object_get(sch, "type")) != NULL)
		n += check_type(w, b, in);
	if ((b = json_object_get(sch, "enum")) != NULL) {
		found = 0;
		json_array_foreach(b, i, x)
		{
			found |= json_equal(x, (json_t *)in);
		}
		if (!found)
			n += violation(w, "not one of the values allowed");
	}
	if ((b = json_object_get(sch, "const")) != NULL && !json_equal(b, (json_t *)in))
		n += violation(w, "not the value required");
	if (json_is_number(in))
		n += check_number(w, sch, in);
	else if (json_is_string(in))
		n += check_string(w, sch, in);
	else if (json_is_array(in))
		n += check_array(w, sch, in);
	else if (json_is_object(in))
		n += check_object(w, sch, in);
	n += check_combinators(w, sch, in);
	w->depth--;
	return n;
}

size_t
jschema_validate(struct jschema *s, const json_t *doc, jschema_error_fn fn, void *arg)
{
	struct walk w = {s, fn, arg, 0, 0, {NULL, 0, 0}};
	size_t n;

	strbuf_init(&w.at);
	n = validate(&w, s->root, doc);
	strbuf_free(&w.at);
	return n;
}
