/*
** The LMDB backend of the key-value layer (see kv.h).  This is the bottom
** of mimerlite: it calls only LMDB, libc and util/.
**
** Each database directory is one LMDB environment holding one unnamed
** database (no MDB_DUPSORT), opened with MDB_NOTLS so that a thread may
** hold many read snapshots (one per connection) at once.  A process-wide
** registry, keyed by the directory's (st_dev, st_ino) and guarded by a
** mutex, makes every kvOpen() of one directory share one MDB_env, as LMDB
** requires.  fork() is detected with pthread_atfork(): the child bumps a
** fork generation, and every handle stamped with an older generation
** refuses service (ML_E_FORKED) and is never passed back to LMDB there,
** since ending a parent's read transaction from the child would clear the
** parent's slot in the shared reader table.
**
** Durability is LMDB's default: a committed write transaction is fsync'ed
** before kvWriteCommit() returns, so it survives kill -9 and power loss.
*/
#include "kv/kv.h"

#include <assert.h>
#include <errno.h>
#include <lmdb.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#define KV_MAX_READERS 1024       /* reader-table slots: one per snapshot */
#define KV_READER_CHECK 1024      /* writes between sweeps of dead readers */

/* Where a cursor is: before the first key, on a key, after the last. */
#define KV_CUR_BOF    0
#define KV_CUR_VALID  1
#define KV_CUR_EOF    2

struct KvEnv {
  KvEnv *pNext;                /* next entry of the registry */
  dev_t dev;                   /* st_dev of the directory */
  ino_t ino;                   /* st_ino of the directory */
  MDB_env *pMdb;               /* the LMDB environment */
  MDB_dbi dbi;                 /* its unnamed main database */
  size_t nMapSize;             /* map size asked for, for messages */
  int nRef;                    /* kvOpen() calls not yet closed */
  unsigned forkGen;            /* kvForkGen when opened */
  atomic_int nTxn;             /* KvTxn objects open on this env */
  atomic_uint nWrite;          /* kvWriteBegin() calls so far */
  char *zPath;                 /* directory as given to kvOpen() */
};

struct KvTxn {
  KvEnv *pEnv;                 /* environment the transaction reads */
  MDB_txn *pMdb;               /* the LMDB transaction */
  int bWrite;                  /* 1 for the writer, 0 for a snapshot */
  int nCursor;                 /* cursors open on this transaction */
};

struct KvCursor {
  KvTxn *pTxn;                 /* transaction the cursor reads */
  MDB_cursor *pMdb;            /* the LMDB cursor */
  MDB_val key;                 /* current key when eState==KV_CUR_VALID */
  MDB_val val;                 /* current value likewise */
  int eState;                  /* KV_CUR_BOF, KV_CUR_VALID or KV_CUR_EOF */
};

static pthread_mutex_t kvRegistryMutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t kvAtforkOnce = PTHREAD_ONCE_INIT;
static KvEnv *kvRegistry = 0;          /* open environments, under the mutex */
static unsigned kvForkGen = 0;         /* bumped in every forked child */
static _Thread_local int kvWriterDepth = 0;   /* 1 while this thread writes */

/* pthread_atfork() handlers: keep the registry consistent across fork(). */
static void kvAtforkPrepare(void){ pthread_mutex_lock(&kvRegistryMutex); }
static void kvAtforkParent(void){ pthread_mutex_unlock(&kvRegistryMutex); }
static void kvAtforkChild(void){
  kvForkGen++;
  kvWriterDepth = 0;
  pthread_mutex_unlock(&kvRegistryMutex);
}
static void kvAtforkInstall(void){
  pthread_atfork(kvAtforkPrepare, kvAtforkParent, kvAtforkChild);
}

/* ML_OK, or ML_E_FORKED when pEnv was opened by an ancestor process. */
static int kvEnvCheck(const KvEnv *pEnv, MlError *pErr){
  if( pEnv->forkGen!=kvForkGen ) return mlErrorSet(pErr, ML_E_FORKED);
  return ML_OK;
}

/*
** Turn LMDB (or errno) code rc, returned while doing zWhat, into a Mimer
** error in *pErr and return its code.  rc must not be 0 or MDB_NOTFOUND.
*/
static int kvError(const KvEnv *pEnv, int rc, const char *zWhat, MlError *pErr){
  char zBuf[300];
  assert( rc!=MDB_SUCCESS && rc!=MDB_NOTFOUND );
  switch( rc ){
    case MDB_MAP_FULL:
      snprintf(zBuf, sizeof(zBuf), ": the database in %s reached its maximum "
               "size of %zu bytes (MIMERLITE_MAP_SIZE)", pEnv->zPath,
               pEnv->nMapSize);
      return mlErrorSet(pErr, ML_E_DATABASE_FULL, zBuf);
    case ENOMEM:
      return mlErrorSet(pErr, ML_E_NOMEM);
    case MDB_READERS_FULL:
      snprintf(zBuf, sizeof(zBuf), "%s: more than %d transactions are open "
               "on %s at once", zWhat, KV_MAX_READERS, pEnv->zPath);
      break;
    case MDB_TXN_FULL:
      snprintf(zBuf, sizeof(zBuf), "%s: transaction changes too many pages "
               "at once", zWhat);
      break;
    case MDB_MAP_RESIZED:
      snprintf(zBuf, sizeof(zBuf), "%s: another process enlarged %s beyond "
               "this process's MIMERLITE_MAP_SIZE", zWhat, pEnv->zPath);
      break;
    default:
      snprintf(zBuf, sizeof(zBuf), "%s: %s", zWhat, mdb_strerror(rc));
      break;
  }
  return mlErrorSet(pErr, ML_E_STORAGE, zBuf);
}

/*
** Map size from MIMERLITE_MAP_SIZE ("1048576", "64K", "10M", "2G"), or
** the default.  Returns ML_OK or ML_E_STORAGE for a malformed value.
*/
static int kvMapSize(size_t *pnSize, MlError *pErr){
  const char *z = getenv("MIMERLITE_MAP_SIZE");
  char *zEnd;
  unsigned long long n;
  if( z==0 || z[0]==0 ){
    *pnSize = sizeof(size_t)>=8 ? (size_t)64<<30 : (size_t)1<<30;
    return ML_OK;
  }
  errno = 0;
  n = strtoull(z, &zEnd, 10);
  switch( *zEnd ){
    case 'k': case 'K': n <<= 10; zEnd++; break;
    case 'm': case 'M': n <<= 20; zEnd++; break;
    case 'g': case 'G': n <<= 30; zEnd++; break;
    default: break;
  }
  if( errno || *zEnd || n<65536 || n>(unsigned long long)SIZE_MAX ){
    return mlErrorSetText(pErr, ML_E_STORAGE, "Storage error: "
                          "MIMERLITE_MAP_SIZE=%s is not a size of at least 64K", z);
  }
  *pnSize = (size_t)n;
  return ML_OK;
}

/*
** Create and open the LMDB environment for directory zDir into a new
** KvEnv (not yet in the registry).  Called with the registry mutex held.
*/
static int kvEnvCreate(const char *zDir, const struct stat *pSt,
                       KvEnv **ppEnv, MlError *pErr){
  KvEnv *p;
  MDB_txn *pTxn = 0;
  int rc, nDead = 0;

  p = calloc(1, sizeof(*p));
  if( p==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
  p->zPath = strdup(zDir);
  p->dev = pSt->st_dev;
  p->ino = pSt->st_ino;
  p->forkGen = kvForkGen;
  atomic_init(&p->nTxn, 0);
  atomic_init(&p->nWrite, 0);
  if( p->zPath==0 ){ free(p); return mlErrorSet(pErr, ML_E_NOMEM); }
  rc = kvMapSize(&p->nMapSize, pErr);
  if( rc ){ free(p->zPath); free(p); return rc; }

  rc = mdb_env_create(&p->pMdb);
  if( rc ){
    rc = kvError(p, rc, "mdb_env_create", pErr);
    free(p->zPath); free(p);
    return rc;
  }
  rc = mdb_env_set_mapsize(p->pMdb, p->nMapSize);
  if( rc==0 ) rc = mdb_env_set_maxreaders(p->pMdb, KV_MAX_READERS);
  if( rc==0 ) rc = mdb_env_open(p->pMdb, zDir, MDB_NOTLS, 0600);
  /* Slots of readers that died without ending their snapshots pin old
  ** pages forever; free them now, as no other process can do it for us. */
  if( rc==0 ) rc = mdb_reader_check(p->pMdb, &nDead);
  if( rc==0 ) rc = mdb_txn_begin(p->pMdb, 0, MDB_RDONLY, &pTxn);
  if( rc==0 ) rc = mdb_dbi_open(pTxn, 0, 0, &p->dbi);
  if( pTxn ){
    if( rc==0 ) rc = mdb_txn_commit(pTxn); else mdb_txn_abort(pTxn);
  }
  if( rc ){
    char zWhat[200];
    snprintf(zWhat, sizeof(zWhat), "cannot open database in %s", zDir);
    rc = kvError(p, rc, zWhat, pErr);
    mdb_env_close(p->pMdb);
    free(p->zPath); free(p);
    return rc;
  }
  *ppEnv = p;
  return ML_OK;
}

/*
** Open the database in directory zDir (created first when flags has
** KV_OPEN_CREATE), or share the handle already open in this process.
** On success *ppEnv is a handle to release with kvClose().  Errors:
** ML_E_STORAGE (missing directory, permissions, not an LMDB database,
** bad MIMERLITE_MAP_SIZE), ML_E_NOMEM.
*/
int kvOpen(const char *zDir, int flags, KvEnv **ppEnv, MlError *pErr){
  struct stat st;
  KvEnv *p;
  int rc = ML_OK;

  *ppEnv = 0;
  pthread_once(&kvAtforkOnce, kvAtforkInstall);
  if( (flags & KV_OPEN_CREATE) && mkdir(zDir, 0700)!=0 && errno!=EEXIST ){
    return mlErrorSetText(pErr, ML_E_STORAGE, "Storage error: cannot create "
                          "database directory %s: %s", zDir, strerror(errno));
  }
  if( stat(zDir, &st)!=0 || !S_ISDIR(st.st_mode) ){
    return mlErrorSetText(pErr, ML_E_STORAGE, "Storage error: %s is not a "
                          "database directory", zDir);
  }
  pthread_mutex_lock(&kvRegistryMutex);
  for(p=kvRegistry; p; p=p->pNext){
    if( p->dev==st.st_dev && p->ino==st.st_ino && p->forkGen==kvForkGen ) break;
  }
  if( p ){
    p->nRef++;
  }else{
    rc = kvEnvCreate(zDir, &st, &p, pErr);
    if( rc==ML_OK ){
      p->nRef = 1;
      p->pNext = kvRegistry;
      kvRegistry = p;
    }
  }
  pthread_mutex_unlock(&kvRegistryMutex);
  if( rc==ML_OK ) *ppEnv = p;
  return rc;
}

/*
** Release one reference to pEnv; the last one closes the LMDB environment.
** Every transaction on it must have ended.  In a forked child the handle
** is only forgotten (it belongs to the parent).
*/
void kvClose(KvEnv *pEnv){
  KvEnv **pp;
  if( pEnv==0 ) return;
  pthread_mutex_lock(&kvRegistryMutex);
  if( pEnv->forkGen==kvForkGen && --pEnv->nRef==0 ){
    for(pp=&kvRegistry; *pp!=pEnv; pp=&(*pp)->pNext){ assert( *pp ); }
    *pp = pEnv->pNext;
    assert( atomic_load(&pEnv->nTxn)==0 );
    mdb_env_close(pEnv->pMdb);
    free(pEnv->zPath);
    free(pEnv);
  }
  pthread_mutex_unlock(&kvRegistryMutex);
}

/* The directory pEnv was opened with (owned by pEnv). */
const char *kvPath(const KvEnv *pEnv){
  return pEnv->zPath;
}

/* Non-zero while the calling thread holds some environment's writer. */
int kvWriterHeld(void){
  return kvWriterDepth;
}

/*
** Begin an LMDB transaction of the given kind and wrap it in a new KvTxn.
** A full reader table is retried once after clearing the slots of dead
** processes.
*/
static int kvTxnBegin(KvEnv *pEnv, int bWrite, KvTxn **ppTxn, MlError *pErr){
  KvTxn *p;
  int rc, nDead;

  *ppTxn = 0;
  rc = kvEnvCheck(pEnv, pErr);
  if( rc ) return rc;
  p = malloc(sizeof(*p));
  if( p==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
  rc = mdb_txn_begin(pEnv->pMdb, 0, bWrite ? 0 : MDB_RDONLY, &p->pMdb);
  if( rc==MDB_READERS_FULL && mdb_reader_check(pEnv->pMdb, &nDead)==0 && nDead>0 ){
    rc = mdb_txn_begin(pEnv->pMdb, 0, bWrite ? 0 : MDB_RDONLY, &p->pMdb);
  }
  if( rc ){
    free(p);
    return kvError(pEnv, rc, bWrite ? "cannot begin a write" : "cannot begin a read", pErr);
  }
  p->pEnv = pEnv;
  p->bWrite = bWrite;
  p->nCursor = 0;
  atomic_fetch_add(&pEnv->nTxn, 1);
  *ppTxn = p;
  return ML_OK;
}

/*
** Take a read snapshot of pEnv: a consistent view of everything
** committed so far, unaffected by later commits, until kvReadEnd().
*/
int kvReadBegin(KvEnv *pEnv, KvTxn **ppTxn, MlError *pErr){
  return kvTxnBegin(pEnv, 0, ppTxn, pErr);
}

/* End a read snapshot; its cursors must be closed first. */
void kvReadEnd(KvTxn *pTxn){
  if( pTxn==0 ) return;
  assert( !pTxn->bWrite );
  assert( pTxn->nCursor==0 );
  if( pTxn->pEnv->forkGen==kvForkGen ){
    mdb_txn_abort(pTxn->pMdb);
    atomic_fetch_sub(&pTxn->pEnv->nTxn, 1);
  }
  free(pTxn);
}

/*
** Take the writer of pEnv: blocks while another thread or process holds
** it, which is only ever for the length of one commit.  The calling thread
** must not already hold a writer (that would deadlock).  The transaction
** sees the latest committed state plus its own changes.
*/
int kvWriteBegin(KvEnv *pEnv, KvTxn **ppTxn, MlError *pErr){
  int rc;
  assert( kvWriterDepth==0 );
  if( kvWriterDepth ){
    /* cannot happen: callers hold the writer only inside one function */
    return mlErrorSet(pErr, ML_E_INTERNAL, "nested write transaction");
  }
  rc = kvTxnBegin(pEnv, 1, ppTxn, pErr);
  if( rc ) return rc;
  kvWriterDepth = 1;
  /* A process killed with a snapshot open leaves its reader slot behind,
  ** and the slot keeps old pages from being reused; sweep now and then. */
  if( atomic_fetch_add(&pEnv->nWrite, 1) % KV_READER_CHECK == KV_READER_CHECK-1 ){
    int nDead;
    (void)mdb_reader_check(pEnv->pMdb, &nDead);   /* best effort */
  }
  return ML_OK;
}

/*
** Commit and free the writer pTxn (also on failure).  When this returns
** ML_OK the changes are on disk.  Errors: ML_E_DATABASE_FULL, ML_E_STORAGE,
** ML_E_FORKED; the changes are then discarded.
*/
int kvWriteCommit(KvTxn *pTxn, MlError *pErr){
  KvEnv *pEnv = pTxn->pEnv;
  int rc;
  assert( pTxn->bWrite && pTxn->nCursor==0 );
  kvWriterDepth = 0;
  rc = kvEnvCheck(pEnv, pErr);
  if( rc==ML_OK ){
    rc = mdb_txn_commit(pTxn->pMdb);
    atomic_fetch_sub(&pEnv->nTxn, 1);
    if( rc ) rc = kvError(pEnv, rc, "commit failed", pErr);
  }
  free(pTxn);
  return rc;
}

/* Discard the writer pTxn's changes and free it. */
void kvWriteAbort(KvTxn *pTxn){
  if( pTxn==0 ) return;
  assert( pTxn->bWrite && pTxn->nCursor==0 );
  kvWriterDepth = 0;
  if( pTxn->pEnv->forkGen==kvForkGen ){
    mdb_txn_abort(pTxn->pMdb);
    atomic_fetch_sub(&pTxn->pEnv->nTxn, 1);
  }
  free(pTxn);
}

/*
** LMDB's id of the transaction: for a snapshot, the id of the last commit
** it sees; for the writer, one more than the last commit.  Ids grow by one
** per committed write, across all processes.
*/
uint64_t kvTxnId(const KvTxn *pTxn){
  return (uint64_t)mdb_txn_id(pTxn->pMdb);
}

/*
** Look key up.  On ML_OK (*ppVal, *pnVal) point into the map: valid until the
** snapshot ends (for the writer, until its next change).  ML_NOTFOUND when
** absent.
*/
int kvGet(KvTxn *pTxn, const void *pKey, size_t nKey,
          const void **ppVal, size_t *pnVal, MlError *pErr){
  MDB_val k, v;
  int rc;
  assert( nKey>0 && nKey<=KV_MAX_KEY );
  rc = kvEnvCheck(pTxn->pEnv, pErr);
  if( rc ) return rc;
  k.mv_data = (void*)pKey;
  k.mv_size = nKey;
  rc = mdb_get(pTxn->pMdb, pTxn->pEnv->dbi, &k, &v);
  if( rc==MDB_NOTFOUND ) return ML_NOTFOUND;
  if( rc ) return kvError(pTxn->pEnv, rc, "read failed", pErr);
  *ppVal = v.mv_data;
  *pnVal = v.mv_size;
  return ML_OK;
}

/*
** Insert or replace key in the writer pTxn.  After an error the writer
** is unusable and must be aborted.  ML_E_DATABASE_FULL when the map is
** full.
*/
int kvPut(KvTxn *pTxn, const void *pKey, size_t nKey,
          const void *pVal, size_t nVal, MlError *pErr){
  MDB_val k, v;
  int rc;
  assert( pTxn->bWrite );
  assert( nKey>0 && nKey<=KV_MAX_KEY );
  rc = kvEnvCheck(pTxn->pEnv, pErr);
  if( rc ) return rc;
  k.mv_data = (void*)pKey;
  k.mv_size = nKey;
  v.mv_data = (void*)pVal;
  v.mv_size = nVal;
  rc = mdb_put(pTxn->pMdb, pTxn->pEnv->dbi, &k, &v, 0);
  if( rc ) return kvError(pTxn->pEnv, rc, "write failed", pErr);
  return ML_OK;
}

/* Delete key in the writer pTxn: ML_OK, or ML_NOTFOUND if absent. */
int kvDelete(KvTxn *pTxn, const void *pKey, size_t nKey, MlError *pErr){
  MDB_val k;
  int rc;
  assert( pTxn->bWrite );
  assert( nKey>0 && nKey<=KV_MAX_KEY );
  rc = kvEnvCheck(pTxn->pEnv, pErr);
  if( rc ) return rc;
  k.mv_data = (void*)pKey;
  k.mv_size = nKey;
  rc = mdb_del(pTxn->pMdb, pTxn->pEnv->dbi, &k, 0);
  if( rc==MDB_NOTFOUND ) return ML_NOTFOUND;
  if( rc ) return kvError(pTxn->pEnv, rc, "delete failed", pErr);
  return ML_OK;
}

/*
** Delete every key that starts with the nPrefix bytes at pPrefix (every
** key when nPrefix is 0) in the writer pTxn, e.g. all rows of a dropped
** table.  The number deleted goes to *pnDeleted when that is not NULL.
*/
int kvDeleteRange(KvTxn *pTxn, const void *pPrefix, size_t nPrefix,
                  uint64_t *pnDeleted, MlError *pErr){
  MDB_cursor *pCur;
  MDB_val k, v;
  uint64_t nDel = 0;
  int rc;

  assert( pTxn->bWrite );
  assert( nPrefix<=KV_MAX_KEY );
  rc = kvEnvCheck(pTxn->pEnv, pErr);
  if( rc ) return rc;
  rc = mdb_cursor_open(pTxn->pMdb, pTxn->pEnv->dbi, &pCur);
  if( rc ) return kvError(pTxn->pEnv, rc, "delete failed", pErr);
  k.mv_data = (void*)pPrefix;
  k.mv_size = nPrefix;
  rc = mdb_cursor_get(pCur, &k, &v, nPrefix ? MDB_SET_RANGE : MDB_FIRST);
  while( rc==0 && k.mv_size>=nPrefix
      && (nPrefix==0 || memcmp(k.mv_data, pPrefix, nPrefix)==0) ){
    rc = mdb_cursor_del(pCur, 0);
    if( rc ) break;
    nDel++;
    /* After a delete the cursor already rests on the following key;
    ** MDB_NEXT returns that key rather than skipping it. */
    rc = mdb_cursor_get(pCur, &k, &v, MDB_NEXT);
  }
  mdb_cursor_close(pCur);
  if( rc && rc!=MDB_NOTFOUND ) return kvError(pTxn->pEnv, rc, "delete failed", pErr);
  if( pnDeleted ) *pnDeleted = nDel;
  return ML_OK;
}

/*
** Open a cursor on pTxn, positioned before the first key.  It must be
** closed before the transaction ends.
*/
int kvCursorOpen(KvTxn *pTxn, KvCursor **ppCur, MlError *pErr){
  KvCursor *p;
  int rc;
  *ppCur = 0;
  rc = kvEnvCheck(pTxn->pEnv, pErr);
  if( rc ) return rc;
  p = malloc(sizeof(*p));
  if( p==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
  rc = mdb_cursor_open(pTxn->pMdb, pTxn->pEnv->dbi, &p->pMdb);
  if( rc ){
    free(p);
    return kvError(pTxn->pEnv, rc, "cannot open cursor", pErr);
  }
  p->pTxn = pTxn;
  p->eState = KV_CUR_BOF;
  pTxn->nCursor++;
  *ppCur = p;
  return ML_OK;
}

void kvCursorClose(KvCursor *pCur){
  if( pCur==0 ) return;
  assert( pCur->pTxn->nCursor>0 );
  pCur->pTxn->nCursor--;
  if( pCur->pTxn->pEnv->forkGen==kvForkGen ) mdb_cursor_close(pCur->pMdb);
  free(pCur);
}

/*
** Run one positioning operation on p.  On success the cursor is VALID;
** on MDB_NOTFOUND it goes to state eMiss and ML_NOTFOUND is returned.
*/
static int kvCursorOp(KvCursor *p, MDB_cursor_op op, int eMiss, MlError *pErr){
  int rc = mdb_cursor_get(p->pMdb, &p->key, &p->val, op);
  if( rc==0 ){
    p->eState = KV_CUR_VALID;
    return ML_OK;
  }
  p->eState = eMiss;
  if( rc==MDB_NOTFOUND ) return ML_NOTFOUND;
  return kvError(p->pTxn->pEnv, rc, "cursor step failed", pErr);
}

/* Move to the first key: ML_OK, or ML_NOTFOUND when there is none. */
int kvCursorFirst(KvCursor *pCur, MlError *pErr){
  int rc = kvEnvCheck(pCur->pTxn->pEnv, pErr);
  if( rc ) return rc;
  return kvCursorOp(pCur, MDB_FIRST, KV_CUR_EOF, pErr);
}

/* Move to the last key: ML_OK, or ML_NOTFOUND when there is none. */
int kvCursorLast(KvCursor *pCur, MlError *pErr){
  int rc = kvEnvCheck(pCur->pTxn->pEnv, pErr);
  if( rc ) return rc;
  return kvCursorOp(pCur, MDB_LAST, KV_CUR_BOF, pErr);
}

/*
** Position pCur on the key chosen by op relative to (pKey, nKey).
** ML_OK when there is one; ML_NOTFOUND when not, leaving the cursor after
** the last key (GE, GT) or before the first (LE, LT), from where
** kvCursorPrev()/kvCursorNext() resume at the nearest end.
*/
int kvCursorSeek(KvCursor *pCur, const void *pKey, size_t nKey, KvSeekOp op,
                 MlError *pErr){
  int rc;
  int bLow = (op==KV_SEEK_LE || op==KV_SEEK_LT);
  assert( nKey<=KV_MAX_KEY );
  rc = kvEnvCheck(pCur->pTxn->pEnv, pErr);
  if( rc ) return rc;
  if( nKey==0 ){
    /* Every stored key is longer than the empty one. */
    if( bLow ){ pCur->eState = KV_CUR_BOF; return ML_NOTFOUND; }
    return kvCursorOp(pCur, MDB_FIRST, KV_CUR_EOF, pErr);
  }
  pCur->key.mv_data = (void*)pKey;
  pCur->key.mv_size = nKey;
  rc = kvCursorOp(pCur, MDB_SET_RANGE, KV_CUR_EOF, pErr);
  if( rc<0 ) return rc;
  if( rc==ML_NOTFOUND ){
    /* Every key is < pKey. */
    if( !bLow ) return ML_NOTFOUND;
    return kvCursorOp(pCur, MDB_LAST, KV_CUR_BOF, pErr);
  }
  /* The cursor is on the first key >= pKey. */
  if( op==KV_SEEK_GE ) return ML_OK;
  if( op==KV_SEEK_LE
   && kvKeyCompare(pCur->key.mv_data, pCur->key.mv_size, pKey, nKey)==0 ){
    return ML_OK;
  }
  if( op==KV_SEEK_GT ){
    if( kvKeyCompare(pCur->key.mv_data, pCur->key.mv_size, pKey, nKey)!=0 ){
      return ML_OK;
    }
    return kvCursorOp(pCur, MDB_NEXT, KV_CUR_EOF, pErr);
  }
  return kvCursorOp(pCur, MDB_PREV, KV_CUR_BOF, pErr);
}

/*
** Step to the next key: ML_OK, or ML_DONE after the last one.  From
** before the first key this moves to the first.
*/
int kvCursorNext(KvCursor *pCur, MlError *pErr){
  int rc = kvEnvCheck(pCur->pTxn->pEnv, pErr);
  if( rc ) return rc;
  switch( pCur->eState ){
    case KV_CUR_EOF: return ML_DONE;
    case KV_CUR_BOF: rc = kvCursorOp(pCur, MDB_FIRST, KV_CUR_EOF, pErr); break;
    default:         rc = kvCursorOp(pCur, MDB_NEXT, KV_CUR_EOF, pErr); break;
  }
  return rc==ML_NOTFOUND ? ML_DONE : rc;
}

/*
** Step to the previous key: ML_OK, or ML_DONE before the first one.  From
** after the last key this moves to the last.
*/
int kvCursorPrev(KvCursor *pCur, MlError *pErr){
  int rc = kvEnvCheck(pCur->pTxn->pEnv, pErr);
  if( rc ) return rc;
  switch( pCur->eState ){
    case KV_CUR_BOF: return ML_DONE;
    case KV_CUR_EOF: rc = kvCursorOp(pCur, MDB_LAST, KV_CUR_BOF, pErr); break;
    default:         rc = kvCursorOp(pCur, MDB_PREV, KV_CUR_BOF, pErr); break;
  }
  return rc==ML_NOTFOUND ? ML_DONE : rc;
}

/* Non-zero when the cursor is on a key. */
int kvCursorValid(const KvCursor *pCur){
  return pCur->eState==KV_CUR_VALID;
}

/*
** The current key and value (the cursor must be valid).  The pointers
** point into the map, no copy is made: valid until the snapshot ends (for
** the writer, until its next change).
*/
void kvCursorKey(const KvCursor *pCur, const void **ppKey, size_t *pnKey){
  assert( pCur->eState==KV_CUR_VALID );
  *ppKey = pCur->key.mv_data;
  *pnKey = pCur->key.mv_size;
}

void kvCursorValue(const KvCursor *pCur, const void **ppVal, size_t *pnVal){
  assert( pCur->eState==KV_CUR_VALID );
  *ppVal = pCur->val.mv_data;
  *pnVal = pCur->val.mv_size;
}

/* Compare two keys in LMDB's order: bytewise, then shorter first. */
int kvKeyCompare(const void *pA, size_t nA, const void *pB, size_t nB){
  int c = memcmp(pA, pB, nA<nB ? nA : nB);
  if( c ) return c;
  return nA<nB ? -1 : (nA>nB);
}
