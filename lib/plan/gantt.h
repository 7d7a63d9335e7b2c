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

/* Write the picture: SVG, or with html set a whole HTML page. */
void gantt_write(const struct plan *, int html, FILE *);
/* Write s escaped for XML text and attributes. */
void gantt_escape(FILE *, const char *s);

#endif
