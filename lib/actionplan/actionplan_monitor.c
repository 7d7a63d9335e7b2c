/*
 * actionplan_monitor.c: the timetable of monitoring the action plan (MCSI
 * guidelines 2002, paras 6.15-6.20): 12 to 18 months after the inspection,
 * a final meeting, the management letter's draft within four weeks of it,
 * comments within two weeks, the final letter two weeks later. Dates that
 * fall on a weekend or bank holiday move to the working day before.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actionplan/actionplan.h"
#include "core/csvio.h"
#include "core/xalloc.h"
#include "cycle/cycle.h"

/* The working day on or before d (a deadline), with the move told in note. */
static date_t
by(const struct calendar *cal, date_t d, char *note, size_t notesz)
{
	char a[DATES_ISO_LEN], b[DATES_ISO_LEN];
	date_t e = calendar_is_working(cal, d) ? d : calendar_prev_working(cal, d);

	note[0] = '\0';
	if (e != d)
		snprintf(note, notesz, "; %s is not a working day, so %s", dates_format(d, a),
		         dates_format(e, b));
	return e;
}

static void
step(struct actionplan_step **v, size_t *n, const char *key, const char *event, date_t date,
     date_t until, char *reason)
{
	struct actionplan_step *s;

	*v = xreallocarray(*v, *n + 1, sizeof **v);
	s = &(*v)[(*n)++];
	s->key = key;
	s->event = event;
	s->date = date;
	s->until = until;
	s->reason = reason;
}

/* The step days after prev (a date or a window), as a deadline. */
static void
after(const struct calendar *cal, struct actionplan_step **v, size_t *n, const char *key,
      const char *event, int days, const char *why)
{
	const struct actionplan_step *prev = &(*v)[*n - 1];
	char n1[160], n2[160];
	date_t d = by(cal, prev->date + days, n1, sizeof n1);
	date_t u = prev->until >= 0 ? by(cal, prev->until + days, n2, sizeof n2) : -1;

	if (u < 0)
		n2[0] = '\0';
	step(v, n, key, event, d, u,
	     xasprintf("%s: %d weeks after the %s%s%s", why, days / 7, prev->key, n1, n2));
}

struct actionplan_step *
actionplan_monitoring(const struct calendar *cal, date_t inspection, date_t final_meeting,
                      size_t *n, char **problem)
{
	struct actionplan_step *v = NULL;
	char a[DATES_ISO_LEN], b[DATES_ISO_LEN], c[DATES_ISO_LEN], n1[160], n2[160];
	date_t lo = cycle_add_months(inspection, 12, NULL);
	date_t hi = cycle_add_months(inspection, 18, NULL);

	*n = 0;
	*problem = NULL;
	step(&v, n, "monitoring-starts",
	     "Monitoring begins: the inspector(s) who will monitor the action plan are named",
	     inspection, -1,
	     xstrdup("para 6.15: monitoring runs for 12 to 18 months following the inspection"));
	if (final_meeting >= 0) {
		step(
		    &v, n, "final-meeting", "Final monitoring meeting with the Regional Manager",
		    final_meeting, -1,
		    xstrdup("given (--final-meeting); para 6.19: monitoring concludes with a final "
		            "meeting"));
		if (final_meeting < lo || final_meeting > hi)
			*problem =
			    xasprintf("the final meeting (%s) is outside 12 to 18 months after "
			              "the inspection (%s to %s, para 6.15)",
			              dates_format(final_meeting, a), dates_format(lo, b),
			              dates_format(hi, c));
	} else {
		date_t from = calendar_is_working(cal, lo) ? lo : calendar_next_working(cal, lo);
		date_t to = by(cal, hi, n2, sizeof n2); /* before n2 is read */

		(void)n1;
		step(&v, n, "final-meeting",
		     "Final monitoring meeting with the Regional Manager (window)", from, to,
		     xasprintf(
		         "paras 6.15 and 6.19: 12 to 18 months after the inspection (%s), ending "
		         "with a final meeting; its day is to be agreed (--final-meeting)%s",
		         dates_format(inspection, a), n2));
	}
	after(cal, &v, n, "draft-letter",
	      "Draft management letter and annex sent to the Regional Manager (copied to "
	      "Headquarters)",
	      28, "para 6.20: within four weeks of the final meeting");
	after(cal, &v, n, "comments", "Comments on factual accuracy due from CAFCASS", 14,
	      "para 6.20: within two weeks of the draft");
	after(cal, &v, n, "final-letter",
	      "Final management letter sent (monitoring ends, para 6.22)", 14,
	      "para 6.20: normally two weeks after the comments are received");
	return v;
}

void
actionplan_steps_free(struct actionplan_step *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].reason);
	free(v);
}

void
actionplan_steps_csv(const struct actionplan_step *v, size_t n, FILE *fp)
{
	static const char *const head[] = {"date", "until", "event", "reason"};
	char a[DATES_ISO_LEN], b[DATES_ISO_LEN];
	size_t i;

	csvio_write_row(fp, head, 4);
	for (i = 0; i < n; i++) {
		const char *f[4] = {dates_format(v[i].date, a),
		                    v[i].until >= 0 ? dates_format(v[i].until, b) : "", v[i].event,
		                    v[i].reason};

		csvio_write_row(fp, f, 4);
	}
}

json_t *
actionplan_steps_json(const struct actionplan_step *v, size_t n)
{
	json_t *arr = json_array();
	char a[DATES_ISO_LEN], b[DATES_ISO_LEN];
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(
		    arr, json_pack("{s:s, s:s, s:s, s:o, s:s}", "key", v[i].key, "event",
		                   v[i].event, "date", dates_format(v[i].date, a), "until",
		                   v[i].until >= 0 ? json_string(dates_format(v[i].until, b))
		                                   : json_null(),
		                   "reason", v[i].reason));
	return json_pack("{s:o}", "monitoring", arr);
}
