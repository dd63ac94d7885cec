/*
** Sequences (see sequence.h).  seqReserve() is the one primitive: an LMDB
** write transaction, committed (fsync'ed) before it returns, that moves
** the stored state past up to nWant values and so hands all of them to the
** caller at once.  Nothing else ever hands them out again, whatever
** happens to the caller, so a block is as safe as a single value; values
** a caller reserved but never used are gaps, as Mimer's own sequences
** allow.  SeqCache keeps one process's blocks and grows them with use.
**
** Stored state under the caller's key, SEQ_STATE_SIZE bytes (states of
** SEQ_STATE_SIZE_V1 bytes, written before generations existed, read as
** generation 0):
**   flags (1 byte) | next value (8, big-endian) | last value (8, big-endian)
**   | generation (4, big-endian; bumped by seqRestart)
*/
#include "txn/sequence.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#define SEQ_STATE_SIZE_V1 17
#define SEQ_STATE_SIZE 21
#define SEQ_BLOCK_MAX 1024         /* largest block a SeqCache reserves */
#define SEQ_HAS_LAST   0x01        /* a value has been handed out */
#define SEQ_EXHAUSTED  0x02        /* NO CYCLE and past the limit */

typedef struct SeqState {
  int flags;                       /* SEQ_HAS_LAST, SEQ_EXHAUSTED */
  int64_t iNext;                   /* value the next seqNext() returns */
  int64_t iLast;                   /* value last returned (if SEQ_HAS_LAST) */
  uint32_t gen;                    /* generation: seqRestart() count */
} SeqState;

static void seqPut64(unsigned char *a, int64_t v){
  uint64_t u = (uint64_t)v;
  int i;
  for(i=7; i>=0; i--){ a[i] = (unsigned char)u; u >>= 8; }
}

static int64_t seqGet64(const unsigned char *a){
  uint64_t u = 0;
  int i;
  for(i=0; i<8; i++) u = (u<<8) | a[i];
  return (int64_t)u;
}

/*
** Read the state under key in pTxn into *pSt.  ML_OK, ML_NOTFOUND (never
** used: *pSt untouched), ML_E_STORAGE for a malformed value, or a kvGet()
** error.
*/
static int seqLoad(KvTxn *pTxn, const void *pKey, size_t nKey, SeqState *pSt,
                   MlError *pErr){
  const unsigned char *a;
  size_t n;
  int rc = kvGet(pTxn, pKey, nKey, (const void**)&a, &n, pErr);
  if( rc ) return rc;
  if( n!=SEQ_STATE_SIZE && n!=SEQ_STATE_SIZE_V1 ){
    return mlErrorSet(pErr, ML_E_STORAGE, "malformed sequence state");
  }
  pSt->flags = a[0];
  pSt->iNext = seqGet64(a+1);
  pSt->iLast = seqGet64(a+9);
  pSt->gen = n==SEQ_STATE_SIZE_V1 ? 0
           : ((uint32_t)a[17]<<24) | ((uint32_t)a[18]<<16) | ((uint32_t)a[19]<<8) | a[20];
  return ML_OK;
}

/* Write *pSt under key in the writer pTxn and commit it (pTxn is freed). */
static int seqStoreCommit(KvTxn *pTxn, const void *pKey, size_t nKey,
                          const SeqState *pSt, MlError *pErr){
  unsigned char a[SEQ_STATE_SIZE];
  int rc;
  a[0] = (unsigned char)pSt->flags;
  seqPut64(a+1, pSt->iNext);
  seqPut64(a+9, pSt->iLast);
  a[17] = (unsigned char)(pSt->gen>>24);
  a[18] = (unsigned char)(pSt->gen>>16);
  a[19] = (unsigned char)(pSt->gen>>8);
  a[20] = (unsigned char)pSt->gen;
  rc = kvPut(pTxn, pKey, nKey, a, sizeof(a), pErr);
  if( rc ){
    kvWriteAbort(pTxn);
    return rc;
  }
  return kvWriteCommit(pTxn, pErr);
}

/* ML_OK when pDef is a definition CREATE SEQUENCE could have accepted. */
static int seqCheckDef(const SeqDef *pDef, MlError *pErr){
  if( pDef->iIncrement!=0 && pDef->iMin<=pDef->iMax
   && pDef->iStart>=pDef->iMin && pDef->iStart<=pDef->iMax ){
    return ML_OK;
  }
  return mlErrorSetText(pErr, ML_E_INTERNAL, "Internal error: invalid "
                        "definition of sequence %s", pDef->zName ? pDef->zName : "");
}

/*
** One step of the sequence from state *pSt (definition pDef): the value
** handed out into *piValue and *pSt moved past it.  The first step of a
** fresh state returns iStart.  Past the limit a CYCLE sequence wraps to
** MINVALUE (ascending) or MAXVALUE (descending) and *pbWrapped is set; a
** NO CYCLE one is marked exhausted.  ML_E_SEQUENCE_EXHAUSTED when no value
** is left.
*/
static int seqStep(SeqState *pSt, const SeqDef *pDef, int64_t *piValue, int *pbWrapped,
                   MlError *pErr){
  int64_t v = pSt->iNext, iNext;
  *pbWrapped = 0;
  if( (pSt->flags & SEQ_EXHAUSTED)==0 && (v<pDef->iMin || v>pDef->iMax) && pDef->bCycle ){
    /* RESTART WITH a value outside the limits, then CYCLE: wrap now. */
    v = pDef->iIncrement>0 ? pDef->iMin : pDef->iMax;
  }
  if( (pSt->flags & SEQ_EXHAUSTED) || v<pDef->iMin || v>pDef->iMax ){
    return mlErrorSet(pErr, ML_E_SEQUENCE_EXHAUSTED, pDef->zName ? pDef->zName : "");
  }
  if( __builtin_add_overflow(v, pDef->iIncrement, &iNext)
   || iNext<pDef->iMin || iNext>pDef->iMax ){
    if( pDef->bCycle ){
      iNext = pDef->iIncrement>0 ? pDef->iMin : pDef->iMax;
      *pbWrapped = 1;
    }else{
      pSt->flags |= SEQ_EXHAUSTED;
    }
  }
  pSt->flags |= SEQ_HAS_LAST;
  pSt->iLast = v;
  pSt->iNext = iNext;
  *piValue = v;
  return ML_OK;
}

/*
** Reserve, durably, between 1 and nWant consecutive values of the
** sequence stored under key, defined by pDef: pBlock->iFirst,
** iFirst+iIncrement, ... (pBlock->n of them, in the order single steps
** would hand them out; a block ends where the sequence wraps or runs
** out).  pBlock->gen is the sequence's generation when reserved.
** ML_E_SEQUENCE_EXHAUSTED when not even one value is left; other errors:
** those of kvWriteBegin()/kvWriteCommit().
*/
int seqReserve(KvEnv *pEnv, const void *pKey, size_t nKey, const SeqDef *pDef, int nWant,
               SeqBlock *pBlock, MlError *pErr){
  KvTxn *pTxn;
  SeqState st;
  int64_t v;
  int rc, bWrapped = 0;

  assert( !kvWriterHeld() );
  assert( nWant>=1 );
  memset(pBlock, 0, sizeof(*pBlock));
  rc = seqCheckDef(pDef, pErr);
  if( rc ) return rc;
  rc = kvWriteBegin(pEnv, &pTxn, pErr);
  if( rc ) return rc;
  memset(&st, 0, sizeof(st));
  st.iNext = pDef->iStart;
  rc = seqLoad(pTxn, pKey, nKey, &st, pErr);
  if( rc<0 ){
    kvWriteAbort(pTxn);
    return rc;
  }
  rc = seqStep(&st, pDef, &v, &bWrapped, pErr);
  if( rc ){
    kvWriteAbort(pTxn);
    return rc;
  }
  pBlock->iFirst = v;
  pBlock->iIncrement = pDef->iIncrement;
  pBlock->n = 1;
  while( pBlock->n<nWant && !bWrapped && (st.flags & SEQ_EXHAUSTED)==0 ){
    rc = seqStep(&st, pDef, &v, &bWrapped, pErr);
    assert( rc==ML_OK );   /* not exhausted, not wrapped: a value is left */
    if( rc ) break;
    pBlock->n++;
  }
  pBlock->gen = st.gen;
  if( rc==ML_OK ) return seqStoreCommit(pTxn, pKey, nKey, &st, pErr);
  kvWriteAbort(pTxn);
  return rc;
}

/*
** Hand out the next value of the sequence stored under key, defined by
** pDef, into *piValue, durably (a block of one).  Errors as seqReserve().
*/
int seqNext(KvEnv *pEnv, const void *pKey, size_t nKey, const SeqDef *pDef,
            int64_t *piValue, MlError *pErr){
  SeqBlock b;
  int rc = seqReserve(pEnv, pKey, nKey, pDef, 1, &b, pErr);
  if( rc==ML_OK ) *piValue = b.iFirst;
  return rc;
}

/*
** The last value reserved by anyone, into *piValue.
** ML_NOTFOUND when the sequence has not been used yet.
*/
int seqCurrent(KvEnv *pEnv, const void *pKey, size_t nKey,
               int64_t *piValue, MlError *pErr){
  KvTxn *pTxn;
  SeqState st;
  int rc = kvReadBegin(pEnv, &pTxn, pErr);
  if( rc ) return rc;
  rc = seqLoad(pTxn, pKey, nKey, &st, pErr);
  kvReadEnd(pTxn);
  if( rc ) return rc;
  if( (st.flags & SEQ_HAS_LAST)==0 ) return ML_NOTFOUND;
  *piValue = st.iLast;
  return ML_OK;
}

/*
** ALTER SEQUENCE ... RESTART WITH iValue: the next seqNext() returns
** iValue (an exhausted sequence becomes usable again).  Durable at once.
*/
int seqRestart(KvEnv *pEnv, const void *pKey, size_t nKey, int64_t iValue,
               MlError *pErr){
  KvTxn *pTxn;
  SeqState st;
  int rc;
  assert( !kvWriterHeld() );
  rc = kvWriteBegin(pEnv, &pTxn, pErr);
  if( rc ) return rc;
  st.flags = 0;
  st.iLast = 0;
  rc = seqLoad(pTxn, pKey, nKey, &st, pErr);
  if( rc<0 ){
    kvWriteAbort(pTxn);
    return rc;
  }
  st.flags &= ~SEQ_EXHAUSTED;
  st.iNext = iValue;
  st.gen++;
  return seqStoreCommit(pTxn, pKey, nKey, &st, pErr);
}

/*
** The generation of the sequence stored under key into *pGen (0 for a
** sequence never used or restarted), from a snapshot: no writer needed.
*/
static int seqGeneration(KvEnv *pEnv, const void *pKey, size_t nKey, uint32_t *pGen,
                         MlError *pErr){
  KvTxn *pTxn;
  SeqState st;
  int rc = kvReadBegin(pEnv, &pTxn, pErr);
  *pGen = 0;
  if( rc ) return rc;
  memset(&st, 0, sizeof(st));
  rc = seqLoad(pTxn, pKey, nKey, &st, pErr);
  kvReadEnd(pTxn);
  if( rc==ML_NOTFOUND ) return ML_OK;
  if( rc==ML_OK ) *pGen = st.gen;
  return rc;
}

void seqCacheInit(SeqCache *p){
  memset(p, 0, sizeof(*p));
  pthread_mutex_init(&p->mutex, 0);
}

void seqCacheFree(SeqCache *p){
  pthread_mutex_destroy(&p->mutex);
  free(p->a);
  memset(p, 0, sizeof(*p));
}

/* The entry of sequence id in p, added if absent (mutex held); 0 on OOM. */
static SeqCacheEntry *seqCacheEntry(SeqCache *p, int64_t id){
  int i;
  for(i=0; i<p->n; i++) if( p->a[i].id==id ) return &p->a[i];
  if( p->n==p->nAlloc ){
    int nNew = p->nAlloc ? 2*p->nAlloc : 8;
    SeqCacheEntry *a = realloc(p->a, sizeof(SeqCacheEntry)*(size_t)nNew);
    if( a==0 ) return 0;
    p->a = a;
    p->nAlloc = nNew;
  }
  memset(&p->a[p->n], 0, sizeof(SeqCacheEntry));
  p->a[p->n].id = id;
  return &p->a[p->n++];
}

/*
** The next value of sequence id (state under key, definition pDef) for
** this process, into *piValue: from the process's reserved block while
** the sequence's generation is the block's (a RESTART anywhere makes
** every process's block stale), else from a new block, twice as large as
** the last one up to SEQ_BLOCK_MAX, so a process that asks for few values
** wastes few and one that asks for many pays one durable commit per
** SEQ_BLOCK_MAX values.  Values are unique across processes and ascend
** (descend) within one; across processes they interleave by block.
*/
int seqCacheNext(SeqCache *p, KvEnv *pEnv, int64_t id, const void *pKey, size_t nKey,
                 const SeqDef *pDef, int64_t *piValue, MlError *pErr){
  SeqCacheEntry *e;
  SeqBlock b;
  uint32_t gen;
  int nWant, rc;
  *piValue = 0;
  rc = seqGeneration(pEnv, pKey, nKey, &gen, pErr);
  if( rc ) return rc;
  pthread_mutex_lock(&p->mutex);
  e = seqCacheEntry(p, id);
  if( e==0 ){
    pthread_mutex_unlock(&p->mutex);
    return mlErrorSet(pErr, ML_E_NOMEM);
  }
  if( e->nLeft>0 && e->gen==gen ){
    *piValue = e->iNext;
    /* a block never passes a wrap or limit: step only while values remain */
    if( --e->nLeft>0 ) e->iNext += e->iIncrement;
    pthread_mutex_unlock(&p->mutex);
    return ML_OK;
  }
  nWant = e->nBlock ? e->nBlock*2 : 1;
  if( nWant>SEQ_BLOCK_MAX ) nWant = SEQ_BLOCK_MAX;
  pthread_mutex_unlock(&p->mutex);

  rc = seqReserve(pEnv, pKey, nKey, pDef, nWant, &b, pErr);
  if( rc ) return rc;
  *piValue = b.iFirst;
  pthread_mutex_lock(&p->mutex);
  e = seqCacheEntry(p, id);   /* the array may have moved meanwhile */
  if( e ){
    /* another thread's leftover block (if any) is dropped: gaps only */
    e->gen = b.gen;
    e->nBlock = nWant;
    e->iIncrement = b.iIncrement;
    e->iNext = b.n>1 ? b.iFirst + b.iIncrement : b.iFirst;  /* no step past a limit */
    e->nLeft = b.n-1;
  }
  pthread_mutex_unlock(&p->mutex);
  return ML_OK;
}
