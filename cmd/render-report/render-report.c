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
#include "core/jsonio.h"
#include "core/output.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/xalloc.h"
#include "redact/redact.h"
#include "report/letters.h"
#include "report/report.h"

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
	OPT_AREA
};

enum format { FMT_MD, FMT_HTML, FMT_TXT };

static const struct option longopts[] = {
    {"judgements", required_argument, NULL, OPT_JUDGEMENTS},
    {"plan", required_argument, NULL, OPT_PLAN},
    {"sample", required_argument, NULL, OPT_SAMPLE},
    {"format", required_argument, NULL, CLI_OPT_FORMAT},
    {"draft", no_argument, NULL, OPT_DRAFT},
    {"letter", required_argument, NULL, OPT_LETTER},
    {"details", required_argument, NULL, OPT_DETAILS},
    {"identifiers", required_argument, NULL, OPT_IDENTIFIERS},
    {"max-examples", required_argument, NULL, OPT_EXAMPLES},
    {"area", required_argument, NULL, OPT_AREA},
    {"encoding", required_argument, NULL, CLI_OPT_ENCODING},
    {"output", required_argument, NULL, 'o'},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, CLI_OPT_VERSION},
    {NULL, 0, NULL, 0},
};

struct opts {
	const char *judgements, *plan, *sample, *letter, *details, *output, *sea, *area;
	const char **identifiers;
	size_t nidentifiers;
	enum format format;
	int draft;
	unsigned csv_flags;
	size_t max_examples;
};

/* Print usage on stdout (status 0) or stderr, and exit with status. */
static void
usage(int status)
{
	FILE *fp = status == 0 ? stdout : stderr;

	fprintf(
	    fp,
	    "usage: render-report --judgements FILE [--plan FILE] [--sample FILE]\n"
	    "                     [--format md|html|txt] [--draft] [--identifiers FILE]...\n"
	    "                     [--max-examples N] [--encoding cp1252] [-o FILE] [SEA]\n"
	    "       render-report --letter ce-email|staff-info|family --details FILE\n"
	    "                     [--plan FILE] [--area NAME] [--format md|html|txt] [-o FILE]\n");
	if (status == 0)
		fprintf(
		    fp,
		    "Render the inspection report from the judgements and the SEA of build-sea,\n"
		    "or fill in a letter of the handbook's Annexes B, C and D.\n"
		    "Exit 1, writing nothing, when a gate refuses the report or a letter.\n");
	exit(status);
}

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

/* A letter's Markdown as plain text: emphasis, headings' hashes and link brackets dropped. */
static void
letter_txt(const char *md, struct strbuf *out)
{
	const char *p;

	for (p = md; *p != '\0'; p++) {
		if ((p == md || p[-1] == '\n') && *p == '#') {
			while (*p == '#' || *p == ' ')
				p++;
			p--;
			continue;
		}
		if ((p[0] == '*' && p[1] == '*') || (p[0] == ' ' && p[1] == ' ' && p[2] == '\n')) {
			p++;
			continue;
		}
		if (*p == '*' || *p == '<' || *p == '>')
			continue;
		strbuf_addch(out, *p);
	}
}

/* Fill the letter; the exit status. */
static int
run_letter(const struct opts *o)
{
	struct letters_vars *lv = letters_vars_new();
	struct strbuf text, page;
	json_t *details = load_json(o->details), *plan = NULL;
	char err[512], *tmpl;
	int rc;

	strbuf_init(&text);
	strbuf_init(&page);
	if (letters_vars_details(lv, details, err, sizeof err) != 0) {
		diag_error(o->details, 0, "%s", err);
		rc = EXIT_TROUBLE;
		goto done;
	}
	if (o->area != NULL)
		letters_vars_set(lv, "service_area", o->area);
	if (o->plan != NULL && (plan = load_json(o->plan)) != NULL &&
	    letters_vars_plan(lv, plan, err, sizeof err) != 0) {
		diag_error(o->plan, 0, "%s", err);
		rc = EXIT_TROUBLE;
		goto done;
	}
	if ((tmpl = letters_template(o->letter, err, sizeof err)) == NULL) {
		diag_note("%s", err);
		rc = EXIT_TROUBLE;
		goto done;
	}
	rc = letters_fill(tmpl, lv, &text, err, sizeof err);
	free(tmpl);
	if (rc != 0) {
		if (rc > 0)
			diag_error(o->details, 0,
			           "letter %s: no value for the blank %s%s; nothing written",
			           o->letter, err,
			           plan != NULL && (strcmp(err, "inspectors") == 0 ||
			                            strncmp(err, "visit_", 6) == 0)
			               ? " (the plan puts no one in the service area)"
			               : "");
		else
			diag_note("templates/%s.md: %s", o->letter, err);
		rc = rc > 0 ? EXIT_FINDINGS : EXIT_TROUBLE;
		goto done;
	}
	if (letters_unfilled(text.buf)) {
		diag_note("letter %s: a blank is left unfilled; nothing written", o->letter);
		rc = EXIT_FINDINGS;
		goto done;
	}
	if (o->format == FMT_HTML) {
		if (rdoc_markdown_page(&page, "Inspection of Cafcass", 0, text.buf, err,
		                       sizeof err) != 0) {
			diag_note("%s", err);
			rc = EXIT_TROUBLE;
			goto done;
		}
	} else if (o->format == FMT_TXT)
		letter_txt(text.buf, &page);
	else
		strbuf_adds(&page, text.buf);
	rc = emit(o->output, page.buf, page.len);
done:
	strbuf_free(&text);
	strbuf_free(&page);
	letters_vars_free(lv);
	json_decref(details);
	json_decref(plan);
	return rc;
}

/* The detectors of personal data, with every name the inputs give; NULL on error. */
static struct redact *
detectors(const struct opts *o, const json_t *sea, const json_t *plan)
{
	struct redact *r;
	char err[512];
	size_t i;

	if ((r = redact_new(err, sizeof err)) == NULL) {
		diag_note("%s", err);
		return NULL;
	}
	for (i = 0; i < o->nidentifiers; i++)
		if (redact_add_identifiers(r, o->identifiers[i], o->csv_flags, err, sizeof err) !=
		    0) {
			diag_note("%s", err);
			redact_free(r);
			return NULL;
		}
	report_add_people(r, sea, plan);
	return r;
}

/* Refuse with each gate's reason, or render; the exit status. */
static int
gate_and_render(const struct opts *o, const struct report_input *in, struct redact *r)
{
	struct rdoc *doc = report_build(in);
	struct strbuf msgs, out;
	char err[512], *line, *nl;
	int rc = EXIT_OK;

	strbuf_init(&msgs);
	strbuf_init(&out);
	if (report_gates(in, doc, r, &msgs) > 0) {
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
			rc = emit(o->output, out.buf, out.len);
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
	size_t rejected = json_array_size(json_object_get(in->sea, "rejected"));

	report_children_readability(in->j, &rd);
	if (rd.age > READABILITY_MAX_AGE)
		diag_warn(in->judgements_name, 0,
		          "summary_for_children reads above age 12 (reading age about %.0f, Flesch "
		          "reading ease %.0f): use shorter sentences and shorter words",
		          rd.age, rd.ease);
	if (rejected > 0)
		diag_warn(in->sea_name, 0,
		          "the SEA lists %zu rejected evidence record%s, not in the report",
		          rejected, rejected == 1 ? "" : "s");
}

/* Render the report; the exit status. */
static int
run_report(const struct opts *o)
{
	struct report_judgements j;
	struct report_input in;
	struct table *sample = NULL;
	struct redact *r = NULL;
	json_t *jdoc = load_json(o->judgements), *sea, *plan = NULL;
	char err[512];
	int rc = EXIT_TROUBLE;

	sea = load_json(o->sea);
	if (report_judgements_parse(jdoc, &j, err, sizeof err) != 0) {
		diag_error(o->judgements, 0, "%s", err);
		json_decref(jdoc);
		json_decref(sea);
		return EXIT_TROUBLE;
	}
	memset(&in, 0, sizeof in);
	if (report_sea_check(sea, err, sizeof err) != 0) {
		diag_error(o->sea, 0, "%s", err);
		goto done;
	}
	if (o->plan != NULL)
		plan = load_json(o->plan); /* not inside json_is_object(): a macro */
	if (plan != NULL && !json_is_object(plan)) {
		diag_error(o->plan, 0, "expected the plan JSON of plan-weeks");
		goto done;
	}
	if (o->sample != NULL &&
	    (sample = table_read(o->sample, o->csv_flags, err, sizeof err)) == NULL) {
		diag_note("%s", err);
		goto done;
	}
	if ((r = detectors(o, sea, plan)) == NULL)
		goto done;
	in.judgements_name = o->judgements;
	in.sea_name = strcmp(o->sea, "-") == 0 ? "<stdin>" : o->sea;
	in.j = &j;
	in.sea = sea;
	in.plan = plan;
	in.sample = sample;
	in.draft = o->draft;
	in.max_examples = o->max_examples;
	warnings(&in);
	rc = gate_and_render(o, &in, r);
done:
	redact_free(r);
	table_free(sample);
	report_judgements_free(&j);
	json_decref(jdoc);
	json_decref(sea);
	json_decref(plan);
	return rc;
}

/* Read the options into o; exits on a usage error. */
static void
parse_options(int argc, char *argv[], struct opts *o)
{
	static const char *const formats[] = {"md", "html", "txt", NULL};
	uint64_t n;
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
			if (cli_choice(optarg, letters_names) < 0) {
				diag_note("--letter: expected ce-email, staff-info or family");
				usage(EXIT_TROUBLE);
			}
			o->letter = optarg;
			break;
		case OPT_DETAILS:
			o->details = optarg;
			break;
		case OPT_AREA:
			o->area = optarg;
			break;
		case OPT_IDENTIFIERS:
			o->identifiers = xreallocarray(o->identifiers, o->nidentifiers + 1,
			                               sizeof *o->identifiers);
			o->identifiers[o->nidentifiers++] = optarg;
			break;
		case OPT_EXAMPLES:
			if (cli_parse_u64(optarg, 0, 1000, &n) != 0) {
				diag_note("--max-examples: expected a number from 0 to 1000");
				usage(EXIT_TROUBLE);
			}
			o->max_examples = (size_t)n;
			break;
		case CLI_OPT_ENCODING:
			if (cli_encoding(optarg, &o->csv_flags) != 0)
				usage(EXIT_TROUBLE);
			break;
		case CLI_OPT_FORMAT:
			if (cli_choice(optarg, formats) < 0) {
				diag_note("--format: expected md, html or txt");
				usage(EXIT_TROUBLE);
			}
			o->format = (enum format)cli_choice(optarg, formats);
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'h':
			usage(EXIT_OK);
			break;
		case CLI_OPT_VERSION:
			cli_version("render-report");
			exit(EXIT_OK);
		default:
			usage(EXIT_TROUBLE);
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
		usage(EXIT_TROUBLE);
	}
	if (argc > 1 ||
	    (o.letter != NULL && (argc > 0 || o.judgements != NULL || o.sample != NULL))) {
		diag_note(o.letter != NULL ? "--letter takes no SEA, --judgements or --sample"
		          : o.area != NULL ? "--area goes with --letter"
		                           : "one SEA at most");
		usage(EXIT_TROUBLE);
	}
	if (argc == 1)
		o.sea = argv[0];
	name_inputs(&o);
	rc = o.letter != NULL ? run_letter(&o) : run_report(&o);
	free(o.identifiers);
	return rc;
}
