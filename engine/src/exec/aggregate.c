/*
** Grouping and set functions (exec/ layer): COUNT(*), COUNT, SUM, AVG, MIN
** and MAX, with or without DISTINCT, over groups of equal GROUP BY values
** (NULLs form one group).  All input is read at the first xNext: each row's
** group key is encoded with the key codec and looked up in a hashed row
** store holding the group's values and accumulators; DISTINCT arguments
** are remembered in a second hashed store keyed by group, function and
** value.  Without GROUP BY there is exactly one group, even for no input.
**
** Memory budget (execMemBudget): when the groups outgrow it, they are
** sorted by key and written with their partial accumulators as a run
** (rowstore.h spill runs) and the store starts empty again; at the end
** the runs are merged by key and the partial states of equal groups
** combined (counts and sums add, MIN/MAX compare), so memory stays
** bounded by the budget whatever the number of groups.  DISTINCT set
** functions need every value seen per group, so they do not spill.
*/
#include "exec/exec.h"

#include <stdlib.h>
#include <string.h>

#include "exec/rowstore.h"
#include "expr/expr.h"
#include "types/arith.h"
#include "types/cast.h"
#include "types/compare.h"
#include "types/typesys.h"

typedef struct AggAcc {
  int64_t n;               /* non-NULL values seen (COUNT, AVG) */
  Value v;                 /* SUM / AVG sum, MIN / MAX value; isNull until set */
} AggAcc;

typedef struct ExecAggregate {
  ExecOp base;
  int nGroup;
  Expr **apGroup;
  int *aiGroupReg;
  SqlType *aGroupType;
  int nAgg;
  ExecAgg *aAgg;
  RowStore groups;
  RowStore distinct;
  StrBuf key, dkey;
  int64_t iNext;
  int bLoaded;
  int bDistinct;           /* some set function is DISTINCT: no spilling */
  int64_t nBudget;         /* bytes of groups kept in memory */
  int nRun, nRunAlloc;
  RsRun *aRun;             /* spilled runs of partial groups */
  uint8_t *aLive;          /* [nRun] the run has a current group */
  int iCur;                /* run whose group was returned last, or -1 */
  Value *aSpill;           /* [nGroup+2*nAgg] one group's values for a run */
  AggAcc *aMerge;          /* [nAgg] merged accumulators of the output group */
  Arena mergeArena;        /* MIN/MAX strings taken from other runs */
} ExecAggregate;

/* Close and free every run. */
static void aggFreeRuns(ExecAggregate *a){
  int i;
  for(i=0; i<a->nRun; i++) rsRunClose(&a->aRun[i]);
  free(a->aRun);
  free(a->aLive);
  a->aRun = 0;
  a->aLive = 0;
  a->nRun = a->nRunAlloc = 0;
}

/* Report a spill error code as a Mimer error. */
static int aggIoError(ExecCtx *pCtx, int rc){
  if( rc==ML_E_NOMEM ) return mlErrorSet(pCtx->pErr, rc);
  return mlErrorSet(pCtx->pErr, ML_E_INTERNAL, "temporary grouping file I/O failed");
}

/*
** Write the groups in memory, sorted by key, as a new run: per group its
** GROUP BY values, then per set function its count (BIGINT) and partial
** value.  Empties the store.
*/
static int aggSpill(ExecAggregate *a, ExecCtx *pCtx){
  RsRun *r;
  int64_t i;
  int k, rc;
  if( a->nRun==a->nRunAlloc ){
    int nNew = a->nRunAlloc ? a->nRunAlloc*2 : 8;
    RsRun *aNew = realloc(a->aRun, sizeof(RsRun)*nNew);
    if( aNew==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
    a->aRun = aNew;
    a->nRunAlloc = nNew;
  }
  r = &a->aRun[a->nRun++];
  rc = rsRunCreate(r, a->nGroup + 2*a->nAgg);
  if( rc==ML_OK ) rc = rsSort(&a->groups);
  for(i=0; rc==ML_OK && i<a->groups.nRow; i++){
    const RsRow *pRow = a->groups.aRow[i];
    const AggAcc *aAcc = pRow->pAux;
    for(k=0; k<a->nGroup; k++) a->aSpill[k] = pRow->aVal[k];
    for(k=0; k<a->nAgg; k++){
      Value *pN = &a->aSpill[a->nGroup+2*k];
      memset(pN, 0, sizeof(*pN));
      pN->type = SQLT_BIGINT;
      pN->u.i = aAcc[k].n;
      a->aSpill[a->nGroup+2*k+1] = aAcc[k].v;
    }
    rc = rsRunWrite(r, pRow->aKey, pRow->nKey, a->aSpill);
  }
  if( rc==ML_OK ) rc = rsRunRewind(r);
  if( rc ) return aggIoError(pCtx, rc);
  rsFree(&a->groups);
  rsInit(&a->groups, a->nGroup);
  return ML_OK;
}

/* Advance run i to its next group. */
static int aggRunNext(ExecAggregate *a, ExecCtx *pCtx, int i){
  int rc = rsRunRead(&a->aRun[i]);
  a->aLive[i] = rc==ML_OK;
  return rc==ML_OK || rc==ML_DONE ? ML_OK : aggIoError(pCtx, rc);
}

static int aggAccumulate(ExecAggregate *a, ExecCtx *pCtx, RsRow *pGroup){
  AggAcc *aAcc = pGroup->pAux;
  int i, rc = ML_OK;
  for(i=0; rc==ML_OK && i<a->nAgg; i++){
    ExecAgg *g = &a->aAgg[i];
    AggAcc *acc = &aAcc[i];
    Value v;
    if( g->fn==EXEC_AGG_COUNT_STAR ){ acc->n++; continue; }
    rc = exprEval(pCtx, g->pArg, &v);
    if( rc ) return rc;
    if( v.isNull ) continue;
    if( g->distinct ){
      const Value *pv = &v;
      strbufReset(&a->dkey);
      strbufAppend(&a->dkey, pGroup->aKey, pGroup->nKey);
      strbufAppendByte(&a->dkey, (unsigned char)i);
      rc = execEncodeValues(&a->dkey, 1, &pv, &g->pArg->type, 0);
      if( rc ) return mlErrorSet(pCtx->pErr, rc, "");
      if( rsFind(&a->distinct, a->dkey.a, (uint32_t)a->dkey.n) ) continue;
      rc = rsAddHashed(&a->distinct, a->dkey.a, (uint32_t)a->dkey.n, 0, 0, 0);
      if( rc ) return mlErrorSet(pCtx->pErr, rc);
    }
    acc->n++;
    switch( g->fn ){
      case EXEC_AGG_COUNT:
        break;
      case EXEC_AGG_SUM: case EXEC_AGG_AVG:
        if( acc->v.isNull ){
          rc = valueCast(&v, &g->pArg->type, &g->type, &a->groups.arena, &acc->v, pCtx->pErr);
        }else{
          rc = valueArith(TYPE_OP_ADD, &acc->v, &g->type, &v, &g->pArg->type, &g->type,
                          &acc->v, pCtx->pErr);
        }
        break;
      default: {
        int cmp = 0;
        if( !acc->v.isNull ){
          rc = valueCompare(&v, &g->pArg->type, &acc->v, &g->type, &cmp);
          if( rc ) return mlErrorSet(pCtx->pErr, rc, "operands", "MIN/MAX");
        }
        if( acc->v.isNull || (g->fn==EXEC_AGG_MIN ? cmp<0 : cmp>0) ){
          rc = execValueCopy(&a->groups.arena, &acc->v, &v);
          if( rc ) rc = mlErrorSet(pCtx->pErr, rc);
        }
        break;
      }
    }
  }
  return rc;
}

/* A new group for the current row: registers saved, accumulators reset. */
static int aggNewGroup(ExecAggregate *a, ExecCtx *pCtx, RsRow **ppGroup){
  AggAcc *aAcc;
  int i, rc = rsAddHashed(&a->groups, a->key.a, (uint32_t)a->key.n, pCtx->aReg,
                          a->aiGroupReg, ppGroup);
  if( rc ) return mlErrorSet(pCtx->pErr, rc);
  aAcc = arenaAlloc(&a->groups.arena, sizeof(AggAcc)*(a->nAgg+1));
  if( aAcc==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
  memset(aAcc, 0, sizeof(AggAcc)*(a->nAgg+1));
  for(i=0; i<a->nAgg; i++) aAcc[i].v.isNull = 1;
  (*ppGroup)->pAux = aAcc;
  return ML_OK;
}

static int aggLoad(ExecAggregate *a, ExecCtx *pCtx){
  ExecOp *p = &a->base;
  int rc, i;
  for(;;){
    ArenaMark m;
    RsRow *pGroup;
    rc = execNext(p->pLeft, pCtx);
    if( rc ) break;
    m = arenaMark(pCtx->pScratch);
    strbufReset(&a->key);
    for(i=0; rc==ML_OK && i<a->nGroup; i++){
      Value v;
      rc = exprEval(pCtx, a->apGroup[i], &v);
      if( rc==ML_OK ){
        const Value *pv = &v;
        pCtx->aReg[a->aiGroupReg[i]] = v;
        rc = execEncodeValues(&a->key, 1, &pv, &a->aGroupType[i], 0);
        if( rc ) rc = mlErrorSet(pCtx->pErr, rc, "");
      }
    }
    if( rc==ML_OK ){
      pGroup = rsFind(&a->groups, a->key.a, (uint32_t)a->key.n);
      if( pGroup==0 ) rc = aggNewGroup(a, pCtx, &pGroup);
      if( rc==ML_OK ) rc = aggAccumulate(a, pCtx, pGroup);
    }
    arenaRelease(pCtx->pScratch, m);
    if( rc==ML_OK && a->nGroup>0 && !a->bDistinct && a->groups.nBytes>=a->nBudget ){
      rc = aggSpill(a, pCtx);
    }
    if( rc ) break;
  }
  if( rc!=ML_DONE ) return rc;
  if( a->nRun>0 ){
    int i;
    if( a->groups.nRow>0 ){
      rc = aggSpill(a, pCtx);
      if( rc ) return rc;
    }
    a->aLive = calloc((size_t)a->nRun, 1);
    if( a->aLive==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
    for(i=0; i<a->nRun; i++){
      rc = aggRunNext(a, pCtx, i);
      if( rc ) return rc;
    }
    a->iCur = -1;
    return ML_OK;
  }
  if( a->nGroup==0 && a->groups.nRow==0 ){
    RsRow *pGroup;
    strbufReset(&a->key);
    rc = aggNewGroup(a, pCtx, &pGroup);
    if( rc ) return rc;
  }
  return ML_OK;
}

static int aggOpen(ExecOp *p, ExecCtx *pCtx){
  ExecAggregate *a = (ExecAggregate*)p;
  rsFree(&a->groups); rsInit(&a->groups, a->nGroup);
  rsFree(&a->distinct); rsInit(&a->distinct, 0);
  aggFreeRuns(a);
  a->nBudget = execMemBudget();
  a->iNext = 0;
  a->bLoaded = 0;
  a->iCur = -1;
  if( a->aSpill==0 ){
    a->aSpill = malloc(sizeof(Value)*(a->nGroup+2*a->nAgg+1));
    a->aMerge = malloc(sizeof(AggAcc)*(a->nAgg+1));
    if( a->aSpill==0 || a->aMerge==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
  }
  return execOpen(p->pLeft, pCtx);
}

/* Set the set functions' result registers from the accumulators aAcc. */
static int aggOutput(ExecAggregate *a, ExecCtx *pCtx, AggAcc *aAcc){
  int i, rc;
  for(i=0; i<a->nAgg; i++){
    ExecAgg *g = &a->aAgg[i];
    Value *pOut = &pCtx->aReg[g->iReg];
    memset(pOut, 0, sizeof(*pOut));
    pOut->type = g->type.id;
    if( g->fn==EXEC_AGG_COUNT_STAR || g->fn==EXEC_AGG_COUNT ){
      pOut->u.i = aAcc[i].n;
    }else if( aAcc[i].v.isNull ){
      pOut->isNull = 1;
    }else if( g->fn==EXEC_AGG_AVG ){
      static const SqlType tBig = { SQLT_BIGINT, 0, 0, 0, 0 };
      Value n;
      memset(&n, 0, sizeof(n));
      n.type = SQLT_BIGINT;
      n.u.i = aAcc[i].n;
      rc = valueArith(TYPE_OP_DIV, &aAcc[i].v, &g->type, &n, &tBig, &g->type, pOut, pCtx->pErr);
      if( rc ) return rc;
    }else{
      *pOut = aAcc[i].v;
    }
  }
  return ML_OK;
}

/* Fold the partial state of set function i from run values aV into acc. */
static int aggCombine(ExecAggregate *a, ExecCtx *pCtx, int i, const Value *aV, AggAcc *acc){
  ExecAgg *g = &a->aAgg[i];
  const Value *pV = &aV[a->nGroup+2*i+1];
  int rc = ML_OK, cmp = 0;
  acc->n += aV[a->nGroup+2*i].u.i;
  if( pV->isNull ) return ML_OK;
  if( acc->v.isNull ){
    return execValueCopy(&a->mergeArena, &acc->v, pV) ? mlErrorSet(pCtx->pErr, ML_E_NOMEM) : ML_OK;
  }
  switch( g->fn ){
    case EXEC_AGG_SUM: case EXEC_AGG_AVG:
      rc = valueArith(TYPE_OP_ADD, &acc->v, &g->type, pV, &g->type, &g->type, &acc->v, pCtx->pErr);
      break;
    case EXEC_AGG_MIN: case EXEC_AGG_MAX:
      rc = valueCompare(pV, &g->type, &acc->v, &g->type, &cmp);
      if( rc ) return mlErrorSet(pCtx->pErr, rc, "operands", "MIN/MAX");
      if( g->fn==EXEC_AGG_MIN ? cmp<0 : cmp>0 ){
        if( execValueCopy(&a->mergeArena, &acc->v, pV) ) rc = mlErrorSet(pCtx->pErr, ML_E_NOMEM);
      }
      break;
    default:
      break;
  }
  return rc;
}

/*
** The next group from the spilled runs: the smallest key, its partial
** states from every run holding it combined.  The group's values stay in
** its first run's buffer until the next call.
*/
static int aggMergeNext(ExecAggregate *a, ExecCtx *pCtx){
  int i, j, rc, iMin = -1;
  RsRun *m;
  if( a->iCur>=0 ){
    rc = aggRunNext(a, pCtx, a->iCur);
    if( rc ) return rc;
  }
  for(i=0; i<a->nRun; i++){
    RsRun *r = &a->aRun[i];
    if( !a->aLive[i] ) continue;
    if( iMin<0 || rsKeyCmp(r->aBuf, r->nKey, a->aRun[iMin].aBuf, a->aRun[iMin].nKey)<0 ) iMin = i;
  }
  a->iCur = iMin;
  if( iMin<0 ) return ML_DONE;
  m = &a->aRun[iMin];
  arenaReset(&a->mergeArena);
  for(i=0; i<a->nAgg; i++){
    a->aMerge[i].n = 0;
    memset(&a->aMerge[i].v, 0, sizeof(Value));
    a->aMerge[i].v.isNull = 1;
    rc = aggCombine(a, pCtx, i, m->aVal, &a->aMerge[i]);
    if( rc ) return rc;
  }
  for(j=0; j<a->nRun; j++){
    RsRun *r = &a->aRun[j];
    if( j==iMin || !a->aLive[j] || rsKeyCmp(r->aBuf, r->nKey, m->aBuf, m->nKey)!=0 ) continue;
    for(i=0; i<a->nAgg; i++){
      rc = aggCombine(a, pCtx, i, r->aVal, &a->aMerge[i]);
      if( rc ) return rc;
    }
    rc = aggRunNext(a, pCtx, j);
    if( rc ) return rc;
  }
  for(i=0; i<a->nGroup; i++) pCtx->aReg[a->aiGroupReg[i]] = m->aVal[i];
  return aggOutput(a, pCtx, a->aMerge);
}

static int aggNext(ExecOp *p, ExecCtx *pCtx){
  ExecAggregate *a = (ExecAggregate*)p;
  RsRow *pGroup;
  int rc;
  if( !a->bLoaded ){
    rc = aggLoad(a, pCtx);
    if( rc ) return rc;
    a->bLoaded = 1;
  }
  if( a->nRun>0 ) return aggMergeNext(a, pCtx);
  if( a->iNext>=a->groups.nRow ) return ML_DONE;
  pGroup = a->groups.aRow[a->iNext++];
  rsRestore(pGroup, a->nGroup, pCtx->aReg, a->aiGroupReg);
  return aggOutput(a, pCtx, pGroup->pAux);
}

static void aggClose(ExecOp *p, ExecCtx *pCtx){
  ExecAggregate *a = (ExecAggregate*)p;
  execClose(p->pLeft, pCtx);
  rsFree(&a->groups);
  rsFree(&a->distinct);
  aggFreeRuns(a);
  strbufFree(&a->key);
  strbufFree(&a->dkey);
  free(a->aSpill);
  free(a->aMerge);
  a->aSpill = 0;
  a->aMerge = 0;
  arenaFree(&a->mergeArena);
}

static const ExecOpVt aggVt = { "AGGREGATE", aggOpen, aggNext, aggClose, 0 };

ExecOp *execAggregateNew(Arena *pA, ExecOp *pIn, int nGroup, Expr **apGroup,
                         int *aiGroupReg, int nAgg, ExecAgg *aAgg){
  ExecAggregate *a = arenaAlloc(pA, sizeof(ExecAggregate));
  int i;
  if( a==0 ) return 0;
  memset(a, 0, sizeof(*a));
  a->base.pVt = &aggVt;
  a->base.pLeft = pIn;
  a->base.nEst = nGroup ? pIn->nEst/4+1 : 1;
  a->nGroup = nGroup;
  a->apGroup = apGroup;
  a->aiGroupReg = aiGroupReg;
  a->nAgg = nAgg;
  a->aAgg = aAgg;
  a->aGroupType = arenaAlloc(pA, sizeof(SqlType)*(nGroup+1));
  a->base.nOut = nGroup + nAgg;
  a->base.aiOut = arenaAlloc(pA, sizeof(int)*(nGroup+nAgg+1));
  a->base.aOutType = arenaAlloc(pA, sizeof(SqlType)*(nGroup+nAgg+1));
  if( !a->aGroupType || !a->base.aiOut || !a->base.aOutType ) return 0;
  for(i=0; i<nGroup; i++){
    a->aGroupType[i] = apGroup[i]->type;
    a->base.aiOut[i] = aiGroupReg[i];
    a->base.aOutType[i] = apGroup[i]->type;
  }
  for(i=0; i<nAgg; i++){
    a->base.aiOut[nGroup+i] = aAgg[i].iReg;
    a->base.aOutType[nGroup+i] = aAgg[i].type;
  }
  for(i=0; i<nAgg; i++) if( aAgg[i].distinct ) a->bDistinct = 1;
  a->iCur = -1;
  arenaInit(&a->mergeArena, 4096);
  rsInit(&a->groups, nGroup);
  rsInit(&a->distinct, 0);
  strbufInit(&a->key, 0, 0);
  strbufInit(&a->dkey, 0, 0);
  return &a->base;
}
