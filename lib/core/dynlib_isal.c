/*
 * dynlib_isal.c: the ISA-L (Intel's storage acceleration library) functions
 * the project calls, as stubs that load it on the first call (see dynlib.h):
 * a workbook's members are inflated and their CRCs taken with it, about three
 * times as fast as zlib, and a run that reads CSV never maps it. The names and
 * prototypes are ISA-L's own (the header checks them), not this file's: the
 * exception to the rule that a module's names start with its file name.
 */
#include <string.h>

#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>

#include "core/dynlib.h"

static struct dynlib isal = {"libisal.so.2", "libisal.so", "libisal2", "read workbooks", NULL};

DYNLIB_STUB(isal, uint32_t, crc32_gzip_refl,
            (uint32_t init_crc, const unsigned char *buf, uint64_t len), (init_crc, buf, len))
DYNLIB_STUB(isal, int, isal_inflate, (struct inflate_state * state), (state))
DYNLIB_STUB_VOID(isal, isal_inflate_init, (struct inflate_state * state), (state))
