/*
** Internal interface of the SQL parser, shared by its files: parse.c
** (driver, token helpers, errors, DML and transaction statements),
** parse_expr.c (expressions, literals, types), parse_query.c (query
** expressions, FROM) and parse_ddl.c (schema statements).  Nothing here is
** visible outside sql/.
**
** The statement is tokenized completely before parsing starts, so the
** parser can look ahead freely; a lexical error becomes a TK_ERROR token
** at the end of the array and is reported only if the parser gets that far
** (so the first error in the text wins).  Every parse function returns an
** int rc (ML_OK or a negative Mimer code, with p->pErr filled) and hands
** its node back through an out parameter.
*/
#ifndef MIMERLITE_SQL_PARSEINT_H
#define MIMERLITE_SQL_PARSEINT_H

#include "sql/ast.h"
#include "sql/tokenize.h"
#include "util/arena.h"
#include "util/errors.h"

/*
** Deepest nesting of expressions, queries and table references.  Operands
** of a left-deep chain (a OR b OR ..., UNION chains, join chains) count as
** levels too, since the tree they build is as deep for whoever walks it.
*/
#define PARSE_MAX_DEPTH 1000

typedef struct Parser {
  Arena *pArena;           /* where the AST goes (owned by the caller) */
  const char *zSql;        /* statement text */
  size_t nSql;
  SqlToken *aTok;          /* all tokens; the last is TK_EOF or TK_ERROR */
  int nTok;
  int iTok;                /* current token */
  MlError *pErr;           /* where errors are reported */
  MlError lexErr;          /* the error behind a final TK_ERROR token */
  AstList *pParams;        /* AstExpr*: parameter markers in order */
  int nDepth;              /* current nesting */
  uint8_t allowValue;      /* VALUE is an expression (domain CHECK) */
} Parser;

/* parse.c: tokens */
const SqlToken *parsePeek(const Parser *p, int k);
int parseTok(const Parser *p);
int parseTokAt(const Parser *p, int k);
int parseAccept(Parser *p, int type);
int parseExpect(Parser *p, int type);
int parseIsIdent(const Parser *p, int k);
int parseIdent(Parser *p, AstIdent *pId);
int parseQName(Parser *p, AstQName *pName);
int parseIdentList(Parser *p, AstList **ppList);
int parseString(Parser *p, const char **pz);
int parseEnter(Parser *p);
void parseLeave(Parser *p);
int parseErrTooComplex(Parser *p);

/* parse.c: errors */
int parseErrExpected(Parser *p, const char *zExpected);
int parseErrMissing(Parser *p, const char *zMissing);
int parseErrIgnored(Parser *p);
int parseErrAt(Parser *p, size_t iOff, int code, const char *z1, const char *z2);
const char *parseTypeText(int type, char *zBuf, size_t nBuf);

/* parse.c: statements */
int parseStatement(Parser *p, AstStmt **ppStmt);

/* parse_expr.c */
int parseExpr(Parser *p, AstExpr **ppExpr);
int parseExprPrec(Parser *p, int minPrec, AstExpr **ppExpr);
int parseNewExpr(Parser *p, int kind, uint32_t iPos, AstExpr **ppExpr);
int parseType(Parser *p, AstType **ppType);
int parseSignedInteger(Parser *p, AstExpr **ppExpr);
int parseUnsignedParam(Parser *p, AstExpr **ppExpr);
int parseDefaultValue(Parser *p, AstExpr **ppExpr);
int parseCollation(Parser *p, AstQName *pName);
int parseSize(Parser *p, AstSize *pSize);

/* Binding powers of the Pratt parser (higher binds tighter). */
#define PREC_OR       1
#define PREC_AND      2
#define PREC_NOT      3
#define PREC_COMPARE  4   /* comparison, IS, LIKE, BETWEEN, IN (non-associative) */
#define PREC_ADD      5   /* + - || */
#define PREC_MUL      6   /* * / */
#define PREC_UNARY    7   /* unary + - */

/* parse_query.c */
int parseQuery(Parser *p, AstQuery **ppQuery);
int parseQueryContinue(Parser *p, AstQuery *pLeft, AstQuery **ppQuery);
int parseIsQueryStart(const Parser *p, int k);
int parseIsQueryContinuation(const Parser *p);
int parseValuesRow(Parser *p, int allowDefault, AstList **ppRow);

/* parse_ddl.c */
int parseCreate(Parser *p, AstStmt *pStmt);
int parseAlter(Parser *p, AstStmt *pStmt);
int parseDrop(Parser *p, AstStmt *pStmt);
int parseGrant(Parser *p, AstStmt *pStmt);
int parseComment(Parser *p, AstStmt *pStmt);

#endif
