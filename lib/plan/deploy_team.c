/*
 * deploy_team.c: the inspection team: role words, conflicts of interest,
 * placeholder teams and the team file. The search is in deploy.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/fieldmap.h"
#include "core/memo.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/text.h"
#include "core/xalloc.h"
#include "plan/deploy-impl.h"

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

/* 1 when p has a conflict of interest with area. */
int
deploy_conflicts(const struct deploy_person *p, const char *area)
{
	for (size_t i = 0; i < p->nconflicts; i++)
		if (text_label_same(p->conflicts[i], area))
			return 1;
	return 0;
}

/* Append a person with their conflicts to the team. */
void
deploy_team_add(struct deploy_team *t, const char *name, enum deploy_role role,
                const char *conflicts, unsigned long line)
{
	struct deploy_person *p;

	if (t->n % 16 == 0)
		t->people = xreallocarray(t->people, t->n + 16, sizeof *t->people);
	p = &t->people[t->n++];
	memset(p, 0, sizeof *p);
	p->name = xstrdup(name);
	p->role = role;
	p->line = line;
	deploy_team_add_conflicts(p, conflicts);
}

void
deploy_team_add_conflicts(struct deploy_person *p, const char *conflicts)
{
	const char *s = conflicts;

	while (s != NULL && *s != '\0') {
		size_t len = strcspn(s, DEPLOY_LIST_SEPARATORS);
		char *one = xstrndup(s, len), *trimmed = text_trimdup(one);

		free(one);
		if (*trimmed != '\0') {
			p->conflicts =
			    xreallocarray(p->conflicts, p->nconflicts + 1, sizeof(char *));
			p->conflicts[p->nconflicts++] = trimmed;
		} else
			free(trimmed);
		s += len + (s[len] != '\0');
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

/* Count each role. */
static void
count_roles(const struct deploy_team *t, size_t *count)
{
	count[0] = count[1] = count[2] = 0;
	for (size_t i = 0; i < t->n; i++)
		count[t->people[i].role]++;
}

static const size_t role_need[3] = {DEPLOY_LEADS, DEPLOY_DEPUTIES, DEPLOY_INSPECTORS};

int
deploy_team_check_excess(const struct deploy_team *t, char *err, size_t errsz)
{
	size_t count[3];

	count_roles(t, count);
	for (int r = 0; r < 3; r++)
		if (count[r] > role_need[r]) {
			snprintf(err, errsz,
			         "%s: the team needs 1 lead, 3 deputies and 6 inspectors; it has "
			         "%zu, %zu and %zu",
			         t->file ? t->file : "team", count[DEPLOY_LEAD],
			         count[DEPLOY_DEPUTY], count[DEPLOY_INSPECTOR]);
			return -1;
		}
	return 0;
}

size_t
deploy_team_fill(struct deploy_team *t, char *msg, size_t msgsz)
{
	static const char *const words[3][2] = {
	    {"lead", "leads"}, {"deputy", "deputies"}, {"inspector", "inspectors"}};
	size_t count[3], added = 0, used = 0;
	char name[48];

	count_roles(t, count);
	*msg = '\0';
	for (int r = 0; r < 3; r++) {
		size_t missing = count[r] < role_need[r] ? role_need[r] - count[r] : 0;

		for (size_t k = 1; k <= missing; k++) {
			snprintf(name, sizeof name, "unfilled %s %zu", words[r][0], k);
			deploy_team_add(t, name, (enum deploy_role)r, NULL, 0);
			t->people[t->n - 1].unfilled = 1;
		}
		if (missing > 0 && used < msgsz)
			used += (size_t)snprintf(msg + used, msgsz - used, "%s%zu %s",
			                         added ? ", " : "", missing,
			                         words[r][missing == 1 ? 0 : 1]);
		added += missing;
	}
	return added;
}

void
deploy_person_free(struct deploy_person *p)
{
	for (size_t j = 0; j < p->nconflicts; j++)
		free(p->conflicts[j]);
	free(p->conflicts);
	free(p->name);
	memset(p, 0, sizeof *p);
}

/* Free a team. */
void
deploy_team_free(struct deploy_team *t)
{
	for (size_t i = 0; i < t->n; i++)
		deploy_person_free(&t->people[i]);
	free(t->people);
	free(t->file);
	memset(t, 0, sizeof *t);
}

/* Read one row of the team file; -1 with err set. */
static int
read_person(const struct table *tb, size_t r, const long *col, struct deploy_team *t,
            struct memo *seen, char *err, size_t errsz)
{
	struct strbuf key;
	long other;
	unsigned long line = tb->rows[r].line;
	const char *name = table_cell(tb, r, col[0]);
	int role = deploy_role_parse(table_cell(tb, r, col[1]));
	char *trimmed, w[DIAG_WHERE_MAX], ref[128];

	diag_where(tb->name, line, w, sizeof w);
	if (text_blank(name)) {
		snprintf(err, errsz, "%s: name: blank", w);
		return -1;
	}
	if (role == -1) {
		snprintf(err, errsz, "%s: role: not lead, deputy or inspector", w);
		return -1;
	}
	strbuf_init(&key);
	text_labelkey(name, &key);
	if (memo_get(seen, key.buf, key.len, &other)) {
		snprintf(err, errsz, "%s: name: the same person as %s", w,
		         diag_line_ref(tb->name, t->people[other].line, ref, sizeof ref));
		strbuf_free(&key);
		return -1;
	}
	(void)memo_put(seen, key.buf, key.len, (long)t->n);
	strbuf_free(&key);
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
	struct memo *seen;
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
	if (rc == 0 && tb->nrows > DEPLOY_MAX_ROWS) {
		snprintf(err, errsz, "%s: %zu people, more than the %d one team file may hold",
		         tb->name, tb->nrows, DEPLOY_MAX_ROWS);
		rc = -1;
	}
	seen = memo_new(DEPLOY_MAX_ROWS);
	for (size_t r = 0; r < tb->nrows && rc == 0; r++)
		rc = read_person(tb, r, col, out, seen, err, errsz);
	memo_free(seen);
	if (rc == 0)
		rc = deploy_team_check_excess(out, err, errsz);
	if (rc == -1)
		deploy_team_free(out);
	fieldmap_unbind(&b);
	table_free(tb);
	fieldmap_free(fm);
	return rc;
}
