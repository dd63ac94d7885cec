/*
** Arena allocator implementation (see arena.h).
*/
#include "util/arena.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

struct ArenaChunk {
  ArenaChunk *pPrev;       /* older chunk */
  size_t nSize;            /* usable bytes in aData */
  size_t nUsed;            /* bytes handed out */
  _Alignas(16) unsigned char aData[];
};

void arenaInit(Arena *p, size_t nChunkSize){
  p->pChunk = 0;
  p->nChunkSize = nChunkSize ? nChunkSize : 8192;
}

/* Push a new chunk able to hold at least n bytes; 0 on out-of-memory. */
static ArenaChunk *arenaGrow(Arena *p, size_t n){
  size_t nSize = n > p->nChunkSize ? n : p->nChunkSize;
  ArenaChunk *c = malloc(sizeof(ArenaChunk) + nSize);
  if( c==0 ) return 0;
  c->pPrev = p->pChunk;
  c->nSize = nSize;
  c->nUsed = 0;
  p->pChunk = c;
  return c;
}

/* Return n bytes aligned to 16, valid until the arena is reset or freed. */
void *arenaAlloc(Arena *p, size_t n){
  ArenaChunk *c = p->pChunk;
  size_t nAligned = (n + 15) & ~(size_t)15;
  void *pRet;
  if( nAligned<n ) return 0;   /* size overflow */
  if( c==0 || c->nSize - c->nUsed < nAligned ){
    c = arenaGrow(p, nAligned);
    if( c==0 ) return 0;
  }
  pRet = c->aData + c->nUsed;
  c->nUsed += nAligned;
  return pRet;
}

void *arenaDup(Arena *p, const void *pSrc, size_t n){
  void *pNew = arenaAlloc(p, n ? n : 1);
  if( pNew && n ) memcpy(pNew, pSrc, n);
  return pNew;
}

/* Copy n bytes of z and NUL-terminate the copy. */
char *arenaStrndup(Arena *p, const char *z, size_t n){
  char *zNew = arenaAlloc(p, n+1);
  if( zNew ){
    memcpy(zNew, z, n);
    zNew[n] = 0;
  }
  return zNew;
}

ArenaMark arenaMark(const Arena *p){
  ArenaMark m;
  m.pChunk = p->pChunk;
  m.nUsed = p->pChunk ? p->pChunk->nUsed : 0;
  return m;
}

/* Free everything allocated since mark m was taken. */
void arenaRelease(Arena *p, ArenaMark m){
  while( p->pChunk && p->pChunk!=m.pChunk ){
    ArenaChunk *c = p->pChunk;
    p->pChunk = c->pPrev;
    free(c);
  }
  if( p->pChunk ){
    assert( m.nUsed <= p->pChunk->nUsed );
    p->pChunk->nUsed = m.nUsed;
  }
}

/* Free all chunks but the oldest, and empty that one. */
void arenaReset(Arena *p){
  ArenaChunk *c = p->pChunk;
  if( c==0 ) return;
  while( c->pPrev ){
    ArenaChunk *pPrev = c->pPrev;
    free(c);
    c = pPrev;
  }
  c->nUsed = 0;
  p->pChunk = c;
}

void arenaFree(Arena *p){
  while( p->pChunk ){
    ArenaChunk *c = p->pChunk;
    p->pChunk = c->pPrev;
    free(c);
  }
}
