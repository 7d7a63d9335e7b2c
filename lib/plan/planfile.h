/*
 * planfile.h: the typed reader of the plan JSON that plan-weeks writes
 * (share/schemas/plan.schema.json). Every consumer of a plan (plan-observations,
 * render-report's method, sections and letters) reads it through here, so each
 * key of the format is spelled in one place: plan.c writes it, planfile.c
 * reads it, and the unit tests round-trip the two.
 *
 * What is required is what a consumer cannot do without: "areas" and
 * "deployment" (arrays) with their rows' keys, and "start". The rest is read
 * when present (a plan written by an older plan-weeks may lack "sequence").
 * Messages name the file and the member ("areas[2].week: not an integer"),
 * never a value.
 *
 * Ownership: a planfile owns every string and array in it (copies), so the
 * JSON may be freed at once.
 */
#ifndef PLANFILE_H
#define PLANFILE_H

#include <stddef.h>

#include <jansson.h>

#include "core/dates.h"

struct planfile_event {
	int day;
	date_t date;
	int week;
	char *activity, *who, *where, *key;
	char *time; /* "HH:MM" or NULL */
	int on_site;
};

struct planfile_area {
	char *service_area;
	int week;
	date_t on_site_from, on_site_to, notify_on;
	char *reason;
};

struct planfile_deploy {
	date_t date;
	int day;
	char *name;
	char *role; /* "lead", "deputy", "inspector" */
	char *location;
};

struct planfile {
	char *profile, *profile_title, *division;
	date_t start;
	int visits; /* 0 when absent */
	int has_fieldwork;
	date_t fieldwork_from, fieldwork_to;
	long sequence; /* the plan's issue number; 0 when absent */
	size_t ntimeline, nareas, ndeploy, nwarnings, nproblems;
	struct planfile_event *timeline;
	struct planfile_area *areas;
	struct planfile_deploy *deploy;
	char **warnings, **problems;
};

/*
 * Read a plan from a parsed document; name is the file's name for messages.
 * NULL with "NAME: what" in err when a required member is missing or of the
 * wrong type.
 */
struct planfile *planfile_from_json(const json_t *, const char *name, char *err, size_t errsz);
/* Load and read a plan file ("-" = standard input); NULL with err set. */
struct planfile *planfile_load(const char *path, char *err, size_t errsz);
void planfile_free(struct planfile *);
/* The area row named area (text_label_same), or NULL. */
const struct planfile_area *planfile_area(const struct planfile *, const char *area);
/* 1 when location is one of the plan's service areas. */
int planfile_is_area(const struct planfile *, const char *location);

#endif
