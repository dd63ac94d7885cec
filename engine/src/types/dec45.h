/*
** dec45: exact decimal numbers of up to 45 significant digits, the
** arithmetic behind Mimer's DECIMAL(p,s), NUMERIC, INTEGER(p) and the
** decimal floating type FLOAT(p) (exponent -999..+999).
**
** A Dec45 is (-1)^neg * coefficient * 10^exponent, the coefficient held in
** base 10^9 limbs, least significant first.  The representation is not
** unique (1 and 1.00 are different Dec45s that compare equal); zero is
** never negative.  Operations never allocate; every result that does not
** fit its destination is an error, never a silently changed value.
**
** Three families of operations: exact (dec45Add/Sub/Mul: the exact result
** or ML_E_OVERFLOW), fitted to DECIMAL(p,s) (dec45Round, dec45Div,
** dec45MulRound: the result has exponent -s), and fitted to FLOAT(p)
** (the *Sig functions: rounded half-up to p significant digits, adjusted
** exponent within -999..+999, smaller magnitudes become zero).  The
** DECIMAL result-type rule of Mimer's arithmetic is dec45ResultType.
** Choices made where Mimer's behaviour is unknown are in
** docs/compat-dec45.md.
*/
#ifndef MIMERLITE_DEC45_H
#define MIMERLITE_DEC45_H

#include <stdint.h>

#define DEC45_MAX_DIGITS  45
#define DEC45_LIMBS       5          /* 5 x 9 digits = 45 */
#define DEC45_LIMB_BASE   1000000000u
#define DEC45_MIN_EXP     (-1100)    /* covers FLOAT(45) down to 1E-999 */
#define DEC45_MAX_EXP     1100
#define DEC45_FLOAT_MIN_EXP (-999)   /* FLOAT(p): smallest adjusted exponent */
#define DEC45_FLOAT_MAX_EXP 999      /* FLOAT(p): largest adjusted exponent */
#define DEC45_TEXT_MAX    64         /* longest text dec45Format writes for a
                                     ** DECIMAL(p,s) value, and dec45FormatSci
                                     ** for any value, with NUL */

typedef struct Dec45 {
  uint32_t aLimb[DEC45_LIMBS];   /* coefficient, base 1e9, little-endian */
  int16_t exponent;              /* power of ten applied to the coefficient */
  uint8_t neg;                   /* 1 if negative (never set for zero) */
} Dec45;

/* How dec45Round and the division routines drop digits. */
typedef enum Dec45Rounding {
  DEC45_TRUNCATE = 0,            /* toward zero */
  DEC45_HALF_UP  = 1             /* half away from zero */
} Dec45Rounding;

void dec45Zero(Dec45 *p);
int  dec45IsZero(const Dec45 *p);
void dec45FromInt64(Dec45 *p, int64_t v);
int  dec45ToInt64(const Dec45 *p, int64_t *pOut);       /* truncates fraction; ML_E_OVERFLOW */

/*
** Set p to the double v: the shortest decimal that reads back as v (as
** Python's repr), then rounded half-up to nDigits (1..45) significant
** digits.  -0.0 gives 0.  ML_E_FLOAT_NOT_FINITE for NaN and infinities.
*/
int  dec45FromDouble(Dec45 *p, double v, int nDigits);

/* The double nearest to p (correctly rounded); +-HUGE_VAL / 0 beyond range. */
double dec45ToDouble(const Dec45 *p);

/*
** Parse SQL numeric text (optional sign, digits, optional '.', digits,
** optional E exponent, surrounding blanks) of n bytes, or NUL-terminated
** when n < 0.  On success *pnPrec and *pnScale (either may be NULL)
** receive the literal's precision and scale in Mimer's sense: every
** mantissa digit written counts, leading and trailing zeros too
** ("003.1400" is 7,4; an exponent does not change them: "1.5E3" is 2,1).
** Returns ML_OK, ML_E_INVALID_NUMBER for malformed text, ML_E_OVERFLOW
** when the digits from the first to the last non-zero one are more than
** 45, or the exponent leaves DEC45_MIN_EXP..DEC45_MAX_EXP.
*/
int dec45Parse(Dec45 *p, const char *z, int n, int *pnPrec, int *pnScale);

/*
** Write p as fixed-point text with exactly `scale` (>= 0) digits after the
** point (no point when scale is 0), e.g. "-12.50", "0.05".  p is rounded
** half-up to that scale first.  Returns the length written (excluding the
** NUL) or ML_E_STRING_TOO_LONG if zBuf (nBuf bytes) is too small.
*/
int dec45Format(const Dec45 *p, int scale, char *zBuf, int nBuf);

/*
** Write p in scientific form with trailing zeros removed, "-1.25E+3",
** "1E-7", "0E0", for FLOAT(p) values.  Returns the length or
** ML_E_STRING_TOO_LONG; DEC45_TEXT_MAX bytes always suffice.
*/
int dec45FormatSci(const Dec45 *p, char *zBuf, int nBuf);

int dec45Cmp(const Dec45 *a, const Dec45 *b);           /* -1, 0, +1; 1 == 1.00 */
int dec45Digits(const Dec45 *p);                        /* significant digits, 0 for zero */
void dec45Negate(Dec45 *p);
void dec45Normalize(Dec45 *p);                          /* strip trailing zero digits */

/*
** Exact +, -, * ; ML_E_OVERFLOW if the exact result needs more than 45
** digits (trailing zeros aside) or its exponent leaves the Dec45 range.
** pOut may be a or b.
*/
int dec45Add(const Dec45 *a, const Dec45 *b, Dec45 *pOut);
int dec45Sub(const Dec45 *a, const Dec45 *b, Dec45 *pOut);
int dec45Mul(const Dec45 *a, const Dec45 *b, Dec45 *pOut);

/*
** a * b fitted to DECIMAL(prec, scale) as dec45Round does, computed from
** the exact (up to 90-digit) product, so DECIMAL(30,30) * DECIMAL(30,30)
** works at scale 45.  ML_E_OVERFLOW when the integer part does not fit.
*/
int dec45MulRound(const Dec45 *a, const Dec45 *b, int prec, int scale,
                  Dec45Rounding r, Dec45 *pOut);

/*
** a / b with the quotient cut at `scale` fractional digits using rounding
** mode r; the result has exponent -scale.  ML_E_DIVISION_BY_ZERO when b is
** zero, ML_E_OVERFLOW when the quotient needs more than 45 digits.
*/
int dec45Div(const Dec45 *a, const Dec45 *b, int scale, Dec45Rounding r, Dec45 *pOut);

/*
** FLOAT(nDigits) arithmetic: the exact result rounded half-up to nDigits
** (1..45) significant digits and fitted as dec45RoundSig does
** (ML_E_OVERFLOW beyond 9.99..E+999, zero below 1E-999).  dec45DivSig
** also returns ML_E_DIVISION_BY_ZERO.
*/
int dec45AddSig(const Dec45 *a, const Dec45 *b, int nDigits, Dec45 *pOut);
int dec45SubSig(const Dec45 *a, const Dec45 *b, int nDigits, Dec45 *pOut);
int dec45MulSig(const Dec45 *a, const Dec45 *b, int nDigits, Dec45 *pOut);
int dec45DivSig(const Dec45 *a, const Dec45 *b, int nDigits, Dec45 *pOut);

/*
** Fit p to DECIMAL(prec, scale), 1 <= prec <= 45, 0 <= scale <= prec:
** round (mode r) to `scale` fractional digits, then fail with
** ML_E_OVERFLOW if more than prec-scale integer digits remain.  The
** result has exponent -scale.  p is unchanged on error.
*/
int dec45Round(Dec45 *p, int prec, int scale, Dec45Rounding r);

/*
** Fit p to FLOAT(nDigits): round half-up to nDigits significant digits;
** ML_E_OVERFLOW if the adjusted exponent (that of d.ddd E n) exceeds
** +999; a value whose adjusted exponent is below -999 becomes zero.
*/
int dec45RoundSig(Dec45 *p, int nDigits);

/*
** Mimer's result type of DECIMAL(p1,s1) op DECIMAL(p2,s2), op one of
** '+', '-', '*', '/':
**   + -  p = min(45, max(p1-s1, p2-s2) + max(s1,s2) + 1), s = max(s1,s2)
**   *    p = min(45, p1+p2), s = min(45, s1+s2)          (s <= p always)
**   /    p = min(45, max(15, p1+p2)), s = max(0, p - (p1-s1) - s2)
** Division results are truncated toward zero at scale s by the caller
** (dec45Div with DEC45_TRUNCATE).  INTEGER(p) operands have their own
** rules (types/typerules).  Returns ML_OK, or ML_E_INTERNAL for another op.
*/
int dec45ResultType(int op, int p1, int s1, int p2, int s2, int *pP, int *pS);

#endif
