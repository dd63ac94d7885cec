/*
** Statements: preparing (MimerBeginStatement8 and flavours), ending,
** direct execution (MimerExecuteStatement8), execution of prepared
** non-queries with batches (MimerExecute, MimerAddBatch), sequence values
** and the metadata routines (column and parameter counts, types, names,
** modes).  DDL cannot be prepared (-24005, the engine refuses it under
** ML_PREPARE_NO_DDL) and goes through MimerExecuteStatement8.
**
** A batch (MimerAddBatch) snapshots the current parameter values; the
** next MimerExecute runs every snapshot and then the current values, in
** one transaction: the session's explicit one (under a savepoint, so a
** failing batch leaves nothing behind and the transaction goes on), or
** else one opened for the batch.  Either way a batch is all or nothing.
*/
#include <stdlib.h>
#include <string.h>

#include "api/apiint.h"
#include "types/typesys.h"

/*
** Prepare UTF-8 `statement` on `session`; *statementhandle receives the
** new handle (NULL on failure).  options: MIMER_FORWARD_ONLY or
** MIMER_SCROLLABLE, optionally with MIMER_SQLITE_MODE / MIMER_CALLBACKS
** (accepted, no effect).  Errors: -24005 for DDL, -24107 bad arguments,
** -24001, and the engine's compile errors.
*/
int32_t MimerBeginStatement8(MimerSession session, const char *statement, int32_t options,
                             MimerStatement *statementhandle){
  ApiSession *pSess = apiSessionGet(session);
  ApiStmt *p;
  MlStmt *pStmt = 0;
  MlError err;
  int rc, i, flags = ML_PREPARE_NO_DDL;
  if( statementhandle ) *statementhandle = 0;
  if( pSess==0 || pSess->pDb==0 ) return MIMER_HANDLE_INVALID;
  if( statement==0 || statementhandle==0
   || (options & ~(MIMER_SCROLLABLE|MIMER_SQLITE_MODE|MIMER_CALLBACKS))!=0 ){
    return apiSessionError(pSess, MIMER_PARAMETER_INVALID);
  }
  if( options & MIMER_SCROLLABLE ) flags |= ML_PREPARE_SCROLLABLE;
  mlErrorClear(&err);
  rc = mlPrepare(pSess->pDb, statement, flags, &pStmt, &err);
  if( rc<0 ) return apiSessionErrorFrom(pSess, rc, &err);
  p = apiHandleAlloc(API_KIND_STMT, sizeof(ApiStmt));
  if( p ){
    p->nParam = mlStmtParamCount(pStmt);
    p->aParam = p->nParam ? calloc((size_t)p->nParam, sizeof(ApiParam)) : 0;
    if( p->nParam && p->aParam==0 ){ apiHandleFree(p); p = 0; }
  }
  if( p==0 ){
    mlStmtFinalize(pStmt);
    return apiSessionError(pSess, MIMER_OUTOFMEMORY);
  }
  p->pSess = pSess;
  p->pStmt = pStmt;
  p->nCol = mlStmtColumnCount(pStmt);
  p->scrollable = (options & MIMER_SCROLLABLE)!=0;
  for(i=0; i<p->nParam; i++){
    p->aParam[i].type = *mlStmtParamType(pStmt, i);
    p->aParam[i].nullable = mlStmtParamNullable(pStmt, i)!=0;
  }
  arenaInit(&p->scratch, 1024);
  arenaInit(&p->batch, 16384);
  strbufInit(&p->text, 0, 0);
  p->pNext = pSess->pFirstStmt;
  if( p->pNext ) p->pNext->pPrev = p;
  pSess->pFirstStmt = p;
  *statementhandle = p;
  return MIMER_SUCCESS;
}

/* MimerBeginStatement8 with a wide-character statement. */
int32_t MimerBeginStatement(MimerSession session, const wchar_t *statement, int32_t options,
                            MimerStatement *statementhandle){
  char *z = 0;
  size_t n;
  int rc;
  if( statementhandle ) *statementhandle = 0;
  if( apiSessionGet(session)==0 ) return MIMER_HANDLE_INVALID;
  if( statement==0 ) return apiSessionError(session, MIMER_PARAMETER_INVALID);
  rc = apiWideToUtf8(statement, (size_t)-1, &z, &n);
  if( rc ) return apiSessionError(session, rc);
  rc = MimerBeginStatement8(session, z, options, statementhandle);
  free(z);
  return rc;
}

/* MimerBeginStatement8 with a statement in the locale's character set. */
int32_t MimerBeginStatementC(MimerSession session, const char *statement, int32_t options,
                             MimerStatement *statementhandle){
  char *z = 0;
  size_t n;
  int rc;
  if( statementhandle ) *statementhandle = 0;
  if( apiSessionGet(session)==0 ) return MIMER_HANDLE_INVALID;
  if( statement==0 ) return apiSessionError(session, MIMER_PARAMETER_INVALID);
  rc = apiLocaleToUtf8(statement, (size_t)-1, &z, &n);
  if( rc ) return apiSessionError(session, rc);
  rc = MimerBeginStatement8(session, z, options, statementhandle);
  free(z);
  return rc;
}

/*
** Release *statementhandle (closing its cursor and LOB handles) and set
** it to NULL.  -24108 when it is NULL or not a live statement.
*/
int32_t MimerEndStatement(MimerStatement *statementhandle){
  ApiStmt *p = statementhandle ? apiStmtGet(*statementhandle) : 0;
  if( p==0 ) return MIMER_HANDLE_INVALID;
  apiStmtFree(p);
  *statementhandle = 0;
  return MIMER_SUCCESS;
}

/*
** Execute one UTF-8 statement without parameters or result set (DDL or
** DML).  Returns 0, never a row count, or a negative error.
*/
int32_t MimerExecuteStatement8(MimerSession session, const char *statement){
  ApiSession *p = apiSessionGet(session);
  MlError err;
  int rc;
  if( p==0 || p->pDb==0 ) return MIMER_HANDLE_INVALID;
  if( statement==0 ) return apiSessionError(p, MIMER_PARAMETER_INVALID);
  mlErrorClear(&err);
  rc = mlSessionExecute(p->pDb, statement, &err);
  if( rc<0 ) return apiSessionErrorFrom(p, rc, &err);
  return MIMER_SUCCESS;
}

/* MimerExecuteStatement8 with a wide-character statement. */
int32_t MimerExecuteStatement(MimerSession session, const wchar_t *statement){
  char *z = 0;
  size_t n;
  int rc;
  if( apiSessionGet(session)==0 ) return MIMER_HANDLE_INVALID;
  if( statement==0 ) return apiSessionError(session, MIMER_PARAMETER_INVALID);
  rc = apiWideToUtf8(statement, (size_t)-1, &z, &n);
  if( rc ) return apiSessionError(session, rc);
  rc = MimerExecuteStatement8(session, z);
  free(z);
  return rc;
}

/* MimerExecuteStatement8 with a statement in the locale's character set. */
int32_t MimerExecuteStatementC(MimerSession session, const char *statement){
  char *z = 0;
  size_t n;
  int rc;
  if( apiSessionGet(session)==0 ) return MIMER_HANDLE_INVALID;
  if( statement==0 ) return apiSessionError(session, MIMER_PARAMETER_INVALID);
  rc = apiLocaleToUtf8(statement, (size_t)-1, &z, &n);
  if( rc ) return apiSessionError(session, rc);
  rc = MimerExecuteStatement8(session, z);
  free(z);
  return rc;
}

/* Forget the batched rows of p. */
static void apiBatchClear(ApiStmt *p){
  arenaReset(&p->batch);
  p->pBatchFirst = p->pBatchLast = 0;
  p->nBatch = 0;
}

/*
** Run the batched rows of p, then its current parameter values, adding
** the rows affected to *pnRows.  Returns ML_OK or the first error
** (recorded on p).
*/
static int apiExecuteBatch(ApiStmt *p, int64_t *pnRows, MlError *pErr){
  ApiBatchRow *pRow;
  int64_t n = 0;
  int rc = ML_OK, i;
  for(pRow=p->pBatchFirst; pRow && rc==ML_OK; pRow=pRow->pNext){
    for(i=0; i<p->nParam && rc==ML_OK; i++){
      rc = mlStmtBind(p->pStmt, i, &pRow->aVal[i], pErr);
    }
    if( rc==ML_OK ) rc = mlStmtExecute(p->pStmt, &n, pErr);
    if( rc==ML_OK ) *pnRows += n;
  }
  if( rc==ML_OK ) rc = apiParamsBind(p, pErr);
  if( rc==ML_OK ) rc = mlStmtExecute(p->pStmt, &n, pErr);
  if( rc==ML_OK ) *pnRows += n;
  return rc;
}

/*
** Execute prepared non-query p with its parameter values (after running
** any batched rows).  Returns the number of rows inserted, updated or
** deleted (saturated at INT32_MAX), 0 for statements that count none.
** Errors: -24101 for a query, -24103 unset parameters, engine errors.
*/
int32_t MimerExecute(MimerStatement statementhandle){
  ApiStmt *p = apiStmtGet(statementhandle);
  MlSession *pDb;
  MlError err;
  int64_t nRows = 0;
  int rc;
  if( p==0 ) return MIMER_HANDLE_INVALID;
  if( p->nCol>0 ) return apiStmtError(p, MIMER_SEQUENCE_ERROR);
  pDb = p->pSess->pDb;
  mlErrorClear(&err);
  if( p->nBatch>0 ){
    /* all of the batch or none of it */
    int bOwnTxn = 0;
    rc = mlSessionBatchBegin(pDb, &bOwnTxn, &err);
    if( rc==ML_OK ){
      rc = apiExecuteBatch(p, &nRows, &err);
      if( rc==ML_OK ){
        rc = mlSessionBatchEnd(pDb, bOwnTxn, 1, &err);
      }else{
        MlError errEnd;
        int rcEnd = mlSessionBatchEnd(pDb, bOwnTxn, 0, &errEnd);
        if( rcEnd ){ rc = rcEnd; err = errEnd; }
      }
    }
  }else{
    rc = apiExecuteBatch(p, &nRows, &err);
  }
  apiBatchClear(p);
  if( rc<0 ) return apiStmtErrorFrom(p, rc, &err);
  return apiClampLen((uint64_t)nRows);
}

/*
** Snapshot the current parameter values as one batch row for the next
** MimerExecute.  Returns 0; -24101 for a query, -24103 when a parameter
** is unset, -24001.
*/
int32_t MimerAddBatch(MimerStatement statementhandle){
  ApiStmt *p = apiStmtGet(statementhandle);
  ApiBatchRow *pRow;
  int i, rc;
  if( p==0 ) return MIMER_HANDLE_INVALID;
  if( p->nCol>0 ) return apiStmtError(p, MIMER_SEQUENCE_ERROR);
  for(i=0; i<p->nParam; i++){
    ApiParam *pPar = &p->aParam[i];
    if( pPar->pLob ){
      rc = apiLobFinish(p, pPar, 1);
      if( rc ) return apiStmtError(p, rc);
    }
    if( !pPar->isSet ) return apiStmtError(p, pPar->failCode ? pPar->failCode : MIMER_UNSET_PARAMETER);
  }
  pRow = arenaAlloc(&p->batch, sizeof(ApiBatchRow) + sizeof(Value)*(size_t)p->nParam);
  if( pRow==0 ) return apiStmtError(p, MIMER_OUTOFMEMORY);
  pRow->pNext = 0;
  for(i=0; i<p->nParam; i++){
    Value *pV = &pRow->aVal[i];
    *pV = p->aParam[i].v;
    if( !pV->isNull && (SQLT_IS_CHARACTER(pV->type) || SQLT_IS_BINARYSTR(pV->type)) ){
      pV->u.s.z = pV->u.s.n ? arenaDup(&p->batch, pV->u.s.z, pV->u.s.n) : "";
      if( pV->u.s.z==0 ) return apiStmtError(p, MIMER_OUTOFMEMORY);
    }
  }
  if( p->pBatchLast ) p->pBatchLast->pNext = pRow; else p->pBatchFirst = pRow;
  p->pBatchLast = pRow;
  p->nBatch++;
  return MIMER_SUCCESS;
}

/*
** Advance to the next result set.  mimerlite statements produce at most
** one, so: MIMER_NO_DATA for a valid statement.
*/
int32_t MimerMoreResults(MimerStatement statementhandle){
  return apiStmtGet(statementhandle) ? MIMER_NO_DATA : MIMER_HANDLE_INVALID;
}

/*
** The value NEXT VALUE FOR produced during the last execution of the
** statement into *value; 0 when it used no sequence.  Returns 0.
*/
int32_t MimerGetSequenceInt64(MimerStatement statementhandle, int64_t *value){
  ApiStmt *p = apiStmtGet(statementhandle);
  int64_t v;
  int bHas = 0;
  if( p==0 ) return MIMER_HANDLE_INVALID;
  if( value==0 ) return apiStmtError(p, MIMER_PARAMETER_INVALID);
  v = mlStmtSequenceValue(p->pStmt, &bHas);
  *value = bHas ? v : 0;
  return MIMER_SUCCESS;
}

/* ------------------------------------------------------------ metadata */

/* Result columns of the statement, 0 when it is not a query. */
int32_t MimerColumnCount(MimerStatement statementhandle){
  ApiStmt *p = apiStmtGet(statementhandle);
  if( p==0 ) return MIMER_HANDLE_INVALID;
  return p->nCol;
}

/* -24102 (recorded) unless 1 <= colno <= nCol. */
static int apiColumnCheck(ApiStmt *p, int16_t colno){
  if( colno<1 || colno>p->nCol ) return apiStmtError(p, MIMER_NONEXISTENT_COLUMN_PARAMETER);
  return ML_OK;
}

/* Mimer type code (spec 3.8, 4.7) of result column colno. */
int32_t MimerColumnType(MimerStatement statementhandle, int16_t colno){
  ApiStmt *p = apiStmtGet(statementhandle);
  int rc;
  if( p==0 ) return MIMER_HANDLE_INVALID;
  if( (rc = apiColumnCheck(p, colno))!=0 ) return rc;
  return typeApiCode(mlStmtColumnType(p->pStmt, colno-1));
}

/*
** The UTF-8 name of result column `no` (bParam 0) or of parameter `no`
** (bParam 1) of statement h, shared by the three flavours of
** MimerColumnName and MimerParameterName.  Returns 0 with *pp and *pz set
** ("" for an unnamed '?'), or a negative code (-24108, -24102).
*/
static int apiNameOf(MimerStatement h, int16_t no, int bParam, ApiStmt **pp,
                     const char **pz){
  ApiStmt *p = apiStmtGet(h);
  int rc;
  *pp = p;
  *pz = "";
  if( p==0 ) return MIMER_HANDLE_INVALID;
  rc = bParam ? apiParamCheck(p, no) : apiColumnCheck(p, no);
  if( rc ) return rc;
  *pz = bParam ? mlStmtParamName(p->pStmt, no-1) : mlStmtColumnName(p->pStmt, no-1);
  if( *pz==0 ) *pz = "";
  return 0;
}

/* Name of column colno (UTF-8, buffer protocol of spec 4.4). */
int32_t MimerColumnName8(MimerStatement statementhandle, int16_t colno, char *colname,
                         size_t colnamesize){
  ApiStmt *p;
  const char *z;
  int rc = apiNameOf(statementhandle, colno, 0, &p, &z);
  if( rc ) return rc;
  return apiCopyOut8(z, strlen(z), colname, colnamesize);
}

/* MimerColumnName8 into a wide buffer; lengths in wide characters. */
int32_t MimerColumnName(MimerStatement statementhandle, int16_t colno, wchar_t *colname,
                        size_t colnamesize){
  ApiStmt *p;
  const char *z;
  int rc = apiNameOf(statementhandle, colno, 0, &p, &z);
  if( rc ) return rc;
  return apiUtf8ToWideOut(z, strlen(z), colname, colnamesize);
}

/* MimerColumnName8 in the locale's character set. */
int32_t MimerColumnNameC(MimerStatement statementhandle, int16_t colno, char *colname,
                         size_t colnamesize){
  ApiStmt *p;
  const char *z;
  int rc = apiNameOf(statementhandle, colno, 0, &p, &z);
  if( rc ) return rc;
  rc = apiUtf8ToLocaleOut(z, strlen(z), colname, colnamesize);
  return rc<0 ? apiStmtError(p, rc) : rc;
}

/* Parameter markers of the statement. */
int32_t MimerParameterCount(MimerStatement statementhandle){
  ApiStmt *p = apiStmtGet(statementhandle);
  if( p==0 ) return MIMER_HANDLE_INVALID;
  return p->nParam;
}

/* Mimer type code of parameter paramno, inferred at prepare time. */
int32_t MimerParameterType(MimerStatement statementhandle, int16_t paramno){
  ApiStmt *p = apiStmtGet(statementhandle);
  int rc;
  if( p==0 ) return MIMER_HANDLE_INVALID;
  if( (rc = apiParamCheck(p, paramno))!=0 ) return rc;
  return typeApiCode(&p->aParam[paramno-1].type);
}

/* Name of parameter paramno without the colon, "" for a '?' marker. */
int32_t MimerParameterName8(MimerStatement statementhandle, int16_t paramno, char *paramname,
                            size_t paramnamesize){
  ApiStmt *p;
  const char *z;
  int rc = apiNameOf(statementhandle, paramno, 1, &p, &z);
  if( rc ) return rc;
  return apiCopyOut8(z, strlen(z), paramname, paramnamesize);
}

/* MimerParameterName8 into a wide buffer; lengths in wide characters. */
int32_t MimerParameterName(MimerStatement statementhandle, int16_t paramno, wchar_t *paramname,
                           size_t paramnamesize){
  ApiStmt *p;
  const char *z;
  int rc = apiNameOf(statementhandle, paramno, 1, &p, &z);
  if( rc ) return rc;
  return apiUtf8ToWideOut(z, strlen(z), paramname, paramnamesize);
}

/* MimerParameterName8 in the locale's character set. */
int32_t MimerParameterNameC(MimerStatement statementhandle, int16_t paramno, char *paramname,
                            size_t paramnamesize){
  ApiStmt *p;
  const char *z;
  int rc = apiNameOf(statementhandle, paramno, 1, &p, &z);
  if( rc ) return rc;
  rc = apiUtf8ToLocaleOut(z, strlen(z), paramname, paramnamesize);
  return rc<0 ? apiStmtError(p, rc) : rc;
}

/*
** Mode of parameter paramno: 1 IN, 2 OUT, 3 INOUT.  The engine has only
** input markers today (procedures with OUT parameters need a db.h
** addition), so every parameter is IN.
*/
int32_t MimerParameterMode(MimerStatement statementhandle, int16_t paramno){
  ApiStmt *p = apiStmtGet(statementhandle);
  int rc;
  if( p==0 ) return MIMER_HANDLE_INVALID;
  if( (rc = apiParamCheck(p, paramno))!=0 ) return rc;
  return 1;
}

/* 1 when parameter paramno accepts NULL, else 0. */
int32_t MimerParameterNullable(MimerStatement statementhandle, int16_t paramno){
  ApiStmt *p = apiStmtGet(statementhandle);
  int rc;
  if( p==0 ) return MIMER_HANDLE_INVALID;
  if( (rc = apiParamCheck(p, paramno))!=0 ) return rc;
  return p->aParam[paramno-1].nullable;
}
