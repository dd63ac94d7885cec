/*
** DISTINCT (exec/ layer): passes on the first of every group of equal
** input rows (NULLs equal), remembering the encoded rows seen in a hashed
** row store.
*/
#include "exec/exec.h"

#include <string.h>

#include "exec/rowstore.h"

typedef struct ExecDistinct {
  ExecOp base;
  RowStore rs;
  StrBuf key;
} ExecDistinct;

static int distinctOpen(ExecOp *p, ExecCtx *pCtx){
  ExecDistinct *d = (ExecDistinct*)p;
  rsFree(&d->rs);
  rsInit(&d->rs, 0);
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

static int distinctNext(ExecOp *p, ExecCtx *pCtx){
  ExecDistinct *d = (ExecDistinct*)p;
  for(;;){
    int rc = execNext(p->pLeft, pCtx);
    if( rc ) return rc;
    rc = distinctKey(p, pCtx, &d->key);
    if( rc ) return rc;
    if( rsFind(&d->rs, d->key.a, (uint32_t)d->key.n) ) continue;
    rc = rsAddHashed(&d->rs, d->key.a, (uint32_t)d->key.n, pCtx->aReg, 0, 0);
    return rc ? mlErrorSet(pCtx->pErr, rc) : ML_OK;
  }
}

static void distinctClose(ExecOp *p, ExecCtx *pCtx){
  ExecDistinct *d = (ExecDistinct*)p;
  execClose(p->pLeft, pCtx);
  rsFree(&d->rs);
  strbufFree(&d->key);
}

static const ExecOpVt distinctVt = { "DISTINCT", distinctOpen, distinctNext, distinctClose, 0 };

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
  rsInit(&d->rs, 0);
  strbufInit(&d->key, 0, 0);
  return &d->base;
}
