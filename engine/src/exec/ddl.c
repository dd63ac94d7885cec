/*
** DDL execution (exec/ layer, see ddl.h).  Every object gets an id from
** the catalog's counter; tables and indexes use it as their tree id.
** Unnamed constraints are named <table>_PK, <table>_UQ<n>, <table>_FK<n>,
** <table>_CK<n> (docs/compatibility.md).  DROP follows Mimer's default of
** RESTRICT: dependent objects make it fail (-12521) unless CASCADE.
*/
#include "exec/ddl.h"
#include "exec/ddlint.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "kv/keycodec.h"
#include "kv/record.h"
#include "sql/astprint.h"
#include "txn/sequence.h"
#include "types/cast.h"
#include "types/typesys.h"

#define DDL_NOMEM(p) mlErrorSet((p)->pErr, ML_E_NOMEM)

/* The schema a possibly unqualified name refers to. */
const char *ddlSchema(DdlCtx *p, const AstQName *pName){
  return pName->schema.z ? pName->schema.z : p->zSchema;
}

/* The schema an object is created in: must exist and not be a system one. */
static int ddlTargetSchema(DdlCtx *p, const AstQName *pName, const char **pzSchema){
  const char *z = ddlSchema(p, pName);
  CatSchema *pS = catFindSchema(p->pCat, z);
  *pzSchema = 0;
  if( pS==0 ) return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, z);
  if( catNameEq(pS->zName, "SYSTEM") || catNameEq(pS->zName, "INFORMATION_SCHEMA") ){
    return mlErrorSet(p->pErr, ML_E_NO_PRIVILEGE, pS->zName);
  }
  *pzSchema = pS->zName;
  return ML_OK;
}

/* -12560 if zSchema already holds a table, view, index or constraint zName. */
int ddlNameFree(DdlCtx *p, const char *zSchema, const char *zName){
  if( catNameTaken(p->pCat, zSchema, zName) ){
    char z[300];
    snprintf(z, sizeof(z), "%s.%s", zSchema, zName);
    return mlErrorSet(p->pErr, ML_E_OBJECT_EXISTS, z);
  }
  return ML_OK;
}

/* Canonical text of an expression (qualify NEXT VALUE FOR sequences). */
int ddlExprText(DdlCtx *p, AstExpr *e, unsigned flags, char **pz){
  StrBuf b;
  int rc;
  strbufInit(&b, 0, 0);
  rc = astPrintExpr(&b, e, flags);
  if( rc==ML_OK ) rc = strbufError(&b);
  if( rc==ML_OK ){
    *pz = arenaStrndup(p->pArena, (const char*)b.a, b.n);
    if( *pz==0 ) rc = ML_E_NOMEM;
  }
  strbufFree(&b);
  return rc ? mlErrorSet(p->pErr, rc) : ML_OK;
}

/*
** Qualify every NEXT/CURRENT VALUE FOR in e with the sequence's schema, so
** the stored default text does not depend on the creator's schema path.
*/
int ddlQualifySequences(DdlCtx *p, AstExpr *e){
  int rc;
  if( e==0 ) return ML_OK;
  if( e->kind==AE_NEXT_VALUE || e->kind==AE_CURRENT_VALUE ){
    const char *zSchema = ddlSchema(p, &e->u.seq);
    CatSequence *pSeq = catFindSequence(p->pCat, zSchema, e->u.seq.name.z);
    if( pSeq==0 ){
      char z[300];
      snprintf(z, sizeof(z), "%s.%s", zSchema, e->u.seq.name.z);
      return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, z);
    }
    e->u.seq.schema.z = pSeq->zSchema;
    e->u.seq.name.z = pSeq->zName;
    return ML_OK;
  }
  rc = ddlQualifySequences(p, e->pLeft);
  if( rc==ML_OK ) rc = ddlQualifySequences(p, e->pRight);
  return rc;
}

void ddlTypeVals(Value *a, const SqlType *t){
  catValInt(&a[0], t->id);
  catValInt(&a[1], t->intervalKind);
  catValInt(&a[2], t->length);
  catValInt(&a[3], t->precision);
  catValInt(&a[4], t->scale);
}

/* ------------------------------------------------------------ tables */

static const char *ddlRuleName(int a){
  switch( a ){
    case AREF_CASCADE: return "CASCADE";
    case AREF_SET_NULL: return "SET NULL";
    case AREF_SET_DEFAULT: return "SET DEFAULT";
    case AREF_RESTRICT: return "RESTRICT";
    default: return "NO ACTION";
  }
}

/* Write an index's rows (id, columns). */
int ddlPutIndex(DdlCtx *p, int64_t id, const char *zSchema, const char *zName,
                       int64_t tableId, int bUnique, int bNullsDistinct, int64_t consId,
                       int nCol, const int *aiCol, const uint8_t *aDesc){
  Value a[8];
  int i, rc;
  catValInt(&a[0], id);
  catValStr(&a[1], zSchema);
  catValStr(&a[2], zName);
  catValInt(&a[3], tableId);
  catValStr(&a[4], bUnique ? "YES" : "NO");
  catValStr(&a[5], bNullsDistinct ? "YES" : "NO");
  if( consId ) catValInt(&a[6], consId); else catValNull(&a[6]);
  rc = catSysInsert(p->pTxn, CAT_SYS_INDEXES, a, p->pErr);
  for(i=0; rc==ML_OK && i<nCol; i++){
    catValInt(&a[0], id);
    catValInt(&a[1], i+1);
    catValInt(&a[2], aiCol[i]+1);
    catValStr(&a[3], aDesc && aDesc[i] ? "YES" : "NO");
    rc = catSysInsert(p->pTxn, CAT_SYS_INDEX_COLUMNS, a, p->pErr);
  }
  return rc;
}

/* Resolve a list of column names of pTab / the new table's columns. */
static int ddlColumnList(DdlCtx *p, AstList *pCols, int nTabCol, const char *const *azCol,
                         int *aiOut, int *pn){
  int i, j;
  if( pCols->n>64 ) return mlErrorSet(p->pErr, ML_E_TOO_COMPLEX, ": too many key columns");
  for(i=0; i<pCols->n; i++){
    const char *z = ((AstIdent*)pCols->a[i])->z;
    for(j=0; j<nTabCol && !catNameEq(azCol[j], z); j++){}
    if( j==nTabCol ) return mlErrorSet(p->pErr, ML_E_COLUMN_NOT_FOUND, z);
    aiOut[i] = j;
  }
  *pn = pCols->n;
  return ML_OK;
}

/*
** Resolve constraint d (d->pAst, d->kind and d->zName set) against the
** columns azCol/aType of table zSchema.zTab: key columns, CHECK text, the
** referenced table and key of a foreign key.  PRIMARY KEY columns become
** NOT NULL in aNotNull.  A foreign key of a table being created to itself
** only gets d->bSelfNew (see ddlMatchSelfKey).  Errors: -12202, -12200,
** -12566, type errors.
*/
int ddlResolveCons(DdlCtx *p, const char *zSchema, const char *zTab, int nCol,
                   const char *const *azCol, const SqlType *aType, uint8_t *aNotNull,
                   DdlCons *d){
  AstConstraint *c = d->pAst;
  int j, rc;
  if( d->kind==CAT_CONS_CHECK ){
    rc = ddlExprText(p, c->pCheck, 0, &d->zCheck);
    if( rc ) return rc;
    return ML_OK;
  }
  rc = ddlColumnList(p, c->pCols, nCol, azCol, d->aiCol, &d->nCol);
  if( rc ) return rc;
  for(j=0; j<d->nCol; j++){
    if( SQLT_IS_LOB(aType[d->aiCol[j]].id) ) return mlErrorSet(p->pErr, ML_E_LOB_IN_KEY, "");
  }
  if( d->kind==CAT_CONS_PK ){
    for(j=0; j<d->nCol; j++) aNotNull[d->aiCol[j]] = 1;
  }
  if( d->kind==CAT_CONS_FK ){
    const char *zRs = c->refTable.schema.z ? c->refTable.schema.z : zSchema;
    int bSelf = !c->refTable.schema.z ? catNameEq(c->refTable.name.z, zTab)
              : catNameEq(zRs, zSchema) && catNameEq(c->refTable.name.z, zTab);
    d->pRef = catFindTable(p->pCat, zRs, c->refTable.name.z);
    if( bSelf && d->pRef==0 ){
      /* CREATE TABLE referencing itself: the key is matched by the caller */
      d->bSelfNew = 1;
      if( c->pRefCols ){
        int nRef;
        rc = ddlColumnList(p, c->pRefCols, nCol, azCol, d->aiRef, &nRef);
        if( rc ) return rc;
        if( nRef!=d->nCol ) return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, "foreign key column count");
      }
      return ML_OK;
    }
    if( d->pRef==0 || d->pRef->isView ){
      char z[300];
      snprintf(z, sizeof(z), "%s.%s", zRs, c->refTable.name.z);
      return mlErrorSet(p->pErr, ML_E_TABLE_NOT_FOUND, z);
    }
    if( c->pRefCols ){
      const char *azRef[1000];
      int nRef;
      for(j=0; j<d->pRef->nCol && j<1000; j++) azRef[j] = d->pRef->aCol[j].zName;
      rc = ddlColumnList(p, c->pRefCols, d->pRef->nCol, azRef, d->aiRef, &nRef);
      if( rc ) return rc;
      if( nRef!=d->nCol ) return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, "foreign key column count");
    }else{
      if( d->pRef->pPk==0 || d->pRef->pPk->nCol!=d->nCol ){
        return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, "referenced table has no matching primary key");
      }
      for(j=0; j<d->nCol; j++) d->aiRef[j] = d->pRef->pPk->aiCol[j];
    }
    /* the referenced columns must be the PK or a UNIQUE constraint (any order) */
    for(j=0; j<d->pRef->nCons && d->refConsId==0; j++){
      const CatConstraint *k = d->pRef->apCons[j];
      int m, n, all = 1;
      if( (k->kind!=CAT_CONS_PK && k->kind!=CAT_CONS_UNIQUE) || k->nCol!=d->nCol ) continue;
      for(m=0; m<d->nCol && all; m++){
        int bIn = 0;
        for(n=0; n<k->nCol; n++) if( k->aiCol[n]==d->aiRef[m] ) bIn = 1;
        all = bIn;
      }
      if( all ) d->refConsId = k->id ? k->id : -1;
    }
    if( d->refConsId==0 ){
      return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION,
                        "referenced columns are not a primary key or unique constraint");
    }
    for(j=0; j<d->nCol; j++){
      rc = typeCheckComparable(&aType[d->aiCol[j]], &d->pRef->aCol[d->aiRef[j]].type, p->pErr);
      if( rc ) return rc;
    }
  }
  return ML_OK;
}

/*
** Write the rows of resolved constraint d of table tableId: CONSTRAINTS,
** KEY_COLUMNS and, for UNIQUE and FOREIGN KEY, the supporting index's rows
** (its entries are filled by whoever writes the table's rows).
*/
int ddlWriteCons(DdlCtx *p, const char *zSchema, int64_t tableId, DdlCons *d){
  Value a[16];
  int j, rc;
  int64_t consId, idxId = 0;
  static const char *azType[] = { "", "PRIMARY KEY", "UNIQUE", "FOREIGN KEY", "CHECK" };
  rc = catNewObjectId(p->pTxn, &consId, p->pErr);
  if( rc ) return rc;
  d->consId = consId;
  if( d->kind==CAT_CONS_UNIQUE || d->kind==CAT_CONS_FK ){
    rc = catNewObjectId(p->pTxn, &idxId, p->pErr);
    if( rc==ML_OK ) rc = ddlPutIndex(p, idxId, zSchema, d->zName, tableId,
                                     d->kind==CAT_CONS_UNIQUE, 1, consId, d->nCol, d->aiCol, 0);
    if( rc ) return rc;
  }
  catValInt(&a[0], consId);
  catValStr(&a[1], zSchema);
  catValStr(&a[2], d->zName);
  catValInt(&a[3], tableId);
  catValStr(&a[4], azType[d->kind]);
  catValStr(&a[5], d->zCheck);
  if( d->kind==CAT_CONS_FK ){
    catValInt(&a[6], d->pRef ? d->pRef->id : tableId);
    catValInt(&a[7], d->refConsId);
    catValStr(&a[8], ddlRuleName(d->pAst->onUpdate));
    catValStr(&a[9], ddlRuleName(d->pAst->onDelete));
  }else{
    catValNull(&a[6]); catValNull(&a[7]); catValNull(&a[8]); catValNull(&a[9]);
  }
  if( idxId ) catValInt(&a[10], idxId); else catValNull(&a[10]);
  rc = catSysInsert(p->pTxn, CAT_SYS_CONSTRAINTS, a, p->pErr);
  for(j=0; rc==ML_OK && j<d->nCol; j++){
    catValInt(&a[0], consId);
    catValInt(&a[1], j+1);
    catValInt(&a[2], d->aiCol[j]+1);
    if( d->kind==CAT_CONS_FK ) catValInt(&a[3], d->aiRef[j]+1); else catValNull(&a[3]);
    rc = catSysInsert(p->pTxn, CAT_SYS_KEY_COLUMNS, a, p->pErr);
  }
  return rc;
}

/*
** Foreign key d of a table being created that references the table itself
** (d->bSelfNew): find the referenced PRIMARY KEY (no column list) or the
** PK/UNIQUE constraint among aCons[0..nCons-1] over the same columns, set
** d->aiRef and d->iSelfKey, and check the column types.  Errors: -12200,
** type errors.
*/
static int ddlMatchSelfKey(DdlCtx *p, const SqlType *aType, DdlCons *aCons, int nCons,
                           DdlCons *d){
  int i, m, n, rc;
  for(i=0; i<nCons && d->iSelfKey==0; i++){
    const DdlCons *k = &aCons[i];
    int all = 1;
    if( k->kind!=CAT_CONS_PK && (k->kind!=CAT_CONS_UNIQUE || d->pAst->pRefCols==0) ) continue;
    if( k->nCol!=d->nCol ) continue;
    for(m=0; m<d->nCol && all && d->pAst->pRefCols; m++){
      int bIn = 0;
      for(n=0; n<k->nCol; n++) if( k->aiCol[n]==d->aiRef[m] ) bIn = 1;
      all = bIn;
    }
    if( !all ) continue;
    if( d->pAst->pRefCols==0 ) memcpy(d->aiRef, k->aiCol, sizeof(int)*d->nCol);
    d->iSelfKey = i+1;
  }
  if( d->iSelfKey==0 ){
    return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION,
                      "referenced columns are not a primary key or unique constraint");
  }
  for(m=0; m<d->nCol; m++){
    rc = typeCheckComparable(&aType[d->aiCol[m]], &aType[d->aiRef[m]], p->pErr);
    if( rc ) return rc;
  }
  return ML_OK;
}

static int ddlCreateTable(DdlCtx *p, AstStmt *pStmt){
  AstList *pColumns = pStmt->u.createTable.pColumns;
  const char *zSchema, *zTab = pStmt->u.createTable.name.name.z;
  int nCol = pColumns ? pColumns->n : 0, nCons = 0, i, j, rc, nPk = 0;
  int nUq = 0, nFk = 0, nCk = 0;
  const char **azCol;
  SqlType *aType;
  uint8_t *aNotNull;
  DdlCons *aCons;
  int64_t tableId;
  Value a[16];
  AstList *pAllCons = 0;

  if( pStmt->u.createTable.pAsQuery ){
    return mlErrorSet(p->pErr, ML_E_NOT_SUPPORTED, "CREATE TABLE ... AS");
  }
  rc = ddlTargetSchema(p, &pStmt->u.createTable.name, &zSchema);
  if( rc==ML_OK ) rc = ddlNameFree(p, zSchema, zTab);
  if( rc ) return rc;
  if( pStmt->u.createTable.databank.z && !catFindDatabank(p->pCat, pStmt->u.createTable.databank.z) ){
    return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, pStmt->u.createTable.databank.z);
  }
  azCol = arenaAlloc(p->pArena, sizeof(char*)*(nCol+1));
  aType = arenaAlloc(p->pArena, sizeof(SqlType)*(nCol+1));
  aNotNull = arenaAlloc(p->pArena, nCol+1);
  if( !azCol || !aType || !aNotNull ) return DDL_NOMEM(p);
  memset(aNotNull, 0, nCol+1);

  /* columns, and the column constraints gathered as table constraints */
  for(i=0; i<nCol; i++){
    AstColumnDef *pDef = pColumns->a[i];
    const CatDomain *pDom = 0;
    azCol[i] = pDef->name.z;
    for(j=0; j<i; j++){
      if( catNameEq(azCol[j], azCol[i]) ) return mlErrorSet(p->pErr, ML_E_OBJECT_EXISTS, azCol[i]);
    }
    rc = catDeclaredType(p->pCat, zSchema, pDef->pType, &aType[i], &pDom, p->pErr);
    if( rc ) return rc;
    for(j=0; pDef->pCons && j<pDef->pCons->n; j++){
      AstConstraint *c = pDef->pCons->a[j];
      if( c->kind==ACONS_NOT_NULL ){ aNotNull[i] = 1; continue; }
      if( c->kind==ACONS_NULL ) continue;
      if( astListAppend(p->pArena, &pAllCons, c) ) return DDL_NOMEM(p);
      if( c->kind!=ACONS_CHECK && c->pCols==0 ){
        /* column constraint: the key is this column */
        AstIdent *pId = arenaAlloc(p->pArena, sizeof(AstIdent));
        if( pId==0 ) return DDL_NOMEM(p);
        *pId = pDef->name;
        if( astListAppend(p->pArena, &c->pCols, pId) ) return DDL_NOMEM(p);
      }
    }
  }
  for(j=0; pStmt->u.createTable.pCons && j<pStmt->u.createTable.pCons->n; j++){
    if( astListAppend(p->pArena, &pAllCons, pStmt->u.createTable.pCons->a[j]) ) return DDL_NOMEM(p);
  }
  nCons = pAllCons ? pAllCons->n : 0;
  aCons = arenaAlloc(p->pArena, sizeof(DdlCons)*(nCons+1));
  if( aCons==0 ) return DDL_NOMEM(p);
  memset(aCons, 0, sizeof(DdlCons)*(nCons+1));
  for(i=0; i<nCons; i++){
    AstConstraint *c = pAllCons->a[i];
    DdlCons *d = &aCons[i];
    char zGen[200];
    d->pAst = c;
    switch( c->kind ){
      case ACONS_PRIMARY_KEY:
        d->kind = CAT_CONS_PK;
        if( ++nPk>1 ) return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, "more than one primary key");
        snprintf(zGen, sizeof(zGen), "%s_PK", zTab);
        break;
      case ACONS_UNIQUE:
        d->kind = CAT_CONS_UNIQUE;
        snprintf(zGen, sizeof(zGen), "%s_UQ%d", zTab, ++nUq);
        break;
      case ACONS_FOREIGN_KEY:
        d->kind = CAT_CONS_FK;
        snprintf(zGen, sizeof(zGen), "%s_FK%d", zTab, ++nFk);
        break;
      default:
        d->kind = CAT_CONS_CHECK;
        snprintf(zGen, sizeof(zGen), "%s_CK%d", zTab, ++nCk);
        break;
    }
    d->zName = c->name.z ? c->name.z : arenaStrndup(p->pArena, zGen, strlen(zGen));
    if( d->zName==0 ) return DDL_NOMEM(p);
    rc = ddlNameFree(p, zSchema, d->zName);
    for(j=0; rc==ML_OK && j<i; j++){
      if( catNameEq(aCons[j].zName, d->zName) ) rc = mlErrorSet(p->pErr, ML_E_OBJECT_EXISTS, d->zName);
    }
    if( rc ) return rc;
    rc = ddlResolveCons(p, zSchema, zTab, nCol, azCol, aType, aNotNull, d);
    if( rc ) return rc;
  }
  for(i=0; i<nCons; i++){
    if( !aCons[i].bSelfNew ) continue;
    rc = ddlMatchSelfKey(p, aType, aCons, nCons, &aCons[i]);
    if( rc ) return rc;
  }

  /* write the table, its columns and constraints */
  rc = catNewObjectId(p->pTxn, &tableId, p->pErr);
  if( rc ) return rc;
  catValInt(&a[0], tableId);
  catValStr(&a[1], zSchema);
  catValStr(&a[2], zTab);
  catValStr(&a[3], "BASE TABLE");
  catValInt(&a[4], tableId);
  catValStr(&a[5], pStmt->u.createTable.databank.z ? pStmt->u.createTable.databank.z : "USERDB");
  catValNull(&a[6]);
  catValStr(&a[7], nPk ? "NO" : "YES");
  rc = catSysInsert(p->pTxn, CAT_SYS_TABLES, a, p->pErr);
  for(i=0; rc==ML_OK && i<nCol; i++){
    AstColumnDef *pDef = pColumns->a[i];
    char *zDefault = 0;
    if( pDef->pDefault ){
      rc = ddlQualifySequences(p, pDef->pDefault);
      if( rc==ML_OK ) rc = ddlExprText(p, pDef->pDefault, ASTPRINT_QUOTE_IDENTS, &zDefault);
      if( rc ) break;
    }else if( pDef->pType->given & ATYPE_USER ){
      const char *zDs = pDef->pType->udt.schema.z ? pDef->pType->udt.schema.z : zSchema;
      const CatDomain *pDom = catFindDomain(p->pCat, zDs, pDef->pType->udt.name.z);
      if( pDom && pDom->zDefault ) zDefault = (char*)pDom->zDefault;
    }
    catValInt(&a[0], tableId);
    catValInt(&a[1], i+1);
    catValStr(&a[2], azCol[i]);
    ddlTypeVals(&a[3], &aType[i]);
    catValStr(&a[8], aNotNull[i] ? "NO" : "YES");
    catValStr(&a[9], zDefault);
    if( pDef->pType->given & ATYPE_USER ){
      catValStr(&a[10], pDef->pType->udt.schema.z ? pDef->pType->udt.schema.z : zSchema);
      catValStr(&a[11], pDef->pType->udt.name.z);
    }else{
      catValNull(&a[10]);
      catValNull(&a[11]);
    }
    rc = catSysInsert(p->pTxn, CAT_SYS_COLUMNS, a, p->pErr);
  }
  /* keys first: a foreign key to this table needs its key's id */
  for(i=0; rc==ML_OK && i<nCons; i++){
    if( aCons[i].kind!=CAT_CONS_FK ) rc = ddlWriteCons(p, zSchema, tableId, &aCons[i]);
  }
  for(i=0; rc==ML_OK && i<nCons; i++){
    DdlCons *d = &aCons[i];
    if( d->kind!=CAT_CONS_FK ) continue;
    if( d->iSelfKey ) d->refConsId = aCons[d->iSelfKey-1].consId;
    rc = ddlWriteCons(p, zSchema, tableId, d);
  }
  return rc;
}

/* ---------------------------------------------------------- sequences */

/* Value of a signed integer literal (START WITH -5 ...). */
static int ddlIntLiteral(DdlCtx *p, AstExpr *e, int64_t *pv){
  int neg = 0;
  if( e->kind==AE_UNARY && (e->op==AOP_NEG || e->op==AOP_POS) ){
    neg = e->op==AOP_NEG;
    e = e->pLeft;
  }
  if( e->kind!=AE_LITERAL || e->u.lit.cls!=ALIT_EXACT || strchr(e->u.lit.z, '.') ){
    return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, "sequence values must be integer literals");
  }
  {
    Dec45 d;
    int64_t v;
    int rc = dec45Parse(&d, e->u.lit.z, -1, 0, 0);
    if( rc==ML_OK ) rc = dec45ToInt64(&d, &v);
    if( rc ) return mlErrorSet(p->pErr, ML_E_OVERFLOW, " in a sequence definition");
    *pv = neg ? -v : v;
  }
  return ML_OK;
}

static int ddlCreateSequence(DdlCtx *p, AstStmt *pStmt){
  AstSeqOptions *o = &pStmt->u.sequence.opt;
  const char *zSchema, *zName = pStmt->u.sequence.name.name.z;
  int typeId = SQLT_INTEGER, rc;
  int64_t tMin, tMax, inc = 1, vMin, vMax, start, id;
  Value a[10];
  rc = ddlTargetSchema(p, &pStmt->u.sequence.name, &zSchema);
  if( rc==ML_OK ) rc = ddlNameFree(p, zSchema, zName);
  if( rc ) return rc;
  if( o->pType ){
    typeId = o->pType->t.id;
    if( typeId!=SQLT_SMALLINT && typeId!=SQLT_INTEGER && typeId!=SQLT_BIGINT ){
      return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, "sequence type must be SMALLINT, INTEGER or BIGINT");
    }
  }
  tMax = typeId==SQLT_SMALLINT ? 32767 : typeId==SQLT_INTEGER ? 2147483647LL : INT64_MAX;
  tMin = typeId==SQLT_SMALLINT ? -32768 : typeId==SQLT_INTEGER ? -2147483648LL : INT64_MIN;
  if( o->pIncrement ){
    rc = ddlIntLiteral(p, o->pIncrement, &inc);
    if( rc ) return rc;
    if( inc==0 ) return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, "INCREMENT BY 0");
  }
  vMin = inc>0 ? 1 : tMin;
  vMax = inc>0 ? tMax : -1;
  if( o->pMin && (rc = ddlIntLiteral(p, o->pMin, &vMin))!=0 ) return rc;
  if( o->pMax && (rc = ddlIntLiteral(p, o->pMax, &vMax))!=0 ) return rc;
  if( o->noMin ) vMin = inc>0 ? 1 : tMin;
  if( o->noMax ) vMax = inc>0 ? tMax : -1;
  start = inc>0 ? vMin : vMax;
  if( o->pStart && (rc = ddlIntLiteral(p, o->pStart, &start))!=0 ) return rc;
  if( vMin<tMin || vMax>tMax || vMin>=vMax || start<vMin || start>vMax
   || inc<tMin || inc>tMax ){
    return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, "sequence limits do not fit its type");
  }
  rc = catNewObjectId(p->pTxn, &id, p->pErr);
  if( rc ) return rc;
  catValInt(&a[0], id);
  catValStr(&a[1], zSchema);
  catValStr(&a[2], zName);
  catValInt(&a[3], typeId);
  catValInt(&a[4], start);
  catValInt(&a[5], inc);
  catValInt(&a[6], vMin);
  catValInt(&a[7], vMax);
  catValStr(&a[8], o->cycle==1 ? "YES" : "NO");
  catValStr(&a[9], pStmt->u.sequence.databank.z ? pStmt->u.sequence.databank.z : "USERDB");
  return catSysInsert(p->pTxn, CAT_SYS_SEQUENCES, a, p->pErr);
}

static int ddlAlterSequence(DdlCtx *p, AstStmt *pStmt){
  AstSeqOptions *o = &pStmt->u.sequence.opt;
  const char *zSchema = ddlSchema(p, &pStmt->u.sequence.name);
  CatSequence *pSeq = catFindSequence(p->pCat, zSchema, pStmt->u.sequence.name.name.z);
  unsigned char aKey[16];
  int64_t v;
  int rc;
  if( pSeq==0 ) return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, pStmt->u.sequence.name.name.z);
  if( !o->restart || o->pType || o->pIncrement || o->pMin || o->pMax || o->noMin || o->noMax
   || o->cycle || o->pStart ){
    return mlErrorSet(p->pErr, ML_E_NOT_SUPPORTED, "ALTER SEQUENCE other than RESTART WITH");
  }
  v = pSeq->iStart;
  if( o->pRestart && (rc = ddlIntLiteral(p, o->pRestart, &v))!=0 ) return rc;
  if( v<pSeq->iMin || v>pSeq->iMax ){
    return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, "RESTART value outside the sequence limits");
  }
  return seqRestart(p->pEnv, aKey, catSequenceKey(pSeq->id, aKey), v, p->pErr);
}

/* ------------------------------------------------------------ indexes */

/* Fill index pIdx-like entries for all rows of pTab (CREATE INDEX). */
static int ddlBuildIndex(DdlCtx *p, const CatTable *pTab, uint32_t iTree, int bUnique,
                         int nCol, const int *aiCol, const uint8_t *aDesc, const char *zName){
  unsigned char aPre[4];
  TxnCursor *pCur = 0;
  StrBuf k, list, vals;
  SqlType aType[1000];
  Value aVal[1000];
  int rc, i;
  size_t off;
  keyEncodeTreeId(pTab->iTree, aPre);
  for(i=0; i<pTab->nCol; i++) aType[i] = pTab->aCol[i].type;
  strbufInit(&k, 0, 0);
  strbufInit(&list, 0, 0);
  strbufInit(&vals, 0, 0);
  rc = txnCursorOpen(p->pTxn, &pCur, p->pErr);
  if( rc==ML_OK ) rc = txnCursorSeek(pCur, aPre, 4, KV_SEEK_GE, p->pErr);
  if( rc==ML_NOTFOUND ) rc = ML_DONE;   /* nothing at or after the key */
  while( rc==ML_OK && txnCursorValid(pCur) ){
    const void *pKey, *pRec; size_t nKey, nRec;
    txnCursorKey(pCur, &pKey, &nKey);
    if( nKey<4 || memcmp(pKey, aPre, 4)!=0 ) break;
    txnCursorValue(pCur, &pRec, &nRec);
    rc = recordDecodeAll(pRec, nRec, pTab->nCol, aType, aVal, 0);
    if( rc ){ rc = mlErrorSet(p->pErr, ML_E_STORAGE, "corrupt row"); break; }
    keyStart(&k, iTree);
    for(i=0; rc==ML_OK && i<nCol; i++){
      rc = keyAppendValue(&k, &aVal[aiCol[i]], &aType[aiCol[i]], aDesc ? aDesc[i] : 0);
    }
    if( !bUnique ) strbufAppend(&k, pKey, nKey);
    if( rc==ML_OK ) rc = keyFinish(&k, 0);
    if( rc ){ rc = mlErrorSet(p->pErr, rc, ""); break; }
    /* entries are written after the scan: (key, row key) pairs */
    strbufAppendByte(&list, (unsigned char)(k.n & 0xff));
    strbufAppendByte(&list, (unsigned char)(k.n >> 8));
    strbufAppend(&list, k.a, k.n);
    strbufAppendByte(&list, (unsigned char)(nKey & 0xff));
    strbufAppendByte(&list, (unsigned char)(nKey >> 8));
    strbufAppend(&list, pKey, nKey);
    rc = txnCursorNext(pCur, p->pErr);
  }
  if( rc==ML_DONE ) rc = ML_OK;
  if( pCur ) txnCursorClose(pCur);
  if( rc==ML_OK && strbufError(&list) ) rc = DDL_NOMEM(p);
  for(off=0; rc==ML_OK && off<list.n; ){
    size_t nK = (size_t)list.a[off] | ((size_t)list.a[off+1]<<8);
    const unsigned char *pK = list.a+off+2;
    size_t nV = (size_t)list.a[off+2+nK] | ((size_t)list.a[off+3+nK]<<8);
    const unsigned char *pV = list.a+off+4+nK;
    off += 4+nK+nV;
    if( bUnique ){
      const void *pOld; size_t nOld;
      rc = txnGet(p->pTxn, pK, nK, 0, &pOld, &nOld, p->pErr);
      if( rc==ML_OK ){
        char z[300];
        snprintf(z, sizeof(z), "%s.%s", pTab->zSchema, pTab->zName);
        rc = mlErrorSet(p->pErr, ML_E_UNIQUE_VIOLATION, zName, z);
        break;
      }
      if( rc!=ML_NOTFOUND ) break;
    }
    rc = txnPut(p->pTxn, pK, nK, pV, nV, p->pErr);
  }
  strbufFree(&k);
  strbufFree(&list);
  strbufFree(&vals);
  return rc;
}

static int ddlCreateIndex(DdlCtx *p, AstStmt *pStmt){
  const char *zTabSchema = ddlSchema(p, &pStmt->u.createIndex.table);
  const CatTable *pTab = catFindTable(p->pCat, zTabSchema, pStmt->u.createIndex.table.name.z);
  const char *zName = pStmt->u.createIndex.name.name.z;
  AstList *pCols = pStmt->u.createIndex.pCols;
  int aiCol[64], i, rc;
  uint8_t aDesc[64];
  int64_t id;
  if( pTab==0 || pTab->isView ){
    char z[300];
    snprintf(z, sizeof(z), "%s.%s", zTabSchema, pStmt->u.createIndex.table.name.z);
    return mlErrorSet(p->pErr, ML_E_TABLE_NOT_FOUND, z);
  }
  if( pTab->isSystem ) return mlErrorSet(p->pErr, ML_E_NO_PRIVILEGE, pTab->zName);
  rc = ddlNameFree(p, pTab->zSchema, zName);
  if( rc ) return rc;
  if( pCols->n>64 ) return mlErrorSet(p->pErr, ML_E_TOO_COMPLEX, ": too many index columns");
  for(i=0; i<pCols->n; i++){
    AstIndexCol *c = pCols->a[i];
    aiCol[i] = catColumnIndex(pTab, c->name.z);
    if( aiCol[i]<0 ) return mlErrorSet(p->pErr, ML_E_COLUMN_NOT_FOUND, c->name.z);
    if( SQLT_IS_LOB(pTab->aCol[aiCol[i]].type.id) ) return mlErrorSet(p->pErr, ML_E_LOB_IN_KEY, "");
    aDesc[i] = c->dir==ASORT_DESC;
  }
  rc = catNewObjectId(p->pTxn, &id, p->pErr);
  if( rc==ML_OK ) rc = ddlPutIndex(p, id, pTab->zSchema, zName, pTab->id,
                                   pStmt->u.createIndex.unique, 0, 0, pCols->n, aiCol, aDesc);
  if( rc==ML_OK ) rc = ddlBuildIndex(p, pTab, (uint32_t)id, pStmt->u.createIndex.unique,
                                     pCols->n, aiCol, aDesc, zName);
  return rc;
}

/* -------------------------------------------------------------- views */

/*
** CREATE VIEW: the query's canonical text in SYSTEM.TABLES and one
** SYSTEM.COLUMNS row per result column (named by the column list, else by
** the query), so that INFORMATION_SCHEMA.COLUMNS lists a view's columns
** like a table's and a column list renames them.  Every column needs a
** name, unique in the view.
*/
static int ddlCreateView(DdlCtx *p, AstStmt *pStmt){
  const char *zSchema, *zName = pStmt->u.createView.name.name.z;
  const AstList *pCols = pStmt->u.createView.pCols;
  const char **azCol;
  StrBuf b;
  int64_t id;
  Value a[12];
  int rc, i, j;
  char *zText;
  rc = ddlTargetSchema(p, &pStmt->u.createView.name, &zSchema);
  if( rc==ML_OK ) rc = ddlNameFree(p, zSchema, zName);
  if( rc ) return rc;
  if( pStmt->u.createView.checkOption ){
    return mlErrorSet(p->pErr, ML_E_NOT_SUPPORTED, "WITH CHECK OPTION");
  }
  if( pCols && pCols->n!=p->nViewCol ){
    return mlErrorSet(p->pErr, ML_E_COLUMN_COUNT, " in the view column list");
  }
  azCol = arenaAlloc(p->pArena, sizeof(char*)*(size_t)(p->nViewCol+1));
  if( azCol==0 ) return DDL_NOMEM(p);
  for(i=0; i<p->nViewCol; i++){
    azCol[i] = pCols ? ((const AstIdent*)pCols->a[i])->z : p->azViewCol[i];
    if( azCol[i]==0 || azCol[i][0]==0 ){
      char z[80];
      snprintf(z, sizeof(z), "view column %d has no name, give a column list", i+1);
      return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, z);
    }
    for(j=0; j<i; j++){
      if( catNameEq(azCol[j], azCol[i]) ) return mlErrorSet(p->pErr, ML_E_OBJECT_EXISTS, azCol[i]);
    }
  }
  strbufInit(&b, 0, 0);
  rc = astPrintQuery(&b, pStmt->u.createView.pQuery, 0);
  if( rc==ML_OK ) rc = strbufError(&b);
  zText = rc ? 0 : arenaStrndup(p->pArena, (const char*)b.a, b.n);
  strbufFree(&b);
  if( zText==0 ) return DDL_NOMEM(p);
  rc = catNewObjectId(p->pTxn, &id, p->pErr);
  if( rc ) return rc;
  catValInt(&a[0], id);
  catValStr(&a[1], zSchema);
  catValStr(&a[2], zName);
  catValStr(&a[3], "VIEW");
  catValInt(&a[4], 0);
  catValNull(&a[5]);
  catValStr(&a[6], zText);
  catValStr(&a[7], "NO");
  rc = catSysInsert(p->pTxn, CAT_SYS_TABLES, a, p->pErr);
  for(i=0; rc==ML_OK && i<p->nViewCol; i++){
    catValInt(&a[0], id);
    catValInt(&a[1], i+1);
    catValStr(&a[2], azCol[i]);
    ddlTypeVals(&a[3], &p->aViewType[i]);
    catValStr(&a[8], p->aViewNullable[i] ? "YES" : "NO");
    catValNull(&a[9]);
    catValNull(&a[10]);
    catValNull(&a[11]);
    rc = catSysInsert(p->pTxn, CAT_SYS_COLUMNS, a, p->pErr);
  }
  return rc;
}

/* ------------------------------------------------------------ domains */

/*
** A domain's CHECK condition may read VALUE only: a column reference is
** -12202, a parameter -12207, a subquery or NEXT/CURRENT VALUE FOR -12298.
*/
static int ddlDomainCheck(DdlCtx *p, AstExpr *pCheck){
  const AstExpr *pBad = catDomainCheckWalk(pCheck, 0);
  if( pBad==0 ) return ML_OK;
  switch( pBad->kind ){
    case AE_COLUMN:
      return mlErrorSet(p->pErr, ML_E_COLUMN_NOT_FOUND, pBad->u.col.aPart[pBad->u.col.nPart-1].z);
    case AE_PARAM:
      return mlErrorSet(p->pErr, ML_E_INVALID_USE, "a parameter marker in a domain CHECK");
    case AE_NEXT_VALUE: case AE_CURRENT_VALUE:
      return mlErrorSet(p->pErr, ML_E_NOT_SUPPORTED, "a sequence in a domain CHECK");
    default:
      return mlErrorSet(p->pErr, ML_E_NOT_SUPPORTED, "a subquery in a domain CHECK");
  }
}

/*
** The name of domain zDom's CHECK constraint: as written in *pzName
** (-12560 if the schema's one namespace has it), else <domain>_CK, or
** <domain>_CK<n> with the first free n.
*/
static int ddlDomainConsName(DdlCtx *p, const char *zSchema, const char *zDom, const char **pzName){
  char zGen[300];
  int n = 1;
  if( *pzName ){
    if( catNameEq(*pzName, zDom) ){
      char z[300];
      snprintf(z, sizeof(z), "%s.%s", zSchema, *pzName);
      return mlErrorSet(p->pErr, ML_E_OBJECT_EXISTS, z);
    }
    return ddlNameFree(p, zSchema, *pzName);
  }
  snprintf(zGen, sizeof(zGen), "%s_CK", zDom);
  while( catNameTaken(p->pCat, zSchema, zGen) || catNameEq(zGen, zDom) ){
    snprintf(zGen, sizeof(zGen), "%s_CK%d", zDom, ++n);
  }
  *pzName = arenaStrndup(p->pArena, zGen, strlen(zGen));
  return *pzName ? ML_OK : mlErrorSet(p->pErr, ML_E_NOMEM);
}

/*
** CREATE DOMAIN: a SYSTEM.DOMAINS row with the type, the DEFAULT text and
** the CHECK text (with VALUE) and constraint name; catLoad binds the
** CHECK to each column of the domain (catalog/catload.c).
*/
static int ddlCreateDomain(DdlCtx *p, AstStmt *pStmt){
  const char *zSchema, *zName = pStmt->u.createDomain.name.name.z;
  const AstType *t = pStmt->u.createDomain.pType;
  char *zDefault = 0, *zCheck = 0;
  const char *zConsName = 0;
  SqlType type;
  int64_t id;
  Value a[12];
  int rc, i;
  rc = ddlTargetSchema(p, &pStmt->u.createDomain.name, &zSchema);
  if( rc==ML_OK ) rc = ddlNameFree(p, zSchema, zName);
  if( rc ) return rc;
  if( t->given & ATYPE_USER ) return mlErrorSet(p->pErr, ML_E_NOT_SUPPORTED, "a domain over a domain");
  rc = catDeclaredType(p->pCat, zSchema, t, &type, 0, p->pErr);
  if( rc ) return rc;
  if( pStmt->u.createDomain.pDefault ){
    rc = ddlQualifySequences(p, pStmt->u.createDomain.pDefault);
    if( rc==ML_OK ) rc = ddlExprText(p, pStmt->u.createDomain.pDefault, ASTPRINT_QUOTE_IDENTS, &zDefault);
    if( rc ) return rc;
  }
  for(i=0; pStmt->u.createDomain.pCons && i<pStmt->u.createDomain.pCons->n; i++){
    AstConstraint *c = pStmt->u.createDomain.pCons->a[i];
    if( c->kind!=ACONS_CHECK || zCheck ){
      return mlErrorSet(p->pErr, ML_E_NOT_SUPPORTED, "domain constraints other than one CHECK");
    }
    rc = ddlDomainCheck(p, c->pCheck);
    if( rc==ML_OK ) rc = ddlExprText(p, c->pCheck, 0, &zCheck);
    if( rc ) return rc;
    zConsName = c->name.z;
  }
  if( zCheck ){
    rc = ddlDomainConsName(p, zSchema, zName, &zConsName);
    if( rc ) return rc;
  }
  rc = catNewObjectId(p->pTxn, &id, p->pErr);
  if( rc ) return rc;
  catValInt(&a[0], id);
  catValStr(&a[1], zSchema);
  catValStr(&a[2], zName);
  ddlTypeVals(&a[3], &type);
  catValStr(&a[8], zDefault);
  catValStr(&a[9], zCheck);
  catValStr(&a[10], zConsName);
  return catSysInsert(p->pTxn, CAT_SYS_DOMAINS, a, p->pErr);
}

/* ------------------------------------------------ idents and schemas */

static int ddlPutSchema(DdlCtx *p, const char *zName, const char *zOwner){
  Value a[3];
  int64_t id;
  int rc;
  if( catFindSchema(p->pCat, zName) ) return mlErrorSet(p->pErr, ML_E_SCHEMA_EXISTS, zName);
  rc = catNewObjectId(p->pTxn, &id, p->pErr);
  if( rc ) return rc;
  catValInt(&a[0], id);
  catValStr(&a[1], zName);
  catValStr(&a[2], zOwner);
  return catSysInsert(p->pTxn, CAT_SYS_SCHEMATA, a, p->pErr);
}

static int ddlCreateIdent(DdlCtx *p, AstStmt *pStmt){
  const char *zName = pStmt->u.ident.name.z;
  char zHash[256];
  Value a[5];
  int64_t id;
  int rc, kind = pStmt->u.ident.identKind;
  if( catFindIdent(p->pCat, zName) ) return mlErrorSet(p->pErr, ML_E_IDENT_EXISTS, zName);
  if( kind==AIDK_PROGRAM && pStmt->u.ident.zText==0 ){
    return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, "a PROGRAM ident needs a password");
  }
  if( pStmt->u.ident.zText ){
    if( p->xHash(pStmt->u.ident.zText, zHash, sizeof(zHash)) ) return DDL_NOMEM(p);
  }
  rc = catNewObjectId(p->pTxn, &id, p->pErr);
  if( rc ) return rc;
  catValInt(&a[0], id);
  catValStr(&a[1], zName);
  catValStr(&a[2], kind==AIDK_PROGRAM ? "PROGRAM" : kind==AIDK_GROUP ? "GROUP" : "USER");
  catValStr(&a[3], pStmt->u.ident.zText ? zHash : 0);
  catValStr(&a[4], p->zUser);
  rc = catSysInsert(p->pTxn, CAT_SYS_IDENTS, a, p->pErr);
  if( rc==ML_OK && kind!=AIDK_GROUP && pStmt->u.ident.schema!=2 ){
    rc = ddlPutSchema(p, zName, zName);
  }
  return rc;
}

static int ddlCreateDatabank(DdlCtx *p, AstStmt *pStmt){
  const char *zName = pStmt->u.databank.name.z;
  Value a[5];
  int64_t id;
  int rc;
  static const char *azOpt[] = { "TRANSACTION", "LOG", "TRANSACTION", "WORK" };
  if( catFindDatabank(p->pCat, zName) ) return mlErrorSet(p->pErr, ML_E_OBJECT_EXISTS, zName);
  rc = catNewObjectId(p->pTxn, &id, p->pErr);
  if( rc ) return rc;
  catValInt(&a[0], id);
  catValStr(&a[1], zName);
  catValStr(&a[2], p->zUser);
  catValStr(&a[3], azOpt[pStmt->u.databank.logOption]);
  catValStr(&a[4], pStmt->u.databank.zFile ? pStmt->u.databank.zFile : zName);
  return catSysInsert(p->pTxn, CAT_SYS_DATABANKS, a, p->pErr);
}

/* --------------------------------------------------------------- DROP */

static int ddlDropTable(DdlCtx *p, const CatTable *pTab, int bCascade);

/* Remove an object's comments and privileges. */
static int ddlDropExtras(DdlCtx *p, int64_t id){
  int rc = catSysDeleteId(p->pTxn, CAT_SYS_COMMENTS, id, p->pErr);
  if( rc==ML_OK ) rc = catSysDeleteId(p->pTxn, CAT_SYS_PRIVILEGES, id, p->pErr);
  if( rc==ML_OK ) rc = catSysDeleteId(p->pTxn, CAT_SYS_COLUMN_PRIVILEGES, id, p->pErr);
  return rc;
}

int ddlDropIndexRows(DdlCtx *p, const CatIndex *pIdx){
  unsigned char aPre[4];
  int rc;
  keyEncodeTreeId(pIdx->iTree, aPre);
  rc = txnDeleteRange(p->pTxn, aPre, 4, p->pErr);
  if( rc==ML_OK ) rc = catSysDeleteId(p->pTxn, CAT_SYS_INDEXES, pIdx->id, p->pErr);
  if( rc==ML_OK ) rc = catSysDeleteId(p->pTxn, CAT_SYS_INDEX_COLUMNS, pIdx->id, p->pErr);
  if( rc==ML_OK ) rc = ddlDropExtras(p, pIdx->id);
  return rc;
}

int ddlDropConstraint(DdlCtx *p, const CatConstraint *pCons){
  int rc = catSysDeleteId(p->pTxn, CAT_SYS_CONSTRAINTS, pCons->id, p->pErr);
  if( rc==ML_OK ) rc = catSysDeleteId(p->pTxn, CAT_SYS_KEY_COLUMNS, pCons->id, p->pErr);
  if( rc==ML_OK && pCons->pIndex ) rc = ddlDropIndexRows(p, pCons->pIndex);
  return rc;
}

/* Does a column default use sequence pSeq? */
static int ddlDefaultUses(const AstExpr *e, const CatSequence *pSeq){
  if( e==0 ) return 0;
  if( (e->kind==AE_NEXT_VALUE || e->kind==AE_CURRENT_VALUE)
   && catNameEq(e->u.seq.name.z, pSeq->zName)
   && (e->u.seq.schema.z==0 || catNameEq(e->u.seq.schema.z, pSeq->zSchema)) ) return 1;
  return ddlDefaultUses(e->pLeft, pSeq) || ddlDefaultUses(e->pRight, pSeq);
}

/* Does view pView's query name pTab (CatTable.apUse, catalog/catusage.c)? */
static int ddlViewUses(const CatTable *pView, const CatTable *pTab){
  int i;
  for(i=0; i<pView->nUse; i++){
    if( pView->apUse[i]->id==pTab->id ) return 1;
  }
  return 0;
}

/* Views that read pTab: fail (RESTRICT) or drop them (CASCADE). */
int ddlDropDependentViews(DdlCtx *p, const CatTable *pTab, int bCascade){
  int i, rc = ML_OK;
  for(i=0; rc==ML_OK && i<p->pCat->nTable; i++){
    const CatTable *pView = p->pCat->apTable[i];
    if( !pView->isView || pView==pTab || !ddlViewUses(pView, pTab) ) continue;
    if( !bCascade ){
      char z[300];
      snprintf(z, sizeof(z), "view %s.%s", pView->zSchema, pView->zName);
      return mlErrorSet(p->pErr, ML_E_DEPENDENT_OBJECTS, pTab->zName, z);
    }
    rc = ddlDropTable(p, pView, 1);
  }
  return rc;
}

static int ddlDropTable(DdlCtx *p, const CatTable *pTab, int bCascade){
  unsigned char aPre[4];
  int i, rc = ML_OK;
  if( pTab->isSystem ) return mlErrorSet(p->pErr, ML_E_NO_PRIVILEGE, pTab->zName);
  rc = ddlDropDependentViews(p, pTab, bCascade);
  if( rc ) return rc;
  for(i=0; i<pTab->nRefBy; i++){
    const CatConstraint *pFk = pTab->apRefBy[i];
    if( pFk->pTable==pTab ) continue;
    if( !bCascade ){
      char z[300];
      snprintf(z, sizeof(z), "constraint %s.%s", pFk->zSchema, pFk->zName);
      return mlErrorSet(p->pErr, ML_E_DEPENDENT_OBJECTS, pTab->zName, z);
    }
    rc = ddlDropConstraint(p, pFk);
    if( rc ) return rc;
  }
  if( !pTab->isView ){
    keyEncodeTreeId(pTab->iTree, aPre);
    rc = txnDeleteRange(p->pTxn, aPre, 4, p->pErr);
    for(i=0; rc==ML_OK && i<pTab->nIndex; i++){
      if( pTab->apIndex[i]->pCons==0 ) rc = ddlDropIndexRows(p, pTab->apIndex[i]);
    }
    for(i=0; rc==ML_OK && i<pTab->nCons; i++) rc = ddlDropConstraint(p, pTab->apCons[i]);
  }
  if( rc==ML_OK ) rc = catSysDeleteId(p->pTxn, CAT_SYS_TABLES, pTab->id, p->pErr);
  if( rc==ML_OK ) rc = catSysDeleteId(p->pTxn, CAT_SYS_COLUMNS, pTab->id, p->pErr);
  if( rc==ML_OK ) rc = ddlDropExtras(p, pTab->id);
  return rc;
}

static int ddlDropSequence(DdlCtx *p, const CatSequence *pSeq, int bCascade){
  int i, j, rc;
  for(i=0; i<p->pCat->nTable; i++){
    const CatTable *pTab = p->pCat->apTable[i];
    for(j=0; j<pTab->nCol; j++){
      if( !ddlDefaultUses(pTab->aCol[j].pDefault, pSeq) ) continue;
      if( !bCascade ){
        char z[300];
        snprintf(z, sizeof(z), "table %s.%s", pTab->zSchema, pTab->zName);
        return mlErrorSet(p->pErr, ML_E_DEPENDENT_OBJECTS, pSeq->zName, z);
      }
      rc = ddlDropTable(p, pTab, 1);
      if( rc ) return rc;
      break;
    }
  }
  rc = catSysDeleteId(p->pTxn, CAT_SYS_SEQUENCES, pSeq->id, p->pErr);
  if( rc==ML_OK ) rc = ddlDropExtras(p, pSeq->id);
  return rc;
}

/* Drop everything in schema zSchema (CASCADE) or fail if not empty. */
static int ddlDropSchemaContents(DdlCtx *p, const CatSchema *pS, int bCascade){
  const Catalog *c = p->pCat;
  int i, rc = ML_OK;
  for(i=0; i<c->nTable; i++){
    if( catNameEq(c->apTable[i]->zSchema, pS->zName) ){
      if( !bCascade ) return mlErrorSet(p->pErr, ML_E_DEPENDENT_OBJECTS, pS->zName, c->apTable[i]->zName);
      rc = ddlDropTable(p, c->apTable[i], 1);
      if( rc ) return rc;
    }
  }
  for(i=0; i<c->nSeq; i++){
    if( catNameEq(c->apSeq[i]->zSchema, pS->zName) ){
      if( !bCascade ) return mlErrorSet(p->pErr, ML_E_DEPENDENT_OBJECTS, pS->zName, c->apSeq[i]->zName);
      rc = catSysDeleteId(p->pTxn, CAT_SYS_SEQUENCES, c->apSeq[i]->id, p->pErr);
      if( rc ) return rc;
    }
  }
  for(i=0; i<c->nDomain; i++){
    if( catNameEq(c->apDomain[i]->zSchema, pS->zName) ){
      if( !bCascade ) return mlErrorSet(p->pErr, ML_E_DEPENDENT_OBJECTS, pS->zName, c->apDomain[i]->zName);
      rc = catSysDeleteId(p->pTxn, CAT_SYS_DOMAINS, c->apDomain[i]->id, p->pErr);
      if( rc ) return rc;
    }
  }
  return catSysDeleteId(p->pTxn, CAT_SYS_SCHEMATA, pS->id, p->pErr);
}

static int ddlDrop(DdlCtx *p, AstStmt *pStmt){
  const AstQName *n = &pStmt->u.drop.name;
  const char *zSchema = ddlSchema(p, n);
  int bCascade = pStmt->u.drop.behavior==ADROP_CASCADE;
  char zFull[300];
  snprintf(zFull, sizeof(zFull), "%s.%s", zSchema, n->name.z);
  switch( pStmt->u.drop.objKind ){
    case AOBJ_TABLE: case AOBJ_VIEW: {
      const CatTable *pTab = catFindTable(p->pCat, zSchema, n->name.z);
      if( pTab==0 || (pTab->isView != (pStmt->u.drop.objKind==AOBJ_VIEW)) ){
        return mlErrorSet(p->pErr, pStmt->u.drop.objKind==AOBJ_VIEW ? ML_E_OBJECT_NOT_EXIST
                          : ML_E_TABLE_NOT_EXIST, zFull);
      }
      return ddlDropTable(p, pTab, bCascade);
    }
    case AOBJ_SEQUENCE: {
      const CatSequence *pSeq = catFindSequence(p->pCat, zSchema, n->name.z);
      if( pSeq==0 ) return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, zFull);
      return ddlDropSequence(p, pSeq, bCascade);
    }
    case AOBJ_INDEX: {
      const CatIndex *pIdx = catFindIndex(p->pCat, zSchema, n->name.z);
      if( pIdx==0 ) return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, zFull);
      return ddlDropIndexRows(p, pIdx);
    }
    case AOBJ_DOMAIN: {
      const CatDomain *pDom = catFindDomain(p->pCat, zSchema, n->name.z);
      int i, j;
      int rc = ML_OK;
      if( pDom==0 ) return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, zFull);
      for(i=0; rc==ML_OK && i<p->pCat->nTable; i++){
        const CatTable *pTab = p->pCat->apTable[i];
        for(j=0; j<pTab->nCol; j++){
          if( pTab->aCol[j].zDomName && catNameEq(pTab->aCol[j].zDomName, pDom->zName)
           && catNameEq(pTab->aCol[j].zDomSchema, pDom->zSchema) ){
            break;
          }
        }
        if( j==pTab->nCol ) continue;
        if( !bCascade ) return mlErrorSet(p->pErr, ML_E_DEPENDENT_OBJECTS, pDom->zName, pTab->zName);
        rc = ddlAlterUndomain(p, pTab, pDom);
      }
      if( rc==ML_OK ) rc = ddlDropExtras(p, pDom->id);
      if( rc==ML_OK ) rc = catSysDeleteId(p->pTxn, CAT_SYS_DOMAINS, pDom->id, p->pErr);
      return rc;
    }
    case AOBJ_SCHEMA: {
      const CatSchema *pS = catFindSchema(p->pCat, n->name.z);
      if( pS==0 ) return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, n->name.z);
      if( catNameEq(pS->zName, "SYSTEM") || catNameEq(pS->zName, "INFORMATION_SCHEMA") ){
        return mlErrorSet(p->pErr, ML_E_NO_PRIVILEGE, pS->zName);
      }
      return ddlDropSchemaContents(p, pS, bCascade);
    }
    case AOBJ_IDENT: {
      const CatIdent *pId = catFindIdent(p->pCat, n->name.z);
      const CatSchema *pS;
      int rc;
      if( pId==0 ) return mlErrorSet(p->pErr, ML_E_IDENT_NOT_EXIST, n->name.z);
      if( catNameEq(pId->zName, "SYSADM") || catNameEq(pId->zName, p->zUser) ){
        return mlErrorSet(p->pErr, ML_E_NO_PRIVILEGE, pId->zName);
      }
      pS = catFindSchema(p->pCat, pId->zName);
      rc = pS ? ddlDropSchemaContents(p, pS, bCascade) : ML_OK;
      if( rc==ML_OK ) rc = catSysDeleteId(p->pTxn, CAT_SYS_IDENTS, pId->id, p->pErr);
      return rc;
    }
    case AOBJ_DATABANK: {
      const CatDatabank *pB = catFindDatabank(p->pCat, n->name.z);
      if( pB==0 ) return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, n->name.z);
      return catSysDeleteId(p->pTxn, CAT_SYS_DATABANKS, pB->id, p->pErr);
    }
    default:
      return mlErrorSetText(p->pErr, ML_E_NOT_SUPPORTED, "Feature not supported: DROP %s",
                            astObjName(pStmt->u.drop.objKind));
  }
}

/* ------------------------------------------------- COMMENT and GRANT */

static int ddlComment(DdlCtx *p, AstStmt *pStmt){
  const AstQName *n = &pStmt->u.comment.name;
  const char *zSchema = ddlSchema(p, n);
  int64_t id = 0;
  int iCol = 0;
  Value a[4];
  switch( pStmt->u.comment.objKind ){
    case AOBJ_TABLE: case AOBJ_VIEW: case AOBJ_COLUMN: {
      const CatTable *pTab = catFindTable(p->pCat, zSchema, n->name.z);
      if( pTab==0 ) return mlErrorSet(p->pErr, ML_E_TABLE_NOT_FOUND, n->name.z);
      id = pTab->id;
      if( pStmt->u.comment.objKind==AOBJ_COLUMN ){
        iCol = catColumnIndex(pTab, pStmt->u.comment.column.z) + 1;
        if( iCol==0 ) return mlErrorSet(p->pErr, ML_E_COLUMN_NOT_FOUND, pStmt->u.comment.column.z);
      }
      break;
    }
    case AOBJ_SEQUENCE: {
      const CatSequence *pSeq = catFindSequence(p->pCat, zSchema, n->name.z);
      if( pSeq==0 ) return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, n->name.z);
      id = pSeq->id;
      break;
    }
    case AOBJ_INDEX: {
      const CatIndex *pIdx = catFindIndex(p->pCat, zSchema, n->name.z);
      if( pIdx==0 ) return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, n->name.z);
      id = pIdx->id;
      break;
    }
    default:
      return mlErrorSetText(p->pErr, ML_E_NOT_SUPPORTED, "Feature not supported: COMMENT ON %s",
                            astObjName(pStmt->u.comment.objKind));
  }
  catValInt(&a[0], id);
  catValInt(&a[1], iCol);
  catValStr(&a[2], astObjName(pStmt->u.comment.objKind));
  catValStr(&a[3], pStmt->u.comment.zText);
  return catSysInsert(p->pTxn, CAT_SYS_COMMENTS, a, p->pErr);
}

/*
** The leading values of descriptor d's row: object, [column,] grantee,
** privilege, grantor.  Returns 1 for a column privilege (SYSTEM.
** COLUMN_PRIVILEGES, one value more), 0 for a table one (SYSTEM.PRIVILEGES).
*/
static int ddlPrivVals(Value *a, const CatPrivilege *d){
  int k = d->iCol ? 1 : 0;
  catValInt(&a[0], d->objectId);
  if( k ) catValInt(&a[1], d->iCol);
  catValStr(&a[1+k], d->zGrantee);
  catValStr(&a[2+k], d->zPriv);
  catValStr(&a[3+k], d->zGrantor);
  return k;
}

/* Write descriptor d: a row of SYSTEM.PRIVILEGES, or COLUMN_PRIVILEGES. */
static int ddlPutPriv(DdlCtx *p, const CatPrivilege *d, const char *zType){
  Value a[6];
  int k = ddlPrivVals(a, d);
  catValStr(&a[4+k], d->grantable ? "YES" : "NO");
  if( !k ) catValStr(&a[5], zType);
  return catSysInsert(p->pTxn, k ? CAT_SYS_COLUMN_PRIVILEGES : CAT_SYS_PRIVILEGES, a, p->pErr);
}

/*
** Delete descriptor d's row (matched by value, so rows of the older key
** layout go too).  Without bGrantor any grantor's row of the privilege.
*/
static int ddlDelPriv(DdlCtx *p, const CatPrivilege *d, int bGrantor){
  Value a[5];
  int k = ddlPrivVals(a, d);
  return catSysDeleteRow(p->pTxn, k ? CAT_SYS_COLUMN_PRIVILEGES : CAT_SYS_PRIVILEGES, a,
                         3+k+(bGrantor ? 1 : 0), p->pErr);
}

/* The object a GRANT/REVOKE names. */
typedef struct GrantObj {
  int64_t id;              /* object id, 0 for system privileges */
  const char *zType;       /* OBJECT_TYPE: TABLE, SEQUENCE, ... */
  const char *zSchema;     /* schema of a table, sequence or domain, else 0 */
  const char *zName;
  const CatTable *pTab;    /* a table or view, else 0 */
} GrantObj;

/* Resolve the object of a GRANT/REVOKE (-12200, -12517 when absent). */
static int ddlGrantObject(DdlCtx *p, AstStmt *pStmt, GrantObj *o){
  const AstQName *n = &pStmt->u.grant.object;
  const char *zSchema = ddlSchema(p, n);
  memset(o, 0, sizeof(*o));
  o->zType = "SYSTEM";
  if( !pStmt->u.grant.hasObject ) return ML_OK;
  if( pStmt->u.grant.objKind==AOBJ_DATABANK ){
    const CatDatabank *pB = catFindDatabank(p->pCat, n->name.z);
    if( pB==0 ) return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, n->name.z);
    o->id = pB->id; o->zType = "DATABANK";
  }else if( pStmt->u.grant.objKind==AOBJ_SEQUENCE ){
    const CatSequence *pSeq = catFindSequence(p->pCat, zSchema, n->name.z);
    if( pSeq==0 ) return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, n->name.z);
    o->id = pSeq->id; o->zType = "SEQUENCE";
    o->zSchema = pSeq->zSchema; o->zName = pSeq->zName;
  }else if( pStmt->u.grant.objKind==AOBJ_DOMAIN ){
    const CatDomain *pD = catFindDomain(p->pCat, zSchema, n->name.z);
    if( pD==0 ) return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, n->name.z);
    o->id = pD->id; o->zType = "DOMAIN";
    o->zSchema = pD->zSchema; o->zName = pD->zName;
  }else{
    o->pTab = catFindTable(p->pCat, zSchema, n->name.z);
    if( o->pTab==0 ){
      const CatIdent *pId = catFindIdent(p->pCat, n->name.z);
      if( pId==0 ) return mlErrorSet(p->pErr, ML_E_TABLE_NOT_FOUND, n->name.z);
      o->id = pId->id; o->zType = "IDENT";
    }else{
      o->id = o->pTab->id; o->zType = "TABLE";
      o->zSchema = o->pTab->zSchema; o->zName = o->pTab->zName;
    }
  }
  return ML_OK;
}

/*
** Column positions (1-based) of privilege pPriv's column list into aiCol
** (*pnCol; 0 for none).  A list on anything but a table is -12566, an
** unknown column -12202, a column named twice -12566.
*/
static int ddlGrantColumns(DdlCtx *p, const GrantObj *o, const AstPrivilege *pPriv,
                           int *aiCol, int *pnCol){
  int i, j;
  *pnCol = 0;
  if( pPriv->pCols==0 ) return ML_OK;
  if( o->pTab==0 ){
    return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, "a column list on a privilege of an object without columns");
  }
  if( pPriv->pCols->n>1000 ) return mlErrorSet(p->pErr, ML_E_TOO_COMPLEX, ": too many columns");
  for(i=0; i<pPriv->pCols->n; i++){
    const char *z = ((const AstIdent*)pPriv->pCols->a[i])->z;
    aiCol[i] = catColumnIndex(o->pTab, z) + 1;
    if( aiCol[i]==0 ) return mlErrorSet(p->pErr, ML_E_COLUMN_NOT_FOUND, z);
    for(j=0; j<i; j++){
      if( aiCol[j]==aiCol[i] ) return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, "a column named twice in a privilege");
    }
  }
  *pnCol = pPriv->pCols->n;
  return ML_OK;
}

/*
** The grantor must own the object's schema or hold the privilege (on
** each listed column) WITH GRANT OPTION: -12565, or -12200 / -12517 when
** it may not even see the object.
*/
static int ddlGrantAuthority(DdlCtx *p, const GrantObj *o, const char *zPriv,
                             const int *aiCol, int nCol){
  int i, bOk = 1;
  char zFull[300];
  if( o->zSchema==0 ) return ML_OK;
  if( nCol==0 ) bOk = catHasPrivilege(p->pCat, p->zUser, o->id, o->zSchema, zPriv, 1);
  for(i=0; bOk && i<nCol; i++){
    bOk = catHasColumnPrivilege(p->pCat, p->zUser, o->id, o->zSchema, zPriv, aiCol[i], 1);
  }
  if( bOk ) return ML_OK;
  snprintf(zFull, sizeof(zFull), "%s.%s", o->zSchema, o->zName);
  if( catCanSee(p->pCat, p->zUser, o->id, o->zSchema) ){
    return mlErrorSet(p->pErr, ML_E_NO_PRIVILEGE, zFull);
  }
  return mlErrorSet(p->pErr, o->zType[0]=='T' ? ML_E_TABLE_NOT_FOUND : ML_E_OBJECT_NOT_EXIST, zFull);
}

/*
** REVOKE [GRANT OPTION FOR] on an object of a schema.  The descriptors
** the current ident granted to the grantees go (or lose their grant
** option); descriptors that are left without support (catPrivSupported:
** granted onwards on the strength of what was revoked) make RESTRICT, the
** default, fail with -12521, and go too with CASCADE (SQL standard).
*/
static int ddlRevoke(DdlCtx *p, AstStmt *pStmt, const GrantObj *o){
  const Catalog *c = p->pCat;
  CatPrivilege *a;
  uint8_t *aPresent, *aAlive, *aChanged;
  int n = 0, i, j, g, rc = ML_OK;
  int bCascade = pStmt->u.grant.behavior==ADROP_CASCADE;
  a = arenaAlloc(p->pArena, sizeof(CatPrivilege)*(size_t)(c->nPriv+1));
  aPresent = arenaAlloc(p->pArena, (size_t)(3*c->nPriv+3));
  if( a==0 || aPresent==0 ) return DDL_NOMEM(p);
  for(i=0; i<c->nPriv; i++) if( c->aPriv[i].objectId==o->id ) a[n++] = c->aPriv[i];
  aAlive = aPresent + n + 1;
  aChanged = aAlive + n + 1;
  memset(aPresent, 1, (size_t)n);
  memset(aChanged, 0, (size_t)n);
  for(g=0; g<pStmt->u.grant.pGrantees->n; g++){
    const char *zGrantee = ((AstIdent*)pStmt->u.grant.pGrantees->a[g])->z;
    for(j=0; j<pStmt->u.grant.pPrivs->n; j++){
      const AstPrivilege *pPriv = pStmt->u.grant.pPrivs->a[j];
      int aiCol[1000], nCol, k;
      rc = ddlGrantColumns(p, o, pPriv, aiCol, &nCol);
      if( rc ) return rc;
      for(i=0; i<n; i++){
        if( !catNameEq(a[i].zGrantee, zGrantee) || !catNameEq(a[i].zGrantor, p->zUser) ) continue;
        if( pPriv->kind!=APRIV_ALL && !catNameEq(a[i].zPriv, astPrivName(pPriv->kind)) ) continue;
        for(k=0; k<nCol && aiCol[k]!=a[i].iCol; k++){}
        if( nCol && k==nCol ) continue;
        if( !pStmt->u.grant.grantOption ) aPresent[i] = 0;
        else if( a[i].grantable ){ a[i].grantable = 0; aChanged[i] = 1; }
      }
    }
  }
  catPrivSupported(c, o->zSchema, a, n, aPresent, aAlive);
  for(i=0; i<n; i++){
    if( !aPresent[i] || aAlive[i] ) continue;
    if( !bCascade ){
      char zCol[200] = "";
      if( a[i].iCol && o->pTab && a[i].iCol<=o->pTab->nCol ){
        snprintf(zCol, sizeof(zCol), " (%s)", o->pTab->aCol[a[i].iCol-1].zName);
      }
      return mlErrorSetText(p->pErr, ML_E_DEPENDENT_OBJECTS,
                            "Privilege cannot be revoked, %s%s on %s.%s granted by %s to %s depends on it",
                            a[i].zPriv, zCol, o->zSchema, o->zName, a[i].zGrantor, a[i].zGrantee);
    }
    aPresent[i] = 0;
  }
  for(i=0; rc==ML_OK && i<n; i++){
    if( aPresent[i] && !aChanged[i] ) continue;
    rc = ddlDelPriv(p, &a[i], 1);
    if( rc==ML_OK && aPresent[i] ) rc = ddlPutPriv(p, &a[i], o->zType);
  }
  return rc;
}

/*
** GRANT/REVOKE: privilege descriptors in SYSTEM.PRIVILEGES and, for
** column lists, SYSTEM.COLUMN_PRIVILEGES, one per grantee, privilege,
** column and grantor; checked by sema/semapriv.c.  On a table, view,
** sequence or domain the grantor must own its schema or hold each
** privilege WITH GRANT OPTION (ddlGrantAuthority).  System privileges and
** those on databanks and idents are recorded only; their REVOKE removes
** every grantor's descriptor.
*/
static int ddlGrant(DdlCtx *p, AstStmt *pStmt){
  GrantObj o;
  int i, j, k, rc = ddlGrantObject(p, pStmt, &o);
  for(i=0; rc==ML_OK && i<pStmt->u.grant.pGrantees->n; i++){
    const char *zGrantee = ((AstIdent*)pStmt->u.grant.pGrantees->a[i])->z;
    const CatIdent *pId = catFindIdent(p->pCat, zGrantee);
    if( pId==0 && !catNameEq(zGrantee, "PUBLIC") ){
      return mlErrorSet(p->pErr, ML_E_IDENT_NOT_EXIST, zGrantee);
    }
  }
  for(j=0; rc==ML_OK && j<pStmt->u.grant.pPrivs->n; j++){
    const AstPrivilege *pPriv = pStmt->u.grant.pPrivs->a[j];
    int aiCol[1000], nCol;
    rc = ddlGrantColumns(p, &o, pPriv, aiCol, &nCol);
    if( rc==ML_OK ) rc = ddlGrantAuthority(p, &o, astPrivName(pPriv->kind), aiCol, nCol);
  }
  if( rc ) return rc;
  if( pStmt->kind==AS_REVOKE && o.zSchema ) return ddlRevoke(p, pStmt, &o);
  for(i=0; rc==ML_OK && i<pStmt->u.grant.pGrantees->n; i++){
    const char *zGrantee = ((AstIdent*)pStmt->u.grant.pGrantees->a[i])->z;
    const CatIdent *pId = catFindIdent(p->pCat, zGrantee);
    for(j=0; rc==ML_OK && j<pStmt->u.grant.pPrivs->n; j++){
      const AstPrivilege *pPriv = pStmt->u.grant.pPrivs->a[j];
      int aiCol[1000], nCol;
      rc = ddlGrantColumns(p, &o, pPriv, aiCol, &nCol);
      for(k=0; rc==ML_OK && k<(nCol ? nCol : 1); k++){
        CatPrivilege d;
        int m;
        memset(&d, 0, sizeof(d));
        d.objectId = o.id;
        d.iCol = nCol ? aiCol[k] : 0;
        d.zGrantee = pId ? pId->zName : "PUBLIC";
        d.zPriv = astPrivName(pPriv->kind);
        d.zGrantor = p->zUser;
        d.grantable = pStmt->u.grant.grantOption;
        if( pStmt->kind==AS_REVOKE ){
          rc = ddlDelPriv(p, &d, 0);
          continue;
        }
        /* granted again: one descriptor, which keeps a grant option */
        for(m=0; m<p->pCat->nPriv; m++){
          const CatPrivilege *e = &p->pCat->aPriv[m];
          if( e->objectId==d.objectId && e->iCol==d.iCol && e->grantable
           && catNameEq(e->zGrantee, d.zGrantee) && catNameEq(e->zPriv, d.zPriv)
           && catNameEq(e->zGrantor, d.zGrantor) ){
            d.grantable = 1;
          }
        }
        rc = ddlDelPriv(p, &d, 1);
        if( rc==ML_OK ) rc = ddlPutPriv(p, &d, o.zType);
      }
    }
  }
  return rc;
}

int ddlExecute(DdlCtx *p, AstStmt *pStmt){
  switch( pStmt->kind ){
    case AS_CREATE_TABLE: return ddlCreateTable(p, pStmt);
    case AS_CREATE_VIEW: return ddlCreateView(p, pStmt);
    case AS_CREATE_INDEX: return ddlCreateIndex(p, pStmt);
    case AS_CREATE_SEQUENCE: return ddlCreateSequence(p, pStmt);
    case AS_ALTER_SEQUENCE: return ddlAlterSequence(p, pStmt);
    case AS_ALTER_TABLE: return ddlAlterTable(p, pStmt);
    case AS_CREATE_DOMAIN: return ddlCreateDomain(p, pStmt);
    case AS_CREATE_SCHEMA:
      if( catFindSchema(p->pCat, pStmt->u.ident.name.z) ){
        return mlErrorSet(p->pErr, ML_E_SCHEMA_EXISTS, pStmt->u.ident.name.z);
      }
      return ddlPutSchema(p, pStmt->u.ident.name.z, p->zUser);
    case AS_CREATE_IDENT: return ddlCreateIdent(p, pStmt);
    case AS_CREATE_DATABANK: return ddlCreateDatabank(p, pStmt);
    case AS_DROP: return ddlDrop(p, pStmt);
    case AS_COMMENT: return ddlComment(p, pStmt);
    case AS_GRANT: case AS_REVOKE: return ddlGrant(p, pStmt);
    default:
      return mlErrorSetText(p->pErr, ML_E_NOT_SUPPORTED, "Feature not supported: %s",
                            astStmtName(pStmt->kind));
  }
}
