/*
** Statement planning (plan/ layer): queries, INSERT, UPDATE, DELETE and
** EXPLAIN.  DML targets are base tables; their column DEFAULTs and CHECK
** constraints are compiled from the catalog's parsed texts here, so the
** statement runs without further look-ups.
*/
#include "plan/planint.h"

#include <string.h>

#include "sql/astprint.h"

#define PLAN_NOMEM(s) mlErrorSet((s)->pErr, ML_E_NOMEM)

/* The DEFAULT of column iCol compiled (0 when it has none: NULL). */
static int planDefault(Sema *s, const CatTable *pTab, int iCol, Expr **ppOut){
  const CatColumn *pCol = &pTab->aCol[iCol];
  int rc;
  *ppOut = 0;
  if( pCol->pDefault==0 ) return ML_OK;
  rc = semaExpr(s, 0, pCol->pDefault, ppOut);
  if( rc==ML_OK ) semaSetType(s, *ppOut, &pCol->type);
  return rc;
}

/* Target table of a DML statement: a base table. */
static int planTarget(Sema *s, const AstQName *pName, const CatTable **ppTab){
  int rc = semaFindTable(s, pName, ppTab);
  if( rc ) return rc;
  if( (*ppTab)->isView || (*ppTab)->isSystem ){
    return mlErrorSetText(s->pErr, ML_E_NO_PRIVILEGE, "%s.%s: access denied, no privilege",
                          (*ppTab)->zSchema, (*ppTab)->zName);
  }
  return ML_OK;
}

/*
** CHECK constraints of pTab, its own and those of its columns' domains,
** compiled over registers iBase..
*/
static int planChecks(Sema *s, const CatTable *pTab, ExecTableInfo *pInfo){
  SemaScope scope;
  SemaItem *pItem;
  int i, n = pTab->nDomCheck, rc;
  memset(pInfo, 0, sizeof(*pInfo));
  pInfo->pTab = pTab;
  for(i=0; i<pTab->nCons; i++) if( pTab->apCons[i]->kind==CAT_CONS_CHECK ) n++;
  if( n==0 ) return ML_OK;
  pInfo->iRegBase = semaAllocRegs(s, pTab->nCol);
  pInfo->apCheck = arenaAlloc(s->pA, sizeof(Expr*)*n);
  pInfo->azCheckName = arenaAlloc(s->pA, sizeof(char*)*n);
  pItem = semaItemForTable(s, pTab, 0, pInfo->iRegBase);
  if( !pInfo->apCheck || !pInfo->azCheckName || !pItem ) return PLAN_NOMEM(s);
  memset(&scope, 0, sizeof(scope));
  rc = semaScopeAdd(s, &scope, pItem);
  for(i=0; rc==ML_OK && i<pTab->nCons; i++){
    const CatConstraint *pCons = pTab->apCons[i];
    if( pCons->kind!=CAT_CONS_CHECK ) continue;
    rc = semaCond(s, &scope, pCons->pCheck, &pInfo->apCheck[pInfo->nCheck]);
    pInfo->azCheckName[pInfo->nCheck++] = pCons->zName;
  }
  for(i=0; rc==ML_OK && i<pTab->nDomCheck; i++){
    const CatConstraint *pCons = pTab->apDomCheck[i];
    rc = semaCond(s, &scope, pCons->pCheck, &pInfo->apCheck[pInfo->nCheck]);
    pInfo->azCheckName[pInfo->nCheck++] = pCons->zName;
  }
  return rc;
}

/* Does foreign key pFk act on its children (CASCADE, SET NULL, SET DEFAULT)? */
static int planFkActs(const CatConstraint *pFk){
  return (pFk->onDelete!=AREF_NONE && pFk->onDelete!=AREF_RESTRICT)
      || (pFk->onUpdate!=AREF_NONE && pFk->onUpdate!=AREF_RESTRICT);
}

/*
** The tables that referential actions of an UPDATE or DELETE of
** pInfo->pTab may write, at any depth, each with its CHECKs compiled and,
** when a foreign key of it has a SET DEFAULT action, its DEFAULTs
** (exec/rowwrite.c runs the actions with them).  pInfo is the first of
** the list, which all of them share; a table that an action reaches gets
** bReread, since the statement may then hold stale copies of its rows.
*/
static int planRelated(Sema *s, ExecTableInfo *pInfo){
  ExecTableInfo **ap;
  int n = 1, nAlloc = 8, i, j, k, rc = ML_OK;
  ap = arenaAlloc(s->pA, sizeof(ExecTableInfo*)*nAlloc);
  if( ap==0 ) return PLAN_NOMEM(s);
  ap[0] = pInfo;
  for(i=0; rc==ML_OK && i<n; i++){
    const CatTable *pTab = ap[i]->pTab;
    for(j=0; rc==ML_OK && j<pTab->nRefBy; j++){
      const CatConstraint *pFk = pTab->apRefBy[j];
      if( !planFkActs(pFk) ) continue;
      for(k=0; k<n && ap[k]->pTab!=pFk->pTable; k++){}
      if( k<n ){ ap[k]->bReread = 1; continue; }
      if( n==nAlloc ){
        ExecTableInfo **apNew = arenaAlloc(s->pA, sizeof(ExecTableInfo*)*nAlloc*2);
        if( apNew==0 ) return PLAN_NOMEM(s);
        memcpy(apNew, ap, sizeof(ExecTableInfo*)*n);
        ap = apNew;
        nAlloc *= 2;
      }
      ap[n] = arenaAlloc(s->pA, sizeof(ExecTableInfo));
      if( ap[n]==0 ) return PLAN_NOMEM(s);
      rc = planChecks(s, pFk->pTable, ap[n]);
      ap[n++]->bReread = 1;
    }
  }
  for(i=0; rc==ML_OK && i<n; i++){
    const CatTable *pTab = ap[i]->pTab;
    int bSetDefault = 0;
    for(j=0; j<pTab->nCons; j++){
      const CatConstraint *c = pTab->apCons[j];
      if( c->kind==CAT_CONS_FK && (c->onDelete==AREF_SET_DEFAULT || c->onUpdate==AREF_SET_DEFAULT) ){
        bSetDefault = 1;
      }
    }
    if( !bSetDefault ) continue;
    ap[i]->apDefault = arenaAlloc(s->pA, sizeof(Expr*)*(pTab->nCol+1));
    if( ap[i]->apDefault==0 ) return PLAN_NOMEM(s);
    for(j=0; rc==ML_OK && j<pTab->nCol; j++) rc = planDefault(s, pTab, j, &ap[i]->apDefault[j]);
  }
  for(i=0; i<n; i++){
    ap[i]->nRel = n;
    ap[i]->apRel = ap;
  }
  return rc;
}

/*
** SELECT ... FOR UPDATE [OF cols]: the query must be updatable in the SQL
** standard's simple sense: one base table in FROM, no WITH, DISTINCT,
** GROUP BY or HAVING (set functions and joins are caught after planning,
** execScanForUpdate), and the OF columns must be columns of that table.
** Errors: -12207 (not updatable), -12202 (OF names no column).
*/
static int planForUpdateCheck(Sema *s, AstStmt *pStmt){
  const AstQuery *q = pStmt->u.query.pQuery;
  const AstList *pOf = pStmt->u.query.pForCols;
  const AstTableRef *pRef;
  const CatTable *pTab;
  int i, rc;
  if( q->kind!=AQ_SELECT || q->pWith || q->pSelect->quant==AFQ_DISTINCT
   || q->pSelect->pGroupBy || q->pSelect->pHaving
   || q->pSelect->pFrom==0 || q->pSelect->pFrom->n!=1 ){
    return mlErrorSet(s->pErr, ML_E_INVALID_USE, "FOR UPDATE: the query is not updatable");
  }
  pRef = q->pSelect->pFrom->a[0];
  if( pRef->kind!=ATR_TABLE ){
    return mlErrorSet(s->pErr, ML_E_INVALID_USE, "FOR UPDATE: the query is not updatable");
  }
  rc = semaFindTable(s, &pRef->name, &pTab);
  if( rc ) return rc;
  if( pTab->isView || pTab->isSystem ){
    return mlErrorSet(s->pErr, ML_E_INVALID_USE, "FOR UPDATE: the query is not updatable");
  }
  for(i=0; pOf && i<pOf->n; i++){
    const char *z = ((const AstIdent*)pOf->a[i])->z;
    if( catColumnIndex(pTab, z)<0 ) return mlErrorSet(s->pErr, ML_E_COLUMN_NOT_FOUND, z);
  }
  return ML_OK;
}

static int planInsert(Sema *s, AstStmt *pStmt, Plan *pPlan){
  ExecInsert *p = arenaAlloc(s->pA, sizeof(ExecInsert));
  const CatTable *pTab;
  AstList *pCols = pStmt->u.insert.pCols;
  AstQuery *q = pStmt->u.insert.pQuery;
  int *aiTarget, nTarget, i, j, rc;
  if( p==0 ) return PLAN_NOMEM(s);
  memset(p, 0, sizeof(*p));
  rc = planTarget(s, &pStmt->u.insert.table, &pTab);
  if( rc==ML_OK ) rc = planChecks(s, pTab, &p->info);
  if( rc ) return rc;
  nTarget = pCols ? pCols->n : (q ? pTab->nCol : 0);
  aiTarget = arenaAlloc(s->pA, sizeof(int)*(nTarget+1));
  p->apCol = arenaAlloc(s->pA, sizeof(Expr*)*(pTab->nCol+1));
  if( !aiTarget || !p->apCol ) return PLAN_NOMEM(s);
  memset(p->apCol, 0, sizeof(Expr*)*(pTab->nCol+1));
  for(i=0; i<nTarget; i++){
    if( pCols ){
      const char *z = ((AstIdent*)pCols->a[i])->z;
      aiTarget[i] = catColumnIndex(pTab, z);
      if( aiTarget[i]<0 ) return mlErrorSet(s->pErr, ML_E_COLUMN_NOT_FOUND, z);
      for(j=0; j<i; j++){
        if( aiTarget[j]==aiTarget[i] ){
          return mlErrorSetText(s->pErr, ML_E_INVALID_USE, "Column %s is assigned more than once", z);
        }
      }
    }else{
      aiTarget[i] = i;
    }
  }
  p->info.pTab = pTab;
  p->nCol = pTab->nCol;
  /* a source (VALUES subqueries included) that reads the target is
  ** computed whole before the first row goes in (exec/dml.c) */
  s->pWatchTab = pTab;
  s->bWatchHit = 0;
  if( q==0 ){
    /* DEFAULT VALUES: one empty row */
    Expr ***aapRow = arenaAlloc(s->pA, sizeof(Expr**));
    if( aapRow==0 ) return PLAN_NOMEM(s);
    aapRow[0] = 0;
    p->pSource = execValuesNew(s->pA, 1, 0, aapRow, semaAllocRegs(s, 0), 0);
    if( p->pSource==0 ) return PLAN_NOMEM(s);
  }else if( q->kind==AQ_VALUES && q->pOrderBy==0 && q->pOffset==0 && !q->hasFetch ){
    /* VALUES rows typed by their target columns; DEFAULT in place */
    int nRow = q->pRows->n;
    Expr ***aapRow = arenaAlloc(s->pA, sizeof(Expr**)*nRow);
    SqlType *aType = arenaAlloc(s->pA, sizeof(SqlType)*(nTarget+1));
    if( !aapRow || !aType ) return PLAN_NOMEM(s);
    for(j=0; j<nTarget; j++) aType[j] = pTab->aCol[aiTarget[j]].type;
    for(i=0; i<nRow; i++){
      AstList *pRow = q->pRows->a[i];
      if( pRow->n!=nTarget ) return mlErrorSet(s->pErr, ML_E_COLUMN_COUNT, "");
      aapRow[i] = arenaAlloc(s->pA, sizeof(Expr*)*(nTarget+1));
      if( aapRow[i]==0 ) return PLAN_NOMEM(s);
      for(j=0; j<nTarget; j++){
        AstExpr *ae = pRow->a[j];
        if( ae->kind==AE_DEFAULT ){
          rc = planDefault(s, pTab, aiTarget[j], &aapRow[i][j]);
          if( rc==ML_OK && aapRow[i][j]==0 ){
            aapRow[i][j] = semaNewExpr(s, EXPR_CONST, &aType[j]);
            if( aapRow[i][j]==0 ) return PLAN_NOMEM(s);
            aapRow[i][j]->v.isNull = 1;
            aapRow[i][j]->v.type = aType[j].id;
          }
        }else{
          rc = semaExpr(s, 0, ae, &aapRow[i][j]);
          if( rc==ML_OK ) semaSetType(s, aapRow[i][j], &aType[j]);
          if( rc==ML_OK && aapRow[i][j]->kind==EXPR_PARAM && pTab->aCol[aiTarget[j]].notNull ){
            s->aParamNotNull[aapRow[i][j]->iReg] = 1;
          }
        }
        if( rc ) return rc;
      }
    }
    p->pSource = execValuesNew(s->pA, nRow, nTarget, aapRow, semaAllocRegs(s, nTarget), aType);
    if( p->pSource==0 ) return PLAN_NOMEM(s);
  }else{
    SemaScope empty;
    memset(&empty, 0, sizeof(empty));
    rc = planQueryCb(s, &empty, q, &p->pSource);
    if( rc ) return rc;
    if( p->pSource->nOut!=nTarget ) return mlErrorSet(s->pErr, ML_E_COLUMN_COUNT, "");
  }
  p->bMaterialize = s->bWatchHit;
  s->pWatchTab = 0;
  for(j=0; j<nTarget; j++){
    p->apCol[aiTarget[j]] = semaRegExpr(s, p->pSource->aiOut[j], &p->pSource->aOutType[j]);
    if( p->apCol[aiTarget[j]]==0 ) return PLAN_NOMEM(s);
  }
  for(i=0; i<pTab->nCol; i++){
    if( p->apCol[i] ) continue;
    rc = planDefault(s, pTab, i, &p->apCol[i]);
    if( rc ) return rc;
  }
  pPlan->kind = PLAN_INSERT;
  pPlan->pInsert = p;
  return ML_OK;
}

/* Source of UPDATE/DELETE: the table's rows matching WHERE. */
static int planDmlSource(Sema *s, const CatTable *pTab, AstIdent *pAlias, AstExpr *pWhere,
                         SemaScope *pScope, int *piBase, ExecOp **ppScan, ExecOp **ppSource){
  SemaItem *pItem;
  AstList *pCand = 0;
  int rc;
  *piBase = semaAllocRegs(s, 2*pTab->nCol);
  pItem = semaItemForTable(s, pTab, pAlias->z, *piBase);
  if( pItem==0 ) return PLAN_NOMEM(s);
  memset(pScope, 0, sizeof(*pScope));
  rc = semaScopeAdd(s, pScope, pItem);
  if( rc ) return rc;
  {
    /* conjuncts of WHERE as access-path candidates */
    AstExpr *stack[64];
    int n = 0;
    if( pWhere ) stack[n++] = pWhere;
    while( n>0 ){
      AstExpr *e = stack[--n];
      if( e->kind==AE_BINARY && e->op==AOP_AND && n<62 ){
        stack[n++] = e->pRight;
        stack[n++] = e->pLeft;
      }else if( astListAppend(s->pA, &pCand, e) ){
        return PLAN_NOMEM(s);
      }
    }
  }
  rc = planTableAccess(s, pScope, pTab, *piBase, pCand, ppScan);
  if( rc ) return rc;
  *ppSource = *ppScan;
  if( pWhere ){
    Expr *pCond;
    rc = semaCond(s, pScope, pWhere, &pCond);
    if( rc ) return rc;
    *ppSource = execFilterNew(s->pA, *ppSource, pCond);
    if( *ppSource==0 ) return PLAN_NOMEM(s);
  }
  return ML_OK;
}

static int planUpdate(Sema *s, AstStmt *pStmt, Plan *pPlan){
  ExecUpdate *p = arenaAlloc(s->pA, sizeof(ExecUpdate));
  const CatTable *pTab;
  SemaScope scope;
  int rc, i, j, n = pStmt->u.update.pCols->n;
  if( p==0 ) return PLAN_NOMEM(s);
  memset(p, 0, sizeof(*p));
  if( pStmt->u.update.cursor.z ) return mlErrorSet(s->pErr, ML_E_NOT_SUPPORTED, "WHERE CURRENT OF");
  rc = planTarget(s, &pStmt->u.update.table, &pTab);
  if( rc==ML_OK ) rc = planChecks(s, pTab, &p->info);
  if( rc==ML_OK ) rc = planRelated(s, &p->info);
  if( rc==ML_OK ) rc = planDmlSource(s, pTab, &pStmt->u.update.alias, pStmt->u.update.pWhere,
                                     &scope, &p->iOldBase, &p->pScan, &p->pSource);
  if( rc ) return rc;
  p->nSet = n;
  p->aiSetCol = arenaAlloc(s->pA, sizeof(int)*n);
  p->apSet = arenaAlloc(s->pA, sizeof(Expr*)*n);
  if( !p->aiSetCol || !p->apSet ) return PLAN_NOMEM(s);
  for(i=0; i<n; i++){
    const char *z = ((AstIdent*)pStmt->u.update.pCols->a[i])->z;
    AstExpr *ae = pStmt->u.update.pValues->a[i];
    p->aiSetCol[i] = catColumnIndex(pTab, z);
    if( p->aiSetCol[i]<0 ) return mlErrorSet(s->pErr, ML_E_COLUMN_NOT_FOUND, z);
    for(j=0; j<i; j++){
      if( p->aiSetCol[j]==p->aiSetCol[i] ){
        return mlErrorSetText(s->pErr, ML_E_INVALID_USE, "Column %s is assigned more than once", z);
      }
    }
    if( ae->kind==AE_DEFAULT ){
      rc = planDefault(s, pTab, p->aiSetCol[i], &p->apSet[i]);
    }else{
      rc = semaExpr(s, &scope, ae, &p->apSet[i]);
      if( rc==ML_OK ) semaSetType(s, p->apSet[i], &pTab->aCol[p->aiSetCol[i]].type);
      if( rc==ML_OK && p->apSet[i]->kind==EXPR_PARAM && pTab->aCol[p->aiSetCol[i]].notNull ){
        s->aParamNotNull[p->apSet[i]->iReg] = 1;
      }
    }
    if( rc ) return rc;
  }
  p->abSet = arenaAlloc(s->pA, (size_t)pTab->nCol+1);
  if( p->abSet==0 ) return PLAN_NOMEM(s);
  memset(p->abSet, 0, (size_t)pTab->nCol+1);
  for(i=0; i<p->nSet; i++) p->abSet[p->aiSetCol[i]] = 1;
  pPlan->kind = PLAN_UPDATE;
  pPlan->pUpdate = p;
  return ML_OK;
}

static int planDelete(Sema *s, AstStmt *pStmt, Plan *pPlan){
  ExecDelete *p = arenaAlloc(s->pA, sizeof(ExecDelete));
  const CatTable *pTab;
  SemaScope scope;
  int rc;
  if( p==0 ) return PLAN_NOMEM(s);
  memset(p, 0, sizeof(*p));
  if( pStmt->u.del.cursor.z ) return mlErrorSet(s->pErr, ML_E_NOT_SUPPORTED, "WHERE CURRENT OF");
  rc = planTarget(s, &pStmt->u.del.table, &pTab);
  if( rc==ML_OK ) rc = planChecks(s, pTab, &p->info);
  if( rc==ML_OK ) rc = planRelated(s, &p->info);
  if( rc ) return rc;
  rc = planDmlSource(s, pTab, &pStmt->u.del.alias, pStmt->u.del.pWhere, &scope,
                     &p->iOldBase, &p->pScan, &p->pSource);
  if( rc ) return rc;
  pPlan->kind = PLAN_DELETE;
  pPlan->pDelete = p;
  return ML_OK;
}

static int planQueryStmt(Sema *s, AstQuery *q, Plan *pPlan){
  SemaScope empty;
  const char **azName;
  int rc, i;
  memset(&empty, 0, sizeof(empty));
  rc = planQueryNames(s, &empty, q, &pPlan->pRoot, &azName);
  if( rc ) return rc;
  pPlan->kind = PLAN_QUERY;
  pPlan->nCol = pPlan->pRoot->nOut;
  pPlan->aCol = arenaAlloc(s->pA, sizeof(PlanColumn)*(pPlan->nCol+1));
  if( pPlan->aCol==0 ) return PLAN_NOMEM(s);
  for(i=0; i<pPlan->nCol; i++){
    pPlan->aCol[i].zName = azName[i];
    pPlan->aCol[i].type = pPlan->pRoot->aOutType[i];
    pPlan->aCol[i].nullable = 1;
    pPlan->aCol[i].iReg = pPlan->pRoot->aiOut[i];
  }
  return ML_OK;
}

int planStatement(Arena *pA, const Catalog *pCat, const char *zSchema, const char *zUser,
                  AstStmt *pStmt, Plan **ppPlan, MlError *pErr){
  Sema s;
  Plan *pPlan = arenaAlloc(pA, sizeof(Plan));
  int rc;
  *ppPlan = 0;
  if( pPlan==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
  memset(pPlan, 0, sizeof(*pPlan));
  rc = semaInit(&s, pA, pCat, zSchema, zUser, pStmt, pErr);
  if( rc ) return rc;
  s.xPlanQuery = planQueryCb;
  switch( pStmt->kind ){
    case AS_QUERY:
      rc = ML_OK;
      if( pStmt->u.query.forClause==AFOR_UPDATE ) rc = planForUpdateCheck(&s, pStmt);
      if( rc==ML_OK ) rc = planQueryStmt(&s, pStmt->u.query.pQuery, pPlan);
      if( rc==ML_OK && pStmt->u.query.forClause==AFOR_UPDATE && !execScanForUpdate(pPlan->pRoot) ){
        rc = mlErrorSet(pErr, ML_E_INVALID_USE, "FOR UPDATE: the query is not updatable");
      }
      break;
    case AS_INSERT: rc = planInsert(&s, pStmt, pPlan); break;
    case AS_UPDATE: rc = planUpdate(&s, pStmt, pPlan); break;
    case AS_DELETE: rc = planDelete(&s, pStmt, pPlan); break;
    case AS_EXPLAIN: {
      AstStmt *pInner = pStmt->u.explain.pStmt;
      Plan *pSub;
      StrBuf b;
      ExecOp *pRoot = 0;
      if( pInner->kind!=AS_QUERY && pInner->kind!=AS_INSERT && pInner->kind!=AS_UPDATE
       && pInner->kind!=AS_DELETE ){
        rc = mlErrorSet(pErr, ML_E_NOT_SUPPORTED, "EXPLAIN of this statement");
        break;
      }
      rc = planStatement(pA, pCat, zSchema, zUser, pInner, &pSub, pErr);
      if( rc ) break;
      pRoot = pSub->pRoot ? pSub->pRoot : pSub->pInsert ? pSub->pInsert->pSource
            : pSub->pUpdate ? pSub->pUpdate->pSource : pSub->pDelete->pSource;
      strbufInit(&b, 0, 0);
      rc = execExplain(pRoot, &b);
      if( rc==ML_OK ) pPlan->zExplain = arenaStrndup(pA, strbufCStr(&b), b.n);
      strbufFree(&b);
      if( rc==ML_OK && pPlan->zExplain==0 ) rc = ML_E_NOMEM;
      if( rc ){ mlErrorSet(pErr, rc); break; }
      pPlan->kind = PLAN_EXPLAIN;
      break;
    }
    default:
      rc = mlErrorSet(pErr, ML_E_INTERNAL, "statement is not planned");
      break;
  }
  if( rc==ML_OK ) rc = semaCheckParams(&s);
  if( rc ) return rc;
  pPlan->nReg = s.nReg;
  pPlan->nParam = s.nParam;
  pPlan->aParamType = s.aParamType;
  pPlan->azParamName = s.azParamName;
  pPlan->aParamNotNull = s.aParamNotNull;
  *ppPlan = pPlan;
  return ML_OK;
}
