/*
 * xlsxscan.h: a fast tokenizer for the narrow XML a worksheet's <sheetData>
 * holds, row by row: <row>, <c>, <v>, <f>, <is><t>, their attributes,
 * character data with the five predefined entities and character
 * references. It gives the same start, end and text events a full XML
 * parser (expat) gives for that content, and checks what expat would
 * check of it (names, nesting, attribute syntax and uniqueness, valid
 * UTF-8 and XML characters). Anything else (a comment, CDATA, a prefixed
 * or unknown element, rich text runs, a carriage return, an entity of a
 * DTD...) is not handled here: the caller gives the rest, from the start of
 * that row, to the full parser, which then gives the same events or the
 * error. A row is checked whole before any of its events are given.
 *
 * Memory: one row's decoded text and attributes (the caller bounds a row's
 * bytes) and its events, at most enough for 16,384 cells: a row with more is
 * handed back (OTHER) for the full parser to read and refuse.
 */
#ifndef XLSXSCAN_H
#define XLSXSCAN_H

#include <stddef.h>

#include "core/strbuf.h"

enum xlsxscan_status {
	XLSXSCAN_ROW, /* one row's events were given; *used bytes consumed */
	XLSXSCAN_MORE, /* the next row is not complete in the buffer: read more */
	XLSXSCAN_OTHER, /* at *used: </sheetData>, or what this scanner does not take */
};

struct xlsxscan_events {
	void *ud;
	/* atts: name, value pairs, NULL-terminated, as expat gives them */
	void (*start)(void *ud, const char *name, const char **atts);
	void (*end)(void *ud, const char *name);
	void (*text)(void *ud, const char *s, int len);
};

/* A cell of a plain row (xlsxscan_cells): its r, t and s attributes and its value as they are in
 * the input (or decoded in the scanner's buffer), NULL when absent. */
struct xlsxscan_cell {
	const char *r, *t, *s, *v;
	size_t rlen, tlen, slen, vlen;
	int has_value;
};

#define XLSXSCAN_MAX_ATT 32 /* longer r, t and s values: the event scanner */
#define XLSXSCAN_MAX_CELLS 16384

struct xlsxscan_row {
	const char *r; /* the row's r attribute, or NULL */
	size_t rlen;
	struct xlsxscan_cell *cells;
	size_t ncells;
};

struct xlsxscan {
	struct strbuf buf; /* decoded text and attribute values of the row */
	struct xlsxscan_ev *ev; /* the row's events */
	size_t nev, evcap;
	const char **atts; /* pointers into buf, built per event */
	size_t attcap;
	size_t *aoff; /* offsets in buf of the row's attribute names and values */
	size_t aoffcap;
	struct xlsxscan_cell *cells; /* xlsxscan_cells' row */
	size_t cellcap;
};

void xlsxscan_init(struct xlsxscan *);
void xlsxscan_free(struct xlsxscan *);
/*
 * Scan s[0..len) (the content of <sheetData>, from a row boundary): skip
 * whitespace, then one whole <row> ... </row> (or <row/>), giving its events.
 * *used is the bytes consumed (whitespace and the row); with MORE or OTHER
 * it is where the row (or the other thing) begins.
 */
enum xlsxscan_status xlsxscan_row(struct xlsxscan *, const char *s, size_t len, size_t *used,
                                  const struct xlsxscan_events *);
/*
 * The same for a plain row only: <row> holding only <c> elements, each empty
 * or holding one <v> or one <is><t>, whitespace only between cells, every
 * attribute value of printable ASCII. The row is given as a list of cells
 * (valid until the next call) instead of events: ROW; MORE when the buffer
 * ends first; OTHER when the row is not plain, for xlsxscan_row() to read.
 */
enum xlsxscan_status xlsxscan_cells(struct xlsxscan *, const char *s, size_t len, size_t *used,
                                    struct xlsxscan_row *);
/*
 * The shared strings part as Excel writes it, read without events: first
 * its head (an XML declaration of UTF-8, then the <sst> start tag), then
 * one <si><t>text</t></si> at a time, *text and *tlen its text (in s, or
 * decoded in the scanner's buffer until the next call). ROW when read;
 * MORE when the buffer ends first; OTHER when not plain (the caller then
 * reads the part with a full parser).
 */
enum xlsxscan_status xlsxscan_sst_head(const char *s, size_t len, size_t *used);
enum xlsxscan_status xlsxscan_si(struct xlsxscan *, const char *s, size_t len, size_t *used,
                                 const char **text, size_t *tlen);

#endif
