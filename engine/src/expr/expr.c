/*
** Expression evaluation (expr/ layer): walks a compiled Expr tree over the
** register file of an ExecCtx.  Type rules were applied when the tree was
** built (sema/), so evaluation only calls the value operations of types/
** with the types recorded in the nodes.  Only string results allocate,
** in the per-row scratch arena.
*/
#include "expr/expr.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "sql/ast.h"
#include "txn/sequence.h"
#include "types/arith.h"
#include "types/cast.h"
#include "types/compare.h"
#include "types/datetime.h"
#include "types/strings.h"

static void exprSetBool(Value *p, int b){
  memset(p, 0, sizeof(*p));
  p->type = SQLT_BOOLEAN;
  p->u.i = b ? 1 : 0;
}

static void exprSetNull(Value *p, const SqlType *pType){
  memset(p, 0, sizeof(*p));
  p->type = pType->id;
  p->isNull = 1;
}

/* Apply comparison op to cmp (-1, 0, +1). */
static int exprCmpResult(int op, int cmp){
  switch( op ){
    case AOP_EQ: return cmp==0;
    case AOP_NE: return cmp!=0;
    case AOP_LT: return cmp<0;
    case AOP_LE: return cmp<=0;
    case AOP_GT: return cmp>0;
    default:     assert( op==AOP_GE ); return cmp>=0;
  }
}

/* Next code point of valid UTF-8 z[*pi..n), advancing *pi. */
static uint32_t exprNextChar(const char *z, uint32_t n, uint32_t *pi){
  const unsigned char *u = (const unsigned char*)z;
  uint32_t c = u[*pi], k, nb;
  nb = c>=0xF0 ? 4 : c>=0xE0 ? 3 : c>=0xC0 ? 2 : 1;
  if( nb>1 ) c &= (0x7F >> nb);
  for(k=1; k<nb && *pi+k<n; k++) c = (c<<6) | (u[*pi+k] & 0x3F);
  *pi += nb;
  return c;
}

/*
** Compare strings a and b under the SQL_IDENTIFIER collation: code points
** after simple upper-case mapping, PAD SPACE (the shorter string is
** treated as padded with blanks).  Returns <0, 0, >0.  Never allocates.
*/
static int exprCompareIdent(const char *a, uint32_t na, const char *b, uint32_t nb){
  uint32_t ia = 0, ib = 0;
  while( ia<na || ib<nb ){
    uint32_t ca = ia<na ? strToUpper(exprNextChar(a, na, &ia)) : ' ';
    uint32_t cb = ib<nb ? strToUpper(exprNextChar(b, nb, &ib)) : ' ';
    if( ca!=cb ) return ca<cb ? -1 : 1;
  }
  return 0;
}

/*
** Compare a and b (types ta, tb); two strings of which either has the
** SQL_IDENTIFIER collation compare case-insensitively.
*/
static int exprCompare(ExecCtx *pCtx, const Value *a, const SqlType *ta,
                       const Value *b, const SqlType *tb, int *pCmp){
  int rc;
  if( (SQLT_IS_IDENT_COLL(ta) || SQLT_IS_IDENT_COLL(tb))
   && SQLT_IS_CHARACTER(ta->id) && SQLT_IS_CHARACTER(tb->id) ){
    int c = exprCompareIdent(a->u.s.z, a->u.s.n, b->u.s.z, b->u.s.n);
    *pCmp = c<0 ? -1 : c>0;
    return ML_OK;
  }
  rc = valueCompare(a, ta, b, tb, pCmp);
  if( rc ) return mlErrorSet(pCtx->pErr, rc, "operands", "comparison");
  return ML_OK;
}

/* The sequence state key and definition of pSeq. */
static void exprSeqDef(const CatSequence *pSeq, SeqDef *pDef){
  pDef->zName = pSeq->zName;
  pDef->iStart = pSeq->iStart;
  pDef->iIncrement = pSeq->iIncrement;
  pDef->iMin = pSeq->iMin;
  pDef->iMax = pSeq->iMax;
  pDef->bCycle = pSeq->bCycle;
}

/* Remember v as this session's CURRENT VALUE of sequence id. */
static int exprSeqRemember(ExecCtx *pCtx, int64_t id, int64_t v){
  ExecSeqState *p = pCtx->pSeq;
  int i;
  if( p==0 ) return ML_OK;
  for(i=0; i<p->n; i++){
    if( p->aId[i]==id ){ p->aValue[i] = v; return ML_OK; }
  }
  if( p->n==p->nAlloc ){
    int nNew = p->nAlloc ? p->nAlloc*2 : 8;
    int64_t *aId = realloc(p->aId, sizeof(int64_t)*nNew);
    int64_t *aV;
    if( aId==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
    p->aId = aId;
    aV = realloc(p->aValue, sizeof(int64_t)*nNew);
    if( aV==0 ) return mlErrorSet(pCtx->pErr, ML_E_NOMEM);
    p->aValue = aV;
    p->nAlloc = nNew;
  }
  p->aId[p->n] = id;
  p->aValue[p->n] = v;
  p->n++;
  return ML_OK;
}

static int exprNextValue(ExecCtx *pCtx, const Expr *p, Value *pOut){
  unsigned char aKey[16];
  size_t nKey = catSequenceKey(p->pSeq->id, aKey);
  SeqDef def;
  int64_t v;
  int rc;
  exprSeqDef(p->pSeq, &def);
  if( pCtx->pSeqCache ){
    rc = seqCacheNext(pCtx->pSeqCache, pCtx->pEnv, p->pSeq->id, aKey, nKey, &def, &v, pCtx->pErr);
  }else{
    rc = seqNext(pCtx->pEnv, aKey, nKey, &def, &v, pCtx->pErr);
  }
  if( rc ) return rc;
  rc = exprSeqRemember(pCtx, p->pSeq->id, v);
  if( rc ) return rc;
  pCtx->iSeqValue = v;
  pCtx->bSeqValue = 1;
  memset(pOut, 0, sizeof(*pOut));
  pOut->type = p->type.id;
  pOut->u.i = v;
  return ML_OK;
}

static int exprCurrentValue(ExecCtx *pCtx, const Expr *p, Value *pOut){
  ExecSeqState *s = pCtx->pSeq;
  int i;
  for(i=0; s && i<s->n; i++){
    if( s->aId[i]==p->pSeq->id ){
      memset(pOut, 0, sizeof(*pOut));
      pOut->type = p->type.id;
      pOut->u.i = s->aValue[i];
      return ML_OK;
    }
  }
  return mlErrorSetText(pCtx->pErr, ML_E_INVALID_USE,
      "CURRENT VALUE FOR %s.%s before NEXT VALUE FOR in this session",
      p->pSeq->zSchema, p->pSeq->zName);
}

static int exprSpecial(ExecCtx *pCtx, const Expr *p, Value *pOut){
  const char *z = 0;
  memset(pOut, 0, sizeof(*pOut));
  pOut->type = p->type.id;
  switch( p->op ){
    case ASV_CURRENT_DATE:
      pOut->u.date = pCtx->tsNow.date;
      return ML_OK;
    case ASV_CURRENT_TIME: case ASV_LOCALTIME:
      pOut->u.time = dtTimeRound(pCtx->tsNow.time, p->type.scale);
      return ML_OK;
    case ASV_CURRENT_TIMESTAMP: case ASV_LOCALTIMESTAMP: {
      int rc;
      pOut->u.ts = pCtx->tsNow;
      rc = dtTimestampRound(&pOut->u.ts, p->type.scale);
      return rc ? mlErrorSet(pCtx->pErr, rc, "") : ML_OK;
    }
    case ASV_CURRENT_SCHEMA: case ASV_CURRENT_PATH:
      z = pCtx->zSchema;
      break;
    default:
      z = pCtx->zUser;
      break;
  }
  pOut->u.s.z = z ? z : "";
  pOut->u.s.n = (uint32_t)strlen(pOut->u.s.z);
  return ML_OK;
}

/*
** Subqueries.  Scalar: at most one row (ML_E_CARDINALITY beyond), its
** value copied to the scratch arena since the subquery's buffers go away
** at close.  EXISTS: any row.  IN/ANY/ALL: compare pA with every row.
*/
static int exprSubquery(ExecCtx *pCtx, const Expr *p, Value *pOut){
  ExecOp *pSub = p->pSub;
  Value left;
  int rc, bAny = 0, bNull = 0, bAll = 1, nRow = 0;
  if( p->op==EXPR_SQ_IN || p->op==EXPR_SQ_ANY || p->op==EXPR_SQ_ALL ){
    rc = exprEval(pCtx, p->pA, &left);
    if( rc ) return rc;
  }
  rc = execOpen(pSub, pCtx);
  while( rc==ML_OK ){
    rc = execNext(pSub, pCtx);
    if( rc ) break;
    nRow++;
    if( p->op==EXPR_SQ_SCALAR ){
      if( nRow>1 ){ rc = mlErrorSet(pCtx->pErr, ML_E_CARDINALITY); break; }
      rc = execValueCopy(pCtx->pScratch, pOut, &pCtx->aReg[p->iReg]);
      if( rc ){ mlErrorSet(pCtx->pErr, rc); break; }
    }else if( p->op==EXPR_SQ_EXISTS ){
      bAny = 1;
      break;
    }else{
      const Value *r = &pCtx->aReg[p->iReg];
      int cmp, op = p->op==EXPR_SQ_IN ? AOP_EQ : p->field;
      if( left.isNull || r->isNull ){ bNull = 1; continue; }
      rc = exprCompare(pCtx, &left, &p->pA->type, r, &p->subType, &cmp);
      if( rc ) break;
      if( exprCmpResult(op, cmp) ){
        bAny = 1;
        if( p->op!=EXPR_SQ_ALL ) break;
      }else{
        bAll = 0;
        if( p->op==EXPR_SQ_ALL ) break;
      }
    }
  }
  execClose(pSub, pCtx);
  if( rc==ML_DONE ) rc = ML_OK;
  if( rc ) return rc;
  switch( p->op ){
    case EXPR_SQ_SCALAR:
      if( nRow==0 ) exprSetNull(pOut, &p->type);
      break;
    case EXPR_SQ_EXISTS:
      exprSetBool(pOut, bAny);
      break;
    case EXPR_SQ_ALL:
      if( !bAll ) exprSetBool(pOut, 0);
      else if( bNull ) exprSetNull(pOut, &p->type);
      else exprSetBool(pOut, 1);
      break;
    default:
      if( bAny ) exprSetBool(pOut, 1);
      else if( bNull ) exprSetNull(pOut, &p->type);
      else exprSetBool(pOut, 0);
      if( p->isNot && !pOut->isNull ) pOut->u.i = !pOut->u.i;
      break;
  }
  return ML_OK;
}

/* x IN (list): TRUE on a match, UNKNOWN if a NULL was met, else FALSE. */
static int exprInList(ExecCtx *pCtx, const Expr *p, Value *pOut){
  Value a, b;
  int rc, i, bNull = 0;
  rc = exprEval(pCtx, p->pA, &a);
  if( rc ) return rc;
  if( a.isNull ){ exprSetNull(pOut, &p->type); return ML_OK; }
  for(i=0; i<p->nArg; i++){
    int cmp;
    rc = exprEval(pCtx, p->apArg[i], &b);
    if( rc ) return rc;
    if( b.isNull ){ bNull = 1; continue; }
    rc = exprCompare(pCtx, &a, &p->pA->type, &b, &p->apArg[i]->type, &cmp);
    if( rc ) return rc;
    if( cmp==0 ){ exprSetBool(pOut, !p->isNot); return ML_OK; }
  }
  if( bNull ) exprSetNull(pOut, &p->type);
  else exprSetBool(pOut, p->isNot);
  return ML_OK;
}

static int exprLikeEval(ExecCtx *pCtx, const Expr *p, Value *pOut){
  Value a, b, e;
  uint32_t cEsc = 0;
  int rc, bMatch, hasEsc = 0;
  rc = exprEval(pCtx, p->pA, &a);
  if( rc==ML_OK ) rc = exprEval(pCtx, p->pB, &b);
  if( rc ) return rc;
  if( p->pC ){
    rc = exprEval(pCtx, p->pC, &e);
    if( rc ) return rc;
    if( e.isNull ){ exprSetNull(pOut, &p->type); return ML_OK; }
    if( strCharCount(e.u.s.z, e.u.s.n)!=1 ){
      return mlErrorSetText(pCtx->pErr, ML_E_INVALID_USE, "Invalid escape character in LIKE");
    }
    cEsc = (unsigned char)e.u.s.z[0];
    if( cEsc>=0x80 ){
      /* decode the one UTF-8 character */
      int nb = cEsc>=0xF0 ? 4 : cEsc>=0xE0 ? 3 : 2, k;
      cEsc &= (0x7F >> nb);
      for(k=1; k<nb; k++) cEsc = (cEsc<<6) | ((unsigned char)e.u.s.z[k] & 0x3F);
    }
    hasEsc = 1;
  }
  if( a.isNull || b.isNull ){ exprSetNull(pOut, &p->type); return ML_OK; }
  if( SQLT_IS_IDENT_COLL(&p->pA->type) || SQLT_IS_IDENT_COLL(&p->pB->type) ){
    /* SQL_IDENTIFIER collation: match the upper-cased forms (scratch) */
    rc = strCaseMap(pCtx->pScratch, a.u.s.z, a.u.s.n, 1, 0, &a.u.s.z, &a.u.s.n);
    if( rc==ML_OK ) rc = strCaseMap(pCtx->pScratch, b.u.s.z, b.u.s.n, 1, 0, &b.u.s.z, &b.u.s.n);
    if( rc ) return mlErrorSet(pCtx->pErr, rc);
    cEsc = strToUpper(cEsc);
  }
  {
    uint32_t na = a.u.s.n;
    /* CHAR values compare without their padding */
    if( a.type==SQLT_CHAR || a.type==SQLT_NCHAR ) na = strTrimRightLen(a.u.s.z, na);
    rc = exprLike(a.u.s.z, na, b.u.s.z, b.u.s.n, hasEsc, cEsc, &bMatch);
  }
  if( rc ) return mlErrorSetText(pCtx->pErr, rc, "Invalid escape sequence in LIKE pattern");
  exprSetBool(pOut, p->isNot ? !bMatch : bMatch);
  return ML_OK;
}

int exprEval(ExecCtx *pCtx, const Expr *p, Value *pOut){
  Value a, b;
  int rc, cmp, i;
  switch( p->kind ){
    case EXPR_CONST:
      *pOut = p->v;
      return ML_OK;
    case EXPR_REG:
      *pOut = pCtx->aReg[p->iReg];
      return ML_OK;
    case EXPR_PARAM:
      *pOut = pCtx->aParam[p->iReg];
      return ML_OK;
    case EXPR_CMP:
      rc = exprEval(pCtx, p->pA, &a);
      if( rc==ML_OK ) rc = exprEval(pCtx, p->pB, &b);
      if( rc ) return rc;
      if( a.isNull || b.isNull ){ exprSetNull(pOut, &p->type); return ML_OK; }
      rc = exprCompare(pCtx, &a, &p->pA->type, &b, &p->pB->type, &cmp);
      if( rc ) return rc;
      exprSetBool(pOut, exprCmpResult(p->op, cmp));
      return ML_OK;
    case EXPR_AND:
      rc = exprEval(pCtx, p->pA, &a);
      if( rc ) return rc;
      if( !a.isNull && a.u.i==0 ){ exprSetBool(pOut, 0); return ML_OK; }
      rc = exprEval(pCtx, p->pB, &b);
      if( rc ) return rc;
      if( !b.isNull && b.u.i==0 ){ exprSetBool(pOut, 0); return ML_OK; }
      if( a.isNull || b.isNull ) exprSetNull(pOut, &p->type);
      else exprSetBool(pOut, 1);
      return ML_OK;
    case EXPR_OR:
      rc = exprEval(pCtx, p->pA, &a);
      if( rc ) return rc;
      if( !a.isNull && a.u.i ){ exprSetBool(pOut, 1); return ML_OK; }
      rc = exprEval(pCtx, p->pB, &b);
      if( rc ) return rc;
      if( !b.isNull && b.u.i ){ exprSetBool(pOut, 1); return ML_OK; }
      if( a.isNull || b.isNull ) exprSetNull(pOut, &p->type);
      else exprSetBool(pOut, 0);
      return ML_OK;
    case EXPR_NOT:
      rc = exprEval(pCtx, p->pA, &a);
      if( rc ) return rc;
      if( a.isNull ) exprSetNull(pOut, &p->type);
      else exprSetBool(pOut, !a.u.i);
      return ML_OK;
    case EXPR_IS: {
      int r;
      rc = exprEval(pCtx, p->pA, &a);
      if( rc ) return rc;
      switch( p->op ){
        case AIS_NULL: case AIS_UNKNOWN: r = a.isNull; break;
        case AIS_TRUE: r = !a.isNull && a.u.i; break;
        default:       r = !a.isNull && !a.u.i; break;
      }
      exprSetBool(pOut, p->isNot ? !r : r);
      return ML_OK;
    }
    case EXPR_ARITH:
      rc = exprEval(pCtx, p->pA, &a);
      if( rc==ML_OK ) rc = exprEval(pCtx, p->pB, &b);
      if( rc ) return rc;
      if( a.isNull || b.isNull ){ exprSetNull(pOut, &p->type); return ML_OK; }
      return valueArith(p->op, &a, &p->pA->type, &b, &p->pB->type, &p->type, pOut, pCtx->pErr);
    case EXPR_NEG:
      rc = exprEval(pCtx, p->pA, &a);
      if( rc ) return rc;
      if( a.isNull ){ exprSetNull(pOut, &p->type); return ML_OK; }
      return valueNegate(&a, &p->pA->type, &p->type, pOut, pCtx->pErr);
    case EXPR_CONCAT:
      rc = exprEval(pCtx, p->pA, &a);
      if( rc==ML_OK ) rc = exprEval(pCtx, p->pB, &b);
      if( rc ) return rc;
      if( a.isNull || b.isNull ){ exprSetNull(pOut, &p->type); return ML_OK; }
      return valueConcat(&a, &p->pA->type, &b, &p->pB->type, &p->type, pCtx->pScratch,
                         pOut, pCtx->pErr);
    case EXPR_CAST:
      rc = exprEval(pCtx, p->pA, &a);
      if( rc ) return rc;
      return valueCast(&a, &p->pA->type, &p->type, pCtx->pScratch, pOut, pCtx->pErr);
    case EXPR_DOMAIN_CHECK: {
      /* the condition sees the value (NULL too) through register iReg;
      ** only FALSE violates it, as for a table's CHECK */
      Value c;
      rc = exprEval(pCtx, p->pA, pOut);
      if( rc ) return rc;
      pCtx->aReg[p->iReg] = *pOut;
      rc = exprEval(pCtx, p->pB, &c);
      if( rc==ML_OK && !c.isNull && c.u.i==0 ){
        rc = mlErrorSetText(pCtx->pErr, ML_E_CHECK_VIOLATION,
                            "Check constraint %s violated by a value cast to domain %s",
                            p->zName, p->zName+strlen(p->zName)+1);
      }
      return rc;
    }
    case EXPR_CASE:
      for(i=0; i+1<p->nArg; i+=2){
        int bTrue;
        rc = exprTest(pCtx, p->apArg[i], &bTrue);
        if( rc ) return rc;
        if( bTrue ){
          rc = exprEval(pCtx, p->apArg[i+1], &a);
          if( rc ) return rc;
          return valueCast(&a, &p->apArg[i+1]->type, &p->type, pCtx->pScratch, pOut, pCtx->pErr);
        }
      }
      if( i<p->nArg ){
        rc = exprEval(pCtx, p->apArg[i], &a);
        if( rc ) return rc;
        return valueCast(&a, &p->apArg[i]->type, &p->type, pCtx->pScratch, pOut, pCtx->pErr);
      }
      exprSetNull(pOut, &p->type);
      return ML_OK;
    case EXPR_LIKE:
      return exprLikeEval(pCtx, p, pOut);
    case EXPR_IN_LIST:
      return exprInList(pCtx, p, pOut);
    case EXPR_FUNC:
      return exprFuncEval(pCtx, p, pOut);
    case EXPR_NEXTVAL:
      return exprNextValue(pCtx, p, pOut);
    case EXPR_CURVAL:
      return exprCurrentValue(pCtx, p, pOut);
    case EXPR_SPECIAL:
      return exprSpecial(pCtx, p, pOut);
    case EXPR_SUBQ:
      return exprSubquery(pCtx, p, pOut);
    default:
      assert( 0 );
      return mlErrorSet(pCtx->pErr, ML_E_INTERNAL, "unknown expression kind");
  }
}

int exprTest(ExecCtx *pCtx, const Expr *p, int *pb){
  Value v;
  int rc = exprEval(pCtx, p, &v);
  if( rc ) return rc;
  *pb = !v.isNull && v.u.i!=0;
  return ML_OK;
}
