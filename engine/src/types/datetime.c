/*
** DATE, TIME and TIMESTAMP values: calendar conversion (proleptic
** Gregorian, days since 0001-01-01), text parsing and formatting, rounding
** to a fractional precision, arithmetic with intervals and the calendar
** functions DAYOFWEEK, DAYOFYEAR and WEEK.  Interval values themselves
** (text, casts, interval arithmetic) live in interval.c; the small text
** scanner both files use is declared at the end of datetime.h.  See datetime.h
** for the contracts and docs/compatibility.md for the choices made where
** Mimer's behaviour is unknown.
*/
#include "types/datetime.h"

#include <assert.h>
#include <string.h>

#include "util/errors.h"

#define DT_SECS_PER_DAY  86400LL
#define DT_SECS_END      ((DT_DATE_MAX + 1LL) * DT_SECS_PER_DAY)  /* first second after 9999 */

/* 10^0 .. 10^18 */
const int64_t dtPow10[19] = {
  1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
  100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
  1000000000000LL, 10000000000000LL, 100000000000000LL,
  1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
  1000000000000000000LL
};

/*
** Days from 0001-01-01 to y-m-d for any y (no validation; m 1..12), after
** H. Hinnant's days_from_civil: count from 0000-03-01 so that the leap day
** ends each year, in 400-year eras of 146097 days.
*/
static int64_t dtDaysFromCivil(int64_t y, int m, int d){
  int64_t era, yoe, doy, doe;
  assert( m>=1 && m<=12 );
  y -= m<=2;
  era = (y>=0 ? y : y-399) / 400;
  yoe = y - era*400;
  doy = (153*(m>2 ? m-3 : m+9) + 2)/5 + d - 1;
  doe = yoe*365 + yoe/4 - yoe/100 + doy;
  return era*146097 + doe - 306;
}

/* Inverse of dtDaysFromCivil, for any day count n. */
static void dtCivilFromDays(int64_t n, int64_t *pY, int *pM, int *pD){
  int64_t z = n + 306;
  int64_t era = (z>=0 ? z : z-146096) / 146097;
  int64_t doe = z - era*146097;
  int64_t yoe = (doe - doe/1460 + doe/36524 - doe/146096) / 365;
  int64_t doy = doe - (365*yoe + yoe/4 - yoe/100);
  int64_t mp = (5*doy + 2)/153;
  int m = (int)(mp<10 ? mp+3 : mp-9);
  *pD = (int)(doy - (153*mp + 2)/5 + 1);
  *pM = m;
  *pY = yoe + era*400 + (m<=2);
}

static int dtIsLeap(int y){
  return (y%4==0 && y%100!=0) || y%400==0;
}

static int dtDaysInMonth(int y, int m){
  static const int aDays[12] = {31,28,31,30,31,30,31,31,30,31,30,31};
  assert( m>=1 && m<=12 );
  return aDays[m-1] + (m==2 && dtIsLeap(y));
}

/*
** Store the date y-m-d in *pOut.  ML_E_INVALID_DATETIME unless year is
** 1..9999, month 1..12 and day exists in that month.
*/
int dtDateFromYmd(int y, int m, int d, SqlDate *pOut){
  if( y<1 || y>9999 || m<1 || m>12 || d<1 || d>dtDaysInMonth(y, m) ){
    return ML_E_INVALID_DATETIME;
  }
  *pOut = (SqlDate)dtDaysFromCivil(y, m, d);
  assert( *pOut>=0 && *pOut<=DT_DATE_MAX );
  return ML_OK;
}

/* Split a valid date into year, month and day. */
void dtDateToYmd(SqlDate date, int *pY, int *pM, int *pD){
  int64_t y;
  assert( date>=0 && date<=DT_DATE_MAX );
  dtCivilFromDays(date, &y, pM, pD);
  *pY = (int)y;
}

/* Store h:m:s.nanos in *pOut; ML_E_INVALID_DATETIME for a field out of range. */
int dtTimeFromHms(int h, int m, int s, int32_t nanos, SqlTime *pOut){
  if( h<0 || h>23 || m<0 || m>59 || s<0 || s>59
   || nanos<0 || nanos>=DT_NANOS_PER_SEC ){
    return ML_E_INVALID_DATETIME;
  }
  *pOut = ((h*60LL + m)*60 + s)*DT_NANOS_PER_SEC + nanos;
  return ML_OK;
}

/*
** Text scanning shared with interval.c.  dtScanInit sets up p over n bytes
** of z (NUL-terminated if n < 0) and skips leading blanks.
*/
void dtScanInit(DtScan *p, const char *z, int n){
  p->z = z;
  p->n = n<0 ? (int)strlen(z) : n;
  p->i = 0;
  while( p->i<p->n && p->z[p->i]==' ' ) p->i++;
}

/* Consume character c if it is next; return 1 if it was. */
int dtScanChar(DtScan *p, char c){
  if( p->i<p->n && p->z[p->i]==c ){
    p->i++;
    return 1;
  }
  return 0;
}

/* Skip trailing blanks; return 1 if that reaches the end of the text. */
int dtScanEnd(DtScan *p){
  while( p->i<p->n && p->z[p->i]==' ' ) p->i++;
  return p->i==p->n;
}

/*
** Read nMin..nMax decimal digits into *pV.  Returns the number of digits
** read, or 0 if fewer than nMin digits are there or more than nMax follow.
** nMax is at most 18 so *pV cannot overflow.
*/
int dtScanDigits(DtScan *p, int nMin, int nMax, int64_t *pV){
  int k = 0;
  int64_t v = 0;
  assert( nMin>=1 && nMax<=18 && nMin<=nMax );
  while( p->i<p->n && p->z[p->i]>='0' && p->z[p->i]<='9' ){
    if( k==nMax ) return 0;
    v = v*10 + (p->z[p->i]-'0');
    p->i++;
    k++;
  }
  if( k<nMin ) return 0;
  *pV = v;
  return k;
}

/*
** Read the digits of a fraction (after the '.', possibly none) kept to
** `scale` digits.  *pNanos gets the truncated fraction in nanoseconds and
** *pUp is 1 when the first dropped digit is 5 or more (half-up rounding
** then adds one unit of 10^(9-scale) ns, which may carry).
*/
void dtScanFraction(DtScan *p, int scale, int64_t *pNanos, int *pUp){
  int k = 0;
  int64_t v = 0;
  assert( scale>=0 && scale<=DT_MAX_SCALE );
  *pUp = 0;
  while( p->i<p->n && p->z[p->i]>='0' && p->z[p->i]<='9' ){
    int c = p->z[p->i]-'0';
    if( k<scale ){
      v = v*10 + c;
    }else if( k==scale ){
      *pUp = c>=5;
    }
    k++;
    p->i++;
  }
  if( k<scale ) v *= dtPow10[scale-k];
  *pNanos = v * dtPow10[9-scale];
}

/* Write v as exactly `width` (1..18) decimal digits; v must fit. */
char *dtPutDigits(char *z, int64_t v, int width){
  int i;
  assert( width>=1 && width<=18 && v>=0 && v<dtPow10[width] );
  for(i=width-1; i>=0; i--){
    z[i] = (char)('0' + v%10);
    v /= 10;
  }
  return z + width;
}

/* Write 0 <= v < 10^18 in as many digits as it needs. */
char *dtPutInt(char *z, int64_t v){
  int w = 1;
  assert( v>=0 && v<dtPow10[18] );
  while( v>=dtPow10[w] ) w++;
  return dtPutDigits(z, v, w);
}

/* Parse "Y-M-D" at the scanner (year 1-4 digits, month/day 1-2 digits). */
static int dtScanDate(DtScan *p, SqlDate *pOut){
  int64_t y, m, d;
  if( !dtScanDigits(p, 1, 4, &y) || !dtScanChar(p, '-')
   || !dtScanDigits(p, 1, 2, &m) || !dtScanChar(p, '-')
   || !dtScanDigits(p, 1, 2, &d) ){
    return ML_E_INVALID_DATETIME;
  }
  return dtDateFromYmd((int)y, (int)m, (int)d, pOut);
}

/*
** Parse "H:M:S[.f]" at the scanner (fields 1-2 digits).  *pOut gets the
** time cut to `scale` digits and *pUp the half-up rounding flag (see
** dtScanFraction); the caller applies it.
*/
static int dtScanTime(DtScan *p, int scale, SqlTime *pOut, int *pUp){
  int64_t h, m, s, ns = 0;
  *pUp = 0;
  if( !dtScanDigits(p, 1, 2, &h) || !dtScanChar(p, ':')
   || !dtScanDigits(p, 1, 2, &m) || !dtScanChar(p, ':')
   || !dtScanDigits(p, 1, 2, &s) ){
    return ML_E_INVALID_DATETIME;
  }
  if( dtScanChar(p, '.') ) dtScanFraction(p, scale, &ns, pUp);
  return dtTimeFromHms((int)h, (int)m, (int)s, (int32_t)ns, pOut);
}

/* Parse a DATE literal's text. */
int dtParseDate(const char *z, int n, SqlDate *pOut){
  DtScan s;
  SqlDate d;
  int rc;
  dtScanInit(&s, z, n);
  rc = dtScanDate(&s, &d);
  if( rc ) return rc;
  if( !dtScanEnd(&s) ) return ML_E_INVALID_DATETIME;
  *pOut = d;
  return ML_OK;
}

/* Parse a TIME(scale) value's text; see datetime.h for rounding. */
int dtParseTime(const char *z, int n, int scale, SqlTime *pOut){
  DtScan s;
  SqlTime t;
  int rc, up;
  assert( scale>=0 && scale<=DT_MAX_SCALE );
  dtScanInit(&s, z, n);
  rc = dtScanTime(&s, scale, &t, &up);
  if( rc ) return rc;
  if( !dtScanEnd(&s) ) return ML_E_INVALID_DATETIME;
  if( up && t + dtPow10[9-scale] < DT_NANOS_PER_DAY ) t += dtPow10[9-scale];
  *pOut = t;
  return ML_OK;
}

/* Parse a TIMESTAMP(scale) value's text (or a bare date). */
int dtParseTimestamp(const char *z, int n, int scale, SqlTimestamp *pOut){
  DtScan s;
  SqlTimestamp ts;
  int rc, up = 0;
  assert( scale>=0 && scale<=DT_MAX_SCALE );
  dtScanInit(&s, z, n);
  rc = dtScanDate(&s, &ts.date);
  if( rc ) return rc;
  ts.time = 0;
  if( dtScanChar(&s, ' ') && s.i<s.n && s.z[s.i]!=' ' ){
    rc = dtScanTime(&s, scale, &ts.time, &up);
    if( rc ) return rc;
  }
  if( !dtScanEnd(&s) ) return ML_E_INVALID_DATETIME;
  if( up ){
    ts.time += dtPow10[9-scale];
    if( ts.time>=DT_NANOS_PER_DAY ){
      if( ts.date==DT_DATE_MAX ) return ML_E_INVALID_DATETIME;
      ts.date++;
      ts.time -= DT_NANOS_PER_DAY;
    }
  }
  *pOut = ts;
  return ML_OK;
}

/* Write YYYY-MM-DD; return the end pointer. */
static char *dtPutDate(char *z, SqlDate date){
  int y, m, d;
  dtDateToYmd(date, &y, &m, &d);
  z = dtPutDigits(z, y, 4);
  *z++ = '-';
  z = dtPutDigits(z, m, 2);
  *z++ = '-';
  return dtPutDigits(z, d, 2);
}

/* Write HH:MM:SS[.f] with `scale` fractional digits; return the end pointer. */
static char *dtPutTime(char *z, SqlTime t, int scale){
  int64_t s = t / DT_NANOS_PER_SEC;
  assert( t>=0 && t<DT_NANOS_PER_DAY );
  assert( scale>=0 && scale<=DT_MAX_SCALE );
  z = dtPutDigits(z, s/3600, 2);
  *z++ = ':';
  z = dtPutDigits(z, s/60%60, 2);
  *z++ = ':';
  z = dtPutDigits(z, s%60, 2);
  if( scale>0 ){
    *z++ = '.';
    z = dtPutDigits(z, t%DT_NANOS_PER_SEC / dtPow10[9-scale], scale);
  }
  return z;
}

int dtFormatDate(SqlDate date, char *zBuf){
  char *z = dtPutDate(zBuf, date);
  *z = 0;
  return (int)(z - zBuf);
}

int dtFormatTime(SqlTime t, int scale, char *zBuf){
  char *z = dtPutTime(zBuf, t, scale);
  *z = 0;
  return (int)(z - zBuf);
}

int dtFormatTimestamp(const SqlTimestamp *p, int scale, char *zBuf){
  char *z = dtPutDate(zBuf, p->date);
  *z++ = ' ';
  z = dtPutTime(z, p->time, scale);
  *z = 0;
  return (int)(z - zBuf);
}

/* t rounded half-up to `scale` digits, without any day-boundary handling. */
static SqlTime dtRoundNanos(SqlTime t, int scale){
  int64_t u;
  assert( scale>=0 && scale<=DT_MAX_SCALE && t>=0 );
  u = dtPow10[9-scale];
  return (t + u/2) / u * u;
}

/* Round a TIME half-up to `scale` digits; truncate rather than reach 24:00. */
SqlTime dtTimeRound(SqlTime t, int scale){
  SqlTime r = dtRoundNanos(t, scale);
  assert( t>=0 && t<DT_NANOS_PER_DAY );
  if( r>=DT_NANOS_PER_DAY ) r = t - t%dtPow10[9-scale];
  return r;
}

/* Round a TIMESTAMP half-up to `scale` digits, carrying into the next day. */
int dtTimestampRound(SqlTimestamp *p, int scale){
  SqlTime r = dtRoundNanos(p->time, scale);
  assert( p->time>=0 && p->time<DT_NANOS_PER_DAY );
  if( r>=DT_NANOS_PER_DAY ){
    if( p->date==DT_DATE_MAX ) return ML_E_INVALID_DATETIME;
    p->date++;
    r -= DT_NANOS_PER_DAY;
  }
  p->time = r;
  return ML_OK;
}

/*
** date + sign*months.  The day of month is kept; if it does not exist in
** the target month the result is ML_E_INVALID_DATETIME (SQL:2016), as is
** a year outside 1..9999.
*/
static int dtAddMonths(SqlDate date, int64_t months, int sign, SqlDate *pOut){
  int y, m, d;
  int64_t t;
  if( months>120000 || months< -120000 ) return ML_E_INVALID_DATETIME;
  dtDateToYmd(date, &y, &m, &d);
  t = y*12LL + (m-1) + sign*months;
  if( t<12 || t>=120000 ) return ML_E_INVALID_DATETIME;
  return dtDateFromYmd((int)(t/12), (int)(t%12) + 1, d, pOut);
}

/*
** Add sign*(seconds, nanos) to a point counted as *pSec seconds plus *pNs
** nanoseconds (0 <= *pNs < 1e9) since 0001-01-01 00:00:00, keeping *pNs
** in range.  ML_E_INVALID_DATETIME if the result leaves 0001..9999.
*/
static int dtAddSeconds(int64_t *pSec, int64_t *pNs, const SqlInterval *p, int sign){
  int64_t s, ns;
  if( p->seconds>DT_SECS_END || p->seconds< -DT_SECS_END ) return ML_E_INVALID_DATETIME;
  s = *pSec + sign*p->seconds;
  ns = *pNs + sign*(int64_t)p->nanos;
  if( ns<0 ){
    ns += DT_NANOS_PER_SEC;
    s--;
  }else if( ns>=DT_NANOS_PER_SEC ){
    ns -= DT_NANOS_PER_SEC;
    s++;
  }
  if( s<0 || s>=DT_SECS_END ) return ML_E_INVALID_DATETIME;
  *pSec = s;
  *pNs = ns;
  return ML_OK;
}

/* Assert the SqlInterval invariants of value.h. */
static void dtAssertInterval(const SqlInterval *p){
  assert( p->nanos>-DT_NANOS_PER_SEC && p->nanos<DT_NANOS_PER_SEC );
  assert( (p->seconds>=0 && p->nanos>=0) || (p->seconds<=0 && p->nanos<=0) );
  (void)p;
}

/* DATE + sign*interval: months, then whole days only. */
int dtDateAddInterval(SqlDate d, const SqlInterval *p, int sign, SqlDate *pOut){
  int rc = ML_OK;
  SqlDate r = d;
  assert( sign==1 || sign==-1 );
  dtAssertInterval(p);
  if( p->nanos!=0 || p->seconds%DT_SECS_PER_DAY!=0 ) return ML_E_INVALID_INTERVAL;
  if( p->months ) rc = dtAddMonths(r, p->months, sign, &r);
  if( rc==ML_OK && p->seconds ){
    int64_t s = r*DT_SECS_PER_DAY, ns = 0;
    rc = dtAddSeconds(&s, &ns, p, sign);
    r = (SqlDate)(s / DT_SECS_PER_DAY);
  }
  if( rc==ML_OK ) *pOut = r;
  return rc;
}

/* TIMESTAMP + sign*interval: months, then the day-time part. */
int dtTimestampAddInterval(const SqlTimestamp *ts, const SqlInterval *p, int sign,
                           SqlTimestamp *pOut){
  int rc = ML_OK;
  SqlTimestamp r = *ts;
  assert( sign==1 || sign==-1 );
  dtAssertInterval(p);
  if( p->months ) rc = dtAddMonths(r.date, p->months, sign, &r.date);
  if( rc==ML_OK && (p->seconds || p->nanos) ){
    int64_t s = r.date*DT_SECS_PER_DAY + r.time/DT_NANOS_PER_SEC;
    int64_t ns = r.time%DT_NANOS_PER_SEC;
    rc = dtAddSeconds(&s, &ns, p, sign);
    r.date = (SqlDate)(s / DT_SECS_PER_DAY);
    r.time = s%DT_SECS_PER_DAY*DT_NANOS_PER_SEC + ns;
  }
  if( rc==ML_OK ) *pOut = r;
  return rc;
}

/* TIME + sign*interval, modulo 24 hours; a year-month part is an error. */
int dtTimeAddInterval(SqlTime t, const SqlInterval *p, int sign, SqlTime *pOut){
  int64_t d;
  assert( sign==1 || sign==-1 );
  assert( t>=0 && t<DT_NANOS_PER_DAY );
  dtAssertInterval(p);
  if( p->months ) return ML_E_INVALID_INTERVAL;
  d = (p->seconds % DT_SECS_PER_DAY)*DT_NANOS_PER_SEC + p->nanos;
  t = (t + sign*d) % DT_NANOS_PER_DAY;
  if( t<0 ) t += DT_NANOS_PER_DAY;
  *pOut = t;
  return ML_OK;
}

/* a - b as a day-time interval whose seconds and nanos share a sign. */
int dtTimestampDiff(const SqlTimestamp *a, const SqlTimestamp *b, SqlInterval *pOut){
  int64_t s = (int64_t)(a->date - b->date)*DT_SECS_PER_DAY
            + a->time/DT_NANOS_PER_SEC - b->time/DT_NANOS_PER_SEC;
  int64_t ns = a->time%DT_NANOS_PER_SEC - b->time%DT_NANOS_PER_SEC;
  if( s>0 && ns<0 ){
    s--;
    ns += DT_NANOS_PER_SEC;
  }else if( s<0 && ns>0 ){
    s++;
    ns -= DT_NANOS_PER_SEC;
  }
  pOut->months = 0;
  pOut->seconds = s;
  pOut->nanos = (int32_t)ns;
  return ML_OK;
}

/*
** Whole months from b to a, cut toward zero: the month count of the year
** and month fields, less one when the later value's day of month and
** time of day have not reached the earlier one's (so 01-31 to 02-29 is
** 0 months and 01-15 to 03-14 is 1; a - b = -(b - a)).
*/
int dtTimestampMonthsDiff(const SqlTimestamp *a, const SqlTimestamp *b, SqlInterval *pOut){
  const SqlTimestamp *pHi = a, *pLo = b;
  int yH, mH, dH, yL, mL, dL;
  int64_t n;
  int bNeg = a->date<b->date || (a->date==b->date && a->time<b->time);
  if( bNeg ){ pHi = b; pLo = a; }
  dtDateToYmd(pHi->date, &yH, &mH, &dH);
  dtDateToYmd(pLo->date, &yL, &mL, &dL);
  n = (int64_t)(yH - yL)*12 + (mH - mL);
  if( dH<dL || (dH==dL && pHi->time<pLo->time) ) n--;
  assert( n>=0 );
  pOut->months = bNeg ? -n : n;
  pOut->seconds = 0;
  pOut->nanos = 0;
  return ML_OK;
}

/* 1 = Sunday .. 7 = Saturday; 0001-01-01 (day 0) was a Monday. */
int dtDayOfWeek(SqlDate d){
  assert( d>=0 && d<=DT_DATE_MAX );
  return (d + 1)%7 + 1;
}

/* 1..366 */
int dtDayOfYear(SqlDate d){
  int y, m, dd;
  dtDateToYmd(d, &y, &m, &dd);
  return (int)(d - dtDaysFromCivil(y, 1, 1)) + 1;
}

/*
** ISO 8601 week number 1..53: weeks start on Monday and week 1 is the one
** holding the year's first Thursday, so the week's Thursday decides the
** year it belongs to (which may lie just outside 0001..9999).
*/
int dtIsoWeek(SqlDate d){
  int64_t thu, y;
  int m, dd;
  assert( d>=0 && d<=DT_DATE_MAX );
  thu = d - d%7 + 3;
  dtCivilFromDays(thu, &y, &m, &dd);
  return (int)((thu - dtDaysFromCivil(y, 1, 1))/7) + 1;
}
