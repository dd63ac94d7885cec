/*
** Object privileges (catalog/ layer): answers "may this ident do that to
** this object" from a loaded Catalog.  The rows come from SYSTEM.PRIVILEGES
** (catload.c); sema/semapriv.c asks when a statement is compiled and
** exec/ddl.c when GRANT or REVOKE runs.  Rules (docs/compatibility.md):
** the owner of a schema holds every privilege on its objects, with grant
** option; others need a grant to themselves or to PUBLIC ("ALL
** PRIVILEGES" covers each one); group membership is not considered.
** SYSADM has no implicit privilege but may see every object.
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
    if( pPriv->objectId!=id || !catGrantReaches(pPriv, zIdent) ) continue;
    if( bGrantable && !pPriv->grantable ) continue;
    if( catNameEq(pPriv->zPriv, zPriv) || catNameEq(pPriv->zPriv, "ALL PRIVILEGES") ) return 1;
  }
  return 0;
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
