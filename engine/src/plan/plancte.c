/*
** WITH and WITH RECURSIVE (plan/ layer).  A WITH list pushes its elements
** on Sema's stack of common table expressions (sema.h SemaCte) while the
** query after it is planned; an unqualified table name that matches an
** element in scope is planned like a derived table, afresh at every
** reference (so a CTE used twice is computed twice, each instance keyed
** and joined on its own).  A recursive element, "anchor UNION [ALL] step"
** whose step names the element, becomes the recursive union operator
** (exec/recursive.c): the anchor is planned first and fixes the column
** types, then the step, in which the element's name reads the working
** table.  An element of a WITH RECURSIVE list that does not refer to
** itself is planned as an ordinary query.
*/
#include "plan/planint.h"

#include <assert.h>
#include <string.h>

#include "types/dec45.h"
#include "types/typesys.h"

#define PLAN_NOMEM(s) mlErrorSet((s)->pErr, ML_E_NOMEM)

int planWith(Sema *s, SemaScope *pOuter, AstQuery *q, ExecOp **ppOp, const char ***pazName){
  SemaCte *pSave = s->pCte;
  AstWith *pWith = q->pWith;
  int i, j, rc;
  assert( pWith );
  for(i=0; i<pWith->pCtes->n; i++){
    AstCte *pAst = pWith->pCtes->a[i];
    SemaCte *c = arenaAlloc(s->pA, sizeof(SemaCte));
    if( c==0 ) return PLAN_NOMEM(s);
    for(j=0; j<i; j++){
      if( catNameEq(((AstCte*)pWith->pCtes->a[j])->name.z, pAst->name.z) ){
        s->pCte = pSave;
        return mlErrorSet(s->pErr, ML_E_OBJECT_EXISTS, pAst->name.z);
      }
    }
    memset(c, 0, sizeof(*c));
    c->pPrev = s->pCte;
    c->pAst = pAst;
    c->pOuter = pOuter;
    c->bRecursive = pWith->recursive;
    s->pCte = c;
  }
  q->pWith = 0;
  rc = planQueryNames(s, pOuter, q, ppOp, pazName);
  q->pWith = pWith;
  s->pCte = pSave;
  return rc;
}

/* Column names of element c: its column list (checked against nCol) or azName. */
static int planCteNames(Sema *s, SemaCte *c, int nCol, const char **azName,
                        const char ***pazOut){
  const char **az;
  int i;
  if( c->pAst->pCols==0 ){
    *pazOut = azName;
    return ML_OK;
  }
  if( c->pAst->pCols->n!=nCol ){
    return mlErrorSet(s->pErr, ML_E_COLUMN_COUNT, " in the WITH column list");
  }
  az = arenaAlloc(s->pA, sizeof(char*)*(nCol+1));
  if( az==0 ) return PLAN_NOMEM(s);
  for(i=0; i<nCol; i++) az[i] = ((AstIdent*)c->pAst->pCols->a[i])->z;
  *pazOut = az;
  return ML_OK;
}

/*
** The type a recursive element's column gets when the step's values do
** not fit the anchor's type t (sup: their common supertype): the widest
** type of sup's kind, so "1 ... UNION ALL ... n + 1" counts in BIGINT
** and a string that grows gets the longest VARCHAR.
*/
static SqlType planCteWiden(const SqlType *sup){
  SqlType t = *sup;
  if( SQLT_IS_BINARY_INT(t.id) || (t.id==SQLT_INTEGER_P && t.precision<=18) ){
    memset(&t, 0, sizeof(t));
    t.id = SQLT_BIGINT;
  }else if( t.id==SQLT_INTEGER_P || t.id==SQLT_DECIMAL || t.id==SQLT_FLOAT_P ){
    t.precision = DEC45_MAX_DIGITS;
  }else if( t.id==SQLT_CHAR || t.id==SQLT_VARCHAR ){
    t.id = SQLT_VARCHAR;
    t.length = 15000;
  }else if( t.id==SQLT_NCHAR || t.id==SQLT_NVARCHAR ){
    t.id = SQLT_NVARCHAR;
    t.length = 5000;
  }else if( t.id==SQLT_BINARY || t.id==SQLT_VARBINARY ){
    t.id = SQLT_VARBINARY;
    t.length = 15000;
  }
  return t;
}

/*
** Plan the step of recursive element c over a working table of the
** columns aType[nCol].  *ppWork gets the working table.
*/
static int planCteStep(Sema *s, SemaCte *c, int nCol, SqlType *aType, const char **azCol,
                       ExecWorkTable **ppWork, ExecOp **ppStep){
  int rc;
  *ppWork = execWorkTableNew(s->pA, nCol, aType);
  if( *ppWork==0 ) return PLAN_NOMEM(s);
  c->pWork = *ppWork;
  c->nCol = nCol;
  c->aType = aType;
  c->azCol = azCol;
  c->nRef = 0;
  rc = planQueryNames(s, c->pOuter, c->pAst->pQuery->pRight, ppStep, &azCol);
  c->pWork = 0;
  if( rc==ML_OK && c->nRef && (*ppStep)->nOut!=nCol ){
    rc = mlErrorSet(s->pErr, ML_E_COLUMN_COUNT, " in a set operation");
  }
  return rc;
}

/*
** Plan the recursive form of element c (query anchor UNION [ALL] step).
** The anchor's column types are the working table's; a column whose step
** values need a wider type is widened (planCteWiden) and the step planned
** again over the wider working table.  *pbRecursive is cleared, and
** nothing planned, when the step does not name c: the caller then plans
** the query as an ordinary one.
*/
static int planCteRecursive(Sema *s, SemaCte *c, ExecOp **ppOp, const char ***pazName,
                            int *pbRecursive){
  AstQuery *q = c->pAst->pQuery;
  ExecOp *pL, *pR;
  const char **azL, **azCol;
  ExecWorkTable *pWork;
  SqlType *aType, *aParamType;
  int i, rc, *aiReg, bWiden = 0;
  *pbRecursive = 0;
  rc = planQueryNames(s, c->pOuter, q->pLeft, &pL, &azL);
  if( rc ) return rc;
  rc = planCteNames(s, c, pL->nOut, azL, &azCol);
  if( rc ) return rc;
  aType = arenaAlloc(s->pA, sizeof(SqlType)*(pL->nOut+1));
  if( aType==0 ) return PLAN_NOMEM(s);
  memcpy(aType, pL->aOutType, sizeof(SqlType)*pL->nOut);
  /* parameter types as the anchor left them, for a second plan of the step */
  aParamType = arenaAlloc(s->pA, sizeof(SqlType)*(s->nParam+1));
  if( aParamType==0 ) return PLAN_NOMEM(s);
  memcpy(aParamType, s->aParamType, sizeof(SqlType)*s->nParam);
  rc = planCteStep(s, c, pL->nOut, aType, azCol, &pWork, &pR);
  if( rc || c->nRef==0 ) return rc;
  for(i=0; i<pL->nOut; i++){
    SqlType t;
    rc = typeCommonSuper(&aType[i], &pR->aOutType[i], &t, s->pErr);
    if( rc ) return rc;
    if( t.id!=aType[i].id || t.precision!=aType[i].precision || t.scale!=aType[i].scale
     || t.length!=aType[i].length || t.intervalKind!=aType[i].intervalKind ){
      aType[i] = planCteWiden(&t);
      bWiden = 1;
    }
  }
  if( bWiden ){
    memcpy(s->aParamType, aParamType, sizeof(SqlType)*s->nParam);
    rc = planCteStep(s, c, pL->nOut, aType, azCol, &pWork, &pR);
    if( rc ) return rc;
  }
  aiReg = arenaAlloc(s->pA, sizeof(int)*(pL->nOut+1));
  if( aiReg==0 ) return PLAN_NOMEM(s);
  aiReg[0] = semaAllocRegs(s, pL->nOut);
  for(i=1; i<pL->nOut; i++) aiReg[i] = aiReg[0]+i;
  *ppOp = execRecursiveNew(s->pA, pL, pR, pWork, q->setQuant==AFQ_ALL, aiReg);
  if( *ppOp==0 ) return PLAN_NOMEM(s);
  *pazName = azCol;
  *pbRecursive = 1;
  return ML_OK;
}

/* Plan the query of element c, seeing the elements c may see. */
static int planCteQuery(Sema *s, SemaCte *c, ExecOp **ppOp, const char ***pazName){
  AstQuery *q = c->pAst->pQuery;
  const char **azName;
  int rc;
  s->pCte = c->bRecursive ? c : c->pPrev;
  if( c->bRecursive && q->kind==AQ_SETOP && q->setOp==ASET_UNION && q->pWith==0
   && q->pOrderBy==0 && q->pOffset==0 && !q->hasFetch ){
    int bRecursive;
    rc = planCteRecursive(s, c, ppOp, pazName, &bRecursive);
    if( rc || bRecursive ) return rc;
  }
  rc = planQueryNames(s, c->pOuter, q, ppOp, &azName);
  if( rc ) return rc;
  return planCteNames(s, c, (*ppOp)->nOut, azName, pazName);
}

int planCteRef(Sema *s, SemaScope *pScope, AstTableRef *pRef, ExecOp **ppOp, int *pbCte){
  SemaCte *c = semaFindCte(s, &pRef->name);
  const char **azName;
  AstIdent alias = pRef->alias;
  SemaItem *pItem;
  ExecOp *pOp;
  int rc;
  *pbCte = c!=0;
  if( c==0 ) return ML_OK;
  if( c->pWork ){
    /* the recursive step reading the previous round's rows */
    pOp = execWorkScanNew(s->pA, c->pWork, semaAllocRegs(s, c->nCol));
    if( pOp==0 ) return PLAN_NOMEM(s);
    azName = c->azCol;
    c->nRef++;
  }else if( c->bBusy ){
    return mlErrorSetText(s->pErr, ML_E_INVALID_USE,
                          "Invalid use of %s: a recursive reference outside the recursive "
                          "part of UNION", c->pAst->name.z);
  }else{
    SemaCte *pSave = s->pCte;
    c->bBusy = 1;
    rc = planCteQuery(s, c, &pOp, &azName);
    c->bBusy = 0;
    s->pCte = pSave;
    if( rc ) return rc;
  }
  if( alias.z==0 ) alias = c->pAst->name;
  rc = planDerivedItem(s, pOp, azName, &alias, pRef->pColAliases, &pItem);
  if( rc ) return rc;
  *ppOp = pOp;
  return semaScopeAdd(s, pScope, pItem);
}
