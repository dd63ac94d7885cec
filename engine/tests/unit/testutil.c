/*
** Implementation of the shared C test harness (see testutil.h).
*/
#include "testutil.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

int testFailures = 0;
int testChecks = 0;
static uint64_t testState = 0x9E3779B97F4A7C15ull;

/* Record one failed expectation and print where it happened. */
void testFail(const char *zFile, int line, const char *zFmt, ...){
  va_list ap;
  testFailures++;
  fprintf(stderr, "%s:%d: ", zFile, line);
  va_start(ap, zFmt);
  vfprintf(stderr, zFmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

/* Print the summary line and return the process exit code. */
int testReport(void){
  fprintf(stderr, "%d checks, %d failed\n", testChecks, testFailures);
  return testFailures ? 1 : 0;
}

void testSeed(uint64_t seed){
  testState = seed ? seed : 0x9E3779B97F4A7C15ull;
}

uint64_t testRandom(void){
  testState ^= testState >> 12;
  testState ^= testState << 25;
  testState ^= testState >> 27;
  return testState * 0x2545F4914F6CDD1Dull;
}

/* Remove directory zDir and everything below it (best effort, test use). */
static void testRemoveTree(const char *zDir){
  char zCmd[4200];
  snprintf(zCmd, sizeof(zCmd), "rm -rf '%s'", zDir);
  if( system(zCmd)!=0 ){
    fprintf(stderr, "warning: could not remove %s\n", zDir);
  }
}

/*
** Return a fresh, empty directory named after zTag and the process id.
** The returned string is static and overwritten by the next call.
*/
const char *testTempDir(const char *zTag){
  static char zPath[4096];
  const char *zBase = getenv("MIMERLITE_TEST_TMP");
  if( zBase==0 || zBase[0]==0 ) zBase = "/tmp";
  mkdir(zBase, 0700);
  snprintf(zPath, sizeof(zPath), "%s/%s-%d", zBase, zTag, (int)getpid());
  testRemoveTree(zPath);
  if( mkdir(zPath, 0700)!=0 && errno!=EEXIST ){
    fprintf(stderr, "cannot create %s\n", zPath);
    exit(2);
  }
  return zPath;
}
