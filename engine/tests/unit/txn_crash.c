/*
** Crash test of the transaction layer and its LMDB storage.  Each round
** forks a writer that commits transactions in a loop and reports, through
** a pipe, every sequence value it receives and every transaction number
** whose COMMIT returned.  The parent SIGKILLs it at a random moment, then
** a fresh child process (the parent never opens the database, so nothing
** is inherited) reopens the database and checks:
**
**   - every transaction reported committed is there, completely;
**   - no transaction is there partially, and besides the reported ones at
**     most the one in flight at the kill (the next number) is there;
**   - a counter row updated by every transaction equals their number;
**   - sequence values are never repeated: each committed transaction's
**     value was reported, the values grow with the transaction numbers,
**     and the sequence's next value exceeds every value handed out.
**
** Rounds run on the same database, so later rounds also exercise recovery
** from a writer killed while holding LMDB's write lock and from stale
** reader slots.  Usage: txn_crash [rounds] (default 15); the random seed
** comes from MIMERLITE_CRASH_SEED or the clock and is printed.  The last
** line is "N passed, M failed"; the exit code is non-zero on failure.
*/
#include "txn/sequence.h"
#include "txn/txn.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

#define CR_MAX_TXN   200000          /* transaction numbers remembered */
#define CR_ROUND     1000000         /* numbers per round: round*CR_ROUND + i */
#define CR_ROWS      1               /* tree of the transactions' rows */
#define CR_COUNTER   2               /* tree of the counter row */
#define CR_SEQ_KEY   "\0\0\0\3seq"   /* the sequence's key (tree 3) */
#define CR_SEQ_NKEY  7

static const char *zDir;             /* the database directory */
static int64_t aCommitted[CR_MAX_TXN];   /* numbers known committed */
static int nCommitted;
static int64_t iMaxSeq;              /* largest sequence value reported */

static const SeqDef crSeq = { "CRASH.SEQ", 1, 1, 1, INT64_MAX, 0 };

/* Rows written by transaction n: usually a few, sometimes many. */
static int crRowCount(int64_t n){
  return n%7==0 ? 60 + (int)(n%40) : 1 + (int)(n%5);
}

/* Key of row j of transaction n into a (14 bytes). */
static void crRowKey(unsigned char *a, int64_t n, int j){
  int i;
  a[0] = 0; a[1] = 0; a[2] = 0; a[3] = CR_ROWS;
  for(i=0; i<8; i++) a[4+i] = (unsigned char)((uint64_t)n >> (56-8*i));
  a[12] = (unsigned char)(j>>8);
  a[13] = (unsigned char)j;
}

static void crPut64(unsigned char *a, int64_t v){
  int i;
  for(i=0; i<8; i++) a[i] = (unsigned char)((uint64_t)v >> (56-8*i));
}

static int64_t crGet64(const unsigned char *a){
  uint64_t v = 0;
  int i;
  for(i=0; i<8; i++) v = (v<<8) | a[i];
  return (int64_t)v;
}

/*
** Value of row j of transaction n with sequence value s into a: n, s, j,
** then a filler whose length and bytes depend on (n, j).  Returns the size.
*/
static size_t crRowValue(unsigned char *a, int64_t n, int64_t s, int j){
  size_t nFill = 20 + (size_t)((n*7 + j*13) % 600), i;
  crPut64(a, n);
  crPut64(a+8, s);
  a[16] = (unsigned char)(j>>8);
  a[17] = (unsigned char)j;
  for(i=0; i<nFill; i++) a[18+i] = (unsigned char)(n + j + (int64_t)i);
  return 18 + nFill;
}

/* Send message (c, v) to the parent; the writer dies if it cannot. */
static void crSend(int fd, char c, int64_t v){
  unsigned char a[9];
  a[0] = (unsigned char)c;
  crPut64(a+1, v);
  if( write(fd, a, sizeof(a))!=(ssize_t)sizeof(a) ) _exit(4);
}

/* The writer child of round iRound: commits until killed. */
static int crWriter(int iRound, int fd){
  KvEnv *pEnv;
  MlError err;
  unsigned char k[14], v[700], c[5] = {0, 0, 0, CR_COUNTER, 'n'};
  int64_t n, s;
  int i, j;
  if( kvOpen(zDir, 0, &pEnv, &err) ) return 2;
  for(i=0; ; i++){
    Txn *p;
    const void *pVal;
    size_t nVal;
    int64_t nCount = 0;
    n = (int64_t)iRound*CR_ROUND + i;
    if( seqNext(pEnv, CR_SEQ_KEY, CR_SEQ_NKEY, &crSeq, &s, &err) ) return 3;
    crSend(fd, 'S', s);
    if( txnBegin(pEnv, 0, &p, &err) ) return 3;
    for(j=0; j<crRowCount(n); j++){
      crRowKey(k, n, j);
      if( txnPut(p, k, sizeof(k), v, crRowValue(v, n, s, j), &err) ) return 3;
    }
    if( txnGet(p, c, sizeof(c), TXN_POINT_READ, &pVal, &nVal, &err)==ML_OK ){
      nCount = crGet64(pVal);
    }
    crPut64(v, nCount+1);
    if( txnPut(p, c, sizeof(c), v, 8, &err) ) return 3;
    if( txnCommit(p, &err) ) return 3;
    crSend(fd, 'C', n);
  }
}

/* 1 if n is among the numbers known committed. */
static int crIsCommitted(int64_t n){
  int i;
  for(i=nCommitted-1; i>=0; i--) if( aCommitted[i]==n ) return 1;
  return 0;
}

/*
** The verifier child of round iRound, whose writer reported nRound
** commits: reopens the database and checks it (see the file header).
** Writes the number of the in-flight transaction found committed, or -1,
** to fd.  Returns the number of problems found (its exit code).
*/
static int crVerify(int iRound, int nRound, int fd){
  KvEnv *pEnv;
  Txn *p;
  TxnCursor *pCur;
  MlError err;
  unsigned char k[14], v[700], c[5] = {0, 0, 0, CR_COUNTER, 'n'};
  const void *pKey, *pVal;
  size_t nKey, nVal;
  int64_t n = -1, nPrev = -1, s = 0, sPrev = 0, nExtra = -1, nPresent = 0, sNext;
  int j = 0, nRows = 0, rc, nBad = 0, i;

  if( kvOpen(zDir, 0, &pEnv, &err) ){ fprintf(stderr, "verify: %s\n", err.zMsg); return 1; }
  if( txnBegin(pEnv, 1, &p, &err) || txnCursorOpen(p, &pCur, &err) ) return 1;
  k[0] = 0; k[1] = 0; k[2] = 0; k[3] = CR_ROWS;
  for(rc=txnCursorSeek(pCur, k, 4, KV_SEEK_GE, &err); ; rc=txnCursorNext(pCur, &err)){
    int bEnd = rc!=ML_OK;
    if( !bEnd ){
      txnCursorKey(pCur, &pKey, &nKey);
      bEnd = ((const unsigned char*)pKey)[3]!=CR_ROWS;
    }
    if( !bEnd ){
      const unsigned char *a = pKey;
      if( nKey!=14 ){ nBad++; continue; }
      n = crGet64(a+4);
      j = (a[12]<<8) | a[13];
    }
    if( bEnd || n!=nPrev ){
      /* Transaction nPrev is complete: check its row count. */
      if( nPrev>=0 ){
        nPresent++;
        if( nRows!=crRowCount(nPrev) ){
          fprintf(stderr, "verify: transaction %lld has %d of %d rows\n",
                  (long long)nPrev, nRows, crRowCount(nPrev));
          nBad++;
        }
        if( !crIsCommitted(nPrev) ){
          if( nPrev!=(int64_t)iRound*CR_ROUND + nRound || nExtra>=0 ){
            fprintf(stderr, "verify: transaction %lld present but never "
                    "reported committed\n", (long long)nPrev);
            nBad++;
          }
          nExtra = nPrev;
        }
        if( s<=sPrev || s>iMaxSeq ){
          fprintf(stderr, "verify: transaction %lld has sequence value %lld "
                  "(previous %lld, max reported %lld)\n", (long long)nPrev,
                  (long long)s, (long long)sPrev, (long long)iMaxSeq);
          nBad++;
        }
        sPrev = s;
      }
      if( bEnd ) break;
      nPrev = n;
      nRows = 0;
    }
    txnCursorValue(pCur, &pVal, &nVal);
    s = crGet64((const unsigned char*)pVal + 8);
    if( j!=nRows || nVal!=crRowValue(v, n, s, j) || memcmp(pVal, v, nVal)!=0 ){
      fprintf(stderr, "verify: row %d of transaction %lld is wrong\n", j, (long long)n);
      nBad++;
    }
    nRows++;
  }
  if( rc<0 ){ fprintf(stderr, "verify: scan failed: %s\n", err.zMsg); nBad++; }
  txnCursorClose(pCur);

  /* Every reported commit is there. */
  for(i=0; i<nCommitted; i++){
    crRowKey(k, aCommitted[i], 0);
    if( txnGet(p, k, sizeof(k), 0, &pVal, &nVal, &err)!=ML_OK ){
      fprintf(stderr, "verify: committed transaction %lld is missing\n",
              (long long)aCommitted[i]);
      nBad++;
    }
  }
  /* The counter counts the transactions present. */
  if( txnGet(p, c, sizeof(c), 0, &pVal, &nVal, &err)==ML_OK ){
    if( nVal!=8 || crGet64(pVal)!=nPresent ){
      fprintf(stderr, "verify: counter %lld, transactions %lld\n",
              (long long)crGet64(pVal), (long long)nPresent);
      nBad++;
    }
  }else if( nPresent ){
    fprintf(stderr, "verify: counter missing\n");
    nBad++;
  }
  txnRollback(p);

  /* The sequence goes on beyond everything handed out. */
  if( seqNext(pEnv, CR_SEQ_KEY, CR_SEQ_NKEY, &crSeq, &sNext, &err) ){
    fprintf(stderr, "verify: seqNext: %s\n", err.zMsg);
    nBad++;
  }else{
    if( sNext<=iMaxSeq || sNext<=sPrev ){
      fprintf(stderr, "verify: sequence value %lld repeated (max handed out %lld)\n",
              (long long)sNext, (long long)iMaxSeq);
      nBad++;
    }
    crPut64(v, sNext);
    if( write(fd, v, 8)!=8 ) nBad++;
  }
  crPut64(v, nExtra);
  if( write(fd, v, 8)!=8 ) nBad++;
  kvClose(pEnv);
  return nBad;
}

/* Read exactly n bytes from fd; 0 on success, -1 at EOF or error. */
static int crRead(int fd, unsigned char *a, size_t n){
  size_t nGot = 0;
  while( nGot<n ){
    ssize_t r = read(fd, a+nGot, n-nGot);
    if( r<0 && errno==EINTR ) continue;
    if( r<=0 ) return -1;
    nGot += (size_t)r;
  }
  return 0;
}

/*
** One round: run a writer, kill it at a random moment, verify in a new
** process.  Returns 1 if the round passed.
*/
static int crRound(int iRound){
  int fds[2], status = 0, nRound = 0, bKilled = 0, bOk = 1, bExtra = 0;
  int nKillAfter = (int)(testRandom() % 25);
  useconds_t uDelay = (useconds_t)(testRandom() % 5000);
  unsigned char a[9];
  int64_t v, sNext;
  pid_t pid;

  if( pipe(fds) ) return 0;
  fflush(0);
  pid = fork();
  if( pid==0 ){
    close(fds[0]);
    _exit(crWriter(iRound, fds[1]));
  }
  close(fds[1]);
  if( nKillAfter==0 ){
    usleep(uDelay);
    kill(pid, SIGKILL);
    bKilled = 1;
  }
  /* Messages written before the kill are true; read them all. */
  while( crRead(fds[0], a, sizeof(a))==0 ){
    v = crGet64(a+1);
    if( a[0]=='S' ){
      if( v<=iMaxSeq ){
        fprintf(stderr, "round %d: sequence value %lld handed out again\n",
                iRound, (long long)v);
        bOk = 0;
      }
      iMaxSeq = v;
    }else if( nCommitted<CR_MAX_TXN ){
      aCommitted[nCommitted++] = v;
      if( v!=(int64_t)iRound*CR_ROUND + nRound ) bOk = 0;
      nRound++;
      if( !bKilled && nRound>=nKillAfter ){
        usleep(uDelay);
        kill(pid, SIGKILL);
        bKilled = 1;
      }
    }
  }
  close(fds[0]);
  if( waitpid(pid, &status, 0)!=pid || !WIFSIGNALED(status) || WTERMSIG(status)!=SIGKILL ){
    fprintf(stderr, "round %d: the writer was not killed (status %d)\n", iRound, status);
    return 0;
  }

  if( pipe(fds) ) return 0;
  fflush(0);
  pid = fork();
  if( pid==0 ){
    close(fds[0]);
    _exit(crVerify(iRound, nRound, fds[1]) ? 1 : 0);
  }
  close(fds[1]);
  if( crRead(fds[0], a, 8)==0 ) iMaxSeq = crGet64(a);
  sNext = iMaxSeq;
  if( crRead(fds[0], a, 8)==0 && (v = crGet64(a))>=0 && nCommitted<CR_MAX_TXN ){
    aCommitted[nCommitted++] = v;     /* the in-flight one made it */
    bExtra = 1;
  }
  close(fds[0]);
  if( waitpid(pid, &status, 0)!=pid || !WIFEXITED(status) || WEXITSTATUS(status)!=0 ){
    bOk = 0;
  }
  fprintf(stderr, "round %d: killed after %d reported commits%s, %s; next sequence "
          "value %lld\n", iRound, nRound, bExtra ? " + the one in flight" : "",
          bOk ? "ok" : "FAILED", (long long)sNext);
  return bOk;
}

int main(int argc, char **argv){
  int nRounds = argc>1 ? atoi(argv[1]) : 15, i, nPass = 0, nFail = 0;
  const char *zSeed = getenv("MIMERLITE_CRASH_SEED");
  uint64_t seed = zSeed ? strtoull(zSeed, 0, 10)
                        : (uint64_t)time(0) ^ ((uint64_t)getpid()<<16);
  testSeed(seed);
  fprintf(stderr, "seed %llu (MIMERLITE_CRASH_SEED)\n", (unsigned long long)seed);
  zDir = testTempDir("txn_crash");
  for(i=0; i<nRounds; i++){
    if( crRound(i) ) nPass++; else nFail++;
  }
  printf("%d passed, %d failed\n", nPass, nFail);
  return nFail ? 1 : 0;
}
