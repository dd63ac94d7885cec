/*
** Row store implementation (see rowstore.h): rows in an arena, an array
** in insertion order, an optional chained hash table keyed by the encoded
** key that doubles when it fills.
*/
#include "exec/rowstore.h"

#include <stdlib.h>
#include <string.h>

void rsInit(RowStore *p, int nVal){
  memset(p, 0, sizeof(*p));
  arenaInit(&p->arena, 64*1024);
  p->nVal = nVal;
}

void rsFree(RowStore *p){
  arenaFree(&p->arena);
  free(p->aRow);
  free(p->aHash);
  memset(p, 0, sizeof(*p));
}

static uint64_t rsHash(const unsigned char *a, uint32_t n){
  uint64_t h = 1469598103934665603ULL;
  uint32_t i;
  for(i=0; i<n; i++){ h ^= a[i]; h *= 1099511628211ULL; }
  return h;
}

int rsAdd(RowStore *p, const unsigned char *pKey, uint32_t nKey, const Value *aReg,
          const int *aiReg, RsRow **ppRow){
  RsRow *r = arenaAlloc(&p->arena, sizeof(RsRow));
  int i;
  if( r==0 ) return ML_E_NOMEM;
  memset(r, 0, sizeof(*r));
  r->nKey = nKey;
  r->aKey = nKey ? arenaDup(&p->arena, pKey, nKey) : arenaAlloc(&p->arena, 1);
  r->aVal = arenaAlloc(&p->arena, sizeof(Value)*(p->nVal ? p->nVal : 1));
  if( r->aKey==0 || r->aVal==0 ) return ML_E_NOMEM;
  for(i=0; i<p->nVal; i++){
    if( execValueCopy(&p->arena, &r->aVal[i], &aReg[aiReg[i]]) ) return ML_E_NOMEM;
  }
  if( p->nRow==p->nRowAlloc ){
    int64_t nNew = p->nRowAlloc ? p->nRowAlloc*2 : 64;
    RsRow **aNew = realloc(p->aRow, sizeof(RsRow*)*nNew);
    if( aNew==0 ) return ML_E_NOMEM;
    p->aRow = aNew;
    p->nRowAlloc = nNew;
  }
  p->aRow[p->nRow++] = r;
  r->nCount = 1;
  if( ppRow ) *ppRow = r;
  return ML_OK;
}

static int rsRehash(RowStore *p){
  uint64_t nNew = p->nHash ? p->nHash*2 : 256, i;
  RsRow **aNew = calloc(nNew, sizeof(RsRow*));
  if( aNew==0 ) return ML_E_NOMEM;
  for(i=0; i<(uint64_t)p->nRow; i++){
    RsRow *r = p->aRow[i];
    r->pNext = aNew[r->h & (nNew-1)];
    aNew[r->h & (nNew-1)] = r;
  }
  free(p->aHash);
  p->aHash = aNew;
  p->nHash = nNew;
  return ML_OK;
}

RsRow *rsFind(RowStore *p, const unsigned char *pKey, uint32_t nKey){
  uint64_t h = rsHash(pKey, nKey);
  RsRow *r;
  if( p->nHash==0 ) return 0;
  for(r=p->aHash[h & (p->nHash-1)]; r; r=r->pNext){
    if( r->h==h && r->nKey==nKey && (nKey==0 || memcmp(r->aKey, pKey, nKey)==0) ) return r;
  }
  return 0;
}

int rsAddHashed(RowStore *p, const unsigned char *pKey, uint32_t nKey, const Value *aReg,
                const int *aiReg, RsRow **ppRow){
  RsRow *r;
  int rc;
  if( (uint64_t)p->nRow+1 > p->nHash ){
    rc = rsRehash(p);
    if( rc ) return rc;
  }
  rc = rsAdd(p, pKey, nKey, aReg, aiReg, &r);
  if( rc ) return rc;
  r->h = rsHash(pKey, nKey);
  r->pNext = p->aHash[r->h & (p->nHash-1)];
  p->aHash[r->h & (p->nHash-1)] = r;
  if( ppRow ) *ppRow = r;
  return ML_OK;
}

static int rsCmp(const void *a, const void *b){
  const RsRow *x = *(const RsRow*const*)a, *y = *(const RsRow*const*)b;
  uint32_t n = x->nKey<y->nKey ? x->nKey : y->nKey;
  int c = memcmp(x->aKey, y->aKey, n);
  if( c ) return c;
  if( x->nKey!=y->nKey ) return x->nKey<y->nKey ? -1 : 1;
  /* stable: keep insertion order for equal keys */
  return x<y ? -1 : x>y;
}

void rsSort(RowStore *p){
  if( p->nRow>1 ) qsort(p->aRow, (size_t)p->nRow, sizeof(RsRow*), rsCmp);
}

void rsRestore(const RsRow *pRow, int nVal, Value *aReg, const int *aiReg){
  int i;
  for(i=0; i<nVal; i++) aReg[aiReg[i]] = pRow->aVal[i];
}
