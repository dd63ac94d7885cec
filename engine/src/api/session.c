/*
** Sessions: MimerBeginSession8 and its wide and locale flavours,
** MimerEndSession(Hard), MimerPing, MimerCancel, MimerGetStatistics.
** A session handle wraps an engine session (db.h).  A failed login still
** returns a handle (with pDb NULL) that carries the error text for
** MimerGetError8 and must be released with MimerEndSession; every other
** routine treats it as invalid (-24108).  Ending a session ends its
** statements (Mimer would return -24101; being lenient is safer for
** drivers) and rolls back an open transaction.
*/
#include <assert.h>
#include <dirent.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "api/apiint.h"

/* Process-wide counters reported by MimerGetStatistics. */
static atomic_int nLiveSessions;
static atomic_int nLogins;
static atomic_int nRejectedLogins;

/*
** Open a session on `database` (NULL or "" = the default database) as
** `ident` with `password` (NULL = ""), all UTF-8.  Returns exactly 0 on
** success.  On failure returns the error (-18500 unknown database,
** -14006 login failure, ...) and, memory permitting, a handle in
** *session that carries the error text; MimerEndSession releases it.
*/
int32_t MimerBeginSession8(const char *database, const char *ident, const char *password,
                           MimerSession *session){
  ApiSession *p;
  MlSession *pDb = 0;
  MlError err;
  int rc;
  if( session==0 ) return MIMER_PARAMETER_INVALID;
  *session = 0;
  p = apiHandleAlloc(API_KIND_SESSION, sizeof(ApiSession));
  if( p==0 ) return MIMER_OUTOFMEMORY;
  mlErrorClear(&err);
  rc = mlSessionOpen(database, ident ? ident : "", password ? password : "", &pDb, &err);
  if( rc<0 ){
    if( err.code==0 ) mlErrorSet(&err, rc, "");
    p->err = err;
    atomic_fetch_add(&nRejectedLogins, 1);
  }else{
    assert( pDb );
    p->pDb = pDb;
    rc = MIMER_SUCCESS;
    atomic_fetch_add(&nLiveSessions, 1);
    atomic_fetch_add(&nLogins, 1);
  }
  *session = p;
  return rc;
}

/* MimerBeginSession8 with wide-character arguments. */
int32_t MimerBeginSession(const wchar_t *database, const wchar_t *ident,
                          const wchar_t *password, MimerSession *session){
  char *az[3] = {0, 0, 0};
  const wchar_t *aw[3];
  size_t n;
  int i, rc = ML_OK;
  aw[0] = database; aw[1] = ident; aw[2] = password;
  if( session ) *session = 0;
  for(i=0; i<3 && rc==ML_OK; i++){
    if( aw[i] ) rc = apiWideToUtf8(aw[i], (size_t)-1, &az[i], &n);
  }
  if( rc==ML_OK ) rc = MimerBeginSession8(az[0], az[1], az[2], session);
  for(i=0; i<3; i++) free(az[i]);
  return rc;
}

/* MimerBeginSession8 with arguments in the locale's character set. */
int32_t MimerBeginSessionC(const char *database, const char *ident, const char *password,
                           MimerSession *session){
  char *az[3] = {0, 0, 0};
  const char *ac[3];
  size_t n;
  int i, rc = ML_OK;
  ac[0] = database; ac[1] = ident; ac[2] = password;
  if( session ) *session = 0;
  for(i=0; i<3 && rc==ML_OK; i++){
    if( ac[i] ) rc = apiLocaleToUtf8(ac[i], (size_t)-1, &az[i], &n);
  }
  if( rc==ML_OK ) rc = MimerBeginSession8(az[0], az[1], az[2], session);
  for(i=0; i<3; i++) free(az[i]);
  return rc;
}

/*
** End session *session: end its statements, roll back an open
** transaction, close the engine session, poison the handle and set
** *session to NULL.  -24108 for a NULL, freed or foreign handle.
*/
int32_t MimerEndSession(MimerSession *session){
  ApiSession *p = session ? apiSessionGet(*session) : 0;
  if( p==0 ) return MIMER_HANDLE_INVALID;
  while( p->pFirstStmt ) apiStmtFree(p->pFirstStmt);
  if( p->pDb ){
    mlSessionClose(p->pDb);
    atomic_fetch_sub(&nLiveSessions, 1);
  }
  apiHandleFree(p);
  *session = 0;
  return MIMER_SUCCESS;
}

/*
** End a session at once.  The embedded engine has no server round trip
** to cut short, so this is MimerEndSession.
*/
int32_t MimerEndSessionHard(MimerSession *session){
  return MimerEndSession(session);
}

/* 0 when the session is alive (it always is while its handle is valid). */
int32_t MimerPing(MimerSession session){
  ApiSession *p = apiSessionGet(session);
  if( p==0 || p->pDb==0 ) return MIMER_HANDLE_INVALID;
  return MIMER_SUCCESS;
}

/*
** Cancel the session's ongoing request.  Every request of the embedded
** engine runs on the caller's thread and completes before returning, so
** there is nothing to cancel: 0 for a valid session.
*/
int32_t MimerCancel(MimerSession session){
  ApiSession *p = apiSessionGet(session);
  if( p==0 || p->pDb==0 ) return MIMER_HANDLE_INVALID;
  return MIMER_SUCCESS;
}

/*
** Bytes in the regular files of directory zDir and of its immediate
** subdirectories (the database's LMDB files).
*/
static int64_t apiDirBytes(const char *zDir, int depth){
  DIR *pDir = opendir(zDir);
  struct dirent *pEnt;
  int64_t n = 0;
  if( pDir==0 ) return 0;
  while( (pEnt = readdir(pDir))!=0 ){
    char zPath[4096];
    struct stat st;
    if( pEnt->d_name[0]=='.' ) continue;
    snprintf(zPath, sizeof(zPath), "%s/%s", zDir, pEnt->d_name);
    if( stat(zPath, &st)!=0 ) continue;
    if( S_ISREG(st.st_mode) ) n += st.st_size;
    else if( S_ISDIR(st.st_mode) && depth>0 ) n += apiDirBytes(zPath, depth-1);
  }
  closedir(pDir);
  return n;
}

/*
** Fill counters[0..nr_of_counters) in place: each element holds a BSI_*
** id on input and that counter's value on output, -2 for an unknown id
** and -1 for a known counter mimerlite does not keep.  Page counters
** describe the database files in 4K pages; the user and login counters
** are per process.
*/
int32_t MimerGetStatistics(MimerSession session, int32_t *counters, int16_t nr_of_counters){
  ApiSession *p = apiSessionGet(session);
  int64_t nPages = -1;
  int i;
  if( p==0 || p->pDb==0 ) return MIMER_HANDLE_INVALID;
  if( nr_of_counters<0 || (counters==0 && nr_of_counters>0) ){
    return apiSessionError(p, MIMER_PARAMETER_INVALID);
  }
  for(i=0; i<nr_of_counters; i++){
    int id = counters[i];
    int64_t v = -1;
    switch( id ){
      case BSI_USERS_ON_THIS_MULTI: v = atomic_load(&nLiveSessions); break;
      case BSI_LOGINS:              v = atomic_load(&nLogins); break;
      case BSI_REJECTED_LOGINS:     v = atomic_load(&nRejectedLogins); break;
      case BSI_LOGINS_ENABLED:      v = 1; break;
      case BSI_SHADOW_ACTIVE:       v = 0; break;
      case BSI_BACKUP_PROGRESS_CURRENT:
      case BSI_BACKUP_PROGRESS_MAX: v = 0; break;
      case BSI_32K_PAGES: case BSI_128K_PAGES:
      case BSI_32K_PAGES_USED: case BSI_128K_PAGES_USED: v = 0; break;
      case BSI_4K_PAGES: case BSI_PAGES: case BSI_PAGES_USED: case BSI_4K_PAGES_USED:
        if( nPages<0 ){
          const char *zDir = mlSessionDatabasePath(p->pDb);
          nPages = zDir ? (apiDirBytes(zDir, 1) + 4095) / 4096 : 0;
        }
        v = nPages;
        break;
      default:
        if( id<1 || id>BSI_PAGES || id==23 ) v = -2;
        break;
    }
    counters[i] = v>INT32_MAX ? INT32_MAX : (int32_t)v;
  }
  return MIMER_SUCCESS;
}
