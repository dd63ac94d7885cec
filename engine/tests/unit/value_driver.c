/*
** value_driver: the C half of the differential test of numeric casts,
** arithmetic result types and arithmetic across every numeric type
** (types/typesys.c, cast.c, arith.c, format.c) against Python's decimal
** and float (value_differential.py is the other half).  One operation per
** stdin line, one result line per operation on stdout.  Types are written
** without blanks: SMALLINT INTEGER BIGINT INTEGER(p) DECIMAL(p,s) FLOAT(p)
** REAL DOUBLE.  Values are text, cast from NVARCHAR to their type first.
**
**   A op T1 v1 T2 v2   v1 op v2 (op one of + - * /): "<result type> <text>"
**                      or "<result type> E<code>"
**   C T1 v1 T2         CAST(CAST(v1 AS T1) AS T2): "<text>" or "E<code>"
**
** An operand whose text does not cast to its type prints
** "BADOPERAND <code>".
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "types/arith.h"
#include "types/cast.h"
#include "types/format.h"
#include "types/typesys.h"
#include "util/arena.h"
#include "util/strbuf.h"

/* Parse a type token such as DECIMAL(10,2); 0 on success. */
static int driverType(const char *z, SqlType *pOut){
  MlError err;
  int a = TYPE_OMITTED, b = TYPE_OMITTED;
  if( strcmp(z, "SMALLINT")==0 ){ *pOut = typeSimple(SQLT_SMALLINT); return 0; }
  if( strcmp(z, "INTEGER")==0 ){ *pOut = typeSimple(SQLT_INTEGER); return 0; }
  if( strcmp(z, "BIGINT")==0 ){ *pOut = typeSimple(SQLT_BIGINT); return 0; }
  if( strcmp(z, "REAL")==0 ){ *pOut = typeSimple(SQLT_REAL); return 0; }
  if( strcmp(z, "DOUBLE")==0 ){ *pOut = typeSimple(SQLT_DOUBLE); return 0; }
  if( sscanf(z, "INTEGER(%d)", &a)==1 ) return typeDeclare(SQLT_INTEGER_P, 0, a, b, pOut, &err);
  if( sscanf(z, "FLOAT(%d)", &a)==1 ) return typeDeclare(SQLT_FLOAT_P, 0, a, b, pOut, &err);
  if( sscanf(z, "DECIMAL(%d,%d)", &a, &b)==2 ) return typeDeclare(SQLT_DECIMAL, 0, a, b, pOut, &err);
  return -1;
}

/* Cast text z to type t into *pOut; the error code or 0. */
static int driverValue(Arena *pArena, const char *z, const SqlType *t, Value *pOut){
  SqlType from;
  Value v;
  MlError err;
  typeDeclare(SQLT_NVARCHAR, 0, 5000, TYPE_OMITTED, &from, &err);
  v.type = SQLT_NVARCHAR;
  v.isNull = 0;
  v.u.s.z = z;
  v.u.s.n = (uint32_t)strlen(z);
  return valueCast(&v, &from, t, pArena, pOut, &err);
}

/* Print the text of p (type t). */
static void driverPrint(const Value *p, const SqlType *t){
  StrBuf b;
  strbufInit(&b, 0, 0);
  if( valueToText(p, t, &b) ){
    printf("TEXTERROR");
  }else{
    printf("%s", strbufCStr(&b));
  }
  strbufFree(&b);
}

int main(void){
  char zLine[1024];
  Arena arena;
  arenaInit(&arena, 4096);
  while( fgets(zLine, sizeof(zLine), stdin) ){
    char zT1[64], zV1[512], zT2[64], zV2[512], zOp[4];
    SqlType t1, t2, tr;
    Value a, b, out;
    MlError err;
    int rc;
    if( zLine[0]=='A' && sscanf(zLine, "A %3s %63s %511s %63s %511s", zOp, zT1, zV1, zT2, zV2)==5 ){
      char zType[TYPE_TEXT_MAX];
      if( driverType(zT1, &t1) || driverType(zT2, &t2) ){
        printf("BADTYPE\n");
      }else if( (rc = driverValue(&arena, zV1, &t1, &a))!=0
             || (rc = driverValue(&arena, zV2, &t2, &b))!=0 ){
        printf("BADOPERAND %d\n", rc);
      }else if( (rc = typeResultArith(zOp[0], &t1, &t2, &tr, &err))!=0 ){
        printf("E%d\n", rc);
      }else{
        typeFormat(&tr, zType, sizeof(zType));
        printf("%s ", zType);
        rc = valueArith(zOp[0], &a, &t1, &b, &t2, &tr, &out, &err);
        if( rc ){
          printf("E%d", rc);
        }else{
          driverPrint(&out, &tr);
        }
        printf("\n");
      }
    }else if( zLine[0]=='C' && sscanf(zLine, "C %63s %511s %63s", zT1, zV1, zT2)==3 ){
      if( driverType(zT1, &t1) || driverType(zT2, &t2) ){
        printf("BADTYPE\n");
      }else if( (rc = driverValue(&arena, zV1, &t1, &a))!=0 ){
        printf("BADOPERAND %d\n", rc);
      }else if( (rc = valueCast(&a, &t1, &t2, &arena, &out, &err))!=0 ){
        printf("E%d\n", rc);
      }else{
        driverPrint(&out, &t2);
        printf("\n");
      }
    }else{
      printf("BADLINE\n");
    }
    arenaReset(&arena);
  }
  arenaFree(&arena);
  return 0;
}
