/*
 * jsonio.c: JSON loading with located errors, deterministic dumping.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/jsonio.h"

/*
 * The largest JSON document read (a plan, a SEA of 50,000 entries is a few
 * megabytes): beyond it loading stops with an error instead of letting a
 * runaway input (a 1 GB line on a pipe) fill memory.
 */

struct jsonio_src {
	FILE *fp;
	size_t total;
	int over;
};

/* Jansson's reader: the next bytes of the stream, stopping at the limit. */
static size_t
jsonio_read(void *buf, size_t len, void *arg)
{
	struct jsonio_src *src = arg;
	size_t n;

	if (src->total >= JSONIO_MAX_INPUT) {
		src->over = 1;
		return (size_t)-1;
	}
	if (len > JSONIO_MAX_INPUT - src->total)
		len = JSONIO_MAX_INPUT - src->total;
	n = fread(buf, 1, len, src->fp);
	if (n == 0 && ferror(src->fp))
		return (size_t)-1;
	src->total += n;
	return n;
}

static void
located(char *err, size_t errsz, const char *name, const json_error_t *je)
{
	if (je->line > 0)
		snprintf(err, errsz, "%s:%d:%d: %s", name, je->line, je->column, je->text);
	else
		snprintf(err, errsz, "%s: %s", name, je->text);
}

json_t *
jsonio_loadf(FILE *fp, const char *name, char *err, size_t errsz)
{
	struct jsonio_src src = {fp, 0, 0};
	json_error_t je;
	json_t *j;

	j = json_load_callback(jsonio_read, &src, JSON_REJECT_DUPLICATES, &je);
	if (j == NULL && src.over)
		snprintf(err, errsz, "%s: larger than the %zu MB limit for a JSON document", name,
		         JSONIO_MAX_INPUT >> 20);
	else if (j == NULL)
		located(err, errsz, name, &je);
	return j;
}

json_t *
jsonio_load(const char *path, char *err, size_t errsz)
{
	FILE *fp;
	json_t *j;

	if (path == NULL || strcmp(path, "-") == 0)
		return jsonio_loadf(stdin, "<stdin>", err, errsz);
	if ((fp = fopen(path, "r")) == NULL) {
		snprintf(err, errsz, "%s: %s", path, strerror(errno));
		return NULL;
	}
	j = jsonio_loadf(fp, path, err, errsz);
	fclose(fp);
	return j;
}

int
jsonio_dump(const json_t *j, FILE *fp)
{
	if (json_dumpf(j, fp, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10)) != 0)
		return -1;
	return fputc('\n', fp) == EOF ? -1 : 0;
}

int
jsonio_dump_line(const json_t *j, FILE *fp)
{
	if (json_dumpf(j, fp, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10)) != 0)
		return -1;
	return fputc('\n', fp) == EOF ? -1 : 0;
}

const char *
jsonio_str(const json_t *obj, const char *key, const char *dflt)
{
	const json_t *v = json_object_get(obj, key);

	return json_is_string(v) ? json_string_value(v) : dflt;
}

long long
jsonio_int(const json_t *obj, const char *key, long long dflt)
{
	const json_t *v = json_object_get(obj, key);

	return json_is_integer(v) ? json_integer_value(v) : dflt;
}
