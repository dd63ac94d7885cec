/*
** dec45_driver: the C half of the differential test of types/dec45
** against Python's decimal module (dec45_differential.py is the other
** half).  It reads one operation per line on stdin and writes one result
** line per operation on stdout, so a whole run is a single process fed
** through a pipe.  Operations (operands are dec45Parse text; p s are a
** DECIMAL precision and scale, n a FLOAT precision, m is T or H):
**
**   ADD|SUB|MUL|DIV a b p1 s1 p2 s2  DECIMAL arithmetic with Mimer's result
**                                    type: "p s text" or "p s E<code>"
**   DIVH a b s        a/b at scale s rounded half-up: text or E<code>
**   MULX a b          exact product: scientific text or E<code>
**   ADDF|SUBF|MULF|DIVF a b n  FLOAT(n) arithmetic: scientific or E<code>
**   RSIG a n          dec45RoundSig
**   ROUND a p s m     dec45Round to DECIMAL(p,s): text or E<code>
**   CMP a b           -1, 0 or 1
**   TOINT a           dec45ToInt64: integer or E<code>
**   TODBL a           dec45ToDouble as %.17g
**   FROMDBL x n       dec45FromDouble(strtod(x), n): scientific or E<code>
**   PARSE text...     the rest of the line: "prec scale sci fixed" or E<code>
**
** An operand that fails to parse, or whose precision and scale differ from
** the p s given, prints "BADOPERAND ...".  With --bench the driver instead
** reads all operations first, then times each kind's computation (no
** parsing of operands, no output) and prints operations per second.
*/
#include "types/dec45.h"
#include "util/errors.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef enum DriverKind {
  DK_ADD, DK_SUB, DK_MUL, DK_DIV, DK_DIVH, DK_MULX, DK_ADDF, DK_SUBF, DK_MULF,
  DK_DIVF, DK_RSIG, DK_ROUND, DK_CMP, DK_TOINT, DK_TODBL, DK_FROMDBL,
  DK_PARSE, DK_COUNT
} DriverKind;

static const char *const azKind[DK_COUNT] = {
  "ADD", "SUB", "MUL", "DIV", "DIVH", "MULX", "ADDF", "SUBF", "MULF",
  "DIVF", "RSIG", "ROUND", "CMP", "TOINT", "TODBL", "FROMDBL", "PARSE"
};

/* One parsed input line. */
typedef struct DriverOp {
  DriverKind kind;
  Dec45 a, b;              /* operands */
  int p1, s1, p2, s2;      /* declared operand types (DECIMAL ops) */
  int n;                   /* FLOAT precision, or target precision */
  int s;                   /* target scale */
  Dec45Rounding r;         /* ROUND mode */
  double v;                /* FROMDBL input */
  const char *zText;       /* PARSE input: into the line, or a copy (bench) */
} DriverOp;

/* What one computation produced. */
typedef struct DriverResult {
  int rc;                  /* ML_OK or the error code */
  Dec45 d;                 /* decimal result */
  int p, s;                /* result type (DECIMAL ops), PARSE prec/scale */
  int64_t i;               /* CMP, TOINT result */
  double v;                /* TODBL result */
} DriverResult;

/* Parse one operand token; with p >= 0 also require that precision/scale. */
static int driverOperand(const char *z, int p, int s, Dec45 *pOut){
  int prec = 0, scale = 0;
  int rc = dec45Parse(pOut, z, -1, &prec, &scale);
  if( rc ) return rc;
  if( p>=0 && (prec!=p || scale!=s) ) return ML_E_INTERNAL;
  return ML_OK;
}

/*
** Fill pOp from zLine (modified: tokens are cut in place).  Returns 0, or
** -1 with a message in zErr for a line the driver cannot use.
*/
static int driverParseLine(char *zLine, DriverOp *pOp, char *zErr, int nErr){
  char *az[8];
  int nTok = 0, k, rc = 0;
  char *z = zLine;
  memset(pOp, 0, sizeof(*pOp));
  while( *z==' ' ) z++;
  for(k=0; k<DK_COUNT; k++){
    size_t n = strlen(azKind[k]);
    if( strncmp(z, azKind[k], n)==0 && (z[n]==' ' || z[n]==0) ) break;
  }
  if( k==DK_COUNT ){
    snprintf(zErr, nErr, "BADLINE unknown operation");
    return -1;
  }
  pOp->kind = (DriverKind)k;
  z += strlen(azKind[k]);
  if( pOp->kind==DK_PARSE ){
    pOp->zText = *z ? z+1 : z;
    return 0;
  }
  while( nTok<8 ){
    while( *z==' ' ) z++;
    if( *z==0 ) break;
    az[nTok++] = z;
    while( *z && *z!=' ' ) z++;
    if( *z ) *z++ = 0;
  }
  switch( pOp->kind ){
    case DK_ADD: case DK_SUB: case DK_MUL: case DK_DIV:
      if( nTok!=6 ) break;
      pOp->p1 = atoi(az[2]); pOp->s1 = atoi(az[3]);
      pOp->p2 = atoi(az[4]); pOp->s2 = atoi(az[5]);
      rc = driverOperand(az[0], pOp->p1, pOp->s1, &pOp->a);
      if( rc==0 ) rc = driverOperand(az[1], pOp->p2, pOp->s2, &pOp->b);
      if( rc ) snprintf(zErr, nErr, "BADOPERAND %d", rc);
      return rc ? -1 : 0;
    case DK_DIVH:
    case DK_ADDF: case DK_SUBF: case DK_MULF: case DK_DIVF:
      if( nTok!=3 ) break;
      pOp->n = atoi(az[2]);
      pOp->s = pOp->n;
      /* fall through */
    case DK_MULX: case DK_CMP:
      if( nTok<2 ) break;
      rc = driverOperand(az[0], -1, 0, &pOp->a);
      if( rc==0 ) rc = driverOperand(az[1], -1, 0, &pOp->b);
      if( rc ) snprintf(zErr, nErr, "BADOPERAND %d", rc);
      return rc ? -1 : 0;
    case DK_ROUND:
      if( nTok!=4 ) break;
      pOp->n = atoi(az[1]);
      pOp->s = atoi(az[2]);
      pOp->r = az[3][0]=='H' ? DEC45_HALF_UP : DEC45_TRUNCATE;
      /* fall through */
    case DK_RSIG: case DK_TOINT: case DK_TODBL:
      if( nTok<1 ) break;
      if( pOp->kind==DK_RSIG ) pOp->n = nTok>1 ? atoi(az[1]) : 1;
      rc = driverOperand(az[0], -1, 0, &pOp->a);
      if( rc ) snprintf(zErr, nErr, "BADOPERAND %d", rc);
      return rc ? -1 : 0;
    case DK_FROMDBL:
      if( nTok!=2 ) break;
      pOp->v = strtod(az[0], 0);
      pOp->n = atoi(az[1]);
      return 0;
    default:
      break;
  }
  snprintf(zErr, nErr, "BADLINE wrong operand count");
  return -1;
}

/* Run the computation of pOp, with no text output. */
static void driverCompute(const DriverOp *pOp, DriverResult *pRes){
  const Dec45 *a = &pOp->a, *b = &pOp->b;
  Dec45 *d = &pRes->d;
  int rc = ML_OK;
  pRes->p = pRes->s = 0;
  switch( pOp->kind ){
    case DK_ADD: case DK_SUB: case DK_MUL: case DK_DIV: {
      static const char aOp[] = "+-*/";
      rc = dec45ResultType(aOp[pOp->kind-DK_ADD], pOp->p1, pOp->s1,
                           pOp->p2, pOp->s2, &pRes->p, &pRes->s);
      if( rc ) break;
      if( pOp->kind==DK_ADD ){
        rc = dec45Add(a, b, d);
      }else if( pOp->kind==DK_SUB ){
        rc = dec45Sub(a, b, d);
      }else if( pOp->kind==DK_MUL ){
        rc = dec45MulRound(a, b, pRes->p, pRes->s, DEC45_TRUNCATE, d);
        break;
      }else{
        rc = dec45Div(a, b, pRes->s, DEC45_TRUNCATE, d);
      }
      if( rc==ML_OK ) rc = dec45Round(d, pRes->p, pRes->s, DEC45_TRUNCATE);
      break;
    }
    case DK_DIVH: rc = dec45Div(a, b, pOp->s, DEC45_HALF_UP, d); break;
    case DK_MULX: rc = dec45Mul(a, b, d); break;
    case DK_ADDF: rc = dec45AddSig(a, b, pOp->n, d); break;
    case DK_SUBF: rc = dec45SubSig(a, b, pOp->n, d); break;
    case DK_MULF: rc = dec45MulSig(a, b, pOp->n, d); break;
    case DK_DIVF: rc = dec45DivSig(a, b, pOp->n, d); break;
    case DK_RSIG:
      *d = *a;
      rc = dec45RoundSig(d, pOp->n);
      break;
    case DK_ROUND:
      *d = *a;
      rc = dec45Round(d, pOp->n, pOp->s, pOp->r);
      break;
    case DK_CMP: pRes->i = dec45Cmp(a, b); break;
    case DK_TOINT: rc = dec45ToInt64(a, &pRes->i); break;
    case DK_TODBL: pRes->v = dec45ToDouble(a); break;
    case DK_FROMDBL: rc = dec45FromDouble(d, pOp->v, pOp->n); break;
    case DK_PARSE:
      rc = dec45Parse(d, pOp->zText, -1, &pRes->p, &pRes->s);
      break;
    default:
      rc = ML_E_INTERNAL;
      break;
  }
  pRes->rc = rc;
}

/* Compute pOp and write its result line (without newline) to zOut. */
static void driverExec(const DriverOp *pOp, char *zOut, int nOut){
  DriverResult res;
  char zA[DEC45_TEXT_MAX], zB[DEC45_TEXT_MAX];
  int n = 0;
  driverCompute(pOp, &res);
  switch( pOp->kind ){
    case DK_ADD: case DK_SUB: case DK_MUL: case DK_DIV:
      n = snprintf(zOut, nOut, "%d %d ", res.p, res.s);
      break;
    default:
      break;
  }
  if( res.rc ){
    snprintf(zOut+n, nOut-n, "E%d", res.rc);
    return;
  }
  switch( pOp->kind ){
    case DK_ADD: case DK_SUB: case DK_MUL: case DK_DIV:
      dec45Format(&res.d, res.s, zA, sizeof(zA));
      snprintf(zOut+n, nOut-n, "%s", zA);
      break;
    case DK_DIVH:
      dec45Format(&res.d, pOp->s, zA, sizeof(zA));
      snprintf(zOut, nOut, "%s", zA);
      break;
    case DK_ROUND:
      dec45Format(&res.d, pOp->s, zA, sizeof(zA));
      snprintf(zOut, nOut, "%s", zA);
      break;
    case DK_CMP: case DK_TOINT:
      snprintf(zOut, nOut, "%lld", (long long)res.i);
      break;
    case DK_TODBL:
      snprintf(zOut, nOut, "%.17g", res.v);
      break;
    case DK_PARSE: {
      char zFix[DEC45_TEXT_MAX+64];
      dec45FormatSci(&res.d, zA, sizeof(zA));
      if( dec45Format(&res.d, res.s, zFix, sizeof(zFix))<0 ){
        snprintf(zFix, sizeof(zFix), "TOOLONG");
      }
      snprintf(zOut, nOut, "%d %d %s %s", res.p, res.s, zA, zFix);
      break;
    }
    default:
      dec45FormatSci(&res.d, zB, sizeof(zB));
      snprintf(zOut, nOut, "%s", zB);
      break;
  }
}

/* Nanoseconds on the monotonic clock. */
static double driverNow(void){
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec*1e9 + t.tv_nsec;
}

/* qsort comparator: operations grouped by kind, input order kept within. */
static int driverCmpKind(const void *pA, const void *pB){
  const DriverOp *a = pA, *b = pB;
  if( a->kind!=b->kind ) return a->kind<b->kind ? -1 : 1;
  return a<b ? -1 : a>b;
}

/*
** --bench: time each kind of operation over the operations read (grouped
** by kind, so each timed loop runs over one contiguous array), repeated
** until each kind has run for at least 0.2 s, and print ops/second.
*/
static int driverBench(DriverOp *aOp, int nOp){
  int k, i, iFirst = 0;
  uint64_t sink = 0;
  qsort(aOp, nOp, sizeof(aOp[0]), driverCmpKind);
  for(k=0; k<DK_COUNT; k++){
    int nKind = 0, nRep = 0;
    double t0, t1;
    while( iFirst+nKind<nOp && aOp[iFirst+nKind].kind==(DriverKind)k ) nKind++;
    if( nKind==0 ) continue;
    t0 = driverNow();
    do{
      for(i=iFirst; i<iFirst+nKind; i++){
        DriverResult res;
        driverCompute(&aOp[i], &res);
        sink += (uint64_t)res.rc + res.d.aLimb[0] + (uint64_t)res.i;
      }
      nRep++;
      t1 = driverNow();
    }while( t1-t0<2e8 );
    iFirst += nKind;
    printf("%-8s %8d ops x %4d: %8.0f ns/op %10.0f ops/s\n", azKind[k],
           nKind, nRep, (t1-t0)/((double)nKind*nRep),
           (double)nKind*nRep/((t1-t0)/1e9));
  }
  fprintf(stderr, "(sink %llu)\n", (unsigned long long)sink);
  return 0;
}

int main(int argc, char **argv){
  static char zLine[4096];
  char zOut[1024];
  int bench = argc>1 && strcmp(argv[1], "--bench")==0;
  DriverOp *aOp = 0;
  int nOp = 0, nAlloc = 0, rc = 0;
  while( fgets(zLine, sizeof(zLine), stdin) ){
    DriverOp op;
    size_t n = strlen(zLine);
    while( n>0 && (zLine[n-1]=='\n' || zLine[n-1]=='\r') ) zLine[--n] = 0;
    if( driverParseLine(zLine, &op, zOut, sizeof(zOut)) ){
      if( bench ) continue;
      printf("%s\n", zOut);
      continue;
    }
    if( bench ){
      if( nOp==nAlloc ){
        nAlloc = nAlloc ? nAlloc*2 : 1024;
        aOp = realloc(aOp, sizeof(DriverOp)*nAlloc);
        if( aOp==0 ) return 2;
      }
      if( op.zText ){
        op.zText = strdup(op.zText);
        if( op.zText==0 ) return 2;
      }
      aOp[nOp++] = op;
      continue;
    }
    driverExec(&op, zOut, sizeof(zOut));
    printf("%s\n", zOut);
  }
  if( bench ) rc = driverBench(aOp, nOp);
  while( nOp>0 ) free((char*)aOp[--nOp].zText);
  free(aOp);
  return rc;
}
