/*
 * plan.c: puts the timetable, the area choice and the deployment together
 * and writes the result as CSV views or JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvio.h"
#include "core/strbuf.h"
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

/* Record the on-site days in blackout periods and the nearest usable starts. */
static void
check_blackouts(struct plan *p)
{
	const struct plan_input *in = p->in;
	date_t *days, before, after;
	size_t n = timetable_blackout_days(p->tt, &days);
	struct strbuf sb;
	char buf[DATES_ISO_LEN];

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

/* Choose the areas (or make placeholders); -1 with err set. */
static int
choose_areas(struct plan *p, char *err, size_t errsz)
{
	const struct plan_input *in = p->in;
	const struct timetable_profile *pr = in->profile;
	struct areas_week *weeks = xcalloc(pr->nweeks + 1, sizeof *weeks);
	struct areas_choice *ch = NULL;
	size_t nch = 0;

	for (size_t w = 0; w < pr->nweeks; w++) {
		weeks[w].week = pr->weeks[w].week;
		weeks[w].capacity = week_capacity(in, &pr->weeks[w]);
	}
	if (in->areas != NULL &&
	    areas_choose(in->areas, weeks, pr->nweeks, in->include, in->ninclude, in->exclude,
	                 in->nexclude, &ch, &nch, err, errsz) == -1) {
		free(weeks);
		return -1;
	}
	for (size_t w = 0, k = 0; w < pr->nweeks; w++)
		for (size_t s = 0; s < weeks[w].capacity; s++) {
			const struct timetable_visit_week *vw = &pr->weeks[w];
			struct plan_area *a;

			p->areas = xreallocarray(p->areas, p->nareas + 1, sizeof *p->areas);
			a = &p->areas[p->nareas++];
			if (ch != NULL) {
				a->service_area = xstrdup(ch[k].area->name);
				a->reason = xstrdup(ch[k].reason);
				k++;
			} else {
				a->service_area = xasprintf("week %d area %zu", vw->week, s + 1);
				a->reason = xstrdup("placeholder: no --areas file given");
			}
			a->week = vw->week;
			a->on_site_from = timetable_day_date(p->tt, vw->from_day);
			a->on_site_to = timetable_day_date(p->tt, vw->to_day);
			a->notify_on = timetable_day_date(p->tt, vw->notify_day);
		}
	areas_choices_free(ch, nch);
	free(weeks);
	return 0;
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
				nbc_rank += sorted[i]->role == DEPLOY_INSPECTOR;
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

/* Deploy the team to the chosen areas and fill the daily rows. */
static void
deploy_team(struct plan *p)
{
	const struct timetable_profile *pr = p->in->profile;
	struct deploy_week *dw = xcalloc(pr->nweeks + 1, sizeof *dw);
	const char **names = xcalloc(p->nareas + 1, sizeof *names);
	struct deploy_result res;
	char err[512];
	size_t k = 0;

	for (size_t w = 0; w < pr->nweeks; w++) {
		dw[w].week = pr->weeks[w].week;
		dw[w].teams = pr->weeks[w].teams;
		dw[w].ndays = pr->weeks[w].to_day - pr->weeks[w].from_day + 1;
		dw[w].areas = &names[k];
		for (; k < p->nareas && p->areas[k].week == dw[w].week; k++)
			names[k] = p->areas[k].service_area;
		dw[w].nareas = (size_t)(&names[k] - dw[w].areas);
	}
	memset(&res, 0, sizeof res);
	if (deploy_solve(p->in->team, dw, pr->nweeks, pr->max_days_in_area, &res, err,
	                 sizeof err) == -1) {
		push(&p->problems, &p->nproblems, xasprintf("deployment: %s", err));
		solve_weeks_alone(p, dw, pr->nweeks, &res);
	} else if (res.regrouped) {
		p->regrouped = 1;
		push(&p->warnings, &p->nwarnings,
		     xstrdup("the teams change between weeks to respect conflicts of interest"));
	}
	fill_deployment(p, &res, dw);
	deploy_result_free(&res);
	free(names);
	free(dw);
}

/* Build the plan: timetable, blackouts, areas, deployment. */
int
plan_build(const struct plan_input *in, struct plan **out, char *err, size_t errsz)
{
	struct plan *p = xcalloc(1, sizeof *p);

	*out = NULL;
	p->in = in;
	if ((p->tt = timetable_build(in->profile, in->cal, in->start, err, errsz)) == NULL) {
		plan_free(p);
		return -1;
	}
	for (size_t i = 0; i < p->tt->nwarnings; i++)
		push(&p->warnings, &p->nwarnings, xstrdup(p->tt->warnings[i]));
	check_blackouts(p);
	if (in->profile->fallback != NULL) /* guessed from another regime: said, and exit 1 */
		push(&p->problems, &p->nproblems, xstrdup(in->profile->fallback));
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
		deploy_team(p);
	}
	*out = p;
	return p->nproblems > 0 ? 1 : 0;
}

/* Free a plan. */
void
plan_free(struct plan *p)
{
	if (p == NULL)
		return;
	for (size_t i = 0; i < p->nareas; i++) {
		free(p->areas[i].service_area);
		free(p->areas[i].reason);
	}
	free(p->areas);
	free(p->deploy);
	for (size_t i = 0; i < p->nwarnings; i++)
		free(p->warnings[i]);
	for (size_t i = 0; i < p->nproblems; i++)
		free(p->problems[i]);
	free(p->warnings);
	free(p->problems);
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
			const char *f[4] = {dates_format(r->date, a), r->person->name,
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
		json_object_set_new(o, "name", json_string(p->deploy[i].person->name));
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
	json_object_set_new(fw, "from", jdate(p->tt->fieldwork_first));
	json_object_set_new(fw, "to", jdate(p->tt->fieldwork_last));
	json_object_set_new(root, "fieldwork", fw);
	json_object_set_new(root, "timeline", timeline_json(p));
	areas_deploy_json(p, root);
	json_object_set_new(root, "warnings", jstrings(p->warnings, p->nwarnings));
	json_object_set_new(root, "problems", jstrings(p->problems, p->nproblems));
	return root;
}
