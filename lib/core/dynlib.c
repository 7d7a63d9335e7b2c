/*
 * dynlib.c: a shared library loaded on first use (see dynlib.h).
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/diag.h"
#include "core/dynlib.h"

static void __attribute__((noreturn)) missing(const struct dynlib *lib, const char *why)
{
	fprintf(stderr, "%s: cannot load %s, needed to %s: %s; install the package %s\n",
	        diag_prog(), lib->soname, lib->purpose, why ? why : "not found", lib->package);
	exit(EXIT_TROUBLE);
}

void *
dynlib_sym(struct dynlib *lib, const char *name)
{
	void *f;

	if (lib->handle == NULL) {
		lib->handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
		if (lib->handle == NULL && lib->devname != NULL)
			lib->handle = dlopen(lib->devname, RTLD_NOW | RTLD_LOCAL);
		if (lib->handle == NULL)
			missing(lib, dlerror());
	}
	(void)dlerror();
	if ((f = dlsym(lib->handle, name)) == NULL)
		missing(lib, dlerror());
	return f;
}
