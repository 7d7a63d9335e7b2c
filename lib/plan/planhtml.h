/*
 * planhtml.h: the whole plan as one HTML page (XHTML-compatible, so it
 * parses as XML): the timeline table with every activity, milestone and
 * deadline (bank holidays and blackout days flagged), the areas chosen with
 * their weeks, dates and reasons, the deployment grid (each person, each
 * working day), then the Gantt picture (gantt.h), and the problems and
 * warnings. Self-contained: no scripts, fonts or links.
 */
#ifndef PLANHTML_H
#define PLANHTML_H

#include <stdio.h>

#include "plan/plan.h"

void planhtml_write(const struct plan *, FILE *);

#endif
