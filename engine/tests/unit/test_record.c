/*
** Tests of the record codec (kv/record.c): exact round trips of every
** type (NULLs, empty strings, longest strings, a 10 MB BLOB), O(1) access
** to one column, rows shorter than the table (ALTER TABLE ADD COLUMN),
** encoder errors, and a corruption fuzz: mutated records must decode to
** ML_OK or ML_E_STORAGE without reading outside their bytes (run it under
** AddressSanitizer; each mutated record sits in its own exact-size heap
** block).  Seed: MIMERLITE_TEST_SEED or the first argument.
*/
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kv/record.h"
#include "types/datetime.h"
#include "util/errors.h"
#include "testutil.h"

#define N_FUZZ     120000    /* mutated records decoded */
#define MAX_COLS   12        /* columns of a random row */
#define MAX_DAY    3652058

static unsigned rnd(unsigned n){ return (unsigned)(testRandom() % n); }

/* Every declared type the codec knows, LOBs and intervals included. */
static const SqlType aAllType[] = {
  {SQLT_SMALLINT, 0, 0, 0, 0},  {SQLT_INTEGER, 0, 0, 0, 0},
  {SQLT_BIGINT, 0, 0, 0, 0},    {SQLT_INTEGER_P, 0, 30, 0, 0},
  {SQLT_DECIMAL, 0, 20, 4, 0},  {SQLT_FLOAT_P, 0, 45, 0, 0},
  {SQLT_REAL, 0, 0, 0, 0},      {SQLT_DOUBLE, 0, 0, 0, 0},
  {SQLT_CHAR, 0, 0, 0, 10},     {SQLT_VARCHAR, 0, 0, 0, 15000},
  {SQLT_CLOB, 0, 0, 0, 1048576},{SQLT_NCHAR, 0, 0, 0, 10},
  {SQLT_NVARCHAR, 0, 0, 0, 5000},{SQLT_NCLOB, 0, 0, 0, 1048576},
  {SQLT_BINARY, 0, 0, 0, 16},   {SQLT_VARBINARY, 0, 0, 0, 15000},
  {SQLT_BLOB, 0, 0, 0, 1048576},{SQLT_BOOLEAN, 0, 0, 0, 0},
  {SQLT_DATE, 0, 0, 0, 0},      {SQLT_TIME, 0, 0, 6, 0},
  {SQLT_TIMESTAMP, 0, 0, 9, 0}, {SQLT_INTERVAL, IVK_YEAR_TO_MONTH, 7, 0, 0},
  {SQLT_INTERVAL, IVK_DAY_TO_SECOND, 7, 9, 0}, {SQLT_INTERVAL, IVK_SECOND, 12, 6, 0},
  {SQLT_INTERVAL, IVK_MONTH, 7, 0, 0}, {SQLT_UUID, 0, 0, 0, 0},
  {SQLT_GIS_LATITUDE, 0, 0, 0, 0}, {SQLT_GIS_LONGITUDE, 0, 0, 0, 0},
  {SQLT_GIS_LOCATION, 0, 0, 0, 0}, {SQLT_GIS_COORDINATE, 0, 0, 0, 0},
};
#define N_ALL_TYPE ((int)(sizeof(aAllType)/sizeof(aAllType[0])))

static unsigned char aStrPool[64*1024];   /* bytes random strings point into */

static int isYearMonth(int k){
  return k==IVK_YEAR || k==IVK_MONTH || k==IVK_YEAR_TO_MONTH;
}

/* A random valid value of type t (NULL one time in eight). */
static void genValue(const SqlType *t, Value *v){
  memset(v, 0, sizeof(*v));
  v->type = t->id;
  if( rnd(8)==0 ){ v->isNull = 1; return; }
  switch( t->id ){
    case SQLT_SMALLINT: v->u.i = (int16_t)testRandom(); break;
    case SQLT_INTEGER:  v->u.i = (int32_t)testRandom(); break;
    case SQLT_BIGINT:   v->u.i = rnd(4)==0 ? INT64_MIN : (int64_t)testRandom(); break;
    case SQLT_INTEGER_P: case SQLT_DECIMAL: case SQLT_FLOAT_P: {
      int k = (int)rnd(DEC45_LIMBS + 1), i;
      for(i=0; i<k; i++) v->u.dec.aLimb[i] = (uint32_t)rnd(DEC45_LIMB_BASE);
      v->u.dec.exponent = (int16_t)(rnd(4)==0 ? (int)rnd(2201) - 1100 : -(int)t->scale);
      if( v->u.dec.aLimb[0]|v->u.dec.aLimb[1]|v->u.dec.aLimb[2]|v->u.dec.aLimb[3]
          |v->u.dec.aLimb[4] ){
        v->u.dec.neg = (uint8_t)rnd(2);        /* zero is never negative */
      }
      break;
    }
    case SQLT_REAL: {
      float f;
      uint32_t u;
      do{ u = (uint32_t)testRandom(); memcpy(&f, &u, 4); }while( !isfinite(f) );
      v->u.d = f;
      break;
    }
    case SQLT_DOUBLE: {
      uint64_t u;
      do{ u = testRandom(); memcpy(&v->u.d, &u, 8); }while( !isfinite(v->u.d) );
      break;
    }
    case SQLT_BOOLEAN: v->u.i = rnd(2); break;
    case SQLT_DATE: v->u.date = (SqlDate)rnd(MAX_DAY + 1); break;
    case SQLT_TIME: v->u.time = (SqlTime)(testRandom() % DT_NANOS_PER_DAY); break;
    case SQLT_TIMESTAMP:
      v->u.ts.date = (SqlDate)rnd(MAX_DAY + 1);
      v->u.ts.time = (SqlTime)(testRandom() % DT_NANOS_PER_DAY);
      break;
    case SQLT_INTERVAL:
      if( isYearMonth(t->intervalKind) ){
        v->u.iv.months = (int64_t)testRandom();
      }else{
        v->u.iv.seconds = (int64_t)(testRandom() >> 1);
        v->u.iv.nanos = (int32_t)rnd(1000000000);
        if( rnd(2) ){ v->u.iv.seconds = -v->u.iv.seconds; v->u.iv.nanos = -v->u.iv.nanos; }
      }
      break;
    case SQLT_UUID: {
      int i;
      for(i=0; i<16; i++) v->u.uuid[i] = (uint8_t)testRandom();
      break;
    }
    case SQLT_GIS_LATITUDE: case SQLT_GIS_LONGITUDE:
      v->u.d = ((double)rnd(2000001) - 1000000.0) / 1000000.0
               * (t->id==SQLT_GIS_LATITUDE ? 90.0 : 180.0);
      if( v->u.d==0.0 ) v->u.d = 0.0;
      break;
    case SQLT_GIS_LOCATION:
      v->u.loc.lat = ((double)rnd(2000001) - 1000000.0) / 1000000.0 * 90.0;
      v->u.loc.lon = ((double)rnd(2000001) - 1000000.0) / 1000000.0 * 180.0;
      if( v->u.loc.lat==0.0 ) v->u.loc.lat = 0.0;
      if( v->u.loc.lon==0.0 ) v->u.loc.lon = 0.0;
      break;
    case SQLT_GIS_COORDINATE:
      v->u.xy.x = (int32_t)testRandom();
      v->u.xy.y = (int32_t)testRandom();
      break;
    default: {
      unsigned n = rnd(4)==0 ? 0 : rnd(60);
      v->u.s.z = (const char*)aStrPool + rnd(sizeof(aStrPool) - 64);
      v->u.s.n = n;
      break;
    }
  }
}

/* True if a and b are the same value of type t (bitwise for floats). */
static int sameValue(const SqlType *t, const Value *a, const Value *b){
  if( a->isNull || b->isNull ) return a->isNull==b->isNull;
  if( b->type!=t->id ) return 0;
  switch( t->id ){
    case SQLT_SMALLINT: case SQLT_INTEGER: case SQLT_BIGINT: case SQLT_BOOLEAN:
      return a->u.i==b->u.i;
    case SQLT_INTEGER_P: case SQLT_DECIMAL: case SQLT_FLOAT_P:
      return memcmp(a->u.dec.aLimb, b->u.dec.aLimb, sizeof(a->u.dec.aLimb))==0
          && a->u.dec.exponent==b->u.dec.exponent && a->u.dec.neg==b->u.dec.neg;
    case SQLT_REAL: case SQLT_DOUBLE:
      return memcmp(&a->u.d, &b->u.d, 8)==0;
    case SQLT_DATE: return a->u.date==b->u.date;
    case SQLT_TIME: return a->u.time==b->u.time;
    case SQLT_TIMESTAMP: return a->u.ts.date==b->u.ts.date && a->u.ts.time==b->u.ts.time;
    case SQLT_INTERVAL:
      return a->u.iv.months==b->u.iv.months && a->u.iv.seconds==b->u.iv.seconds
          && a->u.iv.nanos==b->u.iv.nanos;
    case SQLT_UUID: return memcmp(a->u.uuid, b->u.uuid, 16)==0;
    case SQLT_GIS_LATITUDE: case SQLT_GIS_LONGITUDE:
      return memcmp(&a->u.d, &b->u.d, 8)==0;
    case SQLT_GIS_LOCATION: return memcmp(&a->u.loc, &b->u.loc, 16)==0;
    case SQLT_GIS_COORDINATE: return a->u.xy.x==b->u.xy.x && a->u.xy.y==b->u.xy.y;
    default:
      return a->u.s.n==b->u.s.n && (a->u.s.n==0 || memcmp(a->u.s.z, b->u.s.z, a->u.s.n)==0);
  }
}

/* Encode, then decode all and each column, checking exact equality. */
static void checkRoundTrip(int nCol, const SqlType *aType, const Value *aVal){
  StrBuf b;
  Value aOut[64];
  int i, nStored = -1, n = -1;
  strbufInit(&b, 0, 0);
  CHECK_EQ_INT(recordEncode(&b, nCol, aType, aVal), ML_OK);
  CHECK_EQ_INT(recordColumnCount(b.a, b.n, &n), ML_OK);
  CHECK_EQ_INT(n, nCol);
  CHECK_EQ_INT(recordDecodeAll(b.a, b.n, nCol, aType, aOut, &nStored), ML_OK);
  CHECK_EQ_INT(nStored, nCol);
  for(i=0; i<nCol; i++){
    Value v;
    CHECK(sameValue(&aType[i], &aVal[i], &aOut[i]));
    CHECK_EQ_INT(recordDecodeColumn(b.a, b.n, i, &aType[i], &v), ML_OK);
    CHECK(sameValue(&aType[i], &aVal[i], &v));
    if( !v.isNull && (SQLT_IS_CHARACTER(v.type) || SQLT_IS_BINARYSTR(v.type)) && v.u.s.n ){
      /* Strings point into the record: nothing was allocated. */
      CHECK((const unsigned char*)v.u.s.z>=b.a
            && (const unsigned char*)v.u.s.z + v.u.s.n<=b.a + b.n);
    }
  }
  strbufFree(&b);
}

/* Every type, random values and NULLs, in random rows. */
static void test_every_type_round_trips(void){
  SqlType aType[MAX_COLS];
  Value aVal[MAX_COLS];
  int i, j;
  for(i=0; i<N_ALL_TYPE; i++){           /* each type alone, many values */
    for(j=0; j<2000; j++){
      genValue(&aAllType[i], &aVal[0]);
      checkRoundTrip(1, &aAllType[i], aVal);
    }
  }
  for(i=0; i<20000; i++){
    int nCol = (int)rnd(MAX_COLS + 1);
    for(j=0; j<nCol; j++){
      aType[j] = aAllType[rnd(N_ALL_TYPE)];
      genValue(&aType[j], &aVal[j]);
    }
    checkRoundTrip(nCol, aType, aVal);
  }
}

/* Fixed cases: extremes, empty strings vs NULL, longest strings, 10 MB. */
static void test_edge_values_round_trip(void){
  static const SqlType tVc = {SQLT_VARCHAR, 0, 0, 0, 15000};
  static const SqlType tNvc = {SQLT_NVARCHAR, 0, 0, 0, 5000};
  static const SqlType tBlob = {SQLT_BLOB, 0, 0, 0, 16u << 20};
  static const SqlType tInt = {SQLT_INTEGER, 0, 0, 0, 0};
  static const SqlType tSmall = {SQLT_SMALLINT, 0, 0, 0, 0};
  SqlType aType[4];
  Value aVal[4];
  char *zBig;
  unsigned char *aBlob;
  StrBuf b;
  Value v;
  size_t i;
  /* Empty string is a value, not NULL. */
  memset(aVal, 0, sizeof(aVal));
  aType[0] = tVc; aType[1] = tVc; aType[2] = tNvc;
  aVal[0].type = SQLT_VARCHAR; aVal[0].u.s.z = ""; aVal[0].u.s.n = 0;
  aVal[1].type = SQLT_VARCHAR; aVal[1].isNull = 1;
  aVal[2].type = SQLT_NVARCHAR; aVal[2].u.s.z = ""; aVal[2].u.s.n = 0;
  checkRoundTrip(3, aType, aVal);
  strbufInit(&b, 0, 0);
  CHECK_EQ_INT(recordEncode(&b, 3, aType, aVal), ML_OK);
  CHECK_EQ_INT(recordDecodeColumn(b.a, b.n, 0, &tVc, &v), ML_OK);
  CHECK(!v.isNull && v.u.s.n==0);
  CHECK_EQ_INT(recordDecodeColumn(b.a, b.n, 1, &tVc, &v), ML_OK);
  CHECK(v.isNull);
  strbufFree(&b);
  /* Longest VARCHAR (15 000 bytes) and NVARCHAR (5 000 4-byte characters). */
  zBig = malloc(20000);
  for(i=0; i<20000; i++) zBig[i] = (char)('a' + i%26);
  for(i=0; i+4<=20000; i+=4) memcpy(zBig + i, "\xf0\x9f\x98\x80", 4);
  aVal[0].u.s.z = zBig; aVal[0].u.s.n = 15000;
  aVal[1].isNull = 0; aVal[1].u.s.z = zBig + 1; aVal[1].u.s.n = 14999;
  aVal[2].u.s.z = zBig; aVal[2].u.s.n = 20000;
  checkRoundTrip(3, aType, aVal);
  /* A 10 MB BLOB inline, between two small columns: 4-byte offsets. */
  aBlob = malloc(10u << 20);
  for(i=0; i<(10u << 20); i++) aBlob[i] = (unsigned char)(i*2654435761u >> 13);
  aType[0] = tInt; aType[1] = tBlob; aType[2] = tVc;
  memset(aVal, 0, sizeof(aVal));
  aVal[0].type = SQLT_INTEGER; aVal[0].u.i = -7;
  aVal[1].type = SQLT_BLOB; aVal[1].u.s.z = (const char*)aBlob; aVal[1].u.s.n = 10u << 20;
  aVal[2].type = SQLT_VARCHAR; aVal[2].u.s.z = "tail"; aVal[2].u.s.n = 4;
  checkRoundTrip(3, aType, aVal);
  /* Binary integer extremes; out of range for the column is an error. */
  aType[0] = tSmall;
  memset(aVal, 0, sizeof(aVal));
  aVal[0].type = SQLT_SMALLINT;
  aVal[0].u.i = -32768; checkRoundTrip(1, aType, aVal);
  aVal[0].u.i = 32767;  checkRoundTrip(1, aType, aVal);
  strbufInit(&b, 0, 0);
  aVal[0].u.i = 32768;
  CHECK_EQ_INT(recordEncode(&b, 1, aType, aVal), ML_E_OVERFLOW);
  aType[0] = tInt;
  aVal[0].type = SQLT_BIGINT;
  aVal[0].u.i = (int64_t)INT32_MIN - 1;
  CHECK_EQ_INT(recordEncode(&b, 1, aType, aVal), ML_E_OVERFLOW);
  /* A value of another representation than its column: caller bug. */
  aVal[0].type = SQLT_DOUBLE;
  aVal[0].u.d = 1.0;
  CHECK_EQ_INT(recordEncode(&b, 1, aType, aVal), ML_E_INTERNAL);
  CHECK_EQ_INT(strbufError(&b), ML_OK);
  strbufFree(&b);
  free(zBig);
  free(aBlob);
}

/*
** Column access is O(1): decoding the last column reads only the header
** and that column, which we prove by corrupting every other payload byte
** (recordDecodeAll rejects the record, recordDecodeColumn does not care).
*/
static void test_column_access_is_direct(void){
  enum { N = 1000 };
  static SqlType aType[N];
  static Value aVal[N];
  static Value aOut[N];
  StrBuf b;
  Value v;
  int i, nStored;
  size_t nHdr;
  for(i=0; i<N; i++){
    memset(&aVal[i], 0, sizeof(aVal[i]));
    memset(&aType[i], 0, sizeof(aType[i]));
    aType[i].id = SQLT_BOOLEAN;
    aVal[i].type = SQLT_BOOLEAN;
    aVal[i].u.i = i & 1;
  }
  aType[N-1].id = SQLT_BIGINT;
  aVal[N-1].type = SQLT_BIGINT;
  aVal[N-1].u.i = 123456789012345LL;
  strbufInit(&b, 0, 0);
  CHECK_EQ_INT(recordEncode(&b, N, aType, aVal), ML_OK);
  nHdr = 4 + (N + 7)/8 + 2*N;
  CHECK_EQ_INT(b.n, nHdr + (N-1) + 8);
  memset(b.a + nHdr, 0x77, N-1);             /* booleans 0x77: invalid */
  CHECK_EQ_INT(recordDecodeAll(b.a, b.n, N, aType, aOut, &nStored), ML_E_STORAGE);
  CHECK_EQ_INT(recordDecodeColumn(b.a, b.n, N-1, &aType[N-1], &v), ML_OK);
  CHECK(v.u.i==123456789012345LL);
  CHECK_EQ_INT(recordDecodeColumn(b.a, b.n, 5, &aType[5], &v), ML_E_STORAGE);
  strbufFree(&b);
}

/* A row written before ALTER TABLE ADD COLUMN: the new columns are absent. */
static void test_missing_trailing_columns_are_absent(void){
  SqlType aType[5];
  Value aVal[5], aOut[5];
  StrBuf b;
  Value v;
  int i, nStored = 0;
  for(i=0; i<5; i++){
    memset(&aType[i], 0, sizeof(aType[i]));
    aType[i].id = SQLT_INTEGER;
    memset(&aVal[i], 0, sizeof(aVal[i]));
    aVal[i].type = SQLT_INTEGER;
    aVal[i].u.i = i*10;
  }
  strbufInit(&b, 0, 0);
  CHECK_EQ_INT(recordEncode(&b, 3, aType, aVal), ML_OK);
  CHECK_EQ_INT(recordDecodeColumn(b.a, b.n, 3, &aType[3], &v), ML_NOTFOUND);
  CHECK_EQ_INT(recordDecodeAll(b.a, b.n, 5, aType, aOut, &nStored), ML_OK);
  CHECK_EQ_INT(nStored, 3);
  CHECK(aOut[2].u.i==20 && !aOut[2].isNull && aOut[3].isNull && aOut[4].isNull);
  /* Fewer table columns than stored (decoding a prefix) is fine too. */
  CHECK_EQ_INT(recordDecodeAll(b.a, b.n, 2, aType, aOut, &nStored), ML_OK);
  CHECK(aOut[1].u.i==10);
  /* A column flagged NULL that has payload bytes is corrupt. */
  b.a[4] |= 0x02;
  CHECK_EQ_INT(recordDecodeColumn(b.a, b.n, 1, &aType[1], &v), ML_E_STORAGE);
  CHECK_EQ_INT(recordDecodeAll(b.a, b.n, 5, aType, aOut, &nStored), ML_E_STORAGE);
  b.a[4] &= (unsigned char)~0x02;
  CHECK_EQ_INT(recordDecodeColumn(b.a, b.n, 1, &aType[1], &v), ML_OK);
  /* An unknown version is refused. */
  b.a[0] = RECORD_VERSION + 1;
  CHECK_EQ_INT(recordColumnCount(b.a, b.n, &i), ML_E_STORAGE);
  strbufFree(&b);
}

/* Apply one random corruption to the record in b. */
static void mutate(StrBuf *b){
  size_t n = b->n;
  switch( rnd(7) ){
    case 0: b->n = rnd((unsigned)n + 1); break;                        /* truncate */
    case 1: if( n ) b->a[rnd((unsigned)n)] ^= (unsigned char)(1u << rnd(8)); break;
    case 2: if( n ) b->a[rnd((unsigned)n)] = (unsigned char)testRandom(); break;
    case 3:                                                            /* header byte */
      if( n ) b->a[rnd(n<16 ? (unsigned)n : 16u)] = (unsigned char)testRandom();
      break;
    case 4: strbufAppendByte(b, (unsigned char)testRandom()); break;   /* extend */
    case 5:
      if( n>1 ){ size_t i = rnd((unsigned)n - 1); memmove(b->a+i, b->a+i+1, n-i-1); b->n--; }
      break;
    default: {                                      /* several flips at once */
      int k = 2 + (int)rnd(6);
      while( n && k-- ) b->a[rnd((unsigned)n)] ^= (unsigned char)(1u << rnd(8));
      break;
    }
  }
}

/*
** Corruption fuzz: encode a random row, corrupt it, copy it into an
** exact-size heap block and decode it every way.  Every call must return
** a defined code; a decoded string must lie inside the record.
*/
static void test_corrupt_records_are_rejected_safely(void){
  SqlType aType[MAX_COLS];
  Value aVal[MAX_COLS], aOut[MAX_COLS];
  StrBuf b;
  int iter, nOk = 0, nBad = 0;
  strbufInit(&b, 0, 0);
  for(iter=0; iter<N_FUZZ; iter++){
    int nCol = (int)rnd(MAX_COLS + 1), j, rc, nStored, nCount;
    unsigned char *p;
    for(j=0; j<nCol; j++){
      aType[j] = aAllType[rnd(N_ALL_TYPE)];
      genValue(&aType[j], &aVal[j]);
    }
    strbufReset(&b);
    CHECK_EQ_INT(recordEncode(&b, nCol, aType, aVal), ML_OK);
    mutate(&b);
    if( rnd(4)==0 ) mutate(&b);
    p = malloc(b.n ? b.n : 1);
    memcpy(p, b.a, b.n);
    rc = recordDecodeAll(p, b.n, nCol, aType, aOut, &nStored);
    CHECK(rc==ML_OK || rc==ML_E_STORAGE);
    if( rc==ML_OK ) nOk++; else nBad++;
    rc = recordColumnCount(p, b.n, &nCount);
    CHECK(rc==ML_OK || rc==ML_E_STORAGE);
    for(j=0; j<nCol + 1; j++){
      Value v;
      const SqlType *t = j<nCol ? &aType[j] : &aAllType[rnd(N_ALL_TYPE)];
      rc = recordDecodeColumn(p, b.n, j, t, &v);
      CHECK(rc==ML_OK || rc==ML_E_STORAGE || rc==ML_NOTFOUND);
      if( rc==ML_OK && !v.isNull && (SQLT_IS_CHARACTER(t->id) || SQLT_IS_BINARYSTR(t->id)) ){
        CHECK(v.u.s.n==0 || ((const unsigned char*)v.u.s.z>=p
                             && (const unsigned char*)v.u.s.z + v.u.s.n<=p + b.n));
      }
    }
    free(p);
  }
  fprintf(stderr, "   %d mutated records: %d decoded, %d rejected\n", N_FUZZ, nOk, nBad);
  CHECK(nBad>N_FUZZ/2);       /* most corruptions are detected */
  strbufFree(&b);
}

int main(int argc, char **argv){
  const char *zSeed = argc>1 ? argv[1] : getenv("MIMERLITE_TEST_SEED");
  uint64_t seed = zSeed ? strtoull(zSeed, 0, 0) : 20240612u;
  size_t i;
  fprintf(stderr, "seed %llu\n", (unsigned long long)seed);
  testSeed(seed);
  for(i=0; i<sizeof(aStrPool); i++) aStrPool[i] = (unsigned char)testRandom();
  TEST_RUN(test_every_type_round_trips);
  TEST_RUN(test_edge_values_round_trip);
  TEST_RUN(test_column_access_is_direct);
  TEST_RUN(test_missing_trailing_columns_are_absent);
  TEST_RUN(test_corrupt_records_are_rejected_safely);
  return testReport();
}
