/*
 * ics.c: the plan as an iCalendar file, through libical.
 */
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "core/keyhash.h"
#include "core/xalloc.h"
#include "plan/ics.h"

#define TZID "Europe/London"

static const char vtimezone[] = "BEGIN:VTIMEZONE\r\n"
                                "TZID:" TZID "\r\n"
                                "BEGIN:DAYLIGHT\r\n"
                                "TZOFFSETFROM:+0000\r\n"
                                "TZOFFSETTO:+0100\r\n"
                                "TZNAME:BST\r\n"
                                "DTSTART:19810329T010000\r\n"
                                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
                                "END:DAYLIGHT\r\n"
                                "BEGIN:STANDARD\r\n"
                                "TZOFFSETFROM:+0100\r\n"
                                "TZOFFSETTO:+0000\r\n"
                                "TZNAME:GMT\r\n"
                                "DTSTART:19961027T020000\r\n"
                                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
                                "END:STANDARD\r\n"
                                "END:VTIMEZONE\r\n";

/* What every event of one calendar shares. */
struct ctx {
	icalcomponent *cal;
	uint64_t seed; /* hash of the plan's inputs */
	struct icaltimetype stamp;
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

/* An all-day date. */
static struct icaltimetype
ical_date(date_t d)
{
	struct icaltimetype t = icaltime_null_date();

	dates_to_ymd(d, &t.year, &t.month, &t.day);
	t.is_date = 1;
	return t;
}

/* A Europe/London local time on d at minutes after midnight. */
struct icaltimetype
ics_local(date_t d, int minutes)
{
	struct icaltimetype t = icaltime_null_time();

	dates_to_ymd(d, &t.year, &t.month, &t.day);
	t.hour = minutes / 60;
	t.minute = minutes % 60;
	return t;
}

/* A property with TZID=Europe/London. */
icalproperty *
ics_zoned(icalproperty *p)
{
	icalproperty_add_parameter(p, icalparameter_new_tzid(TZID));
	return p;
}

/* Add an event from first to last (inclusive); at minutes when >= 0, else all day. */
static void
add_event(struct ctx *c, const char *key, date_t first, date_t last, int minutes,
          const char *summary, const char *desc, const char *category)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	char uid[64];

	snprintf(uid, sizeof uid, "%016llx@cafcass-inspect",
	         (unsigned long long)mix(ics_hash(ics_hash(c->seed, "|"), key)));
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(c->stamp));
	if (minutes >= 0) {
		icalcomponent_add_property(
		    ev, ics_zoned(icalproperty_new_dtstart(ics_local(first, minutes))));
		icalcomponent_add_property(
		    ev, ics_zoned(icalproperty_new_dtend(ics_local(first, minutes + 30))));
	} else {
		icalcomponent_add_property(ev, icalproperty_new_dtstart(ical_date(first)));
		icalcomponent_add_property(ev, icalproperty_new_dtend(ical_date(last + 1)));
		icalcomponent_add_property(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	}
	icalcomponent_add_property(ev, icalproperty_new_summary(summary));
	if (desc != NULL)
		icalcomponent_add_property(ev, icalproperty_new_description(desc));
	icalcomponent_add_property(ev, icalproperty_new_categories(category));
	icalcomponent_add_component(c->cal, ev);
}

/* The minutes of "HH:MM", or -1. */
static int
minutes_of(const char *time)
{
	return time == NULL ? -1 : dates_parse_time(time);
}

/* One event per activity, split into runs of consecutive dates. */
static void
timeline_events(struct ctx *c, const struct plan *p)
{
	const struct timetable *t = p->tt;
	char key[256], d1[DATES_ISO_LEN];

	for (size_t i = 0; i < t->nrows; i++) {
		const struct timetable_row *r = &t->rows[i];
		date_t last = r->date;
		char *desc;

		/* Skip a row that continues the run of an earlier row of the same activity. */
		int continues = 0;
		for (size_t j = 0; j < i; j++)
			if (t->rows[j].spec == r->spec && t->rows[j].date == r->date - 1)
				continues = 1;
		if (continues && r->spec->time == NULL)
			continue;
		if (r->spec->time == NULL)
			for (size_t j = i + 1; j < t->nrows; j++)
				if (t->rows[j].spec == r->spec && t->rows[j].date == last + 1)
					last = t->rows[j].date;
		snprintf(key, sizeof key, "activity|%s|%s", r->spec->key,
		         dates_format(r->date, d1));
		desc = xasprintf("Who: %s. Where: %s. Working day %d, week %d (%s).", r->spec->who,
		                 r->spec->where, r->day, r->week, t->profile->name);
		add_event(c, key, r->date, last, minutes_of(r->spec->time), r->spec->activity, desc,
		          "Inspection timetable");
		free(desc);
	}
}

/* A visit event and a notification event per area. */
static void
area_events(struct ctx *c, const struct plan *p)
{
	char key[512], *summary, *desc;

	for (size_t i = 0; i < p->nareas; i++) {
		const struct plan_area *a = &p->areas[i];

		snprintf(key, sizeof key, "visit|%s", a->service_area);
		summary = xasprintf("Visit: %s (week %d)", a->service_area, a->week);
		desc = xasprintf("Chosen for: %s.", a->reason);
		add_event(c, key, a->on_site_from, a->on_site_to, -1, summary, desc, "Area visit");
		free(summary);
		free(desc);
		snprintf(key, sizeof key, "notify|%s", a->service_area);
		summary = xasprintf("Notify Cafcass: %s to be visited in week %d", a->service_area,
		                    a->week);
		add_event(c, key, a->notify_on, a->notify_on, -1, summary, NULL, "Area visit");
		free(summary);
	}
}

/* One event per person's run of days in one place (off-site days left out). */
static void
person_events(struct ctx *c, const struct plan *p)
{
	char key[512], d1[DATES_ISO_LEN];

	for (size_t i = 0; i < p->ndeploy; i++) {
		const struct plan_deployment *r = &p->deploy[i];
		date_t last = r->date;
		int continues = 0;
		char *summary;

		if (strcmp(r->location, "off-site") == 0)
			continue;
		for (size_t j = 0; j < i && !continues; j++)
			continues = strcmp(p->deploy[j].name, r->name) == 0 &&
			            p->deploy[j].date == r->date - 1 &&
			            strcmp(p->deploy[j].location, r->location) == 0;
		if (continues)
			continue;
		for (size_t j = i + 1; j < p->ndeploy; j++)
			if (strcmp(p->deploy[j].name, r->name) == 0 &&
			    p->deploy[j].date == last + 1 &&
			    strcmp(p->deploy[j].location, r->location) == 0)
				last = p->deploy[j].date;
		snprintf(key, sizeof key, "person|%s|%s", r->name, dates_format(r->date, d1));
		summary = xasprintf("%s (%s): %s", r->name, deploy_role_name(r->person->role),
		                    r->location);
		add_event(c, key, r->date, last, -1, summary, NULL, "Deployment");
		free(summary);
	}
}

/* A new calendar for tool holding the Europe/London VTIMEZONE. */
icalcomponent *
ics_calendar(const char *tool)
{
	icalcomponent *cal, *tz;
	char *prodid;

	if ((tz = icalparser_parse_string(vtimezone)) == NULL)
		return NULL;
	prodid = xasprintf("-//cafcass-inspect//%s//EN", tool);
	cal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
	                          icalproperty_new_prodid(prodid),
	                          icalproperty_new_calscale("GREGORIAN"),
	                          icalproperty_new_method(ICAL_METHOD_PUBLISH), (void *)0);
	free(prodid);
	icalcomponent_add_component(cal, tz);
	return cal;
}

/* Build the calendar with libical and serialise it. */
char *
ics_string(const struct plan *p, char *err, size_t errsz)
{
	struct ctx c;
	char d[DATES_ISO_LEN], vis[8], *text;

	if ((c.cal = ics_calendar("plan-weeks")) == NULL) {
		snprintf(err, errsz, "libical: %s", icalerror_strerror(icalerrno));
		return NULL;
	}
	c.seed = ics_hash(KEYHASH_FNV_BASIS, p->in->profile->name);
	c.seed = ics_hash(ics_hash(c.seed, "|"), dates_format(p->in->start, d));
	c.seed = ics_hash(ics_hash(c.seed, "|"), p->in->division);
	snprintf(vis, sizeof vis, "|%d", p->in->visits);
	c.seed = ics_hash(c.seed, vis);
	c.stamp = icaltime_null_time();
	dates_to_ymd(p->in->start, &c.stamp.year, &c.stamp.month, &c.stamp.day);
	c.stamp = icaltime_set_timezone(&c.stamp, icaltimezone_get_utc_timezone());
	timeline_events(&c, p);
	area_events(&c, p);
	person_events(&c, p);
	text = icalcomponent_as_ical_string_r(c.cal);
	icalcomponent_free(c.cal);
	if (text == NULL)
		snprintf(err, errsz, "libical: %s", icalerror_strerror(icalerrno));
	return text;
}

/* Write the calendar to fp. */
int
ics_write(const struct plan *p, FILE *fp, char *err, size_t errsz)
{
	char *text = ics_string(p, err, errsz);
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
