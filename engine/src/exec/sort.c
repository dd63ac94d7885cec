/*
** Sort (exec/ layer): reads all input rows, keeps their registers and a
** key encoded with the key codec (so ORDER BY order is memcmp order: NULLs
** last ascending, first descending, PAD SPACE strings, numbers of every
** type comparable), sorts, then replays the rows into the registers.
**
** External merge sort: rows are kept in memory up to the memory budget
** (execMemBudget: $MIMERLITE_SORT_MEMORY bytes, default a few MB); when
** the budget fills, the rows are sorted and written as a run (rowstore.h:
** an unlinked temporary file in $TMPDIR) and the store is emptied.  At the end, if
** any run was written, the rest becomes a run too and the runs are merged
** k ways: each run has a read buffer holding its current row, whose
** strings the registers point into until the sort moves on.  Equal keys
** keep input order (runs are in input order and ties go to the earlier
** run), as in the in-memory sort.
*/
#include "exec/exec.h"

#include <stdlib.h>
#include <string.h>

#include "exec/rowstore.h"
#include "expr/expr.h"

int64_t execMemBudget(void){
  const char *z = getenv("MIMERLITE_SORT_MEMORY");
  long long n = z ? atoll(z) : 0;
  return n>0 ? (int64_t)n : EXEC_MEM_DEFAULT;
}

typedef struct ExecSort {
  ExecOp base;
  int nKey;
  ExecSortKey *aKey;
  int64_t nBudget;         /* bytes of rows kept in memory */
  RowStore rs;
  int64_t iNext;
  int bLoaded;
  int nRun, nRunAlloc;
  RsRun *aRun;             /* spilled runs, or 0 */
  uint8_t *aLive;          /* [nRun] the run has a current row */
  int iCur;                /* run whose row was returned last, or -1 */
} ExecSort;

/* Close and free every run. */
static void sortFreeRuns(ExecSort *s){
  int i;
  for(i=0; i<s->nRun; i++) rsRunClose(&s->aRun[i]);
  free(s->aRun);
  free(s->aLive);
  s->aRun = 0;
  s->aLive = 0;
  s->nRun = s->nRunAlloc = 0;
}

/* Report a spill error code as a Mimer error. */
static int sortIoError(ExecCtx *pCtx, int rc){
  if( rc==ML_E_NOMEM ) return mlErrorSet(pCtx->pErr, rc);
  return mlErrorSet(pCtx->pErr, ML_E_INTERNAL, "temporary sort file I/O failed");
}

/* Sort the rows in memory, write them as a new run, empty the store. */
static int sortSpill(ExecSort *s, ExecCtx *pCtx){
  RsRun *r;
  int64_t i;
  int rc;
  if( s->nRun==s->nRunAlloc ){
    int nNew = s->nRunAlloc ? s->nRunAlloc*2 : 8;
    RsRun *aNew = realloc(s->aRun, sizeof(RsRun)*nNew);
    if( aNew==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
    s->aRun = aNew;
    s->nRunAlloc = nNew;
  }
  r = &s->aRun[s->nRun++];
  rc = rsRunCreate(r, s->base.nOut);
  if( rc==ML_OK ) rc = rsSort(&s->rs);
  for(i=0; rc==ML_OK && i<s->rs.nRow; i++){
    const RsRow *pRow = s->rs.aRow[i];
    rc = rsRunWrite(r, pRow->aKey, pRow->nKey, pRow->aVal);
  }
  if( rc==ML_OK ) rc = rsRunRewind(r);
  if( rc ) return sortIoError(pCtx, rc);
  rsFree(&s->rs);
  rsInit(&s->rs, s->base.nOut);
  return ML_OK;
}

/* Advance run i to its next row. */
static int sortRunNext(ExecSort *s, ExecCtx *pCtx, int i){
  int rc = rsRunRead(&s->aRun[i]);
  s->aLive[i] = rc==ML_OK;
  return rc==ML_OK || rc==ML_DONE ? ML_OK : sortIoError(pCtx, rc);
}

/* Start merging: every run reads its first row. */
static int sortMergeStart(ExecSort *s, ExecCtx *pCtx){
  int i, rc;
  s->aLive = calloc((size_t)s->nRun, 1);
  if( s->aLive==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
  for(i=0; i<s->nRun; i++){
    rc = sortRunNext(s, pCtx, i);
    if( rc ) return rc;
  }
  s->iCur = -1;
  return ML_OK;
}

/* The run with the smallest current row (earlier run on ties), or -1. */
static int sortMergeMin(ExecSort *s){
  int i, iMin = -1;
  for(i=0; i<s->nRun; i++){
    const RsRun *r = &s->aRun[i];
    if( !s->aLive[i] ) continue;
    if( iMin<0 || rsKeyCmp(r->aBuf, r->nKey, s->aRun[iMin].aBuf, s->aRun[iMin].nKey)<0 ){
      iMin = i;
    }
  }
  return iMin;
}

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
    if( rc==ML_OK && s->rs.nBytes>=s->nBudget ) rc = sortSpill(s, pCtx);
    if( rc ) break;
  }
  strbufFree(&key);
  if( rc!=ML_DONE ) return rc;
  if( s->nRun>0 ){
    if( s->rs.nRow>0 ){
      rc = sortSpill(s, pCtx);
      if( rc ) return rc;
    }
    return sortMergeStart(s, pCtx);
  }
  rc = rsSort(&s->rs);
  return rc ? mlErrorSet(pCtx->pErr, rc) : ML_OK;
}

static int sortOpen(ExecOp *p, ExecCtx *pCtx){
  ExecSort *s = (ExecSort*)p;
  rsFree(&s->rs);
  rsInit(&s->rs, p->nOut);
  sortFreeRuns(s);
  s->nBudget = execMemBudget();
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
  if( s->nRun>0 ){
    int i, rc;
    if( s->iCur>=0 ){
      rc = sortRunNext(s, pCtx, s->iCur);
      if( rc ) return rc;
    }
    s->iCur = sortMergeMin(s);
    if( s->iCur<0 ) return ML_DONE;
    for(i=0; i<p->nOut; i++) pCtx->aReg[p->aiOut[i]] = s->aRun[s->iCur].aVal[i];
    return ML_OK;
  }
  if( s->iNext>=s->rs.nRow ) return ML_DONE;
  rsRestore(s->rs.aRow[s->iNext++], p->nOut, pCtx->aReg, p->aiOut);
  return ML_OK;
}

static void sortClose(ExecOp *p, ExecCtx *pCtx){
  ExecSort *s = (ExecSort*)p;
  execClose(p->pLeft, pCtx);
  rsFree(&s->rs);
  sortFreeRuns(s);
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
  s->iCur = -1;
  rsInit(&s->rs, pIn->nOut);
  return &s->base;
}
