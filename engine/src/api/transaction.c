/*
** Explicit transactions: MimerBeginTransaction and MimerEndTransaction,
** mapped onto mlSessionBegin/mlSessionEnd.  Without an explicit
** transaction every statement runs in its own (autocommit).  Ending a
** transaction closes the session's open cursors first, as Mimer does.
** Commit conflicts are -10001 and leave the transaction rolled back.
*/
#include "api/apiint.h"

/*
** Start an explicit transaction, read-write (MIMER_TRANS_READWRITE) or
** read-only (MIMER_TRANS_READONLY).  -24107 for another option, -14011
** when a transaction is already active.
*/
int32_t MimerBeginTransaction(MimerSession session, int32_t transoption){
  ApiSession *p = apiSessionGet(session);
  MlError err;
  int rc;
  if( p==0 || p->pDb==0 ) return MIMER_HANDLE_INVALID;
  if( transoption!=MIMER_TRANS_READWRITE && transoption!=MIMER_TRANS_READONLY ){
    return apiSessionError(p, MIMER_PARAMETER_INVALID);
  }
  mlErrorClear(&err);
  rc = mlSessionBegin(p->pDb, transoption==MIMER_TRANS_READONLY, &err);
  return rc<0 ? apiSessionErrorFrom(p, rc, &err) : MIMER_SUCCESS;
}

/*
** Commit (MIMER_COMMIT) or roll back (MIMER_ROLLBACK) the explicit
** transaction, closing open cursors of the session first.  -24101 with
** no active transaction, -24107 for another mode, -10001 on a conflict.
*/
int32_t MimerEndTransaction(MimerSession session, int32_t commit_rollback){
  ApiSession *p = apiSessionGet(session);
  ApiStmt *pStmt;
  MlError err;
  int rc;
  if( p==0 || p->pDb==0 ) return MIMER_HANDLE_INVALID;
  if( commit_rollback!=MIMER_COMMIT && commit_rollback!=MIMER_ROLLBACK ){
    return apiSessionError(p, MIMER_PARAMETER_INVALID);
  }
  if( !mlSessionInTransaction(p->pDb) ) return apiSessionError(p, MIMER_SEQUENCE_ERROR);
  for(pStmt=p->pFirstStmt; pStmt; pStmt=pStmt->pNext){
    if( pStmt->cursorOpen ) apiCursorClose(pStmt);
  }
  mlErrorClear(&err);
  rc = mlSessionEnd(p->pDb, commit_rollback==MIMER_COMMIT, &err);
  return rc<0 ? apiSessionErrorFrom(p, rc, &err) : MIMER_SUCCESS;
}
