/*
 * calendar.h: working days over a bank-holiday calendar read from the
 * GOV.UK bank-holidays.json format ({"england-and-wales": {"division": ...,
 * "events": [{"title", "date", "notes", "bunting"}]}, "scotland": ...}).
 * A working day is Monday to Friday and not a bank holiday of the division.
 */
#ifndef CALENDAR_H
#define CALENDAR_H

#include "dates.h"

struct calendar;

/*
 * Load division ("england-and-wales", "scotland", "northern-ireland") from the
 * file at path. NULL on error with "PATH: reason" (or PATH:LINE:COL) in err.
 */
struct calendar *calendar_load(const char *path, const char *division, char *err, size_t errsz);
/* A calendar with no bank holidays (weekends only). */
struct calendar *calendar_empty(void);
void calendar_free(struct calendar *);
/* Name of the bank holiday on d, or NULL. */
const char *calendar_holiday(const struct calendar *, date_t d);
int calendar_is_working(const struct calendar *, date_t d);
/* d itself when working, else the next working day after it. */
date_t calendar_next_working(const struct calendar *, date_t d);
/* The n-th working day after d (n > 0) or before d (n < 0); d when n == 0. */
date_t calendar_add_working(const struct calendar *, date_t d, long n);
/* Working days in (from, to]: 0 when to <= from. */
long calendar_working_between(const struct calendar *, date_t from, date_t to);
/* First and last dates the calendar has events for (0 when empty). */
void calendar_range(const struct calendar *, date_t *first, date_t *last);

#endif
