/*
** Query expressions for the SQL parser (sql/ layer; see parseint.h):
** WITH [RECURSIVE], SELECT specifications, table value constructors
** (VALUES), set operations (UNION and EXCEPT bind looser than INTERSECT),
** ORDER BY, OFFSET n ROWS, FETCH FIRST n ROWS ONLY, and FROM clauses with
** joins and derived tables.
**
** Choices (docs/compatibility.md): a SELECT without FROM is rejected
** with Mimer's -12101 "'FROM' IDENTIFIER assumed missing" (spec §11.2);
** VALUES is a query expression anywhere (FROM (VALUES (0)) needs no
** alias); NULLS FIRST/LAST is not accepted; ORDER BY, OFFSET and FETCH
** may follow a parenthesised query only if it does not already end with
** the same or a later clause.
*/
#include "sql/parseint.h"

#include <assert.h>
#include <string.h>

/* True if the token k ahead starts a query: SELECT, WITH, VALUES, or '('s before one. */
int parseIsQueryStart(const Parser *p, int k){
  for(;;){
    int t = parseTokAt(p, k);
    if( t==TK_SELECT || t==TK_WITH || t==TK_VALUES ) return 1;
    if( t!=TK_LP ) return 0;
    k++;
  }
}

/* True if the current token continues a query expression after a primary. */
int parseIsQueryContinuation(const Parser *p){
  switch( parseTok(p) ){
    case TK_UNION: case TK_EXCEPT: case TK_INTERSECT:
    case TK_ORDER: case TK_OFFSET: case TK_FETCH:
      return 1;
    default:
      return 0;
  }
}

/* A new query node of `kind` at the current token. */
static int parseNewQuery(Parser *p, int kind, AstQuery **ppQuery){
  AstQuery *pQuery = astAlloc(p->pArena, sizeof(AstQuery));
  *ppQuery = pQuery;
  if( pQuery==0 ) return ML_E_NOMEM;
  pQuery->kind = (uint8_t)kind;
  pQuery->iPos = parsePeek(p, 0)->iOff;
  return ML_OK;
}

/*
** One row of a table value constructor: "(v [, v]...)".  With
** allowDefault (INSERT), a value may be the keyword DEFAULT.
*/
int parseValuesRow(Parser *p, int allowDefault, AstList **ppRow){
  int rc = parseExpect(p, TK_LP);
  *ppRow = 0;
  while( rc==ML_OK ){
    AstExpr *pVal;
    if( allowDefault && parseTok(p)==TK_DEFAULT ){
      rc = parseNewExpr(p, AE_DEFAULT, parsePeek(p, 0)->iOff, &pVal);
      p->iTok++;
    }else{
      rc = parseExpr(p, &pVal);
    }
    if( rc==ML_OK ) rc = astListAppend(p->pArena, ppRow, pVal);
    if( rc==ML_OK && !parseAccept(p, TK_COMMA) ) return parseExpect(p, TK_RP);
  }
  return rc;
}

/* [AS] alias [(col, ...)] after a table or derived table. */
static int parseCorrelation(Parser *p, AstTableRef *pRef){
  int rc;
  if( !parseAccept(p, TK_AS) && !parseIsIdent(p, 0) ) return ML_OK;
  rc = parseIdent(p, &pRef->alias);
  if( rc==ML_OK && parseTok(p)==TK_LP ) rc = parseIdentList(p, &pRef->pColAliases);
  return rc;
}

static int parseTableRef(Parser *p, AstTableRef **ppRef);

/* A new table reference node of `kind` at byte iPos. */
static int parseNewTableRef(Parser *p, int kind, uint32_t iPos, AstTableRef **ppRef){
  AstTableRef *pRef = astAlloc(p->pArena, sizeof(AstTableRef));
  *ppRef = pRef;
  if( pRef==0 ) return ML_E_NOMEM;
  pRef->kind = (uint8_t)kind;
  pRef->iPos = iPos;
  return ML_OK;
}

/*
** A table primary: name [correlation], (query) [correlation], or a
** parenthesised joined table (a lone table in parentheses is refused, as
** in the SQL standard).  "((SELECT ..) UNION ..) x" and
** "((SELECT ..)) x" are derived tables; "((SELECT ..) x JOIN y ON ..)" is
** a parenthesised join.
*/
static int parseTablePrimary(Parser *p, AstTableRef **ppRef){
  uint32_t iPos = parsePeek(p, 0)->iOff;
  int t1 = parseTokAt(p, 1);
  AstTableRef *pRef;
  int rc;
  if( parseTok(p)!=TK_LP ){
    rc = parseNewTableRef(p, ATR_TABLE, iPos, ppRef);
    if( rc==ML_OK ) rc = parseQName(p, &(*ppRef)->name);
    if( rc==ML_OK ) rc = parseCorrelation(p, *ppRef);
    return rc;
  }
  p->iTok++;
  if( t1==TK_SELECT || t1==TK_WITH || t1==TK_VALUES ){
    rc = parseNewTableRef(p, ATR_QUERY, iPos, ppRef);
    if( rc==ML_OK ) rc = parseQuery(p, &(*ppRef)->pQuery);
    if( rc==ML_OK ) rc = parseExpect(p, TK_RP);
    if( rc==ML_OK ) rc = parseCorrelation(p, *ppRef);
    return rc;
  }
  rc = parseTableRef(p, &pRef);
  if( rc ) return rc;
  if( pRef->kind==ATR_QUERY && pRef->alias.z==0 && t1==TK_LP ){
    /* The outer parentheses belong to the query: ((SELECT ..) ...) */
    if( parseIsQueryContinuation(p) ){
      rc = parseQueryContinue(p, pRef->pQuery, &pRef->pQuery);
    }
    if( rc==ML_OK ) rc = parseExpect(p, TK_RP);
    if( rc==ML_OK ) rc = parseCorrelation(p, pRef);
    pRef->iPos = iPos;
    *ppRef = pRef;
    return rc;
  }
  *ppRef = pRef;
  if( pRef->kind!=ATR_JOIN ) return parseErrExpected(p, "'JOIN'");
  return parseExpect(p, TK_RP);
}

/*
** A table reference: a table primary followed by any number of joins
** ([NATURAL] [INNER | {LEFT|RIGHT|FULL} [OUTER]] JOIN t [ON c | USING
** (cols)], CROSS JOIN t), left-associative.
*/
static int parseTableRef(Parser *p, AstTableRef **ppRef){
  AstTableRef *pLeft = 0;
  int nChain = 0;
  int rc = parseEnter(p);
  if( rc ) return rc;
  rc = parseTablePrimary(p, &pLeft);
  while( rc==ML_OK ){
    AstTableRef *pJoin;
    int natural = 0, jt;
    int t = parseTok(p);
    if( t==TK_NATURAL ){ natural = 1; t = parseTokAt(p, 1); }
    switch( t ){
      case TK_JOIN: case TK_INNER: jt = AJ_INNER; break;
      case TK_LEFT:  jt = AJ_LEFT; break;
      case TK_RIGHT: jt = AJ_RIGHT; break;
      case TK_FULL:  jt = AJ_FULL; break;
      case TK_CROSS: jt = natural ? 0 : AJ_CROSS; break;
      default:       jt = 0; break;
    }
    if( jt==0 ){
      if( natural ){ p->iTok++; rc = parseErrExpected(p, "'JOIN'"); }
      break;
    }
    if( p->nDepth + ++nChain > PARSE_MAX_DEPTH ){
      rc = parseErrTooComplex(p);
      break;
    }
    rc = parseNewTableRef(p, ATR_JOIN, pLeft->iPos, &pJoin);
    if( rc ) break;
    pJoin->joinType = (uint8_t)jt;
    pJoin->natural = (uint8_t)natural;
    pJoin->pLeft = pLeft;
    p->iTok += natural;
    if( t!=TK_JOIN ) p->iTok++;
    if( jt==AJ_LEFT || jt==AJ_RIGHT || jt==AJ_FULL ) parseAccept(p, TK_OUTER);
    rc = parseExpect(p, TK_JOIN);
    if( rc==ML_OK ) rc = parseTablePrimary(p, &pJoin->pRight);
    if( rc==ML_OK && !natural && jt!=AJ_CROSS ){
      if( parseAccept(p, TK_ON) ){
        rc = parseExpr(p, &pJoin->pOn);
      }else if( parseAccept(p, TK_USING) ){
        rc = parseIdentList(p, &pJoin->pUsing);
      }else{
        rc = parseErrExpected(p, "'ON'");
      }
    }
    pLeft = pJoin;
  }
  parseLeave(p);
  *ppRef = pLeft;
  return rc;
}

/* One select-list item: *, q.*, s.q.*, or expr [[AS] alias]. */
static int parseResCol(Parser *p, AstResCol **ppCol){
  AstResCol *pCol = astAlloc(p->pArena, sizeof(AstResCol));
  int rc;
  *ppCol = pCol;
  if( pCol==0 ) return ML_E_NOMEM;
  if( parseAccept(p, TK_STAR) ){
    pCol->isStar = 1;
    return ML_OK;
  }
  if( parseIsIdent(p, 0) && parseTokAt(p, 1)==TK_DOT ){
    int two = parseIsIdent(p, 2) && parseTokAt(p, 3)==TK_DOT && parseTokAt(p, 4)==TK_STAR;
    if( two || parseTokAt(p, 2)==TK_STAR ){
      pCol->isStar = 1;
      rc = parseQName(p, &pCol->starQual);
      if( rc==ML_OK ) rc = parseExpect(p, TK_DOT);
      if( rc==ML_OK ) rc = parseExpect(p, TK_STAR);
      return rc;
    }
  }
  rc = parseExpr(p, &pCol->pExpr);
  if( rc==ML_OK && (parseAccept(p, TK_AS) || parseIsIdent(p, 0)) ){
    rc = parseIdent(p, &pCol->alias);
  }
  return rc;
}

/* SELECT [ALL|DISTINCT] list FROM refs [WHERE] [GROUP BY] [HAVING]. */
static int parseSelect(Parser *p, AstQuery *pQuery){
  AstSelect *pSel = astAlloc(p->pArena, sizeof(AstSelect));
  int rc;
  if( pSel==0 ) return ML_E_NOMEM;
  pQuery->pSelect = pSel;
  p->iTok++;
  if( parseAccept(p, TK_DISTINCT) ) pSel->quant = AFQ_DISTINCT;
  else if( parseAccept(p, TK_ALL) ) pSel->quant = AFQ_ALL;
  do{
    AstResCol *pCol;
    rc = parseResCol(p, &pCol);
    if( rc==ML_OK ) rc = astListAppend(p->pArena, &pSel->pResCols, pCol);
  }while( rc==ML_OK && parseAccept(p, TK_COMMA) );
  if( rc ) return rc;
  if( !parseAccept(p, TK_FROM) ) return parseErrMissing(p, "'FROM' IDENTIFIER");
  do{
    AstTableRef *pRef;
    rc = parseTableRef(p, &pRef);
    if( rc==ML_OK ) rc = astListAppend(p->pArena, &pSel->pFrom, pRef);
  }while( rc==ML_OK && parseAccept(p, TK_COMMA) );
  if( rc==ML_OK && parseAccept(p, TK_WHERE) ) rc = parseExpr(p, &pSel->pWhere);
  if( rc==ML_OK && parseTok(p)==TK_GROUP ){
    p->iTok++;
    rc = parseExpect(p, TK_BY);
    while( rc==ML_OK ){
      AstExpr *pExpr;
      rc = parseExpr(p, &pExpr);
      if( rc==ML_OK ) rc = astListAppend(p->pArena, &pSel->pGroupBy, pExpr);
      if( rc || !parseAccept(p, TK_COMMA) ) break;
    }
  }
  if( rc==ML_OK && parseAccept(p, TK_HAVING) ) rc = parseExpr(p, &pSel->pHaving);
  return rc;
}

/* A query primary: SELECT ..., VALUES ..., or (query). */
static int parseQueryPrimary(Parser *p, AstQuery **ppQuery){
  int t = parseTok(p), rc;
  if( t==TK_SELECT ){
    rc = parseNewQuery(p, AQ_SELECT, ppQuery);
    return rc ? rc : parseSelect(p, *ppQuery);
  }
  if( t==TK_VALUES ){
    rc = parseNewQuery(p, AQ_VALUES, ppQuery);
    if( rc ) return rc;
    p->iTok++;
    do{
      AstList *pRow;
      rc = parseValuesRow(p, 0, &pRow);
      if( rc==ML_OK ) rc = astListAppend(p->pArena, &(*ppQuery)->pRows, pRow);
    }while( rc==ML_OK && parseAccept(p, TK_COMMA) );
    return rc;
  }
  if( t==TK_LP ){
    p->iTok++;
    rc = parseQuery(p, ppQuery);
    return rc ? rc : parseExpect(p, TK_RP);
  }
  return parseErrExpected(p, "'SELECT'");
}

/*
** Set operations after the left operand pLeft, for operators binding at
** least as tightly as minPrec (1: UNION, EXCEPT; 2: INTERSECT).
*/
static int parseSetRest(Parser *p, int minPrec, AstQuery *pLeft, AstQuery **ppQuery){
  int rc = ML_OK, nChain = 0;
  for(;;){
    int t = parseTok(p);
    int prec = (t==TK_UNION || t==TK_EXCEPT) ? 1 : t==TK_INTERSECT ? 2 : 0;
    AstQuery *pSet, *pRight;
    if( prec==0 || prec<minPrec ) break;
    if( p->nDepth + ++nChain > PARSE_MAX_DEPTH ){
      rc = parseErrTooComplex(p);
      break;
    }
    rc = parseNewQuery(p, AQ_SETOP, &pSet);
    if( rc ) break;
    pSet->iPos = pLeft->iPos;
    pSet->setOp = t==TK_UNION ? ASET_UNION : t==TK_EXCEPT ? ASET_EXCEPT : ASET_INTERSECT;
    p->iTok++;
    if( parseAccept(p, TK_ALL) ) pSet->setQuant = AFQ_ALL;
    else if( parseAccept(p, TK_DISTINCT) ) pSet->setQuant = AFQ_DISTINCT;
    rc = parseQueryPrimary(p, &pRight);
    if( rc==ML_OK ) rc = parseSetRest(p, prec+1, pRight, &pRight);
    if( rc ) break;
    pSet->pLeft = pLeft;
    pSet->pRight = pRight;
    pLeft = pSet;
  }
  *ppQuery = pLeft;
  return rc;
}

/*
** ORDER BY, OFFSET and FETCH after the query body pQuery.  A clause may
** be added to a parenthesised query only if that query has neither the
** same clause nor a later one.
*/
static int parseQueryTail(Parser *p, AstQuery *pQuery){
  int rc = ML_OK;
  if( parseTok(p)==TK_ORDER ){
    if( pQuery->pOrderBy || pQuery->pOffset || pQuery->hasFetch ) return parseErrIgnored(p);
    p->iTok++;
    rc = parseExpect(p, TK_BY);
    while( rc==ML_OK ){
      AstOrderItem *pItem = astAlloc(p->pArena, sizeof(AstOrderItem));
      if( pItem==0 ) return ML_E_NOMEM;
      rc = parseExpr(p, &pItem->pExpr);
      if( rc ) return rc;
      if( parseAccept(p, TK_ASC) ) pItem->dir = ASORT_ASC;
      else if( parseAccept(p, TK_DESC) ) pItem->dir = ASORT_DESC;
      rc = astListAppend(p->pArena, &pQuery->pOrderBy, pItem);
      if( rc || !parseAccept(p, TK_COMMA) ) break;
    }
    if( rc ) return rc;
  }
  if( parseTok(p)==TK_OFFSET ){
    if( pQuery->pOffset || pQuery->hasFetch ) return parseErrIgnored(p);
    p->iTok++;
    rc = parseUnsignedParam(p, &pQuery->pOffset);
    if( rc ) return rc;
    if( !parseAccept(p, TK_ROW) && !parseAccept(p, TK_ROWS) ) return parseErrExpected(p, "'ROWS'");
  }
  if( parseTok(p)==TK_FETCH ){
    if( pQuery->hasFetch ) return parseErrIgnored(p);
    p->iTok++;
    pQuery->hasFetch = 1;
    if( !parseAccept(p, TK_FIRST) && !parseAccept(p, TK_NEXT) ) return parseErrExpected(p, "'FIRST'");
    if( parseTok(p)!=TK_ROW && parseTok(p)!=TK_ROWS ){
      rc = parseUnsignedParam(p, &pQuery->pFetch);
      if( rc ) return rc;
    }
    if( !parseAccept(p, TK_ROW) && !parseAccept(p, TK_ROWS) ) return parseErrExpected(p, "'ROWS'");
    rc = parseExpect(p, TK_ONLY);
  }
  return rc;
}

/* WITH [RECURSIVE] name [(cols)] AS (query) [, ...]; WITH is current. */
static int parseWith(Parser *p, AstWith **ppWith){
  AstWith *pWith = astAlloc(p->pArena, sizeof(AstWith));
  int rc = ML_OK;
  *ppWith = pWith;
  if( pWith==0 ) return ML_E_NOMEM;
  pWith->iPos = parsePeek(p, 0)->iOff;
  p->iTok++;
  if( parseAccept(p, TK_RECURSIVE) ) pWith->recursive = 1;
  do{
    AstCte *pCte = astAlloc(p->pArena, sizeof(AstCte));
    if( pCte==0 ) return ML_E_NOMEM;
    rc = parseIdent(p, &pCte->name);
    if( rc==ML_OK && parseTok(p)==TK_LP ) rc = parseIdentList(p, &pCte->pCols);
    if( rc==ML_OK ) rc = parseExpect(p, TK_AS);
    if( rc==ML_OK ) rc = parseExpect(p, TK_LP);
    if( rc==ML_OK ) rc = parseQuery(p, &pCte->pQuery);
    if( rc==ML_OK ) rc = parseExpect(p, TK_RP);
    if( rc==ML_OK ) rc = astListAppend(p->pArena, &pWith->pCtes, pCte);
  }while( rc==ML_OK && parseAccept(p, TK_COMMA) );
  return rc;
}

/*
** Continue a query expression whose first primary (pLeft) has been parsed:
** set operations, then ORDER BY / OFFSET / FETCH.
*/
int parseQueryContinue(Parser *p, AstQuery *pLeft, AstQuery **ppQuery){
  int rc = parseSetRest(p, 1, pLeft, ppQuery);
  return rc ? rc : parseQueryTail(p, *ppQuery);
}

/* A complete query expression: [WITH ...] body [ORDER BY] [OFFSET] [FETCH]. */
int parseQuery(Parser *p, AstQuery **ppQuery){
  AstWith *pWith = 0;
  AstQuery *pLeft;
  int rc = parseEnter(p);
  if( rc ) return rc;
  if( parseTok(p)==TK_WITH ) rc = parseWith(p, &pWith);
  if( rc==ML_OK ) rc = parseQueryPrimary(p, &pLeft);
  if( rc==ML_OK ) rc = parseQueryContinue(p, pLeft, ppQuery);
  if( rc==ML_OK && pWith ){
    if( (*ppQuery)->pWith ){
      /* WITH ... (WITH ... SELECT ...): the inner WITH cannot be kept */
      rc = parseErrAt(p, (*ppQuery)->pWith->iPos, ML_E_SYNTAX_IGNORED, "'WITH'", 0);
    }
    (*ppQuery)->pWith = pWith;
  }
  parseLeave(p);
  return rc;
}
