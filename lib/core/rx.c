/*
 * rx.c: PCRE2 patterns for the parsers and the vocabularies. A pattern is
 * compiled once with UTF and UCP, and keeps one match data block, so
 * matching allocates nothing. It is JIT-compiled when the library can (a JIT
 * failure only means the interpreter runs instead), at its RX_JIT_AFTER-th
 * match: most of a run's patterns match a few times or never, and JIT
 * compiling them all would cost more than every match they make.
 *
 * A whole-subject pattern made of ASCII letters and digits and runs of \d
 * (the Case ID's "\bCA\d{8}\b") is also kept as a plain program, and
 * rx_test() of an ASCII subject runs that instead: a comparison, where a
 * PCRE2 call costs more than the check itself. Anything else is PCRE2's.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

#include "core/rx.h"
#include "core/xalloc.h"

#define PLAIN_MAX 32 /* elements in a plain program */

/* One element of a plain program: a literal byte, or a run of ASCII digits. */
struct plain_el {
	char lit; /* the byte, or 0 for a digit run */
	unsigned char min, max; /* the run's length bounds */
};

#define RX_JIT_AFTER 64 /* matches interpreted before the JIT compiles */

struct rx {
	struct plain_el plain[PLAIN_MAX];
	size_t nplain; /* 0: no plain program */
	pcre2_code *code;
	pcre2_match_data *md;
	int jit; /* JIT code is in place */
	int want_jit; /* JIT-compile at the RX_JIT_AFTER-th match */
	unsigned uses; /* matches so far, up to RX_JIT_AFTER */
	int matched; /* the last search succeeded */
	const char *checked; /* subject last found valid UTF-8... */
	size_t checkedlen; /* ...and its length */
};

/* PCRE2 compile options for our flags. */
static uint32_t
compile_options(unsigned flags)
{
	uint32_t opt = PCRE2_UTF | PCRE2_UCP;

	if (flags & RX_CASELESS)
		opt |= PCRE2_CASELESS;
	if (flags & RX_ANCHORED)
		opt |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
	return opt;
}

/* Put "offset N: reason" for a compile error into err. */
static void
compile_error(int code, PCRE2_SIZE offset, char *err, size_t errsz)
{
	PCRE2_UCHAR msg[256];

	if (pcre2_get_error_message(code, msg, sizeof msg) < 0)
		snprintf((char *)msg, sizeof msg, "error %d", code);
	if (errsz > 0)
		snprintf(err, errsz, "offset %zu: %s", (size_t)offset, (const char *)msg);
}

/* Parse "{n}" or "{m,n}" (n < 256) at *p into min, max; 0 when it is not there. */
static int
plain_count(const char **p, unsigned *min, unsigned *max)
{
	char *end;
	unsigned long a, b;

	if (**p != '{' || !isdigit((unsigned char)(*p)[1]))
		return 0;
	a = b = strtoul(*p + 1, &end, 10);
	if (*end == ',') {
		if (!isdigit((unsigned char)end[1]))
			return 0;
		b = strtoul(end + 1, &end, 10);
	}
	if (*end != '}' || a > b || b > 255)
		return 0;
	*min = (unsigned)a;
	*max = (unsigned)b;
	*p = end + 1;
	return 1;
}

/*
 * Keep pattern as a plain program when it is, whole, an optional \b, then
 * ASCII letters, digits and \d runs (\d, \d{n}, \d{m,n}), then an optional
 * \b; a run of varying length must not be followed by a digit, so that
 * taking the longest run is never wrong. Either \b always holds around a
 * whole-subject match that starts and ends with a letter or digit.
 */
static void
plain_compile(struct rx *rx, const char *p)
{
	unsigned min, max;
	int varying = 0;

	rx->nplain = 0;
	if (strncmp(p, "\\b", 2) == 0)
		p += 2;
	while (*p != '\0' && strcmp(p, "\\b") != 0) {
		struct plain_el *e = &rx->plain[rx->nplain];

		if (rx->nplain == PLAIN_MAX)
			goto no;
		if (isalnum((unsigned char)*p) && (unsigned char)*p < 0x80) {
			if (varying && isdigit((unsigned char)*p))
				goto no;
			e->lit = *p++;
			varying = 0;
		} else if (strncmp(p, "\\d", 2) == 0) {
			if (varying)
				goto no;
			p += 2;
			if (!plain_count(&p, &min, &max))
				min = max = 1;
			if (max == 0)
				goto no;
			e->lit = 0;
			e->min = (unsigned char)min;
			e->max = (unsigned char)max;
			varying = min != max;
		} else
			goto no;
		rx->nplain++;
	}
	if (rx->nplain > 0)
		return;
no:
	rx->nplain = 0;
}

/* Run the plain program over the ASCII subject s: 1 when it matches s whole. */
static int
plain_test(const struct rx *rx, const char *s)
{
	size_t i, k;

	for (i = 0; i < rx->nplain; i++) {
		const struct plain_el *e = &rx->plain[i];

		if (e->lit != 0) {
			if (*s++ != e->lit)
				return 0;
			continue;
		}
		for (k = 0; k < e->max && isdigit((unsigned char)s[k]); k++)
			;
		if (k < e->min)
			return 0;
		s += k;
	}
	return *s == '\0';
}

/* 1 when s is ASCII throughout. */
static int
ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

/* Compile pattern with flags; NULL and "offset N: reason" on error. */
struct rx *
rx_new(const char *pattern, unsigned flags, char *err, size_t errsz)
{
	struct rx *rx;
	pcre2_code *code;
	int ecode;
	PCRE2_SIZE eoff;

	code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, compile_options(flags),
	                     &ecode, &eoff, NULL);
	if (code == NULL) {
		compile_error(ecode, eoff, err, errsz);
		return NULL;
	}
	rx = xcalloc(1, sizeof *rx);
	rx->code = code;
	rx->md = pcre2_match_data_create_from_pattern(code, NULL);
	if (rx->md == NULL) {
		pcre2_code_free(code);
		free(rx);
		if (errsz > 0)
			snprintf(err, errsz, "offset 0: out of memory for match data");
		return NULL;
	}
	/* CAFCASS_INSPECT_NO_JIT: valgrind cannot see into JIT code (tests/valgrind.sh). */
	rx->want_jit = !(flags & RX_NOJIT) && getenv("CAFCASS_INSPECT_NO_JIT") == NULL;
	if ((flags & (RX_ANCHORED | RX_CASELESS | RX_NOPLAIN)) == RX_ANCHORED)
		plain_compile(rx, pattern);
	return rx;
}

/* Free the code and match data. */
void
rx_free(struct rx *rx)
{
	if (rx == NULL)
		return;
	pcre2_match_data_free(rx->md);
	pcre2_code_free(rx->code);
	free(rx);
}

/* Match once; on a JIT stack overflow, once more with the interpreter. */
static int
match(struct rx *rx, const char *s, size_t len, size_t from, uint32_t opt)
{
	int rc;

	if (rx->want_jit && ++rx->uses == RX_JIT_AFTER) {
		rx->want_jit = 0;
		rx->jit = pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE) == 0;
	}
	/* pcre2_match() chooses the JIT code by itself when it exists. */
	rc = pcre2_match(rx->code, (PCRE2_SPTR)s, len, from, opt, rx->md, NULL);
	if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
		rc = pcre2_match(rx->code, (PCRE2_SPTR)s, len, from, opt | PCRE2_NO_JIT, rx->md,
		                 NULL);
	return rc;
}

/* Search s[from..len): 1 with the match span, 0 for none, -1 on error. */
int
rx_search(struct rx *rx, const char *s, size_t len, size_t from, size_t *so, size_t *eo)
{
	PCRE2_SIZE *ov;
	uint32_t opt = 0;
	int rc;

	rx->matched = 0;
	if (from > len)
		return 0;
	/*
	 * A scan calls again and again on one subject with a growing start:
	 * check its UTF-8 once, from 0, not on every call (quadratic on long
	 * text). A start inside a character still gets the full check.
	 */
	if (from > 0 && s == rx->checked && len == rx->checkedlen &&
	    (from == len || ((unsigned char)s[from] & 0xc0) != 0x80))
		opt = PCRE2_NO_UTF_CHECK;
	rc = match(rx, s, len, from, opt);
	if (from == 0) {
		rx->checked = rc >= 0 || rc == PCRE2_ERROR_NOMATCH ? s : NULL;
		rx->checkedlen = len;
	}
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	if (rc < 0)
		return -1;
	rx->matched = 1;
	ov = pcre2_get_ovector_pointer(rx->md);
	if (so != NULL)
		*so = ov[0];
	if (eo != NULL)
		*eo = ov[1];
	return 1;
}

/* 1 when the NUL-terminated s matches. */
int
rx_test(struct rx *rx, const char *s)
{
	if (rx->nplain > 0 && ascii(s)) {
		rx->matched = 0; /* no groups to ask for */
		return plain_test(rx, s);
	}
	return rx_search(rx, s, strlen(s), 0, NULL, NULL) == 1;
}

int
rx_plain(const struct rx *rx)
{
	return rx->nplain > 0;
}

/* Span of capture group n of the last successful search. */
int
rx_group(const struct rx *rx, unsigned n, size_t *so, size_t *eo)
{
	PCRE2_SIZE *ov;

	if (!rx->matched || n >= pcre2_get_ovector_count(rx->md))
		return 0;
	ov = pcre2_get_ovector_pointer(rx->md);
	if (ov[2 * n] == PCRE2_UNSET)
		return 0;
	if (so != NULL)
		*so = ov[2 * n];
	if (eo != NULL)
		*eo = ov[2 * n + 1];
	return 1;
}

/* 1 when the pattern runs JIT-compiled. */
int
rx_jit(const struct rx *rx)
{
	return rx->jit;
}
