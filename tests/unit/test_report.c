/*
 * test_report.c: the judgements file checked key by key, the three gates,
 * the order of the sections, the choice of examples, the coverage picture,
 * and the document renderings (CommonMark escaping, text wrapping, HTML).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/strbuf.h"
#include "redact/redact.h"
#include "regime/profile.h"
#include "report/report.h"
#include "report/reportdoc.h"
#include "report/sections.h"

Suite *make_suite_report(void);

/* The judgement sets, loaded for each test (a checked fixture). */
static struct profile *fw, *hb;

static void
load_profiles(void)
{
	char err[256];

	fw = profile_named("framework-2021", err, sizeof err);
	ck_assert_msg(fw != NULL, "%s", err);
	hb = profile_named("handbook-2014", err, sizeof err);
	ck_assert_msg(hb != NULL, "%s", err);
}

static void
free_profiles(void)
{
	profile_free(fw);
	profile_free(hb);
	fw = hb = NULL;
}

static const char judgements_ok[] =
    "{\"private-law\": {\"grade\": \"good\"}, \"public-law\": {\"grade\": \"Outstanding\"},"
    " \"leadership\": \"requires improvement\","
    " \"summary_for_children\": \"We read files.\\n\\nWe met children.\","
    " \"key_findings\": [\"Children are seen alone.\"], \"areas_for_improvement\": [],"
    " \"priority_actions\": []}";

/* A small SEA in the shape build-sea writes. */
static const char sea_json[] =
    "{\"entries\": ["
    " {\"judgement\": \"private-law\", \"criteria\": [1], \"finding\": \"strength\","
    "  \"source\": \"case-file\", \"service_area\": \"Wessex\", \"date\": \"2027-01-26\","
    "  \"inspector\": \"Ann Inspector\", \"summary\": \"The child was seen alone with [name].\"},"
    " {\"judgement\": \"private-law\", \"criteria\": [1, 2], \"finding\": \"strength\","
    "  \"source\": \"interview\", \"service_area\": \"North East\", \"date\": \"2027-01-27\","
    "  \"inspector\": \"Ann Inspector\", \"summary\": \"Wishes were reported clearly.\"},"
    " {\"judgement\": \"private-law\", \"criteria\": [2], \"finding\": \"improvement\","
    "  \"source\": \"audit\", \"service_area\": \"Wessex\", \"date\": \"2027-01-28\","
    "  \"inspector\": \"Ben Checker\", \"summary\": \"Advice was late.\"},"
    " {\"judgement\": \"public-law\", \"criteria\": [], \"finding\": \"strength\","
    "  \"source\": \"meeting\", \"service_area\": \"Wessex\", \"date\": \"2027-01-28\","
    "  \"inspector\": \"Ben Checker\", \"summary\": \"Guardians challenge drift.\"},"
    " {\"judgement\": \"leadership\", \"criteria\": [], \"finding\": \"improvement\","
    "  \"source\": \"document\", \"service_area\": null, \"date\": \"2027-01-28\","
    "  \"inspector\": \"Ben Checker\", \"summary\": \"Supervision is not recorded.\"}],"
    " \"coverage\": ["
    " {\"judgement\": \"private-law\", \"criterion\": 1, \"title\": \"Welfare\", \"entries\": 2,"
    "  \"strengths\": 2, \"improvements\": 0, \"concerns\": 0, \"sources\": [\"case-file\","
    "  \"interview\"], \"service_areas\": [\"North East\", \"Wessex\"], \"triangulated\": true},"
    " {\"judgement\": \"private-law\", \"criterion\": 2, \"title\": \"Advice and recommendations "
    "to the court; analysis of the welfare checklist\", \"entries\": 2,"
    "  \"strengths\": 1, \"improvements\": 1, \"concerns\": 0, \"sources\": [\"interview\","
    "  \"audit\"], \"service_areas\": [\"North East\", \"Wessex\"], \"triangulated\": true},"
    " {\"judgement\": \"public-law\", \"criterion\": 15, \"title\": \"Welfare\", \"entries\": 0,"
    "  \"strengths\": 0, \"improvements\": 0, \"concerns\": 0, \"sources\": [],"
    "  \"service_areas\": [], \"triangulated\": false}],"
    " \"gaps\": [{\"judgement\": \"public-law\", \"criterion\": 15, \"title\": \"Welfare\"}],"
    " \"concerns\": []}";

static const struct {
	const char *in;
	enum report_grade g;
} grades[] = {
    {"outstanding", REPORT_OUTSTANDING},
    {"Good", REPORT_GOOD},
    {"requires-improvement", REPORT_REQUIRES_IMPROVEMENT},
    {"Requires improvement to be good", REPORT_REQUIRES_IMPROVEMENT},
    {"requires improvement", REPORT_REQUIRES_IMPROVEMENT},
    {"INADEQUATE", REPORT_INADEQUATE},
    {"excellent", REPORT_GRADE_NONE},
    {"", REPORT_GRADE_NONE},
};

START_TEST(grades_by_key_or_words)
{
	size_t i;

	for (i = 0; i < sizeof grades / sizeof grades[0]; i++)
		ck_assert_msg(judgementsfile_grade_parse(grades[i].in) == grades[i].g, "%s",
		              grades[i].in);
	ck_assert_str_eq(judgementsfile_grade_words(REPORT_REQUIRES_IMPROVEMENT),
	                 "Requires improvement to be good");
}
END_TEST

static const struct {
	const char *json;
	const char *err; /* NULL: valid */
} docs[] = {
    {judgements_ok, NULL},
    {"{\"judgements\": {\"private-law\": \"good\", \"public-law\": \"good\", \"leadership\": "
     "\"good\"}, \"summary_for_children\": [\"One.\", \"Two.\"]}",
     NULL},
    {"{\"judgements\": [{\"judgement\": \"private-law\", \"grade\": \"good\"}, {\"id\": "
     "\"public-law\", \"grade\": \"good\"}, {\"judgement\": \"leadership\", \"grade\": "
     "\"good\"}], \"summary_for_children\": \"One.\"}",
     NULL},
    {"[]", "expected a JSON object"},
    {"{\"private-law\": \"good\", \"public-law\": \"good\", \"summary_for_children\": \"x\"}",
     "leadership: no grade"},
    {"{\"private-law\": \"great\", \"public-law\": \"good\", \"leadership\": \"good\", "
     "\"summary_for_children\": \"x\"}",
     "private-law: grade: expected"},
    {"{\"private-law\": \"good\", \"public-law\": \"good\", \"leadership\": \"good\"}",
     "summary_for_children: required"},
    {"{\"private-law\": \"good\", \"public-law\": \"good\", \"leadership\": \"good\", "
     "\"summary_for_children\": \"x\", \"key_findings\": [\"a\", 3]}",
     "key_findings[1]: expected a non-empty string"},
    {"{\"private-law\": \"good\", \"public-law\": \"good\", \"leadership\": \"good\", "
     "\"summary_for_children\": \"x\", \"priority_actions\": [{\"judgement\": \"overall\", "
     "\"action\": \"a\"}]}",
     "priority_actions[0]: expected"},
    {"{\"private-law\": \"good\", \"public-law\": \"good\", \"leadership\": \"good\", "
     "\"summary_for_children\": \"x\", \"keyfindings\": []}",
     "unknown key keyfindings"},
    {"{\"private-law\": {\"grade\": \"good\", \"note\": \"x\"}, \"public-law\": \"good\", "
     "\"leadership\": \"good\", \"summary_for_children\": \"x\"}",
     "private-law: unknown key note"},
    {"{\"private-law\": \"good\", \"judgements\": {\"private-law\": \"good\"}, \"public-law\": "
     "\"good\", \"leadership\": \"good\", \"summary_for_children\": \"x\"}",
     "private-law: graded twice"},
    {"{\"private-law\": \"good\", \"public-law\": \"good\", \"leadership\": \"good\", "
     "\"summary_for_children\": \"x\", \"inspection_dates\": {\"from\": \"2027-02-01\", "
     "\"to\": \"2027-01-01\"}}",
     "inspection_dates: expected"},
};

START_TEST(judgements_checked_key_by_key)
{
	struct judgementsfile j;
	char err[256];
	json_t *doc;
	size_t i;
	int rc;

	for (i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		doc = json_loads(docs[i].json, 0, NULL);
		ck_assert_msg(doc != NULL, "[%zu] fixture", i);
		err[0] = '\0';
		rc = judgementsfile_read(doc, fw, &j, err, sizeof err);
		if (docs[i].err == NULL) {
			ck_assert_msg(rc == 0, "[%zu] %s", i, err);
			ck_assert(j.children.n >= 1);
			judgementsfile_free(&j);
		} else {
			ck_assert_msg(rc == -1, "[%zu] accepted", i);
			ck_assert_msg(strstr(err, docs[i].err) != NULL, "[%zu] %s", i, err);
		}
		json_decref(doc);
	}
}
END_TEST

START_TEST(children_summary_split_into_paragraphs)
{
	struct judgementsfile j;
	json_t *doc = json_loads(judgements_ok, 0, NULL);
	char err[256];

	ck_assert_int_eq(judgementsfile_read(doc, fw, &j, err, sizeof err), 0);
	ck_assert_uint_eq(j.children.n, 2);
	ck_assert_str_eq(j.children.v[1].text, "We met children.");
	ck_assert_str_eq(j.children.v[1].origin, "summary_for_children (paragraph 2)");
	ck_assert_int_eq(j.grade[1], REPORT_OUTSTANDING); /* public-law */
	ck_assert_int_eq(j.grade[2], REPORT_REQUIRES_IMPROVEMENT); /* leadership */
	judgementsfile_free(&j);
	json_decref(doc);
}
END_TEST

/* Parse a judgements document under prof and an SEA into in; the caller frees j, sea. */
static void
setup_under(const struct profile *prof, const char *jjson, struct judgementsfile *j,
            struct seafile *sea, struct report_input *in)
{
	json_t *doc = json_loads(jjson, 0, NULL);
	char err[256];

	ck_assert_msg(judgementsfile_read(doc, prof, j, err, sizeof err) == 0, "%s", err);
	json_decref(doc);
	doc = json_loads(sea_json, 0, NULL);
	ck_assert_ptr_nonnull(doc);
	ck_assert_int_eq(seafile_read(doc, sea, err, sizeof err), 0);
	json_decref(doc);
	ck_assert_int_eq(report_sea_check(sea, prof, err, sizeof err), 0);
	memset(in, 0, sizeof *in);
	in->profile = prof;
	in->judgements_name = "j.json";
	in->sea_name = "sea.json";
	in->j = j;
	in->sea = sea;
	in->max_examples = 3;
	in->audience = REPORT_TEAM;
}

/* The same under framework-2021. */
static void
setup(const char *jjson, struct judgementsfile *j, struct seafile *sea, struct report_input *in)
{
	setup_under(fw, jjson, j, sea, in);
}

static const struct {
	const char *json;
	int draft;
	size_t refusals;
	const char *msg; /* part of the first refusal, or NULL */
	const char *never; /* must not appear in any message */
} gates[] = {
    {"{\"private-law\": \"good\", \"public-law\": \"good\", \"leadership\": \"good\", "
     "\"summary_for_children\": \"x\"}",
     1, 0, NULL, NULL},
    {"{\"private-law\": \"good\", \"public-law\": \"good\", \"leadership\": \"good\", "
     "\"summary_for_children\": \"x\"}",
     0, 1, "sea.json: 1 criterion has no evidence (criterion 15)", NULL},
    {"{\"private-law\": \"good\", \"public-law\": \"inadequate\", \"leadership\": \"good\", "
     "\"summary_for_children\": \"x\", \"areas_for_improvement\": [\"Risk.\"]}",
     1, 1, "j.json: public-law: graded inadequate but no area for priority action", NULL},
    {"{\"private-law\": \"good\", \"public-law\": \"inadequate\", \"leadership\": \"good\", "
     "\"summary_for_children\": \"x\"}",
     1, 2, "j.json: public-law: graded inadequate but no area for priority action",
     NULL}, /* and below good with no area for improvement */
    {"{\"private-law\": \"good\", \"public-law\": {\"grade\": \"inadequate\", "
     "\"priority_actions\": [\"x\"]}, \"leadership\": \"good\", "
     "\"summary_for_children\": \"x\", \"areas_for_improvement\": [\"Risk.\"]}",
     1, 1, "j.json: public-law.priority_actions[0]: not an action of substance", NULL},
    {"{\"private-law\": \"good\", \"public-law\": \"inadequate\", \"leadership\": \"good\", "
     "\"summary_for_children\": \"x\", \"areas_for_improvement\": [\"Risk.\"], "
     "\"priority_actions\": [{\"judgement\": \"leadership\", "
     "\"action\": \"Leaders must check every risk assessment monthly.\"}]}",
     1, 1, "public-law: graded inadequate", NULL},
    {"{\"private-law\": \"good\", \"public-law\": {\"grade\": \"inadequate\", "
     "\"priority_actions\": [\"Review the risk assessment of every child now.\"]}, "
     "\"leadership\": \"good\", \"summary_for_children\": \"x\", "
     "\"areas_for_improvement\": [\"Risk.\"]}",
     1, 0, NULL, NULL},
    {"{\"private-law\": \"good\", \"public-law\": \"good\", \"leadership\": \"good\", "
     "\"summary_for_children\": \"x\", \"key_findings\": [\"Call 020 7946 0018 to talk.\"]}",
     1, 1, "j.json: key_findings[0]: would print personal data (phone)", "7946"},
    {"{\"private-law\": \"good\", \"public-law\": \"good\", \"leadership\": \"good\", "
     "\"summary_for_children\": \"Ben Checker met you.\"}",
     1, 1, "j.json: summary_for_children (paragraph 1): would print personal data (name)",
     "Checker met"},
};

START_TEST(gates_refuse_and_name_the_item)
{
	struct judgementsfile j;
	struct report_input in;
	struct redact *r, *plain;
	struct rdoc *d;
	struct strbuf msgs;
	char err[256];
	struct seafile sea;
	size_t i, n;

	for (i = 0; i < sizeof gates / sizeof gates[0]; i++) {
		setup(gates[i].json, &j, &sea, &in);
		in.draft = gates[i].draft;
		r = redact_new(err, sizeof err);
		ck_assert_msg(r != NULL, "%s", err);
		report_add_people(r, &sea, NULL);
		plain = redact_new(err, sizeof err);
		ck_assert_msg(plain != NULL, "%s", err);
		redact_find_unlisted(plain, 0); /* the tool's own words: as render-report does */
		d = report_build(&in);
		strbuf_init(&msgs);
		n = report_gates(&in, d, r, plain, &msgs);
		ck_assert_msg(n == gates[i].refusals, "[%zu] %zu refusals: %s", i, n, msgs.buf);
		if (gates[i].msg != NULL)
			ck_assert_msg(strstr(msgs.buf, gates[i].msg) != NULL, "[%zu] %s", i,
			              msgs.buf);
		if (gates[i].never != NULL)
			ck_assert(strstr(msgs.buf, gates[i].never) == NULL);
		strbuf_free(&msgs);
		rdoc_free(d);
		redact_free(r);
		redact_free(plain);
		judgementsfile_free(&j);
		seafile_free(&sea);
	}
}
END_TEST

START_TEST(sections_in_order_examples_once)
{
	static const char *const order[] = {"Judgements",
	                                    "Summary for children and young people",
	                                    "Summary of key findings",
	                                    "What needs to improve",
	                                    "Areas for priority action",
	                                    "The quality and effectiveness of private law practice",
	                                    "The quality and effectiveness of public law practice",
	                                    "The impact of leaders on practice with children and "
	                                    "families",
	                                    "How the inspection was done",
	                                    "Gaps in the evidence",
	                                    "Concerns referred back to Cafcass"};
	struct judgementsfile j;
	struct report_input in;
	struct rdoc *d;
	struct seafile sea;
	size_t i, k = 0, wishes = 0, placeholder_first = 0, items = 0;

	setup(judgements_ok, &j, &sea, &in);
	in.draft = 1;
	d = report_build(&in);
	ck_assert_int_eq(d->draft, 1);
	for (i = 0; i < d->n; i++) {
		const struct rdoc_block *b = &d->b[i];

		if (b->kind == RDOC_HEADING && b->level == 2) {
			ck_assert_msg(k < 11 && strcmp(b->text, order[k]) == 0, "heading %s",
			              b->text);
			k++;
		}
		if (b->kind == RDOC_ITEM && b->origin != NULL &&
		    strstr(b->origin, "entries[") != NULL) {
			items++;
			wishes += strstr(b->text, "Wishes were reported") != NULL;
			/* criterion 1 has two strengths: the one without a placeholder comes first
			 */
			if (items == 1)
				placeholder_first = strstr(b->text, "[name]") != NULL;
		}
	}
	ck_assert_uint_eq(k, 11);
	ck_assert_uint_eq(wishes, 1); /* named by criteria 1 and 2, quoted once */
	ck_assert_uint_eq(placeholder_first, 0);
	ck_assert_uint_eq(items, 5);
	rdoc_free(d);
	judgementsfile_free(&j);
	seafile_free(&sea);
}
END_TEST

START_TEST(coverage_svg_counts_cells)
{
	json_t *doc = json_loads(sea_json, 0, NULL);
	struct seafile sea;
	char err[256], *svg;

	ck_assert_int_eq(seafile_read(doc, &sea, err, sizeof err), 0);
	json_decref(doc);
	svg = report_coverage_svg(&sea);

	ck_assert(strncmp(svg, "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\"", 48) == 0);
	ck_assert(strstr(svg, "<title>Criterion 1, Wessex: 1 entry</title>") != NULL);
	ck_assert(strstr(svg, "<title>Criterion 2, North East: 1 entry</title>") != NULL);
	ck_assert(strstr(svg, "<title>Criterion 15, Wessex: 0 entries</title>") != NULL);
	ck_assert(strstr(svg, "<title>No criterion, no service area: 1 entry</title>") != NULL);
	ck_assert(strstr(svg, ">Public law</text>") != NULL);
	/* a long label wraps, whole, onto a second line */
	ck_assert(strstr(svg, ">2 Advice and recommendations to the court;</tspan><tspan x=\"322\" "
	                      "dy=\"13\">analysis of the welfare checklist</tspan>") != NULL);
	ck_assert(strstr(svg, ">Leadership and management</text>") != NULL);
	ck_assert(strstr(svg, "</svg>\n<figcaption>") != NULL);
	ck_assert(strstr(svg, "\n\n") == NULL); /* one CommonMark HTML block */
	free(svg);
	seafile_free(&sea);
}
END_TEST

static const struct {
	const char *text;
	const char *md;
} escapes[] = {
    {"plain words", "plain words"},
    {"1. not a list", "1\\. not a list"},
    {"- not a bullet", "\\- not a bullet"},
    {"*stars* and _under_", "\\*stars\\* and \\_under\\_"},
    {"<script>x</script> & [link](y)", "\\<script\\>x\\</script\\> \\& \\[link\\](y)"},
    {"# not a heading\nnew line", "\\# not a heading new line"},
};

START_TEST(markdown_escapes_every_markup)
{
	struct rdoc *d;
	struct strbuf sb;
	char *want;
	size_t i;

	for (i = 0; i < sizeof escapes / sizeof escapes[0]; i++) {
		d = rdoc_new("T", 0);
		rdoc_item(d, escapes[i].text, NULL);
		strbuf_init(&sb);
		rdoc_md(d, 0, &sb);
		want = malloc(strlen(escapes[i].md) + 16);
		sprintf(want, "# T\n\n- %s\n", escapes[i].md);
		ck_assert_str_eq(sb.buf, want);
		free(want);
		strbuf_free(&sb);
		rdoc_free(d);
	}
}
END_TEST

/*
 * rdoc_md_escape() on every byte but NUL, alone and in runs, after a plain
 * first letter: each markup byte backslashed, a line break or tab a space,
 * every other byte (UTF-8 too) as it is.
 */
START_TEST(markdown_escape_every_byte)
{
	char in[640], want[1280];
	struct strbuf sb;
	size_t n = 0, w = 0;
	int c;

	in[n++] = want[w++] = 'x';
	for (c = 1; c < 256; c++) {
		int k;

		for (k = 0; k < 2; k++) { /* twice: alone after a plain byte, then in a run */
			in[n++] = (char)c;
			if (c == '\n' || c == '\r' || c == '\t')
				want[w++] = ' ';
			else {
				if (strchr("\\`*_[]<>#&!|~", c) != NULL)
					want[w++] = '\\';
				want[w++] = (char)c;
			}
		}
		if (c % 3 == 0)
			in[n++] = want[w++] = 'y';
	}
	in[n] = want[w] = '\0';
	strbuf_init(&sb);
	rdoc_md_escape(&sb, in);
	ck_assert_uint_eq(sb.len, w);
	ck_assert_mem_eq(sb.buf, want, w);
	strbuf_free(&sb);
}
END_TEST

START_TEST(html_escapes_and_is_one_page)
{
	static const char *const head[] = {"Case", "Issue"};
	const char *row[] = {"CA10000001", "a < b & \"c\""};
	struct rdoc *d = rdoc_new("Title & more", 1);
	struct strbuf sb;
	char err[128];

	rdoc_heading(d, 2, "Section");
	rdoc_para(d, "Label:", "<b>not bold</b>", NULL);
	rdoc_table(d, "Cap", 2, head);
	rdoc_row(d, row, NULL);
	strbuf_init(&sb);
	ck_assert_int_eq(rdoc_html(d, &sb, err, sizeof err), 0);
	ck_assert(strstr(sb.buf, "<title>DRAFT: Title &amp; more</title>") != NULL);
	ck_assert(strstr(sb.buf, "<h2 id=\"s0\">Section</h2>") != NULL);
	ck_assert(strstr(sb.buf, "<strong>Label:</strong> &lt;b&gt;not bold&lt;/b&gt;") != NULL);
	ck_assert(
	    strstr(sb.buf,
	           "<th scope=\"row\">CA10000001</th><td>a &lt; b &amp; &quot;c&quot;</td>") !=
	    NULL);
	ck_assert(strstr(sb.buf, "<th scope=\"col\">Issue</th>") != NULL);
	ck_assert(strstr(sb.buf, "<b>") == NULL);
	strbuf_free(&sb);
	rdoc_free(d);
}
END_TEST

START_TEST(text_wraps_at_78)
{
	struct rdoc *d = rdoc_new("T", 0);
	struct strbuf sb;
	const char *p, *nl;
	size_t lines = 0;

	rdoc_para(d, NULL,
	          "Children told inspectors that their family court advisers listened to them, "
	          "explained what would happen next and told the judge what they wanted, and most "
	          "of them said that they understood the decisions that were made about them.",
	          NULL);
	rdoc_item(d,
	          "A bullet that is long enough to need a second line when it is wrapped at "
	          "seventy-eight columns of text.",
	          NULL);
	strbuf_init(&sb);
	rdoc_txt(d, &sb);
	for (p = sb.buf; (nl = strchr(p, '\n')) != NULL; p = nl + 1, lines++)
		ck_assert_msg(nl - p <= 78, "line of %d", (int)(nl - p));
	ck_assert_uint_ge(lines, 8);
	ck_assert(strstr(sb.buf, "\n  - A bullet") != NULL);
	ck_assert(strstr(sb.buf, "\n    seventy-eight") != NULL ||
	          strstr(sb.buf, "\n    columns") != NULL);
	strbuf_free(&sb);
	rdoc_free(d);
}
END_TEST

/* A section read back: comments, raw HTML and images gone, links made safe, headings demoted. */
START_TEST(sections_are_cleaned)
{
	char dir[] = "/tmp/sections.XXXXXX", path[64], err[256];
	struct sections sec;
	FILE *fp;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/private-law.md", dir);
	fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fputs("<!-- Writer: Ann -->\n\n# Heading\n\nText <b>bold</b> [a](javascript:x()) "
	      "[b](https://example.org) ![i](http://example.org/i.png).\n\n<script>x</script>\n\n"
	      "[Write this section: here.]\n",
	      fp);
	fclose(fp);
	ck_assert_int_eq(sections_load(dir, fw, &sec, err, sizeof err), 0);
	ck_assert_ptr_null(sec.md[SECTIONS_KEY_FINDINGS]);
	ck_assert_ptr_nonnull(sec.md[SECTIONS_JUDGEMENT + 0]); /* private-law */
	ck_assert_ptr_null(strstr(sec.md[SECTIONS_JUDGEMENT], "Writer"));
	ck_assert_ptr_null(strstr(sec.md[SECTIONS_JUDGEMENT], "<"));
	ck_assert_ptr_null(strstr(sec.md[SECTIONS_JUDGEMENT], "javascript"));
	ck_assert_ptr_null(strstr(sec.md[SECTIONS_JUDGEMENT], "i.png"));
	ck_assert_ptr_nonnull(strstr(sec.md[SECTIONS_JUDGEMENT], "](https://example.org)"));
	ck_assert_ptr_nonnull(strstr(sec.md[SECTIONS_JUDGEMENT], "### Heading"));
	ck_assert_int_eq(sec.placeholder[SECTIONS_JUDGEMENT], 1);
	ck_assert_ptr_nonnull(
	    strstr(sec.text[SECTIONS_JUDGEMENT], "Text bold a b (https://example.org)"));
	sections_free(&sec);
	unlink(path);
	rmdir(dir);
}
END_TEST

/* The judgements file under handbook-2014: its five judgements, and nothing else. */
static const struct {
	const char *json;
	const char *err; /* NULL: valid */
} hb_docs[] = {
    {"{\"overall\": \"good\", \"private-law\": \"good\", \"public-law\": \"outstanding\", "
     "\"judgements\": {\"leadership-national\": \"good\", \"leadership-local\": "
     "\"inadequate\"}, \"summary_for_children\": \"x\"}",
     NULL},
    {"{\"overall\": \"good\", \"private-law\": \"good\", \"public-law\": \"good\", "
     "\"leadership\": \"good\", \"summary_for_children\": \"x\"}",
     "unknown key leadership (see share/schemas/judgements.schema.json) (profile "
     "handbook-2014 judges overall, private-law, public-law, leadership-national, "
     "leadership-local)"},
    {"{\"judgements\": {\"overal\": \"good\"}, \"summary_for_children\": \"x\"}",
     "judgements: unknown judgement overal (profile handbook-2014 judges overall, "
     "private-law, public-law, leadership-national, leadership-local; did you mean overall?)"},
    {"{\"private-law\": \"good\", \"public-law\": \"good\", \"leadership-national\": "
     "\"good\", \"leadership-local\": \"good\", \"summary_for_children\": \"x\"}",
     "overall: no grade (profile handbook-2014: overall, private-law, public-law, "
     "leadership-national, leadership-local each need one)"},
    {"{\"overall\": \"good\", \"private-law\": \"good\", \"public-law\": \"good\", "
     "\"leadership-national\": \"good\", \"leadership-local\": \"good\", "
     "\"summary_for_children\": \"x\", \"priority_actions\": [{\"judgement\": "
     "\"leadership\", \"action\": \"Leaders must act on every audit within a month.\"}]}",
     "priority_actions[0]: expected a string or {\"judgement\": a judgement of the profile"},
};

START_TEST(handbook_judgements_read)
{
	struct judgementsfile j;
	char err[512];
	json_t *doc = json_loads(hb_docs[_i].json, 0, NULL);
	int rc;

	ck_assert_ptr_nonnull(doc);
	err[0] = '\0';
	rc = judgementsfile_read(doc, hb, &j, err, sizeof err);
	if (hb_docs[_i].err == NULL) {
		ck_assert_msg(rc == 0, "%s", err);
		ck_assert_uint_eq(j.njudgements, 5);
		ck_assert_int_eq(j.grade[0], REPORT_GOOD); /* overall */
		ck_assert_int_eq(j.grade[2], REPORT_OUTSTANDING);
		ck_assert_int_eq(j.grade[4], REPORT_INADEQUATE); /* leadership-local */
		judgementsfile_free(&j);
	} else {
		ck_assert_int_eq(rc, -1);
		ck_assert_msg(strstr(err, hb_docs[_i].err) != NULL, "%s", err);
	}
	json_decref(doc);
}
END_TEST

/*
 * Under handbook-2014: the five titles in the table, the public report's
 * sections per graded judgement (none for the overall one), the gates per
 * judgement (an inadequate leadership-local needs its action; the overall
 * judgement needs no evidence area), and the team pack's shared area.
 */
START_TEST(handbook_gates_and_sections)
{
	static const char hb_json[] =
	    "{\"overall\": \"requires-improvement\", \"private-law\": \"good\", "
	    "\"public-law\": \"good\", \"leadership-national\": \"good\", "
	    "\"leadership-local\": \"inadequate\", \"summary_for_children\": \"x\", "
	    "\"areas_for_improvement\": [\"Risk.\"]}";
	struct judgementsfile j;
	struct report_input in;
	struct redact *r, *plain;
	struct rdoc *d;
	struct strbuf msgs, md;
	char err[256];
	struct seafile sea;
	size_t n;

	setup_under(hb, hb_json, &j, &sea, &in);
	in.draft = 1;
	r = redact_new(err, sizeof err);
	plain = redact_new(err, sizeof err);
	ck_assert_ptr_nonnull(r);
	ck_assert_ptr_nonnull(plain);
	redact_find_unlisted(plain, 0);
	d = report_build(&in);
	strbuf_init(&msgs);
	n = report_gates(&in, d, r, plain, &msgs);
	ck_assert_msg(n == 1, "%zu: %s", n, msgs.buf);
	ck_assert_ptr_nonnull(strstr(msgs.buf, "j.json: leadership-local: graded inadequate but no "
	                                       "area for priority action"));
	strbuf_init(&md);
	rdoc_md(d, 0, &md);
	ck_assert_ptr_nonnull(strstr(md.buf, "Overall judgement"));
	ck_assert_ptr_nonnull(strstr(md.buf,
	                             "## DRAFT: The leadership and governance of the national "
	                             "organisation"));
	ck_assert_ptr_nonnull(
	    strstr(md.buf, "## DRAFT: The leadership and management of local services"));
	ck_assert_ptr_nonnull(strstr(md.buf, "it is set out under that judgement"));
	ck_assert_ptr_nonnull(strstr(md.buf, "## DRAFT: Overall judgement")); /* the team pack's */
	ck_assert_ptr_null(strstr(md.buf, "The impact of leaders"));
	strbuf_free(&md);
	rdoc_free(d);
	in.audience = REPORT_PUBLIC;
	d = report_build(&in);
	strbuf_init(&md);
	rdoc_md(d, 0, &md);
	ck_assert_ptr_null(strstr(md.buf, "## DRAFT: Overall judgement")); /* the table says it */
	ck_assert_ptr_nonnull(
	    strstr(md.buf, "## DRAFT: The leadership and management of local services"));
	strbuf_free(&md);
	strbuf_free(&msgs);
	rdoc_free(d);
	redact_free(r);
	redact_free(plain);
	judgementsfile_free(&j);
	seafile_free(&sea);
}
END_TEST

Suite *
make_suite_report(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, load_profiles, free_profiles);
	tcase_add_test(tc, grades_by_key_or_words);
	tcase_add_test(tc, judgements_checked_key_by_key);
	tcase_add_test(tc, children_summary_split_into_paragraphs);
	tcase_add_test(tc, gates_refuse_and_name_the_item);
	tcase_add_test(tc, sections_in_order_examples_once);
	tcase_add_test(tc, coverage_svg_counts_cells);
	tcase_add_test(tc, markdown_escapes_every_markup);
	tcase_add_test(tc, markdown_escape_every_byte);
	tcase_add_test(tc, html_escapes_and_is_one_page);
	tcase_add_test(tc, text_wraps_at_78);
	tcase_add_test(tc, sections_are_cleaned);
	tcase_add_loop_test(tc, handbook_judgements_read, 0, sizeof hb_docs / sizeof hb_docs[0]);
	tcase_add_test(tc, handbook_gates_and_sections);
	suite_add_tcase(s, tc);
	return s;
}
