/*
 * caserefs.c: the known Case IDs of build-sea's extracts (see caserefs.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/idset.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "redact/redact.h"
#include "sea/caserefs.h"
#include "sea/evidence.h"

struct caserefs {
	struct idset *ids;
	struct strbuf key;
};

struct caserefs *
caserefs_new(void)
{
	struct caserefs *c = xcalloc(1, sizeof *c);

	c->ids = idset_new();
	strbuf_init(&c->key);
	return c;
}

void
caserefs_free(struct caserefs *c)
{
	if (c == NULL)
		return;
	idset_free(c->ids);
	strbuf_free(&c->key);
	free(c);
}

/* The upper-case trimmed key of s[0..len) into key. */
static void
ref_key(struct strbuf *key, const char *s, size_t len)
{
	size_t i;

	s = text_trim(s, &len);
	strbuf_reset(key);
	strbuf_grow(key, len);
	for (i = 0; i < len; i++)
		key->buf[i] = (char)toupper((unsigned char)s[i]);
	key->buf[len] = '\0';
	key->len = len;
}

/* 1 when a reference is fit to print: short, letters, digits and - / _ . only. */
static int
printable_ref(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++, n++)
		if (!isalnum((unsigned char)*s) && strchr("-/_.", *s) == NULL)
			return 0;
	return n > 0 && n <= 32;
}

/* Add the Case ID field s[0..len) of line; keep it in r (may be NULL) the first time. */
static void
add_id(struct caserefs *c, struct redact *r, const char *s, size_t len, unsigned long line)
{
	if (text_blank(s))
		return;
	ref_key(&c->key, s, len);
	if (c->key.len > 0 && idset_add(c->ids, c->key.buf, c->key.len, line) == 0 && r != NULL)
		redact_keep(r, c->key.buf);
}

/* The two of caserefs_load_identifiers()'s one reading. */
struct both {
	struct caserefs *c;
	struct redact *r;
};

/*
 * An identifiers record's Case ID, added to the set and kept in the
 * redactor (again only if the redactor has not: keeping it twice changes nothing).
 */
static void
both_id(void *arg, const char *id, size_t len, unsigned long line, int kept)
{
	struct both *b = arg;

	add_id(b->c, kept ? NULL : b->r, id, len, line);
}

int
caserefs_load_identifiers(struct caserefs *c, const char *path, unsigned csv_flags,
                          struct redact *r, char *err, size_t errsz)
{
	struct both b = {c, r};

	/* One reading: a pipe or stdin ("-") could not be read a second time. */
	return redact_add_identifiers_ids(r, path, csv_flags, both_id, &b, err, errsz);
}

size_t
caserefs_count(const struct caserefs *c)
{
	return idset_count(c->ids);
}

int
caserefs_known(const struct caserefs *c, const char *ref)
{
	struct strbuf key;
	int known;

	strbuf_init(&key);
	ref_key(&key, ref, strlen(ref));
	known = idset_find(c->ids, key.buf, key.len) != 0;
	strbuf_free(&key);
	return known;
}

size_t
caserefs_check(const struct caserefs *c, const struct evidence_set *set)
{
	struct strbuf ref;
	const char *p, *q;
	size_t i, k, n = 0;

	strbuf_init(&ref);
	for (i = 0; i < set->nrec; i++)
		for (k = 1, p = evidence_value(set, &set->rec[i], EV_CASE_REF); *p != '\0';
		     p = *q ? q + 1 : q, k++) {
			if ((q = strchr(p, ';')) == NULL)
				q = p + strlen(p);
			strbuf_reset(&ref);
			strbuf_add(&ref, p, (size_t)(q - p));
			if (ref.len == 0 || caserefs_known(c, ref.buf))
				continue;
			if (printable_ref(ref.buf))
				diag_error(
				    set->files[set->rec[i].file], set->rec[i].line,
				    "case reference %s is not in the extract (--identifiers)",
				    ref.buf);
			else
				diag_error(
				    set->files[set->rec[i].file], set->rec[i].line,
				    "case reference %zu is not in the extract (--identifiers)", k);
			n++;
		}
	strbuf_free(&ref);
	return n;
}
