/*
** Privilege checks (sema/ layer): before a statement is planned, walk the
** statement as written and ask the catalog (catalog/catpriv.c) whether the
** current ident may use each object it names: SELECT on tables and views
** read, INSERT/UPDATE/DELETE on the target of DML, USAGE on sequences of
** NEXT/CURRENT VALUE FOR, REFERENCES on the parent of a FOREIGN KEY.
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

/* WITH elements in scope: a stack of frames, one per WITH list. */
typedef struct PrivCtes {
  const AstList *pCtes;    /* AstCte* of one WITH list */
  int nVisible;            /* its first nVisible elements are in scope */
  const struct PrivCtes *pPrev;
} PrivCtes;

/* Walk state. */
typedef struct PrivWalk {
  const Catalog *pCat;
  const char *zSchema;     /* current schema, for unqualified names */
  const char *zUser;       /* current ident */
  MlError *pErr;
} PrivWalk;

static int privQuery(PrivWalk *w, const AstQuery *q, const PrivCtes *pCtes);

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
  if( catCanSee(w->pCat, w->zUser, pTab->id, pTab->zSchema) ){
    return mlErrorSet(w->pErr, ML_E_NO_PRIVILEGE, zFull);
  }
  return mlErrorSet(w->pErr, ML_E_TABLE_NOT_FOUND, zFull);
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
    default: return ML_OK;
  }
}

/* A FROM item: SELECT on each table or view it names. */
static int privTableRef(PrivWalk *w, const AstTableRef *r, const PrivCtes *pCtes){
  int rc;
  switch( r->kind ){
    case ATR_TABLE:
      return privIsCte(&r->name, pCtes) ? ML_OK : privTable(w, &r->name, "SELECT");
    case ATR_QUERY: return privQuery(w, r->pQuery, pCtes);
    default:
      assert( r->kind==ATR_JOIN );
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

/* Constraints of CREATE/ALTER TABLE: REFERENCES on FOREIGN KEY parents. */
static int privConstraints(PrivWalk *w, const AstList *pCons){
  int i, rc = ML_OK;
  for(i=0; rc==ML_OK && pCons && i<pCons->n; i++){
    const AstConstraint *c = pCons->a[i];
    if( c->kind==ACONS_FOREIGN_KEY ) rc = privTable(w, &c->refTable, "REFERENCES");
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

int semaCheckPrivileges(const Catalog *pCat, const char *zSchema, const char *zUser,
                        const AstStmt *pStmt, MlError *pErr){
  PrivWalk w;
  int i, rc;
  w.pCat = pCat;
  w.zSchema = zSchema;
  w.zUser = zUser;
  w.pErr = pErr;
  switch( pStmt->kind ){
    case AS_QUERY: return privQuery(&w, pStmt->u.query.pQuery, 0);
    case AS_EXPLAIN: return semaCheckPrivileges(pCat, zSchema, zUser, pStmt->u.explain.pStmt, pErr);
    case AS_INSERT:
      rc = privTable(&w, &pStmt->u.insert.table, "INSERT");
      return rc ? rc : privQuery(&w, pStmt->u.insert.pQuery, 0);
    case AS_UPDATE:
      rc = privTable(&w, &pStmt->u.update.table, "UPDATE");
      if( rc==ML_OK ) rc = privExprList(&w, pStmt->u.update.pValues, 0);
      return rc ? rc : privExpr(&w, pStmt->u.update.pWhere, 0);
    case AS_DELETE:
      rc = privTable(&w, &pStmt->u.del.table, "DELETE");
      return rc ? rc : privExpr(&w, pStmt->u.del.pWhere, 0);
    case AS_CREATE_VIEW: return privQuery(&w, pStmt->u.createView.pQuery, 0);
    case AS_CREATE_TABLE:
      rc = ML_OK;
      for(i=0; rc==ML_OK && pStmt->u.createTable.pColumns && i<pStmt->u.createTable.pColumns->n; i++){
        rc = privColumnDef(&w, pStmt->u.createTable.pColumns->a[i]);
      }
      if( rc==ML_OK ) rc = privConstraints(&w, pStmt->u.createTable.pCons);
      return rc ? rc : privQuery(&w, pStmt->u.createTable.pAsQuery, 0);
    case AS_ALTER_TABLE:
      rc = privColumnDef(&w, pStmt->u.alterTable.pColumn);
      if( rc==ML_OK && pStmt->u.alterTable.pCons ){
        const AstConstraint *c = pStmt->u.alterTable.pCons;
        if( c->kind==ACONS_FOREIGN_KEY ) rc = privTable(&w, &c->refTable, "REFERENCES");
        else rc = privExpr(&w, c->pCheck, 0);
      }
      return rc ? rc : privExpr(&w, pStmt->u.alterTable.pDefault, 0);
    default:
      return ML_OK;
  }
}
