/*
 * output.h: all-or-nothing output (contract section 1, "-o FILE").
 *
 * A named file is written to a temporary file in the same folder and renamed
 * over it on output_commit(). Standard output ("-", NULL or "/dev/stdout")
 * is buffered in an unnamed temporary file and copied out on commit, so a
 * tool that fails writes nothing at all; "/dev/null" discards. output_abort()
 * leaves no trace, and neither do exit() (out of memory, usage) nor SIGTERM,
 * SIGINT, SIGHUP or SIGPIPE: the temporary is removed.
 *
 * The target must be a regular file or absent. Refused, with a message and
 * before any work is written: a symbolic link (the final component is never
 * followed, as with O_NOFOLLOW: name the file it points to), a FIFO, a socket,
 * a device, a directory, a read-only file, a file owned by another user
 * (unless run as root, when owner and group are kept), a file with other hard
 * links, and any file registered with output_input() (same device and inode,
 * whatever the name). New files are 0600; an existing file keeps its mode
 * when that is not wider than 0600, else it is narrowed to 0600 with a
 * warning on stderr. The folder is opened once: a folder renamed or a link
 * swapped in during the run cannot redirect the write.
 */
#ifndef OUTPUT_H
#define OUTPUT_H

#include <stdio.h>

struct output;

/*
 * Name a file this run reads ("-": standard input, when it is a file; NULL:
 * nothing, for an option not given), so that output_open() and output_commit() refuse a target that
 * is the same file. Call it for every input before output_open(); a path that cannot be read is
 * ignored here (the tool reports it when it opens it).
 */
void output_input(const char *path);
/*
 * Open path for reading and register it as output_input() does (by the file
 * opened, so a rename in between cannot dodge it); NULL with errno set. Every
 * input file of every tool is opened through here.
 */
FILE *output_input_open(const char *path);
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
