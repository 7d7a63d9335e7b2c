/*
 * test_gantt.c: the SVG and HTML pictures are well-formed (xmllint), escape
 * names, are self-contained, shade weekends and bank holidays and mark
 * deadlines.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "plan/gantt.h"

Suite *make_suite_gantt(void);

/* The picture of a plan from start, with one awkward name in the team. */
static char *
picture(const char *start, int html, char *path, size_t pathsz)
{
	struct timetable_profile *prof;
	struct calendar *cal;
	struct deploy_team team;
	struct plan_input in;
	struct plan *plan;
	char err[256], *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len), *out;

	memset(&in, 0, sizeof in);
	memset(&team, 0, sizeof team);
	prof = timetable_profile_named("ofsted-2021", err, sizeof err);
	cal = calendar_load_default("england-and-wales", err, sizeof err);
	deploy_team_add(&team, "Lead <&> \"Quote\"", DEPLOY_LEAD, NULL, 2);
	for (int i = 0; i < 9; i++) {
		char name[16];

		snprintf(name, sizeof name, "P%d", i);
		deploy_team_add(&team, name, i < 3 ? DEPLOY_DEPUTY : DEPLOY_INSPECTOR, NULL, 3 + i);
	}
	in.profile = prof;
	in.cal = cal;
	in.division = "england-and-wales";
	in.visits = 8;
	in.team = &team;
	ck_assert_int_eq(dates_parse(start, &in.start), 0);
	ck_assert_int_ge(plan_build(&in, &plan, err, sizeof err), 0);
	gantt_write(plan, html, fp);
	fclose(fp);
	snprintf(path, pathsz, "/tmp/test_gantt_%d.%s", (int)getpid(), html ? "html" : "svg");
	out = fopen(path, "w");
	ck_assert_ptr_nonnull(out);
	fputs(buf, out);
	fclose(out);
	plan_free(plan);
	deploy_team_free(&team);
	calendar_free(cal);
	timetable_profile_free(prof);
	return buf;
}

START_TEST(svg_well_formed)
{
	char path[64], cmd[128];
	char *svg = picture("2027-03-05", 0, path, sizeof path);

	snprintf(cmd, sizeof cmd, "xmllint --noout %s", path);
	ck_assert_int_eq(system(cmd), 0);
	unlink(path);
	ck_assert_ptr_nonnull(strstr(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\""));
	ck_assert_ptr_nonnull(strstr(svg, "Lead &lt;&amp;&gt; &quot;Quote&quot;"));
	ck_assert_ptr_null(strstr(svg, "<&>"));
	ck_assert_ptr_null(strstr(svg, "<script"));
	ck_assert_ptr_null(strstr(svg, "href="));
	ck_assert_ptr_nonnull(strstr(svg, "class=\"weekend\""));
	ck_assert_ptr_nonnull(strstr(svg, "Good Friday")); /* a shaded bank holiday */
	ck_assert_ptr_nonnull(strstr(svg, "class=\"deadline\""));
	ck_assert_ptr_nonnull(strstr(svg, "National Business Centre"));
	free(svg);
}
END_TEST

START_TEST(blackout_shaded)
{
	char path[64], cmd[160];
	char *html = picture("2027-07-16", 1, path, sizeof path);

	snprintf(cmd, sizeof cmd, "xmllint --noout %s 2>/dev/null", path);
	ck_assert_int_eq(system(cmd), 0);
	unlink(path);
	ck_assert_ptr_nonnull(strstr(html, "<!DOCTYPE html>"));
	ck_assert_ptr_nonnull(strstr(html, "class=\"blackout\"><title>August</title>"));
	ck_assert_ptr_nonnull(strstr(html, "<h2 id=\"warnings\">Problems and warnings</h2>"));
	ck_assert_ptr_nonnull(strstr(html, "<td class=\"flag\">August</td>"));
	ck_assert_ptr_nonnull(strstr(html, "<table class=\"timeline\">"));
	free(html);
}
END_TEST

Suite *
make_suite_gantt(void)
{
	Suite *s = suite_create("gantt");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, svg_well_formed);
	tcase_add_test(tc, blackout_shaded);
	suite_add_tcase(s, tc);
	return s;
}
