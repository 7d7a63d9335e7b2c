/*
 * test_redact.c: the personal-data detectors: check digits and prefix
 * rules, each pattern on what it must and must not take, the name
 * deny-list (full names any case, capitalised surnames, possessives,
 * longest first), survivors, and the corpus in tests/redact/ with its
 * recall and precision figures printed.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "redact/redact.h"

#define CORPUS "../redact/corpus.txt"
#define IDENTIFIERS "../redact/identifiers.csv"

/* A redactor with the data folder's detectors. */
static struct redact *
new_redact(void)
{
	char err[256];
	struct redact *r = redact_new(err, sizeof(err));

	ck_assert_msg(r != NULL, "redact_new: %s", err);
	return r;
}

/* Redact s into a new string. */
static char *
apply(struct redact *r, const char *s, unsigned long *counts)
{
	struct strbuf sb;
	char *out;

	strbuf_init(&sb);
	redact_text(r, s, strlen(s), &sb, counts);
	out = strbuf_steal(&sb);
	strbuf_free(&sb);
	return out;
}

START_TEST(test_nhs_check_digit)
{
	static const struct {
		const char *digits;
		int valid;
	} t[] = {
	    {"9434765919", 1}, {"4010232137", 1}, {"4505577104", 1}, {"6100000008", 1},
	    {"9434765910", 0}, {"4010232130", 0}, {"1234567890", 0}, /* check digit 10 */
	    {"123456789X", 0},
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		ck_assert_msg(redact_nhs_valid(t[i].digits) == t[i].valid, "%s", t[i].digits);
}
END_TEST

START_TEST(test_ni_prefix)
{
	static const struct {
		const char *prefix;
		int valid;
	} t[] = {
	    {"AB", 1}, {"JA", 1}, {"ZA", 1}, {"ab", 1}, {"DA", 0}, {"FA", 0}, {"IA", 0}, {"QA", 0},
	    {"UA", 0}, {"VA", 0}, {"AD", 0}, {"AF", 0}, {"AI", 0}, {"AO", 0}, {"AQ", 0}, {"AU", 0},
	    {"AV", 0}, {"BG", 0}, {"GB", 0}, {"KN", 0}, {"NK", 0}, {"NT", 0}, {"TN", 0}, {"ZZ", 0},
	};
	struct redact *r = new_redact();
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		ck_assert_msg(redact_ni_prefix_valid(r, t[i].prefix) == t[i].valid, "%s",
		              t[i].prefix);
	redact_free(r);
}
END_TEST

/* Pattern detectors, no deny-list: input and the exact output. */
static const struct {
	const char *in, *out;
} patterns[] = {
    {"call 07700 900123 now", "call [phone] now"},
    {"call +44 7700 900123.", "call [phone]."},
    {"ring (020) 7946 0958", "ring [phone]"},
    {"ring 01632 960001", "ring [phone]"},
    {"1,245 cases; 0 left", "1,245 cases; 0 left"},
    {"mail a.b@example.org", "mail [email]"},
    {"at SW1A 1AA or M11AE", "at [postcode] or [postcode]"},
    {"not QA1 1AA, VX1 2AB or AB1 1CI", "not QA1 1AA, VX1 2AB or AB1 1CI"},
    {"GIR 0AA", "[postcode]"},
    {"NI AB 12 34 56 C", "NI [NI number]"},
    {"NI QQ123456C GB123456A AB123456E", "NI [NI number] [NI number] AB123456E"},
    {"NI AB-12-34-56-C, ab 123456 c", "NI [NI number], [NI number]"},
    {"NINO: ab123456 seen", "NINO: [NI number] seen"},
    {"NHS 94347 65919 or 943.476.5919", "NHS [NHS number] or [NHS number]"},
    {"at sw1a1aa or m1  1ae", "at [postcode] or [postcode]"},
    {"call 0044 7700 900123 or 07700.900.123", "call [phone] or [phone]"},
    {"ring (01632) 960-001", "ring [phone]"},
    {"born on the 15th of September 2017", "born on the [date of birth]"},
    {"birthday: 3rd May 2016; birth date 01/02/2016",
     "birthday: [date of birth]; birth date [date of birth]"},
    {"Lily Okafor (03/04/2016) at 10:30 on 12/03/2027",
     "[name] ([date of birth]) at 10:30 on 12/03/2027"},
    {"NHS 943 476 5919", "NHS [NHS number]"},
    {"NHS 943-476-5919", "NHS [NHS number]"},
    {"NHS 943 476 5910", "NHS 943 476 5910"},
    {"NHS 943 4765919", "NHS [NHS number]"}, /* any grouping */
    {"born 12/03/2015", "born [date of birth]"},
    {"dob 1.2.2016", "dob [date of birth]"},
    {"Date of Birth: 3rd of May 2016", "Date of Birth: [date of birth]"},
    {"born May 3, 2016", "born [date of birth]"},
    {"seen 12/03/2027", "seen 12/03/2027"},
    {"reborn 12/03/2015", "reborn 12/03/2015"},
    {"case CA27004512 and CA2700451", "case CA27004512 and CA2700451"},
    {"initials A.B. and J.K.", "initials A.B. and J.K."},
    {"", ""},
};

START_TEST(test_patterns)
{
	struct redact *r = new_redact();
	char *got = apply(r, patterns[_i].in, NULL);

	ck_assert_str_eq(got, patterns[_i].out);
	free(got);
	redact_free(r);
}
END_TEST

/* Names from the deny-list: input and the exact output. */
static const struct {
	const char *in, *out;
} names[] = {
    {"Sarah Khan saw the child", "[name] saw the child"},
    {"SARAH KHAN and sarah  khan", "[name] and [name]"},
    {"Khan's report", "[name]'s report"},
    {"Khan\xE2\x80\x99s report", "[name]\xE2\x80\x99s report"},
    {"Sarah Khan's report", "[name]'s report"},
    {"by Sarah\nKhan.", "by [name]."},
    {"the khan market", "the khan market"},
    {"Ms S. Khan wrote", "Ms S. [name] wrote"}, /* an initial survives */
    {"the khans and Khans", "the khans and Khans"},
    {"Smith-Jones and the smith", "[name] and the smith"},
    {"Mary Smith-Jones", "[name]"},
    {"Young people said. Mr Young said", "Young people said. Mr [name] said"},
    {"met Young later", "met [name] later"},
    {"Lucy Hartley and Hartley", "[name] and [name]"},
    {"the Children's Guardian", "the Children's Guardian"},
    {"Brennan", "[name]"},
    {"Kent County Council", "Kent County Council"},
    {"Siobh\xC3\xA1n Murphy", "[name]"},
};

START_TEST(test_names)
{
	struct redact *r = new_redact();
	char *got;

	redact_add_person(r, "Sarah Khan");
	redact_add_person(r, "Mary Smith-Jones");
	redact_add_person(r, "Mr Tom Young");
	redact_add_person(r, "Murphy, Siobh\xC3\xA1n");
	redact_add_case_name(r, "Re Lucy Hartley (A Child)");
	redact_add_case_name(r, "Kent County Council v Brennan");
	redact_add_case_name(r, "Re AB (Children)");
	got = apply(r, names[_i].in, NULL);
	ck_assert_str_eq(got, names[_i].out);
	free(got);
	redact_free(r);
}
END_TEST

/* Names and places with no list at all (the allow-list detector), and normalisation. */
static const struct {
	const char *in, *out;
} unlisted[] = {
    {"The FCA saw Oluwaseun alone.", "The FCA saw [name] alone."},
    {"Mr Brown met Grace (aged 7).", "Mr [name] met [name] (aged 7)."},
    {"Will said he was sad.", "[name] said he was sad."},
    {"You will see it.", "You will see it."},
    {"Her brother Jack and nan Rose came.", "Her brother [name] and nan [name] came."},
    {"spoke to aisha alone", "spoke to [name] alone"},
    {"Ahmed bin Salim and Mr van der Berg", "[name] and Mr [name]"},
    {"Preston Family Court sat in Kent and Sussex.",
     "Preston Family Court sat in Kent and Sussex."},
    {"Child A, Mother M and JO; Re NG.", "Child A, Mother M and JO; Re NG."},
    {"at 14 Acacia Avenue, then Flat 3", "at [address], then [address]"},
    {"at St Aidan's C of E Primary School", "at [school]"},
    {"the Virtual School and the Primary School", "the Virtual School and the Primary School"},
    {"we saw Jo\xE2\x80\x8Bhn today", "we saw [name] today"},
    {"we saw \xD0\x88ohn \xD0\x85mith", "we saw [name]"},
    {"call \xEF\xBC\x90\xEF\xBC\x97"
     "700 900123",
     "call [phone]"},
    {"The service manager reviewed 12 cases on 3 March 2027 at 10:30.",
     "The service manager reviewed 12 cases on 3 March 2027 at 10:30."},
};

START_TEST(test_unlisted)
{
	struct redact *r = new_redact();
	char *got = apply(r, unlisted[_i].in, NULL);

	ck_assert_str_eq(got, unlisted[_i].out);
	free(got);
	redact_free(r);
}
END_TEST

/* The allow file, known case references of any form, and the review list. */
START_TEST(test_allow_review)
{
	char err[256], path[] = "/tmp/test_redact_XXXXXX", *got, *buf = NULL;
	struct redact *r = new_redact();
	size_t len = 0;
	FILE *fp;
	int fd;

	redact_review_start(r);
	redact_review_record(r, "e.csv:2");
	got = apply(r, "Zorblat met Quimby at Wexcombe.", NULL);
	ck_assert_str_eq(got, "[name] met [name] at [name].");
	free(got);
	redact_review_record(r, "e.csv:3");
	free(apply(r, "Zorblat again.", NULL));
	fp = open_memstream(&buf, &len);
	ck_assert_uint_eq(redact_review_write(r, fp), 3);
	fclose(fp);
	ck_assert_ptr_nonnull(strstr(buf, "Zorblat,2,e.csv:2;e.csv:3\n"));
	ck_assert_ptr_null(strstr(buf, "met"));
	free(buf);
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	fp = fdopen(fd, "w");
	fputs("# local words\nwexcombe\nQuimby Hall\n", fp);
	fclose(fp);
	ck_assert_int_eq(redact_allow_file(r, path, err, sizeof(err)), 0);
	got = apply(r, "Zorblat met staff at Quimby Hall in Wexcombe.", NULL);
	ck_assert_str_eq(got, "[name] met staff at Quimby Hall in Wexcombe.");
	free(got);
	remove(path);
	ck_assert_int_eq(redact_allow_file(r, path, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, path));
	redact_keep(r, "ZX/ABC/77");
	got = apply(r, "See ZX/ABC/77 and 01632 960001.", NULL);
	ck_assert_str_eq(got, "See ZX/ABC/77 and [phone].");
	free(got);
	redact_free(r);
}
END_TEST

START_TEST(test_deny_list_size)
{
	struct redact *r = new_redact();

	ck_assert_uint_eq(redact_names(r), 0);
	redact_add_case_name(r, "Re AB (Children)");
	redact_add_case_name(r, "Leeds City Council v M");
	ck_assert_uint_eq(redact_names(r), 0); /* initials and organisations */
	redact_add_person(r, "Sarah Khan");
	ck_assert_uint_eq(redact_names(r), 3); /* the full name, the first name and the surname */
	redact_add_person(r, "Sarah Khan");
	ck_assert_uint_eq(redact_names(r), 3);
	redact_free(r);
}
END_TEST

START_TEST(test_scan_and_counts)
{
	struct redact *r = new_redact();
	unsigned long counts[REDACT_NTYPES] = {0};
	size_t at = 99;
	char *got;

	ck_assert_int_eq(redact_scan(r, "nothing here", 12, &at), REDACT_NONE);
	ck_assert_int_eq(redact_scan(r, "x SW1A 1AA a@b.co", 17, &at), REDACT_POSTCODE);
	ck_assert_uint_eq(at, 2);
	got = apply(r, "a@b.co, c@d.co and 07700 900123", counts);
	ck_assert_str_eq(got, "[email], [email] and [phone]");
	ck_assert_uint_eq(counts[REDACT_EMAIL], 2);
	ck_assert_uint_eq(counts[REDACT_PHONE], 1);
	ck_assert_uint_eq(counts[REDACT_NAME], 0);
	ck_assert_str_eq(redact_type_key(REDACT_NI), "ni_number");
	ck_assert_str_eq(redact_placeholder(REDACT_DOB), "[date of birth]");
	free(got);
	redact_free(r);
}
END_TEST

START_TEST(test_identifiers_files)
{
	char err[256], path[] = "/tmp/test_redact_XXXXXX";
	struct redact *r = new_redact();
	FILE *fp;
	char *got;
	int fd;

	ck_assert_int_eq(redact_add_identifiers(r, IDENTIFIERS, 0, err, sizeof(err)), 0);
	got = apply(r, "Ashdown met Peter Grant", NULL);
	ck_assert_str_eq(got, "[name] met [name]");
	free(got);
	redact_free(r);

	/* A plain list of names, one a line (the first line is a name too). */
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	fp = fdopen(fd, "w");
	fputs("Priya Raman\nDaniel Osei\n", fp);
	fclose(fp);
	r = new_redact();
	ck_assert_int_eq(redact_add_identifiers(r, path, 0, err, sizeof(err)), 0);
	got = apply(r, "Raman and Daniel Osei", NULL);
	ck_assert_str_eq(got, "[name] and [name]");
	free(got);
	/* A CSV with a name column (the team file's shape): only that column counts. */
	fp = fopen(path, "w");
	fputs("name,role,conflicts\nImran Siddiqui,inspector,Wessex\n", fp);
	fclose(fp);
	ck_assert_int_eq(redact_add_identifiers(r, path, 0, err, sizeof(err)), 0);
	got = apply(r, "Siddiqui visited Wessex", NULL);
	ck_assert_str_eq(got, "[name] visited Wessex");
	free(got);
	remove(path);
	ck_assert_int_eq(redact_add_identifiers(r, "/nonexistent/x.csv", 0, err, sizeof(err)), -1);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/x.csv"));
	redact_free(r);
}
END_TEST

/* What one corpus line holds. */
struct corpus_line {
	struct strbuf in, want;
	size_t planted, survivors;
	char *item[64];
	int is_planted[64];
	size_t nitems;
};

/* Split a marked-up corpus line into input, expected output and items. */
static void
parse_line(const char *s, struct corpus_line *c)
{
	const char *p, *bar, *end;

	strbuf_reset(&c->in);
	strbuf_reset(&c->want);
	c->nitems = c->planted = c->survivors = 0;
	for (p = s; *p != '\0' && *p != '\n'; p++) {
		if (*p != '{' || (bar = strchr(p, '|')) == NULL ||
		    (end = strchr(bar, '}')) == NULL) {
			strbuf_addch(&c->in, *p);
			strbuf_addch(&c->want, *p);
			continue;
		}
		strbuf_add(&c->in, bar + 1, (size_t)(end - bar - 1));
		ck_assert_uint_lt(c->nitems, 64);
		c->item[c->nitems] = strndup(bar + 1, (size_t)(end - bar - 1));
		if (p[1] == '=') {
			strbuf_add(&c->want, bar + 1, (size_t)(end - bar - 1));
			c->is_planted[c->nitems++] = 0;
			c->survivors++;
		} else {
			enum redact_type t;
			char type[32];

			snprintf(type, sizeof(type), "%.*s", (int)(bar - p - 1), p + 1);
			for (t = REDACT_NAME; t < REDACT_NTYPES; t++)
				if (strcmp(type, redact_type_key(t)) == 0)
					break;
			ck_assert_msg(t < REDACT_NTYPES, "unknown type %s", type);
			strbuf_adds(&c->want, redact_placeholder(t));
			c->is_planted[c->nitems++] = 1;
			c->planted++;
		}
		p = end;
	}
}

START_TEST(test_corpus)
{
	struct redact *r = new_redact();
	struct corpus_line c;
	struct strbuf out;
	char err[256], line[4096];
	size_t i, lines = 0, exact = 0, planted = 0, caught = 0, survivors = 0, kept = 0, finds = 0;
	FILE *fp;

	ck_assert_int_eq(redact_add_identifiers(r, IDENTIFIERS, 0, err, sizeof(err)), 0);
	fp = fopen(CORPUS, "r");
	ck_assert_ptr_nonnull(fp);
	strbuf_init(&c.in);
	strbuf_init(&c.want);
	strbuf_init(&out);
	while (fgets(line, sizeof(line), fp) != NULL) {
		size_t n;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		parse_line(line, &c);
		strbuf_reset(&out);
		n = redact_text(r, c.in.buf, c.in.len, &out, NULL);
		lines++;
		if (strcmp(out.buf, c.want.buf) == 0)
			exact++;
		else
			printf("corpus: line %zu differs:\n  want %s\n  got  %s\n", lines,
			       c.want.buf, out.buf);
		for (i = 0; i < c.nitems; i++) {
			int present = strstr(out.buf, c.item[i]) != NULL;

			if (c.is_planted[i]) {
				planted++;
				caught += !present;
			} else {
				survivors++;
				kept += present;
			}
			free(c.item[i]);
		}
		finds += n;
	}
	fclose(fp);
	printf("redaction corpus: %zu sentences, %zu exact; planted %zu, redacted %zu (recall "
	       "%.1f%%); "
	       "finds %zu (precision %.1f%%); must survive %zu, kept %zu\n",
	       lines, exact, planted, caught,
	       planted ? 100.0 * (double)caught / (double)planted : 0.0, finds,
	       finds ? 100.0 * (double)(caught < finds ? caught : finds) / (double)finds : 100.0,
	       survivors, kept);
	ck_assert_uint_gt(lines, 50);
	ck_assert_uint_eq(caught, planted);
	ck_assert_uint_eq(finds, planted);
	ck_assert_uint_eq(kept, survivors);
	ck_assert_uint_eq(exact, lines);
	strbuf_free(&c.in);
	strbuf_free(&c.want);
	strbuf_free(&out);
	redact_free(r);
}
END_TEST

/*
 * The run's cache of word lookups never answers from a stale table: a word
 * listed, or allowed, after texts were redacted counts for the next text.
 */
START_TEST(test_lookup_cache_follows_table)
{
	char err[256], path[] = "/tmp/test_redact_XXXXXX";
	struct redact *r = new_redact();
	FILE *fp;
	char *got;
	int fd;

	redact_find_unlisted(r, 0);
	got = apply(r, "Quorne visited; anna quorne wrote.", NULL);
	ck_assert_str_eq(got, "Quorne visited; anna quorne wrote.");
	free(got);
	redact_add_person(r, "Anna Quorne");
	got = apply(r, "Quorne visited; anna quorne wrote.", NULL);
	ck_assert_str_eq(got, "[name] visited; [name] wrote.");
	free(got);
	redact_find_unlisted(r, 1);
	got = apply(r, "Zorblat met Wexcombe staff.", NULL);
	ck_assert_str_eq(got, "[name] met [name] staff.");
	free(got);
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	fp = fdopen(fd, "w");
	fputs("zorblat\nwexcombe\n", fp);
	fclose(fp);
	ck_assert_int_eq(redact_allow_file(r, path, err, sizeof(err)), 0);
	remove(path);
	got = apply(r, "Zorblat met Wexcombe staff.", NULL);
	ck_assert_str_eq(got, "Zorblat met Wexcombe staff.");
	free(got);
	redact_free(r);
}
END_TEST

/*
 * The same text gets the same redaction whatever the cache holds: the
 * corpus redacted with a cache warmed on it (forwards, then backwards)
 * and line by line with a cold one, and 9,000 made-up words between
 * (enough misses that the cache grows from its first size to its full
 * one, and more words than its slots, so that they collide).
 */
START_TEST(test_lookup_cache_same)
{
	struct redact *warm = new_redact(), *cold;
	struct corpus_line c;
	char line[4096], **in = NULL, **first = NULL;
	size_t n = 0, i, cap = 0;
	FILE *fp = fopen(CORPUS, "r");
	char *got;

	ck_assert_ptr_nonnull(fp);
	strbuf_init(&c.in);
	strbuf_init(&c.want);
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		parse_line(line, &c);
		for (i = 0; i < c.nitems; i++)
			free(c.item[i]);
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			in = realloc(in, cap * sizeof(*in));
			first = realloc(first, cap * sizeof(*first));
			ck_assert(in != NULL && first != NULL);
		}
		in[n] = strdup(c.in.buf);
		first[n++] = apply(warm, c.in.buf, NULL);
	}
	fclose(fp);
	ck_assert_uint_gt(n, 50);
	for (i = 0; i < 9000; i++) {
		char w[32];

		snprintf(w, sizeof(w), "%s Qz%05zuk", i % 2 ? "and" : "the", i * 7919 % 100000);
		got = apply(warm, w, NULL);
		ck_assert_ptr_nonnull(strstr(got, "[name]"));
		free(got);
	}
	/* the corpus again, last line first, and a cold redactor every 40 lines */
	for (i = n; i-- > 0;) {
		got = apply(warm, in[i], NULL);
		ck_assert_str_eq(got, first[i]);
		free(got);
		if (i % 40 == 0) {
			cold = new_redact();
			got = apply(cold, in[i], NULL);
			ck_assert_str_eq(got, first[i]);
			free(got);
			redact_free(cold);
		}
		free(in[i]);
		free(first[i]);
	}
	free(in);
	free(first);
	strbuf_free(&c.in);
	strbuf_free(&c.want);
	redact_free(warm);
}
END_TEST

/*
 * Kept case references survive in any case and beside punctuation, among
 * thousands kept (the filter in front of them full), and of every length
 * up to 64 bytes; a reference not kept is still taken for what it looks like.
 */
START_TEST(test_keep_many)
{
	struct redact *r = new_redact();
	char ref[80], text[200];
	char *got;
	size_t i, len;

	for (i = 0; i < 6000; i++) {
		snprintf(ref, sizeof(ref), "AB%06zuC", i * 37 % 1000000);
		redact_keep(r, ref);
	}
	for (i = 0; i < 6000; i += 97) {
		snprintf(ref, sizeof(ref), "ab%06zuc", i * 37 % 1000000);
		snprintf(text, sizeof(text), "Ref %s, then (%s).", ref, ref);
		got = apply(r, text, NULL);
		ck_assert_str_eq(got, text);
		free(got);
	}
	got = apply(r, "Ref AB999999C here.", NULL);
	ck_assert_str_eq(got, "Ref [NI number] here.");
	free(got);
	for (len = 1; len <= 64; len++) {
		for (i = 0; i < len; i++)
			ref[i] = i == 0 ? 'Q' : (char)('0' + (i * 7 + len) % 10);
		ref[len] = '\0';
		redact_keep(r, ref);
		snprintf(text, sizeof(text), "Zorblat %s.", ref);
		got = apply(r, text, NULL);
		ck_assert_ptr_nonnull(strstr(got, ref));
		free(got);
	}
	redact_free(r);
}
END_TEST

/*
 * A redactor made like another (redact_new_like) shares its detectors and
 * index and redacts every line of the corpus as a redactor of its own
 * does; its names and kept references are its own; freed first, it leaves
 * the model whole.
 */
START_TEST(test_new_like)
{
	struct redact *model = new_redact(), *own = new_redact(), *like;
	char err[256], *line = NULL, *a, *b;
	size_t cap = 0, n = 0;
	FILE *fp = fopen(CORPUS, "r");

	like = redact_new_like(model, err, sizeof(err));
	ck_assert_msg(like != NULL, "redact_new_like: %s", err);
	redact_add_person(like, "Zebedee Quillfeather");
	redact_add_person(own, "Zebedee Quillfeather");
	redact_keep(like, "QQ123456C");
	redact_keep(own, "QQ123456C");
	ck_assert_ptr_nonnull(fp);
	while (getline(&line, &cap, fp) > 0) {
		a = apply(own, line, NULL);
		b = apply(like, line, NULL);
		ck_assert_str_eq(b, a);
		free(a);
		free(b);
		n++;
	}
	ck_assert_uint_gt(n, 50);
	a = apply(like, "Zebedee Quillfeather, QQ123456C, 020 7946 0018, born 01/02/2015.", NULL);
	ck_assert_str_eq(a, "[name], QQ123456C, [phone], born [date of birth].");
	free(a);
	ck_assert_uint_gt(redact_names(like), 0);
	redact_free(like);
	ck_assert_uint_eq(redact_names(model), 0);
	a = apply(model, "QQ123456C, 020 7946 0018.", NULL);
	ck_assert_str_eq(a, "[NI number], [phone].");
	free(a);
	free(line);
	fclose(fp);
	redact_free(model);
	redact_free(own);
}
END_TEST

/*
 * What share/redact/patterns.json declares every match of a pattern holds
 * (a run of digits, one of some shapes) is true of every match over the
 * corpora of tests/redact and 40,000 texts made of the pieces the patterns
 * look for (digit runs with separators, letters, words of birth, titles of
 * NI numbers, dialling codes, postcodes), so a text the declarations skip
 * never holds a match; and they do skip texts.
 */
START_TEST(test_prefilter_sound)
{
	static const char *const corpora[] = {"../redact/corpus.txt", "../redact/notes.txt",
	                                      "../redact/prose.txt"};
	static const char *const pieces[] = {
	    "born",
	    "b.",
	    "Born on",
	    "dob",
	    "D.O.B.",
	    "d.o.b:",
	    "date of birth",
	    "Birthday",
	    "birth date",
	    "NI",
	    "N.I. No.",
	    "National Insurance number",
	    "+44",
	    "(0)",
	    "0044",
	    "(+44)",
	    "SW1A 1AA",
	    "GIR 0AA",
	    "m1 1ae",
	    "3rd",
	    "March",
	    "of",
	    "the",
	    "jan",
	    "Sept.",
	    "aged",
	    "on",
	    "was",
	    "is",
	    "a@b.co",
	    "tel",
	    "NHS",
	    "AB",
	    "qq",
	    "C",
	    "d",
	    "x",
	};
	static const char seps[] = " .-()+/,:";
	struct redact *r = new_redact();
	struct strbuf t;
	char line[4096];
	size_t i, k, skipped = 0, found = 0;
	unsigned long x = 20270115;
	FILE *fp;

	strbuf_init(&t);
	for (i = 0; i < sizeof(corpora) / sizeof(corpora[0]); i++) {
		fp = fopen(corpora[i], "r");
		ck_assert_ptr_nonnull(fp);
		while (fgets(line, sizeof(line), fp) != NULL) {
			size_t n = strcspn(line, "\n");

			for (k = 0; k < n && (unsigned char)line[k] < 0x80; k++)
				;
			if (k == n)
				ck_assert_uint_eq(
				    redact_prefilter_misses(r, line, n, &skipped, &found), 0);
		}
		fclose(fp);
	}
	for (i = 0; i < 40000; i++) {
		size_t parts = 1 + i % 9;

		strbuf_reset(&t);
		for (k = 0; k < parts; k++) {
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			switch ((x >> 33) % 5) {
			case 0:
			case 1: { /* a run of digits, maybe broken by separators */
				size_t d, nd = 1 + (x >> 40) % 12;

				for (d = 0; d < nd; d++) {
					x = x * 6364136223846793005UL + 1442695040888963407UL;
					strbuf_addch(&t, '0' + (int)((x >> 35) % 10));
					if ((x >> 45) % 4 == 0)
						strbuf_addch(&t,
						             seps[(x >> 50) % (sizeof(seps) - 1)]);
					if ((x >> 47) % 8 == 0)
						strbuf_addch(&t, seps[(x >> 53) % 3]);
				}
				break;
			}
			case 2: /* letters */
				strbuf_addch(&t, "ABDEGHKNPQRSTWXYZabdeghknp"[(x >> 40) % 26]);
				if ((x >> 50) % 2)
					strbuf_addch(&t, "ABDEGHJLNPUWZabd"[(x >> 45) % 16]);
				break;
			default:
				strbuf_adds(
				    &t, pieces[(x >> 40) % (sizeof(pieces) / sizeof(pieces[0]))]);
			}
			x = x * 6364136223846793005UL + 1442695040888963407UL;
			if ((x >> 40) % 3 != 0)
				strbuf_addch(
				    &t, (x >> 42) % 4 ? ' ' : seps[(x >> 44) % (sizeof(seps) - 1)]);
		}
		ck_assert_msg(redact_prefilter_misses(r, t.buf, t.len, &skipped, &found) == 0,
		              "a declaration of patterns.json is false for: %s", t.buf);
	}
	printf("prefilters: %zu detector runs skipped, %zu matches found\n", skipped, found);
	ck_assert_uint_gt(skipped, 10000);
	ck_assert_uint_gt(found, 5000);
	strbuf_free(&t);
	redact_free(r);
}
END_TEST

Suite *make_suite_redact(void);

Suite *
make_suite_redact(void)
{
	Suite *s = suite_create("redact");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_nhs_check_digit);
	tcase_add_test(tc, test_ni_prefix);
	tcase_add_loop_test(tc, test_patterns, 0, sizeof(patterns) / sizeof(patterns[0]));
	tcase_add_loop_test(tc, test_names, 0, sizeof(names) / sizeof(names[0]));
	tcase_add_loop_test(tc, test_unlisted, 0, sizeof(unlisted) / sizeof(unlisted[0]));
	tcase_add_test(tc, test_allow_review);
	tcase_add_test(tc, test_deny_list_size);
	tcase_add_test(tc, test_scan_and_counts);
	tcase_add_test(tc, test_identifiers_files);
	tcase_add_test(tc, test_corpus);
	tcase_add_test(tc, test_lookup_cache_follows_table);
	tcase_add_test(tc, test_lookup_cache_same);
	tcase_add_test(tc, test_keep_many);
	tcase_add_test(tc, test_new_like);
	tcase_add_test(tc, test_prefilter_sound);
	suite_add_tcase(s, tc);
	return s;
}
