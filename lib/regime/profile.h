/*
 * profile.h: the inspection regimes as data (share/profiles/NAME.json):
 * which profile a name means (an old name is a deprecated alias, warned
 * about once on stderr), the judgement set with its exact titles, whether
 * the regime has an overall judgement, and the facts no source gives (the
 * "unknowns", each taken from another profile's timeline and labelled so).
 *
 *   {"name": "framework-2021", "title": "...", "regime": "...",
 *    "overall_judgement": "yes" | "no" | "unknown",
 *    "judgements": [{"id": "private-law", "title": "...",
 *                    "evidence": "private-law", "overall": false}, ...],
 *    "timeline_from": "handbook-2014", "timeline_basis": "...",
 *    "unknowns": [{"key": "notice", "what": "the notice period"}, ...]}
 *
 * A judgement's "evidence" is the evidence area (build-sea's judgement
 * column: private-law, public-law, leadership) it is judged on; an overall
 * judgement has none. Aliases are listed in share/profiles/aliases.json.
 *
 * Ownership: a struct profile owns every string it hands out; they stay
 * valid until profile_free().
 */
#ifndef PROFILE_H
#define PROFILE_H

#include <stddef.h>

#define PROFILE_MAX_JUDGEMENTS 8

enum profile_overall { PROFILE_OVERALL_NO, PROFILE_OVERALL_YES, PROFILE_OVERALL_UNKNOWN };

struct profile_judgement {
	const char *id, *title;
	const char *evidence; /* the evidence area, or NULL (an overall judgement) */
	int overall;
};

struct profile_unknown {
	const char *key, *what;
};

struct profile {
	void *json; /* the document (json_t *) the strings point into */
	const char *name, *title, *regime;
	char *path;
	enum profile_overall overall;
	size_t njudgements;
	struct profile_judgement judgements[PROFILE_MAX_JUDGEMENTS];
	const char *timeline_from; /* NULL, or the profile whose timeline this one borrows */
	const char *timeline_basis; /* how the borrowed rows are labelled */
	size_t nunknowns;
	struct profile_unknown *unknowns;
};

/* The profile the plan tools use when none is named (the contract's default). */
#define PROFILE_DEFAULT_PLAN "handbook-2014"
/* The profile the judgement tools use when none is named: the regime in force. */
#define PROFILE_DEFAULT_JUDGEMENTS "framework-2021"

/*
 * The path of share/profiles/NAME.json (a new string), NAME resolved
 * through the aliases (a deprecated one is warned about on stderr, once per
 * run). NULL with a message naming the known profiles in err.
 */
char *profile_path(const char *name, char *err, size_t errsz);
/* The canonical name of name (static storage or name itself). */
const char *profile_canonical(const char *name);
/*
 * The same, warning on stderr (once per run for each what: "profile",
 * "schedule") when name is a deprecated alias. A regime's evaluation
 * schedule (share/schedule/NAME.json) goes by the profile's name.
 */
const char *profile_resolve(const char *what, const char *name);
/* Load a profile by name (profile_path) or from a file. NULL with err. */
struct profile *profile_named(const char *name, char *err, size_t errsz);
struct profile *profile_load(const char *path, char *err, size_t errsz);
void profile_free(struct profile *);

/* Index of the judgement id (case, spacing and punctuation ignored), or -1. */
long profile_judgement_index(const struct profile *, const char *id);
/* The judgement ids joined for a message ("private-law, public-law, leadership"). */
char *profile_judgement_list(const struct profile *);
/* "handbook-2014, framework-2021, mcsi-2002": the profiles shipped (a new string). */
char *profile_names(void);

#endif
