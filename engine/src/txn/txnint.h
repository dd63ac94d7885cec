/*
** Internals shared by the files of txn/ (txn.c, cursor.c): the layout of
** a transaction.  Nothing outside txn/ includes this.
*/
#ifndef MIMERLITE_TXNINT_H
#define MIMERLITE_TXNINT_H

#include "kv/kv.h"
#include "txn/txn.h"
#include "txn/writeset.h"

struct Txn {
  KvEnv *pEnv;                 /* database the transaction runs on */
  KvTxn *pSnap;                /* read snapshot, held until the end */
  WriteSet ws;                 /* private writes, read set, marks */
  int bReadOnly;               /* writes refused with ML_E_TXN_READ_ONLY */
  int nCursor;                 /* TxnCursors open on this transaction */
};

#endif
