/*
** Table scan (exec/ layer): reads the rows of a base table in primary-key
** order through a merged txn/ cursor, optionally restricted to a key
** range (equality on a key prefix, bounds on the next key column) whose
** values are evaluated at every open, so a scan on the inner side of a
** nested-loop join becomes an index-nested-loop lookup.  The current
** record and key are copied into the operator's buffers, and the columns
** decoded into registers iRegBase.. pointing into that copy.
*/
#include "exec/exec.h"

#include <string.h>

#include "expr/expr.h"
#include "kv/keycodec.h"
#include "kv/record.h"

typedef struct ExecScan {
  ExecOp base;
  const CatTable *pTab;
  uint32_t iTree;          /* tree scanned */
  const CatIndex *pIdx;    /* index scan: the index, else 0 */
  int iRegBase;            /* first column register */
  ExecKeyRange range;
  TxnCursor *pCur;
  StrBuf lo;               /* start key */
  StrBuf hi;               /* keys must not exceed this prefix (0 bytes = none) */
  int bHiPrefix;           /* hi is a prefix: stop when key's prefix > hi */
  StrBuf rec;              /* copy of the current record */
  StrBuf key;              /* copy of the current row key */
  int bFirst;
  int bEmpty;              /* a NULL bound value: no row can match */
  int bMarkRead;           /* FOR UPDATE: every row read joins the
                           ** transaction's read set (validated at COMMIT) */
} ExecScan;

void execScanKey(ExecOp *p, const void **ppKey, size_t *pnKey){
  ExecScan *s = (ExecScan*)p;
  *ppKey = s->key.a;
  *pnKey = s->key.n;
}

/* Key column i of the scanned tree: type and direction. */
static void scanKeyCol(const ExecScan *s, int i, const SqlType **ppType, int *pDesc){
  if( s->pIdx ){
    *ppType = &s->pTab->aCol[s->pIdx->aiCol[i]].type;
    *pDesc = s->pIdx->aDesc[i];
  }else{
    *ppType = &s->pTab->aCol[s->pTab->pPk->aiCol[i]].type;
    *pDesc = 0;
  }
}

/* Build the lo/hi keys from the range expressions. */
static int scanBounds(ExecScan *s, ExecCtx *pCtx){
  int i, rc = ML_OK;
  keyStart(&s->lo, s->iTree);
  s->bEmpty = 0;
  for(i=0; rc==ML_OK && i<s->range.nEq; i++){
    const SqlType *pType; int desc;
    Value v;
    scanKeyCol(s, i, &pType, &desc);
    rc = exprEval(pCtx, s->range.apEq[i], &v);
    if( rc ) return rc;
    if( v.isNull ){ s->bEmpty = 1; return ML_OK; }
    rc = keyAppendValue(&s->lo, &v, pType, desc);
  }
  if( rc ) return mlErrorSet(pCtx->pErr, rc, "");
  strbufReset(&s->hi);
  strbufAppend(&s->hi, s->lo.a, s->lo.n);
  s->bHiPrefix = 1;
  if( s->range.pLo || s->range.pHi ){
    const SqlType *pType; int desc;
    Value v;
    scanKeyCol(s, s->range.nEq, &pType, &desc);
    if( s->range.pLo ){
      rc = exprEval(pCtx, s->range.pLo, &v);
      if( rc ) return rc;
      if( v.isNull ){ s->bEmpty = 1; return ML_OK; }
      rc = keyAppendValue(&s->lo, &v, pType, desc);
    }
    if( rc==ML_OK && s->range.pHi ){
      rc = exprEval(pCtx, s->range.pHi, &v);
      if( rc ) return rc;
      if( v.isNull ){ s->bEmpty = 1; return ML_OK; }
      rc = keyAppendValue(&s->hi, &v, pType, desc);
    }
    if( rc ) return mlErrorSet(pCtx->pErr, rc, "");
  }
  if( s->lo.n>KEY_TRUNC_PREFIX ) s->lo.n = KEY_TRUNC_PREFIX;
  if( s->hi.n>KEY_TRUNC_PREFIX ) s->hi.n = KEY_TRUNC_PREFIX;
  return strbufError(&s->lo) || strbufError(&s->hi) ? mlErrorSet(pCtx->pErr, ML_E_NOMEM) : ML_OK;
}

static int scanOpen(ExecOp *p, ExecCtx *pCtx){
  ExecScan *s = (ExecScan*)p;
  int rc;
  s->bFirst = 1;
  if( s->pCur==0 ){
    rc = txnCursorOpen(pCtx->pTxn, &s->pCur, pCtx->pErr);
    if( rc ) return rc;
  }
  return scanBounds(s, pCtx);
}

/* Load the row the cursor is on into the registers. */
static int scanLoadRow(ExecScan *s, ExecCtx *pCtx, const void *pKey, size_t nKey,
                       const void *pRec, size_t nRec){
  int i, nStored = 0, rc;
  Value *aReg = &pCtx->aReg[s->iRegBase];
  SqlType aType[64];
  SqlType *pTypes = aType;
  if( s->bMarkRead ){
    /* a point read of the row: another transaction's committed change
    ** of it now makes this transaction's COMMIT fail (-10001) */
    rc = txnGet(pCtx->pTxn, pKey, nKey, TXN_POINT_READ, &pRec, &nRec, pCtx->pErr);
    if( rc ) return rc==ML_NOTFOUND ? mlErrorSet(pCtx->pErr, ML_E_INTERNAL, "row vanished") : rc;
  }
  strbufReset(&s->key);
  strbufAppend(&s->key, pKey, nKey);
  strbufReset(&s->rec);
  strbufAppend(&s->rec, pRec, nRec);
  if( strbufError(&s->key) || strbufError(&s->rec) ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
  if( s->pTab->nCol>64 ){
    pTypes = arenaAlloc(pCtx->pScratch, sizeof(SqlType)*s->pTab->nCol);
    if( pTypes==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
  }
  for(i=0; i<s->pTab->nCol; i++) pTypes[i] = s->pTab->aCol[i].type;
  rc = recordDecodeAll(s->rec.a, s->rec.n, s->pTab->nCol, pTypes, aReg, &nStored);
  if( rc ) return mlErrorSet(pCtx->pErr, ML_E_STORAGE, "corrupt row");
  for(i=nStored; i<s->pTab->nCol; i++){
    /* a column the row predates (ALTER TABLE ADD COLUMN is not supported
    ** yet, so this only guards against a shorter record) */
    memset(&aReg[i], 0, sizeof(Value));
    aReg[i].type = s->pTab->aCol[i].type.id;
    aReg[i].isNull = 1;
  }
  return ML_OK;
}

static int scanNext(ExecOp *p, ExecCtx *pCtx){
  ExecScan *s = (ExecScan*)p;
  const void *pKey, *pVal; size_t nKey, nVal;
  int rc;
  for(;;){
    if( s->bEmpty ) return ML_DONE;
    if( s->bFirst ){
      s->bFirst = 0;
      rc = txnCursorSeek(s->pCur, s->lo.a, s->lo.n, KV_SEEK_GE, pCtx->pErr);
      if( rc==ML_NOTFOUND ) rc = ML_DONE;   /* nothing at or after the key */
    }else{
      rc = txnCursorNext(s->pCur, pCtx->pErr);
    }
    if( rc ) return rc;
    if( !txnCursorValid(s->pCur) ) return ML_DONE;
    txnCursorKey(s->pCur, &pKey, &nKey);
    {
      size_t n = nKey<s->hi.n ? nKey : s->hi.n;
      int c = memcmp(pKey, s->hi.a, n);
      if( c>0 ) return ML_DONE;
    }
    txnCursorValue(s->pCur, &pVal, &nVal);
    if( s->pIdx ){
      /* index entry: the value is the row's key */
      const void *pRec; size_t nRec;
      rc = txnGet(pCtx->pTxn, pVal, nVal, 0, &pRec, &nRec, pCtx->pErr);
      if( rc==ML_NOTFOUND ) continue;
      if( rc ) return rc;
      return scanLoadRow(s, pCtx, pVal, nVal, pRec, nRec);
    }
    return scanLoadRow(s, pCtx, pKey, nKey, pVal, nVal);
  }
}

static void scanClose(ExecOp *p, ExecCtx *pCtx){
  ExecScan *s = (ExecScan*)p;
  (void)pCtx;
  if( s->pCur ){ txnCursorClose(s->pCur); s->pCur = 0; }
  strbufFree(&s->lo);
  strbufFree(&s->hi);
  strbufFree(&s->rec);
  strbufFree(&s->key);
}

static void scanExplain(ExecOp *p, StrBuf *pOut){
  ExecScan *s = (ExecScan*)p;
  strbufPrintf(pOut, " %s.%s", s->pTab->zSchema, s->pTab->zName);
  if( s->pIdx ) strbufPrintf(pOut, " USING INDEX %s", s->pIdx->zName);
  if( s->range.nEq || s->range.pLo || s->range.pHi ){
    strbufPrintf(pOut, " (%s key: %d equal%s%s)", s->pIdx ? "index" : "primary",
                 s->range.nEq, s->range.pLo ? ", lower bound" : "",
                 s->range.pHi ? ", upper bound" : "");
  }
  if( s->bMarkRead ) strbufPrintf(pOut, " FOR UPDATE");
}

static const ExecOpVt scanVt = { "SCAN", scanOpen, scanNext, scanClose, scanExplain, 0 };
static const ExecOpVt indexScanVt = { "INDEX SCAN", scanOpen, scanNext, scanClose, scanExplain, 0 };

/*
** FOR UPDATE: the scan under pRoot whose rows pRoot delivers one for one
** (through projections, filters, sorts and OFFSET/FETCH only) is made to
** put every row it reads into the transaction's read set.  Returns 0
** when the rows do not come from one scan that way (a join, grouping,
** DISTINCT ...): the query is not updatable.
*/
int execScanForUpdate(ExecOp *pRoot){
  ExecOp *p = pRoot;
  while( p && p->pRight==0 ){
    if( p->pVt==&scanVt || p->pVt==&indexScanVt ){
      ((ExecScan*)p)->bMarkRead = 1;
      return 1;
    }
    if( !p->pVt->bSameRows ) return 0;
    p = p->pLeft;
  }
  return 0;
}

static ExecScan *scanAlloc(Arena *pA, const CatTable *pTab, int iRegBase, const ExecKeyRange *pRange){
  ExecScan *s = arenaAlloc(pA, sizeof(ExecScan));
  int i;
  if( s==0 ) return 0;
  memset(s, 0, sizeof(*s));
  s->pTab = pTab;
  s->iRegBase = iRegBase;
  if( pRange ) s->range = *pRange;
  s->base.nOut = pTab->nCol;
  s->base.aiOut = arenaAlloc(pA, sizeof(int)*(pTab->nCol+1));
  s->base.aOutType = arenaAlloc(pA, sizeof(SqlType)*(pTab->nCol+1));
  if( s->base.aiOut==0 || s->base.aOutType==0 ) return 0;
  for(i=0; i<pTab->nCol; i++){
    s->base.aiOut[i] = iRegBase+i;
    s->base.aOutType[i] = pTab->aCol[i].type;
  }
  strbufInit(&s->lo, 0, 0);
  strbufInit(&s->hi, 0, 0);
  strbufInit(&s->rec, 0, 0);
  strbufInit(&s->key, 0, 0);
  return s;
}

ExecOp *execScanNew(Arena *pA, const CatTable *pTab, int iRegBase, const ExecKeyRange *pRange){
  ExecScan *s = scanAlloc(pA, pTab, iRegBase, pRange);
  if( s==0 ) return 0;
  s->base.pVt = &scanVt;
  s->iTree = pTab->iTree;
  return &s->base;
}

ExecOp *execIndexScanNew(Arena *pA, const CatIndex *pIdx, int iRegBase, const ExecKeyRange *pRange){
  ExecScan *s = scanAlloc(pA, pIdx->pTable, iRegBase, pRange);
  if( s==0 ) return 0;
  s->base.pVt = &indexScanVt;
  s->pIdx = pIdx;
  s->iTree = pIdx->iTree;
  return &s->base;
}
