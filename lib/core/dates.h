/*
 * dates.h: calendar dates as day numbers (days since 1970-01-01, proleptic
 * Gregorian, years 1 to 9999), parsing ISO YYYY-MM-DD and UK DD/MM/YYYY,
 * formatting ISO. A date_t is a plain number: d + 1 is the next day.
 * Nothing here allocates; strings returned are static or the caller's buffer.
 */
#ifndef DATES_H
#define DATES_H

#include <stddef.h>

typedef long date_t;

#define DATES_ISO_LEN 11 /* "YYYY-MM-DD" and NUL */
#define DATES_MIN (-719162L) /* 0001-01-01 */
#define DATES_MAX 2932896L /* 9999-12-31 */
/*
 * The years a date read from input or a command line may fall in: wide
 * enough for any date of birth of a child in care or any inspection, narrow
 * enough that every date computed from one still has four digits.
 */
#define DATES_YEAR_FIRST 1900
#define DATES_YEAR_LAST 2199

enum dates_weekday { MON, TUE, WED, THU, FRI, SAT, SUN };

/* Day number of y-m-d into *out; 0 on success, -1 when impossible. */
int dates_from_ymd(int y, int m, int d, date_t *out);
void dates_to_ymd(date_t, int *y, int *m, int *d);
/*
 * Parse s as YYYY-MM-DD or DD/MM/YYYY (D/M/YYYY too), surrounding spaces
 * allowed. 0 on success; -1 when unparseable, impossible (31/02/2015) or
 * outside the supported years DATES_YEAR_FIRST to DATES_YEAR_LAST.
 * A trailing midnight time as Excel writes it (" 00:00", " 00:00:00") is
 * accepted; any other time, a 2-digit year or trailing text is not.
 */
int dates_parse(const char *s, date_t *out);
/*
 * dates_parse() of s, whose length is len (s ends there with a NUL): the
 * same answer, with DD/MM/YYYY of a supported year read without the
 * general parser (the usual form of a million-row extract's dates).
 */
int dates_parse_len(const char *s, size_t len, date_t *out);
/* Strict ISO YYYY-MM-DD and nothing else (no spaces, no time); same years. */
int dates_parse_iso(const char *s, date_t *out);
/*
 * Why s is not a date dates_parse() accepts, as a fixed phrase ("not a date
 * (YYYY-MM-DD or DD/MM/YYYY)", "no such day", "outside the supported years
 * 1900 to 2199"); NULL when it is one. Quotes nothing of s.
 */
const char *dates_parse_error(const char *s);
/* Write ISO YYYY-MM-DD into buf (DATES_ISO_LEN bytes); returns buf. */
char *dates_format(date_t, char *buf);
enum dates_weekday dates_weekday(date_t);
/* "Monday".."Sunday" and "Mon".."Sun" (static strings). */
const char *dates_weekday_name(enum dates_weekday);
const char *dates_weekday_abbr(enum dates_weekday);
/* "January".."December" for m 1..12, NULL otherwise (static strings). */
const char *dates_month_name(int m);
int dates_is_leap(int y);
/* Days in month m of year y (0 when m is not 1..12). */
int dates_days_in_month(int y, int m);
/* Whole years from dob to on (negative when dob is after on). */
int dates_age(date_t dob, date_t on);
/* Today's date in local time (the only place the clock is read). */
date_t dates_today(void);
/* Parse "HH:MM" or "H:MM" (00:00..23:59, spaces around allowed) into
 * minutes after midnight; -1 if bad. */
int dates_parse_time(const char *s);

#endif
