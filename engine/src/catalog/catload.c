/*
** Loading the in-memory Catalog from the SYSTEM tables (catalog/ layer),
** and the look-up functions over it.  A load reads every dictionary row
** through one transaction, so the picture is consistent with that
** transaction's snapshot; all strings and arrays are copied into the
** catalog's arena.  Rows of each SYSTEM table come in key order, which is
** object-id order, so objects can be found by binary search while linking.
*/
#include "catalog/catalog.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "kv/keycodec.h"
#include "kv/record.h"
#include "sql/parse.h"
#include "types/strings.h"

/* All rows of one SYSTEM table, decoded, strings copied to the arena. */
typedef struct CatRows {
  int n;
  Value **a;               /* [n] rows of nCol values */
} CatRows;

/* Next code point of NUL-terminated UTF-8 *pz (malformed bytes as is). */
static uint32_t catNextChar(const char **pz){
  const unsigned char *z = (const unsigned char*)*pz;
  uint32_t c = z[0];
  int n = 1, k;
  if( c>=0xC0 ){
    n = c>=0xF0 ? 4 : c>=0xE0 ? 3 : 2;
    c &= (0x7F >> n);
    for(k=1; k<n; k++){
      if( (z[k] & 0xC0)!=0x80 ){ n = 1; c = z[0]; break; }
      c = (c<<6) | (z[k] & 0x3F);
    }
  }
  *pz += n;
  return c;
}

/*
** Case-insensitive identifier equality (Mimer 11: case is never
** significant), by simple upper-case mapping of every code point.
*/
int catNameEq(const char *zA, const char *zB){
  if( zA==0 || zB==0 ) return 0;
  while( *zA && *zB ){
    if( strToUpper(catNextChar(&zA))!=strToUpper(catNextChar(&zB)) ) return 0;
  }
  return *zA==*zB;
}

/* Read every row of SYSTEM table iSys into *pRows. */
static int catReadRows(Txn *pTxn, Arena *pA, uint32_t iSys, CatRows *pRows, MlError *pErr){
  const SysTable *pSys = catSysTable(iSys);
  unsigned char aPre[4];
  TxnCursor *pCur = 0;
  int nAlloc = 0, rc;
  memset(pRows, 0, sizeof(*pRows));
  keyEncodeTreeId(iSys, aPre);
  rc = txnCursorOpen(pTxn, &pCur, pErr);
  if( rc==ML_OK ) rc = txnCursorSeek(pCur, aPre, 4, KV_SEEK_GE, pErr);
  if( rc==ML_NOTFOUND ) rc = ML_DONE;   /* nothing at or after the key */
  while( rc==ML_OK && txnCursorValid(pCur) ){
    const void *pKey, *pRec; size_t nKey, nRec;
    Value *aVal;
    int i;
    txnCursorKey(pCur, &pKey, &nKey);
    if( nKey<4 || memcmp(pKey, aPre, 4)!=0 ) break;
    txnCursorValue(pCur, &pRec, &nRec);
    aVal = arenaAlloc(pA, sizeof(Value)*pSys->nCol);
    if( aVal==0 ){ rc = mlErrorSet(pErr, ML_E_NOMEM); break; }
    memset(aVal, 0, sizeof(Value)*pSys->nCol);
    {
      SqlType aType[16];
      for(i=0; i<pSys->nCol; i++) aType[i] = pSys->aCol[i].type;
      rc = recordDecodeAll(pRec, nRec, pSys->nCol, aType, aVal, 0);
    }
    if( rc ){ rc = mlErrorSet(pErr, ML_E_STORAGE, "corrupt data dictionary row"); break; }
    for(i=0; i<pSys->nCol; i++){
      if( !aVal[i].isNull && (SQLT_IS_CHARACTER(aVal[i].type)) ){
        char *z = arenaStrndup(pA, aVal[i].u.s.z, aVal[i].u.s.n);
        if( z==0 ){ rc = mlErrorSet(pErr, ML_E_NOMEM); break; }
        aVal[i].u.s.z = z;
      }
    }
    if( rc ) break;
    if( pRows->n==nAlloc ){
      int nNew = nAlloc ? nAlloc*2 : 16;
      Value **aNew = arenaAlloc(pA, sizeof(Value*)*nNew);
      if( aNew==0 ){ rc = mlErrorSet(pErr, ML_E_NOMEM); break; }
      if( pRows->n ) memcpy(aNew, pRows->a, sizeof(Value*)*pRows->n);
      pRows->a = aNew;
      nAlloc = nNew;
    }
    pRows->a[pRows->n++] = aVal;
    rc = txnCursorNext(pCur, pErr);
  }
  if( rc==ML_DONE ) rc = ML_OK;
  if( pCur ) txnCursorClose(pCur);
  return rc;
}

/* Column accessors for a decoded SYSTEM row. */
static int64_t catI(const Value *a, int i){ return a[i].isNull ? 0 : a[i].u.i; }
static const char *catS(const Value *a, int i){ return a[i].isNull ? 0 : a[i].u.s.z; }
static int catYes(const Value *a, int i){ const char *z = catS(a, i); return z && z[0]=='Y'; }

static void *catAllocZero(Arena *pA, size_t n){
  void *p = arenaAlloc(pA, n ? n : 1);
  if( p ) memset(p, 0, n ? n : 1);
  return p;
}

/* Binary search of a table by id in the id-ordered apTable[iFrom..]. */
static CatTable *catTableById(const Catalog *p, int64_t id){
  int lo = 0, hi = p->nTable-1;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    if( p->apTable[mid]->id==id ) return p->apTable[mid];
    if( p->apTable[mid]->id<id ) lo = mid+1; else hi = mid-1;
  }
  return 0;
}

static CatConstraint *catConsById(const Catalog *p, int64_t id){
  int lo = 0, hi = p->nCons-1;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    if( p->apCons[mid]->id==id ) return p->apCons[mid];
    if( p->apCons[mid]->id<id ) lo = mid+1; else hi = mid-1;
  }
  return 0;
}

static CatIndex *catIndexById(const Catalog *p, int64_t id){
  int lo = 0, hi = p->nIndex-1;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    if( p->apIndex[mid]->id==id ) return p->apIndex[mid];
    if( p->apIndex[mid]->id<id ) lo = mid+1; else hi = mid-1;
  }
  return 0;
}

static int catRefAction(const char *z){
  if( z==0 ) return AREF_NONE;
  if( strcmp(z, "CASCADE")==0 ) return AREF_CASCADE;
  if( strcmp(z, "SET NULL")==0 ) return AREF_SET_NULL;
  if( strcmp(z, "SET DEFAULT")==0 ) return AREF_SET_DEFAULT;
  if( strcmp(z, "RESTRICT")==0 ) return AREF_RESTRICT;
  return AREF_NONE;
}

/* Parse a stored expression text into the catalog arena. */
static int catParseExpr(Catalog *p, const char *z, AstExpr **ppExpr, MlError *pErr){
  int rc;
  *ppExpr = 0;
  if( z==0 ) return ML_OK;
  rc = sqlParseExpr(&p->arena, z, strlen(z), ppExpr, pErr);
  if( rc && rc!=ML_E_NOMEM ){
    rc = mlErrorSet(pErr, ML_E_STORAGE, "unreadable expression in the data dictionary");
  }
  return rc;
}

/* Build the CatTable objects of the SYSTEM tables themselves. */
static int catAddSystemTables(Catalog *p, CatTable **apOut){
  uint32_t t;
  for(t=CAT_SYS_FIRST; t<CAT_SYS_END_; t++){
    const SysTable *pSys = catSysTable(t);
    CatTable *pTab = catAllocZero(&p->arena, sizeof(CatTable));
    int i;
    if( pTab==0 ) return ML_E_NOMEM;
    pTab->id = t;
    pTab->zSchema = "SYSTEM";
    pTab->zName = pSys->zName;
    pTab->isSystem = 1;
    pTab->iTree = t;
    pTab->nCol = pSys->nCol;
    pTab->aCol = catAllocZero(&p->arena, sizeof(CatColumn)*pSys->nCol);
    if( pTab->aCol==0 ) return ML_E_NOMEM;
    for(i=0; i<pSys->nCol; i++){
      pTab->aCol[i].zName = pSys->aCol[i].zName;
      pTab->aCol[i].type = pSys->aCol[i].type;
      pTab->aCol[i].notNull = i<pSys->nPk;
      /* index ranges compare encoded keys exactly: no collated key column */
      assert( i>=pSys->nPk || !SQLT_IS_IDENT_COLL(&pSys->aCol[i].type) );
    }
    if( pSys->nPk ){
      CatConstraint *pPk = catAllocZero(&p->arena, sizeof(CatConstraint));
      if( pPk==0 ) return ML_E_NOMEM;
      pPk->kind = CAT_CONS_PK;
      pPk->zSchema = "SYSTEM";
      pPk->zName = pSys->zName;
      pPk->pTable = pTab;
      pPk->nCol = pSys->nPk;
      pPk->aiCol = catAllocZero(&p->arena, sizeof(int)*pSys->nPk);
      if( pPk->aiCol==0 ) return ML_E_NOMEM;
      for(i=0; i<pSys->nPk; i++) pPk->aiCol[i] = i;
      pTab->pPk = pPk;
    }else{
      pTab->hasRowid = 1;
    }
    apOut[t-CAT_SYS_FIRST] = pTab;
  }
  return ML_OK;
}

static void catTypeFromRow(SqlType *pT, const Value *a, int iType){
  memset(pT, 0, sizeof(*pT));
  pT->id = (uint8_t)catI(a, iType);
  pT->intervalKind = (uint8_t)catI(a, iType+1);
  pT->length = (uint32_t)catI(a, iType+2);
  pT->precision = (uint8_t)catI(a, iType+3);
  pT->scale = (uint8_t)catI(a, iType+4);
}

/* Load tables, columns, constraints and indexes; link them together. */
static int catLoadTables(Catalog *p, Txn *pTxn, MlError *pErr){
  Arena *pA = &p->arena;
  CatRows tabs, cols, cons, kcols, idxs, icols;
  int rc, i, j, nSys = CAT_SYS_COUNT;
  rc = catReadRows(pTxn, pA, CAT_SYS_TABLES, &tabs, pErr);
  if( rc==ML_OK ) rc = catReadRows(pTxn, pA, CAT_SYS_COLUMNS, &cols, pErr);
  if( rc==ML_OK ) rc = catReadRows(pTxn, pA, CAT_SYS_CONSTRAINTS, &cons, pErr);
  if( rc==ML_OK ) rc = catReadRows(pTxn, pA, CAT_SYS_KEY_COLUMNS, &kcols, pErr);
  if( rc==ML_OK ) rc = catReadRows(pTxn, pA, CAT_SYS_INDEXES, &idxs, pErr);
  if( rc==ML_OK ) rc = catReadRows(pTxn, pA, CAT_SYS_INDEX_COLUMNS, &icols, pErr);
  if( rc ) return rc;

  /* Tables: system ones first (ids 16..), the INFORMATION_SCHEMA views
  ** (ids 64..), then user ones in id order. */
  p->nTable = nSys + catInfoSchemaCount() + tabs.n;
  p->apTable = catAllocZero(pA, sizeof(CatTable*)*p->nTable);
  if( p->apTable==0 ) return ML_E_NOMEM;
  rc = catAddSystemTables(p, p->apTable);
  if( rc==ML_OK ) rc = catInfoSchemaViews(p, p->apTable+nSys);
  if( rc==ML_E_INTERNAL ) return mlErrorSet(pErr, rc, "malformed INFORMATION_SCHEMA view");
  if( rc ) return rc;
  nSys += catInfoSchemaCount();
  for(i=0; i<tabs.n; i++){
    const Value *a = tabs.a[i];
    CatTable *pTab = catAllocZero(pA, sizeof(CatTable));
    const char *zType = catS(a, 3);
    if( pTab==0 ) return ML_E_NOMEM;
    pTab->id = catI(a, 0);
    pTab->zSchema = catS(a, 1);
    pTab->zName = catS(a, 2);
    pTab->isView = zType && strcmp(zType, "VIEW")==0;
    pTab->iTree = (uint32_t)catI(a, 4);
    pTab->zDatabank = catS(a, 5);
    pTab->zViewText = catS(a, 6);
    pTab->hasRowid = catYes(a, 7);
    p->apTable[nSys+i] = pTab;
  }

  /* Columns: rows are ordered by (table id, position). */
  for(i=0; i<cols.n; ){
    CatTable *pTab = catTableById(p, catI(cols.a[i], 0));
    int n = 0;
    while( i+n<cols.n && catI(cols.a[i+n], 0)==catI(cols.a[i], 0) ) n++;
    if( pTab==0 ) return mlErrorSet(pErr, ML_E_STORAGE, "column of an unknown table");
    pTab->nCol = n;
    pTab->aCol = catAllocZero(pA, sizeof(CatColumn)*n);
    if( pTab->aCol==0 ) return ML_E_NOMEM;
    for(j=0; j<n; j++){
      const Value *a = cols.a[i+j];
      CatColumn *pCol = &pTab->aCol[j];
      pCol->zName = catS(a, 2);
      catTypeFromRow(&pCol->type, a, 3);
      pCol->notNull = !catYes(a, 8);
      pCol->zDefault = catS(a, 9);
      pCol->zDomSchema = catS(a, 10);
      pCol->zDomName = catS(a, 11);
      rc = catParseExpr(p, pCol->zDefault, &pCol->pDefault, pErr);
      if( rc ) return rc;
    }
    i += n;
  }

  /* Indexes. */
  p->nIndex = idxs.n;
  p->apIndex = catAllocZero(pA, sizeof(CatIndex*)*idxs.n);
  if( p->apIndex==0 ) return ML_E_NOMEM;
  for(i=0; i<idxs.n; i++){
    const Value *a = idxs.a[i];
    CatIndex *pIdx = catAllocZero(pA, sizeof(CatIndex));
    if( pIdx==0 ) return ML_E_NOMEM;
    pIdx->id = catI(a, 0);
    pIdx->zSchema = catS(a, 1);
    pIdx->zName = catS(a, 2);
    pIdx->pTable = catTableById(p, catI(a, 3));
    pIdx->unique = (uint8_t)catYes(a, 4);
    pIdx->nullsDistinct = (uint8_t)catYes(a, 5);
    pIdx->iTree = (uint32_t)pIdx->id;
    if( pIdx->pTable==0 ) return mlErrorSet(pErr, ML_E_STORAGE, "index of an unknown table");
    p->apIndex[i] = pIdx;
  }
  for(i=0; i<icols.n; ){
    CatIndex *pIdx = catIndexById(p, catI(icols.a[i], 0));
    int n = 0;
    while( i+n<icols.n && catI(icols.a[i+n], 0)==catI(icols.a[i], 0) ) n++;
    if( pIdx==0 ) return mlErrorSet(pErr, ML_E_STORAGE, "column of an unknown index");
    pIdx->nCol = n;
    pIdx->aiCol = catAllocZero(pA, sizeof(int)*n);
    pIdx->aDesc = catAllocZero(pA, n);
    if( pIdx->aiCol==0 || pIdx->aDesc==0 ) return ML_E_NOMEM;
    for(j=0; j<n; j++){
      pIdx->aiCol[j] = (int)catI(icols.a[i+j], 2) - 1;
      pIdx->aDesc[j] = (uint8_t)catYes(icols.a[i+j], 3);
    }
    i += n;
  }

  /* Constraints and their key columns. */
  p->nCons = cons.n;
  p->apCons = catAllocZero(pA, sizeof(CatConstraint*)*cons.n);
  if( p->apCons==0 ) return ML_E_NOMEM;
  for(i=0; i<cons.n; i++){
    const Value *a = cons.a[i];
    CatConstraint *pCons = catAllocZero(pA, sizeof(CatConstraint));
    const char *zType = catS(a, 4);
    if( pCons==0 ) return ML_E_NOMEM;
    pCons->id = catI(a, 0);
    pCons->zSchema = catS(a, 1);
    pCons->zName = catS(a, 2);
    pCons->pTable = catTableById(p, catI(a, 3));
    if( pCons->pTable==0 ) return mlErrorSet(pErr, ML_E_STORAGE, "constraint of an unknown table");
    if( strcmp(zType, "PRIMARY KEY")==0 ) pCons->kind = CAT_CONS_PK;
    else if( strcmp(zType, "UNIQUE")==0 ) pCons->kind = CAT_CONS_UNIQUE;
    else if( strcmp(zType, "FOREIGN KEY")==0 ) pCons->kind = CAT_CONS_FK;
    else pCons->kind = CAT_CONS_CHECK;
    pCons->zCheck = catS(a, 5);
    pCons->refTableId = catI(a, 6);
    pCons->refConsId = catI(a, 7);
    pCons->onUpdate = (uint8_t)catRefAction(catS(a, 8));
    pCons->onDelete = (uint8_t)catRefAction(catS(a, 9));
    if( !a[10].isNull ){
      pCons->pIndex = catIndexById(p, catI(a, 10));
      if( pCons->pIndex ) pCons->pIndex->pCons = pCons;
    }
    rc = catParseExpr(p, pCons->zCheck, &pCons->pCheck, pErr);
    if( rc ) return rc;
    p->apCons[i] = pCons;
  }
  for(i=0; i<kcols.n; ){
    CatConstraint *pCons = catConsById(p, catI(kcols.a[i], 0));
    int n = 0;
    while( i+n<kcols.n && catI(kcols.a[i+n], 0)==catI(kcols.a[i], 0) ) n++;
    if( pCons==0 ) return mlErrorSet(pErr, ML_E_STORAGE, "key column of an unknown constraint");
    pCons->nCol = n;
    pCons->aiCol = catAllocZero(pA, sizeof(int)*n);
    pCons->aiRefCol = catAllocZero(pA, sizeof(int)*n);
    if( pCons->aiCol==0 || pCons->aiRefCol==0 ) return ML_E_NOMEM;
    for(j=0; j<n; j++){
      pCons->aiCol[j] = (int)catI(kcols.a[i+j], 2) - 1;
      pCons->aiRefCol[j] = (int)catI(kcols.a[i+j], 3) - 1;
    }
    i += n;
  }

  /* Link: per-table arrays of constraints, indexes and referencing FKs. */
  for(i=0; i<p->nCons; i++){
    CatConstraint *pCons = p->apCons[i];
    pCons->pTable->nCons++;
    if( pCons->kind==CAT_CONS_FK ){
      pCons->pRef = catTableById(p, pCons->refTableId);
      pCons->pRefCons = catConsById(p, pCons->refConsId);
      if( pCons->pRef==0 ) return mlErrorSet(pErr, ML_E_STORAGE, "foreign key to an unknown table");
      pCons->pRef->nRefBy++;
    }
  }
  for(i=0; i<p->nIndex; i++) p->apIndex[i]->pTable->nIndex++;
  for(i=nSys; i<p->nTable; i++){
    CatTable *pTab = p->apTable[i];
    pTab->apCons = catAllocZero(pA, sizeof(void*)*pTab->nCons);
    pTab->apIndex = catAllocZero(pA, sizeof(void*)*pTab->nIndex);
    pTab->apRefBy = catAllocZero(pA, sizeof(void*)*pTab->nRefBy);
    if( !pTab->apCons || !pTab->apIndex || !pTab->apRefBy ) return ML_E_NOMEM;
    pTab->nCons = pTab->nIndex = pTab->nRefBy = 0;
  }
  for(i=0; i<p->nCons; i++){
    CatConstraint *pCons = p->apCons[i];
    CatTable *pTab = pCons->pTable;
    if( pCons->kind==CAT_CONS_PK ){
      /* the primary key goes first */
      memmove(&pTab->apCons[1], &pTab->apCons[0], sizeof(void*)*pTab->nCons);
      pTab->apCons[0] = pCons;
      pTab->pPk = pCons;
      for(j=0; j<pCons->nCol; j++) pTab->aCol[pCons->aiCol[j]].notNull = 1;
    }else{
      pTab->apCons[pTab->nCons] = pCons;
    }
    pTab->nCons++;
    if( pCons->kind==CAT_CONS_FK ) pCons->pRef->apRefBy[pCons->pRef->nRefBy++] = pCons;
  }
  for(i=0; i<p->nIndex; i++){
    CatTable *pTab = p->apIndex[i]->pTable;
    pTab->apIndex[pTab->nIndex++] = p->apIndex[i];
  }
  return ML_OK;
}

/*
** CatTable.apDomCheck of every base table: for each column declared with
** a domain that has a CHECK, the domain's condition parsed afresh with
** VALUE replaced by the column, so plan/ compiles and exec/ enforces it
** like a table CHECK (named as the domain's constraint; id = the domain's
** id, aiUseCol[0] = the column).
*/
static int catLoadDomainChecks(Catalog *p, MlError *pErr){
  int i, j, rc = ML_OK;
  for(i=0; rc==ML_OK && i<p->nTable; i++){
    CatTable *pTab = p->apTable[i];
    if( pTab->isView || pTab->isSystem ) continue;
    for(j=0; rc==ML_OK && j<pTab->nCol; j++){
      const CatColumn *pCol = &pTab->aCol[j];
      const CatDomain *pDom;
      CatConstraint *pCons;
      if( pCol->zDomName==0 ) continue;
      pDom = catFindDomain(p, pCol->zDomSchema, pCol->zDomName);
      if( pDom==0 || pDom->zCheck==0 ) continue;
      if( pTab->apDomCheck==0 ){
        pTab->apDomCheck = catAllocZero(&p->arena, sizeof(CatConstraint*)*(size_t)pTab->nCol);
        if( pTab->apDomCheck==0 ) return ML_E_NOMEM;
      }
      pCons = catAllocZero(&p->arena, sizeof(CatConstraint));
      if( pCons==0 ) return ML_E_NOMEM;
      pCons->id = pDom->id;
      pCons->zSchema = pDom->zSchema;
      pCons->zName = pDom->zConsName;
      pCons->kind = CAT_CONS_CHECK;
      pCons->pTable = pTab;
      pCons->zCheck = pDom->zCheck;
      pCons->nUseCol = 1;
      pCons->aiUseCol = catAllocZero(&p->arena, sizeof(int));
      if( pCons->aiUseCol==0 ) return ML_E_NOMEM;
      pCons->aiUseCol[0] = j;
      rc = catParseExpr(p, pDom->zCheck, &pCons->pCheck, pErr);
      if( rc==ML_OK && catDomainCheckWalk(pCons->pCheck, pCol->zName) ){
        rc = mlErrorSet(pErr, ML_E_STORAGE, "unreadable domain CHECK in the data dictionary");
      }
      pTab->apDomCheck[pTab->nDomCheck++] = pCons;
    }
  }
  return rc;
}

/* Load idents, schemas, databanks, sequences, domains and privileges. */
static int catLoadObjects(Catalog *p, Txn *pTxn, MlError *pErr){
  Arena *pA = &p->arena;
  CatRows r, rCol;
  int rc, i;

  rc = catReadRows(pTxn, pA, CAT_SYS_IDENTS, &r, pErr);
  if( rc ) return rc;
  p->nIdent = r.n;
  p->apIdent = catAllocZero(pA, sizeof(void*)*r.n);
  if( p->apIdent==0 ) return ML_E_NOMEM;
  for(i=0; i<r.n; i++){
    CatIdent *pId = catAllocZero(pA, sizeof(CatIdent));
    const char *zKind = catS(r.a[i], 2);
    if( pId==0 ) return ML_E_NOMEM;
    pId->id = catI(r.a[i], 0);
    pId->zName = catS(r.a[i], 1);
    pId->kind = zKind && zKind[0]=='P' ? CAT_IDENT_PROGRAM
              : zKind && zKind[0]=='G' ? CAT_IDENT_GROUP : CAT_IDENT_USER;
    pId->zHash = catS(r.a[i], 3);
    p->apIdent[i] = pId;
  }

  rc = catReadRows(pTxn, pA, CAT_SYS_SCHEMATA, &r, pErr);
  if( rc ) return rc;
  p->nSchema = r.n;
  p->apSchema = catAllocZero(pA, sizeof(void*)*r.n);
  if( p->apSchema==0 ) return ML_E_NOMEM;
  for(i=0; i<r.n; i++){
    CatSchema *pS = catAllocZero(pA, sizeof(CatSchema));
    if( pS==0 ) return ML_E_NOMEM;
    pS->id = catI(r.a[i], 0);
    pS->zName = catS(r.a[i], 1);
    pS->zOwner = catS(r.a[i], 2);
    p->apSchema[i] = pS;
  }

  rc = catReadRows(pTxn, pA, CAT_SYS_DATABANKS, &r, pErr);
  if( rc ) return rc;
  p->nBank = r.n;
  p->apBank = catAllocZero(pA, sizeof(void*)*r.n);
  if( p->apBank==0 ) return ML_E_NOMEM;
  for(i=0; i<r.n; i++){
    CatDatabank *pB = catAllocZero(pA, sizeof(CatDatabank));
    if( pB==0 ) return ML_E_NOMEM;
    pB->id = catI(r.a[i], 0);
    pB->zName = catS(r.a[i], 1);
    p->apBank[i] = pB;
  }

  rc = catReadRows(pTxn, pA, CAT_SYS_SEQUENCES, &r, pErr);
  if( rc ) return rc;
  p->nSeq = r.n;
  p->apSeq = catAllocZero(pA, sizeof(void*)*r.n);
  if( p->apSeq==0 ) return ML_E_NOMEM;
  for(i=0; i<r.n; i++){
    CatSequence *pSeq = catAllocZero(pA, sizeof(CatSequence));
    if( pSeq==0 ) return ML_E_NOMEM;
    pSeq->id = catI(r.a[i], 0);
    pSeq->zSchema = catS(r.a[i], 1);
    pSeq->zName = catS(r.a[i], 2);
    pSeq->typeId = (uint8_t)catI(r.a[i], 3);
    pSeq->iStart = catI(r.a[i], 4);
    pSeq->iIncrement = catI(r.a[i], 5);
    pSeq->iMin = catI(r.a[i], 6);
    pSeq->iMax = catI(r.a[i], 7);
    pSeq->bCycle = (uint8_t)catYes(r.a[i], 8);
    p->apSeq[i] = pSeq;
  }

  rc = catReadRows(pTxn, pA, CAT_SYS_DOMAINS, &r, pErr);
  if( rc ) return rc;
  p->nDomain = r.n;
  p->apDomain = catAllocZero(pA, sizeof(void*)*r.n);
  if( p->apDomain==0 ) return ML_E_NOMEM;
  for(i=0; i<r.n; i++){
    CatDomain *pDom = catAllocZero(pA, sizeof(CatDomain));
    if( pDom==0 ) return ML_E_NOMEM;
    pDom->id = catI(r.a[i], 0);
    pDom->zSchema = catS(r.a[i], 1);
    pDom->zName = catS(r.a[i], 2);
    catTypeFromRow(&pDom->type, r.a[i], 3);
    pDom->zDefault = catS(r.a[i], 8);
    pDom->zCheck = catS(r.a[i], 9);
    pDom->zConsName = catS(r.a[i], 10);
    p->apDomain[i] = pDom;
  }

  /* object privileges, then column privileges (columns shifted by one) */
  rc = catReadRows(pTxn, pA, CAT_SYS_PRIVILEGES, &r, pErr);
  if( rc==ML_OK ) rc = catReadRows(pTxn, pA, CAT_SYS_COLUMN_PRIVILEGES, &rCol, pErr);
  if( rc ) return rc;
  p->nPriv = r.n + rCol.n;
  p->aPriv = catAllocZero(pA, sizeof(CatPrivilege)*(size_t)(p->nPriv+1));
  if( p->aPriv==0 ) return ML_E_NOMEM;
  for(i=0; i<p->nPriv; i++){
    CatPrivilege *pPriv = &p->aPriv[i];
    int bCol = i>=r.n;
    const Value *a = bCol ? rCol.a[i-r.n] : r.a[i];
    pPriv->objectId = catI(a, 0);
    pPriv->iCol = bCol ? (int)catI(a, 1) : 0;
    pPriv->zGrantee = catS(a, 1+bCol);
    pPriv->zPriv = catS(a, 2+bCol);
    pPriv->zGrantor = catS(a, 3+bCol);
    pPriv->grantable = (uint8_t)catYes(a, 4+bCol);
  }
  return ML_OK;
}

int catLoad(Txn *pTxn, Catalog **ppCat, MlError *pErr){
  Catalog *p = calloc(1, sizeof(Catalog));
  int rc;
  *ppCat = 0;
  if( p==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
  p->nRef = 1;
  arenaInit(&p->arena, 64*1024);
  rc = txnCatalogVersion(pTxn, 0, &p->version, pErr);
  if( rc==ML_OK ) rc = catLoadObjects(p, pTxn, pErr);
  if( rc==ML_OK ) rc = catLoadTables(p, pTxn, pErr);
  if( rc==ML_OK ) rc = catLoadDomainChecks(p, pErr);
  if( rc==ML_OK ) rc = catLoadUsage(p, pErr);
  if( rc ){
    if( rc==ML_E_NOMEM ) mlErrorSet(pErr, ML_E_NOMEM);
    catRelease(p);
    return rc;
  }
  *ppCat = p;
  return ML_OK;
}

void catRetain(Catalog *p){
  if( p ) p->nRef++;
}

void catRelease(Catalog *p){
  if( p==0 ) return;
  assert( p->nRef>0 );
  if( --p->nRef==0 ){
    arenaFree(&p->arena);
    free(p);
  }
}

CatTable *catFindTable(const Catalog *p, const char *zSchema, const char *zName){
  int i;
  for(i=0; i<p->nTable; i++){
    CatTable *pTab = p->apTable[i];
    if( catNameEq(pTab->zName, zName) && catNameEq(pTab->zSchema, zSchema) ) return pTab;
  }
  return 0;
}

CatSequence *catFindSequence(const Catalog *p, const char *zSchema, const char *zName){
  int i;
  for(i=0; i<p->nSeq; i++){
    if( catNameEq(p->apSeq[i]->zName, zName) && catNameEq(p->apSeq[i]->zSchema, zSchema) ){
      return p->apSeq[i];
    }
  }
  return 0;
}

CatDomain *catFindDomain(const Catalog *p, const char *zSchema, const char *zName){
  int i;
  for(i=0; i<p->nDomain; i++){
    if( catNameEq(p->apDomain[i]->zName, zName) && catNameEq(p->apDomain[i]->zSchema, zSchema) ){
      return p->apDomain[i];
    }
  }
  return 0;
}

CatIndex *catFindIndex(const Catalog *p, const char *zSchema, const char *zName){
  int i;
  for(i=0; i<p->nIndex; i++){
    CatIndex *pIdx = p->apIndex[i];
    if( pIdx->pCons==0 && catNameEq(pIdx->zName, zName) && catNameEq(pIdx->zSchema, zSchema) ){
      return pIdx;
    }
  }
  return 0;
}

CatConstraint *catFindConstraint(const Catalog *p, const char *zSchema, const char *zName){
  int i;
  for(i=0; i<p->nCons; i++){
    if( catNameEq(p->apCons[i]->zName, zName) && catNameEq(p->apCons[i]->zSchema, zSchema) ){
      return p->apCons[i];
    }
  }
  return 0;
}

CatIdent *catFindIdent(const Catalog *p, const char *zName){
  int i;
  for(i=0; i<p->nIdent; i++){
    if( catNameEq(p->apIdent[i]->zName, zName) ) return p->apIdent[i];
  }
  return 0;
}

CatSchema *catFindSchema(const Catalog *p, const char *zName){
  int i;
  for(i=0; i<p->nSchema; i++){
    if( catNameEq(p->apSchema[i]->zName, zName) ) return p->apSchema[i];
  }
  return 0;
}

CatDatabank *catFindDatabank(const Catalog *p, const char *zName){
  int i;
  for(i=0; i<p->nBank; i++){
    if( catNameEq(p->apBank[i]->zName, zName) ) return p->apBank[i];
  }
  return 0;
}

int catColumnIndex(const CatTable *pTab, const char *zName){
  int i;
  for(i=0; i<pTab->nCol; i++){
    if( catNameEq(pTab->aCol[i].zName, zName) ) return i;
  }
  return -1;
}

int catNameTaken(const Catalog *p, const char *zSchema, const char *zName){
  return catFindTable(p, zSchema, zName) || catFindSequence(p, zSchema, zName)
      || catFindDomain(p, zSchema, zName) || catFindIndex(p, zSchema, zName)
      || catFindConstraint(p, zSchema, zName) || catFindDomainConstraint(p, zSchema, zName);
}

CatDomain *catFindDomainConstraint(const Catalog *p, const char *zSchema, const char *zName){
  int i;
  for(i=0; i<p->nDomain; i++){
    const CatDomain *pDom = p->apDomain[i];
    if( pDom->zConsName && catNameEq(pDom->zConsName, zName) && catNameEq(pDom->zSchema, zSchema) ){
      return p->apDomain[i];
    }
  }
  return 0;
}
