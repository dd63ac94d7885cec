/*
** Property tests of the key codec (kv/keycodec.c): for random pairs of
** values of every type, sign(memcmp(key(a), key(b))) must equal the SQL
** order of a and b, ascending and descending, alone and inside
** multi-column keys.  The oracle is written here, independently of the
** codec: numbers are compared through exact decimal expansions made with
** printf (doubles rounded to 45 digits by the oracle itself, the
** documented semantics), strings with an explicit PAD SPACE loop.  Also:
** decode round trips, tree-id bounds, truncated long keys, errors.
**
** The random seed is printed; rerun with MIMERLITE_TEST_SEED=<n> (or the
** seed as the first argument) to reproduce a failure.
*/
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kv/keycodec.h"
#include "types/compare.h"
#include "types/dec45.h"
#include "types/datetime.h"
#include "util/arena.h"
#include "util/errors.h"
#include "testutil.h"

#define N_PAIRS   12000      /* random pairs per type */
#define MAX_STR   700        /* longest generated string */
#define LMDB_MAX_KEY 511     /* mdb_env_get_maxkeysize() of Debian's LMDB */

/* Value classes as the oracle sees them. */
enum { CL_NUM, CL_STR, CL_BIN, CL_BOOL, CL_DATE, CL_TIME, CL_TS, CL_IVYM,
       CL_IVDT, CL_UUID, CL_GLAT, CL_GLON, CL_GLOC, CL_GXY, CL_COUNT };

static const char *azClass[CL_COUNT] = {
  "number", "string", "binary", "boolean", "date", "time", "timestamp",
  "interval year-month", "interval day-time", "uuid", "gis latitude",
  "gis longitude", "gis location", "gis coordinate"
};

/* A generated test value with its declared type and string storage. */
typedef struct TV {
  Value v;                   /* the value (strings point into buf) */
  SqlType t;                 /* its declared column type */
  unsigned char buf[MAX_STR];
} TV;

/* A number as sign, adjusted exponent and significant digits (oracle). */
typedef struct Canon {
  int sign;                  /* -1, 0, 1 */
  int exp;                   /* value = 0.z x 10^exp */
  char z[1200];              /* significant digits, no trailing zero */
} Canon;

static unsigned rnd(unsigned n){ return (unsigned)(testRandom() % n); }

static int nRoundingTies = 0;   /* key ties valueCompare finds unequal */

/* ---------------------------------------------------------------- oracle */

/*
** Canonical form of the exact decimal text z ("-123.4500"), multiplied by
** 10^shift.
*/
static void canonFromText(Canon *c, const char *z, int shift){
  char d[1600];
  int n = 0, nInt = -1, f, i;
  c->sign = 1;
  if( *z=='-' ){ c->sign = -1; z++; }
  for(; *z; z++){
    if( *z>='0' && *z<='9' ) d[n++] = *z;
    else if( *z=='.' ) nInt = n;
  }
  if( nInt<0 ) nInt = n;
  for(f=0; f<n && d[f]=='0'; f++){}
  if( f==n ){ c->sign = 0; c->exp = 0; c->z[0] = 0; return; }
  c->exp = nInt - f + shift;
  for(i=0; f+i<n; i++) c->z[i] = d[f+i];
  while( i>0 && c->z[i-1]=='0' ) i--;
  c->z[i] = 0;
}

/* Round c to 45 significant digits, ties to even (how keys hold doubles). */
static void canonRound45(Canon *c){
  int n = (int)strlen(c->z), up, i;
  if( n<=45 ) return;
  if( c->z[45]>'5' ) up = 1;
  else if( c->z[45]<'5' ) up = 0;
  else{
    up = 0;
    for(i=46; i<n; i++) if( c->z[i]!='0' ) up = 1;
    if( !up ) up = (c->z[44]-'0') & 1;
  }
  c->z[45] = 0;
  if( up ){
    for(i=44; i>=0 && c->z[i]=='9'; i--) c->z[i] = '0';
    if( i<0 ){ memmove(c->z+1, c->z, 46); c->z[0] = '1'; c->exp++; }
    else c->z[i]++;
  }
  n = 45;
  while( n>0 && c->z[n-1]=='0' ) n--;
  c->z[n] = 0;
}

/* Canonical form of a numeric value. */
static void canonOf(const Value *v, Canon *c){
  char z[1600];
  if( SQLT_IS_BINARY_INT(v->type) ){
    snprintf(z, sizeof(z), "%lld", (long long)v->u.i);
    canonFromText(c, z, 0);
  }else if( SQLT_IS_DECIMAL_REP(v->type) ){
    const Dec45 *d = &v->u.dec;
    snprintf(z, sizeof(z), "%s%u%09u%09u%09u%09u", d->neg ? "-" : "",
             d->aLimb[4], d->aLimb[3], d->aLimb[2], d->aLimb[1], d->aLimb[0]);
    canonFromText(c, z, d->exponent);
  }else{
    int e, prec;
    frexp(v->u.d, &e);
    prec = 60 - e;
    if( prec<0 ) prec = 0;
    if( prec>1100 ) prec = 1100;
    snprintf(z, sizeof(z), "%.*f", prec, v->u.d);
    canonFromText(c, z, 0);
    canonRound45(c);
  }
}

static int canonCmp(const Canon *a, const Canon *b){
  int r;
  if( a->sign!=b->sign ) return a->sign<b->sign ? -1 : 1;
  if( a->sign==0 ) return 0;
  if( a->exp!=b->exp ) r = a->exp<b->exp ? -1 : 1;
  else{ r = strcmp(a->z, b->z); r = r<0 ? -1 : r>0; }
  return a->sign*r;
}

static int cmpI(long long a, long long b){ return a<b ? -1 : a>b; }

/* PAD SPACE comparison: the shorter string is extended with blanks. */
static int padSpaceCmp(const unsigned char *a, size_t na,
                       const unsigned char *b, size_t nb){
  size_t i, n = na>nb ? na : nb;
  for(i=0; i<n; i++){
    unsigned ca = i<na ? a[i] : ' ', cb = i<nb ? b[i] : ' ';
    if( ca!=cb ) return ca<cb ? -1 : 1;
  }
  return 0;
}

/* SQL order of two non-NULL values of class cl. */
static int oracleValue(int cl, const Value *a, const Value *b){
  switch( cl ){
    case CL_NUM: {
      static Canon ca, cb;
      canonOf(a, &ca);
      canonOf(b, &cb);
      return canonCmp(&ca, &cb);
    }
    case CL_STR:
      return padSpaceCmp((const unsigned char*)a->u.s.z, a->u.s.n,
                         (const unsigned char*)b->u.s.z, b->u.s.n);
    case CL_BIN: {
      uint32_t n = a->u.s.n<b->u.s.n ? a->u.s.n : b->u.s.n;
      int r = n ? memcmp(a->u.s.z, b->u.s.z, n) : 0;
      if( r ) return r<0 ? -1 : 1;
      return cmpI(a->u.s.n, b->u.s.n);
    }
    case CL_BOOL: return cmpI(a->u.i, b->u.i);
    case CL_DATE: return cmpI(a->u.date, b->u.date);
    case CL_TIME: return cmpI(a->u.time, b->u.time);
    case CL_TS:
      if( a->u.ts.date!=b->u.ts.date ) return cmpI(a->u.ts.date, b->u.ts.date);
      return cmpI(a->u.ts.time, b->u.ts.time);
    case CL_IVYM: return cmpI(a->u.iv.months, b->u.iv.months);
    case CL_IVDT: {
      __int128 x = (__int128)a->u.iv.seconds*1000000000 + a->u.iv.nanos;
      __int128 y = (__int128)b->u.iv.seconds*1000000000 + b->u.iv.nanos;
      return x<y ? -1 : x>y;
    }
    case CL_GLAT: case CL_GLON: return a->u.d<b->u.d ? -1 : a->u.d>b->u.d;
    case CL_GLOC:
      if( a->u.loc.lat!=b->u.loc.lat ) return a->u.loc.lat<b->u.loc.lat ? -1 : 1;
      return a->u.loc.lon<b->u.loc.lon ? -1 : a->u.loc.lon>b->u.loc.lon;
    case CL_GXY:
      if( a->u.xy.x!=b->u.xy.x ) return cmpI(a->u.xy.x, b->u.xy.x);
      return cmpI(a->u.xy.y, b->u.xy.y);
    default: {
      int r = memcmp(a->u.uuid, b->u.uuid, 16);
      return r<0 ? -1 : r>0;
    }
  }
}

/* ORDER BY order: NULLs last ascending, first descending. */
static int oracle(int cl, const Value *a, const Value *b, int desc){
  int r;
  if( a->isNull || b->isNull ) r = a->isNull - b->isNull;
  else r = oracleValue(cl, a, b);
  return desc ? -r : r;
}

/* ------------------------------------------------------------- codec use */

/* memcmp order of two byte strings, a proper prefix first. */
static int byteCmp(const unsigned char *a, size_t na, const unsigned char *b, size_t nb){
  size_t n = na<nb ? na : nb;
  int r = n ? memcmp(a, b, n) : 0;
  if( r ) return r<0 ? -1 : 1;
  return na<nb ? -1 : na>nb;
}

/* Encode one column into k (reset first).  Returns the codec's rc. */
static int enc1(StrBuf *k, const TV *p, int desc){
  strbufReset(k);
  return keyAppendValue(k, &p->v, &p->t, desc);
}

/* ------------------------------------------------------------ generators */

/* Decimal from a digit string (<= 45 digits) times 10^e. */
static void decFromDigits(Dec45 *d, int neg, const char *z, int n, int e){
  static const uint32_t aPow[9] = {1,10,100,1000,10000,100000,1000000,
                                   10000000,100000000};
  int i;
  memset(d, 0, sizeof(*d));
  for(i=0; i<n; i++){
    int k = n-1-i;
    d->aLimb[i/9] += (uint32_t)(z[k]-'0')*aPow[i%9];
  }
  d->exponent = (int16_t)e;
  d->neg = (uint8_t)(neg && (d->aLimb[0]|d->aLimb[1]|d->aLimb[2]|d->aLimb[3]|d->aLimb[4]));
}

/* A number spec: +-z x 10^e, z 1..45 digits without leading zero. */
typedef struct NumSpec {
  int neg;
  char z[46];
  int n;
  int e;
} NumSpec;

static void specRandom(NumSpec *s){
  unsigned r = rnd(10), i;
  s->neg = rnd(3)==0;
  s->n = r<4 ? 1 + (int)rnd(3) : r<6 ? 45 : r<7 ? 17 : 1 + (int)rnd(45);
  for(i=0; i<(unsigned)s->n; i++){
    unsigned k = rnd(10);
    s->z[i] = (char)('0' + (rnd(4)==0 ? (rnd(2) ? 9 : 0) : k));
  }
  if( s->z[0]=='0' ) s->z[0] = (char)('1' + rnd(9));
  s->z[s->n] = 0;
  r = rnd(10);
  if( r<6 ) s->e = (int)rnd(9) - 6;
  else if( r<8 ) s->e = (int)rnd(41) - 20;
  else if( r<9 ) s->e = 999 - s->n - (int)rnd(3);       /* near FLOAT(p) max */
  else s->e = -999 - (int)rnd(3);                      /* near FLOAT(p) min */
}

/* Change s slightly: last digit +-1, one more digit, exponent +-1, sign. */
static void specMutate(NumSpec *s){
  switch( rnd(5) ){
    case 0: {
      char *c = &s->z[s->n-1];
      if( *c=='9' || (*c!='0' && rnd(2)) ) (*c)--; else (*c)++;
      if( s->z[0]=='0' ) s->z[0] = '1';
      break;
    }
    case 1:
      if( s->n<45 ){ s->z[s->n++] = (char)('0' + rnd(10)); s->z[s->n] = 0; s->e--; }
      break;
    case 2: s->e += rnd(2) ? 1 : -1; break;
    case 3: s->neg = !s->neg; break;
    default: break;     /* the same value, maybe in another type */
  }
}

/* Text of spec s for strtod/strtoll: "[-]digitsE<e>". */
static void specText(const NumSpec *s, char *z, size_t n){
  snprintf(z, n, "%s%sE%d", s->neg ? "-" : "", s->z, s->e);
}

/*
** Realize spec s in a value of numeric type id (falling back to DECIMAL
** or FLOAT(p) when id cannot hold it).
*/
static void realize(TV *p, const NumSpec *s, int id){
  char z[80];
  memset(&p->v, 0, sizeof(p->v));
  memset(&p->t, 0, sizeof(p->t));
  if( SQLT_IS_BINARY_INT(id) ){
    if( s->e>=0 && s->n + s->e<=18 ){
      long long v = 0;
      int i;
      for(i=0; i<s->n + s->e; i++) v = v*10 + (i<s->n ? s->z[i] - '0' : 0);
      if( s->neg ) v = -v;
      if( v>=-32768 && v<=32767 ) id = rnd(3)==0 ? SQLT_SMALLINT : id;
      if( id==SQLT_SMALLINT && (v<-32768 || v>32767) ) id = SQLT_INTEGER;
      if( id==SQLT_INTEGER && (v<INT32_MIN || v>INT32_MAX) ) id = SQLT_BIGINT;
      p->v.type = p->t.id = (uint8_t)id;
      p->v.u.i = v;
      return;
    }
    id = SQLT_DECIMAL;
  }
  if( SQLT_IS_IEEE(id) ){
    double d;
    specText(s, z, sizeof(z));
    d = strtod(z, 0);
    if( id==SQLT_REAL ) d = (float)d;
    if( isfinite(d) ){
      p->v.type = p->t.id = (uint8_t)id;
      p->v.u.d = d;
      return;
    }
    id = SQLT_FLOAT_P;
  }
  {
    int nZero = 0, e = s->e;
    char zz[46];
    if( id==SQLT_INTEGER_P && (s->e<0 || s->n + s->e>45) ) id = SQLT_DECIMAL;
    if( id==SQLT_INTEGER_P && rnd(2) ){ nZero = s->e; e = 0; }
    if( id!=SQLT_INTEGER_P && rnd(3)==0 ){
      nZero = (int)rnd(46 - (unsigned)s->n);            /* 1 -> 1.000 */
      e -= nZero;
    }
    memcpy(zz, s->z, (size_t)s->n);
    memset(zz + s->n, '0', (size_t)nZero);
    decFromDigits(&p->v.u.dec, s->neg, zz, s->n + nZero, e);
    p->v.type = p->t.id = (uint8_t)id;
    p->t.precision = 45;
    p->t.scale = (uint8_t)(e<0 && e>=-45 ? -e : 0);
  }
}

static const int aNumType[] = { SQLT_SMALLINT, SQLT_INTEGER, SQLT_BIGINT,
  SQLT_INTEGER_P, SQLT_DECIMAL, SQLT_FLOAT_P, SQLT_REAL, SQLT_DOUBLE };

/* A double with random bits (finite), or a denormal/extreme one. */
static double randomDouble(void){
  double d;
  uint64_t u;
  switch( rnd(6) ){
    case 0: return DBL_MAX * (rnd(2) ? 1 : -1);
    case 1: return DBL_TRUE_MIN * (1 + rnd(1000)) * (rnd(2) ? 1 : -1);
    case 2: return (double)(int64_t)testRandom() / (double)(1 + rnd(1000));
    default:
      do{ u = testRandom(); memcpy(&d, &u, 8); }while( !isfinite(d) );
      return d;
  }
}

/* A pair of numbers, a of type idA, that are often equal or close. */
static void genNumPair(TV *a, TV *b, int idA){
  NumSpec s;
  int idB = aNumType[rnd(8)];
  unsigned mode = rnd(8);
  if( mode==0 && SQLT_IS_IEEE(idA) ){
    double d = randomDouble();
    memset(&a->v, 0, sizeof(a->v));
    memset(&a->t, 0, sizeof(a->t));
    a->v.type = a->t.id = (uint8_t)idA;
    a->v.u.d = idA==SQLT_REAL ? (float)d : d;
    if( !isfinite(a->v.u.d) ) a->v.u.d = 1.5;
    *b = *a;
    if( rnd(2) ) b->v.u.d = nextafter(a->v.u.d, rnd(2) ? INFINITY : -INFINITY);
    else b->v.u.d = -a->v.u.d;
    if( !isfinite(b->v.u.d) ) b->v.u.d = a->v.u.d;
    return;
  }
  if( mode==1 && SQLT_IS_BINARY_INT(idA) ){
    int64_t v = rnd(4)==0 ? INT64_MIN + (int64_t)rnd(3) :
                rnd(3)==0 ? INT64_MAX - (int64_t)rnd(3) : (int64_t)testRandom();
    memset(&a->v, 0, sizeof(a->v));
    memset(&a->t, 0, sizeof(a->t));
    a->v.type = a->t.id = SQLT_BIGINT;
    a->v.u.i = v;
    *b = *a;
    b->v.u.i = v + (v<0 ? 1 : -1)*(int64_t)rnd(3);
    return;
  }
  specRandom(&s);
  if( rnd(2) ){                    /* short values: exact in every type */
    int i;
    s.n = 1 + (int)rnd(3);
    for(i=0; i<s.n; i++) s.z[i] = (char)('0' + rnd(10));
    if( s.z[0]=='0' ) s.z[0] = '5';
    s.z[s.n] = 0;
    s.e = (int)rnd(5) - 2;
  }
  realize(a, &s, idA);
  if( mode>=6 ) specRandom(&s);
  else specMutate(&s);
  realize(b, &s, idB);
}

/* Bytes strings are made of: blanks, low bytes, ASCII, Latin-1, UTF-8. */
static const char *azPiece[] = {
  " ", " ", " ", "a", "b", "\x01", "\x00", "\x1f", "!", "~", "\x7f",
  "\xc3\xa9" /* e acute */, "\xc3\xbf" /* y diaeresis */, "\xc2\x80",
  "\xe2\x82\xac" /* euro */, "\xf0\x9f\x98\x80" /* emoji */, "z"
};
static const int anPiece[] = {1,1,1,1,1,1,1,1,1,1,1,2,2,2,3,4,1};

static void genStrInto(TV *p, int id){
  unsigned n = 0, i, nPiece = rnd(8) ? rnd(10) : rnd(40);
  for(i=0; i<nPiece && n+4<=MAX_STR-300; i++){
    unsigned k = rnd(sizeof(anPiece)/sizeof(anPiece[0]));
    memcpy(p->buf + n, azPiece[k], (size_t)anPiece[k]);
    n += (unsigned)anPiece[k];
    if( k<3 && rnd(20)==0 ){         /* a long blank run (>= 251 sometimes) */
      unsigned r = rnd(300);
      memset(p->buf + n, ' ', r);
      n += r;
    }
  }
  if( rnd(3)==0 ){ unsigned r = rnd(5); memset(p->buf + n, ' ', r); n += r; }
  memset(&p->v, 0, sizeof(p->v));
  memset(&p->t, 0, sizeof(p->t));
  p->v.type = p->t.id = (uint8_t)id;
  p->t.length = MAX_STR;
  p->v.u.s.z = (const char*)p->buf;
  p->v.u.s.n = n;
}

/* Copy a into b keeping b's string pointer inside b. */
static void tvCopy(TV *b, const TV *a){
  memcpy(b, a, sizeof(*b));
  if( SQLT_IS_CHARACTER(a->v.type) || SQLT_IS_BINARYSTR(a->v.type) ){
    b->v.u.s.z = (const char*)b->buf;
  }
}

/* Mutate string/binary b: change, insert or delete a byte, add blanks, cut. */
static void mutateBytes(TV *b, int isStr){
  unsigned n = b->v.u.s.n, i;
  unsigned char *z = b->buf;
  static const unsigned char aByte[] = {' ', 0x00, 0x01, 0x1f, 0x21, 'a', 0x7f,
                                        0x80, 0xc3, 0xff, 0x20, 0x20};
  switch( rnd(6) ){
    case 0: if( n ) z[rnd(n)] = aByte[rnd(sizeof(aByte))]; break;
    case 1:
      if( n+1<MAX_STR ){
        i = rnd(n+1);
        memmove(z+i+1, z+i, n-i);
        z[i] = aByte[rnd(sizeof(aByte))];
        n++;
      }
      break;
    case 2: if( n ){ i = rnd(n); memmove(z+i, z+i+1, n-i-1); n--; } break;
    case 3:
      if( isStr ){ unsigned r = rnd(4)+1; if( n+r<MAX_STR ){ memset(z+n, ' ', r); n += r; } }
      else if( n+1<MAX_STR ){ z[n++] = 0; }
      break;
    case 4: n = rnd(n+1); break;
    default: break;
  }
  b->v.u.s.n = n;
}

static void genBinInto(TV *p, int id){
  static const unsigned char aByte[] = {0x00, 0x00, 0x01, 0xFF, 0xFE, 0x7F, 0x80};
  unsigned n = rnd(10), i;
  for(i=0; i<n; i++) p->buf[i] = rnd(3) ? aByte[rnd(sizeof(aByte))] : (unsigned char)rnd(256);
  memset(&p->v, 0, sizeof(p->v));
  memset(&p->t, 0, sizeof(p->t));
  p->v.type = p->t.id = (uint8_t)id;
  p->t.length = MAX_STR;
  p->v.u.s.z = (const char*)p->buf;
  p->v.u.s.n = n;
}

#define MAX_DAY 3652058LL

/* Random degrees within +-lim: the ends, zero, tiny values, or any. */
static double genDegrees(double lim){
  switch( rnd(6) ){
    case 0: return rnd(2) ? lim : -lim;
    case 1: return 0.0;
    case 2: return (rnd(2) ? 1 : -1) * 1e-300 * (double)(rnd(1000) + 1);
    default: return ((double)testRandom() / 18446744073709551615.0 * 2.0 - 1.0) * lim;
  }
}

/* Degrees d moved by one representable step (kept within +-lim, never -0). */
static double nudgeDegrees(double d, double lim){
  double r = rnd(2) ? nextafter(d, lim) : nextafter(d, -lim);
  if( r==0.0 ) r = 0.0;
  return r>lim || r<-lim ? d : r;
}

/* A random 32-bit coordinate part: extremes, small, or any. */
static int32_t genXy(void){
  switch( rnd(4) ){
    case 0: return rnd(2) ? INT32_MAX : INT32_MIN;
    case 1: return (int32_t)rnd(7) - 3;
    default: return (int32_t)(uint32_t)testRandom();
  }
}

/* Random value of a fixed-size class (extremes included). */
static void genFixedInto(TV *p, int cl){
  static const int aDtKind[] = {IVK_DAY, IVK_HOUR, IVK_MINUTE, IVK_SECOND,
    IVK_DAY_TO_HOUR, IVK_DAY_TO_MINUTE, IVK_DAY_TO_SECOND, IVK_HOUR_TO_MINUTE,
    IVK_HOUR_TO_SECOND, IVK_MINUTE_TO_SECOND};
  static const int aYmKind[] = {IVK_YEAR, IVK_MONTH, IVK_YEAR_TO_MONTH};
  memset(&p->v, 0, sizeof(p->v));
  memset(&p->t, 0, sizeof(p->t));
  switch( cl ){
    case CL_BOOL: p->v.type = SQLT_BOOLEAN; p->v.u.i = rnd(2); break;
    case CL_DATE:
      p->v.type = SQLT_DATE;
      p->v.u.date = (SqlDate)(rnd(5)==0 ? (rnd(2) ? 0 : MAX_DAY) : rnd(MAX_DAY+1));
      break;
    case CL_TIME:
      p->v.type = SQLT_TIME;
      p->v.u.time = rnd(5)==0 ? (rnd(2) ? 0 : DT_NANOS_PER_DAY-1)
                              : (SqlTime)(testRandom() % DT_NANOS_PER_DAY);
      break;
    case CL_TS:
      p->v.type = SQLT_TIMESTAMP;
      p->v.u.ts.date = (SqlDate)(rnd(5)==0 ? (rnd(2) ? 0 : MAX_DAY) : rnd(MAX_DAY+1));
      p->v.u.ts.time = rnd(5)==0 ? (rnd(2) ? 0 : DT_NANOS_PER_DAY-1)
                                 : (SqlTime)(testRandom() % DT_NANOS_PER_DAY);
      break;
    case CL_IVYM:
      p->v.type = SQLT_INTERVAL;
      p->t.intervalKind = (uint8_t)aYmKind[rnd(3)];
      p->v.u.iv.months = rnd(4)==0 ? (int64_t)rnd(25) - 12
                                   : (int64_t)(testRandom() % 240000000) - 120000000;
      break;
    case CL_IVDT: {
      int64_t s = rnd(3)==0 ? (int64_t)rnd(5) - 2
                            : (int64_t)(testRandom() % 2000000000000LL) - 1000000000000LL;
      int32_t ns = rnd(3)==0 ? 0 : (int32_t)rnd(1000000000);
      p->v.type = SQLT_INTERVAL;
      p->t.intervalKind = (uint8_t)aDtKind[rnd(10)];
      if( s<0 || (s==0 && rnd(2)) ) ns = -ns;
      p->v.u.iv.seconds = s;
      p->v.u.iv.nanos = ns;
      break;
    }
    case CL_GLAT: case CL_GLON:
      p->v.type = cl==CL_GLAT ? SQLT_GIS_LATITUDE : SQLT_GIS_LONGITUDE;
      p->v.u.d = genDegrees(cl==CL_GLAT ? 90.0 : 180.0);
      break;
    case CL_GLOC:
      p->v.type = SQLT_GIS_LOCATION;
      p->v.u.loc.lat = genDegrees(90.0);
      p->v.u.loc.lon = genDegrees(180.0);
      break;
    case CL_GXY:
      p->v.type = SQLT_GIS_COORDINATE;
      p->v.u.xy.x = genXy();
      p->v.u.xy.y = genXy();
      break;
    default: {
      int i;
      p->v.type = SQLT_UUID;
      for(i=0; i<16; i++) p->v.u.uuid[i] = (uint8_t)(rnd(3) ? rnd(256) : (rnd(2) ? 0 : 255));
      break;
    }
  }
  p->t.id = p->v.type;
  p->t.scale = 9;
}

/* Nudge a fixed-size value so that pairs are often equal or adjacent. */
static void nudgeFixed(TV *p, int cl){
  int d = (int)rnd(3) - 1;
  switch( cl ){
    case CL_BOOL: p->v.u.i = rnd(2); break;
    case CL_DATE: if( p->v.u.date + d>=0 && p->v.u.date + d<=MAX_DAY ) p->v.u.date += d; break;
    case CL_TIME: if( p->v.u.time + d>=0 && p->v.u.time + d<DT_NANOS_PER_DAY ) p->v.u.time += d; break;
    case CL_TS:
      if( rnd(2) ){ if( p->v.u.ts.time + d>=0 && p->v.u.ts.time + d<DT_NANOS_PER_DAY ) p->v.u.ts.time += d; }
      else if( p->v.u.ts.date + d>=0 && p->v.u.ts.date + d<=MAX_DAY ) p->v.u.ts.date += d;
      break;
    case CL_IVYM: p->v.u.iv.months += d; break;
    case CL_IVDT:
      /* Another representation of a nearby value, keeping parts same-signed. */
      if( rnd(2) ) p->v.u.iv.seconds = -p->v.u.iv.seconds, p->v.u.iv.nanos = -p->v.u.iv.nanos;
      else if( p->v.u.iv.nanos + d>-1000000000 && p->v.u.iv.nanos + d<1000000000
            && (p->v.u.iv.seconds==0 || (p->v.u.iv.seconds>0)==(p->v.u.iv.nanos + d>=0)) ){
        p->v.u.iv.nanos += d;
      }
      break;
    case CL_GLAT: case CL_GLON:
      p->v.u.d = nudgeDegrees(p->v.u.d, cl==CL_GLAT ? 90.0 : 180.0);
      break;
    case CL_GLOC:
      if( rnd(2) ) p->v.u.loc.lat = nudgeDegrees(p->v.u.loc.lat, 90.0);
      else p->v.u.loc.lon = nudgeDegrees(p->v.u.loc.lon, 180.0);
      break;
    case CL_GXY:
      if( rnd(2) ){ if( (int64_t)p->v.u.xy.x + d>=INT32_MIN && (int64_t)p->v.u.xy.x + d<=INT32_MAX ) p->v.u.xy.x += d; }
      else if( (int64_t)p->v.u.xy.y + d>=INT32_MIN && (int64_t)p->v.u.xy.y + d<=INT32_MAX ) p->v.u.xy.y += d;
      break;
    default: p->v.u.uuid[rnd(16)] ^= (uint8_t)(1u << rnd(8)); break;
  }
}

/*
** A random pair of class cl: b is a copy of a, a mutation of a, or
** independent.  For numbers idA forces a's type (0 = any).  NULLs appear
** one time in sixteen.
*/
static void genPair(int cl, int idA, TV *a, TV *b){
  unsigned mode = rnd(4);
  switch( cl ){
    case CL_NUM:
      genNumPair(a, b, idA ? idA : aNumType[rnd(8)]);
      break;
    case CL_STR: {
      static const int aId[] = {SQLT_CHAR, SQLT_VARCHAR, SQLT_NCHAR, SQLT_NVARCHAR};
      genStrInto(a, idA ? idA : aId[rnd(4)]);
      if( mode==0 ) genStrInto(b, aId[rnd(4)]);
      else{
        int n = (int)rnd(3) + (mode==1 ? 0 : 1);
        tvCopy(b, a);
        b->v.type = b->t.id = (uint8_t)aId[rnd(4)];
        while( n-- ) mutateBytes(b, 1);
      }
      break;
    }
    case CL_BIN: {
      int id = idA ? idA : (rnd(2) ? SQLT_BINARY : SQLT_VARBINARY);
      genBinInto(a, id);
      if( mode==0 ) genBinInto(b, id);
      else{ tvCopy(b, a); if( mode>1 ) mutateBytes(b, 0); }
      break;
    }
    default:
      genFixedInto(a, cl);
      if( mode==0 ) genFixedInto(b, cl);
      else{
        tvCopy(b, a);
        if( cl==CL_IVYM || cl==CL_IVDT ) b->t.intervalKind = a->t.intervalKind;
        if( mode>1 ) nudgeFixed(b, cl);
      }
      break;
  }
  if( rnd(16)==0 ) a->v.isNull = 1;
  if( rnd(16)==0 ) b->v.isNull = 1;
}

/* Describe v for a failure message. */
static const char *describe(const TV *p, char *z, size_t n){
  const Value *v = &p->v;
  if( v->isNull ){ snprintf(z, n, "NULL"); return z; }
  if( SQLT_IS_BINARY_INT(v->type) ) snprintf(z, n, "int %lld", (long long)v->u.i);
  else if( SQLT_IS_IEEE(v->type) ) snprintf(z, n, "double %.17g", v->u.d);
  else if( SQLT_IS_DECIMAL_REP(v->type) ){
    Canon c;
    canonOf(v, &c);
    snprintf(z, n, "dec(type %d) sign %d 0.%sE%d", v->type, c.sign, c.z, c.exp);
  }else if( SQLT_IS_CHARACTER(v->type) || SQLT_IS_BINARYSTR(v->type) ){
    size_t o = 0;
    uint32_t i;
    o += (size_t)snprintf(z, n, "type %d '", v->type);
    for(i=0; i<v->u.s.n && o+8<n; i++){
      unsigned char c = (unsigned char)v->u.s.z[i];
      o += (size_t)snprintf(z+o, n-o, c>=0x21 && c<0x7f ? "%c" : "\\x%02x", c);
    }
    snprintf(z+o, n-o, "'");
  }else{
    snprintf(z, n, "type %d %lld/%lld", v->type, (long long)v->u.ts.date, (long long)v->u.ts.time);
  }
  return z;
}

/* ------------------------------------------------------------------ tests */

/*
** Check the encoding order of one pair against the oracle, ASC and DESC,
** and that a decodes to a value that re-encodes to the same bytes.
*/
static void checkPair(int cl, const TV *a, const TV *b, Arena *pArena){
  unsigned char aA[2048], aB[2048];
  StrBuf ka, kb;
  int desc;
  strbufInit(&ka, aA, sizeof(aA));
  strbufInit(&kb, aB, sizeof(aB));
  for(desc=0; desc<2; desc++){
    int want = oracle(cl, &a->v, &b->v, desc), got;
    CHECK_EQ_INT(enc1(&ka, a, desc), ML_OK);
    CHECK_EQ_INT(enc1(&kb, b, desc), ML_OK);
    got = byteCmp(ka.a, ka.n, kb.a, kb.n);
    testChecks++;
    if( got!=want ){
      char z1[2000], z2[2000];
      testFail(__FILE__, __LINE__, "%s%s: key order %d, SQL order %d for %s vs %s",
               azClass[cl], desc ? " DESC" : "", got, want,
               describe(a, z1, sizeof(z1)), describe(b, z2, sizeof(z2)));
    }
    if( !desc && !a->v.isNull && !b->v.isNull ){
      /* Second oracle: the engine's valueCompare (exact numbers).  Keys
      ** hold doubles rounded to 45 digits, so the only allowed difference
      ** is a key tie between a double and a decimal equal to its rounding. */
      int vc = 2;
      testChecks++;
      if( valueCompare(&a->v, &a->t, &b->v, &b->t, &vc)!=ML_OK
       || (vc!=got && !(got==0 && cl==CL_NUM
                        && SQLT_IS_IEEE(a->v.type)!=SQLT_IS_IEEE(b->v.type))) ){
        char z1[2000], z2[2000];
        testFail(__FILE__, __LINE__, "%s: key order %d, valueCompare %d for %s vs %s",
                 azClass[cl], got, vc,
                 describe(a, z1, sizeof(z1)), describe(b, z2, sizeof(z2)));
      }
      if( vc!=got ) nRoundingTies++;
    }
  }
  {
    /* Decode a's ascending or descending key and re-encode it. */
    const unsigned char *p;
    Value v;
    TV d;
    int rc;
    desc = (int)rnd(2);
    enc1(&ka, a, desc);
    p = ka.a;
    rc = keyDecodeValue(&p, ka.a + ka.n, &a->t, desc, pArena, &v);
    CHECK_EQ_INT(rc, ML_OK);
    CHECK(p==ka.a + ka.n);
    if( rc==ML_OK ){
      memcpy(&d.v, &v, sizeof(v));
      d.t = a->t;
      CHECK_EQ_INT(oracle(cl, &a->v, &d.v, 0), 0);
      CHECK_EQ_INT(enc1(&kb, &d, desc), ML_OK);
      CHECK(byteCmp(ka.a, ka.n, kb.a, kb.n)==0);
      if( SQLT_IS_IEEE(a->v.type) && !a->v.isNull ) CHECK(d.v.u.d==a->v.u.d);
    }
  }
  CHECK(!ka.onHeap && !kb.onHeap);        /* no allocation on stack storage */
  strbufFree(&ka);
  strbufFree(&kb);
}

/* Random pairs of every class, numbers once per numeric type of a. */
static void test_single_column_order_matches_sql_order(void){
  static TV a, b;
  Arena arena;
  int cl, iType, i;
  arenaInit(&arena, 4096);
  for(iType=0; iType<8; iType++){
    for(i=0; i<N_PAIRS; i++){
      genPair(CL_NUM, aNumType[iType], &a, &b);
      checkPair(CL_NUM, &a, &b, &arena);
      if( (i & 255)==0 ) arenaReset(&arena);
    }
  }
  for(cl=CL_STR; cl<CL_COUNT; cl++){
    int nRep = cl==CL_STR ? 4 : cl==CL_BIN ? 2 : 1;
    static const int aStrId[] = {SQLT_CHAR, SQLT_VARCHAR, SQLT_NCHAR, SQLT_NVARCHAR};
    static const int aBinId[] = {SQLT_BINARY, SQLT_VARBINARY};
    int r;
    for(r=0; r<nRep; r++){
      int id = cl==CL_STR ? aStrId[r] : cl==CL_BIN ? aBinId[r] : 0;
      for(i=0; i<N_PAIRS; i++){
        genPair(cl, id, &a, &b);
        checkPair(cl, &a, &b, &arena);
        if( (i & 255)==0 ) arenaReset(&arena);
      }
    }
  }
  fprintf(stderr, "   %d double/decimal ties at the 45th digit\n", nRoundingTies);
  arenaFree(&arena);
}

/* Tuples of 3 columns of random classes and directions, compared whole. */
static void test_multi_column_order_is_lexicographic(void){
  static TV a[3], b[3];
  unsigned char aA[2048], aB[2048];
  StrBuf ka, kb;
  int i, j;
  strbufInit(&ka, aA, sizeof(aA));
  strbufInit(&kb, aB, sizeof(aB));
  for(i=0; i<4*N_PAIRS; i++){
    int cl[3], desc[3], want = 0, got;
    keyStart(&ka, 7);
    keyStart(&kb, 7);
    for(j=0; j<3; j++){
      cl[j] = (int)rnd(CL_COUNT);
      desc[j] = (int)rnd(2);
      genPair(cl[j], 0, &a[j], &b[j]);
      if( rnd(2) ){ tvCopy(&b[j], &a[j]); }        /* many ties in front */
      if( cl[j]==CL_IVYM || cl[j]==CL_IVDT ) b[j].t = a[j].t;
      CHECK_EQ_INT(keyAppendValue(&ka, &a[j].v, &a[j].t, desc[j]), ML_OK);
      CHECK_EQ_INT(keyAppendValue(&kb, &b[j].v, &b[j].t, desc[j]), ML_OK);
      if( want==0 ) want = oracle(cl[j], &a[j].v, &b[j].v, desc[j]);
    }
    got = byteCmp(ka.a, ka.n, kb.a, kb.n);
    testChecks++;
    if( got!=want ){
      char z1[2000], z2[2000];
      testFail(__FILE__, __LINE__, "3-column key order %d, SQL order %d", got, want);
      for(j=0; j<3; j++){
        fprintf(stderr, "  col %d %s%s: %s | %s\n", j, azClass[cl[j]], desc[j] ? " DESC" : "",
                describe(&a[j], z1, sizeof(z1)), describe(&b[j], z2, sizeof(z2)));
      }
    }
  }
  strbufFree(&ka);
  strbufFree(&kb);
}

/* Encode value v of type t into k (one ASC column). */
static void encNum(StrBuf *k, const TV *p){
  CHECK_EQ_INT(enc1(k, p, 0), ML_OK);
}

/* 1 = 1.0 = 1E0 = 1.00 across every numeric type, and other fixed cases. */
static void test_equal_numbers_encode_identically(void){
  static TV a, b;
  unsigned char aA[128], aB[128];
  StrBuf ka, kb;
  NumSpec s;
  int i, j, k;
  static const char *azVal[] = {"1", "10", "5", "25", "100", "32767", "0", "7"};
  strbufInit(&ka, aA, sizeof(aA));
  strbufInit(&kb, aB, sizeof(aB));
  for(i=0; i<(int)(sizeof(azVal)/sizeof(azVal[0])); i++){
    for(k=0; k<2; k++){
      memset(&s, 0, sizeof(s));
      strcpy(s.z, azVal[i]);
      s.n = (int)strlen(s.z);
      s.neg = k;
      if( s.z[0]=='0' ){ s.n = 1; }
      for(j=0; j<8; j++){
        int m;
        realize(&a, &s, aNumType[j]);
        for(m=0; m<8; m++){
          realize(&b, &s, aNumType[m]);
          encNum(&ka, &a);
          encNum(&kb, &b);
          CHECK(ka.n==kb.n && memcmp(ka.a, kb.a, ka.n)==0);
        }
      }
    }
  }
  /* DECIMAL 1.00 (coefficient 100, exponent -2) vs INTEGER 1 vs DOUBLE 1E0. */
  memset(&a, 0, sizeof(a));
  a.v.type = a.t.id = SQLT_DECIMAL;
  decFromDigits(&a.v.u.dec, 0, "100", 3, -2);
  encNum(&ka, &a);
  memset(&b, 0, sizeof(b));
  b.v.type = b.t.id = SQLT_DOUBLE;
  b.v.u.d = 1e0;
  encNum(&kb, &b);
  CHECK(ka.n==kb.n && memcmp(ka.a, kb.a, ka.n)==0);
  /* -0.0 is zero. */
  b.v.u.d = -0.0;
  encNum(&kb, &b);
  a.v.type = a.t.id = SQLT_INTEGER;
  a.v.u.i = 0;
  encNum(&ka, &a);
  CHECK(ka.n==kb.n && memcmp(ka.a, kb.a, ka.n)==0);
  /* The exact decimal 0.1 sorts below the double 0.1 (0.1000000000000000055...). */
  memset(&a, 0, sizeof(a));
  a.v.type = a.t.id = SQLT_DECIMAL;
  decFromDigits(&a.v.u.dec, 0, "1", 1, -1);
  b.v.u.d = 0.1;
  encNum(&ka, &a);
  encNum(&kb, &b);
  CHECK(byteCmp(ka.a, ka.n, kb.a, kb.n)<0);
  /* ... and the double equals its 45-digit rounding (documented). */
  decFromDigits(&a.v.u.dec, 0, "100000000000000005551115123125782702118158340", 45, -45);
  encNum(&ka, &a);
  CHECK(ka.n==kb.n && memcmp(ka.a, kb.a, ka.n)==0);
  {
    int c = 0;                  /* while valueCompare, exact, tells them apart */
    CHECK_EQ_INT(valueCompare(&a.v, &a.t, &b.v, &b.t, &c), ML_OK);
    CHECK_EQ_INT(c, -1);
  }
  /* 45-digit values differing in the last digit. */
  decFromDigits(&a.v.u.dec, 1, "999999999999999999999999999999999999999999998", 45, 954);
  decFromDigits(&b.v.u.dec, 1, "999999999999999999999999999999999999999999999", 45, 954);
  b.v.type = b.t.id = SQLT_FLOAT_P;
  encNum(&ka, &a);
  encNum(&kb, &b);
  CHECK(byteCmp(ka.a, ka.n, kb.a, kb.n)>0);
  strbufFree(&ka);
  strbufFree(&kb);
}

/* PAD SPACE cases spelled out, including the ones that surprise. */
static void test_pad_space_string_order(void){
  static const struct { const char *a; int na; const char *b; int nb; int want; } aCase[] = {
    {"a", 1, "a   ", 4, 0},
    {"", 0, "   ", 3, 0},
    {"a\x01", 2, "a", 1, -1},          /* 0x01 < implicit blank */
    {"a\x00", 2, "a", 1, -1},
    {"a\x1f", 2, "a ", 2, -1},
    {"a!", 2, "a", 1, 1},
    {"a \x01", 3, "a", 1, -1},         /* blank run then low byte: below the end */
    {"a b", 3, "a", 1, 1},
    {"a  b", 4, "a b", 3, -1},         /* longer up-run sorts lower */
    {"a \x01", 3, "a  \x01", 4, -1},   /* longer down-run sorts higher */
    {"a\xc3\xa9", 3, "a\x7f", 2, 1},   /* code point order */
    {"\xe2\x82\xac", 3, "\xc3\xbf", 2, 1},
  };
  unsigned char aA[128], aB[128];
  StrBuf ka, kb;
  TV a, b;
  int i;
  strbufInit(&ka, aA, sizeof(aA));
  strbufInit(&kb, aB, sizeof(aB));
  memset(&a, 0, sizeof(a));
  memset(&b, 0, sizeof(b));
  a.v.type = a.t.id = SQLT_VARCHAR;
  b.v.type = b.t.id = SQLT_CHAR;
  for(i=0; i<(int)(sizeof(aCase)/sizeof(aCase[0])); i++){
    a.v.u.s.z = aCase[i].a; a.v.u.s.n = (uint32_t)aCase[i].na;
    b.v.u.s.z = aCase[i].b; b.v.u.s.n = (uint32_t)aCase[i].nb;
    enc1(&ka, &a, 0);
    enc1(&kb, &b, 0);
    CHECK_EQ_INT(byteCmp(ka.a, ka.n, kb.a, kb.n), aCase[i].want);
    CHECK_EQ_INT(padSpaceCmp((const unsigned char*)aCase[i].a, (size_t)aCase[i].na,
                             (const unsigned char*)aCase[i].b, (size_t)aCase[i].nb),
                 aCase[i].want);
  }
  strbufFree(&ka);
  strbufFree(&kb);
}

/* CHAR(n) keys decode padded to n characters; VARCHAR without blanks. */
static void test_decode_pads_char(void){
  unsigned char aK[64];
  StrBuf k;
  Arena arena;
  TV a;
  Value v;
  const unsigned char *p;
  strbufInit(&k, aK, sizeof(aK));
  arenaInit(&arena, 1024);
  memset(&a, 0, sizeof(a));
  a.v.type = a.t.id = SQLT_NCHAR;
  a.t.length = 5;
  a.v.u.s.z = "\xc3\xa9t\xc3\xa9 ";
  a.v.u.s.n = 6;
  enc1(&k, &a, 1);
  p = k.a;
  CHECK_EQ_INT(keyDecodeValue(&p, k.a + k.n, &a.t, 1, &arena, &v), ML_OK);
  CHECK(v.u.s.n==7 && memcmp(v.u.s.z, "\xc3\xa9t\xc3\xa9  ", 7)==0);
  a.t.id = SQLT_NVARCHAR;
  p = k.a;
  CHECK_EQ_INT(keyDecodeValue(&p, k.a + k.n, &a.t, 1, &arena, &v), ML_OK);
  CHECK(v.u.s.n==5 && v.type==SQLT_NVARCHAR);
  /* Skipping a column needs no output and no arena. */
  p = k.a;
  CHECK_EQ_INT(keyDecodeValue(&p, k.a + k.n, &a.t, 1, 0, 0), ML_OK);
  CHECK(p==k.a + k.n);
  /* A key cut short, or of another class, is malformed. */
  p = k.a;
  CHECK_EQ_INT(keyDecodeValue(&p, k.a + k.n - 1, &a.t, 1, &arena, &v), ML_E_STORAGE);
  {
    SqlType t = {SQLT_DATE, 0, 0, 0, 0};
    p = k.a;
    CHECK_EQ_INT(keyDecodeValue(&p, k.a + k.n, &t, 1, &arena, &v), ML_E_STORAGE);
  }
  arenaFree(&arena);
  strbufFree(&k);
}

/* Truncated or corrupted keys are rejected or decoded, never overread. */
static void test_decode_rejects_garbage(void){
  static TV a, b;
  unsigned char aK[1024];
  StrBuf k;
  Arena arena;
  int i;
  strbufInit(&k, aK, sizeof(aK));
  arenaInit(&arena, 4096);
  for(i=0; i<50000; i++){
    int cl = (int)rnd(CL_COUNT), desc = (int)rnd(2), rc;
    const unsigned char *p;
    unsigned char *pKey;
    Value v;
    size_t n;
    genPair(cl, 0, &a, &b);
    if( enc1(&k, &a, desc)!=ML_OK || k.n==0 ) continue;
    n = k.n;
    if( rnd(2) ) n = rnd((unsigned)n + 1);
    else k.a[rnd((unsigned)n)] ^= (unsigned char)(1u << rnd(8));
    pKey = malloc(n ? n : 1);          /* exact size: ASan sees overreads */
    memcpy(pKey, k.a, n);
    p = pKey;
    rc = keyDecodeValue(&p, pKey + n, &a.t, desc, &arena, &v);
    CHECK(rc==ML_OK || rc==ML_E_STORAGE);
    CHECK(p>=pKey && p<=pKey + n);
    free(pKey);
    if( (i & 255)==0 ) arenaReset(&arena);
  }
  arenaFree(&arena);
  strbufFree(&k);
}

/* Tree ids, tree bounds and prefix successors. */
static void test_tree_bounds(void){
  unsigned char a[8], aEnd[4];
  unsigned char aK[64];
  StrBuf k;
  size_t n;
  TV v;
  strbufInit(&k, aK, sizeof(aK));
  keyEncodeTreeId(0x01020304u, a);
  CHECK(a[0]==1 && a[1]==2 && a[2]==3 && a[3]==4);
  CHECK(keyDecodeTreeId(a)==0x01020304u);
  CHECK_EQ_INT(keyTreeEnd(0x010203FFu, aEnd), ML_OK);
  CHECK(keyDecodeTreeId(aEnd)==0x01020400u);
  CHECK_EQ_INT(keyTreeEnd(UINT32_MAX, aEnd), ML_NOTFOUND);
  CHECK_EQ_INT(keyPrefixSuccessor("ab\xff\xff", 4, a, &n), ML_OK);
  CHECK(n==2 && a[0]=='a' && a[1]=='c');
  CHECK_EQ_INT(keyPrefixSuccessor("\xff\xff", 2, a, &n), ML_NOTFOUND);
  CHECK_EQ_INT(keyPrefixSuccessor("", 0, a, &n), ML_NOTFOUND);
  /* A key of tree 9 with a NULL (largest tag) DESC/ASC stays below tree 10. */
  memset(&v, 0, sizeof(v));
  v.v.type = v.t.id = SQLT_INTEGER;
  v.v.isNull = 1;
  keyStart(&k, 9);
  keyAppendValue(&k, &v.v, &v.t, 0);
  keyAppendValue(&k, &v.v, &v.t, 0);
  keyTreeEnd(9, aEnd);
  CHECK(byteCmp(k.a, k.n, aEnd, 4)<0);
  keyEncodeTreeId(9, a);
  CHECK(byteCmp(k.a, k.n, a, 4)>0);
  CHECK(keyDecodeTreeId(k.a)==9);
  strbufFree(&k);
}

/* Build a key of tree 3: a string column then an integer column. */
static void longKey(StrBuf *k, const unsigned char *z, uint32_t n, int64_t i, int *pbTrunc){
  TV s, v;
  memset(&s, 0, sizeof(s));
  memset(&v, 0, sizeof(v));
  s.v.type = s.t.id = SQLT_VARCHAR;
  s.v.u.s.z = (const char*)z;
  s.v.u.s.n = n;
  v.v.type = v.t.id = SQLT_BIGINT;
  v.v.u.i = i;
  keyStart(k, 3);
  CHECK_EQ_INT(keyAppendValue(k, &s.v, &s.t, 0), ML_OK);
  CHECK_EQ_INT(keyAppendValue(k, &v.v, &v.t, 0), ML_OK);
  CHECK_EQ_INT(keyFinish(k, pbTrunc), ML_OK);
}

/*
** Long keys: at most KEY_TRUNC_SIZE bytes, equality preserved through the
** hash, order exact when keys differ inside the kept prefix.
*/
static void test_long_keys_truncate_with_hash(void){
  static unsigned char z1[1200], z2[1200];
  unsigned char aA[2600], aB[2600];
  StrBuf ka, kb, fa, fb;
  int i, ta, tb;
  strbufInit(&ka, aA, sizeof(aA));
  strbufInit(&kb, aB, sizeof(aB));
  strbufInit(&fa, 0, 0);
  strbufInit(&fb, 0, 0);
  for(i=0; i<20000; i++){
    uint32_t n1 = 400 + rnd(700), n2, j;
    int64_t i1 = (int64_t)rnd(3), i2;
    for(j=0; j<n1; j++) z1[j] = (unsigned char)('a' + rnd(3));
    memcpy(z2, z1, n1);
    n2 = n1;
    i2 = rnd(4) ? i1 : (int64_t)rnd(3);
    switch( rnd(4) ){
      case 0: z2[rnd(n1)] = (unsigned char)('a' + rnd(3)); break;   /* anywhere */
      case 1: n2 = n1 - rnd(30); break;                           /* shorter */
      case 2: break;                                              /* equal */
      default: z2[n1 - 1 - rnd(20)] = 'b'; break;                 /* near the end */
    }
    longKey(&ka, z1, n1, i1, &ta);
    longKey(&kb, z2, n2, i2, &tb);
    /* The untruncated encodings, for reference. */
    keyStart(&fa, 3); keyStart(&fb, 3);
    {
      TV s, v;
      memset(&s, 0, sizeof(s)); memset(&v, 0, sizeof(v));
      s.v.type = s.t.id = SQLT_VARCHAR; v.v.type = v.t.id = SQLT_BIGINT;
      s.v.u.s.z = (const char*)z1; s.v.u.s.n = n1; v.v.u.i = i1;
      keyAppendValue(&fa, &s.v, &s.t, 0); keyAppendValue(&fa, &v.v, &v.t, 0);
      s.v.u.s.z = (const char*)z2; s.v.u.s.n = n2; v.v.u.i = i2;
      keyAppendValue(&fb, &s.v, &s.t, 0); keyAppendValue(&fb, &v.v, &v.t, 0);
    }
    CHECK_EQ_INT(ta, fa.n>KEY_MAX_FULL);
    CHECK_EQ_INT(keyIsTruncated(ka.a, ka.n), ta);
    CHECK(ka.n<=KEY_TRUNC_SIZE && kb.n<=KEY_TRUNC_SIZE);
    CHECK(ka.n<=LMDB_MAX_KEY);
    CHECK_EQ_INT(byteCmp(ka.a, ka.n, kb.a, kb.n)==0, byteCmp(fa.a, fa.n, fb.a, fb.n)==0);
    {
      size_t d = 0;
      while( d<fa.n && d<fb.n && fa.a[d]==fb.a[d] ) d++;
      if( d<KEY_TRUNC_PREFIX ){
        CHECK_EQ_INT(byteCmp(ka.a, ka.n, kb.a, kb.n), byteCmp(fa.a, fa.n, fb.a, fb.n));
      }
    }
    CHECK(!ka.onHeap);        /* no allocation when the stack buffer suffices */
  }
  /* A 480-byte key is kept whole; a seek prefix is cut, not hashed. */
  strbufReset(&ka);
  strbufAppend(&ka, z1, KEY_MAX_FULL);
  CHECK_EQ_INT(keyFinish(&ka, &ta), ML_OK);
  CHECK(ta==0 && ka.n==KEY_MAX_FULL && !keyIsTruncated(ka.a, ka.n));
  CHECK_EQ_INT(keyFinishPrefix(&ka, &ta), ML_OK);
  CHECK(ta==1 && ka.n==KEY_TRUNC_PREFIX);
  strbufFree(&ka);
  strbufFree(&kb);
  strbufFree(&fa);
  strbufFree(&fb);
}

/* LOB columns, non-finite floats and untyped non-NULL values are refused. */
static void test_errors(void){
  unsigned char aK[64];
  StrBuf k;
  TV v;
  strbufInit(&k, aK, sizeof(aK));
  memset(&v, 0, sizeof(v));
  v.v.type = v.t.id = SQLT_CLOB;
  v.v.u.s.z = "x";
  v.v.u.s.n = 1;
  keyStart(&k, 1);
  CHECK_EQ_INT(keyAppendValue(&k, &v.v, &v.t, 0), ML_E_LOB_IN_KEY);
  v.v.type = v.t.id = SQLT_BLOB;
  v.v.isNull = 1;
  CHECK_EQ_INT(keyAppendValue(&k, &v.v, &v.t, 0), ML_E_LOB_IN_KEY);
  CHECK(k.n==4);
  memset(&v, 0, sizeof(v));
  v.v.type = v.t.id = SQLT_DOUBLE;
  v.v.u.d = NAN;
  CHECK_EQ_INT(keyAppendValue(&k, &v.v, &v.t, 0), ML_E_FLOAT_NOT_FINITE);
  v.v.u.d = -INFINITY;
  CHECK_EQ_INT(keyAppendValue(&k, &v.v, &v.t, 1), ML_E_FLOAT_NOT_FINITE);
  CHECK(k.n==4);
  v.v.type = v.t.id = SQLT_NULL;
  CHECK_EQ_INT(keyAppendValue(&k, &v.v, &v.t, 0), ML_E_INTERNAL);
  v.v.isNull = 1;
  CHECK_EQ_INT(keyAppendValue(&k, &v.v, &v.t, 0), ML_OK);
  strbufFree(&k);
}

int main(int argc, char **argv){
  const char *zSeed = argc>1 ? argv[1] : getenv("MIMERLITE_TEST_SEED");
  uint64_t seed = zSeed ? strtoull(zSeed, 0, 0) : 20240611u;
  fprintf(stderr, "seed %llu\n", (unsigned long long)seed);
  testSeed(seed);
  TEST_RUN(test_equal_numbers_encode_identically);
  TEST_RUN(test_pad_space_string_order);
  TEST_RUN(test_single_column_order_matches_sql_order);
  TEST_RUN(test_multi_column_order_is_lexicographic);
  TEST_RUN(test_decode_pads_char);
  TEST_RUN(test_decode_rejects_garbage);
  TEST_RUN(test_tree_bounds);
  TEST_RUN(test_long_keys_truncate_with_hash);
  TEST_RUN(test_errors);
  return testReport();
}
