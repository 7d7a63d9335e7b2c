/*
 * test_jsonpool.c: Jansson's values made in the pool read back whole (many
 * small ones, growing arrays and objects, a string larger than the first
 * block), values made before it freed while it is on and after it ends,
 * values made after it freed as usual, a nested begin doing nothing more,
 * and the pool started again after it ends.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/jsonpool.h"

#if defined(__SANITIZE_ADDRESS__)
#define POOLED 0 /* the pool is off under AddressSanitizer */
#else
#define POOLED 1
#endif

/* A tree of n objects {"key": "value i", "n": i, "list": [0..i%5]} in an array. */
static json_t *
make_tree(size_t n)
{
	json_t *arr = json_array(), *obj, *list;
	char val[32];
	size_t i, j;

	for (i = 0; i < n; i++) {
		obj = json_object();
		snprintf(val, sizeof val, "value %zu", i);
		json_object_set_new(obj, "key", json_string(val));
		json_object_set_new(obj, "n", json_integer((json_int_t)i));
		list = json_array();
		for (j = 0; j < i % 5; j++)
			json_array_append_new(list, json_integer((json_int_t)j));
		json_object_set_new(obj, "list", list);
		json_array_append_new(arr, obj);
	}
	return arr;
}

/* Fail unless arr is make_tree(n)'s. */
static void
check_tree(const json_t *arr, size_t n)
{
	const json_t *obj;
	char val[32];
	size_t i;

	ck_assert_uint_eq(json_array_size(arr), n);
	for (i = 0; i < n; i++) {
		obj = json_array_get(arr, i);
		snprintf(val, sizeof val, "value %zu", i);
		ck_assert_str_eq(json_string_value(json_object_get(obj, "key")), val);
		ck_assert_int_eq(json_integer_value(json_object_get(obj, "n")), (json_int_t)i);
		ck_assert_uint_eq(json_array_size(json_object_get(obj, "list")), i % 5);
	}
}

START_TEST(test_pool_round)
{
	json_t *before = make_tree(50), *tree, *inner, *after, *big;
	static char text[100000];
	int started, round;

	for (round = 0; round < 3; round++) {
		started = jsonpool_begin();
		ck_assert_int_eq(started, POOLED);
		ck_assert_int_eq(jsonpool_begin(), 0); /* nested: nothing more */
		tree = make_tree(3000);
		memset(text, 'a' + round, sizeof text - 1);
		big = json_string(text); /* larger than the first block */
		ck_assert_uint_eq(strlen(json_string_value(big)), sizeof text - 1);
		json_array_append_new(tree, big);
		inner = json_loads("{\"a\": [1, 2, {\"b\": \"c\"}], \"d\": \"\\u00e9\"}", 0, NULL);
		ck_assert_ptr_nonnull(inner);
		ck_assert_str_eq(json_string_value(json_object_get(inner, "d")), "\xc3\xa9");
		jsonpool_end(0, inner); /* the nested pair's end frees only its tree */
		json_array_remove(tree, 3000);
		check_tree(tree, 3000);
		if (round == 1) {
			check_tree(before, 50);
			json_decref(before); /* made before the pool, freed while it is on */
			before = NULL;
		}
		jsonpool_end(started, tree);
		after = make_tree(100); /* made and freed outside the pool */
		check_tree(after, 100);
		json_decref(after);
	}
	ck_assert_ptr_null(before);
}
END_TEST

START_TEST(test_pool_outlived_by_older)
{
	json_t *before = make_tree(20), *tree;
	int started = jsonpool_begin();

	ck_assert_int_eq(started, POOLED);
	tree = make_tree(200);
	check_tree(tree, 200);
	jsonpool_end(started, tree);
	check_tree(before, 20); /* untouched by the pool's end */
	json_decref(before);
}
END_TEST

Suite *make_suite_jsonpool(void);

Suite *
make_suite_jsonpool(void)
{
	Suite *s = suite_create("jsonpool");
	TCase *tc = tcase_create("jsonpool");

	tcase_add_test(tc, test_pool_round);
	tcase_add_test(tc, test_pool_outlived_by_older);
	suite_add_tcase(s, tc);
	return s;
}
