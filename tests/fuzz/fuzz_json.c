/*
 * fuzz_json.c: the JSON loader (located errors) and the bank-holiday
 * calendar loader on arbitrary bytes.
 */
#include "core/calendar.h"
#include "core/jsonio.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512], path[64];
	struct calendar *cal;
	FILE *fp = fmemopen((void *)data, size ? size : 1, "r");
	json_t *j;
	int fd;

	if (fp != NULL) {
		if ((j = jsonio_loadf(fp, "fuzz.json", err, sizeof err)) != NULL)
			json_decref(j);
		fclose(fp);
	}
	fd = fuzz_file(data, size, path, sizeof path);
	if ((cal = calendar_load(path, "england-and-wales", err, sizeof err)) != NULL) {
		(void)calendar_add_working(cal, 20000, 45);
		calendar_free(cal);
	}
	close(fd);
	return 0;
}
