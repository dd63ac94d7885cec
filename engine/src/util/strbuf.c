/*
** StrBuf implementation (see strbuf.h).
*/
#include "util/strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/errors.h"

void strbufInit(StrBuf *p, void *pStatic, size_t nStatic){
  p->a = pStatic;
  p->n = 0;
  p->nAlloc = pStatic ? nStatic : 0;
  p->onHeap = 0;
  p->failed = 0;
}

void strbufFree(StrBuf *p){
  if( p->onHeap ) free(p->a);
  p->a = 0;
  p->n = p->nAlloc = 0;
  p->onHeap = 0;
}

void strbufReset(StrBuf *p){
  p->n = 0;
  p->failed = 0;
}

/* Make room for nExtra more bytes (plus a NUL); ML_E_NOMEM on failure. */
int strbufReserve(StrBuf *p, size_t nExtra){
  size_t nNeed, nNew;
  unsigned char *aNew;
  if( p->failed ) return ML_E_NOMEM;
  nNeed = p->n + nExtra + 1;
  if( nNeed < p->n ){ p->failed = 1; return ML_E_NOMEM; }
  if( nNeed <= p->nAlloc ) return ML_OK;
  nNew = p->nAlloc ? p->nAlloc*2 : 64;
  while( nNew < nNeed ) nNew *= 2;
  if( p->onHeap ){
    aNew = realloc(p->a, nNew);
  }else{
    aNew = malloc(nNew);
    if( aNew && p->n ) memcpy(aNew, p->a, p->n);
  }
  if( aNew==0 ){ p->failed = 1; return ML_E_NOMEM; }
  p->a = aNew;
  p->nAlloc = nNew;
  p->onHeap = 1;
  return ML_OK;
}

void strbufAppend(StrBuf *p, const void *pData, size_t n){
  if( n==0 || strbufReserve(p, n)!=ML_OK ) return;
  memcpy(p->a + p->n, pData, n);
  p->n += n;
}

void strbufAppendByte(StrBuf *p, unsigned char c){
  if( strbufReserve(p, 1)!=ML_OK ) return;
  p->a[p->n++] = c;
}

void strbufAppendStr(StrBuf *p, const char *z){
  strbufAppend(p, z, strlen(z));
}

void strbufPrintf(StrBuf *p, const char *zFmt, ...){
  va_list ap;
  int n;
  va_start(ap, zFmt);
  n = vsnprintf(0, 0, zFmt, ap);
  va_end(ap);
  if( n<0 || strbufReserve(p, (size_t)n)!=ML_OK ) return;
  va_start(ap, zFmt);
  vsnprintf((char*)p->a + p->n, (size_t)n + 1, zFmt, ap);
  va_end(ap);
  p->n += (size_t)n;
}

const char *strbufCStr(StrBuf *p){
  if( strbufReserve(p, 0)!=ML_OK ) return 0;
  p->a[p->n] = 0;
  return (const char*)p->a;
}

int strbufError(const StrBuf *p){
  return p->failed ? ML_E_NOMEM : ML_OK;
}
