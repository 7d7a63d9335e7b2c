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
#include "plan/planfile.h"
#include "plan/timetable.h"

/* --pin AREA=WEEK: an area visited (or to be visited) in that week. */
struct plan_pin {
	const char *area;
	int week;
};

/* --replace OLD=NEW --from DATE: NEW takes OLD's places from that date. */
struct plan_replace {
	const char *old_name, *new_name;
	const char *new_conflicts; /* areas separated by ';', ',' or '|'; may be NULL */
	date_t from;
};

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
	const char *unfilled; /* "1 deputy" when places were held for a short team */
	const char *start_note; /* a problem with the start (a bank holiday), or NULL */
	const struct plan_pin *pins;
	size_t npins;
	const struct plan_replace *replace;
	size_t nreplace;
	int has_as_of; /* --as-of: days before as_of are frozen as in previous */
	date_t as_of;
	const struct planfile *previous; /* the plan this one re-issues, or NULL */
	long sequence; /* 0: previous's sequence + 1 (1 without a previous plan) */
};

struct plan_area {
	char *service_area;
	int week;
	date_t on_site_from, on_site_to, notify_on;
	char *reason;
	int pinned; /* by --pin or frozen by --as-of */
	int moved_from; /* the week it was first given, when the placement search moved it; else 0
	                 */
};

struct plan_deployment {
	date_t date;
	int day;
	const struct deploy_person *person;
	const char *name; /* the person's name, or their replacement's */
	const char *location; /* points into the plan, the profile or the previous plan */
};

struct plan {
	const struct plan_input *in;
	struct timetable *tt;
	size_t nareas;
	struct plan_area *areas; /* week, then order of choice */
	size_t ndeploy;
	struct plan_deployment *deploy; /* date, then role and name */
	int regrouped;
	long sequence; /* the issue number of this plan: 1, 2, ... */
	struct plan_input *own_in; /* the input with the pins --as-of adds */
	struct plan_pin *own_pins;
	size_t user_pins; /* own_pins[0..user_pins) came from --pin */
	const char *dropped; /* an area left out when choosing again, or NULL */
	struct deploy_person *stand_people; /* the --replace stand-ins, with their conflicts */
	const struct deploy_person ***stand_in; /* [week][person]: a stand-in, or NULL */
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
/*
 * Check the team's conflicts of interest against the areas file: each must
 * name a service area (text_labelkey or an alias); it is rewritten to the
 * area's name. -1 with "TEAM:LINE: conflicts: 'X' is not a service area in
 * AREAS; did you mean 'Y'?" in err.
 */
int plan_check_conflicts(struct deploy_team *, const struct areas_list *, const char *areas_file,
                         char *err, size_t errsz);
#define PLAN_FIRST_YEAR 1900 /* the years a start may fall in */
#define PLAN_LAST_YEAR 2199
/* 0 when d is within the supported years; -1 with err saying the range. */
int plan_date_supported(date_t d, char *err, size_t errsz);
/* Write one CSV view with its header. */
void plan_write_csv(const struct plan *, enum plan_view, FILE *);
/* The whole plan as JSON (a new reference). */
json_t *plan_to_json(const struct plan *);

#endif
