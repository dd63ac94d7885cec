/*
** Row writes with integrity checking (exec/ layer): the one place that
** inserts, deletes and updates rows of base tables for INSERT, UPDATE and
** DELETE.  It enforces NOT NULL, CHECK, PRIMARY KEY, UNIQUE and FOREIGN
** KEY constraints, runs referential actions (ON DELETE and ON UPDATE
** CASCADE / SET NULL / SET DEFAULT, at any depth, through the table
** itself too; plan/ compiles the CHECKs and DEFAULTs of every table they
** may write), and keeps every index in step.  Keys a check depends on
** are read with TXN_POINT_READ so that a concurrent transaction changing
** them makes one of the two fail at COMMIT (-10001), as Mimer does.
**
** Index entries: a unique index keys on its columns alone; other indexes
** (and a UNIQUE constraint's entry with a NULL column) append the row key
** to stay unique.  The value of every entry is the row key.
*/
#include "exec/exec.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "expr/expr.h"
#include "kv/keycodec.h"
#include "kv/record.h"
#include "types/cast.h"

#define ROW_MAX_COLS 1000

/*
** Assignment of a value to a column: cast to the column's type (string
** too long, overflow ... are errors) and refuse NULL in a NOT NULL column.
*/
int execAssign(ExecCtx *pCtx, const CatColumn *pCol, const Value *pIn,
               const SqlType *pInType, Value *pOut){
  int rc;
  if( pIn->isNull ){
    if( pCol->notNull ) return mlErrorSet(pCtx->pErr, ML_E_NOT_NULL, pCol->zName);
    memset(pOut, 0, sizeof(*pOut));
    pOut->type = pCol->type.id;
    pOut->isNull = 1;
    return ML_OK;
  }
  rc = valueCast(pIn, pInType, &pCol->type, pCtx->pScratch, pOut, pCtx->pErr);
  if( rc && pCtx->pErr ){
    size_t n = strlen(pCtx->pErr->zMsg);
    if( n+strlen(pCol->zName)+20 < sizeof(pCtx->pErr->zMsg) ){
      snprintf(pCtx->pErr->zMsg+n, sizeof(pCtx->pErr->zMsg)-n, " (column %s)", pCol->zName);
    }
  }
  return rc;
}

/* Does any of the key columns of aVal hold NULL? */
static int rowAnyNull(const Value *aVal, int n, const int *aiCol){
  int i;
  for(i=0; i<n; i++) if( aVal[aiCol[i]].isNull ) return 1;
  return 0;
}

/* Build the index entry key of row aVal (row key pRowKey) in pOut. */
static int rowIndexKey(const CatIndex *pIdx, const Value *aVal, const void *pRowKey,
                       size_t nRowKey, int *pbUniqueForm, StrBuf *pOut){
  const CatTable *pTab = pIdx->pTable;
  int i, rc = ML_OK, bUnique = pIdx->unique;
  keyStart(pOut, pIdx->iTree);
  for(i=0; rc==ML_OK && i<pIdx->nCol; i++){
    int iCol = pIdx->aiCol[i];
    rc = keyAppendValue(pOut, &aVal[iCol], &pTab->aCol[iCol].type, pIdx->aDesc[i]);
  }
  if( bUnique && pIdx->nullsDistinct && rowAnyNull(aVal, pIdx->nCol, pIdx->aiCol) ) bUnique = 0;
  if( !bUnique ) strbufAppend(pOut, pRowKey, nRowKey);
  if( rc==ML_OK ) rc = keyFinish(pOut, 0);
  *pbUniqueForm = bUnique;
  return rc;
}

static int rowTableName(const CatTable *pTab, char *zBuf, size_t n){
  return snprintf(zBuf, n, "%s.%s", pTab->zSchema, pTab->zName);
}

/* Insert the index entries of a row; unique violations are errors. */
static int rowIndexInsert(ExecCtx *pCtx, const CatTable *pTab, const Value *aVal,
                          const void *pRowKey, size_t nRowKey){
  StrBuf k;
  int i, rc = ML_OK;
  strbufInit(&k, 0, 0);
  for(i=0; rc==ML_OK && i<pTab->nIndex; i++){
    const CatIndex *pIdx = pTab->apIndex[i];
    int bUnique;
    rc = rowIndexKey(pIdx, aVal, pRowKey, nRowKey, &bUnique, &k);
    if( rc ){ rc = mlErrorSet(pCtx->pErr, rc, ""); break; }
    if( bUnique ){
      const void *pV; size_t nV;
      rc = txnGet(pCtx->pTxn, k.a, k.n, TXN_POINT_READ, &pV, &nV, pCtx->pErr);
      if( rc==ML_OK ){
        char zTab[300];
        rowTableName(pTab, zTab, sizeof(zTab));
        rc = mlErrorSet(pCtx->pErr, ML_E_UNIQUE_VIOLATION, pIdx->zName, zTab);
        break;
      }
      if( rc!=ML_NOTFOUND ) break;
    }
    rc = txnPut(pCtx->pTxn, k.a, k.n, pRowKey, nRowKey, pCtx->pErr);
  }
  strbufFree(&k);
  return rc;
}

static int rowIndexDelete(ExecCtx *pCtx, const CatTable *pTab, const Value *aVal,
                          const void *pRowKey, size_t nRowKey){
  StrBuf k;
  int i, rc = ML_OK;
  strbufInit(&k, 0, 0);
  for(i=0; rc==ML_OK && i<pTab->nIndex; i++){
    int bUnique;
    rc = rowIndexKey(pTab->apIndex[i], aVal, pRowKey, nRowKey, &bUnique, &k);
    if( rc ){ rc = mlErrorSet(pCtx->pErr, rc, ""); break; }
    rc = txnDelete(pCtx->pTxn, k.a, k.n, pCtx->pErr);
  }
  strbufFree(&k);
  return rc;
}

/* CHECK constraints over the row (copied into the check registers). */
static int rowChecks(ExecCtx *pCtx, const ExecTableInfo *pInfo, const Value *aVal){
  int i, rc = ML_OK;
  if( pInfo->nCheck==0 ) return ML_OK;
  memcpy(&pCtx->aReg[pInfo->iRegBase], aVal, sizeof(Value)*pInfo->pTab->nCol);
  for(i=0; rc==ML_OK && i<pInfo->nCheck; i++){
    Value v;
    rc = exprEval(pCtx, pInfo->apCheck[i], &v);
    if( rc==ML_OK && !v.isNull && v.u.i==0 ){
      char zTab[300];
      rowTableName(pInfo->pTab, zTab, sizeof(zTab));
      rc = mlErrorSet(pCtx->pErr, ML_E_CHECK_VIOLATION, pInfo->azCheckName[i], zTab);
    }
  }
  return rc;
}

/*
** Does child row aVal have its parent through foreign key pFk (*pbExists)?
** A NULL key column needs no parent.  The parent's key is point-read, so a
** concurrent change of it makes the COMMIT conflict.
*/
static int rowParentExists(ExecCtx *pCtx, const CatConstraint *pFk, const Value *aVal,
                           int *pbExists){
  const CatConstraint *pRefCons = pFk->pRefCons;
  const void *pV; size_t nV;
  StrBuf k;
  int j, rc = ML_OK;
  *pbExists = 1;
  if( rowAnyNull(aVal, pFk->nCol, pFk->aiCol) ) return ML_OK;
  assert( pRefCons );
  strbufInit(&k, 0, 0);
  keyStart(&k, pRefCons->kind==CAT_CONS_PK ? pFk->pRef->iTree : pRefCons->pIndex->iTree);
  /* values in the order of the referenced key's columns */
  for(j=0; rc==ML_OK && j<pRefCons->nCol; j++){
    int m, iRef = pRefCons->aiCol[j];
    for(m=0; m<pFk->nCol && pFk->aiRefCol[m]!=iRef; m++){}
    assert( m<pFk->nCol );
    rc = keyAppendValue(&k, &aVal[pFk->aiCol[m]], &pFk->pRef->aCol[iRef].type, 0);
  }
  if( rc==ML_OK ) rc = keyFinish(&k, 0);
  if( rc ) rc = mlErrorSet(pCtx->pErr, rc, "");
  if( rc==ML_OK ) rc = txnGet(pCtx->pTxn, k.a, k.n, TXN_POINT_READ, &pV, &nV, pCtx->pErr);
  if( rc==ML_NOTFOUND ){
    *pbExists = 0;
    rc = ML_OK;
  }
  strbufFree(&k);
  return rc;
}

/* FOREIGN KEY: the referenced row must exist (unless a key column is NULL). */
static int rowCheckParents(ExecCtx *pCtx, const CatTable *pTab, const Value *aVal){
  int i, bExists, rc = ML_OK;
  for(i=0; rc==ML_OK && i<pTab->nCons; i++){
    const CatConstraint *pFk = pTab->apCons[i];
    if( pFk->kind!=CAT_CONS_FK ) continue;
    rc = rowParentExists(pCtx, pFk, aVal, &bExists);
    if( rc==ML_OK && !bExists ){
      char zTab[300];
      rowTableName(pFk->pRef, zTab, sizeof(zTab));
      rc = mlErrorSet(pCtx->pErr, ML_E_FK_NO_PARENT, pFk->zName, zTab);
    }
  }
  return rc;
}

int execRowInsert(ExecCtx *pCtx, const ExecTableInfo *pInfo, Value *aVal){
  const CatTable *pTab = pInfo->pTab;
  StrBuf key, rec;
  SqlType aType[ROW_MAX_COLS];
  int64_t iRowid = 0;
  int i, rc = ML_OK;
  assert( pTab->nCol<=ROW_MAX_COLS );
  for(i=0; i<pTab->nCol; i++){
    if( aVal[i].isNull && pTab->aCol[i].notNull ){
      return mlErrorSet(pCtx->pErr, ML_E_NOT_NULL, pTab->aCol[i].zName);
    }
    aType[i] = pTab->aCol[i].type;
  }
  rc = rowChecks(pCtx, pInfo, aVal);
  if( rc ) return rc;
  if( pTab->hasRowid ){
    rc = pCtx->xRowid(pCtx->pRowidArg, pTab, &iRowid, pCtx->pErr);
    if( rc ) return rc;
  }
  strbufInit(&key, 0, 0);
  strbufInit(&rec, 0, 0);
  rc = catEncodeKey(pTab, aVal, iRowid, &key);
  if( rc==ML_OK ) rc = recordEncode(&rec, pTab->nCol, aType, aVal);
  if( rc ) rc = mlErrorSet(pCtx->pErr, rc, "");
  if( rc==ML_OK && !pTab->hasRowid ){
    const void *pV; size_t nV;
    rc = txnGet(pCtx->pTxn, key.a, key.n, TXN_POINT_READ, &pV, &nV, pCtx->pErr);
    if( rc==ML_OK ){
      char zTab[300];
      rowTableName(pTab, zTab, sizeof(zTab));
      rc = mlErrorSet(pCtx->pErr, ML_E_DUPLICATE_KEY, zTab);
    }else if( rc==ML_NOTFOUND ){
      rc = ML_OK;
    }
  }
  if( rc==ML_OK ) rc = rowIndexInsert(pCtx, pTab, aVal, key.a, key.n);
  if( rc==ML_OK ) rc = txnPut(pCtx->pTxn, key.a, key.n, rec.a, rec.n, pCtx->pErr);
  /* after the write: a row may reference itself (a failure undoes it) */
  if( rc==ML_OK ) rc = rowCheckParents(pCtx, pTab, aVal);
  strbufFree(&key);
  strbufFree(&rec);
  return rc;
}

static int rowChildPrefix(ExecCtx *pCtx, const CatConstraint *pFk, const Value *aParent,
                          StrBuf *pPre);
static int rowChildrenByPrefix(ExecCtx *pCtx, const StrBuf *pPre, StrBuf *pList, int *pnChild,
                               int nMax);

/*
** Children of a parent row through foreign key pFk: the child row keys,
** collected from the FK's index (prefix = the parent's key values); at
** most nMax of them when nMax>0.
*/
static int rowFindChildren(ExecCtx *pCtx, const CatConstraint *pFk, const Value *aParent,
                           StrBuf *pList, int *pnChild, int nMax){
  StrBuf pre;
  int j, rc;
  *pnChild = 0;
  strbufReset(pList);
  for(j=0; j<pFk->nCol; j++) if( aParent[pFk->aiRefCol[j]].isNull ) return ML_OK;
  strbufInit(&pre, 0, 0);
  rc = rowChildPrefix(pCtx, pFk, aParent, &pre);
  if( rc==ML_OK ) rc = rowChildrenByPrefix(pCtx, &pre, pList, pnChild, nMax);
  strbufFree(&pre);
  return rc;
}

/*
** The key prefix under which pFk's index (on the child table) holds the
** children of parent row aParent.
*/
static int rowChildPrefix(ExecCtx *pCtx, const CatConstraint *pFk, const Value *aParent,
                          StrBuf *pPre){
  const CatIndex *pIdx = pFk->pIndex;
  int j, rc = ML_OK;
  assert( pIdx && pIdx->nCol==pFk->nCol );
  strbufReset(pPre);
  keyStart(pPre, pIdx->iTree);
  for(j=0; rc==ML_OK && j<pFk->nCol; j++){
    rc = keyAppendValue(pPre, &aParent[pFk->aiRefCol[j]], &pFk->pTable->aCol[pFk->aiCol[j]].type, 0);
  }
  return rc ? mlErrorSet(pCtx->pErr, rc, "") : ML_OK;
}

/*
** The row keys of the index entries under prefix pPre, into pList (each
** a 2-byte little-endian length and the key); at most nMax of them when
** nMax>0.
*/
static int rowChildrenByPrefix(ExecCtx *pCtx, const StrBuf *pPre, StrBuf *pList, int *pnChild,
                               int nMax){
  const StrBuf pre = *pPre;
  TxnCursor *pCur = 0;
  int rc;
  *pnChild = 0;
  strbufReset(pList);
  rc = txnCursorOpen(pCtx->pTxn, &pCur, pCtx->pErr);
  if( rc==ML_OK ) rc = txnCursorSeek(pCur, pre.a, pre.n, KV_SEEK_GE, pCtx->pErr);
  if( rc==ML_NOTFOUND ) rc = ML_DONE;   /* nothing at or after the key */
  while( rc==ML_OK && txnCursorValid(pCur) ){
    const void *pK, *pV; size_t nK, nV;
    txnCursorKey(pCur, &pK, &nK);
    if( nK<pre.n || memcmp(pK, pre.a, pre.n)!=0 ) break;
    txnCursorValue(pCur, &pV, &nV);
    strbufAppendByte(pList, (unsigned char)(nV & 0xff));
    strbufAppendByte(pList, (unsigned char)(nV >> 8));
    strbufAppend(pList, pV, nV);
    (*pnChild)++;
    if( nMax>0 && *pnChild>=nMax ) break;
    rc = txnCursorNext(pCur, pCtx->pErr);
  }
  if( rc==ML_DONE ) rc = ML_OK;
  if( pCur ) txnCursorClose(pCur);
  return rc;
}

/* Read a row by key into aOut (strings in the scratch arena). */
static int rowRead(ExecCtx *pCtx, const CatTable *pTab, const void *pKey, size_t nKey,
                   Value *aOut, int *pbFound){
  const void *pRec; size_t nRec;
  SqlType *aType;
  void *pCopy;
  int i, rc = txnGet(pCtx->pTxn, pKey, nKey, 0, &pRec, &nRec, pCtx->pErr);
  *pbFound = 0;
  if( rc==ML_NOTFOUND ) return ML_OK;
  if( rc ) return rc;
  pCopy = arenaDup(pCtx->pScratch, pRec, nRec ? nRec : 1);
  aType = arenaAlloc(pCtx->pScratch, sizeof(SqlType)*(pTab->nCol+1));
  if( pCopy==0 || aType==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
  for(i=0; i<pTab->nCol; i++) aType[i] = pTab->aCol[i].type;
  rc = recordDecodeAll(pCopy, nRec, pTab->nCol, aType, aOut, 0);
  if( rc ) return mlErrorSet(pCtx->pErr, ML_E_STORAGE, "corrupt row");
  *pbFound = 1;
  return ML_OK;
}

/* Do a and b (of type t) hold the same value, NULL equal to NULL? */
static int rowValueSame(const Value *a, const Value *b, const SqlType *t){
  unsigned char aX[128], aY[128];    /* most keys fit: no heap per row */
  StrBuf x, y;
  int bSame;
  if( a->isNull || b->isNull ) return a->isNull && b->isNull;
  strbufInit(&x, aX, sizeof(aX));
  strbufInit(&y, aY, sizeof(aY));
  keyAppendValue(&x, a, t, 0);
  keyAppendValue(&y, b, t, 0);
  bSame = x.n==y.n && memcmp(x.a, y.a, x.n)==0;
  strbufFree(&x);
  strbufFree(&y);
  return bSame;
}

/*
** The ExecTableInfo (CHECKs, DEFAULTs) plan/ compiled for table pTab,
** one that referential actions of pInfo's statement may write.
*/
static const ExecTableInfo *rowInfoFor(const ExecTableInfo *pInfo, const CatTable *pTab){
  int i;
  for(i=0; i<pInfo->nRel; i++) if( pInfo->apRel[i]->pTab==pTab ) return pInfo->apRel[i];
  return 0;
}

/*
** Remember, for the end of the statement, that parent row aOld of foreign
** key pFk (NO ACTION) went away or changed while it had children: an
** entry of pCtx->pFkDeferred is the pointer pFk, a 2-byte length and the
** children's index prefix.
*/
static int rowDeferNoAction(ExecCtx *pCtx, const CatConstraint *pFk, const Value *aOld){
  StrBuf pre;
  int rc;
  strbufInit(&pre, 0, 0);
  rc = rowChildPrefix(pCtx, pFk, aOld, &pre);
  if( rc==ML_OK && pre.n>0xffff ) rc = mlErrorSet(pCtx->pErr, ML_E_INTERNAL, "key too long");
  if( rc==ML_OK ){
    strbufAppend(pCtx->pFkDeferred, &pFk, sizeof(pFk));
    strbufAppendByte(pCtx->pFkDeferred, (unsigned char)(pre.n & 0xff));
    strbufAppendByte(pCtx->pFkDeferred, (unsigned char)(pre.n >> 8));
    strbufAppend(pCtx->pFkDeferred, pre.a, pre.n);
    if( strbufError(pCtx->pFkDeferred) ) rc = mlErrorSet(pCtx->pErr, ML_E_NOMEM);
  }
  strbufFree(&pre);
  return rc;
}

/*
** End of a DELETE or UPDATE statement: the NO ACTION checks it deferred
** (rowDeferNoAction).  Each child still referencing a removed or changed
** parent key must find a parent with that key again (another row of the
** statement may have taken it), else -10104, as the SQL standard checks
** NO ACTION after the statement rather than per row.
*/
int execFkDeferredCheck(ExecCtx *pCtx, const StrBuf *pDeferred){
  StrBuf list, pre;
  size_t off = 0;
  int rc = ML_OK;
  strbufInit(&list, 0, 0);
  strbufInit(&pre, 0, 0);
  while( rc==ML_OK && off<pDeferred->n ){
    const CatConstraint *pFk;
    size_t nPre;
    int nChild = 0;
    memcpy(&pFk, pDeferred->a+off, sizeof(pFk));
    off += sizeof(pFk);
    nPre = (size_t)pDeferred->a[off] | ((size_t)pDeferred->a[off+1]<<8);
    off += 2;
    strbufReset(&pre);
    strbufAppend(&pre, pDeferred->a+off, nPre);
    off += nPre;
    if( strbufError(&pre) ){ rc = mlErrorSet(pCtx->pErr, ML_E_NOMEM); break; }
    rc = rowChildrenByPrefix(pCtx, &pre, &list, &nChild, 1);
    if( rc==ML_OK && nChild>0 ){
      const CatTable *pChild = pFk->pTable;
      ArenaMark m = arenaMark(pCtx->pScratch);
      Value *aRow = arenaAlloc(pCtx->pScratch, sizeof(Value)*((size_t)pChild->nCol+1));
      size_t nK = (size_t)list.a[0] | ((size_t)list.a[1]<<8);
      int bFound = 0, bExists = 1;
      if( aRow==0 ) rc = mlErrorSet(pCtx->pErr, ML_E_NOMEM);
      if( rc==ML_OK ) rc = rowRead(pCtx, pChild, list.a+2, nK, aRow, &bFound);
      if( rc==ML_OK && bFound ) rc = rowParentExists(pCtx, pFk, aRow, &bExists);
      if( rc==ML_OK && !bExists ){
        char zTab[300];
        rowTableName(pChild, zTab, sizeof(zTab));
        rc = mlErrorSet(pCtx->pErr, ML_E_FK_HAS_CHILDREN, pFk->zName, zTab);
      }
      arenaRelease(pCtx->pScratch, m);
    }
  }
  strbufFree(&list);
  strbufFree(&pre);
  return rc;
}

/* Referential actions nest at most this deep (else -12112). */
#define ROW_MAX_ACTION_DEPTH 1000

static int rowDelete(ExecCtx *pCtx, const ExecTableInfo *pInfo, const void *pKey,
                     size_t nKey, const Value *aOld, int iDepth);
static int rowUpdate(ExecCtx *pCtx, const ExecTableInfo *pInfo, const void *pKey,
                     size_t nKey, const Value *aOld, Value *aNew, const uint8_t *abSet,
                     int iDepth);

/*
** Referential actions for parent row aOld of pInfo's table going away
** (bUpdate 0) or changing to aNew (bUpdate 1), run after the parent row is
** written: RESTRICT / NO ACTION fail with -10104 if children remain,
** CASCADE deletes them or gives them the new key, SET NULL / SET DEFAULT
** update them (the DEFAULT compiled by plan/, NULL when none).  Children
** are written with their own CHECKs and actions, iDepth+1 levels deep;
** a child row changed or removed meanwhile is read afresh or skipped.
*/
static int rowDeleteActions(ExecCtx *pCtx, const ExecTableInfo *pInfo, const Value *aOld,
                            int bUpdate, const Value *aNew, int iDepth){
  const CatTable *pTab = pInfo->pTab;
  StrBuf list;
  int i, rc = ML_OK;
  strbufInit(&list, 0, 0);
  for(i=0; rc==ML_OK && i<pTab->nRefBy; i++){
    const CatConstraint *pFk = pTab->apRefBy[i];
    const CatTable *pChild = pFk->pTable;
    const ExecTableInfo *pChildInfo;
    int nChild, action = bUpdate ? pFk->onUpdate : pFk->onDelete;
    size_t off = 0;
    if( bUpdate ){
      int j, bSame = 1;
      for(j=0; bSame && j<pFk->nCol; j++){
        int iRef = pFk->aiRefCol[j];
        bSame = rowValueSame(&aOld[iRef], &aNew[iRef], &pTab->aCol[iRef].type);
      }
      if( bSame ) continue;
    }
    /* RESTRICT / NO ACTION only ask whether a child exists */
    rc = rowFindChildren(pCtx, pFk, aOld, &list, &nChild,
                         action==AREF_NONE || action==AREF_RESTRICT ? 1 : 0);
    if( rc || nChild==0 ) continue;
    if( action==AREF_NONE && pCtx->pFkDeferred ){
      /* NO ACTION: checked when the statement's rows are all written */
      rc = rowDeferNoAction(pCtx, pFk, aOld);
      continue;
    }
    if( action==AREF_NONE || action==AREF_RESTRICT ){
      char zTab[300];
      rowTableName(pChild, zTab, sizeof(zTab));
      rc = mlErrorSet(pCtx->pErr, ML_E_FK_HAS_CHILDREN, pFk->zName, zTab);
      break;
    }
    if( iDepth>=ROW_MAX_ACTION_DEPTH ){
      rc = mlErrorSet(pCtx->pErr, ML_E_TOO_COMPLEX, ": referential actions nested too deep");
      break;
    }
    pChildInfo = rowInfoFor(pInfo, pChild);
    if( pChildInfo==0 ){   /* cannot happen: plan/ lists every acted-on table */
      rc = mlErrorSet(pCtx->pErr, ML_E_INTERNAL, "referential action on an unplanned table");
      break;
    }
    while( rc==ML_OK && off<list.n ){
      size_t nK = (size_t)list.a[off] | ((size_t)list.a[off+1]<<8);
      const unsigned char *pK = list.a+off+2;
      ArenaMark m = arenaMark(pCtx->pScratch);   /* the child's values */
      Value *aRow = arenaAlloc(pCtx->pScratch, sizeof(Value)*2*(size_t)pChild->nCol);
      Value *aNewRow = aRow + pChild->nCol;
      uint8_t *abSet = arenaAlloc(pCtx->pScratch, (size_t)pChild->nCol+1);
      int bFound, j;
      off += 2+nK;
      if( aRow==0 || abSet==0 ){ rc = mlErrorSet(pCtx->pErr, ML_E_NOMEM); break; }
      rc = rowRead(pCtx, pChild, pK, nK, aRow, &bFound);
      if( rc || !bFound ){ arenaRelease(pCtx->pScratch, m); continue; }
      if( action==AREF_CASCADE && !bUpdate ){
        rc = rowDelete(pCtx, pChildInfo, pK, nK, aRow, iDepth+1);
        arenaRelease(pCtx->pScratch, m);
        continue;
      }
      memcpy(aNewRow, aRow, sizeof(Value)*pChild->nCol);
      memset(abSet, 0, (size_t)pChild->nCol+1);   /* the action sets the FK columns */
      for(j=0; j<pFk->nCol; j++) abSet[pFk->aiCol[j]] = 1;
      for(j=0; rc==ML_OK && j<pFk->nCol; j++){
        int iCol = pFk->aiCol[j];
        const CatColumn *pCol = &pChild->aCol[iCol];
        Value v;
        if( action==AREF_CASCADE ){
          int iRef = pFk->aiRefCol[j];
          rc = execAssign(pCtx, pCol, &aNew[iRef], &pTab->aCol[iRef].type, &aNewRow[iCol]);
        }else if( action==AREF_SET_DEFAULT && pChildInfo->apDefault
               && pChildInfo->apDefault[iCol] ){
          const Expr *pDef = pChildInfo->apDefault[iCol];
          rc = exprEval(pCtx, pDef, &v);
          if( rc==ML_OK ) rc = execAssign(pCtx, pCol, &v, &pDef->type, &aNewRow[iCol]);
        }else{
          memset(&v, 0, sizeof(v));
          v.type = pCol->type.id;
          v.isNull = 1;
          rc = execAssign(pCtx, pCol, &v, &pCol->type, &aNewRow[iCol]);
        }
      }
      if( rc==ML_OK ) rc = rowUpdate(pCtx, pChildInfo, pK, nK, aRow, aNewRow, abSet, iDepth+1);
      arenaRelease(pCtx->pScratch, m);
    }
  }
  strbufFree(&list);
  return rc;
}

/* execRowDelete at action depth iDepth. */
static int rowDelete(ExecCtx *pCtx, const ExecTableInfo *pInfo, const void *pKey,
                     size_t nKey, const Value *aOld, int iDepth){
  const CatTable *pTab = pInfo->pTab;
  int rc = ML_OK;
  if( pInfo->bReread ){
    /* an action of this statement may have changed or deleted the row */
    Value *aCur = arenaAlloc(pCtx->pScratch, sizeof(Value)*(pTab->nCol+1));
    int bFound;
    if( aCur==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
    rc = rowRead(pCtx, pTab, pKey, nKey, aCur, &bFound);
    if( rc || !bFound ) return rc;
    aOld = aCur;
  }
  /* the row goes first, so that a row referencing itself is no child */
  rc = rowIndexDelete(pCtx, pTab, aOld, pKey, nKey);
  if( rc==ML_OK ) rc = txnDelete(pCtx->pTxn, pKey, nKey, pCtx->pErr);
  if( rc==ML_OK ) rc = rowDeleteActions(pCtx, pInfo, aOld, 0, 0, iDepth);
  return rc;
}

int execRowDelete(ExecCtx *pCtx, const ExecTableInfo *pInfo, const void *pKey,
                  size_t nKey, const Value *aOld){
  return rowDelete(pCtx, pInfo, pKey, nKey, aOld, 0);
}

/*
** A row of a table that referential actions of this statement write
** (pInfo->bReread): the statement computed aNew from its copy aOld of the
** row, which an action may since have changed.  Columns the statement
** assigns (abSet) keep its values, the others take the current ones.
** *paOld gets the current row; *pbGone is set when the row is gone (its
** key changed by a cascade: the statement then leaves it alone).
*/
static int rowMergeCurrent(ExecCtx *pCtx, const CatTable *pTab, const void *pKey, size_t nKey,
                           const uint8_t *abSet, const Value **paOld, Value *aNew, int *pbGone){
  Value *aCur = arenaAlloc(pCtx->pScratch, sizeof(Value)*(pTab->nCol+1));
  int i, bFound = 0, rc;
  *pbGone = 0;
  if( aCur==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
  rc = rowRead(pCtx, pTab, pKey, nKey, aCur, &bFound);
  if( rc ) return rc;
  if( !bFound ){ *pbGone = 1; return ML_OK; }
  for(i=0; i<pTab->nCol; i++) if( !abSet[i] ) aNew[i] = aCur[i];
  *paOld = aCur;
  return ML_OK;
}

/* execRowUpdate at action depth iDepth. */
static int rowUpdate(ExecCtx *pCtx, const ExecTableInfo *pInfo, const void *pKey,
                     size_t nKey, const Value *aOld, Value *aNew, const uint8_t *abSet,
                     int iDepth){
  const CatTable *pTab = pInfo->pTab;
  StrBuf newKey, rec;
  SqlType *aType;
  int i, rc;
  if( pInfo->bReread ){
    int bGone;
    rc = rowMergeCurrent(pCtx, pTab, pKey, nKey, abSet, &aOld, aNew, &bGone);
    if( rc || bGone ) return rc;
  }
  aType = arenaAlloc(pCtx->pScratch, sizeof(SqlType)*(pTab->nCol+1));
  if( aType==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
  for(i=0; i<pTab->nCol; i++){
    if( aNew[i].isNull && pTab->aCol[i].notNull ){
      return mlErrorSet(pCtx->pErr, ML_E_NOT_NULL, pTab->aCol[i].zName);
    }
    aType[i] = pTab->aCol[i].type;
  }
  rc = rowChecks(pCtx, pInfo, aNew);
  if( rc ) return rc;
  rc = rowIndexDelete(pCtx, pTab, aOld, pKey, nKey);
  if( rc ) return rc;
  strbufInit(&newKey, 0, 0);
  strbufInit(&rec, 0, 0);
  if( pTab->hasRowid ){
    strbufAppend(&newKey, pKey, nKey);
  }else{
    rc = catEncodeKey(pTab, aNew, 0, &newKey);
  }
  if( rc==ML_OK ) rc = recordEncode(&rec, pTab->nCol, aType, aNew);
  if( rc ) rc = mlErrorSet(pCtx->pErr, rc, "");
  if( rc==ML_OK && (newKey.n!=nKey || memcmp(newKey.a, pKey, nKey)!=0) ){
    const void *pV; size_t nV;
    rc = txnDelete(pCtx->pTxn, pKey, nKey, pCtx->pErr);
    if( rc==ML_OK ){
      rc = txnGet(pCtx->pTxn, newKey.a, newKey.n, TXN_POINT_READ, &pV, &nV, pCtx->pErr);
      if( rc==ML_OK ){
        char zTab[300];
        rowTableName(pTab, zTab, sizeof(zTab));
        rc = mlErrorSet(pCtx->pErr, ML_E_DUPLICATE_KEY, zTab);
      }else if( rc==ML_NOTFOUND ){
        rc = ML_OK;
      }
    }
  }
  if( rc==ML_OK ) rc = rowIndexInsert(pCtx, pTab, aNew, newKey.a, newKey.n);
  if( rc==ML_OK ) rc = txnPut(pCtx->pTxn, newKey.a, newKey.n, rec.a, rec.n, pCtx->pErr);
  /* after the write: the row may reference itself */
  if( rc==ML_OK ) rc = rowDeleteActions(pCtx, pInfo, aOld, 1, aNew, iDepth);
  if( rc==ML_OK && pInfo->bReread ){
    /* the actions may have changed the row itself (it references itself) */
    int bFound = 0;
    Value *aCur = arenaAlloc(pCtx->pScratch, sizeof(Value)*(pTab->nCol+1));
    if( aCur==0 ) rc = mlErrorSet(pCtx->pErr, ML_E_NOMEM);
    if( rc==ML_OK ) rc = rowRead(pCtx, pTab, newKey.a, newKey.n, aCur, &bFound);
    if( rc==ML_OK && bFound ) aNew = aCur;
  }
  if( rc==ML_OK ) rc = rowCheckParents(pCtx, pTab, aNew);
  strbufFree(&newKey);
  strbufFree(&rec);
  return rc;
}

int execRowUpdate(ExecCtx *pCtx, const ExecTableInfo *pInfo, const void *pKey,
                  size_t nKey, const Value *aOld, Value *aNew, const uint8_t *abSet){
  return rowUpdate(pCtx, pInfo, pKey, nKey, aOld, aNew, abSet, 0);
}
