/*
 * judgementsfile.c: the judgements JSON into struct judgementsfile, checked
 * against its schema by hand so that every error names the key (never the
 * text). The table members[] is the one place the top-level keys are named;
 * the judgements are the profile's set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "core/jsonfields.h"
#include "core/jsonio.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "report/judgementsfile.h"

static const char *const grade_keys[] = {"outstanding", "good", "requires-improvement",
                                         "inadequate"};
static const char *const grade_words[] = {"Outstanding", "Good", "Requires improvement to be good",
                                          "Inadequate"};

const char *
judgementsfile_id(const struct judgementsfile *j, size_t k)
{
	return j->profile->judgements[k].id;
}

const char *
judgementsfile_grade_words(enum report_grade g)
{
	return g == REPORT_GRADE_NONE ? "Not graded" : grade_words[g];
}

enum report_grade
judgementsfile_grade_parse(const char *s)
{
	int g;

	for (g = REPORT_OUTSTANDING; g <= REPORT_INADEQUATE; g++)
		if (text_same(s, grade_keys[g]) || text_same(s, grade_words[g]))
			return (enum report_grade)g;
	if (text_same(s, "requires improvement"))
		return REPORT_REQUIRES_IMPROVEMENT;
	return REPORT_GRADE_NONE;
}

int
judgementsfile_judgement_of(const struct judgementsfile *j, const char *key)
{
	size_t k;

	for (k = 0; k < j->njudgements; k++)
		if (text_same(key, judgementsfile_id(j, k)))
			return (int)k;
	return -1;
}

/*
 * Append to err " (profile P judges A, B, C[; did you mean X?])" for key;
 * X is the nearest of the judgements and of the nother keys in other.
 */
static void
name_the_set(const struct judgementsfile *j, const char *key, const char *const *other,
             size_t nother, char *err, size_t errsz)
{
	const char *names[PROFILE_MAX_JUDGEMENTS + 16];
	char *set = profile_judgement_list(j->profile);
	size_t k, n = 0, len = strlen(err);
	long near;

	for (k = 0; k < j->njudgements; k++)
		names[n++] = judgementsfile_id(j, k);
	for (k = 0; k < nother && n < sizeof names / sizeof names[0]; k++)
		names[n++] = other[k];
	near = key != NULL ? text_nearest(key, names, n) : -1;
	snprintf(err + len, errsz > len ? errsz - len : 0, " (profile %s judges %s%s%s%s)",
	         j->profile->name, set, near >= 0 ? "; did you mean " : "",
	         near >= 0 ? names[near] : "", near >= 0 ? "?" : "");
	free(set);
}

/* Append a text with its origin to a list. */
static void
list_add(struct judgementsfile_list *l, const char *text, char *origin, int judgement)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n].text = xstrdup(text);
	l->v[l->n].origin = origin;
	l->v[l->n].judgement = judgement;
	l->n++;
}

static void
list_free(struct judgementsfile_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].text);
		free(l->v[i].origin);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

void
judgementsfile_free(struct judgementsfile *j)
{
	free(j->title);
	free(j->from);
	free(j->to);
	list_free(&j->children);
	list_free(&j->findings);
	list_free(&j->improve);
	list_free(&j->priority);
}

/*
 * A list of strings at where: an array of non-blank strings (a string alone
 * is a list of one). With actions, an item may be {"judgement", "action"}.
 */
static int
take_list(const struct judgementsfile *j, const json_t *v, const char *where,
          struct judgementsfile_list *l, int judgement, int actions, char *err, size_t errsz)
{
	const json_t *item, *a;
	size_t i;
	int jg;

	if (json_is_string(v)) {
		if (!text_blank(json_string_value(v)))
			list_add(l, json_string_value(v), xstrdup(where), judgement);
		return 0;
	}
	if (!json_is_array(v)) {
		snprintf(err, errsz, "%s: expected a list of strings", where);
		return -1;
	}
	json_array_foreach(v, i, item)
	{
		jg = judgement;
		if (actions && json_is_object(item)) {
			a = json_object_get(item, "action");
			jg = judgementsfile_judgement_of(j, jsonio_str(item, "judgement", ""));
			if (!json_is_string(a) || jg < 0) {
				snprintf(
				    err, errsz,
				    "%s[%zu]: expected a string or {\"judgement\": a judgement of "
				    "the profile, \"action\": text}",
				    where, i);
				name_the_set(j,
				             json_is_string(json_object_get(item, "judgement"))
				                 ? jsonio_str(item, "judgement", NULL)
				                 : NULL,
				             NULL, 0, err, errsz);
				return -1;
			}
			item = a;
		}
		if (!json_is_string(item) || text_blank(json_string_value(item))) {
			snprintf(err, errsz, "%s[%zu]: expected a non-empty string", where, i);
			return -1;
		}
		list_add(l, json_string_value(item), xasprintf("%s[%zu]", where, i), jg);
	}
	return 0;
}

/* One judgement: a grade string, or {"grade": ..., "priority_actions": [...]}. */
static int
take_judgement(const json_t *v, int jg, struct judgementsfile *j, char *err, size_t errsz)
{
	const char *id = judgementsfile_id(j, (size_t)jg), *key;
	const json_t *g = v, *val;
	char *where;
	int rc;

	if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, val)
		{
			if (strcmp(key, "grade") != 0 && strcmp(key, "priority_actions") != 0 &&
			    strcmp(key, "about") != 0) {
				snprintf(err, errsz, "%s: unknown key %s (grade, priority_actions)",
				         id, jsonfields_shown_key(key));
				return -1;
			}
		}
		g = json_object_get(v, "grade");
		if ((val = json_object_get(v, "priority_actions")) != NULL) {
			where = xasprintf("%s.priority_actions", id);
			rc = take_list(j, val, where, &j->priority, jg, 0, err, errsz);
			free(where);
			if (rc != 0)
				return rc;
		}
	}
	if (!json_is_string(g) ||
	    judgementsfile_grade_parse(json_string_value(g)) == REPORT_GRADE_NONE) {
		snprintf(
		    err, errsz,
		    "%s: grade: expected outstanding, good, requires-improvement or inadequate",
		    id);
		return -1;
	}
	if (j->grade[jg] != REPORT_GRADE_NONE) {
		snprintf(err, errsz, "%s: graded twice", id);
		return -1;
	}
	j->grade[jg] = judgementsfile_grade_parse(json_string_value(g));
	return 0;
}

/* The "judgements" member: an object keyed by judgement, or an array. */
static int
take_judgements(const json_t *v, struct judgementsfile *j, char *err, size_t errsz)
{
	const char *key;
	const json_t *val;
	size_t i;
	int jg;

	if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, val)
		{
			if ((jg = judgementsfile_judgement_of(j, key)) < 0) {
				snprintf(err, errsz, "judgements: unknown judgement %s",
				         jsonfields_shown_key(key));
				name_the_set(j, key, NULL, 0, err, errsz);
				return -1;
			}
			if (take_judgement(val, jg, j, err, errsz) != 0)
				return -1;
		}
		return 0;
	}
	if (!json_is_array(v)) {
		snprintf(err, errsz, "judgements: expected an object or an array");
		return -1;
	}
	json_array_foreach(v, i, val)
	{
		json_t *copy;
		int rc;

		const char *named = jsonio_str(val, "judgement", jsonio_str(val, "id", NULL));

		jg = judgementsfile_judgement_of(j, named != NULL ? named : "");
		if (!json_is_object(val) || jg < 0) {
			snprintf(err, errsz,
			         "judgements[%zu]: expected {\"judgement\": id, \"grade\": ...}",
			         i);
			name_the_set(j, named, NULL, 0, err, errsz);
			return -1;
		}
		copy = json_deep_copy(val);
		json_object_del(copy, "judgement");
		json_object_del(copy, "id");
		rc = take_judgement(copy, jg, j, err, errsz);
		json_decref(copy);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* inspection_dates: {"from": DATE, "to": DATE}. */
static int
take_dates(const json_t *v, struct judgementsfile *j, char *err, size_t errsz)
{
	const char *from = jsonio_str(v, "from", NULL), *to = jsonio_str(v, "to", NULL);
	char buf[DATES_ISO_LEN];
	date_t a, b;

	if (!json_is_object(v) || from == NULL || to == NULL || dates_parse(from, &a) != 0 ||
	    dates_parse(to, &b) != 0 || b < a) {
		snprintf(err, errsz,
		         "inspection_dates: expected {\"from\": date, \"to\": date}, "
		         "from not after to");
		return -1;
	}
	j->from = xstrdup(dates_format(a, buf));
	j->to = xstrdup(dates_format(b, buf));
	return 0;
}

/* summary_for_children: a text (paragraphs split at blank lines) or a list of paragraphs. */
static int
take_children(const json_t *v, struct judgementsfile *j, char *err, size_t errsz)
{
	const char *s, *p, *e;
	char *para;
	size_t n = 0;

	if (!json_is_string(v))
		return take_list(j, v, "summary_for_children", &j->children, -1, 0, err, errsz);
	s = json_string_value(v);
	for (p = s; *p != '\0'; p = e) {
		e = strstr(p, "\n\n");
		if (e == NULL)
			e = p + strlen(p);
		para = xstrndup(p, (size_t)(e - p));
		if (!text_blank(para))
			list_add(&j->children, para,
			         xasprintf("summary_for_children (paragraph %zu)", ++n), -1);
		free(para);
		while (*e == '\n')
			e++;
	}
	return 0;
}

/* title: a non-empty string. */
static int
take_title(const json_t *v, struct judgementsfile *j, char *err, size_t errsz)
{
	if (!json_is_string(v) || text_blank(json_string_value(v))) {
		snprintf(err, errsz, "title: expected a non-empty string");
		return -1;
	}
	j->title = xstrdup(json_string_value(v));
	return 0;
}

static int
take_findings(const json_t *v, struct judgementsfile *j, char *err, size_t errsz)
{
	return take_list(j, v, "key_findings", &j->findings, -1, 0, err, errsz);
}

static int
take_improve(const json_t *v, struct judgementsfile *j, char *err, size_t errsz)
{
	return take_list(j, v, "areas_for_improvement", &j->improve, -1, 0, err, errsz);
}

static int
take_priority(const json_t *v, struct judgementsfile *j, char *err, size_t errsz)
{
	return take_list(j, v, "priority_actions", &j->priority, -1, 1, err, errsz);
}

/* The top-level members other than the judgements themselves: the one place each is named. */
static const struct {
	const char *key;
	int (*take)(const json_t *, struct judgementsfile *, char *, size_t);
} members[] = {
    {"$schema", NULL},
    {"about", NULL},
    {"title", take_title},
    {"inspection_dates", take_dates},
    {"judgements", take_judgements},
    {"summary_for_children", take_children},
    {"key_findings", take_findings},
    {"areas_for_improvement", take_improve},
    {"priority_actions", take_priority},
    {NULL, NULL},
};

/* One top-level member of the judgements document. */
static int
take_member(const char *key, const json_t *v, struct judgementsfile *j, char *err, size_t errsz)
{
	const char *keys[sizeof members / sizeof members[0]];
	size_t i, n = 0;
	int jg;

	if ((jg = judgementsfile_judgement_of(j, key)) >= 0)
		return take_judgement(v, jg, j, err, errsz);
	for (i = 0; members[i].key != NULL; i++)
		if (strcmp(key, members[i].key) == 0)
			return members[i].take != NULL ? members[i].take(v, j, err, errsz) : 0;
	for (i = 0; members[i].key != NULL; i++)
		if (members[i].key[0] != '$')
			keys[n++] = members[i].key;
	snprintf(err, errsz, "unknown key %s (see share/schemas/judgements.schema.json)",
	         jsonfields_shown_key(key));
	name_the_set(j, key, keys, n, err, errsz);
	return -1;
}

int
judgementsfile_read(const json_t *doc, const struct profile *prof, struct judgementsfile *j,
                    char *err, size_t errsz)
{
	const char *key;
	const json_t *v;
	size_t k;
	char *set;

	memset(j, 0, sizeof *j);
	j->profile = prof;
	j->njudgements = prof->njudgements;
	for (k = 0; k < PROFILE_MAX_JUDGEMENTS; k++)
		j->grade[k] = REPORT_GRADE_NONE;
	if (j->njudgements == 0) {
		snprintf(err, errsz,
		         "profile %s grades no judgement (its reports make recommendations, "
		         "answered by an action plan): a graded report needs a profile with a "
		         "judgement set",
		         prof->name);
		return -1;
	}
	if (!json_is_object(doc)) {
		snprintf(err, errsz, "expected a JSON object");
		return -1;
	}
	json_object_foreach((json_t *)doc, key, v)
	{
		if (take_member(key, v, j, err, errsz) != 0)
			goto fail;
	}
	for (k = 0; k < j->njudgements; k++)
		if (j->grade[k] == REPORT_GRADE_NONE) {
			set = profile_judgement_list(prof);
			snprintf(err, errsz, "%s: no grade (profile %s: %s each need one)",
			         judgementsfile_id(j, k), prof->name, set);
			free(set);
			goto fail;
		}
	if (j->children.n == 0) {
		snprintf(err, errsz,
		         "summary_for_children: required, and not blank (handbook para 104)");
		goto fail;
	}
	return 0;
fail:
	judgementsfile_free(j);
	return -1;
}
