/*
** Privilege checks (sema/ layer): before a statement is planned, walk the
** statement as written and ask the catalog (catalog/catpriv.c) whether the
** current ident may use each object it names: SELECT on tables and views
** read, INSERT/UPDATE/DELETE on the target of DML, USAGE on sequences of
** NEXT/CURRENT VALUE FOR, REFERENCES on the parent of a FOREIGN KEY.
** A grant on columns only (GRANT UPDATE (c) ...) covers INSERT and
** UPDATE of those columns, REFERENCES to them, and queries whose column
** names are all among them (privPartial).
** Only the text of the statement is walked, never the query of a view it
** uses: a view's user needs SELECT on the view, its owner's rights on the
** tables below were checked at CREATE VIEW.  Statements recompile when the
** catalog version changes (db/stmt.c), so GRANT and REVOKE take effect on
** statements prepared before them.  Errors: -12200 (tables) or -12517
** (sequences) when the ident may not even see the object, -12565 when it
** sees it but lacks the privilege.  Names that do not resolve are left to
** the planner, which reports them as it always did.
*/
#include "sema/sema.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "util/strbuf.h"

/* WITH elements in scope: a stack of frames, one per WITH list. */
typedef struct PrivCtes {
  const AstList *pCtes;    /* AstCte* of one WITH list */
  int nVisible;            /* its first nVisible elements are in scope */
  const struct PrivCtes *pPrev;
} PrivCtes;

#define PRIV_MAX_PARTIAL 16

/* Walk state. */
typedef struct PrivWalk {
  const Catalog *pCat;
  const char *zSchema;     /* current schema, for unqualified names */
  const char *zUser;       /* current ident */
  MlError *pErr;
  int nPartial;            /* tables read with SELECT on some columns only */
  const CatTable *apPartial[PRIV_MAX_PARTIAL];
  StrBuf cols;             /* column names referenced, each NUL-terminated */
  int bStar;               /* a * or NATURAL/USING join reads all columns */
} PrivWalk;

static int privQuery(PrivWalk *w, const AstQuery *q, const PrivCtes *pCtes);

/* Does the ident hold zPriv on some column of pTab (a column grant)? */
static int privSomeColumn(PrivWalk *w, const CatTable *pTab, const char *zPriv){
  int i;
  for(i=0; i<pTab->nCol; i++){
    if( catHasColumnPrivilege(w->pCat, w->zUser, pTab->id, pTab->zSchema, zPriv, i+1, 0) ){
      return 1;
    }
  }
  return 0;
}

/* True if an unqualified name is a WITH element in scope. */
static int privIsCte(const AstQName *pName, const PrivCtes *pCtes){
  int i;
  if( pName->schema.z ) return 0;
  for(; pCtes; pCtes=pCtes->pPrev){
    for(i=0; i<pCtes->nVisible; i++){
      const AstCte *pCte = pCtes->pCtes->a[i];
      if( catNameEq(pCte->name.z, pName->name.z) ) return 1;
    }
  }
  return 0;
}

/*
** Privilege zPriv on the table or view pName.  The INFORMATION_SCHEMA
** views are readable by everyone, as are SYSTEM.ONEROW and
** SYSTEM.SERVER_INFO; the other SYSTEM tables by SYSADM only.  Writing
** system objects is refused by the planner (-12565).
*/
static int privTable(PrivWalk *w, const AstQName *pName, const char *zPriv){
  const char *zSchema = pName->schema.z ? pName->schema.z : w->zSchema;
  const CatTable *pTab = catFindTable(w->pCat, zSchema, pName->name.z);
  char zFull[300];
  if( pTab==0 ) return ML_OK;
  snprintf(zFull, sizeof(zFull), "%s.%s", pTab->zSchema, pTab->zName);
  if( pTab->isSystem ){
    if( catNameEq(zPriv, "SELECT")==0 || pTab->isView || catNameEq(w->zUser, "SYSADM")
     || pTab->id==CAT_SYS_ONEROW || pTab->id==CAT_SYS_SERVER_INFO ){
      return ML_OK;
    }
    return mlErrorSet(w->pErr, ML_E_TABLE_NOT_FOUND, zFull);
  }
  if( catHasPrivilege(w->pCat, w->zUser, pTab->id, pTab->zSchema, zPriv, 0) ) return ML_OK;
  if( catNameEq(zPriv, "SELECT") && privSomeColumn(w, pTab, zPriv) ){
    /* checked against the columns the statement names (privPartial) */
    int i;
    for(i=0; i<w->nPartial && w->apPartial[i]!=pTab; i++){}
    if( i<w->nPartial ) return ML_OK;
    if( w->nPartial<PRIV_MAX_PARTIAL ){
      w->apPartial[w->nPartial++] = pTab;
      return ML_OK;
    }
  }
  if( catCanSee(w->pCat, w->zUser, pTab->id, pTab->zSchema) ){
    return mlErrorSet(w->pErr, ML_E_NO_PRIVILEGE, zFull);
  }
  return mlErrorSet(w->pErr, ML_E_TABLE_NOT_FOUND, zFull);
}

/*
** Privilege zPriv on columns of table pName: those named in pCols
** (AstIdent*), or with pCols 0 every column (INSERT without a column
** list), or aiCol[0..nCol-1] (0-based) when aiCol is given.  The privilege
** on the table covers them all; else each needs a column grant
** (-12565 naming the column).
*/
static int privColumns(PrivWalk *w, const AstQName *pName, const char *zPriv,
                       const AstList *pCols, const int *aiCol, int nCol){
  const char *zSchema = pName->schema.z ? pName->schema.z : w->zSchema;
  const CatTable *pTab = catFindTable(w->pCat, zSchema, pName->name.z);
  int i, n;
  if( pTab==0 || pTab->isSystem || !privSomeColumn(w, pTab, zPriv)
   || catHasPrivilege(w->pCat, w->zUser, pTab->id, pTab->zSchema, zPriv, 0) ){
    return privTable(w, pName, zPriv);   /* no column grant: as for the table */
  }
  n = aiCol ? nCol : pCols ? pCols->n : pTab->nCol;
  for(i=0; i<n; i++){
    int iCol = aiCol ? aiCol[i]
             : pCols ? catColumnIndex(pTab, ((const AstIdent*)pCols->a[i])->z) : i;
    if( iCol<0 ) continue;   /* left to the planner (-12202) */
    if( !catHasColumnPrivilege(w->pCat, w->zUser, pTab->id, pTab->zSchema, zPriv, iCol+1, 0) ){
      char zFull[500];
      snprintf(zFull, sizeof(zFull), "%s.%s.%s", pTab->zSchema, pTab->zName, pTab->aCol[iCol].zName);
      return mlErrorSet(w->pErr, ML_E_NO_PRIVILEGE, zFull);
    }
  }
  return ML_OK;
}

/*
** After the walk: a table read with SELECT on some of its columns only
** may not be read by a * (or NATURAL/USING join), and every column name
** the statement uses that is one of its columns needs SELECT on that
** column.  Names are not resolved, so a name of another table's column
** that the table also has counts too (conservative; docs/compatibility.md).
*/
static int privPartial(PrivWalk *w){
  int i;
  size_t off;
  if( strbufError(&w->cols) ) return mlErrorSet(w->pErr, ML_E_NOMEM);
  for(i=0; i<w->nPartial; i++){
    const CatTable *pTab = w->apPartial[i];
    char zFull[500];
    if( w->bStar ){
      snprintf(zFull, sizeof(zFull), "%s.%s", pTab->zSchema, pTab->zName);
      return mlErrorSet(w->pErr, ML_E_NO_PRIVILEGE, zFull);
    }
    for(off=0; off<w->cols.n; off+=strlen((const char*)w->cols.a+off)+1){
      const char *zCol = (const char*)w->cols.a+off;
      int iCol = catColumnIndex(pTab, zCol);
      if( iCol<0 || catHasColumnPrivilege(w->pCat, w->zUser, pTab->id, pTab->zSchema,
                                          "SELECT", iCol+1, 0) ){
        continue;
      }
      snprintf(zFull, sizeof(zFull), "%s.%s.%s", pTab->zSchema, pTab->zName, pTab->aCol[iCol].zName);
      return mlErrorSet(w->pErr, ML_E_NO_PRIVILEGE, zFull);
    }
  }
  return ML_OK;
}

/* USAGE on the sequence pName. */
static int privSequence(PrivWalk *w, const AstQName *pName){
  const char *zSchema = pName->schema.z ? pName->schema.z : w->zSchema;
  const CatSequence *pSeq = catFindSequence(w->pCat, zSchema, pName->name.z);
  char zFull[300];
  if( pSeq==0 ) return ML_OK;
  if( catHasPrivilege(w->pCat, w->zUser, pSeq->id, pSeq->zSchema, "USAGE", 0) ) return ML_OK;
  snprintf(zFull, sizeof(zFull), "%s.%s", pSeq->zSchema, pSeq->zName);
  if( catCanSee(w->pCat, w->zUser, pSeq->id, pSeq->zSchema) ){
    return mlErrorSet(w->pErr, ML_E_NO_PRIVILEGE, zFull);
  }
  return mlErrorSet(w->pErr, ML_E_OBJECT_NOT_EXIST, zFull);
}

static int privExpr(PrivWalk *w, const AstExpr *e, const PrivCtes *pCtes);

/* Every expression of a list of AstExpr* (pList may be 0). */
static int privExprList(PrivWalk *w, const AstList *pList, const PrivCtes *pCtes){
  int i, rc = ML_OK;
  for(i=0; rc==ML_OK && pList && i<pList->n; i++) rc = privExpr(w, pList->a[i], pCtes);
  return rc;
}

/* Sequences and subqueries used by expression e (may be 0). */
static int privExpr(PrivWalk *w, const AstExpr *e, const PrivCtes *pCtes){
  int rc;
  if( e==0 ) return ML_OK;
  rc = privExpr(w, e->pLeft, pCtes);
  if( rc==ML_OK ) rc = privExpr(w, e->pRight, pCtes);
  if( rc ) return rc;
  switch( e->kind ){
    case AE_LIKE: return privExpr(w, e->u.pEscape, pCtes);
    case AE_BETWEEN:
      rc = privExpr(w, e->u.between.pLow, pCtes);
      return rc ? rc : privExpr(w, e->u.between.pHigh, pCtes);
    case AE_IN_LIST: return privExprList(w, e->u.pList, pCtes);
    case AE_IN_QUERY: case AE_EXISTS: case AE_SUBQUERY:
      return privQuery(w, e->u.pQuery, pCtes);
    case AE_QUANTIFIED: return privQuery(w, e->u.quant.pQuery, pCtes);
    case AE_CASE:
      rc = privExprList(w, e->u.kase.pWhen, pCtes);
      if( rc==ML_OK ) rc = privExprList(w, e->u.kase.pThen, pCtes);
      return rc ? rc : privExpr(w, e->u.kase.pElse, pCtes);
    case AE_FUNC: return privExprList(w, e->u.func.pArgs, pCtes);
    case AE_SUBSTRING: case AE_TRIM: case AE_OVERLAY:
      rc = privExpr(w, e->u.args[0], pCtes);
      return rc ? rc : privExpr(w, e->u.args[1], pCtes);
    case AE_NEXT_VALUE: case AE_CURRENT_VALUE: return privSequence(w, &e->u.seq);
    case AE_COLUMN: {
      const char *z = e->u.col.aPart[e->u.col.nPart-1].z;
      strbufAppend(&w->cols, z, strlen(z)+1);
      return ML_OK;
    }
    default: return ML_OK;
  }
}

/* A FROM item: SELECT on each table or view it names. */
static int privTableRef(PrivWalk *w, const AstTableRef *r, const PrivCtes *pCtes){
  int rc;
  switch( r->kind ){
    case ATR_TABLE:
      if( privIsCte(&r->name, pCtes) ) return ML_OK;
      /* renamed columns (t AS q (x, y)) are not matched by name below:
      ** take such a table as read whole, like a * */
      if( r->pColAliases ) w->bStar = 1;
      return privTable(w, &r->name, "SELECT");
    case ATR_QUERY: return privQuery(w, r->pQuery, pCtes);
    default:
      assert( r->kind==ATR_JOIN );
      if( r->natural || r->pUsing ) w->bStar = 1;
      rc = privTableRef(w, r->pLeft, pCtes);
      if( rc==ML_OK ) rc = privTableRef(w, r->pRight, pCtes);
      return rc ? rc : privExpr(w, r->pOn, pCtes);
  }
}

/* A query expression, its WITH elements, set operands and subqueries. */
static int privQuery(PrivWalk *w, const AstQuery *q, const PrivCtes *pCtes){
  PrivCtes frame;
  int i, rc = ML_OK;
  if( q==0 ) return ML_OK;
  if( q->pWith ){
    const AstList *pList = q->pWith->pCtes;
    frame.pCtes = pList;
    frame.pPrev = pCtes;
    for(i=0; rc==ML_OK && i<pList->n; i++){
      const AstCte *pCte = pList->a[i];
      frame.nVisible = q->pWith->recursive ? pList->n : i;
      rc = privQuery(w, pCte->pQuery, &frame);
    }
    frame.nVisible = pList->n;
    pCtes = &frame;
  }
  if( rc==ML_OK && q->kind==AQ_SELECT ){
    const AstSelect *s = q->pSelect;
    for(i=0; rc==ML_OK && i<s->pResCols->n; i++){
      const AstResCol *pCol = s->pResCols->a[i];
      if( pCol->isStar ) w->bStar = 1;
      rc = privExpr(w, pCol->pExpr, pCtes);
    }
    for(i=0; rc==ML_OK && s->pFrom && i<s->pFrom->n; i++){
      rc = privTableRef(w, s->pFrom->a[i], pCtes);
    }
    if( rc==ML_OK ) rc = privExpr(w, s->pWhere, pCtes);
    if( rc==ML_OK ) rc = privExprList(w, s->pGroupBy, pCtes);
    if( rc==ML_OK ) rc = privExpr(w, s->pHaving, pCtes);
  }else if( rc==ML_OK && q->kind==AQ_VALUES ){
    for(i=0; rc==ML_OK && i<q->pRows->n; i++) rc = privExprList(w, q->pRows->a[i], pCtes);
  }else if( rc==ML_OK ){
    assert( q->kind==AQ_SETOP );
    rc = privQuery(w, q->pLeft, pCtes);
    if( rc==ML_OK ) rc = privQuery(w, q->pRight, pCtes);
  }
  for(i=0; rc==ML_OK && q->pOrderBy && i<q->pOrderBy->n; i++){
    const AstOrderItem *pItem = q->pOrderBy->a[i];
    rc = privExpr(w, pItem->pExpr, pCtes);
  }
  return rc;
}

/*
** REFERENCES on the parent columns of FOREIGN KEY c: those listed, else
** the parent's primary key (no primary key: the whole table).
*/
static int privReferences(PrivWalk *w, const AstConstraint *c){
  const char *zSchema = c->refTable.schema.z ? c->refTable.schema.z : w->zSchema;
  const CatTable *pRef = catFindTable(w->pCat, zSchema, c->refTable.name.z);
  if( c->pRefCols ) return privColumns(w, &c->refTable, "REFERENCES", c->pRefCols, 0, 0);
  if( pRef && pRef->pPk ){
    return privColumns(w, &c->refTable, "REFERENCES", 0, pRef->pPk->aiCol, pRef->pPk->nCol);
  }
  return privTable(w, &c->refTable, "REFERENCES");
}

/* Constraints of CREATE/ALTER TABLE: REFERENCES on FOREIGN KEY parents. */
static int privConstraints(PrivWalk *w, const AstList *pCons){
  int i, rc = ML_OK;
  for(i=0; rc==ML_OK && pCons && i<pCons->n; i++){
    const AstConstraint *c = pCons->a[i];
    if( c->kind==ACONS_FOREIGN_KEY ) rc = privReferences(w, c);
    else rc = privExpr(w, c->pCheck, 0);
  }
  return rc;
}

/* A column definition: its default and its column constraints. */
static int privColumnDef(PrivWalk *w, const AstColumnDef *pCol){
  int rc;
  if( pCol==0 ) return ML_OK;
  rc = privExpr(w, pCol->pDefault, 0);
  return rc ? rc : privConstraints(w, pCol->pCons);
}

/* The privileges statement pStmt needs (column SELECTs left to privPartial). */
static int privStmt(PrivWalk *w, const AstStmt *pStmt){
  int i, rc;
  switch( pStmt->kind ){
    case AS_QUERY: return privQuery(w, pStmt->u.query.pQuery, 0);
    case AS_EXPLAIN: return privStmt(w, pStmt->u.explain.pStmt);
    case AS_INSERT:
      rc = privColumns(w, &pStmt->u.insert.table, "INSERT", pStmt->u.insert.pCols, 0, 0);
      return rc ? rc : privQuery(w, pStmt->u.insert.pQuery, 0);
    case AS_UPDATE:
      rc = privColumns(w, &pStmt->u.update.table, "UPDATE", pStmt->u.update.pCols, 0, 0);
      if( rc==ML_OK ) rc = privExprList(w, pStmt->u.update.pValues, 0);
      return rc ? rc : privExpr(w, pStmt->u.update.pWhere, 0);
    case AS_DELETE:
      rc = privTable(w, &pStmt->u.del.table, "DELETE");
      return rc ? rc : privExpr(w, pStmt->u.del.pWhere, 0);
    case AS_CREATE_VIEW: return privQuery(w, pStmt->u.createView.pQuery, 0);
    case AS_CREATE_TABLE:
      rc = ML_OK;
      for(i=0; rc==ML_OK && pStmt->u.createTable.pColumns && i<pStmt->u.createTable.pColumns->n; i++){
        rc = privColumnDef(w, pStmt->u.createTable.pColumns->a[i]);
      }
      if( rc==ML_OK ) rc = privConstraints(w, pStmt->u.createTable.pCons);
      return rc ? rc : privQuery(w, pStmt->u.createTable.pAsQuery, 0);
    case AS_ALTER_TABLE:
      rc = privColumnDef(w, pStmt->u.alterTable.pColumn);
      if( rc==ML_OK && pStmt->u.alterTable.pCons ){
        const AstConstraint *c = pStmt->u.alterTable.pCons;
        if( c->kind==ACONS_FOREIGN_KEY ) rc = privReferences(w, c);
        else rc = privExpr(w, c->pCheck, 0);
      }
      return rc ? rc : privExpr(w, pStmt->u.alterTable.pDefault, 0);
    default:
      return ML_OK;
  }
}

int semaCheckPrivileges(const Catalog *pCat, const char *zSchema, const char *zUser,
                        const AstStmt *pStmt, MlError *pErr){
  PrivWalk w;
  int rc;
  memset(&w, 0, sizeof(w));
  w.pCat = pCat;
  w.zSchema = zSchema;
  w.zUser = zUser;
  w.pErr = pErr;
  strbufInit(&w.cols, 0, 0);
  rc = privStmt(&w, pStmt);
  if( rc==ML_OK ) rc = privPartial(&w);
  strbufFree(&w.cols);
  return rc;
}
