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
#include "core/output.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "plan/planfile.h"
#include "plan/timetable.h"
#include "redact/redact.h"
#include "report/detailsfile.h"
#include "report/letters.h"
#include "report/reportdoc.h"

#define PHONE_KEY "\001phone:" /* + a name: an inspector's mobile (no template can name it) */

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
letters_placeholder(const char *v)
{
	static const char *const words[] = {"tbc",  "tba", "tbd", "n/a", "xxx",
	                                    "xxxx", "?",   "-",   NULL};
	char *low = xstrdup(v), *p, *e;
	int hit = 0;
	size_t i;

	for (p = low; *p != '\0'; p++)
		*p = (char)((*p >= 'A' && *p <= 'Z') ? *p - 'A' + 'a' : *p);
	for (p = low; *p == ' ' || *p == '\t'; p++)
		;
	for (e = p + strlen(p); e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '.'); e--)
		;
	*e = '\0';
	for (i = 0; words[i] != NULL; i++)
		hit |= strcmp(p, words[i]) == 0;
	hit |= strstr(p, "[insert") != NULL || strstr(p, "xxxx") != NULL ||
	       strstr(p, "{{") != NULL || strstr(low, "tbc") == p;
	free(low);
	return hit;
}

/* 1 when s looks like a telephone number: digits (10 to 15), spaces, +, (, ), -. */
static int
phone_ok(const char *s)
{
	size_t digits = 0;

	for (; *s != '\0'; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if (strchr(" +()-", *s) == NULL)
			return 0;
	}
	return digits >= 10 && digits <= 15;
}

/* 1 when s looks like an e-mail address: one @, a dot after it, no spaces. */
static int
email_ok(const char *s)
{
	const char *at = strchr(s, '@');

	return at != NULL && at > s && strchr(at + 1, '@') == NULL && strchr(at, '.') != NULL &&
	       at[strlen(at) - 1] != '.' && strpbrk(s, " \t<>()[]\\,;:\"") == NULL;
}

/* Check one value: no placeholder, the form of its kind ('p' phone, 'e' e-mail); -1 with key. */
static int
check_value(const char *key, const char *v, int kind, char *err, size_t errsz)
{
	if (v == NULL || text_blank(v))
		return 0;
	if (letters_placeholder(v)) {
		snprintf(err, errsz,
		         "details: %s: a placeholder (TBC, XXXX, [insert ...]), not a value", key);
		return -1;
	}
	if ((kind == 'p' && !phone_ok(v)) || (kind == 'e' && !email_ok(v))) {
		snprintf(err, errsz, "details: %s: not %s", key,
		         kind == 'p' ? "a telephone number" : "an e-mail address");
		return -1;
	}
	return 0;
}

/* Check and set one value; -1 with the key in err. */
static int
take(struct letters_vars *lv, const char *key, const char *v, int kind, char *err, size_t errsz)
{
	if (check_value(key, v, kind, err, errsz) != 0)
		return -1;
	if (v != NULL && !text_blank(v))
		letters_vars_set(lv, key, v);
	return 0;
}

/* "PHONE or EMAIL", either, or NULL: a new string. */
static char *
contact(const char *phone, const char *email)
{
	if (phone != NULL && email != NULL)
		return xasprintf("%s or %s", phone, email);
	if (phone != NULL || email != NULL)
		return xstrdup(phone != NULL ? phone : email);
	return NULL;
}

/* The inspectors of the details: their mobiles kept by name, the list as "inspectors". */
static int
take_inspectors(struct letters_vars *lv, const struct detailsfile *d, char *err, size_t errsz)
{
	char key[48], *pk;
	size_t i;
	int rc = 0;

	for (i = 0; i < d->ninspectors && rc == 0; i++) {
		const struct detailsfile_person *p = &d->inspectors[i];

		snprintf(key, sizeof key, "inspectors[%zu].name", i);
		rc = check_value(key, p->name, 'n', err, errsz);
		snprintf(key, sizeof key, "inspectors[%zu].phone", i);
		if (rc == 0)
			rc = check_value(key, p->phone, 'p', err, errsz);
		if (rc == 0 && p->phone != NULL) {
			pk = xasprintf(PHONE_KEY "%s", p->name);
			letters_vars_set(lv, pk, p->phone);
			free(pk);
		}
		snprintf(key, sizeof key, "inspectors[%zu].email", i);
		if (rc == 0)
			rc = check_value(key, p->email, 'e', err, errsz);
	}
	return rc;
}

/* Join names as "A, B and C", each with its mobile when the details give one. */
static void
set_inspectors(struct letters_vars *lv, const char *const *names, size_t n)
{
	struct strbuf sb;
	const char *phone;
	char *pk;
	size_t k;

	if (n == 0)
		return;
	strbuf_init(&sb);
	for (k = 0; k < n; k++) {
		if (k > 0)
			strbuf_adds(&sb, k + 1 == n ? " and " : ", ");
		strbuf_adds(&sb, names[k]);
		pk = xasprintf(PHONE_KEY "%s", names[k]);
		if ((phone = letters_vars_get(lv, pk)) != NULL)
			strbuf_printf(&sb, " (mobile %s)", phone);
		free(pk);
	}
	letters_vars_set(lv, "inspectors", sb.buf);
	strbuf_free(&sb);
}

int
letters_vars_details(struct letters_vars *lv, const struct detailsfile *d, char *err, size_t errsz)
{
	const char **names;
	char buf[64], *c;
	date_t start;
	size_t i;

	if (take(lv, "chief_executive", d->chief_executive, 'n', err, errsz) != 0 ||
	    take(lv, "lead_inspector", d->lead_inspector, 'n', err, errsz) != 0 ||
	    take(lv, "lead_inspector_phone", d->lead_inspector_phone, 'p', err, errsz) != 0 ||
	    take(lv, "lead_inspector_email", d->lead_inspector_email, 'e', err, errsz) != 0 ||
	    take(lv, "lead_inspector_contact", d->lead_inspector_contact, 'n', err, errsz) != 0 ||
	    take(lv, "qa_manager", d->qa_manager, 'n', err, errsz) != 0 ||
	    take(lv, "qa_manager_contact", d->qa_manager_contact, 'n', err, errsz) != 0 ||
	    take(lv, "service_area", d->service_area, 'n', err, errsz) != 0 ||
	    take(lv, "spoken_to", d->spoken_to, 'n', err, errsz) != 0 ||
	    take_inspectors(lv, d, err, errsz) != 0)
		return -1;
	c = contact(d->lead_inspector_phone, d->lead_inspector_email);
	if (c != NULL)
		letters_vars_set(lv, "lead_inspector_contact", c);
	free(c);
	if (d->inspection_start != NULL && dates_parse(d->inspection_start, &start) == 0) {
		letters_vars_set(lv, "inspection_start", dates_format(start, buf));
		long_date(start, buf, sizeof buf);
		letters_vars_set(lv, "inspection_start_long", buf);
		set_weeks(lv, start);
	}
	names = xcalloc(d->ninspectors + 1, sizeof *names);
	for (i = 0; i < d->ninspectors; i++)
		names[i] = d->inspectors[i].name;
	set_inspectors(lv, names, d->ninspectors);
	free(names);
	if (letters_vars_get(lv, "inspector_contact") == NULL &&
	    letters_vars_get(lv, "lead_inspector_contact") != NULL)
		letters_vars_set(lv, "inspector_contact",
		                 letters_vars_get(lv, "lead_inspector_contact"));
	return 0;
}

int
letters_check_start(const struct letters_vars *lv, const char *profile, char *err, size_t errsz)
{
	const char *s = letters_vars_get(lv, "inspection_start"), *blackout;
	struct timetable_profile *p;
	date_t d;
	int rc = 0;

	if (s == NULL || dates_parse(s, &d) != 0)
		return 0; /* no start: the blanks that need it are refused as missing */
	if ((p = timetable_profile_named(profile, err, errsz)) == NULL)
		return -1;
	if (p->start_weekday >= 0 && (int)dates_weekday(d) != p->start_weekday) {
		snprintf(err, errsz, "inspection_start: %s is a %s; the %s profile starts on a %s",
		         s, dates_weekday_name(dates_weekday(d)), profile,
		         dates_weekday_name((enum dates_weekday)p->start_weekday));
		rc = -1;
	} else if ((blackout = timetable_blackout(p, d)) != NULL) {
		snprintf(err, errsz,
		         "inspection_start: %s falls in %s, when the %s profile does not "
		         "inspect (handbook para 6)",
		         s, blackout, profile);
		rc = -1;
	}
	timetable_profile_free(p);
	return rc;
}

int
letters_gate(const struct letters_vars *lv, struct redact *r, char *err, size_t errsz)
{
	static const char *const keys[] = {"service_area", NULL};
	enum redact_type t;
	const char *v;
	size_t i, off;

	for (i = 0; keys[i] != NULL; i++) {
		if ((v = letters_vars_get(lv, keys[i])) == NULL)
			continue;
		if ((t = redact_scan(r, v, strlen(v), &off)) != REDACT_NONE) {
			snprintf(err, errsz, "%s: would print personal data (%s)", keys[i],
			         redact_type_key(t));
			return -1;
		}
	}
	return 0;
}

/* Set the visit dates of the area from the plan's areas rows. */
static void
plan_visit(struct letters_vars *lv, const struct planfile *plan, const char *area)
{
	const struct planfile_area *row = planfile_area(plan, area);
	char a[64], b[64], both[160];

	if (row == NULL)
		return;
	long_date(row->on_site_from, a, sizeof a);
	long_date(row->on_site_to, b, sizeof b);
	letters_vars_set(lv, "visit_from", a);
	letters_vars_set(lv, "visit_to", b);
	snprintf(both, sizeof both, "%s to %s", a, b);
	letters_vars_set(lv, "visit_dates", both);
}

/* Set inspectors to the people the plan deploys in the area, in plan order. */
static void
plan_inspectors(struct letters_vars *lv, const struct planfile *plan, const char *area)
{
	const char **names = NULL, *name;
	size_t i, k, n = 0;

	for (i = 0; i < plan->ndeploy; i++) {
		name = plan->deploy[i].name;
		if (!text_same(plan->deploy[i].location, area))
			continue;
		for (k = 0; k < n && strcmp(names[k], name) != 0; k++)
			;
		if (k == n) {
			names = xreallocarray(names, n + 1, sizeof *names);
			names[n++] = name;
		}
	}
	set_inspectors(lv, names, n);
	free(names);
}

int
letters_vars_plan(struct letters_vars *lv, const struct planfile *plan, char *err, size_t errsz)
{
	const char *area, *mine;
	char buf[DATES_ISO_LEN], longer[64];

	mine = letters_vars_get(lv, "inspection_start");
	if (mine != NULL && strcmp(mine, dates_format(plan->start, buf)) != 0) {
		snprintf(err, errsz, "plan: start differs from the details' inspection_start");
		return -1;
	}
	if (mine == NULL) {
		letters_vars_set(lv, "inspection_start", dates_format(plan->start, buf));
		long_date(plan->start, longer, sizeof longer);
		letters_vars_set(lv, "inspection_start_long", longer);
		set_weeks(lv, plan->start);
	}
	if ((area = letters_vars_get(lv, "service_area")) == NULL)
		return 0;
	plan_inspectors(lv, plan, area);
	plan_visit(lv, plan, area);
	return 0;
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
			rdoc_md_escape(out, val);
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
	char *path = datadir_named("templates", name, "md"), *ret;
	struct strbuf sb;
	char buf[4096];
	size_t n;
	FILE *fp;

	if ((fp = output_input_open(path)) == NULL) {
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
