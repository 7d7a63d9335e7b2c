/*
 * render-report.c: the inspection report and the letters of Annexes B-D
 * (contract section 7). Reads the judgements, the SEA and optionally the
 * plan and the sample; builds the report (lib/report); refuses it, writing
 * nothing, when a gate fails; else writes it as CommonMark, HTML or text.
 * With --letter, fills a letter template from a details file instead.
 */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cli.h"
#include "core/csvio.h"
#include "core/diag.h"
#include "core/heap.h"
#include "core/jsonio.h"
#include "core/jsonpool.h"
#include "core/output.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/xalloc.h"
#include "plan/planfile.h"
#include "redact/redact.h"
#include "regime/profile.h"
#include "report/detailsfile.h"
#include "report/letters.h"
#include "report/report.h"
#include "report/sections.h"

#define DEFAULT_EXAMPLES 3

enum {
	OPT_JUDGEMENTS = CLI_OPT_FIRST_TOOL_OPT,
	OPT_PLAN,
	OPT_SAMPLE,
	OPT_DRAFT,
	OPT_LETTER,
	OPT_DETAILS,
	OPT_IDENTIFIERS,
	OPT_EXAMPLES,
	OPT_AREA,
	OPT_AUDIENCE,
	OPT_SECTIONS,
	OPT_SKELETON,
	OPT_WRITERS,
	OPT_PROFILE
};

enum format { FMT_MD, FMT_HTML, FMT_TXT };

/* clang-format off */
static const struct option longopts[] = {
    CLI_ARG("judgements", OPT_JUDGEMENTS), CLI_ARG("plan", OPT_PLAN),
    CLI_ARG("sample", OPT_SAMPLE), CLI_ARG("format", CLI_OPT_FORMAT),
    CLI_FLAG("draft", OPT_DRAFT), CLI_ARG("letter", OPT_LETTER), CLI_ARG("details", OPT_DETAILS),
    CLI_ARG("identifiers", OPT_IDENTIFIERS), CLI_ARG("max-examples", OPT_EXAMPLES),
    CLI_ARG("area", OPT_AREA), CLI_ARG("audience", OPT_AUDIENCE),
    CLI_ARG("sections", OPT_SECTIONS), CLI_ARG("skeleton", OPT_SKELETON),
    CLI_ARG("writers", OPT_WRITERS), CLI_ARG("profile", OPT_PROFILE),
    CLI_LONGOPTS_INPUT,
    CLI_LONGOPTS_COMMON,
};
/* clang-format on */

struct opts {
	const char *judgements, *plan, *sample, *letter, *details, *sea, *area;
	struct cli_shared sh;
	const char *sections, *skeleton, *writers, *profile;
	enum report_audience audience;
	const char **identifiers;
	size_t nidentifiers;
	enum format format;
	int draft;
	size_t max_examples;
};

static const struct cli_tool tool = {
    "render-report",
    "usage: render-report --judgements FILE [--profile NAME] [--audience public|team]\n"
    "                     [--sections DIR]\n"
    "                     [--plan FILE] [--sample FILE] [--format md|html|txt] [--draft]\n"
    "                     [--identifiers FILE]... [--max-examples N] [--encoding cp1252]\n"
    "                     [--sheet NAME|N] [-o FILE] [SEA]\n"
    "       render-report --judgements FILE --skeleton DIR [--writers FILE] [--plan FILE]\n"
    "                     [SEA]\n"
    "       render-report --letter ce-email|staff-info|family --details FILE\n"
    "                     [--plan FILE] [--area NAME] [--format md|html|txt] [-o FILE]\n",
    "Render the published report (the team's prose sections) or the team's\n"
    "evidence pack from the judgements and the SEA of build-sea; write the\n"
    "skeleton of the sections to draft from; or fill in a letter of the\n"
    "handbook's Annexes B, C and D.\n"
    "Exit 1, writing nothing, when a gate refuses the report or a letter.\n"};

/* Load a JSON file or stop with exit 2. */
static json_t *
load_json(const char *path)
{
	char err[512];
	json_t *j = jsonio_load(path, err, sizeof err);

	if (j == NULL) {
		diag_note("%s", err);
		exit(EXIT_TROUBLE);
	}
	return j;
}

/* Load a plan through its typed reader, or stop with exit 2; NULL when path is. */
static struct planfile *
load_plan(const char *path)
{
	struct planfile *p;
	char err[512];

	if (path == NULL)
		return NULL;
	if ((p = planfile_load(path, err, sizeof err)) == NULL) {
		diag_note("%s", err);
		exit(EXIT_TROUBLE);
	}
	return p;
}

/* Write text to the output (all or nothing); the exit status. */
static int
emit(const char *path, const char *text, size_t len)
{
	char err[512];
	struct output *out = output_open(path, err, sizeof err);

	if (out == NULL) {
		diag_note("%s", err);
		return EXIT_TROUBLE;
	}
	fwrite(text, 1, len, output_stream(out));
	if (output_commit(out, err, sizeof err) != 0) {
		diag_note("%s", err);
		return EXIT_TROUBLE;
	}
	return EXIT_OK;
}

/* Read the details and the plan into lv, and check them; the exit status. */
static int
letter_vars(const struct opts *o, struct letters_vars *lv, struct planfile **plan)
{
	struct detailsfile d;
	json_t *details = load_json(o->details);
	char err[512];
	int rc;

	rc = detailsfile_read(details, &d, err, sizeof err) != 0 ||
	     letters_vars_details(lv, &d, err, sizeof err) != 0;
	json_decref(details);
	if (rc == 0 && o->area != NULL && letters_placeholder(o->area)) {
		snprintf(err, sizeof err, "--area: a placeholder, not a service area");
		rc = 1;
	}
	detailsfile_free(&d);
	if (rc != 0) {
		diag_error(o->details, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	if (o->area != NULL)
		letters_vars_set(lv, "service_area", o->area);
	if ((*plan = load_plan(o->plan)) != NULL &&
	    letters_vars_plan(lv, *plan, err, sizeof err) != 0) {
		diag_error(o->plan, 0, "%s", err);
		return EXIT_TROUBLE;
	}
	if (letters_check_start(lv,
	                        *plan != NULL && (*plan)->profile != NULL ? (*plan)->profile
	                                                                  : PROFILE_DEFAULT_PLAN,
	                        err, sizeof err) != 0) {
		diag_error(o->plan != NULL ? o->plan : o->details, 0, "%s; nothing written", err);
		return EXIT_FINDINGS;
	}
	return EXIT_OK;
}

/* Fill the template into text; the exit status. */
static int
letter_fill(const struct opts *o, const struct letters_vars *lv, const struct planfile *plan,
            struct strbuf *text)
{
	char err[512], *tmpl;
	int rc;

	if ((tmpl = letters_template(o->letter, err, sizeof err)) == NULL) {
		diag_note("%s", err);
		return EXIT_TROUBLE;
	}
	rc = letters_fill(tmpl, lv, text, err, sizeof err);
	free(tmpl);
	if (rc < 0) {
		diag_note("templates/%s.md: %s", o->letter, err);
		return EXIT_TROUBLE;
	}
	if (rc > 0) {
		diag_error(o->details, 0, "letter %s: no value for the blank %s%s; nothing written",
		           o->letter, err,
		           plan != NULL && (strcmp(err, "inspectors") == 0 ||
		                            strncmp(err, "visit_", 6) == 0)
		               ? " (the plan puts no one in the service area)"
		               : "");
		return EXIT_FINDINGS;
	}
	if (letters_unfilled(text->buf)) {
		diag_note("letter %s: a blank is left unfilled; nothing written", o->letter);
		return EXIT_FINDINGS;
	}
	return EXIT_OK;
}

/* Fill the letter, gate it and write it; the exit status. */
static int
run_letter(const struct opts *o)
{
	struct letters_vars *lv = letters_vars_new();
	struct strbuf text, page;
	struct redact *r = NULL;
	struct planfile *plan = NULL;
	char err[512];
	int rc;

	strbuf_init(&text);
	strbuf_init(&page);
	if ((rc = letter_vars(o, lv, &plan)) != EXIT_OK ||
	    (rc = letter_fill(o, lv, plan, &text)) != EXIT_OK)
		goto done;
	rc = EXIT_TROUBLE;
	if ((r = redact_new(err, sizeof err)) == NULL)
		diag_note("%s", err);
	else if ((redact_find_unlisted(r, 0), letters_gate(lv, r, err, sizeof err)) != 0) {
		diag_error(o->details, 0, "%s; nothing written", err);
		rc = EXIT_FINDINGS;
	} else if (o->format == FMT_HTML  ? rdoc_markdown_page(&page, "Inspection of Cafcass", 0,
	                                                       text.buf, 0, err, sizeof err)
	           : o->format == FMT_TXT ? rdoc_markdown_text(text.buf, &page, err, sizeof err)
	                                  : (strbuf_adds(&page, text.buf), 0))
		diag_note("%s", err);
	else
		rc = emit(o->sh.output, page.buf, page.len);
done:
	redact_free(r);
	strbuf_free(&text);
	strbuf_free(&page);
	letters_vars_free(lv);
	planfile_free(plan);
	return rc;
}

/*
 * The detectors of personal data, with every name the inputs give (people),
 * sharing model's patterns when it is not NULL; NULL on error.
 */
static struct redact *
detectors(const struct opts *o, const struct seafile *sea, const struct planfile *plan, int people,
          struct redact *model)
{
	struct redact *r;
	char err[512];
	size_t i;

	if ((r = model != NULL ? redact_new_like(model, err, sizeof err)
	                       : redact_new(err, sizeof err)) == NULL) {
		diag_note("%s", err);
		return NULL;
	}
	for (i = 0; people && i < o->nidentifiers; i++)
		if (redact_add_identifiers(r, o->identifiers[i], o->sh.csv_flags, err,
		                           sizeof err) != 0) {
			diag_note("%s", err);
			redact_free(r);
			return NULL;
		}
	if (people)
		report_add_people(r, sea, plan);
	else
		redact_find_unlisted(r, 0); /* the tool's own words and structured values */
	return r;
}

/* Refuse with each gate's reason, or render; the exit status. */
static int
gate_and_render(const struct opts *o, const struct report_input *in, struct redact *r,
                struct redact *plain)
{
	struct rdoc *doc = report_build(in);
	struct strbuf msgs, out;
	char err[512], *line, *nl;
	int rc = EXIT_OK;

	strbuf_init(&msgs);
	strbuf_init(&out);
	if (report_gates(in, doc, r, plain, &msgs) > 0) {
		for (line = msgs.buf; (nl = strchr(line, '\n')) != NULL; line = nl + 1) {
			*nl = '\0';
			diag_note("%s", line);
		}
		diag_note("report refused; nothing written");
		rc = EXIT_FINDINGS;
	} else {
		if (o->format == FMT_HTML) {
			if (rdoc_html(doc, &out, err, sizeof err) != 0) {
				diag_note("%s", err);
				rc = EXIT_TROUBLE;
			}
		} else if (o->format == FMT_TXT)
			rdoc_txt(doc, &out);
		else
			rdoc_md(doc, 0, &out);
		if (rc == EXIT_OK)
			rc = emit(o->sh.output, out.buf, out.len);
	}
	strbuf_free(&msgs);
	strbuf_free(&out);
	rdoc_free(doc);
	return rc;
}

/* Warn about what the report does not stop for but a person should know. */
static void
warnings(const struct report_input *in)
{
	struct readability rd;
	size_t rejected = in->sea->nrejected;

	report_children_readability(in->j, &rd);
	if (rd.age > READABILITY_MAX_AGE && in->draft)
		diag_warn(in->judgements_name, 0,
		          "summary_for_children reads above age 12 (reading age about %.0f, Flesch "
		          "reading ease %.0f): use shorter sentences and shorter words",
		          rd.age, rd.ease);
	if (rejected > 0)
		diag_warn(in->sea_name, 0,
		          "the SEA lists %zu rejected evidence record%s, not in the report",
		          rejected, rejected == 1 ? "" : "s");
}

/* Write the skeleton of the sections; the exit status. */
static int
run_skeleton(const struct opts *o, const struct report_input *in)
{
	char *writers[SECTIONS_MAX], err[512];
	size_t kept = 0;
	int k, rc = EXIT_OK;

	if (sections_writers(o->writers, o->sh.csv_flags, in, writers, err, sizeof err) != 0 ||
	    sections_skeleton(o->skeleton, in, writers, &kept, err, sizeof err) != 0) {
		diag_note("%s", err);
		rc = EXIT_TROUBLE;
	} else if (kept > 0)
		diag_note("%s: kept %zu section%s already begun (a skeleton never overwrites one)",
		          o->skeleton, kept, kept == 1 ? "" : "s");
	for (k = 0; k < SECTIONS_MAX; k++)
		free(writers[k]);
	return rc;
}

/*
 * The profile whose judgement set and titles the report takes: --profile,
 * else the one the SEA was built under, else the regime in force. NULL
 * after a message.
 */
static struct profile *
report_profile(const struct opts *o, const char *sea_profile)
{
	const char *name = o->profile != NULL ? o->profile : sea_profile;
	struct profile *p;
	char err[512];

	if ((p = profile_named(name != NULL ? name : PROFILE_DEFAULT_JUDGEMENTS, err,
	                       sizeof err)) == NULL)
		diag_error(NULL, 0, "--profile: %s", err);
	else if (p->njudgements == 0) {
		diag_error(NULL, 0,
		           "profile %s grades no judgement: its reports make recommendations, "
		           "answered by an action plan (check-action-plan); a graded report needs "
		           "a profile with a judgement set",
		           p->name);
		profile_free(p);
		p = NULL;
	}
	return p;
}

/*
 * Read the SEA into sea and its profile's name (a copy, or NULL) into
 * *profile; 0, or -1 with err (sea then empty). Its tree is built in a pool
 * and dropped at once, unwalked: the report reads the copies in sea.
 */
static int
read_sea(const char *path, struct seafile *sea, char **profile, char *err, size_t errsz)
{
	int pooled = jsonpool_begin(), rc;
	json_t *doc = load_json(path);
	const char *name = json_is_object(doc) ? jsonio_str(doc, "profile", NULL) : NULL;

	*profile = name != NULL ? xstrdup(name) : NULL;
	rc = seafile_read(doc, sea, err, errsz);
	jsonpool_end(pooled, doc);
	return rc;
}

/* Render the report; the exit status. */
static int
run_report(const struct opts *o)
{
	struct profile *prof;
	struct judgementsfile j;
	struct seafile sea;
	struct sections sections;
	struct report_input in;
	struct table *sample = NULL;
	struct redact *r = NULL, *plain = NULL;
	struct planfile *plan = NULL;
	json_t *jdoc = load_json(o->judgements);
	char err[512], seaerr[512], *sea_profile;
	int rc = EXIT_TROUBLE, searc = read_sea(o->sea, &sea, &sea_profile, seaerr, sizeof seaerr);

	prof = report_profile(o, sea_profile);
	free(sea_profile);
	if (prof == NULL || judgementsfile_read(jdoc, prof, &j, err, sizeof err) != 0) {
		if (prof != NULL)
			diag_error(o->judgements, 0, "%s", err);
		profile_free(prof);
		seafile_free(&sea);
		json_decref(jdoc);
		return EXIT_TROUBLE;
	}
	memset(&in, 0, sizeof in);
	memset(&sections, 0, sizeof sections);
	if (searc != 0 || report_sea_check(&sea, prof, err, sizeof err) != 0) {
		rc = EXIT_TROUBLE;
		diag_error(o->sea, 0, "%s", searc != 0 ? seaerr : err);
		goto done;
	}
	rc = EXIT_TROUBLE;
	plan = load_plan(o->plan);
	if (o->sample != NULL &&
	    (sample = table_read(o->sample, o->sh.csv_flags, err, sizeof err)) == NULL) {
		diag_note("%s", err);
		goto done;
	}
	if (o->sections != NULL &&
	    sections_load(o->sections, prof, &sections, err, sizeof err) != 0) {
		diag_note("%s", err);
		goto done;
	}
	in.profile = prof;
	in.judgements_name = o->judgements;
	in.sea_name = strcmp(o->sea, "-") == 0 ? "<stdin>" : o->sea;
	in.j = &j;
	in.sea = &sea;
	in.plan = plan;
	in.sample = sample;
	in.draft = o->draft;
	in.max_examples = o->max_examples;
	in.audience = o->audience;
	in.sections = o->sections != NULL ? &sections : NULL;
	if (o->skeleton != NULL) {
		rc = run_skeleton(o, &in);
		goto done;
	}
	if ((r = detectors(o, &sea, plan, 1, NULL)) == NULL ||
	    (plain = detectors(o, &sea, plan, 0, r)) == NULL)
		goto done;
	warnings(&in);
	rc = gate_and_render(o, &in, r, plain);
done:
	redact_free(plain); /* first: it shares r's patterns */
	redact_free(r);
	sections_free(&sections);
	table_free(sample);
	judgementsfile_free(&j);
	profile_free(prof);
	seafile_free(&sea);
	json_decref(jdoc);
	planfile_free(plan);
	return rc;
}

/* Read the options into o; exits on a usage error. */
static void
parse_options(int argc, char *argv[], struct opts *o)
{
	static const char *const formats[] = {"md", "html", "txt", NULL};
	static const char *const audiences[] = {"public", "team", NULL};
	int ch;

	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_JUDGEMENTS:
			o->judgements = optarg;
			break;
		case OPT_PLAN:
			o->plan = optarg;
			break;
		case OPT_SAMPLE:
			o->sample = optarg;
			break;
		case OPT_DRAFT:
			o->draft = 1;
			break;
		case OPT_LETTER:
			cli_pick(&tool, "--letter", optarg, letters_names);
			o->letter = optarg;
			break;
		case OPT_DETAILS:
			o->details = optarg;
			break;
		case OPT_AREA:
			o->area = optarg;
			break;
		case OPT_AUDIENCE:
			o->audience = cli_pick(&tool, "--audience", optarg, audiences) == 1
			                  ? REPORT_TEAM
			                  : REPORT_PUBLIC;
			break;
		case OPT_SECTIONS:
			o->sections = optarg;
			break;
		case OPT_SKELETON:
			o->skeleton = optarg;
			break;
		case OPT_WRITERS:
			o->writers = optarg;
			break;
		case OPT_PROFILE:
			o->profile = optarg;
			break;
		case OPT_IDENTIFIERS:
			o->identifiers = xreallocarray(o->identifiers, o->nidentifiers + 1,
			                               sizeof *o->identifiers);
			o->identifiers[o->nidentifiers++] = optarg;
			break;
		case OPT_EXAMPLES:
			o->max_examples = (size_t)cli_number(&tool, "--max-examples", optarg, 0,
			                                     1000, "a number from 0 to 1000");
			break;
		case CLI_OPT_FORMAT:
			o->format = (enum format)cli_pick(&tool, "--format", optarg, formats);
			break;
		default:
			cli_take(&tool, ch, optarg, &o->sh);
		}
	}
}

/* Tell the output which files this run reads, so that -o never overwrites one. */
static void
name_inputs(const struct opts *o)
{
	size_t i;

	output_input(o->judgements);
	output_input(o->plan);
	output_input(o->sample);
	output_input(o->details);
	for (i = 0; i < o->nidentifiers; i++)
		output_input(o->identifiers[i]);
	if (o->letter == NULL)
		output_input(o->sea);
}

int
main(int argc, char *argv[])
{
	struct opts o;
	int rc;

	heap_huge();
	memset(&o, 0, sizeof o);
	o.max_examples = DEFAULT_EXAMPLES;
	o.sea = "-";
	diag_init("render-report");
	parse_options(argc, argv, &o);
	argc -= optind;
	argv += optind;
	if (o.letter != NULL ? o.details == NULL : o.judgements == NULL) {
		diag_note(o.letter != NULL ? "--letter needs --details"
		                           : "--judgements is required");
		cli_usage(&tool, EXIT_TROUBLE);
	}
	if (argc > 1 ||
	    (o.letter != NULL && (argc > 0 || o.judgements != NULL || o.sample != NULL))) {
		diag_note(o.letter != NULL ? "--letter takes no SEA, --judgements or --sample"
		          : o.area != NULL ? "--area goes with --letter"
		                           : "one SEA at most");
		cli_usage(&tool, EXIT_TROUBLE);
	}
	if ((o.skeleton != NULL && (o.sections != NULL || o.sh.output != NULL)) ||
	    (o.writers != NULL && o.skeleton == NULL)) {
		diag_note(
		    "--skeleton writes a folder (no -o, no --sections); --writers goes with it");
		cli_usage(&tool, EXIT_TROUBLE);
	}
	if (argc == 1)
		o.sea = argv[0];
	name_inputs(&o);
	rc = o.letter != NULL ? run_letter(&o) : run_report(&o);
	free(o.identifiers);
	return rc;
}
