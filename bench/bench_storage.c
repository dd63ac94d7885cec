/*
** bench_storage: mimerlite's storage and transaction layers (kv/, txn/,
** the key and record codecs) side by side with SQLite's C API, doing the
** same logical work on a table t(id BIGINT PRIMARY KEY, name VARCHAR(40),
** amount DECIMAL(12,2)).  On the mimerlite side a row is what the
** executor stores: the key keyStart(tree) + keyAppendValue(id), the value
** recordEncode() of all three columns, written through a Txn's write set;
** an insert first point-reads its key (the duplicate-key check).  On the
** SQLite side it is a real table with prepared statements; the amount is
** bound and read as exact text ("1234.56"), since SQLite has no exact
** decimal type.  Every row read is decoded column by column on both sides
** (recordDecodeColumn vs sqlite3_column_*), and each side sums ids and
** name lengths so the two can be checked against each other.
**
** Each engine runs in its own forked child, one after the other, in its
** own subdirectory of a fresh temporary directory: mimerlite (LMDB's
** default synchronous commits), SQLite with journal_mode=WAL and
** synchronous=FULL, and SQLite with its default rollback journal
** (journal_mode=DELETE, synchronous=FULL).  Both SQLite modes are as
** durable as LMDB's default; WAL is the fair comparison (one append and
** one sync per commit, like LMDB's copy-on-write pages and meta page).
** The parent prints times, ops/s and mimerlite/SQLite ratios, and each
** child's peak RSS from wait4().
**
** Usage: bench_storage [--rows N] [--quick] [--dir DIR]
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "kv/keycodec.h"
#include "kv/kv.h"
#include "kv/record.h"
#include "txn/sequence.h"
#include "txn/txn.h"
#include "types/dec45.h"

#define BENCH_TREE     100       /* tree id of table t */
#define BENCH_SEQ_TREE 101       /* tree id under which the sequence lives */
#define BENCH_NCOL     3         /* id, name, amount */
#define BENCH_NRANGE   100       /* range scans in workload W_RANGE */

/* The workloads, in the order they run (each builds on the data left). */
enum {
  W_BULK,          /* N inserts in one transaction */
  W_POINT,         /* N primary-key lookups in random order, one snapshot */
  W_SCAN,          /* full ordered scan, every column decoded */
  W_RANGE,         /* BENCH_NRANGE range scans of 1% of the keys */
  W_AUTOCOMMIT,    /* single-row inserts, one durable commit each */
  W_SEQ,           /* sequence values, one durable write each */
  W_SEQ_CACHED,    /* sequence values for N rows, from a process's blocks */
  W_UPDATE,        /* update of 10% of the rows in one transaction */
  W_COUNT
};

static const char *const azWork[W_COUNT] = {
  "bulk insert (1 txn)",
  "point lookups (random)",
  "full scan + decode",
  "range scans 1% x100",
  "autocommit inserts",
  "sequence values",
  "sequence values, cached",
  "update 10% (1 txn)",
};

/* The engines, each run in its own child process. */
enum { E_MIMERLITE, E_SQLITE_WAL, E_SQLITE_DELETE, E_COUNT };

static const char *const azEngine[E_COUNT] = {
  "mimerlite", "SQLite WAL", "SQLite DELETE",
};

/* What to run. */
typedef struct BenchCfg {
  int64_t nRow;          /* rows of the bulk insert (N) */
  int nCommit;           /* autocommit inserts and sequence values */
  char zRoot[4096];      /* temporary directory holding every database */
} BenchCfg;

/* One row's input values, prepared before any timing starts. */
typedef struct BenchRow {
  char zName[41];        /* VARCHAR(40) value */
  char zAmt[20];         /* DECIMAL(12,2) value as text, for SQLite */
  uint8_t nName;         /* bytes of zName */
  uint8_t nAmt;          /* bytes of zAmt */
  Dec45 amt;             /* the same amount parsed, for mimerlite */
} BenchRow;

/* Inputs shared by every engine (identical in every child). */
typedef struct BenchData {
  BenchRow *aRow;        /* aRow[id-1] for ids 1 .. nRow+nCommit */
  int64_t *aPerm;        /* ids 1..nRow in random order */
  BenchRow *aUpd;        /* new amounts for the updated rows */
  int64_t nUpd;          /* rows updated: nRow/10; ids aPerm[0..nUpd) */
  int64_t aRangeLo[BENCH_NRANGE];   /* first id of each range scan */
  int64_t nSpan;         /* ids per range scan: nRow/100 */
} BenchData;

/* What a child reports to the parent through a pipe. */
typedef struct EngineResult {
  int ok;                        /* 1 if every workload ran */
  double aSec[W_COUNT];          /* wall-clock seconds per workload */
  int64_t aOps[W_COUNT];         /* rows, lookups, commits or values */
  uint64_t aCheck[W_COUNT];      /* sum of ids and name lengths seen */
  double dBulkCommit;            /* seconds of the bulk insert's COMMIT */
  long nRssFileKb;               /* file-backed resident KB before closing */
  int64_t nDiskBytes;            /* bytes of the database files at the end */
} EngineResult;

/* Seconds on the monotonic clock. */
static double benchNow(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec*1e-9;
}

/*
** The calling process's file-backed resident set in KB (RssFile in
** /proc/self/status: LMDB's mapped pages), or -1 where unavailable.
*/
static long benchRssFileKb(void){
  char zLine[256];
  long n = -1;
  FILE *pIn = fopen("/proc/self/status", "r");
  if( !pIn ) return -1;
  while( fgets(zLine, sizeof(zLine), pIn) ){
    if( sscanf(zLine, "RssFile: %ld", &n)==1 ) break;
  }
  fclose(pIn);
  return n;
}

/* Total size in bytes of the regular files in directory zDir. */
static int64_t benchDirBytes(const char *zDir){
  int64_t n = 0;
  struct dirent *pEnt;
  DIR *pDir = opendir(zDir);
  if( !pDir ) return -1;
  while( (pEnt = readdir(pDir))!=0 ){
    struct stat st;
    if( fstatat(dirfd(pDir), pEnt->d_name, &st, 0)==0 && S_ISREG(st.st_mode) ){
      n += st.st_size;
    }
  }
  closedir(pDir);
  return n;
}

/* A 64-bit mix (splitmix64) used for every pseudo-random choice. */
static uint64_t benchMix(uint64_t x){
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x>>30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x>>27)) * 0x94D049BB133111EBull;
  return x ^ (x>>31);
}

/* Print a failure and end the child process. */
static void benchDie(const char *zWhat, int rc, const char *zMsg){
  fprintf(stderr, "bench_storage: %s failed (%d): %s\n", zWhat, rc, zMsg ? zMsg : "");
  exit(1);
}

/*
** Fill p with the values of row `seed`: a name of 8..40 Latin-1
** characters and an amount of 0.00 .. 9999999.99 as text and as Dec45.
*/
static void benchMakeRow(BenchRow *p, uint64_t seed){
  uint64_t h = benchMix(seed);
  int n = 8 + (int)(h % 33), i;
  int64_t cents = (int64_t)((h>>8) % 1000000000ull);
  int rc;
  i = snprintf(p->zName, sizeof(p->zName), "cust%" PRIu64 "-", seed % 10000000u);
  for(; i<n; i++) p->zName[i] = (char)('a' + (benchMix(h + (uint64_t)i) % 26));
  p->zName[n] = 0;
  p->nName = (uint8_t)n;
  p->nAmt = (uint8_t)snprintf(p->zAmt, sizeof(p->zAmt), "%" PRId64 ".%02d",
                              cents/100, (int)(cents%100));
  rc = dec45Parse(&p->amt, p->zAmt, p->nAmt, 0, 0);
  if( rc ) benchDie("dec45Parse", rc, p->zAmt);
}

/* Prepare every input for cfg; the same in every child. */
static void benchMakeData(const BenchCfg *pCfg, BenchData *p){
  int64_t n = pCfg->nRow, nAll = pCfg->nRow + pCfg->nCommit, i;
  p->aRow = malloc(sizeof(BenchRow)*(size_t)nAll);
  p->aPerm = malloc(sizeof(int64_t)*(size_t)n);
  p->nUpd = n/10;
  p->aUpd = malloc(sizeof(BenchRow)*(size_t)(p->nUpd ? p->nUpd : 1));
  if( !p->aRow || !p->aPerm || !p->aUpd ) benchDie("malloc", ML_E_NOMEM, "inputs");
  for(i=0; i<nAll; i++) benchMakeRow(&p->aRow[i], (uint64_t)i + 1);
  for(i=0; i<n; i++) p->aPerm[i] = i + 1;
  for(i=n-1; i>0; i--){
    int64_t j = (int64_t)(benchMix((uint64_t)i ^ 0x5EEDull) % (uint64_t)(i+1));
    int64_t t = p->aPerm[i];
    p->aPerm[i] = p->aPerm[j];
    p->aPerm[j] = t;
  }
  for(i=0; i<p->nUpd; i++) benchMakeRow(&p->aUpd[i], (uint64_t)(nAll + i) + 1);
  p->nSpan = n/100 ? n/100 : 1;
  for(i=0; i<BENCH_NRANGE; i++){
    p->aRangeLo[i] = 1 + (int64_t)(benchMix((uint64_t)i ^ 0xA5A5ull)
                                   % (uint64_t)(n - p->nSpan + 1));
  }
}

/* ------------------------------------------------------------------ */
/* mimerlite: kv/ + txn/ + key and record codecs                      */

/* Declared types of t's columns: BIGINT, VARCHAR(40), DECIMAL(12,2). */
static const SqlType aMlType[BENCH_NCOL] = {
  { SQLT_BIGINT, 0, 0, 0, 0 },
  { SQLT_VARCHAR, 0, 0, 0, 40 },
  { SQLT_DECIMAL, 0, 12, 2, 0 },
};

/* Check an ML_* result: anything but ML_OK or `okAlso` ends the child. */
static void mlCheck(int rc, int okAlso, const MlError *pErr, const char *zWhat){
  if( rc!=ML_OK && rc!=okAlso ){
    benchDie(zWhat, rc, rc<0 && pErr ? pErr->zMsg : "unexpected result");
  }
}

/* Set pKey to the primary key of row id: tree id, then the BIGINT. */
static void mlKey(StrBuf *pKey, int64_t id){
  Value v;
  int rc;
  memset(&v, 0, sizeof(v));
  v.type = SQLT_BIGINT;
  v.u.i = id;
  keyStart(pKey, BENCH_TREE);
  rc = keyAppendValue(pKey, &v, &aMlType[0], 0);
  if( rc==ML_OK ) rc = keyFinish(pKey, 0);
  mlCheck(rc, ML_OK, 0, "key encoding");
}

/* Set pRec to the record of row (id, name and amount of pRow). */
static void mlRecord(StrBuf *pRec, int64_t id, const BenchRow *pRow){
  Value a[BENCH_NCOL];
  int rc;
  memset(a, 0, sizeof(a));
  a[0].type = SQLT_BIGINT;
  a[0].u.i = id;
  a[1].type = SQLT_VARCHAR;
  a[1].u.s.z = pRow->zName;
  a[1].u.s.n = pRow->nName;
  a[2].type = SQLT_DECIMAL;
  a[2].u.dec = pRow->amt;
  strbufReset(pRec);
  rc = recordEncode(pRec, BENCH_NCOL, aMlType, a);
  mlCheck(rc, ML_OK, 0, "recordEncode");
}

/*
** Insert row id into p as the executor does: encode key and record,
** point-read the key (duplicate check, joins the read set), put.
*/
static void mlInsert(Txn *p, StrBuf *pKey, StrBuf *pRec, int64_t id,
                     const BenchRow *pRow){
  MlError err;
  const void *pV;
  size_t nV;
  int rc;
  mlKey(pKey, id);
  mlRecord(pRec, id, pRow);
  rc = txnGet(p, pKey->a, pKey->n, TXN_POINT_READ, &pV, &nV, &err);
  if( rc==ML_OK ) benchDie("insert", rc, "duplicate key");
  mlCheck(rc, ML_NOTFOUND, &err, "txnGet");
  rc = txnPut(p, pKey->a, pKey->n, pRec->a, pRec->n, &err);
  mlCheck(rc, ML_OK, &err, "txnPut");
}

/* Decode every column of a record; return id + bytes of name (+2^40 if the
** amount lost its scale of 2, which would show as a mismatch). */
static uint64_t mlDecode(const void *pRec, size_t nRec){
  Value a[BENCH_NCOL];
  int i, rc;
  for(i=0; i<BENCH_NCOL; i++){
    rc = recordDecodeColumn(pRec, nRec, i, &aMlType[i], &a[i]);
    mlCheck(rc, ML_OK, 0, "recordDecodeColumn");
  }
  return (uint64_t)a[0].u.i + a[1].u.s.n + (a[2].u.dec.exponent==-2 ? 0 : 1ull<<40);
}

/*
** Visit the rows with keys in [lo, hi) of snapshot p in key order,
** decoding each; return the check sum and add the rows to *pnRow.
*/
static uint64_t mlScan(Txn *p, const void *pLo, size_t nLo,
                       const void *pHi, size_t nHi, int64_t *pnRow){
  TxnCursor *pCur;
  MlError err;
  uint64_t sum = 0;
  int rc = txnCursorOpen(p, &pCur, &err);
  mlCheck(rc, ML_OK, &err, "txnCursorOpen");
  rc = txnCursorSeek(pCur, pLo, nLo, KV_SEEK_GE, &err);
  mlCheck(rc, ML_NOTFOUND, &err, "txnCursorSeek");
  while( rc==ML_OK ){
    const void *pK, *pV;
    size_t nK, nV;
    txnCursorKey(pCur, &pK, &nK);
    if( kvKeyCompare(pK, nK, pHi, nHi)>=0 ) break;
    txnCursorValue(pCur, &pV, &nV);
    sum += mlDecode(pV, nV);
    (*pnRow)++;
    rc = txnCursorNext(pCur, &err);
    mlCheck(rc, ML_DONE, &err, "txnCursorNext");
  }
  txnCursorClose(pCur);
  return sum;
}

/* Run every workload on mimerlite in directory zDir. */
static void mlRun(const BenchCfg *pCfg, const BenchData *pD, const char *zDir,
                  EngineResult *pRes){
  KvEnv *pEnv;
  Txn *p;
  MlError err;
  unsigned char aK[64], aR[128], aK2[64], aEnd[KEY_TREEID_SIZE];
  StrBuf key, rec, key2;
  const void *pV;
  size_t nV;
  double t0, t1;
  int64_t n = pCfg->nRow, i;
  int rc;

  strbufInit(&key, aK, sizeof(aK));
  strbufInit(&key2, aK2, sizeof(aK2));
  strbufInit(&rec, aR, sizeof(aR));
  rc = kvOpen(zDir, KV_OPEN_CREATE, &pEnv, &err);
  mlCheck(rc, ML_OK, &err, "kvOpen");

  /* (1) bulk insert of N rows in one transaction. */
  t0 = benchNow();
  rc = txnBegin(pEnv, 0, &p, &err);
  mlCheck(rc, ML_OK, &err, "txnBegin");
  for(i=1; i<=n; i++) mlInsert(p, &key, &rec, i, &pD->aRow[i-1]);
  t1 = benchNow();
  rc = txnCommit(p, &err);
  mlCheck(rc, ML_OK, &err, "txnCommit");
  pRes->aSec[W_BULK] = benchNow() - t0;
  pRes->dBulkCommit = benchNow() - t1;
  pRes->aOps[W_BULK] = n;

  /* (2) N point lookups in random order, one read-only snapshot. */
  t0 = benchNow();
  rc = txnBegin(pEnv, 1, &p, &err);
  mlCheck(rc, ML_OK, &err, "txnBegin");
  for(i=0; i<n; i++){
    mlKey(&key, pD->aPerm[i]);
    rc = txnGet(p, key.a, key.n, 0, &pV, &nV, &err);
    mlCheck(rc, ML_OK, &err, "txnGet");
    pRes->aCheck[W_POINT] += mlDecode(pV, nV);
  }
  rc = txnCommit(p, &err);
  mlCheck(rc, ML_OK, &err, "txnCommit");
  pRes->aSec[W_POINT] = benchNow() - t0;
  pRes->aOps[W_POINT] = n;

  /* (3) full ordered scan of the table. */
  t0 = benchNow();
  rc = txnBegin(pEnv, 1, &p, &err);
  mlCheck(rc, ML_OK, &err, "txnBegin");
  keyStart(&key, BENCH_TREE);
  rc = keyTreeEnd(BENCH_TREE, aEnd);
  mlCheck(rc, ML_OK, 0, "keyTreeEnd");
  pRes->aCheck[W_SCAN] = mlScan(p, key.a, key.n, aEnd, sizeof(aEnd), &pRes->aOps[W_SCAN]);
  rc = txnCommit(p, &err);
  mlCheck(rc, ML_OK, &err, "txnCommit");
  pRes->aSec[W_SCAN] = benchNow() - t0;

  /* (4) range scans of 1% of the keys. */
  t0 = benchNow();
  rc = txnBegin(pEnv, 1, &p, &err);
  mlCheck(rc, ML_OK, &err, "txnBegin");
  for(i=0; i<BENCH_NRANGE; i++){
    mlKey(&key, pD->aRangeLo[i]);
    mlKey(&key2, pD->aRangeLo[i] + pD->nSpan);
    pRes->aCheck[W_RANGE] += mlScan(p, key.a, key.n, key2.a, key2.n,
                                    &pRes->aOps[W_RANGE]);
  }
  rc = txnCommit(p, &err);
  mlCheck(rc, ML_OK, &err, "txnCommit");
  pRes->aSec[W_RANGE] = benchNow() - t0;

  /* (5) single-row inserts, each its own durable transaction. */
  t0 = benchNow();
  for(i=n+1; i<=n+pCfg->nCommit; i++){
    rc = txnBegin(pEnv, 0, &p, &err);
    mlCheck(rc, ML_OK, &err, "txnBegin");
    mlInsert(p, &key, &rec, i, &pD->aRow[i-1]);
    rc = txnCommit(p, &err);
    mlCheck(rc, ML_OK, &err, "txnCommit");
  }
  pRes->aSec[W_AUTOCOMMIT] = benchNow() - t0;
  pRes->aOps[W_AUTOCOMMIT] = pCfg->nCommit;

  /* (6) sequence values: seqNext() commits each one durably. */
  {
    static const SeqDef def = { "BENCH.S", 1, 1, 1, INT64_MAX, 0 };
    int64_t v;
    keyStart(&key2, BENCH_SEQ_TREE);
    strbufAppend(&key2, "S", 1);
    t0 = benchNow();
    for(i=1; i<=pCfg->nCommit; i++){
      rc = seqNext(pEnv, key2.a, key2.n, &def, &v, &err);
      mlCheck(rc, ML_OK, &err, "seqNext");
      if( v!=i ) benchDie("seqNext", ML_E_INTERNAL, "unexpected value");
      pRes->aCheck[W_SEQ] += (uint64_t)v;
    }
    pRes->aSec[W_SEQ] = benchNow() - t0;
    pRes->aOps[W_SEQ] = pCfg->nCommit;
  }

  /* (6b) N values as a bulk insert's keys take them: from the process's
  ** blocks (SeqCache, what NEXT VALUE FOR uses), one durable write per
  ** block of up to 1024. */
  {
    static const SeqDef def = { "BENCH.C", 1, 1, 1, INT64_MAX, 0 };
    SeqCache cache;
    int64_t v;
    seqCacheInit(&cache);
    keyStart(&key2, BENCH_SEQ_TREE);
    strbufAppend(&key2, "C", 1);
    t0 = benchNow();
    for(i=1; i<=pCfg->nRow; i++){
      rc = seqCacheNext(&cache, pEnv, 1, key2.a, key2.n, &def, &v, &err);
      mlCheck(rc, ML_OK, &err, "seqCacheNext");
      if( v!=i ) benchDie("seqCacheNext", ML_E_INTERNAL, "unexpected value");
      pRes->aCheck[W_SEQ_CACHED] += (uint64_t)v;
    }
    pRes->aSec[W_SEQ_CACHED] = benchNow() - t0;
    pRes->aOps[W_SEQ_CACHED] = pCfg->nRow;
    seqCacheFree(&cache);
  }

  /* (7) update the amount of 10% of the rows (random order), one txn. */
  t0 = benchNow();
  rc = txnBegin(pEnv, 0, &p, &err);
  mlCheck(rc, ML_OK, &err, "txnBegin");
  for(i=0; i<pD->nUpd; i++){
    Value a[BENCH_NCOL];
    mlKey(&key, pD->aPerm[i]);
    rc = txnGet(p, key.a, key.n, 0, &pV, &nV, &err);
    mlCheck(rc, ML_OK, &err, "txnGet");
    rc = recordDecodeAll(pV, nV, BENCH_NCOL, aMlType, a, 0);
    mlCheck(rc, ML_OK, 0, "recordDecodeAll");
    a[2].u.dec = pD->aUpd[i].amt;
    strbufReset(&rec);
    rc = recordEncode(&rec, BENCH_NCOL, aMlType, a);
    mlCheck(rc, ML_OK, 0, "recordEncode");
    rc = txnPut(p, key.a, key.n, rec.a, rec.n, &err);
    mlCheck(rc, ML_OK, &err, "txnPut");
    pRes->aCheck[W_UPDATE] += (uint64_t)a[0].u.i + a[1].u.s.n;
  }
  rc = txnCommit(p, &err);
  mlCheck(rc, ML_OK, &err, "txnCommit");
  pRes->aSec[W_UPDATE] = benchNow() - t0;
  pRes->aOps[W_UPDATE] = pD->nUpd;

  strbufFree(&key);
  strbufFree(&key2);
  strbufFree(&rec);
  pRes->nRssFileKb = benchRssFileKb();
  kvClose(pEnv);
  pRes->nDiskBytes = benchDirBytes(zDir);
  pRes->ok = 1;
}

/* ------------------------------------------------------------------ */
/* SQLite: the same work through its C API                            */

/* Check an SQLite result: anything but `want` ends the child. */
static void sqlCheck(sqlite3 *db, int rc, int want, const char *zWhat){
  if( rc!=want ) benchDie(zWhat, rc, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

/* Run one SQL statement without results. */
static void sqlExec(sqlite3 *db, const char *zSql){
  int rc = sqlite3_exec(db, zSql, 0, 0, 0);
  sqlCheck(db, rc, SQLITE_OK, zSql);
}

/* Prepare zSql on db (kept for the connection's life). */
static sqlite3_stmt *sqlPrepare(sqlite3 *db, const char *zSql){
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v3(db, zSql, -1, SQLITE_PREPARE_PERSISTENT, &pStmt, 0);
  sqlCheck(db, rc, SQLITE_OK, zSql);
  return pStmt;
}

/* Bind and run the INSERT of row id, then reset the statement. */
static void sqlInsert(sqlite3 *db, sqlite3_stmt *pIns, int64_t id, const BenchRow *pRow){
  int rc = sqlite3_bind_int64(pIns, 1, id);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pIns, 2, pRow->zName, pRow->nName, SQLITE_STATIC);
  if( rc==SQLITE_OK ) rc = sqlite3_bind_text(pIns, 3, pRow->zAmt, pRow->nAmt, SQLITE_STATIC);
  sqlCheck(db, rc, SQLITE_OK, "bind");
  rc = sqlite3_step(pIns);
  sqlCheck(db, rc, SQLITE_DONE, "insert");
  rc = sqlite3_reset(pIns);
  sqlCheck(db, rc, SQLITE_OK, "reset");
}

/*
** Step pStmt (a SELECT id, name, amount) to the end, reading every
** column; return id + bytes of name summed, and add the rows to *pnRow.
*/
static uint64_t sqlRows(sqlite3 *db, sqlite3_stmt *pStmt, int64_t *pnRow){
  uint64_t sum = 0;
  int rc;
  while( (rc = sqlite3_step(pStmt))==SQLITE_ROW ){
    int64_t id = sqlite3_column_int64(pStmt, 0);
    const unsigned char *zName = sqlite3_column_text(pStmt, 1);
    int nName = sqlite3_column_bytes(pStmt, 1);
    const unsigned char *zAmt = sqlite3_column_text(pStmt, 2);
    int nAmt = sqlite3_column_bytes(pStmt, 2);
    if( !zName || !zAmt || nAmt<4 ) benchDie("select", rc, "bad row");
    sum += (uint64_t)id + (uint64_t)nName + (zAmt[nAmt-3]=='.' ? 0 : 1ull<<40);
    (*pnRow)++;
  }
  sqlCheck(db, rc, SQLITE_DONE, "select");
  rc = sqlite3_reset(pStmt);
  sqlCheck(db, rc, SQLITE_OK, "reset");
  return sum;
}

/*
** n AUTOINCREMENT inserts through pStmt (INSERT ... DEFAULT VALUES on a
** fresh table), each key checked to be the next; returns their sum.
*/
static uint64_t sqlSequence(sqlite3 *db, sqlite3_stmt *pStmt, int64_t n){
  uint64_t sum = 0;
  int64_t i;
  for(i=1; i<=n; i++){
    int64_t v;
    sqlCheck(db, sqlite3_step(pStmt), SQLITE_DONE, "insert DEFAULT VALUES");
    sqlCheck(db, sqlite3_reset(pStmt), SQLITE_OK, "reset");
    v = sqlite3_last_insert_rowid(db);
    if( v!=i ) benchDie("sequence", 0, "unexpected value");
    sum += (uint64_t)v;
  }
  return sum;
}

/* Run every workload on SQLite in directory zDir; bWal picks the journal. */
static void sqlRun(const BenchCfg *pCfg, const BenchData *pD, const char *zDir,
                   int bWal, EngineResult *pRes){
  sqlite3 *db = 0;
  sqlite3_stmt *pIns, *pGet, *pRange, *pSeq, *pSeq2, *pUpd;
  char zPath[4300];
  double t0, t1;
  int64_t n = pCfg->nRow, i, nRow;
  int rc;

  snprintf(zPath, sizeof(zPath), "%s/bench.db", zDir);
  rc = sqlite3_open_v2(zPath, &db, SQLITE_OPEN_READWRITE|SQLITE_OPEN_CREATE, 0);
  sqlCheck(db, rc, SQLITE_OK, "sqlite3_open_v2");
  sqlExec(db, bWal ? "PRAGMA journal_mode=WAL" : "PRAGMA journal_mode=DELETE");
  sqlExec(db, "PRAGMA synchronous=FULL");
  sqlExec(db, "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, amount TEXT)");
  sqlExec(db, "CREATE TABLE seq(id INTEGER PRIMARY KEY AUTOINCREMENT)");
  sqlExec(db, "CREATE TABLE seq2(id INTEGER PRIMARY KEY AUTOINCREMENT)");
  pIns = sqlPrepare(db, "INSERT INTO t(id, name, amount) VALUES(?1, ?2, ?3)");
  pGet = sqlPrepare(db, "SELECT id, name, amount FROM t WHERE id=?1");
  pRange = sqlPrepare(db, "SELECT id, name, amount FROM t WHERE id>=?1 AND id<?2 ORDER BY id");
  pSeq = sqlPrepare(db, "INSERT INTO seq DEFAULT VALUES");
  pSeq2 = sqlPrepare(db, "INSERT INTO seq2 DEFAULT VALUES");
  pUpd = sqlPrepare(db, "UPDATE t SET amount=?1 WHERE id=?2");

  /* (1) bulk insert. */
  t0 = benchNow();
  sqlExec(db, "BEGIN");
  for(i=1; i<=n; i++) sqlInsert(db, pIns, i, &pD->aRow[i-1]);
  t1 = benchNow();
  sqlExec(db, "COMMIT");
  pRes->aSec[W_BULK] = benchNow() - t0;
  pRes->dBulkCommit = benchNow() - t1;
  pRes->aOps[W_BULK] = n;

  /* (2) point lookups in one read transaction. */
  t0 = benchNow();
  sqlExec(db, "BEGIN");
  for(i=0; i<n; i++){
    rc = sqlite3_bind_int64(pGet, 1, pD->aPerm[i]);
    sqlCheck(db, rc, SQLITE_OK, "bind");
    nRow = 0;
    pRes->aCheck[W_POINT] += sqlRows(db, pGet, &nRow);
    if( nRow!=1 ) benchDie("point lookup", 0, "row missing");
  }
  sqlExec(db, "COMMIT");
  pRes->aSec[W_POINT] = benchNow() - t0;
  pRes->aOps[W_POINT] = n;

  /* (3) full ordered scan (prepared outside the timing like the others). */
  {
    sqlite3_stmt *pAll = sqlPrepare(db, "SELECT id, name, amount FROM t ORDER BY id");
    t0 = benchNow();
    sqlExec(db, "BEGIN");
    pRes->aCheck[W_SCAN] = sqlRows(db, pAll, &pRes->aOps[W_SCAN]);
    sqlExec(db, "COMMIT");
    pRes->aSec[W_SCAN] = benchNow() - t0;
    sqlite3_finalize(pAll);
  }

  /* (4) range scans. */
  t0 = benchNow();
  sqlExec(db, "BEGIN");
  for(i=0; i<BENCH_NRANGE; i++){
    rc = sqlite3_bind_int64(pRange, 1, pD->aRangeLo[i]);
    if( rc==SQLITE_OK ) rc = sqlite3_bind_int64(pRange, 2, pD->aRangeLo[i] + pD->nSpan);
    sqlCheck(db, rc, SQLITE_OK, "bind");
    pRes->aCheck[W_RANGE] += sqlRows(db, pRange, &pRes->aOps[W_RANGE]);
  }
  sqlExec(db, "COMMIT");
  pRes->aSec[W_RANGE] = benchNow() - t0;

  /* (5) autocommit inserts. */
  t0 = benchNow();
  for(i=n+1; i<=n+pCfg->nCommit; i++) sqlInsert(db, pIns, i, &pD->aRow[i-1]);
  pRes->aSec[W_AUTOCOMMIT] = benchNow() - t0;
  pRes->aOps[W_AUTOCOMMIT] = pCfg->nCommit;

  /* (6) "sequence": an AUTOINCREMENT insert committed on its own. */
  t0 = benchNow();
  pRes->aCheck[W_SEQ] = sqlSequence(db, pSeq, pCfg->nCommit);
  pRes->aSec[W_SEQ] = benchNow() - t0;
  pRes->aOps[W_SEQ] = pCfg->nCommit;

  /* (6b) N AUTOINCREMENT keys taken in one transaction. */
  t0 = benchNow();
  sqlExec(db, "BEGIN");
  pRes->aCheck[W_SEQ_CACHED] = sqlSequence(db, pSeq2, pCfg->nRow);
  sqlExec(db, "COMMIT");
  pRes->aSec[W_SEQ_CACHED] = benchNow() - t0;
  pRes->aOps[W_SEQ_CACHED] = pCfg->nRow;

  /* (7) update 10% of the rows in one transaction. */
  t0 = benchNow();
  sqlExec(db, "BEGIN");
  for(i=0; i<pD->nUpd; i++){
    const BenchRow *pRow = &pD->aUpd[i];
    rc = sqlite3_bind_text(pUpd, 1, pRow->zAmt, pRow->nAmt, SQLITE_STATIC);
    if( rc==SQLITE_OK ) rc = sqlite3_bind_int64(pUpd, 2, pD->aPerm[i]);
    sqlCheck(db, rc, SQLITE_OK, "bind");
    rc = sqlite3_step(pUpd);
    sqlCheck(db, rc, SQLITE_DONE, "update");
    if( sqlite3_changes(db)!=1 ) benchDie("update", 0, "row missing");
    rc = sqlite3_reset(pUpd);
    sqlCheck(db, rc, SQLITE_OK, "reset");
    pRes->aCheck[W_UPDATE] += (uint64_t)pD->aPerm[i]
                            + pD->aRow[pD->aPerm[i]-1].nName;
  }
  sqlExec(db, "COMMIT");
  pRes->aSec[W_UPDATE] = benchNow() - t0;
  pRes->aOps[W_UPDATE] = pD->nUpd;

  sqlite3_finalize(pIns);
  sqlite3_finalize(pGet);
  sqlite3_finalize(pRange);
  sqlite3_finalize(pSeq);
  sqlite3_finalize(pSeq2);
  sqlite3_finalize(pUpd);
  pRes->nRssFileKb = benchRssFileKb();
  rc = sqlite3_close(db);
  sqlCheck(0, rc, SQLITE_OK, "sqlite3_close");
  pRes->nDiskBytes = benchDirBytes(zDir);
  pRes->ok = 1;
}

/* ------------------------------------------------------------------ */
/* Driver: one child per engine, results through a pipe               */

/*
** Run engine e in a child process on a fresh subdirectory of the root;
** fill *pRes and *pnRssKb (the child's peak resident set, from wait4).
** Returns 0, or -1 if the child failed.
*/
static int benchEngine(const BenchCfg *pCfg, int e, EngineResult *pRes, long *pnRssKb){
  char zDir[4200];
  int aFd[2], status = 0;
  struct rusage ru;
  pid_t pid;
  ssize_t nRead;

  snprintf(zDir, sizeof(zDir), "%s/e%d", pCfg->zRoot, e);
  if( mkdir(zDir, 0700) || pipe(aFd) ){
    fprintf(stderr, "bench_storage: %s: %s\n", zDir, strerror(errno));
    return -1;
  }
  fflush(stdout);
  pid = fork();
  if( pid<0 ){
    fprintf(stderr, "bench_storage: fork: %s\n", strerror(errno));
    return -1;
  }
  if( pid==0 ){
    EngineResult res;
    BenchData d;
    close(aFd[0]);
    memset(&res, 0, sizeof(res));
    benchMakeData(pCfg, &d);
    if( e==E_MIMERLITE ){
      mlRun(pCfg, &d, zDir, &res);
    }else{
      sqlRun(pCfg, &d, zDir, e==E_SQLITE_WAL, &res);
    }
    if( write(aFd[1], &res, sizeof(res))!=(ssize_t)sizeof(res) ) _exit(1);
    _exit(0);
  }
  close(aFd[1]);
  memset(pRes, 0, sizeof(*pRes));
  nRead = read(aFd[0], pRes, sizeof(*pRes));
  close(aFd[0]);
  if( wait4(pid, &status, 0, &ru)!=pid ) return -1;
  *pnRssKb = ru.ru_maxrss;
  if( nRead!=(ssize_t)sizeof(*pRes) || !WIFEXITED(status)
   || WEXITSTATUS(status)!=0 || !pRes->ok ){
    fprintf(stderr, "bench_storage: %s run failed\n", azEngine[e]);
    return -1;
  }
  return 0;
}

/* nftw() callback: remove one entry of the temporary tree. */
static int benchRemove(const char *zPath, const struct stat *pSt, int type, struct FTW *pFtw){
  (void)pSt; (void)type; (void)pFtw;
  return remove(zPath);
}

/* Format n per second compactly (e.g. "1.23M/s") into z. */
static void benchRate(char *z, size_t nz, double rate){
  if( rate>=1e6 ) snprintf(z, nz, "%.2fM/s", rate/1e6);
  else if( rate>=1e3 ) snprintf(z, nz, "%.1fk/s", rate/1e3);
  else snprintf(z, nz, "%.0f/s", rate);
}

/* Print the table of results and the cross-check of the engines' sums. */
static void benchReport(const EngineResult *aRes, const long *anRss){
  int w, e;
  printf("\n%-24s %9s | %-18s | %-18s %6s | %-18s %6s\n", "workload", "ops",
         "mimerlite", "SQLite WAL", "ratio", "SQLite DELETE", "ratio");
  for(w=0; w<W_COUNT; w++){
    char az[E_COUNT][40];
    for(e=0; e<E_COUNT; e++){
      char zRate[20];
      benchRate(zRate, sizeof(zRate), (double)aRes[e].aOps[w]/aRes[e].aSec[w]);
      snprintf(az[e], sizeof(az[e]), "%7.3fs %9s", aRes[e].aSec[w], zRate);
    }
    printf("%-24s %9" PRId64 " | %-18s | %-18s %6.2f | %-18s %6.2f\n",
           azWork[w], aRes[0].aOps[w], az[0], az[1],
           aRes[0].aSec[w]/aRes[1].aSec[w], az[2], aRes[0].aSec[w]/aRes[2].aSec[w]);
  }
  printf("ratio = mimerlite time / SQLite time (above 1: mimerlite slower)\n");
  printf("bulk insert COMMIT alone: mimerlite %.3fs, SQLite WAL %.3fs, SQLite DELETE %.3fs\n",
         aRes[0].dBulkCommit, aRes[1].dBulkCommit, aRes[2].dBulkCommit);
  printf("peak RSS (each engine in its own process, inputs included; file-backed before closing):\n");
  for(e=0; e<E_COUNT; e++){
    printf("  %-14s %6.1f MB (%.1f MB file-backed); files on disk after closing %.1f MB\n",
           azEngine[e], anRss[e]/1024.0, aRes[e].nRssFileKb/1024.0,
           (double)aRes[e].nDiskBytes/(1024.0*1024.0));
  }
  for(w=0; w<W_COUNT; w++){
    for(e=1; e<E_COUNT; e++){
      if( aRes[e].aCheck[w]!=aRes[0].aCheck[w] || aRes[e].aOps[w]!=aRes[0].aOps[w] ){
        printf("WARNING: %s saw different rows in \"%s\"\n", azEngine[e], azWork[w]);
      }
    }
  }
}

/* Print the usage line and exit with status rc. */
static void benchUsage(int rc){
  fprintf(rc ? stderr : stdout,
          "usage: bench_storage [--rows N] [--quick] [--dir DIR]\n"
          "  --rows N   rows of the bulk insert (default 200000)\n"
          "  --quick    20000 rows (unless --rows), 100 autocommit inserts and sequence values\n"
          "  --dir DIR  where to create the temporary databases (default $TMPDIR or /tmp;\n"
          "             must be a real disk for the durable-commit figures to mean anything)\n");
  exit(rc);
}

int main(int argc, char **argv){
  BenchCfg cfg;
  EngineResult aRes[E_COUNT];
  long anRss[E_COUNT];
  const char *zBase = getenv("TMPDIR");
  double aLoad[3];
  int64_t nRowArg = 0;           /* --rows, which wins over --quick */
  int i, e, rc = 0;

  memset(&cfg, 0, sizeof(cfg));
  cfg.nRow = 200000;
  cfg.nCommit = 1000;
  if( !zBase || !zBase[0] ) zBase = "/tmp";
  for(i=1; i<argc; i++){
    if( strcmp(argv[i], "--rows")==0 && i+1<argc ){
      nRowArg = strtoll(argv[++i], 0, 10);
    }else if( strcmp(argv[i], "--quick")==0 ){
      cfg.nRow = 20000;
      cfg.nCommit = 100;
    }else if( strcmp(argv[i], "--dir")==0 && i+1<argc ){
      zBase = argv[++i];
    }else{
      benchUsage(strcmp(argv[i], "--help")==0 ? 0 : 2);
    }
  }
  if( nRowArg ) cfg.nRow = nRowArg;
  if( cfg.nRow<100 || cfg.nRow>100000000 ){
    fprintf(stderr, "bench_storage: --rows must be between 100 and 100000000\n");
    return 2;
  }
  snprintf(cfg.zRoot, sizeof(cfg.zRoot), "%s/bench_storage.XXXXXX", zBase);
  if( !mkdtemp(cfg.zRoot) ){
    fprintf(stderr, "bench_storage: mkdtemp %s: %s\n", cfg.zRoot, strerror(errno));
    return 1;
  }
  if( getloadavg(aLoad, 3)!=3 ) aLoad[0] = aLoad[1] = aLoad[2] = -1;
  printf("bench_storage: %" PRId64 " rows, %d durable single commits, SQLite %s, in %s\n",
         cfg.nRow, cfg.nCommit, sqlite3_libversion(), cfg.zRoot);
  printf("load average before: %.2f %.2f %.2f, %ld CPUs online\n",
         aLoad[0], aLoad[1], aLoad[2], sysconf(_SC_NPROCESSORS_ONLN));
  for(e=0; e<E_COUNT && rc==0; e++){
    printf("running %s ...\n", azEngine[e]);
    rc = benchEngine(&cfg, e, &aRes[e], &anRss[e]);
  }
  nftw(cfg.zRoot, benchRemove, 16, FTW_DEPTH|FTW_PHYS);
  if( rc ) return 1;
  benchReport(aRes, anRss);
  if( getloadavg(aLoad, 3)==3 ){
    printf("load average after: %.2f %.2f %.2f\n", aLoad[0], aLoad[1], aLoad[2]);
  }
  return 0;
}
