/*
 * actionplan.h: Cafcass's action plan checked against the report's
 * recommendations (MCSI guidelines 2002, paras 6.8-6.12), and the timetable
 * of monitoring its implementation (paras 6.15-6.20).
 *
 * Recommendations come from the judgements JSON render-report reads (its
 * areas_for_improvement, then its priority_actions, numbered 1, 2, ... in
 * that order) or a CSV (a recommendation column; an id or number column,
 * else numbered by row). The plan is a CSV (recommendation, action,
 * timetable, responsible, agreed, reason) or Markdown: one section per
 * recommendation, its heading naming the number ("## Recommendation 3"),
 * its lines "Action: ...", "Timetable: ...", "Responsible: ...",
 * "Agreed: no", "Reason: ...".
 *
 * Findings name the recommendation by number, the rule and the line, never
 * the text of the plan or the report.
 *
 * Ownership: every struct here owns its strings; free with the _free calls.
 */
#ifndef ACTIONPLAN_H
#define ACTIONPLAN_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "core/calendar.h"
#include "core/dates.h"

#define ACTIONPLAN_MAX_WORDS 120 /* para 6.9, per recommendation */
#define ACTIONPLAN_DAYS 28 /* para 6.9: within four weeks of the draft report */

struct actionplan_recs {
	char *name; /* the file, for messages */
	size_t n;
	char **ids; /* "1", "2", ... */
	unsigned long *lines; /* where each is (0 in JSON) */
};

struct actionplan_answer {
	char *id; /* the recommendation it answers, or NULL when none is named */
	unsigned long line;
	char *action, *timetable, *responsible, *reason;
	int agreed; /* 1 agreed, 0 not agreed, -1 not said (taken as agreed) */
};

struct actionplan_plan {
	char *name;
	size_t n;
	struct actionplan_answer *v;
};

struct actionplan_finding {
	char *rec; /* the recommendation number, or NULL for the plan as a whole */
	const char *rule; /* "unanswered", "missing-timetable", ... */
	unsigned long line;
	char *message;
};

struct actionplan_result {
	size_t nrecs, nanswered;
	date_t draft, received, due; /* -1 when not given */
	size_t n;
	struct actionplan_finding *v;
};

/* Read the recommendations (JSON or CSV, by content); NULL with "FILE:LINE: why" in err. */
struct actionplan_recs *actionplan_recs_read(const char *path, unsigned csv_flags, char *err,
                                             size_t errsz);
void actionplan_recs_free(struct actionplan_recs *);
/* Read the plan (Markdown when it does not look like CSV); NULL with err. */
struct actionplan_plan *actionplan_plan_read(const char *path, unsigned csv_flags, char *err,
                                             size_t errsz);
void actionplan_plan_free(struct actionplan_plan *);

/* 1 when s reads as dates or periods ("by 31/03/2027", "March 2027", "within 6 months"). */
int actionplan_timetable_ok(const char *s);
/* Words in s (runs holding a letter or digit). */
size_t actionplan_words(const char *s);

/* Check the plan; draft and received may be -1 (not given: a finding). */
void actionplan_check(const struct actionplan_recs *, const struct actionplan_plan *, date_t draft,
                      date_t received, struct actionplan_result *);
void actionplan_result_free(struct actionplan_result *);
void actionplan_write_text(const struct actionplan_result *, const char *plan_name, FILE *);
void actionplan_write_csv(const struct actionplan_result *, FILE *);
json_t *actionplan_to_json(const struct actionplan_result *);
/* The acknowledgement letter (Markdown, para 6.10): a new string. */
char *actionplan_letter(const struct actionplan_result *);

/* One dated step of the monitoring (paras 6.15-6.20). */
struct actionplan_step {
	const char *key, *event;
	date_t date, until; /* until -1 for a single date */
	char *reason;
};

/*
 * The monitoring timetable from the inspection (the end of fieldwork) and,
 * when known (else -1), the final meeting. Returns the steps (free with
 * actionplan_steps_free); *problem is a new string when the final meeting
 * falls outside 12 to 18 months (else NULL).
 */
struct actionplan_step *actionplan_monitoring(const struct calendar *, date_t inspection,
                                              date_t final_meeting, size_t *n, char **problem);
void actionplan_steps_free(struct actionplan_step *, size_t n);
void actionplan_steps_csv(const struct actionplan_step *, size_t n, FILE *);
json_t *actionplan_steps_json(const struct actionplan_step *, size_t n);

#endif
