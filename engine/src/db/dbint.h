/*
** Internals of the db/ layer: the shared per-directory database object,
** and the layouts of sessions and statements (db.h keeps them opaque).
*/
#ifndef MIMERLITE_DBINT_H
#define MIMERLITE_DBINT_H

#include <pthread.h>

#include "catalog/catalog.h"
#include "db/db.h"
#include "exec/exec.h"
#include "kv/kv.h"
#include "plan/plan.h"
#include "sema/sema.h"
#include "txn/sequence.h"
#include "txn/txn.h"

/* A table written by an open explicit transaction of a session. */
typedef struct DbPending {
  const void *pSess;       /* the MlSession */
  int64_t tableId;
} DbPending;

/* One database directory, shared by all sessions of the process. */
typedef struct MlDatabase MlDatabase;
struct MlDatabase {
  char *zPath;             /* directory */
  KvEnv *pEnv;
  int nRef;                /* sessions using it */
  MlDatabase *pNext;       /* registry list */
  pthread_mutex_t mutex;   /* guards the fields below */
  SeqCache seqCache;       /* blocks of sequence values and hidden rowids
                           ** (own mutex) */
  int nLogin;
  unsigned char (*aLogin)[32]; /* digests of verified (ident, hash, password) */
  int nPending, nPendingAlloc;
  DbPending *aPending;    /* tables with uncommitted writes (pending.c) */
};

struct MlSession {
  MlDatabase *pDb;
  char *zIdent;            /* as stored */
  char *zSchema;           /* current schema (first of the SET SCHEMA list) */
  Catalog *pCat;           /* latest catalog this session loaded */
  Txn *pTxn;               /* the explicit transaction's Txn, when begun */
  int bExplicit;           /* inside mlSessionBegin .. mlSessionEnd */
  int bReadOnly;           /* that transaction is read-only */
  int nTxnStmt;            /* DML/queries run in the explicit transaction */
  ExecSeqState seq;        /* CURRENT VALUE per sequence */
  MlStmt *pStmtList;       /* prepared statements */
};

struct MlStmt {
  MlSession *pSess;
  MlStmt *pNext;           /* session list */
  char *zSql;              /* the text, to recompile after catalog changes */
  int flags;
  Arena arena;             /* AST and plan */
  Arena scratch;           /* per-row values */
  AstStmt *pAst;
  int kind;                /* MlStmtKind */
  Catalog *pCat;           /* catalog the plan was made against (retained) */
  Plan *pPlan;             /* 0 for DDL/transaction statements */
  int nParam;
  SqlType *aParamType;
  const char **azParamName;
  uint8_t *aParamNotNull;
  Value *aParam;           /* bound values */
  unsigned char **aParamBuf; /* their string bytes (malloc'ed) */
  uint8_t *aParamSet;
  Value *aReg;             /* register file */
  int nReg;
  ExecCtx ctx;
  int bOpen;               /* a cursor is open */
  Txn *pOwnTxn;            /* implicit transaction of an open cursor */
  int64_t iRow;            /* current row number */
  int64_t iSeqValue;
  int bSeqValue;
  /* EXPLAIN output */
  const char *zExplainLine;
  Value explainVal;
  int bExplainDone;
};

/* database.c */
int dbOpenDatabase(const char *zName, const char *zIdent, const char *zPassword,
                   MlDatabase **ppDb, MlError *pErr);
void dbReleaseDatabase(MlDatabase *p);
int dbCheckLogin(MlDatabase *p, const CatIdent *pId, const char *zPassword);
int dbHashPassword(const char *zPassword, char *zOut, size_t nOut);
int dbNewRowid(void *pArg, const CatTable *pTab, int64_t *piRowid, MlError *pErr);

/* session.c: the catalog for transaction pTxn (reloaded when stale). */
int dbSessionCatalog(MlSession *p, Txn *pTxn, MlError *pErr);
/* session.c: run a DDL statement / a transaction-control statement. */
int dbSessionDdl(MlSession *p, AstStmt *pAst, Arena *pArena, MlError *pErr);
/* The explicit transaction's Txn (p->pTxn), begun on first use. */
int dbExplicitTxn(MlSession *p, MlError *pErr);
int dbSessionTxnStmt(MlSession *p, AstStmt *pAst, MlError *pErr);

/* pending.c: tables written by sessions' open transactions (-16001). */
int dbPendingAdd(MlDatabase *p, const void *pSess, int64_t tableId, MlError *pErr);
void dbPendingClear(MlDatabase *p, const void *pSess);
int dbPendingCheck(MlDatabase *p, const void *pSess, const CatTable *pTab, MlError *pErr);

/* stmt.c: the local date and time now, for CURRENT_DATE ... LOCALTIMESTAMP. */
void dbNow(SqlTimestamp *pTs);

/* alter.c: rewrite the rows of the table an ALTER TABLE changed (the
** DdlCtx's pRebuild and column map), in the DDL's transaction pTxn. */
struct DdlCtx;
int dbAlterRebuild(MlSession *p, Txn *pTxn, const struct DdlCtx *pCtx, Arena *pArena,
                   MlError *pErr);

#endif
