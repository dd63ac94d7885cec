/*
** Row store (exec/ layer, internal): rows kept by materializing operators
** (sort, DISTINCT, set operations, aggregation, hash join).  A row is an
** encoded key (execEncodeValues) plus copies of a fixed set of register
** values, all in the store's arena; a hash index over the keys finds
** equal rows.  Freed as a whole at close; nothing is freed per row.
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
/* Sort the rows by key (memcmp, shorter first). */
void rsSort(RowStore *p);
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

#endif
