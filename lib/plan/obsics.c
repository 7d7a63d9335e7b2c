/*
 * obsics.c: plan-observations' calendar output, built and serialised by
 * libical (CRLF line ends, folding and escaping are libical's).
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "plan/ics.h"
#include "plan/obsics.h"

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
	    ev, ics_zoned(icalproperty_new_dtstart(ics_local(o->date, o->start))));
	icalcomponent_add_property(ev,
	                           ics_zoned(icalproperty_new_dtend(ics_local(o->date, o->end))));
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
	icalcomponent *cal = ics_calendar("plan-observations");
	char *text;
	size_t i;
	int rc;

	if (cal == NULL)
		return -1;
	for (i = 0; i < r->nassign; i++)
		icalcomponent_add_component(
		    cal, event(&opps[r->assign[i].opp], slots[r->assign[i].slot].name));
	text = icalcomponent_as_ical_string_r(cal);
	rc = fputs(text, fp) == EOF ? -1 : 0;
	free(text);
	icalcomponent_free(cal);
	return rc;
}
