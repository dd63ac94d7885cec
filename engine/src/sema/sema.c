/*
** Sema state, scopes, object look-ups and declared types (sema/ layer).
** Expression compilation is in semaexpr.c.
*/
#include "sema/sema.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "sql/astprint.h"
#include "types/typesys.h"

int semaInit(Sema *p, Arena *pA, const Catalog *pCat, const char *zSchema,
             const char *zUser, AstStmt *pStmt, MlError *pErr){
  int i;
  memset(p, 0, sizeof(*p));
  p->pA = pA;
  p->pCat = pCat;
  p->zSchema = zSchema;
  p->zUser = zUser;
  p->pErr = pErr;
  p->nParam = pStmt ? pStmt->nParam : 0;
  p->aParamType = arenaAlloc(pA, sizeof(SqlType)*(p->nParam+1));
  p->azParamName = arenaAlloc(pA, sizeof(char*)*(p->nParam+1));
  p->aParamNotNull = arenaAlloc(pA, p->nParam+1);
  if( !p->aParamType || !p->azParamName || !p->aParamNotNull ) return mlErrorSet(pErr, ML_E_NOMEM);
  memset(p->aParamNotNull, 0, p->nParam+1);
  memset(p->aParamType, 0, sizeof(SqlType)*(p->nParam+1));
  for(i=0; i<p->nParam; i++){
    const char *z = pStmt->apParam[i]->u.param.zName;
    p->azParamName[i] = z ? z : "";
  }
  return ML_OK;
}

int semaAllocRegs(Sema *p, int n){
  int i = p->nReg;
  p->nReg += n;
  return i;
}

int semaScopeAdd(Sema *p, SemaScope *pScope, SemaItem *pItem){
  if( pScope->nItem==pScope->nItemAlloc ){
    int nNew = pScope->nItemAlloc ? pScope->nItemAlloc*2 : 8;
    SemaItem **a = arenaAlloc(p->pA, sizeof(SemaItem*)*nNew);
    if( a==0 ) return mlErrorSet(p->pErr, ML_E_NOMEM);
    if( pScope->nItem ) memcpy(a, pScope->apItem, sizeof(SemaItem*)*pScope->nItem);
    pScope->apItem = a;
    pScope->nItemAlloc = nNew;
  }
  pScope->apItem[pScope->nItem++] = pItem;
  return ML_OK;
}

SemaItem *semaItemForTable(Sema *p, const CatTable *pTab, const char *zAlias, int iRegBase){
  SemaItem *pItem = arenaAlloc(p->pA, sizeof(SemaItem));
  int i;
  if( pTab==p->pWatchTab ) p->bWatchHit = 1;
  if( pItem==0 ) return 0;
  memset(pItem, 0, sizeof(*pItem));
  pItem->zName = zAlias ? zAlias : pTab->zName;
  pItem->zSchema = zAlias ? 0 : pTab->zSchema;
  pItem->pTab = pTab;
  pItem->nCol = pTab->nCol;
  pItem->azCol = arenaAlloc(p->pA, sizeof(char*)*(pTab->nCol+1));
  pItem->aType = arenaAlloc(p->pA, sizeof(SqlType)*(pTab->nCol+1));
  if( !pItem->azCol || !pItem->aType ) return 0;
  for(i=0; i<pTab->nCol; i++){
    pItem->azCol[i] = pTab->aCol[i].zName;
    pItem->aType[i] = pTab->aCol[i].type;
  }
  pItem->iRegBase = iRegBase;
  return pItem;
}

const char *semaSchemaOf(Sema *p, const AstQName *pName){
  return pName->schema.z ? pName->schema.z : p->zSchema;
}

int semaFindTable(Sema *p, const AstQName *pName, const CatTable **ppTab){
  const char *zSchema = semaSchemaOf(p, pName);
  *ppTab = catFindTable(p->pCat, zSchema, pName->name.z);
  if( *ppTab==0 ){
    char zFull[300];
    snprintf(zFull, sizeof(zFull), "%s.%s", zSchema, pName->name.z);
    return mlErrorSet(p->pErr, ML_E_TABLE_NOT_FOUND, zFull);
  }
  return ML_OK;
}

int semaFindSequence(Sema *p, const AstQName *pName, const CatSequence **ppSeq){
  const char *zSchema = semaSchemaOf(p, pName);
  *ppSeq = catFindSequence(p->pCat, zSchema, pName->name.z);
  if( *ppSeq==0 ){
    char zFull[300];
    snprintf(zFull, sizeof(zFull), "%s.%s", zSchema, pName->name.z);
    return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, zFull);
  }
  return ML_OK;
}

SemaCte *semaFindCte(Sema *p, const AstQName *pName){
  SemaCte *c;
  if( pName->schema.z ) return 0;
  for(c=p->pCte; c; c=c->pPrev){
    if( catNameEq(c->pAst->name.z, pName->name.z) ) return c;
  }
  return 0;
}

/* The SqlType of a declared type (catalog/cattype.c does the work). */
int semaDeclaredType(Sema *p, const AstType *pAst, SqlType *pOut, const CatDomain **ppDom){
  return catDeclaredType(p->pCat, p->zSchema, pAst, pOut, ppDom, p->pErr);
}

Expr *semaNewExpr(Sema *p, int kind, const SqlType *t){
  Expr *e = arenaAlloc(p->pA, sizeof(Expr));
  if( e==0 ) return 0;
  memset(e, 0, sizeof(*e));
  e->kind = (uint8_t)kind;
  if( t ) e->type = *t;
  return e;
}

Expr *semaRegExpr(Sema *p, int iReg, const SqlType *t){
  Expr *e = semaNewExpr(p, EXPR_REG, t);
  if( e ) e->iReg = iReg;
  return e;
}

int semaIsAggregate(const AstExpr *e){
  const char *z;
  if( e==0 || e->kind!=AE_FUNC || e->u.func.name.schema.z ) return 0;
  z = e->u.func.name.name.z;
  return strcasecmp(z, "COUNT")==0 || strcasecmp(z, "SUM")==0 || strcasecmp(z, "AVG")==0
      || strcasecmp(z, "MIN")==0 || strcasecmp(z, "MAX")==0;
}

static int semaListHasAgg(const AstList *pList){
  int i;
  for(i=0; pList && i<pList->n; i++){
    if( semaHasAggregate(pList->a[i]) ) return 1;
  }
  return 0;
}

int semaHasAggregate(const AstExpr *e){
  if( e==0 ) return 0;
  if( semaIsAggregate(e) ) return 1;
  if( semaHasAggregate(e->pLeft) || semaHasAggregate(e->pRight) ) return 1;
  switch( e->kind ){
    case AE_FUNC: return semaListHasAgg(e->u.func.pArgs);
    case AE_CASE: return semaListHasAgg(e->u.kase.pWhen) || semaListHasAgg(e->u.kase.pThen)
                      || semaHasAggregate(e->u.kase.pElse);
    case AE_IN_LIST: return semaListHasAgg(e->u.pList);
    case AE_BETWEEN: return semaHasAggregate(e->u.between.pLow) || semaHasAggregate(e->u.between.pHigh);
    case AE_SUBSTRING: case AE_TRIM: case AE_OVERLAY:
      return semaHasAggregate(e->u.args[0]) || semaHasAggregate(e->u.args[1]);
    case AE_LIKE: return semaHasAggregate(e->u.pEscape);
    default: return 0;
  }
}

int semaExprText(Sema *p, const AstExpr *e, char **pz){
  StrBuf b;
  int rc;
  strbufInit(&b, 0, 0);
  rc = astPrintExpr(&b, e, 0);
  if( rc==ML_OK ) rc = strbufError(&b);
  if( rc==ML_OK ){
    *pz = arenaStrndup(p->pA, (const char*)b.a, b.n);
    if( *pz==0 ) rc = ML_E_NOMEM;
  }
  strbufFree(&b);
  return rc ? mlErrorSet(p->pErr, rc) : ML_OK;
}
