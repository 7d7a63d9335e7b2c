/*
 * observe.h: assigning practice observations (handbook paras 33, 49, 52,
 * 58-63) to the inspectors a plan puts in each service area each day.
 *
 * Rules: an opportunity needs consent; none whose travel exceeds max_travel
 * minutes, whatever its type (para 52); an opportunity goes to at most one
 * inspector, who must be on site in its area on its date; an inspector takes
 * at most per_day observations a day (para 63: about one a day); between two
 * engagements of one inspector there are at least 30 minutes plus the later
 * one's travel. Objective, in order: (1) visited areas with a court duty
 * observed, (2) inspector-days with an observation, (3) observations in all.
 *
 * Method, polynomial and bounded: each area-day is an interval-scheduling
 * problem on k interchangeable inspectors (an opportunity occupies
 * [start - 30 - travel, end)). With one observation a day (the default) the
 * first two aims are met exactly: every inspector gets one, the forced court
 * duty first. Further observations (per_day above 1) are added earliest end
 * first to the least-loaded inspector they fit, which is the optimal greedy
 * for the count when per_day does not bind. An area picks for its court duty
 * the day where forcing one costs least. Time O(m log m + m k per_day) and
 * memory O(m + k) per area-day of m opportunities; an area-day with more than
 * OBSERVE_MAX_PER_AREA_DAY is refused, naming area and date.
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
	OBSERVE_INTERVIEW,
	OBSERVE_NTYPES
};

/* Why an opportunity was not used (OBSERVE_USED when it was). */
enum observe_reason {
	OBSERVE_USED,
	OBSERVE_NO_CONSENT,
	OBSERVE_TOO_FAR, /* travel over the limit */
	OBSERVE_AREA_NOT_VISITED,
	OBSERVE_NOT_ON_SITE, /* the area is visited, but nobody is there that day */
	OBSERVE_NOT_NEEDED, /* every inspector there had enough, or it clashed */
	OBSERVE_NREASONS
};

#define OBSERVE_MAX_PER_AREA_DAY 1000 /* opportunities in one area on one day */
#define OBSERVE_MAX_PER_DAY 10 /* --per-day */

struct observe_opts {
	int max_travel; /* minutes */
	int per_day; /* observations per inspector per day, 1 to OBSERVE_MAX_PER_DAY */
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
	unsigned char *reason; /* [opportunity]: enum observe_reason */
	size_t dropped[OBSERVE_NREASONS]; /* opportunities by reason ([OBSERVE_USED]: used) */
};

const char *observe_type_name(enum observe_type);
/* Parse a canonical type name ("court-duty"); -1 when unknown. */
int observe_type_parse(const char *);
/* The reason's name ("no_consent") and its words for a message ("without consent"). */
const char *observe_reason_name(enum observe_reason);
const char *observe_reason_text(enum observe_reason);
/*
 * Solve. areas (nareas) are the areas the plan visits: each is judged for a
 * court duty even when no opportunity names it. Area names match by
 * text_label_same ("london south" = "London South"). 0, or -1 with
 * "AREA on DATE: ..." in err when an area-day holds more than
 * OBSERVE_MAX_PER_AREA_DAY usable opportunities (nothing is assigned).
 */
int observe_solve(const struct observe_opp *opps, size_t nopps, const struct observe_slot *slots,
                  size_t nslots, const char *const *areas, size_t nareas,
                  const struct observe_opts *, struct observe_result *out, char *err, size_t errsz);
void observe_result_free(struct observe_result *);
/* Two engagements of one inspector fit (either order) under the gap rule. */
int observe_compatible(const struct observe_opp *a, const struct observe_opp *b);

#endif
