/*
** Key codec implementation (see keycodec.h; the byte layout and the
** reasons behind it are in docs/compatibility.md).
**
** Each column starts with a tag byte.  Ascending: NULL has the largest
** tag, so NULLs sort last; numbers use three tags (negative < zero <
** positive) followed by a 2-byte exponent and base-100 digits; the other
** classes each have one tag followed by a prefix-free body.  Because every
** column encoding is prefix-free, complementing its bytes (DESC) reverses
** its order, and concatenated columns compare column by column.
*/
#include "kv/keycodec.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "types/datetime.h"
#include "types/gis.h"
#include "util/errors.h"

/* Column tags, ascending order.  Gaps leave room for future classes. */
#define KEY_TAG_NEG        0x12   /* negative number */
#define KEY_TAG_ZERO       0x14   /* zero (any numeric type) */
#define KEY_TAG_POS        0x16   /* positive number */
#define KEY_TAG_STRING     0x20   /* CHAR, VARCHAR, NCHAR, NVARCHAR */
#define KEY_TAG_BINARY     0x24   /* BINARY, VARBINARY */
#define KEY_TAG_BOOLEAN    0x28
#define KEY_TAG_DATE       0x30
#define KEY_TAG_TIME       0x34
#define KEY_TAG_TIMESTAMP  0x38
#define KEY_TAG_IV_YM      0x3C   /* year-month intervals */
#define KEY_TAG_IV_DT      0x3E   /* day-time intervals */
#define KEY_TAG_UUID       0x40
#define KEY_TAG_GIS_LAT    0x44   /* BUILTIN.GIS_LATITUDE */
#define KEY_TAG_GIS_LON    0x46   /* BUILTIN.GIS_LONGITUDE */
#define KEY_TAG_GIS_LOC    0x48   /* BUILTIN.GIS_LOCATION */
#define KEY_TAG_GIS_XY     0x4A   /* BUILTIN.GIS_COORDINATE */
#define KEY_TAG_NULL       0xF0   /* above every value tag: NULLs last */

/* Exponent bias of numbers: stored as big-endian exp + KEY_EXP_BIAS. */
#define KEY_EXP_BIAS       0x4000

/*
** Tokens of the string body.  A stripped string is a sequence of: bytes
** > 0x20 (themselves), bytes < 0x20 (KEY_STR_LOW then the byte), runs of
** blanks (KEY_STR_DOWN or KEY_STR_UP then the run length) and KEY_STR_END.
** A run is "down" when the byte after it is < 0x20 (the string is then
** smaller than one with a blank there) and "up" otherwise.  The end of the
** string behaves like an endless run of blanks, so it sorts between down
** and up runs; longer down runs sort higher, longer up runs lower (the
** run length is complemented).  The proof is in docs/compatibility.md.
*/
#define KEY_STR_LOW        0x01
#define KEY_STR_DOWN       0x02
#define KEY_STR_END        0x03
#define KEY_STR_UP         0x04
#define KEY_RUN_LONG       0xFB   /* run length >= 0xFB: marker + 4 bytes */

/* Numbers normalized to sign, adjusted exponent and significant digits. */
typedef struct KeyNum {
  int sign;                /* -1, 0 or +1 */
  int exp;                 /* value = 0.d1d2d3... x 10^exp */
  int nDigit;              /* digits in aDigit, last one non-zero */
  unsigned char aDigit[DEC45_MAX_DIGITS + 3];  /* digit values 0..9 */
} KeyNum;

void keyEncodeTreeId(uint32_t iTree, unsigned char *aOut){
  aOut[0] = (unsigned char)(iTree >> 24);
  aOut[1] = (unsigned char)(iTree >> 16);
  aOut[2] = (unsigned char)(iTree >> 8);
  aOut[3] = (unsigned char)iTree;
}

uint32_t keyDecodeTreeId(const void *pKey){
  const unsigned char *a = pKey;
  return ((uint32_t)a[0] << 24) | ((uint32_t)a[1] << 16)
       | ((uint32_t)a[2] << 8) | a[3];
}

void keyStart(StrBuf *pKey, uint32_t iTree){
  unsigned char a[KEY_TREEID_SIZE];
  strbufReset(pKey);
  keyEncodeTreeId(iTree, a);
  strbufAppend(pKey, a, sizeof(a));
}

int keyTreeEnd(uint32_t iTree, unsigned char *aOut){
  if( iTree==UINT32_MAX ) return ML_NOTFOUND;
  keyEncodeTreeId(iTree + 1, aOut);
  return ML_OK;
}

int keyPrefixSuccessor(const void *p, size_t n, unsigned char *aOut, size_t *pnOut){
  const unsigned char *a = p;
  while( n>0 && a[n-1]==0xFF ) n--;
  if( n==0 ) return ML_NOTFOUND;
  memcpy(aOut, a, n);
  aOut[n-1]++;
  *pnOut = n;
  return ML_OK;
}

/* Remove trailing zero digits of p (it has at least one non-zero digit). */
static void keyNumTrim(KeyNum *p){
  while( p->nDigit>0 && p->aDigit[p->nDigit-1]==0 ) p->nDigit--;
  assert( p->nDigit>0 );
}

/* Set p to (neg ? -mag : mag). */
static void keyNumFromUint64(KeyNum *p, uint64_t mag, int neg){
  unsigned char a[20];
  int i = (int)sizeof(a);
  if( mag==0 ){
    p->sign = 0;
    return;
  }
  while( mag ){
    a[--i] = (unsigned char)(mag % 10);
    mag /= 10;
  }
  p->sign = neg ? -1 : 1;
  p->nDigit = (int)sizeof(a) - i;
  p->exp = p->nDigit;
  memcpy(p->aDigit, a + i, (size_t)p->nDigit);
  keyNumTrim(p);
}

/* Set p to the binary integer v. */
static void keyNumFromInt64(KeyNum *p, int64_t v){
  uint64_t mag = v<0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  keyNumFromUint64(p, mag, v<0);
}

/* Set p to the exact value of the decimal d. */
static void keyNumFromDec45(KeyNum *p, const Dec45 *d){
  unsigned char a[DEC45_LIMBS * 9];
  int i, j, iFirst;
  for(i=0; i<DEC45_LIMBS; i++){
    uint32_t v = d->aLimb[DEC45_LIMBS - 1 - i];
    assert( v<DEC45_LIMB_BASE );
    for(j=8; j>=0; j--){
      a[i*9 + j] = (unsigned char)(v % 10);
      v /= 10;
    }
  }
  for(iFirst=0; iFirst<(int)sizeof(a) && a[iFirst]==0; iFirst++){}
  if( iFirst==(int)sizeof(a) ){
    p->sign = 0;
    return;
  }
  p->sign = d->neg ? -1 : 1;
  p->nDigit = (int)sizeof(a) - iFirst;
  p->exp = p->nDigit + d->exponent;
  memcpy(p->aDigit, a + iFirst, (size_t)p->nDigit);
  keyNumTrim(p);
}

/*
** Set p to the double v rounded to 45 significant digits (ties to even).
** Integral values below 2^63 take an exact shortcut; the rest go through
** glibc's printf, which converts binary floating point exactly.  The
** decimal point of the current locale is skipped, whatever it is.
** Returns ML_OK or ML_E_FLOAT_NOT_FINITE.
*/
static int keyNumFromDouble(KeyNum *p, double v){
  char z[DEC45_MAX_DIGITS + 32];
  const char *s;
  int nExp = 0, expNeg = 0;
  if( !isfinite(v) ) return ML_E_FLOAT_NOT_FINITE;
  if( fabs(v)<9.2e18 && v==trunc(v) ){
    keyNumFromInt64(p, (int64_t)v);
    return ML_OK;
  }
  snprintf(z, sizeof(z), "%.*e", DEC45_MAX_DIGITS - 1, v);
  s = z;
  p->sign = 1;
  if( *s=='-' ){ p->sign = -1; s++; }
  p->nDigit = 0;
  for(; *s && *s!='e' && *s!='E'; s++){
    if( *s>='0' && *s<='9' && p->nDigit<DEC45_MAX_DIGITS ){
      p->aDigit[p->nDigit++] = (unsigned char)(*s - '0');
    }
  }
  if( *s ) s++;
  if( *s=='-' ){ expNeg = 1; s++; }else if( *s=='+' ){ s++; }
  for(; *s>='0' && *s<='9'; s++) nExp = nExp*10 + (*s - '0');
  assert( p->nDigit==DEC45_MAX_DIGITS && p->aDigit[0]!=0 );
  p->exp = (expNeg ? -nExp : nExp) + 1;
  keyNumTrim(p);
  return ML_OK;
}

/*
** Append the number p: tag, then for non-zero values the biased exponent
** (2 bytes) and the digits in pairs, each pair byte 2*pair+1 except the
** last, 2*pair.  For negative numbers everything after the tag is
** complemented so that larger magnitudes sort first.
*/
static void keyNumAppend(StrBuf *pKey, const KeyNum *p){
  unsigned char a[3 + (DEC45_MAX_DIGITS + 1)/2 + 1];
  int n = 0, i;
  unsigned e;
  if( p->sign==0 ){
    strbufAppendByte(pKey, KEY_TAG_ZERO);
    return;
  }
  assert( p->nDigit>=1 && p->nDigit<=DEC45_MAX_DIGITS );
  assert( p->aDigit[0]!=0 && p->aDigit[p->nDigit-1]!=0 );
  assert( p->exp>-KEY_EXP_BIAS && p->exp<KEY_EXP_BIAS );
  a[n++] = p->sign<0 ? KEY_TAG_NEG : KEY_TAG_POS;
  e = (unsigned)(p->exp + KEY_EXP_BIAS);
  a[n++] = (unsigned char)(e >> 8);
  a[n++] = (unsigned char)e;
  for(i=0; i<p->nDigit; i+=2){
    unsigned pair = p->aDigit[i]*10u + (i+1<p->nDigit ? p->aDigit[i+1] : 0u);
    a[n++] = (unsigned char)(2*pair + (i+2<p->nDigit ? 1 : 0));
  }
  if( p->sign<0 ){
    for(i=1; i<n; i++) a[i] = (unsigned char)~a[i];
  }
  strbufAppend(pKey, a, (size_t)n);
}

/* Append the order-preserving encoding of run length k, complemented if up. */
static void keyRunAppend(unsigned char *a, size_t *pn, uint32_t k, int up){
  unsigned char x = up ? 0xFF : 0x00;
  size_t n = *pn;
  assert( k>=1 );
  if( k<KEY_RUN_LONG ){
    a[n++] = (unsigned char)(k ^ x);
  }else{
    a[n++] = (unsigned char)(KEY_RUN_LONG ^ x);
    a[n++] = (unsigned char)((k >> 24) ^ x);
    a[n++] = (unsigned char)((k >> 16) ^ x);
    a[n++] = (unsigned char)((k >> 8) ^ x);
    a[n++] = (unsigned char)(k ^ x);
  }
  *pn = n;
}

/*
** Append the PAD SPACE string body of z[0..n) (tag excluded).  Output is
** at most 2*n+1 bytes: each byte or blank run costs at most two bytes per
** input byte, plus the end token.
*/
static int keyStringAppend(StrBuf *pKey, const unsigned char *z, uint32_t n){
  size_t i = 0, o;
  unsigned char *a;
  int rc;
  while( n>0 && z[n-1]==' ' ) n--;
  rc = strbufReserve(pKey, 2*(size_t)n + 1);
  if( rc ) return rc;
  a = pKey->a;
  o = pKey->n;
  while( i<n ){
    unsigned char c = z[i];
    if( c==' ' ){
      size_t j = i;
      while( z[j]==' ' ) j++;          /* ends before n: blanks were stripped */
      assert( j<n );
      if( z[j]<' ' ){
        a[o++] = KEY_STR_DOWN;
        keyRunAppend(a, &o, (uint32_t)(j - i), 0);
      }else{
        a[o++] = KEY_STR_UP;
        keyRunAppend(a, &o, (uint32_t)(j - i), 1);
      }
      i = j;
    }else if( c<' ' ){
      a[o++] = KEY_STR_LOW;
      a[o++] = c;
      i++;
    }else{
      a[o++] = c;
      i++;
    }
  }
  a[o++] = KEY_STR_END;
  assert( o<=pKey->n + 2*(size_t)n + 1 );
  pKey->n = o;
  return ML_OK;
}

/*
** Append the binary string body: 0x00 escaped as 00 FF, ended by 00 01,
** so a proper prefix sorts first and the encoding is prefix-free.
*/
static int keyBinaryAppend(StrBuf *pKey, const unsigned char *z, uint32_t n){
  size_t i, o;
  unsigned char *a;
  int rc = strbufReserve(pKey, 2*(size_t)n + 2);
  if( rc ) return rc;
  a = pKey->a;
  o = pKey->n;
  for(i=0; i<n; i++){
    a[o++] = z[i];
    if( z[i]==0 ) a[o++] = 0xFF;
  }
  a[o++] = 0x00;
  a[o++] = 0x01;
  pKey->n = o;
  return ML_OK;
}

/* Append v big-endian in nByte bytes with the sign bit flipped. */
static void keyIntAppend(StrBuf *pKey, int64_t v, int nByte){
  unsigned char a[8];
  uint64_t u = (uint64_t)v ^ ((uint64_t)1 << (nByte*8 - 1));
  int i;
  for(i=nByte-1; i>=0; i--){
    a[i] = (unsigned char)u;
    u >>= 8;
  }
  strbufAppend(pKey, a, (size_t)nByte);
}

/*
** Append double d (finite, not -0) as 8 big-endian bytes whose memcmp
** order is numeric order: the sign bit flipped for d >= 0, every bit
** flipped for d < 0.
*/
static void keyDoubleAppend(StrBuf *pKey, double d){
  unsigned char a[8];
  uint64_t u;
  int i;
  memcpy(&u, &d, 8);
  u = (u >> 63) ? ~u : u ^ ((uint64_t)1 << 63);
  for(i=7; i>=0; i--){
    a[i] = (unsigned char)u;
    u >>= 8;
  }
  strbufAppend(pKey, a, 8);
}

/* True for the interval kinds whose value is a number of months. */
static int keyIsYearMonth(int kind){
  return kind==IVK_YEAR || kind==IVK_MONTH || kind==IVK_YEAR_TO_MONTH;
}

int keyAppendValue(StrBuf *pKey, const Value *pVal, const SqlType *pType, int desc){
  size_t iStart = pKey->n;
  KeyNum num;
  int rc = ML_OK;
  assert( pVal!=0 && pType!=0 );
  if( SQLT_IS_LOB(pType->id) || (!pVal->isNull && SQLT_IS_LOB(pVal->type)) ){
    return ML_E_LOB_IN_KEY;
  }
  if( pVal->isNull ){
    strbufAppendByte(pKey, KEY_TAG_NULL);
  }else switch( pVal->type ){
    case SQLT_SMALLINT: case SQLT_INTEGER: case SQLT_BIGINT:
      keyNumFromInt64(&num, pVal->u.i);
      keyNumAppend(pKey, &num);
      break;
    case SQLT_INTEGER_P: case SQLT_DECIMAL: case SQLT_FLOAT_P:
      keyNumFromDec45(&num, &pVal->u.dec);
      keyNumAppend(pKey, &num);
      break;
    case SQLT_REAL: case SQLT_DOUBLE:
      rc = keyNumFromDouble(&num, pVal->u.d);
      if( rc==ML_OK ) keyNumAppend(pKey, &num);
      break;
    case SQLT_CHAR: case SQLT_VARCHAR: case SQLT_NCHAR: case SQLT_NVARCHAR:
      strbufAppendByte(pKey, KEY_TAG_STRING);
      rc = keyStringAppend(pKey, (const unsigned char*)pVal->u.s.z, pVal->u.s.n);
      break;
    case SQLT_BINARY: case SQLT_VARBINARY:
      strbufAppendByte(pKey, KEY_TAG_BINARY);
      rc = keyBinaryAppend(pKey, (const unsigned char*)pVal->u.s.z, pVal->u.s.n);
      break;
    case SQLT_BOOLEAN:
      strbufAppendByte(pKey, KEY_TAG_BOOLEAN);
      strbufAppendByte(pKey, pVal->u.i ? 1 : 0);
      break;
    case SQLT_DATE:
      strbufAppendByte(pKey, KEY_TAG_DATE);
      keyIntAppend(pKey, pVal->u.date, 4);
      break;
    case SQLT_TIME:
      strbufAppendByte(pKey, KEY_TAG_TIME);
      keyIntAppend(pKey, pVal->u.time, 8);
      break;
    case SQLT_TIMESTAMP:
      strbufAppendByte(pKey, KEY_TAG_TIMESTAMP);
      keyIntAppend(pKey, pVal->u.ts.date, 4);
      keyIntAppend(pKey, pVal->u.ts.time, 8);
      break;
    case SQLT_INTERVAL:
      if( pType->id!=SQLT_INTERVAL ){
        rc = ML_E_INTERNAL;
      }else if( keyIsYearMonth(pType->intervalKind) ){
        strbufAppendByte(pKey, KEY_TAG_IV_YM);
        keyIntAppend(pKey, pVal->u.iv.months, 8);
      }else{
        /* Floor form: nanos in [0, 1e9), so (seconds, nanos) sorts by value
        ** whatever the signs of the two parts. */
        int64_t s = pVal->u.iv.seconds;
        int64_t ns = pVal->u.iv.nanos;
        if( ns<0 ){
          if( s==INT64_MIN ){ rc = ML_E_OVERFLOW; break; }
          s--;
          ns += DT_NANOS_PER_SEC;
        }
        if( ns<0 || ns>=DT_NANOS_PER_SEC ){ rc = ML_E_INTERNAL; break; }
        strbufAppendByte(pKey, KEY_TAG_IV_DT);
        keyIntAppend(pKey, s, 8);
        keyIntAppend(pKey, ns, 4);
      }
      break;
    case SQLT_UUID:
      strbufAppendByte(pKey, KEY_TAG_UUID);
      strbufAppend(pKey, pVal->u.uuid, 16);
      break;
    case SQLT_GIS_LATITUDE: case SQLT_GIS_LONGITUDE:
      strbufAppendByte(pKey, pVal->type==SQLT_GIS_LATITUDE ? KEY_TAG_GIS_LAT : KEY_TAG_GIS_LON);
      keyDoubleAppend(pKey, pVal->u.d);
      break;
    case SQLT_GIS_LOCATION:
      strbufAppendByte(pKey, KEY_TAG_GIS_LOC);
      keyDoubleAppend(pKey, pVal->u.loc.lat);
      keyDoubleAppend(pKey, pVal->u.loc.lon);
      break;
    case SQLT_GIS_COORDINATE:
      strbufAppendByte(pKey, KEY_TAG_GIS_XY);
      keyIntAppend(pKey, pVal->u.xy.x, 4);
      keyIntAppend(pKey, pVal->u.xy.y, 4);
      break;
    default:
      rc = ML_E_INTERNAL;    /* SQLT_NULL that is not null: caller bug */
      break;
  }
  if( rc==ML_OK ) rc = strbufError(pKey);
  if( rc!=ML_OK ){
    if( pKey->n>iStart ) pKey->n = iStart;
    return rc;
  }
  if( desc ){
    size_t i;
    for(i=iStart; i<pKey->n; i++) pKey->a[i] = (unsigned char)~pKey->a[i];
  }
  return ML_OK;
}

int keyFinish(StrBuf *pKey, int *pbTruncated){
  unsigned char aHash[KEY_HASH_SIZE];
  int rc = strbufError(pKey);
  if( pbTruncated ) *pbTruncated = 0;
  if( rc ) return rc;
  if( pKey->n<=KEY_MAX_FULL ) return ML_OK;
  /* crypto_generichash needs no sodium_init(): BLAKE2b falls back to its
  ** portable implementation, which gives the same bytes. */
  if( crypto_generichash(aHash, sizeof(aHash), pKey->a, pKey->n, 0, 0)!=0 ){
    return ML_E_INTERNAL;    /* cannot happen: valid output and key sizes */
  }
  pKey->n = KEY_TRUNC_PREFIX;
  strbufAppendByte(pKey, KEY_TRUNC_MARK);
  strbufAppend(pKey, aHash, sizeof(aHash));
  assert( pKey->n==KEY_TRUNC_SIZE );
  if( pbTruncated ) *pbTruncated = 1;
  return ML_OK;
}

int keyFinishPrefix(StrBuf *pKey, int *pbTruncated){
  int rc = strbufError(pKey);
  if( pbTruncated ) *pbTruncated = 0;
  if( rc ) return rc;
  if( pKey->n>KEY_TRUNC_PREFIX ){
    pKey->n = KEY_TRUNC_PREFIX;
    if( pbTruncated ) *pbTruncated = 1;
  }
  return ML_OK;
}

int keyIsTruncated(const void *pKey, size_t n){
  return n==KEY_TRUNC_SIZE
      && ((const unsigned char*)pKey)[KEY_TRUNC_PREFIX]==KEY_TRUNC_MARK;
}

/* A cursor over the encoded bytes of one column, undoing DESC on the fly. */
typedef struct KeyReader {
  const unsigned char *p;      /* next byte */
  const unsigned char *pEnd;   /* end of the key */
  unsigned char x;             /* 0xFF for a DESC column, else 0 */
  int bad;                     /* set when reading past pEnd */
} KeyReader;

/* Next byte of the column (0 and r->bad set past the end). */
static unsigned keyRead(KeyReader *r){
  if( r->p>=r->pEnd ){
    r->bad = 1;
    return 0;
  }
  return (unsigned)(*r->p++ ^ r->x);
}

/* Read an nByte big-endian sign-flipped integer written by keyIntAppend. */
static int64_t keyIntRead(KeyReader *r, int nByte){
  uint64_t u = 0;
  int i;
  for(i=0; i<nByte; i++) u = (u << 8) | keyRead(r);
  u ^= (uint64_t)1 << (nByte*8 - 1);
  if( nByte<8 && (u >> (nByte*8 - 1)) ){
    u |= ~(uint64_t)0 << (nByte*8);     /* sign-extend */
  }
  return (int64_t)u;
}

/* Read a double written by keyDoubleAppend. */
static double keyDoubleRead(KeyReader *r){
  uint64_t u = 0;
  double d;
  int i;
  for(i=0; i<8; i++) u = (u << 8) | keyRead(r);
  u = (u >> 63) ? u ^ ((uint64_t)1 << 63) : ~u;
  memcpy(&d, &u, 8);
  return d;
}

/* Read a number body after its tag into p.  Returns ML_OK or ML_E_STORAGE. */
static int keyNumRead(KeyReader *r, unsigned tag, KeyNum *p){
  unsigned m, b;
  if( tag==KEY_TAG_ZERO ){
    p->sign = 0;
    return ML_OK;
  }
  p->sign = tag==KEY_TAG_NEG ? -1 : 1;
  m = p->sign<0 ? 0xFF : 0x00;
  b = keyRead(r) ^ m;
  p->exp = (int)((b << 8) | (keyRead(r) ^ m)) - KEY_EXP_BIAS;
  p->nDigit = 0;
  do{
    b = keyRead(r) ^ m;
    if( r->bad || (b >> 1)>99 || p->nDigit>=DEC45_MAX_DIGITS+1 ) return ML_E_STORAGE;
    p->aDigit[p->nDigit++] = (unsigned char)((b >> 1) / 10);
    p->aDigit[p->nDigit++] = (unsigned char)((b >> 1) % 10);
  }while( b & 1 );
  if( p->aDigit[p->nDigit-1]==0 ) p->nDigit--;
  if( p->aDigit[0]==0 || p->aDigit[p->nDigit-1]==0 || p->nDigit>DEC45_MAX_DIGITS ){
    return ML_E_STORAGE;
  }
  return ML_OK;
}

/*
** Convert the number p to pType's representation in pOut.  Decimal types
** get the column's scale when the digits allow, as the executor stores
** them.  ML_E_STORAGE when the value does not fit the type.
*/
static int keyNumToValue(const KeyNum *p, const SqlType *pType, Value *pOut){
  static const uint32_t aPow10[9] = {1, 10, 100, 1000, 10000, 100000, 1000000,
                                     10000000, 100000000};
  int id = pType->id;
  pOut->type = (uint8_t)id;
  pOut->isNull = 0;
  if( SQLT_IS_BINARY_INT(id) ){
    uint64_t mag = 0, lim;
    int i;
    if( p->sign==0 ){ pOut->u.i = 0; return ML_OK; }
    if( p->exp<p->nDigit || p->exp>19 ) return ML_E_STORAGE;
    for(i=0; i<p->exp; i++){
      unsigned d = i<p->nDigit ? p->aDigit[i] : 0;
      if( mag>(UINT64_MAX - d)/10 ) return ML_E_STORAGE;
      mag = mag*10 + d;
    }
    lim = id==SQLT_SMALLINT ? 32767u : id==SQLT_INTEGER ? 2147483647u : (uint64_t)INT64_MAX;
    if( mag>lim + (p->sign<0) ) return ML_E_STORAGE;
    pOut->u.i = p->sign<0 ? (int64_t)(0 - mag) : (int64_t)mag;
    return ML_OK;
  }
  if( SQLT_IS_DECIMAL_REP(id) ){
    Dec45 *d = &pOut->u.dec;
    int nZero = 0, e, i, k;
    memset(d, 0, sizeof(*d));
    if( p->sign==0 ){
      d->exponent = (int16_t)(id==SQLT_DECIMAL ? -pType->scale : 0);
      return ML_OK;
    }
    e = p->exp - p->nDigit;
    if( id!=SQLT_FLOAT_P ){
      int want = id==SQLT_DECIMAL ? -pType->scale : 0;
      if( e>want && p->nDigit + (e - want)<=DEC45_MAX_DIGITS ){
        nZero = e - want;
        e = want;
      }
    }
    if( e<DEC45_MIN_EXP || e>DEC45_MAX_EXP ) return ML_E_STORAGE;
    /* Digits, least significant first: nZero zeros then aDigit reversed. */
    for(i=0, k=p->nDigit + nZero - 1; k>=0; k--, i++){
      unsigned dg = k<p->nDigit ? p->aDigit[k] : 0;
      d->aLimb[i/9] += dg * aPow10[i%9];
    }
    d->exponent = (int16_t)e;
    d->neg = p->sign<0;
    return ML_OK;
  }
  if( SQLT_IS_IEEE(id) ){
    char z[DEC45_MAX_DIGITS + 16];
    int i, n = 0;
    double v;
    if( p->sign==0 ){ pOut->u.d = 0.0; return ML_OK; }
    if( p->sign<0 ) z[n++] = '-';
    for(i=0; i<p->nDigit; i++) z[n++] = (char)('0' + p->aDigit[i]);
    snprintf(z + n, sizeof(z) - (size_t)n, "e%d", p->exp - p->nDigit);
    v = strtod(z, 0);
    if( id==SQLT_REAL ) v = (float)v;
    if( !isfinite(v) ) return ML_E_STORAGE;
    pOut->u.d = v;
    return ML_OK;
  }
  return ML_E_STORAGE;
}

/*
** Decode a string body (after the tag).  The first pass validates and
** measures, the second writes the bytes into arena memory, padded with
** blanks to the declared length for CHAR and NCHAR.
*/
static int keyStringRead(KeyReader *r, const SqlType *pType, Arena *pArena,
                         Value *pOut){
  const KeyReader r0 = *r;
  size_t nByte = 0, nChar = 0, nPad = 0;
  char *z = 0;
  int pass;
  for(pass=0; pass<2; pass++){
    size_t o = 0;
    unsigned c;
    *r = r0;
    while( (c = keyRead(r))!=KEY_STR_END ){
      if( r->bad ) return ML_E_STORAGE;
      if( c==KEY_STR_LOW ){
        c = keyRead(r);
        if( r->bad || c>=' ' ) return ML_E_STORAGE;
        if( z ) z[o] = (char)c;
        o++;
        nChar++;
      }else if( c==KEY_STR_DOWN || c==KEY_STR_UP ){
        unsigned x = c==KEY_STR_UP ? 0xFF : 0x00;
        uint32_t k = keyRead(r) ^ x;
        if( k==KEY_RUN_LONG ){
          int i;
          for(k=0, i=0; i<4; i++) k = (k << 8) | (keyRead(r) ^ x);
          if( k<KEY_RUN_LONG ) return ML_E_STORAGE;
        }else if( k==0 || k>KEY_RUN_LONG ){
          return ML_E_STORAGE;
        }
        if( r->bad ) return ML_E_STORAGE;
        if( z ) memset(z + o, ' ', k);
        o += k;
        nChar += k;
      }else if( c>' ' ){
        if( z ) z[o] = (char)c;
        o++;
        if( (c & 0xC0)!=0x80 ) nChar++;
      }else{
        return ML_E_STORAGE;
      }
    }
    if( r->bad ) return ML_E_STORAGE;
    if( pass==0 ){
      nByte = o;
      if( (pType->id==SQLT_CHAR || pType->id==SQLT_NCHAR) && nChar<pType->length ){
        nPad = pType->length - nChar;
      }
      if( nByte + nPad>UINT32_MAX ) return ML_E_STORAGE;
      if( pOut==0 ) return ML_OK;        /* skipping: no need to copy */
      if( nByte + nPad==0 ){
        pOut->u.s.z = "";
        pOut->u.s.n = 0;
        return ML_OK;
      }
      z = arenaAlloc(pArena, nByte + nPad);
      if( z==0 ) return ML_E_NOMEM;
    }
  }
  memset(z + nByte, ' ', nPad);
  pOut->u.s.z = z;
  pOut->u.s.n = (uint32_t)(nByte + nPad);
  return ML_OK;
}

/*
** Decode a binary string body (after the tag) into arena memory, as for
** keyStringRead.  BINARY(n) values are not padded: they are stored whole.
*/
static int keyBinaryRead(KeyReader *r, Arena *pArena, Value *pOut){
  const KeyReader r0 = *r;
  size_t n = 0;
  unsigned char *z;
  unsigned c;
  for(;;){
    c = keyRead(r);
    if( c==0 ){
      c = keyRead(r);
      if( c==0x01 ) break;
      if( c!=0xFF ) return ML_E_STORAGE;
    }
    if( r->bad ) return ML_E_STORAGE;
    n++;
  }
  if( r->bad || n>UINT32_MAX ) return ML_E_STORAGE;
  if( pOut==0 ) return ML_OK;
  if( n==0 ){
    pOut->u.s.z = "";
    pOut->u.s.n = 0;
    return ML_OK;
  }
  z = arenaAlloc(pArena, n);
  if( z==0 ) return ML_E_NOMEM;
  *r = r0;
  for(n=0;; n++){
    c = keyRead(r);
    if( c==0 && keyRead(r)==0x01 ) break;
    z[n] = (unsigned char)c;       /* 00 FF stands for 0x00 */
  }
  pOut->u.s.z = (const char*)z;
  pOut->u.s.n = (uint32_t)n;
  return ML_OK;
}

int keyDecodeValue(const unsigned char **pp, const unsigned char *pEnd,
                   const SqlType *pType, int desc, Arena *pArena, Value *pOut){
  KeyReader r;
  Value v;
  KeyNum num;
  unsigned tag;
  int id = pType->id;
  int rc = ML_OK;
  r.p = *pp;
  r.pEnd = pEnd;
  r.x = desc ? 0xFF : 0x00;
  r.bad = 0;
  tag = keyRead(&r);
  if( r.bad ) return ML_E_STORAGE;
  v.type = (uint8_t)id;
  v.isNull = 0;
  if( tag==KEY_TAG_NULL ){
    v.isNull = 1;
  }else if( tag==KEY_TAG_NEG || tag==KEY_TAG_ZERO || tag==KEY_TAG_POS ){
    rc = keyNumRead(&r, tag, &num);
    if( rc==ML_OK ) rc = keyNumToValue(&num, pType, &v);
  }else if( tag==KEY_TAG_STRING && SQLT_IS_CHARACTER(id) && !SQLT_IS_LOB(id) ){
    rc = keyStringRead(&r, pType, pArena, pOut ? &v : 0);
  }else if( tag==KEY_TAG_BINARY && (id==SQLT_BINARY || id==SQLT_VARBINARY) ){
    rc = keyBinaryRead(&r, pArena, pOut ? &v : 0);
  }else if( tag==KEY_TAG_BOOLEAN && id==SQLT_BOOLEAN ){
    v.u.i = keyRead(&r);
    if( v.u.i>1 ) rc = ML_E_STORAGE;
  }else if( tag==KEY_TAG_DATE && id==SQLT_DATE ){
    v.u.date = (SqlDate)keyIntRead(&r, 4);
  }else if( tag==KEY_TAG_TIME && id==SQLT_TIME ){
    v.u.time = keyIntRead(&r, 8);
  }else if( tag==KEY_TAG_TIMESTAMP && id==SQLT_TIMESTAMP ){
    v.u.ts.date = (SqlDate)keyIntRead(&r, 4);
    v.u.ts.time = keyIntRead(&r, 8);
  }else if( tag==KEY_TAG_IV_YM && id==SQLT_INTERVAL
         && keyIsYearMonth(pType->intervalKind) ){
    v.u.iv.months = keyIntRead(&r, 8);
    v.u.iv.seconds = 0;
    v.u.iv.nanos = 0;
  }else if( tag==KEY_TAG_IV_DT && id==SQLT_INTERVAL
         && !keyIsYearMonth(pType->intervalKind) ){
    int64_t s = keyIntRead(&r, 8);
    int64_t ns = keyIntRead(&r, 4);
    if( ns<0 || ns>=DT_NANOS_PER_SEC ) rc = ML_E_STORAGE;
    if( s<0 && ns>0 ){             /* back from floor form to same-sign form */
      s++;
      ns -= DT_NANOS_PER_SEC;
    }
    v.u.iv.months = 0;
    v.u.iv.seconds = s;
    v.u.iv.nanos = (int32_t)ns;
  }else if( tag==KEY_TAG_UUID && id==SQLT_UUID ){
    int i;
    for(i=0; i<16; i++) v.u.uuid[i] = (uint8_t)keyRead(&r);
  }else if( (tag==KEY_TAG_GIS_LAT && id==SQLT_GIS_LATITUDE)
         || (tag==KEY_TAG_GIS_LON && id==SQLT_GIS_LONGITUDE) ){
    if( gisMakeDegrees(id, keyDoubleRead(&r), &v, 0) ) rc = ML_E_STORAGE;
  }else if( tag==KEY_TAG_GIS_LOC && id==SQLT_GIS_LOCATION ){
    double lat = keyDoubleRead(&r);
    if( gisMakeLocation(lat, keyDoubleRead(&r), &v, 0) ) rc = ML_E_STORAGE;
  }else if( tag==KEY_TAG_GIS_XY && id==SQLT_GIS_COORDINATE ){
    int32_t x = (int32_t)keyIntRead(&r, 4);
    gisMakeCoordinate(x, (int32_t)keyIntRead(&r, 4), &v);
  }else{
    rc = ML_E_STORAGE;
  }
  if( rc==ML_OK && r.bad ) rc = ML_E_STORAGE;
  if( rc!=ML_OK ) return rc;
  *pp = r.p;
  if( pOut ) *pOut = v;
  return ML_OK;
}
