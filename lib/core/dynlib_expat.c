/*
 * dynlib_expat.c: the expat functions the project calls, as stubs that load
 * expat on the first call (see dynlib.h): only a run that reads a workbook
 * parses XML, and a run that reads CSV never maps expat. The names and
 * prototypes are expat's own (the header checks them), not this file's: the
 * exception to the rule that a module's names start with its file name.
 */
#include <string.h>

#include <expat.h>

#include "core/dynlib.h"

static struct dynlib expat = {"libexpat.so.1", "libexpat.so", "libexpat1", "read workbooks", NULL};

DYNLIB_STUB(expat, const XML_LChar *, XML_ErrorString, (enum XML_Error code), (code))
DYNLIB_STUB(expat, void *, XML_GetBuffer, (XML_Parser p, int len), (p, len))
DYNLIB_STUB(expat, int, XML_GetCurrentByteCount, (XML_Parser p), (p))
DYNLIB_STUB(expat, XML_Size, XML_GetCurrentLineNumber, (XML_Parser p), (p))
DYNLIB_STUB(expat, enum XML_Error, XML_GetErrorCode, (XML_Parser p), (p))
DYNLIB_STUB(expat, const char *, XML_GetInputContext, (XML_Parser p, int *offset, int *size),
            (p, offset, size))
DYNLIB_STUB(expat, enum XML_Status, XML_Parse, (XML_Parser p, const char *s, int len, int final),
            (p, s, len, final))
DYNLIB_STUB(expat, enum XML_Status, XML_ParseBuffer, (XML_Parser p, int len, int final),
            (p, len, final))
DYNLIB_STUB(expat, XML_Parser, XML_ParserCreate, (const XML_Char *encoding), (encoding))
DYNLIB_STUB_VOID(expat, XML_ParserFree, (XML_Parser p), (p))
DYNLIB_STUB(expat, enum XML_Status, XML_ResumeParser, (XML_Parser p), (p))
DYNLIB_STUB_VOID(expat, XML_SetCharacterDataHandler, (XML_Parser p, XML_CharacterDataHandler h),
                 (p, h))
DYNLIB_STUB_VOID(expat, XML_SetElementHandler,
                 (XML_Parser p, XML_StartElementHandler start, XML_EndElementHandler end),
                 (p, start, end))
DYNLIB_STUB_VOID(expat, XML_SetStartDoctypeDeclHandler,
                 (XML_Parser p, XML_StartDoctypeDeclHandler start), (p, start))
DYNLIB_STUB_VOID(expat, XML_SetUserData, (XML_Parser p, void *data), (p, data))
DYNLIB_STUB_VOID(expat, XML_SetXmlDeclHandler, (XML_Parser p, XML_XmlDeclHandler h), (p, h))
DYNLIB_STUB(expat, enum XML_Status, XML_StopParser, (XML_Parser p, XML_Bool resumable),
            (p, resumable))
