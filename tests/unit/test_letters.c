/*
 * test_letters.c: blanks filled from details and the plan, defaults, a
 * missing key named, the weeks worked out from the start, and the three
 * templates of share/templates filled from a details object.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "plan/planfile.h"
#include "report/detailsfile.h"
#include "report/letters.h"
#include "report/reportdoc.h"

Suite *make_suite_letters(void);

static const char details_json[] =
    "{\"chief_executive\": \"Alex Example\", \"lead_inspector\": \"Sam Lead\","
    " \"lead_inspector_contact\": \"sam.lead@ofsted.gov.uk\", \"qa_manager\": \"Jo QA\","
    " \"qa_manager_contact\": \"jo.qa@ofsted.gov.uk\", \"service_area\": \"West Yorkshire\","
    " \"inspection_start\": \"15/01/2027\"}";

/* Read a details document (detailsfile) into lv; 0 or -1 with err. */
static int
details_into(struct letters_vars *lv, const json_t *j, char *err, size_t errsz)
{
	struct detailsfile d;
	int rc;

	if (detailsfile_read(j, &d, err, errsz) != 0)
		return -1;
	rc = letters_vars_details(lv, &d, err, errsz);
	detailsfile_free(&d);
	return rc;
}

static struct letters_vars *
vars_from(const char *json)
{
	struct letters_vars *lv = letters_vars_new();
	json_t *j = json_loads(json, 0, NULL);
	char err[256];

	ck_assert_ptr_nonnull(j);
	ck_assert_msg(details_into(lv, j, err, sizeof err) == 0, "%s", err);
	json_decref(j);
	return lv;
}

static const struct {
	const char *tmpl;
	int rc;
	const char *out; /* the text, or the missing key */
} fills[] = {
    {"Dear {{chief_executive}}", 0, "Dear Alex Example"},
    {"{{spoken_to|you}} and {{qa_manager|nobody}}", 0, "you and Jo QA"},
    {"no blanks at all", 0, "no blanks at all"},
    {"today {{inspection_start_long}}", 0, "today Friday 15 January 2027"},
    {"from {{week2}} to {{week5}}", 0, "from Monday 18 January 2027 to Monday 8 February 2027"},
    {"Dear {{chief_exec}}, {{qa_manager}}", 1, "chief_exec"},
    {"{{inspectors}}", 1, "inspectors"},
    {"{{empty}}", 1, "empty"},
    {"half {{open", -1, NULL},
};

START_TEST(fills_blanks_or_names_the_missing_key)
{
	struct letters_vars *lv = vars_from(details_json);
	struct strbuf sb;
	char missing[128];
	size_t i;
	int rc;

	letters_vars_set(lv, "empty", "  ");
	for (i = 0; i < sizeof fills / sizeof fills[0]; i++) {
		strbuf_init(&sb);
		missing[0] = '\0';
		rc = letters_fill(fills[i].tmpl, lv, &sb, missing, sizeof missing);
		ck_assert_msg(rc == fills[i].rc, "[%zu] rc %d", i, rc);
		if (rc == 0)
			ck_assert_str_eq(sb.buf, fills[i].out);
		else if (rc == 1)
			ck_assert_str_eq(missing, fills[i].out);
		else
			ck_assert(strstr(missing, "never closed") != NULL);
		strbuf_free(&sb);
	}
	letters_vars_free(lv);
}
END_TEST

static const struct {
	const char *json;
	const char *key; /* named in the error */
} bad_details[] = {
    {"[]", "object"},
    {"{\"chief_executive\": 3}", "chief_executive"},
    {"{\"inspection_start\": \"31/02/2027\"}", "inspection_start"},
    {"{\"inspection_start\": \"01/15/2027\"}", "inspection_start"},
    {"{\"chief_executive\": \"TBC\"}", "chief_executive: a placeholder"},
    {"{\"qa_manager\": \"[insert name]\"}", "qa_manager: a placeholder"},
    {"{\"lead_inspector_phone\": \"XXXX\"}", "lead_inspector_phone: a placeholder"},
    {"{\"lead_inspector_phone\": \"call Jane Zebedee\"}", "lead_inspector_phone: not a telephone"},
    {"{\"lead_inspector_email\": \"Jane Zebedee\"}", "lead_inspector_email: not an e-mail"},
    {"{\"inspectors\": [{\"name\": \"Ann Other\", \"phone\": \"tbc\"}]}",
     "inspectors[0].phone: a placeholder"},
    {"{\"inspectors\": [{\"phone\": \"07700 900123\"}]}", "inspectors[0].name: required"},
    {"{\"Jane Zebedee\": \"x\"}", "unknown key (not shown"},
};

START_TEST(bad_details_are_refused_by_key)
{
	struct letters_vars *lv;
	json_t *j;
	char err[256];
	size_t i;

	for (i = 0; i < sizeof bad_details / sizeof bad_details[0]; i++) {
		lv = letters_vars_new();
		j = json_loads(bad_details[i].json, 0, NULL);
		ck_assert_int_eq(details_into(lv, j, err, sizeof err), -1);
		ck_assert_msg(strstr(err, bad_details[i].key) != NULL, "[%zu] %s", i, err);
		ck_assert_msg(strstr(err, "Zebedee") == NULL, "[%zu] %s", i, err);
		json_decref(j);
		letters_vars_free(lv);
	}
}
END_TEST

START_TEST(plan_gives_visit_and_inspectors)
{
	static const char plan_json[] =
	    "{\"start\": \"2027-01-15\", \"areas\": [{\"service_area\": \"Wessex\", \"week\": 5,"
	    " \"on_site_from\": \"2027-02-09\", \"on_site_to\": \"2027-02-10\"},"
	    " {\"service_area\": \"west yorkshire\", \"week\": 3, \"on_site_from\": \"2027-01-26\","
	    " \"on_site_to\": \"2027-01-28\"}], \"deployment\": ["
	    " {\"date\": \"2027-01-26\", \"name\": \"Dee Puty\", \"location\": \"West Yorkshire\"},"
	    " {\"date\": \"2027-01-26\", \"name\": \"Ann Other\", \"location\": \"Wessex\"},"
	    " {\"date\": \"2027-01-26\", \"name\": \"Ian Spector\", \"location\": \"West "
	    "Yorkshire\"},"
	    " {\"date\": \"2027-01-27\", \"name\": \"Dee Puty\", \"location\": \"West Yorkshire\"},"
	    " {\"date\": \"2027-01-27\", \"name\": \"Eve Third\", \"location\": \"West "
	    "Yorkshire\"}]}";
	struct letters_vars *lv = vars_from(details_json);
	json_t *doc = json_loads(plan_json, 0, NULL);
	char err[256];
	struct planfile *plan = planfile_from_json(doc, "plan.json", err, sizeof err);

	ck_assert_msg(plan != NULL, "%s", err);
	ck_assert_int_eq(letters_vars_plan(lv, plan, err, sizeof err), 0);
	ck_assert_str_eq(letters_vars_get(lv, "inspectors"), "Dee Puty, Ian Spector and Eve Third");
	ck_assert_str_eq(letters_vars_get(lv, "visit_dates"),
	                 "Tuesday 26 January 2027 to Thursday 28 January 2027");
	ck_assert_str_eq(letters_vars_get(lv, "inspector_contact"), "sam.lead@ofsted.gov.uk");
	planfile_free(plan);
	json_object_set_new(doc, "start", json_string("2027-01-22"));
	plan = planfile_from_json(doc, "plan.json", err, sizeof err);
	ck_assert_ptr_nonnull(plan);
	ck_assert_int_eq(letters_vars_plan(lv, plan, err, sizeof err), -1);
	ck_assert(strstr(err, "start") != NULL);
	planfile_free(plan);
	json_decref(doc);
	letters_vars_free(lv);
}
END_TEST

static const struct {
	const char *name;
	const char *drop; /* a details key to remove, or NULL */
	int rc;
	const char *want; /* a line of the letter, or the missing key */
} letters[] = {
    {"ce-email", NULL, 0, "Dear Alex Example"},
    {"ce-email", NULL, 0, "This person is Jo QA and can be contacted on jo.qa@ofsted.gov.uk."},
    {"ce-email", NULL, 0, "I have spoken to you to confirm"},
    {"ce-email", "qa_manager_contact", 1, "qa_manager_contact"},
    {"family", NULL, 0, "include Cafcass in West Yorkshire."},
    {"family", "service_area", 1, "service_area"},
    {"staff-info", NULL, 1, "inspectors"},
};

START_TEST(templates_fill_completely)
{
	struct letters_vars *lv;
	struct strbuf sb;
	char err[256], *tmpl;
	json_t *d;
	size_t i;
	int rc;

	for (i = 0; i < sizeof letters / sizeof letters[0]; i++) {
		d = json_loads(details_json, 0, NULL);
		if (letters[i].drop != NULL)
			json_object_del(d, letters[i].drop);
		lv = letters_vars_new();
		ck_assert_int_eq(details_into(lv, d, err, sizeof err), 0);
		tmpl = letters_template(letters[i].name, err, sizeof err);
		ck_assert_msg(tmpl != NULL, "%s", err);
		strbuf_init(&sb);
		rc = letters_fill(tmpl, lv, &sb, err, sizeof err);
		ck_assert_msg(rc == letters[i].rc, "[%zu] rc %d", i, rc);
		if (rc == 0) {
			ck_assert_msg(strstr(sb.buf, letters[i].want) != NULL, "[%zu]", i);
			ck_assert_int_eq(letters_unfilled(sb.buf), 0);
		} else
			ck_assert_str_eq(err, letters[i].want);
		strbuf_free(&sb);
		free(tmpl);
		letters_vars_free(lv);
		json_decref(d);
	}
}
END_TEST

START_TEST(unfilled_blanks_are_seen)
{
	ck_assert_int_eq(letters_unfilled("Dear [insert name of the Chief Executive]"), 1);
	ck_assert_int_eq(letters_unfilled("Dear [Insert name]"), 1);
	ck_assert_int_eq(letters_unfilled("email me at XXXX@ofsted.gov.uk"), 1);
	ck_assert_int_eq(letters_unfilled("Dear {{x}}"), 1);
	ck_assert_int_eq(letters_unfilled("Dear Alex [name] Example"), 0);
}
END_TEST

/* A value is text, never markup: Markdown and HTML in it are escaped. */
START_TEST(values_are_escaped)
{
	struct letters_vars *lv = letters_vars_new();
	struct strbuf md, html, txt;
	char err[256];

	letters_vars_set(lv, "lead_inspector", "Sam *Lee* <HMI> [x](javascript:y) & co");
	strbuf_init(&md);
	strbuf_init(&html);
	strbuf_init(&txt);
	ck_assert_int_eq(letters_fill("Yours, **{{lead_inspector}}**", lv, &md, err, sizeof err),
	                 0);
	ck_assert_int_eq(rdoc_markdown_page(&html, "T", 0, md.buf, 0, err, sizeof err), 0);
	ck_assert_ptr_null(strstr(html.buf, "<em>Lee"));
	ck_assert_ptr_null(strstr(html.buf, "<HMI>"));
	ck_assert_ptr_null(strstr(html.buf, "href=\"javascript"));
	ck_assert_ptr_nonnull(strstr(html.buf, "Sam *Lee* &lt;HMI&gt; [x](javascript:y) &amp; co"));
	ck_assert_int_eq(rdoc_markdown_text(md.buf, &txt, err, sizeof err), 0);
	ck_assert_str_eq(txt.buf, "Yours, Sam *Lee* <HMI> [x](javascript:y) & co\n");
	strbuf_free(&md);
	strbuf_free(&html);
	strbuf_free(&txt);
	letters_vars_free(lv);
}
END_TEST

/* Raw HTML in a template or value never reaches the letter's HTML (no unsafe rendering). */
START_TEST(raw_html_is_dropped)
{
	struct strbuf html;
	char err[256];

	strbuf_init(&html);
	ck_assert_int_eq(rdoc_markdown_page(&html, "T", 0,
	                                    "<script>x()</script>\n\nHello <b>b</b>\n", 0, err,
	                                    sizeof err),
	                 0);
	ck_assert_ptr_null(strstr(html.buf, "<script>x"));
	ck_assert_ptr_null(strstr(html.buf, "<b>b"));
	strbuf_free(&html);
}
END_TEST

/* The lead inspector's phone and e-mail make the contact; inspectors carry their mobiles. */
START_TEST(contacts_and_mobiles)
{
	struct letters_vars *lv = vars_from(
	    "{\"lead_inspector\": \"Sam Lead\", \"lead_inspector_phone\": \"0300 123 1231\","
	    " \"lead_inspector_email\": \"sam.lead@ofsted.gov.uk\", \"inspectors\": ["
	    " {\"name\": \"Dee Puty\", \"phone\": \"07700 900123\"}, {\"name\": \"Ian "
	    "Spector\"}]}");

	ck_assert_str_eq(letters_vars_get(lv, "lead_inspector_contact"),
	                 "0300 123 1231 or sam.lead@ofsted.gov.uk");
	ck_assert_str_eq(letters_vars_get(lv, "inspectors"),
	                 "Dee Puty (mobile 07700 900123) and Ian Spector");
	letters_vars_free(lv);
}
END_TEST

static const struct {
	const char *start;
	int ok;
	const char *why;
} starts[] = {
    {"2027-01-15", 1, NULL},
    {"2027-01-18", 0, "is a Monday; the ofsted-2021 profile starts on a Friday"},
    {"2027-08-06", 0, "falls in August"},
    {"2027-12-31", 0, "falls in Christmas and New Year"},
};

/* The start must be one the profile allows. */
START_TEST(start_must_suit_the_profile)
{
	struct letters_vars *lv;
	char err[256];
	size_t i;

	for (i = 0; i < sizeof starts / sizeof starts[0]; i++) {
		lv = letters_vars_new();
		letters_vars_set(lv, "inspection_start", starts[i].start);
		ck_assert_int_eq(letters_check_start(lv, "ofsted-2021", err, sizeof err),
		                 starts[i].ok ? 0 : -1);
		if (!starts[i].ok)
			ck_assert_msg(strstr(err, starts[i].why) != NULL, "[%zu] %s", i, err);
		letters_vars_free(lv);
	}
}
END_TEST

Suite *
make_suite_letters(void)
{
	Suite *s = suite_create("letters");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, fills_blanks_or_names_the_missing_key);
	tcase_add_test(tc, bad_details_are_refused_by_key);
	tcase_add_test(tc, values_are_escaped);
	tcase_add_test(tc, raw_html_is_dropped);
	tcase_add_test(tc, contacts_and_mobiles);
	tcase_add_test(tc, start_must_suit_the_profile);
	tcase_add_test(tc, plan_gives_visit_and_inspectors);
	tcase_add_test(tc, templates_fill_completely);
	tcase_add_test(tc, unfilled_blanks_are_seen);
	suite_add_tcase(s, tc);
	return s;
}
