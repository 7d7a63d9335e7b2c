/*
 * profile.c: profiles by name (with their deprecated aliases), their
 * judgement sets and the facts no source gives.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "core/datadir.h"
#include "core/diag.h"
#include "core/jsonio.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "regime/profile.h"

/* The alias entry for name in share/profiles/aliases.json, copied into *to; 0 when found. */
static int
alias_of(const char *name, char *to, size_t tosz, char *why, size_t whysz)
{
	char *path = datadir_path("profiles/aliases.json");
	json_t *doc = json_load_file(path, 0, NULL), *a;
	size_t i;
	int found = -1;

	free(path);
	json_array_foreach(json_object_get(doc, "aliases"), i, a)
	{
		if (strcmp(jsonio_str(a, "name", ""), name) == 0 &&
		    jsonio_str(a, "profile", NULL) != NULL) {
			snprintf(to, tosz, "%s", jsonio_str(a, "profile", ""));
			snprintf(why, whysz, "%s", jsonio_str(a, "why", ""));
			found = 0;
			break;
		}
	}
	json_decref(doc);
	return found;
}

const char *
profile_canonical(const char *name)
{
	static char to[64];
	char why[256];

	if (alias_of(name, to, sizeof to, why, sizeof why) == 0)
		return to;
	return name;
}

const char *
profile_resolve(const char *what, const char *name)
{
	static char to[64];
	static const char *warned[4];
	char why[256];
	size_t k;

	if (alias_of(name, to, sizeof to, why, sizeof why) != 0)
		return name;
	for (k = 0; k < 4 && warned[k] != NULL && strcmp(warned[k], what) != 0; k++)
		;
	if (k < 4 && warned[k] == NULL) {
		warned[k] = what;
		diag_warn(NULL, 0,
		          "%s %s is deprecated and will be removed in the next release: use %s "
		          "(%s)",
		          what, name, to, why);
	}
	return to;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char *
profile_names(void)
{
	char *dir = datadir_path("profiles"), **v = NULL;
	struct strbuf sb;
	struct dirent *de;
	size_t n = 0, i, len;
	DIR *d = opendir(dir);

	strbuf_init(&sb);
	free(dir);
	while (d != NULL && (de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len <= 5 || strcmp(de->d_name + len - 5, ".json") != 0 ||
		    strcmp(de->d_name, "aliases.json") == 0)
			continue;
		v = xreallocarray(v, n + 1, sizeof *v);
		v[n++] = xstrndup(de->d_name, len - 5);
	}
	if (d != NULL)
		closedir(d);
	if (n > 1)
		qsort(v, n, sizeof *v, cmp_str);
	for (i = 0; i < n; i++) {
		strbuf_printf(&sb, "%s%s", i > 0 ? ", " : "", v[i]);
		free(v[i]);
	}
	free(v);
	return strbuf_steal(&sb);
}

char *
profile_path(const char *name, char *err, size_t errsz)
{
	char *path, *names;

	if (name[0] == '\0' || strlen(name) > 40 || strpbrk(name, "/\\.") != NULL) {
		snprintf(err, errsz, "not a profile name");
		return NULL;
	}
	name = profile_resolve("profile", name);
	path = datadir_named("profiles", name, "json");
	if (access(path, R_OK) != 0) {
		names = profile_names();
		snprintf(err, errsz, "%s: no such profile (the profiles are %s)", name, names);
		free(names);
		free(path);
		return NULL;
	}
	return path;
}

/* Read the judgement set; -1 with err. */
static int
load_judgements(struct profile *p, const json_t *arr, char *err, size_t errsz)
{
	const json_t *o;
	size_t i;

	if (arr != NULL && !json_is_array(arr)) {
		snprintf(err, errsz, "judgements: expected an array");
		return -1;
	}
	if (json_array_size(arr) > PROFILE_MAX_JUDGEMENTS) {
		snprintf(err, errsz, "judgements: more than %d", PROFILE_MAX_JUDGEMENTS);
		return -1;
	}
	json_array_foreach(arr, i, o)
	{
		struct profile_judgement *j = &p->judgements[i];

		j->id = jsonio_str(o, "id", NULL);
		j->title = jsonio_str(o, "title", NULL);
		j->evidence = jsonio_str(o, "evidence", NULL);
		j->overall = json_is_true(json_object_get(o, "overall"));
		if (j->id == NULL || j->title == NULL || text_blank(j->id) ||
		    text_blank(j->title) || (j->evidence == NULL && !j->overall)) {
			snprintf(err, errsz,
			         "judgements[%zu]: expected an id, a title and an evidence area "
			         "(or \"overall\": true)",
			         i);
			return -1;
		}
		if (profile_judgement_index(p, j->id) >= 0) {
			snprintf(err, errsz, "judgements[%zu]: %s is listed twice", i, j->id);
			return -1;
		}
		p->njudgements = i + 1;
	}
	return 0;
}

struct profile *
profile_load(const char *path, char *err, size_t errsz)
{
	struct profile *p = xcalloc(1, sizeof *p);
	char sub[256];
	const char *ov;
	json_t *root, *o;
	size_t i;

	if ((root = jsonio_load(path, err, errsz)) == NULL) {
		free(p);
		return NULL;
	}
	p->json = root;
	p->path = xstrdup(path);
	p->name = jsonio_str(root, "name", NULL);
	p->title = jsonio_str(root, "title", p->name);
	p->regime = jsonio_str(root, "regime", p->title);
	ov = jsonio_str(root, "overall_judgement", "unknown");
	p->overall = strcmp(ov, "yes") == 0  ? PROFILE_OVERALL_YES
	             : strcmp(ov, "no") == 0 ? PROFILE_OVERALL_NO
	                                     : PROFILE_OVERALL_UNKNOWN;
	p->timeline_from = jsonio_str(root, "timeline_from", NULL);
	p->timeline_basis = jsonio_str(root, "timeline_basis", p->timeline_from);
	if (p->name == NULL) {
		snprintf(err, errsz, "%s: no \"name\"", path);
		goto fail;
	}
	if (load_judgements(p, json_object_get(root, "judgements"), sub, sizeof sub) != 0) {
		snprintf(err, errsz, "%s: %s", path, sub);
		goto fail;
	}
	p->nunknowns = json_array_size(json_object_get(root, "unknowns"));
	p->unknowns = xcalloc(p->nunknowns + 1, sizeof *p->unknowns);
	json_array_foreach(json_object_get(root, "unknowns"), i, o)
	{
		p->unknowns[i].key = jsonio_str(o, "key", "");
		p->unknowns[i].what = jsonio_str(o, "what", p->unknowns[i].key);
	}
	return p;
fail:
	profile_free(p);
	return NULL;
}

struct profile *
profile_named(const char *name, char *err, size_t errsz)
{
	char *path = profile_path(name, err, errsz);
	struct profile *p;

	if (path == NULL)
		return NULL;
	p = profile_load(path, err, errsz);
	free(path);
	return p;
}

void
profile_free(struct profile *p)
{
	if (p == NULL)
		return;
	free(p->unknowns);
	free(p->path);
	json_decref(p->json);
	free(p);
}

long
profile_judgement_index(const struct profile *p, const char *id)
{
	size_t i;

	for (i = 0; id != NULL && i < p->njudgements; i++)
		if (text_label_same(p->judgements[i].id, id))
			return (long)i;
	return -1;
}

char *
profile_judgement_list(const struct profile *p)
{
	struct strbuf sb;
	size_t i;

	if (p->njudgements == 0)
		return xstrdup("none: it grades no judgement");
	strbuf_init(&sb);
	for (i = 0; i < p->njudgements; i++)
		strbuf_printf(&sb, "%s%s", i > 0 ? ", " : "", p->judgements[i].id);
	return strbuf_steal(&sb);
}
