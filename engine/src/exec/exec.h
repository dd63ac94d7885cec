/*
** The executor (exec/ layer): a Volcano tree of operators that produce
** rows into a statement's register file, plus the DML and DDL runners.
** Layers: plan/ builds operator trees, exec/ runs them on a txn/
** transaction; expressions (expr/) are evaluated against the registers.
**
** Registers: every value a statement computes lives in ExecCtx.aReg[i];
** a scan decodes its columns into a fixed range of registers, a
** projection evaluates into its own, and operators above read them.  A
** string value in a register points into an operator's buffer (a scan's
** copy of the current record, a sort's row store) or into the per-row
** scratch arena, and stays valid until that operator moves on.
**
** Operators: xOpen prepares (it may be called again to restart, e.g. the
** inner side of a nested-loop join for every outer row), xNext produces
** the next row (ML_OK) or says ML_DONE, xClose frees run-time buffers.
** Operator structs are allocated in the statement arena at plan time;
** run-time buffers are allocated at open and reused across rows, so no
** operator allocates per row except to store rows it must keep (sort,
** hash join, aggregation, DISTINCT).  One operator per file.
*/
#ifndef MIMERLITE_EXEC_H
#define MIMERLITE_EXEC_H

#include <stdint.h>

#include "catalog/catalog.h"
#include "txn/txn.h"
#include "types/value.h"
#include "util/arena.h"
#include "util/errors.h"
#include "util/strbuf.h"

typedef struct ExecOp ExecOp;
typedef struct ExecCtx ExecCtx;
typedef struct Expr Expr;

/* CURRENT VALUE FOR: the values a session's NEXT VALUE FOR handed out. */
typedef struct ExecSeqState {
  int n, nAlloc;
  int64_t *aId;            /* sequence object ids */
  int64_t *aValue;         /* last value handed out to this session */
} ExecSeqState;

/* Hidden rowid allocation, supplied by the database (db/). */
typedef int (*ExecRowidFn)(void *pArg, const CatTable *pTab, int64_t *piRowid, MlError *pErr);

/* Everything a running statement needs. */
struct ExecCtx {
  Txn *pTxn;               /* transaction the statement runs in */
  KvEnv *pEnv;             /* for sequences */
  const Catalog *pCat;     /* catalog the statement was compiled against */
  Value *aReg;             /* register file */
  int nReg;
  const Value *aParam;     /* bound parameters (0-based) */
  Arena *pScratch;         /* per-row scratch (mark/release around rows) */
  MlError *pErr;           /* where errors go */
  const char *zUser;       /* CURRENT_USER */
  const char *zSchema;     /* CURRENT_SCHEMA */
  SqlTimestamp tsNow;      /* statement's local timestamp (CURRENT_*) */
  int64_t iSeqValue;       /* last NEXT VALUE FOR in this execution */
  int bSeqValue;           /* iSeqValue is set */
  ExecSeqState *pSeq;      /* the session's CURRENT VALUE store */
  ExecRowidFn xRowid;      /* hidden rowid allocator */
  void *pRowidArg;
  struct SeqCache *pSeqCache;  /* the process's blocks of sequence values,
                               ** or 0: one durable step per value */
  StrBuf *pFkDeferred;     /* NO ACTION checks left for the statement's end
                           ** (execFkDeferredCheck), or 0: check at once */
};

typedef struct ExecOpVt {
  const char *zName;       /* for EXPLAIN */
  int (*xOpen)(ExecOp*, ExecCtx*);
  int (*xNext)(ExecOp*, ExecCtx*);
  void (*xClose)(ExecOp*, ExecCtx*);
  void (*xExplain)(ExecOp*, StrBuf*);   /* details after the name, or 0 */
  uint8_t bSameRows;       /* each row out is one row of pLeft, unmerged
                           ** (project, filter, sort, OFFSET/FETCH): FOR
                           ** UPDATE may see through it to the scan below */
} ExecOpVt;

/* The common head of every operator. */
struct ExecOp {
  const ExecOpVt *pVt;
  ExecOp *pLeft;           /* input (outer side of a join) or 0 */
  ExecOp *pRight;          /* inner side of a join / second set operand */
  int nOut;                /* registers a row of this operator fills */
  int *aiOut;              /* [nOut] their numbers */
  SqlType *aOutType;       /* [nOut] their types */
  double nEst;             /* estimated rows, for EXPLAIN and join order */
};

/* Run helpers. */
int execOpen(ExecOp *p, ExecCtx *pCtx);
int execNext(ExecOp *p, ExecCtx *pCtx);
void execClose(ExecOp *p, ExecCtx *pCtx);
int execExplain(ExecOp *p, StrBuf *pOut);

/* Copy a value (its string bytes into pArena); ML_OK or ML_E_NOMEM. */
int execValueCopy(Arena *pArena, Value *pDst, const Value *pSrc);

/* Append the memcmp-ordered encoding of values (keycodec) for hashing,
** grouping and sorting; aDesc may be 0. */
int execEncodeValues(StrBuf *pBuf, int n, const Value *const *apVal,
                     const SqlType *aType, const uint8_t *aDesc);

/* --------------------------------------------------------- operators */

/* A range over a table's primary key or an index: equality on a key
** prefix, then an optional lower and upper bound on the next column. */
typedef struct ExecKeyRange {
  int nEq;                 /* leading key columns bound by equality */
  Expr **apEq;             /* [nEq] their values */
  Expr *pLo, *pHi;         /* bounds on key column nEq, or 0 */
} ExecKeyRange;

ExecOp *execScanNew(Arena *pA, const CatTable *pTab, int iRegBase,
                    const ExecKeyRange *pRange);
ExecOp *execIndexScanNew(Arena *pA, const CatIndex *pIdx, int iRegBase,
                         const ExecKeyRange *pRange);
/* The key of the row a scan / index scan is on (for UPDATE/DELETE). */
void execScanKey(ExecOp *p, const void **ppKey, size_t *pnKey);
int execScanForUpdate(ExecOp *pRoot);

ExecOp *execFilterNew(Arena *pA, ExecOp *pIn, Expr *pCond);
ExecOp *execProjectNew(Arena *pA, ExecOp *pIn, int n, Expr **apExpr, int iRegBase);

enum { EXEC_JOIN_INNER = 1, EXEC_JOIN_LEFT, EXEC_JOIN_FULL };
/* Nested loop: pRight is reopened for every row of pLeft.  aiNull lists
** the registers of the right side (set NULL for unmatched left rows). */
ExecOp *execNlJoinNew(Arena *pA, ExecOp *pLeft, ExecOp *pRight, int joinType,
                      Expr *pOn, int nNull, int *aiNull, int nNullLeft, int *aiNullLeft);

/* Hash join (EXEC_JOIN_INNER, _LEFT or _FULL): pRight is built into a
** hash table on apRightKey, pLeft probes it with apLeftKey; pOn is the
** residual condition.  aiRightReg are pRight's registers (kept with its
** rows, NULL for unmatched outer rows), aiLeftReg pLeft's (FULL: NULL for
** unmatched inner rows).  The build is done in blocks of at most
** nMemBudget bytes (see hashjoin.c). */
ExecOp *execHashJoinNew(Arena *pA, ExecOp *pLeft, ExecOp *pRight, int joinType, int nKey,
                        Expr **apLeftKey, Expr **apRightKey, SqlType *aLeftType,
                        SqlType *aRightType, Expr *pOn, int nRightReg, int *aiRightReg,
                        int nLeftReg, int *aiLeftReg, int64_t nMemBudget);

/* Memory budget in bytes of a materialising operator (sort, hash join,
** aggregation): $MIMERLITE_SORT_MEMORY if set, else EXEC_MEM_DEFAULT. */
#define EXEC_MEM_DEFAULT (8*1024*1024)
int64_t execMemBudget(void);

typedef struct ExecSortKey {
  Expr *pExpr;
  uint8_t desc;
} ExecSortKey;
ExecOp *execSortNew(Arena *pA, ExecOp *pIn, int nKey, ExecSortKey *aKey);
ExecOp *execDistinctNew(Arena *pA, ExecOp *pIn);
ExecOp *execLimitNew(Arena *pA, ExecOp *pIn, Expr *pOffset, Expr *pFetch);

/* Aggregate functions. */
enum { EXEC_AGG_COUNT_STAR = 1, EXEC_AGG_COUNT, EXEC_AGG_SUM, EXEC_AGG_AVG,
       EXEC_AGG_MIN, EXEC_AGG_MAX };
typedef struct ExecAgg {
  int fn;                  /* EXEC_AGG_* */
  uint8_t distinct;        /* f(DISTINCT x) */
  Expr *pArg;              /* argument or 0 for COUNT(*) */
  SqlType type;            /* result type */
  int iReg;                /* result register */
} ExecAgg;
ExecOp *execAggregateNew(Arena *pA, ExecOp *pIn, int nGroup, Expr **apGroup,
                         int *aiGroupReg, int nAgg, ExecAgg *aAgg);

enum { EXEC_SET_UNION = 1, EXEC_SET_EXCEPT, EXEC_SET_INTERSECT };
ExecOp *execSetOpNew(Arena *pA, ExecOp *pLeft, ExecOp *pRight, int op, int all,
                     int nCol, int *aiReg, SqlType *aType);

/* VALUES: nRow rows of nCol expressions into registers iRegBase.. */
ExecOp *execValuesNew(Arena *pA, int nRow, int nCol, Expr ***aapRow, int iRegBase,
                      SqlType *aType);

/* WITH RECURSIVE (recursive.c): the rows of the anchor, then of the
** recursive step run again and again over the rows the previous round
** produced (the working table, read by execWorkScanNew leaves in the
** step) until a round produces none.  all=0 (UNION) drops rows already
** produced.  Rounds beyond EXEC_RECURSIVE_MAX_DEPTH or more than
** EXEC_RECURSIVE_MAX_ROWS rows fail with ML_E_RECURSION_LIMIT. */
#define EXEC_RECURSIVE_MAX_DEPTH 100000
#define EXEC_RECURSIVE_MAX_ROWS  10000000
typedef struct ExecWorkTable ExecWorkTable;
ExecWorkTable *execWorkTableNew(Arena *pA, int nCol, SqlType *aType);
ExecOp *execWorkScanNew(Arena *pA, ExecWorkTable *pWork, int iRegBase);
ExecOp *execRecursiveNew(Arena *pA, ExecOp *pAnchor, ExecOp *pStep, ExecWorkTable *pWork,
                         int all, int *aiReg);

/* ---------------------------------------------------------- row writes */

/*
** Write a new row (values in column order, already of the column types)
** with every check: NOT NULL, CHECK, primary key (-10101), unique
** indexes, foreign keys; then maintain the indexes.  apCheck holds the
** table's compiled CHECK conditions over registers iCheckBase.. (the row
** is copied there first), or 0 when the table has none.
*/
typedef struct ExecTableInfo {
  const CatTable *pTab;
  int nCheck;
  Expr **apCheck;          /* CHECK conditions over registers iRegBase.. */
  const char **azCheckName;
  int iRegBase;            /* registers holding the row being checked */
  Expr **apDefault;        /* [nCol] DEFAULTs for ON ... SET DEFAULT, or 0 */
  int bReread;             /* referential actions of the statement may
                           ** change its rows: re-read one before writing */
  int nRel;                /* tables referential actions may write, this */
  struct ExecTableInfo **apRel; /* one included; shared by all of them */
} ExecTableInfo;

int execRowInsert(ExecCtx *pCtx, const ExecTableInfo *pInfo, Value *aVal);
int execFkDeferredCheck(ExecCtx *pCtx, const StrBuf *pDeferred);
int execRowDelete(ExecCtx *pCtx, const ExecTableInfo *pInfo, const void *pKey,
                  size_t nKey, const Value *aOld);
/* abSet[nCol]: 1 for the columns the UPDATE assigns (SET targets) */
int execRowUpdate(ExecCtx *pCtx, const ExecTableInfo *pInfo, const void *pKey,
                  size_t nKey, const Value *aOld, Value *aNew, const uint8_t *abSet);

/* Fit a value to a column (assignment rules) and apply NOT NULL. */
int execAssign(ExecCtx *pCtx, const CatColumn *pCol, const Value *pIn,
               const SqlType *pInType, Value *pOut);

/* The DML programs built by plan/. */
typedef struct ExecInsert {
  ExecTableInfo info;
  ExecOp *pSource;         /* rows of source values */
  int nCol;                /* table columns */
  Expr **apCol;            /* [nCol] value of each column over the source */
  int bMaterialize;        /* the source reads the target: compute every
                           ** row before inserting the first */
} ExecInsert;

typedef struct ExecUpdate {
  ExecTableInfo info;
  ExecOp *pSource;         /* target rows (a scan, maybe filtered) */
  ExecOp *pScan;           /* the scan whose key is the row's key */
  int iOldBase;            /* registers of the old row */
  int nSet;
  int *aiSetCol;           /* [nSet] column positions */
  Expr **apSet;            /* [nSet] new values (0 = DEFAULT) */
  uint8_t *abSet;          /* [table columns] 1 for the SET targets */
} ExecUpdate;

typedef struct ExecDelete {
  ExecTableInfo info;
  ExecOp *pSource;
  ExecOp *pScan;
  int iOldBase;
} ExecDelete;

int execInsertRun(ExecInsert *p, ExecCtx *pCtx, int64_t *pnRow);
int execUpdateRun(ExecUpdate *p, ExecCtx *pCtx, int64_t *pnRow);
int execDeleteRun(ExecDelete *p, ExecCtx *pCtx, int64_t *pnRow);

#endif
