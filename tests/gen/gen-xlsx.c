/*
 * gen-xlsx.c: a CSV file as a workbook shaped as Excel saves one, streamed,
 * for the benchmark's large workbooks (make bench): every text in the
 * shared-string table, numbers as numbers, dates (DD/MM/YYYY or ISO) as
 * serial numbers in a date style, cell references on every row and cell,
 * deflated. Memory is the shared-string table's hash; the sheet and the
 * table go through temporary files.
 *
 *   gen-xlsx IN.csv OUT.xlsx
 *
 * Exit 2 with a message on any error.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/csvio.h"
#include "core/dates.h"
#include "core/diag.h"
#include "core/keyhash.h"
#include "core/strbuf.h"
#include "core/xalloc.h"

/* The shared strings: text end to end, an offset each, an open-addressed index. */
struct sst {
	struct strbuf text;
	size_t *off, n, cap;
	uint32_t *slot; /* index + 1, 0 empty */
	size_t nslots;
};

static void
sst_grow(struct sst *t)
{
	size_t i, k, n = t->nslots ? 2 * t->nslots : 1 << 16;
	uint32_t *slot = xcalloc(n, sizeof *slot);

	for (i = 0; i < t->nslots; i++) {
		size_t idx;
		if (t->slot[i] == 0)
			continue;
		idx = t->slot[i] - 1;
		k = keyhash_fnv1a(KEYHASH_FNV_BASIS, t->text.buf + t->off[idx],
		                  t->off[idx + 1] - t->off[idx]) &
		    (n - 1);
		while (slot[k] != 0)
			k = (k + 1) & (n - 1);
		slot[k] = t->slot[i];
	}
	free(t->slot);
	t->slot = slot;
	t->nslots = n;
}

/* Write s escaped for XML text. */
static void
escape(FILE *fp, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		switch (s[i]) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		default:
			fputc(s[i], fp);
		}
	}
}

/* The index of s in the table, adding it (and its <si> to xml) when new. */
static size_t
sst_find(struct sst *t, const char *s, size_t len, FILE *xml)
{
	size_t k;

	if (2 * (t->n + 1) > t->nslots)
		sst_grow(t);
	k = keyhash_fnv1a(KEYHASH_FNV_BASIS, s, len) & (t->nslots - 1);
	while (t->slot[k] != 0) {
		size_t idx = t->slot[k] - 1;
		if (t->off[idx + 1] - t->off[idx] == len &&
		    memcmp(t->text.buf + t->off[idx], s, len) == 0)
			return idx;
		k = (k + 1) & (t->nslots - 1);
	}
	if (t->n + 2 > t->cap) {
		t->cap = t->cap ? 2 * t->cap : 1 << 16;
		t->off = xreallocarray(t->off, t->cap, sizeof *t->off);
	}
	if (t->n == 0)
		t->off[0] = 0;
	strbuf_add(&t->text, s, len);
	t->off[t->n + 1] = t->text.len;
	t->slot[k] = (uint32_t)(t->n + 1);
	fputs("<si><t>", xml);
	escape(xml, s, len);
	fputs("</t></si>", xml);
	return t->n++;
}

/* A plain number Excel would keep as one: no leading zero, at most 15 digits. */
static int
number(const char *s, size_t len)
{
	size_t i = 0;

	if (len == 0 || len > 15 || (s[0] == '0' && len > 1))
		return 0;
	for (; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static void
col_name(size_t col, char *buf)
{
	char tmp[8];
	size_t n = 0, i;

	col++;
	while (col > 0) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}

static void
add_file(zip_t *z, const char *name, zip_source_t *src)
{
	if (src == NULL || zip_file_add(z, name, src, ZIP_FL_OVERWRITE) < 0) {
		diag_error(name, 0, "%s", zip_strerror(z));
		exit(2);
	}
}

static void
add_text(zip_t *z, const char *name, const char *text)
{
	add_file(z, name, zip_source_buffer(z, text, strlen(text), 0));
}

int
main(int argc, char *argv[])
{
	static const char types[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types "
	    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default "
	    "Extension=\"rels\" ContentType=\"application/"
	    "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" "
	    "ContentType=\"application/xml\"/></Types>";
	static const char rels[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships "
	    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship "
	    "Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	    "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
	static const char book[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook "
	    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	    "<sheets><sheet name=\"Annex A\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
	static const char bookrels[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships "
	    "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
	    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
	    "2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship "
	    "Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
	    "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" "
	    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
	    "Target=\"styles.xml\"/></Relationships>";
	static const char styles[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet "
	    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><cellXfs "
	    "count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
	    "</cellXfs></styleSheet>";
	struct sst t;
	struct csvio_reader *r;
	struct csvio_record *rec;
	FILE *in, *sheet, *sstx, *sstf;
	unsigned long row = 0;
	zip_t *z;
	int err;
	char buf[65536];
	size_t n;

	diag_init("gen-xlsx");
	if (argc != 3 || (in = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "usage: gen-xlsx IN.csv OUT.xlsx\n");
		return 2;
	}
	memset(&t, 0, sizeof t);
	strbuf_init(&t.text);
	sheet = tmpfile();
	sstx = tmpfile();
	sstf = tmpfile();
	if (sheet == NULL || sstx == NULL || sstf == NULL) {
		diag_error(NULL, 0, "no temporary file");
		return 2;
	}
	csvio_set_raw(1);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet "
	      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
	      "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetFormatPr "
	      "defaultRowHeight=\"15\"/><sheetData>",
	      sheet);
	r = csvio_open(in, argv[1], 0);
	while (csvio_next(r, &rec) > 0) {
		row++;
		fprintf(sheet, "<row r=\"%lu\" spans=\"1:%zu\">", row, rec->nfields);
		for (size_t i = 0; i < rec->nfields; i++) {
			char ref[16];
			date_t d;
			if (rec->lens[i] == 0)
				continue;
			col_name(i, ref);
			if (row > 1 && number(rec->fields[i], rec->lens[i]))
				fprintf(sheet, "<c r=\"%s%lu\"><v>%s</v></c>", ref, row,
				        rec->fields[i]);
			else if (row > 1 && dates_parse(rec->fields[i], &d) == 0)
				fprintf(sheet, "<c r=\"%s%lu\" s=\"1\"><v>%ld</v></c>", ref, row,
				        (long)d + 25569);
			else
				fprintf(sheet, "<c r=\"%s%lu\" t=\"s\"><v>%zu</v></c>", ref, row,
				        sst_find(&t, rec->fields[i], rec->lens[i], sstx));
		}
		fputs("</row>", sheet);
	}
	fputs("</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" "
	      "header=\"0.3\" footer=\"0.3\"/></worksheet>",
	      sheet);
	csvio_close(r);
	fclose(in);
	fprintf(sstf,
	        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst "
	        "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
	        "count=\"%zu\" uniqueCount=\"%zu\">",
	        t.n, t.n);
	rewind(sstx);
	while ((n = fread(buf, 1, sizeof buf, sstx)) > 0)
		fwrite(buf, 1, n, sstf);
	fputs("</sst>", sstf);
	fclose(sstx);
	if (fflush(sheet) != 0 || fflush(sstf) != 0 || ferror(sheet) || ferror(sstf)) {
		diag_error(NULL, 0, "write error");
		return 2;
	}
	rewind(sheet);
	rewind(sstf);
	if ((z = zip_open(argv[2], ZIP_CREATE | ZIP_TRUNCATE, &err)) == NULL) {
		diag_error(argv[2], 0, "cannot create");
		return 2;
	}
	add_text(z, "[Content_Types].xml", types);
	add_text(z, "_rels/.rels", rels);
	add_text(z, "xl/workbook.xml", book);
	add_text(z, "xl/_rels/workbook.xml.rels", bookrels);
	add_text(z, "xl/styles.xml", styles);
	add_file(z, "xl/sharedStrings.xml", zip_source_filep(z, sstf, 0, -1));
	add_file(z, "xl/worksheets/sheet1.xml", zip_source_filep(z, sheet, 0, -1));
	if (zip_close(z) != 0) {
		diag_error(argv[2], 0, "%s", zip_strerror(z));
		return 2;
	}
	strbuf_free(&t.text);
	free(t.off);
	free(t.slot);
	return 0;
}
