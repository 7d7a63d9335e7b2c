/*
 * lexicon-index [--if-stale] FILE: write the prebuilt word index of the
 * redaction detector (lib/redact/redact_index.h) to FILE, from the word
 * lists of the data folder ($CAFCASS_INSPECT_DATA, as the tools find it).
 * `make` runs it as CAFCASS_INSPECT_DATA=share lexicon-index --if-stale
 * share/redact/lexicon.idx. With --if-stale, an index that opens and is up
 * to date is left alone. The index written is opened again and every word
 * looked up in it and in the table built from the lists: any difference
 * and the file is removed (exit 1). Without the word lists there is no
 * index to build: FILE is removed and the reason said (exit 0: the tools
 * say the same when they run).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "redact/redact.h"
#include "redact/redact_index.h"

int
main(int argc, char **argv)
{
	char err[512], why[512];
	struct redact *built, *read;
	struct redact_index *x;
	const char *path;
	size_t differ;
	int stale = argc == 3 && strcmp(argv[1], "--if-stale") == 0;

	if (argc != 2 + stale || argv[argc - 1][0] == '-') {
		fprintf(stderr, "usage: lexicon-index [--if-stale] FILE\n");
		return 2;
	}
	path = argv[argc - 1];
	if (stale && (x = redact_index_open(path, why, sizeof(why))) != NULL) {
		redact_index_close(x);
		return 0;
	}
	if ((built = redact_new_index(NULL, NULL, 0, err, sizeof(err))) == NULL) {
		fprintf(stderr, "lexicon-index: no word index written: %s\n", err);
		unlink(path);
		return 0;
	}
	if (redact_index_write(built, path, err, sizeof(err)) != 0) {
		fprintf(stderr, "lexicon-index: %s\n", err);
		redact_free(built);
		return 1;
	}
	read = redact_new_index(path, why, sizeof(why), err, sizeof(err));
	if (read == NULL || !redact_indexed(read) ||
	    (differ = redact_index_verify(built, read)) != 0) {
		fprintf(stderr, "lexicon-index: %s: %s; removed\n", path,
		        read == NULL            ? err
		        : !redact_indexed(read) ? why
		                                : "its words differ from the lists'");
		unlink(path);
		redact_free(built);
		redact_free(read);
		return 1;
	}
	redact_free(built);
	redact_free(read);
	return 0;
}
