/*
** Minimal test harness shared by the C unit tests.  A test file defines
** functions and calls them through TEST_RUN(); CHECK* macros record
** failures without aborting so one run reports every broken expectation.
** testMain-style: main() ends with `return testReport();`, which prints a
** summary and returns non-zero when anything failed (ctest reads the exit
** code).  testTempDir() hands out fresh, empty directories under
** MIMERLITE_TEST_TMP (or /tmp) for tests that need a database.
*/
#ifndef MIMERLITE_TESTUTIL_H
#define MIMERLITE_TESTUTIL_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

extern int testFailures;   /* CHECK failures so far */
extern int testChecks;     /* CHECKs evaluated so far */

void testFail(const char *zFile, int line, const char *zFmt, ...);
int testReport(void);
const char *testTempDir(const char *zTag);
uint64_t testRandom(void);           /* xorshift64*, seeded by testSeed() */
void testSeed(uint64_t seed);

#define CHECK(cond) do { testChecks++; if(!(cond)) \
  testFail(__FILE__, __LINE__, "CHECK(%s) failed", #cond); } while(0)
#define CHECK_EQ_INT(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); \
  testChecks++; if(a_ != b_) testFail(__FILE__, __LINE__, \
  "%s == %lld, expected %s == %lld", #a, a_, #b, b_); } while(0)
#define CHECK_EQ_STR(a, b) do { const char *a_ = (a), *b_ = (b); testChecks++; \
  if(a_ == 0 || b_ == 0 || strcmp(a_, b_) != 0) testFail(__FILE__, __LINE__, \
  "%s == \"%s\", expected \"%s\"", #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); } while(0)
#define TEST_RUN(fn) do { fprintf(stderr, "-- %s\n", #fn); fn(); } while(0)

#endif
