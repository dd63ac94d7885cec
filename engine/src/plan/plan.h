/*
** The planner (plan/ layer): turns a parsed statement into something
** exec/ can run.  Queries become operator trees (scans with primary-key or
** index ranges chosen from the predicates, nested-loop joins in written
** order with the inner side keyed on the join predicates, filters,
** aggregation, projection, DISTINCT, sort, OFFSET/FETCH, set operations);
** INSERT, UPDATE and DELETE become the ExecInsert/Update/Delete programs.
** Names and types are resolved through sema/ on the way.  A Plan lives in
** the statement arena.
*/
#ifndef MIMERLITE_PLAN_H
#define MIMERLITE_PLAN_H

#include "catalog/catalog.h"
#include "exec/exec.h"
#include "sql/ast.h"

typedef struct PlanColumn {
  const char *zName;       /* as written (alias, column name) or "" */
  SqlType type;
  int nullable;
  int iReg;                /* register holding the value of the current row */
} PlanColumn;

enum { PLAN_QUERY = 1, PLAN_INSERT, PLAN_UPDATE, PLAN_DELETE, PLAN_EXPLAIN };

typedef struct Plan {
  int kind;                /* PLAN_* */
  ExecOp *pRoot;           /* query: the operator tree */
  int nCol;
  PlanColumn *aCol;        /* query result columns */
  ExecInsert *pInsert;
  ExecUpdate *pUpdate;
  ExecDelete *pDelete;
  int nReg;                /* registers the statement needs */
  int nParam;
  SqlType *aParamType;     /* [nParam] */
  const char **azParamName;/* [nParam] */
  uint8_t *aParamNotNull;  /* [nParam] 1: a NULL value is refused (NOT NULL target) */
  char *zExplain;          /* PLAN_EXPLAIN: the text */
} Plan;

/*
** Plan a query or DML statement.  zSchema is the current schema and zUser
** the current ident.  Errors: name resolution (-12200, -12202 ...), type
** errors, -12262 for an untypable parameter, ML_E_NOT_SUPPORTED.
*/
int planStatement(Arena *pA, const Catalog *pCat, const char *zSchema, const char *zUser,
                  AstStmt *pStmt, Plan **ppPlan, MlError *pErr);

#endif
