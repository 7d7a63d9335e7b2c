/*
 * fuzz_timetable.c: the inspection profile (timetable) loader on arbitrary
 * bytes; a profile it accepts is built into a timetable from the demo
 * day 1 against the shipped bank holidays.
 */
#include "core/calendar.h"
#include "core/dates.h"
#include "fuzz.h"
#include "plan/timetable.h"

static struct calendar *cal;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512], path[64];
	struct timetable_profile *p;
	struct timetable *t;
	date_t start, before, after, *days = NULL;
	int fd;

	if (cal == NULL) {
		setenv("CAFCASS_INSPECT_DATA", "share", 0);
		if ((cal = calendar_load_default("england-and-wales", err, sizeof err)) == NULL) {
			fprintf(stderr, "fuzz_timetable: %s\n", err);
			abort();
		}
	}
	fd = fuzz_file(data, size, path, sizeof path);
	if ((p = timetable_profile_load(path, err, sizeof err)) != NULL) {
		(void)dates_from_ymd(2027, 1, 15, &start);
		if ((t = timetable_build(p, cal, start, err, sizeof err)) != NULL) {
			(void)timetable_blackout_days(t, &days);
			free(days);
			(void)timetable_day_date(t, 1);
			timetable_free(t);
		}
		timetable_suggest(p, cal, start, &before, &after);
		(void)timetable_blackout(p, start);
		(void)timetable_visit_week(p, 3);
		timetable_profile_free(p);
	}
	close(fd);
	return 0;
}
