/*
** Pending writers (db/ layer): which tables the open explicit transactions
** of this process's sessions have written, so that DROP TABLE, DROP INDEX
** and ALTER TABLE from another session fail with -16001 "Table ... locked
** by another user" as in Mimer, instead of the writer failing later at
** COMMIT.  Kept in the shared MlDatabase under its mutex.  Sessions of
** other processes are not seen: there the writer's COMMIT fails with
** -10001, because every DML statement point-reads the catalog version
** (docs/compatibility.md).
*/
#include "db/dbint.h"

#include <stdio.h>
#include <stdlib.h>

/* Record that pSess's open transaction wrote table tableId. */
int dbPendingAdd(MlDatabase *p, const void *pSess, int64_t tableId, MlError *pErr){
  int i, rc = ML_OK;
  pthread_mutex_lock(&p->mutex);
  for(i=0; i<p->nPending; i++){
    if( p->aPending[i].pSess==pSess && p->aPending[i].tableId==tableId ) break;
  }
  if( i==p->nPending ){
    if( p->nPending==p->nPendingAlloc ){
      int nNew = p->nPendingAlloc ? 2*p->nPendingAlloc : 16;
      DbPending *a = realloc(p->aPending, sizeof(DbPending)*(size_t)nNew);
      if( a==0 ) rc = mlErrorSet(pErr, ML_E_NOMEM);
      else{ p->aPending = a; p->nPendingAlloc = nNew; }
    }
    if( rc==ML_OK ){
      p->aPending[p->nPending].pSess = pSess;
      p->aPending[p->nPending].tableId = tableId;
      p->nPending++;
    }
  }
  pthread_mutex_unlock(&p->mutex);
  return rc;
}

/* Forget pSess's entries (its transaction ended). */
void dbPendingClear(MlDatabase *p, const void *pSess){
  int i, j;
  pthread_mutex_lock(&p->mutex);
  for(i=j=0; i<p->nPending; i++){
    if( p->aPending[i].pSess!=pSess ) p->aPending[j++] = p->aPending[i];
  }
  p->nPending = j;
  pthread_mutex_unlock(&p->mutex);
}

/* -16001 if a session other than pSess has uncommitted writes to pTab. */
int dbPendingCheck(MlDatabase *p, const void *pSess, const CatTable *pTab, MlError *pErr){
  int i, bLocked = 0;
  pthread_mutex_lock(&p->mutex);
  for(i=0; i<p->nPending; i++){
    if( p->aPending[i].pSess!=pSess && p->aPending[i].tableId==pTab->id ) bLocked = 1;
  }
  pthread_mutex_unlock(&p->mutex);
  if( bLocked ){
    char z[300];
    snprintf(z, sizeof(z), "%s.%s", pTab->zSchema, pTab->zName);
    return mlErrorSet(pErr, ML_E_TABLE_LOCKED, z);
  }
  return ML_OK;
}
