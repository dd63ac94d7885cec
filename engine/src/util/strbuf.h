/*
** StrBuf: a growable byte buffer for building keys, records, SQL text and
** messages.  It may start on caller-provided (e.g. stack) storage and only
** touches the heap when that is outgrown, so short-lived buffers on hot
** paths usually allocate nothing.  After an allocation failure the buffer
** is marked failed, further appends are ignored and strbufError() reports
** ML_E_NOMEM once, so callers can append freely and check at the end.
*/
#ifndef MIMERLITE_STRBUF_H
#define MIMERLITE_STRBUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct StrBuf {
  unsigned char *a;        /* bytes (not NUL-terminated unless asked) */
  size_t n;                /* bytes used */
  size_t nAlloc;           /* capacity of a */
  uint8_t onHeap;          /* 1 if a was malloc'ed by us */
  uint8_t failed;          /* 1 after an allocation failure */
} StrBuf;

void strbufInit(StrBuf *p, void *pStatic, size_t nStatic);
void strbufFree(StrBuf *p);
void strbufReset(StrBuf *p);                       /* n = 0, keep storage */
int strbufReserve(StrBuf *p, size_t nExtra);       /* ML_OK or ML_E_NOMEM */
void strbufAppend(StrBuf *p, const void *pData, size_t n);
void strbufAppendByte(StrBuf *p, unsigned char c);
void strbufAppendStr(StrBuf *p, const char *z);
void strbufPrintf(StrBuf *p, const char *zFmt, ...) __attribute__((format(printf, 2, 3)));
const char *strbufCStr(StrBuf *p);                 /* NUL-terminate and return */
int strbufError(const StrBuf *p);                  /* ML_OK or ML_E_NOMEM */

#endif
