/*
** Row writes with integrity checking (exec/ layer): the one place that
** inserts, deletes and updates rows of base tables for INSERT, UPDATE and
** DELETE.  It enforces NOT NULL, CHECK, PRIMARY KEY, UNIQUE and FOREIGN
** KEY constraints, runs referential actions (ON DELETE and ON UPDATE
** CASCADE / SET NULL / SET DEFAULT), and keeps every index in step.  Keys a check depends on
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

/* FOREIGN KEY: the referenced row must exist (unless a key column is NULL). */
static int rowCheckParents(ExecCtx *pCtx, const CatTable *pTab, const Value *aVal){
  StrBuf k;
  int i, j, rc = ML_OK;
  strbufInit(&k, 0, 0);
  for(i=0; rc==ML_OK && i<pTab->nCons; i++){
    const CatConstraint *pFk = pTab->apCons[i];
    const CatConstraint *pRefCons;
    const void *pV; size_t nV;
    if( pFk->kind!=CAT_CONS_FK || rowAnyNull(aVal, pFk->nCol, pFk->aiCol) ) continue;
    pRefCons = pFk->pRefCons;
    assert( pRefCons );
    keyStart(&k, pRefCons->kind==CAT_CONS_PK ? pFk->pRef->iTree : pRefCons->pIndex->iTree);
    /* values in the order of the referenced key's columns */
    for(j=0; rc==ML_OK && j<pRefCons->nCol; j++){
      int m, iRef = pRefCons->aiCol[j];
      for(m=0; m<pFk->nCol && pFk->aiRefCol[m]!=iRef; m++){}
      assert( m<pFk->nCol );
      rc = keyAppendValue(&k, &aVal[pFk->aiCol[m]], &pFk->pRef->aCol[iRef].type, 0);
    }
    if( rc==ML_OK ) rc = keyFinish(&k, 0);
    if( rc ){ rc = mlErrorSet(pCtx->pErr, rc, ""); break; }
    rc = txnGet(pCtx->pTxn, k.a, k.n, TXN_POINT_READ, &pV, &nV, pCtx->pErr);
    if( rc==ML_NOTFOUND ){
      char zTab[300];
      rowTableName(pFk->pRef, zTab, sizeof(zTab));
      rc = mlErrorSet(pCtx->pErr, ML_E_FK_NO_PARENT, pFk->zName, zTab);
    }
  }
  strbufFree(&k);
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

/*
** Children of a parent row through foreign key pFk: the child row keys,
** collected from the FK's index (prefix = the parent's key values).
*/
static int rowFindChildren(ExecCtx *pCtx, const CatConstraint *pFk, const Value *aParent,
                           StrBuf *pList, int *pnChild){
  const CatIndex *pIdx = pFk->pIndex;
  StrBuf pre;
  TxnCursor *pCur = 0;
  int j, rc = ML_OK;
  *pnChild = 0;
  strbufReset(pList);
  for(j=0; j<pFk->nCol; j++) if( aParent[pFk->aiRefCol[j]].isNull ) return ML_OK;
  assert( pIdx && pIdx->nCol==pFk->nCol );
  strbufInit(&pre, 0, 0);
  keyStart(&pre, pIdx->iTree);
  for(j=0; rc==ML_OK && j<pFk->nCol; j++){
    rc = keyAppendValue(&pre, &aParent[pFk->aiRefCol[j]], &pFk->pTable->aCol[pFk->aiCol[j]].type, 0);
  }
  if( rc ){ strbufFree(&pre); return mlErrorSet(pCtx->pErr, rc, ""); }
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
    rc = txnCursorNext(pCur, pCtx->pErr);
  }
  if( rc==ML_DONE ) rc = ML_OK;
  if( pCur ) txnCursorClose(pCur);
  strbufFree(&pre);
  return rc;
}

/* Read a row by key into aOut (strings in the scratch arena). */
static int rowRead(ExecCtx *pCtx, const CatTable *pTab, const void *pKey, size_t nKey,
                   Value *aOut, int *pbFound){
  const void *pRec; size_t nRec;
  SqlType aType[ROW_MAX_COLS];
  void *pCopy;
  int i, rc = txnGet(pCtx->pTxn, pKey, nKey, 0, &pRec, &nRec, pCtx->pErr);
  *pbFound = 0;
  if( rc==ML_NOTFOUND ) return ML_OK;
  if( rc ) return rc;
  pCopy = arenaDup(pCtx->pScratch, pRec, nRec ? nRec : 1);
  if( pCopy==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
  for(i=0; i<pTab->nCol; i++) aType[i] = pTab->aCol[i].type;
  rc = recordDecodeAll(pCopy, nRec, pTab->nCol, aType, aOut, 0);
  if( rc ) return mlErrorSet(pCtx->pErr, ML_E_STORAGE, "corrupt row");
  *pbFound = 1;
  return ML_OK;
}

/* Is pTab referenced by a foreign key of its own? */
static int rowSelfReferencing(const CatTable *pTab){
  int i;
  for(i=0; i<pTab->nRefBy; i++) if( pTab->apRefBy[i]->pTable==pTab ) return 1;
  return 0;
}

/*
** Referential actions for parent row aOld of pTab going away (bUpdate 0)
** or changing to aNew (bUpdate 1), run after the parent row is written:
** RESTRICT / NO ACTION fail with -10104 if children remain, CASCADE deletes
** them or gives them the new key, SET NULL / SET DEFAULT (NULL defaults
** only, else -12298) update them.  ON UPDATE actions that change rows of a
** self-referencing table are -12298 (the statement may still hold those
** rows' old values).
*/
static int rowDeleteActions(ExecCtx *pCtx, const CatTable *pTab, const Value *aOld, int bUpdate,
                            const Value *aNew){
  StrBuf list;
  int i, rc = ML_OK;
  strbufInit(&list, 0, 0);
  for(i=0; rc==ML_OK && i<pTab->nRefBy; i++){
    const CatConstraint *pFk = pTab->apRefBy[i];
    const CatTable *pChild = pFk->pTable;
    ExecTableInfo child;
    int nChild, action = bUpdate ? pFk->onUpdate : pFk->onDelete;
    size_t off = 0;
    if( bUpdate ){
      int j, bSame = 1;
      for(j=0; j<pFk->nCol; j++){
        const Value *a = &aOld[pFk->aiRefCol[j]], *b = &aNew[pFk->aiRefCol[j]];
        int cmp = 1;
        const SqlType *t = &pTab->aCol[pFk->aiRefCol[j]].type;
        if( a->isNull!=b->isNull ){ bSame = 0; break; }
        if( a->isNull ) continue;
        {
          StrBuf x, y;
          strbufInit(&x, 0, 0); strbufInit(&y, 0, 0);
          keyAppendValue(&x, a, t, 0);
          keyAppendValue(&y, b, t, 0);
          cmp = x.n!=y.n || memcmp(x.a, y.a, x.n)!=0;
          strbufFree(&x); strbufFree(&y);
        }
        if( cmp ){ bSame = 0; break; }
      }
      if( bSame ) continue;
    }
    rc = rowFindChildren(pCtx, pFk, aOld, &list, &nChild);
    if( rc || nChild==0 ) continue;
    if( action==AREF_NONE || action==AREF_RESTRICT ){
      char zTab[300];
      rowTableName(pChild, zTab, sizeof(zTab));
      rc = mlErrorSet(pCtx->pErr, ML_E_FK_HAS_CHILDREN, pFk->zName, zTab);
      break;
    }
    if( bUpdate && pChild==pTab ){
      rc = mlErrorSet(pCtx->pErr, ML_E_NOT_SUPPORTED, "ON UPDATE actions of a self-referencing foreign key");
      break;
    }
    memset(&child, 0, sizeof(child));
    child.pTab = pChild;
    while( rc==ML_OK && off<list.n ){
      size_t nK = (size_t)list.a[off] | ((size_t)list.a[off+1]<<8);
      const unsigned char *pK = list.a+off+2;
      Value aRow[ROW_MAX_COLS], aNewRow[ROW_MAX_COLS];
      int bFound, j;
      off += 2+nK;
      rc = rowRead(pCtx, pChild, pK, nK, aRow, &bFound);
      if( rc || !bFound ) continue;
      if( action==AREF_CASCADE && !bUpdate ){
        rc = execRowDelete(pCtx, &child, pK, nK, aRow);
      }else{
        memcpy(aNewRow, aRow, sizeof(Value)*pChild->nCol);
        for(j=0; rc==ML_OK && j<pFk->nCol; j++){
          CatColumn *pCol = &pChild->aCol[pFk->aiCol[j]];
          Value *pV = &aNewRow[pFk->aiCol[j]];
          if( action==AREF_CASCADE ){
            int iRef = pFk->aiRefCol[j];
            rc = execAssign(pCtx, pCol, &aNew[iRef], &pTab->aCol[iRef].type, pV);
            continue;
          }
          memset(pV, 0, sizeof(Value));
          pV->type = pCol->type.id;
          pV->isNull = 1;
          if( action==AREF_SET_DEFAULT && pCol->pDefault ){
            rc = mlErrorSet(pCtx->pErr, ML_E_NOT_SUPPORTED, "SET DEFAULT with a non-NULL default");
          }
        }
        if( rc==ML_OK ) rc = execRowUpdate(pCtx, &child, pK, nK, aRow, aNewRow);
      }
    }
  }
  strbufFree(&list);
  return rc;
}

int execRowDelete(ExecCtx *pCtx, const ExecTableInfo *pInfo, const void *pKey,
                  size_t nKey, const Value *aOld){
  const CatTable *pTab = pInfo->pTab;
  int rc = ML_OK;
  if( rowSelfReferencing(pTab) ){
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
  if( rc==ML_OK ) rc = rowDeleteActions(pCtx, pTab, aOld, 0, 0);
  return rc;
}

int execRowUpdate(ExecCtx *pCtx, const ExecTableInfo *pInfo, const void *pKey,
                  size_t nKey, const Value *aOld, Value *aNew){
  const CatTable *pTab = pInfo->pTab;
  StrBuf newKey, rec;
  SqlType aType[ROW_MAX_COLS];
  int i, rc;
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
  if( rc==ML_OK ) rc = rowDeleteActions(pCtx, pTab, aOld, 1, aNew);
  if( rc==ML_OK ) rc = rowCheckParents(pCtx, pTab, aNew);
  strbufFree(&newKey);
  strbufFree(&rec);
  return rc;
}
