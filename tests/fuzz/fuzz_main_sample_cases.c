/*
 * fuzz_main_sample_cases.c: sample-cases' main path (options, reference
 * data, the streaming reader and its parse thread, the draw, the tally,
 * --explain and the writer) in all three modes on fuzzed files: part 0 is
 * the Annex A extract (national, local) or the complaints CSV, part 2 the
 * --exclude file, part 3 the --closed file. Part 1's first byte picks:
 *   bits 0-1  the mode: national, local, local with --closed, complaints
 *   bits 2-3  the seed (complaints: -n)
 *   bit 4     --area from part 0 (the Service area of the data row that
 *             part 1's second byte names), else a fixed area of the examples
 *   bit 5     --explain (national, local)
 *   bit 6     --encoding cp1252
 *   bit 7     --exclude (local)
 */
#include <string.h>

#include "core/fieldmap.h"
#include "core/strbuf.h"
#include "core/xalloc.h"
#include "fuzz_main.h"

/* The tool's main(), built with -Dmain=fuzz_tool_main (see the Makefile). */
int fuzz_tool_main(int, char **);

#define FIXED_AREA "West Yorkshire"

/* Part `part` of the input as [*p, *end). */
static void
part_of(const uint8_t *data, size_t size, int part, const char **p, const char **end)
{
	const char *s = (const char *)data, *e = s + size, *sep;
	size_t seplen = strlen(FUZZ_SEP);

	for (; part >= 0; part--) {
		sep = memmem(s, (size_t)(e - s), FUZZ_SEP, seplen);
		*p = s;
		*end = sep != NULL ? sep : e;
		s = sep != NULL ? sep + seplen : e;
	}
}

/* The second byte of part 1 (the data row to take the area from), or 0. */
static unsigned
row_byte(const uint8_t *data, size_t size)
{
	const char *p, *end;

	part_of(data, size, 1, &p, &end);
	return end - p > 1 ? (unsigned char)p[1] : 0;
}

/* Split the CSV line [p, end) into at most max fields (quotes understood): how many. */
static size_t
split_line(const char *p, const char *end, struct strbuf *fields, size_t max)
{
	size_t n = 0;
	int quoted;

	while (n < max) {
		strbuf_reset(&fields[n]);
		quoted = p < end && *p == '"';
		if (quoted)
			p++;
		for (; p < end; p++) {
			if (quoted && *p == '"' && p + 1 < end && p[1] == '"')
				p++;
			else if (quoted && *p == '"') {
				quoted = 0;
				continue;
			} else if (!quoted && *p == ',')
				break;
			strbuf_addch(&fields[n], *p);
		}
		n++;
		if (p >= end)
			break;
		p++;
	}
	return n;
}

/*
 * The Service area of data row `row` of part 0 (or of its last row), read
 * line by line (a quoted line break ends a row here); malloc'd, or NULL.
 */
static char *
area_of(const uint8_t *data, size_t size, unsigned row)
{
	enum { MAXF = 64 };
	static struct fieldmap *fm;
	struct strbuf f[MAXF];
	const char *p, *end, *eol, *nl;
	char err[256], *area = NULL;
	long want, col = -1;
	size_t n, i;
	unsigned line;

	if (fm == NULL && (fm = fieldmap_load_named("annexa", err, sizeof err)) == NULL)
		abort();
	want = fieldmap_index(fm, "service_area");
	part_of(data, size, 0, &p, &end);
	for (i = 0; i < MAXF; i++)
		strbuf_init(&f[i]);
	for (line = 0; p < end && line <= row + 1; line++, p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		eol = nl > p && nl[-1] == '\r' ? nl - 1 : nl;
		n = split_line(p, eol, f, MAXF);
		if (line == 0) {
			for (i = 0; i < n && col < 0; i++)
				if (fieldmap_match(fm, f[i].buf) == want)
					col = (long)i;
			if (col < 0)
				break;
		} else if ((size_t)col < n) {
			free(area);
			area = xstrdup(f[col].buf);
		}
	}
	for (i = 0; i < MAXF; i++)
		strbuf_free(&f[i]);
	return area;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const modes[] = {"national", "local", "local", "complaints"};
	static const char *const seeds[] = {"0", "1", "20270115", "18446744073709551615"};
	static const char *const counts[] = {"10", "1", "3", "1000000"};
	unsigned pick = fuzz_main_byte(data, size, 1), mode = pick & 3;
	const char *args[FUZZ_MAX_ARGS];
	char *area = NULL;
	int n = 0;

	setenv("CAFCASS_INSPECT_DATA", "share", 0);
	args[n++] = modes[mode];
	args[n++] = "-o";
	args[n++] = "@o";
	if (mode == 3) {
		args[n++] = "-n";
		args[n++] = counts[(pick >> 2) & 3];
	} else {
		args[n++] = "--seed";
		args[n++] = seeds[(pick >> 2) & 3];
		if (pick & 0x20)
			args[n++] = "--explain";
	}
	if (mode == 1 || mode == 2) {
		if (pick & 0x10)
			area = area_of(data, size, row_byte(data, size));
		args[n++] = "--area";
		args[n++] = area != NULL ? area : FIXED_AREA;
		if (mode == 2) {
			args[n++] = "--closed";
			args[n++] = "@3";
		}
		if (pick & 0x80) {
			args[n++] = "--exclude";
			args[n++] = "@2";
		}
	}
	if (pick & 0x40) {
		args[n++] = "--encoding";
		args[n++] = "cp1252";
	}
	args[n++] = "@0";
	args[n] = NULL;
	(void)fuzz_main_run(fuzz_tool_main, args, data, size);
	free(area);
	return 0;
}
