/*
 * datadir.c: finds the reference data folder (share/).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/datadir.h"
#include "core/xalloc.h"

#ifndef DATADIR
#define DATADIR "/usr/local/share/cafcass-inspect"
#endif

static char *found;

static int
holds_data(const char *dir)
{
	char *marker = xasprintf("%s/VERSION", dir);
	int ok = access(marker, R_OK) == 0;

	free(marker);
	return ok;
}

/* The folder above the one holding the running binary, or NULL. */
static char *
exe_parent(void)
{
	char buf[PATH_MAX];
	ssize_t n;
	char *slash;

	n = readlink("/proc/self/exe", buf, sizeof buf - 1);
	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	if ((slash = strrchr(buf, '/')) == NULL)
		return NULL;
	*slash = '\0';
	if ((slash = strrchr(buf, '/')) == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(buf);
}

const char *
datadir(void)
{
	const char *env;
	char *up, *cand;

	if (found != NULL)
		return found;
	if ((env = getenv("CAFCASS_INSPECT_DATA")) != NULL && *env != '\0')
		return found = xstrdup(env);
	if ((up = exe_parent()) != NULL) {
		cand = xasprintf("%s/share", up);
		if (!holds_data(cand)) {
			free(cand);
			cand = xasprintf("%s/share/cafcass-inspect", up);
		}
		free(up);
		if (holds_data(cand))
			return found = cand;
		free(cand);
	}
	return found = xstrdup(DATADIR);
}

char *
datadir_path(const char *rel)
{
	return xasprintf("%s/%s", datadir(), rel);
}

char *
datadir_named(const char *dir, const char *name, const char *ext)
{
	return xasprintf("%s/%s/%s.%s", datadir(), dir, name, ext);
}
