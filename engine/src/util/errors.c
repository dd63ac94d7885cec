/*
** Lookup and formatting over the error table in errors.h.  This file holds
** no codes of its own: the table is the single source of truth.
*/
#include "util/errors.h"

#include <stdio.h>
#include <string.h>

typedef struct MlErrorEntry {
  int code;
  const char *zState;
  const char *zTemplate;
} MlErrorEntry;

static const MlErrorEntry aMlError[] = {
#define ML_X_ENTRY(name, code, state, text) { code, state, text },
  ML_ERROR_LIST(ML_X_ENTRY)
#undef ML_X_ENTRY
};

static const MlErrorEntry *mlErrorFind(int code){
  size_t i;
  for(i=0; i<sizeof(aMlError)/sizeof(aMlError[0]); i++){
    if( aMlError[i].code==code ) return &aMlError[i];
  }
  return 0;
}

const char *mlErrorTemplate(int code){
  const MlErrorEntry *e = mlErrorFind(code);
  return e ? e->zTemplate : 0;
}

const char *mlErrorSqlState(int code){
  const MlErrorEntry *e = mlErrorFind(code);
  return e ? e->zState : "HY000";
}

void mlErrorClear(MlError *p){
  if( p ){ p->code = 0; p->zState[0] = 0; p->zMsg[0] = 0; }
}

/* Fill p's code and SQLSTATE; the message is left for the caller. */
static void mlErrorSetCode(MlError *p, int code){
  const char *zState = mlErrorSqlState(code);
  p->code = code;
  memcpy(p->zState, zState, 5);
  p->zState[5] = 0;
}

/*
** Record error `code` in p using the table's template; the variable
** arguments are the template's %s strings, in order.  p may be NULL, in
** which case only the code is returned.  Returns code.
*/
int mlErrorSet(MlError *p, int code, ...){
  va_list ap;
  const char *zTemplate;
  if( p==0 ) return code;
  mlErrorSetCode(p, code);
  zTemplate = mlErrorTemplate(code);
  if( zTemplate==0 ){
    snprintf(p->zMsg, sizeof(p->zMsg), "Error %d", code);
    return code;
  }
  va_start(ap, code);
  vsnprintf(p->zMsg, sizeof(p->zMsg), zTemplate, ap);
  va_end(ap);
  return code;
}

/* Record error `code` in p with a message formatted by the caller. */
int mlErrorSetText(MlError *p, int code, const char *zFmt, ...){
  va_list ap;
  if( p==0 ) return code;
  mlErrorSetCode(p, code);
  va_start(ap, zFmt);
  vsnprintf(p->zMsg, sizeof(p->zMsg), zFmt, ap);
  va_end(ap);
  return code;
}
