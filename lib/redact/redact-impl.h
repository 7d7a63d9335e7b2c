/*
 * redact-impl.h: the insides of a struct redact, shared by the files of the
 * redact module: redact.c (the object, its data, the spans and the rewrite),
 * redact_norm.c (the normalised text the detectors see), redact_detect.c
 * (the pattern detectors and their validators), redact_lexicon.c (the word
 * table, the deny-list of names and the identifier files), redact_vocab.c
 * (the known-safe vocabulary: the dictionary and the lists of share/redact),
 * redact_match.c (the words of a text and the listed names found in it),
 * redact_allow.c (the names nobody listed, addresses and schools) and
 * redact_review.c (the review list of words removed only for being unknown).
 * Private to those files.
 */
#ifndef REDACT_IMPL_H
#define REDACT_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "core/keyhash.h"
#include "core/rx.h"
#include "core/strbuf.h"
#include "redact/redact.h"
#include "redact/redact_index.h"

/* Flags of a word of the table (keys are lowered words, or phrases of lowered words). */
#define W_SURNAME 0x1 /* a listed person's name word: written with a capital alone, a name */
#define W_ORG 0x2 /* marks a Case name party as an organisation */
#define W_SKIP 0x4 /* dropped from Case name parties */
#define W_HONORIFIC 0x8 /* Mr, Mrs, Dr... */
#define W_COMMON 0x10 /* a surname that is also an ordinary word */
#define W_FULL 0x20 /* the key is a listed full name ("sarah khan") */
#define W_SAFE 0x40 /* a known English word (lower case in the dictionary) or allowed */
#define W_PROPER 0x80 /* the dictionary writes it with a capital: a proper noun */
#define W_KEEPCAP 0x100 /* safe even with a capital: months, days, nationalities */
#define W_NAMEWORD 0x200 /* an ordinary word that is also a common name */
#define W_RELATION 0x400 /* mum, brother, partner... */
#define W_SPEECH 0x800 /* said, told... */
#define W_FOLLOWER 0x1000 /* was, has, and... after a name-like word */
#define W_PARTICLE 0x2000 /* de, van, bin, Mac... */
#define W_NEVER 0x4000 /* never a name alone: pronouns, people words */
#define W_PLACEPREP 0x8000 /* in, across... */
#define W_STREET 0x10000 /* road, avenue... */
#define W_STREETNUM 0x20000 /* a street word only after a house number */
#define W_SCHOOL 0x40000 /* school, academy, nursery... */
#define W_SCHOOLGEN 0x80000 /* a generic word of a school's name */
#define W_ORGSUFFIX 0x100000 /* council, trust... */
#define W_UNIT 0x200000 /* flat, apartment... */
#define W_PHRASE 0x400000 /* the key is a protected phrase (place, court, title...) */
#define W_USER 0x800000 /* in the user's allow file: safe in any case and context */
#define W_COURTSUFFIX 0x1000000 /* the key is a court suffix phrase ("family court") */
#define W_DET 0x4000000 /* the, a, this, their... */
#define W_FORMAL 0x8000000 /* Mr, Mrs, Dr...: a title before a lower-case name too */
#define W_MODAL 0x10000000 /* will, may, did...: a verb after a relation word */
#define W_RARE 0x20000000 /* only in the larger word list: with a capital, name-like */

/* Kinds of protected spans. */
enum { PROT_CASEID, PROT_TITLE, PROT_PLACE, PROT_BODY };

/*
 * What the table knows of a word: what a look-up gives. The same four
 * words in a slot of the run's table and of the prebuilt index
 * (redact_index.c), so a look-up returns a pointer into either.
 */
struct redact_word {
	uint32_t flags;
	unsigned char maxfull; /* most words of a listed full name starting with this word */
	unsigned char maxphrase; /* most words of a phrase starting with this word */
	unsigned char phrasekind; /* PROT_* of a W_PHRASE key */
	unsigned char owned; /* run's table: key was allocated by the table; index: unused (0) */
};

/* A slot of the run's table (open addressing, keyed by the run's secret key). */
struct redact_slot {
	char *key; /* lowered word or phrase; NULL: empty */
	uint32_t hash; /* the low bits of the key's hash */
	struct redact_word w;
};

/* A file the word table was built from (redact_index_source()). */
struct redact_source {
	char *path;
	int relative; /* under the data folder */
	int present; /* 0: a candidate list that did not exist */
};

struct detector {
	enum redact_type type;
	struct rx *rx;
	unsigned group;
	int check; /* CHECK_* */
	size_t min_digits; /* a match holds at least this many digits */
	size_t run,
	    gap; /* run > 0: a match holds run digits, each at most gap bytes after the last */
	char **needs; /* NULL, or shapes one of which a match holds (redact_shape_in) */
	size_t nneeds;
};

enum { CHECK_NONE, CHECK_NHS, CHECK_NI };

struct span {
	size_t so, eo;
	int type;
	int prio;
};

/*
 * A word token of the text, with what the detectors ask of it again and
 * again, found once when the text is cut (redact_tokenize).
 */
struct token {
	size_t so, eo;
	size_t key; /* offset in r->low of the lowered token (apostrophes as '), NUL-ended */
	size_t klen; /* its length; without a possessive ending: klen - 2 when pl > 0 */
	uint64_t hfull, hbase; /* FNV-1a of the lowered token, and of it without the possessive */
	unsigned char pl; /* bytes of a possessive ending ('s, U+2019 s), or 0 */
	unsigned char cap; /* the first letter is a capital (redact_capitalised) */
	unsigned char ascii; /* every byte is ASCII */
};

/*
 * The run's cache of word lookups: a direct-mapped table of recent keys and
 * the entry each found (or NULL), in front of the word table. Hashed with
 * FNV-1a: a key that collides only takes its slot, so a text built to
 * collide costs the table's own lookup, no more. Emptied whenever the word
 * table changes (its slots, size or count). It starts small and grows (empty)
 * to WCACHE_SLOTS once it has missed four times its size: every page of it
 * costs a fault, and most runs look up a few hundred words.
 */
#define WCACHE_SLOTS 4096 /* at most */
#define WCACHE_FIRST 256 /* at first: a short text touches 16 KB, not 256 KB */
#define WCACHE_KEY 40 /* longer keys go to the table */

#define KEEP_BLOOM_BITS 65536 /* the filter in front of the kept references (redact_keep) */

struct wcache_slot {
	uint64_t hash;
	const struct redact_word *w;
	uint32_t len; /* key length + 1; 0: empty */
	char key[WCACHE_KEY];
};

/* Why a word was taken for a name (the review list holds the REASON_UNKNOWN ones). */
enum { REASON_LISTED, REASON_CONTEXT, REASON_UNKNOWN };

struct review_word {
	char *word;
	unsigned long count;
	char **keys;
	size_t nkeys, keycap;
};

struct redact {
	struct detector *det;
	size_t ndet;
	struct rx *caseid;
	struct rx *bdate; /* a date in brackets after a name */
	struct idset *keep; /* case references never redacted (upper case), or NULL */
	char ni_first_not[32], ni_second_not[32];
	char (*ni_invalid)[3];
	size_t nni_invalid;

	struct keyhash_key hkey;
	/*
	 * The words: the run's table (open addressing, size a power of two),
	 * looked up first, then the prebuilt index of the word lists when one
	 * was opened (index != NULL: the table holds only the words the run
	 * added or changed, each with the index's entry folded in).
	 */
	struct redact_slot *words;
	struct redact_index *index;
	struct redact_source *src; /* the files the table was built from, when built */
	size_t nsrc;
	size_t wcap, wcount;
	char *dict, *dict2; /* the word lists' text, keys point into them (core/pages) */
	size_t dictcap, dict2cap; /* their sizes for pages_free() */
	size_t nnames;
	int allow_names; /* the allow-list detector runs (always, unless turned off) */
	int shared; /* det, caseid, bdate, ni_invalid and index are a model's (redact_new_like) */

	/* review list */
	int review;
	char *review_key;
	struct review_word *rev;
	size_t nrev, revcap;
	size_t *revslot; /* hash of rev indexes + 1 */
	size_t revslots;

	/* scratch */
	struct strbuf norm;
	size_t *nmap, nmapcap;
	int identity;
	struct span *spans;
	size_t nspans, spancap;
	struct span *prot;
	size_t nprot, protcap;
	struct token *toks;
	size_t ntoks, tokcap;
	struct strbuf low; /* the tokens lowered, each NUL-ended (struct token's key) */
	struct wcache_slot *wcache; /* wc_slots, allocated at the first lookup */
	size_t wc_slots, wc_misses; /* its size (a power of two); misses since it was made */
	const void *wc_words; /* the run's table the cache was filled from... */
	size_t wc_wcap, wc_wcount; /* ...its size and count then */
	uint64_t *keepbloom; /* KEEP_BLOOM_BITS: the kept references' hashes, or NULL */
	uint64_t keeplens; /* bit n - 1: a kept reference is n bytes long */
	unsigned char *tokstate; /* per token: TS_* */
	const struct redact_word **tokword; /* per token: its word's entry (NULL: none), cached */
	size_t tokstatecap;
	struct strbuf key, key2;
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

/* redact_norm.c */

/* Normalise s[0..len) (NFKC, invisible characters dropped, look-alikes folded). */
const char *redact_normalise(struct redact *r, const char *s, size_t len, size_t *nlen);
/* The offset in the original text of normalised offset i (i up to the length). */
size_t redact_orig(const struct redact *r, size_t i);

/* redact_detect.c */

/*
 * Propose the spans of every pattern detector. A detector is not run on an
 * ASCII text that lacks what each of its matches holds (its digit run or
 * one of its shapes, declared beside the pattern).
 */
void redact_run_patterns(struct redact *r, const char *s, size_t len, size_t digits, int has_at);
/* 1 when detector d's declared needs allow a match in the ASCII text s[0..len). */
int redact_may_match(const struct detector *d, const char *s, size_t len);
/* Propose a date of birth for each full date in brackets right after a name found. */
void redact_run_bracket_dates(struct redact *r, const char *s, size_t len);
/* Compile the detectors of share/redact/patterns.json. */
int redact_load_patterns(struct redact *r, char *err, size_t errsz);
/* Load the NI prefix rules of share/redact/ni.json. */
int redact_load_ni(struct redact *r, char *err, size_t errsz);

/* redact_lexicon.c */

/* The entry of key[0..len), or NULL. */
struct redact_word *redact_word_findn(const struct redact *r, const char *key, size_t len);
/* The entry of key, or NULL. */
struct redact_word *redact_word_find(const struct redact *r, const char *key);
/* Add a word of the vocabulary with flags (key copied). */
struct redact_word *redact_add_word(struct redact *r, const char *key, unsigned flags);
/* Make room for n more words without growing on the way. */
void redact_words_reserve(struct redact *r, size_t n);
/* Add a word whose key lives as long as r (not copied). */
struct redact_word *redact_add_word_static(struct redact *r, char *key, unsigned flags);
/*
 * Add key[0..len) (key[len] == '\0', living as long as r, not copied) with
 * flags when it is not in the table yet: 1; else leave the entry as it is: 0.
 */
int redact_add_word_new(struct redact *r, char *key, size_t len, unsigned flags);

/* redact_vocab.c */

/* Load the known-safe vocabulary: the dictionary and the lists of share/redact. */
int redact_load_vocab(struct redact *r, char *err, size_t errsz);
/* Add the words (lowered) of the array under key of root with flags. */
void redact_add_words_json(struct redact *r, json_t *root, const char *key, unsigned flags);
/* Add a protected phrase of kind (PROT_*), any case. */
void redact_add_phrase(struct redact *r, const char *phrase, int kind);

/* redact_match.c */

/*
 * Cut s into word tokens (letters, with inner apostrophes and hyphens), each
 * with its lowered key, hashes, possessive ending and capital.
 */
void redact_tokenize(struct redact *r, const char *s, size_t len);
/* The entry of key[0..len) through the run's lookup cache, or NULL. */
const struct redact_word *redact_lookup(struct redact *r, const char *key, size_t len);
/* The entry of token i's lowered word whole (base 0) or without its possessive (base 1). */
const struct redact_word *redact_tok_lookup(struct redact *r, size_t i, int base);
/* Empty the lookup cache when the word table changed since it was filled. */
void redact_lookup_check(struct redact *r);
/* Lower s[so..eo) into out, apostrophes as '. */
void redact_lower_word(const char *s, size_t so, size_t eo, struct strbuf *out);
/* 1 when the token's first letter is a capital. */
int redact_capitalised(const char *s, const struct token *t);
/* Length of a possessive ending ('s or U+2019 s) at the end of the token, or 0. */
size_t redact_possessive_len(const char *s, const struct token *t);
/* Propose the spans of names in the deny-list (tokens already cut). */
void redact_run_names(struct redact *r, const char *s, size_t len, int prio);

/* redact_allow.c */

/* Set up the token states: all free but case references (taken 0), or mark the spans found (1). */
void redact_tokens_begin(struct redact *r, int taken);
/* Protect the phrases (places, courts, bodies, titles) of the tokens. */
void redact_protect_phrases(struct redact *r, const char *s, size_t len);
/* Propose addresses, schools and the names nobody listed (tokens already cut). */
void redact_run_allow(struct redact *r, const char *s, size_t len, int prio);

/* redact_review.c */

/* Note a word removed only for being unknown. */
void redact_review_note(struct redact *r, const char *word, size_t len);
/* Free the review list. */
void redact_review_free(struct redact *r);

#endif
