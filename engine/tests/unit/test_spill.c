/*
** Memory budgets of the materialising operators: with a small
** MIMERLITE_SORT_MEMORY, ORDER BY over more rows than fit must spill
** sorted runs to temporary files in TMPDIR and merge them (exec/sort.c),
** GROUP BY with more groups than fit must spill partial groups and merge
** them (exec/aggregate.c), GROUP BY with ORDER BY must still group and
** order correctly, and a hash
** join whose build side exceeds the budget must join block by block
** (exec/hashjoin.c), DISTINCT and UNION / EXCEPT / INTERSECT [ALL] over
** more distinct rows than fit must spill sorted runs and merge them
** (exec/distinct.c, exec/setop.c), COUNT and SUM with DISTINCT must spill
** their arguments per group and deduplicate them in the merge
** (exec/aggregate.c) -- all with the same results as without a budget,
** and leaving no temporary file behind.  With a budget so small that a
** sort or grouping writes more than 16*16 runs, the runs must be merged
** in tiers (rowstore.h RsMerge) so that the descriptors open at once stay
** bounded; a thread watches /proc/self/fd meanwhile.
*/
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "db/db.h"
#include "exec/rowstore.h"
#include "testutil.h"
#include "types/format.h"

#define SPILL_NROW 20000

static MlSession *pSes;
static char zTmpDir[4096];

static void exec(const char *zSql){
  MlError err;
  int rc = mlSessionExecute(pSes, zSql, &err);
  if( rc ) fprintf(stderr, "%s: %s\n", zSql, err.zMsg);
  CHECK_EQ_INT(rc, 0);
}

/* Files in the sort directory (temporary files must not outlive a query). */
static int countTempFiles(void){
  DIR *d = opendir(zTmpDir);
  struct dirent *e;
  int n = 0;
  if( d==0 ) return -1;
  while( (e = readdir(d))!=0 ) if( e->d_name[0]!='.' ) n++;
  closedir(d);
  return n;
}

/* t(id, k, s): k a scrambled permutation of 0..N-1, s its text. */
static void setup(void){
  char zSql[64*SPILL_NROW/500 + 40000];
  int i, j;
  exec("CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER, s VARCHAR(40))");
  exec("CREATE TABLE u (id INTEGER PRIMARY KEY, k INTEGER)");
  for(i=0; i<SPILL_NROW; i+=500){
    size_t n = (size_t)snprintf(zSql, sizeof(zSql), "INSERT INTO t VALUES ");
    for(j=i; j<i+500; j++){
      int k = (int)(((int64_t)j*7919) % SPILL_NROW);
      n += (size_t)snprintf(zSql+n, sizeof(zSql)-n, "%s(%d, %d, 'row %08d padding text')",
                            j>i ? ", " : "", j, k, k);
    }
    exec(zSql);
    n = (size_t)snprintf(zSql, sizeof(zSql), "INSERT INTO u VALUES ");
    for(j=i; j<i+500; j++){
      n += (size_t)snprintf(zSql+n, sizeof(zSql)-n, "%s(%d, %d)", j>i ? ", " : "", j,
                            (int)(((int64_t)j*104729) % SPILL_NROW));
    }
    exec(zSql);
  }
}

/* Open zSql; the caller steps and closes. */
static MlStmt *openQuery(const char *zSql){
  MlError err;
  MlStmt *s = 0;
  int rc = mlPrepare(pSes, zSql, 0, &s, &err);
  if( rc==0 ) rc = mlStmtOpen(s, &err);
  if( rc ) fprintf(stderr, "%s: %s\n", zSql, err.zMsg);
  CHECK_EQ_INT(rc, 0);
  return s;
}

static void closeQuery(MlStmt *s){
  MlError err;
  CHECK_EQ_INT(mlStmtClose(s, &err), 0);
  mlStmtFinalize(s);
}

static void test_order_by_spills_and_merges_in_order(void){
  MlError err;
  MlStmt *s = openQuery("SELECT k, s FROM t ORDER BY s DESC");
  int n = 0, bOrder = 1, bText = 1;
  while( mlStmtNext(s, &err)==0 ){
    const Value *k = mlStmtColumn(s, 0), *z = mlStmtColumn(s, 1);
    char zWant[64];
    if( k->u.i!=SPILL_NROW-1-n ) bOrder = 0;
    snprintf(zWant, sizeof(zWant), "row %08d padding text", (int)k->u.i);
    if( z->u.s.n!=strlen(zWant) || memcmp(z->u.s.z, zWant, z->u.s.n)!=0 ) bText = 0;
    n++;
  }
  CHECK_EQ_INT(n, SPILL_NROW);
  CHECK(bOrder);
  CHECK(bText);
  closeQuery(s);
  CHECK_EQ_INT(countTempFiles(), 0);
}

static void test_group_by_with_order_by_over_budget(void){
  MlError err;
  MlStmt *s = openQuery("SELECT MOD(k, 1000) AS g, COUNT(*), SUM(k) FROM t GROUP BY MOD(k, 1000) ORDER BY 1");
  int n = 0, bOk = 1;
  while( mlStmtNext(s, &err)==0 ){
    const Value *g = mlStmtColumn(s, 0), *c = mlStmtColumn(s, 1);
    if( g->u.i!=n || c->u.i!=SPILL_NROW/1000 ) bOk = 0;
    n++;
  }
  CHECK_EQ_INT(n, 1000);
  CHECK(bOk);
  closeQuery(s);
}

static void test_group_by_with_more_groups_than_fit_spills_and_merges(void){
  MlError err;
  MlStmt *s = openQuery("SELECT MOD(id, 5000), COUNT(*), SUM(id), MIN(id), MAX(id), MIN(s), MAX(s)"
                        " FROM t GROUP BY MOD(id, 5000)");
  int n = 0, bOk = 1;
  static uint8_t aSeen[5000];
  memset(aSeen, 0, sizeof(aSeen));
  while( mlStmtNext(s, &err)==0 ){
    int g = (int)mlStmtColumn(s, 0)->u.i, j, kMin = SPILL_NROW, kMax = -1;
    char zMin[64], zMax[64];
    const Value *pMin = mlStmtColumn(s, 5), *pMax = mlStmtColumn(s, 6);
    StrBuf b;
    for(j=g; j<SPILL_NROW; j+=5000){
      int k = (int)(((int64_t)j*7919) % SPILL_NROW);
      if( k<kMin ) kMin = k;
      if( k>kMax ) kMax = k;
    }
    snprintf(zMin, sizeof(zMin), "row %08d padding text", kMin);
    snprintf(zMax, sizeof(zMax), "row %08d padding text", kMax);
    if( g<0 || g>=5000 || aSeen[g] ){ bOk = 0; break; }
    aSeen[g] = 1;
    strbufInit(&b, 0, 0);
    valueToText(mlStmtColumn(s, 2), mlStmtColumnType(s, 2), &b);
    if( mlStmtColumn(s, 1)->u.i!=4 || atoll(strbufCStr(&b))!=4LL*g+30000
     || mlStmtColumn(s, 3)->u.i!=g || mlStmtColumn(s, 4)->u.i!=g+15000
     || pMin->u.s.n!=strlen(zMin) || memcmp(pMin->u.s.z, zMin, pMin->u.s.n)
     || pMax->u.s.n!=strlen(zMax) || memcmp(pMax->u.s.z, zMax, pMax->u.s.n) ){
      bOk = 0;
    }
    strbufFree(&b);
    n++;
  }
  CHECK_EQ_INT(n, 5000);
  CHECK(bOk);
  closeQuery(s);
  CHECK_EQ_INT(countTempFiles(), 0);
}

static void test_hash_join_over_budget_joins_block_by_block(void){
  MlError err;
  MlStmt *s = openQuery("SELECT COUNT(*), SUM(t.id) FROM t, u WHERE t.k = u.k");
  CHECK_EQ_INT(mlStmtNext(s, &err), 0);
  CHECK_EQ_INT(mlStmtColumn(s, 0)->u.i, SPILL_NROW);
  closeQuery(s);
  s = openQuery("EXPLAIN SELECT COUNT(*) FROM t, u WHERE t.k = u.k");
  {
    int bHash = 0;
    while( mlStmtNext(s, &err)==0 ){
      StrBuf b;
      strbufInit(&b, 0, 0);
      valueToText(mlStmtColumn(s, 0), mlStmtColumnType(s, 0), &b);
      if( strstr(strbufCStr(&b), "HASH JOIN") ) bHash = 1;
      strbufFree(&b);
    }
    CHECK(bHash);
  }
  closeQuery(s);
}

/* Histogram of the single integer column of zSql's rows over [0, n). */
static void histogram(const char *zSql, int *aCnt, int n, int *pnOut){
  MlError err;
  MlStmt *s = openQuery(zSql);
  memset(aCnt, 0, sizeof(int)*(size_t)n);
  *pnOut = 0;
  while( mlStmtNext(s, &err)==0 ){
    const Value *v = mlStmtColumn(s, 0);
    if( !v->isNull && v->u.i>=0 && v->u.i<n ) aCnt[v->u.i]++;
    else (*pnOut)++;
  }
  closeQuery(s);
}

static void test_distinct_over_budget_spills_and_merges(void){
  static int aCnt[SPILL_NROW];
  MlError err;
  MlStmt *s;
  int nOut, i, nOnce = 0, nRow = 0, bText = 1;
  histogram("SELECT DISTINCT MOD(k, 7000) FROM t", aCnt, SPILL_NROW, &nOut);
  for(i=0; i<7000; i++) nOnce += aCnt[i]==1;
  CHECK_EQ_INT(nOnce, 7000);
  CHECK_EQ_INT(nOut, 0);
  CHECK_EQ_INT(countTempFiles(), 0);
  /* strings travel through the runs: each row's text matches its number */
  s = openQuery("SELECT DISTINCT MOD(k, 9000), SUBSTRING(s FROM 1 FOR 4) FROM t");
  while( mlStmtNext(s, &err)==0 ){
    const Value *z = mlStmtColumn(s, 1);
    if( z->u.s.n!=4 || memcmp(z->u.s.z, "row ", 4)!=0 ) bText = 0;
    nRow++;
  }
  closeQuery(s);
  CHECK_EQ_INT(nRow, 9000);
  CHECK(bText);
  CHECK_EQ_INT(countTempFiles(), 0);
}

/*
** Every set operation over MOD(t.k, 15000) (values below 5000 twice, the
** rest once) and MOD(u.k, 9000) (below 2000 three times, the rest twice),
** against the multiset rules computed here.
*/
static void test_set_operations_over_budget_match_multiset_rules(void){
  static const char *azOp[] = { "UNION", "UNION ALL", "EXCEPT", "EXCEPT ALL", "INTERSECT",
                                "INTERSECT ALL" };
  static int aA[SPILL_NROW], aB[SPILL_NROW], aGot[SPILL_NROW];
  int op, i;
  memset(aA, 0, sizeof(aA));
  memset(aB, 0, sizeof(aB));
  for(i=0; i<SPILL_NROW; i++){
    aA[i % 15000]++;           /* t.k and u.k are permutations of 0..N-1 */
    aB[i % 9000]++;
  }
  for(op=0; op<6; op++){
    char zSql[200];
    int nOut, nBad = 0;
    snprintf(zSql, sizeof(zSql), "SELECT MOD(k, 15000) FROM t %s SELECT MOD(k, 9000) FROM u",
             azOp[op]);
    histogram(zSql, aGot, SPILL_NROW, &nOut);
    for(i=0; i<SPILL_NROW; i++){
      int a = aA[i], b = aB[i], want;
      switch( op ){
        case 0: want = a+b>0; break;
        case 1: want = a+b; break;
        case 2: want = a>0 && b==0; break;
        case 3: want = a>b ? a-b : 0; break;
        case 4: want = a>0 && b>0; break;
        default: want = a<b ? a : b; break;
      }
      if( aGot[i]!=want ) nBad++;
    }
    if( nBad ) fprintf(stderr, "%s: %d values wrong\n", zSql, nBad);
    CHECK_EQ_INT(nBad, 0);
    CHECK_EQ_INT(nOut, 0);
    CHECK_EQ_INT(countTempFiles(), 0);
  }
}

/*
** LEFT and FULL hash joins whose build side exceeds the budget: every
** block is probed by the whole outer side, an outer row matched in no
** block comes out once NULL-extended (the hit bitmap), and every inner row
** matched by no outer row once (the blocks' matched flags).  t.k and u.k
** are permutations of 0..N-1, so u.k + N/2 matches the upper half of t.
*/
static void test_outer_hash_join_over_budget_joins_block_by_block(void){
  MlError err;
  MlStmt *s = openQuery("SELECT COUNT(*), COUNT(u.id) FROM t LEFT JOIN u"
                        " ON t.k = u.k + 10000");
  CHECK_EQ_INT(mlStmtNext(s, &err), 0);
  CHECK_EQ_INT(mlStmtColumn(s, 0)->u.i, SPILL_NROW);
  CHECK_EQ_INT(mlStmtColumn(s, 1)->u.i, SPILL_NROW/2);
  closeQuery(s);
  s = openQuery("SELECT COUNT(*), COUNT(t.id), COUNT(u.id) FROM t FULL JOIN u"
                " ON t.k = u.k + 10000");
  CHECK_EQ_INT(mlStmtNext(s, &err), 0);
  CHECK_EQ_INT(mlStmtColumn(s, 0)->u.i, SPILL_NROW + SPILL_NROW/2);
  CHECK_EQ_INT(mlStmtColumn(s, 1)->u.i, SPILL_NROW);
  CHECK_EQ_INT(mlStmtColumn(s, 2)->u.i, SPILL_NROW);
  closeQuery(s);
  s = openQuery("SELECT COUNT(*) FROM t RIGHT JOIN u ON t.k = u.k + 10000 WHERE t.id IS NULL");
  CHECK_EQ_INT(mlStmtNext(s, &err), 0);
  CHECK_EQ_INT(mlStmtColumn(s, 0)->u.i, SPILL_NROW/2);
  closeQuery(s);
  s = openQuery("EXPLAIN SELECT COUNT(*) FROM t LEFT JOIN u ON t.k = u.k + 10000");
  {
    int bHash = 0;
    while( mlStmtNext(s, &err)==0 ){
      StrBuf b;
      strbufInit(&b, 0, 0);
      valueToText(mlStmtColumn(s, 0), mlStmtColumnType(s, 0), &b);
      if( strstr(strbufCStr(&b), "HASH JOIN LEFT OUTER") ) bHash = 1;
      strbufFree(&b);
    }
    CHECK(bHash);
  }
  closeQuery(s);
}

/*
** COUNT and SUM with DISTINCT over more distinct arguments than fit:
** per group, against counts computed here.  Group g of MOD(id, 7) holds
** the rows id = g, g+7, ...; MOD(k, 1000) repeats within every group, so
** equal arguments land in many runs and must be counted once.
*/
static void test_distinct_set_functions_over_budget_count_each_value_once(void){
  static uint8_t aSeen[7][1000];
  MlError err;
  MlStmt *s;
  int j, g, n = 0, bOk = 1;
  int64_t aCnt[7], aSum[7];
  memset(aSeen, 0, sizeof(aSeen));
  memset(aCnt, 0, sizeof(aCnt));
  memset(aSum, 0, sizeof(aSum));
  for(j=0; j<SPILL_NROW; j++){
    int v = (int)((((int64_t)j*7919) % SPILL_NROW) % 1000);
    if( !aSeen[j%7][v] ){ aSeen[j%7][v] = 1; aCnt[j%7]++; aSum[j%7] += v; }
  }
  s = openQuery("SELECT MOD(id, 7), COUNT(DISTINCT MOD(k, 1000)), SUM(DISTINCT MOD(k, 1000)),"
                " COUNT(DISTINCT s), COUNT(*), MAX(DISTINCT k) FROM t GROUP BY MOD(id, 7) ORDER BY 1");
  while( mlStmtNext(s, &err)==0 ){
    StrBuf b;
    g = (int)mlStmtColumn(s, 0)->u.i;
    strbufInit(&b, 0, 0);
    valueToText(mlStmtColumn(s, 2), mlStmtColumnType(s, 2), &b);
    if( g!=n || mlStmtColumn(s, 1)->u.i!=aCnt[g] || atoll(strbufCStr(&b))!=aSum[g]
     || mlStmtColumn(s, 3)->u.i!=mlStmtColumn(s, 4)->u.i ){
      bOk = 0;
    }
    strbufFree(&b);
    n++;
  }
  closeQuery(s);
  CHECK_EQ_INT(n, 7);
  CHECK(bOk);
  /* no GROUP BY: one group whose arguments alone outgrow the budget */
  s = openQuery("SELECT COUNT(DISTINCT k), SUM(DISTINCT MOD(k, 7000)), COUNT(DISTINCT s),"
                " COUNT(DISTINCT MOD(k, 3)), COUNT(*) FROM t");
  CHECK_EQ_INT(mlStmtNext(s, &err), 0);
  {
    StrBuf b;
    strbufInit(&b, 0, 0);
    valueToText(mlStmtColumn(s, 1), mlStmtColumnType(s, 1), &b);
    CHECK_EQ_INT(mlStmtColumn(s, 0)->u.i, SPILL_NROW);
    CHECK_EQ_INT(atoll(strbufCStr(&b)), 6999LL*7000/2);
    CHECK_EQ_INT(mlStmtColumn(s, 2)->u.i, SPILL_NROW);
    CHECK_EQ_INT(mlStmtColumn(s, 3)->u.i, 3);
    CHECK_EQ_INT(mlStmtColumn(s, 4)->u.i, SPILL_NROW);
    strbufFree(&b);
  }
  CHECK_EQ_INT(mlStmtNext(s, &err), ML_DONE);
  closeQuery(s);
  CHECK_EQ_INT(countTempFiles(), 0);
}

/* Entries of /proc/self/fd (open descriptors, plus the one reading it). */
static int countOpenFds(void){
  DIR *d = opendir("/proc/self/fd");
  struct dirent *e;
  int n = 0;
  if( d==0 ) return -1;
  while( (e = readdir(d))!=0 ) if( e->d_name[0]!='.' ) n++;
  closedir(d);
  return n;
}

/* The descriptor watcher: most descriptors seen during each query. */
#define FDW_NQUERY 4
#define FDW_IDLE   FDW_NQUERY      /* iQuery between measured queries */
#define FDW_STOP   (FDW_NQUERY+1)  /* iQuery that ends the thread */
typedef struct FdWatch {
  int iQuery;              /* query running, FDW_IDLE or FDW_STOP (atomic) */
  int aMax[FDW_NQUERY+1];  /* most entries of /proc/self/fd seen per query */
} FdWatch;

static void *fdWatchMain(void *pArg){
  FdWatch *w = pArg;
  int i;
  while( (i = __atomic_load_n(&w->iQuery, __ATOMIC_ACQUIRE))!=FDW_STOP ){
    struct timespec ts = { 0, 1000*1000 };
    int n = countOpenFds();
    if( n>w->aMax[i] ) w->aMax[i] = n;
    nanosleep(&ts, 0);
  }
  return 0;
}

/* All text of zSql's rows, one line per row. */
static void queryText(const char *zSql, StrBuf *pOut){
  MlError err;
  MlStmt *s = openQuery(zSql);
  int i;
  strbufReset(pOut);
  while( mlStmtNext(s, &err)==0 ){
    for(i=0; i<mlStmtColumnCount(s); i++){
      if( i ) strbufAppendByte(pOut, '|');
      valueToText(mlStmtColumn(s, i), mlStmtColumnType(s, i), pOut);
    }
    strbufAppendByte(pOut, '\n');
  }
  closeQuery(s);
}

/*
** A 2 kB budget: about ten rows per run, so ORDER BY and GROUP BY over
** t write well over RS_MERGE_FANIN^2 runs (1,500 to 3,000; the DISTINCT
** arguments as many again).  The results must equal those with an
** unlimited budget, and the descriptors open at any moment must stay
** within a few tiers of RS_MERGE_FANIN runs per merge (without tiered
** merging every run stays open until the end).
*/
static void test_sort_and_group_over_256_runs_keep_open_files_bounded(void){
  static const int anMerge[FDW_NQUERY] = { 1, 1, 2, 2 };   /* RsMerges of the operator */
  static const char *azSql[FDW_NQUERY] = {
    "SELECT k, s, id FROM t ORDER BY s DESC",
    "SELECT MOD(id, 5000), COUNT(*), SUM(id), MIN(s), MAX(s) FROM t GROUP BY MOD(id, 5000)",
    "SELECT MOD(id, 3), COUNT(DISTINCT k), SUM(DISTINCT MOD(k, 900)), COUNT(*)"
    " FROM t GROUP BY MOD(id, 3)",
    "SELECT COUNT(DISTINCT s), SUM(DISTINCT k), MIN(k) FROM t",
  };
  FdWatch w;
  pthread_t th;
  StrBuf want, got;
  int i, nBase = countOpenFds();
  strbufInit(&want, 0, 0);
  strbufInit(&got, 0, 0);
  memset(&w, 0, sizeof(w));
  w.iQuery = FDW_IDLE;
  CHECK(nBase>0);
  CHECK_EQ_INT(pthread_create(&th, 0, fdWatchMain, &w), 0);
  for(i=0; i<FDW_NQUERY; i++){
    char zSql[300];
    /* spilled groups come out in key order, in-memory ones in input order */
    snprintf(zSql, sizeof(zSql), "%s%s", azSql[i], i ? " ORDER BY 1" : "");
    setenv("MIMERLITE_SORT_MEMORY", "1000000000", 1);
    queryText(zSql, &want);
    /* the measured query: no ORDER BY over a grouping, whose sort would spill too */
    setenv("MIMERLITE_SORT_MEMORY", "4096", 1);
    __atomic_store_n(&w.iQuery, i, __ATOMIC_RELEASE);
    queryText(azSql[i], &got);
    __atomic_store_n(&w.iQuery, FDW_IDLE, __ATOMIC_RELEASE);
    if( i ) queryText(zSql, &got);
    CHECK(want.n>0 && !strbufError(&want));
    if( got.n!=want.n || memcmp(got.a, want.a, want.n)!=0 ) fprintf(stderr, "%s: differs\n", zSql);
    CHECK(got.n==want.n && memcmp(got.a, want.a, want.n)==0);
    CHECK_EQ_INT(countTempFiles(), 0);
  }
  __atomic_store_n(&w.iQuery, FDW_STOP, __ATOMIC_RELEASE);
  pthread_join(th, 0);
  setenv("MIMERLITE_SORT_MEMORY", "65536", 1);
  for(i=0; i<FDW_NQUERY; i++){
    fprintf(stderr, "   %d descriptors before, at most %d during: %s\n", nBase, w.aMax[i], azSql[i]);
    /* fewer than RS_MERGE_FANIN^3 runs: each merge has at most three tiers of
    ** RS_MERGE_FANIN-1 runs, plus a tier merge's output, not a file per run */
    CHECK(w.aMax[i]>nBase);
    CHECK(w.aMax[i]-nBase <= anMerge[i]*3*RS_MERGE_FANIN);
  }
  strbufFree(&want);
  strbufFree(&got);
}

int main(void){
  MlError err;
  const char *zDb;
  setenv("MIMERLITE_PWHASH", "fast", 1);
  snprintf(zTmpDir, sizeof(zTmpDir), "%s", testTempDir("spill-tmp"));
  zDb = testTempDir("spill-db");
  setenv("TMPDIR", zTmpDir, 1);
  setenv("MIMERLITE_SORT_MEMORY", "65536", 1);
  if( mlSessionOpen(zDb, "SYSADM", "SYSPASS", &pSes, &err) ){
    fprintf(stderr, "cannot open %s: %s\n", zDb, err.zMsg);
    return 2;
  }
  setup();
  TEST_RUN(test_order_by_spills_and_merges_in_order);
  TEST_RUN(test_group_by_with_order_by_over_budget);
  TEST_RUN(test_group_by_with_more_groups_than_fit_spills_and_merges);
  TEST_RUN(test_hash_join_over_budget_joins_block_by_block);
  TEST_RUN(test_outer_hash_join_over_budget_joins_block_by_block);
  TEST_RUN(test_distinct_over_budget_spills_and_merges);
  TEST_RUN(test_set_operations_over_budget_match_multiset_rules);
  TEST_RUN(test_distinct_set_functions_over_budget_count_each_value_once);
  TEST_RUN(test_sort_and_group_over_256_runs_keep_open_files_bounded);
  mlSessionClose(pSes);
  return testReport();
}
