/*
** Scalar functions (expr/ layer): the built-in functions of Mimer SQL that
** mimerlite implements, looked up by name at compile time (sema/ checks
** the argument count and derives the result type) and evaluated here,
** including the constructors and methods of the BUILTIN.GIS_* types and
** the BUILTIN.UUID routines.
** String results are built in the per-row scratch arena.
*/
#include "expr/expr.h"

#include <assert.h>
#include <math.h>
#include <sodium.h>
#include <strings.h>
#include <string.h>

#include "types/arith.h"
#include "types/cast.h"
#include "types/compare.h"
#include "types/datetime.h"
#include "types/gis.h"
#include "types/strings.h"
#include "types/typesys.h"

typedef struct ExprFnInfo {
  const char *zName;
  int nMin, nMax;
} ExprFnInfo;

static const ExprFnInfo aFnInfo[] = {
  { "", 0, 0 },
#define EXPR_X_INFO(name, z, lo, hi) { z, lo, hi },
  EXPR_FN_LIST(EXPR_X_INFO)
#undef EXPR_X_INFO
};

int exprFuncLookup(const char *zName, int *pnMin, int *pnMax){
  int i;
  for(i=1; i<EXPR_FN_COUNT_; i++){
    if( strcasecmp(aFnInfo[i].zName, zName)==0 ){
      *pnMin = aFnInfo[i].nMin;
      *pnMax = aFnInfo[i].nMax;
      return i;
    }
  }
  return 0;
}

const char *exprFuncName(int fn){
  assert( fn>0 && fn<EXPR_FN_COUNT_ );
  return aFnInfo[fn].zName;
}

static void fnNull(Value *p, const SqlType *t){
  memset(p, 0, sizeof(*p));
  p->type = t->id;
  p->isNull = 1;
}

static void fnInt(Value *p, const SqlType *t, int64_t v){
  memset(p, 0, sizeof(*p));
  p->type = t->id;
  p->u.i = v;
}

/* Integer value of a numeric argument (truncated). */
static int fnArgInt(ExecCtx *pCtx, const Expr *pArg, const Value *v, int64_t *pOut){
  static const SqlType tBig = { SQLT_BIGINT, 0, 0, 0, 0 };
  Value r;
  int rc = valueCast(v, &pArg->type, &tBig, pCtx->pScratch, &r, pCtx->pErr);
  if( rc ) return rc;
  *pOut = r.u.i;
  return ML_OK;
}

/* The string value of v as UTF-8 bytes (CHAR padding kept). */
static int fnTrim(ExecCtx *pCtx, const Expr *p, const Value *aArg, Value *pOut){
  const char *z = aArg[0].u.s.z;
  uint32_t n = aArg[0].u.s.n, c = ' ';
  int lead = p->op!=EXPR_FN_TRIM_TRAILING, trail = p->op!=EXPR_FN_TRIM_LEADING;
  if( p->nArg==2 ){
    if( aArg[1].u.s.n!=1 ){
      return mlErrorSetText(pCtx->pErr, ML_E_INVALID_USE, "TRIM character must be one character");
    }
    c = (unsigned char)aArg[1].u.s.z[0];
  }
  while( lead && n>0 && (unsigned char)z[0]==c ){ z++; n--; }
  while( trail && n>0 && (unsigned char)z[n-1]==c ) n--;
  *pOut = aArg[0];
  pOut->type = p->type.id;
  pOut->u.s.z = z;
  pOut->u.s.n = n;
  return ML_OK;
}

static int fnPutString(ExecCtx *pCtx, const SqlType *t, const char *z, uint32_t n, Value *pOut){
  char *zCopy = arenaAlloc(pCtx->pScratch, n+1);
  if( zCopy==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
  memcpy(zCopy, z, n);
  zCopy[n] = 0;
  memset(pOut, 0, sizeof(*pOut));
  pOut->type = t->id;
  pOut->u.s.z = zCopy;
  pOut->u.s.n = n;
  return ML_OK;
}

/* Numeric functions computed through Dec45 or double. */
static int fnNumeric(ExecCtx *pCtx, const Expr *p, const Value *aArg, Value *pOut){
  const SqlType *ta = &p->apArg[0]->type;
  int rc;
  if( SQLT_IS_IEEE(ta->id) ){
    double d = aArg[0].u.d, r;
    int64_t k = 0;
    if( p->nArg==2 ){
      rc = fnArgInt(pCtx, p->apArg[1], &aArg[1], &k);
      if( rc ) return rc;
    }
    switch( p->op ){
      case EXPR_FN_ABS: r = fabs(d); break;
      case EXPR_FN_SIGN: r = d>0 ? 1 : d<0 ? -1 : 0; break;
      case EXPR_FN_CEILING: r = ceil(d); break;
      case EXPR_FN_FLOOR: r = floor(d); break;
      case EXPR_FN_ROUND: { double f = pow(10, (double)k); r = round(d*f)/f; break; }
      default: { double f = pow(10, (double)k); r = trunc(d*f)/f; break; }
    }
    return valueFitDouble(r, 0, &p->type, pOut, pCtx->pErr);
  }else{
    Dec45 d, one;
    int64_t k = 0;
    valueNumToDec(&aArg[0], &d);
    if( p->nArg==2 ){
      rc = fnArgInt(pCtx, p->apArg[1], &aArg[1], &k);
      if( rc ) return rc;
    }
    switch( p->op ){
      case EXPR_FN_ABS:
        d.neg = 0;
        break;
      case EXPR_FN_SIGN:
        dec45FromInt64(&d, dec45IsZero(&d) ? 0 : d.neg ? -1 : 1);
        break;
      case EXPR_FN_CEILING: case EXPR_FN_FLOOR: {
        Dec45 t = d;
        int up;
        rc = dec45Round(&t, 45, 0, DEC45_TRUNCATE);
        if( rc ) return mlErrorSet(pCtx->pErr, rc, "");
        up = dec45Cmp(&t, &d)!=0 && ((p->op==EXPR_FN_CEILING) != (d.neg!=0));
        if( up ){
          dec45FromInt64(&one, d.neg ? -1 : 1);
          rc = dec45Add(&t, &one, &t);
          if( rc ) return mlErrorSet(pCtx->pErr, rc, "");
        }
        d = t;
        break;
      }
      default: {
        int s = (int)(k<0 ? 0 : k>45 ? 45 : k);
        int digits = dec45Digits(&d) + 1;
        if( digits>45 ) digits = 45;
        if( digits<s+1 ) digits = s+1 > 45 ? 45 : s+1;
        rc = dec45Round(&d, digits, s, p->op==EXPR_FN_ROUND ? DEC45_HALF_UP : DEC45_TRUNCATE);
        if( rc ) return mlErrorSet(pCtx->pErr, rc, "");
        break;
      }
    }
    return valueFitDec(&d, &p->type, pOut, pCtx->pErr);
  }
}

/*
** OVERLAY(s PLACING r FROM n [FOR m]) (SQL:2016 6.32): SUBSTRING(s FROM 1
** FOR n-1) || r || SUBSTRING(s FROM n+m), m defaulting to the length of r,
** in characters (UTF-8) or octets.  aArg are the non-null arguments; the
** result is built in the scratch arena.  n < 1 is ML_E_SUBSTRING, as the
** first SUBSTRING's negative length is.
*/
static int fnOverlay(ExecCtx *pCtx, const Expr *p, const Value *aArg, Value *pOut){
  const char *z = aArg[0].u.s.z, *zR = aArg[1].u.s.z;
  uint32_t n = aArg[0].u.s.n, nR = aArg[1].u.s.n, nHead, iTail, nTail;
  int bBin = SQLT_IS_BINARYSTR(aArg[0].type);
  int64_t iStart, nLen, iTailStart;
  char *zOut;
  int rc = fnArgInt(pCtx, p->apArg[2], &aArg[2], &iStart);
  if( rc ) return rc;
  nLen = bBin ? (int64_t)nR : (int64_t)strCharCount(zR, nR);
  if( p->nArg==4 ){
    rc = fnArgInt(pCtx, p->apArg[3], &aArg[3], &nLen);
    if( rc ) return rc;
  }
  if( iStart<1 ) return mlErrorSet(pCtx->pErr, ML_E_SUBSTRING, "");
  /* the tail's start n+m, saturated (iStart >= 1, so only m > 0 overflows) */
  iTailStart = nLen>0 && iStart>INT64_MAX-nLen ? INT64_MAX : iStart+nLen;
  if( bBin ){
    nHead = iStart-1 < (int64_t)n ? (uint32_t)(iStart-1) : n;
    iTail = iTailStart<=1 ? 0 : iTailStart-1<(int64_t)n ? (uint32_t)(iTailStart-1) : n;
    nTail = n-iTail;
  }else{
    uint32_t iOff;
    rc = strSubstring(z, n, 1, 1, iStart-1, &iOff, &nHead);
    if( rc==ML_OK ) rc = strSubstring(z, n, iTailStart, 0, -1, &iTail, &nTail);
    if( rc ) return mlErrorSet(pCtx->pErr, rc, "");
  }
  zOut = arenaAlloc(pCtx->pScratch, (size_t)nHead+nR+nTail+1);
  if( zOut==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
  memcpy(zOut, z, nHead);
  memcpy(zOut+nHead, zR, nR);
  memcpy(zOut+nHead+nR, z+iTail, nTail);
  *pOut = aArg[0];
  pOut->type = p->type.id;
  pOut->u.s.z = zOut;
  pOut->u.s.n = nHead+nR+nTail;
  return ML_OK;
}

/* Numeric argument pArg (value v) as a double. */
static int fnArgDouble(ExecCtx *pCtx, const Expr *pArg, const Value *v, double *pOut){
  static const SqlType tDouble = { SQLT_DOUBLE, 0, 0, 0, 0 };
  Value r;
  int rc;
  if( pArg->type.id==SQLT_GIS_LATITUDE || pArg->type.id==SQLT_GIS_LONGITUDE ){
    *pOut = v->u.d;
    return ML_OK;
  }
  rc = valueCast(v, &pArg->type, &tDouble, pCtx->pScratch, &r, pCtx->pErr);
  if( rc ) return rc;
  *pOut = r.u.d;
  return ML_OK;
}

/*
** The constructors and methods of the BUILTIN.GIS_* types (gis.h) on
** non-NULL arguments aArg; results never allocate except AS_TEXT's string
** in the scratch arena.
*/
static int fnGis(ExecCtx *pCtx, const Expr *p, const Value *aArg, Value *pOut){
  double a = 0, b = 0;
  int rc = ML_OK;
  switch( p->op ){
    case EXPR_FN_GIS_LATITUDE: case EXPR_FN_GIS_LONGITUDE:
      rc = fnArgDouble(pCtx, p->apArg[0], &aArg[0], &a);
      return rc ? rc : gisMakeDegrees(p->type.id, a, pOut, pCtx->pErr);
    case EXPR_FN_GIS_LOCATION:
      rc = fnArgDouble(pCtx, p->apArg[0], &aArg[0], &a);
      if( rc==ML_OK ) rc = fnArgDouble(pCtx, p->apArg[1], &aArg[1], &b);
      return rc ? rc : gisMakeLocation(a, b, pOut, pCtx->pErr);
    case EXPR_FN_GIS_COORDINATE: {
      static const SqlType tInt = { SQLT_INTEGER, 0, 0, 0, 0 };
      Value x, y;
      rc = valueCast(&aArg[0], &p->apArg[0]->type, &tInt, pCtx->pScratch, &x, pCtx->pErr);
      if( rc==ML_OK ) rc = valueCast(&aArg[1], &p->apArg[1]->type, &tInt, pCtx->pScratch, &y,
                                     pCtx->pErr);
      if( rc ) return rc;
      gisMakeCoordinate((int32_t)x.u.i, (int32_t)y.u.i, pOut);
      return ML_OK;
    }
    case EXPR_FN_GIS_AS_DOUBLE:
      return valueFitDouble(aArg[0].u.d, 0, &p->type, pOut, pCtx->pErr);
    case EXPR_FN_GIS_AS_DECIMAL: {
      /* the shortest decimal text of the degrees, rounded half up to the scale */
      char z[GIS_TEXT_MAX];
      Dec45 d;
      int n = gisDegreesText(aArg[0].u.d, z);
      rc = dec45Parse(&d, z, n, 0, 0);
      if( rc==ML_OK ) rc = dec45Round(&d, p->type.precision, p->type.scale, DEC45_HALF_UP);
      if( rc ) return mlErrorSet(pCtx->pErr, rc, "");
      return valueFitDec(&d, &p->type, pOut, pCtx->pErr);
    }
    case EXPR_FN_GIS_AS_TEXT: {
      char z[GIS_TEXT_MAX];
      int64_t fmt = 2;
      int n;
      if( p->nArg==2 ){
        rc = fnArgInt(pCtx, p->apArg[1], &aArg[1], &fmt);
        if( rc ) return rc;
      }
      n = gisDmsText(aArg[0].u.d, aArg[0].type==SQLT_GIS_LATITUDE, fmt, z);
      if( n<0 ) return mlErrorSet(pCtx->pErr, ML_E_INVALID_GIS, ", AS_TEXT format must be 1, 2 or 3");
      return fnPutString(pCtx, &p->type, z, (uint32_t)n, pOut);
    }
    case EXPR_FN_GIS_LATITUDE_OF:
      return gisMakeDegrees(SQLT_GIS_LATITUDE, aArg[0].u.loc.lat, pOut, pCtx->pErr);
    case EXPR_FN_GIS_LONGITUDE_OF:
      return gisMakeDegrees(SQLT_GIS_LONGITUDE, aArg[0].u.loc.lon, pOut, pCtx->pErr);
    case EXPR_FN_GIS_X: case EXPR_FN_GIS_Y:
      fnInt(pOut, &p->type, p->op==EXPR_FN_GIS_X ? aArg[0].u.xy.x : aArg[0].u.xy.y);
      return ML_OK;
    default: {
      const Value *v = &aArg[0], *ll = &aArg[1], *ur = &aArg[2];
      assert( p->op==EXPR_FN_GIS_INSIDE_RECTANGLE );
      fnInt(pOut, &p->type, v->u.xy.x>=ll->u.xy.x && v->u.xy.x<=ur->u.xy.x
                            && v->u.xy.y>=ll->u.xy.y && v->u.xy.y<=ur->u.xy.y);
      return ML_OK;
    }
  }
}

int exprFuncEval(ExecCtx *pCtx, const Expr *p, Value *pOut){
  Value aArg[4];
  int rc, i, nEval = p->nArg;
  if( p->op==EXPR_FN_COALESCE ){
    for(i=0; i<p->nArg; i++){
      Value v;
      rc = exprEval(pCtx, p->apArg[i], &v);
      if( rc ) return rc;
      if( !v.isNull ){
        return valueCast(&v, &p->apArg[i]->type, &p->type, pCtx->pScratch, pOut, pCtx->pErr);
      }
    }
    fnNull(pOut, &p->type);
    return ML_OK;
  }
  assert( nEval<=4 );
  for(i=0; i<nEval; i++){
    rc = exprEval(pCtx, p->apArg[i], &aArg[i]);
    if( rc ) return rc;
  }
  if( p->op==EXPR_FN_NULLIF ){
    int cmp;
    if( aArg[0].isNull ){ fnNull(pOut, &p->type); return ML_OK; }
    if( !aArg[1].isNull ){
      rc = valueCompare(&aArg[0], &p->apArg[0]->type, &aArg[1], &p->apArg[1]->type, &cmp);
      if( rc ) return mlErrorSet(pCtx->pErr, rc, "operands", "NULLIF");
      if( cmp==0 ){ fnNull(pOut, &p->type); return ML_OK; }
    }
    return valueCast(&aArg[0], &p->apArg[0]->type, &p->type, pCtx->pScratch, pOut, pCtx->pErr);
  }
  for(i=0; i<nEval; i++){
    if( aArg[i].isNull ){ fnNull(pOut, &p->type); return ML_OK; }
  }
  switch( p->op ){
    case EXPR_FN_UPPER: case EXPR_FN_LOWER: {
      const char *z; uint32_t n;
      rc = strCaseMap(pCtx->pScratch, aArg[0].u.s.z, aArg[0].u.s.n, p->op==EXPR_FN_UPPER,
                      !SQLT_IS_NATIONAL(p->type.id), &z, &n);
      if( rc ) return mlErrorSet(pCtx->pErr, rc);
      *pOut = aArg[0];
      pOut->type = p->type.id;
      pOut->u.s.z = z;
      pOut->u.s.n = n;
      return ML_OK;
    }
    case EXPR_FN_CHAR_LENGTH: case EXPR_FN_CHARACTER_LENGTH:
      if( SQLT_IS_BINARYSTR(aArg[0].type) ){ fnInt(pOut, &p->type, aArg[0].u.s.n); return ML_OK; }
      fnInt(pOut, &p->type, strCharCount(aArg[0].u.s.z, aArg[0].u.s.n));
      return ML_OK;
    case EXPR_FN_OCTET_LENGTH:
      fnInt(pOut, &p->type, aArg[0].u.s.n);
      return ML_OK;
    case EXPR_FN_ABS: case EXPR_FN_SIGN: case EXPR_FN_CEILING: case EXPR_FN_FLOOR:
    case EXPR_FN_ROUND: case EXPR_FN_TRUNCATE:
      return fnNumeric(pCtx, p, aArg, pOut);
    case EXPR_FN_MOD: {
      Value q, m;
      SqlType tq = p->type;
      rc = valueArith(TYPE_OP_DIV, &aArg[0], &p->apArg[0]->type, &aArg[1], &p->apArg[1]->type,
                      &tq, &q, pCtx->pErr);
      if( rc==ML_OK ) rc = valueArith(TYPE_OP_MUL, &q, &tq, &aArg[1], &p->apArg[1]->type,
                                      &tq, &m, pCtx->pErr);
      if( rc==ML_OK ) rc = valueArith(TYPE_OP_SUB, &aArg[0], &p->apArg[0]->type, &m, &tq,
                                      &p->type, pOut, pCtx->pErr);
      return rc;
    }
    case EXPR_FN_SUBSTRING: {
      int64_t iStart, nLen = -1;
      uint32_t iOff, nOut;
      rc = fnArgInt(pCtx, p->apArg[1], &aArg[1], &iStart);
      if( rc==ML_OK && p->nArg==3 ) rc = fnArgInt(pCtx, p->apArg[2], &aArg[2], &nLen);
      if( rc ) return rc;
      if( SQLT_IS_BINARYSTR(aArg[0].type) ){
        int64_t s = iStart-1, e = p->nArg==3 ? iStart-1+nLen : (int64_t)aArg[0].u.s.n;
        if( p->nArg==3 && nLen<0 ) return mlErrorSet(pCtx->pErr, ML_E_SUBSTRING, "");
        if( s<0 ) s = 0;
        if( e>(int64_t)aArg[0].u.s.n ) e = aArg[0].u.s.n;
        if( e<s ) e = s;
        iOff = (uint32_t)s; nOut = (uint32_t)(e-s);
      }else{
        rc = strSubstring(aArg[0].u.s.z, aArg[0].u.s.n, iStart, p->nArg==3, nLen, &iOff, &nOut);
        if( rc ) return mlErrorSet(pCtx->pErr, rc, "");
      }
      *pOut = aArg[0];
      pOut->type = p->type.id;
      pOut->u.s.z += iOff;
      pOut->u.s.n = nOut;
      return ML_OK;
    }
    case EXPR_FN_OVERLAY:
      return fnOverlay(pCtx, p, aArg, pOut);
    case EXPR_FN_TRIM_BOTH: case EXPR_FN_TRIM_LEADING: case EXPR_FN_TRIM_TRAILING:
      return fnTrim(pCtx, p, aArg, pOut);
    case EXPR_FN_POSITION: {
      const char *zN = aArg[0].u.s.z, *zH = aArg[1].u.s.z;
      uint32_t nN = aArg[0].u.s.n, nH = aArg[1].u.s.n, k;
      if( nN==0 ){ fnInt(pOut, &p->type, 1); return ML_OK; }
      for(k=0; k+nN<=nH; k++){
        if( memcmp(zH+k, zN, nN)==0 ){
          fnInt(pOut, &p->type, strCharCount(zH, k)+1);
          return ML_OK;
        }
      }
      fnInt(pOut, &p->type, 0);
      return ML_OK;
    }
    case EXPR_FN_LEFT: case EXPR_FN_RIGHT: {
      int64_t k;
      uint32_t nChar = strCharCount(aArg[0].u.s.z, aArg[0].u.s.n), iOff;
      rc = fnArgInt(pCtx, p->apArg[1], &aArg[1], &k);
      if( rc ) return rc;
      if( k<0 ) k = 0;
      if( k>nChar ) k = nChar;
      *pOut = aArg[0];
      pOut->type = p->type.id;
      if( p->op==EXPR_FN_LEFT ){
        pOut->u.s.n = strCharOffset(aArg[0].u.s.z, aArg[0].u.s.n, (uint32_t)k);
      }else{
        iOff = strCharOffset(aArg[0].u.s.z, aArg[0].u.s.n, nChar-(uint32_t)k);
        pOut->u.s.z += iOff;
        pOut->u.s.n -= iOff;
      }
      return ML_OK;
    }
    case EXPR_FN_REPLACE: case EXPR_FN_REPEAT: {
      StrBuf b;
      strbufInit(&b, 0, 0);
      if( p->op==EXPR_FN_REPEAT ){
        int64_t k;
        rc = fnArgInt(pCtx, p->apArg[1], &aArg[1], &k);
        if( rc ) return rc;
        while( k-->0 && b.n<=15000*4 ) strbufAppend(&b, aArg[0].u.s.z, aArg[0].u.s.n);
      }else{
        const char *z = aArg[0].u.s.z, *zF = aArg[1].u.s.z;
        uint32_t n = aArg[0].u.s.n, nF = aArg[1].u.s.n, k = 0;
        while( k<n ){
          if( nF>0 && k+nF<=n && memcmp(z+k, zF, nF)==0 ){
            strbufAppend(&b, aArg[2].u.s.z, aArg[2].u.s.n);
            k += nF;
          }else{
            strbufAppendByte(&b, (unsigned char)z[k++]);
          }
        }
      }
      rc = strbufError(&b);
      if( rc==ML_OK ) rc = fnPutString(pCtx, &p->type, (const char*)b.a, (uint32_t)b.n, pOut);
      else mlErrorSet(pCtx->pErr, rc);
      strbufFree(&b);
      return rc;
    }
    case EXPR_FN_EXTRACT: {
      const Value *v = &aArg[0];
      int y, m, d;
      int64_t r = 0;
      SqlDate date = v->type==SQLT_DATE ? v->u.date : v->u.ts.date;
      SqlTime t = v->type==SQLT_TIME ? v->u.time : v->u.ts.time;
      if( v->type==SQLT_INTERVAL ){
        return mlErrorSet(pCtx->pErr, ML_E_NOT_SUPPORTED, "EXTRACT from an interval");
      }
      dtDateToYmd(date, &y, &m, &d);
      switch( p->field ){
        case IVK_YEAR: r = y; break;
        case IVK_MONTH: r = m; break;
        case IVK_DAY: r = d; break;
        case IVK_HOUR: r = t / (3600*DT_NANOS_PER_SEC); break;
        case IVK_MINUTE: r = (t / (60*DT_NANOS_PER_SEC)) % 60; break;
        default: {
          Dec45 sec;
          dec45FromInt64(&sec, t % (60*DT_NANOS_PER_SEC));
          sec.exponent -= 9;
          return valueFitDec(&sec, &p->type, pOut, pCtx->pErr);
        }
      }
      fnInt(pOut, &p->type, r);
      return ML_OK;
    }
    case EXPR_FN_ASCII_CODE: case EXPR_FN_UNICODE_CODE: {
      uint32_t c = 0, k = 0, n = aArg[0].u.s.n;
      const unsigned char *z = (const unsigned char*)aArg[0].u.s.z;
      if( n==0 ){ fnNull(pOut, &p->type); return ML_OK; }
      c = z[0];
      if( c>=0x80 ){
        int nb = c>=0xF0 ? 4 : c>=0xE0 ? 3 : 2;
        c &= (0x7F >> nb);
        for(k=1; k<(uint32_t)nb && k<n; k++) c = (c<<6) | (z[k] & 0x3F);
      }
      fnInt(pOut, &p->type, c);
      return ML_OK;
    }
    case EXPR_FN_ASCII_CHAR: case EXPR_FN_UNICODE_CHAR: {
      int64_t c;
      char a[4];
      uint32_t n;
      rc = fnArgInt(pCtx, p->apArg[0], &aArg[0], &c);
      if( rc ) return rc;
      if( c<0 || c>(p->op==EXPR_FN_ASCII_CHAR ? 255 : 0x10FFFF) ){ fnNull(pOut, &p->type); return ML_OK; }
      if( c<0x80 ){ a[0] = (char)c; n = 1; }
      else if( c<0x800 ){ a[0] = (char)(0xC0|(c>>6)); a[1] = (char)(0x80|(c&0x3F)); n = 2; }
      else if( c<0x10000 ){ a[0] = (char)(0xE0|(c>>12)); a[1] = (char)(0x80|((c>>6)&0x3F));
                            a[2] = (char)(0x80|(c&0x3F)); n = 3; }
      else { a[0] = (char)(0xF0|(c>>18)); a[1] = (char)(0x80|((c>>12)&0x3F));
             a[2] = (char)(0x80|((c>>6)&0x3F)); a[3] = (char)(0x80|(c&0x3F)); n = 4; }
      return fnPutString(pCtx, &p->type, a, n, pOut);
    }
    case EXPR_FN_GIS_LATITUDE: case EXPR_FN_GIS_LONGITUDE: case EXPR_FN_GIS_LOCATION:
    case EXPR_FN_GIS_COORDINATE: case EXPR_FN_GIS_AS_DECIMAL: case EXPR_FN_GIS_AS_DOUBLE:
    case EXPR_FN_GIS_AS_TEXT: case EXPR_FN_GIS_LATITUDE_OF: case EXPR_FN_GIS_LONGITUDE_OF:
    case EXPR_FN_GIS_X: case EXPR_FN_GIS_Y: case EXPR_FN_GIS_INSIDE_RECTANGLE:
      return fnGis(pCtx, p, aArg, pOut);
    case EXPR_FN_UUID_NEW:
      /* a random (version 4, RFC 4122 variant) UUID */
      memset(pOut, 0, sizeof(*pOut));
      pOut->type = SQLT_UUID;
      randombytes_buf(pOut->u.uuid, sizeof(pOut->u.uuid));
      pOut->u.uuid[6] = (uint8_t)((pOut->u.uuid[6]&0x0F)|0x40);
      pOut->u.uuid[8] = (uint8_t)((pOut->u.uuid[8]&0x3F)|0x80);
      return ML_OK;
    case EXPR_FN_UUID_FROM_TEXT: case EXPR_FN_UUID_AS_TEXT:
      /* CAST's conversions: 8-4-4-4-12 text (-10310 otherwise), lower-case text */
      return valueCast(&aArg[0], &p->apArg[0]->type, &p->type, pCtx->pScratch, pOut, pCtx->pErr);
    default:
      assert( 0 );
      return mlErrorSet(pCtx->pErr, ML_E_INTERNAL, "unknown function");
  }
}
