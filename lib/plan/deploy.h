/*
 * deploy.h: the inspection team (1 lead, 3 deputies, 6 inspectors) and the
 * exact search that deploys them to the areas of each visit week: in a
 * "teams" week three teams of three, each led by a deputy, in three
 * different areas; in a "whole team" week everyone in the week's areas (each
 * with a deputy and two inspectors at least). Nobody goes to an area they
 * have a conflict of interest with, nor spends more than max_days in one
 * area. Teams are kept the same from week to week where that is possible.
 * The first solution in name order is returned, so the result is
 * deterministic; when there is none, the explanation names the constraint.
 * Messages name the team file's lines, never a person's name.
 *
 * Ownership: a team owns its people and their strings; a result owns its
 * array.
 */
#ifndef DEPLOY_H
#define DEPLOY_H

#include <stddef.h>

enum deploy_role { DEPLOY_LEAD, DEPLOY_DEPUTY, DEPLOY_INSPECTOR };

#define DEPLOY_LEADS 1
#define DEPLOY_DEPUTIES 3
#define DEPLOY_INSPECTORS 6
#define DEPLOY_MAX_ROWS 1000 /* people in one team file */
#define DEPLOY_LIST_SEPARATORS ";,|" /* between the areas of a conflicts cell */

struct deploy_person {
	char *name;
	enum deploy_role role;
	size_t nconflicts;
	char **conflicts; /* service area names */
	unsigned long line; /* line in the team file (0 when made up) */
	int unfilled; /* a place held for a role the team file does not fill */
};

struct deploy_team {
	char *file; /* the team file's name, for messages */
	size_t n;
	struct deploy_person *people; /* in file order */
};

struct deploy_week {
	int week;
	int teams; /* 1: three teams of three; 0: the whole team */
	int ndays; /* on-site days in the week */
	size_t nareas;
	const char *const *areas;
	const int *fixed; /* NULL, or [person]: the area index they must take, -1 free */
	/* NULL, or [person]: who takes their place this week (--replace), whose conflicts count too
	 */
	const struct deploy_person *const *stand_in;
};

struct deploy_result {
	size_t npersons, nweeks;
	int *area; /* [person * nweeks + week]: index into that week's areas; -1 for the lead */
	int regrouped; /* 1 when teams had to change between weeks */
};

/*
 * Read a team CSV (columns name, role, conflicts); linear in the rows, more
 * than DEPLOY_MAX_ROWS refused, as is more people in a role than it needs
 * (fewer is allowed: see deploy_team_fill); -1 with "FILE:LINE: what".
 */
int deploy_read_team(const char *path, unsigned csv_flags, struct deploy_team *out, char *err,
                     size_t errsz);
/* Add a person; conflicts are area names separated by ';', ',' or '|' (may be NULL). */
void deploy_team_add(struct deploy_team *, const char *name, enum deploy_role role,
                     const char *conflicts, unsigned long line);
/* Add the conflicts in a list (areas separated by ';', ',' or '|'; may be NULL). */
void deploy_team_add_conflicts(struct deploy_person *, const char *conflicts);
/* Free one person's strings (their conflicts and name). */
void deploy_person_free(struct deploy_person *);
/* A team of placeholders: "Lead inspector", "Deputy 1".., "Inspector 1"... */
void deploy_team_placeholder(struct deploy_team *);
/* 0 when the team has exactly 1 lead, 3 deputies and 6 inspectors. */
int deploy_team_check(const struct deploy_team *, char *err, size_t errsz);
/* 0 when no role has more people than it needs; -1 with err set. */
int deploy_team_check_excess(const struct deploy_team *, char *err, size_t errsz);
/*
 * Hold a place ("unfilled deputy 1") for each role the team is short of, so
 * the rest can be planned; the number added, with "1 deputy, 2 inspectors"
 * in msg.
 */
size_t deploy_team_fill(struct deploy_team *, char *msg, size_t msgsz);
void deploy_team_free(struct deploy_team *);
/* Parse a role word ("lead", "deputy", "inspector", and a few aliases); -1 if none. */
int deploy_role_parse(const char *s);
const char *deploy_role_name(enum deploy_role);
/* 1 when the person has a conflict with the area (names compared by text_label_same). */
int deploy_conflicts(const struct deploy_person *, const char *area);

/* Search; 0 with *out filled, or -1 with the reason in err. */
int deploy_solve(const struct deploy_team *, const struct deploy_week *weeks, size_t nweeks,
                 int max_days, struct deploy_result *out, char *err, size_t errsz);
/* Check a result against every rule; 0, or -1 with the first broken rule in err. */
int deploy_check(const struct deploy_team *, const struct deploy_week *weeks, size_t nweeks,
                 int max_days, const struct deploy_result *, char *err, size_t errsz);
void deploy_result_free(struct deploy_result *);

#endif
