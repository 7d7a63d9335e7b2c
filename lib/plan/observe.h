/*
 * observe.h: assigning practice observations (handbook paras 33, 49, 52,
 * 58-63) to the inspectors a plan puts in each service area each day.
 *
 * Rules: an opportunity needs consent; a home visit only where its travel is
 * at most max_travel minutes; an opportunity goes to at most one inspector,
 * who must be on site in its area on its date; between two engagements of one
 * inspector there are at least 30 minutes plus the later one's travel.
 * Objective, in order: (1) visited areas with a court duty observed, (2)
 * inspector-days with an observation, (3) observations in all. The solution
 * is exact: each area-day is solved by a memoised search over the
 * opportunities in start order, with inspectors of that day interchangeable
 * (they are all deployed to the area), and each area picks the day whose
 * court duty costs least.
 *
 * Ownership: observe_solve() keeps pointers into the caller's arrays; the
 * result owns only its arrays (observe_result_free).
 */
#ifndef OBSERVE_H
#define OBSERVE_H

#include <stddef.h>

#include "core/dates.h"

#define OBSERVE_GAP_MINUTES 30

enum observe_type {
	OBSERVE_COURT_DUTY,
	OBSERVE_OFFICE_APPOINTMENT,
	OBSERVE_HOME_VISIT,
	OBSERVE_MEETING,
};

struct observe_opp {
	const char *id;
	const char *area;
	date_t date;
	int start, end; /* minutes after midnight, start < end */
	enum observe_type type;
	int travel; /* minutes */
	int consent;
	unsigned long line; /* where it was read, for messages */
};

/* One person on site in an area on a date. */
struct observe_slot {
	const char *name;
	const char *area;
	date_t date;
};

struct observe_assignment {
	size_t opp; /* index into the opportunities */
	size_t slot; /* index into the slots */
};

/* An area-day, with what it achieved. */
struct observe_day {
	const char *area;
	date_t date;
	size_t inspectors; /* on site */
	size_t observed; /* inspectors with at least one observation */
	size_t observations;
	int court_duty; /* a court duty observed this day */
};

struct observe_result {
	size_t nassign;
	struct observe_assignment *assign; /* by date, start, then inspector name */
	size_t ndays;
	struct observe_day *days; /* by area, then date */
	size_t nareas_visited;
	size_t nareas_court; /* visited areas with a court duty observed */
	size_t ineligible_consent, ineligible_travel, outside_plan;
};

const char *observe_type_name(enum observe_type);
/* Parse a type name; -1 when unknown. */
int observe_type_parse(const char *);
/*
 * Solve. areas (n_areas) are the areas the plan visits: each is judged for a
 * court duty even when no opportunity names it. Returns 0.
 */
int observe_solve(const struct observe_opp *opps, size_t nopps, const struct observe_slot *slots,
                  size_t nslots, const char *const *areas, size_t nareas, int max_travel,
                  struct observe_result *out);
void observe_result_free(struct observe_result *);
/* Two engagements of one inspector fit (either order) under the gap rule. */
int observe_compatible(const struct observe_opp *a, const struct observe_opp *b);

#endif
