/*
 * fuzz_csvio.c: the streaming CSV reader, UTF-8 and cp1252, every record
 * read to the end; each record's fields must be consistent with its flags.
 */
#include "csvio.h"
#include "fuzz.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned flags = size > 0 && (data[0] & 1) ? CSVIO_CP1252 : 0;
	FILE *fp = fmemopen((void *)data, size ? size : 1, "r");
	struct csvio_reader *r;
	struct csvio_record *rec;
	unsigned long last = 0;
	size_t i;

	if (fp == NULL)
		return 0;
	if (size == 0)
		fgetc(fp); /* an empty stream */
	r = csvio_open(fp, "fuzz.csv", flags);
	while (csvio_next(r, &rec) == 1) {
		if (rec->line < last || rec->lines < 1)
			abort();
		last = rec->line;
		for (i = 0; i < rec->nfields; i++) {
			if (strlen(rec->fields[i]) > rec->lens[i])
				abort();
			if (!(rec->flags & CSVIO_BAD_UTF8) &&
			    !utf8_valid(rec->fields[i], rec->lens[i], NULL))
				abort();
		}
	}
	csvio_close(r);
	fclose(fp);
	return 0;
}
