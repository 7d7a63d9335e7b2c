/*
 * cycle.h: the 2021 framework's inspection cycle after a full inspection
 * (profile framework-2021, its "cycle" section): the window for the next
 * full inspection (3 years), the focused visit(s) due between, the annual
 * self-evaluation and engagement meeting, and monitoring visits when the
 * last full inspection judged Cafcass inadequate, at a spacing the user
 * gives (no source gives it). Every date is a working day outside the
 * profile's blackout periods (August, Christmas and New Year), moved earlier
 * when it is not, and every row says why it falls where it does.
 *
 * Ownership: a struct cycle owns its rows and strings; it borrows nothing.
 */
#ifndef CYCLE_H
#define CYCLE_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "core/calendar.h"
#include "core/dates.h"

struct icstext;
struct profile;
struct timetable_profile;

enum cycle_status {
	CYCLE_DONE, /* happened (a focused visit given) */
	CYCLE_PAST, /* its date is before --as-of (not known to have happened) */
	CYCLE_DUE, /* a window open at --as-of */
	CYCLE_PLANNED, /* after --as-of */
	CYCLE_OVERDUE /* a deadline before --as-of that is not met */
};

struct cycle_grade {
	const char *judgement; /* the profile's id */
	int inadequate;
	const char *grade; /* as given */
};

struct cycle_input {
	const struct profile *prof; /* judgements and the "cycle" section */
	const struct timetable_profile *tp; /* its blackout periods */
	const struct calendar *cal;
	date_t last; /* the last full inspection (the day its window runs from) */
	size_t ngrades;
	const struct cycle_grade *grades;
	size_t nvisits;
	const date_t *visits; /* past focused visits */
	date_t as_of;
	date_t annual_from; /* the anchor of the annual dates (default: last) */
	int monitoring_months; /* spacing of monitoring visits; 0: not given */
};

struct cycle_row {
	char *key; /* "full-inspection", "focused-visit", "self-evaluation-1", ... */
	char *event;
	date_t date; /* the date, or the window's first day */
	date_t until; /* the window's last day, or -1 for a single date */
	enum cycle_status status;
	char *reason;
};

struct cycle {
	size_t nrows;
	struct cycle_row *rows; /* sorted by date, then key */
	size_t noverdue, nnotes, nunchecked;
	char **overdue; /* "the next full inspection was due by ..." */
	char **unchecked; /* dates the holidays file does not reach (exit 1) */
	char **notes; /* what the user gave that no source gives, etc. */
	date_t last, as_of;
	const char *profile;
};

/* Build the cycle; -1 with err set when the input is unusable (exit 2). */
int cycle_build(const struct cycle_input *, struct cycle **, char *err, size_t errsz);
void cycle_free(struct cycle *);
/* "done", "past", "due", "planned", "overdue". */
const char *cycle_status_name(enum cycle_status);
/* date,until,event,status,reason (CSV, header first). */
void cycle_write_csv(const struct cycle *, FILE *);
/* The document of share/schemas/plan-cycle.schema.json. */
json_t *cycle_to_json(const struct cycle *);
/* An RFC 5545 calendar (a new string, written by plan/icstext): one all-day
 * event per row, on its date or, for a window, on its last day. */
char *cycle_ics(const struct cycle *);
/* The same calendar as properties, in cal (icstext_free it). */
void cycle_ics_build(struct icstext *cal, const struct cycle *);
/* d plus n months (n may be negative), the day clamped to the month's last
 * (29 February plus a year is 28 February); *clamped set when it was. */
date_t cycle_add_months(date_t d, int n, int *clamped);

#endif
