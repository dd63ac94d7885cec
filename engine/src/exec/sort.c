/*
** Sort (exec/ layer): reads all input rows, keeps their registers and a
** key encoded with the key codec (so ORDER BY order is memcmp order: NULLs
** last ascending, first descending, PAD SPACE strings, numbers of every
** type comparable), sorts, then replays the rows into the registers.
*/
#include "exec/exec.h"

#include <string.h>

#include "exec/rowstore.h"
#include "expr/expr.h"

typedef struct ExecSort {
  ExecOp base;
  int nKey;
  ExecSortKey *aKey;
  RowStore rs;
  int64_t iNext;
  int bLoaded;
} ExecSort;

static int sortLoad(ExecSort *s, ExecCtx *pCtx){
  ExecOp *p = &s->base;
  StrBuf key;
  unsigned char aBuf[256];
  int rc, i;
  strbufInit(&key, aBuf, sizeof(aBuf));
  for(;;){
    ArenaMark m;
    rc = execNext(p->pLeft, pCtx);
    if( rc ) break;
    m = arenaMark(pCtx->pScratch);
    strbufReset(&key);
    for(i=0; rc==ML_OK && i<s->nKey; i++){
      Value v;
      rc = exprEval(pCtx, s->aKey[i].pExpr, &v);
      if( rc==ML_OK ){
        const Value *pv = &v;
        rc = execEncodeValues(&key, 1, &pv, &s->aKey[i].pExpr->type, &s->aKey[i].desc);
        if( rc ) rc = mlErrorSet(pCtx->pErr, rc, "");
      }
    }
    if( rc==ML_OK ){
      rc = rsAdd(&s->rs, key.a, (uint32_t)key.n, pCtx->aReg, p->aiOut, 0);
      if( rc ) rc = mlErrorSet(pCtx->pErr, rc);
    }
    arenaRelease(pCtx->pScratch, m);
    if( rc ) break;
  }
  strbufFree(&key);
  if( rc!=ML_DONE ) return rc;
  rsSort(&s->rs);
  return ML_OK;
}

static int sortOpen(ExecOp *p, ExecCtx *pCtx){
  ExecSort *s = (ExecSort*)p;
  rsFree(&s->rs);
  rsInit(&s->rs, p->nOut);
  s->iNext = 0;
  s->bLoaded = 0;
  return execOpen(p->pLeft, pCtx);
}

static int sortNext(ExecOp *p, ExecCtx *pCtx){
  ExecSort *s = (ExecSort*)p;
  if( !s->bLoaded ){
    int rc = sortLoad(s, pCtx);
    if( rc ) return rc;
    s->bLoaded = 1;
  }
  if( s->iNext>=s->rs.nRow ) return ML_DONE;
  rsRestore(s->rs.aRow[s->iNext++], p->nOut, pCtx->aReg, p->aiOut);
  return ML_OK;
}

static void sortClose(ExecOp *p, ExecCtx *pCtx){
  ExecSort *s = (ExecSort*)p;
  execClose(p->pLeft, pCtx);
  rsFree(&s->rs);
}

static const ExecOpVt sortVt = { "SORT", sortOpen, sortNext, sortClose, 0 };

ExecOp *execSortNew(Arena *pA, ExecOp *pIn, int nKey, ExecSortKey *aKey){
  ExecSort *s = arenaAlloc(pA, sizeof(ExecSort));
  if( s==0 ) return 0;
  memset(s, 0, sizeof(*s));
  s->base.pVt = &sortVt;
  s->base.pLeft = pIn;
  s->base.nOut = pIn->nOut;
  s->base.aiOut = pIn->aiOut;
  s->base.aOutType = pIn->aOutType;
  s->base.nEst = pIn->nEst;
  s->nKey = nKey;
  s->aKey = aKey;
  rsInit(&s->rs, pIn->nOut);
  return &s->base;
}
