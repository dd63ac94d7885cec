/*
** Record codec implementation (layout in record.h).  Encoding sizes every
** payload first, so the header (whose offset width depends on the total
** size) and the payloads are written in one reservation; decoding checks
** each offset and length against the record size before reading.
*/
#include "kv/record.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "types/datetime.h"
#include "types/gis.h"
#include "util/errors.h"

#define RECORD_HDR_FIXED   4         /* version, flags, column count */
#define RECORD_FLAG_WIDE   0x01      /* offsets are 4 bytes */
#define RECORD_DEC_HDR     3         /* sign byte + 2 exponent bytes */
#define RECORD_MAX_DATE    3652058   /* 9999-12-31 in days since 0001-01-01 */

/* The parsed fixed part of a record. */
typedef struct RecordHdr {
  const unsigned char *a;  /* the record */
  int nCol;                /* columns stored */
  int w;                   /* bytes per offset: 2 or 4 */
  size_t nHdr;             /* bytes before the payloads */
  size_t nPay;             /* bytes of payload */
} RecordHdr;

static void recordPut(unsigned char *a, uint64_t v, int n){
  int i;
  for(i=0; i<n; i++){
    a[i] = (unsigned char)v;
    v >>= 8;
  }
}

static uint64_t recordGet(const unsigned char *a, int n){
  uint64_t v = 0;
  int i;
  for(i=n-1; i>=0; i--) v = (v << 8) | a[i];
  return v;
}

/* A double as its 8 IEEE bytes, little-endian. */
static void recordPutDouble(unsigned char *a, double d){
  uint64_t u;
  memcpy(&u, &d, 8);
  recordPut(a, u, 8);
}

/* The double recordPutDouble wrote at a. */
static double recordGetDouble(const unsigned char *a){
  uint64_t u = recordGet(a, 8);
  double d;
  memcpy(&d, &u, 8);
  return d;
}

/* True for the interval kinds whose value is a number of months. */
static int recordIsYearMonth(int kind){
  return kind==IVK_YEAR || kind==IVK_MONTH || kind==IVK_YEAR_TO_MONTH;
}

/*
** Payload size of a column of type pType when it is fixed, 0 for the
** variable-size types (strings, binary, decimals), -1 for SQLT_NULL
** (a column that can only hold NULL).
*/
static int recordFixedSize(const SqlType *pType){
  switch( pType->id ){
    case SQLT_SMALLINT:  return 2;
    case SQLT_INTEGER:   return 4;
    case SQLT_BIGINT:    return 8;
    case SQLT_REAL:      return 4;
    case SQLT_DOUBLE:    return 8;
    case SQLT_BOOLEAN:   return 1;
    case SQLT_DATE:      return 4;
    case SQLT_TIME:      return 8;
    case SQLT_TIMESTAMP: return 12;
    case SQLT_INTERVAL:  return recordIsYearMonth(pType->intervalKind) ? 8 : 12;
    case SQLT_UUID:      return 16;
    case SQLT_GIS_LATITUDE: case SQLT_GIS_LONGITUDE: return 8;
    case SQLT_GIS_LOCATION:   return 16;
    case SQLT_GIS_COORDINATE: return 8;
    case SQLT_NULL:      return -1;
    default:             return 0;
  }
}

/* Number of non-zero limbs a decimal's payload carries. */
static int recordDecLimbs(const Dec45 *d){
  int k = DEC45_LIMBS;
  while( k>0 && d->aLimb[k-1]==0 ) k--;
  return k;
}

/*
** Size in *pn of the payload of the non-NULL value v in a column of type
** pType.  ML_E_INTERNAL when v's representation does not suit the column,
** ML_E_OVERFLOW for a binary integer outside the column's range.
*/
static int recordValueSize(const SqlType *pType, const Value *v, size_t *pn){
  int t = pType->id, vt = v->type;
  int ok;
  if( SQLT_IS_BINARY_INT(t) ) ok = SQLT_IS_BINARY_INT(vt);
  else if( SQLT_IS_DECIMAL_REP(t) ) ok = SQLT_IS_DECIMAL_REP(vt);
  else if( SQLT_IS_IEEE(t) ) ok = SQLT_IS_IEEE(vt);
  else if( SQLT_IS_CHARACTER(t) ) ok = SQLT_IS_CHARACTER(vt);
  else if( SQLT_IS_BINARYSTR(t) ) ok = SQLT_IS_BINARYSTR(vt);
  else ok = t==vt && t!=SQLT_NULL;
  if( !ok ) return ML_E_INTERNAL;
  if( (t==SQLT_SMALLINT && (v->u.i<INT16_MIN || v->u.i>INT16_MAX))
   || (t==SQLT_INTEGER && (v->u.i<INT32_MIN || v->u.i>INT32_MAX)) ){
    return ML_E_OVERFLOW;
  }
  if( SQLT_IS_DECIMAL_REP(t) ){
    *pn = RECORD_DEC_HDR + 4*(size_t)recordDecLimbs(&v->u.dec);
  }else if( SQLT_IS_CHARACTER(t) || SQLT_IS_BINARYSTR(t) ){
    *pn = v->u.s.n;
  }else{
    *pn = (size_t)recordFixedSize(pType);
  }
  return ML_OK;
}

/*
** Write the payload of the non-NULL value v at a.  recordValueSize has
** accepted v and sized the space.
*/
static void recordPutValue(unsigned char *a, const SqlType *pType, const Value *v){
  switch( pType->id ){
    case SQLT_SMALLINT:
      recordPut(a, (uint64_t)v->u.i, 2);
      break;
    case SQLT_INTEGER:
      recordPut(a, (uint64_t)v->u.i, 4);
      break;
    case SQLT_BIGINT:
      recordPut(a, (uint64_t)v->u.i, 8);
      break;
    case SQLT_INTEGER_P: case SQLT_DECIMAL: case SQLT_FLOAT_P: {
      const Dec45 *d = &v->u.dec;
      int k = recordDecLimbs(d), i;
      a[0] = (unsigned char)(k>0 && d->neg);   /* zero is never negative */
      recordPut(a + 1, (uint64_t)(uint16_t)d->exponent, 2);
      for(i=0; i<k; i++){
        assert( d->aLimb[i]<DEC45_LIMB_BASE );
        recordPut(a + RECORD_DEC_HDR + 4*i, d->aLimb[i], 4);
      }
      break;
    }
    case SQLT_REAL: {
      float f = (float)v->u.d;
      uint32_t u;
      memcpy(&u, &f, 4);
      recordPut(a, u, 4);
      break;
    }
    case SQLT_DOUBLE: {
      uint64_t u;
      memcpy(&u, &v->u.d, 8);
      recordPut(a, u, 8);
      break;
    }
    case SQLT_BOOLEAN:
      a[0] = v->u.i ? 1 : 0;
      break;
    case SQLT_DATE:
      recordPut(a, (uint64_t)(int64_t)v->u.date, 4);
      break;
    case SQLT_TIME:
      recordPut(a, (uint64_t)v->u.time, 8);
      break;
    case SQLT_TIMESTAMP:
      recordPut(a, (uint64_t)(int64_t)v->u.ts.date, 4);
      recordPut(a + 4, (uint64_t)v->u.ts.time, 8);
      break;
    case SQLT_INTERVAL:
      if( recordIsYearMonth(pType->intervalKind) ){
        recordPut(a, (uint64_t)v->u.iv.months, 8);
      }else{
        recordPut(a, (uint64_t)v->u.iv.seconds, 8);
        recordPut(a + 8, (uint64_t)(int64_t)v->u.iv.nanos, 4);
      }
      break;
    case SQLT_UUID:
      memcpy(a, v->u.uuid, 16);
      break;
    case SQLT_GIS_LATITUDE: case SQLT_GIS_LONGITUDE:
      recordPutDouble(a, v->u.d);
      break;
    case SQLT_GIS_LOCATION:
      recordPutDouble(a, v->u.loc.lat);
      recordPutDouble(a + 8, v->u.loc.lon);
      break;
    case SQLT_GIS_COORDINATE:
      recordPut(a, (uint64_t)(int64_t)v->u.xy.x, 4);
      recordPut(a + 4, (uint64_t)(int64_t)v->u.xy.y, 4);
      break;
    default:
      assert( SQLT_IS_CHARACTER(pType->id) || SQLT_IS_BINARYSTR(pType->id) );
      if( v->u.s.n ) memcpy(a, v->u.s.z, v->u.s.n);
      break;
  }
}

int recordEncode(StrBuf *pOut, int nCol, const SqlType *aType, const Value *aVal){
  uint64_t nPay = 0;
  size_t nHdr, off = 0, sz;
  unsigned char *a;
  int i, w, rc;
  if( nCol<0 || nCol>RECORD_MAX_COLS ) return ML_E_INTERNAL;
  for(i=0; i<nCol; i++){
    if( aVal[i].isNull ) continue;
    rc = recordValueSize(&aType[i], &aVal[i], &sz);
    if( rc ) return rc;
    nPay += sz;
  }
  if( nPay>UINT32_MAX ) return ML_E_OVERFLOW;
  w = nPay<=0xFFFF ? 2 : 4;
  nHdr = RECORD_HDR_FIXED + ((size_t)nCol + 7)/8 + (size_t)nCol*(size_t)w;
  rc = strbufReserve(pOut, nHdr + (size_t)nPay);
  if( rc ) return rc;
  a = pOut->a + pOut->n;
  a[0] = RECORD_VERSION;
  a[1] = w==4 ? RECORD_FLAG_WIDE : 0;
  recordPut(a + 2, (uint64_t)nCol, 2);
  memset(a + RECORD_HDR_FIXED, 0, ((size_t)nCol + 7)/8);
  for(i=0; i<nCol; i++){
    if( aVal[i].isNull ){
      a[RECORD_HDR_FIXED + i/8] |= (unsigned char)(1 << (i%8));
    }else{
      rc = recordValueSize(&aType[i], &aVal[i], &sz);
      assert( rc==ML_OK );
      recordPutValue(a + nHdr + off, &aType[i], &aVal[i]);
      off += sz;
    }
    recordPut(a + RECORD_HDR_FIXED + ((size_t)nCol + 7)/8 + (size_t)i*(size_t)w,
              off, w);
  }
  assert( off==nPay );
  pOut->n += nHdr + (size_t)nPay;
  return ML_OK;
}

/* Parse and check the fixed part of a record.  ML_OK or ML_E_STORAGE. */
static int recordHeader(const void *pRec, size_t nRec, RecordHdr *p){
  const unsigned char *a = pRec;
  size_t nHdr;
  if( nRec<RECORD_HDR_FIXED || a[0]!=RECORD_VERSION || (a[1] & ~RECORD_FLAG_WIDE) ){
    return ML_E_STORAGE;
  }
  p->a = a;
  p->w = (a[1] & RECORD_FLAG_WIDE) ? 4 : 2;
  p->nCol = (int)recordGet(a + 2, 2);
  nHdr = RECORD_HDR_FIXED + ((size_t)p->nCol + 7)/8 + (size_t)p->nCol*(size_t)p->w;
  if( nHdr>nRec ) return ML_E_STORAGE;
  p->nHdr = nHdr;
  p->nPay = nRec - nHdr;
  if( p->nCol==0 ? p->nPay!=0 : recordGet(a + nHdr - p->w, p->w)!=p->nPay ){
    return ML_E_STORAGE;
  }
  return ML_OK;
}

/* End offset of column i (relative to the payload start). */
static size_t recordEnd(const RecordHdr *p, int i){
  size_t iOff = RECORD_HDR_FIXED + ((size_t)p->nCol + 7)/8 + (size_t)i*(size_t)p->w;
  return (size_t)recordGet(p->a + iOff, p->w);
}

/*
** Decode the n-byte payload at a as a non-NULL value of type pType.
** ML_E_STORAGE when the size or the value is not one the encoder writes.
*/
static int recordGetValue(const unsigned char *a, size_t n, const SqlType *pType,
                          Value *pOut){
  int fixed = recordFixedSize(pType);
  pOut->type = pType->id;
  pOut->isNull = 0;
  if( fixed<0 || (fixed>0 && n!=(size_t)fixed) ) return ML_E_STORAGE;
  switch( pType->id ){
    case SQLT_SMALLINT:
      pOut->u.i = (int16_t)recordGet(a, 2);
      break;
    case SQLT_INTEGER:
      pOut->u.i = (int32_t)recordGet(a, 4);
      break;
    case SQLT_BIGINT:
      pOut->u.i = (int64_t)recordGet(a, 8);
      break;
    case SQLT_INTEGER_P: case SQLT_DECIMAL: case SQLT_FLOAT_P: {
      Dec45 *d = &pOut->u.dec;
      int k, i;
      int16_t e;
      if( n<RECORD_DEC_HDR || (n - RECORD_DEC_HDR)%4!=0
       || (n - RECORD_DEC_HDR)/4>DEC45_LIMBS || a[0]>1 ){
        return ML_E_STORAGE;
      }
      k = (int)((n - RECORD_DEC_HDR)/4);
      e = (int16_t)recordGet(a + 1, 2);
      if( e<DEC45_MIN_EXP || e>DEC45_MAX_EXP || (k==0 && a[0]) ) return ML_E_STORAGE;
      memset(d->aLimb, 0, sizeof(d->aLimb));
      for(i=0; i<k; i++){
        d->aLimb[i] = (uint32_t)recordGet(a + RECORD_DEC_HDR + 4*i, 4);
        if( d->aLimb[i]>=DEC45_LIMB_BASE ) return ML_E_STORAGE;
      }
      if( k>0 && d->aLimb[k-1]==0 ) return ML_E_STORAGE;
      d->exponent = e;
      d->neg = a[0];
      break;
    }
    case SQLT_REAL: {
      uint32_t u = (uint32_t)recordGet(a, 4);
      float f;
      memcpy(&f, &u, 4);
      if( !isfinite(f) ) return ML_E_STORAGE;
      pOut->u.d = f;
      break;
    }
    case SQLT_DOUBLE: {
      uint64_t u = recordGet(a, 8);
      memcpy(&pOut->u.d, &u, 8);
      if( !isfinite(pOut->u.d) ) return ML_E_STORAGE;
      break;
    }
    case SQLT_BOOLEAN:
      if( a[0]>1 ) return ML_E_STORAGE;
      pOut->u.i = a[0];
      break;
    case SQLT_DATE:
      pOut->u.date = (int32_t)recordGet(a, 4);
      if( pOut->u.date<0 || pOut->u.date>RECORD_MAX_DATE ) return ML_E_STORAGE;
      break;
    case SQLT_TIME:
      pOut->u.time = (int64_t)recordGet(a, 8);
      if( pOut->u.time<0 || pOut->u.time>=DT_NANOS_PER_DAY ) return ML_E_STORAGE;
      break;
    case SQLT_TIMESTAMP:
      pOut->u.ts.date = (int32_t)recordGet(a, 4);
      pOut->u.ts.time = (int64_t)recordGet(a + 4, 8);
      if( pOut->u.ts.date<0 || pOut->u.ts.date>RECORD_MAX_DATE
       || pOut->u.ts.time<0 || pOut->u.ts.time>=DT_NANOS_PER_DAY ){
        return ML_E_STORAGE;
      }
      break;
    case SQLT_INTERVAL: {
      SqlInterval *iv = &pOut->u.iv;
      memset(iv, 0, sizeof(*iv));
      if( recordIsYearMonth(pType->intervalKind) ){
        iv->months = (int64_t)recordGet(a, 8);
      }else{
        iv->seconds = (int64_t)recordGet(a, 8);
        iv->nanos = (int32_t)recordGet(a + 8, 4);
        if( iv->nanos<=-DT_NANOS_PER_SEC || iv->nanos>=DT_NANOS_PER_SEC
         || (iv->seconds>0 && iv->nanos<0) || (iv->seconds<0 && iv->nanos>0) ){
          return ML_E_STORAGE;
        }
      }
      break;
    }
    case SQLT_UUID:
      memcpy(pOut->u.uuid, a, 16);
      break;
    case SQLT_GIS_LATITUDE: case SQLT_GIS_LONGITUDE:
      if( gisMakeDegrees(pType->id, recordGetDouble(a), pOut, 0) ) return ML_E_STORAGE;
      break;
    case SQLT_GIS_LOCATION:
      if( gisMakeLocation(recordGetDouble(a), recordGetDouble(a + 8), pOut, 0) ){
        return ML_E_STORAGE;
      }
      break;
    case SQLT_GIS_COORDINATE:
      gisMakeCoordinate((int32_t)recordGet(a, 4), (int32_t)recordGet(a + 4, 4), pOut);
      break;
    default:
      if( !SQLT_IS_CHARACTER(pType->id) && !SQLT_IS_BINARYSTR(pType->id) ){
        return ML_E_STORAGE;
      }
      pOut->u.s.z = (const char*)a;
      pOut->u.s.n = (uint32_t)n;
      break;
  }
  return ML_OK;
}

/*
** Decode stored column i of the parsed record p, whose payload spans
** [start, end) as read from the offsets (checked here against the size).
*/
static int recordDecodeAt(const RecordHdr *p, int i, size_t start, size_t end,
                          const SqlType *pType, Value *pOut){
  int isNull = (p->a[RECORD_HDR_FIXED + i/8] >> (i%8)) & 1;
  if( start>end || end>p->nPay ) return ML_E_STORAGE;
  if( isNull ){
    if( start!=end ) return ML_E_STORAGE;
    pOut->type = pType->id;
    pOut->isNull = 1;
    return ML_OK;
  }
  return recordGetValue(p->a + p->nHdr + start, end - start, pType, pOut);
}

int recordColumnCount(const void *pRec, size_t nRec, int *pnCol){
  RecordHdr h;
  int rc = recordHeader(pRec, nRec, &h);
  if( rc ) return rc;
  *pnCol = h.nCol;
  return ML_OK;
}

int recordDecodeColumn(const void *pRec, size_t nRec, int iCol,
                       const SqlType *pType, Value *pOut){
  RecordHdr h;
  int rc = recordHeader(pRec, nRec, &h);
  assert( iCol>=0 );
  if( rc ) return rc;
  if( iCol>=h.nCol ) return ML_NOTFOUND;
  return recordDecodeAt(&h, iCol, iCol>0 ? recordEnd(&h, iCol-1) : 0,
                        recordEnd(&h, iCol), pType, pOut);
}

int recordDecodeAll(const void *pRec, size_t nRec, int nCol, const SqlType *aType,
                    Value *aOut, int *pnStored){
  RecordHdr h;
  size_t start = 0, end;
  int i, rc = recordHeader(pRec, nRec, &h);
  if( rc ) return rc;
  for(i=0; i<h.nCol; i++){
    end = recordEnd(&h, i);
    if( i<nCol ){
      rc = recordDecodeAt(&h, i, start, end, &aType[i], &aOut[i]);
      if( rc ) return rc;
    }else if( start>end ){
      return ML_E_STORAGE;
    }
    start = end;
  }
  for(i=h.nCol; i<nCol; i++){
    aOut[i].type = aType[i].id;
    aOut[i].isNull = 1;
  }
  if( pnStored ) *pnStored = h.nCol;
  return ML_OK;
}
