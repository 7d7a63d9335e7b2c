/*
 * calendar.c: bank holidays of one division of a GOV.UK bank-holidays.json
 * file, kept sorted by date, and working-day arithmetic over them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/calendar.h"
#include "core/datadir.h"
#include "core/jsonio.h"
#include "core/jsonpool.h"
#include "core/xalloc.h"

struct holiday {
	date_t date;
	char *title;
};

struct calendar {
	struct holiday *days; /* sorted by date, no two on one date */
	size_t n;
};

/* printf into the caller's error buffer, when there is one. */
static void __attribute__((format(printf, 3, 4)))
seterr(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errsz == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errsz, fmt, ap);
	va_end(ap);
}

/* Order holidays by date. */
static int
holiday_cmp(const void *a, const void *b)
{
	const struct holiday *x = a, *y = b;

	return x->date < y->date ? -1 : x->date > y->date;
}

/* A calendar with no bank holidays. */
struct calendar *
calendar_empty(void)
{
	return xcalloc(1, sizeof(struct calendar));
}

/* Free a calendar and its names. */
void
calendar_free(struct calendar *cal)
{
	size_t i;

	if (cal == NULL)
		return;
	for (i = 0; i < cal->n; i++)
		free(cal->days[i].title);
	free(cal->days);
	free(cal);
}

/* Sort the holidays and drop repeats of a date (the first title wins). */
static void
sort_unique(struct calendar *cal)
{
	size_t i, j;

	if (cal->n == 0)
		return;
	qsort(cal->days, cal->n, sizeof *cal->days, holiday_cmp);
	for (i = 1, j = 0; i < cal->n; i++) {
		if (cal->days[i].date == cal->days[j].date)
			free(cal->days[i].title);
		else
			cal->days[++j] = cal->days[i];
	}
	cal->n = j + 1;
}

/* Read one event object into h; -1 with a message naming the event. */
static int
read_event(const json_t *ev, struct holiday *h, const char *path, const char *division, size_t idx,
           char *err, size_t errsz)
{
	const char *date, *title;

	if (!json_is_object(ev)) {
		seterr(err, errsz, "%s: %s event %zu: not an object", path, division, idx);
		return -1;
	}
	date = jsonio_str(ev, "date", NULL);
	if (date == NULL || dates_parse_iso(date, &h->date) == -1) {
		seterr(err, errsz, "%s: %s event %zu: bad date", path, division, idx);
		return -1;
	}
	title = jsonio_str(ev, "title", NULL);
	if (title == NULL || *title == '\0') {
		seterr(err, errsz, "%s: %s event %zu: no title", path, division, idx);
		return -1;
	}
	h->title = xstrdup(title);
	return 0;
}

/* Build a calendar from the events array of a division. */
static struct calendar *
from_events(const json_t *events, const char *path, const char *division, char *err, size_t errsz)
{
	struct calendar *cal;
	size_t i, n = json_array_size(events);

	cal = calendar_empty();
	cal->days = xreallocarray(NULL, n ? n : 1, sizeof *cal->days);
	for (i = 0; i < n; i++) {
		if (read_event(json_array_get(events, i), &cal->days[cal->n], path, division, i,
		               err, errsz) == -1) {
			calendar_free(cal);
			return NULL;
		}
		cal->n++;
	}
	sort_unique(cal);
	return cal;
}

/* Load one division of a GOV.UK bank-holidays.json file. */
struct calendar *
calendar_load(const char *path, const char *division, char *err, size_t errsz)
{
	json_t *root, *div, *events;
	struct calendar *cal = NULL;
	char jerr[1024];
	int pooled;

	if (division == NULL)
		division = CALENDAR_ENGLAND_AND_WALES;
	pooled = jsonpool_begin(); /* the tree is dropped at once: the dates are copied out */
	if ((root = jsonio_load(path, jerr, sizeof jerr)) == NULL) {
		jsonpool_end(pooled, NULL);
		seterr(err, errsz, "%s", jerr);
		return NULL;
	}
	if (!json_is_object(root))
		seterr(err, errsz, "%s: not a bank-holidays object", path);
	else if ((div = json_object_get(root, division)) == NULL)
		seterr(err, errsz, "%s: unknown division %s", path, division);
	else if (!json_is_object(div) || !json_is_array(events = json_object_get(div, "events")))
		seterr(err, errsz, "%s: %s: no events array", path, division);
	else
		cal = from_events(events, path, division, err, errsz);
	jsonpool_end(pooled, root);
	return cal;
}

/* Load a division from the bank holidays shipped in share/. */
struct calendar *
calendar_load_default(const char *division, char *err, size_t errsz)
{
	struct calendar *cal;
	char *path = datadir_path(CALENDAR_DEFAULT_FILE);

	cal = calendar_load(path, division, err, errsz);
	free(path);
	return cal;
}

/* Index of the first holiday on or after d (cal->n when none). */
static size_t
lower_bound(const struct calendar *cal, date_t d)
{
	size_t lo = 0, hi = cal->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cal->days[mid].date < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The name of the bank holiday on d, or NULL. */
const char *
calendar_holiday(const struct calendar *cal, date_t d)
{
	size_t i = lower_bound(cal, d);

	return i < cal->n && cal->days[i].date == d ? cal->days[i].title : NULL;
}

/* 1 when d is Monday to Friday and not a bank holiday. */
int
calendar_is_working(const struct calendar *cal, date_t d)
{
	return dates_weekday(d) < SAT && calendar_holiday(cal, d) == NULL;
}

/* d, or the first working day after it. */
date_t
calendar_next_working(const struct calendar *cal, date_t d)
{
	while (!calendar_is_working(cal, d))
		d++;
	return d;
}

/* d, or the last working day before it. */
date_t
calendar_prev_working(const struct calendar *cal, date_t d)
{
	while (!calendar_is_working(cal, d))
		d--;
	return d;
}

/* Step |n| working days forwards (n > 0) or backwards (n < 0) from d. */
date_t
calendar_add_working(const struct calendar *cal, date_t d, long n)
{
	long step = n < 0 ? -1 : 1;

	while (n != 0) {
		d += step;
		if (calendar_is_working(cal, d))
			n -= step;
	}
	return d;
}

/* Monday-to-Friday days in (a fixed Sunday, d], counted arithmetically. */
static long
weekdays_upto(date_t d)
{
	/* 1970-01-05 (day 4) was a Monday. */
	long k = d - 4, w, r;

	w = k >= 0 ? k / 7 : -((-k + 6) / 7);
	r = k - 7 * w;
	return 5 * w + (r + 1 < 5 ? r + 1 : 5);
}

/* Working days in (from, to]: weekdays less the weekday holidays among them. */
long
calendar_working_between(const struct calendar *cal, date_t from, date_t to)
{
	long n;
	size_t i;

	if (to <= from)
		return 0;
	n = weekdays_upto(to) - weekdays_upto(from);
	for (i = lower_bound(cal, from + 1); i < cal->n && cal->days[i].date <= to; i++)
		if (dates_weekday(cal->days[i].date) < SAT)
			n--;
	return n;
}

/* First and last holiday dates, 0 and 0 for an empty calendar. */
void
calendar_range(const struct calendar *cal, date_t *first, date_t *last)
{
	*first = cal->n ? cal->days[0].date : 0;
	*last = cal->n ? cal->days[cal->n - 1].date : 0;
}

/* How many bank holidays the calendar holds. */
size_t
calendar_count(const struct calendar *cal)
{
	return cal->n;
}

/* The i-th holiday in date order: its name, its date in *d (NULL past the end). */
const char *
calendar_event(const struct calendar *cal, size_t i, date_t *d)
{
	if (i >= cal->n)
		return NULL;
	if (d != NULL)
		*d = cal->days[i].date;
	return cal->days[i].title;
}
