/*
 * fuzz_icstext.c: plan/icstext against libical (tests/unit/ics_oracle.h).
 * The input is a list of properties, each an operation byte and a value up
 * to the next NUL: BEGIN/END:VEVENT, a TEXT or CATEGORIES value of any
 * bytes, a date or time from the value's first bytes (years past 3000 and
 * hours past 23 included), SEQUENCE, STATUS/TRANSP. The writer's text must
 * be libical's, byte for byte.
 */
#include "../unit/ics_oracle.h"
#include "fuzz.h"
#include "plan/icstext.h"

/* The i-th byte of s as a number, 0 past its end. */
static int
byte_at(const char *s, size_t n, size_t i)
{
	return i < n ? (unsigned char)s[i] : 0;
}

static void
add_time(struct icstext *c, unsigned op, const char *s, size_t n)
{
	static const enum icstext_type types[] = {ICSTEXT_DATE, ICSTEXT_LOCAL, ICSTEXT_UTC};
	enum icstext_type t = types[op % 3];
	int year = (byte_at(s, n, 0) << 8 | byte_at(s, n, 1)) % 10100 - 50;

	icstext_add_time(c, t,
	                 t == ICSTEXT_UTC ? "DTSTAMP"
	                 : op & 4         ? "DTEND"
	                                  : "DTSTART",
	                 year, byte_at(s, n, 2) % 40 - 2, byte_at(s, n, 3) % 40 - 2,
	                 byte_at(s, n, 4) % 130 - 2, byte_at(s, n, 5) % 130 - 2);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const text[] = {"SUMMARY", "DESCRIPTION", "LOCATION", "UID", "PRODID"};
	struct icstext c;
	char *mine, *theirs;
	int in_event = 0;
	size_t i = 0;

	icstext_init(&c, "fuzz");
	while (i < size) {
		unsigned op = data[i++];
		size_t n = 0;
		char *s;

		while (i + n < size && data[i + n] != 0)
			n++;
		s = fuzz_string(data + i, n);
		i += n + 1;
		switch (op % 8) {
		case 0:
			if (!in_event)
				icstext_add(&c, ICSTEXT_BEGIN, "VEVENT", NULL);
			in_event = 1;
			break;
		case 1:
			if (in_event)
				icstext_add(&c, ICSTEXT_END, "VEVENT", NULL);
			in_event = 0;
			break;
		case 2:
		case 3:
			icstext_add(&c, ICSTEXT_TEXT, text[(op / 8) % 5], s);
			break;
		case 4:
			icstext_add(&c, ICSTEXT_LIST, "CATEGORIES", s);
			break;
		case 5:
			add_time(&c, op / 8, s, n);
			break;
		case 6:
			icstext_add_int(&c, "SEQUENCE", (int)strtol(s, NULL, 10));
			break;
		default:
			icstext_add(&c, ICSTEXT_WORD, op & 8 ? "STATUS" : "TRANSP",
			            op & 8 ? "CANCELLED" : "TRANSPARENT");
		}
		free(s);
	}
	if (in_event)
		icstext_add(&c, ICSTEXT_END, "VEVENT", NULL);
	mine = icstext_string(&c);
	theirs = ics_oracle_string(&c);
	if (theirs == NULL || strcmp(mine, theirs) != 0)
		abort();
	free(mine);
	free(theirs);
	icstext_free(&c);
	return 0;
}
