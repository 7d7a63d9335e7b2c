/*
 * csv-to-xlsx.c: write a CSV file as an Excel workbook with the tools' own
 * writer (core/xlsxout: numbers as numbers, dates as real dates, the rest
 * text), for the tests that feed workbooks to the tools without shipping
 * binary fixtures.
 *
 *   csv-to-xlsx IN.csv OUT.xlsx [SHEET]   (SHEET "Data" by default)
 *
 * Exit 2 with a message when IN cannot be read or OUT written.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/xalloc.h"
#include "core/xlsxout.h"

int
main(int argc, char *argv[])
{
	char err[512], *buf = NULL;
	size_t len = 0, n;
	char chunk[65536];
	struct xlsxout *x;
	FILE *in, *out;

	diag_init("csv-to-xlsx");
	if (argc < 3 || argc > 4) {
		fprintf(stderr, "usage: csv-to-xlsx IN.csv OUT.xlsx [SHEET]\n");
		return 2;
	}
	if ((in = fopen(argv[1], "rb")) == NULL) {
		diag_error(argv[1], 0, "%s", strerror(errno));
		return 2;
	}
	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0) {
		buf = xrealloc(buf, len + n);
		memcpy(buf + len, chunk, n);
		len += n;
	}
	fclose(in);
	if ((x = xlsxout_new(err, sizeof err)) == NULL) {
		diag_error(NULL, 0, "%s", err);
		return 2;
	}
	if (xlsxout_sheet(x, argc == 4 ? argv[3] : "Data", buf, len, NULL, 0, err, sizeof err) !=
	    0) {
		diag_error(argv[1], 0, "%s", err);
		xlsxout_abort(x);
		return 2;
	}
	free(buf);
	if ((out = fopen(argv[2], "wb")) == NULL) {
		diag_error(argv[2], 0, "%s", strerror(errno));
		return 2;
	}
	if (xlsxout_finish(x, out, err, sizeof err) != 0 || fclose(out) != 0) {
		diag_error(argv[2], 0, "%s", err);
		return 2;
	}
	return 0;
}
