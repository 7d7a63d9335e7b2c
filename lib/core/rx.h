/*
 * rx.h: PCRE2 (8-bit, UTF, Unicode properties) patterns compiled once, JIT
 * where available. A struct rx owns its code and its match data, so one rx
 * is used by one thread at a time; rx_free() releases both.
 * CAFCASS_INSPECT_NO_JIT in the environment turns JIT off (for valgrind,
 * which cannot follow generated code); the answers are the same either way.
 */
#ifndef RX_H
#define RX_H

#include <stddef.h>

enum rx_flags {
	RX_CASELESS = 1 << 0,
	RX_ANCHORED = 1 << 1, /* the whole subject must match */
	RX_NOJIT = 1 << 2, /* interpret even when JIT is available */
	RX_NOPLAIN = 1 << 3, /* rx_test() through PCRE2 even for a plain pattern (tests) */
};

struct rx;

/* NULL on a bad pattern with "offset N: reason" in err. */
struct rx *rx_new(const char *pattern, unsigned flags, char *err, size_t errsz);
void rx_free(struct rx *);
/*
 * Search s[from..len) for the pattern: 1 with the match in [*so, *eo),
 * 0 when none, -1 on a matching error (e.g. invalid UTF-8 subject).
 * so/eo may be NULL. A search from > 0 in the subject (same pointer and
 * length) last searched from 0 trusts that check and does not repeat it,
 * so a scan of long text stays linear: do not change the bytes between.
 * A JIT stack overflow is retried with the interpreter.
 */
int rx_search(struct rx *, const char *s, size_t len, size_t from, size_t *so, size_t *eo);
/*
 * 1 when the NUL-terminated s matches anywhere (or wholly, RX_ANCHORED).
 * A whole-subject pattern of ASCII letters, digits and \d runs tests an
 * ASCII s by plain comparison (same answer, a fraction of the cost); no
 * rx_group() after that.
 */
int rx_test(struct rx *, const char *s);
/* 1 when rx_test() compares plainly (an RX_ANCHORED pattern of that form). */
int rx_plain(const struct rx *);
/*
 * Start and end of capture group n of the last successful search: 1, or 0
 * when the group did not take part (or there is no such group or match).
 */
int rx_group(const struct rx *, unsigned n, size_t *so, size_t *eo);
/*
 * 1 when the pattern runs JIT-compiled, 0 when interpreted (always until
 * its 64th match: see rx.c).
 */
int rx_jit(const struct rx *);

#endif
