/*
 * detailsfile.c: the details JSON into struct detailsfile. The tables are
 * the one place the keys are spelled.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "core/jsonfields.h"
#include "core/xalloc.h"
#include "report/detailsfile.h"

#define STR(key, member)                                                                           \
	{                                                                                          \
		key, JSONFIELDS_STRING, offsetof(struct detailsfile, member), 0,                   \
		    JSONFIELDS_NULLABLE                                                            \
	}

static const struct jsonfields_spec keys[] = {
    STR("chief_executive", chief_executive),
    STR("lead_inspector", lead_inspector),
    STR("lead_inspector_phone", lead_inspector_phone),
    STR("lead_inspector_email", lead_inspector_email),
    STR("lead_inspector_contact", lead_inspector_contact),
    STR("qa_manager", qa_manager),
    STR("qa_manager_contact", qa_manager_contact),
    STR("service_area", service_area),
    STR("inspection_start", inspection_start),
    STR("spoken_to", spoken_to),
    {NULL, 0, 0, 0, 0},
};

#define PSTR(key, member, flags)                                                                   \
	{                                                                                          \
		key, JSONFIELDS_STRING, offsetof(struct detailsfile_person, member), 0, flags      \
	}

static const struct jsonfields_spec person_keys[] = {
    PSTR("name", name, JSONFIELDS_REQUIRED),
    PSTR("phone", phone, JSONFIELDS_NULLABLE),
    PSTR("email", email, JSONFIELDS_NULLABLE),
    {NULL, 0, 0, 0, 0},
};

/* Keys of the document read apart from the table, and "$schema"/"about". */
static const char *const other_keys[] = {"inspectors", "$schema", "about", NULL};

/* Refuse a key nobody reads (a misspelt key would leave a blank unfilled). */
static int
check_keys(const json_t *doc, const struct jsonfields_spec *spec, const char *const *others,
           const char *where, char *err, size_t errsz)
{
	const char *key;
	const json_t *v;
	size_t i;

	json_object_foreach((json_t *)doc, key, v)
	{
		for (i = 0; others != NULL && others[i] != NULL && strcmp(others[i], key) != 0; i++)
			;
		if (jsonfields_known(spec, key) || (others != NULL && others[i] != NULL))
			continue;
		snprintf(err, errsz, "%s%sunknown key %s (see share/schemas/details.schema.json)",
		         where, *where != '\0' ? ": " : "", jsonfields_shown_key(key));
		return -1;
	}
	return 0;
}

/* inspectors: [{"name", "phone", "email"}]. */
static int
read_inspectors(const json_t *v, struct detailsfile *d, char *err, size_t errsz)
{
	const json_t *item;
	char where[48];
	size_t i;

	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_array(v)) {
		snprintf(err, errsz, "inspectors: expected a list of {name, phone, email}");
		return -1;
	}
	d->inspectors = xcalloc(json_array_size(v) + 1, sizeof *d->inspectors);
	json_array_foreach(v, i, item)
	{
		snprintf(where, sizeof where, "inspectors[%zu]", i);
		d->ninspectors++;
		if (jsonfields_read(item, person_keys, &d->inspectors[i], where, err, errsz) != 0 ||
		    check_keys(item, person_keys, NULL, where, err, errsz) != 0)
			return -1;
	}
	return 0;
}

int
detailsfile_read(const json_t *doc, struct detailsfile *d, char *err, size_t errsz)
{
	char buf[DATES_ISO_LEN];
	date_t start;

	memset(d, 0, sizeof *d);
	if (!json_is_object(doc)) {
		snprintf(err, errsz, "details: expected a JSON object");
		return -1;
	}
	if (check_keys(doc, keys, other_keys, "", err, errsz) != 0 ||
	    jsonfields_read(doc, keys, d, "", err, errsz) != 0 ||
	    read_inspectors(json_object_get(doc, "inspectors"), d, err, errsz) != 0)
		goto fail;
	if (d->inspection_start != NULL) {
		if (dates_parse(d->inspection_start, &start) != 0) {
			snprintf(err, errsz, "inspection_start: not a date (YYYY-MM-DD)");
			goto fail;
		}
		free(d->inspection_start);
		d->inspection_start = xstrdup(dates_format(start, buf));
	}
	return 0;
fail:
	detailsfile_free(d);
	return -1;
}

void
detailsfile_free(struct detailsfile *d)
{
	size_t i;

	for (i = 0; i < d->ninspectors; i++)
		jsonfields_free(person_keys, &d->inspectors[i]);
	free(d->inspectors);
	jsonfields_free(keys, d);
	memset(d, 0, sizeof *d);
}
