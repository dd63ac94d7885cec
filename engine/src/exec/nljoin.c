/*
** Nested-loop join (exec/ layer): for every row of the outer input the
** inner input is reopened (its key-range expressions may read the outer
** row's registers, which makes it an index lookup) and its rows that
** satisfy ON are joined.  LEFT joins emit an unmatched outer row with the
** inner registers set NULL.  FULL joins then run the inner side once more
** and emit its rows that matched no outer row, re-running the outer side
** for each (quadratic, acceptable for the small FULL joins seen).
*/
#include "exec/exec.h"

#include <string.h>

#include "expr/expr.h"

typedef struct ExecNlJoin {
  ExecOp base;
  int joinType;            /* EXEC_JOIN_* */
  Expr *pOn;               /* join condition or 0 */
  int nNull;  int *aiNull; /* inner registers, NULLed for unmatched outer rows */
  int nNullL; int *aiNullL;/* outer registers, NULLed for unmatched inner rows (FULL) */
  int bOuterRow;           /* an outer row is current */
  int bMatched;            /* it matched at least one inner row */
  int ePhase;              /* 0 join, 1 FULL: unmatched inner rows, 2 done */
} ExecNlJoin;

static void nlSetNull(ExecCtx *pCtx, int n, const int *ai){
  int i;
  for(i=0; i<n; i++){
    pCtx->aReg[ai[i]].isNull = 1;
  }
}

static int nlOpen(ExecOp *p, ExecCtx *pCtx){
  ExecNlJoin *j = (ExecNlJoin*)p;
  j->bOuterRow = 0;
  j->ePhase = 0;
  return execOpen(p->pLeft, pCtx);
}

static int nlTestOn(ExecNlJoin *j, ExecCtx *pCtx, int *pb){
  ArenaMark m;
  int rc;
  if( j->pOn==0 ){ *pb = 1; return ML_OK; }
  m = arenaMark(pCtx->pScratch);
  rc = exprTest(pCtx, j->pOn, pb);
  arenaRelease(pCtx->pScratch, m);
  return rc;
}

/* FULL join, second phase: inner rows that no outer row matches. */
static int nlFullRest(ExecNlJoin *j, ExecCtx *pCtx){
  ExecOp *p = &j->base;
  int rc;
  for(;;){
    int bMatch = 0;
    rc = execNext(p->pRight, pCtx);
    if( rc ) return rc;
    rc = execOpen(p->pLeft, pCtx);
    while( rc==ML_OK && !bMatch ){
      rc = execNext(p->pLeft, pCtx);
      if( rc==ML_OK ) rc = nlTestOn(j, pCtx, &bMatch);
    }
    execClose(p->pLeft, pCtx);
    if( rc!=ML_OK && rc!=ML_DONE ) return rc;
    if( !bMatch ){
      nlSetNull(pCtx, j->nNullL, j->aiNullL);
      return ML_OK;
    }
  }
}

static int nlNext(ExecOp *p, ExecCtx *pCtx){
  ExecNlJoin *j = (ExecNlJoin*)p;
  int rc;
  if( j->ePhase==1 ){
    rc = nlFullRest(j, pCtx);
    if( rc==ML_DONE ) j->ePhase = 2;
    return rc;
  }
  if( j->ePhase==2 ) return ML_DONE;
  for(;;){
    if( !j->bOuterRow ){
      rc = execNext(p->pLeft, pCtx);
      if( rc==ML_DONE && j->joinType==EXEC_JOIN_FULL ){
        execClose(p->pLeft, pCtx);
        j->ePhase = 1;
        rc = execOpen(p->pRight, pCtx);
        if( rc ) return rc;
        rc = nlFullRest(j, pCtx);
        if( rc==ML_DONE ) j->ePhase = 2;
        return rc;
      }
      if( rc ) return rc;
      rc = execOpen(p->pRight, pCtx);
      if( rc ) return rc;
      j->bOuterRow = 1;
      j->bMatched = 0;
    }
    rc = execNext(p->pRight, pCtx);
    if( rc==ML_OK ){
      int b;
      rc = nlTestOn(j, pCtx, &b);
      if( rc ) return rc;
      if( b ){ j->bMatched = 1; return ML_OK; }
      continue;
    }
    if( rc!=ML_DONE ) return rc;
    j->bOuterRow = 0;
    if( !j->bMatched && j->joinType!=EXEC_JOIN_INNER ){
      nlSetNull(pCtx, j->nNull, j->aiNull);
      return ML_OK;
    }
  }
}

static void nlClose(ExecOp *p, ExecCtx *pCtx){
  execClose(p->pLeft, pCtx);
  execClose(p->pRight, pCtx);
}

static void nlExplain(ExecOp *p, StrBuf *pOut){
  ExecNlJoin *j = (ExecNlJoin*)p;
  strbufAppendStr(pOut, j->joinType==EXEC_JOIN_LEFT ? " LEFT OUTER"
                      : j->joinType==EXEC_JOIN_FULL ? " FULL OUTER" : " INNER");
}

static const ExecOpVt nlVt = { "NESTED LOOP JOIN", nlOpen, nlNext, nlClose, nlExplain, 0 };

ExecOp *execNlJoinNew(Arena *pA, ExecOp *pLeft, ExecOp *pRight, int joinType,
                      Expr *pOn, int nNull, int *aiNull, int nNullLeft, int *aiNullLeft){
  ExecNlJoin *j = arenaAlloc(pA, sizeof(ExecNlJoin));
  if( j==0 ) return 0;
  memset(j, 0, sizeof(*j));
  j->base.pVt = &nlVt;
  j->base.pLeft = pLeft;
  j->base.pRight = pRight;
  j->base.nEst = pLeft->nEst * (pRight->nEst>1 ? pRight->nEst : 1);
  j->joinType = joinType;
  j->pOn = pOn;
  j->nNull = nNull; j->aiNull = aiNull;
  j->nNullL = nNullLeft; j->aiNullL = aiNullLeft;
  return &j->base;
}
