/*
 * obsics.c: plan-observations' calendar output, written by plan/icstext
 * (CRLF line ends, folding and escaping as libical writes them).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "plan/icstext.h"
#include "plan/obsics.h"

/* One assignment's VEVENT. */
static void
event(struct icstext *cal, const struct observe_opp *o, const char *who)
{
	char *uid, *summary, *desc;

	uid = xasprintf("observation-%s@cafcass-inspect", o->id);
	summary = xasprintf("Observation: %s, %s", observe_type_name(o->type), o->area);
	desc =
	    xasprintf("Inspector: %s. Opportunity %s (%d minutes' travel).", who, o->id, o->travel);
	icstext_add(cal, ICSTEXT_BEGIN, "VEVENT", NULL);
	icstext_add(cal, ICSTEXT_TEXT, "UID", uid);
	icstext_add_day(cal, ICSTEXT_UTC, "DTSTAMP", o->date, 0);
	icstext_add_day(cal, ICSTEXT_LOCAL, "DTSTART", o->date, o->start);
	icstext_add_day(cal, ICSTEXT_LOCAL, "DTEND", o->date, o->end);
	icstext_add(cal, ICSTEXT_TEXT, "SUMMARY", summary);
	icstext_add(cal, ICSTEXT_TEXT, "DESCRIPTION", desc);
	icstext_add(cal, ICSTEXT_LIST, "CATEGORIES", observe_type_name(o->type));
	icstext_add(cal, ICSTEXT_END, "VEVENT", NULL);
	free(uid);
	free(summary);
	free(desc);
}

void
obsics_build(struct icstext *cal, const struct observe_result *r, const struct observe_opp *opps,
             const struct observe_slot *slots)
{
	icstext_init(cal, "plan-observations");
	for (size_t i = 0; i < r->nassign; i++)
		event(cal, &opps[r->assign[i].opp], slots[r->assign[i].slot].name);
}

int
obsics_write(FILE *fp, const struct observe_result *r, const struct observe_opp *opps,
             const struct observe_slot *slots)
{
	struct icstext cal;
	char *text;
	int rc;

	obsics_build(&cal, r, opps, slots);
	text = icstext_string(&cal);
	icstext_free(&cal);
	rc = fputs(text, fp) == EOF ? -1 : 0;
	free(text);
	return rc;
}
