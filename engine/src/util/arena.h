/*
** Arena allocator: a statement (or any short-lived unit of work) allocates
** from an arena and frees everything at once with arenaReset/arenaFree.
** Allocation is a pointer bump inside 8-byte aligned chunks; big requests
** get a chunk of their own.  arenaMark/arenaRelease give stack-like reuse
** (a per-row scratch area can be released after each row so a scan does
** not grow the arena).
*/
#ifndef MIMERLITE_ARENA_H
#define MIMERLITE_ARENA_H

#include <stddef.h>

typedef struct ArenaChunk ArenaChunk;

typedef struct Arena {
  ArenaChunk *pChunk;      /* current chunk, newest first list */
  size_t nChunkSize;       /* default size of a new chunk */
} Arena;

/* A position in an arena, to release back to. */
typedef struct ArenaMark {
  ArenaChunk *pChunk;
  size_t nUsed;
} ArenaMark;

void arenaInit(Arena *p, size_t nChunkSize);
void *arenaAlloc(Arena *p, size_t n);          /* 0 on out-of-memory */
void *arenaDup(Arena *p, const void *pSrc, size_t n);
char *arenaStrndup(Arena *p, const char *z, size_t n);
ArenaMark arenaMark(const Arena *p);
void arenaRelease(Arena *p, ArenaMark m);
void arenaReset(Arena *p);                      /* keep the first chunk */
void arenaFree(Arena *p);

#endif
