/*
 * fuzz_json.c: the JSON loader (located errors) and the bank-holiday
 * calendar loader on arbitrary bytes; and the quick JSON reader against
 * Jansson: what Jansson refuses it must refuse, what it accepts must equal
 * Jansson's value, key order and every bit of every real included.
 */
#include "core/calendar.h"
#include "core/jsonio.h"
#include "core/jsonio_fast.h"
#include "fuzz.h"

/* The value written exactly (insertion order, every bit of a real). */
static char *
exact(const json_t *j)
{
	char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY |
	                            JSON_REAL_PRECISION(17));

	if (s == NULL)
		abort();
	return s;
}

static void
against_jansson(const uint8_t *data, size_t size)
{
	json_error_t je;
	json_t *want = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES, &je);
	json_t *got = jsonio_fast_parse((const char *)data, size);
	char *a, *b;

	if (got != NULL) {
		if (want == NULL || !json_equal(want, got))
			abort();
		a = exact(want);
		b = exact(got);
		if (strcmp(a, b) != 0)
			abort();
		free(a);
		free(b);
		json_decref(got);
	}
	json_decref(want);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512], path[64];
	struct calendar *cal;
	FILE *fp = fmemopen((void *)data, size ? size : 1, "r");
	json_t *j;
	int fd;

	against_jansson(data, size);
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
