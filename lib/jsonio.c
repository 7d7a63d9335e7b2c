/*
 * jsonio.c: JSON loading with located errors, deterministic dumping.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "jsonio.h"

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
	json_error_t je;
	json_t *j;

	j = json_loadf(fp, JSON_REJECT_DUPLICATES, &je);
	if (j == NULL)
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
