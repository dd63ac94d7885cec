/*
** Projection (exec/ layer): evaluates a list of expressions over each
** input row into its own registers iRegBase.. (the select list, or the
** values of a derived table).
*/
#include "exec/exec.h"

#include <string.h>

#include "expr/expr.h"

typedef struct ExecProject {
  ExecOp base;
  int n;
  Expr **apExpr;
  int iRegBase;
} ExecProject;

static int projectOpen(ExecOp *p, ExecCtx *pCtx){ return execOpen(p->pLeft, pCtx); }

static int projectNext(ExecOp *p, ExecCtx *pCtx){
  ExecProject *j = (ExecProject*)p;
  int rc = execNext(p->pLeft, pCtx), i;
  for(i=0; rc==ML_OK && i<j->n; i++){
    Value v;
    rc = exprEval(pCtx, j->apExpr[i], &v);
    if( rc==ML_OK ) pCtx->aReg[j->iRegBase+i] = v;
  }
  return rc;
}

static void projectClose(ExecOp *p, ExecCtx *pCtx){ execClose(p->pLeft, pCtx); }

static const ExecOpVt projectVt = { "PROJECT", projectOpen, projectNext, projectClose, 0, 1 };

ExecOp *execProjectNew(Arena *pA, ExecOp *pIn, int n, Expr **apExpr, int iRegBase){
  ExecProject *j = arenaAlloc(pA, sizeof(ExecProject));
  int i;
  if( j==0 ) return 0;
  memset(j, 0, sizeof(*j));
  j->base.pVt = &projectVt;
  j->base.pLeft = pIn;
  j->base.nEst = pIn->nEst;
  j->n = n;
  j->apExpr = apExpr;
  j->iRegBase = iRegBase;
  j->base.nOut = n;
  j->base.aiOut = arenaAlloc(pA, sizeof(int)*(n+1));
  j->base.aOutType = arenaAlloc(pA, sizeof(SqlType)*(n+1));
  if( j->base.aiOut==0 || j->base.aOutType==0 ) return 0;
  for(i=0; i<n; i++){
    j->base.aiOut[i] = iRegBase+i;
    j->base.aOutType[i] = apExpr[i]->type;
  }
  return &j->base;
}
