/*
 * report.c: the inputs of the report and its gates. The judgements file is
 * checked against its schema by hand, so that every error names the key
 * that is wrong (never the text in it); the SEA is checked for the shape
 * build-sea writes; the gates run over the finished document, so the
 * personal-data check sees exactly the text that would be printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "core/jsonio.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "redact/redact.h"
#include "report/report.h"

static const char *const grade_keys[] = {"outstanding", "good", "requires-improvement",
                                         "inadequate"};
static const char *const grade_words[] = {"Outstanding", "Good", "Requires improvement to be good",
                                          "Inadequate"};

/* Top-level keys other than the judgements themselves. */
static const char *const top_keys[] = {"$schema",
                                       "about",
                                       "title",
                                       "inspection_dates",
                                       "judgements",
                                       "summary_for_children",
                                       "key_findings",
                                       "areas_for_improvement",
                                       "priority_actions",
                                       NULL};

const char *
report_judgement_id(const struct report_judgements *j, size_t jg)
{
	return j->profile->judgements[jg].id;
}

const char *
report_judgement_title(const struct report_judgements *j, size_t jg)
{
	return j->profile->judgements[jg].title;
}

const char *
report_judgement_evidence(const struct report_judgements *j, size_t jg)
{
	return j->profile->judgements[jg].evidence;
}

const char *
report_grade_words(enum report_grade g)
{
	return g == REPORT_GRADE_NONE ? "Not graded" : grade_words[g];
}

enum report_grade
report_grade_parse(const char *s)
{
	int g;

	for (g = REPORT_OUTSTANDING; g <= REPORT_INADEQUATE; g++)
		if (text_same(s, grade_keys[g]) || text_same(s, grade_words[g]))
			return (enum report_grade)g;
	if (text_same(s, "requires improvement"))
		return REPORT_REQUIRES_IMPROVEMENT;
	return REPORT_GRADE_NONE;
}

/* A key to name in a message: itself when it looks like a schema key, else a
 * neutral word, so a hostile file cannot put personal text into stderr. */
static const char *
shown_key(const char *key)
{
	size_t n = strspn(key, "abcdefghijklmnopqrstuvwxyz0123456789_-");

	return n > 0 && n <= 40 && key[n] == '\0' ? key : "(not shown: not a schema key)";
}

/* The judgement of the profile's set a key names, or -1. */
static int
judgement_of(const struct report_judgements *j, const char *key)
{
	return (int)profile_judgement_index(j->profile, key);
}

/* "unknown judgement KEY: profile P judges a, b, c" into err. */
static void
unknown_judgement(const struct report_judgements *j, const char *where, const char *key, char *err,
                  size_t errsz)
{
	char *set = profile_judgement_list(j->profile);

	snprintf(err, errsz, "%sunknown judgement %s: profile %s judges %s%s", where,
	         shown_key(key), j->profile->name, set,
	         j->profile->overall == PROFILE_OVERALL_UNKNOWN
	             ? " (no source says whether it has an overall judgement)"
	             : "");
	free(set);
}

/* Append a text with its origin to a list. */
static void
list_add(struct report_list *l, const char *text, char *origin, int judgement)
{
	l->v = xreallocarray(l->v, l->n + 1, sizeof *l->v);
	l->v[l->n].text = xstrdup(text);
	l->v[l->n].origin = origin;
	l->v[l->n].judgement = judgement;
	l->n++;
}

static void
list_free(struct report_list *l)
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
report_judgements_free(struct report_judgements *j)
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
take_list(const struct report_judgements *j, const json_t *v, const char *where,
          struct report_list *l, int judgement, int actions, char *err, size_t errsz)
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
			jg = judgement_of(j, jsonio_str(item, "judgement", ""));
			if (json_is_string(a) && jg < 0) {
				char at[64];

				snprintf(at, sizeof at, "%s[%zu].judgement: ", where, i);
				unknown_judgement(j, at, jsonio_str(item, "judgement", ""), err,
				                  errsz);
				return -1;
			}
			if (!json_is_string(a)) {
				snprintf(err, errsz,
				         "%s[%zu]: expected a string or {\"judgement\": id, "
				         "\"action\": text}",
				         where, i);
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
take_judgement(const json_t *v, int jg, struct report_judgements *j, char *err, size_t errsz)
{
	const char *id = report_judgement_id(j, (size_t)jg), *key;
	const json_t *g = v, *val;
	char *where;
	int rc;

	if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, val)
		{
			if (strcmp(key, "grade") != 0 && strcmp(key, "priority_actions") != 0 &&
			    strcmp(key, "about") != 0) {
				snprintf(err, errsz, "%s: unknown key %s (grade, priority_actions)",
				         id, shown_key(key));
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
	if (!json_is_string(g) || report_grade_parse(json_string_value(g)) == REPORT_GRADE_NONE) {
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
	j->grade[jg] = report_grade_parse(json_string_value(g));
	return 0;
}

/* The "judgements" member: an object keyed by judgement, or an array. */
static int
take_judgements(const json_t *v, struct report_judgements *j, char *err, size_t errsz)
{
	const char *key;
	const json_t *val;
	size_t i;
	int jg;

	if (json_is_object(v)) {
		json_object_foreach((json_t *)v, key, val)
		{
			if ((jg = judgement_of(j, key)) < 0) {
				unknown_judgement(j, "judgements: ", key, err, errsz);
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

		const char *name = jsonio_str(val, "judgement", jsonio_str(val, "id", NULL));

		jg = judgement_of(j, name);
		if (json_is_object(val) && name != NULL && jg < 0) {
			char at[64];

			snprintf(at, sizeof at, "judgements[%zu]: ", i);
			unknown_judgement(j, at, name, err, errsz);
			return -1;
		}
		if (!json_is_object(val) || jg < 0) {
			snprintf(err, errsz,
			         "judgements[%zu]: expected {\"judgement\": id, \"grade\": ...}",
			         i);
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
take_dates(const json_t *v, struct report_judgements *j, char *err, size_t errsz)
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
take_children(const json_t *v, struct report_judgements *j, char *err, size_t errsz)
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

/* One top-level member of the judgements document. */
static int
take_member(const char *key, const json_t *v, struct report_judgements *j, char *err, size_t errsz)
{
	int jg;

	if ((jg = judgement_of(j, key)) >= 0)
		return take_judgement(v, jg, j, err, errsz);
	if (strcmp(key, "judgements") == 0)
		return take_judgements(v, j, err, errsz);
	if (strcmp(key, "title") == 0) {
		if (!json_is_string(v) || text_blank(json_string_value(v))) {
			snprintf(err, errsz, "title: expected a non-empty string");
			return -1;
		}
		j->title = xstrdup(json_string_value(v));
		return 0;
	}
	if (strcmp(key, "inspection_dates") == 0)
		return take_dates(v, j, err, errsz);
	if (strcmp(key, "summary_for_children") == 0)
		return take_children(v, j, err, errsz);
	if (strcmp(key, "key_findings") == 0)
		return take_list(j, v, key, &j->findings, -1, 0, err, errsz);
	if (strcmp(key, "areas_for_improvement") == 0)
		return take_list(j, v, key, &j->improve, -1, 0, err, errsz);
	if (strcmp(key, "priority_actions") == 0)
		return take_list(j, v, key, &j->priority, -1, 1, err, errsz);
	return 0; /* $schema, about */
}

int
report_judgements_parse(const json_t *doc, const struct profile *prof, struct report_judgements *j,
                        char *err, size_t errsz)
{
	const char *key;
	const json_t *v;
	size_t i;
	char *set;
	int jg;

	memset(j, 0, sizeof *j);
	j->profile = prof;
	j->njudgements = prof->njudgements;
	for (jg = 0; jg < PROFILE_MAX_JUDGEMENTS; jg++)
		j->grade[jg] = REPORT_GRADE_NONE;
	if (!json_is_object(doc)) {
		snprintf(err, errsz, "expected a JSON object");
		return -1;
	}
	json_object_foreach((json_t *)doc, key, v)
	{
		for (i = 0; top_keys[i] != NULL && strcmp(key, top_keys[i]) != 0; i++)
			;
		if (top_keys[i] == NULL && judgement_of(j, key) < 0) {
			set = profile_judgement_list(prof);
			snprintf(err, errsz,
			         "unknown key %s: not a judgement of profile %s (%s) nor a key of "
			         "share/schemas/judgements.schema.json",
			         shown_key(key), prof->name, set);
			free(set);
			goto fail;
		}
		if (take_member(key, v, j, err, errsz) != 0)
			goto fail;
	}
	for (i = 0; i < j->njudgements; i++)
		if (j->grade[i] == REPORT_GRADE_NONE) {
			set = profile_judgement_list(prof);
			snprintf(err, errsz, "%s: no grade (profile %s grades each of %s)",
			         report_judgement_id(j, i), prof->name, set);
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
	report_judgements_free(j);
	return -1;
}

int
report_sea_check(const json_t *sea, char *err, size_t errsz)
{
	static const char *const arrays[] = {"entries", "coverage", "gaps", "concerns", NULL};
	const json_t *v;
	size_t i, k;

	if (!json_is_object(sea)) {
		snprintf(err, errsz, "expected the JSON object build-sea writes");
		return -1;
	}
	for (i = 0; arrays[i] != NULL; i++) {
		v = json_object_get(sea, arrays[i]);
		if (v == NULL && i >= 2)
			continue; /* gaps and concerns may be left out when empty */
		if (!json_is_array(v)) {
			snprintf(err, errsz,
			         "%s: expected an array (is this the SEA of build-sea?)",
			         arrays[i]);
			return -1;
		}
		for (k = 0; k < json_array_size(v); k++)
			if (!json_is_object(json_array_get(v, k))) {
				snprintf(err, errsz, "%s[%zu]: expected an object", arrays[i], k);
				return -1;
			}
	}
	json_array_foreach(json_object_get(sea, "coverage"), i, v)
	{
		if (!json_is_integer(json_object_get(v, "criterion")) ||
		    text_blank(jsonio_str(v, "judgement", ""))) {
			snprintf(err, errsz,
			         "coverage[%zu]: expected a criterion number and a judgement", i);
			return -1;
		}
	}
	return 0;
}

/* Add the people named under key in each object of array. */
static void
add_people(struct redact *r, const json_t *array, const char *key)
{
	const json_t *v;
	const char *name;
	size_t i;

	json_array_foreach(array, i, v)
	{
		name = jsonio_str(v, key, NULL);
		if (name != NULL && !text_blank(name))
			redact_add_person(r, name);
	}
}

void
report_add_people(struct redact *r, const json_t *sea, const json_t *plan)
{
	add_people(r, json_object_get(sea, "entries"), "inspector");
	add_people(r, json_object_get(sea, "concerns"), "inspector");
	if (plan != NULL) {
		add_people(r, json_object_get(plan, "deployment"), "name");
		add_people(r, json_object_get(plan, "team"), "name");
	}
}

/* Refuse an inadequate judgement with no priority action that may be its own. */
static size_t
gate_priority(const struct report_input *in, struct strbuf *msgs)
{
	size_t i, n = 0;
	int jg, found;

	for (jg = 0; jg < (int)in->j->njudgements; jg++) {
		if (in->j->grade[jg] != REPORT_INADEQUATE)
			continue;
		for (i = 0, found = 0; i < in->j->priority.n; i++)
			found |= in->j->priority.v[i].judgement < 0 ||
			         in->j->priority.v[i].judgement == jg;
		if (!found) {
			strbuf_printf(
			    msgs,
			    "%s: %s: graded inadequate but no area for priority action is given "
			    "(handbook para 107)\n",
			    in->judgements_name, report_judgement_id(in->j, (size_t)jg));
			n++;
		}
	}
	return n;
}

/* Refuse an SEA with gaps unless the report is a draft. */
static size_t
gate_gaps(const struct report_input *in, struct strbuf *msgs)
{
	const json_t *gaps = json_object_get(in->sea, "gaps"), *g;
	size_t i, n = json_array_size(gaps);

	if (n == 0 || in->draft)
		return 0;
	strbuf_printf(msgs, "%s: %zu criteri%s no evidence (criteri%s", in->sea_name, n,
	              n == 1 ? "on has" : "a have", n == 1 ? "on" : "a");
	json_array_foreach(gaps, i, g)
	{
		if (i == 12) {
			strbuf_adds(msgs, ", ...");
			break;
		}
		strbuf_printf(msgs, "%s%lld", i == 0 ? " " : ", ", jsonio_int(g, "criterion", 0));
	}
	strbuf_adds(msgs, "): complete the evidence, or render a draft with --draft "
	                  "(handbook para 100)\n");
	return 1;
}

/* Scan one text; on a find, say where and what kind. */
static size_t
scan(struct redact *r, const char *text, const char *where, const char *column, struct strbuf *msgs)
{
	enum redact_type t;
	size_t off;

	if (text == NULL || *text == '\0')
		return 0;
	t = redact_scan(r, text, strlen(text), &off);
	if (t == REDACT_NONE)
		return 0;
	strbuf_printf(msgs, "%s%s%s%s: would print personal data (%s); redact it at the source\n",
	              where != NULL ? where : "the report's own text", column != NULL ? " (" : "",
	              column != NULL ? column : "", column != NULL ? ")" : "", redact_type_key(t));
	return 1;
}

/*
 * Refuse a document any of whose free text (what came from the judgements
 * and the SEA's summaries, issues and responses) holds personal data. The
 * tool's own words and structured values (service areas, teams, criterion
 * titles) are not free text: a surname in the deny-list that is also a
 * place ("West") must not refuse "South West".
 */
static size_t
gate_personal(const struct report_input *in, const struct rdoc *d, struct redact *r,
              struct strbuf *msgs)
{
	char *where;
	size_t i, row, k, n = 0;

	if (in->j->title != NULL) {
		where = xasprintf("%s: title", in->judgements_name);
		n += scan(r, in->j->title, where, NULL, msgs);
		free(where);
	}
	for (i = 0; i < d->n; i++) {
		const struct rdoc_block *b = &d->b[i];

		if (b->kind == RDOC_TABLE) {
			for (row = 1; row <= b->nrows; row++)
				for (k = 0; k < b->ncols && k < 8 * sizeof b->check_cols; k++)
					if (b->check_cols & (1UL << k))
						n +=
						    scan(r, b->cells[row * b->ncols + k],
						         b->row_origin[row - 1], b->cells[k], msgs);
			continue;
		}
		if (b->origin == NULL)
			continue;
		n += scan(r, b->check != NULL ? b->check : b->text, b->origin, NULL, msgs);
	}
	return n;
}

size_t
report_gates(const struct report_input *in, const struct rdoc *d, struct redact *r,
             struct strbuf *msgs)
{
	size_t n = 0;

	n += gate_priority(in, msgs);
	n += gate_gaps(in, msgs);
	n += gate_personal(in, d, r, msgs);
	return n;
}

void
report_children_readability(const struct report_judgements *j, struct readability *rd)
{
	struct strbuf sb;
	size_t i;

	strbuf_init(&sb);
	for (i = 0; i < j->children.n; i++) {
		strbuf_adds(&sb, j->children.v[i].text);
		strbuf_adds(&sb, "\n\n");
	}
	readability_measure(sb.buf, sb.len, rd);
	strbuf_free(&sb);
}
