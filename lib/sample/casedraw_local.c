/*
 * local.c: sample-cases local: a visited service area's samples (handbook
 * paras 49 and 51): recently filed cases for inspectors, some of them with
 * supervision records, and recently closed cases for the local management
 * audit, by law type. Sizes come from share/sample/local.json.
 */
#include <stdlib.h>
#include <string.h>

#include "core/datadir.h"
#include "core/diag.h"
#include "core/jsonio.h"
#include "core/table.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "sample/casedraw.h"

/* The two local strata: filed, then audit. */
struct local_defs {
	json_t *root; /* owns the ids */
	struct strata_stratum def[2];
	struct strata_quota quotas[8];
};

/* Read stratum id from local.json into d (sizes and flag count from flagkey). */
static int
read_def(const json_t *strata, const char *id, const char *flagkey, struct strata_stratum *d,
         struct strata_quota *qs, size_t maxq)
{
	const json_t *s, *q;
	size_t i, j;

	json_array_foreach(strata, i, s)
	{
		if (strcmp(jsonio_str(s, "id", ""), id) != 0)
			continue;
		d->id = jsonio_str(s, "id", "");
		d->size = (unsigned)jsonio_int(s, "size", 0);
		d->audit = (unsigned)jsonio_int(s, flagkey, 0);
		d->quotas = qs;
		json_array_foreach(json_object_get(s, "quotas"), j, q)
		{
			if (j >= maxq || jsonio_str(q, "id", NULL) == NULL)
				return -1;
			qs[j].id = jsonio_str(q, "id", "");
			qs[j].size = (unsigned)jsonio_int(q, "size", 0);
			d->nquotas = j + 1;
		}
		return 0;
	}
	return -1;
}

/* Load share/sample/local.json; -1 after a diagnostic. */
static int
load_defs(struct local_defs *ld)
{
	char err[512], *path = datadir_path("sample/local.json");
	const json_t *strata;
	int rc = 0;

	memset(ld, 0, sizeof *ld);
	if ((ld->root = jsonio_load(path, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		free(path);
		return -1;
	}
	strata = json_object_get(ld->root, "strata");
	if (read_def(strata, "local-filed", "supervision", &ld->def[0], ld->quotas, 4) < 0 ||
	    read_def(strata, "local-audit", "audit", &ld->def[1], ld->quotas + 4, 4) < 0) {
		diag_error(path, 0, "needs strata \"local-filed\" and \"local-audit\"");
		rc = -1;
	}
	free(path);
	return rc;
}

/* Exclude the Case IDs of one exclusion file from s; -1 after a diagnostic. */
static int
exclude_file(const struct casedraw_ctx *c, const char *path, unsigned csv_flags, struct sample *s)
{
	struct fieldmap_binding b;
	struct table *t;
	char err[512];
	long f = fieldmap_index(c->annexa, "case_id"), col;
	size_t r;

	if ((t = table_read(path, csv_flags, err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		return -1;
	}
	fieldmap_bind(c->annexa, (const char *const *)t->header, t->ncols, &b);
	col = b.column[f];
	fieldmap_unbind(&b);
	if (col < 0) {
		diag_error(t->name, 1, "--exclude: no Case ID column");
		table_free(t);
		return -1;
	}
	for (r = 0; r < t->nrows; r++)
		if (!text_blank(table_cell(t, r, col)))
			sample_exclude(s, table_cell(t, r, col));
	table_free(t);
	return 0;
}

/*
 * Bind a local list's date column (Date filed, the 2025 form's Case start
 * date, for the filed list; Date closed, Case end date, for the closed list).
 * Without one the cases' recency cannot be told: said, and 1 (exit 1) unless
 * --allow-old.
 */
static int
bind_date(const struct casedraw_ctx *c, struct casedraw_source *src, enum casedraw_kind kind)
{
	struct fieldmap_binding b;
	long f =
	    fieldmap_index(c->annexa, kind == CASEDRAW_FILED ? "case_start_date" : "case_end_date");

	fieldmap_bind(c->annexa, (const char *const *)src->header, src->ncols, &b);
	src->date_col = f < 0 ? -1 : b.column[f];
	fieldmap_unbind(&b);
	if (src->date_col >= 0)
		return 0;
	if (c->allow_old) {
		diag_note("%s: no %s column: the cases' recency is not checked (--allow-old)",
		          src->name, kind == CASEDRAW_FILED ? "Date filed" : "Date closed");
		return 0;
	}
	diag_warn(src->name, 1,
	          "no %s column (or %s): the cases' recency cannot be checked, all drawn as "
	          "recent; --allow-old accepts that",
	          kind == CASEDRAW_FILED ? "Date filed" : "Date closed",
	          kind == CASEDRAW_FILED ? "Case start date" : "Case end date");
	return 1;
}

/* A draw of one local stratum from one file. */
struct local_draw {
	struct casedraw_source src;
	struct sample *s;
	struct sample_result *res;
	struct casedraw_tally t;
	size_t *map; /* source column -> output column */
	int loud; /* rows left out that could not be classified, or recency unchecked */
	int undated; /* no date column: recency not checked */
};

/* Read path into a draw of def, excluding the --exclude files and extra picks. */
static int
local_read(struct casedraw_ctx *c, const struct casedraw_opts *o, const char *path,
           enum casedraw_kind kind, const struct strata_stratum *def,
           const struct sample_result *also, struct local_draw *d)
{
	char err[256];
	size_t i;

	memset(d, 0, sizeof *d);
	casedraw_tally_init(&d->t);
	d->s = sample_new(def, 1, o->seed);
	for (i = 0; i < o->nexclude; i++)
		if (exclude_file(c, o->exclude[i], o->csv_flags, d->s) < 0)
			return -1;
	for (i = 0; also != NULL && i < also->npicks; i++)
		sample_exclude(d->s, also->picks[i].case_id);
	if (casedraw_source_open(&d->src, path, o->csv_flags, c, 0) < 0)
		return -1;
	d->undated = bind_date(c, &d->src, kind);
	d->t.allow_old = o->allow_old;
	text_normkey(o->area, &c->key);
	{
		char *areakey = xstrdup(c->key.buf);
		int rc = casedraw_feed(c, &d->src, d->s, kind, areakey, def, &d->t);

		free(areakey);
		if (rc < 0)
			return -1;
	}
	if ((d->res = sample_draw(d->s, err, sizeof err)) == NULL) {
		diag_error(d->src.name, 0, "%s", err);
		return -1;
	}
	d->loud = casedraw_tally_report(&d->t, d->s, c, d->src.name) | d->undated;
	if (d->res->strata[0].eligible == 0)
		diag_warn(d->src.name, 0, "no eligible cases of service area \"%s\"", o->area);
	return 0;
}

/* Free a draw. */
static void
local_free(struct local_draw *d)
{
	casedraw_source_close(&d->src);
	sample_result_free(d->res);
	sample_free(d->s);
	casedraw_tally_free(&d->t);
	free(d->map);
}

/* The output header: the filed columns, then closed columns not among them. */
static size_t
union_header(struct local_draw *f, struct local_draw *cl, char ***out)
{
	struct strbuf a, b;
	size_t n = f->src.ncols, i, j;
	char **h = xcalloc(f->src.ncols + (cl ? cl->src.ncols : 0) + 1, sizeof *h);

	strbuf_init(&a);
	strbuf_init(&b);
	f->map = xcalloc(f->src.ncols + 1, sizeof *f->map);
	for (i = 0; i < f->src.ncols; i++) {
		h[i] = f->src.header[i];
		f->map[i] = i;
	}
	if (cl != NULL) {
		cl->map = xcalloc(cl->src.ncols + 1, sizeof *cl->map);
		for (i = 0; i < cl->src.ncols; i++) {
			text_normkey(cl->src.header[i], &a);
			for (j = 0; j < f->src.ncols; j++) {
				text_normkey(f->src.header[j], &b);
				if (strcmp(a.buf, b.buf) == 0)
					break;
			}
			if (j == f->src.ncols) {
				h[n] = cl->src.header[i];
				j = n++;
			}
			cl->map[i] = j;
		}
	}
	strbuf_free(&a);
	strbuf_free(&b);
	*out = h;
	return n;
}

/* Write both draws, by stratum id in byte order; the exit status. */
static int
local_write(const struct casedraw_opts *o, struct local_draw *f, struct local_draw *cl, FILE *out)
{
	struct casedraw_extra xf = {1, ""}, xc = {0, ""};
	char **header;
	size_t n = union_header(f, cl, &header);
	int shortfall;

	snprintf(xf.seed, sizeof xf.seed, "%llu", (unsigned long long)o->seed);
	memcpy(xc.seed, xf.seed, sizeof xc.seed);
	if (o->explain) {
		casedraw_explain(f->res, o->seed);
		if (cl != NULL)
			casedraw_explain(cl->res, o->seed);
	}
	shortfall = casedraw_shortfalls(f->res, f->src.name);
	if (cl != NULL)
		shortfall |= casedraw_shortfalls(cl->res, cl->src.name);
	casedraw_write_header(out, header, n);
	if (cl != NULL && strcmp(cl->res->strata[0].def->id, f->res->strata[0].def->id) < 0)
		casedraw_write_picks(out, cl->res, cl->map, n, &xc);
	casedraw_write_picks(out, f->res, f->map, n, &xf);
	if (cl != NULL && strcmp(cl->res->strata[0].def->id, f->res->strata[0].def->id) >= 0)
		casedraw_write_picks(out, cl->res, cl->map, n, &xc);
	free(header);
	return shortfall || f->loud || (cl != NULL && cl->loud) ? EXIT_FINDINGS : EXIT_OK;
}

int
casedraw_local(const struct casedraw_opts *o, FILE *out)
{
	struct local_defs ld;
	struct local_draw f, cl;
	struct casedraw_ctx c;
	int status = EXIT_TROUBLE, have_closed = 0;

	memset(&f, 0, sizeof f);
	memset(&cl, 0, sizeof cl);
	if (load_defs(&ld) < 0 || casedraw_ctx_load(&c, 0, o->map, o->csv_flags) < 0) {
		json_decref(ld.root);
		return EXIT_TROUBLE;
	}
	c.as_of = o->as_of;
	c.allow_old = o->allow_old;
	if (local_read(&c, o, o->input, CASEDRAW_FILED, &ld.def[0], NULL, &f) < 0)
		goto done;
	if (o->closed != NULL) {
		have_closed = 1;
		if (local_read(&c, o, o->closed, CASEDRAW_CLOSED, &ld.def[1], f.res, &cl) < 0)
			goto done;
	}
	status = local_write(o, &f, have_closed ? &cl : NULL, out);
done:
	local_free(&f);
	local_free(&cl);
	casedraw_ctx_free(&c);
	json_decref(ld.root);
	return status;
}
