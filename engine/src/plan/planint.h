/*
** Internal interface between the files of plan/: query planning
** (planquery.c) used by statement planning (plan.c).
*/
#ifndef MIMERLITE_PLANINT_H
#define MIMERLITE_PLANINT_H

#include <stdlib.h>

#include "plan/plan.h"
#include "sema/sema.h"

/* Plan query q with outer scope pOuter; *pazName gets the column names. */
int planQueryNames(Sema *s, SemaScope *pOuter, AstQuery *q, ExecOp **ppOp,
                   const char ***pazName);
/* The scan of base table pTab (registers iReg..) with the best key range
** the candidate conjuncts pCand allow. */
int planTableAccess(Sema *s, SemaScope *pScope, const CatTable *pTab, int iReg,
                    AstList *pCand, ExecOp **ppOp);
/* Sema's subquery callback. */
int planQueryCb(Sema *s, SemaScope *pOuter, AstQuery *q, ExecOp **ppOp);

#endif
