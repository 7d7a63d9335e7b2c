/*
 * test_profile.c: the regimes' profiles as shipped: each judgement set with
 * its exact titles and whether it has an overall judgement, the deprecated
 * alias, and the message for a name that is no profile.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "regime/profile.h"

static const struct {
	const char *profile;
	enum profile_overall overall;
	const char *ids[6], *titles[6];
} sets[] = {
    {"handbook-2014",
     PROFILE_OVERALL_YES,
     {"overall", "private-law", "public-law", "leadership-national", "leadership-local", NULL},
     {"Overall judgement", "The quality and effectiveness of private law practice with families",
      "The quality and effectiveness of public law practice with families",
      "The leadership and governance of the national organisation",
      "The leadership and management of local services", NULL}},
    {"framework-2021",
     PROFILE_OVERALL_UNKNOWN,
     {"private-law", "public-law", "leadership", NULL},
     {"The quality and effectiveness of private law practice",
      "The quality and effectiveness of public law practice",
      "The impact of leaders on practice with children and families", NULL}},
    {"mcsi-2002", PROFILE_OVERALL_NO, {NULL}, {NULL}},
};

START_TEST(judgement_sets_exact)
{
	char err[256];
	struct profile *p = profile_named(sets[_i].profile, err, sizeof err);
	size_t k;

	ck_assert_msg(p != NULL, "%s", err);
	ck_assert_str_eq(p->name, sets[_i].profile);
	ck_assert_int_eq(p->overall, sets[_i].overall);
	for (k = 0; sets[_i].ids[k] != NULL; k++) {
		ck_assert_uint_gt(p->njudgements, k);
		ck_assert_str_eq(p->judgements[k].id, sets[_i].ids[k]);
		ck_assert_str_eq(p->judgements[k].title, sets[_i].titles[k]);
		ck_assert_int_eq(p->judgements[k].overall, strcmp(sets[_i].ids[k], "overall") == 0);
		ck_assert_int_eq(profile_judgement_index(p, sets[_i].ids[k]), (long)k);
	}
	ck_assert_uint_eq(p->njudgements, k);
	ck_assert_int_eq(profile_judgement_index(p, "effectiveness"), -1);
	profile_free(p);
}
END_TEST

START_TEST(alias_and_unknown_name)
{
	char err[256];
	struct profile *p = profile_named("ofsted-2021", err, sizeof err);
	char *list;

	ck_assert_msg(p != NULL, "%s", err);
	ck_assert_str_eq(p->name, "handbook-2014");
	ck_assert_str_eq(profile_canonical("ofsted-2021"), "handbook-2014");
	ck_assert_str_eq(profile_canonical("mcsi-2002"), "mcsi-2002");
	list = profile_judgement_list(p);
	ck_assert_str_eq(list,
	                 "overall, private-law, public-law, leadership-national, leadership-local");
	free(list);
	profile_free(p);
	ck_assert_ptr_null(profile_named("ofsted-2025", err, sizeof err));
	ck_assert_ptr_nonnull(strstr(err, "framework-2021, handbook-2014, mcsi-2002"));
	ck_assert_ptr_null(profile_named("../etc", err, sizeof err));
}
END_TEST

START_TEST(framework_unknowns_listed)
{
	char err[256];
	struct profile *p = profile_named("framework-2021", err, sizeof err);

	ck_assert_msg(p != NULL, "%s", err);
	ck_assert_str_eq(p->timeline_from, "handbook-2014");
	ck_assert_uint_ge(p->nunknowns, 5);
	ck_assert_str_eq(p->unknowns[0].key, "notice");
	profile_free(p);
}
END_TEST

Suite *make_suite_profile(void);

Suite *
make_suite_profile(void)
{
	Suite *s = suite_create("profile");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, judgement_sets_exact, 0, sizeof sets / sizeof sets[0]);
	tcase_add_test(tc, alias_and_unknown_name);
	tcase_add_test(tc, framework_unknowns_listed);
	suite_add_tcase(s, tc);
	return s;
}
