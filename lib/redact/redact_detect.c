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

/* Propose the spans of every pattern detector. */
void
redact_run_patterns(struct redact *r, const char *s, size_t len, size_t digits, int has_at)
{
	size_t i, from, so, eo, gso, geo;

	for (i = 0; i < r->ndet; i++) {
		const struct detector *d = &r->det[i];

		if (d->type == REDACT_EMAIL ? !has_at : digits == 0 || digits < d->min_digits)
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
		d->group = (unsigned)jsonio_int(p, "group", 0);
		d->min_digits = (size_t)jsonio_int(p, "min_digits", 0);
		d->check = strcmp(check, "nhs") == 0  ? CHECK_NHS
		           : strcmp(check, "ni") == 0 ? CHECK_NI
		                                      : CHECK_NONE;
		r->ndet++;
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
