/*
 * sections.h: the report's prose, written by the team (handbook para 103:
 * the lead inspector assigns sections to inspectors and collates them).
 * One Markdown file a section in a folder: key-findings.md,
 * what-needs-to-improve.md and one per judgement of the profile's set
 * (private-law.md...; none for an overall judgement, which the key
 * findings explain).
 *
 * sections_skeleton() writes the files to draft from: a heading, the
 * writer in an HTML comment, the judgement's SEA evidence summarised in
 * HTML comments (never rendered) and a placeholder paragraph that the
 * assembled report refuses unless it is a draft. It never overwrites a
 * file: a section already begun is kept (and counted), so running it again
 * only adds the sections missing.
 *
 * sections_load() reads the folder back: HTML comments and any raw HTML
 * are dropped, headings inside a section are demoted below the report's
 * own, and the text is kept as CommonMark (re-rendered by libcmark) and as
 * plain text for the gates.
 *
 * Ownership: struct sections owns its strings; sections_free() releases them.
 */
#ifndef SECTIONS_H
#define SECTIONS_H

#include <stddef.h>

#include "regime/profile.h"

struct report_input;

enum sections_id {
	SECTIONS_KEY_FINDINGS,
	SECTIONS_IMPROVE,
	SECTIONS_JUDGEMENT, /* + the judgement's index in the profile */
	SECTIONS_MAX = SECTIONS_JUDGEMENT + PROFILE_MAX_JUDGEMENTS
};

/* What marks a paragraph the writer has still to replace. */
#define SECTIONS_PLACEHOLDER "[Write this section"

/* The most characters a section may hold (about 2,500 words), and any one free text. */
#define SECTIONS_MAX_CHARS 15000
#define SECTIONS_MAX_TEXT 20000

struct sections {
	char *md[SECTIONS_MAX]; /* CommonMark, cleaned; NULL: no file */
	char *text[SECTIONS_MAX]; /* the same as plain text */
	size_t chars[SECTIONS_MAX]; /* characters of text */
	int placeholder[SECTIONS_MAX]; /* still holds the skeleton's placeholder */
};

/* The number of sections under the profile (the overall judgement's slot included). */
int sections_count(const struct profile *);
/* 1 when section k is one the team writes (not an overall judgement's slot). */
int sections_wanted(const struct profile *, int k);
/* "key-findings", "what-needs-to-improve", "private-law", ... (the file name without .md). */
const char *sections_key(const struct profile *, int k);
/* The section a key names ("public-law"), or -1. */
int sections_of(const struct profile *, const char *key);

/* Read the folder; a missing file is a section not written. 0, or -1 with err. */
int sections_load(const char *dir, const struct profile *, struct sections *, char *err,
                  size_t errsz);
void sections_free(struct sections *);

/*
 * The writers of the sections: from a CSV (columns section, writer) when
 * path is given, else from the plan (the lead: key findings and what needs
 * to improve; the deputies, then the inspectors, the judgements in turn).
 * writers[k] is a new string or NULL. 0, or -1 with err.
 */
int sections_writers(const char *path, unsigned csv_flags, const struct report_input *,
                     char *writers[SECTIONS_MAX], char *err, size_t errsz);
/* Write the skeleton files missing from dir (created 0700 if missing); *kept: the files
 * already there. 0, or -1 with err. */
int sections_skeleton(const char *dir, const struct report_input *,
                      char *const writers[SECTIONS_MAX], size_t *kept, char *err, size_t errsz);

#endif
