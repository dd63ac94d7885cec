/*
** INTERVAL values of the 13 SQL kinds: text parsing and formatting as
** Mimer shows them, the leading-precision check, casts between interval
** types, interval +/- interval, interval * and / an exact number (via
** dec45) and conversion to and from exact numbers.  A year-month interval
** is a count of months, a day-time interval seconds plus nanoseconds of
** one sign (value.h).  Datetime +/- interval lives in datetime.c.  See
** datetime.h for the contracts, docs/compatibility.md for the choices.
*/
#include "types/datetime.h"

#include <assert.h>

#include "util/errors.h"

/* The datetime fields an interval kind runs over, most significant first. */
enum { IVF_YEAR, IVF_MONTH, IVF_DAY, IVF_HOUR, IVF_MINUTE, IVF_SECOND };

/* Size of one unit of each field, in months (year-month) or seconds. */
static const int64_t aIvUnit[6] = { 12, 1, 86400, 3600, 60, 1 };

/* Exclusive upper bound of a non-leading field (0: never non-leading). */
static const int aIvLimit[6] = { 0, 12, 0, 24, 60, 60 };

/* Separator written before a non-leading field. */
static const char aIvSep[6] = { 0, '-', 0, ' ', ':', ':' };

/* Shape of one interval kind. */
typedef struct IvKind {
  uint8_t first;           /* leading field, IVF_* */
  uint8_t last;            /* last field, IVF_* */
  uint8_t maxLead;         /* largest allowed leading precision */
} IvKind;

/* Indexed by SqlIntervalKind. */
static const IvKind aIvKind[IVK_COUNT_] = {
  { IVF_YEAR,   IVF_YEAR,    7 },   /* YEAR */
  { IVF_MONTH,  IVF_MONTH,   7 },   /* MONTH */
  { IVF_DAY,    IVF_DAY,     7 },   /* DAY */
  { IVF_HOUR,   IVF_HOUR,    8 },   /* HOUR */
  { IVF_MINUTE, IVF_MINUTE, 10 },   /* MINUTE */
  { IVF_SECOND, IVF_SECOND, 12 },   /* SECOND */
  { IVF_YEAR,   IVF_MONTH,   7 },   /* YEAR TO MONTH */
  { IVF_DAY,    IVF_HOUR,    7 },   /* DAY TO HOUR */
  { IVF_DAY,    IVF_MINUTE,  7 },   /* DAY TO MINUTE */
  { IVF_DAY,    IVF_SECOND,  7 },   /* DAY TO SECOND */
  { IVF_HOUR,   IVF_MINUTE,  8 },   /* HOUR TO MINUTE */
  { IVF_HOUR,   IVF_SECOND,  8 },   /* HOUR TO SECOND */
  { IVF_MINUTE, IVF_SECOND, 10 },   /* MINUTE TO SECOND */
};

/*
** No interval value, raw or typed, may exceed this many months or seconds:
** far beyond every leading precision (9999999 days is 8.6e11 seconds), and
** small enough that negating, adding two, or scaling by a field unit
** never overflows int64.  Arithmetic that goes beyond is ML_E_OVERFLOW.
*/
#define IV_LIMIT 1000000000000000LL

/* The kind description of a declared interval type, checked. */
static const IvKind *ivKindOf(const SqlType *pType){
  const IvKind *k;
  assert( pType->id==SQLT_INTERVAL );
  assert( pType->intervalKind<IVK_COUNT_ );
  k = &aIvKind[pType->intervalKind];
  assert( pType->precision>=1 && pType->precision<=k->maxLead );
  assert( pType->scale<=DT_MAX_SCALE );
  return k;
}

static int ivIsYm(const IvKind *k){
  return k->first<=IVF_MONTH;
}

static int ivTooBig(int64_t v){
  return v>IV_LIMIT || v< -IV_LIMIT;
}

/* Assert the value.h invariants: one class in use, one sign, |nanos| < 1e9. */
static void ivAssert(const SqlInterval *p){
  assert( p->months==0 || (p->seconds==0 && p->nanos==0) );
  assert( p->nanos>-DT_NANOS_PER_SEC && p->nanos<DT_NANOS_PER_SEC );
  assert( (p->seconds>=0 && p->nanos>=0) || (p->seconds<=0 && p->nanos<=0) );
  (void)p;
}

/*
** Bring nanos into (-1e9, 1e9) with the same sign as seconds; on entry
** |*pNs| may be anything.
*/
static void ivNormalize(int64_t *pSec, int64_t *pNs){
  *pSec += *pNs / DT_NANOS_PER_SEC;
  *pNs %= DT_NANOS_PER_SEC;
  if( *pSec>0 && *pNs<0 ){
    (*pSec)--;
    *pNs += DT_NANOS_PER_SEC;
  }else if( *pSec<0 && *pNs>0 ){
    (*pSec)++;
    *pNs -= DT_NANOS_PER_SEC;
  }
}

int dtIntervalIsYearMonth(int kind){
  assert( kind>=0 && kind<IVK_COUNT_ );
  return ivIsYm(&aIvKind[kind]);
}

int dtIntervalHasSecond(int kind){
  assert( kind>=0 && kind<IVK_COUNT_ );
  return aIvKind[kind].last==IVF_SECOND;
}

int dtIntervalMaxLeading(int kind){
  assert( kind>=0 && kind<IVK_COUNT_ );
  return aIvKind[kind].maxLead;
}

/*
** ML_OK if the leading field of p (everything above the following fields,
** e.g. whole days of a DAY TO SECOND) has at most pType->precision digits,
** else ML_E_OVERFLOW.
*/
int dtIntervalCheck(const SqlInterval *p, const SqlType *pType){
  const IvKind *k = ivKindOf(pType);
  int64_t v = ivIsYm(k) ? p->months : p->seconds;
  ivAssert(p);
  if( ivTooBig(v) ) return ML_E_OVERFLOW;
  if( v<0 ) v = -v;
  if( v/aIvUnit[k->first] >= dtPow10[pType->precision] ) return ML_E_OVERFLOW;
  return ML_OK;
}

/*
** Parse interval text for pType (see datetime.h).  Syntax and field-range
** errors are ML_E_INVALID_INTERVAL and take precedence over ML_E_OVERFLOW.
*/
int dtParseInterval(const char *z, int n, const SqlType *pType, SqlInterval *pOut){
  const IvKind *k = ivKindOf(pType);
  DtScan s;
  SqlInterval r = { 0, 0, 0 };
  int neg, f, up = 0, nSeen = 0, nSig = 0;
  int64_t units = 0, ns = 0, v;

  dtScanInit(&s, z, n);
  neg = dtScanChar(&s, '-');
  if( !neg ) dtScanChar(&s, '+');
  while( s.i<s.n && s.z[s.i]>='0' && s.z[s.i]<='9' ){
    int c = s.z[s.i++] - '0';
    nSeen++;
    if( nSig>0 || c!=0 ){
      nSig++;
      if( nSig<=pType->precision ) units = units*10 + c;
    }
  }
  if( nSeen==0 ) return ML_E_INVALID_INTERVAL;
  units *= aIvUnit[k->first];
  for(f=k->first+1; f<=k->last; f++){
    if( !dtScanChar(&s, aIvSep[f]) || !dtScanDigits(&s, 1, 2, &v) ){
      return ML_E_INVALID_INTERVAL;
    }
    if( v>=aIvLimit[f] ) return ML_E_INVALID_INTERVAL;
    units += v*aIvUnit[f];
  }
  if( k->last==IVF_SECOND && dtScanChar(&s, '.') ){
    dtScanFraction(&s, pType->scale, &ns, &up);
  }
  if( !dtScanEnd(&s) ) return ML_E_INVALID_INTERVAL;
  if( nSig>pType->precision ) return ML_E_OVERFLOW;
  if( up ){
    ns += dtPow10[9-pType->scale];
    if( ns==DT_NANOS_PER_SEC ){
      ns = 0;
      units++;
    }
  }
  if( ivIsYm(k) ){
    r.months = neg ? -units : units;
  }else{
    r.seconds = neg ? -units : units;
    r.nanos = (int32_t)(neg ? -ns : ns);
  }
  if( dtIntervalCheck(&r, pType) ) return ML_E_OVERFLOW;
  *pOut = r;
  return ML_OK;
}

/*
** Write p as pType's text into zBuf (>= DT_TEXT_MAX bytes, NUL-terminated)
** and return its length.  Fields below the kind's last one and fraction
** digits beyond the scale are not shown.
*/
int dtFormatInterval(const SqlInterval *p, const SqlType *pType, char *zBuf){
  const IvKind *k = ivKindOf(pType);
  char *z = zBuf;
  int64_t units, ns, rem;
  int f;
  ivAssert(p);
  assert( !ivTooBig(p->months) && !ivTooBig(p->seconds) );
  units = ivIsYm(k) ? p->months : p->seconds;
  ns = ivIsYm(k) ? 0 : p->nanos;
  if( units<0 || ns<0 ){
    *z++ = '-';
    units = -units;
    ns = -ns;
  }
  z = dtPutInt(z, units / aIvUnit[k->first]);
  rem = units % aIvUnit[k->first];
  for(f=k->first+1; f<=k->last; f++){
    *z++ = aIvSep[f];
    z = dtPutDigits(z, rem / aIvUnit[f], 2);
    rem %= aIvUnit[f];
  }
  if( k->last==IVF_SECOND && pType->scale>0 ){
    *z++ = '.';
    z = dtPutDigits(z, ns / dtPow10[9-pType->scale], pType->scale);
  }
  *z = 0;
  return (int)(z - zBuf);
}

/*
** Cast p from pFrom to pTo: cut fields below pTo's last field toward zero,
** round the fraction half-up (away from zero) to pTo's scale, check the
** leading precision.  Year-month <-> day-time is ML_E_INVALID_CAST.
*/
int dtIntervalCast(const SqlInterval *p, const SqlType *pFrom, const SqlType *pTo,
                   SqlInterval *pOut){
  const IvKind *kTo = ivKindOf(pTo);
  SqlInterval r = *p;
  int rc;
  ivAssert(p);
  if( ivIsYm(ivKindOf(pFrom))!=ivIsYm(kTo) ) return ML_E_INVALID_CAST;
  if( ivIsYm(kTo) ){
    r.months -= r.months % aIvUnit[kTo->last];
  }else if( kTo->last==IVF_SECOND ){
    int64_t u = dtPow10[9-pTo->scale];
    int64_t ns = r.nanos<0 ? -(int64_t)r.nanos : r.nanos;
    ns = (ns + u/2) / u * u;
    if( ns==DT_NANOS_PER_SEC ){
      ns = 0;
      r.seconds += (r.seconds<0 || r.nanos<0) ? -1 : 1;
    }
    r.nanos = (int32_t)(r.nanos<0 ? -ns : ns);
  }else{
    r.nanos = 0;
    r.seconds -= r.seconds % aIvUnit[kTo->last];
  }
  rc = dtIntervalCheck(&r, pTo);
  if( rc==ML_OK ) *pOut = r;
  return rc;
}

/* a + sign*b; both of one class (or zero).  See datetime.h. */
int dtIntervalAdd(const SqlInterval *a, const SqlInterval *b, int sign, SqlInterval *pOut){
  SqlInterval r = { 0, 0, 0 };
  int64_t s, ns;
  assert( sign==1 || sign==-1 );
  ivAssert(a);
  ivAssert(b);
  if( (a->months && (b->seconds || b->nanos)) || (b->months && (a->seconds || a->nanos)) ){
    return ML_E_INVALID_INTERVAL;
  }
  if( ivTooBig(a->months) || ivTooBig(b->months)
   || ivTooBig(a->seconds) || ivTooBig(b->seconds) ){
    return ML_E_OVERFLOW;
  }
  r.months = a->months + sign*b->months;
  s = a->seconds + sign*b->seconds;
  ns = (int64_t)a->nanos + sign*(int64_t)b->nanos;
  ivNormalize(&s, &ns);
  if( ivTooBig(r.months) || ivTooBig(s) ) return ML_E_OVERFLOW;
  r.seconds = s;
  r.nanos = (int32_t)ns;
  *pOut = r;
  return ML_OK;
}

/* -1, 0, +1 comparing a with b. */
int dtIntervalCmp(const SqlInterval *a, const SqlInterval *b){
  ivAssert(a);
  ivAssert(b);
  if( a->months!=b->months ) return a->months<b->months ? -1 : 1;
  if( a->seconds!=b->seconds ) return a->seconds<b->seconds ? -1 : 1;
  if( a->nanos!=b->nanos ) return a->nanos<b->nanos ? -1 : 1;
  return 0;
}

/* seconds + nanos/1e9 as an exact decimal in *pOut. */
static int ivSecondsToDec(int64_t sec, int32_t nanos, Dec45 *pOut){
  Dec45 a, b, g, bf;
  int rc;
  dec45FromInt64(&a, sec);
  dec45FromInt64(&b, nanos);
  dec45FromInt64(&g, DT_NANOS_PER_SEC);
  rc = dec45Div(&b, &g, 9, DEC45_TRUNCATE, &bf);
  if( rc==ML_OK ) rc = dec45Add(&a, &bf, pOut);
  return rc;
}

/*
** Split a decimal holding at most 9 fractional digits into whole seconds
** and nanoseconds of one sign.  ML_E_OVERFLOW beyond IV_LIMIT seconds.
*/
static int ivDecToSeconds(const Dec45 *p, int64_t *pSec, int32_t *pNanos){
  Dec45 t, fr, g, fn;
  int64_t s, ns;
  int rc = dec45ToInt64(p, &s);
  if( rc ) return ML_E_OVERFLOW;
  if( ivTooBig(s) ) return ML_E_OVERFLOW;
  dec45FromInt64(&t, s);
  dec45FromInt64(&g, DT_NANOS_PER_SEC);
  rc = dec45Sub(p, &t, &fr);
  if( rc==ML_OK ) rc = dec45Mul(&fr, &g, &fn);
  if( rc==ML_OK ) rc = dec45ToInt64(&fn, &ns);
  if( rc ) return rc;
  assert( ns>-DT_NANOS_PER_SEC && ns<DT_NANOS_PER_SEC );
  *pSec = s;
  *pNanos = (int32_t)ns;
  return ML_OK;
}

/*
** Finish a * f or a / f: r is the exact (or cut) product/quotient in
** months (ym) or seconds; cut it toward zero to whole months or nanos.
*/
static int ivFromProduct(Dec45 *r, int ym, SqlInterval *pOut){
  SqlInterval v = { 0, 0, 0 };
  int rc = dec45Round(r, DEC45_MAX_DIGITS, ym ? 0 : 9, DEC45_TRUNCATE);
  if( rc ) return ML_E_OVERFLOW;
  if( ym ){
    rc = dec45ToInt64(r, &v.months);
    if( rc || ivTooBig(v.months) ) return ML_E_OVERFLOW;
  }else{
    rc = ivDecToSeconds(r, &v.seconds, &v.nanos);
    if( rc ) return rc;
  }
  *pOut = v;
  return ML_OK;
}

/* a * f, cut toward zero to whole months or nanoseconds. */
int dtIntervalMulDec(const SqlInterval *a, const Dec45 *f, SqlInterval *pOut){
  Dec45 x, r;
  int ym = a->months!=0;
  int rc = ML_OK;
  ivAssert(a);
  if( ym ){
    dec45FromInt64(&x, a->months);
  }else{
    rc = ivSecondsToDec(a->seconds, a->nanos, &x);
  }
  if( rc==ML_OK ) rc = dec45Mul(&x, f, &r);
  if( rc==ML_OK ) rc = ivFromProduct(&r, ym, pOut);
  return rc;
}

/* a / f, cut toward zero to whole months or nanoseconds. */
int dtIntervalDivDec(const SqlInterval *a, const Dec45 *f, SqlInterval *pOut){
  Dec45 x, r;
  int ym = a->months!=0;
  int rc = ML_OK;
  ivAssert(a);
  if( dec45IsZero(f) ) return ML_E_DIVISION_BY_ZERO;
  if( ym ){
    dec45FromInt64(&x, a->months);
  }else{
    rc = ivSecondsToDec(a->seconds, a->nanos, &x);
  }
  if( rc==ML_OK ) rc = dec45Div(&x, f, ym ? 0 : 9, DEC45_TRUNCATE, &r);
  if( rc==ML_OK ) rc = ivFromProduct(&r, ym, pOut);
  return rc;
}

/*
** p counted in units of pType's last field: an integer, or a decimal with
** pType->scale fractional digits when the last field is SECOND.
*/
int dtIntervalToDec(const SqlInterval *p, const SqlType *pType, Dec45 *pOut){
  const IvKind *k = ivKindOf(pType);
  int rc;
  ivAssert(p);
  if( ivIsYm(k) ){
    dec45FromInt64(pOut, p->months / aIvUnit[k->last]);
    return ML_OK;
  }
  if( k->last!=IVF_SECOND ){
    dec45FromInt64(pOut, p->seconds / aIvUnit[k->last]);
    return ML_OK;
  }
  rc = ivSecondsToDec(p->seconds, p->nanos, pOut);
  if( rc==ML_OK ) rc = dec45Round(pOut, DEC45_MAX_DIGITS, pType->scale, DEC45_TRUNCATE);
  return rc;
}

/*
** The interval of pType holding pNum units of its last field.  A fraction
** is cut toward zero, or rounded half-up to the scale for SECOND.
** ML_E_OVERFLOW beyond the leading precision.
*/
int dtIntervalFromDec(const Dec45 *pNum, const SqlType *pType, SqlInterval *pOut){
  const IvKind *k = ivKindOf(pType);
  SqlInterval r = { 0, 0, 0 };
  Dec45 c = *pNum;
  int64_t v;
  int rc;
  if( k->last==IVF_SECOND ){
    rc = dec45Round(&c, DEC45_MAX_DIGITS, pType->scale, DEC45_HALF_UP);
    if( rc ) return ML_E_OVERFLOW;
    rc = ivDecToSeconds(&c, &r.seconds, &r.nanos);
    if( rc ) return rc;
  }else{
    rc = dec45ToInt64(&c, &v);
    if( rc || v>dtPow10[13] || v< -dtPow10[13] ) return ML_E_OVERFLOW;
    if( ivIsYm(k) ){
      r.months = v * aIvUnit[k->last];
    }else{
      r.seconds = v * aIvUnit[k->last];
    }
  }
  rc = dtIntervalCheck(&r, pType);
  if( rc==ML_OK ) *pOut = r;
  return rc;
}
