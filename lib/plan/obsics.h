/*
 * obsics.h: the observation assignments as an RFC 5545 calendar (written by
 * plan/icstext as libical writes it): one event per assignment,
 * Europe/London times with its VTIMEZONE, UIDs and DTSTAMPs derived from
 * the inputs so the file is byte-stable.
 */
#ifndef OBSICS_H
#define OBSICS_H

#include <stdio.h>

#include "plan/icstext.h"
#include "plan/observe.h"

/* The calendar as properties, in cal (icstext_free it). */
void obsics_build(struct icstext *cal, const struct observe_result *, const struct observe_opp *,
                  const struct observe_slot *);
/* The calendar written to fp; -1 when the write fails. */
int obsics_write(FILE *, const struct observe_result *, const struct observe_opp *,
                 const struct observe_slot *);

#endif
