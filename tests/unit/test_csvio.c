/*
 * test_csvio.c: the streaming CSV reader (line numbers, terminators, BOM,
 * encodings, damaged input, size limits, 64 KiB chunk boundaries) and the
 * writer (quoting, round trip).
 */
#include <check.h>
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvio.h"
#include "core/strbuf.h"

#define CHUNK 65536
#define MAXREC 16

/* A FILE holding len bytes of s, positioned at the start. */
static FILE *
input(const char *s, size_t len)
{
	FILE *fp = tmpfile();

	ck_assert_ptr_nonnull(fp);
	if (len > 0)
		ck_assert_uint_eq(fwrite(s, 1, len, fp), len);
	rewind(fp);
	return fp;
}

/* Describe a record: "LINE+LINES FLAGS [f1|f2|...]", flags as letters. */
static void
describe(struct strbuf *sb, const struct csvio_record *rec)
{
	size_t i;

	strbuf_printf(sb, "%lu+%lu ", rec->line, rec->lines);
	if (rec->flags & CSVIO_BAD_UTF8)
		strbuf_printf(sb, "U%zu", rec->bad_field);
	if (rec->flags & CSVIO_BLANK)
		strbuf_addch(sb, 'B');
	if (rec->flags & CSVIO_UNTERMINATED)
		strbuf_addch(sb, 'T');
	if (rec->flags & CSVIO_MALFORMED)
		strbuf_addch(sb, 'M');
	if (rec->flags == 0)
		strbuf_addch(sb, '-');
	strbuf_adds(sb, " [");
	for (i = 0; i < rec->nfields; i++) {
		if (i > 0)
			strbuf_addch(sb, '|');
		ck_assert_uint_eq(strlen(rec->fields[i]) <= rec->lens[i], 1);
		ck_assert_int_eq(rec->fields[i][rec->lens[i]], '\0');
		strbuf_add(sb, rec->fields[i], rec->lens[i]);
	}
	strbuf_addch(sb, ']');
}

/* Read every record of s; each description goes into out[], the count is returned. */
static size_t
read_all(const char *s, size_t len, unsigned flags, char **out, unsigned long *lines)
{
	FILE *fp = input(s, len);
	struct csvio_reader *r = csvio_open(fp, "test.csv", flags);
	struct csvio_record *rec;
	struct strbuf sb;
	size_t n = 0;
	int rc;

	while ((rc = csvio_next(r, &rec)) > 0) {
		ck_assert_uint_lt(n, MAXREC);
		strbuf_init(&sb);
		describe(&sb, rec);
		out[n++] = strbuf_steal(&sb);
		strbuf_free(&sb);
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(csvio_next(r, &rec), 0); /* end of file stays so */
	*lines = csvio_lines(r);
	csvio_close(r);
	fclose(fp);
	return n;
}

struct read_case {
	const char *name;
	const char *in;
	size_t len;
	unsigned flags;
	unsigned long lines;
	const char *want[MAXREC];
};

#define IN(x) x, sizeof(x) - 1

static const struct read_case read_cases[] = {
    {"lf", IN("a,b\nc,d\n"), 0, 2, {"1+1 - [a|b]", "2+1 - [c|d]"}},
    {"no final newline", IN("a,b\nc,d"), 0, 2, {"1+1 - [a|b]", "2+1 - [c|d]"}},
    {"crlf", IN("a,b\r\nc,d\r\n"), 0, 2, {"1+1 - [a|b]", "2+1 - [c|d]"}},
    {"bare cr", IN("a,b\rc,d\r"), 0, 2, {"1+1 - [a|b]", "2+1 - [c|d]"}},
    {"mixed ends", IN("a\r\nb\rc\nd"), 0, 4, {"1+1 - [a]", "2+1 - [b]", "3+1 - [c]", "4+1 - [d]"}},
    {"bom", IN("\xEF\xBB\xBFid,name\n1,x\n"), 0, 2, {"1+1 - [id|name]", "2+1 - [1|x]"}},
    {"bom only", IN("\xEF\xBB\xBF"), 0, 0, {NULL}},
    {"multi-line field",
     IN("h1,h2\n\"x\ny\nz\",2\nlast,3\n"),
     0,
     5,
     {"1+1 - [h1|h2]", "2+3 - [x\ny\nz|2]", "5+1 - [last|3]"}},
    {"crlf inside quotes",
     IN("\"a\r\nb\",c\r\nd,e\r\n"),
     0,
     3,
     {"1+2 - [a\r\nb|c]", "3+1 - [d|e]"}},
    {"cr inside quotes", IN("\"a\rb\",c\rd,e"), 0, 3, {"1+2 - [a\rb|c]", "3+1 - [d|e]"}},
    {"two multi-line fields", IN("\"a\n\",\"\nb\"\nc\n"), 0, 4, {"1+3 - [a\n|\nb]", "4+1 - [c]"}},
    {"blank lines",
     IN("a\n\n  \n\t\nb\n"),
     0,
     5,
     {"1+1 - [a]", "2+1 B []", "3+1 B []", "4+1 B []", "5+1 - [b]"}},
    {"blank crlf lines",
     IN("a\r\n\r\n\r\nb\r\n"),
     0,
     4,
     {"1+1 - [a]", "2+1 B []", "3+1 B []", "4+1 - [b]"}},
    {"empty fields",
     IN("a,b,c\n,,\n\"\",,\n"),
     0,
     3,
     {"1+1 - [a|b|c]", "2+1 B [||]", "3+1 B [||]"}},
    {"spaces at the end", IN("a\n   "), 0, 2, {"1+1 - [a]", "2+1 B []"}},
    {"ragged",
     IN("a,b,c\n1,2\n3,4,5,6\n"),
     0,
     3,
     {"1+1 - [a|b|c]", "2+1 - [1|2]", "3+1 - [3|4|5|6]"}},
    {"trimming", IN("  a  , \"b \" ,c\t\n"), 0, 1, {"1+1 - [a|b |c]"}},
    {"doubled quotes", IN("\"say \"\"hi\"\"\",\"a,b\"\n"), 0, 1, {"1+1 - [say \"hi\"|a,b]"}},
    {"unterminated",
     IN("a,b\n\"open,x\ny\n"),
     0,
     3,
     {"1+1 - [a|b]", "2+1 T [open,x\ny\n]", "3+1 - [y]"}},
    {"unterminated then good lines",
     IN("h\n1,\"abc\n2,x\r\n3,y\n"),
     0,
     4,
     {"1+1 - [h]", "2+1 T [1|abc\n2,x\r\n3,y\n]", "3+1 - [2|x]", "4+1 - [3|y]"}},
    {"stray quote swallowing lines",
     IN("h\n1,\"Re A\n2,x\n3,\"ok\"\n"),
     0,
     4,
     {"1+1 - [h]", "2+1 M [1]", "3+1 - [2|x]", "4+1 - [3|ok]"}},
    {"unterminated twice", IN("\"a\n\"b\nc\n"), 0, 3, {"1+1 M []", "2+1 T [b\nc\n]", "3+1 - [c]"}},
    {"unterminated no newline", IN("a,b\nc,\"d"), 0, 2, {"1+1 - [a|b]", "2+1 T [c|d]"}},
    {"lone quote", IN("\""), 0, 1, {"1+1 T []"}},
    {"closed at eof", IN("a,\"b\""), 0, 1, {"1+1 - [a|b]"}},
    {"stray quote", IN("a,b\nx\"y,z\nc,d\n"), 0, 3, {"1+1 - [a|b]", "2+1 M []", "3+1 - [c|d]"}},
    {"stray quote 2nd field", IN("1,ab\"c,d\n2,3\n"), 0, 2, {"1+1 M [1]", "2+1 - [2|3]"}},
    {"text after quotes", IN("\"ab\"c,d\ne,f\n"), 0, 2, {"1+1 M []", "2+1 - [e|f]"}},
    {"stray after multi-line",
     IN("h\n\"a\nb\"x,1\nc,d\n"),
     0,
     4,
     {"1+1 - [h]", "2+1 M []", "3+1 M []", "4+1 - [c|d]"}},
    {"stray quote crlf", IN("a\"b\r\nc\r\n"), 0, 2, {"1+1 M []", "2+1 - [c]"}},
    {"stray quote last line", IN("a\nb\"c"), 0, 2, {"1+1 - [a]", "2+1 M []"}},
    {"bad utf-8",
     IN("a,b\nok,\xFF\xFE\nc,d\n"),
     0,
     3,
     {"1+1 - [a|b]", "2+1 U1 [ok|\xFF\xFE]", "3+1 - [c|d]"}},
    {"bad utf-8 first of two", IN("\xC0\x80,\xFF\n"), 0, 1, {"1+1 U0 [\xC0\x80|\xFF]"}},
    {"good utf-8", IN("caf\xC3\xA9,\xE2\x82\xAC\n"), 0, 1, {"1+1 - [caf\xC3\xA9|\xE2\x82\xAC]"}},
    {"cp1252 unasked", IN("caf\xE9\n"), 0, 1, {"1+1 U0 [caf\xE9]"}},
    {"cp1252",
     IN("\x80,\x92,caf\xE9\n"),
     CSVIO_CP1252,
     1,
     {"1+1 - [\xE2\x82\xAC|\xE2\x80\x99|caf\xC3\xA9]"}},
    {"cp1252 quoted multi-line",
     IN("\"\x93x\n\x94\",\x85\n"),
     CSVIO_CP1252,
     2,
     {"1+2 - [\xE2\x80\x9Cx\n\xE2\x80\x9D|\xE2\x80\xA6]"}},
    {"cp1252 with bom is utf-8",
     IN("\xEF\xBB\xBF"
        "caf\xC3\xA9\n"),
     CSVIO_CP1252,
     1,
     {"1+1 - [caf\xC3\xA9]"}},
    {"blank line inside quotes",
     IN("\"a\n\n  \nb\",c\nd\n"),
     0,
     5,
     {"1+4 - [a\n\n  \nb|c]", "5+1 - [d]"}},
    {"cp1252 undefined bytes",
     IN("\x81\x8D\x8F\x90\x9D\n"),
     CSVIO_CP1252,
     1,
     {"1+1 - [\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D]"}},
    {"cp1252 bad line reported",
     IN("a\nb\nSm\x92th\n"),
     0,
     3,
     {"1+1 - [a]", "2+1 - [b]", "3+1 U0 [Sm\x92th]"}},
    {"lone crlf", IN("\r\n"), 0, 1, {"1+1 B []"}},
    {"quote then spaces", IN("\"a\"  ,b\n"), 0, 1, {"1+1 - [a|b]"}},
    {"empty file", IN(""), 0, 0, {NULL}},
    {"header only", IN("Case ID,Case name\n"), 0, 1, {"1+1 - [Case ID|Case name]"}},
    {"blank then data", IN("\n\na\n"), 0, 3, {"1+1 B []", "2+1 B []", "3+1 - [a]"}},
};

START_TEST(test_read_table)
{
	const struct read_case *c = &read_cases[_i];
	char *got[MAXREC];
	unsigned long lines;
	size_t n, i, want = 0;

	while (want < MAXREC && c->want[want] != NULL)
		want++;
	n = read_all(c->in, c->len, c->flags, got, &lines);
	for (i = 0; i < n && i < want; i++)
		ck_assert_msg(strcmp(got[i], c->want[i]) == 0,
		              "%s: record %zu: got '%s', want '%s'", c->name, i, got[i],
		              c->want[i]);
	ck_assert_msg(n == want, "%s: %zu records, want %zu", c->name, n, want);
	ck_assert_msg(lines == c->lines, "%s: %lu lines, want %lu", c->name, lines, c->lines);
	for (i = 0; i < n; i++)
		free(got[i]);
}
END_TEST

/* NUL bytes are invalid in both encodings. */
START_TEST(test_nul_byte)
{
	static const char in[] = "a,b\0c\nd,e\n";
	char *got[MAXREC];
	unsigned long lines;
	size_t n;

	n = read_all(in, sizeof(in) - 1, 0, got, &lines);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(strncmp(got[0], "1+1 U1 [a|b", 11), 0);
	ck_assert_str_eq(got[1], "2+1 - [d|e]");
	free(got[0]);
	free(got[1]);
	n = read_all(in, sizeof(in) - 1, CSVIO_CP1252, got, &lines);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(strncmp(got[0], "1+1 U1 [a|b", 11), 0);
	ck_assert_str_eq(got[1], "2+1 - [d|e]");
	free(got[0]);
	free(got[1]);
}
END_TEST

/* Open a reader over a buffer built by the caller. */
static struct csvio_reader *
reader(struct strbuf *sb, FILE **fp, unsigned flags)
{
	*fp = input(sb->buf, sb->len);
	return csvio_open(*fp, "big.csv", flags);
}

/* A 10 MiB quoted field with a million newlines inside, between two records. */
START_TEST(test_huge_field)
{
	struct strbuf sb;
	struct csvio_reader *r;
	struct csvio_record *rec;
	FILE *fp;
	size_t i, n = (size_t)1 << 20;

	strbuf_init(&sb);
	strbuf_adds(&sb, "a,b\n\"");
	for (i = 0; i < n; i++)
		strbuf_adds(&sb, i % 2 ? "ab,\"\"efgh\n" : "ab,cdefgh\n");
	strbuf_adds(&sb, "\",z\nq,r\n");
	r = reader(&sb, &fp, 0);
	ck_assert_int_eq(csvio_next(r, &rec), 1);
	ck_assert_int_eq(csvio_next(r, &rec), 1);
	ck_assert_uint_eq(rec->line, 2);
	ck_assert_uint_eq(rec->lines, n + 1);
	ck_assert_uint_eq(rec->flags, 0);
	ck_assert_uint_eq(rec->nfields, 2);
	ck_assert_uint_eq(rec->lens[0], 10 * n - n / 2);
	ck_assert_int_eq(memcmp(rec->fields[0], "ab,cdefgh\nab,\"efgh\n", 19), 0);
	ck_assert_str_eq(rec->fields[1], "z");
	ck_assert_int_eq(csvio_next(r, &rec), 1);
	ck_assert_uint_eq(rec->line, n + 3);
	ck_assert_str_eq(rec->fields[0], "q");
	ck_assert_int_eq(csvio_next(r, &rec), 0);
	ck_assert_uint_eq(csvio_lines(r), n + 3);
	csvio_close(r);
	fclose(fp);
	strbuf_free(&sb);
}
END_TEST

/* An unclosed quote far from the end: every line after it is read again, across chunks. */
START_TEST(test_replay_big)
{
	struct strbuf sb;
	struct csvio_reader *r;
	struct csvio_record *rec;
	FILE *fp;
	unsigned long i, n = 30000;

	strbuf_init(&sb);
	strbuf_adds(&sb, "id,v\r\n7,\"never closed\r\n");
	for (i = 0; i < n; i++)
		strbuf_printf(&sb, "%lu,x\r\n", i);
	r = reader(&sb, &fp, 0);
	ck_assert_int_eq(csvio_next(r, &rec), 1);
	ck_assert_int_eq(csvio_next(r, &rec), 1);
	ck_assert_uint_eq(rec->line, 2);
	ck_assert_uint_eq(rec->lines, 1);
	ck_assert_uint_eq(rec->flags, CSVIO_UNTERMINATED);
	for (i = 0; i < n; i++) {
		ck_assert_int_eq(csvio_next(r, &rec), 1);
		ck_assert_uint_eq(rec->line, i + 3);
		ck_assert_uint_eq(rec->flags, 0);
		ck_assert_uint_eq(strtoul(rec->fields[0], NULL, 10), i);
	}
	ck_assert_int_eq(csvio_next(r, &rec), 0);
	ck_assert_uint_eq(csvio_lines(r), n + 2);
	csvio_close(r);
	fclose(fp);
	strbuf_free(&sb);
}
END_TEST

/* A header of 100,000 columns and a row to match. */
START_TEST(test_wide_header)
{
	struct strbuf sb;
	struct csvio_reader *r;
	struct csvio_record *rec;
	FILE *fp;
	size_t i, n = 100000;

	strbuf_init(&sb);
	for (i = 0; i < n; i++)
		strbuf_printf(&sb, "%scol%zu", i ? "," : "", i);
	strbuf_addch(&sb, '\n');
	for (i = 0; i < n; i++)
		strbuf_printf(&sb, "%s%zu", i ? "," : "", i * 7);
	strbuf_addch(&sb, '\n');
	r = reader(&sb, &fp, 0);
	ck_assert_int_eq(csvio_next(r, &rec), 1);
	ck_assert_uint_eq(rec->nfields, n);
	ck_assert_str_eq(rec->fields[0], "col0");
	ck_assert_str_eq(rec->fields[54321], "col54321");
	ck_assert_str_eq(rec->fields[n - 1], "col99999");
	ck_assert_int_eq(csvio_next(r, &rec), 1);
	ck_assert_uint_eq(rec->line, 2);
	ck_assert_uint_eq(rec->nfields, n);
	ck_assert_str_eq(rec->fields[n - 1], "699993");
	ck_assert_int_eq(csvio_next(r, &rec), 0);
	csvio_close(r);
	fclose(fp);
	strbuf_free(&sb);
}
END_TEST

/* A record over the limit is fatal and names the line where it starts. */
START_TEST(test_record_limit)
{
	static const struct {
		size_t limit;
		const char *msg;
	} cases[] = {
	    {(size_t)1 << 20, "line 3: record larger than 1 MiB"},
	    {100000, "line 3: record larger than 100000 bytes"},
	};
	struct strbuf sb;
	struct csvio_reader *r;
	struct csvio_record *rec;
	FILE *fp;
	size_t i, k;

	strbuf_init(&sb);
	strbuf_adds(&sb, "h\nsmall\n");
	for (i = 0; i < 30000; i++)
		strbuf_adds(&sb, "x,yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\n");
	/* as one quoted record: 30000 lines of 41 bytes (1.2 MB) */
	sb.buf[8] = '"';
	sb.len--;
	strbuf_adds(&sb, "\"\nafter\n");
	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		r = reader(&sb, &fp, 0);
		csvio_set_max_record(r, cases[k].limit);
		ck_assert_int_eq(csvio_next(r, &rec), 1);
		ck_assert_int_eq(csvio_next(r, &rec), 1);
		ck_assert_str_eq(rec->fields[0], "small");
		ck_assert_int_eq(csvio_next(r, &rec), -1);
		ck_assert_str_eq(csvio_error(r), cases[k].msg);
		ck_assert_int_eq(csvio_next(r, &rec), -1);
		csvio_close(r);
		fclose(fp);
	}
	/* Under the default limit the same record reads whole. */
	r = reader(&sb, &fp, 0);
	ck_assert_int_eq(csvio_next(r, &rec), 1);
	ck_assert_int_eq(csvio_next(r, &rec), 1);
	ck_assert_int_eq(csvio_next(r, &rec), 1);
	ck_assert_uint_eq(rec->line, 3);
	ck_assert_uint_eq(rec->lines, 30000);
	ck_assert_uint_eq(rec->nfields, 1);
	ck_assert_int_eq(csvio_next(r, &rec), 1);
	ck_assert_str_eq(rec->fields[0], "after");
	ck_assert_uint_eq(rec->line, 30003);
	csvio_close(r);
	fclose(fp);
	strbuf_free(&sb);
}
END_TEST

struct failing {
	size_t left; /* bytes served before the error */
};

/* fopencookie read function: serve 'a,b\n' bytes, then fail with EIO. */
static ssize_t
failing_read(void *cookie, char *buf, size_t size)
{
	struct failing *f = cookie;
	size_t i;

	if (f->left == 0) {
		errno = EIO;
		return -1;
	}
	if (size > f->left)
		size = f->left;
	for (i = 0; i < size; i++)
		buf[i] = "a,b\n"[i % 4];
	f->left -= size;
	return (ssize_t)size;
}

/* A read error is fatal, whether it comes first or after some records. */
START_TEST(test_read_error)
{
	static const size_t served[] = {0, 4, 200000};
	cookie_io_functions_t io = {failing_read, NULL, NULL, NULL};
	struct failing f;
	struct csvio_reader *r;
	struct csvio_record *rec;
	FILE *fp;
	size_t k;
	int rc, n;

	for (k = 0; k < sizeof(served) / sizeof(served[0]); k++) {
		f.left = served[k];
		fp = fopencookie(&f, "r", io);
		ck_assert_ptr_nonnull(fp);
		r = csvio_open(fp, "broken.csv", 0);
		n = 0;
		while ((rc = csvio_next(r, &rec)) > 0)
			n++;
		ck_assert_int_eq(rc, -1);
		ck_assert_msg(strstr(csvio_error(r), "read error") != NULL, "%s", csvio_error(r));
		ck_assert_int_le(n, (int)(served[k] / 4));
		csvio_close(r);
		fclose(fp);
	}
}
END_TEST

/*
 * Read s, checking the line of each record against lines (n of them at most);
 * return how many records were read.
 */
static size_t
lines_read(const struct strbuf *sb, const unsigned long *lines, size_t n, const char *what)
{
	FILE *fp = input(sb->buf, sb->len);
	struct csvio_reader *r = csvio_open(fp, "edge.csv", 0);
	struct csvio_record *rec;
	size_t i = 0;

	while (csvio_next(r, &rec) > 0) {
		ck_assert_msg(i < n, "%s: too many records", what);
		ck_assert_msg(rec->line == lines[i], "%s: record %zu at line %lu, want %lu", what,
		              i, rec->line, lines[i]);
		ck_assert_msg(rec->flags == 0, "%s: record %zu flags %u", what, i, rec->flags);
		i++;
	}
	csvio_close(r);
	fclose(fp);
	return i;
}

/* CRLF and bare CR with the CR as the last byte of a 64 KiB chunk (and around it). */
START_TEST(test_chunk_crlf)
{
	static const unsigned long two[] = {1, 2};
	struct strbuf sb;
	size_t len;
	char what[64];

	strbuf_init(&sb);
	for (len = CHUNK - 6; len <= CHUNK + 2; len++) {
		/* the first line's CR lands at offset len */
		strbuf_reset(&sb);
		while (sb.len < len)
			strbuf_addch(&sb, 'x');
		strbuf_adds(&sb, "\r\nb\r\n");
		snprintf(what, sizeof(what), "crlf at %zu", len);
		ck_assert_msg(lines_read(&sb, two, 2, what) == 2, "%s: a record lost", what);
		sb.len = len;
		strbuf_adds(&sb, "\rb\r");
		snprintf(what, sizeof(what), "cr at %zu", len);
		ck_assert_msg(lines_read(&sb, two, 2, what) == 2, "%s: a record lost", what);
		/* the file ends with that CR */
		sb.len = len;
		strbuf_adds(&sb, "\r");
		snprintf(what, sizeof(what), "final cr at %zu", len);
		ck_assert_msg(lines_read(&sb, two, 1, what) == 1, "%s: a record lost", what);
	}
	strbuf_free(&sb);
}
END_TEST

/* A CRLF inside a quoted field, split across the chunk boundary, stays in the field. */
START_TEST(test_chunk_quoted_crlf)
{
	struct strbuf sb;
	struct csvio_reader *r;
	struct csvio_record *rec;
	FILE *fp;
	size_t pre;

	strbuf_init(&sb);
	for (pre = CHUNK - 3; pre <= CHUNK + 1; pre++) {
		strbuf_reset(&sb);
		strbuf_adds(&sb, "h\r\n\"");
		while (sb.len < pre)
			strbuf_addch(&sb, 'y');
		strbuf_adds(&sb, "\r\nz\"\r\nnext\r\n");
		r = reader(&sb, &fp, 0);
		ck_assert_int_eq(csvio_next(r, &rec), 1);
		ck_assert_int_eq(csvio_next(r, &rec), 1);
		ck_assert_uint_eq(rec->line, 2);
		ck_assert_uint_eq(rec->lines, 2);
		ck_assert_uint_eq(rec->lens[0], pre - 4 + 3);
		ck_assert_int_eq(memcmp(rec->fields[0] + pre - 4, "\r\nz", 3), 0);
		ck_assert_int_eq(csvio_next(r, &rec), 1);
		ck_assert_uint_eq(rec->line, 4);
		ck_assert_str_eq(rec->fields[0], "next");
		ck_assert_int_eq(csvio_next(r, &rec), 0);
		csvio_close(r);
		fclose(fp);
	}
	strbuf_free(&sb);
}
END_TEST

/* Multibyte characters split by the chunk boundary are valid; a bad byte there is caught. */
START_TEST(test_chunk_utf8)
{
	static const char *chars[] = {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
	struct strbuf sb;
	struct csvio_reader *r;
	struct csvio_record *rec;
	FILE *fp;
	size_t c, at, clen;

	strbuf_init(&sb);
	for (c = 0; c < 3; c++) {
		clen = strlen(chars[c]);
		for (at = CHUNK - clen; at <= CHUNK; at++) {
			strbuf_reset(&sb);
			strbuf_adds(&sb, "k,v\nid,");
			while (sb.len < at)
				strbuf_addch(&sb, 'a');
			strbuf_adds(&sb, chars[c]);
			strbuf_adds(&sb, "b\n2,\xFF\n");
			r = reader(&sb, &fp, 0);
			ck_assert_int_eq(csvio_next(r, &rec), 1);
			ck_assert_int_eq(csvio_next(r, &rec), 1);
			ck_assert_msg(rec->flags == 0, "char %zu at %zu: flags %u", c, at,
			              rec->flags);
			ck_assert_uint_eq(rec->lens[1], at - 7 + clen + 1);
			ck_assert_int_eq(memcmp(rec->fields[1] + at - 7, chars[c], clen), 0);
			ck_assert_int_eq(csvio_next(r, &rec), 1);
			ck_assert_uint_eq(rec->flags, CSVIO_BAD_UTF8);
			ck_assert_uint_eq(rec->bad_field, 1);
			ck_assert_uint_eq(rec->line, 3);
			csvio_close(r);
			fclose(fp);
		}
	}
	/* a truncated sequence at the boundary followed by ASCII is invalid */
	strbuf_reset(&sb);
	strbuf_adds(&sb, "x,");
	while (sb.len < CHUNK - 1)
		strbuf_addch(&sb, 'a');
	strbuf_adds(&sb, "\xE2"
	                 "a\n");
	r = reader(&sb, &fp, 0);
	ck_assert_int_eq(csvio_next(r, &rec), 1);
	ck_assert_uint_eq(rec->flags, CSVIO_BAD_UTF8);
	ck_assert_uint_eq(rec->bad_field, 1);
	csvio_close(r);
	fclose(fp);
	strbuf_free(&sb);
}
END_TEST

/* Many records over many chunks keep their line numbers. */
START_TEST(test_many_records)
{
	struct strbuf sb;
	struct csvio_reader *r;
	struct csvio_record *rec;
	FILE *fp;
	unsigned long i, line = 1;
	char want[32];

	strbuf_init(&sb);
	for (i = 0; i < 50000; i++) {
		if (i % 7 == 0)
			strbuf_printf(&sb, "\"%lu\nmore\",x\r\n", i);
		else
			strbuf_printf(&sb, "%lu,x\n", i);
	}
	r = reader(&sb, &fp, 0);
	for (i = 0; i < 50000; i++) {
		ck_assert_int_eq(csvio_next(r, &rec), 1);
		ck_assert_uint_eq(rec->line, line);
		snprintf(want, sizeof(want), i % 7 == 0 ? "%lu\nmore" : "%lu", i);
		ck_assert_str_eq(rec->fields[0], want);
		line += rec->lines;
	}
	ck_assert_int_eq(csvio_next(r, &rec), 0);
	ck_assert_uint_eq(csvio_lines(r), line - 1);
	csvio_close(r);
	fclose(fp);
	strbuf_free(&sb);
}
END_TEST

/* xorshift64: a fixed, portable pseudo-random sequence. */
static unsigned long long
rnd(unsigned long long *st)
{
	*st ^= *st << 13;
	*st ^= *st >> 7;
	*st ^= *st << 17;
	return *st;
}

/* Physical line terminators in s[0..len): LF, CRLF and bare CR each count one. */
static unsigned long
count_lines(const char *s, size_t len)
{
	unsigned long n = 0;
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n')))
			n++;
	return n;
}

#define FUZZ_ROWS 8000
#define FUZZ_MAXF 6

struct fuzz_row {
	unsigned long line, lines;
	size_t nfields; /* 0 for an inserted blank line */
	char *fields[FUZZ_MAXF];
};

/* Random rows of awkward fields, written with random line ends and blank lines,
 * read back: the same fields, at the lines counted while writing. */
START_TEST(test_fuzz_round_trip)
{
	static const char *atoms[] = {"a",
	                              "Z",
	                              " ",
	                              ",",
	                              "\"",
	                              "\n",
	                              "\r",
	                              "\r\n",
	                              "\t",
	                              "\xC3\xA9",
	                              "\xE2\x82\xAC",
	                              "\xF0\x9F\x98\x80",
	                              "CA27004512",
	                              "Re A (A Child)"};
	static const char *ends[] = {"\n", "\r\n", "\r"};
	static const char *blanks[] = {"\n", "  \n", "\r\n", " \t\r"};
	unsigned long long st = 0x9E3779B97F4A7C15ULL + (unsigned long long)_i;
	struct fuzz_row *rows = calloc(FUZZ_ROWS, sizeof(*rows));
	struct strbuf text, field;
	struct csvio_reader *r;
	struct csvio_record *rec;
	unsigned long line = 1;
	size_t i, j, k, nf, start, natoms = sizeof(atoms) / sizeof(atoms[0]);
	int bare_cr = 0;
	char *buf = NULL;
	size_t blen = 0;
	FILE *mem, *fp;

	ck_assert_ptr_nonnull(rows);
	strbuf_init(&text);
	strbuf_init(&field);
	for (i = 0; i < FUZZ_ROWS; i++) {
		start = text.len;
		if (rnd(&st) % 10 == 0) {
			/* a blank line; after a bare CR an LF would make a CRLF */
			k = rnd(&st) % 4;
			if (bare_cr && blanks[k][0] == '\n')
				k = 1;
			strbuf_adds(&text, blanks[k]);
			bare_cr = blanks[k][strlen(blanks[k]) - 1] == '\r';
		} else {
			nf = 1 + rnd(&st) % FUZZ_MAXF;
			mem = open_memstream(&buf, &blen);
			ck_assert_ptr_nonnull(mem);
			for (j = 0; j < nf; j++) {
				strbuf_reset(&field);
				for (k = rnd(&st) % 5; k > 0; k--)
					strbuf_adds(&field, atoms[rnd(&st) % natoms]);
				rows[i].fields[j] = strbuf_steal(&field);
			}
			rows[i].nfields = nf;
			csvio_write_row(mem, (const char *const *)rows[i].fields, nf);
			ck_assert_int_eq(fclose(mem), 0);
			/* replace the writer's LF with a random line end */
			ck_assert_int_eq(buf[blen - 1], '\n');
			strbuf_add(&text, buf, blen - 1);
			k = rnd(&st) % 3;
			strbuf_adds(&text, ends[k]);
			bare_cr = k == 2;
			free(buf);
			buf = NULL;
		}
		rows[i].line = line;
		rows[i].lines = count_lines(text.buf + start, text.len - start);
		line += rows[i].lines;
	}
	fp = input(text.buf, text.len);
	r = csvio_open(fp, "fuzz.csv", 0);
	for (i = 0; i < FUZZ_ROWS; i++) {
		ck_assert_int_eq(csvio_next(r, &rec), 1);
		ck_assert_msg(rec->line == rows[i].line, "row %zu: line %lu, want %lu", i,
		              rec->line, rows[i].line);
		ck_assert_uint_eq(rec->lines, rows[i].lines);
		ck_assert_uint_eq(rec->flags & ~(unsigned)CSVIO_BLANK, 0);
		ck_assert_uint_eq(rec->nfields, rows[i].nfields);
		for (j = 0; j < rec->nfields; j++) {
			ck_assert_uint_eq(rec->lens[j], strlen(rows[i].fields[j]));
			ck_assert_str_eq(rec->fields[j], rows[i].fields[j]);
		}
	}
	ck_assert_int_eq(csvio_next(r, &rec), 0);
	ck_assert_uint_eq(csvio_lines(r), line - 1);
	csvio_close(r);
	fclose(fp);
	for (i = 0; i < FUZZ_ROWS; i++)
		for (j = 0; j < rows[i].nfields; j++)
			free(rows[i].fields[j]);
	free(rows);
	strbuf_free(&text);
	strbuf_free(&field);
}
END_TEST

/* Random damaged input: the reader ends, records start on strictly later lines
 * within the file, and the line count matches the terminators. */
START_TEST(test_fuzz_garbage)
{
	static const char alphabet[] = "a,\"\"\n\r \xFF\xC3\x00";
	unsigned long long st = 0x243F6A8885A308D3ULL + (unsigned long long)_i;
	struct strbuf sb;
	struct csvio_reader *r;
	struct csvio_record *rec;
	unsigned long prev = 0, total;
	size_t i;
	FILE *fp;
	int rc;

	strbuf_init(&sb);
	for (i = 0; i < 300000; i++)
		strbuf_addch(&sb, alphabet[rnd(&st) % (sizeof(alphabet) - 1)]);
	total = count_lines(sb.buf, sb.len) +
	        (sb.buf[sb.len - 1] != '\n' && sb.buf[sb.len - 1] != '\r');
	r = reader(&sb, &fp, _i % 2 ? CSVIO_CP1252 : 0);
	while ((rc = csvio_next(r, &rec)) > 0) {
		ck_assert_uint_gt(rec->line, prev);
		ck_assert_uint_ge(rec->lines, 1);
		ck_assert_uint_le(rec->line + rec->lines - 1, total);
		if (rec->flags & CSVIO_BAD_UTF8)
			ck_assert_uint_lt(rec->bad_field, rec->nfields);
		prev = rec->line;
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_uint_eq(csvio_lines(r), total);
	csvio_close(r);
	fclose(fp);
	strbuf_free(&sb);
}
END_TEST

/*
 * Reading into a caller's arena (reset now and then, as csvbatch resets a
 * batch) gives the same records as the reader's own buffer, each field
 * inside the arena, on valid and garbage input and both encodings.
 */
START_TEST(test_arena)
{
	static const char alphabet[] = "ab,\"\"\n\r \xFF\xC3\xA9\x00";
	unsigned long long st = 0x13198A2E03707344ULL + (unsigned long long)_i;
	struct strbuf in, own, via, arena;
	struct csvio_reader *r;
	struct csvio_record *rec;
	size_t i, n = 0;
	FILE *fp;

	strbuf_init(&in);
	strbuf_init(&own);
	strbuf_init(&via);
	strbuf_init(&arena);
	for (i = 0; i < 200000; i++)
		strbuf_addch(&in, alphabet[rnd(&st) % (sizeof(alphabet) - 1 - (_i < 2 ? 4 : 0))]);
	r = reader(&in, &fp, _i % 2 ? CSVIO_CP1252 : 0);
	while (csvio_next(r, &rec) > 0)
		describe(&own, rec);
	csvio_close(r);
	fclose(fp);
	r = reader(&in, &fp, _i % 2 ? CSVIO_CP1252 : 0);
	csvio_set_arena(r, &arena);
	while (csvio_next(r, &rec) > 0) {
		for (i = 0; i < rec->nfields; i++) {
			ck_assert(rec->fields[i] >= arena.buf);
			/* end to end: each field, its NUL, the next; the last ends the arena */
			ck_assert(
			    rec->fields[i] + rec->lens[i] + 1 ==
			    (i + 1 < rec->nfields ? rec->fields[i + 1] : arena.buf + arena.len));
		}
		describe(&via, rec);
		if (++n % (1 + rnd(&st) % 64) == 0)
			strbuf_reset(&arena);
	}
	ck_assert_uint_gt(n, 100);
	ck_assert_uint_eq(own.len, via.len);
	ck_assert_int_eq(memcmp(own.buf, via.buf, own.len), 0);
	/* back to the reader's own buffer: the arena is left alone */
	csvio_set_arena(r, NULL);
	csvio_close(r);
	fclose(fp);
	strbuf_free(&in);
	strbuf_free(&own);
	strbuf_free(&via);
	strbuf_free(&arena);
}
END_TEST

/* Describe every record of sb read with flags, and the lines counted, into out. */
static void
describe_all(struct strbuf *sb, unsigned flags, struct strbuf *out)
{
	struct csvio_reader *r;
	struct csvio_record *rec;
	FILE *fp;
	int rc;

	r = reader(sb, &fp, flags);
	while ((rc = csvio_next(r, &rec)) > 0) {
		describe(out, rec);
		strbuf_addch(out, '\n');
	}
	strbuf_printf(out, "end %d, %lu lines\n", rc, csvio_lines(r));
	csvio_close(r);
	fclose(fp);
}

/*
 * Lines without quotes are split by csvio itself (split()): the records
 * are those libcsv gives, on inputs of few quotes, none, bad UTF-8 and
 * Windows-1252, across chunk boundaries.
 */
START_TEST(test_plain_split)
{
	static const char *const alphabets[] = {
	    "ab,, \t\n\r", "ab,\t \n", "ab, \n\r\"", "a,\xC3\xA9 \n\r\xFF", "a,\"\n\r\t \xC3",
	};
	const char *alpha = alphabets[_i % 5];
	size_t na = strlen(alpha), i;
	unsigned long long st = 0xA4093822299F31D0ULL + (unsigned long long)_i;
	struct strbuf in, fast, slow;

	strbuf_init(&in);
	strbuf_init(&fast);
	strbuf_init(&slow);
	for (i = 0; i < 150000; i++) {
		char c = alpha[rnd(&st) % na];

		/* mostly ordinary text, so that lines are of every length */
		strbuf_addch(&in, rnd(&st) % 3 == 0 ? c : "xyz"[rnd(&st) % 3]);
	}
	describe_all(&in, _i >= 5 ? CSVIO_CP1252 : 0, &fast);
	describe_all(&in, (_i >= 5 ? CSVIO_CP1252 : 0) | CSVIO_LIBCSV_ONLY, &slow);
	ck_assert_uint_gt(fast.len, 1000);
	ck_assert_uint_eq(fast.len, slow.len);
	ck_assert_int_eq(memcmp(fast.buf, slow.buf, fast.len), 0);
	strbuf_free(&in);
	strbuf_free(&fast);
	strbuf_free(&slow);
}
END_TEST

/* One random field of the kinds Excel writes, with libcsv's edge cases now and then. */
static void
quoted_field(struct strbuf *in, unsigned long long *st, int strays)
{
	static const char *const pieces[] = {"ab", "x y", ",", "\"\"", " ", "\t", "\xC3\xA9", "1"};
	unsigned k = (unsigned)(rnd(st) % 16), i, n = (unsigned)(rnd(st) % 5);

	if (k < 5) { /* plain, maybe with spaces around */
		if (k == 0)
			strbuf_addch(in, ' ');
		for (i = 0; i < n; i++)
			strbuf_adds(in, "ab1"[rnd(st) % 3] == 'a' ? "ab" : "7");
		if (k == 1)
			strbuf_adds(in, " \t");
		return;
	}
	if (k == 5)
		strbuf_addch(in, ' ');
	strbuf_addch(in, '"');
	for (i = 0; i < n; i++)
		strbuf_adds(in, pieces[rnd(st) % 8]);
	if (k == 6 && rnd(st) % 8 == 0)
		strbuf_adds(in, rnd(st) % 2 ? "\r\nnext" : "\nnext"); /* a field across lines */
	if (k == 7 && strays && rnd(st) % 16 == 0)
		strbuf_addch(in, '"'); /* a doubled quote at the end: the field goes on */
	strbuf_addch(in, '"');
	if (k == 8)
		strbuf_adds(in, "  ");
	if (k == 9 && strays && rnd(st) % 32 == 0)
		strbuf_addch(in, 'z'); /* text after the closing quote */
}

/*
 * n records of quoted and plain fields, some lines blank, CRLF or bare CR;
 * with strays, some quotes out of place.
 */
static void
quoted_input(struct strbuf *in, unsigned long long *st, size_t n, int strays)
{
	size_t i, j, nf;

	for (i = 0; i < n; i++) {
		nf = 1 + (size_t)(rnd(st) % 6);
		for (j = 0; j < nf; j++) {
			if (j > 0)
				strbuf_addch(in, ',');
			quoted_field(in, st, strays);
		}
		switch (rnd(st) % 10) {
		case 0:
			strbuf_adds(in, "\r\n");
			break;
		case 1:
			strbuf_adds(in, "\r");
			break;
		case 2:
			strbuf_adds(in, "\n\n");
			break;
		default:
			strbuf_addch(in, '\n');
		}
	}
}

/*
 * in read with flags gives the records libcsv gives when it reads every
 * line, a stray quote among them; the length of their description.
 */
static size_t
same_as_libcsv(struct strbuf *in, unsigned flags)
{
	struct strbuf fast, slow;
	size_t len;

	strbuf_init(&fast);
	strbuf_init(&slow);
	describe_all(in, flags, &fast);
	describe_all(in, flags | CSVIO_LIBCSV_ONLY, &slow);
	ck_assert_ptr_nonnull(strstr(fast.buf, "M ["));
	ck_assert_uint_eq(fast.len, slow.len);
	ck_assert_int_eq(memcmp(fast.buf, slow.buf, fast.len), 0);
	len = fast.len;
	strbuf_free(&fast);
	strbuf_free(&slow);
	return len;
}

/*
 * Lines with quoted fields are split by csvio itself (split()): the
 * records are those libcsv gives when it reads every line, on Excel-like
 * input with fields across lines, stray quotes, UTF-8 and Windows-1252,
 * across chunk boundaries.
 */
START_TEST(test_quoted_split)
{
	unsigned long long st = 0x5DEECE66DULL + (unsigned long long)_i;
	unsigned flags = _i >= 4 ? CSVIO_CP1252 : 0;
	struct strbuf in;

	strbuf_init(&in);
	quoted_input(&in, &st, 20000, 1);
	ck_assert_uint_gt(same_as_libcsv(&in, flags), 100000); /* many records */
	strbuf_free(&in);
}
END_TEST

/*
 * A field of 0 to 40 bytes, plain or quoted, whose commas, quotes and
 * blanks fall at any offset of the 16-byte blocks split() scans, now and
 * then with a stray quote or text after a closing quote.
 */
static void
wide_field(struct strbuf *in, unsigned long long *st)
{
	static const char alpha[] = "abcdefgh  \t,\"\"exyz0123";
	unsigned k = (unsigned)(rnd(st) % 8), n = (unsigned)(rnd(st) % 41), i;
	char c;

	if (k < 4) { /* plain, maybe blanks around, once in a while a stray quote */
		for (i = 0; i < n; i++) {
			c = alpha[rnd(st) % (sizeof alpha - 1)];
			if (c == ',' || (c == '"' && rnd(st) % 64 != 0))
				c = 'p';
			if (c == 'e')
				strbuf_adds(in, "\xC3\xA9"); /* valid UTF-8: the line is csvio's */
			else
				strbuf_addch(in, c);
		}
		return;
	}
	if (k == 4)
		strbuf_adds(in, " \t");
	strbuf_addch(in, '"');
	for (i = 0; i < n; i++) {
		c = alpha[rnd(st) % (sizeof alpha - 1)];
		if (c == 'e')
			strbuf_adds(in, "\xC3\xA9");
		else
			strbuf_addch(in, c);
		if (c == '"')
			strbuf_addch(in, '"');
	}
	strbuf_addch(in, '"');
	if (k == 5)
		strbuf_adds(in, " \t ");
	if (k == 6 && rnd(st) % 64 == 0)
		strbuf_addch(in, 'z');
}

/*
 * split() finds commas and quotes 16 bytes at a time: on lines of fields of
 * every length up to 40 (so that each delimiter falls at every offset of a
 * block, and near the end of the chunk), the records are libcsv's.
 */
START_TEST(test_wide_split)
{
	unsigned long long st = 0x9E3779B97F4A7C15ULL + (unsigned long long)_i;
	struct strbuf in;
	size_t i, j, nf;

	strbuf_init(&in);
	for (i = 0; i < 12000; i++) {
		nf = 1 + (size_t)(rnd(&st) % 12);
		for (j = 0; j < nf; j++) {
			if (j > 0)
				strbuf_addch(&in, ',');
			wide_field(&in, &st);
		}
		strbuf_adds(&in, rnd(&st) % 4 == 0 ? "\r\n" : "\n");
	}
	ck_assert_uint_gt(same_as_libcsv(&in, 0), 100000); /* many records */
	strbuf_free(&in);
}
END_TEST

/*
 * A line of 0 to 24 plain fields of 0 to 40 bytes (blanks inside them),
 * mostly without a blank at a field's edge or a quote (the lines csvio
 * copies whole), now and then with one, or only commas (a blank record).
 */
static void
plain_line(struct strbuf *in, unsigned long long *st)
{
	static const char alpha[] = "abcdefgh xyz\t0123e";
	size_t nf = (size_t)(rnd(st) % 25), j, k, n;
	int commas = rnd(st) % 32 == 0;
	char c;

	for (j = 0; j < nf; j++) {
		if (j > 0)
			strbuf_addch(in, ',');
		n = commas || rnd(st) % 4 == 0 ? 0 : (size_t)(rnd(st) % 41);
		for (k = 0; k < n; k++) {
			c = alpha[rnd(st) % (sizeof alpha - 1)];
			if ((k == 0 || k + 1 == n) && (c == ' ' || c == '\t') && rnd(st) % 8 != 0)
				c = 'q'; /* a blank at the edge, once in a while */
			if (c == 'e')
				strbuf_adds(in, "\xC3\xA9");
			else
				strbuf_addch(in, c);
		}
		if (!commas && rnd(st) % 256 == 0)
			strbuf_addch(in, '"'); /* a stray quote */
	}
	strbuf_adds(in, (const char *[]){"\n", "\r\n", "\r", "\n"}[rnd(st) % 4]);
}

/*
 * Lines of plain fields, split by csvio itself (split_plain() copies them
 * whole and turns commas into NULs), whatever the offset of their commas
 * and blanks in a 16-byte block or the chunk: the records are libcsv's,
 * and read into an arena each field lies there end to end with its NUL.
 */
START_TEST(test_plain_whole)
{
	unsigned long long st = 0x243F6A8885A308D3ULL + (unsigned long long)_i;
	struct strbuf in, arena, fast, slow;
	struct csvio_reader *r;
	struct csvio_record *rec;
	size_t i, blank = 0;
	FILE *fp;

	strbuf_init(&in);
	strbuf_init(&arena);
	strbuf_init(&fast);
	strbuf_init(&slow);
	while (in.len < 600000)
		plain_line(&in, &st);
	describe_all(&in, CSVIO_LIBCSV_ONLY, &slow);
	r = reader(&in, &fp, 0);
	csvio_set_arena(r, &arena);
	while (csvio_next(r, &rec) > 0) {
		for (i = 0; i < rec->nfields; i++)
			ck_assert(
			    rec->fields[i] + rec->lens[i] + 1 ==
			    (i + 1 < rec->nfields ? rec->fields[i + 1] : arena.buf + arena.len));
		ck_assert_int_eq(arena.buf[arena.len], '\0');
		blank += (rec->flags & CSVIO_BLANK) != 0 && rec->nfields > 1;
		describe(&fast, rec);
		strbuf_addch(&fast, '\n');
		if (rnd(&st) % 8 == 0)
			strbuf_reset(&arena);
	}
	strbuf_printf(&fast, "end 0, %lu lines\n", csvio_lines(r));
	csvio_close(r);
	fclose(fp);
	ck_assert_uint_gt(blank, 10); /* lines of commas only were read */
	ck_assert_uint_gt(fast.len, 500000);
	ck_assert_uint_eq(fast.len, slow.len);
	ck_assert_int_eq(memcmp(fast.buf, slow.buf, fast.len), 0);
	strbuf_free(&in);
	strbuf_free(&arena);
	strbuf_free(&fast);
	strbuf_free(&slow);
}
END_TEST

struct flat {
	struct strbuf *out;
	size_t nf;
};

static void
flat_field(void *s, size_t len, void *arg)
{
	struct flat *f = arg;

	strbuf_addch(f->out, f->nf++ > 0 ? '|' : '[');
	strbuf_add(f->out, s, len);
}

static void
flat_row(int c, void *arg)
{
	struct flat *f = arg;

	(void)c;
	strbuf_adds(f->out, f->nf > 0 ? "]\n" : "[]\n");
	f->nf = 0;
}

/*
 * On well-formed input the fields are exactly those of one libcsv parse of
 * the whole input (no line tracking at all): an independent reference for
 * split() and for the reader's own view of where records start.
 */
START_TEST(test_quoted_reference)
{
	unsigned long long st = 0x2545F4914F6CDD1DULL + (unsigned long long)_i;
	struct strbuf in, got, want;
	struct csv_parser p;
	struct flat f = {&want, 0};
	struct csvio_reader *r;
	struct csvio_record *rec;
	FILE *fp;
	size_t j;
	int rc;

	strbuf_init(&in);
	strbuf_init(&got);
	strbuf_init(&want);
	quoted_input(&in, &st, 20000, 0);
	ck_assert_int_eq(csv_init(&p, CSV_STRICT | CSV_APPEND_NULL), 0);
	ck_assert_uint_eq(csv_parse(&p, in.buf, in.len, flat_field, flat_row, &f), in.len);
	ck_assert_int_eq(csv_fini(&p, flat_field, flat_row, &f), 0);
	csv_free(&p);
	r = reader(&in, &fp, 0);
	while ((rc = csvio_next(r, &rec)) == 1) {
		ck_assert_uint_eq(rec->flags & ~(unsigned)CSVIO_BLANK, 0);
		if (rec->nfields == 0)
			continue;
		for (j = 0; j < rec->nfields; j++) {
			strbuf_addch(&got, j > 0 ? '|' : '[');
			strbuf_add(&got, rec->fields[j], rec->lens[j]);
		}
		strbuf_adds(&got, "]\n");
	}
	ck_assert_int_eq(rc, 0);
	csvio_close(r);
	fclose(fp);
	ck_assert_uint_gt(got.len, 100000);
	ck_assert_str_eq(got.buf, want.buf);
	strbuf_free(&in);
	strbuf_free(&got);
	strbuf_free(&want);
}
END_TEST

/* Lines with libcsv's edge cases, each read both ways. */
static const char *const plain_lines[] = {
    "a,b\n",  "  \n",      ",\n",         " a , b \r\n", "a\rb\n",     "\t\n",
    "a,,b\n", "a,b",       " , \t,\n",    "\n\n\n",      "a b,c  d\n", "x\r\r\n",
    ",",      "a,\"b\"\n", "\xC3\xA9,\n", "a,\xFF\n",    "  a\n  b  ", "\r\n,\r\n",
};

START_TEST(test_plain_lines)
{
	struct strbuf in, fast, slow;

	strbuf_init(&in);
	strbuf_init(&fast);
	strbuf_init(&slow);
	strbuf_adds(&in, plain_lines[_i]);
	describe_all(&in, 0, &fast);
	describe_all(&in, CSVIO_LIBCSV_ONLY, &slow);
	ck_assert_str_eq(fast.buf, slow.buf);
	strbuf_free(&in);
	strbuf_free(&fast);
	strbuf_free(&slow);
}
END_TEST

struct write_case {
	const char *in;
	const char *out;
};

static const struct write_case write_cases[] = {
    {"plain", "plain"},
    {"", ""},
    {"two words", "two words"},
    {"a,b", "\"a,b\""},
    {"say \"hi\"", "\"say \"\"hi\"\"\""},
    {"\"", "\"\"\"\""},
    {"line\nbreak", "\"line\nbreak\""},
    {"cr\rhere", "\"cr\rhere\""},
    {" lead", "\" lead\""},
    {"trail ", "\"trail \""},
    {"\ttab", "\"\ttab\""},
    {"caf\xC3\xA9", "caf\xC3\xA9"},
};

/* Write a field to a string. */
static char *
written(void (*fn)(FILE *, const void *, size_t), const void *arg, size_t n)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(fp);
	fn(fp, arg, n);
	ck_assert_int_eq(fclose(fp), 0);
	return buf;
}

static void
write_field(FILE *fp, const void *s, size_t n)
{
	csvio_write_field(fp, s, n);
}

static void
write_row(FILE *fp, const void *fields, size_t n)
{
	csvio_write_row(fp, fields, n);
}

START_TEST(test_write_table)
{
	const struct write_case *c = &write_cases[_i];
	char *got = written(write_field, c->in, strlen(c->in));

	ck_assert_str_eq(got, c->out);
	free(got);
}
END_TEST

START_TEST(test_write_row)
{
	static const char *row[] = {"a", NULL, "b,c", ""};
	static const char *lone[] = {""};
	static const char *lone_null[] = {NULL};
	char *got;

	got = written(write_row, row, 4);
	ck_assert_str_eq(got, "a,,\"b,c\",\n");
	free(got);
	got = written(write_row, lone, 1);
	ck_assert_str_eq(got, "\"\"\n");
	free(got);
	got = written(write_row, lone_null, 1);
	ck_assert_str_eq(got, "\"\"\n");
	free(got);
}
END_TEST

/* Rows written then read back give the same fields. */
START_TEST(test_round_trip)
{
	static const char *rows[][4] = {
	    {"Case ID", "Case name", "Notes", "Court"},
	    {"CA27004512", "Re A (A Child)", "said \"no\",\nthen left", " padded "},
	    {"", "", "", ""},
	    {"\"", ",", "\r\n", "\t"},
	    {"caf\xC3\xA9", "\xE2\x82\xAC 10", "multi\n\nline\n", "x"},
	};
	static const char *lone[] = {""};
	size_t nrows = sizeof(rows) / sizeof(rows[0]), i, j;
	struct csvio_reader *r;
	struct csvio_record *rec;
	FILE *fp = tmpfile();

	ck_assert_ptr_nonnull(fp);
	for (i = 0; i < nrows; i++)
		csvio_write_row(fp, rows[i], 4);
	csvio_write_row(fp, lone, 1);
	rewind(fp);
	r = csvio_open(fp, "rt.csv", 0);
	for (i = 0; i < nrows; i++) {
		ck_assert_int_eq(csvio_next(r, &rec), 1);
		ck_assert_uint_eq(rec->nfields, 4);
		ck_assert_uint_eq(rec->flags & ~CSVIO_BLANK, 0);
		for (j = 0; j < 4; j++) {
			ck_assert_uint_eq(rec->lens[j], strlen(rows[i][j]));
			ck_assert_str_eq(rec->fields[j], rows[i][j]);
		}
	}
	ck_assert_int_eq(csvio_next(r, &rec), 1);
	ck_assert_uint_eq(rec->nfields, 1);
	ck_assert_str_eq(rec->fields[0], "");
	ck_assert_int_eq(csvio_next(r, &rec), 0);
	csvio_close(r);
	fclose(fp);
}
END_TEST

/*
 * The writer's own tests write cells exactly (raw): formula neutralisation,
 * on by default, is tested in test_xlsxout.c.
 */
static void
raw_on(void)
{
	csvio_set_raw(1);
}

static void
raw_off(void)
{
	csvio_set_raw(0);
}

Suite *make_suite_csvio(void);

/* The csvio suite. */
Suite *
make_suite_csvio(void)
{
	Suite *s = suite_create("csvio");
	TCase *tc = tcase_create("read");
	TCase *big = tcase_create("big");
	TCase *wr = tcase_create("write");

	tcase_add_checked_fixture(wr, raw_on, raw_off);
	tcase_add_checked_fixture(big, raw_on, raw_off);

	tcase_add_loop_test(tc, test_read_table, 0,
	                    (int)(sizeof(read_cases) / sizeof(read_cases[0])));
	tcase_add_test(tc, test_nul_byte);
	tcase_add_test(tc, test_read_error);
	tcase_add_test(tc, test_chunk_crlf);
	tcase_add_test(tc, test_chunk_quoted_crlf);
	tcase_add_test(tc, test_chunk_utf8);
	suite_add_tcase(s, tc);

	tcase_add_test(big, test_huge_field);
	tcase_add_test(big, test_replay_big);
	tcase_add_test(big, test_wide_header);
	tcase_add_test(big, test_record_limit);
	tcase_add_test(big, test_many_records);
	tcase_add_loop_test(big, test_fuzz_round_trip, 0, 3);
	tcase_add_loop_test(big, test_fuzz_garbage, 0, 4);
	tcase_add_loop_test(big, test_arena, 0, 4);
	tcase_add_loop_test(big, test_plain_split, 0, 10);
	tcase_add_loop_test(big, test_quoted_split, 0, 6);
	tcase_add_loop_test(big, test_quoted_reference, 0, 3);
	tcase_add_loop_test(big, test_wide_split, 0, 4);
	tcase_add_loop_test(big, test_plain_whole, 0, 4);
	tcase_add_loop_test(tc, test_plain_lines, 0,
	                    (int)(sizeof plain_lines / sizeof plain_lines[0]));
	suite_add_tcase(s, big);

	tcase_add_loop_test(wr, test_write_table, 0,
	                    (int)(sizeof(write_cases) / sizeof(write_cases[0])));
	tcase_add_test(wr, test_write_row);
	tcase_add_test(wr, test_round_trip);
	suite_add_tcase(s, wr);
	return s;
}
