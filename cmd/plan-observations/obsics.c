/*
 * obsics.c: plan-observations' calendar output, built and serialised by
 * libical (CRLF line ends, folding and escaping are libical's).
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "obsics.h"
#include "strbuf.h"
#include "xalloc.h"

/* A wall-clock time on day d at minutes after midnight (its zone is the TZID). */
static struct icaltimetype
local_time(date_t d, int minutes)
{
	struct icaltimetype t = icaltime_null_time();

	dates_to_ymd(d, &t.year, &t.month, &t.day);
	t.hour = minutes / 60;
	t.minute = minutes % 60;
	t.is_date = 0;
	return t;
}

/* The Europe/London VTIMEZONE kept in share/ics, parsed by libical. */
static icalcomponent *
london_zone(void)
{
	char *path = datadir_path("ics/europe-london.vtimezone"), *text;
	icalcomponent *zone = NULL;
	FILE *fp = fopen(path, "r");
	struct strbuf sb;
	char buf[4096];
	size_t n;

	free(path);
	if (fp == NULL)
		return NULL;
	strbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(fp);
	text = strbuf_steal(&sb);
	strbuf_free(&sb);
	zone = icalparser_parse_string(text);
	free(text);
	if (zone != NULL && icalcomponent_isa(zone) != ICAL_VTIMEZONE_COMPONENT) {
		icalcomponent_free(zone);
		zone = NULL;
	}
	return zone;
}

/* A property with a TZID parameter for zone tz. */
static icalproperty *
with_tzid(icalproperty *p)
{
	icalproperty_add_parameter(p, icalparameter_new_tzid("Europe/London"));
	return p;
}

static icalcomponent *
event(const struct observe_opp *o, const char *who)
{
	icalcomponent *ev = icalcomponent_new_vevent();
	struct icaltimetype stamp = icaltime_null_time();
	char *uid, *summary, *desc;

	uid = xasprintf("observation-%s@cafcass-inspect", o->id);
	summary = xasprintf("Observation: %s, %s", observe_type_name(o->type), o->area);
	desc =
	    xasprintf("Inspector: %s. Opportunity %s (%d minutes' travel).", who, o->id, o->travel);
	dates_to_ymd(o->date, &stamp.year, &stamp.month, &stamp.day);
	stamp = icaltime_set_timezone(&stamp, icaltimezone_get_utc_timezone());
	icalcomponent_add_property(ev, icalproperty_new_uid(uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(stamp));
	icalcomponent_add_property(
	    ev, with_tzid(icalproperty_new_dtstart(local_time(o->date, o->start))));
	icalcomponent_add_property(ev,
	                           with_tzid(icalproperty_new_dtend(local_time(o->date, o->end))));
	icalcomponent_add_property(ev, icalproperty_new_summary(summary));
	icalcomponent_add_property(ev, icalproperty_new_description(desc));
	icalcomponent_add_property(ev, icalproperty_new_categories(observe_type_name(o->type)));
	free(uid);
	free(summary);
	free(desc);
	return ev;
}

int
obsics_write(FILE *fp, const struct observe_result *r, const struct observe_opp *opps,
             const struct observe_slot *slots)
{
	icalcomponent *cal, *zone = london_zone();
	char *text;
	size_t i;
	int rc;

	if (zone == NULL)
		return -1;
	cal = icalcomponent_vanew(
	    ICAL_VCALENDAR_COMPONENT, icalproperty_new_version("2.0"),
	    icalproperty_new_prodid("-//cafcass-inspect//plan-observations//EN"),
	    icalproperty_new_calscale("GREGORIAN"), (void *)0);
	icalcomponent_add_component(cal, zone);
	for (i = 0; i < r->nassign; i++)
		icalcomponent_add_component(
		    cal, event(&opps[r->assign[i].opp], slots[r->assign[i].slot].name));
	text = icalcomponent_as_ical_string_r(cal);
	rc = fputs(text, fp) == EOF ? -1 : 0;
	free(text);
	icalcomponent_free(cal);
	return rc;
}
