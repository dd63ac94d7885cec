/*
** SQL benchmark, mimerlite (engine API, db/db.h) side by side with SQLite
** (Debian libsqlite3-dev): a 10-table join over 1,000-row tables written
** in a scrambled order (the planner must follow the join predicates), a
** SELECT streaming 1,000,000 rows with the resident heap (RssAnon, which
** leaves out LMDB's file-backed map) sampled while it runs and the peak
** RSS (the cursor must not materialise), ORDER BY / GROUP BY / DISTINCT /
** UNION over those rows (they spill beyond their memory budget,
** $MIMERLITE_SORT_MEMORY, so the peak RSS stays flat), and LEFT / FULL
** joins of two 100,000-row tables on a key (index nested loop on the
** primary key, hash join on an unindexed column; SQLite 3.40 runs such a
** FULL JOIN as a quadratic nested loop, so there only mimerlite is timed).
** Prints figures; not a timed test.  Usage: bench_sql [DIR] [NROWS].
*/
#include <malloc.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "db/db.h"

static MlSession *pSes;
static sqlite3 *db;

static double now(void){
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec/1e9;
}

static long peakRssKb(void){
  struct rusage u;
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

/* Resident anonymous memory (heap, not LMDB's file-backed map), in kB. */
static long anonRssKb(void){
  FILE *f = fopen("/proc/self/status", "r");
  char zLine[256];
  long n = -1;
  if( f==0 ) return -1;
  while( fgets(zLine, sizeof(zLine), f) ){
    if( strncmp(zLine, "RssAnon:", 8)==0 ){ n = atol(zLine+8); break; }
  }
  fclose(f);
  return n;
}

static long nAnonMax;        /* largest RssAnon seen while a mimerlite query ran */

/* Run a statement on both engines; exits on failure. */
static void execBoth(const char *zSql){
  MlError err;
  char *zErr = 0;
  if( mlSessionExecute(pSes, zSql, &err) ){ fprintf(stderr, "mimerlite: %s\n%s\n", err.zMsg, zSql); exit(1); }
  if( sqlite3_exec(db, zSql, 0, 0, &zErr) ){ fprintf(stderr, "sqlite: %s\n%s\n", zErr, zSql); exit(1); }
}

/* Step through zSql on mimerlite; returns rows, first column of the last row in *pLast. */
static long long runMimer(const char *zSql, long long *pLast){
  MlError err;
  MlStmt *s;
  long long n = 0;
  if( mlPrepare(pSes, zSql, 0, &s, &err) || mlStmtOpen(s, &err) ){
    fprintf(stderr, "mimerlite: %s\n%s\n", err.zMsg, zSql);
    exit(1);
  }
  while( mlStmtNext(s, &err)==0 ){
    n++;
    *pLast = mlStmtColumn(s, 0)->u.i;
    if( (n & 0xffff)==0 ){
      long a = anonRssKb();
      if( a>nAnonMax ) nAnonMax = a;
    }
  }
  mlStmtClose(s, &err);
  mlStmtFinalize(s);
  return n;
}

static long long runSqlite(const char *zSql, long long *pLast){
  sqlite3_stmt *s;
  long long n = 0;
  if( sqlite3_prepare_v2(db, zSql, -1, &s, 0) ){ fprintf(stderr, "sqlite: %s\n", sqlite3_errmsg(db)); exit(1); }
  while( sqlite3_step(s)==SQLITE_ROW ){ n++; *pLast = sqlite3_column_int64(s, 0); }
  sqlite3_finalize(s);
  return n;
}

/* Time zSql on both and print one line. */
static void compare(const char *zName, const char *zMimer, const char *zSqlite){
  long long lastM = 0, lastS = 0, nM, nS;
  long rss0 = peakRssKb(), anon0 = anonRssKb();
  double t0 = now(), tM, tS;
  nAnonMax = anon0;
  nM = runMimer(zMimer, &lastM);
  tM = now() - t0;
  t0 = now();
  nS = runSqlite(zSqlite, &lastS);
  tS = now() - t0;
  printf("%-34s mimerlite %7.3f s  sqlite %7.3f s  ratio %5.2f  rows %lld/%lld  last %lld/%lld"
         "  mimerlite heap %ld -> max %ld kB  peak RSS %ld -> %ld kB\n",
         zName, tM, tS, tS>0 ? tM/tS : 0.0, nM, nS, lastM, lastS, anon0, nAnonMax, rss0,
         peakRssKb());
}

/* Time zSql on mimerlite alone and print one line. */
static void timeMimer(const char *zName, const char *zMimer){
  long long last = 0, nRow;
  long rss0 = peakRssKb(), anon0 = anonRssKb();
  double t0 = now();
  nAnonMax = anon0;
  nRow = runMimer(zMimer, &last);
  printf("%-34s mimerlite %7.3f s  (sqlite not run)  rows %lld  last %lld"
         "  mimerlite heap %ld -> max %ld kB  peak RSS %ld -> %ld kB\n",
         zName, now() - t0, nRow, last, anon0, nAnonMax, rss0, peakRssKb());
}

int main(int argc, char **argv){
  const char *zDir = argc>1 ? argv[1] : "/tmp/mimerlite-bench-sql";
  int nBig = argc>2 ? atoi(argv[2]) : 1000000;
  char zCmd[4200], zSql[65536], zSql2[65536];
  MlError err;
  int t, i, j;
  size_t n, n2;
  double t0;

  setvbuf(stdout, 0, _IOLBF, 0);   /* progress shows when redirected */
  setenv("MIMERLITE_PWHASH", "fast", 1);
  snprintf(zCmd, sizeof(zCmd), "rm -rf '%s' '%s.sqlite'", zDir, zDir);
  if( system(zCmd) ) return 1;
  if( mlSessionOpen(zDir, "SYSADM", "SYSPASS", &pSes, &err) ){ fprintf(stderr, "%s\n", err.zMsg); return 1; }
  snprintf(zSql, sizeof(zSql), "%s.sqlite", zDir);
  if( sqlite3_open(zSql, &db) ) return 1;
  sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", 0, 0, 0);

  /* ten 1,000-row tables: jT(id, nxt, v); jT.nxt points into j(T+1) */
  for(t=0; t<10; t++){
    snprintf(zSql, sizeof(zSql), "CREATE TABLE j%d (id INTEGER PRIMARY KEY, nxt INTEGER, v INTEGER)", t);
    execBoth(zSql);
    n = (size_t)snprintf(zSql, sizeof(zSql), "INSERT INTO j%d VALUES ", t);
    for(i=0; i<1000; i++){
      n += (size_t)snprintf(zSql+n, sizeof(zSql)-n, "%s(%d, %d, %d)", i ? ", " : "", i,
                            (i*37 + t) % 1000, (i*13 + t*7) % 1000);
    }
    execBoth(zSql);
  }
  n = (size_t)snprintf(zSql, sizeof(zSql), "SELECT COUNT(*) FROM j7, j2, j9, j0, j5, j1, j8, j3, j6, j4 WHERE j0.v < 100");
  for(t=0; t<9; t++) n += (size_t)snprintf(zSql+n, sizeof(zSql)-n, " AND j%d.nxt = j%d.id", t, t+1);
  compare("10-table join (PK joins)", zSql, zSql);
  n = (size_t)snprintf(zSql, sizeof(zSql), "SELECT COUNT(*) FROM j7, j2, j9, j0, j5, j1, j8, j3, j6, j4 WHERE j0.v < 100");
  for(t=0; t<9; t++) n += (size_t)snprintf(zSql+n, sizeof(zSql)-n, " AND j%d.v = j%d.nxt", t, t+1);
  compare("10-table join (non-key: hash)", zSql, zSql);

  /* nBig rows */
  execBoth("CREATE TABLE big (id INTEGER PRIMARY KEY, v INTEGER, s VARCHAR(20))");
  t0 = now();
  mlSessionBegin(pSes, 0, &err);
  sqlite3_exec(db, "BEGIN", 0, 0, 0);
  for(i=0; i<nBig; i+=1000){
    n = (size_t)snprintf(zSql, sizeof(zSql), "INSERT INTO big VALUES ");
    for(j=i; j<i+1000 && j<nBig; j++){
      n += (size_t)snprintf(zSql+n, sizeof(zSql)-n, "%s(%d, %d, 'value %d')", j>i ? ", " : "", j,
                            (int)(((long long)j*7919) % nBig), j % 977);
    }
    execBoth(zSql);
  }
  if( mlSessionEnd(pSes, 1, &err) ){ fprintf(stderr, "%s\n", err.zMsg); return 1; }
  sqlite3_exec(db, "COMMIT", 0, 0, 0);
  printf("loaded %d rows into both in %.1f s\n", nBig, now()-t0);
  malloc_trim(0);             /* give the load's freed heap back, so the figures below show growth */

  compare("SELECT streaming all rows", "SELECT id, v, s FROM big", "SELECT id, v, s FROM big");
  snprintf(zSql, sizeof(zSql), "SELECT v, s FROM big ORDER BY v DESC");
  snprintf(zSql2, sizeof(zSql2), "SELECT v, s FROM big ORDER BY v DESC NULLS FIRST");
  compare("ORDER BY over the budget (spills)", zSql, zSql2);
  compare("GROUP BY 977 groups", "SELECT COUNT(*), s FROM big GROUP BY s",
          "SELECT COUNT(*), s FROM big GROUP BY s");
  compare("GROUP BY id/2 (many groups)", "SELECT COUNT(*), MOD(id, 500000) FROM big GROUP BY MOD(id, 500000) ORDER BY 2",
          "SELECT COUNT(*), id % 500000 FROM big GROUP BY id % 500000 ORDER BY 2");
  compare("DISTINCT all rows (spills)", "SELECT DISTINCT v, s FROM big", "SELECT DISTINCT v, s FROM big");
  compare("DISTINCT 977 values", "SELECT DISTINCT MOD(v, 977) FROM big", "SELECT DISTINCT v % 977 FROM big");
  compare("UNION of two 1M-row inputs (spills)", "SELECT v FROM big UNION SELECT id FROM big",
          "SELECT v FROM big UNION SELECT id FROM big");
  compare("EXCEPT of two 1M-row inputs (spills)", "SELECT v FROM big EXCEPT SELECT id + 10 FROM big",
          "SELECT v FROM big EXCEPT SELECT id + 10 FROM big");

  /* two 100,000-row tables: lj.k hits rj's keys about half the time */
  execBoth("CREATE TABLE lj (id INTEGER PRIMARY KEY, k INTEGER, v INTEGER)");
  execBoth("CREATE TABLE rj (id INTEGER PRIMARY KEY, k INTEGER, w INTEGER)");
  mlSessionBegin(pSes, 0, &err);
  sqlite3_exec(db, "BEGIN", 0, 0, 0);
  for(i=0; i<100000; i+=1000){
    n = (size_t)snprintf(zSql, sizeof(zSql), "INSERT INTO lj VALUES ");
    n2 = (size_t)snprintf(zSql2, sizeof(zSql2), "INSERT INTO rj VALUES ");
    for(j=i; j<i+1000; j++){
      n += (size_t)snprintf(zSql+n, sizeof(zSql)-n, "%s(%d, %d, %d)", j>i ? ", " : "", j,
                            (int)(((long long)j*7919) % 200000), j % 100);
      n2 += (size_t)snprintf(zSql2+n2, sizeof(zSql2)-n2, "%s(%d, %d, %d)", j>i ? ", " : "", j,
                             (int)(((long long)j*104729) % 100000), j % 10);
    }
    execBoth(zSql);
    execBoth(zSql2);
  }
  if( mlSessionEnd(pSes, 1, &err) ){ fprintf(stderr, "%s\n", err.zMsg); return 1; }
  sqlite3_exec(db, "COMMIT", 0, 0, 0);
  compare("LEFT JOIN 100k x 100k on PK (index)", "SELECT COUNT(rj.w), COUNT(*) FROM lj LEFT JOIN rj ON lj.k = rj.id",
          "SELECT COUNT(rj.w), COUNT(*) FROM lj LEFT JOIN rj ON lj.k = rj.id");
  compare("LEFT JOIN 100k x 100k non-key (hash)", "SELECT COUNT(rj.w), COUNT(*) FROM lj LEFT JOIN rj ON lj.k = rj.k",
          "SELECT COUNT(rj.w), COUNT(*) FROM lj LEFT JOIN rj ON lj.k = rj.k");
  /* SQLite 3.40 runs this FULL JOIN as a nested loop without an automatic
  ** index (10k x 10k took 10 s), so only mimerlite's side is timed */
  timeMimer("FULL JOIN 100k x 100k non-key (hash)",
            "SELECT COUNT(rj.w), COUNT(*) FROM lj FULL JOIN rj ON lj.k = rj.k");
  mlSessionClose(pSes);
  sqlite3_close(db);
  if( system(zCmd) ) return 1;
  return 0;
}
