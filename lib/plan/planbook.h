/*
 * planbook.h: the plan as one Excel workbook (plan-weeks --format xlsx): a
 * sheet for each CSV view, Timeline, Areas and Deployment, each holding the
 * same cells as that view's CSV (core/xlsxout: bold frozen header, filter,
 * real dates, numbers as numbers).
 */
#ifndef PLANBOOK_H
#define PLANBOOK_H

#include <stddef.h>
#include <stdio.h>

#include "plan/plan.h"

/* The sheets' names, in the workbook's order (the views' order). */
extern const char *const planbook_sheets[3];

/* Write the workbook to out; 0, or -1 with err set (nothing useful written). */
int planbook_write(const struct plan *, FILE *out, char *err, size_t errsz);

#endif
