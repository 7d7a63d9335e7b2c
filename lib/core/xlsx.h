/*
 * xlsx.h: reading an Excel workbook (.xlsx, Office Open XML) as CSV records.
 *
 * csvio_open() hands a stream here first: xlsx_sniff() looks at its first
 * bytes. A ZIP archive holding a workbook is read sheet by sheet's rows into
 * the same struct csvio_record the CSV reader gives: one record a row, the
 * line number being the row number, cells in column order with the gaps
 * filled by empty fields. Shared strings, inline strings, numbers, booleans,
 * errors (#N/A as text) and dates (serial numbers in the workbook's 1900 or
 * 1904 system, in cells styled as dates) become text; dates are ISO. The
 * sheet is streamed (expat, suspended at each row end); every size is
 * bounded: ZIP parts by their declared and actual sizes and compression
 * ratio, a cell at Excel's 32,767 characters, the shared-string table at
 * XLSX_MAX_SST bytes. A document type declaration (entities) is refused.
 * An OLE2 file (legacy .xls, or an encrypted .xlsx) is refused with the fix.
 *
 * Ownership: the reader is owned by the csvio reader that made it.
 */
#ifndef XLSX_H
#define XLSX_H

#include <stdio.h>

#include "core/csvio.h"
#include "core/strbuf.h"

#define XLSX_MAX_ROWS 1048576UL /* Excel's sheet limits */
#define XLSX_MAX_COLS 16384UL
#define XLSX_MAX_CELL_CHARS 32767UL
#define XLSX_MAX_SST ((size_t)256 << 20) /* bytes of shared-string text held */

struct xlsx_reader;

/*
 * Choose the sheet every workbook read from now on gives (--sheet): a name,
 * or a number counting from 1 in the workbook's order, hidden sheets
 * included. NULL: the first visible sheet (the default).
 */
void xlsx_select_sheet(const char *spec);

/*
 * Whether rows are read by the fast row scanner (core/xlsxscan, the
 * default) or by expat alone (0): for the tests that compare the two.
 */
void xlsx_use_scanner(int on);

/*
 * Look at the first bytes of fp. Text (CSV): returns 0 and sets *replay to
 * NULL when fp was rewound, or to a stream to read instead (the bytes looked
 * at, then the rest of fp), which the caller closes. A workbook, or an
 * archive or OLE2 file that cannot be one: returns 1 and sets *xl to a reader
 * (one that fails at its first xlsx_next() when the file cannot be read).
 */
int xlsx_sniff(FILE *fp, const char *name, struct xlsx_reader **xl, FILE **replay);
/*
 * As csvio_next(): the next row into *rec, its fields appended to dst (end
 * to end, each followed by its NUL). max_record bounds a row's bytes.
 */
int xlsx_next(struct xlsx_reader *, struct strbuf *dst, size_t max_record,
              struct csvio_record **rec);
const char *xlsx_error(const struct xlsx_reader *);
/* The row number of the last row read. */
unsigned long xlsx_rows(const struct xlsx_reader *);
/* The chosen sheet's name (NULL before it is known). */
const char *xlsx_sheet_name(const struct xlsx_reader *);
void xlsx_close(struct xlsx_reader *);

/* Is this a ZIP (1) or OLE2 (2) signature? 0 otherwise; n bytes at s. */
int xlsx_signature(const unsigned char *s, size_t n);

#endif
