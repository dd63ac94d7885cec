/*
** Error retrieval: MimerGetError8 and its wide and locale flavours, and
** MimerNextError.  The handle is a session or a statement, told apart by
** the magic number at the start of every handle.  The record read is the
** last error of a failing call made with that handle (statement errors
** are mirrored into their session); a successful call does not clear it.
*/
#include <string.h>

#include "api/apiint.h"

/*
** The error record of handle pv (a live session or statement), or NULL
** when pv is NULL, freed or of another kind.
*/
static const MlError *apiErrorRecord(void *pv){
  const ApiHandleHdr *p = pv;
  if( p==0 ) return 0;
  if( p->magic==API_MAGIC_SESSION ) return &((const ApiSession*)pv)->err;
  if( p->magic==API_MAGIC_STMT ) return &((const ApiStmt*)pv)->err;
  return 0;
}

/*
** Find the error record of handle pv and store its code in *evalue (when
** not NULL).  Returns ML_OK, -24108 for a bad handle, or -24112 when the
** handle has no error recorded (*evalue is then 0).
*/
static int apiErrorLookup(void *pv, int32_t *evalue, const MlError **ppErr){
  const MlError *pErr = apiErrorRecord(pv);
  if( pErr==0 ) return MIMER_HANDLE_INVALID;
  if( evalue ) *evalue = pErr->code;
  if( pErr->code==0 ) return MIMER_NONEXISTENT_RECORD;
  *ppErr = pErr;
  return ML_OK;
}

/*
** Copy the last error's message (UTF-8) into buffer (bufsize bytes with
** the NUL), its code into *evalue; return the message length in bytes.
*/
int32_t MimerGetError8(void *handle, int32_t *evalue, char *buffer, size_t bufsize){
  const MlError *pErr = 0;
  int rc = apiErrorLookup(handle, evalue, &pErr);
  if( rc ) return rc;
  return apiCopyOut8(pErr->zMsg, strlen(pErr->zMsg), buffer, bufsize);
}

/* MimerGetError8 with a wide buffer; lengths in wide characters. */
int32_t MimerGetError(void *handle, int32_t *evalue, wchar_t *buffer, size_t bufsize){
  const MlError *pErr = 0;
  int rc = apiErrorLookup(handle, evalue, &pErr);
  if( rc ) return rc;
  return apiUtf8ToWideOut(pErr->zMsg, strlen(pErr->zMsg), buffer, bufsize);
}

/* MimerGetError8 in the locale's character set. */
int32_t MimerGetErrorC(void *handle, int32_t *evalue, char *buffer, size_t bufsize){
  const MlError *pErr = 0;
  int rc = apiErrorLookup(handle, evalue, &pErr);
  if( rc ) return rc;
  return apiUtf8ToLocaleOut(pErr->zMsg, strlen(pErr->zMsg), buffer, bufsize);
}

/*
** Advance to the next error of a multi-error condition.  mimerlite
** records one error per failing call, so there is never a next one:
** MIMER_NO_DATA for a valid handle, -24108 otherwise.
*/
int32_t MimerNextError(void *handle){
  return apiErrorRecord(handle) ? MIMER_NO_DATA : MIMER_HANDLE_INVALID;
}
