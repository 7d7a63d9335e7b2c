/*
 * jsonio_fast.h: a quick reader for well-formed JSON, building the same
 * Jansson values as json_loadb(buf, len, JSON_REJECT_DUPLICATES) does, in
 * the same order, at about half the instructions. It never reports an
 * error: on anything it is not sure of (a syntax error, a duplicate key,
 * \u0000, a number too long or out of range, bytes that are not UTF-8,
 * nesting deeper than JSONIO_FAST_DEPTH) it answers NULL, and the caller
 * asks Jansson, whose message (and line and column) then stands. What it
 * accepts, Jansson accepts with an equal value (tests/unit/test_jsonio.c,
 * tests/fuzz/fuzz_jsonio_fast.c).
 */
#ifndef JSONIO_FAST_H
#define JSONIO_FAST_H

#include <stddef.h>

#include <jansson.h>

#define JSONIO_FAST_DEPTH 512 /* deeper documents go to Jansson (its limit is 2048) */

/* The document in buf[0..len) (an object or an array), or NULL: ask Jansson. */
json_t *jsonio_fast_parse(const char *buf, size_t len);

#endif
