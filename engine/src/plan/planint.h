/*
** Internal interface between the files of plan/: query planning
** (planquery.c) used by statement planning (plan.c).
*/
#ifndef MIMERLITE_PLANINT_H
#define MIMERLITE_PLANINT_H

#include <stdlib.h>

#include "expr/expr.h"
#include "plan/plan.h"
#include "sema/sema.h"

/* Plan query q with outer scope pOuter; *pazName gets the column names. */
int planQueryNames(Sema *s, SemaScope *pOuter, AstQuery *q, ExecOp **ppOp,
                   const char ***pazName);
/* The scan of base table pTab (registers iReg..) with the best key range
** the candidate conjuncts pCand allow. */
int planTableAccess(Sema *s, SemaScope *pScope, const CatTable *pTab, int iReg,
                    AstList *pCand, ExecOp **ppOp);
/* Register ranges [aLo[i], aHi[i]) a key range must not read: items of
** the scope that are joined later. */
typedef struct PlanBlock {
  int n;
  int *aLo, *aHi;
} PlanBlock;
/* planTableAccess, skipping terms that read pBlock's registers; *pbKeyed
** is set when the chosen range reads registers (varies per outer row). */
int planTableAccessEx(Sema *s, SemaScope *pScope, const CatTable *pTab, int iReg,
                      AstList *pCand, const PlanBlock *pBlock, ExecOp **ppOp, int *pbKeyed);
/* Plan one FROM item into pScope; pCand: conjuncts that may key it. */
int planFromItem(Sema *s, SemaScope *pScope, SemaScope *pOuter, AstTableRef *pRef,
                 AstList *pCand, ExecOp **ppOp);
/* Plan a FROM list and WHERE (planjoin.c): join order, access paths,
** hash or nested-loop joins, each conjunct at the lowest join level. */
int planJoinFrom(Sema *s, SemaScope *pScope, SemaScope *pOuter, AstList *pFrom,
                 AstExpr *pWhere, ExecOp **ppOp);
/* Plan a join item (planjoin.c): an INNER/CROSS join nested where it is
** not flattened, an outer join, or a NATURAL / USING join; its operands
** are joined by an index nested loop when the ON (or WHERE, for an inner
** join) conjuncts key the inner side's access path, else by a hash join
** on the equalities between the operands, else by a nested loop. */
/* Add base table pTab (FROM item pRef) to pScope with fresh registers
** (*piReg, the first) and its correlation column names. */
int planJoinTableItem(Sema *s, SemaScope *pScope, AstTableRef *pRef,
                      const CatTable *pTab, int *piReg);
int planJoinItem(Sema *s, SemaScope *pScope, SemaScope *pOuter, AstTableRef *pRef,
                 AstList *pCand, ExecOp **ppOp);
/* Split an AND tree into conjuncts (appended to *ppList). */
int planSplitAnd(Sema *s, AstExpr *e, AstList **ppList);
/* Does e read a register in [lo, hi) or run a subquery? */
int planExprUses(const Expr *e, int lo, int hi);
/* Describe a derived table planned into pOp as a FROM item named pAlias
** with the column names pColAliases or azName. */
int planDerivedItem(Sema *s, ExecOp *pOp, const char **azName, AstIdent *pAlias,
                    AstList *pColAliases, SemaItem **ppItem);
/* Plan query q that has a WITH list (plancte.c): its elements are in
** scope while q is planned. */
int planWith(Sema *s, SemaScope *pOuter, AstQuery *q, ExecOp **ppOp, const char ***pazName);
/* If pRef's name is a WITH element in scope (*pbCte set), plan it into
** pScope as a derived table, or as the working-table scan inside its own
** recursive part. */
int planCteRef(Sema *s, SemaScope *pScope, AstTableRef *pRef, ExecOp **ppOp, int *pbCte);
/* NATURAL JOIN / JOIN ... USING (planusing.c): the join columns between
** the items [iLeftLo, iLeftHi) and [iRightLo, iRightHi) of pScope and
** their equality (*ppCond); *ppU = 0 when there are none (a cross join).
** planUsingColumns puts the coalesced join columns above the join
** *ppOp, as an unnamed item at position iFirstItem of the scope. */
typedef struct PlanUsing PlanUsing;
int planUsingCond(Sema *s, SemaScope *pScope, AstTableRef *pRef, int iLeftLo, int iLeftHi,
                  int iRightLo, int iRightHi, PlanUsing **ppU, Expr **ppCond);
int planUsingColumns(Sema *s, SemaScope *pScope, PlanUsing *pU, int iFirstItem, ExecOp **ppOp);
/* Sema's subquery callback. */
int planQueryCb(Sema *s, SemaScope *pOuter, AstQuery *q, ExecOp **ppOp);

#endif
