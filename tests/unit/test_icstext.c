/*
 * test_icstext.c: plan/icstext writes what libical writes, byte for byte
 * (libical as the oracle, tests/unit/ics_oracle.h): text at every folding
 * boundary with ASCII, 2-, 3- and 4-byte UTF-8, the escaped characters and
 * control bytes; dates and times in and out of range; random calendars; and
 * the calendars of the three tools (plan-weeks with a previous issue and per
 * person, plan-observations, plan-cycle) built from hostile names.
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "cycle/cycle.h"
#include "ics_oracle.h"
#include "plan/ics.h"
#include "plan/icstext.h"
#include "plan/obsics.h"
#include "plan/planfile.h"

Suite *make_suite_icstext(void);

/* Both serialisations of c, compared; 1 (a calendar compared). */
static size_t
assert_as_libical(const struct icstext *c)
{
	char *mine = icstext_string(c), *theirs = ics_oracle_string(c);

	ck_assert_ptr_nonnull(theirs);
	if (strcmp(mine, theirs) != 0) {
		size_t i = 0;

		while (mine[i] == theirs[i])
			i++;
		ck_abort_msg("differs from libical at byte %zu:\n[%.60s]\n[%.60s]", i,
		             mine + (i > 20 ? i - 20 : 0), theirs + (i > 20 ? i - 20 : 0));
	}
	free(mine);
	free(theirs);
	return 1;
}

/* A calendar of one event whose property name holds value. */
static void
assert_one(enum icstext_type type, const char *name, const char *value)
{
	struct icstext c;

	icstext_init(&c, "test");
	icstext_add(&c, ICSTEXT_BEGIN, "VEVENT", NULL);
	icstext_add(&c, ICSTEXT_TEXT, "UID", "u@x");
	icstext_add(&c, type, name, value);
	icstext_add(&c, ICSTEXT_END, "VEVENT", NULL);
	assert_as_libical(&c);
	icstext_free(&c);
}

static const char *const fillers[] = {
    "x",    "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
    ",",    ";",        "\\",           "\n",
    " ",    ":",        "ab",           "a b",
    "\r",   "\t",       "\b",           "\f",
    "\r\n", "\"",       "\x7f",         "\xc3" /* a lone lead byte */,
    "\x80" /* a lone continuation byte */};

START_TEST(fold_every_boundary)
{
	static const struct {
		enum icstext_type type;
		const char *name;
	} props[] = {{ICSTEXT_TEXT, "SUMMARY"},
	             {ICSTEXT_TEXT, "DESCRIPTION"},
	             {ICSTEXT_TEXT, "LOCATION"},
	             {ICSTEXT_LIST, "CATEGORIES"}};
	struct strbuf sb;
	size_t compared = 0;

	strbuf_init(&sb);
	for (size_t p = 0; p < sizeof props / sizeof props[0]; p++)
		for (size_t f = 0; f < sizeof fillers / sizeof fillers[0]; f++)
			for (size_t lead = 0; lead < 4; lead++) {
				struct icstext c;

				/* one event per length, past three folds: every alignment */
				icstext_init(&c, "test");
				strbuf_reset(&sb);
				for (size_t k = 0; k < lead; k++)
					strbuf_addch(&sb, 'a');
				while (sb.len < 240) {
					icstext_add(&c, ICSTEXT_BEGIN, "VEVENT", NULL);
					icstext_add(&c, props[p].type, props[p].name, sb.buf);
					icstext_add(&c, ICSTEXT_END, "VEVENT", NULL);
					strbuf_adds(&sb, fillers[f]);
				}
				compared += assert_as_libical(&c);
				icstext_free(&c);
			}
	assert_one(ICSTEXT_TEXT, "SUMMARY", "");
	strbuf_free(&sb);
	ck_assert_uint_eq(compared, 4 * (sizeof fillers / sizeof fillers[0]) * 4);
}
END_TEST

/* A line of 73 octets before its CRLF with nowhere to fold: libical folds
 * between the CR and the LF, and so does the writer. */
START_TEST(fold_cr_lf)
{
	struct icstext c;
	char *s;
	char v[200];

	memset(v, 'x', sizeof v);
	v[73 + 74] = '\0'; /* the second line: 73 octets and the CRLF */
	icstext_init(&c, "test");
	icstext_add(&c, ICSTEXT_TEXT, "SUMMARY", v);
	s = icstext_string(&c);
	ck_assert_ptr_nonnull(strstr(s, "\r\r\n \n"));
	assert_as_libical(&c);
	free(s);
	icstext_free(&c);
}
END_TEST

START_TEST(times)
{
	static const int years[] = {0, 1, 999, 2027, 2999, 3000, 3001, 9999, 10000};
	static const int md[][2] = {{1, 1}, {12, 31}, {0, 0}, {13, 32}, {-1, -1}, {2, 30}};
	static const int hm[][2] = {{0, 0},   {9, 30},  {23, 59}, {24, 0},  {24, 15},
	                            {99, 99}, {100, 0}, {-1, 0},  {0, -30}, {1000, 1000}};
	static const enum icstext_type types[] = {ICSTEXT_DATE, ICSTEXT_LOCAL, ICSTEXT_UTC};
	struct icstext c;
	size_t compared = 0;

	for (size_t y = 0; y < sizeof years / sizeof years[0]; y++)
		for (size_t t = 0; t < 3; t++) {
			icstext_init(&c, "test");
			icstext_add(&c, ICSTEXT_BEGIN, "VEVENT", NULL);
			for (size_t m = 0; m < sizeof md / sizeof md[0]; m++)
				for (size_t h = 0; h < sizeof hm / sizeof hm[0]; h++)
					icstext_add_time(&c, types[t],
					                 types[t] == ICSTEXT_UTC ? "DTSTAMP"
					                 : h % 2                 ? "DTEND"
					                                         : "DTSTART",
					                 years[y], md[m][0], md[m][1], hm[h][0],
					                 hm[h][1]);
			icstext_add_int(&c, "SEQUENCE", years[y] - 5000);
			icstext_add(&c, ICSTEXT_END, "VEVENT", NULL);
			compared += assert_as_libical(&c);
			icstext_free(&c);
		}
	/* by day: the first and last dates the project knows, and the day after */
	icstext_init(&c, "test");
	icstext_add(&c, ICSTEXT_BEGIN, "VEVENT", NULL);
	for (date_t d = DATES_MIN; d <= DATES_MAX + 1; d += (DATES_MAX - DATES_MIN) / 97) {
		icstext_add_day(&c, ICSTEXT_DATE, "DTSTART", d, 0);
		icstext_add_day(&c, ICSTEXT_LOCAL, "DTEND", d, 9 * 60 + 30);
		icstext_add_day(&c, ICSTEXT_UTC, "DTSTAMP", d, 61);
	}
	icstext_add_day(&c, ICSTEXT_DATE, "DTEND", DATES_MAX + 1, 0);
	icstext_add(&c, ICSTEXT_END, "VEVENT", NULL);
	compared += assert_as_libical(&c);
	icstext_free(&c);
	ck_assert_uint_eq(compared, (sizeof years / sizeof years[0]) * 3 + 1);
}
END_TEST

static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* A hostile string: long, non-ASCII, escaped characters, spaces, controls. */
static char *
hostile(uint64_t *s)
{
	struct strbuf sb;
	size_t n = rnd(s) % 5 == 0 ? rnd(s) % 400 : rnd(s) % 90;

	strbuf_init(&sb);
	while (sb.len < n) {
		if (rnd(s) % 3 == 0)
			strbuf_adds(&sb, fillers[rnd(s) % (sizeof fillers / sizeof fillers[0])]);
		else
			strbuf_addch(&sb, (int)(1 + rnd(s) % 255));
	}
	return strbuf_steal(&sb);
}

START_TEST(random_calendars)
{
	static const char *const text[] = {"UID",      "SUMMARY", "DESCRIPTION",
	                                   "LOCATION", "PRODID",  "CATEGORIES"};
	uint64_t s = 0x9e3779b97f4a7c15ULL;
	size_t compared = 0;

	for (int round = 0; round < 300; round++) {
		struct icstext c;
		int events = (int)(rnd(&s) % 4);

		icstext_init(&c, "test");
		for (int e = 0; e < events; e++) {
			icstext_add(&c, ICSTEXT_BEGIN, "VEVENT", NULL);
			for (int k = (int)(rnd(&s) % 8); k > 0; k--) {
				const char *name = text[rnd(&s) % 6];
				char *v = hostile(&s);

				icstext_add(&c,
				            strcmp(name, "CATEGORIES") == 0 ? ICSTEXT_LIST
				                                            : ICSTEXT_TEXT,
				            name, v);
				free(v);
			}
			icstext_add(&c, ICSTEXT_WORD, "STATUS", "CANCELLED");
			icstext_add(&c, ICSTEXT_END, "VEVENT", NULL);
		}
		compared += assert_as_libical(&c);
		icstext_free(&c);
	}
	ck_assert_uint_eq(compared, 300);
}
END_TEST

/* A plan file of hostile names: activities, places, areas, people. */
static struct planfile *
hostile_plan(uint64_t *s, long sequence)
{
	struct planfile *p = calloc(1, sizeof *p);
	date_t start = 740000 + (date_t)(rnd(s) % 400);

	p->profile = strdup("handbook-2014");
	p->division = hostile(s);
	p->start = start;
	p->sequence = sequence;
	p->ntimeline = 12;
	p->timeline = calloc(p->ntimeline, sizeof *p->timeline);
	for (size_t i = 0; i < p->ntimeline; i++) {
		struct planfile_event *e = &p->timeline[i];

		e->date = start + (date_t)(i / 2);
		e->week = (int)(i / 5) + 1;
		e->day = (int)i;
		e->activity =
		    i % 3 == 0 && i > 0 ? strdup(p->timeline[i - 1].activity) : hostile(s);
		e->who = hostile(s);
		e->where = i % 4 == 0 ? NULL : hostile(s);
		e->time = i % 2 ? strdup(i % 4 == 1 ? "09:30" : "23:45") : NULL;
	}
	p->nareas = 4;
	p->areas = calloc(p->nareas, sizeof *p->areas);
	for (size_t i = 0; i < p->nareas; i++) {
		struct planfile_area *a = &p->areas[i];

		a->service_area = hostile(s);
		a->week = (int)i + 2;
		a->on_site_from = start + 7 * (date_t)(i + 1);
		a->on_site_to = a->on_site_from + 3;
		a->notify_on = i % 2 ? a->on_site_from - 5 : 0;
		a->reason = i == 3 ? NULL : hostile(s);
	}
	p->ndeploy = 16;
	p->deploy = calloc(p->ndeploy, sizeof *p->deploy);
	for (size_t i = 0; i < p->ndeploy; i++) {
		struct planfile_deploy *d = &p->deploy[i];

		d->date = start + (date_t)(i % 8);
		d->name = strdup(i < 8 ? "\xc3\x89ve O'Brien, lead; \\ \"x\"" : "Bo\nSmith");
		d->role = i % 5 == 0 ? NULL : strdup("inspector");
		d->location = i % 7 == 3 ? strdup("off-site") : hostile(s);
	}
	return p;
}

START_TEST(plan_calendars)
{
	uint64_t s = 42;

	for (int round = 0; round < 20; round++) {
		struct planfile *cur = hostile_plan(&s, round),
		                *prev = hostile_plan(&s, 70 + round);
		static const char *const people[] = {NULL, "\xc3\x89ve O'Brien, lead; \\ \"x\"",
		                                     "Bo\nSmith", "nobody"};

		for (size_t k = 0; k < 4; k++) {
			struct icstext c;
			char *text, *again;

			ics_build_of(&c, cur, round % 2 ? prev : NULL, people[k]);
			assert_as_libical(&c);
			text = ics_string_of(cur, round % 2 ? prev : NULL, people[k]);
			again = icstext_string(&c);
			ck_assert_str_eq(text, again);
			free(text);
			free(again);
			icstext_free(&c);
		}
		planfile_free(cur);
		planfile_free(prev);
	}
}
END_TEST

START_TEST(observation_calendars)
{
	uint64_t s = 7;
	size_t compared = 0;

	for (int round = 0; round < 30; round++) {
		struct observe_opp opps[6];
		struct observe_slot slots[3];
		struct observe_assignment assign[6];
		struct observe_result r;
		char *strings[15];
		size_t ns = 0;
		struct icstext c;

		memset(&r, 0, sizeof r);
		for (size_t i = 0; i < 3; i++) {
			memset(&slots[i], 0, sizeof slots[i]);
			slots[i].name = strings[ns++] = hostile(&s);
		}
		for (size_t i = 0; i < 6; i++) {
			memset(&opps[i], 0, sizeof opps[i]);
			opps[i].id = strings[ns++] = hostile(&s);
			opps[i].area = i % 2 ? strings[ns++] = hostile(&s) : "Area, North; \\";
			opps[i].date = 740000 + (date_t)(rnd(&s) % 500);
			opps[i].start = (int)(rnd(&s) % (24 * 60));
			opps[i].end = opps[i].start + (int)(rnd(&s) % 300) + 1;
			opps[i].type = (enum observe_type)(rnd(&s) % OBSERVE_NTYPES);
			opps[i].travel = (int)(rnd(&s) % 200);
			assign[i].opp = i;
			assign[i].slot = rnd(&s) % 3;
		}
		r.nassign = (size_t)round % 7;
		r.assign = assign;
		obsics_build(&c, &r, opps, slots);
		compared += assert_as_libical(&c);
		icstext_free(&c);
		while (ns > 0)
			free(strings[--ns]);
	}
	ck_assert_uint_eq(compared, 30);
}
END_TEST

START_TEST(cycle_calendars)
{
	uint64_t s = 99;
	size_t compared = 0;

	for (int round = 0; round < 30; round++) {
		struct cycle_row rows[8];
		struct cycle cy;
		struct icstext c;

		memset(&cy, 0, sizeof cy);
		cy.profile = "handbook-2014";
		cy.last = 739000 + (date_t)(rnd(&s) % 3000);
		for (size_t i = 0; i < 8; i++) {
			rows[i].key = hostile(&s);
			rows[i].event = hostile(&s);
			rows[i].date = cy.last + (date_t)(rnd(&s) % 1500);
			rows[i].until = i % 2 ? rows[i].date + 30 : -1;
			rows[i].status = (enum cycle_status)(rnd(&s) % 5);
			rows[i].reason = i == 5 ? NULL : hostile(&s);
		}
		if (round == 0)
			rows[0].date = DATES_MAX; /* its DTEND is in the year 10000 */
		cy.rows = rows;
		cy.nrows = (size_t)round % 9;
		cycle_ics_build(&c, &cy);
		compared += assert_as_libical(&c);
		icstext_free(&c);
		for (size_t i = 0; i < 8; i++) {
			free(rows[i].key);
			free(rows[i].event);
			free(rows[i].reason);
		}
	}
	ck_assert_uint_eq(compared, 30);
}
END_TEST

Suite *
make_suite_icstext(void)
{
	Suite *s = suite_create("icstext");
	TCase *tc = tcase_create("core");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, fold_every_boundary);
	tcase_add_test(tc, fold_cr_lf);
	tcase_add_test(tc, times);
	tcase_add_test(tc, random_calendars);
	tcase_add_test(tc, plan_calendars);
	tcase_add_test(tc, observation_calendars);
	tcase_add_test(tc, cycle_calendars);
	suite_add_tcase(s, tc);
	return s;
}
