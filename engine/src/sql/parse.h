/*
** The public entry points of mimerlite's SQL parser (sql/ layer): Mimer
** SQL 11 text in, an AST (ast.h) out.  The parser is hand-written
** recursive descent with Pratt parsing for expressions; it checks syntax
** only (no name resolution, no typing).  Syntax errors are Mimer's -12101
** ("... assumed missing"), -12102 ("... ignored") and -12103 ("... assumed
** to mean ...") plus the few codes of our own in util/errors.h; every
** message ends with the line and column of the error.
*/
#ifndef MIMERLITE_SQL_PARSE_H
#define MIMERLITE_SQL_PARSE_H

#include <stddef.h>

#include "sql/ast.h"
#include "util/arena.h"
#include "util/errors.h"

int sqlParse(Arena *pArena, const char *zSql, size_t nSql,
             AstStmt **ppStmt, MlError *pErr);
int sqlParseExpr(Arena *pArena, const char *zSql, size_t nSql,
                 AstExpr **ppExpr, MlError *pErr);

#endif
