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
 * Character data up to the next '<' (not consumed) as a text event; 0, or
 * -1 when it holds what the scanner does not take.
 */
static int
text(struct scan *st, int elem)
{
	struct strbuf *b = &st->sc->buf;
	const char *p = st->p, *run = p;
	size_t start = b->len;
	int copying = 0; /* an entity was met: the text is rebuilt in buf */
	struct xlsxscan_ev *e;

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
	if (p > st->p) {
		e = ev_add(st->sc, EV_TEXT, elem);
		if (copying) {
			row_put(b, run, (size_t)(p - run));
			e->off = start;
			e->len = b->len - start;
		} else {
			e->src = st->p;
			e->len = (size_t)(p - st->p);
		}
	}
	st->p = p;
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

enum xlsxscan_status
xlsxscan_row(struct xlsxscan *sc, const char *s, size_t len, size_t *used,
             const struct xlsxscan_events *h)
{
	struct scan st;
	int stack[MAX_DEPTH], depth = 0, r;
	const char *row;
	enum xlsxscan_status status = XLSXSCAN_OTHER;

	memset(&st, 0, sizeof st);
	st.sc = sc;
	st.p = s;
	st.end = s + len;
	while (st.p < st.end && space((unsigned char)*st.p))
		st.p++;
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
