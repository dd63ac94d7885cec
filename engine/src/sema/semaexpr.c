/*
** Expression compilation (sema/ layer): AstExpr -> typed Expr.  Column
** references resolve through the scope chain, literals are typed by
** types/format.h, operators by types/typesys.h, parameter markers take
** their type from the other operand (or the CAST, or the target column,
** set by plan/).  Above an aggregation (SemaScope.pGroup) an expression
** equal to a GROUP BY expression, or a set function, becomes a register
** reference; any other column reference there is -12205.
*/
#include "sema/sema.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "sql/parse.h"
#include "types/cast.h"
#include "types/datetime.h"
#include "types/format.h"
#include "types/typesys.h"

static const SqlType tBool = { SQLT_BOOLEAN, 0, 0, 0, 0 };
static const SqlType tInt = { SQLT_INTEGER, 0, 0, 0, 0 };
static const SqlType tBig = { SQLT_BIGINT, 0, 0, 0, 0 };

#define SEMA_NOMEM(p) mlErrorSet((p)->pErr, ML_E_NOMEM)

static int semaIsUntyped(const Expr *e){ return e->type.id==SQLT_NULL; }

void semaSetType(Sema *p, Expr *e, const SqlType *t){
  if( !semaIsUntyped(e) || t->id==SQLT_NULL ) return;
  e->type = *t;
  if( e->kind==EXPR_PARAM ){
    p->aParamType[e->iReg] = *t;
  }else if( e->kind==EXPR_CONST ){
    e->v.type = t->id;
  }
}

int semaCheckParams(Sema *p){
  int i;
  for(i=0; i<p->nParam; i++){
    if( p->aParamType[i].id==SQLT_NULL ) return mlErrorSet(p->pErr, ML_E_PARAM_TYPE);
  }
  return ML_OK;
}

/* Make the two operands agree on untyped parameters / NULLs. */
static void semaPair(Sema *p, Expr *a, Expr *b){
  if( semaIsUntyped(a) && !semaIsUntyped(b) ) semaSetType(p, a, &b->type);
  else if( semaIsUntyped(b) && !semaIsUntyped(a) ) semaSetType(p, b, &a->type);
}

/*
** As semaPair, for the operands of || and LIKE: a marker takes the widest
** varying type of the other operand's kind (VARCHAR(15000), NVARCHAR(5000),
** VARBINARY(15000)), as its value's length has nothing to do with the
** other's ('%' || ? is not CHAR(1), a pattern is often longer than the
** column it matches).
*/
static void semaPairWide(Sema *p, Expr *a, Expr *b){
  Expr *m = semaIsUntyped(a) ? a : b, *o = m==a ? b : a;
  if( m->kind==EXPR_PARAM && semaIsUntyped(m) && !semaIsUntyped(o) ){
    SqlType t;
    memset(&t, 0, sizeof(t));
    if( SQLT_IS_NATIONAL(o->type.id) ){
      t.id = SQLT_NVARCHAR; t.length = TYPE_NCHAR_MAX;
    }else if( SQLT_IS_CHARACTER(o->type.id) ){
      t.id = SQLT_VARCHAR; t.length = TYPE_CHAR_MAX;
    }else if( SQLT_IS_BINARYSTR(o->type.id) ){
      t.id = SQLT_VARBINARY; t.length = TYPE_CHAR_MAX;
    }else{
      t = o->type;
    }
    semaSetType(p, m, &t);
  }
  semaPair(p, a, b);
}

static int semaLiteral(Sema *p, const AstLiteral *pLit, Expr **ppOut){
  Expr *e = semaNewExpr(p, EXPR_CONST, 0);
  int rc = ML_OK;
  if( e==0 ) return SEMA_NOMEM(p);
  switch( pLit->cls ){
    case ALIT_NULL: case ALIT_UNKNOWN:
      e->type.id = pLit->cls==ALIT_UNKNOWN ? SQLT_BOOLEAN : SQLT_NULL;
      e->v.isNull = 1;
      e->v.type = e->type.id;
      break;
    case ALIT_BOOLEAN:
      e->type = tBool;
      e->v.type = SQLT_BOOLEAN;
      e->v.u.i = pLit->bVal;
      break;
    case ALIT_EXACT: case ALIT_APPROX:
      rc = valueNumericLiteral(pLit->z, pLit->n, &e->v, &e->type, p->pErr);
      break;
    case ALIT_CHAR: case ALIT_NCHAR: case ALIT_UNICODE:
      rc = valueStringLiteral(pLit->z, pLit->n, pLit->cls!=ALIT_CHAR, &e->v, &e->type, p->pErr);
      break;
    case ALIT_BINARY:
      /* the parser has decoded the hex digits */
      e->type.id = SQLT_BINARY;
      e->type.length = pLit->n ? pLit->n : 1;
      e->v.type = SQLT_BINARY;
      e->v.u.s.z = pLit->z;
      e->v.u.s.n = pLit->n;
      break;
    case ALIT_DATE:
      rc = valueDatetimeLiteral(SQLT_DATE, pLit->z, pLit->n, &e->v, &e->type, p->pErr);
      break;
    case ALIT_TIME:
      rc = valueDatetimeLiteral(SQLT_TIME, pLit->z, pLit->n, &e->v, &e->type, p->pErr);
      break;
    case ALIT_TIMESTAMP:
      rc = valueDatetimeLiteral(SQLT_TIMESTAMP, pLit->z, pLit->n, &e->v, &e->type, p->pErr);
      break;
    case ALIT_INTERVAL:
      rc = semaDeclaredType(p, pLit->pType, &e->type, 0);
      if( rc==ML_OK ){
        rc = dtParseInterval(pLit->z, (int)pLit->n, &e->type, &e->v.u.iv);
        if( rc ) rc = mlErrorSet(p->pErr, rc, "");
      }
      if( rc==ML_OK && pLit->neg ){
        e->v.u.iv.months = -e->v.u.iv.months;
        e->v.u.iv.seconds = -e->v.u.iv.seconds;
        e->v.u.iv.nanos = -e->v.u.iv.nanos;
      }
      e->v.type = SQLT_INTERVAL;
      break;
    default:
      return mlErrorSet(p->pErr, ML_E_INTERNAL, "literal class");
  }
  *ppOut = e;
  return rc;
}

/*
** CAST(x AS domain): when the domain has a CHECK, wrap the cast *ppE in an
** EXPR_DOMAIN_CHECK that evaluates the condition on the cast value (SQL
** standard: a cast to a domain applies its constraints).  The condition
** is parsed from the catalog's text with VALUE as a column of a one-column
** scope whose register receives the value.
*/
static int semaDomainCheck(Sema *p, const AstType *pType, Expr **ppE){
  const CatDomain *pDom;
  AstExpr *pAst = 0;
  SemaScope scope;
  SemaItem *pItem;
  Expr *e, *pCond = 0;
  static const char zValueCol[] = "\001value";
  size_t nCons, nDom;
  char *z;
  int rc;
  if( (pType->given & ATYPE_USER)==0 ) return ML_OK;
  pDom = catFindDomain(p->pCat, pType->udt.schema.z ? pType->udt.schema.z : p->zSchema,
                       pType->udt.name.z);
  if( pDom==0 || pDom->zCheck==0 ) return ML_OK;
  rc = sqlParseExpr(p->pA, pDom->zCheck, strlen(pDom->zCheck), &pAst, p->pErr);
  if( rc ) return rc;
  catDomainCheckWalk(pAst, zValueCol);
  pItem = arenaAlloc(p->pA, sizeof(SemaItem));
  if( pItem==0 ) return SEMA_NOMEM(p);
  memset(pItem, 0, sizeof(*pItem));
  pItem->zName = "";
  pItem->nCol = 1;
  pItem->azCol = arenaAlloc(p->pA, sizeof(char*));
  pItem->aType = arenaAlloc(p->pA, sizeof(SqlType));
  if( pItem->azCol==0 || pItem->aType==0 ) return SEMA_NOMEM(p);
  pItem->azCol[0] = zValueCol;
  pItem->aType[0] = pDom->type;
  pItem->iRegBase = semaAllocRegs(p, 1);
  memset(&scope, 0, sizeof(scope));
  rc = semaScopeAdd(p, &scope, pItem);
  if( rc==ML_OK ) rc = semaCond(p, &scope, pAst, &pCond);
  if( rc ) return rc;
  e = semaNewExpr(p, EXPR_DOMAIN_CHECK, &(*ppE)->type);
  nCons = strlen(pDom->zConsName ? pDom->zConsName : "");
  nDom = strlen(pDom->zSchema) + 1 + strlen(pDom->zName);
  z = arenaAlloc(p->pA, nCons + 1 + nDom + 1);
  if( e==0 || z==0 ) return SEMA_NOMEM(p);
  snprintf(z, nCons+1, "%s", pDom->zConsName ? pDom->zConsName : "");
  snprintf(z+nCons+1, nDom+1, "%s.%s", pDom->zSchema, pDom->zName);
  e->pA = *ppE;
  e->pB = pCond;
  e->iReg = pItem->iRegBase;
  e->zName = z;
  *ppE = e;
  return ML_OK;
}

/* Find column name zCol (qualified by zTab / zSchema if given) in pScope. */
static int semaFindColumn(Sema *p, SemaScope *pScope, const AstColumnRef *pRef,
                          Expr **ppOut){
  const char *zCol = pRef->aPart[pRef->nPart-1].z;
  const char *zTab = pRef->nPart>=2 ? pRef->aPart[pRef->nPart-2].z : 0;
  const char *zSchema = pRef->nPart==3 ? pRef->aPart[0].z : 0;
  SemaScope *s;
  for(s=pScope; s; s=s->pOuter){
    SemaItem *pFound = 0;
    int iFound = -1, i, j;
    for(i=0; i<s->nItem; i++){
      SemaItem *pItem = s->apItem[i];
      if( zTab && !catNameEq(pItem->zName, zTab) ) continue;
      if( zSchema && (pItem->zSchema==0 || !catNameEq(pItem->zSchema, zSchema)) ) continue;
      for(j=0; j<pItem->nCol; j++){
        if( zTab==0 && pItem->aHidden && pItem->aHidden[j] ) continue;
        if( catNameEq(pItem->azCol[j], zCol) ){
          if( pFound ) return mlErrorSet(p->pErr, ML_E_AMBIGUOUS_COLUMN, zCol);
          pFound = pItem;
          iFound = j;
        }
      }
    }
    if( pFound ){
      if( s!=pScope && pScope->pGroup==0 && s->pGroup ){
        /* an outer reference into a grouped query: only grouping columns */
        return mlErrorSet(p->pErr, ML_E_GROUPING, zCol);
      }
      *ppOut = semaRegExpr(p, pFound->iRegBase+iFound, &pFound->aType[iFound]);
      return *ppOut ? ML_OK : SEMA_NOMEM(p);
    }
  }
  return mlErrorSet(p->pErr, ML_E_COLUMN_NOT_FOUND, zCol);
}

/* Compile both operands of a binary node. */
static int semaOperands(Sema *p, SemaScope *pScope, AstExpr *e, Expr **ppA, Expr **ppB){
  int rc = semaExpr(p, pScope, e->pLeft, ppA);
  if( rc==ML_OK ) rc = semaExpr(p, pScope, e->pRight, ppB);
  return rc;
}

int semaComparison(Sema *p, int op, Expr *a, Expr *b, Expr **ppOut){
  Expr *e;
  int rc;
  semaPair(p, a, b);
  rc = typeCheckComparable(&a->type, &b->type, p->pErr);
  if( rc ) return rc;
  e = semaNewExpr(p, EXPR_CMP, &tBool);
  if( e==0 ) return SEMA_NOMEM(p);
  e->op = (uint8_t)op;
  e->pA = a;
  e->pB = b;
  *ppOut = e;
  return ML_OK;
}

static int semaBool(Sema *p, Expr *e){
  if( semaIsUntyped(e) ) semaSetType(p, e, &tBool);
  if( e->type.id!=SQLT_BOOLEAN ){
    return mlErrorSet(p->pErr, ML_E_TYPE_MISMATCH, "BOOLEAN", "a non-boolean operand");
  }
  return ML_OK;
}

/* A subquery compiled through plan/ with pScope as its outer scope. */
static int semaSubquery(Sema *p, SemaScope *pScope, AstQuery *pQuery, int op, Expr *pLeft,
                        Expr **ppOut){
  ExecOp *pOp = 0;
  Expr *e;
  SemaScope outer;
  int rc;
  memset(&outer, 0, sizeof(outer));
  rc = p->xPlanQuery(p, pScope ? pScope : &outer, pQuery, &pOp);
  if( rc ) return rc;
  if( op!=EXPR_SQ_EXISTS && pOp->nOut!=1 ){
    return mlErrorSetText(p->pErr, ML_E_COLUMN_COUNT, "Subquery must return one column");
  }
  e = semaNewExpr(p, EXPR_SUBQ, op==EXPR_SQ_SCALAR ? &pOp->aOutType[0] : &tBool);
  if( e==0 ) return SEMA_NOMEM(p);
  e->op = (uint8_t)op;
  e->pSub = pOp;
  e->iReg = pOp->aiOut[0];
  e->subType = pOp->aOutType[0];
  e->pA = pLeft;
  if( pLeft ){
    Expr tmp;
    memset(&tmp, 0, sizeof(tmp));
    tmp.type = e->subType;
    semaPair(p, pLeft, &tmp);
    rc = typeCheckComparable(&pLeft->type, &e->subType, p->pErr);
    if( rc ) return rc;
  }
  *ppOut = e;
  return ML_OK;
}

/* Character result type of a string function on type t. */
static SqlType semaVaryingOf(const SqlType *t){
  SqlType r = *t;
  if( r.id==SQLT_CHAR ) r.id = SQLT_VARCHAR;
  else if( r.id==SQLT_NCHAR ) r.id = SQLT_NVARCHAR;
  else if( r.id==SQLT_BINARY ) r.id = SQLT_VARBINARY;
  return r;
}

/* 1 if e has type id or is untyped (an untyped e gets type id). */
static int semaGisArg(Sema *p, Expr *e, int id){
  SqlType t = { 0, 0, 0, 0, 0 };
  t.id = (uint8_t)id;
  semaSetType(p, e, &t);
  return e->type.id==id;
}

/*
** Argument and result types of the BUILTIN.GIS_* constructors and methods
** (expr/func.c evaluates them): constructors take numbers (untyped
** markers become DOUBLE PRECISION, INTEGER for GIS_COORDINATE; the
** location constructor also takes a GIS_LATITUDE and a GIS_LONGITUDE);
** methods check their instance's type.  ML_E_TYPE_MISMATCH otherwise.
*/
static int semaGisCall(Sema *p, Expr *e){
  static const SqlType tDouble = { SQLT_DOUBLE, 0, 0, 0, 0 };
  int fn = e->op, i, ok = 1;
  Expr *x = e->apArg[0];
  switch( fn ){
    case EXPR_FN_GIS_LATITUDE: case EXPR_FN_GIS_LONGITUDE:
    case EXPR_FN_GIS_LOCATION: case EXPR_FN_GIS_COORDINATE:
      for(i=0; i<e->nArg; i++){
        Expr *a = e->apArg[i];
        semaSetType(p, a, fn==EXPR_FN_GIS_COORDINATE ? &tInt : &tDouble);
        ok &= SQLT_IS_NUMERIC(a->type.id) || a->type.id==SQLT_NULL
           || (fn==EXPR_FN_GIS_LOCATION && a->type.id==(i==0 ? SQLT_GIS_LATITUDE : SQLT_GIS_LONGITUDE));
      }
      e->type = typeSimple(fn==EXPR_FN_GIS_LATITUDE ? SQLT_GIS_LATITUDE
                           : fn==EXPR_FN_GIS_LONGITUDE ? SQLT_GIS_LONGITUDE
                           : fn==EXPR_FN_GIS_LOCATION ? SQLT_GIS_LOCATION : SQLT_GIS_COORDINATE);
      break;
    case EXPR_FN_GIS_AS_DECIMAL: case EXPR_FN_GIS_AS_DOUBLE: case EXPR_FN_GIS_AS_TEXT:
      ok = x->type.id==SQLT_GIS_LATITUDE || x->type.id==SQLT_GIS_LONGITUDE;
      if( fn==EXPR_FN_GIS_AS_DECIMAL ){
        e->type.id = SQLT_DECIMAL;       /* 7 fraction digits: about 1 cm */
        e->type.precision = 10;
        e->type.scale = 7;
      }else if( fn==EXPR_FN_GIS_AS_DOUBLE ){
        e->type = tDouble;
      }else{
        e->type.id = SQLT_VARCHAR;
        e->type.length = 20;
        if( e->nArg==2 ){
          semaSetType(p, e->apArg[1], &tInt);
          ok &= SQLT_IS_EXACT(e->apArg[1]->type.id);
        }
      }
      break;
    case EXPR_FN_GIS_LATITUDE_OF: case EXPR_FN_GIS_LONGITUDE_OF:
      ok = x->type.id==SQLT_GIS_LOCATION;
      e->type = typeSimple(fn==EXPR_FN_GIS_LATITUDE_OF ? SQLT_GIS_LATITUDE : SQLT_GIS_LONGITUDE);
      break;
    case EXPR_FN_GIS_X: case EXPR_FN_GIS_Y:
      ok = x->type.id==SQLT_GIS_COORDINATE;
      e->type = tInt;
      break;
    default:
      assert( fn==EXPR_FN_GIS_INSIDE_RECTANGLE );
      ok = x->type.id==SQLT_GIS_COORDINATE && semaGisArg(p, e->apArg[1], SQLT_GIS_COORDINATE)
        && semaGisArg(p, e->apArg[2], SQLT_GIS_COORDINATE);
      e->type = tBool;
      break;
  }
  if( !ok ){
    char zType[TYPE_TEXT_MAX];
    typeFormat(&x->type, zType, sizeof(zType));
    return mlErrorSet(p->pErr, ML_E_TYPE_MISMATCH, exprFuncName(fn), zType);
  }
  return ML_OK;
}

/*
** Types of the BUILTIN.UUID routines (expr/func.c evaluates them):
** UUID_NEW() and UUID_FROM_TEXT(text) are BUILTIN.UUID, UUID_AS_TEXT(u)
** and the method u.AS_TEXT() VARCHAR(36).  An untyped marker is
** VARCHAR(36) / BUILTIN.UUID.  ML_E_TYPE_MISMATCH for other arguments.
*/
static int semaUuidCall(Sema *p, Expr *e){
  SqlType tText = { SQLT_VARCHAR, 0, 0, 0, 0 };
  SqlType tUuid = typeSimple(SQLT_UUID);
  tText.length = 36;
  if( e->op==EXPR_FN_UUID_NEW ){
    e->type = tUuid;
    return ML_OK;
  }
  if( e->op==EXPR_FN_UUID_FROM_TEXT ){
    Expr *x = e->apArg[0];
    semaSetType(p, x, &tText);
    if( !SQLT_IS_CHARACTER(x->type.id) || SQLT_IS_LOB(x->type.id) ){
      return mlErrorSet(p->pErr, ML_E_TYPE_MISMATCH, exprFuncName(e->op), "a non-character operand");
    }
    e->type = tUuid;
    return ML_OK;
  }
  semaSetType(p, e->apArg[0], &tUuid);
  if( e->apArg[0]->type.id!=SQLT_UUID ){
    return mlErrorSet(p->pErr, ML_E_TYPE_MISMATCH, exprFuncName(e->op), "a non-UUID operand");
  }
  e->type = tText;
  return ML_OK;
}

static int semaFuncCall(Sema *p, SemaScope *pScope, AstExpr *ae, int fn, int nArg,
                        AstExpr **apArg, Expr **ppOut){
  Expr *e = semaNewExpr(p, EXPR_FUNC, 0);
  int i, rc = ML_OK;
  if( e==0 ) return SEMA_NOMEM(p);
  e->op = (uint8_t)fn;
  e->nArg = nArg;
  e->apArg = arenaAlloc(p->pA, sizeof(Expr*)*(nArg+1));
  if( e->apArg==0 ) return SEMA_NOMEM(p);
  for(i=0; rc==ML_OK && i<nArg; i++) rc = semaExpr(p, pScope, apArg[i], &e->apArg[i]);
  if( rc ) return rc;
  /* u.AS_TEXT() of a BUILTIN.UUID u is the UUID's method, not the GIS one */
  if( fn==EXPR_FN_GIS_AS_TEXT && nArg==1 && e->apArg[0]->type.id==SQLT_UUID ){
    e->op = (uint8_t)(fn = EXPR_FN_UUID_AS_TEXT);
  }
  /* argument types of numeric positions */
  if( (fn==EXPR_FN_SUBSTRING && nArg>=2) || fn==EXPR_FN_LEFT || fn==EXPR_FN_RIGHT
   || fn==EXPR_FN_REPEAT || (fn==EXPR_FN_ROUND && nArg==2) || (fn==EXPR_FN_TRUNCATE && nArg==2) ){
    for(i=1; i<nArg; i++) semaSetType(p, e->apArg[i], &tInt);
  }
  if( fn==EXPR_FN_ASCII_CHAR || fn==EXPR_FN_UNICODE_CHAR ) semaSetType(p, e->apArg[0], &tInt);
  if( fn==EXPR_FN_OVERLAY ){
    for(i=2; i<nArg; i++) semaSetType(p, e->apArg[i], &tInt);
    semaPair(p, e->apArg[0], e->apArg[1]);
  }
  switch( fn ){
    case EXPR_FN_OVERLAY: {
      /* SQL:2016 6.32: the type of s || r (lengths add), varying. */
      const SqlType *t0 = &e->apArg[0]->type, *t1 = &e->apArg[1]->type;
      for(i=2; i<nArg; i++){
        if( !SQLT_IS_NUMERIC(e->apArg[i]->type.id) && e->apArg[i]->type.id!=SQLT_NULL ){
          return mlErrorSet(p->pErr, ML_E_TYPE_MISMATCH, "OVERLAY", "a non-numeric position");
        }
      }
      if( SQLT_IS_LOB(t0->id) || SQLT_IS_LOB(t1->id)
       || !(SQLT_IS_CHARACTER(t0->id) || SQLT_IS_BINARYSTR(t0->id)) ){
        return mlErrorSet(p->pErr, ML_E_TYPE_MISMATCH, "OVERLAY", "a non-string or LOB operand");
      }
      rc = typeResultArith(TYPE_OP_CONCAT, t0, t1, &e->type, p->pErr);
      if( rc ) return rc;
      e->type = semaVaryingOf(&e->type);
      break;
    }
    case EXPR_FN_COALESCE: case EXPR_FN_NULLIF: {
      SqlType t = e->apArg[0]->type;
      for(i=1; rc==ML_OK && i<nArg; i++){
        if( semaIsUntyped(e->apArg[i]) ) continue;
        if( t.id==SQLT_NULL ) t = e->apArg[i]->type;
        else rc = typeCommonSuper(&t, &e->apArg[i]->type, &t, p->pErr);
      }
      if( rc ) return rc;
      for(i=0; i<nArg; i++) semaSetType(p, e->apArg[i], &t);
      e->type = fn==EXPR_FN_NULLIF ? e->apArg[0]->type : t;
      break;
    }
    case EXPR_FN_CHAR_LENGTH: case EXPR_FN_CHARACTER_LENGTH: case EXPR_FN_OCTET_LENGTH:
    case EXPR_FN_POSITION: case EXPR_FN_ASCII_CODE: case EXPR_FN_UNICODE_CODE:
      e->type = tInt;
      break;
    case EXPR_FN_ASCII_CHAR:
      e->type.id = SQLT_CHAR; e->type.length = 1;
      break;
    case EXPR_FN_UNICODE_CHAR:
      e->type.id = SQLT_NCHAR; e->type.length = 1;
      break;
    case EXPR_FN_EXTRACT:
      if( ae->op==IVK_SECOND ){
        e->type.id = SQLT_DECIMAL; e->type.precision = 11; e->type.scale = 9;
      }else{
        e->type = tInt;
      }
      e->field = ae->op;
      if( !SQLT_IS_DATETIME(e->apArg[0]->type.id) ){
        return mlErrorSet(p->pErr, ML_E_TYPE_MISMATCH, "EXTRACT", "a non-datetime operand");
      }
      break;
    case EXPR_FN_REPEAT: case EXPR_FN_REPLACE:
      e->type = semaVaryingOf(&e->apArg[0]->type);
      if( SQLT_IS_CHARACTER(e->type.id) && !SQLT_IS_LOB(e->type.id) ){
        e->type.length = SQLT_IS_NATIONAL(e->type.id) ? 5000 : 15000;
      }
      break;
    case EXPR_FN_GIS_LATITUDE: case EXPR_FN_GIS_LONGITUDE: case EXPR_FN_GIS_LOCATION:
    case EXPR_FN_GIS_COORDINATE: case EXPR_FN_GIS_AS_DECIMAL: case EXPR_FN_GIS_AS_DOUBLE:
    case EXPR_FN_GIS_AS_TEXT: case EXPR_FN_GIS_LATITUDE_OF: case EXPR_FN_GIS_LONGITUDE_OF:
    case EXPR_FN_GIS_X: case EXPR_FN_GIS_Y: case EXPR_FN_GIS_INSIDE_RECTANGLE:
      rc = semaGisCall(p, e);
      if( rc ) return rc;
      break;
    case EXPR_FN_UUID_NEW: case EXPR_FN_UUID_FROM_TEXT: case EXPR_FN_UUID_AS_TEXT:
      rc = semaUuidCall(p, e);
      if( rc ) return rc;
      break;
    case EXPR_FN_ABS: case EXPR_FN_CEILING: case EXPR_FN_FLOOR: case EXPR_FN_ROUND:
    case EXPR_FN_TRUNCATE: case EXPR_FN_SIGN: case EXPR_FN_MOD:
      if( !SQLT_IS_NUMERIC(e->apArg[0]->type.id) ){
        return mlErrorSet(p->pErr, ML_E_TYPE_MISMATCH, exprFuncName(fn), "a non-numeric operand");
      }
      e->type = e->apArg[0]->type;
      break;
    default:
      if( semaIsUntyped(e->apArg[0]) && e->apArg[0]->kind==EXPR_PARAM ){
        return mlErrorSet(p->pErr, ML_E_PARAM_TYPE);   /* UPPER(?): nothing types it */
      }
      e->type = semaVaryingOf(&e->apArg[0]->type);
      if( !SQLT_IS_CHARACTER(e->type.id) && !SQLT_IS_BINARYSTR(e->type.id) ){
        return mlErrorSet(p->pErr, ML_E_TYPE_MISMATCH, exprFuncName(fn), "a non-string operand");
      }
      break;
  }
  *ppOut = e;
  return ML_OK;
}

static int semaAggregate(Sema *p, SemaScope *pScope, AstExpr *ae, Expr **ppOut){
  SemaGroup *g = pScope->pGroup;
  const char *zName = ae->u.func.name.name.z;
  ExecAgg agg;
  char *zText;
  int rc, i;
  rc = semaExprText(p, ae, &zText);
  if( rc ) return rc;
  for(i=0; i<g->nAgg; i++){
    if( strcmp(g->azAggText[i], zText)==0 ){
      *ppOut = semaRegExpr(p, g->aAgg[i].iReg, &g->aAgg[i].type);
      return *ppOut ? ML_OK : SEMA_NOMEM(p);
    }
  }
  memset(&agg, 0, sizeof(agg));
  agg.distinct = ae->u.func.quant==AFQ_DISTINCT;
  if( ae->u.func.isStar ){
    agg.fn = EXEC_AGG_COUNT_STAR;
    agg.type = tBig;
  }else{
    AstList *pArgs = ae->u.func.pArgs;
    if( pArgs==0 || pArgs->n!=1 ){
      return mlErrorSet(p->pErr, ML_E_INVALID_USE, zName);
    }
    pScope->bAggInput = 1;
    rc = semaExpr(p, pScope, pArgs->a[0], &agg.pArg);
    pScope->bAggInput = 0;
    if( rc ) return rc;
    if( strcasecmp(zName, "COUNT")==0 ){
      agg.fn = EXEC_AGG_COUNT;
      agg.type = tBig;
    }else if( strcasecmp(zName, "MIN")==0 || strcasecmp(zName, "MAX")==0 ){
      agg.fn = strcasecmp(zName, "MIN")==0 ? EXEC_AGG_MIN : EXEC_AGG_MAX;
      agg.type = agg.pArg->type;
    }else{
      const SqlType *t = &agg.pArg->type;
      agg.fn = strcasecmp(zName, "SUM")==0 ? EXEC_AGG_SUM : EXEC_AGG_AVG;
      if( !SQLT_IS_NUMERIC(t->id) && t->id!=SQLT_INTERVAL ){
        return mlErrorSet(p->pErr, ML_E_TYPE_MISMATCH, zName, "a non-numeric operand");
      }
      if( SQLT_IS_BINARY_INT(t->id) ) agg.type = tBig;
      else if( t->id==SQLT_DECIMAL || t->id==SQLT_INTEGER_P ){
        agg.type.id = SQLT_DECIMAL;
        agg.type.precision = 45;
        agg.type.scale = t->id==SQLT_DECIMAL ? t->scale : 0;
      }else agg.type = *t;
    }
    if( agg.pArg->type.id==SQLT_NULL ) return mlErrorSet(p->pErr, ML_E_PARAM_TYPE);
  }
  agg.iReg = semaAllocRegs(p, 1);
  if( g->nAgg==g->nAggAlloc ){
    int nNew = g->nAggAlloc ? g->nAggAlloc*2 : 8;
    ExecAgg *a = arenaAlloc(p->pA, sizeof(ExecAgg)*nNew);
    char **az = arenaAlloc(p->pA, sizeof(char*)*nNew);
    if( a==0 || az==0 ) return SEMA_NOMEM(p);
    if( g->nAgg ){
      memcpy(a, g->aAgg, sizeof(ExecAgg)*g->nAgg);
      memcpy(az, g->azAggText, sizeof(char*)*g->nAgg);
    }
    g->aAgg = a; g->azAggText = az; g->nAggAlloc = nNew;
  }
  g->aAgg[g->nAgg] = agg;
  g->azAggText[g->nAgg] = zText;
  g->nAgg++;
  *ppOut = semaRegExpr(p, agg.iReg, &agg.type);
  return *ppOut ? ML_OK : SEMA_NOMEM(p);
}

int semaCond(Sema *p, SemaScope *pScope, AstExpr *e, Expr **ppOut){
  int rc = semaExpr(p, pScope, e, ppOut);
  if( rc==ML_OK ) rc = semaBool(p, *ppOut);
  return rc;
}

static int semaCase(Sema *p, SemaScope *pScope, AstExpr *ae, Expr **ppOut){
  AstCase *k = &ae->u.kase;
  int n = k->pWhen->n, i, rc = ML_OK, nArg = 2*n + (k->pElse ? 1 : 0);
  Expr *e = semaNewExpr(p, EXPR_CASE, 0), *pOperand = 0;
  SqlType t;
  memset(&t, 0, sizeof(t));
  if( e==0 ) return SEMA_NOMEM(p);
  e->nArg = nArg;
  e->apArg = arenaAlloc(p->pA, sizeof(Expr*)*(nArg+1));
  if( e->apArg==0 ) return SEMA_NOMEM(p);
  if( ae->pLeft ){
    rc = semaExpr(p, pScope, ae->pLeft, &pOperand);
    if( rc ) return rc;
  }
  for(i=0; rc==ML_OK && i<n; i++){
    Expr *w;
    rc = semaExpr(p, pScope, k->pWhen->a[i], &w);
    if( rc ) break;
    if( pOperand ) rc = semaComparison(p, AOP_EQ, pOperand, w, &w);
    else rc = semaBool(p, w);
    e->apArg[2*i] = w;
    if( rc==ML_OK ) rc = semaExpr(p, pScope, k->pThen->a[i], &e->apArg[2*i+1]);
  }
  if( rc==ML_OK && k->pElse ) rc = semaExpr(p, pScope, k->pElse, &e->apArg[2*n]);
  if( rc ) return rc;
  /* result branches: THEN i at 2i+1, ELSE at 2n */
  for(i=0; rc==ML_OK && i<=n; i++){
    Expr *r = i<n ? e->apArg[2*i+1] : (k->pElse ? e->apArg[2*n] : 0);
    if( r==0 || semaIsUntyped(r) ) continue;
    if( t.id==SQLT_NULL ) t = r->type;
    else rc = typeCommonSuper(&t, &r->type, &t, p->pErr);
  }
  if( rc ) return rc;
  for(i=0; i<=n; i++){
    Expr *r = i<n ? e->apArg[2*i+1] : (k->pElse ? e->apArg[2*n] : 0);
    if( r ) semaSetType(p, r, &t);
  }
  e->type = t;
  *ppOut = e;
  return ML_OK;
}

int semaExpr(Sema *p, SemaScope *pScope, AstExpr *ae, Expr **ppOut){
  Expr *a = 0, *b = 0, *e;
  int rc;
  *ppOut = 0;
  if( pScope && pScope->pGroup && !pScope->bAggInput ){
    if( semaIsAggregate(ae) ) return semaAggregate(p, pScope, ae, ppOut);
    if( ae->kind!=AE_LITERAL && ae->kind!=AE_PARAM && pScope->pGroup->nGroup ){
      char *zText;
      int i;
      rc = semaExprText(p, ae, &zText);
      if( rc ) return rc;
      for(i=0; i<pScope->pGroup->nGroup; i++){
        if( strcmp(zText, pScope->pGroup->azText[i])==0 ){
          *ppOut = semaRegExpr(p, pScope->pGroup->aiReg[i], &pScope->pGroup->aType[i]);
          return *ppOut ? ML_OK : SEMA_NOMEM(p);
        }
      }
    }
    if( ae->kind==AE_COLUMN ){
      SemaScope *pSave = pScope;
      /* allowed only as an outer reference */
      const char *zCol = ae->u.col.aPart[ae->u.col.nPart-1].z;
      int i, j;
      for(i=0; i<pSave->nItem; i++){
        for(j=0; j<pSave->apItem[i]->nCol; j++){
          if( catNameEq(pSave->apItem[i]->azCol[j], zCol) ){
            return mlErrorSet(p->pErr, ML_E_GROUPING, zCol);
          }
        }
      }
    }
  }else if( semaIsAggregate(ae) ){
    return mlErrorSet(p->pErr, ML_E_INVALID_USE, "a set function in this context");
  }
  switch( ae->kind ){
    case AE_LITERAL:
      return semaLiteral(p, &ae->u.lit, ppOut);
    case AE_COLUMN:
      return semaFindColumn(p, pScope, &ae->u.col, ppOut);
    case AE_PARAM:
      e = semaNewExpr(p, EXPR_PARAM, &p->aParamType[ae->u.param.iOrdinal-1]);
      if( e==0 ) return SEMA_NOMEM(p);
      e->iReg = ae->u.param.iOrdinal-1;
      *ppOut = e;
      return ML_OK;
    case AE_UNARY:
      rc = semaExpr(p, pScope, ae->pLeft, &a);
      if( rc ) return rc;
      if( ae->op==AOP_NOT ){
        rc = semaBool(p, a);
        if( rc ) return rc;
        e = semaNewExpr(p, EXPR_NOT, &tBool);
      }else if( ae->op==AOP_POS ){
        *ppOut = a;
        return ML_OK;
      }else{
        SqlType t;
        rc = typeResultNegate(&a->type, &t, p->pErr);
        if( rc ) return rc;
        e = semaNewExpr(p, EXPR_NEG, &t);
      }
      if( e==0 ) return SEMA_NOMEM(p);
      e->pA = a;
      *ppOut = e;
      return ML_OK;
    case AE_BINARY:
      rc = semaOperands(p, pScope, ae, &a, &b);
      if( rc ) return rc;
      if( ae->op==AOP_AND || ae->op==AOP_OR ){
        rc = semaBool(p, a);
        if( rc==ML_OK ) rc = semaBool(p, b);
        if( rc ) return rc;
        e = semaNewExpr(p, ae->op==AOP_AND ? EXPR_AND : EXPR_OR, &tBool);
      }else if( AOP_IS_COMPARISON(ae->op) ){
        return semaComparison(p, ae->op, a, b, ppOut);
      }else{
        int op = ae->op==AOP_ADD ? TYPE_OP_ADD : ae->op==AOP_SUB ? TYPE_OP_SUB
               : ae->op==AOP_MUL ? TYPE_OP_MUL : ae->op==AOP_DIV ? TYPE_OP_DIV : TYPE_OP_CONCAT;
        SqlType t;
        if( op==TYPE_OP_CONCAT ) semaPairWide(p, a, b);
        else semaPair(p, a, b);
        if( semaIsUntyped(a) && semaIsUntyped(b) && (a->kind==EXPR_PARAM || b->kind==EXPR_PARAM) ){
          return mlErrorSet(p->pErr, ML_E_PARAM_TYPE);
        }
        rc = typeResultArith(op, &a->type, &b->type, &t, p->pErr);
        if( rc ) return rc;
        e = semaNewExpr(p, op==TYPE_OP_CONCAT ? EXPR_CONCAT : EXPR_ARITH, &t);
        if( e ) e->op = (uint8_t)op;
      }
      if( e==0 ) return SEMA_NOMEM(p);
      e->pA = a;
      e->pB = b;
      *ppOut = e;
      return ML_OK;
    case AE_IS:
      rc = semaExpr(p, pScope, ae->pLeft, &a);
      if( rc ) return rc;
      if( ae->op!=AIS_NULL ){
        rc = semaBool(p, a);
        if( rc ) return rc;
      }else if( semaIsUntyped(a) && a->kind==EXPR_PARAM ){
        return mlErrorSet(p->pErr, ML_E_PARAM_TYPE);
      }
      e = semaNewExpr(p, EXPR_IS, &tBool);
      if( e==0 ) return SEMA_NOMEM(p);
      e->op = ae->op;
      e->isNot = ae->isNot;
      e->pA = a;
      *ppOut = e;
      return ML_OK;
    case AE_LIKE:
      rc = semaOperands(p, pScope, ae, &a, &b);
      if( rc ) return rc;
      semaPairWide(p, a, b);
      if( !SQLT_IS_CHARACTER(a->type.id) || !SQLT_IS_CHARACTER(b->type.id) ){
        if( semaIsUntyped(a) || semaIsUntyped(b) ) return mlErrorSet(p->pErr, ML_E_PARAM_TYPE);
        return mlErrorSet(p->pErr, ML_E_TYPE_MISMATCH, "LIKE", "a non-character operand");
      }
      e = semaNewExpr(p, EXPR_LIKE, &tBool);
      if( e==0 ) return SEMA_NOMEM(p);
      e->isNot = ae->isNot;
      e->pA = a;
      e->pB = b;
      if( ae->u.pEscape ){
        rc = semaExpr(p, pScope, ae->u.pEscape, &e->pC);
        if( rc ) return rc;
        semaSetType(p, e->pC, &b->type);
      }
      *ppOut = e;
      return ML_OK;
    case AE_BETWEEN: {
      Expr *lo, *hi, *c1, *c2;
      int bSym = ae->u.between.symmetric==1;
      rc = semaExpr(p, pScope, ae->pLeft, &a);
      if( rc==ML_OK ) rc = semaExpr(p, pScope, ae->u.between.pLow, &lo);
      if( rc==ML_OK ) rc = semaExpr(p, pScope, ae->u.between.pHigh, &hi);
      if( rc ) return rc;
      rc = semaComparison(p, AOP_GE, a, lo, &c1);
      if( rc==ML_OK ) rc = semaComparison(p, AOP_LE, a, hi, &c2);
      if( rc ) return rc;
      e = semaNewExpr(p, EXPR_AND, &tBool);
      if( e==0 ) return SEMA_NOMEM(p);
      e->pA = c1;
      e->pB = c2;
      if( bSym ){
        /* SQL:2016 8.3: (a BETWEEN lo AND hi) OR (a BETWEEN hi AND lo). */
        Expr *e2, *o;
        rc = semaComparison(p, AOP_GE, a, hi, &c1);
        if( rc==ML_OK ) rc = semaComparison(p, AOP_LE, a, lo, &c2);
        if( rc ) return rc;
        e2 = semaNewExpr(p, EXPR_AND, &tBool);
        o = semaNewExpr(p, EXPR_OR, &tBool);
        if( e2==0 || o==0 ) return SEMA_NOMEM(p);
        e2->pA = c1;
        e2->pB = c2;
        o->pA = e;
        o->pB = e2;
        e = o;
      }
      if( ae->isNot ){
        Expr *n = semaNewExpr(p, EXPR_NOT, &tBool);
        if( n==0 ) return SEMA_NOMEM(p);
        n->pA = e;
        e = n;
      }
      *ppOut = e;
      return ML_OK;
    }
    case AE_IN_LIST: {
      AstList *pList = ae->u.pList;
      int i;
      rc = semaExpr(p, pScope, ae->pLeft, &a);
      if( rc ) return rc;
      e = semaNewExpr(p, EXPR_IN_LIST, &tBool);
      if( e==0 ) return SEMA_NOMEM(p);
      e->isNot = ae->isNot;
      e->pA = a;
      e->nArg = pList->n;
      e->apArg = arenaAlloc(p->pA, sizeof(Expr*)*(pList->n+1));
      if( e->apArg==0 ) return SEMA_NOMEM(p);
      for(i=0; rc==ML_OK && i<pList->n; i++){
        rc = semaExpr(p, pScope, pList->a[i], &e->apArg[i]);
        if( rc==ML_OK ){
          semaPair(p, a, e->apArg[i]);
          rc = typeCheckComparable(&a->type, &e->apArg[i]->type, p->pErr);
        }
      }
      if( rc==ML_OK && semaIsUntyped(a) && a->kind==EXPR_PARAM ) rc = mlErrorSet(p->pErr, ML_E_PARAM_TYPE);
      *ppOut = e;
      return rc;
    }
    case AE_IN_QUERY: case AE_QUANTIFIED:
      rc = semaExpr(p, pScope, ae->pLeft, &a);
      if( rc ) return rc;
      rc = semaSubquery(p, pScope, ae->kind==AE_IN_QUERY ? ae->u.pQuery : ae->u.quant.pQuery,
                        ae->kind==AE_IN_QUERY ? EXPR_SQ_IN
                        : ae->u.quant.quant==AQUANT_ALL ? EXPR_SQ_ALL : EXPR_SQ_ANY, a, ppOut);
      if( rc==ML_OK ){
        (*ppOut)->isNot = ae->isNot;
        if( ae->kind==AE_QUANTIFIED ) (*ppOut)->field = ae->op;
      }
      return rc;
    case AE_EXISTS:
      return semaSubquery(p, pScope, ae->u.pQuery, EXPR_SQ_EXISTS, 0, ppOut);
    case AE_SUBQUERY:
      return semaSubquery(p, pScope, ae->u.pQuery, EXPR_SQ_SCALAR, 0, ppOut);
    case AE_CASE:
      return semaCase(p, pScope, ae, ppOut);
    case AE_CAST: {
      SqlType t;
      rc = semaExpr(p, pScope, ae->pLeft, &a);
      if( rc==ML_OK ) rc = semaDeclaredType(p, ae->u.pType, &t, 0);
      if( rc ) return rc;
      semaSetType(p, a, &t);
      rc = valueCastCheck(&a->type, &t, p->pErr);
      if( rc ) return rc;
      e = semaNewExpr(p, EXPR_CAST, &t);
      if( e==0 ) return SEMA_NOMEM(p);
      e->pA = a;
      *ppOut = e;
      return semaDomainCheck(p, ae->u.pType, ppOut);
    }
    case AE_FUNC: {
      int nMin, nMax, fn, n = ae->u.func.pArgs ? ae->u.func.pArgs->n : 0;
      AstExpr **apArg = ae->u.func.pArgs ? (AstExpr**)ae->u.func.pArgs->a : 0;
      if( ae->u.func.isMethod || ae->u.func.name.schema.z ){
        /* methods (x.m(), instance first) and BUILTIN.f() carry a prefix */
        char zName[160];
        snprintf(zName, sizeof(zName), "%s.%s", ae->u.func.isMethod ? "" : "BUILTIN",
                 ae->u.func.name.name.z);
        fn = exprFuncLookup(zName, &nMin, &nMax);
      }else{
        fn = exprFuncLookup(ae->u.func.name.name.z, &nMin, &nMax);
      }
      if( fn==0 || ae->u.func.isStar || ae->u.func.quant ){
        return mlErrorSetText(p->pErr, ML_E_NOT_SUPPORTED, "Feature not supported: function %s",
                              ae->u.func.name.name.z);
      }
      if( n<nMin || n>nMax ){
        return mlErrorSetText(p->pErr, ML_E_INVALID_USE, "Wrong number of arguments to %s",
                              ae->u.func.name.name.z);
      }
      if( fn==EXPR_FN_TRIM_BOTH && n==2 ){
        AstExpr *aArg[2] = { ae->u.func.pArgs->a[0], ae->u.func.pArgs->a[1] };
        return semaFuncCall(p, pScope, ae, fn, 2, aArg, ppOut);
      }
      return semaFuncCall(p, pScope, ae, fn, n, apArg, ppOut);
    }
    case AE_SUBSTRING: {
      AstExpr *aArg[3] = { ae->pLeft, ae->u.args[0], ae->u.args[1] };
      return semaFuncCall(p, pScope, ae, EXPR_FN_SUBSTRING, ae->u.args[1] ? 3 : 2, aArg, ppOut);
    }
    case AE_OVERLAY: {
      AstExpr *aArg[4] = { ae->pLeft, ae->pRight, ae->u.args[0], ae->u.args[1] };
      return semaFuncCall(p, pScope, ae, EXPR_FN_OVERLAY, ae->u.args[1] ? 4 : 3, aArg, ppOut);
    }
    case AE_TRIM: {
      AstExpr *aArg[2] = { ae->pLeft, ae->u.args[0] };
      int fn = ae->op==ATRIM_LEADING ? EXPR_FN_TRIM_LEADING
             : ae->op==ATRIM_TRAILING ? EXPR_FN_TRIM_TRAILING : EXPR_FN_TRIM_BOTH;
      return semaFuncCall(p, pScope, ae, fn, ae->u.args[0] ? 2 : 1, aArg, ppOut);
    }
    case AE_POSITION: {
      AstExpr *aArg[2] = { ae->pLeft, ae->pRight };
      rc = semaFuncCall(p, pScope, ae, EXPR_FN_POSITION, 2, aArg, ppOut);
      if( rc==ML_OK ) semaPair(p, (*ppOut)->apArg[0], (*ppOut)->apArg[1]);
      return rc;
    }
    case AE_EXTRACT: {
      AstExpr *aArg[1] = { ae->pLeft };
      return semaFuncCall(p, pScope, ae, EXPR_FN_EXTRACT, 1, aArg, ppOut);
    }
    case AE_NEXT_VALUE: case AE_CURRENT_VALUE: {
      const CatSequence *pSeq;
      SqlType t;
      rc = semaFindSequence(p, &ae->u.seq, &pSeq);
      if( rc ) return rc;
      memset(&t, 0, sizeof(t));
      t.id = pSeq->typeId;
      e = semaNewExpr(p, ae->kind==AE_NEXT_VALUE ? EXPR_NEXTVAL : EXPR_CURVAL, &t);
      if( e==0 ) return SEMA_NOMEM(p);
      e->pSeq = pSeq;
      if( ae->kind==AE_NEXT_VALUE ) p->bSeqUsed = 1;
      *ppOut = e;
      return ML_OK;
    }
    case AE_SPECIAL: {
      SqlType t;
      memset(&t, 0, sizeof(t));
      switch( ae->op ){
        case ASV_CURRENT_DATE: t.id = SQLT_DATE; break;
        case ASV_CURRENT_TIME: case ASV_LOCALTIME:
          t.id = SQLT_TIME;
          t.scale = ae->u.special.hasPrecision ? (uint8_t)ae->u.special.precision : 0;
          break;
        case ASV_CURRENT_TIMESTAMP: case ASV_LOCALTIMESTAMP:
          t.id = SQLT_TIMESTAMP;
          t.scale = ae->u.special.hasPrecision ? (uint8_t)ae->u.special.precision : 6;
          break;
        default:
          t.id = SQLT_NVARCHAR;
          t.length = CAT_NAME_MAX;
          break;
      }
      if( t.scale>9 ) return mlErrorSet(p->pErr, ML_E_INVALID_TYPE_SPEC, astSpecialName(ae->op));
      e = semaNewExpr(p, EXPR_SPECIAL, &t);
      if( e==0 ) return SEMA_NOMEM(p);
      e->op = ae->op;
      *ppOut = e;
      return ML_OK;
    }
    case AE_INTERVAL_OF: {
      /* (d1 - d2) <interval qualifier>: the day-time difference fitted to
      ** the qualifier as CAST does it (lower fields cut toward zero); for
      ** a year-month qualifier the whole months between them. */
      SqlType t;
      rc = semaExpr(p, pScope, ae->pLeft, &a);
      if( rc==ML_OK ) rc = semaDeclaredType(p, ae->u.pType, &t, 0);
      if( rc ) return rc;
      if( a->kind!=EXPR_ARITH || a->op!=TYPE_OP_SUB || a->type.id!=SQLT_INTERVAL
       || !SQLT_IS_DATETIME(a->pA->type.id) ){
        return mlErrorSet(p->pErr, ML_E_INVALID_USE, "an interval qualifier on a non-datetime difference");
      }
      if( typeClass(&t)==TYPE_CLASS_IV_YM ){
        /* whole months between the operands (types/arith.c), which a TIME
        ** does not have */
        if( a->pA->type.id==SQLT_TIME ){
          return mlErrorSet(p->pErr, ML_E_INVALID_USE, "a year-month qualifier on a TIME difference");
        }
        a->type = t;
        *ppOut = a;
        return ML_OK;
      }
      e = semaNewExpr(p, EXPR_CAST, &t);
      if( e==0 ) return SEMA_NOMEM(p);
      e->pA = a;
      *ppOut = e;
      return ML_OK;
    }
    case AE_COLLATE:
      return semaExpr(p, pScope, ae->pLeft, ppOut);
    case AE_DEFAULT:
      return mlErrorSet(p->pErr, ML_E_INVALID_USE, "DEFAULT");
    default:
      return mlErrorSetText(p->pErr, ML_E_NOT_SUPPORTED, "Feature not supported: %s expression",
                            "this");
  }
}
