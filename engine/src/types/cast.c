/*
** CAST between SQL types (see cast.h).  valueCastCheck holds the rule of
** legal pairs; valueCast first applies it and then dispatches on the
** target's class.  Numbers are fitted by valueFitInt/Dec/Double, strings
** by castFitString/castFitBinary (length, Latin-1, blank padding), text
** forms come from format.c and datetime.h.
*/
#include "types/cast.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "types/datetime.h"
#include "types/format.h"
#include "types/gis.h"
#include "types/strings.h"
#include "types/typesys.h"
#include "util/strbuf.h"

/* Record error rc with " for <type>" (" to <type>" for bad text). */
static int castError(int rc, const SqlType *pTo, MlError *pErr){
  char zType[TYPE_TEXT_MAX], zDetail[TYPE_TEXT_MAX+8];
  typeFormat(pTo, zType, sizeof(zType));
  snprintf(zDetail, sizeof(zDetail), " %s %s",
           rc==ML_E_INVALID_NUMBER ? "to" : "for", zType);
  return mlErrorSet(pErr, rc, zDetail);
}

/* Record ML_E_INVALID_CAST for the pair. */
static int castIllegal(const SqlType *pFrom, const SqlType *pTo, MlError *pErr){
  char zFrom[TYPE_TEXT_MAX], zTo[TYPE_TEXT_MAX], zDetail[2*TYPE_TEXT_MAX+8];
  typeFormat(pFrom, zFrom, sizeof(zFrom));
  typeFormat(pTo, zTo, sizeof(zTo));
  snprintf(zDetail, sizeof(zDetail), "%s to %s", zFrom, zTo);
  return mlErrorSet(pErr, ML_E_INVALID_CAST, zDetail);
}

/* 1 if an interval of this kind has a single field. */
static int castSingleField(int kind){
  return typeIntervalFirst(kind)==typeIntervalLast(kind);
}

/* The one rule of legal casts, by type class (cast.h lists it). */
int valueCastCheck(const SqlType *pFrom, const SqlType *pTo, MlError *pErr){
  TypeClass cFrom = typeClass(pFrom), cTo = typeClass(pTo);
  int ok = 0;
  if( cFrom==TYPE_CLASS_NULL ) return ML_OK;
  switch( cFrom ){
    case TYPE_CLASS_NUMERIC:
      ok = cTo==TYPE_CLASS_NUMERIC || cTo==TYPE_CLASS_CHAR
        || (pTo->id==SQLT_INTERVAL && SQLT_IS_EXACT(pFrom->id)
            && castSingleField(pTo->intervalKind));
      break;
    case TYPE_CLASS_CHAR:
      ok = cTo!=TYPE_CLASS_BINARY && cTo!=TYPE_CLASS_NULL;
      break;
    case TYPE_CLASS_BINARY:
      ok = cTo==TYPE_CLASS_BINARY || cTo==TYPE_CLASS_UUID;
      break;
    case TYPE_CLASS_BOOLEAN:
      ok = cTo==TYPE_CLASS_BOOLEAN || cTo==TYPE_CLASS_CHAR;
      break;
    case TYPE_CLASS_DATE:
      ok = cTo==TYPE_CLASS_DATE || cTo==TYPE_CLASS_TIMESTAMP || cTo==TYPE_CLASS_CHAR;
      break;
    case TYPE_CLASS_TIME:
      ok = cTo==TYPE_CLASS_TIME || cTo==TYPE_CLASS_CHAR;
      break;
    case TYPE_CLASS_TIMESTAMP:
      ok = cTo==TYPE_CLASS_TIMESTAMP || cTo==TYPE_CLASS_DATE
        || cTo==TYPE_CLASS_TIME || cTo==TYPE_CLASS_CHAR;
      break;
    case TYPE_CLASS_IV_YM:
    case TYPE_CLASS_IV_DT:
      ok = cTo==cFrom || cTo==TYPE_CLASS_CHAR
        || (SQLT_IS_EXACT(pTo->id) && castSingleField(pFrom->intervalKind));
      break;
    case TYPE_CLASS_UUID:
      ok = cTo==TYPE_CLASS_UUID || cTo==TYPE_CLASS_CHAR || cTo==TYPE_CLASS_BINARY;
      break;
    case TYPE_CLASS_GIS_LAT: case TYPE_CLASS_GIS_LON:
    case TYPE_CLASS_GIS_LOC: case TYPE_CLASS_GIS_XY:
      ok = cTo==cFrom || cTo==TYPE_CLASS_CHAR;
      break;
    default:
      break;
  }
  return ok ? ML_OK : castIllegal(pFrom, pTo, pErr);
}

/*************************** numbers ***************************************/

void valueDecFromI128(__int128 v, Dec45 *pOut){
  unsigned __int128 u;
  int i;
  if( v>=INT64_MIN && v<=INT64_MAX ){
    dec45FromInt64(pOut, (int64_t)v);
    return;
  }
  dec45Zero(pOut);
  u = v<0 ? -(unsigned __int128)v : (unsigned __int128)v;
  for(i=0; i<DEC45_LIMBS && u; i++){
    pOut->aLimb[i] = (uint32_t)(u % DEC45_LIMB_BASE);
    u /= DEC45_LIMB_BASE;
  }
  assert( u==0 );
  pOut->neg = v<0;
}

/* Inclusive range of a binary integer type. */
static void castIntRange(int id, int64_t *pMin, int64_t *pMax){
  switch( id ){
    case SQLT_SMALLINT: *pMin = INT16_MIN; *pMax = INT16_MAX; break;
    case SQLT_INTEGER:  *pMin = INT32_MIN; *pMax = INT32_MAX; break;
    default:            *pMin = INT64_MIN; *pMax = INT64_MAX; break;
  }
}

/* An exact integer into numeric type pTo (cast.h). */
int valueFitInt(__int128 v, const SqlType *pTo, Value *pOut, MlError *pErr){
  Dec45 d;
  if( SQLT_IS_BINARY_INT(pTo->id) ){
    int64_t lo, hi;
    castIntRange(pTo->id, &lo, &hi);
    if( v<lo || v>hi ) return castError(ML_E_OVERFLOW, pTo, pErr);
    pOut->type = pTo->id;
    pOut->isNull = 0;
    pOut->u.i = (int64_t)v;
    return ML_OK;
  }
  if( SQLT_IS_IEEE(pTo->id) ){
    return valueFitDouble((double)v, 0, pTo, pOut, pErr);
  }
  valueDecFromI128(v, &d);
  return valueFitDec(&d, pTo, pOut, pErr);
}

/* A decimal into numeric type pTo: truncated, or rounded for FLOAT(p). */
int valueFitDec(Dec45 *pDec, const SqlType *pTo, Value *pOut, MlError *pErr){
  int rc;
  switch( pTo->id ){
    case SQLT_SMALLINT: case SQLT_INTEGER: case SQLT_BIGINT: {
      int64_t v;
      rc = dec45ToInt64(pDec, &v);
      if( rc ) return castError(rc, pTo, pErr);
      return valueFitInt(v, pTo, pOut, pErr);
    }
    case SQLT_INTEGER_P:
      rc = dec45Round(pDec, pTo->precision, 0, DEC45_TRUNCATE);
      break;
    case SQLT_DECIMAL:
      rc = dec45Round(pDec, pTo->precision, pTo->scale, DEC45_TRUNCATE);
      break;
    case SQLT_FLOAT_P:
      rc = dec45RoundSig(pDec, pTo->precision);
      break;
    case SQLT_REAL: case SQLT_DOUBLE:
      return valueFitDouble(dec45ToDouble(pDec), 0, pTo, pOut, pErr);
    default:
      return mlErrorSet(pErr, ML_E_INTERNAL, "numeric fit to a non-numeric type");
  }
  if( rc ) return castError(rc, pTo, pErr);
  pOut->type = pTo->id;
  pOut->isNull = 0;
  pOut->u.dec = *pDec;
  return ML_OK;
}

/*
** The exact value of a double of magnitude 2^63 or more (an integer),
** as m * 2^e multiplied out in dec45; ML_E_OVERFLOW beyond 45 digits.
*/
static int castDecFromBigDouble(double v, Dec45 *pOut){
  int e, rc = ML_OK;
  int64_t m = (int64_t)ldexp(frexp(fabs(v), &e), 53);
  Dec45 f;
  assert( fabs(v)>=9223372036854775808.0 );
  dec45FromInt64(pOut, v<0 ? -m : m);
  for(e-=53; e>0 && rc==ML_OK; e-=30){
    dec45FromInt64(&f, (int64_t)1 << (e<30 ? e : 30));
    rc = dec45Mul(pOut, &f, pOut);
  }
  return rc;
}

/*
** A double into numeric type pTo: integer types take its exact value,
** DECIMAL and FLOAT(p) its shortest round-trip text (cast.h).
*/
int valueFitDouble(double v, int isReal, const SqlType *pTo, Value *pOut, MlError *pErr){
  if( isnan(v) ) return mlErrorSet(pErr, ML_E_FLOAT_NOT_FINITE);
  if( isinf(v) ) return castError(ML_E_OVERFLOW, pTo, pErr);
  switch( pTo->id ){
    case SQLT_REAL: {
      float f = (float)v;
      if( isinf(f) ) return castError(ML_E_OVERFLOW, pTo, pErr);
      v = f;
      break;
    }
    case SQLT_DOUBLE:
      break;
    case SQLT_SMALLINT: case SQLT_INTEGER: case SQLT_BIGINT: case SQLT_INTEGER_P:
      if( v>=-9223372036854775808.0 && v<9223372036854775808.0 ){
        return valueFitInt((int64_t)v, pTo, pOut, pErr);
      }else{
        Dec45 d;
        int rc = castDecFromBigDouble(v, &d);
        if( rc ) return castError(rc, pTo, pErr);
        return valueFitDec(&d, pTo, pOut, pErr);
      }
    default: {
      Dec45 d;
      if( isReal ){
        char zText[VALUE_DOUBLE_TEXT_MAX];
        int n = valueDoubleText(v, 1, zText);
        int rc = dec45Parse(&d, zText, n, 0, 0);
        if( rc ) return castError(rc, pTo, pErr);
      }else{
        int rc = dec45FromDouble(&d, v, 17);
        if( rc ) return castError(rc, pTo, pErr);
      }
      return valueFitDec(&d, pTo, pOut, pErr);
    }
  }
  pOut->type = pTo->id;
  pOut->isNull = 0;
  pOut->u.d = v==0.0 ? 0.0 : v;
  return ML_OK;
}

/* A number as a Dec45 (cast.h). */
int valueNumToDec(const Value *p, Dec45 *pOut){
  switch( p->type ){
    case SQLT_SMALLINT: case SQLT_INTEGER: case SQLT_BIGINT:
      dec45FromInt64(pOut, p->u.i);
      return ML_OK;
    case SQLT_REAL: {
      char zText[VALUE_DOUBLE_TEXT_MAX];
      int n = valueDoubleText(p->u.d, 1, zText);
      return dec45Parse(pOut, zText, n, 0, 0);
    }
    case SQLT_DOUBLE:
      return dec45FromDouble(pOut, p->u.d, 17);
    default:
      assert( SQLT_IS_DECIMAL_REP(p->type) );
      *pOut = p->u.dec;
      return ML_OK;
  }
}

double valueNumToDouble(const Value *p){
  if( SQLT_IS_BINARY_INT(p->type) ) return (double)p->u.i;
  if( SQLT_IS_IEEE(p->type) ) return p->u.d;
  assert( SQLT_IS_DECIMAL_REP(p->type) );
  return dec45ToDouble(&p->u.dec);
}

/* Number to number: no allocation. */
static int castNumber(const Value *pIn, const SqlType *pTo, Value *pOut, MlError *pErr){
  Dec45 d;
  if( SQLT_IS_BINARY_INT(pIn->type) ) return valueFitInt(pIn->u.i, pTo, pOut, pErr);
  if( SQLT_IS_IEEE(pIn->type) ){
    return valueFitDouble(pIn->u.d, pIn->type==SQLT_REAL, pTo, pOut, pErr);
  }
  d = pIn->u.dec;
  return valueFitDec(&d, pTo, pOut, pErr);
}

/*
** Character text z[0..n) as a number of type pTo.  Blanks around the
** number are ignored.  Integer targets take an integer literal only,
** DECIMAL and the approximate types any numeric literal, as Mimer asks
** for "a valid literal representation of the target data type".
*/
static int castTextToNumber(const char *z, uint32_t n, const SqlType *pTo,
                            Value *pOut, MlError *pErr){
  uint32_t i = 0, nDigit = 0;
  int hasPoint = 0, hasExp = 0, rc;
  while( n>0 && z[n-1]==' ' ) n--;
  while( i<n && z[i]==' ' ) i++;
  z += i;
  n -= i;
  i = 0;
  if( i<n && (z[i]=='+' || z[i]=='-') ) i++;
  for(; i<n && ((z[i]>='0' && z[i]<='9') || z[i]=='.'); i++){
    if( z[i]=='.' ){
      if( hasPoint ) return castError(ML_E_INVALID_NUMBER, pTo, pErr);
      hasPoint = 1;
    }else{
      nDigit++;
    }
  }
  if( nDigit==0 ) return castError(ML_E_INVALID_NUMBER, pTo, pErr);
  if( i<n && (z[i]=='e' || z[i]=='E') ){
    uint32_t nExp = 0;
    hasExp = 1;
    i++;
    if( i<n && (z[i]=='+' || z[i]=='-') ) i++;
    for(; i<n && z[i]>='0' && z[i]<='9'; i++) nExp++;
    if( nExp==0 ) return castError(ML_E_INVALID_NUMBER, pTo, pErr);
  }
  if( i<n ) return castError(ML_E_INVALID_NUMBER, pTo, pErr);
  if( (SQLT_IS_BINARY_INT(pTo->id) || pTo->id==SQLT_INTEGER_P) && (hasPoint || hasExp) ){
    return castError(ML_E_INVALID_NUMBER, pTo, pErr);
  }
  if( SQLT_IS_IEEE(pTo->id) ){
    char aSpace[128];
    StrBuf b;
    double v;
    strbufInit(&b, aSpace, sizeof(aSpace));
    strbufAppend(&b, z, n);
    rc = strbufError(&b);
    if( rc ){
      strbufFree(&b);
      return mlErrorSet(pErr, rc);
    }
    errno = 0;
    v = pTo->id==SQLT_REAL ? strtof(strbufCStr(&b), 0) : strtod(strbufCStr(&b), 0);
    strbufFree(&b);
    if( errno==ERANGE && fabs(v)>1.0 ) return castError(ML_E_OVERFLOW, pTo, pErr);
    return valueFitDouble(v, 0, pTo, pOut, pErr);
  }else{
    Dec45 d;
    rc = dec45Parse(&d, z, (int)n, 0, 0);
    if( rc ) return castError(rc, pTo, pErr);
    return valueFitDec(&d, pTo, pOut, pErr);
  }
}

/*************************** strings ***************************************/

/*
** Fit UTF-8 text z[0..n) to character type pTo: Latin-1 check for
** CHAR/VARCHAR/CLOB, length check (surplus trailing blanks are dropped),
** blank padding for CHAR/NCHAR.  The result points into z unless
** padding is needed or mustCopy is set (z is transient), in which case
** the bytes are copied to pArena.
*/
static int castFitString(Arena *pArena, const char *z, uint32_t n, int mustCopy,
                         const SqlType *pTo, Value *pOut, MlError *pErr){
  uint32_t nChar, nPad = 0;
  int rc = strUtf8Check(z, n, &nChar);
  if( rc ) return castError(rc, pTo, pErr);
  if( !SQLT_IS_NATIONAL(pTo->id) && strLatin1Check(z, n) ){
    return castError(ML_E_NOT_LATIN1, pTo, pErr);
  }
  if( nChar>pTo->length ){
    uint32_t nTrim = strTrimRightLen(z, n);
    if( nChar-(n-nTrim)>pTo->length ) return castError(ML_E_STRING_TOO_LONG, pTo, pErr);
    n = strCharOffset(z, n, pTo->length);
  }else if( pTo->id==SQLT_CHAR || pTo->id==SQLT_NCHAR ){
    nPad = pTo->length - nChar;
  }
  pOut->type = pTo->id;
  pOut->isNull = 0;
  if( nPad || mustCopy ){
    rc = strPadBlanks(pArena, z, n, nPad, &pOut->u.s.z, &pOut->u.s.n);
    if( rc ) return mlErrorSet(pErr, rc);
  }else{
    pOut->u.s.z = z;
    pOut->u.s.n = n;
  }
  return ML_OK;
}

/*
** Fit bytes a[0..n) to binary type pTo: surplus trailing X'00' bytes are
** dropped, other surplus is ML_E_STRING_TOO_LONG; BINARY(n) is padded
** with X'00'.  Copies to pArena when padding or mustCopy.
*/
static int castFitBinary(Arena *pArena, const char *a, uint32_t n, int mustCopy,
                         const SqlType *pTo, Value *pOut, MlError *pErr){
  uint32_t nPad = 0;
  if( n>pTo->length ){
    uint32_t i;
    for(i=pTo->length; i<n; i++){
      if( a[i]!=0 ) return castError(ML_E_STRING_TOO_LONG, pTo, pErr);
    }
    n = pTo->length;
  }else if( pTo->id==SQLT_BINARY ){
    nPad = pTo->length - n;
  }
  pOut->type = pTo->id;
  pOut->isNull = 0;
  if( nPad || mustCopy ){
    char *zNew = arenaAlloc(pArena, (size_t)n+nPad+1);
    if( zNew==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
    if( n ) memcpy(zNew, a, n);
    memset(zNew+n, 0, nPad+1);
    pOut->u.s.z = zNew;
    pOut->u.s.n = n+nPad;
  }else{
    pOut->u.s.z = a;
    pOut->u.s.n = n;
  }
  return ML_OK;
}

/* Text of any non-string value, fitted to character type pTo. */
static int castValueToString(const Value *pIn, const SqlType *pFrom, const SqlType *pTo,
                             Arena *pArena, Value *pOut, MlError *pErr){
  char aSpace[128];
  StrBuf b;
  int rc;
  strbufInit(&b, aSpace, sizeof(aSpace));
  rc = valueToText(pIn, pFrom, &b);
  if( rc==ML_OK ){
    rc = castFitString(pArena, (const char*)b.a, (uint32_t)b.n, 1, pTo, pOut, pErr);
  }else{
    rc = mlErrorSet(pErr, rc, "");
  }
  strbufFree(&b);
  return rc;
}

/* Length of z[0..n) with blanks trimmed on both sides; *pz advanced. */
static uint32_t castTrim(const char **pz, uint32_t n){
  const char *z = *pz;
  while( n>0 && z[n-1]==' ' ) n--;
  while( n>0 && z[0]==' ' ){
    z++;
    n--;
  }
  *pz = z;
  return n;
}

/* 'TRUE', 'FALSE' or 'UNKNOWN' (any case, blanks around) as BOOLEAN. */
static int castTextToBoolean(const char *z, uint32_t n, const SqlType *pTo,
                             Value *pOut, MlError *pErr){
  n = castTrim(&z, n);
  pOut->type = SQLT_BOOLEAN;
  pOut->isNull = 0;
  if( n==4 && strncasecmp(z, "TRUE", 4)==0 ){
    pOut->u.i = 1;
  }else if( n==5 && strncasecmp(z, "FALSE", 5)==0 ){
    pOut->u.i = 0;
  }else if( n==7 && strncasecmp(z, "UNKNOWN", 7)==0 ){
    pOut->isNull = 1;
  }else{
    return castError(ML_E_INVALID_NUMBER, pTo, pErr);
  }
  return ML_OK;
}

/* The canonical 8-4-4-4-12 hex text (any case, blanks around) as UUID. */
static int castTextToUuid(const char *z, uint32_t n, Value *pOut, MlError *pErr){
  uint32_t i, k = 0;
  n = castTrim(&z, n);
  if( n!=36 ) return mlErrorSet(pErr, ML_E_INVALID_UUID, "");
  for(i=0; i<36; i++){
    char c = z[i];
    int v;
    if( i==8 || i==13 || i==18 || i==23 ){
      if( c!='-' ) return mlErrorSet(pErr, ML_E_INVALID_UUID, "");
      continue;
    }
    if( c>='0' && c<='9' ) v = c-'0';
    else if( c>='a' && c<='f' ) v = c-'a'+10;
    else if( c>='A' && c<='F' ) v = c-'A'+10;
    else return mlErrorSet(pErr, ML_E_INVALID_UUID, "");
    if( k%2==0 ){
      pOut->u.uuid[k/2] = (uint8_t)(v<<4);
    }else{
      pOut->u.uuid[k/2] |= (uint8_t)v;
    }
    k++;
  }
  pOut->type = SQLT_UUID;
  pOut->isNull = 0;
  return ML_OK;
}

/* Character source to a non-string target. */
static int castFromText(const Value *pIn, const SqlType *pTo, Value *pOut, MlError *pErr){
  const char *z = pIn->u.s.z;
  uint32_t n = pIn->u.s.n;
  int rc = ML_OK;
  switch( typeClass(pTo) ){
    case TYPE_CLASS_NUMERIC:
      return castTextToNumber(z, n, pTo, pOut, pErr);
    case TYPE_CLASS_BOOLEAN:
      return castTextToBoolean(z, n, pTo, pOut, pErr);
    case TYPE_CLASS_UUID:
      return castTextToUuid(z, n, pOut, pErr);
    case TYPE_CLASS_GIS_LAT: case TYPE_CLASS_GIS_LON:
    case TYPE_CLASS_GIS_LOC: case TYPE_CLASS_GIS_XY:
      return gisFromText(z, n, pTo->id, pOut, pErr);
    case TYPE_CLASS_DATE:
      rc = dtParseDate(z, (int)n, &pOut->u.date);
      break;
    case TYPE_CLASS_TIME:
      rc = dtParseTime(z, (int)n, pTo->scale, &pOut->u.time);
      break;
    case TYPE_CLASS_TIMESTAMP:
      rc = dtParseTimestamp(z, (int)n, pTo->scale, &pOut->u.ts);
      break;
    case TYPE_CLASS_IV_YM:
    case TYPE_CLASS_IV_DT:
      rc = dtParseInterval(z, (int)n, pTo, &pOut->u.iv);
      break;
    default:
      return mlErrorSet(pErr, ML_E_INTERNAL, "cast from text");   /* cannot happen */
  }
  if( rc ) return castError(rc, pTo, pErr);
  pOut->type = pTo->id;
  pOut->isNull = 0;
  return ML_OK;
}

/* DATE, TIME or TIMESTAMP to one of them (legality already checked). */
static int castDatetime(const Value *pIn, const SqlType *pTo, Value *pOut, MlError *pErr){
  int rc = ML_OK;
  switch( pTo->id ){
    case SQLT_DATE:
      pOut->u.date = pIn->type==SQLT_DATE ? pIn->u.date : pIn->u.ts.date;
      break;
    case SQLT_TIME:
      pOut->u.time = dtTimeRound(pIn->type==SQLT_TIME ? pIn->u.time : pIn->u.ts.time,
                                 pTo->scale);
      break;
    default:
      if( pIn->type==SQLT_DATE ){
        pOut->u.ts.date = pIn->u.date;
        pOut->u.ts.time = 0;
      }else{
        SqlTimestamp ts = pIn->u.ts;
        rc = dtTimestampRound(&ts, pTo->scale);
        pOut->u.ts = ts;
      }
      break;
  }
  if( rc ) return castError(rc, pTo, pErr);
  pOut->type = pTo->id;
  pOut->isNull = 0;
  return ML_OK;
}

/*
** Check the pair, pass NULL through, then dispatch: strings to strings,
** anything to text, text to anything, and the rest by target class.
*/
int valueCast(const Value *pIn, const SqlType *pFrom, const SqlType *pTo,
              Arena *pArena, Value *pOut, MlError *pErr){
  Value v = *pIn;                  /* pOut may be pIn */
  TypeClass cFrom = typeClass(pFrom), cTo = typeClass(pTo);
  int rc = valueCastCheck(pFrom, pTo, pErr);
  if( rc ) return rc;
  if( v.isNull ){
    pOut->type = pTo->id;
    pOut->isNull = 1;
    return ML_OK;
  }
  assert( v.type==pFrom->id );
  if( cTo==TYPE_CLASS_CHAR ){
    if( cFrom==TYPE_CLASS_CHAR ){
      return castFitString(pArena, v.u.s.z, v.u.s.n, 0, pTo, pOut, pErr);
    }
    return castValueToString(&v, pFrom, pTo, pArena, pOut, pErr);
  }
  if( cFrom==TYPE_CLASS_CHAR ) return castFromText(&v, pTo, pOut, pErr);
  switch( cTo ){
    case TYPE_CLASS_NUMERIC:
      if( v.type==SQLT_INTERVAL ){
        Dec45 d;
        rc = dtIntervalToDec(&v.u.iv, pFrom, &d);
        if( rc ) return castError(rc, pTo, pErr);
        return valueFitDec(&d, pTo, pOut, pErr);
      }
      return castNumber(&v, pTo, pOut, pErr);
    case TYPE_CLASS_BINARY:
      if( v.type==SQLT_UUID ){
        return castFitBinary(pArena, (const char*)v.u.uuid, 16, 1, pTo, pOut, pErr);
      }
      return castFitBinary(pArena, v.u.s.z, v.u.s.n, 0, pTo, pOut, pErr);
    case TYPE_CLASS_UUID:
      if( v.type==SQLT_UUID ){
        *pOut = v;
        return ML_OK;
      }
      if( v.u.s.n!=16 ) return mlErrorSet(pErr, ML_E_INVALID_UUID, "");
      memcpy(pOut->u.uuid, v.u.s.z, 16);
      pOut->type = SQLT_UUID;
      pOut->isNull = 0;
      return ML_OK;
    case TYPE_CLASS_BOOLEAN:
    case TYPE_CLASS_GIS_LAT: case TYPE_CLASS_GIS_LON:
    case TYPE_CLASS_GIS_LOC: case TYPE_CLASS_GIS_XY:
      *pOut = v;
      return ML_OK;
    case TYPE_CLASS_DATE:
    case TYPE_CLASS_TIME:
    case TYPE_CLASS_TIMESTAMP:
      return castDatetime(&v, pTo, pOut, pErr);
    case TYPE_CLASS_IV_YM:
    case TYPE_CLASS_IV_DT:
      if( v.type==SQLT_INTERVAL ){
        rc = dtIntervalCast(&v.u.iv, pFrom, pTo, &pOut->u.iv);
      }else{
        Dec45 d;
        rc = valueNumToDec(&v, &d);
        if( rc==ML_OK ) rc = dtIntervalFromDec(&d, pTo, &pOut->u.iv);
      }
      if( rc ) return castError(rc, pTo, pErr);
      pOut->type = SQLT_INTERVAL;
      pOut->isNull = 0;
      return ML_OK;
    default:
      return castIllegal(pFrom, pTo, pErr);   /* cannot happen: checked above */
  }
}
