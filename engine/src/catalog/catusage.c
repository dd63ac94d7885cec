/*
** Object usage (catalog/ layer): which tables and views each view's query
** names, and which columns each CHECK constraint's condition reads.
** catLoad computes both once per Catalog, parsing each stored view text
** once (CHECK conditions are parsed already), into CatTable.apUse and
** CatConstraint.aiUseCol.  DROP ... RESTRICT/CASCADE (exec/ddl.c) and the
** views VIEW_TABLE_USAGE and CONSTRAINT_COLUMN_USAGE (infoschema.c) read
** the result, so "what does this object use" has one answer.
**
** A view uses the tables and views named in any FROM clause of its query,
** subqueries included; objects reached through another view are that
** view's usage.  An unqualified name that matches a WITH element in scope
** is the element, not a table (a whole WITH list is taken to be in scope
** of each of its elements).  Unqualified names resolve in the view's
** schema, as when the view was created.
*/
#include "catalog/catalog.h"

#include <assert.h>
#include <string.h>

#include "sql/parse.h"

/* The WITH clauses enclosing the query being walked, innermost first. */
typedef struct UseScope UseScope;
struct UseScope {
  const AstWith *pWith;    /* WITH clause of a query, or 0 */
  const UseScope *pUp;     /* enclosing queries */
};

/* State of one walk over a view's query or a CHECK condition. */
typedef struct UseWalk {
  Catalog *pCat;
  const CatTable *pView;   /* view walked: collect tables into apTab */
  const CatTable *pTab;    /* CHECK walked: collect columns of pTab into aiCol */
  int n;                   /* entries collected */
  int nAlloc;              /* slots in apTab or aiCol */
  CatTable **apTab;        /* [nAlloc] used tables and views (catalog arena) */
  int *aiCol;              /* [nAlloc] used column positions (catalog arena) */
  int rc;                  /* ML_OK or ML_E_NOMEM, sticky */
} UseWalk;

/*
** Array a of w->n nSize-byte elements with room for one more: a itself,
** or a copy twice the size in the catalog arena.  0 (and w->rc set) when
** out of memory.
*/
static void *useGrow(UseWalk *w, void *a, size_t nSize){
  int nNew;
  void *aNew;
  if( w->n<w->nAlloc ) return a;
  nNew = w->nAlloc ? 2*w->nAlloc : 4;
  aNew = arenaAlloc(&w->pCat->arena, nSize*(size_t)nNew);
  if( aNew==0 ){ w->rc = ML_E_NOMEM; return 0; }
  if( w->n ) memcpy(aNew, a, nSize*(size_t)w->n);
  w->nAlloc = nNew;
  return aNew;
}

/* Add pTab to the view's used objects unless it is there already. */
static void useAddTable(UseWalk *w, CatTable *pTab){
  CatTable **a;
  int i;
  for(i=0; i<w->n; i++){
    if( w->apTab[i]==pTab ) return;
  }
  a = useGrow(w, w->apTab, sizeof(CatTable*));
  if( a==0 ) return;
  w->apTab = a;
  a[w->n++] = pTab;
}

/* Add column position iCol to the CHECK's used columns unless it is there. */
static void useAddCol(UseWalk *w, int iCol){
  int *a;
  int i;
  for(i=0; i<w->n; i++){
    if( w->aiCol[i]==iCol ) return;
  }
  a = useGrow(w, w->aiCol, sizeof(int));
  if( a==0 ) return;
  w->aiCol = a;
  a[w->n++] = iCol;
}

/* True if unqualified name zName is a WITH element in scope s. */
static int useIsCte(const UseScope *s, const char *zName){
  int i;
  for(; s; s=s->pUp){
    for(i=0; s->pWith && i<s->pWith->pCtes->n; i++){
      const AstCte *pCte = s->pWith->pCtes->a[i];
      if( catNameEq(pCte->name.z, zName) ) return 1;
    }
  }
  return 0;
}

static void useQuery(UseWalk *w, const AstQuery *q, const UseScope *pUp);
static void useExpr(UseWalk *w, const AstExpr *e, const UseScope *s);

/* Walk every expression of list p (AstExpr*), which may be 0. */
static void useExprList(UseWalk *w, const AstList *p, const UseScope *s){
  int i;
  for(i=0; p && i<p->n; i++) useExpr(w, p->a[i], s);
}

/* Walk expression e: its columns (CHECK) and its subqueries (views). */
static void useExpr(UseWalk *w, const AstExpr *e, const UseScope *s){
  if( e==0 || w->rc ) return;
  switch( e->kind ){
    case AE_COLUMN:
      if( w->pTab ){
        int iCol = catColumnIndex(w->pTab, e->u.col.aPart[e->u.col.nPart-1].z);
        if( iCol>=0 ) useAddCol(w, iCol);
      }
      break;
    case AE_LIKE:       useExpr(w, e->u.pEscape, s); break;
    case AE_BETWEEN:
      useExpr(w, e->u.between.pLow, s);
      useExpr(w, e->u.between.pHigh, s);
      break;
    case AE_IN_LIST:    useExprList(w, e->u.pList, s); break;
    case AE_IN_QUERY:
    case AE_EXISTS:
    case AE_SUBQUERY:   useQuery(w, e->u.pQuery, s); break;
    case AE_QUANTIFIED: useQuery(w, e->u.quant.pQuery, s); break;
    case AE_CASE:
      useExprList(w, e->u.kase.pWhen, s);
      useExprList(w, e->u.kase.pThen, s);
      useExpr(w, e->u.kase.pElse, s);
      break;
    case AE_FUNC:       useExprList(w, e->u.func.pArgs, s); break;
    case AE_SUBSTRING:
    case AE_TRIM:
    case AE_OVERLAY:
      useExpr(w, e->u.args[0], s);
      useExpr(w, e->u.args[1], s);
      break;
    default:
      break;
  }
  useExpr(w, e->pLeft, s);
  useExpr(w, e->pRight, s);
}

/* Walk FROM item r: a named table or view is used, unless a WITH element. */
static void useRef(UseWalk *w, const AstTableRef *r, const UseScope *s){
  if( r==0 || w->rc ) return;
  if( r->kind==ATR_TABLE ){
    const AstQName *n = &r->name;
    CatTable *pTab;
    if( n->schema.z==0 && useIsCte(s, n->name.z) ) return;
    pTab = catFindTable(w->pCat, n->schema.z ? n->schema.z : w->pView->zSchema, n->name.z);
    if( pTab ) useAddTable(w, pTab);
  }else if( r->kind==ATR_QUERY ){
    useQuery(w, r->pQuery, s);
  }else{
    useRef(w, r->pLeft, s);
    useRef(w, r->pRight, s);
    useExpr(w, r->pOn, s);
  }
}

/* Walk query q, its WITH elements, FROM items and expressions. */
static void useQuery(UseWalk *w, const AstQuery *q, const UseScope *pUp){
  UseScope s;
  int i;
  if( q==0 || w->rc ) return;
  s.pWith = q->pWith;
  s.pUp = pUp;
  for(i=0; q->pWith && i<q->pWith->pCtes->n; i++){
    useQuery(w, ((const AstCte*)q->pWith->pCtes->a[i])->pQuery, &s);
  }
  if( q->kind==AQ_SELECT ){
    const AstSelect *pSel = q->pSelect;
    for(i=0; pSel->pFrom && i<pSel->pFrom->n; i++) useRef(w, pSel->pFrom->a[i], &s);
    for(i=0; pSel->pResCols && i<pSel->pResCols->n; i++){
      useExpr(w, ((const AstResCol*)pSel->pResCols->a[i])->pExpr, &s);
    }
    useExpr(w, pSel->pWhere, &s);
    useExprList(w, pSel->pGroupBy, &s);
    useExpr(w, pSel->pHaving, &s);
  }else if( q->kind==AQ_VALUES ){
    for(i=0; q->pRows && i<q->pRows->n; i++) useExprList(w, q->pRows->a[i], &s);
  }else{
    useQuery(w, q->pLeft, &s);
    useQuery(w, q->pRight, &s);
  }
  for(i=0; q->pOrderBy && i<q->pOrderBy->n; i++){
    useExpr(w, ((const AstOrderItem*)q->pOrderBy->a[i])->pExpr, &s);
  }
}

/*
** Fill pView->apUse: parse its text into the scratch arena pTmp and walk
** it.  A text that does not parse (cannot happen for a view created by
** this engine) gives no usage.  Returns ML_OK or ML_E_NOMEM.
*/
static int useView(Catalog *p, CatTable *pView, Arena *pTmp){
  UseWalk w;
  AstStmt *pStmt = 0;
  MlError err;
  int rc;
  memset(&err, 0, sizeof(err));
  rc = sqlParse(pTmp, pView->zViewText, strlen(pView->zViewText), &pStmt, &err);
  if( rc==ML_E_NOMEM ) return rc;
  if( rc ) return ML_OK;
  memset(&w, 0, sizeof(w));
  w.pCat = p;
  w.pView = pView;
  useQuery(&w, pStmt->u.query.pQuery, 0);
  pView->nUse = w.n;
  pView->apUse = w.apTab;
  return w.rc;
}

/* Fill pCons->aiUseCol from its parsed CHECK condition.  ML_OK or NOMEM. */
static int useCheck(Catalog *p, CatConstraint *pCons){
  UseWalk w;
  memset(&w, 0, sizeof(w));
  w.pCat = p;
  w.pTab = pCons->pTable;
  useExpr(&w, pCons->pCheck, 0);
  pCons->nUseCol = w.n;
  pCons->aiUseCol = w.aiCol;
  return w.rc;
}

int catLoadUsage(Catalog *p, MlError *pErr){
  Arena tmp;
  int i, rc = ML_OK;
  arenaInit(&tmp, 16*1024);
  for(i=0; rc==ML_OK && i<p->nTable; i++){
    CatTable *pTab = p->apTable[i];
    if( pTab->isView && !pTab->isSystem && pTab->zViewText ){
      rc = useView(p, pTab, &tmp);
      arenaReset(&tmp);
    }
  }
  arenaFree(&tmp);
  for(i=0; rc==ML_OK && i<p->nCons; i++){
    if( p->apCons[i]->kind==CAT_CONS_CHECK ) rc = useCheck(p, p->apCons[i]);
  }
  if( rc==ML_OK ) rc = catInfoSchemaUsage(p);
  if( rc==ML_E_INTERNAL ) return mlErrorSet(pErr, rc, "malformed INFORMATION_SCHEMA view");
  return rc;
}
