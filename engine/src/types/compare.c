/*
** Comparison and hashing of values (see compare.h).
**
** Numbers: binary integers and Dec45 values compare through dec45Cmp;
** a double against an integer is exact by splitting off the fraction; a
** double against a Dec45 is decided by magnitude when the two are more
** than a decade apart and otherwise by exact big-integer arithmetic on
** m*2^e versus c*10^k (a few hundred bits, on the stack).
**
** Hashing maps every number to one canonical key whatever its
** representation: an integer that fits int64 hashes as that integer;
** otherwise a value M*2^E with odd M below 2^64 (every double is one)
** hashes as (M, E); anything else (decimals no double can equal) hashes
** its normalized Dec45.
*/
#include "types/compare.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "types/datetime.h"
#include "types/dec45.h"
#include "types/gis.h"
#include "types/strings.h"
#include "types/typesys.h"
#include "util/errors.h"

/************************** big integers ***********************************/

#define BIG_LIMBS 64                /* 2048 bits, well above the ~950 needed */

/* An unsigned integer in base 2^32 limbs, least significant first. */
typedef struct Big {
  uint32_t a[BIG_LIMBS];           /* limbs */
  int n;                           /* limbs in use; a[n-1] != 0 unless n==0 */
} Big;

static void bigSetU64(Big *p, uint64_t v){
  p->n = 0;
  while( v ){
    p->a[p->n++] = (uint32_t)v;
    v >>= 32;
  }
}

/* p = p*m + add. */
static void bigMulAdd(Big *p, uint32_t m, uint32_t add){
  uint64_t carry = add;
  int i;
  for(i=0; i<p->n; i++){
    uint64_t t = (uint64_t)p->a[i]*m + carry;
    p->a[i] = (uint32_t)t;
    carry = t>>32;
  }
  if( carry ){
    assert( p->n<BIG_LIMBS );
    p->a[p->n++] = (uint32_t)carry;
  }
}

/* p = p * 5^k. */
static void bigMulPow5(Big *p, int k){
  static const uint32_t aPow5[14] = {
    1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125, 9765625,
    48828125, 244140625, 1220703125
  };
  while( k>=13 ){
    bigMulAdd(p, aPow5[13], 0);
    k -= 13;
  }
  if( k>0 ) bigMulAdd(p, aPow5[k], 0);
}

/* p = p << s. */
static void bigShl(Big *p, int s){
  int w = s/32, b = s%32, i;
  if( p->n==0 ) return;
  assert( p->n+w+1<=BIG_LIMBS );
  p->a[p->n+w] = 0;
  for(i=p->n-1; i>=0; i--){
    uint64_t t = (uint64_t)p->a[i] << b;
    p->a[i+w+1] |= (uint32_t)(t>>32);
    p->a[i+w] = (uint32_t)t;
  }
  for(i=0; i<w; i++) p->a[i] = 0;
  p->n += w+1;
  while( p->n>0 && p->a[p->n-1]==0 ) p->n--;
}

static int bigCmp(const Big *x, const Big *y){
  int i;
  if( x->n!=y->n ) return x->n<y->n ? -1 : 1;
  for(i=x->n-1; i>=0; i--){
    if( x->a[i]!=y->a[i] ) return x->a[i]<y->a[i] ? -1 : 1;
  }
  return 0;
}

/* The coefficient of p as a Big. */
static void bigSetDec(Big *x, const Dec45 *p){
  int i;
  x->n = 0;
  for(i=DEC45_LIMBS-1; i>=0; i--) bigMulAdd(x, DEC45_LIMB_BASE, p->aLimb[i]);
}

/************************** numbers ****************************************/

static int cmpInt(int64_t a, int64_t b){ return a<b ? -1 : a>b; }

/* Exact comparison of finite double d with integer i. */
static int cmpDoubleInt(double d, int64_t i){
  int64_t t;
  double frac;
  if( d>=9223372036854775808.0 ) return 1;
  if( d<-9223372036854775808.0 ) return -1;
  t = (int64_t)d;                  /* toward zero; d-t is exact */
  if( t!=i ) return t<i ? -1 : 1;
  frac = d - (double)t;
  return frac<0 ? -1 : frac>0;
}

/* Exact comparison of |d| with |p|, both non-zero. */
static int cmpMagDoubleDec(double d, const Dec45 *p){
  static const double log10of2 = 0.30102999566398120;
  int e2, k = p->exponent;
  int msd = k + dec45Digits(p) - 1;   /* 10^msd <= |p| < 10^(msd+1) */
  double f = frexp(fabs(d), &e2);     /* 2^(e2-1) <= |d| < 2^e2 */
  uint64_t m;
  int e, s;
  Big x, y;
  if( e2*log10of2 < msd - 1e-6 ) return -1;
  if( (e2-1)*log10of2 > msd + 1 + 1e-6 ) return 1;
  m = (uint64_t)ldexp(f, 53);
  e = e2 - 53;                        /* |d| = m * 2^e */
  bigSetDec(&x, p);                   /* |p| = x * 10^k */
  bigSetU64(&y, m);
  if( k>=0 ){
    bigMulPow5(&x, k);
  }else{
    bigMulPow5(&y, -k);
  }
  s = k - e;                          /* compare x*2^k with y*2^e */
  if( s>=0 ){
    bigShl(&x, s);
  }else{
    bigShl(&y, -s);
  }
  return bigCmp(&y, &x);
}

/* Exact comparison of finite double d with p. */
static int cmpDoubleDec(double d, const Dec45 *p){
  int sd = d<0 ? -1 : d>0;
  int sp = dec45IsZero(p) ? 0 : p->neg ? -1 : 1;
  if( sd!=sp ) return sd<sp ? -1 : 1;
  if( sd==0 ) return 0;
  return sd * cmpMagDoubleDec(d, p);
}

static int cmpNumeric(const Value *a, const Value *b){
  int ia = SQLT_IS_BINARY_INT(a->type), ib = SQLT_IS_BINARY_INT(b->type);
  int fa = SQLT_IS_IEEE(a->type), fb = SQLT_IS_IEEE(b->type);
  Dec45 d;
  if( ia && ib ) return cmpInt(a->u.i, b->u.i);
  if( fa && fb ) return a->u.d<b->u.d ? -1 : a->u.d>b->u.d;
  if( fa ) return ib ? cmpDoubleInt(a->u.d, b->u.i) : cmpDoubleDec(a->u.d, &b->u.dec);
  if( fb ) return ia ? -cmpDoubleInt(b->u.d, a->u.i) : -cmpDoubleDec(b->u.d, &a->u.dec);
  if( ia ){
    dec45FromInt64(&d, a->u.i);
    return dec45Cmp(&d, &b->u.dec);
  }
  if( ib ){
    dec45FromInt64(&d, b->u.i);
    return dec45Cmp(&a->u.dec, &d);
  }
  return dec45Cmp(&a->u.dec, &b->u.dec);
}

static int cmpBytes(const char *a, uint32_t na, const char *b, uint32_t nb){
  int c = memcmp(a, b, na<nb ? na : nb);
  if( c ) return c<0 ? -1 : 1;
  return na<nb ? -1 : na>nb;
}

/* Compare two non-NULL values of one type class (compare.h). */
int valueCompare(const Value *a, const SqlType *ta, const Value *b, const SqlType *tb,
                 int *pCmp){
  TypeClass c = typeClass(ta);
  assert( !a->isNull && !b->isNull );
  assert( a->type==ta->id && b->type==tb->id );
  if( c!=typeClass(tb) || c==TYPE_CLASS_NULL ) return ML_E_TYPE_MISMATCH;
  switch( c ){
    case TYPE_CLASS_NUMERIC:
      *pCmp = cmpNumeric(a, b);
      break;
    case TYPE_CLASS_CHAR:
      *pCmp = strCompare(a->u.s.z, a->u.s.n, b->u.s.z, b->u.s.n);
      break;
    case TYPE_CLASS_BINARY:
      *pCmp = cmpBytes(a->u.s.z, a->u.s.n, b->u.s.z, b->u.s.n);
      break;
    case TYPE_CLASS_BOOLEAN:
      *pCmp = cmpInt(a->u.i, b->u.i);
      break;
    case TYPE_CLASS_DATE:
      *pCmp = cmpInt(a->u.date, b->u.date);
      break;
    case TYPE_CLASS_TIME:
      *pCmp = cmpInt(a->u.time, b->u.time);
      break;
    case TYPE_CLASS_TIMESTAMP:
      *pCmp = cmpInt(a->u.ts.date, b->u.ts.date);
      if( *pCmp==0 ) *pCmp = cmpInt(a->u.ts.time, b->u.ts.time);
      break;
    case TYPE_CLASS_IV_YM:
    case TYPE_CLASS_IV_DT:
      *pCmp = dtIntervalCmp(&a->u.iv, &b->u.iv);
      break;
    case TYPE_CLASS_GIS_LAT: case TYPE_CLASS_GIS_LON:
    case TYPE_CLASS_GIS_LOC: case TYPE_CLASS_GIS_XY:
      *pCmp = gisCompare(a, b);
      break;
    default:
      *pCmp = cmpBytes((const char*)a->u.uuid, 16, (const char*)b->u.uuid, 16);
      break;
  }
  return ML_OK;
}

/************************** hashing ****************************************/

/* Tags keep the key kinds apart. */
#define HASH_NULL   0x9ae16a3b2f90404fULL
#define HASH_INT    0xc3a5c85c97cb3127ULL
#define HASH_DYADIC 0xb492b66fbe98f273ULL
#define HASH_DEC    0x9ddfea08eb382d69ULL
#define HASH_BYTES  0xcbf29ce484222325ULL

/* splitmix64's finalizer. */
static uint64_t hashMix(uint64_t h){
  h ^= h>>30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h>>27;
  h *= 0x94d049bb133111ebULL;
  h ^= h>>31;
  return h;
}

static uint64_t hashBytes(const void *p, size_t n, uint64_t h){
  const unsigned char *a = p;
  size_t i;
  for(i=0; i+8<=n; i+=8){
    uint64_t w;
    memcpy(&w, a+i, 8);
    h = hashMix(h ^ w);
  }
  if( i<n ){
    uint64_t w = 0;
    memcpy(&w, a+i, n-i);
    h = hashMix(h ^ w ^ ((uint64_t)(n-i)<<56));
  }
  return hashMix(h ^ n);
}

static uint64_t hashInt(int64_t i){
  return hashMix(HASH_INT ^ (uint64_t)i);
}

static uint64_t hashDyadic(int neg, uint64_t m, int e){
  return hashMix(hashMix(HASH_DYADIC ^ m) ^ ((uint64_t)(int64_t)e<<1) ^ (uint64_t)neg);
}

/* The key of a finite double. */
static uint64_t hashDouble(double d){
  int e;
  uint64_t m;
  if( d>=-9223372036854775808.0 && d<9223372036854775808.0 && d==trunc(d) ){
    return hashInt((int64_t)d);
  }
  m = (uint64_t)ldexp(frexp(fabs(d), &e), 53);
  e -= 53;
  while( (m & 1)==0 ){
    m >>= 1;
    e++;
  }
  return hashDyadic(d<0, m, e);
}

/* A 160-bit unsigned integer (a Dec45 coefficient), base 2^32. */
typedef struct U160 {
  uint32_t a[5];                   /* least significant first */
} U160;

/* q = q/5, returning the remainder. */
static uint32_t u160Div5(U160 *q){
  uint64_t r = 0;
  int i;
  for(i=4; i>=0; i--){
    uint64_t t = (r<<32) | q->a[i];
    q->a[i] = (uint32_t)(t/5);
    r = t%5;
  }
  return (uint32_t)r;
}

/* The low 64 bits of x in *pV; 1 if x fits in 64 bits. */
static int u160ToU64(const U160 *x, uint64_t *pV){
  *pV = ((uint64_t)x->a[1]<<32) | x->a[0];
  return x->a[2]==0 && x->a[3]==0 && x->a[4]==0;
}

/* x = x >> 1. */
static void u160Shr1(U160 *x){
  int i;
  for(i=0; i<5; i++){
    x->a[i] = (x->a[i]>>1) | (i<4 ? x->a[i+1]<<31 : 0);
  }
}

/*
** The key of a normalized, non-zero Dec45 c*10^k that is not an int64
** integer: (M, E) when it equals M*2^E with odd M < 2^64, else the Dec45.
*/
static uint64_t hashDecKey(const Dec45 *p){
  U160 x;
  Big b;
  int k = p->exponent, i;
  uint64_t m;
  bigSetDec(&b, p);
  assert( b.n>0 && b.n<=5 );
  memset(&x, 0, sizeof(x));
  for(i=0; i<b.n; i++) x.a[i] = b.a[i];
  if( k>=0 ){
    int e = k;                   /* c*10^k = c*5^k*2^k */
    while( (x.a[0] & 1)==0 ){
      u160Shr1(&x);
      e++;
    }
    if( !u160ToU64(&x, &m) ) goto dec_key;
    for(i=0; i<k; i++){
      if( m>UINT64_MAX/5 ) goto dec_key;
      m *= 5;
    }
    return hashDyadic(p->neg, m, e);
  }
  for(i=0; i<-k; i++){           /* c*10^k = (c/5^-k)*2^k, c odd */
    if( u160Div5(&x) ) goto dec_key;
  }
  if( !u160ToU64(&x, &m) ) goto dec_key;
  return hashDyadic(p->neg, m, k);

dec_key:
  return hashBytes(p->aLimb, sizeof(p->aLimb), HASH_DEC ^ (uint64_t)(int64_t)k ^ p->neg);
}

/* The key of any number. */
static uint64_t hashNumeric(const Value *p){
  Dec45 d;
  int64_t i;
  if( SQLT_IS_BINARY_INT(p->type) ) return hashInt(p->u.i);
  if( SQLT_IS_IEEE(p->type) ) return hashDouble(p->u.d);
  if( dec45IsZero(&p->u.dec) ) return hashInt(0);
  d = p->u.dec;
  dec45Normalize(&d);
  if( d.exponent>=0 && dec45ToInt64(&d, &i)==ML_OK ) return hashInt(i);
  return hashDecKey(&d);
}

/* Hash consistent with valueCompare's equality (compare.h). */
uint64_t valueHash(const Value *p, const SqlType *pType){
  if( p->isNull ) return HASH_NULL;
  switch( typeClass(pType) ){
    case TYPE_CLASS_NUMERIC:
      return hashNumeric(p);
    case TYPE_CLASS_CHAR:
      return hashBytes(p->u.s.z, strTrimRightLen(p->u.s.z, p->u.s.n), HASH_BYTES);
    case TYPE_CLASS_BINARY:
      return hashBytes(p->u.s.z, p->u.s.n, HASH_BYTES ^ 1);
    case TYPE_CLASS_BOOLEAN:
      return hashMix(HASH_BYTES ^ 2 ^ (uint64_t)p->u.i);
    case TYPE_CLASS_DATE:
      return hashMix(HASH_BYTES ^ 3 ^ (uint64_t)p->u.date);
    case TYPE_CLASS_TIME:
      return hashMix(HASH_BYTES ^ 4 ^ (uint64_t)p->u.time);
    case TYPE_CLASS_TIMESTAMP:
      return hashMix(hashMix(HASH_BYTES ^ 5 ^ (uint64_t)p->u.ts.date) ^ (uint64_t)p->u.ts.time);
    case TYPE_CLASS_IV_YM:
      return hashMix(HASH_BYTES ^ 6 ^ (uint64_t)p->u.iv.months);
    case TYPE_CLASS_IV_DT:
      return hashMix(hashMix(HASH_BYTES ^ 7 ^ (uint64_t)p->u.iv.seconds) ^ (uint64_t)p->u.iv.nanos);
    case TYPE_CLASS_UUID:
      return hashBytes(p->u.uuid, 16, HASH_BYTES ^ 8);
    case TYPE_CLASS_GIS_LAT: case TYPE_CLASS_GIS_LON:
      return hashBytes(&p->u.d, sizeof(p->u.d), HASH_BYTES ^ 9);   /* -0 made 0 (gis.h) */
    case TYPE_CLASS_GIS_LOC:
      return hashBytes(&p->u.loc, sizeof(p->u.loc), HASH_BYTES ^ 10);
    case TYPE_CLASS_GIS_XY:
      return hashBytes(&p->u.xy, sizeof(p->u.xy), HASH_BYTES ^ 11);
    default:
      return HASH_NULL;
  }
}
