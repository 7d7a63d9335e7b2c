/*
 * schema-check.c: validate JSON documents against a JSON Schema of
 * share/schemas with lib/core/jschema (no Python, no network).
 *
 *   schema-check SCHEMA FILE...      each FILE one JSON document ("-": stdin)
 *   schema-check -n SCHEMA FILE...   each FILE NDJSON: every line a document
 *
 * Prints "FILE[:LINE]: /json/pointer: what" per violation. Exit 0 when every
 * document is valid, 1 when one is not, 2 when the schema or a file cannot
 * be read (a schema using a keyword jschema does not know is refused).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/jschema.h"
#include "core/jsonio.h"
#include "core/strbuf.h"

struct where {
	const char *file;
	unsigned long line;
};

static void
report(void *arg, const char *at, const char *msg)
{
	const struct where *w = arg;

	if (w->line > 0)
		printf("%s:%lu: %s: %s\n", w->file, w->line, *at ? at : "/", msg);
	else
		printf("%s: %s: %s\n", w->file, *at ? at : "/", msg);
}

/* Validate every line of an NDJSON file; -1 when it cannot be read. */
static int
check_ndjson(struct jschema *s, const char *path, size_t *bad)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	struct where w = {path, 0};
	char *line = NULL, err[512];
	size_t cap = 0;
	json_error_t je;
	json_t *doc;
	ssize_t n;

	if (fp == NULL) {
		diag_error(path, 0, "cannot open");
		return -1;
	}
	while ((n = getline(&line, &cap, fp)) != -1) {
		w.line++;
		if (n <= 1)
			continue;
		if ((doc = json_loads(line, JSON_REJECT_DUPLICATES, &je)) == NULL) {
			snprintf(err, sizeof err, "invalid JSON: %s", jsonio_error_kind(&je));
			report(&w, "", err);
			(*bad)++;
			continue;
		}
		*bad += jschema_validate(s, doc, report, &w);
		json_decref(doc);
	}
	free(line);
	if (fp != stdin)
		fclose(fp);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct jschema *s;
	struct where w = {NULL, 0};
	char err[512];
	size_t bad = 0;
	int i = 1, nd = 0, trouble = 0;
	json_t *doc;

	diag_init("schema-check");
	if (argc > 1 && strcmp(argv[1], "-n") == 0)
		nd = i = 2;
	if (argc - i < 2) {
		fprintf(stderr, "usage: schema-check [-n] SCHEMA FILE...\n");
		return 2;
	}
	if ((s = jschema_load(argv[i], err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		return 2;
	}
	for (i++; i < argc; i++) {
		if (nd) {
			trouble |= check_ndjson(s, argv[i], &bad) != 0;
			continue;
		}
		if ((doc = jsonio_load(argv[i], err, sizeof err)) == NULL) {
			diag_error(NULL, 0, "%s", err);
			trouble = 1;
			continue;
		}
		w.file = argv[i];
		bad += jschema_validate(s, doc, report, &w);
		json_decref(doc);
	}
	jschema_free(s);
	return trouble ? 2 : bad > 0 ? 1 : 0;
}
