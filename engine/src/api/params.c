/*
** Input parameters: the MimerSetXxx routines.  A value is converted to
** the parameter's SQL type (inferred at prepare time) and range-checked
** when it is set, with valueCast (types/cast.h), so errors surface at the
** setter as Mimer's API reports them: -24010/-24011 overflow, -24003 too
** long, -24004 a character the target cannot hold, -24104 a conversion
** the type does not allow, -24109/-24013 malformed datetime/UUID text.
** The GIS setters take only parameters of their BUILTIN.GIS_* type and
** check ranges (-24010/-24011, -24012 for NaN).
** The converted value is copied into the statement (a string's bytes into
** the parameter's own buffer, reused across calls), so callers may free
** their memory at once; values persist across executions until set
** again, and are handed to the engine (mlStmtBind) at execution time.
** Scalar setters do not allocate.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "api/apiint.h"
#include "types/cast.h"
#include "types/gis.h"
#include "types/strings.h"
#include "types/typesys.h"

/* -24102 (recorded) unless 1 <= paramno <= the statement's parameters. */
int apiParamCheck(ApiStmt *p, int16_t paramno){
  if( paramno<1 || paramno>p->nParam ) return apiStmtError(p, MIMER_NONEXISTENT_COLUMN_PARAMETER);
  return ML_OK;
}

/* Release the parameter buffers of p. */
void apiParamsFree(ApiStmt *p){
  int i;
  for(i=0; i<p->nParam; i++) free(p->aParam[i].aBuf);
  free(p->aParam);
  p->aParam = 0;
  p->nParam = 0;
}

/*
** The API error code for conversion error rc of valueCast; `negative`
** tells a negative overflow (-24011) from a positive one (-24010).  Codes
** the API has no name for (a malformed number or interval) stay.
*/
static int apiConvertCode(int rc, int negative){
  switch( rc ){
    case ML_E_OVERFLOW:         return negative ? MIMER_NEGATIVE_OVERFLOW : MIMER_POSITIVE_OVERFLOW;
    case ML_E_STRING_TOO_LONG:  return MIMER_TRUNCATION_ERROR;
    case ML_E_NOT_LATIN1:
    case ML_E_INVALID_UTF8:     return MIMER_ILLEGAL_CHARACTER;
    case ML_E_INVALID_CAST:     return MIMER_CAST_VIOLATION;
    case ML_E_INVALID_DATETIME: return MIMER_TIMESTAMP_FORMAT_ERROR;
    case ML_E_INVALID_UUID:     return MIMER_UUID_FORMAT_ERROR;
    case ML_E_FLOAT_NOT_FINITE: return MIMER_UNDEFINED_FLOAT_VALUE;
    case ML_E_NOMEM:            return MIMER_OUTOFMEMORY;
  }
  return rc;
}

/*
** Make *pV, a value of pPar's type, the parameter's value: string and
** binary bytes are copied into the parameter's buffer (grown as needed).
*/
static int apiParamStore(ApiParam *pPar, const Value *pV){
  pPar->v = *pV;
  if( !pV->isNull && (SQLT_IS_CHARACTER(pV->type) || SQLT_IS_BINARYSTR(pV->type)) ){
    size_t n = pV->u.s.n;
    if( n>pPar->nBufAlloc ){
      size_t nNew = n<64 ? 64 : n;
      char *aNew = realloc(pPar->aBuf, nNew);
      if( aNew==0 ){ pPar->isSet = 0; return MIMER_OUTOFMEMORY; }
      pPar->aBuf = aNew;
      pPar->nBufAlloc = nNew;
    }
    if( n ) memmove(pPar->aBuf, pV->u.s.z, n);
    pPar->v.u.s.z = n ? pPar->aBuf : "";
  }
  pPar->isSet = 1;
  pPar->failCode = 0;
  return ML_OK;
}

/*
** A setter of parameter iParam failed with code: the parameter becomes
** unset (a LOB being streamed into it is dropped), so an execution
** reports code instead of running with the value of an earlier set, which
** a driver ignoring setter results (MimerPy's executemany) would never
** notice.  Returns code, recorded on p.
*/
static int apiParamFail(ApiStmt *p, int iParam, int code){
  ApiParam *pPar = &p->aParam[iParam];
  if( pPar->pLob ) apiLobFree(pPar->pLob);
  pPar->isSet = 0;
  pPar->failCode = code;
  return apiStmtError(p, code);
}

/*
** Convert *pVal (of type pFrom) to parameter iParam's type and make it
** the parameter's value, cancelling a LOB being streamed into it.
** `negative` is 1 when the source is below zero (for the overflow code).
** On error the parameter becomes unset and the error is recorded.
*/
static int apiParamSet(ApiStmt *p, int iParam, const Value *pVal, const SqlType *pFrom,
                       int negative){
  ApiParam *pPar = &p->aParam[iParam];
  Value out;
  MlError err;
  int rc;
  if( pPar->pLob ) apiLobFree(pPar->pLob);
  mlErrorClear(&err);
  rc = valueCast(pVal, pFrom, &pPar->type, &p->scratch, &out, &err);
  if( rc==ML_OK ) rc = apiParamStore(pPar, &out);
  arenaReset(&p->scratch);
  if( rc<0 ){
    int code = apiConvertCode(rc, negative);
    if( code!=rc ) return apiParamFail(p, iParam, code);
    pPar->isSet = 0;
    pPar->failCode = code;
    return apiStmtErrorFrom(p, rc, &err);
  }
  return MIMER_SUCCESS;
}

/* apiParamSet for callers outside this file (LOB completion). */
int apiParamSetValue(ApiStmt *p, int iParam, const Value *pVal, const SqlType *pFrom){
  return apiParamSet(p, iParam, pVal, pFrom, 0);
}

/*
** Hand every parameter value of p to the engine before an execution:
** completes LOBs still being streamed (leniently), then fails for an
** unset parameter: with the error of its last failed set (so a driver
** that ignores setter results, as MimerPy's executemany does, still sees
** -24010), else -24103.  Errors go to *pErr.
*/
int apiParamsBind(ApiStmt *p, MlError *pErr){
  int i, rc;
  for(i=0; i<p->nParam; i++){
    ApiParam *pPar = &p->aParam[i];
    if( pPar->pLob && (rc = apiLobFinish(p, pPar, 1))!=ML_OK ) return mlErrorSet(pErr, rc, "");
    if( !pPar->isSet ){
      return mlErrorSet(pErr, pPar->failCode ? pPar->failCode : MIMER_UNSET_PARAMETER, "");
    }
    rc = mlStmtBind(p->pStmt, i, &pPar->v, pErr);
    if( rc<0 ) return rc;
  }
  return ML_OK;
}

/* Validate handle and parameter number for a setter; the live statement. */
static int apiSetterEnter(MimerStatement h, int16_t paramno, ApiStmt **pp){
  ApiStmt *p = apiStmtGet(h);
  if( p==0 ) return MIMER_HANDLE_INVALID;
  *pp = p;
  return apiParamCheck(p, paramno);
}

/* Set parameter paramno to NULL; -24116 if it does not accept NULL. */
int32_t MimerSetNull(MimerStatement statementhandle, int16_t paramno){
  ApiStmt *p = 0;
  ApiParam *pPar;
  int rc = apiSetterEnter(statementhandle, paramno, &p);
  if( rc ) return rc;
  pPar = &p->aParam[paramno-1];
  if( !pPar->nullable ) return apiParamFail(p, paramno-1, MIMER_NULL_VIOLATION);
  if( pPar->pLob ) apiLobFree(pPar->pLob);
  memset(&pPar->v, 0, sizeof(pPar->v));
  pPar->v.type = pPar->type.id;
  pPar->v.isNull = 1;
  pPar->isSet = 1;
  pPar->failCode = 0;
  return MIMER_SUCCESS;
}

/* Set an integer source value of type `id` (INTEGER or BIGINT). */
static int apiSetInt(MimerStatement h, int16_t paramno, SqlTypeId id, int64_t v){
  ApiStmt *p = 0;
  Value val;
  SqlType t = typeSimple(id);
  int rc = apiSetterEnter(h, paramno, &p);
  if( rc ) return rc;
  memset(&val, 0, sizeof(val));
  val.type = id;
  val.u.i = v;
  return apiParamSet(p, paramno-1, &val, &t, v<0);
}

/* Set a 32-bit integer, converted to the parameter's type. */
int32_t MimerSetInt32(MimerStatement statementhandle, int16_t paramno, int32_t value){
  return apiSetInt(statementhandle, paramno, SQLT_INTEGER, value);
}

/* Set a 64-bit integer, converted to the parameter's type. */
int32_t MimerSetInt64(MimerStatement statementhandle, int16_t paramno, int64_t value){
  return apiSetInt(statementhandle, paramno, SQLT_BIGINT, value);
}

/* Set a REAL (isReal) or DOUBLE source value; NaN and infinities: -24012. */
static int apiSetFloating(MimerStatement h, int16_t paramno, int isReal, double v){
  ApiStmt *p = 0;
  Value val;
  SqlType t = typeSimple(isReal ? SQLT_REAL : SQLT_DOUBLE);
  int rc = apiSetterEnter(h, paramno, &p);
  if( rc ) return rc;
  if( !isfinite(v) ) return apiParamFail(p, paramno-1, MIMER_UNDEFINED_FLOAT_VALUE);
  memset(&val, 0, sizeof(val));
  val.type = t.id;
  val.u.d = v;
  return apiParamSet(p, paramno-1, &val, &t, v<0);
}

/* Set a double, converted to the parameter's type. */
int32_t MimerSetDouble(MimerStatement statementhandle, int16_t paramno, double value){
  return apiSetFloating(statementhandle, paramno, 0, value);
}

/* Set a float, converted to the parameter's type. */
int32_t MimerSetFloat(MimerStatement statementhandle, int16_t paramno, float value){
  return apiSetFloating(statementhandle, paramno, 1, (double)value);
}

/* Set a boolean: 0 is FALSE, anything else TRUE. */
int32_t MimerSetBoolean(MimerStatement statementhandle, int16_t paramno, int32_t value){
  ApiStmt *p = 0;
  Value val;
  SqlType t = typeSimple(SQLT_BOOLEAN);
  int rc = apiSetterEnter(statementhandle, paramno, &p);
  if( rc ) return rc;
  memset(&val, 0, sizeof(val));
  val.type = SQLT_BOOLEAN;
  val.u.i = value!=0;
  return apiParamSet(p, paramno-1, &val, &t, 0);
}

/*
** Set UTF-8 text z[0..n) on statement p's parameter iParam: converted to
** any non-binary type (numbers, datetimes, intervals, UUID text...).
** -24004 for malformed UTF-8.
*/
static int apiSetText(ApiStmt *p, int iParam, const char *z, size_t n){
  Value val;
  SqlType t;
  uint32_t nChar = 0;
  const char *zSign = z;
  if( n>UINT32_MAX ) return apiParamFail(p, iParam, MIMER_TRUNCATION_ERROR);
  if( strUtf8Check(z, (uint32_t)n, &nChar)!=ML_OK ) return apiParamFail(p, iParam, MIMER_ILLEGAL_CHARACTER);
  memset(&val, 0, sizeof(val));
  memset(&t, 0, sizeof(t));
  t.id = nChar>TYPE_NCHAR_MAX ? SQLT_NCLOB : SQLT_NVARCHAR;
  t.length = nChar ? nChar : 1;
  val.type = t.id;
  val.u.s.z = z;
  val.u.s.n = (uint32_t)n;
  while( zSign<z+n && *zSign==' ' ) zSign++;
  return apiParamSet(p, iParam, &val, &t, zSign<z+n && *zSign=='-');
}

/* Set NUL-terminated UTF-8 text, converted to the parameter's type. */
int32_t MimerSetString8(MimerStatement statementhandle, int16_t paramno, const char *value){
  ApiStmt *p = 0;
  int rc = apiSetterEnter(statementhandle, paramno, &p);
  if( rc ) return rc;
  if( value==0 ) return apiParamFail(p, paramno-1, MIMER_PARAMETER_INVALID);
  return apiSetText(p, paramno-1, value, strlen(value));
}

/* Set `length` bytes of UTF-8 text (not NUL-terminated). */
int32_t MimerSetStringLen8(MimerStatement statementhandle, int16_t paramno, const char *value,
                           size_t length){
  ApiStmt *p = 0;
  int rc = apiSetterEnter(statementhandle, paramno, &p);
  if( rc ) return rc;
  if( value==0 && length>0 ) return apiParamFail(p, paramno-1, MIMER_PARAMETER_INVALID);
  return apiSetText(p, paramno-1, value ? value : "", length);
}

/* Set n wide characters at z (NUL-terminated when n is (size_t)-1). */
static int apiSetWide(MimerStatement h, int16_t paramno, const wchar_t *z, size_t n){
  ApiStmt *p = 0;
  char *zUtf8 = 0;
  size_t nUtf8;
  int rc = apiSetterEnter(h, paramno, &p);
  if( rc ) return rc;
  if( z==0 ) return apiParamFail(p, paramno-1, MIMER_PARAMETER_INVALID);
  rc = apiWideToUtf8(z, n, &zUtf8, &nUtf8);
  if( rc ) return apiParamFail(p, paramno-1, rc);
  rc = apiSetText(p, paramno-1, zUtf8, nUtf8);
  free(zUtf8);
  return rc;
}

/* Set a NUL-terminated wide string. */
int32_t MimerSetString(MimerStatement statementhandle, int16_t paramno, const wchar_t *value){
  return apiSetWide(statementhandle, paramno, value, (size_t)-1);
}

/* Set `length` wide characters (not NUL-terminated). */
int32_t MimerSetStringLen(MimerStatement statementhandle, int16_t paramno, const wchar_t *value,
                          size_t length){
  return apiSetWide(statementhandle, paramno, value, length);
}

/* Set n bytes of locale text at z (NUL-terminated when n is (size_t)-1). */
static int apiSetLocale(MimerStatement h, int16_t paramno, const char *z, size_t n){
  ApiStmt *p = 0;
  char *zUtf8 = 0;
  size_t nUtf8;
  int rc = apiSetterEnter(h, paramno, &p);
  if( rc ) return rc;
  if( z==0 ) return apiParamFail(p, paramno-1, MIMER_PARAMETER_INVALID);
  rc = apiLocaleToUtf8(z, n, &zUtf8, &nUtf8);
  if( rc ) return apiParamFail(p, paramno-1, rc);
  rc = apiSetText(p, paramno-1, zUtf8, nUtf8);
  free(zUtf8);
  return rc;
}

/* Set NUL-terminated text in the locale's character set. */
int32_t MimerSetStringC(MimerStatement statementhandle, int16_t paramno, const char *value){
  return apiSetLocale(statementhandle, paramno, value, (size_t)-1);
}

/* Set `length` bytes of text in the locale's character set. */
int32_t MimerSetStringLenC(MimerStatement statementhandle, int16_t paramno, const char *value,
                           size_t length){
  return apiSetLocale(statementhandle, paramno, value, length);
}

static int apiSetGisBinary(MimerStatement h, int16_t paramno, int id, ApiStmt *p,
                           const unsigned char *a, size_t size);

/* Set `size` bytes of binary data (BINARY, VARBINARY, BLOB, UUID targets;
** GIS targets take apiSetGisBinary's forms). */
int32_t MimerSetBinary(MimerStatement statementhandle, int16_t paramno, const void *value,
                       size_t size){
  ApiStmt *p = 0;
  Value val;
  SqlType t;
  int rc = apiSetterEnter(statementhandle, paramno, &p);
  if( rc ) return rc;
  if( value==0 && size>0 ) return apiParamFail(p, paramno-1, MIMER_PARAMETER_INVALID);
  if( SQLT_IS_GIS(p->aParam[paramno-1].type.id) ){
    return apiSetGisBinary(statementhandle, paramno, p->aParam[paramno-1].type.id, p,
                           (const unsigned char*)value, size);
  }
  if( size>UINT32_MAX ) return apiParamFail(p, paramno-1, MIMER_TRUNCATION_ERROR);
  memset(&val, 0, sizeof(val));
  memset(&t, 0, sizeof(t));
  t.id = size>TYPE_CHAR_MAX ? SQLT_BLOB : SQLT_VARBINARY;
  t.length = size ? (uint32_t)size : 1;
  val.type = t.id;
  val.u.s.z = value ? value : "";
  val.u.s.n = (uint32_t)size;
  return apiParamSet(p, paramno-1, &val, &t, 0);
}

/* Set a UUID from 16 raw bytes (RFC 4122 order). */
int32_t MimerSetUUID(MimerStatement statementhandle, int16_t paramno, const unsigned char *uuid){
  ApiStmt *p = 0;
  Value val;
  SqlType t = typeSimple(SQLT_UUID);
  int rc = apiSetterEnter(statementhandle, paramno, &p);
  if( rc ) return rc;
  if( uuid==0 ) return apiParamFail(p, paramno-1, MIMER_PARAMETER_INVALID);
  memset(&val, 0, sizeof(val));
  val.type = SQLT_UUID;
  memcpy(val.u.uuid, uuid, 16);
  return apiParamSet(p, paramno-1, &val, &t, 0);
}

/*
** The API code for degrees v against +-limit: 0 inside, -24012 for NaN or
** an infinity, -24010 above, -24011 below.
*/
static int apiGisRange(double v, double limit){
  if( !isfinite(v) ) return MIMER_UNDEFINED_FLOAT_VALUE;
  if( v>limit ) return MIMER_POSITIVE_OVERFLOW;
  if( v<-limit ) return MIMER_NEGATIVE_OVERFLOW;
  return 0;
}

/*
** Set parameter paramno, which must be of GIS type id (else -24104), to
** degrees a (a latitude or longitude), or to the location (a, b), or to
** the coordinate (x, y).  Range errors as apiGisRange; on error the
** parameter becomes unset.  Does not allocate.
*/
static int apiSetGis(MimerStatement h, int16_t paramno, int id, double a, double b,
                     int32_t x, int32_t y){
  ApiStmt *p = 0;
  ApiParam *pPar;
  Value val;
  SqlType t = typeSimple((SqlTypeId)id);
  int rc = apiSetterEnter(h, paramno, &p);
  if( rc ) return rc;
  pPar = &p->aParam[paramno-1];
  if( pPar->type.id!=id ) return apiParamFail(p, paramno-1, MIMER_CAST_VIOLATION);
  switch( id ){
    case SQLT_GIS_LOCATION:
      rc = apiGisRange(a, GIS_LATITUDE_MAX);
      if( rc==0 ) rc = apiGisRange(b, GIS_LONGITUDE_MAX);
      if( rc==0 ) rc = gisMakeLocation(a, b, &val, 0);
      break;
    case SQLT_GIS_COORDINATE:
      gisMakeCoordinate(x, y, &val);
      break;
    default:
      rc = apiGisRange(a, id==SQLT_GIS_LATITUDE ? GIS_LATITUDE_MAX : GIS_LONGITUDE_MAX);
      if( rc==0 ) rc = gisMakeDegrees(id, a, &val, 0);
      break;
  }
  if( rc ) return apiParamFail(p, paramno-1, rc);
  return apiParamSet(p, paramno-1, &val, &t, 0);
}

/* A little-endian 4-byte word of a. */
static uint32_t apiGetLe32(const unsigned char *a){
  return (uint32_t)a[0] | (uint32_t)a[1]<<8 | (uint32_t)a[2]<<16 | (uint32_t)a[3]<<24;
}

/* The little-endian IEEE float at a, as a double. */
static double apiGetLeFloat(const unsigned char *a){
  uint32_t u = apiGetLe32(a);
  float f;
  memcpy(&f, &u, 4);
  return f;
}

/*
** MimerSetBinary on a GIS parameter (type id): the binary forms mimerrust
** writes, little-endian: a float (4 bytes) for GIS_LATITUDE/_LONGITUDE,
** two floats (latitude, longitude) for GIS_LOCATION, two 32-bit integers
** (x, y) for GIS_COORDINATE.  Another size is -24104.
*/
static int apiSetGisBinary(MimerStatement h, int16_t paramno, int id, ApiStmt *p,
                           const unsigned char *a, size_t size){
  size_t nWant = id==SQLT_GIS_LATITUDE || id==SQLT_GIS_LONGITUDE ? 4 : 8;
  if( size!=nWant ) return apiParamFail(p, paramno-1, MIMER_CAST_VIOLATION);
  switch( id ){
    case SQLT_GIS_LOCATION:
      return apiSetGis(h, paramno, id, apiGetLeFloat(a), apiGetLeFloat(a+4), 0, 0);
    case SQLT_GIS_COORDINATE:
      return apiSetGis(h, paramno, id, 0, 0, (int32_t)apiGetLe32(a), (int32_t)apiGetLe32(a+4));
    default:
      return apiSetGis(h, paramno, id, apiGetLeFloat(a), 0, 0, 0);
  }
}

/* Set a GIS_LOCATION parameter from a (latitude, longitude) pair. */
int32_t MimerSetGisLocation(MimerStatement statementhandle, int16_t paramno,
                            mimer_gis_location location){
  return apiSetGis(statementhandle, paramno, SQLT_GIS_LOCATION, location.latitude,
                   location.longitude, 0, 0);
}

/* Set a GIS_LATITUDE parameter (degrees, -90..90). */
int32_t MimerSetGisLatitude(MimerStatement statementhandle, int16_t paramno, double latitude){
  return apiSetGis(statementhandle, paramno, SQLT_GIS_LATITUDE, latitude, 0, 0, 0);
}

/* Set a GIS_LONGITUDE parameter (degrees, -180..180). */
int32_t MimerSetGisLongitude(MimerStatement statementhandle, int16_t paramno, double longitude){
  return apiSetGis(statementhandle, paramno, SQLT_GIS_LONGITUDE, longitude, 0, 0, 0);
}
