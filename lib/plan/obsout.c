/*
 * obsout.c: plan-observations' output formats and its list of what could
 * not be met.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "core/csvio.h"
#include "core/diag.h"
#include "core/jsonio.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xlsxout.h"
#include "plan/obsics.h"
#include "plan/obsout.h"

/* "HH:MM" of minutes after midnight (0 to 1439) into buf (6 bytes). */
static const char *
hhmm(int minutes, char *buf)
{
	unsigned m = (unsigned)minutes % 1440;

	buf[0] = (char)('0' + m / 600);
	buf[1] = (char)('0' + m / 60 % 10);
	buf[2] = ':';
	buf[3] = (char)('0' + m % 60 / 10);
	buf[4] = (char)('0' + m % 10);
	buf[5] = '\0';
	return buf;
}

static int
write_csv(FILE *fp, const struct observe_result *r, const struct observe_opp *opps,
          const struct observe_slot *slots)
{
	static const char *const header[] = {"opportunity_id", "inspector", "service_area", "date",
	                                     "start",          "end",       "type"};
	char date[DATES_ISO_LEN], start[6], end[6];
	const char *row[7];
	size_t i;

	csvio_write_row(fp, header, 7);
	for (i = 0; i < r->nassign; i++) {
		const struct observe_opp *o = &opps[r->assign[i].opp];

		row[0] = o->id;
		row[1] = slots[r->assign[i].slot].name;
		row[2] = o->area;
		row[3] = dates_format(o->date, date);
		row[4] = hhmm(o->start, start);
		row[5] = hhmm(o->end, end);
		row[6] = observe_type_name(o->type);
		csvio_write_row(fp, row, 7);
	}
	return ferror(fp) ? -1 : 0;
}

/* 1 when some observed day of area has a court duty. */
static int
area_has_court(const struct observe_result *r, const char *area)
{
	size_t i;

	for (i = 0; i < r->ndays; i++)
		if (r->days[i].court_duty && text_label_same(r->days[i].area, area))
			return 1;
	return 0;
}

/* Court duties listed for area, and how many of them lack consent. */
static void
court_counts(const struct observe_opp *opps, size_t n, const char *area, size_t *listed,
             size_t *refused)
{
	size_t i;

	*listed = *refused = 0;
	for (i = 0; i < n; i++)
		if (opps[i].type == OBSERVE_COURT_DUTY && text_label_same(opps[i].area, area)) {
			(*listed)++;
			*refused += !opps[i].consent;
		}
}

/* The unmet aims as JSON objects. */
static json_t *
unmet_json(const struct observe_result *r, const char *const *areas, size_t nareas)
{
	json_t *a = json_array();
	char date[DATES_ISO_LEN];
	size_t i;

	for (i = 0; i < nareas; i++)
		if (!area_has_court(r, areas[i]))
			json_array_append_new(a, json_pack("{s:s, s:s, s:s}", "aim", "court-duty",
			                                   "service_area", areas[i], "message",
			                                   "no court duty observation"));
	for (i = 0; i < r->ndays; i++) {
		const struct observe_day *d = &r->days[i];

		if (d->observed < d->inspectors)
			json_array_append_new(a, json_pack("{s:s, s:s, s:s, s:I, s:I}", "aim",
			                                   "observation-each-day", "service_area",
			                                   d->area, "date",
			                                   dates_format(d->date, date),
			                                   "inspectors", (json_int_t)d->inspectors,
			                                   "observed", (json_int_t)d->observed));
	}
	return a;
}

static int
write_json(FILE *fp, const struct observe_result *r, const struct observe_opp *opps,
           const struct observe_slot *slots, const char *const *areas, size_t nareas)
{
	json_t *doc, *list, *days, *dropped;
	char date[DATES_ISO_LEN], start[6], end[6];
	size_t i, idays = 0, observed = 0;
	int rc;

	list = json_array();
	for (i = 0; i < r->nassign; i++) {
		const struct observe_opp *o = &opps[r->assign[i].opp];

		json_array_append_new(
		    list,
		    json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "opportunity_id", o->id,
		              "inspector", slots[r->assign[i].slot].name, "service_area", o->area,
		              "date", dates_format(o->date, date), "start", hhmm(o->start, start),
		              "end", hhmm(o->end, end), "type", observe_type_name(o->type)));
	}
	days = json_array();
	for (i = 0; i < r->ndays; i++) {
		const struct observe_day *d = &r->days[i];

		idays += d->inspectors;
		observed += d->observed;
		json_array_append_new(
		    days,
		    json_pack("{s:s, s:s, s:I, s:I, s:I, s:b}", "service_area", d->area, "date",
		              dates_format(d->date, date), "inspectors", (json_int_t)d->inspectors,
		              "observed", (json_int_t)d->observed, "observations",
		              (json_int_t)d->observations, "court_duty", d->court_duty));
	}
	dropped = json_object();
	for (i = OBSERVE_NO_CONSENT; i < OBSERVE_NREASONS; i++)
		json_object_set_new(dropped, observe_reason_name((enum observe_reason)i),
		                    json_integer((json_int_t)r->dropped[i]));
	doc = json_pack("{s:o, s:o, s:o, s:{s:I, s:I, s:I, s:I, s:I, s:o}}", "assignments", list,
	                "days", days, "unmet", unmet_json(r, areas, nareas), "summary",
	                "areas_visited", (json_int_t)r->nareas_visited, "areas_with_court_duty",
	                (json_int_t)r->nareas_court, "inspector_days", (json_int_t)idays,
	                "inspector_days_observed", (json_int_t)observed, "observations",
	                (json_int_t)r->nassign, "dropped", dropped);
	rc = jsonio_dump(doc, fp);
	json_decref(doc);
	return rc;
}

/* The assignments as a workbook of one sheet, Observations. */
static int
write_book(FILE *fp, const struct observe_result *r, const struct observe_opp *opps,
           const struct observe_slot *slots, char *err, size_t errsz)
{
	struct xlsxout_csv list;

	if (xlsxout_csv_open(&list) == NULL) {
		snprintf(err, errsz, "out of memory");
		return -1;
	}
	write_csv(list.fp, r, opps, slots);
	return xlsxout_write_csv(&list, fp, "Observations", NULL, 0, err, errsz);
}

int
obsout_write(FILE *fp, int format, const struct observe_result *r, const struct observe_opp *opps,
             const struct observe_slot *slots, const char *const *areas, size_t nareas, char *err,
             size_t errsz)
{
	int rc;

	errno = 0;
	switch (format) {
	case OBSOUT_CSV:
		rc = write_csv(fp, r, opps, slots);
		break;
	case OBSOUT_JSON:
		rc = write_json(fp, r, opps, slots, areas, nareas);
		break;
	case OBSOUT_XLSX:
		return write_book(fp, r, opps, slots, err, errsz);
	default:
		rc = obsics_write(fp, r, opps, slots);
		break;
	}
	if (rc != 0)
		snprintf(err, errsz, "write error: %s", strerror(errno ? errno : EIO));
	return rc;
}

void
obsout_unmet(FILE *fp, const struct observe_result *r, const struct observe_opp *opps, size_t nopps,
             const char *const *areas, size_t nareas)
{
	char date[DATES_ISO_LEN];
	size_t i, listed, refused;

	(void)fp;
	for (i = 0; i < nareas; i++) {
		if (area_has_court(r, areas[i]))
			continue;
		court_counts(opps, nopps, areas[i], &listed, &refused);
		diag_note("%s: no court duty observation (%zu court duties listed, %zu without "
		          "consent)",
		          areas[i], listed, refused);
	}
	for (i = 0; i < r->ndays; i++) {
		const struct observe_day *d = &r->days[i];

		if (d->observed < d->inspectors)
			diag_note("%s %s: %zu of %zu inspectors have no observation", d->area,
			          dates_format(d->date, date), d->inspectors - d->observed,
			          d->inspectors);
	}
	obsout_dropped(r);
}

void
obsout_dropped(const struct observe_result *r)
{
	struct strbuf sb;
	size_t n = 0;

	strbuf_init(&sb);
	for (int i = OBSERVE_NO_CONSENT; i < OBSERVE_NREASONS; i++) {
		if (r->dropped[i] == 0)
			continue;
		strbuf_printf(&sb, "%s%zu %s", n > 0 ? ", " : "", r->dropped[i],
		              observe_reason_text((enum observe_reason)i));
		n += r->dropped[i];
	}
	if (n > 0)
		diag_note("%zu opportunit%s not used: %s", n, n == 1 ? "y" : "ies", sb.buf);
	strbuf_free(&sb);
}

int
obsout_rejected(FILE *fp, const struct observe_result *r, const struct observe_opp *opps,
                size_t nopps)
{
	static const char *const header[] = {"opportunity_id", "line", "service_area",
	                                     "date",           "type", "reason"};
	char date[DATES_ISO_LEN], line[24];
	const char *row[6];

	csvio_write_row(fp, header, 6);
	for (size_t i = 0; i < nopps; i++) {
		if (r->reason[i] == OBSERVE_USED)
			continue;
		snprintf(line, sizeof line, "%lu", opps[i].line);
		row[0] = opps[i].id;
		row[1] = line;
		row[2] = opps[i].area;
		row[3] = dates_format(opps[i].date, date);
		row[4] = observe_type_name(opps[i].type);
		row[5] = observe_reason_name((enum observe_reason)r->reason[i]);
		csvio_write_row(fp, row, 6);
	}
	return ferror(fp) ? -1 : 0;
}
