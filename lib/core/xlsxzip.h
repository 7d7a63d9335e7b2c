/*
 * xlsxzip.h: the ZIP container of a workbook, read with ISA-L and zlib: the
 * central directory (ZIP64 too), then one member at a time, stored or
 * deflated, its CRC checked at its end. Nothing else of ZIP is taken: an
 * encrypted member, another compression method, an archive split over disks
 * are refused with a message. Reading libzip's way pulled libzip, libbz2 and
 * libcrypto into every tool's start-up.
 *
 * Bounds: the central directory at most XLSXZIP_MAX_DIR bytes; a member never
 * gives more bytes than the directory says it holds (a ZIP bomb that lies is
 * refused), nor fewer. The caller checks sizes and ratios from xlsxzip_stat.
 *
 * Ownership: xlsxzip_open takes fp (closed by xlsxzip_close, or at once when
 * the open fails). Errors: NULL or -1 and a message in the buffer given,
 * without the file's name (the caller adds it).
 */
#ifndef XLSXZIP_H
#define XLSXZIP_H

#include <stdint.h>
#include <stdio.h>

#include "core/strbuf.h"

#define XLSXZIP_MAX_DIR ((uint64_t)64 << 20)

struct xlsxzip; /* an archive open for reading */
struct xlsxzip_file; /* one member open for reading */

struct xlsxzip_stat {
	uint64_t size, comp_size;
	int encrypted, method;
};

/* Open the archive that starts at byte start of fp. */
struct xlsxzip *xlsxzip_open(FILE *fp, uint64_t start, struct strbuf *err);
void xlsxzip_close(struct xlsxzip *);
/* The member named name (ASCII case ignored when nocase): its index, or -1. */
long xlsxzip_find(const struct xlsxzip *, const char *name, int nocase);
void xlsxzip_stat(const struct xlsxzip *, long idx, struct xlsxzip_stat *);
/* One member open at a time per archive. */
struct xlsxzip_file *xlsxzip_fopen(struct xlsxzip *, long idx, struct strbuf *err);
/* Up to n bytes into buf: how many (0 at the member's end), or -1 (err set). */
long long xlsxzip_fread(struct xlsxzip_file *, void *buf, size_t n, struct strbuf *err);
/*
 * Whether zlib takes the bytes given so far as a valid stream: 0, or -1 with
 * err set as xlsxzip_fread() would have set it had zlib read them. ISA-L
 * inflates; zlib refuses some streams it accepts (an incomplete Huffman code):
 * call this before reporting an error met in what the member gave.
 */
int xlsxzip_fcheck(struct xlsxzip_file *, struct strbuf *err);
void xlsxzip_fclose(struct xlsxzip_file *);

#endif
