/*
** Data definition (exec/ layer): runs CREATE, ALTER TABLE, DROP, COMMENT,
** GRANT and REVOKE statements by writing the SYSTEM tables (catalog/catwrite.c) in
** the caller's transaction; the caller (db/) gives DDL a transaction of
** its own, bumps the catalog version and commits.
*/
#ifndef MIMERLITE_DDL_H
#define MIMERLITE_DDL_H

#include "catalog/catalog.h"
#include "sql/ast.h"

typedef struct DdlCtx {
  Txn *pTxn;
  KvEnv *pEnv;             /* for sequence state */
  const Catalog *pCat;     /* the catalog before the statement */
  const char *zSchema;     /* current schema (unqualified names) */
  const char *zUser;       /* current ident */
  Arena *pArena;           /* statement arena */
  MlError *pErr;
  /* password hashing (libsodium, supplied by db/) */
  int (*xHash)(const char *zPassword, char *zOut, size_t nOut);
  /* ALTER TABLE output: the table's rows must be rewritten by the caller
  ** (old rows re-inserted through the new definition, db/alter.c) */
  const CatTable *pRebuild;  /* the table as it was, or 0 */
  int nRebuildCol;           /* columns of the new definition */
  int *aiRebuildMap;         /* [nRebuildCol] old position, -1 = new column */
  /* CREATE VIEW input: the result columns of the view's compiled query
  ** (names "" where the query gives none), supplied by the caller */
  int nViewCol;
  const char **azViewCol;
  const SqlType *aViewType;
  const uint8_t *aViewNullable;
} DdlCtx;

/* Run one DDL statement.  Mimer error codes on failure. */
int ddlExecute(DdlCtx *p, AstStmt *pStmt);

#endif
