/*
 * ics_oracle.h: libical as the oracle of plan/icstext. The same list of
 * properties is built with the libical constructors the tools called before
 * they had their own writer (icalproperty_new_summary, new_dtstart with a
 * TZID parameter, the VTIMEZONE parsed from its text...) and serialised by
 * libical, for the unit tests (test_icstext.c) and the fuzz harness
 * (fuzz_icstext.c) to compare with icstext_string() byte for byte.
 */
#ifndef ICS_ORACLE_H
#define ICS_ORACLE_H

#include <libical/ical.h>
#include <string.h>

#include "plan/icstext.h"

/* The VTIMEZONE as the tools gave it to libical's parser (RRULE parts in
 * another order than libical writes them). */
static const char ics_oracle_vtimezone[] = "BEGIN:VTIMEZONE\r\n"
                                           "TZID:Europe/London\r\n"
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

static struct icaltimetype
ics_oracle_time(const struct icstext_prop *p)
{
	struct icaltimetype t =
	    p->type == ICSTEXT_DATE ? icaltime_null_date() : icaltime_null_time();

	t.year = p->year;
	t.month = p->month;
	t.day = p->day;
	if (p->type == ICSTEXT_DATE)
		t.is_date = 1;
	else {
		t.hour = p->hour;
		t.minute = p->minute;
	}
	if (p->type == ICSTEXT_UTC)
		t = icaltime_set_timezone(&t, icaltimezone_get_utc_timezone());
	return t;
}

/* p built by libical's constructor for its name; NULL for a name the tools never used. */
static icalproperty *
ics_oracle_prop(const struct icstext_prop *p)
{
	static const struct {
		const char *name;
		icalproperty *(*make)(const char *);
	} text[] = {{"UID", icalproperty_new_uid},
	            {"SUMMARY", icalproperty_new_summary},
	            {"DESCRIPTION", icalproperty_new_description},
	            {"LOCATION", icalproperty_new_location},
	            {"PRODID", icalproperty_new_prodid},
	            {"CATEGORIES", icalproperty_new_categories},
	            {"VERSION", icalproperty_new_version},
	            {"CALSCALE", icalproperty_new_calscale}};
	icalproperty *q = NULL;

	switch (p->type) {
	case ICSTEXT_TEXT:
	case ICSTEXT_LIST:
	case ICSTEXT_WORD:
		if (strcmp(p->name, "METHOD") == 0 && strcmp(p->text, "PUBLISH") == 0)
			return icalproperty_new_method(ICAL_METHOD_PUBLISH);
		if (strcmp(p->name, "TRANSP") == 0 && strcmp(p->text, "TRANSPARENT") == 0)
			return icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT);
		if (strcmp(p->name, "STATUS") == 0 && strcmp(p->text, "CANCELLED") == 0)
			return icalproperty_new_status(ICAL_STATUS_CANCELLED);
		for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
			if (strcmp(p->name, text[i].name) == 0)
				return text[i].make(p->text);
		return NULL;
	case ICSTEXT_INT:
		return strcmp(p->name, "SEQUENCE") == 0 ? icalproperty_new_sequence(p->n) : NULL;
	case ICSTEXT_UTC:
		return strcmp(p->name, "DTSTAMP") == 0 ? icalproperty_new_dtstamp(ics_oracle_time(p))
		                                       : NULL;
	case ICSTEXT_DATE:
	case ICSTEXT_LOCAL:
		if (strcmp(p->name, "DTSTART") == 0)
			q = icalproperty_new_dtstart(ics_oracle_time(p));
		else if (strcmp(p->name, "DTEND") == 0)
			q = icalproperty_new_dtend(ics_oracle_time(p));
		if (q != NULL && p->type == ICSTEXT_LOCAL)
			icalproperty_add_parameter(q, icalparameter_new_tzid("Europe/London"));
		return q;
	default:
		return NULL;
	}
}

/* The calendar c as libical writes it (free it); NULL when c holds what the
 * tools never wrote (a component other than VEVENT, an unknown property). */
static char *
ics_oracle_string(const struct icstext *c)
{
	icalcomponent *cal = icalcomponent_new(ICAL_VCALENDAR_COMPONENT), *ev = NULL;
	char *text = NULL;
	int ok = 1;

	icalcomponent_add_component(cal, icalparser_parse_string(ics_oracle_vtimezone));
	for (size_t i = 0; i < c->n && ok; i++) {
		const struct icstext_prop *p = &c->v[i];
		icalproperty *q;

		if (p->type == ICSTEXT_BEGIN) {
			if ((ok = ev == NULL && strcmp(p->name, "VEVENT") == 0))
				ev = icalcomponent_new_vevent();
		} else if (p->type == ICSTEXT_END) {
			if ((ok = ev != NULL && strcmp(p->name, "VEVENT") == 0)) {
				icalcomponent_add_component(cal, ev);
				ev = NULL;
			}
		} else if ((q = ics_oracle_prop(p)) == NULL)
			ok = 0;
		else
			icalcomponent_add_property(ev != NULL ? ev : cal, q);
	}
	if (ok && ev == NULL)
		text = icalcomponent_as_ical_string_r(cal);
	if (ev != NULL)
		icalcomponent_free(ev);
	icalcomponent_free(cal);
	return text;
}

#endif
