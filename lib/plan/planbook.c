/*
 * planbook.c: the plan's three CSV views as the sheets of one workbook.
 */
#include "plan/planbook.h"

#include "core/xlsxout.h"

const char *const planbook_sheets[3] = {"Timeline", "Areas", "Deployment"};

int
planbook_write(const struct plan *p, FILE *out, char *err, size_t errsz)
{
	static const enum plan_view views[3] = {PLAN_TIMELINE, PLAN_AREAS, PLAN_DEPLOYMENT};
	struct xlsxout *x = xlsxout_new(err, errsz);
	struct xlsxout_csv list;
	size_t i;

	if (x == NULL)
		return -1;
	for (i = 0; i < 3; i++) {
		if (xlsxout_csv_open(&list) == NULL) {
			snprintf(err, errsz, "out of memory");
			xlsxout_abort(x);
			return -1;
		}
		plan_write_csv(p, views[i], list.fp);
		if (xlsxout_add_csv(x, &list, planbook_sheets[i], NULL, 0, err, errsz) != 0) {
			xlsxout_abort(x);
			return -1;
		}
	}
	return xlsxout_finish(x, out, err, errsz);
}
