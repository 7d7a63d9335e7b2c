/*
 * test_xlsx.c: Excel workbooks read through csvio_open(): cell types, the
 * 1900 and 1904 date systems, sheet choice (hidden sheets, names, numbers),
 * workbooks LibreOffice saved (data/xlsx/lo-*.xlsx, made from data/xlsx/src),
 * merged cells refused, hostile workbooks (../hostile/xlsx), a sheet of
 * 1,048,576 rows streamed and one row more refused, pipes, the arena, a
 * part only zlib refuses (zlib's reason given).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>
#include <zlib.h>

#include "core/csvio.h"
#include "core/strbuf.h"
#include "core/xlsx.h"

#define MAXREC 8

/* Read every record of fp as "LINE [f1|f2|...]" into out; rc of the last csvio_next(). */
static int
read_all(FILE *fp, const char *name, const char *sheet, char out[][256], size_t *n,
         struct strbuf *err)
{
	struct csvio_reader *r;
	struct csvio_record *rec;
	int rc;

	xlsx_select_sheet(sheet);
	r = csvio_open(fp, name, 0);
	*n = 0;
	while ((rc = csvio_next(r, &rec)) > 0) {
		struct strbuf sb;
		size_t i;
		strbuf_init(&sb);
		strbuf_printf(&sb, "%lu%s [", rec->line, rec->flags & CSVIO_BLANK ? "B" : "");
		for (i = 0; i < rec->nfields; i++) {
			if (rec->fields[i][rec->lens[i]] != '\0') /* ck_assert is slow in a loop */
				ck_abort_msg("line %lu field %zu: no NUL at its length", rec->line,
				             i);
			strbuf_printf(&sb, "%s%s", i ? "|" : "", rec->fields[i]);
		}
		strbuf_addch(&sb, ']');
		if (*n < MAXREC)
			snprintf(out[*n], 256, "%s", sb.buf);
		(*n)++;
		strbuf_free(&sb);
	}
	if (rc < 0 && err != NULL)
		strbuf_adds(err, csvio_error(r));
	csvio_close(r);
	xlsx_select_sheet(NULL);
	return rc;
}

static int
read_file(const char *path, const char *sheet, char out[][256], size_t *n, struct strbuf *err)
{
	FILE *fp = fopen(path, "rb");
	int rc;

	ck_assert_msg(fp != NULL, "cannot open %s", path);
	rc = read_all(fp, path, sheet, out, n, err);
	fclose(fp);
	return rc;
}

START_TEST(test_cell_types)
{
	char out[MAXREC][256];
	size_t n;

	/* the first sheet is hidden: the first visible one is read */
	ck_assert_int_eq(read_file("data/xlsx/a.xlsx", NULL, out, &n, NULL), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(out[0], "1 [Case ID|Date|flag|Notes]");
	ck_assert_str_eq(out[1], "3 [123456789012|2024-01-01|TRUE|=cmd|x]");
	ck_assert_str_eq(out[2], "4 [1500|2024-01-01 12:00||#N/A]");
	ck_assert_int_eq(read_file("data/xlsx/a.xlsx", "1", out, &n, NULL), 0);
	ck_assert_str_eq(out[0], "1 [9]");
	ck_assert_int_eq(read_file("data/xlsx/a.xlsx", "hidden", out, &n, NULL), 0);
	ck_assert_str_eq(out[0], "1 [9]");
	ck_assert_int_eq(read_file("data/xlsx/a.xlsx", "2", out, &n, NULL), 0);
	ck_assert_str_eq(out[0], "1 [Case ID|Date|flag|Notes]");
}
END_TEST

START_TEST(test_date_systems)
{
	char out[MAXREC][256];
	size_t n;

	ck_assert_int_eq(read_file("data/xlsx/b1904.xlsx", NULL, out, &n, NULL), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(out[1], "2 [1904-01-01]");
	ck_assert_str_eq(out[2], "3 [2024-01-01]");
	/* LibreOffice: the same data saved in each date system, a hidden sheet after */
	ck_assert_int_eq(read_file("data/xlsx/lo-1904.xlsx", NULL, out, &n, NULL), 0);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(out[0], "1 [Case ID|Date of birth|Count|Flag]");
	ck_assert_str_eq(out[1], "2 [CA00012345|2013-11-23|42|1]");
	ck_assert_str_eq(out[2], "3 [CA00012346|1904-01-02|0.5|]");
	ck_assert_int_eq(read_file("data/xlsx/lo-1900.xlsx", NULL, out, &n, NULL), 0);
	ck_assert_str_eq(out[1], "2 [CA00012345|2013-11-23|42|1]");
	ck_assert_str_eq(out[2], "3 [CA00012346|1904-01-02|0.5|]");
	ck_assert_int_eq(read_file("data/xlsx/lo-1900.xlsx", "Notes", out, &n, NULL), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(out[0], "1 [hidden sheet]");
}
END_TEST

static const struct {
	const char *path, *error;
} refused[] = {
    {"data/xlsx/merge.xlsx", "S!A1:B1: 1 merged cell range"},
    {"data/xlsx/lo-merged.xlsx", "Sheet1!A1:B1: 1 merged cell range"},
    {"../hostile/xlsx/badzip.xlsx", "not a readable workbook"},
    {"../hostile/xlsx/truncated.xlsx", "not a readable workbook"},
    {"../hostile/xlsx/bomb.xlsx", "(a ZIP bomb?)"},
    {"../hostile/xlsx/bomb-lies.xlsx", "larger than the archive says"},
    {"../hostile/xlsx/laughs.xlsx", "document type declaration"},
    {"../hostile/xlsx/laughs-sheet.xlsx", "document type declaration"},
    {"../hostile/xlsx/bigcell.xlsx", "S!A2: cell longer than Excel's 32767 characters"},
    {"../hostile/xlsx/wide.xlsx", "beyond column XFD"},
    {"../hostile/xlsx/disorder.xlsx", "S!A2: rows out of order"},
    {"../hostile/xlsx/nosst.xlsx", "S!A1: refers to a shared string"},
    {"../hostile/xlsx/legacy.xlsx", "legacy Excel 97-2003 .xls"},
};

START_TEST(test_refused)
{
	char out[MAXREC][256];
	size_t n;
	struct strbuf err;

	strbuf_init(&err);
	ck_assert_int_eq(read_file(refused[_i].path, NULL, out, &n, &err), -1);
	ck_assert_msg(strstr(err.buf, refused[_i].error) != NULL, "%s: got \"%s\"",
	              refused[_i].path, err.buf);
	strbuf_free(&err);
}
END_TEST

START_TEST(test_no_such_sheet)
{
	char out[MAXREC][256];
	size_t n;
	struct strbuf err;

	strbuf_init(&err);
	ck_assert_int_eq(read_file("data/xlsx/lo-1904.xlsx", "3", out, &n, &err), -1);
	ck_assert_str_eq(err.buf, "--sheet: no such sheet (the workbook has 2: 'Annex A', Notes)");
	strbuf_free(&err);
}
END_TEST

/* A workbook and a CSV through a pipe (not seekable). */
START_TEST(test_pipe)
{
	char out[MAXREC][256];
	size_t n;
	FILE *fp = popen("cat data/xlsx/a.xlsx", "r");

	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(read_all(fp, "<stdin>", NULL, out, &n, NULL), 0);
	pclose(fp);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(out[2], "4 [1500|2024-01-01 12:00||#N/A]");
	fp = popen("printf 'a,b\\n1,\"2\"\\n'", "r");
	ck_assert_ptr_nonnull(fp);
	ck_assert_int_eq(read_all(fp, "<stdin>", NULL, out, &n, NULL), 0);
	pclose(fp);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(out[0], "1 [a|b]");
	ck_assert_str_eq(out[1], "2 [1|2]");
}
END_TEST

/* With an arena, each row's fields lie end to end after what it held. */
START_TEST(test_arena)
{
	FILE *fp = fopen("data/xlsx/a.xlsx", "rb");
	struct csvio_reader *r;
	struct csvio_record *rec;
	struct strbuf arena;
	size_t i, before;

	ck_assert_ptr_nonnull(fp);
	strbuf_init(&arena);
	strbuf_adds(&arena, "xyz");
	r = csvio_open(fp, "a.xlsx", 0);
	csvio_set_arena(r, &arena);
	while (before = arena.len, csvio_next(r, &rec) > 0) {
		ck_assert_ptr_eq(rec->fields[0], arena.buf + before);
		for (i = 0; i + 1 < rec->nfields; i++)
			ck_assert_ptr_eq(rec->fields[i + 1], rec->fields[i] + rec->lens[i] + 1);
		ck_assert_ptr_eq(rec->fields[i] + rec->lens[i] + 1, arena.buf + arena.len);
	}
	ck_assert_int_eq(memcmp(arena.buf, "xyz", 3), 0);
	csvio_close(r);
	fclose(fp);
	strbuf_free(&arena);
}
END_TEST

/* A workbook of one sheet from its XML (stored, not compressed), in a temporary file. */
/* A workbook of one sheet and, when sst is not NULL, shared strings. */
static FILE *
book_sst(const char *sheet_xml, size_t len, const char *sst)
{
	static const char rels[] =
	    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rId1\" "
	    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	    "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
	static const char wb[] =
	    "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Big\" sheetId=\"1\" r:id=\"rId1\"/>"
	    "</sheets></workbook>";
	static const char wbrels[] =
	    "<Relationships><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
	    "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
	    "2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>";
	char path[] = "/tmp/test_xlsx.XXXXXX";
	int fd = mkstemp(path), err;
	zip_int64_t idx;
	zip_t *z;
	FILE *fp;

	ck_assert_int_ge(fd, 0);
	close(fd);
	z = zip_open(path, ZIP_TRUNCATE, &err);
	ck_assert_ptr_nonnull(z);
	ck_assert_int_ge(
	    zip_file_add(z, "_rels/.rels", zip_source_buffer(z, rels, strlen(rels), 0), 0), 0);
	ck_assert_int_ge(
	    zip_file_add(z, "xl/workbook.xml", zip_source_buffer(z, wb, strlen(wb), 0), 0), 0);
	ck_assert_int_ge(zip_file_add(z, "xl/_rels/workbook.xml.rels",
	                              zip_source_buffer(z, wbrels, strlen(wbrels), 0), 0),
	                 0);
	idx =
	    zip_file_add(z, "xl/worksheets/sheet1.xml", zip_source_buffer(z, sheet_xml, len, 0), 0);
	ck_assert_int_ge(idx, 0);
	ck_assert_int_eq(zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0), 0);
	if (sst != NULL)
		ck_assert_int_ge(zip_file_add(z, "xl/sharedStrings.xml",
		                              zip_source_buffer(z, sst, strlen(sst), 0), 0),
		                 0);
	ck_assert_int_eq(zip_close(z), 0);
	fp = fopen(path, "rb");
	unlink(path);
	ck_assert_ptr_nonnull(fp);
	return fp;
}

static FILE *
book(const char *sheet_xml, size_t len)
{
	return book_sst(sheet_xml, len, NULL);
}

/* Excel's 1,048,576 rows are streamed; a row beyond is refused. */
/* A little-endian field of n bytes at p. */
static void
put_le(unsigned char *p, unsigned long v, int n)
{
	int i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/*
 * Shared strings deflated with an incomplete Huffman code (they inflate to
 * "ab", which is not their XML): ISA-L inflates what zlib refuses, and the
 * reason given is zlib's, as it was when zlib inflated the parts.
 */
START_TEST(test_zlib_reason)
{
	/* "ab" in one dynamic block whose literal/length code is incomplete */
	static const unsigned char stream[] = {0x05, 0xc0, 0x01, 0x09, 0x00, 0x00, 0x00,
	                                       0x80, 0xa0, 0xad, 0xf5, 0x7f, 0x44, 0x62};
	static const char sheet[] = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\">"
	                            "<v>0</v></c></row></sheetData></worksheet>";
	static const char name[] = "xl/sharedStrings.xml";
	char out[MAXREC][256];
	unsigned char *b;
	size_t n, len, i;
	long at = -1;
	struct strbuf err;
	FILE *fp =
	    book_sst(sheet, strlen(sheet),
	             "<sst><si><t>Case ID, 0123456789 abcdefghijklmnopqrstuvwxyz</t></si></sst>");

	ck_assert_int_eq(fseek(fp, 0, SEEK_END), 0);
	len = (size_t)ftell(fp);
	rewind(fp);
	b = malloc(len);
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(fread(b, 1, len, fp), len);
	fclose(fp);
	for (i = 0; i + 46 < len; i++) /* the shared strings' central directory entry */
		if (memcmp(b + i, "PK\1\2", 4) == 0 && b[i + 28] == sizeof name - 1 &&
		    memcmp(b + i + 46, name, sizeof name - 1) == 0)
			at = (long)i;
	ck_assert_int_ge(at, 0);
	{
		unsigned char *cd = b + at;
		size_t lo = (size_t)cd[42] | (size_t)cd[43] << 8 | (size_t)cd[44] << 16;
		size_t data =
		    lo + 30 + (b[lo + 26] | b[lo + 27] << 8) + (b[lo + 28] | b[lo + 29] << 8);
		ck_assert_uint_ge((size_t)(cd[20] | cd[21] << 8), sizeof stream);
		put_le(cd + 10, 8, 2);
		put_le(cd + 16, crc32(0, (const Bytef *)"ab", 2), 4);
		put_le(cd + 20, sizeof stream, 4);
		put_le(cd + 24, 2, 4);
		memcpy(b + data, stream, sizeof stream);
	}
	fp = tmpfile();
	ck_assert_ptr_nonnull(fp);
	ck_assert_uint_eq(fwrite(b, 1, len, fp), len);
	rewind(fp);
	free(b);
	strbuf_init(&err);
	ck_assert_int_eq(read_all(fp, "z.xlsx", NULL, out, &n, &err), -1);
	ck_assert_msg(strstr(err.buf, "xl/sharedStrings.xml: bad compressed data: the archive is "
	                              "damaged") != NULL,
	              "got \"%s\"", err.buf);
	fclose(fp);
	strbuf_free(&err);
}
END_TEST

START_TEST(test_max_rows)
{
	struct strbuf xml;
	unsigned long r;
	char out[MAXREC][256];
	size_t n;
	struct strbuf err;
	FILE *fp;

	strbuf_init(&xml);
	strbuf_init(&err);
	strbuf_adds(&xml, "<worksheet><sheetData>");
	strbuf_adds(&xml, "<row><c><v>1</v></c></row>");
	for (r = 2; r <= XLSX_MAX_ROWS; r++)
		strbuf_add(&xml, "<row><c><v>2</v></c></row>", 26);
	strbuf_adds(&xml, "</sheetData></worksheet>");
	fp = book(xml.buf, xml.len);
	ck_assert_int_eq(read_all(fp, "big.xlsx", NULL, out, &n, NULL), 0);
	fclose(fp);
	ck_assert_uint_eq(n, XLSX_MAX_ROWS);
	ck_assert_str_eq(out[1], "2 [2]");
	xml.len -= strlen("</sheetData></worksheet>");
	strbuf_adds(&xml, "<row><c><v>1</v></c></row></sheetData></worksheet>");
	fp = book(xml.buf, xml.len);
	ck_assert_int_eq(read_all(fp, "big.xlsx", NULL, out, &n, &err), -1);
	fclose(fp);
	ck_assert_msg(strstr(err.buf, "more than 1048576 rows") != NULL, "%s", err.buf);
	strbuf_free(&xml);
	strbuf_free(&err);
}
END_TEST

/* Every record of fp, and the error, as text; the rc of the last read. */
static int
read_text(FILE *fp, struct strbuf *out)
{
	struct csvio_reader *r = csvio_open(fp, "t.xlsx", 0);
	struct csvio_record *rec;
	int rc;

	while ((rc = csvio_next(r, &rec)) > 0) {
		strbuf_printf(out, "%lu%s:", rec->line, rec->flags & CSVIO_BLANK ? "B" : "");
		for (size_t i = 0; i < rec->nfields; i++) {
			strbuf_add(out, rec->fields[i], rec->lens[i]);
			strbuf_addch(out, '|');
		}
		strbuf_addch(out, '\n');
	}
	if (rc < 0)
		strbuf_printf(out, "error: %s\n", csvio_error(r));
	csvio_close(r);
	return rc;
}

/* Read fp with the scanners (into a) and with expat alone (into b): the same, and fp closed. */
static void
both_ways(FILE *fp, struct strbuf *a, struct strbuf *b, const char *what, int i)
{
	int ra = read_text(fp, a), rb;

	rewind(fp);
	xlsx_use_scanner(0);
	rb = read_text(fp, b);
	xlsx_use_scanner(1);
	fclose(fp);
	ck_assert_int_eq(ra, rb);
	ck_assert_msg(strcmp(a->buf, b->buf) == 0, "%s %d:\nscanner:\n%s\nexpat:\n%s", what, i,
	              a->buf, b->buf);
}

/* Sheets the row scanner takes, and sheets it hands back to expat, whole or in part. */
static const char *const scan_sheets[] = {
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a&amp;b &lt;&gt;"
    "&quot;&apos; &#233;&#x1F600; \xc3\xa9\xe2\x82\xac</t></is></c><c r=\"B1\"><v>1.5</v></c>"
    "<c r=\"D1\" t=\"b\"><v>1</v></c></row><row r=\"3\"><c r=\"C3\" t=\"str\"><f>A1</f><v>x"
    "</v></c></row></sheetData></worksheet>",
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"ns\" "
    "xmlns:x14ac=\"x\"><dimension ref=\"A1:B2\"/><sheetData>\n<row r='1' spans='1:2' "
    "x14ac:dyDescent='0.25' ><c r='A1' t='inlineStr' ><is><t xml:space='preserve'> a b </t>"
    "</is></c ><c r='B1' s='0'/></row >\n<row r='2'/>\n<row r='4'><c r='B4'><v/></c><c "
    "r='C4'><f t='shared' si='0'/><v>2</v></c></row></sheetData><pageMargins left='0.7'/>"
    "</worksheet>",
    /* a comment between rows, then one in a cell, CDATA, rich text, a carriage return */
    "<worksheet><sheetData><row><c><v>1</v></c></row><!-- x --><row><c><v>2</v></c></row>"
    "<row><c><v>3<!-- y --></v></c></row><row><c t=\"inlineStr\"><is><r><t>a</t></r><r><t>b"
    "</t></r></is></c></row><row><c t=\"str\"><v><![CDATA[<z>]]></v></c></row><row><c "
    "t=\"inlineStr\"><is><t>p\r\nq\rr</t></is></c></row><row><c><v>9</v></c></row>"
    "</sheetData></worksheet>",
    "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row>"
    "</sheetData></worksheet>",
    "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>a\xff</t></is></c></row>"
    "</sheetData></worksheet>",
    "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>a]]>b</t></is></c></row>"
    "</sheetData></worksheet>",
    "<worksheet><sheetData><row><c r=\"A1\" r=\"B1\"><v>1</v></c></row></sheetData>"
    "</worksheet>",
    "<worksheet><sheetData><row><c><v>1</v></row></sheetData></worksheet>",
    "<worksheet><sheetData/></worksheet>",
    "<x:worksheet xmlns:x=\"ns\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\"><x:v>1</x:v></x:c>"
    "</x:row></x:sheetData></x:worksheet>",
    "<worksheet><sheetData><row><c><v>1</v></c></row>",
    "<worksheet><sheetData><row><c><v>1</v></c><c><v>2</v></c></row></sheetData><mergeCells "
    "count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>",
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><worksheet><sheetData><row><c "
    "t=\"inlineStr\"><is><t>caf\xe9</t></is></c></row></sheetData></worksheet>",
    "<worksheet><sheetData>junk<row><c><v>1</v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row><c r=\"A1\" s=\"0\n\"><v>1</v></c><c r=\"B1\" a=\"x>y\"><v>2"
    "</v></c></row></sheetData></worksheet>",
    "<worksheet>\n<sheetData>\n<row>\n<c>\n<v>1</v>\n</c>\n</row>\n<row>\n<c>\n<v>2</v>\n</c>\n"
    "</row>\n<row>\n<c t=\"inlineStr\"><is><t>&bogus;</t></is></c></row></sheetData>"
    "</worksheet>",
    "<worksheet><sheetData><row><c><v>&#0;</v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row><c r=\"A1\"t=\"b\"><v>1</v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row><c\xc3\xa9><v>1</v></c\xc3\xa9></row></sheetData></worksheet>",
    "<worksheet><sheetData><row><c><v>1</v></c></row></sheetData></worksheet>trailing",
    "<worksheet><sheetData><row><c><v>1</v></c></row></sheetData><sheetData><row><c><v>2</v>"
    "</c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row r=\"2\"><c><v>1</v></c></row><row r=\"2\"><c><v>1</v></c></row>"
    "</sheetData></worksheet>",
    "<worksheet><sheetData><row><c><v>\xed\xa0\x80</v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row><c><v>\xef\xbf\xbe</v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row><c><v>\x01</v></c></row></sheetData></worksheet>",
    /* plain rows (core/xlsxscan's cell list) and their edges */
    "<worksheet><sheetData><row r=\"1\" x14ac:dyDescent=\"0.25\"><c r=\"A1\"/><c r=\"B1\">"
    "</c><c r=\"C1\"><v></v></c><c r=\"D1\" s=\"1x\" t=\"n\"><v>1&#48;</v></c> \t\n<c "
    "r=\"F1\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> &lt;x&gt; </t></is></c><c "
    "t='s' s='-1'><v>0</v></c></row><row x:r=\"3\"><c><v>5</v></c></row><row><c "
    "r=\"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJ4\"><v>1</v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" s=\"a&amp;b\"><v>1</v></c><c r=\"B1\">"
    "<v>2</v> </c><c r=\"C1\" t=\"inlineStr\"><is><t/></is></c><c r=\"D1\" "
    "t=\"inlineStr\"><is><t>a</t><rPh><t>b</t></rPh></is></c></row><row r=\"2\" r=\"3\"/>"
    "</sheetData></worksheet>",
    "<worksheet><sheetData><row r=\"0\"><c><v>1</v></c></row></sheetData></worksheet>",
    /* cells as Excel writes them, each followed by enough bytes for its fast path */
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" s=\"1\" t=\"s\"><v>0</v></c><c r=\"B1\" "
    "t=\"b\" s=\"0\"><v>1</v></c><c r=\"C1\"/><c r=\"D1\" t=\"str\"><v>a b</v></c><c "
    "r=\"E1\" t=\"n\"><v>1.5E+3</v></c><c r=\"F1\" s=\"7\"/><c r=\"G1\" t='s'><v>0</v></c>"
    "<c r=\"H1\" s=\"12345678901234567890123456789012345\"><v>1</v></c>"
    "<c r=\"I1\" t=\"inlineStr\"><is><t>x&gt;y</t></is></c><c r=\"Z1\" "
    "t=\"inlineStr\"><is><t>padding padding padding padding padding padding padding padding "
    "padding padding padding padding padding padding padding padding padding padding padding "
    "padding </t></is></c></row><row r=\"2\"><c "
    "r=\"A2\" s=\"1\" s=\"2\"><v>1</v></c><c r=\"Z1\" t=\"inlineStr\"><is><t>padding padding "
    "padding padding padding padding padding padding padding padding padding padding padding "
    "padding padding padding padding padding padding padding "
    "</t></is></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\" t=\"s\"><v>0</v></c><c r=\"Z1\" "
    "t=\"inlineStr\"><is><t>padding padding padding padding padding padding padding padding "
    "padding padding padding padding padding padding padding padding padding padding padding "
    "padding </t></is></c></row>"
    "</sheetData></worksheet>",
    "<worksheet><sheetData><row r=\"1\"><c r=\"a1\"><v>1</v></c><c r=\"B1\"><v>1</v>"
    "</c ><c r=\"C1\" ><v>2</v></c><c r=\"Z1\" t=\"inlineStr\"><is><t>padding padding padding "
    "padding padding padding padding padding padding padding padding padding padding padding "
    "padding padding padding padding padding padding </t></is></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row><c t=\"S\"><v>1</v></c><c t=\"b\"><v>0</v></c><c "
    "t=\"e\"><v>#N/A</v></c><c t=\"d\"><v>2015-03-01T00:00:00</v></c><c "
    "r=\"A1\"><v>2</v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row><c><v>1</v></c><c><v>2</v></c><c\n/><c\t><v>1e3</v></c></row>"
    "<row><c><v>]]></v></c></row></sheetData></worksheet>",
    "<worksheet><sheetData><row><c r=\"A1\"><v>1</v></c></ro></sheetData></worksheet>",
};

/* The same records and errors with the row scanner and with expat alone. */
START_TEST(test_scanner_same)
{
	struct strbuf a, b, xml;
	const char *sheet = scan_sheets[_i];

	strbuf_init(&a);
	strbuf_init(&b);
	strbuf_init(&xml);
	strbuf_adds(&xml, sheet);
	both_ways(book(xml.buf, xml.len), &a, &b, "sheet", _i);
	ck_assert_uint_eq(a.len, b.len);
	strbuf_free(&a);
	strbuf_free(&b);
	strbuf_free(&xml);
}
END_TEST

#define SST_DECL "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define SST_ROOT "<sst xmlns=\"ns\" count=\"3\" uniqueCount=\"3\">"

/* Shared strings read plain (xlsxscan_si) and handed back to expat. */
static const char *const sst_docs[] = {
    SST_DECL SST_ROOT "<si><t>a &amp; b</t></si><si><t xml:space=\"preserve\"> x </t></si>"
                      "<si><t>caf\xc3\xa9 &#x1F600;</t></si></sst>\r\n ",
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n" SST_ROOT
    "<si><t>one</t></si><si><t></t></si><si><t>three</t></si></sst>",
    SST_DECL SST_ROOT "<si><r><t>a</t></r><r><rPr><b/></rPr><t>b</t></r></si><si><t>2</t></si>"
                      "<si><t>3</t></si></sst>",
    SST_DECL SST_ROOT "<si><t>a</t><rPh sb=\"0\" eb=\"1\"><t>A</t></rPh></si><si><t>2</t></si>"
                      "<si><t>3</t></si></sst>",
    SST_ROOT "<si><t>1</t></si><si><t>2</t></si><si><t>3</t></si></sst>",
    SST_DECL SST_ROOT "<si><t/></si><si><t>2</t></si><si><t>3</t></si></sst>",
    SST_DECL SST_ROOT "<si><t>1</t></si><si><t>2</t></si><si><t>3</t></si></sst><!-- c -->",
    SST_DECL SST_ROOT "<si><t>1</t></si><si><t>2</t></si><si><t>3</t></si></sst>junk",
    SST_DECL SST_ROOT "<si><t>1</t></si><si><t>2</t></si><si><t>3</t></si>",
    SST_DECL SST_ROOT "<si><t>1</t></si><si><t>2</t></si></sst>",
    SST_DECL "<sst/>",
    SST_DECL SST_ROOT "<si><t>1\r2</t></si><si><t>&bad;</t></si><si><t>3</t></si></sst>",
    SST_DECL SST_ROOT "<si><t>1</t></si> <si><t>2</t></si>\n<si><t>3</t></si></sst>",
};

/* The same records and errors with the shared strings read plain and by expat. */
START_TEST(test_sst_same)
{
	static const char sheet[] = "<worksheet><sheetData><row><c t=\"s\"><v>0</v></c><c "
	                            "t=\"s\"><v>1</v></c><c t=\"s\"><v>2</v></c></row>"
	                            "</sheetData></worksheet>";
	struct strbuf a, b, sst;
	int i;

	strbuf_init(&a);
	strbuf_init(&b);
	strbuf_init(&sst);
	if (_i < (int)(sizeof sst_docs / sizeof sst_docs[0])) {
		strbuf_adds(&sst, sst_docs[_i]);
	} else { /* strings over many chunks, then one over Excel's limit */
		strbuf_adds(&sst, SST_DECL SST_ROOT);
		for (i = 0; i < 40000; i++)
			strbuf_printf(&sst, "<si><t>string &lt;%d&gt; \xc3\xa9</t></si>", i);
		if (_i > (int)(sizeof sst_docs / sizeof sst_docs[0])) {
			strbuf_adds(&sst, "<si><t>");
			for (i = 0; i < 33000; i++)
				strbuf_addch(&sst, 'x');
			strbuf_adds(&sst, "</t></si>");
		}
		strbuf_adds(&sst, "</sst>");
	}
	both_ways(book_sst(sheet, strlen(sheet), sst.buf), &a, &b, "sst", _i);
	if (_i == 0)
		ck_assert_str_eq(a.buf, "1:a & b| x |caf\xc3\xa9 \xf0\x9f\x98\x80|\n");
	strbuf_free(&a);
	strbuf_free(&b);
	strbuf_free(&sst);
}
END_TEST

/*
 * Many rows, and rows longer than a chunk, cut anywhere by the chunks: the
 * same records both ways, with an error at the end to check its line.
 */
START_TEST(test_scanner_chunks)
{
	struct strbuf a, b, xml;
	FILE *fp;
	int r, k;

	strbuf_init(&a);
	strbuf_init(&b);
	strbuf_init(&xml);
	strbuf_adds(&xml, "<worksheet><sheetData>");
	for (r = 1; r <= 30000; r++) {
		strbuf_printf(&xml,
		              "<row r=\"%d\"><c r=\"A%d\" t=\"inlineStr\"><is><t>n&amp;%d</t></is>"
		              "</c><c r=\"C%d\"><v>%d.25</v></c></row>%s",
		              r, r, r, r, r, r % 7 == 0 ? "\n" : "");
		if (r % 5000 == 0) {
			strbuf_printf(&xml, "<row r=\"%d\">", ++r);
			for (k = 0; k < 3000; k++)
				strbuf_printf(&xml,
				              "<c t=\"inlineStr\"><is><t>%d \xc3\xa9 long text</t>"
				              "</is></c>",
				              k);
			strbuf_adds(&xml, "</row>\n");
		}
	}
	strbuf_adds(&xml, "<row r=\"40000\"><c><v>&bad;</v></c></row></sheetData></worksheet>");
	fp = book(xml.buf, xml.len);
	ck_assert_int_eq(read_text(fp, &a), -1);
	rewind(fp);
	xlsx_use_scanner(0);
	ck_assert_int_eq(read_text(fp, &b), -1);
	xlsx_use_scanner(1);
	fclose(fp);
	ck_assert_uint_eq(a.len, b.len);
	ck_assert(memcmp(a.buf, b.buf, a.len) == 0);
	ck_assert_msg(strstr(a.buf, "29999:n&29999|") != NULL, "%.200s", a.buf);
	strbuf_free(&a);
	strbuf_free(&b);
	strbuf_free(&xml);
}
END_TEST

Suite *make_suite_xlsx(void);

/* The xlsx suite. */
Suite *
make_suite_xlsx(void)
{
	Suite *s = suite_create("xlsx");
	TCase *tc = tcase_create("read");
	TCase *big = tcase_create("big");

	tcase_add_test(tc, test_cell_types);
	tcase_add_test(tc, test_date_systems);
	tcase_add_loop_test(tc, test_refused, 0, (int)(sizeof(refused) / sizeof(refused[0])));
	tcase_add_test(tc, test_no_such_sheet);
	tcase_add_test(tc, test_pipe);
	tcase_add_test(tc, test_arena);
	tcase_add_test(tc, test_zlib_reason);
	tcase_add_loop_test(tc, test_scanner_same, 0,
	                    (int)(sizeof(scan_sheets) / sizeof(scan_sheets[0])));
	tcase_add_loop_test(tc, test_sst_same, 0,
	                    (int)(sizeof(sst_docs) / sizeof(sst_docs[0])) + 2);
	tcase_add_test(big, test_scanner_chunks);
	suite_add_tcase(s, tc);
	tcase_add_test(big, test_max_rows);
	tcase_set_timeout(big, 120);
	suite_add_tcase(s, big);
	return s;
}
