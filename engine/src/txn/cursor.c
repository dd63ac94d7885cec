/*
** Merged cursors: an ordered scan of what a transaction sees, i.e. its
** snapshot (a kv cursor) overlaid with its write set (skip-list nodes).
** At equal keys the write set wins; tombstones, and snapshot keys under a
** range delete, are skipped.
**
** Visibility of the transaction's own writes: every step starts again
** from the current key and looks at the write set as it is at that
** moment, so a step sees every write made before it, including rows
** inserted ahead of the cursor.  An UPDATE that moves rows ahead of its
** own scan (the Halloween problem) must therefore collect the rows
** first; that is the executor's job.  A cursor may stay open across a
** statement or savepoint rollback: its next step shows the rolled-back
** state.
**
** Stepping costs one kv cursor step, one key comparison and, when the
** write set is not empty, a short walk from the node nearest the last
** position.  Nothing is allocated or copied per step.
*/
#include "txn/txnint.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#define TXN_CUR_BOF   0            /* before the first key */
#define TXN_CUR_VALID 1            /* on a key */
#define TXN_CUR_EOF   2            /* after the last key */

struct TxnCursor {
  Txn *pTxn;                       /* transaction scanned */
  KvCursor *pSnap;                 /* cursor on the snapshot */
  WsNode *pHint;                   /* write-set node near the position, or 0 */
  WsNode *pNode;                   /* node of the current row, 0: snapshot's */
  const void *pKey;                /* current key */
  size_t nKey;                     /* its length */
  const void *pVal;                /* current value when from the snapshot */
  size_t nVal;                     /* its length */
  int eState;                      /* TXN_CUR_BOF, TXN_CUR_VALID, TXN_CUR_EOF */
  uint32_t iRangeEpoch;            /* ws.iRangeEpoch at the last positioning */
  unsigned char aBound[KV_MAX_KEY];   /* scratch: end of a deleted range */
};

/*
** Open a cursor over transaction p, positioned before the first key.  It
** must be closed before p commits or rolls back.
*/
int txnCursorOpen(Txn *p, TxnCursor **ppCur, MlError *pErr){
  TxnCursor *pCur;
  int rc;
  *ppCur = 0;
  pCur = malloc(sizeof(*pCur));
  if( pCur==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
  rc = kvCursorOpen(p->pSnap, &pCur->pSnap, pErr);
  if( rc ){ free(pCur); return rc; }
  pCur->pTxn = p;
  pCur->pHint = 0;
  pCur->pNode = 0;
  pCur->eState = TXN_CUR_BOF;
  pCur->iRangeEpoch = p->ws.iRangeEpoch;
  p->nCursor++;
  *ppCur = pCur;
  return ML_OK;
}

void txnCursorClose(TxnCursor *pCur){
  if( pCur==0 ) return;
  assert( pCur->pTxn->nCursor>0 );
  pCur->pTxn->nCursor--;
  kvCursorClose(pCur->pSnap);
  free(pCur);
}

/*
** Move the snapshot cursor off keys hidden by a range delete, in the
** direction bFwd, to the nearest visible key (or off the end).
*/
static int txnCurSkipRanges(TxnCursor *pCur, int bFwd, MlError *pErr){
  WriteSet *pWs = &pCur->pTxn->ws;
  int rc = ML_OK;
  while( pWs->nRange && kvCursorValid(pCur->pSnap) ){
    const void *pKey;
    size_t nKey, n;
    int i;
    const WsRange *pR;
    kvCursorKey(pCur->pSnap, &pKey, &nKey);
    i = txnWriteSetRangeCovers(pWs, pKey, nKey);
    if( i<0 ) break;
    pR = &pWs->aRange[i];
    if( !bFwd ){
      rc = kvCursorSeek(pCur->pSnap, pR->pPrefix, pR->nPrefix, KV_SEEK_LT, pErr);
    }else{
      /* Seek to the prefix's successor: drop trailing 0xFF, add one. */
      n = pR->nPrefix;
      memcpy(pCur->aBound, pR->pPrefix, n);
      while( n>0 && pCur->aBound[n-1]==0xFF ) n--;
      if( n==0 ){
        /* No key lies beyond an all-0xFF prefix: run off the end. */
        rc = kvCursorLast(pCur->pSnap, pErr);
        if( rc==ML_OK ) rc = kvCursorNext(pCur->pSnap, pErr);
      }else{
        pCur->aBound[n-1]++;
        rc = kvCursorSeek(pCur->pSnap, pCur->aBound, n, KV_SEEK_GE, pErr);
      }
    }
    if( rc<0 ) return rc;
  }
  return rc<0 ? rc : ML_OK;
}

/* Make the snapshot's current row the cursor's row. */
static void txnCurTakeSnap(TxnCursor *pCur){
  kvCursorKey(pCur->pSnap, &pCur->pKey, &pCur->nKey);
  kvCursorValue(pCur->pSnap, &pCur->pVal, &pCur->nVal);
  pCur->pNode = 0;
  pCur->eState = TXN_CUR_VALID;
}

/* Make write-set node x the cursor's row. */
static void txnCurTakeNode(TxnCursor *pCur, WsNode *x){
  pCur->pKey = wsNodeKey(x);
  pCur->nKey = x->nKey;
  pCur->pNode = x;
  pCur->pHint = x;
  pCur->eState = TXN_CUR_VALID;
}

/*
** Settle on the smallest visible row (bFwd) or the largest (!bFwd) given
** the candidates: the snapshot cursor on the nearest visible snapshot
** key in that direction (or off the end), and x, the nearest write-set
** node.  Returns ML_OK, or ML_DONE when neither side has a row left.
*/
static int txnCurSettle(TxnCursor *pCur, WsNode *x, int bFwd, MlError *pErr){
  WriteSet *pWs = &pCur->pTxn->ws;
  int rc;
  pCur->iRangeEpoch = pWs->iRangeEpoch;
  for(;;){
    int c = 0;
    while( x && x->eState==WS_ABSENT ) x = bFwd ? x->pNext : x->pPrev;
    if( x==0 ){
      pCur->pHint = bFwd ? txnWriteSetLast(pWs) : txnWriteSetFirst(pWs);
      if( !kvCursorValid(pCur->pSnap) ) break;
      txnCurTakeSnap(pCur);
      return ML_OK;
    }
    if( kvCursorValid(pCur->pSnap) ){
      const void *pKey;
      size_t nKey;
      kvCursorKey(pCur->pSnap, &pKey, &nKey);
      c = kvKeyCompare(wsNodeKey(x), x->nKey, pKey, nKey);
      if( !bFwd ) c = -c;
      if( c>0 ){
        /* The snapshot's key comes first. */
        pCur->pHint = x;
        txnCurTakeSnap(pCur);
        return ML_OK;
      }
    }
    if( x->eState==WS_PUT ){
      txnCurTakeNode(pCur, x);
      return ML_OK;
    }
    /* A tombstone: skip it, and the snapshot key it deletes. */
    assert( x->eState==WS_DEL );
    if( kvCursorValid(pCur->pSnap) && c==0 ){
      rc = bFwd ? kvCursorNext(pCur->pSnap, pErr) : kvCursorPrev(pCur->pSnap, pErr);
      if( rc<0 ) return rc;
      rc = txnCurSkipRanges(pCur, bFwd, pErr);
      if( rc ) return rc;
    }
    x = bFwd ? x->pNext : x->pPrev;
  }
  pCur->eState = bFwd ? TXN_CUR_EOF : TXN_CUR_BOF;
  return ML_DONE;
}

/* Move to the first row: ML_OK, or ML_NOTFOUND when there is none. */
int txnCursorFirst(TxnCursor *pCur, MlError *pErr){
  int rc = kvCursorFirst(pCur->pSnap, pErr);
  if( rc>=0 ) rc = txnCurSkipRanges(pCur, 1, pErr);
  if( rc==ML_OK ) rc = txnCurSettle(pCur, txnWriteSetFirst(&pCur->pTxn->ws), 1, pErr);
  return rc==ML_DONE ? ML_NOTFOUND : rc;
}

/* Move to the last row: ML_OK, or ML_NOTFOUND when there is none. */
int txnCursorLast(TxnCursor *pCur, MlError *pErr){
  int rc = kvCursorLast(pCur->pSnap, pErr);
  if( rc>=0 ) rc = txnCurSkipRanges(pCur, 0, pErr);
  if( rc==ML_OK ) rc = txnCurSettle(pCur, txnWriteSetLast(&pCur->pTxn->ws), 0, pErr);
  return rc==ML_DONE ? ML_NOTFOUND : rc;
}

/*
** Position on the row chosen by op relative to (pKey, nKey), as
** kvCursorSeek(): ML_OK, or ML_NOTFOUND leaving the cursor off the end
** in the direction of the search.
*/
int txnCursorSeek(TxnCursor *pCur, const void *pKey, size_t nKey, KvSeekOp op,
                  MlError *pErr){
  int bFwd = (op==KV_SEEK_GE || op==KV_SEEK_GT);
  WsNode *x;
  int rc;
  if( nKey>KV_MAX_KEY ){
    return mlErrorSetText(pErr, ML_E_INTERNAL, "Internal error: key of %zu bytes", nKey);
  }
  rc = kvCursorSeek(pCur->pSnap, pKey, nKey, op, pErr);
  if( rc>=0 ) rc = txnCurSkipRanges(pCur, bFwd, pErr);
  if( rc ) return rc;
  x = nKey ? txnWriteSetSeek(&pCur->pTxn->ws, pKey, nKey, op)
           : (bFwd ? txnWriteSetFirst(&pCur->pTxn->ws) : 0);
  rc = txnCurSettle(pCur, x, bFwd, pErr);
  return rc==ML_DONE ? ML_NOTFOUND : rc;
}

/*
** Step to the next row: ML_OK, or ML_DONE after the last.  From before
** the first row this moves to the first.
*/
int txnCursorNext(TxnCursor *pCur, MlError *pErr){
  const void *pKey;
  size_t nKey;
  WsNode *x;
  int rc;
  if( pCur->eState==TXN_CUR_EOF ) return ML_DONE;
  if( pCur->eState==TXN_CUR_BOF ){
    rc = txnCursorFirst(pCur, pErr);
    return rc==ML_NOTFOUND ? ML_DONE : rc;
  }
  /* The snapshot cursor rests next to the current key, on either side,
  ** with only hidden keys in between; one step brings it past the key
  ** when it is not past already.  If a rollback has since un-hidden keys
  ** it seeks instead. */
  if( pCur->iRangeEpoch!=pCur->pTxn->ws.iRangeEpoch ){
    rc = kvCursorSeek(pCur->pSnap, pCur->pKey, pCur->nKey, KV_SEEK_GT, pErr);
  }else if( kvCursorValid(pCur->pSnap) ){
    kvCursorKey(pCur->pSnap, &pKey, &nKey);
    rc = ML_OK;
    if( kvKeyCompare(pKey, nKey, pCur->pKey, pCur->nKey)<=0 ){
      rc = kvCursorNext(pCur->pSnap, pErr);
    }
  }else{
    rc = kvCursorNext(pCur->pSnap, pErr);
  }
  if( rc<0 ) return rc;
  rc = txnCurSkipRanges(pCur, 1, pErr);
  if( rc ) return rc;
  x = txnWriteSetNear(&pCur->pTxn->ws, pCur->pHint, pCur->pKey, pCur->nKey, KV_SEEK_GT);
  return txnCurSettle(pCur, x, 1, pErr);
}

/*
** Step to the previous row: ML_OK, or ML_DONE before the first.  From
** after the last row this moves to the last.
*/
int txnCursorPrev(TxnCursor *pCur, MlError *pErr){
  const void *pKey;
  size_t nKey;
  WsNode *x;
  int rc;
  if( pCur->eState==TXN_CUR_BOF ) return ML_DONE;
  if( pCur->eState==TXN_CUR_EOF ){
    rc = txnCursorLast(pCur, pErr);
    return rc==ML_NOTFOUND ? ML_DONE : rc;
  }
  if( pCur->iRangeEpoch!=pCur->pTxn->ws.iRangeEpoch ){
    rc = kvCursorSeek(pCur->pSnap, pCur->pKey, pCur->nKey, KV_SEEK_LT, pErr);
  }else if( kvCursorValid(pCur->pSnap) ){
    kvCursorKey(pCur->pSnap, &pKey, &nKey);
    rc = ML_OK;
    if( kvKeyCompare(pKey, nKey, pCur->pKey, pCur->nKey)>=0 ){
      rc = kvCursorPrev(pCur->pSnap, pErr);
    }
  }else{
    rc = kvCursorPrev(pCur->pSnap, pErr);
  }
  if( rc<0 ) return rc;
  rc = txnCurSkipRanges(pCur, 0, pErr);
  if( rc ) return rc;
  x = txnWriteSetNear(&pCur->pTxn->ws, pCur->pHint, pCur->pKey, pCur->nKey, KV_SEEK_LT);
  return txnCurSettle(pCur, x, 0, pErr);
}

/* Non-zero when the cursor is on a row. */
int txnCursorValid(const TxnCursor *pCur){
  return pCur->eState==TXN_CUR_VALID;
}

/* The current row's key (the cursor must be on a row). */
void txnCursorKey(const TxnCursor *pCur, const void **ppKey, size_t *pnKey){
  assert( pCur->eState==TXN_CUR_VALID );
  *ppKey = pCur->pKey;
  *pnKey = pCur->nKey;
}

/*
** The current row's value (the cursor must be on a row).  A row from the
** write set shows its latest value, even if written after the step.
*/
void txnCursorValue(const TxnCursor *pCur, const void **ppVal, size_t *pnVal){
  assert( pCur->eState==TXN_CUR_VALID );
  if( pCur->pNode ){
    *ppVal = pCur->pNode->pVal;
    *pnVal = pCur->pNode->nVal;
  }else{
    *ppVal = pCur->pVal;
    *pnVal = pCur->nVal;
  }
}
