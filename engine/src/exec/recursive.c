/*
** WITH RECURSIVE (exec/ layer): the recursive union operator and the scan
** of its working table.  The operator first returns the anchor's rows,
** keeping each in the working table; then it runs the recursive step,
** whose leaves read the working table through execWorkScanNew, keeps the
** step's rows as the next working table, and repeats until a round adds
** no row.  With UNION (all=0) a row already produced is dropped before it
** is returned or kept, so cycles end; with UNION ALL every row counts and
** a query that never stops hits the round or row guard (-12299).  Rows of
** the step are cast to the anchor's column types.  The working tables are
** row stores (rowstore.h); two alternate, one read by the step and one
** filled by it.
*/
#include "exec/exec.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "exec/rowstore.h"
#include "types/cast.h"

/* The rows of the previous round and those of the current one. */
struct ExecWorkTable {
  int nCol;
  SqlType *aType;          /* [nCol] the anchor's column types */
  RowStore aStore[2];      /* working tables, alternating */
  int iRead;               /* aStore[iRead] is read by the step's scans */
};

/* The recursive union. */
typedef struct ExecRecursive {
  ExecOp base;             /* pLeft: anchor; pRight: recursive step */
  ExecWorkTable *pWork;
  int all;                 /* UNION ALL */
  RowStore seen;           /* UNION: every row produced (hashed keys) */
  StrBuf key;
  int ePhase;              /* 0 anchor, 1 step, 2 done */
  int bStepOpen;           /* the step is open (closed between rounds) */
  int64_t nRound;          /* rounds of the step run so far */
  int64_t nRow;            /* rows produced */
} ExecRecursive;

/* A scan of the working table being read. */
typedef struct ExecWorkScan {
  ExecOp base;
  ExecWorkTable *pWork;
  int64_t iNext;
} ExecWorkScan;

/* ------------------------------------------------------ working table */

ExecWorkTable *execWorkTableNew(Arena *pA, int nCol, SqlType *aType){
  ExecWorkTable *w = arenaAlloc(pA, sizeof(ExecWorkTable));
  if( w==0 ) return 0;
  memset(w, 0, sizeof(*w));
  w->nCol = nCol;
  w->aType = aType;
  rsInit(&w->aStore[0], nCol);
  rsInit(&w->aStore[1], nCol);
  return w;
}

static int workOpen(ExecOp *p, ExecCtx *pCtx){
  (void)pCtx;
  ((ExecWorkScan*)p)->iNext = 0;
  return ML_OK;
}

/* Next row of the working table into this scan's registers. */
static int workNext(ExecOp *p, ExecCtx *pCtx){
  ExecWorkScan *w = (ExecWorkScan*)p;
  RowStore *pStore = &w->pWork->aStore[w->pWork->iRead];
  if( w->iNext>=pStore->nRow ) return ML_DONE;
  rsRestore(pStore->aRow[w->iNext++], p->nOut, pCtx->aReg, p->aiOut);
  return ML_OK;
}

static void workClose(ExecOp *p, ExecCtx *pCtx){ (void)p; (void)pCtx; }

static const ExecOpVt workVt = { "WORKING TABLE SCAN", workOpen, workNext, workClose, 0, 0 };

ExecOp *execWorkScanNew(Arena *pA, ExecWorkTable *pWork, int iRegBase){
  ExecWorkScan *w = arenaAlloc(pA, sizeof(ExecWorkScan));
  int i;
  if( w==0 ) return 0;
  memset(w, 0, sizeof(*w));
  w->base.pVt = &workVt;
  w->base.nOut = pWork->nCol;
  w->base.aiOut = arenaAlloc(pA, sizeof(int)*(pWork->nCol+1));
  w->base.aOutType = pWork->aType;
  w->base.nEst = 100;
  w->pWork = pWork;
  if( w->base.aiOut==0 ) return 0;
  for(i=0; i<pWork->nCol; i++) w->base.aiOut[i] = iRegBase+i;
  return &w->base;
}

/* ---------------------------------------------------- recursive union */

static int recOpen(ExecOp *p, ExecCtx *pCtx){
  ExecRecursive *r = (ExecRecursive*)p;
  ExecWorkTable *w = r->pWork;
  rsFree(&w->aStore[0]); rsInit(&w->aStore[0], w->nCol);
  rsFree(&w->aStore[1]); rsInit(&w->aStore[1], w->nCol);
  w->iRead = 1;            /* the anchor fills aStore[0] */
  rsFree(&r->seen); rsInit(&r->seen, 0);
  if( r->bStepOpen ){ execClose(p->pRight, pCtx); r->bStepOpen = 0; }
  r->ePhase = 0;
  r->nRound = 0;
  r->nRow = 0;
  return execOpen(p->pLeft, pCtx);
}

/*
** Take the row input pIn produced: cast it into the output registers,
** drop it under UNION when produced before (*pbKeep = 0), else keep it
** in the working table being filled.
*/
static int recTake(ExecRecursive *r, ExecCtx *pCtx, ExecOp *pIn, int *pbKeep){
  ExecOp *p = &r->base;
  ExecWorkTable *w = r->pWork;
  int i, rc = ML_OK;
  *pbKeep = 0;
  assert( pIn->nOut==p->nOut );
  for(i=0; rc==ML_OK && i<p->nOut; i++){
    Value v = pCtx->aReg[pIn->aiOut[i]];
    rc = valueCast(&v, &pIn->aOutType[i], &p->aOutType[i], pCtx->pScratch,
                   &pCtx->aReg[p->aiOut[i]], pCtx->pErr);
  }
  if( rc ) return rc;
  if( !r->all ){
    strbufReset(&r->key);
    for(i=0; rc==ML_OK && i<p->nOut; i++){
      const Value *pv = &pCtx->aReg[p->aiOut[i]];
      rc = execEncodeValues(&r->key, 1, &pv, &p->aOutType[i], 0);
    }
    if( rc ) return mlErrorSet(pCtx->pErr, rc, "");
    if( rsFind(&r->seen, r->key.a, (uint32_t)r->key.n) ) return ML_OK;
    rc = rsAddHashed(&r->seen, r->key.a, (uint32_t)r->key.n, pCtx->aReg, 0, 0);
    if( rc ) return mlErrorSet(pCtx->pErr, rc);
  }
  if( ++r->nRow>EXEC_RECURSIVE_MAX_ROWS ){
    char z[64];
    snprintf(z, sizeof(z), "%d rows", EXEC_RECURSIVE_MAX_ROWS);
    return mlErrorSet(pCtx->pErr, ML_E_RECURSION_LIMIT, z);
  }
  rc = rsAdd(&w->aStore[1-w->iRead], 0, 0, pCtx->aReg, p->aiOut, 0);
  if( rc ) return mlErrorSet(pCtx->pErr, rc);
  *pbKeep = 1;
  return ML_OK;
}

/*
** Start the next round: the rows just kept become the working table the
** step reads, the other store is emptied for the new rows.  ML_DONE when
** the last round kept none.
*/
static int recNextRound(ExecRecursive *r, ExecCtx *pCtx){
  ExecWorkTable *w = r->pWork;
  int iFill = 1 - w->iRead;
  if( w->aStore[iFill].nRow==0 ) return ML_DONE;
  if( ++r->nRound>EXEC_RECURSIVE_MAX_DEPTH ){
    char z[64];
    snprintf(z, sizeof(z), "%d levels of recursion", EXEC_RECURSIVE_MAX_DEPTH);
    return mlErrorSet(pCtx->pErr, ML_E_RECURSION_LIMIT, z);
  }
  if( r->bStepOpen ){ execClose(r->base.pRight, pCtx); r->bStepOpen = 0; }
  w->iRead = iFill;
  rsFree(&w->aStore[1-iFill]);
  rsInit(&w->aStore[1-iFill], w->nCol);
  r->bStepOpen = 1;
  return execOpen(r->base.pRight, pCtx);
}

static int recNext(ExecOp *p, ExecCtx *pCtx){
  ExecRecursive *r = (ExecRecursive*)p;
  int rc, bKeep;
  while( r->ePhase==0 ){
    rc = execNext(p->pLeft, pCtx);
    if( rc==ML_DONE ){
      r->ePhase = 1;
      rc = recNextRound(r, pCtx);
      if( rc==ML_DONE ){ r->ePhase = 2; return ML_DONE; }
      if( rc ) return rc;
      break;
    }
    if( rc ) return rc;
    rc = recTake(r, pCtx, p->pLeft, &bKeep);
    if( rc || bKeep ) return rc;
  }
  while( r->ePhase==1 ){
    rc = execNext(p->pRight, pCtx);
    if( rc==ML_DONE ){
      rc = recNextRound(r, pCtx);
      if( rc==ML_DONE ){ r->ePhase = 2; return ML_DONE; }
      if( rc ) return rc;
      continue;
    }
    if( rc ) return rc;
    rc = recTake(r, pCtx, p->pRight, &bKeep);
    if( rc || bKeep ) return rc;
  }
  return ML_DONE;
}

static void recClose(ExecOp *p, ExecCtx *pCtx){
  ExecRecursive *r = (ExecRecursive*)p;
  execClose(p->pLeft, pCtx);
  if( r->bStepOpen ){ execClose(p->pRight, pCtx); r->bStepOpen = 0; }
  rsFree(&r->pWork->aStore[0]);
  rsFree(&r->pWork->aStore[1]);
  rsFree(&r->seen);
  strbufFree(&r->key);
}

static void recExplain(ExecOp *p, StrBuf *pOut){
  strbufAppendStr(pOut, ((ExecRecursive*)p)->all ? " UNION ALL" : " UNION");
}

static const ExecOpVt recVt = { "RECURSIVE UNION", recOpen, recNext, recClose, recExplain, 0 };

ExecOp *execRecursiveNew(Arena *pA, ExecOp *pAnchor, ExecOp *pStep, ExecWorkTable *pWork,
                         int all, int *aiReg){
  ExecRecursive *r = arenaAlloc(pA, sizeof(ExecRecursive));
  if( r==0 ) return 0;
  assert( pAnchor->nOut==pWork->nCol && pStep->nOut==pWork->nCol );
  memset(r, 0, sizeof(*r));
  r->base.pVt = &recVt;
  r->base.pLeft = pAnchor;
  r->base.pRight = pStep;
  r->base.nOut = pWork->nCol;
  r->base.aiOut = aiReg;
  r->base.aOutType = pWork->aType;
  r->base.nEst = pAnchor->nEst * 10;
  r->pWork = pWork;
  r->all = all;
  rsInit(&r->seen, 0);
  strbufInit(&r->key, 0, 0);
  return &r->base;
}
