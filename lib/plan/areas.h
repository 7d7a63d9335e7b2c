/*
 * areas.h: choosing the service areas to visit as a balanced sample
 * (handbook para 31): the weakest and the strongest performers, high volume,
 * the longest since inspected, and intelligence (concerns from
 * whistleblowing, complaints and serious case reviews). Deterministic: ties
 * go by name. Each choice carries the reason it was made.
 *
 * Ownership: an areas_list owns its candidates; a choice list owns its
 * reasons and points at candidates of the list it came from.
 */
#ifndef AREAS_H
#define AREAS_H

#include <stddef.h>

#include "core/dates.h"

#define AREAS_MAX_ROWS 1000 /* service areas in one file (Cafcass has 17) */
#define AREAS_MAX_ALIASES 8 /* other names of one area */

struct memo;

struct areas_candidate {
	char *name;
	size_t naliases;
	char **aliases; /* other names it goes by (the file's aliases column) */
	double performance; /* higher is better */
	double volume;
	date_t last_inspected; /* -1: never inspected */
	long intelligence; /* count of concerns */
	unsigned long line; /* line in the file, for messages */
};

struct areas_list {
	size_t n;
	struct areas_candidate *items;
	struct memo *index; /* text_labelkey of each name and alias -> item */
};

struct areas_choice {
	const struct areas_candidate *area;
	int week;
	size_t slot; /* order within its week (0-based) */
	char *reason;
};

/* The capacity of one visit week. */
struct areas_week {
	int week;
	size_t capacity;
};

/*
 * Read an areas CSV (columns service_area, performance, volume,
 * last_inspected, intelligence, and optionally aliases: other names separated
 * by ';', ',' or '|'; share/fields/areas.json). Linear in the rows; more than
 * AREAS_MAX_ROWS is refused. -1 with "FILE:LINE: what" in err.
 */
int areas_read(const char *path, unsigned csv_flags, struct areas_list *out, char *err,
               size_t errsz);
/* Add one candidate (tests and callers that build lists themselves). */
void areas_add(struct areas_list *, const char *name, double performance, double volume,
               date_t last_inspected, long intelligence);
/* Add another name for the last candidate added: 0, or -1 when another area has it. */
int areas_add_alias(struct areas_list *, const char *alias);
void areas_free(struct areas_list *);
/*
 * Index of the candidate called name or one of its aliases (compared by
 * text_labelkey: case, spaces, punctuation, "&" = "and"), or -1.
 */
long areas_find(const struct areas_list *, const char *name);
/*
 * Write into buf "did you mean 'A'?" naming the nearest candidate names to an
 * unknown name (text_nearest), or "known areas: A, B, C..." when none is near.
 */
void areas_suggest(const struct areas_list *, const char *name, char *buf, size_t bufsz);

/*
 * Choose sum(capacity) areas and give each a week, filling the weeks in
 * turn in the order of choice. Areas in include are chosen first, those in
 * exclude never. -1 with err set when a name is unknown, named both ways,
 * or too few areas remain. The choices come back in week then slot order.
 */
int areas_choose(const struct areas_list *, const struct areas_week *weeks, size_t nweeks,
                 const char *const *include, size_t ninclude, const char *const *exclude,
                 size_t nexclude, struct areas_choice **out, size_t *nout, char *err, size_t errsz);
void areas_choices_free(struct areas_choice *, size_t n);

#endif
