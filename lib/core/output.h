/*
 * output.h: all-or-nothing output. A named file is written to a temporary
 * file in the same folder and renamed over it on output_commit(); new files
 * are created 0600, an existing file keeps its mode. Standard output is
 * buffered in an unnamed temporary file and copied out on commit, so a tool
 * that fails writes nothing at all. output_abort() leaves no trace.
 * A target that exists but is not a regular file (a device such as
 * /dev/full, a pipe) is never renamed over: it is written in place on commit.
 */
#ifndef OUTPUT_H
#define OUTPUT_H

#include <stdio.h>

struct output;

/* path NULL or "-" means standard output. NULL on error, reason in err. */
struct output *output_open(const char *path, char *err, size_t errsz);
FILE *output_stream(struct output *);
/* The name to use in messages ("<stdout>" or the path). */
const char *output_name(const struct output *);
/* Flush, check for write errors, rename into place; 0, or -1 with err set.
 * The output is freed either way. */
int output_commit(struct output *, char *err, size_t errsz);
/* Discard everything written; the target is left as it was. */
void output_abort(struct output *);

#endif
