/*
** The write set of a transaction: nodes holding keys with their pending
** change, chained in key order and indexed by a B+tree, an undo log and
** the statement/savepoint marks over it (see writeset.h for the model).
** Internal to txn/; calls only util/ and kvKeyCompare() for the key
** order, which must be LMDB's.
*/
#include "txn/writeset.h"

#include <assert.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define WS_ARENA_CHUNK  65536      /* arena chunk for nodes and pages */
#define WS_NEAR_STEPS   16         /* finger-walk steps before a full search */

/* Compare node p's key with (pKey, nKey). */
static int wsCompare(const WsNode *p, const void *pKey, size_t nKey){
  return kvKeyCompare(p->aKey, p->nKey, pKey, nKey);
}

void txnWriteSetInit(WriteSet *p){
  memset(p, 0, sizeof(*p));
  arenaInit(&p->arena, WS_ARENA_CHUNK);
}

/* Free every value, undo record, mark, node and page: the set is empty. */
void txnWriteSetClear(WriteSet *p){
  WsNode *pNode;
  size_t i;
  int j;
  for(pNode=p->pFirst; pNode; pNode=pNode->pNext) free(pNode->pVal);
  for(i=0; i<p->nUndo; i++) free(p->aUndo[i].pVal);
  for(j=0; j<p->nMark; j++) free(p->aMark[j].zName);
  free(p->aUndo);
  free(p->aMark);
  free(p->aRange);
  arenaFree(&p->arena);
  txnWriteSetInit(p);
}

/*
** The first 8 bytes of a key, zero-padded, as a big-endian integer.  When
** two keys' prefixes differ, they order the keys as the keys themselves.
*/
static uint64_t wsPrefix(const void *pKey, size_t nKey){
  const unsigned char *a = pKey;
  uint64_t v = 0;
  size_t i;
  for(i=0; i<8; i++) v = (v<<8) | (i<nKey ? a[i] : 0);
  return v;
}

/* Compare entry i of page pg with the key (pKey, nKey) of prefix iPrefix. */
static int wsPageCompare(const WsPage *pg, int i, uint64_t iPrefix,
                         const void *pKey, size_t nKey){
  if( pg->aPrefix[i]!=iPrefix ) return pg->aPrefix[i]<iPrefix ? -1 : 1;
  return wsCompare(pg->apNode[i], pKey, nKey);
}

/* Index of the first entry of pg that is > the key (bUpper) or >= it. */
static int wsPageBound(const WsPage *pg, uint64_t iPrefix,
                       const void *pKey, size_t nKey, int bUpper){
  int lo = 0, hi = pg->nEntry;
  while( lo<hi ){
    int mid = (lo+hi)/2;
    int c = wsPageCompare(pg, mid, iPrefix, pKey, nKey);
    if( c<0 || (bUpper && c==0) ) lo = mid+1; else hi = mid;
  }
  return lo;
}

/* A path from the root to a leaf: the page and entry index on each level. */
typedef struct WsPath {
  WsPage *apPage[WS_MAX_DEPTH];    /* pages, root first */
  int aIdx[WS_MAX_DEPTH];          /* child taken, or the leaf position */
} WsPath;

/*
** Descend the index to the leaf where (pKey, nKey) belongs, filling
** *pPath when it is not NULL.  Returns the first node >= the key, or 0
** when every node is smaller.  The index must not be empty.
*/
static WsNode *wsDescend(const WriteSet *p, const void *pKey, size_t nKey,
                         WsPath *pPath){
  uint64_t iPrefix = wsPrefix(pKey, nKey);
  WsPage *pg = p->pRoot;
  int d, i;
  assert( pg );
  for(d=0; !pg->bLeaf; d++){
    i = wsPageBound(pg, iPrefix, pKey, nKey, 1);
    if( i>0 ) i--;
    if( pPath ){ pPath->apPage[d] = pg; pPath->aIdx[d] = i; }
    pg = pg->apChild[i];
  }
  assert( d==p->nDepth-1 );
  i = wsPageBound(pg, iPrefix, pKey, nKey, 0);
  if( pPath ){ pPath->apPage[d] = pg; pPath->aIdx[d] = i; }
  if( i<pg->nEntry ) return pg->apNode[i];
  /* Every key of this leaf is smaller: the answer starts the next leaf. */
  return pg->nEntry ? pg->apNode[pg->nEntry-1]->pNext : 0;
}

/* The node whose key equals (pKey, nKey), or 0. */
WsNode *txnWriteSetFind(const WriteSet *p, const void *pKey, size_t nKey){
  WsNode *x;
  if( p->pRoot==0 ) return 0;
  x = wsDescend(p, pKey, nKey, 0);
  return (x && wsCompare(x, pKey, nKey)==0) ? x : 0;
}

/* The node chosen by op relative to (pKey, nKey), as kvCursorSeek(); 0 if none. */
WsNode *txnWriteSetSeek(const WriteSet *p, const void *pKey, size_t nKey, KvSeekOp op){
  WsNode *pGe;
  int bEq;
  if( p->pRoot==0 ) return 0;
  pGe = wsDescend(p, pKey, nKey, 0);
  bEq = pGe && wsCompare(pGe, pKey, nKey)==0;
  switch( op ){
    case KV_SEEK_GE: return pGe;
    case KV_SEEK_GT: return bEq ? pGe->pNext : pGe;
    case KV_SEEK_LE: if( bEq ) return pGe; /* fall through */
    default:         return pGe ? pGe->pPrev : p->pLast;
  }
}

WsNode *txnWriteSetFirst(const WriteSet *p){
  return p->pFirst;
}

WsNode *txnWriteSetLast(const WriteSet *p){
  return p->pLast;
}

/*
** Non-zero when node p lies on the answer's side of (pKey, nKey) for op:
** at or after it for GE, after it for GT, and so on.
*/
static int wsBeyond(const WsNode *p, const void *pKey, size_t nKey, KvSeekOp op){
  int c = wsCompare(p, pKey, nKey);
  switch( op ){
    case KV_SEEK_GE: return c>=0;
    case KV_SEEK_GT: return c>0;
    case KV_SEEK_LE: return c<=0;
    default:         return c<0;
  }
}

/*
** Like txnWriteSetSeek(), but starting from pHint, a node believed to be
** near the answer (a cursor's last position): walks the chain for a few
** steps and falls back to a full search when the answer is farther.
** pHint may be 0.  For GE/GT the answer is the first node beyond the key,
** for LE/LT the last one.
*/
WsNode *txnWriteSetNear(const WriteSet *p, WsNode *pHint,
                        const void *pKey, size_t nKey, KvSeekOp op){
  WsNode *x = pHint;
  int n = 0;
  int bFwd = (op==KV_SEEK_GE || op==KV_SEEK_GT);
  if( x==0 ) return txnWriteSetSeek(p, pKey, nKey, op);
  if( wsBeyond(x, pKey, nKey, op) ){
    /* Walk towards the key while the neighbour is still beyond it. */
    for(;;){
      WsNode *y = bFwd ? x->pPrev : x->pNext;
      if( y==0 || !wsBeyond(y, pKey, nKey, op) ) return x;
      if( ++n>WS_NEAR_STEPS ) return txnWriteSetSeek(p, pKey, nKey, op);
      x = y;
    }
  }
  /* Walk away from the key until the first node beyond it. */
  do{
    if( ++n>WS_NEAR_STEPS ) return txnWriteSetSeek(p, pKey, nKey, op);
    x = bFwd ? x->pNext : x->pPrev;
  }while( x && !wsBeyond(x, pKey, nKey, op) );
  return x;
}

/* A new, empty index page; 0 on out-of-memory. */
static WsPage *wsPageNew(WriteSet *p, int bLeaf){
  size_t n = bLeaf ? offsetof(WsPage, apChild) : sizeof(WsPage);
  WsPage *pg = arenaAlloc(&p->arena, n);
  if( pg ){
    pg->nEntry = 0;
    pg->bLeaf = bLeaf;
  }
  return pg;
}

/* Put (iPrefix, pNode, pChild) at index i of pg, which has room. */
static void wsPageInsert(WsPage *pg, int i, uint64_t iPrefix, WsNode *pNode,
                         WsPage *pChild){
  int n = pg->nEntry - i;
  assert( pg->nEntry<WS_FANOUT && i>=0 && i<=pg->nEntry );
  memmove(&pg->aPrefix[i+1], &pg->aPrefix[i], n*sizeof(uint64_t));
  memmove(&pg->apNode[i+1], &pg->apNode[i], n*sizeof(WsNode*));
  pg->aPrefix[i] = iPrefix;
  pg->apNode[i] = pNode;
  if( !pg->bLeaf ){
    memmove(&pg->apChild[i+1], &pg->apChild[i], n*sizeof(WsPage*));
    pg->apChild[i] = pChild;
  }
  pg->nEntry++;
}

/*
** Add node pNew (prefix iPrefix) to the index at the leaf position where
** pPath ends, splitting full pages upwards.  bAppend says pNew is the
** largest node: full pages then split with every old entry on the left
** and only the new one on the right, so that ascending inserts (the
** common bulk load) leave full pages.  ML_OK, or ML_E_NOMEM with the
** index unchanged.
*/
static int wsIndexInsert(WriteSet *p, WsPath *pPath, WsNode *pNew,
                         uint64_t iPrefix, int bAppend){
  WsPage *apNew[WS_MAX_DEPTH+1];
  WsPage *pChild = 0;
  int d, nNew = 0;

  /* Allocate every page the splits need first, so a failure changes nothing. */
  for(d=p->nDepth-1; d>=0 && pPath->apPage[d]->nEntry==WS_FANOUT; d--){
    apNew[nNew] = wsPageNew(p, pPath->apPage[d]->bLeaf);
    if( apNew[nNew++]==0 ) return ML_E_NOMEM;
  }
  if( d<0 ){
    if( p->nDepth==WS_MAX_DEPTH ) return ML_E_NOMEM;
    apNew[nNew] = wsPageNew(p, 0);
    if( apNew[nNew]==0 ) return ML_E_NOMEM;
  }

  nNew = 0;
  for(d=p->nDepth-1; ; d--){
    WsPage *pg = pPath->apPage[d], *pRight;
    int i = pg->bLeaf ? pPath->aIdx[d] : pPath->aIdx[d]+1;
    int iSplit, n;
    if( pg->nEntry<WS_FANOUT ){
      wsPageInsert(pg, i, iPrefix, pNew, pChild);
      return ML_OK;
    }
    /* Split pg: the entries from iSplit on move to a new right sibling. */
    pRight = apNew[nNew++];
    iSplit = bAppend ? WS_FANOUT : WS_FANOUT/2;
    n = WS_FANOUT - iSplit;
    memcpy(pRight->aPrefix, &pg->aPrefix[iSplit], n*sizeof(uint64_t));
    memcpy(pRight->apNode, &pg->apNode[iSplit], n*sizeof(WsNode*));
    if( !pg->bLeaf ) memcpy(pRight->apChild, &pg->apChild[iSplit], n*sizeof(WsPage*));
    pRight->nEntry = n;
    pg->nEntry = iSplit;
    if( i<iSplit ){
      wsPageInsert(pg, i, iPrefix, pNew, pChild);
    }else{
      wsPageInsert(pRight, i-iSplit, iPrefix, pNew, pChild);
    }
    /* The parent gets an entry for pRight, keyed by its smallest node. */
    iPrefix = pRight->aPrefix[0];
    pNew = pRight->apNode[0];
    pChild = pRight;
    if( d==0 ){
      WsPage *pRoot = apNew[nNew];
      pRoot->aPrefix[0] = pg->aPrefix[0];
      pRoot->apNode[0] = pg->apNode[0];
      pRoot->apChild[0] = pg;
      pRoot->nEntry = 1;
      wsPageInsert(pRoot, 1, iPrefix, pNew, pChild);
      p->pRoot = pRoot;
      p->nDepth++;
      return ML_OK;
    }
  }
}

/*
** Find the node for (pKey, nKey), inserting a WS_ABSENT one if there is
** none, and return it in *ppNode.  ML_OK or ML_E_NOMEM.
*/
int txnWriteSetUpsert(WriteSet *p, const void *pKey, size_t nKey, WsNode **ppNode){
  WsPath path;
  WsNode *x, *pGe;
  int rc, bAppend;

  assert( nKey>0 && nKey<=KV_MAX_KEY );
  if( p->pRoot==0 ){
    p->pRoot = wsPageNew(p, 1);
    if( p->pRoot==0 ) return ML_E_NOMEM;
    p->nDepth = 1;
  }
  pGe = wsDescend(p, pKey, nKey, &path);
  if( pGe && wsCompare(pGe, pKey, nKey)==0 ){
    *ppNode = pGe;
    return ML_OK;
  }

  x = arenaAlloc(&p->arena, sizeof(WsNode) + nKey);
  if( x==0 ) return ML_E_NOMEM;
  memset(x, 0, sizeof(WsNode));
  x->nKey = (uint16_t)nKey;
  memcpy(x->aKey, pKey, nKey);
  bAppend = (pGe==0);
  rc = wsIndexInsert(p, &path, x, wsPrefix(pKey, nKey), bAppend);
  if( rc ) return rc;

  /* Link x in before pGe (at the end when there is none). */
  x->pNext = pGe;
  x->pPrev = pGe ? pGe->pPrev : p->pLast;
  if( x->pPrev ) x->pPrev->pNext = x; else p->pFirst = x;
  if( pGe ) pGe->pPrev = x; else p->pLast = x;
  p->nNode++;
  *ppNode = x;
  return ML_OK;
}

/*
** Set node pNode to eState with a copy of (pVal, nVal) (only for WS_PUT),
** saving its prior state in the undo log first when the innermost mark
** has not saved it yet.  Nothing changes on failure.  ML_OK or
** ML_E_NOMEM.
*/
int txnWriteSetWrite(WriteSet *p, WsNode *pNode, int eState,
                     const void *pVal, size_t nVal){
  uint32_t iTop = p->nMark ? p->aMark[p->nMark-1].iSerial : 0;
  unsigned char *pCopy = 0;

  assert( eState==WS_PUT || pVal==0 );
  assert( nVal<=UINT32_MAX );
  if( eState==WS_PUT ){
    pCopy = malloc(nVal ? nVal : 1);
    if( pCopy==0 ) return ML_E_NOMEM;
    if( nVal ) memcpy(pCopy, pVal, nVal);
  }
  if( iTop && pNode->iSerial!=iTop ){
    WsUndo *pU;
    if( p->nUndo==p->nUndoAlloc ){
      size_t nNew = p->nUndoAlloc ? p->nUndoAlloc*2 : 64;
      WsUndo *aNew = realloc(p->aUndo, nNew*sizeof(WsUndo));
      if( aNew==0 ){ free(pCopy); return ML_E_NOMEM; }
      p->aUndo = aNew;
      p->nUndoAlloc = nNew;
    }
    pU = &p->aUndo[p->nUndo++];
    pU->pNode = pNode;
    pU->pVal = pNode->pVal;
    pU->nVal = pNode->nVal;
    pU->iSerial = pNode->iSerial;
    pU->eState = pNode->eState;
    pNode->iSerial = iTop;
  }else{
    free(pNode->pVal);
  }
  if( (pNode->eState!=WS_ABSENT) != (eState!=WS_ABSENT) ){
    if( eState!=WS_ABSENT ) p->nDirty++; else p->nDirty--;
  }
  pNode->eState = (uint8_t)eState;
  pNode->pVal = pCopy;
  pNode->nVal = (uint32_t)nVal;
  return ML_OK;
}

/* Remember that pNode's key was point-read from the snapshot. */
void txnWriteSetSetRead(WriteSet *p, WsNode *pNode){
  if( (pNode->flags & WS_READ)==0 ){
    pNode->flags |= WS_READ;
    p->nRead++;
  }
}

/*
** Record that every key starting with (pPrefix, nPrefix) is deleted: the
** snapshot's keys under it are hidden from now on.  Write-set nodes under
** it are the caller's business.  ML_OK or ML_E_NOMEM.
*/
int txnWriteSetAddRange(WriteSet *p, const void *pPrefix, size_t nPrefix){
  WsRange *pR;
  if( p->nRange==p->nRangeAlloc ){
    int nNew = p->nRangeAlloc ? p->nRangeAlloc*2 : 4;
    WsRange *aNew = realloc(p->aRange, nNew*sizeof(WsRange));
    if( aNew==0 ) return ML_E_NOMEM;
    p->aRange = aNew;
    p->nRangeAlloc = nNew;
  }
  pR = &p->aRange[p->nRange];
  pR->pPrefix = arenaDup(&p->arena, pPrefix, nPrefix);
  if( pR->pPrefix==0 ) return ML_E_NOMEM;
  pR->nPrefix = nPrefix;
  p->nRange++;
  return ML_OK;
}

/* Index of a range delete covering (pKey, nKey), or -1 when none does. */
int txnWriteSetRangeCovers(const WriteSet *p, const void *pKey, size_t nKey){
  int i;
  for(i=p->nRange-1; i>=0; i--){
    const WsRange *pR = &p->aRange[i];
    if( nKey>=pR->nPrefix
     && (pR->nPrefix==0 || memcmp(pKey, pR->pPrefix, pR->nPrefix)==0) ){
      return i;
    }
  }
  return -1;
}

/*
** Open a new innermost mark: a savepoint named zName (copied), or a
** statement when zName is 0.  ML_OK, ML_E_NOMEM, or ML_E_INTERNAL when
** serial numbers ran out (4e9 marks inside one outer mark).
*/
int txnWriteSetMarkPush(WriteSet *p, const char *zName){
  WsMark *pM;
  if( p->nMark==p->nMarkAlloc ){
    int nNew = p->nMarkAlloc ? p->nMarkAlloc*2 : 8;
    WsMark *aNew = realloc(p->aMark, nNew*sizeof(WsMark));
    if( aNew==0 ) return ML_E_NOMEM;
    p->aMark = aNew;
    p->nMarkAlloc = nNew;
  }
  /* With no mark open no node carries a serial, so numbering restarts. */
  if( p->nMark==0 ) p->iSerial = 0;
  if( p->iSerial==UINT32_MAX ) return ML_E_INTERNAL;
  pM = &p->aMark[p->nMark];
  pM->zName = 0;
  if( zName ){
    pM->zName = strdup(zName);
    if( pM->zName==0 ) return ML_E_NOMEM;
  }
  pM->iSerial = ++p->iSerial;
  pM->iUndo = p->nUndo;
  pM->nRange = p->nRange;
  p->nMark++;
  return ML_OK;
}

/*
** Undo every change made since mark iMark was set and close the marks
** above it; iMark itself stays open (ROLLBACK TO SAVEPOINT semantics).
*/
void txnWriteSetMarkRollback(WriteSet *p, int iMark){
  WsMark *pM;
  assert( iMark>=0 && iMark<p->nMark );
  pM = &p->aMark[iMark];
  while( p->nUndo>pM->iUndo ){
    WsUndo *pU = &p->aUndo[--p->nUndo];
    WsNode *pNode = pU->pNode;
    if( (pNode->eState!=WS_ABSENT) != (pU->eState!=WS_ABSENT) ){
      if( pU->eState!=WS_ABSENT ) p->nDirty++; else p->nDirty--;
    }
    free(pNode->pVal);
    pNode->pVal = pU->pVal;
    pNode->nVal = pU->nVal;
    pNode->eState = pU->eState;
    pNode->iSerial = pU->iSerial;
  }
  if( p->nRange>pM->nRange ){
    /* Keys hidden by the dropped ranges reappear: cursors that stepped
    ** over them must look again (see cursor.c). */
    p->nRange = pM->nRange;
    p->iRangeEpoch++;
  }
  while( p->nMark>iMark+1 ) free(p->aMark[--p->nMark].zName);
}

/*
** Close the innermost mark, keeping its changes: its undo records pass to
** the enclosing mark, except those for nodes the enclosing mark saved
** already (their saved state is older); with no enclosing mark they are
** simply freed.
*/
void txnWriteSetMarkRelease(WriteSet *p){
  WsMark *pM;
  uint32_t iParent;
  size_t i, j;
  assert( p->nMark>0 );
  pM = &p->aMark[p->nMark-1];
  iParent = p->nMark>1 ? pM[-1].iSerial : 0;
  for(i=j=pM->iUndo; i<p->nUndo; i++){
    WsUndo *pU = &p->aUndo[i];
    assert( pU->pNode->iSerial==pM->iSerial );
    pU->pNode->iSerial = iParent;
    if( iParent==0 || pU->iSerial==iParent ){
      free(pU->pVal);
    }else{
      p->aUndo[j++] = *pU;
    }
  }
  p->nUndo = j;
  free(pM->zName);
  p->nMark--;
}

/* Index of the innermost savepoint named zName, or -1. */
int txnWriteSetMarkFind(const WriteSet *p, const char *zName){
  int i;
  for(i=p->nMark-1; i>=0; i--){
    if( p->aMark[i].zName && strcmp(p->aMark[i].zName, zName)==0 ) return i;
  }
  return -1;
}

/* Non-zero when nothing was changed since mark iMark was set. */
int txnWriteSetMarkEmpty(const WriteSet *p, int iMark){
  assert( iMark>=0 && iMark<p->nMark );
  return p->aMark[iMark].iUndo==p->nUndo && p->aMark[iMark].nRange==p->nRange;
}
