/*
 * redact-score: scores the redaction detectors on an annotated corpus.
 *
 *   redact-score [--identifiers FILE] [--allow FILE] [--min KEY=PCT]... [--show] CORPUS...
 *   redact-score --apply [--identifiers FILE] [--allow FILE]   (stdin lines, redacted)
 *
 * A corpus has one note a line (# comments). {type|text} marks a planted item
 * (type: name, email, phone, postcode, ni_number, nhs_number, date_of_birth,
 * address, school); {=kind|text} marks an item that must survive (kind:
 * court, place, initials, caseref, title, legal, org, date, time, count, word,
 * or empty). A planted item is caught when every letter and digit of it lies
 * in a find; a must-keep item survives when no find touches it; a find that
 * touches no planted item is a false positive. Prints recall per type,
 * precision, and survival per kind; with --min, exit 1 when a figure is
 * below its target (KEY: a type, "precision", "keep" or "keep.KIND").
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "redact/redact.h"

#define MAX_ITEMS 256
#define NKINDS 12

static const char *const kinds[NKINDS] = {"",      "court", "place", "initials", "caseref", "title",
                                          "legal", "org",   "date",  "time",     "count",   "word"};

struct item {
	size_t so, eo;
	int type; /* a redact type, or -1 - kind for a must-keep item */
};

struct tally {
	unsigned long planted[REDACT_NTYPES], caught[REDACT_NTYPES], typed[REDACT_NTYPES];
	unsigned long keep[NKINDS], kept[NKINDS];
	unsigned long finds, falsepos, notes;
};

/* Split a marked-up line into its text and items; -1 on a bad mark. */
static int
parse(const char *s, struct strbuf *text, struct item *items, size_t *n)
{
	const char *p, *bar, *end;
	int t, k;

	strbuf_reset(text);
	*n = 0;
	for (p = s; *p != '\0' && *p != '\n'; p++) {
		if (*p != '{' || (bar = strchr(p, '|')) == NULL ||
		    (end = strchr(bar, '}')) == NULL || bar - p > 20) {
			strbuf_addch(text, *p);
			continue;
		}
		if (*n == MAX_ITEMS)
			return -1;
		items[*n].so = text->len;
		strbuf_add(text, bar + 1, (size_t)(end - bar - 1));
		items[*n].eo = text->len;
		if (p[1] == '=') {
			for (k = 0; k < NKINDS; k++)
				if ((size_t)(bar - p - 2) == strlen(kinds[k]) &&
				    strncmp(p + 2, kinds[k], strlen(kinds[k])) == 0)
					break;
			if (k == NKINDS)
				return -1;
			items[(*n)++].type = -1 - k;
		} else {
			for (t = 0; t < REDACT_NTYPES; t++)
				if ((size_t)(bar - p - 1) ==
				        strlen(redact_type_key((enum redact_type)t)) &&
				    strncmp(p + 1, redact_type_key((enum redact_type)t),
				            (size_t)(bar - p - 1)) == 0)
					break;
			if (t == REDACT_NTYPES)
				return -1;
			items[(*n)++].type = t;
		}
		p = end;
	}
	return 0;
}

/* 1 when every letter and digit of [so, eo) lies in a find (of type, when typed >= 0). */
static int
covered(const struct redact *r, const char *s, size_t so, size_t eo, int type)
{
	size_t i, k, fso, feo;
	enum redact_type t;

	for (i = so; i < eo; i++) {
		int in = 0;

		if (!isalnum((unsigned char)s[i]) && (unsigned char)s[i] < 0x80)
			continue;
		for (k = 0; k < redact_finds(r) && !in; k++) {
			redact_find_at(r, k, &fso, &feo, &t);
			in = fso <= i && i < feo && (type < 0 || (int)t == type);
		}
		if (!in)
			return 0;
	}
	return 1;
}

/* Score one note. */
static void
score(struct redact *r, const struct strbuf *text, const struct item *items, size_t n,
      struct tally *ta, int show, const char *line)
{
	struct strbuf out;
	size_t i, k, fso, feo;
	enum redact_type t;

	strbuf_init(&out);
	redact_text(r, text->buf, text->len, &out, NULL);
	ta->notes++;
	for (i = 0; i < n; i++) {
		if (items[i].type >= 0) {
			int c = covered(r, text->buf, items[i].so, items[i].eo, -1);

			ta->planted[items[i].type]++;
			ta->caught[items[i].type] += c;
			ta->typed[items[i].type] +=
			    covered(r, text->buf, items[i].so, items[i].eo, items[i].type);
			if (!c && show)
				printf("MISS %s: %.*s\n  in: %s\n  out: %s\n",
				       redact_type_key((enum redact_type)items[i].type),
				       (int)(items[i].eo - items[i].so), text->buf + items[i].so,
				       line, out.buf);
		} else {
			int touched = 0, kind = -1 - items[i].type;

			for (k = 0; k < redact_finds(r) && !touched; k++) {
				redact_find_at(r, k, &fso, &feo, &t);
				touched = fso < items[i].eo && items[i].so < feo;
			}
			ta->keep[kind]++;
			ta->kept[kind] += !touched;
			if (touched && show)
				printf("LOST %s: %.*s\n  out: %s\n", kinds[kind],
				       (int)(items[i].eo - items[i].so), text->buf + items[i].so,
				       out.buf);
		}
	}
	for (k = 0; k < redact_finds(r); k++) {
		int hit = 0;

		redact_find_at(r, k, &fso, &feo, &t);
		for (i = 0; i < n && !hit; i++)
			hit = items[i].type >= 0 && fso < items[i].eo && items[i].so < feo;
		ta->finds++;
		if (!hit) {
			ta->falsepos++;
			if (show)
				printf("FALSE %s: %.*s\n  out: %s\n", redact_type_key(t),
				       (int)(feo - fso), text->buf + fso, out.buf);
		}
	}
	strbuf_free(&out);
}

/* Percentage, 100 for an empty base. */
static double
pct(unsigned long a, unsigned long b)
{
	return b == 0 ? 100.0 : 100.0 * (double)a / (double)b;
}

/* Check one figure against the targets; 1 when it fails. */
static int
below(const char *key, double v, unsigned long base, char **mins, size_t nmins)
{
	size_t i, kl = strlen(key);

	for (i = 0; i < nmins; i++)
		if (strncmp(mins[i], key, kl) == 0 && mins[i][kl] == '=' && base > 0 &&
		    v < atof(mins[i] + kl + 1)) {
			printf("FAIL: %s %.2f%% is below the target %s%%\n", key, v,
			       mins[i] + kl + 1);
			return 1;
		}
	return 0;
}

/* Print the figures; returns the number of targets missed. */
static int
report(const struct tally *ta, char **mins, size_t nmins)
{
	unsigned long keep = 0, kept = 0, hit = 0;
	int t, k, fails = 0;
	char key[32];

	printf("notes %lu\n", ta->notes);
	for (t = 0; t < REDACT_NTYPES; t++) {
		if (ta->planted[t] == 0)
			continue;
		printf("recall %-14s %6.2f%% (%lu/%lu; as its type %lu)\n",
		       redact_type_key((enum redact_type)t), pct(ta->caught[t], ta->planted[t]),
		       ta->caught[t], ta->planted[t], ta->typed[t]);
		fails += below(redact_type_key((enum redact_type)t),
		               pct(ta->caught[t], ta->planted[t]), ta->planted[t], mins, nmins);
	}
	hit = ta->finds - ta->falsepos;
	printf("precision %6.2f%% (%lu finds, %lu touch no planted item)\n", pct(hit, ta->finds),
	       ta->finds, ta->falsepos);
	fails += below("precision", pct(hit, ta->finds), ta->finds, mins, nmins);
	for (k = 0; k < NKINDS; k++) {
		keep += ta->keep[k];
		kept += ta->kept[k];
	}
	printf("must-keep %6.2f%% (%lu/%lu)\n", pct(kept, keep), kept, keep);
	fails += below("keep", pct(kept, keep), keep, mins, nmins);
	for (k = 1; k < NKINDS; k++) {
		if (ta->keep[k] == 0)
			continue;
		printf("  keep %-9s %6.2f%% (%lu/%lu)\n", kinds[k], pct(ta->kept[k], ta->keep[k]),
		       ta->kept[k], ta->keep[k]);
		snprintf(key, sizeof(key), "keep.%s", kinds[k]);
		fails += below(key, pct(ta->kept[k], ta->keep[k]), ta->keep[k], mins, nmins);
	}
	return fails;
}

/* Redact standard input line by line. */
static int
apply(struct redact *r)
{
	char line[65536];
	struct strbuf out;

	strbuf_init(&out);
	while (fgets(line, sizeof(line), stdin) != NULL) {
		strbuf_reset(&out);
		redact_text(r, line, strlen(line), &out, NULL);
		fputs(out.buf, stdout);
	}
	strbuf_free(&out);
	return 0;
}

int
main(int argc, char **argv)
{
	struct redact *r;
	struct tally ta;
	struct strbuf text;
	struct item items[MAX_ITEMS];
	char err[512], *mins[64], line[65536];
	size_t nmins = 0, n;
	int i, show = 0, do_apply = 0, fails;

	memset(&ta, 0, sizeof(ta));
	if ((r = redact_new(err, sizeof(err))) == NULL) {
		fprintf(stderr, "redact-score: %s\n", err);
		return 2;
	}
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
		if (strcmp(argv[i], "--show") == 0)
			show = 1;
		else if (strcmp(argv[i], "--apply") == 0)
			do_apply = 1;
		else if (strcmp(argv[i], "--min") == 0 && i + 1 < argc && nmins < 64)
			mins[nmins++] = argv[++i];
		else if (strcmp(argv[i], "--identifiers") == 0 && i + 1 < argc) {
			if (redact_add_identifiers(r, argv[++i], 0, err, sizeof(err)) != 0) {
				fprintf(stderr, "redact-score: %s\n", err);
				return 2;
			}
		} else if (strcmp(argv[i], "--allow") == 0 && i + 1 < argc) {
			if (redact_allow_file(r, argv[++i], err, sizeof(err)) != 0) {
				fprintf(stderr, "redact-score: %s\n", err);
				return 2;
			}
		} else {
			fprintf(stderr, "redact-score: unknown option %s\n", argv[i]);
			return 2;
		}
	}
	if (do_apply) {
		apply(r);
		redact_free(r);
		return 0;
	}
	strbuf_init(&text);
	for (; i < argc; i++) {
		FILE *fp = fopen(argv[i], "r");
		unsigned long lineno = 0;

		if (fp == NULL) {
			fprintf(stderr, "redact-score: %s: cannot open\n", argv[i]);
			return 2;
		}
		while (fgets(line, sizeof(line), fp) != NULL) {
			lineno++;
			if (line[0] == '#' || line[0] == '\n')
				continue;
			if (parse(line, &text, items, &n) != 0) {
				fprintf(stderr, "redact-score: %s:%lu: bad mark\n", argv[i],
				        lineno);
				return 2;
			}
			score(r, &text, items, n, &ta, show, line);
		}
		fclose(fp);
	}
	fails = report(&ta, mins, nmins);
	strbuf_free(&text);
	redact_free(r);
	return fails > 0 ? 1 : 0;
}
