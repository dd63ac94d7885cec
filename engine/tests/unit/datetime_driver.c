/*
** Line-oriented driver over types/datetime.h for datetime_differential.py,
** which compares its answers with Python's datetime/timedelta.  Each
** input line is one request, fields separated by '|'; each output line is
** the formatted result or "ERR <code>".  Requests (kind is a
** SqlIntervalKind number, sign +1/-1, scales 0..9):
**
**   tsadd|TS|kind|prec|scale|IV|sign|outscale   TIMESTAMP + sign*INTERVAL
**   dateadd|DATE|kind|prec|scale|IV|sign        DATE + sign*INTERVAL
**   timeadd|TIME|kind|prec|scale|IV|sign|outscale
**   tsdiff|TS1|TS2|prec|scale                   (TS1 - TS2) DAY(prec) TO SECOND(scale)
**   tsmonths|TS1|TS2|kind|prec                  (TS1 - TS2) YEAR / MONTH / YEAR TO MONTH
**   tsround|TS|scale                            TS parsed as TIMESTAMP(scale)
**   cal|DATE                                    "dayofweek dayofyear isoweek"
**
** Timestamps and times are read at scale 9; an unparsable request answers
** "BAD" so the script notices a protocol mistake rather than a mismatch.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "types/datetime.h"
#include "util/errors.h"

#define DRV_MAX_FIELDS 10

/* Split zLine in place at '|' into azF; return the number of fields. */
static int drvSplit(char *zLine, char **azF){
  int n = 0;
  char *z = zLine;
  azF[n++] = z;
  while( (z = strchr(z, '|'))!=0 && n<DRV_MAX_FIELDS ){
    *z++ = 0;
    azF[n++] = z;
  }
  return n;
}

/* An interval type from kind/prec/scale text fields. */
static SqlType drvIvType(const char *zKind, const char *zPrec, const char *zScale){
  SqlType t;
  memset(&t, 0, sizeof(t));
  t.id = SQLT_INTERVAL;
  t.intervalKind = (uint8_t)atoi(zKind);
  t.precision = (uint8_t)atoi(zPrec);
  t.scale = (uint8_t)atoi(zScale);
  return t;
}

/*
** Answer one request (fields azF[0..n-1]) into zOut (>= DT_TEXT_MAX+16
** bytes).  Returns 0, or 1 if the request was malformed.
*/
static int drvAnswer(char **azF, int n, char *zOut){
  const char *zOp = azF[0];
  int rc;
  if( strcmp(zOp, "tsadd")==0 && n==8 ){
    SqlType t = drvIvType(azF[2], azF[3], azF[4]);
    SqlTimestamp ts, r;
    SqlInterval iv;
    rc = dtParseTimestamp(azF[1], -1, 9, &ts);
    if( rc==ML_OK ) rc = dtParseInterval(azF[5], -1, &t, &iv);
    if( rc==ML_OK ) rc = dtTimestampAddInterval(&ts, &iv, atoi(azF[6]), &r);
    if( rc==ML_OK ) rc = dtTimestampRound(&r, atoi(azF[7]));
    if( rc==ML_OK ) dtFormatTimestamp(&r, atoi(azF[7]), zOut);
  }else if( strcmp(zOp, "dateadd")==0 && n==7 ){
    SqlType t = drvIvType(azF[2], azF[3], azF[4]);
    SqlDate d, r;
    SqlInterval iv;
    rc = dtParseDate(azF[1], -1, &d);
    if( rc==ML_OK ) rc = dtParseInterval(azF[5], -1, &t, &iv);
    if( rc==ML_OK ) rc = dtDateAddInterval(d, &iv, atoi(azF[6]), &r);
    if( rc==ML_OK ) dtFormatDate(r, zOut);
  }else if( strcmp(zOp, "timeadd")==0 && n==8 ){
    SqlType t = drvIvType(azF[2], azF[3], azF[4]);
    SqlTime tm, r;
    SqlInterval iv;
    rc = dtParseTime(azF[1], -1, 9, &tm);
    if( rc==ML_OK ) rc = dtParseInterval(azF[5], -1, &t, &iv);
    if( rc==ML_OK ) rc = dtTimeAddInterval(tm, &iv, atoi(azF[6]), &r);
    if( rc==ML_OK ) dtFormatTime(dtTimeRound(r, atoi(azF[7])), atoi(azF[7]), zOut);
  }else if( strcmp(zOp, "tsdiff")==0 && n==5 ){
    SqlType tFrom = drvIvType("9", "7", "9");
    SqlType tTo = drvIvType("9", azF[3], azF[4]);
    SqlTimestamp a, b;
    SqlInterval iv;
    rc = dtParseTimestamp(azF[1], -1, 9, &a);
    if( rc==ML_OK ) rc = dtParseTimestamp(azF[2], -1, 9, &b);
    if( rc==ML_OK ) rc = dtTimestampDiff(&a, &b, &iv);
    if( rc==ML_OK ) rc = dtIntervalCast(&iv, &tFrom, &tTo, &iv);
    if( rc==ML_OK ) dtFormatInterval(&iv, &tTo, zOut);
  }else if( strcmp(zOp, "tsmonths")==0 && n==5 ){
    SqlType tFrom = drvIvType("1", "1", "0");
    SqlType tTo = drvIvType(azF[3], azF[4], "0");
    SqlTimestamp a, b;
    SqlInterval iv;
    tFrom.precision = (uint8_t)dtIntervalMaxLeading(IVK_MONTH);   /* any month count */
    rc = dtParseTimestamp(azF[1], -1, 9, &a);
    if( rc==ML_OK ) rc = dtParseTimestamp(azF[2], -1, 9, &b);
    if( rc==ML_OK ) rc = dtTimestampMonthsDiff(&a, &b, &iv);
    if( rc==ML_OK ) rc = dtIntervalCast(&iv, &tFrom, &tTo, &iv);
    if( rc==ML_OK ) dtFormatInterval(&iv, &tTo, zOut);
  }else if( strcmp(zOp, "tsround")==0 && n==3 ){
    SqlTimestamp ts;
    rc = dtParseTimestamp(azF[1], -1, atoi(azF[2]), &ts);
    if( rc==ML_OK ) dtFormatTimestamp(&ts, atoi(azF[2]), zOut);
  }else if( strcmp(zOp, "cal")==0 && n==2 ){
    SqlDate d;
    rc = dtParseDate(azF[1], -1, &d);
    if( rc==ML_OK ){
      snprintf(zOut, DT_TEXT_MAX, "%d %d %d", dtDayOfWeek(d), dtDayOfYear(d), dtIsoWeek(d));
    }
  }else{
    return 1;
  }
  if( rc ) snprintf(zOut, DT_TEXT_MAX, "ERR %d", rc);
  return 0;
}

int main(void){
  char zLine[512];
  char *azF[DRV_MAX_FIELDS] = { 0 };
  char zOut[DT_TEXT_MAX + 16];
  while( fgets(zLine, sizeof(zLine), stdin) ){
    int n;
    zLine[strcspn(zLine, "\r\n")] = 0;
    n = drvSplit(zLine, azF);
    if( drvAnswer(azF, n, zOut) ){
      puts("BAD");
    }else{
      puts(zOut);
    }
  }
  return 0;
}
