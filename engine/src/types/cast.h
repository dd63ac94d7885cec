/*
** CAST and assignment between SQL types: every legal conversion between
** the types of value.h, with Mimer's errors.  valueCastCheck is the rule
** of which casts are legal (sema calls it at prepare time); valueCast
** converts one value.  The numeric fitting functions below are the one
** place that decides how a number enters a numeric type (exact targets
** truncate the fraction as Mimer documents, FLOAT(p) rounds half-up,
** overflow is ML_E_OVERFLOW); arith.c fits its results through them.
** Choices where Mimer is unknown: docs/compatibility.md.
*/
#ifndef MIMERLITE_CAST_H
#define MIMERLITE_CAST_H

#include "types/dec45.h"
#include "types/value.h"
#include "util/arena.h"
#include "util/errors.h"

/*
** ML_OK when CAST from pFrom to pTo is legal, else ML_E_INVALID_CAST.
** Legal: NULL to anything; number to number, to character and (exact
** numbers) to a single-field interval; character to anything but binary;
** binary to binary and UUID; BOOLEAN to BOOLEAN and character; DATE to
** DATE, TIMESTAMP and character; TIME to TIME and character; TIMESTAMP to
** TIMESTAMP, DATE, TIME and character; interval to an interval of its
** class, to character and (single field) to an exact number; UUID to
** UUID, character and binary; each BUILTIN.GIS_* type to itself and
** character (character to GIS reads gisToText's form).
*/
int valueCastCheck(const SqlType *pFrom, const SqlType *pTo, MlError *pErr);

/*
** Convert pIn (of type pFrom) to pTo into *pOut (which may be pIn).  A
** NULL becomes a NULL of pTo.  String and binary results point into pIn's
** bytes when they can be used unchanged (or shortened), else into new
** bytes in pArena; numeric, boolean, datetime and UUID results never
** allocate.  Errors: ML_E_INVALID_CAST (illegal pair), ML_E_OVERFLOW,
** ML_E_STRING_TOO_LONG (a string longer than the target except for
** trailing blanks, which are dropped; binary likewise with X'00'),
** ML_E_NOT_LATIN1, ML_E_INVALID_UTF8, ML_E_INVALID_NUMBER (text that is
** not a number of the target kind), ML_E_INVALID_DATETIME,
** ML_E_INVALID_INTERVAL, ML_E_INVALID_UUID, ML_E_INVALID_GIS, ML_E_NOMEM.
*/
int valueCast(const Value *pIn, const SqlType *pFrom, const SqlType *pTo,
              Arena *pArena, Value *pOut, MlError *pErr);

/*
** Numeric fitting: put an exact integer (valueFitInt), a decimal
** (valueFitDec, which may modify *pDec) or a double (valueFitDouble;
** isReal when v is a REAL value, whose decimal form is then the shortest
** float text) into numeric type pTo, writing the non-NULL *pOut.
** Fractions are truncated into exact types, FLOAT(p) rounds half-up to p
** digits, REAL rounds to the nearest float.  Errors: ML_E_OVERFLOW,
** ML_E_FLOAT_NOT_FINITE (NaN).  None allocates.
*/
int valueFitInt(__int128 v, const SqlType *pTo, Value *pOut, MlError *pErr);
int valueFitDec(Dec45 *pDec, const SqlType *pTo, Value *pOut, MlError *pErr);
int valueFitDouble(double v, int isReal, const SqlType *pTo, Value *pOut, MlError *pErr);

/*
** A non-NULL numeric value as a Dec45: exact for integers and decimals,
** the shortest round-trip decimal for REAL and DOUBLE.  Never fails for
** finite values (returns ML_OK).
*/
int valueNumToDec(const Value *p, Dec45 *pOut);

/* A non-NULL numeric value as the nearest double. */
double valueNumToDouble(const Value *p);

/* The Dec45 equal to v (up to 39 digits). */
void valueDecFromI128(__int128 v, Dec45 *pOut);

#endif
