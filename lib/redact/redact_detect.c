/*
 * redact_detect.c: the pattern detectors of share/redact/patterns.json
 * (e-mail addresses, phone numbers, postcodes, NI and NHS numbers, dates of
 * birth), the validators some of them need (NHS check digit, NI prefixes of
 * share/redact/ni.json), and their run over a text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/jsonio.h"
#include "core/xalloc.h"
#include "redact/redact-impl.h"

int
redact_nhs_valid(const char *d)
{
	int i, sum = 0, check;

	for (i = 0; i < 10; i++)
		if (d[i] < '0' || d[i] > '9')
			return 0;
	for (i = 0; i < 9; i++)
		sum += (d[i] - '0') * (10 - i);
	check = 11 - sum % 11;
	if (check == 11)
		check = 0;
	return check != 10 && check == d[9] - '0';
}

int
redact_ni_prefix_valid(const struct redact *r, const char *p)
{
	char a = p[0], b = p[1];
	size_t i;

	if (a >= 'a' && a <= 'z')
		a = (char)(a - 'a' + 'A');
	if (b >= 'a' && b <= 'z')
		b = (char)(b - 'a' + 'A');
	if (a < 'A' || a > 'Z' || b < 'A' || b > 'Z')
		return 0;
	if (strchr(r->ni_first_not, a) != NULL || strchr(r->ni_second_not, b) != NULL)
		return 0;
	for (i = 0; i < r->nni_invalid; i++)
		if (r->ni_invalid[i][0] == a && r->ni_invalid[i][1] == b)
			return 0;
	return 1;
}

/* 1 when the match passes the detector's validator. */
static int
check_match(const struct redact *r, const struct detector *d, const char *s, size_t so, size_t eo)
{
	char digits[11];
	size_t i, n = 0;

	switch (d->check) {
	case CHECK_NHS:
		for (i = so; i < eo; i++)
			if (s[i] >= '0' && s[i] <= '9') {
				if (n == 10)
					return 0;
				digits[n++] = s[i];
			}
		digits[n] = '\0';
		return n == 10 && redact_nhs_valid(digits);
	case CHECK_NI:
		return redact_ni_prefix_valid(r, s + so);
	default:
		return 1;
	}
}

/* The most ASCII digits in one run of s, a digit at most gap bytes after the one before. */
static size_t
digit_run(const char *s, size_t len, size_t gap)
{
	size_t i, last = 0, run = 0, best = 0;

	for (i = 0; i < len; i++)
		if (s[i] >= '0' && s[i] <= '9') {
			run = run > 0 && i - last <= gap ? run + 1 : 1;
			last = i;
			if (run > best)
				best = run;
		}
	return best;
}

/* c lowered when it is an ASCII capital. */
static unsigned char
ascii_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* 1 when byte c stands for shape byte x (# an ASCII digit, & an ASCII letter, else x in any case).
 */
static int
shape_byte(unsigned char c, unsigned char x)
{
	if (x == '#')
		return c >= '0' && c <= '9';
	if (x == '&')
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	return ascii_lower(c) == ascii_lower(x);
}

/* 1 when shape (# an ASCII digit, & an ASCII letter, else the byte in any case) is at s[i]. */
static int
shape_at(const char *s, size_t len, size_t i, const char *shape)
{
	for (; *shape != '\0'; shape++, i++) {
		unsigned char c;

		if (i >= len)
			return 0;
		c = (unsigned char)s[i];
		if (!shape_byte(c, (unsigned char)*shape))
			return 0;
	}
	return 1;
}

int
redact_may_match(const struct detector *d, const char *s, size_t len)
{
	size_t i, k;

	if (d->run > 0 && digit_run(s, len, d->gap) < d->run)
		return 0;
	for (k = 0; k < d->nneeds; k++) {
		unsigned char x = (unsigned char)d->needs[k][0], lo = ascii_lower(x),
		              up = lo >= 'a' && lo <= 'z' ? (unsigned char)(lo - 'a' + 'A') : lo;

		for (i = 0; i < len; i++) {
			unsigned char c = (unsigned char)s[i];

			if ((x == '#' || x == '&' ? shape_byte(c, x) : c == lo || c == up) &&
			    shape_at(s, len, i, d->needs[k]))
				return 1;
		}
	}
	return d->nneeds == 0;
}

void
redact_run_patterns(struct redact *r, const char *s, size_t len, size_t digits, int has_at)
{
	size_t i, from, so, eo, gso, geo;
	int ascii = 1;

	for (i = 0; i < len && ascii; i++)
		ascii = (unsigned char)s[i] < 0x80;
	for (i = 0; i < r->ndet; i++) {
		const struct detector *d = &r->det[i];

		if (d->type == REDACT_EMAIL ? !has_at : digits == 0 || digits < d->min_digits)
			continue;
		if (ascii && !redact_may_match(d, s, len))
			continue;
		for (from = 0; from < len && rx_search(d->rx, s, len, from, &so, &eo) == 1;) {
			gso = so;
			geo = eo;
			if (d->group > 0 && rx_group(d->rx, d->group, &gso, &geo) != 1)
				gso = geo = so;
			if (geo > gso && check_match(r, d, s, gso, geo) &&
			    !redact_protected(r, gso, geo, 0))
				redact_push_span(&r->spans, &r->nspans, &r->spancap, gso, geo,
				                 (int)d->type, (int)i);
			from = eo > so ? eo : so + 1;
		}
	}
}

/*
 * Read what every match of pattern i holds ("digit_run": [run, gap];
 * "needs": shapes, one of which is in each match) into d; -1 with err set
 * when the declaration is malformed.
 */
static int
load_needs(struct detector *d, json_t *p, size_t i, char *err, size_t errsz)
{
	json_t *run = json_object_get(p, "digit_run"), *needs = json_object_get(p, "needs"), *v;
	size_t k;

	if (run != NULL) {
		if (!json_is_array(run) || json_array_size(run) != 2 ||
		    !json_is_integer(json_array_get(run, 0)) ||
		    !json_is_integer(json_array_get(run, 1)) ||
		    json_integer_value(json_array_get(run, 0)) < 1 ||
		    json_integer_value(json_array_get(run, 1)) < 1) {
			snprintf(err, errsz,
			         "redact/patterns.json: pattern %zu: digit_run: not [run, gap]",
			         i + 1);
			return -1;
		}
		d->run = (size_t)json_integer_value(json_array_get(run, 0));
		d->gap = (size_t)json_integer_value(json_array_get(run, 1));
	}
	if (needs == NULL)
		return 0;
	if (!json_is_array(needs) || json_array_size(needs) == 0) {
		snprintf(err, errsz, "redact/patterns.json: pattern %zu: needs: not a list", i + 1);
		return -1;
	}
	d->needs = xcalloc(json_array_size(needs), sizeof(char *));
	json_array_foreach(needs, k, v)
	{
		if (!json_is_string(v) || *json_string_value(v) == '\0') {
			snprintf(err, errsz,
			         "redact/patterns.json: pattern %zu: needs: not a shape", i + 1);
			return -1;
		}
		d->needs[d->nneeds++] = xstrdup(json_string_value(v));
	}
	return 0;
}

size_t
redact_prefilter_misses(struct redact *r, const char *s, size_t len, size_t *skipped, size_t *found)
{
	size_t i, misses = 0, so, eo;

	for (i = 0; i < r->ndet; i++) {
		int may = redact_may_match(&r->det[i], s, len),
		    hit = rx_search(r->det[i].rx, s, len, 0, &so, &eo) == 1;

		*skipped += !may;
		*found += hit;
		misses += hit && !may;
	}
	return misses;
}

/* Compile the detectors of share/redact/patterns.json. */
int
redact_load_patterns(struct redact *r, char *err, size_t errsz)
{
	json_t *root, *arr, *p;
	size_t i;
	char rxerr[256];

	if ((root = redact_load_data("redact/patterns.json", err, errsz)) == NULL)
		return -1;
	arr = json_object_get(root, "patterns");
	r->det = xcalloc(json_array_size(arr) + 1, sizeof(*r->det));
	json_array_foreach(arr, i, p)
	{
		struct detector *d = &r->det[r->ndet];
		const char *check = jsonio_str(p, "check", "");

		d->type = redact_type_of(jsonio_str(p, "type", NULL));
		if (d->type == REDACT_NONE || d->type == REDACT_NAME) {
			snprintf(err, errsz, "redact/patterns.json: pattern %zu: unknown type",
			         i + 1);
			json_decref(root);
			return -1;
		}
		d->rx = rx_new(jsonio_str(p, "pattern", ""),
		               json_is_true(json_object_get(p, "caseless")) ? RX_CASELESS : 0,
		               rxerr, sizeof(rxerr));
		if (d->rx == NULL) {
			snprintf(err, errsz, "redact/patterns.json: pattern %zu: %s", i + 1, rxerr);
			json_decref(root);
			return -1;
		}
		r->ndet++; /* freed with r from here on */
		d->group = (unsigned)jsonio_int(p, "group", 0);
		d->min_digits = (size_t)jsonio_int(p, "min_digits", 0);
		d->check = strcmp(check, "nhs") == 0  ? CHECK_NHS
		           : strcmp(check, "ni") == 0 ? CHECK_NI
		                                      : CHECK_NONE;
		if (load_needs(d, p, i, err, errsz) == -1) {
			json_decref(root);
			return -1;
		}
	}
	p = json_object_get(root, "bracket_date");
	if (p != NULL && (r->bdate = rx_new(jsonio_str(p, "pattern", ""), RX_CASELESS, rxerr,
	                                    sizeof(rxerr))) == NULL) {
		snprintf(err, errsz, "redact/patterns.json: bracket_date: %s", rxerr);
		json_decref(root);
		return -1;
	}
	json_decref(root);
	return 0;
}

/* Propose a date of birth for each full date in brackets right after a name found. */
void
redact_run_bracket_dates(struct redact *r, const char *s, size_t len)
{
	size_t i, n = r->nspans, so, eo, gso, geo, lim;

	if (r->bdate == NULL)
		return;
	for (i = 0; i < n; i++) {
		if (r->spans[i].type != REDACT_NAME || r->spans[i].eo >= len)
			continue;
		/* a bracketed date is short: look no further than 80 bytes on */
		lim = r->spans[i].eo + 80 < len ? r->spans[i].eo + 80 : len;
		if (rx_search(r->bdate, s, lim, r->spans[i].eo, &so, &eo) == 1 &&
		    so == r->spans[i].eo && rx_group(r->bdate, 1, &gso, &geo) == 1 && geo > gso)
			redact_push_span(&r->spans, &r->nspans, &r->spancap, gso, geo, REDACT_DOB,
			                 0);
	}
}

/* Load the NI prefix rules of share/redact/ni.json. */
int
redact_load_ni(struct redact *r, char *err, size_t errsz)
{
	json_t *root, *arr, *v;
	size_t i;

	if ((root = redact_load_data("redact/ni.json", err, errsz)) == NULL)
		return -1;
	snprintf(r->ni_first_not, sizeof(r->ni_first_not), "%s", jsonio_str(root, "first_not", ""));
	snprintf(r->ni_second_not, sizeof(r->ni_second_not), "%s",
	         jsonio_str(root, "second_not", ""));
	arr = json_object_get(root, "invalid_prefixes");
	r->ni_invalid = xcalloc(json_array_size(arr) + 1, sizeof(*r->ni_invalid));
	json_array_foreach(arr, i, v)
	{
		const char *s = json_string_value(v);

		if (s != NULL && strlen(s) == 2)
			memcpy(r->ni_invalid[r->nni_invalid++], s, 3);
	}
	json_decref(root);
	return 0;
}
