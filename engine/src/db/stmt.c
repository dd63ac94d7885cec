/*
** Prepared statements (db/ layer): parse, plan against the session's
** catalog (recompiling when the catalog changed since), bind parameters,
** execute DML with statement atomicity, and run query cursors.  Outside
** an explicit transaction every DML statement runs in and commits its own
** transaction, and every open cursor reads its own snapshot.
*/
#include "db/dbint.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sql/parse.h"
#include "types/datetime.h"

static int dbStmtKindOf(const AstStmt *p){
  switch( p->kind ){
    case AS_QUERY: case AS_EXPLAIN: return ML_STMT_QUERY;
    case AS_INSERT: case AS_UPDATE: case AS_DELETE: return ML_STMT_DML;
    case AS_START_TRANSACTION: case AS_SET_TRANSACTION: case AS_SET_SESSION:
    case AS_COMMIT: case AS_ROLLBACK: case AS_SAVEPOINT: case AS_RELEASE_SAVEPOINT:
    case AS_SET_SCHEMA:
      return ML_STMT_TXN;
    case AS_CALL: return ML_STMT_OTHER;
    default: return ML_STMT_DDL;
  }
}

/* Parse zSql into the statement arena. */
static int dbStmtParse(MlStmt *s, MlError *pErr){
  arenaReset(&s->arena);
  s->pPlan = 0;
  return sqlParse(&s->arena, s->zSql, strlen(s->zSql), &s->pAst, pErr);
}

/*
** Make the plan current for the catalog that pTxn sees: (re)parse and
** plan when the session's catalog is newer than the plan's.
*/
static int dbStmtCompile(MlStmt *s, Txn *pTxn, MlError *pErr){
  MlSession *p = s->pSess;
  int rc = dbSessionCatalog(p, pTxn, pErr), i;
  if( rc ) return rc;
  if( s->pPlan && s->pCat==p->pCat ) return ML_OK;
  if( s->pPlan ){
    rc = dbStmtParse(s, pErr);
    if( rc ) return rc;
  }
  rc = semaCheckPrivileges(p->pCat, p->zSchema, p->zIdent, s->pAst, pErr);
  if( rc==ML_OK ){
    rc = planStatement(&s->arena, p->pCat, p->zSchema, p->zIdent, s->pAst, &s->pPlan, pErr);
  }
  if( rc ){ s->pPlan = 0; return rc; }
  catRelease(s->pCat);
  s->pCat = p->pCat;
  catRetain(s->pCat);
  if( s->pPlan->nReg>s->nReg ){
    Value *a = realloc(s->aReg, sizeof(Value)*(size_t)s->pPlan->nReg);
    if( a==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
    s->aReg = a;
    s->nReg = s->pPlan->nReg;
  }
  if( s->aReg ) memset(s->aReg, 0, sizeof(Value)*(size_t)s->nReg);
  if( s->aParam==0 ){
    s->nParam = s->pPlan->nParam;
    s->aParam = calloc((size_t)s->nParam+1, sizeof(Value));
    s->aParamBuf = calloc((size_t)s->nParam+1, sizeof(unsigned char*));
    s->aParamSet = calloc((size_t)s->nParam+1, 1);
    s->aParamType = calloc((size_t)s->nParam+1, sizeof(SqlType));
    s->azParamName = calloc((size_t)s->nParam+1, sizeof(char*));
    s->aParamNotNull = calloc((size_t)s->nParam+1, 1);
    if( !s->aParam || !s->aParamBuf || !s->aParamSet || !s->aParamType || !s->azParamName
     || !s->aParamNotNull ){
      return mlErrorSet(pErr, ML_E_NOMEM);
    }
    for(i=0; i<s->nParam; i++){
      s->aParam[i].isNull = 1;
      s->azParamName[i] = strdup(s->pPlan->azParamName[i]);
      if( s->azParamName[i]==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
    }
  }
  for(i=0; i<s->nParam && i<s->pPlan->nParam; i++){
    s->aParamType[i] = s->pPlan->aParamType[i];
    s->aParamNotNull[i] = s->pPlan->aParamNotNull[i];
  }
  return ML_OK;
}

/* The local date and time now, for CURRENT_DATE ... LOCALTIMESTAMP. */
void dbNow(SqlTimestamp *pTs){
  struct timespec ts;
  struct tm tm;
  clock_gettime(CLOCK_REALTIME, &ts);
  localtime_r(&ts.tv_sec, &tm);
  if( dtDateFromYmd(tm.tm_year+1900, tm.tm_mon+1, tm.tm_mday, &pTs->date) ) pTs->date = 0;
  pTs->time = ((int64_t)tm.tm_hour*3600 + tm.tm_min*60 + (tm.tm_sec>59 ? 59 : tm.tm_sec))
              * DT_NANOS_PER_SEC + ts.tv_nsec;
}

static void dbStmtSetupCtx(MlStmt *s, Txn *pTxn, MlError *pErr){
  MlSession *p = s->pSess;
  ExecCtx *c = &s->ctx;
  memset(c, 0, sizeof(*c));
  c->pTxn = pTxn;
  c->pEnv = p->pDb->pEnv;
  c->pCat = s->pCat;
  c->aReg = s->aReg;
  c->nReg = s->nReg;
  c->aParam = s->aParam;
  c->pScratch = &s->scratch;
  c->pErr = pErr;
  c->zUser = p->zIdent;
  c->zSchema = p->zSchema;
  c->pSeq = &p->seq;
  c->xRowid = dbNewRowid;
  c->pRowidArg = p->pDb;
  c->pSeqCache = &p->pDb->seqCache;
  dbNow(&c->tsNow);
  arenaReset(&s->scratch);
}

int mlPrepare(MlSession *p, const char *zSql, int flags, MlStmt **ppStmt, MlError *pErr){
  MlStmt *s = calloc(1, sizeof(MlStmt));
  int rc;
  *ppStmt = 0;
  if( s==0 || (s->zSql = strdup(zSql))==0 ){
    free(s);
    return mlErrorSet(pErr, ML_E_NOMEM);
  }
  s->pSess = p;
  s->flags = flags;
  arenaInit(&s->arena, 16*1024);
  arenaInit(&s->scratch, 16*1024);
  s->pNext = p->pStmtList;
  p->pStmtList = s;
  rc = dbStmtParse(s, pErr);
  if( rc==ML_OK ){
    s->kind = dbStmtKindOf(s->pAst);
    if( s->kind==ML_STMT_DDL && (flags & ML_PREPARE_NO_DDL) ){
      rc = mlErrorSet(pErr, ML_E_CANNOT_PREPARE);
    }else if( s->kind==ML_STMT_OTHER ){
      rc = mlErrorSetText(pErr, ML_E_NOT_SUPPORTED, "Feature not supported: %s",
                          astStmtName(s->pAst->kind));
    }
  }
  if( rc==ML_OK && (s->kind==ML_STMT_QUERY || s->kind==ML_STMT_DML) ){
    Txn *pTxn = p->pTxn;
    if( pTxn ){
      rc = dbStmtCompile(s, pTxn, pErr);
    }else{
      rc = txnBegin(p->pDb->pEnv, 1, &pTxn, pErr);
      if( rc==ML_OK ){
        rc = dbStmtCompile(s, pTxn, pErr);
        txnRollback(pTxn);
      }
    }
  }
  if( rc ){
    mlStmtFinalize(s);
    return rc;
  }
  *ppStmt = s;
  return ML_OK;
}

void mlStmtFinalize(MlStmt *s){
  MlStmt **pp;
  int i;
  MlError err;
  if( s==0 ) return;
  if( s->bOpen ) mlStmtClose(s, &err);
  for(pp=&s->pSess->pStmtList; *pp; pp=&(*pp)->pNext){
    if( *pp==s ){ *pp = s->pNext; break; }
  }
  for(i=0; s->aParamBuf && i<s->nParam; i++) free(s->aParamBuf[i]);
  for(i=0; s->azParamName && i<s->nParam; i++) free((char*)s->azParamName[i]);
  free(s->aParamBuf);
  free(s->azParamName);
  free(s->aParam);
  free(s->aParamSet);
  free(s->aParamType);
  free(s->aParamNotNull);
  free(s->aReg);
  catRelease(s->pCat);
  arenaFree(&s->arena);
  arenaFree(&s->scratch);
  free(s->zSql);
  free(s);
}

int mlStmtKind(const MlStmt *s){ return s->kind; }
int mlStmtParamCount(const MlStmt *s){ return s->nParam; }
const SqlType *mlStmtParamType(const MlStmt *s, int i){ return &s->aParamType[i]; }
const char *mlStmtParamName(const MlStmt *s, int i){ return s->azParamName[i]; }
int mlStmtParamNullable(const MlStmt *s, int i){ return !s->aParamNotNull[i]; }

int mlStmtBind(MlStmt *s, int i, const Value *pVal, MlError *pErr){
  if( i<0 || i>=s->nParam ) return mlErrorSet(pErr, ML_E_MISUSE);
  free(s->aParamBuf[i]);
  s->aParamBuf[i] = 0;
  s->aParam[i] = *pVal;
  if( !pVal->isNull && (SQLT_IS_CHARACTER(pVal->type) || SQLT_IS_BINARYSTR(pVal->type)) ){
    unsigned char *a = malloc(pVal->u.s.n+1);
    if( a==0 ) return mlErrorSet(pErr, ML_E_NOMEM);
    memcpy(a, pVal->u.s.z, pVal->u.s.n);
    a[pVal->u.s.n] = 0;
    s->aParamBuf[i] = a;
    s->aParam[i].u.s.z = (const char*)a;
  }
  if( pVal->isNull ) s->aParam[i].type = s->aParamType[i].id;
  s->aParamSet[i] = 1;
  return ML_OK;
}

void mlStmtClearBindings(MlStmt *s){
  int i;
  for(i=0; i<s->nParam; i++){
    free(s->aParamBuf[i]);
    s->aParamBuf[i] = 0;
    memset(&s->aParam[i], 0, sizeof(Value));
    s->aParam[i].isNull = 1;
    s->aParamSet[i] = 0;
  }
}

int mlStmtColumnCount(const MlStmt *s){
  if( s->kind!=ML_STMT_QUERY || s->pPlan==0 ) return 0;
  return s->pPlan->kind==PLAN_EXPLAIN ? 1 : s->pPlan->nCol;
}

const SqlType *mlStmtColumnType(const MlStmt *s, int i){
  static const SqlType tPlan = { SQLT_NVARCHAR, 0, 0, 0, 5000 };
  if( s->pPlan->kind==PLAN_EXPLAIN ) return &tPlan;
  return &s->pPlan->aCol[i].type;
}

const char *mlStmtColumnName(const MlStmt *s, int i){
  if( s->pPlan->kind==PLAN_EXPLAIN ) return "PLAN";
  return s->pPlan->aCol[i].zName;
}

int mlStmtColumnNullable(const MlStmt *s, int i){
  if( s->pPlan->kind==PLAN_EXPLAIN ) return 0;
  return s->pPlan->aCol[i].nullable;
}

/* The transaction a statement runs in: the explicit one (begun lazily). */
static int dbStmtTxn(MlStmt *s, int bReadOnly, Txn **ppTxn, int *pbImplicit, MlError *pErr){
  MlSession *p = s->pSess;
  *pbImplicit = 0;
  if( p->bExplicit ){
    int rc = dbExplicitTxn(p, pErr);
    *ppTxn = p->pTxn;
    return rc;
  }
  *pbImplicit = 1;
  return txnBegin(p->pDb->pEnv, bReadOnly, ppTxn, pErr);
}

static int dbCheckParamsSet(MlStmt *s, MlError *pErr){
  int i;
  for(i=0; i<s->nParam; i++){
    if( !s->aParamSet[i] ){
      return mlErrorSetText(pErr, ML_E_MISUSE, "Parameter %d has no value", i+1);
    }
  }
  return ML_OK;
}

int mlStmtExecute(MlStmt *s, int64_t *pnRows, MlError *pErr){
  MlSession *p = s->pSess;
  Txn *pTxn;
  int rc, bImplicit;
  *pnRows = 0;
  s->bSeqValue = 0;
  switch( s->kind ){
    case ML_STMT_QUERY:
      return mlErrorSet(pErr, ML_E_MISUSE);
    case ML_STMT_DDL:
      rc = dbStmtParse(s, pErr);
      if( rc==ML_OK ) rc = dbSessionDdl(p, s->pAst, &s->arena, pErr);
      return rc;
    case ML_STMT_TXN:
      return dbSessionTxnStmt(p, s->pAst, pErr);
    default:
      break;
  }
  rc = dbCheckParamsSet(s, pErr);
  if( rc ) return rc;
  if( p->bExplicit && p->bReadOnly ) return mlErrorSet(pErr, ML_E_TXN_READ_ONLY);
  rc = dbStmtTxn(s, 0, &pTxn, &bImplicit, pErr);
  if( rc ) return rc;
  rc = txnCatalogVersion(pTxn, TXN_POINT_READ, &(uint64_t){0}, pErr);
  if( rc==ML_OK ) rc = dbStmtCompile(s, pTxn, pErr);
  if( rc==ML_OK ){
    dbStmtSetupCtx(s, pTxn, pErr);
    rc = txnStatementBegin(pTxn, pErr);
    if( rc==ML_OK ){
      switch( s->pPlan->kind ){
        case PLAN_INSERT: rc = execInsertRun(s->pPlan->pInsert, &s->ctx, pnRows); break;
        case PLAN_UPDATE: rc = execUpdateRun(s->pPlan->pUpdate, &s->ctx, pnRows); break;
        default:          rc = execDeleteRun(s->pPlan->pDelete, &s->ctx, pnRows); break;
      }
      txnStatementEnd(pTxn, rc==ML_OK);
    }
    s->iSeqValue = s->ctx.iSeqValue;
    s->bSeqValue = s->ctx.bSeqValue;
  }
  if( rc ) *pnRows = 0;
  if( bImplicit ){
    if( rc==ML_OK ) rc = txnCommit(pTxn, pErr);
    else txnRollback(pTxn);
  }else{
    p->nTxnStmt++;
    if( rc==ML_OK ){
      /* the open transaction now holds the target table (-16001 for DROP) */
      const Plan *q = s->pPlan;
      const CatTable *pTab = q->kind==PLAN_INSERT ? q->pInsert->info.pTab
                           : q->kind==PLAN_UPDATE ? q->pUpdate->info.pTab : q->pDelete->info.pTab;
      rc = dbPendingAdd(p->pDb, p, pTab->id, pErr);
    }
  }
  return rc;
}

int mlSessionExecute(MlSession *p, const char *zSql, MlError *pErr){
  MlStmt *s;
  int64_t n;
  int rc = mlPrepare(p, zSql, 0, &s, pErr);
  if( rc ) return rc;
  rc = mlStmtExecute(s, &n, pErr);
  mlStmtFinalize(s);
  return rc;
}

int mlStmtOpen(MlStmt *s, MlError *pErr){
  MlSession *p = s->pSess;
  Txn *pTxn;
  int rc, bImplicit;
  if( s->kind!=ML_STMT_QUERY || s->bOpen ) return mlErrorSet(pErr, ML_E_MISUSE);
  rc = dbCheckParamsSet(s, pErr);
  if( rc ) return rc;
  rc = dbStmtTxn(s, 1, &pTxn, &bImplicit, pErr);
  if( rc ) return rc;
  rc = dbStmtCompile(s, pTxn, pErr);
  if( rc==ML_OK ){
    dbStmtSetupCtx(s, pTxn, pErr);
    s->bExplainDone = 0;
    if( s->pPlan->kind!=PLAN_EXPLAIN ) rc = execOpen(s->pPlan->pRoot, &s->ctx);
  }
  if( rc ){
    if( s->pPlan && s->pPlan->kind!=PLAN_EXPLAIN ) execClose(s->pPlan->pRoot, &s->ctx);
    if( bImplicit ) txnRollback(pTxn);
    return rc;
  }
  s->pOwnTxn = bImplicit ? pTxn : 0;
  if( !bImplicit ) p->nTxnStmt++;
  s->bOpen = 1;
  s->iRow = 0;
  s->bSeqValue = 0;
  return ML_OK;
}

int mlStmtNext(MlStmt *s, MlError *pErr){
  int rc;
  if( !s->bOpen ) return mlErrorSet(pErr, ML_E_MISUSE);
  s->ctx.pErr = pErr;
  if( s->pPlan->kind==PLAN_EXPLAIN ){
    /* one row per line of the plan outline */
    const char *z = s->bExplainDone ? s->zExplainLine : s->pPlan->zExplain;
    const char *zEnd;
    s->bExplainDone = 1;
    if( z==0 || z[0]==0 ) return ML_DONE;
    zEnd = strchr(z, '\n');
    if( zEnd==0 ) zEnd = z + strlen(z);
    memset(&s->explainVal, 0, sizeof(Value));
    s->explainVal.type = SQLT_NVARCHAR;
    s->explainVal.u.s.z = z;
    s->explainVal.u.s.n = (uint32_t)(zEnd - z);
    s->zExplainLine = *zEnd ? zEnd+1 : zEnd;
    s->iRow++;
    return ML_OK;
  }
  arenaReset(&s->scratch);
  rc = execNext(s->pPlan->pRoot, &s->ctx);
  if( rc==ML_OK ) s->iRow++;
  if( s->ctx.bSeqValue ){
    s->iSeqValue = s->ctx.iSeqValue;
    s->bSeqValue = 1;
  }
  return rc;
}

int mlStmtSeekRow(MlStmt *s, int64_t iRow, MlError *pErr){
  int rc = ML_OK;
  if( !s->bOpen || !(s->flags & ML_PREPARE_SCROLLABLE) ) return mlErrorSet(pErr, ML_E_MISUSE);
  if( iRow<s->iRow || iRow<=0 ){
    rc = mlStmtClose(s, pErr);
    if( rc==ML_OK ) rc = mlStmtOpen(s, pErr);
    if( rc ) return rc;
    if( iRow<=0 ) return ML_DONE;
  }
  while( s->iRow<iRow ){
    rc = mlStmtNext(s, pErr);
    if( rc ) return rc;
  }
  return ML_OK;
}

int64_t mlStmtRowNumber(const MlStmt *s){ return s->iRow; }

int64_t mlStmtRowCount(MlStmt *s, MlError *pErr){
  int64_t iSave = s->iRow, n;
  int rc;
  if( !s->bOpen ) return mlErrorSet(pErr, ML_E_MISUSE);
  while( (rc = mlStmtNext(s, pErr))==ML_OK ){}
  if( rc!=ML_DONE ) return rc;
  n = s->iRow;
  rc = mlStmtSeekRow(s, iSave, pErr);
  if( rc<0 ) return rc;
  return n;
}

const Value *mlStmtColumn(const MlStmt *s, int i){
  if( s->pPlan->kind==PLAN_EXPLAIN ) return &s->explainVal;
  return &s->aReg[s->pPlan->aCol[i].iReg];
}

int mlStmtClose(MlStmt *s, MlError *pErr){
  int rc = ML_OK;
  if( !s->bOpen ) return mlErrorSet(pErr, ML_E_MISUSE);
  if( s->pPlan->kind!=PLAN_EXPLAIN ) execClose(s->pPlan->pRoot, &s->ctx);
  s->bOpen = 0;
  if( s->pOwnTxn ){
    rc = txnCommit(s->pOwnTxn, pErr);
    s->pOwnTxn = 0;
  }
  return rc;
}

int mlStmtIsOpen(const MlStmt *s){ return s->bOpen; }

int64_t mlStmtSequenceValue(const MlStmt *s, int *pbHas){
  *pbHas = s->bSeqValue;
  return s->bSeqValue ? s->iSeqValue : 0;
}
