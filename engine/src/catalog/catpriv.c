/*
** Object privileges (catalog/ layer): answers "may this ident do that to
** this object" from a loaded Catalog.  The rows come from SYSTEM.PRIVILEGES
** (catload.c); sema/semapriv.c asks when a statement is compiled and
** exec/ddl.c when GRANT or REVOKE runs.  Rules (docs/compatibility.md):
** the owner of a schema holds every privilege on its objects, with grant
** option; others need a grant to themselves or to PUBLIC ("ALL
** PRIVILEGES" covers each one); group membership is not considered.
** A privilege on a column (SYSTEM.COLUMN_PRIVILEGES) covers that column
** only.  SYSADM has no implicit privilege but may see every object.
** catPrivSupported finds the grants a REVOKE leaves without support.
*/
#include "catalog/catalog.h"

#include <assert.h>

/* True if zIdent owns schema zSchema. */
static int catOwnsSchema(const Catalog *p, const char *zIdent, const char *zSchema){
  const CatSchema *pS = catFindSchema(p, zSchema);
  return pS && pS->zOwner && catNameEq(pS->zOwner, zIdent);
}

/* True if a grant of privilege row pPriv reaches zIdent. */
static int catGrantReaches(const CatPrivilege *pPriv, const char *zIdent){
  return catNameEq(pPriv->zGrantee, zIdent) || catNameEq(pPriv->zGrantee, "PUBLIC");
}

int catHasPrivilege(const Catalog *p, const char *zIdent, int64_t id, const char *zSchema,
                    const char *zPriv, int bGrantable){
  int i;
  assert( zIdent && zSchema && zPriv );
  if( catOwnsSchema(p, zIdent, zSchema) ) return 1;
  for(i=0; i<p->nPriv; i++){
    const CatPrivilege *pPriv = &p->aPriv[i];
    if( pPriv->objectId!=id || pPriv->iCol || !catGrantReaches(pPriv, zIdent) ) continue;
    if( bGrantable && !pPriv->grantable ) continue;
    if( catNameEq(pPriv->zPriv, zPriv) || catNameEq(pPriv->zPriv, "ALL PRIVILEGES") ) return 1;
  }
  return 0;
}

int catHasColumnPrivilege(const Catalog *p, const char *zIdent, int64_t id, const char *zSchema,
                          const char *zPriv, int iCol, int bGrantable){
  int i;
  assert( iCol>0 );
  if( catHasPrivilege(p, zIdent, id, zSchema, zPriv, bGrantable) ) return 1;
  for(i=0; i<p->nPriv; i++){
    const CatPrivilege *pPriv = &p->aPriv[i];
    if( pPriv->objectId!=id || pPriv->iCol!=iCol || !catGrantReaches(pPriv, zIdent) ) continue;
    if( bGrantable && !pPriv->grantable ) continue;
    if( catNameEq(pPriv->zPriv, zPriv) ) return 1;
  }
  return 0;
}

/*
** Does descriptor pS, alive, give pD's grantor the right to grant pD: to
** that grantor or PUBLIC, with grant option, on the object or pD's
** column, of pD's privilege or ALL PRIVILEGES?
*/
static int catPrivSupports(const CatPrivilege *pS, const CatPrivilege *pD){
  if( !pS->grantable || pS->objectId!=pD->objectId ) return 0;
  if( pS->iCol && pS->iCol!=pD->iCol ) return 0;
  if( !catNameEq(pS->zGrantee, pD->zGrantor) && !catNameEq(pS->zGrantee, "PUBLIC") ) return 0;
  return catNameEq(pS->zPriv, pD->zPriv) || catNameEq(pS->zPriv, "ALL PRIVILEGES");
}

void catPrivSupported(const Catalog *p, const char *zSchema, const CatPrivilege *a, int n,
                      const uint8_t *aPresent, uint8_t *aAlive){
  int i, j, bChange = 1;
  for(i=0; i<n; i++){
    aAlive[i] = aPresent[i] && catOwnsSchema(p, a[i].zGrantor, zSchema);
  }
  while( bChange ){
    bChange = 0;
    for(i=0; i<n; i++){
      if( aAlive[i] || !aPresent[i] ) continue;
      for(j=0; j<n && !(aAlive[j] && j!=i && catPrivSupports(&a[j], &a[i])); j++){}
      if( j<n ){ aAlive[i] = 1; bChange = 1; }
    }
  }
}

int catCanSee(const Catalog *p, const char *zIdent, int64_t id, const char *zSchema){
  int i;
  assert( zIdent && zSchema );
  if( catNameEq(zIdent, "SYSADM") || catOwnsSchema(p, zIdent, zSchema) ) return 1;
  for(i=0; i<p->nPriv; i++){
    if( p->aPriv[i].objectId==id && catGrantReaches(&p->aPriv[i], zIdent) ) return 1;
  }
  return 0;
}
