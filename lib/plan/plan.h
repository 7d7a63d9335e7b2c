/*
 * plan.h: the whole inspection plan: the timetable, the areas chosen with
 * their weeks and dates, the day-by-day deployment of every person, the
 * warnings and the problems (blackout days, an impossible deployment) that
 * make plan-weeks exit 1. Written as CSV views or one JSON document
 * (share/schemas/plan.schema.json).
 *
 * Ownership: plan_build() borrows its inputs (profile, calendar, areas,
 * team), which must outlive the plan; the plan owns everything else.
 */
#ifndef PLAN_H
#define PLAN_H

#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "core/calendar.h"
#include "plan/areas.h"
#include "plan/deploy.h"
#include "plan/timetable.h"

struct plan_input {
	const struct timetable_profile *profile;
	const struct calendar *cal;
	const char *division;
	date_t start;
	int visits; /* 8 or 7 */
	const struct areas_list *areas; /* NULL: placeholders stand for the areas */
	const char *const *include;
	size_t ninclude;
	const char *const *exclude;
	size_t nexclude;
	const struct deploy_team *team; /* 1 lead, 3 deputies, 6 inspectors */
};

struct plan_area {
	char *service_area;
	int week;
	date_t on_site_from, on_site_to, notify_on;
	char *reason;
};

struct plan_deployment {
	date_t date;
	int day;
	const struct deploy_person *person;
	const char *location; /* points into the plan or the profile */
};

struct plan {
	const struct plan_input *in;
	struct timetable *tt;
	size_t nareas;
	struct plan_area *areas; /* week, then order of choice */
	size_t ndeploy;
	struct plan_deployment *deploy; /* date, then role and name */
	int regrouped;
	size_t nwarnings, nproblems;
	char **warnings, **problems;
};

enum plan_view { PLAN_TIMELINE, PLAN_AREAS, PLAN_DEPLOYMENT };

/*
 * Build the plan. 0 when it holds; 1 when it was built but has problems
 * (an on-site day in a blackout period, no possible deployment); -1 with
 * err set when it cannot be built (a bad start, an unknown area name).
 */
int plan_build(const struct plan_input *, struct plan **out, char *err, size_t errsz);
void plan_free(struct plan *);
/* English weekday name of d ("Friday"). */
const char *plan_weekday(date_t d);
/* Write one CSV view with its header. */
void plan_write_csv(const struct plan *, enum plan_view, FILE *);
/* The whole plan as JSON (a new reference). */
json_t *plan_to_json(const struct plan *);

#endif
