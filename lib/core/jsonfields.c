/*
 * jsonfields.c: a JSON object into a struct, by a table of its keys.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/jsonfields.h"
#include "core/xalloc.h"

#define AT(out, off, type) ((type *)(void *)((char *)(out) + (off)))

const char *
jsonfields_shown_key(const char *key)
{
	size_t n = strspn(key, "abcdefghijklmnopqrstuvwxyz0123456789_-$");

	return n > 0 && n <= 40 && key[n] == '\0' ? key : "(not shown: not a schema key)";
}

int
jsonfields_known(const struct jsonfields_spec *spec, const char *key)
{
	for (; spec->key != NULL; spec++)
		if (strcmp(spec->key, key) == 0)
			return 1;
	return 0;
}

/* "where.key", or "key" at the top level. */
static void
say(char *err, size_t errsz, const char *where, const char *key, const char *what)
{
	snprintf(err, errsz, "%s%s%s: %s", where != NULL ? where : "",
	         where != NULL && *where != '\0' ? "." : "", key, what);
}

/* A list member: an array of integers or of strings. */
static int
read_list(const json_t *v, const struct jsonfields_spec *f, void *out, const char *where, char *err,
          size_t errsz)
{
	size_t i, n = json_array_size(v);
	const json_t *item;

	if (!json_is_array(v)) {
		say(err, errsz, where, f->key,
		    f->kind == JSONFIELDS_INTS ? "expected a list of integers"
		                               : "expected a list of strings");
		return -1;
	}
	if (f->kind == JSONFIELDS_INTS) {
		long long *a = xcalloc(n + 1, sizeof *a);

		*AT(out, f->offset, long long *) = a;
		json_array_foreach(v, i, item)
		{
			if (!json_is_integer(item)) {
				say(err, errsz, where, f->key, "expected a list of integers");
				return -1;
			}
			a[i] = json_integer_value(item);
			(*AT(out, f->count_offset, size_t))++;
		}
		return 0;
	}
	{
		char **a = xcalloc(n + 1, sizeof *a);

		*AT(out, f->offset, char **) = a;
		json_array_foreach(v, i, item)
		{
			if (!json_is_string(item)) {
				say(err, errsz, where, f->key, "expected a list of strings");
				return -1;
			}
			a[i] = xstrdup(json_string_value(item));
			(*AT(out, f->count_offset, size_t))++;
		}
	}
	return 0;
}

/* One member. */
static int
read_one(const json_t *v, const struct jsonfields_spec *f, void *out, const char *where, char *err,
         size_t errsz)
{
	switch (f->kind) {
	case JSONFIELDS_STRING:
		if (!json_is_string(v)) {
			say(err, errsz, where, f->key, "expected a string");
			return -1;
		}
		*AT(out, f->offset, char *) = xstrdup(json_string_value(v));
		return 0;
	case JSONFIELDS_INT:
		if (!json_is_integer(v)) {
			say(err, errsz, where, f->key, "expected an integer");
			return -1;
		}
		*AT(out, f->offset, long long) = json_integer_value(v);
		return 0;
	case JSONFIELDS_BOOL:
		if (!json_is_boolean(v)) {
			say(err, errsz, where, f->key, "expected true or false");
			return -1;
		}
		*AT(out, f->offset, int) = json_is_true(v);
		return 0;
	default:
		return read_list(v, f, out, where, err, errsz);
	}
}

int
jsonfields_read(const json_t *obj, const struct jsonfields_spec *spec, void *out, const char *where,
                char *err, size_t errsz)
{
	const struct jsonfields_spec *f;
	const json_t *v;

	if (!json_is_object(obj)) {
		snprintf(err, errsz, "%s: expected an object",
		         where != NULL && *where != '\0' ? where : "the document");
		return -1;
	}
	for (f = spec; f->key != NULL; f++) {
		v = json_object_get(obj, f->key);
		if (json_is_null(v) && (f->flags & JSONFIELDS_NULLABLE))
			continue;
		if (v == NULL) {
			if (f->flags & JSONFIELDS_REQUIRED) {
				say(err, errsz, where, f->key, "required");
				return -1;
			}
			continue;
		}
		if (read_one(v, f, out, where, err, errsz) != 0)
			return -1;
	}
	return 0;
}

void
jsonfields_free(const struct jsonfields_spec *spec, void *out)
{
	const struct jsonfields_spec *f;
	size_t i, *n;

	for (f = spec; f->key != NULL; f++) {
		switch (f->kind) {
		case JSONFIELDS_STRING:
			free(*AT(out, f->offset, char *));
			*AT(out, f->offset, char *) = NULL;
			break;
		case JSONFIELDS_INTS:
			free(*AT(out, f->offset, long long *));
			*AT(out, f->offset, long long *) = NULL;
			*AT(out, f->count_offset, size_t) = 0;
			break;
		case JSONFIELDS_STRINGS:
			n = AT(out, f->count_offset, size_t);
			for (i = 0; i < *n; i++)
				free((*AT(out, f->offset, char **))[i]);
			free(*AT(out, f->offset, char **));
			*AT(out, f->offset, char **) = NULL;
			*n = 0;
			break;
		default:
			break;
		}
	}
}
