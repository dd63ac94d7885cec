/*
** The SQL type system (see typesys.h): declared-type limits and defaults,
** type spellings, and the rules deriving result types.  Nothing here
** touches a value; cast.c, arith.c and compare.c apply these rules to
** values.  The DECIMAL arithmetic rule itself is dec45ResultType and the
** interval leading-precision limits are datetime.h's; this file decides
** when they apply.
*/
#include "types/typesys.h"

#include <assert.h>
#include <stdio.h>
#include <strings.h>

#include "types/datetime.h"

/* First and last field of each SqlIntervalKind, in value.h's order. */
static const uint8_t aIvField[IVK_COUNT_][2] = {
  { TYPE_IVF_YEAR,   TYPE_IVF_YEAR },      /* YEAR */
  { TYPE_IVF_MONTH,  TYPE_IVF_MONTH },     /* MONTH */
  { TYPE_IVF_DAY,    TYPE_IVF_DAY },       /* DAY */
  { TYPE_IVF_HOUR,   TYPE_IVF_HOUR },      /* HOUR */
  { TYPE_IVF_MINUTE, TYPE_IVF_MINUTE },    /* MINUTE */
  { TYPE_IVF_SECOND, TYPE_IVF_SECOND },    /* SECOND */
  { TYPE_IVF_YEAR,   TYPE_IVF_MONTH },     /* YEAR TO MONTH */
  { TYPE_IVF_DAY,    TYPE_IVF_HOUR },      /* DAY TO HOUR */
  { TYPE_IVF_DAY,    TYPE_IVF_MINUTE },    /* DAY TO MINUTE */
  { TYPE_IVF_DAY,    TYPE_IVF_SECOND },    /* DAY TO SECOND */
  { TYPE_IVF_HOUR,   TYPE_IVF_MINUTE },    /* HOUR TO MINUTE */
  { TYPE_IVF_HOUR,   TYPE_IVF_SECOND },    /* HOUR TO SECOND */
  { TYPE_IVF_MINUTE, TYPE_IVF_SECOND },    /* MINUTE TO SECOND */
};

static const char *const azIvField[] = {
  "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"
};

SqlType typeSimple(SqlTypeId id){
  SqlType t = { 0, 0, 0, 0, 0 };
  assert( id==SQLT_NULL || SQLT_IS_BINARY_INT(id) || SQLT_IS_IEEE(id)
       || id==SQLT_BOOLEAN || id==SQLT_DATE || id==SQLT_UUID || SQLT_IS_GIS(id) );
  t.id = (uint8_t)id;
  return t;
}

int typeIntervalFirst(int kind){
  assert( kind>=0 && kind<IVK_COUNT_ );
  return aIvField[kind][0];
}

int typeIntervalLast(int kind){
  assert( kind>=0 && kind<IVK_COUNT_ );
  return aIvField[kind][1];
}

int typeIntervalKind(int first, int last){
  int k;
  for(k=0; k<IVK_COUNT_; k++){
    if( aIvField[k][0]==first && aIvField[k][1]==last ) return k;
  }
  return -1;
}

/* Format a LOB length the way it is usually written: 1M, 64K, 1000. */
static int typeFormatLob(const char *zName, uint32_t n, char *zBuf, int nBuf){
  if( n>=1073741824u && n%1073741824u==0 ){
    return snprintf(zBuf, nBuf, "%s(%uG)", zName, n/1073741824u);
  }
  if( n>=1048576u && n%1048576u==0 ){
    return snprintf(zBuf, nBuf, "%s(%uM)", zName, n/1048576u);
  }
  if( n>=1024u && n%1024u==0 ){
    return snprintf(zBuf, nBuf, "%s(%uK)", zName, n/1024u);
  }
  return snprintf(zBuf, nBuf, "%s(%u)", zName, n);
}

/* The INTERVAL ... spelling: leading precision always shown. */
static int typeFormatInterval(const SqlType *p, char *zBuf, int nBuf){
  int first, last;
  if( p->intervalKind>=IVK_COUNT_ ) return snprintf(zBuf, nBuf, "INTERVAL");
  first = aIvField[p->intervalKind][0];
  last = aIvField[p->intervalKind][1];
  if( first==TYPE_IVF_SECOND ){
    return snprintf(zBuf, nBuf, "INTERVAL SECOND(%d,%d)", p->precision, p->scale);
  }
  if( first==last ){
    return snprintf(zBuf, nBuf, "INTERVAL %s(%d)", azIvField[first], p->precision);
  }
  if( last==TYPE_IVF_SECOND ){
    return snprintf(zBuf, nBuf, "INTERVAL %s(%d) TO SECOND(%d)",
                    azIvField[first], p->precision, p->scale);
  }
  return snprintf(zBuf, nBuf, "INTERVAL %s(%d) TO %s",
                  azIvField[first], p->precision, azIvField[last]);
}

/* The keyword naming a type id in DDL, without parameters (typesys.h). */
const char *typeKeyword(int id){
  switch( id ){
    case SQLT_NULL:      return "NULL";
    case SQLT_SMALLINT:  return "SMALLINT";
    case SQLT_INTEGER:   return "INTEGER";
    case SQLT_BIGINT:    return "BIGINT";
    case SQLT_INTEGER_P: return "INTEGER";
    case SQLT_DECIMAL:   return "DECIMAL";
    case SQLT_FLOAT_P:   return "FLOAT";
    case SQLT_REAL:      return "REAL";
    case SQLT_DOUBLE:    return "DOUBLE PRECISION";
    case SQLT_CHAR:      return "CHAR";
    case SQLT_VARCHAR:   return "VARCHAR";
    case SQLT_CLOB:      return "CLOB";
    case SQLT_NCHAR:     return "NCHAR";
    case SQLT_NVARCHAR:  return "NVARCHAR";
    case SQLT_NCLOB:     return "NCLOB";
    case SQLT_BINARY:    return "BINARY";
    case SQLT_VARBINARY: return "VARBINARY";
    case SQLT_BLOB:      return "BLOB";
    case SQLT_BOOLEAN:   return "BOOLEAN";
    case SQLT_DATE:      return "DATE";
    case SQLT_TIME:      return "TIME";
    case SQLT_TIMESTAMP: return "TIMESTAMP";
    case SQLT_INTERVAL:  return "INTERVAL";
    case SQLT_UUID:      return "BUILTIN.UUID";
    case SQLT_GIS_LATITUDE:   return "BUILTIN.GIS_LATITUDE";
    case SQLT_GIS_LONGITUDE:  return "BUILTIN.GIS_LONGITUDE";
    case SQLT_GIS_LOCATION:   return "BUILTIN.GIS_LOCATION";
    case SQLT_GIS_COORDINATE: return "BUILTIN.GIS_COORDINATE";
  }
  return "?";   /* cannot happen: id out of range */
}

/* Id of the BUILTIN type named zName, SQLT_NULL if none (typesys.h). */
SqlTypeId typeBuiltinUdt(const char *zName){
  int id;
  for(id=SQLT_UUID; id<SQLT_COUNT_; id++){
    if( strcasecmp(typeUdtName(id), zName)==0 ) return (SqlTypeId)id;
  }
  return SQLT_NULL;
}

/* Name within schema BUILTIN of a built-in user-defined type (typesys.h). */
const char *typeUdtName(int id){
  if( id==SQLT_UUID || SQLT_IS_GIS(id) ) return typeKeyword(id) + 8;   /* after "BUILTIN." */
  return 0;
}

/* DDL spelling of p (typesys.h). */
int typeFormat(const SqlType *p, char *zBuf, int nBuf){
  const char *zKw = typeKeyword(p->id);
  switch( p->id ){
    case SQLT_INTEGER_P: case SQLT_FLOAT_P:
      return snprintf(zBuf, nBuf, "%s(%d)", zKw, p->precision);
    case SQLT_DECIMAL:
      return snprintf(zBuf, nBuf, "%s(%d,%d)", zKw, p->precision, p->scale);
    case SQLT_CHAR: case SQLT_VARCHAR: case SQLT_NCHAR: case SQLT_NVARCHAR:
    case SQLT_BINARY: case SQLT_VARBINARY:
      return snprintf(zBuf, nBuf, "%s(%u)", zKw, p->length);
    case SQLT_CLOB: case SQLT_NCLOB: case SQLT_BLOB:
      return typeFormatLob(zKw, p->length, zBuf, nBuf);
    case SQLT_TIME: case SQLT_TIMESTAMP:
      return snprintf(zBuf, nBuf, "%s(%d)", zKw, p->scale);
    case SQLT_INTERVAL:
      return typeFormatInterval(p, zBuf, nBuf);
  }
  return snprintf(zBuf, nBuf, "%s", zKw);
}

/* DATA_TYPE of INFORMATION_SCHEMA.COLUMNS (spec 8, 11.6). */
const char *typeDataTypeName(const SqlType *p){
  switch( p->id ){
    case SQLT_SMALLINT:  return "SMALLINT";
    case SQLT_INTEGER:   return "INTEGER";
    case SQLT_BIGINT:    return "BIGINT";
    case SQLT_INTEGER_P: return "INTEGER";
    case SQLT_DECIMAL:   return "DECIMAL";
    case SQLT_FLOAT_P:   return "FLOAT";
    case SQLT_REAL:      return "REAL";
    case SQLT_DOUBLE:    return "DOUBLE PRECISION";
    case SQLT_CHAR:      return "CHARACTER";
    case SQLT_VARCHAR:   return "CHARACTER VARYING";
    case SQLT_CLOB:      return "CHARACTER LARGE OBJECT";
    case SQLT_NCHAR:     return "NATIONAL CHARACTER";
    case SQLT_NVARCHAR:  return "NATIONAL CHARACTER VARYING";
    case SQLT_NCLOB:     return "NATIONAL CHAR LARGE OBJECT";
    case SQLT_BINARY:    return "BINARY";
    case SQLT_VARBINARY: return "BINARY VARYING";
    case SQLT_BLOB:      return "BINARY LARGE OBJECT";
    case SQLT_BOOLEAN:   return "BOOLEAN";
    case SQLT_DATE:      return "DATE";
    case SQLT_TIME:      return "TIME";
    case SQLT_TIMESTAMP: return "TIMESTAMP";
    case SQLT_INTERVAL:  return "INTERVAL";
    case SQLT_UUID:      return "USER-DEFINED";
    case SQLT_GIS_LATITUDE: case SQLT_GIS_LONGITUDE:
    case SQLT_GIS_LOCATION: case SQLT_GIS_COORDINATE:
      return "USER-DEFINED";
  }
  return "NULL";
}

/*
** Codes per spec c-api 4.7: the nullable native codes for binary numbers
** and LOBs and 63 for NVARCHAR, which a real server reports and MimerPy
** maps; 7, 9, 32 and 37/38/41 would make MimerPy fail with KeyError.
*/
int typeApiCode(const SqlType *p){
  switch( p->id ){
    case SQLT_SMALLINT:  return 48;
    case SQLT_INTEGER:   return 50;
    case SQLT_BIGINT:    return 52;
    case SQLT_INTEGER_P: return 3;
    case SQLT_DECIMAL:   return 2;
    case SQLT_FLOAT_P:   return 4;
    case SQLT_REAL:      return 54;
    case SQLT_DOUBLE:    return 56;
    case SQLT_CHAR:      return 1;
    case SQLT_VARCHAR:   return 11;
    case SQLT_CLOB:      return 58;
    case SQLT_NCHAR:     return 39;
    case SQLT_NVARCHAR:  return 63;
    case SQLT_NCLOB:     return 59;
    case SQLT_BINARY:    return 34;
    case SQLT_VARBINARY: return 35;
    case SQLT_BLOB:      return 57;
    case SQLT_BOOLEAN:   return 42;
    case SQLT_DATE:      return 12;
    case SQLT_TIME:      return 13;
    case SQLT_TIMESTAMP: return 14;
    case SQLT_INTERVAL:  return 15 + p->intervalKind;
    case SQLT_UUID:      return 8104;
    case SQLT_GIS_LATITUDE:   return 8020;
    case SQLT_GIS_LONGITUDE:  return 8004;
    case SQLT_GIS_LOCATION:   return 8036;
    case SQLT_GIS_COORDINATE: return 8063;
  }
  return 11;   /* an untyped NULL column reads as VARCHAR */
}

int typeNumericPrecision(const SqlType *p){
  switch( p->id ){
    case SQLT_SMALLINT: return 5;
    case SQLT_INTEGER:  return 10;
    case SQLT_BIGINT:   return 19;
    case SQLT_REAL:     return 7;
    case SQLT_DOUBLE:   return 16;
    default:            return p->precision;
  }
}

int typeNumericScale(const SqlType *p){
  return p->id==SQLT_DECIMAL ? p->scale : 0;
}

TypeClass typeClass(const SqlType *p){
  SqlTypeId id = (SqlTypeId)p->id;
  if( SQLT_IS_NUMERIC(id) ) return TYPE_CLASS_NUMERIC;
  if( SQLT_IS_CHARACTER(id) ) return TYPE_CLASS_CHAR;
  if( SQLT_IS_BINARYSTR(id) ) return TYPE_CLASS_BINARY;
  switch( id ){
    case SQLT_BOOLEAN:   return TYPE_CLASS_BOOLEAN;
    case SQLT_DATE:      return TYPE_CLASS_DATE;
    case SQLT_TIME:      return TYPE_CLASS_TIME;
    case SQLT_TIMESTAMP: return TYPE_CLASS_TIMESTAMP;
    case SQLT_INTERVAL:
      return dtIntervalIsYearMonth(p->intervalKind) ? TYPE_CLASS_IV_YM : TYPE_CLASS_IV_DT;
    case SQLT_UUID:      return TYPE_CLASS_UUID;
    case SQLT_GIS_LATITUDE:   return TYPE_CLASS_GIS_LAT;
    case SQLT_GIS_LONGITUDE:  return TYPE_CLASS_GIS_LON;
    case SQLT_GIS_LOCATION:   return TYPE_CLASS_GIS_LOC;
    case SQLT_GIS_COORDINATE: return TYPE_CLASS_GIS_XY;
    default:             return TYPE_CLASS_NULL;
  }
}

/* Record ML_E_INVALID_TYPE_SPEC naming the offending type. */
static int typeSpecError(const SqlType *p, MlError *pErr){
  char zType[TYPE_TEXT_MAX];
  typeFormat(p, zType, sizeof(zType));
  return mlErrorSet(pErr, ML_E_INVALID_TYPE_SPEC, zType);
}

/* Record ML_E_TYPE_MISMATCH naming both types. */
static int typeMismatch(const SqlType *a, const SqlType *b, MlError *pErr){
  char zA[TYPE_TEXT_MAX], zB[TYPE_TEXT_MAX];
  typeFormat(a, zA, sizeof(zA));
  typeFormat(b, zB, sizeof(zB));
  return mlErrorSet(pErr, ML_E_TYPE_MISMATCH, zA, zB);
}

/* Mimer's limits on a declared type (typesys.h); -12401 when violated. */
int typeCheckDeclared(const SqlType *p, MlError *pErr){
  int ok = 0;
  switch( p->id ){
    case SQLT_SMALLINT: case SQLT_INTEGER: case SQLT_BIGINT:
    case SQLT_REAL: case SQLT_DOUBLE: case SQLT_BOOLEAN: case SQLT_DATE:
    case SQLT_UUID: case SQLT_GIS_LATITUDE: case SQLT_GIS_LONGITUDE:
    case SQLT_GIS_LOCATION: case SQLT_GIS_COORDINATE:
      ok = 1;
      break;
    case SQLT_CHAR: case SQLT_VARCHAR: case SQLT_BINARY: case SQLT_VARBINARY:
      ok = p->length>=1 && p->length<=TYPE_CHAR_MAX;
      break;
    case SQLT_NCHAR: case SQLT_NVARCHAR:
      ok = p->length>=1 && p->length<=TYPE_NCHAR_MAX;
      break;
    case SQLT_CLOB: case SQLT_NCLOB: case SQLT_BLOB:
      ok = p->length>=1;
      break;
    case SQLT_INTEGER_P: case SQLT_FLOAT_P:
      ok = p->precision>=1 && p->precision<=DEC45_MAX_DIGITS;
      break;
    case SQLT_DECIMAL:
      ok = p->precision>=1 && p->precision<=DEC45_MAX_DIGITS && p->scale<=p->precision;
      break;
    case SQLT_TIME: case SQLT_TIMESTAMP:
      ok = p->scale<=DT_MAX_SCALE;
      break;
    case SQLT_INTERVAL:
      ok = p->intervalKind<IVK_COUNT_
        && p->precision>=1 && p->precision<=dtIntervalMaxLeading(p->intervalKind)
        && (dtIntervalHasSecond(p->intervalKind) ? p->scale<=DT_MAX_SCALE : p->scale==0);
      break;
    default:
      ok = 0;
      break;
  }
  return ok ? ML_OK : typeSpecError(p, pErr);
}

/*
** Fill in defaults for omitted parts, reject parts the type does not take
** or that do not fit the SqlType fields, then apply typeCheckDeclared.
*/
int typeDeclare(SqlTypeId id, int ivKind, int64_t n1, int64_t n2,
                SqlType *pOut, MlError *pErr){
  SqlType t = { 0, 0, 0, 0, 0 };
  int bad = 0;                        /* a part the type cannot take */
  t.id = (uint8_t)id;
  if( n1!=TYPE_OMITTED && (n1<0 || n1>TYPE_LOB_MAX) ) bad = 1;
  if( n2!=TYPE_OMITTED && (n2<0 || n2>255) ) bad = 1;
  switch( id ){
    case SQLT_CHAR: case SQLT_NCHAR: case SQLT_BINARY:
      t.length = n1==TYPE_OMITTED ? 1 : (uint32_t)n1;
      bad |= n2!=TYPE_OMITTED;
      break;
    case SQLT_VARCHAR: case SQLT_NVARCHAR: case SQLT_VARBINARY:
      t.length = (uint32_t)n1;
      bad |= n1==TYPE_OMITTED || n2!=TYPE_OMITTED;
      break;
    case SQLT_CLOB: case SQLT_NCLOB: case SQLT_BLOB:
      t.length = n1==TYPE_OMITTED ? TYPE_LOB_DEFAULT : (uint32_t)n1;
      bad |= n2!=TYPE_OMITTED;
      break;
    case SQLT_INTEGER_P: case SQLT_FLOAT_P:
      bad |= n1==TYPE_OMITTED || n1>255 || n2!=TYPE_OMITTED;
      t.precision = (uint8_t)n1;
      break;
    case SQLT_DECIMAL:
      bad |= n1>255 || (n1==TYPE_OMITTED && n2!=TYPE_OMITTED);
      t.precision = n1==TYPE_OMITTED ? TYPE_DECIMAL_DEFAULT_PREC : (uint8_t)n1;
      t.scale = n2==TYPE_OMITTED ? 0 : (uint8_t)n2;
      break;
    case SQLT_TIME: case SQLT_TIMESTAMP:
      bad |= n1>255 || n2!=TYPE_OMITTED;
      if( n1!=TYPE_OMITTED ){
        t.scale = (uint8_t)n1;
      }else{
        t.scale = id==SQLT_TIME ? DT_TIME_DEFAULT_SCALE : DT_TIMESTAMP_DEFAULT_SCALE;
      }
      break;
    case SQLT_INTERVAL:
      if( ivKind<0 || ivKind>=IVK_COUNT_ ) return mlErrorSet(pErr, ML_E_INVALID_TYPE_SPEC, "INTERVAL");
      t.intervalKind = (uint8_t)ivKind;
      bad |= n1>255;
      t.precision = n1==TYPE_OMITTED ? DT_INTERVAL_DEFAULT_LEADING : (uint8_t)n1;
      if( dtIntervalHasSecond(ivKind) ){
        t.scale = n2==TYPE_OMITTED ? DT_INTERVAL_DEFAULT_SCALE : (uint8_t)n2;
      }else{
        bad |= n2!=TYPE_OMITTED;
      }
      break;
    case SQLT_NULL:
      bad = 1;
      break;
    default:
      bad |= n1!=TYPE_OMITTED || n2!=TYPE_OMITTED;
      break;
  }
  if( bad ) return typeSpecError(&t, pErr);
  *pOut = t;
  return typeCheckDeclared(pOut, pErr);
}

int typeCheckComparable(const SqlType *a, const SqlType *b, MlError *pErr){
  TypeClass ca = typeClass(a), cb = typeClass(b);
  if( SQLT_IS_LOB(a->id) || SQLT_IS_LOB(b->id) ) return typeMismatch(a, b, pErr);
  if( ca==TYPE_CLASS_NULL || cb==TYPE_CLASS_NULL || ca==cb ) return ML_OK;
  return typeMismatch(a, b, pErr);
}

static int typeMin(int a, int b){ return a<b ? a : b; }
static int typeMax(int a, int b){ return a>b ? a : b; }

/* 1 for binary integers and INTEGER(p). */
static int typeIsInteger(const SqlType *p){
  return SQLT_IS_BINARY_INT(p->id) || p->id==SQLT_INTEGER_P;
}

static SqlType typeNumber(SqlTypeId id, int prec, int scale){
  SqlType t = { 0, 0, 0, 0, 0 };
  assert( prec>=1 && prec<=DEC45_MAX_DIGITS && scale>=0 && scale<=prec );
  t.id = (uint8_t)id;
  t.precision = (uint8_t)prec;
  t.scale = (uint8_t)scale;
  return t;
}

/* Numeric result type of a op b (op one of + - * /); both numeric. */
static int typeArithNumeric(int op, const SqlType *a, const SqlType *b, SqlType *pOut){
  int p1 = typeNumericPrecision(a), p2 = typeNumericPrecision(b);
  int p, s;
  if( SQLT_IS_IEEE(a->id) || SQLT_IS_IEEE(b->id) ){
    *pOut = typeSimple(SQLT_DOUBLE);
    return ML_OK;
  }
  if( a->id==SQLT_FLOAT_P || b->id==SQLT_FLOAT_P ){
    *pOut = typeNumber(SQLT_FLOAT_P, typeMax(TYPE_FLOAT_MIN_PREC, typeMax(p1, p2)), 0);
    return ML_OK;
  }
  if( typeIsInteger(a) && typeIsInteger(b) ){
    switch( op ){
      case TYPE_OP_ADD: case TYPE_OP_SUB: p = typeMax(p1, p2) + 1; break;
      case TYPE_OP_MUL: p = p1 + p2; break;
      default:          p = p1; break;
    }
    *pOut = typeNumber(SQLT_INTEGER_P, typeMin(DEC45_MAX_DIGITS, p), 0);
    return ML_OK;
  }
  if( dec45ResultType(op, p1, typeNumericScale(a), p2, typeNumericScale(b), &p, &s) ){
    return ML_E_INTERNAL;   /* cannot happen: op is checked by the caller */
  }
  *pOut = typeNumber(SQLT_DECIMAL, p, s);
  return ML_OK;
}

/* An interval type of `kind` with the largest leading precision. */
static SqlType typeIntervalWide(int kind, int scale){
  SqlType t = { SQLT_INTERVAL, 0, 0, 0, 0 };
  t.intervalKind = (uint8_t)kind;
  t.precision = (uint8_t)dtIntervalMaxLeading(kind);
  t.scale = dtIntervalHasSecond(kind) ? (uint8_t)scale : 0;
  return t;
}

/* The interval kind spanning the fields of a and b (one class). */
static int typeIntervalSpan(const SqlType *a, const SqlType *b){
  int first = typeMin(typeIntervalFirst(a->intervalKind), typeIntervalFirst(b->intervalKind));
  int last = typeMax(typeIntervalLast(a->intervalKind), typeIntervalLast(b->intervalKind));
  int kind = typeIntervalKind(first, last);
  assert( kind>=0 );
  return kind;
}

/* Fractional scale an interval contributes (0 unless it ends in SECOND). */
static int typeIntervalScale(const SqlType *p){
  return dtIntervalHasSecond(p->intervalKind) ? p->scale : 0;
}

/*
** Result of datetime dt +- interval iv, or ML_E_TYPE_MISMATCH when iv has
** fields dt does not (a DATE takes YEAR..DAY, a TIME HOUR..SECOND).
*/
static int typeDatetimePlus(const SqlType *dt, const SqlType *iv, SqlType *pOut){
  int first = typeIntervalFirst(iv->intervalKind);
  int last = typeIntervalLast(iv->intervalKind);
  *pOut = *dt;
  switch( dt->id ){
    case SQLT_DATE:
      return last<=TYPE_IVF_DAY ? ML_OK : ML_E_TYPE_MISMATCH;
    case SQLT_TIME:
      if( first<TYPE_IVF_HOUR ) return ML_E_TYPE_MISMATCH;
      break;
    default:
      break;
  }
  pOut->scale = (uint8_t)typeMax(dt->scale, typeIntervalScale(iv));
  return ML_OK;
}

/* Result of datetime - datetime of one type: a day-time interval. */
static SqlType typeDatetimeDiff(const SqlType *a, const SqlType *b){
  int scale = typeMax(a->scale, b->scale);
  switch( a->id ){
    case SQLT_DATE:
      return typeIntervalWide(IVK_DAY, 0);
    case SQLT_TIME: {
      SqlType t = typeIntervalWide(IVK_HOUR_TO_SECOND, scale);
      t.precision = 2;
      return t;
    }
    default:
      return typeIntervalWide(IVK_DAY_TO_SECOND, scale);
  }
}

/* Result type of a || b. */
static int typeConcat(const SqlType *a, const SqlType *b, SqlType *pOut){
  SqlType t = { 0, 0, 0, 0, 0 };
  uint64_t n = (uint64_t)a->length + b->length;
  uint64_t nMax;
  if( SQLT_IS_CHARACTER(a->id) && SQLT_IS_CHARACTER(b->id) ){
    int national = SQLT_IS_NATIONAL(a->id) || SQLT_IS_NATIONAL(b->id);
    if( SQLT_IS_LOB(a->id) || SQLT_IS_LOB(b->id) ){
      t.id = national ? SQLT_NCLOB : SQLT_CLOB;
    }else if( a->id==SQLT_CHAR || a->id==SQLT_NCHAR ){
      if( b->id==SQLT_CHAR || b->id==SQLT_NCHAR ){
        t.id = national ? SQLT_NCHAR : SQLT_CHAR;
      }else{
        t.id = national ? SQLT_NVARCHAR : SQLT_VARCHAR;
      }
    }else{
      t.id = national ? SQLT_NVARCHAR : SQLT_VARCHAR;
    }
  }else if( SQLT_IS_BINARYSTR(a->id) && SQLT_IS_BINARYSTR(b->id) ){
    if( SQLT_IS_LOB(a->id) || SQLT_IS_LOB(b->id) ){
      t.id = SQLT_BLOB;
    }else if( a->id==SQLT_BINARY && b->id==SQLT_BINARY ){
      t.id = SQLT_BINARY;
    }else{
      t.id = SQLT_VARBINARY;
    }
  }else{
    return ML_E_TYPE_MISMATCH;
  }
  if( SQLT_IS_LOB(t.id) ){
    nMax = TYPE_LOB_MAX;
  }else{
    nMax = SQLT_IS_NATIONAL(t.id) ? TYPE_NCHAR_MAX : TYPE_CHAR_MAX;
  }
  t.length = (uint32_t)(n<nMax ? n : nMax);
  *pOut = t;
  return ML_OK;
}

/* Result type of a op b by class of the operands (rules in typesys.h). */
int typeResultArith(int op, const SqlType *a, const SqlType *b, SqlType *pOut,
                    MlError *pErr){
  TypeClass ca = typeClass(a), cb = typeClass(b);
  int rc = ML_E_TYPE_MISMATCH;
  assert( op==TYPE_OP_ADD || op==TYPE_OP_SUB || op==TYPE_OP_MUL
       || op==TYPE_OP_DIV || op==TYPE_OP_CONCAT );
  if( a->id==SQLT_NULL || b->id==SQLT_NULL ){
    *pOut = a->id==SQLT_NULL ? *b : *a;
    return ML_OK;
  }
  if( op==TYPE_OP_CONCAT ){
    rc = typeConcat(a, b, pOut);
  }else if( SQLT_IS_LOB(a->id) || SQLT_IS_LOB(b->id) ){
    rc = ML_E_TYPE_MISMATCH;
  }else if( ca==TYPE_CLASS_NUMERIC && cb==TYPE_CLASS_NUMERIC ){
    rc = typeArithNumeric(op, a, b, pOut);
  }else if( (ca==TYPE_CLASS_IV_YM || ca==TYPE_CLASS_IV_DT) && ca==cb ){
    if( op==TYPE_OP_ADD || op==TYPE_OP_SUB ){
      int kind = typeIntervalSpan(a, b);
      *pOut = typeIntervalWide(kind, typeMax(typeIntervalScale(a), typeIntervalScale(b)));
      rc = ML_OK;
    }
  }else if( a->id==SQLT_INTERVAL && cb==TYPE_CLASS_NUMERIC ){
    if( op==TYPE_OP_MUL || op==TYPE_OP_DIV ){
      *pOut = typeIntervalWide(a->intervalKind, a->scale);
      rc = ML_OK;
    }
  }else if( ca==TYPE_CLASS_NUMERIC && b->id==SQLT_INTERVAL ){
    if( op==TYPE_OP_MUL ){
      *pOut = typeIntervalWide(b->intervalKind, b->scale);
      rc = ML_OK;
    }
  }else if( SQLT_IS_DATETIME(a->id) && b->id==SQLT_INTERVAL ){
    if( op==TYPE_OP_ADD || op==TYPE_OP_SUB ) rc = typeDatetimePlus(a, b, pOut);
  }else if( a->id==SQLT_INTERVAL && SQLT_IS_DATETIME(b->id) ){
    if( op==TYPE_OP_ADD ) rc = typeDatetimePlus(b, a, pOut);
  }else if( SQLT_IS_DATETIME(a->id) && a->id==b->id ){
    if( op==TYPE_OP_SUB ){
      *pOut = typeDatetimeDiff(a, b);
      rc = ML_OK;
    }
  }
  if( rc==ML_E_TYPE_MISMATCH ) return typeMismatch(a, b, pErr);
  if( rc ) return mlErrorSet(pErr, rc, "type rule");
  return ML_OK;
}

int typeResultNegate(const SqlType *a, SqlType *pOut, MlError *pErr){
  if( SQLT_IS_NUMERIC(a->id) || a->id==SQLT_INTERVAL || a->id==SQLT_NULL ){
    *pOut = *a;
    return ML_OK;
  }
  return typeMismatch(a, a, pErr);
}

/* Common supertype of two numeric types. */
static SqlType typeSuperNumeric(const SqlType *a, const SqlType *b){
  int p1 = typeNumericPrecision(a), p2 = typeNumericPrecision(b);
  int s1 = typeNumericScale(a), s2 = typeNumericScale(b);
  int s;
  if( SQLT_IS_BINARY_INT(a->id) && SQLT_IS_BINARY_INT(b->id) ){
    return typeSimple((SqlTypeId)typeMax(a->id, b->id));
  }
  if( SQLT_IS_IEEE(a->id) || SQLT_IS_IEEE(b->id) ){
    return typeSimple(a->id==SQLT_REAL && b->id==SQLT_REAL ? SQLT_REAL : SQLT_DOUBLE);
  }
  if( a->id==SQLT_FLOAT_P || b->id==SQLT_FLOAT_P ){
    return typeNumber(SQLT_FLOAT_P, typeMax(p1, p2), 0);
  }
  if( typeIsInteger(a) && typeIsInteger(b) ){
    return typeNumber(SQLT_INTEGER_P, typeMax(p1, p2), 0);
  }
  s = typeMax(s1, s2);
  return typeNumber(SQLT_DECIMAL, typeMin(DEC45_MAX_DIGITS, typeMax(p1-s1, p2-s2) + s), s);
}

/* Common supertype of two string types of one kind (character or binary). */
static SqlType typeSuperString(const SqlType *a, const SqlType *b){
  SqlType t = { 0, 0, 0, 0, 0 };
  uint32_t nMax;
  int lob = SQLT_IS_LOB(a->id) || SQLT_IS_LOB(b->id);
  int fixed;
  if( SQLT_IS_CHARACTER(a->id) ){
    int national = SQLT_IS_NATIONAL(a->id) || SQLT_IS_NATIONAL(b->id);
    fixed = (a->id==SQLT_CHAR || a->id==SQLT_NCHAR) && (b->id==SQLT_CHAR || b->id==SQLT_NCHAR);
    if( lob ){
      t.id = national ? SQLT_NCLOB : SQLT_CLOB;
    }else if( fixed ){
      t.id = national ? SQLT_NCHAR : SQLT_CHAR;
    }else{
      t.id = national ? SQLT_NVARCHAR : SQLT_VARCHAR;
    }
  }else{
    fixed = a->id==SQLT_BINARY && b->id==SQLT_BINARY;
    t.id = lob ? SQLT_BLOB : fixed ? SQLT_BINARY : SQLT_VARBINARY;
  }
  if( lob ){
    nMax = TYPE_LOB_MAX;
  }else{
    nMax = SQLT_IS_NATIONAL(t.id) ? TYPE_NCHAR_MAX : TYPE_CHAR_MAX;
  }
  t.length = a->length>b->length ? a->length : b->length;
  if( t.length>nMax ) t.length = nMax;
  /* the SQL_IDENTIFIER collation of either branch carries over (value.h) */
  if( SQLT_IS_IDENT_COLL(a) || SQLT_IS_IDENT_COLL(b) ) t.intervalKind = SQLT_COLL_IDENTIFIER;
  return t;
}

/* Common supertype of UNION/CASE branches (typesys.h). */
int typeCommonSuper(const SqlType *a, const SqlType *b, SqlType *pOut, MlError *pErr){
  TypeClass ca = typeClass(a), cb = typeClass(b);
  if( ca==TYPE_CLASS_NULL ){
    *pOut = *b;
    return ML_OK;
  }
  if( cb==TYPE_CLASS_NULL ){
    *pOut = *a;
    return ML_OK;
  }
  if( ca!=cb ) return typeMismatch(a, b, pErr);
  switch( ca ){
    case TYPE_CLASS_NUMERIC:
      *pOut = typeSuperNumeric(a, b);
      break;
    case TYPE_CLASS_CHAR:
    case TYPE_CLASS_BINARY:
      *pOut = typeSuperString(a, b);
      break;
    case TYPE_CLASS_TIME:
    case TYPE_CLASS_TIMESTAMP:
      *pOut = *a;
      pOut->scale = (uint8_t)typeMax(a->scale, b->scale);
      break;
    case TYPE_CLASS_IV_YM:
    case TYPE_CLASS_IV_DT: {
      int kind = typeIntervalSpan(a, b);
      *pOut = typeIntervalWide(kind, typeMax(typeIntervalScale(a), typeIntervalScale(b)));
      if( typeIntervalFirst(a->intervalKind)==typeIntervalFirst(b->intervalKind) ){
        pOut->precision = (uint8_t)typeMax(a->precision, b->precision);
      }
      break;
    }
    default:
      *pOut = *a;
      break;
  }
  return ML_OK;
}
