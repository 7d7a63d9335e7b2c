/*
 * csvcount.c: the benchmark's baseline: a bare libcsv parse of a file,
 * counting fields and records, nothing else (see bench.sh).
 */
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>

static unsigned long nfields, nrecords;

/* Count a field. */
static void
on_field(void *s, size_t len, void *data)
{
	(void)s;
	(void)len;
	(void)data;
	nfields++;
}

/* Count a record. */
static void
on_record(int c, void *data)
{
	(void)c;
	(void)data;
	nrecords++;
}

int
main(int argc, char **argv)
{
	struct csv_parser p;
	char buf[65536];
	size_t n;
	FILE *fp;

	if (argc != 2 || (fp = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "usage: csvcount FILE\n");
		return 2;
	}
	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		return 2;
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_record, NULL) != n)
			return 2;
	csv_fini(&p, on_field, on_record, NULL);
	csv_free(&p);
	fclose(fp);
	printf("%lu records, %lu fields\n", nrecords, nfields);
	return 0;
}
