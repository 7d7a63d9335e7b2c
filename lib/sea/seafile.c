/*
 * seafile.c: the SEA JSON into structs. The tables below are the one place
 * where the SEA's keys are spelled for its readers.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/jsonfields.h"
#include "core/xalloc.h"
#include "sea/seafile.h"

#define REQ JSONFIELDS_REQUIRED
#define OPT JSONFIELDS_NULLABLE
#define S(type, key, member, flags)                                                                \
	{                                                                                          \
		key, JSONFIELDS_STRING, offsetof(struct type, member), 0, flags                    \
	}
#define I(type, key, member, flags)                                                                \
	{                                                                                          \
		key, JSONFIELDS_INT, offsetof(struct type, member), 0, flags                       \
	}
#define L(kind, type, key, member, count, flags)                                                   \
	{                                                                                          \
		key, kind, offsetof(struct type, member), offsetof(struct type, count), flags      \
	}

/* clang-format off */
static const struct jsonfields_spec entry_keys[] = {
    S(seafile_entry, "inspector", inspector, OPT), S(seafile_entry, "date", date, OPT),
    S(seafile_entry, "time", time, OPT), S(seafile_entry, "source", source, REQ | OPT),
    S(seafile_entry, "case_ref", case_ref, OPT),
    S(seafile_entry, "service_area", service_area, OPT),
    S(seafile_entry, "judgement", judgement, REQ),
    L(JSONFIELDS_INTS, seafile_entry, "criteria", criteria, ncriteria, OPT),
    S(seafile_entry, "finding", finding, REQ), S(seafile_entry, "summary", summary, REQ),
    {NULL, 0, 0, 0, 0},
};
/* clang-format on */

/* clang-format off */
static const struct jsonfields_spec coverage_keys[] = {
    S(seafile_coverage, "judgement", judgement, REQ),
    I(seafile_coverage, "criterion", criterion, REQ), S(seafile_coverage, "title", title, OPT),
    I(seafile_coverage, "entries", entries, OPT), I(seafile_coverage, "strengths", strengths, OPT),
    I(seafile_coverage, "improvements", improvements, OPT),
    I(seafile_coverage, "concerns", concerns, OPT),
    L(JSONFIELDS_STRINGS, seafile_coverage, "sources", sources, nsources, OPT),
    L(JSONFIELDS_STRINGS, seafile_coverage, "service_areas", service_areas, nservice_areas, OPT),
    {"triangulated", JSONFIELDS_BOOL, offsetof(struct seafile_coverage, triangulated), 0, OPT},
    {NULL, 0, 0, 0, 0},
};
/* clang-format on */

static const struct jsonfields_spec judgement_keys[] = {
    S(seafile_judgement, "judgement", judgement, REQ),
    S(seafile_judgement, "title", title, OPT),
    I(seafile_judgement, "entries", entries, OPT),
    I(seafile_judgement, "criteria", criteria, OPT),
    I(seafile_judgement, "criteria_covered", criteria_covered, OPT),
    {NULL, 0, 0, 0, 0},
};

static const struct jsonfields_spec gap_keys[] = {
    S(seafile_gap, "judgement", judgement, OPT),
    I(seafile_gap, "criterion", criterion, REQ),
    S(seafile_gap, "title", title, OPT),
    {NULL, 0, 0, 0, 0},
};

/* clang-format off */
static const struct jsonfields_spec concern_keys[] = {
    S(seafile_concern, "case", case_ref, OPT), S(seafile_concern, "inspector", inspector, OPT),
    S(seafile_concern, "date", date, OPT), S(seafile_concern, "team", team, OPT),
    S(seafile_concern, "service_area", service_area, OPT),
    S(seafile_concern, "judgement", judgement, OPT), S(seafile_concern, "issue", issue, OPT),
    {"responded", JSONFIELDS_BOOL, offsetof(struct seafile_concern, responded), 0, OPT},
    S(seafile_concern, "response", response, OPT),
    S(seafile_concern, "response_date", response_date, OPT), S(seafile_concern, "view", view, OPT),
    {NULL, 0, 0, 0, 0},
};
/* clang-format on */

/* The arrays of the SEA: key, its item table, item size, where they go in struct seafile. */
static const struct {
	const char *key;
	const struct jsonfields_spec *spec;
	size_t size, offset, count;
	int required;
} arrays[] = {
    {"entries", entry_keys, sizeof(struct seafile_entry), offsetof(struct seafile, entries),
     offsetof(struct seafile, nentries), 1},
    {"coverage", coverage_keys, sizeof(struct seafile_coverage), offsetof(struct seafile, coverage),
     offsetof(struct seafile, ncoverage), 1},
    {"judgements", judgement_keys, sizeof(struct seafile_judgement),
     offsetof(struct seafile, judgements), offsetof(struct seafile, njudgements), 0},
    {"gaps", gap_keys, sizeof(struct seafile_gap), offsetof(struct seafile, gaps),
     offsetof(struct seafile, ngaps), 0},
    {"concerns", concern_keys, sizeof(struct seafile_concern), offsetof(struct seafile, concerns),
     offsetof(struct seafile, nconcerns), 0},
};
#define NARRAYS (sizeof arrays / sizeof arrays[0])

#define MEMBER(sf, off, type) ((type *)(void *)((char *)(sf) + (off)))

/* One array of the SEA into its items. */
static int
read_array(const json_t *doc, size_t a, struct seafile *sf, char *err, size_t errsz)
{
	const json_t *v = json_object_get(doc, arrays[a].key), *item;
	char where[64];
	char *items;
	size_t i, *n = MEMBER(sf, arrays[a].count, size_t);

	if (v == NULL && !arrays[a].required)
		return 0;
	if (!json_is_array(v)) {
		snprintf(err, errsz, "%s: expected an array (is this the SEA of build-sea?)",
		         arrays[a].key);
		return -1;
	}
	items = xcalloc(json_array_size(v) + 1, arrays[a].size);
	*MEMBER(sf, arrays[a].offset, char *) = items;
	json_array_foreach(v, i, item)
	{
		snprintf(where, sizeof where, "%s[%zu]", arrays[a].key, i);
		(*n)++;
		if (jsonfields_read(item, arrays[a].spec, items + i * arrays[a].size, where, err,
		                    errsz) != 0)
			return -1;
	}
	return 0;
}

int
seafile_read(const json_t *doc, struct seafile *sf, char *err, size_t errsz)
{
	const json_t *summary, *s;
	size_t a;

	memset(sf, 0, sizeof *sf);
	if (!json_is_object(doc)) {
		snprintf(err, errsz, "expected the JSON object build-sea writes");
		return -1;
	}
	for (a = 0; a < NARRAYS; a++)
		if (read_array(doc, a, sf, err, errsz) != 0) {
			seafile_free(sf);
			return -1;
		}
	summary = json_object_get(doc, "summary");
	if ((s = json_object_get(summary, "schedule")) != NULL && json_is_string(s))
		sf->schedule = xstrdup(json_string_value(s));
	sf->nrejected = json_array_size(json_object_get(doc, "rejected"));
	return 0;
}

void
seafile_free(struct seafile *sf)
{
	size_t a, i;
	char *items;

	for (a = 0; a < NARRAYS; a++) {
		items = *MEMBER(sf, arrays[a].offset, char *);
		for (i = 0; i < *MEMBER(sf, arrays[a].count, size_t); i++)
			jsonfields_free(arrays[a].spec, items + i * arrays[a].size);
		free(items);
	}
	free(sf->schedule);
	memset(sf, 0, sizeof *sf);
}
