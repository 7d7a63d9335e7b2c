/*
 * letters.c: filling the handbook's letter templates (Annexes B, C, D).
 * The values are a small list of key/value pairs: details first, then what
 * the tool works out from them and from the plan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/datadir.h"
#include "core/dates.h"
#include "core/jsonio.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "report/letters.h"

const char *const letters_names[] = {"ce-email", "staff-info", "family", NULL};

struct letters_var {
	char *key;
	char *value;
};

struct letters_vars {
	struct letters_var *v;
	size_t n;
};

struct letters_vars *
letters_vars_new(void)
{
	return xcalloc(1, sizeof(struct letters_vars));
}

void
letters_vars_free(struct letters_vars *lv)
{
	size_t i;

	if (lv == NULL)
		return;
	for (i = 0; i < lv->n; i++) {
		free(lv->v[i].key);
		free(lv->v[i].value);
	}
	free(lv->v);
	free(lv);
}

void
letters_vars_set(struct letters_vars *lv, const char *key, const char *value)
{
	size_t i;

	for (i = 0; i < lv->n; i++)
		if (strcmp(lv->v[i].key, key) == 0) {
			free(lv->v[i].value);
			lv->v[i].value = xstrdup(value);
			return;
		}
	lv->v = xreallocarray(lv->v, lv->n + 1, sizeof *lv->v);
	lv->v[lv->n].key = xstrdup(key);
	lv->v[lv->n].value = xstrdup(value);
	lv->n++;
}

const char *
letters_vars_get(const struct letters_vars *lv, const char *key)
{
	size_t i;

	for (i = 0; i < lv->n; i++)
		if (strcmp(lv->v[i].key, key) == 0)
			return text_blank(lv->v[i].value) ? NULL : lv->v[i].value;
	return NULL;
}

/* Long form of day number d into buf. */
static void
long_date(date_t d, char *buf, size_t bufsz)
{
	int y, m, day;

	dates_to_ymd(d, &y, &m, &day);
	snprintf(buf, bufsz, "%s %d %s %d", dates_weekday_name(dates_weekday(d)), day,
	         dates_month_name(m), y);
}

int
letters_long_date(const char *iso, char *buf, size_t bufsz)
{
	date_t d;

	if (iso == NULL || dates_parse(iso, &d) != 0)
		return -1;
	long_date(d, buf, bufsz);
	return 0;
}

/* Set week2..week5 to the Mondays after start, the four weeks of Annex B. */
static void
set_weeks(struct letters_vars *lv, date_t start)
{
	char key[16], buf[64];
	int w;

	/* day 1 is a Friday: week 2 begins on the Monday after it */
	for (w = 2; w <= 5; w++) {
		snprintf(key, sizeof key, "week%d", w);
		long_date(start + (7 - (long)dates_weekday(start)) % 7 + 7L * (w - 2), buf,
		          sizeof buf);
		letters_vars_set(lv, key, buf);
	}
}

int
letters_vars_details(struct letters_vars *lv, const json_t *details, char *err, size_t errsz)
{
	const char *key, *s;
	json_t *val;
	char buf[64];
	date_t start;

	if (!json_is_object(details)) {
		snprintf(err, errsz, "details: expected a JSON object");
		return -1;
	}
	json_object_foreach((json_t *)details, key, val)
	{
		if (json_is_null(val))
			continue;
		if (!json_is_string(val)) {
			snprintf(err, errsz, "details: %s: expected a string", key);
			return -1;
		}
		letters_vars_set(lv, key, json_string_value(val));
	}
	if ((s = letters_vars_get(lv, "inspection_start")) != NULL) {
		if (dates_parse(s, &start) != 0) {
			snprintf(err, errsz, "details: inspection_start: not a date (YYYY-MM-DD)");
			return -1;
		}
		letters_vars_set(lv, "inspection_start", dates_format(start, buf));
		long_date(start, buf, sizeof buf);
		letters_vars_set(lv, "inspection_start_long", buf);
		set_weeks(lv, start);
	}
	if (letters_vars_get(lv, "inspector_contact") == NULL &&
	    (s = letters_vars_get(lv, "lead_inspector_contact")) != NULL)
		letters_vars_set(lv, "inspector_contact", s);
	return 0;
}

/* Set the visit dates of the area from the plan's areas rows. */
static int
plan_visit(struct letters_vars *lv, const json_t *plan, const char *area, char *err, size_t errsz)
{
	const json_t *row;
	const char *from, *to;
	char a[64], b[64], both[160];
	size_t i;

	json_array_foreach(json_object_get(plan, "areas"), i, row)
	{
		if (!text_same(jsonio_str(row, "service_area", ""), area))
			continue;
		from = json_string_value(json_object_get(row, "on_site_from"));
		to = json_string_value(json_object_get(row, "on_site_to"));
		if (letters_long_date(from, a, sizeof a) != 0 ||
		    letters_long_date(to, b, sizeof b) != 0) {
			snprintf(err, errsz,
			         "plan: areas[%zu]: on_site_from or on_site_to is not a date", i);
			return -1;
		}
		letters_vars_set(lv, "visit_from", a);
		letters_vars_set(lv, "visit_to", b);
		snprintf(both, sizeof both, "%s to %s", a, b);
		letters_vars_set(lv, "visit_dates", both);
		return 0;
	}
	return 0;
}

/* Set inspectors to the people the plan deploys in the area, in plan order. */
static void
plan_inspectors(struct letters_vars *lv, const json_t *plan, const char *area)
{
	const json_t *row;
	const char **names = NULL, *name;
	size_t i, k, n = 0;
	struct strbuf sb;

	json_array_foreach(json_object_get(plan, "deployment"), i, row)
	{
		name = json_string_value(json_object_get(row, "name"));
		if (name == NULL || !text_same(jsonio_str(row, "location", ""), area))
			continue;
		for (k = 0; k < n && strcmp(names[k], name) != 0; k++)
			;
		if (k == n) {
			names = xreallocarray(names, n + 1, sizeof *names);
			names[n++] = name;
		}
	}
	if (n == 0)
		return;
	strbuf_init(&sb);
	for (k = 0; k < n; k++) {
		if (k > 0)
			strbuf_adds(&sb, k + 1 == n ? " and " : ", ");
		strbuf_adds(&sb, names[k]);
	}
	letters_vars_set(lv, "inspectors", sb.buf);
	strbuf_free(&sb);
	free(names);
}

int
letters_vars_plan(struct letters_vars *lv, const json_t *plan, char *err, size_t errsz)
{
	const char *area, *start, *mine;
	date_t d;
	char buf[DATES_ISO_LEN];

	if (!json_is_object(plan)) {
		snprintf(err, errsz, "plan: expected a JSON object");
		return -1;
	}
	start = json_string_value(json_object_get(plan, "start"));
	if (start != NULL) {
		if (dates_parse(start, &d) != 0) {
			snprintf(err, errsz, "plan: start: not a date");
			return -1;
		}
		mine = letters_vars_get(lv, "inspection_start");
		if (mine != NULL && strcmp(mine, dates_format(d, buf)) != 0) {
			snprintf(err, errsz,
			         "plan: start differs from the details' inspection_start");
			return -1;
		}
		if (mine == NULL) {
			json_t *one = json_pack("{s:s}", "inspection_start", buf);
			int rc = letters_vars_details(lv, one, err, errsz);

			json_decref(one);
			if (rc != 0)
				return rc;
		}
	}
	if ((area = letters_vars_get(lv, "service_area")) == NULL)
		return 0;
	if (letters_vars_get(lv, "inspectors") == NULL)
		plan_inspectors(lv, plan, area);
	return plan_visit(lv, plan, area, err, errsz);
}

int
letters_fill(const char *tmpl, const struct letters_vars *lv, struct strbuf *out, char *missing,
             size_t missz)
{
	const char *p = tmpl, *open, *close, *bar, *val;
	char *key;
	size_t keylen;

	while ((open = strstr(p, "{{")) != NULL) {
		strbuf_add(out, p, (size_t)(open - p));
		if ((close = strstr(open + 2, "}}")) == NULL) {
			snprintf(missing, missz, "a blank opened with {{ is never closed");
			return -1;
		}
		bar = memchr(open + 2, '|', (size_t)(close - open - 2));
		keylen = (size_t)((bar != NULL ? bar : close) - open - 2);
		key = xstrndup(open + 2, keylen);
		val = letters_vars_get(lv, key);
		if (val == NULL && bar != NULL)
			strbuf_add(out, bar + 1, (size_t)(close - bar - 1));
		else if (val != NULL)
			strbuf_adds(out, val);
		else {
			snprintf(missing, missz, "%s", key);
			free(key);
			return 1;
		}
		free(key);
		p = close + 2;
	}
	strbuf_adds(out, p);
	return 0;
}

int
letters_unfilled(const char *text)
{
	return strstr(text, "{{") != NULL || strcasestr(text, "[insert") != NULL ||
	       strstr(text, "XXXX") != NULL;
}

char *
letters_template(const char *name, char *err, size_t errsz)
{
	char *rel = xasprintf("templates/%s.md", name), *path = datadir_path(rel), *ret;
	struct strbuf sb;
	char buf[4096];
	size_t n;
	FILE *fp;

	free(rel);
	if ((fp = fopen(path, "r")) == NULL) {
		snprintf(err, errsz, "%s: cannot open the template", path);
		free(path);
		return NULL;
	}
	strbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		strbuf_add(&sb, buf, n);
	if (ferror(fp)) {
		snprintf(err, errsz, "%s: read error", path);
		fclose(fp);
		free(path);
		strbuf_free(&sb);
		return NULL;
	}
	fclose(fp);
	free(path);
	ret = strbuf_steal(&sb);
	strbuf_free(&sb); /* steal leaves a fresh empty buffer */
	return ret;
}
