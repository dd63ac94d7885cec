/*
** Hash join (exec/ layer): an inner equi-join for the case where no index
** serves the inner side.  The inner input (pRight, the build side) is read
** into a hashed row store keyed by the key codec encoding of its join key
** expressions (numbers of every type and PAD SPACE strings encode alike,
** so equal encodings are SQL-equal values); rows with a NULL key are
** dropped since they can never match.  Then every outer row (pLeft, the
** probe side) encodes its key expressions, walks the equal-key chain and
** emits the combinations that satisfy the residual condition pOn.
**
** Memory bound: the build stops when the row store holds nMemBudget
** bytes; the outer input is then run to the end against that part, the
** store is cleared, the next part is built and the outer input is
** reopened (xOpen restarts an operator) -- a block nested loop with hashed
** blocks.  Probing overwrites the inner side's registers, which a
** suspended inner input may still need (a join keeps its outer row
** there), so they are saved when a block fills and put back before the
** inner input resumes.  Memory stays within the budget plus one row whatever the
** inner side's size, at the cost of one pass over the outer side per
** block.
*/
#include "exec/exec.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exec/rowstore.h"
#include "expr/expr.h"

typedef struct ExecHashJoin {
  ExecOp base;
  int nKey;
  Expr **apLeftKey;        /* [nKey] key expressions over the outer row */
  Expr **apRightKey;       /* [nKey] key expressions over the inner row */
  SqlType *aLeftType;      /* [nKey] types of the outer key expressions */
  SqlType *aRightType;     /* [nKey] types of the inner ones (comparable) */
  Expr *pOn;               /* residual condition or 0 */
  int nRightReg;           /* registers of the inner side, saved in the store */
  int *aiRightReg;
  int64_t nMemBudget;      /* bytes of build rows per block */
  RowStore rs;             /* the current block of inner rows */
  StrBuf key;              /* encoded key of the current row */
  RsRow *pMatch;           /* next candidate in the current outer row's chain */
  int bOuterRow;           /* an outer row is current */
  int bRightDone;          /* the inner input is exhausted */
  int bBlock;              /* a block is loaded */
  int bRightOpen;          /* the inner input is open */
  Value *aSaved;           /* [nRightReg] inner registers when a block filled */
} ExecHashJoin;

/*
** Encode the key expressions ap into p->key.  *pbNull = 1 when one of
** them is NULL (the row cannot match).
*/
static int hjKey(ExecHashJoin *p, ExecCtx *pCtx, Expr **ap, const SqlType *aType,
                 int *pbNull){
  int i, rc = ML_OK;
  strbufReset(&p->key);
  *pbNull = 0;
  for(i=0; rc==ML_OK && i<p->nKey; i++){
    Value v;
    const Value *pv = &v;
    rc = exprEval(pCtx, ap[i], &v);
    if( rc ) return rc;
    if( v.isNull ){ *pbNull = 1; return ML_OK; }
    rc = execEncodeValues(&p->key, 1, &pv, &aType[i], 0);
    if( rc ) rc = mlErrorSet(pCtx->pErr, rc, "");
  }
  return rc;
}

/* Load the next block of inner rows (up to the memory budget). */
static int hjBuild(ExecHashJoin *p, ExecCtx *pCtx){
  ExecOp *pOp = &p->base;
  int rc = ML_OK;
  rsFree(&p->rs);
  rsInit(&p->rs, p->nRightReg);
  if( !p->bRightOpen ){
    rc = execOpen(pOp->pRight, pCtx);
    if( rc ) return rc;
    p->bRightOpen = 1;
  }else{
    /* the inner input resumes: give it back the registers of its current
    ** row (its own state, e.g. a join's outer row), which probing reused */
    int i;
    for(i=0; i<p->nRightReg; i++) pCtx->aReg[p->aiRightReg[i]] = p->aSaved[i];
  }
  while( p->rs.nBytes < p->nMemBudget ){
    ArenaMark m;
    int bNull;
    rc = execNext(pOp->pRight, pCtx);
    if( rc==ML_DONE ){ p->bRightDone = 1; rc = ML_OK; break; }
    if( rc ) return rc;
    m = arenaMark(pCtx->pScratch);
    rc = hjKey(p, pCtx, p->apRightKey, p->aRightType, &bNull);
    if( rc==ML_OK && !bNull ){
      rc = rsAddHashed(&p->rs, p->key.a, (uint32_t)p->key.n, pCtx->aReg, p->aiRightReg, 0);
      if( rc ) rc = mlErrorSet(pCtx->pErr, rc);
    }
    arenaRelease(pCtx->pScratch, m);
    if( rc ) return rc;
  }
  if( !p->bRightDone ){
    int i;
    if( p->aSaved==0 ){
      p->aSaved = malloc(sizeof(Value)*(p->nRightReg+1));
      if( p->aSaved==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
    }
    for(i=0; i<p->nRightReg; i++) p->aSaved[i] = pCtx->aReg[p->aiRightReg[i]];
  }
  p->bBlock = 1;
  return ML_OK;
}

static int hjOpen(ExecOp *pOp, ExecCtx *pCtx){
  ExecHashJoin *p = (ExecHashJoin*)pOp;
  if( p->bRightOpen ){
    execClose(pOp->pRight, pCtx);
    p->bRightOpen = 0;
  }
  rsFree(&p->rs);
  rsInit(&p->rs, p->nRightReg);
  p->pMatch = 0;
  p->bOuterRow = 0;
  p->bRightDone = 0;
  p->bBlock = 0;
  return execOpen(pOp->pLeft, pCtx);
}

/* The next row in the chain from p->pMatch with the current key. */
static RsRow *hjChain(ExecHashJoin *p, RsRow *r){
  for(; r; r=r->pNext){
    if( r->nKey==p->key.n && memcmp(r->aKey, p->key.a, p->key.n)==0 ) return r;
  }
  return 0;
}

static int hjNext(ExecOp *pOp, ExecCtx *pCtx){
  ExecHashJoin *p = (ExecHashJoin*)pOp;
  int rc;
  if( !p->bBlock ){
    rc = hjBuild(p, pCtx);
    if( rc ) return rc;
  }
  for(;;){
    if( !p->bOuterRow ){
      int bNull;
      ArenaMark m;
      rc = execNext(pOp->pLeft, pCtx);
      if( rc==ML_DONE && !p->bRightDone ){
        /* next block of the inner side against the whole outer side again */
        rc = hjBuild(p, pCtx);
        if( rc ) return rc;
        execClose(pOp->pLeft, pCtx);
        rc = execOpen(pOp->pLeft, pCtx);
        if( rc ) return rc;
        continue;
      }
      if( rc ) return rc;
      if( p->rs.nRow==0 ) continue;
      m = arenaMark(pCtx->pScratch);
      rc = hjKey(p, pCtx, p->apLeftKey, p->aLeftType, &bNull);
      arenaRelease(pCtx->pScratch, m);
      if( rc ) return rc;
      if( bNull ) continue;
      p->pMatch = rsFind(&p->rs, p->key.a, (uint32_t)p->key.n);
      p->bOuterRow = 1;
    }
    while( p->pMatch ){
      RsRow *r = p->pMatch;
      int b = 1;
      p->pMatch = hjChain(p, r->pNext);
      rsRestore(r, p->nRightReg, pCtx->aReg, p->aiRightReg);
      if( p->pOn ){
        ArenaMark m = arenaMark(pCtx->pScratch);
        rc = exprTest(pCtx, p->pOn, &b);
        arenaRelease(pCtx->pScratch, m);
        if( rc ) return rc;
      }
      if( b ) return ML_OK;
    }
    p->bOuterRow = 0;
  }
}

static void hjClose(ExecOp *pOp, ExecCtx *pCtx){
  ExecHashJoin *p = (ExecHashJoin*)pOp;
  execClose(pOp->pLeft, pCtx);
  if( p->bRightOpen ){
    execClose(pOp->pRight, pCtx);
    p->bRightOpen = 0;
  }
  rsFree(&p->rs);
  strbufFree(&p->key);
  free(p->aSaved);
  p->aSaved = 0;
}

static void hjExplain(ExecOp *pOp, StrBuf *pOut){
  ExecHashJoin *p = (ExecHashJoin*)pOp;
  char z[48];
  snprintf(z, sizeof(z), " INNER (%d key%s)", p->nKey, p->nKey==1 ? "" : "s");
  strbufAppendStr(pOut, z);
}

static const ExecOpVt hjVt = { "HASH JOIN", hjOpen, hjNext, hjClose, hjExplain };

ExecOp *execHashJoinNew(Arena *pA, ExecOp *pLeft, ExecOp *pRight, int nKey,
                        Expr **apLeftKey, Expr **apRightKey, SqlType *aLeftType,
                        SqlType *aRightType, Expr *pOn, int nRightReg, int *aiRightReg, int64_t nMemBudget){
  ExecHashJoin *p = arenaAlloc(pA, sizeof(ExecHashJoin));
  assert( nKey>0 );
  if( p==0 ) return 0;
  memset(p, 0, sizeof(*p));
  p->base.pVt = &hjVt;
  p->base.pLeft = pLeft;
  p->base.pRight = pRight;
  p->base.nEst = pLeft->nEst > pRight->nEst ? pLeft->nEst : pRight->nEst;
  p->nKey = nKey;
  p->apLeftKey = apLeftKey;
  p->apRightKey = apRightKey;
  p->aLeftType = aLeftType;
  p->aRightType = aRightType;
  p->pOn = pOn;
  p->nRightReg = nRightReg;
  p->aiRightReg = aiRightReg;
  p->nMemBudget = nMemBudget>0 ? nMemBudget : 1;
  rsInit(&p->rs, nRightReg);
  strbufInit(&p->key, 0, 0);
  return &p->base;
}
