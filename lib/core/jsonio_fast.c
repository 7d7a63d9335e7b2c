/*
 * jsonio_fast.c: a quick reader for well-formed JSON (see jsonio_fast.h).
 * It follows Jansson's load.c rule for rule, where Jansson accepts: an
 * object or an array at the top, whitespace of space, tab, CR and LF only,
 * strings of valid UTF-8 without control bytes, the escapes \" \\ \/ \b \f
 * \n \r \t and \uXXXX (a high surrogate only with a low one after it),
 * integers as json_int_t and other numbers through strtod, true, false and
 * null, nothing but whitespace after the document. Wherever Jansson would
 * stop with an error, and wherever this reader is not sure it would not,
 * it answers NULL and leaves the message to Jansson.
 */
#include <errno.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/jsonio_fast.h"
#include "core/utf8.h"

struct jf {
	const unsigned char *p, *end;
	char *scratch; /* an escaped string, decoded */
	size_t cap, depth;
};

#define JF_IS_WS(c) ((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')
#define JF_IS_DIGIT(c) ((c) >= '0' && (c) <= '9')

static json_t *jf_value(struct jf *f);

static void
jf_ws(struct jf *f)
{
	while (f->p < f->end && JF_IS_WS(*f->p))
		f->p++;
}

/* Four hex digits at q as a number, or -1. */
static long
jf_hex4(const unsigned char *q, const unsigned char *end)
{
	long v = 0;
	int i, d;

	if (end - q < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		if (JF_IS_DIGIT(q[i]))
			d = q[i] - '0';
		else if (q[i] >= 'a' && q[i] <= 'f')
			d = q[i] - 'a' + 10;
		else if (q[i] >= 'A' && q[i] <= 'F')
			d = q[i] - 'A' + 10;
		else
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* Room for n more bytes after the first used of the scratch; 0 when there is none. */
static int
jf_room(struct jf *f, size_t used, size_t n)
{
	size_t cap;
	char *p;

	if (used + n <= f->cap)
		return 1;
	for (cap = f->cap ? f->cap : 256; cap < used + n; cap *= 2)
		;
	if ((p = realloc(f->scratch, cap)) == NULL)
		return 0;
	f->scratch = p;
	f->cap = cap;
	return 1;
}

/* The escape at q (after the backslash) decoded into the scratch at *used; its length, or 0. */
static size_t
jf_escape(struct jf *f, const unsigned char *q, size_t *used)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *k;
	long v, lo;
	size_t len = 5;
	char *d;

	if (q >= f->end || !jf_room(f, *used, 4))
		return 0;
	d = f->scratch + *used;
	if (*q != 'u') {
		if (*q == '\0' || (k = strchr(from, *q)) == NULL)
			return 0;
		*d = to[k - from];
		(*used)++;
		return 1;
	}
	if ((v = jf_hex4(q + 1, f->end)) <= 0 || (v >= 0xDC00 && v <= 0xDFFF))
		return 0; /* \u0000 (no JSON_ALLOW_NUL), a bad escape, a lone low surrogate */
	if (v >= 0xD800 && v <= 0xDBFF) {
		if (f->end - q < 11 || q[5] != '\\' || q[6] != 'u' ||
		    (lo = jf_hex4(q + 7, f->end)) < 0xDC00 || lo > 0xDFFF)
			return 0;
		v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
		len = 11;
	}
	if (v < 0x80)
		d[0] = (char)v, *used += 1;
	else if (v < 0x800) {
		d[0] = (char)(0xC0 | (v >> 6));
		d[1] = (char)(0x80 | (v & 0x3F));
		*used += 2;
	} else if (v < 0x10000) {
		d[0] = (char)(0xE0 | (v >> 12));
		d[1] = (char)(0x80 | ((v >> 6) & 0x3F));
		d[2] = (char)(0x80 | (v & 0x3F));
		*used += 3;
	} else {
		d[0] = (char)(0xF0 | (v >> 18));
		d[1] = (char)(0x80 | ((v >> 12) & 0x3F));
		d[2] = (char)(0x80 | ((v >> 6) & 0x3F));
		d[3] = (char)(0x80 | (v & 0x3F));
		*used += 4;
	}
	return len;
}

/*
 * Past the bytes from q that stand as they are in a string (printable
 * ASCII but '"' and '\\'), 16 at a time while 16 remain: where the byte loop
 * of jf_string() goes on from (it stops at the same byte).
 */
static const unsigned char *
jf_plain(const unsigned char *q, const unsigned char *end)
{
#if defined(__SSE2__)
	const __m128i low = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'),
	              bslash = _mm_set1_epi8('\\');
	__m128i v;
	int m;

	while (end - q >= 16) {
		v = _mm_loadu_si128((const __m128i *)(const void *)q);
		/* signed: below 0x20, and 0x80 and above, are less than 0x20 */
		m = _mm_movemask_epi8(
		    _mm_or_si128(_mm_cmplt_epi8(v, low), _mm_or_si128(_mm_cmpeq_epi8(v, quote),
		                                                      _mm_cmpeq_epi8(v, bslash))));
		if (m != 0)
			return q + __builtin_ctz((unsigned)m);
		q += 16;
	}
#else
	(void)end;
#endif
	return q;
}

/*
 * The string whose opening quote was just read: its bytes, in the input
 * when it holds no escape, else in the scratch (valid until the next
 * string); NULL when unsure.
 */
static const char *
jf_string(struct jf *f, size_t *len)
{
	const unsigned char *s = f->p, *q = s;
	size_t n, used;

	for (;;) { /* no escape: the bytes stand as they are */
		q = jf_plain(q, f->end);
		while (q < f->end && *q >= 0x20 && *q < 0x80 && *q != '"' && *q != '\\')
			q++;
		if (q >= f->end || *q < 0x20)
			return NULL;
		if (*q == '"') {
			*len = (size_t)(q - s);
			f->p = q + 1;
			return (const char *)s;
		}
		if (*q == '\\')
			break;
		if ((n = utf8_seq_len(q, (size_t)(f->end - q))) == 0)
			return NULL;
		q += n;
	}
	used = (size_t)(q - s);
	if (!jf_room(f, 0, used + 16))
		return NULL;
	memcpy(f->scratch, s, used);
	while (q < f->end) {
		if (*q == '"') {
			*len = used;
			f->p = q + 1;
			return f->scratch;
		}
		if (*q < 0x20)
			return NULL;
		if (*q == '\\') {
			if ((n = jf_escape(f, q + 1, &used)) == 0)
				return NULL;
			q += n + 1;
			continue;
		}
		n = *q < 0x80 ? 1 : utf8_seq_len(q, (size_t)(f->end - q));
		if (n == 0 || !jf_room(f, used, n))
			return NULL;
		memcpy(f->scratch + used, q, n);
		used += n;
		q += n;
	}
	return NULL;
}

/* A number at the input; NULL when it is not one Jansson reads to the same value. */
static json_t *
jf_number(struct jf *f)
{
	const unsigned char *s = f->p, *q = s;
	char text[64], *stop;
	int real = 0;
	uint64_t iv = 0; /* wraps past 19 digits, and is then not used */
	double dv;
	size_t len;

	if (q < f->end && *q == '-')
		q++;
	if (q >= f->end || !JF_IS_DIGIT(*q))
		return NULL;
	if (*q == '0' && q + 1 < f->end && JF_IS_DIGIT(q[1]))
		return NULL; /* a leading zero */
	while (q < f->end && JF_IS_DIGIT(*q))
		iv = iv * 10 + (uint64_t)(*q++ - '0');
	if (q < f->end && *q == '.') {
		real = 1;
		if (++q >= f->end || !JF_IS_DIGIT(*q))
			return NULL;
		while (q < f->end && JF_IS_DIGIT(*q))
			q++;
	}
	if (q < f->end && (*q == 'e' || *q == 'E')) {
		real = 1;
		if (++q < f->end && (*q == '+' || *q == '-'))
			q++;
		if (q >= f->end || !JF_IS_DIGIT(*q))
			return NULL;
		while (q < f->end && JF_IS_DIGIT(*q))
			q++;
	}
	len = (size_t)(q - s);
	f->p = q;
	if (!real) {
		if (len - (*s == '-') > 18)
			return NULL; /* may be out of json_int_t's range: Jansson says */
		return json_integer(*s == '-' ? -(json_int_t)iv : (json_int_t)iv);
	}
	if (len >= sizeof text)
		return NULL;
	memcpy(text, s, len);
	text[len] = '\0';
	errno = 0;
	dv = strtod(text, &stop);
	if (errno != 0 || stop != text + len)
		return NULL;
	return json_real(dv);
}

/* The word true, false or null at the input, or NULL. */
static json_t *
jf_word(struct jf *f)
{
	size_t left = (size_t)(f->end - f->p);

	if (left >= 4 && memcmp(f->p, "true", 4) == 0)
		return f->p += 4, json_true();
	if (left >= 5 && memcmp(f->p, "false", 5) == 0)
		return f->p += 5, json_false();
	if (left >= 4 && memcmp(f->p, "null", 4) == 0)
		return f->p += 4, json_null();
	return NULL;
}

/* After an item: 1 at a ',' (read, and the space after it), 0 at close (read), -1 else. */
static int
jf_after(struct jf *f, unsigned char close)
{
	jf_ws(f);
	if (f->p < f->end && *f->p == ',') {
		f->p++;
		jf_ws(f);
		return 1;
	}
	if (f->p < f->end && *f->p == close) {
		f->p++;
		return 0;
	}
	return -1;
}

/* The members of an object whose '{' was just read; NULL when unsure. */
static json_t *
jf_object(struct jf *f)
{
	json_t *o = json_object(), *v;
	const char *key;
	char *copy;
	size_t klen, before;
	int rc;

	jf_ws(f);
	if (o == NULL || (f->p < f->end && *f->p == '}')) {
		f->p++;
		return o;
	}
	for (;;) {
		if (f->p >= f->end || *f->p++ != '"' || (key = jf_string(f, &klen)) == NULL)
			break;
		copy = NULL; /* a key in the scratch would be overwritten by its value's strings */
		if (key == f->scratch && (key = copy = strndup(key, klen)) == NULL)
			break;
		jf_ws(f);
		if (f->p >= f->end || *f->p++ != ':') {
			free(copy);
			break;
		}
		jf_ws(f);
		v = jf_value(f);
		before = json_object_size(o);
		rc = v == NULL ? -1 : json_object_setn_new_nocheck(o, key, klen, v);
		free(copy);
		if (rc != 0 || json_object_size(o) == before)
			break; /* no value, or a duplicate key (Jansson refuses it) */
		if ((rc = jf_after(f, '}')) <= 0) {
			if (rc == 0)
				return o;
			break;
		}
	}
	json_decref(o);
	return NULL;
}

/* The items of an array whose '[' was just read; NULL when unsure. */
static json_t *
jf_array(struct jf *f)
{
	json_t *a = json_array(), *v;
	int rc;

	jf_ws(f);
	if (a == NULL || (f->p < f->end && *f->p == ']')) {
		f->p++;
		return a;
	}
	for (;;) {
		if ((v = jf_value(f)) == NULL || json_array_append_new(a, v) != 0)
			break;
		if ((rc = jf_after(f, ']')) <= 0) {
			if (rc == 0)
				return a;
			break;
		}
	}
	json_decref(a);
	return NULL;
}

/* The value at the input (whitespace before it skipped); NULL when unsure. */
static json_t *
jf_value(struct jf *f)
{
	json_t *v;
	const char *s;
	size_t len;

	if (f->p >= f->end)
		return NULL;
	switch (*f->p) {
	case '{':
	case '[':
		if (++f->depth > JSONIO_FAST_DEPTH)
			return NULL;
		v = *f->p++ == '{' ? jf_object(f) : jf_array(f);
		f->depth--;
		return v;
	case '"':
		f->p++;
		if ((s = jf_string(f, &len)) == NULL)
			return NULL;
		return json_stringn_nocheck(s, len);
	case 't':
	case 'f':
	case 'n':
		return jf_word(f); /* "truex", "1x": the caller finds no ',' or bracket after */
	default:
		return jf_number(f);
	}
}

json_t *
jsonio_fast_parse(const char *buf, size_t len)
{
	struct jf f = {(const unsigned char *)buf, (const unsigned char *)buf + len, NULL, 0, 0};
	const struct lconv *lc = localeconv();
	json_t *j = NULL;

	if (lc->decimal_point == NULL || strcmp(lc->decimal_point, ".") != 0)
		return NULL; /* Jansson's strtod then reads numbers its own way */
	jf_ws(&f);
	if (f.p < f.end && (*f.p == '{' || *f.p == '['))
		j = jf_value(&f);
	jf_ws(&f);
	if (j != NULL && f.p != f.end) {
		json_decref(j);
		j = NULL;
	}
	free(f.scratch);
	return j;
}
