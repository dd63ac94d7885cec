/*
** dec45: exact 45-digit decimal arithmetic (the API is in dec45.h).
**
** Every operation widens its operands into a DecWide, a stack value of up
** to 12 base-1e9 limbs (108 digits: room for a 90-digit product, a 91-digit
** shifted dividend, or two operands aligned within 100 digits plus a
** carry), computes exactly there, and then fits the wide result to its
** destination: exactly (decWideToDec), to a scale (decWideFitScale) or to a
** number of significant digits (decWideFitSig).  Rounding never needs a
** remainder: a quotient is computed truncated with at least one guard digit
** and rounded half-up from that digit, which gives the same answer as
** rounding the exact quotient.  Division is Knuth's algorithm D in base
** 1e9.  Nothing here allocates; conversion to and from double goes through
** snprintf/strtod on a stack buffer, in a locale-independent way.
*/
#include "types/dec45.h"

#include "util/errors.h"

#include <assert.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEC_BASE        1000000000u
#define DEC_WIDE_LIMBS  12
#define DEC_WIDE_DIGITS (DEC_WIDE_LIMBS*9)

/*
** A wide intermediate.  Only aLimb[0..n-1] is meaningful; aLimb[n-1] is
** non-zero (n==0 for zero).  The sign may be set on a zero; the fitting
** functions clear it.
*/
typedef struct DecWide {
  uint32_t aLimb[DEC_WIDE_LIMBS];  /* magnitude, base 1e9, little-endian */
  int n;                           /* limbs in use */
  int exp;                         /* power of ten */
  int neg;                         /* 1 when negative */
} DecWide;

static const uint32_t aDecPow10[10] = {
  1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u, 100000000u,
  1000000000u
};

/* Number of decimal digits in x, 0 for 0. */
static int decLimbDigits(uint32_t x){
  int n = 0;
  while( n<10 && x>=aDecPow10[n] ) n++;
  return n;
}

/* Drop zero limbs from the top of w. */
static void decWideTrim(DecWide *w){
  while( w->n>0 && w->aLimb[w->n-1]==0 ) w->n--;
}

/* Number of digits in the magnitude of w, 0 for zero. */
static int decWideDigits(const DecWide *w){
  if( w->n==0 ) return 0;
  return (w->n-1)*9 + decLimbDigits(w->aLimb[w->n-1]);
}

/* Number of trailing zero digits of a non-zero w. */
static int decWideTrailingZeros(const DecWide *w){
  int i = 0, n = 0;
  uint32_t x;
  assert( w->n>0 && w->aLimb[w->n-1]!=0 );
  while( i<w->n-1 && w->aLimb[i]==0 ) i++;
  x = w->aLimb[i];
  while( x%10==0 ){ x /= 10; n++; }
  return i*9 + n;
}

/* Load the Dec45 p into w. */
static void decWideLoad(DecWide *w, const Dec45 *p){
  int i;
  for(i=0; i<DEC45_LIMBS; i++) w->aLimb[i] = p->aLimb[i];
  w->n = DEC45_LIMBS;
  decWideTrim(w);
  w->exp = p->exponent;
  w->neg = p->neg;
}

/*
** Store w into p.  The caller has made sure that w has at most 45 digits
** and an exponent within DEC45_MIN_EXP..DEC45_MAX_EXP.
*/
static void decWideStore(const DecWide *w, Dec45 *p){
  int i;
  assert( decWideDigits(w)<=DEC45_MAX_DIGITS );
  assert( w->exp>=DEC45_MIN_EXP && w->exp<=DEC45_MAX_EXP );
  for(i=0; i<DEC45_LIMBS; i++) p->aLimb[i] = i<w->n ? w->aLimb[i] : 0;
  p->exponent = (int16_t)w->exp;
  p->neg = (uint8_t)(w->n>0 && w->neg);
}

/*
** Multiply the magnitude of w by 10^k (k >= 0) and lower its exponent by
** k, so the value is unchanged.  The caller guarantees the result fits in
** DEC_WIDE_DIGITS digits.
*/
static void decWideShiftUp(DecWide *w, int k){
  int q = k/9, r = k%9, i;
  assert( k>=0 );
  w->exp -= k;
  if( w->n==0 ) return;
  if( r ){
    uint64_t c = 0;
    for(i=0; i<w->n; i++){
      uint64_t t = (uint64_t)w->aLimb[i]*aDecPow10[r] + c;
      w->aLimb[i] = (uint32_t)(t % DEC_BASE);
      c = t / DEC_BASE;
    }
    if( c ){
      assert( w->n<DEC_WIDE_LIMBS );
      w->aLimb[w->n++] = (uint32_t)c;
    }
  }
  if( q ){
    assert( w->n+q<=DEC_WIDE_LIMBS );
    memmove(&w->aLimb[q], &w->aLimb[0], sizeof(uint32_t)*w->n);
    memset(&w->aLimb[0], 0, sizeof(uint32_t)*q);
    w->n += q;
  }
}

/* Add 1 to the magnitude of w. */
static void decWideIncrement(DecWide *w){
  int i;
  for(i=0; i<w->n; i++){
    if( ++w->aLimb[i]<DEC_BASE ) return;
    w->aLimb[i] = 0;
  }
  assert( w->n<DEC_WIDE_LIMBS );
  w->aLimb[w->n++] = 1;
}

/*
** Drop the k (> 0) lowest digits of w's magnitude, raising the exponent by
** k, rounding mode r.  Half-up looks only at the first dropped digit, which
** is exact for a value that is itself exact or truncated below that digit.
*/
static void decWideShiftDown(DecWide *w, int k, Dec45Rounding r){
  int q = k/9, s = k%9, up = 0, i;
  assert( k>0 );
  w->exp += k;
  if( w->n==0 ) return;
  if( r==DEC45_HALF_UP ){
    int d = k-1;
    if( d/9<w->n ) up = (w->aLimb[d/9]/aDecPow10[d%9])%10 >= 5;
  }
  if( q>=w->n ){
    w->n = 0;
  }else{
    if( q ){
      memmove(&w->aLimb[0], &w->aLimb[q], sizeof(uint32_t)*(w->n-q));
      w->n -= q;
    }
    if( s ){
      uint64_t rem = 0;
      for(i=w->n-1; i>=0; i--){
        uint64_t t = rem*DEC_BASE + w->aLimb[i];
        w->aLimb[i] = (uint32_t)(t / aDecPow10[s]);
        rem = t % aDecPow10[s];
      }
      decWideTrim(w);
    }
  }
  if( up ) decWideIncrement(w);
}

/* Compare magnitudes of x and y, which have the same exponent. */
static int decWideCmpMag(const DecWide *x, const DecWide *y){
  int i;
  assert( x->exp==y->exp || x->n==0 || y->n==0 );
  if( x->n!=y->n ) return x->n<y->n ? -1 : 1;
  for(i=x->n-1; i>=0; i--){
    if( x->aLimb[i]!=y->aLimb[i] ) return x->aLimb[i]<y->aLimb[i] ? -1 : 1;
  }
  return 0;
}

/* x += y on magnitudes with equal exponents. */
static void decWideAddMag(DecWide *x, const DecWide *y){
  uint32_t c = 0;
  int i, n = x->n>y->n ? x->n : y->n;
  for(i=0; i<n; i++){
    uint32_t s = (i<x->n ? x->aLimb[i] : 0) + (i<y->n ? y->aLimb[i] : 0) + c;
    if( s>=DEC_BASE ){ s -= DEC_BASE; c = 1; }else{ c = 0; }
    x->aLimb[i] = s;
  }
  x->n = n;
  if( c ){
    assert( n<DEC_WIDE_LIMBS );
    x->aLimb[x->n++] = 1;
  }
}

/* x -= y on magnitudes with equal exponents, |x| >= |y|. */
static void decWideSubMag(DecWide *x, const DecWide *y){
  uint32_t b = 0;
  int i;
  assert( decWideCmpMag(x, y)>=0 );
  for(i=0; i<x->n; i++){
    uint32_t t = (i<y->n ? y->aLimb[i] : 0) + b;
    if( x->aLimb[i]>=t ){
      x->aLimb[i] -= t;
      b = 0;
    }else{
      x->aLimb[i] = x->aLimb[i] + DEC_BASE - t;
      b = 1;
    }
  }
  assert( b==0 );
  decWideTrim(x);
}

/*
** Fit w exactly into p: drop trailing zeros beyond 45 digits and move the
** exponent into range by shifting zeros in or out.  ML_E_OVERFLOW when the
** value cannot be held exactly.
*/
static int decWideToDec(DecWide *w, Dec45 *p){
  int nDigit = decWideDigits(w);
  if( nDigit==0 ){
    dec45Zero(p);
    return ML_OK;
  }
  if( nDigit>DEC45_MAX_DIGITS ){
    if( nDigit-decWideTrailingZeros(w)>DEC45_MAX_DIGITS ) return ML_E_OVERFLOW;
    decWideShiftDown(w, nDigit-DEC45_MAX_DIGITS, DEC45_TRUNCATE);
    nDigit = DEC45_MAX_DIGITS;
  }
  if( w->exp>DEC45_MAX_EXP ){
    int k = w->exp - DEC45_MAX_EXP;
    if( nDigit+k>DEC45_MAX_DIGITS ) return ML_E_OVERFLOW;
    decWideShiftUp(w, k);
  }else if( w->exp<DEC45_MIN_EXP ){
    int k = DEC45_MIN_EXP - w->exp;
    if( decWideTrailingZeros(w)<k ) return ML_E_OVERFLOW;
    decWideShiftDown(w, k, DEC45_TRUNCATE);
  }
  decWideStore(w, p);
  return ML_OK;
}

/*
** Fit w into DECIMAL(prec, scale): round (mode r) to exponent -scale and
** fail with ML_E_OVERFLOW if more than prec digits remain.
*/
static int decWideFitScale(DecWide *w, int prec, int scale, Dec45Rounding r,
                           Dec45 *p){
  assert( prec>=1 && prec<=DEC45_MAX_DIGITS );
  assert( scale>=0 && scale<=prec );
  if( w->exp < -scale ){
    decWideShiftDown(w, -scale - w->exp, r);
  }else if( w->exp > -scale ){
    int k = w->exp + scale;
    if( w->n>0 && decWideDigits(w)+k>prec ) return ML_E_OVERFLOW;
    decWideShiftUp(w, k);
  }
  if( decWideDigits(w)>prec ) return ML_E_OVERFLOW;
  decWideStore(w, p);
  return ML_OK;
}

/*
** Fit w into FLOAT(nDigits): round half-up to nDigits significant digits,
** ML_E_OVERFLOW above adjusted exponent +999, zero below -999.
*/
static int decWideFitSig(DecWide *w, int nDigits, Dec45 *p){
  int nDigit = decWideDigits(w);
  int adj;
  assert( nDigits>=1 && nDigits<=DEC45_MAX_DIGITS );
  if( nDigit>nDigits ){
    decWideShiftDown(w, nDigit-nDigits, DEC45_HALF_UP);
    nDigit = decWideDigits(w);
    if( nDigit>nDigits ){            /* rounded up to 10^nDigits */
      decWideShiftDown(w, 1, DEC45_TRUNCATE);
      nDigit--;
    }
  }
  if( nDigit==0 ){
    dec45Zero(p);
    return ML_OK;
  }
  adj = w->exp + nDigit - 1;
  if( adj>DEC45_FLOAT_MAX_EXP ) return ML_E_OVERFLOW;
  if( adj<DEC45_FLOAT_MIN_EXP ){
    dec45Zero(p);
    return ML_OK;
  }
  decWideStore(w, p);
  return ML_OK;
}

/*
** Set pOut to a + b (b negated first when negB), exact.  When the two
** operands are too far apart to align within the wide buffer their digits
** cannot overlap: without bSticky the exact sum then needs more than 45
** digits and ML_E_OVERFLOW is returned.  With bSticky the smaller one is
** replaced by a unit below 10^L, L being the position 47 digits below the
** larger one's top (so below its exponent, as it has at most 45 digits):
** that operand and every rounding boundary of a rounding to 45 or fewer
** digits are multiples of 10^L, and both the true smaller operand and the
** unit lie strictly between 0 and 10^L, so the sum rounds the same.
*/
static int decAddWide(const Dec45 *a, const Dec45 *b, int negB, int bSticky,
                      DecWide *pOut){
  DecWide wb, *x = pOut, *y = &wb, *pHi, *pLo;
  int d;
  decWideLoad(x, a);
  decWideLoad(y, b);
  y->neg ^= negB;
  if( y->n==0 ) return ML_OK;
  if( x->n==0 ){
    *x = *y;
    return ML_OK;
  }
  pHi = x->exp>=y->exp ? x : y;
  pLo = pHi==x ? y : x;
  d = pHi->exp - pLo->exp;
  if( decWideDigits(pHi)+d>DEC_WIDE_DIGITS-8 ){
    /* |lo| < 10^(top(hi)-55) and < 10^(hi->exp-10): no overlap. */
    if( !bSticky ) return ML_E_OVERFLOW;
    pLo->n = 1;
    pLo->aLimb[0] = 1;
    pLo->exp = pHi->exp + decWideDigits(pHi) - (DEC45_MAX_DIGITS+2) - 1;
    d = pHi->exp - pLo->exp;
  }
  if( d>0 ) decWideShiftUp(pHi, d);
  if( x->neg==y->neg ){
    decWideAddMag(x, y);
  }else if( decWideCmpMag(x, y)>=0 ){
    decWideSubMag(x, y);
  }else{
    decWideSubMag(y, x);
    *x = *y;
  }
  return ML_OK;
}

/* Set pOut to the exact product a * b (at most 90 digits). */
static void decMulWide(const Dec45 *a, const Dec45 *b, DecWide *pOut){
  DecWide x, y;
  int i, j;
  decWideLoad(&x, a);
  decWideLoad(&y, b);
  pOut->exp = x.exp + y.exp;
  pOut->neg = x.neg ^ y.neg;
  if( x.n==0 || y.n==0 ){
    pOut->n = 0;
    return;
  }
  memset(pOut->aLimb, 0, sizeof(pOut->aLimb));
  for(i=0; i<x.n; i++){
    uint64_t c = 0;
    for(j=0; j<y.n; j++){
      uint64_t t = (uint64_t)x.aLimb[i]*y.aLimb[j] + pOut->aLimb[i+j] + c;
      pOut->aLimb[i+j] = (uint32_t)(t % DEC_BASE);
      c = t / DEC_BASE;
    }
    pOut->aLimb[i+y.n] = (uint32_t)c;
  }
  pOut->n = x.n + y.n;
  decWideTrim(pOut);
}

/*
** Knuth's algorithm D (TAOCP vol. 2, 4.3.1) in base 1e9: aQ[0..m-n] =
** floor(aU / aV) where aU has m limbs, aV has n limbs, aV[n-1] != 0 and
** m >= n.  The remainder is not needed by any caller and is discarded.
*/
static void decLimbDivide(const uint32_t *aU, int m, const uint32_t *aV, int n,
                          uint32_t *aQ){
  uint32_t u[DEC_WIDE_LIMBS+1], v[DEC_WIDE_LIMBS];
  uint64_t c, d;
  int i, j;
  assert( m>=n && n>=1 && m<=DEC_WIDE_LIMBS && aV[n-1]!=0 );
  if( n==1 ){
    uint64_t rem = 0;
    for(i=m-1; i>=0; i--){
      uint64_t t = rem*DEC_BASE + aU[i];
      aQ[i] = (uint32_t)(t / aV[0]);
      rem = t % aV[0];
    }
    return;
  }
  /* Normalise so that v's top limb is at least DEC_BASE/2. */
  d = DEC_BASE / ((uint64_t)aV[n-1] + 1);
  for(c=0, i=0; i<m; i++){
    uint64_t t = aU[i]*d + c;
    u[i] = (uint32_t)(t % DEC_BASE);
    c = t / DEC_BASE;
  }
  u[m] = (uint32_t)c;
  for(c=0, i=0; i<n; i++){
    uint64_t t = aV[i]*d + c;
    v[i] = (uint32_t)(t % DEC_BASE);
    c = t / DEC_BASE;
  }
  assert( c==0 && v[n-1]>=DEC_BASE/2 );
  for(j=m-n; j>=0; j--){
    uint64_t num = (uint64_t)u[j+n]*DEC_BASE + u[j+n-1];
    uint64_t qhat = num / v[n-1];
    uint64_t rhat = num % v[n-1];
    int64_t t, borrow = 0;
    while( qhat>=DEC_BASE || qhat*v[n-2] > rhat*DEC_BASE + u[j+n-2] ){
      qhat--;
      rhat += v[n-1];
      if( rhat>=DEC_BASE ) break;
    }
    for(c=0, i=0; i<n; i++){
      uint64_t p = qhat*v[i] + c;
      c = p / DEC_BASE;
      t = (int64_t)u[i+j] - (int64_t)(p % DEC_BASE) - borrow;
      if( t<0 ){ t += DEC_BASE; borrow = 1; }else{ borrow = 0; }
      u[i+j] = (uint32_t)t;
    }
    t = (int64_t)u[j+n] - (int64_t)c - borrow;
    if( t<0 ){
      /* qhat was one too large (rare): add v back. */
      uint32_t cc = 0;
      qhat--;
      for(i=0; i<n; i++){
        uint32_t s = u[i+j] + v[i] + cc;
        if( s>=DEC_BASE ){ s -= DEC_BASE; cc = 1; }else{ cc = 0; }
        u[i+j] = s;
      }
      t += cc;
    }
    assert( t>=0 && t<DEC_BASE );
    u[j+n] = (uint32_t)t;
    aQ[j] = (uint32_t)qhat;
  }
}

/*
** Set pQ to the magnitude trunc(|x| * 10^k / |y|), exponent and sign 0,
** for y != 0.  x and y are used as scratch space (their magnitudes and
** exponents change).  The caller guarantees that x shifted by k (k >= 0)
** or y shifted by -k (k < 0) fits in DEC_WIDE_DIGITS digits.
*/
static void decWideDivTrunc(DecWide *x, int k, DecWide *y, DecWide *pQ){
  assert( y->n>0 );
  if( k>=0 ){
    decWideShiftUp(x, k);
  }else{
    decWideShiftUp(y, -k);
  }
  pQ->exp = 0;
  pQ->neg = 0;
  if( x->n<y->n ){
    pQ->n = 0;
    return;
  }
  decLimbDivide(x->aLimb, x->n, y->aLimb, y->n, pQ->aLimb);
  pQ->n = x->n - y->n + 1;
  decWideTrim(pQ);
}

/* Set p to zero (exponent 0, not negative). */
void dec45Zero(Dec45 *p){
  memset(p, 0, sizeof(*p));
}

/* True if p is zero, whatever its exponent. */
int dec45IsZero(const Dec45 *p){
  int i;
  for(i=0; i<DEC45_LIMBS; i++){
    if( p->aLimb[i] ) return 0;
  }
  return 1;
}

/* Set p to the integer v (exponent 0). */
void dec45FromInt64(Dec45 *p, int64_t v){
  uint64_t u = v<0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  dec45Zero(p);
  p->aLimb[0] = (uint32_t)(u % DEC_BASE);
  u /= DEC_BASE;
  p->aLimb[1] = (uint32_t)(u % DEC_BASE);
  p->aLimb[2] = (uint32_t)(u / DEC_BASE);
  p->neg = v<0;
}

/*
** Store p with its fraction truncated in *pOut.  ML_E_OVERFLOW when the
** integer part is outside -2^63..2^63-1 (*pOut unchanged).
*/
int dec45ToInt64(const Dec45 *p, int64_t *pOut){
  DecWide w;
  uint64_t u = 0;
  int i;
  decWideLoad(&w, p);
  if( w.exp<0 ){
    decWideShiftDown(&w, -w.exp, DEC45_TRUNCATE);
  }else if( w.exp>0 && w.n>0 ){
    if( decWideDigits(&w)+w.exp>19 ) return ML_E_OVERFLOW;
    decWideShiftUp(&w, w.exp);
  }
  if( decWideDigits(&w)>19 ) return ML_E_OVERFLOW;
  for(i=w.n-1; i>=0; i--) u = u*DEC_BASE + w.aLimb[i];
  if( w.neg ){
    if( u>(uint64_t)INT64_MAX+1 ) return ML_E_OVERFLOW;
    *pOut = u==(uint64_t)INT64_MAX+1 ? INT64_MIN : -(int64_t)u;
  }else{
    if( u>(uint64_t)INT64_MAX ) return ML_E_OVERFLOW;
    *pOut = (int64_t)u;
  }
  return ML_OK;
}

/*
** Write the decimal digits of w's magnitude (no leading zeros, nothing for
** zero) to z, which has room for DEC_WIDE_DIGITS bytes; return the count.
*/
static int decWideDigitText(const DecWide *w, char *z){
  int n = decWideDigits(w), i, j, pos = n;
  for(i=0; i<w->n; i++){
    uint32_t x = w->aLimb[i];
    for(j=0; j<9 && pos>0; j++){
      z[--pos] = (char)('0' + x%10);
      x /= 10;
    }
  }
  assert( pos==0 );
  return n;
}

/* Powers of ten that are exact doubles. */
static const double aDecExactPow10[23] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
  1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/*
** The double nearest to p.  A coefficient below 2^53 with |exponent| <= 22
** takes one correctly rounded multiply or divide (Clinger's fast path);
** anything else is written as "<digits>E<exp>", which strtod reads with
** correct rounding in every locale (no decimal point).
*/
double dec45ToDouble(const Dec45 *p){
  DecWide w;
  char z[DEC_WIDE_DIGITS+16];
  int n;
  double v;
  decWideLoad(&w, p);
  if( w.n==0 ) return 0.0;
  if( w.n<=2 && w.exp>=-22 && w.exp<=22 ){
    uint64_t u = (uint64_t)(w.n==2 ? w.aLimb[1] : 0)*DEC_BASE + w.aLimb[0];
    if( u<=((uint64_t)1<<53) ){
      v = w.exp>=0 ? (double)u*aDecExactPow10[w.exp]
                   : (double)u/aDecExactPow10[-w.exp];
      return w.neg ? -v : v;
    }
  }
  n = 0;
  if( w.neg ) z[n++] = '-';
  n += decWideDigitText(&w, &z[n]);
  snprintf(&z[n], sizeof(z)-n, "E%d", w.exp);
  return strtod(z, 0);
}

/*
** Set p to the double v rounded as dec45.h describes.  The shortest
** round-tripping digits come from printf's correctly rounded %.*e with 15,
** 16, then 17 significant digits: for a normal double 15 digits reproduce
** any shorter representation (DBL_DIG), and 17 always round-trip.  A
** subnormal has fewer significant bits, so there every length from 1 up
** is tried.  The digits are lifted out of printf's output without
** assuming its decimal point character.
*/
int dec45FromDouble(Dec45 *p, double v, int nDigits){
  char zOut[48], zNum[48];
  int nSig, rc;
  assert( nDigits>=1 && nDigits<=DEC45_MAX_DIGITS );
  if( !isfinite(v) ) return ML_E_FLOAT_NOT_FINITE;
  if( v==0.0 ){
    dec45Zero(p);
    return ML_OK;
  }
  if( v==trunc(v) && fabs(v)<9007199254740992.0 ){
    dec45FromInt64(p, (int64_t)v);
    return dec45RoundSig(p, nDigits);
  }
  for(nSig=fabs(v)<DBL_MIN ? 1 : 15; nSig<=17; nSig++){
    const char *zE;
    int i, n = 0;
    snprintf(zOut, sizeof(zOut), "%.*e", nSig-1, v);
    zE = strchr(zOut, 'e');
    assert( zE!=0 );
    for(i=0; &zOut[i]<zE; i++){
      if( zOut[i]=='-' || (zOut[i]>='0' && zOut[i]<='9') ) zNum[n++] = zOut[i];
    }
    snprintf(&zNum[n], sizeof(zNum)-n, "E%d", atoi(zE+1)-(nSig-1));
    if( nSig==17 || strtod(zNum, 0)==v ) break;
  }
  rc = dec45Parse(p, zNum, -1, 0, 0);
  assert( rc==ML_OK );
  if( rc ) return rc;
  dec45Normalize(p);
  return dec45RoundSig(p, nDigits);
}

/* True for the blanks dec45Parse skips around a number. */
static int decIsBlank(char c){
  return c==' ' || c=='\t' || c=='\n' || c=='\r' || c=='\f' || c=='\v';
}

/*
** Parse numeric text (see dec45.h).  Two passes over the mantissa: the
** first validates it and finds the first and last non-zero digits, the
** second adds the kept digits into the limbs.  Trailing zeros beyond 45
** significant digits are folded into the exponent, and decWideToDec moves
** an out-of-range exponent back into range when the value allows it, so
** any exactly representable value is accepted.  On error p is undefined.
*/
int dec45Parse(Dec45 *p, const char *z, int n, int *pnPrec, int *pnScale){
  int i = 0, neg = 0, iMant, iMantEnd;
  int nDigit = 0, nFrac = 0, iFirst = -1, iLast = -1, seenPoint = 0;
  int iEnd, e = 0, exp, pos;
  DecWide w;
  if( n<0 ) n = (int)strlen(z);
  while( i<n && decIsBlank(z[i]) ) i++;
  if( i<n && (z[i]=='+' || z[i]=='-') ){
    neg = z[i]=='-';
    i++;
  }
  iMant = i;
  for(; i<n; i++){
    char c = z[i];
    if( c>='0' && c<='9' ){
      if( c!='0' ){
        if( iFirst<0 ) iFirst = nDigit;
        iLast = nDigit;
      }
      nDigit++;
      if( seenPoint ) nFrac++;
    }else if( c=='.' && !seenPoint ){
      seenPoint = 1;
    }else{
      break;
    }
  }
  iMantEnd = i;
  if( nDigit==0 ) return ML_E_INVALID_NUMBER;
  if( i<n && (z[i]=='e' || z[i]=='E') ){
    int eNeg = 0, nExpDigit = 0;
    i++;
    if( i<n && (z[i]=='+' || z[i]=='-') ){
      eNeg = z[i]=='-';
      i++;
    }
    for(; i<n && z[i]>='0' && z[i]<='9'; i++){
      if( e<1000000 ) e = e*10 + (z[i]-'0');
      nExpDigit++;
    }
    if( nExpDigit==0 ) return ML_E_INVALID_NUMBER;
    if( eNeg ) e = -e;
  }
  while( i<n && decIsBlank(z[i]) ) i++;
  if( i<n ) return ML_E_INVALID_NUMBER;

  dec45Zero(p);
  if( pnPrec ) *pnPrec = nDigit;
  if( pnScale ) *pnScale = nFrac;
  exp = e - nFrac;
  if( iFirst<0 ){
    if( exp<DEC45_MIN_EXP ) exp = DEC45_MIN_EXP;
    if( exp>DEC45_MAX_EXP ) exp = DEC45_MAX_EXP;
    p->exponent = (int16_t)exp;
    return ML_OK;
  }
  iEnd = nDigit;
  if( iEnd-iFirst>DEC45_MAX_DIGITS ){
    if( iLast-iFirst+1>DEC45_MAX_DIGITS ) return ML_E_OVERFLOW;
    iEnd = iFirst + DEC45_MAX_DIGITS;
  }
  memset(w.aLimb, 0, sizeof(w.aLimb));
  pos = 0;
  for(i=iMant; i<iMantEnd; i++){
    if( z[i]=='.' ) continue;
    if( pos>=iFirst && pos<iEnd ){
      int k = iEnd-1-pos;
      w.aLimb[k/9] += (uint32_t)(z[i]-'0')*aDecPow10[k%9];
    }
    pos++;
  }
  w.n = DEC45_LIMBS;
  decWideTrim(&w);
  w.exp = exp + nDigit - iEnd;
  w.neg = neg;
  return decWideToDec(&w, p);
}

/*
** Write p as fixed-point text (see dec45.h).  After rounding, the value is
** the digit string zDig followed by nPad zeros, with `scale` of those
** digits after the point.
*/
int dec45Format(const Dec45 *p, int scale, char *zBuf, int nBuf){
  DecWide w;
  char zDig[DEC_WIDE_DIGITS];
  int nDig, nPad, nTotal, nInt, nLen, i, j = 0;
  assert( scale>=0 );
  decWideLoad(&w, p);
  if( w.exp < -scale ) decWideShiftDown(&w, -scale - w.exp, DEC45_HALF_UP);
  nDig = decWideDigitText(&w, zDig);
  nPad = nDig ? w.exp + scale : 0;
  nTotal = nDig + nPad;
  nInt = nTotal - scale;
  nLen = (w.neg && nDig>0) + (nInt>0 ? nInt : 1) + (scale>0 ? scale+1 : 0);
  if( nLen+1>nBuf ) return ML_E_STRING_TOO_LONG;
  if( w.neg && nDig>0 ) zBuf[j++] = '-';
  if( nInt<=0 ) zBuf[j++] = '0';
  for(i=0; i<nInt; i++) zBuf[j++] = i<nDig ? zDig[i] : '0';
  if( scale>0 ){
    zBuf[j++] = '.';
    for(i=nTotal-scale; i<nTotal; i++){
      zBuf[j++] = i<0 ? '0' : i<nDig ? zDig[i] : '0';
    }
  }
  zBuf[j] = 0;
  assert( j==nLen );
  return j;
}

/* Write p in scientific form (see dec45.h). */
int dec45FormatSci(const Dec45 *p, char *zBuf, int nBuf){
  DecWide w;
  char zDig[DEC_WIDE_DIGITS];
  int nDig, tz, j = 0, i, adj;
  decWideLoad(&w, p);
  if( w.n==0 ){
    if( nBuf<4 ) return ML_E_STRING_TOO_LONG;
    memcpy(zBuf, "0E0", 4);
    return 3;
  }
  tz = decWideTrailingZeros(&w);
  if( tz>0 ) decWideShiftDown(&w, tz, DEC45_TRUNCATE);
  nDig = decWideDigitText(&w, zDig);
  adj = w.exp + nDig - 1;
  if( w.neg + nDig + 1 + 6 + 1 > nBuf ) return ML_E_STRING_TOO_LONG;
  if( w.neg ) zBuf[j++] = '-';
  zBuf[j++] = zDig[0];
  if( nDig>1 ){
    zBuf[j++] = '.';
    for(i=1; i<nDig; i++) zBuf[j++] = zDig[i];
  }
  j += snprintf(&zBuf[j], nBuf-j, "E%c%d", adj<0 ? '-' : '+', adj<0 ? -adj : adj);
  assert( j<nBuf );
  return j;
}

/*
** Compare the magnitudes of two non-zero values: first by adjusted
** exponent, then digit by digit after aligning (a shift of at most 44).
*/
static int decCmpMag(const Dec45 *a, const Dec45 *b){
  DecWide x, y;
  int adjX, adjY;
  decWideLoad(&x, a);
  decWideLoad(&y, b);
  if( x.exp!=y.exp ){
    adjX = x.exp + decWideDigits(&x);
    adjY = y.exp + decWideDigits(&y);
    if( adjX!=adjY ) return adjX<adjY ? -1 : 1;
    if( x.exp>y.exp ){
      decWideShiftUp(&x, x.exp - y.exp);
    }else{
      decWideShiftUp(&y, y.exp - x.exp);
    }
  }
  return decWideCmpMag(&x, &y);
}

/* Compare values: -1, 0 or +1.  Representation does not matter. */
int dec45Cmp(const Dec45 *a, const Dec45 *b){
  int sa = dec45IsZero(a) ? 0 : a->neg ? -1 : 1;
  int sb = dec45IsZero(b) ? 0 : b->neg ? -1 : 1;
  int c;
  if( sa!=sb ) return sa<sb ? -1 : 1;
  if( sa==0 ) return 0;
  c = decCmpMag(a, b);
  return sa>0 ? c : -c;
}

/* Number of digits in p's coefficient, 0 for zero. */
int dec45Digits(const Dec45 *p){
  int i;
  for(i=DEC45_LIMBS-1; i>=0; i--){
    if( p->aLimb[i] ) return i*9 + decLimbDigits(p->aLimb[i]);
  }
  return 0;
}

/* Change the sign of p; zero stays non-negative. */
void dec45Negate(Dec45 *p){
  if( !dec45IsZero(p) ) p->neg = !p->neg;
}

/*
** Strip trailing zero digits from the coefficient (as far as the exponent
** range allows); zero becomes the canonical zero.
*/
void dec45Normalize(Dec45 *p){
  DecWide w;
  int tz;
  decWideLoad(&w, p);
  if( w.n==0 ){
    dec45Zero(p);
    return;
  }
  tz = decWideTrailingZeros(&w);
  if( tz>DEC45_MAX_EXP - w.exp ) tz = DEC45_MAX_EXP - w.exp;
  if( tz>0 ){
    decWideShiftDown(&w, tz, DEC45_TRUNCATE);
    decWideStore(&w, p);
  }
}

int dec45Add(const Dec45 *a, const Dec45 *b, Dec45 *pOut){
  DecWide w;
  int rc = decAddWide(a, b, 0, 0, &w);
  if( rc ) return rc;
  return decWideToDec(&w, pOut);
}

int dec45Sub(const Dec45 *a, const Dec45 *b, Dec45 *pOut){
  DecWide w;
  int rc = decAddWide(a, b, 1, 0, &w);
  if( rc ) return rc;
  return decWideToDec(&w, pOut);
}

int dec45Mul(const Dec45 *a, const Dec45 *b, Dec45 *pOut){
  DecWide w;
  decMulWide(a, b, &w);
  return decWideToDec(&w, pOut);
}

int dec45MulRound(const Dec45 *a, const Dec45 *b, int prec, int scale,
                  Dec45Rounding r, Dec45 *pOut){
  DecWide w;
  decMulWide(a, b, &w);
  return decWideFitScale(&w, prec, scale, r, pOut);
}

int dec45AddSig(const Dec45 *a, const Dec45 *b, int nDigits, Dec45 *pOut){
  DecWide w;
  int rc = decAddWide(a, b, 0, 1, &w);
  assert( rc==ML_OK );
  if( rc ) return rc;
  return decWideFitSig(&w, nDigits, pOut);
}

int dec45SubSig(const Dec45 *a, const Dec45 *b, int nDigits, Dec45 *pOut){
  DecWide w;
  int rc = decAddWide(a, b, 1, 1, &w);
  assert( rc==ML_OK );
  if( rc ) return rc;
  return decWideFitSig(&w, nDigits, pOut);
}

int dec45MulSig(const Dec45 *a, const Dec45 *b, int nDigits, Dec45 *pOut){
  DecWide w;
  decMulWide(a, b, &w);
  return decWideFitSig(&w, nDigits, pOut);
}

/*
** a / b at `scale` fractional digits.  With q = trunc(ca * 10^k / cb) for
** coefficients ca, cb and k = ea - eb + scale (+1 guard digit for
** half-up), q has at least dA + k - dB digits, which rules out the cases
** that would not fit the wide buffer before dividing: they overflow, or,
** when the divisor is shifted by more than dA + 1 digits, give zero.
*/
int dec45Div(const Dec45 *a, const Dec45 *b, int scale, Dec45Rounding r,
             Dec45 *pOut){
  DecWide x, y, q;
  int g = r==DEC45_HALF_UP, k, dA, dB;
  assert( -scale>=DEC45_MIN_EXP && -scale<=DEC45_MAX_EXP );
  if( dec45IsZero(b) ) return ML_E_DIVISION_BY_ZERO;
  decWideLoad(&x, a);
  decWideLoad(&y, b);
  dA = decWideDigits(&x);
  dB = decWideDigits(&y);
  k = x.exp - y.exp + scale + g;
  q.n = 0;
  if( dA>0 && (k>=0 || dB-k<=dA+1) ){
    if( dA+k-dB-g>DEC45_MAX_DIGITS ) return ML_E_OVERFLOW;
    decWideDivTrunc(&x, k, &y, &q);
  }
  q.exp = -scale - g;
  q.neg = a->neg ^ b->neg;
  if( g ) decWideShiftDown(&q, 1, DEC45_HALF_UP);
  if( decWideDigits(&q)>DEC45_MAX_DIGITS ) return ML_E_OVERFLOW;
  decWideStore(&q, pOut);
  return ML_OK;
}

/*
** a / b to nDigits significant digits.  k is chosen so that the truncated
** quotient has nDigits+1 or nDigits+2 digits; rounding half-up from those
** guard digits is exact (see decWideShiftDown).
*/
int dec45DivSig(const Dec45 *a, const Dec45 *b, int nDigits, Dec45 *pOut){
  DecWide x, y, q;
  int k, e;
  assert( nDigits>=1 && nDigits<=DEC45_MAX_DIGITS );
  if( dec45IsZero(b) ) return ML_E_DIVISION_BY_ZERO;
  if( dec45IsZero(a) ){
    dec45Zero(pOut);
    return ML_OK;
  }
  decWideLoad(&x, a);
  decWideLoad(&y, b);
  k = nDigits + 1 - decWideDigits(&x) + decWideDigits(&y);
  e = x.exp - y.exp - k;
  decWideDivTrunc(&x, k, &y, &q);
  q.exp = e;
  q.neg = a->neg ^ b->neg;
  return decWideFitSig(&q, nDigits, pOut);
}

int dec45Round(Dec45 *p, int prec, int scale, Dec45Rounding r){
  DecWide w;
  decWideLoad(&w, p);
  return decWideFitScale(&w, prec, scale, r, p);
}

int dec45RoundSig(Dec45 *p, int nDigits){
  DecWide w;
  decWideLoad(&w, p);
  return decWideFitSig(&w, nDigits, p);
}

int dec45ResultType(int op, int p1, int s1, int p2, int s2, int *pP, int *pS){
  int p, s;
  assert( p1>=1 && p1<=DEC45_MAX_DIGITS && s1>=0 && s1<=p1 );
  assert( p2>=1 && p2<=DEC45_MAX_DIGITS && s2>=0 && s2<=p2 );
  switch( op ){
    case '+':
    case '-':
      s = s1>s2 ? s1 : s2;
      p = (p1-s1>p2-s2 ? p1-s1 : p2-s2) + s + 1;
      break;
    case '*':
      p = p1 + p2;
      s = s1 + s2;
      break;
    case '/':
      p = (p1+p2>15) ? p1+p2 : 15;
      if( p>DEC45_MAX_DIGITS ) p = DEC45_MAX_DIGITS;
      s = p - (p1-s1) - s2;
      if( s<0 ) s = 0;
      break;
    default:
      return ML_E_INTERNAL;
  }
  if( p>DEC45_MAX_DIGITS ) p = DEC45_MAX_DIGITS;
  if( s>DEC45_MAX_DIGITS ) s = DEC45_MAX_DIGITS;
  assert( s>=0 && s<=p );
  *pP = p;
  *pS = s;
  return ML_OK;
}
