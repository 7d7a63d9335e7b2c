/*
 * fieldmap.c: the columns a tool expects (share/fields/NAME.json) and their
 * binding to the header of a CSV file. Each field knows the normalised
 * forms of its name, key and aliases; a header name maps to the one field
 * holding its normalised form, found in one hash probe (a table of every
 * form: a field list holds hundreds, and a header is matched against each).
 * The forms' bytes lie end to end in one block and the table holds their
 * offsets: built at every start, it costs no allocation a form.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datadir.h"
#include "core/fieldmap.h"
#include "core/jsonio.h"
#include "core/jsonpool.h"
#include "core/keyhash.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"

struct fieldmap_field {
	const char *key; /* in text */
	const char *name;
	int required;
	int personal;
};

/* A slot of the table of forms: where the form's bytes start, and its field (-1: empty). */
struct form_slot {
	uint32_t off;
	int32_t field;
};

struct fieldmap {
	char *text; /* the fields' keys and names, each ended by NUL */
	struct fieldmap_field *fields;
	size_t nfields;
	struct strbuf forms; /* the normalised names, keys and aliases, each ended by NUL */
	struct form_slot *slots; /* form -> its field; at most half full */
	size_t mask; /* slots - 1 */
	size_t nforms;
};

/* Normalise a header name: also drop a byte-order mark and no-break spaces. */
static void
header_key(const char *s, struct strbuf *out)
{
	struct strbuf clean;
	const char *p;

	if (strncmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	if (strstr(s, "\xc2\xa0") == NULL) {
		text_normkey(s, out);
		return;
	}
	strbuf_init(&clean);
	for (p = s; *p != '\0'; p++) {
		if (p[0] == '\xc2' && p[1] == '\xa0')
			p++;
		else
			strbuf_addch(&clean, *p);
	}
	text_normkey(clean.buf, out);
	strbuf_free(&clean);
}

/* The slot holding normalised form k (len bytes), or the empty slot where it would go. */
static struct form_slot *
form_slot(const struct fieldmap *fm, const char *k, size_t len)
{
	size_t j = (size_t)keyhash_sip13(keyhash_run_key(), k, len) & fm->mask;

	while (fm->slots[j].field >= 0 && strcmp(fm->forms.buf + fm->slots[j].off, k) != 0)
		j = (j + 1) & fm->mask;
	return &fm->slots[j];
}

/* The field holding normalised form k, or -1. */
static long
find_form(const struct fieldmap *fm, const char *k)
{
	return form_slot(fm, k, strlen(k))->field;
}

#define FORMS_MAX ((size_t)4096) /* names of every field together */

/* Give field f the form of text; -1 with a message if another field has it. */
static int
add_form(struct fieldmap *fm, size_t f, const char *text, const char *path, char *err, size_t errsz)
{
	struct fieldmap_field *fd = &fm->fields[f];
	struct form_slot *slot;
	struct strbuf k;
	int rc = 0;

	strbuf_init(&k);
	header_key(text, &k);
	if (k.len == 0) {
		snprintf(err, errsz, "%s: field \"%s\": \"%s\" has no letters or digits", path,
		         fd->key, text);
		rc = -1;
	} else if ((slot = form_slot(fm, k.buf, k.len))->field >= 0 && (size_t)slot->field != f) {
		snprintf(err, errsz, "%s: fields \"%s\" and \"%s\" both answer to \"%s\"", path,
		         fm->fields[slot->field].key, fd->key, text);
		rc = -1;
	} else if (slot->field < 0 && fm->nforms >= FORMS_MAX) {
		snprintf(err, errsz, "%s: field \"%s\": more than %zu names in the list", path,
		         fd->key, FORMS_MAX);
		rc = -1;
	} else if (slot->field < 0) {
		slot->off = (uint32_t)fm->forms.len;
		slot->field = (int32_t)f;
		strbuf_add(&fm->forms, k.buf, k.len + 1);
		fm->nforms++;
	}
	strbuf_free(&k);
	return rc;
}

/* Read field i from its JSON object; -1 with a message when malformed. */
static int
read_field(struct fieldmap *fm, size_t i, const json_t *obj, const char *path, char *err,
           size_t errsz)
{
	struct fieldmap_field *fd = &fm->fields[i];
	const json_t *aliases, *a;
	size_t j;

	fd->key = jsonio_str(obj, "key", NULL);
	fd->name = jsonio_str(obj, "name", NULL);
	if (fd->key == NULL || fd->name == NULL || *fd->key == '\0') {
		snprintf(err, errsz, "%s: field %zu: needs \"key\" and \"name\" strings", path,
		         i + 1);
		return -1;
	}
	fd->required = json_is_true(json_object_get(obj, "required"));
	fd->personal = json_is_true(json_object_get(obj, "personal"));
	for (j = 0; j < i; j++)
		if (strcmp(fm->fields[j].key, fd->key) == 0) {
			snprintf(err, errsz, "%s: fields %zu and %zu share the key \"%s\"", path,
			         j + 1, i + 1, fd->key);
			return -1;
		}
	if (add_form(fm, i, fd->name, path, err, errsz) < 0 ||
	    add_form(fm, i, fd->key, path, err, errsz) < 0)
		return -1;
	aliases = json_object_get(obj, "aliases");
	if (aliases != NULL && !json_is_array(aliases)) {
		snprintf(err, errsz, "%s: field \"%s\": \"aliases\" must be an array", path,
		         fd->key);
		return -1;
	}
	json_array_foreach(aliases, j, a)
	{
		if (!json_is_string(a)) {
			snprintf(err, errsz, "%s: field \"%s\": aliases must be strings", path,
			         fd->key);
			return -1;
		}
		if (add_form(fm, i, json_string_value(a), path, err, errsz) < 0)
			return -1;
	}
	return 0;
}

/* Copy the fields' keys and names out of the JSON tree into one block. */
static void
keep_text(struct fieldmap *fm)
{
	size_t i, bytes = 0;
	char *p;

	for (i = 0; i < fm->nfields; i++)
		bytes += strlen(fm->fields[i].key) + strlen(fm->fields[i].name) + 2;
	p = fm->text = xmalloc(bytes + 1);
	for (i = 0; i < fm->nfields; i++) {
		bytes = strlen(fm->fields[i].key) + 1;
		fm->fields[i].key = memcpy(p, fm->fields[i].key, bytes);
		p += bytes;
		bytes = strlen(fm->fields[i].name) + 1;
		fm->fields[i].name = memcpy(p, fm->fields[i].name, bytes);
		p += bytes;
	}
}

/*
 * The most forms the fields can have (a name, a key and the aliases of
 * each), up to FORMS_MAX: a table sized once holds them.
 */
static size_t
forms_most(const json_t *fields)
{
	const json_t *obj;
	size_t i, n = 0;

	json_array_foreach(fields, i, obj)
	{
		n += 2 + json_array_size(json_object_get(obj, "aliases"));
		if (n >= FORMS_MAX)
			return FORMS_MAX;
	}
	return n;
}

/* An empty table of forms for at most n. */
static void
forms_init(struct fieldmap *fm, size_t n)
{
	size_t slots = 16, i;

	while (slots < 2 * n)
		slots *= 2;
	fm->slots = xmalloc(slots * sizeof *fm->slots);
	for (i = 0; i < slots; i++)
		fm->slots[i].field = -1;
	fm->mask = slots - 1;
	strbuf_init(&fm->forms);
}

/* Load the field list at path. */
struct fieldmap *
fieldmap_load(const char *path, char *err, size_t errsz)
{
	struct fieldmap *fm;
	const json_t *fields, *obj;
	json_t *root;
	size_t i;
	int pooled = jsonpool_begin(); /* the tree is dropped at once, its text copied out */

	if ((root = jsonio_load(path, err, errsz)) == NULL) {
		jsonpool_end(pooled, NULL);
		return NULL;
	}
	fields = json_object_get(root, "fields");
	if (!json_is_array(fields)) {
		snprintf(err, errsz, "%s: needs a \"fields\" array", path);
		jsonpool_end(pooled, root);
		return NULL;
	}
	fm = xcalloc(1, sizeof *fm);
	forms_init(fm, forms_most(fields));
	fm->fields = xcalloc(json_array_size(fields) + 1, sizeof *fm->fields);
	json_array_foreach(fields, i, obj)
	{
		fm->nfields = i + 1;
		if (read_field(fm, i, obj, path, err, errsz) < 0) {
			fieldmap_free(fm);
			jsonpool_end(pooled, root);
			return NULL;
		}
	}
	keep_text(fm);
	jsonpool_end(pooled, root); /* now: its pages serve the allocations that follow */
	return fm;
}

/* Load share/fields/NAME.json. */
struct fieldmap *
fieldmap_load_named(const char *name, char *err, size_t errsz)
{
	char *path = datadir_named("fields", name, "json");
	struct fieldmap *fm = fieldmap_load(path, err, errsz);

	free(path);
	return fm;
}

/* Free a field list. */
void
fieldmap_free(struct fieldmap *fm)
{
	if (fm == NULL)
		return;
	free(fm->slots);
	strbuf_free(&fm->forms);
	free(fm->fields);
	free(fm->text);
	free(fm);
}

/* Number of fields. */
size_t
fieldmap_count(const struct fieldmap *fm)
{
	return fm->nfields;
}

/* Index of the field with this key, or -1. */
long
fieldmap_index(const struct fieldmap *fm, const char *key)
{
	size_t i;

	for (i = 0; i < fm->nfields; i++)
		if (strcmp(fm->fields[i].key, key) == 0)
			return (long)i;
	return -1;
}

/* Key of field i. */
const char *
fieldmap_key(const struct fieldmap *fm, size_t i)
{
	return i < fm->nfields ? fm->fields[i].key : NULL;
}

/* Display name of field i. */
const char *
fieldmap_name(const struct fieldmap *fm, size_t i)
{
	return i < fm->nfields ? fm->fields[i].name : NULL;
}

/* 1 when field i must have a value. */
int
fieldmap_required(const struct fieldmap *fm, size_t i)
{
	return i < fm->nfields && fm->fields[i].required;
}

/* 1 when field i holds personal data. */
int
fieldmap_personal(const struct fieldmap *fm, size_t i)
{
	return i < fm->nfields && fm->fields[i].personal;
}

/* Field a header name maps to, or -1. */
long
fieldmap_match(const struct fieldmap *fm, const char *header)
{
	struct strbuf k;
	long f = -1;

	if (header == NULL)
		return -1;
	strbuf_init(&k);
	header_key(header, &k);
	if (k.len > 0)
		f = find_form(fm, k.buf);
	strbuf_free(&k);
	return f;
}

/* Bind header columns to fields; the first column for a field wins. */
void
fieldmap_bind(const struct fieldmap *fm, const char *const *header, size_t n,
              struct fieldmap_binding *out)
{
	size_t c, i;
	long f;

	out->nfields = fm->nfields;
	out->column = xcalloc(fm->nfields + 1, sizeof *out->column);
	for (i = 0; i < fm->nfields; i++)
		out->column[i] = -1;
	out->ncolumns = n;
	out->field = xcalloc(n + 1, sizeof *out->field);
	out->nduplicates = 0;
	out->duplicates = xcalloc(n + 1, sizeof *out->duplicates);
	for (c = 0; c < n; c++) {
		f = fieldmap_match(fm, header[c]);
		out->field[c] = f;
		if (f < 0)
			continue;
		if (out->column[f] >= 0)
			out->duplicates[out->nduplicates++] = c;
		else
			out->column[f] = (long)c;
	}
}

/* Free a binding's arrays. */
void
fieldmap_unbind(struct fieldmap_binding *b)
{
	free(b->column);
	free(b->field);
	free(b->duplicates);
	memset(b, 0, sizeof *b);
}
