/*
 * csv-field.c: read a CSV file with lib/core/csvio, for the shell tests
 * (so that none needs Python).
 *
 *   csv-field FILE COLUMN...   the named columns' values (header matched
 *                              exactly), one a line, record by record
 *   csv-field -n FILE          "RECORDS HEADER-FIELDS RAGGED": the data
 *                              records, the header's fields, and how many
 *                              records have another number of fields
 *
 * Exit 2 when the file cannot be read, has no header or lacks a column.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/csvio.h"
#include "core/diag.h"
#include "core/xalloc.h"

int
main(int argc, char *argv[])
{
	struct csvio_reader *rd;
	struct csvio_record *r;
	unsigned long records = 0, ragged = 0;
	int count = argc > 1 && strcmp(argv[1], "-n") == 0, first = count ? 2 : 1;
	size_t ncols, i, k, *cols = NULL, ncols_wanted = 0;
	FILE *fp;

	diag_init("csv-field");
	if (argc < first + (count ? 1 : 2) || (fp = fopen(argv[first], "rb")) == NULL) {
		fprintf(stderr, "usage: csv-field FILE COLUMN... | csv-field -n FILE\n");
		return 2;
	}
	rd = csvio_open(fp, argv[first], 0);
	if (csvio_next(rd, &r) != 1) {
		diag_error(argv[first], 1, "no header row");
		return 2;
	}
	ncols = r->nfields;
	if (!count) {
		ncols_wanted = (size_t)(argc - first - 1);
		cols = xcalloc(ncols_wanted, sizeof *cols);
		for (k = 0; k < ncols_wanted; k++) {
			for (i = 0;
			     i < ncols && strcmp(r->fields[i], argv[first + 1 + (int)k]) != 0; i++)
				;
			if (i == ncols) {
				diag_error(argv[first], 1, "no column %s",
				           argv[first + 1 + (int)k]);
				return 2;
			}
			cols[k] = i;
		}
	}
	while (csvio_next(rd, &r) == 1) {
		records++;
		ragged += r->nfields != ncols;
		for (k = 0; k < ncols_wanted; k++)
			if (cols[k] < r->nfields)
				printf("%s\n", r->fields[cols[k]]);
	}
	if (count)
		printf("%lu %zu %lu\n", records, ncols, ragged);
	free(cols);
	csvio_close(rd);
	fclose(fp);
	return 0;
}
