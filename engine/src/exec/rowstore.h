/*
** Row store (exec/ layer, internal): rows kept by materializing operators
** (sort, DISTINCT, set operations, aggregation, hash join).  A row is an
** encoded key (execEncodeValues) plus copies of a fixed set of register
** values, all in the store's arena; a hash index over the keys finds
** equal rows.  Freed as a whole at close; nothing is freed per row.
*/
#ifndef MIMERLITE_ROWSTORE_H
#define MIMERLITE_ROWSTORE_H

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

#endif
