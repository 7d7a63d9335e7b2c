/*
 * sea_write.c: the summary of evidence and analysis written out: JSON (the
 * entries streamed, the rest through Jansson, indented alike), the flat
 * CSV of redacted entries, and Markdown for the team meeting.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/csvio.h"
#include "core/strbuf.h"
#include "redact/redact.h"
#include "regime/profile.h"
#include "sea/evidence.h"
#include "sea/schedule.h"
#include "sea/sea-impl.h"
#include "sea/sea.h"

/* Value k of record r of the sea s in scope. */
#define V(r, k) evidence_value(&s->ev, (r), (k))

/* Number of bits set. */
static unsigned
popcount(unsigned x)
{
	unsigned n = 0;

	for (; x != 0; x &= x - 1)
		n++;
	return n;
}

/* A JSON string, or null for "". */
static json_t *
str_or_null(const char *v)
{
	return *v != '\0' ? json_string(v) : json_null();
}

#define BYTES(c) ((uint64_t)(c)*0x0101010101010101ULL)
#define HIGHS BYTES(0x80)
/* The high bits of a word that is not 0 exactly when a byte of x is below n (n <= 0x80). */
#define BELOW(x, n) (((x)-BYTES(n)) & ~(x)&HIGHS)

/*
 * The length of the run at p (n bytes) that JSON writes as it is: no
 * control character, quote or backslash. Eight bytes at a time, each
 * test exact for whether the word holds such a byte.
 */
static size_t
json_plain(const unsigned char *p, size_t n)
{
	size_t i = 0;
	uint64_t x;

	for (; i + 8 <= n; i += 8) {
		memcpy(&x, p + i, 8);
		if (BELOW(x, 0x20) | BELOW(x ^ BYTES('"'), 1) | BELOW(x ^ BYTES('\\'), 1))
			break;
	}
	for (; i < n && p[i] >= 0x20 && p[i] != '"' && p[i] != '\\'; i++)
		;
	return i;
}

/* Append s as a JSON string to b (UTF-8 kept, as Jansson writes it). */
static void
json_str(struct strbuf *b, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), run;

	strbuf_addch(b, '"');
	for (;;) {
		run = json_plain(p, n);
		strbuf_add(b, p, run);
		if (run == n)
			break;
		p += run;
		n -= run;
		strbuf_addch(b, '\\');
		switch (*p) {
		case '"':
		case '\\':
			strbuf_addch(b, *p);
			break;
		case '\n':
			strbuf_addch(b, 'n');
			break;
		case '\r':
			strbuf_addch(b, 'r');
			break;
		case '\t':
			strbuf_addch(b, 't');
			break;
		case '\b':
			strbuf_addch(b, 'b');
			break;
		case '\f':
			strbuf_addch(b, 'f');
			break;
		default:
			strbuf_adds(b, "u00");
			strbuf_addch(b, hex[*p >> 4]);
			strbuf_addch(b, hex[*p & 15]);
		}
		p++;
		n--;
	}
	strbuf_addch(b, '"');
}

/* Append the decimal digits of n to b. */
static void
json_uint(struct strbuf *b, unsigned long n)
{
	char d[24];
	size_t i = sizeof d;

	do
		d[--i] = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	strbuf_add(b, d + i, sizeof d - i);
}

/* Append the decimal digits of n to b, a minus first when it is negative. */
static void
json_int(struct strbuf *b, long n)
{
	if (n < 0) {
		strbuf_addch(b, '-');
		json_uint(b, 0UL - (unsigned long)n);
	} else
		json_uint(b, (unsigned long)n);
}

/* Append the literal string lit to b. */
#define ADD_LIT(b, lit) strbuf_add((b), (lit), sizeof(lit) - 1)

/* What goes before the value of each key of an entry: ",\n      \"key\": ". */
#define MEMBER(key)                                                                                \
	{                                                                                          \
		",\n      \"" key "\": ", sizeof(",\n      \"" key "\": ") - 1                     \
	}
static const struct {
	const char *s;
	size_t n;
} member_head[EV_NKEYS] = {
    MEMBER("inspector"),     MEMBER("date"),         MEMBER("time"),      MEMBER("source"),
    MEMBER("case_ref"),      MEMBER("service_area"), MEMBER("judgement"), MEMBER("criteria"),
    MEMBER("finding"),       MEMBER("summary"),      MEMBER("team"),      MEMBER("response"),
    MEMBER("response_date"), MEMBER("view"),
};

/* Append one member "key": value of an entry ("" as null where nullable). */
static void
json_member(struct strbuf *b, int k, const char *v, int nullable)
{
	strbuf_add(b, member_head[k].s, member_head[k].n);
	if (nullable && *v == '\0')
		ADD_LIT(b, "null");
	else
		json_str(b, v);
}

/* Append one entry, indented as Jansson indents the rest of the document. */
static void
entry_write(struct strbuf *b, const struct sea *s, size_t at)
{
	const struct sea_entry *e = &s->e[at];
	const struct evidence_record *r = &e->r;
	size_t i, ncrit;
	const long *crit = evidence_criteria(&s->ev, r, &ncrit);
	int k;

	ADD_LIT(b, "    {\n      \"inspector\": ");
	json_str(b, V(r, EV_INSPECTOR));
	for (k = EV_INSPECTOR + 1; k < EV_NCONTRACT; k++) {
		if (k != EV_CRITERIA) {
			json_member(b, k, V(r, k),
			            k == EV_TIME || k == EV_CASE_REF || k == EV_SERVICE_AREA);
			continue;
		}
		ADD_LIT(b, ",\n      \"criteria\": [");
		for (i = 0; i < ncrit; i++) {
			if (i > 0)
				ADD_LIT(b, ",\n        ");
			else
				ADD_LIT(b, "\n        ");
			json_int(b, crit[i]);
		}
		if (ncrit > 0)
			ADD_LIT(b, "\n      ]");
		else
			ADD_LIT(b, "]");
	}
	for (k = EV_NCONTRACT; k < EV_NKEYS; k++)
		if (*V(r, k) != '\0')
			json_member(b, k, V(r, k), 0);
	ADD_LIT(b, ",\n      \"from\": [");
	for (i = 0; i < e->nfrom; i++) {
		struct origin o = sea_origin(s, at, i);

		if (i > 0)
			ADD_LIT(b, ",\n        {\n          \"file\": ");
		else
			ADD_LIT(b, "\n        {\n          \"file\": ");
		json_str(b, o.file);
		ADD_LIT(b, ",\n          \"line\": ");
		json_uint(b, o.line);
		ADD_LIT(b, "\n        }");
	}
	if (e->nfrom > 0)
		ADD_LIT(b, "\n      ]\n    }");
	else
		ADD_LIT(b, "]\n    }");
}

/* The distinct sources of a tally as a JSON array. */
static json_t *
sources_json(unsigned mask)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; evidence_sources[i] != NULL; i++)
		if (mask & (1u << i))
			json_array_append_new(a, json_string(evidence_sources[i]));
	return a;
}

/* The counts of a tally into object o. */
static void
tally_json(json_t *o, const struct sea_tally *t)
{
	json_t *areas = json_array();
	size_t i;

	json_object_set_new(o, "entries", json_integer((json_int_t)t->entries));
	json_object_set_new(o, "strengths", json_integer((json_int_t)t->strengths));
	json_object_set_new(o, "improvements", json_integer((json_int_t)t->improvements));
	json_object_set_new(o, "concerns", json_integer((json_int_t)t->concerns));
	json_object_set_new(o, "sources", sources_json(t->sources));
	json_object_set_new(o, "source_types", json_integer(popcount(t->sources)));
	for (i = 0; i < t->nareas; i++)
		json_array_append_new(areas, json_string(t->areas[i]));
	json_object_set_new(o, "service_areas", areas);
	json_object_set_new(o, "triangulated", json_boolean(popcount(t->sources) >= 2));
}

/* The coverage rows, one per criterion. */
static json_t *
coverage_json(const struct sea *s)
{
	json_t *a = json_array(), *o, *titles;
	size_t i, k;

	for (i = 0; i < schedule_count(s->sched); i++) {
		const struct schedule_criterion *c = schedule_get(s->sched, i);

		titles = json_array();
		for (k = 0; k < c->ntitles; k++)
			json_array_append_new(titles, json_string(c->titles[k]));
		o = json_pack("{s:s, s:I, s:s, s:o}", "judgement", c->judgement, "criterion",
		              (json_int_t)c->number, "title", c->title, "titles", titles);
		tally_json(o, &s->crit[i]);
		json_array_append_new(a, o);
	}
	return a;
}

void
sea_set_profile(struct sea *s, const struct profile *p)
{
	s->prof = p;
}

/*
 * The title of evidence area i: the profile's judgements judged on it
 * ("; " between them), else the schedule's. A new string; the profile's
 * judgement ids are added to judged.
 */
static char *
area_title(const struct sea *s, size_t i, json_t *judged)
{
	const char *id = schedule_judgement(s->sched, i);
	struct strbuf b;
	size_t k;

	strbuf_init(&b);
	for (k = 0; s->prof != NULL && k < s->prof->njudgements; k++) {
		const struct profile_judgement *pj = &s->prof->judgements[k];

		if (pj->evidence == NULL || strcmp(pj->evidence, id) != 0)
			continue;
		strbuf_printf(&b, "%s%s", b.len > 0 ? "; " : "", pj->title);
		json_array_append_new(judged, json_string(pj->id));
	}
	if (b.len == 0)
		strbuf_adds(&b, schedule_judgement_title(s->sched, i));
	return strbuf_steal(&b);
}

/* The rows by judgement. */
static json_t *
judgements_json(const struct sea *s)
{
	json_t *a = json_array(), *o, *judged;
	size_t i, k, covered;
	char *title;

	for (i = 0; i < schedule_njudgements(s->sched); i++) {
		const char *id = schedule_judgement(s->sched, i);

		for (k = 0, covered = 0; k < schedule_count(s->sched); k++)
			covered += strcmp(schedule_get(s->sched, k)->judgement, id) == 0 &&
			           s->crit[k].entries > 0;
		judged = json_array();
		title = area_title(s, i, judged);
		o = json_pack("{s:s, s:s, s:I, s:I}", "judgement", id, "title", title, "criteria",
		              (json_int_t)schedule_judgement_count(s->sched, id),
		              "criteria_covered", (json_int_t)covered);
		free(title);
		if (s->prof != NULL)
			json_object_set_new(o, "judged_as", judged);
		else
			json_decref(judged);
		tally_json(o, &s->judg[i]);
		json_array_append_new(a, o);
	}
	return a;
}

/* The criteria with no evidence. */
static json_t *
gaps_json(const struct sea *s)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < schedule_count(s->sched); i++) {
		const struct schedule_criterion *c = schedule_get(s->sched, i);

		if (s->crit[i].entries == 0)
			json_array_append_new(
			    a, json_pack("{s:s, s:I, s:s}", "judgement", c->judgement, "criterion",
			                 (json_int_t)c->number, "title", c->title));
	}
	return a;
}

/* The Annex F register. */
static json_t *
concerns_json(const struct sea *s)
{
	json_t *a = json_array(), *o;
	size_t i;

	for (i = 0; i < s->nconc; i++) {
		const struct concern *c = &s->conc[i];
		const struct evidence_record *r = &s->e[c->entry].r;
		const struct evidence_record *ans = c->answer >= 0 ? &s->e[c->answer].r : NULL;

		o = json_object();
		json_object_set_new(o, "case", str_or_null(V(r, EV_CASE_REF)));
		json_object_set_new(o, "inspector", json_string(V(r, EV_INSPECTOR)));
		json_object_set_new(o, "date", json_string(V(r, EV_DATE)));
		json_object_set_new(o, "team",
		                    c->team != NULL ? json_string(c->team) : json_null());
		json_object_set_new(o, "service_area", str_or_null(V(r, EV_SERVICE_AREA)));
		json_object_set_new(o, "judgement", json_string(V(r, EV_JUDGEMENT)));
		json_object_set_new(o, "issue", json_string(V(r, EV_SUMMARY)));
		json_object_set_new(o, "responded", json_boolean(ans != NULL));
		json_object_set_new(o, "response",
		                    ans != NULL ? json_string(V(ans, EV_RESPONSE)) : json_null());
		json_object_set_new(o, "response_date",
		                    ans == NULL ? json_null()
		                    : *V(ans, EV_RESPONSE_DATE) != '\0'
		                        ? json_string(V(ans, EV_RESPONSE_DATE))
		                        : json_string(V(ans, EV_DATE)));
		json_object_set_new(o, "view",
		                    ans != NULL ? str_or_null(V(ans, EV_VIEW)) : json_null());
		json_array_append_new(a, o);
	}
	return a;
}

/* The redaction counts by type and in all. */
static json_t *
redactions_json(const struct sea *s)
{
	json_t *o = json_object();
	int t;

	for (t = 0; t < REDACT_NTYPES; t++)
		json_object_set_new(o, redact_type_key(t), json_integer((json_int_t)s->counts[t]));
	json_object_set_new(o, "total", json_integer((json_int_t)sea_redactions(s)));
	return o;
}

/* The rejected records: file, line, rule and field, never the values. */
static json_t *
rejected_json(const struct sea *s)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < s->nrej; i++)
		json_array_append_new(a, json_pack("{s:s, s:I, s:s, s:s}", "file",
		                                   s->files[s->rej[i].file], "line",
		                                   (json_int_t)s->rej[i].line, "rule",
		                                   s->rej[i].rule, "field", s->rej[i].field));
	return a;
}

/* The summary counts. */
static json_t *
summary_json(const struct sea *s)
{
	size_t ncrit = schedule_count(s->sched);

	return json_pack("{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}", "schedule",
	                 schedule_name(s->sched), "files", (json_int_t)s->nfiles, "records_read",
	                 (json_int_t)s->nread, "records_rejected", (json_int_t)s->nrejected,
	                 "duplicates_merged", (json_int_t)s->ndup, "entries", (json_int_t)s->n,
	                 "criteria", (json_int_t)ncrit, "criteria_covered",
	                 (json_int_t)(ncrit - sea_gaps(s)), "gaps", (json_int_t)sea_gaps(s),
	                 "concerns", (json_int_t)s->nconc, "concerns_awaiting_response",
	                 (json_int_t)sea_awaiting(s), "redactions", (json_int_t)sea_redactions(s));
}

/* Write "key": v as a member of the top-level object, v indented to match. */
static int
member_write(FILE *fp, const char *key, json_t *v, int last)
{
	char *text = json_dumps(v, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	const char *p, *nl;

	json_decref(v);
	if (text == NULL)
		return -1;
	fprintf(fp, "  \"%s\": ", key);
	for (p = text; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		fwrite(p, 1, (size_t)(nl + 1 - p),
		       fp); /* a line and its newline, then the indent */
		fputs("  ", fp);
	}
	fputs(p, fp);
	fputs(last ? "\n" : ",\n", fp);
	free(text);
	return 0;
}

int
sea_write_json(const struct sea *s, FILE *fp)
{
	struct strbuf b;
	size_t i;
	int rc = 0;

	fputs("{\n", fp);
	if (s->prof != NULL) {
		json_t *js = json_string(s->prof->name);
		char *name = js != NULL ? json_dumps(js, JSON_ENCODE_ANY) : NULL;

		json_decref(js);
		rc |= name == NULL ? -1 : 0;
		fprintf(fp, "  \"profile\": %s,\n", name != NULL ? name : "null");
		free(name);
	}
	rc |= member_write(fp, "summary", summary_json(s), 0);
	fputs("  \"entries\": [", fp);
	strbuf_init(&b);
	for (i = 0; i < s->n; i++) {
		strbuf_adds(&b, i > 0 ? ",\n" : "\n");
		entry_write(&b, s, i);
		if (b.len >= 65536 || i + 1 == s->n) {
			fwrite(b.buf, 1, b.len, fp);
			strbuf_reset(&b);
		}
	}
	strbuf_free(&b);
	fputs(s->n > 0 ? "\n  ],\n" : "],\n", fp);
	rc |= member_write(fp, "coverage", coverage_json(s), 0);
	rc |= member_write(fp, "judgements", judgements_json(s), 0);
	rc |= member_write(fp, "gaps", gaps_json(s), 0);
	rc |= member_write(fp, "concerns", concerns_json(s), 0);
	rc |= member_write(fp, "redactions", redactions_json(s), 0);
	rc |= member_write(fp, "rejected", rejected_json(s), 1);
	fputs("}\n", fp);
	return rc != 0 || ferror(fp) ? -1 : 0;
}

int
sea_write_csv(const struct sea *s, FILE *fp)
{
	const char *row[EV_NKEYS];
	size_t i;
	int k;

	for (k = 0; k < EV_NKEYS; k++)
		row[k] = evidence_key_name(k);
	csvio_write_row(fp, row, EV_NKEYS);
	for (i = 0; i < s->n; i++) {
		for (k = 0; k < EV_NKEYS; k++)
			row[k] = V(&s->e[i].r, k);
		csvio_write_row(fp, row, EV_NKEYS);
	}
	return ferror(fp) ? -1 : 0;
}

/* Write text for Markdown: one line, special characters escaped. */
static void
md_text(FILE *fp, const char *t)
{
	for (; *t != '\0'; t++) {
		if (*t == '\n' || *t == '\r' || *t == '\t') {
			fputc(' ', fp);
			continue;
		}
		if (strchr("\\`*_<>|#", *t) != NULL ||
		    (*t == ']' && (t[1] == '(' || t[1] == '[' || t[1] == ':')))
			fputc('\\', fp);
		fputc(*t, fp);
	}
}

/* Human name of a judgement id ("Private law"). */
static const char *
judgement_label(const char *id)
{
	if (strcmp(id, "private-law") == 0)
		return "Private law";
	if (strcmp(id, "public-law") == 0)
		return "Public law";
	if (strcmp(id, "leadership") == 0)
		return "Leadership";
	return id;
}

/* The Markdown summary and coverage table. */
static void
md_coverage(const struct sea *s, FILE *fp)
{
	size_t i, ncrit = schedule_count(s->sched);

	fprintf(fp, "# Summary of evidence and analysis\n\n");
	fprintf(fp,
	        "Evaluation schedule %s. %zu entries from %zu files (%zu records read, %zu exact "
	        "duplicates "
	        "merged, %zu rejected). Criteria with evidence: %zu of %zu. Concerns referred to "
	        "Cafcass: %zu "
	        "(%zu awaiting a response). Redactions: %lu.\n\n",
	        schedule_name(s->sched), s->n, s->nfiles, s->nread, s->ndup, s->nrejected,
	        ncrit - sea_gaps(s), ncrit, s->nconc, sea_awaiting(s), sea_redactions(s));
	fprintf(fp, "## Coverage\n\n");
	fprintf(fp, "| Judgement | Criterion | Title | Entries | Strengths | Improvements | "
	            "Concerns | Source types "
	            "| Service areas | Triangulated |\n");
	fprintf(fp, "|---|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
	for (i = 0; i < ncrit; i++) {
		const struct schedule_criterion *c = schedule_get(s->sched, i);
		const struct sea_tally *t = &s->crit[i];

		fprintf(fp, "| %s | %ld | ", judgement_label(c->judgement), c->number);
		md_text(fp, c->title);
		fprintf(fp, " | %zu | %zu | %zu | %zu | %u | %zu | %s |\n", t->entries,
		        t->strengths, t->improvements, t->concerns, popcount(t->sources), t->nareas,
		        t->entries == 0             ? "**gap**"
		        : popcount(t->sources) >= 2 ? "yes"
		                                    : "no");
	}
	fprintf(fp, "\n## Gaps\n\n");
	if (sea_gaps(s) == 0)
		fprintf(fp, "Every criterion has evidence.\n");
	for (i = 0; i < ncrit; i++)
		if (s->crit[i].entries == 0) {
			fprintf(fp,
			        "- %s %ld: ", judgement_label(schedule_get(s->sched, i)->judgement),
			        schedule_get(s->sched, i)->number);
			md_text(fp, schedule_get(s->sched, i)->title);
			fputc('\n', fp);
		}
}

/* The Markdown concerns register (Annex F columns). */
static void
md_concerns(const struct sea *s, FILE *fp)
{
	size_t i;

	fprintf(fp, "\n## Concerns referred back to Cafcass (Annex F)\n\n");
	if (s->nconc == 0) {
		fprintf(fp, "No concerns recorded.\n");
		return;
	}
	fprintf(fp, "| Case no. | HMI referring | Date of referral | Cafcass team | Serious issues "
	            "of concern | "
	            "Cafcass response | Inspectors' view of Cafcass response "
	            "|\n|---|---|---|---|---|---|---|\n");
	for (i = 0; i < s->nconc; i++) {
		const struct concern *c = &s->conc[i];
		const struct evidence_record *r = &s->e[c->entry].r;
		const struct evidence_record *ans = c->answer >= 0 ? &s->e[c->answer].r : NULL;

		fputs("| ", fp);
		md_text(fp, V(r, EV_CASE_REF));
		fputs(" | ", fp);
		md_text(fp, V(r, EV_INSPECTOR));
		fprintf(fp, " | %s | ", V(r, EV_DATE));
		md_text(fp, c->team != NULL ? c->team : "");
		fputs(" | ", fp);
		md_text(fp, V(r, EV_SUMMARY));
		fputs(" | ", fp);
		if (ans == NULL)
			fputs("**awaiting response**", fp);
		else {
			fprintf(fp, "%s: ",
			        *V(ans, EV_RESPONSE_DATE) != '\0' ? V(ans, EV_RESPONSE_DATE)
			                                          : V(ans, EV_DATE));
			md_text(fp, V(ans, EV_RESPONSE));
		}
		fputs(" | ", fp);
		md_text(fp, ans != NULL ? V(ans, EV_VIEW) : "");
		fputs(" |\n", fp);
	}
}

/* One entry as a Markdown list item. */
static void
md_entry(FILE *fp, const struct sea *s, const struct evidence_record *r)
{
	fprintf(fp, "- %s%s%s, ", V(r, EV_DATE), *V(r, EV_TIME) != '\0' ? " " : "", V(r, EV_TIME));
	md_text(fp, V(r, EV_INSPECTOR));
	fprintf(fp, ", %s", V(r, EV_SOURCE));
	if (*V(r, EV_CASE_REF) != '\0')
		fprintf(fp, ", %s", V(r, EV_CASE_REF));
	if (*V(r, EV_SERVICE_AREA) != '\0') {
		fputs(", ", fp);
		md_text(fp, V(r, EV_SERVICE_AREA));
	}
	fprintf(fp, ": **%s**. ", V(r, EV_FINDING));
	md_text(fp, V(r, EV_SUMMARY));
	fputc('\n', fp);
}

/* The entries of a judgement without a criterion. */
static void
md_uncoded(const struct sea *s, FILE *fp, const char *judgement)
{
	size_t i, ncrit;
	int head = 0;

	for (i = 0; i < s->n; i++) {
		(void)evidence_criteria(&s->ev, &s->e[i].r, &ncrit);
		if (ncrit > 0 || strcmp(V(&s->e[i].r, EV_JUDGEMENT), judgement) != 0)
			continue;
		if (!head++)
			fprintf(fp, "\n### %s: no criterion\n\n", judgement_label(judgement));
		md_entry(fp, s, &s->e[i].r);
	}
}

/* The entries by judgement and criterion. */
static void
md_entries(const struct sea *s, FILE *fp)
{
	size_t i, j, c, k, ncrit;
	const long *crit;

	fprintf(fp, "\n## Entries by judgement and criterion\n");
	for (j = 0; j < schedule_njudgements(s->sched); j++) {
		const char *id = schedule_judgement(s->sched, j);

		fprintf(fp, "\n### %s\n", judgement_label(id));
		for (c = 0; c < schedule_count(s->sched); c++) {
			const struct schedule_criterion *sc = schedule_get(s->sched, c);

			if (strcmp(sc->judgement, id) != 0 || s->crit[c].entries == 0)
				continue;
			fprintf(fp, "\n#### %ld. ", sc->number);
			md_text(fp, sc->title);
			fputs("\n\n", fp);
			for (i = 0; i < s->n; i++)
				for (crit = evidence_criteria(&s->ev, &s->e[i].r, &ncrit), k = 0;
				     k < ncrit; k++)
					if (crit[k] == sc->number &&
					    strcmp(V(&s->e[i].r, EV_JUDGEMENT), id) == 0)
						md_entry(fp, s, &s->e[i].r);
		}
		md_uncoded(s, fp, id);
	}
}

/* The redactions and rejected records. */
static void
md_tail(const struct sea *s, FILE *fp)
{
	size_t i;
	int t;

	fprintf(fp, "\n## Redactions\n\n| Type | Count |\n|---|---:|\n");
	for (t = 0; t < REDACT_NTYPES; t++)
		fprintf(fp, "| %s | %lu |\n", redact_type_key(t), s->counts[t]);
	fprintf(fp, "\n## Rejected records\n\n");
	if (s->nrej == 0)
		fprintf(fp, "None.\n");
	for (i = 0; i < s->nrej; i++) {
		fputs("- ", fp);
		md_text(fp, s->files[s->rej[i].file]);
		fprintf(fp, ":%lu: %s%s%s\n", s->rej[i].line, s->rej[i].rule,
		        *s->rej[i].field != '\0' ? " " : "", s->rej[i].field);
	}
}

int
sea_write_md(const struct sea *s, FILE *fp)
{
	md_coverage(s, fp);
	md_concerns(s, fp);
	md_entries(s, fp);
	md_tail(s, fp);
	return ferror(fp) ? -1 : 0;
}
