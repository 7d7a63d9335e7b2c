/*
 * ics.c: the plan as an iCalendar file (written by plan/icstext).
 */
#include <stdlib.h>
#include <string.h>

#include "core/keyhash.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "plan/ics.h"
#include "regime/profile.h"

/* One event, before it becomes a VEVENT. */
struct ics_event {
	char *key; /* what the UID is made from: stable across re-issues */
	date_t first, last;
	int minutes; /* start time, or -1 for all-day */
	char *summary, *desc, *location;
	const char *category;
	const char *person; /* the one person it concerns, or NULL (points into the planfile) */
};

/* The events of one plan. */
struct ics_events {
	size_t n, cap;
	struct ics_event *v;
};

/* What every event of one calendar shares. */
struct ctx {
	struct icstext *cal;
	uint64_t seed; /* hash of the plan's inputs */
	date_t stamp; /* DTSTAMP: this day at stamp_minutes, UTC */
	int stamp_minutes;
	long sequence;
};

/* FNV-1a of the bytes of s, continuing from h. */
uint64_t
ics_hash(uint64_t h, const char *s)
{
	return keyhash_fnv1a(h, s, strlen(s));
}

/* Spread the bits of h (the splitmix64 finaliser), so close keys give distant UIDs. */
static uint64_t
mix(uint64_t h)
{
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	return h ^ (h >> 31);
}

/* Append an event (taking the strings). */
static void
push_event(struct ics_events *e, char *key, date_t first, date_t last, int minutes, char *summary,
           char *desc, const char *location, const char *category, const char *person)
{
	struct ics_event *v;

	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 64;
		e->v = xreallocarray(e->v, e->cap, sizeof *e->v);
	}
	v = &e->v[e->n++];
	v->key = key;
	v->first = first;
	v->last = last;
	v->minutes = minutes;
	v->summary = summary;
	v->desc = desc;
	v->location = location != NULL ? xstrdup(location) : NULL;
	v->category = category;
	v->person = person;
}

static void
free_events(struct ics_events *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->v[i].key);
		free(e->v[i].summary);
		free(e->v[i].desc);
		free(e->v[i].location);
	}
	free(e->v);
	memset(e, 0, sizeof *e);
}

/* The minutes of "HH:MM", or -1. */
static int
minutes_of(const char *time)
{
	return time == NULL ? -1 : dates_parse_time(time);
}

/* One event per activity, split into runs of consecutive dates. */
static void
timeline_events(struct ics_events *e, const struct planfile *p)
{
	char d1[DATES_ISO_LEN];

	for (size_t i = 0; i < p->ntimeline; i++) {
		const struct planfile_event *r = &p->timeline[i];
		const char *key = r->key != NULL ? r->key : r->activity;
		date_t last = r->date;
		int continues = 0;

		/* Skip a row that continues the run of an earlier row of the same activity. */
		for (size_t j = 0; j < i && r->time == NULL; j++)
			if (strcmp(p->timeline[j].activity, r->activity) == 0 &&
			    p->timeline[j].date == r->date - 1)
				continues = 1;
		if (continues)
			continue;
		if (r->time == NULL)
			for (size_t j = i + 1; j < p->ntimeline; j++)
				if (strcmp(p->timeline[j].activity, r->activity) == 0 &&
				    p->timeline[j].date == last + 1)
					last = p->timeline[j].date;
		push_event(e, xasprintf("activity|%s|%s", key, dates_format(r->date, d1)), r->date,
		           last, minutes_of(r->time), xstrdup(r->activity),
		           xasprintf("Who: %s. Where: %s. Working day %d, week %d (%s).",
		                     r->who ? r->who : "", r->where ? r->where : "", r->day,
		                     r->week, p->profile ? p->profile : ""),
		           r->where, "Inspection timetable", NULL);
	}
}

/* A visit event and a notification event per area. */
static void
area_events(struct ics_events *e, const struct planfile *p)
{
	for (size_t i = 0; i < p->nareas; i++) {
		const struct planfile_area *a = &p->areas[i];

		push_event(e, xasprintf("visit|%s", a->service_area), a->on_site_from,
		           a->on_site_to, -1,
		           xasprintf("Visit: %s (week %d)", a->service_area, a->week),
		           xasprintf("Chosen for: %s.", a->reason ? a->reason : ""),
		           a->service_area, "Area visit", NULL);
		if (a->notify_on != 0)
			push_event(e, xasprintf("notify|%s", a->service_area), a->notify_on,
			           a->notify_on, -1,
			           xasprintf("Notify Cafcass: %s to be visited in week %d",
			                     a->service_area, a->week),
			           NULL, "national office", "Area visit", NULL);
	}
}

/* 1 when deployment rows i and j are one person in one place on consecutive days. */
static int
same_run(const struct planfile *p, size_t i, size_t j, date_t next)
{
	return p->deploy[j].date == next && strcmp(p->deploy[j].name, p->deploy[i].name) == 0 &&
	       strcmp(p->deploy[j].location, p->deploy[i].location) == 0;
}

/* One event per person's run of days in one place (off-site days left out). */
static void
person_events(struct ics_events *e, const struct planfile *p)
{
	char d1[DATES_ISO_LEN];

	for (size_t i = 0; i < p->ndeploy; i++) {
		const struct planfile_deploy *r = &p->deploy[i];
		date_t last = r->date;
		int continues = 0;

		if (strcmp(r->location, "off-site") == 0)
			continue;
		for (size_t j = 0; j < i && !continues; j++)
			continues = same_run(p, i, j, r->date - 1);
		if (continues)
			continue;
		for (size_t j = i + 1; j < p->ndeploy; j++)
			if (same_run(p, i, j, last + 1))
				last = p->deploy[j].date;
		push_event(e, xasprintf("person|%s|%s", r->name, dates_format(r->date, d1)),
		           r->date, last, -1,
		           xasprintf("%s (%s): %s", r->name, r->role ? r->role : "", r->location),
		           NULL, r->location, "Deployment", r->name);
	}
}

/* Every event of a plan. */
static void
plan_events(struct ics_events *e, const struct planfile *p)
{
	memset(e, 0, sizeof *e);
	timeline_events(e, p);
	area_events(e, p);
	person_events(e, p);
}

/* 1 when e belongs in the calendar of person (NULL: the whole team's). */
static int
wanted(const struct ics_event *e, const char *person)
{
	return person == NULL || (e->person != NULL && strcmp(e->person, person) == 0);
}

/* Add one event as a VEVENT; cancelled: STATUS:CANCELLED. */
static void
add_event(struct ctx *c, const struct ics_event *e, int cancelled)
{
	struct icstext *cal = c->cal;
	char uid[64];

	snprintf(uid, sizeof uid, "%016llx@cafcass-inspect",
	         (unsigned long long)mix(ics_hash(ics_hash(c->seed, "|"), e->key)));
	icstext_add(cal, ICSTEXT_BEGIN, "VEVENT", NULL);
	icstext_add(cal, ICSTEXT_TEXT, "UID", uid);
	icstext_add_day(cal, ICSTEXT_UTC, "DTSTAMP", c->stamp, c->stamp_minutes);
	icstext_add_int(cal, "SEQUENCE", (int)c->sequence);
	if (e->minutes >= 0) {
		icstext_add_day(cal, ICSTEXT_LOCAL, "DTSTART", e->first, e->minutes);
		icstext_add_day(cal, ICSTEXT_LOCAL, "DTEND", e->first, e->minutes + 30);
	} else {
		icstext_add_day(cal, ICSTEXT_DATE, "DTSTART", e->first, 0);
		icstext_add_day(cal, ICSTEXT_DATE, "DTEND", e->last + 1, 0);
		icstext_add(cal, ICSTEXT_WORD, "TRANSP", "TRANSPARENT");
	}
	icstext_add(cal, ICSTEXT_TEXT, "SUMMARY", e->summary);
	icstext_add(cal, ICSTEXT_TEXT, "DESCRIPTION", e->desc);
	if (e->location != NULL && *e->location != '\0')
		icstext_add(cal, ICSTEXT_TEXT, "LOCATION", e->location);
	icstext_add(cal, ICSTEXT_LIST, "CATEGORIES", e->category);
	if (cancelled)
		icstext_add(cal, ICSTEXT_WORD, "STATUS", "CANCELLED");
	icstext_add(cal, ICSTEXT_END, "VEVENT", NULL);
}

/* 1 when key is among the events' keys. */
static int
has_key(const struct ics_events *e, const char *key)
{
	for (size_t i = 0; i < e->n; i++)
		if (strcmp(e->v[i].key, key) == 0)
			return 1;
	return 0;
}

/* The seed of the UIDs: what identifies one inspection (not its re-issues). */
static uint64_t
uid_seed(const struct planfile *p)
{
	char d[DATES_ISO_LEN];
	/* by the profile's current name, so a plan made under an old one keeps its UIDs */
	uint64_t h = ics_hash(KEYHASH_FNV_BASIS, p->profile ? profile_canonical(p->profile) : "");

	h = ics_hash(ics_hash(h, "|"), dates_format(p->start, d));
	return ics_hash(ics_hash(h, "|"), p->division ? p->division : "");
}

void
ics_build_of(struct icstext *cal, const struct planfile *cur, const struct planfile *prev,
             const char *person)
{
	struct ics_events now, before;
	struct ctx c;

	icstext_init(cal, "plan-weeks");
	c.cal = cal;
	c.seed = uid_seed(cur);
	c.sequence = cur->sequence > 0 ? cur->sequence : 1;
	c.stamp = cur->start;
	c.stamp_minutes = (int)((c.sequence - 1) / 60 % 24) * 60 + (int)((c.sequence - 1) % 60);
	plan_events(&now, cur);
	for (size_t i = 0; i < now.n; i++)
		if (wanted(&now.v[i], person))
			add_event(&c, &now.v[i], 0);
	if (prev != NULL) {
		plan_events(&before, prev);
		for (size_t i = 0; i < before.n; i++)
			if (wanted(&before.v[i], person) && !has_key(&now, before.v[i].key))
				add_event(&c, &before.v[i], 1);
		free_events(&before);
	}
	free_events(&now);
}

char *
ics_string_of(const struct planfile *cur, const struct planfile *prev, const char *person)
{
	struct icstext cal;
	char *text;

	ics_build_of(&cal, cur, prev, person);
	text = icstext_string(&cal);
	icstext_free(&cal);
	return text;
}

/* The plan as a planfile, through its own JSON (one reader for every consumer). */
static struct planfile *
as_planfile(const struct plan *p, char *err, size_t errsz)
{
	json_t *j = plan_to_json(p);
	struct planfile *pf = planfile_from_json(j, "plan", err, errsz);

	json_decref(j);
	return pf;
}

char *
ics_string(const struct plan *p, const char *person, char *err, size_t errsz)
{
	struct planfile *pf = as_planfile(p, err, errsz);
	char *text;

	if (pf == NULL)
		return NULL;
	text = ics_string_of(pf, p->in->previous, person);
	planfile_free(pf);
	return text;
}

/* Write the calendar to fp. */
int
ics_write(const struct plan *p, const char *person, FILE *fp, char *err, size_t errsz)
{
	char *text = ics_string(p, person, err, errsz);
	int rc = 0;

	if (text == NULL)
		return -1;
	if (fputs(text, fp) == EOF) {
		snprintf(err, errsz, "write error");
		rc = -1;
	}
	free(text);
	return rc;
}

size_t
ics_people(const struct plan *p, const struct planfile *prev, const char ***names)
{
	size_t n = 0, cap = p->ndeploy + (prev ? prev->ndeploy : 0) + 1;
	const char **v = xcalloc(cap, sizeof *v);

	for (size_t i = 0; i < cap - 1; i++) {
		const char *name =
		    i < p->ndeploy ? p->deploy[i].name : prev->deploy[i - p->ndeploy].name;
		size_t k;

		for (k = 0; k < n && strcmp(v[k], name) != 0; k++)
			;
		if (k == n)
			v[n++] = name;
	}
	*names = v;
	return n;
}

char *
ics_file_name(const char *person)
{
	struct strbuf sb;
	int dash = 0;

	strbuf_init(&sb);
	for (const unsigned char *c = (const unsigned char *)person; *c != '\0'; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
		    (*c >= 'A' && *c <= 'Z')) {
			if (dash && sb.len > 0)
				strbuf_addch(&sb, '-');
			strbuf_addch(&sb, *c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
			dash = 0;
		} else
			dash = 1;
	}
	if (sb.len == 0)
		strbuf_adds(&sb, "person");
	strbuf_adds(&sb, ".ics");
	return strbuf_steal(&sb);
}
