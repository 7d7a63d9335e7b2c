/*
 * test_observe.c: the observation assignment is feasible and, at one
 * observation per inspector per day (the default), optimal: on thousands of
 * small random instances its objective equals that of a brute force over
 * every assignment; with more a day it keeps every rule; the attack instance
 * of 60 opportunities for 6 inspectors is solved; an area-day over the bound
 * is refused naming area and date; plus the rules one by one.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "plan/observe.h"

Suite *make_suite_observe(void);

static const char *const names[] = {"Ann", "Bob", "Cat", "Dan"};
static const char *const area_names[] = {"North", "South"};
static char ids[16][24];

struct inst {
	struct observe_opp opp[16];
	size_t nopp;
	struct observe_slot slot[16];
	size_t nslot;
	size_t nareas;
	int max_travel;
};

static uint64_t rng;

static unsigned
rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* A random instance: 1-2 areas, 1-2 days, 1-3 inspectors, up to 7 opportunities. */
static void
make_instance(struct inst *in)
{
	size_t a, d, p, i, ndays = 1 + rnd(2);

	memset(in, 0, sizeof *in);
	in->nareas = 1 + rnd(2);
	in->max_travel = 45;
	for (a = 0; a < in->nareas; a++)
		for (d = 0; d < ndays; d++) {
			size_t k = 1 + rnd(3);

			for (p = 0; p < k; p++) {
				struct observe_slot *s = &in->slot[in->nslot++];

				s->name = names[(a * 2 + p) % 4];
				s->area = area_names[a];
				s->date = 20000 + (date_t)d;
			}
		}
	in->nopp = 1 + rnd(7);
	for (i = 0; i < in->nopp; i++) {
		struct observe_opp *o = &in->opp[i];

		snprintf(ids[i], sizeof ids[i], "o%zu", i);
		o->id = ids[i];
		o->area = area_names[rnd(2)];
		o->date = 20000 + (date_t)rnd(2);
		o->start = 9 * 60 + 15 * (int)rnd(24);
		o->end = o->start + 30 + 30 * (int)rnd(4);
		o->type = (enum observe_type)rnd(4);
		o->travel = 15 * (int)rnd(5);
		o->consent = rnd(6) != 0;
	}
}

/* The objective as one number: areas with court duty, inspector-days, observations. */
static long
score(long areas, long idays, long obs)
{
	return areas * 1000000 + idays * 1000 + obs;
}

/* 1 when opportunity i may go to slot s at all. */
static int
allowed(const struct inst *in, size_t i, size_t s)
{
	const struct observe_opp *o = &in->opp[i];

	return o->consent && o->travel <= in->max_travel &&
	       strcmp(o->area, in->slot[s].area) == 0 && o->date == in->slot[s].date;
}

/* Score of a complete assignment (choice[i] = slot or -1); -1 if infeasible. */
static long
evaluate(const struct inst *in, const long *choice, int per_day)
{
	long idays = 0, obs = 0, areas = 0;
	size_t i, j, s, a;

	for (i = 0; i < in->nopp; i++)
		for (j = i + 1; j < in->nopp; j++)
			if (choice[i] >= 0 && choice[i] == choice[j] &&
			    !observe_compatible(&in->opp[i], &in->opp[j]))
				return -1;
	for (s = 0; s < in->nslot; s++) {
		int n = 0;

		for (i = 0; i < in->nopp; i++)
			n += choice[i] == (long)s;
		if (n > per_day)
			return -1;
	}
	for (s = 0; s < in->nslot; s++) {
		int any = 0;

		for (i = 0; i < in->nopp; i++)
			if (choice[i] == (long)s) {
				any = 1;
				obs++;
			}
		idays += any;
	}
	for (a = 0; a < in->nareas; a++)
		for (i = 0; i < in->nopp; i++)
			if (choice[i] >= 0 && in->opp[i].type == OBSERVE_COURT_DUTY &&
			    strcmp(in->opp[i].area, area_names[a]) == 0) {
				areas++;
				break;
			}
	return score(areas, idays, obs);
}

static long
brute(const struct inst *in, long *choice, size_t i)
{
	long bestv, v;
	size_t s;

	if (i == in->nopp)
		return evaluate(in, choice, 1);
	choice[i] = -1;
	bestv = brute(in, choice, i + 1);
	for (s = 0; s < in->nslot; s++) {
		if (!allowed(in, i, s))
			continue;
		choice[i] = (long)s;
		if ((v = brute(in, choice, i + 1)) > bestv)
			bestv = v;
	}
	choice[i] = -1;
	return bestv;
}

START_TEST(optimal_against_brute_force)
{
	struct inst in;
	struct observe_result r;
	struct observe_opts opts = {45, 1};
	long choice[16], got;
	char err[256];
	size_t i, t;

	rng = 0x9E3779B97F4A7C15ULL;
	for (t = 0; t < 3000; t++) {
		make_instance(&in);
		ck_assert_int_eq(observe_solve(in.opp, in.nopp, in.slot, in.nslot, area_names,
		                               in.nareas, &opts, &r, err, sizeof err),
		                 0);
		for (i = 0; i < in.nopp; i++)
			choice[i] = -1;
		for (i = 0; i < r.nassign; i++) {
			ck_assert_int_eq(choice[r.assign[i].opp], -1); /* each at most once */
			ck_assert(allowed(&in, r.assign[i].opp, r.assign[i].slot));
			choice[r.assign[i].opp] = (long)r.assign[i].slot;
		}
		got = evaluate(&in, choice, 1);
		ck_assert_msg(got >= 0, "instance %zu: infeasible assignment", t);
		ck_assert_msg(got == brute(&in, choice, 0), "instance %zu: %ld not optimal", t,
		              got);
		ck_assert_int_eq(got / 1000000, (long)r.nareas_court);
		observe_result_free(&r);
	}
}
END_TEST

/* A fixed instance in one area on one day with two inspectors. */
static struct observe_opp fixed[4];
static struct observe_slot fixed_slots[2] = {{"Ann", "North", 20000}, {"Bob", "North", 20000}};

static void
set_fixed(void)
{
	static const struct observe_opp base[4] = {
	    {"court", "North", 20000, 600, 720, OBSERVE_COURT_DUTY, 0, 1, 2},
	    {"office", "North", 20000, 760, 820, OBSERVE_OFFICE_APPOINTMENT, 10, 1, 3},
	    {"home", "North", 20000, 900, 960, OBSERVE_HOME_VISIT, 50, 1, 4},
	    {"meeting", "North", 20000, 600, 660, OBSERVE_MEETING, 0, 1, 5},
	};

	memcpy(fixed, base, sizeof fixed);
}

START_TEST(gap_rule)
{
	set_fixed();
	/* office starts 40 min after court ends: 30 + 10 travel fits exactly. */
	ck_assert(observe_compatible(&fixed[0], &fixed[1]));
	fixed[1].travel = 11;
	ck_assert(!observe_compatible(&fixed[0], &fixed[1]));
	ck_assert(!observe_compatible(&fixed[0], &fixed[3])); /* overlap */
}
END_TEST

START_TEST(consent_and_travel)
{
	struct observe_result r;
	const char *areas[] = {"North"};
	size_t i;

	set_fixed();
	fixed[0].consent = 0;
	struct observe_opts opts = {45, 2};
	char err[256];

	observe_solve(fixed, 4, fixed_slots, 2, areas, 1, &opts, &r, err, sizeof err);
	for (i = 0; i < r.nassign; i++) {
		ck_assert_str_ne(fixed[r.assign[i].opp].id, "court"); /* no consent */
		ck_assert_str_ne(fixed[r.assign[i].opp].id, "home"); /* 50 > 45 minutes */
	}
	ck_assert_uint_eq(r.dropped[OBSERVE_NO_CONSENT], 1);
	ck_assert_uint_eq(r.dropped[OBSERVE_TOO_FAR], 1);
	ck_assert_uint_eq(r.reason[0], OBSERVE_NO_CONSENT);
	ck_assert_uint_eq(r.reason[2], OBSERVE_TOO_FAR);
	ck_assert_uint_eq(r.nareas_court, 0);
	ck_assert_uint_eq(r.nareas_visited, 1);
	observe_result_free(&r);
	opts.max_travel = 60;
	observe_solve(fixed, 4, fixed_slots, 2, areas, 1, &opts, &r, err, sizeof err);
	ck_assert_uint_eq(r.dropped[OBSERVE_TOO_FAR], 0);
	ck_assert_uint_eq(r.nassign, 3); /* meeting, office, home: two inspectors */
	observe_result_free(&r);
	/* The travel limit holds for every type: a court duty 240 minutes away. */
	set_fixed();
	fixed[0].travel = 240;
	opts.max_travel = 45;
	observe_solve(fixed, 1, fixed_slots, 2, areas, 1, &opts, &r, err, sizeof err);
	ck_assert_uint_eq(r.nassign, 0);
	ck_assert_uint_eq(r.dropped[OBSERVE_TOO_FAR], 1);
	observe_result_free(&r);
}
END_TEST

START_TEST(court_duty_first)
{
	struct observe_result r;
	const char *areas[] = {"North"};
	struct observe_slot one[1] = {{"Ann", "North", 20000}};

	set_fixed();
	struct observe_opts opts = {45, 3};
	char err[256];

	/* One inspector: court (10:00-12:00) or meeting+office; court duty wins. */
	observe_solve(fixed, 2, one, 1, areas, 1, &opts, &r, err, sizeof err);
	ck_assert_uint_eq(r.nareas_court, 1);
	ck_assert_str_eq(fixed[r.assign[0].opp].id, "court");
	observe_result_free(&r);
}
END_TEST

START_TEST(visited_area_without_opportunities)
{
	struct observe_result r;
	const char *areas[] = {"North", "South"};

	struct observe_opts opts = {45, 1};
	char err[256];

	set_fixed();
	observe_solve(fixed, 4, fixed_slots, 2, areas, 2, &opts, &r, err, sizeof err);
	ck_assert_uint_eq(r.nareas_visited, 2);
	ck_assert_uint_eq(r.nareas_court, 1);
	observe_result_free(&r);
}
END_TEST

START_TEST(type_names)
{
	ck_assert_int_eq(observe_type_parse("court-duty"), OBSERVE_COURT_DUTY);
	ck_assert_int_eq(observe_type_parse("home-visit"), OBSERVE_HOME_VISIT);
	ck_assert_int_eq(observe_type_parse("Court duty"), -1);
	ck_assert_str_eq(observe_type_name(OBSERVE_MEETING), "meeting");
	ck_assert_int_eq(observe_type_parse("interview"), OBSERVE_INTERVIEW);
	ck_assert_str_eq(observe_reason_name(OBSERVE_TOO_FAR), "travel");
}
END_TEST

/* Issue 21's attack: 6 inspectors, n opportunities at 5-minute steps. */
static void
attack(struct observe_opp *opp, char (*id)[16], size_t n, struct observe_slot *slot)
{
	static const char *const six[] = {"A", "B", "C", "D", "E", "F"};

	for (size_t i = 0; i < 6; i++) {
		slot[i].name = six[i];
		slot[i].area = "North";
		slot[i].date = 20000;
	}
	for (size_t i = 0; i < n; i++) {
		snprintf(id[i], sizeof id[i], "o%zu", i);
		memset(&opp[i], 0, sizeof opp[i]);
		opp[i].id = id[i];
		opp[i].area = i % 2 ? "north" : "NORTH"; /* matched by label */
		opp[i].date = 20000;
		opp[i].start = 8 * 60 + 5 * (int)i;
		opp[i].end = opp[i].start + 30;
		opp[i].type = (enum observe_type)(i % OBSERVE_NTYPES);
		opp[i].consent = 1;
	}
}

START_TEST(sixty_for_six)
{
	static struct observe_opp opp[1001];
	static char id[1001][16];
	struct observe_slot slot[6];
	const char *areas[] = {"North"};
	struct observe_opts opts = {45, 1};
	struct observe_result r;
	char err[256];
	size_t i, j, per[6];

	attack(opp, id, 60, slot);
	ck_assert_int_eq(observe_solve(opp, 60, slot, 6, areas, 1, &opts, &r, err, sizeof err), 0);
	ck_assert_uint_eq(r.nassign, 6); /* one each */
	ck_assert_uint_eq(r.nareas_court, 1);
	ck_assert_uint_eq(r.dropped[OBSERVE_NOT_NEEDED], 54);
	observe_result_free(&r);
	opts.per_day = 10;
	ck_assert_int_eq(observe_solve(opp, 60, slot, 6, areas, 1, &opts, &r, err, sizeof err), 0);
	memset(per, 0, sizeof per);
	for (i = 0; i < r.nassign; i++) {
		per[r.assign[i].slot]++;
		for (j = 0; j < r.nassign; j++)
			if (i != j && r.assign[i].slot == r.assign[j].slot)
				ck_assert(observe_compatible(&opp[r.assign[i].opp],
				                             &opp[r.assign[j].opp]));
	}
	for (i = 0; i < 6; i++)
		ck_assert(per[i] >= 1 && per[i] <= 10);
	observe_result_free(&r);
	/* Over the bound: refused, naming area and date. */
	attack(opp, id, 1001, slot);
	ck_assert_int_eq(observe_solve(opp, 1001, slot, 6, areas, 1, &opts, &r, err, sizeof err),
	                 -1);
	ck_assert_msg(strstr(err, "North") != NULL && strstr(err, "2024-10-04") != NULL, "%s", err);
	ck_assert_uint_eq(r.nassign, 0);
	observe_result_free(&r);
}
END_TEST

Suite *
make_suite_observe(void)
{
	Suite *s = suite_create("observe");
	TCase *tc = tcase_create("solve");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, optimal_against_brute_force);
	tcase_add_test(tc, gap_rule);
	tcase_add_test(tc, consent_and_travel);
	tcase_add_test(tc, court_duty_first);
	tcase_add_test(tc, visited_area_without_opportunities);
	tcase_add_test(tc, type_names);
	tcase_add_test(tc, sixty_for_six);
	suite_add_tcase(s, tc);
	return s;
}
