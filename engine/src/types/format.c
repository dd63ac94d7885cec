/*
** Value text and literal typing (see format.h).  Numbers are written by
** dec45 (decimal representations) and by valueDoubleText (IEEE), dates,
** times and intervals by datetime.h; this file picks the form per type.
*/
#include "types/format.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "types/datetime.h"
#include "types/dec45.h"
#include "types/gis.h"
#include "types/strings.h"
#include "types/typesys.h"

/* 1 if the text z (from "%.*e") reads back as v (as a float if isReal). */
static int valueRoundTrips(const char *z, double v, int isReal){
  if( isReal ) return strtof(z, 0)==(float)v;
  return strtod(z, 0)==v;
}

/* Shortest round-trip scientific text of v (format.h). */
int valueDoubleText(double v, int isReal, char *zBuf){
  char zTry[VALUE_DOUBLE_TEXT_MAX+8];
  int lo = 1, hi = isReal ? 9 : 17;   /* 9 / 17 digits always round-trip */
  int nDigit, i, j, iExp;
  char *zE;
  assert( isfinite(v) );
  if( v==0.0 ){
    memcpy(zBuf, "0E0", 4);
    return 3;
  }
  /* More digits are never farther from v, so the shortest is bisectable. */
  while( lo<hi ){
    int mid = (lo+hi)/2;
    snprintf(zTry, sizeof(zTry), "%.*e", mid-1, v);
    if( valueRoundTrips(zTry, v, isReal) ){
      hi = mid;
    }else{
      lo = mid+1;
    }
  }
  snprintf(zTry, sizeof(zTry), "%.*e", lo-1, v);
  zE = strchr(zTry, 'e');
  assert( zE!=0 );
  iExp = atoi(zE+1);
  *zE = 0;
  nDigit = (int)strlen(zTry);
  while( nDigit>2 && zTry[nDigit-1]=='0' ) nDigit--;   /* only "%.0e" has no '.' */
  if( zTry[nDigit-1]=='.' ) nDigit--;
  for(i=0, j=0; i<nDigit; i++) zBuf[j++] = zTry[i];
  j += snprintf(zBuf+j, VALUE_DOUBLE_TEXT_MAX-j, "E%c%d", iExp<0 ? '-' : '+', abs(iExp));
  return j;
}

/* Append the hex digits of a[0..n), upper case. */
static void valueAppendHex(StrBuf *pBuf, const unsigned char *a, uint32_t n){
  static const char zHex[] = "0123456789ABCDEF";
  uint32_t i;
  for(i=0; i<n; i++){
    strbufAppendByte(pBuf, (unsigned char)zHex[a[i]>>4]);
    strbufAppendByte(pBuf, (unsigned char)zHex[a[i]&0xF]);
  }
}

/* Append the canonical lower-case 8-4-4-4-12 form of a UUID. */
static void valueAppendUuid(StrBuf *pBuf, const uint8_t *a){
  static const char zHex[] = "0123456789abcdef";
  int i;
  for(i=0; i<16; i++){
    if( i==4 || i==6 || i==8 || i==10 ) strbufAppendByte(pBuf, '-');
    strbufAppendByte(pBuf, (unsigned char)zHex[a[i]>>4]);
    strbufAppendByte(pBuf, (unsigned char)zHex[a[i]&0xF]);
  }
}

/* Append the canonical text of p (format.h lists the forms). */
int valueToText(const Value *p, const SqlType *pType, StrBuf *pBuf){
  char zNum[DEC45_TEXT_MAX > DT_TEXT_MAX ? DEC45_TEXT_MAX : DT_TEXT_MAX];
  int n = 0;
  assert( !p->isNull );
  switch( p->type ){
    case SQLT_SMALLINT: case SQLT_INTEGER: case SQLT_BIGINT:
      strbufPrintf(pBuf, "%lld", (long long)p->u.i);
      break;
    case SQLT_INTEGER_P:
      n = dec45Format(&p->u.dec, 0, zNum, sizeof(zNum));
      break;
    case SQLT_DECIMAL:
      n = dec45Format(&p->u.dec, pType->scale, zNum, sizeof(zNum));
      break;
    case SQLT_FLOAT_P:
      n = dec45FormatSci(&p->u.dec, zNum, sizeof(zNum));
      break;
    case SQLT_REAL: case SQLT_DOUBLE:
      n = valueDoubleText(p->u.d, p->type==SQLT_REAL, zNum);
      break;
    case SQLT_CHAR: case SQLT_NCHAR: {
      uint32_t nChar = strCharCount(p->u.s.z, p->u.s.n);
      strbufAppend(pBuf, p->u.s.z, p->u.s.n);
      for(; nChar<pType->length; nChar++) strbufAppendByte(pBuf, ' ');
      break;
    }
    case SQLT_VARCHAR: case SQLT_CLOB: case SQLT_NVARCHAR: case SQLT_NCLOB:
      strbufAppend(pBuf, p->u.s.z, p->u.s.n);
      break;
    case SQLT_BINARY: case SQLT_VARBINARY: case SQLT_BLOB:
      valueAppendHex(pBuf, (const unsigned char*)p->u.s.z, p->u.s.n);
      break;
    case SQLT_BOOLEAN:
      strbufAppendStr(pBuf, p->u.i ? "TRUE" : "FALSE");
      break;
    case SQLT_DATE:
      n = dtFormatDate(p->u.date, zNum);
      break;
    case SQLT_TIME:
      n = dtFormatTime(p->u.time, pType->scale, zNum);
      break;
    case SQLT_TIMESTAMP:
      n = dtFormatTimestamp(&p->u.ts, pType->scale, zNum);
      break;
    case SQLT_INTERVAL:
      n = dtFormatInterval(&p->u.iv, pType, zNum);
      break;
    case SQLT_UUID:
      valueAppendUuid(pBuf, p->u.uuid);
      break;
    case SQLT_GIS_LATITUDE: case SQLT_GIS_LONGITUDE:
    case SQLT_GIS_LOCATION: case SQLT_GIS_COORDINATE:
      return gisToText(p, pBuf);
    default:
      return ML_E_INTERNAL;   /* cannot happen: a non-NULL value has a type */
  }
  if( n<0 ) return n;
  if( n>0 ) strbufAppend(pBuf, zNum, (size_t)n);
  return strbufError(pBuf);
}

/* Error for a malformed or out-of-range numeric literal z[0..n). */
static int valueLiteralError(int rc, const char *z, uint32_t n, MlError *pErr){
  char zDetail[80];
  snprintf(zDetail, sizeof(zDetail), " in literal %.*s", n>60 ? 60 : (int)n, z);
  return mlErrorSet(pErr, rc, zDetail);
}

/* A float literal as DOUBLE PRECISION. */
static int valueDoubleLiteral(const char *z, uint32_t n, Value *pOut, SqlType *pType,
                              MlError *pErr){
  char aSpace[128];
  StrBuf b;
  double v;
  char *zEnd;
  int rc;
  strbufInit(&b, aSpace, sizeof(aSpace));
  strbufAppend(&b, z, n);
  rc = strbufError(&b);
  if( rc ){
    strbufFree(&b);
    return mlErrorSet(pErr, rc);
  }
  errno = 0;
  v = strtod(strbufCStr(&b), &zEnd);
  if( zEnd!=(char*)b.a+n || n==0 ){
    rc = ML_E_INVALID_NUMBER;
  }else if( !isfinite(v) || (errno==ERANGE && fabs(v)>1.0) ){
    rc = ML_E_OVERFLOW;
  }
  strbufFree(&b);
  if( rc ) return valueLiteralError(rc, z, n, pErr);
  pOut->type = SQLT_DOUBLE;
  pOut->isNull = 0;
  pOut->u.d = v==0.0 ? 0.0 : v;
  *pType = typeSimple(SQLT_DOUBLE);
  return ML_OK;
}

/* Type a numeric literal by its form: digits, point, exponent. */
int valueNumericLiteral(const char *z, uint32_t n, Value *pOut, SqlType *pType,
                        MlError *pErr){
  SqlType t = { 0, 0, 0, 0, 0 };
  int rc, nPrec, nScale;
  uint32_t i;
  int hasPoint = 0;
  for(i=0; i<n; i++){
    if( z[i]=='e' || z[i]=='E' ) return valueDoubleLiteral(z, n, pOut, pType, pErr);
    if( z[i]=='.' ) hasPoint = 1;
  }
  pOut->isNull = 0;
  rc = dec45Parse(&pOut->u.dec, z, (int)n, &nPrec, &nScale);
  if( rc ) return valueLiteralError(rc, z, n, pErr);
  if( nScale>DEC45_MAX_DIGITS ) return valueLiteralError(ML_E_OVERFLOW, z, n, pErr);
  if( nPrec>DEC45_MAX_DIGITS ) nPrec = DEC45_MAX_DIGITS;
  if( nPrec<nScale ) nPrec = nScale;
  t.id = hasPoint ? SQLT_DECIMAL : SQLT_INTEGER_P;
  t.precision = (uint8_t)nPrec;
  t.scale = (uint8_t)nScale;
  rc = dec45Round(&pOut->u.dec, nPrec, nScale, DEC45_TRUNCATE);
  if( rc ) return valueLiteralError(rc, z, n, pErr);
  pOut->type = t.id;
  *pType = t;
  return ML_OK;
}

int valueStringLiteral(const char *z, uint32_t n, int isNational, Value *pOut,
                       SqlType *pType, MlError *pErr){
  SqlType t = { 0, 0, 0, 0, 0 };
  uint32_t nChar;
  int rc = strUtf8Check(z, n, &nChar);
  if( rc ) return mlErrorSet(pErr, rc, " in string literal");
  if( !isNational && strLatin1Check(z, n)==ML_OK ){
    t.id = nChar>TYPE_CHAR_MAX ? SQLT_CLOB : SQLT_CHAR;
  }else{
    t.id = nChar>TYPE_NCHAR_MAX ? SQLT_NCLOB : SQLT_NCHAR;
  }
  t.length = nChar;
  pOut->type = t.id;
  pOut->isNull = 0;
  pOut->u.s.z = z;
  pOut->u.s.n = n;
  *pType = t;
  return ML_OK;
}

/* Value of hex digit c, or -1. */
static int valueHexDigit(char c){
  if( c>='0' && c<='9' ) return c-'0';
  if( c>='a' && c<='f' ) return c-'a'+10;
  if( c>='A' && c<='F' ) return c-'A'+10;
  return -1;
}

int valueBinaryLiteral(const char *zHex, uint32_t n, Arena *pArena, Value *pOut,
                       SqlType *pType, MlError *pErr){
  SqlType t = { SQLT_BINARY, 0, 0, 0, 0 };
  unsigned char *a;
  uint32_t i;
  if( n%2 ) goto bad_literal;
  a = arenaAlloc(pArena, n/2+1);
  if( a==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
  for(i=0; i<n; i+=2){
    int hi = valueHexDigit(zHex[i]), lo = valueHexDigit(zHex[i+1]);
    if( hi<0 || lo<0 ) goto bad_literal;
    a[i/2] = (unsigned char)(hi*16 + lo);
  }
  t.length = n/2;
  pOut->type = SQLT_BINARY;
  pOut->isNull = 0;
  pOut->u.s.z = (const char*)a;
  pOut->u.s.n = n/2;
  *pType = t;
  return ML_OK;

bad_literal:
  {
    char zText[80];
    snprintf(zText, sizeof(zText), "X'%.*s'", n>60 ? 60 : (int)n, zHex);
    return mlErrorSet(pErr, ML_E_BAD_LITERAL, zText);
  }
}

/* Fractional second digits written in datetime text z[0..n). */
static int valueFractionDigits(const char *z, uint32_t n){
  uint32_t i;
  int nDigit = 0;
  for(i=0; i<n && z[i]!='.'; i++){}
  for(i++; i<n && z[i]>='0' && z[i]<='9'; i++) nDigit++;
  return nDigit>DT_MAX_SCALE ? DT_MAX_SCALE : nDigit;
}

int valueDatetimeLiteral(SqlTypeId id, const char *z, uint32_t n, Value *pOut,
                         SqlType *pType, MlError *pErr){
  SqlType t = { 0, 0, 0, 0, 0 };
  int rc;
  t.id = (uint8_t)id;
  pOut->type = (uint8_t)id;
  pOut->isNull = 0;
  switch( id ){
    case SQLT_DATE:
      rc = dtParseDate(z, (int)n, &pOut->u.date);
      break;
    case SQLT_TIME:
      t.scale = (uint8_t)valueFractionDigits(z, n);
      rc = dtParseTime(z, (int)n, t.scale, &pOut->u.time);
      break;
    case SQLT_TIMESTAMP:
      t.scale = (uint8_t)valueFractionDigits(z, n);
      rc = dtParseTimestamp(z, (int)n, t.scale, &pOut->u.ts);
      break;
    default:
      return mlErrorSet(pErr, ML_E_INTERNAL, "datetime literal of a non-datetime type");
  }
  if( rc ) return mlErrorSet(pErr, rc, "");
  *pType = t;
  return ML_OK;
}
