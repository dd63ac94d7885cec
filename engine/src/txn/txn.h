/*
** Optimistic transactions, as in Mimer SQL: the layer between the
** executor and the key-value store (exec -> txn -> kv).
**
** A Txn reads one LMDB snapshot, taken at txnBegin(), merged with its own
** private write set; txnPut()/txnDelete() only change the write set, so
** no connection holds the LMDB writer while a transaction is open and
** any number of connections in one thread (or in several processes) can
** run transactions side by side without ever blocking each other.
** txnCommit() takes the writer for a moment, checks that every key the
** transaction wrote or point-read still has the value its snapshot saw,
** applies the write set and commits; if some key changed it returns
** ML_E_CONFLICT (-10001) instead and the transaction is rolled back.
** Isolation, conflict rules and their limits: docs/compatibility.md.
**
** Statements and savepoints are marks in the write set: a failed
** statement (txnStatementEnd(p, 0)) undoes its own writes only.
**
** Pointers handed out by txnGet() and the cursor functions point into the
** snapshot or the write set without copying.  They stay valid until the
** next write, mark operation or cursor step on the transaction, and never
** beyond its end.
*/
#ifndef MIMERLITE_TXN_H
#define MIMERLITE_TXN_H

#include <stddef.h>
#include <stdint.h>

#include "kv/kv.h"
#include "util/errors.h"

typedef struct Txn Txn;                  /* one transaction */
typedef struct TxnCursor TxnCursor;      /* ordered scan of snapshot + writes */

/* Flags for txnGet() and txnCatalogVersion(). */
#define TXN_POINT_READ  0x01   /* validate this key at COMMIT (read set) */

/* Lifetime.  txnCommit() and txnRollback() both free the Txn. */
int txnBegin(KvEnv *pEnv, int bReadOnly, Txn **ppTxn, MlError *pErr);
int txnCommit(Txn *p, MlError *pErr);
void txnRollback(Txn *p);
int txnIsReadOnly(const Txn *p);
int txnHasWrites(const Txn *p);

/* Point reads and writes. */
int txnGet(Txn *p, const void *pKey, size_t nKey, int flags,
           const void **ppVal, size_t *pnVal, MlError *pErr);
int txnPut(Txn *p, const void *pKey, size_t nKey,
           const void *pVal, size_t nVal, MlError *pErr);
int txnDelete(Txn *p, const void *pKey, size_t nKey, MlError *pErr);
int txnDeleteRange(Txn *p, const void *pPrefix, size_t nPrefix, MlError *pErr);

/* Statement atomicity and savepoints. */
int txnStatementBegin(Txn *p, MlError *pErr);
void txnStatementEnd(Txn *p, int bOk);
int txnSavepoint(Txn *p, const char *zName, MlError *pErr);
int txnRollbackToSavepoint(Txn *p, const char *zName, MlError *pErr);
int txnReleaseSavepoint(Txn *p, const char *zName, MlError *pErr);

/* The catalog version: bumped by every committed DDL transaction. */
int txnCatalogVersion(Txn *p, int flags, uint64_t *pVersion, MlError *pErr);
int txnCatalogBump(Txn *p, MlError *pErr);

/* Merged cursors. */
int txnCursorOpen(Txn *p, TxnCursor **ppCur, MlError *pErr);
void txnCursorClose(TxnCursor *pCur);
int txnCursorFirst(TxnCursor *pCur, MlError *pErr);
int txnCursorLast(TxnCursor *pCur, MlError *pErr);
int txnCursorSeek(TxnCursor *pCur, const void *pKey, size_t nKey, KvSeekOp op,
                  MlError *pErr);
int txnCursorNext(TxnCursor *pCur, MlError *pErr);
int txnCursorPrev(TxnCursor *pCur, MlError *pErr);
int txnCursorValid(const TxnCursor *pCur);
void txnCursorKey(const TxnCursor *pCur, const void **ppKey, size_t *pnKey);
void txnCursorValue(const TxnCursor *pCur, const void **ppVal, size_t *pnVal);

#endif
