/*
 * deploy.c: the team file, and an exact depth-first search deploying the
 * deputies and inspectors to the areas of each visit week.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deploy.h"
#include "fieldmap.h"
#include "strbuf.h"
#include "table.h"
#include "text.h"
#include "xalloc.h"

#define SEARCH_LIMIT 20000000UL /* nodes; the real instance needs a few thousand */

static const struct {
	const char *key;
	enum deploy_role role;
} role_words[] = {
    {"lead", DEPLOY_LEAD},
    {"leadinspector", DEPLOY_LEAD},
    {"deputy", DEPLOY_DEPUTY},
    {"deputylead", DEPLOY_DEPUTY},
    {"deputyleadinspector", DEPLOY_DEPUTY},
    {"inspector", DEPLOY_INSPECTOR},
    {"teaminspector", DEPLOY_INSPECTOR},
    {"hmi", DEPLOY_INSPECTOR},
};

/* The role a word names, or -1. */
int
deploy_role_parse(const char *s)
{
	struct strbuf k;
	int role = -1;

	strbuf_init(&k);
	text_normkey(s, &k);
	for (size_t i = 0; i < sizeof role_words / sizeof role_words[0]; i++)
		if (strcmp(k.buf, role_words[i].key) == 0)
			role = (int)role_words[i].role;
	strbuf_free(&k);
	return role;
}

/* The word for a role. */
const char *
deploy_role_name(enum deploy_role r)
{
	return r == DEPLOY_LEAD ? "lead" : r == DEPLOY_DEPUTY ? "deputy" : "inspector";
}

/* 1 when a and b are the same name ignoring case, spaces and punctuation. */
static int
same_name(const char *a, const char *b)
{
	struct strbuf x, y;
	int same;

	strbuf_init(&x);
	strbuf_init(&y);
	text_normkey(a, &x);
	text_normkey(b, &y);
	same = strcmp(x.buf, y.buf) == 0;
	strbuf_free(&x);
	strbuf_free(&y);
	return same;
}

/* 1 when p has a conflict of interest with area. */
int
deploy_conflicts(const struct deploy_person *p, const char *area)
{
	for (size_t i = 0; i < p->nconflicts; i++)
		if (same_name(p->conflicts[i], area))
			return 1;
	return 0;
}

/* Append a person with their conflicts to the team. */
void
deploy_team_add(struct deploy_team *t, const char *name, enum deploy_role role,
                const char *conflicts, unsigned long line)
{
	struct deploy_person *p;
	const char *s = conflicts;

	t->people = xreallocarray(t->people, t->n + 1, sizeof *t->people);
	p = &t->people[t->n++];
	memset(p, 0, sizeof *p);
	p->name = xstrdup(name);
	p->role = role;
	p->line = line;
	while (s != NULL && *s != '\0') {
		size_t len = strcspn(s, ";");
		char *one = xstrndup(s, len), *trimmed = text_trimdup(one);

		free(one);
		if (*trimmed != '\0') {
			p->conflicts =
			    xreallocarray(p->conflicts, p->nconflicts + 1, sizeof(char *));
			p->conflicts[p->nconflicts++] = trimmed;
		} else
			free(trimmed);
		s += len + (s[len] == ';');
	}
}

/* Fill the team with placeholder people. */
void
deploy_team_placeholder(struct deploy_team *t)
{
	char name[32];

	deploy_team_add(t, "Lead inspector", DEPLOY_LEAD, NULL, 0);
	for (int i = 1; i <= DEPLOY_DEPUTIES; i++) {
		snprintf(name, sizeof name, "Deputy %d", i);
		deploy_team_add(t, name, DEPLOY_DEPUTY, NULL, 0);
	}
	for (int i = 1; i <= DEPLOY_INSPECTORS; i++) {
		snprintf(name, sizeof name, "Inspector %d", i);
		deploy_team_add(t, name, DEPLOY_INSPECTOR, NULL, 0);
	}
}

/* Check the team has 1 lead, 3 deputies and 6 inspectors. */
int
deploy_team_check(const struct deploy_team *t, char *err, size_t errsz)
{
	size_t count[3] = {0, 0, 0};

	for (size_t i = 0; i < t->n; i++)
		count[t->people[i].role]++;
	if (count[DEPLOY_LEAD] != DEPLOY_LEADS || count[DEPLOY_DEPUTY] != DEPLOY_DEPUTIES ||
	    count[DEPLOY_INSPECTOR] != DEPLOY_INSPECTORS) {
		snprintf(err, errsz,
		         "%s: the team needs 1 lead, 3 deputies and 6 inspectors; it has %zu, %zu "
		         "and %zu",
		         t->file ? t->file : "team", count[DEPLOY_LEAD], count[DEPLOY_DEPUTY],
		         count[DEPLOY_INSPECTOR]);
		return -1;
	}
	return 0;
}

/* Free a team. */
void
deploy_team_free(struct deploy_team *t)
{
	for (size_t i = 0; i < t->n; i++) {
		for (size_t j = 0; j < t->people[i].nconflicts; j++)
			free(t->people[i].conflicts[j]);
		free(t->people[i].conflicts);
		free(t->people[i].name);
	}
	free(t->people);
	free(t->file);
	memset(t, 0, sizeof *t);
}

/* Read one row of the team file; -1 with err set. */
static int
read_person(const struct table *tb, size_t r, const long *col, struct deploy_team *t, char *err,
            size_t errsz)
{
	unsigned long line = tb->rows[r].line;
	const char *name = table_cell(tb, r, col[0]);
	int role = deploy_role_parse(table_cell(tb, r, col[1]));
	char *trimmed;

	if (text_blank(name)) {
		snprintf(err, errsz, "%s:%lu: name: blank", tb->name, line);
		return -1;
	}
	if (role == -1) {
		snprintf(err, errsz, "%s:%lu: role: not lead, deputy or inspector", tb->name, line);
		return -1;
	}
	for (size_t i = 0; i < t->n; i++)
		if (same_name(t->people[i].name, name)) {
			snprintf(err, errsz, "%s:%lu: name: the same person as line %lu", tb->name,
			         line, t->people[i].line);
			return -1;
		}
	trimmed = text_trimdup(name);
	deploy_team_add(t, trimmed, (enum deploy_role)role, table_cell(tb, r, col[2]), line);
	free(trimmed);
	return 0;
}

/* Read the team CSV. */
int
deploy_read_team(const char *path, unsigned csv_flags, struct deploy_team *out, char *err,
                 size_t errsz)
{
	static const char *const keys[] = {"name", "role", "conflicts"};
	struct fieldmap *fm;
	struct fieldmap_binding b;
	struct table *tb;
	long col[3];
	int rc = 0;

	memset(out, 0, sizeof *out);
	if ((fm = fieldmap_load_named("team", err, errsz)) == NULL)
		return -1;
	if ((tb = table_read(path, csv_flags, err, errsz)) == NULL) {
		fieldmap_free(fm);
		return -1;
	}
	out->file = xstrdup(tb->name);
	fieldmap_bind(fm, (const char *const *)tb->header, tb->ncols, &b);
	for (int f = 0; f < 3; f++) {
		long i = fieldmap_index(fm, keys[f]);

		col[f] = i < 0 ? -1 : b.column[i];
		if (col[f] < 0 && f < 2 && rc == 0) {
			snprintf(err, errsz, "%s:1: missing column %s", tb->name, keys[f]);
			rc = -1;
		}
	}
	for (size_t r = 0; r < tb->nrows && rc == 0; r++)
		rc = read_person(tb, r, col, out, err, errsz);
	if (rc == 0)
		rc = deploy_team_check(out, err, errsz);
	if (rc == -1)
		deploy_team_free(out);
	fieldmap_unbind(&b);
	table_free(tb);
	fieldmap_free(fm);
	return rc;
}

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

		if (b >= 0 && same_name(s->weeks[v].areas[b], name))
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

	if (forced >= 0 && forced != a)
		return 0;
	if (deploy_conflicts(pp, s->weeks[w].areas[a]))
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
			snprintf(err, errsz,
			         "%s:%lu: week %d: the %s on this line has a conflict of interest "
			         "with every area of the week",
			         t->file ? t->file : "team", t->people[i].line, w->week,
			         deploy_role_name(t->people[i].role));
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
				if (same_name(weeks[w].areas[a], weeks[w].areas[b])) {
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

				if (b >= 0 && same_name(weeks[v].areas[b], weeks[w].areas[a]))
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
