/*
 * reportdoc.h: a small document model for the inspection report (headings,
 * paragraphs, lists, tables, notes and raw HTML figures) and its three
 * renderings: CommonMark (tables as HTML blocks, so any CommonMark reader
 * shows them), plain text, and one self-contained accessible HTML page made
 * from the CommonMark by libcmark. Every block remembers where its text
 * came from ("key_findings[2]", "entries[17].summary"), so a check run over
 * the document can name the item without echoing it.
 *
 * Ownership: a struct rdoc owns copies of every string given to it;
 * rdoc_free() releases them. Renderers append to the caller's strbuf.
 */
#ifndef REPORTDOC_H
#define REPORTDOC_H

#include <stddef.h>

#include "core/strbuf.h"

enum rdoc_kind {
	RDOC_HEADING, /* level 2 or 3 (the title is level 1) */
	RDOC_PARA, /* optional bold label, then text */
	RDOC_ITEM, /* consecutive items make one bulleted list */
	RDOC_NOTE, /* an emphasised editorial paragraph */
	RDOC_TABLE, /* caption, header row, rows; the first column heads its row */
	RDOC_FIGURE, /* raw HTML (an inline SVG) in HTML; its text alternative elsewhere */
	RDOC_MARKDOWN, /* CommonMark written by the team, cleaned of raw HTML (sections.h) */
};

struct rdoc_block {
	enum rdoc_kind kind;
	int level;
	char *label;
	char *text; /* heading, paragraph, item, note; the figure's text alternative */
	char *html; /* figure only */
	char *origin; /* where the text came from, or NULL for the tool's own words */
	char *check; /* the free text within text, when not all of it is (or NULL) */
	unsigned long check_cols; /* table: bit k set when column k holds free text */
	size_t ncols, nrows; /* table: rows after the header */
	char **cells; /* table: (nrows + 1) * ncols, header first */
	char **row_origin; /* table: nrows origins (may be NULL) */
};

struct rdoc {
	char *title;
	char *subtitle; /* e.g. the inspection dates, or NULL */
	char *marking; /* a protective marking on every page ("OFFICIAL-SENSITIVE"), or NULL */
	int draft;
	size_t n;
	struct rdoc_block *b;
};

struct rdoc *rdoc_new(const char *title, int draft);
void rdoc_free(struct rdoc *);
void rdoc_subtitle(struct rdoc *, const char *text);
void rdoc_heading(struct rdoc *, int level, const char *text);
void rdoc_para(struct rdoc *, const char *label, const char *text, const char *origin);
void rdoc_item(struct rdoc *, const char *text, const char *origin);
/* An item of which only check (a part of text) is free text from origin. */
void rdoc_item_part(struct rdoc *, const char *text, const char *check, const char *origin);
void rdoc_note(struct rdoc *, const char *text);
/* Start a table of ncols columns with its header cells. */
void rdoc_table(struct rdoc *, const char *caption, size_t ncols, const char *const *head);
/* Mark the columns of the last table that hold free text (bit k: column k). */
void rdoc_table_check(struct rdoc *, unsigned long cols);
/* Add a row (ncols cells, NULL as empty) to the last table. */
void rdoc_row(struct rdoc *, const char *const *cells, const char *origin);
void rdoc_figure(struct rdoc *, const char *html, const char *alt);
/* Team-written CommonMark (already cleaned of raw HTML); text is its plain text for checks. */
void rdoc_markdown(struct rdoc *, const char *md, const char *text, const char *origin);
/* Mark every page of the document (top and bottom; in print, every page). */
void rdoc_marking(struct rdoc *, const char *marking);

/* CommonMark. for_html: the DRAFT marks and the figures as the HTML page wants them. */
void rdoc_md(const struct rdoc *, int for_html, struct strbuf *out);
/* Plain text, wrapped at 78 columns. */
void rdoc_txt(const struct rdoc *, struct strbuf *out);
/* One self-contained HTML page (libcmark); 0, or -1 with err set. */
int rdoc_html(const struct rdoc *, struct strbuf *out, char *err, size_t errsz);

/*
 * Append a whole HTML page around body (HTML): styles, DRAFT mark, a
 * protective marking (or NULL) repeated on every printed page, contents
 * (HTML, or NULL), main landmark.
 */
void rdoc_page(struct strbuf *out, const char *title, int draft, const char *marking,
               const char *contents, const char *body);
/*
 * The same around CommonMark md rendered by libcmark; 0, or -1 with err set.
 * raw_html: md's HTML blocks are ours (escaped tables, figures) and pass;
 * else any raw HTML in md is dropped (letters: values are never markup).
 */
int rdoc_markdown_page(struct strbuf *out, const char *title, int draft, const char *md,
                       int raw_html, char *err, size_t errsz);
/* Append s to out as CommonMark inline text: every character that could be markup escaped. */
void rdoc_md_escape(struct strbuf *out, const char *s);
/* CommonMark md as plain text, by a walk of libcmark's tree; 0, or -1 with err set. */
int rdoc_markdown_text(const char *md, struct strbuf *out, char *err, size_t errsz);
/* Append s to out with the HTML special characters escaped. */
void rdoc_html_escape(struct strbuf *out, const char *s);

#endif
