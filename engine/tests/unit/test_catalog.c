/*
** Catalog tests: the data dictionary persists, other sessions see DDL
** through the catalog version, the catalog survives closing every session
** (the database object and its LMDB environment are released and opened
** again, as after a process restart), logins are checked, and an unknown
** database is -18500 without MIMERLITE_CREATE.
*/
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "testutil.h"

static char zDb[1024];

static int execSql(MlSession *p, const char *zSql){
  MlError err;
  int rc = mlSessionExecute(p, zSql, &err);
  if( rc ) fprintf(stderr, "%s: %d %s\n", zSql, rc, err.zMsg);
  return rc;
}

/* The single integer a query returns, or -999 on error. */
static long long queryInt(MlSession *p, const char *zSql){
  MlError err;
  MlStmt *s;
  long long v = -999;
  if( mlPrepare(p, zSql, ML_PREPARE_NO_DDL, &s, &err) ) return -999;
  if( mlStmtOpen(s, &err)==0 && mlStmtNext(s, &err)==0 ){
    const Value *pv = mlStmtColumn(s, 0);
    v = pv->isNull ? -1 : pv->u.i;
  }
  mlStmtFinalize(s);
  return v;
}

static void test_create_and_login(void){
  MlSession *p = 0;
  MlError err;
  CHECK_EQ_INT(mlSessionOpen(zDb, "SYSADM", "secret", &p, &err), 0);
  CHECK_EQ_STR(mlSessionIdent(p), "SYSADM");
  mlSessionClose(p);
  p = 0;
  CHECK_EQ_INT(mlSessionOpen(zDb, "SYSADM", "wrong", &p, &err), ML_E_LOGIN_FAILURE);
  CHECK(p==0);
  CHECK_EQ_INT(mlSessionOpen(zDb, "nobody", "secret", &p, &err), ML_E_LOGIN_FAILURE);
  CHECK_EQ_INT(mlSessionOpen(zDb, "sysadm", "secret", &p, &err), 0);
  mlSessionClose(p);
}

static void test_unknown_database(void){
  MlSession *p = 0;
  MlError err;
  char zOther[1100];
  snprintf(zOther, sizeof(zOther), "%s-missing", zDb);
  CHECK_EQ_INT(mlSessionOpen(zOther, "bob", "x", &p, &err), ML_E_DATABASE_UNKNOWN);
  setenv("MIMERLITE_CREATE", "0", 1);
  CHECK_EQ_INT(mlSessionOpen(zOther, "SYSADM", "x", &p, &err), ML_E_DATABASE_UNKNOWN);
  unsetenv("MIMERLITE_CREATE");
}

static void test_ddl_seen_by_other_session(void){
  MlSession *a = 0, *b = 0;
  MlError err;
  MlStmt *s = 0;
  int64_t n;
  CHECK_EQ_INT(mlSessionOpen(zDb, "SYSADM", "secret", &a, &err), 0);
  CHECK_EQ_INT(mlSessionOpen(zDb, "SYSADM", "secret", &b, &err), 0);
  /* b prepares against the old catalog, a changes it */
  CHECK_EQ_INT(execSql(a, "CREATE TABLE cat1 (id INTEGER PRIMARY KEY, v VARCHAR(10))"), 0);
  CHECK_EQ_INT(mlPrepare(b, "INSERT INTO cat1 VALUES (1, 'x')", 0, &s, &err), 0);
  CHECK_EQ_INT(mlStmtExecute(s, &n, &err), 0);
  CHECK_EQ_INT(n, 1);
  /* the prepared statement is recompiled after a later catalog change */
  CHECK_EQ_INT(execSql(a, "CREATE INDEX cat1_v ON cat1 (v)"), 0);
  CHECK_EQ_INT(execSql(b, "DELETE FROM cat1"), 0);
  CHECK_EQ_INT(mlStmtExecute(s, &n, &err), 0);
  CHECK_EQ_INT(queryInt(a, "SELECT COUNT(*) FROM cat1 WHERE v = 'x'"), 1);
  mlStmtFinalize(s);
  CHECK_EQ_INT(execSql(a, "CREATE IDENT alice AS USER USING 'pw'"), 0);
  mlSessionClose(a);
  mlSessionClose(b);
}

static void test_persist_across_restart(void){
  MlSession *p = 0, *q = 0;
  MlError err;
  /* every session above was closed: the database object was released */
  CHECK_EQ_INT(mlSessionOpen(zDb, "SYSADM", "secret", &p, &err), 0);
  CHECK_EQ_INT(queryInt(p, "SELECT COUNT(*) FROM cat1"), 1);
  CHECK_EQ_INT(queryInt(p, "SELECT COUNT(*) FROM SYSTEM.INDEXES WHERE INDEX_NAME = 'cat1_v'"), 1);
  CHECK_EQ_INT(mlSessionOpen(zDb, "ALICE", "pw", &q, &err), 0);
  if( q ){
    CHECK_EQ_STR(mlSessionIdent(q), "alice");
    CHECK_EQ_INT(execSql(q, "CREATE TABLE mine (x INTEGER)"), 0);
    /* SYSADM has no implicit privilege on other idents' tables */
    CHECK_EQ_INT(queryInt(p, "SELECT COUNT(*) FROM alice.mine"), -999);
    CHECK_EQ_INT(execSql(q, "GRANT SELECT ON mine TO SYSADM"), 0);
    CHECK_EQ_INT(queryInt(p, "SELECT COUNT(*) FROM alice.mine"), 0);
    mlSessionClose(q);
  }
  CHECK_EQ_INT(execSql(p, "DROP TABLE cat1"), 0);
  mlSessionClose(p);
  CHECK_EQ_INT(mlSessionOpen(zDb, "SYSADM", "secret", &p, &err), 0);
  CHECK_EQ_INT(queryInt(p, "SELECT COUNT(*) FROM SYSTEM.TABLES WHERE TABLE_NAME = 'cat1'"), 0);
  CHECK_EQ_INT(queryInt(p, "SELECT COUNT(*) FROM SYSTEM.INDEXES"), 0);
  mlSessionClose(p);
}

int main(void){
  setenv("MIMERLITE_PWHASH", "fast", 1);
  snprintf(zDb, sizeof(zDb), "%s/db", testTempDir("catalog"));
  TEST_RUN(test_create_and_login);
  TEST_RUN(test_unknown_database);
  TEST_RUN(test_ddl_seen_by_other_session);
  TEST_RUN(test_persist_across_restart);
  return testReport();
}
