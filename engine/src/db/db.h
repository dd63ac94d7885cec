/*
** The internal engine API: databases, sessions and prepared statements.
** This is the seam between the Mimer SQL C API (api/, which deals with
** handles, buffers, text conversions and Mimer's call-order rules) and the
** SQL engine below it (sql/ parse -> sema/ resolve and type -> plan/ ->
** exec/ run, on txn/ and kv/).  It plays the part sqlite3_prepare/step
** play in SQLite; the SQL script test runner uses it directly.
**
** Objects:
**   MlSession  a connection: the database it is attached to (databases
**              are shared per directory and process, refcounted), the
**              ident it logged in as, the current schema path, session
**              transaction defaults, the open transaction if any, and the
**              session's CURRENT VALUE of each sequence it used.
**   MlStmt     one prepared statement of a session: its AST and plan in a
**              statement arena, parameter and result column descriptions
**              (typed at prepare time), bound parameter values, and while
**              a query is open, its cursor.
**
** Transactions follow Mimer's rules.  A session without an explicit
** transaction (mlSessionBegin) runs each statement in its own implicit
** transaction: DML commits when it finishes, a query commits when its
** cursor closes.  DDL is allowed only as the first statement of a
** transaction and commits by itself.  COMMIT conflicts are ML_E_CONFLICT.
**
** Every function returns ML_OK (0), ML_DONE (end of rows) or a negative
** Mimer error code, and fills *pErr with the code and message on error.
** No function keeps a pointer to caller memory after it returns.
*/
#ifndef MIMERLITE_DB_H
#define MIMERLITE_DB_H

#include <stdint.h>

#include "types/value.h"
#include "util/errors.h"

typedef struct MlSession MlSession;
typedef struct MlStmt MlStmt;

/* ------------------------------------------------------------ sessions */

/*
** Open a session on database zDatabase as zIdent with zPassword (UTF-8).
** zDatabase names a directory under $MIMERLITE_HOME (default
** ~/.local/share/mimerlite); a name containing '/' is a path; NULL or ""
** means $MIMER_DATABASE, else "mimerdb".  A missing database is created
** when zIdent is SYSADM (case-insensitive) and MIMERLITE_CREATE is not
** "0", with zPassword as SYSADM's password.  Errors: -18500 unknown
** database, -14006 login failure (wrong ident or password).  On error
** *ppSession is NULL.
*/
int mlSessionOpen(const char *zDatabase, const char *zIdent, const char *zPassword,
                  MlSession **ppSession, MlError *pErr);

/* Close: roll back an open transaction, finalize the session's statements. */
void mlSessionClose(MlSession *p);

/* Start an explicit transaction.  -14011 if one is already active. */
int mlSessionBegin(MlSession *p, int readOnly, MlError *pErr);

/* Commit (commit=1) or roll back (0).  -24101 with no active transaction. */
int mlSessionEnd(MlSession *p, int commit, MlError *pErr);

int mlSessionInTransaction(const MlSession *p);
/*
** A batch of executions, all or nothing: mlSessionBatchBegin before the
** first, mlSessionBatchEnd(bOk) after the last.  Outside an explicit
** transaction the batch runs in one of its own (*pbOwnTxn), committed or
** rolled back at the end; inside one, under a savepoint, undone as a whole
** when it fails while the transaction goes on (as after a failed
** statement).  An error from mlSessionBatchEnd(bOk 0) means the batch
** could not be undone: cannot happen while statements end their marks.
*/
int mlSessionBatchBegin(MlSession *p, int *pbOwnTxn, MlError *pErr);
int mlSessionBatchEnd(MlSession *p, int bOwnTxn, int bOk, MlError *pErr);
const char *mlSessionIdent(const MlSession *p);          /* as stored */
const char *mlSessionDatabasePath(const MlSession *p);

/*
** Execute one statement of any kind (DDL included) without parameters or
** result set: MimerExecuteStatement8.  A query is an error (-24101).
*/
int mlSessionExecute(MlSession *p, const char *zSql, MlError *pErr);

/* ---------------------------------------------------------- statements */

/* Statement classes, from the parsed statement. */
typedef enum MlStmtKind {
  ML_STMT_QUERY = 1,     /* returns rows: open, next, close */
  ML_STMT_DML,           /* INSERT / UPDATE / DELETE: execute, row count */
  ML_STMT_DDL,           /* CREATE / ALTER / DROP / GRANT / COMMENT ... */
  ML_STMT_TXN,           /* START TRANSACTION / COMMIT / ROLLBACK / SET ... */
  ML_STMT_OTHER          /* CALL, EXPLAIN ... */
} MlStmtKind;

#define ML_PREPARE_SCROLLABLE 0x01   /* the cursor may move backwards */
#define ML_PREPARE_NO_DDL     0x02   /* DDL fails with -24005 (MimerBeginStatement8) */

/*
** Parse, resolve and plan zSql.  Parameter types are inferred here
** (-12262 when a marker's type cannot be determined); result columns are
** described here.  DDL may be prepared only without ML_PREPARE_NO_DDL.
*/
int mlPrepare(MlSession *p, const char *zSql, int flags, MlStmt **ppStmt, MlError *pErr);
void mlStmtFinalize(MlStmt *pStmt);
int mlStmtKind(const MlStmt *pStmt);                     /* MlStmtKind */

/* Parameters, 0-based here (the C API's are 1-based). */
int mlStmtParamCount(const MlStmt *pStmt);
const SqlType *mlStmtParamType(const MlStmt *pStmt, int i);
const char *mlStmtParamName(const MlStmt *pStmt, int i); /* "" for ? */
int mlStmtParamNullable(const MlStmt *pStmt, int i);

/*
** Bind parameter i.  pVal must already have the parameter's type (the
** caller converts with valueCast) or be NULL; its bytes are copied.
*/
int mlStmtBind(MlStmt *pStmt, int i, const Value *pVal, MlError *pErr);
void mlStmtClearBindings(MlStmt *pStmt);

/* Result columns, 0-based. */
int mlStmtColumnCount(const MlStmt *pStmt);
const SqlType *mlStmtColumnType(const MlStmt *pStmt, int i);
const char *mlStmtColumnName(const MlStmt *pStmt, int i);
int mlStmtColumnNullable(const MlStmt *pStmt, int i);

/*
** Run a non-query statement with the bound parameters.  *pnRows receives
** the number of rows inserted, updated or deleted (0 for others).
*/
int mlStmtExecute(MlStmt *pStmt, int64_t *pnRows, MlError *pErr);

/* Queries: open a cursor, step through rows, close. */
int mlStmtOpen(MlStmt *pStmt, MlError *pErr);
int mlStmtNext(MlStmt *pStmt, MlError *pErr);            /* ML_OK row, ML_DONE end */

/*
** Scrollable cursors: move to row iRow (1-based; 0 = before the first,
** n+1 = after the last).  ML_DONE when the position holds no row.
*/
int mlStmtSeekRow(MlStmt *pStmt, int64_t iRow, MlError *pErr);
int64_t mlStmtRowNumber(const MlStmt *pStmt);             /* current, 1-based; 0 before first */
int64_t mlStmtRowCount(MlStmt *pStmt, MlError *pErr);     /* scrollable: total rows */

/* Column i of the current row; valid until the cursor moves. */
const Value *mlStmtColumn(const MlStmt *pStmt, int i);
int mlStmtClose(MlStmt *pStmt, MlError *pErr);
int mlStmtIsOpen(const MlStmt *pStmt);

/*
** The value NEXT VALUE FOR produced during the last execution of this
** statement (for MimerGetSequenceInt64); *pbHas = 0 when none was.
*/
int64_t mlStmtSequenceValue(const MlStmt *pStmt, int *pbHas);

#endif
