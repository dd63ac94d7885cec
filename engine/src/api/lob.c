/*
** Large objects (BLOB, CLOB, NCLOB), streamed in chunks (spec 2.10, 4.6).
**
** Input: MimerSetLob declares a length and returns a LOB handle; the
** MimerSetBlobData / MimerSetNclobData8 chunks accumulate in the handle.
** For CLOB/NCLOB the declared length may be characters (the docs, node,
** mimerrust) or UTF-8 bytes (MimerPy): the value is complete when the
** characters reach it (else at execution), and only more characters than
** declared is an error.
** A complete value is converted to the parameter's type, becomes the
** parameter's value, and the handle is released (*lob = NULL).  A value
** still incomplete at execution is taken as it is for CLOB/NCLOB; a short
** BLOB is an unset parameter (-24103).
**
** Output: MimerGetLob opens the LOB of the current row (closing the
** statement's other output LOB handles) and reports its length in bytes
** (BLOB) or characters (CLOB/NCLOB); MimerGetBlobData / MimerGetNclobData8
** read it sequentially straight from the row, without copying the value.
** A handle dies when the cursor moves (-24101 after that).
*/
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "api/apiint.h"
#include "types/strings.h"
#include "types/typesys.h"

/* Create a LOB handle on statement p, linked into p's list. */
static ApiLob *apiLobNew(ApiStmt *p, int isInput, int iCol, uint8_t typeId){
  ApiLob *pLob = apiHandleAlloc(API_KIND_LOB, sizeof(ApiLob));
  if( pLob==0 ) return 0;
  pLob->pStmt = p;
  pLob->isInput = (uint8_t)isInput;
  pLob->iCol = iCol;
  pLob->typeId = typeId;
  pLob->pNext = p->pFirstLob;
  if( pLob->pNext ) pLob->pNext->pPrev = pLob;
  p->pFirstLob = pLob;
  return pLob;
}

/*
** Start streaming a LOB into parameter paramno: *lobhandle receives the
** handle, NULL when nDeclared is 0 (the value is then the empty LOB and
** no data call is needed).  hasLength is 0 for MimerSetLob2 (length
** unknown).  -24104 when the parameter is not a LOB.
*/
static int apiSetLob(MimerStatement h, int16_t paramno, uint64_t nDeclared, int hasLength,
                     MimerLob *lobhandle){
  ApiStmt *p = apiStmtGet(h);
  ApiParam *pPar;
  ApiLob *pLob;
  int rc;
  if( lobhandle ) *lobhandle = 0;
  if( p==0 ) return MIMER_HANDLE_INVALID;
  if( (rc = apiParamCheck(p, paramno))!=0 ) return rc;
  if( lobhandle==0 ) return apiStmtError(p, MIMER_PARAMETER_INVALID);
  pPar = &p->aParam[paramno-1];
  if( !SQLT_IS_LOB(pPar->type.id) ) return apiStmtError(p, MIMER_CAST_VIOLATION);
  if( pPar->pLob ) apiLobFree(pPar->pLob);
  pPar->isSet = 0;
  if( hasLength && nDeclared==0 ){
    Value v;
    SqlType t = pPar->type;
    memset(&v, 0, sizeof(v));
    v.type = t.id;
    v.u.s.z = "";
    return apiParamSetValue(p, paramno-1, &v, &t);
  }
  pLob = apiLobNew(p, 1, paramno-1, pPar->type.id);
  if( pLob==0 ) return apiStmtError(p, MIMER_OUTOFMEMORY);
  pLob->nDeclared = hasLength ? nDeclared : UINT64_MAX;
  pPar->pLob = pLob;
  *lobhandle = pLob;
  return MIMER_SUCCESS;
}

/* Begin setting LOB parameter paramno of declared length size_length. */
int32_t MimerSetLob(MimerStatement statementhandle, int16_t paramno, size_t size_length,
                    MimerLob *lobhandle){
  return apiSetLob(statementhandle, paramno, size_length, 1, lobhandle);
}

/* Begin setting LOB parameter paramno, length given later or implied. */
int32_t MimerSetLob2(MimerStatement statementhandle, int16_t paramno, MimerLob *lobhandle){
  return apiSetLob(statementhandle, paramno, 0, 0, lobhandle);
}

/* Declare the length of an input LOB opened with MimerSetLob2. */
int32_t MimerSetLobLength(MimerLob lobhandle, int64_t length){
  ApiLob *pLob = apiLobGet(lobhandle);
  if( pLob==0 ) return MIMER_HANDLE_INVALID;
  if( !pLob->isInput ) return apiStmtError(pLob->pStmt, MIMER_SEQUENCE_ERROR);
  if( length<0 || (uint64_t)length<pLob->nChar ){
    return apiStmtError(pLob->pStmt, MIMER_PARAMETER_INVALID);
  }
  pLob->nDeclared = (uint64_t)length;
  return MIMER_SUCCESS;
}

/*
** Make the data streamed into pPar's LOB handle the parameter's value
** and release the handle.  `atExecute` when called by an execution for
** a value that may be short of its declared length: a CLOB/NCLOB is
** taken as it is, a short BLOB is -24103.  Returns ML_OK or an API error
** code (not recorded).
*/
int apiLobFinish(ApiStmt *p, ApiParam *pPar, int atExecute){
  ApiLob *pLob = pPar->pLob;
  Value v;
  SqlType t;
  int rc;
  assert( pLob && pLob->isInput );
  if( atExecute && pLob->typeId==SQLT_BLOB && pLob->nDeclared!=UINT64_MAX
   && pLob->nData<pLob->nDeclared ){
    apiLobFree(pLob);
    return MIMER_UNSET_PARAMETER;
  }
  memset(&v, 0, sizeof(v));
  memset(&t, 0, sizeof(t));
  t.id = pLob->typeId==SQLT_BLOB ? SQLT_BLOB : SQLT_NCLOB;
  t.length = (uint32_t)(pLob->nData>UINT32_MAX ? UINT32_MAX : (pLob->nData ? pLob->nData : 1));
  v.type = t.id;
  v.u.s.z = pLob->aData ? pLob->aData : "";
  v.u.s.n = (uint32_t)pLob->nData;
  if( pLob->nData>UINT32_MAX ){
    apiLobFree(pLob);
    return MIMER_TRUNCATION_ERROR;
  }
  /* apiParamSetValue frees pLob (the parameter's pending LOB) first, so
  ** move the bytes out of the handle before the call. */
  pLob->aData = 0;
  rc = apiParamSetValue(p, (int)(pPar - p->aParam), &v, &t);
  free((void*)(v.u.s.n ? v.u.s.z : 0));
  return rc<0 ? rc : ML_OK;
}

/*
** Append chunk a[0..n) (nChar characters; 0 for BLOB) to input LOB
** *lobhandle; when the value is complete, make it the parameter's value
** and set *lobhandle to NULL.
*/
static int apiLobAppend(MimerLob *lobhandle, const void *a, size_t n, uint64_t nChar,
                        int isBlob){
  ApiLob *pLob = lobhandle ? apiLobGet(*lobhandle) : 0;
  ApiStmt *p;
  int done, rc;
  if( pLob==0 ) return MIMER_HANDLE_INVALID;
  p = pLob->pStmt;
  if( !pLob->isInput ) return apiStmtError(p, MIMER_SEQUENCE_ERROR);
  if( (pLob->typeId==SQLT_BLOB)!=isBlob ) return apiStmtError(p, MIMER_CAST_VIOLATION);
  if( a==0 && n>0 ) return apiStmtError(p, MIMER_PARAMETER_INVALID);
  if( isBlob ? pLob->nData+n>pLob->nDeclared : pLob->nChar+nChar>pLob->nDeclared ){
    apiLobFree(pLob);
    *lobhandle = 0;
    return apiStmtError(p, MIMER_TRUNCATION_ERROR);
  }
  if( pLob->nData+n>pLob->nAlloc ){
    size_t nNew = pLob->nAlloc ? pLob->nAlloc*2 : 4096;
    char *aNew;
    if( pLob->nDeclared!=UINT64_MAX && nNew<pLob->nDeclared && isBlob ) nNew = pLob->nDeclared;
    while( nNew<pLob->nData+n ) nNew *= 2;
    aNew = realloc(pLob->aData, nNew);
    if( aNew==0 ) return apiStmtError(p, MIMER_OUTOFMEMORY);
    pLob->aData = aNew;
    pLob->nAlloc = nNew;
  }
  if( n ) memcpy(pLob->aData+pLob->nData, a, n);
  pLob->nData += n;
  pLob->nChar += nChar;
  done = isBlob ? pLob->nData==pLob->nDeclared : pLob->nChar==pLob->nDeclared;
  if( !done ) return MIMER_SUCCESS;
  *lobhandle = 0;
  rc = apiLobFinish(p, &p->aParam[pLob->iCol], 0);
  return rc<0 ? apiStmtError(p, rc) : MIMER_SUCCESS;
}

/*
** 1 for a data call that adds nothing to a value already complete: its
** handle is NULL (MimerSetLob with length 0, or the last chunk, set it so).
** Such a call succeeds and does nothing; MimerPy sends an empty CLOB/NCLOB
** as MimerSetLob(0) followed by a zero-length MimerSetNclobData8.
*/
static int apiLobNothingToAdd(const MimerLob *lobhandle, size_t n){
  return lobhandle && *lobhandle==0 && n==0;
}

/* Append `size` bytes to a BLOB being set. */
int32_t MimerSetBlobData(MimerLob *lobhandle, const void *data, size_t size){
  if( apiLobNothingToAdd(lobhandle, size) ) return MIMER_SUCCESS;
  return apiLobAppend(lobhandle, data, size, 0, 1);
}

/* Append `length` bytes of UTF-8 to a CLOB/NCLOB being set (-24004 if malformed). */
int32_t MimerSetNclobData8(MimerLob *lobhandle, const char *data, size_t length){
  ApiLob *pLob = lobhandle ? apiLobGet(*lobhandle) : 0;
  uint32_t nChar = 0;
  if( apiLobNothingToAdd(lobhandle, length) ) return MIMER_SUCCESS;
  if( pLob==0 ) return MIMER_HANDLE_INVALID;
  if( data && (length>UINT32_MAX || strUtf8Check(data, (uint32_t)length, &nChar)!=ML_OK) ){
    return apiStmtError(pLob->pStmt, MIMER_ILLEGAL_CHARACTER);
  }
  return apiLobAppend(lobhandle, data, length, nChar, 0);
}

/* Append `length` wide characters to a CLOB/NCLOB being set. */
int32_t MimerSetNclobData(MimerLob *lobhandle, const wchar_t *data, size_t length){
  ApiLob *pLob = lobhandle ? apiLobGet(*lobhandle) : 0;
  char *z = 0;
  size_t n;
  int rc;
  if( apiLobNothingToAdd(lobhandle, length) ) return MIMER_SUCCESS;
  if( pLob==0 ) return MIMER_HANDLE_INVALID;
  if( data==0 && length>0 ) return apiStmtError(pLob->pStmt, MIMER_PARAMETER_INVALID);
  rc = apiWideToUtf8(data ? data : L"", length, &z, &n);
  if( rc ) return apiStmtError(pLob->pStmt, rc);
  rc = MimerSetNclobData8(lobhandle, z, n);
  free(z);
  return rc;
}

/* Append `length` bytes of locale text to a CLOB/NCLOB being set. */
int32_t MimerSetNclobDataC(MimerLob *lobhandle, const char *data, size_t length){
  ApiLob *pLob = lobhandle ? apiLobGet(*lobhandle) : 0;
  char *z = 0;
  size_t n;
  int rc;
  if( apiLobNothingToAdd(lobhandle, length) ) return MIMER_SUCCESS;
  if( pLob==0 ) return MIMER_HANDLE_INVALID;
  if( data==0 && length>0 ) return apiStmtError(pLob->pStmt, MIMER_PARAMETER_INVALID);
  rc = apiLocaleToUtf8(data ? data : "", length, &z, &n);
  if( rc ) return apiStmtError(pLob->pStmt, rc);
  rc = MimerSetNclobData8(lobhandle, z, n);
  free(z);
  return rc;
}

/*
** Open the LOB in column colno of the current row: *lobhandle receives
** the handle, *size_length (when not NULL) its length in bytes (BLOB) or
** characters (CLOB, NCLOB).  Other output LOB handles of the statement
** are closed.  -24104 not a LOB, -24002 NULL, -24101 no current row.
*/
static int apiGetLob(MimerStatement h, int16_t colno, uint64_t *pnLength, MimerLob *lobhandle){
  ApiStmt *p = apiStmtGet(h);
  const Value *pVal;
  const SqlType *pType;
  ApiLob *pLob, *pNext;
  int rc;
  if( lobhandle ) *lobhandle = 0;
  if( p==0 ) return MIMER_HANDLE_INVALID;
  if( (rc = apiColumnValue(p, colno, &pVal, &pType))!=0 ) return rc;
  if( !SQLT_IS_LOB(pType->id) ) return apiStmtError(p, MIMER_CAST_VIOLATION);
  if( lobhandle==0 ) return apiStmtError(p, MIMER_PARAMETER_INVALID);
  if( pVal->isNull ) return apiStmtError(p, MIMER_SQL_NULL_VALUE);
  for(pLob=p->pFirstLob; pLob; pLob=pNext){
    pNext = pLob->pNext;
    if( !pLob->isInput ) apiLobFree(pLob);
  }
  pLob = apiLobNew(p, 0, colno-1, pType->id);
  if( pLob==0 ) return apiStmtError(p, MIMER_OUTOFMEMORY);
  pLob->iGen = p->iGen;
  pLob->nLength = pType->id==SQLT_BLOB ? pVal->u.s.n : strCharCount(pVal->u.s.z, pVal->u.s.n);
  if( pnLength ) *pnLength = pLob->nLength;
  *lobhandle = pLob;
  return MIMER_SUCCESS;
}

/* Open the LOB in column colno; its length into *size_length. */
int32_t MimerGetLob(MimerStatement statementhandle, int16_t colno, size_t *size_length,
                    MimerLob *lobhandle){
  uint64_t n = 0;
  int rc = apiGetLob(statementhandle, colno, &n, lobhandle);
  if( rc==MIMER_SUCCESS && size_length ) *size_length = (size_t)n;
  return rc;
}

/* Open the LOB in column colno; MimerGetLobLength gives its length. */
int32_t MimerGetLob2(MimerStatement statementhandle, int16_t colno, MimerLob *lobhandle){
  return apiGetLob(statementhandle, colno, 0, lobhandle);
}

/*
** Length of a LOB: bytes (BLOB) or characters (CLOB, NCLOB) of an output
** LOB, the declared length of an input LOB (-24101 if not declared yet).
*/
int64_t MimerGetLobLength(MimerLob lobhandle){
  ApiLob *pLob = apiLobGet(lobhandle);
  if( pLob==0 ) return MIMER_HANDLE_INVALID;
  if( pLob->isInput ){
    if( pLob->nDeclared==UINT64_MAX ) return apiStmtError(pLob->pStmt, MIMER_SEQUENCE_ERROR);
    return (int64_t)pLob->nDeclared;
  }
  return (int64_t)pLob->nLength;
}

/*
** The output LOB *lobhandle and the value it reads (its row must still
** be current): -24108 bad handle, -24101 input LOB or cursor moved.
*/
static int apiLobRead(MimerLob *lobhandle, ApiLob **ppLob, const Value **ppVal){
  ApiLob *pLob = lobhandle ? apiLobGet(*lobhandle) : 0;
  ApiStmt *p;
  if( pLob==0 ) return MIMER_HANDLE_INVALID;
  p = pLob->pStmt;
  if( pLob->isInput || pLob->iGen!=p->iGen || !p->hasRow ){
    return apiStmtError(p, MIMER_SEQUENCE_ERROR);
  }
  *ppLob = pLob;
  *ppVal = mlStmtColumn(p->pStmt, pLob->iCol);
  return ML_OK;
}

/*
** Read the next chunk of up to `size` bytes of a BLOB into data.
** Returns the bytes that were left at the start of the call (a value
** <= size means this chunk ends the LOB), 0 once all was read.
*/
int32_t MimerGetBlobData(MimerLob *lobhandle, void *data, size_t size){
  ApiLob *pLob = 0;
  const Value *pVal = 0;
  size_t nLeft, nCopy;
  int rc = apiLobRead(lobhandle, &pLob, &pVal);
  if( rc ) return rc;
  if( pLob->typeId!=SQLT_BLOB ) return apiStmtError(pLob->pStmt, MIMER_CAST_VIOLATION);
  if( data==0 && size>0 ) return apiStmtError(pLob->pStmt, MIMER_PARAMETER_INVALID);
  nLeft = pVal->u.s.n - pLob->iPos;
  nCopy = nLeft<size ? nLeft : size;
  if( nCopy ) memcpy(data, pVal->u.s.z + pLob->iPos, nCopy);
  pLob->iPos += nCopy;
  return apiClampLen(nLeft);
}

/*
** The next whole characters of a CLOB/NCLOB, at most nMaxChar of them
** in at most nMaxByte bytes: their byte count into *pnByte and character
** count into *pnChar.
*/
static void apiLobChunk(ApiLob *pLob, const Value *pVal, size_t nMaxByte, uint64_t nMaxChar,
                        size_t *pnByte, uint64_t *pnChar){
  const unsigned char *z = (const unsigned char*)pVal->u.s.z + pLob->iPos;
  size_t nLeft = pVal->u.s.n - pLob->iPos, i = 0;
  uint64_t nChar = 0;
  while( i<nLeft && nChar<nMaxChar ){
    size_t len = 1;
    if( z[i]>=0xF0 ) len = 4; else if( z[i]>=0xE0 ) len = 3; else if( z[i]>=0xC0 ) len = 2;
    if( i+len>nMaxByte || i+len>nLeft ) break;
    i += len;
    nChar++;
  }
  *pnByte = i;
  *pnChar = nChar;
}

/*
** apiLobRead for the three CLOB/NCLOB chunk readers: also -24104 for a
** BLOB and -24107 for a NULL buffer of non-zero size.
*/
static int apiNclobRead(MimerLob *lobhandle, const void *data, size_t size,
                        ApiLob **ppLob, const Value **ppVal){
  int rc = apiLobRead(lobhandle, ppLob, ppVal);
  if( rc ) return rc;
  if( (*ppLob)->typeId==SQLT_BLOB ) return apiStmtError((*ppLob)->pStmt, MIMER_CAST_VIOLATION);
  if( data==0 && size>0 ) return apiStmtError((*ppLob)->pStmt, MIMER_PARAMETER_INVALID);
  return ML_OK;
}

/*
** Read the next chunk of a CLOB/NCLOB as UTF-8 into data (size bytes
** with the NUL; never splits a character).  Returns the characters that
** were left at the start of the call, 0 (and "") once all was read.
*/
int32_t MimerGetNclobData8(MimerLob *lobhandle, char *data, size_t size){
  ApiLob *pLob = 0;
  const Value *pVal = 0;
  size_t nByte = 0;
  uint64_t nChar = 0, nLeft;
  int rc = apiNclobRead(lobhandle, data, size, &pLob, &pVal);
  if( rc ) return rc;
  nLeft = pLob->nLength - pLob->iCharPos;
  if( size>0 ){
    apiLobChunk(pLob, pVal, size-1, UINT64_MAX, &nByte, &nChar);
    memcpy(data, pVal->u.s.z + pLob->iPos, nByte);
    data[nByte] = 0;
    pLob->iPos += nByte;
    pLob->iCharPos += nChar;
  }
  return apiClampLen(nLeft);
}

/*
** MimerGetNclobData8 into a wide buffer of `size` wide characters with
** the NUL.  Returns the characters left at the start of the call.
*/
int32_t MimerGetNclobData(MimerLob *lobhandle, wchar_t *data, size_t size){
  ApiLob *pLob = 0;
  const Value *pVal = 0;
  size_t nByte = 0;
  uint64_t nChar = 0, nLeft;
  int rc = apiNclobRead(lobhandle, data, size, &pLob, &pVal);
  if( rc ) return rc;
  nLeft = pLob->nLength - pLob->iCharPos;
  if( size>0 ){
    const char *z = pVal->u.s.z + pLob->iPos;
    uint64_t nMax = sizeof(wchar_t)==2 ? (size-1)/2 : size-1;  /* room for surrogates */
    apiLobChunk(pLob, pVal, SIZE_MAX, nMax, &nByte, &nChar);
    apiUtf8ToWideOut(z, nByte, data, size);
    pLob->iPos += nByte;
    pLob->iCharPos += nChar;
  }
  return apiClampLen(nLeft);
}

/*
** MimerGetNclobData8 in the locale's character set; *returned receives
** the bytes written (without the NUL).  Returns the characters left at
** the start of the call.
*/
int32_t MimerGetNclobDataC(size_t *returned, MimerLob *lobhandle, char *data, size_t size){
  ApiLob *pLob = 0;
  const Value *pVal = 0;
  size_t nByte = 0;
  uint64_t nChar = 0, nLeft;
  int rc = apiNclobRead(lobhandle, data, size, &pLob, &pVal);
  if( returned ) *returned = 0;
  if( rc ) return rc;
  nLeft = pLob->nLength - pLob->iCharPos;
  if( size>0 ){
    const char *z = pVal->u.s.z + pLob->iPos;
    int nOut;
    /* Take as many characters as fit in size-1 bytes of UTF-8, then
    ** fewer until their locale text fits too. */
    apiLobChunk(pLob, pVal, size-1, UINT64_MAX, &nByte, &nChar);
    for(;;){
      nOut = apiUtf8ToLocaleOut(z, nByte, 0, 0);
      if( nOut<0 ) return apiStmtError(pLob->pStmt, nOut);
      if( (size_t)nOut<=size-1 || nChar==0 ) break;
      apiLobChunk(pLob, pVal, SIZE_MAX, nChar-1, &nByte, &nChar);
    }
    apiUtf8ToLocaleOut(z, nByte, data, size);
    if( returned ) *returned = (size_t)nOut;
    pLob->iPos += nByte;
    pLob->iCharPos += nChar;
  }
  return apiClampLen(nLeft);
}
