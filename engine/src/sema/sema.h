/*
** Name resolution and typing (sema/ layer): turns AST expressions
** (sql/ast.h) into compiled, typed Expr trees (expr/expr.h) against the
** catalog, following Mimer's rules: names are case-insensitive, an
** unqualified table is looked up in the current schema, column references
** resolve in the innermost scope that has them (correlation reaches outer
** scopes), result types follow types/typesys.h, and every parameter
** marker gets its type from its context (-12262 when none says it).
** plan/ calls into sema while it builds operator trees, handing it the
** scopes (FROM items and the registers their columns live in).
*/
#ifndef MIMERLITE_SEMA_H
#define MIMERLITE_SEMA_H

#include "catalog/catalog.h"
#include "expr/expr.h"
#include "sql/ast.h"

typedef struct Sema Sema;

/* One FROM item visible to column references. */
typedef struct SemaItem {
  const char *zName;       /* correlation name: alias or table name */
  const char *zSchema;     /* schema of a base table/view, else 0 */
  const CatTable *pTab;    /* base table, or 0 */
  int nCol;
  const char **azCol;      /* [nCol] column names */
  SqlType *aType;          /* [nCol] column types */
  int iRegBase;            /* column i is in register iRegBase+i */
  uint8_t *aHidden;        /* [nCol] or 0: 1 = merged into a NATURAL/USING
                           ** join column, so reached only when qualified
                           ** and left out of an unqualified SELECT * */
} SemaItem;

/* Grouping context: how expressions over an aggregated query resolve. */
typedef struct SemaGroup {
  int nGroup;
  char **azText;           /* [nGroup] canonical text of GROUP BY expressions */
  int *aiReg;              /* [nGroup] their registers */
  SqlType *aType;
  int nAgg, nAggAlloc;
  ExecAgg *aAgg;           /* set functions found so far */
  char **azAggText;        /* their canonical text (to share equal ones) */
} SemaGroup;

/* A scope: the FROM items of one query block. */
typedef struct SemaScope {
  struct SemaScope *pOuter;
  int nItem, nItemAlloc;
  SemaItem **apItem;
  SemaGroup *pGroup;       /* non-zero while resolving above an aggregation */
  int bAggInput;           /* resolving a set function's argument */
} SemaScope;

/*
** A WITH list element in scope.  Elements form a stack through pPrev: an
** element sees those before it, and itself when WITH RECURSIVE.  While
** the recursive part of a recursive element is planned, pWork is set and
** a reference to the element reads the working table instead.
*/
typedef struct SemaCte {
  struct SemaCte *pPrev;   /* earlier elements and enclosing WITH lists */
  AstCte *pAst;
  SemaScope *pOuter;       /* outer scope of the query with the WITH */
  int bRecursive;          /* in a WITH RECURSIVE list */
  int bBusy;               /* its query is being planned */
  ExecWorkTable *pWork;    /* recursive part being planned, else 0 */
  int nCol;                /* with pWork: the anchor's columns */
  SqlType *aType;          /* [nCol] */
  const char **azCol;      /* [nCol] */
  int nRef;                /* references to the working table planned */
} SemaCte;

struct Sema {
  Arena *pA;               /* statement arena */
  const Catalog *pCat;
  const char *zSchema;     /* current schema */
  const char *zUser;       /* current ident */
  MlError *pErr;
  int nReg;                /* registers allocated so far */
  int nParam;
  SqlType *aParamType;     /* [nParam] inferred types (id SQLT_NULL: unknown) */
  const char **azParamName;/* [nParam] names ("" for ?) */
  uint8_t *aParamNotNull;  /* [nParam] 1: assigned to a NOT NULL column */
  int bSeqUsed;            /* NEXT VALUE FOR appears */
  int (*xPlanQuery)(Sema*, SemaScope*, AstQuery*, ExecOp**);  /* plan/ callback */
  SemaCte *pCte;           /* WITH elements in scope (top of the stack) */
  const CatTable *pWatchTab;  /* set bWatchHit when a query reads this table */
  int bWatchHit;
};

int semaInit(Sema *p, Arena *pA, const Catalog *pCat, const char *zSchema,
             const char *zUser, AstStmt *pStmt, MlError *pErr);
int semaAllocRegs(Sema *p, int n);                 /* first of n fresh registers */

/* Scopes. */
int semaScopeAdd(Sema *p, SemaScope *pScope, SemaItem *pItem);
SemaItem *semaItemForTable(Sema *p, const CatTable *pTab, const char *zAlias, int iRegBase);

/* Resolve [schema.]name to a table or view: -12200 when absent. */
int semaFindTable(Sema *p, const AstQName *pName, const CatTable **ppTab);
const char *semaSchemaOf(Sema *p, const AstQName *pName);
int semaFindSequence(Sema *p, const AstQName *pName, const CatSequence **ppSeq);
/* The WITH element an unqualified table name refers to, or 0. */
SemaCte *semaFindCte(Sema *p, const AstQName *pName);

/*
** Privilege checks of statement pStmt for ident zUser (semapriv.c): ML_OK,
** or -12200/-12517 for an object zUser may not see, -12565 for a missing
** privilege on one it sees.
*/
int semaCheckPrivileges(const Catalog *pCat, const char *zSchema, const char *zUser,
                        const AstStmt *pStmt, MlError *pErr);

/* Compile e in scope (pScope may be 0 for none). */
int semaExpr(Sema *p, SemaScope *pScope, AstExpr *e, Expr **ppOut);
/* Compile a condition: must be BOOLEAN. */
int semaCond(Sema *p, SemaScope *pScope, AstExpr *e, Expr **ppOut);
/* The comparison a op b (AOP_EQ ...) of compiled operands: -12402 ... */
int semaComparison(Sema *p, int op, Expr *a, Expr *b, Expr **ppOut);
/* Give an untyped parameter (or NULL literal) the type t. */
void semaSetType(Sema *p, Expr *e, const SqlType *t);
/* -12262 if a parameter's type stayed unknown. */
int semaCheckParams(Sema *p);

/* A declared type from the AST (domains resolved): ML_E_UNKNOWN_TYPE ... */
int semaDeclaredType(Sema *p, const AstType *pAst, SqlType *pOut, const CatDomain **ppDom);

/* Expression builders used by plan/. */
Expr *semaNewExpr(Sema *p, int kind, const SqlType *t);
Expr *semaRegExpr(Sema *p, int iReg, const SqlType *t);
int semaIsAggregate(const AstExpr *e);             /* COUNT/SUM/AVG/MIN/MAX call */
int semaHasAggregate(const AstExpr *e);            /* anywhere below (not in subqueries) */
int semaExprText(Sema *p, const AstExpr *e, char **pz); /* canonical text */

#endif
