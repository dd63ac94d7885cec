/*
** Hash join (exec/ layer): an equi-join (inner, LEFT or FULL outer; a
** RIGHT join is planned as LEFT with the sides exchanged) for the case
** where no index serves the inner side.  The inner input (pRight, the build side) is read
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
**
** Outer joins.  LEFT: an outer row that matched no inner row is emitted
** once with the inner registers NULL (a NULL key never matches).  With a
** single block that is known when its chain is exhausted; with several,
** a bitmap indexed by the outer row's ordinal in a pass (the outer input
** replays the same rows in the same order when reopened) remembers the
** rows matched in earlier blocks, and the unmatched ones are emitted in
** the last block's pass.  FULL: also every inner row that matched no
** outer row, with the outer registers NULL: each block row carries a
** matched flag (RsRow.nCount), and after the outer pass over a block its
** unmatched rows are emitted before the next block is built.
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
  int joinType;            /* EXEC_JOIN_INNER, _LEFT or _FULL */
  int nLeftReg;            /* FULL: outer registers, NULL for unmatched inner rows */
  int *aiLeftReg;
  int bMatched;            /* the current outer row matched in this block */
  int64_t iOuter;          /* ordinal of the current outer row in this pass */
  uint8_t *aOuterHit;      /* outer joins: bit i = outer row i matched in an
                           ** earlier block (several blocks only) */
  int64_t nOuterHit;       /* bytes at aOuterHit */
  int bEmitInner;          /* FULL: emitting the block's unmatched rows */
  int64_t iEmit;           /* FULL: next block row to look at */
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
    if( rc==ML_OK && (!bNull || p->joinType==EXEC_JOIN_FULL) ){
      /* FULL keeps NULL-key rows (unmatched, emitted after the pass) under
      ** a key no outer row can have */
      RsRow *r;
      if( bNull ) strbufReset(&p->key);
      rc = rsAddHashed(&p->rs, p->key.a, (uint32_t)p->key.n, pCtx->aReg, p->aiRightReg, &r);
      if( rc ) rc = mlErrorSet(pCtx->pErr, rc);
      else r->nCount = 0;   /* matched flag */
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
  p->iOuter = 0;
  p->bEmitInner = 0;
  if( p->aOuterHit ) memset(p->aOuterHit, 0, (size_t)p->nOuterHit);
  return execOpen(pOp->pLeft, pCtx);
}

/* Set n registers ai to NULL. */
static void hjSetNull(ExecCtx *pCtx, int n, const int *ai){
  int i;
  for(i=0; i<n; i++) pCtx->aReg[ai[i]].isNull = 1;
}

/* Remember that outer row i matched in a block before the last. */
static int hjSetHit(ExecHashJoin *p, int64_t i){
  if( (i>>3)>=p->nOuterHit ){
    int64_t nNew = p->nOuterHit ? p->nOuterHit*2 : 1024;
    uint8_t *a;
    while( (i>>3)>=nNew ) nNew *= 2;
    a = realloc(p->aOuterHit, (size_t)nNew);
    if( a==0 ) return ML_E_NOMEM;
    memset(a+p->nOuterHit, 0, (size_t)(nNew-p->nOuterHit));
    p->aOuterHit = a;
    p->nOuterHit = nNew;
  }
  p->aOuterHit[i>>3] |= (uint8_t)(1 << (i&7));
  return ML_OK;
}

/* Did outer row i match in a block before the last? */
static int hjGetHit(const ExecHashJoin *p, int64_t i){
  return (i>>3)<p->nOuterHit && (p->aOuterHit[i>>3] & (1 << (i&7)))!=0;
}

/* The outer pass over a block ended: build the next block and reopen the
** outer input. */
static int hjNextBlock(ExecHashJoin *p, ExecCtx *pCtx){
  ExecOp *pOp = &p->base;
  int rc = hjBuild(p, pCtx);
  if( rc ) return rc;
  execClose(pOp->pLeft, pCtx);
  p->iOuter = 0;
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
    if( p->bEmitInner ){
      /* FULL: the block's rows no outer row matched */
      while( p->iEmit<p->rs.nRow ){
        RsRow *r = p->rs.aRow[p->iEmit++];
        if( r->nCount ) continue;
        rsRestore(r, p->nRightReg, pCtx->aReg, p->aiRightReg);
        hjSetNull(pCtx, p->nLeftReg, p->aiLeftReg);
        return ML_OK;
      }
      if( p->bRightDone ) return ML_DONE;   /* stays done */
      p->bEmitInner = 0;
      rc = hjNextBlock(p, pCtx);
      if( rc ) return rc;
    }
    if( !p->bOuterRow ){
      int bNull;
      ArenaMark m;
      rc = execNext(pOp->pLeft, pCtx);
      if( rc==ML_DONE && p->joinType==EXEC_JOIN_FULL ){
        p->bEmitInner = 1;
        p->iEmit = 0;
        continue;
      }
      if( rc==ML_DONE && !p->bRightDone ){
        /* next block of the inner side against the whole outer side again */
        rc = hjNextBlock(p, pCtx);
        if( rc ) return rc;
        continue;
      }
      if( rc ) return rc;
      p->iOuter++;
      p->bMatched = 0;
      p->pMatch = 0;
      p->bOuterRow = 1;
      if( p->rs.nRow>0 ){
        m = arenaMark(pCtx->pScratch);
        rc = hjKey(p, pCtx, p->apLeftKey, p->aLeftType, &bNull);
        arenaRelease(pCtx->pScratch, m);
        if( rc ) return rc;
        if( !bNull ) p->pMatch = rsFind(&p->rs, p->key.a, (uint32_t)p->key.n);
      }
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
      if( b ){
        if( p->joinType!=EXEC_JOIN_INNER && !p->bMatched && !p->bRightDone ){
          rc = hjSetHit(p, p->iOuter-1);
          if( rc ) return mlErrorSet(pCtx->pErr, rc);
        }
        p->bMatched = 1;
        r->nCount = 1;
        return ML_OK;
      }
    }
    p->bOuterRow = 0;
    if( p->joinType!=EXEC_JOIN_INNER && !p->bMatched && p->bRightDone
     && !hjGetHit(p, p->iOuter-1) ){
      /* no block matched this outer row: emit it NULL-extended */
      hjSetNull(pCtx, p->nRightReg, p->aiRightReg);
      return ML_OK;
    }
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
  free(p->aOuterHit);
  p->aOuterHit = 0;
  p->nOuterHit = 0;
}

static void hjExplain(ExecOp *pOp, StrBuf *pOut){
  ExecHashJoin *p = (ExecHashJoin*)pOp;
  char z[48];
  snprintf(z, sizeof(z), " %s (%d key%s)", p->joinType==EXEC_JOIN_LEFT ? "LEFT OUTER"
           : p->joinType==EXEC_JOIN_FULL ? "FULL OUTER" : "INNER", p->nKey, p->nKey==1 ? "" : "s");
  strbufAppendStr(pOut, z);
}

static const ExecOpVt hjVt = { "HASH JOIN", hjOpen, hjNext, hjClose, hjExplain, 0 };

ExecOp *execHashJoinNew(Arena *pA, ExecOp *pLeft, ExecOp *pRight, int joinType, int nKey,
                        Expr **apLeftKey, Expr **apRightKey, SqlType *aLeftType,
                        SqlType *aRightType, Expr *pOn, int nRightReg, int *aiRightReg,
                        int nLeftReg, int *aiLeftReg, int64_t nMemBudget){
  ExecHashJoin *p = arenaAlloc(pA, sizeof(ExecHashJoin));
  assert( nKey>0 );
  if( p==0 ) return 0;
  memset(p, 0, sizeof(*p));
  p->base.pVt = &hjVt;
  p->base.pLeft = pLeft;
  p->base.pRight = pRight;
  assert( joinType==EXEC_JOIN_INNER || joinType==EXEC_JOIN_LEFT || joinType==EXEC_JOIN_FULL );
  assert( joinType!=EXEC_JOIN_FULL || nLeftReg>0 );
  p->base.nEst = pLeft->nEst > pRight->nEst ? pLeft->nEst : pRight->nEst;
  p->nKey = nKey;
  p->apLeftKey = apLeftKey;
  p->apRightKey = apRightKey;
  p->aLeftType = aLeftType;
  p->aRightType = aRightType;
  p->pOn = pOn;
  p->nRightReg = nRightReg;
  p->aiRightReg = aiRightReg;
  p->joinType = joinType;
  p->nLeftReg = nLeftReg;
  p->aiLeftReg = aiLeftReg;
  p->nMemBudget = nMemBudget>0 ? nMemBudget : 1;
  rsInit(&p->rs, nRightReg);
  strbufInit(&p->key, 0, 0);
  return &p->base;
}
