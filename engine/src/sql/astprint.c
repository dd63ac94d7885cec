/*
** The AST printer (see astprint.h): canonical Mimer SQL from an AST.
**
** Canonical form: keywords upper case; names as written (delimited ones
** in double quotes); every operator, predicate, COLLATE and unary sign in
** its own parentheses, so precedence never matters on re-parsing; literal
** numbers as written (their text carries Mimer's precision and scale);
** strings with quotes doubled, U&'' literals with non-ASCII and control
** characters as \XXXX escapes; one spelling per type (VARCHAR, NCLOB,
** DOUBLE PRECISION, DECIMAL ...) and per clause (JOIN, OFFSET n ROWS,
** FETCH FIRST n ROWS ONLY).  Nested set operations and operands carrying
** their own ORDER BY / OFFSET / FETCH / WITH are parenthesised.
*/
#include "sql/astprint.h"
#include "sql/tokenize.h"
#include "types/typesys.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

typedef struct AstPrinter {
  StrBuf *pOut;            /* where the text goes */
  unsigned flags;          /* ASTPRINT_* */
} AstPrinter;

static void apExpr(AstPrinter *p, const AstExpr *pExpr);
static void apQuery(AstPrinter *p, const AstQuery *pQuery);
static void apStmt(AstPrinter *p, const AstStmt *pStmt);

static void apText(AstPrinter *p, const char *z){ strbufAppendStr(p->pOut, z); }

/* z between quote characters q, with q doubled inside. */
static void apQuoted(AstPrinter *p, const char *z, size_t n, char q){
  size_t i;
  strbufAppendByte(p->pOut, (unsigned char)q);
  for(i=0; i<n; i++){
    if( z[i]==q ) strbufAppendByte(p->pOut, (unsigned char)q);
    strbufAppendByte(p->pOut, (unsigned char)z[i]);
  }
  strbufAppendByte(p->pOut, (unsigned char)q);
}

/* A character string literal '...'. */
static void apString(AstPrinter *p, const char *z){
  apQuoted(p, z, strlen(z), '\'');
}

/* An identifier: quoted if it was delimited or if all names are quoted. */
static void apIdent(AstPrinter *p, const AstIdent *pId){
  assert( pId->z!=0 );
  if( pId->isDelim || (p->flags & ASTPRINT_QUOTE_IDENTS) ){
    apQuoted(p, pId->z, strlen(pId->z), '"');
  }else{
    apText(p, pId->z);
  }
}

static void apQName(AstPrinter *p, const AstQName *pName){
  if( pName->schema.z ){
    apIdent(p, &pName->schema);
    apText(p, ".");
  }
  apIdent(p, &pName->name);
}

/* "(a, b, c)" from a list of AstIdent*. */
static void apIdentList(AstPrinter *p, const AstList *pList){
  int i;
  apText(p, "(");
  for(i=0; i<pList->n; i++){
    if( i ) apText(p, ", ");
    apIdent(p, (const AstIdent*)pList->a[i]);
  }
  apText(p, ")");
}

/* "a, b, c" from a list of AstExpr*. */
static void apExprList(AstPrinter *p, const AstList *pList){
  int i;
  for(i=0; pList && i<pList->n; i++){
    if( i ) apText(p, ", ");
    apExpr(p, (const AstExpr*)pList->a[i]);
  }
}

/* ----------------------------------------------------------------- types */

static const char *const azIntervalField[] = {
  "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"
};

/* The interval qualifier of an INTERVAL type: DAY(4) TO SECOND(2) ... */
static void apIntervalQualifier(AstPrinter *p, const AstType *pType){
  static const signed char aStart[] = { 0, 1, 2, 3, 4, 5, 0, 2, 2, 2, 3, 3, 4 };
  static const signed char aEnd[] =   { -1, -1, -1, -1, -1, -1, 1, 3, 4, 5, 4, 5, 5 };
  int kind = pType->t.intervalKind;
  assert( kind>=0 && kind<IVK_COUNT_ );
  apText(p, azIntervalField[aStart[kind]]);
  if( pType->given & ATYPE_PRECISION ){
    strbufPrintf(p->pOut, "(%u", pType->nPrecision);
    if( kind==IVK_SECOND && (pType->given & ATYPE_SCALE) ){
      strbufPrintf(p->pOut, ",%u", pType->nScale);
    }
    apText(p, ")");
  }
  if( aEnd[kind]>=0 ){
    apText(p, " TO ");
    apText(p, azIntervalField[aEnd[kind]]);
    if( aEnd[kind]==IVK_SECOND && (pType->given & ATYPE_SCALE) ){
      strbufPrintf(p->pOut, "(%u)", pType->nScale);
    }
  }
}

/* (n) or (nK) of a string, binary or LOB type, if written. */
static void apTypeLength(AstPrinter *p, const AstType *pType){
  if( (pType->given & ATYPE_LENGTH)==0 ) return;
  strbufPrintf(p->pOut, "(%u", pType->nLength);
  if( pType->lobUnit ) strbufAppendByte(p->pOut, (unsigned char)pType->lobUnit);
  apText(p, ")");
}

/* " FROM a [FOR b])": the tail of SUBSTRING and OVERLAY, from u.args. */
static void apFromFor(AstPrinter *p, const AstExpr *pExpr){
  apText(p, " FROM ");
  apExpr(p, pExpr->u.args[0]);
  if( pExpr->u.args[1] ){
    apText(p, " FOR ");
    apExpr(p, pExpr->u.args[1]);
  }
  apText(p, ")");
}

/* A data type in its canonical spelling. */
static void apType(AstPrinter *p, const AstType *pType){
  int id = pType->t.id;
  if( id==SQLT_NULL || typeUdtName(id) ){
    apQName(p, &pType->udt);
    return;
  }
  apText(p, typeKeyword(id));
  switch( id ){
    case SQLT_INTEGER_P: case SQLT_FLOAT_P: case SQLT_DECIMAL:
      if( pType->given & ATYPE_PRECISION ){
        strbufPrintf(p->pOut, "(%u", pType->nPrecision);
        if( pType->given & ATYPE_SCALE ) strbufPrintf(p->pOut, ",%u", pType->nScale);
        apText(p, ")");
      }
      break;
    case SQLT_TIME: case SQLT_TIMESTAMP:
      if( pType->given & ATYPE_SCALE ) strbufPrintf(p->pOut, "(%u)", pType->nScale);
      break;
    case SQLT_INTERVAL:
      apText(p, " ");
      apIntervalQualifier(p, pType);
      break;
    default:
      if( SQLT_IS_CHARACTER(id) || SQLT_IS_BINARYSTR(id) ) apTypeLength(p, pType);
      break;
  }
}

/* ------------------------------------------------------------- literals */

/* U&'...': printable ASCII as is, everything else as \XXXX / \+XXXXXX. */
static void apUnicodeString(AstPrinter *p, const char *z, uint32_t n){
  uint32_t i = 0;
  apText(p, "U&'");
  while( i<n ){
    uint32_t c;
    int len = sqlUtf8Decode((const unsigned char*)z+i, n-i, &c);
    assert( len>0 );
    if( len==0 ) break;   /* cannot happen: literals are valid UTF-8 */
    if( c=='\'' ) apText(p, "''");
    else if( c=='\\' ) apText(p, "\\\\");
    else if( c>=0x20 && c<0x7F ) strbufAppendByte(p->pOut, (unsigned char)c);
    else if( c<=0xFFFF ) strbufPrintf(p->pOut, "\\%04X", c);
    else strbufPrintf(p->pOut, "\\+%06X", c);
    i += (uint32_t)len;
  }
  apText(p, "'");
}

static void apLiteral(AstPrinter *p, const AstLiteral *pLit){
  uint32_t i;
  switch( pLit->cls ){
    case ALIT_NULL:    apText(p, "NULL"); break;
    case ALIT_UNKNOWN: apText(p, "UNKNOWN"); break;
    case ALIT_BOOLEAN: apText(p, pLit->bVal ? "TRUE" : "FALSE"); break;
    case ALIT_EXACT: case ALIT_APPROX:
      strbufAppend(p->pOut, pLit->z, pLit->n);
      break;
    case ALIT_CHAR:    apQuoted(p, pLit->z, pLit->n, '\''); break;
    case ALIT_NCHAR:   apText(p, "N"); apQuoted(p, pLit->z, pLit->n, '\''); break;
    case ALIT_UNICODE: apUnicodeString(p, pLit->z, pLit->n); break;
    case ALIT_BINARY:
      apText(p, "X'");
      for(i=0; i<pLit->n; i++) strbufPrintf(p->pOut, "%02X", (unsigned char)pLit->z[i]);
      apText(p, "'");
      break;
    case ALIT_DATE:      apText(p, "DATE "); apQuoted(p, pLit->z, pLit->n, '\''); break;
    case ALIT_TIME:      apText(p, "TIME "); apQuoted(p, pLit->z, pLit->n, '\''); break;
    case ALIT_TIMESTAMP: apText(p, "TIMESTAMP "); apQuoted(p, pLit->z, pLit->n, '\''); break;
    case ALIT_INTERVAL:
      apText(p, pLit->neg ? "INTERVAL -" : "INTERVAL ");
      apQuoted(p, pLit->z, pLit->n, '\'');
      apText(p, " ");
      apIntervalQualifier(p, pLit->pType);
      break;
    default:
      assert( 0 );
      break;
  }
}

/*
** A value in a position that takes a signed literal rather than an
** expression (DEFAULT, sequence options): "-5" instead of "(-5)".
*/
static void apSignedValue(AstPrinter *p, const AstExpr *pExpr){
  if( pExpr->kind==AE_UNARY && pExpr->pLeft->kind==AE_LITERAL
   && (pExpr->op==AOP_NEG || pExpr->op==AOP_POS) ){
    apText(p, astOpName(pExpr->op));
    apExpr(p, pExpr->pLeft);
  }else{
    apExpr(p, pExpr);
  }
}

/* ---------------------------------------------------------- expressions */

/* True if kind prints inside its own parentheses. */
static int apIsParenthesised(int kind){
  switch( kind ){
    case AE_UNARY: case AE_BINARY: case AE_IS: case AE_LIKE: case AE_BETWEEN:
    case AE_IN_LIST: case AE_IN_QUERY: case AE_QUANTIFIED: case AE_SUBQUERY:
    case AE_COLLATE: case AE_INTERVAL_OF:
      return 1;
    default:
      return 0;
  }
}

static void apFunc(AstPrinter *p, const AstFunc *pFunc){
  unsigned save = p->flags;
  if( pFunc->isMethod ){
    /* (x).m(args): the parentheses keep x.m( from reading as schema.function( */
    int i;
    apText(p, "(");
    apExpr(p, (const AstExpr*)pFunc->pArgs->a[0]);
    apText(p, ").");
    p->flags &= ~ASTPRINT_QUOTE_IDENTS;
    apQName(p, &pFunc->name);
    p->flags = save;
    apText(p, "(");
    for(i=1; i<pFunc->pArgs->n; i++){
      if( i>1 ) apText(p, ", ");
      apExpr(p, (const AstExpr*)pFunc->pArgs->a[i]);
    }
    apText(p, ")");
    return;
  }
  p->flags &= ~ASTPRINT_QUOTE_IDENTS;   /* function names stay as written */
  apQName(p, &pFunc->name);
  p->flags = save;
  apText(p, "(");
  if( pFunc->isStar ) apText(p, "*");
  if( pFunc->quant==AFQ_DISTINCT ) apText(p, "DISTINCT ");
  if( pFunc->quant==AFQ_ALL ) apText(p, "ALL ");
  apExprList(p, pFunc->pArgs);
  apText(p, ")");
}

static void apExpr(AstPrinter *p, const AstExpr *pExpr){
  static const char *const azIs[] = { "", "NULL", "TRUE", "FALSE", "UNKNOWN" };
  static const char *const azTrim[] = { "", "LEADING ", "TRAILING ", "BOTH " };
  static const char *const azQuant[] = { "", "ANY", "SOME", "ALL" };
  int i;
  switch( pExpr->kind ){
    case AE_LITERAL:
      apLiteral(p, &pExpr->u.lit);
      break;
    case AE_COLUMN:
      for(i=0; i<pExpr->u.col.nPart; i++){
        if( i ) apText(p, ".");
        apIdent(p, &pExpr->u.col.aPart[i]);
      }
      break;
    case AE_PARAM:
      if( pExpr->u.param.zName ){
        apText(p, ":");
        apText(p, pExpr->u.param.zName);
      }else{
        apText(p, "?");
      }
      break;
    case AE_UNARY:
      apText(p, "(");
      apText(p, astOpName(pExpr->op));
      if( pExpr->op==AOP_NOT ) apText(p, " ");
      apExpr(p, pExpr->pLeft);
      apText(p, ")");
      break;
    case AE_BINARY:
      apText(p, "(");
      apExpr(p, pExpr->pLeft);
      strbufPrintf(p->pOut, " %s ", astOpName(pExpr->op));
      apExpr(p, pExpr->pRight);
      apText(p, ")");
      break;
    case AE_IS:
      apText(p, "(");
      apExpr(p, pExpr->pLeft);
      apText(p, pExpr->isNot ? " IS NOT " : " IS ");
      apText(p, azIs[pExpr->op]);
      apText(p, ")");
      break;
    case AE_LIKE:
      apText(p, "(");
      apExpr(p, pExpr->pLeft);
      apText(p, pExpr->isNot ? " NOT LIKE " : " LIKE ");
      apExpr(p, pExpr->pRight);
      if( pExpr->u.pEscape ){
        apText(p, " ESCAPE ");
        apExpr(p, pExpr->u.pEscape);
      }
      apText(p, ")");
      break;
    case AE_BETWEEN:
      apText(p, "(");
      apExpr(p, pExpr->pLeft);
      apText(p, pExpr->isNot ? " NOT BETWEEN " : " BETWEEN ");
      if( pExpr->u.between.symmetric==1 ) apText(p, "SYMMETRIC ");
      if( pExpr->u.between.symmetric==2 ) apText(p, "ASYMMETRIC ");
      apExpr(p, pExpr->u.between.pLow);
      apText(p, " AND ");
      apExpr(p, pExpr->u.between.pHigh);
      apText(p, ")");
      break;
    case AE_IN_LIST:
    case AE_IN_QUERY:
      apText(p, "(");
      apExpr(p, pExpr->pLeft);
      apText(p, pExpr->isNot ? " NOT IN (" : " IN (");
      if( pExpr->kind==AE_IN_LIST ) apExprList(p, pExpr->u.pList);
      else apQuery(p, pExpr->u.pQuery);
      apText(p, "))");
      break;
    case AE_QUANTIFIED:
      apText(p, "(");
      apExpr(p, pExpr->pLeft);
      strbufPrintf(p->pOut, " %s %s (", astOpName(pExpr->op), azQuant[pExpr->u.quant.quant]);
      apQuery(p, pExpr->u.quant.pQuery);
      apText(p, "))");
      break;
    case AE_EXISTS:
      apText(p, "EXISTS (");
      apQuery(p, pExpr->u.pQuery);
      apText(p, ")");
      break;
    case AE_SUBQUERY:
      apText(p, "(");
      apQuery(p, pExpr->u.pQuery);
      apText(p, ")");
      break;
    case AE_CASE:
      apText(p, "CASE");
      if( pExpr->pLeft ){
        apText(p, " ");
        apExpr(p, pExpr->pLeft);
      }
      for(i=0; i<pExpr->u.kase.pWhen->n; i++){
        apText(p, " WHEN ");
        apExpr(p, (const AstExpr*)pExpr->u.kase.pWhen->a[i]);
        apText(p, " THEN ");
        apExpr(p, (const AstExpr*)pExpr->u.kase.pThen->a[i]);
      }
      if( pExpr->u.kase.pElse ){
        apText(p, " ELSE ");
        apExpr(p, pExpr->u.kase.pElse);
      }
      apText(p, " END");
      break;
    case AE_CAST:
      apText(p, "CAST(");
      apExpr(p, pExpr->pLeft);
      apText(p, " AS ");
      apType(p, pExpr->u.pType);
      apText(p, ")");
      break;
    case AE_FUNC:
      apFunc(p, &pExpr->u.func);
      break;
    case AE_SUBSTRING:
      apText(p, "SUBSTRING(");
      apExpr(p, pExpr->pLeft);
      apFromFor(p, pExpr);
      break;
    case AE_TRIM:
      apText(p, "TRIM(");
      apText(p, azTrim[pExpr->op]);
      if( pExpr->u.args[0] ){
        apExpr(p, pExpr->u.args[0]);
        apText(p, " ");
      }
      if( pExpr->op!=ATRIM_NONE || pExpr->u.args[0] ) apText(p, "FROM ");
      apExpr(p, pExpr->pLeft);
      apText(p, ")");
      break;
    case AE_POSITION:
      apText(p, "POSITION(");
      apExpr(p, pExpr->pLeft);
      apText(p, " IN ");
      apExpr(p, pExpr->pRight);
      apText(p, ")");
      break;
    case AE_EXTRACT:
      strbufPrintf(p->pOut, "EXTRACT(%s FROM ", azIntervalField[pExpr->op]);
      apExpr(p, pExpr->pLeft);
      apText(p, ")");
      break;
    case AE_OVERLAY:
      apText(p, "OVERLAY(");
      apExpr(p, pExpr->pLeft);
      apText(p, " PLACING ");
      apExpr(p, pExpr->pRight);
      apFromFor(p, pExpr);
      break;
    case AE_NEXT_VALUE:
    case AE_CURRENT_VALUE:
      apText(p, pExpr->kind==AE_NEXT_VALUE ? "NEXT VALUE FOR " : "CURRENT VALUE FOR ");
      apQName(p, &pExpr->u.seq);
      break;
    case AE_SPECIAL:
      apText(p, astSpecialName(pExpr->op));
      if( pExpr->u.special.hasPrecision ) strbufPrintf(p->pOut, "(%u)", pExpr->u.special.precision);
      break;
    case AE_INTERVAL_OF:
      apText(p, apIsParenthesised(pExpr->pLeft->kind) ? "(" : "((");
      apExpr(p, pExpr->pLeft);
      apText(p, apIsParenthesised(pExpr->pLeft->kind) ? " " : ") ");
      apIntervalQualifier(p, pExpr->u.pType);
      apText(p, ")");
      break;
    case AE_COLLATE:
      apText(p, "(");
      apExpr(p, pExpr->pLeft);
      apText(p, " COLLATE ");
      apQName(p, &pExpr->u.collation);
      apText(p, ")");
      break;
    case AE_DEFAULT:
      apText(p, "DEFAULT");
      break;
    case AE_VALUE:
      apText(p, "VALUE");
      break;
    default:
      assert( 0 );
      break;
  }
}

/* -------------------------------------------------------------- queries */

/* [AS alias [(cols)]] of a table reference. */
static void apCorrelation(AstPrinter *p, const AstTableRef *pRef){
  if( pRef->alias.z==0 ) return;
  apText(p, " AS ");
  apIdent(p, &pRef->alias);
  if( pRef->pColAliases ){
    apText(p, " ");
    apIdentList(p, pRef->pColAliases);
  }
}

static void apTableRef(AstPrinter *p, const AstTableRef *pRef){
  static const char *const azJoin[] = {
    "", " JOIN ", " LEFT JOIN ", " RIGHT JOIN ", " FULL JOIN ", " CROSS JOIN "
  };
  switch( pRef->kind ){
    case ATR_TABLE:
      apQName(p, &pRef->name);
      apCorrelation(p, pRef);
      break;
    case ATR_QUERY:
      apText(p, "(");
      apQuery(p, pRef->pQuery);
      apText(p, ")");
      apCorrelation(p, pRef);
      break;
    default:
      assert( pRef->kind==ATR_JOIN );
      apTableRef(p, pRef->pLeft);
      if( pRef->natural ) apText(p, " NATURAL");
      apText(p, azJoin[pRef->joinType]);
      if( pRef->pRight->kind==ATR_JOIN ) apText(p, "(");
      apTableRef(p, pRef->pRight);
      if( pRef->pRight->kind==ATR_JOIN ) apText(p, ")");
      if( pRef->pOn ){
        apText(p, " ON ");
        apExpr(p, pRef->pOn);
      }
      if( pRef->pUsing ){
        apText(p, " USING ");
        apIdentList(p, pRef->pUsing);
      }
      break;
  }
}

static void apSelect(AstPrinter *p, const AstSelect *pSel){
  int i;
  apText(p, "SELECT ");
  if( pSel->quant==AFQ_DISTINCT ) apText(p, "DISTINCT ");
  if( pSel->quant==AFQ_ALL ) apText(p, "ALL ");
  for(i=0; i<pSel->pResCols->n; i++){
    const AstResCol *pCol = pSel->pResCols->a[i];
    if( i ) apText(p, ", ");
    if( pCol->isStar ){
      if( pCol->starQual.name.z ){
        apQName(p, &pCol->starQual);
        apText(p, ".");
      }
      apText(p, "*");
      continue;
    }
    apExpr(p, pCol->pExpr);
    if( pCol->alias.z ){
      apText(p, " AS ");
      apIdent(p, &pCol->alias);
    }
  }
  apText(p, " FROM ");
  for(i=0; i<pSel->pFrom->n; i++){
    if( i ) apText(p, ", ");
    apTableRef(p, (const AstTableRef*)pSel->pFrom->a[i]);
  }
  if( pSel->pWhere ){
    apText(p, " WHERE ");
    apExpr(p, pSel->pWhere);
  }
  if( pSel->pGroupBy ){
    apText(p, " GROUP BY ");
    apExprList(p, pSel->pGroupBy);
  }
  if( pSel->pHaving ){
    apText(p, " HAVING ");
    apExpr(p, pSel->pHaving);
  }
}

/* A set operation operand, parenthesised when it is not a plain body. */
static void apSetOperand(AstPrinter *p, const AstQuery *pQuery){
  int bParen = pQuery->kind==AQ_SETOP || pQuery->pWith || pQuery->pOrderBy
            || pQuery->pOffset || pQuery->hasFetch;
  if( bParen ) apText(p, "(");
  apQuery(p, pQuery);
  if( bParen ) apText(p, ")");
}

static void apQuery(AstPrinter *p, const AstQuery *pQuery){
  static const char *const azSetOp[] = { "", " UNION", " EXCEPT", " INTERSECT" };
  int i;
  if( pQuery->pWith ){
    apText(p, pQuery->pWith->recursive ? "WITH RECURSIVE " : "WITH ");
    for(i=0; i<pQuery->pWith->pCtes->n; i++){
      const AstCte *pCte = pQuery->pWith->pCtes->a[i];
      if( i ) apText(p, ", ");
      apIdent(p, &pCte->name);
      if( pCte->pCols ){
        apText(p, " ");
        apIdentList(p, pCte->pCols);
      }
      apText(p, " AS (");
      apQuery(p, pCte->pQuery);
      apText(p, ")");
    }
    apText(p, " ");
  }
  switch( pQuery->kind ){
    case AQ_SELECT:
      apSelect(p, pQuery->pSelect);
      break;
    case AQ_VALUES:
      apText(p, "VALUES ");
      for(i=0; i<pQuery->pRows->n; i++){
        if( i ) apText(p, ", ");
        apText(p, "(");
        apExprList(p, (const AstList*)pQuery->pRows->a[i]);
        apText(p, ")");
      }
      break;
    default:
      assert( pQuery->kind==AQ_SETOP );
      apSetOperand(p, pQuery->pLeft);
      apText(p, azSetOp[pQuery->setOp]);
      if( pQuery->setQuant==AFQ_ALL ) apText(p, " ALL");
      if( pQuery->setQuant==AFQ_DISTINCT ) apText(p, " DISTINCT");
      apText(p, " ");
      apSetOperand(p, pQuery->pRight);
      break;
  }
  if( pQuery->pOrderBy ){
    apText(p, " ORDER BY ");
    for(i=0; i<pQuery->pOrderBy->n; i++){
      const AstOrderItem *pItem = pQuery->pOrderBy->a[i];
      if( i ) apText(p, ", ");
      apExpr(p, pItem->pExpr);
      if( pItem->dir==ASORT_ASC ) apText(p, " ASC");
      if( pItem->dir==ASORT_DESC ) apText(p, " DESC");
    }
  }
  if( pQuery->pOffset ){
    apText(p, " OFFSET ");
    apExpr(p, pQuery->pOffset);
    apText(p, " ROWS");
  }
  if( pQuery->hasFetch ){
    apText(p, " FETCH FIRST ");
    if( pQuery->pFetch ){
      apExpr(p, pQuery->pFetch);
      apText(p, " ");
    }
    apText(p, "ROWS ONLY");
  }
}

/* ------------------------------------------------------------------ DDL */

static const char *const azRefAction[] = {
  "", "CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION"
};

/* [NOT] DEFERRABLE and INITIALLY ... of a constraint. */
static void apConsCharacteristics(AstPrinter *p, const AstConstraint *pCons){
  if( pCons->deferrable==1 ) apText(p, " DEFERRABLE");
  if( pCons->deferrable==2 ) apText(p, " NOT DEFERRABLE");
  if( pCons->initially==1 ) apText(p, " INITIALLY DEFERRED");
  if( pCons->initially==2 ) apText(p, " INITIALLY IMMEDIATE");
}

/* A column constraint (bTable==0) or table constraint (bTable==1). */
static void apConstraint(AstPrinter *p, const AstConstraint *pCons, int bTable){
  if( pCons->name.z ){
    apText(p, "CONSTRAINT ");
    apIdent(p, &pCons->name);
    apText(p, " ");
  }
  switch( pCons->kind ){
    case ACONS_NOT_NULL:    apText(p, "NOT NULL"); break;
    case ACONS_NULL:        apText(p, "NULL"); break;
    case ACONS_PRIMARY_KEY: apText(p, "PRIMARY KEY"); break;
    case ACONS_UNIQUE:      apText(p, "UNIQUE"); break;
    case ACONS_FOREIGN_KEY:
      if( bTable ){
        apText(p, "FOREIGN KEY ");
        apIdentList(p, pCons->pCols);
        apText(p, " ");
      }
      apText(p, "REFERENCES ");
      apQName(p, &pCons->refTable);
      if( pCons->pRefCols ){
        apText(p, " ");
        apIdentList(p, pCons->pRefCols);
      }
      if( pCons->onDelete ){
        apText(p, " ON DELETE ");
        apText(p, azRefAction[pCons->onDelete]);
      }
      if( pCons->onUpdate ){
        apText(p, " ON UPDATE ");
        apText(p, azRefAction[pCons->onUpdate]);
      }
      break;
    case ACONS_CHECK:
      apText(p, "CHECK (");
      apExpr(p, pCons->pCheck);
      apText(p, ")");
      break;
    default:
      assert( 0 );
      break;
  }
  if( bTable && (pCons->kind==ACONS_PRIMARY_KEY || pCons->kind==ACONS_UNIQUE) ){
    apText(p, " ");
    apIdentList(p, pCons->pCols);
  }
  apConsCharacteristics(p, pCons);
}

static void apColumnDef(AstPrinter *p, const AstColumnDef *pCol){
  int i;
  apIdent(p, &pCol->name);
  apText(p, " ");
  apType(p, pCol->pType);
  if( pCol->pDefault ){
    apText(p, " DEFAULT ");
    apSignedValue(p, pCol->pDefault);
  }
  if( pCol->collation.name.z ){
    apText(p, " COLLATE ");
    apQName(p, &pCol->collation);
  }
  for(i=0; pCol->pCons && i<pCol->pCons->n; i++){
    apText(p, " ");
    apConstraint(p, (const AstConstraint*)pCol->pCons->a[i], 0);
  }
}

/* Sequence options in canonical order. */
static void apSeqOptions(AstPrinter *p, const AstSeqOptions *pOpt){
  if( pOpt->pType ){
    apText(p, " AS ");
    apType(p, pOpt->pType);
  }
  if( pOpt->pStart ){
    apText(p, " START WITH ");
    apSignedValue(p, pOpt->pStart);
  }
  if( pOpt->restart ){
    apText(p, " RESTART");
    if( pOpt->pRestart ){
      apText(p, " WITH ");
      apSignedValue(p, pOpt->pRestart);
    }
  }
  if( pOpt->pIncrement ){
    apText(p, " INCREMENT BY ");
    apSignedValue(p, pOpt->pIncrement);
  }
  if( pOpt->pMin ){
    apText(p, " MINVALUE ");
    apSignedValue(p, pOpt->pMin);
  }
  if( pOpt->noMin ) apText(p, " NO MINVALUE");
  if( pOpt->pMax ){
    apText(p, " MAXVALUE ");
    apSignedValue(p, pOpt->pMax);
  }
  if( pOpt->noMax ) apText(p, " NO MAXVALUE");
  if( pOpt->cycle==1 ) apText(p, " CYCLE");
  if( pOpt->cycle==2 ) apText(p, " NO CYCLE");
}

/* " KEYWORD n[unit]" of a databank size, if given. */
static void apSize(AstPrinter *p, const char *zKeyword, const AstSize *pSize){
  if( !pSize->given ) return;
  strbufPrintf(p->pOut, " %s %llu", zKeyword, (unsigned long long)pSize->n);
  if( pSize->unit ) strbufAppendByte(p->pOut, (unsigned char)pSize->unit);
}

static void apCreateTable(AstPrinter *p, const AstStmt *pStmt){
  int i, n = 0;
  apText(p, "CREATE TABLE ");
  apQName(p, &pStmt->u.createTable.name);
  if( pStmt->u.createTable.pAsQuery ){
    if( pStmt->u.createTable.pAsCols ){
      apText(p, " ");
      apIdentList(p, pStmt->u.createTable.pAsCols);
    }
    apText(p, " AS (");
    apQuery(p, pStmt->u.createTable.pAsQuery);
    apText(p, pStmt->u.createTable.withData ? ") WITH DATA" : ") WITH NO DATA");
  }else{
    apText(p, " (");
    for(i=0; i<pStmt->u.createTable.pColumns->n; i++){
      if( n++ ) apText(p, ", ");
      apColumnDef(p, (const AstColumnDef*)pStmt->u.createTable.pColumns->a[i]);
    }
    for(i=0; pStmt->u.createTable.pCons && i<pStmt->u.createTable.pCons->n; i++){
      apText(p, ", ");
      apConstraint(p, (const AstConstraint*)pStmt->u.createTable.pCons->a[i], 1);
    }
    apText(p, ")");
  }
  if( pStmt->u.createTable.databank.z ){
    apText(p, " IN ");
    apIdent(p, &pStmt->u.createTable.databank);
  }
}

static void apAlterTable(AstPrinter *p, const AstStmt *pStmt){
  static const char *const azBehavior[] = { "", " CASCADE", " RESTRICT" };
  apText(p, "ALTER TABLE ");
  apQName(p, &pStmt->u.alterTable.name);
  switch( pStmt->u.alterTable.action ){
    case AALT_ADD_COLUMN:
      apText(p, " ADD COLUMN ");
      apColumnDef(p, pStmt->u.alterTable.pColumn);
      break;
    case AALT_ADD_CONSTRAINT:
      apText(p, " ADD ");
      apConstraint(p, pStmt->u.alterTable.pCons, 1);
      break;
    case AALT_DROP_COLUMN:
    case AALT_DROP_CONSTRAINT:
      apText(p, pStmt->u.alterTable.action==AALT_DROP_COLUMN ? " DROP COLUMN " : " DROP CONSTRAINT ");
      apIdent(p, &pStmt->u.alterTable.target);
      apText(p, azBehavior[pStmt->u.alterTable.behavior]);
      break;
    default:
      apText(p, " ALTER COLUMN ");
      apIdent(p, &pStmt->u.alterTable.target);
      if( pStmt->u.alterTable.action==AALT_SET_DEFAULT ){
        apText(p, " SET DEFAULT ");
        apSignedValue(p, pStmt->u.alterTable.pDefault);
      }else if( pStmt->u.alterTable.action==AALT_DROP_DEFAULT ){
        apText(p, " DROP DEFAULT");
      }else{
        assert( pStmt->u.alterTable.action==AALT_SET_TYPE );
        apText(p, " SET DATA TYPE ");
        apType(p, pStmt->u.alterTable.pType);
        if( pStmt->u.alterTable.collation.name.z ){
          apText(p, " COLLATE ");
          apQName(p, &pStmt->u.alterTable.collation);
        }
      }
      break;
  }
}

static void apGrant(AstPrinter *p, const AstStmt *pStmt){
  int i;
  int isRevoke = pStmt->kind==AS_REVOKE;
  apText(p, isRevoke ? "REVOKE " : "GRANT ");
  if( isRevoke && pStmt->u.grant.grantOption ) apText(p, "GRANT OPTION FOR ");
  for(i=0; i<pStmt->u.grant.pPrivs->n; i++){
    const AstPrivilege *pPriv = pStmt->u.grant.pPrivs->a[i];
    if( i ) apText(p, ", ");
    apText(p, astPrivName(pPriv->kind));
    if( pPriv->pCols ){
      apText(p, " ");
      apIdentList(p, pPriv->pCols);
    }
  }
  if( pStmt->u.grant.hasObject ){
    apText(p, " ON ");
    if( pStmt->u.grant.objKind ){
      apText(p, astObjName(pStmt->u.grant.objKind));
      apText(p, " ");
    }
    apQName(p, &pStmt->u.grant.object);
  }
  apText(p, isRevoke ? " FROM " : " TO ");
  for(i=0; i<pStmt->u.grant.pGrantees->n; i++){
    if( i ) apText(p, ", ");
    apIdent(p, (const AstIdent*)pStmt->u.grant.pGrantees->a[i]);
  }
  if( !isRevoke && pStmt->u.grant.grantOption ) apText(p, " WITH GRANT OPTION");
  if( pStmt->u.grant.behavior==ADROP_CASCADE ) apText(p, " CASCADE");
  if( pStmt->u.grant.behavior==ADROP_RESTRICT ) apText(p, " RESTRICT");
}

/* Transaction modes, comma separated, canonical order. */
static void apTxnModes(AstPrinter *p, const AstTxnModes *pModes){
  static const char *const azIso[] = {
    "", "READ UNCOMMITTED", "READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"
  };
  const char *zSep = " ";
  if( pModes->access ){
    apText(p, pModes->access==ATXN_READ_ONLY ? " READ ONLY" : " READ WRITE");
    zSep = ", ";
  }
  if( pModes->isolation ){
    apText(p, zSep);
    apText(p, "ISOLATION LEVEL ");
    apText(p, azIso[pModes->isolation]);
    zSep = ", ";
  }
  if( pModes->pDiagSize ){
    apText(p, zSep);
    apText(p, "DIAGNOSTICS SIZE ");
    apExpr(p, pModes->pDiagSize);
    zSep = ", ";
  }
  if( pModes->start ){
    apText(p, zSep);
    apText(p, pModes->start==ATXN_START_EXPLICIT ? "START EXPLICIT" : "START IMPLICIT");
  }
}

static void apStmt(AstPrinter *p, const AstStmt *pStmt){
  static const char *const azIdentKind[] = { "", "USER", "PROGRAM", "GROUP" };
  static const char *const azLog[] = { "", "LOG", "TRANSACTION", "WORK" };
  int i;
  switch( pStmt->kind ){
    case AS_QUERY:
      apQuery(p, pStmt->u.query.pQuery);
      if( pStmt->u.query.forClause==AFOR_READ_ONLY ) apText(p, " FOR READ ONLY");
      if( pStmt->u.query.forClause==AFOR_UPDATE ){
        apText(p, " FOR UPDATE");
        for(i=0; pStmt->u.query.pForCols && i<pStmt->u.query.pForCols->n; i++){
          apText(p, i ? ", " : " OF ");
          apIdent(p, (const AstIdent*)pStmt->u.query.pForCols->a[i]);
        }
      }
      break;
    case AS_INSERT:
      apText(p, "INSERT INTO ");
      apQName(p, &pStmt->u.insert.table);
      if( pStmt->u.insert.pCols ){
        apText(p, " ");
        apIdentList(p, pStmt->u.insert.pCols);
      }
      if( pStmt->u.insert.pQuery ){
        apText(p, " ");
        apQuery(p, pStmt->u.insert.pQuery);
      }else{
        apText(p, " DEFAULT VALUES");
      }
      break;
    case AS_UPDATE:
    case AS_DELETE: {
      const AstQName *pTable = pStmt->kind==AS_UPDATE ? &pStmt->u.update.table : &pStmt->u.del.table;
      const AstIdent *pAlias = pStmt->kind==AS_UPDATE ? &pStmt->u.update.alias : &pStmt->u.del.alias;
      const AstExpr *pWhere = pStmt->kind==AS_UPDATE ? pStmt->u.update.pWhere : pStmt->u.del.pWhere;
      const AstIdent *pCursor = pStmt->kind==AS_UPDATE ? &pStmt->u.update.cursor : &pStmt->u.del.cursor;
      apText(p, pStmt->kind==AS_UPDATE ? "UPDATE " : "DELETE FROM ");
      apQName(p, pTable);
      if( pAlias->z ){
        apText(p, " AS ");
        apIdent(p, pAlias);
      }
      if( pStmt->kind==AS_UPDATE ){
        for(i=0; i<pStmt->u.update.pCols->n; i++){
          apText(p, i ? ", " : " SET ");
          apIdent(p, (const AstIdent*)pStmt->u.update.pCols->a[i]);
          apText(p, " = ");
          apExpr(p, (const AstExpr*)pStmt->u.update.pValues->a[i]);
        }
      }
      if( pWhere ){
        apText(p, " WHERE ");
        apExpr(p, pWhere);
      }else if( pCursor->z ){
        apText(p, " WHERE CURRENT OF ");
        apIdent(p, pCursor);
      }
      break;
    }
    case AS_CREATE_TABLE:
      apCreateTable(p, pStmt);
      break;
    case AS_ALTER_TABLE:
      apAlterTable(p, pStmt);
      break;
    case AS_CREATE_VIEW:
      apText(p, "CREATE VIEW ");
      apQName(p, &pStmt->u.createView.name);
      if( pStmt->u.createView.pCols ){
        apText(p, " ");
        apIdentList(p, pStmt->u.createView.pCols);
      }
      apText(p, " AS ");
      apQuery(p, pStmt->u.createView.pQuery);
      switch( pStmt->u.createView.checkOption ){
        case ACHK_PLAIN:    apText(p, " WITH CHECK OPTION"); break;
        case ACHK_CASCADED: apText(p, " WITH CASCADED CHECK OPTION"); break;
        case ACHK_LOCAL:    apText(p, " WITH LOCAL CHECK OPTION"); break;
        default: break;
      }
      break;
    case AS_CREATE_INDEX:
      apText(p, pStmt->u.createIndex.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
      apQName(p, &pStmt->u.createIndex.name);
      apText(p, " ON ");
      apQName(p, &pStmt->u.createIndex.table);
      apText(p, " (");
      for(i=0; i<pStmt->u.createIndex.pCols->n; i++){
        const AstIndexCol *pCol = pStmt->u.createIndex.pCols->a[i];
        if( i ) apText(p, ", ");
        apIdent(p, &pCol->name);
        if( pCol->dir==ASORT_ASC ) apText(p, " ASC");
        if( pCol->dir==ASORT_DESC ) apText(p, " DESC");
      }
      apText(p, ")");
      break;
    case AS_CREATE_SEQUENCE:
    case AS_ALTER_SEQUENCE:
      apText(p, pStmt->kind==AS_CREATE_SEQUENCE ? "CREATE SEQUENCE " : "ALTER SEQUENCE ");
      apQName(p, &pStmt->u.sequence.name);
      apSeqOptions(p, &pStmt->u.sequence.opt);
      if( pStmt->u.sequence.databank.z ){
        apText(p, " IN ");
        apIdent(p, &pStmt->u.sequence.databank);
      }
      break;
    case AS_CREATE_DOMAIN:
      apText(p, "CREATE DOMAIN ");
      apQName(p, &pStmt->u.createDomain.name);
      apText(p, " AS ");
      apType(p, pStmt->u.createDomain.pType);
      if( pStmt->u.createDomain.pDefault ){
        apText(p, " DEFAULT ");
        apSignedValue(p, pStmt->u.createDomain.pDefault);
      }
      if( pStmt->u.createDomain.collation.name.z ){
        apText(p, " COLLATE ");
        apQName(p, &pStmt->u.createDomain.collation);
      }
      for(i=0; pStmt->u.createDomain.pCons && i<pStmt->u.createDomain.pCons->n; i++){
        apText(p, " ");
        apConstraint(p, (const AstConstraint*)pStmt->u.createDomain.pCons->a[i], 0);
      }
      break;
    case AS_CREATE_SYNONYM:
      apText(p, "CREATE SYNONYM ");
      apQName(p, &pStmt->u.createSynonym.name);
      apText(p, " FOR ");
      apQName(p, &pStmt->u.createSynonym.target);
      break;
    case AS_CREATE_SCHEMA:
      apText(p, "CREATE SCHEMA ");
      apIdent(p, &pStmt->u.ident.name);
      break;
    case AS_CREATE_IDENT:
      apText(p, "CREATE IDENT ");
      apIdent(p, &pStmt->u.ident.name);
      apText(p, " AS ");
      apText(p, azIdentKind[pStmt->u.ident.identKind]);
      if( pStmt->u.ident.zText ){
        apText(p, " USING ");
        apString(p, pStmt->u.ident.zText);
      }
      if( pStmt->u.ident.schema==1 ) apText(p, " WITH SCHEMA");
      if( pStmt->u.ident.schema==2 ) apText(p, " WITHOUT SCHEMA");
      break;
    case AS_ALTER_IDENT:
      apText(p, "ALTER IDENT ");
      apIdent(p, &pStmt->u.ident.name);
      switch( pStmt->u.ident.action ){
        case AIDA_PASSWORD:     apText(p, " USING "); break;
        case AIDA_ADD_OS_USER:  apText(p, " ADD OS_USER "); break;
        default:                apText(p, " DROP OS_USER "); break;
      }
      apString(p, pStmt->u.ident.zText);
      break;
    case AS_CREATE_DATABANK:
      apText(p, "CREATE DATABANK ");
      apIdent(p, &pStmt->u.databank.name);
      if( pStmt->u.databank.ofPages.given ){
        strbufPrintf(p->pOut, " OF %llu PAGES", (unsigned long long)pStmt->u.databank.ofPages.n);
      }
      apSize(p, "FILESIZE", &pStmt->u.databank.fileSize);
      apSize(p, "GOALSIZE", &pStmt->u.databank.goalSize);
      apSize(p, "MAXSIZE", &pStmt->u.databank.maxSize);
      apSize(p, "MINSIZE", &pStmt->u.databank.minSize);
      if( pStmt->u.databank.zFile ){
        apText(p, " IN ");
        apString(p, pStmt->u.databank.zFile);
      }
      if( pStmt->u.databank.logOption ){
        strbufPrintf(p->pOut, " WITH %s OPTION", azLog[pStmt->u.databank.logOption]);
      }
      break;
    case AS_DROP:
      apText(p, "DROP ");
      apText(p, astObjName(pStmt->u.drop.objKind));
      apText(p, " ");
      apQName(p, &pStmt->u.drop.name);
      if( pStmt->u.drop.behavior==ADROP_CASCADE ) apText(p, " CASCADE");
      if( pStmt->u.drop.behavior==ADROP_RESTRICT ) apText(p, " RESTRICT");
      break;
    case AS_GRANT:
    case AS_REVOKE:
      apGrant(p, pStmt);
      break;
    case AS_COMMENT:
      apText(p, "COMMENT ON ");
      apText(p, astObjName(pStmt->u.comment.objKind));
      apText(p, " ");
      apQName(p, &pStmt->u.comment.name);
      if( pStmt->u.comment.column.z ){
        apText(p, ".");
        apIdent(p, &pStmt->u.comment.column);
      }
      apText(p, " IS ");
      apString(p, pStmt->u.comment.zText);
      break;
    case AS_SET_SCHEMA:
      apText(p, "SET SCHEMA ");
      for(i=0; i<pStmt->u.setSchema.pSchemas->n; i++){
        if( i ) apText(p, ", ");
        apIdent(p, (const AstIdent*)pStmt->u.setSchema.pSchemas->a[i]);
      }
      break;
    case AS_START_TRANSACTION:
      apText(p, "START TRANSACTION");
      apTxnModes(p, &pStmt->u.txn);
      break;
    case AS_SET_TRANSACTION:
      apText(p, "SET TRANSACTION");
      apTxnModes(p, &pStmt->u.txn);
      break;
    case AS_SET_SESSION:
      apText(p, "SET SESSION CHARACTERISTICS AS TRANSACTION");
      apTxnModes(p, &pStmt->u.txn);
      break;
    case AS_COMMIT:
      apText(p, "COMMIT");
      break;
    case AS_ROLLBACK:
      apText(p, "ROLLBACK");
      if( pStmt->u.txnEnd.savepoint.z ){
        apText(p, " TO SAVEPOINT ");
        apIdent(p, &pStmt->u.txnEnd.savepoint);
      }
      break;
    case AS_SAVEPOINT:
    case AS_RELEASE_SAVEPOINT:
      apText(p, pStmt->kind==AS_SAVEPOINT ? "SAVEPOINT " : "RELEASE SAVEPOINT ");
      apIdent(p, &pStmt->u.txnEnd.savepoint);
      break;
    case AS_EXPLAIN:
      apText(p, "EXPLAIN ");
      apStmt(p, pStmt->u.explain.pStmt);
      break;
    case AS_CALL:
      apText(p, "CALL ");
      apQName(p, &pStmt->u.call.name);
      apText(p, "(");
      apExprList(p, pStmt->u.call.pArgs);
      apText(p, ")");
      break;
    default:
      assert( 0 );
      break;
  }
}

/* ----------------------------------------------------------- public API */

/*
** Append the canonical text of statement pStmt to pOut.  flags is a mask
** of ASTPRINT_* bits.  Returns ML_OK or ML_E_NOMEM (from the buffer).
*/
int astPrintStmt(StrBuf *pOut, const AstStmt *pStmt, unsigned flags){
  AstPrinter pr = { pOut, flags };
  apStmt(&pr, pStmt);
  return strbufError(pOut);
}

/* Append the canonical text of query expression pQuery to pOut. */
int astPrintQuery(StrBuf *pOut, const AstQuery *pQuery, unsigned flags){
  AstPrinter pr = { pOut, flags };
  apQuery(&pr, pQuery);
  return strbufError(pOut);
}

/* Append the canonical text of expression pExpr to pOut. */
int astPrintExpr(StrBuf *pOut, const AstExpr *pExpr, unsigned flags){
  AstPrinter pr = { pOut, flags };
  apExpr(&pr, pExpr);
  return strbufError(pOut);
}

/* Append the canonical spelling of data type pType to pOut. */
int astPrintType(StrBuf *pOut, const AstType *pType, unsigned flags){
  AstPrinter pr = { pOut, flags };
  apType(&pr, pType);
  return strbufError(pOut);
}
