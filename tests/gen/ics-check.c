/*
 * ics-check.c: parse an iCalendar file back with libical, as a calendar
 * client would, and print one line per event: "DTSTART DTEND TZID UID"; with
 * -l first, "UID SEQUENCE STATUS LOCATION" (STATUS "-" when absent).
 * Exit 1 when the file does not parse, holds no VCALENDAR, or libical
 * flags an error in any component. Used by the tools' shell tests.
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/strbuf.h"

/* 1 when comp or any component inside it carries an X-LIC-ERROR property. */
static int
has_error(icalcomponent *comp)
{
	icalcomponent *c;

	if (icalcomponent_get_first_property(comp, ICAL_XLICERROR_PROPERTY) != NULL)
		return 1;
	for (c = icalcomponent_get_first_component(comp, ICAL_ANY_COMPONENT); c != NULL;
	     c = icalcomponent_get_next_component(comp, ICAL_ANY_COMPONENT))
		if (has_error(c))
			return 1;
	return 0;
}

static void
print_long(icalcomponent *ev)
{
	icalproperty *st = icalcomponent_get_first_property(ev, ICAL_STATUS_PROPERTY);
	const char *loc = icalcomponent_get_location(ev);

	printf("%s %d %s %s\n", icalcomponent_get_uid(ev), icalcomponent_get_sequence(ev),
	       st ? icalproperty_status_to_string(icalproperty_get_status(st)) : "-",
	       loc ? loc : "-");
}

static void
print_event(icalcomponent *ev)
{
	icalproperty *p = icalcomponent_get_first_property(ev, ICAL_DTSTART_PROPERTY);
	icalparameter *tz = p ? icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER) : NULL;

	printf("%s %s %s %s\n", icaltime_as_ical_string(icalcomponent_get_dtstart(ev)),
	       icaltime_as_ical_string(icalcomponent_get_dtend(ev)),
	       tz ? icalparameter_get_tzid(tz) : "-", icalcomponent_get_uid(ev));
}

int
main(int argc, char *argv[])
{
	int full = argc > 1 && argv[1][0] == '-' && argv[1][1] == 'l';
	FILE *fp;
	icalcomponent *cal, *ev;
	struct strbuf sb;
	char buf[4096];
	size_t n;
	int rc = 0;

	if (full) {
		argc--;
		argv++;
	}
	fp = argc > 1 ? fopen(argv[1], "r") : stdin;
	if (fp == NULL) {
		perror(argv[1]);
		return 2;
	}
	strbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		strbuf_add(&sb, buf, n);
	cal = icalparser_parse_string(sb.buf);
	if (cal == NULL || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		fputs("ics-check: not a VCALENDAR\n", stderr);
		return 1;
	}
	if (has_error(cal)) {
		fputs("ics-check: libical reports errors\n", stderr);
		rc = 1;
	}
	for (ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev != NULL;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		full ? print_long(ev) : print_event(ev);
	icalcomponent_free(cal);
	strbuf_free(&sb);
	if (fp != stdin)
		fclose(fp);
	return rc;
}
