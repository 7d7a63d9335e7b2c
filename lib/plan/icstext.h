/*
 * icstext.h: a calendar (VCALENDAR with the Europe/London VTIMEZONE and its
 * events) as a list of properties, written as RFC 5545 text byte for byte
 * as libical 3.0 writes the same properties: CRLF line ends; a line longer
 * than 74 octets with its CRLF folded after the last ';', ':' or ' ' among
 * its first 74 octets, else before the last byte that starts a UTF-8
 * sequence (or is ASCII) among its first 75, never inside a sequence; TEXT
 * values with '\', ';', ',' and newlines escaped and BS, FF and CR dropped
 * (CATEGORIES leaves ';' and ',' as they are); DATE values with
 * VALUE=DATE; a date after the year 3000 written as libical writes an
 * invalid one. The tools build their calendars with it and so never load
 * libical; tests/unit/test_icstext.c and tests/fuzz/fuzz_icstext.c build
 * the same lists with libical and compare the bytes.
 * Components (BEGIN...END) do not nest. Ownership: the list owns copies of every string added to
 * it.
 */
#ifndef ICSTEXT_H
#define ICSTEXT_H

#include <stddef.h>

#include "core/dates.h"

/* How a property's value is written. */
enum icstext_type {
	ICSTEXT_BEGIN, /* BEGIN:name (a component: VEVENT) */
	ICSTEXT_END, /* END:name */
	ICSTEXT_TEXT, /* TEXT, escaped (SUMMARY, DESCRIPTION, LOCATION, UID, PRODID...) */
	ICSTEXT_LIST, /* CATEGORIES: '\' and newlines escaped, not ';' or ',' */
	ICSTEXT_WORD, /* a value written as it is (2.0, TRANSPARENT, CANCELLED) */
	ICSTEXT_INT, /* an integer (SEQUENCE) */
	ICSTEXT_DATE, /* ;VALUE=DATE:YYYYMMDD */
	ICSTEXT_LOCAL, /* ;TZID=Europe/London:YYYYMMDDTHHMMSS */
	ICSTEXT_UTC /* :YYYYMMDDTHHMMSSZ */
};

struct icstext_prop {
	enum icstext_type type;
	const char *name; /* a static string: "SUMMARY" */
	char *text; /* TEXT, LIST, WORD */
	int n; /* INT */
	int year, month, day, hour, minute;
};

struct icstext {
	size_t n, cap;
	struct icstext_prop *v;
};

/* A calendar of tool: VERSION, PRODID -//cafcass-inspect//TOOL//EN, CALSCALE,
 * METHOD:PUBLISH and the Europe/London VTIMEZONE. */
void icstext_init(struct icstext *, const char *tool);
void icstext_free(struct icstext *);
/* The fixed VTIMEZONE block, as libical writes it. */
extern const char icstext_vtimezone[];
/* Add a property (the name is not copied; text is, and NULL adds nothing, as
 * libical refuses a NULL value). */
void icstext_add(struct icstext *, enum icstext_type, const char *name, const char *text);
void icstext_add_int(struct icstext *, const char *name, int n);
/* A date, a Europe/London wall-clock time (hour and minute as given, even
 * out of range, as libical prints them) or a UTC time. */
void icstext_add_time(struct icstext *, enum icstext_type, const char *name, int year, int month,
                      int day, int hour, int minute);
/* The same on the date d at minutes after midnight (hour minutes / 60, minute
 * minutes % 60; ignored for a DATE). */
void icstext_add_day(struct icstext *, enum icstext_type, const char *name, date_t d, int minutes);
/* The calendar as text, END:VCALENDAR included (free it). */
char *icstext_string(const struct icstext *);

#endif
