/*
** libFuzzer target for the SQL front end (engine/src/sql/): feeds arbitrary
** bytes to sqlParse() and checks the parser's contract:
**   - it never crashes (the sanitizers watch memory and UB);
**   - it returns ML_OK or a negative Mimer code whose message is not empty
**     and names the position (" at line L, column C");
**   - whatever it accepts prints to canonical text that re-parses and
**     prints identically (the AST printer is idempotent).
** A broken contract aborts, which libFuzzer reports as a crash.
**
** Build with clang only, outside ctest, for example:
**   clang -g -O1 -fsanitize=fuzzer,address,undefined -D_GNU_SOURCE \
**     -Iengine/src engine/tests/fuzz/fuzz_parser.c engine/src/sql/\*.c \
**     engine/src/util/\*.c -o fuzz_parser
**   ./fuzz_parser -max_len=4096 corpus/
*/
#include "sql/astprint.h"
#include "sql/parse.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData);

/*
** Print pStmt canonically into a heap buffer of exactly *pn bytes (caller
** frees).  The text may hold NUL bytes (string literals can), so it is
** copied by length.
*/
static char *fuzzPrint(const AstStmt *pStmt, size_t *pn){
  StrBuf b;
  char *z;
  strbufInit(&b, 0, 0);
  if( astPrintStmt(&b, pStmt, 0)!=ML_OK ) abort();
  z = malloc(b.n ? b.n : 1);
  if( z==0 ) abort();
  if( b.n ) memcpy(z, b.a, b.n);
  *pn = b.n;
  strbufFree(&b);
  return z;
}

/* One input: parse, then check the error or the print/re-parse round trip. */
int LLVMFuzzerTestOneInput(const uint8_t *aData, size_t nData){
  Arena arena;
  AstStmt *pStmt = 0;
  MlError err;
  int rc;
  arenaInit(&arena, 0);
  mlErrorClear(&err);
  rc = sqlParse(&arena, (const char*)aData, nData, &pStmt, &err);
  if( rc!=ML_OK ){
    if( rc>0 || err.code!=rc || err.zMsg[0]==0 ) abort();
    if( rc!=ML_E_NOMEM && strstr(err.zMsg, " at line ")==0 ) abort();
  }else{
    size_t n1, n2;
    char *z1 = fuzzPrint(pStmt, &n1);
    AstStmt *pStmt2 = 0;
    if( sqlParse(&arena, z1, n1, &pStmt2, &err)!=ML_OK ) abort();
    {
      char *z2 = fuzzPrint(pStmt2, &n2);
      if( n1!=n2 || memcmp(z1, z2, n1)!=0 ) abort();
      free(z2);
    }
    free(z1);
  }
  arenaFree(&arena);
  return 0;
}
