/*
** UNION, EXCEPT and INTERSECT [ALL] (exec/ layer).  Both inputs produce
** rows of the same number of columns into their own registers; this
** operator's rows are in the left input's registers (the right input's
** rows are cast into them).  Rows are compared by their key-codec
** encoding, so NULLs are equal and 1 = 1.0.
**
** UNION ALL streams both inputs.  UNION is duplicate elimination over the
** left rows followed by the right rows (RsDedup, rowstore.h): it streams
** while the keys seen fit the memory budget (execMemBudget) and spills
** sorted runs beyond it.  EXCEPT and INTERSECT count the right input's
** rows per key in a hashed row store; the left rows then stream past it
** (the ALL forms consume counts, the others deduplicate the passing rows
** with RsDedup).  When the right rows outgrow the budget, both inputs are
** written as sorted runs instead (right runs: one row per key with its
** count; left runs: every row, in input order among equal keys) and
** merged key by key: for a key with R right rows, of its left rows in
** input order EXCEPT emits the first if R = 0, EXCEPT ALL those after
** the R-th, INTERSECT the first if R > 0, INTERSECT ALL the first R --
** exactly the rows the in-memory forms emit.
*/
#include "exec/exec.h"

#include <string.h>

#include "exec/rowstore.h"
#include "types/cast.h"

/* Phases of xNext. */
enum {
  SET_LEFT = 0,            /* streaming left rows */
  SET_RIGHT,               /* UNION: streaming right rows */
  SET_DEFERRED,            /* RsDedup's deferred rows */
  SET_MERGE,               /* EXCEPT / INTERSECT over sorted runs */
  SET_DONE
};

typedef struct ExecSetOp {
  ExecOp base;
  int op, all;
  int64_t nBudget;         /* memory budget of the operator */
  RowStore right;          /* EXCEPT / INTERSECT: right keys with counts */
  RsDedup dd;              /* rows already emitted (not for the ALL forms) */
  StrBuf key;              /* encoded key of the current row */
  int ePhase;              /* SET_* */
  RsMerge mL;              /* merge mode: left runs (nOut values) */
  RsMerge mR;              /* merge mode: right runs (a count per key) */
  int bPendingL;           /* merge mode: advance the left runs first */
  int bGroup;              /* merge mode: key holds the current key group */
  int64_t nRightCnt;       /* merge mode: right rows of the group */
  int64_t iLeftCnt;        /* merge mode: left rows of the group so far */
} ExecSetOp;

/* Report a spill error code as a Mimer error. */
static int setIoError(ExecCtx *pCtx, int rc){
  if( rc==ML_E_NOMEM ) return mlErrorSet(pCtx->pErr, rc);
  return mlErrorSet(pCtx->pErr, ML_E_INTERNAL, "temporary set operation file I/O failed");
}

/* Encode the output registers' row into s->key. */
static int setKey(ExecSetOp *s, ExecCtx *pCtx){
  ExecOp *p = &s->base;
  int i, rc = ML_OK;
  strbufReset(&s->key);
  for(i=0; rc==ML_OK && i<p->nOut; i++){
    const Value *pv = &pCtx->aReg[p->aiOut[i]];
    rc = execEncodeValues(&s->key, 1, &pv, &p->aOutType[i], 0);
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

/* Free the run-time state; the operator can be opened again. */
static void setReset(ExecSetOp *s){
  rsFree(&s->right);
  rsInit(&s->right, 0);
  rsDedupFree(&s->dd);
  rsMergeFree(&s->mL);
  rsMergeFree(&s->mR);
}

/*
** Merge mode, loading: the rest of the right input joins the counted
** runs, then every left row goes into sorted runs; then both merges start.
*/
static int setLoadRuns(ExecSetOp *s, ExecCtx *pCtx){
  ExecOp *p = &s->base;
  RowStore left;
  int rc;
  rc = rsMergeSpill(&s->mR, &s->right, 1);
  for(;;){
    RsRow *r;
    if( rc ) return setIoError(pCtx, rc);
    rc = execNext(p->pRight, pCtx);
    if( rc==ML_DONE ) break;
    if( rc==ML_OK ) rc = setCopyRight(s, pCtx);
    if( rc==ML_OK ) rc = setKey(s, pCtx);
    if( rc ) return rc;
    r = rsFind(&s->right, s->key.a, (uint32_t)s->key.n);
    if( r ){ r->nCount++; continue; }
    rc = rsAddHashed(&s->right, s->key.a, (uint32_t)s->key.n, pCtx->aReg, 0, 0);
    if( rc==ML_OK && s->right.nBytes>=s->nBudget ) rc = rsMergeSpill(&s->mR, &s->right, 1);
  }
  rc = s->right.nRow>0 ? rsMergeSpill(&s->mR, &s->right, 1) : ML_OK;
  rsInit(&left, p->nOut);
  for(;;){
    if( rc ) break;
    rc = execNext(p->pLeft, pCtx);
    if( rc==ML_DONE ){ rc = ML_OK; break; }
    if( rc==ML_OK ) rc = setKey(s, pCtx);
    if( rc ) break;
    rc = rsAdd(&left, s->key.a, (uint32_t)s->key.n, pCtx->aReg, p->aiOut, 0);
    if( rc==ML_OK && left.nBytes>=s->nBudget ) rc = rsMergeSpill(&s->mL, &left, 0);
    if( rc ) rc = setIoError(pCtx, rc);
  }
  if( rc==ML_OK && left.nRow>0 ){
    rc = rsMergeSpill(&s->mL, &left, 0);
    if( rc ) rc = setIoError(pCtx, rc);
  }
  rsFree(&left);
  if( rc ) return rc;
  rc = rsMergeStart(&s->mL);
  if( rc==ML_OK ) rc = rsMergeStart(&s->mR);
  if( rc ) return setIoError(pCtx, rc);
  s->ePhase = SET_MERGE;
  s->bPendingL = 0;
  s->bGroup = 0;
  return ML_OK;
}

static int setOpen(ExecOp *p, ExecCtx *pCtx){
  ExecSetOp *s = (ExecSetOp*)p;
  int rc;
  setReset(s);
  s->nBudget = execMemBudget();
  rsDedupInit(&s->dd, p->nOut, s->nBudget);
  rsMergeInit(&s->mL, p->nOut);
  rsMergeInit(&s->mR, 1);
  s->ePhase = SET_LEFT;
  rc = execOpen(p->pLeft, pCtx);
  if( rc==ML_OK ) rc = execOpen(p->pRight, pCtx);
  if( rc ) return rc;
  if( s->op==EXEC_SET_UNION ) return ML_OK;
  /* EXCEPT / INTERSECT: count the right rows per key (keys only) */
  for(;;){
    RsRow *r;
    rc = execNext(p->pRight, pCtx);
    if( rc ) break;
    rc = setCopyRight(s, pCtx);
    if( rc==ML_OK ) rc = setKey(s, pCtx);
    if( rc ) break;
    r = rsFind(&s->right, s->key.a, (uint32_t)s->key.n);
    if( r ){ r->nCount++; continue; }
    rc = rsAddHashed(&s->right, s->key.a, (uint32_t)s->key.n, pCtx->aReg, 0, 0);
    if( rc ){ rc = mlErrorSet(pCtx->pErr, rc); break; }
    if( s->right.nBytes>=s->nBudget ) return setLoadRuns(s, pCtx);
  }
  if( rc!=ML_DONE ) return rc;
  /* the passing left rows share the budget with the right keys */
  s->dd.nBudget = s->nBudget - s->right.nBytes > s->nBudget/2 ? s->nBudget - s->right.nBytes
                                                               : s->nBudget/2 + 1;
  return ML_OK;
}

/*
** Merge mode: the next left row to emit, walking the left runs key group
** by key group against the right runs' counts.
*/
static int setMergeNext(ExecSetOp *s, ExecCtx *pCtx){
  ExecOp *p = &s->base;
  int rc, i;
  for(;;){
    RsRun *l, *r;
    int bEmit;
    if( s->bPendingL ){
      s->bPendingL = 0;
      rc = rsMergeAdvance(&s->mL);
      if( rc ) return setIoError(pCtx, rc);
    }
    l = rsMergeCur(&s->mL);
    if( l==0 ) return ML_DONE;
    if( !s->bGroup || rsKeyCmp(l->aBuf, l->nKey, s->key.a, (uint32_t)s->key.n)!=0 ){
      /* a new key group: count its right rows */
      strbufReset(&s->key);
      strbufAppend(&s->key, l->aBuf, l->nKey);
      if( strbufError(&s->key) ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
      s->bGroup = 1;
      s->nRightCnt = 0;
      s->iLeftCnt = 0;
      while( (r = rsMergeCur(&s->mR))!=0 ){
        int c = rsKeyCmp(r->aBuf, r->nKey, l->aBuf, l->nKey);
        if( c>0 ) break;
        if( c==0 ) s->nRightCnt += r->aVal[0].u.i;
        rc = rsMergeAdvance(&s->mR);
        if( rc ) return setIoError(pCtx, rc);
      }
    }
    s->iLeftCnt++;
    s->bPendingL = 1;
    if( s->op==EXEC_SET_EXCEPT ){
      bEmit = s->all ? s->iLeftCnt>s->nRightCnt : s->iLeftCnt==1 && s->nRightCnt==0;
    }else{
      bEmit = s->all ? s->iLeftCnt<=s->nRightCnt : s->iLeftCnt==1 && s->nRightCnt>0;
    }
    if( bEmit ){
      for(i=0; i<p->nOut; i++) pCtx->aReg[p->aiOut[i]] = l->aVal[i];
      return ML_OK;
    }
  }
}

/* Pass the current row through the dedup set: *pbNew if it is emitted now. */
static int setDedup(ExecSetOp *s, ExecCtx *pCtx, int *pbNew){
  int rc = rsDedupAdd(&s->dd, s->key.a, (uint32_t)s->key.n, pCtx->aReg, s->base.aiOut, pbNew);
  return rc ? setIoError(pCtx, rc) : ML_OK;
}

/* The next row RsDedup deferred (after the input ended), or ML_DONE. */
static int setDeferredNext(ExecSetOp *s, ExecCtx *pCtx){
  ExecOp *p = &s->base;
  const Value *aVal;
  int i, rc = rsDedupNext(&s->dd, &aVal);
  if( rc==ML_DONE ){
    s->ePhase = SET_DONE;
    return rc;
  }
  if( rc ) return setIoError(pCtx, rc);
  for(i=0; i<p->nOut; i++) pCtx->aReg[p->aiOut[i]] = aVal[i];
  return ML_OK;
}

/* The streamed input ended: go on with the deferred rows, if any. */
static int setEndInput(ExecSetOp *s, ExecCtx *pCtx){
  int rc;
  if( s->all ){
    s->ePhase = SET_DONE;
    return ML_DONE;
  }
  rc = rsDedupFinish(&s->dd);
  if( rc ) return setIoError(pCtx, rc);
  s->ePhase = SET_DEFERRED;
  return setDeferredNext(s, pCtx);
}

static int setNext(ExecOp *p, ExecCtx *pCtx){
  ExecSetOp *s = (ExecSetOp*)p;
  int rc, bNew;
  if( s->ePhase==SET_MERGE ) return setMergeNext(s, pCtx);
  if( s->op==EXEC_SET_UNION && s->all ){
    if( s->ePhase==SET_LEFT ){
      rc = execNext(p->pLeft, pCtx);
      if( rc!=ML_DONE ) return rc;
      s->ePhase = SET_RIGHT;
    }
    rc = execNext(p->pRight, pCtx);
    if( rc ) return rc;
    return setCopyRight(s, pCtx);
  }
  while( s->ePhase==SET_LEFT ){
    RsRow *r;
    rc = execNext(p->pLeft, pCtx);
    if( rc==ML_DONE ){
      if( s->op==EXEC_SET_UNION ){ s->ePhase = SET_RIGHT; break; }
      return setEndInput(s, pCtx);
    }
    if( rc ) return rc;
    rc = setKey(s, pCtx);
    if( rc ) return rc;
    if( s->op==EXEC_SET_UNION ){
      rc = setDedup(s, pCtx, &bNew);
      if( rc || bNew ) return rc;
      continue;
    }
    r = rsFind(&s->right, s->key.a, (uint32_t)s->key.n);
    if( s->all ){
      /* EXCEPT ALL passes a row once the right count is used up,
      ** INTERSECT ALL while it lasts */
      int bCounted = r && r->nCount>0;
      if( bCounted ) r->nCount--;
      if( (s->op==EXEC_SET_EXCEPT)!=bCounted ) return ML_OK;
      continue;
    }
    if( (s->op==EXEC_SET_EXCEPT)==(r!=0) ) continue;
    rc = setDedup(s, pCtx, &bNew);
    if( rc || bNew ) return rc;
  }
  while( s->ePhase==SET_RIGHT ){
    rc = execNext(p->pRight, pCtx);
    if( rc==ML_DONE ) return setEndInput(s, pCtx);
    if( rc==ML_OK ) rc = setCopyRight(s, pCtx);
    if( rc==ML_OK ) rc = setKey(s, pCtx);
    if( rc==ML_OK ) rc = setDedup(s, pCtx, &bNew);
    if( rc || bNew ) return rc;
  }
  return s->ePhase==SET_DEFERRED ? setDeferredNext(s, pCtx) : ML_DONE;
}

static void setClose(ExecOp *p, ExecCtx *pCtx){
  ExecSetOp *s = (ExecSetOp*)p;
  execClose(p->pLeft, pCtx);
  execClose(p->pRight, pCtx);
  setReset(s);
  strbufFree(&s->key);
}

static void setExplain(ExecOp *p, StrBuf *pOut){
  ExecSetOp *s = (ExecSetOp*)p;
  strbufAppendStr(pOut, s->op==EXEC_SET_UNION ? " UNION" : s->op==EXEC_SET_EXCEPT ? " EXCEPT" : " INTERSECT");
  if( s->all ) strbufAppendStr(pOut, " ALL");
}

static const ExecOpVt setVt = { "SET OPERATION", setOpen, setNext, setClose, setExplain, 0 };

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
  rsInit(&s->right, 0);
  rsDedupInit(&s->dd, nCol, 1);
  rsMergeInit(&s->mL, nCol);
  rsMergeInit(&s->mR, 1);
  strbufInit(&s->key, 0, 0);
  return &s->base;
}
