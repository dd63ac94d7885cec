/*
** UTF-8 string helpers for the type system (see strings.h).  Engine
** strings are UTF-8 whatever their SQL type; CHAR/VARCHAR/CLOB values are
** additionally restricted to Latin-1 characters.  Because UTF-8 byte
** order equals code point order, comparisons work on bytes.  Nothing here
** allocates except the functions taking an Arena.
*/
#include "types/strings.h"

#include <assert.h>
#include <string.h>

#include "util/errors.h"

/* Validate UTF-8 and count characters (strings.h). */
int strUtf8Check(const char *z, uint32_t n, uint32_t *pnChar){
  const unsigned char *a = (const unsigned char*)z;
  uint32_t i = 0, nChar = 0;
  while( i<n ){
    unsigned c = a[i];
    uint32_t nCont, cp, k;
    if( c<0x80 ){
      i++;
      nChar++;
      continue;
    }
    if( c>=0xC2 && c<=0xDF ){
      nCont = 1; cp = c & 0x1F;
    }else if( c>=0xE0 && c<=0xEF ){
      nCont = 2; cp = c & 0x0F;
    }else if( c>=0xF0 && c<=0xF4 ){
      nCont = 3; cp = c & 0x07;
    }else{
      return ML_E_INVALID_UTF8;
    }
    if( n-i<=nCont ) return ML_E_INVALID_UTF8;
    for(k=1; k<=nCont; k++){
      if( (a[i+k] & 0xC0)!=0x80 ) return ML_E_INVALID_UTF8;
      cp = (cp<<6) | (a[i+k] & 0x3F);
    }
    if( (nCont==2 && (cp<0x800 || (cp>=0xD800 && cp<=0xDFFF)))
     || (nCont==3 && (cp<0x10000 || cp>0x10FFFF)) ){
      return ML_E_INVALID_UTF8;
    }
    i += nCont+1;
    nChar++;
  }
  if( pnChar ) *pnChar = nChar;
  return ML_OK;
}

uint32_t strCharCount(const char *z, uint32_t n){
  uint32_t i, nChar = 0;
  for(i=0; i<n; i++){
    if( ((unsigned char)z[i] & 0xC0)!=0x80 ) nChar++;
  }
  return nChar;
}

/* In valid UTF-8, U+0080..U+00FF are the only characters led by 0xC2/0xC3. */
int strLatin1Check(const char *z, uint32_t n){
  uint32_t i;
  for(i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    if( c>=0x80 && c!=0xC2 && c!=0xC3 && (c & 0xC0)!=0x80 ) return ML_E_NOT_LATIN1;
  }
  return ML_OK;
}

uint32_t strLatin1ToUtf8(const unsigned char *a, uint32_t n, char *zOut){
  uint32_t i, j = 0;
  for(i=0; i<n; i++){
    if( a[i]<0x80 ){
      zOut[j++] = (char)a[i];
    }else{
      zOut[j++] = (char)(0xC0 | (a[i]>>6));
      zOut[j++] = (char)(0x80 | (a[i] & 0x3F));
    }
  }
  return j;
}

int strUtf8ToLatin1(const char *z, uint32_t n, unsigned char *aOut, uint32_t *pnOut){
  uint32_t i = 0, j = 0;
  while( i<n ){
    unsigned char c = (unsigned char)z[i];
    if( c<0x80 ){
      aOut[j++] = c;
      i++;
    }else if( (c==0xC2 || c==0xC3) && i+1<n ){
      aOut[j++] = (unsigned char)(((c & 0x03)<<6) | ((unsigned char)z[i+1] & 0x3F));
      i += 2;
    }else{
      return ML_E_NOT_LATIN1;
    }
  }
  *pnOut = j;
  return ML_OK;
}

/*
** PAD SPACE: after the common prefix, the longer string's rest is compared
** with blanks; its first non-blank byte decides.
*/
int strCompare(const char *a, uint32_t na, const char *b, uint32_t nb){
  uint32_t n = na<nb ? na : nb, i;
  int c = memcmp(a, b, n);
  if( c ) return c<0 ? -1 : 1;
  if( na>nb ){
    for(i=n; i<na; i++){
      if( a[i]!=' ' ) return (unsigned char)a[i]<' ' ? -1 : 1;
    }
  }else{
    for(i=n; i<nb; i++){
      if( b[i]!=' ' ) return (unsigned char)b[i]<' ' ? 1 : -1;
    }
  }
  return 0;
}

uint32_t strTrimRightLen(const char *z, uint32_t n){
  while( n>0 && z[n-1]==' ' ) n--;
  return n;
}

int strPadBlanks(Arena *pArena, const char *z, uint32_t n, uint32_t nPad,
                 const char **pz, uint32_t *pn){
  char *zNew;
  if( (uint64_t)n+nPad>UINT32_MAX ) return ML_E_NOMEM;
  zNew = arenaAlloc(pArena, (size_t)n+nPad+1);
  if( zNew==0 ) return ML_E_NOMEM;
  if( n ) memcpy(zNew, z, n);
  memset(zNew+n, ' ', nPad);
  zNew[n+nPad] = 0;
  *pz = zNew;
  *pn = n+nPad;
  return ML_OK;
}

uint32_t strCharOffset(const char *z, uint32_t n, uint32_t iChar){
  uint32_t i = 0;
  while( i<n ){
    if( ((unsigned char)z[i] & 0xC0)!=0x80 ){
      if( iChar==0 ) return i;
      iChar--;
    }
    i++;
  }
  return n;
}

/* SQL:2016 SUBSTRING: characters [max(s,1), min(s+l, len+1)). */
int strSubstring(const char *z, uint32_t n, int64_t iStart, int hasLen, int64_t nLen,
                 uint32_t *piOff, uint32_t *pnOut){
  int64_t nChar = strCharCount(z, n);
  __int128 iEnd;                       /* one past the last character, 1-based */
  int64_t iFrom;
  uint32_t iOffFrom, iOffTo;
  if( hasLen && nLen<0 ) return ML_E_SUBSTRING;
  iEnd = hasLen ? (__int128)iStart + nLen : (__int128)nChar + 1;
  if( iEnd>nChar+1 ) iEnd = nChar+1;
  iFrom = iStart<1 ? 1 : iStart;
  if( iFrom>nChar || iEnd<=iFrom ){
    *piOff = 0;
    *pnOut = 0;
    return ML_OK;
  }
  iOffFrom = strCharOffset(z, n, (uint32_t)(iFrom-1));
  iOffTo = iOffFrom + strCharOffset(z+iOffFrom, n-iOffFrom, (uint32_t)(iEnd-iFrom));
  *piOff = iOffFrom;
  *pnOut = iOffTo - iOffFrom;
  return ML_OK;
}

/* 1 if c lies in [lo, hi] and has the parity `odd` (pair tables). */
static int strInPair(uint32_t c, uint32_t lo, uint32_t hi, int odd){
  return c>=lo && c<=hi && (int)(c & 1)==odd;
}

/* Simple upper-case mapping of the blocks listed in strings.h. */
uint32_t strToUpper(uint32_t c){
  if( c<0x80 ) return (c>='a' && c<='z') ? c-32 : c;
  if( c<0x100 ){
    if( c==0xB5 ) return 0x39C;
    if( c==0xFF ) return 0x178;
    return (c>=0xE0 && c!=0xF7) ? c-32 : c;
  }
  if( c<0x180 ){
    if( c==0x131 ) return 'I';
    if( c==0x17F ) return 'S';
    if( strInPair(c, 0x100, 0x137, 1) ) return c-1;
    if( strInPair(c, 0x139, 0x148, 0) ) return c-1;
    if( strInPair(c, 0x14A, 0x177, 1) ) return c-1;
    if( strInPair(c, 0x179, 0x17E, 0) ) return c-1;
    return c;
  }
  if( c>=0x370 && c<0x400 ){
    switch( c ){
      case 0x371: case 0x373: case 0x377: return c-1;
      case 0x3AC: return 0x386;
      case 0x3C2: return 0x3A3;
      case 0x3CC: return 0x38C;
      case 0x3D0: return 0x392;
      case 0x3D1: return 0x398;
      case 0x3D5: return 0x3A6;
      case 0x3D6: return 0x3A0;
      case 0x3D7: return 0x3CF;
      case 0x3F0: return 0x39A;
      case 0x3F1: return 0x3A1;
      case 0x3F2: return 0x3F9;
      case 0x3F3: return 0x37F;
      case 0x3F5: return 0x395;
      case 0x3F8: return 0x3F7;
      case 0x3FB: return 0x3FA;
      default: break;
    }
    if( c>=0x37B && c<=0x37D ) return c+0x82;
    if( c>=0x3AD && c<=0x3AF ) return c-37;
    if( c>=0x3B1 && c<=0x3CB ) return c-32;
    if( c>=0x3CD && c<=0x3CE ) return c-63;
    if( strInPair(c, 0x3D8, 0x3EF, 1) ) return c-1;
    return c;
  }
  if( c>=0x400 && c<0x530 ){
    if( c>=0x430 && c<=0x44F ) return c-32;
    if( c>=0x450 && c<=0x45F ) return c-80;
    if( c==0x4CF ) return 0x4C0;
    if( strInPair(c, 0x460, 0x481, 1) ) return c-1;
    if( strInPair(c, 0x48A, 0x4BF, 1) ) return c-1;
    if( strInPair(c, 0x4C1, 0x4CE, 0) ) return c-1;
    if( strInPair(c, 0x4D0, 0x52F, 1) ) return c-1;
    return c;
  }
  if( c>=0x561 && c<=0x586 ) return c-48;
  if( c==0x1E9B ) return 0x1E60;
  if( strInPair(c, 0x1E00, 0x1E95, 1) || strInPair(c, 0x1EA0, 0x1EFF, 1) ) return c-1;
  if( c>=0xFF41 && c<=0xFF5A ) return c-32;
  return c;
}

/* Simple lower-case mapping, the inverse of strToUpper where one exists. */
uint32_t strToLower(uint32_t c){
  if( c<0x80 ) return (c>='A' && c<='Z') ? c+32 : c;
  if( c<0x100 ) return (c>=0xC0 && c<=0xDE && c!=0xD7) ? c+32 : c;
  if( c<0x180 ){
    if( c==0x130 ) return 'i';
    if( c==0x178 ) return 0xFF;
    if( strInPair(c, 0x100, 0x137, 0) ) return c+1;
    if( strInPair(c, 0x139, 0x148, 1) ) return c+1;
    if( strInPair(c, 0x14A, 0x177, 0) ) return c+1;
    if( strInPair(c, 0x179, 0x17E, 1) ) return c+1;
    return c;
  }
  if( c>=0x370 && c<0x400 ){
    switch( c ){
      case 0x370: case 0x372: case 0x376: return c+1;
      case 0x37F: return 0x3F3;
      case 0x386: return 0x3AC;
      case 0x38C: return 0x3CC;
      case 0x3CF: return 0x3D7;
      case 0x3F4: return 0x3B8;
      case 0x3F7: return 0x3F8;
      case 0x3F9: return 0x3F2;
      case 0x3FA: return 0x3FB;
      default: break;
    }
    if( c>=0x388 && c<=0x38A ) return c+37;
    if( c>=0x38E && c<=0x38F ) return c+63;
    if( c>=0x391 && c<=0x3AB && c!=0x3A2 ) return c+32;
    if( strInPair(c, 0x3D8, 0x3EF, 0) ) return c+1;
    if( c>=0x3FD && c<=0x3FF ) return c-0x82;
    return c;
  }
  if( c>=0x400 && c<0x530 ){
    if( c<=0x40F ) return c+80;
    if( c<=0x42F ) return c+32;
    if( c==0x4C0 ) return 0x4CF;
    if( strInPair(c, 0x460, 0x481, 0) ) return c+1;
    if( strInPair(c, 0x48A, 0x4BF, 0) ) return c+1;
    if( strInPair(c, 0x4C1, 0x4CE, 1) ) return c+1;
    if( strInPair(c, 0x4D0, 0x52F, 0) ) return c+1;
    return c;
  }
  if( c>=0x531 && c<=0x556 ) return c+48;
  if( c==0x1E9E ) return 0xDF;
  if( strInPair(c, 0x1E00, 0x1E95, 0) || strInPair(c, 0x1EA0, 0x1EFF, 0) ) return c+1;
  if( c>=0xFF21 && c<=0xFF3A ) return c+32;
  return c;
}

/* Decode the code point at z[*pi] of valid UTF-8 and advance *pi. */
static uint32_t strDecode(const unsigned char *z, uint32_t *pi){
  uint32_t i = *pi, c = z[i];
  if( c<0x80 ){
    *pi = i+1;
  }else if( c<0xE0 ){
    c = ((c & 0x1F)<<6) | (z[i+1] & 0x3F);
    *pi = i+2;
  }else if( c<0xF0 ){
    c = ((c & 0x0F)<<12) | ((z[i+1] & 0x3F)<<6) | (z[i+2] & 0x3F);
    *pi = i+3;
  }else{
    c = ((c & 0x07)<<18) | ((z[i+1] & 0x3F)<<12) | ((z[i+2] & 0x3F)<<6) | (z[i+3] & 0x3F);
    *pi = i+4;
  }
  return c;
}

#ifndef NDEBUG
/* Bytes the UTF-8 form of code point c takes. */
static uint32_t strEncodedLen(uint32_t c){
  return c<0x80 ? 1 : c<0x800 ? 2 : c<0x10000 ? 3 : 4;
}
#endif

/* Write code point c as UTF-8 at z; return the bytes written. */
static uint32_t strEncode(uint32_t c, char *z){
  if( c<0x80 ){
    z[0] = (char)c;
    return 1;
  }
  if( c<0x800 ){
    z[0] = (char)(0xC0 | (c>>6));
    z[1] = (char)(0x80 | (c & 0x3F));
    return 2;
  }
  if( c<0x10000 ){
    z[0] = (char)(0xE0 | (c>>12));
    z[1] = (char)(0x80 | ((c>>6) & 0x3F));
    z[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  z[0] = (char)(0xF0 | (c>>18));
  z[1] = (char)(0x80 | ((c>>12) & 0x3F));
  z[2] = (char)(0x80 | ((c>>6) & 0x3F));
  z[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

/*
** Every mapping above keeps or shortens the UTF-8 form of a character
** (the longer ones, like 'ſ' -> 'S', shrink), so the output fits in n
** bytes; the assert below guards that property.
*/
int strCaseMap(Arena *pArena, const char *z, uint32_t n, int toUpper, int latin1Only,
               const char **pz, uint32_t *pn){
  const unsigned char *a = (const unsigned char*)z;
  char *zOut = arenaAlloc(pArena, (size_t)n+1);
  uint32_t i = 0, j = 0;
  if( zOut==0 ) return ML_E_NOMEM;
  while( i<n ){
    uint32_t c = strDecode(a, &i);
    uint32_t m = toUpper ? strToUpper(c) : strToLower(c);
    if( latin1Only && m>0xFF ) m = c;
    assert( strEncodedLen(m)<=strEncodedLen(c) );
    j += strEncode(m, zOut+j);
  }
  assert( j<=n );
  zOut[j] = 0;
  *pz = zOut;
  *pn = j;
  return ML_OK;
}
