/*
 * ics.h: the plan as an RFC 5545 calendar, written by plan/icstext as
 * libical writes it (CRLF line ends, folding at 75 octets, escaped text),
 * without loading libical: one event
 * per activity (split where it crosses a weekend), per area visit and
 * notification, and per person's stay in one place, each with its LOCATION
 * (the service area, national office...). UIDs are a hash of what
 * identifies the inspection (profile, start, division) and the event's key,
 * so they stay the same when the plan is re-issued; SEQUENCE is the plan's
 * sequence number and DTSTAMP the start date at midnight UTC plus one minute
 * per re-issue, so the same plan gives the same bytes and a re-import
 * updates events rather than duplicating them. Given the previous plan,
 * each of its events the new one no longer has comes back with
 * STATUS:CANCELLED. A person's calendar holds only their own stays. Times
 * carry TZID=Europe/London with a fixed VTIMEZONE (GMT/BST rules). The
 * events are built from the plan's JSON as read by planfile, so a plan and
 * its predecessor go through the same code.
 */
#ifndef ICS_H
#define ICS_H

#include <stdint.h>
#include <stdio.h>

#include "core/dates.h"
#include "plan/icstext.h"
#include "plan/plan.h"

/*
 * Write the calendar of the whole team (person NULL) or of one person, with
 * the cancellations against the plan's previous issue (in->previous); -1
 * with err set when the write fails.
 */
int ics_write(const struct plan *, const char *person, FILE *, char *err, size_t errsz);
/* The calendar as a new string (free it); NULL with err set. */
char *ics_string(const struct plan *, const char *person, char *err, size_t errsz);
/* The calendar of cur and prev as properties, in cal (icstext_free it). */
void ics_build_of(struct icstext *cal, const struct planfile *cur, const struct planfile *prev,
                  const char *person);
/* The same as text, from a plan read back (cur) and its previous issue (prev, or NULL). */
char *ics_string_of(const struct planfile *cur, const struct planfile *prev, const char *person);
/* A file name for a person's calendar: "eve-inspector.ics" (ASCII letters and digits). */
char *ics_file_name(const char *person);
/* The people of the plan and of its previous issue, each once (*names: free it). */
size_t ics_people(const struct plan *, const struct planfile *prev, const char ***names);
/* FNV-1a 64-bit hash of s continuing from h (start with KEYHASH_FNV_BASIS). */
uint64_t ics_hash(uint64_t h, const char *s);

#endif
