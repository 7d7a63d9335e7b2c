/*
 * timetable.h: an inspection profile (share/profiles/NAME.json) turned into
 * dated activities. A profile either numbers working days as the handbook's
 * timeframe table does ("table": day 1 is the start, day 0 the preparation
 * days before it) or places milestones relative to anchors ("anchored":
 * weeks, months or working days before or after the start or an earlier
 * milestone). Working days come from a calendar (calendar.h); a bank
 * holiday inside fieldwork shifts the days and is recorded as a warning.
 *
 * Ownership: a profile owns its strings; a timetable owns its rows and
 * warnings and points into the profile it was built from, which must
 * outlive it.
 */
#ifndef TIMETABLE_H
#define TIMETABLE_H

#include <stddef.h>

#include "core/calendar.h"
#include "core/dates.h"

enum timetable_numbering { TIMETABLE_TABLE, TIMETABLE_ANCHORED };

/* Where each role is on a range of table days ("@visit": the area visited). */
struct timetable_roster {
	int from, to;
	const char *lead, *deputy, *inspector;
	const char *nbc; /* NULL, or where nbc_count inspectors go instead */
	int nbc_count;
};

/* An on-site week in which service areas are visited. */
struct timetable_visit_week {
	int week;
	int areas; /* areas visited with 8 visits */
	int areas_if_seven; /* with 7 visits */
	int notify_day, lists_day, from_day, to_day;
	int teams; /* 1: three teams of three; 0: the whole team */
};

struct timetable_blackout {
	const char *name;
	int from_month, from_day, to_month, to_day; /* may wrap over the new year */
};

/* One activity of the profile (a range of days, or an anchored milestone). */
struct timetable_spec {
	const char *key, *activity, *who, *where, *time;
	int on_site;
	int day, to; /* table numbering (weeks: days 0-1 are week one, then five a week) */
	const char *anchor, *unit, *round; /* anchored numbering */
	int offset, span;
};

struct timetable_profile {
	void *json; /* the document the strings point into */
	const char *name, *title, *start_text;
	int start_weekday; /* enum dates_weekday, or -1 for any working day */
	enum timetable_numbering numbering;
	int prep_days;
	int fieldwork_from, fieldwork_to; /* table days */
	const char *fieldwork_key; /* anchored: the fieldwork activity */
	int max_days_in_area;
	size_t nblackouts, nweeks, nroster, nspecs;
	struct timetable_blackout *blackouts;
	struct timetable_visit_week *weeks;
	struct timetable_roster *roster;
	struct timetable_spec *specs;
};

/* One dated activity: a row of the timeline. */
struct timetable_row {
	int day; /* working day number (1 = the start) */
	date_t date;
	int week;
	const struct timetable_spec *spec;
};

struct timetable {
	const struct timetable_profile *profile;
	const struct calendar *cal;
	date_t start;
	date_t fieldwork_first, fieldwork_last;
	size_t nrows;
	struct timetable_row *rows; /* sorted by date, then profile order */
	size_t nwarnings;
	char **warnings;
};

/* Load a profile; NULL with "PATH: reason" in err. */
struct timetable_profile *timetable_profile_load(const char *path, char *err, size_t errsz);
/* Load share/profiles/NAME.json; an unknown name is an error. */
struct timetable_profile *timetable_profile_named(const char *name, char *err, size_t errsz);
void timetable_profile_free(struct timetable_profile *);

/*
 * Build the timetable from start. NULL with a message in err when the start
 * is unusable (not the profile's weekday, or not a working day).
 */
struct timetable *timetable_build(const struct timetable_profile *, const struct calendar *,
                                  date_t start, char *err, size_t errsz);
void timetable_free(struct timetable *);
/* The week of d: its calendar week (Monday to Sunday) counted from the start's (week 1). */
int timetable_week_of(const struct timetable *, date_t d);
/* Date of table day n (n >= 1; 0 is the working day before the start). */
date_t timetable_day_date(const struct timetable *, int day);
/* Name of the profile's blackout period containing d, or NULL. */
const char *timetable_blackout(const struct timetable_profile *, date_t d);
/*
 * The on-site dates that fall in a blackout period: a new array in *days
 * (free it), the count returned.
 */
size_t timetable_blackout_days(const struct timetable *, date_t **days);
/*
 * The nearest usable starts before and after start (the profile's weekday,
 * a working day, no on-site day in a blackout), searched up to two years
 * each way; -1 where none is found.
 */
void timetable_suggest(const struct timetable_profile *, const struct calendar *, date_t start,
                       date_t *before, date_t *after);
/* The visit week that holds table day n, or NULL. */
const struct timetable_visit_week *timetable_visit_week(const struct timetable_profile *, int day);

#endif
