/*
 * redact_vocab.c: the known-safe vocabulary of the allow-list name detector.
 * An English word list (share/redact/lexicon.json names it: Debian's
 * wbritish, /usr/share/dict/british-english) gives the ordinary words (its
 * lower-case entries, W_SAFE) and the words it knows as proper nouns (its
 * capitalised entries, W_PROPER: names and places). The lists of
 * share/redact add the trade's words, the words safe with a capital
 * (months, nationalities), the ordinary words that are also names, the
 * context words (context.json), and the phrases that stay whole: places,
 * courts, organisations, legal terms and job titles. A user's allow file
 * (redact_allow_file) adds local words and phrases.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/datadir.h"
#include "core/jsonio.h"
#include "core/output.h"
#include "core/pages.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "redact/redact-impl.h"

#define VOCAB_LINE_MAX 4096

/* Add phrase (any case) of kind: its joined lowered key and its length under its first word. */
static void
add_phrase_flags(struct redact *r, const char *phrase, int kind, unsigned flags)
{
	struct redact_word *w;
	size_t i, n;

	redact_tokenize(r, phrase, strlen(phrase));
	if ((n = r->ntoks) == 0)
		return;
	strbuf_reset(&r->key2);
	for (i = 0; i < n; i++) {
		redact_lower_word(phrase, r->toks[i].so, r->toks[i].eo, &r->key);
		if (i > 0)
			strbuf_addch(&r->key2, ' ');
		strbuf_add(&r->key2, r->key.buf, r->key.len);
	}
	w = redact_add_word(r, r->key2.buf, flags);
	if (!(w->flags & W_PHRASE) || kind < w->phrasekind)
		w->phrasekind = (unsigned char)kind;
	w->flags |= W_PHRASE;
	redact_lower_word(phrase, r->toks[0].so, r->toks[0].eo, &r->key);
	w = redact_add_word(r, r->key.buf, 0);
	if (w->maxphrase < n)
		w->maxphrase = (unsigned char)(n < 255 ? n : 255);
}

void
redact_add_phrase(struct redact *r, const char *phrase, int kind)
{
	add_phrase_flags(r, phrase, kind, 0);
}

/* Add one word (lowered) with flags. */
static void
add_lowered(struct redact *r, const char *word, unsigned flags)
{
	redact_lower_word(word, 0, strlen(word), &r->key);
	if (r->key.len > 0)
		redact_add_word(r, r->key.buf, flags);
}

/*
 * Read a list of share/redact (or a user's file when user): one entry a
 * line, # comments; single words get flags, phrases become protected of
 * kind (or get flags too when kind < 0). -1 with "FILE:LINE: reason".
 */
static int
load_list(struct redact *r, const char *path, const char *name, unsigned flags, int kind, char *err,
          size_t errsz)
{
	FILE *fp = output_input_open(path);
	char line[VOCAB_LINE_MAX];
	unsigned long lineno = 0;
	size_t n, bad;

	if (fp == NULL) {
		snprintf(err, errsz, "%s: cannot open", name);
		return -1;
	}
	while (fgets(line, sizeof(line), fp) != NULL) {
		lineno++;
		n = strlen(line);
		if (n == sizeof(line) - 1 && line[n - 1] != '\n') {
			snprintf(err, errsz, "%s:%lu: line longer than %d bytes", name, lineno,
			         VOCAB_LINE_MAX - 2);
			fclose(fp);
			return -1;
		}
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
			line[--n] = '\0';
		if (!utf8_valid(line, n, &bad)) {
			snprintf(err, errsz, "%s:%lu: not valid UTF-8", name, lineno);
			fclose(fp);
			return -1;
		}
		if (n == 0 || line[0] == '#')
			continue;
		if (strchr(line, ' ') != NULL && kind >= 0)
			add_phrase_flags(r, line, kind, flags & W_USER);
		else if (kind >= 0 && flags == 0)
			add_phrase_flags(r, line, kind, 0);
		else
			add_lowered(r, line, flags);
	}
	fclose(fp);
	return 0;
}

/* Load share/redact/NAME. */
static int
load_share_list(struct redact *r, const char *rel, unsigned flags, int kind, char *err,
                size_t errsz)
{
	char *path = datadir_path(rel);
	int rc = load_list(r, path, rel, flags, kind, err, errsz);

	redact_index_source(r, rel, 1, 1);

	free(path);
	return rc;
}

/* Add the words (lowered) of the array under key of root with flags. */
void
redact_add_words_json(struct redact *r, json_t *root, const char *key, unsigned flags)
{
	json_t *v;
	size_t i;

	json_array_foreach(json_object_get(root, key), i, v) if (json_is_string(v))
	    add_lowered(r, json_string_value(v), flags);
}

/* Load share/redact/context.json. */
static int
load_context(struct redact *r, char *err, size_t errsz)
{
	static const struct {
		const char *key;
		unsigned flags;
	} lists[] = {
	    {"honorifics", W_HONORIFIC},
	    {"relations", W_RELATION},
	    {"speech", W_SPEECH},
	    {"name_followers", W_FOLLOWER},
	    {"particles", W_PARTICLE},
	    {"never", W_NEVER},
	    {"place_prepositions", W_PLACEPREP},
	    {"street_types", W_STREET},
	    {"street_types_numbered", W_STREETNUM},
	    {"address_units", W_UNIT},
	    {"school_words", W_SCHOOL},
	    {"school_generic", W_SCHOOLGEN},
	    {"org_suffixes", W_ORGSUFFIX},
	    {"determiners", W_DET},
	    {"formal_titles", W_FORMAL},
	    {"modals", W_MODAL},
	};
	json_t *root, *v;
	size_t i;

	if ((root = redact_load_data("redact/context.json", err, errsz)) == NULL)
		return -1;
	redact_index_source(r, "redact/context.json", 1, 1);
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		redact_add_words_json(r, root, lists[i].key, lists[i].flags);
	json_array_foreach(json_object_get(root, "court_suffixes"), i, v) if (json_is_string(v))
	    add_phrase_flags(r, json_string_value(v), PROT_BODY, W_COURTSUFFIX);
	json_decref(root);
	return 0;
}

/*
 * Read the whole of a file into a new block of *cap bytes from pages_alloc()
 * (free it with pages_free(p, *cap, 1)), its length in *len; NULL when it
 * cannot be read. A word list is megabytes: read at once, on huge pages.
 */
static char *
slurp(const char *path, size_t *len, size_t *cap)
{
	FILE *fp = output_input_open(path);
	struct stat st;
	size_t n;
	char *text;

	if (fp == NULL)
		return NULL;
	*cap = fstat(fileno(fp), &st) == 0 && S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
	text = pages_alloc(*cap, 1);
	for (*len = 0; (n = fread(text + *len, 1, *cap - 1 - *len, fp)) > 0;) {
		*len += n;
		if (*len == *cap - 1) { /* grown since fstat(), or not a regular file */
			char *more = pages_alloc(*cap * 2, 1);

			memcpy(more, text, *len);
			pages_free(text, *cap, 1);
			text = more;
			*cap *= 2;
		}
	}
	fclose(fp);
	text[*len] = '\0';
	return text;
}

/*
 * Read the first file of the array under key of root that exists; NULL when
 * none does. Each candidate tried is a source of the table.
 */
static char *
first_file(struct redact *r, json_t *root, const char *key, size_t *len, size_t *cap)
{
	json_t *v;
	size_t i;
	char *text;

	json_array_foreach(json_object_get(root, key), i, v)
	{
		if (!json_is_string(v))
			continue;
		text = slurp(json_string_value(v), len, cap);
		redact_index_source(r, json_string_value(v), 0, text != NULL);
		if (text != NULL)
			return text;
	}
	return NULL;
}

/*
 * Add the words of a word list's text (one a line): lower-case entries get
 * lower, capitalised ones W_PROPER; with rare, only words not known yet, and
 * the lower-case ones W_RARE too. Possessive forms ('s) are skipped (the
 * detector strips possessives itself).
 */
static void
add_word_list(struct redact *r, char *text, size_t len, int rare)
{
	char *p, *end, *eol;
	size_t i, n;

	for (p = text, end = text + len; p < end; p = eol + 1) {
		unsigned flags;

		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		*eol = '\0';
		n = (size_t)(eol - p);
		if (n == 0 || (n > 2 && p[n - 2] == '\'' && p[n - 1] == 's'))
			continue;
		flags = *p >= 'A' && *p <= 'Z' ? W_PROPER : W_SAFE;
		for (i = 0; i < n; i++)
			if (p[i] >= 'A' && p[i] <= 'Z')
				p[i] = (char)(p[i] - 'A' + 'a');
		if (rare)
			(void)redact_add_word_new(r, p, n,
			                          flags == W_SAFE ? flags | W_RARE : flags);
		else
			redact_add_word_static(r, p, flags);
	}
}

/* The newlines in text[0..len). */
static size_t
count_lines(const char *text, size_t len)
{
	const char *p = text, *end = text + len;
	size_t n = 0;

	while (p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

/* Load the English word lists of share/redact/lexicon.json. */
static int
load_dictionary(struct redact *r, char *err, size_t errsz)
{
	json_t *root;
	size_t len = 0, len2 = 0;

	if ((root = redact_load_data("redact/lexicon.json", err, errsz)) == NULL)
		return -1;
	redact_index_source(r, "redact/lexicon.json", 1, 1);
	r->dict = first_file(r, root, "dictionaries", &len, &r->dictcap);
	r->dict2 = first_file(r, root, "rare_dictionaries", &len2, &r->dict2cap);
	json_decref(root);
	if (r->dict == NULL || r->dict2 == NULL) {
		snprintf(err, errsz,
		         "redact/lexicon.json: no English word list found (install Debian's "
		         "wbritish and wbritish-large: apt-get install wbritish wbritish-large)");
		return -1;
	}
	redact_words_reserve(r, count_lines(r->dict, len) + count_lines(r->dict2, len2));
	add_word_list(r, r->dict, len, 0);
	add_word_list(r, r->dict2, len2, 1);
	return 0;
}

int
redact_load_vocab(struct redact *r, char *err, size_t errsz)
{
	if (load_dictionary(r, err, errsz) == -1 || load_context(r, err, errsz) == -1 ||
	    load_share_list(r, "redact/allow-words.txt", W_SAFE | W_KEEPCAP, -1, err, errsz) ==
	        -1 ||
	    load_share_list(r, "redact/keep-capitalised.txt", W_KEEPCAP, -1, err, errsz) == -1 ||
	    load_share_list(r, "redact/name-words.txt", W_NAMEWORD, -1, err, errsz) == -1 ||
	    load_share_list(r, "redact/places.txt", 0, PROT_PLACE, err, errsz) == -1 ||
	    load_share_list(r, "redact/courts.txt", 0, PROT_BODY, err, errsz) == -1 ||
	    load_share_list(r, "redact/organisations.txt", 0, PROT_BODY, err, errsz) == -1 ||
	    load_share_list(r, "redact/legal-terms.txt", 0, PROT_BODY, err, errsz) == -1)
		return -1;
	return 0;
}

int
redact_allow_file(struct redact *r, const char *path, char *err, size_t errsz)
{
	return load_list(r, path, path, W_USER | W_SAFE | W_KEEPCAP, PROT_BODY, err, errsz);
}
