/*
 * test_xlsxscan.c: the row scanner of a sheet's <sheetData>: the events of
 * a row as expat gives them (names, attributes decoded, text), a row cut by
 * the buffer's end (more), what it hands back (a comment, </sheetData>, a
 * prefixed element, an undefined entity), and nothing given for a row it
 * does not take whole, nor held for a row wider than a sheet.
 */
#include <check.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xlsxscan.h"

static void
on_start(void *ud, const char *name, const char **atts)
{
	struct strbuf *b = ud;

	strbuf_printf(b, "<%s", name);
	for (; atts[0] != NULL; atts += 2)
		strbuf_printf(b, " %s=[%s]", atts[0], atts[1]);
	strbuf_addch(b, '>');
}

static void
on_end(void *ud, const char *name)
{
	strbuf_printf(ud, "</%s>", name);
}

static void
on_text(void *ud, const char *s, int len)
{
	strbuf_addch(ud, '{');
	strbuf_add(ud, s, (size_t)len);
	strbuf_addch(ud, '}');
}

static const struct {
	const char *in;
	enum xlsxscan_status want;
	size_t used; /* (size_t)-1: the whole input */
	const char *events;
} rows[] = {
    {" \n<row r=\"1\" spans='1:2'><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\"/></row><row>",
     XLSXSCAN_ROW, 70, "<row r=[1] spans=[1:2]><c r=[A1] t=[s]><v>{0}</v></c><c r=[B1]></c></row>"},
    {"<row><c t=\"inlineStr\"><is><t xml:space=\"preserve\"> a&amp;&#233;&#x41; </t></is></c>"
     "</row>",
     XLSXSCAN_ROW, (size_t)-1,
     "<row><c t=[inlineStr]><is><t xml:space=[preserve]>{ a&\xc3\xa9"
     "A }</t></is></c></row>"},
    {"<row a=\"&lt;&quot;x&gt;\"/>", XLSXSCAN_ROW, (size_t)-1, "<row a=[<\"x>]></row>"},
    {"<row><c><f>SUM(A1)</f><v>3</v></c></row>", XLSXSCAN_ROW, (size_t)-1,
     "<row><c><f>{SUM(A1)}</f><v>{3}</v></c></row>"},
    {"<row><c><v>1</v></c>", XLSXSCAN_MORE, 0, ""},
    {"  <row><c><v>1</v></c></ro", XLSXSCAN_MORE, 2, ""},
    {"<row><c><v>&am", XLSXSCAN_MORE, 0, ""},
    {"<row><c><v>\xc3", XLSXSCAN_MORE, 0, ""},
    {"\n</sheetData>", XLSXSCAN_OTHER, 1, ""},
    {"<!-- x --><row/>", XLSXSCAN_OTHER, 0, ""},
    {"<row><c><v>1<!-- x --></v></c></row>", XLSXSCAN_OTHER, 0, ""},
    {"<row><x:c/></row>", XLSXSCAN_OTHER, 0, ""},
    {"<row><c><v>&nbsp;</v></c></row>", XLSXSCAN_OTHER, 0, ""},
    {"<row><c><v>a\rb</v></c></row>", XLSXSCAN_OTHER, 0, ""},
    {"<row><c><is><r><t>a</t></r></is></c></row>", XLSXSCAN_OTHER, 0, ""},
    {"<row><c r=\"1\" r=\"2\"/></row>", XLSXSCAN_OTHER, 0, ""},
    {"<row><c></row>", XLSXSCAN_OTHER, 0, ""},
    {"<row><v>1</v></row>", XLSXSCAN_OTHER, 0, ""},
    {"<rows/>", XLSXSCAN_OTHER, 0, ""},
    {"", XLSXSCAN_MORE, 0, ""},
};

START_TEST(test_rows)
{
	struct xlsxscan sc;
	struct strbuf ev;
	const struct xlsxscan_events h = {&ev, on_start, on_end, on_text};
	size_t used = 12345, len = strlen(rows[_i].in);

	xlsxscan_init(&sc);
	strbuf_init(&ev);
	ck_assert_int_eq(xlsxscan_row(&sc, rows[_i].in, len, &used, &h), rows[_i].want);
	ck_assert_uint_eq(used, rows[_i].used == (size_t)-1 ? len : rows[_i].used);
	ck_assert_str_eq(ev.buf, rows[_i].events);
	strbuf_free(&ev);
	xlsxscan_free(&sc);
}
END_TEST

/* A row of more cells than a sheet holds is handed back whole, its events never held. */
START_TEST(test_wide_row)
{
	struct xlsxscan sc;
	struct strbuf ev, row;
	const struct xlsxscan_events h = {&ev, on_start, on_end, on_text};
	size_t used = 1, i;

	xlsxscan_init(&sc);
	strbuf_init(&ev);
	strbuf_init(&row);
	strbuf_adds(&row, "<row>");
	for (i = 0; i < 200000; i++)
		strbuf_adds(&row, "<c/>");
	strbuf_adds(&row, "</row>");
	ck_assert_int_eq(xlsxscan_row(&sc, row.buf, row.len, &used, &h), XLSXSCAN_OTHER);
	ck_assert_uint_eq(used, 0);
	ck_assert_str_eq(ev.buf, "");
	ck_assert_uint_le(sc.evcap, (size_t)16384 * 16 + 256);
	strbuf_free(&ev);
	strbuf_free(&row);
	xlsxscan_free(&sc);
}
END_TEST

Suite *make_suite_xlsxscan(void);

/* The xlsxscan suite. */
Suite *
make_suite_xlsxscan(void)
{
	Suite *s = suite_create("xlsxscan");
	TCase *tc = tcase_create("rows");

	tcase_add_loop_test(tc, test_rows, 0, (int)(sizeof(rows) / sizeof(rows[0])));
	tcase_add_test(tc, test_wide_row);
	suite_add_tcase(s, tc);
	return s;
}
