/*
** The callback routines of statement option MIMER_CALLBACKS.  Their
** semantics are not public and no known driver uses them; mimerlite
** never raises a callback, so asking for one is out of sequence: every
** routine validates its handle and returns -24101 (spec 2.12).
*/
#include "api/apiint.h"

/* -24108 for a bad handle, else -24101 recorded on the statement. */
static int apiNoCallback(MimerStatement h){
  ApiStmt *p = apiStmtGet(h);
  if( p==0 ) return MIMER_HANDLE_INVALID;
  return apiStmtError(p, MIMER_SEQUENCE_ERROR);
}

int32_t MimerGetCallback(MimerStatement statementhandle, wchar_t *name, size_t size,
                         int32_t *out){
  (void)name; (void)size; (void)out;
  return apiNoCallback(statementhandle);
}

int32_t MimerGetCallbackC(MimerStatement statementhandle, char *name, size_t size, int32_t *out){
  (void)name; (void)size; (void)out;
  return apiNoCallback(statementhandle);
}

int32_t MimerGetCallback8(MimerStatement statementhandle, char *name, size_t size, int32_t *out){
  (void)name; (void)size; (void)out;
  return apiNoCallback(statementhandle);
}

int32_t MimerGetCallbackParamType(MimerStatement statementhandle, int16_t paramno){
  (void)paramno;
  return apiNoCallback(statementhandle);
}

int32_t MimerGetCallbackParamString(MimerStatement statementhandle, int16_t paramno,
                                    wchar_t *buf, size_t size){
  (void)paramno; (void)buf; (void)size;
  return apiNoCallback(statementhandle);
}

int32_t MimerGetCallbackParamStringC(MimerStatement statementhandle, int16_t paramno,
                                     char *buf, size_t size){
  (void)paramno; (void)buf; (void)size;
  return apiNoCallback(statementhandle);
}

int32_t MimerGetCallbackParamString8(MimerStatement statementhandle, int16_t paramno,
                                     char *buf, size_t size){
  (void)paramno; (void)buf; (void)size;
  return apiNoCallback(statementhandle);
}

int32_t MimerGetCallbackParamInt64(MimerStatement statementhandle, int16_t paramno,
                                   int64_t *value){
  (void)paramno; (void)value;
  return apiNoCallback(statementhandle);
}
