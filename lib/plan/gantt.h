/*
 * gantt.h: the plan as a picture: days across (grouped in weeks), the
 * timeline and every person down, each cell coloured by where the person is
 * that day; weekends, bank holidays and blackout periods shaded; deadlines
 * marked. SVG (self-contained: no scripts, fonts or links) or an HTML page
 * holding that SVG with a title and legend.
 */
#ifndef GANTT_H
#define GANTT_H

#include <stdio.h>

#include "plan/plan.h"

/* Write the picture: SVG, or with html set the whole plan as an HTML page (planhtml.h). */
void gantt_write(const struct plan *, int html, FILE *);
/* Write the <svg> element alone (for a page that holds it). */
void gantt_svg(const struct plan *, FILE *);
/* Write s escaped for XML text and attributes. */
void gantt_escape(FILE *, const char *s);

#endif
