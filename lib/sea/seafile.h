/*
 * seafile.h: the typed reader of the SEA JSON that build-sea writes
 * (share/schemas/sea.schema.json). Each key is named once, in the tables
 * of seafile.c; every consumer (render-report's report and team pack,
 * skeletons and gates) reads these structs, never the JSON.
 *
 * Ownership: seafile_read() fills a struct the caller releases with
 * seafile_free(); every string in it is its own copy.
 */
#ifndef SEAFILE_H
#define SEAFILE_H

#include <stddef.h>

#include <jansson.h>

/* One entry of the SEA: a piece of evidence, coded and redacted. */
struct seafile_entry {
	char *inspector, *date, *time, *source, *case_ref, *service_area;
	char *judgement, *finding, *summary;
	long long *criteria;
	size_t ncriteria;
};

/* The coverage of one criterion of the evaluation schedule. */
struct seafile_coverage {
	char *judgement, *title;
	long long criterion, entries, strengths, improvements, concerns;
	char **sources, **service_areas;
	size_t nsources, nservice_areas;
	int triangulated;
};

/* A judgement of the schedule and its title. */
struct seafile_judgement {
	char *judgement, *title;
	long long entries, criteria, criteria_covered;
};

/* A criterion with no evidence. */
struct seafile_gap {
	char *judgement, *title;
	long long criterion;
};

/* A concern referred back to Cafcass (handbook Annex F). */
struct seafile_concern {
	char *case_ref, *inspector, *date, *team, *service_area, *judgement;
	char *issue, *response, *response_date, *view;
	int responded;
};

struct seafile {
	char *schedule; /* summary.schedule, or NULL */
	struct seafile_entry *entries;
	struct seafile_coverage *coverage;
	struct seafile_judgement *judgements;
	struct seafile_gap *gaps;
	struct seafile_concern *concerns;
	size_t nentries, ncoverage, njudgements, ngaps, nconcerns;
	size_t nrejected; /* records build-sea rejected (its "rejected" list) */
};

/*
 * Read an SEA document into sf. 0, or -1 with "where: what" in err
 * ("entries[3].summary: expected a string"), never a value; sf is then
 * empty.
 */
int seafile_read(const json_t *doc, struct seafile *sf, char *err, size_t errsz);
void seafile_free(struct seafile *sf);

#endif
