/*
 * xlsxscan.c: the row tokenizer of a worksheet's <sheetData> (see
 * xlsxscan.h). A row is read into a list of events first; only a row read
 * whole, every part of it within the grammar, has its events given.
 */
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "core/xlsxscan.h"

#define MAX_ATTS 32
#define MAX_DEPTH 4
/* A row's events: Excel's 16,384 cells of <c><is><t>...</t></is></c> and some; past it, expat. */
#define MAX_EVENTS ((size_t)16384 * 8 + 64)

enum elem { E_ROW, E_C, E_V, E_F, E_IS, E_T, E_NONE };
static const char *const names[] = {"row", "c", "v", "f", "is", "t"};
static const size_t name_len[] = {3, 1, 1, 1, 2, 1};

/* The elements each may hold (bit per enum elem); E_NONE: <sheetData>. */
static unsigned
children(int parent)
{
	switch (parent) {
	case E_NONE:
		return 1u << E_ROW;
	case E_ROW:
		return 1u << E_C;
	case E_C:
		return 1u << E_V | 1u << E_F | 1u << E_IS;
	case E_IS:
		return 1u << E_T;
	default:
		return 0;
	}
}

enum evkind { EV_START, EV_END, EV_TEXT };

struct xlsxscan_ev {
	unsigned char kind, elem;
	size_t off, len; /* text: in buf; start: the first attribute's offset index */
	size_t natts;
	const char *src; /* text taken as it is in the input, or NULL (in buf) */
};

void
xlsxscan_init(struct xlsxscan *sc)
{
	memset(sc, 0, sizeof *sc);
	strbuf_init(&sc->buf);
}

void
xlsxscan_free(struct xlsxscan *sc)
{
	strbuf_free(&sc->buf);
	free(sc->aoff);
	free(sc->ev);
	free(sc->atts);
	free(sc->cells);
	memset(sc, 0, sizeof *sc);
}

/* The state of one row's scan. */
struct scan {
	struct xlsxscan *sc;
	const char *p, *end;
	size_t naoff; /* offsets in sc->aoff used */
	int incomplete; /* the buffer ended inside the row */
};

/*
 * Append to the row's buffer, which xlsxscan_row() made as large as its
 * input: what a row adds is never longer than the bytes it was read from
 * (an entity or a reference is longer than its character, a name and a
 * value have '=' and two quotes for their two NULs).
 */
static inline void
row_put(struct strbuf *b, const void *p, size_t n)
{
	memcpy(b->buf + b->len, p, n);
	b->len += n;
}

static inline void
row_put1(struct strbuf *b, char c)
{
	b->buf[b->len++] = c;
}

static struct xlsxscan_ev *
ev_add(struct xlsxscan *sc, int kind, int elem)
{
	struct xlsxscan_ev *e;

	if (sc->nev == sc->evcap) {
		sc->evcap = sc->evcap ? 2 * sc->evcap : 64;
		sc->ev = xreallocarray(sc->ev, sc->evcap, sizeof *sc->ev);
	}
	e = &sc->ev[sc->nev++];
	e->kind = (unsigned char)kind;
	e->elem = (unsigned char)elem;
	e->off = e->len = e->natts = 0;
	e->src = NULL;
	return e;
}

/* Is code point c a character XML 1.0 allows? */
static int
xml_char(unsigned long c)
{
	return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
	       (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* Append code point c as UTF-8. */
static void
put_utf8(struct strbuf *b, unsigned long c)
{
	char u[4];
	size_t n;

	if (c < 0x80) {
		u[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (char)(0xC0 | c >> 6);
		u[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		u[0] = (char)(0xE0 | c >> 12);
		u[1] = (char)(0x80 | (c >> 6 & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | c >> 18);
		u[1] = (char)(0x80 | (c >> 12 & 0x3F));
		u[2] = (char)(0x80 | (c >> 6 & 0x3F));
		u[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	row_put(b, u, n);
}

/*
 * A reference at p ('&'): append what it stands for, return the byte after
 * its ';'. NULL when it is not one of the five entities or a character
 * reference to an XML character (or the buffer ends in it: incomplete).
 */
static const char *
reference(struct scan *st, const char *p, struct strbuf *b)
{
	static const struct {
		const char *name;
		char c;
	} ents[] = {{"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''}};
	const char *q = p + 1;
	unsigned long c = 0;
	size_t i, digits = 0;

	if (q < st->end && *q == '#') {
		int hex = ++q < st->end && *q == 'x';
		q += hex;
		for (; q < st->end && digits < 8; q++, digits++) {
			int d = *q >= '0' && *q <= '9'          ? *q - '0'
			        : hex && *q >= 'a' && *q <= 'f' ? *q - 'a' + 10
			        : hex && *q >= 'A' && *q <= 'F' ? *q - 'A' + 10
			                                        : -1;
			if (d < 0)
				break;
			c = c * (hex ? 16 : 10) + (unsigned long)d;
		}
		if (q >= st->end) {
			st->incomplete = 1;
			return NULL;
		}
		if (digits == 0 || *q != ';' || !xml_char(c))
			return NULL;
		put_utf8(b, c);
		return q + 1;
	}
	for (i = 0; i < sizeof ents / sizeof ents[0]; i++) {
		size_t n = strlen(ents[i].name);
		if ((size_t)(st->end - q) < n) {
			if (memcmp(q, ents[i].name, (size_t)(st->end - q)) == 0) {
				st->incomplete = 1;
				return NULL;
			}
			continue;
		}
		if (memcmp(q, ents[i].name, n) == 0) {
			row_put1(b, ents[i].c);
			return q + n;
		}
	}
	return NULL;
}

/*
 * The length of a valid UTF-8 sequence of an XML character at p (its lead
 * byte >= 0x80), or 0 (not one, or cut by the buffer's end: incomplete).
 */
static size_t
utf8_seq(struct scan *st, const unsigned char *p)
{
	const unsigned char *end = (const unsigned char *)st->end;
	unsigned long c;
	size_t n, i;

	if (p[0] >= 0xC2 && p[0] <= 0xDF) {
		n = 2;
		c = p[0] & 0x1Fu;
	} else if (p[0] >= 0xE0 && p[0] <= 0xEF) {
		n = 3;
		c = p[0] & 0x0Fu;
	} else if (p[0] >= 0xF0 && p[0] <= 0xF4) {
		n = 4;
		c = p[0] & 0x07u;
	} else
		return 0;
	if ((size_t)(end - p) < n) {
		st->incomplete = 1;
		return 0;
	}
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (p[i] & 0x3Fu);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) || !xml_char(c))
		return 0; /* overlong, a surrogate, U+FFFE/U+FFFF, past U+10FFFF */
	return n;
}

/*
 * Character data up to the next '<' (not consumed): *out and *len are the
 * text, in the input or (when it held a reference) rebuilt in buf; 0, or -1
 * when it holds what the scanner does not take.
 */
static int
scan_text(struct scan *st, const char **out, size_t *len)
{
	struct strbuf *b = &st->sc->buf;
	const char *p = st->p, *run = p;
	size_t start = b->len;
	int copying = 0; /* an entity was met: the text is rebuilt in buf */

	while (p < st->end && *p != '<') {
		unsigned char c = (unsigned char)*p;
		if (c >= 0x20 && c < 0x80 && c != '&' && c != '>') {
			p++;
			continue;
		}
		if (c == '&') {
			row_put(b, run, (size_t)(p - run));
			copying = 1;
			if ((p = reference(st, p, b)) == NULL)
				return -1;
			run = p;
		} else if (c == '>') {
			if (p - st->p >= 2 && p[-1] == ']' && p[-2] == ']')
				return -1; /* "]]>" is not allowed in text */
			p++;
		} else if (c == '\t' || c == '\n') {
			p++;
		} else if (c >= 0x80) {
			size_t n = utf8_seq(st, (const unsigned char *)p);
			if (n == 0)
				return -1;
			p += n;
		} else {
			return -1; /* a carriage return (expat would normalise it), a control */
		}
	}
	if (p >= st->end) {
		st->incomplete = 1;
		return -1;
	}
	if (copying) {
		row_put(b, run, (size_t)(p - run));
		*out = b->buf + start;
		*len = b->len - start;
	} else {
		*out = st->p;
		*len = (size_t)(p - st->p);
	}
	st->p = p;
	return 0;
}

/* Character data up to the next '<' as a text event: 0, or -1. */
static int
text(struct scan *st, int elem)
{
	const char *t, *from = st->p;
	size_t len;
	struct xlsxscan_ev *e;

	if (scan_text(st, &t, &len) != 0)
		return -1;
	if (st->p > from) {
		e = ev_add(st->sc, EV_TEXT, elem);
		e->len = len;
		if (t == from)
			e->src = t;
		else
			e->off = (size_t)(t - st->sc->buf.buf);
	}
	return 0;
}

static int
name_start(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

static int
name_char(unsigned char c)
{
	return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

static int
space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* Remember an offset in buf for the attribute list. */
static void
aoff_add(struct scan *st, size_t off)
{
	struct xlsxscan *sc = st->sc;

	if (st->naoff == sc->aoffcap) {
		sc->aoffcap = sc->aoffcap ? 2 * sc->aoffcap : 32;
		sc->aoff = xreallocarray(sc->aoff, sc->aoffcap, sizeof *sc->aoff);
	}
	sc->aoff[st->naoff++] = off;
}

/*
 * The attributes of a start tag, after its name, up to and including '>' or
 * "/>": 1 for an empty element, 0 for a start tag, -1 otherwise.
 */
static int
attributes(struct scan *st, size_t evi)
{
	struct strbuf *b = &st->sc->buf;
	const char *p = st->p;
	size_t first = st->naoff, natts = 0, i;

	for (;;) {
		const char *n;
		char q;
		int sp = 0;
		while (p < st->end && space((unsigned char)*p)) {
			p++;
			sp = 1;
		}
		if (p >= st->end)
			goto cut;
		if (*p == '>' || *p == '/') {
			int empty = *p == '/';
			if (empty) {
				if (p + 1 >= st->end)
					goto cut;
				if (p[1] != '>')
					return -1;
				p++;
			}
			st->p = p + 1;
			st->sc->ev[evi].natts = natts;
			st->sc->ev[evi].off = first;
			return empty;
		}
		if (!sp || natts == MAX_ATTS || !name_start((unsigned char)*p))
			return -1;
		n = p;
		while (p < st->end && name_char((unsigned char)*p))
			p++;
		if (p >= st->end)
			goto cut;
		if ((unsigned char)*p >= 0x80)
			return -1;
		/* a name given twice is an error for expat */
		for (i = 0; i < natts; i++) {
			const size_t *a = st->sc->aoff + first + 2 * i;
			if (a[1] - a[0] - 1 == (size_t)(p - n) &&
			    memcmp(b->buf + a[0], n, (size_t)(p - n)) == 0)
				return -1;
		}
		aoff_add(st, b->len);
		row_put(b, n, (size_t)(p - n));
		row_put1(b, '\0');
		while (p < st->end && space((unsigned char)*p))
			p++;
		if (p >= st->end)
			goto cut;
		if (*p++ != '=')
			return -1;
		while (p < st->end && space((unsigned char)*p))
			p++;
		if (p >= st->end)
			goto cut;
		if (*p != '"' && *p != '\'')
			return -1;
		q = *p++;
		aoff_add(st, b->len);
		for (;;) {
			const char *run = p;
			while (p < st->end && *p != q && (unsigned char)*p >= 0x20 &&
			       (unsigned char)*p < 0x80 && *p != '&' && *p != '<')
				p++;
			row_put(b, run, (size_t)(p - run));
			if (p >= st->end)
				goto cut;
			if (*p == q)
				break;
			if (*p == '&') {
				if ((p = reference(st, p, b)) == NULL)
					return -1;
			} else if ((unsigned char)*p >= 0x80) {
				size_t k = utf8_seq(st, (const unsigned char *)p);
				if (k == 0)
					return -1;
				row_put(b, p, k);
				p += k;
			} else {
				return -1; /* '<', or a tab or newline expat would normalise */
			}
		}
		p++;
		row_put1(b, '\0');
		natts++;
	}
cut:
	st->incomplete = 1;
	return -1;
}

/*
 * The element whose name starts at p, followed by a byte that ends a name:
 * its enum elem; -1 another name; -2 the buffer ends first.
 */
static int
element(const struct scan *st, const char *p)
{
	size_t left = (size_t)(st->end - p);
	int el;

	if (left == 0)
		return -2;
	switch (p[0]) {
	case 'r':
		el = left >= 3 && p[1] == 'o' && p[2] == 'w' ? E_ROW : -1;
		if (el < 0 && (left == 1 || (left == 2 && p[1] == 'o')))
			return -2;
		break;
	case 'c':
		el = E_C;
		break;
	case 'v':
		el = E_V;
		break;
	case 'f':
		el = E_F;
		break;
	case 't':
		el = E_T;
		break;
	case 'i':
		if (left == 1)
			return -2;
		el = p[1] == 's' ? E_IS : -1;
		break;
	default:
		return -1;
	}
	if (el < 0)
		return -1;
	if (left <= name_len[el])
		return -2;
	p += name_len[el];
	return name_char((unsigned char)*p) || (unsigned char)*p >= 0x80 ? -1 : el;
}

/* One tag at st->p ('<') inside parent (the stack top): 1 start, 2 end, 0 empty element, -1. */
static int
tag(struct scan *st, int *stack, int *depth)
{
	const char *p = st->p + 1;
	int close = 0, el;
	size_t evi;

	if (p >= st->end)
		goto cut;
	if (*p == '/') {
		close = 1;
		p++;
	}
	el = element(st, p);
	if (el == -2)
		goto cut;
	if (el < 0)
		return -1;
	p += name_len[el];
	if (close) {
		if (*depth == 0 || stack[*depth - 1] != el)
			return -1;
		while (p < st->end && space((unsigned char)*p))
			p++;
		if (p >= st->end)
			goto cut;
		if (*p != '>')
			return -1;
		st->p = p + 1;
		ev_add(st->sc, EV_END, el);
		(*depth)--;
		return 2;
	}
	if (!(children(*depth > 0 ? stack[*depth - 1] : E_NONE) & (1u << el)) ||
	    *depth == MAX_DEPTH)
		return -1;
	ev_add(st->sc, EV_START, el);
	evi = st->sc->nev - 1;
	st->p = p;
	switch (attributes(st, evi)) {
	case 0:
		stack[(*depth)++] = el;
		return 1;
	case 1:
		ev_add(st->sc, EV_END, el);
		return 0;
	default:
		return -1;
	}
cut:
	st->incomplete = 1;
	return -1;
}

/* Give the row's events. */
static void
dispatch(struct xlsxscan *sc, const struct xlsxscan_events *h)
{
	size_t i, k;

	for (i = 0; i < sc->nev; i++) {
		const struct xlsxscan_ev *e = &sc->ev[i];
		if (e->kind == EV_TEXT) {
			if (e->len > 0)
				h->text(h->ud, e->src != NULL ? e->src : sc->buf.buf + e->off,
				        (int)e->len);
		} else if (e->kind == EV_END) {
			h->end(h->ud, names[e->elem]);
		} else {
			if (sc->attcap < 2 * e->natts + 1) {
				sc->attcap = 2 * e->natts + 1;
				sc->atts = xreallocarray(sc->atts, sc->attcap, sizeof *sc->atts);
			}
			for (k = 0; k < 2 * e->natts; k++)
				sc->atts[k] = sc->buf.buf + sc->aoff[e->off + k];
			sc->atts[k] = NULL;
			h->start(h->ud, names[e->elem], sc->atts);
		}
	}
}

/* A scan of s[0..len), past its leading whitespace. */
static void
scan_begin(struct scan *st, struct xlsxscan *sc, const char *s, size_t len)
{
	memset(st, 0, sizeof *st);
	st->sc = sc;
	st->p = s;
	st->end = s + len;
	while (st->p < st->end && space((unsigned char)*st->p))
		st->p++;
}

enum xlsxscan_status
xlsxscan_row(struct xlsxscan *sc, const char *s, size_t len, size_t *used,
             const struct xlsxscan_events *h)
{
	struct scan st;
	int stack[MAX_DEPTH], depth = 0, r;
	const char *row;
	enum xlsxscan_status status = XLSXSCAN_OTHER;

	scan_begin(&st, sc, s, len);
	*used = (size_t)(st.p - s);
	if (st.p >= st.end)
		return XLSXSCAN_MORE;
	row = st.p;
	sc->nev = 0;
	strbuf_reset(&sc->buf);
	strbuf_grow(&sc->buf, len);
	if (*st.p != '<')
		return XLSXSCAN_OTHER;
	do {
		if (*st.p == '<')
			r = tag(&st, stack, &depth);
		else
			r = text(&st, depth > 0 ? stack[depth - 1] : E_NONE);
	} while (r >= 0 && depth > 0 && sc->nev < MAX_EVENTS &&
	         (st.p < st.end || (st.incomplete = 1, 0)));
	if (r >= 0 && depth == 0) {
		sc->buf.buf[sc->buf.len] = '\0';
		dispatch(sc, h);
		*used = (size_t)(st.p - s);
		status = XLSXSCAN_ROW;
	} else if (st.incomplete) {
		*used = (size_t)(row - s);
		status = XLSXSCAN_MORE;
	} else {
		*used = (size_t)(row - s);
	}
	return status;
}

/* ------------------------------------------------ the cells of a plain row */

/* An attribute of a start tag in the input: its name and its value. */
struct fattr {
	const char *name, *val;
	size_t nlen, vlen;
};

/*
 * Byte classes for plain start tags, as space(), name_start() and
 * name_char() say: 1 whitespace, 2 a name's first byte, 4 a name's byte,
 * 8 a plain attribute value's byte (printable ASCII but & < " '), 16 a
 * plain text byte (printable ASCII but & < >), 32 a letter or a digit.
 */
static const unsigned char cls[256] = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  1,  1,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  25, 24, 16, 24, 24, 24, 0,  16, 24, 24, 24, 24, 24, 28, 28, 24,
    60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 30, 24, 0,  24, 8,  24, 24, 62, 62, 62, 62, 62, 62, 62,
    62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 24, 24, 24, 24, 30,
    24, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62, 62,
    62, 62, 62, 24, 24, 24, 24, 24, 0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
};

/*
 * The attributes of a start tag up to and including '>' or "/>", into a
 * (at most MAX_ATTS): their count, with *empty set for "/>"; -1 when the
 * tag is anything but plain (a value with a reference, a byte over 0x7F,
 * a name given twice...), -2 when the buffer ends in it.
 */
static int
fast_attrs(struct scan *st, struct fattr *a, int *empty)
{
	const unsigned char *p = (const unsigned char *)st->p;
	const unsigned char *end = (const unsigned char *)st->end;
	int n = 0, i;
	unsigned char q;

	for (;;) {
		int sp = 0;
		while (p < end && (cls[*p] & 1)) {
			p++;
			sp = 1;
		}
		if (p >= end)
			return -2;
		if (*p == '>' || *p == '/') {
			*empty = *p == '/';
			if (*empty) {
				if (p + 1 >= end)
					return -2;
				if (p[1] != '>')
					return -1;
				p++;
			}
			st->p = (const char *)p + 1;
			return n;
		}
		if (!sp || n == MAX_ATTS || !(cls[*p] & 2))
			return -1;
		a[n].name = (const char *)p;
		while (p < end && (cls[*p] & 4))
			p++;
		if (p >= end)
			return -2;
		a[n].nlen = (size_t)((const char *)p - a[n].name);
		for (i = 0; i < n; i++)
			if (a[i].nlen == a[n].nlen && a[i].name[0] == a[n].name[0] &&
			    memcmp(a[i].name, a[n].name, a[n].nlen) == 0)
				return -1;
		while (p < end && (cls[*p] & 1))
			p++;
		if (p >= end)
			return -2;
		if (*p++ != '=')
			return -1;
		while (p < end && (cls[*p] & 1))
			p++;
		if (p >= end)
			return -2;
		if (*p != '"' && *p != '\'')
			return -1;
		q = *p++;
		a[n].val = (const char *)p;
		for (;;) {
			while (p < end && (cls[*p] & 8))
				p++;
			if (p >= end)
				return -2;
			if (*p == q)
				break;
			if (*p != '"' && *p != '\'')
				return -1;
			p++; /* the other quote */
		}
		a[n].vlen = (size_t)((const char *)p - a[n].val);
		p++;
		n++;
	}
}

/* Is the tag at p (after '<') the element name of length n, followed by what ends a name? */
static int
is_tag(const char *p, const char *end, const char *name, size_t n)
{
	return (size_t)(end - p) > n && memcmp(p, name, n) == 0 &&
	       (space((unsigned char)p[n]) || p[n] == '>' || p[n] == '/');
}

/* "</name>" at p (no space before '>'): the byte after it; end when the buffer ends in it; NULL. */
static inline const char *
end_tag(const char *p, const char *end, const char *name, size_t n)
{
	size_t k = (size_t)(end - p);

	if (n == 1 && k >= 4) /* </v>, </c>, </t>: the common case, at once */
		return p[0] == '<' && p[1] == '/' && p[2] == name[0] && p[3] == '>' ? p + 4 : NULL;
	if (k < n + 3) { /* cut: does what there is begin "</name>"? */
		size_t i;
		for (i = 0; i < k; i++)
			if (p[i] != (i < 2 ? "</"[i] : i < n + 2 ? name[i - 2] : '>'))
				return NULL;
		return end;
	}
	if (p[0] != '<' || p[1] != '/' || p[2] != name[0] || p[n + 2] != '>' ||
	    (n > 1 && memcmp(p + 3, name + 1, n - 1) != 0))
		return NULL;
	return p + n + 3;
}

/* The value of <v> or <t> at st->p, up to its end tag: 0, -1 other, -2 cut. */
static int
fast_value(struct scan *st, struct xlsxscan_cell *c, const char *name)
{
	const unsigned char *p = (const unsigned char *)st->p;
	const unsigned char *end = (const unsigned char *)st->end;
	const char *q;

	while (p < end && (cls[*p] & 16))
		p++;
	if (p < end && *p == '<') { /* plain text */
		c->v = st->p;
		c->vlen = (size_t)((const char *)p - st->p);
		st->p = (const char *)p;
	} else if (scan_text(st, &c->v, &c->vlen) != 0) {
		return st->incomplete ? -2 : -1;
	}
	if ((q = end_tag(st->p, st->end, name, 1)) == NULL)
		return -1;
	if (q == st->end)
		return -2;
	st->p = q;
	return 0;
}

/*
 * The attributes of <c> as Excel writes them, at p (after "<c"): ' r="A1"'
 * then ' s="..."' and ' t="..."' in either order, then '>' or "/>". The
 * byte after the tag, with *empty set; NULL for any other shape.
 */
static const char *
excel_cell(const unsigned char *p, struct xlsxscan_cell *c, int *empty)
{
	const unsigned char *v;
	int k;

	if (p[0] != ' ' || p[1] != 'r' || p[2] != '=' || p[3] != '"')
		return NULL;
	for (v = p += 4; p - v < XLSXSCAN_MAX_ATT && (cls[*p] & 32); p++)
		;
	if (*p != '"' || p - v >= XLSXSCAN_MAX_ATT)
		return NULL;
	c->r = (const char *)v;
	c->rlen = (size_t)(p - v);
	p++;
	for (k = 0;
	     k < 2 && p[0] == ' ' && (p[1] == 's' || p[1] == 't') && p[2] == '=' && p[3] == '"';
	     k++) {
		const char **val = p[1] == 's' ? &c->s : &c->t;
		size_t *len = p[1] == 's' ? &c->slen : &c->tlen;
		if (*val != NULL)
			return NULL;
		for (v = p += 4; p - v < XLSXSCAN_MAX_ATT && (cls[*p] & 8); p++)
			;
		if (*p != '"' || p - v >= XLSXSCAN_MAX_ATT)
			return NULL;
		*val = (const char *)v;
		*len = (size_t)(p - v);
		p++;
	}
	*empty = p[0] == '/';
	if (*empty)
		return p[1] == '>' ? (const char *)p + 2 : NULL;
	return p[0] == '>' ? (const char *)p + 1 : NULL;
}

/* excel_cell() reads at most this far (three attributes of XLSXSCAN_MAX_ATT and their names). */
#define EXCEL_CELL_TAG 128

/* One <c> at st->p (after "<c"): 0, -1 other, -2 cut. */
static int
fast_cell(struct scan *st, struct xlsxscan_cell *c)
{
	struct fattr a[MAX_ATTS];
	const char *q;
	int n = 0, i, empty, r;

	memset(c, 0, sizeof *c);
	if (st->end - st->p > EXCEL_CELL_TAG &&
	    (q = excel_cell((const unsigned char *)st->p, c, &empty)) != NULL) {
		st->p = q;
	} else {
		memset(c, 0, sizeof *c);
		if ((n = fast_attrs(st, a, &empty)) < 0)
			return n;
	}
	for (i = 0; i < n; i++) {
		if (a[i].nlen != 1 || a[i].vlen >= XLSXSCAN_MAX_ATT)
			continue;
		if (a[i].name[0] == 'r')
			c->r = a[i].val, c->rlen = a[i].vlen;
		else if (a[i].name[0] == 't')
			c->t = a[i].val, c->tlen = a[i].vlen;
		else if (a[i].name[0] == 's')
			c->s = a[i].val, c->slen = a[i].vlen;
	}
	for (i = 0; i < n; i++) /* a long r, t or s: the full path */
		if (a[i].nlen == 1 && a[i].vlen >= XLSXSCAN_MAX_ATT &&
		    (a[i].name[0] == 'r' || a[i].name[0] == 't' || a[i].name[0] == 's'))
			return -1;
	if (empty)
		return 0;
	if (st->end - st->p < 4)
		return -2;
	if (memcmp(st->p, "<v>", 3) == 0) {
		st->p += 3;
		if ((r = fast_value(st, c, "v")) != 0)
			return r;
	} else if (memcmp(st->p, "<is>", 4) == 0) {
		st->p += 4;
		if (st->end - st->p < 3)
			return -2;
		if (!is_tag(st->p + 1, st->end, "t", 1) || *st->p != '<')
			return -1;
		st->p += 2;
		if ((n = fast_attrs(st, a, &empty)) < 0)
			return n;
		if (empty)
			return -1;
		if ((r = fast_value(st, c, "t")) != 0)
			return r;
		if ((q = end_tag(st->p, st->end, "is", 2)) == NULL)
			return -1;
		if (q == st->end)
			return -2;
		st->p = q;
	}
	c->has_value = c->v != NULL;
	if ((q = end_tag(st->p, st->end, "c", 1)) == NULL)
		return -1;
	if (q == st->end)
		return -2;
	st->p = q;
	return 0;
}

enum xlsxscan_status
xlsxscan_cells(struct xlsxscan *sc, const char *s, size_t len, size_t *used,
               struct xlsxscan_row *row)
{
	struct scan st;
	struct fattr a[MAX_ATTS];
	const char *begin, *q;
	int n, i, empty;

	scan_begin(&st, sc, s, len);
	*used = (size_t)(st.p - s);
	begin = st.p;
	if (st.end - st.p < 5)
		return XLSXSCAN_MORE;
	if (st.p[0] != '<' || !is_tag(st.p + 1, st.end, "row", 3))
		return XLSXSCAN_OTHER;
	strbuf_reset(&sc->buf);
	strbuf_grow(&sc->buf, len);
	st.p += 4;
	if ((n = fast_attrs(&st, a, &empty)) < 0)
		goto out;
	row->r = NULL;
	row->rlen = 0;
	row->ncells = 0;
	for (i = 0; i < n; i++) { /* the first whose local name is r, as expat's reader takes it */
		const char *c = memchr(a[i].name, ':', a[i].nlen);
		const char *l = a[i].name, *e = a[i].name + a[i].nlen;
		while (c != NULL) {
			l = c + 1;
			c = memchr(l, ':', (size_t)(e - l));
		}
		if (e - l == 1 && *l == 'r') {
			if (a[i].vlen >= XLSXSCAN_MAX_ATT)
				return XLSXSCAN_OTHER;
			row->r = a[i].val;
			row->rlen = a[i].vlen;
			break;
		}
	}
	while (!empty) {
		while (st.p < st.end && space((unsigned char)*st.p))
			st.p++;
		if (st.end - st.p < 3) {
			n = -2;
			goto out;
		}
		if (st.p[0] != '<')
			return XLSXSCAN_OTHER;
		if (st.p[1] == 'c' &&
		    (space((unsigned char)st.p[2]) || st.p[2] == '>' || st.p[2] == '/')) {
			if (row->ncells == XLSXSCAN_MAX_CELLS)
				return XLSXSCAN_OTHER;
			if (row->ncells == sc->cellcap) {
				sc->cellcap = sc->cellcap ? 2 * sc->cellcap : 64;
				sc->cells =
				    xreallocarray(sc->cells, sc->cellcap, sizeof *sc->cells);
			}
			row->cells = sc->cells;
			st.p += 2;
			if ((n = fast_cell(&st, &sc->cells[row->ncells])) < 0)
				goto out;
			row->ncells++;
			continue;
		}
		if ((q = end_tag(st.p, st.end, "row", 3)) == NULL)
			return XLSXSCAN_OTHER;
		if (q == st.end) {
			n = -2;
			goto out;
		}
		st.p = q;
		break;
	}
	row->cells = sc->cells;
	*used = (size_t)(st.p - s);
	return XLSXSCAN_ROW;
out:
	*used = (size_t)(begin - s);
	return n == -2 ? XLSXSCAN_MORE : XLSXSCAN_OTHER;
}

/* ------------------------------------------- the shared strings, when plain */

enum xlsxscan_status
xlsxscan_sst_head(const char *s, size_t len, size_t *used)
{
	static const char *const decls[] = {
	    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>",
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
	};
	struct scan st;
	struct fattr a[MAX_ATTS];
	size_t i, n;
	int empty, k;

	memset(&st, 0, sizeof st);
	st.p = s;
	st.end = s + len;
	for (i = 0; i < sizeof decls / sizeof decls[0]; i++) {
		n = strlen(decls[i]);
		if (len < n + 8)
			return XLSXSCAN_MORE;
		if (memcmp(s, decls[i], n) == 0)
			break;
	}
	if (i == sizeof decls / sizeof decls[0])
		return XLSXSCAN_OTHER;
	st.p += n;
	while (st.p < st.end && (space((unsigned char)*st.p) || *st.p == '\r'))
		st.p++;
	if (st.end - st.p < 5)
		return XLSXSCAN_MORE;
	if (st.p[0] != '<' || !is_tag(st.p + 1, st.end, "sst", 3))
		return XLSXSCAN_OTHER;
	st.p += 4;
	if ((k = fast_attrs(&st, a, &empty)) < 0 || empty)
		return k == -2 ? XLSXSCAN_MORE : XLSXSCAN_OTHER;
	*used = (size_t)(st.p - s);
	return XLSXSCAN_ROW;
}

enum xlsxscan_status
xlsxscan_si(struct xlsxscan *sc, const char *s, size_t len, size_t *used, const char **text,
            size_t *tlen)
{
	struct scan st;
	struct fattr a[MAX_ATTS];
	struct xlsxscan_cell c;
	const char *q;
	int k, empty;

	scan_begin(&st, sc, s, len);
	*used = (size_t)(st.p - s);
	if (st.end - st.p < 8)
		return XLSXSCAN_MORE;
	if (memcmp(st.p, "<si><t", 6) != 0 ||
	    !(space((unsigned char)st.p[6]) || st.p[6] == '>' || st.p[6] == '/'))
		return XLSXSCAN_OTHER;
	strbuf_reset(&sc->buf);
	strbuf_grow(&sc->buf, len);
	st.p += 6;
	if ((k = fast_attrs(&st, a, &empty)) < 0 || empty)
		return k == -2 ? XLSXSCAN_MORE : XLSXSCAN_OTHER;
	memset(&c, 0, sizeof c);
	if ((k = fast_value(&st, &c, "t")) != 0)
		return k == -2 ? XLSXSCAN_MORE : XLSXSCAN_OTHER;
	if ((q = end_tag(st.p, st.end, "si", 2)) == NULL)
		return XLSXSCAN_OTHER;
	if (q == st.end)
		return XLSXSCAN_MORE;
	*text = c.v;
	*tlen = c.vlen;
	*used = (size_t)(q - s);
	return XLSXSCAN_ROW;
}
