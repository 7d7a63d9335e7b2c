/*
 * obsics.h: the observation assignments as an RFC 5545 calendar (libical):
 * one event per assignment, Europe/London times with its VTIMEZONE, UIDs
 * and DTSTAMPs derived from the inputs so the file is byte-stable.
 */
#ifndef OBSICS_H
#define OBSICS_H

#include <stdio.h>

#include "plan/observe.h"

int obsics_write(FILE *, const struct observe_result *, const struct observe_opp *,
                 const struct observe_slot *);

#endif
