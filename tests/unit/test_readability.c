/*
 * test_readability.c: syllables of words, counts of sentences and words,
 * and the Flesch figures on texts whose scores are published (the
 * Wikipedia article "Flesch-Kincaid readability tests" gives 116 for "The
 * cat sat on the mat." and 69 for its sentence about a reading passage).
 */
#include <check.h>
#include <math.h>
#include <string.h>

#include "core/readability.h"

Suite *make_suite_readability(void);

static const struct {
	const char *word;
	size_t syllables;
} words[] = {
    {"cat", 1},        {"table", 2},    {"make", 1},       {"liked", 1},      {"wanted", 2},
    {"boxes", 2},      {"families", 3}, {"children", 2},   {"children's", 2}, {"court", 1},
    {"inspection", 3}, {"you", 1},      {"yes", 1},        {"happy", 2},      {"listened", 2},
    {"Cafcass", 2},    {"people", 2},   {"judges", 2},     {"helped", 1},     {"the", 1},
    {"being", 2},      {"going", 2},    {"understand", 3}, {"a", 1},          {"agreed", 2},
    {"sentence", 2},   {"passage", 2},  {"prove", 1},      {"point", 1},      {"used", 1},
    {"long-term", 2},  {"ABLE", 2},     {"2027", 4},
};

START_TEST(syllables_of_words)
{
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		ck_assert_msg(readability_syllables(words[i].word, strlen(words[i].word)) ==
		                  words[i].syllables,
		              "%s: got %zu, want %zu", words[i].word,
		              readability_syllables(words[i].word, strlen(words[i].word)),
		              words[i].syllables);
}
END_TEST

static const struct {
	const char *text;
	size_t sentences, words, syllables;
} counts[] = {
    {"The cat sat on the mat.", 1, 6, 6},
    {"We read the files. They were good!", 2, 7, 7},
    {"Mr. Smith met Dr. Jones, e.g. at court.", 1, 8, 8},
    {"It rose by 2.5 per cent.", 1, 6, 7},
    {"Good work\n\nMore help", 2, 4, 4},
    {"Did you talk to us? Yes... we did", 3, 8, 8},
    {"Children\xe2\x80\x99s views \xe2\x80\x94 heard.", 1, 3, 4},
    {"", 0, 0, 0},
    {"  ... !! ", 0, 0, 0},
};

START_TEST(counts_sentences_words_syllables)
{
	struct readability r;
	size_t i;

	for (i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		readability_measure(counts[i].text, strlen(counts[i].text), &r);
		ck_assert_msg(r.sentences == counts[i].sentences, "[%zu] sentences %zu", i,
		              r.sentences);
		ck_assert_msg(r.words == counts[i].words, "[%zu] words %zu", i, r.words);
		ck_assert_msg(r.syllables == counts[i].syllables, "[%zu] syllables %zu", i,
		              r.syllables);
	}
}
END_TEST

START_TEST(published_scores)
{
	static const char cat[] = "The cat sat on the mat.";
	static const char passage[] = "This sentence, taken as a reading passage unto itself, is "
	                              "being used to prove a point.";
	struct readability r;

	readability_measure(cat, strlen(cat), &r);
	ck_assert(fabs(r.ease - 116.145) < 0.001);
	ck_assert(fabs(r.grade - -1.45) < 0.001);
	ck_assert(fabs(r.age - 3.55) < 0.001);
	readability_measure(passage, strlen(passage), &r);
	ck_assert_uint_eq(r.words, 16);
	ck_assert_uint_eq(r.syllables, 23);
	ck_assert_int_eq((int)lround(r.ease), 69);
}
END_TEST

START_TEST(plain_words_read_younger_than_legal_prose)
{
	static const char plain[] = "Cafcass workers listen to children. They tell the judge what "
	                            "you want. Most of the time they do this well.";
	static const char legal[] =
	    "Practitioners' consideration of the safeguarding implications of "
	    "intergenerational domestic abuse, notwithstanding organisational "
	    "commitments, remains inconsistently evidenced across the "
	    "jurisdictional operational divisions.";
	struct readability a, b;

	readability_measure(plain, strlen(plain), &a);
	readability_measure(legal, strlen(legal), &b);
	ck_assert(a.ease > 80.0);
	ck_assert(a.age <= READABILITY_MAX_AGE);
	ck_assert(b.ease < 0.0);
	ck_assert(b.age > READABILITY_MAX_AGE);
	ck_assert(a.age < b.age);
}
END_TEST

START_TEST(empty_text_has_no_figures)
{
	struct readability r;

	readability_measure("", 0, &r);
	ck_assert_uint_eq(r.words, 0);
	ck_assert(r.ease == 0.0 && r.grade == 0.0 && r.age == 0.0);
}
END_TEST

Suite *
make_suite_readability(void)
{
	Suite *s = suite_create("readability");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, syllables_of_words);
	tcase_add_test(tc, counts_sentences_words_syllables);
	tcase_add_test(tc, published_scores);
	tcase_add_test(tc, plain_words_read_younger_than_legal_prose);
	tcase_add_test(tc, empty_text_has_no_figures);
	suite_add_tcase(s, tc);
	return s;
}
