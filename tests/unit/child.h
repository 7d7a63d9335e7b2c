/*
 * child.h: run a call in a child process, as a tool would, and read what it
 * wrote to stderr and how it ended: for the tests of code that stops the
 * program (exit 2 with a message) rather than return.
 */
#ifndef CHILD_H
#define CHILD_H

#include <stddef.h>

/*
 * Run fn(arg) in a child whose diagnostics name prog and whose stderr is
 * read into buf (NUL-terminated, cut to bufsz - 1 bytes); the child exits 0
 * when fn returns. The child's exit status; a check fails unless it exited.
 */
int child_stderr(const char *prog, void (*fn)(void *), void *arg, char *buf, size_t bufsz);

#endif
