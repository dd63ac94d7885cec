/*
** Text of values and types of literals.  valueToText writes the canonical
** text of any value, the form MimerGetString8 returns (spec c-api 4.8)
** and CAST(x AS VARCHAR) produces; the valueXxxLiteral functions give a
** literal of the SQL text its value and its type by Mimer's rules (an
** integer literal's precision counts every digit written, 007 is
** INTEGER(3)).  Choices where Mimer is unknown: docs/compatibility.md.
*/
#ifndef MIMERLITE_FORMAT_H
#define MIMERLITE_FORMAT_H

#include <stdint.h>

#include "types/value.h"
#include "util/arena.h"
#include "util/errors.h"
#include "util/strbuf.h"

#define VALUE_DOUBLE_TEXT_MAX 32   /* buffer for valueDoubleText, NUL included */

/*
** The shortest text that reads back as v (as a float when isReal) in the
** scientific form dec45FormatSci uses for FLOAT(p): "1.5E+0", "-2.5E-7",
** "1E+20", "0E0".  v must be finite; -0.0 prints as 0.  zBuf has at least
** VALUE_DOUBLE_TEXT_MAX bytes.  Returns the length written.
*/
int valueDoubleText(double v, int isReal, char *zBuf);

/*
** Append the text of non-NULL value p of type pType to pBuf:
**   binary integers, INTEGER(p)   plain digits, "-123"
**   DECIMAL(p,s)                  exactly s fraction digits, "12.50", "0.05"
**   FLOAT(p), REAL, DOUBLE        scientific, "1.5E+0" (valueDoubleText)
**   CHAR(n), NCHAR(n)             blank padded to n characters
**   other strings                 as stored (UTF-8)
**   binary strings                upper-case hex digits, "0D0A"
**   BOOLEAN                       TRUE / FALSE
**   datetimes, intervals          datetime.h's forms at the type's scale
**   UUID                          lower-case 8-4-4-4-12
**   BUILTIN.GIS_*                 gisToText: "59.3293", "59.3293,18.0686"
** Returns ML_OK, ML_E_NOMEM (from pBuf) or an error of the formatter.
*/
int valueToText(const Value *p, const SqlType *pType, StrBuf *pBuf);

/*
** Type and value of a numeric literal z[0..n) as written in SQL (no
** sign): digits only is INTEGER(p) with p the digits written (leading
** zeros count, 45 at most); with a point DECIMAL(p,s) likewise
** ("003.1400" is DECIMAL(7,4)); with an exponent DOUBLE PRECISION.
** Errors: ML_E_INVALID_NUMBER for malformed text, ML_E_OVERFLOW for more
** than 45 significant digits, a scale above 45 or a double beyond range.
*/
int valueNumericLiteral(const char *z, uint32_t n, Value *pOut, SqlType *pType,
                        MlError *pErr);

/*
** Type a character string literal whose UTF-8 text (quotes removed,
** '' undone) is z[0..n): CHAR(n) when it is not national (N'...') and
** holds only Latin-1 characters, else NCHAR(n); beyond 15000 (5000)
** characters CLOB (NCLOB).  pOut points at z.  ML_E_INVALID_UTF8 for bad
** UTF-8.
*/
int valueStringLiteral(const char *z, uint32_t n, int isNational, Value *pOut,
                       SqlType *pType, MlError *pErr);

/*
** Type and value of a hexadecimal literal X'...' whose digits are
** zHex[0..n): BINARY(n/2), bytes allocated in pArena.  An odd number of
** digits or a non-hex character is ML_E_BAD_LITERAL.
*/
int valueBinaryLiteral(const char *zHex, uint32_t n, Arena *pArena, Value *pOut,
                       SqlType *pType, MlError *pErr);

/*
** DATE '...', TIME '...' or TIMESTAMP '...' (id SQLT_DATE, SQLT_TIME or
** SQLT_TIMESTAMP): the value, and the type whose scale is the number of
** fractional second digits written (at most 9).  Errors of datetime.h's
** parsers (ML_E_INVALID_DATETIME).
*/
int valueDatetimeLiteral(SqlTypeId id, const char *z, uint32_t n, Value *pOut,
                         SqlType *pType, MlError *pErr);

#endif
