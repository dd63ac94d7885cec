/*
** ALTER TABLE row rewriting (db/ layer).  exec/ddlalter.c changes the
** dictionary rows of a table and, when the stored rows must follow (a
** column added or dropped, a constraint added, the primary key added or
** dropped, a type widened), leaves the old definition and a column map in
** the DdlCtx.  Here, in the DDL's own transaction, every old row is read,
** the table's rows and index entries are removed, and each row is
** inserted again by an INSERT planned against the new definition: the new
** column gets its default, values are cast to the new types, every
** constraint is checked (so ADD CONSTRAINT validates the existing rows)
** and every index is rebuilt.  The old rows are held in memory meanwhile.
*/
#include "db/dbint.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "exec/ddl.h"
#include "kv/keycodec.h"
#include "kv/record.h"
#include "sql/parse.h"
#include "types/cast.h"

/* Append a delimited identifier ("a""b") to pB. */
static void dbAlterQuote(StrBuf *pB, const char *z){
  strbufAppendByte(pB, '"');
  for(; *z; z++){
    if( *z=='"' ) strbufAppendByte(pB, '"');
    strbufAppendByte(pB, (unsigned char)*z);
  }
  strbufAppendByte(pB, '"');
}

/*
** Every stored record of pTab, appended to pList as (4-byte length,
** bytes) pairs, and the table's rows deleted.
*/
static int dbAlterTakeRows(Txn *pTxn, const CatTable *pTab, StrBuf *pList, MlError *pErr){
  unsigned char aPre[4];
  TxnCursor *pCur = 0;
  int rc;
  keyEncodeTreeId(pTab->iTree, aPre);
  rc = txnCursorOpen(pTxn, &pCur, pErr);
  if( rc==ML_OK ) rc = txnCursorSeek(pCur, aPre, 4, KV_SEEK_GE, pErr);
  if( rc==ML_NOTFOUND ) rc = ML_DONE;
  while( rc==ML_OK && txnCursorValid(pCur) ){
    const void *pKey, *pRec;
    size_t nKey, nRec;
    unsigned char aLen[4];
    txnCursorKey(pCur, &pKey, &nKey);
    if( nKey<4 || memcmp(pKey, aPre, 4)!=0 ) break;
    txnCursorValue(pCur, &pRec, &nRec);
    aLen[0] = (unsigned char)(nRec>>24); aLen[1] = (unsigned char)(nRec>>16);
    aLen[2] = (unsigned char)(nRec>>8);  aLen[3] = (unsigned char)nRec;
    strbufAppend(pList, aLen, 4);
    strbufAppend(pList, pRec, nRec);
    rc = txnCursorNext(pCur, pErr);
  }
  if( rc==ML_DONE ) rc = ML_OK;
  if( pCur ) txnCursorClose(pCur);
  if( rc==ML_OK && strbufError(pList) ) rc = mlErrorSet(pErr, ML_E_NOMEM);
  if( rc==ML_OK ) rc = txnDeleteRange(pTxn, aPre, 4, pErr);
  return rc;
}

/*
** Re-insert the records of pList (old definition pOld) into pNew through
** a planned INSERT of the mapped columns.
*/
static int dbAlterInsertRows(MlSession *p, Txn *pTxn, const Catalog *pCat, const CatTable *pOld,
                             const CatTable *pNew, const int *aiMap, const StrBuf *pList,
                             Arena *pArena, MlError *pErr){
  StrBuf sql;
  AstStmt *pAst = 0;
  Plan *pPlan = 0;
  SqlType *aOldType = calloc((size_t)pOld->nCol+1, sizeof(SqlType));
  Value *aOld = calloc((size_t)pOld->nCol+1, sizeof(Value));
  int *aiParamCol = calloc((size_t)pNew->nCol+1, sizeof(int));
  Value *aReg = 0, *aParam = 0;
  Arena scratch;
  ExecCtx c;
  size_t off;
  int i, nParam = 0, rc = ML_OK;
  arenaInit(&scratch, 16*1024);
  strbufInit(&sql, 0, 0);
  if( !aOldType || !aOld || !aiParamCol ) rc = mlErrorSet(pErr, ML_E_NOMEM);
  for(i=0; i<pOld->nCol; i++) aOldType[i] = pOld->aCol[i].type;
  /* INSERT INTO "s"."t" ("c1", ...) VALUES (?, ...) */
  strbufAppendStr(&sql, "INSERT INTO ");
  dbAlterQuote(&sql, pNew->zSchema);
  strbufAppendByte(&sql, '.');
  dbAlterQuote(&sql, pNew->zName);
  strbufAppendStr(&sql, " (");
  for(i=0; i<pNew->nCol; i++){
    if( aiMap[i]<0 ) continue;
    if( nParam ) strbufAppendStr(&sql, ", ");
    dbAlterQuote(&sql, pNew->aCol[i].zName);
    if( aiParamCol ) aiParamCol[nParam] = i;
    nParam++;
  }
  strbufAppendStr(&sql, ") VALUES (");
  for(i=0; i<nParam; i++) strbufAppendStr(&sql, i ? ", ?" : "?");
  strbufAppendByte(&sql, ')');
  if( rc==ML_OK && strbufError(&sql) ) rc = mlErrorSet(pErr, ML_E_NOMEM);
  if( rc==ML_OK ) rc = sqlParse(pArena, (const char*)sql.a, sql.n, &pAst, pErr);
  if( rc==ML_OK ) rc = planStatement(pArena, pCat, p->zSchema, p->zIdent, pAst, &pPlan, pErr);
  if( rc==ML_OK && (pPlan->kind!=PLAN_INSERT || pPlan->nParam!=nParam) ){
    rc = mlErrorSet(pErr, ML_E_INTERNAL, "ALTER TABLE rebuild");  /* cannot happen */
  }
  if( rc==ML_OK ){
    aReg = calloc((size_t)pPlan->nReg+1, sizeof(Value));
    aParam = calloc((size_t)nParam+1, sizeof(Value));
    if( !aReg || !aParam ) rc = mlErrorSet(pErr, ML_E_NOMEM);
  }
  if( rc==ML_OK ){
    memset(&c, 0, sizeof(c));
    c.pTxn = pTxn;
    c.pEnv = p->pDb->pEnv;
    c.pCat = pCat;
    c.aReg = aReg;
    c.nReg = pPlan->nReg;
    c.aParam = aParam;
    c.pScratch = &scratch;
    c.pErr = pErr;
    c.zUser = p->zIdent;
    c.zSchema = p->zSchema;
    c.pSeq = &p->seq;
    c.xRowid = dbNewRowid;
    c.pRowidArg = p->pDb;
    c.pSeqCache = &p->pDb->seqCache;
    dbNow(&c.tsNow);
  }
  for(off=0; rc==ML_OK && off<pList->n; ){
    const unsigned char *a = pList->a+off;
    size_t nRec = ((size_t)a[0]<<24) | ((size_t)a[1]<<16) | ((size_t)a[2]<<8) | a[3];
    int64_t nRow = 0;
    off += 4+nRec;
    arenaReset(&scratch);
    rc = recordDecodeAll(a+4, nRec, pOld->nCol, aOldType, aOld, 0);
    if( rc ){ rc = mlErrorSet(pErr, ML_E_STORAGE, "corrupt row"); break; }
    for(i=0; rc==ML_OK && i<nParam; i++){
      const CatColumn *pCol = &pNew->aCol[aiParamCol[i]];
      int iOld = aiMap[aiParamCol[i]];
      if( aOld[iOld].isNull ){
        memset(&aParam[i], 0, sizeof(Value));
        aParam[i].type = pCol->type.id;
        aParam[i].isNull = 1;
      }else{
        rc = valueCast(&aOld[iOld], &aOldType[iOld], &pCol->type, &scratch, &aParam[i], pErr);
      }
    }
    if( rc==ML_OK ) rc = execInsertRun(pPlan->pInsert, &c, &nRow);
  }
  free(aOldType);
  free(aOld);
  free(aiParamCol);
  free(aReg);
  free(aParam);
  strbufFree(&sql);
  arenaFree(&scratch);
  return rc;
}

int dbAlterRebuild(MlSession *p, Txn *pTxn, const DdlCtx *pCtx, Arena *pArena, MlError *pErr){
  const CatTable *pOld = pCtx->pRebuild;
  const CatTable *pNew;
  Catalog *pCat = 0;
  StrBuf list;
  int i, rc;
  assert( pOld && !pOld->isView );
  strbufInit(&list, 0, 0);
  rc = dbAlterTakeRows(pTxn, pOld, &list, pErr);
  if( rc==ML_OK ) rc = catLoad(pTxn, &pCat, pErr);
  if( rc==ML_OK ){
    pNew = catFindTable(pCat, pOld->zSchema, pOld->zName);
    if( pNew==0 || pNew->nCol!=pCtx->nRebuildCol ){
      rc = mlErrorSet(pErr, ML_E_INTERNAL, "ALTER TABLE rebuild");  /* cannot happen */
    }
    for(i=0; rc==ML_OK && i<pNew->nIndex; i++){
      unsigned char aPre[4];
      keyEncodeTreeId(pNew->apIndex[i]->iTree, aPre);
      rc = txnDeleteRange(pTxn, aPre, 4, pErr);
    }
    if( rc==ML_OK && list.n>0 ){
      rc = dbAlterInsertRows(p, pTxn, pCat, pOld, pNew, pCtx->aiRebuildMap, &list, pArena, pErr);
    }
  }
  if( pCat ) catRelease(pCat);
  strbufFree(&list);
  return rc;
}
