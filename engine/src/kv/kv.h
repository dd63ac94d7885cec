/*
** The key-value layer: the only code in mimerlite that talks to LMDB.
** Everything above (txn/) sees an ordered map of byte-string keys to
** byte-string values, read through snapshots and cursors and changed
** through short write transactions.  Keys and values are opaque here;
** the key codec (kv/keycodec.h) gives them their order and meaning.
**
** One KvEnv per database directory and process: kvOpen() of a directory
** that is already open returns the same (refcounted) handle, because LMDB
** forbids opening one environment twice in a process.  Handles are shared
** by every connection and thread of the process.  After fork() a child
** must not touch its parent's handles: every call on them returns
** ML_E_FORKED there, and kvClose() in the child only forgets the handle.
**
** A KvTxn is either a read snapshot (kvReadBegin .. kvReadEnd; any number
** per thread, MDB_NOTLS) or the single writer (kvWriteBegin ..
** kvWriteCommit/kvWriteAbort).  A thread must never ask for the writer
** while it holds it: the writer is meant to be held only for the few
** microseconds of a COMMIT or a sequence step, never between calls.
**
** Return codes: ML_OK, ML_NOTFOUND (no such key), ML_DONE (cursor ran off
** either end), or a negative Mimer code with the text in *pErr:
** ML_E_DATABASE_FULL (map full), ML_E_FORKED, ML_E_STORAGE (any other
** LMDB or system failure), ML_E_NOMEM.
*/
#ifndef MIMERLITE_KV_H
#define MIMERLITE_KV_H

#include <stddef.h>
#include <stdint.h>

#include "util/errors.h"

#define KV_MAX_KEY 511                  /* LMDB's limit on a key's length */

typedef struct KvEnv KvEnv;             /* an open database directory */
typedef struct KvTxn KvTxn;             /* a read snapshot or the writer */
typedef struct KvCursor KvCursor;       /* an ordered position in a KvTxn */

/* Flags for kvOpen(). */
#define KV_OPEN_CREATE  0x01            /* create the directory if missing */

/* How kvCursorSeek() chooses its key relative to the one given. */
typedef enum KvSeekOp {
  KV_SEEK_GE,                           /* first key >= the given one */
  KV_SEEK_GT,                           /* first key >  the given one */
  KV_SEEK_LE,                           /* last key  <= the given one */
  KV_SEEK_LT                            /* last key  <  the given one */
} KvSeekOp;

/*
** Environments.  The map size is MIMERLITE_MAP_SIZE bytes (suffix K, M or
** G allowed) when that variable is set, else 64 GiB (1 GiB on 32-bit);
** it bounds the database size and is address space, not memory or disk.
*/
int kvOpen(const char *zDir, int flags, KvEnv **ppEnv, MlError *pErr);
void kvClose(KvEnv *pEnv);
const char *kvPath(const KvEnv *pEnv);

/* Read snapshots and the writer. */
int kvReadBegin(KvEnv *pEnv, KvTxn **ppTxn, MlError *pErr);
void kvReadEnd(KvTxn *pTxn);
int kvWriteBegin(KvEnv *pEnv, KvTxn **ppTxn, MlError *pErr);
int kvWriteCommit(KvTxn *pTxn, MlError *pErr);
void kvWriteAbort(KvTxn *pTxn);
uint64_t kvTxnId(const KvTxn *pTxn);
int kvWriterHeld(void);

/* Point access; kvPut/kvDelete/kvDeleteRange need the writer. */
int kvGet(KvTxn *pTxn, const void *pKey, size_t nKey,
          const void **ppVal, size_t *pnVal, MlError *pErr);
int kvPut(KvTxn *pTxn, const void *pKey, size_t nKey,
          const void *pVal, size_t nVal, MlError *pErr);
int kvDelete(KvTxn *pTxn, const void *pKey, size_t nKey, MlError *pErr);
int kvDeleteRange(KvTxn *pTxn, const void *pPrefix, size_t nPrefix,
                  uint64_t *pnDeleted, MlError *pErr);

/* Cursors. */
int kvCursorOpen(KvTxn *pTxn, KvCursor **ppCur, MlError *pErr);
void kvCursorClose(KvCursor *pCur);
int kvCursorFirst(KvCursor *pCur, MlError *pErr);
int kvCursorLast(KvCursor *pCur, MlError *pErr);
int kvCursorSeek(KvCursor *pCur, const void *pKey, size_t nKey, KvSeekOp op,
                 MlError *pErr);
int kvCursorNext(KvCursor *pCur, MlError *pErr);
int kvCursorPrev(KvCursor *pCur, MlError *pErr);
int kvCursorValid(const KvCursor *pCur);
void kvCursorKey(const KvCursor *pCur, const void **ppKey, size_t *pnKey);
void kvCursorValue(const KvCursor *pCur, const void **ppVal, size_t *pnVal);

/* memcmp order with the shorter key first on a tie: LMDB's key order. */
int kvKeyCompare(const void *pA, size_t nA, const void *pB, size_t nB);

#endif
