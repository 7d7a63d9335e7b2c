/*
 * fuzz_schedule.c: the evaluation schedule loader on arbitrary bytes, and
 * its lookups on whatever it accepts.
 */
#include "fuzz.h"
#include "sea/schedule.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512], path[64];
	struct schedule *s;
	size_t i;
	int fd = fuzz_file(data, size, path, sizeof path);

	if ((s = schedule_load(path, err, sizeof err)) != NULL) {
		(void)schedule_name(s);
		for (i = 0; i < schedule_njudgements(s); i++) {
			(void)schedule_judgement_title(s, i);
			(void)schedule_judgement_count(s, schedule_judgement(s, i));
			(void)schedule_find(s, schedule_judgement(s, i), 1);
		}
		for (i = 0; i < schedule_count(s); i++)
			(void)schedule_get(s, i);
		(void)schedule_judgement_index(s, "nope");
		schedule_free(s);
	}
	close(fd);
	return 0;
}
