/*
 * jsonio.c: JSON loading with located errors, deterministic dumping.
 */
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/jsonio.h"
#include "core/jsonio_fast.h"
#include "core/output.h"
#include "core/xalloc.h"

/*
 * The largest JSON document read (a plan, a SEA of 50,000 entries is a few
 * megabytes): beyond it loading stops with an error instead of letting a
 * runaway input (a 1 GB line on a pipe) fill memory.
 */

struct jsonio_src {
	FILE *fp;
	char *buf; /* the bytes read ahead, for the quick reader */
	size_t nbuf, pos;
	size_t total;
	int over;
	int error; /* errno of a read error, or 0 */
	int read_error; /* errno of the read error met reading ahead, or 0 */
};

/*
 * Read a stream that is not a regular file (a pipe) ahead into src->buf, to
 * its end, a read error or the limit; 0 when the whole document is there
 * (and none of these stopped it).
 */
static int
jsonio_read_ahead(struct jsonio_src *src)
{
	size_t cap = 4096, bufcap = 0, n, want;
	char *p;

	for (;;) {
		if (src->nbuf == cap) {
			if (cap == JSONIO_MAX_INPUT)
				return -1; /* the limit: Jansson meets it as before */
			cap = cap > JSONIO_MAX_INPUT / 2 ? JSONIO_MAX_INPUT : cap * 2;
		}
		if (cap > bufcap) {
			if ((p = realloc(src->buf, cap)) == NULL)
				return -1;
			src->buf = p;
			bufcap = cap;
		}
		want = cap - src->nbuf;
		n = fread(src->buf + src->nbuf, 1, want, src->fp);
		src->nbuf += n;
		if (n < want) {
			if (ferror(src->fp)) {
				src->read_error = errno ? errno : EIO;
				return -1;
			}
			return 0;
		}
	}
}

/*
 * Jansson's reader: the bytes read ahead, then the rest of the stream,
 * stopping at the limit: Jansson reads the same bytes, and meets the limit
 * and a read error at the same place, as if it had read the stream itself.
 */
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
	if (src->pos < src->nbuf) {
		n = src->nbuf - src->pos < len ? src->nbuf - src->pos : len;
		memcpy(buf, src->buf + src->pos, n);
		src->pos += n;
	} else if (src->read_error != 0) {
		src->error = src->read_error;
		return (size_t)-1;
	} else if ((n = fread(buf, 1, len, src->fp)) == 0 && ferror(src->fp)) {
		src->error = errno ? errno : EIO;
		return (size_t)-1;
	}
	src->total += n;
	return n;
}

/*
 * What went wrong, in words of our own. Jansson's text quotes the input near
 * the error ("control character 0x9 near '"Jane Smith'"), and the input may
 * hold personal data: it is never printed. The kind comes from the error
 * code, refined by the fixed start of Jansson's message for syntax errors.
 */
const char *
jsonio_error_kind(const json_error_t *je)
{
	static const struct {
		const char *start, *kind;
	} syntax[] = {
	    {"control character", "a control character (such as a tab) inside a string; "
	                          "write it as an escape (\\t)"},
	    {"unexpected newline", "a line break inside a string; write it as \\n"},
	    {"invalid escape", "an invalid escape sequence in a string"},
	    {"invalid Unicode", "an invalid \\u escape (a lone surrogate) in a string"},
	    {"invalid token", "a value that is not JSON (a bare word or a malformed number)"},
	    {"string or '}' expected", "a key (a quoted string) or '}' expected"},
	    {"':' expected", "':' expected after a key"},
	    {"'}' expected", "',' or '}' expected in an object"},
	    {"']' expected", "',' or ']' expected in an array"},
	    {"'[' or '{' expected", "a JSON object or array expected"},
	    {"unexpected token", "an unexpected character"},
	};
	size_t i;

	switch (json_error_code(je)) {
	case json_error_out_of_memory:
		return "out of memory";
	case json_error_stack_overflow:
		return "nested too deeply";
	case json_error_invalid_utf8:
		return "bytes that are not UTF-8";
	case json_error_premature_end_of_input:
		if (strncmp(je->text, "'[' or '{' expected", 19) == 0)
			return "empty: a JSON object or array expected";
		return "the document ends too early (a string, object or array is not closed)";
	case json_error_end_of_input_expected:
		return "more text after the end of the JSON document";
	case json_error_null_character:
		return "a NUL character (\\u0000) in a string";
	case json_error_null_byte_in_key:
		return "a NUL character (\\u0000) in a key";
	case json_error_duplicate_key:
		return "a duplicate key (the same key twice in one object)";
	case json_error_numeric_overflow:
		return "a number too large";
	case json_error_invalid_syntax:
		for (i = 0; i < sizeof syntax / sizeof syntax[0]; i++)
			if (strncmp(je->text, syntax[i].start, strlen(syntax[i].start)) == 0)
				return syntax[i].kind;
		return "invalid JSON syntax";
	default:
		return "not valid JSON";
	}
}

static void
located(char *err, size_t errsz, const char *name, const json_error_t *je)
{
	const char *kind = jsonio_error_kind(je);

	if (je->line > 0)
		snprintf(err, errsz, "%s:%d:%d: invalid JSON: %s", name, je->line, je->column,
		         kind);
	else
		snprintf(err, errsz, "%s: invalid JSON: %s", name, kind);
}

static sigjmp_buf jsonio_bus;

static void
jsonio_on_bus(int sig)
{
	(void)sig;
	siglongjmp(jsonio_bus, 1);
}

#define JSONIO_READ_SMALL ((size_t)32 << 10) /* bytes of a file read into the heap, not mapped */

/*
 * The n bytes from at of a small regular file, read by the quick reader from
 * a copy in the heap: a mapping costs a page fault a page, and mmap() and
 * munmap(), where the copy lands on pages the heap has touched already (the
 * tools read several share/ files at start). Its tree, or NULL with the
 * stream untouched (not sure, or the file shrank: Jansson reads what is there).
 */
static json_t *
jsonio_small(FILE *fp, size_t n, off_t at)
{
	char *buf = xmalloc(n);
	json_t *j = NULL;

	if (pread(fileno(fp), buf, n, at) == (ssize_t)n)
		j = jsonio_fast_parse(buf, n);
	free(buf);
	if (j != NULL)
		fseeko(fp, 0, SEEK_END); /* read to its end, as Jansson leaves it */
	return j;
}

/*
 * A regular file read in place by the quick reader: mapped, not copied (a
 * copy of a 200 KB SEA is fifty fresh pages, a fault each). Its tree, or
 * NULL with the stream untouched: not a regular file (*regular 0), not sure,
 * or the file shrank under the reader (SIGBUS, caught: what was built is
 * lost, and Jansson reads what is there).
 */
static json_t *
jsonio_mapped(FILE *fp, int *regular)
{
	struct sigaction sa, old;
	struct stat st;
	json_t *volatile j = NULL;
	off_t at;
	void *map;
	int fd = fileno(fp);

	*regular = 0;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return NULL;
	*regular = 1;
	if (st.st_size <= 0 || (uintmax_t)st.st_size >= JSONIO_MAX_INPUT || (at = ftello(fp)) < 0 ||
	    at >= st.st_size)
		return NULL;
	if ((size_t)(st.st_size - at) <= JSONIO_READ_SMALL) /* a reference file: read, not mapped */
		return jsonio_small(fp, (size_t)(st.st_size - at), at);
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED)
		return NULL;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = jsonio_on_bus;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, &old);
	if (sigsetjmp(jsonio_bus, 1) == 0)
		j = jsonio_fast_parse((const char *)map + at, (size_t)(st.st_size - at));
	else
		j = NULL;
	sigaction(SIGBUS, &old, NULL);
	munmap(map, (size_t)st.st_size);
	if (j != NULL)
		fseeko(fp, 0, SEEK_END); /* read to its end, as Jansson leaves it */
	return j;
}

json_t *
jsonio_loadf(FILE *fp, const char *name, char *err, size_t errsz)
{
	struct jsonio_src src;
	json_error_t je;
	json_t *j;
	int regular;

	memset(&src, 0, sizeof src);
	src.fp = fp;
	/* the quick reader, when it is sure; else Jansson, for its exact message */
	if ((j = jsonio_mapped(fp, &regular)) == NULL && !regular && jsonio_read_ahead(&src) == 0)
		j = jsonio_fast_parse(src.buf, src.nbuf);
	if (j == NULL)
		j = json_load_callback(jsonio_read, &src, JSON_REJECT_DUPLICATES, &je);
	free(src.buf);
	if (j == NULL && src.over)
		snprintf(err, errsz, "%s: larger than the %zu MB limit for a JSON document", name,
		         JSONIO_MAX_INPUT >> 20);
	else if (j == NULL && src.error != 0)
		snprintf(err, errsz, "%s: read error: %s", name, strerror(src.error));
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
	if ((fp = output_input_open(path)) == NULL) {
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
