/*
** LIKE pattern matching (expr/ layer) over UTF-8 strings by character:
** '%' matches any sequence, '_' any one character, the escape character
** (if any) makes the next pattern character literal.  Iterative with one
** backtrack point per '%', so matching is linear-ish and never recursive.
*/
#include "expr/expr.h"

/* Decode the UTF-8 character at z[*pi] (valid UTF-8 assumed). */
static uint32_t likeChar(const char *z, uint32_t n, uint32_t *pi){
  uint32_t c = (unsigned char)z[*pi], k, nb;
  if( c<0x80 ){ (*pi)++; return c; }
  nb = c>=0xF0 ? 4 : c>=0xE0 ? 3 : 2;
  c &= (0x7F >> nb);
  for(k=1; k<nb && *pi+k<n; k++) c = (c<<6) | ((unsigned char)z[*pi+k] & 0x3F);
  *pi += nb;
  return c;
}

/*
** Set *pbMatch to whether z[0..n) matches zPat[0..nPat).  Returns ML_OK,
** or ML_E_INVALID_USE when the escape character is followed by nothing.
*/
int exprLike(const char *z, uint32_t n, const char *zPat, uint32_t nPat,
             int hasEscape, uint32_t cEscape, int *pbMatch){
  uint32_t i = 0, j = 0, iStar = 0, jStar = 0;
  int bStar = 0;
  for(;;){
    if( j<nPat ){
      uint32_t jNext = j;
      uint32_t pc = likeChar(zPat, nPat, &jNext);
      if( hasEscape && pc==cEscape ){
        uint32_t lit;
        if( jNext>=nPat ) return ML_E_INVALID_USE;
        lit = likeChar(zPat, nPat, &jNext);
        if( i<n ){
          uint32_t iNext = i;
          if( likeChar(z, n, &iNext)==lit ){ i = iNext; j = jNext; continue; }
        }
      }else if( pc=='%' ){
        bStar = 1; iStar = i; jStar = jNext; j = jNext;
        continue;
      }else if( i<n ){
        uint32_t iNext = i;
        uint32_t sc = likeChar(z, n, &iNext);
        if( pc=='_' || pc==sc ){ i = iNext; j = jNext; continue; }
      }
    }else if( i>=n ){
      *pbMatch = 1;
      return ML_OK;
    }
    if( !bStar || iStar>=n ){ *pbMatch = 0; return ML_OK; }
    likeChar(z, n, &iStar);
    i = iStar;
    j = jStar;
  }
}
