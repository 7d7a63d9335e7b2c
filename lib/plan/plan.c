/*
 * plan.c: puts the timetable, the area choice and the deployment together
 * and writes the result as CSV views or JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvio.h"
#include "core/diag.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "plan/plan.h"

static const char *const weekday_words[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                            "Friday", "Saturday", "Sunday"};

/* The English name of the weekday of d. */
const char *
plan_weekday(date_t d)
{
	return weekday_words[dates_weekday(d)];
}

/* Append a message to a list. */
static void
push(char ***list, size_t *n, char *msg)
{
	*list = xreallocarray(*list, *n + 1, sizeof **list);
	(*list)[(*n)++] = msg;
}

/*
 * Warn about the other days of the timetable (preparation, off-site work,
 * report writing) in a blackout period: not an on-site day, so not a
 * problem, but the team is working in August or over Christmas.
 */
static void
offsite_blackouts(struct plan *p, const date_t *onsite, size_t nonsite)
{
	struct strbuf sb;
	char buf[DATES_ISO_LEN];
	date_t last = -1, run_from = -1, run_to = -1;
	const char *run_name = NULL;
	size_t n = 0;

	strbuf_init(&sb);
	for (size_t i = 0; i <= p->tt->nrows; i++) {
		date_t d = i < p->tt->nrows ? p->tt->rows[i].date : -1;
		const char *b = i < p->tt->nrows ? timetable_blackout(p->in->profile, d) : NULL;
		int on = 0;

		if (d == last && d >= 0)
			continue;
		last = d;
		for (size_t k = 0; k < nonsite && b != NULL; k++)
			on |= onsite[k] == d;
		if (b != NULL && !on && run_name != NULL && strcmp(b, run_name) == 0 &&
		    d - run_to <= 4) {
			run_to = d;
			n++;
			continue;
		}
		if (run_name != NULL) { /* close the run */
			strbuf_printf(&sb, "%s %s", sb.len ? "," : "", dates_format(run_from, buf));
			if (run_to != run_from)
				strbuf_printf(&sb, " to %s", dates_format(run_to, buf));
			strbuf_printf(&sb, " (%s)", run_name);
			run_name = NULL;
		}
		if (b != NULL && !on) {
			run_name = b;
			run_from = run_to = d;
			n++;
		}
	}
	if (n > 0)
		push(&p->warnings, &p->nwarnings,
		     xasprintf("%zu off-site or preparation day%s in a blackout period:%s", n,
		               n == 1 ? "" : "s", sb.buf));
	strbuf_free(&sb);
}

/* Record the on-site days in blackout periods and the nearest usable starts. */
static void
check_blackouts(struct plan *p)
{
	const struct plan_input *in = p->in;
	date_t *days, before, after;
	size_t n = timetable_blackout_days(p->tt, &days);
	struct strbuf sb;
	char buf[DATES_ISO_LEN];

	offsite_blackouts(p, days, n);
	if (n == 0)
		return;
	strbuf_init(&sb);
	strbuf_printf(&sb, "%zu on-site day%s in a blackout period:", n, n == 1 ? "" : "s");
	for (size_t i = 0; i < n; i++)
		strbuf_printf(&sb, "%s %s (%s)", i ? "," : "", dates_format(days[i], buf),
		              timetable_blackout(in->profile, days[i]));
	timetable_suggest(in->profile, in->cal, in->start, &before, &after);
	if (after >= 0)
		strbuf_printf(&sb, "; the nearest valid start is %s", dates_format(after, buf));
	if (before >= 0)
		strbuf_printf(&sb, "%s %s",
		              after >= 0 ? "; the latest earlier one is"
		                         : "; the nearest valid start is",
		              dates_format(before, buf));
	push(&p->problems, &p->nproblems, strbuf_steal(&sb));
	strbuf_free(&sb);
	free(days);
}

/* The number of areas visited in week w. */
static size_t
week_capacity(const struct plan_input *in, const struct timetable_visit_week *w)
{
	return (size_t)(in->visits == 7 ? w->areas_if_seven : w->areas);
}

/* The pin of an area name, or NULL. */
static const struct plan_pin *
pin_of(const struct plan_input *in, const char *area)
{
	for (size_t i = 0; i < in->npins; i++)
		if (text_label_same(in->pins[i].area, area))
			return &in->pins[i];
	return NULL;
}

/* Check the pins against the visit weeks; -1 with err set. */
static int
check_pins(const struct plan_input *in, const struct areas_week *weeks, size_t nweeks, char *err,
           size_t errsz)
{
	for (size_t i = 0; i < in->npins; i++) {
		size_t w, n = 0;

		for (w = 0; w < nweeks && weeks[w].week != in->pins[i].week; w++)
			;
		if (w == nweeks) {
			snprintf(err, errsz,
			         "--pin %s=%d: week %d is not a visit week of profile %s",
			         in->pins[i].area, in->pins[i].week, in->pins[i].week,
			         in->profile->name);
			return -1;
		}
		for (size_t j = 0; j < in->npins; j++)
			n += in->pins[j].week == in->pins[i].week;
		if (n > weeks[w].capacity) {
			snprintf(err, errsz, "--pin: %zu areas pinned to week %d, which visits %zu",
			         n, in->pins[i].week, weeks[w].capacity);
			return -1;
		}
		for (size_t j = 0; j < i; j++)
			if (text_label_same(in->pins[j].area, in->pins[i].area)) {
				snprintf(err, errsz, "--pin %s: pinned twice", in->pins[i].area);
				return -1;
			}
	}
	return 0;
}

/*
 * Give each chosen area its first week: a pinned area its pin, the others
 * the week areas_choose gave them while it has room, else the first week
 * with room.
 */
static void
first_weeks(const struct plan_input *in, struct areas_choice *ch, size_t nch,
            const struct areas_week *weeks, size_t nweeks)
{
	size_t *room = xcalloc(nweeks + 1, sizeof *room);
	unsigned char *done = xcalloc(nch + 1, 1);

	for (size_t w = 0; w < nweeks; w++)
		room[w] = weeks[w].capacity;
	for (size_t k = 0; k < nch; k++) {
		const struct plan_pin *pin = pin_of(in, ch[k].area->name);

		if (pin == NULL)
			continue;
		for (size_t w = 0; w < nweeks; w++)
			if (weeks[w].week == pin->week) {
				room[w]--;
				ch[k].week = pin->week;
				done[k] = 1;
			}
	}
	for (int pass = 0; pass < 2; pass++)
		for (size_t k = 0; k < nch; k++) {
			if (done[k])
				continue;
			for (size_t w = 0; w < nweeks && !done[k]; w++)
				if (room[w] > 0 && (pass == 1 || weeks[w].week == ch[k].week)) {
					room[w]--;
					ch[k].week = weeks[w].week;
					done[k] = 1;
				}
		}
	free(done);
	free(room);
}

/* Set the dates of an area from its week. */
static void
area_dates(struct plan *p, struct plan_area *a)
{
	const struct timetable_profile *pr = p->in->profile;

	for (size_t w = 0; w < pr->nweeks; w++)
		if (pr->weeks[w].week == a->week) {
			a->on_site_from = timetable_day_date(p->tt, pr->weeks[w].from_day);
			a->on_site_to = timetable_day_date(p->tt, pr->weeks[w].to_day);
			a->notify_on = timetable_day_date(p->tt, pr->weeks[w].notify_day);
		}
}

static int
area_week_cmp(const void *a, const void *b)
{
	const struct plan_area *x = a, *y = b;

	return (x->week > y->week) - (x->week < y->week);
}

/* Sort the areas by week (stable: the order of choice within a week). */
static void
sort_areas(struct plan *p)
{
	for (size_t i = 1; i < p->nareas; i++)
		for (size_t j = i; j > 0 && area_week_cmp(&p->areas[j - 1], &p->areas[j]) > 0;
		     j--) {
			struct plan_area t = p->areas[j];

			p->areas[j] = p->areas[j - 1];
			p->areas[j - 1] = t;
		}
}

/* The pins the previous plan imposes: areas notified (or visited) before --as-of. */
static void
frozen_pins(const struct plan_input *in, struct plan_pin **pins, size_t *npins)
{
	*npins = in->npins;
	*pins = xcalloc(in->npins + (in->previous ? in->previous->nareas : 0) + 1, sizeof **pins);
	if (in->npins > 0)
		memcpy(*pins, in->pins, in->npins * sizeof **pins);
	if (in->previous == NULL || !in->has_as_of)
		return;
	for (size_t i = 0; i < in->previous->nareas; i++) {
		const struct planfile_area *a = &in->previous->areas[i];

		date_t fixed_on = a->notify_on != 0 ? a->notify_on : a->on_site_from;

		if (fixed_on < in->as_of && pin_of(in, a->service_area) == NULL) {
			(*pins)[*npins].area = a->service_area;
			(*pins)[*npins].week = a->week;
			(*npins)++;
		}
	}
}

/* Choose the areas (or make placeholders); -1 with err set. */
static int
choose_areas(struct plan *p, char *err, size_t errsz)
{
	const struct plan_input *in = p->in;
	const struct timetable_profile *pr = in->profile;
	struct areas_week *weeks = xcalloc(pr->nweeks + 1, sizeof *weeks);
	struct areas_choice *ch = NULL;
	const char **include = xcalloc(in->ninclude + in->npins + 1, sizeof *include);
	const char **exclude = xcalloc(in->nexclude + 2, sizeof *exclude);
	size_t nch = 0, ninc = 0, nexc = in->nexclude;
	int rc = -1;

	for (size_t w = 0; w < pr->nweeks; w++) {
		weeks[w].week = pr->weeks[w].week;
		weeks[w].capacity = week_capacity(in, &pr->weeks[w]);
	}
	if (check_pins(in, weeks, pr->nweeks, err, errsz) == -1)
		goto done;
	for (size_t i = 0; i < in->npins; i++)
		include[ninc++] = in->pins[i].area;
	for (size_t i = 0; i < in->ninclude; i++)
		include[ninc++] = in->include[i];
	if (in->nexclude > 0)
		memcpy(exclude, in->exclude, in->nexclude * sizeof *exclude);
	if (p->dropped != NULL)
		exclude[nexc++] = p->dropped;
	if (in->npins > 0 && in->areas == NULL) {
		snprintf(err, errsz, "--pin needs --areas (the areas to choose from)");
		goto done;
	}
	if (in->areas != NULL && areas_choose(in->areas, weeks, pr->nweeks, include, ninc, exclude,
	                                      nexc, &ch, &nch, err, errsz) == -1)
		goto done;
	if (ch != NULL)
		first_weeks(in, ch, nch, weeks, pr->nweeks);
	for (size_t w = 0, k = 0; w < pr->nweeks; w++)
		for (size_t s = 0; s < weeks[w].capacity; s++) {
			struct plan_area *a;

			p->areas = xreallocarray(p->areas, p->nareas + 1, sizeof *p->areas);
			a = &p->areas[p->nareas++];
			memset(a, 0, sizeof *a);
			if (ch != NULL) {
				const struct plan_pin *pin = pin_of(in, ch[k].area->name);

				a->service_area = xstrdup(ch[k].area->name);
				a->pinned = pin != NULL;
				a->reason =
				    pin == NULL ? xstrdup(ch[k].reason)
				    : (size_t)(pin - in->pins) < p->user_pins
				        ? xasprintf("pinned to week %d (--pin)", pin->week)
				        : xasprintf("notified before --as-of: kept in week %d",
				                    pin->week);
				a->week = ch[k].week;
				k++;
			} else {
				a->service_area =
				    xasprintf("week %d area %zu", weeks[w].week, s + 1);
				a->reason = xstrdup("placeholder: no --areas file given");
				a->week = weeks[w].week;
			}
			area_dates(p, a);
		}
	sort_areas(p);
	rc = 0;
done:
	areas_choices_free(ch, nch);
	free(include);
	free(exclude);
	free(weeks);
	return rc;
}

static void
free_areas(struct plan *p)
{
	for (size_t i = 0; i < p->nareas; i++) {
		free(p->areas[i].service_area);
		free(p->areas[i].reason);
	}
	free(p->areas);
	p->areas = NULL;
	p->nareas = 0;
}

/* 1 when the area was chosen by the criteria (not named, pinned or frozen). */
static int
replaceable(const struct plan_area *a)
{
	return !a->pinned && strcmp(a->reason, "named with --include") != 0;
}

/* Order people: the lead, then deputies, then inspectors, each by name. */
static int
order_cmp(const void *a, const void *b)
{
	const struct deploy_person *x = *(const struct deploy_person *const *)a;
	const struct deploy_person *y = *(const struct deploy_person *const *)b;
	int c;

	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Where person pp is on table day d under roster entry r. */
static const char *
location(const struct plan *p, const struct timetable_roster *r, const struct deploy_person *pp,
         int nbc_rank, const struct deploy_result *res, const struct deploy_week *dw, int d)
{
	const struct timetable_profile *pr = p->in->profile;
	const char *where = pp->role == DEPLOY_LEAD     ? r->lead
	                    : pp->role == DEPLOY_DEPUTY ? r->deputy
	                                                : r->inspector;
	size_t pi = (size_t)(pp - p->in->team->people);

	if (r->nbc != NULL && pp->role == DEPLOY_INSPECTOR && nbc_rank < r->nbc_count)
		return r->nbc;
	if (strcmp(where, "@visit") != 0)
		return where;
	for (size_t w = 0; w < pr->nweeks; w++) {
		if (&pr->weeks[w] != timetable_visit_week(pr, d))
			continue;
		if (res == NULL || res->area == NULL || res->area[pi * res->nweeks + w] < 0)
			return "unassigned";
		return dw[w].areas[res->area[pi * res->nweeks + w]];
	}
	return "unassigned";
}

/* Under --replace, the replacement's name from its date; a conflict is a problem. */
static void
replace_person(struct plan *p, struct plan_deployment *row)
{
	char d[DATES_ISO_LEN];

	for (size_t i = 0; i < p->in->nreplace; i++) {
		const struct plan_replace *r = &p->in->replace[i];
		struct deploy_person stand_in;

		if (row->date < r->from || !text_label_same(row->name, r->old_name))
			continue;
		row->name = r->new_name;
		memset(&stand_in, 0, sizeof stand_in);
		deploy_team_add_conflicts(&stand_in, r->new_conflicts);
		if (deploy_conflicts(&stand_in, row->location))
			push(&p->problems, &p->nproblems,
			     xasprintf("--replace: the replacement %s on %s has a conflict of "
			               "interest with %s",
			               deploy_role_name(row->person->role),
			               dates_format(row->date, d), row->location));
		deploy_person_free(&stand_in);
	}
}

/* Under --as-of, a day before it keeps the previous plan's place for the person. */
static void
freeze_row(struct plan *p, struct plan_deployment *row)
{
	const struct planfile *prev = p->in->previous;

	if (prev == NULL || !p->in->has_as_of || row->date >= p->in->as_of)
		return;
	for (size_t r = 0; r < prev->ndeploy; r++)
		if (prev->deploy[r].date == row->date &&
		    text_label_same(prev->deploy[r].name, row->name)) {
			row->name = prev->deploy[r].name;
			row->location = prev->deploy[r].location;
			return;
		}
}

/* Fill the day-by-day deployment from the roster. */
static void
fill_deployment(struct plan *p, const struct deploy_result *res, const struct deploy_week *dw)
{
	const struct deploy_team *t = p->in->team;
	const struct timetable_profile *pr = p->in->profile;
	const struct deploy_person **sorted = xcalloc(t->n + 1, sizeof *sorted);

	for (size_t i = 0; i < t->n; i++)
		sorted[i] = &t->people[i];
	qsort(sorted, t->n, sizeof *sorted, order_cmp);
	for (size_t r = 0; r < pr->nroster; r++)
		for (int d = pr->roster[r].from; d <= pr->roster[r].to; d++) {
			int nbc_rank = 0;

			for (size_t i = 0; i < t->n; i++) {
				struct plan_deployment *row;

				p->deploy =
				    xreallocarray(p->deploy, p->ndeploy + 1, sizeof *p->deploy);
				row = &p->deploy[p->ndeploy++];
				row->day = d;
				row->date = timetable_day_date(p->tt, d);
				row->person = sorted[i];
				row->location =
				    location(p, &pr->roster[r], sorted[i], nbc_rank, res, dw, d);
				row->name = sorted[i]->name;
				nbc_rank += sorted[i]->role == DEPLOY_INSPECTOR;
				replace_person(p, row);
				freeze_row(p, row);
			}
		}
	free(sorted);
}

/*
 * When no deployment meets every constraint, deploy each week that can be
 * staffed on its own, so only the impossible weeks stay unassigned.
 */
static void
solve_weeks_alone(struct plan *p, const struct deploy_week *dw, size_t nweeks,
                  struct deploy_result *res)
{
	const struct deploy_team *t = p->in->team;
	char err[512];

	res->npersons = t->n;
	res->nweeks = nweeks;
	res->area = xcalloc(t->n * nweeks + 1, sizeof *res->area);
	for (size_t i = 0; i < t->n * nweeks; i++)
		res->area[i] = -1;
	for (size_t w = 0; w < nweeks; w++) {
		struct deploy_result one;

		if (deploy_solve(t, &dw[w], 1, p->in->profile->max_days_in_area, &one, err,
		                 sizeof err) == -1)
			continue;
		for (size_t i = 0; i < t->n; i++)
			res->area[i * nweeks + w] = one.area[i];
		deploy_result_free(&one);
	}
}

/* The deploy weeks of the current placement of the areas (names point into p). */
static void
deploy_weeks(const struct plan *p, struct deploy_week *dw, const char **names, int **fixed)
{
	const struct timetable_profile *pr = p->in->profile;
	size_t k = 0;

	for (size_t w = 0; w < pr->nweeks; w++) {
		dw[w].week = pr->weeks[w].week;
		dw[w].teams = pr->weeks[w].teams;
		dw[w].ndays = pr->weeks[w].to_day - pr->weeks[w].from_day + 1;
		dw[w].areas = &names[k];
		for (size_t i = 0; i < p->nareas; i++)
			if (p->areas[i].week == dw[w].week)
				names[k++] = p->areas[i].service_area;
		dw[w].nareas = (size_t)(&names[k] - dw[w].areas);
		dw[w].fixed = fixed != NULL ? fixed[w] : NULL;
	}
}

/*
 * Under --as-of with a previous plan, the weeks that began before it keep
 * their people where the previous plan put them: fixed[w][person] is the
 * index of that area in the week, or -1 (free). NULL when nothing is frozen.
 */
static int **
frozen_weeks(const struct plan *p, const struct deploy_week *dw)
{
	const struct plan_input *in = p->in;
	const struct timetable_profile *pr = in->profile;
	const struct deploy_team *t = in->team;
	int **fixed;

	if (in->previous == NULL || !in->has_as_of)
		return NULL;
	fixed = xcalloc(pr->nweeks + 1, sizeof *fixed);
	for (size_t w = 0; w < pr->nweeks; w++) {
		date_t first = timetable_day_date(p->tt, pr->weeks[w].from_day);

		if (first >= in->as_of)
			continue;
		fixed[w] = xcalloc(t->n + 1, sizeof **fixed);
		for (size_t i = 0; i < t->n; i++) {
			fixed[w][i] = -1;
			for (size_t r = 0; r < in->previous->ndeploy; r++) {
				const struct planfile_deploy *d = &in->previous->deploy[r];

				if (d->date != first ||
				    !text_label_same(d->name, t->people[i].name))
					continue;
				for (size_t a = 0; a < dw[w].nareas; a++)
					if (text_label_same(d->location, dw[w].areas[a]))
						fixed[w][i] = (int)a;
			}
		}
	}
	return fixed;
}

static void
free_fixed(int **fixed, size_t nweeks)
{
	if (fixed == NULL)
		return;
	for (size_t w = 0; w < nweeks; w++)
		free(fixed[w]);
	free(fixed);
}

/*
 * The stand-ins of --replace, week by week: stand_in[w][person] is the
 * replacement who works some day of visit week w in that person's place
 * (their conflicts then count in the search), or NULL.
 */
static void
stand_ins(struct plan *p)
{
	const struct plan_input *in = p->in;
	const struct timetable_profile *pr = in->profile;
	const struct deploy_team *t = in->team;

	if (in->nreplace == 0 || pr->nweeks == 0)
		return;
	p->stand_people = xcalloc(in->nreplace, sizeof *p->stand_people);
	p->stand_in = xcalloc(pr->nweeks, sizeof *p->stand_in);
	for (size_t r = 0; r < in->nreplace; r++) {
		p->stand_people[r].name = xstrdup(in->replace[r].new_name);
		deploy_team_add_conflicts(&p->stand_people[r], in->replace[r].new_conflicts);
	}
	for (size_t w = 0; w < pr->nweeks; w++) {
		date_t last = timetable_day_date(p->tt, pr->weeks[w].to_day);

		p->stand_in[w] = xcalloc(t->n + 1, sizeof **p->stand_in);
		for (size_t r = 0; r < in->nreplace; r++)
			for (size_t i = 0; i < t->n; i++)
				if (last >= in->replace[r].from &&
				    text_label_same(t->people[i].name, in->replace[r].old_name))
					p->stand_in[w][i] = &p->stand_people[r];
	}
}

static void
free_stand_ins(struct plan *p)
{
	for (size_t r = 0; p->stand_people != NULL && r < p->in->nreplace; r++)
		deploy_person_free(&p->stand_people[r]);
	for (size_t w = 0; p->stand_in != NULL && w < p->in->profile->nweeks; w++)
		free(p->stand_in[w]);
	free(p->stand_people);
	free(p->stand_in);
}

/* Placements tried at most (8 areas in weeks of 3, 3 and 2 have 560). */
#define PLAN_MAX_PLACEMENTS 5000

/* One placement: the week index of each area. */
struct placement {
	unsigned char w[16];
	int moved;
};

/* Enumerate the placements of the unpinned areas into the weeks' room. */
static void
enumerate(const struct plan *p, const int *wk, const unsigned char *base, size_t i, size_t *room,
          unsigned char *cur, struct placement *out, size_t *n)
{
	const struct timetable_profile *pr = p->in->profile;

	if (*n >= PLAN_MAX_PLACEMENTS)
		return;
	if (i == p->nareas) {
		memset(out[*n].w, 0, sizeof out[*n].w); /* placement_cmp() compares all 16 */
		memcpy(out[*n].w, cur, p->nareas);
		out[*n].moved = 0;
		for (size_t k = 0; k < p->nareas; k++)
			out[*n].moved += cur[k] != base[k];
		(*n)++;
		return;
	}
	if (p->areas[i].pinned) {
		cur[i] = base[i];
		enumerate(p, wk, base, i + 1, room, cur, out, n);
		return;
	}
	for (size_t w = 0; w < pr->nweeks; w++) {
		if (room[w] == 0)
			continue;
		room[w]--;
		cur[i] = (unsigned char)w;
		enumerate(p, wk, base, i + 1, room, cur, out, n);
		room[w]++;
	}
	(void)wk;
}

static int
placement_cmp(const void *a, const void *b)
{
	const struct placement *x = a, *y = b;

	if (x->moved != y->moved)
		return (x->moved > y->moved) - (x->moved < y->moved);
	return memcmp(x->w, y->w, sizeof x->w);
}

/* Try one placement; 0 with res filled when the team can be deployed. */
static int
try_placement(struct plan *p, const struct placement *pl, struct deploy_result *res, char *err,
              size_t errsz)
{
	const struct timetable_profile *pr = p->in->profile;
	struct deploy_week *dw = xcalloc(pr->nweeks + 1, sizeof *dw);
	const char **names = xcalloc(p->nareas + 1, sizeof *names);
	int **fixed, rc;

	for (size_t i = 0; i < p->nareas; i++)
		p->areas[i].week = pr->weeks[pl->w[i]].week;
	deploy_weeks(p, dw, names, NULL);
	fixed = frozen_weeks(p, dw);
	deploy_weeks(p, dw, names, fixed);
	for (size_t w = 0; w < pr->nweeks && p->stand_in != NULL; w++)
		dw[w].stand_in = p->stand_in[w];
	rc = deploy_solve(p->in->team, dw, pr->nweeks, pr->max_days_in_area, res, err, errsz);
	free_fixed(fixed, pr->nweeks);
	free(names);
	free(dw);
	return rc;
}

/* Say in the reasons and the warnings which areas the search moved. */
static void
explain_moves(struct plan *p, const unsigned char *base)
{
	const struct timetable_profile *pr = p->in->profile;

	for (size_t i = 0; i < p->nareas; i++) {
		struct plan_area *a = &p->areas[i];
		int from = pr->weeks[base[i]].week;
		char *r;

		if (a->week == from)
			continue;
		a->moved_from = from;
		r = xasprintf("%s; placed in week %d rather than %d so that conflicts of interest, "
		              "the three-day rule and the teams of three can all be met",
		              a->reason, a->week, from);
		free(a->reason);
		a->reason = r;
		push(&p->warnings, &p->nwarnings,
		     xasprintf("%s: placed in week %d rather than %d so that the team can be "
		               "deployed",
		               a->service_area, a->week, from));
	}
}

/*
 * Place the areas into weeks and deploy the team together: the placements
 * of the unpinned areas are tried fewest moves first, and the first that the
 * team can staff is kept. 0 with res filled, or -1 with the reason (for the
 * first placement) in err and the first placement restored.
 */
static int
place_and_deploy(struct plan *p, struct deploy_result *res, char *err, size_t errsz)
{
	const struct timetable_profile *pr = p->in->profile;
	/* not cleared: only the placements enumerated are written and read (a cleared
	 * 100 KB would touch some 25 fresh pages, each dearer than the whole search) */
	struct placement *all = xmalloc(PLAN_MAX_PLACEMENTS * sizeof *all);
	unsigned char base[16], cur[16];
	size_t *room = xcalloc(pr->nweeks + 1, sizeof *room), n = 0, i;
	char why[512];
	int rc = -1;

	for (i = 0; i < p->nareas; i++)
		for (size_t w = 0; w < pr->nweeks; w++)
			if (pr->weeks[w].week == p->areas[i].week)
				base[i] = (unsigned char)w;
	for (size_t w = 0; w < pr->nweeks; w++)
		room[w] = week_capacity(p->in, &pr->weeks[w]);
	for (i = 0; i < p->nareas; i++)
		if (p->areas[i].pinned)
			room[base[i]]--;
	if (p->nareas <= sizeof base)
		enumerate(p, NULL, base, 0, room, cur, all, &n);
	qsort(all, n, sizeof *all, placement_cmp);
	for (i = 0; i < n; i++) {
		if (try_placement(p, &all[i], res, i == 0 ? err : why,
		                  i == 0 ? errsz : sizeof why) == 0) {
			rc = 0;
			break;
		}
		if (i == 0 && (p->in->team->people[0].line == 0 || p->in->areas == NULL))
			break; /* placeholders: the placement is not what fails */
	}
	if (rc == 0)
		explain_moves(p, base);
	else
		for (i = 0; i < p->nareas; i++)
			p->areas[i].week = pr->weeks[base[i]].week;
	free(room);
	free(all);
	return rc;
}

/* Mark the areas that were not in the first choice, and say what was dropped (exit 1). */
static void
note_new_areas(struct plan *p, char *const *first, size_t nfirst, const char *gone)
{
	for (size_t i = 0; i < p->nareas; i++) {
		size_t j;
		char *r;

		for (j = 0; j < nfirst && !text_label_same(first[j], p->areas[i].service_area); j++)
			;
		if (j < nfirst)
			continue;
		r = xasprintf("%s; chosen in place of %s, which this team cannot staff",
		              p->areas[i].reason, gone);
		free(p->areas[i].reason);
		p->areas[i].reason = r;
	}
	push(&p->problems, &p->nproblems,
	     xasprintf("%s cannot be visited by this team: no placement of the areas first chosen "
	               "meets the conflicts of interest, the teams of three and the three-day "
	               "rule; the plan visits another area in its place (--exclude it to accept "
	               "this, or change the team)",
	               gone));
}

/*
 * When no placement of the chosen areas can be staffed, choose again without
 * one of them (the last chosen first): 0 with res filled and the reasons
 * saying what was dropped, or -1 with the first choice restored.
 */
static int
choose_again(struct plan *p, struct deploy_result *res)
{
	char err[512], *gone;
	char **first = xcalloc(p->nareas + 1, sizeof *first);
	size_t k = p->nareas, nfirst = p->nareas;
	int rc = -1;

	for (size_t i = 0; i < nfirst; i++)
		first[i] = xstrdup(p->areas[i].service_area);
	while (rc == -1 && k-- > 0 && p->in->areas != NULL && p->in->team->people[0].line != 0) {
		if (!replaceable(&p->areas[k]))
			continue;
		gone = xstrdup(p->areas[k].service_area);
		p->dropped = gone;
		free_areas(p);
		if (choose_areas(p, err, sizeof err) == 0 &&
		    place_and_deploy(p, res, err, sizeof err) == 0) {
			note_new_areas(p, first, nfirst, gone);
			rc = 0;
		} else {
			p->dropped = NULL;
			free_areas(p);
			(void)choose_areas(p, err,
			                   sizeof err); /* the same list, in the same order */
		}
		p->dropped = NULL;
		free(gone);
	}
	for (size_t i = 0; i < nfirst; i++)
		free(first[i]);
	free(first);
	return rc;
}

/* Deploy the team to the chosen areas and fill the daily rows. */
static void
deploy_team(struct plan *p)
{
	const struct timetable_profile *pr = p->in->profile;
	struct deploy_week *dw = xcalloc(pr->nweeks + 1, sizeof *dw);
	const char **names = xcalloc(p->nareas + 1, sizeof *names);
	struct deploy_result res;
	char err[512];

	memset(&res, 0, sizeof res);
	if (place_and_deploy(p, &res, err, sizeof err) == -1 && choose_again(p, &res) == -1) {
		push(&p->problems, &p->nproblems, xasprintf("deployment: %s", err));
		deploy_weeks(p, dw, names, NULL);
		solve_weeks_alone(p, dw, pr->nweeks, &res);
	} else if (res.regrouped) {
		p->regrouped = 1;
		push(&p->warnings, &p->nwarnings,
		     xstrdup("the teams change between weeks to respect conflicts of interest"));
	}
	for (size_t i = 0; i < p->nareas; i++)
		area_dates(p, &p->areas[i]);
	sort_areas(p);
	deploy_weeks(p, dw, names, NULL);
	fill_deployment(p, &res, dw);
	deploy_result_free(&res);
	free(names);
	free(dw);
}

/* The input with the pins --as-of adds; owned by the plan. */
static struct plan_input *
effective_input(const struct plan_input *in, struct plan *p)
{
	struct plan_input *eff = xmalloc(sizeof *eff);
	struct plan_pin *pins;
	size_t npins;

	*eff = *in;
	frozen_pins(in, &pins, &npins);
	eff->pins = pins;
	eff->npins = npins;
	p->user_pins = in->npins;
	p->own_pins = pins;
	return eff;
}

/* The issue number: --sequence, else one more than the previous plan's. */
static long
plan_sequence(const struct plan_input *in)
{
	if (in->sequence > 0)
		return in->sequence;
	return in->previous != NULL ? (in->previous->sequence > 0 ? in->previous->sequence : 1) + 1
	                            : 1;
}

/* Build the plan: timetable, blackouts, areas, deployment. */
int
plan_build(const struct plan_input *in, struct plan **out, char *err, size_t errsz)
{
	struct plan *p = xcalloc(1, sizeof *p);

	*out = NULL;
	p->in = p->own_in = effective_input(in, p);
	in = p->in;
	p->sequence = plan_sequence(in);
	if ((p->tt = timetable_build(in->profile, in->cal, in->start, err, errsz)) == NULL) {
		plan_free(p);
		return -1;
	}
	if (in->previous != NULL && in->previous->start != in->start) {
		snprintf(err, errsz, "--previous: that plan starts on another day than --start");
		plan_free(p);
		return -1;
	}
	for (size_t i = 0; i < p->tt->nwarnings; i++)
		push(&p->warnings, &p->nwarnings, xstrdup(p->tt->warnings[i]));
	check_blackouts(p);
	if (in->profile->fallback != NULL) /* guessed from another regime: said, and exit 1 */
		push(&p->problems, &p->nproblems, xstrdup(in->profile->fallback));
	if (in->start_note != NULL)
		push(&p->problems, &p->nproblems, xstrdup(in->start_note));
	if (in->unfilled != NULL)
		push(&p->problems, &p->nproblems,
		     xasprintf("the team is short of %s: their places are planned as 'unfilled' "
		               "and need someone before the plan can be used",
		               in->unfilled));
	if (in->profile->nweeks == 0) {
		if (in->areas != NULL || in->team->people[0].line != 0)
			push(&p->warnings, &p->nwarnings,
			     xasprintf("profile %s visits no service areas: --areas and --team "
			               "are not used",
			               in->profile->name));
	} else {
		if (choose_areas(p, err, errsz) == -1) {
			plan_free(p);
			return -1;
		}
		stand_ins(p);
		deploy_team(p);
	}
	*out = p;
	return p->nproblems > 0 ? 1 : 0;
}

int
plan_date_supported(date_t d, char *err, size_t errsz)
{
	int y, m, day;

	dates_to_ymd(d, &y, &m, &day);
	if (y >= PLAN_FIRST_YEAR && y <= PLAN_LAST_YEAR)
		return 0;
	snprintf(err, errsz, "a date in %d is outside the supported years %d to %d", y,
	         PLAN_FIRST_YEAR, PLAN_LAST_YEAR);
	return -1;
}

int
plan_check_conflicts(struct deploy_team *t, const struct areas_list *areas, const char *areas_file,
                     char *err, size_t errsz)
{
	for (size_t i = 0; i < t->n; i++) {
		struct deploy_person *pp = &t->people[i];

		for (size_t c = 0; c < pp->nconflicts; c++) {
			long k = areas_find(areas, pp->conflicts[c]);
			char hint[512], w[DIAG_WHERE_MAX];

			if (k >= 0) {
				free(pp->conflicts[c]);
				pp->conflicts[c] = xstrdup(areas->items[k].name);
				continue;
			}
			areas_suggest(areas, pp->conflicts[c], hint, sizeof hint);
			snprintf(err, errsz, "%s: conflicts: '%s' is not a service area in %s; %s",
			         diag_where(t->file ? t->file : "team", pp->line, w, sizeof w),
			         pp->conflicts[c], areas_file, hint);
			return -1;
		}
	}
	return 0;
}

/* Free a plan. */
void
plan_free(struct plan *p)
{
	if (p == NULL)
		return;
	free_stand_ins(p);
	free_areas(p);
	free(p->deploy);
	for (size_t i = 0; i < p->nwarnings; i++)
		free(p->warnings[i]);
	for (size_t i = 0; i < p->nproblems; i++)
		free(p->problems[i]);
	free(p->warnings);
	free(p->problems);
	free(p->own_pins);
	free(p->own_in);
	timetable_free(p->tt);
	free(p);
}

/* Write one view of the plan as CSV. */
void
plan_write_csv(const struct plan *p, enum plan_view view, FILE *fp)
{
	static const char *const head[][8] = {
	    {"day", "date", "weekday", "week", "activity", "who", "where", "basis"},
	    {"service_area", "week", "on_site_from", "on_site_to", "notify_on", "reason"},
	    {"date", "name", "role", "location"}};
	static const size_t ncols[] = {7, 6, 4};
	char a[DATES_ISO_LEN], b[DATES_ISO_LEN], c[DATES_ISO_LEN], n1[16], n2[16];

	/* a borrowed timeline says where each row comes from (basis) */
	size_t ntl = p->tt->profile->labelled ? 8 : 7;

	csvio_write_row(fp, head[view], view == PLAN_TIMELINE ? ntl : ncols[view]);
	if (view == PLAN_TIMELINE)
		for (size_t i = 0; i < p->tt->nrows; i++) {
			const struct timetable_row *r = &p->tt->rows[i];
			const char *f[8] = {n1,
			                    dates_format(r->date, a),
			                    plan_weekday(r->date),
			                    n2,
			                    r->spec->activity,
			                    r->spec->who,
			                    r->spec->where,
			                    r->spec->basis != NULL ? r->spec->basis : "source"};

			snprintf(n1, sizeof n1, "%d", r->day);
			snprintf(n2, sizeof n2, "%d", r->week);
			csvio_write_row(fp, f, ntl);
		}
	else if (view == PLAN_AREAS)
		for (size_t i = 0; i < p->nareas; i++) {
			const struct plan_area *r = &p->areas[i];
			const char *f[6] = {r->service_area,
			                    n1,
			                    dates_format(r->on_site_from, a),
			                    dates_format(r->on_site_to, b),
			                    dates_format(r->notify_on, c),
			                    r->reason};

			snprintf(n1, sizeof n1, "%d", r->week);
			csvio_write_row(fp, f, 6);
		}
	else
		for (size_t i = 0; i < p->ndeploy; i++) {
			const struct plan_deployment *r = &p->deploy[i];
			const char *f[4] = {dates_format(r->date, a), r->name,
			                    deploy_role_name(r->person->role), r->location};

			csvio_write_row(fp, f, 4);
		}
}

/* A JSON string of a date. */
static json_t *
jdate(date_t d)
{
	char buf[DATES_ISO_LEN];

	return json_string(dates_format(d, buf));
}

/* A JSON array of strings. */
static json_t *
jstrings(char *const *list, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(list[i]));
	return a;
}

/* The timeline as JSON rows. */
static json_t *
timeline_json(const struct plan *p)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < p->tt->nrows; i++) {
		const struct timetable_row *r = &p->tt->rows[i];
		json_t *o = json_object();

		json_object_set_new(o, "day", json_integer(r->day));
		json_object_set_new(o, "date", jdate(r->date));
		json_object_set_new(o, "weekday", json_string(plan_weekday(r->date)));
		json_object_set_new(o, "week", json_integer(r->week));
		json_object_set_new(o, "activity", json_string(r->spec->activity));
		json_object_set_new(o, "who", json_string(r->spec->who));
		json_object_set_new(o, "where", json_string(r->spec->where));
		json_object_set_new(o, "key", json_string(r->spec->key));
		json_object_set_new(o, "time",
		                    r->spec->time ? json_string(r->spec->time) : json_null());
		json_object_set_new(o, "on_site", json_boolean(r->spec->on_site));
		if (r->spec->basis != NULL)
			json_object_set_new(o, "basis", json_string(r->spec->basis));
		json_array_append_new(arr, o);
	}
	return arr;
}

/* The areas and the deployment as JSON rows. */
static void
areas_deploy_json(const struct plan *p, json_t *root)
{
	json_t *areas = json_array(), *dep = json_array();

	for (size_t i = 0; i < p->nareas; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "service_area", json_string(p->areas[i].service_area));
		json_object_set_new(o, "week", json_integer(p->areas[i].week));
		json_object_set_new(o, "on_site_from", jdate(p->areas[i].on_site_from));
		json_object_set_new(o, "on_site_to", jdate(p->areas[i].on_site_to));
		json_object_set_new(o, "notify_on", jdate(p->areas[i].notify_on));
		json_object_set_new(o, "reason", json_string(p->areas[i].reason));
		json_array_append_new(areas, o);
	}
	for (size_t i = 0; i < p->ndeploy; i++) {
		json_t *o = json_object();

		json_object_set_new(o, "date", jdate(p->deploy[i].date));
		json_object_set_new(o, "day", json_integer(p->deploy[i].day));
		json_object_set_new(o, "name", json_string(p->deploy[i].name));
		json_object_set_new(o, "role",
		                    json_string(deploy_role_name(p->deploy[i].person->role)));
		json_object_set_new(o, "location", json_string(p->deploy[i].location));
		json_array_append_new(dep, o);
	}
	json_object_set_new(root, "areas", areas);
	json_object_set_new(root, "deployment", dep);
}

/* The whole plan as a JSON object. */
json_t *
plan_to_json(const struct plan *p)
{
	json_t *root = json_object(), *fw = json_object();

	json_object_set_new(root, "profile", json_string(p->in->profile->name));
	json_object_set_new(root, "profile_title", json_string(p->in->profile->title));
	json_object_set_new(root, "start", jdate(p->in->start));
	json_object_set_new(root, "division", json_string(p->in->division));
	json_object_set_new(root, "visits", json_integer(p->in->visits));
	json_object_set_new(root, "sequence", json_integer(p->sequence));
	json_object_set_new(fw, "from", jdate(p->tt->fieldwork_first));
	json_object_set_new(fw, "to", jdate(p->tt->fieldwork_last));
	json_object_set_new(root, "fieldwork", fw);
	json_object_set_new(root, "timeline", timeline_json(p));
	areas_deploy_json(p, root);
	json_object_set_new(root, "warnings", jstrings(p->warnings, p->nwarnings));
	json_object_set_new(root, "problems", jstrings(p->problems, p->nproblems));
	return root;
}
