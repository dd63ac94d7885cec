/*
** NATURAL JOIN and JOIN ... USING (cols) (plan/ layer).  The join columns
** are the USING list, or for NATURAL the column names both sides expose
** (in the left side's order); each must name exactly one visible column
** on each side.  The join condition is the equality of each pair.  Above
** the join a projection computes the standard's coalesced column
** COALESCE(left.c, right.c) for each pair; those columns form an unnamed
** FROM item placed first in the scope, so SELECT * lists them first and
** then the other columns of the left and the right side, and an
** unqualified c means the coalesced column.  The operands' own join
** columns are hidden from unqualified names and from SELECT * but stay
** reachable qualified (t.c, and t.* lists them), as the standard's
** <joined table> keeps the operands' range variables.
*/
#include "plan/planint.h"

#include <assert.h>
#include <string.h>

#include "types/typesys.h"

#define PLAN_NOMEM(s) mlErrorSet((s)->pErr, ML_E_NOMEM)

/* The join columns of one NATURAL or USING join. */
struct PlanUsing {
  int n;
  const char **azName;     /* [n] names of the coalesced columns */
  Expr **apL, **apR;       /* [n] the left and right columns */
};

/*
** The visible column named z among scope items [lo, hi): -12202 when
** there is none (*ppItem = 0 with bQuiet), -12203 when there are two.
*/
static int planUsingFind(Sema *s, SemaScope *pScope, int lo, int hi, const char *z,
                         int bQuiet, SemaItem **ppItem, int *piCol){
  int i, j;
  *ppItem = 0;
  for(i=lo; i<hi; i++){
    SemaItem *pItem = pScope->apItem[i];
    for(j=0; j<pItem->nCol; j++){
      if( pItem->aHidden && pItem->aHidden[j] ) continue;
      if( !catNameEq(pItem->azCol[j], z) ) continue;
      if( *ppItem ) return mlErrorSet(s->pErr, ML_E_AMBIGUOUS_COLUMN, z);
      *ppItem = pItem;
      *piCol = j;
    }
  }
  if( *ppItem==0 && !bQuiet ) return mlErrorSet(s->pErr, ML_E_COLUMN_NOT_FOUND, z);
  return ML_OK;
}

/* Column iCol of pItem as an expression; the column is hidden from now on. */
static Expr *planUsingTake(Sema *s, SemaItem *pItem, int iCol){
  if( pItem->aHidden==0 ){
    pItem->aHidden = arenaAlloc(s->pA, (size_t)pItem->nCol+1);
    if( pItem->aHidden==0 ) return 0;
    memset(pItem->aHidden, 0, (size_t)pItem->nCol+1);
  }
  pItem->aHidden[iCol] = 1;
  return semaRegExpr(s, pItem->iRegBase+iCol, &pItem->aType[iCol]);
}

/* Add the pair (left column z, right column z) to pU with their equality to *ppCond. */
static int planUsingPair(Sema *s, PlanUsing *pU, const char *z, SemaItem *pL, int iL,
                         SemaItem *pR, int iR, Expr **ppCond){
  static const SqlType tBool = { SQLT_BOOLEAN, 0, 0, 0, 0 };
  Expr *pEq, *a = planUsingTake(s, pL, iL), *b = planUsingTake(s, pR, iR);
  int rc;
  if( a==0 || b==0 ) return PLAN_NOMEM(s);
  rc = semaComparison(s, AOP_EQ, a, b, &pEq);
  if( rc ) return rc;
  pU->azName[pU->n] = z;
  pU->apL[pU->n] = a;
  pU->apR[pU->n] = b;
  pU->n++;
  if( *ppCond ){
    Expr *pAnd = semaNewExpr(s, EXPR_AND, &tBool);
    if( pAnd==0 ) return PLAN_NOMEM(s);
    pAnd->pA = *ppCond;
    pAnd->pB = pEq;
    pEq = pAnd;
  }
  *ppCond = pEq;
  return ML_OK;
}

int planUsingCond(Sema *s, SemaScope *pScope, AstTableRef *pRef, int iLeftLo, int iLeftHi,
                  int iRightLo, int iRightHi, PlanUsing **ppU, Expr **ppCond){
  PlanUsing *pU = arenaAlloc(s->pA, sizeof(PlanUsing));
  int i, j, nMax = 0, rc;
  assert( pRef->natural || pRef->pUsing );
  *ppU = 0;
  *ppCond = 0;
  for(i=iLeftLo; i<iLeftHi; i++) nMax += pScope->apItem[i]->nCol;
  if( pU==0 ) return PLAN_NOMEM(s);
  memset(pU, 0, sizeof(*pU));
  pU->azName = arenaAlloc(s->pA, sizeof(char*)*(nMax+1));
  pU->apL = arenaAlloc(s->pA, sizeof(Expr*)*(nMax+1));
  pU->apR = arenaAlloc(s->pA, sizeof(Expr*)*(nMax+1));
  if( !pU->azName || !pU->apL || !pU->apR ) return PLAN_NOMEM(s);
  if( pRef->pUsing ){
    for(i=0; i<pRef->pUsing->n; i++){
      const char *z = ((AstIdent*)pRef->pUsing->a[i])->z;
      SemaItem *pL, *pR;
      int iL, iR;
      for(j=0; j<pU->n; j++){
        if( catNameEq(pU->azName[j], z) ) return mlErrorSet(s->pErr, ML_E_AMBIGUOUS_COLUMN, z);
      }
      if( pU->n>=nMax ) return mlErrorSet(s->pErr, ML_E_COLUMN_NOT_FOUND, z);
      rc = planUsingFind(s, pScope, iLeftLo, iLeftHi, z, 0, &pL, &iL);
      if( rc==ML_OK ) rc = planUsingFind(s, pScope, iRightLo, iRightHi, z, 0, &pR, &iR);
      if( rc==ML_OK ) rc = planUsingPair(s, pU, z, pL, iL, pR, iR, ppCond);
      if( rc ) return rc;
    }
  }else{
    /* NATURAL: the left side's visible columns also on the right */
    for(i=iLeftLo; i<iLeftHi; i++){
      SemaItem *pItem = pScope->apItem[i];
      for(j=0; j<pItem->nCol; j++){
        const char *z = pItem->azCol[j];
        SemaItem *pL, *pR;
        int iL, iR;
        if( pItem->aHidden && pItem->aHidden[j] ) continue;
        rc = planUsingFind(s, pScope, iRightLo, iRightHi, z, 1, &pR, &iR);
        if( rc ) return rc;
        if( pR==0 ) continue;
        rc = planUsingFind(s, pScope, iLeftLo, iLeftHi, z, 0, &pL, &iL);
        if( rc==ML_OK ) rc = planUsingPair(s, pU, z, pL, iL, pR, iR, ppCond);
        if( rc ) return rc;
      }
    }
  }
  if( pU->n ) *ppU = pU;
  return ML_OK;
}

int planUsingColumns(Sema *s, SemaScope *pScope, PlanUsing *pU, int iFirstItem, ExecOp **ppOp){
  SemaItem *pItem = arenaAlloc(s->pA, sizeof(SemaItem));
  Expr **ap = arenaAlloc(s->pA, sizeof(Expr*)*(pU->n+1));
  int i, rc;
  if( pItem==0 || ap==0 ) return PLAN_NOMEM(s);
  memset(pItem, 0, sizeof(*pItem));
  pItem->zName = "";
  pItem->nCol = pU->n;
  pItem->azCol = pU->azName;
  pItem->aType = arenaAlloc(s->pA, sizeof(SqlType)*(pU->n+1));
  if( pItem->aType==0 ) return PLAN_NOMEM(s);
  for(i=0; i<pU->n; i++){
    Expr *e;
    rc = typeCommonSuper(&pU->apL[i]->type, &pU->apR[i]->type, &pItem->aType[i], s->pErr);
    if( rc ) return rc;
    e = semaNewExpr(s, EXPR_FUNC, &pItem->aType[i]);
    if( e==0 ) return PLAN_NOMEM(s);
    e->op = EXPR_FN_COALESCE;
    e->nArg = 2;
    e->apArg = arenaAlloc(s->pA, sizeof(Expr*)*2);
    if( e->apArg==0 ) return PLAN_NOMEM(s);
    e->apArg[0] = pU->apL[i];
    e->apArg[1] = pU->apR[i];
    ap[i] = e;
  }
  pItem->iRegBase = semaAllocRegs(s, pU->n);
  *ppOp = execProjectNew(s->pA, *ppOp, pU->n, ap, pItem->iRegBase);
  if( *ppOp==0 ) return PLAN_NOMEM(s);
  /* first in the scope: SELECT * lists the join columns first */
  rc = semaScopeAdd(s, pScope, pItem);
  if( rc ) return rc;
  assert( iFirstItem>=0 && iFirstItem<pScope->nItem );
  memmove(&pScope->apItem[iFirstItem+1], &pScope->apItem[iFirstItem],
          sizeof(SemaItem*)*(size_t)(pScope->nItem-1-iFirstItem));
  pScope->apItem[iFirstItem] = pItem;
  return ML_OK;
}
