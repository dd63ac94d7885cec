/*
** Join planning (plan/ layer): the FROM list and WHERE clause of one
** SELECT block into a left-deep tree of joins.
**
** The comma list and INNER/CROSS joins are flattened into "units" (base
** tables; outer joins, derived tables and views stay whole and keep their
** inner order), and WHERE plus the ON conditions of the flattened joins
** into conjuncts, each knowing the set of units it reads.  A greedy order
** then starts from the unit with the most restricting single-table
** conjuncts and repeatedly adds a unit connected to those joined by a
** conjunct, preferring one whose primary key or an index serves the join
** (ties keep the written order; an unconnected unit comes last).  Each
** base table gets the key range its conjuncts allow over what is already
** joined (an index nested-loop join); a unit not keyed that way but
** connected by equalities is joined by a hash join.  Every conjunct is
** applied once, at the lowest level where all it reads is joined; one
** with a subquery waits for the top.  The scope keeps the written order,
** so SELECT * and name resolution do not see the reordering.
**
** Join items (planJoinItem) -- outer joins, NATURAL/USING joins, inner
** joins nested where they are not flattened -- join their two operands
** by an index nested loop when the inner operand's access path is keyed
** by the outer row, else by a hash join (inner, LEFT or FULL) on the
** equalities between the operands, else by a nested loop.
*/
#include "plan/planint.h"

#include <assert.h>
#include <string.h>


#define PLAN_NOMEM(s) mlErrorSet((s)->pErr, ML_E_NOMEM)
#define PLAN_MAX_UNIT 64           /* units tracked in a 64-bit set */

/* One unit of the join order. */
typedef struct PlanUnit {
  AstTableRef *pRef;       /* the FROM item */
  const CatTable *pTab;    /* base table, or 0 when planned as a whole */
  int iReg;                /* base table: its first register */
  int iFirstItem, nItem;   /* its items in the scope */
  ExecOp *pOp;             /* planned as a whole: its plan */
} PlanUnit;

/* One conjunct of WHERE or of a flattened ON. */
typedef struct PlanConj {
  AstExpr *pAst;
  Expr *pExpr;             /* compiled in the scope of its clause */
  uint64_t mask;           /* units it reads */
  int bPlaced;             /* applied at some level already */
} PlanConj;

typedef struct PlanJoin {
  Sema *s;
  SemaScope *pScope;
  SemaScope *pOuter;
  PlanUnit *aUnit;
  int nUnit, nUnitAlloc;
  PlanConj *aConj;
  int nConj, nConjAlloc;
  AstList *pCandAst;       /* every conjunct's AST (candidates for key ranges) */
  uint64_t mAll;           /* every unit */
} PlanJoin;

static int planJoinAddUnit(PlanJoin *pJ, AstTableRef *pRef, const CatTable *pTab){
  if( pJ->nUnit==pJ->nUnitAlloc ){
    int nNew = pJ->nUnitAlloc ? pJ->nUnitAlloc*2 : 8;
    PlanUnit *aNew = arenaAlloc(pJ->s->pA, sizeof(PlanUnit)*nNew);
    if( aNew==0 ) return PLAN_NOMEM(pJ->s);
    if( pJ->nUnit ) memcpy(aNew, pJ->aUnit, sizeof(PlanUnit)*pJ->nUnit);
    pJ->aUnit = aNew;
    pJ->nUnitAlloc = nNew;
  }
  memset(&pJ->aUnit[pJ->nUnit], 0, sizeof(PlanUnit));
  pJ->aUnit[pJ->nUnit].pRef = pRef;
  pJ->aUnit[pJ->nUnit].pTab = pTab;
  pJ->nUnit++;
  return ML_OK;
}

/*
** Compile the conjuncts of e in the scope items [iItemLo, iItemHi) (the
** operands of the clause e belongs to) and append them.
*/
static int planJoinAddConj(PlanJoin *pJ, AstExpr *e, int iItemLo, int iItemHi){
  Sema *s = pJ->s;
  AstList *pList = 0;
  SemaScope sub;
  int i, rc;
  rc = planSplitAnd(s, e, &pList);
  if( rc ) return rc;
  memset(&sub, 0, sizeof(sub));
  sub.pOuter = pJ->pOuter;
  sub.apItem = pJ->pScope->apItem + iItemLo;
  sub.nItem = sub.nItemAlloc = iItemHi - iItemLo;
  for(i=0; pList && i<pList->n; i++){
    PlanConj *c;
    if( pJ->nConj==pJ->nConjAlloc ){
      int nNew = pJ->nConjAlloc ? pJ->nConjAlloc*2 : 16;
      PlanConj *aNew = arenaAlloc(s->pA, sizeof(PlanConj)*nNew);
      if( aNew==0 ) return PLAN_NOMEM(s);
      if( pJ->nConj ) memcpy(aNew, pJ->aConj, sizeof(PlanConj)*pJ->nConj);
      pJ->aConj = aNew;
      pJ->nConjAlloc = nNew;
    }
    c = &pJ->aConj[pJ->nConj];
    memset(c, 0, sizeof(*c));
    c->pAst = pList->a[i];
    rc = semaCond(s, &sub, c->pAst, &c->pExpr);
    if( rc ) return rc;
    if( astListAppend(s->pA, &pJ->pCandAst, c->pAst) ) return PLAN_NOMEM(s);
    pJ->nConj++;
  }
  return ML_OK;
}

/*
** Add base table pTab, the FROM item pRef, to pScope with registers of its
** own (*piReg, the first) and its correlation column names.
*/
int planJoinTableItem(Sema *s, SemaScope *pScope, AstTableRef *pRef,
                      const CatTable *pTab, int *piReg){
  SemaItem *pItem;
  *piReg = semaAllocRegs(s, pTab->nCol);
  pItem = semaItemForTable(s, pTab, pRef->alias.z, *piReg);
  if( pItem==0 ) return PLAN_NOMEM(s);
  if( pRef->pColAliases ){
    int i;
    if( pRef->pColAliases->n!=pTab->nCol ){
      return mlErrorSet(s->pErr, ML_E_COLUMN_COUNT, " in the correlation column list");
    }
    for(i=0; i<pTab->nCol; i++) pItem->azCol[i] = ((AstIdent*)pRef->pColAliases->a[i])->z;
  }
  return semaScopeAdd(s, pScope, pItem);
}

/*
** Flatten pRef into units, adding base tables' items to the scope and
** planning other items whole, in written order; ON conditions of the
** flattened joins become conjuncts.  pWhere: the WHERE conjuncts, which
** may key the first table of an item planned whole.
*/
static int planJoinFlatten(PlanJoin *pJ, AstTableRef *pRef, AstList *pWhere){
  Sema *s = pJ->s;
  int rc;
  if( pRef->kind==ATR_JOIN && !pRef->natural && pRef->pUsing==0
   && (pRef->joinType==AJ_INNER || pRef->joinType==AJ_CROSS) ){
    int iFirst = pJ->pScope->nItem;
    rc = planJoinFlatten(pJ, pRef->pLeft, pWhere);
    if( rc==ML_OK ) rc = planJoinFlatten(pJ, pRef->pRight, pWhere);
    if( rc==ML_OK && pRef->pOn ){
      rc = planJoinAddConj(pJ, pRef->pOn, iFirst, pJ->pScope->nItem);
    }
    return rc;
  }
  if( pRef->kind==ATR_TABLE && semaFindCte(s, &pRef->name)==0 ){
    const CatTable *pTab;
    rc = semaFindTable(s, &pRef->name, &pTab);
    if( rc ) return rc;
    if( !pTab->isView ){
      PlanUnit *u;
      rc = planJoinAddUnit(pJ, pRef, pTab);
      if( rc ) return rc;
      u = &pJ->aUnit[pJ->nUnit-1];
      u->iFirstItem = pJ->pScope->nItem;
      u->nItem = 1;
      return planJoinTableItem(s, pJ->pScope, pRef, pTab, &u->iReg);
    }
  }
  {
    /* planned whole in a scope of its own: keyed only by constants */
    SemaScope sub;
    PlanUnit *u;
    int i;
    rc = planJoinAddUnit(pJ, pRef, 0);
    if( rc ) return rc;
    u = &pJ->aUnit[pJ->nUnit-1];
    memset(&sub, 0, sizeof(sub));
    sub.pOuter = pJ->pOuter;
    rc = planFromItem(s, &sub, pJ->pOuter, pRef, pWhere, &u->pOp);
    if( rc ) return rc;
    u->iFirstItem = pJ->pScope->nItem;
    u->nItem = sub.nItem;
    for(i=0; i<sub.nItem; i++){
      rc = semaScopeAdd(s, pJ->pScope, sub.apItem[i]);
      if( rc ) return rc;
    }
    return ML_OK;
  }
}

/* The unit whose items hold register r, or -1. */
static int planJoinRegUnit(const PlanJoin *pJ, int r){
  int u, k;
  for(u=0; u<pJ->nUnit; u++){
    for(k=0; k<pJ->aUnit[u].nItem; k++){
      const SemaItem *pItem = pJ->pScope->apItem[pJ->aUnit[u].iFirstItem+k];
      if( r>=pItem->iRegBase && r<pItem->iRegBase+pItem->nCol ) return u;
    }
  }
  return -1;
}

/* The set of units e reads (every unit for a subquery or NEXT VALUE). */
static uint64_t planJoinMask(const PlanJoin *pJ, const Expr *e){
  uint64_t m = 0;
  int i;
  if( e==0 ) return 0;
  if( e->kind==EXPR_SUBQ || e->kind==EXPR_NEXTVAL ) return pJ->mAll;
  if( e->kind==EXPR_REG ){
    int u = planJoinRegUnit(pJ, e->iReg);
    if( u>=PLAN_MAX_UNIT ) return pJ->mAll;
    if( u>=0 ) m |= (uint64_t)1 << u;
  }
  m |= planJoinMask(pJ, e->pA) | planJoinMask(pJ, e->pB) | planJoinMask(pJ, e->pC);
  for(i=0; i<e->nArg; i++) m |= planJoinMask(pJ, e->apArg[i]);
  return m;
}

static uint64_t planJoinBit(int u){
  return u<PLAN_MAX_UNIT ? (uint64_t)1 << u : 0;
}

/* Can equal key-codec encodings of types a and b stand for SQL equality? */
static int planHashable(const SqlType *a, const SqlType *b){
  if( SQLT_IS_LOB(a->id) || SQLT_IS_LOB(b->id) ) return 0;
  if( SQLT_IS_NUMERIC(a->id) && SQLT_IS_NUMERIC(b->id) ) return 1;
  if( SQLT_IS_CHARACTER(a->id) && SQLT_IS_CHARACTER(b->id) ) return 1;
  return a->id==b->id && a->id!=SQLT_INTERVAL && a->id!=SQLT_NULL;
}

/*
** Is conjunct c an equality between an expression over unit u alone and
** one over units in mJoined?  *ppU / *ppJ get the two sides.
*/
static int planJoinEquiSides(const PlanJoin *pJ, const PlanConj *c, int u, uint64_t mJoined,
                             Expr **ppU, Expr **ppJ){
  const Expr *e = c->pExpr;
  uint64_t mA, mB, bit = planJoinBit(u);
  if( e->kind!=EXPR_CMP || e->op!=AOP_EQ || bit==0 ) return 0;
  if( !planHashable(&e->pA->type, &e->pB->type) ) return 0;
  mA = planJoinMask(pJ, e->pA);
  mB = planJoinMask(pJ, e->pB);
  if( mA==bit && mB!=0 && (mB & ~mJoined)==0 ){ *ppU = e->pA; *ppJ = e->pB; return 1; }
  if( mB==bit && mA!=0 && (mA & ~mJoined)==0 ){ *ppU = e->pB; *ppJ = e->pA; return 1; }
  return 0;
}

/* Is expression e column iCol of base unit u the first column of a key? */
static int planJoinIndexed(const PlanUnit *u, const Expr *e){
  int iCol, i;
  if( u->pTab==0 || e->kind!=EXPR_REG ) return 0;
  iCol = e->iReg - u->iReg;
  if( iCol<0 || iCol>=u->pTab->nCol ) return 0;
  if( u->pTab->pPk && u->pTab->pPk->aiCol[0]==iCol ) return 1;
  for(i=0; i<u->pTab->nIndex; i++){
    if( u->pTab->apIndex[i]->aiCol[0]==iCol ) return 1;
  }
  return 0;
}

/*
** Rank of unit u as the next one to join after mJoined: served by an
** index on a join equality (1000), connected by any conjunct (100), plus
** its single-table conjuncts (equalities count twice).
*/
static int planJoinRank(const PlanJoin *pJ, int u, uint64_t mJoined){
  uint64_t bit = planJoinBit(u);
  int i, rank = 0, bConnected = 0, bServed = 0;
  for(i=0; i<pJ->nConj; i++){
    const PlanConj *c = &pJ->aConj[i];
    Expr *pU, *pJo;
    if( bit==0 || (c->mask & bit)==0 ) continue;
    if( c->mask==bit ){
      rank += c->pExpr->kind==EXPR_CMP && c->pExpr->op==AOP_EQ ? 2 : 1;
      continue;
    }
    if( (c->mask & mJoined)!=0 && (c->mask & ~(mJoined|bit))==0 ){
      bConnected = 1;
      if( planJoinEquiSides(pJ, c, u, mJoined, &pU, &pJo) && planJoinIndexed(&pJ->aUnit[u], pU) ){
        bServed = 1;
      }
    }
  }
  return rank + (bConnected ? 100 : 0) + (bServed ? 1000 : 0);
}

/* Put a filter for conjunct c above *ppOp. */
static int planJoinFilter(Sema *s, ExecOp **ppOp, PlanConj *c){
  *ppOp = execFilterNew(s->pA, *ppOp, c->pExpr);
  c->bPlaced = 1;
  return *ppOp ? ML_OK : PLAN_NOMEM(s);
}

/* The registers of unit u's items (saved by a hash join's build side). */
static int planJoinUnitRegs(PlanJoin *pJ, int u, int *pn, int **pai){
  const PlanUnit *pU = &pJ->aUnit[u];
  int k, j, n = 0, *a;
  for(k=0; k<pU->nItem; k++) n += pJ->pScope->apItem[pU->iFirstItem+k]->nCol;
  a = arenaAlloc(pJ->s->pA, sizeof(int)*(n+1));
  if( a==0 ) return PLAN_NOMEM(pJ->s);
  n = 0;
  for(k=0; k<pU->nItem; k++){
    const SemaItem *pItem = pJ->pScope->apItem[pU->iFirstItem+k];
    for(j=0; j<pItem->nCol; j++) a[n++] = pItem->iRegBase+j;
  }
  *pn = n;
  *pai = a;
  return ML_OK;
}

/*
** Join unit u (already planned as pUnitOp) to *ppOp, the units mJoined:
** a hash join on the equalities between them when bKeyed is 0 and there
** is one, else a nested loop; then the conjuncts that become evaluable.
*/
static int planJoinStep(PlanJoin *pJ, ExecOp **ppOp, ExecOp *pUnitOp, int u, uint64_t mJoined,
                        int bKeyed){
  Sema *s = pJ->s;
  uint64_t mNow = mJoined | planJoinBit(u);
  int i, nKey = 0, rc;
  Expr **apL = 0, **apR = 0;
  SqlType *aTypeL = 0, *aTypeR = 0;
  if( !bKeyed ){
    apL = arenaAlloc(s->pA, sizeof(Expr*)*(pJ->nConj+1));
    apR = arenaAlloc(s->pA, sizeof(Expr*)*(pJ->nConj+1));
    aTypeL = arenaAlloc(s->pA, sizeof(SqlType)*(pJ->nConj+1));
    aTypeR = arenaAlloc(s->pA, sizeof(SqlType)*(pJ->nConj+1));
    if( !apL || !apR || !aTypeL || !aTypeR ) return PLAN_NOMEM(s);
    for(i=0; i<pJ->nConj; i++){
      PlanConj *c = &pJ->aConj[i];
      Expr *pU, *pJo;
      if( c->bPlaced || (c->mask & ~mNow)!=0 ) continue;
      if( !planJoinEquiSides(pJ, c, u, mJoined, &pU, &pJo) ) continue;
      apL[nKey] = pJo;
      apR[nKey] = pU;
      aTypeL[nKey] = pJo->type;
      aTypeR[nKey] = pU->type;
      nKey++;
      c->bPlaced = 1;
    }
  }
  if( nKey ){
    int nReg = 0, *aiReg = 0;
    rc = planJoinUnitRegs(pJ, u, &nReg, &aiReg);
    if( rc ) return rc;
    *ppOp = execHashJoinNew(s->pA, *ppOp, pUnitOp, EXEC_JOIN_INNER, nKey, apL, apR, aTypeL, aTypeR,
                            0, nReg, aiReg, 0, 0, execMemBudget());
  }else{
    *ppOp = execNlJoinNew(s->pA, *ppOp, pUnitOp, EXEC_JOIN_INNER, 0, 0, 0, 0, 0);
  }
  if( *ppOp==0 ) return PLAN_NOMEM(s);
  for(i=0; i<pJ->nConj; i++){
    PlanConj *c = &pJ->aConj[i];
    if( c->bPlaced || (c->mask & ~mNow)!=0 ) continue;
    rc = planJoinFilter(s, ppOp, c);
    if( rc ) return rc;
  }
  return ML_OK;
}

int planJoinFrom(Sema *s, SemaScope *pScope, SemaScope *pOuter, AstList *pFrom,
                 AstExpr *pWhere, ExecOp **ppOp){
  PlanJoin j;
  AstList *pWhereList = 0;
  uint64_t mJoined = 0;
  uint8_t *aDone;
  ExecOp *pOp = 0;
  int i, rc, step;

  memset(&j, 0, sizeof(j));
  j.s = s;
  j.pScope = pScope;
  j.pOuter = pOuter;
  rc = planSplitAnd(s, pWhere, &pWhereList);
  if( rc ) return rc;
  for(i=0; i<pFrom->n; i++){
    rc = planJoinFlatten(&j, pFrom->a[i], pWhereList);
    if( rc ) return rc;
  }
  if( pWhere ){
    rc = planJoinAddConj(&j, pWhere, 0, pScope->nItem);
    if( rc ) return rc;
  }
  j.mAll = j.nUnit>=PLAN_MAX_UNIT ? ~(uint64_t)0 : ((uint64_t)1 << j.nUnit) - 1;
  for(i=0; i<j.nConj; i++) j.aConj[i].mask = planJoinMask(&j, j.aConj[i].pExpr);

  aDone = arenaAlloc(s->pA, (size_t)j.nUnit+1);
  if( aDone==0 ) return PLAN_NOMEM(s);
  memset(aDone, 0, (size_t)j.nUnit+1);
  for(step=0; step<j.nUnit; step++){
    int u = -1, best = -1, bKeyed = 0;
    ExecOp *pUnitOp;
    for(i=0; i<j.nUnit; i++){
      int r;
      if( aDone[i] ) continue;
      r = planJoinRank(&j, i, mJoined);
      if( r>best ){ best = r; u = i; }
    }
    assert( u>=0 );
    aDone[u] = 1;
    if( j.aUnit[u].pTab ){
      /* key range over what is joined: block the registers of the rest */
      PlanBlock blk;
      int k;
      blk.n = 0;
      blk.aLo = arenaAlloc(s->pA, sizeof(int)*(pScope->nItem+1));
      blk.aHi = arenaAlloc(s->pA, sizeof(int)*(pScope->nItem+1));
      if( !blk.aLo || !blk.aHi ) return PLAN_NOMEM(s);
      for(i=0; i<j.nUnit; i++){
        if( aDone[i] ) continue;
        for(k=0; k<j.aUnit[i].nItem; k++){
          const SemaItem *pItem = pScope->apItem[j.aUnit[i].iFirstItem+k];
          blk.aLo[blk.n] = pItem->iRegBase;
          blk.aHi[blk.n++] = pItem->iRegBase + pItem->nCol;
        }
      }
      rc = planTableAccessEx(s, pScope, j.aUnit[u].pTab, j.aUnit[u].iReg, j.pCandAst, &blk,
                             &pUnitOp, &bKeyed);
      if( rc ) return rc;
    }else{
      pUnitOp = j.aUnit[u].pOp;
    }
    if( pOp==0 ){
      pOp = pUnitOp;
      for(i=0; i<j.nConj; i++){
        PlanConj *c = &j.aConj[i];
        if( (c->mask & ~planJoinBit(u))!=0 ) continue;
        rc = planJoinFilter(s, &pOp, c);
        if( rc ) return rc;
      }
    }else{
      rc = planJoinStep(&j, &pOp, pUnitOp, u, mJoined, bKeyed);
      if( rc ) return rc;
    }
    mJoined |= planJoinBit(u);
  }
  /* conjuncts over units beyond the tracked set, or reading none */
  for(i=0; i<j.nConj; i++){
    if( j.aConj[i].bPlaced ) continue;
    rc = planJoinFilter(s, &pOp, &j.aConj[i]);
    if( rc ) return rc;
  }
  *ppOp = pOp;
  return ML_OK;
}

/* ------------------------------------------------------- join items */

/* Registers of the scope items [iLo, iHi), in order. */
static int planItemRegs(Sema *s, SemaScope *pScope, int iLo, int iHi, int *pn, int **pai){
  int i, j, n = 0, *a;
  *pn = 0;
  *pai = 0;
  for(i=iLo; i<iHi; i++) n += pScope->apItem[i]->nCol;
  a = arenaAlloc(s->pA, sizeof(int)*(n+1));
  if( a==0 ) return PLAN_NOMEM(s);
  n = 0;
  for(i=iLo; i<iHi; i++){
    for(j=0; j<pScope->apItem[i]->nCol; j++) a[n++] = pScope->apItem[i]->iRegBase+j;
  }
  *pn = n;
  *pai = a;
  return ML_OK;
}

/*
** Which operands of a join e reads: bit 1 an item in [iLo, iMid) (the
** outer side), bit 2 one in [iMid, iHi) (the inner side), bit 4 anything
** else (an enclosing query's row, a subquery, NEXT VALUE).
*/
static int planJoinSides(const SemaScope *pScope, int iLo, int iMid, int iHi, const Expr *e){
  int m = 0, i;
  if( e==0 ) return 0;
  if( e->kind==EXPR_SUBQ || e->kind==EXPR_NEXTVAL ) return 4;
  if( e->kind==EXPR_REG ){
    int side = 4;
    for(i=iLo; i<iHi; i++){
      const SemaItem *pItem = pScope->apItem[i];
      if( e->iReg>=pItem->iRegBase && e->iReg<pItem->iRegBase+pItem->nCol ){
        side = i<iMid ? 1 : 2;
        break;
      }
    }
    m |= side;
  }
  m |= planJoinSides(pScope, iLo, iMid, iHi, e->pA) | planJoinSides(pScope, iLo, iMid, iHi, e->pB)
     | planJoinSides(pScope, iLo, iMid, iHi, e->pC);
  for(i=0; i<e->nArg; i++) m |= planJoinSides(pScope, iLo, iMid, iHi, e->apArg[i]);
  return m;
}

/* The join keys of a join item and the rest of its condition. */
typedef struct PlanEqui {
  int nKey;
  Expr **apL, **apR;       /* [nKey] outer-side and inner-side key expressions */
  SqlType *aTypeL, *aTypeR;
  Expr *pRest;             /* the other conjuncts ANDed, or 0 */
} PlanEqui;

/*
** Split condition e (an AND tree) into equalities between an expression
** over the outer side alone and one over the inner side alone (of
** hashable types) and the rest.
*/
static int planJoinEquiSplit(Sema *s, const SemaScope *pScope, int iLo, int iMid, int iHi,
                             Expr *e, PlanEqui *pEq){
  static const SqlType tBool = { SQLT_BOOLEAN, 0, 0, 0, 0 };
  int rc;
  if( e->kind==EXPR_AND ){
    rc = planJoinEquiSplit(s, pScope, iLo, iMid, iHi, e->pA, pEq);
    return rc ? rc : planJoinEquiSplit(s, pScope, iLo, iMid, iHi, e->pB, pEq);
  }
  if( e->kind==EXPR_CMP && e->op==AOP_EQ && planHashable(&e->pA->type, &e->pB->type) ){
    int mA = planJoinSides(pScope, iLo, iMid, iHi, e->pA);
    int mB = planJoinSides(pScope, iLo, iMid, iHi, e->pB);
    if( (mA==1 && mB==2) || (mA==2 && mB==1) ){
      Expr *pL = mA==1 ? e->pA : e->pB, *pR = mA==1 ? e->pB : e->pA;
      pEq->apL[pEq->nKey] = pL;
      pEq->apR[pEq->nKey] = pR;
      pEq->aTypeL[pEq->nKey] = pL->type;
      pEq->aTypeR[pEq->nKey] = pR->type;
      pEq->nKey++;
      return ML_OK;
    }
  }
  if( pEq->pRest ){
    Expr *pAnd = semaNewExpr(s, EXPR_AND, &tBool);
    if( pAnd==0 ) return PLAN_NOMEM(s);
    pAnd->pA = pEq->pRest;
    pAnd->pB = e;
    e = pAnd;
  }
  pEq->pRest = e;
  return ML_OK;
}

/* The number of leaves of an AND tree. */
static int planAndCount(const Expr *e){
  return e->kind==EXPR_AND ? planAndCount(e->pA) + planAndCount(e->pB) : 1;
}

/* Does an AST conjunct list hold an equality? */
static int planAstHasEq(const AstList *pList){
  int i;
  for(i=0; pList && i<pList->n; i++){
    const AstExpr *e = pList->a[i];
    if( e->kind==AE_BINARY && e->op==AOP_EQ ) return 1;
  }
  return 0;
}

/*
** Plan the inner operand pRef of a join item into pScope with the
** candidate conjuncts pCand; *pbKeyed is set when its rows depend on the
** outer row (a base table's key range reads it, or a nested join was
** given candidates), which rules out building it once for a hash join.
*/
static int planJoinInner(Sema *s, SemaScope *pScope, SemaScope *pOuter, AstTableRef *pRef,
                         AstList *pCand, ExecOp **ppOp, int *pbKeyed){
  *pbKeyed = 0;
  if( pRef->kind==ATR_TABLE && semaFindCte(s, &pRef->name)==0 ){
    const CatTable *pTab;
    int rc = semaFindTable(s, &pRef->name, &pTab), iReg;
    if( rc ) return rc;
    if( !pTab->isView ){
      rc = planJoinTableItem(s, pScope, pRef, pTab, &iReg);
      if( rc ) return rc;
      return planTableAccessEx(s, pScope, pTab, iReg, pCand, 0, ppOp, pbKeyed);
    }
  }
  *pbKeyed = pRef->kind==ATR_JOIN && pCand!=0;
  return planFromItem(s, pScope, pOuter, pRef, pCand, ppOp);
}

int planJoinItem(Sema *s, SemaScope *pScope, SemaScope *pOuter, AstTableRef *pRef,
                 AstList *pCand, ExecOp **ppOp){
  ExecOp *pL, *pR;
  AstList *pOn = 0, *pInnerCand = 0;
  AstTableRef *pOuterRef, *pInnerRef;
  Expr *pCond = 0;
  int iFirst = pScope->nItem, iMid, iEnd, nNull = 0, nAll = 0, *aiNull = 0, *aiAll = 0;
  int jt = pRef->joinType, bInner = jt==AJ_INNER || jt==AJ_CROSS, bKeyed = 0, rc, k;
  int eJoin = jt==AJ_LEFT || jt==AJ_RIGHT ? EXEC_JOIN_LEFT : jt==AJ_FULL ? EXEC_JOIN_FULL
            : EXEC_JOIN_INNER;
  PlanUsing *pUsing = 0;
  PlanEqui eq;
  *ppOp = 0;
  rc = planSplitAnd(s, pRef->pOn, &pOn);
  if( rc ) return rc;
  /* a RIGHT join is the LEFT join with the sides exchanged */
  pOuterRef = jt==AJ_RIGHT ? pRef->pRight : pRef->pLeft;
  pInnerRef = jt==AJ_RIGHT ? pRef->pLeft : pRef->pRight;
  if( jt!=AJ_FULL ){
    pInnerCand = pOn;
    /* an inner join's inner side may also be keyed by WHERE terms */
    for(k=0; bInner && pCand && k<pCand->n; k++){
      if( astListAppend(s->pA, &pInnerCand, pCand->a[k]) ) return PLAN_NOMEM(s);
    }
  }
  /* a nested join joined on an equality is built once for a hash join */
  if( pInnerRef->kind==ATR_JOIN && planAstHasEq(pOn) ) pInnerCand = 0;
  rc = planFromItem(s, pScope, pOuter, pOuterRef, bInner ? pCand : 0, &pL);
  iMid = pScope->nItem;
  if( rc==ML_OK ) rc = planJoinInner(s, pScope, pOuter, pInnerRef, pInnerCand, &pR, &bKeyed);
  if( rc ) return rc;
  iEnd = pScope->nItem;
  if( pRef->pOn ){
    rc = semaCond(s, pScope, pRef->pOn, &pCond);
  }else if( pRef->natural || pRef->pUsing ){
    rc = jt==AJ_RIGHT ? planUsingCond(s, pScope, pRef, iMid, iEnd, iFirst, iMid, &pUsing, &pCond)
                      : planUsingCond(s, pScope, pRef, iFirst, iMid, iMid, iEnd, &pUsing, &pCond);
  }
  if( rc==ML_OK ) rc = planItemRegs(s, pScope, iMid, iEnd, &nNull, &aiNull);
  if( rc==ML_OK ) rc = planItemRegs(s, pScope, iFirst, iEnd, &nAll, &aiAll);
  if( rc ) return rc;
  memset(&eq, 0, sizeof(eq));
  if( !bKeyed && pCond ){
    int n = planAndCount(pCond);
    eq.apL = arenaAlloc(s->pA, sizeof(Expr*)*n);
    eq.apR = arenaAlloc(s->pA, sizeof(Expr*)*n);
    eq.aTypeL = arenaAlloc(s->pA, sizeof(SqlType)*n);
    eq.aTypeR = arenaAlloc(s->pA, sizeof(SqlType)*n);
    if( !eq.apL || !eq.apR || !eq.aTypeL || !eq.aTypeR ) return PLAN_NOMEM(s);
    rc = planJoinEquiSplit(s, pScope, iFirst, iMid, iEnd, pCond, &eq);
    if( rc ) return rc;
  }
  if( eq.nKey>0 ){
    *ppOp = execHashJoinNew(s->pA, pL, pR, eJoin, eq.nKey, eq.apL, eq.apR, eq.aTypeL, eq.aTypeR,
                            eq.pRest, nNull, aiNull, nAll-nNull, aiAll, execMemBudget());
  }else{
    /* an index nested loop when keyed; FULL without an equality: a nested
    ** loop that re-runs the outer side per unmatched inner row */
    *ppOp = execNlJoinNew(s->pA, pL, pR, eJoin, pCond, nNull, aiNull,
                          eJoin==EXEC_JOIN_FULL ? nAll-nNull : 0,
                          eJoin==EXEC_JOIN_FULL ? aiAll : 0);
  }
  if( *ppOp==0 ) return PLAN_NOMEM(s);
  return pUsing ? planUsingColumns(s, pScope, pUsing, iFirst, ppOp) : ML_OK;
}
