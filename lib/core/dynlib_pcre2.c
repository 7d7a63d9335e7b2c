/*
 * dynlib_pcre2.c: the PCRE2 functions the project calls, as stubs that load
 * PCRE2 on the first call (see dynlib.h): only a run that matches a pattern
 * (a vocabulary's, --id-pattern, a redaction rule's) maps the library, and a
 * run that needs none skips its mapping and relocation at start. The names
 * are PCRE2's 8-bit ones (pcre2.h maps pcre2_compile to pcre2_compile_8; a
 * stub must carry the name dlsym finds) and the prototypes its own (the
 * header checks them): the exception to the rule that a module's names start
 * with its file name.
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <stdint.h>
#include <string.h>

#include <pcre2.h>

#include "core/dynlib.h"

static struct dynlib pcre2 = {"libpcre2-8.so.0", "libpcre2-8.so", "libpcre2-8-0", "match patterns",
                              NULL};

DYNLIB_STUB(pcre2, pcre2_code *, pcre2_compile_8,
            (PCRE2_SPTR pattern, PCRE2_SIZE length, uint32_t options, int *errorcode,
             PCRE2_SIZE *erroroffset, pcre2_compile_context *ccontext),
            (pattern, length, options, errorcode, erroroffset, ccontext))
DYNLIB_STUB_VOID(pcre2, pcre2_code_free_8, (pcre2_code * code), (code))
DYNLIB_STUB(pcre2, int, pcre2_get_error_message_8,
            (int errorcode, PCRE2_UCHAR *buffer, PCRE2_SIZE bufflen), (errorcode, buffer, bufflen))
DYNLIB_STUB(pcre2, uint32_t, pcre2_get_ovector_count_8, (pcre2_match_data * md), (md))
DYNLIB_STUB(pcre2, PCRE2_SIZE *, pcre2_get_ovector_pointer_8, (pcre2_match_data * md), (md))
DYNLIB_STUB(pcre2, int, pcre2_jit_compile_8, (pcre2_code * code, uint32_t options), (code, options))
DYNLIB_STUB(pcre2, int, pcre2_match_8,
            (const pcre2_code *code, PCRE2_SPTR subject, PCRE2_SIZE length, PCRE2_SIZE startoffset,
             uint32_t options, pcre2_match_data *md, pcre2_match_context *mcontext),
            (code, subject, length, startoffset, options, md, mcontext))
DYNLIB_STUB(pcre2, pcre2_match_data *, pcre2_match_data_create_from_pattern_8,
            (const pcre2_code *code, pcre2_general_context *gcontext), (code, gcontext))
DYNLIB_STUB_VOID(pcre2, pcre2_match_data_free_8, (pcre2_match_data * md), (md))
