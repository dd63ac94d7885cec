/*
** Filter (exec/ layer): passes on the rows of its input for which a
** condition is TRUE.  The scratch arena is released after each test, since
** a condition's result is only a truth value.
*/
#include "exec/exec.h"

#include <string.h>

#include "expr/expr.h"

typedef struct ExecFilter {
  ExecOp base;
  Expr *pCond;
} ExecFilter;

static int filterOpen(ExecOp *p, ExecCtx *pCtx){ return execOpen(p->pLeft, pCtx); }

static int filterNext(ExecOp *p, ExecCtx *pCtx){
  ExecFilter *f = (ExecFilter*)p;
  for(;;){
    int rc = execNext(p->pLeft, pCtx), b;
    ArenaMark m;
    if( rc ) return rc;
    m = arenaMark(pCtx->pScratch);
    rc = exprTest(pCtx, f->pCond, &b);
    arenaRelease(pCtx->pScratch, m);
    if( rc ) return rc;
    if( b ) return ML_OK;
  }
}

static void filterClose(ExecOp *p, ExecCtx *pCtx){ execClose(p->pLeft, pCtx); }

static const ExecOpVt filterVt = { "FILTER", filterOpen, filterNext, filterClose, 0, 1 };

ExecOp *execFilterNew(Arena *pA, ExecOp *pIn, Expr *pCond){
  ExecFilter *f = arenaAlloc(pA, sizeof(ExecFilter));
  if( f==0 ) return 0;
  memset(f, 0, sizeof(*f));
  f->base.pVt = &filterVt;
  f->base.pLeft = pIn;
  f->base.nOut = pIn->nOut;
  f->base.aiOut = pIn->aiOut;
  f->base.aOutType = pIn->aOutType;
  f->base.nEst = pIn->nEst/3;
  f->pCond = pCond;
  return &f->base;
}
