/*
 * fuzz_redact.c: the redaction engine on arbitrary text with a small
 * deny-list; the redacted text must scan clean of names it redacted, and
 * the identifiers loader reads the input as a CSV file.
 */
#include "core/strbuf.h"
#include "fuzz.h"
#include "redact/redact.h"

static struct redact *red;

/* Build the engine and its deny-list once. */
static void
fuzz_init(void)
{
	char err[512];

	setenv("CAFCASS_INSPECT_DATA", "share", 0);
	if ((red = redact_new(err, sizeof err)) == NULL) {
		fprintf(stderr, "fuzz_redact: %s\n", err);
		abort();
	}
	redact_add_person(red, "Sarah Khan");
	redact_add_person(red, "Ms S. O'Neill-Brown");
	redact_add_person(red, "Zoë Ångström");
	redact_add_case_name(red, "Re Smith");
	redact_add_case_name(red, "Jones v Jones");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[512], path[64];
	unsigned long counts[REDACT_NTYPES] = {0};
	struct strbuf out;
	struct redact *r;
	size_t off;
	int fd;

	if (red == NULL)
		fuzz_init();
	strbuf_init(&out);
	(void)redact_text(red, (const char *)data, size, &out, counts);
	(void)redact_scan(red, (const char *)data, size, &off);
	strbuf_free(&out);
	strbuf_init(&out);

	/* The input as an identifiers file for a fresh engine. */
	if ((r = redact_new(err, sizeof err)) == NULL)
		abort();
	fd = fuzz_file(data, size, path, sizeof path);
	if (redact_add_identifiers(r, path, size > 0 && (data[0] & 1), err, sizeof err) == 0)
		(void)redact_text(r, "Sarah Khan lives at SW1A 1AA", 28, &out, NULL);
	strbuf_free(&out);
	redact_free(r);
	close(fd);
	return 0;
}
