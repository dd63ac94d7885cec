/*
** Internals shared by the DDL files of the exec/ layer: ddl.c (CREATE,
** DROP, COMMENT, GRANT) and ddlalter.c (ALTER TABLE).  Helpers that write
** the SYSTEM-table rows of columns, constraints and indexes, so that both
** define objects the same way.
*/
#ifndef MIMERLITE_DDLINT_H
#define MIMERLITE_DDLINT_H

#include "exec/ddl.h"

/* A constraint being created, before its rows are written. */
typedef struct DdlCons {
  AstConstraint *pAst;
  int kind;                /* CAT_CONS_* */
  const char *zName;
  int nCol;
  int aiCol[64];           /* key column positions in the table */
  int aiRef[64];           /* FK: referenced column positions */
  const CatTable *pRef;    /* FK: referenced table */
  int64_t refConsId;       /* FK: the referenced PK/UNIQUE constraint */
  char *zCheck;            /* CHECK: condition text */
  int bSelfNew;            /* FK to the table being created (pRef 0) */
  int iSelfKey;            /* bSelfNew: 1 + index of the referenced key */
  int64_t consId;          /* set by ddlWriteCons */
} DdlCons;

/* The schema a possibly unqualified name refers to. */
const char *ddlSchema(DdlCtx *p, const AstQName *pName);

/* -12560 if zSchema already holds an object named zName. */
int ddlNameFree(DdlCtx *p, const char *zSchema, const char *zName);

/* Canonical text of an expression, in the statement arena. */
int ddlExprText(DdlCtx *p, AstExpr *e, unsigned flags, char **pz);

/* Qualify NEXT/CURRENT VALUE FOR sequences in e with their schema. */
int ddlQualifySequences(DdlCtx *p, AstExpr *e);

/* The five type columns (TYPE_ID .. TYPE_SCALE) of a COLUMNS row. */
void ddlTypeVals(Value *a, const SqlType *t);

/* Write an index's INDEXES and INDEX_COLUMNS rows. */
int ddlPutIndex(DdlCtx *p, int64_t id, const char *zSchema, const char *zName,
                int64_t tableId, int bUnique, int bNullsDistinct, int64_t consId,
                int nCol, const int *aiCol, const uint8_t *aDesc);

/* Resolve / write a constraint (see ddl.c). */
int ddlResolveCons(DdlCtx *p, const char *zSchema, const char *zTab, int nCol,
                   const char *const *azCol, const SqlType *aType, uint8_t *aNotNull,
                   DdlCons *d);
int ddlWriteCons(DdlCtx *p, const char *zSchema, int64_t tableId, DdlCons *d);

/* Remove an index (entries and rows) / a constraint (rows and index). */
int ddlDropIndexRows(DdlCtx *p, const CatIndex *pIdx);
int ddlDropConstraint(DdlCtx *p, const CatConstraint *pCons);

/* Views reading pTab: -12521 (RESTRICT) or dropped (CASCADE). */
int ddlDropDependentViews(DdlCtx *p, const CatTable *pTab, int bCascade);

/* ALTER TABLE (ddlalter.c). */
int ddlAlterTable(DdlCtx *p, AstStmt *pStmt);

/*
** DROP DOMAIN ... CASCADE, for table pTab (ddlalter.c): its columns of
** domain pDom get the domain's type as their own, its default when they
** have none, and its CHECK as a table CHECK constraint.
*/
int ddlAlterUndomain(DdlCtx *p, const CatTable *pTab, const CatDomain *pDom);

#endif
