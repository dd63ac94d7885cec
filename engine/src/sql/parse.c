/*
** The SQL parser's driver (sql/ layer, see parse.h and parseint.h):
** tokenizes a statement, dispatches on its first keyword, and holds the
** token helpers and the syntax-error reporting that parse_expr.c,
** parse_query.c and parse_ddl.c share, plus the DML (INSERT, UPDATE,
** DELETE), transaction, SET, EXPLAIN and CALL statements.
**
** Syntax errors follow Mimer's three forms (spec §9, §11.1):
**   -12101 "Syntax error, <x> assumed missing"   the input ended, or a
**          required clause is absent ('FROM' IDENTIFIER for SELECT 1);
**   -12102 "Syntax error, <x> ignored"           a token after a complete
**          statement (LIMIT 5, RETURNING ...) or a stray character;
**   -12103 "Syntax error, <x> assumed to mean <y>" a token where another
**          was required.
** Each message ends with " at line L, column C" (1-based, columns counted
** in characters).
*/
#include "sql/parse.h"
#include "sql/parseint.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ tokens */

/* The token k places after the current one (the final token if beyond). */
const SqlToken *parsePeek(const Parser *p, int k){
  int i = p->iTok + k;
  assert( p->nTok>0 && k>=0 && p->iTok<p->nTok );
  if( i>=p->nTok ) i = p->nTok-1;
  return &p->aTok[i];
}

/* Type of the current token. */
int parseTok(const Parser *p){ return parsePeek(p, 0)->type; }

/* Type of the token k places ahead. */
int parseTokAt(const Parser *p, int k){ return parsePeek(p, k)->type; }

/* Consume the current token if it has type `type`; returns 1 if it did. */
int parseAccept(Parser *p, int type){
  if( parseTok(p)!=type ) return 0;
  assert( type!=TK_EOF && type!=TK_ERROR );
  p->iTok++;
  return 1;
}

/* Consume a token of type `type` or fail with a syntax error. */
int parseExpect(Parser *p, int type){
  char zBuf[48];
  if( parseAccept(p, type) ) return ML_OK;
  return parseErrExpected(p, parseTypeText(type, zBuf, sizeof(zBuf)));
}

/*
** True if the token k places ahead can be an identifier: a regular or
** delimited identifier, or a keyword that is not reserved.
*/
int parseIsIdent(const Parser *p, int k){
  int t = parseTokAt(p, k);
  if( t==TK_ID || t==TK_DQID || t==TK_UQID ) return 1;
  return SQL_IS_KEYWORD(t) && (sqlKeywordFlags(t) & KWF_RESERVED)==0;
}

/* Parse one identifier into *pId. */
int parseIdent(Parser *p, AstIdent *pId){
  const SqlToken *pTok = parsePeek(p, 0);
  int rc;
  if( !parseIsIdent(p, 0) ) return parseErrExpected(p, "IDENTIFIER");
  rc = sqlTokenIdent(p->pArena, p->zSql, pTok, &pId->z);
  if( rc ) return rc;
  pId->iPos = pTok->iOff;
  pId->isDelim = pTok->type==TK_DQID || pTok->type==TK_UQID;
  p->iTok++;
  return ML_OK;
}

/* Parse an object name [schema.]name. */
int parseQName(Parser *p, AstQName *pName){
  int rc;
  memset(pName, 0, sizeof(*pName));
  rc = parseIdent(p, &pName->name);
  if( rc==ML_OK && parseTok(p)==TK_DOT && parseIsIdent(p, 1) ){
    p->iTok++;
    pName->schema = pName->name;
    rc = parseIdent(p, &pName->name);
  }
  return rc;
}

/* Parse "( ident [, ident]... )" into a list of AstIdent*. */
int parseIdentList(Parser *p, AstList **ppList){
  int rc = parseExpect(p, TK_LP);
  *ppList = 0;
  while( rc==ML_OK ){
    AstIdent *pId = astAlloc(p->pArena, sizeof(AstIdent));
    if( pId==0 ) return ML_E_NOMEM;
    rc = parseIdent(p, pId);
    if( rc==ML_OK ) rc = astListAppend(p->pArena, ppList, pId);
    if( rc==ML_OK && !parseAccept(p, TK_COMMA) ) return parseExpect(p, TK_RP);
  }
  return rc;
}

/* Parse a character string literal ('..', N'..', U&'..') into *pz. */
int parseString(Parser *p, const char **pz){
  const SqlToken *pTok = parsePeek(p, 0);
  uint32_t n;
  int rc;
  if( pTok->type!=TK_STRING && pTok->type!=TK_NSTRING && pTok->type!=TK_USTRING ){
    return parseErrExpected(p, "STRING LITERAL");
  }
  rc = sqlTokenString(p->pArena, p->zSql, pTok, pz, &n);
  if( rc==ML_OK ) p->iTok++;
  return rc;
}

/* ML_E_TOO_COMPLEX at the current token: nesting beyond PARSE_MAX_DEPTH. */
int parseErrTooComplex(Parser *p){
  const SqlToken *pTok = parsePeek(p, 0);
  int line, col;
  sqlSourcePosition(p->zSql, p->nSql, pTok->iOff, &line, &col);
  return mlErrorSetText(p->pErr, ML_E_TOO_COMPLEX,
      "Statement too complex, more than %d nested levels at line %d, column %d",
      PARSE_MAX_DEPTH, line, col);
}

/* Enter one more level of nesting; fails when the statement is too deep. */
int parseEnter(Parser *p){
  if( p->nDepth>=PARSE_MAX_DEPTH ) return parseErrTooComplex(p);
  p->nDepth++;
  return ML_OK;
}

void parseLeave(Parser *p){
  assert( p->nDepth>0 );
  p->nDepth--;
}

/* ------------------------------------------------------------ errors */

static const char *const azPunct[] = {
  /* TK_QMARK .. TK_GE, in enum order */
  "'?'", "':name'", "'('", "')'", "','", "'.'", "';'", "'+'", "'-'", "'*'",
  "'/'", "'||'", "'='", "'<>'", "'<'", "'<='", "'>'", "'>='"
};
_Static_assert(sizeof(azPunct)/sizeof(azPunct[0])==TK_GE-TK_QMARK+1,
               "azPunct must list TK_QMARK..TK_GE");

/*
** How an expected token type is named in a message: 'KEYWORD', '(' or a
** class such as IDENTIFIER.  Returns zBuf or a static string.
*/
const char *parseTypeText(int type, char *zBuf, size_t nBuf){
  if( SQL_IS_KEYWORD(type) ){
    snprintf(zBuf, nBuf, "'%s'", sqlKeywordName(type));
    return zBuf;
  }
  switch( type ){
    case TK_EOF: return "end of statement";
    case TK_ID: case TK_DQID: case TK_UQID: return "IDENTIFIER";
    case TK_INTLIT: case TK_DECLIT: case TK_FLOATLIT: case TK_LOBLEN:
      return "NUMERIC LITERAL";
    case TK_STRING: case TK_NSTRING: case TK_USTRING: case TK_XSTRING:
      return "STRING LITERAL";
    default: break;
  }
  assert( type>=TK_QMARK && type<=TK_GE );
  return azPunct[type-TK_QMARK];
}

/* Describe the current token for a message: IDENTIFIER 'x', 'FROM' ... */
static void parseTokDesc(const Parser *p, char *zBuf, size_t nBuf){
  const SqlToken *pTok = parsePeek(p, 0);
  char zSnip[80];
  const char *zClass = "";
  sqlQuoteSnippet(p->zSql+pTok->iOff, pTok->n, zSnip, sizeof(zSnip));
  switch( pTok->type ){
    case TK_ID: case TK_DQID: case TK_UQID: zClass = "IDENTIFIER "; break;
    case TK_INTLIT: case TK_DECLIT: case TK_FLOATLIT: case TK_LOBLEN:
      zClass = "NUMERIC LITERAL "; break;
    case TK_STRING: case TK_NSTRING: case TK_USTRING: case TK_XSTRING:
      zClass = "STRING LITERAL "; break;
    default: break;
  }
  if( SQL_IS_KEYWORD(pTok->type) ){
    snprintf(zBuf, nBuf, "'%s'", sqlKeywordName(pTok->type));
  }else{
    snprintf(zBuf, nBuf, "%s%s", zClass, zSnip);
  }
}

/*
** Record syntax error `code` at byte iOff with the template's %s filled by
** z1 (and z2 for -12103), followed by the position.  Returns code.
*/
int parseErrAt(Parser *p, size_t iOff, int code,
               const char *z1, const char *z2){
  int line, col;
  char zMsg[ML_ERRMSG_MAX];
  const char *zTemplate = mlErrorTemplate(code);
  assert( zTemplate!=0 );
  sqlSourcePosition(p->zSql, p->nSql, iOff, &line, &col);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  snprintf(zMsg, sizeof(zMsg), zTemplate, z1, z2);
#pragma GCC diagnostic pop
  return mlErrorSetText(p->pErr, code, "%s at line %d, column %d", zMsg, line, col);
}

/* If the current token is a lexical error, report it and return its code. */
static int parseLexError(Parser *p){
  if( parseTok(p)!=TK_ERROR ) return ML_OK;
  assert( p->lexErr.code<0 );
  if( p->pErr ) *p->pErr = p->lexErr;
  return p->lexErr.code;
}

/* True at the end of the statement (EOF, or a final ';'). */
static int parseAtEnd(const Parser *p){
  int t = parseTok(p);
  return t==TK_EOF || (t==TK_SEMI && parseTokAt(p, 1)==TK_EOF);
}

/*
** -12101: zMissing is assumed missing.  Positioned at the current token,
** or just after the previous one when the statement has ended.
*/
int parseErrMissing(Parser *p, const char *zMissing){
  size_t iOff = parsePeek(p, 0)->iOff;
  int rc = parseLexError(p);
  if( rc ) return rc;
  if( parseAtEnd(p) && p->iTok>0 ){
    const SqlToken *pPrev = &p->aTok[p->iTok-1];
    iOff = pPrev->iOff + pPrev->n;
  }
  return parseErrAt(p, iOff, ML_E_SYNTAX_MISSING, zMissing, 0);
}

/*
** The current token is not what the grammar needs (zExpected): -12101 at
** the end of the statement, else -12103 "<found> assumed to mean <expected>".
*/
int parseErrExpected(Parser *p, const char *zExpected){
  char zFound[128];
  int rc = parseLexError(p);
  if( rc ) return rc;
  if( parseAtEnd(p) ) return parseErrMissing(p, zExpected);
  parseTokDesc(p, zFound, sizeof(zFound));
  return parseErrAt(p, parsePeek(p, 0)->iOff, ML_E_SYNTAX_ASSUMED, zFound, zExpected);
}

/* -12102: the current token is ignored (it cannot continue the statement). */
int parseErrIgnored(Parser *p){
  char zFound[128];
  int rc = parseLexError(p);
  if( rc ) return rc;
  assert( parseTok(p)!=TK_EOF );
  parseTokDesc(p, zFound, sizeof(zFound));
  return parseErrAt(p, parsePeek(p, 0)->iOff, ML_E_SYNTAX_IGNORED, zFound, 0);
}

/* --------------------------------------------------------------- DML */

/* [[AS] alias] after the table of UPDATE and DELETE. */
static int parseOptAlias(Parser *p, AstIdent *pAlias){
  if( parseAccept(p, TK_AS) || parseIsIdent(p, 0) ) return parseIdent(p, pAlias);
  return ML_OK;
}

/* WHERE {CURRENT OF cursor | condition} of UPDATE and DELETE. */
static int parseDmlWhere(Parser *p, AstExpr **ppWhere, AstIdent *pCursor){
  if( !parseAccept(p, TK_WHERE) ) return ML_OK;
  if( parseTok(p)==TK_CURRENT && parseTokAt(p, 1)==TK_OF ){
    p->iTok += 2;
    return parseIdent(p, pCursor);
  }
  return parseExpr(p, ppWhere);
}

/*
** INSERT INTO t [(cols)] {VALUES (..)[, (..)] | query | DEFAULT VALUES}.
** DEFAULT may stand for a value in the VALUES rows.
*/
static int parseInsert(Parser *p, AstStmt *pStmt){
  int rc = parseExpect(p, TK_INTO);
  if( rc==ML_OK ) rc = parseQName(p, &pStmt->u.insert.table);
  if( rc ) return rc;
  if( parseTok(p)==TK_LP && parseIsIdent(p, 1) ){
    rc = parseIdentList(p, &pStmt->u.insert.pCols);
    if( rc ) return rc;
  }
  if( parseTok(p)==TK_DEFAULT && pStmt->u.insert.pCols==0 ){
    p->iTok++;
    return parseExpect(p, TK_VALUES);
  }
  if( parseTok(p)==TK_VALUES ){
    AstQuery *pQuery = astAlloc(p->pArena, sizeof(AstQuery));
    if( pQuery==0 ) return ML_E_NOMEM;
    pQuery->kind = AQ_VALUES;
    pQuery->iPos = parsePeek(p, 0)->iOff;
    p->iTok++;
    do{
      AstList *pRow;
      rc = parseValuesRow(p, 1, &pRow);
      if( rc==ML_OK ) rc = astListAppend(p->pArena, &pQuery->pRows, pRow);
    }while( rc==ML_OK && parseAccept(p, TK_COMMA) );
    if( rc==ML_OK && parseIsQueryContinuation(p) ){
      rc = parseQueryContinue(p, pQuery, &pQuery);
    }
    pStmt->u.insert.pQuery = pQuery;
    return rc;
  }
  if( !parseIsQueryStart(p, 0) ) return parseErrExpected(p, "'VALUES'");
  return parseQuery(p, &pStmt->u.insert.pQuery);
}

/* UPDATE t [[AS] x] SET c = v [, c = v]... [WHERE ...]; v may be DEFAULT. */
static int parseUpdate(Parser *p, AstStmt *pStmt){
  int rc = parseQName(p, &pStmt->u.update.table);
  if( rc==ML_OK ) rc = parseOptAlias(p, &pStmt->u.update.alias);
  if( rc==ML_OK ) rc = parseExpect(p, TK_SET);
  while( rc==ML_OK ){
    AstIdent *pCol = astAlloc(p->pArena, sizeof(AstIdent));
    AstExpr *pVal = 0;
    if( pCol==0 ) return ML_E_NOMEM;
    rc = parseIdent(p, pCol);
    if( rc==ML_OK ) rc = parseExpect(p, TK_EQ);
    if( rc ) return rc;
    if( parseTok(p)==TK_DEFAULT ){
      rc = parseNewExpr(p, AE_DEFAULT, parsePeek(p, 0)->iOff, &pVal);
      p->iTok++;
    }else{
      rc = parseExpr(p, &pVal);
    }
    if( rc==ML_OK ) rc = astListAppend(p->pArena, &pStmt->u.update.pCols, pCol);
    if( rc==ML_OK ) rc = astListAppend(p->pArena, &pStmt->u.update.pValues, pVal);
    if( rc || !parseAccept(p, TK_COMMA) ) break;
  }
  if( rc ) return rc;
  return parseDmlWhere(p, &pStmt->u.update.pWhere, &pStmt->u.update.cursor);
}

/* DELETE FROM t [[AS] x] [WHERE ...]. */
static int parseDelete(Parser *p, AstStmt *pStmt){
  int rc = parseExpect(p, TK_FROM);
  if( rc==ML_OK ) rc = parseQName(p, &pStmt->u.del.table);
  if( rc==ML_OK ) rc = parseOptAlias(p, &pStmt->u.del.alias);
  if( rc ) return rc;
  return parseDmlWhere(p, &pStmt->u.del.pWhere, &pStmt->u.del.cursor);
}

/* A query used as a statement, with an optional FOR UPDATE / READ ONLY. */
static int parseQueryStmt(Parser *p, AstStmt *pStmt){
  int rc = parseQuery(p, &pStmt->u.query.pQuery);
  if( rc || !parseAccept(p, TK_FOR) ) return rc;
  if( parseAccept(p, TK_UPDATE) ){
    pStmt->u.query.forClause = AFOR_UPDATE;
    if( parseAccept(p, TK_OF) ){
      do{
        AstIdent *pCol = astAlloc(p->pArena, sizeof(AstIdent));
        if( pCol==0 ) return ML_E_NOMEM;
        rc = parseIdent(p, pCol);
        if( rc==ML_OK ) rc = astListAppend(p->pArena, &pStmt->u.query.pForCols, pCol);
      }while( rc==ML_OK && parseAccept(p, TK_COMMA) );
    }
    return rc;
  }
  if( parseTok(p)==TK_READ ){
    p->iTok++;
    pStmt->u.query.forClause = AFOR_READ_ONLY;
    return parseExpect(p, TK_ONLY);
  }
  return parseErrExpected(p, "'UPDATE'");
}

/* ------------------------------------------------------ transactions */

/*
** Transaction modes, comma separated: READ ONLY | READ WRITE | ISOLATION
** LEVEL level | DIAGNOSTICS SIZE n | START {EXPLICIT | IMPLICIT}.  With
** bRequired, at least one mode must be given.  A repeated kind of mode is
** an error.
*/
static int parseTxnModes(Parser *p, AstTxnModes *pModes, int bRequired){
  int rc = ML_OK;
  int t = parseTok(p);
  if( t!=TK_READ && t!=TK_ISOLATION && t!=TK_DIAGNOSTICS && t!=TK_START ){
    return bRequired ? parseErrExpected(p, "'ISOLATION'") : ML_OK;
  }
  do{
    t = parseTok(p);
    if( t==TK_READ ){
      if( pModes->access ) return parseErrIgnored(p);
      p->iTok++;
      if( parseAccept(p, TK_ONLY) ) pModes->access = ATXN_READ_ONLY;
      else if( parseAccept(p, TK_WRITE) ) pModes->access = ATXN_READ_WRITE;
      else return parseErrExpected(p, "'ONLY'");
    }else if( t==TK_ISOLATION ){
      if( pModes->isolation ) return parseErrIgnored(p);
      p->iTok++;
      rc = parseExpect(p, TK_LEVEL);
      if( rc ) return rc;
      if( parseAccept(p, TK_READ) ){
        if( parseAccept(p, TK_UNCOMMITTED) ) pModes->isolation = ATXN_ISO_READ_UNCOMMITTED;
        else if( parseAccept(p, TK_COMMITTED) ) pModes->isolation = ATXN_ISO_READ_COMMITTED;
        else return parseErrExpected(p, "'COMMITTED'");
      }else if( parseAccept(p, TK_REPEATABLE) ){
        pModes->isolation = ATXN_ISO_REPEATABLE_READ;
        rc = parseExpect(p, TK_READ);
      }else if( parseAccept(p, TK_SERIALIZABLE) ){
        pModes->isolation = ATXN_ISO_SERIALIZABLE;
      }else{
        return parseErrExpected(p, "'SERIALIZABLE'");
      }
    }else if( t==TK_DIAGNOSTICS ){
      if( pModes->pDiagSize ) return parseErrIgnored(p);
      p->iTok++;
      rc = parseExpect(p, TK_SIZE);
      if( rc==ML_OK ) rc = parseUnsignedParam(p, &pModes->pDiagSize);
    }else if( t==TK_START ){
      if( pModes->start ) return parseErrIgnored(p);
      p->iTok++;
      if( parseAccept(p, TK_EXPLICIT) ) pModes->start = ATXN_START_EXPLICIT;
      else if( parseAccept(p, TK_IMPLICIT) ) pModes->start = ATXN_START_IMPLICIT;
      else return parseErrExpected(p, "'EXPLICIT'");
    }else{
      return parseErrExpected(p, "'ISOLATION'");
    }
  }while( rc==ML_OK && parseAccept(p, TK_COMMA) );
  return rc;
}

/* SET SCHEMA | SET TRANSACTION | SET SESSION CHARACTERISTICS AS TRANSACTION. */
static int parseSet(Parser *p, AstStmt *pStmt){
  int rc;
  if( parseAccept(p, TK_SCHEMA) ){
    pStmt->kind = AS_SET_SCHEMA;
    do{
      AstIdent *pId = astAlloc(p->pArena, sizeof(AstIdent));
      if( pId==0 ) return ML_E_NOMEM;
      rc = parseIdent(p, pId);
      if( rc==ML_OK ) rc = astListAppend(p->pArena, &pStmt->u.setSchema.pSchemas, pId);
    }while( rc==ML_OK && parseAccept(p, TK_COMMA) );
    return rc;
  }
  if( parseAccept(p, TK_TRANSACTION) ){
    pStmt->kind = AS_SET_TRANSACTION;
    return parseTxnModes(p, &pStmt->u.txn, 1);
  }
  if( parseAccept(p, TK_SESSION) ){
    pStmt->kind = AS_SET_SESSION;
    rc = parseExpect(p, TK_CHARACTERISTICS);
    if( rc==ML_OK ) rc = parseExpect(p, TK_AS);
    if( rc==ML_OK ) rc = parseExpect(p, TK_TRANSACTION);
    if( rc==ML_OK ) rc = parseTxnModes(p, &pStmt->u.txn, 1);
    return rc;
  }
  return parseErrExpected(p, "'TRANSACTION'");
}

/* ROLLBACK [WORK] [TO SAVEPOINT name]. */
static int parseRollback(Parser *p, AstStmt *pStmt){
  parseAccept(p, TK_WORK);
  if( !parseAccept(p, TK_TO) ) return ML_OK;
  {
    int rc = parseExpect(p, TK_SAVEPOINT);
    if( rc==ML_OK ) rc = parseIdent(p, &pStmt->u.txnEnd.savepoint);
    return rc;
  }
}

/* CALL name([args]). */
static int parseCall(Parser *p, AstStmt *pStmt){
  int rc = parseQName(p, &pStmt->u.call.name);
  if( rc==ML_OK ) rc = parseExpect(p, TK_LP);
  if( rc || parseAccept(p, TK_RP) ) return rc;
  do{
    AstExpr *pArg;
    rc = parseExpr(p, &pArg);
    if( rc==ML_OK ) rc = astListAppend(p->pArena, &pStmt->u.call.pArgs, pArg);
  }while( rc==ML_OK && parseAccept(p, TK_COMMA) );
  return rc ? rc : parseExpect(p, TK_RP);
}

/*
** Parse the statement that starts with keyword t (already consumed).
** Returns ML_NOTFOUND if t starts no statement.
*/
static int parseKeywordStatement(Parser *p, int t, AstStmt *pStmt){
  int rc;
  switch( t ){
    case TK_INSERT: pStmt->kind = AS_INSERT; return parseInsert(p, pStmt);
    case TK_UPDATE: pStmt->kind = AS_UPDATE; return parseUpdate(p, pStmt);
    case TK_DELETE: pStmt->kind = AS_DELETE; return parseDelete(p, pStmt);
    case TK_CREATE: return parseCreate(p, pStmt);
    case TK_ALTER:  return parseAlter(p, pStmt);
    case TK_DROP:   return parseDrop(p, pStmt);
    case TK_GRANT:  pStmt->kind = AS_GRANT; return parseGrant(p, pStmt);
    case TK_REVOKE: pStmt->kind = AS_REVOKE; return parseGrant(p, pStmt);
    case TK_COMMENT: pStmt->kind = AS_COMMENT; return parseComment(p, pStmt);
    case TK_SET:    return parseSet(p, pStmt);
    case TK_START:
      pStmt->kind = AS_START_TRANSACTION;
      rc = parseExpect(p, TK_TRANSACTION);
      return rc ? rc : parseTxnModes(p, &pStmt->u.txn, 0);
    case TK_COMMIT:
      pStmt->kind = AS_COMMIT;
      parseAccept(p, TK_WORK);
      return ML_OK;
    case TK_ROLLBACK: pStmt->kind = AS_ROLLBACK; return parseRollback(p, pStmt);
    case TK_SAVEPOINT:
      pStmt->kind = AS_SAVEPOINT;
      return parseIdent(p, &pStmt->u.txnEnd.savepoint);
    case TK_RELEASE:
      pStmt->kind = AS_RELEASE_SAVEPOINT;
      rc = parseExpect(p, TK_SAVEPOINT);
      return rc ? rc : parseIdent(p, &pStmt->u.txnEnd.savepoint);
    case TK_CALL: pStmt->kind = AS_CALL; return parseCall(p, pStmt);
    case TK_EXPLAIN: {
      int k = parseTok(p);
      pStmt->kind = AS_EXPLAIN;
      if( !parseIsQueryStart(p, 0) && k!=TK_INSERT && k!=TK_UPDATE && k!=TK_DELETE ){
        return parseErrExpected(p, "'SELECT'");
      }
      return parseStatement(p, &pStmt->u.explain.pStmt);
    }
    default:
      return ML_NOTFOUND;
  }
}

/*
** Parse one statement into a new AstStmt.  An unknown first word gets
** -12103 "... assumed to mean 'COMMIT'", the correction real Mimer offers
** (spec §9: "Invalid SQL").
*/
int parseStatement(Parser *p, AstStmt **ppStmt){
  AstStmt *pStmt = astAlloc(p->pArena, sizeof(AstStmt));
  int rc, t = parseTok(p);
  if( pStmt==0 ) return ML_E_NOMEM;
  *ppStmt = pStmt;
  pStmt->iPos = parsePeek(p, 0)->iOff;
  if( parseIsQueryStart(p, 0) ){
    pStmt->kind = AS_QUERY;
    return parseQueryStmt(p, pStmt);
  }
  if( SQL_IS_KEYWORD(t) ){
    p->iTok++;
    rc = parseKeywordStatement(p, t, pStmt);
    if( rc!=ML_NOTFOUND ) return rc;
    p->iTok--;
  }
  return parseErrExpected(p, "'COMMIT'");
}

/* ------------------------------------------------------------ driver */

/*
** Set up parser p over zSql[0..nSql-1]: tokenize it all into a malloc'ed
** array (freed by parseFinish).  Returns ML_OK or ML_E_NOMEM.
*/
static int parseInit(Parser *p, Arena *pArena, const char *zSql, size_t nSql,
                     MlError *pErr){
  SqlTokenizer tz;
  int nAlloc = 64;
  memset(p, 0, sizeof(*p));
  p->pArena = pArena;
  p->zSql = zSql;
  p->nSql = nSql;
  p->pErr = pErr;
  mlErrorClear(&p->lexErr);
  if( nSql>UINT32_MAX/2 ){
    return mlErrorSetText(pErr, ML_E_TOO_COMPLEX,
        "Statement too complex, text longer than 2 GB at line 1, column 1");
  }
  p->aTok = malloc(sizeof(SqlToken)*(size_t)nAlloc);
  if( p->aTok==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
  sqlTokenizerInit(&tz, zSql, nSql);
  for(;;){
    int t;
    if( p->nTok==nAlloc ){
      SqlToken *aNew = realloc(p->aTok, sizeof(SqlToken)*(size_t)nAlloc*2);
      if( aNew==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
      p->aTok = aNew;
      nAlloc *= 2;
    }
    t = sqlTokenNext(&tz, &p->aTok[p->nTok++]);
    if( t==TK_EOF ) break;
    if( t==TK_ERROR ){ p->lexErr = tz.err; break; }
  }
  return ML_OK;
}

static void parseFinish(Parser *p){
  free(p->aTok);
  p->aTok = 0;
}

/* After a statement: an optional ';' and then nothing. */
static int parseEnd(Parser *p){
  parseAccept(p, TK_SEMI);
  if( parseTok(p)==TK_EOF ) return ML_OK;
  return parseErrIgnored(p);
}

/*
** Parse the single SQL statement zSql[0..nSql-1] (UTF-8, need not be
** NUL-terminated; one trailing ';' is allowed) into an AST allocated from
** pArena, which the caller owns and frees; nothing else is allocated
** beyond the call.  On success *ppStmt is the statement; on error returns
** the Mimer code with pErr (may be 0) holding a message that names the
** position.  Parameter markers are numbered 1.. in order of appearance,
** ? and :name alike, and listed in (*ppStmt)->apParam.
*/
int sqlParse(Arena *pArena, const char *zSql, size_t nSql,
             AstStmt **ppStmt, MlError *pErr){
  Parser p;
  AstStmt *pStmt = 0;
  int rc = parseInit(&p, pArena, zSql, nSql, pErr);
  *ppStmt = 0;
  if( rc==ML_OK ) rc = parseStatement(&p, &pStmt);
  if( rc==ML_OK ) rc = parseEnd(&p);
  if( rc==ML_OK && p.pParams ){
    pStmt->nParam = p.pParams->n;
    pStmt->apParam = (AstExpr**)p.pParams->a;
  }
  parseFinish(&p);
  if( rc==ML_E_NOMEM ) mlErrorSet(pErr, ML_E_NOMEM);
  if( rc==ML_OK ) *ppStmt = pStmt;
  assert( rc==ML_OK || pErr==0 || pErr->code==rc );
  return rc;
}

/*
** Parse zSql[0..nSql-1] as one value expression (a stored DEFAULT or
** CHECK text, for instance; VALUE is accepted, as in a domain's CHECK).
** Same conventions as sqlParse(); parameter markers are numbered but not
** listed.
*/
int sqlParseExpr(Arena *pArena, const char *zSql, size_t nSql,
                 AstExpr **ppExpr, MlError *pErr){
  Parser p;
  AstExpr *pExpr = 0;
  int rc = parseInit(&p, pArena, zSql, nSql, pErr);
  *ppExpr = 0;
  p.allowValue = 1;
  if( rc==ML_OK ) rc = parseExpr(&p, &pExpr);
  if( rc==ML_OK ) rc = parseEnd(&p);
  parseFinish(&p);
  if( rc==ML_E_NOMEM ) mlErrorSet(pErr, ML_E_NOMEM);
  if( rc==ML_OK ) *ppExpr = pExpr;
  return rc;
}
