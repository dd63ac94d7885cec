/*
** Values of the BUILTIN.GIS_* types (see gis.h): range checks, the
** canonical text and its parser, ordering and Mimer's AS_TEXT forms.
** Nothing here allocates; text goes into caller buffers or a StrBuf.
*/
#include "types/gis.h"

#include <assert.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Largest |value| of a GIS degrees type id. */
static double gisLimit(int id){
  assert( id==SQLT_GIS_LATITUDE || id==SQLT_GIS_LONGITUDE );
  return id==SQLT_GIS_LATITUDE ? GIS_LATITUDE_MAX : GIS_LONGITUDE_MAX;
}

/* ML_OK if v is a finite value within +-limit, else ML_E_INVALID_GIS. */
static int gisCheck(double v, double limit, const char *zWhat, MlError *pErr){
  char zDetail[80];
  if( v>=-limit && v<=limit ) return ML_OK;   /* false for NaN */
  if( isfinite(v) ){
    snprintf(zDetail, sizeof(zDetail), ", %s %.17g outside %g..%g", zWhat, v, -limit, limit);
  }else{
    snprintf(zDetail, sizeof(zDetail), ", %s is not a finite number", zWhat);
  }
  return mlErrorSet(pErr, ML_E_INVALID_GIS, zDetail);
}

int gisMakeDegrees(int id, double v, Value *pOut, MlError *pErr){
  int rc = gisCheck(v, gisLimit(id), id==SQLT_GIS_LATITUDE ? "latitude" : "longitude", pErr);
  if( rc ) return rc;
  memset(pOut, 0, sizeof(*pOut));
  pOut->type = (uint8_t)id;
  pOut->u.d = v==0.0 ? 0.0 : v;
  return ML_OK;
}

int gisMakeLocation(double lat, double lon, Value *pOut, MlError *pErr){
  int rc = gisCheck(lat, GIS_LATITUDE_MAX, "latitude", pErr);
  if( rc==ML_OK ) rc = gisCheck(lon, GIS_LONGITUDE_MAX, "longitude", pErr);
  if( rc ) return rc;
  memset(pOut, 0, sizeof(*pOut));
  pOut->type = SQLT_GIS_LOCATION;
  pOut->u.loc.lat = lat==0.0 ? 0.0 : lat;
  pOut->u.loc.lon = lon==0.0 ? 0.0 : lon;
  return ML_OK;
}

void gisMakeCoordinate(int32_t x, int32_t y, Value *pOut){
  memset(pOut, 0, sizeof(*pOut));
  pOut->type = SQLT_GIS_COORDINATE;
  pOut->u.xy.x = x;
  pOut->u.xy.y = y;
}

/*
** Fewest fraction digits (0..20) whose fixed-point text reads back as v;
** values too small for that (|v| < 1e-20) fall back to %.17g.
*/
int gisDegreesText(double v, char *zBuf){
  int d, n;
  if( v==0.0 ) v = 0.0;    /* no "-0" */
  for(d=0; d<=20; d++){
    n = snprintf(zBuf, GIS_TEXT_MAX, "%.*f", d, v);
    if( strtod(zBuf, 0)==v ) return n;
  }
  return snprintf(zBuf, GIS_TEXT_MAX, "%.17g", v);
}

int gisToText(const Value *p, StrBuf *pBuf){
  char z[GIS_TEXT_MAX];
  int n;
  assert( !p->isNull && SQLT_IS_GIS(p->type) );
  switch( p->type ){
    case SQLT_GIS_LOCATION:
      n = gisDegreesText(p->u.loc.lat, z);
      strbufAppend(pBuf, z, (size_t)n);
      strbufAppendByte(pBuf, ',');
      n = gisDegreesText(p->u.loc.lon, z);
      strbufAppend(pBuf, z, (size_t)n);
      break;
    case SQLT_GIS_COORDINATE:
      strbufPrintf(pBuf, "%d,%d", (int)p->u.xy.x, (int)p->u.xy.y);
      break;
    default:
      n = gisDegreesText(p->u.d, z);
      strbufAppend(pBuf, z, (size_t)n);
      break;
  }
  return strbufError(pBuf);
}

/*
** Parse one number of z[0..n) with blanks around it into *pD (isInt: an
** optionally signed integer into *pI instead).  Returns ML_OK,
** ML_E_INVALID_GIS for malformed text, ML_E_OVERFLOW for an integer
** beyond INTEGER.
*/
static int gisParseNumber(const char *z, uint32_t n, int isInt, double *pD, int32_t *pI){
  char zNum[GIS_TEXT_MAX];
  char *zEnd;
  uint32_t i;
  while( n>0 && z[0]==' ' ){ z++; n--; }
  while( n>0 && z[n-1]==' ' ) n--;
  if( n==0 || n>=sizeof(zNum) ) return ML_E_INVALID_GIS;
  for(i=0; i<n; i++){
    char c = z[i];
    int ok = (c>='0' && c<='9') || ((c=='+' || c=='-') && (i==0 || z[i-1]=='e' || z[i-1]=='E'));
    if( !isInt ) ok |= c=='.' || c=='e' || c=='E';
    if( !ok ) return ML_E_INVALID_GIS;
  }
  memcpy(zNum, z, n);
  zNum[n] = 0;
  errno = 0;
  if( isInt ){
    long long v = strtoll(zNum, &zEnd, 10);
    if( *zEnd ) return ML_E_INVALID_GIS;
    if( errno==ERANGE || v<INT32_MIN || v>INT32_MAX ) return ML_E_OVERFLOW;
    *pI = (int32_t)v;
  }else{
    *pD = strtod(zNum, &zEnd);
    if( *zEnd || zEnd==zNum ) return ML_E_INVALID_GIS;
  }
  return ML_OK;
}

int gisFromText(const char *z, uint32_t n, int id, Value *pOut, MlError *pErr){
  const char *zComma = memchr(z, ',', n);
  uint32_t n1 = zComma ? (uint32_t)(zComma - z) : n;
  double a = 0, b = 0;
  int32_t x = 0, y = 0;
  int rc;
  assert( SQLT_IS_GIS(id) );
  if( (zComma!=0) != (id==SQLT_GIS_LOCATION || id==SQLT_GIS_COORDINATE) ){
    return mlErrorSet(pErr, ML_E_INVALID_GIS, " text");
  }
  rc = gisParseNumber(z, n1, id==SQLT_GIS_COORDINATE, &a, &x);
  if( rc==ML_OK && zComma ){
    rc = gisParseNumber(zComma+1, n-n1-1, id==SQLT_GIS_COORDINATE, &b, &y);
  }
  if( rc==ML_E_OVERFLOW ) return mlErrorSet(pErr, rc, " for BUILTIN.GIS_COORDINATE");
  if( rc ) return mlErrorSet(pErr, rc, " text");
  switch( id ){
    case SQLT_GIS_LOCATION:
      return gisMakeLocation(a, b, pOut, pErr);
    case SQLT_GIS_COORDINATE:
      gisMakeCoordinate(x, y, pOut);
      return ML_OK;
    default:
      return gisMakeDegrees(id, a, pOut, pErr);
  }
}

/* -1, 0 or +1 for a against b (never NaN here: values are range-checked). */
static int gisCmpDouble(double a, double b){
  return a<b ? -1 : a>b;
}

int gisCompare(const Value *a, const Value *b){
  int c;
  assert( a->type==b->type && SQLT_IS_GIS(a->type) );
  switch( a->type ){
    case SQLT_GIS_LOCATION:
      c = gisCmpDouble(a->u.loc.lat, b->u.loc.lat);
      return c ? c : gisCmpDouble(a->u.loc.lon, b->u.loc.lon);
    case SQLT_GIS_COORDINATE:
      c = (a->u.xy.x > b->u.xy.x) - (a->u.xy.x < b->u.xy.x);
      return c ? c : (a->u.xy.y > b->u.xy.y) - (a->u.xy.y < b->u.xy.y);
    default:
      return gisCmpDouble(a->u.d, b->u.d);
  }
}

int gisDmsText(double v, int isLat, int64_t fmt, char *zBuf){
  int64_t t = llround(fabs(v) * 36000000.0);      /* 1/10000 seconds */
  int neg = v<0 && t>0;
  int deg = (int)(t / 36000000), min = (int)(t / 600000 % 60);
  int sec = (int)(t / 10000 % 60), frac = (int)(t % 10000);
  char cHemi = isLat ? (neg ? 'S' : 'N') : (neg ? 'W' : 'E');
  int nDeg = isLat ? 2 : 3;
  switch( fmt ){
    case 1:
      return snprintf(zBuf, GIS_TEXT_MAX, "%c%0*d%02d%02d.%04d", neg ? '-' : '+',
                      nDeg, deg, min, sec, frac);
    case 2:
      return snprintf(zBuf, GIS_TEXT_MAX, "%c%0*d%02d%02d.%04d", cHemi, nDeg, deg, min, sec, frac);
    case 3:
      return snprintf(zBuf, GIS_TEXT_MAX, "%0*d\xC2\xB0%02d'%02d.%04d''%c", nDeg, deg, min, sec,
                      frac, cHemi);
    default:
      return ML_E_INVALID_GIS;
  }
}
