/*
** Declared types (catalog/ layer): the SqlType of an AstType as written in
** DDL or CAST, resolving domain names in the catalog and applying Mimer's
** limits and defaults through types/typesys.h.  One function, shared by
** sema/ (CAST) and exec/ddl.c (CREATE TABLE, CREATE DOMAIN).
*/
#include "catalog/catalog.h"

#include <string.h>

#include "types/typesys.h"

int catDeclaredType(const Catalog *p, const char *zSchema, const AstType *pAst,
                    SqlType *pOut, const CatDomain **ppDom, MlError *pErr){
  int64_t n1 = TYPE_OMITTED, n2 = TYPE_OMITTED;
  int id = pAst->t.id;
  if( ppDom ) *ppDom = 0;
  if( pAst->given & ATYPE_USER ){
    const CatDomain *pDom = catFindDomain(p, pAst->udt.schema.z ? pAst->udt.schema.z : zSchema,
                                          pAst->udt.name.z);
    if( pDom==0 ) return mlErrorSet(pErr, ML_E_UNKNOWN_TYPE, pAst->udt.name.z);
    *pOut = pDom->type;
    if( ppDom ) *ppDom = pDom;
    return ML_OK;
  }
  if( typeUdtName(id) ){             /* BUILTIN.UUID, BUILTIN.GIS_* */
    *pOut = typeSimple((SqlTypeId)id);
    return ML_OK;
  }
  if( SQLT_IS_CHARACTER(id) || SQLT_IS_BINARYSTR(id) ){
    if( pAst->given & ATYPE_LENGTH ){
      n1 = pAst->nLength;
      if( pAst->lobUnit=='K' ) n1 *= 1024;
      else if( pAst->lobUnit=='M' ) n1 *= 1048576;
      else if( pAst->lobUnit=='G' ) n1 *= 1073741824LL;
    }
  }else if( id==SQLT_TIME || id==SQLT_TIMESTAMP ){
    /* typeDeclare takes the fractional precision as the first part */
    if( pAst->given & ATYPE_SCALE ) n1 = pAst->nScale;
    else if( pAst->given & ATYPE_PRECISION ) n1 = pAst->nPrecision;
  }else{
    if( pAst->given & ATYPE_PRECISION ) n1 = pAst->nPrecision;
    if( pAst->given & ATYPE_SCALE ) n2 = pAst->nScale;
  }
  return typeDeclare((SqlTypeId)id, pAst->t.intervalKind, n1, n2, pOut, pErr);
}

static AstExpr *catDomainCheckList(AstList *pList, const char *zCol);

/*
** Walk a domain's CHECK condition e (parsed with VALUE allowed).  With
** zCol not 0, every VALUE becomes a reference to column zCol (delimited,
** so any spelling resolves), which is how a table using the domain checks
** its column.  Returns the first node a domain CHECK may not contain (a
** column reference, subquery, parameter or NEXT/CURRENT VALUE FOR), or 0.
*/
AstExpr *catDomainCheckWalk(AstExpr *e, const char *zCol){
  AstExpr *pBad = 0;
  if( e==0 ) return 0;
  switch( e->kind ){
    case AE_VALUE:
      if( zCol ){
        e->kind = AE_COLUMN;
        memset(&e->u.col, 0, sizeof(e->u.col));
        e->u.col.nPart = 1;
        e->u.col.aPart[0].z = zCol;
        e->u.col.aPart[0].isDelim = 1;
      }
      return 0;
    case AE_COLUMN: case AE_PARAM: case AE_IN_QUERY: case AE_EXISTS: case AE_SUBQUERY:
    case AE_QUANTIFIED: case AE_NEXT_VALUE: case AE_CURRENT_VALUE:
      return e;
    case AE_LIKE: pBad = catDomainCheckWalk(e->u.pEscape, zCol); break;
    case AE_BETWEEN:
      pBad = catDomainCheckWalk(e->u.between.pLow, zCol);
      if( pBad==0 ) pBad = catDomainCheckWalk(e->u.between.pHigh, zCol);
      break;
    case AE_IN_LIST: pBad = catDomainCheckList(e->u.pList, zCol); break;
    case AE_CASE:
      pBad = catDomainCheckList(e->u.kase.pWhen, zCol);
      if( pBad==0 ) pBad = catDomainCheckList(e->u.kase.pThen, zCol);
      if( pBad==0 ) pBad = catDomainCheckWalk(e->u.kase.pElse, zCol);
      break;
    case AE_FUNC: pBad = catDomainCheckList(e->u.func.pArgs, zCol); break;
    case AE_SUBSTRING: case AE_TRIM: case AE_OVERLAY:
      pBad = catDomainCheckWalk(e->u.args[0], zCol);
      if( pBad==0 ) pBad = catDomainCheckWalk(e->u.args[1], zCol);
      break;
    default:
      break;
  }
  if( pBad==0 ) pBad = catDomainCheckWalk(e->pLeft, zCol);
  if( pBad==0 ) pBad = catDomainCheckWalk(e->pRight, zCol);
  return pBad;
}

/* catDomainCheckWalk over every expression of pList (may be 0). */
static AstExpr *catDomainCheckList(AstList *pList, const char *zCol){
  int i;
  for(i=0; pList && i<pList->n; i++){
    AstExpr *pBad = catDomainCheckWalk(pList->a[i], zCol);
    if( pBad ) return pBad;
  }
  return 0;
}
