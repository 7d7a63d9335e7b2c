/*
 * sections.c: the team's prose sections: the skeleton to draft from, the
 * writers, and the folder read back (cleaned through libcmark's tree).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <cmark.h>

#include "core/output.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/text.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include "plan/planfile.h"
#include "regime/profile.h"
#include "report/report.h"
#include "report/reportdoc.h"
#include "report/sections.h"

#define MAX_FILE ((size_t)1 << 20) /* a section file larger than this is refused */
#define SKELETON_EXAMPLES 3 /* entries quoted in comments per criterion and finding */

static const char *const fixed_keys[SECTIONS_JUDGEMENT] = {"key-findings", "what-needs-to-improve"};

int
sections_count(const struct profile *p)
{
	return SECTIONS_JUDGEMENT + (int)p->njudgements;
}

int
sections_wanted(const struct profile *p, int k)
{
	return k < SECTIONS_JUDGEMENT ||
	       (k < sections_count(p) && !p->judgements[k - SECTIONS_JUDGEMENT].overall);
}

const char *
sections_key(const struct profile *p, int k)
{
	return k < SECTIONS_JUDGEMENT ? fixed_keys[k] : p->judgements[k - SECTIONS_JUDGEMENT].id;
}

int
sections_of(const struct profile *p, const char *key)
{
	int k;

	for (k = 0; k < sections_count(p); k++)
		if (sections_wanted(p, k) && text_same(key, sections_key(p, k)))
			return k;
	return -1;
}

/* Read a whole file (at most MAX_FILE bytes) into a new string; NULL with errno kept. */
static char *
slurp(const char *path, int *too_big)
{
	struct strbuf sb;
	char buf[8192];
	size_t n;
	FILE *fp = output_input_open(path);

	*too_big = 0;
	if (fp == NULL)
		return NULL;
	strbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
		strbuf_add(&sb, buf, n);
		if (sb.len > MAX_FILE) {
			*too_big = 1;
			break;
		}
	}
	if (ferror(fp) || *too_big) {
		fclose(fp);
		strbuf_free(&sb);
		errno = EIO;
		return NULL;
	}
	fclose(fp);
	return strbuf_steal(&sb);
}

/* 1 for a link a report may hold: http, https, mailto, or a link within the page. */
static int
safe_url(const char *url)
{
	return url == NULL || *url == '\0' || *url == '#' || strncasecmp(url, "https://", 8) == 0 ||
	       strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "mailto:", 7) == 0;
}

/* Drop raw HTML (comments too) and images, empty unsafe links, demote headings below 2. */
static void
clean_tree(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_node **drop = NULL, *n;
	size_t ndrop = 0, i;
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_IMAGE: /* the page is self-contained: nothing fetched */
			drop = xreallocarray(drop, ndrop + 1, sizeof *drop);
			drop[ndrop++] = n;
			break;
		case CMARK_NODE_LINK:
			if (!safe_url(cmark_node_get_url(n)))
				cmark_node_set_url(n, "");
			break;
		case CMARK_NODE_HEADING:
			cmark_node_set_heading_level(n, cmark_node_get_heading_level(n) + 2 > 6
			                                    ? 6
			                                    : cmark_node_get_heading_level(n) + 2);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	for (i = 0; i < ndrop; i++)
		cmark_node_free(drop[i]);
	free(drop);
}

/* One section file: cleaned Markdown and plain text; -1 with err. */
static int
load_one(const char *path, struct sections *s, int k, char *err, size_t errsz)
{
	struct strbuf text;
	cmark_node *doc;
	char *raw, *md;
	int too_big;

	if ((raw = slurp(path, &too_big)) == NULL) {
		if (errno == ENOENT && !too_big)
			return 0;
		snprintf(err, errsz, "%s: %s", path,
		         too_big ? "larger than 1 MB: not a section" : "cannot read it");
		return -1;
	}
	doc = cmark_parse_document(raw, strlen(raw), 0);
	free(raw);
	clean_tree(doc);
	md = cmark_render_commonmark(doc, 0, 0);
	cmark_node_free(doc);
	strbuf_init(&text);
	if (rdoc_markdown_text(md, &text, err, errsz) != 0) {
		free(md);
		strbuf_free(&text);
		return -1;
	}
	if (text_blank(text.buf)) {
		free(md);
		strbuf_free(&text);
		return 0; /* only comments: not written */
	}
	s->md[k] = md;
	s->placeholder[k] = strstr(text.buf, SECTIONS_PLACEHOLDER) != NULL;
	s->chars[k] = utf8_chars(text.buf, text.len);
	s->text[k] = strbuf_steal(&text);
	strbuf_free(&text);
	return 0;
}

int
sections_load(const char *dir, const struct profile *p, struct sections *s, char *err, size_t errsz)
{
	struct stat st;
	char *path;
	int k, rc = 0;

	memset(s, 0, sizeof *s);
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, errsz, "%s: not a folder of sections", dir);
		return -1;
	}
	for (k = 0; k < sections_count(p) && rc == 0; k++) {
		if (!sections_wanted(p, k))
			continue;
		path = xasprintf("%s/%s.md", dir, sections_key(p, k));
		rc = load_one(path, s, k, err, errsz);
		free(path);
	}
	if (rc != 0)
		sections_free(s);
	return rc;
}

void
sections_free(struct sections *s)
{
	int k;

	for (k = 0; k < SECTIONS_MAX; k++) {
		free(s->md[k]);
		free(s->text[k]);
	}
	memset(s, 0, sizeof *s);
}

/* The writers from a CSV of section and writer. */
static int
writers_csv(const char *path, unsigned csv_flags, const struct profile *p,
            char *writers[SECTIONS_MAX], char *err, size_t errsz)
{
	struct table *t = table_read(path, csv_flags, err, errsz);
	struct strbuf key;
	long cs = -1, cw = -1;
	size_t c, r;
	int k;

	if (t == NULL)
		return -1;
	strbuf_init(&key);
	for (c = 0; c < t->ncols; c++) {
		text_normkey(t->header[c], &key);
		cs = strcmp(key.buf, "section") == 0 ? (long)c : cs;
		cw = strcmp(key.buf, "writer") == 0 || strcmp(key.buf, "name") == 0 ? (long)c : cw;
	}
	strbuf_free(&key);
	if (cs < 0 || cw < 0) {
		snprintf(err, errsz, "%s: expected the columns section and writer", path);
		table_free(t);
		return -1;
	}
	for (r = 0; r < t->nrows; r++) {
		if ((k = sections_of(p, table_cell(t, r, cs))) < 0) {
			strbuf_init(&key);
			for (k = 0; k < sections_count(p); k++)
				if (sections_wanted(p, k))
					strbuf_printf(&key, "%s%s", key.len > 0 ? ", " : "",
					              sections_key(p, k));
			snprintf(err, errsz, "%s:%zu: section: expected %s (profile %s)", path,
			         r + 2, key.buf, p->name);
			strbuf_free(&key);
			table_free(t);
			return -1;
		}
		free(writers[k]);
		writers[k] =
		    text_blank(table_cell(t, r, cw)) ? NULL : xstrdup(table_cell(t, r, cw));
	}
	table_free(t);
	return 0;
}

/* The writers from the plan's deployment: the lead, then deputies, then inspectors. */
static void
writers_plan(const struct planfile *plan, const struct profile *p, char *writers[SECTIONS_MAX])
{
	static const char *const roles[] = {"deputy", "inspector", "lead", NULL};
	const char **names = NULL, *lead = NULL, *name;
	size_t i, n = 0, k, r;

	for (i = 0; i < plan->ndeploy && lead == NULL; i++)
		if (plan->deploy[i].role != NULL && strcmp(plan->deploy[i].role, "lead") == 0)
			lead = plan->deploy[i].name;
	for (r = 0; roles[r] != NULL; r++)
		for (i = 0; i < plan->ndeploy; i++) {
			name = plan->deploy[i].name;
			if (plan->deploy[i].role == NULL ||
			    strcmp(plan->deploy[i].role, roles[r]) != 0)
				continue;
			for (k = 0; k < n && strcmp(names[k], name) != 0; k++)
				;
			if (k == n) {
				names = xreallocarray(names, n + 1, sizeof *names);
				names[n++] = name;
			}
		}
	if (lead != NULL) {
		writers[SECTIONS_KEY_FINDINGS] = xstrdup(lead);
		writers[SECTIONS_IMPROVE] = xstrdup(lead);
	}
	for (k = SECTIONS_JUDGEMENT, r = 0; n > 0 && k < (size_t)sections_count(p); k++)
		if (sections_wanted(p, (int)k))
			writers[k] = xstrdup(names[r++ % n]);
	free(names);
}

int
sections_writers(const char *path, unsigned csv_flags, const struct report_input *in,
                 char *writers[SECTIONS_MAX], char *err, size_t errsz)
{
	memset(writers, 0, SECTIONS_MAX * sizeof *writers);
	if (path != NULL)
		return writers_csv(path, csv_flags, in->profile, writers, err, errsz);
	if (in->plan != NULL)
		writers_plan(in->plan, in->profile, writers);
	return 0;
}

/* Text for inside an HTML comment: no "--", no line breaks. */
static void
comment_text(struct strbuf *out, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '-' && (s[1] == '-' || s[1] == '>'))
			strbuf_adds(out, "- ");
		else if (*s == '\n' || *s == '\r' || *s == '\t')
			strbuf_addch(out, ' ');
		else
			strbuf_addch(out, *s);
	}
}

/* Quote up to max entries of judgement jg with finding and criterion c (0: none), each once. */
static void
comment_entries(struct strbuf *out, const struct seafile *sea, const char *id, long long c,
                const char *finding, char *used)
{
	const struct seafile_entry *e;
	size_t i, k, shown = 0;
	int fits;

	for (i = 0; i < sea->nentries && shown < SKELETON_EXAMPLES; i++) {
		e = &sea->entries[i];
		if (used[i] || strcmp(e->judgement, id) != 0 || strcmp(e->finding, finding) != 0)
			continue;
		fits = c == 0 && e->ncriteria == 0;
		for (k = 0; k < e->ncriteria; k++)
			fits |= e->criteria[k] == c;
		if (!fits)
			continue;
		used[i] = 1;
		shown++;
		strbuf_printf(out, "  %s: ", strcmp(finding, "strength") == 0 ? "+" : "-");
		comment_text(out, e->summary);
		strbuf_printf(out, " (%s, %s)\n", e->source != NULL ? e->source : "",
		              e->service_area != NULL ? e->service_area : "national");
	}
}

/* The evidence of evidence area id (a judgement's) as a comment, criterion by criterion. */
static void
comment_evidence(struct strbuf *out, const struct seafile *sea, const char *id)
{
	const struct seafile_coverage *c;
	char *used = xcalloc(sea->nentries + 1, 1);
	size_t i, n = 0;

	strbuf_adds(out, "<!--\nThe SEA's evidence for this judgement (for the writer; never "
	                 "printed). + a strength, - an area for improvement.\n");
	for (i = 0; i < sea->nentries; i++)
		n += strcmp(sea->entries[i].judgement, id) == 0;
	strbuf_printf(out, "%zu entries in all.\n", n);
	for (i = 0; i < sea->ncoverage; i++) {
		c = &sea->coverage[i];
		if (strcmp(c->judgement, id) != 0)
			continue;
		strbuf_printf(out, "\nCriterion %lld: ", c->criterion);
		comment_text(out, c->title);
		strbuf_printf(out,
		              ". %lld entries (%lld strengths, %lld improvements, %lld concerns), "
		              "%zu types of source, %s.\n",
		              c->entries, c->strengths, c->improvements, c->concerns, c->nsources,
		              c->entries == 0   ? "A GAP: no evidence"
		              : c->triangulated ? "triangulated"
		                                : "not triangulated");
		comment_entries(out, sea, id, c->criterion, "strength", used);
		comment_entries(out, sea, id, c->criterion, "improvement", used);
	}
	strbuf_adds(out, "\nEvidence naming no criterion:\n");
	comment_entries(out, sea, id, 0, "strength", used);
	comment_entries(out, sea, id, 0, "improvement", used);
	strbuf_adds(out, "-->\n\n");
	free(used);
}

/* A list of the judgements file as a comment. */
static void
comment_list(struct strbuf *out, const char *what, const struct judgementsfile_list *l)
{
	size_t i;

	strbuf_printf(out, "<!--\n%s (from the judgements file):\n", what);
	for (i = 0; i < l->n; i++) {
		strbuf_adds(out, "  - ");
		comment_text(out, l->v[i].text);
		strbuf_addch(out, '\n');
	}
	if (l->n == 0)
		strbuf_adds(out, "  (none)\n");
	strbuf_adds(out, "-->\n\n");
}

/* The text of skeleton file k. */
static void
skeleton_text(struct strbuf *out, const struct report_input *in, int k, const char *writer)
{
	int jg;

	strbuf_printf(out, "<!--\nSection: %s.\nWriter: ",
	              k == SECTIONS_KEY_FINDINGS ? "Summary of key findings"
	              : k == SECTIONS_IMPROVE    ? "What needs to improve"
	                                      : report_judgement_title(in, k - SECTIONS_JUDGEMENT));
	comment_text(out, writer != NULL ? writer : "not yet assigned by the lead inspector");
	strbuf_adds(out,
	            ".\nWrite evaluative prose (handbook paras 104-110): the key strengths and "
	            "weaknesses, their impact on children, no case reference, initials or "
	            "name. Replace the placeholder paragraph below; comments are never "
	            "printed.\n-->\n\n");
	if (k == SECTIONS_KEY_FINDINGS) {
		strbuf_adds(out, "<!--\nGrades:\n");
		for (jg = 0; jg < (int)in->j->njudgements; jg++)
			strbuf_printf(out, "  %s: %s\n", report_judgement_title(in, jg),
			              judgementsfile_grade_words(in->j->grade[jg]));
		strbuf_adds(out, "-->\n\n");
		comment_list(out, "Key findings", &in->j->findings);
		strbuf_adds(out, SECTIONS_PLACEHOLDER ": open with \"Overall, Cafcass is ... "
		                                      "because ...\", then the main strengths and "
		                                      "weaknesses.]\n");
		return;
	}
	if (k == SECTIONS_IMPROVE) {
		comment_list(out, "Areas for improvement", &in->j->improve);
		comment_list(out, "Areas for priority action", &in->j->priority);
		strbuf_adds(out,
		            SECTIONS_PLACEHOLDER ": what Cafcass needs to do to improve, and "
		                                 "why. The lists of the judgements file follow "
		                                 "this text in the report.]\n");
		return;
	}
	comment_evidence(out, in->sea, in->profile->judgements[k - SECTIONS_JUDGEMENT].evidence);
	strbuf_adds(out, SECTIONS_PLACEHOLDER ": the evaluation that supports the grade, "
	                                      "drawn from the evidence above.]\n");
}

int
sections_skeleton(const char *dir, const struct report_input *in, char *const writers[SECTIONS_MAX],
                  size_t *kept, char *err, size_t errsz)
{
	struct output *o;
	struct strbuf sb;
	struct stat st;
	char *path;
	int k, rc = 0;

	*kept = 0;
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		snprintf(err, errsz, "%s: cannot create the folder", dir);
		return -1;
	}
	for (k = 0; k < sections_count(in->profile) && rc == 0; k++) {
		if (!sections_wanted(in->profile, k))
			continue;
		path = xasprintf("%s/%s.md", dir, sections_key(in->profile, k));
		if (lstat(path, &st) == 0) { /* a section begun is never overwritten */
			(*kept)++;
			free(path);
			continue;
		}
		strbuf_init(&sb);
		skeleton_text(&sb, in, k, writers[k]);
		if ((o = output_open(path, err, errsz)) == NULL)
			rc = -1;
		else {
			fwrite(sb.buf, 1, sb.len, output_stream(o));
			rc = output_commit(o, err, errsz);
		}
		strbuf_free(&sb);
		free(path);
	}
	return rc;
}
