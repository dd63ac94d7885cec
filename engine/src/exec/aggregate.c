/*
** Grouping and set functions (exec/ layer): COUNT(*), COUNT, SUM, AVG, MIN
** and MAX, with or without DISTINCT, over groups of equal GROUP BY values
** (NULLs form one group).  All input is read at the first xNext: each row's
** group key is encoded with the key codec and looked up in a hashed row
** store holding the group's values and accumulators; DISTINCT arguments
** are remembered in a second hashed store keyed by group, function and
** value.  Without GROUP BY there is exactly one group, even for no input.
*/
#include "exec/exec.h"

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
} ExecAggregate;

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
    if( rc ) break;
  }
  if( rc!=ML_DONE ) return rc;
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
  a->iNext = 0;
  a->bLoaded = 0;
  return execOpen(p->pLeft, pCtx);
}

static int aggNext(ExecOp *p, ExecCtx *pCtx){
  ExecAggregate *a = (ExecAggregate*)p;
  RsRow *pGroup;
  AggAcc *aAcc;
  int i, rc;
  if( !a->bLoaded ){
    rc = aggLoad(a, pCtx);
    if( rc ) return rc;
    a->bLoaded = 1;
  }
  if( a->iNext>=a->groups.nRow ) return ML_DONE;
  pGroup = a->groups.aRow[a->iNext++];
  rsRestore(pGroup, a->nGroup, pCtx->aReg, a->aiGroupReg);
  aAcc = pGroup->pAux;
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

static void aggClose(ExecOp *p, ExecCtx *pCtx){
  ExecAggregate *a = (ExecAggregate*)p;
  execClose(p->pLeft, pCtx);
  rsFree(&a->groups);
  rsFree(&a->distinct);
  strbufFree(&a->key);
  strbufFree(&a->dkey);
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
  rsInit(&a->groups, nGroup);
  rsInit(&a->distinct, 0);
  strbufInit(&a->key, 0, 0);
  strbufInit(&a->dkey, 0, 0);
  return &a->base;
}
