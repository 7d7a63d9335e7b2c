/*
 * dynlib_ical.c: the libical functions the project calls, as stubs that load
 * libical on the first call (see dynlib.h): a run that writes no calendar
 * never maps libical, ICU and libstdc++. The names and prototypes are
 * libical's own (the header checks them), not this file's: the exception to
 * the rule that a module's names start with its file name.
 */
#include <string.h>

#include <libical/ical.h>

#include "core/dynlib.h"

static struct dynlib ical = {"libical.so.3", "libical.so", "libical3", "write calendars", NULL};

DYNLIB_STUB_VOID(ical, icalcomponent_add_component, (icalcomponent * parent, icalcomponent *child),
                 (parent, child))
DYNLIB_STUB_VOID(ical, icalcomponent_add_property, (icalcomponent * c, icalproperty *p), (c, p))
DYNLIB_STUB(ical, char *, icalcomponent_as_ical_string_r, (icalcomponent * c), (c))
DYNLIB_STUB_VOID(ical, icalcomponent_free, (icalcomponent * c), (c))
DYNLIB_STUB(ical, icalcomponent *, icalcomponent_new, (icalcomponent_kind kind), (kind))
DYNLIB_STUB(ical, icalcomponent *, icalcomponent_new_vevent, (void), ())
DYNLIB_STUB(ical, icalerrorenum *, icalerrno_return, (void), ())
DYNLIB_STUB(ical, const char *, icalerror_strerror, (icalerrorenum e), (e))
DYNLIB_STUB(ical, icalparameter *, icalparameter_new_tzid, (const char *v), (v))
DYNLIB_STUB(ical, icalcomponent *, icalparser_parse_string, (const char *s), (s))
DYNLIB_STUB_VOID(ical, icalproperty_add_parameter, (icalproperty * p, icalparameter *q), (p, q))
DYNLIB_STUB(ical, icalproperty *, icalproperty_new_calscale, (const char *v), (v))
DYNLIB_STUB(ical, icalproperty *, icalproperty_new_categories, (const char *v), (v))
DYNLIB_STUB(ical, icalproperty *, icalproperty_new_description, (const char *v), (v))
DYNLIB_STUB(ical, icalproperty *, icalproperty_new_dtend, (struct icaltimetype v), (v))
DYNLIB_STUB(ical, icalproperty *, icalproperty_new_dtstamp, (struct icaltimetype v), (v))
DYNLIB_STUB(ical, icalproperty *, icalproperty_new_dtstart, (struct icaltimetype v), (v))
DYNLIB_STUB(ical, icalproperty *, icalproperty_new_location, (const char *v), (v))
DYNLIB_STUB(ical, icalproperty *, icalproperty_new_method, (enum icalproperty_method v), (v))
DYNLIB_STUB(ical, icalproperty *, icalproperty_new_prodid, (const char *v), (v))
DYNLIB_STUB(ical, icalproperty *, icalproperty_new_sequence, (int v), (v))
DYNLIB_STUB(ical, icalproperty *, icalproperty_new_status, (enum icalproperty_status v), (v))
DYNLIB_STUB(ical, icalproperty *, icalproperty_new_summary, (const char *v), (v))
DYNLIB_STUB(ical, icalproperty *, icalproperty_new_transp, (enum icalproperty_transp v), (v))
DYNLIB_STUB(ical, icalproperty *, icalproperty_new_uid, (const char *v), (v))
DYNLIB_STUB(ical, icalproperty *, icalproperty_new_version, (const char *v), (v))
DYNLIB_STUB(ical, struct icaltimetype, icaltime_null_date, (void), ())
DYNLIB_STUB(ical, struct icaltimetype, icaltime_null_time, (void), ())
DYNLIB_STUB(ical, struct icaltimetype, icaltime_set_timezone,
            (struct icaltimetype * t, const icaltimezone *zone), (t, zone))
DYNLIB_STUB(ical, icaltimezone *, icaltimezone_get_utc_timezone, (void), ())
