/*
 * fuzz_xlsx.c: the Excel workbook reader through csvio_open(). An input that
 * starts like a ZIP or OLE2 file is read as the workbook itself; any other is
 * split at "\n~~~~\n" into the sheet XML, the shared strings, the styles and
 * the workbook XML, packed (stored, so that the fuzzer reaches the XML) into
 * a workbook in a temporary file. Every record is read to the end and must
 * be consistent: rows in order, fields NUL-terminated at their length; and
 * it is read twice, with the row scanner (core/xlsxscan) and with expat
 * alone, which must give the same records and the same error.
 */
#include <zip.h>

#include "core/csvio.h"
#include "core/strbuf.h"
#include "core/xlsx.h"
#include "fuzz.h"

#define SEP "\n~~~~\n"

static const char rels[] = "<Relationships><Relationship Id=\"rId1\" Type=\"x/officeDocument\" "
                           "Target=\"xl/workbook.xml\"/></Relationships>";
static const char wbrels[] =
    "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/s.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"x/sharedStrings\" Target=\"sst.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"x/styles\" Target=\"styles.xml\"/></Relationships>";
static const char wbdefault[] =
    "<workbook><workbookPr date1904=\"0\"/><sheets><sheet name=\"S\" sheetId=\"1\" "
    "r:id=\"rId1\"/></sheets></workbook>";

/* Add a part from memory, stored. */
static void
add(zip_t *z, const char *name, const void *p, size_t n)
{
	zip_source_t *src = zip_source_buffer(z, p, n, 0);
	zip_int64_t i;

	if (src == NULL || (i = zip_file_add(z, name, src, ZIP_FL_OVERWRITE)) < 0)
		abort();
	zip_set_file_compression(z, (zip_uint64_t)i, ZIP_CM_STORE, 0);
}

/* Pack the parts of data into a workbook at path. */
static void
pack(const char *path, const uint8_t *data, size_t size)
{
	const char *names[] = {"xl/worksheets/s.xml", "xl/sst.xml", "xl/styles.xml",
	                       "xl/workbook.xml"};
	const char *p = (const char *)data, *end = p + size;
	int err, k, have_wb = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);

	if (z == NULL)
		abort();
	add(z, "_rels/.rels", rels, strlen(rels));
	add(z, "xl/_rels/workbook.xml.rels", wbrels, strlen(wbrels));
	for (k = 0; k < 4 && p <= end; k++) {
		const char *q = memmem(p, (size_t)(end - p), SEP, strlen(SEP));
		size_t n = q != NULL ? (size_t)(q - p) : (size_t)(end - p);
		add(z, names[k], p, n);
		have_wb |= k == 3;
		if (q == NULL)
			break;
		p = q + strlen(SEP);
	}
	if (!have_wb)
		add(z, "xl/workbook.xml", wbdefault, strlen(wbdefault));
	if (zip_close(z) != 0)
		abort();
}

/* Read every record of fp (checking each) into out, then the error: the last rc. */
static int
read_all(FILE *fp, struct strbuf *out)
{
	struct csvio_reader *r = csvio_open(fp, "fuzz.xlsx", 0);
	struct csvio_record *rec;
	unsigned long last = 0;
	size_t i;
	int rc;

	while ((rc = csvio_next(r, &rec)) == 1) {
		if (rec->line <= last || rec->nfields == 0)
			abort();
		last = rec->line;
		strbuf_printf(out, "%lu:", rec->line);
		for (i = 0; i < rec->nfields; i++) {
			if (rec->fields[i][rec->lens[i]] != '\0' ||
			    strlen(rec->fields[i]) != rec->lens[i])
				abort();
			strbuf_add(out, rec->fields[i], rec->lens[i] + 1);
		}
	}
	if (rc < 0)
		strbuf_printf(out, "error: %s", csvio_error(r));
	csvio_close(r);
	return rc;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char path[64];
	FILE *fp;
	struct strbuf a, b;
	int ra, rb;

	if (xlsx_signature(data, size) != 0) {
		fp = fmemopen((void *)data, size, "r");
	} else {
		snprintf(path, sizeof path, "/tmp/fuzz_xlsx.%ld.xlsx", (long)getpid());
		pack(path, data, size);
		fp = fopen(path, "rb");
		unlink(path);
	}
	if (fp == NULL)
		abort();
	/* the row scanner and expat alone give the same records and errors */
	strbuf_init(&a);
	strbuf_init(&b);
	ra = read_all(fp, &a);
	rewind(fp);
	xlsx_use_scanner(0);
	rb = read_all(fp, &b);
	xlsx_use_scanner(1);
	if (ra != rb || a.len != b.len || memcmp(a.buf, b.buf, a.len) != 0)
		abort();
	strbuf_free(&a);
	strbuf_free(&b);
	fclose(fp);
	return 0;
}
