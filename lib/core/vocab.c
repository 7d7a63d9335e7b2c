/*
 * vocab.c: controlled vocabularies (genders, law types, case types...) read
 * from share/vocab/NAME.json. Lookup runs once per row of files with millions
 * of rows, so the normalised keys of every value and alias go into an
 * open-addressing hash table at load; the patterns, slower, are compiled
 * when first needed and tried only when the key lookup misses, and what they
 * answered for a text is memoised (the same few odd spellings come back row
 * after row). A run whose values all match by key never compiles a pattern.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datadir.h"
#include "core/diag.h"
#include "core/jsonio.h"
#include "core/jsonpool.h"
#include "core/keyhash.h"
#include "core/memo.h"
#include "core/rx.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/vocab.h"
#include "core/xalloc.h"

struct vocab_entry {
	const char *value; /* in text once loaded */
	/*
	 * Its attributes, in text once loaded: for each string or integer member
	 * of its object, 's' or 'i', the name and the value (an integer in
	 * decimal), each ended by NUL; then a NUL.
	 */
	const char *attrs;
	const json_t *obj; /* the entry's object, while loading */
};

struct vocab_slot {
	char *key; /* NULL: empty slot */
	size_t entry;
};

struct vocab_pattern {
	struct rx *rx; /* NULL until first needed */
	const char *source; /* in text once loaded */
	size_t entry;
	size_t nth; /* the entry's nth pattern, from 1 (for messages) */
};

/* What the patterns answered for recent texts; emptied when half full. */
#define VOCAB_MEMO_MAX 512 /* texts remembered; the memo starts again when full */
#define VOCAB_MEMO_MAXLEN 200

/* Lookup state: a vocab is const to its users but keeps these. */
struct vocab_cache {
	struct strbuf key;
	struct memo *memo; /* trimmed text -> entry of the patterns, or -1 */
};

struct vocab {
	char *name;
	char *path; /* for messages */
	char *text; /* values, attributes and patterns, copied out of the JSON tree */
	struct vocab_entry *entries;
	size_t nentries;
	struct vocab_slot *slots;
	size_t mask; /* slots - 1, a power of two less one */
	char *keys; /* the slots' keys, end to end (one block, not one allocation a key) */
	size_t keys_len, keys_cap;
	struct vocab_pattern *patterns;
	size_t npatterns;
	struct vocab_cache *cache;
};

/* The hash of a key (keyed per run: --map files add keys from input). */
static uint64_t
hash_key(const char *s)
{
	return keyhash_sip13(keyhash_run_key(), s, strlen(s));
}

/* The key of s: text_normkey(), also dropping no-break spaces (Excel's). */
static void
vocab_key(const char *s, struct strbuf *key)
{
	size_t i, j;

	text_normkey(s, key);
	if (memchr(key->buf, 0xc2, key->len) == NULL)
		return;
	for (i = j = 0; i < key->len; i++) {
		if ((unsigned char)key->buf[i] == 0xc2 && (unsigned char)key->buf[i + 1] == 0xa0)
			i++;
		else
			key->buf[j++] = key->buf[i];
	}
	key->buf[j] = '\0';
	key->len = j;
}

/* The slot holding key, or the empty slot where it would go. */
static struct vocab_slot *
slot_for(const struct vocab *v, const char *key)
{
	size_t i = (size_t)hash_key(key) & v->mask;

	while (v->slots[i].key != NULL && strcmp(v->slots[i].key, key) != 0)
		i = (i + 1) & v->mask;
	return &v->slots[i];
}

/*
 * Size the table for at most nkeys keys, at most half full, and the block of
 * their bytes for at most bytes (a key is never longer than its text).
 */
static void
table_init(struct vocab *v, size_t nkeys, size_t bytes)
{
	size_t n = 16;

	while (n < 2 * nkeys)
		n *= 2;
	v->slots = xcalloc(n, sizeof *v->slots);
	v->mask = n - 1;
	v->keys = xmalloc(bytes + 1);
	v->keys_cap = bytes + 1;
}

/* 1 when key lies in the block of keys (else it has an allocation of its own). */
static int
in_keys(const struct vocab *v, const char *key)
{
	return v->keys != NULL && key >= v->keys && key < v->keys + v->keys_cap;
}

/* Add text's key for entry e; -1 with a message on an empty or shared key. */
static int
add_key(struct vocab *v, const char *path, size_t e, const char *text, char *err, size_t errsz)
{
	struct strbuf key;
	struct vocab_slot *slot;
	int rc = 0;

	strbuf_init(&key);
	vocab_key(text, &key);
	if (key.len == 0) {
		snprintf(err, errsz, "%s: entry %zu (\"%s\"): \"%s\" has no letters or digits",
		         path, e + 1, v->entries[e].value, text);
		rc = -1;
	} else if ((slot = slot_for(v, key.buf))->key == NULL) {
		if (key.len + 1 <= v->keys_cap - v->keys_len) {
			slot->key = memcpy(v->keys + v->keys_len, key.buf, key.len + 1);
			v->keys_len += key.len + 1;
		} else
			slot->key =
			    strbuf_steal(&key); /* never, as keys are no longer than texts */
		slot->entry = e;
	} else if (slot->entry != e) {
		snprintf(err, errsz,
		         "%s: entry %zu (\"%s\") and entry %zu (\"%s\") share the key \"%s\"", path,
		         slot->entry + 1, v->entries[slot->entry].value, e + 1, v->entries[e].value,
		         key.buf);
		rc = -1;
	}
	strbuf_free(&key);
	return rc;
}

/* Member key of entry e if it is an array of strings, else NULL and a message. */
static const json_t *
string_array(const json_t *obj, const char *key, const char *path, size_t e, char *err,
             size_t errsz)
{
	const json_t *a = json_object_get(obj, key), *x;
	size_t i;

	if (!json_is_array(a))
		goto bad;
	json_array_foreach(a, i, x)
	{
		if (!json_is_string(x))
			goto bad;
	}
	return a;
bad:
	snprintf(err, errsz, "%s: entry %zu: \"%s\" must be an array of strings", path, e + 1, key);
	return NULL;
}

/* The bytes of the strings of array a (and a NUL each). */
static size_t
strings_bytes(const json_t *a)
{
	const json_t *x;
	size_t i, n = 0;

	json_array_foreach(a, i, x)
	{
		if (json_is_string(x))
			n += json_string_length(x) + 1;
	}
	return n;
}

/*
 * Count the keys and patterns the entries will need, and the bytes of the
 * texts keyed; -1 on a bad entry.
 */
static int
read_entries(struct vocab *v, const json_t *values, const char *path, size_t *nkeys, size_t *npats,
             size_t *bytes, char *err, size_t errsz)
{
	const json_t *obj, *val;
	size_t i;

	*nkeys = *npats = *bytes = 0;
	v->nentries = json_array_size(values);
	v->entries = xcalloc(v->nentries + 1, sizeof *v->entries);
	json_array_foreach(values, i, obj)
	{
		val = json_object_get(obj, "value");
		if (!json_is_object(obj) || !json_is_string(val)) {
			snprintf(err, errsz, "%s: entry %zu: needs a \"value\" string", path,
			         i + 1);
			return -1;
		}
		v->entries[i].value = json_string_value(val);
		v->entries[i].obj = obj;
		*nkeys += 1 + json_array_size(json_object_get(obj, "aliases"));
		*bytes +=
		    json_string_length(val) + 1 + strings_bytes(json_object_get(obj, "aliases"));
		*npats += json_array_size(json_object_get(obj, "patterns"));
	}
	return 0;
}

/* Index entry e's value and aliases, note its patterns. */
static int
index_entry(struct vocab *v, size_t e, const char *path, char *err, size_t errsz)
{
	const json_t *obj = v->entries[e].obj, *a, *x;
	size_t i;

	if (add_key(v, path, e, v->entries[e].value, err, errsz) < 0)
		return -1;
	if (json_object_get(obj, "aliases") != NULL) {
		if ((a = string_array(obj, "aliases", path, e, err, errsz)) == NULL)
			return -1;
		json_array_foreach(a, i, x)
		{
			if (add_key(v, path, e, json_string_value(x), err, errsz) < 0)
				return -1;
		}
	}
	if (json_object_get(obj, "patterns") == NULL)
		return 0;
	if ((a = string_array(obj, "patterns", path, e, err, errsz)) == NULL)
		return -1;
	json_array_foreach(a, i, x)
	{
		v->patterns[v->npatterns].source = json_string_value(x);
		v->patterns[v->npatterns].entry = e;
		v->patterns[v->npatterns].nth = i + 1;
		v->npatterns++;
	}
	return 0;
}

/* Compile pattern p; -1 with a message naming the file, the entry and the pattern. */
static int
pattern_compile(const struct vocab *v, struct vocab_pattern *p, char *err, size_t errsz)
{
	char rxerr[256];

	if (p->rx != NULL)
		return 0;
	p->rx = rx_new(p->source, RX_CASELESS, rxerr, sizeof rxerr);
	if (p->rx == NULL) {
		snprintf(err, errsz, "%s: entry %zu (\"%s\"): pattern %zu: %s", v->path,
		         p->entry + 1, v->entries[p->entry].value, p->nth, rxerr);
		return -1;
	}
	return 0;
}

int
vocab_compile(struct vocab *v, char *err, size_t errsz)
{
	size_t i;

	for (i = 0; i < v->npatterns; i++)
		if (pattern_compile(v, &v->patterns[i], err, errsz) == -1)
			return -1;
	return 0;
}

/* The name of a vocabulary file: its "name", else the file name less .json. */
static char *
vocab_default_name(const json_t *root, const char *path)
{
	const char *name = jsonio_str(root, "name", NULL), *base;
	size_t n;

	if (name != NULL)
		return xstrdup(name);
	base = strrchr(path, '/');
	base = base == NULL ? path : base + 1;
	n = strlen(base);
	if (n > 5 && strcmp(base + n - 5, ".json") == 0)
		n -= 5;
	return xstrndup(base, n);
}

/* Add s and its NUL to b; its offset. */
static size_t
text_add(struct strbuf *b, const char *s)
{
	size_t at = b->len;

	strbuf_add(b, s, strlen(s) + 1);
	return at;
}

/*
 * Copy the values, attributes and pattern sources out of the JSON tree into
 * one block, so that the tree can be freed as soon as it is read.
 */
static void
keep_text(struct vocab *v)
{
	struct strbuf b;
	size_t *off = xcalloc(2 * v->nentries + v->npatterns + 1, sizeof *off), i;
	const char *k;
	const json_t *x;
	char num[32];

	strbuf_init(&b);
	for (i = 0; i < v->nentries; i++) {
		off[2 * i] = text_add(&b, v->entries[i].value);
		off[2 * i + 1] = b.len;
		json_object_foreach((json_t *)v->entries[i].obj, k, x)
		{
			if (!json_is_string(x) && !json_is_integer(x))
				continue;
			strbuf_addch(&b, json_is_string(x) ? 's' : 'i');
			text_add(&b, k);
			if (json_is_string(x))
				text_add(&b, json_string_value(x));
			else {
				snprintf(num, sizeof num, "%lld", (long long)json_integer_value(x));
				text_add(&b, num);
			}
		}
		strbuf_add(&b, "", 1);
	}
	for (i = 0; i < v->npatterns; i++)
		off[2 * v->nentries + i] = text_add(&b, v->patterns[i].source);
	v->text = strbuf_steal(&b);
	for (i = 0; i < v->nentries; i++) {
		v->entries[i].value = v->text + off[2 * i];
		v->entries[i].attrs = v->text + off[2 * i + 1];
		v->entries[i].obj = NULL;
	}
	for (i = 0; i < v->npatterns; i++)
		v->patterns[i].source = v->text + off[2 * v->nentries + i];
	free(off);
}

/* Load and index the vocabulary at path. */
struct vocab *
vocab_load(const char *path, char *err, size_t errsz)
{
	struct vocab *v;
	const json_t *values;
	size_t nkeys, npats, bytes, i;
	json_t *root;
	int pooled = jsonpool_begin(); /* the tree is dropped at once, its text copied out */

	if ((root = jsonio_load(path, err, errsz)) == NULL) {
		jsonpool_end(pooled, NULL);
		return NULL;
	}
	values = json_object_get(root, "values");
	if (!json_is_array(values)) {
		snprintf(err, errsz, "%s: needs a \"values\" array", path);
		jsonpool_end(pooled, root);
		return NULL;
	}
	v = xcalloc(1, sizeof *v);
	v->name = vocab_default_name(root, path);
	v->path = xstrdup(path);
	v->cache = xcalloc(1, sizeof *v->cache);
	strbuf_init(&v->cache->key);
	if (read_entries(v, values, path, &nkeys, &npats, &bytes, err, errsz) < 0)
		goto fail;
	table_init(v, nkeys, bytes);
	v->patterns = xcalloc(npats + 1, sizeof *v->patterns);
	for (i = 0; i < v->nentries; i++)
		if (index_entry(v, i, path, err, errsz) < 0)
			goto fail;
	keep_text(v);
	jsonpool_end(pooled, root); /* now: its pages serve the allocations that follow */
	return v;
fail:
	vocab_free(v);
	jsonpool_end(pooled, root);
	return NULL;
}

/* Load share/vocab/NAME.json. */
struct vocab *
vocab_load_named(const char *name, char *err, size_t errsz)
{
	char *path = datadir_named("vocab", name, "json");
	struct vocab *v = vocab_load(path, err, errsz);

	free(path);
	return v;
}

/* Free a vocabulary and everything it handed out. */
void
vocab_free(struct vocab *v)
{
	size_t i;

	if (v == NULL)
		return;
	if (v->slots != NULL)
		for (i = 0; i <= v->mask; i++)
			if (!in_keys(v, v->slots[i].key))
				free(v->slots[i].key);
	free(v->slots);
	free(v->keys);
	for (i = 0; i < v->npatterns; i++)
		rx_free(v->patterns[i].rx);
	free(v->patterns);
	free(v->entries);
	if (v->cache != NULL) {
		memo_free(v->cache->memo);
		strbuf_free(&v->cache->key);
		free(v->cache);
	}
	free(v->name);
	free(v->path);
	free(v->text);
	free(v);
}

/* Number of entries. */
size_t
vocab_count(const struct vocab *v)
{
	return v->nentries;
}

/* The vocabulary's name. */
const char *
vocab_name(const struct vocab *v)
{
	return v->name;
}

/*
 * The first pattern (in file order) matching the len bytes of s. A pattern
 * of the data folder that does not compile stops the run (exit 2, as at load).
 */
static long
run_patterns(const struct vocab *v, const char *s, size_t len)
{
	char err[512];
	size_t i;

	for (i = 0; i < v->npatterns; i++) {
		if (pattern_compile(v, &v->patterns[i], err, sizeof err) == -1) {
			fprintf(stderr, "%s: %s\n", diag_prog(), err);
			exit(EXIT_TROUBLE);
		}
		if (rx_search(v->patterns[i].rx, s, len, 0, NULL, NULL) == 1)
			return (long)v->patterns[i].entry;
	}
	return -1;
}

/* Try the patterns on s without its surrounding white space, memoised. */
static long
find_by_pattern(const struct vocab *v, const char *s)
{
	struct vocab_cache *c = v->cache;
	size_t len;
	long e;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' ||
	                   s[len - 1] == '\n'))
		len--;
	if (len == 0)
		return -1;
	if (len > VOCAB_MEMO_MAXLEN)
		return run_patterns(v, s, len);
	if (c->memo == NULL)
		c->memo = memo_new(VOCAB_MEMO_MAX);
	if (memo_get(c->memo, s, len, &e))
		return e;
	e = run_patterns(v, s, len);
	if (memo_put(c->memo, s, len, e) != 0) {
		memo_clear(c->memo);
		(void)memo_put(c->memo, s, len, e);
	}
	return e;
}

/* Entry of s: by key, else by pattern; -1 when none. */
long
vocab_find(const struct vocab *v, const char *s)
{
	const struct vocab_slot *slot;
	struct strbuf *key = &v->cache->key;

	if (s == NULL)
		return -1;
	vocab_key(s, key);
	if (key->len > 0) {
		slot = slot_for(v, key->buf);
		if (slot->key != NULL)
			return (long)slot->entry;
	}
	return v->npatterns > 0 ? find_by_pattern(v, s) : -1;
}

/* Canonical value of entry i. */
const char *
vocab_value(const struct vocab *v, size_t i)
{
	return i < v->nentries ? v->entries[i].value : NULL;
}

/* The value of entry i's attribute key of kind ('s' or 'i'), or NULL. */
static const char *
attr_find(const struct vocab *v, size_t i, const char *key, char kind)
{
	const char *p, *name;
	char k;

	if (i >= v->nentries)
		return NULL;
	for (p = v->entries[i].attrs; *p != '\0'; p += strlen(p) + 1) {
		k = *p++;
		name = p;
		p += strlen(p) + 1;
		if (k == kind && strcmp(name, key) == 0)
			return p;
	}
	return NULL;
}

/* String attribute key of entry i, or NULL. */
const char *
vocab_attr(const struct vocab *v, size_t i, const char *key)
{
	return attr_find(v, i, key, 's');
}

/* Integer attribute key of entry i, or dflt. */
long
vocab_attr_int(const struct vocab *v, size_t i, const char *key, long dflt)
{
	const char *n = attr_find(v, i, key, 'i');

	return n != NULL ? (long)strtoll(n, NULL, 10) : dflt;
}

/* Compile the "pattern" of share/vocab/NAME.json. */
struct rx *
vocab_pattern_named(const char *name, unsigned flags, char *err, size_t errsz)
{
	char *path = datadir_named("vocab", name, "json");
	char rxerr[256];
	const char *pattern;
	struct rx *rx = NULL;
	json_t *root;
	int pooled = jsonpool_begin();

	if ((root = jsonio_load(path, err, errsz)) == NULL)
		goto out;
	if ((pattern = jsonio_str(root, "pattern", NULL)) == NULL)
		snprintf(err, errsz, "%s: needs a \"pattern\" string", path);
	else if ((rx = rx_new(pattern, flags, rxerr, sizeof rxerr)) == NULL)
		snprintf(err, errsz, "%s: pattern: %s", path, rxerr);
out:
	jsonpool_end(pooled, root);
	free(path);
	return rx;
}
