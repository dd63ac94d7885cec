/*
** Sequences (CREATE SEQUENCE ... NEXT VALUE FOR), non-transactional as in
** Mimer SQL: every seqNext() commits its own short, durable write, so a
** value handed out is never handed out again, whether the transaction
** that asked for it commits, rolls back or the process crashes.  The
** state of a sequence is one key (chosen by the catalog) holding the next
** value, the last value handed out and an "exhausted" flag; its
** definition (SeqDef) comes from the catalog with every call.
**
** The per-session CURRENT VALUE is the caller's business (remember what
** seqNext() returned); seqCurrent() reports the last value handed out to
** anyone.  seqNext() takes the LMDB writer, so it must not be called by a
** thread that holds it (asserted).
*/
#ifndef MIMERLITE_SEQUENCE_H
#define MIMERLITE_SEQUENCE_H

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

int seqNext(KvEnv *pEnv, const void *pKey, size_t nKey, const SeqDef *pDef,
            int64_t *piValue, MlError *pErr);
int seqCurrent(KvEnv *pEnv, const void *pKey, size_t nKey,
               int64_t *piValue, MlError *pErr);
int seqRestart(KvEnv *pEnv, const void *pKey, size_t nKey, int64_t iValue,
               MlError *pErr);

#endif
