/*
** Executor plumbing (exec/ layer): dispatch to an operator's methods,
** EXPLAIN text of an operator tree, value copying into arenas, and the
** memcmp-ordered value encoding that sorting, grouping, DISTINCT and set
** operations share (the key codec of kv/, so those operators order and
** compare values exactly as indexes do).
*/
#include "exec/exec.h"

#include <string.h>

#include "kv/keycodec.h"

int execOpen(ExecOp *p, ExecCtx *pCtx){ return p->pVt->xOpen(p, pCtx); }
int execNext(ExecOp *p, ExecCtx *pCtx){ return p->pVt->xNext(p, pCtx); }
void execClose(ExecOp *p, ExecCtx *pCtx){ p->pVt->xClose(p, pCtx); }

static void execExplainOp(ExecOp *p, StrBuf *pOut, int depth){
  int i;
  for(i=0; i<depth; i++) strbufAppendStr(pOut, "  ");
  strbufAppendStr(pOut, p->pVt->zName);
  if( p->pVt->xExplain ) p->pVt->xExplain(p, pOut);
  strbufAppendByte(pOut, '\n');
  if( p->pLeft ) execExplainOp(p->pLeft, pOut, depth+1);
  if( p->pRight ) execExplainOp(p->pRight, pOut, depth+1);
}

/* Append an indented outline of the tree rooted at p. */
int execExplain(ExecOp *p, StrBuf *pOut){
  execExplainOp(p, pOut, 0);
  return strbufError(pOut);
}

int execValueCopy(Arena *pArena, Value *pDst, const Value *pSrc){
  *pDst = *pSrc;
  if( !pSrc->isNull && (SQLT_IS_CHARACTER(pSrc->type) || SQLT_IS_BINARYSTR(pSrc->type)) ){
    char *z = arenaAlloc(pArena, pSrc->u.s.n+1);
    if( z==0 ) return ML_E_NOMEM;
    memcpy(z, pSrc->u.s.z, pSrc->u.s.n);
    z[pSrc->u.s.n] = 0;
    pDst->u.s.z = z;
  }
  return ML_OK;
}

/*
** Append the key-codec encoding of n values to pBuf (no tree id, no
** truncation): equal encodings mean equal values (NULLs equal each other),
** and memcmp order is ORDER BY order with NULLs last, DESC reversed.
*/
int execEncodeValues(StrBuf *pBuf, int n, const Value *const *apVal,
                     const SqlType *aType, const uint8_t *aDesc){
  int i, rc = ML_OK;
  for(i=0; rc==ML_OK && i<n; i++){
    rc = keyAppendValue(pBuf, apVal[i], &aType[i], aDesc ? aDesc[i] : 0);
  }
  return rc;
}
