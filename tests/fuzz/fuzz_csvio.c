/*
 * fuzz_csvio.c: the streaming CSV reader, UTF-8 and cp1252, every record
 * read to the end; each record's fields must be consistent with its flags,
 * and the records must be the same when every line goes through libcsv
 * (CSVIO_LIBCSV_ONLY) as when the reader splits lines itself (split(),
 * for lines whose quoted fields close on the line).
 */
#include "core/csvio.h"
#include "core/utf8.h"
#include "fuzz.h"

/* Fold n bytes into an FNV-1a hash. */
static uint64_t
fold(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n-- > 0)
		h = (h ^ *b++) * 1099511628211ULL;
	return h;
}

/* Read the whole input with flags, checking each record; a hash of every record. */
static uint64_t
read_all(const uint8_t *data, size_t size, unsigned flags)
{
	FILE *fp = fmemopen((void *)data, size ? size : 1, "r");
	struct csvio_reader *r;
	struct csvio_record *rec;
	unsigned long last = 0;
	uint64_t h = 1469598103934665603ULL;
	size_t i;
	int rc;

	if (fp == NULL)
		abort();
	if (size == 0)
		fgetc(fp); /* an empty stream */
	r = csvio_open(fp, "fuzz.csv", flags);
	while ((rc = csvio_next(r, &rec)) == 1) {
		if (rec->line < last || rec->lines < 1)
			abort();
		last = rec->line;
		h = fold(h, &rec->line, sizeof rec->line);
		h = fold(h, &rec->lines, sizeof rec->lines);
		h = fold(h, &rec->flags, sizeof rec->flags);
		h = fold(h, &rec->nfields, sizeof rec->nfields);
		for (i = 0; i < rec->nfields; i++) {
			if (strlen(rec->fields[i]) > rec->lens[i])
				abort();
			if (!(rec->flags & CSVIO_BAD_UTF8) &&
			    !utf8_valid(rec->fields[i], rec->lens[i], NULL))
				abort();
			h = fold(h, &rec->lens[i], sizeof rec->lens[i]);
			h = fold(h, rec->fields[i], rec->lens[i]);
		}
	}
	h = fold(h, &rc, sizeof rc);
	csvio_close(r);
	fclose(fp);
	return h;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned flags = size > 0 && (data[0] & 1) ? CSVIO_CP1252 : 0;

	if (read_all(data, size, flags) != read_all(data, size, flags | CSVIO_LIBCSV_ONLY))
		abort();
	return 0;
}
