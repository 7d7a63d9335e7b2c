/*
 * xlsx.c: an Excel workbook read as CSV records (core/xlsxzip for the
 * container, expat for the XML, streamed).
 *
 * Opening reads the small parts whole: the package relationships (where the
 * workbook is), the workbook (its sheets, the 1900/1904 date system), the
 * workbook's relationships (where each sheet, the shared strings and the
 * styles are), the styles (which cell formats are dates) and the shared
 * strings (held as one block of text and an offset each). The chosen sheet
 * is then inflated a chunk at a time into expat, which is suspended at each
 * row end so that xlsx_next() returns one row at a time.
 *
 * The rows themselves, the bulk of a sheet, are read faster: at <sheetData>
 * expat is set aside and core/xlsxscan tokenizes row after row of the narrow
 * grammar rows use, giving the same handlers the same events. A plain row
 * (cells of <v> or <is><t> only, as Excel writes them) comes as a list of
 * cells instead (xlsxscan_cells), each read straight into the record by
 * cell_open() and cell_value(), with no event, attribute list or copy. At
 * </sheetData>, or at the start of a row it does not take (a comment, rich
 * text, a carriage return...), a new expat parser takes the rest, primed
 * with the root and <sheetData> tags, so that it checks and reads the rest
 * of the part as the first one would have.
 */
#include <errno.h>
#include <expat.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "core/dates.h"
#include "core/diag.h"
#include "core/pages.h"
#include "core/xalloc.h"
#include "core/xlsx.h"
#include "core/xlsxscan.h"
#include "core/xlsxzip.h"

#define CHUNK ((size_t)64 << 10)
#define MAX_SMALL_PART ((uint64_t)64 << 20) /* workbook, rels, styles */
#define MAX_SST_PART ((uint64_t)1 << 30) /* sharedStrings.xml uncompressed */
#define MAX_SHEET_PART ((uint64_t)8 << 30)
#define MAX_SPOOL ((uint64_t)2 << 30) /* a workbook read from a pipe */
#define BOMB_SIZE ((uint64_t)64 << 20) /* over this, the ratio is checked */
#define BOMB_RATIO 250
#define MAX_CELL_BYTES (4 * XLSX_MAX_CELL_CHARS)
#define MAX_SST_COUNT ((size_t)1 << 26)
#define MAX_XF ((size_t)1 << 20)
#define MAX_SHEETS 4096
#define MAX_MERGES_NAMED 1
#define MAX_PENDING ((size_t)1 << 20) /* a row the scanner holds whole; past it, expat */

static const char *selected; /* --sheet, or NULL */
static int scanner_off; /* xlsx_use_scanner(0): expat reads every row */

enum kind { K_PLAIN, K_DATE, K_DATETIME, K_TIME };
enum ctype { T_NUM, T_SST, T_BOOL, T_ERR, T_STR, T_INLINE, T_ISO };

struct sheet {
	char *name, *rid, *target;
	int hidden, chart;
};

struct rel {
	char *id, *type, *target;
};

struct xlsx_reader {
	char *name;
	struct xlsxzip *zip;
	int fatal, done;
	struct strbuf err, zerr; /* the message; the container's reason */
	char *path; /* the part being read, for messages */

	/* workbook */
	int date1904;
	struct sheet *sheets;
	size_t nsheets;
	struct rel *rels;
	size_t nrels;
	char *sheet; /* chosen sheet's name */
	unsigned char *xfkind;
	size_t nxf, xfcap;
	int *fmtid; /* custom number formats: id, kind pairs */
	size_t nfmt, fmtcap;
	int in_cellxfs;
	char *sst; /* the shared strings end to end, sstlen bytes of sstbytes (core/pages) */
	size_t sstlen, sstbytes;
	uint32_t *sst_off; /* nsst + 1 offsets, of sstcap (core/pages) */
	size_t nsst, sstcap;

	/* the part being parsed */
	XML_Parser xp;
	struct xlsxzip_file *zf;
	uint64_t declared, got;
	int suspended, fed_last;
	void (*end_of_part)(struct xlsx_reader *);

	/* inside the sheet (or a shared string) */
	int in_v, in_t, in_is, in_rph, in_si, in_cell, in_data;
	enum ctype ct;
	unsigned style;
	unsigned long col; /* this cell's column (0-based) */
	struct strbuf cell;
	size_t cell_chars_checked;
	unsigned long row, prev_row;
	char rowtxt[8]; /* row in decimal, rowlen digits: the row part of its cells' references */
	size_t rowlen;
	int row_open, row_ready;
	struct strbuf *dst;
	size_t base, max_record;
	size_t *offs;
	size_t cap, nf, last; /* fields so far; fields up to the last non-empty one */
	size_t last_end, reccap; /* where the last non-empty field ends in dst */
	size_t width; /* fields in the first non-blank row */
	uint64_t pad, xmlbytes; /* empty fields added for gaps; XML bytes read */
	unsigned long nmerges;
	char merge[32];
	struct csvio_record rec;

	/* the row scanner (see the top): the bytes after <sheetData> not yet read */
	struct xlsxscan scan;
	int scanning, scan_done, switch_req, not_utf8;
	char *root; /* the sheet's root element's name */
	char *pend;
	size_t plen, ppos, pcap;
	unsigned long line_base; /* the part's line where the new parser's line 1 is */
};

static int fail(struct xlsx_reader *, const char *, ...) __attribute__((format(printf, 2, 3)));

void
xlsx_select_sheet(const char *spec)
{
	selected = spec;
}

void
xlsx_use_scanner(int on)
{
	scanner_off = !on;
}

int
xlsx_signature(const unsigned char *s, size_t n)
{
	static const unsigned char ole2[8] = {0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1};

	if (n >= 4 && s[0] == 'P' && s[1] == 'K' &&
	    ((s[2] == 3 && s[3] == 4) || (s[2] == 5 && s[3] == 6) || (s[2] == 7 && s[3] == 8)))
		return 1;
	if (n >= 8 && memcmp(s, ole2, 8) == 0)
		return 2;
	return 0;
}

/* Record a fatal error (the first one wins); always -1. */
static int
fail(struct xlsx_reader *x, const char *fmt, ...)
{
	va_list ap;

	if (x->fatal)
		return -1;
	strbuf_reset(&x->err);
	va_start(ap, fmt);
	strbuf_vprintf(&x->err, fmt, ap);
	va_end(ap);
	/* a stream zlib refuses is reported as zlib meets it (see xlsxzip_fcheck) */
	if (x->zf != NULL && xlsxzip_fcheck(x->zf, &x->zerr) != 0) {
		strbuf_reset(&x->err);
		strbuf_printf(&x->err, "%s: %s", x->path, x->zerr.buf);
	}
	x->fatal = 1;
	if (x->xp != NULL)
		XML_StopParser(x->xp, XML_FALSE);
	return -1;
}

/* A sheet name as Excel writes it in a reference: quoted when not plain. */
static void
add_sheet_ref(struct strbuf *sb, const char *sheet)
{
	const char *p;
	int plain = *sheet != '\0';

	for (p = sheet; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		      (*p >= '0' && *p <= '9') || *p == '_' || (unsigned char)*p >= 0x80))
			plain = 0;
	if (plain) {
		strbuf_adds(sb, sheet);
		return;
	}
	strbuf_addch(sb, '\'');
	for (p = sheet; *p != '\0'; p++) {
		if (*p == '\'')
			strbuf_addch(sb, '\'');
		strbuf_addch(sb, *p);
	}
	strbuf_addch(sb, '\'');
}

/* "A", "B", ... "XFD" for a 0-based column. */
static void
col_name(unsigned long col, char *buf)
{
	char tmp[8];
	int n = 0, i;

	col++;
	while (col > 0 && n < 7) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}

/* Fail naming the cell: "Sheet!B12: ...". */
static int
fail_cell(struct xlsx_reader *x, unsigned long col, const char *what)
{
	struct strbuf sb;
	char c[8];
	int rc;

	strbuf_init(&sb);
	add_sheet_ref(&sb, x->sheet != NULL ? x->sheet : "");
	col_name(col, c);
	rc = fail(x, "%s!%s%lu: %s", sb.buf, c, x->row, what);
	strbuf_free(&sb);
	return rc;
}

/* ---------------------------------------------------------------- parts */

/* Strip a leading '/' and resolve "../" and "./" against the folder of base. */
static char *
resolve(const char *base, const char *target)
{
	struct strbuf sb;
	const char *slash;

	strbuf_init(&sb);
	if (*target == '/') {
		target++;
	} else if (base != NULL && (slash = strrchr(base, '/')) != NULL) {
		strbuf_add(&sb, base, (size_t)(slash - base) + 1);
	}
	while (*target != '\0') {
		if (strncmp(target, "./", 2) == 0) {
			target += 2;
		} else if (strncmp(target, "../", 3) == 0) {
			target += 3;
			if (sb.len > 0)
				sb.len--; /* the trailing '/' */
			while (sb.len > 0 && sb.buf[sb.len - 1] != '/')
				sb.len--;
			sb.buf[sb.len] = '\0';
		} else {
			const char *e = strchr(target, '/');
			size_t n = e != NULL ? (size_t)(e - target) + 1 : strlen(target);
			strbuf_add(&sb, target, n);
			target += n;
		}
	}
	return strbuf_steal(&sb);
}

static void
part_close(struct xlsx_reader *x)
{
	if (x->zf != NULL)
		xlsxzip_fclose(x->zf);
	x->zf = NULL;
	if (x->xp != NULL)
		XML_ParserFree(x->xp);
	x->xp = NULL;
	x->suspended = x->fed_last = 0;
	x->scanning = x->switch_req = 0;
	x->plen = x->ppos = 0;
}

/* Refuse a DTD: no entity is ever defined, so none is ever expanded. */
static void
on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
           int internal)
{
	struct xlsx_reader *x = ud;

	(void)name;
	(void)sysid;
	(void)pubid;
	(void)internal;
	fail(x, "%s: a document type declaration (entities) is not allowed in a workbook", x->path);
}

/* A part's encoding, when it declares one: the row scanner reads UTF-8 only. */
static void
on_decl(void *ud, const XML_Char *version, const XML_Char *encoding, int standalone)
{
	struct xlsx_reader *x = ud;

	(void)version;
	(void)standalone;
	if (encoding != NULL && strcasecmp(encoding, "UTF-8") != 0)
		x->not_utf8 = 1;
}

/* A new expat parser for the open part, with the handlers given: 1, or -1. */
static int
parser_new(struct xlsx_reader *x, XML_StartElementHandler start, XML_EndElementHandler end,
           XML_CharacterDataHandler text)
{
	if ((x->xp = XML_ParserCreate(NULL)) == NULL)
		return fail(x, "out of memory");
	XML_SetUserData(x->xp, x);
	XML_SetStartDoctypeDeclHandler(x->xp, on_doctype);
	XML_SetXmlDeclHandler(x->xp, on_decl);
	XML_SetElementHandler(x->xp, start, end);
	XML_SetCharacterDataHandler(x->xp, text);
	return 1;
}

/*
 * Open a part for parsing with the handlers given: 1 when open, 0 when
 * absent (and !required), -1 on error.
 */
static int
part_open(struct xlsx_reader *x, const char *path, uint64_t max, int required,
          XML_StartElementHandler start, XML_EndElementHandler end, XML_CharacterDataHandler text)
{
	struct xlsxzip_stat st;
	long idx;

	free(x->path);
	x->path = xstrdup(path);
	idx = xlsxzip_find(x->zip, path, 1);
	if (idx < 0) {
		if (required)
			return fail(x, "not an Excel workbook: part %s is missing", path);
		return 0;
	}
	xlsxzip_stat(x->zip, idx, &st);
	if (st.encrypted)
		return fail(x, "%s: encrypted: save the workbook without a password", path);
	if (st.size > max)
		return fail(x, "%s: %llu bytes uncompressed, over the limit of %llu MiB", path,
		            (unsigned long long)st.size, (unsigned long long)(max >> 20));
	if (st.size > BOMB_SIZE && st.size / (st.comp_size > 0 ? st.comp_size : 1) > BOMB_RATIO)
		return fail(x, "%s: compressed %llu times (a ZIP bomb?): refused", path,
		            (unsigned long long)(st.size / (st.comp_size > 0 ? st.comp_size : 1)));
	if ((x->zf = xlsxzip_fopen(x->zip, idx, &x->zerr)) == NULL)
		return fail(x, "%s: %s", path, x->zerr.buf);
	x->declared = st.size;
	x->got = 0;
	x->not_utf8 = x->scan_done = 0;
	x->line_base = 0;
	return parser_new(x, start, end, text);
}

/* Read up to n bytes of the open part into buf: how many (0 at its end), or -1. */
static long long
part_read(struct xlsx_reader *x, void *buf, size_t n)
{
	long long k = xlsxzip_fread(x->zf, buf, n, &x->zerr);

	if (k < 0)
		return fail(x, "%s: %s", x->path, x->zerr.buf);
	if (x->got == 0 && k >= 2) {
		const unsigned char *b = buf; /* UTF-16, with or without its mark */
		if ((b[0] == 0xFE && b[1] == 0xFF) || (b[0] == 0xFF && b[1] == 0xFE) || b[0] == 0 ||
		    b[1] == 0)
			x->not_utf8 = 1;
	}
	x->got += (uint64_t)k;
	x->xmlbytes += (uint64_t)k;
	if (x->got > x->declared)
		return fail(x, "%s: larger than the archive says (a ZIP bomb?): refused", x->path);
	x->fed_last = k == 0;
	return k;
}

static unsigned long
newlines(const char *s, size_t n)
{
	unsigned long k = 0;
	const char *end = s + n;

	while (s < end && (s = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		k++;
		s++;
	}
	return k;
}

/*
 * At <sheetData>: keep the bytes expat holds after the tag, and stop it so
 * that part_run() hands the rows to the scanner.
 */
static void
want_scanner(struct xlsx_reader *x)
{
	int off = 0, size = 0, count = XML_GetCurrentByteCount(x->xp);
	const char *ctx = XML_GetInputContext(x->xp, &off, &size);
	size_t rest;

	x->scan_done = 1; /* once a part */
	if (ctx == NULL || count < 2 || off < 0 || off + count > size ||
	    ctx[off + count - 2] == '/')
		return;
	rest = (size_t)(size - off - count);
	if (x->pcap < rest + CHUNK) {
		x->pcap = rest + CHUNK;
		x->pend = xrealloc(x->pend, x->pcap);
	}
	memcpy(x->pend, ctx + off + count, rest);
	x->plen = rest;
	x->ppos = 0;
	x->line_base =
	    (unsigned long)XML_GetCurrentLineNumber(x->xp) + newlines(ctx + off, (size_t)count);
	x->switch_req = 1;
	XML_StopParser(x->xp, XML_TRUE);
}

/* What expat said: 1 when a row is ready, 0 to go on, -1 on error. */
static int
parsed(struct xlsx_reader *x, enum XML_Status st)
{
	if (x->fatal)
		return -1;
	if (st == XML_STATUS_ERROR)
		return fail(x, "%s:%lu: bad XML: %s", x->path,
		            (unsigned long)XML_GetCurrentLineNumber(x->xp) +
		                (x->line_base > 0 ? x->line_base - 1 : 0),
		            XML_ErrorString(XML_GetErrorCode(x->xp)));
	if (st != XML_STATUS_SUSPENDED)
		return 0;
	if (x->switch_req) {
		x->switch_req = 0;
		XML_ParserFree(x->xp);
		x->xp = NULL;
		x->scanning = 1;
		return 0;
	}
	x->suspended = 1;
	return 1;
}

static void sheet_start(void *, const XML_Char *, const XML_Char **);
static void sheet_end(void *, const XML_Char *);
static void scan_start(void *, const char *, const char **);
static void scan_end(void *, const char *);
static void cell_text(void *, const XML_Char *, int);
static void row_begin(struct xlsx_reader *, const XML_Char **);
static void row_end(struct xlsx_reader *);
static void cell_open(struct xlsx_reader *, const char *, size_t, const char *, size_t,
                      const char *, size_t);
static void cell_value(struct xlsx_reader *, const char *, size_t, int);
static void cell_end(struct xlsx_reader *);

/*
 * The scanner stops: a new expat parser, primed with the root and
 * <sheetData> tags, reads the rest of the part from the bytes held.
 */
static int
to_expat(struct xlsx_reader *x)
{
	char *prime = xasprintf("<%s><sheetData>", x->root != NULL ? x->root : "worksheet");
	size_t n = x->plen - x->ppos;
	enum XML_Status st;
	void *buf;

	x->scanning = 0;
	if (parser_new(x, sheet_start, sheet_end, cell_text) < 0) {
		free(prime);
		return -1;
	}
	st = XML_Parse(x->xp, prime, (int)strlen(prime), XML_FALSE);
	free(prime);
	if (st != XML_STATUS_OK)
		return parsed(x, st);
	if ((buf = XML_GetBuffer(x->xp, (int)(n > 0 ? n : 1))) == NULL)
		return fail(x, "out of memory");
	if (n > 0)
		memcpy(buf, x->pend + x->ppos, n);
	x->plen = x->ppos = 0;
	return parsed(x, XML_ParseBuffer(x->xp, (int)n, x->fed_last));
}

/* A NUL-terminated copy of a short attribute value (at most XLSXSCAN_MAX_ATT - 1 bytes). */
static const char *
att_copy(char *buf, const char *v, size_t n)
{
	memcpy(buf, v, n);
	buf[n] = '\0';
	return buf;
}

/*
 * A plain row from xlsxscan_cells(), given to the handlers as the events
 * of the same row would be: the row, then each cell's start, value text and
 * end.
 */
static void
plain_row(struct xlsx_reader *x, const struct xlsxscan_row *row)
{
	char rb[XLSXSCAN_MAX_ATT];
	const char *atts[3];
	size_t i;

	atts[0] = NULL;
	if (row->r != NULL) {
		atts[0] = "r";
		atts[1] = att_copy(rb, row->r, row->rlen);
		atts[2] = NULL;
	}
	row_begin(x, atts);
	for (i = 0; i < row->ncells && !x->fatal; i++) {
		const struct xlsxscan_cell *c = &row->cells[i];
		cell_open(x, c->r, c->rlen, c->t, c->tlen, c->s, c->slen);
		if (!x->in_cell)
			continue;
		if (c->vlen > XLSX_MAX_CELL_CHARS) { /* cell_text() counts and refuses */
			x->in_v = 1;
			cell_text(x, c->v, (int)c->vlen);
			x->in_v = 0;
			if (!x->fatal)
				cell_end(x);
		} else {
			cell_value(x, c->v, c->vlen, 0);
		}
	}
	if (!x->fatal)
		row_end(x);
}

/* The bytes held not yet read, then a chunk more of the part: 0, or -1. */
static int
pend_more(struct xlsx_reader *x)
{
	long long k;

	if (x->ppos > 0) {
		memmove(x->pend, x->pend + x->ppos, x->plen - x->ppos);
		x->plen -= x->ppos;
		x->ppos = 0;
	}
	if (x->pcap < x->plen + CHUNK) {
		x->pcap = 2 * (x->plen + CHUNK);
		x->pend = xrealloc(x->pend, x->pcap);
	}
	if ((k = part_read(x, x->pend + x->plen, CHUNK)) < 0)
		return -1;
	x->plen += (size_t)k;
	return 0;
}

/* Rows through the scanner: 1 when one is ready, 0 when expat has taken over, -1. */
static int
scan_rows(struct xlsx_reader *x)
{
	const struct xlsxscan_events ev = {x, scan_start, scan_end, cell_text};

	for (;;) {
		size_t used;
		struct xlsxscan_row row;
		enum xlsxscan_status st =
		    xlsxscan_cells(&x->scan, x->pend + x->ppos, x->plen - x->ppos, &used, &row);

		if (st == XLSXSCAN_ROW)
			plain_row(x, &row);
		else if (st == XLSXSCAN_OTHER)
			st = xlsxscan_row(&x->scan, x->pend + x->ppos, x->plen - x->ppos, &used,
			                  &ev);
		x->line_base += newlines(x->pend + x->ppos, used);
		x->ppos += used;
		if (x->fatal)
			return -1;
		if (st == XLSXSCAN_ROW) {
			if (x->row_ready)
				return 1;
			continue;
		}
		if (st != XLSXSCAN_MORE || x->fed_last || x->plen - x->ppos > MAX_PENDING)
			return to_expat(x);
		if (pend_more(x) < 0)
			return -1;
	}
}

/*
 * Go on parsing the open part: 1 when a row is ready (expat suspended, or
 * the scanner gave one), 0 at the end of the part, -1 on error.
 */
static int
part_run(struct xlsx_reader *x)
{
	enum XML_Status st;
	int r;

	for (;;) {
		if (x->fatal)
			return -1;
		if (x->scanning) {
			if ((r = scan_rows(x)) != 0)
				return r;
			continue;
		}
		if (x->suspended) {
			x->suspended = 0;
			st = XML_ResumeParser(x->xp);
		} else if (x->fed_last) {
			return 0;
		} else {
			void *buf = XML_GetBuffer(x->xp, (int)CHUNK);
			long long n;

			if (buf == NULL)
				return fail(x, "out of memory");
			if ((n = part_read(x, buf, CHUNK)) < 0)
				return -1;
			st = XML_ParseBuffer(x->xp, (int)n, n == 0);
		}
		if ((r = parsed(x, st)) != 0)
			return r;
	}
}

/* Parse a whole part (suspension is not used). */
static int
part_parse(struct xlsx_reader *x, const char *path, uint64_t max, int required,
           XML_StartElementHandler start, XML_EndElementHandler end, XML_CharacterDataHandler text)
{
	int rc = part_open(x, path, max, required, start, end, text);

	if (rc > 0)
		rc = part_run(x);
	part_close(x);
	return x->fatal ? -1 : rc;
}

/* ------------------------------------------------------------ XML helpers */

static const char *
local(const char *name)
{
	const char *c = strrchr(name, ':');
	return c != NULL ? c + 1 : name;
}

static const char *
attr(const XML_Char **atts, const char *key)
{
	for (; atts[0] != NULL; atts += 2)
		if (strcmp(local(atts[0]), key) == 0)
			return atts[1];
	return NULL;
}

static int
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void
no_text(void *ud, const XML_Char *s, int len)
{
	(void)ud;
	(void)s;
	(void)len;
}

static void
no_end(void *ud, const XML_Char *name)
{
	(void)ud;
	(void)name;
}

/* ---------------------------------------------------------- relationships */

static void
free_rels(struct xlsx_reader *x)
{
	size_t i;

	for (i = 0; i < x->nrels; i++) {
		free(x->rels[i].id);
		free(x->rels[i].type);
		free(x->rels[i].target);
	}
	free(x->rels);
	x->rels = NULL;
	x->nrels = 0;
}

static void
rel_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx_reader *x = ud;
	const char *id = attr(atts, "Id"), *type = attr(atts, "Type"),
	           *target = attr(atts, "Target");
	const char *mode = attr(atts, "TargetMode");

	if (strcmp(local(name), "Relationship") != 0 || id == NULL || type == NULL ||
	    target == NULL || (mode != NULL && strcmp(mode, "External") == 0))
		return;
	if (x->nrels >= MAX_SHEETS * 4) {
		fail(x, "%s: too many relationships", x->path);
		return;
	}
	x->rels = xreallocarray(x->rels, x->nrels + 1, sizeof(*x->rels));
	x->rels[x->nrels].id = xstrdup(id);
	x->rels[x->nrels].type = xstrdup(type);
	x->rels[x->nrels].target = xstrdup(target);
	x->nrels++;
}

/* The target of the first relationship whose type ends so, or NULL. */
static const struct rel *
rel_by_type(const struct xlsx_reader *x, const char *suffix)
{
	size_t i;

	for (i = 0; i < x->nrels; i++)
		if (ends_with(x->rels[i].type, suffix))
			return &x->rels[i];
	return NULL;
}

static const struct rel *
rel_by_id(const struct xlsx_reader *x, const char *id)
{
	size_t i;

	for (i = 0; i < x->nrels; i++)
		if (strcmp(x->rels[i].id, id) == 0)
			return &x->rels[i];
	return NULL;
}

/* The relationships part of a part: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels". */
static char *
rels_path(const char *part)
{
	const char *slash = strrchr(part, '/');

	if (slash == NULL)
		return xasprintf("_rels/%s.rels", part);
	return xasprintf("%.*s/_rels/%s.rels", (int)(slash - part), part, slash + 1);
}

/* --------------------------------------------------------------- workbook */

static void
book_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx_reader *x = ud;
	const char *n = local(name), *v;

	if (strcmp(n, "workbookPr") == 0) {
		v = attr(atts, "date1904");
		x->date1904 = v != NULL && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
	} else if (strcmp(n, "sheet") == 0) {
		const char *sname = attr(atts, "name"), *rid = attr(atts, "id");
		struct sheet *s;

		if (sname == NULL || rid == NULL)
			return;
		if (x->nsheets >= MAX_SHEETS) {
			fail(x, "%s: more than %d sheets", x->path, MAX_SHEETS);
			return;
		}
		x->sheets = xreallocarray(x->sheets, x->nsheets + 1, sizeof(*x->sheets));
		s = &x->sheets[x->nsheets++];
		s->name = xstrdup(sname);
		s->rid = xstrdup(rid);
		s->target = NULL;
		v = attr(atts, "state");
		s->hidden = v != NULL && strcmp(v, "visible") != 0;
		s->chart = 0;
	}
}

/* ----------------------------------------------------------------- styles */

/* The closing character after p (or the last character when none). */
static const char *
skip_to(const char *p, char close)
{
	while (p[1] != '\0' && p[1] != close)
		p++;
	return p[1] == close ? p + 1 : p;
}

/* What a number format code shows: a date, a time, both, or a number. */
static enum kind
format_kind(const char *code)
{
	int date = 0, time = 0;
	const char *p;

	for (p = code; *p != '\0' && *p != ';'; p++) {
		switch (*p) {
		case '"':
			p = skip_to(p, '"');
			break;
		case '\\':
		case '_':
		case '*':
			if (p[1] != '\0')
				p++;
			break;
		case '[':
			if (p[1] == 'h' || p[1] == 'H' || p[1] == 'm' || p[1] == 's')
				time = 1; /* elapsed time: [h]:mm */
			p = skip_to(p, ']');
			break;
		case 'd':
		case 'D':
		case 'y':
		case 'Y':
			date = 1;
			break;
		case 'h':
		case 'H':
		case 's':
		case 'S':
			time = 1;
			break;
		default:
			break;
		}
	}
	if (date && time)
		return K_DATETIME;
	return date ? K_DATE : time ? K_TIME : K_PLAIN;
}

/* Excel's built-in number formats that show dates or times. */
static enum kind
builtin_kind(long id)
{
	if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) ||
	    (id >= 50 && id <= 58))
		return K_DATE;
	if (id == 22)
		return K_DATETIME;
	if ((id >= 18 && id <= 21) || id == 32 || id == 33 || (id >= 45 && id <= 47))
		return K_TIME;
	return K_PLAIN;
}

static enum kind
fmt_kind(const struct xlsx_reader *x, long id)
{
	size_t i;

	for (i = 0; i < x->nfmt; i++)
		if (x->fmtid[2 * i] == id)
			return (enum kind)x->fmtid[2 * i + 1];
	return builtin_kind(id);
}

static void
style_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx_reader *x = ud;
	const char *n = local(name), *id = attr(atts, "numFmtId");

	if (strcmp(n, "cellXfs") == 0) {
		x->in_cellxfs = 1;
	} else if (strcmp(n, "numFmt") == 0) {
		const char *code = attr(atts, "formatCode");
		if (id == NULL || code == NULL)
			return;
		if (x->nfmt >= MAX_XF) {
			fail(x, "%s: too many number formats", x->path);
			return;
		}
		if (x->nfmt == x->fmtcap) {
			x->fmtcap = x->fmtcap ? 2 * x->fmtcap : 16;
			x->fmtid = xreallocarray(x->fmtid, x->fmtcap, 2 * sizeof(*x->fmtid));
		}
		x->fmtid[2 * x->nfmt] = atoi(id);
		x->fmtid[2 * x->nfmt + 1] = (int)format_kind(code);
		x->nfmt++;
	} else if (strcmp(n, "xf") == 0 && x->in_cellxfs) {
		if (x->nxf >= MAX_XF) {
			fail(x, "%s: too many cell formats", x->path);
			return;
		}
		if (x->nxf == x->xfcap) {
			x->xfcap = x->xfcap ? 2 * x->xfcap : 64;
			x->xfkind = xrealloc(x->xfkind, x->xfcap);
		}
		x->xfkind[x->nxf++] = (unsigned char)(id != NULL ? fmt_kind(x, atol(id)) : K_PLAIN);
	}
}

static void
style_end(void *ud, const XML_Char *name)
{
	struct xlsx_reader *x = ud;

	if (strcmp(local(name), "cellXfs") == 0)
		x->in_cellxfs = 0;
}

/* --------------------------------------------------------- shared strings */

/* Append text to the cell, bounded by Excel's cell size. */
static void
cell_text(void *ud, const XML_Char *s, int len)
{
	struct xlsx_reader *x = ud;

	if (!(x->in_v || (x->in_t && !x->in_rph)))
		return;
	strbuf_add(&x->cell, s, (size_t)len);
	if (x->cell.len > XLSX_MAX_CELL_CHARS) {
		/* count characters as Excel does (UTF-16 units) only when it may matter */
		size_t i, units = 0;
		for (i = 0; i < x->cell.len; i++) {
			unsigned char c = (unsigned char)x->cell.buf[i];
			units += (c & 0xc0) != 0x80;
			units += c >= 0xf0;
		}
		if (units > XLSX_MAX_CELL_CHARS || x->cell.len > MAX_CELL_BYTES) {
			if (x->in_si)
				fail(x,
				     "%s: shared string %zu is longer than Excel's %lu characters",
				     x->path, x->nsst + 1, XLSX_MAX_CELL_CHARS);
			else
				fail_cell(x, x->col, "cell longer than Excel's 32767 characters");
		}
	}
}

/* One shared string more. */
static void
sst_add(struct xlsx_reader *x, const char *s, size_t len)
{
	if (x->nsst >= MAX_SST_COUNT || x->sstlen + len > XLSX_MAX_SST) {
		fail(x,
		     "%s: shared strings over %zu MiB or %zu strings: save the sheet as CSV UTF-8",
		     x->path, XLSX_MAX_SST >> 20, MAX_SST_COUNT);
		return;
	}
	/* on huge pages: a million-row sheet's strings are tens of megabytes, a fault a page */
	if (x->nsst + 2 > x->sstcap) {
		size_t n = x->sstcap ? 2 * x->sstcap : 1024;
		x->sst_off = pages_resize(x->sst_off, x->sstcap, n, sizeof(*x->sst_off));
		x->sstcap = n;
	}
	if (x->sstlen + len >= x->sstbytes) {
		size_t n = x->sstbytes ? x->sstbytes : 4096;
		while (n <= x->sstlen + len)
			n *= 2;
		x->sst = pages_resize(x->sst, x->sstbytes, n, 1);
		x->sstbytes = n;
	}
	x->sst_off[x->nsst] = (uint32_t)x->sstlen;
	if (len > 0)
		memcpy(x->sst + x->sstlen, s, len);
	x->sstlen += len;
	x->sst_off[++x->nsst] = (uint32_t)x->sstlen;
}

static void
sst_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx_reader *x = ud;
	const char *n = local(name);

	(void)atts;
	if (strcmp(n, "si") == 0) {
		x->in_si = 1;
		strbuf_reset(&x->cell);
	} else if (strcmp(n, "t") == 0) {
		x->in_t = x->in_si;
	} else if (strcmp(n, "rPh") == 0) {
		x->in_rph = 1;
	}
}

static void
sst_end(void *ud, const XML_Char *name)
{
	struct xlsx_reader *x = ud;
	const char *n = local(name);

	if (strcmp(n, "t") == 0) {
		x->in_t = 0;
	} else if (strcmp(n, "rPh") == 0) {
		x->in_rph = 0;
	} else if (strcmp(n, "si") == 0) {
		x->in_si = 0;
		sst_add(x, x->cell.buf, x->cell.len);
	}
}

/*
 * The shared strings as Excel writes them (xlsxscan_sst_head, xlsxscan_si),
 * without expat: 1 when read whole (or absent), 0 when the part is not
 * plain (nothing of it kept: expat reads it again), -1 on error.
 */
static int
sst_plain(struct xlsx_reader *x, const char *path)
{
	uint64_t xmlbytes = x->xmlbytes;
	int rc = part_open(x, path, MAX_SST_PART, 0, sst_start, sst_end, cell_text), head = 0;

	x->plen = x->ppos = 0;
	while (rc > 0 && !x->fatal) {
		size_t used = 0, tlen = 0;
		const char *text = NULL, *e, *end = x->pend + x->plen;
		enum xlsxscan_status st =
		    head ? xlsxscan_si(&x->scan, x->pend + x->ppos, x->plen - x->ppos, &used, &text,
		                       &tlen)
		         : xlsxscan_sst_head(x->pend + x->ppos, x->plen - x->ppos, &used);

		x->ppos += used;
		if (st == XLSXSCAN_ROW) {
			if (!head)
				head = 1;
			else if (tlen <= XLSX_MAX_CELL_CHARS)
				sst_add(x, text, tlen);
			else
				rc = 0; /* expat says which and how long */
			continue;
		}
		if (st == XLSXSCAN_OTHER || x->fed_last) {
			/* plain only if "</sst>" and whitespace end the part */
			e = x->pend + x->ppos;
			if (!head || end - e < 6 || memcmp(e, "</sst>", 6) != 0)
				rc = 0;
			for (e += 6; rc > 0 && e < end; e++)
				if (!(*e == ' ' || *e == '\t' || *e == '\n' || *e == '\r'))
					rc = 0;
			if (rc == 0 || x->fed_last)
				break;
		}
		if (x->plen - x->ppos > MAX_PENDING) {
			rc = 0;
			break;
		}
		if (pend_more(x) < 0)
			rc = -1;
	}
	part_close(x);
	if (rc == 0 && !x->fatal) { /* start again with expat */
		x->nsst = 0;
		x->sstlen = 0;
		x->xmlbytes = xmlbytes;
		return 0;
	}
	return x->fatal ? -1 : 1;
}

/* ------------------------------------------------------------------- open */

static int
find_sheet(struct xlsx_reader *x)
{
	size_t i;
	uint64_t n = 0;
	const char *p;

	if (x->nsheets == 0)
		return fail(x, "the workbook has no sheet");
	if (selected == NULL) {
		for (i = 0; i < x->nsheets; i++)
			if (!x->sheets[i].hidden)
				return (int)i;
		return fail(x, "every sheet is hidden: name one with --sheet");
	}
	for (i = 0; i < x->nsheets; i++)
		if (strcmp(x->sheets[i].name, selected) == 0)
			return (int)i;
	for (i = 0; i < x->nsheets; i++)
		if (strcasecmp(x->sheets[i].name, selected) == 0)
			return (int)i;
	for (p = selected; *p >= '0' && *p <= '9' && n <= MAX_SHEETS; p++)
		n = n * 10 + (uint64_t)(*p - '0');
	if (*p == '\0' && p != selected && n >= 1 && n <= x->nsheets)
		return (int)(n - 1);
	{
		struct strbuf sb;
		strbuf_init(&sb);
		for (i = 0; i < x->nsheets && i < 20; i++) {
			strbuf_adds(&sb, i ? ", " : "");
			add_sheet_ref(&sb, x->sheets[i].name);
		}
		if (i < x->nsheets)
			strbuf_adds(&sb, ", ...");
		fail(x, "--sheet: no such sheet (the workbook has %zu: %s)", x->nsheets, sb.buf);
		strbuf_free(&sb);
	}
	return -1;
}

/* Read everything but the sheet's rows; 0 or -1. */
static int
open_book(struct xlsx_reader *x)
{
	char *book = NULL, *rels = NULL, *part = NULL;
	const struct rel *r;
	const struct sheet *s;
	int i, rc = -1;

	if (part_parse(x, "_rels/.rels", MAX_SMALL_PART, 0, rel_start, no_end, no_text) < 0)
		return -1;
	r = rel_by_type(x, "/officeDocument");
	book = resolve(NULL, r != NULL ? r->target : "xl/workbook.xml");
	free_rels(x);
	if (xlsxzip_find(x->zip, book, 1) < 0) {
		if (xlsxzip_find(x->zip, "content.xml", 0) >= 0)
			fail(x, "an OpenDocument spreadsheet (.ods), not .xlsx: save it as Excel "
			        "2007-365 (.xlsx) or CSV UTF-8");
		else
			fail(x, "a ZIP archive but not an Excel workbook (no %s)", book);
		goto out;
	}
	if (part_parse(x, book, MAX_SMALL_PART, 1, book_start, no_end, no_text) < 0)
		goto out;
	rels = rels_path(book);
	if (part_parse(x, rels, MAX_SMALL_PART, 1, rel_start, no_end, no_text) < 0)
		goto out;
	if ((i = find_sheet(x)) < 0)
		goto out;
	s = &x->sheets[i];
	x->sheet = xstrdup(s->name);
	if ((r = rel_by_id(x, s->rid)) == NULL) {
		fail(x, "%s: sheet %zu has no part", book, (size_t)i + 1);
		goto out;
	}
	if (!ends_with(r->type, "/worksheet")) {
		fail(x,
		     "sheet %zu is a chart or dialog sheet, not a worksheet: choose another "
		     "with --sheet",
		     (size_t)i + 1);
		goto out;
	}
	x->sheets[i].target = resolve(book, r->target);
	if ((r = rel_by_type(x, "/styles")) != NULL) {
		part = resolve(book, r->target);
		if (part_parse(x, part, MAX_SMALL_PART, 0, style_start, style_end, no_text) < 0)
			goto out;
		free(part);
		part = NULL;
	}
	if ((r = rel_by_type(x, "/sharedStrings")) != NULL) {
		part = resolve(book, r->target);
		if ((i = scanner_off ? 0 : sst_plain(x, part)) < 0 ||
		    (i == 0 &&
		     part_parse(x, part, MAX_SST_PART, 0, sst_start, sst_end, cell_text) < 0))
			goto out;
	}
	rc = 0;
out:
	free(book);
	free(rels);
	free(part);
	return rc;
}

/* ------------------------------------------------------------------ sheet */

static void
row_grow(struct xlsx_reader *x)
{
	if (x->nf < x->cap)
		return;
	x->cap = x->cap ? 2 * x->cap : 64;
	x->offs = xreallocarray(x->offs, x->cap, sizeof(*x->offs));
}

/* Add an empty field (a gap, or padding). */
static void
row_add_empty(struct xlsx_reader *x)
{
	row_grow(x);
	x->offs[x->nf++] = x->dst->len;
	strbuf_addch(x->dst, '\0');
}

static void
row_add(struct xlsx_reader *x, const char *s, size_t len)
{
	row_grow(x);
	x->offs[x->nf++] = x->dst->len;
	strbuf_grow(x->dst, len + 1);
	if (len > 0)
		memcpy(x->dst->buf + x->dst->len, s, len);
	x->dst->len += len + 1;
	x->dst->buf[x->dst->len - 1] = '\0';
	x->dst->buf[x->dst->len] = '\0';
	if (len > 0) {
		x->last = x->nf;
		x->last_end = x->dst->len;
	}
}

/*
 * Parse a cell reference "AB12": 0 and the column, or -1. The row's digits
 * are read only when they are not x's row's own (rowtxt).
 */
static int
parse_ref(const struct xlsx_reader *x, const char *s, size_t n, unsigned long *col,
          unsigned long *row)
{
	unsigned long c = 0, r = 0;
	const char *end = s + n;

	if (s == end || !((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')))
		return -1;
	for (; s < end && ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z')); s++) {
		c = c * 26 + (unsigned long)((*s | 0x20) - 'a' + 1);
		if (c > XLSX_MAX_COLS)
			return -1;
	}
	if (s == end || *s < '1' || *s > '9')
		return -1;
	if ((size_t)(end - s) == x->rowlen) {
		size_t i = 0;
		while (i < x->rowlen && s[i] == x->rowtxt[i])
			i++;
		if (i == x->rowlen) {
			*col = c - 1;
			*row = x->row;
			return 0;
		}
	}
	for (; s < end && *s >= '0' && *s <= '9'; s++) {
		r = r * 10 + (unsigned long)(*s - '0');
		if (r > XLSX_MAX_ROWS)
			return -1;
	}
	if (s != end)
		return -1;
	*col = c - 1;
	*row = r;
	return 0;
}

static void
row_begin(struct xlsx_reader *x, const XML_Char **atts)
{
	const char *r = attr(atts, "r");
	unsigned long n = x->prev_row + 1;

	x->rowlen = 0; /* rowtxt is row's text, or nothing */
	if (r != NULL) {
		char *end;
		errno = 0;
		n = strtoul(r, &end, 10);
		if (errno != 0 || *end != '\0' || n == 0 || n > XLSX_MAX_ROWS) {
			fail(x, "%s: a row number is not 1 to %lu", x->path, XLSX_MAX_ROWS);
			return;
		}
	}
	x->row = n;
	if (n <= x->prev_row) {
		fail_cell(x, 0, "rows out of order");
		return;
	}
	if (n > XLSX_MAX_ROWS) {
		fail(x, "%s: more than %lu rows", x->path, XLSX_MAX_ROWS);
		return;
	}
	x->row_open = 1;
	for (; n > 0; n /= 10) /* n (1 to XLSX_MAX_ROWS) in decimal */
		x->rowtxt[x->rowlen++] = (char)('0' + n % 10);
	for (size_t i = 0; i < x->rowlen / 2; i++) {
		char t = x->rowtxt[i];
		x->rowtxt[i] = x->rowtxt[x->rowlen - 1 - i];
		x->rowtxt[x->rowlen - 1 - i] = t;
	}
	x->base = x->last_end = x->dst->len;
	x->nf = x->last = 0;
}

static char none[1]; /* strtoul()'s end when it is not called */

/* Digits only (at most 9): their value; else -1. */
static long
digits(const char *s, size_t n)
{
	long v = 0;
	size_t i;

	if (n == 0 || n > 9)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Is t[0..n) the text w? */
static int
is(const char *t, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(t, w, n) == 0;
}

/* A cell opens: its r, t and s attributes (NULL when absent) and their lengths. */
static void
cell_open(struct xlsx_reader *x, const char *ref, size_t rlen, const char *t, size_t tlen,
          const char *s, size_t slen)
{
	unsigned long col = x->nf, row;
	long style;

	if (ref != NULL) {
		if (parse_ref(x, ref, rlen, &col, &row) != 0 || row != x->row) {
			fail_cell(x, x->nf,
			          "a cell reference is not in its row or beyond column XFD");
			return;
		}
		if (col < x->nf) {
			fail_cell(x, col, "cells out of order");
			return;
		}
	} else if (col >= XLSX_MAX_COLS) {
		fail_cell(x, 0, "more than 16384 columns");
		return;
	}
	x->col = col;
	x->ct = T_NUM;
	if (t != NULL) {
		if (is(t, tlen, "s"))
			x->ct = T_SST;
		else if (is(t, tlen, "b"))
			x->ct = T_BOOL;
		else if (is(t, tlen, "e"))
			x->ct = T_ERR;
		else if (is(t, tlen, "str"))
			x->ct = T_STR;
		else if (is(t, tlen, "inlineStr"))
			x->ct = T_INLINE;
		else if (is(t, tlen, "d"))
			x->ct = T_ISO;
	}
	x->style = 0;
	if (s != NULL && (style = digits(s, slen)) >= 0) {
		x->style = (unsigned)style;
	} else if (s != NULL) { /* as strtoul() reads it */
		char *z = xstrndup(s, slen);
		x->style = (unsigned)strtoul(z, NULL, 10);
		free(z);
	}
	x->in_cell = 1;
	strbuf_reset(&x->cell);
}

static void
cell_begin(struct xlsx_reader *x, const XML_Char **atts)
{
	const char *ref = NULL, *t = NULL, *s = NULL;
	const XML_Char **a;

	for (a = atts; a[0] != NULL; a += 2) {
		if (a[0][0] == 'r' && a[0][1] == '\0')
			ref = a[1];
		else if (a[0][0] == 't' && a[0][1] == '\0')
			t = a[1];
		else if (a[0][0] == 's' && a[0][1] == '\0')
			s = a[1];
	}
	cell_open(x, ref, ref != NULL ? strlen(ref) : 0, t, t != NULL ? strlen(t) : 0, s,
	          s != NULL ? strlen(s) : 0);
}

/* dates_format() without printf: a sheet may hold a million dates. */
static void
iso_date(date_t t, char iso[DATES_ISO_LEN])
{
	int y, m, d;

	dates_to_ymd(t, &y, &m, &d);
	if (y < 0 || y > 9999) {
		dates_format(t, iso);
		return;
	}
	iso[0] = (char)('0' + y / 1000);
	iso[1] = (char)('0' + y / 100 % 10);
	iso[2] = (char)('0' + y / 10 % 10);
	iso[3] = (char)('0' + y % 10);
	iso[4] = '-';
	iso[5] = (char)('0' + m / 10);
	iso[6] = (char)('0' + m % 10);
	iso[7] = '-';
	iso[8] = (char)('0' + d / 10);
	iso[9] = (char)('0' + d % 10);
	iso[10] = '\0';
}

/* Write a serial day number shown as kind into buf; 0, or -1 if no date. */
/* s (0 <= s < 86400) rounded to the nearest whole second, halves up (lround without libm). */
static long
round_seconds(double s)
{
	long whole = (long)s;

	return s - (double)whole >= 0.5 ? whole + 1 : whole;
}

static int
serial_text(const struct xlsx_reader *x, double v, enum kind kind, char *buf, size_t sz)
{
	double days = floor(v);
	long secs, d;
	char iso[DATES_ISO_LEN];

	if (!isfinite(v) || v < 0 || v >= 2958466.0)
		return -1;
	secs = round_seconds((v - days) * 86400.0);
	d = (long)days;
	if (secs >= 86400) {
		secs -= 86400;
		d++;
	}
	if (kind == K_TIME) {
		if (secs % 60)
			snprintf(buf, sz, "%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60,
			         secs % 60);
		else
			snprintf(buf, sz, "%02ld:%02ld", secs / 3600, secs / 60 % 60);
		return 0;
	}
	if (x->date1904)
		d -= 24107;
	else if (d == 60) {
		snprintf(buf, sz, "1900-02-29"); /* Excel's day that never was */
		return 0;
	} else
		d -= d < 60 ? 25568 : 25569;
	iso_date((date_t)d, iso);
	if ((kind == K_DATE || secs == 0) && sz >= DATES_ISO_LEN)
		memcpy(buf, iso, DATES_ISO_LEN);
	else if (kind == K_DATE || secs == 0)
		snprintf(buf, sz, "%s", iso);
	else if (secs % 60)
		snprintf(buf, sz, "%s %02ld:%02ld:%02ld", iso, secs / 3600, secs / 60 % 60,
		         secs % 60);
	else
		snprintf(buf, sz, "%s %02ld:%02ld", iso, secs / 3600, secs / 60 % 60);
	return 0;
}

/*
 * The cell's value, s[0..len) (NUL-terminated when nul), as text into the
 * record.
 */
static void
cell_value(struct xlsx_reader *x, const char *s, size_t len, int nul)
{
	char buf[64];
	unsigned long i;
	long d;

	x->in_cell = 0;
	d = digits(s, len);
	if (len > 0 && !nul && d < 0 && (x->ct == T_SST || x->ct == T_NUM)) {
		/* strtoul() and strtod() below want the NUL */
		strbuf_reset(&x->cell);
		strbuf_add(&x->cell, s, len);
		s = x->cell.buf;
	}
	if (len > 0) {
		switch (x->ct) {
		case T_SST: {
			char *end = none;
			unsigned long k;
			errno = 0;
			if (d >= 0)
				k = (unsigned long)d;
			else
				k = strtoul(s, &end, 10);
			if (errno != 0 || *end != '\0' || k >= x->nsst) {
				fail_cell(x, x->col, "refers to a shared string that is not there");
				return;
			}
			s = x->sst + x->sst_off[k];
			len = x->sst_off[k + 1] - x->sst_off[k];
			break;
		}
		case T_BOOL:
			s = is(s, len, "0") ? "FALSE" : "TRUE";
			len = strlen(s);
			break;
		case T_NUM: {
			enum kind k = x->style < x->nxf ? (enum kind)x->xfkind[x->style] : K_PLAIN;
			char *end = none;
			double v = d >= 0 ? (double)d : strtod(s, &end);
			if (*end != '\0' || end == s) {
				fail_cell(x, x->col, "a number cell holds no number");
				return;
			}
			if (k != K_PLAIN && serial_text(x, v, k, buf, sizeof buf) == 0) {
				s = buf;
				len = strlen(buf);
			} else if (d < 0 && strpbrk(s, "eE") != NULL && fabs(v) < 1e15 &&
			           v == floor(v)) {
				snprintf(buf, sizeof buf, "%.0f", v); /* 1.23E+11 as digits */
				s = buf;
				len = strlen(buf);
			}
			break;
		}
		case T_ISO: /* 2015-03-01T00:00:00 */
			if (len >= 10 && len < sizeof buf) {
				memcpy(buf, s, len);
				buf[len] = '\0';
				if (len >= 16 && buf[10] == 'T')
					buf[10] = ' ';
				if (len >= 19 && strcmp(buf + 10, " 00:00:00") == 0)
					buf[10] = '\0';
				else if (len >= 16)
					buf[16] = '\0';
				s = buf;
				len = strlen(buf);
			}
			break;
		default:
			break;
		}
	}
	if (x->col > x->nf) {
		x->pad += x->col - x->nf;
		if (x->pad > 64 * x->xmlbytes + ((uint64_t)1 << 20)) {
			fail_cell(x, x->col, "too many empty cells for the sheet's size");
			return;
		}
	}
	for (i = x->nf; i < x->col; i++)
		row_add_empty(x);
	row_add(x, s, len);
	if (x->dst->len - x->base > x->max_record)
		fail_cell(x, x->col, "row larger than the record limit");
}

static void
cell_end(struct xlsx_reader *x)
{
	cell_value(x, x->cell.buf, x->cell.len, 1);
}

static void
row_end(struct xlsx_reader *x)
{
	size_t i, n;

	x->row_open = 0;
	x->prev_row = x->row;
	/* drop empty cells after the last value, then pad to the header's width */
	if (x->last < x->nf) {
		x->dst->len = x->last > 0 ? x->last_end : x->base;
		x->dst->buf[x->dst->len] = '\0';
		x->nf = x->last;
	}
	x->rec.flags = x->nf == 0 ? CSVIO_BLANK : 0;
	if (x->width == 0 && x->nf > 0)
		x->width = x->nf;
	n = x->width > 0 ? x->width : 1;
	while (x->nf < n)
		row_add_empty(x);
	if (x->reccap < x->cap) {
		x->reccap = x->cap;
		x->rec.fields = xreallocarray(x->rec.fields, x->reccap, sizeof(*x->rec.fields));
		x->rec.lens = xreallocarray(x->rec.lens, x->reccap, sizeof(*x->rec.lens));
	}
	for (i = 0; i < x->nf; i++) {
		x->rec.fields[i] = x->dst->buf + x->offs[i];
		x->rec.lens[i] = (i + 1 < x->nf ? x->offs[i + 1] : x->dst->len) - x->offs[i] - 1;
	}
	x->rec.nfields = x->nf;
	x->rec.line = x->row;
	x->rec.lines = 1;
	x->rec.bad_field = 0;
	x->row_ready = 1;
	if (x->xp != NULL)
		XML_StopParser(x->xp, XML_TRUE);
}

/*
 * An element of the sheet opens (atts given) or closes (atts NULL): n is its
 * local name, plain when it has no prefix.
 */
static void
sheet_elem(struct xlsx_reader *x, const char *n, const XML_Char **atts, int plain)
{
	int open = atts != NULL;

	switch (n[0]) {
	case 'c':
		if (n[1] == '\0' && open && x->row_open)
			cell_begin(x, atts);
		else if (n[1] == '\0' && !open && x->in_cell)
			cell_end(x);
		break;
	case 'v':
		if (n[1] == '\0')
			x->in_v = open && x->in_cell;
		break;
	case 't':
		if (n[1] == '\0')
			x->in_t = open && x->in_is;
		break;
	case 'i':
		if (strcmp(n, "is") == 0)
			x->in_is = open && x->in_cell;
		break;
	case 'r':
		if (strcmp(n, "row") == 0 && open && x->in_data)
			row_begin(x, atts);
		else if (strcmp(n, "row") == 0 && !open && x->row_open)
			row_end(x);
		else if (strcmp(n, "rPh") == 0)
			x->in_rph = open;
		break;
	case 's':
		if (strcmp(n, "sheetData") == 0) {
			x->in_data = open;
			if (open && plain && x->xp != NULL && !x->scan_done && !x->not_utf8 &&
			    !scanner_off)
				want_scanner(x);
		}
		break;
	case 'm':
		if (open && strcmp(n, "mergeCell") == 0) {
			const char *ref = attr(atts, "ref");
			if (x->nmerges++ == 0 && ref != NULL)
				snprintf(x->merge, sizeof x->merge, "%s", ref);
		}
		break;
	default:
		break;
	}
}

static void
sheet_tag(struct xlsx_reader *x, const char *name, const XML_Char **atts)
{
	const char *n = strchr(name, ':') != NULL ? local(name) : name;

	sheet_elem(x, n, atts, n == name);
}

/* The scanner's events: names without a prefix, of the elements of rows. */
static void
scan_start(void *ud, const char *name, const char **atts)
{
	sheet_elem(ud, name, atts, 1);
}

static void
scan_end(void *ud, const char *name)
{
	sheet_elem(ud, name, NULL, 1);
}

static void
sheet_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct xlsx_reader *x = ud;

	if (x->root == NULL)
		x->root = xstrdup(name);
	sheet_tag(ud, name, atts);
}

static void
sheet_end(void *ud, const XML_Char *name)
{
	sheet_tag(ud, name, NULL);
}

/* ------------------------------------------------------------------ API */

static struct xlsxzip *
zip_from(struct xlsx_reader *x, FILE *fp, uint64_t start)
{
	struct xlsxzip *z = xlsxzip_open(fp, start, &x->zerr);

	if (z == NULL)
		fail(x, "not a readable workbook: %s", x->zerr.buf);
	return z;
}

/* Copy a workbook from a pipe into an unnamed temporary file. */
static FILE *
spool(struct xlsx_reader *x, const unsigned char *head, size_t n, FILE *fp)
{
	FILE *tmp = tmpfile();
	char buf[65536];
	size_t k;
	uint64_t total = n;

	if (tmp == NULL) {
		fail(x, "cannot make a temporary file for the workbook: %s", strerror(errno));
		return NULL;
	}
	fwrite(head, 1, n, tmp);
	while ((k = fread(buf, 1, sizeof buf, fp)) > 0) {
		total += k;
		if (total > MAX_SPOOL) {
			fclose(tmp);
			fail(x, "workbook over %llu MiB on standard input",
			     (unsigned long long)(MAX_SPOOL >> 20));
			return NULL;
		}
		fwrite(buf, 1, k, tmp);
	}
	if (ferror(fp) || fflush(tmp) != 0 || ferror(tmp) || fseek(tmp, 0, SEEK_SET) != 0) {
		fclose(tmp);
		fail(x, "cannot copy the workbook: %s", strerror(errno));
		return NULL;
	}
	return tmp;
}

/* A stream that gives back the bytes looked at, then the rest of fp. */
struct replay {
	unsigned char head[8];
	size_t n, pos;
	FILE *fp;
};

static ssize_t
replay_read(void *cookie, char *buf, size_t size)
{
	struct replay *r = cookie;
	size_t k;

	if (r->pos < r->n) {
		k = r->n - r->pos < size ? r->n - r->pos : size;
		memcpy(buf, r->head + r->pos, k);
		r->pos += k;
		return (ssize_t)k;
	}
	k = fread(buf, 1, size, r->fp);
	return k == 0 && ferror(r->fp) ? -1 : (ssize_t)k;
}

static int
replay_close(void *cookie)
{
	free(cookie);
	return 0;
}

int
xlsx_sniff(FILE *fp, const char *name, struct xlsx_reader **xl, FILE **replay)
{
	unsigned char head[8];
	size_t n;
	long pos = ftell(fp);
	int sig;
	struct xlsx_reader *x;
	FILE *zf;

	*xl = NULL;
	*replay = NULL;
	n = fread(head, 1, sizeof head, fp);
	sig = xlsx_signature(head, n);
	if (sig == 0) {
		if (pos >= 0 && fseek(fp, pos, SEEK_SET) == 0) {
			clearerr(fp);
			return 0;
		}
		struct replay *r = xcalloc(1, sizeof(*r));
		cookie_io_functions_t io = {replay_read, NULL, NULL, replay_close};
		memcpy(r->head, head, n);
		r->n = n;
		r->fp = fp;
		if ((*replay = fopencookie(r, "rb", io)) == NULL) {
			free(r);
			return 0; /* csvio reads fp and loses nothing but these bytes: rare */
		}
		return 0;
	}
	x = xcalloc(1, sizeof(*x));
	x->name = xstrdup(name != NULL ? name : "<stdin>");
	strbuf_init(&x->err);
	strbuf_init(&x->zerr);
	strbuf_init(&x->cell);
	xlsxscan_init(&x->scan);
	*xl = x;
	if (sig == 2) {
		fail(x,
		     "an OLE2 file (a legacy Excel 97-2003 .xls, or a password-protected "
		     "workbook): not read; save it as Excel Workbook (.xlsx) without a password, "
		     "or as CSV UTF-8");
		return 1;
	}
	if (pos >= 0 && fseek(fp, pos, SEEK_SET) == 0) {
		int fd = dup(fileno(fp));
		if (fd < 0 || (zf = fdopen(fd, "rb")) == NULL) {
			if (fd >= 0)
				close(fd);
			fail(x, "cannot read the workbook: %s", strerror(errno));
			return 1;
		}
	} else if ((zf = spool(x, head, n, fp)) == NULL) {
		return 1;
	} else {
		pos = 0;
	}
	if ((x->zip = zip_from(x, zf, (uint64_t)pos)) == NULL)
		return 1;
	if (open_book(x) == 0) {
		const char *target = NULL;
		size_t i;
		for (i = 0; i < x->nsheets; i++)
			if (x->sheets[i].target != NULL)
				target = x->sheets[i].target;
		if (part_open(x, target, MAX_SHEET_PART, 1, sheet_start, sheet_end, cell_text) >
		    0) {
			struct strbuf ref;
			strbuf_init(&ref);
			add_sheet_ref(&ref, x->sheet);
			diag_sheet(x->name, ref.buf);
			strbuf_free(&ref);
		}
	}
	free_rels(x);
	return 1;
}

int
xlsx_next(struct xlsx_reader *x, struct strbuf *dst, size_t max_record, struct csvio_record **rec)
{
	int rc;

	if (x->fatal)
		return -1;
	if (x->done)
		return 0;
	x->dst = dst;
	x->max_record = max_record;
	x->row_ready = 0;
	while ((rc = part_run(x)) > 0)
		if (x->row_ready) {
			*rec = &x->rec;
			return 1;
		}
	if (rc < 0)
		return -1;
	x->done = 1;
	if (x->nmerges > 0) {
		struct strbuf sb;
		strbuf_init(&sb);
		add_sheet_ref(&sb, x->sheet);
		fail(x,
		     "%s!%s: %lu merged cell range%s: a merged cell's value is in its first cell "
		     "only; unmerge %s and fill each cell",
		     sb.buf, x->merge, x->nmerges, x->nmerges > 1 ? "s" : "",
		     x->nmerges > 1 ? "them" : "it");
		strbuf_free(&sb);
		return -1;
	}
	return 0;
}

const char *
xlsx_error(const struct xlsx_reader *x)
{
	return x->err.buf;
}

unsigned long
xlsx_rows(const struct xlsx_reader *x)
{
	return x->prev_row;
}

const char *
xlsx_sheet_name(const struct xlsx_reader *x)
{
	return x->sheet;
}

void
xlsx_close(struct xlsx_reader *x)
{
	size_t i;

	if (x == NULL)
		return;
	part_close(x);
	if (x->zip != NULL)
		xlsxzip_close(x->zip);
	free_rels(x);
	for (i = 0; i < x->nsheets; i++) {
		free(x->sheets[i].name);
		free(x->sheets[i].rid);
		free(x->sheets[i].target);
	}
	free(x->sheets);
	free(x->sheet);
	free(x->name);
	free(x->path);
	free(x->xfkind);
	free(x->fmtid);
	pages_free(x->sst, x->sstbytes, 1);
	pages_free(x->sst_off, x->sstcap, sizeof(*x->sst_off));
	free(x->offs);
	free(x->rec.fields);
	free(x->rec.lens);
	strbuf_free(&x->err);
	strbuf_free(&x->zerr);
	strbuf_free(&x->cell);
	xlsxscan_free(&x->scan);
	free(x->pend);
	free(x->root);
	free(x);
}
