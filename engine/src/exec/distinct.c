/*
** DISTINCT (exec/ layer): passes on the first of every group of equal
** input rows (NULLs equal; rows compared by their key-codec encoding).
** The keys seen are kept in a hash set, and a row is emitted as soon as
** it is first seen, so DISTINCT streams while the set fits the memory
** budget (execMemBudget).  Beyond it the work goes to RsDedup's spill
** runs (rowstore.h): the keys emitted so far are written as one sorted
** run, later new rows are collected in sorted, deduplicated runs, and
** once the input ends the runs are merged and every row whose key was
** neither emitted before nor seen earlier in the merge is emitted.  The
** rows emitted are the same either way; only their order differs.
*/
#include "exec/exec.h"

#include <string.h>

#include "exec/rowstore.h"

typedef struct ExecDistinct {
  ExecOp base;
  RsDedup dd;              /* keys seen, spilling beyond the budget */
  StrBuf key;              /* encoded key of the current row */
  int bInputDone;          /* the input is exhausted: deferred rows follow */
} ExecDistinct;

/* Report a RsDedup error code as a Mimer error. */
static int distinctError(ExecCtx *pCtx, int rc){
  if( rc==ML_E_NOMEM ) return mlErrorSet(pCtx->pErr, rc);
  return mlErrorSet(pCtx->pErr, ML_E_INTERNAL, "temporary DISTINCT file I/O failed");
}

static int distinctOpen(ExecOp *p, ExecCtx *pCtx){
  ExecDistinct *d = (ExecDistinct*)p;
  rsDedupFree(&d->dd);
  rsDedupInit(&d->dd, p->nOut, execMemBudget());
  d->bInputDone = 0;
  return execOpen(p->pLeft, pCtx);
}

/* Encode the registers of p's row into pKey. */
static int distinctKey(ExecOp *p, ExecCtx *pCtx, StrBuf *pKey){
  int i, rc = ML_OK;
  strbufReset(pKey);
  for(i=0; rc==ML_OK && i<p->nOut; i++){
    const Value *pv = &pCtx->aReg[p->aiOut[i]];
    rc = execEncodeValues(pKey, 1, &pv, &p->aOutType[i], 0);
  }
  return rc ? mlErrorSet(pCtx->pErr, rc, "") : ML_OK;
}

/*
** The next distinct row: input rows seen for the first time while the
** key set fits, then (after the input ends) the deferred rows.
*/
static int distinctNext(ExecOp *p, ExecCtx *pCtx){
  ExecDistinct *d = (ExecDistinct*)p;
  const Value *aVal;
  int rc, i;
  while( !d->bInputDone ){
    int bNew;
    rc = execNext(p->pLeft, pCtx);
    if( rc==ML_DONE ){
      d->bInputDone = 1;
      rc = rsDedupFinish(&d->dd);
      if( rc ) return distinctError(pCtx, rc);
      break;
    }
    if( rc ) return rc;
    rc = distinctKey(p, pCtx, &d->key);
    if( rc ) return rc;
    rc = rsDedupAdd(&d->dd, d->key.a, (uint32_t)d->key.n, pCtx->aReg, p->aiOut, &bNew);
    if( rc ) return distinctError(pCtx, rc);
    if( bNew ) return ML_OK;
  }
  rc = rsDedupNext(&d->dd, &aVal);
  if( rc==ML_DONE ) return rc;
  if( rc ) return distinctError(pCtx, rc);
  for(i=0; i<p->nOut; i++) pCtx->aReg[p->aiOut[i]] = aVal[i];
  return ML_OK;
}

static void distinctClose(ExecOp *p, ExecCtx *pCtx){
  ExecDistinct *d = (ExecDistinct*)p;
  execClose(p->pLeft, pCtx);
  rsDedupFree(&d->dd);
  strbufFree(&d->key);
}

static const ExecOpVt distinctVt = { "DISTINCT", distinctOpen, distinctNext, distinctClose, 0, 0 };

ExecOp *execDistinctNew(Arena *pA, ExecOp *pIn){
  ExecDistinct *d = arenaAlloc(pA, sizeof(ExecDistinct));
  if( d==0 ) return 0;
  memset(d, 0, sizeof(*d));
  d->base.pVt = &distinctVt;
  d->base.pLeft = pIn;
  d->base.nOut = pIn->nOut;
  d->base.aiOut = pIn->aiOut;
  d->base.aOutType = pIn->aOutType;
  d->base.nEst = pIn->nEst;
  rsDedupInit(&d->dd, pIn->nOut, 1);
  strbufInit(&d->key, 0, 0);
  return &d->base;
}
