/*
 * cycle.c: the inspection cycle after a full inspection, date by date, each
 * with its reason, and its CSV, JSON and calendar forms.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/csvio.h"
#include "core/jsonio.h"
#include "core/keyhash.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "cycle/cycle.h"
#include "plan/ics.h"
#include "plan/icstext.h"
#include "plan/timetable.h"
#include "regime/profile.h"

#define MAX_ROWS 400 /* annual and monitoring rows over one window stay far below */

static const char *const status_names[] = {"done", "past", "due", "planned", "overdue"};

const char *
cycle_status_name(enum cycle_status s)
{
	return status_names[s];
}

date_t
cycle_add_months(date_t d, int n, int *clamped)
{
	int y, m, dd, last;
	long mm;
	date_t out;

	dates_to_ymd(d, &y, &m, &dd);
	mm = (long)y * 12 + (m - 1) + n;
	y = (int)(mm / 12);
	m = (int)(mm % 12) + 1;
	last = dates_days_in_month(y, m);
	if (clamped != NULL)
		*clamped = dd > last;
	if (dd > last)
		dd = last;
	if (dates_from_ymd(y, m, dd, &out) != 0)
		return d;
	return out;
}

/* Why d is no day for an inspection event (static or the calendar's), or NULL. */
static const char *
unusable(const struct cycle_input *in, date_t d, char *buf, size_t bufsz)
{
	const char *h;

	if (in->tp != NULL && (h = timetable_blackout(in->tp, d)) != NULL) {
		snprintf(buf, bufsz, "in the %s period, when no inspection takes place", h);
		return buf;
	}
	if ((h = calendar_holiday(in->cal, d)) != NULL) {
		snprintf(buf, bufsz, "a bank holiday (%s)", h);
		return buf;
	}
	if (dates_weekday(d) >= SAT) {
		snprintf(buf, bufsz, "a %s", dates_weekday_name(dates_weekday(d)));
		return buf;
	}
	return NULL;
}

/*
 * The nearest usable day from d, earlier (step -1) or later (step 1); the
 * move is explained in why ("" when d is usable).
 */
static date_t
settle(const struct cycle_input *in, date_t d, int step, struct strbuf *why)
{
	char buf[160], a[DATES_ISO_LEN], b[DATES_ISO_LEN];
	const char *first;
	date_t e = d;
	int n = 0;

	if ((first = unusable(in, d, buf, sizeof buf)) == NULL)
		return d;
	strbuf_printf(why, "; %s is %s", dates_format(d, a), first);
	while (unusable(in, e, buf, sizeof buf) != NULL && n++ < 400)
		e += step;
	strbuf_printf(why, ", so %s to %s %s", step < 0 ? "earlier" : "later",
	              dates_weekday_name(dates_weekday(e)), dates_format(e, b));
	return e;
}

static void
push(char ***v, size_t *n, char *s)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = s;
}

static struct cycle_row *
add_row(struct cycle *c, char *key, char *event, date_t date, date_t until, char *reason)
{
	struct cycle_row *r;

	c->rows = xreallocarray(c->rows, c->nrows + 1, sizeof *c->rows);
	r = &c->rows[c->nrows++];
	r->key = key;
	r->event = event;
	r->date = date;
	r->until = until;
	r->reason = reason;
	r->status = CYCLE_PLANNED;
	return r;
}

/* The status of a single date, or of a window, at as_of. */
static enum cycle_status
status_of(date_t as_of, date_t date, date_t until)
{
	if (until < 0)
		return date < as_of ? CYCLE_PAST : CYCLE_PLANNED;
	if (as_of > until)
		return CYCLE_OVERDUE;
	return as_of >= date ? CYCLE_DUE : CYCLE_PLANNED;
}

/* The cycle section's string member, or dflt. */
static const char *
src(const struct cycle_input *in, const char *key, const char *dflt)
{
	return jsonio_str(json_object_get((json_t *)in->prof->json, "cycle"), key, dflt);
}

/* " (29 February: none in YEAR, so 28 February)" when the anniversary was clamped. */
static void
clamp_note(struct strbuf *b, int clamped, date_t raw)
{
	int y, m, d;

	if (!clamped)
		return;
	dates_to_ymd(raw, &y, &m, &d);
	strbuf_printf(b, " (the day has no match in %s %d, so its last day)", dates_month_name(m),
	              y);
}

/* The window for the next full inspection; its raw end (before settling) in *raw_end. */
static void
full_window(struct cycle *c, const struct cycle_input *in, int years, date_t *raw_end, date_t *from,
            date_t *to)
{
	struct strbuf why;
	char a[DATES_ISO_LEN], b[DATES_ISO_LEN];
	int clamped;
	struct cycle_row *r;

	strbuf_init(&why);
	*raw_end = cycle_add_months(in->last, 12 * years, &clamped);
	strbuf_printf(&why, "%s: %d years from the last full inspection (%s) is %s",
	              src(in, "window_source", "framework: a 3-year window"), years,
	              dates_format(in->last, a), dates_format(*raw_end, b));
	clamp_note(&why, clamped, *raw_end);
	*to = settle(in, *raw_end, -1, &why);
	*from = settle(in, in->last + 1, 1, &why);
	r = add_row(c, xstrdup("full-inspection"),
	            xstrdup("Next full inspection of the national organisation (window)"), *from,
	            *to, strbuf_steal(&why));
	r->status = status_of(in->as_of, *from, *to);
	if (r->status == CYCLE_OVERDUE)
		push(&c->overdue, &c->noverdue,
		     xasprintf("the next full inspection is overdue: its window closed on %s (%d "
		               "years from %s)",
		               dates_format(*to, a), years, dates_format(in->last, b)));
}

/* The focused visits given, or the window for one. */
static void
focused(struct cycle *c, const struct cycle_input *in, date_t from, date_t to)
{
	char a[DATES_ISO_LEN], b[DATES_ISO_LEN];
	struct cycle_row *r;
	size_t i, done = 0;

	for (i = 0; i < in->nvisits; i++) {
		if (in->visits[i] <= in->last) {
			push(&c->notes, &c->nnotes,
			     xasprintf("--visit %s is not after the last full inspection (%s): it "
			               "belongs to the cycle before",
			               dates_format(in->visits[i], a), dates_format(in->last, b)));
			continue;
		}
		r = add_row(c, xasprintf("focused-visit-%zu", ++done),
		            xstrdup("Focused visit (letter of findings, not graded)"),
		            in->visits[i], -1,
		            xasprintf("given (--visit); %s", src(in, "focused_visit_source",
		                                                 "framework: focused visits")));
		r->status = CYCLE_DONE;
	}
	if (done > 0)
		return;
	r = add_row(c, xstrdup("focused-visit"),
	            xstrdup("Focused visit (letter of findings, not graded): at least one"), from,
	            to,
	            xasprintf("%s; none since the last full inspection is given (--visit); when "
	                      "within the window is not given by any source",
	                      src(in, "focused_visit_source", "framework: focused visits")));
	r->status = status_of(in->as_of, from, to);
	if (r->status == CYCLE_OVERDUE)
		push(&c->overdue, &c->noverdue,
		     xasprintf("no focused visit since the last full inspection (%s), and its "
		               "window closed on %s",
		               dates_format(in->last, a), dates_format(to, b)));
}

/* Rows at every months from anchor, after last and before end (the raw window end). */
static void
repeating(struct cycle *c, const struct cycle_input *in, date_t anchor, int months, date_t end,
          const char *const keys[2], const char *const events[2], const char *why)
{
	char a[DATES_ISO_LEN];
	struct strbuf b;
	date_t raw, d;
	int k, n = 0, clamped, j;

	for (k = 1; k < MAX_ROWS && c->nrows < MAX_ROWS; k++) {
		raw = cycle_add_months(anchor, k * months, &clamped);
		if (raw >= end)
			break;
		if (raw <= in->last)
			continue;
		n++;
		for (j = 0; j < 2 && keys[j] != NULL; j++) {
			strbuf_init(&b);
			strbuf_printf(&b, "%s; %s is %d month%s from %s", why, dates_format(raw, a),
			              k * months, k * months == 1 ? "" : "s",
			              anchor == in->last ? "the last full inspection"
			                                 : "--annual-from");
			clamp_note(&b, clamped, raw);
			d = settle(in, raw, -1, &b);
			add_row(c, xasprintf("%s-%d", keys[j], n), xasprintf("%s %d", events[j], n),
			        d, -1, strbuf_steal(&b))
			    ->status = status_of(in->as_of, d, -1);
		}
	}
}

/* The judgements graded inadequate ("leadership, public-law"), or NULL. */
static char *
inadequate_list(const struct cycle_input *in)
{
	struct strbuf b;
	size_t i;

	strbuf_init(&b);
	for (i = 0; i < in->ngrades; i++)
		if (in->grades[i].inadequate)
			strbuf_printf(&b, "%s%s", b.len > 0 ? ", " : "", in->grades[i].judgement);
	return b.len > 0 ? strbuf_steal(&b) : NULL;
}

/* Every judgement of the profile graded once, none outside it; -1 with err. */
static int
check_grades(const struct cycle_input *in, char *err, size_t errsz)
{
	char *set = profile_judgement_list(in->prof);
	size_t i, k;
	int rc = 0;

	for (i = 0; i < in->ngrades && rc == 0; i++) {
		if (profile_judgement_index(in->prof, in->grades[i].judgement) < 0) {
			snprintf(err, errsz, "--grade: %s is not a judgement of profile %s (%s)",
			         in->grades[i].judgement, in->prof->name, set);
			rc = -1;
		}
		for (k = 0; k < i && rc == 0; k++)
			if (text_label_same(in->grades[k].judgement, in->grades[i].judgement)) {
				snprintf(err, errsz, "--grade: %s is graded twice",
				         in->grades[i].judgement);
				rc = -1;
			}
	}
	for (i = 0; i < in->prof->njudgements && rc == 0; i++) {
		for (k = 0; k < in->ngrades; k++)
			if (text_label_same(in->grades[k].judgement, in->prof->judgements[i].id))
				break;
		if (k == in->ngrades) {
			snprintf(err, errsz,
			         "--grade: no grade for %s (the last full inspection's grades: "
			         "profile %s judges %s)",
			         in->prof->judgements[i].id, in->prof->name, set);
			rc = -1;
		}
	}
	free(set);
	return rc;
}

static int
cmp_rows(const void *pa, const void *pb)
{
	const struct cycle_row *a = pa, *b = pb;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return strcmp(a->key, b->key);
}

/* The monitoring visits when a judgement was inadequate; -1 with err. */
static int
monitoring(struct cycle *c, const struct cycle_input *in, date_t end, char *err, size_t errsz)
{
	static const char *const keys[2] = {"monitoring-visit", NULL};
	char *bad = inadequate_list(in), *event, *why;
	const char *events[2];

	if (bad == NULL) {
		if (in->monitoring_months > 0)
			push(
			    &c->notes, &c->nnotes,
			    xstrdup("--monitoring-every is not used: no judgement of the last full "
			            "inspection was inadequate"));
		return 0;
	}
	if (in->monitoring_months <= 0) {
		snprintf(
		    err, errsz,
		    "the last full inspection judged %s inadequate, so monitoring visits "
		    "follow, and no source gives their spacing: give --monitoring-every MONTHS",
		    bad);
		free(bad);
		return -1;
	}
	event = xasprintf("Monitoring visit (judged inadequate: %s)", bad);
	why = xasprintf("%s; every %d months (--monitoring-every: the user's, as no source gives "
	                "it)",
	                src(in, "monitoring_source", "framework: monitoring visits"),
	                in->monitoring_months);
	events[0] = event;
	events[1] = NULL;
	repeating(c, in, in->last, in->monitoring_months, end, keys, events, why);
	push(&c->notes, &c->nnotes,
	     xasprintf("monitoring visits every %d months: the spacing is yours "
	               "(--monitoring-every), as no source gives it",
	               in->monitoring_months));
	free(event);
	free(why);
	free(bad);
	return 0;
}

/* Name the dates the holidays file does not reach: their bank holidays are unknown. */
static void
unchecked(struct cycle *c, const struct cycle_input *in)
{
	char a[DATES_ISO_LEN], b[DATES_ISO_LEN], x[DATES_ISO_LEN];
	date_t first, last, d;
	size_t i, n = 0;

	int y, m, dd;

	calendar_range(in->cal, &first, &last);
	dates_to_ymd(first, &y, &m, &dd); /* the file lists every holiday of its years */
	dates_from_ymd(y, 1, 1, &first);
	dates_to_ymd(last, &y, &m, &dd);
	dates_from_ymd(y, 12, 31, &last);
	for (i = 0; i < c->nrows; i++) {
		d = c->rows[i].until >= 0 ? c->rows[i].until : c->rows[i].date;
		if (d >= first && d <= last && c->rows[i].date >= first)
			continue;
		if (n++ == 0)
			push(&c->unchecked, &c->nunchecked,
			     xasprintf(
			         "the holidays file covers %s to %s: %s (%s) and any later date "
			         "are checked for weekends and blackout periods only (give "
			         "--holidays with a newer GOV.UK bank-holidays.json)",
			         dates_format(first, a), dates_format(last, b), c->rows[i].key,
			         dates_format(d, x)));
	}
}

int
cycle_build(const struct cycle_input *in, struct cycle **out, char *err, size_t errsz)
{
	static const char *const annual_keys[2] = {"self-evaluation", "engagement-meeting"};
	static const char *const annual_events[2] = {
	    "Self-evaluation of frontline practice shared with Ofsted, year",
	    "Annual engagement meeting (Ofsted, the chief executive and senior leaders), year"};
	const json_t *cyc = json_object_get((json_t *)in->prof->json, "cycle");
	struct cycle *c;
	date_t end, from, to;
	char *why;
	int years = (int)jsonio_int(cyc, "window_years", 0);

	*out = NULL;
	if (cyc == NULL || years <= 0) {
		snprintf(err, errsz,
		         "profile %s has no inspection cycle (framework-2021 has: its full "
		         "inspections, focused visits and annual engagement)",
		         in->prof->name);
		return -1;
	}
	if (in->as_of < in->last) {
		snprintf(err, errsz, "--as-of is before the last full inspection (--last)");
		return -1;
	}
	if (check_grades(in, err, errsz) != 0)
		return -1;
	c = xcalloc(1, sizeof *c);
	c->last = in->last;
	c->as_of = in->as_of;
	c->profile = in->prof->name;
	full_window(c, in, years, &end, &from, &to);
	focused(c, in, from, to);
	why = xasprintf("%s; no source gives the month: the anniversary is used",
	                src(in, "annual_source", "framework: every year"));
	repeating(c, in, in->annual_from, 12, end, annual_keys, annual_events, why);
	free(why);
	if (monitoring(c, in, end, err, errsz) != 0) {
		cycle_free(c);
		return -1;
	}
	qsort(c->rows, c->nrows, sizeof *c->rows, cmp_rows);
	unchecked(c, in);
	*out = c;
	return 0;
}

void
cycle_free(struct cycle *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nrows; i++) {
		free(c->rows[i].key);
		free(c->rows[i].event);
		free(c->rows[i].reason);
	}
	for (i = 0; i < c->noverdue; i++)
		free(c->overdue[i]);
	for (i = 0; i < c->nnotes; i++)
		free(c->notes[i]);
	for (i = 0; i < c->nunchecked; i++)
		free(c->unchecked[i]);
	free(c->unchecked);
	free(c->rows);
	free(c->overdue);
	free(c->notes);
	free(c);
}

void
cycle_write_csv(const struct cycle *c, FILE *fp)
{
	static const char *const head[] = {"date", "until", "event", "status", "reason"};
	char a[DATES_ISO_LEN], b[DATES_ISO_LEN];
	size_t i;

	csvio_write_row(fp, head, 5);
	for (i = 0; i < c->nrows; i++) {
		const struct cycle_row *r = &c->rows[i];
		const char *f[5] = {dates_format(r->date, a),
		                    r->until >= 0 ? dates_format(r->until, b) : "", r->event,
		                    cycle_status_name(r->status), r->reason};

		csvio_write_row(fp, f, 5);
	}
}

static json_t *
jdate(date_t d)
{
	char a[DATES_ISO_LEN];

	return json_string(dates_format(d, a));
}

static json_t *
jstrings(char **v, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

json_t *
cycle_to_json(const struct cycle *c)
{
	json_t *root = json_object(), *rows = json_array(), *o;
	size_t i;

	json_object_set_new(root, "profile", json_string(c->profile));
	json_object_set_new(root, "last_inspection", jdate(c->last));
	json_object_set_new(root, "as_of", jdate(c->as_of));
	for (i = 0; i < c->nrows; i++) {
		const struct cycle_row *r = &c->rows[i];

		o = json_object();
		json_object_set_new(o, "key", json_string(r->key));
		json_object_set_new(o, "event", json_string(r->event));
		json_object_set_new(o, "date", jdate(r->date));
		json_object_set_new(o, "until", r->until >= 0 ? jdate(r->until) : json_null());
		json_object_set_new(o, "status", json_string(cycle_status_name(r->status)));
		json_object_set_new(o, "reason", json_string(r->reason));
		json_array_append_new(rows, o);
	}
	json_object_set_new(root, "rows", rows);
	json_object_set_new(root, "overdue", jstrings(c->overdue, c->noverdue));
	json_object_set_new(root, "notes", jstrings(c->notes, c->nnotes));
	json_object_set_new(root, "unchecked", jstrings(c->unchecked, c->nunchecked));
	return root;
}

void
cycle_ics_build(struct icstext *cal, const struct cycle *c)
{
	char a[DATES_ISO_LEN], uid[64], *summary;
	uint64_t seed;

	icstext_init(cal, "plan-cycle");
	seed = ics_hash(ics_hash(KEYHASH_FNV_BASIS, c->profile), dates_format(c->last, a));
	for (size_t i = 0; i < c->nrows; i++) {
		const struct cycle_row *r = &c->rows[i];
		date_t d = r->until >= 0 ? r->until : r->date;

		snprintf(uid, sizeof uid, "cycle-%016llx@cafcass-inspect",
		         (unsigned long long)ics_hash(ics_hash(seed, "|"), r->key));
		summary = r->until >= 0 ? xasprintf("%s: the window closes", r->event)
		                        : xstrdup(r->event);
		icstext_add(cal, ICSTEXT_BEGIN, "VEVENT", NULL);
		icstext_add(cal, ICSTEXT_TEXT, "UID", uid);
		icstext_add_day(cal, ICSTEXT_UTC, "DTSTAMP", c->last, 0);
		icstext_add_day(cal, ICSTEXT_DATE, "DTSTART", d, 0);
		icstext_add_day(cal, ICSTEXT_DATE, "DTEND", d + 1, 0);
		icstext_add(cal, ICSTEXT_WORD, "TRANSP", "TRANSPARENT");
		icstext_add(cal, ICSTEXT_TEXT, "SUMMARY", summary);
		icstext_add(cal, ICSTEXT_TEXT, "DESCRIPTION", r->reason);
		icstext_add(cal, ICSTEXT_LIST, "CATEGORIES", cycle_status_name(r->status));
		icstext_add(cal, ICSTEXT_END, "VEVENT", NULL);
		free(summary);
	}
}

char *
cycle_ics(const struct cycle *c)
{
	struct icstext cal;
	char *text;

	cycle_ics_build(&cal, c);
	text = icstext_string(&cal);
	icstext_free(&cal);
	return text;
}
