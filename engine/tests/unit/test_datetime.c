/*
** Unit tests for types/datetime.c and types/interval.c: every DATE, TIME,
** TIMESTAMP and INTERVAL text form Mimer shows and every error, all 13
** interval kinds round-tripped through parse and format at several
** precisions, datetime and interval arithmetic, and a differential check
** of the calendar (every day 0001..9999 walked naively, plus 200,000
** random days against closed formulas, Zeller's congruence and the
** textbook ISO-week rule).  Python's datetime is the oracle for the
** arithmetic in datetime_differential.py.
*/
#include <stdlib.h>

#include "testutil.h"
#include "types/datetime.h"
#include "util/errors.h"

/* ---- helpers ---------------------------------------------------------- */

static SqlType ivType(int kind, int prec, int scale){
  SqlType t;
  memset(&t, 0, sizeof(t));
  t.id = SQLT_INTERVAL;
  t.intervalKind = (uint8_t)kind;
  t.precision = (uint8_t)prec;
  t.scale = (uint8_t)scale;
  return t;
}

/* Parse zIn as DATE and format it back; "ERR <code>" on failure. */
static const char *rtDate(const char *zIn){
  static char z[DT_TEXT_MAX + 16];
  SqlDate d;
  int rc = dtParseDate(zIn, -1, &d);
  if( rc ){ snprintf(z, sizeof(z), "ERR %d", rc); return z; }
  dtFormatDate(d, z);
  return z;
}

static const char *rtTime(const char *zIn, int scale){
  static char z[DT_TEXT_MAX + 16];
  SqlTime t;
  int rc = dtParseTime(zIn, -1, scale, &t);
  if( rc ){ snprintf(z, sizeof(z), "ERR %d", rc); return z; }
  CHECK_EQ_INT(dtFormatTime(t, scale, z), strlen(z));
  return z;
}

static const char *rtTs(const char *zIn, int scale){
  static char z[DT_TEXT_MAX + 16];
  SqlTimestamp ts;
  int rc = dtParseTimestamp(zIn, -1, scale, &ts);
  if( rc ){ snprintf(z, sizeof(z), "ERR %d", rc); return z; }
  CHECK_EQ_INT(dtFormatTimestamp(&ts, scale, z), strlen(z));
  return z;
}

static const char *rtIv(const char *zIn, int kind, int prec, int scale){
  static char z[DT_TEXT_MAX + 16];
  SqlType t = ivType(kind, prec, scale);
  SqlInterval iv;
  int rc = dtParseInterval(zIn, -1, &t, &iv);
  if( rc ){ snprintf(z, sizeof(z), "ERR %d", rc); return z; }
  CHECK_EQ_INT(dtFormatInterval(&iv, &t, z), strlen(z));
  return z;
}

static const char *errStr(int rc){
  static char z[32];
  snprintf(z, sizeof(z), "ERR %d", rc);
  return z;
}

static SqlDate mkDate(const char *z){
  SqlDate d = -1;
  CHECK_EQ_INT(dtParseDate(z, -1, &d), ML_OK);
  return d;
}

static SqlTimestamp mkTs(const char *z){
  SqlTimestamp ts = { -1, -1 };
  CHECK_EQ_INT(dtParseTimestamp(z, -1, 9, &ts), ML_OK);
  return ts;
}

static SqlInterval mkIv(const char *z, int kind){
  SqlType t = ivType(kind, dtIntervalMaxLeading(kind), 9);
  SqlInterval iv = { 99, 99, 99 };
  CHECK_EQ_INT(dtParseInterval(z, -1, &t, &iv), ML_OK);
  return iv;
}

static const char *fmtIv(const SqlInterval *p, int kind, int scale){
  static char z[DT_TEXT_MAX];
  SqlType t = ivType(kind, dtIntervalMaxLeading(kind), scale);
  dtFormatInterval(p, &t, z);
  return z;
}

/* dtIntervalCmp of two interval literals of the given kinds. */
static int cmpIv(const char *zA, int kA, const char *zB, int kB){
  SqlInterval a = mkIv(zA, kA), b = mkIv(zB, kB);
  return dtIntervalCmp(&a, &b);
}

/* dtIntervalCheck of an interval literal against pType. */
static int checkIv(const char *z, int kind, const SqlType *pType){
  SqlInterval a = mkIv(z, kind);
  return dtIntervalCheck(&a, pType);
}

/* ---- DATE / TIME / TIMESTAMP text ------------------------------------- */

static void test_date_text_round_trips_and_rejects_invalid_dates(void){
  CHECK_EQ_STR(rtDate("2020-09-24"), "2020-09-24");
  CHECK_EQ_STR(rtDate("  2020-09-24  "), "2020-09-24");
  CHECK_EQ_STR(rtDate("0001-01-01"), "0001-01-01");
  CHECK_EQ_STR(rtDate("9999-12-31"), "9999-12-31");
  CHECK_EQ_STR(rtDate("2000-02-29"), "2000-02-29");
  CHECK_EQ_STR(rtDate("2024-02-29"), "2024-02-29");
  CHECK_EQ_STR(rtDate("33-1-5"), "0033-01-05");
  CHECK_EQ_INT(mkDate("0001-01-01"), 0);
  CHECK_EQ_INT(mkDate("9999-12-31"), DT_DATE_MAX);
  CHECK_EQ_INT(mkDate("1970-01-01"), 719162);
  CHECK_EQ_STR(rtDate("2021-02-29"), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtDate("1900-02-29"), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtDate("2100-02-29"), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtDate("2021-04-31"), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtDate("2021-13-40"), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtDate("2021-00-10"), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtDate("2021-01-00"), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtDate("0000-01-01"), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtDate("10000-01-01"), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtDate("2020-09-24 10:00:00"), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtDate("2020/09/24"), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtDate("2020-09-24x"), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtDate("-2020-09-24"), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtDate("2020-009-24"), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtDate(""), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtDate("   "), errStr(ML_E_INVALID_DATETIME));
  {
    SqlDate d = 0;
    CHECK_EQ_INT(dtParseDate("2020-09-24junk", 10, &d), ML_OK);
    CHECK_EQ_INT(d, mkDate("2020-09-24"));
    CHECK_EQ_INT(dtDateFromYmd(2021, 2, 29, &d), ML_E_INVALID_DATETIME);
    CHECK_EQ_INT(dtDateFromYmd(2021, 2, 28, &d), ML_OK);
  }
}

static void test_time_text_has_exactly_scale_digits_and_rounds_half_up(void){
  CHECK_EQ_STR(rtTime("16:04:55", 0), "16:04:55");
  CHECK_EQ_STR(rtTime("16:04:55.1234", 4), "16:04:55.1234");
  CHECK_EQ_STR(rtTime("16:04:55.1234", 6), "16:04:55.123400");
  CHECK_EQ_STR(rtTime("16:04:55", 9), "16:04:55.000000000");
  CHECK_EQ_STR(rtTime("16:04:55.", 2), "16:04:55.00");
  CHECK_EQ_STR(rtTime(" 9:05:07 ", 0), "09:05:07");
  CHECK_EQ_STR(rtTime("00:00:00", 0), "00:00:00");
  CHECK_EQ_STR(rtTime("16:04:55.4999999", 0), "16:04:55");
  CHECK_EQ_STR(rtTime("16:04:55.5", 0), "16:04:56");
  CHECK_EQ_STR(rtTime("16:04:55.123456", 0), "16:04:55");
  CHECK_EQ_STR(rtTime("16:04:55.123456", 4), "16:04:55.1235");
  CHECK_EQ_STR(rtTime("16:04:59.995", 2), "16:05:00.00");
  CHECK_EQ_STR(rtTime("16:59:59.5", 0), "17:00:00");
  CHECK_EQ_STR(rtTime("12:00:00.1234567894", 9), "12:00:00.123456789");
  CHECK_EQ_STR(rtTime("12:00:00.1234567895", 9), "12:00:00.123456790");
  /* A carry past 23:59:59 is truncated instead. */
  CHECK_EQ_STR(rtTime("23:59:59.5", 0), "23:59:59");
  CHECK_EQ_STR(rtTime("23:59:59.999999", 0), "23:59:59");
  CHECK_EQ_STR(rtTime("23:59:59.999999", 3), "23:59:59.999");
  CHECK_EQ_STR(rtTime("23:59:59.9999999999", 9), "23:59:59.999999999");
  CHECK_EQ_STR(rtTime("23:59:59.4", 0), "23:59:59");
  CHECK_EQ_STR(rtTime("24:00:00", 0), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTime("25:61:61", 0), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTime("12:60:00", 0), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTime("12:00:60", 0), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTime("12:00", 0), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTime("2020-01-01", 0), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTime("2020-01-01 12:00:00", 0), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTime("12:00:00 x", 0), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTime("12:00:00.1x", 3), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTime("123:00:00", 0), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTime("-1:00:00", 0), errStr(ML_E_INVALID_DATETIME));
  {
    SqlTime t = 0;
    CHECK_EQ_INT(dtTimeFromHms(23, 59, 59, 999999999, &t), ML_OK);
    CHECK_EQ_INT(t, DT_NANOS_PER_DAY - 1);
    CHECK_EQ_INT(dtTimeFromHms(24, 0, 0, 0, &t), ML_E_INVALID_DATETIME);
    CHECK_EQ_INT(dtTimeFromHms(0, 0, 0, 1000000000, &t), ML_E_INVALID_DATETIME);
    CHECK_EQ_INT(dtTimeFromHms(0, 0, 0, -1, &t), ML_E_INVALID_DATETIME);
  }
}

static void test_timestamp_text_forms_carries_and_errors(void){
  CHECK_EQ_STR(rtTs("2020-09-17 11:21:51", 2), "2020-09-17 11:21:51.00");
  CHECK_EQ_STR(rtTs("2020-09-17 11:21:51", 6), "2020-09-17 11:21:51.000000");
  CHECK_EQ_STR(rtTs("2020-09-17 11:21:51", 0), "2020-09-17 11:21:51");
  CHECK_EQ_STR(rtTs("2020-09-17 11:21:51.123456789", 9), "2020-09-17 11:21:51.123456789");
  CHECK_EQ_STR(rtTs("2020-09-17 11:21:51.123456", 2), "2020-09-17 11:21:51.12");
  CHECK_EQ_STR(rtTs("2020-09-17 11:21:51.125", 2), "2020-09-17 11:21:51.13");
  CHECK_EQ_STR(rtTs("2020-09-17", 6), "2020-09-17 00:00:00.000000");
  CHECK_EQ_STR(rtTs(" 2020-09-17 ", 0), "2020-09-17 00:00:00");
  CHECK_EQ_STR(rtTs("2020-12-31 23:59:59.9999995", 6), "2021-01-01 00:00:00.000000");
  CHECK_EQ_STR(rtTs("2020-02-28 23:59:59.5", 0), "2020-02-29 00:00:00");
  CHECK_EQ_STR(rtTs("9999-12-31 23:59:59.999999", 6), "9999-12-31 23:59:59.999999");
  CHECK_EQ_STR(rtTs("9999-12-31 23:59:59.9999995", 6), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTs("2021-13-40 25:61:61", 6), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTs("2021-02-29 00:00:00", 6), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTs("2021-01-01 24:00:00", 6), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTs("11:21:51", 6), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTs("11:21:51.123", 6), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTs("2020-09-17T11:21:51", 6), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTs("2020-09-17  11:21:51", 6), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTs("2020-09-17 11:21", 6), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTs("2020-09-17 11:21:51 PM", 6), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(rtTs("", 6), errStr(ML_E_INVALID_DATETIME));
}

static void test_rounding_to_a_smaller_scale(void){
  SqlTimestamp ts = mkTs("2020-12-31 23:59:59.999999999");
  SqlTimestamp t2;
  char z[DT_TEXT_MAX];
  CHECK_EQ_INT(dtTimeRound(ts.time, 9), ts.time);
  CHECK_EQ_INT(dtTimeRound(ts.time, 0), ts.time - 999999999);
  CHECK_EQ_INT(dtTimeRound(ts.time, 8), ts.time - 9);
  CHECK_EQ_INT(dtTimeRound(mkTs("2020-01-01 10:00:00.45").time, 1),
               mkTs("2020-01-01 10:00:00.5").time);
  CHECK_EQ_INT(dtTimeRound(mkTs("2020-01-01 10:00:00.44999").time, 1),
               mkTs("2020-01-01 10:00:00.4").time);
  t2 = ts;
  CHECK_EQ_INT(dtTimestampRound(&t2, 3), ML_OK);
  dtFormatTimestamp(&t2, 3, z);
  CHECK_EQ_STR(z, "2021-01-01 00:00:00.000");
  t2 = mkTs("2020-06-01 12:34:56.123456789");
  CHECK_EQ_INT(dtTimestampRound(&t2, 4), ML_OK);
  dtFormatTimestamp(&t2, 9, z);
  CHECK_EQ_STR(z, "2020-06-01 12:34:56.123500000");
  t2 = mkTs("9999-12-31 23:59:59.6");
  CHECK_EQ_INT(dtTimestampRound(&t2, 0), ML_E_INVALID_DATETIME);
  dtFormatTimestamp(&t2, 1, z);
  CHECK_EQ_STR(z, "9999-12-31 23:59:59.6");
  /* Formatting cuts digits beyond the scale, it does not round. */
  dtFormatTime(mkTs("2020-01-01 10:00:00.999").time, 1, z);
  CHECK_EQ_STR(z, "10:00:00.9");
}

/* ---- INTERVAL text ---------------------------------------------------- */

static void test_interval_text_forms_from_the_spec(void){
  CHECK_EQ_STR(rtIv("20005", IVK_YEAR, 5, 0), "20005");
  CHECK_EQ_STR(rtIv("20005", IVK_DAY, 5, 0), "20005");
  CHECK_EQ_STR(rtIv("20005", IVK_HOUR, 5, 0), "20005");
  CHECK_EQ_STR(rtIv("1234567890", IVK_MINUTE, 10, 0), "1234567890");
  CHECK_EQ_STR(rtIv("12", IVK_DAY, 2, 6), "12");
  CHECK_EQ_STR(rtIv("7", IVK_MONTH, 2, 6), "7");
  CHECK_EQ_STR(rtIv("20005", IVK_SECOND, 5, 6), "20005.000000");
  CHECK_EQ_STR(rtIv("12345.67", IVK_SECOND, 5, 2), "12345.67");
  CHECK_EQ_STR(rtIv("34", IVK_SECOND, 2, 4), "34.0000");
  CHECK_EQ_STR(rtIv("1", IVK_SECOND, 2, 0), "1");
  CHECK_EQ_STR(rtIv("5-10", IVK_YEAR_TO_MONTH, 5, 0), "5-10");
  CHECK_EQ_STR(rtIv("1-02", IVK_YEAR_TO_MONTH, 2, 0), "1-02");
  CHECK_EQ_STR(rtIv("1-2", IVK_YEAR_TO_MONTH, 2, 0), "1-02");
  CHECK_EQ_STR(rtIv("5 23", IVK_DAY_TO_HOUR, 5, 0), "5 23");
  CHECK_EQ_STR(rtIv("5 23:55", IVK_DAY_TO_MINUTE, 5, 0), "5 23:55");
  CHECK_EQ_STR(rtIv("5 23:05:01.123", IVK_DAY_TO_SECOND, 5, 3), "5 23:05:01.123");
  CHECK_EQ_STR(rtIv("3 00:00:45", IVK_DAY_TO_SECOND, 2, 0), "3 00:00:45");
  CHECK_EQ_STR(rtIv("3 00:00:45", IVK_DAY_TO_SECOND, 2, 2), "3 00:00:45.00");
  CHECK_EQ_STR(rtIv("4 05:06:07.12345", IVK_DAY_TO_SECOND, 2, 5), "4 05:06:07.12345");
  CHECK_EQ_STR(rtIv("10:05", IVK_HOUR_TO_MINUTE, 2, 0), "10:05");
  CHECK_EQ_STR(rtIv("10:05:01", IVK_HOUR_TO_SECOND, 2, 0), "10:05:01");
  CHECK_EQ_STR(rtIv("5:01.5", IVK_MINUTE_TO_SECOND, 2, 1), "5:01.5");
  /* sign, blanks, leading zeros, padding and rounding of the fraction */
  CHECK_EQ_STR(rtIv("-5 23:55", IVK_DAY_TO_MINUTE, 5, 0), "-5 23:55");
  CHECK_EQ_STR(rtIv("+5-1", IVK_YEAR_TO_MONTH, 2, 0), "5-01");
  CHECK_EQ_STR(rtIv("-0-11", IVK_YEAR_TO_MONTH, 2, 0), "-0-11");
  CHECK_EQ_STR(rtIv("-0.5", IVK_SECOND, 2, 1), "-0.5");
  CHECK_EQ_STR(rtIv("-0", IVK_SECOND, 2, 1), "0.0");
  CHECK_EQ_STR(rtIv("  -12  ", IVK_HOUR, 2, 0), "-12");
  CHECK_EQ_STR(rtIv("007", IVK_DAY, 2, 0), "7");
  CHECK_EQ_STR(rtIv("1.5", IVK_SECOND, 2, 4), "1.5000");
  CHECK_EQ_STR(rtIv("1.23456", IVK_SECOND, 2, 4), "1.2346");
  CHECK_EQ_STR(rtIv("-1.23455", IVK_SECOND, 2, 4), "-1.2346");
  CHECK_EQ_STR(rtIv("1 23:59:59.9999999", IVK_DAY_TO_SECOND, 2, 6), "2 00:00:00.000000");
  CHECK_EQ_STR(rtIv("0:59.5", IVK_MINUTE_TO_SECOND, 2, 0), "1:00");
}

static void test_interval_text_errors(void){
  /* leading field beyond its precision */
  CHECK_EQ_STR(rtIv("100", IVK_DAY, 2, 0), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(rtIv("200050", IVK_YEAR, 5, 0), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(rtIv("123456.7", IVK_SECOND, 5, 2), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(rtIv("-100 00", IVK_DAY_TO_HOUR, 2, 0), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(rtIv("99999999999999999999999", IVK_SECOND, 12, 0), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(rtIv("99.5", IVK_SECOND, 2, 0), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(rtIv("99 23:59:59.9999999", IVK_DAY_TO_SECOND, 2, 6), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(rtIv("9:59", IVK_HOUR_TO_MINUTE, 1, 0), "9:59");
  /* following fields out of range */
  CHECK_EQ_STR(rtIv("1-12", IVK_YEAR_TO_MONTH, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("1 24", IVK_DAY_TO_HOUR, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("1 23:60", IVK_DAY_TO_MINUTE, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("1 23:59:60", IVK_DAY_TO_SECOND, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("10:60", IVK_HOUR_TO_MINUTE, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("10:00:60", IVK_HOUR_TO_SECOND, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("5:60", IVK_MINUTE_TO_SECOND, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  /* malformed */
  CHECK_EQ_STR(rtIv("", IVK_DAY, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("-", IVK_DAY, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("x", IVK_DAY, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("1.5", IVK_DAY, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("5", IVK_DAY_TO_SECOND, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("5 10", IVK_DAY_TO_SECOND, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("5 10:00:00:00", IVK_DAY_TO_SECOND, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("5:10", IVK_DAY_TO_HOUR, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("1-002", IVK_YEAR_TO_MONTH, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("1-", IVK_YEAR_TO_MONTH, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("--1", IVK_YEAR, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("- 1", IVK_YEAR, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("1  23", IVK_DAY_TO_HOUR, 2, 0), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(rtIv("5 23:05:01.1x", IVK_DAY_TO_SECOND, 5, 3), errStr(ML_E_INVALID_INTERVAL));
  /* a syntax error wins over an overflow */
  CHECK_EQ_STR(rtIv("100-13", IVK_YEAR_TO_MONTH, 2, 0), errStr(ML_E_INVALID_INTERVAL));
}

/*
** Every kind at several leading precisions and scales: random values are
** written as text here (independently of dtFormatInterval), parsed, and
** must format back to the same text and compare equal after a re-parse.
*/
static void test_all_13_interval_kinds_round_trip(void){
  static const int aScale[] = { 0, 1, 2, 3, 6, 9 };
  static const int aLimit[6] = { 0, 12, 0, 24, 60, 60 };
  static const int aFirst[IVK_COUNT_] = { 0, 1, 2, 3, 4, 5, 0, 2, 2, 2, 3, 3, 4 };
  static const int aLast[IVK_COUNT_] =  { 0, 1, 2, 3, 4, 5, 1, 3, 4, 5, 4, 5, 5 };
  static const char aSep[6] = { 0, '-', 0, ' ', ':', ':' };
  int kind, iter, nBad = 0;
  testSeed(20240611);
  for(kind=0; kind<IVK_COUNT_; kind++){
    int maxLead = dtIntervalMaxLeading(kind);
    int aPrec[4];
    aPrec[0] = 1;
    aPrec[1] = 2;
    aPrec[2] = maxLead;
    aPrec[3] = 1 + (int)(testRandom() % (unsigned)maxLead);
    CHECK_EQ_INT(dtIntervalIsYearMonth(kind), aFirst[kind]<=1);
    CHECK_EQ_INT(dtIntervalHasSecond(kind), aLast[kind]==5);
    for(iter=0; iter<4*6*60; iter++){
      int prec = aPrec[iter%4];
      int scale = aScale[(iter/4)%6];
      SqlType t = ivType(kind, prec, scale);
      SqlInterval a, b;
      char zIn[DT_TEXT_MAX], zOut[DT_TEXT_MAX];
      char *z = zIn;
      long long lead, p10 = 1;
      int f, i, rc, neg = (int)(testRandom() % 2), allZero;
      for(i=0; i<prec; i++) p10 *= 10;
      switch( iter%3 ){
        case 0:  lead = (long long)(testRandom() % (unsigned long long)p10); break;
        case 1:  lead = p10 - 1; break;
        default: lead = (long long)(testRandom() % 10); break;
      }
      if( neg ) *z++ = '-';
      z += sprintf(z, "%lld", lead);
      allZero = lead==0;
      for(f=aFirst[kind]+1; f<=aLast[kind]; f++){
        int v = (int)(testRandom() % (unsigned)aLimit[f]);
        z += sprintf(z, "%c%02d", aSep[f], v);
        allZero = allZero && v==0;
      }
      if( aLast[kind]==5 && scale>0 ){
        *z++ = '.';
        for(i=0; i<scale; i++){
          *z = (char)('0' + testRandom() % 10);
          allZero = allZero && *z=='0';
          z++;
        }
      }
      *z = 0;
      rc = dtParseInterval(zIn, -1, &t, &a);
      if( rc==ML_OK ){
        dtFormatInterval(&a, &t, zOut);
        rc = dtParseInterval(zOut, -1, &t, &b);
      }
      /* "-0..." with an all-zero value has no sign once parsed */
      if( rc!=ML_OK || strcmp(zIn + (neg && allZero), zOut)!=0
       || dtIntervalCmp(&a, &b)!=0 || dtIntervalCheck(&a, &t)!=ML_OK ){
        if( nBad++<10 ){
          testFail(__FILE__, __LINE__, "kind %d (%d,%d): '%s' -> rc %d '%s'",
                   kind, prec, scale, zIn, rc, rc ? "" : zOut);
        }
      }
      testChecks++;
    }
    /* one more digit than the precision allows overflows */
    {
      SqlType t = ivType(kind, 1, 0);
      SqlInterval a;
      char zIn[DT_TEXT_MAX];
      char *z = zIn + sprintf(zIn, "10");
      int f;
      for(f=aFirst[kind]+1; f<=aLast[kind]; f++) z += sprintf(z, "%c00", aSep[f]);
      CHECK_EQ_INT(dtParseInterval(zIn, -1, &t, &a), ML_E_OVERFLOW);
    }
  }
  CHECK_EQ_INT(nBad, 0);
}

/* The unit a value of each kind counts in, and cmp/check on raw values. */
static void test_interval_values_compare_and_check(void){
  SqlInterval a = mkIv("1-02", IVK_YEAR_TO_MONTH);
  SqlInterval b = mkIv("14", IVK_MONTH);
  SqlInterval c = mkIv("1 00:00:00.5", IVK_DAY_TO_SECOND);
  SqlInterval d = mkIv("86400.5", IVK_SECOND);
  SqlType tDay2 = ivType(IVK_DAY, 2, 0);
  SqlType tSec = ivType(IVK_SECOND, 5, 0);
  CHECK_EQ_INT(a.months, 14);
  CHECK_EQ_INT(dtIntervalCmp(&a, &b), 0);
  CHECK_EQ_INT(c.seconds, 86400);
  CHECK_EQ_INT(c.nanos, 500000000);
  CHECK_EQ_INT(dtIntervalCmp(&c, &d), 0);
  CHECK_EQ_INT(cmpIv("-1", IVK_DAY, "-0.5", IVK_SECOND), -1);
  CHECK_EQ_INT(cmpIv("-0.4", IVK_SECOND, "-0.5", IVK_SECOND), 1);
  CHECK_EQ_INT(cmpIv("0.000000001", IVK_SECOND, "0", IVK_SECOND), 1);
  CHECK_EQ_INT(cmpIv("2", IVK_YEAR, "23", IVK_MONTH), 1);
  CHECK_EQ_INT(cmpIv("-2", IVK_YEAR, "-23", IVK_MONTH), -1);
  CHECK_EQ_INT(checkIv("99 23:59:59", IVK_DAY_TO_SECOND, &tDay2), ML_OK);
  CHECK_EQ_INT(checkIv("100", IVK_DAY, &tDay2), ML_E_OVERFLOW);
  CHECK_EQ_INT(checkIv("-100", IVK_DAY, &tDay2), ML_E_OVERFLOW);
  CHECK_EQ_INT(checkIv("99999.9", IVK_SECOND, &tSec), ML_OK);
  CHECK_EQ_INT(checkIv("100000", IVK_SECOND, &tSec), ML_E_OVERFLOW);
  CHECK_EQ_INT(dtIntervalMaxLeading(IVK_YEAR), 7);
  CHECK_EQ_INT(dtIntervalMaxLeading(IVK_DAY_TO_SECOND), 7);
  CHECK_EQ_INT(dtIntervalMaxLeading(IVK_HOUR_TO_SECOND), 8);
  CHECK_EQ_INT(dtIntervalMaxLeading(IVK_MINUTE_TO_SECOND), 10);
  CHECK_EQ_INT(dtIntervalMaxLeading(IVK_SECOND), 12);
  /* largest values of the widest types */
  CHECK_EQ_STR(rtIv("9999999 23:59:59.999999999", IVK_DAY_TO_SECOND, 7, 9),
               "9999999 23:59:59.999999999");
  CHECK_EQ_STR(rtIv("-999999999999.999999999", IVK_SECOND, 12, 9),
               "-999999999999.999999999");
  CHECK_EQ_STR(rtIv("9999999-11", IVK_YEAR_TO_MONTH, 7, 0), "9999999-11");
}

static void test_interval_cast_cuts_fields_and_rounds_fraction(void){
  SqlType tDs = ivType(IVK_DAY_TO_SECOND, 2, 3);
  SqlType tDay = ivType(IVK_DAY, 2, 0);
  SqlType tHour = ivType(IVK_HOUR, 3, 0);
  SqlType tHs = ivType(IVK_HOUR_TO_SECOND, 3, 1);
  SqlType tSec0 = ivType(IVK_SECOND, 2, 0);
  SqlType tYm = ivType(IVK_YEAR_TO_MONTH, 2, 0);
  SqlType tYear = ivType(IVK_YEAR, 2, 0);
  SqlType tMonth = ivType(IVK_MONTH, 3, 0);
  SqlType tMonth2 = ivType(IVK_MONTH, 2, 0);
  SqlInterval v, r;
  CHECK_EQ_INT(dtParseInterval("-1 23:59:59.999", -1, &tDs, &v), ML_OK);
  CHECK_EQ_INT(dtIntervalCast(&v, &tDs, &tDay, &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_DAY, 0), "-1");
  CHECK_EQ_INT(r.nanos, 0);
  CHECK_EQ_INT(dtIntervalCast(&v, &tDs, &tHour, &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_HOUR, 0), "-47");
  CHECK_EQ_INT(dtIntervalCast(&v, &tDs, &tHs, &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_HOUR_TO_SECOND, 1), "-48:00:00.0");
  CHECK_EQ_INT(dtIntervalCast(&v, &tDs, &tSec0, &r), ML_E_OVERFLOW);
  CHECK_EQ_INT(dtParseInterval("1-11", -1, &tYm, &v), ML_OK);
  CHECK_EQ_INT(dtIntervalCast(&v, &tYm, &tYear, &r), ML_OK);
  CHECK_EQ_INT(r.months, 12);
  CHECK_EQ_INT(dtIntervalCast(&v, &tYm, &tMonth, &r), ML_OK);
  CHECK_EQ_INT(r.months, 23);
  CHECK_EQ_INT(dtParseInterval("9-00", -1, &tYm, &v), ML_OK);
  CHECK_EQ_INT(dtIntervalCast(&v, &tYm, &tMonth2, &r), ML_E_OVERFLOW);
  CHECK_EQ_INT(dtIntervalCast(&v, &tYm, &tDay, &r), ML_E_INVALID_CAST);
}

/* ---- arithmetic ------------------------------------------------------- */

static const char *dateAdd(const char *zDate, const char *zIv, int kind, int sign){
  static char z[DT_TEXT_MAX + 16];
  SqlInterval iv = mkIv(zIv, kind);
  SqlDate d;
  int rc = dtDateAddInterval(mkDate(zDate), &iv, sign, &d);
  if( rc ) return errStr(rc);
  dtFormatDate(d, z);
  return z;
}

static const char *tsAdd(const char *zTs, const char *zIv, int kind, int sign){
  static char z[DT_TEXT_MAX + 16];
  SqlInterval iv = mkIv(zIv, kind);
  SqlTimestamp ts = mkTs(zTs), r;
  int rc = dtTimestampAddInterval(&ts, &iv, sign, &r);
  if( rc ) return errStr(rc);
  dtFormatTimestamp(&r, 9, z);
  return z;
}

static const char *timeAdd(const char *zTime, const char *zIv, int kind, int sign){
  static char z[DT_TEXT_MAX + 16];
  SqlInterval iv = mkIv(zIv, kind);
  SqlTime t, r;
  int rc;
  CHECK_EQ_INT(dtParseTime(zTime, -1, 9, &t), ML_OK);
  rc = dtTimeAddInterval(t, &iv, sign, &r);
  if( rc ) return errStr(rc);
  dtFormatTime(r, 9, z);
  return z;
}

static const char *tsDiff(const char *zA, const char *zB){
  SqlTimestamp a = mkTs(zA), b = mkTs(zB);
  SqlInterval iv;
  CHECK_EQ_INT(dtTimestampDiff(&a, &b, &iv), ML_OK);
  return fmtIv(&iv, IVK_DAY_TO_SECOND, 9);
}

static void test_date_arithmetic_month_ends_are_errors(void){
  CHECK_EQ_STR(dateAdd("2020-01-15", "1", IVK_MONTH, 1), "2020-02-15");
  CHECK_EQ_STR(dateAdd("2020-01-31", "1", IVK_MONTH, 1), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(dateAdd("2020-03-31", "1", IVK_MONTH, -1), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(dateAdd("2020-01-31", "2", IVK_MONTH, 1), "2020-03-31");
  CHECK_EQ_STR(dateAdd("2020-02-29", "1", IVK_YEAR, 1), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(dateAdd("2020-02-29", "4", IVK_YEAR, 1), "2024-02-29");
  CHECK_EQ_STR(dateAdd("2020-11-30", "0-3", IVK_YEAR_TO_MONTH, 1), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(dateAdd("2020-11-28", "0-3", IVK_YEAR_TO_MONTH, 1), "2021-02-28");
  CHECK_EQ_STR(dateAdd("2020-11-28", "1-3", IVK_YEAR_TO_MONTH, 1), "2022-02-28");
  CHECK_EQ_STR(dateAdd("2020-01-10", "1-1", IVK_YEAR_TO_MONTH, -1), "2018-12-10");
  CHECK_EQ_STR(dateAdd("2020-01-10", "-13", IVK_MONTH, 1), "2018-12-10");
  CHECK_EQ_STR(dateAdd("9999-12-01", "1", IVK_MONTH, 1), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(dateAdd("0001-01-31", "1", IVK_MONTH, -1), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(dateAdd("0001-02-28", "1", IVK_MONTH, -1), "0001-01-28");
  CHECK_EQ_STR(dateAdd("5000-01-01", "9999999", IVK_YEAR, 1), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(dateAdd("2020-12-31", "1", IVK_DAY, 1), "2021-01-01");
  CHECK_EQ_STR(dateAdd("2020-03-01", "1", IVK_DAY, -1), "2020-02-29");
  CHECK_EQ_STR(dateAdd("2020-03-01", "366", IVK_DAY, -1), "2019-03-01");
  CHECK_EQ_STR(dateAdd("2020-03-01", "2 00:00:00", IVK_DAY_TO_SECOND, 1), "2020-03-03");
  CHECK_EQ_STR(dateAdd("9999-12-31", "1", IVK_DAY, 1), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(dateAdd("0001-01-01", "1", IVK_DAY, -1), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(dateAdd("0001-01-01", "3652058", IVK_DAY, 1), "9999-12-31");
  CHECK_EQ_STR(dateAdd("0001-01-01", "9999999", IVK_DAY, 1), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(dateAdd("2020-03-01", "1", IVK_HOUR, 1), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(dateAdd("2020-03-01", "1 00:00:00.1", IVK_DAY_TO_SECOND, 1),
               errStr(ML_E_INVALID_INTERVAL));
}

static void test_timestamp_and_time_arithmetic(void){
  CHECK_EQ_STR(tsAdd("2020-02-28 23:00:00", "1", IVK_HOUR, 1), "2020-02-29 00:00:00.000000000");
  CHECK_EQ_STR(tsAdd("2020-02-28 23:00:00", "1 01:00:00.5", IVK_DAY_TO_SECOND, 1),
               "2020-03-01 00:00:00.500000000");
  CHECK_EQ_STR(tsAdd("2020-01-01 00:00:00", "0.000000001", IVK_SECOND, -1),
               "2019-12-31 23:59:59.999999999");
  CHECK_EQ_STR(tsAdd("2020-01-01 00:00:00.3", "-0.7", IVK_SECOND, 1),
               "2019-12-31 23:59:59.600000000");
  CHECK_EQ_STR(tsAdd("2020-01-01 00:00:00.3", "-0.7", IVK_SECOND, -1),
               "2020-01-01 00:00:01.000000000");
  CHECK_EQ_STR(tsAdd("2020-01-31 10:11:12.5", "1", IVK_MONTH, 1), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(tsAdd("2020-01-30 10:11:12.5", "1", IVK_MONTH, 1), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(tsAdd("2020-01-29 10:11:12.5", "1", IVK_MONTH, 1), "2020-02-29 10:11:12.500000000");
  CHECK_EQ_STR(tsAdd("2020-03-29 10:11:12.5", "0-1", IVK_YEAR_TO_MONTH, -1),
               "2020-02-29 10:11:12.500000000");
  CHECK_EQ_STR(tsAdd("9999-12-31 23:59:59.999999999", "0.000000001", IVK_SECOND, 1),
               errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(tsAdd("0001-01-01 00:00:00", "0.000000001", IVK_SECOND, -1),
               errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(tsAdd("0001-01-01 00:00:00", "999999999999.999999999", IVK_SECOND, 1),
               errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(tsAdd("0001-01-01 00:00:00", "315537897599.999999999", IVK_SECOND, 1),
               "9999-12-31 23:59:59.999999999");
  CHECK_EQ_STR(timeAdd("23:30:00", "1", IVK_HOUR, 1), "00:30:00.000000000");
  CHECK_EQ_STR(timeAdd("00:30:00", "1", IVK_HOUR, -1), "23:30:00.000000000");
  CHECK_EQ_STR(timeAdd("00:00:00", "0.000000001", IVK_SECOND, -1), "23:59:59.999999999");
  CHECK_EQ_STR(timeAdd("10:00:00", "5 01:00:00", IVK_DAY_TO_SECOND, 1), "11:00:00.000000000");
  CHECK_EQ_STR(timeAdd("10:00:00", "-9999999 23:59:59.999999999", IVK_DAY_TO_SECOND, -1),
               "09:59:59.999999999");
  CHECK_EQ_STR(timeAdd("10:00:00", "1", IVK_MONTH, 1), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(tsDiff("2020-03-01 00:00:00", "2020-02-28 12:00:00.25"), "1 11:59:59.750000000");
  CHECK_EQ_STR(tsDiff("2020-02-28 12:00:00.25", "2020-03-01 00:00:00"), "-1 11:59:59.750000000");
  CHECK_EQ_STR(tsDiff("2020-02-28 12:00:00.25", "2020-02-28 12:00:00.75"), "-0 00:00:00.500000000");
  CHECK_EQ_STR(tsDiff("9999-12-31 23:59:59.999999999", "0001-01-01 00:00:00"),
               "3652058 23:59:59.999999999");
  CHECK_EQ_STR(tsDiff("2020-01-01", "2020-01-01"), "0 00:00:00.000000000");
}

static void test_interval_addition(void){
  SqlInterval r, a = mkIv("1 12:00:00.75", IVK_DAY_TO_SECOND);
  SqlInterval b = mkIv("2 00:00:00.5", IVK_DAY_TO_SECOND);
  SqlInterval y = mkIv("1-06", IVK_YEAR_TO_MONTH);
  SqlInterval big = { 0, 900000000000000LL, 0 };
  SqlInterval m7 = mkIv("7", IVK_MONTH), y2 = mkIv("2", IVK_YEAR);
  CHECK_EQ_INT(dtIntervalAdd(&a, &b, 1, &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_DAY_TO_SECOND, 2), "3 12:00:01.25");
  CHECK_EQ_INT(dtIntervalAdd(&a, &b, -1, &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_DAY_TO_SECOND, 2), "-0 11:59:59.75");
  CHECK_EQ_INT(dtIntervalAdd(&b, &a, -1, &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_DAY_TO_SECOND, 2), "0 11:59:59.75");
  CHECK_EQ_INT(dtIntervalAdd(&y, &m7, 1, &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_YEAR_TO_MONTH, 0), "2-01");
  CHECK_EQ_INT(dtIntervalAdd(&y, &y2, -1, &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_YEAR_TO_MONTH, 0), "-0-06");
  CHECK_EQ_INT(dtIntervalAdd(&y, &a, 1, &r), ML_E_INVALID_INTERVAL);
  CHECK_EQ_INT(dtIntervalAdd(&big, &big, 1, &r), ML_E_OVERFLOW);
}

static Dec45 dec(const char *z){
  Dec45 d;
  CHECK_EQ_INT(dec45Parse(&d, z, (int)strlen(z), 0, 0), ML_OK);
  return d;
}

/* a * zF and a / zF. */
static int ivMul(SqlInterval a, const char *zF, SqlInterval *pOut){
  Dec45 f = dec(zF);
  return dtIntervalMulDec(&a, &f, pOut);
}
static int ivDiv(SqlInterval a, const char *zF, SqlInterval *pOut){
  Dec45 f = dec(zF);
  return dtIntervalDivDec(&a, &f, pOut);
}

/* dtIntervalFromDec of number text zN. */
static int ivFromNum(const char *zN, const SqlType *pType, SqlInterval *pOut){
  Dec45 n = dec(zN);
  return dtIntervalFromDec(&n, pType, pOut);
}

/* 1 if dtIntervalToDec(a) equals the number zN. */
static int ivToNumIs(SqlInterval a, const SqlType *pType, const char *zN){
  Dec45 d, n = dec(zN);
  return dtIntervalToDec(&a, pType, &d)==ML_OK && dec45Cmp(&d, &n)==0;
}

static void test_interval_times_and_divided_by_numbers(void){
  SqlInterval r, a = mkIv("1 00:00:00", IVK_DAY_TO_SECOND);
  SqlInterval m = mkIv("1-01", IVK_YEAR_TO_MONTH);
  SqlType tDs9 = ivType(IVK_DAY_TO_SECOND, 7, 9);
  SqlType tDay = ivType(IVK_DAY, 7, 0);
  SqlType tSec = ivType(IVK_SECOND, 5, 2);
  SqlType tYear = ivType(IVK_YEAR, 3, 0);
  SqlType tDm = ivType(IVK_DAY_TO_MINUTE, 2, 0);
  CHECK_EQ_INT(ivMul(a, "1.5", &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_DAY_TO_SECOND, 1), "1 12:00:00.0");
  CHECK_EQ_INT(ivMul(a, "-2.25", &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_DAY_TO_SECOND, 1), "-2 06:00:00.0");
  CHECK_EQ_INT(dtIntervalCast(&r, &tDs9, &tDay, &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_DAY, 0), "-2");
  CHECK_EQ_INT(ivDiv(a, "3", &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_DAY_TO_SECOND, 9), "0 08:00:00.000000000");
  CHECK_EQ_INT(ivDiv(mkIv("1", IVK_SECOND), "3", &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_SECOND, 9), "0.333333333");
  CHECK_EQ_INT(ivDiv(mkIv("-2", IVK_SECOND), "3", &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_SECOND, 9), "-0.666666666");
  CHECK_EQ_INT(ivMul(mkIv("0.000000001", IVK_SECOND), "0.5", &r), ML_OK);
  CHECK_EQ_INT(r.seconds, 0);
  CHECK_EQ_INT(r.nanos, 0);
  CHECK_EQ_INT(ivMul(m, "1.5", &r), ML_OK);
  CHECK_EQ_INT(r.months, 19);
  CHECK_EQ_INT(ivDiv(m, "-2", &r), ML_OK);
  CHECK_EQ_INT(r.months, -6);
  CHECK_EQ_INT(ivDiv(m, "0", &r), ML_E_DIVISION_BY_ZERO);
  CHECK_EQ_INT(ivDiv(a, "0.00", &r), ML_E_DIVISION_BY_ZERO);
  CHECK_EQ_INT(ivMul(a, "1E30", &r), ML_E_OVERFLOW);
  CHECK_EQ_INT(ivMul(m, "1E30", &r), ML_E_OVERFLOW);
  /* to and from numbers, in units of the last field */
  CHECK(ivToNumIs(mkIv("3", IVK_DAY), &tDay, "3"));
  CHECK(ivToNumIs(mkIv("-1.25", IVK_SECOND), &tSec, "-1.25"));
  CHECK(ivToNumIs(mkIv("-1.25", IVK_SECOND), &tSec, "-1.250"));
  CHECK(!ivToNumIs(mkIv("-1.25", IVK_SECOND), &tSec, "-1.26"));
  CHECK(ivToNumIs(m, &tYear, "1"));
  CHECK(ivToNumIs(mkIv("2 03:04", IVK_DAY_TO_MINUTE), &tDm, "3064"));
  CHECK_EQ_INT(ivFromNum("1.995", &tSec, &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_SECOND, 2), "2.00");
  CHECK_EQ_INT(ivFromNum("-12.345", &tSec, &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_SECOND, 3), "-12.350");
  CHECK_EQ_INT(ivFromNum("99999.995", &tSec, &r), ML_E_OVERFLOW);
  CHECK_EQ_INT(ivFromNum("-7.9", &tDay, &r), ML_OK);
  CHECK_EQ_STR(fmtIv(&r, IVK_DAY, 0), "-7");
  CHECK_EQ_INT(ivFromNum("12", &tYear, &r), ML_OK);
  CHECK_EQ_INT(r.months, 144);
  CHECK_EQ_INT(ivFromNum("1000", &tYear, &r), ML_E_OVERFLOW);
  CHECK_EQ_INT(ivFromNum("1E40", &tYear, &r), ML_E_OVERFLOW);
}

/* ---- calendar differential -------------------------------------------- */

static int naiveLeap(int y){
  if( y%400==0 ) return 1;
  if( y%100==0 ) return 0;
  return y%4==0;
}

static int naiveDim(int y, int m){
  if( m==2 ) return 28 + naiveLeap(y);
  if( m==4 || m==6 || m==9 || m==11 ) return 30;
  return 31;
}

/* Zeller's congruence mapped to 1 = Sunday .. 7 = Saturday. */
static int zellerDow(int y, int m, int d){
  int h, k, j;
  if( m<3 ){ m += 12; y--; }
  k = y%100;
  j = y/100;
  h = (d + 13*(m+1)/5 + k + k/4 + j/4 + 5*j) % 7;   /* 0 = Saturday */
  return (h + 6)%7 + 1;
}

/* Weeks in ISO year y (textbook rule: 53 if it starts or ends on Thursday). */
static int isoWeeksInYear(int y){
  int p = (y + y/4 - y/100 + y/400) % 7;
  int q = ((y-1) + (y-1)/4 - (y-1)/100 + (y-1)/400) % 7;
  return (p==4 || q==3) ? 53 : 52;
}

static int naiveIsoWeek(int y, int doy, int dowSun1){
  int wd = dowSun1==1 ? 7 : dowSun1-1;          /* Monday 1 .. Sunday 7 */
  int w = (doy - wd + 10)/7;
  if( w<1 ) return isoWeeksInYear(y-1);
  if( w>isoWeeksInYear(y) ) return 1;
  return w;
}

/* Every day from 0001-01-01 to 9999-12-31, counted one by one. */
static void test_every_day_walked_naively(void){
  int y = 1, m = 1, d = 1, dow = 2, doy = 1, nBad = 0;
  SqlDate n;
  for(n=0; n<=DT_DATE_MAX; n++){
    SqlDate n2 = -1;
    int y2, m2, d2;
    dtDateToYmd(n, &y2, &m2, &d2);
    dtDateFromYmd(y, m, d, &n2);
    if( n2!=n || y2!=y || m2!=m || d2!=d || dtDayOfWeek(n)!=dow || dtDayOfYear(n)!=doy ){
      if( nBad++<10 ){
        testFail(__FILE__, __LINE__, "day %d: expected %04d-%02d-%02d dow %d doy %d,"
                 " got %04d-%02d-%02d (%d) dow %d doy %d", (int)n, y, m, d, dow, doy,
                 y2, m2, d2, (int)n2, dtDayOfWeek(n), dtDayOfYear(n));
      }
    }
    dow = dow%7 + 1;
    doy++;
    if( ++d>naiveDim(y, m) ){
      d = 1;
      if( ++m>12 ){ m = 1; y++; doy = 1; }
    }
  }
  testChecks++;
  CHECK_EQ_INT(nBad, 0);
  CHECK_EQ_INT(y, 10000);
}

/* 200,000 random days against closed formulas. */
static void test_random_days_against_independent_formulas(void){
  static const int aCum[13] = { 0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
  int i, nBad = 0;
  testSeed(0x5EED1234);
  for(i=0; i<200000; i++){
    SqlDate n = (SqlDate)(testRandom() % (DT_DATE_MAX + 1)), n2 = -1;
    int y, m, d, doy, dow;
    long long naive;
    dtDateToYmd(n, &y, &m, &d);
    doy = aCum[m] + (m>2 && naiveLeap(y)) + d;
    naive = 365LL*(y-1) + (y-1)/4 - (y-1)/100 + (y-1)/400 + doy - 1;
    dow = zellerDow(y, m, d);
    dtDateFromYmd(y, m, d, &n2);
    if( y<1 || y>9999 || m<1 || m>12 || d<1 || d>naiveDim(y, m) || naive!=n || n2!=n
     || dtDayOfWeek(n)!=dow || dtDayOfYear(n)!=doy
     || dtIsoWeek(n)!=naiveIsoWeek(y, doy, dow) ){
      if( nBad++<10 ){
        testFail(__FILE__, __LINE__, "day %d -> %04d-%02d-%02d: naive %lld dow %d/%d doy %d/%d"
                 " week %d/%d", (int)n, y, m, d, naive, dtDayOfWeek(n), dow,
                 dtDayOfYear(n), doy, dtIsoWeek(n), naiveIsoWeek(y, doy, dow));
      }
    }
  }
  testChecks++;
  CHECK_EQ_INT(nBad, 0);
}

static void test_iso_week_and_day_functions_by_hand(void){
  CHECK_EQ_INT(dtDayOfWeek(mkDate("2020-09-24")), 5);     /* Thursday */
  CHECK_EQ_INT(dtDayOfWeek(mkDate("2023-01-01")), 1);     /* Sunday */
  CHECK_EQ_INT(dtDayOfWeek(mkDate("2023-01-07")), 7);     /* Saturday */
  CHECK_EQ_INT(dtDayOfWeek(0), 2);                        /* 0001-01-01 Monday */
  CHECK_EQ_INT(dtDayOfYear(mkDate("2020-12-31")), 366);
  CHECK_EQ_INT(dtDayOfYear(mkDate("2021-12-31")), 365);
  CHECK_EQ_INT(dtDayOfYear(mkDate("2021-03-01")), 60);
  CHECK_EQ_INT(dtIsoWeek(mkDate("2020-12-31")), 53);
  CHECK_EQ_INT(dtIsoWeek(mkDate("2021-01-03")), 53);
  CHECK_EQ_INT(dtIsoWeek(mkDate("2021-01-04")), 1);
  CHECK_EQ_INT(dtIsoWeek(mkDate("2008-12-29")), 1);
  CHECK_EQ_INT(dtIsoWeek(mkDate("2024-06-11")), 24);
  CHECK_EQ_INT(dtIsoWeek(mkDate("0001-01-01")), 1);
  CHECK_EQ_INT(dtIsoWeek(mkDate("9999-12-31")), 52);
}

int main(void){
  TEST_RUN(test_date_text_round_trips_and_rejects_invalid_dates);
  TEST_RUN(test_time_text_has_exactly_scale_digits_and_rounds_half_up);
  TEST_RUN(test_timestamp_text_forms_carries_and_errors);
  TEST_RUN(test_rounding_to_a_smaller_scale);
  TEST_RUN(test_interval_text_forms_from_the_spec);
  TEST_RUN(test_interval_text_errors);
  TEST_RUN(test_all_13_interval_kinds_round_trip);
  TEST_RUN(test_interval_values_compare_and_check);
  TEST_RUN(test_interval_cast_cuts_fields_and_rounds_fraction);
  TEST_RUN(test_date_arithmetic_month_ends_are_errors);
  TEST_RUN(test_timestamp_and_time_arithmetic);
  TEST_RUN(test_interval_addition);
  TEST_RUN(test_interval_times_and_divided_by_numbers);
  TEST_RUN(test_every_day_walked_naively);
  TEST_RUN(test_random_days_against_independent_formulas);
  TEST_RUN(test_iso_week_and_day_functions_by_hand);
  return testReport();
}
