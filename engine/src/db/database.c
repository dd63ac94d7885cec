/*
** Databases (db/ layer): a database name maps to a directory, each
** directory is opened once per process (a refcounted MlDatabase holding
** the KvEnv), and a missing database is created on the first SYSADM
** login with that password, the SYSTEM tables' fixed rows and a default
** databank USERDB.  Passwords are libsodium crypto_pwhash_str hashes; the
** cost is INTERACTIVE unless MIMERLITE_PWHASH=fast asks for the minimum
** (tests).  A successful login is remembered in-process (a keyed digest of
** ident, stored hash and password) so that reconnecting is not slowed
** down by the deliberately slow hash.
*/
#include "db/dbint.h"

#include <errno.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "txn/sequence.h"

static pthread_mutex_t dbRegistryMutex = PTHREAD_MUTEX_INITIALIZER;
static MlDatabase *dbRegistry = 0;
static unsigned char dbLoginKey[crypto_generichash_KEYBYTES];
static int dbSodiumReady = 0;

/* libsodium initialisation (idempotent); under the registry mutex. */
static int dbSodiumInit(void){
  if( !dbSodiumReady ){
    if( sodium_init()<0 ) return ML_E_INTERNAL;
    randombytes_buf(dbLoginKey, sizeof(dbLoginKey));
    dbSodiumReady = 1;
  }
  return ML_OK;
}

int dbHashPassword(const char *zPassword, char *zOut, size_t nOut){
  const char *zMode = getenv("MIMERLITE_PWHASH");
  unsigned long long ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
  size_t mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
  if( zMode && strcmp(zMode, "fast")==0 ){
    ops = crypto_pwhash_OPSLIMIT_MIN;
    mem = crypto_pwhash_MEMLIMIT_MIN;
  }
  if( nOut<crypto_pwhash_STRBYTES ) return ML_E_INTERNAL;
  pthread_mutex_lock(&dbRegistryMutex);
  dbSodiumInit();
  pthread_mutex_unlock(&dbRegistryMutex);
  if( crypto_pwhash_str(zOut, zPassword, strlen(zPassword), ops, mem)!=0 ) return ML_E_NOMEM;
  return ML_OK;
}

/* Digest identifying a verified login. */
static void dbLoginDigest(const CatIdent *pId, const char *zPassword, unsigned char *aOut){
  crypto_generichash_state st;
  crypto_generichash_init(&st, dbLoginKey, sizeof(dbLoginKey), 32);
  crypto_generichash_update(&st, (const unsigned char*)pId->zName, strlen(pId->zName)+1);
  crypto_generichash_update(&st, (const unsigned char*)pId->zHash, strlen(pId->zHash)+1);
  crypto_generichash_update(&st, (const unsigned char*)zPassword, strlen(zPassword));
  crypto_generichash_final(&st, aOut, 32);
}

/*
** ML_OK if zPassword is the password of ident pId, else ML_E_LOGIN_FAILURE
** (also for an ident without a password, or a GROUP).
*/
int dbCheckLogin(MlDatabase *p, const CatIdent *pId, const char *zPassword){
  unsigned char aDigest[32];
  int i, bOk = 0;
  if( pId->zHash==0 || pId->kind==CAT_IDENT_GROUP || zPassword==0 ) return ML_E_LOGIN_FAILURE;
  dbLoginDigest(pId, zPassword, aDigest);
  pthread_mutex_lock(&p->mutex);
  for(i=0; i<p->nLogin; i++){
    if( sodium_memcmp(p->aLogin[i], aDigest, 32)==0 ){ bOk = 1; break; }
  }
  pthread_mutex_unlock(&p->mutex);
  if( bOk ) return ML_OK;
  if( crypto_pwhash_str_verify(pId->zHash, zPassword, strlen(zPassword))!=0 ){
    return ML_E_LOGIN_FAILURE;
  }
  pthread_mutex_lock(&p->mutex);
  if( p->nLogin<64 ){
    unsigned char (*a)[32] = realloc(p->aLogin, 32*(size_t)(p->nLogin+1));
    if( a ){
      p->aLogin = a;
      memcpy(p->aLogin[p->nLogin++], aDigest, 32);
    }
  }
  pthread_mutex_unlock(&p->mutex);
  return ML_OK;
}

/*
** A fresh hidden rowid for pTab, from this process's block of the table's
** rowid sequence (SeqCache: blocks reserved durably, growing to 1024), so
** concurrent inserters never collide and never wait on one another.  The
** cache keys it by -id, apart from the ids of real sequences.
*/
int dbNewRowid(void *pArg, const CatTable *pTab, int64_t *piRowid, MlError *pErr){
  MlDatabase *p = pArg;
  unsigned char aKey[16];
  size_t nKey = catSequenceKey(-pTab->id, aKey);
  SeqDef def;
  memset(&def, 0, sizeof(def));
  def.zName = pTab->zName;
  def.iStart = 1;
  def.iIncrement = 1;
  def.iMin = 1;
  def.iMax = INT64_MAX;
  return seqCacheNext(&p->seqCache, p->pEnv, -pTab->id, aKey, nKey, &def, piRowid, pErr);
}

/* The directory of database zName (malloc'ed), or 0 on out-of-memory. */
static char *dbPathOf(const char *zName){
  const char *zHome = getenv("MIMERLITE_HOME");
  char *z = 0;
  if( zName==0 || zName[0]==0 ){
    zName = getenv("MIMER_DATABASE");
    if( zName==0 || zName[0]==0 ) zName = "mimerdb";
  }
  if( strchr(zName, '/') ) return strdup(zName);
  if( zHome && zHome[0] ){
    if( asprintf(&z, "%s/%s", zHome, zName)<0 ) z = 0;
  }else{
    const char *zUserHome = getenv("HOME");
    if( asprintf(&z, "%s/.local/share/mimerlite/%s", zUserHome ? zUserHome : ".", zName)<0 ) z = 0;
  }
  return z;
}

/* mkdir -p of the parent directories of zPath. */
static void dbMakeParents(const char *zPath){
  char *z = strdup(zPath);
  char *s;
  if( z==0 ) return;
  for(s=z+1; *s; s++){
    if( *s=='/' ){
      *s = 0;
      if( mkdir(z, 0700)!=0 && errno!=EEXIST ) break;
      *s = '/';
    }
  }
  free(z);
}

/* Write the rows every new database starts with. */
static int dbInitialize(KvEnv *pEnv, const char *zIdent, const char *zPassword, MlError *pErr){
  static const char *azBank[] = { "SYSDB", "TRANSDB", "LOGDB", "SQLDB", "USERDB" };
  static const char *azInfo[][2] = {
    { "CATALOG_NAME", "NO" }, { "IDENTIFIER_LENGTH", "128" },
    { "INTERVAL_FRAC_PREC", "6" }, { "INTERVAL_LEAD_PREC", "2" },
    { "TIMESTAMP_PREC", "6" }, { "TIME_PREC", "0" },
    { "TXN_ISOLATION", "REPEATABLE READ" }, { "USERID_LENGTH", "128" },
  };
  Txn *pTxn;
  char zHash[crypto_pwhash_STRBYTES];
  Value a[6];
  int64_t id;
  int rc, bInit, i;
  if( dbHashPassword(zPassword, zHash, sizeof(zHash)) ) return mlErrorSet(pErr, ML_E_NOMEM);
  rc = txnBegin(pEnv, 0, &pTxn, pErr);
  if( rc ) return rc;
  rc = catIsInitialized(pTxn, &bInit, pErr);
  if( rc==ML_OK && bInit ){ txnRollback(pTxn); return ML_OK; }
  if( rc==ML_OK ) rc = catNewObjectId(pTxn, &id, pErr);
  if( rc==ML_OK ){
    catValInt(&a[0], id); catValStr(&a[1], "SYSADM"); catValStr(&a[2], "USER");
    catValStr(&a[3], zHash); catValStr(&a[4], "SYSADM");
    rc = catSysInsert(pTxn, CAT_SYS_IDENTS, a, pErr);
  }
  if( rc==ML_OK ) rc = catNewObjectId(pTxn, &id, pErr);
  if( rc==ML_OK ){
    catValInt(&a[0], id); catValStr(&a[1], "PUBLIC"); catValStr(&a[2], "GROUP");
    catValNull(&a[3]); catValStr(&a[4], "SYSADM");
    rc = catSysInsert(pTxn, CAT_SYS_IDENTS, a, pErr);
  }
  {
    static const char *azSchema[] = { "SYSTEM", "INFORMATION_SCHEMA", "SYSADM" };
    for(i=0; rc==ML_OK && i<3; i++){
      rc = catNewObjectId(pTxn, &id, pErr);
      if( rc ) break;
      catValInt(&a[0], id); catValStr(&a[1], azSchema[i]); catValStr(&a[2], "SYSADM");
      rc = catSysInsert(pTxn, CAT_SYS_SCHEMATA, a, pErr);
    }
  }
  for(i=0; rc==ML_OK && i<5; i++){
    rc = catNewObjectId(pTxn, &id, pErr);
    if( rc ) break;
    catValInt(&a[0], id); catValStr(&a[1], azBank[i]); catValStr(&a[2], "SYSADM");
    catValStr(&a[3], i==2 ? "LOG" : "TRANSACTION"); catValStr(&a[4], azBank[i]);
    rc = catSysInsert(pTxn, CAT_SYS_DATABANKS, a, pErr);
  }
  if( rc==ML_OK ){
    catValStr(&a[0], "X");
    a[0].type = SQLT_CHAR;
    rc = catSysInsert(pTxn, CAT_SYS_ONEROW, a, pErr);
  }
  for(i=0; rc==ML_OK && i<(int)(sizeof(azInfo)/sizeof(azInfo[0])); i++){
    catValStr(&a[0], azInfo[i][0]);
    catValStr(&a[1], azInfo[i][1]);
    rc = catSysInsert(pTxn, CAT_SYS_SERVER_INFO, a, pErr);
  }
  if( rc==ML_OK ) rc = catMarkInitialized(pTxn, pErr);
  if( rc==ML_OK ) rc = txnCatalogBump(pTxn, pErr);
  if( rc ){ txnRollback(pTxn); return rc; }
  (void)zIdent;
  return txnCommit(pTxn, pErr);
}

/*
** The database for zName, opened (and created when allowed) as needed.
** -18500 when it does not exist and may not be created.
*/
int dbOpenDatabase(const char *zName, const char *zIdent, const char *zPassword,
                   MlDatabase **ppDb, MlError *pErr){
  char *zPath = dbPathOf(zName);
  char zReal[PATH_MAX];
  MlDatabase *p;
  struct stat st;
  const char *zCreate = getenv("MIMERLITE_CREATE");
  int bMayCreate = (zCreate==0 || strcmp(zCreate, "0")!=0)
                && zIdent && strcasecmp(zIdent, "SYSADM")==0;
  int bExists, rc, bInit = 0;
  char zData[PATH_MAX+16];
  *ppDb = 0;
  if( zPath==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
  snprintf(zData, sizeof(zData), "%s/data.mdb", zPath);
  bExists = stat(zData, &st)==0;
  if( !bExists && !bMayCreate ){
    rc = mlErrorSet(pErr, ML_E_DATABASE_UNKNOWN, zName && zName[0] ? zName : zPath);
    free(zPath);
    return rc;
  }
  if( !bExists ) dbMakeParents(zPath);
  pthread_mutex_lock(&dbRegistryMutex);
  if( dbSodiumInit() ){
    pthread_mutex_unlock(&dbRegistryMutex);
    free(zPath);
    return mlErrorSet(pErr, ML_E_INTERNAL, "libsodium initialisation failed");
  }
  if( !bExists ) mkdir(zPath, 0700);
  if( realpath(zPath, zReal)==0 ) snprintf(zReal, sizeof(zReal), "%s", zPath);
  free(zPath);
  for(p=dbRegistry; p; p=p->pNext){
    if( strcmp(p->zPath, zReal)==0 ) break;
  }
  if( p ){
    p->nRef++;
    pthread_mutex_unlock(&dbRegistryMutex);
  }else{
    p = calloc(1, sizeof(MlDatabase));
    if( p==0 || (p->zPath = strdup(zReal))==0 ){
      free(p);
      pthread_mutex_unlock(&dbRegistryMutex);
      return mlErrorSet(pErr, ML_E_NOMEM);
    }
    rc = kvOpen(zReal, KV_OPEN_CREATE, &p->pEnv, pErr);
    if( rc ){
      free(p->zPath);
      free(p);
      pthread_mutex_unlock(&dbRegistryMutex);
      return rc;
    }
    pthread_mutex_init(&p->mutex, 0);
    seqCacheInit(&p->seqCache);
    p->nRef = 1;
    p->pNext = dbRegistry;
    dbRegistry = p;
    pthread_mutex_unlock(&dbRegistryMutex);
  }
  {
    Txn *pTxn;
    rc = txnBegin(p->pEnv, 1, &pTxn, pErr);
    if( rc==ML_OK ){
      rc = catIsInitialized(pTxn, &bInit, pErr);
      txnRollback(pTxn);
    }
  }
  if( rc==ML_OK && !bInit ){
    if( !bMayCreate ) rc = mlErrorSet(pErr, ML_E_DATABASE_UNKNOWN, zName ? zName : zReal);
    else rc = dbInitialize(p->pEnv, zIdent, zPassword ? zPassword : "", pErr);
  }
  if( rc ){
    dbReleaseDatabase(p);
    return rc;
  }
  *ppDb = p;
  return ML_OK;
}

void dbReleaseDatabase(MlDatabase *p){
  MlDatabase **pp;
  pthread_mutex_lock(&dbRegistryMutex);
  if( --p->nRef>0 ){
    pthread_mutex_unlock(&dbRegistryMutex);
    return;
  }
  for(pp=&dbRegistry; *pp; pp=&(*pp)->pNext){
    if( *pp==p ){ *pp = p->pNext; break; }
  }
  pthread_mutex_unlock(&dbRegistryMutex);
  kvClose(p->pEnv);
  pthread_mutex_destroy(&p->mutex);
  seqCacheFree(&p->seqCache);
  free(p->aLogin);
  free(p->aPending);
  free(p->zPath);
  free(p);
}
