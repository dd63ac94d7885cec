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
  X(ML_E_LOB_IN_KEY,      -12620, "42000", "A large object (LOB) column cannot be part of a key%s") /* chosen */ \
  X(ML_E_SYNTAX_MISSING,  -12101, "42000", "Syntax error, %s assumed missing") \
  X(ML_E_SYNTAX_IGNORED,  -12102, "42000", "Syntax error, %s ignored") \
  X(ML_E_SYNTAX_ASSUMED,  -12103, "42000", "Syntax error, %s assumed to mean %s") \
  X(ML_E_IDENT_TOO_LONG,  -12110, "42000", "Identifier %s is longer than 128 characters") /* chosen */ \
  X(ML_E_BAD_LITERAL,     -12111, "42000", "Invalid literal %s") /* chosen */ \
  X(ML_E_TOO_COMPLEX,     -12112, "54001", "Statement too complex%s") /* chosen */ \
  X(ML_E_INVALID_UTF8,    -10313, "22021", "Invalid UTF-8 character data%s") /* chosen */ \
  X(ML_E_SUBSTRING,       -10314, "22011", "Substring error%s") /* chosen */ \
  X(ML_E_INVALID_GIS,     -10315, "22003", "Invalid GIS value%s") /* chosen */ \
  X(ML_E_INVALID_TYPE_SPEC,-12401,"42000", "Invalid length or precision for data type %s") /* chosen */ \
  X(ML_E_TYPE_MISMATCH,   -12402, "42818", "Incompatible data types %s and %s") /* chosen */ \
  X(ML_E_NO_SAVEPOINT,    -12740, "3B001", "Savepoint %s does not exist") /* chosen */ \
  X(ML_E_UNIQUE_VIOLATION,-10102, "23000", "Unique constraint %s violated, attempt to insert duplicate key in table %s") /* chosen */ \
  X(ML_E_FK_NO_PARENT,    -10103, "23000", "Referential constraint %s violated, no matching row in referenced table %s") /* chosen */ \
  X(ML_E_FK_HAS_CHILDREN, -10104, "23000", "Referential constraint %s violated, row is referenced from table %s") /* chosen */ \
  X(ML_E_CHECK_VIOLATION, -10105, "23000", "Check constraint %s violated in table %s") /* chosen */ \
  X(ML_E_NOT_NULL,        -10106, "23000", "Column %s cannot be NULL") /* chosen */ \
  X(ML_E_CARDINALITY,     -10107, "21000", "A scalar subquery returned more than one row") /* chosen */ \
  X(ML_E_TABLE_NOT_FOUND, -12200, "42S02", "Table %s not found, table does not exist or no access privilege") \
  X(ML_E_COLUMN_NOT_FOUND,-12202, "42S22", "%s is not a column of an inserted table, updated table or any table identified in a FROM clause") \
  X(ML_E_AMBIGUOUS_COLUMN,-12203, "42702", "Column reference %s is ambiguous") /* chosen */ \
  X(ML_E_COLUMN_COUNT,    -12204, "21S01", "Number of values does not match number of columns%s") /* chosen */ \
  X(ML_E_GROUPING,        -12205, "42803", "%s must appear in the GROUP BY clause or be used in a set function") /* chosen */ \
  X(ML_E_BAD_POSITION,    -12206, "42000", "ORDER BY position %s is out of range") /* chosen */ \
  X(ML_E_INVALID_USE,     -12207, "42000", "Invalid use of %s") /* chosen */ \
  X(ML_E_PARAM_TYPE,      -12262, "42000", "The type of the parameter marker cannot be determined") \
  X(ML_E_NOT_SUPPORTED,   -12298, "0A000", "Feature not supported: %s") /* chosen */ \
  X(ML_E_RECURSION_LIMIT, -12299, "54001", "Recursive query exceeded %s") /* chosen */ \
  X(ML_E_TABLE_NOT_EXIST, -12501, "42S02", "Table %s does not exist") \
  X(ML_E_NO_DATABANK,     -12507, "42000", "No databank available%s") \
  X(ML_E_OBJECT_NOT_EXIST,-12517, "42000", "Object %s does not exist") \
  X(ML_E_DEPENDENT_OBJECTS,-12521,"2BP01", "Object %s cannot be dropped, %s depends on it") /* chosen */ \
  X(ML_E_IDENT_EXISTS,    -12558, "42000", "Ident named %s already exists") \
  X(ML_E_OBJECT_EXISTS,   -12560, "42S01", "Table, view, synonym, index or constraint named %s already exists") \
  X(ML_E_UNKNOWN_TYPE,    -12561, "42000", "Data type or domain %s not found") \
  X(ML_E_SCHEMA_EXISTS,   -12562, "42000", "Schema named %s already exists") /* chosen */ \
  X(ML_E_IDENT_NOT_EXIST, -12564, "42000", "Ident %s does not exist") \
  X(ML_E_NO_PRIVILEGE,    -12565, "42000", "%s: access denied, no privilege") /* chosen */ \
  X(ML_E_DDL_DEFINITION,  -12566, "42000", "Invalid definition: %s") /* chosen */ \
  X(ML_E_LOGIN_FAILURE,   -14006, "28000", "Login failure") \
  X(ML_E_TXN_ACTIVE,      -14011, "25001", "A transaction is already active") \
  X(ML_E_DDL_NOT_FIRST,   -14732, "25001", "Data definition statement must be the first statement of a transaction") /* chosen */ \
  X(ML_E_DATABASE_UNKNOWN,-18500, "08001", "Database %s not found") \
  X(ML_E_CANNOT_PREPARE,  -24005, "HY000", "The statement cannot be prepared, use MimerExecuteStatement") \
  X(ML_E_NOMEM,           -24001, "HY001", "Memory allocation failed") \
  X(ML_E_API_TRUNCATION,  -24003, "22001", "Truncation occurred when setting data") \
  X(ML_E_API_POS_OVERFLOW,-24010, "22003", "Value was too large to fit in destination") \
  X(ML_E_API_NEG_OVERFLOW,-24011, "22003", "Value was too small to fit in destination") \
  X(ML_E_MISUSE,          -24101, "HY010", "An illegal sequence of API calls was detected") \
  X(ML_E_API_NULL_VALUE,  -24002, "22002", "The column or parameter contains the SQL null value") \
  X(ML_E_API_ILLEGAL_CHAR,-24004, "22021", "Illegal character in string data") \
  X(ML_E_API_NO_COMM,     -24006, "08001", "No usable communication method") \
  X(ML_E_API_NOT_RELEASED,-24007, "HY000", "Resource could not be released") \
  X(ML_E_API_FLOAT_VALUE, -24012, "22003", "Floating point value is not a number or infinite") \
  X(ML_E_API_UUID_FORMAT, -24013, "22018", "Invalid UUID format") \
  X(ML_E_API_NO_COLUMN,   -24102, "07009", "Column or parameter number out of range") \
  X(ML_E_API_UNSET_PARAM, -24103, "07002", "Not all input parameters have been set") \
  X(ML_E_API_CAST,        -24104, "07006", "Routine not applicable to the data type of the column or parameter") \
  X(ML_E_API_NOT_OUTPUT,  -24105, "HY000", "Parameter is not an output parameter") \
  X(ML_E_API_NOT_INPUT,   -24106, "HY000", "Parameter is not an input parameter") \
  X(ML_E_API_INVALID_ARG, -24107, "HY009", "Invalid argument value") \
  X(ML_E_API_HANDLE,      -24108, "HY000", "Invalid handle") \
  X(ML_E_API_TIMESTAMP,   -24109, "22007", "Invalid datetime format") \
  X(ML_E_API_THREAD,      -24110, "HY000", "Thread resource allocation failed") \
  X(ML_E_API_SERVER_TYPE, -24111, "HY000", "Wrong server type") \
  X(ML_E_API_NO_RECORD,   -24112, "HY000", "No error information available") \
  X(ML_E_API_PTR_ATTR,    -24113, "HY000", "Incompatible pointer attributes") \
  X(ML_E_API_PTR_TYPE,    -24114, "HY000", "Invalid pointer type") \
  X(ML_E_API_AUTH_METHOD, -24115, "28000", "Unsupported authentication method") \
  X(ML_E_API_NULL_VIOLATION,-24116,"23502","NULL value assigned to a parameter that does not accept NULL") \
  X(ML_E_API_BAD_SESSION, -24202, "HY000", "Internal error: illegal session") \
  X(ML_E_API_BAD_STMT,    -24203, "HY000", "Internal error: illegal statement") \
  X(ML_E_API_VC_NULL,     -24209, "HY000", "Internal conversion error (varchar null)") \
  X(ML_E_API_VC_BASE,     -24210, "HY000", "Internal conversion error (varchar)") \
  X(ML_E_API_VC_TRUNC,    -24211, "HY000", "Internal conversion error (varchar truncation)") \
  X(ML_E_API_VC_POSOVF,   -24212, "HY000", "Internal conversion error (varchar positive overflow)") \
  X(ML_E_API_VC_NEGOVF,   -24213, "HY000", "Internal conversion error (varchar negative overflow)") \
  X(ML_E_API_VC_PREC,     -24215, "HY000", "Internal conversion error (varchar precision)") \
  X(ML_E_API_NUM_NULL,    -24219, "HY000", "Internal conversion error (numeric null)") \
  X(ML_E_API_NUM_BASE,    -24220, "HY000", "Internal conversion error (numeric)") \
  X(ML_E_API_NUM_TRUNC,   -24221, "HY000", "Internal conversion error (numeric truncation)") \
  X(ML_E_API_NUM_PREC,    -24225, "HY000", "Internal conversion error (numeric precision)") \
  X(ML_E_API_LOB_NULL,    -24229, "HY000", "Internal conversion error (LOB id null)") \
  X(ML_E_API_LOB_BASE,    -24230, "HY000", "Internal conversion error (LOB id)") \
  X(ML_E_API_LOB_TRUNC,   -24231, "HY000", "Internal conversion error (LOB id truncation)") \
  X(ML_E_API_LOB_POSOVF,  -24232, "HY000", "Internal conversion error (LOB id positive overflow)") \
  X(ML_E_API_LOB_NEGOVF,  -24233, "HY000", "Internal conversion error (LOB id negative overflow)") \
  X(ML_E_API_LOB_PREC,    -24235, "HY000", "Internal conversion error (LOB id precision)") \
  X(ML_E_API_UTFCHAR,     -24240, "HY000", "Internal conversion error (UTF-16 character)") \
  X(ML_E_API_UTF8CHAR,    -24250, "HY000", "Internal conversion error (UTF-8 character)") \
  X(ML_E_API_MEMORY_MAP,  -24414, "HY000", "Memory map error") \
  X(ML_E_API_TLS,         -24415, "08001", "TLS error") \
  X(ML_E_API_CONTROL_BLOCK,-24416,"HY000", "Invalid control block") \
  X(ML_E_API_CLIENT,      -24417, "HY000", "Internal client error") \
  X(ML_E_API_NO_DATA_NO_REQUEST,-24476,"HY000","No data, no request") \
  X(ML_E_API_COMMUNICATION,-24501,"08S01", "Communication error") \
  X(ML_E_API_SUCCESS_NO_REQUEST,-24576,"HY000","Success, no request") \
  X(ML_E_API_SUCCESS_PENDING,-24577,"HY000","Success, request pending") \
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
