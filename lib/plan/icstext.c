/*
 * icstext.c: iCalendar text written as libical 3.0 writes it (see icstext.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "core/xalloc.h"
#include "plan/icstext.h"

/* libical's longest line, in octets, counting the CRLF of an unfolded line. */
#define LINE_MAX_OCTETS 75

const char icstext_vtimezone[] = "BEGIN:VTIMEZONE\r\n"
                                 "TZID:Europe/London\r\n"
                                 "BEGIN:DAYLIGHT\r\n"
                                 "TZOFFSETFROM:+0000\r\n"
                                 "TZOFFSETTO:+0100\r\n"
                                 "TZNAME:BST\r\n"
                                 "DTSTART:19810329T010000\r\n"
                                 "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
                                 "END:DAYLIGHT\r\n"
                                 "BEGIN:STANDARD\r\n"
                                 "TZOFFSETFROM:+0100\r\n"
                                 "TZOFFSETTO:+0000\r\n"
                                 "TZNAME:GMT\r\n"
                                 "DTSTART:19961027T020000\r\n"
                                 "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
                                 "END:STANDARD\r\n"
                                 "END:VTIMEZONE\r\n";

static struct icstext_prop *
push(struct icstext *c, enum icstext_type type, const char *name)
{
	struct icstext_prop *p;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 128;
		c->v = xreallocarray(c->v, c->cap, sizeof *c->v);
	}
	p = &c->v[c->n++];
	memset(p, 0, sizeof *p);
	p->type = type;
	p->name = name;
	return p;
}

void
icstext_add(struct icstext *c, enum icstext_type type, const char *name, const char *text)
{
	if (text != NULL || type == ICSTEXT_BEGIN || type == ICSTEXT_END)
		push(c, type, name)->text = text != NULL ? xstrdup(text) : NULL;
}

void
icstext_add_int(struct icstext *c, const char *name, int n)
{
	push(c, ICSTEXT_INT, name)->n = n;
}

void
icstext_add_time(struct icstext *c, enum icstext_type type, const char *name, int year, int month,
                 int day, int hour, int minute)
{
	struct icstext_prop *p = push(c, type, name);

	p->year = year;
	p->month = month;
	p->day = day;
	p->hour = hour;
	p->minute = minute;
}

void
icstext_add_day(struct icstext *c, enum icstext_type type, const char *name, date_t d, int minutes)
{
	int y, m, dd;

	dates_to_ymd(d, &y, &m, &dd);
	if (type == ICSTEXT_DATE)
		minutes = 0;
	icstext_add_time(c, type, name, y, m, dd, minutes / 60, minutes % 60);
}

void
icstext_init(struct icstext *c, const char *tool)
{
	char *prodid = xasprintf("-//cafcass-inspect//%s//EN", tool);

	memset(c, 0, sizeof *c);
	icstext_add(c, ICSTEXT_WORD, "VERSION", "2.0");
	icstext_add(c, ICSTEXT_TEXT, "PRODID", prodid);
	icstext_add(c, ICSTEXT_WORD, "CALSCALE", "GREGORIAN");
	icstext_add(c, ICSTEXT_WORD, "METHOD", "PUBLISH");
	free(prodid);
}

void
icstext_free(struct icstext *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].text);
	free(c->v);
	memset(c, 0, sizeof *c);
}

/* The text value s escaped; list: CATEGORIES (';' and ',' left alone). */
static void
escape(struct strbuf *sb, const char *s, int list)
{
	for (;;) {
		size_t n = strcspn(s, list ? "\n\b\f\r\\" : "\n\b\f\r\\;,");

		strbuf_add(sb, s, n);
		s += n;
		switch (*s) {
		case '\0':
			return;
		case '\n':
			strbuf_add(sb, "\\n", 2);
			break;
		case ';':
		case ',':
		case '\\':
			strbuf_addch(sb, '\\');
			strbuf_addch(sb, *s);
			break;
		default: /* BS, FF and CR: libical drops them */
			break;
		}
		s++;
	}
}

/* snprintf's text of fmt cut to at most max bytes (libical strncat()s it). */
static void
add_cut(struct strbuf *sb, size_t max, const char *fmt, int a, int b, int c)
{
	char t[48];
	int n = snprintf(t, sizeof t, fmt, a, b, c);

	strbuf_add(sb, t, n < 0 ? 0 : (size_t)n < max ? (size_t)n : max);
}

/* ";VALUE=DATE:..." or ":..." or ";TZID=...:..." and the value of a time. */
static void
add_time(struct strbuf *sb, const struct icstext_prop *p)
{
	if (p->year < 0 || p->year > 3000) {
		/* libical refuses the value and writes a null date-time */
		strbuf_adds(sb, p->type == ICSTEXT_LOCAL ? ";TZID=Europe/London:" : ":");
		strbuf_adds(sb, "00000000T000000");
		return;
	}
	/* libical takes the date 0001-01-01 for a date-time's null and leaves VALUE out */
	if (p->type == ICSTEXT_DATE && !(p->year == 1 && p->month == 1 && p->day == 1))
		strbuf_adds(sb, ";VALUE=DATE");
	else if (p->type == ICSTEXT_LOCAL)
		strbuf_adds(sb, ";TZID=Europe/London");
	strbuf_addch(sb, ':');
	add_cut(sb, 8, "%04d%02d%02d", p->year, p->month, p->day);
	if (p->type == ICSTEXT_DATE)
		return;
	strbuf_addch(sb, 'T');
	if (p->type == ICSTEXT_UTC)
		add_cut(sb, 7, "%02d%02d%02dZ", p->hour, p->minute, 0);
	else
		add_cut(sb, 6, "%02d%02d%02d", p->hour, p->minute, 0);
}

/* How many octets of s (left of them, CRLF counted) the next folded line takes. */
static size_t
line_octets(const char *s, size_t left)
{
	size_t i;

	if (left < LINE_MAX_OCTETS)
		return left;
	for (i = LINE_MAX_OCTETS - 2; i > 0; i--)
		if (s[i] == ';' || s[i] == ':' || s[i] == ' ')
			return i + 1;
	for (i = LINE_MAX_OCTETS - 1; i > 0; i--)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			return i;
	return LINE_MAX_OCTETS - 1;
}

/* The unfolded line (CRLF included) folded onto out. */
static void
fold(struct strbuf *out, const char *line, size_t len)
{
	while (len > 0) {
		size_t n = line_octets(line, len);

		strbuf_add(out, line, n);
		line += n;
		len -= n;
		if (len > 0)
			strbuf_add(out, "\r\n ", 3);
	}
}

/* One property or BEGIN/END line onto out. */
static void
write_prop(struct strbuf *out, struct strbuf *line, const struct icstext_prop *p)
{
	char num[16];

	if (p->type == ICSTEXT_BEGIN || p->type == ICSTEXT_END) {
		strbuf_adds(out, p->type == ICSTEXT_BEGIN ? "BEGIN:" : "END:");
		strbuf_adds(out, p->name);
		strbuf_add(out, "\r\n", 2);
		return;
	}
	strbuf_reset(line);
	strbuf_adds(line, p->name);
	switch (p->type) {
	case ICSTEXT_TEXT:
	case ICSTEXT_LIST:
		strbuf_addch(line, ':');
		escape(line, p->text, p->type == ICSTEXT_LIST);
		break;
	case ICSTEXT_WORD:
		strbuf_addch(line, ':');
		strbuf_adds(line, p->text);
		break;
	case ICSTEXT_INT:
		snprintf(num, sizeof num, ":%d", p->n);
		strbuf_adds(line, num);
		break;
	default:
		add_time(line, p);
	}
	strbuf_add(line, "\r\n", 2);
	fold(out, line->buf, line->len);
}

char *
icstext_string(const struct icstext *c)
{
	struct strbuf out, line;
	int depth = 0;

	strbuf_init(&out);
	strbuf_init(&line);
	strbuf_adds(&out, "BEGIN:VCALENDAR\r\n");
	/* libical writes a component's properties before its components */
	for (size_t i = 0; i < c->n; i++) {
		depth += c->v[i].type == ICSTEXT_BEGIN;
		if (depth == 0)
			write_prop(&out, &line, &c->v[i]);
		depth -= c->v[i].type == ICSTEXT_END;
	}
	strbuf_adds(&out, icstext_vtimezone);
	for (size_t i = 0; i < c->n; i++) {
		depth += c->v[i].type == ICSTEXT_BEGIN;
		if (depth > 0)
			write_prop(&out, &line, &c->v[i]);
		depth -= c->v[i].type == ICSTEXT_END;
	}
	strbuf_free(&line);
	strbuf_adds(&out, "END:VCALENDAR\r\n");
	return strbuf_steal(&out);
}
