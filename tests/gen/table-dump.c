/*
 * table-dump.c: read a CSV file or an Excel workbook with lib/core/csvio, as
 * every tool does, and write its records back as CSV exactly (no formula
 * quote), for the shell tests that read a workbook a tool wrote and compare
 * its records with the tool's CSV.
 *
 *   table-dump [-i] [-f N] FILE [SHEET]
 *     SHEET  a name or a number from 1 (the first visible sheet by default)
 *     -i     every field that is a date (DD/MM/YYYY or ISO) written ISO, so
 *            that a CSV's dates compare with a workbook's real dates
 *     -f N   only the first N fields of each record
 *
 * Each record is one CSV row (a blank record an empty line). Exit 2 when
 * the file cannot be read, with the reader's message.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/cli.h"
#include "core/csvio.h"
#include "core/dates.h"
#include "core/diag.h"
#include "core/xalloc.h"

/* Write one record, its dates ISO when iso. */
static void
row(struct csvio_record *r, size_t n, int iso)
{
	char(*buf)[DATES_ISO_LEN] = xcalloc(n + 1, sizeof *buf);
	const char **f = xcalloc(n + 1, sizeof *f);
	date_t d;

	for (size_t i = 0; i < n; i++)
		f[i] = iso && dates_parse(r->fields[i], &d) == 0 ? dates_format(d, buf[i])
		                                                 : r->fields[i];
	csvio_write_row(stdout, f, n);
	free(f);
	free(buf);
}

int
main(int argc, char *argv[])
{
	struct csvio_reader *rd;
	struct csvio_record *r;
	unsigned long max = 0;
	int rc, iso = 0, ch;
	FILE *fp;

	diag_init("table-dump");
	while ((ch = getopt(argc, argv, "if:")) != -1) {
		if (ch == 'i')
			iso = 1;
		else if (ch == 'f')
			max = strtoul(optarg, NULL, 10);
		else
			optind = argc + 1;
	}
	if (optind >= argc || argc - optind > 2 || (fp = fopen(argv[optind], "rb")) == NULL) {
		fprintf(stderr, "usage: table-dump [-i] [-f N] FILE [SHEET]\n");
		return 2;
	}
	if (argc - optind == 2)
		cli_sheet(argv[optind + 1]);
	csvio_set_raw(1);
	rd = csvio_open(fp, argv[optind], 0);
	while ((rc = csvio_next(rd, &r)) > 0) {
		if (r->flags & CSVIO_BLANK)
			putchar('\n');
		else
			row(r, max > 0 && max < r->nfields ? max : r->nfields, iso);
	}
	if (rc < 0)
		diag_error(argv[optind], 0, "%s", csvio_error(rd));
	csvio_close(rd);
	fclose(fp);
	return rc < 0 || fflush(stdout) != 0 ? 2 : 0;
}
