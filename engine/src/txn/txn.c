/*
** Transactions (see txn.h): begin, point reads and writes through the
** write set, statement and savepoint marks, the catalog version, and
** COMMIT with optimistic validation.  Sits on kv/ and nothing else.
**
** Validation compares values, not versions: at COMMIT, for every key the
** transaction wrote or point-read, the value in its snapshot must equal
** (absent = absent, or the same bytes) the value committed now.  A key
** that changed and changed back (A-B-A) therefore passes; that is safe,
** since the transaction's reads and writes of that key are then exactly
** what they would have been had it started just before its COMMIT.  When
** nothing at all was committed since the snapshot (LMDB's transaction id
** tells) the check is skipped: nothing can have changed.
*/
#include "txn/txnint.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* The catalog version lives under tree id 0, reserved for txn/'s keys. */
static const unsigned char txnCatalogKey[] = {0, 0, 0, 0, 'c', 'a', 't', 'v', 'e', 'r'};

/* ML_OK for a key LMDB can store, else ML_E_INTERNAL. */
static int txnCheckKey(size_t nKey, MlError *pErr){
  if( nKey>0 && nKey<=KV_MAX_KEY ) return ML_OK;
  return mlErrorSetText(pErr, ML_E_INTERNAL, "Internal error: key of %zu bytes", nKey);
}

/* ML_OK in a read-write transaction, else ML_E_TXN_READ_ONLY. */
static int txnCheckWritable(const Txn *p, MlError *pErr){
  return p->bReadOnly ? mlErrorSet(pErr, ML_E_TXN_READ_ONLY) : ML_OK;
}

/*
** Start a transaction on pEnv: takes the read snapshot it will see until
** it ends.  *ppTxn is freed by txnCommit() or txnRollback().  Errors are
** those of kvReadBegin() (ML_E_FORKED, ML_E_STORAGE, ML_E_NOMEM).
*/
int txnBegin(KvEnv *pEnv, int bReadOnly, Txn **ppTxn, MlError *pErr){
  Txn *p;
  int rc;
  *ppTxn = 0;
  p = malloc(sizeof(*p));
  if( p==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
  rc = kvReadBegin(pEnv, &p->pSnap, pErr);
  if( rc ){ free(p); return rc; }
  p->pEnv = pEnv;
  p->bReadOnly = bReadOnly;
  p->nCursor = 0;
  txnWriteSetInit(&p->ws);
  *ppTxn = p;
  return ML_OK;
}

/* Release everything p holds and free it. */
static void txnFree(Txn *p){
  assert( p->nCursor==0 );
  txnWriteSetClear(&p->ws);
  kvReadEnd(p->pSnap);
  free(p);
}

/* Discard the transaction's writes and free it. */
void txnRollback(Txn *p){
  if( p ) txnFree(p);
}

int txnIsReadOnly(const Txn *p){
  return p->bReadOnly;
}

/* Non-zero when the transaction has pending writes (DDL must come first). */
int txnHasWrites(const Txn *p){
  return p->ws.nDirty>0 || p->ws.nRange>0;
}

/*
** Check every written or point-read key of p against the writer pW:
** ML_OK when each still has its snapshot value, ML_E_CONFLICT otherwise.
*/
static int txnValidate(Txn *p, KvTxn *pW, MlError *pErr){
  WsNode *x;
  for(x=txnWriteSetFirst(&p->ws); x; x=x->pNext){
    const void *pA, *pB;
    size_t nA, nB;
    int rcA, rcB;
    if( x->eState==WS_ABSENT && (x->flags & WS_READ)==0 ) continue;
    rcA = kvGet(p->pSnap, wsNodeKey(x), x->nKey, &pA, &nA, pErr);
    if( rcA<0 ) return rcA;
    rcB = kvGet(pW, wsNodeKey(x), x->nKey, &pB, &nB, pErr);
    if( rcB<0 ) return rcB;
    if( rcA!=rcB || (rcA==ML_OK && (nA!=nB || memcmp(pA, pB, nA)!=0)) ){
      return mlErrorSet(pErr, ML_E_CONFLICT);
    }
  }
  return ML_OK;
}

/* Apply p's range deletes, then its writes in key order, to the writer pW. */
static int txnApply(Txn *p, KvTxn *pW, MlError *pErr){
  WsNode *x;
  int i, rc;
  for(i=0; i<p->ws.nRange; i++){
    rc = kvDeleteRange(pW, p->ws.aRange[i].pPrefix, p->ws.aRange[i].nPrefix, 0, pErr);
    if( rc ) return rc;
  }
  for(x=txnWriteSetFirst(&p->ws); x; x=x->pNext){
    if( x->eState==WS_PUT ){
      rc = kvPut(pW, wsNodeKey(x), x->nKey, x->pVal, x->nVal, pErr);
      if( rc ) return rc;
    }else if( x->eState==WS_DEL ){
      rc = kvDelete(pW, wsNodeKey(x), x->nKey, pErr);
      if( rc<0 ) return rc;
    }
  }
  return ML_OK;
}

/*
** Commit p and free it, whatever the outcome.  A read-only transaction or
** one without writes commits without touching the database.  Otherwise
** the writer is taken, the write and read sets validated and the writes
** applied and made durable.  Errors: ML_E_CONFLICT (-10001: some key
** changed since the snapshot; nothing was written), ML_E_DATABASE_FULL,
** ML_E_STORAGE, ML_E_FORKED; in every error case the transaction has been
** rolled back.
*/
int txnCommit(Txn *p, MlError *pErr){
  KvTxn *pW = 0;
  int rc = ML_OK;
  assert( p->nCursor==0 );
  if( !p->bReadOnly && txnHasWrites(p) ){
    rc = kvWriteBegin(p->pEnv, &pW, pErr);
    if( rc==ML_OK && kvTxnId(pW)!=kvTxnId(p->pSnap)+1 ){
      rc = txnValidate(p, pW, pErr);
    }
    if( rc==ML_OK ) rc = txnApply(p, pW, pErr);
    if( rc==ML_OK ){
      rc = kvWriteCommit(pW, pErr);
    }else if( pW ){
      kvWriteAbort(pW);
    }
  }
  txnFree(p);
  return rc;
}

/*
** Read key as the transaction sees it: its own latest write, else the
** snapshot.  On ML_OK (*ppVal, *pnVal) is the value (see txn.h for how
** long it stays valid); ML_NOTFOUND when absent.  With TXN_POINT_READ
** the key joins the read set and a change committed to it by another
** transaction before this one commits makes the commit fail with
** ML_E_CONFLICT (a primary-key lookup that must stay true).
*/
int txnGet(Txn *p, const void *pKey, size_t nKey, int flags,
           const void **ppVal, size_t *pnVal, MlError *pErr){
  WsNode *pNode;
  int rc = txnCheckKey(nKey, pErr);
  if( rc ) return rc;
  pNode = txnWriteSetFind(&p->ws, pKey, nKey);
  if( pNode && pNode->eState==WS_PUT ){
    *ppVal = pNode->pVal;
    *pnVal = pNode->nVal;
    return ML_OK;
  }
  if( pNode && pNode->eState==WS_DEL ) return ML_NOTFOUND;
  if( p->ws.nRange && txnWriteSetRangeCovers(&p->ws, pKey, nKey)>=0 ){
    return ML_NOTFOUND;
  }
  if( (flags & TXN_POINT_READ) && !p->bReadOnly ){
    /* A read-only transaction never conflicts, so it keeps no read set. */
    if( pNode==0 && txnWriteSetUpsert(&p->ws, pKey, nKey, &pNode) ){
      return mlErrorSet(pErr, ML_E_NOMEM);
    }
    txnWriteSetSetRead(&p->ws, pNode);
  }
  return kvGet(p->pSnap, pKey, nKey, ppVal, pnVal, pErr);
}

/* Set key to eState (WS_PUT with its value, or WS_DEL) in the write set. */
static int txnWrite(Txn *p, const void *pKey, size_t nKey, int eState,
                    const void *pVal, size_t nVal, MlError *pErr){
  WsNode *pNode;
  int rc = txnCheckWritable(p, pErr);
  if( rc==ML_OK ) rc = txnCheckKey(nKey, pErr);
  if( rc ) return rc;
  if( nVal>UINT32_MAX ){
    return mlErrorSetText(pErr, ML_E_STORAGE, "Storage error: value of %zu bytes", nVal);
  }
  if( txnWriteSetUpsert(&p->ws, pKey, nKey, &pNode)
   || txnWriteSetWrite(&p->ws, pNode, eState, pVal, nVal) ){
    return mlErrorSet(pErr, ML_E_NOMEM);
  }
  return ML_OK;
}

/*
** Insert or replace key in the write set (the value is copied).
** ML_E_TXN_READ_ONLY in a read-only transaction.  Conflicts with other
** transactions show only at COMMIT.
*/
int txnPut(Txn *p, const void *pKey, size_t nKey,
           const void *pVal, size_t nVal, MlError *pErr){
  return txnWrite(p, pKey, nKey, WS_PUT, pVal, nVal, pErr);
}

/* Delete key (present or not) in the write set; like txnPut(). */
int txnDelete(Txn *p, const void *pKey, size_t nKey, MlError *pErr){
  return txnWrite(p, pKey, nKey, WS_DEL, 0, 0, pErr);
}

/*
** Delete every key starting with (pPrefix, nPrefix): DROP TABLE.  The
** transaction stops seeing them at once; COMMIT deletes them in the
** database with kvDeleteRange() before applying the other writes.  Later
** puts under the prefix are kept.  Range deletes are not validated: a
** concurrent insert under the prefix committed first is deleted too.
*/
int txnDeleteRange(Txn *p, const void *pPrefix, size_t nPrefix, MlError *pErr){
  WsNode *x;
  int rc = txnCheckWritable(p, pErr);
  if( rc ) return rc;
  if( nPrefix>KV_MAX_KEY ) return txnCheckKey(nPrefix, pErr);
  x = nPrefix ? txnWriteSetSeek(&p->ws, pPrefix, nPrefix, KV_SEEK_GE)
              : txnWriteSetFirst(&p->ws);
  for(; x && x->nKey>=nPrefix && (nPrefix==0 || memcmp(wsNodeKey(x), pPrefix, nPrefix)==0);
      x=x->pNext){
    /* The range delete hides the snapshot's key, so no tombstone is needed. */
    if( x->eState!=WS_ABSENT && txnWriteSetWrite(&p->ws, x, WS_ABSENT, 0, 0) ){
      return mlErrorSet(pErr, ML_E_NOMEM);
    }
  }
  if( txnWriteSetAddRange(&p->ws, pPrefix, nPrefix) ) return mlErrorSet(pErr, ML_E_NOMEM);
  return ML_OK;
}

/*
** Open a statement: until txnStatementEnd() its writes can be undone
** alone.  Statements nest.  ML_OK or ML_E_NOMEM.
*/
int txnStatementBegin(Txn *p, MlError *pErr){
  int rc = txnWriteSetMarkPush(&p->ws, 0);
  if( rc ) return mlErrorSet(pErr, rc, "too many statements inside one savepoint");
  return ML_OK;
}

/*
** Close the innermost statement: keep its writes (bOk) or undo them and
** nothing else (a failed statement).
*/
void txnStatementEnd(Txn *p, int bOk){
  WriteSet *pWs = &p->ws;
  assert( pWs->nMark>0 && pWs->aMark[pWs->nMark-1].zName==0 );
  if( !bOk ) txnWriteSetMarkRollback(pWs, pWs->nMark-1);
  txnWriteSetMarkRelease(pWs);
}

/*
** Savepoint statements act between statements.  A caller that wraps them
** in a statement anyway leaves an empty statement mark on top: lift it
** off (returning 1) so the savepoint marks can change beneath it, and
** txnPutBackStatement() restores it.  Returns 0 when nothing was lifted,
** or ML_E_MISUSE when the marks on top are not savepoints.
*/
static int txnLiftStatement(Txn *p, MlError *pErr){
  WriteSet *pWs = &p->ws;
  int bLifted = 0;
  if( pWs->nMark>0 && pWs->aMark[pWs->nMark-1].zName==0
   && txnWriteSetMarkEmpty(pWs, pWs->nMark-1) ){
    txnWriteSetMarkRelease(pWs);
    bLifted = 1;
  }
  if( pWs->nMark>0 && pWs->aMark[pWs->nMark-1].zName==0 ){
    if( bLifted ) txnWriteSetMarkPush(pWs, 0);
    return mlErrorSet(pErr, ML_E_MISUSE);
  }
  return bLifted;
}

/* Undo txnLiftStatement(): bLifted is what it returned; rc passes through. */
static int txnPutBackStatement(Txn *p, int bLifted, int rc, MlError *pErr){
  if( bLifted && txnWriteSetMarkPush(&p->ws, 0) && rc==ML_OK ){
    rc = mlErrorSet(pErr, ML_E_NOMEM);
  }
  return rc;
}

/*
** Set savepoint zName.  Savepoints nest; a name may be reused, and then
** refers to the newest savepoint of that name (as in PostgreSQL).
*/
int txnSavepoint(Txn *p, const char *zName, MlError *pErr){
  int rc, bLifted = txnLiftStatement(p, pErr);
  if( bLifted<0 ) return bLifted;
  rc = txnWriteSetMarkPush(&p->ws, zName);
  if( rc ) rc = mlErrorSet(pErr, rc, "too many statements inside one savepoint");
  return txnPutBackStatement(p, bLifted, rc, pErr);
}

/*
** Undo everything written since savepoint zName was set, and drop the
** savepoints set after it; zName itself remains.  ML_E_NO_SAVEPOINT if
** there is no such savepoint.
*/
int txnRollbackToSavepoint(Txn *p, const char *zName, MlError *pErr){
  int i, rc = ML_OK, bLifted = txnLiftStatement(p, pErr);
  if( bLifted<0 ) return bLifted;
  i = txnWriteSetMarkFind(&p->ws, zName);
  if( i<0 ){
    rc = mlErrorSet(pErr, ML_E_NO_SAVEPOINT, zName);
  }else{
    txnWriteSetMarkRollback(&p->ws, i);
  }
  return txnPutBackStatement(p, bLifted, rc, pErr);
}

/*
** Drop savepoint zName and those set after it, keeping their writes.
** ML_E_NO_SAVEPOINT if there is no such savepoint.
*/
int txnReleaseSavepoint(Txn *p, const char *zName, MlError *pErr){
  int i, rc = ML_OK, bLifted = txnLiftStatement(p, pErr);
  if( bLifted<0 ) return bLifted;
  i = txnWriteSetMarkFind(&p->ws, zName);
  if( i<0 ){
    rc = mlErrorSet(pErr, ML_E_NO_SAVEPOINT, zName);
  }else{
    while( p->ws.nMark>i ) txnWriteSetMarkRelease(&p->ws);
  }
  return txnPutBackStatement(p, bLifted, rc, pErr);
}

/*
** The catalog version as this transaction sees it (0 in a new database).
** A connection caches the catalog with its version and reloads it when a
** new transaction shows a different one.  With TXN_POINT_READ a DDL
** commit by anyone else makes this transaction's COMMIT conflict.
*/
int txnCatalogVersion(Txn *p, int flags, uint64_t *pVersion, MlError *pErr){
  const unsigned char *a;
  size_t n;
  int i, rc;
  rc = txnGet(p, txnCatalogKey, sizeof(txnCatalogKey), flags,
              (const void**)&a, &n, pErr);
  if( rc==ML_NOTFOUND ){ *pVersion = 0; return ML_OK; }
  if( rc ) return rc;
  if( n!=8 ) return mlErrorSet(pErr, ML_E_STORAGE, "malformed catalog version");
  *pVersion = 0;
  for(i=0; i<8; i++) *pVersion = (*pVersion<<8) | a[i];
  return ML_OK;
}

/*
** Increase the catalog version by one in the write set, so that the
** commit of this (DDL) transaction tells every other connection to reload
** its catalog.  Two concurrent DDL transactions conflict on this key.
*/
int txnCatalogBump(Txn *p, MlError *pErr){
  unsigned char a[8];
  uint64_t v = 0;
  int i, rc = txnCatalogVersion(p, 0, &v, pErr);
  if( rc ) return rc;
  v++;
  for(i=7; i>=0; i--){ a[i] = (unsigned char)v; v >>= 8; }
  return txnPut(p, txnCatalogKey, sizeof(txnCatalogKey), a, 8, pErr);
}
