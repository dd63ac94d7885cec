/*
** Writing the data dictionary (catalog/ layer): encoding keys of catalog
** and table rows, inserting and deleting SYSTEM rows, handing out object
** ids, and the database's "initialized" mark.  Everything here works in
** the caller's transaction; DDL (exec/) decides when to commit.  No
** constraint checking happens here.
*/
#include "catalog/catalog.h"

#include <assert.h>
#include <string.h>

#include "kv/keycodec.h"
#include "kv/record.h"

static const unsigned char catMetaIdKey[] = { 0, 0, 0, CAT_TREE_META, 'n', 'e', 'x', 't', 'i', 'd' };
static const unsigned char catMetaInitKey[] = { 0, 0, 0, CAT_TREE_META, 'i', 'n', 'i', 't' };

void catValInt(Value *p, int64_t v){
  memset(p, 0, sizeof(*p));
  p->type = SQLT_BIGINT;
  p->u.i = v;
}

void catValStr(Value *p, const char *z){
  memset(p, 0, sizeof(*p));
  p->type = SQLT_NVARCHAR;
  if( z==0 ){ p->isNull = 1; return; }
  p->u.s.z = z;
  p->u.s.n = (uint32_t)strlen(z);
}

void catValNull(Value *p){
  memset(p, 0, sizeof(*p));
  p->isNull = 1;
}

/*
** Key of a row of pTab: tree id, then the primary key columns taken from
** aVal (indexed by column position), or the hidden rowid iRowid.  Returns
** ML_OK or a key codec error (ML_E_LOB_IN_KEY, ML_E_NOMEM, ...).
*/
int catEncodeKey(const CatTable *pTab, const Value *aVal, int64_t iRowid, StrBuf *pKey){
  int rc = ML_OK, i;
  keyStart(pKey, pTab->iTree);
  if( pTab->hasRowid ){
    static const SqlType tBig = { SQLT_BIGINT, 0, 0, 0, 0 };
    Value v;
    catValInt(&v, iRowid);
    rc = keyAppendValue(pKey, &v, &tBig, 0);
  }else{
    const CatConstraint *pPk = pTab->pPk;
    assert( pPk );
    for(i=0; rc==ML_OK && i<pPk->nCol; i++){
      int iCol = pPk->aiCol[i];
      rc = keyAppendValue(pKey, &aVal[iCol], &pTab->aCol[iCol].type, 0);
    }
  }
  if( rc==ML_OK ) rc = keyFinish(pKey, 0);
  return rc;
}

/* Key of a SYSTEM row: its first nPk columns, or rowid 1 (ONEROW). */
static int catSysKey(const SysTable *pSys, const Value *aVal, StrBuf *pKey){
  int rc = ML_OK, i;
  keyStart(pKey, pSys->iTree);
  if( pSys->nPk==0 ){
    static const SqlType tBig = { SQLT_BIGINT, 0, 0, 0, 0 };
    Value v;
    catValInt(&v, 1);
    rc = keyAppendValue(pKey, &v, &tBig, 0);
  }
  for(i=0; rc==ML_OK && i<pSys->nPk; i++){
    rc = keyAppendValue(pKey, &aVal[i], &pSys->aCol[i].type, 0);
  }
  if( rc==ML_OK ) rc = keyFinish(pKey, 0);
  return rc;
}

/*
** Insert (or overwrite) a row of SYSTEM table iSys.  aVal holds one value
** per column, integers as BIGINT values and strings as any string value.
*/
int catSysInsert(Txn *pTxn, uint32_t iSys, const Value *aVal, MlError *pErr){
  const SysTable *pSys = catSysTable(iSys);
  SqlType aType[16];
  Value aConv[16];
  unsigned char aKeyBuf[256], aRecBuf[512];
  StrBuf key, rec;
  int rc, i;
  assert( pSys && pSys->nCol<=16 );
  for(i=0; i<pSys->nCol; i++){
    aType[i] = pSys->aCol[i].type;
    aConv[i] = aVal[i];
    if( !aConv[i].isNull ) aConv[i].type = aType[i].id==SQLT_SMALLINT
        || aType[i].id==SQLT_INTEGER || aType[i].id==SQLT_BIGINT ? aConv[i].type : aType[i].id;
  }
  strbufInit(&key, aKeyBuf, sizeof(aKeyBuf));
  strbufInit(&rec, aRecBuf, sizeof(aRecBuf));
  rc = catSysKey(pSys, aConv, &key);
  if( rc==ML_OK ) rc = recordEncode(&rec, pSys->nCol, aType, aConv);
  if( rc==ML_OK ){
    rc = txnPut(pTxn, key.a, key.n, rec.a, rec.n, pErr);
  }else{
    mlErrorSet(pErr, rc, " in the data dictionary");
  }
  strbufFree(&key);
  strbufFree(&rec);
  return rc;
}

/* Delete the keys listed in pList (each as a 2-byte length + bytes). */
static int catDeleteKeys(Txn *pTxn, const StrBuf *pList, MlError *pErr){
  size_t i = 0;
  int rc = ML_OK;
  while( rc==ML_OK && i<pList->n ){
    size_t n = (size_t)pList->a[i] | ((size_t)pList->a[i+1]<<8);
    rc = txnDelete(pTxn, pList->a+i+2, n, pErr);
    i += 2 + n;
  }
  return rc;
}

static void catListKey(StrBuf *pList, const void *pKey, size_t nKey){
  strbufAppendByte(pList, (unsigned char)(nKey & 0xff));
  strbufAppendByte(pList, (unsigned char)(nKey >> 8));
  strbufAppend(pList, pKey, nKey);
}

/*
** Delete all rows of SYSTEM table iSys whose leading key column is id.
** Keys are collected first and deleted after the scan.
*/
int catSysDeleteId(Txn *pTxn, uint32_t iSys, int64_t id, MlError *pErr){
  static const SqlType tBig = { SQLT_BIGINT, 0, 0, 0, 0 };
  unsigned char aPre[32];
  StrBuf pre, list;
  TxnCursor *pCur = 0;
  Value v;
  int rc;
  strbufInit(&pre, aPre, sizeof(aPre));
  strbufInit(&list, 0, 0);
  keyStart(&pre, iSys);
  catValInt(&v, id);
  rc = keyAppendValue(&pre, &v, &tBig, 0);
  if( rc ) return mlErrorSet(pErr, rc);
  rc = txnCursorOpen(pTxn, &pCur, pErr);
  if( rc==ML_OK ) rc = txnCursorSeek(pCur, pre.a, pre.n, KV_SEEK_GE, pErr);
  if( rc==ML_NOTFOUND ) rc = ML_DONE;   /* nothing at or after the key */
  while( rc==ML_OK && txnCursorValid(pCur) ){
    const void *pKey; size_t nKey;
    txnCursorKey(pCur, &pKey, &nKey);
    if( nKey<pre.n || memcmp(pKey, pre.a, pre.n)!=0 ) break;
    catListKey(&list, pKey, nKey);
    rc = txnCursorNext(pCur, pErr);
  }
  if( rc==ML_DONE ) rc = ML_OK;
  if( pCur ) txnCursorClose(pCur);
  if( rc==ML_OK ) rc = strbufError(&list);
  if( rc==ML_OK ) rc = catDeleteKeys(pTxn, &list, pErr);
  strbufFree(&list);
  strbufFree(&pre);
  return rc;
}

/* Delete all rows of SYSTEM table iSys whose integer column iCol is id. */
int catSysDeleteWhere(Txn *pTxn, uint32_t iSys, int iCol, int64_t id, MlError *pErr){
  const SysTable *pSys = catSysTable(iSys);
  unsigned char aPre[4];
  StrBuf list;
  TxnCursor *pCur = 0;
  int rc;
  assert( pSys && iCol<pSys->nCol );
  keyEncodeTreeId(iSys, aPre);
  strbufInit(&list, 0, 0);
  rc = txnCursorOpen(pTxn, &pCur, pErr);
  if( rc==ML_OK ) rc = txnCursorSeek(pCur, aPre, 4, KV_SEEK_GE, pErr);
  if( rc==ML_NOTFOUND ) rc = ML_DONE;   /* nothing at or after the key */
  while( rc==ML_OK && txnCursorValid(pCur) ){
    const void *pKey, *pRec; size_t nKey, nRec;
    Value v;
    txnCursorKey(pCur, &pKey, &nKey);
    if( nKey<4 || memcmp(pKey, aPre, 4)!=0 ) break;
    txnCursorValue(pCur, &pRec, &nRec);
    rc = recordDecodeColumn(pRec, nRec, iCol, &pSys->aCol[iCol].type, &v);
    if( rc==ML_NOTFOUND ){ rc = ML_OK; v.isNull = 1; }
    if( rc ){ mlErrorSet(pErr, rc, "corrupt data dictionary row"); break; }
    if( !v.isNull && v.u.i==id ) catListKey(&list, pKey, nKey);
    rc = txnCursorNext(pCur, pErr);
  }
  if( rc==ML_DONE ) rc = ML_OK;
  if( pCur ) txnCursorClose(pCur);
  if( rc==ML_OK ) rc = strbufError(&list);
  if( rc==ML_OK ) rc = catDeleteKeys(pTxn, &list, pErr);
  strbufFree(&list);
  return rc;
}

/* Do v (decoded) and w (given) hold the same integer or string, or NULL? */
static int catSameValue(const Value *v, const Value *w){
  if( v->isNull || w->isNull ) return v->isNull && w->isNull;
  if( SQLT_IS_CHARACTER(w->type) ){
    return SQLT_IS_CHARACTER(v->type) && v->u.s.n==w->u.s.n
        && memcmp(v->u.s.z, w->u.s.z, w->u.s.n)==0;
  }
  return !SQLT_IS_CHARACTER(v->type) && v->u.i==w->u.i;
}

int catSysDeleteRow(Txn *pTxn, uint32_t iSys, const Value *aVal, int nVal, MlError *pErr){
  static const SqlType tBig = { SQLT_BIGINT, 0, 0, 0, 0 };
  const SysTable *pSys = catSysTable(iSys);
  unsigned char aPre[32];
  StrBuf pre, list;
  TxnCursor *pCur = 0;
  int rc;
  assert( pSys && nVal<=pSys->nCol && pSys->aCol[0].type.id==SQLT_BIGINT );
  strbufInit(&pre, aPre, sizeof(aPre));
  strbufInit(&list, 0, 0);
  keyStart(&pre, iSys);
  rc = keyAppendValue(&pre, &aVal[0], &tBig, 0);
  if( rc ) return mlErrorSet(pErr, rc);
  rc = txnCursorOpen(pTxn, &pCur, pErr);
  if( rc==ML_OK ) rc = txnCursorSeek(pCur, pre.a, pre.n, KV_SEEK_GE, pErr);
  if( rc==ML_NOTFOUND ) rc = ML_DONE;   /* nothing at or after the key */
  while( rc==ML_OK && txnCursorValid(pCur) ){
    const void *pKey, *pRec; size_t nKey, nRec;
    int i, bSame = 1;
    txnCursorKey(pCur, &pKey, &nKey);
    if( nKey<pre.n || memcmp(pKey, pre.a, pre.n)!=0 ) break;
    txnCursorValue(pCur, &pRec, &nRec);
    for(i=1; rc==ML_OK && bSame && i<nVal; i++){
      Value v;
      rc = recordDecodeColumn(pRec, nRec, i, &pSys->aCol[i].type, &v);
      if( rc==ML_NOTFOUND ){ rc = ML_OK; v.isNull = 1; }
      if( rc ){ rc = mlErrorSet(pErr, ML_E_STORAGE, "corrupt data dictionary row"); break; }
      bSame = catSameValue(&v, &aVal[i]);
    }
    if( rc ) break;
    if( bSame ) catListKey(&list, pKey, nKey);
    rc = txnCursorNext(pCur, pErr);
  }
  if( rc==ML_DONE ) rc = ML_OK;
  if( pCur ) txnCursorClose(pCur);
  if( rc==ML_OK ) rc = strbufError(&list);
  if( rc==ML_OK ) rc = catDeleteKeys(pTxn, &list, pErr);
  strbufFree(&list);
  strbufFree(&pre);
  return rc;
}

static void catPut64(unsigned char *a, uint64_t v){
  int i;
  for(i=7; i>=0; i--){ a[i] = (unsigned char)(v & 0xff); v >>= 8; }
}

static uint64_t catGet64(const unsigned char *a){
  uint64_t v = 0;
  int i;
  for(i=0; i<8; i++) v = (v<<8) | a[i];
  return v;
}

/*
** A fresh object id from the counter in the meta tree.  The counter is
** written in pTxn, so two concurrent DDL transactions conflict on it (as
** they do on the catalog version anyway).
*/
int catNewObjectId(Txn *pTxn, int64_t *pId, MlError *pErr){
  const void *pVal; size_t nVal;
  unsigned char a[8];
  uint64_t v = CAT_FIRST_USER_ID;
  int rc = txnGet(pTxn, catMetaIdKey, sizeof(catMetaIdKey), 0, &pVal, &nVal, pErr);
  if( rc<0 ) return rc;
  if( rc==ML_OK ){
    if( nVal!=8 ) return mlErrorSet(pErr, ML_E_STORAGE, "malformed object id counter");
    v = catGet64(pVal);
  }
  *pId = (int64_t)v;
  catPut64(a, v+1);
  return txnPut(pTxn, catMetaIdKey, sizeof(catMetaIdKey), a, 8, pErr);
}

int catIsInitialized(Txn *pTxn, int *pbInit, MlError *pErr){
  const void *pVal; size_t nVal;
  int rc = txnGet(pTxn, catMetaInitKey, sizeof(catMetaInitKey), 0, &pVal, &nVal, pErr);
  if( rc<0 ) return rc;
  *pbInit = rc==ML_OK;
  return ML_OK;
}

int catMarkInitialized(Txn *pTxn, MlError *pErr){
  static const unsigned char one = 1;
  return txnPut(pTxn, catMetaInitKey, sizeof(catMetaInitKey), &one, 1, pErr);
}

size_t catSequenceKey(int64_t id, unsigned char *aKey){
  keyEncodeTreeId(CAT_TREE_SEQSTATE, aKey);
  catPut64(aKey+4, (uint64_t)id);
  return 12;
}
