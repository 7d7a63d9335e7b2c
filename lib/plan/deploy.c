/*
 * deploy.c: an exact depth-first search deploying the deputies and
 * inspectors to the areas of each visit week, the explanation when there is
 * none, and the check of a result. The team and its file are in
 * deploy_team.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "plan/deploy-impl.h"

#define SEARCH_LIMIT 20000000UL /* nodes; the real instance needs a few thousand */

/* The state of one search. */
struct search {
	const struct deploy_team *team;
	const struct deploy_week *weeks;
	size_t nweeks;
	int max_days;
	size_t *order; /* deputies by name, then inspectors by name */
	size_t norder;
	int *area; /* [person * nweeks + week] */
	int keep_teams;
	long w0; /* the first teams week, or -1 */
	unsigned long nodes;
};

/* Order people (indexes into the team ctx) by role, then name, then line. */
static int
person_cmp(const void *a, const void *b, void *ctx)
{
	const struct deploy_team *team = ctx;
	const struct deploy_person *x = &team->people[*(const size_t *)a];
	const struct deploy_person *y = &team->people[*(const size_t *)b];
	int c;

	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* Days person p would spend in the area of week w index a, counting weeks before w. */
static int
days_in_area(const struct search *s, size_t p, size_t w, int a)
{
	const char *name = s->weeks[w].areas[a];
	int days = s->weeks[w].ndays;

	for (size_t v = 0; v < w; v++) {
		int b = s->area[p * s->nweeks + v];

		if (b >= 0 && text_same(s->weeks[v].areas[b], name))
			days += s->weeks[v].ndays;
	}
	return days;
}

/* People of role already placed in area a of week w. */
static int
placed(const struct search *s, size_t w, int a, enum deploy_role role, size_t upto)
{
	int n = 0;

	for (size_t k = 0; k < upto; k++) {
		size_t p = s->order[k];

		if (s->team->people[p].role == role && s->area[p * s->nweeks + w] == a)
			n++;
	}
	return n;
}

/* 1 when the people after position k can still give every area its quota. */
static int
can_complete(const struct search *s, size_t w, size_t k)
{
	int left_dep = 0, left_ins = 0, need_dep = 0, need_ins = 0;

	for (size_t j = k + 1; j < s->norder; j++) {
		if (s->team->people[s->order[j]].role == DEPLOY_DEPUTY)
			left_dep++;
		else
			left_ins++;
	}
	for (size_t a = 0; a < s->weeks[w].nareas; a++) {
		int d = placed(s, w, (int)a, DEPLOY_DEPUTY, k + 1);
		int i = placed(s, w, (int)a, DEPLOY_INSPECTOR, k + 1);

		need_dep += d < 1 ? 1 - d : 0;
		need_ins += i < 2 ? 2 - i : 0;
	}
	return need_dep <= left_dep && need_ins <= left_ins;
}

/* The area person p must take in week w to stay with their team, or -1. */
static int
teammate_area(const struct search *s, size_t p, size_t w)
{
	int mine;

	if (!s->keep_teams || s->w0 < 0 || (long)w <= s->w0 ||
	    s->team->people[p].role != DEPLOY_INSPECTOR)
		return -1;
	mine = s->area[p * s->nweeks + (size_t)s->w0];
	for (size_t k = 0; k < s->norder; k++) {
		size_t d = s->order[k];

		if (s->team->people[d].role == DEPLOY_DEPUTY &&
		    s->area[d * s->nweeks + (size_t)s->w0] == mine)
			return s->area[d * s->nweeks + w];
	}
	return -1;
}

/* 1 when person p may go to area a of week w given the placements so far. */
static int
allowed(const struct search *s, size_t w, size_t k, int a)
{
	size_t p = s->order[k];
	const struct deploy_person *pp = &s->team->people[p];
	int forced = teammate_area(s, p, w);

	if (s->weeks[w].fixed != NULL && s->weeks[w].fixed[p] >= 0)
		return s->weeks[w].fixed[p] == a; /* frozen: what happened, happened */
	if (forced >= 0 && forced != a)
		return 0;
	if (deploy_conflicts(pp, s->weeks[w].areas[a]))
		return 0;
	if (s->weeks[w].stand_in != NULL && s->weeks[w].stand_in[p] != NULL &&
	    deploy_conflicts(s->weeks[w].stand_in[p], s->weeks[w].areas[a]))
		return 0;
	if (s->weeks[w].teams &&
	    placed(s, w, a, pp->role, k) >= (pp->role == DEPLOY_DEPUTY ? 1 : 2))
		return 0;
	return days_in_area(s, p, w, a) <= s->max_days;
}

/* Depth-first search from position pos; 1 found, 0 none, -1 limit reached. */
static int
dfs(struct search *s, size_t pos)
{
	size_t w, k, p;

	if (pos == s->nweeks * s->norder)
		return 1;
	if (++s->nodes > SEARCH_LIMIT)
		return -1;
	w = pos / s->norder;
	k = pos % s->norder;
	p = s->order[k];
	for (size_t a = 0; a < s->weeks[w].nareas; a++) {
		int r;

		if (!allowed(s, w, k, (int)a))
			continue;
		s->area[p * s->nweeks + w] = (int)a;
		if (!can_complete(s, w, k))
			continue;
		if ((r = dfs(s, pos + 1)) != 0)
			return r;
	}
	s->area[p * s->nweeks + w] = -1;
	return 0;
}

/* Append "A, B and C" (the areas of w picked by mask) to sb. */
static void
add_area_names(struct strbuf *sb, const struct deploy_week *w, unsigned mask)
{
	size_t n = 0, total = 0;

	for (size_t a = 0; a < w->nareas; a++)
		total += (mask >> a) & 1;
	for (size_t a = 0; a < w->nareas; a++) {
		if (!((mask >> a) & 1))
			continue;
		if (n > 0)
			strbuf_adds(sb, n + 1 == total ? " and " : ", ");
		strbuf_adds(sb, w->areas[a]);
		n++;
	}
}

/* Hall's condition for one role in one week; 0, or -1 with err explaining. */
static int
explain_role(const struct deploy_team *t, const struct deploy_week *w, enum deploy_role role,
             char *err, size_t errsz)
{
	int need = role == DEPLOY_DEPUTY ? 1 : 2;
	const char *what = role == DEPLOY_DEPUTY ? "deput" : "inspector";

	for (unsigned mask = 1; mask < (1u << w->nareas); mask++) {
		int free_people = 0, size = __builtin_popcount(mask);

		for (size_t i = 0; i < t->n; i++) {
			int ok = 0;

			if (t->people[i].role != role)
				continue;
			for (size_t a = 0; a < w->nareas; a++)
				if (((mask >> a) & 1) &&
				    !deploy_conflicts(&t->people[i], w->areas[a]))
					ok = 1;
			free_people += ok;
		}
		if (free_people < need * size) {
			struct strbuf sb;

			strbuf_init(&sb);
			add_area_names(&sb, w, mask);
			snprintf(err, errsz,
			         "week %d: %s need%s %d %s%s without a conflict of interest, but "
			         "only %d %s free of a conflict with %s",
			         w->week, sb.buf, size == 1 ? "s" : "", need * size, what,
			         role == DEPLOY_DEPUTY ? (need * size == 1 ? "y" : "ies")
			                               : (need * size == 1 ? "" : "s"),
			         free_people, free_people == 1 ? "is" : "are",
			         size == 1 ? "it" : "them");
			strbuf_free(&sb);
			return -1;
		}
	}
	return 0;
}

/* A person who conflicts with every area of a whole-team week; -1 and err. */
static int
explain_person(const struct deploy_team *t, const struct deploy_week *w, char *err, size_t errsz)
{
	for (size_t i = 0; i < t->n; i++) {
		size_t bad = 0;

		if (t->people[i].role == DEPLOY_LEAD)
			continue;
		for (size_t a = 0; a < w->nareas; a++)
			bad += (size_t)deploy_conflicts(&t->people[i], w->areas[a]);
		if (bad == w->nareas) {
			char where[DIAG_WHERE_MAX];

			snprintf(err, errsz,
			         "%s: week %d: the %s on this line has a conflict of interest "
			         "with every area of the week",
			         diag_where(t->file ? t->file : "team", t->people[i].line, where,
			                    sizeof where),
			         w->week, deploy_role_name(t->people[i].role));
			return -1;
		}
	}
	return 0;
}

/*
 * The conditions each week must meet on its own (Hall's condition for each
 * role, and a place for everyone); -1 with err saying which fails.
 */
static int
explain_weeks(const struct deploy_team *t, const struct deploy_week *weeks, size_t nweeks,
              char *err, size_t errsz)
{
	for (size_t w = 0; w < nweeks; w++) {
		if (weeks[w].fixed != NULL)
			continue; /* frozen by --as-of: not searched */
		if (!weeks[w].teams && explain_person(t, &weeks[w], err, errsz) == -1)
			return -1;
		if (explain_role(t, &weeks[w], DEPLOY_DEPUTY, err, errsz) == -1 ||
		    explain_role(t, &weeks[w], DEPLOY_INSPECTOR, err, errsz) == -1)
			return -1;
	}
	return 0;
}

/* Say why no deployment exists. */
static void
explain(const struct deploy_team *t, const struct deploy_week *weeks, size_t nweeks, int max_days,
        char *err, size_t errsz)
{
	if (explain_weeks(t, weeks, nweeks, err, errsz) == -1)
		return;
	snprintf(err, errsz,
	         "no deployment keeps everyone out of their conflicts of interest and within %d "
	         "days in any one area",
	         max_days);
}

/* Check the week shapes the search relies on; -1 with err set. */
static int
check_weeks(const struct deploy_week *weeks, size_t nweeks, char *err, size_t errsz)
{
	for (size_t w = 0; w < nweeks; w++) {
		if (weeks[w].teams && weeks[w].nareas != DEPLOY_DEPUTIES) {
			snprintf(err, errsz, "week %d: %zu areas for %d teams", weeks[w].week,
			         weeks[w].nareas, DEPLOY_DEPUTIES);
			return -1;
		}
		if (weeks[w].nareas == 0 || weeks[w].nareas > DEPLOY_DEPUTIES) {
			snprintf(err, errsz, "week %d: %zu areas; 1 to %d can be staffed",
			         weeks[w].week, weeks[w].nareas, DEPLOY_DEPUTIES);
			return -1;
		}
		for (size_t a = 0; a < weeks[w].nareas; a++)
			for (size_t b = a + 1; b < weeks[w].nareas; b++)
				if (text_same(weeks[w].areas[a], weeks[w].areas[b])) {
					snprintf(err, errsz, "week %d: %s is named twice",
					         weeks[w].week, weeks[w].areas[a]);
					return -1;
				}
	}
	return 0;
}

/* Run one search; the return of dfs(). */
static int
run(struct search *s, int keep_teams)
{
	s->keep_teams = keep_teams;
	s->nodes = 0;
	for (size_t i = 0; i < s->team->n * s->nweeks; i++)
		s->area[i] = -1;
	return s->norder == 0 ? 1 : dfs(s, 0);
}

/* Search for a deployment: same teams first, then regrouped. */
int
deploy_solve(const struct deploy_team *t, const struct deploy_week *weeks, size_t nweeks,
             int max_days, struct deploy_result *out, char *err, size_t errsz)
{
	struct search s;
	int r;

	memset(out, 0, sizeof *out);
	if (deploy_team_check(t, err, errsz) == -1 ||
	    check_weeks(weeks, nweeks, err, errsz) == -1 ||
	    explain_weeks(t, weeks, nweeks, err, errsz) == -1)
		return -1;
	memset(&s, 0, sizeof s);
	s.team = t;
	s.weeks = weeks;
	s.nweeks = nweeks;
	s.max_days = max_days;
	s.order = xcalloc(t->n + 1, sizeof *s.order);
	for (size_t i = 0; i < t->n; i++)
		if (t->people[i].role != DEPLOY_LEAD)
			s.order[s.norder++] = i;
	qsort_r(s.order, s.norder, sizeof *s.order, person_cmp, (void *)t);
	s.w0 = -1;
	for (size_t w = 0; w < nweeks && s.w0 < 0; w++)
		if (weeks[w].teams)
			s.w0 = (long)w;
	s.area = xcalloc(t->n * nweeks + 1, sizeof *s.area);
	if ((r = run(&s, 1)) == 0) {
		r = run(&s, 0);
		out->regrouped = r == 1;
	}
	free(s.order);
	if (r != 1) {
		if (r == -1)
			snprintf(err, errsz, "the deployment search gave up after %lu steps",
			         SEARCH_LIMIT);
		else
			explain(t, weeks, nweeks, max_days, err, errsz);
		free(s.area);
		return -1;
	}
	out->npersons = t->n;
	out->nweeks = nweeks;
	out->area = s.area;
	return 0;
}

/* Check one week of a result; -1 with err set. */
static int
check_week(const struct deploy_team *t, const struct deploy_week *w, size_t wi,
           const struct deploy_result *r, char *err, size_t errsz)
{
	for (size_t a = 0; a < w->nareas; a++) {
		int dep = 0, ins = 0;

		for (size_t p = 0; p < t->n; p++) {
			if (r->area[p * r->nweeks + wi] != (int)a)
				continue;
			if (deploy_conflicts(&t->people[p], w->areas[a])) {
				snprintf(err, errsz,
				         "week %d: line %lu sent to %s despite a conflict", w->week,
				         t->people[p].line, w->areas[a]);
				return -1;
			}
			dep += t->people[p].role == DEPLOY_DEPUTY;
			ins += t->people[p].role == DEPLOY_INSPECTOR;
		}
		if (w->teams ? (dep != 1 || ins != 2) : (dep < 1 || ins < 2)) {
			snprintf(err, errsz, "week %d: %s has %d deputies and %d inspectors",
			         w->week, w->areas[a], dep, ins);
			return -1;
		}
	}
	return 0;
}

/* Check a deployment against every rule. */
int
deploy_check(const struct deploy_team *t, const struct deploy_week *weeks, size_t nweeks,
             int max_days, const struct deploy_result *r, char *err, size_t errsz)
{
	if (r->npersons != t->n || r->nweeks != nweeks) {
		snprintf(err, errsz, "the result does not fit the team and weeks");
		return -1;
	}
	for (size_t p = 0; p < t->n; p++)
		for (size_t w = 0; w < nweeks; w++) {
			int a = r->area[p * nweeks + w];

			if ((t->people[p].role == DEPLOY_LEAD) != (a < 0) ||
			    a >= (int)weeks[w].nareas) {
				snprintf(err, errsz, "week %d: line %lu is %s", weeks[w].week,
				         t->people[p].line, a < 0 ? "not deployed" : "misplaced");
				return -1;
			}
		}
	for (size_t w = 0; w < nweeks; w++)
		if (check_week(t, &weeks[w], w, r, err, errsz) == -1)
			return -1;
	for (size_t p = 0; p < t->n; p++)
		for (size_t w = 0; w < nweeks; w++) {
			int a = r->area[p * nweeks + w], days = 0;

			if (a < 0)
				continue;
			for (size_t v = 0; v < nweeks; v++) {
				int b = r->area[p * nweeks + v];

				if (b >= 0 && text_same(weeks[v].areas[b], weeks[w].areas[a]))
					days += weeks[v].ndays;
			}
			if (days > max_days) {
				snprintf(err, errsz, "line %lu: %d days in %s, more than %d",
				         t->people[p].line, days, weeks[w].areas[a], max_days);
				return -1;
			}
		}
	return 0;
}

/* Free a search result. */
void
deploy_result_free(struct deploy_result *r)
{
	free(r->area);
	memset(r, 0, sizeof *r);
}
