/*
** Differential query test: the same tables and rows are created in
** mimerlite (through the engine API, db/db.h) and in SQLite, then
** thousands of random queries -- joins (comma, inner, LEFT, RIGHT and
** FULL -- SQLite has RIGHT and FULL since 3.39; 1 to 4 tables, predicates
** on keys and non-keys), set operations (UNION, EXCEPT, INTERSECT and
** their ALL forms), filters (comparisons,
** AND/OR/NOT, IS NULL, IN, BETWEEN, LIKE), aggregates (COUNT, SUM, MIN,
** MAX, COUNT and SUM with DISTINCT, GROUP BY, HAVING), DISTINCT, ORDER BY and OFFSET/FETCH -- are
** generated from one random description into both dialects and their
** results compared.
**
** Only constructs whose semantics agree are generated: no division, no
** AVG, strings without trailing blanks compared with LIKE made
** case-sensitive, DECIMAL values that are multiples of 0.25 (exact in
** SQLite's doubles, so sums agree), NULL ordering mapped to Mimer's
** (NULLs sort high: NULLS LAST ascending, NULLS FIRST descending).
** Numbers are compared through their exact decimal text with trailing
** fraction zeros removed.  Results are compared in order when the ORDER
** BY covers every result column (then the order is total up to identical
** rows), else as multisets; OFFSET/FETCH is generated only with a total
** order.
**
** Usage: sql_differential [SEED [NQUERIES [trace]]].  Prints "N passed, M failed"
** and the first mismatches with both SQL texts; exit status 1 on any
** mismatch.  Registered in ctest by sqldiff.cmake.
*/
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db/db.h"
#include "types/format.h"
#include "util/strbuf.h"

#define DIFF_NTAB      4
#define DIFF_MAXSHOW   5

/* The tables: same columns, different sizes and indexes. */
static const char *azTab[DIFF_NTAB] = { "t1", "t2", "t3", "t4" };
static const int anRow[DIFF_NTAB] = { 300, 150, 80, 50 };

/* Columns of every table; kind: 0 integer-like, 1 decimal, 2 string. */
typedef struct DiffCol {
  const char *zName;
  int kind;
} DiffCol;
static const DiffCol aCol[] = {
  { "id", 0 }, { "r", 0 }, { "ia", 0 }, { "ib", 0 }, { "dc", 1 }, { "sv", 2 }
};
#define DIFF_NCOL ((int)(sizeof(aCol)/sizeof(aCol[0])))

static const char *azStr[] = { "a", "ab", "abc", "b", "ba", "bcd", "x", "xy", "zz", "q_1" };
#define DIFF_NSTR ((int)(sizeof(azStr)/sizeof(azStr[0])))

static const char *azLike[] = { "a%", "%b", "%b%", "_b", "a_c", "%", "x%", "b_", "%1" };
#define DIFF_NLIKE ((int)(sizeof(azLike)/sizeof(azLike[0])))

/* The linked SQLite runs RIGHT and FULL joins (3.39 or later). */
static int bRightFull;

/* ------------------------------------------------------------ random */

static uint64_t diffRand = 1;

/* A random integer in [0, n). */
static int rnd(int n){
  diffRand ^= diffRand << 13;
  diffRand ^= diffRand >> 7;
  diffRand ^= diffRand << 17;
  return (int)((diffRand >> 11) % (uint64_t)n);
}

/* ----------------------------------------------------- dialect output */

/* Two texts built side by side: Mimer SQL (m) and SQLite (q). */
typedef struct Dual {
  StrBuf m, q;
} Dual;

/* Append printf text to both dialects. */
static void both(Dual *d, const char *zFmt, ...){
  char z[512];
  va_list ap;
  va_start(ap, zFmt);
  vsnprintf(z, sizeof(z), zFmt, ap);
  va_end(ap);
  strbufAppendStr(&d->m, z);
  strbufAppendStr(&d->q, z);
}

/* Append different text to each dialect. */
static void each(Dual *d, const char *zMimer, const char *zSqlite){
  strbufAppendStr(&d->m, zMimer);
  strbufAppendStr(&d->q, zSqlite);
}

/* ------------------------------------------------------- query shape */

typedef struct Query {
  int nTab;                /* FROM items x1..xn */
  int aTab[4];             /* table of each */
  int joinStyle;           /* 0 comma list + WHERE, 1 JOIN ... ON chain */
  int nVisible;            /* tables an expression may reference (ON: those to its left) */
} Query;

/* A random column reference of one of the query's tables, of kind k (-1 any). */
static int diffColumn(const Query *pQ, int k, char *z, size_t n){
  int c;
  do{ c = rnd(DIFF_NCOL); }while( k>=0 && aCol[c].kind!=k );
  snprintf(z, n, "x%d.%s", 1+rnd(pQ->nVisible), aCol[c].zName);
  return aCol[c].kind;
}

/* A literal of kind k. */
static void diffLiteral(Dual *d, int k){
  if( k==0 ) both(d, "%d", rnd(40)-5);
  else if( k==1 ) both(d, "%d.%02d", rnd(60)-30, 25*rnd(4));
  else both(d, "'%s'", azStr[rnd(DIFF_NSTR)]);
}

/* A scalar operand: column, literal or small arithmetic (no division). */
static void diffScalar(Dual *d, const Query *pQ, int k){
  char z[64];
  int r = rnd(10);
  if( k==2 || r<6 ){
    diffColumn(pQ, k, z, sizeof(z));
    both(d, "%s", z);
  }else if( r<8 ){
    diffLiteral(d, k);
  }else{
    diffColumn(pQ, k, z, sizeof(z));
    both(d, "(%s %s ", z, rnd(2) ? "+" : "-");
    diffColumn(pQ, 0, z, sizeof(z));
    both(d, "%s)", z);
  }
}

/* A random predicate over the query's tables, depth-limited. */
static void diffPredicate(Dual *d, const Query *pQ, int depth){
  static const char *azOp[] = { "=", "<>", "<", "<=", ">", ">=" };
  char z[64];
  int r = rnd(depth>0 ? 12 : 9), k, i, n;
  switch( r ){
    case 0: case 1: case 2:
      k = rnd(3);
      diffScalar(d, pQ, k);
      both(d, " %s ", azOp[rnd(6)]);
      diffScalar(d, pQ, k == 2 ? 2 : rnd(2));
      break;
    case 3:
      diffColumn(pQ, -1, z, sizeof(z));
      both(d, "%s IS %sNULL", z, rnd(2) ? "NOT " : "");
      break;
    case 4:
      k = diffColumn(pQ, -1, z, sizeof(z));
      both(d, "%s %sIN (", z, rnd(3)==0 ? "NOT " : "");
      n = 1 + rnd(4);
      for(i=0; i<n; i++){
        if( i ) both(d, ", ");
        diffLiteral(d, k);
      }
      both(d, ")");
      break;
    case 5:
      k = rnd(2);
      diffScalar(d, pQ, k);
      both(d, " %sBETWEEN ", rnd(4)==0 ? "NOT " : "");
      diffLiteral(d, k);
      both(d, " AND ");
      diffLiteral(d, k);
      break;
    case 6:
      diffColumn(pQ, 2, z, sizeof(z));
      both(d, "%s %sLIKE '%s'", z, rnd(4)==0 ? "NOT " : "", azLike[rnd(DIFF_NLIKE)]);
      break;
    case 7: case 8:
      diffColumn(pQ, 0, z, sizeof(z));
      both(d, "%s %s ", z, azOp[rnd(6)]);
      diffLiteral(d, 0);
      break;
    case 9:
      both(d, "NOT (");
      diffPredicate(d, pQ, depth-1);
      both(d, ")");
      break;
    default:
      both(d, "(");
      diffPredicate(d, pQ, depth-1);
      both(d, r==10 ? " AND " : " OR ");
      diffPredicate(d, pQ, depth-1);
      both(d, ")");
      break;
  }
}

/* A join predicate between table i and an earlier one (keys and non-keys). */
static void diffJoinPred(Dual *d, int i){
  static const char *azPair[][2] = {
    { "id", "r" }, { "r", "id" }, { "id", "id" }, { "ia", "ia" }, { "ia", "r" },
    { "ib", "ib" }, { "sv", "sv" }, { "r", "r" }
  };
  int j = 1 + rnd(i-1), p = rnd(8);
  if( rnd(3)==0 ) p = rnd(3);
  both(d, "x%d.%s = x%d.%s", i, azPair[p][0], j, azPair[p][1]);
}

/*
** One operand of a set operation into d: SELECT of nOut columns of the
** kinds aKind, named c1..cn, from one table or an equi-join of two, with
** an optional filter.
*/
static void diffSetOperand(Dual *d, int nOut, const int *aKind){
  Query q;
  char z[64];
  int i;
  memset(&q, 0, sizeof(q));
  q.nTab = 1 + rnd(2);
  for(i=0; i<q.nTab; i++) q.aTab[i] = rnd(DIFF_NTAB);
  q.nVisible = q.nTab;
  both(d, "SELECT ");
  for(i=0; i<nOut; i++){
    diffColumn(&q, aKind[i], z, sizeof(z));
    both(d, "%s%s AS c%d", i ? ", " : "", z, i+1);
  }
  both(d, " FROM %s x1", azTab[q.aTab[0]]);
  if( q.nTab>1 ){
    both(d, ", %s x2 WHERE ", azTab[q.aTab[1]]);
    diffJoinPred(d, 2);
  }
  if( rnd(2) ){
    both(d, q.nTab>1 ? " AND " : " WHERE ");
    diffPredicate(d, &q, 1);
  }
}

/*
** A set operation: UNION, UNION ALL, EXCEPT, INTERSECT, EXCEPT ALL or
** INTERSECT ALL of two operands, maybe under DISTINCT or with a third
** operand.  SQLite has no EXCEPT ALL / INTERSECT ALL: there each operand
** numbers its duplicates with ROW_NUMBER() and the plain form is applied
** to the numbered rows, which is the multiset semantics of the ALL form.
** Compared as multisets.
*/
static void diffGenerateSetOp(Dual *d){
  static const char *azOp[] = { "UNION", "UNION ALL", "EXCEPT", "INTERSECT", "EXCEPT ALL",
                                "INTERSECT ALL" };
  int aKind[3], nOut = 1 + rnd(3), op = rnd(6), i;
  char zCols[64];
  size_t n = 0;
  for(i=0; i<nOut; i++){
    aKind[i] = rnd(3);
    n += (size_t)snprintf(zCols+n, sizeof(zCols)-n, "%sc%d", i ? ", " : "", i+1);
  }
  if( op<4 ){
    int bDistinct = rnd(4)==0, bThird = rnd(4)==0;
    /* a third operand applies to the first two as a derived table (SQLite
    ** has no precedence of INTERSECT nor parenthesised operands) */
    if( bDistinct || bThird ) both(d, "SELECT %s%s FROM (", bDistinct ? "DISTINCT " : "", zCols);
    diffSetOperand(d, nOut, aKind);
    both(d, " %s ", azOp[op]);
    diffSetOperand(d, nOut, aKind);
    if( bDistinct || bThird ) both(d, ") AS u");
    if( bThird ){
      both(d, " %s ", azOp[rnd(4)]);
      diffSetOperand(d, nOut, aKind);
    }
    return;
  }
  each(d, "", "SELECT ");
  each(d, "", zCols);
  each(d, "", " FROM (SELECT ");
  each(d, "", zCols);
  each(d, "", ", ROW_NUMBER() OVER (PARTITION BY ");
  each(d, "", zCols);
  each(d, "", ") FROM (");
  diffSetOperand(d, nOut, aKind);
  each(d, " ", ") ");
  both(d, "%s ", op==4 ? "EXCEPT" : "INTERSECT");
  each(d, "ALL ", "SELECT ");
  each(d, "", zCols);
  each(d, "", ", ROW_NUMBER() OVER (PARTITION BY ");
  each(d, "", zCols);
  each(d, "", ") FROM (");
  diffSetOperand(d, nOut, aKind);
  each(d, "", "))");
}

/*
** Generate one query into d.  *pbOrdered says whether results must be
** compared in order.
*/
static void diffGenerate(Dual *d, int *pbOrdered){
  Query q;
  int i, nOut = 0, bAgg = rnd(3)==0, bDistinct = !bAgg && rnd(4)==0;
  int bWhere = 0, orderKind, nGroup = 0;
  char z[64];

  if( rnd(6)==0 ){
    *pbOrdered = 0;
    diffGenerateSetOp(d);
    return;
  }
  memset(&q, 0, sizeof(q));
  q.nTab = 1 + rnd(4);
  for(i=0; i<q.nTab; i++) q.aTab[i] = rnd(DIFF_NTAB);
  q.joinStyle = q.nTab>1 ? rnd(2) : 0;
  q.nVisible = q.nTab;

  both(d, "SELECT %s", bDistinct ? "DISTINCT " : "");
  if( bAgg ){
    static const char *azAgg[] = { "COUNT(*)", "COUNT(%s)", "SUM(%s)", "MIN(%s)", "MAX(%s)",
                                   "COUNT(DISTINCT %s)", "SUM(DISTINCT %s)" };
    int nAgg = 1 + rnd(3);
    nGroup = rnd(3);
    for(i=0; i<nGroup; i++){
      diffColumn(&q, -1, z, sizeof(z));
      both(d, "%s%s", nOut++ ? ", " : "", z);
    }
    for(i=0; i<nAgg; i++){
      int a = rnd(7);
      char zAgg[96];
      diffColumn(&q, a==2 || a==6 ? rnd(2) : -1, z, sizeof(z));
      snprintf(zAgg, sizeof(zAgg), azAgg[a], z);
      both(d, "%s%s", nOut++ ? ", " : "", zAgg);
    }
  }else{
    int n = 1 + rnd(4);
    for(i=0; i<n; i++){
      both(d, "%s", nOut++ ? ", " : "");
      diffScalar(d, &q, rnd(3));
    }
  }

  both(d, " FROM %s x1", azTab[q.aTab[0]]);
  for(i=1; i<q.nTab; i++){
    if( q.joinStyle==0 ){
      both(d, ", %s x%d", azTab[q.aTab[i]], i+1);
    }else{
      static const char *azJoin[] = { "", "", "", "LEFT ", "LEFT ", "RIGHT ", "FULL " };
      both(d, " %sJOIN %s x%d ON ", azJoin[rnd(bRightFull ? 7 : 5)], azTab[q.aTab[i]], i+1);
      diffJoinPred(d, i+1);
      if( rnd(4)==0 ){
        q.nVisible = i+1;
        both(d, " AND ");
        diffPredicate(d, &q, 0);
        q.nVisible = q.nTab;
      }
    }
  }
  if( q.joinStyle==0 && q.nTab>1 ){
    both(d, " WHERE ");
    for(i=1; i<q.nTab; i++){
      if( i>1 ) both(d, " AND ");
      diffJoinPred(d, i+1);
    }
    bWhere = 1;
  }
  if( rnd(3)!=0 ){
    both(d, bWhere ? " AND " : " WHERE ");
    diffPredicate(d, &q, 2);
  }
  if( bAgg && nGroup>0 ){
    both(d, " GROUP BY ");
    /* the grouping columns are the first nGroup result items: reuse them */
    {
      const char *zSel = strbufCStr(&d->m) + 7;
      char zCols[256];
      const char *zEnd = zSel;
      for(i=0; i<nGroup; i++){
        zEnd = strstr(zEnd, ", ");
        if( zEnd==0 ) break;
        zEnd += 2;
      }
      snprintf(zCols, sizeof(zCols), "%.*s", (int)(zEnd - zSel) - 2, zSel);
      both(d, "%s", zCols);
    }
    if( rnd(2) ){
      both(d, " HAVING COUNT(*) %s %d", rnd(2) ? ">" : "<=", 1 + rnd(4));
    }
  }

  /* ORDER BY: none, total (every column), or a prefix */
  orderKind = rnd(3);
  *pbOrdered = 0;
  if( orderKind>0 ){
    int n = orderKind==1 ? nOut : 1 + rnd(nOut);
    both(d, " ORDER BY ");
    for(i=0; i<n; i++){
      int bDesc = rnd(2);
      both(d, "%s%d", i ? ", " : "", i+1);
      each(d, bDesc ? " DESC" : "", bDesc ? " DESC NULLS FIRST" : " NULLS LAST");
    }
    if( n==nOut ){
      *pbOrdered = 1;
      if( rnd(2) ){
        int nOff = rnd(3)==0 ? 0 : rnd(20), nFetch = 1 + rnd(15), r = rnd(3);
        char zM[96], zQ[96];
        if( r==0 ){
          snprintf(zM, sizeof(zM), " OFFSET %d ROWS", nOff);
          snprintf(zQ, sizeof(zQ), " LIMIT -1 OFFSET %d", nOff);
        }else if( r==1 ){
          snprintf(zM, sizeof(zM), " FETCH FIRST %d ROWS ONLY", nFetch);
          snprintf(zQ, sizeof(zQ), " LIMIT %d", nFetch);
        }else{
          snprintf(zM, sizeof(zM), " OFFSET %d ROWS FETCH NEXT %d ROWS ONLY", nOff, nFetch);
          snprintf(zQ, sizeof(zQ), " LIMIT %d OFFSET %d", nFetch, nOff);
        }
        each(d, zM, zQ);
      }
    }
  }
}

/* ---------------------------------------------------- result capture */

typedef struct Rows {
  char **az;
  int n, nAlloc;
  int rc;                  /* 0, or the error */
  char zErr[1024];
} Rows;

static void rowsAdd(Rows *p, const char *z){
  if( p->n==p->nAlloc ){
    p->nAlloc = p->nAlloc ? p->nAlloc*2 : 64;
    p->az = realloc(p->az, sizeof(char*)*p->nAlloc);
    if( p->az==0 ){ fprintf(stderr, "out of memory\n"); exit(2); }
  }
  p->az[p->n++] = strdup(z);
}

static void rowsFree(Rows *p){
  int i;
  for(i=0; i<p->n; i++) free(p->az[i]);
  free(p->az);
  memset(p, 0, sizeof(*p));
}

/* Normalise number text: no trailing fraction zeros, no "-0". */
static void diffNormNumber(char *z){
  char *zDot = strchr(z, '.');
  size_t n;
  if( zDot && strchr(z, 'e')==0 && strchr(z, 'E')==0 ){
    n = strlen(z);
    while( n>0 && z[n-1]=='0' ) z[--n] = 0;
    if( n>0 && z[n-1]=='.' ) z[--n] = 0;
  }
  if( strcmp(z, "-0")==0 ) strcpy(z, "0");
}

/* Run zSql on mimerlite, each row as text into *pRows. */
static void diffRunMimer(MlSession *pSes, const char *zSql, Rows *pRows){
  MlError err;
  MlStmt *s = 0;
  int rc = mlPrepare(pSes, zSql, ML_PREPARE_NO_DDL, &s, &err);
  StrBuf b;
  strbufInit(&b, 0, 0);
  if( rc==0 ) rc = mlStmtOpen(s, &err);
  while( rc==0 && (rc = mlStmtNext(s, &err))==0 ){
    int c;
    strbufReset(&b);
    for(c=0; c<mlStmtColumnCount(s); c++){
      const Value *v = mlStmtColumn(s, c);
      if( c ) strbufAppendByte(&b, '|');
      if( v->isNull ){
        strbufAppendStr(&b, "NULL");
      }else if( SQLT_IS_NUMERIC(v->type) ){
        char zNum[128];
        StrBuf t;
        strbufInit(&t, 0, 0);
        valueToText(v, mlStmtColumnType(s, c), &t);
        snprintf(zNum, sizeof(zNum), "%s", strbufCStr(&t));
        strbufFree(&t);
        diffNormNumber(zNum);
        strbufAppendStr(&b, zNum);
      }else{
        valueToText(v, mlStmtColumnType(s, c), &b);
      }
    }
    rowsAdd(pRows, strbufCStr(&b));
  }
  strbufFree(&b);
  if( rc==ML_DONE ) rc = 0;
  if( rc ){
    pRows->rc = rc;
    snprintf(pRows->zErr, sizeof(pRows->zErr), "%d %s", rc, err.zMsg);
  }
  if( s ){
    if( mlStmtIsOpen(s) ) mlStmtClose(s, &err);
    mlStmtFinalize(s);
  }
}

/* Run zSql on SQLite, each row as text into *pRows. */
static void diffRunSqlite(sqlite3 *db, const char *zSql, Rows *pRows){
  sqlite3_stmt *s = 0;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &s, 0);
  StrBuf b;
  strbufInit(&b, 0, 0);
  while( rc==SQLITE_OK && (rc = sqlite3_step(s))==SQLITE_ROW ){
    int c;
    rc = SQLITE_OK;
    strbufReset(&b);
    for(c=0; c<sqlite3_column_count(s); c++){
      char zNum[128];
      if( c ) strbufAppendByte(&b, '|');
      switch( sqlite3_column_type(s, c) ){
        case SQLITE_NULL: strbufAppendStr(&b, "NULL"); break;
        case SQLITE_INTEGER:
          snprintf(zNum, sizeof(zNum), "%lld", (long long)sqlite3_column_int64(s, c));
          strbufAppendStr(&b, zNum);
          break;
        case SQLITE_FLOAT:
          snprintf(zNum, sizeof(zNum), "%.2f", sqlite3_column_double(s, c));
          diffNormNumber(zNum);
          strbufAppendStr(&b, zNum);
          break;
        default:
          strbufAppendStr(&b, (const char*)sqlite3_column_text(s, c));
          break;
      }
    }
    rowsAdd(pRows, strbufCStr(&b));
  }
  strbufFree(&b);
  if( rc!=SQLITE_DONE ){
    pRows->rc = rc ? rc : 1;
    snprintf(pRows->zErr, sizeof(pRows->zErr), "%s", sqlite3_errmsg(db));
  }
  sqlite3_finalize(s);
}

static int diffCmpStr(const void *a, const void *b){
  return strcmp(*(char*const*)a, *(char*const*)b);
}

/* Same rows (in order when bOrdered)?  Sorts both otherwise. */
static int diffSame(Rows *a, Rows *b, int bOrdered){
  int i;
  if( a->rc || b->rc || a->n!=b->n ) return 0;
  if( !bOrdered && a->n>1 ){
    qsort(a->az, (size_t)a->n, sizeof(char*), diffCmpStr);
    qsort(b->az, (size_t)b->n, sizeof(char*), diffCmpStr);
  }
  for(i=0; i<a->n; i++) if( strcmp(a->az[i], b->az[i]) ) return 0;
  return 1;
}

static void diffShowRows(const char *zWho, const Rows *p){
  int i;
  if( p->rc ){ fprintf(stderr, "  %s: error %s\n", zWho, p->zErr); return; }
  fprintf(stderr, "  %s: %d rows\n", zWho, p->n);
  for(i=0; i<p->n && i<8; i++) fprintf(stderr, "    %s\n", p->az[i]);
}

/* ------------------------------------------------------------- setup */

/* Run one statement on both databases; exits on failure. */
static void diffExecBoth(MlSession *pSes, sqlite3 *db, const char *zM, const char *zQ){
  MlError err;
  char *zErr = 0;
  if( mlSessionExecute(pSes, zM, &err) ){
    fprintf(stderr, "mimerlite: %s\n  %s\n", err.zMsg, zM);
    exit(2);
  }
  if( sqlite3_exec(db, zQ, 0, 0, &zErr)!=SQLITE_OK ){
    fprintf(stderr, "sqlite: %s\n  %s\n", zErr, zQ);
    exit(2);
  }
}

/* Create the tables and rows (from the seed) in both databases. */
static void diffSetup(MlSession *pSes, sqlite3 *db){
  int t, i;
  static const char *azIndex[] = {
    "CREATE INDEX t1_ia ON t1 (ia)",
    "CREATE INDEX t1_r ON t1 (r)",
    "CREATE INDEX t2_sv ON t2 (sv)",
    "CREATE INDEX t2_r ON t2 (r, ia)",
    "CREATE INDEX t3_ib ON t3 (ib)",
  };
  for(t=0; t<DIFF_NTAB; t++){
    Dual d;
    char z[256];
    snprintf(z, sizeof(z),
             "CREATE TABLE %s (id INTEGER PRIMARY KEY, r INTEGER, ia INTEGER, ib BIGINT,"
             " dc DECIMAL(8,2), sv VARCHAR(8))", azTab[t]);
    diffExecBoth(pSes, db, z, z);
    strbufInit(&d.m, 0, 0);
    strbufInit(&d.q, 0, 0);
    both(&d, "INSERT INTO %s VALUES ", azTab[t]);
    for(i=0; i<anRow[t]; i++){
      both(&d, "%s(%d, ", i ? ", " : "", i+1);
      if( rnd(8)==0 ) both(&d, "NULL, "); else both(&d, "%d, ", 1 + rnd(anRow[t]+20));
      if( rnd(8)==0 ) both(&d, "NULL, "); else both(&d, "%d, ", rnd(30));
      if( rnd(8)==0 ) both(&d, "NULL, "); else both(&d, "%d, ", rnd(1000)-100);
      if( rnd(8)==0 ) both(&d, "NULL, "); else both(&d, "%d.%02d, ", rnd(100)-50, 25*rnd(4));
      if( rnd(8)==0 ) both(&d, "NULL)"); else both(&d, "'%s')", azStr[rnd(DIFF_NSTR)]);
    }
    diffExecBoth(pSes, db, strbufCStr(&d.m), strbufCStr(&d.q));
    strbufFree(&d.m);
    strbufFree(&d.q);
  }
  for(i=0; i<(int)(sizeof(azIndex)/sizeof(azIndex[0])); i++){
    diffExecBoth(pSes, db, azIndex[i], azIndex[i]);
  }
}

int main(int argc, char **argv){
  const char *zTmp = getenv("MIMERLITE_TEST_TMP");
  unsigned long long seed = argc>1 ? strtoull(argv[1], 0, 10) : 20261126ULL;
  int nQuery = argc>2 ? atoi(argv[2]) : 2000;
  int bTrace = argc>3;
  int iQ, nPass = 0, nFail = 0;
  char zDb[4096], zCmd[4200];
  MlSession *pSes = 0;
  MlError err;
  sqlite3 *db = 0;

  diffRand = seed*2654435761ULL + 88172645463325252ULL;
  setenv("MIMERLITE_PWHASH", "fast", 1);
  snprintf(zDb, sizeof(zDb), "%s/sqldiff-%d", zTmp ? zTmp : "/tmp", (int)getpid());
  snprintf(zCmd, sizeof(zCmd), "rm -rf '%s'", zDb);
  if( system(zCmd)!=0 ) return 2;
  if( mlSessionOpen(zDb, "SYSADM", "SYSPASS", &pSes, &err) ){
    fprintf(stderr, "cannot open %s: %s\n", zDb, err.zMsg);
    return 2;
  }
  if( sqlite3_open(":memory:", &db)!=SQLITE_OK ) return 2;
  bRightFull = sqlite3_libversion_number()>=3039000;
  sqlite3_exec(db, "PRAGMA case_sensitive_like=ON", 0, 0, 0);
  diffSetup(pSes, db);

  for(iQ=0; iQ<nQuery; iQ++){
    Dual d;
    Rows a, b;
    int bOrdered;
    strbufInit(&d.m, 0, 0);
    strbufInit(&d.q, 0, 0);
    memset(&a, 0, sizeof(a));
    memset(&b, 0, sizeof(b));
    clock_t t0 = clock();
    diffGenerate(&d, &bOrdered);
    if( bTrace ) fprintf(stderr, "%d: %s\n", iQ, strbufCStr(&d.m));
    diffRunMimer(pSes, strbufCStr(&d.m), &a);
    diffRunSqlite(db, strbufCStr(&d.q), &b);
    if( bTrace ) fprintf(stderr, "   %.3f s\n", (double)(clock()-t0)/CLOCKS_PER_SEC);
    if( diffSame(&a, &b, bOrdered) ){
      nPass++;
    }else{
      if( nFail<DIFF_MAXSHOW ){
        fprintf(stderr, "MISMATCH #%d (query %d)\n  mimer:  %s\n  sqlite: %s\n", nFail+1, iQ,
                strbufCStr(&d.m), strbufCStr(&d.q));
        diffShowRows("mimerlite", &a);
        diffShowRows("sqlite", &b);
      }
      nFail++;
    }
    rowsFree(&a);
    rowsFree(&b);
    strbufFree(&d.m);
    strbufFree(&d.q);
  }
  printf("seed %llu: %d passed, %d failed\n", seed, nPass, nFail);
  mlSessionClose(pSes);
  sqlite3_close(db);
  if( system(zCmd)!=0 ) fprintf(stderr, "could not remove %s\n", zDb);
  return nFail ? 1 : 0;
}
