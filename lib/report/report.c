/*
 * report.c: the gates of the report. The inputs arrive through their typed
 * readers (judgementsfile.c, sea/seafile.c); the gates run over the
 * finished document, so the personal-data check sees exactly the text
 * that would be printed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dates.h"
#include "core/jsonio.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "redact/redact.h"
#include "report/report.h"

int
report_sea_check(const struct seafile *sea, char *err, size_t errsz)
{
	size_t i;

	for (i = 0; i < sea->ncoverage; i++)
		if (judgementsfile_judgement_of(sea->coverage[i].judgement) < 0) {
			snprintf(err, errsz,
			         "coverage[%zu].judgement: not a judgement of the report", i);
			return -1;
		}
	return 0;
}

/* Add a person unless the name is blank. */
static void
add_person(struct redact *r, const char *name)
{
	if (name != NULL && !text_blank(name))
		redact_add_person(r, name);
}

void
report_add_people(struct redact *r, const struct seafile *sea, const json_t *plan)
{
	const json_t *v;
	size_t i;

	for (i = 0; i < sea->nentries; i++)
		add_person(r, sea->entries[i].inspector);
	for (i = 0; i < sea->nconcerns; i++)
		add_person(r, sea->concerns[i].inspector);
	if (plan == NULL)
		return;
	json_array_foreach(json_object_get(plan, "deployment"), i, v)
	{
		add_person(r, jsonio_str(v, "name", NULL));
	}
	json_array_foreach(json_object_get(plan, "team"), i, v)
	{
		add_person(r, jsonio_str(v, "name", NULL));
	}
}

/* Refuse an inadequate judgement with no priority action that may be its own. */
static size_t
gate_priority(const struct report_input *in, struct strbuf *msgs)
{
	size_t i, n = 0;
	int jg, found;

	for (jg = 0; jg < REPORT_NJUDGEMENTS; jg++) {
		if (in->j->grade[jg] != REPORT_INADEQUATE)
			continue;
		for (i = 0, found = 0; i < in->j->priority.n; i++)
			found |= in->j->priority.v[i].judgement < 0 ||
			         in->j->priority.v[i].judgement == jg;
		if (!found) {
			strbuf_printf(
			    msgs,
			    "%s: %s: graded inadequate but no area for priority action is given "
			    "(handbook para 107)\n",
			    in->judgements_name, judgementsfile_id(jg));
			n++;
		}
	}
	return n;
}

/* Refuse an SEA with gaps unless the report is a draft. */
static size_t
gate_gaps(const struct report_input *in, struct strbuf *msgs)
{
	size_t i, n = in->sea->ngaps;

	if (n == 0 || in->draft)
		return 0;
	strbuf_printf(msgs, "%s: %zu criteri%s no evidence (criteri%s", in->sea_name, n,
	              n == 1 ? "on has" : "a have", n == 1 ? "on" : "a");
	for (i = 0; i < n; i++) {
		if (i == 12) {
			strbuf_adds(msgs, ", ...");
			break;
		}
		strbuf_printf(msgs, "%s%lld", i == 0 ? " " : ", ", in->sea->gaps[i].criterion);
	}
	strbuf_adds(msgs, "): complete the evidence, or render a draft with --draft "
	                  "(handbook para 100)\n");
	return 1;
}

/* Scan one text; on a find, say where and what kind. */
static size_t
scan(struct redact *r, const char *text, const char *where, const char *column, struct strbuf *msgs)
{
	enum redact_type t;
	size_t off;

	if (text == NULL || *text == '\0')
		return 0;
	t = redact_scan(r, text, strlen(text), &off);
	if (t == REDACT_NONE)
		return 0;
	strbuf_printf(msgs, "%s%s%s%s: would print personal data (%s); redact it at the source\n",
	              where != NULL ? where : "the report's own text", column != NULL ? " (" : "",
	              column != NULL ? column : "", column != NULL ? ")" : "", redact_type_key(t));
	return 1;
}

/*
 * Refuse a document any of whose free text (what came from the judgements
 * and the SEA's summaries, issues and responses) holds personal data. The
 * tool's own words and structured values (service areas, teams, criterion
 * titles) are not free text: a surname in the deny-list that is also a
 * place ("West") must not refuse "South West".
 */
static size_t
gate_personal(const struct report_input *in, const struct rdoc *d, struct redact *r,
              struct strbuf *msgs)
{
	char *where;
	size_t i, row, k, n = 0;

	if (in->j->title != NULL) {
		where = xasprintf("%s: title", in->judgements_name);
		n += scan(r, in->j->title, where, NULL, msgs);
		free(where);
	}
	for (i = 0; i < d->n; i++) {
		const struct rdoc_block *b = &d->b[i];

		if (b->kind == RDOC_TABLE) {
			for (row = 1; row <= b->nrows; row++)
				for (k = 0; k < b->ncols && k < 8 * sizeof b->check_cols; k++)
					if (b->check_cols & (1UL << k))
						n +=
						    scan(r, b->cells[row * b->ncols + k],
						         b->row_origin[row - 1], b->cells[k], msgs);
			continue;
		}
		if (b->origin == NULL)
			continue;
		n += scan(r, b->check != NULL ? b->check : b->text, b->origin, NULL, msgs);
	}
	return n;
}

size_t
report_gates(const struct report_input *in, const struct rdoc *d, struct redact *r,
             struct strbuf *msgs)
{
	size_t n = 0;

	n += gate_priority(in, msgs);
	n += gate_gaps(in, msgs);
	n += gate_personal(in, d, r, msgs);
	return n;
}

void
report_children_readability(const struct judgementsfile *j, struct readability *rd)
{
	struct strbuf sb;
	size_t i;

	strbuf_init(&sb);
	for (i = 0; i < j->children.n; i++) {
		strbuf_adds(&sb, j->children.v[i].text);
		strbuf_adds(&sb, "\n\n");
	}
	readability_measure(sb.buf, sb.len, rd);
	strbuf_free(&sb);
}
