/*
** Hand-picked cases for types/dec45: the edges of the 45-digit range,
** signs and zero, rounding at a scale, literal precision and scale, text
** forms, int64 and double conversions, Mimer's DECIMAL result types, and
** the rare internal paths (Knuth's add-back step, far-apart FLOAT sums)
** that random operands practically never reach.  The bulk checking against
** Python's decimal is dec45_differential.py.
*/
#include "testutil.h"

#include "types/dec45.h"
#include "util/errors.h"

#include <math.h>
#include <stdint.h>

/* Parse z, which the test expects to be valid. */
static Dec45 D(const char *z){
  Dec45 d;
  int rc = dec45Parse(&d, z, -1, 0, 0);
  if( rc ) testFail(__FILE__, __LINE__, "dec45Parse(\"%s\") == %d", z, rc);
  return d;
}

/* Format p at scale s into one of a few rotating static buffers. */
static const char *F(const Dec45 *p, int s){
  static char az[8][DEC45_TEXT_MAX*2];
  static int i = 0;
  char *z = az[i++ & 7];
  if( dec45Format(p, s, z, DEC45_TEXT_MAX*2)<0 ) return "<format error>";
  return z;
}

/* p in scientific form (rotating static buffers). */
static const char *S(const Dec45 *p){
  static char az[8][DEC45_TEXT_MAX];
  static int i = 0;
  char *z = az[i++ & 7];
  if( dec45FormatSci(p, z, DEC45_TEXT_MAX)<0 ) return "<format error>";
  return z;
}

static const char *z45Nines = "999999999999999999999999999999999999999999999";

static void test_parse_reports_literal_precision_and_scale(void){
  Dec45 d;
  int p = -1, s = -1;
  CHECK_EQ_INT(dec45Parse(&d, "003.1400", -1, &p, &s), ML_OK);
  CHECK_EQ_INT(p, 7);
  CHECK_EQ_INT(s, 4);
  CHECK_EQ_STR(F(&d, 4), "3.1400");
  CHECK_EQ_INT(dec45Parse(&d, "007", -1, &p, &s), ML_OK);
  CHECK_EQ_INT(p, 3);
  CHECK_EQ_INT(s, 0);
  CHECK_EQ_INT(dec45Parse(&d, ".5", -1, &p, &s), ML_OK);
  CHECK_EQ_INT(p, 1);
  CHECK_EQ_INT(s, 1);
  CHECK_EQ_INT(dec45Parse(&d, "-12.", -1, &p, &s), ML_OK);
  CHECK_EQ_INT(p, 2);
  CHECK_EQ_INT(s, 0);
  CHECK_EQ_STR(F(&d, 0), "-12");
  CHECK_EQ_INT(dec45Parse(&d, "1.5E3", -1, &p, &s), ML_OK);
  CHECK_EQ_INT(p, 2);
  CHECK_EQ_INT(s, 1);
  CHECK_EQ_STR(F(&d, 0), "1500");
  /* n bytes, not the whole string */
  CHECK_EQ_INT(dec45Parse(&d, "12345", 3, &p, &s), ML_OK);
  CHECK_EQ_STR(F(&d, 0), "123");
  CHECK_EQ_INT(p, 3);
}

static void test_parse_rejects_malformed_text(void){
  static const char *az[] = {
    "", " ", "+", "-", ".", "-.", "1e", "1E+", "e5", ".e1", "1.2.3", "1 2",
    "abc", "--1", "+-1", "1x", "0x10", "1e5.0", "1..", "1e 5", "1,5", "NaN",
    "Infinity", "١",
  };
  Dec45 d;
  int i;
  for(i=0; i<(int)(sizeof(az)/sizeof(az[0])); i++){
    int rc = dec45Parse(&d, az[i], -1, 0, 0);
    testChecks++;
    if( rc!=ML_E_INVALID_NUMBER ){
      testFail(__FILE__, __LINE__, "dec45Parse(\"%s\") == %d", az[i], rc);
    }
  }
  CHECK_EQ_INT(dec45Parse(&d, "1\0002", 3, 0, 0), ML_E_INVALID_NUMBER);
}

static void test_parse_accepts_exponents_and_blanks(void){
  Dec45 d;
  d = D("  -2.5e+2\t");
  CHECK_EQ_STR(F(&d, 0), "-250");
  d = D("1e-3");
  CHECK_EQ_STR(F(&d, 3), "0.001");
  d = D("+7E0");
  CHECK_EQ_STR(F(&d, 0), "7");
  d = D("12.5E-1099");
  CHECK_EQ_STR(S(&d), "1.25E-1098");
  /* exact values whose written exponent is outside the range */
  d = D("1.000E-1099");
  CHECK_EQ_STR(S(&d), "1E-1099");
  d = D("0.001E1103");
  CHECK_EQ_STR(S(&d), "1E+1100");
  d = D("0E99999999");
  CHECK(dec45IsZero(&d));
  d = D("1E1101");                 /* held as 10E1100 */
  CHECK_EQ_STR(S(&d), "1E+1101");
  CHECK_EQ_INT(dec45Parse(&d, "1E1145", -1, 0, 0), ML_E_OVERFLOW);
  CHECK_EQ_INT(dec45Parse(&d, "1.5E-1100", -1, 0, 0), ML_E_OVERFLOW);
}

static void test_parse_overflows_beyond_45_significant_digits(void){
  Dec45 d;
  int p, s;
  /* 45 digits are fine, leading zeros do not count */
  d = D("000999999999999999999999999999999999999999999999");
  CHECK_EQ_STR(S(&d), "9.99999999999999999999999999999999999999999999E+44");
  CHECK_EQ_INT(dec45Parse(&d, "1234567890123456789012345678901234567890123456",
                          -1, 0, 0), ML_E_OVERFLOW);
  CHECK_EQ_INT(dec45Parse(&d, "0.1000000000000000000000000000000000000000000001",
                          -1, 0, 0), ML_E_OVERFLOW);
  /* trailing zeros beyond 45 digits are exact: precision is as written */
  CHECK_EQ_INT(dec45Parse(&d, "1.00000000000000000000000000000000000000000000000000",
                          -1, &p, &s), ML_OK);
  CHECK_EQ_INT(p, 51);
  CHECK_EQ_INT(s, 50);
  CHECK_EQ_STR(F(&d, 2), "1.00");
}

static void test_negative_zero_is_zero(void){
  Dec45 d, e, z;
  int64_t i = 5;
  d = D("-0.000");
  CHECK(!d.neg);
  CHECK(dec45IsZero(&d));
  CHECK_EQ_STR(F(&d, 2), "0.00");
  dec45Negate(&d);
  CHECK(!d.neg);
  e = D("5.5");
  CHECK_EQ_INT(dec45Sub(&e, &e, &z), ML_OK);
  CHECK(!z.neg);
  CHECK_EQ_STR(F(&z, 1), "0.0");
  e = D("-3");
  CHECK_EQ_INT(dec45Mul(&e, &d, &z), ML_OK);
  CHECK(!z.neg);
  CHECK_EQ_INT(dec45Div(&d, &e, 4, DEC45_TRUNCATE, &z), ML_OK);
  CHECK(!z.neg);
  /* a negative value that rounds to zero prints without a sign */
  e = D("-0.004");
  CHECK_EQ_STR(F(&e, 2), "0.00");
  CHECK_EQ_INT(dec45Round(&e, 5, 2, DEC45_HALF_UP), ML_OK);
  CHECK(!e.neg);
  CHECK_EQ_INT(dec45FromDouble(&z, -0.0, 15), ML_OK);
  CHECK(dec45IsZero(&z) && !z.neg);
  CHECK_EQ_STR(S(&z), "0E0");
  CHECK_EQ_INT(dec45ToInt64(&d, &i), ML_OK);
  CHECK_EQ_INT(i, 0);
}

static void test_compare_ignores_representation(void){
  Dec45 a = D("1"), b = D("1.000"), c = D("-1"), z1 = D("0"), z2 = D("-0.00");
  Dec45 e = D("1E-1000"), f = D("0.99999999999999999999999999999999999999999999");
  CHECK_EQ_INT(dec45Cmp(&a, &b), 0);
  CHECK_EQ_INT(dec45Cmp(&b, &a), 0);
  CHECK_EQ_INT(dec45Cmp(&c, &a), -1);
  CHECK_EQ_INT(dec45Cmp(&a, &c), 1);
  CHECK_EQ_INT(dec45Cmp(&z1, &z2), 0);
  CHECK_EQ_INT(dec45Cmp(&z1, &e), -1);
  CHECK_EQ_INT(dec45Cmp(&f, &a), -1);
  CHECK_EQ_INT(dec45Cmp(&c, &z1), -1);
  b = D("100E-2");
  CHECK_EQ_INT(dec45Cmp(&a, &b), 0);
  dec45Normalize(&b);
  CHECK_EQ_INT(b.exponent, 0);
  CHECK_EQ_INT(dec45Digits(&b), 1);
  CHECK_EQ_INT(dec45Digits(&f), 44);
  CHECK_EQ_INT(dec45Digits(&z1), 0);
  dec45Normalize(&z2);
  CHECK_EQ_INT(z2.exponent, 0);
  CHECK(!z2.neg);
}

static void test_45_nines_plus_one_overflows_decimal_45(void){
  Dec45 a = D(z45Nines), one = D("1"), tenth = D("0.1"), r;
  int p, s;
  CHECK_EQ_INT(dec45ResultType('+', 45, 0, 1, 0, &p, &s), ML_OK);
  CHECK_EQ_INT(p, 45);
  CHECK_EQ_INT(s, 0);
  /* the exact sum 1E45 is a Dec45, but not a DECIMAL(45,0) */
  CHECK_EQ_INT(dec45Add(&a, &one, &r), ML_OK);
  CHECK_EQ_STR(S(&r), "1E+45");
  CHECK_EQ_INT(dec45Round(&r, p, s, DEC45_TRUNCATE), ML_E_OVERFLOW);
  CHECK_EQ_STR(S(&r), "1E+45");    /* unchanged on error */
  /* 46 significant digits cannot be held at all */
  CHECK_EQ_INT(dec45Add(&a, &tenth, &r), ML_E_OVERFLOW);
  dec45Negate(&a);
  CHECK_EQ_INT(dec45Sub(&a, &one, &r), ML_OK);
  CHECK_EQ_INT(dec45Round(&r, 45, 0, DEC45_TRUNCATE), ML_E_OVERFLOW);
  /* and far-apart operands */
  a = D("1E100");
  CHECK_EQ_INT(dec45Add(&a, &one, &r), ML_E_OVERFLOW);
}

static void test_1e44_times_10_overflows_decimal_45(void){
  Dec45 a = D("100000000000000000000000000000000000000000000"), ten = D("10"), r;
  int p, s;
  CHECK_EQ_INT(dec45Digits(&a), 45);
  CHECK_EQ_INT(dec45ResultType('*', 45, 0, 2, 0, &p, &s), ML_OK);
  CHECK_EQ_INT(p, 45);
  CHECK_EQ_INT(dec45MulRound(&a, &ten, p, s, DEC45_TRUNCATE, &r), ML_E_OVERFLOW);
  CHECK_EQ_INT(dec45Mul(&a, &ten, &r), ML_OK);
  CHECK_EQ_STR(S(&r), "1E+45");
  a = D(z45Nines);
  CHECK_EQ_INT(dec45Mul(&a, &a, &r), ML_E_OVERFLOW);
  CHECK_EQ_INT(dec45MulSig(&a, &a, 45, &r), ML_OK);
  CHECK_EQ_STR(S(&r), "9.99999999999999999999999999999999999999999998E+89");
}

static void test_round_half_up_at_scale(void){
  static const struct { const char *z; int p, s; Dec45Rounding r; const char *zOut; } a[] = {
    { "2.345",    5, 2, DEC45_HALF_UP,  "2.35" },
    { "-2.345",   5, 2, DEC45_HALF_UP,  "-2.35" },
    { "2.3449",   5, 2, DEC45_HALF_UP,  "2.34" },
    { "2.349",    5, 2, DEC45_TRUNCATE, "2.34" },
    { "-2.349",   5, 2, DEC45_TRUNCATE, "-2.34" },
    { "9.995",    4, 2, DEC45_HALF_UP,  "10.00" },
    { "99.995",   4, 2, DEC45_HALF_UP,  0 },
    { "99.995",   4, 2, DEC45_TRUNCATE, "99.99" },
    { "0.5",      1, 0, DEC45_HALF_UP,  "1" },
    { "0.49999",  1, 0, DEC45_HALF_UP,  "0" },
    { "1.5",      5, 3, DEC45_HALF_UP,  "1.500" },
    { "12345",    4, 0, DEC45_HALF_UP,  0 },
    { "1E-50",   45, 45, DEC45_HALF_UP, "0.000000000000000000000000000000000000000000000" },
    { "5E-46",   45, 45, DEC45_HALF_UP, "0.000000000000000000000000000000000000000000001" },
    { "1E44",    45, 0, DEC45_HALF_UP,  "100000000000000000000000000000000000000000000" },
    { "1E45",    45, 0, DEC45_HALF_UP,  0 },
  };
  int i;
  for(i=0; i<(int)(sizeof(a)/sizeof(a[0])); i++){
    Dec45 d = D(a[i].z);
    int rc = dec45Round(&d, a[i].p, a[i].s, a[i].r);
    if( a[i].zOut==0 ){
      CHECK_EQ_INT(rc, ML_E_OVERFLOW);
    }else{
      CHECK_EQ_INT(rc, ML_OK);
      CHECK_EQ_INT(d.exponent, -a[i].s);
      CHECK_EQ_STR(F(&d, a[i].s), a[i].zOut);
    }
  }
}

static void test_format_pads_rounds_and_checks_buffer(void){
  Dec45 d = D("-12.5");
  char z[8];
  CHECK_EQ_STR(F(&d, 2), "-12.50");
  CHECK_EQ_STR(F(&d, 0), "-13");
  d = D("0.05");
  CHECK_EQ_STR(F(&d, 2), "0.05");
  CHECK_EQ_STR(F(&d, 1), "0.1");
  CHECK_EQ_STR(F(&d, 0), "0");
  d = D("1.5E3");
  CHECK_EQ_STR(F(&d, 1), "1500.0");
  CHECK_EQ_INT(dec45Format(&d, 1, z, 6), ML_E_STRING_TOO_LONG);
  CHECK_EQ_INT(dec45Format(&d, 1, z, 7), 6);
  CHECK_EQ_STR(z, "1500.0");
  d = D("1E1000");
  CHECK_EQ_INT(dec45Format(&d, 0, z, sizeof(z)), ML_E_STRING_TOO_LONG);
  d = D("-1234.5600");
  CHECK_EQ_STR(S(&d), "-1.23456E+3");
  d = D("0.0007");
  CHECK_EQ_STR(S(&d), "7E-4");
  CHECK_EQ_INT(dec45FormatSci(&d, z, 4), ML_E_STRING_TOO_LONG);
}

static void test_to_int64_limits(void){
  static const struct { const char *z; int rc; int64_t v; } a[] = {
    { "9223372036854775807",    ML_OK, INT64_MAX },
    { "9223372036854775807.99", ML_OK, INT64_MAX },
    { "9223372036854775808",    ML_E_OVERFLOW, 0 },
    { "-9223372036854775808",   ML_OK, INT64_MIN },
    { "-9223372036854775808.9", ML_OK, INT64_MIN },
    { "-9223372036854775809",   ML_E_OVERFLOW, 0 },
    { "1E18",                   ML_OK, 1000000000000000000LL },
    { "1E19",                   ML_E_OVERFLOW, 0 },
    { "-7.9",                   ML_OK, -7 },
    { "0.999",                  ML_OK, 0 },
    { "1E-1000",                ML_OK, 0 },
    { "99999999999999999999999", ML_E_OVERFLOW, 0 },
  };
  int i;
  Dec45 d;
  int64_t v;
  for(i=0; i<(int)(sizeof(a)/sizeof(a[0])); i++){
    Dec45 x = D(a[i].z);
    v = 12345;
    CHECK_EQ_INT(dec45ToInt64(&x, &v), a[i].rc);
    CHECK_EQ_INT(v, a[i].rc ? 12345 : a[i].v);
  }
  dec45FromInt64(&d, INT64_MIN);
  CHECK_EQ_STR(F(&d, 0), "-9223372036854775808");
  CHECK_EQ_INT(dec45ToInt64(&d, &v), ML_OK);
  CHECK_EQ_INT(v, INT64_MIN);
  dec45FromInt64(&d, INT64_MAX);
  CHECK_EQ_STR(F(&d, 0), "9223372036854775807");
  dec45FromInt64(&d, 0);
  CHECK(dec45IsZero(&d) && !d.neg);
}

static void test_from_double_uses_shortest_digits(void){
  Dec45 d;
  CHECK_EQ_INT(dec45FromDouble(&d, 0.1, 45), ML_OK);
  CHECK_EQ_STR(S(&d), "1E-1");
  CHECK_EQ_INT(dec45FromDouble(&d, 1e300, 45), ML_OK);
  CHECK_EQ_STR(S(&d), "1E+300");
  CHECK_EQ_INT(dec45FromDouble(&d, -2.5, 45), ML_OK);
  CHECK_EQ_STR(F(&d, 1), "-2.5");
  CHECK_EQ_INT(dec45FromDouble(&d, 1.0/3.0, 45), ML_OK);
  CHECK_EQ_STR(S(&d), "3.333333333333333E-1");
  CHECK_EQ_INT(dec45FromDouble(&d, 2.0/3.0, 5), ML_OK);
  CHECK_EQ_STR(S(&d), "6.6667E-1");
  CHECK_EQ_INT(dec45FromDouble(&d, 5e-324, 45), ML_OK);
  CHECK_EQ_STR(S(&d), "5E-324");
  CHECK_EQ_INT(dec45FromDouble(&d, 1.7976931348623157e308, 45), ML_OK);
  CHECK_EQ_STR(S(&d), "1.7976931348623157E+308");
  CHECK_EQ_INT(dec45FromDouble(&d, 123456789.0, 3), ML_OK);
  CHECK_EQ_STR(S(&d), "1.23E+8");
  CHECK_EQ_INT(dec45FromDouble(&d, NAN, 15), ML_E_FLOAT_NOT_FINITE);
  CHECK_EQ_INT(dec45FromDouble(&d, INFINITY, 15), ML_E_FLOAT_NOT_FINITE);
  CHECK_EQ_INT(dec45FromDouble(&d, -INFINITY, 15), ML_E_FLOAT_NOT_FINITE);
}

static void test_to_double_is_correctly_rounded(void){
  Dec45 d;
  d = D("0.1");
  CHECK(dec45ToDouble(&d)==0.1);
  d = D("-123.456");
  CHECK(dec45ToDouble(&d)==-123.456);
  /* halfway between two doubles, decided by the 45th digit */
  d = D("9007199254740993.00000000000000000000000000001");
  CHECK(dec45ToDouble(&d)==9007199254740994.0);
  d = D("9007199254740993");
  CHECK(dec45ToDouble(&d)==9007199254740992.0);
  d = D("1E-400");
  CHECK(dec45ToDouble(&d)==0.0);
  d = D("1E400");
  CHECK(isinf(dec45ToDouble(&d)));
  d = D("2.2250738585072014E-308");
  CHECK(dec45ToDouble(&d)==2.2250738585072014e-308);
}

static void test_division_truncates_toward_zero(void){
  Dec45 a, b, q;
  int p, s;
  a = D("1"); b = D("3");
  CHECK_EQ_INT(dec45Div(&a, &b, 5, DEC45_TRUNCATE, &q), ML_OK);
  CHECK_EQ_STR(F(&q, 5), "0.33333");
  a = D("2");
  CHECK_EQ_INT(dec45Div(&a, &b, 5, DEC45_TRUNCATE, &q), ML_OK);
  CHECK_EQ_STR(F(&q, 5), "0.66666");
  CHECK_EQ_INT(dec45Div(&a, &b, 5, DEC45_HALF_UP, &q), ML_OK);
  CHECK_EQ_STR(F(&q, 5), "0.66667");
  a = D("-7"); b = D("2");
  CHECK_EQ_INT(dec45Div(&a, &b, 0, DEC45_TRUNCATE, &q), ML_OK);
  CHECK_EQ_STR(F(&q, 0), "-3");
  CHECK_EQ_INT(dec45Div(&a, &b, 0, DEC45_HALF_UP, &q), ML_OK);
  CHECK_EQ_STR(F(&q, 0), "-4");
  /* Mimer's type: DECIMAL(1,0) / DECIMAL(1,0) is DECIMAL(15,14) */
  CHECK_EQ_INT(dec45ResultType('/', 1, 0, 1, 0, &p, &s), ML_OK);
  CHECK_EQ_INT(p, 15);
  CHECK_EQ_INT(s, 14);
  CHECK_EQ_INT(dec45Div(&a, &b, s, DEC45_TRUNCATE, &q), ML_OK);
  CHECK_EQ_INT(dec45Round(&q, p, s, DEC45_TRUNCATE), ML_OK);
  CHECK_EQ_STR(F(&q, s), "-3.50000000000000");
  /* the quotient must fit 45 digits */
  a = D("1E44"); b = D("0.00001");
  CHECK_EQ_INT(dec45Div(&a, &b, 0, DEC45_TRUNCATE, &q), ML_E_OVERFLOW);
  b = D("10");
  CHECK_EQ_INT(dec45Div(&a, &b, 1, DEC45_TRUNCATE, &q), ML_OK);
  CHECK_EQ_STR(S(&q), "1E+43");
  /* a divisor far larger than the dividend gives zero */
  a = D("1"); b = D("1E300");
  CHECK_EQ_INT(dec45Div(&a, &b, 45, DEC45_HALF_UP, &q), ML_OK);
  CHECK(dec45IsZero(&q));
  CHECK_EQ_INT(q.exponent, -45);
}

static void test_division_by_zero_is_an_error(void){
  Dec45 a = D("1"), z = D("0.00"), q;
  CHECK_EQ_INT(dec45Div(&a, &z, 2, DEC45_TRUNCATE, &q), ML_E_DIVISION_BY_ZERO);
  CHECK_EQ_INT(dec45Div(&z, &z, 2, DEC45_TRUNCATE, &q), ML_E_DIVISION_BY_ZERO);
  CHECK_EQ_INT(dec45DivSig(&a, &z, 15, &q), ML_E_DIVISION_BY_ZERO);
}

/*
** u = q*v - 1 with a normalised 3-limb v: the two-limb estimate of the
** quotient digit survives Knuth's refinement test but is one too large,
** so the rare add-back step runs.
*/
static void test_division_add_back_step(void){
  Dec45 a, b, q;
  a = D("599999999523456789864197531012345678");
  b = D("600000000123456789987654321");
  CHECK_EQ_INT(dec45Div(&a, &b, 0, DEC45_TRUNCATE, &q), ML_OK);
  CHECK_EQ_STR(F(&q, 0), "999999998");
  a = D("777777776999999999999999999222222222");
  b = D("999999999999999999999999999");
  CHECK_EQ_INT(dec45Div(&a, &b, 0, DEC45_TRUNCATE, &q), ML_OK);
  CHECK_EQ_STR(F(&q, 0), "777777776");
  CHECK_EQ_INT(dec45Div(&a, &b, 9, DEC45_TRUNCATE, &q), ML_OK);
  CHECK_EQ_STR(F(&q, 9), "777777776.999999999");
}

static void test_result_type_rules(void){
  int p, s;
  CHECK_EQ_INT(dec45ResultType('+', 5, 2, 7, 4, &p, &s), ML_OK);
  CHECK_EQ_INT(p, 8);      /* max(3,3) + 4 + 1 */
  CHECK_EQ_INT(s, 4);
  CHECK_EQ_INT(dec45ResultType('-', 45, 10, 45, 40, &p, &s), ML_OK);
  CHECK_EQ_INT(p, 45);
  CHECK_EQ_INT(s, 40);
  CHECK_EQ_INT(dec45ResultType('*', 5, 2, 7, 4, &p, &s), ML_OK);
  CHECK_EQ_INT(p, 12);
  CHECK_EQ_INT(s, 6);
  CHECK_EQ_INT(dec45ResultType('*', 30, 30, 30, 30, &p, &s), ML_OK);
  CHECK_EQ_INT(p, 45);
  CHECK_EQ_INT(s, 45);
  CHECK_EQ_INT(dec45ResultType('/', 10, 2, 5, 1, &p, &s), ML_OK);
  CHECK_EQ_INT(p, 15);
  CHECK_EQ_INT(s, 6);      /* 15 - 8 - 1 */
  CHECK_EQ_INT(dec45ResultType('/', 45, 0, 45, 45, &p, &s), ML_OK);
  CHECK_EQ_INT(p, 45);
  CHECK_EQ_INT(s, 0);      /* 45 - 45 - 45 is negative: 0 */
  CHECK_EQ_INT(dec45ResultType('%', 1, 0, 1, 0, &p, &s), ML_E_INTERNAL);
}

static void test_mul_round_caps_scale_at_45(void){
  Dec45 a = D("0.123456789012345678901234567891"), r;
  CHECK_EQ_INT(dec45Mul(&a, &a, &r), ML_E_OVERFLOW);   /* 60 digits exact */
  CHECK_EQ_INT(dec45MulRound(&a, &a, 45, 45, DEC45_TRUNCATE, &r), ML_OK);
  CHECK_EQ_STR(F(&r, 45), "0.015241578753238836750495351562783112365526596");
  CHECK_EQ_INT(dec45MulRound(&a, &a, 45, 45, DEC45_HALF_UP, &r), ML_OK);
  CHECK_EQ_STR(F(&r, 45), "0.015241578753238836750495351562783112365526597");
}

static void test_float_range_and_far_apart_sums(void){
  Dec45 a, b, r;
  a = D("9.99E999");
  CHECK_EQ_INT(dec45RoundSig(&a, 3), ML_OK);
  CHECK_EQ_INT(dec45RoundSig(&a, 2), ML_E_OVERFLOW);   /* 1.0E+1000 */
  b = D("10");
  a = D("1E999");
  CHECK_EQ_INT(dec45MulSig(&a, &b, 15, &r), ML_E_OVERFLOW);
  a = D("1E-999");
  CHECK_EQ_INT(dec45DivSig(&a, &b, 15, &r), ML_OK);    /* underflow to 0 */
  CHECK(dec45IsZero(&r));
  a = D("9.5E-1000");
  CHECK_EQ_INT(dec45RoundSig(&a, 1), ML_OK);           /* rounds into range */
  CHECK_EQ_STR(S(&r), "0E0");
  CHECK_EQ_STR(S(&a), "1E-999");
  /* 1E100 - 1E-100 to 45 digits: the tiny operand decides nothing ... */
  a = D("1E100"); b = D("1E-100");
  CHECK_EQ_INT(dec45SubSig(&a, &b, 45, &r), ML_OK);
  CHECK_EQ_STR(S(&r), "1E+100");
  /* ... unless the larger one sits exactly on a rounding boundary */
  a = D("1.5E100");
  CHECK_EQ_INT(dec45SubSig(&a, &b, 1, &r), ML_OK);
  CHECK_EQ_STR(S(&r), "1E+100");
  CHECK_EQ_INT(dec45AddSig(&a, &b, 1, &r), ML_OK);
  CHECK_EQ_STR(S(&r), "2E+100");
  a = D("-1.5E100");
  CHECK_EQ_INT(dec45AddSig(&a, &b, 1, &r), ML_OK);
  CHECK_EQ_STR(S(&r), "-1E+100");
  a = D("1"); b = D("3");
  CHECK_EQ_INT(dec45DivSig(&a, &b, 45, &r), ML_OK);
  CHECK_EQ_STR(S(&r), "3.33333333333333333333333333333333333333333333E-1");
}

int main(void){
  TEST_RUN(test_parse_reports_literal_precision_and_scale);
  TEST_RUN(test_parse_rejects_malformed_text);
  TEST_RUN(test_parse_accepts_exponents_and_blanks);
  TEST_RUN(test_parse_overflows_beyond_45_significant_digits);
  TEST_RUN(test_negative_zero_is_zero);
  TEST_RUN(test_compare_ignores_representation);
  TEST_RUN(test_45_nines_plus_one_overflows_decimal_45);
  TEST_RUN(test_1e44_times_10_overflows_decimal_45);
  TEST_RUN(test_round_half_up_at_scale);
  TEST_RUN(test_format_pads_rounds_and_checks_buffer);
  TEST_RUN(test_to_int64_limits);
  TEST_RUN(test_from_double_uses_shortest_digits);
  TEST_RUN(test_to_double_is_correctly_rounded);
  TEST_RUN(test_division_truncates_toward_zero);
  TEST_RUN(test_division_by_zero_is_an_error);
  TEST_RUN(test_division_add_back_step);
  TEST_RUN(test_result_type_rules);
  TEST_RUN(test_mul_round_caps_scale_at_45);
  TEST_RUN(test_float_range_and_far_apart_sums);
  return testReport();
}
