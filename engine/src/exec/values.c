/*
** VALUES (exec/ layer): produces a fixed list of rows, each a list of
** expressions evaluated into registers iRegBase.. and cast to the column
** types of the whole constructor.  Also the one-row source of INSERT
** ... VALUES.
*/
#include "exec/exec.h"

#include <string.h>

#include "expr/expr.h"
#include "types/cast.h"

typedef struct ExecValues {
  ExecOp base;
  int nRow, nCol;
  Expr ***aapRow;
  int iRegBase;
  int iNext;
} ExecValues;

static int valuesOpen(ExecOp *p, ExecCtx *pCtx){
  (void)pCtx;
  ((ExecValues*)p)->iNext = 0;
  return ML_OK;
}

static int valuesNext(ExecOp *p, ExecCtx *pCtx){
  ExecValues *v = (ExecValues*)p;
  int i, rc = ML_OK;
  if( v->iNext>=v->nRow ) return ML_DONE;
  for(i=0; rc==ML_OK && i<v->nCol; i++){
    Expr *e = v->aapRow[v->iNext][i];
    Value x;
    if( e==0 ){
      /* DEFAULT in INSERT VALUES: the insert fills it in */
      memset(&pCtx->aReg[v->iRegBase+i], 0, sizeof(Value));
      pCtx->aReg[v->iRegBase+i].isNull = 1;
      pCtx->aReg[v->iRegBase+i].type = SQLT_NULL;
      continue;
    }
    rc = exprEval(pCtx, e, &x);
    if( rc==ML_OK ){
      rc = valueCast(&x, &e->type, &p->aOutType[i], pCtx->pScratch,
                     &pCtx->aReg[v->iRegBase+i], pCtx->pErr);
    }
  }
  v->iNext++;
  return rc;
}

static void valuesClose(ExecOp *p, ExecCtx *pCtx){ (void)p; (void)pCtx; }

static const ExecOpVt valuesVt = { "VALUES", valuesOpen, valuesNext, valuesClose, 0, 0 };

ExecOp *execValuesNew(Arena *pA, int nRow, int nCol, Expr ***aapRow, int iRegBase,
                      SqlType *aType){
  ExecValues *v = arenaAlloc(pA, sizeof(ExecValues));
  int i;
  if( v==0 ) return 0;
  memset(v, 0, sizeof(*v));
  v->base.pVt = &valuesVt;
  v->base.nEst = nRow;
  v->nRow = nRow;
  v->nCol = nCol;
  v->aapRow = aapRow;
  v->iRegBase = iRegBase;
  v->base.nOut = nCol;
  v->base.aiOut = arenaAlloc(pA, sizeof(int)*(nCol+1));
  v->base.aOutType = aType;
  if( v->base.aiOut==0 ) return 0;
  for(i=0; i<nCol; i++) v->base.aiOut[i] = iRegBase+i;
  return &v->base;
}
