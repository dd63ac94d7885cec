/*
** Arithmetic on SQL values: + - * / on every numeric representation,
** datetime and interval arithmetic, unary minus and || concatenation.
** The caller (expression compiler) has already derived the result type
** with typeResultArith/typeResultNegate (typesys.h) and passes it in;
** results are computed exactly where the representation allows and then
** fitted to that type by cast.h's rules (truncation into exact types,
** ML_E_OVERFLOW when the integer part does not fit).
*/
#ifndef MIMERLITE_ARITH_H
#define MIMERLITE_ARITH_H

#include "types/value.h"
#include "util/arena.h"
#include "util/errors.h"

/*
** *pOut = a op b (op TYPE_OP_ADD, _SUB, _MUL or _DIV) of result type
** pResultType.  A NULL operand gives NULL.  Binary integers are computed
** in 128 bits, decimals with dec45 (exact, or truncated at the result
** scale for * and /, rounded to p digits for FLOAT(p)), doubles in IEEE
** (a non-finite result is ML_E_OVERFLOW).  Integer division truncates.
** Errors: ML_E_OVERFLOW, ML_E_DIVISION_BY_ZERO, ML_E_INVALID_DATETIME
** and ML_E_INVALID_INTERVAL from datetime arithmetic, ML_E_TYPE_MISMATCH
** for operand types no rule covers.  Never allocates.
*/
int valueArith(int op, const Value *a, const SqlType *ta, const Value *b,
               const SqlType *tb, const SqlType *pResultType, Value *pOut,
               MlError *pErr);

/* *pOut = -a for numbers and intervals (-(-32768) overflows SMALLINT). */
int valueNegate(const Value *a, const SqlType *ta, const SqlType *pResultType,
                Value *pOut, MlError *pErr);

/*
** *pOut = a || b for two character or two binary strings, the bytes in
** pArena, fitted to pResultType (from typeResultArith: lengths added,
** capped; a longer result is ML_E_STRING_TOO_LONG, CHAR is padded).
** A NULL operand gives NULL.  ML_E_NOMEM when the arena fails.
*/
int valueConcat(const Value *a, const SqlType *ta, const Value *b, const SqlType *tb,
                const SqlType *pResultType, Arena *pArena, Value *pOut, MlError *pErr);

#endif
