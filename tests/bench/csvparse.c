/*
 * csvparse.c: the benchmark's baseline, a bare libcsv parse of a file with
 * empty callbacks (the same parser options as lib/csvio). Built and run by
 * tests/bench/run.sh; prints the number of records parsed.
 */
#include <stdio.h>
#include <stdlib.h>

#include <csv.h>

static unsigned long records;

static void
on_field(void *s, size_t len, void *arg)
{
	(void)s;
	(void)len;
	(void)arg;
}

static void
on_row(int c, void *arg)
{
	(void)c;
	(void)arg;
	records++;
}

int
main(int argc, char *argv[])
{
	static char buf[1 << 16];
	struct csv_parser p;
	FILE *fp;
	size_t n;

	if (argc != 2 || (fp = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "usage: csvparse FILE\n");
		return 2;
	}
	csv_init(&p, CSV_STRICT | CSV_APPEND_NULL);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_row, NULL) != n) {
			fprintf(stderr, "csvparse: %s\n", csv_strerror(csv_error(&p)));
			return 1;
		}
	csv_fini(&p, on_field, on_row, NULL);
	csv_free(&p);
	fclose(fp);
	printf("%lu\n", records);
	return 0;
}
