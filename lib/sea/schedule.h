/*
 * schedule.h: the evaluation schedule (handbook Annex E) as data:
 * share/schedule/handbook-2014.json (the January 2014 handbook's Annex E),
 * or any file of that shape:
 *   {"name": "handbook-2014",
 *    "judgements": [{"id": "private-law", "title": "..."}, ...],
 *    "criteria": [{"number": 1, "judgement": "private-law",
 *                  "titles": ["Welfare safeguarded ...", ...]}, ...]}
 * A criterion that appears in several rows of Annex E has each title.
 *
 * Ownership: a struct schedule owns every string it hands out; they stay
 * valid until schedule_free().
 */
#ifndef SCHEDULE_H
#define SCHEDULE_H

#include <stddef.h>

struct schedule_criterion {
	long number;
	const char *judgement; /* a judgement id */
	size_t ntitles;
	const char *const *titles;
	const char *title; /* the titles joined with "; " */
};

struct schedule;

/* Load from path; NULL with "PATH: reason" (or PATH:LINE:COL) in err. */
struct schedule *schedule_load(const char *path, char *err, size_t errsz);
/* The schedule shipped when none is named. */
#define SCHEDULE_DEFAULT "handbook-2014"
/* Load SCHEDULE_DEFAULT from the data folder. */
struct schedule *schedule_load_default(char *err, size_t errsz);
/*
 * --schedule ARG: NULL (the default), a file, or the name of a shipped
 * schedule (share/schedule/NAME.json). The old name ofsted-2021, as a name
 * or as the old shipped file's path, is a deprecated alias of handbook-2014
 * (warned about on stderr). NULL with err.
 */
struct schedule *schedule_open(const char *arg, char *err, size_t errsz);
void schedule_free(struct schedule *);
/* The name of the schedule ("handbook-2014"). */
const char *schedule_name(const struct schedule *);
/* Judgements in schedule order. */
size_t schedule_njudgements(const struct schedule *);
const char *schedule_judgement(const struct schedule *, size_t i);
const char *schedule_judgement_title(const struct schedule *, size_t i);
/* Index of the judgement id, or -1. */
long schedule_judgement_index(const struct schedule *, const char *id);
/* Criteria, sorted by number. */
size_t schedule_count(const struct schedule *);
const struct schedule_criterion *schedule_get(const struct schedule *, size_t i);
/* Index of criterion number under judgement (NULL: any judgement), or -1. */
long schedule_find(const struct schedule *, const char *judgement, long number);
/* Number of criteria the judgement has. */
size_t schedule_judgement_count(const struct schedule *, const char *judgement);

#endif
