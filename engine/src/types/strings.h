/*
** Character string helpers over the engine's UTF-8 strings: validation
** and character counting, the Latin-1 restriction of CHAR/VARCHAR/CLOB,
** Latin-1 <-> UTF-8 conversion (for clients that speak Latin-1), PAD
** SPACE comparison by code point, blank padding for CHAR(n)/NCHAR(n),
** character-based SUBSTRING, and UPPER/LOWER.  Lengths are in bytes
** unless a name says characters.  Only the functions taking an Arena
** allocate.
*/
#ifndef MIMERLITE_STRINGS_H
#define MIMERLITE_STRINGS_H

#include <stdint.h>

#include "util/arena.h"

/*
** Check that z[0..n) is well-formed UTF-8 (no overlong forms, surrogates
** or code points above U+10FFFF) and count its characters into *pnChar
** (may be NULL).  Returns ML_OK or ML_E_INVALID_UTF8.
*/
int strUtf8Check(const char *z, uint32_t n, uint32_t *pnChar);

/* Characters in valid UTF-8 z[0..n). */
uint32_t strCharCount(const char *z, uint32_t n);

/*
** ML_OK if every character of valid UTF-8 z[0..n) is at most U+00FF,
** else ML_E_NOT_LATIN1.
*/
int strLatin1Check(const char *z, uint32_t n);

/*
** Latin-1 bytes a[0..n) as UTF-8 into zOut, which has room for 2*n
** bytes; returns the bytes written.
*/
uint32_t strLatin1ToUtf8(const unsigned char *a, uint32_t n, char *zOut);

/*
** Valid UTF-8 z[0..n) as Latin-1 bytes into aOut (room for n bytes),
** the count into *pnOut.  ML_E_NOT_LATIN1 for a character above U+00FF.
*/
int strUtf8ToLatin1(const char *z, uint32_t n, unsigned char *aOut, uint32_t *pnOut);

/*
** Compare valid UTF-8 strings by code point with PAD SPACE semantics:
** the shorter is treated as padded with blanks, so trailing blanks never
** matter ('a' = 'a  ', 'a' > 'a\t').  Returns <0, 0, >0.
*/
int strCompare(const char *a, uint32_t na, const char *b, uint32_t nb);

/* Byte length of z[0..n) without its trailing blanks (U+0020). */
uint32_t strTrimRightLen(const char *z, uint32_t n);

/*
** z[0..n) followed by nPad blanks, in a new arena buffer (*pz, *pn).
** Returns ML_OK or ML_E_NOMEM.
*/
int strPadBlanks(Arena *pArena, const char *z, uint32_t n, uint32_t nPad,
                 const char **pz, uint32_t *pn);

/* Byte offset of the iChar-th (0-based) character of valid UTF-8
** z[0..n), or n when the string has no more characters. */
uint32_t strCharOffset(const char *z, uint32_t n, uint32_t iChar);

/*
** SQL SUBSTRING(z FROM iStart [FOR nLen]) by characters: iStart counts
** from 1 and may be below 1 or past the end, nLen < 0 means "to the end"
** unless hasLen.  The result is the byte range *piOff, *pnOut of z.
** A negative length given with hasLen is ML_E_SUBSTRING (SQLSTATE 22011).
*/
int strSubstring(const char *z, uint32_t n, int64_t iStart, int hasLen, int64_t nLen,
                 uint32_t *piOff, uint32_t *pnOut);

/* Simple (one-to-one) case mapping of a code point; unmapped ones return c. */
uint32_t strToUpper(uint32_t c);
uint32_t strToLower(uint32_t c);

/*
** UPPER (toUpper=1) or LOWER of valid UTF-8 z[0..n) into a new arena
** buffer.  latin1Only keeps a character whose mapping leaves Latin-1
** unchanged (UPPER of 'ÿ' and 'µ' in a CHAR value).  Mapped: Latin-1,
** Latin Extended-A, Latin Extended Additional, Greek, Cyrillic (with the
** supplement), Armenian and the fullwidth Latin letters; other scripts
** pass unchanged.  Returns ML_OK or ML_E_NOMEM.
*/
int strCaseMap(Arena *pArena, const char *z, uint32_t n, int toUpper, int latin1Only,
               const char **pz, uint32_t *pn);

#endif
