/*
** Text conversions for the wide (wchar_t) and C (current locale) flavours
** of the API routines.  The engine and the 8 routines speak UTF-8; the
** other flavours convert their input to UTF-8 here and delegate, and
** convert UTF-8 output back.  wchar_t is UTF-32 where it is 4 bytes
** (Linux, macOS) and UTF-16 where it is 2.  The locale's character set is
** nl_langinfo(CODESET) of the current locale (ASCII in the "C" locale);
** conversion goes through iconv.  Input characters the target cannot
** hold are -24004; output characters the locale cannot show become '?'.
** None of this is on a hot path: results are malloc'ed.
*/
#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "api/apiint.h"

/*
** Decode one UTF-8 character of z[0..n) (n >= 1, already validated or
** not) into *pc; return its byte length, or 0 for malformed input.
*/
int apiUtf8Decode(const unsigned char *z, size_t n, uint32_t *pc){
  uint32_t c = z[0];
  int len, i;
  if( c<0x80 ){ *pc = c; return 1; }
  if( (c&0xE0)==0xC0 ){ len = 2; c &= 0x1F; }
  else if( (c&0xF0)==0xE0 ){ len = 3; c &= 0x0F; }
  else if( (c&0xF8)==0xF0 ){ len = 4; c &= 0x07; }
  else return 0;
  if( (size_t)len>n ) return 0;
  for(i=1; i<len; i++){
    if( (z[i]&0xC0)!=0x80 ) return 0;
    c = (c<<6) | (z[i]&0x3F);
  }
  if( (len==2 && c<0x80) || (len==3 && c<0x800) || (len==4 && c<0x10000)
   || c>0x10FFFF || (c>=0xD800 && c<=0xDFFF) ) return 0;
  *pc = c;
  return len;
}

/* Append code point c as UTF-8 to z (room for 4 bytes); return bytes. */
static int apiUtf8Encode(uint32_t c, char *z){
  if( c<0x80 ){ z[0] = (char)c; return 1; }
  if( c<0x800 ){ z[0] = (char)(0xC0|(c>>6)); z[1] = (char)(0x80|(c&0x3F)); return 2; }
  if( c<0x10000 ){
    z[0] = (char)(0xE0|(c>>12)); z[1] = (char)(0x80|((c>>6)&0x3F));
    z[2] = (char)(0x80|(c&0x3F)); return 3;
  }
  z[0] = (char)(0xF0|(c>>18)); z[1] = (char)(0x80|((c>>12)&0x3F));
  z[2] = (char)(0x80|((c>>6)&0x3F)); z[3] = (char)(0x80|(c&0x3F));
  return 4;
}

/*
** Convert n wide characters at z (NUL-terminated when n == (size_t)-1)
** to a malloc'ed NUL-terminated UTF-8 string *pzOut of *pnOut bytes.
** Errors: -24004 for an invalid code point or unpaired surrogate,
** -24001 out of memory.
*/
int apiWideToUtf8(const wchar_t *z, size_t n, char **pzOut, size_t *pnOut){
  size_t i, j = 0;
  char *zOut;
  if( n==(size_t)-1 ) n = wcslen(z);
  zOut = malloc(n*4 + 1);
  if( zOut==0 ) return ML_E_NOMEM;
  for(i=0; i<n; i++){
    uint32_t c = (uint32_t)z[i];
    if( sizeof(wchar_t)==2 ){
      c &= 0xFFFF;
      if( c>=0xD800 && c<0xDC00 && i+1<n ){
        uint32_t c2 = (uint32_t)z[i+1] & 0xFFFF;
        if( c2>=0xDC00 && c2<0xE000 ){
          c = 0x10000 + ((c-0xD800)<<10) + (c2-0xDC00);
          i++;
        }
      }
    }
    if( c>0x10FFFF || (c>=0xD800 && c<=0xDFFF) ){
      free(zOut);
      return ML_E_API_ILLEGAL_CHAR;
    }
    j += apiUtf8Encode(c, zOut+j);
  }
  zOut[j] = 0;
  *pzOut = zOut;
  *pnOut = j;
  return ML_OK;
}

/*
** The output buffer protocol (spec 4.4) for wide characters: write the
** UTF-8 text z[0..n) as at most nBuf-1 wide characters plus a NUL (when
** zBuf and nBuf > 0) and return the full length in wide characters.
*/
int apiUtf8ToWideOut(const char *z, size_t n, wchar_t *zBuf, size_t nBuf){
  size_t i = 0, nOut = 0;
  while( i<n ){
    uint32_t c;
    int len = apiUtf8Decode((const unsigned char*)z+i, n-i, &c);
    if( len==0 ){ c = 0xFFFD; len = 1; }
    i += len;
    if( sizeof(wchar_t)==2 && c>=0x10000 ){
      if( zBuf && nOut+2<nBuf ){
        zBuf[nOut] = (wchar_t)(0xD800 + ((c-0x10000)>>10));
        zBuf[nOut+1] = (wchar_t)(0xDC00 + ((c-0x10000)&0x3FF));
      }
      nOut += 2;
    }else{
      if( zBuf && nOut+1<nBuf ) zBuf[nOut] = (wchar_t)c;
      nOut++;
    }
  }
  if( zBuf && nBuf>0 ) zBuf[nOut<nBuf ? nOut : nBuf-1] = 0;
  return apiClampLen(nOut);
}

/* 1 when the current locale's character set is UTF-8. */
static int apiLocaleIsUtf8(const char **pzCodeset){
  const char *z = nl_langinfo(CODESET);
  *pzCodeset = z;
  return z && (strcasecmp(z, "UTF-8")==0 || strcasecmp(z, "utf8")==0);
}

/*
** Convert z[0..n) from charset zFrom to zTo into a malloc'ed,
** NUL-terminated *pzOut of *pnOut bytes.  A character zTo cannot hold is
** an error (-24004) unless `substitute`, when it becomes '?'.
*/
static int apiIconv(const char *zTo, const char *zFrom, const char *z, size_t n,
                    int substitute, char **pzOut, size_t *pnOut){
  iconv_t cd = iconv_open(zTo, zFrom);
  size_t nAlloc = n*4 + 16, nOut = 0;
  char *zOut;
  char *pIn = (char*)z;
  size_t nIn = n;
  int rc = ML_OK;
  if( cd==(iconv_t)-1 ) return ML_E_API_ILLEGAL_CHAR;
  zOut = malloc(nAlloc);
  while( zOut && nIn>0 ){
    char *pOut = zOut + nOut;
    size_t nLeft = nAlloc - nOut - 1;
    size_t r = iconv(cd, &pIn, &nIn, &pOut, &nLeft);
    nOut = (size_t)(pOut - zOut);
    if( r!=(size_t)-1 ) break;
    if( errno==E2BIG ){
      char *zNew = realloc(zOut, nAlloc*2);
      if( zNew==0 ){ free(zOut); zOut = 0; break; }
      zOut = zNew;
      nAlloc *= 2;
    }else if( substitute && nLeft>0 ){
      uint32_t c;
      int len = apiUtf8Decode((const unsigned char*)pIn, nIn, &c);
      if( len==0 ) len = 1;
      pIn += len;
      nIn -= len;
      zOut[nOut++] = '?';
    }else{
      rc = ML_E_API_ILLEGAL_CHAR;
      break;
    }
  }
  iconv_close(cd);
  if( zOut==0 ) return ML_E_NOMEM;
  if( rc ){ free(zOut); return rc; }
  zOut[nOut] = 0;
  *pzOut = zOut;
  *pnOut = nOut;
  return ML_OK;
}

/*
** Convert n bytes at z in the locale's charset (NUL-terminated when
** n == (size_t)-1) to a malloc'ed UTF-8 string.  -24004 for bytes that
** are not valid in that charset, -24001 out of memory.
*/
int apiLocaleToUtf8(const char *z, size_t n, char **pzOut, size_t *pnOut){
  const char *zCodeset;
  if( n==(size_t)-1 ) n = strlen(z);
  if( apiLocaleIsUtf8(&zCodeset) ){
    char *zOut = malloc(n+1);
    if( zOut==0 ) return ML_E_NOMEM;
    memcpy(zOut, z, n);
    zOut[n] = 0;
    *pzOut = zOut;
    *pnOut = n;
    return ML_OK;
  }
  return apiIconv("UTF-8", zCodeset, z, n, 0, pzOut, pnOut);
}

/*
** The output buffer protocol (spec 4.4) in the locale's charset: convert
** UTF-8 z[0..n), copy what fits into zBuf (nBuf bytes with the NUL) and
** return the full converted length in bytes; -24001 out of memory.
*/
int apiUtf8ToLocaleOut(const char *z, size_t n, char *zBuf, size_t nBuf){
  const char *zCodeset;
  char *zOut;
  size_t nOut;
  int rc;
  if( apiLocaleIsUtf8(&zCodeset) ) return apiCopyOut8(z, n, zBuf, nBuf);
  rc = apiIconv(zCodeset, "UTF-8", z, n, 1, &zOut, &nOut);
  if( rc ) return rc;
  if( zBuf && nBuf>0 ){
    size_t nCopy = nOut<nBuf-1 ? nOut : nBuf-1;
    memcpy(zBuf, zOut, nCopy);
    zBuf[nCopy] = 0;
  }
  free(zOut);
  return apiClampLen(nOut);
}
