/*
 * dynlib_xlsxwriter.c: the libxlsxwriter functions the project calls, as
 * stubs that load libxlsxwriter on the first call (see dynlib.h): a run that
 * writes no workbook never maps libxlsxwriter, minizip and libcrypto. The
 * names and prototypes are libxlsxwriter's own (the header checks them), not
 * this file's: the exception to the rule that a module's names start with
 * its file name.
 */
#include <string.h>

#include <xlsxwriter.h>

#include "core/dynlib.h"

static struct dynlib lxw = {"libxlsxwriter.so.4", "libxlsxwriter.so", "libxlsxwriter4",
                            "write workbooks", NULL};

DYNLIB_STUB_VOID(lxw, format_set_bold, (lxw_format * f), (f))
DYNLIB_STUB_VOID(lxw, format_set_num_format, (lxw_format * f, const char *s), (f, s))
DYNLIB_STUB_VOID(lxw, format_set_unlocked, (lxw_format * f), (f))
DYNLIB_STUB(lxw, char *, lxw_strerror, (lxw_error e), (e))
DYNLIB_STUB_VOID(lxw, lxw_workbook_free, (lxw_workbook * wb), (wb))
DYNLIB_STUB(lxw, lxw_format *, workbook_add_format, (lxw_workbook * wb), (wb))
DYNLIB_STUB(lxw, lxw_worksheet *, workbook_add_worksheet, (lxw_workbook * wb, const char *name),
            (wb, name))
DYNLIB_STUB(lxw, lxw_error, workbook_close, (lxw_workbook * wb), (wb))
DYNLIB_STUB(lxw, lxw_workbook *, workbook_new, (const char *path), (path))
DYNLIB_STUB(lxw, lxw_error, worksheet_autofilter,
            (lxw_worksheet * ws, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1, lxw_col_t c1),
            (ws, r0, c0, r1, c1))
DYNLIB_STUB(lxw, lxw_error, worksheet_data_validation_range,
            (lxw_worksheet * ws, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1, lxw_col_t c1,
             lxw_data_validation *v),
            (ws, r0, c0, r1, c1, v))
DYNLIB_STUB_VOID(lxw, worksheet_freeze_panes, (lxw_worksheet * ws, lxw_row_t r, lxw_col_t c),
                 (ws, r, c))
DYNLIB_STUB_VOID(lxw, worksheet_protect, (lxw_worksheet * ws, const char *pw, lxw_protection *o),
                 (ws, pw, o))
DYNLIB_STUB(lxw, lxw_error, worksheet_set_column,
            (lxw_worksheet * ws, lxw_col_t c0, lxw_col_t c1, double width, lxw_format *f),
            (ws, c0, c1, width, f))
DYNLIB_STUB(lxw, lxw_error, worksheet_write_datetime,
            (lxw_worksheet * ws, lxw_row_t r, lxw_col_t c, lxw_datetime *d, lxw_format *f),
            (ws, r, c, d, f))
DYNLIB_STUB(lxw, lxw_error, worksheet_write_number,
            (lxw_worksheet * ws, lxw_row_t r, lxw_col_t c, double n, lxw_format *f),
            (ws, r, c, n, f))
DYNLIB_STUB(lxw, lxw_error, worksheet_write_string,
            (lxw_worksheet * ws, lxw_row_t r, lxw_col_t c, const char *s, lxw_format *f),
            (ws, r, c, s, f))
