/*
** Handle pools, handle validation and the per-handle error record of the
** C API layer (see apiint.h for the design).  Every Mimer* routine starts
** by turning its opaque handle into a live object here; a NULL, freed or
** wrong-kind handle yields NULL and the routine returns -24108.
**
** Pools never return memory to the C library: a freed slot is poisoned
** and queued at the tail of its kind's free list, and a slot is reused
** only once API_QUARANTINE others wait behind it.  The memory held is
** bounded by the peak number of live handles plus the quarantine.
*/
#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "api/apiint.h"

#define API_QUARANTINE 64    /* freed slots of a kind kept before reuse */

typedef struct ApiPool {
  size_t nByte;              /* slot size (the first request fixes it) */
  ApiHandleHdr *pHead;       /* oldest freed slot */
  ApiHandleHdr *pTail;       /* newest freed slot */
  int nFree;                 /* slots on the free list */
} ApiPool;

static ApiPool aPool[API_KIND_COUNT_];
static pthread_mutex_t poolMutex = PTHREAD_MUTEX_INITIALIZER;

static const uint32_t aMagic[API_KIND_COUNT_] = {
  API_MAGIC_SESSION, API_MAGIC_STMT, API_MAGIC_LOB
};

/*
** Allocate a zeroed handle of kind `kind` (nByte bytes, the same for every
** call of a kind) with its live magic set.  NULL on out-of-memory.
*/
void *apiHandleAlloc(ApiKind kind, size_t nByte){
  ApiPool *pPool = &aPool[kind];
  ApiHandleHdr *p = 0;
  assert( kind<API_KIND_COUNT_ && nByte>=sizeof(ApiHandleHdr) );
  pthread_mutex_lock(&poolMutex);
  assert( pPool->nByte==0 || pPool->nByte==nByte );
  pPool->nByte = nByte;
  if( pPool->nFree>API_QUARANTINE ){
    p = pPool->pHead;
    pPool->pHead = p->pNextFree;
    if( pPool->pHead==0 ) pPool->pTail = 0;
    pPool->nFree--;
  }
  pthread_mutex_unlock(&poolMutex);
  if( p==0 ){
    p = malloc(nByte);
    if( p==0 ) return 0;
  }
  memset(p, 0, nByte);
  p->magic = aMagic[kind];
  p->kind = kind;
  return p;
}

/* Poison handle p and queue it for (much) later reuse. */
void apiHandleFree(void *pv){
  ApiHandleHdr *p = pv;
  ApiPool *pPool;
  assert( p && p->magic==aMagic[p->kind] );
  pPool = &aPool[p->kind];
  p->magic = API_MAGIC_DEAD;
  p->pNextFree = 0;
  pthread_mutex_lock(&poolMutex);
  if( pPool->pTail ) pPool->pTail->pNextFree = p; else pPool->pHead = p;
  pPool->pTail = p;
  pPool->nFree++;
  pthread_mutex_unlock(&poolMutex);
}

ApiSession *apiSessionGet(MimerSession p){
  return (p && p->hdr.magic==API_MAGIC_SESSION) ? p : 0;
}

ApiStmt *apiStmtGet(MimerStatement p){
  return (p && p->hdr.magic==API_MAGIC_STMT) ? p : 0;
}

ApiLob *apiLobGet(MimerLob p){
  return (p && p->hdr.magic==API_MAGIC_LOB) ? p : 0;
}

/*
** Record API error rc (a code of the error table) on statement p and its
** session (node-mimer asks the session for statement errors).  Returns rc.
*/
int apiStmtError(ApiStmt *p, int rc){
  assert( rc<0 );
  mlErrorSet(&p->err, rc, "");
  p->pSess->err = p->err;
  return rc;
}

/*
** Record the error of a failed engine call on statement p and its
** session: *pErr when the engine filled it, else the table text of rc.
** Returns rc.
*/
int apiStmtErrorFrom(ApiStmt *p, int rc, const MlError *pErr){
  assert( rc<0 );
  if( pErr->code==rc ) p->err = *pErr; else mlErrorSet(&p->err, rc, "");
  p->pSess->err = p->err;
  return rc;
}

/* As apiStmtErrorFrom, for an error of session p. */
int apiSessionErrorFrom(ApiSession *p, int rc, const MlError *pErr){
  assert( rc<0 );
  if( pErr->code==rc ) p->err = *pErr; else mlErrorSet(&p->err, rc, "");
  return rc;
}

/* Record API error rc on session p.  Returns rc. */
int apiSessionError(ApiSession *p, int rc){
  assert( rc<0 );
  return mlErrorSet(&p->err, rc, "");
}

/*
** Release statement p: its LOB handles, cursor, engine statement and
** buffers, unlink it from its session and poison the handle.
*/
void apiStmtFree(ApiStmt *p){
  MlError err;
  while( p->pFirstLob ) apiLobFree(p->pFirstLob);
  if( p->cursorOpen ) mlStmtClose(p->pStmt, &err);
  if( p->pStmt ) mlStmtFinalize(p->pStmt);
  apiParamsFree(p);
  arenaFree(&p->scratch);
  arenaFree(&p->batch);
  strbufFree(&p->text);
  if( p->pPrev ) p->pPrev->pNext = p->pNext; else p->pSess->pFirstStmt = p->pNext;
  if( p->pNext ) p->pNext->pPrev = p->pPrev;
  apiHandleFree(p);
}

/* Release LOB handle p, unlinking it from its statement (and parameter). */
void apiLobFree(ApiLob *p){
  ApiStmt *pStmt = p->pStmt;
  if( p->isInput && pStmt->aParam[p->iCol].pLob==p ) pStmt->aParam[p->iCol].pLob = 0;
  free(p->aData);
  if( p->pPrev ) p->pPrev->pNext = p->pNext; else pStmt->pFirstLob = p->pNext;
  if( p->pNext ) p->pNext->pPrev = p->pPrev;
  apiHandleFree(p);
}

/* n as an int32_t return value, saturated. */
int apiClampLen(uint64_t n){
  return n>INT32_MAX ? INT32_MAX : (int)n;
}

/*
** The output buffer protocol of spec 4.4 for UTF-8 text z[0..n): copy as
** much as fits in nBuf-1 bytes without splitting a character, add a NUL
** (when nBuf > 0), and return the full length n.  Nothing is written
** when zBuf is NULL or nBuf is 0.
*/
int apiCopyOut8(const char *z, size_t n, char *zBuf, size_t nBuf){
  if( zBuf && nBuf>0 ){
    size_t nCopy = n<nBuf-1 ? n : nBuf-1;
    if( nCopy<n ){
      while( nCopy>0 && (((unsigned char)z[nCopy])&0xC0)==0x80 ) nCopy--;
    }
    memcpy(zBuf, z, nCopy);
    zBuf[nCopy] = 0;
  }
  return apiClampLen(n);
}
