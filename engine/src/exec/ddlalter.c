/*
** ALTER TABLE (exec/ layer, see ddl.h and ddlint.h): ADD [COLUMN], DROP
** [COLUMN], ADD constraint, DROP CONSTRAINT, ALTER [COLUMN] SET/DROP
** DEFAULT and SET DATA TYPE.  This file only rewrites the data dictionary
** rows of the table (COLUMNS, TABLES, CONSTRAINTS, KEY_COLUMNS, INDEXES,
** INDEX_COLUMNS).  When existing rows must change or be checked (a column
** added or dropped, a new constraint, a primary key added or dropped, a
** type widened) it sets DdlCtx.pRebuild and the column map, and the caller
** (db/alter.c) re-inserts every old row through the new definition, which
** fills the new column's default, casts to the new type, checks every
** constraint and rebuilds every index.  Choices: docs/compatibility.md.
*/
#include "exec/ddlint.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "sql/astprint.h"

#define ALTER_NOMEM(p) mlErrorSet((p)->pErr, ML_E_NOMEM)

/* One column of the new definition, as its COLUMNS row holds it. */
typedef struct AlterCol {
  const char *zName;
  SqlType type;
  uint8_t notNull;
  const char *zDefault;    /* canonical text or 0 */
  const char *zDomSchema;  /* domain, or 0 */
  const char *zDomName;
} AlterCol;

/* The columns of pTab as AlterCols, in the statement arena (nCol+1 slots). */
static AlterCol *alterColumns(DdlCtx *p, const CatTable *pTab){
  AlterCol *a = arenaAlloc(p->pArena, sizeof(AlterCol)*(size_t)(pTab->nCol+1));
  int i;
  if( a==0 ) return 0;
  for(i=0; i<pTab->nCol; i++){
    const CatColumn *c = &pTab->aCol[i];
    a[i].zName = c->zName;
    a[i].type = c->type;
    a[i].notNull = c->notNull;
    a[i].zDefault = c->zDefault;
    a[i].zDomSchema = c->zDomSchema;
    a[i].zDomName = c->zDomName;
  }
  return a;
}

/* Replace the COLUMNS rows of pTab by a[0..n-1]. */
static int alterPutColumns(DdlCtx *p, const CatTable *pTab, const AlterCol *a, int n){
  int i, rc = catSysDeleteId(p->pTxn, CAT_SYS_COLUMNS, pTab->id, p->pErr);
  for(i=0; rc==ML_OK && i<n; i++){
    Value v[12];
    catValInt(&v[0], pTab->id);
    catValInt(&v[1], i+1);
    catValStr(&v[2], a[i].zName);
    ddlTypeVals(&v[3], &a[i].type);
    catValStr(&v[8], a[i].notNull ? "NO" : "YES");
    catValStr(&v[9], a[i].zDefault);
    catValStr(&v[10], a[i].zDomSchema);
    catValStr(&v[11], a[i].zDomName);
    rc = catSysInsert(p->pTxn, CAT_SYS_COLUMNS, v, p->pErr);
  }
  return rc;
}

/* Rewrite pTab's TABLES row with HAS_ROWID = bRowid. */
static int alterPutTableRow(DdlCtx *p, const CatTable *pTab, int bRowid){
  Value v[8];
  int rc = catSysDeleteId(p->pTxn, CAT_SYS_TABLES, pTab->id, p->pErr);
  catValInt(&v[0], pTab->id);
  catValStr(&v[1], pTab->zSchema);
  catValStr(&v[2], pTab->zName);
  catValStr(&v[3], "BASE TABLE");
  catValInt(&v[4], pTab->iTree);
  catValStr(&v[5], pTab->zDatabank ? pTab->zDatabank : "USERDB");
  catValNull(&v[6]);
  catValStr(&v[7], bRowid ? "YES" : "NO");
  if( rc==ML_OK ) rc = catSysInsert(p->pTxn, CAT_SYS_TABLES, v, p->pErr);
  return rc;
}

/*
** Ask the caller to rewrite the rows of pTab: the new definition has nNew
** columns, column j taken from old position aiMap[j] (-1: a new column,
** filled with its default).  aiMap is copied.
*/
static int alterRebuild(DdlCtx *p, const CatTable *pTab, int nNew, const int *aiMap){
  int *a = arenaAlloc(p->pArena, sizeof(int)*(size_t)(nNew+1));
  if( a==0 ) return ALTER_NOMEM(p);
  memcpy(a, aiMap, sizeof(int)*(size_t)nNew);
  p->pRebuild = pTab;
  p->nRebuildCol = nNew;
  p->aiRebuildMap = a;
  return ML_OK;
}

/* Does expression e (a CHECK condition) name column zCol? */
static int alterExprUses(const AstExpr *e, const char *zCol){
  int i;
  if( e==0 ) return 0;
  switch( e->kind ){
    case AE_COLUMN:
      return catNameEq(e->u.col.aPart[e->u.col.nPart-1].z, zCol);
    case AE_BETWEEN:
      if( alterExprUses(e->u.between.pLow, zCol) || alterExprUses(e->u.between.pHigh, zCol) ) return 1;
      break;
    case AE_LIKE:
      if( alterExprUses(e->u.pEscape, zCol) ) return 1;
      break;
    case AE_IN_LIST:
      for(i=0; e->u.pList && i<e->u.pList->n; i++){
        if( alterExprUses(e->u.pList->a[i], zCol) ) return 1;
      }
      break;
    case AE_FUNC:
      for(i=0; e->u.func.pArgs && i<e->u.func.pArgs->n; i++){
        if( alterExprUses(e->u.func.pArgs->a[i], zCol) ) return 1;
      }
      break;
    case AE_CASE:
      for(i=0; i<e->u.kase.pWhen->n; i++){
        if( alterExprUses(e->u.kase.pWhen->a[i], zCol) ) return 1;
        if( alterExprUses(e->u.kase.pThen->a[i], zCol) ) return 1;
      }
      if( alterExprUses(e->u.kase.pElse, zCol) ) return 1;
      break;
    default:
      break;
  }
  return alterExprUses(e->pLeft, zCol) || alterExprUses(e->pRight, zCol);
}

/* Does constraint c depend on column iCol of its table? */
static int alterConsUses(const CatConstraint *c, int iCol){
  int i;
  if( c->kind==CAT_CONS_CHECK ) return alterExprUses(c->pCheck, c->pTable->aCol[iCol].zName);
  for(i=0; i<c->nCol; i++) if( c->aiCol[i]==iCol ) return 1;
  return 0;
}

/*
** Was constraint c of pTab dropped with column iCol: it uses the column,
** or it is a foreign key to pTab itself whose referenced key uses it?
*/
static int alterConsGone(const CatTable *pTab, const CatConstraint *c, int iCol){
  if( alterConsUses(c, iCol) ) return 1;
  return c->kind==CAT_CONS_FK && c->pRef==pTab && alterConsUses(c->pRefCons, iCol);
}

/* -12521 naming zWhat (kind and name) as the dependant of zObj. */
static int alterDependent(DdlCtx *p, const char *zObj, const char *zKind, const char *zName){
  char z[300];
  snprintf(z, sizeof(z), "%s %s", zKind, zName);
  return mlErrorSet(p->pErr, ML_E_DEPENDENT_OBJECTS, zObj, z);
}

/*
** Drop constraint c of pTab; foreign keys of other tables that reference
** it are refused (RESTRICT) or dropped first (CASCADE).
*/
static int alterDropCons(DdlCtx *p, const CatTable *pTab, const CatConstraint *c, int bCascade){
  int i, rc = ML_OK;
  for(i=0; rc==ML_OK && i<pTab->nRefBy; i++){
    const CatConstraint *pFk = pTab->apRefBy[i];
    if( pFk->pRefCons!=c ) continue;
    if( !bCascade ) return alterDependent(p, c->zName, "constraint", pFk->zName);
    rc = ddlDropConstraint(p, pFk);
  }
  if( rc==ML_OK ) rc = ddlDropConstraint(p, c);
  return rc;
}

/*
** After DROP COLUMN: rewrite the column positions of the remaining
** constraints, indexes and column privileges of pTab, and of the foreign
** keys referencing it (a self-referencing one on both sides).
** aiNew maps old positions to new ones; objects using a dropped column
** (aiNew -1) are already gone.
*/
static int alterRenumber(DdlCtx *p, const CatTable *pTab, const int *aiNew, int iDropped){
  Value v[4];
  int i, j, rc = ML_OK;
  for(i=0; rc==ML_OK && i<pTab->nCons; i++){
    const CatConstraint *c = pTab->apCons[i];
    int bSelf = c->kind==CAT_CONS_FK && c->pRef==pTab;   /* references pTab itself */
    if( c->nCol==0 || alterConsGone(pTab, c, iDropped) ) continue;
    rc = catSysDeleteId(p->pTxn, CAT_SYS_KEY_COLUMNS, c->id, p->pErr);
    for(j=0; rc==ML_OK && j<c->nCol; j++){
      catValInt(&v[0], c->id);
      catValInt(&v[1], j+1);
      catValInt(&v[2], aiNew[c->aiCol[j]]+1);
      if( bSelf ) catValInt(&v[3], aiNew[c->aiRefCol[j]]+1);
      else if( c->kind==CAT_CONS_FK ) catValInt(&v[3], c->aiRefCol[j]+1);
      else catValNull(&v[3]);
      rc = catSysInsert(p->pTxn, CAT_SYS_KEY_COLUMNS, v, p->pErr);
    }
  }
  for(i=0; rc==ML_OK && i<pTab->nRefBy; i++){
    const CatConstraint *c = pTab->apRefBy[i];
    if( c->pTable==pTab || alterConsUses(c->pRefCons, iDropped) ) continue;
    rc = catSysDeleteId(p->pTxn, CAT_SYS_KEY_COLUMNS, c->id, p->pErr);
    for(j=0; rc==ML_OK && j<c->nCol; j++){
      catValInt(&v[0], c->id);
      catValInt(&v[1], j+1);
      catValInt(&v[2], c->aiCol[j]+1);
      catValInt(&v[3], aiNew[c->aiRefCol[j]]+1);
      rc = catSysInsert(p->pTxn, CAT_SYS_KEY_COLUMNS, v, p->pErr);
    }
  }
  /* column privileges: the dropped column's go, the others follow */
  if( rc==ML_OK ) rc = catSysDeleteId(p->pTxn, CAT_SYS_COLUMN_PRIVILEGES, pTab->id, p->pErr);
  for(i=0; rc==ML_OK && i<p->pCat->nPriv; i++){
    const CatPrivilege *d = &p->pCat->aPriv[i];
    Value w[6];
    if( d->objectId!=pTab->id || d->iCol==0 || d->iCol-1==iDropped ) continue;
    catValInt(&w[0], d->objectId);
    catValInt(&w[1], aiNew[d->iCol-1]+1);
    catValStr(&w[2], d->zGrantee);
    catValStr(&w[3], d->zPriv);
    catValStr(&w[4], d->zGrantor);
    catValStr(&w[5], d->grantable ? "YES" : "NO");
    rc = catSysInsert(p->pTxn, CAT_SYS_COLUMN_PRIVILEGES, w, p->pErr);
  }
  for(i=0; rc==ML_OK && i<pTab->nIndex; i++){
    const CatIndex *x = pTab->apIndex[i];
    int bUses = x->pCons && alterConsGone(pTab, x->pCons, iDropped);
    for(j=0; j<x->nCol; j++) if( x->aiCol[j]==iDropped ) bUses = 1;
    if( bUses ) continue;
    rc = catSysDeleteId(p->pTxn, CAT_SYS_INDEX_COLUMNS, x->id, p->pErr);
    for(j=0; rc==ML_OK && j<x->nCol; j++){
      catValInt(&v[0], x->id);
      catValInt(&v[1], j+1);
      catValInt(&v[2], aiNew[x->aiCol[j]]+1);
      catValStr(&v[3], x->aDesc && x->aDesc[j] ? "YES" : "NO");
      rc = catSysInsert(p->pTxn, CAT_SYS_INDEX_COLUMNS, v, p->pErr);
    }
  }
  return rc;
}

/*
** Resolve and write one new constraint (ADD constraint, or a column
** constraint of ADD COLUMN) over the columns a[0..nCol-1] of pTab.
** Unnamed ones get <table>_PK/_UQn/_FKn/_CKn with the first free n.
** PRIMARY KEY columns become NOT NULL in a[].
*/
static int alterAddCons(DdlCtx *p, const CatTable *pTab, AlterCol *a, int nCol,
                        AstConstraint *c, int *pbPk){
  DdlCons d;
  const char **azCol = arenaAlloc(p->pArena, sizeof(char*)*(size_t)nCol);
  SqlType *aType = arenaAlloc(p->pArena, sizeof(SqlType)*(size_t)nCol);
  uint8_t *aNotNull = arenaAlloc(p->pArena, (size_t)nCol);
  int i, rc;
  if( !azCol || !aType || !aNotNull ) return ALTER_NOMEM(p);
  for(i=0; i<nCol; i++){
    azCol[i] = a[i].zName;
    aType[i] = a[i].type;
    aNotNull[i] = a[i].notNull;
  }
  memset(&d, 0, sizeof(d));
  d.pAst = c;
  switch( c->kind ){
    case ACONS_PRIMARY_KEY: d.kind = CAT_CONS_PK; break;
    case ACONS_UNIQUE: d.kind = CAT_CONS_UNIQUE; break;
    case ACONS_FOREIGN_KEY: d.kind = CAT_CONS_FK; break;
    default: d.kind = CAT_CONS_CHECK; break;
  }
  if( d.kind==CAT_CONS_PK && (pTab->pPk || *pbPk) ){
    return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, "more than one primary key");
  }
  if( c->name.z ){
    d.zName = c->name.z;
    rc = ddlNameFree(p, pTab->zSchema, d.zName);
    if( rc ) return rc;
  }else{
    static const char *azSuffix[] = { "", "PK", "UQ", "FK", "CK" };
    char zGen[200];
    int n = 0;
    do{
      if( d.kind==CAT_CONS_PK ) snprintf(zGen, sizeof(zGen), "%s_PK", pTab->zName);
      else snprintf(zGen, sizeof(zGen), "%s_%s%d", pTab->zName, azSuffix[d.kind], ++n);
    }while( d.kind!=CAT_CONS_PK && catNameTaken(p->pCat, pTab->zSchema, zGen) );
    d.zName = arenaStrndup(p->pArena, zGen, strlen(zGen));
    if( d.zName==0 ) return ALTER_NOMEM(p);
    rc = ddlNameFree(p, pTab->zSchema, d.zName);
    if( rc ) return rc;
  }
  rc = ddlResolveCons(p, pTab->zSchema, pTab->zName, nCol, azCol, aType, aNotNull, &d);
  if( rc==ML_OK ) rc = ddlWriteCons(p, pTab->zSchema, pTab->id, &d);
  if( rc ) return rc;
  for(i=0; i<nCol; i++) a[i].notNull = aNotNull[i];
  if( d.kind==CAT_CONS_PK ) *pbPk = 1;
  return ML_OK;
}

int ddlAlterUndomain(DdlCtx *p, const CatTable *pTab, const CatDomain *pDom){
  AlterCol *a = alterColumns(p, pTab);
  int i, k, n = 0, rc = ML_OK, bPk = 0;
  if( a==0 ) return ALTER_NOMEM(p);
  for(i=0; rc==ML_OK && i<pTab->nCol; i++){
    if( a[i].zDomName==0 || !catNameEq(a[i].zDomName, pDom->zName)
     || !catNameEq(a[i].zDomSchema, pDom->zSchema) ){
      continue;
    }
    a[i].zDomSchema = a[i].zDomName = 0;
    if( a[i].zDefault==0 ) a[i].zDefault = pDom->zDefault;
    for(k=0; k<pTab->nDomCheck; k++){
      const CatConstraint *pDc = pTab->apDomCheck[k];
      AstConstraint c;
      char zGen[300];
      /* the domain CHECK of this column: VALUE was bound to it */
      if( pDc->id!=pDom->id || pDc->aiUseCol[0]!=i ) continue;
      do{
        snprintf(zGen, sizeof(zGen), "%s_CK%d", pTab->zName, ++n);
      }while( catNameTaken(p->pCat, pTab->zSchema, zGen) );
      memset(&c, 0, sizeof(c));
      c.kind = ACONS_CHECK;
      c.name.z = arenaStrndup(p->pArena, zGen, strlen(zGen));
      c.pCheck = pDc->pCheck;
      if( c.name.z==0 ) return ALTER_NOMEM(p);
      rc = alterAddCons(p, pTab, a, pTab->nCol, &c, &bPk);
      break;
    }
  }
  if( rc==ML_OK ) rc = alterPutColumns(p, pTab, a, pTab->nCol);
  return rc;
}

/* ALTER TABLE t ADD [COLUMN] column-definition. */
static int alterAddColumn(DdlCtx *p, const CatTable *pTab, AstColumnDef *pDef){
  AlterCol *a = alterColumns(p, pTab);
  const CatDomain *pDom = 0;
  int n = pTab->nCol, i, rc, bPk = 0;
  int aiMap[1000];
  if( a==0 ) return ALTER_NOMEM(p);
  if( n>=1000 ) return mlErrorSet(p->pErr, ML_E_TOO_COMPLEX, ": too many columns");
  if( catColumnIndex(pTab, pDef->name.z)>=0 ) return mlErrorSet(p->pErr, ML_E_OBJECT_EXISTS, pDef->name.z);
  memset(&a[n], 0, sizeof(AlterCol));
  a[n].zName = pDef->name.z;
  rc = catDeclaredType(p->pCat, pTab->zSchema, pDef->pType, &a[n].type, &pDom, p->pErr);
  if( rc ) return rc;
  if( pDef->pDefault ){
    char *z = 0;
    rc = ddlQualifySequences(p, pDef->pDefault);
    if( rc==ML_OK ) rc = ddlExprText(p, pDef->pDefault, ASTPRINT_QUOTE_IDENTS, &z);
    if( rc ) return rc;
    a[n].zDefault = z;
  }else if( pDom ){
    a[n].zDefault = pDom->zDefault;
  }
  if( pDom ){
    a[n].zDomSchema = pDom->zSchema;
    a[n].zDomName = pDom->zName;
  }
  for(i=0; pDef->pCons && i<pDef->pCons->n; i++){
    AstConstraint *c = pDef->pCons->a[i];
    if( c->kind==ACONS_NOT_NULL ) a[n].notNull = 1;
  }
  for(i=0; pDef->pCons && i<pDef->pCons->n; i++){
    AstConstraint *c = pDef->pCons->a[i];
    if( c->kind==ACONS_NOT_NULL || c->kind==ACONS_NULL ) continue;
    if( c->kind!=ACONS_CHECK && c->pCols==0 ){
      AstIdent *pId = arenaAlloc(p->pArena, sizeof(AstIdent));
      if( pId==0 ) return ALTER_NOMEM(p);
      *pId = pDef->name;
      if( astListAppend(p->pArena, &c->pCols, pId) ) return ALTER_NOMEM(p);
    }
    rc = alterAddCons(p, pTab, a, n+1, c, &bPk);
    if( rc ) return rc;
  }
  if( a[n].notNull && a[n].zDefault==0 ){
    return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, "a NOT NULL column added to a table needs a default");
  }
  rc = alterPutColumns(p, pTab, a, n+1);
  if( rc==ML_OK && bPk ) rc = alterPutTableRow(p, pTab, 0);
  for(i=0; i<n; i++) aiMap[i] = i;
  aiMap[n] = -1;
  if( rc==ML_OK ) rc = alterRebuild(p, pTab, n+1, aiMap);
  return rc;
}

/* ALTER TABLE t DROP [COLUMN] c [RESTRICT | CASCADE]. */
static int alterDropColumn(DdlCtx *p, const CatTable *pTab, const char *zCol, int bCascade){
  int iCol = catColumnIndex(pTab, zCol), i, j, rc, bPkGone = 0;
  int aiNew[1000], aiMap[1000];
  AlterCol *a;
  if( iCol<0 ) return mlErrorSet(p->pErr, ML_E_COLUMN_NOT_FOUND, zCol);
  if( pTab->nCol==1 ) return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION, "a table must keep at least one column");
  assert( pTab->nCol<=1000 );
  rc = ddlDropDependentViews(p, pTab, bCascade);
  if( rc ) return rc;
  for(i=0; i<pTab->nCons; i++){
    const CatConstraint *c = pTab->apCons[i];
    if( !alterConsUses(c, iCol) ) continue;
    if( !bCascade ) return alterDependent(p, pTab->aCol[iCol].zName, "constraint", c->zName);
    if( c==pTab->pPk ) bPkGone = 1;
    rc = alterDropCons(p, pTab, c, 1);
    if( rc ) return rc;
  }
  for(i=0; i<pTab->nIndex; i++){
    const CatIndex *x = pTab->apIndex[i];
    if( x->pCons ) continue;
    for(j=0; j<x->nCol && x->aiCol[j]!=iCol; j++){}
    if( j==x->nCol ) continue;
    if( !bCascade ) return alterDependent(p, pTab->aCol[iCol].zName, "index", x->zName);
    rc = ddlDropIndexRows(p, x);
    if( rc ) return rc;
  }
  a = alterColumns(p, pTab);
  if( a==0 ) return ALTER_NOMEM(p);
  for(i=j=0; i<pTab->nCol; i++){
    if( i==iCol ){ aiNew[i] = -1; continue; }
    aiNew[i] = j;
    aiMap[j] = i;
    a[j++] = a[i];
  }
  rc = alterPutColumns(p, pTab, a, j);
  if( rc==ML_OK ) rc = alterRenumber(p, pTab, aiNew, iCol);
  if( rc==ML_OK && bPkGone ) rc = alterPutTableRow(p, pTab, 1);
  if( rc==ML_OK ) rc = alterRebuild(p, pTab, j, aiMap);
  return rc;
}

/* ALTER TABLE t DROP CONSTRAINT n [RESTRICT | CASCADE]. */
static int alterDropConstraint(DdlCtx *p, const CatTable *pTab, const char *zName, int bCascade){
  const CatConstraint *c = catFindConstraint(p->pCat, pTab->zSchema, zName);
  int rc, i, aiMap[1000];
  if( c==0 || c->pTable!=pTab ){
    char z[300];
    snprintf(z, sizeof(z), "%s.%s", pTab->zSchema, zName);
    return mlErrorSet(p->pErr, ML_E_OBJECT_NOT_EXIST, z);
  }
  rc = alterDropCons(p, pTab, c, bCascade);
  if( rc || c!=pTab->pPk ) return rc;
  /* without a primary key the rows are keyed by hidden rowids */
  rc = alterPutTableRow(p, pTab, 1);
  for(i=0; i<pTab->nCol; i++) aiMap[i] = i;
  if( rc==ML_OK ) rc = alterRebuild(p, pTab, pTab->nCol, aiMap);
  return rc;
}

/*
** Can every value of type pOld be stored in type pNew without loss or
** error?  The conversions SET DATA TYPE allows (docs/compatibility.md).
*/
static int alterWidens(const SqlType *pOld, const SqlType *pNew){
  static const int aIntDigits[] = { 0, 5, 10, 19 };   /* SMALLINT, INTEGER, BIGINT */
  int o = pOld->id, n = pNew->id;
  if( SQLT_IS_CHARACTER(o) && SQLT_IS_CHARACTER(n) ){
    int bUni = o==SQLT_NCHAR || o==SQLT_NVARCHAR || o==SQLT_NCLOB;
    int bUniNew = n==SQLT_NCHAR || n==SQLT_NVARCHAR || n==SQLT_NCLOB;
    int bLob = o==SQLT_CLOB || o==SQLT_NCLOB, bLobNew = n==SQLT_CLOB || n==SQLT_NCLOB;
    if( bUni && !bUniNew ) return 0;
    if( bLob && !bLobNew ) return 0;
    return pNew->length>=pOld->length;
  }
  if( (o==SQLT_VARBINARY || o==SQLT_BINARY) && (n==SQLT_VARBINARY || n==SQLT_BLOB) ){
    return pNew->length>=pOld->length;
  }
  if( o>=SQLT_SMALLINT && o<=SQLT_BIGINT ){
    if( n>=SQLT_SMALLINT && n<=SQLT_BIGINT ) return n>=o;
    if( n==SQLT_DECIMAL || n==SQLT_INTEGER_P ) return pNew->precision-pNew->scale>=aIntDigits[o];
    return 0;
  }
  if( (o==SQLT_DECIMAL || o==SQLT_INTEGER_P) && (n==SQLT_DECIMAL || n==SQLT_INTEGER_P) ){
    return pNew->scale>=pOld->scale && pNew->precision-pNew->scale>=pOld->precision-pOld->scale;
  }
  if( o==SQLT_REAL ) return n==SQLT_REAL || n==SQLT_DOUBLE;
  if( o==SQLT_TIME || o==SQLT_TIMESTAMP ) return n==o && pNew->scale>=pOld->scale;
  if( o==SQLT_FLOAT_P ) return n==SQLT_FLOAT_P && pNew->precision>=pOld->precision;
  return o==n && memcmp(pOld, pNew, sizeof(SqlType))==0;
}

/* ALTER TABLE t ALTER [COLUMN] c SET DATA TYPE type. */
static int alterSetType(DdlCtx *p, const CatTable *pTab, int iCol, AstStmt *pStmt){
  AlterCol *a = alterColumns(p, pTab);
  const CatDomain *pDom = 0;
  SqlType t;
  int i, j, rc, aiMap[1000];
  if( a==0 ) return ALTER_NOMEM(p);
  if( pStmt->u.alterTable.collation.name.z ){
    return mlErrorSet(p->pErr, ML_E_NOT_SUPPORTED, "ALTER COLUMN ... COLLATE");
  }
  rc = catDeclaredType(p->pCat, pTab->zSchema, pStmt->u.alterTable.pType, &t, &pDom, p->pErr);
  if( rc ) return rc;
  if( !alterWidens(&pTab->aCol[iCol].type, &t) ){
    return mlErrorSet(p->pErr, ML_E_DDL_DEFINITION,
                      "SET DATA TYPE allows only conversions that cannot fail");
  }
  for(i=0; i<pTab->nCons; i++){
    const CatConstraint *c = pTab->apCons[i];
    if( c->kind==CAT_CONS_FK && alterConsUses(c, iCol) ) break;
  }
  for(j=0; j<pTab->nRefBy; j++){
    const CatConstraint *c = pTab->apRefBy[j];
    int m;
    for(m=0; m<c->nCol && c->aiRefCol[m]!=iCol; m++){}
    if( m<c->nCol ) break;
  }
  if( i<pTab->nCons || j<pTab->nRefBy ){
    return mlErrorSet(p->pErr, ML_E_NOT_SUPPORTED, "changing the type of a foreign key column");
  }
  a[iCol].type = t;
  a[iCol].zDomSchema = pDom ? pDom->zSchema : 0;
  a[iCol].zDomName = pDom ? pDom->zName : 0;
  rc = alterPutColumns(p, pTab, a, pTab->nCol);
  for(i=0; i<pTab->nCol; i++) aiMap[i] = i;
  if( rc==ML_OK ) rc = alterRebuild(p, pTab, pTab->nCol, aiMap);
  return rc;
}

int ddlAlterTable(DdlCtx *p, AstStmt *pStmt){
  const AstQName *n = &pStmt->u.alterTable.name;
  const char *zSchema = ddlSchema(p, n);
  const CatTable *pTab = catFindTable(p->pCat, zSchema, n->name.z);
  const CatSchema *pS;
  const char *zTarget = pStmt->u.alterTable.target.z;
  int bCascade = pStmt->u.alterTable.behavior==ADROP_CASCADE;
  int iCol = -1, rc;
  if( pTab==0 || pTab->isView ){
    char z[300];
    snprintf(z, sizeof(z), "%s.%s", zSchema, n->name.z);
    return mlErrorSet(p->pErr, ML_E_TABLE_NOT_FOUND, z);
  }
  pS = catFindSchema(p->pCat, pTab->zSchema);
  if( pTab->isSystem || pS==0 || !catNameEq(pS->zOwner, p->zUser) ){
    return mlErrorSet(p->pErr, ML_E_NO_PRIVILEGE, pTab->zName);
  }
  if( pTab->nCol>=1000 ) return mlErrorSet(p->pErr, ML_E_TOO_COMPLEX, ": too many columns");
  switch( pStmt->u.alterTable.action ){
    case AALT_ADD_COLUMN:
      return alterAddColumn(p, pTab, pStmt->u.alterTable.pColumn);
    case AALT_ADD_CONSTRAINT: {
      AlterCol *a = alterColumns(p, pTab);
      int bPk = 0, i, aiMap[1000];
      if( a==0 ) return ALTER_NOMEM(p);
      rc = alterAddCons(p, pTab, a, pTab->nCol, pStmt->u.alterTable.pCons, &bPk);
      if( rc==ML_OK && bPk ) rc = alterPutColumns(p, pTab, a, pTab->nCol);
      if( rc==ML_OK && bPk ) rc = alterPutTableRow(p, pTab, 0);
      for(i=0; i<pTab->nCol; i++) aiMap[i] = i;
      if( rc==ML_OK ) rc = alterRebuild(p, pTab, pTab->nCol, aiMap);
      return rc;
    }
    case AALT_DROP_COLUMN:
      return alterDropColumn(p, pTab, zTarget, bCascade);
    case AALT_DROP_CONSTRAINT:
      return alterDropConstraint(p, pTab, zTarget, bCascade);
    default:
      break;
  }
  iCol = catColumnIndex(pTab, zTarget);
  if( iCol<0 ) return mlErrorSet(p->pErr, ML_E_COLUMN_NOT_FOUND, zTarget);
  if( pStmt->u.alterTable.action==AALT_SET_TYPE ) return alterSetType(p, pTab, iCol, pStmt);
  {
    AlterCol *a = alterColumns(p, pTab);
    if( a==0 ) return ALTER_NOMEM(p);
    a[iCol].zDefault = 0;
    if( pStmt->u.alterTable.action==AALT_SET_DEFAULT ){
      char *z = 0;
      rc = ddlQualifySequences(p, pStmt->u.alterTable.pDefault);
      if( rc==ML_OK ) rc = ddlExprText(p, pStmt->u.alterTable.pDefault, ASTPRINT_QUOTE_IDENTS, &z);
      if( rc ) return rc;
      a[iCol].zDefault = z;
    }else{
      assert( pStmt->u.alterTable.action==AALT_DROP_DEFAULT );
    }
    return alterPutColumns(p, pTab, a, pTab->nCol);
  }
}
