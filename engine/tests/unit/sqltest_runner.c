/*
** SQL script test runner: runs one engine/tests/sql/NAME.test file against a
** fresh database through the engine API (db/db.h) and compares results.
** Each script is one ctest case (sqltest.cmake).
**
** Format (a subset of sqllogictest), records separated by blank lines:
**
**   # comment                      lines starting with # are ignored
**   statement ok                   the SQL below must succeed
**   <sql, one or more lines>
**
**   statement error -10101         the SQL must fail with this Mimer code
**   <sql>                          ("statement error" alone: any error)
**
**   query ITR [rowsort]            a query; one letter per result column
**   <sql>                          (I integer, T text, R real/decimal: only
**   ----                           the count is checked); expected rows
**   <row>                          follow "----", one line per row, values
**   <row>                          separated by one blank, NULL as NULL,
**                                  '' as (empty); rowsort sorts both sides
**
**   query error -12262             a query whose prepare/open must fail
**   <sql>
**
**   connection NAME [IDENT PW]     switch to session NAME (opened as
**                                  SYSADM/SYSPASS, or IDENT/PW, on first
**                                  use), e.g. to test two concurrent
**                                  transactions or another ident's view
**   params a=x|b=y|z               parameters of the next statement or
**                                  query: `:a` gets x, `:b` y, the first
**                                  `?` z (each text converted to the
**                                  marker's type as CAST would)
**   begin | commit | rollback      explicit transaction control of the
**                                  current session (the C API's calls)
**   rowcount N                     the last statement changed N rows
**
** Values print as valueToText gives them (CHAR padding trimmed).  With
** MIMERLITE_SQLTEST_PRINT=1 in the environment every query's rows are also
** written to stdout (for writing expectations).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "db/db.h"
#include "types/cast.h"
#include "types/format.h"
#include "util/strbuf.h"

#define MAX_LINES 100000
#define MAX_CONN  8

static char **azLine;
static int nLine, iLine;
static const char *zFile;
static int nFail, nRecord;
static char zDbPath[4096];

typedef struct Conn {
  char zName[64];
  MlSession *p;
} Conn;
static Conn aConn[MAX_CONN];
static int nConn, iConn;
static int64_t nLastRows;

static void fail(int line, const char *zFmt, const char *z1, const char *z2){
  fprintf(stderr, "%s:%d: ", zFile, line);
  fprintf(stderr, zFmt, z1 ? z1 : "", z2 ? z2 : "");
  fprintf(stderr, "\n");
  nFail++;
}

static int readFile(const char *zPath){
  FILE *f = fopen(zPath, "r");
  char buf[65536];
  if( f==0 ) return 1;
  azLine = calloc(MAX_LINES, sizeof(char*));
  while( fgets(buf, sizeof(buf), f) && nLine<MAX_LINES ){
    size_t n = strlen(buf);
    while( n>0 && (buf[n-1]=='\n' || buf[n-1]=='\r') ) buf[--n] = 0;
    azLine[nLine++] = strdup(buf);
  }
  fclose(f);
  return 0;
}

static MlSession *conn(void){
  return aConn[iConn].p;
}

/* "NAME [IDENT PASSWORD]": switch to session NAME, opening it if new. */
static int openConn(const char *zArg){
  MlError err;
  char zName[64] = "", zIdent[130] = "SYSADM", zPw[130] = "SYSPASS";
  int i;
  sscanf(zArg, "%63s %129s %129s", zName, zIdent, zPw);
  for(i=0; i<nConn; i++){
    if( strcmp(aConn[i].zName, zName)==0 ){ iConn = i; return 0; }
  }
  if( nConn==MAX_CONN ) return 1;
  snprintf(aConn[nConn].zName, sizeof(aConn[nConn].zName), "%s", zName);
  if( mlSessionOpen(zDbPath, zIdent, zPw, &aConn[nConn].p, &err) ){
    fprintf(stderr, "cannot open session: %s\n", err.zMsg);
    return 1;
  }
  iConn = nConn++;
  return 0;
}

/* Parameters for the next statement ("params" record), or 0. */
static char *zParams;

/*
** Bind zParams (consumed) to s: a `:name` marker takes the item
** "name=value", the k-th `?` the k-th item without a name.  Each value is
** the text converted to the marker's type, as CAST would convert it.
*/
static int bindParams(MlStmt *s, MlError *pErr){
  char *azItem[64];
  int nItem = 0, i, rc = 0, iPos = 0;
  char *z = zParams;
  Arena a;
  if( z==0 ) return 0;
  arenaInit(&a, 1024);
  while( z && nItem<64 ){
    char *zBar = strchr(z, '|');
    if( zBar ) *zBar = 0;
    azItem[nItem++] = z;
    z = zBar ? zBar+1 : 0;
  }
  for(i=0; rc==0 && i<mlStmtParamCount(s); i++){
    const char *zName = mlStmtParamName(s, i);
    const SqlType *t = mlStmtParamType(s, i);
    const char *zVal = 0;
    Value v;
    int k;
    for(k=0; k<nItem; k++){
      char *zEq = strchr(azItem[k], '=');
      size_t n = zEq ? (size_t)(zEq - azItem[k]) : 0;
      if( zName[0] && zEq && strlen(zName)==n && strncasecmp(zName, azItem[k], n)==0 ){
        zVal = zEq+1;
        break;
      }
      if( !zName[0] && !zEq && iPos==k ){ zVal = azItem[k]; break; }
    }
    if( !zName[0] ) iPos++;
    memset(&v, 0, sizeof(v));
    v.type = t->id;
    if( zVal==0 ){
      v.isNull = 1;
    }else{
      /* The text converted as CAST(text AS marker type), like MimerSetString8. */
      SqlType tText;
      Value vText;
      memset(&tText, 0, sizeof(tText));
      memset(&vText, 0, sizeof(vText));
      tText.id = SQLT_NVARCHAR;
      tText.length = (uint32_t)strlen(zVal) + 1;
      vText.type = SQLT_NVARCHAR;
      vText.u.s.z = zVal;
      vText.u.s.n = (uint32_t)strlen(zVal);
      rc = valueCast(&vText, &tText, t, &a, &v, pErr);
    }
    if( rc==0 ) rc = mlStmtBind(s, i, &v, pErr);
  }
  arenaFree(&a);
  free(zParams);
  zParams = 0;
  return rc;
}

/* Collect SQL lines from iLine up to a blank line or "----". */
static char *readSql(void){
  StrBuf b;
  strbufInit(&b, 0, 0);
  while( iLine<nLine && azLine[iLine][0] && strcmp(azLine[iLine], "----")!=0 ){
    if( b.n ) strbufAppendByte(&b, '\n');
    strbufAppendStr(&b, azLine[iLine]);
    iLine++;
  }
  {
    char *z = strdup(strbufCStr(&b));
    strbufFree(&b);
    return z;
  }
}

static int cmpStr(const void *a, const void *b){
  return strcmp(*(char*const*)a, *(char*const*)b);
}

static void trimRight(char *z){
  size_t n = strlen(z);
  while( n>0 && z[n-1]==' ' ) z[--n] = 0;
}

static void doStatement(int line, int bErr, int code, const char *zSql){
  MlError err;
  MlStmt *s;
  int rc = mlPrepare(conn(), zSql, 0, &s, &err);
  nLastRows = 0;
  if( rc==0 ){
    rc = bindParams(s, &err);
    if( rc ) mlStmtFinalize(s);
  }
  free(zParams);             /* unused when the prepare failed */
  zParams = 0;
  if( rc==0 ){
    if( mlStmtKind(s)==ML_STMT_QUERY ){
      rc = mlStmtOpen(s, &err);
      if( rc==0 ){
        while( (rc = mlStmtNext(s, &err))==0 ){}
        if( rc==ML_DONE ) rc = mlStmtClose(s, &err); else mlStmtClose(s, &(MlError){0});
      }
    }else{
      rc = mlStmtExecute(s, &nLastRows, &err);
    }
    mlStmtFinalize(s);
  }
  if( bErr ){
    char z[32];
    snprintf(z, sizeof(z), "%d", code);
    if( rc>=0 ) fail(line, "statement succeeded, expected error %s%s", code ? z : "", "");
    else if( code && rc!=code ){
      char zGot[600];
      snprintf(zGot, sizeof(zGot), "%d %s", rc, err.zMsg);
      fail(line, "expected error %s, got %s", z, zGot);
    }
  }else if( rc<0 ){
    char zGot[600];
    snprintf(zGot, sizeof(zGot), "%d %s", rc, err.zMsg);
    fail(line, "statement failed: %s%s", zGot, "");
  }
}

static void doQuery(int line, const char *zTypes, int bRowsort, int bErr, int code, char *zSql){
  MlError err;
  MlStmt *s = 0;
  char **azGot = 0, **azExp = 0;
  int nGot = 0, nExp = 0, rc, i;
  rc = mlPrepare(conn(), zSql, ML_PREPARE_NO_DDL, &s, &err);
  if( rc==0 ) rc = bindParams(s, &err);
  free(zParams);             /* unused when the prepare failed */
  zParams = 0;
  if( rc==0 ) rc = mlStmtOpen(s, &err);
  if( rc==0 && !bErr && zTypes && (int)strlen(zTypes)!=mlStmtColumnCount(s) ){
    char z[64];
    snprintf(z, sizeof(z), "%d", mlStmtColumnCount(s));
    fail(line, "query has %s columns, expected %s", z, zTypes);
  }
  while( rc==0 ){
    StrBuf b;
    int c;
    rc = mlStmtNext(s, &err);
    if( rc ) break;
    strbufInit(&b, 0, 0);
    for(c=0; c<mlStmtColumnCount(s); c++){
      const Value *v = mlStmtColumn(s, c);
      if( c ) strbufAppendByte(&b, ' ');
      if( v->isNull ) strbufAppendStr(&b, "NULL");
      else{
        size_t n0 = b.n;
        valueToText(v, mlStmtColumnType(s, c), &b);
        while( b.n>n0 && b.a[b.n-1]==' ' ) b.n--;
        if( b.n==n0 ) strbufAppendStr(&b, "(empty)");
      }
    }
    azGot = realloc(azGot, sizeof(char*)*(nGot+1));
    azGot[nGot++] = strdup(strbufCStr(&b));
    strbufFree(&b);
  }
  if( rc==ML_DONE ) rc = 0;
  if( s ){
    if( mlStmtIsOpen(s) ){
      MlError e2;
      int rc2 = mlStmtClose(s, &e2);
      if( rc==0 && rc2<0 ){ rc = rc2; err = e2; }
    }
    mlStmtFinalize(s);
  }
  if( bErr ){
    char z[32];
    snprintf(z, sizeof(z), "%d", code);
    if( rc>=0 ) fail(line, "query succeeded, expected error %s%s", z, "");
    else if( code && rc!=code ){
      char zGot[600];
      snprintf(zGot, sizeof(zGot), "%d %s", rc, err.zMsg);
      fail(line, "expected error %s, got %s", z, zGot);
    }
    goto done;
  }
  if( rc<0 ){
    char zGot[600];
    snprintf(zGot, sizeof(zGot), "%d %s", rc, err.zMsg);
    fail(line, "query failed: %s%s", zGot, "");
  }
  if( iLine<nLine && strcmp(azLine[iLine], "----")==0 ){
    iLine++;
    while( iLine<nLine && azLine[iLine][0] ){
      azExp = realloc(azExp, sizeof(char*)*(nExp+1));
      azExp[nExp] = strdup(azLine[iLine]);
      trimRight(azExp[nExp]);
      nExp++;
      iLine++;
    }
  }
  if( rc<0 ) goto done;
  if( getenv("MIMERLITE_SQLTEST_PRINT") ){
    printf("# line %d\n----\n", line);
    for(i=0; i<nGot; i++) printf("%s\n", azGot[i]);
    printf("\n");
  }
  if( bRowsort ){
    qsort(azGot, nGot, sizeof(char*), cmpStr);
    qsort(azExp, nExp, sizeof(char*), cmpStr);
  }
  for(i=0; i<nGot || i<nExp; i++){
    if( i>=nGot ){ fail(line, "missing row: %s%s", azExp[i], ""); break; }
    if( i>=nExp ){ fail(line, "unexpected row: %s%s", azGot[i], ""); break; }
    if( strcmp(azGot[i], azExp[i])!=0 ){ fail(line, "got row '%s', expected '%s'", azGot[i], azExp[i]); break; }
  }
done:
  for(i=0; i<nGot; i++) free(azGot[i]);
  for(i=0; i<nExp; i++) free(azExp[i]);
  free(azGot);
  free(azExp);
}

int main(int argc, char **argv){
  const char *zTmp = getenv("MIMERLITE_TEST_TMP");
  const char *zBase;
  int i;
  if( argc!=2 ){ fprintf(stderr, "usage: %s FILE.test\n", argv[0]); return 2; }
  zFile = argv[1];
  if( readFile(zFile) ){ fprintf(stderr, "cannot read %s\n", zFile); return 2; }
  setenv("MIMERLITE_PWHASH", "fast", 1);
  zBase = strrchr(zFile, '/') ? strrchr(zFile, '/')+1 : zFile;
  snprintf(zDbPath, sizeof(zDbPath), "%s/sqltest-%s-%d", zTmp ? zTmp : "/tmp", zBase, (int)getpid());
  {
    char zCmd[4200];
    snprintf(zCmd, sizeof(zCmd), "rm -rf '%s'", zDbPath);
    if( system(zCmd)!=0 ) return 2;
  }
  if( openConn("default") ) return 2;
  while( iLine<nLine ){
    char *z = azLine[iLine];
    int line = iLine+1;
    if( z[0]==0 || z[0]=='#' ){ iLine++; continue; }
    nRecord++;
    iLine++;
    if( strncmp(z, "statement ok", 12)==0 ){
      char *zSql = readSql();
      doStatement(line, 0, 0, zSql);
      free(zSql);
    }else if( strncmp(z, "statement error", 15)==0 ){
      int code = atoi(z+15);
      char *zSql = readSql();
      doStatement(line, 1, code, zSql);
      free(zSql);
    }else if( strncmp(z, "query error", 11)==0 ){
      int code = atoi(z+11);
      char *zSql = readSql();
      doQuery(line, 0, 0, 1, code, zSql);
      free(zSql);
    }else if( strncmp(z, "query ", 6)==0 ){
      char zTypes[64] = "";
      char zOpt[64] = "";
      char *zSql;
      sscanf(z+6, "%63s %63s", zTypes, zOpt);
      zSql = readSql();
      doQuery(line, zTypes, strcmp(zOpt, "rowsort")==0, 0, 0, zSql);
      free(zSql);
    }else if( strncmp(z, "connection ", 11)==0 ){
      if( openConn(z+11) ){ fail(line, "cannot open connection %s%s", z+11, ""); break; }
    }else if( strcmp(z, "begin")==0 || strcmp(z, "commit")==0 || strcmp(z, "rollback")==0 ){
      MlError err;
      int rc = z[0]=='b' ? mlSessionBegin(conn(), 0, &err) : mlSessionEnd(conn(), z[0]=='c', &err);
      if( rc<0 ){
        char zGot[600];
        snprintf(zGot, sizeof(zGot), "%d %s", rc, err.zMsg);
        if( iLine<nLine && strncmp(azLine[iLine], "error ", 6)==0 ){
          if( atoi(azLine[iLine]+6)!=rc ) fail(line, "%s failed: %s", z, zGot);
          iLine++;
        }else{
          fail(line, "%s failed: %s", z, zGot);
        }
      }else if( iLine<nLine && strncmp(azLine[iLine], "error ", 6)==0 ){
        fail(line, "%s succeeded, expected %s", z, azLine[iLine]);
        iLine++;
      }
    }else if( strncmp(z, "params ", 7)==0 ){
      free(zParams);
      zParams = strdup(z+7);
    }else if( strncmp(z, "rowcount ", 9)==0 ){
      if( nLastRows!=atoll(z+9) ){
        char zN[32];
        snprintf(zN, sizeof(zN), "%lld", (long long)nLastRows);
        fail(line, "row count %s, expected %s", zN, z+9);
      }
    }else{
      fail(line, "unknown record: %s%s", z, "");
      while( iLine<nLine && azLine[iLine][0] ) iLine++;
    }
  }
  for(i=0; i<nConn; i++) mlSessionClose(aConn[i].p);
  {
    char zCmd[4200];
    snprintf(zCmd, sizeof(zCmd), "rm -rf '%s'", zDbPath);
    if( system(zCmd)!=0 ) fprintf(stderr, "could not remove %s\n", zDbPath);
  }
  for(i=0; i<nLine; i++) free(azLine[i]);
  free(azLine);
  fprintf(stderr, "%s: %d records, %d failures\n", zFile, nRecord, nFail);
  return nFail ? 1 : 0;
}
