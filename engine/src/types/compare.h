/*
** Ordering and hashing of SQL values, for predicates, sorting, index
** keys built in memory, hash joins and grouping.  Numbers compare exactly
** across every representation (a BIGINT against a DOUBLE or a DECIMAL is
** never rounded through double); character strings compare by code point
** with PAD SPACE; binary strings byte-wise, then shorter first.  valueHash
** agrees with equality: values that compare equal hash equal (1 = 1.0 =
** 1E0, 'a' = 'a  ').
*/
#ifndef MIMERLITE_COMPARE_H
#define MIMERLITE_COMPARE_H

#include <stdint.h>

#include "types/value.h"

/*
** Compare non-NULL a (of type ta) with non-NULL b (of type tb); *pCmp
** receives -1, 0 or +1.  Types must be of one TypeClass (typesys.h):
** numbers, character strings, binary strings, BOOLEAN (FALSE < TRUE),
** DATE, TIME, TIMESTAMP, year-month or day-time intervals, UUID, each
** BUILTIN.GIS_* type (gisCompare).  Other
** pairs return ML_E_TYPE_MISMATCH (the prepare-time check is
** typeCheckComparable).  Never allocates.
*/
int valueCompare(const Value *a, const SqlType *ta, const Value *b, const SqlType *tb,
                 int *pCmp);

/* Hash of p (of type pType), equal for values valueCompare finds equal;
** all NULLs hash alike. */
uint64_t valueHash(const Value *p, const SqlType *pType);

#endif
