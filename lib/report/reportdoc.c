/*
 * reportdoc.c: the report's document model and its CommonMark, plain text
 * and HTML renderings. The HTML is CommonMark through libcmark inside a
 * page of our own (styles for screen and print, the DRAFT mark repeated on
 * every printed page); every table and figure is an HTML block we write
 * with its text escaped, so the page is well-formed XML as well as HTML.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "core/utf8.h"
#include "core/xalloc.h"
#include "report/reportdoc.h"

#define TXT_WIDTH 78
#define TXT_TABLE_WIDTH 100 /* a table wider than this is written one record a row */

static const char page_css[] =
    "body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;background:#fff;"
    "line-height:1.45;max-width:60em;margin:0 auto;padding:1em 1.5em 3em}\n"
    "h1{font-size:2em;margin:.5em 0 .2em}h2{font-size:1.5em;margin-top:1.6em;"
    "border-bottom:2px solid #1d70b8;padding-bottom:.15em}h3{font-size:1.15em;margin-top:1.2em}\n"
    "a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0}\n"
    ".skip{position:absolute;left:-999em}.skip:focus{position:static}\n"
    ".subtitle{font-size:1.1em;color:#505a5f;margin-top:0}\n"
    "table{border-collapse:collapse;margin:1em 0;width:100%}caption{text-align:left;"
    "font-weight:bold;padding:.3em 0}th,td{border:1px solid #b1b4b6;padding:.3em .5em;"
    "text-align:left;vertical-align:top}thead th{background:#f3f2f1}"
    "tbody th{font-weight:normal}\n"
    "figure{margin:1em 0}figcaption{font-size:.95em;color:#505a5f}svg{max-width:100%;height:auto}\n"
    "em{color:#505a5f}\n"
    ".draft-mark{position:fixed;top:0;left:0;right:0;text-align:center;background:#d4351c;"
    "color:#fff;font-weight:bold;letter-spacing:.2em;padding:.2em;z-index:1}\n"
    ".draft body,body.draft{padding-top:2.5em}\n"
    ".draft-banner{border:3px solid #d4351c;padding:.5em;font-weight:bold}\n"
    ".marking{text-align:center;font-weight:bold;letter-spacing:.1em;margin:.3em 0}\n"
    ".marking-print{display:none}\n"
    "nav.contents ol{padding-left:1.5em}nav.contents li{margin:.15em 0}\n"
    "td,th,caption,figcaption{overflow-wrap:anywhere}\n"
    "@page{margin:2cm 1.6cm}\n"
    "@media print{body{max-width:none;padding:0;font-size:11pt}a{color:#0b0c0c}"
    ".skip{display:none}h2,h3{break-after:avoid}tr,figure,li{break-inside:avoid}"
    "p{orphans:3;widows:3}h2{break-before:auto}thead{display:table-header-group}"
    ".marking-print{display:block;position:fixed;left:0;right:0;text-align:center;"
    "font-weight:bold;font-size:9pt}.marking-top{top:0}.marking-bottom{bottom:0}"
    ".marking{display:none}nav.contents{break-after:page}"
    ".draft-mark{position:fixed;top:0;background:none;color:#d4351c;"
    "border-bottom:2px solid #d4351c}}\n";

struct rdoc *
rdoc_new(const char *title, int draft)
{
	struct rdoc *d = xcalloc(1, sizeof *d);

	d->title = xstrdup(title);
	d->draft = draft;
	return d;
}

void
rdoc_free(struct rdoc *d)
{
	size_t i, k;

	if (d == NULL)
		return;
	for (i = 0; i < d->n; i++) {
		struct rdoc_block *b = &d->b[i];

		free(b->label);
		free(b->text);
		free(b->html);
		free(b->origin);
		free(b->check);
		for (k = 0; b->cells != NULL && k < (b->nrows + 1) * b->ncols; k++)
			free(b->cells[k]);
		free(b->cells);
		for (k = 0; b->row_origin != NULL && k < b->nrows; k++)
			free(b->row_origin[k]);
		free(b->row_origin);
	}
	free(d->b);
	free(d->title);
	free(d->subtitle);
	free(d->marking);
	free(d);
}

/* A new block of kind at the end of the document. */
static struct rdoc_block *
add(struct rdoc *d, enum rdoc_kind kind, const char *text, const char *origin)
{
	struct rdoc_block *b;

	d->b = xreallocarray(d->b, d->n + 1, sizeof *d->b);
	b = &d->b[d->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	b->text = text != NULL ? xstrdup(text) : NULL;
	b->origin = origin != NULL ? xstrdup(origin) : NULL;
	return b;
}

void
rdoc_subtitle(struct rdoc *d, const char *text)
{
	free(d->subtitle);
	d->subtitle = xstrdup(text);
}

void
rdoc_heading(struct rdoc *d, int level, const char *text)
{
	add(d, RDOC_HEADING, text, NULL)->level = level;
}

void
rdoc_para(struct rdoc *d, const char *label, const char *text, const char *origin)
{
	struct rdoc_block *b = add(d, RDOC_PARA, text, origin);

	b->label = label != NULL ? xstrdup(label) : NULL;
}

void
rdoc_item(struct rdoc *d, const char *text, const char *origin)
{
	add(d, RDOC_ITEM, text, origin);
}

void
rdoc_item_part(struct rdoc *d, const char *text, const char *check, const char *origin)
{
	add(d, RDOC_ITEM, text, origin)->check = xstrdup(check);
}

void
rdoc_note(struct rdoc *d, const char *text)
{
	add(d, RDOC_NOTE, text, NULL);
}

void
rdoc_table(struct rdoc *d, const char *caption, size_t ncols, const char *const *head)
{
	struct rdoc_block *b = add(d, RDOC_TABLE, caption, NULL);
	size_t k;

	b->ncols = ncols;
	b->cells = xreallocarray(NULL, ncols, sizeof *b->cells);
	for (k = 0; k < ncols; k++)
		b->cells[k] = xstrdup(head[k]);
}

void
rdoc_table_check(struct rdoc *d, unsigned long cols)
{
	d->b[d->n - 1].check_cols = cols;
}

void
rdoc_row(struct rdoc *d, const char *const *cells, const char *origin)
{
	struct rdoc_block *b = &d->b[d->n - 1];
	size_t k;

	b->cells = xreallocarray(b->cells, (b->nrows + 2) * b->ncols, sizeof *b->cells);
	for (k = 0; k < b->ncols; k++)
		b->cells[(b->nrows + 1) * b->ncols + k] = xstrdup(cells[k] != NULL ? cells[k] : "");
	b->row_origin = xreallocarray(b->row_origin, b->nrows + 1, sizeof *b->row_origin);
	b->row_origin[b->nrows] = origin != NULL ? xstrdup(origin) : NULL;
	b->nrows++;
}

void
rdoc_figure(struct rdoc *d, const char *html, const char *alt)
{
	add(d, RDOC_FIGURE, alt, NULL)->html = xstrdup(html);
}

void
rdoc_markdown(struct rdoc *d, const char *md, const char *text, const char *origin)
{
	struct rdoc_block *b = add(d, RDOC_MARKDOWN, text, origin);

	b->html = xstrdup(md);
}

void
rdoc_marking(struct rdoc *d, const char *marking)
{
	free(d->marking);
	d->marking = xstrdup(marking);
}

void
rdoc_html_escape(struct strbuf *out, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			strbuf_adds(out, "&amp;");
			break;
		case '<':
			strbuf_adds(out, "&lt;");
			break;
		case '>':
			strbuf_adds(out, "&gt;");
			break;
		case '"':
			strbuf_adds(out, "&quot;");
			break;
		case '\n':
		case '\r':
		case '\t':
			strbuf_addch(out, ' ');
			break;
		default:
			strbuf_addch(out, *s);
		}
	}
}

/* 1 when byte c is copied as it is by md_escape(): not markup, a line break or a tab, nor NUL. */
static int
md_plain(unsigned char c)
{
	switch (c) {
	case '\0':
	case '\n':
	case '\r':
	case '\t':
	case '\\': /* the markup: \`*_[]<>#&!|~ */
	case '`':
	case '*':
	case '_':
	case '[':
	case ']':
	case '<':
	case '>':
	case '#':
	case '&':
	case '!':
	case '|':
	case '~':
		return 0;
	default:
		return 1;
	}
}

/* Append s as CommonMark inline text: every character that could mean markup escaped. */
static void
md_escape(struct strbuf *out, const char *s)
{
	const char *p = s;

	while (*p == ' ' || *p == '\t')
		p++;
	/* a leading "1." or "-" would start a list, "=" or "-" an underline */
	if (*p == '-' || *p == '+' || *p == '=') {
		strbuf_addch(out, '\\');
	} else if (*p >= '0' && *p <= '9') {
		while (*p >= '0' && *p <= '9')
			strbuf_addch(out, *p++);
		if (*p == '.' || *p == ')')
			strbuf_addch(out, '\\');
	}
	while (*p != '\0') {
		const char *q = p;

		while (md_plain((unsigned char)*q))
			q++;
		strbuf_add(out, p, (size_t)(q - p)); /* a run that needs no escape, at once */
		if (*q == '\0')
			break;
		if (*q == '\n' || *q == '\r' || *q == '\t') {
			strbuf_addch(out, ' ');
		} else {
			strbuf_addch(out, '\\');
			strbuf_addch(out, *q);
		}
		p = q + 1;
	}
}

void
rdoc_md_escape(struct strbuf *out, const char *s)
{
	md_escape(out, s);
}

/* A table as an HTML block: caption, column headers, the first cell of a row heading it. */
static void
md_table(const struct rdoc_block *b, struct strbuf *out)
{
	size_t r, k;
	const char *cell;

	strbuf_adds(out, "<table>\n<caption>");
	rdoc_html_escape(out, b->text);
	strbuf_adds(out, "</caption>\n<thead>\n<tr>");
	for (k = 0; k < b->ncols; k++) {
		strbuf_adds(out, "<th scope=\"col\">");
		rdoc_html_escape(out, b->cells[k]);
		strbuf_adds(out, "</th>");
	}
	strbuf_adds(out, "</tr>\n</thead>\n<tbody>\n");
	for (r = 1; r <= b->nrows; r++) {
		strbuf_adds(out, "<tr>");
		for (k = 0; k < b->ncols; k++) {
			cell = b->cells[r * b->ncols + k];
			strbuf_adds(out, k == 0 ? "<th scope=\"row\">" : "<td>");
			rdoc_html_escape(out, cell);
			strbuf_adds(out, k == 0 ? "</th>" : "</td>");
		}
		strbuf_adds(out, "</tr>\n");
	}
	strbuf_adds(out, "</tbody>\n</table>\n");
}

/* One block as CommonMark, after the blank line that separates it from the last. */
static void
md_block(const struct rdoc *d, size_t i, int for_html, struct strbuf *out)
{
	const struct rdoc_block *b = &d->b[i];
	int in_list = i > 0 && b->kind == RDOC_ITEM && d->b[i - 1].kind == RDOC_ITEM;

	if (!in_list)
		strbuf_addch(out, '\n');
	switch (b->kind) {
	case RDOC_HEADING:
		if (for_html && b->level <= 2) { /* an id for the contents list */
			strbuf_printf(out, "<h2 id=\"s%zu\">", i);
			rdoc_html_escape(out, b->text);
			strbuf_adds(out, "</h2>\n");
			return;
		}
		strbuf_adds(out, b->level <= 2 ? "## " : "### ");
		if (d->draft && !for_html && b->level <= 2)
			strbuf_adds(out, "DRAFT: ");
		md_escape(out, b->text);
		break;
	case RDOC_PARA:
		if (b->label != NULL) {
			strbuf_adds(out, "**");
			md_escape(out, b->label);
			strbuf_adds(out, "**");
			if (b->text != NULL && *b->text != '\0')
				strbuf_addch(out, ' ');
		}
		if (b->text != NULL)
			md_escape(out, b->text);
		break;
	case RDOC_ITEM:
		strbuf_adds(out, "- ");
		md_escape(out, b->text);
		break;
	case RDOC_NOTE:
		strbuf_addch(out, '*');
		md_escape(out, b->text);
		strbuf_addch(out, '*');
		break;
	case RDOC_TABLE:
		md_table(b, out);
		return;
	case RDOC_MARKDOWN:
		strbuf_adds(out, b->html);
		if (out->len > 0 && out->buf[out->len - 1] != '\n')
			strbuf_addch(out, '\n');
		return;
	case RDOC_FIGURE:
		if (for_html) {
			strbuf_adds(out, b->html);
			if (out->len > 0 && out->buf[out->len - 1] != '\n')
				strbuf_addch(out, '\n');
			return;
		}
		md_escape(out, b->text);
		break;
	}
	strbuf_addch(out, '\n');
}

void
rdoc_md(const struct rdoc *d, int for_html, struct strbuf *out)
{
	size_t i;

	if (d->marking != NULL && !for_html) {
		md_escape(out, d->marking);
		strbuf_adds(out, "\n\n");
	}
	strbuf_adds(out, "# ");
	if (d->draft && !for_html)
		strbuf_adds(out, "DRAFT: ");
	md_escape(out, d->title);
	strbuf_addch(out, '\n');
	if (d->subtitle != NULL) {
		strbuf_adds(out, "\n<p class=\"subtitle\">");
		rdoc_html_escape(out, d->subtitle);
		strbuf_adds(out, "</p>\n");
	}
	if (d->draft)
		strbuf_adds(out,
		            "\n<p class=\"draft-banner\">DRAFT: not for publication. The evidence "
		            "or the report is not yet complete.</p>\n");
	for (i = 0; i < d->n; i++)
		md_block(d, i, for_html, out);
	if (d->draft)
		strbuf_adds(out, "\n<p class=\"draft-banner\">DRAFT: not for publication.</p>\n");
	if (d->marking != NULL && !for_html) {
		strbuf_addch(out, '\n');
		md_escape(out, d->marking);
		strbuf_addch(out, '\n');
	}
}

/* Display width of UTF-8 s[0..len): code points. */
static size_t
width(const char *s, size_t len)
{
	return utf8_chars(s, len);
}

/* Append text wrapped at TXT_WIDTH: first line after first, the rest indented by indent. */
static void
txt_wrap(struct strbuf *out, const char *first, size_t indent, const char *text)
{
	size_t col = width(first, strlen(first)), wl, k;
	const char *p = text, *e;
	int fresh = 1;

	strbuf_adds(out, first);
	while (*p != '\0') {
		while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
			p++;
		if (*p == '\0')
			break;
		for (e = p; *e != '\0' && *e != ' ' && *e != '\n' && *e != '\t' && *e != '\r'; e++)
			;
		wl = width(p, (size_t)(e - p));
		if (!fresh && col + 1 + wl > TXT_WIDTH) {
			strbuf_addch(out, '\n');
			for (k = 0; k < indent; k++)
				strbuf_addch(out, ' ');
			col = indent;
			fresh = 1;
		}
		if (!fresh) {
			strbuf_addch(out, ' ');
			col++;
		}
		strbuf_add(out, p, (size_t)(e - p));
		col += wl;
		fresh = 0;
		p = e;
	}
	strbuf_addch(out, '\n');
}

/* Append s and pad it to w columns. */
static void
txt_pad(struct strbuf *out, const char *s, size_t w)
{
	size_t have = width(s, strlen(s));

	strbuf_adds(out, s);
	for (; have < w; have++)
		strbuf_addch(out, ' ');
}

/* A table as aligned columns when it fits, else one record a row. */
static void
txt_table(const struct rdoc_block *b, struct strbuf *out)
{
	size_t *w = xcalloc(b->ncols, sizeof *w), r, k, total = 0, cw;
	char *first;

	for (r = 0; r <= b->nrows; r++)
		for (k = 0; k < b->ncols; k++) {
			cw = width(b->cells[r * b->ncols + k], strlen(b->cells[r * b->ncols + k]));
			w[k] = cw > w[k] ? cw : w[k];
		}
	for (k = 0; k < b->ncols; k++)
		total += w[k] + (k > 0 ? 2 : 0);
	strbuf_adds(out, b->text);
	strbuf_adds(out, ":\n\n");
	if (total <= TXT_TABLE_WIDTH) {
		for (r = 0; r <= b->nrows; r++) {
			for (k = 0; k < b->ncols; k++) {
				if (k > 0)
					strbuf_adds(out, "  ");
				txt_pad(out, b->cells[r * b->ncols + k],
				        k + 1 < b->ncols ? w[k] : 0);
			}
			strbuf_addch(out, '\n');
			for (k = 0; r == 0 && k < total; k++)
				strbuf_addch(out, '-');
			if (r == 0)
				strbuf_addch(out, '\n');
		}
	} else {
		for (r = 1; r <= b->nrows; r++) {
			for (k = 0; k < b->ncols; k++) {
				first = xasprintf("%s%s: ", k == 0 ? "  - " : "    ", b->cells[k]);
				txt_wrap(out, first, 6, b->cells[r * b->ncols + k]);
				free(first);
			}
		}
	}
	free(w);
}

/* Append an underlined heading. */
static void
txt_heading(struct strbuf *out, const char *prefix, const char *text, int ch)
{
	size_t k, w;

	strbuf_adds(out, prefix);
	strbuf_adds(out, text);
	strbuf_addch(out, '\n');
	w = width(prefix, strlen(prefix)) + width(text, strlen(text));
	for (k = 0; k < w; k++)
		strbuf_addch(out, ch);
	strbuf_addch(out, '\n');
}

/* Plain text of a Markdown block, each line wrapped (list items indented). */
static void
txt_markdown(struct strbuf *out, const char *text)
{
	const char *p = text, *e;
	char *line;

	while (*p != '\0') {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		line = xstrndup(p, (size_t)(e - p));
		if (*line == '\0')
			strbuf_addch(out, '\n');
		else if (strncmp(line, "  - ", 4) == 0)
			txt_wrap(out, "  - ", 4, line + 4);
		else
			txt_wrap(out, "", 0, line);
		free(line);
		p = *e == '\n' ? e + 1 : e;
	}
}

void
rdoc_txt(const struct rdoc *d, struct strbuf *out)
{
	const char *draft = d->draft ? "DRAFT: " : "";
	char *first;
	size_t i;

	if (d->marking != NULL)
		strbuf_printf(out, "%s\n\n", d->marking);
	txt_heading(out, draft, d->title, '=');
	if (d->subtitle != NULL)
		txt_wrap(out, "", 0, d->subtitle);
	if (d->draft)
		strbuf_adds(out,
		            "\nDRAFT: not for publication. The evidence or the report is not yet "
		            "complete.\n");
	for (i = 0; i < d->n; i++) {
		const struct rdoc_block *b = &d->b[i];

		if (!(b->kind == RDOC_ITEM && i > 0 && d->b[i - 1].kind == RDOC_ITEM))
			strbuf_addch(out, '\n');
		switch (b->kind) {
		case RDOC_HEADING:
			if (b->level <= 2)
				strbuf_addch(out, '\n');
			txt_heading(out, b->level <= 2 ? draft : "", b->text,
			            b->level <= 2 ? '=' : '-');
			break;
		case RDOC_PARA:
			first = xasprintf("%s%s", b->label != NULL ? b->label : "",
			                  b->label != NULL && b->text != NULL ? " " : "");
			txt_wrap(out, first, 0, b->text != NULL ? b->text : "");
			free(first);
			break;
		case RDOC_ITEM:
			txt_wrap(out, "  - ", 4, b->text);
			break;
		case RDOC_NOTE:
		case RDOC_FIGURE:
			txt_wrap(out, "", 0, b->text);
			break;
		case RDOC_TABLE:
			txt_table(b, out);
			break;
		case RDOC_MARKDOWN:
			txt_markdown(out, b->text);
			break;
		}
	}
	if (d->draft)
		strbuf_adds(out, "\nDRAFT: not for publication.\n");
	if (d->marking != NULL)
		strbuf_printf(out, "\n%s\n", d->marking);
}

void
rdoc_page(struct strbuf *out, const char *title, int draft, const char *marking,
          const char *contents, const char *body)
{
	strbuf_adds(out,
	            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
	            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
	            "<title>");
	if (draft)
		strbuf_adds(out, "DRAFT: ");
	rdoc_html_escape(out, title);
	strbuf_adds(out, "</title>\n<style>\n");
	strbuf_adds(out, page_css);
	strbuf_printf(out, "</style>\n</head>\n<body%s>\n", draft ? " class=\"draft\"" : "");
	strbuf_adds(out, "<a class=\"skip\" href=\"#main\">Skip to the content</a>\n");
	if (draft)
		strbuf_adds(out, "<div class=\"draft-mark\" role=\"note\">DRAFT</div>\n");
	if (marking != NULL) {
		strbuf_adds(out, "<p class=\"marking\">");
		rdoc_html_escape(out, marking);
		strbuf_adds(out,
		            "</p>\n<div class=\"marking-print marking-top\" aria-hidden=\"true\">");
		rdoc_html_escape(out, marking);
		strbuf_adds(out, "</div>\n<div class=\"marking-print marking-bottom\" "
		                 "aria-hidden=\"true\">");
		rdoc_html_escape(out, marking);
		strbuf_adds(out, "</div>\n");
	}
	strbuf_adds(out, "<main id=\"main\">\n");
	if (contents != NULL)
		strbuf_adds(out, contents);
	strbuf_adds(out, body);
	strbuf_adds(out, "</main>\n");
	if (marking != NULL) {
		strbuf_adds(out, "<p class=\"marking\">");
		rdoc_html_escape(out, marking);
		strbuf_adds(out, "</p>\n");
	}
	strbuf_adds(out, "</body>\n</html>\n");
}

int
rdoc_markdown_page(struct strbuf *out, const char *title, int draft, const char *md, int raw_html,
                   char *err, size_t errsz)
{
	char *body = cmark_markdown_to_html(md, strlen(md), raw_html ? CMARK_OPT_UNSAFE : 0);

	if (body == NULL) {
		snprintf(err, errsz, "libcmark could not render the Markdown");
		return -1;
	}
	rdoc_page(out, title, draft, NULL, NULL, body);
	free(body);
	return 0;
}

/* The contents list: a link to every level-2 heading (ids written by md_block). */
static void
contents(const struct rdoc *d, struct strbuf *out)
{
	size_t i;

	strbuf_adds(out, "<nav class=\"contents\" aria-labelledby=\"contents\">\n"
	                 "<h2 id=\"contents\">Contents</h2>\n<ol>\n");
	for (i = 0; i < d->n; i++) {
		if (d->b[i].kind != RDOC_HEADING || d->b[i].level > 2)
			continue;
		strbuf_printf(out, "<li><a href=\"#s%zu\">", i);
		rdoc_html_escape(out, d->b[i].text);
		strbuf_adds(out, "</a></li>\n");
	}
	strbuf_adds(out, "</ol>\n</nav>\n");
}

int
rdoc_html(const struct rdoc *d, struct strbuf *out, char *err, size_t errsz)
{
	struct strbuf md, nav;
	char *body;
	int rc;

	strbuf_init(&md);
	strbuf_init(&nav);
	rdoc_md(d, 1, &md);
	contents(d, &nav);
	/* raw HTML passes: it is ours (escaped tables, figures, headings); sections are cleaned */
	body = cmark_markdown_to_html(md.buf, md.len, CMARK_OPT_UNSAFE);
	rc = body != NULL ? 0 : -1;
	if (body == NULL)
		snprintf(err, errsz, "libcmark could not render the Markdown");
	else
		rdoc_page(out, d->title, d->draft, d->marking, nav.buf, body);
	free(body);
	strbuf_free(&md);
	strbuf_free(&nav);
	return rc;
}

/* The end of a block in plain text: a blank line after it, one within a tight list. */
static void
text_block_end(cmark_node *node, struct strbuf *out)
{
	cmark_node *list = cmark_node_parent(cmark_node_parent(node));

	if (out->len > 0 && out->buf[out->len - 1] != '\n')
		strbuf_addch(out, '\n');
	if (list != NULL && cmark_node_get_type(list) == CMARK_NODE_LIST &&
	    cmark_node_get_list_tight(list) && cmark_node_next(cmark_node_parent(node)) != NULL)
		return;
	strbuf_addch(out, '\n');
}

/* One event of the walk of the tree, as plain text. */
static void
text_event(cmark_node *node, cmark_event_type ev, struct strbuf *out)
{
	const char *lit = cmark_node_get_literal(node);

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		if (lit != NULL)
			strbuf_adds(out, lit);
		break;
	case CMARK_NODE_SOFTBREAK:
		strbuf_addch(out, ' ');
		break;
	case CMARK_NODE_LINEBREAK:
		strbuf_addch(out, '\n');
		break;
	case CMARK_NODE_CODE_BLOCK:
		if (lit != NULL)
			strbuf_adds(out, lit);
		text_block_end(node, out);
		break;
	case CMARK_NODE_ITEM:
		if (ev == CMARK_EVENT_ENTER)
			strbuf_adds(out, "  - ");
		break;
	case CMARK_NODE_LINK:
		/* an autolink shows its address; another link its text, then the address */
		if (ev == CMARK_EVENT_EXIT && cmark_node_get_url(node) != NULL &&
		    *cmark_node_get_url(node) != '\0' &&
		    !(cmark_node_first_child(node) != NULL &&
		      cmark_node_get_literal(cmark_node_first_child(node)) != NULL &&
		      strcmp(cmark_node_get_literal(cmark_node_first_child(node)),
		             cmark_node_get_url(node)) == 0))
			strbuf_printf(out, " (%s)", cmark_node_get_url(node));
		break;
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		if (ev == CMARK_EVENT_EXIT)
			text_block_end(node, out);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		strbuf_adds(out, "----\n\n");
		break;
	default: /* raw HTML is dropped; emphasis keeps its words */
		break;
	}
}

int
rdoc_markdown_text(const char *md, struct strbuf *out, char *err, size_t errsz)
{
	cmark_node *doc = cmark_parse_document(md, strlen(md), 0);
	cmark_iter *it;
	cmark_event_type ev;

	if (doc == NULL || (it = cmark_iter_new(doc)) == NULL) {
		snprintf(err, errsz, "libcmark could not read the Markdown");
		cmark_node_free(doc);
		return -1;
	}
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		text_event(cmark_iter_get_node(it), ev, out);
	cmark_iter_free(it);
	cmark_node_free(doc);
	while (out->len > 1 && out->buf[out->len - 1] == '\n' && out->buf[out->len - 2] == '\n')
		out->buf[--out->len] = '\0';
	return 0;
}
