/*
 * planhtml.c: the plan as one HTML page (see planhtml.h).
 */
#include <stdio.h>
#include <string.h>

#include "plan/gantt.h"
#include "plan/planhtml.h"

/* <td>s</td>, escaped. */
static void
cell(FILE *fp, const char *s)
{
	fputs("<td>", fp);
	gantt_escape(fp, s != NULL ? s : "");
	fputs("</td>", fp);
}

static void
cell_int(FILE *fp, long n)
{
	fprintf(fp, "<td>%ld</td>", n);
}

/* A header row from a list of names. */
static void
head(FILE *fp, const char *const *names, size_t n)
{
	fputs("<thead><tr>", fp);
	for (size_t i = 0; i < n; i++) {
		fputs("<th scope=\"col\">", fp);
		gantt_escape(fp, names[i]);
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n", fp);
}

/* What to flag about a date: a bank holiday or a blackout period, else NULL. */
static const char *
flag(const struct plan *p, date_t d)
{
	const char *b = timetable_blackout(p->in->profile, d);

	return b != NULL ? b : calendar_holiday(p->in->cal, d);
}

static void
timeline_table(FILE *fp, const struct plan *p)
{
	static const char *const cols[] = {"Day", "Date",  "Week",     "Activity",
	                                   "Who", "Where", "Deadline", "Note"};
	char d[DATES_ISO_LEN];

	fputs("<h2 id=\"timeline\">Timeline</h2>\n<table class=\"timeline\">\n", fp);
	head(fp, cols, sizeof cols / sizeof cols[0]);
	fputs("<tbody>\n", fp);
	for (size_t i = 0; i < p->tt->nrows; i++) {
		const struct timetable_row *r = &p->tt->rows[i];
		const char *f = flag(p, r->date);

		fprintf(fp, "<tr%s>",
		        r->spec->time != NULL || r->spec->day == r->spec->to
		            ? " class=\"milestone\""
		            : "");
		cell_int(fp, r->day);
		fprintf(fp, "<td>%s %s</td>", plan_weekday(r->date), dates_format(r->date, d));
		cell_int(fp, r->week);
		cell(fp, r->spec->activity);
		cell(fp, r->spec->who);
		cell(fp, r->spec->where);
		cell(fp, r->spec->time != NULL ? r->spec->time : "");
		if (f != NULL) {
			fputs("<td class=\"flag\">", fp);
			gantt_escape(fp, f);
			fputs("</td>", fp);
		} else
			cell(fp, "");
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n", fp);
}

static void
areas_table(FILE *fp, const struct plan *p)
{
	static const char *const cols[] = {"Service area", "Week", "On site", "Notified on",
	                                   "Why chosen"};
	char a[DATES_ISO_LEN], b[DATES_ISO_LEN];

	fputs("<h2 id=\"areas\">Service areas</h2>\n<table class=\"areas\">\n", fp);
	head(fp, cols, sizeof cols / sizeof cols[0]);
	fputs("<tbody>\n", fp);
	for (size_t i = 0; i < p->nareas; i++) {
		const struct plan_area *r = &p->areas[i];

		fputs("<tr>", fp);
		cell(fp, r->service_area);
		cell_int(fp, r->week);
		fprintf(fp, "<td>%s to %s</td>", dates_format(r->on_site_from, a),
		        dates_format(r->on_site_to, b));
		cell(fp, dates_format(r->notify_on, a));
		cell(fp, r->reason);
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n", fp);
}

/* The distinct dates of the deployment, in order (at most max). */
static size_t
deploy_dates(const struct plan *p, date_t *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < p->ndeploy && n < max; i++)
		if (n == 0 || out[n - 1] != p->deploy[i].date)
			out[n++] = p->deploy[i].date;
	return n;
}

/* Short text for a location in the grid. */
static const char *
short_place(const char *loc)
{
	if (strcmp(loc, "national office") == 0)
		return "NO";
	if (strcmp(loc, "National Business Centre") == 0)
		return "NBC";
	if (strcmp(loc, "off-site") == 0)
		return "\xc2\xb7";
	return loc;
}

static void
deployment_grid(FILE *fp, const struct plan *p)
{
	date_t dates[64];
	size_t nd = deploy_dates(p, dates, sizeof dates / sizeof dates[0]);
	char d[DATES_ISO_LEN];

	fputs("<h2 id=\"deployment\">Deployment</h2>\n<p>NO: national office; NBC: National "
	      "Business Centre; \xc2\xb7: off-site.</p>\n<table class=\"grid\">\n<thead><tr>"
	      "<th scope=\"col\">Name</th><th scope=\"col\">Role</th>",
	      fp);
	for (size_t k = 0; k < nd; k++)
		fprintf(fp, "<th scope=\"col\">%s<br/>%.5s</th>",
		        dates_weekday_abbr(dates_weekday(dates[k])), dates_format(dates[k], d) + 5);
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (size_t i = 0; i < p->ndeploy; i++) {
		const struct plan_deployment *r = &p->deploy[i];
		int first = 1;

		for (size_t j = 0; j < i && first; j++)
			first = p->deploy[j].person != r->person;
		if (!first)
			continue;
		fputs("<tr>", fp);
		cell(fp, r->person->name);
		cell(fp, deploy_role_name(r->person->role));
		for (size_t k = 0; k < nd; k++) {
			const struct plan_deployment *at = NULL;

			for (size_t j = i; j < p->ndeploy && at == NULL; j++)
				if (p->deploy[j].person == r->person &&
				    p->deploy[j].date == dates[k])
					at = &p->deploy[j];
			if (at == NULL) {
				cell(fp, "");
				continue;
			}
			fputs("<td", fp);
			if (strcmp(at->name, r->person->name) != 0) {
				fputs(" title=\"", fp);
				gantt_escape(fp, at->name);
				fputs("\"", fp);
			}
			fputs(">", fp);
			gantt_escape(fp, short_place(at->location));
			fputs("</td>", fp);
		}
		fputs("</tr>\n", fp);
	}
	fputs("</tbody>\n</table>\n", fp);
}

static void
notes(FILE *fp, const struct plan *p)
{
	if (p->nwarnings + p->nproblems == 0)
		return;
	fputs("<h2 id=\"warnings\">Problems and warnings</h2>\n<ul>\n", fp);
	for (size_t i = 0; i < p->nproblems; i++) {
		fputs("<li class=\"problem\">", fp);
		gantt_escape(fp, p->problems[i]);
		fputs("</li>\n", fp);
	}
	for (size_t i = 0; i < p->nwarnings; i++) {
		fputs("<li>", fp);
		gantt_escape(fp, p->warnings[i]);
		fputs("</li>\n", fp);
	}
	fputs("</ul>\n", fp);
}

void
planhtml_write(const struct plan *p, FILE *fp)
{
	char buf[DATES_ISO_LEN];

	fputs("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
	      "<head>\n<meta charset=\"utf-8\"/>\n<title>Inspection plan</title>\n"
	      "<style>body{font-family:sans-serif;margin:1em}table{border-collapse:collapse;"
	      "margin:.5em 0 1.5em}th,td{border:1px solid #bbb;padding:2px 6px;text-align:left;"
	      "vertical-align:top;font-size:13px}tr.milestone td{font-weight:bold}"
	      "td.flag{background:#f5b041}li.problem{color:#a00}.grid td{text-align:center}"
	      "figure{overflow-x:auto;margin:0}@media print{figure{overflow:visible}}</style>\n"
	      "</head>\n<body>\n<h1>Inspection plan</h1>\n<p>",
	      fp);
	gantt_escape(fp, p->in->profile->title);
	fprintf(fp, ". Start: %s; division: ", dates_format(p->in->start, buf));
	gantt_escape(fp, p->in->division);
	fprintf(fp, "; issue %ld.</p>\n", p->sequence);
	notes(fp, p);
	timeline_table(fp, p);
	if (p->nareas > 0) {
		areas_table(fp, p);
		deployment_grid(fp, p);
	}
	fputs("<h2 id=\"picture\">Who is where</h2>\n<figure>\n", fp);
	gantt_svg(p, fp);
	fputs("<figcaption>Who is where each working day, by calendar week; weekends, bank "
	      "holidays and blackout periods shaded; deadlines and milestones marked."
	      "</figcaption>\n</figure>\n</body>\n</html>\n",
	      fp);
}
