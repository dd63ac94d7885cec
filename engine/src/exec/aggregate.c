/*
** Grouping and set functions (exec/ layer): COUNT(*), COUNT, SUM, AVG, MIN
** and MAX, with or without DISTINCT, over groups of equal GROUP BY values
** (NULLs form one group).  All input is read at the first xNext: each row's
** group key is encoded with the key codec and looked up in a hashed row
** store holding the group's values and accumulators.  The arguments of
** COUNT, SUM and AVG with DISTINCT are remembered in a second hashed store
** keyed by group, function and value (MIN and MAX ignore DISTINCT, which
** cannot change them).  Without GROUP BY there is exactly one group, even
** for no input.
**
** Memory budget (execMemBudget): when the two stores together outgrow it,
** the groups are sorted by key and written with their partial
** accumulators as a run (rowstore.h RsMerge), the DISTINCT arguments as a
** sorted run of their own, and both stores start empty again.  RsMerge
** merges runs in tiers as they pile up, so the files open at once stay
** bounded.  At the end the group runs are merged by key and the partial
** states of equal groups combined (counts and sums add, MIN/MAX compare,
** AVG = combined sum / combined count); a DISTINCT function's partial
** state is never written (it would count a value once per run) -- its
** arguments come from the merged argument runs instead, which are in the
** same group order (a group's key prefixes its arguments' keys, and the
** key codec is self-delimiting), each (function, value) taken once.  So
** memory stays bounded by the budget whatever the number of groups or
** distinct values.
*/
#include "exec/exec.h"

#include <assert.h>
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
  int nGroup;              /* GROUP BY expressions */
  Expr **apGroup;          /* [nGroup] the GROUP BY expressions */
  int *aiGroupReg;         /* [nGroup] their output registers */
  SqlType *aGroupType;     /* [nGroup] their types */
  int nAgg;                /* set functions */
  ExecAgg *aAgg;           /* [nAgg] the set functions */
  RowStore groups;         /* groups in memory; pAux: [nAgg] AggAcc */
  RowStore distinct;       /* DISTINCT arguments: key group|function|value, the value */
  StrBuf key;              /* group key of the current row / output group */
  StrBuf dkey;             /* key of a DISTINCT argument */
  int64_t iNext;           /* in-memory output: next row of groups */
  int bLoaded;             /* the input has been read */
  int bDistinct;           /* some COUNT, SUM or AVG is DISTINCT */
  int64_t nBudget;         /* bytes of groups and DISTINCT arguments kept in memory */
  int bSpilled;            /* runs were written: output comes from merging them */
  RsMerge runs;            /* group runs: GROUP BY values, then (count, partial) per function */
  RsMerge druns;           /* DISTINCT argument runs: the argument value */
  Value *aSpill;           /* [nGroup+2*nAgg] one group's values for a run */
  AggAcc *aMerge;          /* [nAgg] merged accumulators of the output group */
  Arena mergeArena;        /* output group's values and strings; reset per group */
  StrBuf lastd;            /* key of the last DISTINCT argument taken from druns */
  int bLastd;              /* lastd holds a key */
} ExecAggregate;

/* Does set function g keep its DISTINCT arguments (MIN/MAX need not)? */
static int aggIsDistinct(const ExecAgg *g){
  return g->distinct && (g->fn==EXEC_AGG_COUNT || g->fn==EXEC_AGG_SUM || g->fn==EXEC_AGG_AVG);
}

/* Report a spill error code as a Mimer error. */
static int aggIoError(ExecCtx *pCtx, int rc){
  if( rc==ML_E_NOMEM ) return mlErrorSet(pCtx->pErr, rc);
  return mlErrorSet(pCtx->pErr, ML_E_INTERNAL, "temporary grouping file I/O failed");
}

/*
** Write the groups in memory, sorted by key, as a new group run: per
** group its GROUP BY values, then per set function its count (BIGINT) and
** partial value (0 and NULL for a DISTINCT function), and the DISTINCT
** arguments as a new argument run.  Empties both stores.
*/
static int aggSpill(ExecAggregate *a, ExecCtx *pCtx){
  RsRun *r = 0;
  int64_t i;
  int k, rc;
  rc = rsSort(&a->groups);
  if( rc==ML_OK ) rc = rsMergeBeginRun(&a->runs, &r);
  for(i=0; rc==ML_OK && i<a->groups.nRow; i++){
    const RsRow *pRow = a->groups.aRow[i];
    const AggAcc *aAcc = pRow->pAux;
    for(k=0; k<a->nGroup; k++) a->aSpill[k] = pRow->aVal[k];
    for(k=0; k<a->nAgg; k++){
      Value *pN = &a->aSpill[a->nGroup+2*k];
      memset(pN, 0, sizeof(*pN));
      pN->type = SQLT_BIGINT;
      if( aggIsDistinct(&a->aAgg[k]) ){
        pN[1] = *pN;
        pN[1].isNull = 1;
      }else{
        pN->u.i = aAcc[k].n;
        pN[1] = aAcc[k].v;
      }
    }
    rc = rsRunWrite(r, pRow->aKey, pRow->nKey, a->aSpill);
  }
  if( rc==ML_OK ) rc = rsMergeEndRun(&a->runs);
  if( rc==ML_OK && a->distinct.nRow>0 ) rc = rsMergeSpill(&a->druns, &a->distinct, 0);
  if( rc ) return aggIoError(pCtx, rc);
  rsFree(&a->groups);
  rsInit(&a->groups, a->nGroup);
  a->bSpilled = 1;
  return ML_OK;
}

/*
** Fold the non-NULL argument value v (of the argument's type) of set
** function i into acc; strings and casts go to pArena.  ML_OK or an
** error set in pCtx (overflow, MIN/MAX of incomparable values).
*/
static int aggAddValue(ExecAggregate *a, ExecCtx *pCtx, int i, AggAcc *acc, const Value *v,
                       Arena *pArena){
  ExecAgg *g = &a->aAgg[i];
  int rc = ML_OK, cmp = 0;
  acc->n++;
  switch( g->fn ){
    case EXEC_AGG_COUNT:
      break;
    case EXEC_AGG_SUM: case EXEC_AGG_AVG:
      if( acc->v.isNull ){
        rc = valueCast(v, &g->pArg->type, &g->type, pArena, &acc->v, pCtx->pErr);
      }else{
        rc = valueArith(TYPE_OP_ADD, &acc->v, &g->type, v, &g->pArg->type, &g->type,
                        &acc->v, pCtx->pErr);
      }
      break;
    default:
      if( !acc->v.isNull ){
        rc = valueCompare(v, &g->pArg->type, &acc->v, &g->type, &cmp);
        if( rc ) return mlErrorSet(pCtx->pErr, rc, "operands", "MIN/MAX");
      }
      if( acc->v.isNull || (g->fn==EXEC_AGG_MIN ? cmp<0 : cmp>0) ){
        rc = execValueCopy(pArena, &acc->v, v);
        if( rc ) rc = mlErrorSet(pCtx->pErr, rc);
      }
      break;
  }
  return rc;
}

/*
** Fold the current row into its group's accumulators.  A DISTINCT
** argument already seen for the group is skipped; a new one is kept in
** the distinct store (with its value, except for COUNT, which needs only
** the key) so that a spill can write it.
*/
static int aggAccumulate(ExecAggregate *a, ExecCtx *pCtx, RsRow *pGroup){
  static const int aiFirst[1] = { 0 };
  AggAcc *aAcc = pGroup->pAux;
  int i, rc = ML_OK;
  for(i=0; rc==ML_OK && i<a->nAgg; i++){
    ExecAgg *g = &a->aAgg[i];
    Value v;
    if( g->fn==EXEC_AGG_COUNT_STAR ){ aAcc[i].n++; continue; }
    rc = exprEval(pCtx, g->pArg, &v);
    if( rc ) return rc;
    if( v.isNull ) continue;
    if( aggIsDistinct(g) ){
      const Value *pv = &v;
      Value vKept = v;
      strbufReset(&a->dkey);
      strbufAppend(&a->dkey, pGroup->aKey, pGroup->nKey);
      strbufAppendByte(&a->dkey, (unsigned char)i);
      rc = execEncodeValues(&a->dkey, 1, &pv, &g->pArg->type, 0);
      if( rc ) return mlErrorSet(pCtx->pErr, rc, "");
      if( rsFind(&a->distinct, a->dkey.a, (uint32_t)a->dkey.n) ) continue;
      if( g->fn==EXEC_AGG_COUNT ) vKept.isNull = 1;
      rc = rsAddHashed(&a->distinct, a->dkey.a, (uint32_t)a->dkey.n, &vKept, aiFirst, 0);
      if( rc ) return mlErrorSet(pCtx->pErr, rc);
    }
    rc = aggAddValue(a, pCtx, i, &aAcc[i], &v, &a->groups.arena);
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

/*
** Read all input into groups, spilling runs whenever the stores outgrow
** the budget (without GROUP BY only DISTINCT arguments can make them
** grow).  After a spill the rest is spilled too and the merges started.
*/
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
    if( rc==ML_OK && (a->nGroup>0 || a->bDistinct)
     && a->groups.nBytes+a->distinct.nBytes>=a->nBudget ){
      rc = aggSpill(a, pCtx);
    }
    if( rc ) break;
  }
  if( rc!=ML_DONE ) return rc;
  if( a->bSpilled ){
    if( a->groups.nRow>0 ){
      rc = aggSpill(a, pCtx);
      if( rc ) return rc;
    }
    rc = rsMergeStart(&a->runs);
    if( rc==ML_OK ) rc = rsMergeStart(&a->druns);
    return rc ? aggIoError(pCtx, rc) : ML_OK;
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
  rsFree(&a->distinct); rsInit(&a->distinct, 1);
  rsMergeFree(&a->runs);
  rsMergeFree(&a->druns);
  a->nBudget = execMemBudget();
  a->iNext = 0;
  a->bLoaded = 0;
  a->bSpilled = 0;
  a->bLastd = 0;
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

/*
** Fold the partial state of set function i from group run values aV into
** acc (a DISTINCT function's partial state is always 0 and NULL).
*/
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
** Fold the DISTINCT arguments of the output group (key in a->key) from
** the merged argument runs into aMerge, each (function, value) once: the
** runs are deduplicated each, and equal keys from several runs come out
** of the merge one after another.
*/
static int aggMergeDistinct(ExecAggregate *a, ExecCtx *pCtx){
  const unsigned char *pG = a->key.a;
  uint32_t nG = (uint32_t)a->key.n;
  RsRun *d;
  int rc;
  while( (d = rsMergeCur(&a->druns))!=0 && d->nKey>nG && (nG==0 || memcmp(d->aBuf, pG, nG)==0) ){
    if( !a->bLastd || rsKeyCmp(d->aBuf, d->nKey, a->lastd.a, (uint32_t)a->lastd.n)!=0 ){
      int i = d->aBuf[nG];
      assert( i<a->nAgg && aggIsDistinct(&a->aAgg[i]) );
      strbufReset(&a->lastd);
      strbufAppend(&a->lastd, d->aBuf, d->nKey);
      if( strbufError(&a->lastd) ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
      a->bLastd = 1;
      rc = aggAddValue(a, pCtx, i, &a->aMerge[i], &d->aVal[0], &a->mergeArena);
      if( rc ) return rc;
    }
    rc = rsMergeAdvance(&a->druns);
    if( rc ) return aggIoError(pCtx, rc);
  }
  /* every argument run row belongs to a group written in the same spill */
  assert( d==0 || rsKeyCmp(d->aBuf, d->nKey, pG, nG)>0 );
  return ML_OK;
}

/*
** The next group from the spilled runs: the smallest key, its partial
** states from every run row holding it combined (a tier merge may have
** put several in one run), its DISTINCT arguments folded in.  The group's
** values are copied to mergeArena, valid until the next call.
*/
static int aggMergeNext(ExecAggregate *a, ExecCtx *pCtx){
  RsRun *r = rsMergeCur(&a->runs);
  int i, rc;
  if( r==0 ) return ML_DONE;
  arenaReset(&a->mergeArena);
  strbufReset(&a->key);
  strbufAppend(&a->key, r->aBuf, r->nKey);
  if( strbufError(&a->key) ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
  for(i=0; i<a->nGroup; i++){
    if( execValueCopy(&a->mergeArena, &pCtx->aReg[a->aiGroupReg[i]], &r->aVal[i]) ){
      return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
    }
  }
  for(i=0; i<a->nAgg; i++){
    a->aMerge[i].n = 0;
    memset(&a->aMerge[i].v, 0, sizeof(Value));
    a->aMerge[i].v.isNull = 1;
  }
  do{
    for(i=0; i<a->nAgg; i++){
      rc = aggCombine(a, pCtx, i, r->aVal, &a->aMerge[i]);
      if( rc ) return rc;
    }
    rc = rsMergeAdvance(&a->runs);
    if( rc ) return aggIoError(pCtx, rc);
    r = rsMergeCur(&a->runs);
  }while( r && rsKeyCmp(r->aBuf, r->nKey, a->key.a, (uint32_t)a->key.n)==0 );
  if( a->bDistinct ){
    rc = aggMergeDistinct(a, pCtx);
    if( rc ) return rc;
  }
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
  if( a->bSpilled ) return aggMergeNext(a, pCtx);
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
  rsMergeFree(&a->runs);
  rsMergeFree(&a->druns);
  strbufFree(&a->key);
  strbufFree(&a->dkey);
  strbufFree(&a->lastd);
  free(a->aSpill);
  free(a->aMerge);
  a->aSpill = 0;
  a->aMerge = 0;
  arenaFree(&a->mergeArena);
}

static const ExecOpVt aggVt = { "AGGREGATE", aggOpen, aggNext, aggClose, 0, 0 };

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
  for(i=0; i<nAgg; i++) if( aggIsDistinct(&aAgg[i]) ) a->bDistinct = 1;
  arenaInit(&a->mergeArena, 4096);
  rsInit(&a->groups, nGroup);
  rsInit(&a->distinct, 1);
  rsMergeInit(&a->runs, nGroup+2*nAgg);
  rsMergeInit(&a->druns, 1);
  strbufInit(&a->key, 0, 0);
  strbufInit(&a->dkey, 0, 0);
  strbufInit(&a->lastd, 0, 0);
  return &a->base;
}
