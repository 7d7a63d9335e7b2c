/*
 * gantt.c: an SVG (or HTML) Gantt picture of the plan.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"

#include "plan/gantt.h"
#include "plan/planhtml.h"

#define LABEL_W 230
#define ROW_H 20
#define HEAD_H 44

/* The picture's geometry. */
struct geom {
	date_t first, last;
	int cell; /* width of a day */
	int rows; /* people plus the timeline row */
	int width, height;
};

/* Write s with the XML special characters escaped. */
void
gantt_escape(FILE *fp, const char *s)
{
	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", fp);
			break;
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		default:
			fputc(*s, fp);
		}
	}
}

/* The fill colour for a location. */
static const char *
colour(const char *where)
{
	if (strcmp(where, "off-site") == 0)
		return "#e8e8e8";
	if (strcmp(where, "national office") == 0)
		return "#4a7ab5";
	if (strcmp(where, "National Business Centre") == 0)
		return "#8a5ab5";
	if (strcmp(where, "unassigned") == 0)
		return "#d9534f";
	return "#3c9a5f";
}

/* The x of date d. */
static int
xof(const struct geom *g, date_t d)
{
	return LABEL_W + (int)(d - g->first) * g->cell;
}

/* The people in the order of the deployment rows (first day). */
static size_t
people(const struct plan *p, const struct deploy_person **out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < p->ndeploy && n < max; i++) {
		int seen = 0;

		for (size_t j = 0; j < n; j++)
			seen |= out[j] == p->deploy[i].person;
		if (!seen)
			out[n++] = p->deploy[i].person;
	}
	return n;
}

/* Shade weekends, bank holidays and blackout days; label the weeks. */
static void
background(FILE *fp, const struct plan *p, const struct geom *g)
{
	char buf[DATES_ISO_LEN];
	int bottom = HEAD_H + g->rows * ROW_H;

	for (date_t d = g->first; d <= g->last; d++) {
		const char *h = calendar_holiday(p->in->cal, d);
		const char *b = timetable_blackout(p->in->profile, d);
		int x = xof(g, d);

		if (dates_weekday(d) >= SAT)
			fprintf(fp,
			        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			        "class=\"weekend\"/>\n",
			        x, HEAD_H, g->cell, bottom - HEAD_H);
		if (h != NULL) {
			fprintf(fp,
			        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			        "class=\"holiday\"><title>",
			        x, HEAD_H, g->cell, bottom - HEAD_H);
			gantt_escape(fp, h);
			fprintf(fp, " %s</title></rect>\n", dates_format(d, buf));
		}
		if (b != NULL) {
			fprintf(fp,
			        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			        "class=\"blackout\"><title>",
			        x, HEAD_H, g->cell, bottom - HEAD_H);
			gantt_escape(fp, b);
			fputs("</title></rect>\n", fp);
		}
		if (dates_weekday(d) == MON) {
			fprintf(fp,
			        "<line x1=\"%d\" y1=\"14\" x2=\"%d\" y2=\"%d\" class=\"week\"/>\n",
			        x, x, bottom);
			fprintf(fp, "<text x=\"%d\" y=\"12\" class=\"small\">week %d, %s</text>\n",
			        x + 2, timetable_week_of(p->tt, d), dates_format(d, buf));
		}
	}
}

/* The timeline row: activity days as bars, deadlines as diamonds. */
static void
timeline_row(FILE *fp, const struct plan *p, const struct geom *g)
{
	int y = HEAD_H, prev_day = -1000;
	char buf[DATES_ISO_LEN];

	fprintf(fp, "<text x=\"4\" y=\"%d\">Timeline (working days)</text>\n", y + 14);
	for (size_t i = 0; i < p->tt->nrows; i++) {
		const struct timetable_row *r = &p->tt->rows[i];
		int x = xof(g, r->date);

		if (r->day != prev_day && g->cell >= 12)
			fprintf(fp, "<text x=\"%d\" y=\"%d\" class=\"small\">%d</text>\n", x + 1,
			        HEAD_H - 4, r->day);
		prev_day = r->day;
		fprintf(fp,
		        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"%s\"><title>",
		        x, y + 4, g->cell, ROW_H - 8, r->spec->on_site ? "onsite" : "activity");
		fprintf(fp, "Day %d, %s: ", r->day, dates_format(r->date, buf));
		gantt_escape(fp, r->spec->activity);
		fputs("</title></rect>\n", fp);
		if (r->spec->time != NULL || r->spec->day == r->spec->to) {
			int cx = x + g->cell / 2, cy = y + ROW_H / 2;

			fprintf(
			    fp,
			    "<path d=\"M%d %dL%d %dL%d %dL%d %dZ\" class=\"deadline\"><title>%s ",
			    cx, cy - 7, cx + 5, cy, cx, cy + 7, cx - 5, cy,
			    r->spec->time != NULL ? r->spec->time : dates_format(r->date, buf));
			gantt_escape(fp, r->spec->activity);
			fputs("</title></path>\n", fp);
		}
	}
}

/* Initials of an area's name ("Kent and Sussex" -> "KS"), at most 3 letters. */
static void
abbrev(const char *name, char *out)
{
	size_t n = 0;
	const char *w = name;

	while (*w != '\0' && n < 3) {
		size_t len = strcspn(w, " ");

		if (!(len == 3 && strncmp(w, "and", 3) == 0) &&
		    !(len == 2 && strncmp(w, "of", 2) == 0))
			out[n++] = *w;
		w += len;
		w += strspn(w, " ");
	}
	out[n] = '\0';
}

/* Label the start of each run of days a person spends in one service area. */
static void
area_labels(FILE *fp, const struct plan *p, const struct geom *g, const struct deploy_person *who,
            int y)
{
	const struct plan_deployment *prev = NULL;
	char ab[8];

	for (size_t i = 0; i < p->ndeploy; i++) {
		const struct plan_deployment *r = &p->deploy[i];

		if (r->person != who)
			continue;
		if (strcmp(colour(r->location), "#3c9a5f") == 0 && g->cell >= 12 &&
		    (prev == NULL || strcmp(prev->location, r->location) != 0)) {
			abbrev(r->location, ab);
			fprintf(fp, "<text x=\"%d\" y=\"%d\" class=\"label\">", xof(g, r->date) + 3,
			        y + 14);
			gantt_escape(fp, ab);
			fputs("</text>\n", fp);
		}
		prev = r;
	}
}

/* Write s cut to at most max characters (UTF-8 aware), with an ellipsis when cut. */
static void
fit(FILE *fp, const char *s, size_t max)
{
	char buf[256];
	size_t n = 0, chars = 0, i;

	for (i = 0; s[i] != '\0' && n + 4 < sizeof buf; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80 && ++chars > max)
			break;
		buf[n++] = s[i];
	}
	buf[n] = '\0';
	gantt_escape(fp, buf);
	if (s[i] != '\0')
		fputs("\xe2\x80\xa6", fp);
}

/* A row's label: the name (and a replacement's), the role, cut to fit the column. */
static void
person_label(FILE *fp, const struct plan *p, const struct deploy_person *who)
{
	const char *other = NULL;
	char *label;

	for (size_t i = 0; i < p->ndeploy; i++)
		if (p->deploy[i].person == who && strcmp(p->deploy[i].name, who->name) != 0)
			other = p->deploy[i].name;
	label = other != NULL
	            ? xasprintf("%s / %s (%s)", who->name, other, deploy_role_name(who->role))
	            : xasprintf("%s (%s)", who->name, deploy_role_name(who->role));
	fit(fp, label, (LABEL_W - 8) / 7);
	free(label);
}

/* One row per person: where they are each day. */
static void
person_rows(FILE *fp, const struct plan *p, const struct geom *g,
            const struct deploy_person *const *who, size_t n)
{
	char buf[DATES_ISO_LEN];

	for (size_t k = 0; k < n; k++) {
		int y = HEAD_H + (int)(k + 1) * ROW_H;

		fprintf(fp, "<text x=\"4\" y=\"%d\">", y + 14);
		person_label(fp, p, who[k]);
		fputs("</text>\n", fp);
		for (size_t i = 0; i < p->ndeploy; i++) {
			const struct plan_deployment *r = &p->deploy[i];

			if (r->person != who[k])
				continue;
			fprintf(fp,
			        "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			        "fill=\"%s\"><title>%s: ",
			        xof(g, r->date) + 1, y + 2, g->cell - 2, ROW_H - 4,
			        colour(r->location), dates_format(r->date, buf));
			gantt_escape(fp, r->location);
			fputs("</title></rect>\n", fp);
		}
		area_labels(fp, p, g, who[k], y);
	}
}

/* The legend under the rows. */
static void
legend(FILE *fp, const struct plan *p, const struct geom *g)
{
	static const struct {
		const char *label, *fill;
	} items[] = {{"national office", "#4a7ab5"},
	             {"National Business Centre", "#8a5ab5"},
	             {"service area", "#3c9a5f"},
	             {"off-site", "#e8e8e8"},
	             {"weekend", "#d0d0d0"},
	             {"bank holiday", "#f5b041"},
	             {"blackout period", "url(#hatch)"},
	             {"deadline", "#c0392b"}};
	int y = HEAD_H + g->rows * ROW_H + 16;

	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
		int x = 4 + (int)(i % 4) * 190, yy = y + (int)(i / 4) * 18;

		fprintf(fp,
		        "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\" "
		        "stroke=\"#888\"/>",
		        x, yy, items[i].fill);
		fprintf(fp, "<text x=\"%d\" y=\"%d\">%s</text>\n", x + 16, yy + 11, items[i].label);
	}
	y += 2 * 18 + 12;
	for (size_t i = 0; i < p->nareas; i++) {
		char ab[8];

		abbrev(p->areas[i].service_area, ab);
		fprintf(fp, "<text x=\"%d\" y=\"%d\">", 4 + (int)(i % 3) * 330,
		        y + (int)(i / 3) * 18);
		gantt_escape(fp, ab);
		fputs(": ", fp);
		gantt_escape(fp, p->areas[i].service_area);
		fprintf(fp, " (week %d)</text>\n", p->areas[i].week);
	}
}

/* Write the SVG element. */
void
gantt_svg(const struct plan *p, FILE *fp)
{
	const struct deploy_person *who[64];
	size_t n = people(p, who, sizeof who / sizeof who[0]);
	struct geom g;

	g.first = p->tt->rows[0].date - (date_t)dates_weekday(p->tt->rows[0].date);
	g.last = p->tt->rows[p->tt->nrows - 1].date;
	g.last += 6 - (date_t)dates_weekday(g.last);
	g.cell = g.last - g.first > 120 ? 4 : 16;
	g.rows = (int)n + 1;
	g.width = LABEL_W + (int)(g.last - g.first + 1) * g.cell + 4;
	g.height = HEAD_H + g.rows * ROW_H + 56 + 12 + (int)(p->nareas + 2) / 3 * 18;
	fprintf(fp,
	        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
	        "viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"gantt-title\">\n",
	        g.width, g.height, g.width, g.height);
	fputs("<title id=\"gantt-title\">Inspection plan: ", fp);
	gantt_escape(fp, p->in->profile->title);
	fputs(
	    "</title>\n<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" "
	    "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
	    "<rect width=\"3\" height=\"6\" fill=\"#c0392b\" fill-opacity=\"0.35\"/></pattern>\n"
	    "<style>text{font-family:sans-serif;font-size:12px;fill:#222}"
	    ".small{font-size:9px}.label{font-size:10px;fill:#fff;font-weight:bold}.weekend{fill:#"
	    "d0d0d0}.holiday{fill:#f5b041}"
	    ".blackout{fill:url(#hatch)}.week{stroke:#999;stroke-width:1}"
	    ".onsite{fill:#2e6da4}.activity{fill:#9fb8d6}.deadline{fill:#c0392b}</style></defs>\n",
	    fp);
	fprintf(fp, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
	        g.width, g.height);
	background(fp, p, &g);
	timeline_row(fp, p, &g);
	person_rows(fp, p, &g, who, n);
	legend(fp, p, &g);
	fputs("</svg>\n", fp);
}

/* Write the picture as SVG or as an HTML page. */
void
gantt_write(const struct plan *p, int html, FILE *fp)
{
	if (html) {
		planhtml_write(p, fp);
		return;
	}
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", fp);
	gantt_svg(p, fp);
}
