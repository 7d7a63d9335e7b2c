/*
 * test_xlsxout.c: lists written as workbooks and read back (every example
 * CSV gives the same records, dates as ISO), and the CSV writer's formula
 * neutralisation (which cells, and --raw).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "core/csvio.h"
#include "core/dates.h"
#include "core/xlsxout.h"

/* The whole of a file. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	ck_assert_msg(fp != NULL, "cannot open %s", path);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

/* Two cells are the same, a date in either form being the same date. */
static int
same(const char *a, const char *b)
{
	date_t da, db;

	if (strcmp(a, b) == 0)
		return 1;
	return dates_parse(a, &da) == 0 && dates_parse(b, &db) == 0 && da == db;
}

static const char *const examples[] = {
    "../../share/examples/annexa-national.csv",
    "../../share/examples/areas.csv",
    "../../share/examples/complaints.csv",
    "../../share/examples/opportunities.csv",
    "../../share/examples/recent-closed.csv",
    "../../share/examples/recent-filed.csv",
    "../../share/examples/team.csv",
};

/* Each example CSV written as a workbook reads back as the same records. */
START_TEST(test_round_trip)
{
	static const char *const yn[] = {"Y", "N", NULL};
	static const struct xlsxout_input in[] = {{"file_sent", yn}};
	size_t len, i;
	char *csv = slurp(examples[_i], &len), err[256];
	struct xlsxout *x = xlsxout_new(err, sizeof err);
	FILE *book = tmpfile(), *fp = fmemopen(csv, len, "r");
	struct csvio_reader *a, *b;
	struct csvio_record *ra, *rb;
	unsigned long rows = 0;
	int rc;

	ck_assert_ptr_nonnull(x);
	ck_assert_int_eq(xlsxout_sheet(x, "List", csv, len, in, 1, err, sizeof err), 0);
	ck_assert_int_eq(xlsxout_finish(x, book, err, sizeof err), 0);
	rewind(book);
	a = csvio_open(fp, "csv", 0);
	b = csvio_open(book, "book", 0);
	while ((rc = csvio_next(a, &ra)) > 0) {
		char *fields[64];
		size_t n = ra->nfields < 64 ? ra->nfields : 64;
		if (ra->flags & CSVIO_BLANK)
			continue;
		for (i = 0; i < n; i++)
			fields[i] = strdup(ra->fields[i]);
		ck_assert_int_eq(csvio_next(b, &rb), 1);
		/* the unlocked column Cafcass fills in comes last, empty */
		ck_assert_uint_eq(rb->nfields, n + 1);
		for (i = 0; i < n; i++) {
			if (!same(fields[i], rb->fields[i]))
				ck_abort_msg("%s row %lu column %zu differs", examples[_i],
				             rows + 1, i + 1);
			free(fields[i]);
		}
		rows++;
	}
	ck_assert_int_eq(rc, 0);
	ck_assert_int_eq(csvio_next(b, &rb), 0);
	ck_assert_uint_gt(rows, 1);
	csvio_close(a);
	csvio_close(b);
	fclose(fp);
	fclose(book);
	free(csv);
}
END_TEST

/* A part of a workbook file, NUL-terminated (free it). */
static char *
part(const char *path, const char *name)
{
	int err;
	zip_t *z = zip_open(path, ZIP_RDONLY, &err);
	zip_stat_t st;
	zip_file_t *f;
	char *buf;

	ck_assert_ptr_nonnull(z);
	ck_assert_int_eq(zip_stat(z, name, 0, &st), 0);
	buf = malloc(st.size + 1);
	ck_assert_ptr_nonnull(f = zip_fopen(z, name, 0));
	ck_assert_int_eq(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
	buf[st.size] = '\0';
	zip_fclose(f);
	zip_close(z);
	return buf;
}

/*
 * The conventions of every workbook written: a bold header row, frozen, with
 * a filter over the list; column widths; dates as real dates (numbers in a
 * date style), numbers as numbers, IDs and codes as text even when digits
 * ("007", a "Case ID" of digits), formula-like text as text.
 */
START_TEST(test_conventions)
{
	static const char csv[] = "Case ID,date,n,note\n"
	                          "007,2027-01-15,12,=1+1\n"
	                          "123,15/02/2027,3.5,plain\n";
	char err[256], path[] = "/tmp/test_xlsxout.XXXXXX";
	struct xlsxout *x = xlsxout_new(err, sizeof err);
	FILE *fp;
	char *sheet, *styles, *strings;

	ck_assert_ptr_nonnull(x);
	ck_assert_int_eq(xlsxout_sheet(x, "List", csv, sizeof csv - 1, NULL, 0, err, sizeof err),
	                 0);
	ck_assert_int_ge(mkstemp(path), 0);
	ck_assert_ptr_nonnull(fp = fopen(path, "wb"));
	ck_assert_int_eq(xlsxout_finish(x, fp, err, sizeof err), 0);
	fclose(fp);
	sheet = part(path, "xl/worksheets/sheet1.xml");
	styles = part(path, "xl/styles.xml");
	strings = part(path, "xl/sharedStrings.xml");
	unlink(path);
	/* frozen under the header, a filter over the four columns and three rows */
	ck_assert_ptr_nonnull(strstr(sheet, "ySplit=\"1\""));
	ck_assert_ptr_nonnull(strstr(sheet, "state=\"frozen\""));
	ck_assert_ptr_nonnull(strstr(sheet, "<autoFilter ref=\"A1:D3\"/>"));
	ck_assert_ptr_nonnull(strstr(sheet, "<col min=\"1\" max=\"1\" width="));
	/* the header bold: its cells have a style whose font is bold */
	ck_assert_ptr_nonnull(strstr(sheet, "<c r=\"A1\" s=\"1\" t=\"s\">"));
	ck_assert_ptr_nonnull(strstr(styles, "<b/>"));
	/* the IDs are text; the dates numbers in a date style; numbers numbers */
	ck_assert_ptr_nonnull(strstr(sheet, "<c r=\"A2\" t=\"s\">"));
	ck_assert_ptr_nonnull(strstr(sheet, "<c r=\"A3\" t=\"s\">"));
	ck_assert_ptr_nonnull(strstr(strings, "<t>007</t>"));
	ck_assert_ptr_nonnull(strstr(sheet, "<c r=\"B2\" s=\"2\"><v>46402</v></c>"));
	ck_assert_ptr_nonnull(strstr(sheet, "<c r=\"B3\" s=\"2\"><v>46433</v></c>"));
	ck_assert_ptr_nonnull(strstr(styles, "numFmtId=\"164\" formatCode=\"dd/mm/yyyy\""));
	ck_assert_ptr_nonnull(strstr(sheet, "<c r=\"C2\"><v>12</v></c>"));
	ck_assert_ptr_nonnull(strstr(sheet, "<c r=\"C3\"><v>3.5</v></c>"));
	/* formula-like text is a string, exactly, never a formula */
	ck_assert_ptr_null(strstr(sheet, "<f>"));
	ck_assert_ptr_nonnull(strstr(strings, "<t>=1+1</t>"));
	free(sheet);
	free(styles);
	free(strings);
}
END_TEST

static const struct {
	const char *in, *out;
} neutral[] = {
    {"=1+1", "'=1+1"},
    {"+44 20 7946 0000", "'+44 20 7946 0000"},
    {"-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"},
    {"@SUM(A1)", "'@SUM(A1)"},
    {"\t=1", "\"'\t=1\""},
    {"=a,b", "\"'=a,b\""},
    {"-12", "-12"},
    {"+3.5", "+3.5"},
    {"-1.5E+3", "-1.5E+3"},
    {"-", "-"},
    {"2027-01-15", "2027-01-15"},
    {"a=b", "a=b"},
};

/* Formula-like cells get a quote before them; numbers and plain text do not. */
START_TEST(test_neutralise)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	csvio_write_field(fp, neutral[_i].in, strlen(neutral[_i].in));
	fclose(fp);
	ck_assert_str_eq(buf, neutral[_i].out);
	free(buf);
	/* --raw: exactly as given */
	csvio_set_raw(1);
	fp = open_memstream(&buf, &len);
	csvio_write_field(fp, "=1+1", 4);
	fclose(fp);
	csvio_set_raw(0);
	ck_assert_str_eq(buf, "=1+1");
	free(buf);
}
END_TEST

Suite *make_suite_xlsxout(void);

/* The xlsxout suite. */
Suite *
make_suite_xlsxout(void)
{
	Suite *s = suite_create("xlsxout");
	TCase *tc = tcase_create("write");

	tcase_add_loop_test(tc, test_round_trip, 0, (int)(sizeof(examples) / sizeof(examples[0])));
	tcase_add_loop_test(tc, test_neutralise, 0, (int)(sizeof(neutral) / sizeof(neutral[0])));
	tcase_add_test(tc, test_conventions);
	suite_add_tcase(s, tc);
	return s;
}
