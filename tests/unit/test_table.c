/*
 * test_table.c: whole-file CSV tables: header, rows with their lines, blank
 * rows skipped, and the strict errors (which name the line, never a value).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/csvio.h"
#include "core/diag.h"
#include "core/table.h"
#include "core/xlsxout.h"

/* Write len bytes of s to a new temporary file; its path goes to path. */
static void
temp_csv(char *path, size_t pathsz, const char *s, size_t len)
{
	int fd;

	snprintf(path, pathsz, "/tmp/test_table_XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, s, len), (ssize_t)len);
	close(fd);
}

/* Read s as a table from a temporary file. */
static struct table *
read_str(const char *s, size_t len, unsigned flags, char *path, char *err, size_t errsz)
{
	struct table *t;

	temp_csv(path, 64, s, len);
	err[0] = '\0';
	t = table_read(path, flags, err, errsz);
	unlink(path);
	return t;
}

START_TEST(test_read_good)
{
	static const char in[] = "\xEF\xBB\xBF"
	                         "service_area,week, note \r\n"
	                         "North East,3,\"a,b\"\r\n"
	                         "\r\n"
	                         "   \r\n"
	                         ",,\r\n"
	                         "Wessex,4,\"two\nlines\"\r\n"
	                         "South West,5,";
	char path[64], err[256];
	struct table *t = read_str(in, sizeof(in) - 1, 0, path, err, sizeof(err));

	ck_assert_msg(t != NULL, "%s", err);
	ck_assert_str_eq(t->name, path);
	ck_assert_uint_eq(t->ncols, 3);
	ck_assert_str_eq(t->header[0], "service_area");
	ck_assert_str_eq(t->header[2], "note");
	ck_assert_uint_eq(t->nrows, 3);
	ck_assert_uint_eq(t->rows[0].line, 2);
	ck_assert_uint_eq(t->rows[1].line, 6);
	ck_assert_uint_eq(t->rows[2].line, 8);
	ck_assert_str_eq(table_cell(t, 0, 0), "North East");
	ck_assert_str_eq(table_cell(t, 0, 2), "a,b");
	ck_assert_str_eq(table_cell(t, 1, 2), "two\nlines");
	ck_assert_str_eq(table_cell(t, 2, 1), "5");
	ck_assert_str_eq(table_cell(t, 2, 2), "");
	ck_assert_str_eq(table_cell(t, 0, -1), "");
	ck_assert_str_eq(table_cell(t, 0, 3), "");
	ck_assert_str_eq(table_cell(t, 3, 0), "");
	table_free(t);
}
END_TEST

START_TEST(test_header_only)
{
	static const char in[] = "\n\nname,role,conflicts\n\n";
	char path[64], err[256];
	struct table *t = read_str(in, sizeof(in) - 1, 0, path, err, sizeof(err));

	ck_assert_msg(t != NULL, "%s", err);
	ck_assert_uint_eq(t->ncols, 3);
	ck_assert_str_eq(t->header[1], "role");
	ck_assert_uint_eq(t->nrows, 0);
	table_free(t);
}
END_TEST

START_TEST(test_cp1252)
{
	static const char in[] = "name\n\x93Re A\x94\n";
	char path[64], err[256];
	struct table *t = read_str(in, sizeof(in) - 1, CSVIO_CP1252, path, err, sizeof(err));

	ck_assert_msg(t != NULL, "%s", err);
	ck_assert_str_eq(table_cell(t, 0, 0), "\xE2\x80\x9CRe A\xE2\x80\x9D");
	table_free(t);
	t = read_str(in, sizeof(in) - 1, 0, path, err, sizeof(err));
	ck_assert_ptr_null(t);
}
END_TEST

struct error_case {
	const char *in;
	const char *err; /* after "PATH" */
};

static const struct error_case error_cases[] = {
    {"a,b,c\n1,2,3\nJohn Smith,2\n", ":3: ragged row: 2 fields, header has 3"},
    {"a,b,c\n1,2,3,Jane Doe\n", ":2: ragged row: 4 fields, header has 3"},
    {"a,b\nJohn Smith\n", ":2: ragged row: 1 field, header has 2"},
    {"a,b\n1,Jos\xE9\n", ":2: invalid UTF-8 in column 2"},
    {"a,\xFF\n", ":1: invalid UTF-8 in column 2"},
    {"a,b\n1,Jo\"hn\n", ":2: malformed CSV: stray quote"},
    {"a,b\n\n1,\"John\nSmith\n", ":3: quoted field not closed at end of file"},
    {"", ": empty file, a header row is required"},
    {"\n  \n,,\n", ": empty file, a header row is required"},
    {"\xEF\xBB\xBF", ": empty file, a header row is required"},
};

START_TEST(test_errors)
{
	const struct error_case *c = &error_cases[_i];
	char path[64], err[256], want[320];
	struct table *t = read_str(c->in, strlen(c->in), 0, path, err, sizeof(err));

	ck_assert_ptr_null(t);
	snprintf(want, sizeof(want), "%s%s", path, c->err);
	ck_assert_str_eq(err, want);
	/* never the value */
	ck_assert_ptr_null(strstr(err, "John"));
	ck_assert_ptr_null(strstr(err, "Jane"));
	ck_assert_ptr_null(strstr(err, "Jos"));
}
END_TEST

START_TEST(test_missing_file)
{
	char err[256];
	struct table *t = table_read("/nonexistent/dir/areas.csv", 0, err, sizeof(err));

	ck_assert_ptr_null(t);
	ck_assert_str_eq(err, "/nonexistent/dir/areas.csv: No such file or directory");
}
END_TEST

START_TEST(test_stdin)
{
	static const char in[] = "id,x\nCA27004512,1\n";
	char path[64], err[256];
	struct table *t;

	temp_csv(path, sizeof(path), in, sizeof(in) - 1);
	ck_assert_ptr_nonnull(freopen(path, "r", stdin));
	unlink(path);
	t = table_read("-", 0, err, sizeof(err));
	ck_assert_msg(t != NULL, "%s", err);
	ck_assert_str_eq(t->name, "<stdin>");
	ck_assert_uint_eq(t->nrows, 1);
	ck_assert_str_eq(table_cell(t, 0, 0), "CA27004512");
	table_free(t);
	/* NULL is standard input too; it is now at its end, so it is empty */
	t = table_read(NULL, 0, err, sizeof(err));
	ck_assert_ptr_null(t);
	ck_assert_str_eq(err, "<stdin>: empty file, a header row is required");
}
END_TEST

/* A workbook's rows are named as cells: a ragged row, and diag_where() for the users' messages. */
START_TEST(test_workbook_cells)
{
	static const char csv[] = "a,b,c\n1,2,3\n4,5,6,Jane Doe\n";
	char path[64], err[256], want[320], w[DIAG_WHERE_MAX];
	struct xlsxout *x = xlsxout_new(err, sizeof err);
	struct table *t;
	FILE *fp;

	ck_assert_ptr_nonnull(x);
	ck_assert_int_eq(
	    xlsxout_sheet(x, "Team list", csv, sizeof csv - 1, NULL, 0, err, sizeof err), 0);
	snprintf(path, sizeof path, "/tmp/test_table_XXXXXX");
	ck_assert_int_ge(mkstemp(path), 0);
	ck_assert_ptr_nonnull(fp = fopen(path, "wb"));
	ck_assert_int_eq(xlsxout_finish(x, fp, err, sizeof err), 0);
	fclose(fp);
	t = table_read(path, 0, err, sizeof err);
	ck_assert_ptr_null(t);
	snprintf(want, sizeof want, "%s:'Team list'!A3: ragged row: 4 fields, header has 3", path);
	ck_assert_str_eq(err, want);
	ck_assert_ptr_null(strstr(err, "Jane"));
	/* the loaders' own messages name rows the same way */
	snprintf(want, sizeof want, "%s:'Team list'!A7", path);
	ck_assert_str_eq(diag_where(path, 7, w, sizeof w), want);
	ck_assert_str_eq(diag_line_ref(path, 2, w, sizeof w), "'Team list'!A2");
	ck_assert_str_eq(diag_where(path, 0, w, sizeof w), path);
	/* a CSV file's lines stay lines */
	ck_assert_str_eq(diag_where("areas.csv", 7, w, sizeof w), "areas.csv:7");
	ck_assert_str_eq(diag_line_ref("areas.csv", 2, w, sizeof w), "line 2");
	unlink(path);
}
END_TEST

Suite *make_suite_table(void);

/* The table suite. */
Suite *
make_suite_table(void)
{
	Suite *s = suite_create("table");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_read_good);
	tcase_add_test(tc, test_header_only);
	tcase_add_test(tc, test_cp1252);
	tcase_add_loop_test(tc, test_errors, 0,
	                    (int)(sizeof(error_cases) / sizeof(error_cases[0])));
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_stdin);
	tcase_add_test(tc, test_workbook_cells);
	suite_add_tcase(s, tc);
	return s;
}
