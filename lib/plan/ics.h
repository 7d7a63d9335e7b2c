/*
 * ics.h: the plan as an RFC 5545 calendar, built and serialised with
 * libical (CRLF line ends, folding at 75 octets, escaped text): one event
 * per activity (split where it crosses a weekend), per area visit and
 * notification, and per person's stay in one place. UIDs are a hash of the
 * plan's inputs (profile, start, division) and the event's key, and DTSTAMP
 * is the start date at midnight UTC, so the same plan gives the same bytes
 * and a re-import updates events rather than duplicating them. Times carry
 * TZID=Europe/London with a fixed VTIMEZONE (GMT/BST rules).
 */
#ifndef ICS_H
#define ICS_H

#include <stdint.h>
#include <stdio.h>

#include <libical/ical.h>

#include "core/dates.h"
#include "plan/plan.h"

/* Write the calendar; -1 with err set when libical or the write fails. */
int ics_write(const struct plan *, FILE *, char *err, size_t errsz);
/* The calendar as a new string (free it); NULL with err set. */
char *ics_string(const struct plan *, char *err, size_t errsz);
/* A new VCALENDAR (PRODID -//cafcass-inspect//TOOL//EN, METHOD:PUBLISH) holding the
 * Europe/London VTIMEZONE, for any tool's events; NULL when libical fails. */
icalcomponent *ics_calendar(const char *tool);
/* A wall-clock time on d at minutes after midnight, for a TZID=Europe/London property. */
struct icaltimetype ics_local(date_t d, int minutes);
/* p with the parameter TZID=Europe/London added; returns p. */
icalproperty *ics_zoned(icalproperty *p);
/* FNV-1a 64-bit hash of s continuing from h (start with KEYHASH_FNV_BASIS). */
uint64_t ics_hash(uint64_t h, const char *s);

#endif
