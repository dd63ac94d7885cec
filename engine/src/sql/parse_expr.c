/*
** Expressions, literals and data types for the SQL parser (sql/ layer;
** see parseint.h).  Expressions are parsed by precedence climbing (Pratt)
** with SQL's binding powers, loosest first:
**
**   OR < AND < NOT < comparison, IS, LIKE, BETWEEN, IN (non-associative)
**      < || + - < * / < unary + - < COLLATE < primary
**
** Row values ((a, b) = (1, 2)) and IS DISTINCT FROM are not Mimer SQL
** (spec §2) and fail as syntax errors.  Reserved words are never names,
** except the few Mimer uses as function names (DAY(x), LEFT(s, n) ...),
** which keywords.def marks KWF_FUNCTION.
*/
#include "sql/parseint.h"
#include "types/typesys.h"

#include <assert.h>
#include <string.h>
#include <strings.h>

/* A new zeroed expression node of `kind` at source offset iPos. */
int parseNewExpr(Parser *p, int kind, uint32_t iPos, AstExpr **ppExpr){
  AstExpr *pExpr = astAlloc(p->pArena, sizeof(AstExpr));
  *ppExpr = pExpr;
  if( pExpr==0 ) return ML_E_NOMEM;
  pExpr->kind = (uint8_t)kind;
  pExpr->iPos = iPos;
  return ML_OK;
}

/* New operator node pLeft op pRight (pRight 0 for unary). */
static int parseNewOp(Parser *p, int kind, int op, AstExpr *pLeft,
                      AstExpr *pRight, uint32_t iPos, AstExpr **ppExpr){
  int rc = parseNewExpr(p, kind, iPos, ppExpr);
  if( rc ) return rc;
  (*ppExpr)->op = (uint8_t)op;
  (*ppExpr)->pLeft = pLeft;
  (*ppExpr)->pRight = pRight;
  return ML_OK;
}

static uint8_t parseClamp8(uint32_t v){ return v>255 ? 255 : (uint8_t)v; }

/* Value of the decimal digits z[0..n-1], saturated at UINT64_MAX. */
static uint64_t parseDigits(const char *z, size_t n){
  uint64_t v = 0;
  size_t i;
  for(i=0; i<n && z[i]>='0' && z[i]<='9'; i++){
    unsigned d = (unsigned)(z[i]-'0');
    if( v>(UINT64_MAX-d)/10 ) return UINT64_MAX;
    v = v*10 + d;
  }
  return v;
}

/* An unsigned integer literal token, as a number saturated at UINT32_MAX. */
static int parseUint32(Parser *p, uint32_t *pv){
  const SqlToken *pTok = parsePeek(p, 0);
  uint64_t v;
  if( pTok->type!=TK_INTLIT ) return parseErrExpected(p, "UNSIGNED INTEGER");
  v = parseDigits(p->zSql+pTok->iOff, pTok->n);
  *pv = v>UINT32_MAX ? UINT32_MAX : (uint32_t)v;
  p->iTok++;
  return ML_OK;
}

/* ------------------------------------------------------------ literals */

/*
** Keep the source text zSql[iOff..iOff+n-1] of literal pLit, copied into
** the arena so that the tree does not depend on the caller's buffer.
*/
static int parseLitSource(Parser *p, AstLiteral *pLit, uint32_t iOff, uint32_t n){
  pLit->zSrc = arenaStrndup(p->pArena, p->zSql+iOff, n);
  pLit->nSrc = n;
  return pLit->zSrc ? ML_OK : ML_E_NOMEM;
}

/* A literal node for the current token, class cls; consumes the token. */
static int parseNewLiteral(Parser *p, int cls, AstExpr **ppExpr){
  const SqlToken *pTok = parsePeek(p, 0);
  int rc = parseNewExpr(p, AE_LITERAL, pTok->iOff, ppExpr);
  if( rc ) return rc;
  (*ppExpr)->u.lit.cls = (uint8_t)cls;
  rc = parseLitSource(p, &(*ppExpr)->u.lit, pTok->iOff, pTok->n);
  p->iTok++;
  return rc;
}

/*
** Numeric literal.  Exact literals get Mimer's precision and scale: every
** digit counts, leading and trailing zeros too (007 is precision 3,
** 003.1400 is DECIMAL(7,4)); approximate ones the count of mantissa digits.
*/
static int parseNumber(Parser *p, AstExpr **ppExpr){
  const SqlToken *pTok = parsePeek(p, 0);
  const char *z = p->zSql + pTok->iOff;
  uint32_t i, nDigit = 0, nFrac = 0;
  int afterPoint = 0;
  int cls = pTok->type==TK_FLOATLIT ? ALIT_APPROX : ALIT_EXACT;
  AstLiteral *pLit;
  int rc = parseNewLiteral(p, cls, ppExpr);
  if( rc ) return rc;
  pLit = &(*ppExpr)->u.lit;
  for(i=0; i<pTok->n && z[i]!='e' && z[i]!='E'; i++){
    if( z[i]=='.' ){ afterPoint = 1; continue; }
    nDigit++;
    if( afterPoint ) nFrac++;
  }
  pLit->precision = nDigit;
  pLit->scale = cls==ALIT_EXACT ? nFrac : 0;
  pLit->z = pLit->zSrc;
  pLit->n = pLit->nSrc;
  return ML_OK;
}

/* String literal of any kind: '..', N'..', U&'..', X'..'. */
static int parseStringLit(Parser *p, AstExpr **ppExpr){
  const SqlToken *pTok = parsePeek(p, 0);
  AstLiteral *pLit;
  int cls, rc;
  switch( pTok->type ){
    case TK_STRING:  cls = ALIT_CHAR; break;
    case TK_NSTRING: cls = ALIT_NCHAR; break;
    case TK_USTRING: cls = ALIT_UNICODE; break;
    default:         cls = ALIT_BINARY; break;
  }
  assert( pTok->type>=TK_STRING && pTok->type<=TK_XSTRING );
  rc = parseNewExpr(p, AE_LITERAL, pTok->iOff, ppExpr);
  if( rc ) return rc;
  pLit = &(*ppExpr)->u.lit;
  pLit->cls = (uint8_t)cls;
  rc = parseLitSource(p, pLit, pTok->iOff, pTok->n);
  if( rc==ML_OK ) rc = sqlTokenString(p->pArena, p->zSql, pTok, &pLit->z, &pLit->n);
  if( rc==ML_OK ) p->iTok++;
  return rc;
}

/* DATE '...', TIME '...', TIMESTAMP '...': the keyword is current. */
static int parseDatetimeLit(Parser *p, AstExpr **ppExpr){
  const SqlToken *pKw = parsePeek(p, 0);
  const SqlToken *pStr = parsePeek(p, 1);
  int cls = pKw->type==TK_DATE ? ALIT_DATE : pKw->type==TK_TIME ? ALIT_TIME : ALIT_TIMESTAMP;
  AstLiteral *pLit;
  int rc;
  assert( pStr->type==TK_STRING );
  rc = parseNewExpr(p, AE_LITERAL, pKw->iOff, ppExpr);
  if( rc ) return rc;
  pLit = &(*ppExpr)->u.lit;
  pLit->cls = (uint8_t)cls;
  rc = parseLitSource(p, pLit, pKw->iOff, pStr->iOff + pStr->n - pKw->iOff);
  if( rc==ML_OK ) rc = sqlTokenString(p->pArena, p->zSql, pStr, &pLit->z, &pLit->n);
  if( rc==ML_OK ) p->iTok += 2;
  return rc;
}

/* The interval field keyword at token k as an IVK_ value, or -1. */
static int parseIntervalField(const Parser *p, int k){
  switch( parseTokAt(p, k) ){
    case TK_YEAR:   return IVK_YEAR;
    case TK_MONTH:  return IVK_MONTH;
    case TK_DAY:    return IVK_DAY;
    case TK_HOUR:   return IVK_HOUR;
    case TK_MINUTE: return IVK_MINUTE;
    case TK_SECOND: return IVK_SECOND;
    default:        return -1;
  }
}

/*
** Interval qualifier: start [(p)] [TO end [(s)]], or SECOND [(p [, s])].
** Fills pType (kind, leading precision, fractional precision) and records
** which precisions were written.
*/
static int parseIntervalQualifier(Parser *p, AstType *pType){
  static const char *const azEnd[] = { "'MONTH'", 0, "'SECOND'", "'SECOND'", "'SECOND'", 0 };
  int start = parseIntervalField(p, 0), end, kind = -1;
  int rc = ML_OK;
  if( start<0 ) return parseErrExpected(p, "'DAY'");
  p->iTok++;
  pType->t.id = SQLT_INTERVAL;
  if( parseAccept(p, TK_LP) ){
    rc = parseUint32(p, &pType->nPrecision);
    pType->given |= ATYPE_PRECISION;
    if( rc==ML_OK && start==IVK_SECOND && parseAccept(p, TK_COMMA) ){
      rc = parseUint32(p, &pType->nScale);
      pType->given |= ATYPE_SCALE;
    }
    if( rc==ML_OK ) rc = parseExpect(p, TK_RP);
    if( rc ) return rc;
  }
  if( !parseAccept(p, TK_TO) ){
    kind = start;
  }else{
    end = parseIntervalField(p, 0);
    if( start==IVK_YEAR && end==IVK_MONTH ) kind = IVK_YEAR_TO_MONTH;
    else if( start==IVK_DAY && end==IVK_HOUR ) kind = IVK_DAY_TO_HOUR;
    else if( start==IVK_DAY && end==IVK_MINUTE ) kind = IVK_DAY_TO_MINUTE;
    else if( start==IVK_DAY && end==IVK_SECOND ) kind = IVK_DAY_TO_SECOND;
    else if( start==IVK_HOUR && end==IVK_MINUTE ) kind = IVK_HOUR_TO_MINUTE;
    else if( start==IVK_HOUR && end==IVK_SECOND ) kind = IVK_HOUR_TO_SECOND;
    else if( start==IVK_MINUTE && end==IVK_SECOND ) kind = IVK_MINUTE_TO_SECOND;
    if( kind<0 ){
      const char *zEnd = azEnd[start];
      if( zEnd==0 ){ p->iTok--; return parseErrIgnored(p); }
      return parseErrExpected(p, zEnd);
    }
    p->iTok++;
    if( end==IVK_SECOND && parseAccept(p, TK_LP) ){
      rc = parseUint32(p, &pType->nScale);
      pType->given |= ATYPE_SCALE;
      if( rc==ML_OK ) rc = parseExpect(p, TK_RP);
    }
  }
  pType->t.intervalKind = (uint8_t)kind;
  pType->t.precision = parseClamp8(pType->nPrecision);
  pType->t.scale = parseClamp8(pType->nScale);
  return rc;
}

/* A new AstType at the current token. */
static int parseNewType(Parser *p, AstType **ppType){
  AstType *pType = astAlloc(p->pArena, sizeof(AstType));
  *ppType = pType;
  if( pType==0 ) return ML_E_NOMEM;
  pType->iPos = parsePeek(p, 0)->iOff;
  return ML_OK;
}

/* INTERVAL [+|-] '...' qualifier: INTERVAL is current. */
static int parseIntervalLit(Parser *p, AstExpr **ppExpr){
  const SqlToken *pKw = parsePeek(p, 0);
  const SqlToken *pStr;
  AstLiteral *pLit;
  int rc = parseNewExpr(p, AE_LITERAL, pKw->iOff, ppExpr);
  if( rc ) return rc;
  pLit = &(*ppExpr)->u.lit;
  pLit->cls = ALIT_INTERVAL;
  p->iTok++;
  if( parseAccept(p, TK_MINUS) ) pLit->neg = 1;
  else parseAccept(p, TK_PLUS);
  pStr = parsePeek(p, 0);
  if( pStr->type!=TK_STRING ) return parseErrExpected(p, "STRING LITERAL");
  rc = sqlTokenString(p->pArena, p->zSql, pStr, &pLit->z, &pLit->n);
  if( rc ) return rc;
  p->iTok++;
  rc = parseNewType(p, &pLit->pType);
  if( rc==ML_OK ) rc = parseIntervalQualifier(p, pLit->pType);
  if( rc==ML_OK ){
    const SqlToken *pLast = &p->aTok[p->iTok-1];
    rc = parseLitSource(p, pLit, pKw->iOff, pLast->iOff + pLast->n - pKw->iOff);
  }
  return rc;
}

/* Parameter marker ? or :name; numbered in order of appearance. */
static int parseParam(Parser *p, AstExpr **ppExpr){
  const SqlToken *pTok = parsePeek(p, 0);
  AstExpr *pExpr;
  int rc = parseNewExpr(p, AE_PARAM, pTok->iOff, ppExpr);
  if( rc ) return rc;
  pExpr = *ppExpr;
  if( pTok->type==TK_NAMEDPARAM ){
    pExpr->u.param.zName = arenaStrndup(p->pArena, p->zSql+pTok->iOff+1, pTok->n-1);
    if( pExpr->u.param.zName==0 ) return ML_E_NOMEM;
  }
  rc = astListAppend(p->pArena, &p->pParams, pExpr);
  if( rc ) return rc;
  pExpr->u.param.iOrdinal = p->pParams->n;
  p->iTok++;
  return ML_OK;
}

/* An unsigned integer literal or a parameter (OFFSET, FETCH, SIZE). */
int parseUnsignedParam(Parser *p, AstExpr **ppExpr){
  int t = parseTok(p);
  if( t==TK_INTLIT ) return parseNumber(p, ppExpr);
  if( t==TK_QMARK || t==TK_NAMEDPARAM ) return parseParam(p, ppExpr);
  return parseErrExpected(p, "UNSIGNED INTEGER");
}

/* [+|-] unsigned integer literal (sequence options). */
int parseSignedInteger(Parser *p, AstExpr **ppExpr){
  const SqlToken *pTok = parsePeek(p, 0);
  int op = pTok->type==TK_MINUS ? AOP_NEG : pTok->type==TK_PLUS ? AOP_POS : 0;
  AstExpr *pNum;
  int rc;
  if( op ) p->iTok++;
  if( parseTok(p)!=TK_INTLIT ) return parseErrExpected(p, "UNSIGNED INTEGER");
  rc = parseNumber(p, &pNum);
  if( rc || !op ){ *ppExpr = pNum; return rc; }
  return parseNewOp(p, AE_UNARY, op, pNum, 0, pTok->iOff, ppExpr);
}

/* -------------------------------------------------------------- types */

/*
** "(n)" of a string or binary type.  With bLob, the length may carry a
** K, M or G multiplier: (10K), (10 K).
*/
static int parseTypeLength(Parser *p, AstType *pType, int bLob){
  const SqlToken *pTok;
  int rc;
  if( !parseAccept(p, TK_LP) ) return ML_OK;
  pTok = parsePeek(p, 0);
  pType->given |= ATYPE_LENGTH;
  if( bLob && pTok->type==TK_LOBLEN ){
    uint64_t v = parseDigits(p->zSql+pTok->iOff, pTok->n-1);
    pType->nLength = v>UINT32_MAX ? UINT32_MAX : (uint32_t)v;
    pType->lobUnit = (char)(p->zSql[pTok->iOff+pTok->n-1] & ~0x20);
    p->iTok++;
  }else{
    rc = parseUint32(p, &pType->nLength);
    if( rc ) return rc;
    pTok = parsePeek(p, 0);
    if( bLob && pTok->type==TK_ID && pTok->n==1 && strchr("KMGkmg", p->zSql[pTok->iOff]) ){
      pType->lobUnit = (char)(p->zSql[pTok->iOff] & ~0x20);
      p->iTok++;
    }
  }
  if( pType->lobUnit ){
    uint64_t m = pType->lobUnit=='K' ? 1024u : pType->lobUnit=='M' ? 1048576u : 1073741824u;
    uint64_t v = (uint64_t)pType->nLength * m;
    pType->t.length = v>UINT32_MAX ? UINT32_MAX : (uint32_t)v;
  }else{
    pType->t.length = pType->nLength;
  }
  return parseExpect(p, TK_RP);
}

/* "(p)" or "(p, s)" (bScale) of a numeric type. */
static int parseTypePrecision(Parser *p, AstType *pType, int bScale){
  int rc;
  if( !parseAccept(p, TK_LP) ) return ML_OK;
  rc = parseUint32(p, &pType->nPrecision);
  pType->given |= ATYPE_PRECISION;
  if( rc==ML_OK && bScale && parseAccept(p, TK_COMMA) ){
    rc = parseUint32(p, &pType->nScale);
    pType->given |= ATYPE_SCALE;
  }
  pType->t.precision = parseClamp8(pType->nPrecision);
  pType->t.scale = parseClamp8(pType->nScale);
  return rc ? rc : parseExpect(p, TK_RP);
}

/* "(s)" of TIME or TIMESTAMP: the fractional seconds precision. */
static int parseTypeFraction(Parser *p, AstType *pType){
  int rc;
  if( !parseAccept(p, TK_LP) ) return ML_OK;
  rc = parseUint32(p, &pType->nScale);
  pType->given |= ATYPE_SCALE;
  pType->t.scale = parseClamp8(pType->nScale);
  return rc ? rc : parseExpect(p, TK_RP);
}

/*
** The rest of a character type after CHARACTER/CHAR (or NATIONAL
** CHARACTER, NCHAR): VARYING (n) | LARGE OBJECT [(n)] | [(n)].  aId holds
** the fixed, varying and large object type ids.
*/
static int parseCharTail(Parser *p, AstType *pType, const SqlTypeId *aId){
  int rc;
  if( parseAccept(p, TK_VARYING) ){
    pType->t.id = (uint8_t)aId[1];
    return parseTypeLength(p, pType, 0);
  }
  if( parseAccept(p, TK_LARGE) ){
    pType->t.id = (uint8_t)aId[2];
    rc = parseExpect(p, TK_OBJECT);
    return rc ? rc : parseTypeLength(p, pType, 1);
  }
  pType->t.id = (uint8_t)aId[0];
  return parseTypeLength(p, pType, 0);
}

/*
** A data type: a predefined type with all its synonyms (spec §2), or a
** domain / user-defined type name ([schema.]name; TINYINT lands here and
** is refused later with -12561).  BUILTIN.UUID and BUILTIN.GIS_* get their
** own type ids (typeBuiltinUdt).
*/
int parseType(Parser *p, AstType **ppType){
  static const SqlTypeId aChar[] = { SQLT_CHAR, SQLT_VARCHAR, SQLT_CLOB };
  static const SqlTypeId aNchar[] = { SQLT_NCHAR, SQLT_NVARCHAR, SQLT_NCLOB };
  static const SqlTypeId aBinary[] = { SQLT_BINARY, SQLT_VARBINARY, SQLT_BLOB };
  AstType *pType;
  int t = parseTok(p);
  int rc = parseNewType(p, ppType);
  if( rc ) return rc;
  pType = *ppType;
  if( t!=TK_ID && t!=TK_DQID && t!=TK_UQID && SQL_IS_KEYWORD(t)
   && !(sqlKeywordFlags(t) & KWF_RESERVED) && parseTokAt(p, 1)!=TK_DOT ){
    p->iTok++;
    switch( t ){
      case TK_CHARACTER: case TK_CHAR: return parseCharTail(p, pType, aChar);
      case TK_NCHAR: return parseCharTail(p, pType, aNchar);
      case TK_BINARY: return parseCharTail(p, pType, aBinary);
      case TK_VARCHAR: pType->t.id = SQLT_VARCHAR; return parseTypeLength(p, pType, 0);
      case TK_NVARCHAR: pType->t.id = SQLT_NVARCHAR; return parseTypeLength(p, pType, 0);
      case TK_VARBINARY: pType->t.id = SQLT_VARBINARY; return parseTypeLength(p, pType, 0);
      case TK_CLOB: pType->t.id = SQLT_CLOB; return parseTypeLength(p, pType, 1);
      case TK_NCLOB: pType->t.id = SQLT_NCLOB; return parseTypeLength(p, pType, 1);
      case TK_BLOB: pType->t.id = SQLT_BLOB; return parseTypeLength(p, pType, 1);
      case TK_SMALLINT: pType->t.id = SQLT_SMALLINT; return ML_OK;
      case TK_BIGINT: pType->t.id = SQLT_BIGINT; return ML_OK;
      case TK_INTEGER: case TK_INT:
        pType->t.id = parseTok(p)==TK_LP ? SQLT_INTEGER_P : SQLT_INTEGER;
        return parseTypePrecision(p, pType, 0);
      case TK_DECIMAL: case TK_DEC: case TK_NUMERIC:
        pType->t.id = SQLT_DECIMAL;
        return parseTypePrecision(p, pType, 1);
      case TK_FLOAT:
        pType->t.id = parseTok(p)==TK_LP ? SQLT_FLOAT_P : SQLT_DOUBLE;
        return parseTypePrecision(p, pType, 0);
      case TK_REAL: pType->t.id = SQLT_REAL; return ML_OK;
      case TK_DOUBLE: pType->t.id = SQLT_DOUBLE; return parseExpect(p, TK_PRECISION);
      case TK_BOOLEAN: pType->t.id = SQLT_BOOLEAN; return ML_OK;
      case TK_DATE: pType->t.id = SQLT_DATE; return ML_OK;
      case TK_TIME: pType->t.id = SQLT_TIME; return parseTypeFraction(p, pType);
      case TK_TIMESTAMP: pType->t.id = SQLT_TIMESTAMP; return parseTypeFraction(p, pType);
      default: p->iTok--; break;
    }
  }
  if( t==TK_NATIONAL ){
    p->iTok++;
    if( !parseAccept(p, TK_CHARACTER) && !parseAccept(p, TK_CHAR) ){
      return parseErrExpected(p, "'CHARACTER'");
    }
    return parseCharTail(p, pType, aNchar);
  }
  if( t==TK_INTERVAL ){
    p->iTok++;
    return parseIntervalQualifier(p, pType);
  }
  rc = parseQName(p, &pType->udt);
  if( rc ) return rc;
  if( pType->udt.schema.z && strcasecmp(pType->udt.schema.z, "BUILTIN")==0
   && typeBuiltinUdt(pType->udt.name.z)!=SQLT_NULL ){
    pType->t.id = (uint8_t)typeBuiltinUdt(pType->udt.name.z);
  }else{
    pType->given |= ATYPE_USER;
  }
  return ML_OK;
}

/* ------------------------------------------------------- expressions */

/* Comma-separated function arguments up to ')' (the '(' is consumed). */
static int parseArgs(Parser *p, AstList **ppArgs){
  int rc = ML_OK;
  if( parseAccept(p, TK_RP) ) return ML_OK;
  do{
    AstExpr *pArg;
    rc = parseExpr(p, &pArg);
    if( rc==ML_OK ) rc = astListAppend(p->pArena, ppArgs, pArg);
  }while( rc==ML_OK && parseAccept(p, TK_COMMA) );
  return rc ? rc : parseExpect(p, TK_RP);
}

/*
** The rest of an instance method call x.m(args) (Mimer's methods of the
** BUILTIN types, loc.LATITUDE()): pInstance is x, pName the method name
** already read, '(' is current.  *ppExpr becomes an AE_FUNC with isMethod
** whose first argument is x.
*/
static int parseMethodTail(Parser *p, AstExpr *pInstance, const AstIdent *pName,
                           uint32_t iPos, AstExpr **ppExpr){
  AstExpr *pExpr;
  int rc = parseNewExpr(p, AE_FUNC, iPos, &pExpr);
  if( rc==ML_OK ) rc = astListAppend(p->pArena, &pExpr->u.func.pArgs, pInstance);
  if( rc==ML_OK ) rc = parseExpect(p, TK_LP);
  if( rc ) return rc;
  pExpr->u.func.name.name = *pName;
  pExpr->u.func.isMethod = 1;
  *ppExpr = pExpr;
  return parseArgs(p, &pExpr->u.func.pArgs);
}

/*
** A name in expression position: a column reference of up to three parts,
** or, when followed by '(', a function call (name possibly qualified) with
** optional DISTINCT/ALL, or COUNT(*).  Only schema BUILTIN has functions:
** c.m( and t.c.m( call method m of column c or t.c.
*/
static int parseNameExpr(Parser *p, AstExpr **ppExpr){
  AstIdent aPart[3];
  int nPart = 0, rc;
  uint32_t iPos = parsePeek(p, 0)->iOff;
  AstExpr *pExpr;
  memset(aPart, 0, sizeof(aPart));
  if( !parseIsIdent(p, 0) ){
    /* A reserved word Mimer also uses as a function name: DAY(x) ... */
    const SqlToken *pTok = parsePeek(p, 0);
    assert( sqlKeywordFlags(pTok->type) & KWF_FUNCTION );
    rc = sqlTokenIdent(p->pArena, p->zSql, pTok, &aPart[0].z);
    if( rc ) return rc;
    aPart[0].iPos = pTok->iOff;
    p->iTok++;
    nPart = 1;
  }else{
    rc = parseIdent(p, &aPart[nPart++]);
    while( rc==ML_OK && nPart<3 && parseTok(p)==TK_DOT && parseIsIdent(p, 1) ){
      p->iTok++;
      rc = parseIdent(p, &aPart[nPart++]);
    }
    if( rc ) return rc;
  }
  if( parseTok(p)!=TK_LP || nPart==3 ){
    int bMethod = parseTok(p)==TK_LP;
    rc = parseNewExpr(p, AE_COLUMN, iPos, ppExpr);
    if( rc ) return rc;
    (*ppExpr)->u.col.nPart = nPart - bMethod;
    memcpy((*ppExpr)->u.col.aPart, aPart, sizeof(aPart[0])*(size_t)(nPart - bMethod));
    if( bMethod ) return parseMethodTail(p, *ppExpr, &aPart[2], aPart[2].iPos, ppExpr);
    return ML_OK;
  }
  if( nPart==2 && strcasecmp(aPart[0].z, "BUILTIN")!=0 ){
    /* c.m( is method m of column c: only schema BUILTIN has functions */
    rc = parseNewExpr(p, AE_COLUMN, iPos, ppExpr);
    if( rc ) return rc;
    (*ppExpr)->u.col.nPart = 1;
    (*ppExpr)->u.col.aPart[0] = aPart[0];
    return parseMethodTail(p, *ppExpr, &aPart[1], aPart[1].iPos, ppExpr);
  }
  rc = parseNewExpr(p, AE_FUNC, iPos, ppExpr);
  if( rc ) return rc;
  pExpr = *ppExpr;
  if( nPart==2 ){
    pExpr->u.func.name.schema = aPart[0];
    pExpr->u.func.name.name = aPart[1];
  }else{
    pExpr->u.func.name.name = aPart[0];
  }
  p->iTok++;
  if( parseTok(p)==TK_STAR && parseTokAt(p, 1)==TK_RP ){
    p->iTok += 2;
    pExpr->u.func.isStar = 1;
    return ML_OK;
  }
  if( parseAccept(p, TK_DISTINCT) ) pExpr->u.func.quant = AFQ_DISTINCT;
  else if( parseAccept(p, TK_ALL) ) pExpr->u.func.quant = AFQ_ALL;
  if( pExpr->u.func.quant && parseTok(p)==TK_RP ) return parseErrExpected(p, "IDENTIFIER");
  return parseArgs(p, &pExpr->u.func.pArgs);
}

/* CASE [operand] WHEN .. THEN .. [...] [ELSE ..] END; CASE is current. */
static int parseCase(Parser *p, AstExpr **ppExpr){
  AstExpr *pExpr;
  int rc = parseNewExpr(p, AE_CASE, parsePeek(p, 0)->iOff, ppExpr);
  if( rc ) return rc;
  pExpr = *ppExpr;
  p->iTok++;
  if( parseTok(p)!=TK_WHEN ){
    rc = parseExpr(p, &pExpr->pLeft);
    if( rc ) return rc;
  }
  if( parseTok(p)!=TK_WHEN ) return parseErrExpected(p, "'WHEN'");
  while( parseAccept(p, TK_WHEN) ){
    AstExpr *pWhen, *pThen;
    rc = parseExpr(p, &pWhen);
    if( rc==ML_OK ) rc = parseExpect(p, TK_THEN);
    if( rc==ML_OK ) rc = parseExpr(p, &pThen);
    if( rc==ML_OK ) rc = astListAppend(p->pArena, &pExpr->u.kase.pWhen, pWhen);
    if( rc==ML_OK ) rc = astListAppend(p->pArena, &pExpr->u.kase.pThen, pThen);
    if( rc ) return rc;
  }
  if( parseAccept(p, TK_ELSE) ){
    rc = parseExpr(p, &pExpr->u.kase.pElse);
    if( rc ) return rc;
  }
  return parseExpect(p, TK_END);
}

/* CAST(expr AS type); CAST is current. */
static int parseCast(Parser *p, AstExpr **ppExpr){
  int rc = parseNewExpr(p, AE_CAST, parsePeek(p, 0)->iOff, ppExpr);
  if( rc ) return rc;
  p->iTok++;
  rc = parseExpect(p, TK_LP);
  if( rc==ML_OK ) rc = parseExpr(p, &(*ppExpr)->pLeft);
  if( rc==ML_OK ) rc = parseExpect(p, TK_AS);
  if( rc==ML_OK ) rc = parseType(p, &(*ppExpr)->u.pType);
  return rc ? rc : parseExpect(p, TK_RP);
}

/*
** The special forms SUBSTRING(x FROM a [FOR b]), TRIM([spec] [c] FROM x),
** POSITION(a IN b), EXTRACT(field FROM x), OVERLAY(x PLACING y FROM a
** [FOR b]).  The keyword is current and '(' follows.
*/
static int parseSpecialForm(Parser *p, AstExpr **ppExpr){
  const SqlToken *pKw = parsePeek(p, 0);
  AstExpr *pExpr;
  int kind, rc;
  switch( pKw->type ){
    case TK_SUBSTRING: kind = AE_SUBSTRING; break;
    case TK_TRIM:      kind = AE_TRIM; break;
    case TK_POSITION:  kind = AE_POSITION; break;
    case TK_EXTRACT:   kind = AE_EXTRACT; break;
    default:           kind = AE_OVERLAY; break;
  }
  rc = parseNewExpr(p, kind, pKw->iOff, ppExpr);
  if( rc ) return rc;
  pExpr = *ppExpr;
  p->iTok += 2;
  switch( kind ){
    case AE_SUBSTRING:
      rc = parseExpr(p, &pExpr->pLeft);
      if( rc==ML_OK ) rc = parseExpect(p, TK_FROM);
      if( rc==ML_OK ) rc = parseExpr(p, &pExpr->u.args[0]);
      if( rc==ML_OK && parseAccept(p, TK_FOR) ) rc = parseExpr(p, &pExpr->u.args[1]);
      break;
    case AE_TRIM: {
      AstExpr *pFirst = 0;
      if( parseAccept(p, TK_LEADING) ) pExpr->op = ATRIM_LEADING;
      else if( parseAccept(p, TK_TRAILING) ) pExpr->op = ATRIM_TRAILING;
      else if( parseAccept(p, TK_BOTH) ) pExpr->op = ATRIM_BOTH;
      if( pExpr->op==ATRIM_NONE || parseTok(p)!=TK_FROM ){
        rc = parseExpr(p, &pFirst);
        if( rc ) return rc;
      }
      if( parseAccept(p, TK_FROM) ){
        pExpr->u.args[0] = pFirst;
        rc = parseExpr(p, &pExpr->pLeft);
      }else if( pExpr->op!=ATRIM_NONE ){
        return parseErrExpected(p, "'FROM'");
      }else{
        pExpr->pLeft = pFirst;
      }
      break;
    }
    case AE_POSITION:
      rc = parseExprPrec(p, PREC_ADD, &pExpr->pLeft);
      if( rc==ML_OK ) rc = parseExpect(p, TK_IN);
      if( rc==ML_OK ) rc = parseExpr(p, &pExpr->pRight);
      break;
    case AE_EXTRACT: {
      int field = parseIntervalField(p, 0);
      if( field<0 ) return parseErrExpected(p, "'YEAR'");
      pExpr->op = (uint8_t)field;
      p->iTok++;
      rc = parseExpect(p, TK_FROM);
      if( rc==ML_OK ) rc = parseExpr(p, &pExpr->pLeft);
      break;
    }
    default:
      rc = parseExpr(p, &pExpr->pLeft);
      if( rc==ML_OK ) rc = parseExpect(p, TK_PLACING);
      if( rc==ML_OK ) rc = parseExpr(p, &pExpr->pRight);
      if( rc==ML_OK ) rc = parseExpect(p, TK_FROM);
      if( rc==ML_OK ) rc = parseExpr(p, &pExpr->u.args[0]);
      if( rc==ML_OK && parseAccept(p, TK_FOR) ) rc = parseExpr(p, &pExpr->u.args[1]);
      break;
  }
  return rc ? rc : parseExpect(p, TK_RP);
}

/* The special value for keyword token t, or 0. */
static int parseSpecialValue(int t){
  switch( t ){
    case TK_CURRENT_DATE:      return ASV_CURRENT_DATE;
    case TK_CURRENT_TIME:      return ASV_CURRENT_TIME;
    case TK_CURRENT_TIMESTAMP: return ASV_CURRENT_TIMESTAMP;
    case TK_LOCALTIME:         return ASV_LOCALTIME;
    case TK_LOCALTIMESTAMP:    return ASV_LOCALTIMESTAMP;
    case TK_CURRENT_USER:      return ASV_CURRENT_USER;
    case TK_SESSION_USER:      return ASV_SESSION_USER;
    case TK_SYSTEM_USER:       return ASV_SYSTEM_USER;
    case TK_USER:              return ASV_USER;
    case TK_CURRENT_PATH:      return ASV_CURRENT_PATH;
    case TK_CURRENT_SCHEMA:    return ASV_CURRENT_SCHEMA;
    default:                   return 0;
  }
}

/* A special value (CURRENT_DATE, LOCALTIMESTAMP(3), USER ...); sv is current. */
static int parseSpecial(Parser *p, int sv, AstExpr **ppExpr){
  AstExpr *pExpr;
  int rc = parseNewExpr(p, AE_SPECIAL, parsePeek(p, 0)->iOff, ppExpr);
  if( rc ) return rc;
  pExpr = *ppExpr;
  pExpr->op = (uint8_t)sv;
  p->iTok++;
  if( astSpecialTakesPrecision(sv) && parseAccept(p, TK_LP) ){
    pExpr->u.special.hasPrecision = 1;
    rc = parseUint32(p, &pExpr->u.special.precision);
    if( rc==ML_OK ) rc = parseExpect(p, TK_RP);
  }
  return rc;
}

/* NEXT VALUE FOR seq / CURRENT VALUE FOR seq; NEXT or CURRENT is current. */
static int parseSequenceValue(Parser *p, AstExpr **ppExpr){
  int kind = parseTok(p)==TK_NEXT ? AE_NEXT_VALUE : AE_CURRENT_VALUE;
  int rc = parseNewExpr(p, kind, parsePeek(p, 0)->iOff, ppExpr);
  if( rc ) return rc;
  p->iTok++;
  rc = parseExpect(p, TK_VALUE);
  if( rc==ML_OK ) rc = parseExpect(p, TK_FOR);
  if( rc==ML_OK ) rc = parseQName(p, &(*ppExpr)->u.seq);
  return rc;
}

/*
** A parenthesised expression or a subquery; '(' is current.  "(query)" is
** a scalar subquery; a parenthesised subquery followed by UNION, ORDER BY
** ... continues as a query expression: ((SELECT ..) UNION (SELECT ..)).
** "(a, b)" (a row value) is a syntax error.  "(x) DAY(7)" gives the
** interval between datetimes.
*/
static int parseParen(Parser *p, AstExpr **ppExpr){
  uint32_t iPos = parsePeek(p, 0)->iOff;
  AstExpr *pExpr;
  int rc;
  p->iTok++;
  if( parseTok(p)==TK_SELECT || parseTok(p)==TK_WITH || parseTok(p)==TK_VALUES ){
    rc = parseNewExpr(p, AE_SUBQUERY, iPos, &pExpr);
    if( rc==ML_OK ) rc = parseQuery(p, &pExpr->u.pQuery);
  }else{
    rc = parseExpr(p, &pExpr);
    if( rc==ML_OK && pExpr->kind==AE_SUBQUERY && parseIsQueryContinuation(p) ){
      rc = parseQueryContinue(p, pExpr->u.pQuery, &pExpr->u.pQuery);
    }
  }
  if( rc==ML_OK ) rc = parseExpect(p, TK_RP);
  if( rc ) return rc;
  if( parseIntervalField(p, 0)>=0 ){
    AstExpr *pInner = pExpr;
    rc = parseNewExpr(p, AE_INTERVAL_OF, iPos, &pExpr);
    if( rc==ML_OK ){
      pExpr->pLeft = pInner;
      rc = parseNewType(p, &pExpr->u.pType);
    }
    if( rc==ML_OK ) rc = parseIntervalQualifier(p, pExpr->u.pType);
  }
  *ppExpr = pExpr;
  return rc;
}

/* A primary without method calls: literal, name, call, parameter, (expr),
** subquery, CASE ... */
static int parsePrimaryTerm(Parser *p, AstExpr **ppExpr){
  const SqlToken *pTok = parsePeek(p, 0);
  int t = pTok->type, t1 = parseTokAt(p, 1);
  int sv, rc;
  switch( t ){
    case TK_INTLIT: case TK_DECLIT: case TK_FLOATLIT:
      return parseNumber(p, ppExpr);
    case TK_STRING: case TK_NSTRING: case TK_USTRING: case TK_XSTRING:
      return parseStringLit(p, ppExpr);
    case TK_QMARK: case TK_NAMEDPARAM:
      return parseParam(p, ppExpr);
    case TK_LP:
      return parseParen(p, ppExpr);
    case TK_NULL:
      return parseNewLiteral(p, ALIT_NULL, ppExpr);
    case TK_UNKNOWN:
      return parseNewLiteral(p, ALIT_UNKNOWN, ppExpr);
    case TK_TRUE: case TK_FALSE:
      rc = parseNewLiteral(p, ALIT_BOOLEAN, ppExpr);
      if( rc==ML_OK ) (*ppExpr)->u.lit.bVal = t==TK_TRUE;
      return rc;
    case TK_INTERVAL:
      return parseIntervalLit(p, ppExpr);
    case TK_CASE:
      return parseCase(p, ppExpr);
    case TK_CAST:
      return parseCast(p, ppExpr);
    case TK_EXISTS:
      rc = parseNewExpr(p, AE_EXISTS, pTok->iOff, ppExpr);
      if( rc ) return rc;
      p->iTok++;
      rc = parseExpect(p, TK_LP);
      if( rc==ML_OK ) rc = parseQuery(p, &(*ppExpr)->u.pQuery);
      return rc ? rc : parseExpect(p, TK_RP);
    case TK_NEXT: case TK_CURRENT:
      if( t1!=TK_VALUE ) break;
      return parseSequenceValue(p, ppExpr);
    case TK_VALUE:
      if( !p->allowValue ) break;
      rc = parseNewExpr(p, AE_VALUE, pTok->iOff, ppExpr);
      if( rc==ML_OK ) p->iTok++;
      return rc;
    case TK_DATE: case TK_TIME: case TK_TIMESTAMP:
      if( t1==TK_STRING ) return parseDatetimeLit(p, ppExpr);
      break;
    case TK_SUBSTRING: case TK_TRIM: case TK_POSITION: case TK_EXTRACT: case TK_OVERLAY:
      if( t1==TK_LP ) return parseSpecialForm(p, ppExpr);
      break;
    case TK_CURRENT_SCHEMA:
      if( t1!=TK_LP && t1!=TK_DOT ) return parseSpecial(p, ASV_CURRENT_SCHEMA, ppExpr);
      break;
    default:
      sv = parseSpecialValue(t);
      if( sv ) return parseSpecial(p, sv, ppExpr);
      break;
  }
  if( parseIsIdent(p, 0) || ((sqlKeywordFlags(t) & KWF_FUNCTION) && t1==TK_LP) ){
    return parseNameExpr(p, ppExpr);
  }
  return parseErrExpected(p, "IDENTIFIER");
}

/* A primary followed by any instance method calls: x.m(...).n(...). */
static int parsePrimary(Parser *p, AstExpr **ppExpr){
  int rc = parsePrimaryTerm(p, ppExpr);
  while( rc==ML_OK && parseTok(p)==TK_DOT && parseIsIdent(p, 1) && parseTokAt(p, 2)==TK_LP ){
    AstIdent name;
    uint32_t iPos;
    p->iTok++;
    iPos = parsePeek(p, 0)->iOff;
    rc = parseIdent(p, &name);
    if( rc==ML_OK ) rc = parseMethodTail(p, *ppExpr, &name, iPos, ppExpr);
  }
  return rc;
}

/* A collation name after COLLATE (already consumed). */
int parseCollation(Parser *p, AstQName *pName){
  return parseQName(p, pName);
}

/*
** The binding power of the current token as an infix operator (0 if it is
** none); *pOp gets the AstOp of binary operators, *pNot is set for the NOT
** LIKE / NOT IN / NOT BETWEEN forms.
*/
static int parseInfixPrec(const Parser *p, int *pOp, int *pNot){
  int t = parseTok(p);
  *pNot = 0;
  *pOp = 0;
  switch( t ){
    case TK_OR:     *pOp = AOP_OR;  return PREC_OR;
    case TK_AND:    *pOp = AOP_AND; return PREC_AND;
    case TK_EQ:     *pOp = AOP_EQ;  return PREC_COMPARE;
    case TK_NE:     *pOp = AOP_NE;  return PREC_COMPARE;
    case TK_LT:     *pOp = AOP_LT;  return PREC_COMPARE;
    case TK_LE:     *pOp = AOP_LE;  return PREC_COMPARE;
    case TK_GT:     *pOp = AOP_GT;  return PREC_COMPARE;
    case TK_GE:     *pOp = AOP_GE;  return PREC_COMPARE;
    case TK_IS: case TK_LIKE: case TK_BETWEEN: case TK_IN:
      return PREC_COMPARE;
    case TK_NOT: {
      int t1 = parseTokAt(p, 1);
      if( t1==TK_LIKE || t1==TK_BETWEEN || t1==TK_IN ){ *pNot = 1; return PREC_COMPARE; }
      return 0;
    }
    case TK_CONCAT: *pOp = AOP_CONCAT; return PREC_ADD;
    case TK_PLUS:   *pOp = AOP_ADD; return PREC_ADD;
    case TK_MINUS:  *pOp = AOP_SUB; return PREC_ADD;
    case TK_STAR:   *pOp = AOP_MUL; return PREC_MUL;
    case TK_SLASH:  *pOp = AOP_DIV; return PREC_MUL;
    default:        return 0;
  }
}

/*
** The predicate that starts at the current token (IS, LIKE, BETWEEN, IN,
** or a comparison, possibly quantified), with pLeft as its left operand.
** A NOT before LIKE/BETWEEN/IN has been consumed (bNot).
*/
static int parsePredicate(Parser *p, AstExpr *pLeft, int op, int bNot,
                          AstExpr **ppExpr){
  int t = parseTok(p);
  AstExpr *pExpr;
  int rc, kind;
  switch( t ){
    case TK_IS:      kind = AE_IS; break;
    case TK_LIKE:    kind = AE_LIKE; break;
    case TK_BETWEEN: kind = AE_BETWEEN; break;
    case TK_IN:      kind = AE_IN_LIST; break;
    default:         kind = AE_BINARY; break;
  }
  rc = parseNewOp(p, kind, op, pLeft, 0, pLeft->iPos, ppExpr);
  if( rc ) return rc;
  pExpr = *ppExpr;
  pExpr->isNot = (uint8_t)bNot;
  p->iTok++;
  switch( kind ){
    case AE_IS:
      if( parseAccept(p, TK_NOT) ) pExpr->isNot = 1;
      if( parseAccept(p, TK_NULL) ) pExpr->op = AIS_NULL;
      else if( parseAccept(p, TK_TRUE) ) pExpr->op = AIS_TRUE;
      else if( parseAccept(p, TK_FALSE) ) pExpr->op = AIS_FALSE;
      else if( parseAccept(p, TK_UNKNOWN) ) pExpr->op = AIS_UNKNOWN;
      else return parseErrExpected(p, "'NULL'");
      return ML_OK;
    case AE_LIKE:
      rc = parseExprPrec(p, PREC_ADD, &pExpr->pRight);
      if( rc==ML_OK && parseAccept(p, TK_ESCAPE) ) rc = parseExprPrec(p, PREC_ADD, &pExpr->u.pEscape);
      return rc;
    case AE_BETWEEN:
      if( parseAccept(p, TK_SYMMETRIC) ) pExpr->u.between.symmetric = 1;
      else if( parseAccept(p, TK_ASYMMETRIC) ) pExpr->u.between.symmetric = 2;
      rc = parseExprPrec(p, PREC_ADD, &pExpr->u.between.pLow);
      if( rc==ML_OK ) rc = parseExpect(p, TK_AND);
      if( rc==ML_OK ) rc = parseExprPrec(p, PREC_ADD, &pExpr->u.between.pHigh);
      return rc;
    case AE_IN_LIST:
      rc = parseExpect(p, TK_LP);
      if( rc ) return rc;
      if( parseIsQueryStart(p, 0) && parseTok(p)!=TK_LP ){
        pExpr->kind = AE_IN_QUERY;
        rc = parseQuery(p, &pExpr->u.pQuery);
      }else{
        do{
          AstExpr *pItem;
          rc = parseExpr(p, &pItem);
          if( rc==ML_OK && pItem->kind==AE_SUBQUERY && pExpr->u.pList==0
           && parseIsQueryContinuation(p) ){
            pExpr->kind = AE_IN_QUERY;
            rc = parseQueryContinue(p, pItem->u.pQuery, &pExpr->u.pQuery);
            break;
          }
          if( rc==ML_OK ) rc = astListAppend(p->pArena, &pExpr->u.pList, pItem);
        }while( rc==ML_OK && parseAccept(p, TK_COMMA) );
      }
      return rc ? rc : parseExpect(p, TK_RP);
    default:
      break;
  }
  t = parseTok(p);
  if( t==TK_ANY || t==TK_SOME || t==TK_ALL ){
    pExpr->kind = AE_QUANTIFIED;
    pExpr->u.quant.quant = t==TK_ANY ? AQUANT_ANY : t==TK_SOME ? AQUANT_SOME : AQUANT_ALL;
    p->iTok++;
    rc = parseExpect(p, TK_LP);
    if( rc==ML_OK && !parseIsQueryStart(p, 0) ) rc = parseErrExpected(p, "'SELECT'");
    if( rc==ML_OK ) rc = parseQuery(p, &pExpr->u.quant.pQuery);
    return rc ? rc : parseExpect(p, TK_RP);
  }
  return parseExprPrec(p, PREC_ADD, &pExpr->pRight);
}

/*
** Parse an expression whose operators all bind at least as tightly as
** minPrec (a PREC_* value).  Comparisons and the other predicates do not
** chain: "a = b = c" stops before the second '='.
*/
int parseExprPrec(Parser *p, int minPrec, AstExpr **ppExpr){
  const SqlToken *pTok = parsePeek(p, 0);
  AstExpr *pLeft = 0;
  int didPredicate = 0, nChain = 0;
  int rc = parseEnter(p);
  if( rc ) return rc;
  if( pTok->type==TK_NOT && minPrec<=PREC_NOT ){
    AstExpr *pOperand;
    p->iTok++;
    rc = parseExprPrec(p, PREC_NOT, &pOperand);
    if( rc==ML_OK ) rc = parseNewOp(p, AE_UNARY, AOP_NOT, pOperand, 0, pTok->iOff, &pLeft);
  }else if( pTok->type==TK_MINUS || pTok->type==TK_PLUS ){
    AstExpr *pOperand;
    p->iTok++;
    rc = parseExprPrec(p, PREC_UNARY, &pOperand);
    if( rc==ML_OK ){
      rc = parseNewOp(p, AE_UNARY, pTok->type==TK_MINUS ? AOP_NEG : AOP_POS,
                      pOperand, 0, pTok->iOff, &pLeft);
    }
  }else{
    rc = parsePrimary(p, &pLeft);
    while( rc==ML_OK && parseTok(p)==TK_COLLATE ){
      AstExpr *pColl;
      p->iTok++;
      rc = parseNewOp(p, AE_COLLATE, 0, pLeft, 0, pLeft->iPos, &pColl);
      if( rc==ML_OK ) rc = parseCollation(p, &pColl->u.collation);
      pLeft = pColl;
    }
  }
  while( rc==ML_OK ){
    int op, bNot;
    int prec = parseInfixPrec(p, &op, &bNot);
    if( prec==0 || prec<minPrec ) break;
    if( p->nDepth + ++nChain > PARSE_MAX_DEPTH ){
      rc = parseErrTooComplex(p);
      break;
    }
    if( prec==PREC_COMPARE ){
      if( didPredicate ) break;
      didPredicate = 1;
      if( bNot ) p->iTok++;
      rc = parsePredicate(p, pLeft, op, bNot, &pLeft);
    }else{
      AstExpr *pRight;
      p->iTok++;
      rc = parseExprPrec(p, prec+1, &pRight);
      if( rc==ML_OK ) rc = parseNewOp(p, AE_BINARY, op, pLeft, pRight, pLeft->iPos, &pLeft);
    }
  }
  parseLeave(p);
  *ppExpr = pLeft;
  return rc;
}

/* A complete value expression or search condition. */
int parseExpr(Parser *p, AstExpr **ppExpr){
  return parseExprPrec(p, PREC_OR, ppExpr);
}

/*
** The value of a DEFAULT clause: NULL, an optionally signed literal, a
** datetime or user special value, or NEXT VALUE FOR seq.  Anything else
** (a column, an arithmetic expression) is a syntax error.
*/
int parseDefaultValue(Parser *p, AstExpr **ppExpr){
  const SqlToken *pTok = parsePeek(p, 0);
  int t = pTok->type, t1 = parseTokAt(p, 1);
  if( t==TK_MINUS || t==TK_PLUS ){
    AstExpr *pNum;
    int rc;
    if( t1!=TK_INTLIT && t1!=TK_DECLIT && t1!=TK_FLOATLIT ){
      p->iTok++;
      return parseErrExpected(p, "NUMERIC LITERAL");
    }
    p->iTok++;
    rc = parseNumber(p, &pNum);
    if( rc ) return rc;
    return parseNewOp(p, AE_UNARY, t==TK_MINUS ? AOP_NEG : AOP_POS, pNum, 0, pTok->iOff, ppExpr);
  }
  if( (t>=TK_INTLIT && t<=TK_FLOATLIT) || (t>=TK_STRING && t<=TK_XSTRING)
   || t==TK_NULL || t==TK_TRUE || t==TK_FALSE || t==TK_UNKNOWN || t==TK_INTERVAL
   || ((t==TK_DATE || t==TK_TIME || t==TK_TIMESTAMP) && t1==TK_STRING)
   || ((t==TK_NEXT || t==TK_CURRENT) && t1==TK_VALUE)
   || (parseSpecialValue(t) && !(t==TK_CURRENT_SCHEMA && (t1==TK_LP || t1==TK_DOT))) ){
    return parsePrimary(p, ppExpr);
  }
  return parseErrExpected(p, "'NULL'");
}

/* A size n, nK, n K (databank FILESIZE ...), into *pSize. */
int parseSize(Parser *p, AstSize *pSize){
  const SqlToken *pTok = parsePeek(p, 0);
  pSize->given = 1;
  if( pTok->type==TK_LOBLEN ){
    pSize->n = parseDigits(p->zSql+pTok->iOff, pTok->n-1);
    pSize->unit = (char)(p->zSql[pTok->iOff+pTok->n-1] & ~0x20);
    p->iTok++;
    return ML_OK;
  }
  if( pTok->type!=TK_INTLIT ) return parseErrExpected(p, "UNSIGNED INTEGER");
  pSize->n = parseDigits(p->zSql+pTok->iOff, pTok->n);
  p->iTok++;
  pTok = parsePeek(p, 0);
  if( pTok->type==TK_ID && pTok->n==1 && strchr("KMGkmg", p->zSql[pTok->iOff]) ){
    pSize->unit = (char)(p->zSql[pTok->iOff] & ~0x20);
    p->iTok++;
  }
  return ML_OK;
}
