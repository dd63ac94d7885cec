/*
** The private write set of a transaction (internal to txn/): an ordered
** map from key to "put value", "deleted" (a tombstone) or "absent" (no
** write; the node exists only as a read-set entry or because its write
** was undone), with the marks that give statements and savepoints their
** own rollback.
**
** The entries (WsNode) live in an arena, are chained in key order in
** both directions, and are never unlinked before the transaction ends:
** undoing a write restores a node's earlier state instead of removing
** it.  Node pointers therefore stay valid, and a cursor holding one sees
** every node inserted later by following live links.  Point lookups and
** seeks go through an index over the nodes: a B+tree of WsPages whose
** entries carry the first 8 key bytes inline, so a descent compares keys
** mostly without touching the nodes (1M entries inserted in random order
** would otherwise cost a cache miss per comparison).  Values are
** malloc'ed per node so that overwriting a key many times does not grow
** the arena.
**
** Undo works by marks.  Each mark (a statement or a named savepoint) has
** a serial number; a node remembers the serial of the innermost mark that
** already saved its earlier state, so a node is logged at most once per
** mark however often it is written.  Rolling back to a mark replays the
** undo log back to the mark's position; releasing a mark hands its undo
** records to the enclosing mark, dropping those the enclosing mark holds
** already.
*/
#ifndef MIMERLITE_WRITESET_H
#define MIMERLITE_WRITESET_H

#include <stddef.h>
#include <stdint.h>

#include "kv/kv.h"
#include "util/arena.h"
#include "util/errors.h"

#define WS_FANOUT    32            /* entries per index page */
#define WS_MAX_DEPTH 16            /* index depth: 16^16 entries at least */

/* WsNode.eState */
#define WS_ABSENT 0                /* no write: the snapshot shows through */
#define WS_PUT    1                /* key set to pVal */
#define WS_DEL    2                /* key deleted */

/* WsNode.flags */
#define WS_READ   0x01             /* point-read: validate at commit */

typedef struct WsNode WsNode;
struct WsNode {
  unsigned char *pVal;             /* malloc'ed value if WS_PUT, else 0 */
  uint32_t nVal;                   /* bytes in pVal */
  uint32_t iSerial;                /* mark that logged our prior state, 0 none */
  uint16_t nKey;                   /* bytes in aKey */
  uint8_t eState;                  /* WS_ABSENT, WS_PUT or WS_DEL */
  uint8_t flags;                   /* WS_READ */
  WsNode *pPrev;                   /* previous node in key order, or 0 */
  WsNode *pNext;                   /* next node in key order, or 0 */
  unsigned char aKey[];            /* the key */
};

/*
** A page of the index.  In a leaf, apNode[] are the nodes in key order.
** In an interior page, apChild[i] holds the keys from apNode[i]'s up to
** apNode[i+1]'s (apNode[0] is not consulted: child 0 takes everything
** smaller).  Leaves are allocated without apChild.
*/
typedef struct WsPage WsPage;
struct WsPage {
  int nEntry;                      /* entries in use */
  int bLeaf;                       /* 1 for a leaf */
  uint64_t aPrefix[WS_FANOUT];     /* first 8 key bytes of apNode[i], big-endian */
  WsNode *apNode[WS_FANOUT];       /* the entries' nodes */
  WsPage *apChild[WS_FANOUT];      /* interior pages only */
};

/* One saved node state: what a rollback puts back. */
typedef struct WsUndo {
  WsNode *pNode;                   /* node that was changed */
  unsigned char *pVal;             /* its value before (owned by the record) */
  uint32_t nVal;                   /* bytes in pVal */
  uint32_t iSerial;                /* its iSerial before */
  uint8_t eState;                  /* its eState before */
} WsUndo;

/* A statement or savepoint: a position to roll back to. */
typedef struct WsMark {
  char *zName;                     /* savepoint name (malloc'ed), 0: statement */
  uint32_t iSerial;                /* serial stamped on nodes logged here */
  size_t iUndo;                    /* undo-log length when the mark was set */
  int nRange;                      /* range deletes when the mark was set */
} WsMark;

/* A prefix deleted as a whole (DROP TABLE): hides snapshot keys. */
typedef struct WsRange {
  unsigned char *pPrefix;          /* prefix bytes (in the arena) */
  size_t nPrefix;                  /* their number */
} WsRange;

typedef struct WriteSet {
  Arena arena;                     /* nodes, index pages, range prefixes */
  WsPage *pRoot;                   /* root of the index, or 0 when empty */
  int nDepth;                      /* pages on a root-to-leaf path */
  WsNode *pFirst;                  /* smallest node, or 0 */
  WsNode *pLast;                   /* largest node, or 0 */
  uint64_t nNode;                  /* nodes in the set */
  uint64_t nDirty;                 /* nodes whose eState is not WS_ABSENT */
  uint64_t nRead;                  /* nodes with WS_READ */
  WsUndo *aUndo;                   /* the undo log */
  size_t nUndo;                    /* records in aUndo */
  size_t nUndoAlloc;               /* capacity of aUndo */
  WsMark *aMark;                   /* open marks, innermost last */
  int nMark;                       /* marks in aMark */
  int nMarkAlloc;                  /* capacity of aMark */
  uint32_t iSerial;                /* last mark serial handed out */
  WsRange *aRange;                 /* range deletes, oldest first */
  int nRange;                      /* entries in aRange */
  int nRangeAlloc;                 /* capacity of aRange */
  uint32_t iRangeEpoch;            /* bumped when a rollback drops ranges */
} WriteSet;

/* The key bytes of a node. */
#define wsNodeKey(p) ((const unsigned char*)(p)->aKey)

void txnWriteSetInit(WriteSet *p);
void txnWriteSetClear(WriteSet *p);
WsNode *txnWriteSetFind(const WriteSet *p, const void *pKey, size_t nKey);
WsNode *txnWriteSetSeek(const WriteSet *p, const void *pKey, size_t nKey, KvSeekOp op);
WsNode *txnWriteSetFirst(const WriteSet *p);
WsNode *txnWriteSetLast(const WriteSet *p);
WsNode *txnWriteSetNear(const WriteSet *p, WsNode *pHint,
                        const void *pKey, size_t nKey, KvSeekOp op);
int txnWriteSetUpsert(WriteSet *p, const void *pKey, size_t nKey, WsNode **ppNode);
int txnWriteSetWrite(WriteSet *p, WsNode *pNode, int eState,
                     const void *pVal, size_t nVal);
void txnWriteSetSetRead(WriteSet *p, WsNode *pNode);
int txnWriteSetAddRange(WriteSet *p, const void *pPrefix, size_t nPrefix);
int txnWriteSetRangeCovers(const WriteSet *p, const void *pKey, size_t nKey);
int txnWriteSetMarkPush(WriteSet *p, const char *zName);
void txnWriteSetMarkRollback(WriteSet *p, int iMark);
void txnWriteSetMarkRelease(WriteSet *p);
int txnWriteSetMarkFind(const WriteSet *p, const char *zName);
int txnWriteSetMarkEmpty(const WriteSet *p, int iMark);

#endif
