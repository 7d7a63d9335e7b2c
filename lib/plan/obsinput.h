/*
 * obsinput.h: plan-observations' inputs: the plan (read through planfile)
 * turned into the inspectors on site in each area each day, and the
 * opportunities CSV from Cafcass (share/fields/opportunities.json), checked
 * row by row with their types matched through share/vocab/observation-type.json
 * ("Court duty", "FHDRA", "home visit", "supervision"...).
 *
 * Messages name the file, the line and the column, never a value. Loading is
 * linear in the rows (duplicate ids found by sorting).
 *
 * Ownership: an obsinput_plan owns its planfile, and its slots and areas point
 * into it; an obsinput_opps owns its table, and its opportunities point into it.
 */
#ifndef OBSINPUT_H
#define OBSINPUT_H

#include <stddef.h>

#include "plan/observe.h"
#include "plan/planfile.h"

struct obsinput_plan {
	struct planfile *pf;
	struct observe_slot *slots; /* people on site in an area, one per day */
	size_t nslots;
	const char **areas; /* the areas the plan visits */
	size_t nareas;
};

struct table;

struct obsinput_opps {
	struct table *t;
	struct observe_opp *opp;
	size_t n;
	size_t near_misses; /* areas not visited whose names are near a visited one */
};

/* Load the plan; -1 after a diagnostic. */
int obsinput_plan_load(const char *path, struct obsinput_plan *);
void obsinput_plan_free(struct obsinput_plan *);
/*
 * Load and check every opportunity; -1 after a diagnostic. A service area
 * that is not one the plan visits but is near one (a misspelling) is warned
 * about with the line and the nearest name, and counted in near_misses.
 */
int obsinput_opps_load(const char *path, const struct obsinput_plan *, struct obsinput_opps *);
void obsinput_opps_free(struct obsinput_opps *);

#endif
