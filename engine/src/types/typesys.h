/*
** The SQL type system: Mimer's limits on declared types and the defaults
** for omitted parts, the spellings of a type (DDL text, INFORMATION_SCHEMA
** DATA_TYPE, C API type code), and every rule that derives a type from
** other types: arithmetic and concatenation results, unary minus, the
** common supertype of UNION/CASE/COALESCE branches and comparability.
** It works on SqlType only (value.h); the value-level operations that
** follow these rules live in cast.c, arith.c and compare.c.  Choices made
** where Mimer's behaviour is unknown are listed in docs/compatibility.md.
*/
#ifndef MIMERLITE_TYPESYS_H
#define MIMERLITE_TYPESYS_H

#include <stdint.h>

#include "types/value.h"
#include "util/errors.h"

#define TYPE_OMITTED        (-1)        /* a part of a declaration not written */
#define TYPE_CHAR_MAX       15000       /* CHAR, VARCHAR, BINARY, VARBINARY */
#define TYPE_NCHAR_MAX      5000        /* NCHAR, NVARCHAR */
#define TYPE_LOB_DEFAULT    1048576     /* CLOB, NCLOB, BLOB without a length: 1M */
#define TYPE_LOB_MAX        4294967295u /* longest declarable LOB (uint32 length) */
#define TYPE_DECIMAL_DEFAULT_PREC 15    /* bare DECIMAL is DECIMAL(15,0) */
#define TYPE_FLOAT_MIN_PREC 15          /* FLOAT(p) arithmetic keeps >= 15 digits */
#define TYPE_TEXT_MAX       48          /* buffer for typeFormat, NUL included */

/* Operators of typeResultArith and valueArith. */
typedef enum TypeOp {
  TYPE_OP_ADD = '+',
  TYPE_OP_SUB = '-',
  TYPE_OP_MUL = '*',
  TYPE_OP_DIV = '/',
  TYPE_OP_CONCAT = '|'
} TypeOp;

/* Which values can meet in a comparison (the same class, or NULL). */
typedef enum TypeClass {
  TYPE_CLASS_NULL = 0,     /* untyped NULL: comparable with anything */
  TYPE_CLASS_NUMERIC,      /* every numeric representation */
  TYPE_CLASS_CHAR,         /* CHAR .. NCLOB, Latin-1 and national alike */
  TYPE_CLASS_BINARY,       /* BINARY, VARBINARY, BLOB */
  TYPE_CLASS_BOOLEAN,
  TYPE_CLASS_DATE,
  TYPE_CLASS_TIME,
  TYPE_CLASS_TIMESTAMP,
  TYPE_CLASS_IV_YM,        /* YEAR, MONTH, YEAR TO MONTH intervals */
  TYPE_CLASS_IV_DT,        /* day-time intervals */
  TYPE_CLASS_UUID,
  TYPE_CLASS_GIS_LAT,      /* BUILTIN.GIS_LATITUDE: each GIS type is a */
  TYPE_CLASS_GIS_LON,      /*   distinct type, comparable only with itself */
  TYPE_CLASS_GIS_LOC,      /* BUILTIN.GIS_LOCATION */
  TYPE_CLASS_GIS_XY        /* BUILTIN.GIS_COORDINATE */
} TypeClass;

/* Datetime fields of interval kinds, most significant first. */
enum { TYPE_IVF_YEAR, TYPE_IVF_MONTH, TYPE_IVF_DAY, TYPE_IVF_HOUR,
       TYPE_IVF_MINUTE, TYPE_IVF_SECOND };

/* A type without parameters (SMALLINT, INTEGER, BIGINT, REAL, DOUBLE,
** BOOLEAN, DATE, UUID, the BUILTIN.GIS_* types, NULL). */
SqlType typeSimple(SqlTypeId id);

/*
** Build the declared type `id` from the parts written in the DDL or CAST:
** n1 is the length, precision or interval leading precision, n2 the scale
** or fractional seconds precision, TYPE_OMITTED for a part not written;
** ivKind is the SqlIntervalKind for SQLT_INTERVAL (ignored otherwise).
** Omitted parts take Mimer's defaults (CHAR/NCHAR/BINARY 1, LOBs 1M,
** DECIMAL 15 and scale 0, TIME 0, TIMESTAMP 6, interval leading 2 and
** fraction 6); the result is then checked by typeCheckDeclared.  A part
** the type does not take, or one out of range:
** ML_E_INVALID_TYPE_SPEC.  VARCHAR, NVARCHAR, VARBINARY, INTEGER(p) and
** FLOAT(p) require n1.
*/
int typeDeclare(SqlTypeId id, int ivKind, int64_t n1, int64_t n2,
                SqlType *pOut, MlError *pErr);

/*
** Check a declared type against Mimer's limits: CHAR/VARCHAR/BINARY/
** VARBINARY 1..15000, NCHAR/NVARCHAR 1..5000, LOBs 1..TYPE_LOB_MAX,
** DECIMAL p 1..45 and s 0..p, INTEGER(p) and FLOAT(p) 1..45, TIME and
** TIMESTAMP scale 0..9, interval leading precision 1..7/8/10/12 by
** leading field and fraction 0..9 (only for kinds ending in SECOND).
** Returns ML_OK or ML_E_INVALID_TYPE_SPEC.
*/
int typeCheckDeclared(const SqlType *p, MlError *pErr);

/* The DDL keyword of a type id without parameters ("VARCHAR", "BUILTIN.UUID"). */
const char *typeKeyword(int id);

/*
** The built-in user-defined types of schema BUILTIN: typeBuiltinUdt maps
** a type name ("UUID", "GIS_LOCATION", any case) to its id, SQLT_NULL for
** other names; typeUdtName gives the name of such an id ("GIS_LOCATION"),
** 0 for every other type.
*/
SqlTypeId typeBuiltinUdt(const char *zName);
const char *typeUdtName(int id);

/*
** Write the DDL spelling of p into zBuf (nBuf bytes, NUL-terminated,
** TYPE_TEXT_MAX always suffices): VARCHAR(40), DECIMAL(10,2),
** TIMESTAMP(3), INTERVAL DAY(4) TO SECOND(2), CLOB(1M), BUILTIN.UUID.
** Returns the length of the full text (as snprintf).
*/
int typeFormat(const SqlType *p, char *zBuf, int nBuf);

/* INFORMATION_SCHEMA.COLUMNS.DATA_TYPE for p ('CHARACTER VARYING', ...). */
const char *typeDataTypeName(const SqlType *p);

/* The Mimer C API type code MimerColumnType reports for p (spec 4.7). */
int typeApiCode(const SqlType *p);

/*
** Decimal precision and scale of a numeric type as the arithmetic rules
** and NUMERIC_PRECISION see them: SMALLINT 5, INTEGER 10, BIGINT 19,
** REAL 7, DOUBLE 16, otherwise the declared p (and s for DECIMAL).
*/
int typeNumericPrecision(const SqlType *p);
int typeNumericScale(const SqlType *p);

TypeClass typeClass(const SqlType *p);

/* Interval kind facts: first and last field (TYPE_IVF_*), and the kind
** spanning two fields (-1 if none). */
int typeIntervalFirst(int kind);
int typeIntervalLast(int kind);
int typeIntervalKind(int first, int last);

/*
** ML_OK when values of a and b may be compared (=, <, IN, joins): both
** of one TypeClass or one of them NULL, and neither a LOB (Mimer compares
** LOBs only with IS NULL).  Otherwise ML_E_TYPE_MISMATCH.
*/
int typeCheckComparable(const SqlType *a, const SqlType *b, MlError *pErr);

/*
** The result type of a op b, op a TypeOp.  Numbers (spec 6; binary
** integers count as INTEGER(5), INTEGER(10), INTEGER(19)):
**   a REAL or DOUBLE operand:        DOUBLE
**   else a FLOAT(p) operand:         FLOAT(max(15, p1, p2))
**   integer op integer:              INTEGER(p): + - min(45, max(p1,p2)+1),
**                                    * min(45, p1+p2), / p1
**   else:                            DECIMAL per dec45ResultType
** Datetimes: DATE/TIME/TIMESTAMP +- interval (and interval + datetime)
** keep the datetime type, the interval's fields must belong to it;
** datetime - datetime of one type is INTERVAL DAY(7) [TO SECOND(s)] or
** HOUR(2) TO SECOND(s) (the statement's qualifier replaces it); interval
** +- interval of one class spans both kinds' fields; interval * number,
** number * interval and interval / number keep the interval kind.  All
** interval results take the largest leading precision of their kind.
** Concatenation: both character or both binary, the N- and LOB/varying
** kind dominating, lengths added and capped at the kind's maximum.
** A NULL-typed operand takes the other's type.  Anything else:
** ML_E_TYPE_MISMATCH.
*/
int typeResultArith(int op, const SqlType *a, const SqlType *b, SqlType *pOut,
                    MlError *pErr);

/* Result type of unary minus: numbers and intervals keep their type. */
int typeResultNegate(const SqlType *a, SqlType *pOut, MlError *pErr);

/*
** The type UNION, CASE, COALESCE and NULLIF give to branches of types a
** and b: numbers as typeResultArith's classes (binary integers stay binary
** when both are), DECIMAL with enough integer and fraction digits,
** strings of the dominating kind with the longer length, TIME/TIMESTAMP
** with the larger scale, intervals spanning both kinds.  Different
** classes: ML_E_TYPE_MISMATCH.
*/
int typeCommonSuper(const SqlType *a, const SqlType *b, SqlType *pOut, MlError *pErr);

#endif
