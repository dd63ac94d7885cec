/*
** Unit tests for util/: the arena allocator, StrBuf and the error table.
*/
#include <stdint.h>
#include <stdlib.h>

#include "testutil.h"
#include "util/arena.h"
#include "util/errors.h"
#include "util/strbuf.h"

/* Allocations are aligned, distinct, survive growth, and marks release. */
static void test_arena_alloc_mark_release(void){
  Arena a;
  ArenaMark m;
  char *p1, *p2, *pBig;
  int i;
  arenaInit(&a, 128);
  p1 = arenaAlloc(&a, 10);
  CHECK( p1!=0 && ((uintptr_t)p1 % 16)==0 );
  memset(p1, 'x', 10);
  m = arenaMark(&a);
  for(i=0; i<100; i++){
    p2 = arenaAlloc(&a, 100);
    CHECK( p2!=0 && ((uintptr_t)p2 % 16)==0 );
    memset(p2, i, 100);
  }
  pBig = arenaAlloc(&a, 100000);
  CHECK( pBig!=0 );
  memset(pBig, 1, 100000);
  arenaRelease(&a, m);
  CHECK( p1[9]=='x' );
  p2 = arenaAlloc(&a, 10);
  CHECK( p2==p1+16 );
  CHECK_EQ_STR( arenaStrndup(&a, "hello world", 5), "hello" );
  arenaReset(&a);
  CHECK( arenaAlloc(&a, 8)==p1 );
  arenaFree(&a);
}

/* A StrBuf on stack storage moves to the heap only when outgrown. */
static void test_strbuf_grows_from_static_storage(void){
  char aStatic[8];
  StrBuf b;
  int i;
  strbufInit(&b, aStatic, sizeof(aStatic));
  strbufAppendStr(&b, "abc");
  CHECK( b.a==(unsigned char*)aStatic && b.onHeap==0 );
  for(i=0; i<1000; i++) strbufAppendByte(&b, (unsigned char)('0' + i%10));
  CHECK( b.onHeap==1 );
  CHECK_EQ_INT( b.n, 1003 );
  CHECK( memcmp(b.a, "abc0123456789", 13)==0 );
  strbufReset(&b);
  strbufPrintf(&b, "%d-%s", 42, "x");
  CHECK_EQ_STR( strbufCStr(&b), "42-x" );
  CHECK_EQ_INT( strbufError(&b), ML_OK );
  strbufFree(&b);
}

/* Codes, SQLSTATEs and templates come from the one table. */
static void test_error_table_formats_messages(void){
  MlError e;
  int rc;
  mlErrorClear(&e);
  rc = mlErrorSet(&e, ML_E_CONFLICT);
  CHECK_EQ_INT( rc, -10001 );
  CHECK_EQ_STR( e.zMsg, "Transaction aborted due to conflict with other transaction" );
  rc = mlErrorSet(&e, ML_E_TABLE_LOCKED, "MIMERPY.conflict_test2");
  CHECK_EQ_INT( rc, -16001 );
  CHECK_EQ_STR( e.zMsg, "Table MIMERPY.conflict_test2 locked by another user" );
  CHECK_EQ_STR( e.zState, "55006" );
  CHECK_EQ_STR( mlErrorSqlState(ML_E_DUPLICATE_KEY), "23000" );
  CHECK_EQ_STR( mlErrorSqlState(-1), "HY000" );
  rc = mlErrorSetText(&e, ML_E_INTERNAL, "%s/%d", "x", 7);
  CHECK_EQ_INT( rc, ML_E_INTERNAL );
  CHECK_EQ_STR( e.zMsg, "x/7" );
  CHECK_EQ_INT( mlErrorSet(0, ML_E_NOMEM), ML_E_NOMEM );
}

int main(void){
  TEST_RUN(test_arena_alloc_mark_release);
  TEST_RUN(test_strbuf_grows_from_static_storage);
  TEST_RUN(test_error_table_formats_messages);
  return testReport();
}
