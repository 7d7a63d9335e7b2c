/*
 * calendar.h: working days over a bank-holiday calendar read from the
 * GOV.UK bank-holidays.json format ({"england-and-wales": {"division": ...,
 * "events": [{"title", "date", "notes", "bunting"}]}, "scotland": ...}).
 * A working day is Monday to Friday and not a bank holiday of the division.
 * A struct calendar is owned by the caller (calendar_free); the holiday
 * names it returns live as long as it does.
 */
#ifndef CALENDAR_H
#define CALENDAR_H

#include "core/dates.h"

struct calendar;

/* The divisions of the GOV.UK file, and the default file in share/. */
#define CALENDAR_ENGLAND_AND_WALES "england-and-wales"
#define CALENDAR_SCOTLAND "scotland"
#define CALENDAR_NORTHERN_IRELAND "northern-ireland"
#define CALENDAR_DEFAULT_FILE "holidays/bank-holidays.json"

/*
 * Load division ("england-and-wales", "scotland", "northern-ireland") from the
 * file at path. NULL on error with "PATH: reason" (or PATH:LINE:COL) in err.
 * A bad event is named by its 0-based index in the division's events array:
 * "PATH: england-and-wales event 3: bad date".
 */
struct calendar *calendar_load(const char *path, const char *division, char *err, size_t errsz);
/* calendar_load on the file shipped in the data folder (datadir.h). */
struct calendar *calendar_load_default(const char *division, char *err, size_t errsz);
/* A calendar with no bank holidays (weekends only). */
struct calendar *calendar_empty(void);
void calendar_free(struct calendar *);
/* Name of the bank holiday on d, or NULL. */
const char *calendar_holiday(const struct calendar *, date_t d);
int calendar_is_working(const struct calendar *, date_t d);
/* d itself when working, else the next working day after it. */
date_t calendar_next_working(const struct calendar *, date_t d);
/* d itself when working, else the last working day before it. */
date_t calendar_prev_working(const struct calendar *, date_t d);
/* The n-th working day after d (n > 0) or before d (n < 0); d when n == 0. */
date_t calendar_add_working(const struct calendar *, date_t d, long n);
/* Working days in (from, to]: 0 when to <= from. */
long calendar_working_between(const struct calendar *, date_t from, date_t to);
/* First and last dates the calendar has events for (0 when empty). */
void calendar_range(const struct calendar *, date_t *first, date_t *last);
/* Number of bank holidays, and the i-th in date order (its name; date in *d). */
size_t calendar_count(const struct calendar *);
const char *calendar_event(const struct calendar *, size_t i, date_t *d);

#endif
