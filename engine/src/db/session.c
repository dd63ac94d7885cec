/*
** Sessions (db/ layer): login, the session's catalog picture, explicit
** transactions and the statements that control them, and DDL execution
** with Mimer's rule that DDL must be the first statement of its
** transaction and commits by itself.  Statements (prepare, execute,
** cursors) are in stmt.c.
*/
#include "db/dbint.h"

#include <stdlib.h>
#include <string.h>

#include "exec/ddl.h"

/* Make p->pCat match the catalog version pTxn sees. */
int dbSessionCatalog(MlSession *p, Txn *pTxn, MlError *pErr){
  uint64_t v;
  Catalog *pNew;
  int rc = txnCatalogVersion(pTxn, 0, &v, pErr);
  if( rc ) return rc;
  if( p->pCat && p->pCat->version==v ) return ML_OK;
  rc = catLoad(pTxn, &pNew, pErr);
  if( rc ) return rc;
  catRelease(p->pCat);
  p->pCat = pNew;
  return ML_OK;
}

int mlSessionOpen(const char *zDatabase, const char *zIdent, const char *zPassword,
                  MlSession **ppSession, MlError *pErr){
  MlSession *p;
  const CatIdent *pId;
  Txn *pTxn;
  int rc;
  *ppSession = 0;
  p = calloc(1, sizeof(MlSession));
  if( p==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
  rc = dbOpenDatabase(zDatabase, zIdent, zPassword, &p->pDb, pErr);
  if( rc ){ free(p); return rc; }
  rc = txnBegin(p->pDb->pEnv, 1, &pTxn, pErr);
  if( rc==ML_OK ){
    rc = dbSessionCatalog(p, pTxn, pErr);
    txnRollback(pTxn);
  }
  if( rc==ML_OK ){
    pId = zIdent ? catFindIdent(p->pCat, zIdent) : 0;
    if( pId==0 || dbCheckLogin(p->pDb, pId, zPassword)!=ML_OK ){
      rc = mlErrorSet(pErr, ML_E_LOGIN_FAILURE);
    }else{
      p->zIdent = strdup(pId->zName);
      p->zSchema = strdup(pId->zName);
      if( p->zIdent==0 || p->zSchema==0 ) rc = mlErrorSet(pErr, ML_E_NOMEM);
    }
  }
  if( rc ){
    mlSessionClose(p);
    return rc;
  }
  *ppSession = p;
  return ML_OK;
}

void mlSessionClose(MlSession *p){
  if( p==0 ) return;
  while( p->pStmtList ) mlStmtFinalize(p->pStmtList);
  if( p->pTxn ) txnRollback(p->pTxn);
  if( p->pDb ) dbPendingClear(p->pDb, p);
  catRelease(p->pCat);
  free(p->seq.aId);
  free(p->seq.aValue);
  free(p->zIdent);
  free(p->zSchema);
  if( p->pDb ) dbReleaseDatabase(p->pDb);
  free(p);
}

int mlSessionBegin(MlSession *p, int readOnly, MlError *pErr){
  if( p->bExplicit ) return mlErrorSet(pErr, ML_E_TXN_ACTIVE);
  p->bExplicit = 1;
  p->bReadOnly = readOnly!=0;
  p->nTxnStmt = 0;
  return ML_OK;
}

/* Close the cursors of the session that run in its explicit transaction. */
static void dbCloseTxnCursors(MlSession *p){
  MlStmt *s;
  MlError err;
  for(s=p->pStmtList; s; s=s->pNext){
    if( s->bOpen && s->pOwnTxn==0 ) mlStmtClose(s, &err);
  }
}

int mlSessionEnd(MlSession *p, int commit, MlError *pErr){
  int rc = ML_OK;
  if( !p->bExplicit ) return mlErrorSet(pErr, ML_E_MISUSE);
  dbCloseTxnCursors(p);
  if( p->pTxn ){
    if( commit ) rc = txnCommit(p->pTxn, pErr);
    else txnRollback(p->pTxn);
    p->pTxn = 0;
  }
  dbPendingClear(p->pDb, p);
  p->bExplicit = 0;
  p->nTxnStmt = 0;
  return rc;
}

int mlSessionInTransaction(const MlSession *p){ return p->bExplicit; }

/* The savepoint a batch sets (SQL has no way to name it: no SAVEPOINT). */
static const char zBatchMark[] = "\001batch";

/* The explicit transaction's Txn, begun on first use. */
int dbExplicitTxn(MlSession *p, MlError *pErr){
  if( p->pTxn ) return ML_OK;
  return txnBegin(p->pDb->pEnv, p->bReadOnly, &p->pTxn, pErr);
}

int mlSessionBatchBegin(MlSession *p, int *pbOwnTxn, MlError *pErr){
  int rc;
  *pbOwnTxn = !p->bExplicit;
  if( *pbOwnTxn ) return mlSessionBegin(p, 0, pErr);
  rc = dbExplicitTxn(p, pErr);
  return rc ? rc : txnSavepoint(p->pTxn, zBatchMark, pErr);
}

int mlSessionBatchEnd(MlSession *p, int bOwnTxn, int bOk, MlError *pErr){
  int rc = ML_OK;
  if( bOwnTxn ) return mlSessionEnd(p, bOk, pErr);
  if( p->pTxn==0 ) return mlErrorSet(pErr, ML_E_MISUSE);
  if( !bOk ) rc = txnRollbackToSavepoint(p->pTxn, zBatchMark, pErr);
  if( rc==ML_OK ) rc = txnReleaseSavepoint(p->pTxn, zBatchMark, pErr);
  return rc;
}
const char *mlSessionIdent(const MlSession *p){ return p->zIdent; }
const char *mlSessionDatabasePath(const MlSession *p){ return p->pDb->zPath; }

/*
** DROP TABLE/VIEW/INDEX and ALTER TABLE need the table to themselves:
** -16001 if another session's open transaction has written it.
*/
static int dbDdlLockCheck(MlSession *p, const AstStmt *pAst, MlError *pErr){
  const CatTable *pTab = 0;
  if( pAst->kind==AS_ALTER_TABLE ){
    const AstQName *n = &pAst->u.alterTable.name;
    pTab = catFindTable(p->pCat, n->schema.z ? n->schema.z : p->zSchema, n->name.z);
  }else if( pAst->kind==AS_DROP ){
    const AstQName *n = &pAst->u.drop.name;
    const char *zSchema = n->schema.z ? n->schema.z : p->zSchema;
    if( pAst->u.drop.objKind==AOBJ_TABLE ){
      pTab = catFindTable(p->pCat, zSchema, n->name.z);
    }else if( pAst->u.drop.objKind==AOBJ_INDEX ){
      const CatIndex *pIdx = catFindIndex(p->pCat, zSchema, n->name.z);
      pTab = pIdx ? pIdx->pTable : 0;
    }
  }
  return pTab ? dbPendingCheck(p->pDb, p, pTab, pErr) : ML_OK;
}

/*
** CREATE VIEW: compile the view's query and hand its result columns
** (names, types, nullability) to the DDL runner in pCtx.
*/
static int dbViewColumns(MlSession *p, AstStmt *pAst, Arena *pArena, DdlCtx *pCtx,
                         MlError *pErr){
  AstStmt q;
  Plan *pPlan;
  const char **azName;
  SqlType *aType;
  uint8_t *aNullable;
  int i, rc;
  memset(&q, 0, sizeof(q));
  q.kind = AS_QUERY;
  q.u.query.pQuery = pAst->u.createView.pQuery;
  rc = planStatement(pArena, p->pCat, p->zSchema, p->zIdent, &q, &pPlan, pErr);
  if( rc ) return rc;
  azName = arenaAlloc(pArena, sizeof(char*)*(size_t)(pPlan->nCol+1));
  aType = arenaAlloc(pArena, sizeof(SqlType)*(size_t)(pPlan->nCol+1));
  aNullable = arenaAlloc(pArena, (size_t)pPlan->nCol+1);
  if( !azName || !aType || !aNullable ) return mlErrorSet(pErr, ML_E_NOMEM);
  for(i=0; i<pPlan->nCol; i++){
    azName[i] = pPlan->aCol[i].zName;
    aType[i] = pPlan->aCol[i].type;
    aNullable[i] = (uint8_t)(pPlan->aCol[i].nullable!=0);
  }
  pCtx->nViewCol = pPlan->nCol;
  pCtx->azViewCol = azName;
  pCtx->aViewType = aType;
  pCtx->aViewNullable = aNullable;
  return ML_OK;
}

/*
** Run a DDL statement: only as the first statement of a transaction, in
** a transaction of its own that bumps the catalog version and commits.
*/
int dbSessionDdl(MlSession *p, AstStmt *pAst, Arena *pArena, MlError *pErr){
  DdlCtx ctx;
  Txn *pTxn;
  int rc;
  if( p->bExplicit ){
    if( p->nTxnStmt>0 ) return mlErrorSet(pErr, ML_E_DDL_NOT_FIRST);
    if( p->bReadOnly ) return mlErrorSet(pErr, ML_E_TXN_READ_ONLY);
    if( p->pTxn ){ txnRollback(p->pTxn); p->pTxn = 0; }
  }
  rc = txnBegin(p->pDb->pEnv, 0, &pTxn, pErr);
  if( rc ) return rc;
  rc = txnCatalogVersion(pTxn, TXN_POINT_READ, &(uint64_t){0}, pErr);
  if( rc==ML_OK ) rc = dbSessionCatalog(p, pTxn, pErr);
  if( rc==ML_OK ) rc = dbDdlLockCheck(p, pAst, pErr);
  if( rc==ML_OK ) rc = semaCheckPrivileges(p->pCat, p->zSchema, p->zIdent, pAst, pErr);
  memset(&ctx, 0, sizeof(ctx));
  if( rc==ML_OK && pAst->kind==AS_CREATE_VIEW ){
    /* the view's query must compile now; its result columns are the view's */
    rc = dbViewColumns(p, pAst, pArena, &ctx, pErr);
  }
  if( rc==ML_OK ){
    ctx.pTxn = pTxn;
    ctx.pEnv = p->pDb->pEnv;
    ctx.pCat = p->pCat;
    ctx.zSchema = p->zSchema;
    ctx.zUser = p->zIdent;
    ctx.pArena = pArena;
    ctx.pErr = pErr;
    ctx.xHash = dbHashPassword;
    rc = ddlExecute(&ctx, pAst);
    if( rc==ML_OK && ctx.pRebuild ) rc = dbAlterRebuild(p, pTxn, &ctx, pArena, pErr);
  }
  if( rc==ML_OK ) rc = txnCatalogBump(pTxn, pErr);
  if( rc ){
    txnRollback(pTxn);
    return rc;
  }
  return txnCommit(pTxn, pErr);
}

/* START TRANSACTION, COMMIT, ROLLBACK, SET TRANSACTION/SESSION, SET SCHEMA. */
int dbSessionTxnStmt(MlSession *p, AstStmt *pAst, MlError *pErr){
  switch( pAst->kind ){
    case AS_START_TRANSACTION:
      return mlSessionBegin(p, pAst->u.txn.access==ATXN_READ_ONLY, pErr);
    case AS_COMMIT:
      return p->bExplicit ? mlSessionEnd(p, 1, pErr) : ML_OK;
    case AS_ROLLBACK:
      if( pAst->u.txnEnd.savepoint.z ){
        return mlErrorSet(pErr, ML_E_NOT_SUPPORTED, "ROLLBACK TO SAVEPOINT");
      }
      return p->bExplicit ? mlSessionEnd(p, 0, pErr) : ML_OK;
    case AS_SET_TRANSACTION: case AS_SET_SESSION:
      if( p->bExplicit && p->nTxnStmt>0 && pAst->kind==AS_SET_TRANSACTION ){
        return mlErrorSet(pErr, ML_E_TXN_ACTIVE);
      }
      return ML_OK;
    case AS_SET_SCHEMA: {
      const char *z = ((AstIdent*)pAst->u.setSchema.pSchemas->a[0])->z;
      const CatSchema *pS;
      char *zNew;
      Txn *pTxn = p->pTxn;
      int rc = ML_OK;
      if( pTxn ){
        rc = dbSessionCatalog(p, pTxn, pErr);
      }else{
        rc = txnBegin(p->pDb->pEnv, 1, &pTxn, pErr);
        if( rc==ML_OK ){
          rc = dbSessionCatalog(p, pTxn, pErr);
          txnRollback(pTxn);
        }
      }
      if( rc ) return rc;
      pS = catFindSchema(p->pCat, z);
      if( pS==0 ) return mlErrorSet(pErr, ML_E_OBJECT_NOT_EXIST, z);
      if( pAst->u.setSchema.pSchemas->n>1 ){
        return mlErrorSet(pErr, ML_E_NOT_SUPPORTED, "SET SCHEMA with a list of schemas");
      }
      zNew = strdup(pS->zName);
      if( zNew==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
      free(p->zSchema);
      p->zSchema = zNew;
      return ML_OK;
    }
    default:
      return mlErrorSetText(pErr, ML_E_NOT_SUPPORTED, "Feature not supported: %s",
                            astStmtName(pAst->kind));
  }
}
