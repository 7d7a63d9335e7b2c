/*
 * test_deploy.c: the team deployment search. On random rosters with
 * conflicts of interest it finds a deployment exactly when an independent
 * brute force over each week says one exists, and every deployment it
 * returns passes deploy_check(); infeasible rosters are explained; areas
 * repeated across weeks respect the three-day limit.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "plan/deploy.h"

Suite *make_suite_deploy(void);

static const char *const w3[] = {"A", "B", "C"}, *const w4[] = {"D", "E", "F"};
static const char *const w5[] = {"G", "H"}, *const all[] = {"A", "B", "C", "D", "E", "F", "G", "H"};

static uint64_t rng = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* A team whose members each conflict with an area with probability pct%. */
static void
random_team(struct deploy_team *t, unsigned pct)
{
	static const char *const names[] = {"Lee", "Dan", "Dee", "Don", "Ian",
	                                    "Ida", "Ike", "Ina", "Ira", "Ivo"};

	memset(t, 0, sizeof *t);
	for (int i = 0; i < 10; i++) {
		char conf[64] = "";

		for (int a = 0; a < 8; a++)
			if (rnd(100) < pct) {
				strcat(conf, all[a]);
				strcat(conf, ";");
			}
		deploy_team_add(t, names[i],
		                i == 0  ? DEPLOY_LEAD
		                : i < 4 ? DEPLOY_DEPUTY
		                        : DEPLOY_INSPECTOR,
		                conf, (unsigned long)i + 2);
	}
}

/* Brute force: can week w be staffed (each person to one area, quotas met)? */
static int
week_feasible(const struct deploy_team *t, const struct deploy_week *w)
{
	unsigned long total = 1;

	for (int i = 0; i < 9; i++)
		total *= w->nareas;
	for (unsigned long code = 0; code < total; code++) {
		unsigned long c = code;
		int dep[3] = {0}, ins[3] = {0}, ok = 1;

		for (int i = 1; i < 10 && ok; i++) {
			int a = (int)(c % w->nareas);

			c /= w->nareas;
			if (deploy_conflicts(&t->people[i], w->areas[a]))
				ok = 0;
			else if (t->people[i].role == DEPLOY_DEPUTY)
				dep[a]++;
			else
				ins[a]++;
		}
		for (size_t a = 0; a < w->nareas && ok; a++)
			ok = w->teams ? dep[a] == 1 && ins[a] == 2 : dep[a] >= 1 && ins[a] >= 2;
		if (ok)
			return 1;
	}
	return 0;
}

START_TEST(random_rosters)
{
	struct deploy_week weeks[] = {{3, 1, 3, 3, w3, NULL, NULL},
	                              {4, 1, 3, 3, w4, NULL, NULL},
	                              {5, 0, 2, 2, w5, NULL, NULL}};
	int found = 0, none = 0;

	for (int k = 0; k < 300; k++) {
		struct deploy_team t;
		struct deploy_result r;
		char err[512];
		int want = 1, got;

		random_team(&t, 5 + (unsigned)k % 30);
		for (int w = 0; w < 3; w++)
			want &= week_feasible(&t, &weeks[w]);
		got = deploy_solve(&t, weeks, 3, 3, &r, err, sizeof err) == 0;
		ck_assert_int_eq(got, want);
		if (got) {
			ck_assert_msg(deploy_check(&t, weeks, 3, 3, &r, err, sizeof err) == 0, "%s",
			              err);
			deploy_result_free(&r);
			found++;
		} else {
			ck_assert_ptr_nonnull(strstr(err, "week"));
			ck_assert_ptr_null(strstr(err, "Ida")); /* names never appear */
			none++;
		}
		deploy_team_free(&t);
	}
	ck_assert_int_gt(found, 50);
	ck_assert_int_gt(none, 20);
}
END_TEST

START_TEST(keeps_teams)
{
	struct deploy_week weeks[] = {{3, 1, 3, 3, w3, NULL, NULL},
	                              {4, 1, 3, 3, w4, NULL, NULL},
	                              {5, 0, 2, 2, w5, NULL, NULL}};
	struct deploy_team t;
	struct deploy_result r;
	char err[256];

	memset(&t, 0, sizeof t);
	deploy_team_placeholder(&t);
	ck_assert_int_eq(deploy_solve(&t, weeks, 3, 3, &r, err, sizeof err), 0);
	ck_assert_int_eq(r.regrouped, 0);
	/* Whoever shares an area in week 3 shares one in weeks 4 and 5. */
	for (size_t p = 1; p < t.n; p++)
		for (size_t q = 1; q < t.n; q++)
			if (r.area[p * 3] == r.area[q * 3]) {
				ck_assert_int_eq(r.area[p * 3 + 1], r.area[q * 3 + 1]);
				ck_assert_int_eq(r.area[p * 3 + 2], r.area[q * 3 + 2]);
			}
	ck_assert_int_eq(r.area[0], -1); /* the lead stays at national office */
	deploy_result_free(&r);
	deploy_team_free(&t);
}
END_TEST

static const struct {
	const char *conflicts[10];
	const char *want;
} infeasible[] = {
    {{"", "A", "A", "A"},
     "week 3: A needs 1 deputy without a conflict of interest, but only 0 are"},
    {{"", "", "", "", "D", "D", "D", "D", "D"}, "week 4: D needs 2 inspectors"},
    {{"", "", "", "", "D;E", "D;E", "D;E", "D;E"}, "week 4: D and E need 4 inspectors"},
    {{"", "", "", "", "", "", "", "", "", "G;H"}, "team:11: week 5: the inspector on this line"},
};

START_TEST(explains_infeasible)
{
	struct deploy_week weeks[] = {{3, 1, 3, 3, w3, NULL, NULL},
	                              {4, 1, 3, 3, w4, NULL, NULL},
	                              {5, 0, 2, 2, w5, NULL, NULL}};
	struct deploy_team t;
	struct deploy_result r;
	char err[512], name[16];

	memset(&t, 0, sizeof t);
	t.file = strdup("team");
	for (int i = 0; i < 10; i++) {
		snprintf(name, sizeof name, "P%d", i);
		deploy_team_add(&t, name,
		                i == 0  ? DEPLOY_LEAD
		                : i < 4 ? DEPLOY_DEPUTY
		                        : DEPLOY_INSPECTOR,
		                infeasible[_i].conflicts[i], (unsigned long)i + 2);
	}
	ck_assert_int_eq(deploy_solve(&t, weeks, 3, 3, &r, err, sizeof err), -1);
	ck_assert_msg(strstr(err, infeasible[_i].want) != NULL, "%s", err);
	deploy_team_free(&t);
}
END_TEST

START_TEST(regroups_when_needed)
{
	/* Week 3 forces the team (P1, P4, P5) into A; in week 4 P4 cannot go to D
	 * and P5 cannot go to E or F, so that team cannot stay together. */
	static const char *const conflicts[10] = {"", "B;C", "A;C", "A;B", "B;C;D", "B;C;E;F"};
	struct deploy_week weeks[] = {{3, 1, 3, 3, w3, NULL, NULL},
	                              {4, 1, 3, 3, w4, NULL, NULL},
	                              {5, 0, 2, 2, w5, NULL, NULL}};
	struct deploy_team t;
	struct deploy_result r;
	char err[512], name[16];

	memset(&t, 0, sizeof t);
	for (int i = 0; i < 10; i++) {
		snprintf(name, sizeof name, "P%d", i);
		deploy_team_add(&t, name,
		                i == 0  ? DEPLOY_LEAD
		                : i < 4 ? DEPLOY_DEPUTY
		                        : DEPLOY_INSPECTOR,
		                conflicts[i], (unsigned long)i + 2);
	}
	ck_assert_msg(deploy_solve(&t, weeks, 3, 3, &r, err, sizeof err) == 0, "%s", err);
	ck_assert_int_eq(r.regrouped, 1);
	ck_assert_int_eq(deploy_check(&t, weeks, 3, 3, &r, err, sizeof err), 0);
	ck_assert_int_eq(r.area[4 * 3], 0); /* P4 in A in week 3 */
	ck_assert_int_ne(r.area[4 * 3 + 1], 0); /* and not in D in week 4 */
	deploy_result_free(&r);
	deploy_team_free(&t);
}
END_TEST

START_TEST(three_day_limit)
{
	static const char *const again[] = {"A", "E", "F"};
	struct deploy_week weeks[] = {{3, 1, 3, 3, w3, NULL, NULL},
	                              {4, 1, 3, 3, again, NULL, NULL}};
	struct deploy_team t;
	struct deploy_result r;
	char err[256];

	memset(&t, 0, sizeof t);
	deploy_team_placeholder(&t);
	ck_assert_int_eq(deploy_solve(&t, weeks, 2, 3, &r, err, sizeof err), 0);
	ck_assert_int_eq(deploy_check(&t, weeks, 2, 3, &r, err, sizeof err), 0);
	for (size_t p = 1; p < t.n; p++) /* nobody in A both weeks */
		ck_assert(!(r.area[p * 2] == 0 && r.area[p * 2 + 1] == 0));
	/* deploy_check catches a result that breaks the limit. */
	for (size_t p = 1; p < t.n; p++)
		if (r.area[p * 2] == 0)
			r.area[p * 2 + 1] = 0;
	ck_assert_int_eq(deploy_check(&t, weeks, 2, 3, &r, err, sizeof err), -1);
	deploy_result_free(&r);
	ck_assert_int_eq(deploy_solve(&t, weeks, 2, 2, &r, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "within 2 days"));
	deploy_team_free(&t);
}
END_TEST

START_TEST(team_shape)
{
	struct deploy_team t;
	char err[256];

	memset(&t, 0, sizeof t);
	deploy_team_placeholder(&t);
	ck_assert_int_eq(deploy_team_check(&t, err, sizeof err), 0);
	deploy_team_add(&t, "Extra", DEPLOY_INSPECTOR, NULL, 12);
	ck_assert_int_eq(deploy_team_check(&t, err, sizeof err), -1);
	ck_assert_ptr_nonnull(strstr(err, "it has 1, 3 and 7"));
	deploy_team_free(&t);
	ck_assert_int_eq(deploy_role_parse("Deputy lead inspector"), DEPLOY_DEPUTY);
	ck_assert_int_eq(deploy_role_parse("HMI"), DEPLOY_INSPECTOR);
	ck_assert_int_eq(deploy_role_parse("LEAD"), DEPLOY_LEAD);
	ck_assert_int_eq(deploy_role_parse("chief"), -1);
}
END_TEST

Suite *
make_suite_deploy(void)
{
	Suite *s = suite_create("deploy");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, random_rosters);
	tcase_add_test(tc, keeps_teams);
	tcase_add_loop_test(tc, explains_infeasible, 0, sizeof infeasible / sizeof infeasible[0]);
	tcase_add_test(tc, regroups_when_needed);
	tcase_add_test(tc, three_day_limit);
	tcase_add_test(tc, team_shape);
	suite_add_tcase(s, tc);
	return s;
}
