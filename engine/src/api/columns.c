/*
** Output values: MimerIsNull and the MimerGetXxx routines.  A column
** number names a result column of the row the cursor is on; there is no
** value before the first fetch, after the last row or once the cursor is
** closed (-24101), and MimerIsNull never reports NULL then.  For a
** statement without a result set the number names a parameter, and the
** engine has input parameters only (-24105).  A getter applied to SQL
** NULL returns -24002.  Conversions are liberal where they cannot lose
** information silently: any numeric column reads as int32/int64 (range
** checked, -24010/-24011; fractions truncated), double or float; any
** non-binary column reads as text (MimerGetString8 returns its canonical
** text, format.h, and the full length in bytes).  The GIS getters read
** only columns of their BUILTIN.GIS_* type (-24104 otherwise).  Getters of
** scalars do not allocate.
*/
#include <assert.h>
#include <float.h>
#include <string.h>

#include "api/apiint.h"
#include "types/cast.h"
#include "types/format.h"
#include "types/typesys.h"

/*
** The current value of column colno of p (and its type), for a getter.
** Errors (recorded): -24102 bad number, -24101 no current row, -24105 a
** parameter of a statement without result set (all are input).
*/
int apiColumnValue(ApiStmt *p, int16_t colno, const Value **ppVal, const SqlType **ppType){
  *ppVal = 0;
  *ppType = 0;
  if( p->nCol>0 ){
    if( colno<1 || colno>p->nCol ) return apiStmtError(p, MIMER_NONEXISTENT_COLUMN_PARAMETER);
    if( !p->cursorOpen || !p->hasRow ) return apiStmtError(p, MIMER_SEQUENCE_ERROR);
    *ppVal = mlStmtColumn(p->pStmt, colno-1);
    *ppType = mlStmtColumnType(p->pStmt, colno-1);
    assert( *ppVal && *ppType );
    return ML_OK;
  }
  if( colno<1 || colno>p->nParam ) return apiStmtError(p, MIMER_NONEXISTENT_COLUMN_PARAMETER);
  return apiStmtError(p, MIMER_PARAMETER_NOT_OUTPUT);
}

/* Validate the handle, then apiColumnValue; -24002 for SQL NULL. */
static int apiGetterEnter(MimerStatement h, int16_t colno, ApiStmt **pp, const Value **ppVal,
                          const SqlType **ppType){
  ApiStmt *p = apiStmtGet(h);
  int rc;
  if( p==0 ) return MIMER_HANDLE_INVALID;
  *pp = p;
  rc = apiColumnValue(p, colno, ppVal, ppType);
  if( rc ) return rc;
  if( (*ppVal)->isNull ) return apiStmtError(p, MIMER_SQL_NULL_VALUE);
  return ML_OK;
}

/* 1 if column colno of the current row is NULL, 0 if not. */
int32_t MimerIsNull(MimerStatement statementhandle, int16_t colno){
  ApiStmt *p = apiStmtGet(statementhandle);
  const Value *pVal;
  const SqlType *pType;
  int rc;
  if( p==0 ) return MIMER_HANDLE_INVALID;
  rc = apiColumnValue(p, colno, &pVal, &pType);
  if( rc ) return rc;
  return pVal->isNull ? 1 : 0;
}

/*
** Numeric value pVal (of type pType) as an integer of type `id` (INTEGER
** or BIGINT) in *pOut.  -24104 for a non-numeric type, -24010/-24011
** when it does not fit.
*/
static int apiGetInt(ApiStmt *p, const Value *pVal, const SqlType *pType, SqlTypeId id,
                     int64_t *pOut){
  SqlType t = typeSimple(id);
  Value out;
  MlError err;
  int rc;
  if( !SQLT_IS_NUMERIC(pType->id) ) return apiStmtError(p, MIMER_CAST_VIOLATION);
  if( SQLT_IS_BINARY_INT(pType->id) ){
    if( id==SQLT_INTEGER && (pVal->u.i>INT32_MAX || pVal->u.i<INT32_MIN) ){
      return apiStmtError(p, pVal->u.i<0 ? MIMER_NEGATIVE_OVERFLOW : MIMER_POSITIVE_OVERFLOW);
    }
    *pOut = pVal->u.i;
    return ML_OK;
  }
  rc = valueCast(pVal, pType, &t, 0, &out, &err);
  if( rc==ML_E_OVERFLOW ){
    return apiStmtError(p, valueNumToDouble(pVal)<0 ? MIMER_NEGATIVE_OVERFLOW
                                                     : MIMER_POSITIVE_OVERFLOW);
  }
  if( rc<0 ) return apiStmtErrorFrom(p, rc, &err);
  *pOut = out.u.i;
  return ML_OK;
}

/* Column colno as a 32-bit integer in *value. */
int32_t MimerGetInt32(MimerStatement statementhandle, int16_t colno, int32_t *value){
  ApiStmt *p = 0;
  const Value *pVal;
  const SqlType *pType;
  int64_t v;
  int rc = apiGetterEnter(statementhandle, colno, &p, &pVal, &pType);
  if( rc ) return rc;
  if( value==0 ) return apiStmtError(p, MIMER_PARAMETER_INVALID);
  rc = apiGetInt(p, pVal, pType, SQLT_INTEGER, &v);
  if( rc ) return rc;
  *value = (int32_t)v;
  return MIMER_SUCCESS;
}

/* Column colno as a 64-bit integer in *value. */
int32_t MimerGetInt64(MimerStatement statementhandle, int16_t colno, int64_t *value){
  ApiStmt *p = 0;
  const Value *pVal;
  const SqlType *pType;
  int rc = apiGetterEnter(statementhandle, colno, &p, &pVal, &pType);
  if( rc ) return rc;
  if( value==0 ) return apiStmtError(p, MIMER_PARAMETER_INVALID);
  return apiGetInt(p, pVal, pType, SQLT_BIGINT, value);
}

/* Column colno (any numeric type) as the nearest double in *value. */
int32_t MimerGetDouble(MimerStatement statementhandle, int16_t colno, double *value){
  ApiStmt *p = 0;
  const Value *pVal;
  const SqlType *pType;
  int rc = apiGetterEnter(statementhandle, colno, &p, &pVal, &pType);
  if( rc ) return rc;
  if( value==0 ) return apiStmtError(p, MIMER_PARAMETER_INVALID);
  if( !SQLT_IS_NUMERIC(pType->id) ) return apiStmtError(p, MIMER_CAST_VIOLATION);
  *value = valueNumToDouble(pVal);
  return MIMER_SUCCESS;
}

/* Column colno (any numeric type) as a float; -24010/-24011 beyond range. */
int32_t MimerGetFloat(MimerStatement statementhandle, int16_t colno, float *value){
  ApiStmt *p = 0;
  const Value *pVal;
  const SqlType *pType;
  double d;
  int rc = apiGetterEnter(statementhandle, colno, &p, &pVal, &pType);
  if( rc ) return rc;
  if( value==0 ) return apiStmtError(p, MIMER_PARAMETER_INVALID);
  if( !SQLT_IS_NUMERIC(pType->id) ) return apiStmtError(p, MIMER_CAST_VIOLATION);
  d = valueNumToDouble(pVal);
  if( d>FLT_MAX ) return apiStmtError(p, MIMER_POSITIVE_OVERFLOW);
  if( d<-FLT_MAX ) return apiStmtError(p, MIMER_NEGATIVE_OVERFLOW);
  *value = (float)d;
  return MIMER_SUCCESS;
}

/* A BOOLEAN column: returns 1 (true) or 0 (false). */
int32_t MimerGetBoolean(MimerStatement statementhandle, int16_t colno){
  ApiStmt *p = 0;
  const Value *pVal;
  const SqlType *pType;
  int rc = apiGetterEnter(statementhandle, colno, &p, &pVal, &pType);
  if( rc ) return rc;
  if( pType->id!=SQLT_BOOLEAN ) return apiStmtError(p, MIMER_CAST_VIOLATION);
  return pVal->u.i ? 1 : 0;
}

/*
** The UTF-8 text of column colno in *pz, *pn: varying character values
** as stored, anything else through valueToText into the statement's text
** buffer (valid until the next call).  -24104 for binary types.
*/
static int apiColumnText(MimerStatement h, int16_t colno, ApiStmt **pp, const char **pz,
                         size_t *pn){
  ApiStmt *p = 0;
  const Value *pVal;
  const SqlType *pType;
  int rc = apiGetterEnter(h, colno, &p, &pVal, &pType);
  *pp = p;
  if( rc ) return rc;
  if( SQLT_IS_BINARYSTR(pType->id) ) return apiStmtError(p, MIMER_CAST_VIOLATION);
  if( SQLT_IS_CHARACTER(pType->id) && pType->id!=SQLT_CHAR && pType->id!=SQLT_NCHAR ){
    *pz = pVal->u.s.z;
    *pn = pVal->u.s.n;
    return ML_OK;
  }
  strbufReset(&p->text);
  rc = valueToText(pVal, pType, &p->text);
  if( rc==ML_OK ) rc = strbufError(&p->text);
  if( rc<0 ) return apiStmtError(p, rc==ML_E_NOMEM ? MIMER_OUTOFMEMORY : rc);
  *pz = (const char*)p->text.a;
  *pn = p->text.n;
  return ML_OK;
}

/*
** Text of column colno (UTF-8) into value (maxlength bytes with the
** NUL); returns the full length in bytes (spec 4.4).
*/
int32_t MimerGetString8(MimerStatement statementhandle, int16_t colno, char *value,
                        size_t maxlength){
  ApiStmt *p;
  const char *z = 0;
  size_t n = 0;
  int rc = apiColumnText(statementhandle, colno, &p, &z, &n);
  if( rc ) return rc;
  return apiCopyOut8(z, n, value, maxlength);
}

/* MimerGetString8 into a wide buffer; lengths in wide characters. */
int32_t MimerGetString(MimerStatement statementhandle, int16_t colno, wchar_t *value,
                       size_t maxlength){
  ApiStmt *p;
  const char *z = 0;
  size_t n = 0;
  int rc = apiColumnText(statementhandle, colno, &p, &z, &n);
  if( rc ) return rc;
  return apiUtf8ToWideOut(z, n, value, maxlength);
}

/* MimerGetString8 in the locale's character set; lengths in bytes. */
int32_t MimerGetStringC(MimerStatement statementhandle, int16_t colno, char *value,
                        size_t maxlength){
  ApiStmt *p;
  const char *z = 0;
  size_t n = 0;
  int rc = apiColumnText(statementhandle, colno, &p, &z, &n);
  if( rc ) return rc;
  rc = apiUtf8ToLocaleOut(z, n, value, maxlength);
  return rc<0 ? apiStmtError(p, rc) : rc;
}

/* Put v little-endian into a[0..4). */
static void apiPutLe32(unsigned char *a, uint32_t v){
  a[0] = (unsigned char)v;
  a[1] = (unsigned char)(v>>8);
  a[2] = (unsigned char)(v>>16);
  a[3] = (unsigned char)(v>>24);
}

/* Put d as a little-endian IEEE float into a[0..4). */
static void apiPutLeFloat(unsigned char *a, double d){
  float f = (float)d;
  uint32_t u;
  memcpy(&u, &f, 4);
  apiPutLe32(a, u);
}

/*
** The binary form mimerrust reads of GIS value pVal into a (8 bytes):
** little-endian float degrees (4 bytes), float latitude and longitude
** (8), or 32-bit x and y (8).  Returns the length.
*/
static size_t apiGisBinary(const Value *pVal, unsigned char *a){
  switch( pVal->type ){
    case SQLT_GIS_LOCATION:
      apiPutLeFloat(a, pVal->u.loc.lat);
      apiPutLeFloat(a+4, pVal->u.loc.lon);
      return 8;
    case SQLT_GIS_COORDINATE:
      apiPutLe32(a, (uint32_t)pVal->u.xy.x);
      apiPutLe32(a+4, (uint32_t)pVal->u.xy.y);
      return 8;
    default:
      apiPutLeFloat(a, pVal->u.d);
      return 4;
  }
}

/*
** Bytes of a BINARY, VARBINARY, BLOB or UUID column (a GIS column in
** apiGisBinary's form): copies min(length, size) bytes and returns the
** full length (buffer NULL/size 0 probes).
*/
int32_t MimerGetBinary(MimerStatement statementhandle, int16_t colno, void *value, size_t size){
  unsigned char aGis[8];
  ApiStmt *p = 0;
  const Value *pVal;
  const SqlType *pType;
  const void *pData;
  size_t n;
  int rc = apiGetterEnter(statementhandle, colno, &p, &pVal, &pType);
  if( rc ) return rc;
  if( SQLT_IS_BINARYSTR(pType->id) ){
    pData = pVal->u.s.z;
    n = pVal->u.s.n;
  }else if( pType->id==SQLT_UUID ){
    pData = pVal->u.uuid;
    n = 16;
  }else if( SQLT_IS_GIS(pType->id) ){
    n = apiGisBinary(pVal, aGis);
    pData = aGis;
  }else{
    return apiStmtError(p, MIMER_CAST_VIOLATION);
  }
  if( value && size>0 ) memcpy(value, pData, n<size ? n : size);
  return apiClampLen(n);
}

/* A UUID column (or 16-byte binary) as 16 raw bytes in uuid. */
int32_t MimerGetUUID(MimerStatement statementhandle, int16_t colno, unsigned char *uuid){
  ApiStmt *p = 0;
  const Value *pVal;
  const SqlType *pType;
  int rc = apiGetterEnter(statementhandle, colno, &p, &pVal, &pType);
  if( rc ) return rc;
  if( uuid==0 ) return apiStmtError(p, MIMER_PARAMETER_INVALID);
  if( pType->id==SQLT_UUID ){
    memcpy(uuid, pVal->u.uuid, 16);
  }else if( SQLT_IS_BINARYSTR(pType->id) && pVal->u.s.n==16 ){
    memcpy(uuid, pVal->u.s.z, 16);
  }else{
    return apiStmtError(p, MIMER_CAST_VIOLATION);
  }
  return MIMER_SUCCESS;
}

/*
** Enter a GIS getter: the value of column colno, which must be of GIS
** type id (else -24104; NULL -24002).
*/
static int apiGetGis(MimerStatement h, int16_t colno, int id, ApiStmt **pp, const Value **ppVal){
  const SqlType *pType = 0;
  int rc = apiGetterEnter(h, colno, pp, ppVal, &pType);
  if( rc ) return rc;
  if( pType->id!=id ) return apiStmtError(*pp, MIMER_CAST_VIOLATION);
  return ML_OK;
}

/* A GIS_LOCATION column as its (latitude, longitude) pair. */
int32_t MimerGetGisLocation(MimerStatement statementhandle, int16_t colno,
                            mimer_gis_location *location){
  ApiStmt *p = 0;
  const Value *pVal = 0;
  int rc = apiGetGis(statementhandle, colno, SQLT_GIS_LOCATION, &p, &pVal);
  if( rc ) return rc;
  if( location==0 ) return apiStmtError(p, MIMER_PARAMETER_INVALID);
  location->latitude = pVal->u.loc.lat;
  location->longitude = pVal->u.loc.lon;
  return MIMER_SUCCESS;
}

/* A GIS_LATITUDE column in degrees. */
int32_t MimerGetGisLatitude(MimerStatement statementhandle, int16_t colno, double *latitude){
  ApiStmt *p = 0;
  const Value *pVal = 0;
  int rc = apiGetGis(statementhandle, colno, SQLT_GIS_LATITUDE, &p, &pVal);
  if( rc ) return rc;
  if( latitude==0 ) return apiStmtError(p, MIMER_PARAMETER_INVALID);
  *latitude = pVal->u.d;
  return MIMER_SUCCESS;
}

/* A GIS_LONGITUDE column in degrees. */
int32_t MimerGetGisLongitude(MimerStatement statementhandle, int16_t colno, double *longitude){
  ApiStmt *p = 0;
  const Value *pVal = 0;
  int rc = apiGetGis(statementhandle, colno, SQLT_GIS_LONGITUDE, &p, &pVal);
  if( rc ) return rc;
  if( longitude==0 ) return apiStmtError(p, MIMER_PARAMETER_INVALID);
  *longitude = pVal->u.d;
  return MIMER_SUCCESS;
}
