/*
** Unit tests of the key-value layer (kv/kv.h) on LMDB: point access,
** cursors in both directions, range deletes, snapshots, the map-full
** error, the per-process registry of environments and refusal after
** fork().
*/
#include "kv/kv.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

/* Build the 8-byte key (tree, i), both big-endian, into a. */
static void mkKey(unsigned char *a, uint32_t iTree, uint32_t i){
  a[0] = (unsigned char)(iTree>>24); a[1] = (unsigned char)(iTree>>16);
  a[2] = (unsigned char)(iTree>>8);  a[3] = (unsigned char)iTree;
  a[4] = (unsigned char)(i>>24);     a[5] = (unsigned char)(i>>16);
  a[6] = (unsigned char)(i>>8);      a[7] = (unsigned char)i;
}

/* The i of a key made by mkKey(). */
static uint32_t keyIndex(const void *pKey){
  const unsigned char *a = pKey;
  return ((uint32_t)a[4]<<24) | ((uint32_t)a[5]<<16) | ((uint32_t)a[6]<<8) | a[7];
}

static uint32_t keyTree(const void *pKey){
  const unsigned char *a = pKey;
  return ((uint32_t)a[0]<<24) | ((uint32_t)a[1]<<16) | ((uint32_t)a[2]<<8) | a[3];
}

/* Commit keys (iTree, i*iStep) for i in [0, n) with 100-byte values. */
static int fillTree(KvEnv *pEnv, uint32_t iTree, uint32_t n, uint32_t iStep){
  KvTxn *pW;
  MlError err;
  unsigned char k[8], v[100];
  uint32_t i;
  int rc = kvWriteBegin(pEnv, &pW, &err);
  if( rc ) return rc;
  for(i=0; i<n && rc==ML_OK; i++){
    mkKey(k, iTree, i*iStep);
    memset(v, (int)(i & 0xFF), sizeof(v));
    rc = kvPut(pW, k, 8, v, sizeof(v), &err);
  }
  if( rc ){ kvWriteAbort(pW); return rc; }
  return kvWriteCommit(pW, &err);
}

/* Number of keys of tree iTree seen by a fresh snapshot. */
static int countTree(KvEnv *pEnv, uint32_t iTree){
  KvTxn *pR;
  KvCursor *pCur;
  MlError err;
  unsigned char k[8];
  const void *pKey;
  size_t nKey;
  int n = 0, rc;
  if( kvReadBegin(pEnv, &pR, &err) ) return -1;
  if( kvCursorOpen(pR, &pCur, &err) ){ kvReadEnd(pR); return -1; }
  mkKey(k, iTree, 0);
  for(rc=kvCursorSeek(pCur, k, 4, KV_SEEK_GE, &err); rc==ML_OK; rc=kvCursorNext(pCur, &err)){
    kvCursorKey(pCur, &pKey, &nKey);
    if( keyTree(pKey)!=iTree ) break;
    n++;
  }
  kvCursorClose(pCur);
  kvReadEnd(pR);
  return n;
}

static void test_put_get_and_snapshot_isolation(void){
  KvEnv *pEnv;
  KvTxn *pW, *pR;
  MlError err;
  const void *pVal;
  size_t nVal;
  unsigned char k[8];
  uint64_t id0;

  CHECK_EQ_INT(kvOpen(testTempDir("kv_basic"), KV_OPEN_CREATE, &pEnv, &err), ML_OK);
  CHECK_EQ_INT(fillTree(pEnv, 1, 1000, 1), ML_OK);

  CHECK_EQ_INT(kvReadBegin(pEnv, &pR, &err), ML_OK);
  id0 = kvTxnId(pR);
  mkKey(k, 1, 500);
  CHECK_EQ_INT(kvGet(pR, k, 8, &pVal, &nVal, &err), ML_OK);
  CHECK_EQ_INT(nVal, 100);
  CHECK_EQ_INT(((const unsigned char*)pVal)[99], 500 & 0xFF);
  mkKey(k, 1, 1000);
  CHECK_EQ_INT(kvGet(pR, k, 8, &pVal, &nVal, &err), ML_NOTFOUND);

  /* A commit after the snapshot was taken is invisible to it. */
  CHECK_EQ_INT(kvWriteBegin(pEnv, &pW, &err), ML_OK);
  CHECK(kvWriterHeld());
  CHECK_EQ_INT(kvTxnId(pW), id0+1);
  CHECK_EQ_INT(kvPut(pW, k, 8, "new", 3, &err), ML_OK);
  mkKey(k, 1, 7);
  CHECK_EQ_INT(kvDelete(pW, k, 8, &err), ML_OK);
  CHECK_EQ_INT(kvDelete(pW, k, 8, &err), ML_NOTFOUND);
  CHECK_EQ_INT(kvWriteCommit(pW, &err), ML_OK);
  CHECK(!kvWriterHeld());
  CHECK_EQ_INT(kvGet(pR, k, 8, &pVal, &nVal, &err), ML_OK);
  mkKey(k, 1, 1000);
  CHECK_EQ_INT(kvGet(pR, k, 8, &pVal, &nVal, &err), ML_NOTFOUND);
  kvReadEnd(pR);

  CHECK_EQ_INT(kvReadBegin(pEnv, &pR, &err), ML_OK);
  CHECK_EQ_INT(kvTxnId(pR), id0+1);
  CHECK_EQ_INT(kvGet(pR, k, 8, &pVal, &nVal, &err), ML_OK);
  CHECK(nVal==3 && memcmp(pVal, "new", 3)==0);
  mkKey(k, 1, 7);
  CHECK_EQ_INT(kvGet(pR, k, 8, &pVal, &nVal, &err), ML_NOTFOUND);
  kvReadEnd(pR);

  /* An aborted write leaves nothing behind. */
  CHECK_EQ_INT(kvWriteBegin(pEnv, &pW, &err), ML_OK);
  CHECK_EQ_INT(kvPut(pW, k, 8, "x", 1, &err), ML_OK);
  kvWriteAbort(pW);
  CHECK_EQ_INT(kvReadBegin(pEnv, &pR, &err), ML_OK);
  CHECK_EQ_INT(kvGet(pR, k, 8, &pVal, &nVal, &err), ML_NOTFOUND);
  CHECK_EQ_INT(kvTxnId(pR), id0+1);
  kvReadEnd(pR);
  kvClose(pEnv);
}

static void test_cursor_moves_both_ways_and_seeks(void){
  KvEnv *pEnv;
  KvTxn *pR;
  KvCursor *pCur;
  MlError err;
  const void *pKey;
  size_t nKey;
  unsigned char k[8];
  uint32_t i, n;
  int rc;

  CHECK_EQ_INT(kvOpen(testTempDir("kv_cursor"), KV_OPEN_CREATE, &pEnv, &err), ML_OK);
  /* Keys 0, 10, 20, ... 9990 of tree 2. */
  CHECK_EQ_INT(fillTree(pEnv, 2, 1000, 10), ML_OK);
  CHECK_EQ_INT(kvReadBegin(pEnv, &pR, &err), ML_OK);
  CHECK_EQ_INT(kvCursorOpen(pR, &pCur, &err), ML_OK);
  CHECK(!kvCursorValid(pCur));

  /* Forward from before the first key, backward from after the last. */
  n = 0;
  while( (rc = kvCursorNext(pCur, &err))==ML_OK ){
    kvCursorKey(pCur, &pKey, &nKey);
    CHECK_EQ_INT(keyIndex(pKey), n*10);
    n++;
  }
  CHECK_EQ_INT(rc, ML_DONE);
  CHECK_EQ_INT(n, 1000);
  CHECK_EQ_INT(kvCursorNext(pCur, &err), ML_DONE);
  while( (rc = kvCursorPrev(pCur, &err))==ML_OK ){
    n--;
    kvCursorKey(pCur, &pKey, &nKey);
    CHECK_EQ_INT(keyIndex(pKey), n*10);
  }
  CHECK_EQ_INT(rc, ML_DONE);
  CHECK_EQ_INT(n, 0);

  /* Seeks on present and absent keys. */
  for(i=0; i<2000; i++){
    uint32_t x = (uint32_t)(testRandom() % 10020);
    uint32_t lo = x/10*10, hi = (x+9)/10*10;
    mkKey(k, 2, x);
    rc = kvCursorSeek(pCur, k, 8, KV_SEEK_GE, &err);
    if( hi<=9990 ){
      CHECK_EQ_INT(rc, ML_OK);
      kvCursorKey(pCur, &pKey, &nKey);
      CHECK_EQ_INT(keyIndex(pKey), hi);
    }else{
      CHECK_EQ_INT(rc, ML_NOTFOUND);
      CHECK_EQ_INT(kvCursorPrev(pCur, &err), ML_OK);
      kvCursorKey(pCur, &pKey, &nKey);
      CHECK_EQ_INT(keyIndex(pKey), 9990);
    }
    rc = kvCursorSeek(pCur, k, 8, KV_SEEK_LE, &err);
    CHECK_EQ_INT(rc, ML_OK);
    kvCursorKey(pCur, &pKey, &nKey);
    CHECK_EQ_INT(keyIndex(pKey), lo>9990 ? 9990 : lo);
    rc = kvCursorSeek(pCur, k, 8, KV_SEEK_GT, &err);
    if( x/10*10+10<=9990 ){
      CHECK_EQ_INT(rc, ML_OK);
      kvCursorKey(pCur, &pKey, &nKey);
      CHECK_EQ_INT(keyIndex(pKey), x/10*10+10);
    }else{
      CHECK_EQ_INT(rc, ML_NOTFOUND);
    }
    rc = kvCursorSeek(pCur, k, 8, KV_SEEK_LT, &err);
    if( x==0 ){
      CHECK_EQ_INT(rc, ML_NOTFOUND);
      CHECK_EQ_INT(kvCursorNext(pCur, &err), ML_OK);
      kvCursorKey(pCur, &pKey, &nKey);
      CHECK_EQ_INT(keyIndex(pKey), 0);
    }else{
      CHECK_EQ_INT(rc, ML_OK);
      kvCursorKey(pCur, &pKey, &nKey);
      CHECK_EQ_INT(keyIndex(pKey), (x-1)/10*10 > 9990 ? 9990 : (x-1)/10*10);
    }
  }
  /* A 4-byte prefix sorts before every key that extends it. */
  mkKey(k, 2, 0);
  CHECK_EQ_INT(kvCursorSeek(pCur, k, 4, KV_SEEK_LT, &err), ML_NOTFOUND);
  mkKey(k, 3, 0);
  CHECK_EQ_INT(kvCursorSeek(pCur, k, 4, KV_SEEK_LT, &err), ML_OK);
  kvCursorKey(pCur, &pKey, &nKey);
  CHECK_EQ_INT(keyIndex(pKey), 9990);
  CHECK_EQ_INT(kvCursorFirst(pCur, &err), ML_OK);
  kvCursorKey(pCur, &pKey, &nKey);
  CHECK_EQ_INT(keyIndex(pKey), 0);
  CHECK_EQ_INT(kvCursorLast(pCur, &err), ML_OK);
  kvCursorKey(pCur, &pKey, &nKey);
  CHECK_EQ_INT(keyIndex(pKey), 9990);
  kvCursorClose(pCur);
  kvReadEnd(pR);
  kvClose(pEnv);
}

static void test_delete_range_removes_exactly_the_prefix(void){
  KvEnv *pEnv;
  KvTxn *pW;
  MlError err;
  uint64_t nDel = 0;
  unsigned char k[8];

  CHECK_EQ_INT(kvOpen(testTempDir("kv_range"), KV_OPEN_CREATE, &pEnv, &err), ML_OK);
  /* Enough rows per tree to span many pages. */
  CHECK_EQ_INT(fillTree(pEnv, 1, 3000, 1), ML_OK);
  CHECK_EQ_INT(fillTree(pEnv, 2, 3000, 1), ML_OK);
  CHECK_EQ_INT(fillTree(pEnv, 3, 3000, 1), ML_OK);

  /* A tree in the middle. */
  CHECK_EQ_INT(kvWriteBegin(pEnv, &pW, &err), ML_OK);
  mkKey(k, 2, 0);
  CHECK_EQ_INT(kvDeleteRange(pW, k, 4, &nDel, &err), ML_OK);
  CHECK_EQ_INT(nDel, 3000);
  CHECK_EQ_INT(kvWriteCommit(pW, &err), ML_OK);
  CHECK_EQ_INT(countTree(pEnv, 1), 3000);
  CHECK_EQ_INT(countTree(pEnv, 2), 0);
  CHECK_EQ_INT(countTree(pEnv, 3), 3000);

  /* The last tree, a longer prefix inside the first, an absent prefix. */
  CHECK_EQ_INT(kvWriteBegin(pEnv, &pW, &err), ML_OK);
  mkKey(k, 3, 0);
  CHECK_EQ_INT(kvDeleteRange(pW, k, 4, &nDel, &err), ML_OK);
  CHECK_EQ_INT(nDel, 3000);
  mkKey(k, 1, 0x100);         /* i in [0x100, 0x1FF] */
  CHECK_EQ_INT(kvDeleteRange(pW, k, 7, &nDel, &err), ML_OK);
  CHECK_EQ_INT(nDel, 256);
  mkKey(k, 9, 0);
  CHECK_EQ_INT(kvDeleteRange(pW, k, 4, &nDel, &err), ML_OK);
  CHECK_EQ_INT(nDel, 0);
  CHECK_EQ_INT(kvWriteCommit(pW, &err), ML_OK);
  CHECK_EQ_INT(countTree(pEnv, 1), 3000-256);
  CHECK_EQ_INT(countTree(pEnv, 3), 0);

  /* The empty prefix deletes everything. */
  CHECK_EQ_INT(kvWriteBegin(pEnv, &pW, &err), ML_OK);
  CHECK_EQ_INT(kvDeleteRange(pW, 0, 0, &nDel, &err), ML_OK);
  CHECK_EQ_INT(nDel, 3000-256);
  CHECK_EQ_INT(kvWriteCommit(pW, &err), ML_OK);
  CHECK_EQ_INT(countTree(pEnv, 1), 0);
  kvClose(pEnv);
}

static void test_map_full_is_reported_and_database_stays_usable(void){
  KvEnv *pEnv;
  KvTxn *pW, *pR;
  MlError err;
  const void *pVal;
  size_t nVal;
  unsigned char k[8], v[1000];
  uint32_t iBatch, i, nCommitted = 0;
  int rc = ML_OK;

  setenv("MIMERLITE_MAP_SIZE", "xyz", 1);
  CHECK_EQ_INT(kvOpen(testTempDir("kv_full_bad"), KV_OPEN_CREATE, &pEnv, &err), ML_E_STORAGE);
  CHECK(strstr(err.zMsg, "MIMERLITE_MAP_SIZE")!=0);

  setenv("MIMERLITE_MAP_SIZE", "1M", 1);
  CHECK_EQ_INT(kvOpen(testTempDir("kv_full"), KV_OPEN_CREATE, &pEnv, &err), ML_OK);
  unsetenv("MIMERLITE_MAP_SIZE");
  memset(v, 'v', sizeof(v));
  for(iBatch=0; iBatch<1000 && rc==ML_OK; iBatch++){
    CHECK_EQ_INT(kvWriteBegin(pEnv, &pW, &err), ML_OK);
    for(i=0; i<20 && rc==ML_OK; i++){
      mkKey(k, 1, iBatch*20+i);
      rc = kvPut(pW, k, 8, v, sizeof(v), &err);
    }
    if( rc ){
      kvWriteAbort(pW);
    }else{
      rc = kvWriteCommit(pW, &err);
      if( rc==ML_OK ) nCommitted = iBatch+1;
    }
  }
  CHECK_EQ_INT(rc, ML_E_DATABASE_FULL);
  CHECK_EQ_INT(err.code, ML_E_DATABASE_FULL);
  CHECK(strstr(err.zMsg, "Databank is full")!=0);
  CHECK(strstr(err.zMsg, "maximum size")!=0);
  CHECK(nCommitted>10 && nCommitted<100);

  /* Everything committed is there, nothing of the failed batch. */
  CHECK_EQ_INT(kvReadBegin(pEnv, &pR, &err), ML_OK);
  for(i=0; i<nCommitted*20; i++){
    mkKey(k, 1, i);
    CHECK_EQ_INT(kvGet(pR, k, 8, &pVal, &nVal, &err), ML_OK);
  }
  mkKey(k, 1, nCommitted*20);
  CHECK_EQ_INT(kvGet(pR, k, 8, &pVal, &nVal, &err), ML_NOTFOUND);
  kvReadEnd(pR);

  /* Deleting makes room again. */
  CHECK_EQ_INT(kvWriteBegin(pEnv, &pW, &err), ML_OK);
  mkKey(k, 1, 0);
  CHECK_EQ_INT(kvDeleteRange(pW, k, 4, 0, &err), ML_OK);
  CHECK_EQ_INT(kvWriteCommit(pW, &err), ML_OK);
  CHECK_EQ_INT(fillTree(pEnv, 2, 100, 1), ML_OK);
  CHECK_EQ_INT(countTree(pEnv, 2), 100);
  CHECK_EQ_INT(countTree(pEnv, 1), 0);
  kvClose(pEnv);
}

static void test_same_directory_shares_one_environment(void){
  KvEnv *p1, *p2, *p3, *pOther;
  MlError err;
  char zAlias[4200], zDir[4096];
  const void *pVal;
  size_t nVal;
  KvTxn *pR;
  unsigned char k[8];

  snprintf(zDir, sizeof(zDir), "%s", testTempDir("kv_registry"));
  snprintf(zAlias, sizeof(zAlias), "%s/../%s", zDir, strrchr(zDir, '/')+1);
  CHECK_EQ_INT(kvOpen(zDir, 0, &p1, &err), ML_OK);
  CHECK_EQ_INT(kvOpen(zDir, 0, &p2, &err), ML_OK);
  CHECK_EQ_INT(kvOpen(zAlias, 0, &p3, &err), ML_OK);
  CHECK(p1==p2);
  CHECK(p1==p3);
  CHECK_EQ_INT(kvOpen(testTempDir("kv_registry2"), 0, &pOther, &err), ML_OK);
  CHECK(pOther!=p1);
  kvClose(pOther);

  /* The environment outlives all but the last close. */
  CHECK_EQ_INT(fillTree(p1, 1, 10, 1), ML_OK);
  kvClose(p1);
  kvClose(p2);
  CHECK_EQ_INT(kvReadBegin(p3, &pR, &err), ML_OK);
  mkKey(k, 1, 9);
  CHECK_EQ_INT(kvGet(pR, k, 8, &pVal, &nVal, &err), ML_OK);
  kvReadEnd(pR);
  kvClose(p3);

  /* Reopened after the last close: the data is on disk. */
  CHECK_EQ_INT(kvOpen(zDir, 0, &p1, &err), ML_OK);
  CHECK_EQ_INT(countTree(p1, 1), 10);
  kvClose(p1);

  CHECK_EQ_INT(kvOpen("/nonexistent/mimerlite/db", 0, &p1, &err), ML_E_STORAGE);
  CHECK(p1==0);
}

static void test_reader_table_full_is_a_clear_error(void){
  static KvTxn *apR[1100];
  KvEnv *pEnv;
  MlError err;
  int n, rc = ML_OK;

  CHECK_EQ_INT(kvOpen(testTempDir("kv_readers"), 0, &pEnv, &err), ML_OK);
  for(n=0; n<1100 && (rc = kvReadBegin(pEnv, &apR[n], &err))==ML_OK; n++){}
  CHECK_EQ_INT(rc, ML_E_STORAGE);
  CHECK(strstr(err.zMsg, "transactions are open")!=0);
  CHECK(n>=1000 && n<=1024);
  /* Ending one snapshot frees a slot. */
  kvReadEnd(apR[--n]);
  CHECK_EQ_INT(kvReadBegin(pEnv, &apR[n++], &err), ML_OK);
  while( n>0 ) kvReadEnd(apR[--n]);
  CHECK_EQ_INT(kvReadBegin(pEnv, &apR[0], &err), ML_OK);
  kvReadEnd(apR[0]);
  kvClose(pEnv);
}

/*
** The child's checks after fork(); returns the number of failures, which
** becomes its exit code.
*/
static int forkChild(KvEnv *pEnv, KvTxn *pR, const char *zDir){
  KvTxn *pT;
  KvCursor *pCur = 0;
  KvEnv *pFresh;
  MlError err;
  const void *pVal;
  size_t nVal;
  unsigned char k[8];
  int nFail = 0;

  mkKey(k, 1, 3);
  nFail += kvReadBegin(pEnv, &pT, &err)!=ML_E_FORKED;
  nFail += err.code!=ML_E_FORKED;
  nFail += kvWriteBegin(pEnv, &pT, &err)!=ML_E_FORKED;
  nFail += kvGet(pR, k, 8, &pVal, &nVal, &err)!=ML_E_FORKED;
  nFail += kvCursorOpen(pR, &pCur, &err)!=ML_E_FORKED;
  /* Neither of these may touch the parent's reader slot or handle. */
  kvReadEnd(pR);
  kvClose(pEnv);
  /* The child may open the database for itself. */
  nFail += kvOpen(zDir, 0, &pFresh, &err)!=ML_OK;
  if( nFail==0 ){
    nFail += pFresh==pEnv;
    nFail += kvReadBegin(pFresh, &pT, &err)!=ML_OK;
    if( nFail==0 ){
      nFail += kvGet(pT, k, 8, &pVal, &nVal, &err)!=ML_OK;
      kvReadEnd(pT);
    }
    kvClose(pFresh);
  }
  return nFail;
}

static void test_use_after_fork_is_refused_in_the_child(void){
  KvEnv *pEnv;
  KvTxn *pR, *pW;
  unsigned char v[100];
  int i;
  MlError err;
  const void *pVal;
  size_t nVal;
  unsigned char k[8];
  char zDir[4096];
  int status = -1;
  pid_t pid;

  snprintf(zDir, sizeof(zDir), "%s", testTempDir("kv_fork"));
  CHECK_EQ_INT(kvOpen(zDir, 0, &pEnv, &err), ML_OK);
  CHECK_EQ_INT(fillTree(pEnv, 1, 10, 1), ML_OK);
  CHECK_EQ_INT(kvReadBegin(pEnv, &pR, &err), ML_OK);
  fflush(0);
  pid = fork();
  if( pid==0 ) _exit(forkChild(pEnv, pR, zDir));
  CHECK(pid>0);
  CHECK(waitpid(pid, &status, 0)==pid);
  CHECK(WIFEXITED(status));
  CHECK_EQ_INT(WEXITSTATUS(status), 0);

  /* The parent's snapshot is still protected: had the child released its
  ** reader slot, these commits would reuse the snapshot's pages. */
  for(i=0; i<6; i++){
    CHECK_EQ_INT(kvWriteBegin(pEnv, &pW, &err), ML_OK);
    mkKey(k, 1, 3);
    memset(v, 'A'+i, sizeof(v));
    CHECK_EQ_INT(kvPut(pW, k, 8, v, sizeof(v), &err), ML_OK);
    CHECK_EQ_INT(kvWriteCommit(pW, &err), ML_OK);
  }
  CHECK_EQ_INT(kvGet(pR, k, 8, &pVal, &nVal, &err), ML_OK);
  memset(v, 3, sizeof(v));
  CHECK(nVal==100 && memcmp(pVal, v, 100)==0);
  kvReadEnd(pR);
  CHECK_EQ_INT(fillTree(pEnv, 2, 10, 1), ML_OK);
  CHECK_EQ_INT(countTree(pEnv, 2), 10);
  kvClose(pEnv);
}

int main(void){
  testSeed(20240611);
  TEST_RUN(test_put_get_and_snapshot_isolation);
  TEST_RUN(test_cursor_moves_both_ways_and_seeks);
  TEST_RUN(test_delete_range_removes_exactly_the_prefix);
  TEST_RUN(test_map_full_is_reported_and_database_stays_usable);
  TEST_RUN(test_same_directory_shares_one_environment);
  TEST_RUN(test_reader_table_full_is_a_clear_error);
  TEST_RUN(test_use_after_fork_is_refused_in_the_child);
  return testReport();
}
