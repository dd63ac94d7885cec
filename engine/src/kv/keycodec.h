/*
** The key codec: turns SQL values into byte strings whose memcmp() order is
** SQL ORDER BY order, so that LMDB's default comparator keeps primary keys
** and index entries sorted.  Every table and index lives in one LMDB
** database; a key starts with the 4-byte big-endian id of its tree, then
** carries one self-delimiting encoding per key column (type tag, NULLs
** last when ascending, every byte complemented for a DESC column).
** Numbers of all numeric types share one format (1 = 1.0 = 1E0 encode
** alike); character strings compare with PAD SPACE.  Keys longer than
** KEY_MAX_FULL bytes are stored as a prefix plus a hash ("truncated"
** keys: equality exact, order exact only within the prefix).  The choices
** and the exact byte layout are documented in docs/compatibility.md.
**
** This module only builds and parses byte strings; kv/ stores them.
** Nothing here allocates except StrBuf growth beyond its initial storage
** and the Arena used by keyDecodeValue for decoded strings.
*/
#ifndef MIMERLITE_KEYCODEC_H
#define MIMERLITE_KEYCODEC_H

#include <stddef.h>
#include <stdint.h>

#include "types/value.h"
#include "util/arena.h"
#include "util/strbuf.h"

#define KEY_TREEID_SIZE   4      /* bytes of the tree id that starts a key */
#define KEY_MAX_FULL      480    /* longest key stored exactly (LMDB max is 511) */
#define KEY_HASH_SIZE     16     /* hash bytes that end a truncated key */
#define KEY_TRUNC_PREFIX  464    /* bytes of the exact encoding a truncated key keeps */
#define KEY_TRUNC_MARK    0xFF   /* byte between prefix and hash */
#define KEY_TRUNC_SIZE    (KEY_TRUNC_PREFIX + 1 + KEY_HASH_SIZE)   /* = 481 */

/* Write iTree as the 4 big-endian bytes that start every key of the tree. */
void keyEncodeTreeId(uint32_t iTree, unsigned char *aOut);

/* Read the tree id from the first 4 bytes of a key (n >= 4 required). */
uint32_t keyDecodeTreeId(const void *pKey);

/* Reset pKey and append the tree id: the first step of building a key. */
void keyStart(StrBuf *pKey, uint32_t iTree);

/*
** Exclusive upper bound of tree iTree: every key of the tree is >= its
** 4-byte id and < the 4 bytes written to aOut.  Returns ML_OK, or
** ML_NOTFOUND for the last possible tree (no upper bound: scan to the end).
*/
int keyTreeEnd(uint32_t iTree, unsigned char *aOut);

/*
** Successor of a prefix: the smallest byte string greater than every
** string that starts with the n bytes at p, written to aOut (room for n
** bytes) with its length in *pnOut.  Returns ML_OK, or ML_NOTFOUND when p
** is empty or all 0xFF (no upper bound exists).
*/
int keyPrefixSuccessor(const void *p, size_t n, unsigned char *aOut, size_t *pnOut);

/*
** Append the encoding of one key column to pKey.  pVal may be NULL-valued;
** otherwise its representation (pVal->type) decides the encoding, and
** pType is the column's declared type.  desc != 0 for a DESC column.
** Returns ML_OK, ML_E_LOB_IN_KEY for a CLOB/NCLOB/BLOB column,
** ML_E_FLOAT_NOT_FINITE for NaN or an infinity, ML_E_INTERNAL for a value
** the codec does not know, ML_E_NOMEM when pKey could not grow.
*/
int keyAppendValue(StrBuf *pKey, const Value *pVal, const SqlType *pType, int desc);

/*
** Finish a complete key: if it is longer than KEY_MAX_FULL it is replaced
** by its first KEY_TRUNC_PREFIX bytes, KEY_TRUNC_MARK and a 16-byte
** BLAKE2b hash of the whole encoding.  *pbTruncated (if not NULL) is set
** to 1 when that happened.  Returns ML_OK or ML_E_NOMEM (a failed StrBuf).
*/
int keyFinish(StrBuf *pKey, int *pbTruncated);

/*
** Finish a key prefix used as a range-scan bound: a prefix longer than
** KEY_TRUNC_PREFIX is cut to that length (every stored key, truncated or
** not, that extends the full prefix starts with the cut one) and
** *pbTruncated is set so the caller re-checks the columns of each row.
*/
int keyFinishPrefix(StrBuf *pKey, int *pbTruncated);

/* True if the n-byte key was truncated by keyFinish (it cannot be decoded). */
int keyIsTruncated(const void *pKey, size_t n);

/*
** Decode one column encoded by keyAppendValue(.., pType, desc) starting at
** *pp (not beyond pEnd) and advance *pp past it.  pOut receives a value
** of pType's representation (pOut may be NULL to skip the column).
** Trailing blanks of strings are not stored: CHAR and NCHAR values are
** padded back to their declared length, VARCHAR values come back without
** trailing blanks (equal under PAD SPACE).  Decoded string and binary
** bytes are allocated from pArena (only they need it; NULL is fine when
** skipping or for other types); numbers are exact except that a DOUBLE/REAL key
** holds its value rounded to 45 digits, which converts back exactly.
** Returns ML_OK, ML_E_STORAGE for malformed bytes or a value that does not
** fit pType, ML_E_NOMEM.  Truncated keys (keyIsTruncated) cannot be decoded.
*/
int keyDecodeValue(const unsigned char **pp, const unsigned char *pEnd,
                   const SqlType *pType, int desc, Arena *pArena, Value *pOut);

#endif
