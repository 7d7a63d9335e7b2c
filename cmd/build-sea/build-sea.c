/*
 * build-sea: merge the inspectors' evidence files into the summary of
 * evidence and analysis (contract section 6): checked, coded against the
 * evaluation schedule, redacted, with coverage, gaps and the concerns
 * register. Options and streams here; the work is in lib/sea/evidence.c,
 * lib/redact*.c and lib/sea*.c.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/cli.h"
#include "core/csvio.h"
#include "core/diag.h"
#include "core/heap.h"
#include "core/output.h"
#include "core/xalloc.h"
#include "redact/redact.h"
#include "sea/caserefs.h"
#include "sea/evidence.h"
#include "regime/profile.h"
#include "sea/schedule.h"
#include "sea/sea.h"

#define PROG "build-sea"

enum {
	OPT_IDENTIFIERS = CLI_OPT_FIRST_TOOL_OPT,
	OPT_SCHEDULE,
	OPT_REQUIRE_COMPLETE,
	OPT_PROFILE,
	OPT_ALLOW,
	OPT_REDACTIONS
};
enum format { FMT_JSON, FMT_CSV, FMT_MD };

struct options {
	const char **identifiers;
	size_t nidentifiers;
	const char **allow;
	size_t nallow;
	const char *redactions;
	const char *schedule;
	const char *profile;
	struct cli_shared sh;
	int require_complete;
	enum format format;
};

static const struct cli_tool tool = {
    PROG,
    "usage: " PROG " [--identifiers FILE]... [--allow FILE]... [--redactions FILE]\n"
    "       [--schedule FILE|NAME] [--profile NAME] [--require-complete]\n"
    "       [--format json|csv|md] [--encoding cp1252] [--sheet NAME|N] [-o FILE]\n"
    "       [FILE...]\n",
    "Merge inspectors' evidence (CSV or NDJSON) into the summary of evidence and analysis.\n"
    "  --identifiers FILE  Annex A extract or names list: people whose names are redacted\n"
    "                      (names are found without it too)\n"
    "  --allow FILE        words and phrases never taken for a name, one a line\n"
    "  --redactions FILE   write the words removed only for being unknown (CSV)\n"
    "  --schedule FILE     evaluation schedule JSON, or a shipped one's name\n"
    "                      (default: " SCHEDULE_DEFAULT ", the 2014 handbook's Annex E)\n"
    "  --profile NAME      whose judgements (default " PROFILE_DEFAULT_JUDGEMENTS
    "; handbook-2014)\n"
    "  --require-complete  exit 1 while any criterion has no evidence\n"
    "  --format FMT        json (default), csv (flat redacted entries) or md\n"
    "  --encoding cp1252   read CSV input as Windows-1252\n"
    "  --sheet NAME|N      the sheet of an .xlsx input (default: the first visible)\n"
    "  -o, --output FILE   write to FILE atomically (mode 0600 when created)\n"
    "  -h, --help          show this help;  --version  show the version\n"};

/* Parse the command line into o; returns the index of the first file. */
static int
parse_options(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
	    {"identifiers", required_argument, NULL, OPT_IDENTIFIERS},
	    {"allow", required_argument, NULL, OPT_ALLOW},
	    {"redactions", required_argument, NULL, OPT_REDACTIONS},
	    {"schedule", required_argument, NULL, OPT_SCHEDULE},
	    {"profile", required_argument, NULL, OPT_PROFILE},
	    {"require-complete", no_argument, NULL, OPT_REQUIRE_COMPLETE},
	    {"format", required_argument, NULL, CLI_OPT_FORMAT},
	    CLI_LONGOPTS_INPUT,
	    {"raw", no_argument, NULL, CLI_OPT_RAW},
	    CLI_LONGOPTS_COMMON,
	};
	static const char *const formats[] = {"json", "csv", "md", NULL};
	int ch;

	while ((ch = getopt_long(argc, argv, "ho:", longopts, NULL)) != -1) {
		switch (ch) {
		case OPT_IDENTIFIERS:
			o->identifiers =
			    xreallocarray(o->identifiers, o->nidentifiers + 1, sizeof(char *));
			o->identifiers[o->nidentifiers++] = optarg;
			break;
		case OPT_PROFILE:
			o->profile = optarg;
			break;
		case OPT_ALLOW:
			o->allow = xreallocarray(o->allow, o->nallow + 1, sizeof(char *));
			o->allow[o->nallow++] = optarg;
			break;
		case OPT_REDACTIONS:
			o->redactions = optarg;
			break;
		case OPT_SCHEDULE:
			o->schedule = optarg;
			break;
		case OPT_REQUIRE_COMPLETE:
			o->require_complete = 1;
			break;
		case CLI_OPT_FORMAT:
			o->format = (enum format)cli_pick(&tool, "--format", optarg, formats);
			break;
		default:
			cli_take(&tool, ch, optarg, &o->sh);
		}
	}
	return optind;
}

/*
 * --identifiers is read again for the Case IDs' teams: a file, never a
 * stream a second reading would find empty (-1 after a diagnostic).
 */
static int
identifiers_are_files(const struct options *o)
{
	struct stat st;
	size_t i;

	for (i = 0; i < o->nidentifiers; i++)
		if (strcmp(o->identifiers[i], "-") == 0 ||
		    (stat(o->identifiers[i], &st) == 0 && !S_ISREG(st.st_mode))) {
			diag_note("--identifiers %s: give a file, not standard input or a pipe "
			          "(it is read more than once)",
			          o->identifiers[i]);
			return -1;
		}
	return 0;
}

/* Load the profile, the schedule and the redaction deny-list; -1 after a diagnostic. */
static int
load_reference(const struct options *o, struct profile **prof, struct schedule **sched,
               struct redact **red, struct caserefs *refs)
{
	char err[512];
	size_t i;

	if (identifiers_are_files(o) == -1)
		return -1;
	*prof = profile_named(o->profile != NULL ? o->profile : PROFILE_DEFAULT_JUDGEMENTS, err,
	                      sizeof(err));
	if (*prof == NULL || (*prof)->njudgements == 0) {
		if (*prof == NULL)
			diag_note("--profile: %s", err);
		else
			diag_note("--profile: profile %s grades no judgement: there is no evidence "
			          "to summarise against one",
			          (*prof)->name);
		return -1;
	}
	*sched = schedule_open(o->schedule, err, sizeof(err));
	if (*sched == NULL) {
		diag_note("%s", err);
		return -1;
	}
	if ((*red = redact_new(err, sizeof(err))) == NULL) {
		diag_note("%s", err);
		return -1;
	}
	output_input(o->schedule);
	for (i = 0; i < o->nidentifiers; i++)
		output_input(o->identifiers[i]);
	for (i = 0; i < o->nidentifiers; i++)
		if (caserefs_load_identifiers(refs, o->identifiers[i], o->sh.csv_flags, *red, err,
		                              sizeof(err)) == -1) {
			diag_note("%s", err);
			return -1;
		}
	for (i = 0; i < o->nallow; i++)
		if (redact_allow_file(*red, o->allow[i], err, sizeof(err)) == -1) {
			diag_note("%s", err);
			return -1;
		}
	if (o->redactions != NULL)
		redact_review_start(*red);
	return 0;
}

/* Write the review list of --redactions; -1 after a diagnostic. */
static int
write_review(struct redact *red, const struct options *o)
{
	struct output *out;
	char err[512];

	if ((out = output_open(o->redactions, err, sizeof(err))) == NULL) {
		diag_note("%s", err);
		return -1;
	}
	redact_review_write(red, output_stream(out));
	if (output_commit(out, err, sizeof(err)) == -1) {
		diag_note("%s", err);
		return -1;
	}
	return 0;
}

/* Read every evidence file into set; -1 after a diagnostic. */
static int
read_evidence(const struct schedule *sched, const struct options *o, int nfiles, char **files,
              struct evidence_set *set)
{
	struct evidence_reader *rd;
	char err[512];
	int i, rc = 0;

	if ((rd = evidence_reader_new(sched, err, sizeof(err))) == NULL) {
		diag_note("%s", err);
		return -1;
	}
	for (i = 0; i < (nfiles > 0 ? nfiles : 1) && rc == 0; i++) {
		output_input(nfiles > 0 ? files[i] : "-");
		if ((rc = evidence_read(rd, nfiles > 0 ? files[i] : "-", o->sh.csv_flags, set, err,
		                        sizeof(err))) == -1)
			diag_note("%s", err);
	}
	evidence_reader_free(rd);
	return rc;
}

/* Report the rejected records: file, line, rule and field, never a value. */
static void
report_rejected(const struct evidence_set *set)
{
	const struct evidence_reject *r;
	size_t i;

	for (i = 0; i < set->nrej; i++) {
		r = &set->rej[i];
		if (r->why != NULL && r->column > 0)
			diag_error(set->files[r->file], r->line, "rejected: %s (column %d: %s)",
			           r->rule, r->column, r->why);
		else if (r->why != NULL)
			diag_error(set->files[r->file], r->line, "rejected: %s (%s)", r->rule,
			           r->why);
		else
			diag_error(set->files[r->file], r->line, "rejected: %s%s%s%s", r->rule,
			           *r->field != '\0' ? " (" : "", r->field,
			           *r->field != '\0' ? ")" : "");
	}
}

/* Write the SEA in the chosen format; -1 after a diagnostic. */
static int
write_sea(const struct sea *sea, const struct options *o)
{
	struct output *out;
	char err[512];
	int rc;

	if ((out = output_open(o->sh.output, err, sizeof(err))) == NULL) {
		diag_note("%s", err);
		return -1;
	}
	errno = 0;
	rc = o->format == FMT_CSV  ? sea_write_csv(sea, output_stream(out))
	     : o->format == FMT_MD ? sea_write_md(sea, output_stream(out))
	                           : sea_write_json(sea, output_stream(out));
	if (rc == -1) {
		diag_note("%s: write error: %s", output_name(out), strerror(errno ? errno : EIO));
		output_abort(out);
		return -1;
	}
	if (output_commit(out, err, sizeof(err)) == -1) {
		diag_note("%s", err);
		return -1;
	}
	return 0;
}

/* Name the criteria with no evidence (schedule data, never personal). */
static void
report_gaps(const struct schedule *sched, const struct sea *sea)
{
	size_t i;

	for (i = 0; i < schedule_count(sched); i++)
		if (sea_covered(sea, i) == 0)
			diag_note("gap: %s criterion %ld has no evidence",
			          schedule_get(sched, i)->judgement,
			          schedule_get(sched, i)->number);
}

int
main(int argc, char **argv)
{
	struct options o = {0};
	struct schedule *sched = NULL;
	struct profile *prof = NULL;
	struct redact *red = NULL;
	struct evidence_set set;
	struct sea *sea = NULL;
	struct caserefs *refs = caserefs_new();
	char err[512];
	int first, status = EXIT_TROUBLE;
	size_t i, rejected, unknown = 0;

	heap_huge();
	diag_init(PROG);
	first = parse_options(argc, argv, &o);
	evidence_set_init(&set);
	if (load_reference(&o, &prof, &sched, &red, refs) == -1 ||
	    read_evidence(sched, &o, argc - first, argv + first, &set) == -1)
		goto out;
	report_rejected(&set);
	rejected = set.nrejected;
	if (caserefs_count(refs) > 0)
		unknown = caserefs_check(refs, &set);
	sea = sea_build(sched, red, &set);
	sea_set_profile(sea, prof);
	for (i = 0; i < o.nidentifiers; i++)
		if (sea_teams_from(sea, o.identifiers[i], o.sh.csv_flags, err, sizeof(err)) == -1) {
			diag_note("%s", err);
			goto out;
		}
	if (write_sea(sea, &o) == -1 || (o.redactions != NULL && write_review(red, &o) == -1))
		goto out;
	/* Rejected records are named and listed in the SEA, which is written: exit 1. */
	status = rejected > 0 || unknown > 0 ? EXIT_FINDINGS : EXIT_OK;
	if (rejected > 0)
		diag_note("%zu record%s rejected", rejected, rejected == 1 ? "" : "s");
	if (unknown > 0)
		diag_note("%zu case reference%s not in the extract", unknown,
		          unknown == 1 ? "" : "s");
	if (o.require_complete && sea_gaps(sea) > 0) {
		report_gaps(sched, sea);
		diag_note("incomplete: %zu criteri%s of the evaluation schedule ha%s no evidence",
		          sea_gaps(sea), sea_gaps(sea) == 1 ? "on" : "a",
		          sea_gaps(sea) == 1 ? "s" : "ve");
		status = EXIT_FINDINGS;
	}
out:
	sea_free(sea);
	evidence_set_free(&set);
	redact_free(red);
	caserefs_free(refs);
	schedule_free(sched);
	profile_free(prof);
	free(o.identifiers);
	free(o.allow);
	return status;
}
