/*
** Value arithmetic (see arith.h).  The result type is decided by
** typesys.c; this file computes and fits.  Numbers take one of three
** paths chosen by the operands and the result type: 128-bit integers
** (both operands binary integers, integer result), IEEE doubles (a REAL
** or DOUBLE result) or dec45 (everything else).  Datetime and interval
** arithmetic is delegated to datetime.h.
*/
#include "types/arith.h"

#include <assert.h>
#include <math.h>
#include <string.h>

#include "types/cast.h"
#include "types/datetime.h"
#include "types/dec45.h"
#include "types/typesys.h"

/* Record error rc (a dec45/datetime code) with an empty detail. */
static int arithError(int rc, MlError *pErr){
  return mlErrorSet(pErr, rc, "");
}

/* Record ML_E_TYPE_MISMATCH for operands no arithmetic rule covers. */
static int arithMismatch(const SqlType *ta, const SqlType *tb, MlError *pErr){
  char zA[TYPE_TEXT_MAX], zB[TYPE_TEXT_MAX];
  typeFormat(ta, zA, sizeof(zA));
  typeFormat(tb, zB, sizeof(zB));
  return mlErrorSet(pErr, ML_E_TYPE_MISMATCH, zA, zB);
}

/* a op b in IEEE double, fitted to REAL or DOUBLE. */
static int arithDouble(int op, const Value *a, const Value *b, const SqlType *pRes,
                       Value *pOut, MlError *pErr){
  double x = valueNumToDouble(a), y = valueNumToDouble(b), r;
  switch( op ){
    case TYPE_OP_ADD: r = x + y; break;
    case TYPE_OP_SUB: r = x - y; break;
    case TYPE_OP_MUL: r = x * y; break;
    default:
      if( y==0.0 ) return mlErrorSet(pErr, ML_E_DIVISION_BY_ZERO);
      r = x / y;
      break;
  }
  if( !isfinite(r) ) return arithError(ML_E_OVERFLOW, pErr);
  return valueFitDouble(r, 0, pRes, pOut, pErr);
}

/* a op b of two binary integers in 128 bits, fitted to an exact type. */
static int arithInt(int op, int64_t x, int64_t y, const SqlType *pRes,
                    Value *pOut, MlError *pErr){
  __int128 r;
  switch( op ){
    case TYPE_OP_ADD: r = (__int128)x + y; break;
    case TYPE_OP_SUB: r = (__int128)x - y; break;
    case TYPE_OP_MUL: r = (__int128)x * y; break;
    default:
      if( y==0 ) return mlErrorSet(pErr, ML_E_DIVISION_BY_ZERO);
      r = (__int128)x / y;
      break;
  }
  return valueFitInt(r, pRes, pOut, pErr);
}

/* a op b in dec45, fitted to an exact or FLOAT(p) type. */
static int arithDec(int op, const Value *a, const Value *b, const SqlType *pRes,
                    Value *pOut, MlError *pErr){
  Dec45 x, y, r;
  int rc = valueNumToDec(a, &x);
  if( rc==ML_OK ) rc = valueNumToDec(b, &y);
  if( rc ) return arithError(rc, pErr);
  if( op==TYPE_OP_DIV && dec45IsZero(&y) ) return mlErrorSet(pErr, ML_E_DIVISION_BY_ZERO);
  if( pRes->id==SQLT_FLOAT_P ){
    int p = pRes->precision;
    switch( op ){
      case TYPE_OP_ADD: rc = dec45AddSig(&x, &y, p, &r); break;
      case TYPE_OP_SUB: rc = dec45SubSig(&x, &y, p, &r); break;
      case TYPE_OP_MUL: rc = dec45MulSig(&x, &y, p, &r); break;
      default:          rc = dec45DivSig(&x, &y, p, &r); break;
    }
  }else{
    /* Exact target; a binary integer result is computed as DECIMAL(45,0). */
    int prec = pRes->id==SQLT_INTEGER_P || pRes->id==SQLT_DECIMAL ? pRes->precision
                                                                    : DEC45_MAX_DIGITS;
    int scale = pRes->id==SQLT_DECIMAL ? pRes->scale : 0;
    switch( op ){
      case TYPE_OP_ADD: rc = dec45Add(&x, &y, &r); break;
      case TYPE_OP_SUB: rc = dec45Sub(&x, &y, &r); break;
      case TYPE_OP_MUL: rc = dec45MulRound(&x, &y, prec, scale, DEC45_TRUNCATE, &r); break;
      default:          rc = dec45Div(&x, &y, scale, DEC45_TRUNCATE, &r); break;
    }
  }
  if( rc ) return arithError(rc, pErr);
  return valueFitDec(&r, pRes, pOut, pErr);
}

/* Numeric a op b. */
static int arithNumeric(int op, const Value *a, const Value *b, const SqlType *pRes,
                        Value *pOut, MlError *pErr){
  if( SQLT_IS_IEEE(pRes->id) ) return arithDouble(op, a, b, pRes, pOut, pErr);
  if( SQLT_IS_BINARY_INT(a->type) && SQLT_IS_BINARY_INT(b->type)
   && (SQLT_IS_BINARY_INT(pRes->id) || pRes->id==SQLT_INTEGER_P || op!=TYPE_OP_DIV) ){
    return arithInt(op, a->u.i, b->u.i, pRes, pOut, pErr);
  }
  return arithDec(op, a, b, pRes, pOut, pErr);
}

/* A DATE, TIME or TIMESTAMP value as a timestamp (TIME on day 0). */
static SqlTimestamp arithAsTimestamp(const Value *p){
  SqlTimestamp ts = { 0, 0 };
  switch( p->type ){
    case SQLT_DATE: ts.date = p->u.date; break;
    case SQLT_TIME: ts.time = p->u.time; break;
    default:        ts = p->u.ts; break;
  }
  return ts;
}

/* Fit a raw interval r to the result type. */
static int arithFitInterval(const SqlInterval *r, const SqlType *pFrom, const SqlType *pRes,
                            Value *pOut, MlError *pErr){
  int rc = dtIntervalCast(r, pFrom, pRes, &pOut->u.iv);
  if( rc ) return arithError(rc, pErr);
  pOut->type = SQLT_INTERVAL;
  pOut->isNull = 0;
  return ML_OK;
}

/* Datetime/interval arithmetic; typesys.c has accepted the operand types. */
static int arithTemporal(int op, const Value *a, const Value *b, const SqlType *pRes,
                         Value *pOut, MlError *pErr){
  int sign = op==TYPE_OP_SUB ? -1 : 1;
  SqlInterval r;
  int rc;
  if( a->type==SQLT_INTERVAL && SQLT_IS_DATETIME(b->type) ){
    const Value *t = a;
    a = b;
    b = t;
  }
  if( SQLT_IS_DATETIME(a->type) && b->type==SQLT_INTERVAL ){
    switch( a->type ){
      case SQLT_DATE:
        rc = dtDateAddInterval(a->u.date, &b->u.iv, sign, &pOut->u.date);
        break;
      case SQLT_TIME:
        rc = dtTimeAddInterval(a->u.time, &b->u.iv, sign, &pOut->u.time);
        break;
      default:
        rc = dtTimestampAddInterval(&a->u.ts, &b->u.iv, sign, &pOut->u.ts);
        if( rc==ML_OK ) rc = dtTimestampRound(&pOut->u.ts, pRes->scale);
        break;
    }
    if( rc ) return arithError(rc, pErr);
    pOut->type = a->type;
    pOut->isNull = 0;
    return ML_OK;
  }
  if( SQLT_IS_DATETIME(a->type) ){
    SqlTimestamp x = arithAsTimestamp(a), y = arithAsTimestamp(b);
    SqlType tDiff = { SQLT_INTERVAL, IVK_DAY_TO_SECOND, 7, DT_MAX_SCALE, 0 };
    assert( a->type==b->type && op==TYPE_OP_SUB );
    if( pRes->id==SQLT_INTERVAL && dtIntervalIsYearMonth(pRes->intervalKind) ){
      /* (d1 - d2) YEAR / MONTH / YEAR TO MONTH: whole months */
      SqlType tMonths = { SQLT_INTERVAL, IVK_MONTH, 0, 0, 0 };
      tMonths.precision = (uint8_t)dtIntervalMaxLeading(IVK_MONTH);
      rc = dtTimestampMonthsDiff(&x, &y, &r);
      if( rc ) return arithError(rc, pErr);
      return arithFitInterval(&r, &tMonths, pRes, pOut, pErr);
    }
    rc = dtTimestampDiff(&x, &y, &r);
    if( rc ) return arithError(rc, pErr);
    return arithFitInterval(&r, &tDiff, pRes, pOut, pErr);
  }
  if( a->type==SQLT_INTERVAL && b->type==SQLT_INTERVAL ){
    rc = dtIntervalAdd(&a->u.iv, &b->u.iv, sign, &r);
    if( rc ) return arithError(rc, pErr);
    return arithFitInterval(&r, pRes, pRes, pOut, pErr);
  }
  {
    const Value *pIv = a->type==SQLT_INTERVAL ? a : b;
    const Value *pNum = a->type==SQLT_INTERVAL ? b : a;
    Dec45 f;
    rc = valueNumToDec(pNum, &f);
    if( rc ) return arithError(rc, pErr);
    if( op==TYPE_OP_DIV ){
      if( dec45IsZero(&f) ) return mlErrorSet(pErr, ML_E_DIVISION_BY_ZERO);
      rc = dtIntervalDivDec(&pIv->u.iv, &f, &r);
    }else{
      rc = dtIntervalMulDec(&pIv->u.iv, &f, &r);
    }
    if( rc ) return arithError(rc, pErr);
    return arithFitInterval(&r, pRes, pRes, pOut, pErr);
  }
}

/* a op b fitted to the result type typesys.c derived (arith.h). */
int valueArith(int op, const Value *a, const SqlType *ta, const Value *b,
               const SqlType *tb, const SqlType *pResultType, Value *pOut,
               MlError *pErr){
  assert( op==TYPE_OP_ADD || op==TYPE_OP_SUB || op==TYPE_OP_MUL || op==TYPE_OP_DIV );
  if( a->isNull || b->isNull ){
    pOut->type = pResultType->id;
    pOut->isNull = 1;
    return ML_OK;
  }
  assert( a->type==ta->id && b->type==tb->id );
  if( SQLT_IS_NUMERIC(a->type) && SQLT_IS_NUMERIC(b->type) && SQLT_IS_NUMERIC(pResultType->id) ){
    return arithNumeric(op, a, b, pResultType, pOut, pErr);
  }
  if( (a->type==SQLT_INTERVAL || SQLT_IS_DATETIME(a->type))
   && (b->type==SQLT_INTERVAL || SQLT_IS_DATETIME(b->type) || SQLT_IS_NUMERIC(b->type))
   && (pResultType->id==SQLT_INTERVAL || SQLT_IS_DATETIME(pResultType->id)) ){
    return arithTemporal(op, a, b, pResultType, pOut, pErr);
  }
  if( SQLT_IS_NUMERIC(a->type) && b->type==SQLT_INTERVAL && pResultType->id==SQLT_INTERVAL ){
    return arithTemporal(op, a, b, pResultType, pOut, pErr);
  }
  return arithMismatch(ta, tb, pErr);
}

/* Unary minus; the result type is the operand's (arith.h). */
int valueNegate(const Value *a, const SqlType *ta, const SqlType *pResultType,
                Value *pOut, MlError *pErr){
  if( a->isNull ){
    pOut->type = pResultType->id;
    pOut->isNull = 1;
    return ML_OK;
  }
  assert( a->type==ta->id );
  if( SQLT_IS_BINARY_INT(a->type) ){
    return valueFitInt(-(__int128)a->u.i, pResultType, pOut, pErr);
  }
  if( SQLT_IS_IEEE(a->type) ){
    return valueFitDouble(-a->u.d, a->type==SQLT_REAL, pResultType, pOut, pErr);
  }
  if( SQLT_IS_DECIMAL_REP(a->type) ){
    Dec45 d = a->u.dec;
    dec45Negate(&d);
    return valueFitDec(&d, pResultType, pOut, pErr);
  }
  if( a->type==SQLT_INTERVAL ){
    SqlInterval r;
    r.months = -a->u.iv.months;
    r.seconds = -a->u.iv.seconds;
    r.nanos = -a->u.iv.nanos;
    return arithFitInterval(&r, ta, pResultType, pOut, pErr);
  }
  return arithMismatch(ta, ta, pErr);
}

/* Join the bytes in the arena, then fit them to the result type. */
int valueConcat(const Value *a, const SqlType *ta, const Value *b, const SqlType *tb,
                const SqlType *pResultType, Arena *pArena, Value *pOut, MlError *pErr){
  SqlType tAll = { 0, 0, 0, 0, 0 };    /* the joined bytes, before fitting */
  Value v;
  char *z;
  uint64_t n;
  if( a->isNull || b->isNull ){
    pOut->type = pResultType->id;
    pOut->isNull = 1;
    return ML_OK;
  }
  assert( a->type==ta->id && b->type==tb->id );
  if( typeClass(ta)!=typeClass(tb) || typeClass(ta)!=typeClass(pResultType)
   || (typeClass(ta)!=TYPE_CLASS_CHAR && typeClass(ta)!=TYPE_CLASS_BINARY) ){
    return arithMismatch(ta, tb, pErr);
  }
  n = (uint64_t)a->u.s.n + b->u.s.n;
  if( n>UINT32_MAX ) return mlErrorSet(pErr, ML_E_STRING_TOO_LONG, "");
  z = arenaAlloc(pArena, (size_t)n+1);
  if( z==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
  if( a->u.s.n ) memcpy(z, a->u.s.z, a->u.s.n);
  if( b->u.s.n ) memcpy(z+a->u.s.n, b->u.s.z, b->u.s.n);
  z[n] = 0;
  tAll.id = SQLT_IS_BINARYSTR(pResultType->id) ? SQLT_BLOB : SQLT_NCLOB;
  tAll.length = UINT32_MAX;
  v.type = tAll.id;
  v.isNull = 0;
  v.u.s.z = z;
  v.u.s.n = (uint32_t)n;
  return valueCast(&v, &tAll, pResultType, pArena, pOut, pErr);
}
