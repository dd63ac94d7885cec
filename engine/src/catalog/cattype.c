/*
** Declared types (catalog/ layer): the SqlType of an AstType as written in
** DDL or CAST, resolving domain names in the catalog and applying Mimer's
** limits and defaults through types/typesys.h.  One function, shared by
** sema/ (CAST) and exec/ddl.c (CREATE TABLE, CREATE DOMAIN).
*/
#include "catalog/catalog.h"

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
  if( id==SQLT_UUID ){
    *pOut = typeSimple(SQLT_UUID);
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
