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

struct deploy_person {
	char *name;
	enum deploy_role role;
	size_t nconflicts;
	char **conflicts; /* service area names */
	unsigned long line; /* line in the team file (0 when made up) */
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
};

struct deploy_result {
	size_t npersons, nweeks;
	int *area; /* [person * nweeks + week]: index into that week's areas; -1 for the lead */
	int regrouped; /* 1 when teams had to change between weeks */
};

/* Read a team CSV (columns name, role, conflicts); -1 with "FILE:LINE: what". */
int deploy_read_team(const char *path, unsigned csv_flags, struct deploy_team *out, char *err,
                     size_t errsz);
/* Add a person; conflicts are area names separated by ';' (may be NULL). */
void deploy_team_add(struct deploy_team *, const char *name, enum deploy_role role,
                     const char *conflicts, unsigned long line);
/* A team of placeholders: "Lead inspector", "Deputy 1".., "Inspector 1"... */
void deploy_team_placeholder(struct deploy_team *);
/* 0 when the team has exactly 1 lead, 3 deputies and 6 inspectors. */
int deploy_team_check(const struct deploy_team *, char *err, size_t errsz);
void deploy_team_free(struct deploy_team *);
/* Parse a role word ("lead", "deputy", "inspector", and a few aliases); -1 if none. */
int deploy_role_parse(const char *s);
const char *deploy_role_name(enum deploy_role);
/* 1 when the person has a conflict with the area (names compared by text_normkey). */
int deploy_conflicts(const struct deploy_person *, const char *area);

/* Search; 0 with *out filled, or -1 with the reason in err. */
int deploy_solve(const struct deploy_team *, const struct deploy_week *weeks, size_t nweeks,
                 int max_days, struct deploy_result *out, char *err, size_t errsz);
/* Check a result against every rule; 0, or -1 with the first broken rule in err. */
int deploy_check(const struct deploy_team *, const struct deploy_week *weeks, size_t nweeks,
                 int max_days, const struct deploy_result *, char *err, size_t errsz);
void deploy_result_free(struct deploy_result *);

#endif
