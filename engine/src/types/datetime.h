/*
** DATE, TIME(s), TIMESTAMP(s) and the 13 INTERVAL kinds: validation, text
** parsing and formatting exactly as Mimer shows them, precision changes and
** datetime/interval arithmetic.  Representations are in value.h.  This
** module sits at the bottom of the engine (types/) and is used by casts,
** expression evaluation and the C API's string getters/setters.
**
** Text forms (Mimer's, see spec): DATE 'YYYY-MM-DD'; TIME 'HH:MM:SS[.f]';
** TIMESTAMP 'YYYY-MM-DD HH:MM:SS[.f]'; intervals per kind, leading field
** unpadded and the following ones two digits: '12', '1-02', '3 00:00:45',
** '4 05:06:07.12345', '20005.000000' (SECOND keeps its scale).  Output has
** exactly `scale` fractional digits.  Years are 0001..9999.
**
** Every function returns ML_OK or a Mimer error code (ML_E_INVALID_DATETIME,
** ML_E_INVALID_INTERVAL, ML_E_OVERFLOW for a value beyond the leading
** precision), and never allocates.  Choices made where Mimer's behaviour
** is unknown are listed in docs/compatibility.md; in short: surplus
** fractional digits round half-up, a TIME that would round up to 24:00:00
** is truncated instead, month arithmetic giving an invalid date (Jan 31 +
** 1 month) is an error, leaving years 0001..9999 is ML_E_INVALID_DATETIME.
**
** Text arguments are (z, n): n bytes at z, or NUL-terminated when n < 0.
*/
#ifndef MIMERLITE_DATETIME_H
#define MIMERLITE_DATETIME_H

#include "types/value.h"

#define DT_TEXT_MAX 64            /* longest formatted datetime/interval + NUL */
#define DT_NANOS_PER_SEC  1000000000LL
#define DT_NANOS_PER_DAY  (86400LL * DT_NANOS_PER_SEC)
#define DT_DATE_MAX       3652058 /* SqlDate of 9999-12-31 */

#define DT_TIME_DEFAULT_SCALE       0   /* TIME = TIME(0) */
#define DT_TIMESTAMP_DEFAULT_SCALE  6   /* TIMESTAMP = TIMESTAMP(6) */
#define DT_MAX_SCALE                9   /* fractional seconds digits */
#define DT_INTERVAL_DEFAULT_LEADING 2   /* INTERVAL DAY = DAY(2) */
#define DT_INTERVAL_DEFAULT_SCALE   6   /* INTERVAL SECOND = SECOND(2,6) */

/*
** Build/split dates.  dtDateFromYmd validates (year 1..9999, month 1..12,
** day within the month, leap years proleptic Gregorian) and returns
** ML_E_INVALID_DATETIME otherwise.  dtTimeFromHms takes hours 0..23,
** minutes and seconds 0..59 (no leap seconds) and nanos 0..999999999.
*/
int dtDateFromYmd(int y, int m, int d, SqlDate *pOut);
void dtDateToYmd(SqlDate date, int *pY, int *pM, int *pD);
int dtTimeFromHms(int h, int m, int s, int32_t nanos, SqlTime *pOut);

/*
** Parse text of n bytes (surrounding blanks allowed) as the given datetime
** type.  More fractional digits than `scale` are rounded half-up, fewer are
** padded.  A TIMESTAMP also accepts a bare date (time 00:00:00); a DATE
** does not accept a time part.  Rounding carries into the next second and
** (TIMESTAMP) the next day; a TIME that would round to 24:00:00 is
** truncated instead.  Malformed or out-of-range text: ML_E_INVALID_DATETIME.
*/
int dtParseDate(const char *z, int n, SqlDate *pOut);
int dtParseTime(const char *z, int n, int scale, SqlTime *pOut);
int dtParseTimestamp(const char *z, int n, int scale, SqlTimestamp *pOut);

/*
** Format into zBuf (>= DT_TEXT_MAX bytes, NUL-terminated); return the
** length written.  Exactly `scale` fractional digits are shown; digits
** beyond them are cut (values are normally already rounded to scale).
*/
int dtFormatDate(SqlDate date, char *zBuf);
int dtFormatTime(SqlTime t, int scale, char *zBuf);
int dtFormatTimestamp(const SqlTimestamp *p, int scale, char *zBuf);

/*
** Round a time/timestamp half-up to `scale` fractional digits (TIME(s) /
** TIMESTAMP(s) casts).  dtTimeRound truncates instead when rounding would
** reach 24:00:00; dtTimestampRound carries into the next day and fails
** with ML_E_INVALID_DATETIME past 9999-12-31 (leaving *p unchanged).
*/
SqlTime dtTimeRound(SqlTime t, int scale);
int dtTimestampRound(SqlTimestamp *p, int scale);

/*
** Interval text for the given declared interval type (kind, leading
** precision, fractional scale), e.g. '3 00:00:45' for DAY TO SECOND.
** A leading '-' (or '+') sets the sign.  All fields of the kind must be
** present; following fields take one or two digits.  Surplus fractional
** digits round half-up.  ML_E_OVERFLOW when the leading field's value has
** more digits than the precision allows (leading zeros do not count);
** ML_E_INVALID_INTERVAL for malformed text or a following field out of
** range (month > 11, hour > 23, minute or second > 59).
*/
int dtParseInterval(const char *z, int n, const SqlType *pType, SqlInterval *pOut);
int dtFormatInterval(const SqlInterval *p, const SqlType *pType, char *zBuf);

/*
** Check that p fits pType's leading precision (after a cast or arithmetic):
** ML_OK or ML_E_OVERFLOW.
*/
int dtIntervalCheck(const SqlInterval *p, const SqlType *pType);

/*
** Fit p (of type pFrom) to pTo: fields below pTo's last field are cut
** (toward zero, as SQL:2016 does), surplus fractional seconds round
** half-up, then the leading precision is checked (ML_E_OVERFLOW).  A cast
** between year-month and day-time kinds is ML_E_INVALID_CAST.
*/
int dtIntervalCast(const SqlInterval *p, const SqlType *pFrom, const SqlType *pTo,
                   SqlInterval *pOut);

/*
** Datetime arithmetic; `sign` is +1 or -1 and applies to the interval.
** Months are added first (an invalid day such as Feb 30 is
** ML_E_INVALID_DATETIME, never clamped), then the day-time part.  A result
** outside 0001-01-01..9999-12-31 is ML_E_INVALID_DATETIME.  A DATE takes
** only whole days from a day-time interval and a TIME no months; anything
** else is ML_E_INVALID_INTERVAL.  TIME arithmetic wraps modulo 24 hours.
*/
int dtDateAddInterval(SqlDate d, const SqlInterval *p, int sign, SqlDate *pOut);
int dtTimestampAddInterval(const SqlTimestamp *ts, const SqlInterval *p, int sign,
                           SqlTimestamp *pOut);
int dtTimeAddInterval(SqlTime t, const SqlInterval *p, int sign, SqlTime *pOut);

/* a - b as a day-time interval (seconds + nanos); never fails. */
int dtTimestampDiff(const SqlTimestamp *a, const SqlTimestamp *b, SqlInterval *pOut);
/* a - b in whole months (a year-month interval), cut toward zero: a month
** counts once the day of month and time of day are reached; never fails. */
int dtTimestampMonthsDiff(const SqlTimestamp *a, const SqlTimestamp *b, SqlInterval *pOut);

/*
** Interval arithmetic on raw values; the caller fits the result to the
** result type with dtIntervalCast/dtIntervalCheck.  dtIntervalAdd computes
** a + sign*b for intervals of one class (mixing year-month and day-time is
** ML_E_INVALID_INTERVAL).  Multiplication and division by a number are
** exact, then cut toward zero to whole months (year-month) or nanoseconds
** (day-time).  Errors: ML_E_OVERFLOW, ML_E_DIVISION_BY_ZERO.
*/
int dtIntervalAdd(const SqlInterval *a, const SqlInterval *b, int sign, SqlInterval *pOut);
int dtIntervalMulDec(const SqlInterval *a, const Dec45 *f, SqlInterval *pOut);
int dtIntervalDivDec(const SqlInterval *a, const Dec45 *f, SqlInterval *pOut);

/* -1, 0 or +1 as a <, =, > b; both of one class. */
int dtIntervalCmp(const SqlInterval *a, const SqlInterval *b);

/*
** Interval <-> exact number, for CAST: the value counted in units of the
** type's last field (INTERVAL '3' DAY <-> 3, SECOND(4,2) 1.25 <-> 1.25).
** dtIntervalToDec gives scale 0, or pType's scale when the last field is
** SECOND.  dtIntervalFromDec cuts a fraction toward zero (rounds half-up
** to the scale for SECOND) and fails with ML_E_OVERFLOW beyond the leading
** precision.
*/
int dtIntervalToDec(const SqlInterval *p, const SqlType *pType, Dec45 *pOut);
int dtIntervalFromDec(const Dec45 *pNum, const SqlType *pType, SqlInterval *pOut);

/* Interval kind facts for type checking (kind is a SqlIntervalKind). */
int dtIntervalIsYearMonth(int kind);      /* 1 for YEAR, MONTH, YEAR TO MONTH */
int dtIntervalHasSecond(int kind);        /* 1 if the last field is SECOND */
int dtIntervalMaxLeading(int kind);       /* 7, 8, 10 or 12 */

/* Day of week (1 = Sunday .. 7, as ODBC DAYOFWEEK), day of year, ISO week. */
int dtDayOfWeek(SqlDate d);
int dtDayOfYear(SqlDate d);
int dtIsoWeek(SqlDate d);

/*
** Internal: the text scanner and digit writers shared by datetime.c and
** interval.c.  Not for use outside types/.
*/
typedef struct DtScan {
  const char *z;           /* text being scanned */
  int n;                   /* its length in bytes */
  int i;                   /* next byte to look at */
} DtScan;

extern const int64_t dtPow10[19];          /* 10^0 .. 10^18 */
void dtScanInit(DtScan *p, const char *z, int n);
int dtScanChar(DtScan *p, char c);
int dtScanEnd(DtScan *p);
int dtScanDigits(DtScan *p, int nMin, int nMax, int64_t *pV);
void dtScanFraction(DtScan *p, int scale, int64_t *pNanos, int *pUp);
char *dtPutDigits(char *z, int64_t v, int width);
char *dtPutInt(char *z, int64_t v);

#endif
