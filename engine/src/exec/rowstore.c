/*
** Row store implementation (see rowstore.h): rows in an arena, an array
** in insertion order, an optional chained hash table keyed by the encoded
** key that doubles when it fills.
*/
#include "exec/rowstore.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
  p->nBytes += (int64_t)(sizeof(RsRow) + sizeof(RsRow*)*2 + nKey + sizeof(Value)*p->nVal);
  for(i=0; i<p->nVal; i++){
    const Value *v = &aReg[aiReg[i]];
    if( execValueCopy(&p->arena, &r->aVal[i], v) ) return ML_E_NOMEM;
    if( !v->isNull && (SQLT_IS_CHARACTER(v->type) || SQLT_IS_BINARYSTR(v->type)) ){
      p->nBytes += v->u.s.n + 1;
    }
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

int rsKeyCmp(const unsigned char *a, uint32_t na, const unsigned char *b, uint32_t nb){
  int c = memcmp(a, b, na<nb ? na : nb);
  if( c ) return c;
  return na==nb ? 0 : na<nb ? -1 : 1;
}

static int rsCmp(const void *a, const void *b){
  const RsRow *x = *(const RsRow*const*)a, *y = *(const RsRow*const*)b;
  int c = rsKeyCmp(x->aKey, x->nKey, y->aKey, y->nKey);
  if( c ) return c;
  /* stable: keep insertion order for equal keys (rows are allocated in order) */
  return x<y ? -1 : x>y;
}

void rsSort(RowStore *p){
  if( p->nRow>1 ) qsort(p->aRow, (size_t)p->nRow, sizeof(RsRow*), rsCmp);
}

void rsRestore(const RsRow *pRow, int nVal, Value *aReg, const int *aiReg){
  int i;
  for(i=0; i<nVal; i++) aReg[aiReg[i]] = pRow->aVal[i];
}

/* Does v carry string or binary bytes outside the Value? */
static int rsHasBytes(const Value *v){
  return !v->isNull && (SQLT_IS_CHARACTER(v->type) || SQLT_IS_BINARYSTR(v->type));
}

int rsRunCreate(RsRun *p, int nVal){
  const char *zDir = getenv("TMPDIR");
  char zPath[4096];
  int fd;
  memset(p, 0, sizeof(*p));
  p->nVal = nVal;
  p->aVal = malloc(sizeof(Value)*(nVal+1));
  if( p->aVal==0 ) return ML_E_NOMEM;
  snprintf(zPath, sizeof(zPath), "%s/mimerlite-spill-XXXXXX", zDir && zDir[0] ? zDir : "/tmp");
  fd = mkstemp(zPath);
  if( fd<0 ) return ML_E_INTERNAL;
  unlink(zPath);
  p->f = fdopen(fd, "w+b");
  if( p->f==0 ){ close(fd); return ML_E_INTERNAL; }
  return ML_OK;
}

/* Row layout: key length, key, then per value the Value and its bytes. */
int rsRunWrite(RsRun *p, const unsigned char *pKey, uint32_t nKey, const Value *aVal){
  size_t nOk = fwrite(&nKey, sizeof(nKey), 1, p->f);
  int i;
  if( nKey ) nOk &= fwrite(pKey, nKey, 1, p->f);
  for(i=0; i<p->nVal; i++){
    nOk &= fwrite(&aVal[i], sizeof(Value), 1, p->f);
    if( rsHasBytes(&aVal[i]) && aVal[i].u.s.n ) nOk &= fwrite(aVal[i].u.s.z, aVal[i].u.s.n, 1, p->f);
  }
  return nOk==1 ? ML_OK : ML_E_INTERNAL;
}

int rsRunRewind(RsRun *p){
  return fflush(p->f)==0 && fseek(p->f, 0, SEEK_SET)==0 ? ML_OK : ML_E_INTERNAL;
}

/* Make room for n bytes in the run's buffer. */
static int rsRunReserve(RsRun *p, size_t n){
  if( n>p->nBuf ){
    size_t nNew = n<256 ? 256 : n*2;
    unsigned char *a = realloc(p->aBuf, nNew);
    if( a==0 ) return ML_E_NOMEM;
    p->aBuf = a;
    p->nBuf = nNew;
  }
  return ML_OK;
}

/*
** String bytes follow the key in the buffer; their pointers are set once
** the whole row is in, since the buffer may move while it grows.
*/
int rsRunRead(RsRun *p){
  size_t nUsed;
  int i;
  if( fread(&p->nKey, sizeof(uint32_t), 1, p->f)!=1 ) return feof(p->f) ? ML_DONE : ML_E_INTERNAL;
  if( rsRunReserve(p, (size_t)p->nKey+1) ) return ML_E_NOMEM;
  if( p->nKey && fread(p->aBuf, p->nKey, 1, p->f)!=1 ) return ML_E_INTERNAL;
  nUsed = p->nKey;
  for(i=0; i<p->nVal; i++){
    Value *v = &p->aVal[i];
    if( fread(v, sizeof(Value), 1, p->f)!=1 ) return ML_E_INTERNAL;
    if( rsHasBytes(v) ){
      if( rsRunReserve(p, nUsed + v->u.s.n + 1) ) return ML_E_NOMEM;
      if( v->u.s.n && fread(p->aBuf+nUsed, v->u.s.n, 1, p->f)!=1 ) return ML_E_INTERNAL;
      v->u.s.z = (const char*)(uintptr_t)nUsed;   /* an offset until the buffer settles */
      nUsed += v->u.s.n;
    }
  }
  for(i=0; i<p->nVal; i++){
    Value *v = &p->aVal[i];
    if( rsHasBytes(v) ) v->u.s.z = (const char*)p->aBuf + (uintptr_t)v->u.s.z;
  }
  return ML_OK;
}

void rsRunClose(RsRun *p){
  if( p->f ) fclose(p->f);
  free(p->aBuf);
  free(p->aVal);
  memset(p, 0, sizeof(*p));
}
