/*
 * dynlib.h: a shared library loaded on the first call into it (dlopen), for
 * the libraries only some runs need. libxlsxwriter (and with it libcrypto)
 * writes workbooks; linked into a tool, the dynamic loader would map and
 * relocate it at every start, in every run, whether it writes a workbook or
 * not. (libical, which brings ICU and libstdc++, was loaded so for calendars
 * until plan/icstext wrote them itself.) dynlib_xlsxwriter.c and its
 * siblings define each function of those libraries the project
 * calls, under the library's own name and with its own prototype (checked
 * against the library's header), as a stub that finds the real function on
 * its first call; the tools link the stubs instead of the library.
 */
#ifndef DYNLIB_H
#define DYNLIB_H

struct dynlib {
	const char *soname; /* "libical.so.3": the name a runtime package installs */
	const char *devname; /* "libical.so": the development link, tried second */
	const char *package; /* the Debian package that installs soname */
	const char *purpose; /* what the library does for us: "write calendars" */
	void *handle; /* NULL until loaded */
};

/*
 * The address of the function name in lib, loading lib on first use. When
 * the library or the function cannot be found, says so on stderr ("PROG:
 * cannot load libical.so.3, needed to write calendars: ...; install the
 * package libical3") and exits with status 2 (the output module removes any
 * half-written output at exit).
 */
void *dynlib_sym(struct dynlib *lib, const char *name);

/*
 * DYNLIB_STUB(lib, ret, name, params, args) defines ret name params as a call
 * of name in lib, found once: DYNLIB_STUB(ical, icalproperty *,
 * icalproperty_new_uid, (const char *v), (v)). DYNLIB_STUB_VOID is the same
 * for a function returning nothing.
 */
#define DYNLIB_STUB(lib, ret, name, params, args)                                                  \
	ret name params                                                                            \
	{                                                                                          \
		static ret(*dynlib_fn) params;                                                     \
		if (dynlib_fn == NULL) {                                                           \
			void *dynlib_p = dynlib_sym(&(lib), #name);                                \
			memcpy(&dynlib_fn, &dynlib_p, sizeof dynlib_fn);                           \
		}                                                                                  \
		return dynlib_fn args;                                                             \
	}
#define DYNLIB_STUB_VOID(lib, name, params, args)                                                  \
	void name params                                                                           \
	{                                                                                          \
		static void(*dynlib_fn) params;                                                    \
		if (dynlib_fn == NULL) {                                                           \
			void *dynlib_p = dynlib_sym(&(lib), #name);                                \
			memcpy(&dynlib_fn, &dynlib_p, sizeof dynlib_fn);                           \
		}                                                                                  \
		dynlib_fn args;                                                                    \
	}

#endif
