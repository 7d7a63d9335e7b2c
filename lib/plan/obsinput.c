/*
 * obsinput.c: plan-observations' inputs (see obsinput.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/diag.h"
#include "core/fieldmap.h"
#include "core/memo.h"
#include "core/table.h"
#include "core/text.h"
#include "core/vocab.h"
#include "core/xalloc.h"
#include "plan/obsinput.h"

int
obsinput_plan_load(const char *path, struct obsinput_plan *p)
{
	char err[512];
	size_t i;

	memset(p, 0, sizeof *p);
	if ((p->pf = planfile_load(path, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s (a plan comes from plan-weeks --format json)", err);
		return -1;
	}
	p->areas = xcalloc(p->pf->nareas + 1, sizeof(char *));
	for (i = 0; i < p->pf->nareas; i++)
		p->areas[p->nareas++] = p->pf->areas[i].service_area;
	p->slots = xcalloc(p->pf->ndeploy + 1, sizeof(*p->slots));
	for (i = 0; i < p->pf->ndeploy; i++) {
		const struct planfile_deploy *d = &p->pf->deploy[i];
		const struct planfile_area *a = planfile_area(p->pf, d->location);

		if (a == NULL)
			continue; /* national office, the NBC, off-site */
		p->slots[p->nslots].name = d->name;
		p->slots[p->nslots].area = a->service_area;
		p->slots[p->nslots].date = d->date;
		p->nslots++;
	}
	return 0;
}

void
obsinput_plan_free(struct obsinput_plan *p)
{
	free(p->slots);
	free(p->areas);
	planfile_free(p->pf);
	memset(p, 0, sizeof *p);
}

/* Parse a whole number of minutes, 0 to 1440. */
static int
parse_minutes(const char *s, int *out)
{
	uint64_t v;

	if (cli_parse_u64(s, 0, 24 * 60, &v) != 0)
		return -1;
	*out = (int)v;
	return 0;
}

/* The vocabularies a row is checked against. */
struct opp_vocabs {
	struct vocab *yesno, *types;
};

/* The type of a cell: a canonical name or an alias; -1 when neither. */
static int
opp_type(const struct opp_vocabs *v, const char *cell)
{
	long e = vocab_find(v->types, cell);

	return e < 0 ? -1 : observe_type_parse(vocab_value(v->types, (size_t)e));
}

/* Read row r into o; on a bad cell name the line and column (never the value). */
static int
opp_row(const struct table *t, size_t r, const long *col, const struct opp_vocabs *v,
        struct observe_opp *o)
{
	const char *name = t->name;
	unsigned long line = t->rows[r].line;
	long c;
	int type;

	o->id = table_cell(t, r, col[0]);
	o->area = table_cell(t, r, col[1]);
	o->line = line;
	if (*o->id == '\0' || *o->area == '\0') {
		diag_error(name, line, "%s is blank", *o->id == '\0' ? "id" : "service_area");
		return -1;
	}
	if (dates_parse(table_cell(t, r, col[2]), &o->date) != 0) {
		diag_error(name, line, "date: not a date (YYYY-MM-DD or DD/MM/YYYY)");
		return -1;
	}
	o->start = dates_parse_time(table_cell(t, r, col[3]));
	o->end = dates_parse_time(table_cell(t, r, col[4]));
	if (o->start < 0 || o->end < 0 || o->end <= o->start) {
		diag_error(name, line, "start, end: need HH:MM with end after start");
		return -1;
	}
	if ((type = opp_type(v, table_cell(t, r, col[5]))) < 0) {
		diag_error(name, line,
		           "type: not court-duty, office-appointment, home-visit, meeting or "
		           "interview (nor an alias of one: share/vocab/observation-type.json)");
		return -1;
	}
	o->type = (enum observe_type)type;
	if (parse_minutes(table_cell(t, r, col[7]), &o->travel) != 0) {
		diag_error(name, line, "travel_minutes: need whole minutes, 0 to 1440");
		return -1;
	}
	if ((c = vocab_find(v->yesno, table_cell(t, r, col[8]))) < 0) {
		diag_error(name, line, "consent: need Y or N");
		return -1;
	}
	o->consent = strcmp(vocab_value(v->yesno, (size_t)c), "Y") == 0;
	return 0;
}

static int
cmp_opp_id(const void *a, const void *b)
{
	const struct observe_opp *x = *(const struct observe_opp *const *)a;
	const struct observe_opp *y = *(const struct observe_opp *const *)b;
	int c = strcmp(x->id, y->id);

	return c != 0 ? c : (x->line > y->line) - (x->line < y->line);
}

/* 1 after a diagnostic when two rows share an id. */
static int
duplicate_ids(const struct obsinput_opps *o)
{
	const struct observe_opp **v = xmalloc((o->n + 1) * sizeof *v);
	size_t i;
	int dup = 0;

	for (i = 0; i < o->n; i++)
		v[i] = &o->opp[i];
	qsort(v, o->n, sizeof *v, cmp_opp_id);
	for (i = 1; i < o->n && !dup; i++)
		if (strcmp(v[i - 1]->id, v[i]->id) == 0) {
			char ref[128];

			diag_error(o->t->name, v[i]->line, "id: the same id as %s",
			           diag_line_ref(o->t->name, v[i - 1]->line, ref, sizeof ref));
			dup = 1;
		}
	free(v);
	return dup;
}

/* Bind the header; a missing required column is an error on line 1. */
static int
opps_bind(const struct table *t, struct fieldmap *fm, long *col)
{
	struct fieldmap_binding b;
	size_t i;
	int rc = 0;

	fieldmap_bind(fm, (const char *const *)t->header, t->ncols, &b);
	for (i = 0; i < fieldmap_count(fm); i++) {
		col[i] = b.column[i];
		if (col[i] < 0 && fieldmap_required(fm, i)) {
			diag_error(t->name, 1, "missing column '%s'", fieldmap_name(fm, i));
			rc = -1;
		}
	}
	fieldmap_unbind(&b);
	return rc;
}

#define NEAR_MEMO_MAX 4096 /* distinct areas of the opportunities remembered */

/* Warn about areas not visited whose names are near a visited one. */
static void
near_misses(const struct obsinput_plan *p, struct obsinput_opps *o)
{
	struct memo *seen = memo_new(NEAR_MEMO_MAX); /* area -> k, or -2: visited */
	const char *area;
	long k;

	for (size_t i = 0; i < o->n; i++) {
		area = o->opp[i].area;
		if (!memo_get(seen, area, strlen(area), &k)) {
			k = planfile_is_area(p->pf, area) ? -2
			                                  : text_nearest(area, p->areas, p->nareas);
			(void)memo_put(seen, area, strlen(area),
			               k); /* full: found again next time */
		}
		if (k < 0)
			continue;
		diag_warn(o->t->name, o->opp[i].line,
		          "service_area: not an area the plan visits; did you mean '%s'?",
		          p->areas[k]);
		o->near_misses++;
	}
	memo_free(seen);
}

int
obsinput_opps_load(const char *path, const struct obsinput_plan *p, struct obsinput_opps *o)
{
	char err[512];
	struct fieldmap *fm = NULL;
	struct opp_vocabs v = {NULL, NULL};
	long col[9];
	size_t r;
	int rc = -1;

	memset(o, 0, sizeof *o);
	if ((o->t = table_read(path, 0, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	if ((fm = fieldmap_load_named("opportunities", err, sizeof err)) == NULL ||
	    (v.yesno = vocab_load_named("consent", err, sizeof err)) == NULL ||
	    (v.types = vocab_load_named("observation-type", err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		goto out;
	}
	if (fieldmap_count(fm) != 9) {
		diag_error(NULL, 0, "share/fields/opportunities.json: expected 9 fields");
		goto out;
	}
	if (opps_bind(o->t, fm, col) != 0)
		goto out;
	o->opp = xcalloc(o->t->nrows + 1, sizeof(*o->opp));
	for (r = 0; r < o->t->nrows; r++, o->n++)
		if (opp_row(o->t, r, col, &v, &o->opp[r]) != 0)
			goto out;
	if (duplicate_ids(o))
		goto out;
	near_misses(p, o);
	rc = 0;
out:
	if (fm != NULL)
		fieldmap_free(fm);
	if (v.yesno != NULL)
		vocab_free(v.yesno);
	if (v.types != NULL)
		vocab_free(v.types);
	return rc;
}

void
obsinput_opps_free(struct obsinput_opps *o)
{
	free(o->opp);
	if (o->t != NULL)
		table_free(o->t);
	memset(o, 0, sizeof *o);
}
