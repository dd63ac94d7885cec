/*
** OFFSET n ROWS / FETCH FIRST m ROWS ONLY (exec/ layer).  The counts are
** evaluated at open (they may be parameters); a negative count is an
** error, as in SQL:2016 (data exception, our code in docs/compatibility.md).
*/
#include "exec/exec.h"

#include <string.h>

#include "expr/expr.h"
#include "types/cast.h"

typedef struct ExecLimit {
  ExecOp base;
  Expr *pOffset, *pFetch;
  int64_t nSkip, nLeft;
  int bFetch;
} ExecLimit;

static int limitCount(ExecCtx *pCtx, Expr *p, int64_t *pn){
  static const SqlType tBig = { SQLT_BIGINT, 0, 0, 0, 0 };
  Value v, r;
  int rc = exprEval(pCtx, p, &v);
  if( rc ) return rc;
  if( v.isNull ) return mlErrorSetText(pCtx->pErr, ML_E_INVALID_USE, "OFFSET or FETCH count is NULL");
  rc = valueCast(&v, &p->type, &tBig, pCtx->pScratch, &r, pCtx->pErr);
  if( rc ) return rc;
  if( r.u.i<0 ) return mlErrorSetText(pCtx->pErr, ML_E_INVALID_USE, "OFFSET or FETCH count is negative");
  *pn = r.u.i;
  return ML_OK;
}

static int limitOpen(ExecOp *p, ExecCtx *pCtx){
  ExecLimit *l = (ExecLimit*)p;
  int rc = ML_OK;
  l->nSkip = 0;
  l->nLeft = 1;
  if( l->pOffset ) rc = limitCount(pCtx, l->pOffset, &l->nSkip);
  if( rc==ML_OK && l->pFetch ) rc = limitCount(pCtx, l->pFetch, &l->nLeft);
  if( rc==ML_OK ) rc = execOpen(p->pLeft, pCtx);
  return rc;
}

static int limitNext(ExecOp *p, ExecCtx *pCtx){
  ExecLimit *l = (ExecLimit*)p;
  int rc;
  if( l->bFetch && l->nLeft<=0 ) return ML_DONE;
  while( l->nSkip>0 ){
    rc = execNext(p->pLeft, pCtx);
    if( rc ) return rc;
    l->nSkip--;
  }
  rc = execNext(p->pLeft, pCtx);
  if( rc==ML_OK && l->bFetch ) l->nLeft--;
  return rc;
}

static void limitClose(ExecOp *p, ExecCtx *pCtx){ execClose(p->pLeft, pCtx); }

static const ExecOpVt limitVt = { "OFFSET/FETCH", limitOpen, limitNext, limitClose, 0, 1 };

ExecOp *execLimitNew(Arena *pA, ExecOp *pIn, Expr *pOffset, Expr *pFetch){
  ExecLimit *l = arenaAlloc(pA, sizeof(ExecLimit));
  if( l==0 ) return 0;
  memset(l, 0, sizeof(*l));
  l->base.pVt = &limitVt;
  l->base.pLeft = pIn;
  l->base.nOut = pIn->nOut;
  l->base.aiOut = pIn->aiOut;
  l->base.aOutType = pIn->aOutType;
  l->base.nEst = pIn->nEst;
  l->pOffset = pOffset;
  l->pFetch = pFetch;
  l->bFetch = 1;
  if( pFetch==0 ) l->bFetch = 0;
  return &l->base;
}
