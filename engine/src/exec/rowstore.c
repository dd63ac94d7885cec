/*
** Row store implementation (see rowstore.h): rows in an arena, an array
** in insertion order, an optional chained hash table keyed by the encoded
** key that doubles when it fills; spill runs in temporary files, their
** tiered k-way merge (RsMerge) and budgeted duplicate elimination
** (RsDedup).
*/
#include "exec/rowstore.h"

#include <assert.h>
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
  uint32_t n = na<nb ? na : nb;
  int c = n ? memcmp(a, b, n) : 0;      /* an empty key may have no bytes at all */
  if( c ) return c;
  return na==nb ? 0 : na<nb ? -1 : 1;
}

/*
** Stable sort: a bottom-up merge sort of the row pointers (qsort is not
** stable and arena addresses do not follow insertion order across
** chunks), with one scratch array of nRow pointers.
*/
int rsSort(RowStore *p){
  RsRow **aSrc = p->aRow, **aDst, **aTmp;
  int64_t n = p->nRow, w, i;
  if( n<2 ) return ML_OK;
  aDst = malloc(sizeof(RsRow*)*(size_t)n);
  if( aDst==0 ) return ML_E_NOMEM;
  aTmp = aDst;
  for(w=1; w<n; w*=2){
    for(i=0; i<n; i+=2*w){
      int64_t a = i, aEnd = i+w<n ? i+w : n, b = aEnd, bEnd = i+2*w<n ? i+2*w : n, k = i;
      while( a<aEnd && b<bEnd ){
        const RsRow *x = aSrc[a], *y = aSrc[b];
        aDst[k++] = rsKeyCmp(y->aKey, y->nKey, x->aKey, x->nKey)<0 ? aSrc[b++] : aSrc[a++];
      }
      while( a<aEnd ) aDst[k++] = aSrc[a++];
      while( b<bEnd ) aDst[k++] = aSrc[b++];
    }
    { RsRow **t = aSrc; aSrc = aDst; aDst = t; }
  }
  if( aSrc!=p->aRow ) memcpy(p->aRow, aSrc, sizeof(RsRow*)*(size_t)n);
  free(aTmp);
  return ML_OK;
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

/* ------------------------------------------------------------ RsMerge */

void rsMergeInit(RsMerge *p, int nVal){
  memset(p, 0, sizeof(*p));
  p->nVal = nVal;
  p->iCur = -1;
}

void rsMergeFree(RsMerge *p){
  int i;
  for(i=0; i<p->nRun; i++) rsRunClose(&p->aRun[i]);
  free(p->aRun);
  free(p->aTier);
  free(p->aLive);
  free(p->aTmp);
  rsMergeInit(p, p->nVal);
}

/* Append a new empty run of tier iTier; *ppRun gets it. */
static int rsMergeNewRun(RsMerge *p, int iTier, RsRun **ppRun){
  int rc;
  *ppRun = 0;
  if( p->nRun==p->nRunAlloc ){
    int nNew = p->nRunAlloc ? p->nRunAlloc*2 : 8;
    RsRun *aRun = realloc(p->aRun, sizeof(RsRun)*(size_t)nNew);
    uint8_t *aTier;
    if( aRun==0 ) return ML_E_NOMEM;
    p->aRun = aRun;
    aTier = realloc(p->aTier, (size_t)nNew);
    if( aTier==0 ) return ML_E_NOMEM;
    p->aTier = aTier;
    p->nRunAlloc = nNew;
  }
  rc = rsRunCreate(&p->aRun[p->nRun], p->nVal);
  if( rc ){
    rsRunClose(&p->aRun[p->nRun]);
    return rc;
  }
  p->aTier[p->nRun] = (uint8_t)iTier;
  *ppRun = &p->aRun[p->nRun++];
  return ML_OK;
}

/* Among runs [iFirst, nRun) with a current row (aLive), the smallest; -1. */
static int rsMergeMin(const RsMerge *p, int iFirst){
  int i, iMin = -1;
  for(i=iFirst; i<p->nRun; i++){
    const RsRun *r = &p->aRun[i];
    if( !p->aLive[i] ) continue;
    if( iMin<0 || rsKeyCmp(r->aBuf, r->nKey, p->aRun[iMin].aBuf, p->aRun[iMin].nKey)<0 ) iMin = i;
  }
  return iMin;
}

/* Make aLive hold nRun flags. */
static int rsMergeLiveAlloc(RsMerge *p){
  uint8_t *a = realloc(p->aLive, (size_t)p->nRunAlloc+1);
  if( a==0 ) return ML_E_NOMEM;
  p->aLive = a;
  return ML_OK;
}

/* Read run i's next row into aLive[i]. */
static int rsMergeRead(RsMerge *p, int i){
  int rc = rsRunRead(&p->aRun[i]);
  p->aLive[i] = rc==ML_OK;
  return rc==ML_DONE ? ML_OK : rc;
}

/*
** Merge runs [iFirst, nRun) (all rewound, of one tier) stably into one run
** of the next tier that takes run iFirst's place.
*/
static int rsMergeCompact(RsMerge *p, int iFirst){
  RsRun out, *pNew;
  int i, rc, iTier = p->aTier[iFirst]+1;
  rc = rsMergeLiveAlloc(p);
  if( rc ) return rc;
  rc = rsRunCreate(&out, p->nVal);
  for(i=iFirst; rc==ML_OK && i<p->nRun; i++) rc = rsMergeRead(p, i);
  while( rc==ML_OK && (i = rsMergeMin(p, iFirst))>=0 ){
    RsRun *r = &p->aRun[i];
    rc = rsRunWrite(&out, r->aBuf, r->nKey, r->aVal);
    if( rc==ML_OK ) rc = rsMergeRead(p, i);
  }
  if( rc==ML_OK ) rc = rsRunRewind(&out);
  if( rc ){
    rsRunClose(&out);
    return rc;
  }
  for(i=iFirst; i<p->nRun; i++) rsRunClose(&p->aRun[i]);
  p->nRun = iFirst+1;
  pNew = &p->aRun[iFirst];
  *pNew = out;
  p->aTier[iFirst] = (uint8_t)(iTier<255 ? iTier : 255);
  return ML_OK;
}

int rsMergeBeginRun(RsMerge *p, RsRun **ppRun){
  *ppRun = 0;
  return rsMergeNewRun(p, 0, ppRun);
}

int rsMergeEndRun(RsMerge *p){
  int rc;
  assert( p->nRun>0 && p->aTier[p->nRun-1]==0 );
  rc = rsRunRewind(&p->aRun[p->nRun-1]);
  /* tiers: RS_MERGE_FANIN newest runs of one tier become one run */
  while( rc==ML_OK && p->nRun>=RS_MERGE_FANIN ){
    int iFirst = p->nRun-RS_MERGE_FANIN, k;
    for(k=iFirst+1; k<p->nRun && p->aTier[k]==p->aTier[iFirst]; k++){}
    if( k<p->nRun ) break;
    rc = rsMergeCompact(p, iFirst);
  }
  return rc;
}

int rsMergeSpill(RsMerge *p, RowStore *pRs, int bCount){
  RsRun *r;
  int64_t i;
  int rc, nVal = pRs->nVal;
  assert( p->nVal==nVal+(bCount ? 1 : 0) );
  if( p->aTmp==0 ){
    p->aTmp = calloc((size_t)p->nVal+1, sizeof(Value));
    if( p->aTmp==0 ) return ML_E_NOMEM;
  }
  rc = rsSort(pRs);
  if( rc==ML_OK ) rc = rsMergeBeginRun(p, &r);
  for(i=0; rc==ML_OK && i<pRs->nRow; i++){
    const RsRow *pRow = pRs->aRow[i];
    const Value *aVal = pRow->aVal;
    if( bCount ){
      if( nVal ) memcpy(p->aTmp, pRow->aVal, sizeof(Value)*(size_t)nVal);
      memset(&p->aTmp[nVal], 0, sizeof(Value));
      p->aTmp[nVal].type = SQLT_BIGINT;
      p->aTmp[nVal].u.i = pRow->nCount;
      aVal = p->aTmp;
    }
    rc = rsRunWrite(r, pRow->aKey, pRow->nKey, aVal);
  }
  if( rc==ML_OK ) rc = rsMergeEndRun(p);
  if( rc ) return rc;
  rsFree(pRs);
  rsInit(pRs, nVal);
  return ML_OK;
}

int rsMergeStart(RsMerge *p){
  int i, rc = rsMergeLiveAlloc(p);
  for(i=0; rc==ML_OK && i<p->nRun; i++) rc = rsMergeRead(p, i);
  if( rc ) return rc;
  p->iCur = rsMergeMin(p, 0);
  return ML_OK;
}

RsRun *rsMergeCur(RsMerge *p){
  return p->iCur>=0 ? &p->aRun[p->iCur] : 0;
}

int rsMergeAdvance(RsMerge *p){
  int rc;
  assert( p->iCur>=0 );
  rc = rsMergeRead(p, p->iCur);
  p->iCur = rc ? -1 : rsMergeMin(p, 0);
  return rc;
}

/* ------------------------------------------------------------ RsDedup */

void rsDedupInit(RsDedup *p, int nVal, int64_t nBudget){
  memset(p, 0, sizeof(*p));
  rsInit(&p->rs, 0);
  p->nVal = nVal;
  p->nBudget = nBudget>0 ? nBudget : 1;
  rsMergeInit(&p->emitted, 0);
  rsMergeInit(&p->rest, nVal);
  strbufInit(&p->last, 0, 0);
}

void rsDedupFree(RsDedup *p){
  rsFree(&p->rs);
  rsMergeFree(&p->emitted);
  rsMergeFree(&p->rest);
  strbufFree(&p->last);
  rsDedupInit(p, p->nVal, p->nBudget);
}

int rsDedupAdd(RsDedup *p, const unsigned char *pKey, uint32_t nKey, const Value *aReg,
               const int *aiReg, int *pbNew){
  int rc;
  *pbNew = 0;
  if( rsFind(&p->rs, pKey, nKey) ) return ML_OK;
  rc = rsAddHashed(&p->rs, pKey, nKey, aReg, aiReg, 0);
  if( rc ) return rc;
  if( !p->bSpill ){
    *pbNew = 1;
    if( p->rs.nBytes<p->nBudget ) return ML_OK;
    /* the keys emitted so far become one sorted run; rows are kept from now */
    rc = rsMergeSpill(&p->emitted, &p->rs, 0);
    rsFree(&p->rs);
    rsInit(&p->rs, p->nVal);
    p->bSpill = 1;
    return rc;
  }
  return p->rs.nBytes<p->nBudget ? ML_OK : rsMergeSpill(&p->rest, &p->rs, 0);
}

int rsDedupFinish(RsDedup *p){
  int rc = ML_OK;
  if( !p->bSpill ) return ML_OK;
  if( p->rs.nRow>0 ) rc = rsMergeSpill(&p->rest, &p->rs, 0);
  if( rc==ML_OK ) rc = rsMergeStart(&p->emitted);
  if( rc==ML_OK ) rc = rsMergeStart(&p->rest);
  return rc;
}

int rsDedupNext(RsDedup *p, const Value **paVal){
  int rc;
  *paVal = 0;
  if( !p->bSpill ) return ML_DONE;
  for(;;){
    RsRun *r, *e;
    int c = 1;
    if( p->bPending ){
      p->bPending = 0;
      rc = rsMergeAdvance(&p->rest);
      if( rc ) return rc;
    }
    r = rsMergeCur(&p->rest);
    if( r==0 ) return ML_DONE;
    p->bPending = 1;
    if( p->bLast && rsKeyCmp(r->aBuf, r->nKey, (const unsigned char*)p->last.a, (uint32_t)p->last.n)==0 ){
      continue;
    }
    strbufReset(&p->last);
    strbufAppend(&p->last, r->aBuf, r->nKey);
    if( strbufError(&p->last) ) return ML_E_NOMEM;
    p->bLast = 1;
    while( (e = rsMergeCur(&p->emitted))!=0 && (c = rsKeyCmp(e->aBuf, e->nKey, r->aBuf, r->nKey))<0 ){
      rc = rsMergeAdvance(&p->emitted);
      if( rc ) return rc;
    }
    if( e && c==0 ) continue;
    *paVal = r->aVal;
    return ML_OK;
  }
}
