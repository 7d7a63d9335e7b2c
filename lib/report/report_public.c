/*
 * report_public.c: the report as Ofsted publishes it (handbook paras
 * 103-111): title and dates, the judgements table, the summary for
 * children and young people, the summary of key findings, what needs to
 * improve and the areas for priority action, one section per judgement in
 * the team's prose (sections.h), and how the inspection was done in one
 * short factual paragraph. Nothing case-level is quoted: no SEA entry, no
 * concern, no name; the gates in report.c check the result.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "report/report.h"
#include "report/report_int.h"
#include "report/sections.h"

/* A section of the team's prose, or a draft's note that it is not written yet. */
static void
prose(struct rdoc *d, const struct report_input *in, int k)
{
	const struct sections *s = in->sections;
	char *origin;

	if (s != NULL && s->md[k] != NULL) {
		origin = xasprintf("section %s", sections_key(in->profile, k));
		rdoc_markdown(d, s->md[k], s->text[k], origin);
		free(origin);
	} else if (in->draft)
		rdoc_note(d, "Draft note: this section has not been written yet.");
}

/* The summary of key findings: the team's prose, else the judgements file's list. */
static void
sec_key_findings(struct rdoc *d, const struct report_input *in)
{
	rdoc_heading(d, 2, "Summary of key findings");
	if (in->sections != NULL && in->sections->md[SECTIONS_KEY_FINDINGS] != NULL)
		prose(d, in, SECTIONS_KEY_FINDINGS);
	else
		report_texts(d, in, &in->j->findings, 1);
}

/* What needs to improve: the team's prose, the areas for improvement, the priority actions. */
static void
sec_improve(struct rdoc *d, const struct report_input *in)
{
	int jg, inadequate = 0;

	rdoc_heading(d, 2, "What needs to improve");
	if (in->sections != NULL && in->sections->md[SECTIONS_IMPROVE] != NULL)
		prose(d, in, SECTIONS_IMPROVE);
	if (in->j->improve.n > 0) {
		rdoc_para(d, NULL, "Cafcass should improve:", NULL);
		report_texts(d, in, &in->j->improve, 1);
	}
	for (jg = 0; jg < (int)in->j->njudgements; jg++)
		inadequate |= in->j->grade[jg] == REPORT_INADEQUATE;
	if (in->j->priority.n == 0 && !inadequate)
		return;
	rdoc_heading(d, 2, "Areas for priority action");
	report_texts(d, in, &in->j->priority, 1);
}

struct rdoc *
report_build_public(const struct report_input *in)
{
	struct rdoc *d =
	    rdoc_new(in->j->title != NULL ? in->j->title : report_default_title, in->draft);
	int jg;

	report_sec_dates(d, in);
	report_sec_judgements(d, in);
	rdoc_heading(d, 2, "Summary for children and young people");
	report_texts(d, in, &in->j->children, 0);
	sec_key_findings(d, in);
	sec_improve(d, in);
	for (jg = 0; jg < (int)in->j->njudgements; jg++) {
		if (!sections_wanted(in->profile, SECTIONS_JUDGEMENT + jg))
			continue; /* the overall judgement: the table and the key findings say it */
		rdoc_heading(d, 2, report_judgement_title(in, jg));
		rdoc_para(d, "Judgement:", judgementsfile_grade_words(in->j->grade[jg]), NULL);
		prose(d, in, SECTIONS_JUDGEMENT + jg);
	}
	report_method_public(d, in);
	return d;
}
