/*
** AST support (see ast.h): zeroed node allocation from the statement's
** arena, growable node lists, and the spelling tables generated from the
** X-macro lists in ast.h (operators, special values, object kinds,
** privileges, statement kinds) that the parser and the printer share.
*/
#include "sql/ast.h"
#include "util/errors.h"

#include <assert.h>
#include <string.h>

/* n zeroed bytes from pArena, or 0 when out of memory. */
void *astAlloc(Arena *pArena, size_t n){
  void *pNew = arenaAlloc(pArena, n);
  if( pNew ) memset(pNew, 0, n);
  return pNew;
}

/*
** Append pElem to the list *ppList, creating the list on first use.  The
** array doubles inside the arena (the old one is simply left behind).
** Returns ML_OK or ML_E_NOMEM.
*/
int astListAppend(Arena *pArena, AstList **ppList, void *pElem){
  AstList *pList = *ppList;
  if( pList==0 ){
    pList = astAlloc(pArena, sizeof(AstList));
    if( pList==0 ) return ML_E_NOMEM;
    *ppList = pList;
  }
  if( pList->n==pList->nAlloc ){
    int nNew = pList->nAlloc ? pList->nAlloc*2 : 4;
    void **aNew = arenaAlloc(pArena, sizeof(void*)*(size_t)nNew);
    if( aNew==0 ) return ML_E_NOMEM;
    if( pList->n ) memcpy(aNew, pList->a, sizeof(void*)*(size_t)pList->n);
    pList->a = aNew;
    pList->nAlloc = nNew;
  }
  pList->a[pList->n++] = pElem;
  return ML_OK;
}

static const char *const azOpName[] = {
  "",
#define AST_X_NAME(name, text) text,
  AST_OP_LIST(AST_X_NAME)
#undef AST_X_NAME
};

/* Spelling of AstOp op ("<>", "AND", "||" ...). */
const char *astOpName(int op){
  assert( op>AOP_NONE_ && op<AOP_COUNT_ );
  return azOpName[op];
}

static const struct { const char *zName; int hasPrecision; } aSpecial[] = {
  { "", 0 },
#define AST_X_NAME(name, text, prec) { text, prec },
  AST_SPECIAL_LIST(AST_X_NAME)
#undef AST_X_NAME
};

/* Spelling of special value sv (CURRENT_DATE ...). */
const char *astSpecialName(int sv){
  assert( sv>ASV_NONE_ && sv<ASV_COUNT_ );
  return aSpecial[sv].zName;
}

/* True if special value sv accepts a (precision). */
int astSpecialTakesPrecision(int sv){
  assert( sv>ASV_NONE_ && sv<ASV_COUNT_ );
  return aSpecial[sv].hasPrecision;
}

static const char *const azObjName[] = {
  "",
#define AST_X_NAME(name, text) text,
  AST_OBJ_LIST(AST_X_NAME)
#undef AST_X_NAME
};

/* Keyword naming object kind `kind` (TABLE, SEQUENCE ...). */
const char *astObjName(int kind){
  assert( kind>AOBJ_NONE_ && kind<AOBJ_COUNT_ );
  return azObjName[kind];
}

static const struct { const char *zName; int isSystem; } aPriv[] = {
  { "", 0 },
#define AST_X_NAME(name, text, sys) { text, sys },
  AST_PRIV_LIST(AST_X_NAME)
#undef AST_X_NAME
};

/* Spelling of privilege `kind`. */
const char *astPrivName(int kind){
  assert( kind>APRIV_NONE_ && kind<APRIV_COUNT_ );
  return aPriv[kind].zName;
}

/* True for system privileges (granted without ON). */
int astPrivIsSystem(int kind){
  assert( kind>APRIV_NONE_ && kind<APRIV_COUNT_ );
  return aPriv[kind].isSystem;
}

static const char *const azStmtName[] = {
  "",
#define AST_X_NAME(name, text) text,
  AST_STMT_LIST(AST_X_NAME)
#undef AST_X_NAME
};

/* Short description of statement kind `kind` ("CREATE TABLE" ...). */
const char *astStmtName(int kind){
  assert( kind>AS_NONE_ && kind<AS_COUNT_ );
  return azStmtName[kind];
}
