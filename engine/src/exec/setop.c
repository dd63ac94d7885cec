/*
** UNION, EXCEPT and INTERSECT [ALL] (exec/ layer).  Both inputs produce
** rows of the same number of columns into their own registers; this
** operator's rows are in the left input's registers.  UNION ALL streams
** both inputs; the other forms count the right input's rows in a hashed
** row store and then filter (EXCEPT, INTERSECT) or deduplicate (UNION)
** the left rows, followed for UNION by the right rows not yet seen.
*/
#include "exec/exec.h"

#include <string.h>

#include "exec/rowstore.h"
#include "types/cast.h"

typedef struct ExecSetOp {
  ExecOp base;
  int op, all;
  RowStore right;          /* right rows (counted) */
  RowStore seen;           /* UNION: rows already emitted */
  StrBuf key;
  int ePhase;              /* 0 left rows, 1 right rows (UNION), 2 done */
  int64_t iRight;
} ExecSetOp;

static int setKey(ExecSetOp *s, ExecCtx *pCtx, ExecOp *pIn){
  int i, rc = ML_OK;
  strbufReset(&s->key);
  for(i=0; rc==ML_OK && i<pIn->nOut; i++){
    const Value *pv = &pCtx->aReg[pIn->aiOut[i]];
    rc = execEncodeValues(&s->key, 1, &pv, &s->base.aOutType[i], 0);
  }
  return rc ? mlErrorSet(pCtx->pErr, rc, "") : ML_OK;
}

/* Copy the right input's row into the output (left) registers, cast. */
static int setCopyRight(ExecSetOp *s, ExecCtx *pCtx){
  ExecOp *p = &s->base;
  int i, rc = ML_OK;
  for(i=0; rc==ML_OK && i<p->nOut; i++){
    Value v = pCtx->aReg[p->pRight->aiOut[i]];
    rc = valueCast(&v, &p->pRight->aOutType[i], &p->aOutType[i], pCtx->pScratch,
                   &pCtx->aReg[p->aiOut[i]], pCtx->pErr);
  }
  return rc;
}

static int setOpen(ExecOp *p, ExecCtx *pCtx){
  ExecSetOp *s = (ExecSetOp*)p;
  int rc;
  rsFree(&s->right); rsInit(&s->right, p->nOut);
  rsFree(&s->seen); rsInit(&s->seen, 0);
  s->ePhase = 0;
  s->iRight = 0;
  rc = execOpen(p->pLeft, pCtx);
  if( rc==ML_OK ) rc = execOpen(p->pRight, pCtx);
  if( rc ) return rc;
  if( s->op==EXEC_SET_UNION && s->all ) return ML_OK;
  /* load and count the right rows (values copied into left registers) */
  for(;;){
    RsRow *r;
    rc = execNext(p->pRight, pCtx);
    if( rc ) break;
    rc = setCopyRight(s, pCtx);
    if( rc==ML_OK ) rc = setKey(s, pCtx, p);
    if( rc ) break;
    r = rsFind(&s->right, s->key.a, (uint32_t)s->key.n);
    if( r ){ r->nCount++; continue; }
    rc = rsAddHashed(&s->right, s->key.a, (uint32_t)s->key.n, pCtx->aReg, p->aiOut, 0);
    if( rc ){ rc = mlErrorSet(pCtx->pErr, rc); break; }
  }
  return rc==ML_DONE ? ML_OK : rc;
}

static int setNext(ExecOp *p, ExecCtx *pCtx){
  ExecSetOp *s = (ExecSetOp*)p;
  int rc;
  if( s->op==EXEC_SET_UNION && s->all ){
    if( s->ePhase==0 ){
      rc = execNext(p->pLeft, pCtx);
      if( rc!=ML_DONE ) return rc;
      s->ePhase = 1;
    }
    rc = execNext(p->pRight, pCtx);
    if( rc ) return rc;
    return setCopyRight(s, pCtx);
  }
  while( s->ePhase==0 ){
    RsRow *r, *pSeen;
    rc = execNext(p->pLeft, pCtx);
    if( rc==ML_DONE ){ s->ePhase = s->op==EXEC_SET_UNION ? 1 : 2; break; }
    if( rc ) return rc;
    rc = setKey(s, pCtx, p->pLeft);
    if( rc ) return rc;
    r = rsFind(&s->right, s->key.a, (uint32_t)s->key.n);
    pSeen = rsFind(&s->seen, s->key.a, (uint32_t)s->key.n);
    if( s->op==EXEC_SET_UNION ){
      if( pSeen ) continue;
    }else if( s->op==EXEC_SET_EXCEPT ){
      if( s->all ){
        if( r && r->nCount>0 ){ r->nCount--; continue; }
      }else if( r || pSeen ) continue;
    }else{
      if( s->all ){
        if( !r || r->nCount<=0 ) continue;
        r->nCount--;
      }else if( !r || pSeen ) continue;
    }
    if( !s->all || s->op==EXEC_SET_UNION ){
      rc = rsAddHashed(&s->seen, s->key.a, (uint32_t)s->key.n, pCtx->aReg, 0, 0);
      if( rc ) return mlErrorSet(pCtx->pErr, rc);
    }
    return ML_OK;
  }
  while( s->ePhase==1 && s->iRight<s->right.nRow ){
    RsRow *r = s->right.aRow[s->iRight++];
    if( rsFind(&s->seen, r->aKey, r->nKey) ) continue;
    rsRestore(r, p->nOut, pCtx->aReg, p->aiOut);
    return ML_OK;
  }
  return ML_DONE;
}

static void setClose(ExecOp *p, ExecCtx *pCtx){
  ExecSetOp *s = (ExecSetOp*)p;
  execClose(p->pLeft, pCtx);
  execClose(p->pRight, pCtx);
  rsFree(&s->right);
  rsFree(&s->seen);
  strbufFree(&s->key);
}

static void setExplain(ExecOp *p, StrBuf *pOut){
  ExecSetOp *s = (ExecSetOp*)p;
  strbufAppendStr(pOut, s->op==EXEC_SET_UNION ? " UNION" : s->op==EXEC_SET_EXCEPT ? " EXCEPT" : " INTERSECT");
  if( s->all ) strbufAppendStr(pOut, " ALL");
}

static const ExecOpVt setVt = { "SET OPERATION", setOpen, setNext, setClose, setExplain };

ExecOp *execSetOpNew(Arena *pA, ExecOp *pLeft, ExecOp *pRight, int op, int all,
                     int nCol, int *aiReg, SqlType *aType){
  ExecSetOp *s = arenaAlloc(pA, sizeof(ExecSetOp));
  if( s==0 ) return 0;
  memset(s, 0, sizeof(*s));
  s->base.pVt = &setVt;
  s->base.pLeft = pLeft;
  s->base.pRight = pRight;
  s->base.nOut = nCol;
  s->base.aiOut = aiReg;
  s->base.aOutType = aType;
  s->base.nEst = pLeft->nEst + pRight->nEst;
  s->op = op;
  s->all = all;
  rsInit(&s->right, nCol);
  rsInit(&s->seen, 0);
  strbufInit(&s->key, 0, 0);
  return &s->base;
}
