/*
 * schedule.c: the evaluation schedule loaded from JSON and looked up by
 * judgement and criterion number.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "core/datadir.h"
#include "core/jsonio.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "regime/profile.h"
#include "sea/schedule.h"

struct sched_crit {
	struct schedule_criterion pub;
	char **titles;
	char *judgement;
	char *title;
};

struct schedule {
	char *name;
	size_t njudgements;
	char **judgements;
	char **jtitles;
	size_t ncriteria;
	struct sched_crit *criteria;
};

/* Order criteria by number. */
static int
crit_cmp(const void *a, const void *b)
{
	const struct sched_crit *x = a, *y = b;

	return (x->pub.number > y->pub.number) - (x->pub.number < y->pub.number);
}

/* Read the judgements array; -1 with err set on a bad entry. */
static int
load_judgements(struct schedule *s, json_t *arr, const char *path, char *err, size_t errsz)
{
	size_t i;
	json_t *j;

	if (!json_is_array(arr) || json_array_size(arr) == 0) {
		snprintf(err, errsz, "%s: \"judgements\" must be a non-empty array", path);
		return -1;
	}
	s->judgements = xcalloc(json_array_size(arr), sizeof(char *));
	s->jtitles = xcalloc(json_array_size(arr), sizeof(char *));
	json_array_foreach(arr, i, j)
	{
		const char *id = jsonio_str(j, "id", NULL);

		if (id == NULL || *id == '\0') {
			snprintf(err, errsz, "%s: judgement %zu has no \"id\"", path, i + 1);
			return -1;
		}
		if (schedule_judgement_index(s, id) >= 0) {
			snprintf(err, errsz, "%s: judgement \"%s\" listed twice", path, id);
			return -1;
		}
		s->judgements[s->njudgements] = xstrdup(id);
		s->jtitles[s->njudgements++] = xstrdup(jsonio_str(j, "title", id));
	}
	return 0;
}

/* Fill c from one criteria entry; -1 with err set when it is bad. */
static int
load_criterion(struct schedule *s, struct sched_crit *c, json_t *j, size_t i, const char *path,
               char *err, size_t errsz)
{
	json_t *num = json_object_get(j, "number"), *titles = json_object_get(j, "titles"), *t;
	const char *judgement = jsonio_str(j, "judgement", NULL);
	struct strbuf sb;
	size_t k;

	if (!json_is_integer(num) || json_integer_value(num) < 1) {
		snprintf(err, errsz, "%s: criterion %zu: \"number\" must be a positive integer",
		         path, i + 1);
		return -1;
	}
	if (judgement == NULL || schedule_judgement_index(s, judgement) < 0) {
		snprintf(err, errsz, "%s: criterion %zu: unknown \"judgement\"", path, i + 1);
		return -1;
	}
	if (json_is_string(json_object_get(j, "title")) && titles == NULL)
		titles = json_pack("[O]", json_object_get(j, "title"));
	else
		json_incref(titles);
	if (!json_is_array(titles) || json_array_size(titles) == 0) {
		json_decref(titles);
		snprintf(err, errsz, "%s: criterion %zu: \"titles\" must be a non-empty array",
		         path, i + 1);
		return -1;
	}
	c->pub.number = (long)json_integer_value(num);
	c->judgement = xstrdup(judgement);
	c->titles = xcalloc(json_array_size(titles), sizeof(char *));
	strbuf_init(&sb);
	json_array_foreach(titles, k, t)
	{
		if (!json_is_string(t)) {
			strbuf_free(&sb);
			json_decref(titles);
			snprintf(err, errsz, "%s: criterion %zu: titles must be strings", path,
			         i + 1);
			return -1;
		}
		c->titles[c->pub.ntitles++] = xstrdup(json_string_value(t));
		if (k > 0)
			strbuf_adds(&sb, "; ");
		strbuf_adds(&sb, json_string_value(t));
	}
	json_decref(titles);
	c->title = strbuf_steal(&sb);
	strbuf_free(&sb);
	return 0;
}

/* Read the criteria array; -1 with err set on a bad or repeated entry. */
static int
load_criteria(struct schedule *s, json_t *arr, const char *path, char *err, size_t errsz)
{
	size_t i;
	json_t *j;

	if (!json_is_array(arr)) {
		snprintf(err, errsz, "%s: \"criteria\" must be an array", path);
		return -1;
	}
	s->criteria = xcalloc(json_array_size(arr) + 1, sizeof(*s->criteria));
	json_array_foreach(arr, i, j)
	{
		struct sched_crit *c = &s->criteria[s->ncriteria];

		if (load_criterion(s, c, j, i, path, err, errsz) == -1) {
			s->ncriteria++; /* so that schedule_free() releases it */
			return -1;
		}
		if (schedule_find(s, NULL, c->pub.number) >= 0) {
			s->ncriteria++;
			snprintf(err, errsz, "%s: criterion %ld listed twice", path, c->pub.number);
			return -1;
		}
		s->ncriteria++;
	}
	qsort(s->criteria, s->ncriteria, sizeof(*s->criteria), crit_cmp);
	for (i = 0; i < s->ncriteria; i++) {
		struct sched_crit *c = &s->criteria[i];

		c->pub.judgement = c->judgement;
		c->pub.titles = (const char *const *)c->titles;
		c->pub.title = c->title;
	}
	return 0;
}

struct schedule *
schedule_load(const char *path, char *err, size_t errsz)
{
	struct schedule *s;
	json_t *root;

	if ((root = jsonio_load(path, err, errsz)) == NULL)
		return NULL;
	s = xcalloc(1, sizeof(*s));
	if (!json_is_object(root)) {
		snprintf(err, errsz, "%s: the schedule must be a JSON object", path);
		goto fail;
	}
	s->name = xstrdup(jsonio_str(root, "name", "schedule"));
	if (load_judgements(s, json_object_get(root, "judgements"), path, err, errsz) == -1 ||
	    load_criteria(s, json_object_get(root, "criteria"), path, err, errsz) == -1)
		goto fail;
	json_decref(root);
	return s;
fail:
	json_decref(root);
	schedule_free(s);
	return NULL;
}

/* The shipped schedule of a regime's name (an old name warned about); NULL with err. */
static struct schedule *
load_named(const char *name, char *err, size_t errsz)
{
	char *rel, *path;
	struct schedule *s;

	name = profile_resolve("schedule", name);
	rel = xasprintf("schedule/%s.json", name);
	path = datadir_path(rel);
	free(rel);
	if (access(path, R_OK) != 0) {
		snprintf(err, errsz,
		         "--schedule %s: no such schedule (give a file, or the name of one in "
		         "share/schedule: %s)",
		         name, SCHEDULE_DEFAULT);
		free(path);
		return NULL;
	}
	s = schedule_load(path, err, errsz);
	free(path);
	return s;
}

/* 1 when s (its first len bytes) has the shape of a schedule's name: [a-z0-9-], 1-40. */
static int
is_name(const char *s, size_t len)
{
	return len > 0 && len <= 40 && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789-") >= len;
}

struct schedule *
schedule_open(const char *arg, char *err, size_t errsz)
{
	const char *base;
	char name[48];
	size_t len;

	if (arg == NULL)
		return load_named(SCHEDULE_DEFAULT, err, errsz);
	if (access(arg, F_OK) == 0 || strcmp(arg, "-") == 0)
		return schedule_load(arg, err, errsz);
	if (is_name(arg, strlen(arg)))
		return load_named(arg, err, errsz);
	/* a shipped file by its old name (share/schedule/ofsted-2021.json) */
	base = strrchr(arg, '/') != NULL ? strrchr(arg, '/') + 1 : arg;
	len = strlen(base);
	if (len > 5 && strcmp(base + len - 5, ".json") == 0 && is_name(base, len - 5)) {
		memcpy(name, base, len - 5);
		name[len - 5] = '\0';
		if (strcmp(profile_canonical(name), name) != 0)
			return load_named(name, err, errsz);
	}
	return schedule_load(arg, err, errsz);
}

struct schedule *
schedule_load_default(char *err, size_t errsz)
{
	return schedule_open(NULL, err, errsz);
}

void
schedule_free(struct schedule *s)
{
	size_t i, k;

	if (s == NULL)
		return;
	for (i = 0; i < s->njudgements; i++) {
		free(s->judgements[i]);
		free(s->jtitles[i]);
	}
	free(s->judgements);
	free(s->jtitles);
	for (i = 0; i < s->ncriteria; i++) {
		for (k = 0; k < s->criteria[i].pub.ntitles; k++)
			free(s->criteria[i].titles[k]);
		free(s->criteria[i].titles);
		free(s->criteria[i].judgement);
		free(s->criteria[i].title);
	}
	free(s->criteria);
	free(s->name);
	free(s);
}

const char *
schedule_name(const struct schedule *s)
{
	return s->name;
}

size_t
schedule_njudgements(const struct schedule *s)
{
	return s->njudgements;
}

const char *
schedule_judgement(const struct schedule *s, size_t i)
{
	return i < s->njudgements ? s->judgements[i] : NULL;
}

const char *
schedule_judgement_title(const struct schedule *s, size_t i)
{
	return i < s->njudgements ? s->jtitles[i] : NULL;
}

long
schedule_judgement_index(const struct schedule *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->njudgements; i++)
		if (strcmp(s->judgements[i], id) == 0)
			return (long)i;
	return -1;
}

size_t
schedule_count(const struct schedule *s)
{
	return s->ncriteria;
}

const struct schedule_criterion *
schedule_get(const struct schedule *s, size_t i)
{
	return i < s->ncriteria ? &s->criteria[i].pub : NULL;
}

long
schedule_find(const struct schedule *s, const char *judgement, long number)
{
	size_t i;

	for (i = 0; i < s->ncriteria; i++) {
		const struct sched_crit *c = &s->criteria[i];

		if (c->pub.number == number)
			return judgement == NULL || strcmp(c->judgement, judgement) == 0 ? (long)i
			                                                                 : -1;
	}
	return -1;
}

size_t
schedule_judgement_count(const struct schedule *s, const char *judgement)
{
	size_t i, n = 0;

	for (i = 0; i < s->ncriteria; i++)
		if (strcmp(s->criteria[i].judgement, judgement) == 0)
			n++;
	return n;
}
