/*
** Sort (exec/ layer): reads all input rows, keeps their registers and a
** key encoded with the key codec (so ORDER BY order is memcmp order: NULLs
** last ascending, first descending, PAD SPACE strings, numbers of every
** type comparable), sorts, then replays the rows into the registers.
**
** External merge sort: rows are kept in memory up to the memory budget
** (execMemBudget: $MIMERLITE_SORT_MEMORY bytes, default a few MB); when
** the budget fills, the rows are sorted and written as a run (rowstore.h
** RsMerge: an unlinked temporary file in $TMPDIR) and the store is
** emptied.  RsMerge merges every RS_MERGE_FANIN runs of one tier into one
** run of the next tier as they accumulate, so the files open at once stay
** bounded (a few dozen) however far the input exceeds the budget.  At the
** end, if any run was written, the rest becomes a run too and the runs
** are merged k ways: each run has a read buffer holding its current row,
** whose strings the registers point into until the sort moves on.  Equal
** keys keep input order (runs are in input order, tier merges take
** adjacent runs, and ties go to the earlier run), as in the in-memory
** sort.
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
  RowStore rs;             /* rows in memory */
  int64_t iNext;           /* in-memory replay: next row of rs */
  int bLoaded;             /* the input has been read */
  int bSpilled;            /* runs were written: rows come from merge */
  int bPending;            /* merge's current row was returned last */
  RsMerge merge;           /* spilled runs */
} ExecSort;

/* Report a spill error code as a Mimer error. */
static int sortIoError(ExecCtx *pCtx, int rc){
  if( rc==ML_E_NOMEM ) return mlErrorSet(pCtx->pErr, rc);
  return mlErrorSet(pCtx->pErr, ML_E_INTERNAL, "temporary sort file I/O failed");
}

/* Sort the rows in memory, write them as the newest run, empty the store. */
static int sortSpill(ExecSort *s, ExecCtx *pCtx){
  int rc = rsMergeSpill(&s->merge, &s->rs, 0);
  if( rc ) return sortIoError(pCtx, rc);
  s->bSpilled = 1;
  return ML_OK;
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
  if( s->bSpilled ){
    if( s->rs.nRow>0 ){
      rc = sortSpill(s, pCtx);
      if( rc ) return rc;
    }
    rc = rsMergeStart(&s->merge);
    return rc ? sortIoError(pCtx, rc) : ML_OK;
  }
  rc = rsSort(&s->rs);
  return rc ? mlErrorSet(pCtx->pErr, rc) : ML_OK;
}

static int sortOpen(ExecOp *p, ExecCtx *pCtx){
  ExecSort *s = (ExecSort*)p;
  rsFree(&s->rs);
  rsInit(&s->rs, p->nOut);
  rsMergeFree(&s->merge);
  s->nBudget = execMemBudget();
  s->iNext = 0;
  s->bLoaded = 0;
  s->bSpilled = 0;
  s->bPending = 0;
  return execOpen(p->pLeft, pCtx);
}

static int sortNext(ExecOp *p, ExecCtx *pCtx){
  ExecSort *s = (ExecSort*)p;
  if( !s->bLoaded ){
    int rc = sortLoad(s, pCtx);
    if( rc ) return rc;
    s->bLoaded = 1;
  }
  if( s->bSpilled ){
    RsRun *r;
    int i;
    if( s->bPending ){
      int rc = rsMergeAdvance(&s->merge);
      if( rc ) return sortIoError(pCtx, rc);
    }
    r = rsMergeCur(&s->merge);
    s->bPending = r!=0;
    if( r==0 ) return ML_DONE;
    for(i=0; i<p->nOut; i++) pCtx->aReg[p->aiOut[i]] = r->aVal[i];
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
  rsMergeFree(&s->merge);
}

static const ExecOpVt sortVt = { "SORT", sortOpen, sortNext, sortClose, 0, 1 };

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
  rsMergeInit(&s->merge, pIn->nOut);
  return &s->base;
}
