/*
 * dynlib_zlib.c: the zlib functions the project calls, as stubs that load
 * zlib on the first call (see dynlib.h): only a run that reads a workbook
 * inflates, and a run that reads CSV never maps zlib. The names and
 * prototypes are zlib's own (the header checks them), not this file's: the
 * exception to the rule that a module's names start with its file name.
 */
#include <string.h>

#include <zlib.h>

#include "core/dynlib.h"

static struct dynlib zlib = {"libz.so.1", "libz.so", "zlib1g", "read workbooks", NULL};

DYNLIB_STUB(zlib, uLong, crc32, (uLong crc, const Bytef *buf, uInt len), (crc, buf, len))
DYNLIB_STUB(zlib, int, inflate, (z_streamp strm, int flush), (strm, flush))
DYNLIB_STUB(zlib, int, inflateEnd, (z_streamp strm), (strm))
DYNLIB_STUB(zlib, int, inflateInit2_, (z_streamp strm, int window, const char *version, int size),
            (strm, window, version, size))
