/*
** Row store (exec/ layer, internal): rows kept by materializing operators
** (sort, DISTINCT, set operations, aggregation, hash join).  A row is an
** encoded key (execEncodeValues) plus copies of a fixed set of register
** values, all in the store's arena; a hash index over the keys finds
** equal rows.  Freed as a whole at close; nothing is freed per row.
**
** When a store outgrows its operator's memory budget the operator writes
** it, sorted, as a spill run (RsRun) to a temporary file; RsMerge keeps
** an operator's runs in input order, merges them k ways (ties go to the
** earlier run, so equal keys keep input order) and, when too many runs
** pile up, merges the newest ones into one, so a merge never has more than
** a few dozen files open.  RsDedup builds on both: duplicate elimination
** (DISTINCT, UNION, the distinct EXCEPT / INTERSECT) within a budget.
*/
#ifndef MIMERLITE_ROWSTORE_H
#define MIMERLITE_ROWSTORE_H

#include <stdio.h>

#include "exec/exec.h"

typedef struct RsRow RsRow;
struct RsRow {
  RsRow *pNext;            /* hash chain */
  uint64_t h;              /* hash of the key */
  uint32_t nKey;           /* bytes of key */
  int64_t nCount;          /* set operations: occurrences; aggregation: unused */
  unsigned char *aKey;     /* key bytes */
  Value *aVal;             /* saved values */
  void *pAux;              /* per-row operator state (aggregates) */
};

typedef struct RowStore {
  Arena arena;
  int nVal;                /* values saved per row */
  RsRow **aRow;            /* rows in insertion order */
  int64_t nRow, nRowAlloc;
  RsRow **aHash;           /* hash buckets or 0 when not hashed */
  uint64_t nHash;
  int64_t nBytes;          /* approximate memory the rows hold (budgets) */
} RowStore;

void rsInit(RowStore *p, int nVal);
void rsFree(RowStore *p);
/* Add a row with key pKey and values copied from aReg[aiReg[i]]. */
int rsAdd(RowStore *p, const unsigned char *pKey, uint32_t nKey, const Value *aReg,
          const int *aiReg, RsRow **ppRow);
/* Find the row with an equal key (needs rsAdd to have hashed: bHash). */
RsRow *rsFind(RowStore *p, const unsigned char *pKey, uint32_t nKey);
int rsAddHashed(RowStore *p, const unsigned char *pKey, uint32_t nKey, const Value *aReg,
                const int *aiReg, RsRow **ppRow);
/* Sort the rows by key (memcmp, shorter first), stably: equal keys keep
** insertion order.  ML_OK or ML_E_NOMEM (the merge buffer). */
int rsSort(RowStore *p);
/* Copy a row's values back into the registers. */
void rsRestore(const RsRow *pRow, int nVal, Value *aReg, const int *aiReg);

/*
** Spill runs: rows (a key and nVal values) written to an unlinked
** temporary file in $TMPDIR (else /tmp), so the file disappears with its
** descriptor even after a crash, then read back in order.  The current
** row read back lives in the run's buffer (strings point into it) until
** the next rsRunRead.  Functions return ML_OK, ML_DONE (end of the run) or
** ML_E_NOMEM / ML_E_INTERNAL (I/O; the caller sets the message).
*/
typedef struct RsRun {
  FILE *f;                 /* the temporary file, or 0 */
  int nVal;                /* values per row */
  unsigned char *aBuf;     /* current row: key then string bytes */
  size_t nBuf;             /* bytes allocated at aBuf */
  uint32_t nKey;           /* key bytes of the current row (at aBuf) */
  Value *aVal;             /* [nVal] current row's values */
} RsRun;

int rsRunCreate(RsRun *p, int nVal);
int rsRunWrite(RsRun *p, const unsigned char *pKey, uint32_t nKey, const Value *aVal);
int rsRunRewind(RsRun *p);          /* done writing: read from the start */
int rsRunRead(RsRun *p);            /* the next row; ML_DONE at the end */
void rsRunClose(RsRun *p);          /* close and free; p may be zeroed */
/* memcmp order of two keys, shorter first on a common prefix. */
int rsKeyCmp(const unsigned char *a, uint32_t na, const unsigned char *b, uint32_t nb);

/*
** The spill runs of one operator, all with nVal values per row, in input
** order.  rsMergeSpill sorts a row store and writes it as the newest run
** (with bCount, each row's nCount follows its values as a BIGINT, so runs
** have pRs->nVal+1 values); once RS_MERGE_FANIN runs of one tier exist
** they are merged into one run of the next tier (a stable merge), which
** bounds the open files by RS_MERGE_FANIN per tier.  rsMergeStart then
** reads every run's first row; rsMergeCur is the run holding the smallest
** current row (earliest run on ties) or 0 at the end, and rsMergeAdvance
** moves past that row.  The current row's strings live in its run's
** buffer until the next advance.  Errors: ML_E_NOMEM, ML_E_INTERNAL (I/O).
*/
#define RS_MERGE_FANIN 16
typedef struct RsMerge {
  int nVal;                /* values per row of every run */
  int nRun, nRunAlloc;
  RsRun *aRun;             /* [nRun] runs, oldest first */
  uint8_t *aTier;          /* [nRun] merges that produced the run */
  uint8_t *aLive;          /* [nRun] while merging: the run has a current row */
  int iCur;                /* while merging: run of the smallest row, or -1 */
  Value *aTmp;             /* [nVal] a row's values while it is written */
} RsMerge;

void rsMergeInit(RsMerge *p, int nVal);
int rsMergeSpill(RsMerge *p, RowStore *pRs, int bCount);
/* For rows not in a RowStore: rsMergeBeginRun appends a new empty run
** (*ppRun, owned by p) that the caller fills with rsRunWrite in key
** order, then rsMergeEndRun finishes it and merges tiers like
** rsMergeSpill. */
int rsMergeBeginRun(RsMerge *p, RsRun **ppRun);
int rsMergeEndRun(RsMerge *p);
int rsMergeStart(RsMerge *p);
RsRun *rsMergeCur(RsMerge *p);
int rsMergeAdvance(RsMerge *p);
void rsMergeFree(RsMerge *p);

/*
** Duplicate elimination within a memory budget.  rsDedupAdd is given
** every input row (its key and the registers aReg[aiReg[0..nVal)));
** while the keys seen fit the budget they are kept in a hash set of keys
** only and *pbNew = 1 says "first occurrence: emit it now".  When the
** set fills, it is written as a sorted run of the keys already emitted,
** and from then on rows are deduplicated in a hashed store of keys and
** values that is spilled as sorted runs whenever it fills (*pbNew = 0:
** the row is deferred).  After rsDedupFinish (end of input), rsDedupNext
** merges the deferred runs and returns the first occurrence of every key
** that was not emitted before (*paVal: its nVal values, valid until the
** next call), then ML_DONE.  So the rows emitted, over both phases, are
** exactly the first occurrence of every distinct key.
*/
typedef struct RsDedup {
  RowStore rs;             /* keys seen (keys only until spilling, then rows) */
  int nVal;                /* values per row */
  int64_t nBudget;         /* bytes of rs before it spills */
  int bSpill;              /* the key set overflowed: rows are deferred */
  RsMerge emitted;         /* one run: keys emitted before the overflow */
  RsMerge rest;            /* deferred rows, deduplicated within each run */
  int bPending;            /* the row returned last is rest's current row */
  int bLast;               /* last holds a key */
  StrBuf last;             /* key of the last row taken from rest */
} RsDedup;

void rsDedupInit(RsDedup *p, int nVal, int64_t nBudget);
int rsDedupAdd(RsDedup *p, const unsigned char *pKey, uint32_t nKey, const Value *aReg,
               const int *aiReg, int *pbNew);
int rsDedupFinish(RsDedup *p);
int rsDedupNext(RsDedup *p, const Value **paVal);
void rsDedupFree(RsDedup *p);

#endif
