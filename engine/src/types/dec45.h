/*
** dec45: exact decimal numbers of up to 45 significant digits, the
** arithmetic behind Mimer's DECIMAL(p,s), NUMERIC, INTEGER(p) and the
** decimal floating type FLOAT(p) (exponent -999..+999).
**
** A Dec45 is (-1)^neg * coefficient * 10^exponent, the coefficient held in
** base 10^9 limbs, least significant first.  Operations never allocate;
** every result that does not fit its destination is an error, never a
** silently changed value.  Precision/scale bookkeeping (what type a result
** has) belongs to types/typerules; this module computes values and rounds
** them to a requested precision and scale.
*/
#ifndef MIMERLITE_DEC45_H
#define MIMERLITE_DEC45_H

#include <stdint.h>

#define DEC45_MAX_DIGITS  45
#define DEC45_LIMBS       5          /* 5 x 9 digits = 45 */
#define DEC45_LIMB_BASE   1000000000u
#define DEC45_MIN_EXP     (-1100)    /* covers FLOAT(45) down to 1E-999 */
#define DEC45_MAX_EXP     1100
#define DEC45_TEXT_MAX    64         /* longest text dec45Format writes, with NUL */

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
int  dec45FromDouble(Dec45 *p, double v, int nDigits);  /* nDigits significant, rounded */
double dec45ToDouble(const Dec45 *p);

/*
** Parse SQL numeric text (optional sign, digits, optional '.', digits,
** optional E exponent) of n bytes.  On success *pnPrec and *pnScale (either
** may be NULL) receive the literal's precision and scale in Mimer's sense:
** leading and trailing zeros count ("003.1400" is 7,4).  Returns ML_OK,
** ML_E_INVALID_NUMBER for malformed text, ML_E_OVERFLOW when the value
** needs more than 45 significant digits after removing leading zeros.
*/
int dec45Parse(Dec45 *p, const char *z, int n, int *pnPrec, int *pnScale);

/*
** Write p as fixed-point text with exactly `scale` digits after the point
** (no point when scale is 0), e.g. "-12.50".  p is rounded half-up to that
** scale first.  Returns the length written (excluding the NUL) or a
** negative error if zBuf is too small.
*/
int dec45Format(const Dec45 *p, int scale, char *zBuf, int nBuf);

/* Write p in scientific form "d.dddE+n" / "0E0", for FLOAT(p) values. */
int dec45FormatSci(const Dec45 *p, char *zBuf, int nBuf);

int dec45Cmp(const Dec45 *a, const Dec45 *b);           /* -1, 0, +1; 1 == 1.00 */
int dec45Digits(const Dec45 *p);                        /* significant digits, 0 for zero */
void dec45Negate(Dec45 *p);
void dec45Normalize(Dec45 *p);                          /* strip trailing zero digits */

/* Exact +, -, * ; ML_E_OVERFLOW if the exact result exceeds 45 digits. */
int dec45Add(const Dec45 *a, const Dec45 *b, Dec45 *pOut);
int dec45Sub(const Dec45 *a, const Dec45 *b, Dec45 *pOut);
int dec45Mul(const Dec45 *a, const Dec45 *b, Dec45 *pOut);

/*
** a / b with the quotient cut at `scale` fractional digits using rounding
** mode r.  ML_E_DIVISION_BY_ZERO when b is zero, ML_E_OVERFLOW when the
** quotient needs more than 45 digits.
*/
int dec45Div(const Dec45 *a, const Dec45 *b, int scale, Dec45Rounding r, Dec45 *pOut);

/*
** Divide to `nDigits` significant digits (for FLOAT(p) results), rounding
** half-up.  Same errors as dec45Div.
*/
int dec45DivSig(const Dec45 *a, const Dec45 *b, int nDigits, Dec45 *pOut);

/*
** Fit p to DECIMAL(prec, scale): round (mode r) to `scale` fractional
** digits, then fail with ML_E_OVERFLOW if more than prec-scale integer
** digits remain.  The result has exponent -scale.
*/
int dec45Round(Dec45 *p, int prec, int scale, Dec45Rounding r);

/*
** Fit p to FLOAT(nDigits): round half-up to nDigits significant digits;
** ML_E_OVERFLOW if the exponent leaves -999..+999 (a too-small value
** becomes zero).
*/
int dec45RoundSig(Dec45 *p, int nDigits);

#endif
