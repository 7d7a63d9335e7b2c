/*
 * test_areas.c: the balanced choice of service areas: every para-31
 * criterion represented, weeks filled 3/3/2 (or 3/3/1), the result
 * independent of input order, --include and --exclude honoured, and the
 * errors for unknown names and too few areas.
 */
#include <check.h>
#include <string.h>

#include "plan/areas.h"

Suite *make_suite_areas(void);

static const struct {
	const char *name;
	double perf, vol;
	const char *last;
	long intel;
} rows[] = {
    {"North East", 72, 980, "2019-05-14", 0},
    {"Cumbria and Lancashire", 64, 1210, "2018-03-02", 1},
    {"Greater Manchester", 81, 2240, "2021-06-11", 0},
    {"Merseyside and Cheshire", 58, 1630, "2020-01-20", 3},
    {"Yorkshire North and East", 77, 890, "2017-11-08", 0},
    {"West Yorkshire", 69, 1720, "2022-02-15", 0},
    {"South Yorkshire", 74, 1100, "2019-09-30", 0},
    {"East Midlands", 83, 1540, "2020-10-05", 0},
    {"West Midlands", 61, 2050, "2021-03-18", 2},
    {"Birmingham and Solihull", 66, 1460, "2018-07-23", 0},
    {"East of England", 79, 1880, "2022-05-09", 0},
    {"London North", 71, 2310, "2020-06-29", 0},
    {"London South", 88, 2120, "2019-02-11", 0},
    {"Thames Valley", 85, 1190, "2021-09-14", 0},
    {"Kent and Sussex", 75, 1650, "2016-04-01", 0},
    {"South West", 80, 1320, "2018-12-03", 0},
    {"Wessex", 67, 1010, "2020-04-27", 1},
};
#define NROWS (sizeof rows / sizeof rows[0])

/* The list in the order given by perm (identity when NULL). */
static void
make_list(struct areas_list *l, const size_t *perm)
{
	memset(l, 0, sizeof *l);
	for (size_t i = 0; i < NROWS; i++) {
		size_t k = perm ? perm[i] : i;
		date_t d;

		ck_assert_int_eq(dates_parse(rows[k].last, &d), 0);
		areas_add(l, rows[k].name, rows[k].perf, rows[k].vol, d, rows[k].intel);
	}
}

static int
chosen(const struct areas_choice *ch, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(ch[i].area->name, name) == 0)
			return ch[i].week;
	return 0;
}

static const struct {
	size_t visits, w5;
} shapes[] = {{8, 2}, {7, 1}};

START_TEST(balanced_sample)
{
	struct areas_week weeks[] = {{3, 3}, {4, 3}, {5, shapes[_i].w5}};
	struct areas_list l;
	struct areas_choice *ch;
	size_t n, per[6] = {0};
	char err[256];

	make_list(&l, NULL);
	ck_assert_int_eq(areas_choose(&l, weeks, 3, NULL, 0, NULL, 0, &ch, &n, err, sizeof err), 0);
	ck_assert_uint_eq(n, shapes[_i].visits);
	for (size_t i = 0; i < n; i++) {
		per[ch[i].week]++;
		ck_assert_ptr_nonnull(ch[i].reason);
		for (size_t j = 0; j < i; j++)
			ck_assert_ptr_ne(ch[i].area, ch[j].area);
		if (i > 0) /* week order */
			ck_assert_int_le(ch[i - 1].week, ch[i].week);
	}
	ck_assert_uint_eq(per[3], 3);
	ck_assert_uint_eq(per[4], 3);
	ck_assert_uint_eq(per[5], shapes[_i].w5);
	ck_assert_int_ne(chosen(ch, n, "Merseyside and Cheshire"),
	                 0); /* most intelligence, weakest */
	ck_assert_int_ne(chosen(ch, n, "London South"), 0); /* strongest */
	ck_assert_int_ne(chosen(ch, n, "London North"), 0); /* highest volume */
	ck_assert_int_ne(chosen(ch, n, "Kent and Sussex"), 0); /* longest since inspected */
	ck_assert_int_ne(chosen(ch, n, "West Midlands"), 0); /* second most intelligence */
	areas_choices_free(ch, n);
	areas_free(&l);
}
END_TEST

START_TEST(order_independent)
{
	struct areas_week weeks[] = {{3, 3}, {4, 3}, {5, 2}};
	size_t perm[NROWS];
	struct areas_list a, b;
	struct areas_choice *ca, *cb;
	size_t na, nb;
	char err[256];

	for (size_t i = 0; i < NROWS; i++)
		perm[i] = (i * 7 + 3) % NROWS; /* 7 and 17 are coprime */
	make_list(&a, NULL);
	make_list(&b, perm);
	ck_assert_int_eq(areas_choose(&a, weeks, 3, NULL, 0, NULL, 0, &ca, &na, err, sizeof err),
	                 0);
	ck_assert_int_eq(areas_choose(&b, weeks, 3, NULL, 0, NULL, 0, &cb, &nb, err, sizeof err),
	                 0);
	ck_assert_uint_eq(na, nb);
	for (size_t i = 0; i < na; i++) {
		ck_assert_str_eq(ca[i].area->name, cb[i].area->name);
		ck_assert_int_eq(ca[i].week, cb[i].week);
		ck_assert_str_eq(ca[i].reason, cb[i].reason);
	}
	areas_choices_free(ca, na);
	areas_choices_free(cb, nb);
	areas_free(&a);
	areas_free(&b);
}
END_TEST

START_TEST(include_exclude)
{
	struct areas_week weeks[] = {{3, 3}, {4, 3}, {5, 2}};
	const char *inc[] = {"wessex", "North East"};
	const char *exc[] = {"Merseyside and Cheshire", "London South"};
	struct areas_list l;
	struct areas_choice *ch;
	size_t n;
	char err[256];

	make_list(&l, NULL);
	ck_assert_int_eq(areas_choose(&l, weeks, 3, inc, 2, exc, 2, &ch, &n, err, sizeof err), 0);
	ck_assert_uint_eq(n, 8);
	ck_assert_int_eq(chosen(ch, n, "Wessex"), 3);
	ck_assert_int_eq(chosen(ch, n, "North East"), 4);
	ck_assert_int_eq(chosen(ch, n, "Merseyside and Cheshire"), 0);
	ck_assert_int_eq(chosen(ch, n, "London South"), 0);
	/* The next strongest and the next with intelligence take their places. */
	ck_assert_int_ne(chosen(ch, n, "Thames Valley"), 0);
	ck_assert_int_ne(chosen(ch, n, "West Midlands"), 0);
	for (size_t i = 0; i < n; i++)
		if (strcmp(ch[i].area->name, "Wessex") == 0)
			ck_assert_str_eq(ch[i].reason, "named with --include");
	areas_choices_free(ch, n);
	areas_free(&l);
}
END_TEST

static const struct {
	const char *inc, *exc, *want;
	size_t nexclude_all;
} errors[] = {
    {"Atlantis", NULL, "no such service area", 0},
    {NULL, "Atlantis", "no such service area", 0},
    {"Wessex", "Wessex", "both included and excluded", 0},
    {NULL, NULL, "only 7 are available", 10},
};

START_TEST(choice_errors)
{
	struct areas_week weeks[] = {{3, 3}, {4, 3}, {5, 2}};
	const char *exc[NROWS];
	size_t nexc = 0, n = 99;
	struct areas_list l;
	struct areas_choice *ch = NULL;
	char err[256] = "";

	make_list(&l, NULL);
	if (errors[_i].exc)
		exc[nexc++] = errors[_i].exc;
	for (size_t i = 0; i < errors[_i].nexclude_all; i++)
		exc[nexc++] = rows[i].name;
	ck_assert_int_eq(areas_choose(&l, weeks, 3, errors[_i].inc ? &errors[_i].inc : NULL,
	                              errors[_i].inc ? 1 : 0, exc, nexc, &ch, &n, err, sizeof err),
	                 -1);
	ck_assert_ptr_null(ch);
	ck_assert_uint_eq(n, 0);
	ck_assert_msg(strstr(err, errors[_i].want) != NULL, "%s", err);
	areas_free(&l);
}
END_TEST

START_TEST(read_file)
{
	struct areas_list l;
	char err[256];

	ck_assert_int_eq(areas_read("../cmd/plan-weeks/data/areas.csv", 0, &l, err, sizeof err), 0);
	ck_assert_uint_eq(l.n, 17);
	ck_assert_int_eq(areas_find(&l, "KENT AND SUSSEX"), 14);
	ck_assert_int_eq(l.items[14].last_inspected, -1); /* blank: never inspected */
	ck_assert_int_eq(l.items[3].intelligence, 3);
	ck_assert_uint_eq(l.items[0].line, 2);
	areas_free(&l);
	ck_assert_int_eq(
	    areas_read("../cmd/plan-weeks/bad-areas/areas.csv", 0, &l, err, sizeof err), -1);
	ck_assert_msg(strstr(err, ":3: performance: not a number") != NULL, "%s", err);
}
END_TEST

Suite *
make_suite_areas(void)
{
	Suite *s = suite_create("areas");
	TCase *tc = tcase_create("core");

	tcase_add_loop_test(tc, balanced_sample, 0, sizeof shapes / sizeof shapes[0]);
	tcase_add_test(tc, order_independent);
	tcase_add_test(tc, include_exclude);
	tcase_add_loop_test(tc, choice_errors, 0, sizeof errors / sizeof errors[0]);
	tcase_add_test(tc, read_file);
	suite_add_tcase(s, tc);
	return s;
}
