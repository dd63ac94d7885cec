/*
** Tests of the Mimer SQL C API as a client sees it: compiled against
** mimerapi.h only (no engine header) and linked with the static engine.
** They pin the misuse rules (NULL, stale and wrong-kind handles -24108,
** call order -24101, column numbers -24102, types -24104, login errors,
** the error-retrieval probe protocol) and, on a fresh database under a
** temporary MIMERLITE_HOME, a prepared insert/select loop through every
** setter and getter, batches, scroll cursors, empty and 10 MB LOB round trips and
** the BUILTIN.GIS_* types.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "mimerapi.h"
#include "testutil.h"

#define DB "capidb"

static const char *zCreate =
  "CREATE TABLE t (i INTEGER PRIMARY KEY, s SMALLINT, b BIGINT, d DECIMAL(10,2), "
  "f DOUBLE PRECISION, r REAL, c CHAR(10), v VARCHAR(20), n NVARCHAR(20), bo BOOLEAN, "
  "dt DATE, ts TIMESTAMP(2), bin VARBINARY(16), u BUILTIN.UUID, bl BLOB(100M), "
  "cl NCLOB(100M))";
static const char *zInsert =
  "INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
static const char *zSelect =
  "SELECT i, s, b, d, f, r, c, v, n, bo, dt, ts, bin, u, bl, cl FROM t ORDER BY i";

static int setRow(MimerStatement st, int k);

/* Open a session on the test database as SYSADM (created on first use). */
static MimerSession openSession(void){
  MimerSession s = MIMERNULLHANDLE;
  int rc = MimerBeginSession8(DB, "SYSADM", "SYSPASS", &s);
  CHECK_EQ_INT(rc, 0);
  CHECK(s!=MIMERNULLHANDLE);
  return s;
}

/* The last error on handle h: its code, and its text into zBuf. */
static int lastError(void *h, char *zBuf, size_t nBuf){
  int32_t code = 0;
  int rc = MimerGetError8(h, &code, zBuf, nBuf);
  CHECK(rc>=0);
  return code;
}

static void test_version(void){
  CHECK_EQ_STR(MimerAPIVersion(), "11.0.8A");
}

/* Every kind of routine rejects a NULL handle with -24108, without crashing. */
static void test_null_handles(void){
  MimerSession s = MIMERNULLHANDLE;
  MimerStatement st = MIMERNULLHANDLE;
  MimerLob lob = MIMERNULLHANDLE;
  int32_t i32, code = 1;
  int64_t i64;
  size_t n;
  char buf[16];
  CHECK_EQ_INT(MimerEndSession(&s), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerEndSession(NULL), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerEndSessionHard(&s), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerPing(s), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerBeginTransaction(s, MIMER_TRANS_READWRITE), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerEndTransaction(s, MIMER_COMMIT), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerBeginStatement8(s, "SELECT 1 FROM system.onerow", 0, &st), MIMER_HANDLE_INVALID);
  CHECK(st==MIMERNULLHANDLE);
  CHECK_EQ_INT(MimerExecuteStatement8(s, "CREATE TABLE x (a INT)"), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerEndStatement(&st), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerEndStatement(NULL), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerExecute(st), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerAddBatch(st), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerOpenCursor(st), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerFetch(st), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerFetchScroll(st, MIMER_FIRST, 0), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerCloseCursor(st), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerColumnCount(st), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerParameterCount(st), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerColumnName8(st, 1, buf, sizeof(buf)), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerIsNull(st, 1), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerGetInt32(st, 1, &i32), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerGetInt64(st, 1, &i64), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerGetString8(st, 1, buf, sizeof(buf)), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerSetInt32(st, 1, 1), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerSetString8(st, 1, "x"), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerSetNull(st, 1), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerSetLob(st, 1, 10, &lob), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerGetLob(st, 1, &n, &lob), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerSetBlobData(&lob, "x", 1), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerSetNclobData8(&lob, "x", 1), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerGetBlobData(&lob, buf, sizeof(buf)), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerGetNclobData8(&lob, buf, sizeof(buf)), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerGetLobLength(lob), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerGetSequenceInt64(st, &i64), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerGetError8(NULL, &code, buf, sizeof(buf)), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerNextError(NULL), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerGetCallback8(st, buf, sizeof(buf), &i32), MIMER_HANDLE_INVALID);
}

/* Wrong password and unknown database fail, with a handle carrying the text. */
static void test_login_failures(void){
  MimerSession s = openSession();
  char buf[128];
  int rc;
  CHECK_EQ_INT(MimerEndSession(&s), 0);
  CHECK(s==MIMERNULLHANDLE);

  rc = MimerBeginSession8(DB, "SYSADM", "wrong", &s);
  CHECK_EQ_INT(rc, -14006);
  CHECK(s!=MIMERNULLHANDLE);
  CHECK_EQ_INT(lastError(s, buf, sizeof(buf)), -14006);
  CHECK_EQ_STR(buf, "Login failure");
  CHECK_EQ_INT(MimerBeginTransaction(s, 0), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerEndSession(&s), 0);
  CHECK(s==MIMERNULLHANDLE);

  rc = MimerBeginSession8("nosuchdb", "NOBODY", "x", &s);
  CHECK_EQ_INT(rc, -18500);
  CHECK_EQ_INT(lastError(s, buf, sizeof(buf)), -18500);
  CHECK(strstr(buf, "nosuchdb")!=0);
  CHECK_EQ_INT(MimerEndSession(&s), 0);
}

/* Freed and wrong-kind handles are -24108; errors belong to their handle. */
static void test_stale_and_wrong_kind_handles(void){
  MimerSession s = openSession();
  MimerSession sStale;
  MimerStatement st = MIMERNULLHANDLE, stStale;
  char buf[128];
  int32_t code;
  CHECK_EQ_INT(MimerExecuteStatement8(s, zCreate), 0);
  CHECK_EQ_INT(MimerBeginStatement8(s, zSelect, MIMER_FORWARD_ONLY, &st), 0);
  stStale = st;
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK(st==MIMERNULLHANDLE);
  CHECK_EQ_INT(MimerFetch(stStale), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerEndStatement(&stStale), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerGetError8(stStale, &code, buf, sizeof(buf)), MIMER_HANDLE_INVALID);

  /* a session handle passed where a statement is expected, and back */
  CHECK_EQ_INT(MimerFetch((MimerStatement)(void*)s), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerBeginStatement8(s, zSelect, 0, &st), 0);
  CHECK_EQ_INT(MimerPing((MimerSession)(void*)st), MIMER_HANDLE_INVALID);

  /* ending the session ends its statements */
  sStale = s;
  CHECK_EQ_INT(MimerEndSession(&s), 0);
  CHECK_EQ_INT(MimerFetch(st), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerPing(sStale), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerEndSession(&sStale), MIMER_HANDLE_INVALID);
}

/* Calls out of order are -24101, bad numbers -24102, DDL cannot be prepared. */
static void test_call_order_and_numbers(void){
  MimerSession s = openSession();
  MimerStatement st = MIMERNULLHANDLE, ins = MIMERNULLHANDLE;
  char buf[128], small[8];
  int32_t v, code = 0;
  int rc, n;

  rc = MimerBeginStatement8(s, "CREATE TABLE x (a INTEGER)", 0, &st);
  CHECK_EQ_INT(rc, MIMER_STATEMENT_CANNOT_BE_PREPARED);
  CHECK(st==MIMERNULLHANDLE);
  CHECK_EQ_INT(lastError(s, buf, sizeof(buf)), MIMER_STATEMENT_CANNOT_BE_PREPARED);

  CHECK_EQ_INT(MimerEndTransaction(s, MIMER_COMMIT), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerBeginTransaction(s, 2), MIMER_PARAMETER_INVALID);

  CHECK_EQ_INT(MimerBeginStatement8(s, zSelect, 0, &st), 0);
  CHECK_EQ_INT(MimerColumnCount(st), 16);
  CHECK_EQ_INT(MimerParameterCount(st), 0);
  CHECK_EQ_INT(MimerFetch(st), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerExecute(st), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerAddBatch(st), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerGetInt32(st, 1, &v), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerIsNull(st, 1), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerColumnType(st, 0), MIMER_NONEXISTENT_COLUMN_PARAMETER);
  CHECK_EQ_INT(MimerColumnType(st, 17), MIMER_NONEXISTENT_COLUMN_PARAMETER);
  CHECK_EQ_INT(MimerGetInt32(st, 17, &v), MIMER_NONEXISTENT_COLUMN_PARAMETER);
  CHECK_EQ_INT(MimerCurrentRow(st), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerOpenCursor(st), 0);
  CHECK_EQ_INT(MimerCurrentRow(st), 0);
  CHECK_EQ_INT(MimerGetInt32(st, 1, &v), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerFetchScroll(st, MIMER_FIRST, 231), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerFetch(st), MIMER_NO_DATA);
  CHECK_EQ_INT(MimerFetch(st), MIMER_NO_DATA);
  CHECK_EQ_INT(MimerIsNull(st, 1), MIMER_SEQUENCE_ERROR);

  /* the error probe protocol: length first, then the text, truncated safely */
  n = MimerGetError8(st, &code, NULL, 0);
  CHECK_EQ_INT(code, MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(n, (int)strlen("An illegal sequence of API calls was detected"));
  CHECK_EQ_INT(MimerGetError8(st, &code, buf, sizeof(buf)), n);
  CHECK_EQ_STR(buf, "An illegal sequence of API calls was detected");
  CHECK_EQ_INT(MimerGetError8(st, &code, small, sizeof(small)), n);
  CHECK_EQ_STR(small, "An ille");
  /* statement errors are mirrored into the session */
  CHECK_EQ_INT(lastError(s, buf, sizeof(buf)), MIMER_SEQUENCE_ERROR);

  CHECK_EQ_INT(MimerBeginStatement8(s, zInsert, 0, &ins), 0);
  CHECK_EQ_INT(MimerColumnCount(ins), 0);
  CHECK_EQ_INT(MimerParameterCount(ins), 16);
  CHECK_EQ_INT(MimerOpenCursor(ins), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerExecute(ins), MIMER_UNSET_PARAMETER);
  CHECK_EQ_INT(MimerSetInt32(ins, 0, 1), MIMER_NONEXISTENT_COLUMN_PARAMETER);
  CHECK_EQ_INT(MimerSetInt32(ins, 17, 1), MIMER_NONEXISTENT_COLUMN_PARAMETER);
  CHECK_EQ_INT(MimerParameterMode(ins, 1), 1);
  CHECK_EQ_INT(MimerIsNull(ins, 1), MIMER_PARAMETER_NOT_OUTPUT);
  CHECK_EQ_INT(MimerGetCallback8(ins, buf, sizeof(buf), &v), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerMoreResults(st), MIMER_NO_DATA);
  CHECK_EQ_INT(MimerEndStatement(&ins), 0);
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK_EQ_INT(MimerEndSession(&s), 0);
}

/* Setters convert at set time and report Mimer's API errors there. */
static void test_setter_conversions_and_errors(void){
  MimerSession s = openSession();
  MimerStatement st = MIMERNULLHANDLE;
  char buf[128];
  CHECK_EQ_INT(MimerBeginStatement8(s, zInsert, 0, &st), 0);
  CHECK_EQ_INT(MimerParameterType(st, 1), MIMER_NATIVE_INTEGER_NULLABLE);
  CHECK_EQ_INT(MimerParameterType(st, 2), MIMER_NATIVE_SMALLINT_NULLABLE);
  CHECK_EQ_INT(MimerParameterType(st, 9), MIMER_UTF8);
  CHECK_EQ_INT(MimerSetInt32(st, 2, 32768), MIMER_POSITIVE_OVERFLOW);
  CHECK_EQ_INT(lastError(st, buf, sizeof(buf)), MIMER_POSITIVE_OVERFLOW);
  CHECK_EQ_STR(buf, "Value was too large to fit in destination");
  CHECK_EQ_INT(MimerSetInt32(st, 2, -32769), MIMER_NEGATIVE_OVERFLOW);
  CHECK_EQ_INT(MimerSetInt64(st, 1, 1LL<<40), MIMER_POSITIVE_OVERFLOW);
  CHECK_EQ_INT(MimerSetString8(st, 7, "\xe2\x82\xac"), MIMER_ILLEGAL_CHARACTER);
  CHECK_EQ_INT(MimerSetString8(st, 7, "\xe5\xae\x89\xe6\x8e\x92"), MIMER_ILLEGAL_CHARACTER);
  CHECK_EQ_INT(MimerSetString8(st, 7, "\xc3\xa5"), 0);
  CHECK_EQ_INT(MimerSetString8(st, 8, "abcdefghijklmnopqrstuvwxyz"), MIMER_TRUNCATION_ERROR);
  CHECK_EQ_INT(MimerSetString8(st, 9, "\xe5\xae\x89\xe6\x8e\x92"), 0);
  CHECK_EQ_INT(MimerSetString8(st, 9, "\xff"), MIMER_ILLEGAL_CHARACTER);
  CHECK_EQ_INT(MimerSetNull(st, 1), MIMER_NULL_VIOLATION);
  CHECK_EQ_INT(MimerSetNull(st, 2), 0);
  CHECK_EQ_INT(MimerSetDouble(st, 5, NAN), MIMER_UNDEFINED_FLOAT_VALUE);
  CHECK_EQ_INT(MimerSetDouble(st, 5, INFINITY), MIMER_UNDEFINED_FLOAT_VALUE);
  CHECK_EQ_INT(MimerSetBinary(st, 1, "ab", 2), MIMER_CAST_VIOLATION);
  CHECK(MimerSetString8(st, 1, "abc")<0);
  CHECK_EQ_INT(MimerSetString8(st, 1, "42"), 0);
  CHECK_EQ_INT(MimerSetString8(st, 4, "123456789.5"), MIMER_POSITIVE_OVERFLOW);
  CHECK_EQ_INT(MimerSetString8(st, 11, "2020-13-45"), MIMER_TIMESTAMP_FORMAT_ERROR);
  CHECK_EQ_INT(MimerSetBoolean(st, 10, 7), 0);
  CHECK_EQ_INT(MimerSetLob(st, 1, 10, NULL), MIMER_PARAMETER_INVALID);
  {
    MimerLob lob = MIMERNULLHANDLE;
    CHECK_EQ_INT(MimerSetLob(st, 1, 10, &lob), MIMER_CAST_VIOLATION);
    CHECK_EQ_INT(MimerSetLob(st, 15, 4, &lob), 0);
    CHECK_EQ_INT(MimerSetNclobData8(&lob, "ab", 2), MIMER_CAST_VIOLATION);
    CHECK_EQ_INT(MimerSetBlobData(&lob, "abcdef", 6), MIMER_TRUNCATION_ERROR);
    CHECK(lob==MIMERNULLHANDLE);
  }
  CHECK_EQ_INT(MimerSetGisLatitude(st, 5, 1.0), MIMER_CAST_VIOLATION);
  /* a failed set leaves the parameter unset; execution reports why */
  CHECK_EQ_INT(setRow(st, 9), 0);
  CHECK_EQ_INT(MimerSetInt32(st, 2, 40000), MIMER_POSITIVE_OVERFLOW);
  CHECK_EQ_INT(MimerAddBatch(st), MIMER_POSITIVE_OVERFLOW);
  CHECK_EQ_INT(MimerExecute(st), MIMER_POSITIVE_OVERFLOW);
  CHECK_EQ_INT(lastError(st, buf, sizeof(buf)), MIMER_POSITIVE_OVERFLOW);
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK_EQ_INT(MimerEndSession(&s), 0);
}

static const unsigned char aUuid[16] = {
  0x12,0x34,0x56,0x78,0x9a,0xbc,0x4d,0xef,0x80,0x01,0x02,0x03,0x04,0x05,0x06,0x07
};

/* Set row k's 16 parameters; odd columns of row 3 are NULL. */
static int setRow(MimerStatement st, int k){
  MimerLob lob = MIMERNULLHANDLE;
  char z[64];
  int rc = 0, i;
  rc |= MimerSetInt32(st, 1, k);
  if( k==3 ){
    for(i=2; i<=16; i++) rc |= MimerSetNull(st, (int16_t)i);
    return rc;
  }
  rc |= MimerSetInt32(st, 2, -32768 + k);
  rc |= MimerSetInt64(st, 3, INT64_MAX - k);
  snprintf(z, sizeof(z), "%d.25", k);
  rc |= MimerSetString8(st, 4, z);
  rc |= MimerSetDouble(st, 5, 1.5 * k);
  rc |= MimerSetFloat(st, 6, 0.25f);
  rc |= MimerSetString8(st, 7, "abc");
  rc |= MimerSetString8(st, 8, "varchar");
  rc |= MimerSetString8(st, 9, "\xc3\xa5\xc3\xa4\xe2\x82\xac");   /* åä€ */
  rc |= MimerSetBoolean(st, 10, k & 1);
  rc |= MimerSetString8(st, 11, "2020-09-24");
  rc |= MimerSetString8(st, 12, "2020-09-17 11:21:51.123456");
  rc |= MimerSetBinary(st, 13, "\x00\x01\x02", 3);
  rc |= MimerSetUUID(st, 14, aUuid);
  rc |= MimerSetLob(st, 15, 5, &lob);
  rc |= MimerSetBlobData(&lob, "\x01\x02\x03\x04\x05", 5);
  CHECK(lob==MIMERNULLHANDLE);
  rc |= MimerSetLob(st, 16, 9, &lob);      /* bytes, as MimerPy declares it */
  rc |= MimerSetNclobData8(&lob, "x\xe5\xae\x89\xe6\x8e\x92y", 8);
  return rc;
}

/* A prepared INSERT in a loop, then a SELECT through every getter. */
static void test_insert_select_every_type(void){
  static const int aCode[16] = { 50, 48, 52, 2, 56, 54, 1, 11, 63, 42, 12, 14, 35, 8104, 57, 59 };
  MimerSession s = openSession();
  MimerStatement st = MIMERNULLHANDLE;
  MimerLob lob = MIMERNULLHANDLE, keep = MIMERNULLHANDLE;
  char buf[256];
  unsigned char bin[16], uuid[16];
  int32_t i32;
  int64_t i64;
  double d;
  float f;
  size_t n;
  int k, rc, nRow = 0;

  CHECK_EQ_INT(MimerExecuteStatement8(s, "DELETE FROM t"), 0);
  CHECK_EQ_INT(MimerBeginStatement8(s, zInsert, 0, &st), 0);
  for(k=1; k<=4; k++){
    CHECK_EQ_INT(setRow(st, k), 0);
    CHECK_EQ_INT(MimerExecute(st), 1);
    CHECK_EQ_INT(MimerGetSequenceInt64(st, &i64), 0);
  }
  CHECK_EQ_INT(MimerEndStatement(&st), 0);

  CHECK_EQ_INT(MimerBeginStatement8(s, zSelect, 0, &st), 0);
  for(k=1; k<=16; k++) CHECK_EQ_INT(MimerColumnType(st, (int16_t)k), aCode[k-1]);
  CHECK_EQ_INT(MimerColumnName8(st, 12, buf, sizeof(buf)), 2);
  CHECK_EQ_STR(buf, "ts");
  CHECK_EQ_INT(MimerColumnName8(st, 12, NULL, 0), 2);
  CHECK_EQ_INT(MimerOpenCursor(st), 0);
  while( (rc = MimerFetch(st))==0 ){
    nRow++;
    CHECK_EQ_INT(MimerCurrentRow(st), nRow);
    CHECK_EQ_INT(MimerGetInt32(st, 1, &i32), 0);
    CHECK_EQ_INT(i32, nRow);
    CHECK_EQ_INT(MimerIsNull(st, 1), 0);
    if( i32==3 ){
      for(k=2; k<=16; k++) CHECK_EQ_INT(MimerIsNull(st, (int16_t)k), 1);
      CHECK_EQ_INT(MimerGetInt32(st, 2, &i32), MIMER_SQL_NULL_VALUE);
      CHECK_EQ_INT(MimerGetString8(st, 8, buf, sizeof(buf)), MIMER_SQL_NULL_VALUE);
      CHECK_EQ_INT(MimerGetBoolean(st, 10), MIMER_SQL_NULL_VALUE);
      CHECK_EQ_INT(MimerGetLob(st, 15, &n, &lob), MIMER_SQL_NULL_VALUE);
      continue;
    }
    CHECK_EQ_INT(MimerGetInt32(st, 2, &i32), 0);
    CHECK_EQ_INT(i32, -32768 + nRow);
    CHECK_EQ_INT(MimerGetInt64(st, 3, &i64), 0);
    CHECK(i64==INT64_MAX - nRow);
    CHECK_EQ_INT(MimerGetInt32(st, 3, &i32), MIMER_POSITIVE_OVERFLOW);
    snprintf(buf, sizeof(buf), "%d.25", nRow);
    {
      char z[32];
      CHECK_EQ_INT(MimerGetString8(st, 4, z, sizeof(z)), (int)strlen(buf));
      CHECK_EQ_STR(z, buf);
    }
    CHECK_EQ_INT(MimerGetInt32(st, 4, &i32), 0);
    CHECK_EQ_INT(i32, nRow);
    CHECK_EQ_INT(MimerGetDouble(st, 5, &d), 0);
    CHECK(d==1.5*nRow);
    CHECK_EQ_INT(MimerGetFloat(st, 6, &f), 0);
    CHECK(f==0.25f);
    CHECK_EQ_INT(MimerGetString8(st, 7, buf, sizeof(buf)), 10);
    CHECK_EQ_STR(buf, "abc       ");
    CHECK_EQ_INT(MimerGetInt32(st, 7, &i32), MIMER_CAST_VIOLATION);
    CHECK_EQ_INT(MimerGetString8(st, 8, buf, sizeof(buf)), 7);
    CHECK_EQ_STR(buf, "varchar");
    CHECK_EQ_INT(MimerGetString8(st, 8, buf, 4), 7);
    CHECK_EQ_STR(buf, "var");
    CHECK_EQ_INT(MimerGetString8(st, 9, buf, sizeof(buf)), 7);
    CHECK_EQ_STR(buf, "\xc3\xa5\xc3\xa4\xe2\x82\xac");
    CHECK_EQ_INT(MimerGetString8(st, 9, buf, 4), 7);     /* never splits a character */
    CHECK_EQ_STR(buf, "\xc3\xa5");
    {
      wchar_t w[8];
      CHECK_EQ_INT(MimerGetString(st, 9, w, 8), 3);
      CHECK(w[0]==0xE5 && w[1]==0xE4 && w[2]==0x20AC && w[3]==0);
    }
    CHECK_EQ_INT(MimerGetBoolean(st, 10), nRow & 1);
    CHECK_EQ_INT(MimerGetString8(st, 11, buf, sizeof(buf)), 10);
    CHECK_EQ_STR(buf, "2020-09-24");
    CHECK_EQ_INT(MimerGetString8(st, 12, buf, sizeof(buf)), 22);
    CHECK_EQ_STR(buf, "2020-09-17 11:21:51.12");
    CHECK_EQ_INT(MimerGetBinary(st, 13, NULL, 0), 3);
    memset(bin, 0xEE, sizeof(bin));
    CHECK_EQ_INT(MimerGetBinary(st, 13, bin, sizeof(bin)), 3);
    CHECK(memcmp(bin, "\x00\x01\x02\xEE", 4)==0);
    CHECK_EQ_INT(MimerGetString8(st, 13, buf, sizeof(buf)), MIMER_CAST_VIOLATION);
    CHECK_EQ_INT(MimerGetUUID(st, 14, uuid), 0);
    CHECK(memcmp(uuid, aUuid, 16)==0);
    CHECK_EQ_INT(MimerGetString8(st, 14, buf, sizeof(buf)), 36);
    CHECK_EQ_STR(buf, "12345678-9abc-4def-8001-020304050607");
    CHECK_EQ_INT(MimerGetLob(st, 15, &n, &lob), 0);
    CHECK_EQ_INT(n, 5);
    CHECK_EQ_INT(MimerGetLobLength(lob), 5);
    CHECK_EQ_INT(MimerGetBlobData(&lob, bin, 2), 5);
    CHECK_EQ_INT(MimerGetBlobData(&lob, bin+2, 10), 3);
    CHECK(memcmp(bin, "\x01\x02\x03\x04\x05", 5)==0);
    CHECK_EQ_INT(MimerGetBlobData(&lob, bin, 10), 0);
    CHECK_EQ_INT(MimerGetNclobData8(&lob, buf, sizeof(buf)), MIMER_CAST_VIOLATION);
    CHECK_EQ_INT(MimerGetLob(st, 16, &n, &lob), 0);
    CHECK_EQ_INT(n, 4);
    CHECK_EQ_INT(MimerGetNclobData8(&lob, buf, 5), 4);   /* "x" + 1 char fits in 4 bytes */
    CHECK_EQ_STR(buf, "x\xe5\xae\x89");
    CHECK_EQ_INT(MimerGetNclobData8(&lob, buf, sizeof(buf)), 2);
    CHECK_EQ_STR(buf, "\xe6\x8e\x92y");
    CHECK_EQ_INT(MimerGetNclobData8(&lob, buf, sizeof(buf)), 0);
    CHECK_EQ_STR(buf, "");
    keep = lob;
    CHECK_EQ_INT(MimerGetLob(st, 8, &n, &lob), MIMER_CAST_VIOLATION);
    CHECK(lob==MIMERNULLHANDLE);
  }
  CHECK_EQ_INT(rc, MIMER_NO_DATA);
  CHECK_EQ_INT(nRow, 4);
  CHECK_EQ_INT(MimerCurrentRow(st), 4);
  /* a LOB handle dies with its row */
  CHECK_EQ_INT(MimerGetNclobData8(&keep, buf, sizeof(buf)), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerCloseCursor(st), 0);
  CHECK_EQ_INT(MimerCloseCursor(st), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerOpenCursor(st), 0);                  /* reopen */
  CHECK_EQ_INT(MimerFetch(st), 0);
  CHECK_EQ_INT(MimerEndStatement(&st), 0);               /* with the cursor open */

  CHECK_EQ_INT(MimerBeginStatement8(s, "SELECT b FROM t", 0, &st), 0);
  CHECK_EQ_INT(MimerRowSize(st), 16);
  CHECK_EQ_INT(MimerSetArraySize(st, 100), 0);
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK_EQ_INT(MimerEndSession(&s), 0);
}

/* Batches run at MimerExecute; the count covers every row. */
static void test_batch(void){
  MimerSession s = openSession();
  MimerStatement st = MIMERNULLHANDLE;
  int k;
  CHECK_EQ_INT(MimerExecuteStatement8(s, "DELETE FROM t"), 0);
  CHECK_EQ_INT(MimerBeginStatement8(s, zInsert, 0, &st), 0);
  for(k=1; k<=5; k++){
    CHECK_EQ_INT(setRow(st, k), 0);
    if( k==2 || k==5 ){
      /* empty values */
      CHECK_EQ_INT(MimerSetString8(st, 8, ""), 0);
      CHECK_EQ_INT(MimerSetBinary(st, 13, NULL, 0), 0);
    }
    if( k<5 ) CHECK_EQ_INT(MimerAddBatch(st), 0);
  }
  CHECK_EQ_INT(MimerExecute(st), 5);
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK_EQ_INT(MimerBeginStatement8(s, zSelect, 0, &st), 0);
  CHECK_EQ_INT(MimerOpenCursor(st), 0);
  for(k=1; k<=5; k++){
    char buf[32];
    CHECK_EQ_INT(MimerFetch(st), 0);
    if( k==3 ) continue;
    CHECK_EQ_INT(MimerGetString8(st, 8, buf, sizeof(buf)), (k==2 || k==5) ? 0 : 7);
    CHECK_EQ_INT(MimerGetBinary(st, 13, buf, sizeof(buf)), (k==2 || k==5) ? 0 : 3);
  }
  CHECK_EQ_INT(MimerFetch(st), MIMER_NO_DATA);
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK_EQ_INT(MimerEndSession(&s), 0);
}

/*
** A NULL refused by MimerSetNull (NOT NULL target) leaves the parameter
** unset, like every failed setter: a driver that ignores setter results
** (MimerPy's executemany) gets the error at execution, and the row is never
** written with the previous row's value.
*/
static void test_refused_null_is_never_the_previous_value(void){
  MimerSession s = openSession();
  MimerStatement st = MIMERNULLHANDLE;
  int32_t n = 0;
  CHECK_EQ_INT(MimerExecuteStatement8(s, "CREATE TABLE nn (id INTEGER, name VARCHAR(5) NOT NULL)"), 0);
  CHECK_EQ_INT(MimerBeginStatement8(s, "INSERT INTO nn VALUES (?, ?)", 0, &st), 0);
  CHECK_EQ_INT(MimerSetInt32(st, 1, 1), 0);
  CHECK_EQ_INT(MimerSetString8(st, 2, "a"), 0);
  CHECK_EQ_INT(MimerExecute(st), 1);
  CHECK_EQ_INT(MimerSetInt32(st, 1, 2), 0);
  CHECK_EQ_INT(MimerSetNull(st, 2), MIMER_NULL_VIOLATION);
  CHECK_EQ_INT(MimerExecute(st), MIMER_NULL_VIOLATION);
  /* so does every other refused set, e.g. a NULL pointer or a GIS value */
  CHECK_EQ_INT(MimerSetString8(st, 2, "a"), 0);
  CHECK_EQ_INT(MimerSetString8(st, 2, NULL), MIMER_PARAMETER_INVALID);
  CHECK_EQ_INT(MimerExecute(st), MIMER_PARAMETER_INVALID);
  CHECK_EQ_INT(MimerSetString8(st, 2, "a"), 0);
  CHECK_EQ_INT(MimerSetGisLatitude(st, 2, 1.0), MIMER_CAST_VIOLATION);
  CHECK_EQ_INT(MimerExecute(st), MIMER_CAST_VIOLATION);
  /* in a batch: the batch fails as a whole */
  CHECK_EQ_INT(MimerSetString8(st, 2, "b"), 0);
  CHECK_EQ_INT(MimerAddBatch(st), 0);
  CHECK_EQ_INT(MimerSetInt32(st, 1, 3), 0);
  CHECK_EQ_INT(MimerSetNull(st, 2), MIMER_NULL_VIOLATION);
  CHECK(MimerExecute(st)<0);
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK_EQ_INT(MimerBeginStatement8(s, "SELECT COUNT(*) FROM nn", 0, &st), 0);
  CHECK_EQ_INT(MimerOpenCursor(st), 0);
  CHECK_EQ_INT(MimerFetch(st), 0);
  CHECK_EQ_INT(MimerGetInt32(st, 1, &n), 0);
  CHECK_EQ_INT(n, 1);
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK_EQ_INT(MimerEndSession(&s), 0);
}

/*
** A failing batch inside an explicit transaction leaves none of its rows,
** and the transaction goes on (as after any failed statement).
*/
static void test_batch_in_transaction_is_all_or_nothing(void){
  MimerSession s = openSession();
  MimerStatement st = MIMERNULLHANDLE;
  int32_t n = 0;
  int k;
  CHECK_EQ_INT(MimerExecuteStatement8(s, "CREATE TABLE bt (id INTEGER PRIMARY KEY)"), 0);
  CHECK_EQ_INT(MimerBeginTransaction(s, MIMER_TRANS_READWRITE), 0);
  CHECK_EQ_INT(MimerBeginStatement8(s, "INSERT INTO bt VALUES (?)", 0, &st), 0);
  CHECK_EQ_INT(MimerSetInt32(st, 1, 1), 0);
  CHECK_EQ_INT(MimerExecute(st), 1);
  for(k=2; k<=4; k++){
    CHECK_EQ_INT(MimerSetInt32(st, 1, k), 0);
    CHECK_EQ_INT(MimerAddBatch(st), 0);
  }
  CHECK_EQ_INT(MimerSetInt32(st, 1, 1), 0);          /* duplicate key: fails */
  CHECK(MimerExecute(st)<0);
  CHECK_EQ_INT(MimerSetInt32(st, 1, 5), 0);
  CHECK_EQ_INT(MimerExecute(st), 1);
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK_EQ_INT(MimerEndTransaction(s, MIMER_COMMIT), 0);
  CHECK_EQ_INT(MimerBeginStatement8(s, "SELECT COUNT(*), SUM(id) FROM bt", 0, &st), 0);
  CHECK_EQ_INT(MimerOpenCursor(st), 0);
  CHECK_EQ_INT(MimerFetch(st), 0);
  CHECK_EQ_INT(MimerGetInt32(st, 1, &n), 0);
  CHECK_EQ_INT(n, 2);
  CHECK_EQ_INT(MimerGetInt32(st, 2, &n), 0);
  CHECK_EQ_INT(n, 6);
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK_EQ_INT(MimerEndSession(&s), 0);
}

/* Scrollable cursors move freely; forward-only ones accept NEXT only. */
static void test_scroll(void){
  MimerSession s = openSession();
  MimerStatement st = MIMERNULLHANDLE;
  int32_t v = 0;
  CHECK_EQ_INT(MimerBeginStatement8(s, zSelect, MIMER_SCROLLABLE, &st), 0);
  CHECK_EQ_INT(MimerOpenCursor(st), 0);
#define AT(op, off, row) do { CHECK_EQ_INT(MimerFetchScroll(st, op, off), 0); \
    CHECK_EQ_INT(MimerGetInt32(st, 1, &v), 0); CHECK_EQ_INT(v, row); \
    CHECK_EQ_INT(MimerCurrentRow(st), row); } while(0)
  AT(MIMER_LAST, 0, 5);
  AT(MIMER_PREVIOUS, 0, 4);
  AT(MIMER_FIRST, 231, 1);
  AT(MIMER_NEXT, 13, 2);
  AT(MIMER_RELATIVE, 2, 4);
  AT(MIMER_RELATIVE, -3, 1);
  AT(MIMER_ABSOLUTE, 5, 5);
  AT(MIMER_ABSOLUTE, -2, 4);
  CHECK_EQ_INT(MimerFetchScroll(st, MIMER_ABSOLUTE, 6), MIMER_NO_DATA);
  CHECK_EQ_INT(MimerGetInt32(st, 1, &v), MIMER_SEQUENCE_ERROR);
  AT(MIMER_PREVIOUS, 0, 5);
  CHECK_EQ_INT(MimerFetchScroll(st, MIMER_RELATIVE, -5), MIMER_NO_DATA);
  CHECK_EQ_INT(MimerCurrentRow(st), 0);
  AT(MIMER_NEXT, 0, 1);
  CHECK_EQ_INT(MimerFetchSkip(st, 2), 0);
  CHECK_EQ_INT(MimerCurrentRow(st), 4);
  CHECK_EQ_INT(MimerFetchScroll(st, 12345, 0), MIMER_PARAMETER_INVALID);
#undef AT
  CHECK_EQ_INT(MimerEndStatement(&st), 0);

  CHECK_EQ_INT(MimerBeginStatement8(s, zSelect, MIMER_FORWARD_ONLY, &st), 0);
  CHECK_EQ_INT(MimerOpenCursor(st), 0);
  CHECK_EQ_INT(MimerFetchScroll(st, MIMER_NEXT, 0), 0);
  CHECK_EQ_INT(MimerFetchScroll(st, MIMER_LAST, 0), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerFetchSkip(st, 2), 0);
  CHECK_EQ_INT(MimerCurrentRow(st), 4);
  CHECK_EQ_INT(MimerNext(st), 0);
  CHECK_EQ_INT(MimerFetch(st), MIMER_NO_DATA);
  CHECK_EQ_INT(MimerCurrentRow(st), 5);
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK_EQ_INT(MimerEndSession(&s), 0);
}

/* 10 MB BLOB and NCLOB values in chunks, both length conventions. */
static void test_large_lobs(void){
  const size_t nBlob = 10u*1024*1024 + 7;
  const size_t nChar = 4u*1024*1024;            /* 3 bytes each: 12 MB of UTF-8 */
  MimerSession s = openSession();
  MimerStatement st = MIMERNULLHANDLE;
  MimerLob lob = MIMERNULLHANDLE;
  unsigned char *a = malloc(nBlob), *b = malloc(nBlob);
  char *z = malloc(nChar*3 + 1), *zOut = malloc(nChar*3 + 1);
  size_t i, off, n;
  int rc, k;
  for(i=0; i<nBlob; i++) a[i] = (unsigned char)(i*7 + (i>>13));
  for(i=0; i<nChar; i++) memcpy(z + 3*i, (i & 1) ? "\xe5\xae\x89" : "\xe6\x8e\x92", 3);
  z[nChar*3] = 0;

  CHECK_EQ_INT(MimerExecuteStatement8(s, "DELETE FROM t"), 0);
  CHECK_EQ_INT(MimerBeginStatement8(s, zInsert, 0, &st), 0);
  for(k=1; k<=2; k++){
    CHECK_EQ_INT(setRow(st, k), 0);
    CHECK_EQ_INT(MimerSetLob(st, 15, nBlob, &lob), 0);
    for(off=0; off<nBlob && lob; off+=n){
      n = nBlob-off < 1048500 ? nBlob-off : 1048500;
      CHECK_EQ_INT(MimerSetBlobData(&lob, a+off, n), 0);
    }
    CHECK(lob==MIMERNULLHANDLE);
    if( k==1 ){
      /* characters declared, chunks of whole characters (node, mimerrust) */
      CHECK_EQ_INT(MimerSetLob(st, 16, nChar, &lob), 0);
      for(off=0; off<nChar*3 && lob; off+=n){
        n = nChar*3-off < 2097150 ? nChar*3-off : 2097150;
        CHECK_EQ_INT(MimerSetNclobData8(&lob, z+off, n), 0);
      }
      CHECK(lob==MIMERNULLHANDLE);
    }else{
      /* UTF-8 bytes declared, one chunk (MimerPy) */
      CHECK_EQ_INT(MimerSetLob(st, 16, nChar*3, &lob), 0);
      CHECK_EQ_INT(MimerSetNclobData8(&lob, z, nChar*3), 0);
    }
    CHECK_EQ_INT(MimerExecute(st), 1);
  }
  CHECK_EQ_INT(MimerEndStatement(&st), 0);

  CHECK_EQ_INT(MimerBeginStatement8(s, zSelect, 0, &st), 0);
  CHECK_EQ_INT(MimerOpenCursor(st), 0);
  for(k=1; k<=2; k++){
    CHECK_EQ_INT(MimerFetch(st), 0);
    CHECK_EQ_INT(MimerGetLob(st, 15, &n, &lob), 0);
    CHECK(n==nBlob);
    memset(b, 0, nBlob);
    for(off=0; off<nBlob; off+=100000){
      size_t nPart = nBlob-off < 100000 ? nBlob-off : 100000;
      CHECK_EQ_INT(MimerGetBlobData(&lob, b+off, nPart), (int)(nBlob-off));
    }
    CHECK(memcmp(a, b, nBlob)==0);
    CHECK_EQ_INT(MimerGetLob(st, 16, &n, &lob), 0);
    CHECK(n==nChar);
    if( k==1 ){
      /* MimerPy: one call with a 4*len+1 buffer */
      char *zBig = malloc(4*n+1);
      CHECK_EQ_INT(MimerGetNclobData8(&lob, zBig, 4*n+1), (int)nChar);
      CHECK(strcmp(zBig, z)==0);
      free(zBig);
    }else{
      /* node-mimer: loop while rc > 0 appending NUL-terminated chunks */
      off = 0;
      while( (rc = MimerGetNclobData8(&lob, zOut+off, 65536))>0 ) off += strlen(zOut+off);
      CHECK_EQ_INT(rc, 0);
      CHECK(off==nChar*3 && memcmp(zOut, z, off)==0);
    }
  }
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK_EQ_INT(MimerEndSession(&s), 0);
  free(a); free(b); free(z); free(zOut);
}

/*
** Empty LOBs: MimerSetLob with length 0 completes the value (the handle
** comes back NULL) and a zero-length data call after it, as MimerPy makes
** for an empty CLOB/NCLOB, succeeds and changes nothing.  The values read
** back empty, not NULL.
*/
static void test_empty_lobs(void){
  MimerSession s = openSession();
  MimerStatement st = MIMERNULLHANDLE;
  MimerLob lob = MIMERNULLHANDLE;
  char buf[8];
  size_t n = 1;
  CHECK_EQ_INT(MimerExecuteStatement8(s, "CREATE TABLE el (i INTEGER, b BLOB, c CLOB, n NCLOB)"), 0);
  CHECK_EQ_INT(MimerBeginStatement8(s, "INSERT INTO el VALUES (1, ?, ?, ?)", 0, &st), 0);
  CHECK_EQ_INT(MimerSetLob(st, 1, 0, &lob), 0);
  CHECK(lob==MIMERNULLHANDLE);
  CHECK_EQ_INT(MimerSetBlobData(&lob, "", 0), 0);
  CHECK_EQ_INT(MimerSetLob(st, 2, 0, &lob), 0);
  CHECK_EQ_INT(MimerSetNclobData8(&lob, "", 0), 0);
  CHECK_EQ_INT(MimerSetNclobData(&lob, L"", 0), 0);
  CHECK_EQ_INT(MimerSetLob(st, 3, 0, &lob), 0);
  CHECK_EQ_INT(MimerSetNclobDataC(&lob, "", 0), 0);
  CHECK_EQ_INT(MimerSetNclobData8(&lob, "x", 1), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerExecute(st), 1);
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK_EQ_INT(MimerBeginStatement8(s, "SELECT b, c, n FROM el", 0, &st), 0);
  CHECK_EQ_INT(MimerOpenCursor(st), 0);
  CHECK_EQ_INT(MimerFetch(st), 0);
  CHECK_EQ_INT(MimerGetLob(st, 1, &n, &lob), 0);
  CHECK(n==0);
  CHECK_EQ_INT(MimerGetLob(st, 2, &n, &lob), 0);
  CHECK(n==0);
  CHECK_EQ_INT(MimerGetLob(st, 3, &n, &lob), 0);
  CHECK(n==0);
  CHECK_EQ_INT(MimerGetNclobData8(&lob, buf, sizeof(buf)), 0);
  CHECK_EQ_STR(buf, "");
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK_EQ_INT(MimerExecuteStatement8(s, "DROP TABLE el"), 0);
  CHECK_EQ_INT(MimerEndSession(&s), 0);
}

/* Explicit transactions: begin twice fails, bad modes are rejected. */
static void test_transactions(void){
  MimerSession s = openSession();
  CHECK_EQ_INT(MimerBeginTransaction(s, MIMER_TRANS_READWRITE), 0);
  CHECK(MimerBeginTransaction(s, MIMER_TRANS_READWRITE)<0);
  CHECK_EQ_INT(MimerEndTransaction(s, 5), MIMER_PARAMETER_INVALID);
  CHECK_EQ_INT(MimerEndTransaction(s, MIMER_ROLLBACK), 0);
  CHECK_EQ_INT(MimerEndTransaction(s, MIMER_ROLLBACK), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerBeginTransaction(s, MIMER_TRANS_READONLY), 0);
  CHECK_EQ_INT(MimerEndTransaction(s, MIMER_COMMIT), 0);
  CHECK_EQ_INT(MimerEndSession(&s), 0);
}

/* The wide and locale flavours convert and delegate to the 8 routines. */
static void test_wide_and_locale_flavours(void){
  MimerSession s = MIMERNULLHANDLE;
  MimerStatement st = MIMERNULLHANDLE;
  wchar_t w[64];
  char buf[64];
  int32_t code;
  CHECK_EQ_INT(MimerBeginSession(L"" DB, L"SYSADM", L"SYSPASS", &s), 0);
  CHECK_EQ_INT(MimerBeginStatement(s, L"SELECT i, s, b, d, f, r, c, v, n, bo, dt, ts, bin, u, bl, cl "
                                      L"FROM t ORDER BY i", 0, &st), 0);
  CHECK_EQ_INT(MimerColumnName(st, 1, w, 64), 1);
  CHECK(w[0]==L'i' && w[1]==0);
  CHECK_EQ_INT(MimerColumnNameC(st, 2, buf, sizeof(buf)), 1);
  CHECK_EQ_STR(buf, "s");
  CHECK_EQ_INT(MimerOpenCursor(st), 0);
  CHECK_EQ_INT(MimerFetch(st), 0);
  CHECK_EQ_INT(MimerGetStringC(st, 8, buf, sizeof(buf)), 7);
  CHECK_EQ_STR(buf, "varchar");
  CHECK_EQ_INT(MimerGetStringC(st, 9, buf, sizeof(buf)), 3);   /* "C" locale: ??? */
  CHECK_EQ_STR(buf, "???");
  CHECK_EQ_INT(MimerFetch((MimerStatement)(void*)s), MIMER_HANDLE_INVALID);
  CHECK_EQ_INT(MimerFetchScroll(st, MIMER_LAST, 0), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerGetError(st, &code, w, 64), 45);
  CHECK_EQ_INT(code, MIMER_SEQUENCE_ERROR);
  CHECK(wcscmp(w, L"An illegal sequence of API calls was detected")==0);
  CHECK_EQ_INT(MimerGetErrorC(st, &code, buf, 7), 45);
  CHECK_EQ_STR(buf, "An ill");
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK_EQ_INT(MimerExecuteStatementC(s, "DELETE FROM t WHERE i > 100"), 0);
  CHECK_EQ_INT(MimerEndSession(&s), 0);
  CHECK_EQ_INT(MimerBeginSessionC(DB, "SYSADM", "SYSPASS", &s), 0);
  CHECK_EQ_INT(MimerEndSession(&s), 0);
}

/* Statistics: page counters >= 0, unknown ids -2. */
static void test_statistics(void){
  MimerSession s = openSession();
  int32_t a[9] = { BSI_4K_PAGES, BSI_32K_PAGES, BSI_128K_PAGES, BSI_PAGES_USED,
                   BSI_4K_PAGES_USED, BSI_PAGES, BSI_USERS_ON_THIS_MULTI, 23, 999 };
  int i;
  CHECK_EQ_INT(MimerGetStatistics(s, a, 9), 0);
  for(i=0; i<6; i++) CHECK(a[i]>=0);
  CHECK(a[0]>0);
  CHECK(a[6]>=1);
  CHECK_EQ_INT(a[7], -2);
  CHECK_EQ_INT(a[8], -2);
  CHECK_EQ_INT(MimerGetStatistics(s, NULL, 1), MIMER_PARAMETER_INVALID);
  CHECK_EQ_INT(MimerCancel(s), 0);
  CHECK_EQ_INT(MimerPing(s), 0);
  CHECK_EQ_INT(MimerEndSessionHard(&s), 0);
  CHECK(s==MIMERNULLHANDLE);
}

/*
** The BUILTIN.GIS_* types through the API: type codes, the six GIS
** routines (round trips, wrong types -24104, ranges -24010/-24011/-24012,
** NULLs -24002), the binary forms of MimerSetBinary/MimerGetBinary and the
** text of MimerGetString8.
*/
static void test_gis_round_trips_and_errors(void){
  MimerSession s = openSession();
  MimerStatement st = MIMERNULLHANDLE;
  mimer_gis_location loc = { 59.3293, 18.0686 }, out = { 0, 0 };
  double d = 0;
  unsigned char a[16];
  char buf[64];
  int32_t x = 0, y = 0;
  float f = 0;
  CHECK_EQ_INT(MimerExecuteStatement8(s, "CREATE TABLE g (i INTEGER PRIMARY KEY, "
               "lat BUILTIN.GIS_LATITUDE, lon BUILTIN.GIS_LONGITUDE, "
               "loc BUILTIN.GIS_LOCATION, pt BUILTIN.GIS_COORDINATE)"), 0);
  CHECK_EQ_INT(MimerBeginStatement8(s, "INSERT INTO g VALUES (?, ?, ?, ?, ?)", 0, &st), 0);
  CHECK_EQ_INT(MimerParameterType(st, 2), MIMER_GIS_LATITUDE);
  CHECK_EQ_INT(MimerParameterType(st, 3), MIMER_GIS_LONGITUDE);
  CHECK_EQ_INT(MimerParameterType(st, 4), MIMER_GIS_LOCATION);
  CHECK_EQ_INT(MimerParameterType(st, 5), MIMER_GIS_COORDINATE);
  /* wrong parameter types */
  CHECK_EQ_INT(MimerSetGisLatitude(st, 3, 1.0), MIMER_CAST_VIOLATION);
  CHECK_EQ_INT(MimerSetGisLongitude(st, 2, 1.0), MIMER_CAST_VIOLATION);
  CHECK_EQ_INT(MimerSetGisLocation(st, 1, loc), MIMER_CAST_VIOLATION);
  CHECK_EQ_INT(MimerSetDouble(st, 2, 1.0), MIMER_CAST_VIOLATION);
  CHECK_EQ_INT(MimerSetBinary(st, 2, "abc", 3), MIMER_CAST_VIOLATION);
  CHECK_EQ_INT(MimerSetGisLatitude(st, 6, 1.0), MIMER_NONEXISTENT_COLUMN_PARAMETER);
  CHECK_EQ_INT(MimerSetGisLatitude(NULL, 2, 1.0), MIMER_HANDLE_INVALID);
  /* ranges: the limits are inside, a step beyond is not */
  CHECK_EQ_INT(MimerSetGisLatitude(st, 2, 90.0), 0);
  CHECK_EQ_INT(MimerSetGisLatitude(st, 2, -90.0), 0);
  CHECK_EQ_INT(MimerSetGisLatitude(st, 2, 90.000001), MIMER_POSITIVE_OVERFLOW);
  CHECK_EQ_INT(MimerSetGisLatitude(st, 2, -91.0), MIMER_NEGATIVE_OVERFLOW);
  CHECK_EQ_INT(MimerSetGisLatitude(st, 2, NAN), MIMER_UNDEFINED_FLOAT_VALUE);
  CHECK_EQ_INT(MimerSetGisLongitude(st, 3, 180.0), 0);
  CHECK_EQ_INT(MimerSetGisLongitude(st, 3, 180.5), MIMER_POSITIVE_OVERFLOW);
  CHECK_EQ_INT(MimerSetGisLongitude(st, 3, -INFINITY), MIMER_UNDEFINED_FLOAT_VALUE);
  {
    mimer_gis_location bad = { 10.0, -181.0 }, bad2 = { 91.0, 0.0 };
    CHECK_EQ_INT(MimerSetGisLocation(st, 4, bad), MIMER_NEGATIVE_OVERFLOW);
    CHECK_EQ_INT(MimerSetGisLocation(st, 4, bad2), MIMER_POSITIVE_OVERFLOW);
  }
  /* a failed set leaves the parameter unset: execution reports why */
  CHECK_EQ_INT(MimerSetInt32(st, 1, 1), 0);
  CHECK_EQ_INT(MimerSetGisLatitude(st, 2, 59.3293), 0);
  CHECK_EQ_INT(MimerSetGisLongitude(st, 3, 18.0686), 0);
  {
    mimer_gis_location bad = { 95.0, 0.0 };
    CHECK_EQ_INT(MimerSetGisLocation(st, 4, bad), MIMER_POSITIVE_OVERFLOW);
  }
  CHECK_EQ_INT(MimerSetNull(st, 5), 0);
  CHECK_EQ_INT(MimerExecute(st), MIMER_POSITIVE_OVERFLOW);
  /* row 1: the API routines; row 2: binary forms; row 3: NULLs */
  CHECK_EQ_INT(MimerSetGisLocation(st, 4, loc), 0);
  x = -7; y = 123456;
  memcpy(a, &x, 4);
  memcpy(a+4, &y, 4);
  CHECK_EQ_INT(MimerSetBinary(st, 5, a, 8), 0);
  CHECK_EQ_INT(MimerExecute(st), 1);
  CHECK_EQ_INT(MimerSetInt32(st, 1, 2), 0);
  f = -33.5f;
  CHECK_EQ_INT(MimerSetBinary(st, 2, &f, 4), 0);
  f = -70.25f;
  CHECK_EQ_INT(MimerSetBinary(st, 3, &f, 4), 0);
  {
    float af[2] = { -0.0f, 180.0f };
    CHECK_EQ_INT(MimerSetBinary(st, 4, af, 8), 0);
    af[1] = 200.0f;
    CHECK_EQ_INT(MimerSetBinary(st, 4, af, 8), MIMER_POSITIVE_OVERFLOW);
    af[1] = 180.0f;
    CHECK_EQ_INT(MimerSetBinary(st, 4, af, 8), 0);
  }
  CHECK_EQ_INT(MimerSetBinary(st, 5, a, 4), MIMER_CAST_VIOLATION);
  CHECK_EQ_INT(MimerSetBinary(st, 5, a, 8), 0);
  CHECK_EQ_INT(MimerExecute(st), 1);
  CHECK_EQ_INT(MimerSetInt32(st, 1, 3), 0);
  CHECK_EQ_INT(MimerSetNull(st, 2), 0);
  CHECK_EQ_INT(MimerSetNull(st, 3), 0);
  CHECK_EQ_INT(MimerSetNull(st, 4), 0);
  CHECK_EQ_INT(MimerSetNull(st, 5), 0);
  CHECK_EQ_INT(MimerExecute(st), 1);
  CHECK_EQ_INT(MimerEndStatement(&st), 0);

  CHECK_EQ_INT(MimerBeginStatement8(s, "SELECT lat, lon, loc, pt FROM g ORDER BY i", 0, &st), 0);
  CHECK_EQ_INT(MimerColumnType(st, 1), MIMER_GIS_LATITUDE);
  CHECK_EQ_INT(MimerColumnType(st, 2), MIMER_GIS_LONGITUDE);
  CHECK_EQ_INT(MimerColumnType(st, 3), MIMER_GIS_LOCATION);
  CHECK_EQ_INT(MimerColumnType(st, 4), MIMER_GIS_COORDINATE);
  CHECK_EQ_INT(MimerOpenCursor(st), 0);
  CHECK_EQ_INT(MimerFetch(st), 0);
  CHECK_EQ_INT(MimerGetGisLatitude(st, 1, &d), 0);
  CHECK(d==59.3293);
  CHECK_EQ_INT(MimerGetGisLongitude(st, 2, &d), 0);
  CHECK(d==18.0686);
  CHECK_EQ_INT(MimerGetGisLocation(st, 3, &out), 0);
  CHECK(out.latitude==59.3293 && out.longitude==18.0686);
  CHECK_EQ_INT(MimerGetGisLatitude(st, 2, &d), MIMER_CAST_VIOLATION);
  CHECK_EQ_INT(MimerGetGisLongitude(st, 1, &d), MIMER_CAST_VIOLATION);
  CHECK_EQ_INT(MimerGetGisLocation(st, 1, &out), MIMER_CAST_VIOLATION);
  CHECK_EQ_INT(MimerGetGisLatitude(st, 4, &d), MIMER_CAST_VIOLATION);
  CHECK_EQ_INT(MimerGetGisLatitude(st, 1, NULL), MIMER_PARAMETER_INVALID);
  CHECK_EQ_INT(MimerGetGisLocation(st, 3, NULL), MIMER_PARAMETER_INVALID);
  CHECK_EQ_INT(MimerGetGisLatitude(st, 5, &d), MIMER_NONEXISTENT_COLUMN_PARAMETER);
  CHECK_EQ_INT(MimerGetDouble(st, 1, &d), MIMER_CAST_VIOLATION);
  CHECK_EQ_INT(MimerGetString8(st, 3, buf, sizeof(buf)), 15);
  CHECK_EQ_STR(buf, "59.3293,18.0686");
  CHECK_EQ_INT(MimerGetString8(st, 1, buf, sizeof(buf)), 7);
  CHECK_EQ_STR(buf, "59.3293");
  CHECK_EQ_INT(MimerGetString8(st, 4, buf, sizeof(buf)), 9);
  CHECK_EQ_STR(buf, "-7,123456");
  CHECK_EQ_INT(MimerGetBinary(st, 4, a, sizeof(a)), 8);
  memcpy(&x, a, 4);
  memcpy(&y, a+4, 4);
  CHECK(x==-7 && y==123456);
  CHECK_EQ_INT(MimerGetBinary(st, 1, a, sizeof(a)), 4);
  memcpy(&f, a, 4);
  CHECK(f==59.3293f);
  CHECK_EQ_INT(MimerFetch(st), 0);
  CHECK_EQ_INT(MimerGetGisLatitude(st, 1, &d), 0);
  CHECK(d==-33.5);
  CHECK_EQ_INT(MimerGetGisLongitude(st, 2, &d), 0);
  CHECK(d==-70.25);
  CHECK_EQ_INT(MimerGetGisLocation(st, 3, &out), 0);
  CHECK(out.latitude==0.0 && !signbit(out.latitude) && out.longitude==180.0);
  CHECK_EQ_INT(MimerGetBinary(st, 3, a, sizeof(a)), 8);
  memcpy(&f, a+4, 4);
  CHECK(f==180.0f);
  CHECK_EQ_INT(MimerFetch(st), 0);
  CHECK_EQ_INT(MimerIsNull(st, 1), 1);
  CHECK_EQ_INT(MimerIsNull(st, 3), 1);
  CHECK_EQ_INT(MimerGetGisLatitude(st, 1, &d), MIMER_SQL_NULL_VALUE);
  CHECK_EQ_INT(MimerGetGisLocation(st, 3, &out), MIMER_SQL_NULL_VALUE);
  CHECK_EQ_INT(MimerFetch(st), MIMER_NO_DATA);
  CHECK_EQ_INT(MimerGetGisLatitude(st, 1, &d), MIMER_SEQUENCE_ERROR);
  CHECK_EQ_INT(MimerEndStatement(&st), 0);

  /* a marker compared with a GIS column takes its type */
  CHECK_EQ_INT(MimerBeginStatement8(s, "SELECT i FROM g WHERE loc = ?", 0, &st), 0);
  CHECK_EQ_INT(MimerParameterType(st, 1), MIMER_GIS_LOCATION);
  CHECK_EQ_INT(MimerSetGisLocation(st, 1, loc), 0);
  CHECK_EQ_INT(MimerOpenCursor(st), 0);
  CHECK_EQ_INT(MimerFetch(st), 0);
  CHECK_EQ_INT(MimerGetInt32(st, 1, &x), 0);
  CHECK_EQ_INT(x, 1);
  CHECK_EQ_INT(MimerFetch(st), MIMER_NO_DATA);
  CHECK_EQ_INT(MimerEndStatement(&st), 0);
  CHECK_EQ_INT(MimerExecuteStatement8(s, "DROP TABLE g"), 0);
  CHECK_EQ_INT(MimerEndSession(&s), 0);
}

int main(void){
  setenv("MIMERLITE_HOME", testTempDir("capi"), 1);
  unsetenv("MIMER_DATABASE");
  TEST_RUN(test_version);
  TEST_RUN(test_null_handles);
  TEST_RUN(test_login_failures);
  TEST_RUN(test_stale_and_wrong_kind_handles);
  TEST_RUN(test_call_order_and_numbers);
  TEST_RUN(test_setter_conversions_and_errors);
  TEST_RUN(test_insert_select_every_type);
  TEST_RUN(test_batch);
  TEST_RUN(test_refused_null_is_never_the_previous_value);
  TEST_RUN(test_batch_in_transaction_is_all_or_nothing);
  TEST_RUN(test_scroll);
  TEST_RUN(test_large_lobs);
  TEST_RUN(test_empty_lobs);
  TEST_RUN(test_transactions);
  TEST_RUN(test_wide_and_locale_flavours);
  TEST_RUN(test_statistics);
  TEST_RUN(test_gis_round_trips_and_errors);
  return testReport();
}
