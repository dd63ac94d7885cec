/*
** Unit tests of the transaction layer (txn/txn.h, txn/sequence.h):
** optimistic conflicts between connections in one thread and across
** processes, snapshot stability, statement and savepoint rollback, a
** randomized differential test of merged cursors against a simple model,
** the catalog version and sequences.
**
** With MIMERLITE_TXN_BENCH=1 in the environment it also prints rough
** throughput figures (commits/s, seqNext/s, merged-scan rows/s); they are
** measurements, not checks.
*/
#include "txn/sequence.h"
#include "txn/txn.h"

#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* The 8-byte key (tree, i), both big-endian. */
static void mkKey(unsigned char *a, uint32_t iTree, uint32_t i){
  a[0] = (unsigned char)(iTree>>24); a[1] = (unsigned char)(iTree>>16);
  a[2] = (unsigned char)(iTree>>8);  a[3] = (unsigned char)iTree;
  a[4] = (unsigned char)(i>>24);     a[5] = (unsigned char)(i>>16);
  a[6] = (unsigned char)(i>>8);      a[7] = (unsigned char)i;
}

static KvEnv *openDb(const char *zTag){
  KvEnv *pEnv = 0;
  MlError err;
  int rc = kvOpen(testTempDir(zTag), KV_OPEN_CREATE, &pEnv, &err);
  if( rc ){
    fprintf(stderr, "cannot open database: %s\n", err.zMsg);
    exit(2);
  }
  return pEnv;
}

/* Put the string zVal under key (tree 1, i). */
static int putStr(Txn *p, uint32_t i, const char *zVal){
  unsigned char k[8];
  MlError err;
  mkKey(k, 1, i);
  return txnPut(p, k, 8, zVal, strlen(zVal), &err);
}

static int delKey(Txn *p, uint32_t i){
  unsigned char k[8];
  MlError err;
  mkKey(k, 1, i);
  return txnDelete(p, k, 8, &err);
}

/*
** The value of (tree 1, i) as p sees it, as a string in a static buffer,
** or "-" when absent.  flags as for txnGet().
*/
static const char *getStrF(Txn *p, uint32_t i, int flags){
  static char zBuf[256];
  unsigned char k[8];
  const void *pVal;
  size_t nVal;
  MlError err;
  int rc;
  mkKey(k, 1, i);
  rc = txnGet(p, k, 8, flags, &pVal, &nVal, &err);
  if( rc==ML_NOTFOUND ) return "-";
  if( rc ) return "ERROR";
  if( nVal>=sizeof(zBuf) ) nVal = sizeof(zBuf)-1;
  memcpy(zBuf, pVal, nVal);
  zBuf[nVal] = 0;
  return zBuf;
}
static const char *getStr(Txn *p, uint32_t i){ return getStrF(p, i, 0); }

/* The committed value of (tree 1, i), read by a fresh transaction. */
static const char *committed(KvEnv *pEnv, uint32_t i){
  Txn *p;
  MlError err;
  const char *z;
  if( txnBegin(pEnv, 1, &p, &err) ) return "ERROR";
  z = getStr(p, i);
  txnRollback(p);
  return z;
}

/* Commit one transaction that puts zVal under (tree 1, i). */
static int commitPut(KvEnv *pEnv, uint32_t i, const char *zVal){
  Txn *p;
  MlError err;
  int rc = txnBegin(pEnv, 0, &p, &err);
  if( rc ) return rc;
  rc = putStr(p, i, zVal);
  if( rc ){ txnRollback(p); return rc; }
  return txnCommit(p, &err);
}

/* Number of rows a forward scan of p sees. */
static int countRows(Txn *p){
  TxnCursor *pCur;
  MlError err;
  int n = 0, rc;
  if( txnCursorOpen(p, &pCur, &err) ) return -1;
  for(rc=txnCursorFirst(pCur, &err); rc==ML_OK; rc=txnCursorNext(pCur, &err)) n++;
  txnCursorClose(pCur);
  return rc==ML_DONE || rc==ML_NOTFOUND ? n : -1;
}

/* ------------------------------------------------------------------ */
/* (a), (b): optimistic conflicts                                      */

static void test_second_commit_of_same_key_insert_fails_in_one_thread(void){
  KvEnv *pEnv = openDb("txn_two_conn");
  Txn *p1, *p2;
  MlError err;

  CHECK_EQ_INT(txnBegin(pEnv, 0, &p1, &err), ML_OK);
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p2, &err), ML_OK);
  CHECK_EQ_INT(putStr(p1, 42, "first"), ML_OK);
  CHECK_EQ_INT(putStr(p2, 42, "second"), ML_OK);
  /* Each sees its own write only. */
  CHECK_EQ_STR(getStr(p1, 42), "first");
  CHECK_EQ_STR(getStr(p2, 42), "second");
  CHECK_EQ_INT(txnCommit(p1, &err), ML_OK);
  mlErrorClear(&err);
  CHECK_EQ_INT(txnCommit(p2, &err), -10001);
  CHECK_EQ_INT(err.code, ML_E_CONFLICT);
  CHECK_EQ_STR(err.zMsg, "Transaction aborted due to conflict with other transaction");
  CHECK_EQ_STR(committed(pEnv, 42), "first");
  kvClose(pEnv);
}

static void test_conflicting_and_disjoint_updates(void){
  KvEnv *pEnv = openDb("txn_update");
  Txn *p1, *p2;
  MlError err;

  CHECK_EQ_INT(commitPut(pEnv, 1, "v0"), ML_OK);
  CHECK_EQ_INT(commitPut(pEnv, 2, "w0"), ML_OK);

  /* update / update */
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p1, &err), ML_OK);
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p2, &err), ML_OK);
  CHECK_EQ_INT(putStr(p1, 1, "v1"), ML_OK);
  CHECK_EQ_INT(putStr(p2, 1, "v2"), ML_OK);
  CHECK_EQ_INT(txnCommit(p2, &err), ML_OK);
  CHECK_EQ_INT(txnCommit(p1, &err), ML_E_CONFLICT);
  CHECK_EQ_STR(committed(pEnv, 1), "v2");

  /* delete / update, and the conflicting transaction's other writes are gone */
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p1, &err), ML_OK);
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p2, &err), ML_OK);
  CHECK_EQ_INT(delKey(p1, 1), ML_OK);
  CHECK_EQ_INT(putStr(p1, 7, "seven"), ML_OK);
  CHECK_EQ_INT(putStr(p2, 1, "v3"), ML_OK);
  CHECK_EQ_INT(txnCommit(p2, &err), ML_OK);
  CHECK_EQ_INT(txnCommit(p1, &err), ML_E_CONFLICT);
  CHECK_EQ_STR(committed(pEnv, 1), "v3");
  CHECK_EQ_STR(committed(pEnv, 7), "-");

  /* disjoint keys never conflict */
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p1, &err), ML_OK);
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p2, &err), ML_OK);
  CHECK_EQ_STR(getStr(p1, 2), "w0");
  CHECK_EQ_INT(putStr(p1, 1, "v4"), ML_OK);
  CHECK_EQ_INT(putStr(p2, 2, "w1"), ML_OK);
  CHECK_EQ_INT(txnCommit(p2, &err), ML_OK);
  CHECK_EQ_INT(txnCommit(p1, &err), ML_OK);
  CHECK_EQ_STR(committed(pEnv, 1), "v4");
  CHECK_EQ_STR(committed(pEnv, 2), "w1");

  /* A-B-A: the value is back to what the snapshot saw, so no conflict. */
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p1, &err), ML_OK);
  CHECK_EQ_INT(putStr(p1, 1, "mine"), ML_OK);
  CHECK_EQ_INT(commitPut(pEnv, 1, "other"), ML_OK);
  CHECK_EQ_INT(commitPut(pEnv, 1, "v4"), ML_OK);
  CHECK_EQ_INT(txnCommit(p1, &err), ML_OK);
  CHECK_EQ_STR(committed(pEnv, 1), "mine");
  kvClose(pEnv);
}

static void test_point_read_key_changed_by_other_makes_commit_fail(void){
  KvEnv *pEnv = openDb("txn_pointread");
  Txn *p1;
  MlError err;

  CHECK_EQ_INT(commitPut(pEnv, 1, "k0"), ML_OK);

  /* T1 point-reads k, T2 changes k, T1 writes something else. */
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p1, &err), ML_OK);
  CHECK_EQ_STR(getStrF(p1, 1, TXN_POINT_READ), "k0");
  CHECK_EQ_INT(commitPut(pEnv, 1, "k1"), ML_OK);
  CHECK_EQ_STR(getStr(p1, 1), "k0");
  CHECK_EQ_INT(putStr(p1, 99, "x"), ML_OK);
  CHECK_EQ_INT(txnCommit(p1, &err), ML_E_CONFLICT);
  CHECK_EQ_STR(committed(pEnv, 99), "-");

  /* A point read of an absent key conflicts with its insertion. */
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p1, &err), ML_OK);
  CHECK_EQ_STR(getStrF(p1, 5, TXN_POINT_READ), "-");
  CHECK_EQ_INT(commitPut(pEnv, 5, "five"), ML_OK);
  CHECK_EQ_INT(putStr(p1, 98, "x"), ML_OK);
  CHECK_EQ_INT(txnCommit(p1, &err), ML_E_CONFLICT);

  /* The same history with a plain read commits: the flag is what counts. */
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p1, &err), ML_OK);
  CHECK_EQ_STR(getStr(p1, 1), "k1");
  CHECK_EQ_INT(commitPut(pEnv, 1, "k2"), ML_OK);
  CHECK_EQ_INT(putStr(p1, 97, "x"), ML_OK);
  CHECK_EQ_INT(txnCommit(p1, &err), ML_OK);
  CHECK_EQ_STR(committed(pEnv, 97), "x");

  /* A transaction that only read never conflicts. */
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p1, &err), ML_OK);
  CHECK_EQ_STR(getStrF(p1, 1, TXN_POINT_READ), "k2");
  CHECK_EQ_INT(commitPut(pEnv, 1, "k3"), ML_OK);
  CHECK_EQ_INT(txnCommit(p1, &err), ML_OK);
  kvClose(pEnv);
}

static void test_read_only_transaction_sees_stable_snapshot_and_never_conflicts(void){
  KvEnv *pEnv = openDb("txn_readonly");
  Txn *pRo, *pRw;
  MlError err;

  CHECK_EQ_INT(commitPut(pEnv, 1, "a"), ML_OK);
  CHECK_EQ_INT(commitPut(pEnv, 2, "b"), ML_OK);
  CHECK_EQ_INT(txnBegin(pEnv, 1, &pRo, &err), ML_OK);
  CHECK(txnIsReadOnly(pRo));
  CHECK_EQ_STR(getStrF(pRo, 1, TXN_POINT_READ), "a");
  CHECK_EQ_INT(countRows(pRo), 2);

  CHECK_EQ_INT(txnBegin(pEnv, 0, &pRw, &err), ML_OK);
  CHECK_EQ_INT(putStr(pRw, 1, "A"), ML_OK);
  CHECK_EQ_INT(putStr(pRw, 3, "c"), ML_OK);
  CHECK_EQ_INT(delKey(pRw, 2), ML_OK);
  CHECK_EQ_INT(txnCommit(pRw, &err), ML_OK);

  /* The read-only transaction still sees its snapshot. */
  CHECK_EQ_STR(getStr(pRo, 1), "a");
  CHECK_EQ_STR(getStr(pRo, 2), "b");
  CHECK_EQ_STR(getStr(pRo, 3), "-");
  CHECK_EQ_INT(countRows(pRo), 2);
  CHECK_EQ_INT(putStr(pRo, 4, "no"), ML_E_TXN_READ_ONLY);
  CHECK_EQ_INT(delKey(pRo, 1), ML_E_TXN_READ_ONLY);
  CHECK_EQ_INT(txnCommit(pRo, &err), ML_OK);

  CHECK_EQ_STR(committed(pEnv, 1), "A");
  CHECK_EQ_STR(committed(pEnv, 2), "-");
  kvClose(pEnv);
}

/*
** Child of the cross-process test: n read-increment-write transactions on
** counter key (tree 1, 0), retrying on conflict.  Returns its exit code.
*/
static int counterWorker(const char *zDir, int n){
  KvEnv *pEnv;
  MlError err;
  int i, nRetry = 0;
  if( kvOpen(zDir, 0, &pEnv, &err) ) return 10;
  for(i=0; i<n; i++){
    for(;;){
      Txn *p;
      char zVal[32];
      int rc;
      if( txnBegin(pEnv, 0, &p, &err) ) return 11;
      snprintf(zVal, sizeof(zVal), "%d", atoi(getStrF(p, 0, TXN_POINT_READ))+1);
      if( putStr(p, 0, zVal) ) return 12;
      rc = txnCommit(p, &err);
      if( rc==ML_OK ) break;
      if( rc!=ML_E_CONFLICT ) return 13;
      nRetry++;
    }
  }
  kvClose(pEnv);
  return 0;
}

static void test_increments_from_two_processes_are_never_lost(void){
  char zDir[4096];
  int status = -1, i, r;
  pid_t pid;
  KvEnv *pEnv;
  MlError err;

  snprintf(zDir, sizeof(zDir), "%s", testTempDir("txn_counter"));
  fflush(0);
  pid = fork();
  if( pid==0 ) _exit(counterWorker(zDir, 300));
  r = counterWorker(zDir, 300);
  CHECK_EQ_INT(r, 0);
  CHECK(waitpid(pid, &status, 0)==pid);
  CHECK(WIFEXITED(status) && WEXITSTATUS(status)==0);
  CHECK_EQ_INT(kvOpen(zDir, 0, &pEnv, &err), ML_OK);
  i = atoi(committed(pEnv, 0));
  CHECK_EQ_INT(i, 600);
  kvClose(pEnv);
}

/* ------------------------------------------------------------------ */
/* (c) statements and savepoints                                       */

static void test_failed_statement_undoes_only_its_own_writes(void){
  KvEnv *pEnv = openDb("txn_stmt");
  Txn *p;
  MlError err;

  CHECK_EQ_INT(commitPut(pEnv, 9, "committed"), ML_OK);
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p, &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 0, "outside"), ML_OK);

  CHECK_EQ_INT(txnStatementBegin(p, &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 1, "a1"), ML_OK);
  CHECK_EQ_INT(putStr(p, 2, "b1"), ML_OK);
  txnStatementEnd(p, 1);

  CHECK_EQ_INT(txnStatementBegin(p, &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 3, "c2"), ML_OK);
  CHECK_EQ_INT(putStr(p, 1, "a2"), ML_OK);
  CHECK_EQ_INT(putStr(p, 1, "a2bis"), ML_OK);
  CHECK_EQ_INT(delKey(p, 2), ML_OK);
  CHECK_EQ_INT(delKey(p, 9), ML_OK);
  CHECK_EQ_INT(putStr(p, 0, "overwritten"), ML_OK);
  CHECK_EQ_STR(getStr(p, 1), "a2bis");
  CHECK_EQ_STR(getStr(p, 9), "-");
  txnStatementEnd(p, 0);

  CHECK_EQ_STR(getStr(p, 0), "outside");
  CHECK_EQ_STR(getStr(p, 1), "a1");
  CHECK_EQ_STR(getStr(p, 2), "b1");
  CHECK_EQ_STR(getStr(p, 3), "-");
  CHECK_EQ_STR(getStr(p, 9), "committed");

  /* Nested statements: the inner failure leaves the outer's writes. */
  CHECK_EQ_INT(txnStatementBegin(p, &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 4, "d1"), ML_OK);
  CHECK_EQ_INT(txnStatementBegin(p, &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 4, "d2"), ML_OK);
  CHECK_EQ_INT(putStr(p, 5, "e2"), ML_OK);
  txnStatementEnd(p, 0);
  CHECK_EQ_STR(getStr(p, 4), "d1");
  CHECK_EQ_STR(getStr(p, 5), "-");
  CHECK_EQ_INT(txnStatementBegin(p, &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 5, "e3"), ML_OK);
  txnStatementEnd(p, 1);
  txnStatementEnd(p, 1);
  CHECK_EQ_STR(getStr(p, 5), "e3");

  CHECK_EQ_INT(txnCommit(p, &err), ML_OK);
  CHECK_EQ_STR(committed(pEnv, 0), "outside");
  CHECK_EQ_STR(committed(pEnv, 1), "a1");
  CHECK_EQ_STR(committed(pEnv, 2), "b1");
  CHECK_EQ_STR(committed(pEnv, 3), "-");
  CHECK_EQ_STR(committed(pEnv, 4), "d1");
  CHECK_EQ_STR(committed(pEnv, 5), "e3");
  CHECK_EQ_STR(committed(pEnv, 9), "committed");

  /* A statement whose writes were all undone leaves nothing to commit. */
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p, &err), ML_OK);
  CHECK_EQ_INT(txnStatementBegin(p, &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 6, "f"), ML_OK);
  CHECK(txnHasWrites(p));
  txnStatementEnd(p, 0);
  CHECK(!txnHasWrites(p));
  txnRollback(p);
  kvClose(pEnv);
}

static void test_savepoints_nest_and_roll_back_by_name(void){
  KvEnv *pEnv = openDb("txn_savepoint");
  Txn *p;
  MlError err;

  CHECK_EQ_INT(txnBegin(pEnv, 0, &p, &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 0, "base"), ML_OK);
  CHECK_EQ_INT(txnSavepoint(p, "s1", &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 1, "x1"), ML_OK);
  CHECK_EQ_INT(txnSavepoint(p, "s2", &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 1, "x2"), ML_OK);
  CHECK_EQ_INT(putStr(p, 2, "y2"), ML_OK);
  CHECK_EQ_INT(txnSavepoint(p, "s3", &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 3, "z3"), ML_OK);
  CHECK_EQ_INT(delKey(p, 0), ML_OK);

  CHECK_EQ_INT(txnRollbackToSavepoint(p, "s2", &err), ML_OK);
  CHECK_EQ_STR(getStr(p, 0), "base");
  CHECK_EQ_STR(getStr(p, 1), "x1");
  CHECK_EQ_STR(getStr(p, 2), "-");
  CHECK_EQ_STR(getStr(p, 3), "-");
  /* s3 went away with the rollback, s2 stays. */
  CHECK_EQ_INT(txnRollbackToSavepoint(p, "s3", &err), ML_E_NO_SAVEPOINT);
  CHECK(strstr(err.zMsg, "s3")!=0);
  CHECK_EQ_INT(putStr(p, 2, "y3"), ML_OK);
  CHECK_EQ_INT(txnRollbackToSavepoint(p, "s2", &err), ML_OK);
  CHECK_EQ_STR(getStr(p, 2), "-");
  CHECK_EQ_INT(putStr(p, 2, "y4"), ML_OK);

  /* Releasing s2 keeps its writes and hands them to s1. */
  CHECK_EQ_INT(txnReleaseSavepoint(p, "s2", &err), ML_OK);
  CHECK_EQ_INT(txnReleaseSavepoint(p, "s2", &err), ML_E_NO_SAVEPOINT);
  CHECK_EQ_STR(getStr(p, 2), "y4");
  CHECK_EQ_INT(txnRollbackToSavepoint(p, "s1", &err), ML_OK);
  CHECK_EQ_STR(getStr(p, 1), "-");
  CHECK_EQ_STR(getStr(p, 2), "-");
  CHECK_EQ_STR(getStr(p, 0), "base");

  /* A reused name refers to the newest savepoint of that name. */
  CHECK_EQ_INT(txnSavepoint(p, "a", &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 5, "v1"), ML_OK);
  CHECK_EQ_INT(txnSavepoint(p, "a", &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 5, "v2"), ML_OK);
  CHECK_EQ_INT(txnRollbackToSavepoint(p, "a", &err), ML_OK);
  CHECK_EQ_STR(getStr(p, 5), "v1");
  CHECK_EQ_INT(txnReleaseSavepoint(p, "a", &err), ML_OK);
  CHECK_EQ_INT(txnRollbackToSavepoint(p, "a", &err), ML_OK);
  CHECK_EQ_STR(getStr(p, 5), "-");

  /* Statements inside a savepoint, savepoint statements inside an empty
  ** statement mark. */
  CHECK_EQ_INT(txnStatementBegin(p, &err), ML_OK);
  CHECK_EQ_INT(txnSavepoint(p, "b", &err), ML_OK);
  txnStatementEnd(p, 1);
  CHECK_EQ_INT(txnStatementBegin(p, &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 6, "w"), ML_OK);
  CHECK_EQ_INT(txnSavepoint(p, "c", &err), ML_E_MISUSE);
  txnStatementEnd(p, 1);
  CHECK_EQ_INT(txnStatementBegin(p, &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 7, "w"), ML_OK);
  txnStatementEnd(p, 0);
  CHECK_EQ_INT(txnStatementBegin(p, &err), ML_OK);
  CHECK_EQ_INT(txnRollbackToSavepoint(p, "b", &err), ML_OK);
  txnStatementEnd(p, 1);
  CHECK_EQ_STR(getStr(p, 6), "-");
  CHECK_EQ_INT(putStr(p, 8, "kept"), ML_OK);
  CHECK_EQ_INT(txnStatementBegin(p, &err), ML_OK);
  CHECK_EQ_INT(txnReleaseSavepoint(p, "b", &err), ML_OK);
  txnStatementEnd(p, 1);
  CHECK_EQ_INT(txnRollbackToSavepoint(p, "b", &err), ML_E_NO_SAVEPOINT);

  CHECK_EQ_INT(txnCommit(p, &err), ML_OK);
  CHECK_EQ_STR(committed(pEnv, 0), "base");
  CHECK_EQ_STR(committed(pEnv, 1), "-");
  CHECK_EQ_STR(committed(pEnv, 5), "-");
  CHECK_EQ_STR(committed(pEnv, 8), "kept");

  /* Rolling back the whole transaction leaves nothing. */
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p, &err), ML_OK);
  CHECK_EQ_INT(putStr(p, 10, "gone"), ML_OK);
  txnRollback(p);
  CHECK_EQ_STR(committed(pEnv, 10), "-");
  kvClose(pEnv);
}

/* ------------------------------------------------------------------ */
/* Cursors: visibility of own writes, range deletes                    */

static void test_cursor_sees_writes_made_between_steps(void){
  KvEnv *pEnv = openDb("txn_curvis");
  Txn *p;
  TxnCursor *pCur;
  MlError err;
  const void *pKey, *pVal;
  size_t nKey, nVal;
  unsigned char k[8];

  CHECK_EQ_INT(commitPut(pEnv, 10, "s10"), ML_OK);
  CHECK_EQ_INT(commitPut(pEnv, 20, "s20"), ML_OK);
  CHECK_EQ_INT(commitPut(pEnv, 30, "s30"), ML_OK);
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p, &err), ML_OK);
  CHECK_EQ_INT(txnCursorOpen(p, &pCur, &err), ML_OK);
  CHECK_EQ_INT(txnCursorFirst(pCur, &err), ML_OK);
  txnCursorKey(pCur, &pKey, &nKey);
  mkKey(k, 1, 10);
  CHECK(nKey==8 && memcmp(pKey, k, 8)==0);

  /* Insert ahead, delete the next snapshot row, update the current one. */
  CHECK_EQ_INT(putStr(p, 15, "w15"), ML_OK);
  CHECK_EQ_INT(delKey(p, 20), ML_OK);
  CHECK_EQ_INT(putStr(p, 10, "w10"), ML_OK);
  CHECK_EQ_INT(txnCursorNext(pCur, &err), ML_OK);
  txnCursorValue(pCur, &pVal, &nVal);
  CHECK(nVal==3 && memcmp(pVal, "w15", 3)==0);
  CHECK_EQ_INT(putStr(p, 25, "w25"), ML_OK);
  CHECK_EQ_INT(txnCursorNext(pCur, &err), ML_OK);
  txnCursorValue(pCur, &pVal, &nVal);
  CHECK(nVal==3 && memcmp(pVal, "w25", 3)==0);
  /* Change direction in the middle. */
  CHECK_EQ_INT(txnCursorPrev(pCur, &err), ML_OK);
  txnCursorValue(pCur, &pVal, &nVal);
  CHECK(nVal==3 && memcmp(pVal, "w15", 3)==0);
  CHECK_EQ_INT(txnCursorPrev(pCur, &err), ML_OK);
  txnCursorValue(pCur, &pVal, &nVal);
  CHECK(nVal==3 && memcmp(pVal, "w10", 3)==0);
  CHECK_EQ_INT(txnCursorPrev(pCur, &err), ML_DONE);
  CHECK_EQ_INT(txnCursorNext(pCur, &err), ML_OK);
  txnCursorValue(pCur, &pVal, &nVal);
  CHECK(nVal==3 && memcmp(pVal, "w10", 3)==0);
  txnCursorClose(pCur);
  CHECK_EQ_INT(countRows(p), 4);
  txnRollback(p);
  kvClose(pEnv);
}

static void test_delete_range_hides_snapshot_rows_and_keeps_later_puts(void){
  KvEnv *pEnv = openDb("txn_range");
  Txn *p;
  MlError err;
  unsigned char k[8];
  int i;

  CHECK_EQ_INT(txnBegin(pEnv, 0, &p, &err), ML_OK);
  for(i=0; i<500; i++){
    mkKey(k, 1, (uint32_t)i); CHECK_EQ_INT(txnPut(p, k, 8, "one", 3, &err), ML_OK);
    mkKey(k, 2, (uint32_t)i); CHECK_EQ_INT(txnPut(p, k, 8, "two", 3, &err), ML_OK);
    mkKey(k, 3, (uint32_t)i); CHECK_EQ_INT(txnPut(p, k, 8, "three", 5, &err), ML_OK);
  }
  CHECK_EQ_INT(txnCommit(p, &err), ML_OK);

  CHECK_EQ_INT(txnBegin(pEnv, 0, &p, &err), ML_OK);
  mkKey(k, 2, 0);
  CHECK_EQ_INT(txnStatementBegin(p, &err), ML_OK);
  CHECK_EQ_INT(txnDeleteRange(p, k, 4, &err), ML_OK);
  CHECK_EQ_INT(countRows(p), 1000);
  txnStatementEnd(p, 0);
  CHECK_EQ_INT(countRows(p), 1500);
  mkKey(k, 2, 7);
  CHECK_EQ_INT(txnPut(p, k, 8, "old", 3, &err), ML_OK);
  CHECK_EQ_INT(txnDeleteRange(p, k, 4, &err), ML_OK);
  CHECK_EQ_INT(countRows(p), 1000);
  mkKey(k, 2, 1000);
  CHECK_EQ_INT(txnPut(p, k, 8, "new", 3, &err), ML_OK);
  CHECK_EQ_INT(countRows(p), 1001);
  CHECK_EQ_INT(txnCommit(p, &err), ML_OK);

  CHECK_EQ_INT(txnBegin(pEnv, 1, &p, &err), ML_OK);
  CHECK_EQ_INT(countRows(p), 1001);
  txnRollback(p);
  kvClose(pEnv);
}

/* ------------------------------------------------------------------ */
/* (d) randomized differential test of the merged view                 */

#define DM_TREES   3
#define DM_PER     300
#define DM_NKEY    (DM_TREES*DM_PER*2)   /* 8-byte keys and 9-byte extensions */
#define DM_MARKS   16

/* Key number x, in key order: tree 1 + x/(2*DM_PER), then i, then length. */
static size_t dmKey(int x, unsigned char *a){
  int t = x/(2*DM_PER), i = (x/2)%DM_PER;
  mkKey(a, (uint32_t)(t+1), (uint32_t)i);
  if( x & 1 ){ a[8] = 0; return 9; }
  return 8;
}

/* Inverse of dmKey(). */
static int dmIndex(const void *pKey, size_t nKey){
  const unsigned char *a = pKey;
  int t = a[3]-1, i = (a[6]<<8) | a[7];
  return (t*DM_PER + i)*2 + (nKey==9);
}

/* The value for version v of key x: varying length. */
static size_t dmVal(int x, int v, char *z){
  return (size_t)snprintf(z, 64, "%d:%d:%.*s", x, v, v%20, "xxxxxxxxxxxxxxxxxxxx");
}

typedef struct DmModel {
  int aView[DM_NKEY];          /* version visible to the txn, -1 absent */
  int aMark[DM_MARKS][DM_NKEY];   /* view saved by each open mark */
  char azMark[DM_MARKS][4];    /* mark names, "" for a statement */
  int nMark;                   /* open marks */
} DmModel;

/* Next key >= x (bFwd) or <= x visible in the model, or -1. */
static int dmNear(const DmModel *m, int x, int bFwd){
  for(; x>=0 && x<DM_NKEY; x += bFwd ? 1 : -1){
    if( m->aView[x]>=0 ) return x;
  }
  return -1;
}

/* Check that the cursor's row is model key x (or off the end if x<0). */
static void dmCheckRow(const DmModel *m, TxnCursor *pCur, int rc, int x){
  const void *pKey, *pVal;
  size_t nKey, nVal;
  char z[64];
  if( x<0 ){
    CHECK(rc==ML_DONE || rc==ML_NOTFOUND);
    return;
  }
  CHECK_EQ_INT(rc, ML_OK);
  if( rc!=ML_OK ) return;
  txnCursorKey(pCur, &pKey, &nKey);
  txnCursorValue(pCur, &pVal, &nVal);
  CHECK_EQ_INT(dmIndex(pKey, nKey), x);
  CHECK(nVal==dmVal(x, m->aView[x], z) && memcmp(pVal, z, nVal)==0);
}

/* Compare full scans in both directions with the model. */
static void dmCheckScan(const DmModel *m, Txn *p){
  TxnCursor *pCur;
  MlError err;
  int x, rc;
  CHECK_EQ_INT(txnCursorOpen(p, &pCur, &err), ML_OK);
  x = dmNear(m, 0, 1);
  for(rc=txnCursorFirst(pCur, &err); x>=0; rc=txnCursorNext(pCur, &err)){
    dmCheckRow(m, pCur, rc, x);
    if( rc!=ML_OK ) break;
    x = dmNear(m, x+1, 1);
  }
  if( x<0 ) dmCheckRow(m, pCur, rc, -1);
  x = dmNear(m, DM_NKEY-1, 0);
  for(rc=txnCursorLast(pCur, &err); x>=0; rc=txnCursorPrev(pCur, &err)){
    dmCheckRow(m, pCur, rc, x);
    if( rc!=ML_OK ) break;
    x = dmNear(m, x-1, 0);
  }
  if( x<0 ) dmCheckRow(m, pCur, rc, -1);
  txnCursorClose(pCur);
}

/* A seek with a random op, then a few random steps, against the model. */
static void dmCheckSeek(const DmModel *m, Txn *p){
  TxnCursor *pCur;
  MlError err;
  unsigned char a[9];
  int x = (int)(testRandom() % DM_NKEY), y, rc, i;
  KvSeekOp op = (KvSeekOp)(testRandom() % 4);
  size_t n = dmKey(x, a);
  CHECK_EQ_INT(txnCursorOpen(p, &pCur, &err), ML_OK);
  rc = txnCursorSeek(pCur, a, n, op, &err);
  switch( op ){
    case KV_SEEK_GE: y = dmNear(m, x, 1); break;
    case KV_SEEK_GT: y = dmNear(m, x+1, 1); break;
    case KV_SEEK_LE: y = dmNear(m, x, 0); break;
    default:         y = dmNear(m, x-1, 0); break;
  }
  dmCheckRow(m, pCur, rc, y);
  for(i=0; i<6 && y>=0; i++){
    if( testRandom() & 1 ){
      y = dmNear(m, y+1, 1);
      rc = txnCursorNext(pCur, &err);
    }else{
      y = dmNear(m, y-1, 0);
      rc = txnCursorPrev(pCur, &err);
    }
    dmCheckRow(m, pCur, rc, y);
  }
  txnCursorClose(pCur);
}

/* Random walk of one transaction against the model; seed varies. */
static void dmRun(uint64_t seed, int nOps){
  KvEnv *pEnv = openDb("txn_diff");
  DmModel *m = calloc(1, sizeof(DmModel));
  Txn *p;
  TxnCursor *pLong;
  MlError err;
  unsigned char a[9];
  char z[64];
  int i, x, rc, iLong = -1;
  int nVersion = 1;

  testSeed(seed);
  /* Committed base state: about half the keys. */
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p, &err), ML_OK);
  for(x=0; x<DM_NKEY; x++){
    m->aView[x] = -1;
    if( testRandom() & 1 ){
      m->aView[x] = 0;
      CHECK_EQ_INT(txnPut(p, a, dmKey(x, a), z, dmVal(x, 0, z), &err), ML_OK);
    }
  }
  CHECK_EQ_INT(txnCommit(p, &err), ML_OK);

  CHECK_EQ_INT(txnBegin(pEnv, 0, &p, &err), ML_OK);
  CHECK_EQ_INT(txnCursorOpen(p, &pLong, &err), ML_OK);
  for(i=0; i<nOps; i++){
    int r = (int)(testRandom() % 1000);
    int bStmtTop = m->nMark>0 && m->azMark[m->nMark-1][0]==0;
    int bAnyStmt = 0, j;
    for(j=0; j<m->nMark; j++) bAnyStmt |= m->azMark[j][0]==0;
    x = (int)(testRandom() % DM_NKEY);
    if( r<300 ){                                 /* put */
      int v = nVersion++;
      CHECK_EQ_INT(txnPut(p, a, dmKey(x, a), z, dmVal(x, v, z), &err), ML_OK);
      m->aView[x] = v;
    }else if( r<450 ){                           /* delete */
      CHECK_EQ_INT(txnDelete(p, a, dmKey(x, a), &err), ML_OK);
      m->aView[x] = -1;
    }else if( r<455 ){                           /* range delete */
      int lo, hi, y;
      size_t n;
      dmKey(x, a);
      if( testRandom() & 1 ){
        n = 4;                                   /* a whole tree */
        lo = x/(2*DM_PER)*(2*DM_PER);
        hi = lo + 2*DM_PER;
      }else{
        n = 8;                                   /* a key and its extension */
        lo = x & ~1;
        hi = lo + 2;
      }
      CHECK_EQ_INT(txnDeleteRange(p, a, n, &err), ML_OK);
      for(y=lo; y<hi; y++) m->aView[y] = -1;
    }else if( r<600 ){                           /* point read */
      const void *pVal;
      size_t nVal;
      rc = txnGet(p, a, dmKey(x, a), (testRandom() & 1) ? TXN_POINT_READ : 0,
                  &pVal, &nVal, &err);
      if( m->aView[x]<0 ){
        CHECK_EQ_INT(rc, ML_NOTFOUND);
      }else{
        CHECK_EQ_INT(rc, ML_OK);
        CHECK(rc==ML_OK && nVal==dmVal(x, m->aView[x], z) && memcmp(pVal, z, nVal)==0);
      }
    }else if( r<650 ){                           /* statement begin */
      if( m->nMark<DM_MARKS ){
        CHECK_EQ_INT(txnStatementBegin(p, &err), ML_OK);
        memcpy(m->aMark[m->nMark], m->aView, sizeof(m->aView));
        m->azMark[m->nMark++][0] = 0;
      }
    }else if( r<700 ){                           /* statement end */
      if( bStmtTop ){
        int bOk = (testRandom() % 3)!=0;
        txnStatementEnd(p, bOk);
        m->nMark--;
        if( !bOk ) memcpy(m->aView, m->aMark[m->nMark], sizeof(m->aView));
      }
    }else if( r<740 && !bAnyStmt ){              /* savepoints */
      char zName[4];
      int k = (int)(testRandom() % 3), iFound = -1;
      snprintf(zName, sizeof(zName), "s%d", (int)(testRandom() % 3));
      for(j=m->nMark-1; j>=0; j--){
        if( strcmp(m->azMark[j], zName)==0 ){ iFound = j; break; }
      }
      if( k==0 && m->nMark<DM_MARKS ){
        CHECK_EQ_INT(txnSavepoint(p, zName, &err), ML_OK);
        memcpy(m->aMark[m->nMark], m->aView, sizeof(m->aView));
        strcpy(m->azMark[m->nMark++], zName);
      }else if( k==1 ){
        rc = txnRollbackToSavepoint(p, zName, &err);
        CHECK_EQ_INT(rc, iFound<0 ? ML_E_NO_SAVEPOINT : ML_OK);
        if( iFound>=0 ){
          memcpy(m->aView, m->aMark[iFound], sizeof(m->aView));
          m->nMark = iFound+1;
        }
      }else if( k==2 ){
        rc = txnReleaseSavepoint(p, zName, &err);
        CHECK_EQ_INT(rc, iFound<0 ? ML_E_NO_SAVEPOINT : ML_OK);
        if( iFound>=0 ) m->nMark = iFound;
      }
    }else if( r<760 ){
      dmCheckScan(m, p);
    }else if( r<900 ){
      dmCheckSeek(m, p);
    }else{                                       /* step the long-lived cursor */
      if( iLong<0 ){
        rc = txnCursorSeek(pLong, a, dmKey(x, a), KV_SEEK_GE, &err);
        iLong = dmNear(m, x, 1);
      }else{
        rc = txnCursorNext(pLong, &err);
        iLong = dmNear(m, iLong+1, 1);
      }
      dmCheckRow(m, pLong, rc, iLong);
    }
  }
  txnCursorClose(pLong);
  dmCheckScan(m, p);

  /* Another connection still sees the base state; after COMMIT it sees ours. */
  CHECK_EQ_INT(txnCommit(p, &err), ML_OK);
  CHECK_EQ_INT(txnBegin(pEnv, 1, &p, &err), ML_OK);
  dmCheckScan(m, p);
  txnRollback(p);
  free(m);
  kvClose(pEnv);
}

static void test_merged_cursor_matches_model_under_random_operations(void){
  int i;
  for(i=0; i<6; i++) dmRun(1000+(uint64_t)i, 4000);
}

/*
** 100k keys in random order, many sharing their first 8 bytes (so the
** write-set index must compare whole keys), in one transaction with a
** committed snapshot under every third of them.
*/
static void test_large_random_write_set_scans_in_key_order(void){
  KvEnv *pEnv = openDb("txn_large");
  Txn *p;
  TxnCursor *pCur;
  MlError err;
  unsigned char k[12], kPrev[12];
  const void *pKey, *pVal;
  size_t nKey, nVal;
  const uint32_t n = 100000;
  uint32_t i, x;
  int rc, nRows = 0;

  memset(k, 0, sizeof(k));
  k[3] = 1;
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p, &err), ML_OK);
  for(i=0; i<n; i+=3){
    k[8] = (unsigned char)(i>>24); k[9] = (unsigned char)(i>>16);
    k[10] = (unsigned char)(i>>8); k[11] = (unsigned char)i;
    CHECK_EQ_INT(txnPut(p, k, 12, "snap", 4, &err), ML_OK);
  }
  CHECK_EQ_INT(txnCommit(p, &err), ML_OK);

  CHECK_EQ_INT(txnBegin(pEnv, 0, &p, &err), ML_OK);
  for(i=0; i<n; i++){
    x = (uint32_t)(((uint64_t)i*2654435761u) % n);
    k[8] = (unsigned char)(x>>24); k[9] = (unsigned char)(x>>16);
    k[10] = (unsigned char)(x>>8); k[11] = (unsigned char)x;
    if( x%5==0 ){
      CHECK_EQ_INT(txnDelete(p, k, 12, &err), ML_OK);
    }else{
      CHECK_EQ_INT(txnPut(p, k, 12, k+8, 4, &err), ML_OK);
    }
  }
  CHECK_EQ_INT(txnCursorOpen(p, &pCur, &err), ML_OK);
  for(rc=txnCursorFirst(pCur, &err); rc==ML_OK; rc=txnCursorNext(pCur, &err)){
    txnCursorKey(pCur, &pKey, &nKey);
    txnCursorValue(pCur, &pVal, &nVal);
    x = ((uint32_t)((const unsigned char*)pKey)[8]<<24) | ((uint32_t)((const unsigned char*)pKey)[9]<<16)
      | ((uint32_t)((const unsigned char*)pKey)[10]<<8) | ((const unsigned char*)pKey)[11];
    if( nRows>0 && memcmp(kPrev, pKey, 12)>=0 ){ CHECK(0); break; }
    if( x%5==0 || nVal!=4 || memcmp(pVal, (const unsigned char*)pKey+8, 4)!=0 ){ CHECK(0); break; }
    memcpy(kPrev, pKey, 12);
    nRows++;
  }
  CHECK_EQ_INT(rc, ML_DONE);
  CHECK_EQ_INT(nRows, n - n/5);
  txnCursorClose(pCur);
  CHECK_EQ_INT(txnCommit(p, &err), ML_OK);
  CHECK_EQ_INT(txnBegin(pEnv, 1, &p, &err), ML_OK);
  CHECK_EQ_INT(countRows(p), (int)(n - n/5));
  txnRollback(p);
  kvClose(pEnv);
}

/* ------------------------------------------------------------------ */
/* Catalog version                                                     */

static void test_catalog_version_is_seen_by_other_connections(void){
  KvEnv *pEnv = openDb("txn_catalog");
  Txn *pDdl, *pOld, *pNew, *pDml;
  MlError err;
  uint64_t v;

  CHECK_EQ_INT(txnBegin(pEnv, 1, &pOld, &err), ML_OK);
  CHECK_EQ_INT(txnCatalogVersion(pOld, 0, &v, &err), ML_OK);
  CHECK_EQ_INT(v, 0);
  CHECK_EQ_INT(txnBegin(pEnv, 0, &pDml, &err), ML_OK);
  CHECK_EQ_INT(txnCatalogVersion(pDml, TXN_POINT_READ, &v, &err), ML_OK);
  CHECK_EQ_INT(putStr(pDml, 1, "row"), ML_OK);

  CHECK_EQ_INT(txnBegin(pEnv, 0, &pDdl, &err), ML_OK);
  CHECK_EQ_INT(txnCatalogBump(pDdl, &err), ML_OK);
  CHECK_EQ_INT(txnCatalogVersion(pDdl, 0, &v, &err), ML_OK);
  CHECK_EQ_INT(v, 1);
  CHECK_EQ_INT(txnCommit(pDdl, &err), ML_OK);

  CHECK_EQ_INT(txnCatalogVersion(pOld, 0, &v, &err), ML_OK);
  CHECK_EQ_INT(v, 0);
  txnRollback(pOld);
  CHECK_EQ_INT(txnBegin(pEnv, 1, &pNew, &err), ML_OK);
  CHECK_EQ_INT(txnCatalogVersion(pNew, 0, &v, &err), ML_OK);
  CHECK_EQ_INT(v, 1);
  txnRollback(pNew);
  /* A transaction that point-read the version conflicts with the DDL. */
  CHECK_EQ_INT(txnCommit(pDml, &err), ML_E_CONFLICT);

  /* Two concurrent DDL transactions: the second conflicts. */
  CHECK_EQ_INT(txnBegin(pEnv, 0, &pDdl, &err), ML_OK);
  CHECK_EQ_INT(txnBegin(pEnv, 0, &pNew, &err), ML_OK);
  CHECK_EQ_INT(txnCatalogBump(pDdl, &err), ML_OK);
  CHECK_EQ_INT(txnCatalogBump(pNew, &err), ML_OK);
  CHECK_EQ_INT(txnCommit(pDdl, &err), ML_OK);
  CHECK_EQ_INT(txnCommit(pNew, &err), ML_E_CONFLICT);
  kvClose(pEnv);
}

/* ------------------------------------------------------------------ */
/* (e) sequences                                                       */

static SeqDef seqDef(int64_t iStart, int64_t iInc, int64_t iMin, int64_t iMax, int bCycle){
  SeqDef d;
  d.zName = "S.SEQ";
  d.iStart = iStart;
  d.iIncrement = iInc;
  d.iMin = iMin;
  d.iMax = iMax;
  d.bCycle = bCycle;
  return d;
}

/* The next n values of sequence zKey into a[]; returns the first error. */
static int seqTake(KvEnv *pEnv, const char *zKey, const SeqDef *pDef, int n, int64_t *a){
  MlError err;
  int i, rc;
  for(i=0; i<n; i++){
    rc = seqNext(pEnv, zKey, strlen(zKey), pDef, &a[i], &err);
    if( rc ) return rc;
  }
  return ML_OK;
}

static void test_sequence_values_increase_and_survive_rollback(void){
  KvEnv *pEnv = openDb("txn_seq");
  SeqDef d = seqDef(1, 1, 1, INT64_MAX, 0);
  MlError err;
  Txn *p;
  int64_t a[100], v, vLast = 0;
  int i;

  CHECK_EQ_INT(seqCurrent(pEnv, "seq1", 4, &v, &err), ML_NOTFOUND);
  /* Taken inside a transaction that then rolls back: never reused. */
  for(i=0; i<50; i++){
    CHECK_EQ_INT(txnBegin(pEnv, 0, &p, &err), ML_OK);
    CHECK_EQ_INT(seqNext(pEnv, "seq1", 4, &d, &v, &err), ML_OK);
    CHECK_EQ_INT(v, vLast+1);
    vLast = v;
    CHECK_EQ_INT(putStr(p, 1, "x"), ML_OK);
    if( i & 1 ) txnRollback(p); else CHECK_EQ_INT(txnCommit(p, &err), ML_OK);
  }
  CHECK_EQ_INT(seqCurrent(pEnv, "seq1", 4, &v, &err), ML_OK);
  CHECK_EQ_INT(v, 50);

  /* START WITH 5 INCREMENT BY 3 */
  d = seqDef(5, 3, 1, 2147483647, 0);
  CHECK_EQ_INT(seqTake(pEnv, "seq2", &d, 3, a), ML_OK);
  CHECK(a[0]==5 && a[1]==8 && a[2]==11);

  /* Restart. */
  CHECK_EQ_INT(seqRestart(pEnv, "seq2", 4, 100, &err), ML_OK);
  CHECK_EQ_INT(seqTake(pEnv, "seq2", &d, 2, a), ML_OK);
  CHECK(a[0]==100 && a[1]==103);
  kvClose(pEnv);
}

static void test_sequence_shared_by_two_connections_never_repeats(void){
  KvEnv *pEnv1 = openDb("txn_seq2"), *pEnv2;
  SeqDef d = seqDef(1, 1, 1, INT64_MAX, 0);
  MlError err;
  Txn *p1, *p2;
  int64_t v1, v2, vPrev = 0;
  int i;

  CHECK_EQ_INT(kvOpen(kvPath(pEnv1), 0, &pEnv2, &err), ML_OK);
  /* Both connections hold an open transaction while taking values. */
  CHECK_EQ_INT(txnBegin(pEnv1, 0, &p1, &err), ML_OK);
  CHECK_EQ_INT(txnBegin(pEnv2, 0, &p2, &err), ML_OK);
  for(i=0; i<100; i++){
    CHECK_EQ_INT(seqNext(pEnv1, "q", 1, &d, &v1, &err), ML_OK);
    CHECK_EQ_INT(seqNext(pEnv2, "q", 1, &d, &v2, &err), ML_OK);
    CHECK(v1>vPrev && v2>v1);
    vPrev = v2;
  }
  CHECK_EQ_INT(vPrev, 200);
  txnRollback(p1);
  CHECK_EQ_INT(txnCommit(p2, &err), ML_OK);
  kvClose(pEnv2);
  kvClose(pEnv1);
}

static void test_sequence_limits_cycle_and_negative_increment(void){
  KvEnv *pEnv = openDb("txn_seq3");
  SeqDef d;
  MlError err;
  int64_t a[8], v;

  /* NO CYCLE: exhausted after the last value, and stays so. */
  d = seqDef(1, 1, 1, 3, 0);
  CHECK_EQ_INT(seqTake(pEnv, "nc", &d, 3, a), ML_OK);
  CHECK(a[0]==1 && a[1]==2 && a[2]==3);
  CHECK_EQ_INT(seqNext(pEnv, "nc", 2, &d, &v, &err), ML_E_SEQUENCE_EXHAUSTED);
  CHECK_EQ_STR(err.zMsg, "Sequence S.SEQ exhausted");
  CHECK_EQ_INT(seqNext(pEnv, "nc", 2, &d, &v, &err), ML_E_SEQUENCE_EXHAUSTED);
  CHECK_EQ_INT(seqCurrent(pEnv, "nc", 2, &v, &err), ML_OK);
  CHECK_EQ_INT(v, 3);

  /* CYCLE wraps to MINVALUE. */
  d = seqDef(2, 1, 1, 3, 1);
  CHECK_EQ_INT(seqTake(pEnv, "cy", &d, 5, a), ML_OK);
  CHECK(a[0]==2 && a[1]==3 && a[2]==1 && a[3]==2 && a[4]==3);

  /* Negative increment, NO CYCLE and CYCLE (wraps to MAXVALUE). */
  d = seqDef(10, -3, 1, 10, 0);
  CHECK_EQ_INT(seqTake(pEnv, "neg", &d, 4, a), ML_OK);
  CHECK(a[0]==10 && a[1]==7 && a[2]==4 && a[3]==1);
  CHECK_EQ_INT(seqNext(pEnv, "neg", 3, &d, &v, &err), ML_E_SEQUENCE_EXHAUSTED);
  d = seqDef(10, -3, 1, 10, 1);
  CHECK_EQ_INT(seqTake(pEnv, "negc", &d, 6, a), ML_OK);
  CHECK(a[0]==10 && a[1]==7 && a[2]==4 && a[3]==1 && a[4]==10 && a[5]==7);

  /* The int64 edge: no overflow, exhausted after INT64_MAX. */
  d = seqDef(INT64_MAX-1, 1, 1, INT64_MAX, 0);
  CHECK_EQ_INT(seqTake(pEnv, "big", &d, 2, a), ML_OK);
  CHECK(a[0]==INT64_MAX-1 && a[1]==INT64_MAX);
  CHECK_EQ_INT(seqNext(pEnv, "big", 3, &d, &v, &err), ML_E_SEQUENCE_EXHAUSTED);
  d = seqDef(INT64_MIN+1, -1, INT64_MIN, 0, 1);
  CHECK_EQ_INT(seqTake(pEnv, "small", &d, 3, a), ML_OK);
  CHECK(a[0]==INT64_MIN+1 && a[1]==INT64_MIN && a[2]==0);

  /* A restart revives an exhausted sequence. */
  d = seqDef(1, 1, 1, 3, 0);
  CHECK_EQ_INT(seqRestart(pEnv, "nc", 2, 2, &err), ML_OK);
  CHECK_EQ_INT(seqTake(pEnv, "nc", &d, 2, a), ML_OK);
  CHECK(a[0]==2 && a[1]==3);

  /* A definition CREATE SEQUENCE would refuse. */
  d = seqDef(1, 0, 1, 3, 0);
  CHECK_EQ_INT(seqNext(pEnv, "bad", 3, &d, &v, &err), ML_E_INTERNAL);
  kvClose(pEnv);
}

/*
** Differential: blocks of random sizes (seqReserve) hand out exactly the
** values single steps (seqNext, the oracle) do, for random definitions
** with both signs of increment, CYCLE and NO CYCLE, and ranges small
** enough to wrap or run out.
*/
static void test_sequence_blocks_equal_single_steps(void){
  KvEnv *pEnv = openDb("txn_seq4");
  MlError err;
  uint64_t r = 0x9e3779b97f4a7c15ull;
  int round;
  for(round=0; round<200; round++){
    char zOne[32], zBlock[32];
    int64_t aOne[64], v;
    int nOne = 0, nBlock = 0, rcOne = ML_OK, rcBlock = ML_OK, i;
    SeqDef d;
    r = r*6364136223846793005ull + 1442695040888963407ull;
    d = seqDef(0, 0, -20 + (int64_t)(r>>60), 5 + (int64_t)((r>>40)%30), (int)((r>>20)&1));
    d.iIncrement = (int64_t)((r>>30)%7) - 3;
    if( d.iIncrement==0 ) d.iIncrement = 2;
    d.iStart = d.iMin + (int64_t)((r>>10)%(uint64_t)(d.iMax-d.iMin+1));
    snprintf(zOne, sizeof(zOne), "one%d", round);
    snprintf(zBlock, sizeof(zBlock), "blk%d", round);
    while( nOne<64 && rcOne==ML_OK ){
      rcOne = seqNext(pEnv, zOne, strlen(zOne), &d, &v, &err);
      if( rcOne==ML_OK ) aOne[nOne++] = v;
    }
    while( nBlock<nOne && rcBlock==ML_OK ){
      SeqBlock b;
      r = r*6364136223846793005ull + 1442695040888963407ull;
      rcBlock = seqReserve(pEnv, zBlock, strlen(zBlock), &d, 1 + (int)((r>>33)%9), &b, &err);
      for(i=0; rcBlock==ML_OK && i<b.n && nBlock<nOne; i++){
        CHECK_EQ_INT(b.iFirst + i*b.iIncrement, aOne[nBlock]);
        nBlock++;
      }
    }
    CHECK_EQ_INT(nBlock, nOne);
    if( rcOne==ML_E_SEQUENCE_EXHAUSTED && rcBlock==ML_OK ){
      /* the oracle ran out: so does the block side, right after */
      SeqBlock b;
      CHECK_EQ_INT(seqReserve(pEnv, zBlock, strlen(zBlock), &d, 3, &b, &err),
                   ML_E_SEQUENCE_EXHAUSTED);
    }
  }
  kvClose(pEnv);
}

/*
** Two SeqCaches on one database stand for two processes: values are never
** handed out twice, each cache's values ascend, a block grows with use so
** few values are wasted, and a RESTART through either side makes both
** continue from the restart value.
*/
static void test_sequence_cache_blocks(void){
  KvEnv *pEnv = openDb("txn_seq5");
  SeqDef d = seqDef(1, 1, 1, INT64_MAX, 0);
  SeqCache a, b;
  MlError err;
  static int64_t aSeen[4000];
  int64_t v, vLastA = 0, vLastB = 0, vMax = 0;
  int i, j, nSeen = 0;

  seqCacheInit(&a);
  seqCacheInit(&b);
  /* a fresh cache reserves one value, then two, four, ... */
  CHECK_EQ_INT(seqCacheNext(&a, pEnv, 7, "k", 1, &d, &v, &err), ML_OK);
  CHECK_EQ_INT(v, 1);
  CHECK_EQ_INT(seqCurrent(pEnv, "k", 1, &v, &err), ML_OK);
  CHECK_EQ_INT(v, 1);
  for(i=0; i<1500; i++){
    CHECK_EQ_INT(seqCacheNext(&a, pEnv, 7, "k", 1, &d, &v, &err), ML_OK);
    CHECK(v>vLastA);
    vLastA = v;
    aSeen[nSeen++] = v;
    if( i%3==0 ){
      CHECK_EQ_INT(seqCacheNext(&b, pEnv, 7, "k", 1, &d, &v, &err), ML_OK);
      CHECK(v>vLastB);
      vLastB = v;
      aSeen[nSeen++] = v;
    }
  }
  for(i=0; i<nSeen; i++){
    if( aSeen[i]>vMax ) vMax = aSeen[i];
    for(j=0; j<i; j++) CHECK(aSeen[i]!=aSeen[j]);
  }
  /* reserved but unused: less than one largest block per cache */
  CHECK_EQ_INT(seqCurrent(pEnv, "k", 1, &v, &err), ML_OK);
  CHECK(v>=vMax && v-vMax < 2*1024);

  /* RESTART: both caches drop their blocks and go on from 500 */
  CHECK_EQ_INT(seqRestart(pEnv, "k", 1, 500, &err), ML_OK);
  CHECK_EQ_INT(seqCacheNext(&b, pEnv, 7, "k", 1, &d, &v, &err), ML_OK);
  CHECK_EQ_INT(v, 500);
  CHECK_EQ_INT(seqCacheNext(&a, pEnv, 7, "k", 1, &d, &v, &err), ML_OK);
  CHECK(v>500 && v<500+2*1024);

  /* NO CYCLE exhaustion reaches a cache too */
  d = seqDef(1, 1, 1, 5, 0);
  for(i=0; i<5; i++){
    CHECK_EQ_INT(seqCacheNext(&a, pEnv, 8, "e", 1, &d, &v, &err), ML_OK);
    CHECK_EQ_INT(v, i+1);
  }
  CHECK_EQ_INT(seqCacheNext(&a, pEnv, 8, "e", 1, &d, &v, &err), ML_E_SEQUENCE_EXHAUSTED);

  /* a block ending at INT64_MAX steps no further (no overflow) */
  d = seqDef(INT64_MAX-3, 1, 1, INT64_MAX, 0);
  for(i=0; i<4; i++){
    CHECK_EQ_INT(seqCacheNext(&a, pEnv, 9, "m", 1, &d, &v, &err), ML_OK);
    CHECK_EQ_INT(v, INT64_MAX-3+i);
  }
  CHECK_EQ_INT(seqCacheNext(&a, pEnv, 9, "m", 1, &d, &v, &err), ML_E_SEQUENCE_EXHAUSTED);
  seqCacheFree(&b);
  seqCacheFree(&a);
  kvClose(pEnv);
}

/* ------------------------------------------------------------------ */
/* Measurements (MIMERLITE_TXN_BENCH=1)                                */

static double nowSeconds(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec*1e-9;
}

static void benchMeasure(void){
  KvEnv *pEnv = openDb("txn_bench");
  SeqDef d = seqDef(1, 1, 1, INT64_MAX, 0);
  MlError err;
  Txn *p;
  TxnCursor *pCur;
  unsigned char k[8];
  double t0, t;
  int64_t v;
  int i, n, rc;
  const int nCommit = 500, nSeq = 500, nRows = 1000000;

  t0 = nowSeconds();
  for(i=0; i<nCommit; i++){
    char z[16];
    snprintf(z, sizeof(z), "%d", i);
    if( commitPut(pEnv, (uint32_t)i, z) ) break;
  }
  t = nowSeconds()-t0;
  printf("bench: %d single-key commits: %.0f commits/s (%.2f ms each)\n",
         nCommit, nCommit/t, 1000*t/nCommit);

  t0 = nowSeconds();
  for(i=0; i<nSeq; i++) seqNext(pEnv, "bench", 5, &d, &v, &err);
  t = nowSeconds()-t0;
  printf("bench: %d seqNext: %.0f values/s\n", nSeq, nSeq/t);

  /* 1M rows: build the write set, commit, then scan. */
  t0 = nowSeconds();
  CHECK_EQ_INT(txnBegin(pEnv, 0, &p, &err), ML_OK);
  for(i=0; i<nRows; i++){
    uint32_t x = (uint32_t)(((uint64_t)i*2654435761u) % (uint32_t)nRows);
    mkKey(k, 2, x);
    txnPut(p, k, 8, "0123456789abcdef0123456789abcdef", 32, &err);
  }
  t = nowSeconds()-t0;
  printf("bench: write set of %d random-order puts: %.2f s (%.0f puts/s)\n",
         nRows, t, nRows/t);
  CHECK_EQ_INT(txnCursorOpen(p, &pCur, &err), ML_OK);
  t0 = nowSeconds();
  for(n=0, rc=txnCursorFirst(pCur, &err); rc==ML_OK; rc=txnCursorNext(pCur, &err)) n++;
  t = nowSeconds()-t0;
  txnCursorClose(pCur);
  printf("bench: merged scan, %d rows all in the write set: %.0f rows/s\n", n, n/t);
  t0 = nowSeconds();
  CHECK_EQ_INT(txnCommit(p, &err), ML_OK);
  printf("bench: commit of %d rows: %.2f s\n", nRows, nowSeconds()-t0);

  CHECK_EQ_INT(txnBegin(pEnv, 0, &p, &err), ML_OK);
  CHECK_EQ_INT(txnCursorOpen(p, &pCur, &err), ML_OK);
  t0 = nowSeconds();
  for(n=0, rc=txnCursorFirst(pCur, &err); rc==ML_OK; rc=txnCursorNext(pCur, &err)) n++;
  t = nowSeconds()-t0;
  printf("bench: merged scan, %d rows from the snapshot, empty write set: %.0f rows/s\n", n, n/t);
  for(i=0; i<nRows; i+=10){
    mkKey(k, 2, (uint32_t)i);
    txnPut(p, k, 8, "updated", 7, &err);
  }
  t0 = nowSeconds();
  for(n=0, rc=txnCursorFirst(pCur, &err); rc==ML_OK; rc=txnCursorNext(pCur, &err)) n++;
  t = nowSeconds()-t0;
  printf("bench: merged scan, %d rows, every 10th overwritten in the write set: %.0f rows/s\n",
         n, n/t);
  t0 = nowSeconds();
  for(n=0, rc=txnCursorLast(pCur, &err); rc==ML_OK; rc=txnCursorPrev(pCur, &err)) n++;
  t = nowSeconds()-t0;
  printf("bench: same, backwards: %.0f rows/s\n", n/t);
  txnCursorClose(pCur);
  t0 = nowSeconds();
  CHECK_EQ_INT(txnCommit(p, &err), ML_OK);
  printf("bench: commit of %d updates: %.2f s\n",
         nRows/10, nowSeconds()-t0);
  kvClose(pEnv);
}

int main(void){
  testSeed(7);
  TEST_RUN(test_second_commit_of_same_key_insert_fails_in_one_thread);
  TEST_RUN(test_conflicting_and_disjoint_updates);
  TEST_RUN(test_point_read_key_changed_by_other_makes_commit_fail);
  TEST_RUN(test_read_only_transaction_sees_stable_snapshot_and_never_conflicts);
  TEST_RUN(test_increments_from_two_processes_are_never_lost);
  TEST_RUN(test_failed_statement_undoes_only_its_own_writes);
  TEST_RUN(test_savepoints_nest_and_roll_back_by_name);
  TEST_RUN(test_cursor_sees_writes_made_between_steps);
  TEST_RUN(test_delete_range_hides_snapshot_rows_and_keeps_later_puts);
  TEST_RUN(test_merged_cursor_matches_model_under_random_operations);
  TEST_RUN(test_large_random_write_set_scans_in_key_order);
  TEST_RUN(test_catalog_version_is_seen_by_other_connections);
  TEST_RUN(test_sequence_values_increase_and_survive_rollback);
  TEST_RUN(test_sequence_shared_by_two_connections_never_repeats);
  TEST_RUN(test_sequence_limits_cycle_and_negative_increment);
  TEST_RUN(test_sequence_blocks_equal_single_steps);
  TEST_RUN(test_sequence_cache_blocks);
  if( getenv("MIMERLITE_TXN_BENCH") ) benchMeasure();
  return testReport();
}
