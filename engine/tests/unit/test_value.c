/*
** Unit tests for the type system over value.h: types/typesys.c (limits,
** defaults, spellings, result-type rules from spec 6), types/strings.c,
** types/cast.c (every cast error and limit), types/compare.c,
** types/arith.c and types/format.c.  Besides hand cases, two
** differential property tests: 100,000 random pairs of numbers of every
** numeric type compared against an oracle working on exact decimal digit
** strings (doubles expanded exactly), with valueHash checked against
** equality; and integer arithmetic against __int128 with the result
** type's overflow limits.
*/
#include <math.h>
#include <stdlib.h>

#include "testutil.h"
#include "types/arith.h"
#include "types/cast.h"
#include "types/compare.h"
#include "types/datetime.h"
#include "types/format.h"
#include "types/gis.h"
#include "types/strings.h"
#include "types/typesys.h"
#include "util/arena.h"
#include "util/errors.h"
#include "util/strbuf.h"

/* ---- helpers ---------------------------------------------------------- */

static Arena gArena;               /* reset by every test */

/* Rotating result buffers so several helper results can live in one CHECK. */
static char *buf(void){
  static char a[16][1024];
  static int i = 0;
  i = (i+1)%16;
  return a[i];
}

/* "ERR <rc>" in storage that stays valid for the whole run. */
static const char *errStr(int rc){
  static int aCode[64];
  static char aText[64][16];
  static int nCode = 0;
  int i;
  for(i=0; i<nCode; i++){
    if( aCode[i]==rc ) return aText[i];
  }
  if( nCode==64 ) return "ERR (too many codes)";
  aCode[nCode] = rc;
  snprintf(aText[nCode], sizeof(aText[nCode]), "ERR %d", rc);
  return aText[nCode++];
}

/* A declared type; fails the test if the declaration is rejected. */
static SqlType ty(SqlTypeId id, int64_t n1, int64_t n2){
  SqlType t;
  MlError err;
  int rc = typeDeclare(id, 0, n1, n2, &t, &err);
  if( rc ) testFail(__FILE__, __LINE__, "typeDeclare(%d,%lld,%lld) = %d", id,
                    (long long)n1, (long long)n2, rc);
  return t;
}

static SqlType tyIv(int kind, int64_t n1, int64_t n2){
  SqlType t;
  MlError err;
  int rc = typeDeclare(SQLT_INTERVAL, kind, n1, n2, &t, &err);
  if( rc ) testFail(__FILE__, __LINE__, "interval typeDeclare(%d) = %d", kind, rc);
  return t;
}

static SqlType tyS(SqlTypeId id){ return typeSimple(id); }

/* Error code of a declaration, 0 if accepted. */
static int declRc(SqlTypeId id, int kind, int64_t n1, int64_t n2){
  SqlType t;
  MlError err;
  return typeDeclare(id, kind, n1, n2, &t, &err);
}

static const char *fmtType(SqlType t){
  char *z = buf();
  typeFormat(&t, z, 1024);
  return z;
}

/* Text of a value ("NULL" for NULL). */
static const char *txt(const Value *p, const SqlType *t){
  char *z = buf();
  StrBuf b;
  int rc;
  if( p->isNull ) return "NULL";
  strbufInit(&b, 0, 0);
  rc = valueToText(p, t, &b);
  if( rc ){
    snprintf(z, 1024, "ERR %d", rc);
  }else{
    snprintf(z, 1024, "%s", strbufCStr(&b));
  }
  strbufFree(&b);
  return z;
}

static Value vStr(const char *z){
  Value v;
  v.type = SQLT_NVARCHAR;
  v.isNull = 0;
  v.u.s.z = z;
  v.u.s.n = (uint32_t)strlen(z);
  return v;
}

static Value vInt(SqlTypeId id, int64_t i){
  Value v;
  v.type = (uint8_t)id;
  v.isNull = 0;
  v.u.i = i;
  return v;
}

static Value vDouble(SqlTypeId id, double d){
  Value v;
  v.type = (uint8_t)id;
  v.isNull = 0;
  v.u.d = d;
  return v;
}

static Value vNull(SqlTypeId id){
  Value v;
  memset(&v, 0, sizeof(v));
  v.type = (uint8_t)id;
  v.isNull = 1;
  return v;
}

/* Cast v of type from to type to: the result's text or "ERR <code>". */
static const char *castVal(Value v, SqlType from, SqlType to){
  Value out;
  MlError err;
  int rc = valueCast(&v, &from, &to, &gArena, &out, &err);
  if( rc ) return errStr(rc);
  if( out.type!=to.id ) return "WRONG TYPE";
  return txt(&out, &to);
}

/* Cast text z (as an NVARCHAR) to type to. */
static const char *castStr(const char *z, SqlType to){
  SqlType from = ty(SQLT_NVARCHAR, 5000, TYPE_OMITTED);
  return castVal(vStr(z), from, to);
}

/* A value of type t from its text (through a cast from NVARCHAR). */
static Value valOf(const char *z, SqlType t){
  Value out;
  SqlType from = ty(SQLT_NVARCHAR, 5000, TYPE_OMITTED);
  Value v = vStr(z);
  MlError err;
  int rc = valueCast(&v, &from, &t, &gArena, &out, &err);
  if( rc ) testFail(__FILE__, __LINE__, "valOf(%s) = %d", z, rc);
  return out;
}

/* a op b with the result type from typeResultArith; text or ERR. */
static const char *arith(int op, Value a, SqlType ta, Value b, SqlType tb){
  SqlType tr;
  Value out;
  MlError err;
  int rc = typeResultArith(op, &ta, &tb, &tr, &err);
  if( rc ) return errStr(rc);
  rc = op==TYPE_OP_CONCAT ? valueConcat(&a, &ta, &b, &tb, &tr, &gArena, &out, &err)
                          : valueArith(op, &a, &ta, &b, &tb, &tr, &out, &err);
  if( rc ) return errStr(rc);
  return txt(&out, &tr);
}

/* Result type of a op b as DDL text, or ERR. */
static const char *resType(int op, SqlType a, SqlType b){
  SqlType t;
  MlError err;
  int rc = typeResultArith(op, &a, &b, &t, &err);
  if( rc ) return errStr(rc);
  return fmtType(t);
}

static const char *superType(SqlType a, SqlType b){
  SqlType t;
  MlError err;
  int rc = typeCommonSuper(&a, &b, &t, &err);
  if( rc ) return errStr(rc);
  return fmtType(t);
}

static int cmpVal(Value a, SqlType ta, Value b, SqlType tb){
  int c = 99;
  int rc = valueCompare(&a, &ta, &b, &tb, &c);
  return rc ? rc : c;
}

/* ---- typesys ---------------------------------------------------------- */

static void test_declared_types_enforce_mimer_limits(void){
  int e = ML_E_INVALID_TYPE_SPEC;
  CHECK_EQ_INT(declRc(SQLT_CHAR, 0, 0, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_CHAR, 0, 1, TYPE_OMITTED), 0);
  CHECK_EQ_INT(declRc(SQLT_CHAR, 0, 15000, TYPE_OMITTED), 0);
  CHECK_EQ_INT(declRc(SQLT_CHAR, 0, 15001, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_VARCHAR, 0, TYPE_OMITTED, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_VARCHAR, 0, 15000, TYPE_OMITTED), 0);
  CHECK_EQ_INT(declRc(SQLT_VARCHAR, 0, 15001, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_VARCHAR, 0, 10, 2), e);
  CHECK_EQ_INT(declRc(SQLT_BINARY, 0, 15000, TYPE_OMITTED), 0);
  CHECK_EQ_INT(declRc(SQLT_BINARY, 0, 15001, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_VARBINARY, 0, 15001, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_VARBINARY, 0, TYPE_OMITTED, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_NCHAR, 0, 5000, TYPE_OMITTED), 0);
  CHECK_EQ_INT(declRc(SQLT_NCHAR, 0, 5001, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_NVARCHAR, 0, 5000, TYPE_OMITTED), 0);
  CHECK_EQ_INT(declRc(SQLT_NVARCHAR, 0, 5001, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_NVARCHAR, 0, TYPE_OMITTED, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_CLOB, 0, 2LL*1073741824, TYPE_OMITTED), 0);
  CHECK_EQ_INT(declRc(SQLT_BLOB, 0, 4LL*1073741824, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_NCLOB, 0, 0, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_DECIMAL, 0, 45, 45), 0);
  CHECK_EQ_INT(declRc(SQLT_DECIMAL, 0, 46, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_DECIMAL, 0, 0, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_DECIMAL, 0, 5, 6), e);
  CHECK_EQ_INT(declRc(SQLT_DECIMAL, 0, 300, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_INTEGER_P, 0, 45, TYPE_OMITTED), 0);
  CHECK_EQ_INT(declRc(SQLT_INTEGER_P, 0, 46, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_INTEGER_P, 0, 0, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_INTEGER_P, 0, 301, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_FLOAT_P, 0, 1, TYPE_OMITTED), 0);
  CHECK_EQ_INT(declRc(SQLT_FLOAT_P, 0, 45, TYPE_OMITTED), 0);
  CHECK_EQ_INT(declRc(SQLT_FLOAT_P, 0, 53, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_TIME, 0, 9, TYPE_OMITTED), 0);
  CHECK_EQ_INT(declRc(SQLT_TIME, 0, 10, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_TIMESTAMP, 0, 9, TYPE_OMITTED), 0);
  CHECK_EQ_INT(declRc(SQLT_TIMESTAMP, 0, 10, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_INTEGER, 0, 5, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_NULL, 0, TYPE_OMITTED, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_INTERVAL, IVK_YEAR, 7, TYPE_OMITTED), 0);
  CHECK_EQ_INT(declRc(SQLT_INTERVAL, IVK_YEAR, 8, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_INTERVAL, IVK_DAY_TO_SECOND, 7, 9), 0);
  CHECK_EQ_INT(declRc(SQLT_INTERVAL, IVK_DAY_TO_SECOND, 8, 9), e);
  CHECK_EQ_INT(declRc(SQLT_INTERVAL, IVK_DAY_TO_SECOND, 7, 10), e);
  CHECK_EQ_INT(declRc(SQLT_INTERVAL, IVK_HOUR, 8, TYPE_OMITTED), 0);
  CHECK_EQ_INT(declRc(SQLT_INTERVAL, IVK_HOUR_TO_MINUTE, 9, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_INTERVAL, IVK_MINUTE, 10, TYPE_OMITTED), 0);
  CHECK_EQ_INT(declRc(SQLT_INTERVAL, IVK_MINUTE_TO_SECOND, 11, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_INTERVAL, IVK_SECOND, 12, 9), 0);
  CHECK_EQ_INT(declRc(SQLT_INTERVAL, IVK_SECOND, 13, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_INTERVAL, IVK_SECOND, 0, TYPE_OMITTED), e);
  CHECK_EQ_INT(declRc(SQLT_INTERVAL, IVK_DAY_TO_HOUR, 2, 3), e);
  CHECK_EQ_INT(declRc(SQLT_INTERVAL, IVK_COUNT_, 2, TYPE_OMITTED), e);
}

static void test_declared_types_default_omitted_parts(void){
  CHECK_EQ_STR(fmtType(ty(SQLT_CHAR, TYPE_OMITTED, TYPE_OMITTED)), "CHAR(1)");
  CHECK_EQ_STR(fmtType(ty(SQLT_NCHAR, TYPE_OMITTED, TYPE_OMITTED)), "NCHAR(1)");
  CHECK_EQ_STR(fmtType(ty(SQLT_BINARY, TYPE_OMITTED, TYPE_OMITTED)), "BINARY(1)");
  CHECK_EQ_STR(fmtType(ty(SQLT_CLOB, TYPE_OMITTED, TYPE_OMITTED)), "CLOB(1M)");
  CHECK_EQ_STR(fmtType(ty(SQLT_BLOB, 64*1024, TYPE_OMITTED)), "BLOB(64K)");
  CHECK_EQ_STR(fmtType(ty(SQLT_NCLOB, 2LL*1073741824, TYPE_OMITTED)), "NCLOB(2G)");
  CHECK_EQ_STR(fmtType(ty(SQLT_CLOB, 1000, TYPE_OMITTED)), "CLOB(1000)");
  CHECK_EQ_STR(fmtType(ty(SQLT_DECIMAL, TYPE_OMITTED, TYPE_OMITTED)), "DECIMAL(15,0)");
  CHECK_EQ_STR(fmtType(ty(SQLT_DECIMAL, 10, TYPE_OMITTED)), "DECIMAL(10,0)");
  CHECK_EQ_STR(fmtType(ty(SQLT_TIME, TYPE_OMITTED, TYPE_OMITTED)), "TIME(0)");
  CHECK_EQ_STR(fmtType(ty(SQLT_TIMESTAMP, TYPE_OMITTED, TYPE_OMITTED)), "TIMESTAMP(6)");
  CHECK_EQ_STR(fmtType(tyIv(IVK_DAY, TYPE_OMITTED, TYPE_OMITTED)), "INTERVAL DAY(2)");
  CHECK_EQ_STR(fmtType(tyIv(IVK_DAY_TO_SECOND, TYPE_OMITTED, TYPE_OMITTED)),
               "INTERVAL DAY(2) TO SECOND(6)");
  CHECK_EQ_STR(fmtType(tyIv(IVK_SECOND, TYPE_OMITTED, TYPE_OMITTED)), "INTERVAL SECOND(2,6)");
}

static void test_type_spellings_for_ddl_catalog_and_api(void){
  SqlType t;
  CHECK_EQ_STR(fmtType(ty(SQLT_VARCHAR, 40, TYPE_OMITTED)), "VARCHAR(40)");
  CHECK_EQ_STR(fmtType(ty(SQLT_DECIMAL, 10, 2)), "DECIMAL(10,2)");
  CHECK_EQ_STR(fmtType(ty(SQLT_TIMESTAMP, 3, TYPE_OMITTED)), "TIMESTAMP(3)");
  CHECK_EQ_STR(fmtType(tyIv(IVK_DAY_TO_SECOND, 4, 2)), "INTERVAL DAY(4) TO SECOND(2)");
  CHECK_EQ_STR(fmtType(tyIv(IVK_YEAR_TO_MONTH, 5, TYPE_OMITTED)), "INTERVAL YEAR(5) TO MONTH");
  CHECK_EQ_STR(fmtType(tyIv(IVK_SECOND, 5, 2)), "INTERVAL SECOND(5,2)");
  CHECK_EQ_STR(fmtType(tyS(SQLT_UUID)), "BUILTIN.UUID");
  CHECK_EQ_STR(fmtType(tyS(SQLT_DOUBLE)), "DOUBLE PRECISION");
  CHECK_EQ_STR(fmtType(ty(SQLT_INTEGER_P, 12, TYPE_OMITTED)), "INTEGER(12)");
  CHECK_EQ_STR(fmtType(ty(SQLT_FLOAT_P, 20, TYPE_OMITTED)), "FLOAT(20)");

  t = ty(SQLT_CHAR, 5, TYPE_OMITTED);       CHECK_EQ_STR(typeDataTypeName(&t), "CHARACTER");
  t = ty(SQLT_VARCHAR, 5, TYPE_OMITTED);    CHECK_EQ_STR(typeDataTypeName(&t), "CHARACTER VARYING");
  t = ty(SQLT_CLOB, 5, TYPE_OMITTED);       CHECK_EQ_STR(typeDataTypeName(&t), "CHARACTER LARGE OBJECT");
  t = ty(SQLT_NCHAR, 5, TYPE_OMITTED);      CHECK_EQ_STR(typeDataTypeName(&t), "NATIONAL CHARACTER");
  t = ty(SQLT_NVARCHAR, 5, TYPE_OMITTED);   CHECK_EQ_STR(typeDataTypeName(&t), "NATIONAL CHARACTER VARYING");
  t = ty(SQLT_NCLOB, 5, TYPE_OMITTED);      CHECK_EQ_STR(typeDataTypeName(&t), "NATIONAL CHAR LARGE OBJECT");
  t = ty(SQLT_VARBINARY, 5, TYPE_OMITTED);  CHECK_EQ_STR(typeDataTypeName(&t), "BINARY VARYING");
  t = ty(SQLT_BLOB, 5, TYPE_OMITTED);       CHECK_EQ_STR(typeDataTypeName(&t), "BINARY LARGE OBJECT");
  t = ty(SQLT_INTEGER_P, 5, TYPE_OMITTED);  CHECK_EQ_STR(typeDataTypeName(&t), "INTEGER");
  t = ty(SQLT_FLOAT_P, 5, TYPE_OMITTED);    CHECK_EQ_STR(typeDataTypeName(&t), "FLOAT");
  t = tyS(SQLT_DOUBLE);                     CHECK_EQ_STR(typeDataTypeName(&t), "DOUBLE PRECISION");
  t = tyS(SQLT_UUID);                       CHECK_EQ_STR(typeDataTypeName(&t), "USER-DEFINED");
  t = tyIv(IVK_DAY, 2, TYPE_OMITTED);       CHECK_EQ_STR(typeDataTypeName(&t), "INTERVAL");

  t = tyS(SQLT_SMALLINT);                   CHECK_EQ_INT(typeApiCode(&t), 48);
  t = tyS(SQLT_INTEGER);                    CHECK_EQ_INT(typeApiCode(&t), 50);
  t = tyS(SQLT_BIGINT);                     CHECK_EQ_INT(typeApiCode(&t), 52);
  t = tyS(SQLT_REAL);                       CHECK_EQ_INT(typeApiCode(&t), 54);
  t = tyS(SQLT_DOUBLE);                     CHECK_EQ_INT(typeApiCode(&t), 56);
  t = ty(SQLT_INTEGER_P, 5, TYPE_OMITTED);  CHECK_EQ_INT(typeApiCode(&t), 3);
  t = ty(SQLT_DECIMAL, 5, 2);               CHECK_EQ_INT(typeApiCode(&t), 2);
  t = ty(SQLT_FLOAT_P, 5, TYPE_OMITTED);    CHECK_EQ_INT(typeApiCode(&t), 4);
  t = ty(SQLT_CHAR, 5, TYPE_OMITTED);       CHECK_EQ_INT(typeApiCode(&t), 1);
  t = ty(SQLT_VARCHAR, 5, TYPE_OMITTED);    CHECK_EQ_INT(typeApiCode(&t), 11);
  t = ty(SQLT_NCHAR, 5, TYPE_OMITTED);      CHECK_EQ_INT(typeApiCode(&t), 39);
  t = ty(SQLT_NVARCHAR, 5, TYPE_OMITTED);   CHECK_EQ_INT(typeApiCode(&t), 63);
  t = ty(SQLT_BLOB, 5, TYPE_OMITTED);       CHECK_EQ_INT(typeApiCode(&t), 57);
  t = ty(SQLT_CLOB, 5, TYPE_OMITTED);       CHECK_EQ_INT(typeApiCode(&t), 58);
  t = ty(SQLT_NCLOB, 5, TYPE_OMITTED);      CHECK_EQ_INT(typeApiCode(&t), 59);
  t = ty(SQLT_BINARY, 5, TYPE_OMITTED);     CHECK_EQ_INT(typeApiCode(&t), 34);
  t = ty(SQLT_VARBINARY, 5, TYPE_OMITTED);  CHECK_EQ_INT(typeApiCode(&t), 35);
  t = tyS(SQLT_BOOLEAN);                    CHECK_EQ_INT(typeApiCode(&t), 42);
  t = tyS(SQLT_DATE);                       CHECK_EQ_INT(typeApiCode(&t), 12);
  t = ty(SQLT_TIME, 0, TYPE_OMITTED);       CHECK_EQ_INT(typeApiCode(&t), 13);
  t = ty(SQLT_TIMESTAMP, 6, TYPE_OMITTED);  CHECK_EQ_INT(typeApiCode(&t), 14);
  t = tyIv(IVK_YEAR, 2, TYPE_OMITTED);      CHECK_EQ_INT(typeApiCode(&t), 15);
  t = tyIv(IVK_MINUTE_TO_SECOND, 2, 6);     CHECK_EQ_INT(typeApiCode(&t), 27);
  t = tyS(SQLT_UUID);                       CHECK_EQ_INT(typeApiCode(&t), 8104);
}

static void test_arithmetic_result_types_follow_spec_section_6(void){
  SqlType i3 = ty(SQLT_INTEGER_P, 3, TYPE_OMITTED), i4 = ty(SQLT_INTEGER_P, 4, TYPE_OMITTED);
  SqlType i5 = ty(SQLT_INTEGER_P, 5, TYPE_OMITTED), i6 = ty(SQLT_INTEGER_P, 6, TYPE_OMITTED);
  SqlType i18 = ty(SQLT_INTEGER_P, 18, TYPE_OMITTED), i20 = ty(SQLT_INTEGER_P, 20, TYPE_OMITTED);
  SqlType i30 = ty(SQLT_INTEGER_P, 30, TYPE_OMITTED), i45 = ty(SQLT_INTEGER_P, 45, TYPE_OMITTED);
  SqlType f4 = ty(SQLT_FLOAT_P, 4, TYPE_OMITTED), f6 = ty(SQLT_FLOAT_P, 6, TYPE_OMITTED);
  SqlType f20 = ty(SQLT_FLOAT_P, 20, TYPE_OMITTED), f32 = ty(SQLT_FLOAT_P, 32, TYPE_OMITTED);
  SqlType sm = tyS(SQLT_SMALLINT), in = tyS(SQLT_INTEGER), bi = tyS(SQLT_BIGINT);
  SqlType dbl = tyS(SQLT_DOUBLE), real = tyS(SQLT_REAL);
  /* The examples of Mimer's "Evaluating Arithmetical Expressions". */
  CHECK_EQ_STR(resType('+', f4, f6), "FLOAT(15)");
  CHECK_EQ_STR(resType('-', f20, f32), "FLOAT(32)");
  CHECK_EQ_STR(resType('*', f4, f4), "FLOAT(15)");
  CHECK_EQ_STR(resType('/', f4, f20), "FLOAT(20)");
  CHECK_EQ_STR(resType('+', i3, i5), "INTEGER(6)");
  CHECK_EQ_STR(resType('-', i20, i30), "INTEGER(31)");
  CHECK_EQ_STR(resType('*', i5, i18), "INTEGER(23)");
  CHECK_EQ_STR(resType('/', i4, i6), "INTEGER(4)");
  CHECK_EQ_STR(resType('+', i3, ty(SQLT_DECIMAL, 6, 3)), "DECIMAL(7,3)");
  CHECK_EQ_STR(resType('*', ty(SQLT_DECIMAL, 6, 3), ty(SQLT_DECIMAL, 4, 2)), "DECIMAL(10,5)");
  CHECK_EQ_STR(resType('/', ty(SQLT_DECIMAL, 10, 2), ty(SQLT_DECIMAL, 4, 1)), "DECIMAL(15,6)");
  CHECK_EQ_STR(resType('+', ty(SQLT_DECIMAL, 10, 2), ty(SQLT_DECIMAL, 5, 4)), "DECIMAL(13,4)");
  CHECK_EQ_STR(resType('+', i3, f4), "FLOAT(15)");
  CHECK_EQ_STR(resType('*', ty(SQLT_DECIMAL, 30, 2), f20), "FLOAT(30)");
  /* Binary integers count as INTEGER(5), INTEGER(10), INTEGER(19). */
  CHECK_EQ_STR(resType('+', in, in), "INTEGER(11)");
  CHECK_EQ_STR(resType('*', sm, bi), "INTEGER(24)");
  CHECK_EQ_STR(resType('/', sm, bi), "INTEGER(5)");
  CHECK_EQ_STR(resType('-', bi, bi), "INTEGER(20)");
  /* Caps at 45 digits; division scale never negative. */
  CHECK_EQ_STR(resType('+', i45, i45), "INTEGER(45)");
  CHECK_EQ_STR(resType('*', i45, i3), "INTEGER(45)");
  CHECK_EQ_STR(resType('/', ty(SQLT_DECIMAL, 45, 0), ty(SQLT_DECIMAL, 45, 45)), "DECIMAL(45,0)");
  CHECK_EQ_STR(resType('*', ty(SQLT_DECIMAL, 30, 30), ty(SQLT_DECIMAL, 30, 30)), "DECIMAL(45,45)");
  /* SQLAlchemy's true division a / CAST(b AS DECIMAL). */
  CHECK_EQ_STR(resType('/', in, ty(SQLT_DECIMAL, TYPE_OMITTED, TYPE_OMITTED)), "DECIMAL(25,15)");
  CHECK_EQ_STR(resType('/', bi, ty(SQLT_DECIMAL, TYPE_OMITTED, TYPE_OMITTED)), "DECIMAL(34,15)");
  /* IEEE operands make DOUBLE. */
  CHECK_EQ_STR(resType('+', dbl, in), "DOUBLE PRECISION");
  CHECK_EQ_STR(resType('*', real, real), "DOUBLE PRECISION");
  CHECK_EQ_STR(resType('/', f20, real), "DOUBLE PRECISION");
  CHECK_EQ_STR(resType('+', tyS(SQLT_NULL), in), "INTEGER");
  /* Nothing else is arithmetic. */
  CHECK_EQ_STR(resType('+', ty(SQLT_CHAR, 3, TYPE_OMITTED), in), errStr(ML_E_TYPE_MISMATCH));
  CHECK_EQ_STR(resType('+', tyS(SQLT_BOOLEAN), in), errStr(ML_E_TYPE_MISMATCH));
  CHECK_EQ_STR(resType('*', ty(SQLT_BLOB, 3, TYPE_OMITTED), in), errStr(ML_E_TYPE_MISMATCH));
  CHECK_EQ_STR(resType('-', tyS(SQLT_UUID), tyS(SQLT_UUID)), errStr(ML_E_TYPE_MISMATCH));
}

static void test_datetime_interval_and_concat_result_types(void){
  SqlType date = tyS(SQLT_DATE), ts2 = ty(SQLT_TIMESTAMP, 2, TYPE_OMITTED);
  SqlType tm = ty(SQLT_TIME, 0, TYPE_OMITTED), ts = ty(SQLT_TIMESTAMP, 6, TYPE_OMITTED);
  SqlType day = tyIv(IVK_DAY, 2, TYPE_OMITTED), hour = tyIv(IVK_HOUR, 2, TYPE_OMITTED);
  SqlType year = tyIv(IVK_YEAR, 2, TYPE_OMITTED), sec = tyIv(IVK_SECOND, 2, 4);
  SqlType in = tyS(SQLT_INTEGER);
  CHECK_EQ_STR(resType('+', date, day), "DATE");
  CHECK_EQ_STR(resType('-', date, year), "DATE");
  CHECK_EQ_STR(resType('+', day, date), "DATE");
  CHECK_EQ_STR(resType('-', day, date), errStr(ML_E_TYPE_MISMATCH));
  CHECK_EQ_STR(resType('+', date, hour), errStr(ML_E_TYPE_MISMATCH));
  CHECK_EQ_STR(resType('+', tm, hour), "TIME(0)");
  CHECK_EQ_STR(resType('+', tm, sec), "TIME(4)");
  CHECK_EQ_STR(resType('+', tm, day), errStr(ML_E_TYPE_MISMATCH));
  CHECK_EQ_STR(resType('+', ts2, sec), "TIMESTAMP(4)");
  CHECK_EQ_STR(resType('+', ts2, year), "TIMESTAMP(2)");
  CHECK_EQ_STR(resType('-', ts, ts2), "INTERVAL DAY(7) TO SECOND(6)");
  CHECK_EQ_STR(resType('-', date, date), "INTERVAL DAY(7)");
  CHECK_EQ_STR(resType('-', tm, tm), "INTERVAL HOUR(2) TO SECOND(0)");
  CHECK_EQ_STR(resType('+', date, date), errStr(ML_E_TYPE_MISMATCH));
  CHECK_EQ_STR(resType('-', date, ts), errStr(ML_E_TYPE_MISMATCH));
  CHECK_EQ_STR(resType('+', day, hour), "INTERVAL DAY(7) TO HOUR");
  CHECK_EQ_STR(resType('-', hour, sec), "INTERVAL HOUR(8) TO SECOND(4)");
  CHECK_EQ_STR(resType('+', year, tyIv(IVK_MONTH, 2, TYPE_OMITTED)), "INTERVAL YEAR(7) TO MONTH");
  CHECK_EQ_STR(resType('+', year, day), errStr(ML_E_TYPE_MISMATCH));
  CHECK_EQ_STR(resType('*', day, in), "INTERVAL DAY(7)");
  CHECK_EQ_STR(resType('*', in, sec), "INTERVAL SECOND(12,4)");
  CHECK_EQ_STR(resType('/', day, tyS(SQLT_DOUBLE)), "INTERVAL DAY(7)");
  CHECK_EQ_STR(resType('/', in, day), errStr(ML_E_TYPE_MISMATCH));
  CHECK_EQ_STR(resType('*', day, day), errStr(ML_E_TYPE_MISMATCH));

  CHECK_EQ_STR(resType('|', ty(SQLT_CHAR, 3, TYPE_OMITTED), ty(SQLT_CHAR, 4, TYPE_OMITTED)), "CHAR(7)");
  CHECK_EQ_STR(resType('|', ty(SQLT_CHAR, 3, TYPE_OMITTED), ty(SQLT_VARCHAR, 4, TYPE_OMITTED)), "VARCHAR(7)");
  CHECK_EQ_STR(resType('|', ty(SQLT_CHAR, 3, TYPE_OMITTED), ty(SQLT_NCHAR, 4, TYPE_OMITTED)), "NCHAR(7)");
  CHECK_EQ_STR(resType('|', ty(SQLT_NVARCHAR, 3, TYPE_OMITTED), ty(SQLT_VARCHAR, 4, TYPE_OMITTED)), "NVARCHAR(7)");
  CHECK_EQ_STR(resType('|', ty(SQLT_CLOB, 3, TYPE_OMITTED), ty(SQLT_NCHAR, 4, TYPE_OMITTED)), "NCLOB(7)");
  CHECK_EQ_STR(resType('|', ty(SQLT_VARCHAR, 10000, TYPE_OMITTED), ty(SQLT_VARCHAR, 10000, TYPE_OMITTED)), "VARCHAR(15000)");
  CHECK_EQ_STR(resType('|', ty(SQLT_NVARCHAR, 4000, TYPE_OMITTED), ty(SQLT_CHAR, 4000, TYPE_OMITTED)), "NVARCHAR(5000)");
  CHECK_EQ_STR(resType('|', ty(SQLT_BINARY, 3, TYPE_OMITTED), ty(SQLT_BINARY, 4, TYPE_OMITTED)), "BINARY(7)");
  CHECK_EQ_STR(resType('|', ty(SQLT_BINARY, 3, TYPE_OMITTED), ty(SQLT_BLOB, 4, TYPE_OMITTED)), "BLOB(7)");
  CHECK_EQ_STR(resType('|', ty(SQLT_BINARY, 3, TYPE_OMITTED), ty(SQLT_CHAR, 4, TYPE_OMITTED)), errStr(ML_E_TYPE_MISMATCH));
  CHECK_EQ_STR(resType('|', in, ty(SQLT_CHAR, 4, TYPE_OMITTED)), errStr(ML_E_TYPE_MISMATCH));
  {
    SqlType t, neg;
    MlError err;
    t = tyS(SQLT_SMALLINT);
    CHECK_EQ_INT(typeResultNegate(&t, &neg, &err), 0);
    CHECK_EQ_STR(fmtType(neg), "SMALLINT");
    t = ty(SQLT_CHAR, 1, TYPE_OMITTED);
    CHECK_EQ_INT(typeResultNegate(&t, &neg, &err), ML_E_TYPE_MISMATCH);
  }
}

static void test_common_supertype_and_comparability(void){
  MlError err;
  SqlType a, b;
  CHECK_EQ_STR(superType(tyS(SQLT_SMALLINT), tyS(SQLT_BIGINT)), "BIGINT");
  CHECK_EQ_STR(superType(tyS(SQLT_INTEGER), ty(SQLT_INTEGER_P, 3, TYPE_OMITTED)), "INTEGER(10)");
  CHECK_EQ_STR(superType(tyS(SQLT_INTEGER), ty(SQLT_DECIMAL, 5, 2)), "DECIMAL(12,2)");
  CHECK_EQ_STR(superType(ty(SQLT_DECIMAL, 40, 10), ty(SQLT_DECIMAL, 40, 30)), "DECIMAL(45,30)");
  CHECK_EQ_STR(superType(tyS(SQLT_REAL), tyS(SQLT_REAL)), "REAL");
  CHECK_EQ_STR(superType(tyS(SQLT_REAL), tyS(SQLT_INTEGER)), "DOUBLE PRECISION");
  CHECK_EQ_STR(superType(ty(SQLT_FLOAT_P, 5, TYPE_OMITTED), tyS(SQLT_BIGINT)), "FLOAT(19)");
  CHECK_EQ_STR(superType(ty(SQLT_CHAR, 3, TYPE_OMITTED), ty(SQLT_CHAR, 5, TYPE_OMITTED)), "CHAR(5)");
  CHECK_EQ_STR(superType(ty(SQLT_CHAR, 3, TYPE_OMITTED), ty(SQLT_VARCHAR, 2, TYPE_OMITTED)), "VARCHAR(3)");
  CHECK_EQ_STR(superType(ty(SQLT_VARCHAR, 9000, TYPE_OMITTED), ty(SQLT_NCHAR, 2, TYPE_OMITTED)), "NVARCHAR(5000)");
  CHECK_EQ_STR(superType(ty(SQLT_CLOB, 10, TYPE_OMITTED), ty(SQLT_VARCHAR, 20, TYPE_OMITTED)), "CLOB(20)");
  CHECK_EQ_STR(superType(ty(SQLT_BINARY, 3, TYPE_OMITTED), ty(SQLT_VARBINARY, 9, TYPE_OMITTED)), "VARBINARY(9)");
  CHECK_EQ_STR(superType(ty(SQLT_TIME, 2, TYPE_OMITTED), ty(SQLT_TIME, 5, TYPE_OMITTED)), "TIME(5)");
  CHECK_EQ_STR(superType(tyIv(IVK_DAY, 3, TYPE_OMITTED), tyIv(IVK_DAY_TO_HOUR, 5, TYPE_OMITTED)), "INTERVAL DAY(5) TO HOUR");
  CHECK_EQ_STR(superType(tyIv(IVK_DAY, 3, TYPE_OMITTED), tyIv(IVK_MINUTE_TO_SECOND, 5, 3)), "INTERVAL DAY(7) TO SECOND(3)");
  CHECK_EQ_STR(superType(tyS(SQLT_NULL), tyS(SQLT_DATE)), "DATE");
  CHECK_EQ_STR(superType(tyS(SQLT_DATE), ty(SQLT_TIMESTAMP, 6, TYPE_OMITTED)), errStr(ML_E_TYPE_MISMATCH));
  CHECK_EQ_STR(superType(tyS(SQLT_INTEGER), ty(SQLT_CHAR, 5, TYPE_OMITTED)), errStr(ML_E_TYPE_MISMATCH));
  CHECK_EQ_STR(superType(tyIv(IVK_YEAR, 3, TYPE_OMITTED), tyIv(IVK_DAY, 3, TYPE_OMITTED)), errStr(ML_E_TYPE_MISMATCH));

  a = ty(SQLT_CHAR, 3, TYPE_OMITTED); b = ty(SQLT_NVARCHAR, 3, TYPE_OMITTED);
  CHECK_EQ_INT(typeCheckComparable(&a, &b, &err), 0);
  a = tyS(SQLT_INTEGER); b = ty(SQLT_FLOAT_P, 3, TYPE_OMITTED);
  CHECK_EQ_INT(typeCheckComparable(&a, &b, &err), 0);
  a = tyS(SQLT_INTEGER); b = ty(SQLT_CHAR, 3, TYPE_OMITTED);
  CHECK_EQ_INT(typeCheckComparable(&a, &b, &err), ML_E_TYPE_MISMATCH);
  CHECK_EQ_STR(err.zMsg, "Incompatible data types INTEGER and CHAR(3)");
  a = ty(SQLT_CLOB, 3, TYPE_OMITTED); b = ty(SQLT_CHAR, 3, TYPE_OMITTED);
  CHECK_EQ_INT(typeCheckComparable(&a, &b, &err), ML_E_TYPE_MISMATCH);
  a = tyS(SQLT_BOOLEAN); b = tyS(SQLT_INTEGER);
  CHECK_EQ_INT(typeCheckComparable(&a, &b, &err), ML_E_TYPE_MISMATCH);
  a = tyS(SQLT_NULL); b = tyS(SQLT_UUID);
  CHECK_EQ_INT(typeCheckComparable(&a, &b, &err), 0);
}

/* ---- strings ---------------------------------------------------------- */

static void test_utf8_validation_and_latin1(void){
  uint32_t n = 0;
  unsigned char aLat[16];
  char zUtf[32];
  CHECK_EQ_INT(strUtf8Check("abc", 3, &n), 0);
  CHECK_EQ_INT(n, 3);
  CHECK_EQ_INT(strUtf8Check("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", 9, &n), 0);
  CHECK_EQ_INT(n, 3);
  CHECK_EQ_INT(strUtf8Check("\xC0\xAF", 2, 0), ML_E_INVALID_UTF8);         /* overlong */
  CHECK_EQ_INT(strUtf8Check("\xE0\x80\xAF", 3, 0), ML_E_INVALID_UTF8);     /* overlong */
  CHECK_EQ_INT(strUtf8Check("\xED\xA0\x80", 3, 0), ML_E_INVALID_UTF8);     /* surrogate */
  CHECK_EQ_INT(strUtf8Check("\xF4\x90\x80\x80", 4, 0), ML_E_INVALID_UTF8); /* > U+10FFFF */
  CHECK_EQ_INT(strUtf8Check("\xC3", 1, 0), ML_E_INVALID_UTF8);             /* truncated */
  CHECK_EQ_INT(strUtf8Check("a\x80", 2, 0), ML_E_INVALID_UTF8);            /* stray */
  CHECK_EQ_INT(strUtf8Check("\xFF", 1, 0), ML_E_INVALID_UTF8);
  CHECK_EQ_INT(strCharCount("\xE5\xAE\x89\xE6\x8E\x92", 6), 2);
  CHECK_EQ_INT(strLatin1Check("caf\xC3\xA9 \xC3\xBF", 9), 0);              /* é, ÿ */
  CHECK_EQ_INT(strLatin1Check("\xE2\x82\xAC", 3), ML_E_NOT_LATIN1);       /* € */
  CHECK_EQ_INT(strLatin1Check("\xC5\x93", 2), ML_E_NOT_LATIN1);           /* œ */
  CHECK_EQ_INT(strUtf8ToLatin1("a\xC3\xA9\xC2\xA0", 5, aLat, &n), 0);
  CHECK_EQ_INT(n, 3);
  CHECK(aLat[0]=='a' && aLat[1]==0xE9 && aLat[2]==0xA0);
  CHECK_EQ_INT(strUtf8ToLatin1("\xE2\x82\xAC", 3, aLat, &n), ML_E_NOT_LATIN1);
  n = strLatin1ToUtf8((const unsigned char*)"a\xE9\xFF", 3, zUtf);
  CHECK_EQ_INT(n, 5);
  CHECK(memcmp(zUtf, "a\xC3\xA9\xC3\xBF", 5)==0);
  {
    int c;
    unsigned char a[256];
    char z[512];
    unsigned char back[256];
    uint32_t nUtf, nBack;
    for(c=0; c<256; c++) a[c] = (unsigned char)c;
    nUtf = strLatin1ToUtf8(a, 256, z);
    CHECK_EQ_INT(strUtf8Check(z, nUtf, &n), 0);
    CHECK_EQ_INT(n, 256);
    CHECK_EQ_INT(strUtf8ToLatin1(z, nUtf, back, &nBack), 0);
    CHECK(nBack==256 && memcmp(a, back, 256)==0);
  }
}

static void test_pad_space_comparison_by_code_point(void){
  CHECK_EQ_INT(strCompare("a", 1, "a  ", 3), 0);
  CHECK_EQ_INT(strCompare("a  ", 3, "a", 1), 0);
  CHECK_EQ_INT(strCompare("", 0, "   ", 3), 0);
  CHECK_EQ_INT(strCompare("a", 1, "a\t", 2), 1);     /* 'a ' > 'a\t' */
  CHECK_EQ_INT(strCompare("a\t", 2, "a", 1), -1);
  CHECK_EQ_INT(strCompare("a", 1, "ab", 2), -1);
  CHECK_EQ_INT(strCompare("ab", 2, "a ", 2), 1);
  CHECK_EQ_INT(strCompare("Z", 1, "a", 1), -1);
  CHECK_EQ_INT(strCompare("\xC3\xA9", 2, "z", 1), 1);               /* é > z */
  CHECK_EQ_INT(strCompare("\xE2\x82\xAC", 3, "\xC3\xBF", 2), 1);    /* € > ÿ */
  CHECK_EQ_INT(strCompare("\xF0\x9F\x98\x80", 4, "\xEF\xBF\xBD", 3), 1);
  CHECK_EQ_INT(strTrimRightLen("ab  ", 4), 2);
  CHECK_EQ_INT(strTrimRightLen("   ", 3), 0);
}

/* SUBSTRING(z FROM s [FOR n]) as text, or ERR. */
static const char *substr(const char *z, int64_t s, int hasLen, int64_t n){
  uint32_t off, len;
  char *zOut = buf();
  int rc = strSubstring(z, (uint32_t)strlen(z), s, hasLen, n, &off, &len);
  if( rc ) return errStr(rc);
  snprintf(zOut, 1024, "%.*s", (int)len, z+off);
  return zOut;
}

static void test_substring_counts_characters(void){
  const char *z = "h\xC3\xA9llo \xE5\xAE\x89";     /* "héllo 安" */
  CHECK_EQ_STR(substr(z, 2, 1, 3), "\xC3\xA9ll");
  CHECK_EQ_STR(substr(z, 7, 0, 0), "\xE5\xAE\x89");
  CHECK_EQ_STR(substr(z, 0, 1, 3), "h\xC3\xA9");      /* characters 0..2, 0 is before */
  CHECK_EQ_STR(substr(z, -5, 1, 3), "");
  CHECK_EQ_STR(substr(z, 8, 1, 3), "");
  CHECK_EQ_STR(substr(z, 1, 1, 0), "");
  CHECK_EQ_STR(substr(z, 3, 0, 0), "llo \xE5\xAE\x89");
  CHECK_EQ_STR(substr(z, 3, 1, INT64_MAX), "llo \xE5\xAE\x89");
  CHECK_EQ_STR(substr(z, INT64_MIN, 1, INT64_MAX), "");
  CHECK_EQ_STR(substr(z, 2, 1, -1), errStr(ML_E_SUBSTRING));
  CHECK_EQ_INT(strCharOffset(z, (uint32_t)strlen(z), 2), 3);
  CHECK_EQ_INT(strCharOffset(z, (uint32_t)strlen(z), 99), strlen(z));
}

static const char *caseMap(const char *z, int toUpper, int latin1Only){
  const char *zOut;
  uint32_t n;
  char *zRes = buf();
  int rc = strCaseMap(&gArena, z, (uint32_t)strlen(z), toUpper, latin1Only, &zOut, &n);
  if( rc ) return errStr(rc);
  snprintf(zRes, 1024, "%.*s", (int)n, zOut);
  return zRes;
}

static void test_upper_lower_cover_latin_greek_cyrillic(void){
  uint32_t c;
  CHECK_EQ_STR(caseMap("abc xyz \xC3\xA0\xC3\xA9\xC3\xBE \xC3\xB7", 1, 0),
               "ABC XYZ \xC3\x80\xC3\x89\xC3\x9E \xC3\xB7");           /* ÷ unchanged */
  CHECK_EQ_STR(caseMap("\xC3\x80\xC3\x89 \xC3\x97 Q", 0, 0), "\xC3\xA0\xC3\xA9 \xC3\x97 q");
  CHECK_EQ_STR(caseMap("\xC3\xBF\xC2\xB5", 1, 0), "\xC5\xB8\xCE\x9C"); /* ÿ→Ÿ, µ→Μ */
  CHECK_EQ_STR(caseMap("\xC3\xBF\xC2\xB5", 1, 1), "\xC3\xBF\xC2\xB5"); /* kept in CHAR */
  CHECK_EQ_STR(caseMap("\xC3\x9F", 1, 0), "\xC3\x9F");                 /* ß has no simple upper */
  CHECK_EQ_STR(caseMap("\xC4\xB1\xC5\xBF", 1, 0), "IS");               /* ı ſ shrink */
  CHECK_EQ_STR(caseMap("\xC4\xB0", 0, 0), "i");                        /* İ */
  CHECK_EQ_STR(caseMap("\xCE\xB1\xCE\xB2\xCE\xB3 \xCF\x82", 1, 0),
               "\xCE\x91\xCE\x92\xCE\x93 \xCE\xA3");                   /* αβγ ς */
  CHECK_EQ_STR(caseMap("\xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD0\x81", 0, 0),
               "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xD1\x91"); /* Привет Ё */
  CHECK_EQ_STR(caseMap("\xE5\xAE\x89 \xF0\x9F\x98\x80", 1, 0), "\xE5\xAE\x89 \xF0\x9F\x98\x80");
  /* Every mapped pair maps back, and ASCII/Latin-1 letters round-trip. */
  for(c=0; c<0x10000; c++){
    uint32_t u = strToUpper(c), l = strToLower(c);
    if( u!=c && strToLower(u)!=c && c!=0x131 && c!=0x17F && c!=0x3C2
     && !(c>=0x3D0 && c<=0x3D1) && c!=0x3D5 && c!=0x3D6 && c!=0x3F0 && c!=0x3F1
     && c!=0x3F5 && c!=0xB5 && c!=0x1E9B ){
      testFail(__FILE__, __LINE__, "upper(U+%04X)=U+%04X does not lower back", c, u);
    }
    if( l!=c && strToUpper(l)!=c && c!=0x130 && c!=0x3F4 && c!=0x1E9E ){
      testFail(__FILE__, __LINE__, "lower(U+%04X)=U+%04X does not upper back", c, l);
    }
  }
}

/* ---- casts ------------------------------------------------------------ */

static void test_integer_casts_overflow_exactly_at_the_edges(void){
  SqlType sm = tyS(SQLT_SMALLINT), in = tyS(SQLT_INTEGER), bi = tyS(SQLT_BIGINT);
  SqlType i20 = ty(SQLT_INTEGER_P, 20, TYPE_OMITTED);
  const char *ovf = errStr(ML_E_OVERFLOW);
  CHECK_EQ_STR(castStr("-32768", sm), "-32768");
  CHECK_EQ_STR(castStr("32767", sm), "32767");
  CHECK_EQ_STR(castStr("-32769", sm), ovf);
  CHECK_EQ_STR(castStr("32768", sm), ovf);
  CHECK_EQ_STR(castStr("2147483647", in), "2147483647");
  CHECK_EQ_STR(castStr("-2147483648", in), "-2147483648");
  CHECK_EQ_STR(castStr("2147483648", in), ovf);
  CHECK_EQ_STR(castStr("-2147483649", in), ovf);
  CHECK_EQ_STR(castStr("9223372036854775807", bi), "9223372036854775807");
  CHECK_EQ_STR(castStr("-9223372036854775808", bi), "-9223372036854775808");
  CHECK_EQ_STR(castStr("9223372036854775808", bi), ovf);
  CHECK_EQ_STR(castStr("-9223372036854775809", bi), ovf);
  CHECK_EQ_STR(castVal(valOf("9223372036854775808", i20), i20, bi), ovf);
  CHECK_EQ_STR(castVal(valOf("-9223372036854775808", i20), i20, bi), "-9223372036854775808");
  CHECK_EQ_STR(castVal(vInt(SQLT_BIGINT, 32768), bi, sm), ovf);
  CHECK_EQ_STR(castVal(vInt(SQLT_BIGINT, -32768), bi, sm), "-32768");
  CHECK_EQ_STR(castVal(vInt(SQLT_INTEGER, 100000), in, ty(SQLT_INTEGER_P, 5, TYPE_OMITTED)), ovf);
  CHECK_EQ_STR(castVal(vInt(SQLT_INTEGER, 99999), in, ty(SQLT_INTEGER_P, 5, TYPE_OMITTED)), "99999");
  CHECK_EQ_STR(castVal(vDouble(SQLT_DOUBLE, 9223372036854775808.0), tyS(SQLT_DOUBLE), bi), ovf);
  CHECK_EQ_STR(castVal(vDouble(SQLT_DOUBLE, -9223372036854775808.0), tyS(SQLT_DOUBLE), bi),
               "-9223372036854775808");
  CHECK_EQ_STR(castVal(vDouble(SQLT_DOUBLE, 32767.99), tyS(SQLT_DOUBLE), sm), "32767");
  CHECK_EQ_STR(castVal(vDouble(SQLT_DOUBLE, -32768.99), tyS(SQLT_DOUBLE), sm), "-32768");
  CHECK_EQ_STR(castVal(vDouble(SQLT_DOUBLE, 32768.0), tyS(SQLT_DOUBLE), sm), ovf);
  /* INTEGER(45) holds 2**145; 10**45 does not fit. */
  CHECK_EQ_STR(castStr("44601490397061246283071436545296723011960832",
                       ty(SQLT_INTEGER_P, 45, TYPE_OMITTED)),
               "44601490397061246283071436545296723011960832");
  CHECK_EQ_STR(castStr("1000000000000000000000000000000000000000000000",
                       ty(SQLT_INTEGER_P, 45, TYPE_OMITTED)), ovf);
}

static void test_numeric_casts_truncate_into_exact_types(void){
  SqlType in = tyS(SQLT_INTEGER), d52 = ty(SQLT_DECIMAL, 5, 2), dbl = tyS(SQLT_DOUBLE);
  SqlType f3 = ty(SQLT_FLOAT_P, 3, TYPE_OMITTED), real = tyS(SQLT_REAL);
  SqlType d103 = ty(SQLT_DECIMAL, 10, 3);
  CHECK_EQ_STR(castVal(valOf("2.7", d52), d52, in), "2");
  CHECK_EQ_STR(castVal(valOf("-2.7", d52), d52, in), "-2");
  CHECK_EQ_STR(castStr("123.456", d52), "123.45");
  CHECK_EQ_STR(castStr("-123.456", d52), "-123.45");
  CHECK_EQ_STR(castStr("999.999", d52), "999.99");
  CHECK_EQ_STR(castStr("1000", d52), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(castStr("0.5", d52), "0.50");
  CHECK_EQ_STR(castStr("1e2", d52), "100.00");
  CHECK_EQ_STR(castStr("12345", f3), "1.23E+4");
  CHECK_EQ_STR(castStr("12350", f3), "1.24E+4");                 /* FLOAT(p) rounds */
  CHECK_EQ_STR(castStr("-0.000012355", f3), "-1.24E-5");
  CHECK_EQ_STR(castVal(vDouble(SQLT_DOUBLE, 0.3), dbl, ty(SQLT_DECIMAL, 3, 2)), "0.30");
  CHECK_EQ_STR(castVal(vDouble(SQLT_DOUBLE, 2.675), dbl, d52), "2.67");
  CHECK_EQ_STR(castVal(vDouble(SQLT_REAL, (float)0.7), real, d52), "0.70");
  CHECK_EQ_STR(castVal(vDouble(SQLT_REAL, (float)0.1), real, dbl), "1.0000000149011612E-1");
  CHECK_EQ_STR(castVal(vDouble(SQLT_DOUBLE, 1e300), dbl, d52), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(castVal(vDouble(SQLT_DOUBLE, 1e39), dbl, real), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(castVal(vDouble(SQLT_DOUBLE, 3.4e38), dbl, real), "3.4E+38");
  CHECK_EQ_STR(castVal(vDouble(SQLT_DOUBLE, 1e-50), dbl, real), "0E0");
  CHECK_EQ_STR(castVal(vDouble(SQLT_DOUBLE, 1e300), dbl, ty(SQLT_FLOAT_P, 5, TYPE_OMITTED)), "1E+300");
  CHECK_EQ_STR(castStr("1E999", ty(SQLT_FLOAT_P, 5, TYPE_OMITTED)), "1E+999");
  CHECK_EQ_STR(castVal(valOf("1E999", ty(SQLT_FLOAT_P, 5, TYPE_OMITTED)),
                       ty(SQLT_FLOAT_P, 5, TYPE_OMITTED), dbl), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(castVal(valOf("12.345", d103), d103, dbl), "1.2345E+1");
  CHECK_EQ_STR(castVal(vInt(SQLT_BIGINT, 9007199254740993LL), tyS(SQLT_BIGINT), dbl),
               "9.007199254740992E+15");
  {
    Value out;
    MlError err;
    SqlType t = tyS(SQLT_DOUBLE);
    CHECK_EQ_INT(valueFitDouble(NAN, 0, &t, &out, &err), ML_E_FLOAT_NOT_FINITE);
    CHECK_EQ_INT(valueFitDouble(INFINITY, 0, &t, &out, &err), ML_E_OVERFLOW);
    CHECK_EQ_INT(valueFitDouble(-0.0, 0, &t, &out, &err), 0);
    CHECK(out.u.d==0.0 && !signbit(out.u.d));
    t = tyS(SQLT_REAL);
    CHECK_EQ_INT(valueFitDouble(-0.0, 0, &t, &out, &err), 0);
    CHECK(!signbit(out.u.d));
    CHECK_EQ_INT(valueFitDouble(0.1, 0, &t, &out, &err), 0);
    CHECK(out.u.d==(double)0.1f);
  }
}

static void test_text_to_number_takes_literals_of_the_target_kind(void){
  SqlType in = tyS(SQLT_INTEGER), ip = ty(SQLT_INTEGER_P, 10, TYPE_OMITTED);
  SqlType dec = ty(SQLT_DECIMAL, 10, 2), dbl = tyS(SQLT_DOUBLE), real = tyS(SQLT_REAL);
  const char *bad = errStr(ML_E_INVALID_NUMBER);
  CHECK_EQ_STR(castStr(" 42 ", in), "42");
  CHECK_EQ_STR(castStr("+42", in), "42");
  CHECK_EQ_STR(castStr("-0", in), "0");
  CHECK_EQ_STR(castStr("007", ip), "7");
  CHECK_EQ_STR(castStr("1.5", in), bad);
  CHECK_EQ_STR(castStr("1e3", in), bad);
  CHECK_EQ_STR(castStr("1.0", ip), bad);
  CHECK_EQ_STR(castStr("abc", in), bad);
  CHECK_EQ_STR(castStr("", in), bad);
  CHECK_EQ_STR(castStr("  ", dec), bad);
  CHECK_EQ_STR(castStr("-", dec), bad);
  CHECK_EQ_STR(castStr(".", dec), bad);
  CHECK_EQ_STR(castStr("1.2.3", dec), bad);
  CHECK_EQ_STR(castStr("1e", dec), bad);
  CHECK_EQ_STR(castStr("1 2", in), bad);
  CHECK_EQ_STR(castStr("0x10", in), bad);
  CHECK_EQ_STR(castStr("inf", dbl), bad);
  CHECK_EQ_STR(castStr("nan", dbl), bad);
  CHECK_EQ_STR(castStr(".5", dec), "0.50");
  CHECK_EQ_STR(castStr("5.", dec), "5.00");
  CHECK_EQ_STR(castStr("-1.5E-1", dec), "-0.15");
  CHECK_EQ_STR(castStr("1.5", dbl), "1.5E+0");
  CHECK_EQ_STR(castStr(" 2.5e-7 ", dbl), "2.5E-7");
  CHECK_EQ_STR(castStr("1e309", dbl), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(castStr("1e39", real), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(castStr("0.1", real), "1E-1");
  CHECK_EQ_STR(castStr("1e-400", dbl), "0E0");
}

static void test_numbers_and_other_values_to_text(void){
  SqlType c6 = ty(SQLT_CHAR, 6, TYPE_OMITTED), v2 = ty(SQLT_VARCHAR, 2, TYPE_OMITTED);
  SqlType v10 = ty(SQLT_VARCHAR, 10, TYPE_OMITTED), d42 = ty(SQLT_DECIMAL, 4, 2);
  SqlType v40 = ty(SQLT_VARCHAR, 40, TYPE_OMITTED);
  CHECK_EQ_STR(castVal(vInt(SQLT_INTEGER, 42), tyS(SQLT_INTEGER), c6), "42    ");
  CHECK_EQ_STR(castVal(vInt(SQLT_INTEGER, 123), tyS(SQLT_INTEGER), v2), errStr(ML_E_STRING_TOO_LONG));
  CHECK_EQ_STR(castVal(valOf("12.5", d42), d42, v10), "12.50");
  CHECK_EQ_STR(castVal(valOf("-0.05", d42), d42, v10), "-0.05");
  CHECK_EQ_STR(castVal(vDouble(SQLT_DOUBLE, 1.5), tyS(SQLT_DOUBLE), v10), "1.5E+0");
  CHECK_EQ_STR(castVal(vInt(SQLT_BOOLEAN, 1), tyS(SQLT_BOOLEAN), v10), "TRUE");
  CHECK_EQ_STR(castVal(vInt(SQLT_BOOLEAN, 0), tyS(SQLT_BOOLEAN), v10), "FALSE");
  CHECK_EQ_STR(castVal(vInt(SQLT_BOOLEAN, 0), tyS(SQLT_BOOLEAN), ty(SQLT_CHAR, 4, TYPE_OMITTED)),
               errStr(ML_E_STRING_TOO_LONG));
  CHECK_EQ_STR(castVal(vInt(SQLT_BOOLEAN, 1), tyS(SQLT_BOOLEAN), ty(SQLT_NCHAR, 6, TYPE_OMITTED)),
               "TRUE  ");
  CHECK_EQ_STR(castStr("2020-09-17 11:21:51", ty(SQLT_TIMESTAMP, 2, TYPE_OMITTED)),
               "2020-09-17 11:21:51.00");
  CHECK_EQ_STR(castVal(valOf("2020-09-17 11:21:51.123456789", ty(SQLT_TIMESTAMP, 9, TYPE_OMITTED)),
                       ty(SQLT_TIMESTAMP, 9, TYPE_OMITTED), v40), "2020-09-17 11:21:51.123456789");
  CHECK_EQ_STR(castVal(valOf("3 00:00:45", tyIv(IVK_DAY_TO_SECOND, 2, 2)),
                       tyIv(IVK_DAY_TO_SECOND, 2, 2), v40), "3 00:00:45.00");
}

static void test_string_casts_check_length_latin1_and_pad(void){
  SqlType c10 = ty(SQLT_CHAR, 10, TYPE_OMITTED), v10 = ty(SQLT_VARCHAR, 10, TYPE_OMITTED);
  SqlType n10 = ty(SQLT_NCHAR, 10, TYPE_OMITTED), nv10 = ty(SQLT_NVARCHAR, 10, TYPE_OMITTED);
  SqlType v2 = ty(SQLT_VARCHAR, 2, TYPE_OMITTED), clob = ty(SQLT_CLOB, 5, TYPE_OMITTED);
  SqlType nc2 = ty(SQLT_NCHAR, 2, TYPE_OMITTED), nc1 = ty(SQLT_NCHAR, 1, TYPE_OMITTED);
  const char *latin = errStr(ML_E_NOT_LATIN1), *tooLong = errStr(ML_E_STRING_TOO_LONG);
  CHECK_EQ_STR(castStr("dude", n10), "dude      ");
  CHECK_EQ_STR(castStr("dude", c10), "dude      ");
  CHECK_EQ_STR(castStr("dude", v10), "dude");
  CHECK_EQ_STR(castStr("\xE2\x82\xAC", c10), latin);              /* € */
  CHECK_EQ_STR(castStr("\xE5\xAE\x89\xE6\x8E\x92", c10), latin);  /* 安排 */
  CHECK_EQ_STR(castStr("\xE5\xAE\x89\xE6\x8E\x92", v10), latin);
  CHECK_EQ_STR(castStr("\xE5\xAE\x89\xE6\x8E\x92", clob), latin);
  CHECK_EQ_STR(castStr("\xC3\xA9t\xC3\xA9", c10), "\xC3\xA9t\xC3\xA9       ");   /* été */
  CHECK_EQ_STR(castStr("\xE5\xAE\x89\xE6\x8E\x92", nc2), "\xE5\xAE\x89\xE6\x8E\x92");
  CHECK_EQ_STR(castStr("\xE5\xAE\x89\xE6\x8E\x92", nc1), tooLong);
  CHECK_EQ_STR(castStr("\xE5\xAE\x89\xE6\x8E\x92   ", nc2), "\xE5\xAE\x89\xE6\x8E\x92");
  CHECK_EQ_STR(castStr("0123456789a", nv10), tooLong);
  CHECK_EQ_STR(castStr("0123456789", nv10), "0123456789");
  CHECK_EQ_STR(castStr("ab   ", v2), "ab");                       /* blanks cut silently */
  CHECK_EQ_STR(castStr("a  b", v2), tooLong);
  CHECK_EQ_STR(castStr("abc", v2), tooLong);
  CHECK_EQ_STR(castStr("", v2), "");
  CHECK_EQ_STR(castStr("", c10), "          ");
  CHECK_EQ_STR(castStr("abcdef", clob), tooLong);
  CHECK_EQ_STR(castStr("\xC3\x28", v10), errStr(ML_E_INVALID_UTF8));
  {
    /* A char value that needs no change points at the source bytes. */
    const char *z = "hello";
    Value v = vStr(z), out;
    SqlType from = nv10;
    MlError err;
    CHECK_EQ_INT(valueCast(&v, &from, &v10, &gArena, &out, &err), 0);
    CHECK(out.u.s.z==z && out.u.s.n==5);
    CHECK_EQ_INT(valueCast(&v, &from, &v2, &gArena, &out, &err), ML_E_STRING_TOO_LONG);
    CHECK_EQ_STR(err.zMsg, "String data right truncation for VARCHAR(2)");
  }
}

static void test_binary_casts_pad_with_zero_bytes(void){
  SqlType b4 = ty(SQLT_BINARY, 4, TYPE_OMITTED), b1 = ty(SQLT_BINARY, 1, TYPE_OMITTED);
  SqlType vb8 = ty(SQLT_VARBINARY, 8, TYPE_OMITTED), vb20 = ty(SQLT_VARBINARY, 20, TYPE_OMITTED);
  SqlType b2 = ty(SQLT_BINARY, 2, TYPE_OMITTED);
  Value v;
  v.type = SQLT_BINARY;
  v.isNull = 0;
  v.u.s.z = "\x01\x02";
  v.u.s.n = 2;
  CHECK_EQ_STR(castVal(v, b2, b4), "01020000");
  CHECK_EQ_STR(castVal(v, b2, vb8), "0102");
  CHECK_EQ_STR(castVal(v, b2, b1), errStr(ML_E_STRING_TOO_LONG));
  v.u.s.z = "\x01\x00";
  CHECK_EQ_STR(castVal(v, b2, b1), "01");
  CHECK_EQ_STR(castVal(v, b2, ty(SQLT_CHAR, 10, TYPE_OMITTED)), errStr(ML_E_INVALID_CAST));
  CHECK_EQ_STR(castStr("0102", b4), errStr(ML_E_INVALID_CAST));
  CHECK_EQ_STR(castVal(v, b2, tyS(SQLT_INTEGER)), errStr(ML_E_INVALID_CAST));
  /* UUID <-> 16 bytes. */
  {
    SqlType uuid = tyS(SQLT_UUID), b16 = ty(SQLT_BINARY, 16, TYPE_OMITTED);
    Value u = valOf("123E4567-e89b-12d3-a456-426614174000", uuid);
    CHECK_EQ_STR(txt(&u, &uuid), "123e4567-e89b-12d3-a456-426614174000");
    CHECK_EQ_STR(castVal(u, uuid, b16), "123E4567E89B12D3A456426614174000");
    CHECK_EQ_STR(castVal(u, uuid, vb20), "123E4567E89B12D3A456426614174000");
    CHECK_EQ_STR(castVal(u, uuid, vb8), errStr(ML_E_STRING_TOO_LONG));
    v.u.s.z = (const char*)u.u.uuid;
    v.u.s.n = 16;
    CHECK_EQ_STR(castVal(v, b16, uuid), "123e4567-e89b-12d3-a456-426614174000");
    v.u.s.n = 15;
    CHECK_EQ_STR(castVal(v, b16, uuid), errStr(ML_E_INVALID_UUID));
    CHECK_EQ_STR(castVal(u, uuid, ty(SQLT_VARCHAR, 36, TYPE_OMITTED)),
                 "123e4567-e89b-12d3-a456-426614174000");
    CHECK_EQ_STR(castVal(u, uuid, ty(SQLT_VARCHAR, 35, TYPE_OMITTED)), errStr(ML_E_STRING_TOO_LONG));
    CHECK_EQ_STR(castStr(" 00000000-0000-0000-0000-000000000000 ", uuid),
                 "00000000-0000-0000-0000-000000000000");
    CHECK_EQ_STR(castStr("123e4567e89b12d3a456426614174000", uuid), errStr(ML_E_INVALID_UUID));
    CHECK_EQ_STR(castStr("123e4567-e89b-12d3-a456-42661417400g", uuid), errStr(ML_E_INVALID_UUID));
    CHECK_EQ_STR(castStr("123e4567-e89b-12d3-a456_426614174000", uuid), errStr(ML_E_INVALID_UUID));
    CHECK_EQ_STR(castVal(u, uuid, tyS(SQLT_INTEGER)), errStr(ML_E_INVALID_CAST));
  }
}

static void test_boolean_casts(void){
  SqlType bo = tyS(SQLT_BOOLEAN);
  CHECK_EQ_STR(castStr("true", bo), "TRUE");
  CHECK_EQ_STR(castStr(" False ", bo), "FALSE");
  CHECK_EQ_STR(castStr("UnKnown", bo), "NULL");
  CHECK_EQ_STR(castStr("yes", bo), errStr(ML_E_INVALID_NUMBER));
  CHECK_EQ_STR(castStr("1", bo), errStr(ML_E_INVALID_NUMBER));
  CHECK_EQ_STR(castVal(vInt(SQLT_BOOLEAN, 1), bo, tyS(SQLT_INTEGER)), errStr(ML_E_INVALID_CAST));
  CHECK_EQ_STR(castVal(vInt(SQLT_INTEGER, 1), tyS(SQLT_INTEGER), bo), errStr(ML_E_INVALID_CAST));
  CHECK_EQ_STR(castVal(vInt(SQLT_BOOLEAN, 1), bo, bo), "TRUE");
}

static void test_datetime_and_interval_casts(void){
  SqlType date = tyS(SQLT_DATE), ts = ty(SQLT_TIMESTAMP, 6, TYPE_OMITTED);
  SqlType ts0 = ty(SQLT_TIMESTAMP, 0, TYPE_OMITTED), tm = ty(SQLT_TIME, 0, TYPE_OMITTED);
  SqlType tm3 = ty(SQLT_TIME, 3, TYPE_OMITTED), in = tyS(SQLT_INTEGER);
  SqlType day2 = tyIv(IVK_DAY, 2, TYPE_OMITTED), dts = tyIv(IVK_DAY_TO_SECOND, 2, 6);
  SqlType sec = tyIv(IVK_SECOND, 4, 2), ym = tyIv(IVK_YEAR_TO_MONTH, 2, TYPE_OMITTED);
  Value t = valOf("2020-09-17 11:21:51.5", ts);
  CHECK_EQ_STR(castStr("2021-13-40 25:61:61", ts), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(castStr("11:21:51", ts), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(castStr("2020-02-29", date), "2020-02-29");
  CHECK_EQ_STR(castStr("2021-02-29", date), errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(castVal(t, ts, date), "2020-09-17");
  CHECK_EQ_STR(castVal(t, ts, tm), "11:21:52");
  CHECK_EQ_STR(castVal(t, ts, tm3), "11:21:51.500");
  CHECK_EQ_STR(castVal(t, ts, ts0), "2020-09-17 11:21:52");
  CHECK_EQ_STR(castVal(valOf("2020-09-17", date), date, ts), "2020-09-17 00:00:00.000000");
  CHECK_EQ_STR(castVal(valOf("11:21:51", tm), tm, ts), errStr(ML_E_INVALID_CAST));
  CHECK_EQ_STR(castVal(valOf("2020-09-17", date), date, tm), errStr(ML_E_INVALID_CAST));
  CHECK_EQ_STR(castVal(t, ts, in), errStr(ML_E_INVALID_CAST));
  CHECK_EQ_STR(castVal(vInt(SQLT_INTEGER, 12), in, day2), "12");
  CHECK_EQ_STR(castVal(vInt(SQLT_INTEGER, -12), in, day2), "-12");
  CHECK_EQ_STR(castVal(vInt(SQLT_INTEGER, 123), in, day2), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(castVal(valOf("12.345", ty(SQLT_DECIMAL, 5, 3)), ty(SQLT_DECIMAL, 5, 3), sec), "12.35");
  CHECK_EQ_STR(castVal(vInt(SQLT_INTEGER, 12), in, dts), errStr(ML_E_INVALID_CAST));
  CHECK_EQ_STR(castVal(vDouble(SQLT_DOUBLE, 1.0), tyS(SQLT_DOUBLE), day2), errStr(ML_E_INVALID_CAST));
  CHECK_EQ_STR(castVal(valOf("12", day2), day2, in), "12");
  CHECK_EQ_STR(castVal(valOf("12.5", sec), sec, ty(SQLT_DECIMAL, 5, 2)), "12.50");
  CHECK_EQ_STR(castVal(valOf("3 04:05:06", dts), dts, in), errStr(ML_E_INVALID_CAST));
  CHECK_EQ_STR(castVal(valOf("3 04:05:06", dts), dts, day2), "3");
  CHECK_EQ_STR(castVal(valOf("3 04:05:06", dts), dts, ym), errStr(ML_E_INVALID_CAST));
  CHECK_EQ_STR(castStr("1-02", ym), "1-02");
  CHECK_EQ_STR(castStr("1-13", ym), errStr(ML_E_INVALID_INTERVAL));
  CHECK_EQ_STR(castStr("123", day2), errStr(ML_E_OVERFLOW));
}

static void test_null_casts_to_null_of_the_target_type(void){
  SqlType nul = tyS(SQLT_NULL), v5 = ty(SQLT_VARCHAR, 5, TYPE_OMITTED);
  Value out;
  MlError err;
  Value n = vNull(SQLT_NULL);
  SqlType in = tyS(SQLT_INTEGER);
  CHECK_EQ_INT(valueCast(&n, &nul, &v5, &gArena, &out, &err), 0);
  CHECK(out.isNull && out.type==SQLT_VARCHAR);
  n = vNull(SQLT_INTEGER);
  CHECK_EQ_INT(valueCast(&n, &in, &v5, &gArena, &out, &err), 0);
  CHECK(out.isNull && out.type==SQLT_VARCHAR);
  /* Illegal pairs stay illegal for NULL values. */
  {
    SqlType bo = tyS(SQLT_BOOLEAN);
    CHECK_EQ_INT(valueCast(&n, &in, &bo, &gArena, &out, &err), ML_E_INVALID_CAST);
    CHECK_EQ_STR(err.zMsg, "Cannot cast INTEGER to BOOLEAN");
  }
}

static void test_decimal_text_decimal_round_trip(void){
  int i;
  testSeed(42);
  for(i=0; i<20000; i++){
    int p = 1 + (int)(testRandom()%45);
    int s = (int)(testRandom()%(p+1));
    int nInt = p - s, k;
    char z[64];
    int n = 0;
    SqlType t = ty(SQLT_DECIMAL, p, s), v = ty(SQLT_VARCHAR, 60, TYPE_OMITTED);
    Value a, b, c;
    MlError err;
    int cmp = 9;
    if( testRandom()%2 ) z[n++] = '-';
    for(k=0; k<nInt; k++) z[n++] = (char)('0' + testRandom()%10);
    if( nInt==0 ) z[n++] = '0';
    if( s ){
      z[n++] = '.';
      for(k=0; k<s; k++) z[n++] = (char)('0' + testRandom()%10);
    }
    z[n] = 0;
    a = valOf(z, t);
    if( valueCast(&a, &t, &v, &gArena, &b, &err) ){
      testFail(__FILE__, __LINE__, "to text %s: %s", z, err.zMsg);
      continue;
    }
    if( valueCast(&b, &v, &t, &gArena, &c, &err) ){
      testFail(__FILE__, __LINE__, "from text %s: %s", z, err.zMsg);
      continue;
    }
    CHECK_EQ_INT(valueCompare(&a, &t, &c, &t, &cmp), 0);
    CHECK_EQ_INT(cmp, 0);
    /* The text has exactly s fraction digits. */
    {
      const char *zDot = memchr(b.u.s.z, '.', b.u.s.n);
      int nFrac = zDot ? (int)(b.u.s.z + b.u.s.n - zDot - 1) : 0;
      CHECK_EQ_INT(nFrac, s);
    }
    arenaReset(&gArena);
  }
}

/* ---- compare and hash ------------------------------------------------- */

static void test_compare_strings_binary_and_others(void){
  SqlType c5 = ty(SQLT_CHAR, 5, TYPE_OMITTED), v5 = ty(SQLT_VARCHAR, 5, TYPE_OMITTED);
  SqlType n5 = ty(SQLT_NVARCHAR, 5, TYPE_OMITTED), b5 = ty(SQLT_VARBINARY, 5, TYPE_OMITTED);
  SqlType bo = tyS(SQLT_BOOLEAN), in = tyS(SQLT_INTEGER), uu = tyS(SQLT_UUID);
  Value a = vStr("UNIQUE"), b = vStr("UNIQUE   ");
  a.type = SQLT_CHAR;
  b.type = SQLT_VARCHAR;
  CHECK_EQ_INT(cmpVal(a, c5, b, v5), 0);
  CHECK(valueHash(&a, &c5)==valueHash(&b, &v5));
  b = vStr("UNIQUF");
  CHECK_EQ_INT(cmpVal(a, c5, b, n5), -1);
  b = vStr("\xC3\xA9");
  CHECK_EQ_INT(cmpVal(a, c5, b, n5), -1);
  {
    Value x, y;
    x.type = y.type = SQLT_VARBINARY;
    x.isNull = y.isNull = 0;
    x.u.s.z = "ab"; x.u.s.n = 2;
    y.u.s.z = "ab\0"; y.u.s.n = 3;
    CHECK_EQ_INT(cmpVal(x, b5, y, b5), -1);
    CHECK(valueHash(&x, &b5)!=valueHash(&y, &b5));
    y.u.s.z = "b"; y.u.s.n = 1;
    CHECK_EQ_INT(cmpVal(x, b5, y, b5), -1);
  }
  CHECK_EQ_INT(cmpVal(vInt(SQLT_BOOLEAN, 0), bo, vInt(SQLT_BOOLEAN, 1), bo), -1);
  CHECK_EQ_INT(cmpVal(vInt(SQLT_BOOLEAN, 1), bo, vInt(SQLT_BOOLEAN, 1), bo), 0);
  CHECK_EQ_INT(cmpVal(vInt(SQLT_BOOLEAN, 1), bo, vInt(SQLT_INTEGER, 1), in), ML_E_TYPE_MISMATCH);
  CHECK_EQ_INT(cmpVal(a, c5, vInt(SQLT_INTEGER, 1), in), ML_E_TYPE_MISMATCH);
  {
    SqlType ts = ty(SQLT_TIMESTAMP, 6, TYPE_OMITTED), ts2 = ty(SQLT_TIMESTAMP, 2, TYPE_OMITTED);
    SqlType date = tyS(SQLT_DATE);
    Value x = valOf("2020-01-01 10:00:00.5", ts), y = valOf("2020-01-01 10:00:00.50", ts2);
    CHECK_EQ_INT(cmpVal(x, ts, y, ts2), 0);
    CHECK(valueHash(&x, &ts)==valueHash(&y, &ts2));
    y = valOf("2020-01-02", ts2);
    CHECK_EQ_INT(cmpVal(x, ts, y, ts2), -1);
    CHECK_EQ_INT(cmpVal(x, ts, valOf("2020-01-01", date), date), ML_E_TYPE_MISMATCH);
  }
  {
    SqlType d2 = tyIv(IVK_DAY, 2, TYPE_OMITTED), h3 = tyIv(IVK_HOUR, 3, TYPE_OMITTED);
    SqlType y2 = tyIv(IVK_YEAR, 2, TYPE_OMITTED);
    Value x = valOf("1", d2), y = valOf("24", h3);
    CHECK_EQ_INT(cmpVal(x, d2, y, h3), 0);
    CHECK(valueHash(&x, &d2)==valueHash(&y, &h3));
    CHECK_EQ_INT(cmpVal(x, d2, valOf("25", h3), h3), -1);
    CHECK_EQ_INT(cmpVal(x, d2, valOf("1", y2), y2), ML_E_TYPE_MISMATCH);
  }
  {
    Value x = valOf("00000000-0000-0000-0000-000000000001", uu);
    Value y = valOf("00000000-0000-0000-0000-000000000002", uu);
    CHECK_EQ_INT(cmpVal(x, uu, y, uu), -1);
    CHECK_EQ_INT(cmpVal(y, uu, y, uu), 0);
  }
}

static void test_compare_numbers_exactly_across_representations(void){
  SqlType bi = tyS(SQLT_BIGINT), dbl = tyS(SQLT_DOUBLE), real = tyS(SQLT_REAL);
  SqlType d = ty(SQLT_DECIMAL, 30, 10), f45 = ty(SQLT_FLOAT_P, 45, TYPE_OMITTED);
  SqlType i30 = ty(SQLT_INTEGER_P, 30, TYPE_OMITTED);
  Value big = vInt(SQLT_BIGINT, 9007199254740993LL);     /* 2^53 + 1 */
  Value dBig = vDouble(SQLT_DOUBLE, 9007199254740992.0);
  CHECK_EQ_INT(cmpVal(big, bi, dBig, dbl), 1);           /* not equal through double */
  CHECK_EQ_INT(cmpVal(dBig, dbl, big, bi), -1);
  CHECK_EQ_INT(cmpVal(vInt(SQLT_BIGINT, INT64_MAX), bi, vDouble(SQLT_DOUBLE, 9223372036854775808.0), dbl), -1);
  CHECK_EQ_INT(cmpVal(vInt(SQLT_BIGINT, INT64_MIN), bi, vDouble(SQLT_DOUBLE, -9223372036854775808.0), dbl), 0);
  CHECK_EQ_INT(cmpVal(vDouble(SQLT_DOUBLE, 0.1), dbl, valOf("0.1", d), d), 1);   /* 0.1 double > 1/10 */
  CHECK_EQ_INT(cmpVal(vDouble(SQLT_DOUBLE, 0.5), dbl, valOf("0.5", d), d), 0);
  CHECK_EQ_INT(cmpVal(vDouble(SQLT_REAL, (float)0.1), real, vDouble(SQLT_DOUBLE, 0.1), dbl), 1);
  CHECK_EQ_INT(cmpVal(vDouble(SQLT_DOUBLE, 1e300), dbl, valOf("1E300", f45), f45), 1);
  CHECK_EQ_INT(cmpVal(vDouble(SQLT_DOUBLE, -1e300), dbl, valOf("-1E300", f45), f45), -1);
  CHECK_EQ_INT(cmpVal(vDouble(SQLT_DOUBLE, 1e300), dbl, valOf("1E999", f45), f45), -1);
  CHECK_EQ_INT(cmpVal(vDouble(SQLT_DOUBLE, 5e-324), dbl, valOf("1E-999", f45), f45), 1);
  CHECK_EQ_INT(cmpVal(vDouble(SQLT_DOUBLE, 0.0), dbl, valOf("-1E-999", f45), f45), 1);
  CHECK_EQ_INT(cmpVal(vDouble(SQLT_DOUBLE, -0.0), dbl, valOf("0", d), d), 0);
  CHECK_EQ_INT(cmpVal(valOf("123456789012345678901234567890", i30), i30,
                      vDouble(SQLT_DOUBLE, 1.2345678901234568e29), dbl), 1);
  CHECK_EQ_INT(cmpVal(valOf("1.5", d), d, vInt(SQLT_SMALLINT, 1), tyS(SQLT_SMALLINT)), 1);
  CHECK_EQ_INT(cmpVal(valOf("-1.5", d), d, vInt(SQLT_SMALLINT, -1), tyS(SQLT_SMALLINT)), -1);
  {
    /* 1 = 1.0 = 1E0 in every representation, and they hash alike. */
    SqlType at[8];
    Value av[8];
    int i, j;
    at[0] = tyS(SQLT_SMALLINT); av[0] = vInt(SQLT_SMALLINT, 1);
    at[1] = tyS(SQLT_INTEGER);  av[1] = vInt(SQLT_INTEGER, 1);
    at[2] = bi;                 av[2] = vInt(SQLT_BIGINT, 1);
    at[3] = i30;                av[3] = valOf("1", i30);
    at[4] = d;                  av[4] = valOf("1.0", d);
    at[5] = f45;                av[5] = valOf("1E0", f45);
    at[6] = real;               av[6] = vDouble(SQLT_REAL, 1.0);
    at[7] = dbl;                av[7] = vDouble(SQLT_DOUBLE, 1.0);
    for(i=0; i<8; i++){
      for(j=0; j<8; j++){
        CHECK_EQ_INT(cmpVal(av[i], at[i], av[j], at[j]), 0);
        CHECK(valueHash(&av[i], &at[i])==valueHash(&av[j], &at[j]));
      }
    }
  }
  {
    SqlType d45 = ty(SQLT_DECIMAL, 45, 20);
    Value x = valOf("0.5", d45), y = vDouble(SQLT_DOUBLE, 0.5);
    CHECK(valueHash(&x, &d45)==valueHash(&y, &dbl));
    x = valOf("1180591620717411303424", d45);           /* 2^70 */
    y = vDouble(SQLT_DOUBLE, 1180591620717411303424.0);
    CHECK_EQ_INT(cmpVal(x, d45, y, dbl), 0);
    CHECK(valueHash(&x, &d45)==valueHash(&y, &dbl));
    x = valOf("100000000000000000000", d45);            /* 1e20 = 5^20 * 2^20 */
    y = vDouble(SQLT_DOUBLE, 1e20);
    CHECK_EQ_INT(cmpVal(x, d45, y, dbl), 0);
    CHECK(valueHash(&x, &d45)==valueHash(&y, &dbl));
    x = valOf("0.0000152587890625", d45);               /* 2^-16 */
    y = vDouble(SQLT_DOUBLE, 1.0/65536);
    CHECK(valueHash(&x, &d45)==valueHash(&y, &dbl));
  }
}

/* ---- arithmetic ------------------------------------------------------- */

static void test_arithmetic_values_and_errors(void){
  SqlType sm = tyS(SQLT_SMALLINT), in = tyS(SQLT_INTEGER), bi = tyS(SQLT_BIGINT);
  SqlType dbl = tyS(SQLT_DOUBLE), d102 = ty(SQLT_DECIMAL, 10, 2);
  SqlType dflt = ty(SQLT_DECIMAL, TYPE_OMITTED, TYPE_OMITTED), f5 = ty(SQLT_FLOAT_P, 5, TYPE_OMITTED);
  SqlType i45 = ty(SQLT_INTEGER_P, 45, TYPE_OMITTED);
  CHECK_EQ_STR(arith('+', vInt(SQLT_INTEGER, INT32_MAX), in, vInt(SQLT_INTEGER, 1), in), "2147483648");
  CHECK_EQ_STR(arith('*', vInt(SQLT_BIGINT, INT64_MAX), bi, vInt(SQLT_BIGINT, INT64_MAX), bi),
               "85070591730234615847396907784232501249");
  CHECK_EQ_STR(arith('/', vInt(SQLT_INTEGER, -7), in, vInt(SQLT_INTEGER, 2), in), "-3");
  CHECK_EQ_STR(arith('/', vInt(SQLT_INTEGER, 7), in, vInt(SQLT_INTEGER, -2), in), "-3");
  CHECK_EQ_STR(arith('/', vInt(SQLT_INTEGER, 7), in, vInt(SQLT_INTEGER, 0), in), errStr(ML_E_DIVISION_BY_ZERO));
  CHECK_EQ_STR(arith('/', vInt(SQLT_SMALLINT, -32768), sm, vInt(SQLT_SMALLINT, -1), sm), "32768");
  CHECK_EQ_STR(arith('/', vInt(SQLT_BIGINT, INT64_MIN), bi, vInt(SQLT_BIGINT, -1), bi), "9223372036854775808");
  CHECK_EQ_STR(arith('/', vInt(SQLT_INTEGER, 15), in, valOf("10", dflt), dflt), "1.500000000000000");
  CHECK_EQ_STR(arith('/', valOf("10", d102), d102, valOf("3", d102), d102), "3.3333333333");
  CHECK_EQ_STR(arith('/', valOf("-10", d102), d102, valOf("3", d102), d102), "-3.3333333333");
  CHECK_EQ_STR(arith('/', valOf("1", d102), d102, valOf("0.00", d102), d102), errStr(ML_E_DIVISION_BY_ZERO));
  CHECK_EQ_STR(arith('*', valOf("1.25", d102), d102, valOf("-2.5", d102), d102), "-3.1250");
  CHECK_EQ_STR(arith('-', valOf("1.25", d102), d102, vInt(SQLT_INTEGER, 2), in), "-0.75");
  CHECK_EQ_STR(arith('+', valOf("100000000000000000000000000000000000000000000", i45), i45,
                     valOf("900000000000000000000000000000000000000000000", i45), i45),
               errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(arith('*', valOf("3", f5), f5, valOf("0.333333", f5), f5), "9.9999E-1");
  CHECK_EQ_STR(arith('/', valOf("2", f5), f5, valOf("3", f5), f5), "6.66666666666667E-1");
  CHECK_EQ_STR(arith('+', vDouble(SQLT_DOUBLE, 0.1), dbl, vDouble(SQLT_DOUBLE, 0.2), dbl),
               "3.0000000000000004E-1");
  CHECK_EQ_STR(arith('*', vDouble(SQLT_DOUBLE, 1e300), dbl, vDouble(SQLT_DOUBLE, 1e10), dbl),
               errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(arith('/', vDouble(SQLT_DOUBLE, 1), dbl, vDouble(SQLT_DOUBLE, 0), dbl),
               errStr(ML_E_DIVISION_BY_ZERO));
  CHECK_EQ_STR(arith('+', vInt(SQLT_INTEGER, 1), in, vDouble(SQLT_DOUBLE, 0.5), dbl), "1.5E+0");
  CHECK_EQ_STR(arith('+', vNull(SQLT_INTEGER), in, vInt(SQLT_INTEGER, 1), in), "NULL");
  CHECK_EQ_STR(arith('+', vInt(SQLT_INTEGER, 1), in, vStr("1"), ty(SQLT_NVARCHAR, 1, TYPE_OMITTED)),
               errStr(ML_E_TYPE_MISMATCH));
  /* Forced binary result types overflow at their own limits. */
  {
    Value out;
    MlError err;
    Value a = vInt(SQLT_INTEGER, 20000), b = vInt(SQLT_INTEGER, 20000);
    CHECK_EQ_INT(valueArith('+', &a, &in, &b, &in, &sm, &out, &err), ML_E_OVERFLOW);
    CHECK_EQ_INT(valueArith('-', &a, &in, &b, &in, &sm, &out, &err), 0);
    CHECK(out.type==SQLT_SMALLINT && out.u.i==0);
    a = valOf("7.9", d102);
    CHECK_EQ_INT(valueArith('*', &a, &d102, &b, &in, &bi, &out, &err), 0);
    CHECK(out.type==SQLT_BIGINT && out.u.i==158000);
    CHECK_EQ_INT(valueArith('/', &a, &d102, &b, &in, &d102, &out, &err), 0);
    CHECK_EQ_STR(txt(&out, &d102), "0.00");
  }
  /* Unary minus. */
  {
    Value out;
    MlError err;
    Value a = vInt(SQLT_SMALLINT, -32768);
    CHECK_EQ_INT(valueNegate(&a, &sm, &sm, &out, &err), ML_E_OVERFLOW);
    a = vInt(SQLT_SMALLINT, 32767);
    CHECK_EQ_INT(valueNegate(&a, &sm, &sm, &out, &err), 0);
    CHECK(out.u.i==-32767);
    a = valOf("1.50", d102);
    CHECK_EQ_INT(valueNegate(&a, &d102, &d102, &out, &err), 0);
    CHECK_EQ_STR(txt(&out, &d102), "-1.50");
    a = vDouble(SQLT_DOUBLE, 0.0);
    CHECK_EQ_INT(valueNegate(&a, &dbl, &dbl, &out, &err), 0);
    CHECK(!signbit(out.u.d));
  }
}

static void test_datetime_arithmetic_and_concatenation(void){
  SqlType date = tyS(SQLT_DATE), ts = ty(SQLT_TIMESTAMP, 6, TYPE_OMITTED);
  SqlType day = tyIv(IVK_DAY, 2, TYPE_OMITTED), mon = tyIv(IVK_MONTH, 2, TYPE_OMITTED);
  SqlType hts = tyIv(IVK_HOUR_TO_SECOND, 2, 3), in = tyS(SQLT_INTEGER);
  SqlType c3 = ty(SQLT_CHAR, 3, TYPE_OMITTED), v4 = ty(SQLT_VARCHAR, 4, TYPE_OMITTED);
  SqlType n2 = ty(SQLT_NCHAR, 2, TYPE_OMITTED), b2 = ty(SQLT_BINARY, 2, TYPE_OMITTED);
  Value a, b;
  CHECK_EQ_STR(arith('+', valOf("2024-02-28", date), date, valOf("2", day), day), "2024-03-01");
  CHECK_EQ_STR(arith('+', valOf("2", day), day, valOf("2024-02-28", date), date), "2024-03-01");
  CHECK_EQ_STR(arith('-', valOf("2024-03-31", date), date, valOf("1", mon), mon),
               errStr(ML_E_INVALID_DATETIME));
  CHECK_EQ_STR(arith('+', valOf("2024-01-01 23:00:00", ts), ts, valOf("1:30:00.5", hts), hts),
               "2024-01-02 00:30:00.500000");
  CHECK_EQ_STR(arith('-', valOf("2024-03-01 12:00:00", ts), ts, valOf("2024-02-28 00:00:00.25", ts), ts),
               "2 11:59:59.750000");
  CHECK_EQ_STR(arith('-', valOf("2024-03-01", date), date, valOf("2023-03-01", date), date), "366");
  CHECK_EQ_STR(arith('+', valOf("50", day), day, valOf("70", day), day), "120");
  CHECK_EQ_STR(arith('*', valOf("50", day), day, vInt(SQLT_INTEGER, 3), in), "150");
  CHECK_EQ_STR(arith('/', valOf("50", day), day, vInt(SQLT_INTEGER, 0), in), errStr(ML_E_DIVISION_BY_ZERO));
  CHECK_EQ_STR(arith('*', vInt(SQLT_INTEGER, 10000000), in, valOf("50", day), day), errStr(ML_E_OVERFLOW));

  a = vStr("ab "); a.type = SQLT_CHAR;
  b = vStr("cd");  b.type = SQLT_VARCHAR;
  CHECK_EQ_STR(arith('|', a, c3, b, v4), "ab cd");
  b.type = SQLT_CHAR;
  CHECK_EQ_STR(arith('|', a, c3, b, c3), "ab cd ");     /* CHAR(6), padded */
  b = vStr("\xE5\xAE\x89"); b.type = SQLT_NCHAR;
  CHECK_EQ_STR(arith('|', a, c3, b, n2), "ab \xE5\xAE\x89 ");
  CHECK_EQ_STR(arith('|', vNull(SQLT_CHAR), c3, b, n2), "NULL");
  {
    Value x, out;
    SqlType tr, v15000 = ty(SQLT_VARCHAR, 15000, TYPE_OMITTED);
    MlError err;
    char *zBig = arenaAlloc(&gArena, 15001);
    memset(zBig, 'x', 15000);
    zBig[15000] = 0;
    x = vStr(zBig); x.type = SQLT_VARCHAR;
    CHECK_EQ_INT(typeResultArith('|', &v15000, &c3, &tr, &err), 0);
    CHECK_EQ_INT(tr.length, 15000);
    CHECK_EQ_INT(valueConcat(&x, &v15000, &a, &c3, &tr, &gArena, &out, &err), ML_E_STRING_TOO_LONG);
  }
  {
    Value x = vInt(SQLT_INTEGER, 1), out;
    MlError err;
    CHECK_EQ_INT(valueConcat(&x, &in, &x, &in, &v4, &gArena, &out, &err), ML_E_TYPE_MISMATCH);
  }
  a.type = b.type = SQLT_BINARY;
  a.u.s.z = "\x01\x02"; a.u.s.n = 2;
  b.u.s.z = "\x00\xFF"; b.u.s.n = 2;
  CHECK_EQ_STR(arith('|', a, b2, b, b2), "010200FF");
}

/* ---- format and literals ---------------------------------------------- */

static const char *dtext(double v, int isReal){
  char *z = buf();
  valueDoubleText(v, isReal, z);
  return z;
}

static void test_double_text_is_shortest_round_trip(void){
  int i;
  CHECK_EQ_STR(dtext(1.5, 0), "1.5E+0");
  CHECK_EQ_STR(dtext(0.1, 0), "1E-1");
  CHECK_EQ_STR(dtext(-2.5e-7, 0), "-2.5E-7");
  CHECK_EQ_STR(dtext(1e20, 0), "1E+20");
  CHECK_EQ_STR(dtext(123456789.0, 0), "1.23456789E+8");
  CHECK_EQ_STR(dtext(5e-324, 0), "5E-324");
  CHECK_EQ_STR(dtext(1.7976931348623157e308, 0), "1.7976931348623157E+308");
  CHECK_EQ_STR(dtext(0.0, 0), "0E0");
  CHECK_EQ_STR(dtext(-0.0, 0), "0E0");
  CHECK_EQ_STR(dtext((float)0.1, 1), "1E-1");
  CHECK_EQ_STR(dtext((float)3.4028235e38, 1), "3.4028235E+38");
  CHECK_EQ_STR(dtext((float)1.0/3, 1), "3.3333334E-1");
  testSeed(7);
  for(i=0; i<20000; i++){
    uint64_t bits = testRandom();
    double v;
    char z[VALUE_DOUBLE_TEXT_MAX];
    memcpy(&v, &bits, 8);
    if( !isfinite(v) ) continue;
    valueDoubleText(v, 0, z);
    if( strtod(z, 0)!=v && !(v==0.0) ){
      testFail(__FILE__, __LINE__, "%s does not read back as %.17g", z, v);
    }
    {
      float f = (float)v;
      if( isfinite(f) ){
        valueDoubleText(f, 1, z);
        if( strtof(z, 0)!=f && f!=0.0f ) testFail(__FILE__, __LINE__, "%s is not float %.9g", z, f);
      }
    }
  }
}

static const char *lit(const char *z){
  Value v;
  SqlType t;
  MlError err;
  char zType[TYPE_TEXT_MAX];
  char *zOut;
  size_t n;
  int rc = valueNumericLiteral(z, (uint32_t)strlen(z), &v, &t, &err);
  if( rc ) return errStr(rc);
  typeFormat(&t, zType, sizeof(zType));
  zOut = buf();
  n = (size_t)snprintf(zOut, 1024, "%s ", zType);
  snprintf(zOut+n, 1024-n, "%s", txt(&v, &t));
  return zOut;
}

static void test_literals_are_typed_by_mimer_rules(void){
  Value v;
  SqlType t;
  MlError err;
  CHECK_EQ_STR(lit("007"), "INTEGER(3) 7");
  CHECK_EQ_STR(lit("42"), "INTEGER(2) 42");
  CHECK_EQ_STR(lit("003.1400"), "DECIMAL(7,4) 3.1400");
  CHECK_EQ_STR(lit(".5"), "DECIMAL(1,1) 0.5");
  CHECK_EQ_STR(lit("5."), "DECIMAL(1,0) 5");
  CHECK_EQ_STR(lit("1.5E3"), "DOUBLE PRECISION 1.5E+3");
  CHECK_EQ_STR(lit("1e-400"), "DOUBLE PRECISION 0E0");
  CHECK_EQ_STR(lit("1E309"), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(lit("123456789012345678901234567890123456789012345"),
               "INTEGER(45) 123456789012345678901234567890123456789012345");
  CHECK_EQ_STR(lit("1234567890123456789012345678901234567890123456"), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(lit("0.0000000000000000000000000000000000000000000001"), errStr(ML_E_OVERFLOW));
  CHECK_EQ_STR(lit("1.2.3"), errStr(ML_E_INVALID_NUMBER));

  CHECK_EQ_INT(valueStringLiteral("abc", 3, 0, &v, &t, &err), 0);
  CHECK_EQ_STR(fmtType(t), "CHAR(3)");
  CHECK_EQ_INT(valueStringLiteral("abc", 3, 1, &v, &t, &err), 0);
  CHECK_EQ_STR(fmtType(t), "NCHAR(3)");
  CHECK_EQ_INT(valueStringLiteral("\xC3\xA9t\xC3\xA9", 5, 0, &v, &t, &err), 0);
  CHECK_EQ_STR(fmtType(t), "CHAR(3)");
  CHECK_EQ_INT(valueStringLiteral("\xE2\x82\xAC", 3, 0, &v, &t, &err), 0);
  CHECK_EQ_STR(fmtType(t), "NCHAR(1)");
  CHECK_EQ_INT(valueStringLiteral("", 0, 0, &v, &t, &err), 0);
  CHECK_EQ_STR(fmtType(t), "CHAR(0)");
  CHECK_EQ_INT(valueStringLiteral("\xC3", 1, 0, &v, &t, &err), ML_E_INVALID_UTF8);

  CHECK_EQ_INT(valueBinaryLiteral("0D0a09", 6, &gArena, &v, &t, &err), 0);
  CHECK_EQ_STR(fmtType(t), "BINARY(3)");
  CHECK_EQ_STR(txt(&v, &t), "0D0A09");
  CHECK_EQ_INT(valueBinaryLiteral("0D0", 3, &gArena, &v, &t, &err), ML_E_BAD_LITERAL);
  CHECK_EQ_INT(valueBinaryLiteral("0G", 2, &gArena, &v, &t, &err), ML_E_BAD_LITERAL);
  CHECK_EQ_STR(err.zMsg, "Invalid literal X'0G'");

  CHECK_EQ_INT(valueDatetimeLiteral(SQLT_TIMESTAMP, "2020-09-17 11:21:51.123", 23, &v, &t, &err), 0);
  CHECK_EQ_STR(fmtType(t), "TIMESTAMP(3)");
  CHECK_EQ_STR(txt(&v, &t), "2020-09-17 11:21:51.123");
  CHECK_EQ_INT(valueDatetimeLiteral(SQLT_TIME, "09:14:00", 8, &v, &t, &err), 0);
  CHECK_EQ_STR(fmtType(t), "TIME(0)");
  CHECK_EQ_INT(valueDatetimeLiteral(SQLT_DATE, "2024-01-01", 10, &v, &t, &err), 0);
  CHECK_EQ_STR(txt(&v, &t), "2024-01-01");
  CHECK_EQ_INT(valueDatetimeLiteral(SQLT_DATE, "2024-13-01", 10, &v, &t, &err), ML_E_INVALID_DATETIME);
}

static void test_value_text_of_every_type(void){
  SqlType c5 = ty(SQLT_CHAR, 5, TYPE_OMITTED), i10 = ty(SQLT_INTEGER_P, 10, TYPE_OMITTED);
  SqlType tm3 = ty(SQLT_TIME, 3, TYPE_OMITTED), sec = tyIv(IVK_SECOND, 5, TYPE_OMITTED);
  Value v = vStr("ab");
  v.type = SQLT_CHAR;
  CHECK_EQ_STR(txt(&v, &c5), "ab   ");
  v = valOf("-123", i10);
  CHECK_EQ_STR(txt(&v, &i10), "-123");
  v = valOf("16:04:55.1234", tm3);
  CHECK_EQ_STR(txt(&v, &tm3), "16:04:55.123");
  v = valOf("20005", sec);
  CHECK_EQ_STR(txt(&v, &sec), "20005.000000");
  v = vInt(SQLT_SMALLINT, -32768);
  CHECK_EQ_STR(txt(&v, &(SqlType){SQLT_SMALLINT, 0, 0, 0, 0}), "-32768");
}

/* ---- differential: numeric comparison and hashing ---------------------- */

/*
** An exact number as the oracle sees it: sign, significant decimal digits
** without leading or trailing zeros, and the power of ten of the first
** digit (value = 0.d1d2... * 10^exp10).  Zero has no digits.
*/
typedef struct ExactDec {
  int neg;
  int exp10;
  int n;
  char a[1200];
} ExactDec;

/* Build an ExactDec from a digit string with the point after nInt digits. */
static void exactFromDigits(ExactDec *p, int neg, const char *z, int nDigits, int nInt){
  int i = 0, j;
  while( i<nDigits && z[i]=='0' ){ i++; nInt--; }
  j = nDigits;
  while( j>i && z[j-1]=='0' ) j--;
  p->neg = neg;
  p->n = j-i;
  if( p->n==0 ){
    p->neg = 0;
    p->exp10 = 0;
    return;
  }
  memcpy(p->a, z+i, p->n);
  p->exp10 = nInt;
}

/* Oracle conversion of a double: m*2^e expanded exactly in base 10^9. */
static void exactFromDouble(ExactDec *p, double d){
  uint32_t a[160];
  int n = 1, i, e;
  char z[1500];
  int nz = 0, nFrac = 0;
  uint64_t m;
  double f = frexp(fabs(d), &e);
  if( d==0.0 ){
    p->n = 0; p->neg = 0; p->exp10 = 0;
    return;
  }
  m = (uint64_t)ldexp(f, 53);
  e -= 53;
  a[0] = (uint32_t)(m % 1000000000u);
  a[1] = (uint32_t)(m / 1000000000u % 1000000000u);
  n = 2;
  /* Multiply by 2^e (e > 0) or by 5^-e and remember -e fraction digits. */
  while( e!=0 ){
    uint32_t mul;
    uint64_t carry = 0;
    if( e>0 ){
      int k = e>28 ? 28 : e;
      mul = 1u<<k;
      e -= k;
    }else{
      int k = -e>13 ? 13 : -e;
      mul = 1;
      for(i=0; i<k; i++) mul *= 5;
      nFrac += k;
      e += k;
    }
    for(i=0; i<n; i++){
      uint64_t t = (uint64_t)a[i]*mul + carry;
      a[i] = (uint32_t)(t % 1000000000u);
      carry = t / 1000000000u;
    }
    while( carry ){
      a[n++] = (uint32_t)(carry % 1000000000u);
      carry /= 1000000000u;
    }
  }
  for(i=n-1; i>=0; i--){
    nz += snprintf(z+nz, sizeof(z)-nz, "%09u", a[i]);
  }
  exactFromDigits(p, d<0, z, nz, nz - nFrac);
}

/* Oracle conversion of a decimal through its scientific text. */
static void exactFromText(ExactDec *p, const char *zText){
  char z[80];
  int n = 0, neg = 0, exp10;
  const char *zE;
  if( *zText=='-' ){ neg = 1; zText++; }
  zE = strchr(zText, 'E');
  exp10 = atoi(zE+1);
  for(; zText<zE; zText++) if( *zText!='.' ) z[n++] = *zText;
  exactFromDigits(p, neg, z, n, exp10+1);
}

static void exactFromValue(ExactDec *p, const Value *v){
  char z[80];
  switch( v->type ){
    case SQLT_SMALLINT: case SQLT_INTEGER: case SQLT_BIGINT: {
      int n = snprintf(z, sizeof(z), "%lld", (long long)v->u.i);
      if( z[0]=='-' ) exactFromDigits(p, 1, z+1, n-1, n-1);
      else exactFromDigits(p, 0, z, n, n);
      break;
    }
    case SQLT_REAL: case SQLT_DOUBLE:
      exactFromDouble(p, v->u.d);
      break;
    default:
      dec45FormatSci(&v->u.dec, z, sizeof(z));
      exactFromText(p, z);
      break;
  }
}

static int exactCmp(const ExactDec *x, const ExactDec *y){
  int sx = x->n==0 ? 0 : x->neg ? -1 : 1;
  int sy = y->n==0 ? 0 : y->neg ? -1 : 1;
  int i, c = 0;
  if( sx!=sy ) return sx<sy ? -1 : 1;
  if( sx==0 ) return 0;
  if( x->exp10!=y->exp10 ){
    c = x->exp10<y->exp10 ? -1 : 1;
  }else{
    for(i=0; i<x->n || i<y->n; i++){
      char cx = i<x->n ? x->a[i] : '0', cy = i<y->n ? y->a[i] : '0';
      if( cx!=cy ){ c = cx<cy ? -1 : 1; break; }
    }
  }
  return sx<0 ? -c : c;
}

/* A random numeric type. */
static SqlType randNumType(void){
  int p;
  switch( testRandom()%8 ){
    case 0: return tyS(SQLT_SMALLINT);
    case 1: return tyS(SQLT_INTEGER);
    case 2: return tyS(SQLT_BIGINT);
    case 3: return ty(SQLT_INTEGER_P, 1 + (int64_t)(testRandom()%45), TYPE_OMITTED);
    case 4:
      p = 1 + (int)(testRandom()%45);
      return ty(SQLT_DECIMAL, p, (int64_t)(testRandom()%(p+1)));
    case 5: return ty(SQLT_FLOAT_P, 1 + (int64_t)(testRandom()%45), TYPE_OMITTED);
    case 6: return tyS(SQLT_REAL);
    default: return tyS(SQLT_DOUBLE);
  }
}

/* Random decimal text with up to nMax digits and exponent in +-nExp. */
static void randDecimalText(char *z, int nMax, int nExp){
  int n = 0, k, nd = 1 + (int)(testRandom()%nMax);
  if( testRandom()%2 ) z[n++] = '-';
  for(k=0; k<nd; k++){
    /* Runs of 0s and 9s make carries and near-ties likely. */
    int r = (int)(testRandom()%4);
    z[n++] = r==0 ? '0' : r==1 ? '9' : (char)('0' + testRandom()%10);
  }
  n += sprintf(z+n, "E%d", (int)(testRandom()%(2*nExp+1)) - nExp);
}

static int64_t randInt64(int id){
  int64_t x = (int64_t)testRandom();
  int r = (int)(testRandom()%8);
  if( r==0 ) x = INT64_MAX - (int64_t)(testRandom()%3);
  if( r==1 ) x = INT64_MIN + (int64_t)(testRandom()%3);
  if( r==2 ) x = (int64_t)(testRandom()%7) - 3;
  if( r>=3 ) x >>= testRandom()%63;
  if( id==SQLT_SMALLINT ) x = (int16_t)x;
  if( id==SQLT_INTEGER ) x = (int32_t)x;
  return x;
}

/* A random value of numeric type t, or 0 if none could be made. */
static int randNumValue(const SqlType *t, Value *pOut){
  char z[128];
  MlError err;
  SqlType from = ty(SQLT_NVARCHAR, 5000, TYPE_OMITTED);
  Value v;
  int rc;
  if( SQLT_IS_BINARY_INT(t->id) && testRandom()%2 ){
    *pOut = vInt((SqlTypeId)t->id, randInt64(t->id));
    return 1;
  }
  if( SQLT_IS_IEEE(t->id) && testRandom()%4==0 ){
    uint64_t bits = testRandom();
    double d;
    memcpy(&d, &bits, 8);
    if( t->id==SQLT_REAL ) d = (float)d;
    if( !isfinite(d) ) return 0;
    return valueFitDouble(d, 0, t, pOut, &err)==ML_OK;
  }
  switch( t->id ){
    case SQLT_SMALLINT: randDecimalText(z, 5, 4); break;
    case SQLT_INTEGER:  randDecimalText(z, 10, 9); break;
    case SQLT_BIGINT:   randDecimalText(z, 19, 18); break;
    case SQLT_FLOAT_P:  randDecimalText(z, 45, testRandom()%8==0 ? 999 : 40); break;
    case SQLT_REAL:     randDecimalText(z, 12, 40); break;
    case SQLT_DOUBLE:   randDecimalText(z, 20, testRandom()%8==0 ? 320 : 40); break;
    case SQLT_INTEGER_P: randDecimalText(z, t->precision, t->precision-1); break;
    default: {
      /* DECIMAL(p,s): mostly values that fit, some with surplus fraction. */
      int nd = 1 + (int)(testRandom()%(t->precision+3));
      randDecimalText(z, nd, 0);
      sprintf(strchr(z, 'E'), "E%d", (int)(testRandom()%(t->precision+1)) - t->scale - 2);
      break;
    }
  }
  /* Go through FLOAT(45) so every target sees an exact decimal source. */
  {
    SqlType f45 = ty(SQLT_FLOAT_P, 45, TYPE_OMITTED);
    v = vStr(z);
    rc = valueCast(&v, &from, &f45, &gArena, &v, &err);
    if( rc ) return 0;
    return valueCast(&v, &f45, t, &gArena, pOut, &err)==ML_OK;
  }
}

static void test_numeric_compare_and_hash_match_exact_oracle(void){
  int i, nEqual = 0, nDone = 0;
  testSeed(20240601);
  for(i=0; nDone<100000 && i<400000; i++){
    SqlType ta = randNumType(), tb = randNumType();
    Value a, b;
    ExactDec xa, xb;
    int cmp = 9, want;
    MlError err;
    if( !randNumValue(&ta, &a) ) continue;
    switch( testRandom()%3 ){
      case 0:   /* b is a converted: equal or a rounding/truncation away */
        if( valueCast(&a, &ta, &tb, &gArena, &b, &err) ) continue;
        break;
      case 1:   /* b next to a */
        if( SQLT_IS_IEEE(ta.id) ){
          double d = nextafter(a.u.d, testRandom()%2 ? INFINITY : -INFINITY);
          tb = tyS(SQLT_DOUBLE);
          b = vDouble(SQLT_DOUBLE, d);
          if( !isfinite(d) ) continue;
        }else if( valueCast(&a, &ta, &tb, &gArena, &b, &err) ){
          continue;
        }
        break;
      default:
        if( !randNumValue(&tb, &b) ) continue;
        break;
    }
    exactFromValue(&xa, &a);
    exactFromValue(&xb, &b);
    want = exactCmp(&xa, &xb);
    if( valueCompare(&a, &ta, &b, &tb, &cmp) || cmp!=want ){
      testFail(__FILE__, __LINE__, "compare %s %s with %s %s: got %d, want %d",
               fmtType(ta), txt(&a, &ta), fmtType(tb), txt(&b, &tb), cmp, want);
    }
    valueCompare(&b, &tb, &a, &ta, &cmp);
    if( cmp!=-want ) testFail(__FILE__, __LINE__, "compare is not antisymmetric");
    if( want==0 ){
      nEqual++;
      if( valueHash(&a, &ta)!=valueHash(&b, &tb) ){
        testFail(__FILE__, __LINE__, "equal %s %s and %s %s hash differently",
                 fmtType(ta), txt(&a, &ta), fmtType(tb), txt(&b, &tb));
      }
    }
    nDone++;
    arenaReset(&gArena);
  }
  fprintf(stderr, "%d pairs compared, %d equal\n", nDone, nEqual);
  CHECK(nDone==100000);
  CHECK(nEqual>15000);
}

/* ---- differential: integer arithmetic against __int128 ----------------- */

static __int128 pow10i(int p){
  __int128 r = 1;
  while( p-- ) r *= 10;
  return r;
}

static void i128Text(__int128 v, char *z){
  char t[64];
  int n = 0, neg = v<0;
  unsigned __int128 u = neg ? -(unsigned __int128)v : (unsigned __int128)v;
  do{ t[n++] = (char)('0' + (int)(u%10)); u /= 10; }while( u );
  if( neg ) *z++ = '-';
  while( n ) *z++ = t[--n];
  *z = 0;
}

/* CAST of VARCHAR text z to type *pTo into *pOut; the error code. */
static int castText(const char *z, const SqlType *pTo, Arena *pArena, Value *pOut){
  SqlType vc = { SQLT_VARCHAR, 0, 0, 0, 100 };
  Value v;
  MlError err;
  memset(&v, 0, sizeof(v));
  v.type = SQLT_VARCHAR;
  v.u.s.z = z;
  v.u.s.n = (uint32_t)strlen(z);
  return valueCast(&v, &vc, pTo, pArena, pOut, &err);
}

/*
** The BUILTIN.GIS_* types: spellings and codes, ranges at their ends,
** canonical text both ways, casts, ordering and hashing, AS_TEXT forms.
*/
static void test_gis_types_values_text_and_order(void){
  SqlType lat = tyS(SQLT_GIS_LATITUDE), lon = tyS(SQLT_GIS_LONGITUDE);
  SqlType loc = tyS(SQLT_GIS_LOCATION), xy = tyS(SQLT_GIS_COORDINATE);
  SqlType vc = { SQLT_VARCHAR, 0, 0, 0, 40 }, dbl = tyS(SQLT_DOUBLE);
  Value a, b, c;
  Arena arena;
  MlError err;
  char z[GIS_TEXT_MAX];
  int cmp = 9;
  arenaInit(&arena, 1024);
  CHECK_EQ_STR(fmtType(loc), "BUILTIN.GIS_LOCATION");
  CHECK_EQ_STR(typeDataTypeName(&xy), "USER-DEFINED");
  CHECK_EQ_INT(typeApiCode(&lat), 8020);
  CHECK_EQ_INT(typeApiCode(&lon), 8004);
  CHECK_EQ_INT(typeApiCode(&loc), 8036);
  CHECK_EQ_INT(typeApiCode(&xy), 8063);
  CHECK_EQ_INT(typeBuiltinUdt("gis_Location"), SQLT_GIS_LOCATION);
  CHECK_EQ_INT(typeBuiltinUdt("GIS_POLYGON"), SQLT_NULL);
  CHECK_EQ_STR(typeUdtName(SQLT_GIS_COORDINATE), "GIS_COORDINATE");
  CHECK(typeUdtName(SQLT_DOUBLE)==0);
  /* ranges: ends in, one step beyond out, NaN out; -0 becomes 0 */
  CHECK_EQ_INT(gisMakeDegrees(SQLT_GIS_LATITUDE, 90.0, &a, &err), ML_OK);
  CHECK_EQ_INT(gisMakeDegrees(SQLT_GIS_LATITUDE, nextafter(90.0, 91.0), &a, &err), ML_E_INVALID_GIS);
  CHECK_EQ_INT(gisMakeDegrees(SQLT_GIS_LONGITUDE, -180.0, &a, &err), ML_OK);
  CHECK_EQ_INT(gisMakeDegrees(SQLT_GIS_LONGITUDE, NAN, &a, &err), ML_E_INVALID_GIS);
  CHECK_EQ_INT(gisMakeLocation(0.0, -181.0, &a, &err), ML_E_INVALID_GIS);
  CHECK_EQ_INT(gisMakeDegrees(SQLT_GIS_LATITUDE, -0.0, &a, &err), ML_OK);
  CHECK(!signbit(a.u.d));
  /* text */
  CHECK_EQ_INT(gisDegreesText(59.3293, z), 7);
  CHECK_EQ_STR(z, "59.3293");
  gisDegreesText(-90.0, z);
  CHECK_EQ_STR(z, "-90");
  gisDegreesText(0.1 + 0.2, z);
  CHECK(strtod(z, 0)==0.1 + 0.2);
  CHECK_EQ_INT(gisMakeLocation(-33.4489, -70.6693, &a, &err), ML_OK);
  CHECK_EQ_STR(txt(&a, &loc), "-33.4489,-70.6693");
  gisMakeCoordinate(INT32_MIN, 7, &b);
  CHECK_EQ_STR(txt(&b, &xy), "-2147483648,7");
  /* casts: text both ways, the same type, nothing else */
  CHECK_EQ_INT(castText(" 1.5 , -2 ", &loc, &arena, &c), ML_OK);
  CHECK(c.u.loc.lat==1.5 && c.u.loc.lon==-2.0);
  CHECK_EQ_INT(castText("1.5", &loc, &arena, &c), ML_E_INVALID_GIS);
  CHECK_EQ_INT(castText("1,2", &lat, &arena, &c), ML_E_INVALID_GIS);
  CHECK_EQ_INT(castText("1.5,2", &xy, &arena, &c), ML_E_INVALID_GIS);
  CHECK_EQ_INT(castText("3000000000,2", &xy, &arena, &c), ML_E_OVERFLOW);
  CHECK_EQ_INT(castText("91", &lat, &arena, &c), ML_E_INVALID_GIS);
  CHECK_EQ_INT(castText("1e1x", &lat, &arena, &c), ML_E_INVALID_GIS);
  CHECK_EQ_INT(valueCast(&a, &loc, &vc, &arena, &c, &err), ML_OK);
  CHECK_EQ_STR(txt(&c, &vc), "-33.4489,-70.6693");
  CHECK_EQ_INT(valueCastCheck(&loc, &loc, &err), ML_OK);
  CHECK_EQ_INT(valueCastCheck(&lat, &dbl, &err), ML_E_INVALID_CAST);
  CHECK_EQ_INT(valueCastCheck(&dbl, &lat, &err), ML_E_INVALID_CAST);
  CHECK_EQ_INT(valueCastCheck(&lat, &lon, &err), ML_E_INVALID_CAST);
  CHECK_EQ_INT(typeCheckComparable(&lat, &lon, &err), ML_E_TYPE_MISMATCH);
  CHECK_EQ_INT(typeCheckComparable(&lat, &dbl, &err), ML_E_TYPE_MISMATCH);
  CHECK_EQ_INT(typeCheckComparable(&loc, &loc, &err), ML_OK);
  /* order: latitude first, then longitude; equal values hash alike */
  CHECK_EQ_INT(gisMakeLocation(-33.4489, 100.0, &b, &err), ML_OK);
  CHECK_EQ_INT(valueCompare(&a, &loc, &b, &loc, &cmp), ML_OK);
  CHECK_EQ_INT(cmp, -1);
  CHECK_EQ_INT(gisMakeLocation(-0.0, 0.0, &b, &err), ML_OK);
  CHECK_EQ_INT(gisMakeLocation(0.0, -0.0, &c, &err), ML_OK);
  CHECK_EQ_INT(valueCompare(&b, &loc, &c, &loc, &cmp), ML_OK);
  CHECK_EQ_INT(cmp, 0);
  CHECK(valueHash(&b, &loc)==valueHash(&c, &loc));
  /* Mimer's AS_TEXT forms */
  CHECK_EQ_INT(gisDmsText(59.3293, 1, 2, z), 12);
  CHECK_EQ_STR(z, "N591945.4800");
  gisDmsText(-70.6693, 0, 1, z);
  CHECK_EQ_STR(z, "-0704009.4800");
  gisDmsText(-0.00000001, 1, 2, z);
  CHECK_EQ_STR(z, "N000000.0000");
  gisDmsText(66.5619, 1, 3, z);
  CHECK_EQ_STR(z, "66\xC2\xB0" "33'42.8400''N");
  gisDmsText(179.99999999, 0, 2, z);
  CHECK_EQ_STR(z, "E1800000.0000");
  CHECK_EQ_INT(gisDmsText(1.0, 1, 4, z), ML_E_INVALID_GIS);
  arenaFree(&arena);
}

static void test_integer_arithmetic_matches_int128(void){
  static const int aOp[4] = { '+', '-', '*', '/' };
  static const SqlTypeId aId[3] = { SQLT_SMALLINT, SQLT_INTEGER, SQLT_BIGINT };
  int i;
  testSeed(99);
  for(i=0; i<100000; i++){
    SqlType ta = tyS(aId[testRandom()%3]), tb = tyS(aId[testRandom()%3]), tr;
    int op = aOp[testRandom()%4];
    int64_t x = randInt64(ta.id), y = randInt64(tb.id);
    Value a = vInt((SqlTypeId)ta.id, x), b = vInt((SqlTypeId)tb.id, y), out;
    MlError err;
    __int128 want = 0;
    int wantRc = 0, rc;
    char zWant[64];
    /* The spec's result type half of the time, a binary type otherwise. */
    if( testRandom()%2 ){
      CHECK_EQ_INT(typeResultArith(op, &ta, &tb, &tr, &err), 0);
    }else{
      tr = tyS(aId[testRandom()%3]);
    }
    switch( op ){
      case '+': want = (__int128)x + y; break;
      case '-': want = (__int128)x - y; break;
      case '*': want = (__int128)x * y; break;
      default:
        if( y==0 ) wantRc = ML_E_DIVISION_BY_ZERO;
        else want = (__int128)x / y;
        break;
    }
    if( wantRc==0 ){
      if( tr.id==SQLT_INTEGER_P ){
        if( want>=pow10i(tr.precision) || want<=-pow10i(tr.precision) ) wantRc = ML_E_OVERFLOW;
      }else{
        __int128 lo = tr.id==SQLT_SMALLINT ? INT16_MIN : tr.id==SQLT_INTEGER ? INT32_MIN : INT64_MIN;
        __int128 hi = tr.id==SQLT_SMALLINT ? INT16_MAX : tr.id==SQLT_INTEGER ? INT32_MAX : INT64_MAX;
        if( want<lo || want>hi ) wantRc = ML_E_OVERFLOW;
      }
    }
    rc = valueArith(op, &a, &ta, &b, &tb, &tr, &out, &err);
    if( rc!=wantRc ){
      testFail(__FILE__, __LINE__, "%lld %c %lld as %s: rc %d, want %d",
               (long long)x, op, (long long)y, fmtType(tr), rc, wantRc);
      continue;
    }
    if( rc ) continue;
    i128Text(want, zWant);
    if( out.type!=tr.id || strcmp(txt(&out, &tr), zWant)!=0 ){
      testFail(__FILE__, __LINE__, "%lld %c %lld as %s: %s, want %s",
               (long long)x, op, (long long)y, fmtType(tr), txt(&out, &tr), zWant);
    }
  }
}

int main(void){
  arenaInit(&gArena, 4096);
  TEST_RUN(test_declared_types_enforce_mimer_limits);
  TEST_RUN(test_declared_types_default_omitted_parts);
  TEST_RUN(test_type_spellings_for_ddl_catalog_and_api);
  TEST_RUN(test_arithmetic_result_types_follow_spec_section_6);
  TEST_RUN(test_datetime_interval_and_concat_result_types);
  TEST_RUN(test_common_supertype_and_comparability);
  TEST_RUN(test_utf8_validation_and_latin1);
  TEST_RUN(test_pad_space_comparison_by_code_point);
  TEST_RUN(test_substring_counts_characters);
  TEST_RUN(test_upper_lower_cover_latin_greek_cyrillic);
  TEST_RUN(test_integer_casts_overflow_exactly_at_the_edges);
  TEST_RUN(test_numeric_casts_truncate_into_exact_types);
  TEST_RUN(test_text_to_number_takes_literals_of_the_target_kind);
  TEST_RUN(test_numbers_and_other_values_to_text);
  TEST_RUN(test_string_casts_check_length_latin1_and_pad);
  TEST_RUN(test_binary_casts_pad_with_zero_bytes);
  TEST_RUN(test_boolean_casts);
  TEST_RUN(test_datetime_and_interval_casts);
  TEST_RUN(test_null_casts_to_null_of_the_target_type);
  TEST_RUN(test_decimal_text_decimal_round_trip);
  TEST_RUN(test_compare_strings_binary_and_others);
  TEST_RUN(test_compare_numbers_exactly_across_representations);
  TEST_RUN(test_arithmetic_values_and_errors);
  TEST_RUN(test_datetime_arithmetic_and_concatenation);
  TEST_RUN(test_double_text_is_shortest_round_trip);
  TEST_RUN(test_literals_are_typed_by_mimer_rules);
  TEST_RUN(test_value_text_of_every_type);
  TEST_RUN(test_numeric_compare_and_hash_match_exact_oracle);
  TEST_RUN(test_integer_arithmetic_matches_int128);
  TEST_RUN(test_gis_types_values_text_and_order);
  arenaFree(&gArena);
  return testReport();
}
