/*
 * redact-impl.h: the insides of a struct redact, shared by the files of the
 * redact module: redact.c (the object, its data, the spans and the rewrite),
 * redact_detect.c (the pattern detectors and their validators),
 * redact_lexicon.c (the deny-list of names and the identifier files) and
 * redact_match.c (the words of a text and the names found in it). Private to
 * those files.
 */
#ifndef REDACT_IMPL_H
#define REDACT_IMPL_H

#include <stddef.h>

#include <jansson.h>

#include "core/rx.h"
#include "core/strbuf.h"
#include "redact/redact.h"

#define W_SURNAME 0x1 /* the word alone is a surname */
#define W_ORG 0x2 /* marks a Case name party as an organisation */
#define W_SKIP 0x4 /* dropped from Case name parties */
#define W_HONORIFIC 0x8 /* Mr, Mrs, Dr... */
#define W_COMMON 0x10 /* a surname that is also an ordinary word */

struct fullname {
	size_t ntok;
	char **tok; /* lowered words */
};

struct redact_word {
	char *key; /* lowered word */
	unsigned flags;
	size_t nfull; /* full names starting with this word */
	size_t *full; /* indexes into r->fulls, longest first */
};

struct detector {
	enum redact_type type;
	struct rx *rx;
	unsigned group;
	int check; /* CHECK_* */
	size_t min_digits; /* a match holds at least this many digits */
};

enum { CHECK_NONE, CHECK_NHS, CHECK_NI };

struct span {
	size_t so, eo;
	int type;
	int prio;
};

struct token {
	size_t so, eo;
};

struct redact {
	struct detector *det;
	size_t ndet;
	struct rx *caseid;
	struct idset *keep; /* case references never redacted (upper case), or NULL */
	struct rx *titles;
	char ni_first_not[32], ni_second_not[32];
	char (*ni_invalid)[3];
	size_t nni_invalid;

	struct redact_word *words; /* open addressing, size a power of two */
	size_t wcap, wcount;
	struct fullname *fulls;
	size_t nfulls;
	size_t nnames;

	/* scratch */
	struct span *spans;
	size_t nspans, spancap;
	struct span *prot;
	size_t nprot, protcap;
	struct token *toks;
	size_t ntoks, tokcap;
	struct strbuf key;
};

/* redact.c */

/* Record a span in the list (protected or proposed). */
void redact_push_span(struct span **v, size_t *n, size_t *cap, size_t so, size_t eo, int type,
                      int prio);
/* 1 when [so, eo) overlaps a protected span of the given kind (-1: any). */
int redact_protected(const struct redact *r, size_t so, size_t eo, int kind);
/* Load a JSON file of the data folder; NULL with err set. */
json_t *redact_load_data(const char *rel, char *err, size_t errsz);
/* Type of a pattern's "type" key, or REDACT_NONE. */
enum redact_type redact_type_of(const char *key);

/* redact_detect.c */

/* Propose the spans of every pattern detector. */
void redact_run_patterns(struct redact *r, const char *s, size_t len, size_t digits, int has_at);
/* Compile the detectors of share/redact/patterns.json. */
int redact_load_patterns(struct redact *r, char *err, size_t errsz);
/* Load the NI prefix rules of share/redact/ni.json. */
int redact_load_ni(struct redact *r, char *err, size_t errsz);

/* redact_lexicon.c */

/* The entry of key, or NULL. */
struct redact_word *redact_word_find(const struct redact *r, const char *key);
/* Add a word of the deny-list vocabulary with flags. */
struct redact_word *redact_add_word(struct redact *r, const char *key, unsigned flags);

/* redact_match.c */

/* Cut s into word tokens (letters, with inner apostrophes and hyphens). */
void redact_tokenize(struct redact *r, const char *s, size_t len);
/* Lower s[so..eo) into out, apostrophes as '. */
void redact_lower_word(const char *s, size_t so, size_t eo, struct strbuf *out);
/* 1 when the token's first letter is a capital (non-ASCII counts). */
int redact_capitalised(const char *s, const struct token *t);
/* Propose the spans of names in the deny-list. */
void redact_run_names(struct redact *r, const char *s, size_t len, int prio);

#endif
