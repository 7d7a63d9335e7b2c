/*
 * report_svg.c: the picture of evidence coverage in the HTML report: the
 * criteria of the evaluation schedule (rows, grouped by judgement) by
 * service area (columns), each cell shaded by the number of SEA entries
 * and labelled with it, with a title, a description and a legend for
 * screen readers and for print. Written as a <figure> HTML block.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/utf8.h"
#include "core/xalloc.h"
#include "report/report.h"
#include "report/reportdoc.h"

#define LABEL_W 330
#define CELL_W 28
#define CELL_H 20
#define TOP_MIN 40
#define RIGHT 110
#define LEGEND_H 56
#define LINE_MAX 46 /* characters of a criterion's label a line: longer ones wrap, never cut */
#define LINE_H 13 /* the height of a wrapped line */

struct grid {
	size_t nrows, ncols;
	size_t top; /* height of the turned column headings */
	long long *crit; /* criterion of each row; 0: evidence naming no criterion */
	const char **judgement; /* judgement of each row */
	const char **title;
	const char **area; /* column names, sorted; NULL: no service area */
	size_t *count; /* nrows * ncols */
};

/* Compare two area names for qsort (NULL last). */
static int
area_cmp(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;

	if (x == NULL || y == NULL)
		return (x == NULL) - (y == NULL);
	return strcmp(x, y);
}

/* Index of area in the grid's columns. */
static size_t
area_col(const struct grid *g, const char *area)
{
	size_t k;

	for (k = 0; k < g->ncols; k++)
		if (g->area[k] == NULL ? area == NULL
		                       : area != NULL && strcmp(g->area[k], area) == 0)
			return k;
	return 0;
}

/* Add a row unless there is one for (judgement, criterion). */
static size_t
grid_row(struct grid *g, const char *judgement, long long crit, const char *title)
{
	size_t r;

	for (r = 0; r < g->nrows; r++)
		if (g->crit[r] == crit && strcmp(g->judgement[r], judgement) == 0)
			return r;
	g->crit = xreallocarray(g->crit, g->nrows + 1, sizeof *g->crit);
	g->judgement = xreallocarray(g->judgement, g->nrows + 1, sizeof *g->judgement);
	g->title = xreallocarray(g->title, g->nrows + 1, sizeof *g->title);
	g->crit[g->nrows] = crit;
	g->judgement[g->nrows] = judgement;
	g->title[g->nrows] = title;
	return g->nrows++;
}

/* Rows from the coverage, columns from the entries' areas, then the counts. */
static void
grid_fill(struct grid *g, const struct seafile *sea)
{
	const struct seafile_entry *e;
	const char *area;
	size_t i, k, r;

	memset(g, 0, sizeof *g);
	for (i = 0; i < sea->ncoverage; i++)
		grid_row(g, sea->coverage[i].judgement, sea->coverage[i].criterion,
		         sea->coverage[i].title != NULL ? sea->coverage[i].title : "");
	for (i = 0; i < sea->nentries; i++) {
		e = &sea->entries[i];
		area = e->service_area;
		for (k = 0; k < g->ncols && area_cmp(&g->area[k], &area) != 0; k++)
			;
		if (k == g->ncols) {
			g->area = xreallocarray(g->area, g->ncols + 1, sizeof *g->area);
			g->area[g->ncols++] = area;
		}
		if (e->ncriteria == 0)
			grid_row(g, e->judgement, 0, "Evidence naming no criterion");
		for (r = 0; r < e->ncriteria; r++)
			grid_row(g, e->judgement, e->criteria[r], "");
	}
	qsort(g->area, g->ncols, sizeof *g->area, area_cmp);
	g->top = TOP_MIN;
	for (k = 0; k < g->ncols; k++) {
		/* 11px Arial runs about 6px a character; turned 55 degrees, sin 55 = 0.82 */
		size_t h = (g->area[k] != NULL ? strlen(g->area[k]) : 15) * 6 * 82 / 100 + 16;

		g->top = h > g->top ? h : g->top;
	}
	g->count = xcalloc(g->nrows * g->ncols + 1, sizeof *g->count);
	for (i = 0; i < sea->nentries; i++) {
		e = &sea->entries[i];
		k = area_col(g, e->service_area);
		if (e->ncriteria == 0)
			g->count[grid_row(g, e->judgement, 0, "") * g->ncols + k]++;
		for (r = 0; r < e->ncriteria; r++)
			g->count[grid_row(g, e->judgement, e->criteria[r], "") * g->ncols + k]++;
	}
}

static void
grid_free(struct grid *g)
{
	free(g->crit);
	free(g->judgement);
	free(g->title);
	free(g->area);
	free(g->count);
}

/* The fill colour and text colour for a count. */
static void
shade(size_t n, const char **fill, const char **ink)
{
	*ink = "#0b0c0c";
	if (n == 0)
		*fill = "#f3f2f1";
	else if (n == 1)
		*fill = "#d2e2f1";
	else if (n <= 3)
		*fill = "#8eb8dc";
	else {
		*fill = "#1d70b8";
		*ink = "#ffffff";
	}
}

/*
 * Break label into lines of at most LINE_MAX characters at spaces (a word
 * longer than a line stands alone): the start and length of each line in
 * at and len (room for max), the count returned.
 */
static size_t
wrap(const char *label, const char **at, size_t *len, size_t max)
{
	const char *p = label, *line = label, *space = NULL;
	size_t n = 0;

	for (;; p++) {
		if (*p == ' ' || *p == '\0') {
			if (utf8_chars(line, (size_t)(p - line)) > LINE_MAX && space != NULL &&
			    n + 1 < max) {
				at[n] = line;
				len[n++] = (size_t)(space - line);
				line = space + 1;
			}
			space = p;
		}
		if (*p == '\0')
			break;
	}
	at[n] = line;
	len[n++] = (size_t)(p - line);
	return n;
}

/* The lines of row r's label: at most 8. */
#define MAX_LINES 8

/* The height of row r: its label's lines, at least one cell. */
static size_t
row_height(const struct grid *g, size_t r)
{
	const char *at[MAX_LINES];
	size_t len[MAX_LINES], n = wrap(g->title[r], at, len, MAX_LINES);

	return n <= 1 ? CELL_H : CELL_H + (n - 1) * LINE_H;
}

/* A judgement's heading row label. */
static const char *
group_name(const char *judgement)
{
	if (strcmp(judgement, "private-law") == 0)
		return "Private law";
	if (strcmp(judgement, "public-law") == 0)
		return "Public law";
	if (strcmp(judgement, "leadership") == 0)
		return "Leadership and management";
	return judgement;
}

/* The column headings, turned to fit. */
static void
svg_columns(const struct grid *g, struct strbuf *out)
{
	size_t k;

	for (k = 0; k < g->ncols; k++) {
		strbuf_printf(out, "<text transform=\"translate(%zu,%zu) rotate(-55)\">",
		              LABEL_W + k * CELL_W + CELL_W / 2, g->top - 6);
		rdoc_html_escape(out, g->area[k] != NULL ? g->area[k] : "No service area");
		strbuf_adds(out, "</text>\n");
	}
}

/* One row: its label and its cells at y. */
static void
svg_row(const struct grid *g, size_t r, size_t y, struct strbuf *out)
{
	const char *fill, *ink;
	size_t k, n;

	const char *at[MAX_LINES];
	size_t len[MAX_LINES], nl = wrap(g->title[r], at, len, MAX_LINES), l, h = row_height(g, r);
	char *line;

	/* the whole label, wrapped: the first line beside the cells, the rest below it */
	strbuf_printf(out, "<text x=\"%d\" y=\"%zu\" text-anchor=\"end\">", LABEL_W - 8, y + 14);
	for (l = 0; l < nl; l++) {
		strbuf_printf(out, "<tspan x=\"%d\" dy=\"%d\">", LABEL_W - 8, l == 0 ? 0 : LINE_H);
		if (l == 0 && g->crit[r] > 0)
			strbuf_printf(out, "%lld ", g->crit[r]);
		line = xstrndup(at[l], len[l]);
		rdoc_html_escape(out, line);
		free(line);
		strbuf_adds(out, "</tspan>");
	}
	strbuf_adds(out, "</text>\n");
	for (k = 0; k < g->ncols; k++) {
		n = g->count[r * g->ncols + k];
		shade(n, &fill, &ink);
		strbuf_printf(out,
		              "<rect x=\"%zu\" y=\"%zu\" width=\"%d\" height=\"%zu\" fill=\"%s\" "
		              "stroke=\"#ffffff\"><title>",
		              LABEL_W + k * CELL_W, y, CELL_W, h, fill);
		if (g->crit[r] > 0)
			strbuf_printf(out, "Criterion %lld", g->crit[r]);
		else
			strbuf_adds(out, "No criterion");
		strbuf_adds(out, ", ");
		rdoc_html_escape(out, g->area[k] != NULL ? g->area[k] : "no service area");
		strbuf_printf(out, ": %zu entr%s</title></rect>\n", n, n == 1 ? "y" : "ies");
		if (n > 0)
			strbuf_printf(
			    out,
			    "<text x=\"%zu\" y=\"%zu\" text-anchor=\"middle\" fill=\"%s\" "
			    "aria-hidden=\"true\">%zu</text>\n",
			    LABEL_W + k * CELL_W + CELL_W / 2, y + 14, ink, n);
	}
}

/* The legend below the grid at y. */
static void
svg_legend(struct strbuf *out, size_t y)
{
	static const struct {
		size_t n;
		const char *label;
	} keys[] = {{0, "no entries"}, {1, "1 entry"}, {2, "2 or 3"}, {4, "4 or more"}};
	const char *fill, *ink;
	size_t i, x = LABEL_W;

	strbuf_printf(out,
	              "<text x=\"%d\" y=\"%zu\" text-anchor=\"end\">Entries in the SEA:</text>\n",
	              LABEL_W - 8, y + 14);
	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		shade(keys[i].n, &fill, &ink);
		strbuf_printf(out,
		              "<rect x=\"%zu\" y=\"%zu\" width=\"%d\" height=\"%d\" fill=\"%s\" "
		              "stroke=\"#b1b4b6\"/>\n<text x=\"%zu\" y=\"%zu\">%s</text>\n",
		              x, y, CELL_W, CELL_H, fill, x + CELL_W + 6, y + 14, keys[i].label);
		x += CELL_W + 90;
	}
}

char *
report_coverage_svg(const struct seafile *sea)
{
	struct grid g;
	struct strbuf out;
	size_t r, y, groups = 0, width, height;
	const char *last = NULL;
	char *ret;

	grid_fill(&g, sea);
	for (r = 0; r < g.nrows; r++)
		if (last == NULL || strcmp(last, g.judgement[r]) != 0) {
			groups++;
			last = g.judgement[r];
		}
	width = LABEL_W + g.ncols * CELL_W + RIGHT;
	height = g.top + groups * CELL_H + LEGEND_H;
	for (r = 0; r < g.nrows; r++)
		height += row_height(&g, r);
	strbuf_init(&out);
	strbuf_printf(
	    &out,
	    "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
	    "aria-labelledby=\"coverage-title coverage-desc\" width=\"%zu\" height=\"%zu\" "
	    "viewBox=\"0 0 %zu %zu\" font-family=\"Arial, Helvetica, sans-serif\" "
	    "font-size=\"11\" fill=\"#0b0c0c\">\n",
	    width, height, width, height);
	strbuf_printf(
	    &out,
	    "<title id=\"coverage-title\">Evidence coverage: criteria by service area</title>\n"
	    "<desc id=\"coverage-desc\">A grid of %zu criteria (rows, grouped by judgement) "
	    "by %zu service areas (columns). Each cell gives the number of entries in the "
	    "summary of evidence and analysis; darker cells hold more.</desc>\n",
	    g.nrows, g.ncols);
	svg_columns(&g, &out);
	last = NULL;
	for (r = 0, y = g.top; r < g.nrows; r++) {
		if (last == NULL || strcmp(last, g.judgement[r]) != 0) {
			last = g.judgement[r];
			strbuf_printf(&out,
			              "<text x=\"8\" y=\"%zu\" font-weight=\"bold\">%s</text>\n"
			              "<line x1=\"8\" y1=\"%zu\" x2=\"%zu\" y2=\"%zu\" "
			              "stroke=\"#b1b4b6\"/>\n",
			              y + 15, group_name(last), y + CELL_H - 1, width - RIGHT,
			              y + CELL_H - 1);
			y += CELL_H;
		}
		svg_row(&g, r, y, &out);
		y += row_height(&g, r);
	}
	svg_legend(&out, y + 16);
	strbuf_adds(&out,
	            "</svg>\n<figcaption>Evidence coverage: the number of entries in the summary "
	            "of evidence and analysis for each criterion (rows) in each service area "
	            "(columns).</figcaption>\n</figure>\n");
	grid_free(&g);
	ret = strbuf_steal(&out);
	strbuf_free(&out); /* steal leaves a fresh empty buffer */
	return ret;
}
