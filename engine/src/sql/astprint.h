/*
** The AST printer (sql/ layer): turns an AST (ast.h) back into canonical
** Mimer SQL text: keywords in upper case, every operator expression fully
** parenthesised, one spelling per type and per clause.  The text re-parses
** to the same AST, so printing is idempotent; it serves EXPLAIN and the
** catalog's regenerated view, default and check texts (with
** ASTPRINT_QUOTE_IDENTS, object and column names come out as "delimited"
** identifiers, as Mimer shows them in COLUMN_DEFAULT).
*/
#ifndef MIMERLITE_SQL_ASTPRINT_H
#define MIMERLITE_SQL_ASTPRINT_H

#include "sql/ast.h"
#include "util/strbuf.h"

#define ASTPRINT_QUOTE_IDENTS 0x01   /* quote every object and column name */

int astPrintStmt(StrBuf *pOut, const AstStmt *pStmt, unsigned flags);
int astPrintQuery(StrBuf *pOut, const AstQuery *pQuery, unsigned flags);
int astPrintExpr(StrBuf *pOut, const AstExpr *pExpr, unsigned flags);
int astPrintType(StrBuf *pOut, const AstType *pType, unsigned flags);

#endif
