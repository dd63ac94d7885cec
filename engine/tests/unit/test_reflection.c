/*
** Reflection at scale: 500 tables reflected with one batched query per
** kind, as the dialect's get_multi_* methods issue them (COLUMNS WHERE
** TABLE_SCHEMA = :s AND TABLE_NAME IN (:n1, ..., :n500)).  Checks the row
** counts and prints the times (not asserted: the shared VM's speed varies).
** The per-query behaviour of the views is tested by the SQL scripts
** engine/tests/sql/catalog_*.test.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "testutil.h"
#include "util/strbuf.h"

#define N_TABLE 500

static double nowSec(void){
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec/1e9;
}

/* Prepare zSql, bind every parameter to a table name (the first, if it
** is :s, to the schema), run it; returns the row count or -1. */
static int64_t runQuery(MlSession *pSes, const char *zSql, double *pSec){
  MlError err;
  MlStmt *s = 0;
  int64_t n = 0;
  int i, rc;
  double t0 = nowSec();
  rc = mlPrepare(pSes, zSql, ML_PREPARE_NO_DDL, &s, &err);
  for(i=0; rc==0 && i<mlStmtParamCount(s); i++){
    char zName[32];
    Value v;
    memset(&v, 0, sizeof(v));
    v.type = mlStmtParamType(s, i)->id;
    if( strcmp(mlStmtParamName(s, i), "s")==0 ) snprintf(zName, sizeof(zName), "sysadm");
    else snprintf(zName, sizeof(zName), "T%d", i);   /* the case differs from the DDL */
    v.u.s.z = zName;
    v.u.s.n = (uint32_t)strlen(zName);
    rc = mlStmtBind(s, i, &v, &err);
  }
  if( rc==0 ) rc = mlStmtOpen(s, &err);
  while( rc==0 && (rc = mlStmtNext(s, &err))==0 ) n++;
  if( rc==ML_DONE ) rc = mlStmtClose(s, &err);
  if( rc<0 ) fprintf(stderr, "query failed: %d %s\n", rc, err.zMsg);
  mlStmtFinalize(s);
  *pSec = nowSec() - t0;
  return rc<0 ? -1 : n;
}

/* A query with :s and N_TABLE name markers in "IN (...)". */
static char *batched(const char *zHead, const char *zTail){
  StrBuf b;
  int i;
  char *z;
  strbufInit(&b, 0, 0);
  strbufAppendStr(&b, zHead);
  for(i=1; i<=N_TABLE; i++) strbufPrintf(&b, "%s:n%d", i>1 ? ", " : "", i);
  strbufAppendStr(&b, zTail);
  z = strdup(strbufCStr(&b));
  strbufFree(&b);
  return z;
}

static void test_reflect_500_tables(void){
  const char *zDir = testTempDir("reflection");
  MlSession *pSes = 0;
  MlError err;
  int i, rc;
  double t0, sec;
  char *zSql;
  setenv("MIMERLITE_PWHASH", "fast", 1);
  rc = mlSessionOpen(zDir, "SYSADM", "SYSPASS", &pSes, &err);
  CHECK_EQ_INT(rc, 0);
  if( rc ) return;
  t0 = nowSec();
  for(i=1; i<=N_TABLE && rc==0; i++){
    char z[300];
    snprintf(z, sizeof(z), "CREATE TABLE t%d (id INTEGER PRIMARY KEY, a VARCHAR(20) NOT NULL,"
             " b DECIMAL(10,2), c TIMESTAMP, d INTEGER UNIQUE)", i);
    rc = mlSessionExecute(pSes, z, &err);
  }
  CHECK_EQ_INT(rc, 0);
  printf("create %d tables: %.2f s\n", N_TABLE, nowSec()-t0);

  zSql = batched("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                 " WHERE TABLE_SCHEMA = :s AND TABLE_NAME IN (", ") ORDER BY TABLE_NAME, ORDINAL_POSITION");
  CHECK_EQ_INT(runQuery(pSes, zSql, &sec), N_TABLE*5);
  printf("COLUMNS, %d tables in one IN list: %.3f s\n", N_TABLE, sec);
  free(zSql);

  zSql = batched("SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                 " WHERE TABLE_SCHEMA = :s AND TABLE_NAME IN (", ")");
  CHECK_EQ_INT(runQuery(pSes, zSql, &sec), N_TABLE*2);
  printf("TABLE_CONSTRAINTS, %d tables: %.3f s\n", N_TABLE, sec);
  free(zSql);

  zSql = batched("SELECT TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE"
                 " WHERE TABLE_SCHEMA = :s AND TABLE_NAME IN (", ")");
  CHECK_EQ_INT(runQuery(pSes, zSql, &sec), N_TABLE*2);
  printf("KEY_COLUMN_USAGE, %d tables: %.3f s\n", N_TABLE, sec);
  free(zSql);

  CHECK_EQ_INT(runQuery(pSes, "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                        " WHERE TABLE_SCHEMA = :s AND TABLE_TYPE = 'BASE TABLE'", &sec), N_TABLE);
  printf("TABLES of the schema: %.3f s\n", sec);

  CHECK_EQ_INT(runQuery(pSes, "SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                        " WHERE TABLE_SCHEMA = :s AND TABLE_NAME = :t ORDER BY ORDINAL_POSITION", &sec), 5);
  printf("COLUMNS of one table: %.4f s\n", sec);

  /* the dialect's get_pk_constraint: a join of two views */
  CHECK_EQ_INT(runQuery(pSes, "SELECT kcu.COLUMN_NAME, tc.CONSTRAINT_NAME"
                        " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
                        " JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE kcu"
                        " ON tc.CONSTRAINT_SCHEMA = kcu.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = kcu.CONSTRAINT_NAME"
                        " WHERE tc.CONSTRAINT_TYPE = 'PRIMARY KEY' AND tc.TABLE_SCHEMA = :s AND tc.TABLE_NAME = :t"
                        " ORDER BY kcu.ORDINAL_POSITION", &sec), 1);
  printf("get_pk_constraint of one table (view join): %.3f s\n", sec);
  mlSessionClose(pSes);
}

int main(void){
  TEST_RUN(test_reflect_500_tables);
  return testReport();
}
