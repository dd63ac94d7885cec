/*
** Cursors: MimerOpenCursor, MimerFetch and its scrolling relatives,
** MimerCloseCursor, MimerCurrentRow and the fetch-buffer knobs.  Cursors
** are forward-only unless the statement was prepared MIMER_SCROLLABLE;
** then every move is a seek (mlStmtSeekRow) to a row number this layer
** computes.  Once a forward-only cursor has returned MIMER_NO_DATA it
** keeps returning it (MimerPy's fetchall relies on that).  Every move
** bumps the statement's generation so LOB handles of the old row die.
*/

#include "api/apiint.h"
#include "types/value.h"

/* Close p's cursor (if open) and forget its position. */
int apiCursorClose(ApiStmt *p){
  MlError err;
  int rc = ML_OK;
  if( p->cursorOpen ){
    mlErrorClear(&err);
    rc = mlStmtClose(p->pStmt, &err);
    if( rc<0 ) apiStmtErrorFrom(p, rc, &err);
  }
  p->cursorOpen = p->hasRow = p->atEnd = 0;
  p->iRow = 0;
  p->iGen++;
  return rc<0 ? rc : ML_OK;
}

/*
** Run query p with its current parameter values and position before the
** first row.  An open cursor is closed first.  Errors: -24101 when the
** statement is not a query, -24103 unset parameters, engine errors.
*/
int32_t MimerOpenCursor(MimerStatement statementhandle){
  ApiStmt *p = apiStmtGet(statementhandle);
  MlError err;
  int rc;
  if( p==0 ) return MIMER_HANDLE_INVALID;
  if( p->nCol==0 ) return apiStmtError(p, MIMER_SEQUENCE_ERROR);
  if( p->cursorOpen && (rc = apiCursorClose(p))!=ML_OK ) return rc;
  mlErrorClear(&err);
  rc = apiParamsBind(p, &err);
  if( rc==ML_OK ) rc = mlStmtOpen(p->pStmt, &err);
  if( rc<0 ) return apiStmtErrorFrom(p, rc, &err);
  p->cursorOpen = 1;
  return MIMER_SUCCESS;
}

/* The open cursor of statement h, or an error (-24108, -24101). */
static int apiCursorEnter(MimerStatement h, ApiStmt **pp){
  ApiStmt *p = apiStmtGet(h);
  if( p==0 ) return MIMER_HANDLE_INVALID;
  *pp = p;
  if( !p->cursorOpen ) return apiStmtError(p, MIMER_SEQUENCE_ERROR);
  return ML_OK;
}

/* Advance forward-only cursor p one row: 0, MIMER_NO_DATA or an error. */
static int apiCursorNext(ApiStmt *p){
  MlError err;
  int rc;
  if( p->atEnd ) return MIMER_NO_DATA;
  p->iGen++;
  mlErrorClear(&err);
  rc = mlStmtNext(p->pStmt, &err);
  if( rc==ML_OK ){
    p->hasRow = 1;
    p->iRow++;
    return MIMER_SUCCESS;
  }
  p->hasRow = 0;
  if( rc==ML_DONE ){
    p->atEnd = 1;
    return MIMER_NO_DATA;
  }
  return apiStmtErrorFrom(p, rc, &err);
}

/*
** Move scrollable cursor p to row iTarget (1-based; <= 0 before the
** first row, beyond the end after the last).  0 when a row is there,
** MIMER_NO_DATA when not.
*/
static int apiCursorSeek(ApiStmt *p, int64_t iTarget){
  MlError err;
  int rc;
  mlErrorClear(&err);
  p->iGen++;
  if( iTarget<0 ) iTarget = 0;
  rc = mlStmtSeekRow(p->pStmt, iTarget, &err);
  if( rc==ML_OK && iTarget>0 ){
    p->hasRow = 1;
    p->atEnd = 0;
    p->iRow = iTarget;
    return MIMER_SUCCESS;
  }
  p->hasRow = 0;
  if( rc==ML_OK || rc==ML_DONE ){
    if( iTarget<=0 ){
      p->iRow = 0;
      p->atEnd = 0;
    }else{
      int64_t n = mlStmtRowCount(p->pStmt, &err);
      if( n<0 ) return apiStmtErrorFrom(p, (int)n, &err);
      p->iRow = n+1;
      p->atEnd = 1;
    }
    return MIMER_NO_DATA;
  }
  return apiStmtErrorFrom(p, rc, &err);
}

/* Fetch the next row: 0 row available, MIMER_NO_DATA at the end. */
int32_t MimerFetch(MimerStatement statementhandle){
  ApiStmt *p = 0;
  int rc = apiCursorEnter(statementhandle, &p);
  if( rc ) return rc;
  if( p->scrollable ) return apiCursorSeek(p, p->atEnd ? p->iRow : p->iRow+1);
  return apiCursorNext(p);
}

/*
** Next row of the rows already fetched.  The embedded engine has no
** fetch buffer to exhaust, so this is MimerFetch.
*/
int32_t MimerNext(MimerStatement statementhandle){
  return MimerFetch(statementhandle);
}

/*
** Skip `skip` rows (>= 0), then fetch the next one: MimerFetch when skip
** is 0.  Negative skips need a scrollable cursor.
*/
int32_t MimerFetchSkip(MimerStatement statementhandle, int32_t skip){
  ApiStmt *p = 0;
  int32_t i;
  int rc = apiCursorEnter(statementhandle, &p);
  if( rc ) return rc;
  if( p->scrollable ){
    if( p->atEnd && skip>=0 ) return MIMER_NO_DATA;
    return apiCursorSeek(p, p->iRow + (int64_t)skip + 1);
  }
  if( skip<0 ) return apiStmtError(p, MIMER_SEQUENCE_ERROR);
  for(i=0; i<skip && rc==MIMER_SUCCESS; i++) rc = apiCursorNext(p);
  if( rc==MIMER_SUCCESS ) rc = apiCursorNext(p);
  return rc;
}

/*
** Position a cursor (spec 3.5, 4.11): MIMER_NEXT, MIMER_PREVIOUS,
** MIMER_FIRST, MIMER_LAST, MIMER_ABSOLUTE offset (1-based; negative
** counts from the end, -1 is the last row) or MIMER_RELATIVE offset.
** Returns 0 on a row, MIMER_NO_DATA before the first or after the last.
** A forward-only cursor accepts MIMER_NEXT only (-24101).
*/
int32_t MimerFetchScroll(MimerStatement statementhandle, int32_t operation, int32_t offset){
  ApiStmt *p = 0;
  MlError err;
  int64_t iTarget, n;
  int rc = apiCursorEnter(statementhandle, &p);
  if( rc ) return rc;
  if( !p->scrollable ){
    if( operation!=MIMER_NEXT ) return apiStmtError(p, MIMER_SEQUENCE_ERROR);
    return apiCursorNext(p);
  }
  mlErrorClear(&err);
  switch( operation ){
    case MIMER_NEXT:     iTarget = p->atEnd ? p->iRow : p->iRow+1; break;
    case MIMER_PREVIOUS: iTarget = p->iRow-1; break;
    case MIMER_FIRST:    iTarget = 1; break;
    case MIMER_RELATIVE: iTarget = p->iRow + offset; break;
    case MIMER_LAST:
    case MIMER_ABSOLUTE:
      if( operation==MIMER_ABSOLUTE && offset>=0 ){
        iTarget = offset;
        break;
      }
      n = mlStmtRowCount(p->pStmt, &err);
      if( n<0 ) return apiStmtErrorFrom(p, (int)n, &err);
      iTarget = operation==MIMER_LAST ? n : n+1+offset;
      if( iTarget<=0 ) iTarget = 0;
      break;
    default:
      return apiStmtError(p, MIMER_PARAMETER_INVALID);
  }
  return apiCursorSeek(p, iTarget);
}

/* Close the cursor; the statement stays prepared and can be reopened. */
int32_t MimerCloseCursor(MimerStatement statementhandle){
  ApiStmt *p = 0;
  int rc = apiCursorEnter(statementhandle, &p);
  if( rc ) return rc;
  rc = apiCursorClose(p);
  return rc<0 ? rc : MIMER_SUCCESS;
}

/*
** The 1-based number of the current row, 0 before the first fetch.  Past
** the end it is the number of rows in the result (what pdo_mimer reads
** as the row count).
*/
int32_t MimerCurrentRow(MimerStatement statementhandle){
  ApiStmt *p = 0;
  int rc = apiCursorEnter(statementhandle, &p);
  if( rc ) return rc;
  if( p->scrollable && p->atEnd ) return apiClampLen((uint64_t)(p->iRow-1));
  return apiClampLen((uint64_t)p->iRow);
}

/*
** Rows to fetch per server request: a hint for a client/server protocol
** the embedded engine does not have.  Accepts sizes >= 1, returns 0.
*/
int32_t MimerSetArraySize(MimerStatement statementhandle, int32_t arraysize){
  ApiStmt *p = apiStmtGet(statementhandle);
  if( p==0 ) return MIMER_HANDLE_INVALID;
  if( arraysize<1 ) return apiStmtError(p, MIMER_PARAMETER_INVALID);
  return MIMER_SUCCESS;
}

/* Bytes the value of a column of type t takes in a fetch buffer. */
static int64_t apiTypeSize(const SqlType *t){
  switch( t->id ){
    case SQLT_SMALLINT:  return 2;
    case SQLT_INTEGER:   return 4;
    case SQLT_BIGINT:    return 8;
    case SQLT_REAL:      return 4;
    case SQLT_DOUBLE:    return 8;
    case SQLT_INTEGER_P:
    case SQLT_DECIMAL:
    case SQLT_FLOAT_P:   return t->precision/2 + 2;
    case SQLT_CHAR:
    case SQLT_VARCHAR:   return t->length;
    case SQLT_NCHAR:
    case SQLT_NVARCHAR:  return (int64_t)t->length*4;
    case SQLT_BINARY:
    case SQLT_VARBINARY: return t->length;
    case SQLT_CLOB:
    case SQLT_NCLOB:
    case SQLT_BLOB:      return 8;      /* a locator */
    case SQLT_BOOLEAN:   return 1;
    case SQLT_DATE:      return 4;
    case SQLT_TIME:      return 8;
    case SQLT_TIMESTAMP: return 12;
    case SQLT_INTERVAL:  return 20;
    case SQLT_UUID:      return 16;
    case SQLT_GIS_LATITUDE:
    case SQLT_GIS_LONGITUDE: return 4;  /* Mimer's BINARY(4) */
  }
  return 8;                             /* also GIS_LOCATION, _COORDINATE: BINARY(8) */
}

/*
** Bytes one result row occupies in a fetch buffer: each column's value
** plus 8 bytes of indicator and length (one BIGINT column: 16).  0 for
** a statement without result set.
*/
int32_t MimerRowSize(MimerStatement statementhandle){
  ApiStmt *p = apiStmtGet(statementhandle);
  int64_t n = 0;
  int i;
  if( p==0 ) return MIMER_HANDLE_INVALID;
  for(i=0; i<p->nCol; i++) n += apiTypeSize(mlStmtColumnType(p->pStmt, i)) + 8;
  return apiClampLen((uint64_t)n);
}
