/*
** INSERT, UPDATE and DELETE runners (exec/ layer).  INSERT streams its
** source rows into execRowInsert (kept first when the source reads the
** target table).  UPDATE and DELETE first collect the
** target rows (key, old values, new values) from their source plan into a
** row store and only then write, so a statement never sees its own
** changes while it searches (no Halloween problem).  Statement atomicity
** is the caller's (db/ wraps each statement in txnStatementBegin/End).
*/
#include "exec/exec.h"

#include <stdlib.h>
#include <string.h>

#include "exec/rowstore.h"
#include "expr/expr.h"

/* INSERT: the new row's values (aVal) from the current source row. */
static int dmlInsertRow(ExecInsert *p, ExecCtx *pCtx, Value *aVal){
  const CatTable *pTab = p->info.pTab;
  int i, rc = ML_OK;
  for(i=0; rc==ML_OK && i<pTab->nCol; i++){
    Value v;
    if( p->apCol[i]==0 ){
      memset(&v, 0, sizeof(v));
      v.isNull = 1;
      v.type = pTab->aCol[i].type.id;
      rc = execAssign(pCtx, &pTab->aCol[i], &v, &pTab->aCol[i].type, &aVal[i]);
    }else{
      rc = exprEval(pCtx, p->apCol[i], &v);
      if( rc==ML_OK ) rc = execAssign(pCtx, &pTab->aCol[i], &v, &p->apCol[i]->type, &aVal[i]);
    }
  }
  return rc;
}

/*
** INSERT.  Rows stream from the source into the table, unless the source
** reads the target table (INSERT INTO t SELECT ... FROM t): then every new
** row is computed and kept first, so the statement never reads its own
** inserts (which would loop for ever on a growing table).
*/
int execInsertRun(ExecInsert *p, ExecCtx *pCtx, int64_t *pnRow){
  const CatTable *pTab = p->info.pTab;
  Value *aVal = calloc((size_t)pTab->nCol+1, sizeof(Value));
  int *aiCol = calloc((size_t)pTab->nCol+1, sizeof(int));
  RowStore rs;
  int64_t iRow;
  int rc, i;
  *pnRow = 0;
  rsInit(&rs, pTab->nCol);
  if( aVal==0 || aiCol==0 ){
    free(aVal);
    free(aiCol);
    return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
  }
  for(i=0; i<pTab->nCol; i++) aiCol[i] = i;
  rc = execOpen(p->pSource, pCtx);
  while( rc==ML_OK ){
    ArenaMark m;
    rc = execNext(p->pSource, pCtx);
    if( rc ) break;
    m = arenaMark(pCtx->pScratch);
    rc = dmlInsertRow(p, pCtx, aVal);
    if( rc==ML_OK && p->bMaterialize ){
      rc = rsAdd(&rs, (const unsigned char*)"", 0, aVal, aiCol, 0);
      if( rc ) rc = mlErrorSet(pCtx->pErr, rc);
    }else if( rc==ML_OK ){
      rc = execRowInsert(pCtx, &p->info, aVal);
      if( rc==ML_OK ) (*pnRow)++;
    }
    arenaRelease(pCtx->pScratch, m);
  }
  execClose(p->pSource, pCtx);
  if( rc==ML_DONE ) rc = ML_OK;
  for(iRow=0; rc==ML_OK && iRow<rs.nRow; iRow++){
    ArenaMark m = arenaMark(pCtx->pScratch);
    rc = execRowInsert(pCtx, &p->info, rs.aRow[iRow]->aVal);
    arenaRelease(pCtx->pScratch, m);
    if( rc==ML_OK ) (*pnRow)++;
  }
  rsFree(&rs);
  free(aiCol);
  free(aVal);
  return rc;
}

/* Collect the source's rows: key + registers [iBase, iBase+nVal). */
static int dmlCollect(ExecCtx *pCtx, ExecOp *pSource, ExecOp *pScan, RowStore *pRs,
                      int iBase, int nVal, int (*xRow)(void*, ExecCtx*), void *pArg){
  int *aiReg = malloc(sizeof(int)*(size_t)(nVal+1));
  int rc, i;
  if( aiReg==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
  for(i=0; i<nVal; i++) aiReg[i] = iBase+i;
  rc = execOpen(pSource, pCtx);
  while( rc==ML_OK ){
    const void *pKey; size_t nKey;
    rc = execNext(pSource, pCtx);
    if( rc ) break;
    if( xRow ) rc = xRow(pArg, pCtx);
    if( rc ) break;
    execScanKey(pScan, &pKey, &nKey);
    rc = rsAdd(pRs, pKey, (uint32_t)nKey, pCtx->aReg, aiReg, 0);
    if( rc ) rc = mlErrorSet(pCtx->pErr, rc);
  }
  execClose(pSource, pCtx);
  free(aiReg);
  return rc==ML_DONE ? ML_OK : rc;
}

/* UPDATE: compute the new row (registers iOldBase+nCol..) from the old. */
static int dmlUpdateRow(void *pArg, ExecCtx *pCtx){
  ExecUpdate *p = pArg;
  const CatTable *pTab = p->info.pTab;
  Value *aOld = &pCtx->aReg[p->iOldBase], *aNew = aOld + pTab->nCol;
  int i, rc = ML_OK;
  memcpy(aNew, aOld, sizeof(Value)*pTab->nCol);
  for(i=0; rc==ML_OK && i<p->nSet; i++){
    const CatColumn *pCol = &pTab->aCol[p->aiSetCol[i]];
    Value v;
    if( p->apSet[i]==0 ){
      memset(&v, 0, sizeof(v));
      v.isNull = 1;
      rc = execAssign(pCtx, pCol, &v, &pCol->type, &aNew[p->aiSetCol[i]]);
    }else{
      rc = exprEval(pCtx, p->apSet[i], &v);
      if( rc==ML_OK ) rc = execAssign(pCtx, pCol, &v, &p->apSet[i]->type, &aNew[p->aiSetCol[i]]);
    }
  }
  return rc;
}

int execUpdateRun(ExecUpdate *p, ExecCtx *pCtx, int64_t *pnRow){
  const CatTable *pTab = p->info.pTab;
  RowStore rs;
  int64_t i;
  int rc;
  StrBuf deferred;
  *pnRow = 0;
  rsInit(&rs, 2*pTab->nCol);
  strbufInit(&deferred, 0, 0);
  rc = dmlCollect(pCtx, p->pSource, p->pScan, &rs, p->iOldBase, 2*pTab->nCol, dmlUpdateRow, p);
  pCtx->pFkDeferred = &deferred;
  for(i=0; rc==ML_OK && i<rs.nRow; i++){
    RsRow *r = rs.aRow[i];
    ArenaMark m = arenaMark(pCtx->pScratch);
    rc = execRowUpdate(pCtx, &p->info, r->aKey, r->nKey, r->aVal, r->aVal+pTab->nCol, p->abSet);
    arenaRelease(pCtx->pScratch, m);
    if( rc==ML_OK ) (*pnRow)++;
  }
  pCtx->pFkDeferred = 0;
  if( rc==ML_OK ) rc = execFkDeferredCheck(pCtx, &deferred);
  strbufFree(&deferred);
  rsFree(&rs);
  return rc;
}

int execDeleteRun(ExecDelete *p, ExecCtx *pCtx, int64_t *pnRow){
  const CatTable *pTab = p->info.pTab;
  RowStore rs;
  int64_t i;
  int rc;
  StrBuf deferred;
  *pnRow = 0;
  rsInit(&rs, pTab->nCol);
  strbufInit(&deferred, 0, 0);
  rc = dmlCollect(pCtx, p->pSource, p->pScan, &rs, p->iOldBase, pTab->nCol, 0, 0);
  pCtx->pFkDeferred = &deferred;
  for(i=0; rc==ML_OK && i<rs.nRow; i++){
    RsRow *r = rs.aRow[i];
    const void *pV; size_t nV;
    ArenaMark m = arenaMark(pCtx->pScratch);
    /* a cascade from an earlier row may have removed it already */
    rc = txnGet(pCtx->pTxn, r->aKey, r->nKey, 0, &pV, &nV, pCtx->pErr);
    if( rc==ML_NOTFOUND ){
      rc = ML_OK;
    }else{
      if( rc==ML_OK ) rc = execRowDelete(pCtx, &p->info, r->aKey, r->nKey, r->aVal);
      if( rc==ML_OK ) (*pnRow)++;
    }
    arenaRelease(pCtx->pScratch, m);
  }
  pCtx->pFkDeferred = 0;
  if( rc==ML_OK ) rc = execFkDeferredCheck(pCtx, &deferred);
  strbufFree(&deferred);
  rsFree(&rs);
  return rc;
}
