/*
 * actionplan_check.c: the checks of paras 6.8-6.10 (every recommendation
 * answered with an action, a timetable and who is responsible, or the
 * reason it is not agreed; 120 words at most; within four weeks of the
 * draft), their findings as text, CSV or JSON, and the acknowledgement
 * letter.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actionplan/actionplan.h"
#include "core/csvio.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"

size_t
actionplan_words(const char *s)
{
	size_t n = 0;
	int in = 0, alnum = 0;

	for (; s != NULL && *s != '\0'; s++) {
		if (isspace((unsigned char)*s)) {
			n += in && alnum;
			in = alnum = 0;
			continue;
		}
		in = 1;
		alnum |= isalnum((unsigned char)*s) || (unsigned char)*s >= 0x80;
	}
	return n + (in && alnum);
}

/* 1 when word (lower case) is a month's name or its three-letter form. */
static int
is_month(const char *w, size_t n)
{
	int m;

	for (m = 1; m <= 12; m++) {
		const char *name = dates_month_name(m);

		if ((n == strlen(name) || n == 3) && strncasecmp(w, name, n) == 0)
			return 1;
	}
	return 0;
}

int
actionplan_timetable_ok(const char *s)
{
	static const char *const units[] = {"day",     "days",     "week", "weeks",
	                                    "month",   "months",   "year", "years",
	                                    "quarter", "quarters", NULL};
	const char *p = s, *w;
	size_t n, k, prev_n = 0;
	const char *prev = NULL;
	date_t d;
	char tok[32];

	while (p != NULL && *p != '\0') {
		while (*p != '\0' && (isspace((unsigned char)*p) || strchr(",;()", *p) != NULL))
			p++;
		w = p;
		while (*p != '\0' && !isspace((unsigned char)*p) && strchr(",;()", *p) == NULL)
			p++;
		n = (size_t)(p - w);
		if (n == 0)
			break;
		snprintf(tok, sizeof tok, "%.*s", (int)(n < 31 ? n : 31), w);
		if (n < 31 && dates_parse(tok, &d) == 0)
			return 1; /* 31/03/2027, 2027-03-31 */
		if (n == 4 && strspn(w, "0123456789") == 4 && prev != NULL &&
		    is_month(prev, prev_n))
			return 1; /* March 2027 */
		if (n == 2 && (w[0] == 'Q' || w[0] == 'q') && w[1] >= '1' && w[1] <= '4')
			return 1; /* Q2 (2027) */
		for (k = 0; units[k] != NULL; k++)
			if (n == strlen(units[k]) && strncasecmp(w, units[k], n) == 0 &&
			    prev != NULL && strspn(prev, "0123456789") == prev_n)
				return 1; /* 6 months */
		prev = w;
		prev_n = n;
	}
	return 0;
}

/* 1 when the field is missing or blank. */
static int
none(const char *s)
{
	return s == NULL || text_blank(s);
}

static void
finding(struct actionplan_result *r, const char *rec, const char *rule, unsigned long line,
        char *message)
{
	struct actionplan_finding *f;

	r->v = xreallocarray(r->v, r->n + 1, sizeof *r->v);
	f = &r->v[r->n++];
	f->rec = rec != NULL ? xstrdup(rec) : NULL;
	f->rule = rule;
	f->line = line;
	f->message = message;
}

/* The answer to recommendation id, or NULL; a second one is a finding. */
static const struct actionplan_answer *
answer_for(const struct actionplan_plan *p, const char *id, struct actionplan_result *r)
{
	const struct actionplan_answer *a = NULL;
	size_t i;

	for (i = 0; i < p->n; i++) {
		if (p->v[i].id == NULL || strcmp(p->v[i].id, id) != 0)
			continue;
		if (a == NULL)
			a = &p->v[i];
		else
			finding(r, id, "answered-twice", p->v[i].line,
			        xasprintf("recommendation %s is answered twice (line %lu first)",
			                  id, a->line));
	}
	return a;
}

/* The checks of one answer. */
static void
check_answer(const char *id, const struct actionplan_answer *a, struct actionplan_result *r)
{
	size_t words;

	if (a->agreed == -3)
		finding(r, id, "agreed-unclear", a->line,
		        xasprintf("recommendation %s: agreed: expected yes or no", id));
	if (a->agreed == 0) {
		if (none(a->reason))
			finding(r, id, "not-agreed-no-reason", a->line,
			        xasprintf(
			            "recommendation %s is not agreed and no reason is given (para "
			            "6.8)",
			            id));
	} else {
		if (none(a->action))
			finding(r, id, "missing-action", a->line,
			        xasprintf("recommendation %s: no action (para 6.8)", id));
		if (none(a->timetable))
			finding(
			    r, id, "missing-timetable", a->line,
			    xasprintf("recommendation %s: no timetable for the action (para 6.8)",
			              id));
		else if (!actionplan_timetable_ok(a->timetable))
			finding(
			    r, id, "timetable-not-dates", a->line,
			    xasprintf("recommendation %s: the timetable names no date or period "
			              "(a date, a month and year, or a number of weeks or months)",
			              id));
		if (none(a->responsible))
			finding(
			    r, id, "missing-responsible", a->line,
			    xasprintf("recommendation %s: nobody is named responsible (para 6.8)",
			              id));
	}
	words = actionplan_words(a->action) + actionplan_words(a->timetable) +
	        actionplan_words(a->responsible) + actionplan_words(a->reason);
	if (words > ACTIONPLAN_MAX_WORDS)
		finding(r, id, "too-long", a->line,
		        xasprintf("recommendation %s: the answer runs to %zu words, more than %d "
		                  "(para 6.9)",
		                  id, words, ACTIONPLAN_MAX_WORDS));
}

/* The timing of para 6.9. */
static void
check_timing(struct actionplan_result *r, date_t draft, date_t received)
{
	char a[DATES_ISO_LEN], b[DATES_ISO_LEN];

	r->draft = draft;
	r->received = received;
	r->due = draft >= 0 ? draft + ACTIONPLAN_DAYS : -1;
	if (draft < 0 || received < 0) {
		finding(r, NULL, "timing-not-checked", 0,
		        xstrdup("the plan's timing is not checked: give --draft-sent (the day "
		                "Cafcass received the draft report) and --received (para 6.9)"));
		return;
	}
	if (received > r->due)
		finding(
		    r, NULL, "late", 0,
		    xasprintf("the plan was received on %s, after %s, four weeks from the draft "
		              "report (para 6.9)",
		              dates_format(received, a), dates_format(r->due, b)));
}

void
actionplan_check(const struct actionplan_recs *recs, const struct actionplan_plan *plan,
                 date_t draft, date_t received, struct actionplan_result *r)
{
	const struct actionplan_answer *a;
	size_t i, k;

	memset(r, 0, sizeof *r);
	r->nrecs = recs->n;
	for (i = 0; i < recs->n; i++) {
		if ((a = answer_for(plan, recs->ids[i], r)) == NULL) {
			finding(r, recs->ids[i], "unanswered", 0,
			        xasprintf("recommendation %s is not answered (para 6.8)",
			                  recs->ids[i]));
			continue;
		}
		r->nanswered++;
		check_answer(recs->ids[i], a, r);
	}
	for (i = 0; i < plan->n; i++) {
		if (plan->v[i].id == NULL && plan->v[i].agreed == -1 && plan->v[i].action == NULL &&
		    plan->v[i].timetable == NULL && plan->v[i].responsible == NULL &&
		    plan->v[i].reason == NULL)
			continue; /* a title or an introduction: no answer in it */
		for (k = 0; plan->v[i].id != NULL && k < recs->n; k++)
			if (strcmp(plan->v[i].id, recs->ids[k]) == 0)
				break;
		if (plan->v[i].id == NULL || k == recs->n)
			finding(
			    r, plan->v[i].id, "unknown-recommendation", plan->v[i].line,
			    plan->v[i].id != NULL
			        ? xasprintf("the plan answers recommendation %s, which the report "
			                    "does not make",
			                    plan->v[i].id)
			        : xstrdup("a section names no recommendation number"));
	}
	check_timing(r, draft, received);
}

void
actionplan_result_free(struct actionplan_result *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].rec);
		free(r->v[i].message);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}

void
actionplan_write_text(const struct actionplan_result *r, const char *plan_name, FILE *fp)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		if (r->v[i].line > 0)
			fprintf(fp, "%s:%lu: %s: %s\n", plan_name, r->v[i].line, r->v[i].rule,
			        r->v[i].message);
		else
			fprintf(fp, "%s: %s: %s\n", plan_name, r->v[i].rule, r->v[i].message);
	}
	fprintf(fp, "%zu recommendation%s, %zu answered, %zu finding%s\n", r->nrecs,
	        r->nrecs == 1 ? "" : "s", r->nanswered, r->n, r->n == 1 ? "" : "s");
}

void
actionplan_write_csv(const struct actionplan_result *r, FILE *fp)
{
	static const char *const head[] = {"recommendation", "rule", "line", "message"};
	char line[24];
	size_t i;

	csvio_write_row(fp, head, 4);
	for (i = 0; i < r->n; i++) {
		const char *f[4] = {r->v[i].rec != NULL ? r->v[i].rec : "", r->v[i].rule, line,
		                    r->v[i].message};

		if (r->v[i].line > 0)
			snprintf(line, sizeof line, "%lu", r->v[i].line);
		else
			line[0] = '\0';
		csvio_write_row(fp, f, 4);
	}
}

static json_t *
jdate_or_null(date_t d)
{
	char a[DATES_ISO_LEN];

	return d >= 0 ? json_string(dates_format(d, a)) : json_null();
}

json_t *
actionplan_to_json(const struct actionplan_result *r)
{
	json_t *root = json_object(), *arr = json_array(), *o;
	size_t i;

	json_object_set_new(root, "recommendations", json_integer((json_int_t)r->nrecs));
	json_object_set_new(root, "answered", json_integer((json_int_t)r->nanswered));
	json_object_set_new(root, "draft_sent", jdate_or_null(r->draft));
	json_object_set_new(root, "due", jdate_or_null(r->due));
	json_object_set_new(root, "received", jdate_or_null(r->received));
	for (i = 0; i < r->n; i++) {
		o = json_object();
		json_object_set_new(o, "recommendation",
		                    r->v[i].rec != NULL ? json_string(r->v[i].rec) : json_null());
		json_object_set_new(o, "rule", json_string(r->v[i].rule));
		json_object_set_new(o, "line",
		                    r->v[i].line > 0 ? json_integer((json_int_t)r->v[i].line)
		                                     : json_null());
		json_object_set_new(o, "message", json_string(r->v[i].message));
		json_array_append_new(arr, o);
	}
	json_object_set_new(root, "findings", arr);
	return root;
}

/* What a rule asks Cafcass for, in the letter. */
static const char *
asked(const char *rule)
{
	static const char *const words[][2] = {
	    {"unanswered", "it is not answered: please send the action, its timetable and who is "
	                   "responsible, or the reason it is not agreed"},
	    {"missing-action", "no action is given"},
	    {"missing-timetable", "no timetable for the action is given"},
	    {"timetable-not-dates", "the timetable names no date or period"},
	    {"missing-responsible", "nobody is named as responsible"},
	    {"not-agreed-no-reason", "it is not agreed and no reason is given"},
	    {"agreed-unclear", "it is not clear whether it is agreed"},
	    {"too-long", "the answer is longer than 120 words"},
	    {"answered-twice", "it is answered twice"},
	    {"unknown-recommendation", "the report makes no such recommendation"},
	    {NULL, NULL}};
	size_t i;

	for (i = 0; words[i][0] != NULL; i++)
		if (strcmp(words[i][0], rule) == 0)
			return words[i][1];
	return rule;
}

char *
actionplan_letter(const struct actionplan_result *r)
{
	char a[DATES_ISO_LEN], b[DATES_ISO_LEN];
	struct strbuf s;
	size_t i, items = 0;

	strbuf_init(&s);
	strbuf_adds(&s, "# Action plan: acknowledgement of receipt\n\n");
	if (r->received >= 0)
		strbuf_printf(&s, "Thank you for your action plan, which we received on %s",
		              dates_format(r->received, a));
	else
		strbuf_adds(&s, "Thank you for your action plan");
	strbuf_printf(&s, ", in response to the %zu recommendation%s of the draft report", r->nrecs,
	              r->nrecs == 1 ? "" : "s");
	if (r->draft >= 0)
		strbuf_printf(&s, " sent on %s", dates_format(r->draft, b));
	strbuf_adds(&s, ".\n\n");
	for (i = 0; i < r->n; i++)
		items += strcmp(r->v[i].rule, "timing-not-checked") != 0;
	if (items == 0) {
		strbuf_adds(&s,
		            "The plan answers every recommendation with the action to be taken, "
		            "its timetable and who will be responsible for it, or, where a "
		            "recommendation is not agreed, the reason.\n");
		return strbuf_steal(&s);
	}
	strbuf_adds(&s, "The plan is unclear or incomplete in the following respects, and we "
	                "would be grateful for further detail (guidelines, paragraph 6.10):\n\n");
	for (i = 0; i < r->n; i++) {
		if (strcmp(r->v[i].rule, "timing-not-checked") == 0)
			continue;
		if (strcmp(r->v[i].rule, "late") == 0)
			strbuf_printf(&s,
			              "- The plan reached us after %s, four weeks from the draft "
			              "report (paragraph 6.9).\n",
			              dates_format(r->due, a));
		else if (r->v[i].rec != NULL)
			strbuf_printf(&s, "- Recommendation %s: %s.\n", r->v[i].rec,
			              asked(r->v[i].rule));
		else
			strbuf_printf(&s,
			              "- A section of the plan names no recommendation number.\n");
	}
	return strbuf_steal(&s);
}
