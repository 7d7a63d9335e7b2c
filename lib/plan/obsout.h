/*
 * obsout.h: plan-observations' output: the assignments as CSV, JSON or an
 * iCalendar file, and what could not be met (on a stream, never naming a
 * person or a location).
 */
#ifndef OBSOUT_H
#define OBSOUT_H

#include <stdio.h>

#include "plan/observe.h"

enum obsout_format { OBSOUT_CSV, OBSOUT_JSON, OBSOUT_ICS, OBSOUT_XLSX };

/*
 * Write the result in format (xlsx: a workbook whose one sheet, Observations,
 * holds the CSV's cells); 0, or -1 with err set.
 */
int obsout_write(FILE *, int format, const struct observe_result *, const struct observe_opp *,
                 const struct observe_slot *, const char *const *areas, size_t nareas, char *err,
                 size_t errsz);
/* One line per unmet aim: areas with no court duty, inspector-days unobserved. */
void obsout_unmet(FILE *, const struct observe_result *, const struct observe_opp *, size_t nopps,
                  const char *const *areas, size_t nareas);

/* One line on stderr counting the unused opportunities by reason (none: nothing). */
void obsout_dropped(const struct observe_result *);
/* The unused opportunities as CSV (id, line, area, date, type, reason); -1 on a write error. */
int obsout_rejected(FILE *, const struct observe_result *, const struct observe_opp *,
                    size_t nopps);

#endif
