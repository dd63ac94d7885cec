/*
** Compiled expressions (expr/ layer): the typed tree sema/ builds from an
** AstExpr, evaluated against an ExecCtx's registers and parameters.
** Compilation resolves every name and type once per statement; evaluation
** does no look-ups and allocates only string results, in the per-row
** scratch arena (ExecCtx.pScratch) that the calling operator releases.
**
** Truth values are BOOLEAN Values; UNKNOWN is a NULL BOOLEAN.
*/
#ifndef MIMERLITE_EXPR_H
#define MIMERLITE_EXPR_H

#include "catalog/catalog.h"
#include "exec/exec.h"
#include "types/value.h"

typedef enum ExprKind {
  EXPR_CONST = 1,   /* v */
  EXPR_REG,         /* aReg[iReg] */
  EXPR_PARAM,       /* aParam[iReg] */
  EXPR_CMP,         /* pA op pB, op an AOP_ comparison */
  EXPR_AND,         /* pA AND pB */
  EXPR_OR,          /* pA OR pB */
  EXPR_NOT,         /* NOT pA */
  EXPR_IS,          /* pA IS [NOT] {NULL|TRUE|FALSE|UNKNOWN}: op AIS_*, isNot */
  EXPR_ARITH,       /* pA op pB, op a TypeOp */
  EXPR_NEG,         /* -pA */
  EXPR_CONCAT,      /* pA || pB */
  EXPR_CAST,        /* CAST(pA AS type) */
  EXPR_CASE,        /* searched CASE: apArg = when0, then0, ..., [else] */
  EXPR_LIKE,        /* pA [NOT] LIKE pB [ESCAPE pC] */
  EXPR_IN_LIST,     /* pA [NOT] IN (apArg) */
  EXPR_FUNC,        /* scalar function op (EXPR_FN_*) of apArg */
  EXPR_NEXTVAL,     /* NEXT VALUE FOR pSeq */
  EXPR_CURVAL,      /* CURRENT VALUE FOR pSeq */
  EXPR_SPECIAL,     /* CURRENT_DATE ... : op ASV_* */
  EXPR_SUBQ,        /* subquery: op EXPR_SQ_*, pSub, iReg = its result register */
  EXPR_DOMAIN_CHECK /* pA (a CAST to a domain), which must pass the domain's
                    ** CHECK pB, evaluated with the value in aReg[iReg];
                    ** zName: "constraint\0schema.domain" for the message */
} ExprKind;

/* Subquery forms. */
enum { EXPR_SQ_SCALAR = 1, EXPR_SQ_EXISTS, EXPR_SQ_IN, EXPR_SQ_ANY, EXPR_SQ_ALL };

/*
** Scalar functions: X(name, sql name, min args, max args).  Functions of
** schema BUILTIN carry the "BUILTIN." prefix; instance methods (x.m())
** carry a "." prefix and count the instance x as their first argument.
*/
#define EXPR_FN_LIST(X) \
  X(EXPR_FN_COALESCE, "COALESCE", 1, 255) \
  X(EXPR_FN_NULLIF, "NULLIF", 2, 2) \
  X(EXPR_FN_UPPER, "UPPER", 1, 1) \
  X(EXPR_FN_LOWER, "LOWER", 1, 1) \
  X(EXPR_FN_CHAR_LENGTH, "CHAR_LENGTH", 1, 1) \
  X(EXPR_FN_CHARACTER_LENGTH, "CHARACTER_LENGTH", 1, 1) \
  X(EXPR_FN_OCTET_LENGTH, "OCTET_LENGTH", 1, 1) \
  X(EXPR_FN_ABS, "ABS", 1, 1) \
  X(EXPR_FN_MOD, "MOD", 2, 2) \
  X(EXPR_FN_SIGN, "SIGN", 1, 1) \
  X(EXPR_FN_SUBSTRING, "SUBSTRING", 2, 3) \
  X(EXPR_FN_OVERLAY, "OVERLAY", 3, 4) \
  X(EXPR_FN_TRIM_BOTH, "TRIM", 1, 2) \
  X(EXPR_FN_TRIM_LEADING, "LTRIM", 1, 2) \
  X(EXPR_FN_TRIM_TRAILING, "RTRIM", 1, 2) \
  X(EXPR_FN_POSITION, "POSITION", 2, 2) \
  X(EXPR_FN_LEFT, "LEFT", 2, 2) \
  X(EXPR_FN_RIGHT, "RIGHT", 2, 2) \
  X(EXPR_FN_REPLACE, "REPLACE", 3, 3) \
  X(EXPR_FN_REPEAT, "REPEAT", 2, 2) \
  X(EXPR_FN_EXTRACT, "EXTRACT", 1, 1) \
  X(EXPR_FN_CEILING, "CEILING", 1, 1) \
  X(EXPR_FN_FLOOR, "FLOOR", 1, 1) \
  X(EXPR_FN_ROUND, "ROUND", 1, 2) \
  X(EXPR_FN_TRUNCATE, "TRUNCATE", 1, 2) \
  X(EXPR_FN_ASCII_CODE, "ASCII_CODE", 1, 1) \
  X(EXPR_FN_ASCII_CHAR, "ASCII_CHAR", 1, 1) \
  X(EXPR_FN_UNICODE_CODE, "UNICODE_CODE", 1, 1) \
  X(EXPR_FN_UNICODE_CHAR, "UNICODE_CHAR", 1, 1) \
  X(EXPR_FN_GIS_LATITUDE, "BUILTIN.GIS_LATITUDE", 1, 1) \
  X(EXPR_FN_GIS_LONGITUDE, "BUILTIN.GIS_LONGITUDE", 1, 1) \
  X(EXPR_FN_GIS_LOCATION, "BUILTIN.GIS_LOCATION", 2, 2) \
  X(EXPR_FN_GIS_COORDINATE, "BUILTIN.GIS_COORDINATE", 2, 2) \
  X(EXPR_FN_GIS_AS_DECIMAL, ".AS_DECIMAL", 1, 1) \
  X(EXPR_FN_GIS_AS_DOUBLE, ".AS_DOUBLE", 1, 1) \
  X(EXPR_FN_GIS_AS_TEXT, ".AS_TEXT", 1, 2) \
  X(EXPR_FN_GIS_LATITUDE_OF, ".LATITUDE", 1, 1) \
  X(EXPR_FN_GIS_LONGITUDE_OF, ".LONGITUDE", 1, 1) \
  X(EXPR_FN_GIS_X, ".X", 1, 1) \
  X(EXPR_FN_GIS_Y, ".Y", 1, 1) \
  X(EXPR_FN_GIS_INSIDE_RECTANGLE, ".INSIDE_RECTANGLE", 3, 3) \
  X(EXPR_FN_UUID_NEW, "BUILTIN.UUID_NEW", 0, 0) \
  X(EXPR_FN_UUID_FROM_TEXT, "BUILTIN.UUID_FROM_TEXT", 1, 1) \
  X(EXPR_FN_UUID_AS_TEXT, "BUILTIN.UUID_AS_TEXT", 1, 1)

typedef enum ExprFn {
  EXPR_FN_NONE_ = 0,
#define EXPR_X_ENUM(name, z, lo, hi) name,
  EXPR_FN_LIST(EXPR_X_ENUM)
#undef EXPR_X_ENUM
  EXPR_FN_COUNT_
} ExprFn;

/* Look up a scalar function by SQL name (case-insensitive); 0 if none. */
int exprFuncLookup(const char *zName, int *pnMin, int *pnMax);
const char *exprFuncName(int fn);

struct Expr {
  uint8_t kind;            /* ExprKind */
  uint8_t op;              /* operator / test / function / special */
  uint8_t isNot;           /* negated form (IS NOT, NOT LIKE, NOT IN) */
  uint8_t field;           /* EXTRACT field; TRIM: 1 when a character is given */
  SqlType type;            /* result type */
  Expr *pA, *pB, *pC;      /* operands */
  int nArg;
  Expr **apArg;            /* CASE, IN list, function arguments */
  int iReg;                /* EXPR_REG / EXPR_PARAM / EXPR_SUBQ register */
  Value v;                 /* EXPR_CONST value */
  const CatSequence *pSeq; /* EXPR_NEXTVAL / EXPR_CURVAL */
  ExecOp *pSub;            /* EXPR_SUBQ: the subquery's plan */
  const char *zName;       /* EXPR_DOMAIN_CHECK: constraint, then domain */
  SqlType subType;         /* EXPR_SUBQ: type of the subquery's column */
};

/*
** Evaluate p into *pOut.  String results point into registers, constants
** or the scratch arena.  Errors are Mimer codes with pCtx->pErr filled.
*/
int exprEval(ExecCtx *pCtx, const Expr *p, Value *pOut);

/* Evaluate a condition: *pb = 1 only when it is TRUE (not FALSE/UNKNOWN). */
int exprTest(ExecCtx *pCtx, const Expr *p, int *pb);

/* Scalar functions (func.c): evaluate p (EXPR_FUNC) into *pOut. */
int exprFuncEval(ExecCtx *pCtx, const Expr *p, Value *pOut);

/* LIKE matching (like.c): does z match the pattern? */
int exprLike(const char *z, uint32_t n, const char *zPat, uint32_t nPat,
             int hasEscape, uint32_t cEscape, int *pbMatch);

#endif
