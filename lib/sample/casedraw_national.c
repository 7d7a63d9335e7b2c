/*
 * national.c: sample-cases national: 150 recently closed cases in the
 * strata of share/sample/national.json (handbook paras 36-37).
 */
#include <stdio.h>
#include <stdlib.h>

#include "core/diag.h"
#include "core/xalloc.h"
#include "sample/casedraw.h"

/* Draw from the source and write the sample; the exit status. */
static int
draw_and_write(struct casedraw_ctx *c, struct casedraw_source *src, const struct casedraw_opts *o,
               FILE *out)
{
	size_t i, n = strata_count(c->strata);
	struct strata_stratum *defs = xcalloc(n + 1, sizeof *defs);
	struct sample_result *res = NULL;
	struct sample *s;
	struct casedraw_tally t;
	struct casedraw_extra x = {0, ""};
	int status = EXIT_TROUBLE;
	char err[256];
	int loud;

	casedraw_tally_init(&t);
	for (i = 0; i < n; i++)
		defs[i] = *strata_get(c->strata, i);
	s = sample_new(defs, n, o->seed);
	if (casedraw_feed(c, src, s, CASEDRAW_NATIONAL, NULL, NULL, &t) < 0)
		goto done;
	if ((res = sample_draw(s, err, sizeof err)) == NULL) {
		diag_error(src->name, 0, "%s", err);
		goto done;
	}
	loud = casedraw_tally_report(&t, s, c, src->name);
	if (o->explain)
		casedraw_explain(res, o->seed);
	status = casedraw_shortfalls(res, src->name) || loud ? EXIT_FINDINGS : EXIT_OK;
	snprintf(x.seed, sizeof x.seed, "%llu", (unsigned long long)o->seed);
	casedraw_write_header(out, src->header, src->ncols);
	casedraw_write_picks(out, res, NULL, src->ncols, &x);
done:
	sample_result_free(res);
	sample_free(s);
	casedraw_tally_free(&t);
	free(defs);
	return status;
}

int
casedraw_national(const struct casedraw_opts *o, FILE *out)
{
	struct casedraw_ctx c;
	struct casedraw_source src = {0};
	int status = EXIT_TROUBLE;

	if (casedraw_ctx_load(&c, 1, o->map, o->csv_flags) == 0 &&
	    casedraw_source_open(&src, o->input, o->csv_flags, &c, 1) == 0)
		status = draw_and_write(&c, &src, o, out);
	casedraw_source_close(&src);
	casedraw_ctx_free(&c);
	return status;
}
