/*
** Sequences (see sequence.h): each step is its own LMDB write
** transaction, committed (fsync'ed) before the value is returned.  Values
** are never reserved in batches: a batch would be lost or, worse, handed
** out twice after a crash unless its reservation were itself durable, and
** then it saves nothing.  The cost is one durable commit per value.
**
** Stored state, SEQ_STATE_SIZE bytes under the caller's key:
**   flags (1 byte) | next value (8, big-endian) | last value (8, big-endian)
*/
#include "txn/sequence.h"

#include <assert.h>
#include <string.h>

#define SEQ_STATE_SIZE 17
#define SEQ_HAS_LAST   0x01        /* a value has been handed out */
#define SEQ_EXHAUSTED  0x02        /* NO CYCLE and past the limit */

typedef struct SeqState {
  int flags;                       /* SEQ_HAS_LAST, SEQ_EXHAUSTED */
  int64_t iNext;                   /* value the next seqNext() returns */
  int64_t iLast;                   /* value last returned (if SEQ_HAS_LAST) */
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
  if( n!=SEQ_STATE_SIZE ){
    return mlErrorSet(pErr, ML_E_STORAGE, "malformed sequence state");
  }
  pSt->flags = a[0];
  pSt->iNext = seqGet64(a+1);
  pSt->iLast = seqGet64(a+9);
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
** Hand out the next value of the sequence stored under key, defined by
** pDef, into *piValue, durably: the value is never handed out again.
** The first call returns iStart.  Past the limit a CYCLE sequence wraps
** to MINVALUE (ascending) or MAXVALUE (descending); a NO CYCLE one fails
** with ML_E_SEQUENCE_EXHAUSTED, now and on every later call.  Other
** errors: those of kvWriteBegin()/kvWriteCommit().
*/
int seqNext(KvEnv *pEnv, const void *pKey, size_t nKey, const SeqDef *pDef,
            int64_t *piValue, MlError *pErr){
  KvTxn *pTxn;
  SeqState st;
  int64_t v, iNext;
  int rc;

  assert( !kvWriterHeld() );
  rc = seqCheckDef(pDef, pErr);
  if( rc ) return rc;
  rc = kvWriteBegin(pEnv, &pTxn, pErr);
  if( rc ) return rc;
  st.flags = 0;
  st.iNext = pDef->iStart;
  st.iLast = 0;
  rc = seqLoad(pTxn, pKey, nKey, &st, pErr);
  if( rc<0 ){
    kvWriteAbort(pTxn);
    return rc;
  }

  v = st.iNext;
  if( (st.flags & SEQ_EXHAUSTED)==0 && (v<pDef->iMin || v>pDef->iMax) && pDef->bCycle ){
    /* RESTART WITH a value outside the limits, then CYCLE: wrap now. */
    v = pDef->iIncrement>0 ? pDef->iMin : pDef->iMax;
  }
  if( (st.flags & SEQ_EXHAUSTED) || v<pDef->iMin || v>pDef->iMax ){
    kvWriteAbort(pTxn);
    return mlErrorSet(pErr, ML_E_SEQUENCE_EXHAUSTED, pDef->zName ? pDef->zName : "");
  }
  if( __builtin_add_overflow(v, pDef->iIncrement, &iNext)
   || iNext<pDef->iMin || iNext>pDef->iMax ){
    if( pDef->bCycle ){
      iNext = pDef->iIncrement>0 ? pDef->iMin : pDef->iMax;
    }else{
      st.flags |= SEQ_EXHAUSTED;
    }
  }
  st.flags |= SEQ_HAS_LAST;
  st.iLast = v;
  st.iNext = iNext;
  rc = seqStoreCommit(pTxn, pKey, nKey, &st, pErr);
  if( rc==ML_OK ) *piValue = v;
  return rc;
}

/*
** The last value handed out by seqNext() to anyone, into *piValue.
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
  return seqStoreCommit(pTxn, pKey, nKey, &st, pErr);
}
