/*
** SQL types and values: the vocabulary every layer above types/ speaks.
**
** SqlType describes a declared type (INTEGER(12), DECIMAL(10,2),
** VARCHAR(40), TIMESTAMP(3), INTERVAL DAY(4) TO SECOND(2), ...).  Value is
** one SQL value of some type; it does not own its string or binary bytes:
** they point into a record, a statement arena or a parameter buffer, and
** whoever fills a Value decides how long they stay valid.  That keeps the
** per-row path free of allocation.
**
** Strings are UTF-8 inside the engine whatever their SQL type; CHAR,
** VARCHAR and CLOB values are restricted to Latin-1 characters, NCHAR,
** NVARCHAR and NCLOB to any Unicode.  String lengths in SqlType are in
** characters; Value.u.s.n is in bytes.
*/
#ifndef MIMERLITE_VALUE_H
#define MIMERLITE_VALUE_H

#include <stdint.h>

#include "types/dec45.h"

/* Type identifiers.  Order matters only within groups (see the macros). */
typedef enum SqlTypeId {
  SQLT_NULL = 0,        /* type of an untyped NULL literal / unknown marker */
  SQLT_SMALLINT,        /* 16-bit binary integer */
  SQLT_INTEGER,         /* 32-bit binary integer */
  SQLT_BIGINT,          /* 64-bit binary integer */
  SQLT_INTEGER_P,       /* INTEGER(p): decimal integer, p <= 45 */
  SQLT_DECIMAL,         /* DECIMAL/NUMERIC(p,s), p <= 45 */
  SQLT_FLOAT_P,         /* FLOAT(p): decimal float, p <= 45, exp +-999 */
  SQLT_REAL,            /* 32-bit IEEE */
  SQLT_DOUBLE,          /* 64-bit IEEE (also bare FLOAT) */
  SQLT_CHAR,            /* CHAR(n), Latin-1, blank padded */
  SQLT_VARCHAR,         /* VARCHAR(n), Latin-1 */
  SQLT_CLOB,            /* CLOB(n), Latin-1 */
  SQLT_NCHAR,           /* NCHAR(n), Unicode, blank padded */
  SQLT_NVARCHAR,        /* NVARCHAR(n), Unicode */
  SQLT_NCLOB,           /* NCLOB(n), Unicode */
  SQLT_BINARY,          /* BINARY(n), fixed length */
  SQLT_VARBINARY,       /* VARBINARY(n) */
  SQLT_BLOB,            /* BLOB(n) */
  SQLT_BOOLEAN,
  SQLT_DATE,
  SQLT_TIME,            /* TIME(s) */
  SQLT_TIMESTAMP,       /* TIMESTAMP(s) */
  SQLT_INTERVAL,        /* kind in SqlType.intervalKind */
  SQLT_UUID,            /* BUILTIN.UUID */
  SQLT_GIS_LATITUDE,    /* BUILTIN.GIS_LATITUDE: degrees, -90..90, in u.d */
  SQLT_GIS_LONGITUDE,   /* BUILTIN.GIS_LONGITUDE: degrees, -180..180, in u.d */
  SQLT_GIS_LOCATION,    /* BUILTIN.GIS_LOCATION: u.loc (latitude, longitude) */
  SQLT_GIS_COORDINATE,  /* BUILTIN.GIS_COORDINATE: u.xy, two integers */
  SQLT_COUNT_
} SqlTypeId;

/* The 13 interval kinds, numbered like Mimer's type codes 15..27 minus 15. */
typedef enum SqlIntervalKind {
  IVK_YEAR = 0, IVK_MONTH, IVK_DAY, IVK_HOUR, IVK_MINUTE, IVK_SECOND,
  IVK_YEAR_TO_MONTH, IVK_DAY_TO_HOUR, IVK_DAY_TO_MINUTE, IVK_DAY_TO_SECOND,
  IVK_HOUR_TO_MINUTE, IVK_HOUR_TO_SECOND, IVK_MINUTE_TO_SECOND,
  IVK_COUNT_
} SqlIntervalKind;

#define SQLT_IS_BINARY_INT(t)  ((t)>=SQLT_SMALLINT && (t)<=SQLT_BIGINT)
#define SQLT_IS_EXACT(t)       ((t)>=SQLT_SMALLINT && (t)<=SQLT_DECIMAL)
#define SQLT_IS_NUMERIC(t)     ((t)>=SQLT_SMALLINT && (t)<=SQLT_DOUBLE)
#define SQLT_IS_DECIMAL_REP(t) ((t)>=SQLT_INTEGER_P && (t)<=SQLT_FLOAT_P)
#define SQLT_IS_IEEE(t)        ((t)==SQLT_REAL || (t)==SQLT_DOUBLE)
#define SQLT_IS_CHARACTER(t)   ((t)>=SQLT_CHAR && (t)<=SQLT_NCLOB)
#define SQLT_IS_NATIONAL(t)    ((t)>=SQLT_NCHAR && (t)<=SQLT_NCLOB)
#define SQLT_IS_BINARYSTR(t)   ((t)>=SQLT_BINARY && (t)<=SQLT_BLOB)
#define SQLT_IS_LOB(t)         ((t)==SQLT_CLOB || (t)==SQLT_NCLOB || (t)==SQLT_BLOB)
#define SQLT_IS_DATETIME(t)    ((t)>=SQLT_DATE && (t)<=SQLT_TIMESTAMP)
#define SQLT_IS_GIS(t)         ((t)>=SQLT_GIS_LATITUDE && (t)<=SQLT_GIS_COORDINATE)

/*
** A declared type.  Field meaning depends on id:
**   INTEGER_P:         precision = p
**   DECIMAL:           precision = p, scale = s
**   FLOAT_P:           precision = p (decimal digits)
**   character/binary:  length = n (characters for strings, bytes for binary)
**   TIME, TIMESTAMP:   scale = fractional seconds precision
**   INTERVAL:          intervalKind, precision = leading field precision,
**                      scale = fractional seconds precision
** Binary integers, REAL, DOUBLE, BOOLEAN, DATE, UUID and the BUILTIN.GIS_*
** types use no field.
** Character types reuse intervalKind as their collation: 0 is the
** default (code point order, PAD SPACE), SQLT_COLL_IDENTIFIER is Mimer's
** SQL_IDENTIFIER, which catalog name columns carry: comparisons (=, <>,
** <, IN, LIKE) where either operand has it ignore case (expr/expr.c;
** docs/compatibility.md).  Such columns are never index keys.
*/
#define SQLT_COLL_IDENTIFIER 1
#define SQLT_IS_IDENT_COLL(p) \
  (SQLT_IS_CHARACTER((p)->id) && (p)->intervalKind==SQLT_COLL_IDENTIFIER)

typedef struct SqlType {
  uint8_t id;              /* SqlTypeId */
  uint8_t intervalKind;    /* SqlIntervalKind, for SQLT_INTERVAL */
  uint8_t precision;       /* see above */
  uint8_t scale;           /* see above */
  uint32_t length;         /* see above */
} SqlType;

/* A calendar date: days since 0001-01-01 (proleptic Gregorian), day 0. */
typedef int32_t SqlDate;

/* A time of day: nanoseconds since midnight. */
typedef int64_t SqlTime;

/* A timestamp: date plus time of day. */
typedef struct SqlTimestamp {
  SqlDate date;            /* days since 0001-01-01 */
  SqlTime time;            /* nanoseconds since midnight, < 86400e9 */
} SqlTimestamp;

/*
** An interval.  Year-month kinds use months only; day-time kinds use
** seconds and nanos.  Both parts carry the same sign (or are zero).
*/
typedef struct SqlInterval {
  int64_t months;          /* YEAR / MONTH / YEAR TO MONTH */
  int64_t seconds;         /* day-time kinds: whole seconds */
  int32_t nanos;           /* day-time kinds: fraction, |nanos| < 1e9 */
} SqlInterval;

/*
** One SQL value.  `type` is the value's SqlTypeId (the representation);
** for strings and binary u.s points at bytes the Value does not own.
*/
typedef struct Value {
  uint8_t type;            /* SqlTypeId; SQLT_NULL only for untyped null */
  uint8_t isNull;          /* 1 for SQL NULL of any type */
  union {
    int64_t i;             /* SMALLINT, INTEGER, BIGINT, BOOLEAN (0/1) */
    double d;              /* REAL (rounded to float), DOUBLE, GIS_LATITUDE/_LONGITUDE */
    Dec45 dec;             /* INTEGER_P, DECIMAL, FLOAT_P */
    struct {
      const char *z;       /* UTF-8 for strings, raw bytes for binary */
      uint32_t n;          /* length in bytes */
    } s;
    SqlDate date;
    SqlTime time;
    SqlTimestamp ts;
    SqlInterval iv;
    uint8_t uuid[16];
    struct {
      double lat;          /* GIS_LOCATION latitude, -90..90 */
      double lon;          /* GIS_LOCATION longitude, -180..180 */
    } loc;
    struct {
      int32_t x;           /* GIS_COORDINATE x */
      int32_t y;           /* GIS_COORDINATE y */
    } xy;
  } u;
} Value;

#endif
