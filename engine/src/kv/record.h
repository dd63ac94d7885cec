/*
** The record codec: the byte string stored as a row's value in the
** key-value store.  A record holds one value per column of the table as it
** was when the row was written; decoding needs the columns' declared types
** (the record carries no type tags) and points string and binary values
** into the record bytes, so decoding never allocates.  Column i is reached
** in O(1) through an offset table.  Decoding validates every length and
** value it touches: a corrupt record yields ML_E_STORAGE, never a read
** outside the given bytes.
**
** Layout (version 1), little-endian:
**   byte 0      version (RECORD_VERSION)
**   byte 1      flags: bit 0 set = offsets are 4 bytes, else 2
**   bytes 2-3   column count n
**   bitmap      ceil(n/8) bytes, bit i set = column i is NULL
**   offsets     n end offsets of the column payloads, relative to the
**               payload start (column i spans [end(i-1), end(i)))
**   payloads    fixed-size values of the declared type, or raw bytes for
**               character, binary and LOB values (a NULL has none)
** Payload per type: SMALLINT 2, INTEGER 4, BIGINT 8 bytes; INTEGER(p),
** DECIMAL, FLOAT(p) 1 sign byte, 2 exponent bytes, then the non-zero
** base-1e9 limbs of the coefficient, 4 bytes each, least significant
** first; REAL 4, DOUBLE 8 (IEEE bits); BOOLEAN 1; DATE 4; TIME 8;
** TIMESTAMP 4+8; year-month INTERVAL 8 (months), day-time INTERVAL 8+4
** (seconds, nanos); UUID 16; GIS_LATITUDE, GIS_LONGITUDE 8 (IEEE bits of
** the degrees), GIS_LOCATION 8+8 (latitude, longitude), GIS_COORDINATE
** 4+4 (x, y).
*/
#ifndef MIMERLITE_RECORD_H
#define MIMERLITE_RECORD_H

#include <stddef.h>

#include "types/value.h"
#include "util/strbuf.h"

#define RECORD_VERSION   1
#define RECORD_MAX_COLS  65535

/*
** Append the record of the nCol values aVal (declared types aType) to
** pOut.  Each non-NULL value must have the representation of its column's
** type (any binary integer type for a binary integer column, any string
** type for a character column, ...).  Returns ML_OK, ML_E_OVERFLOW for a
** binary integer out of its column's range or a record over 4 GB,
** ML_E_INTERNAL for a value whose representation does not match its
** column (a caller bug), ML_E_NOMEM.
*/
int recordEncode(StrBuf *pOut, int nCol, const SqlType *aType, const Value *aVal);

/*
** Number of columns stored in the record, in *pnCol.  A row written before
** ALTER TABLE ADD COLUMN stores fewer columns than the table has; the
** caller substitutes defaults for the missing ones.  ML_OK or ML_E_STORAGE.
*/
int recordColumnCount(const void *pRec, size_t nRec, int *pnCol);

/*
** Decode column iCol (declared type pType) of the record into pOut; string
** and binary values point into pRec.  Returns ML_OK, ML_NOTFOUND when the
** record stores fewer than iCol+1 columns (the column is absent: use its
** default), ML_E_STORAGE for a corrupt record.
*/
int recordDecodeColumn(const void *pRec, size_t nRec, int iCol,
                       const SqlType *pType, Value *pOut);

/*
** Decode columns 0..nCol-1 into aOut, validating the whole record.  Columns
** the record does not store come back NULL and *pnStored (if not NULL)
** receives how many columns the record stores, so the caller can replace
** aOut[*pnStored..nCol-1] by defaults; extra stored columns are ignored.
** Returns ML_OK or ML_E_STORAGE.
*/
int recordDecodeAll(const void *pRec, size_t nRec, int nCol, const SqlType *aType,
                    Value *aOut, int *pnStored);

#endif
