/*
 * dates.h: calendar dates as day numbers (days since 1970-01-01, proleptic
 * Gregorian), parsing ISO YYYY-MM-DD and UK DD/MM/YYYY, formatting ISO.
 */
#ifndef DATES_H
#define DATES_H

#include <stddef.h>

typedef long date_t;

#define DATES_ISO_LEN 11 /* "YYYY-MM-DD" and NUL */

enum dates_weekday { MON, TUE, WED, THU, FRI, SAT, SUN };

/* Day number of y-m-d; -1 in *ok... returns 0 on success, -1 when impossible. */
int dates_from_ymd(int y, int m, int d, date_t *out);
void dates_to_ymd(date_t, int *y, int *m, int *d);
/*
 * Parse s as YYYY-MM-DD or DD/MM/YYYY (D/M/YYYY too), surrounding spaces
 * allowed. 0 on success; -1 when unparseable or impossible (31/02/2015).
 */
int dates_parse(const char *s, date_t *out);
/* Write ISO YYYY-MM-DD into buf (DATES_ISO_LEN bytes); returns buf. */
char *dates_format(date_t, char *buf);
enum dates_weekday dates_weekday(date_t);
/* Whole years from dob to on (negative when dob is after on). */
int dates_age(date_t dob, date_t on);
/* Today's date in local time (the only place the clock is read). */
date_t dates_today(void);
/* Parse "HH:MM" (00:00..23:59) into minutes after midnight; -1 if bad. */
int dates_parse_time(const char *s);

#endif
