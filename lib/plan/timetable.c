/*
 * timetable.c: inspection profiles (JSON) and the dated timeline built from
 * them over a working-day calendar.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "core/datadir.h"
#include "core/jsonio.h"
#include "core/xalloc.h"
#include "plan/timetable.h"

static const char *const weekday_names[] = {"monday", "tuesday",  "wednesday", "thursday",
                                            "friday", "saturday", "sunday",    NULL};

/* A string member, or dflt. */
static const char *
jstr(const json_t *o, const char *key, const char *dflt)
{
	return jsonio_str(o, key, dflt);
}

/* An integer member, or dflt. */
static int
jint(const json_t *o, const char *key, int dflt)
{
	return (int)jsonio_int(o, key, dflt);
}

/* Parse "MM-DD" into month and day; -1 when malformed. */
static int
parse_month_day(const char *s, int *m, int *d)
{
	char tail;

	if (s == NULL || sscanf(s, "%2d-%2d%c", m, d, &tail) != 2)
		return -1;
	if (*m < 1 || *m > 12 || *d < 1 || *d > 31)
		return -1;
	return 0;
}

/* Read the blackout periods; -1 with err set on a malformed one. */
static int
load_blackouts(struct timetable_profile *p, const json_t *arr, char *err, size_t errsz)
{
	size_t i;
	json_t *b;

	p->nblackouts = json_array_size(arr);
	p->blackouts = xcalloc(p->nblackouts + 1, sizeof *p->blackouts);
	json_array_foreach(arr, i, b)
	{
		struct timetable_blackout *bo = &p->blackouts[i];

		bo->name = jstr(b, "name", "blackout");
		if (parse_month_day(jstr(b, "from", NULL), &bo->from_month, &bo->from_day) == -1 ||
		    parse_month_day(jstr(b, "to", NULL), &bo->to_month, &bo->to_day) == -1) {
			snprintf(err, errsz, "blackout %zu: from and to must be MM-DD", i + 1);
			return -1;
		}
	}
	return 0;
}

/* Read the visit weeks and the roster. */
static void
load_weeks_roster(struct timetable_profile *p, const json_t *root)
{
	const json_t *arr;
	json_t *o;
	size_t i;

	arr = json_object_get(root, "visit_weeks");
	p->nweeks = json_array_size(arr);
	p->weeks = xcalloc(p->nweeks + 1, sizeof *p->weeks);
	json_array_foreach(arr, i, o)
	{
		struct timetable_visit_week *w = &p->weeks[i];

		w->week = jint(o, "week", 0);
		w->areas = jint(o, "areas", 0);
		w->areas_if_seven = jint(o, "areas_if_seven", w->areas);
		w->notify_day = jint(o, "notify_day", 0);
		w->lists_day = jint(o, "lists_day", 0);
		w->from_day = jint(o, "from_day", 0);
		w->to_day = jint(o, "to_day", w->from_day);
		w->teams = json_is_true(json_object_get(o, "teams"));
	}
	arr = json_object_get(root, "roster");
	p->nroster = json_array_size(arr);
	p->roster = xcalloc(p->nroster + 1, sizeof *p->roster);
	json_array_foreach(arr, i, o)
	{
		struct timetable_roster *r = &p->roster[i];

		r->from = jint(o, "from", 0);
		r->to = jint(o, "to", r->from);
		r->lead = jstr(o, "lead", "off-site");
		r->deputy = jstr(o, "deputy", "off-site");
		r->inspector = jstr(o, "inspector", "off-site");
		r->nbc = jstr(o, "nbc", NULL);
		r->nbc_count = jint(o, "nbc_count", 0);
	}
}

/* Read the activities; -1 with err set when one is incomplete. */
static int
load_specs(struct timetable_profile *p, const json_t *arr, char *err, size_t errsz)
{
	size_t i;
	json_t *o;

	p->nspecs = json_array_size(arr);
	if (p->nspecs == 0) {
		snprintf(err, errsz, "no activities");
		return -1;
	}
	p->specs = xcalloc(p->nspecs, sizeof *p->specs);
	json_array_foreach(arr, i, o)
	{
		struct timetable_spec *s = &p->specs[i];

		s->key = jstr(o, "key", NULL);
		s->activity = jstr(o, "activity", NULL);
		s->who = jstr(o, "who", "");
		s->where = jstr(o, "where", "");
		s->time = jstr(o, "time", NULL);
		s->on_site = json_is_true(json_object_get(o, "on_site"));
		s->day = jint(o, "day", 0);
		s->to = jint(o, "to", s->day);
		s->anchor = jstr(o, "anchor", "start");
		s->unit = jstr(o, "unit", "working-days");
		s->round = jstr(o, "round", "later");
		s->offset = jint(o, "offset", 0);
		s->span = jint(o, "span", 1);
		if (s->key == NULL || s->activity == NULL) {
			snprintf(err, errsz, "activity %zu: key and activity are required", i + 1);
			return -1;
		}
		if (s->to < s->day || s->span < 1) {
			snprintf(err, errsz, "activity %s: an empty range of days", s->key);
			return -1;
		}
	}
	return 0;
}

/* Fill p from its JSON document; -1 with err set. */
static int
load_profile(struct timetable_profile *p, const json_t *root, char *err, size_t errsz)
{
	const char *wd, *num;
	const json_t *fw;

	p->name = jstr(root, "name", NULL);
	p->title = jstr(root, "title", "");
	p->start_text = jstr(root, "start", "");
	if (p->name == NULL) {
		snprintf(err, errsz, "the profile has no name");
		return -1;
	}
	wd = jstr(root, "start_weekday", "any");
	p->start_weekday = -1;
	for (int i = 0; weekday_names[i] != NULL; i++)
		if (strcmp(wd, weekday_names[i]) == 0)
			p->start_weekday = i;
	num = jstr(root, "numbering", "table");
	p->numbering = strcmp(num, "anchored") == 0 ? TIMETABLE_ANCHORED : TIMETABLE_TABLE;
	p->prep_days = jint(root, "prep_days", 0);
	fw = json_object_get(root, "fieldwork");
	p->fieldwork_from = jint(fw, "from_day", 1);
	p->fieldwork_to = jint(fw, "to_day", p->fieldwork_from);
	p->fieldwork_key = jstr(fw, "key", NULL);
	p->max_days_in_area = jint(root, "max_days_in_area", 3);
	if (load_blackouts(p, json_object_get(root, "blackouts"), err, errsz) == -1)
		return -1;
	load_weeks_roster(p, root);
	return load_specs(p, json_object_get(root, "activities"), err, errsz);
}

/* Load a profile from a JSON file. */
struct timetable_profile *
timetable_profile_load(const char *path, char *err, size_t errsz)
{
	struct timetable_profile *p;
	json_t *root;
	char why[256];

	if ((root = jsonio_load(path, err, errsz)) == NULL)
		return NULL;
	p = xcalloc(1, sizeof *p);
	p->json = root;
	if (!json_is_object(root)) {
		snprintf(err, errsz, "%s: not a JSON object", path);
		timetable_profile_free(p);
		return NULL;
	}
	if (load_profile(p, root, why, sizeof why) == -1) {
		snprintf(err, errsz, "%s: %s", path, why);
		timetable_profile_free(p);
		return NULL;
	}
	return p;
}

/* Load a profile by name from the data folder. */
struct timetable_profile *
timetable_profile_named(const char *name, char *err, size_t errsz)
{
	struct timetable_profile *p;
	char *rel, *path;

	if (name[0] == '\0' || strpbrk(name, "/\\.") != NULL) {
		snprintf(err, errsz, "%s: not a profile name", name);
		return NULL;
	}
	rel = xasprintf("profiles/%s.json", name);
	path = datadir_path(rel);
	if ((p = timetable_profile_load(path, err, errsz)) == NULL && access(path, R_OK) != 0)
		snprintf(err, errsz, "%s: no such profile (share/profiles/%s.json)", name, name);
	free(path);
	free(rel);
	return p;
}

/* Free a profile and its document. */
void
timetable_profile_free(struct timetable_profile *p)
{
	if (p == NULL)
		return;
	free(p->blackouts);
	free(p->weeks);
	free(p->roster);
	free(p->specs);
	json_decref(p->json);
	free(p);
}

/* Add a row to the timetable. */
static void
add_row(struct timetable *t, const struct timetable_spec *s, int day, date_t date, int week)
{
	struct timetable_row *r;

	t->rows = xreallocarray(t->rows, t->nrows + 1, sizeof *t->rows);
	r = &t->rows[t->nrows++];
	r->spec = s;
	r->day = day;
	r->date = date;
	r->week = week;
}

/* Add a formatted warning. */
static void
add_warning(struct timetable *t, char *msg)
{
	t->warnings = xreallocarray(t->warnings, t->nwarnings + 1, sizeof *t->warnings);
	t->warnings[t->nwarnings++] = msg;
}

/* The date of table day n: n-1 working days after the start. */
date_t
timetable_day_date(const struct timetable *t, int day)
{
	return calendar_add_working(t->cal, t->start, day - 1);
}

/*
 * The week of a date: the calendar week (Monday to Sunday) counted from the
 * start's, which is week one; so after a bank holiday shifts the days, the
 * days of one calendar week still carry one number.
 */
int
timetable_week_of(const struct timetable *t, date_t d)
{
	date_t a = d - (date_t)dates_weekday(d), b = t->start - (date_t)dates_weekday(t->start);

	return a <= b ? 1 : (int)((a - b) / 7) + 1;
}

/* Rows of a table-numbered profile. */
static void
build_table(struct timetable *t)
{
	const struct timetable_profile *p = t->profile;

	for (size_t i = 0; i < p->nspecs; i++) {
		const struct timetable_spec *s = &p->specs[i];

		for (int d = s->day; d <= s->to; d++) {
			if (d > 0) {
				add_row(t, s, d, timetable_day_date(t, d),
				        timetable_week_of(t, timetable_day_date(t, d)));
				continue;
			}
			for (int k = p->prep_days; k >= 1; k--)
				add_row(t, s, d, calendar_add_working(t->cal, t->start, -k), 1);
		}
	}
	t->fieldwork_first = timetable_day_date(t, p->fieldwork_from);
	t->fieldwork_last = timetable_day_date(t, p->fieldwork_to);
}

/* d moved by n calendar months, the day clamped to the month's length. */
static date_t
add_months(date_t d, int n)
{
	int y, m, dd;
	date_t out;

	dates_to_ymd(d, &y, &m, &dd);
	m += n;
	while (m < 1) {
		m += 12;
		y--;
	}
	while (m > 12) {
		m -= 12;
		y++;
	}
	while (dates_from_ymd(y, m, dd, &out) == -1)
		dd--;
	return out;
}

/* Move d onto a working day in the direction round names. */
static date_t
round_working(const struct calendar *cal, date_t d, const char *round)
{
	if (calendar_is_working(cal, d))
		return d;
	if (strcmp(round, "earlier") == 0)
		return calendar_add_working(cal, d, -1);
	return calendar_next_working(cal, d);
}

/* The Monday of d's week. */
static date_t
monday_of(date_t d)
{
	return d - (date_t)dates_weekday(d);
}

/* Signed working-day number of d (the start is day 1, the day before 0). */
static int
day_number(const struct timetable *t, date_t d)
{
	if (d >= t->start)
		return 1 + (int)calendar_working_between(t->cal, t->start, d);
	return 1 - (int)calendar_working_between(t->cal, d, t->start);
}

/* The last date of the rows of the activity key, or -1. */
static date_t
anchor_date(const struct timetable *t, const char *key)
{
	date_t last = -1;

	if (strcmp(key, "start") == 0)
		return t->start;
	for (size_t i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].spec->key, key) == 0 && t->rows[i].date > last)
			last = t->rows[i].date;
	return last;
}

/* Rows of an anchored profile; -1 with err set on an unknown anchor or unit. */
static int
build_anchored(struct timetable *t, char *err, size_t errsz)
{
	const struct timetable_profile *p = t->profile;
	const struct timetable_spec *fw = NULL;

	for (size_t i = 0; i < p->nspecs; i++) {
		const struct timetable_spec *s = &p->specs[i];
		date_t a = anchor_date(t, s->anchor), d;

		if (a == -1) {
			snprintf(err, errsz, "activity %s: anchor %s is not an earlier activity",
			         s->key, s->anchor);
			return -1;
		}
		if (strcmp(s->unit, "working-days") == 0)
			d = calendar_add_working(t->cal, a, s->offset);
		else if (strcmp(s->unit, "weeks") == 0)
			d = round_working(t->cal, a + 7L * s->offset, s->round);
		else if (strcmp(s->unit, "days") == 0)
			d = round_working(t->cal, a + s->offset, s->round);
		else if (strcmp(s->unit, "months") == 0)
			d = round_working(t->cal, add_months(a, s->offset), s->round);
		else {
			snprintf(err, errsz, "activity %s: unknown unit %s", s->key, s->unit);
			return -1;
		}
		for (int k = 0; k < s->span; k++) {
			date_t dk = calendar_add_working(t->cal, d, k);

			add_row(t, s, day_number(t, dk), dk,
			        (int)((monday_of(dk) - monday_of(t->start)) / 7));
		}
		if (p->fieldwork_key != NULL && strcmp(s->key, p->fieldwork_key) == 0)
			fw = s;
	}
	t->fieldwork_first = t->fieldwork_last = t->start;
	if (fw != NULL) {
		t->fieldwork_first = calendar_next_working(t->cal, t->start);
		t->fieldwork_last = anchor_date(t, fw->key);
	}
	return 0;
}

/* Order rows by date, then by their place in the profile. */
static int
row_cmp(const void *a, const void *b)
{
	const struct timetable_row *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->spec != y->spec)
		return x->spec < y->spec ? -1 : 1;
	return 0;
}

/* Warn about bank holidays inside fieldwork and dates past the calendar. */
static void
add_calendar_warnings(struct timetable *t)
{
	char a[DATES_ISO_LEN], b[DATES_ISO_LEN];
	date_t first, last;
	int y, m, d;

	for (date_t dd = t->fieldwork_first; dd <= t->fieldwork_last; dd++) {
		const char *h = calendar_holiday(t->cal, dd);

		if (h != NULL && dates_weekday(dd) < SAT)
			add_warning(t, xasprintf("bank holiday %s on %s falls inside fieldwork: "
			                         "the days after it move one working day later",
			                         h, dates_format(dd, a)));
	}
	calendar_range(t->cal, &first, &last);
	if (last == 0 || t->nrows == 0)
		return;
	dates_to_ymd(last, &y, &m, &d);
	dates_from_ymd(y, 12, 31, &last);
	if (t->rows[t->nrows - 1].date > last)
		add_warning(t, xasprintf("bank holidays are known only to %s; days up to %s "
		                         "assume none (give a newer --holidays file)",
		                         dates_format(last, a),
		                         dates_format(t->rows[t->nrows - 1].date, b)));
}

/* 0 when start can begin the profile, else a message in err. */
static int
check_start(const struct timetable_profile *p, const struct calendar *cal, date_t start, char *err,
            size_t errsz)
{
	static const char *const names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
	                                    "Friday", "Saturday", "Sunday"};
	char buf[DATES_ISO_LEN];
	const char *h;

	if (p->start_weekday >= 0 && (int)dates_weekday(start) != p->start_weekday) {
		snprintf(err, errsz, "%s is a %s: profile %s starts on a %s (%s)",
		         dates_format(start, buf), names[dates_weekday(start)], p->name,
		         names[p->start_weekday], p->start_text);
		return -1;
	}
	if ((h = calendar_holiday(cal, start)) != NULL || !calendar_is_working(cal, start)) {
		snprintf(err, errsz, "%s is not a working day%s%s", dates_format(start, buf),
		         h ? ": " : "", h ? h : "");
		return -1;
	}
	return 0;
}

/* Date every activity of the profile from start. */
struct timetable *
timetable_build(const struct timetable_profile *p, const struct calendar *cal, date_t start,
                char *err, size_t errsz)
{
	struct timetable *t;

	if (check_start(p, cal, start, err, errsz) == -1)
		return NULL;
	t = xcalloc(1, sizeof *t);
	t->profile = p;
	t->cal = cal;
	t->start = start;
	if (p->numbering == TIMETABLE_TABLE)
		build_table(t);
	else if (build_anchored(t, err, errsz) == -1) {
		timetable_free(t);
		return NULL;
	}
	qsort(t->rows, t->nrows, sizeof *t->rows, row_cmp);
	add_calendar_warnings(t);
	return t;
}

/* Free a timetable. */
void
timetable_free(struct timetable *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->nwarnings; i++)
		free(t->warnings[i]);
	free(t->warnings);
	free(t->rows);
	free(t);
}

/* The blackout period holding d, or NULL. */
const char *
timetable_blackout(const struct timetable_profile *p, date_t d)
{
	int y, m, dd, md;

	dates_to_ymd(d, &y, &m, &dd);
	md = m * 100 + dd;
	for (size_t i = 0; i < p->nblackouts; i++) {
		const struct timetable_blackout *b = &p->blackouts[i];
		int from = b->from_month * 100 + b->from_day, to = b->to_month * 100 + b->to_day;

		if (from <= to ? (md >= from && md <= to) : (md >= from || md <= to))
			return b->name;
	}
	return NULL;
}

/* The distinct on-site dates that fall in a blackout period. */
size_t
timetable_blackout_days(const struct timetable *t, date_t **days)
{
	size_t n = 0;

	*days = NULL;
	for (size_t i = 0; i < t->nrows; i++) {
		const struct timetable_row *r = &t->rows[i];

		if (!r->spec->on_site || timetable_blackout(t->profile, r->date) == NULL)
			continue;
		if (n > 0 && (*days)[n - 1] == r->date)
			continue;
		*days = xreallocarray(*days, n + 1, sizeof **days);
		(*days)[n++] = r->date;
	}
	return n;
}

/* 1 when start gives a timetable with no on-site day in a blackout. */
static int
usable_start(const struct timetable_profile *p, const struct calendar *cal, date_t start)
{
	struct timetable *t;
	date_t *days;
	size_t n;
	char err[256];

	if ((t = timetable_build(p, cal, start, err, sizeof err)) == NULL)
		return 0;
	n = timetable_blackout_days(t, &days);
	free(days);
	timetable_free(t);
	return n == 0;
}

/* The nearest usable starts either side of start. */
void
timetable_suggest(const struct timetable_profile *p, const struct calendar *cal, date_t start,
                  date_t *before, date_t *after)
{
	int step = p->start_weekday >= 0 ? 7 : 1;
	date_t base = start;

	if (p->start_weekday >= 0) /* align onto the profile's weekday */
		base = start + (((long)p->start_weekday - (long)dates_weekday(start)) % 7 + 7) % 7;
	*before = *after = -1;
	for (int k = 0; k * step <= 731 && (*before == -1 || *after == -1); k++) {
		date_t lo = base - (date_t)((k + (base > start ? 0 : 1)) * step);
		date_t hi = base + (date_t)k * step;

		if (*after == -1 && hi > start && usable_start(p, cal, hi))
			*after = hi;
		if (*before == -1 && lo < start && usable_start(p, cal, lo))
			*before = lo;
	}
}

/* The visit week whose on-site days include day. */
const struct timetable_visit_week *
timetable_visit_week(const struct timetable_profile *p, int day)
{
	for (size_t i = 0; i < p->nweeks; i++)
		if (day >= p->weeks[i].from_day && day <= p->weeks[i].to_day)
			return &p->weeks[i];
	return NULL;
}
