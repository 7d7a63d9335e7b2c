/*
 * csvparse.c: the benchmark's baseline, a bare libcsv parse of a file with
 * empty callbacks and the parser options of lib/csvio (the parser's ceiling).
 * Built and run by tests/bench/run.sh; prints the number of records parsed,
 * the header included, so that the script can check it parsed them all.
 */
#include <stdio.h>
#include <stdlib.h>

#include <csv.h>

static unsigned long records;

/* Do nothing with a field: the ceiling is the parse alone. */
static void
on_field(void *s, size_t len, void *arg)
{
	(void)s;
	(void)len;
	(void)arg;
}

/* Count a record. */
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
	if (csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) != 0) {
		fprintf(stderr, "csvparse: out of memory\n");
		return 2;
	}
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_row, NULL) != n) {
			fprintf(stderr, "csvparse: %s\n", csv_strerror(csv_error(&p)));
			return 2;
		}
	if (ferror(fp)) {
		fprintf(stderr, "csvparse: cannot read %s\n", argv[1]);
		return 2;
	}
	if (csv_fini(&p, on_field, on_row, NULL) != 0) {
		fprintf(stderr, "csvparse: %s\n", csv_strerror(csv_error(&p)));
		return 2;
	}
	csv_free(&p);
	fclose(fp);
	printf("%lu\n", records);
	return 0;
}
