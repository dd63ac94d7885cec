/*
** The one table of Mimer SQL error codes used by mimerlite, with their
** SQLSTATE and message template, and the MlError record that carries an
** error (code + formatted message) from where it happens to the C API.
**
** Conventions: every fallible engine function returns `int rc`; 0 (ML_OK)
** is success, a negative value is the Mimer error code itself, small
** positive values are module-specific non-error results (ML_NOTFOUND).
** Where the caller needs the detailed text, the function also takes an
** MlError* and fills it with mlErrorSet(), which returns the code so that
** `return mlErrorSet(pErr, ML_E_OVERFLOW, ...)` reads naturally.
**
** Codes observed from real Mimer servers are used as they are.  Codes
** marked (chosen) are our choice where Mimer's is unknown, picked from the
** thousand-group that makes MimerPy raise the right exception class; they
** are listed in docs/compatibility.md.  Templates use %s for inserted names.
*/
#ifndef MIMERLITE_ERRORS_H
#define MIMERLITE_ERRORS_H

#include <stdarg.h>

#define ML_OK        0
#define ML_NOTFOUND  1     /* not an error: key/row/object absent */
#define ML_DONE      2     /* not an error: iterator exhausted */

/* X(name, code, sqlstate, template) */
#define ML_ERROR_LIST(X) \
  X(ML_E_CONFLICT,        -10001, "40001", "Transaction aborted due to conflict with other transaction") \
  X(ML_E_DUPLICATE_KEY,   -10101, "23000", "Primary key constraint violated, attempt to insert duplicate key in table %s") \
  X(ML_E_OVERFLOW,        -10301, "22003", "Numeric value out of range%s") /* chosen */ \
  X(ML_E_DIVISION_BY_ZERO,-10302, "22012", "Division by zero") /* chosen */ \
  X(ML_E_INVALID_DATETIME,-10303, "22007", "Invalid datetime value%s") /* chosen */ \
  X(ML_E_NOT_LATIN1,      -10304, "22021", "Character not in the ISO 8859-1 character set%s") /* chosen */ \
  X(ML_E_STRING_TOO_LONG, -10305, "22001", "String data right truncation%s") /* chosen */ \
  X(ML_E_INVALID_NUMBER,  -10306, "22018", "Invalid character value for cast%s") /* chosen */ \
  X(ML_E_INVALID_INTERVAL,-10307, "22015", "Invalid interval value%s") /* chosen */ \
  X(ML_E_FLOAT_NOT_FINITE,-10308, "22003", "Floating point value is not a finite number") /* chosen */ \
  X(ML_E_SEQUENCE_EXHAUSTED,-10309,"2200H","Sequence %s exhausted") /* chosen */ \
  X(ML_E_INVALID_UUID,    -10310, "22018", "Invalid UUID value%s") /* chosen */ \
  X(ML_E_INVALID_CAST,    -10311, "42846", "Cannot cast %s") /* chosen */ \
  X(ML_E_TXN_READ_ONLY,   -10312, "25006", "Transaction is read-only") /* chosen */ \
  X(ML_E_TABLE_LOCKED,    -16001, "55006", "Table %s locked by another user") \
  X(ML_E_DATABASE_FULL,   -16200, "53100", "Databank is full%s") /* chosen */ \
  X(ML_E_FORKED,          -16201, "58000", "Database opened in a parent process cannot be used after fork()") /* chosen */ \
  X(ML_E_STORAGE,         -19001, "58030", "Storage error: %s") /* chosen */ \
  X(ML_E_NOMEM,           -24001, "HY001", "Memory allocation failed") \
  X(ML_E_API_TRUNCATION,  -24003, "22001", "Truncation occurred when setting data") \
  X(ML_E_API_POS_OVERFLOW,-24010, "22003", "Value was too large to fit in destination") \
  X(ML_E_API_NEG_OVERFLOW,-24011, "22003", "Value was too small to fit in destination") \
  X(ML_E_MISUSE,          -24101, "HY010", "An illegal sequence of API calls was detected") \
  X(ML_E_INTERNAL,        -24201, "HY000", "Internal error: %s")

enum MlErrorCode {
#define ML_X_ENUM(name, code, state, text) name = code,
  ML_ERROR_LIST(ML_X_ENUM)
#undef ML_X_ENUM
  ML_E_LAST_UNUSED = 0
};

#define ML_ERRMSG_MAX 512

/* An error as reported to the user: Mimer code, SQLSTATE, formatted text. */
typedef struct MlError {
  int code;                      /* 0 when no error is recorded */
  char zState[6];                /* SQLSTATE, NUL-terminated */
  char zMsg[ML_ERRMSG_MAX];      /* formatted message */
} MlError;

const char *mlErrorTemplate(int code);   /* template for code, or 0 */
const char *mlErrorSqlState(int code);   /* SQLSTATE for code, "HY000" if unknown */
int mlErrorSet(MlError *p, int code, ...);
int mlErrorSetText(MlError *p, int code, const char *zFmt, ...)
    __attribute__((format(printf, 3, 4)));
void mlErrorClear(MlError *p);

#endif
