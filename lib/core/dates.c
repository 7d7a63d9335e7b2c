/*
 * dates.c: day numbers from and to civil dates (Howard Hinnant's
 * days_from_civil / civil_from_days, proleptic Gregorian), strict parsing of
 * ISO and UK dates, ISO formatting, weekdays, ages and HH:MM times.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/dates.h"

static const char *const weekday_names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};
static const char *const weekday_abbrs[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
static const char *const month_names[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};

/* Floor division for possibly negative numerators. */
static long
floordiv(long a, long b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* 1 when y is a Gregorian leap year. */
int
dates_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m of year y, 0 for a month outside 1..12. */
int
dates_days_in_month(int y, int m)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && dates_is_leap(y) ? 29 : mdays[m - 1];
}

/* Day number of a valid civil date (days_from_civil). */
static date_t
civil_to_days(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = floordiv(y, 400);
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Day number of y-m-d into *out; -1 when the date does not exist. */
int
dates_from_ymd(int y, int m, int d, date_t *out)
{
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > dates_days_in_month(y, m))
		return -1;
	*out = civil_to_days(y, m, d);
	return 0;
}

/* Civil date of day number z (civil_from_days). */
void
dates_to_ymd(date_t z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp, yy;

	z += 719468;
	era = floordiv(z, 146097);
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	yy = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

/* Read between min and max decimal digits at *sp into *val; -1 otherwise. */
static int
digits(const char **sp, int min, int max, int *val)
{
	const char *s = *sp;
	int n = 0, v = 0;

	while (n < max && s[n] >= '0' && s[n] <= '9') {
		v = v * 10 + (s[n] - '0');
		n++;
	}
	if (n < min || (s[n] >= '0' && s[n] <= '9'))
		return -1;
	*sp = s + n;
	*val = v;
	return 0;
}

/* Skip a midnight time as Excel appends it: " 00:00" or " 00:00:00". */
static const char *
skip_midnight(const char *s)
{
	if (strncmp(s, " 00:00:00", 9) == 0)
		return s + 9;
	if (strncmp(s, " 00:00", 6) == 0 && (s[6] < '0' || s[6] > '9') && s[6] != ':')
		return s + 6;
	return s;
}

/* Skip spaces and tabs. */
static const char *
skip_blank(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

/* Read YYYY-MM-DD at *sp, advancing past it. */
static int
scan_iso(const char **sp, int *y, int *m, int *d)
{
	const char *s = *sp;

	if (digits(&s, 4, 4, y) == -1 || *s++ != '-' || digits(&s, 2, 2, m) == -1 || *s++ != '-' ||
	    digits(&s, 2, 2, d) == -1)
		return -1;
	*sp = s;
	return 0;
}

/* Read D/M/YYYY or DD/MM/YYYY at *sp, advancing past it. */
static int
scan_uk(const char **sp, int *y, int *m, int *d)
{
	const char *s = *sp;

	if (digits(&s, 1, 2, d) == -1 || *s++ != '/' || digits(&s, 1, 2, m) == -1 || *s++ != '/' ||
	    digits(&s, 4, 4, y) == -1)
		return -1;
	*sp = s;
	return 0;
}

enum parse_result { PARSE_OK, PARSE_FORM, PARSE_DAY, PARSE_RANGE };

/* Check a scanned y-m-d and make it a day number. */
static enum parse_result
checked(int y, int m, int d, date_t *out)
{
	date_t t;

	if (dates_from_ymd(y, m, d, &t) == -1)
		return y == 0 || y > 9999 ? PARSE_RANGE : PARSE_DAY;
	if (y < DATES_YEAR_FIRST || y > DATES_YEAR_LAST)
		return PARSE_RANGE;
	*out = t;
	return PARSE_OK;
}

_Static_assert(DATES_YEAR_FIRST == 1900 && DATES_YEAR_LAST == 2199,
               "dates_error() names the supported years");

/* Parse an ISO or UK date with optional spaces and midnight time. */
static enum parse_result
parse(const char *s, date_t *out)
{
	int y, m, d;

	if (s == NULL)
		return PARSE_FORM;
	s = skip_blank(s);
	if (s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' &&
	    s[2] <= '9' && s[3] >= '0' && s[3] <= '9' && s[4] == '-') {
		if (scan_iso(&s, &y, &m, &d) == -1)
			return PARSE_FORM;
	} else if (scan_uk(&s, &y, &m, &d) == -1)
		return PARSE_FORM;
	s = skip_blank(skip_midnight(s));
	if (*s != '\0')
		return PARSE_FORM;
	return checked(y, m, d, out);
}

int
dates_parse(const char *s, date_t *out)
{
	return parse(s, out) == PARSE_OK ? 0 : -1;
}

int
dates_parse_len(const char *s, size_t len, date_t *out)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned d0, d1, m0, m1, y0, y1, y2, y3;
	int y;

	if (len == 10 && s[2] == '/' && s[5] == '/') {
		/* a byte that is not a digit gives a value above 9 (unsigned) */
		d0 = u[0] - 48u, d1 = u[1] - 48u, m0 = u[3] - 48u, m1 = u[4] - 48u;
		y0 = u[6] - 48u, y1 = u[7] - 48u, y2 = u[8] - 48u, y3 = u[9] - 48u;
		if (((d0 > 9) | (d1 > 9) | (m0 > 9) | (m1 > 9) | (y0 > 9) | (y1 > 9) | (y2 > 9) |
		     (y3 > 9)) == 0 &&
		    (y = (int)(y0 * 1000 + y1 * 100 + y2 * 10 + y3)) >= DATES_YEAR_FIRST &&
		    y <= DATES_YEAR_LAST &&
		    dates_from_ymd(y, (int)(m0 * 10 + m1), (int)(d0 * 10 + d1), out) == 0)
			return 0;
	}
	return dates_parse(s, out);
}

const char *
dates_parse_error(const char *s)
{
	date_t t;

	switch (parse(s, &t)) {
	case PARSE_OK:
		return NULL;
	case PARSE_DAY:
		return "no such day";
	case PARSE_RANGE:
		return "outside the supported years 1900 to 2199";
	default:
		return "not a date (YYYY-MM-DD or DD/MM/YYYY)";
	}
}

/* Parse exactly YYYY-MM-DD. */
int
dates_parse_iso(const char *s, date_t *out)
{
	int y, m, d;

	if (s == NULL || scan_iso(&s, &y, &m, &d) == -1 || *s != '\0')
		return -1;
	return checked(y, m, d, out) == PARSE_OK ? 0 : -1;
}

/* Format as YYYY-MM-DD into buf. */
char *
dates_format(date_t t, char *buf)
{
	int y, m, d;

	dates_to_ymd(t, &y, &m, &d);
	snprintf(buf, DATES_ISO_LEN, "%04d-%02d-%02d", y, m, d);
	return buf;
}

/* Day of the week: 1970-01-01 was a Thursday. */
enum dates_weekday
dates_weekday(date_t t)
{
	long r = (t + THU) % 7;

	return (enum dates_weekday)(r < 0 ? r + 7 : r);
}

/* English name of a weekday. */
const char *
dates_weekday_name(enum dates_weekday w)
{
	return (unsigned)w <= SUN ? weekday_names[w] : "";
}

/* Three-letter English abbreviation of a weekday. */
const char *
dates_weekday_abbr(enum dates_weekday w)
{
	return (unsigned)w <= SUN ? weekday_abbrs[w] : "";
}

/* English name of month m (1..12). */
const char *
dates_month_name(int m)
{
	return m >= 1 && m <= 12 ? month_names[m - 1] : NULL;
}

/*
 * Whole years from dob to on. Comparing (month, day) pairs makes a 29
 * February birthday fall on 1 March in common years.
 */
int
dates_age(date_t dob, date_t on)
{
	int by, bm, bd, oy, om, od, age;

	if (on < dob)
		return -dates_age(on, dob);
	dates_to_ymd(dob, &by, &bm, &bd);
	dates_to_ymd(on, &oy, &om, &od);
	age = oy - by;
	if (om < bm || (om == bm && od < bd))
		age--;
	return age;
}

/* Today in local time. */
date_t
dates_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	date_t t = 0;

	if (localtime_r(&now, &tm) == NULL ||
	    dates_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, &t) == -1)
		return 0;
	return t;
}

/* Parse H:MM or HH:MM (spaces around allowed) into minutes after midnight. */
int
dates_parse_time(const char *s)
{
	int h, m;

	if (s == NULL)
		return -1;
	s = skip_blank(s);
	if (digits(&s, 1, 2, &h) == -1 || *s++ != ':' || digits(&s, 2, 2, &m) == -1)
		return -1;
	if (*skip_blank(s) != '\0' || h > 23 || m > 59)
		return -1;
	return h * 60 + m;
}
