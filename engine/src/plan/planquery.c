/*
** Query planning (plan/ layer): SELECT blocks, VALUES and set operations
** into operator trees.  FROM items are joined left-deep in the order
** written; for every base table the planner looks at the predicates that
** may restrict it (WHERE conjuncts for items of the comma list and inner
** joins, ON conjuncts for the inner side of a join) and picks the primary
** key or index with the longest equality prefix, plus a range on the next
** column, evaluated per outer row.  Predicates are kept in a filter above
** the joins as well, so a range only has to be a superset of the answer.
*/
#include "plan/planint.h"

#include <assert.h>
#include <string.h>

#include "sql/parse.h"
#include "types/typesys.h"

#define PLAN_NOMEM(s) mlErrorSet((s)->pErr, ML_E_NOMEM)

int planSplitAnd(Sema *s, AstExpr *e, AstList **ppList){
  if( e==0 ) return ML_OK;
  if( e->kind==AE_BINARY && e->op==AOP_AND ){
    int rc = planSplitAnd(s, e->pLeft, ppList);
    return rc ? rc : planSplitAnd(s, e->pRight, ppList);
  }
  return astListAppend(s->pA, ppList, e) ? PLAN_NOMEM(s) : ML_OK;
}

int planExprUses(const Expr *e, int lo, int hi){
  int i;
  if( e==0 ) return 0;
  if( e->kind==EXPR_REG && e->iReg>=lo && e->iReg<hi ) return 1;
  if( e->kind==EXPR_SUBQ || e->kind==EXPR_NEXTVAL ) return 1;
  if( planExprUses(e->pA, lo, hi) || planExprUses(e->pB, lo, hi) || planExprUses(e->pC, lo, hi) ) return 1;
  for(i=0; i<e->nArg; i++) if( planExprUses(e->apArg[i], lo, hi) ) return 1;
  return 0;
}

/* A conjunct "column op value" on the item at registers [lo, hi). */
typedef struct PlanTerm {
  int iCol;                /* column position in the table */
  int op;                  /* AOP_EQ, AOP_LT ... */
  Expr *pVal;              /* the other side */
} PlanTerm;

static int planFlipOp(int op){
  switch( op ){
    case AOP_LT: return AOP_GT;
    case AOP_LE: return AOP_GE;
    case AOP_GT: return AOP_LT;
    case AOP_GE: return AOP_LE;
    default: return op;
  }
}

/* Does e read a register of one of the ranges in pBlock? */
static int planExprBlocked(const Expr *e, const PlanBlock *pBlock){
  int i;
  for(i=0; pBlock && i<pBlock->n; i++){
    if( planExprUses(e, pBlock->aLo[i], pBlock->aHi[i]) ) return 1;
  }
  return 0;
}

/*
** Collect usable terms for a base table from the candidate conjuncts:
** each is compiled in pScope (which contains the table and what is
** joined before it); conjuncts that do not resolve yet are skipped, and
** so are those whose value reads a register range of pBlock (items in
** the scope that are joined later).
*/
static int planCollectTerms(Sema *s, SemaScope *pScope, AstList *pCand, int lo, int hi,
                            const PlanBlock *pBlock, PlanTerm **paTerm, int *pnTerm){
  int i, n = 0;
  PlanTerm *a;
  *pnTerm = 0;
  if( pCand==0 ) return ML_OK;
  a = arenaAlloc(s->pA, sizeof(PlanTerm)*(pCand->n+1));
  if( a==0 ) return PLAN_NOMEM(s);
  for(i=0; i<pCand->n; i++){
    AstExpr *ae = pCand->a[i];
    MlError save = *s->pErr;
    Expr *e;
    int rc;
    if( ae->kind!=AE_BINARY || !AOP_IS_COMPARISON(ae->op) || ae->op==AOP_NE ) continue;
    rc = semaExpr(s, pScope, ae, &e);
    if( rc ){
      if( rc==ML_E_NOMEM ) return rc;
      *s->pErr = save;
      continue;
    }
    if( e->kind!=EXPR_CMP || planExprBlocked(e, pBlock) ) continue;
    if( e->pA->kind==EXPR_REG && e->pA->iReg>=lo && e->pA->iReg<hi && !planExprUses(e->pB, lo, hi) ){
      a[n].iCol = e->pA->iReg-lo; a[n].op = e->op; a[n].pVal = e->pB; n++;
    }else if( e->pB->kind==EXPR_REG && e->pB->iReg>=lo && e->pB->iReg<hi && !planExprUses(e->pA, lo, hi) ){
      a[n].iCol = e->pB->iReg-lo; a[n].op = planFlipOp(e->op); a[n].pVal = e->pA; n++;
    }
  }
  *paTerm = a;
  *pnTerm = n;
  return ML_OK;
}

/* Fill a key range for key columns aiCol[0..nCol) from the terms. */
static int planRangeFor(const PlanTerm *aTerm, int nTerm, int nCol, const int *aiCol,
                        const uint8_t *aDesc, Sema *s, ExecKeyRange *pR){
  int i, k;
  memset(pR, 0, sizeof(*pR));
  pR->apEq = arenaAlloc(s->pA, sizeof(Expr*)*(nCol+1));
  if( pR->apEq==0 ) return -1;
  for(k=0; k<nCol; k++){
    int bFound = 0;
    for(i=0; i<nTerm; i++){
      if( aTerm[i].iCol==aiCol[k] && aTerm[i].op==AOP_EQ ){
        pR->apEq[pR->nEq++] = aTerm[i].pVal;
        bFound = 1;
        break;
      }
    }
    if( !bFound ) break;
  }
  if( k<nCol && !(aDesc && aDesc[k]) ){
    for(i=0; i<nTerm; i++){
      if( aTerm[i].iCol!=aiCol[k] ) continue;
      if( (aTerm[i].op==AOP_GT || aTerm[i].op==AOP_GE) && pR->pLo==0 ) pR->pLo = aTerm[i].pVal;
      if( (aTerm[i].op==AOP_LT || aTerm[i].op==AOP_LE) && pR->pHi==0 ) pR->pHi = aTerm[i].pVal;
    }
  }
  return pR->nEq*2 + (pR->pLo!=0) + (pR->pHi!=0);
}

/* Does range r's bound expressions read registers (so vary per outer row)? */
static int planRangeKeyed(const ExecKeyRange *r){
  int i;
  for(i=0; i<r->nEq; i++) if( planExprUses(r->apEq[i], 0, 0x7fffffff) ) return 1;
  return planExprUses(r->pLo, 0, 0x7fffffff) || planExprUses(r->pHi, 0, 0x7fffffff);
}

int planTableAccess(Sema *s, SemaScope *pScope, const CatTable *pTab, int iReg,
                    AstList *pCand, ExecOp **ppOp){
  int bKeyed;
  return planTableAccessEx(s, pScope, pTab, iReg, pCand, 0, ppOp, &bKeyed);
}

int planTableAccessEx(Sema *s, SemaScope *pScope, const CatTable *pTab, int iReg,
                      AstList *pCand, const PlanBlock *pBlock, ExecOp **ppOp, int *pbKeyed){
  PlanTerm *aTerm = 0;
  int nTerm = 0, rc, i, best = 0;
  ExecKeyRange r, bestR;
  const CatIndex *pBestIdx = 0;
  memset(&bestR, 0, sizeof(bestR));
  *pbKeyed = 0;
  rc = planCollectTerms(s, pScope, pCand, iReg, iReg+pTab->nCol, pBlock, &aTerm, &nTerm);
  if( rc ) return rc;
  if( nTerm>0 && pTab->pPk ){
    best = planRangeFor(aTerm, nTerm, pTab->pPk->nCol, pTab->pPk->aiCol, 0, s, &bestR);
    if( best<0 ) return PLAN_NOMEM(s);
  }
  for(i=0; nTerm>0 && i<pTab->nIndex; i++){
    const CatIndex *pIdx = pTab->apIndex[i];
    int score = planRangeFor(aTerm, nTerm, pIdx->nCol, pIdx->aiCol, pIdx->aDesc, s, &r);
    if( score<0 ) return PLAN_NOMEM(s);
    if( score>best ){ best = score; bestR = r; pBestIdx = pIdx; }
  }
  if( pBestIdx ){
    *ppOp = execIndexScanNew(s->pA, pBestIdx, iReg, &bestR);
  }else{
    *ppOp = execScanNew(s->pA, pTab, iReg, best>0 ? &bestR : 0);
  }
  if( *ppOp==0 ) return PLAN_NOMEM(s);
  (*ppOp)->nEst = best>=2 ? 1 : best ? 100 : 1000;
  *pbKeyed = best>0 && planRangeKeyed(&bestR);
  return ML_OK;
}

/* Column names of a derived table: the alias list or the query's names. */
int planDerivedItem(Sema *s, ExecOp *pOp, const char **azName, AstIdent *pAlias,
                    AstList *pColAliases, SemaItem **ppItem){
  SemaItem *pItem = arenaAlloc(s->pA, sizeof(SemaItem));
  int i;
  if( pItem==0 ) return PLAN_NOMEM(s);
  memset(pItem, 0, sizeof(*pItem));
  pItem->zName = pAlias && pAlias->z ? pAlias->z : "";
  pItem->nCol = pOp->nOut;
  pItem->azCol = arenaAlloc(s->pA, sizeof(char*)*(pOp->nOut+1));
  pItem->aType = pOp->aOutType;
  pItem->iRegBase = pOp->aiOut[0];
  if( pItem->azCol==0 ) return PLAN_NOMEM(s);
  if( pColAliases && pColAliases->n!=pOp->nOut ){
    return mlErrorSet(s->pErr, ML_E_COLUMN_COUNT, " in the derived column list");
  }
  for(i=0; i<pOp->nOut; i++){
    assert( pOp->aiOut[i]==pOp->aiOut[0]+i );
    pItem->azCol[i] = pColAliases ? ((AstIdent*)pColAliases->a[i])->z : azName[i];
  }
  *ppItem = pItem;
  return ML_OK;
}

/*
** Plan one FROM item, adding its correlation names to pScope.  pCand are
** the conjuncts that may restrict a base table here (0 for none).
*/
int planFromItem(Sema *s, SemaScope *pScope, SemaScope *pOuter, AstTableRef *pRef,
                 AstList *pCand, ExecOp **ppOp){
  int rc;
  if( pRef->kind==ATR_TABLE ){
    const CatTable *pTab;
    int bCte;
    rc = planCteRef(s, pScope, pRef, ppOp, &bCte);
    if( rc || bCte ) return rc;
    rc = semaFindTable(s, &pRef->name, &pTab);
    if( rc ) return rc;
    if( pTab->isView ){
      AstStmt *pView;
      ExecOp *pOp;
      const char **azName;
      SemaItem *pItem;
      SemaScope empty;
      AstIdent alias = pRef->alias;
      rc = sqlParse(s->pA, pTab->zViewText, strlen(pTab->zViewText), &pView, s->pErr);
      if( rc ) return rc;
      SemaCte *pSaveCte = s->pCte;
      const char *zSaveSchema = s->zSchema;
      memset(&empty, 0, sizeof(empty));
      s->pCte = 0;           /* the view's query sees no WITH of the user's */
      s->zSchema = pTab->zSchema;   /* and resolves names in the view's schema */
      rc = planQueryNames(s, &empty, pView->u.query.pQuery, &pOp, &azName);
      s->pCte = pSaveCte;
      s->zSchema = zSaveSchema;
      if( rc ) return rc;
      if( pTab->nCol==pOp->nOut ){
        /* the names CREATE VIEW stored (its column list, if it had one) */
        int i;
        for(i=0; i<pTab->nCol; i++) azName[i] = pTab->aCol[i].zName;
      }
      if( alias.z==0 ) alias.z = pTab->zName;
      rc = planDerivedItem(s, pOp, azName, &alias, pRef->pColAliases, &pItem);
      if( rc ) return rc;
      if( pRef->alias.z==0 ) pItem->zSchema = pTab->zSchema;
      *ppOp = pOp;
      return semaScopeAdd(s, pScope, pItem);
    }else{
      int iReg;
      rc = planJoinTableItem(s, pScope, pRef, pTab, &iReg);
      if( rc ) return rc;
      return planTableAccess(s, pScope, pTab, iReg, pCand, ppOp);
    }
  }
  if( pRef->kind==ATR_QUERY ){
    ExecOp *pOp;
    const char **azName;
    SemaItem *pItem;
    rc = planQueryNames(s, pOuter, pRef->pQuery, &pOp, &azName);
    if( rc ) return rc;
    rc = planDerivedItem(s, pOp, azName, &pRef->alias, pRef->pColAliases, &pItem);
    if( rc ) return rc;
    *ppOp = pOp;
    return semaScopeAdd(s, pScope, pItem);
  }
  return planJoinItem(s, pScope, pOuter, pRef, pCand, ppOp);
}

/* Does the select list or HAVING/ORDER BY use set functions? */
static int planIsAggregated(AstSelect *pSel, AstList *pOrderBy){
  int i;
  if( pSel->pGroupBy || pSel->pHaving ) return 1;
  for(i=0; i<pSel->pResCols->n; i++){
    AstResCol *pRc = pSel->pResCols->a[i];
    if( pRc->pExpr && semaHasAggregate(pRc->pExpr) ) return 1;
  }
  for(i=0; pOrderBy && i<pOrderBy->n; i++){
    if( semaHasAggregate(((AstOrderItem*)pOrderBy->a[i])->pExpr) ) return 1;
  }
  return 0;
}

/* Result column name of a select item. */
static const char *planColName(const AstResCol *pRc){
  if( pRc->alias.z ) return pRc->alias.z;
  if( pRc->pExpr && pRc->pExpr->kind==AE_COLUMN ){
    return pRc->pExpr->u.col.aPart[pRc->pExpr->u.col.nPart-1].z;
  }
  return "";
}

/* Is ORDER BY item pItem a result column (position or name)?  -1 if not. */
static int planOrderColumn(Sema *s, AstOrderItem *pItem, int nCol, const char **azName, int *pErrRc){
  AstExpr *e = pItem->pExpr;
  *pErrRc = ML_OK;
  if( e->kind==AE_LITERAL && e->u.lit.cls==ALIT_EXACT ){
    long k = strtol(e->u.lit.z, 0, 10);
    if( k<1 || k>nCol ){
      *pErrRc = mlErrorSet(s->pErr, ML_E_BAD_POSITION, e->u.lit.z);
      return -1;
    }
    return (int)k-1;
  }
  if( e->kind==AE_COLUMN && e->u.col.nPart==1 ){
    int i;
    for(i=0; i<nCol; i++){
      if( azName[i][0] && catNameEq(azName[i], e->u.col.aPart[0].z) ) return i;
    }
  }
  return -1;
}

/*
** The result column (of apOut[0..nCol-1]) that reads the same column
** register as e, when e is a plain column reference; -1 if none.
*/
static int planSameColumn(Expr **apOut, int nCol, const Expr *e){
  int i;
  if( e->kind!=EXPR_REG ) return -1;
  for(i=0; i<nCol; i++){
    if( apOut[i]->kind==EXPR_REG && apOut[i]->iReg==e->iReg ) return i;
  }
  return -1;
}

/*
** Plan a SELECT block, its ORDER BY included (for the hidden sort
** columns), into *ppOp whose first nCol output registers are the result.
*/
static int planSelect(Sema *s, SemaScope *pOuter, AstQuery *q, ExecOp **ppOp,
                      const char ***pazName, int *pbSorted){
  AstSelect *pSel = q->pSelect;
  SemaScope scope;
  ExecOp *pOp = 0;
  Expr **apOut;
  const char **azName;
  SemaGroup group;
  int rc, i, j, nCol = 0, nHidden = 0, iOutReg, bAgg;
  ExecSortKey *aSort = 0;
  int nSort = q->pOrderBy ? q->pOrderBy->n : 0;
  int *aiSortCol;          /* [nSort] output column each ORDER BY item sorts by */

  memset(&scope, 0, sizeof(scope));
  scope.pOuter = pOuter;
  aiSortCol = arenaAlloc(s->pA, sizeof(int)*(size_t)(nSort+1));
  if( aiSortCol==0 ) return PLAN_NOMEM(s);
  rc = planJoinFrom(s, &scope, pOuter, pSel->pFrom, pSel->pWhere, &pOp);
  if( rc ) return rc;

  /* expand the select list */
  for(i=0; i<pSel->pResCols->n; i++){
    AstResCol *pRc = pSel->pResCols->a[i];
    if( !pRc->isStar ){ nCol++; continue; }
    for(j=0; j<scope.nItem; j++){
      SemaItem *pItem = scope.apItem[j];
      int c;
      if( pRc->starQual.name.z && !catNameEq(pItem->zName, pRc->starQual.name.z) ) continue;
      for(c=0; c<pItem->nCol; c++){
        if( pRc->starQual.name.z || !pItem->aHidden || !pItem->aHidden[c] ) nCol++;
      }
    }
  }
  apOut = arenaAlloc(s->pA, sizeof(Expr*)*(nCol+nSort+1));
  azName = arenaAlloc(s->pA, sizeof(char*)*(nCol+nSort+1));
  if( apOut==0 || azName==0 ) return PLAN_NOMEM(s);

  bAgg = planIsAggregated(pSel, q->pOrderBy);
  memset(&group, 0, sizeof(group));
  if( bAgg ){
    Expr **apGroup = 0;
    int *aiGroupReg = 0, nGroup = pSel->pGroupBy ? pSel->pGroupBy->n : 0;
    if( nGroup ){
      apGroup = arenaAlloc(s->pA, sizeof(Expr*)*nGroup);
      aiGroupReg = arenaAlloc(s->pA, sizeof(int)*nGroup);
      group.azText = arenaAlloc(s->pA, sizeof(char*)*nGroup);
      group.aType = arenaAlloc(s->pA, sizeof(SqlType)*nGroup);
      if( !apGroup || !aiGroupReg || !group.azText || !group.aType ) return PLAN_NOMEM(s);
    }
    for(i=0; i<nGroup; i++){
      AstExpr *g = pSel->pGroupBy->a[i];
      rc = semaExpr(s, &scope, g, &apGroup[i]);
      if( rc==ML_OK ) rc = semaExprText(s, g, &group.azText[i]);
      if( rc ) return rc;
      aiGroupReg[i] = semaAllocRegs(s, 1);
      group.aType[i] = apGroup[i]->type;
    }
    group.nGroup = nGroup;
    group.aiReg = aiGroupReg;
    scope.pGroup = &group;
    /* resolve everything above the aggregation first, collecting set functions */
    for(i=0, j=0; i<pSel->pResCols->n; i++){
      AstResCol *pRc = pSel->pResCols->a[i];
      if( pRc->isStar ) return mlErrorSet(s->pErr, ML_E_GROUPING, "*");
      rc = semaExpr(s, &scope, pRc->pExpr, &apOut[j]);
      if( rc ) return rc;
      azName[j++] = planColName(pRc);
    }
    {
      Expr *pHaving = 0;
      if( pSel->pHaving ){
        rc = semaCond(s, &scope, pSel->pHaving, &pHaving);
        if( rc ) return rc;
      }
      /* ORDER BY expressions that are not result columns */
      for(i=0; i<nSort; i++){
        AstOrderItem *pItem = q->pOrderBy->a[i];
        int k = planOrderColumn(s, pItem, nCol, azName, &rc);
        if( rc ) return rc;
        aiSortCol[i] = k;
        if( k>=0 ) continue;
        rc = semaExpr(s, &scope, pItem->pExpr, &apOut[nCol+nHidden]);
        if( rc ) return rc;
        aiSortCol[i] = nCol+nHidden;
        azName[nCol+nHidden] = "";
        nHidden++;
      }
      pOp = execAggregateNew(s->pA, pOp, nGroup, apGroup, aiGroupReg, group.nAgg, group.aAgg);
      if( pOp==0 ) return PLAN_NOMEM(s);
      if( pHaving ){
        pOp = execFilterNew(s->pA, pOp, pHaving);
        if( pOp==0 ) return PLAN_NOMEM(s);
      }
    }
  }else{
    for(i=0, j=0; i<pSel->pResCols->n; i++){
      AstResCol *pRc = pSel->pResCols->a[i];
      int k, c;
      if( !pRc->isStar ){
        rc = semaExpr(s, &scope, pRc->pExpr, &apOut[j]);
        if( rc ) return rc;
        azName[j++] = planColName(pRc);
        continue;
      }
      for(k=0; k<scope.nItem; k++){
        SemaItem *pItem = scope.apItem[k];
        if( pRc->starQual.name.z && !catNameEq(pItem->zName, pRc->starQual.name.z) ) continue;
        for(c=0; c<pItem->nCol; c++){
          if( !pRc->starQual.name.z && pItem->aHidden && pItem->aHidden[c] ) continue;
          apOut[j] = semaRegExpr(s, pItem->iRegBase+c, &pItem->aType[c]);
          if( apOut[j]==0 ) return PLAN_NOMEM(s);
          azName[j++] = pItem->azCol[c];
        }
      }
    }
    for(i=0; i<nSort; i++){
      AstOrderItem *pItem = q->pOrderBy->a[i];
      int k = planOrderColumn(s, pItem, nCol, azName, &rc);
      if( rc ) return rc;
      aiSortCol[i] = k;
      if( k>=0 ) continue;
      rc = semaExpr(s, &scope, pItem->pExpr, &apOut[nCol+nHidden]);
      if( rc ) return rc;
      /* a column the select list also reads (ORDER BY t.c beside SELECT c) */
      k = planSameColumn(apOut, nCol, apOut[nCol+nHidden]);
      aiSortCol[i] = k;
      if( k>=0 ) continue;
      if( pSel->quant==AFQ_DISTINCT ){
        return mlErrorSet(s->pErr, ML_E_INVALID_USE, "ORDER BY on a column not in the DISTINCT select list");
      }
      aiSortCol[i] = nCol+nHidden;
      azName[nCol+nHidden] = "";
      nHidden++;
    }
  }
  for(i=0; i<nCol+nHidden; i++){
    if( apOut[i]->type.id==SQLT_NULL ){
      if( apOut[i]->kind==EXPR_PARAM ) return mlErrorSet(s->pErr, ML_E_PARAM_TYPE);
      apOut[i]->type.id = SQLT_INTEGER;   /* a bare NULL: typed INTEGER */
    }
  }
  if( pOp==0 ) return mlErrorSet(s->pErr, ML_E_INTERNAL, "SELECT without FROM");
  iOutReg = semaAllocRegs(s, nCol+nHidden);
  pOp = execProjectNew(s->pA, pOp, nCol+nHidden, apOut, iOutReg);
  if( pOp==0 ) return PLAN_NOMEM(s);
  if( pSel->quant==AFQ_DISTINCT ){
    pOp = execDistinctNew(s->pA, pOp);
    if( pOp==0 ) return PLAN_NOMEM(s);
  }
  if( nSort ){
    aSort = arenaAlloc(s->pA, sizeof(ExecSortKey)*nSort);
    if( aSort==0 ) return PLAN_NOMEM(s);
    for(i=0; i<nSort; i++){
      AstOrderItem *pItem = q->pOrderBy->a[i];
      int k = aiSortCol[i];
      aSort[i].pExpr = semaRegExpr(s, iOutReg+k, &apOut[k]->type);
      aSort[i].desc = pItem->dir==ASORT_DESC;
      if( aSort[i].pExpr==0 ) return PLAN_NOMEM(s);
    }
    pOp = execSortNew(s->pA, pOp, nSort, aSort);
    if( pOp==0 ) return PLAN_NOMEM(s);
  }
  /* the visible result: the first nCol registers */
  pOp->nOut = nCol;
  *pbSorted = 1;
  *ppOp = pOp;
  *pazName = azName;
  return ML_OK;
}

/* VALUES rows into fresh registers, each column of the common type. */
static int planValues(Sema *s, SemaScope *pOuter, AstQuery *q, ExecOp **ppOp,
                      const char ***pazName){
  AstList *pRows = q->pRows;
  int nRow = pRows->n, nCol = ((AstList*)pRows->a[0])->n, i, j, rc;
  Expr ***aapRow = arenaAlloc(s->pA, sizeof(Expr**)*nRow);
  SqlType *aType = arenaAlloc(s->pA, sizeof(SqlType)*(nCol+1));
  const char **azName = arenaAlloc(s->pA, sizeof(char*)*(nCol+1));
  if( !aapRow || !aType || !azName ) return PLAN_NOMEM(s);
  memset(aType, 0, sizeof(SqlType)*(nCol+1));
  for(i=0; i<nRow; i++){
    AstList *pRow = pRows->a[i];
    if( pRow->n!=nCol ) return mlErrorSet(s->pErr, ML_E_COLUMN_COUNT, " in VALUES");
    aapRow[i] = arenaAlloc(s->pA, sizeof(Expr*)*nCol);
    if( aapRow[i]==0 ) return PLAN_NOMEM(s);
    for(j=0; j<nCol; j++){
      Expr *e;
      rc = semaExpr(s, pOuter, pRow->a[j], &e);
      if( rc ) return rc;
      aapRow[i][j] = e;
      if( e->type.id==SQLT_NULL ) continue;
      if( aType[j].id==SQLT_NULL ) aType[j] = e->type;
      else{
        rc = typeCommonSuper(&aType[j], &e->type, &aType[j], s->pErr);
        if( rc ) return rc;
      }
    }
  }
  for(j=0; j<nCol; j++){
    if( aType[j].id==SQLT_NULL ){
      for(i=0; i<nRow; i++) if( aapRow[i][j]->kind==EXPR_PARAM ) return mlErrorSet(s->pErr, ML_E_PARAM_TYPE);
      aType[j].id = SQLT_INTEGER;
    }
    for(i=0; i<nRow; i++) semaSetType(s, aapRow[i][j], &aType[j]);
    azName[j] = "";
  }
  *ppOp = execValuesNew(s->pA, nRow, nCol, aapRow, semaAllocRegs(s, nCol), aType);
  *pazName = azName;
  return *ppOp ? ML_OK : PLAN_NOMEM(s);
}

/* Copy an op's output into fresh contiguous registers (a projection). */
static int planReproject(Sema *s, ExecOp **ppOp, const SqlType *aType){
  ExecOp *p = *ppOp;
  Expr **ap = arenaAlloc(s->pA, sizeof(Expr*)*(p->nOut+1));
  int i;
  if( ap==0 ) return PLAN_NOMEM(s);
  for(i=0; i<p->nOut; i++){
    Expr *r = semaRegExpr(s, p->aiOut[i], &p->aOutType[i]);
    if( r==0 ) return PLAN_NOMEM(s);
    ap[i] = semaNewExpr(s, EXPR_CAST, &aType[i]);
    if( ap[i]==0 ) return PLAN_NOMEM(s);
    ap[i]->pA = r;
  }
  *ppOp = execProjectNew(s->pA, p, p->nOut, ap, semaAllocRegs(s, p->nOut));
  return *ppOp ? ML_OK : PLAN_NOMEM(s);
}

int planQueryNames(Sema *s, SemaScope *pOuter, AstQuery *q, ExecOp **ppOp, const char ***pazName){
  ExecOp *pOp = 0;
  int rc, bSorted = 0;
  if( q->pWith ) return planWith(s, pOuter, q, ppOp, pazName);
  switch( q->kind ){
    case AQ_SELECT:
      rc = planSelect(s, pOuter, q, &pOp, pazName, &bSorted);
      break;
    case AQ_VALUES:
      rc = planValues(s, pOuter, q, &pOp, pazName);
      break;
    default: {
      ExecOp *pL, *pR;
      const char **azR;
      SqlType *aType;
      int i;
      rc = planQueryNames(s, pOuter, q->pLeft, &pL, pazName);
      if( rc==ML_OK ) rc = planQueryNames(s, pOuter, q->pRight, &pR, &azR);
      if( rc ) return rc;
      if( pL->nOut!=pR->nOut ) return mlErrorSet(s->pErr, ML_E_COLUMN_COUNT, " in a set operation");
      aType = arenaAlloc(s->pA, sizeof(SqlType)*(pL->nOut+1));
      if( aType==0 ) return PLAN_NOMEM(s);
      for(i=0; i<pL->nOut; i++){
        rc = typeCommonSuper(&pL->aOutType[i], &pR->aOutType[i], &aType[i], s->pErr);
        if( rc ) return rc;
      }
      rc = planReproject(s, &pL, aType);
      if( rc ) return rc;
      pOp = execSetOpNew(s->pA, pL, pR, q->setOp==ASET_UNION ? EXEC_SET_UNION
                         : q->setOp==ASET_EXCEPT ? EXEC_SET_EXCEPT : EXEC_SET_INTERSECT,
                         q->setQuant==AFQ_ALL, pL->nOut, pL->aiOut, aType);
      if( pOp==0 ) return PLAN_NOMEM(s);
      break;
    }
  }
  if( rc ) return rc;
  if( q->pOrderBy && !bSorted ){
    ExecSortKey *aSort = arenaAlloc(s->pA, sizeof(ExecSortKey)*q->pOrderBy->n);
    int i;
    if( aSort==0 ) return PLAN_NOMEM(s);
    for(i=0; i<q->pOrderBy->n; i++){
      AstOrderItem *pItem = q->pOrderBy->a[i];
      int k = planOrderColumn(s, pItem, pOp->nOut, *pazName, &rc);
      if( rc ) return rc;
      if( k<0 ) return mlErrorSet(s->pErr, ML_E_INVALID_USE, "ORDER BY on a column not in the result");
      aSort[i].pExpr = semaRegExpr(s, pOp->aiOut[k], &pOp->aOutType[k]);
      aSort[i].desc = pItem->dir==ASORT_DESC;
      if( aSort[i].pExpr==0 ) return PLAN_NOMEM(s);
    }
    pOp = execSortNew(s->pA, pOp, q->pOrderBy->n, aSort);
    if( pOp==0 ) return PLAN_NOMEM(s);
  }
  if( q->pOffset || q->hasFetch ){
    static const SqlType tBig = { SQLT_BIGINT, 0, 0, 0, 0 };
    Expr *pOff = 0, *pFetch = 0;
    if( q->pOffset ){
      rc = semaExpr(s, pOuter, q->pOffset, &pOff);
      if( rc ) return rc;
      semaSetType(s, pOff, &tBig);
    }
    if( q->hasFetch ){
      if( q->pFetch ){
        rc = semaExpr(s, pOuter, q->pFetch, &pFetch);
        if( rc ) return rc;
        semaSetType(s, pFetch, &tBig);
      }else{
        pFetch = semaNewExpr(s, EXPR_CONST, &tBig);
        if( pFetch==0 ) return PLAN_NOMEM(s);
        pFetch->v.type = SQLT_BIGINT;
        pFetch->v.u.i = 1;
      }
    }
    pOp = execLimitNew(s->pA, pOp, pOff, pFetch);
    if( pOp==0 ) return PLAN_NOMEM(s);
  }
  *ppOp = pOp;
  return ML_OK;
}

int planQueryCb(Sema *s, SemaScope *pOuter, AstQuery *q, ExecOp **ppOp){
  const char **azName;
  return planQueryNames(s, pOuter, q, ppOp, &azName);
}
