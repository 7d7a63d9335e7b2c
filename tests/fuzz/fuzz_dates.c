/*
 * fuzz_dates.c: date and time parsing; a date that parses formats back to
 * an ISO string that parses to the same day.
 */
#include "core/dates.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_string(data, size), buf[DATES_ISO_LEN];
	date_t d, e;

	if (dates_parse(s, &d) == 0) {
		if (dates_parse(dates_format(d, buf), &e) != 0 || e != d)
			abort();
		(void)dates_weekday(d);
		(void)dates_age(d, d + 4000);
	}
	(void)dates_parse_time(s);
	free(s);
	return 0;
}
