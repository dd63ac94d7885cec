/*
** Sequences (CREATE SEQUENCE ... NEXT VALUE FOR), non-transactional as in
** Mimer SQL: seqReserve() commits its own short, durable write that hands
** a block of values to its caller, so a value handed out is never handed
** out again, whether the transaction that asked for it commits, rolls
** back or the process crashes (unused values of a block are gaps).  The
** state of a sequence is one key (chosen by the catalog) holding the next
** value, the last value reserved, an "exhausted" flag and a generation
** that RESTART bumps; its definition (SeqDef) comes from the catalog with
** every call.
**
** The per-session CURRENT VALUE is the caller's business (remember what
** seqNext() returned); seqCurrent() reports the last value reserved by
** anyone.  seqReserve() takes the LMDB writer, so it must not be called by
** a thread that holds it (asserted).
*/
#ifndef MIMERLITE_SEQUENCE_H
#define MIMERLITE_SEQUENCE_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "kv/kv.h"
#include "util/errors.h"

/* What CREATE SEQUENCE said (limits already resolved for the type). */
typedef struct SeqDef {
  const char *zName;           /* qualified name, for messages */
  int64_t iStart;              /* first value */
  int64_t iIncrement;          /* step, non-zero, may be negative */
  int64_t iMin;                /* MINVALUE */
  int64_t iMax;                /* MAXVALUE */
  int bCycle;                  /* CYCLE: wrap around instead of failing */
} SeqDef;

/* Values reserved by one seqReserve(): iFirst, iFirst+iIncrement, ... */
typedef struct SeqBlock {
  int64_t iFirst;
  int64_t iIncrement;
  int n;                       /* how many (>= 1) */
  uint32_t gen;                /* the sequence's generation (RESTART count) */
} SeqBlock;

int seqReserve(KvEnv *pEnv, const void *pKey, size_t nKey, const SeqDef *pDef, int nWant,
               SeqBlock *pBlock, MlError *pErr);
int seqNext(KvEnv *pEnv, const void *pKey, size_t nKey, const SeqDef *pDef,
            int64_t *piValue, MlError *pErr);
int seqCurrent(KvEnv *pEnv, const void *pKey, size_t nKey,
               int64_t *piValue, MlError *pErr);
int seqRestart(KvEnv *pEnv, const void *pKey, size_t nKey, int64_t iValue,
               MlError *pErr);

/*
** A process's blocks of sequence values (seqCacheNext), one per sequence
** id; thread-safe.  The database (db/) keeps one per open database.
*/
typedef struct SeqCacheEntry {
  int64_t id;                  /* sequence object id */
  uint32_t gen;                /* generation the block was reserved in */
  int64_t iNext;               /* next value of the block */
  int64_t iIncrement;          /* the step the block was reserved with */
  int nLeft;                   /* values left in the block */
  int nBlock;                  /* size of the last block asked for */
} SeqCacheEntry;

typedef struct SeqCache {
  pthread_mutex_t mutex;
  int n, nAlloc;
  SeqCacheEntry *a;
} SeqCache;

void seqCacheInit(SeqCache *p);
void seqCacheFree(SeqCache *p);
int seqCacheNext(SeqCache *p, KvEnv *pEnv, int64_t id, const void *pKey, size_t nKey,
                 const SeqDef *pDef, int64_t *piValue, MlError *pErr);

#endif
