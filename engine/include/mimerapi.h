/*
** mimerapi.h — the Mimer SQL C API as exported by mimerlite's
** libmimerapi.so.  Our own header, written from the public description of
** the API (../shared/spec/mimer-c-api.md), so that C clients written for
** Mimer SQL (node-mimer, pdo_mimer, mimerrust with bindgen) compile
** against mimerlite and ctypes clients (MimerPy) find the same symbols.
**
** It declares the opaque handle types, every constant of the header
** Mimer ships (return codes, API error codes, the named server codes,
** statement and transaction options, scroll operations, data type codes,
** BSI_* statistics counters), the classification macros, and the 100
** routines.  String routines come in three flavours: no suffix takes
** wchar_t (UTF-32 on Linux), suffix C the current locale's character set,
** suffix 8 UTF-8.  Every routine returns int32_t: 0 success, 100 no data,
** other positive values are counts or lengths, negative values are errors.
**
** Threads: a session and everything opened from it must be used by one
** thread at a time; different sessions may be used concurrently.
*/
#ifndef MIMERAPI_H
#define MIMERAPI_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
# define MIMERAPI_EXPORT __attribute__((visibility("default")))
#else
# define MIMERAPI_EXPORT
#endif

/* ------------------------------------------------------------ handles */

typedef struct MimerSession_struct *MimerSession;
typedef struct MimerStatement_struct *MimerStatement;
typedef struct MimerLob_struct *MimerLob;
typedef struct MimerHandle_struct *MimerHandle;

#define MIMERNULLHANDLE NULL

/* A GIS location, passed by value to MimerSetGisLocation. */
typedef struct mimer_gis_location {
  double latitude;
  double longitude;
} mimer_gis_location;

/* ------------------------------------------------------- return codes */

#define MIMER_SUCCESS 0
#define MIMER_NO_DATA 100
#define MIMER_SUCCEEDED(rc) ((rc) >= 0)

/* API errors (-24000 ... -24999). */
#define MIMER_OUTOFMEMORY                        (-24001)
#define MIMER_SQL_NULL_VALUE                     (-24002)
#define MIMER_TRUNCATION_ERROR                   (-24003)
#define MIMER_ILLEGAL_CHARACTER                  (-24004)
#define MIMER_STATEMENT_CANNOT_BE_PREPARED       (-24005)
#define MIMER_UNDEFINED_COMMUNICATION            (-24006)
#define MIMER_COULD_NOT_RELEASE                  (-24007)
#define MIMER_POSITIVE_OVERFLOW                  (-24010)
#define MIMER_NEGATIVE_OVERFLOW                  (-24011)
#define MIMER_UNDEFINED_FLOAT_VALUE              (-24012)
#define MIMER_UUID_FORMAT_ERROR                  (-24013)
#define MIMER_SEQUENCE_ERROR                     (-24101)
#define MIMER_NONEXISTENT_COLUMN_PARAMETER       (-24102)
#define MIMER_UNSET_PARAMETER                    (-24103)
#define MIMER_UNSET_PARAMETERS                   MIMER_UNSET_PARAMETER
#define MIMER_CAST_VIOLATION                     (-24104)
#define MIMER_PARAMETER_NOT_OUTPUT               (-24105)
#define MIMER_PARAMETER_NOT_INPUT                (-24106)
#define MIMER_PARAMETER_INVALID                  (-24107)
#define MIMER_HANDLE_INVALID                     (-24108)
#define MIMER_TIMESTAMP_FORMAT_ERROR             (-24109)
#define MIMER_ALLOCATION_FAILURE_THREAD          (-24110)
#define MIMER_WRONG_SERVER_TYPE                  (-24111)
#define MIMER_NONEXISTENT_RECORD                 (-24112)
#define MIMER_INCOMPATIBLE_POINTER_ATTRIBUTES    (-24113)
#define MIMER_INVALID_POINTER_TYPE               (-24114)
#define MIMER_UNSUPPORTED_AUTHENTICATION_METHOD  (-24115)
#define MIMER_NULL_VIOLATION                     (-24116)
#define MIMER_INTERNAL_ERROR                     (-24201)
#define MIMER_INTERNAL_ILLEGAL_SESSION_ERROR     (-24202)
#define MIMER_INTERNAL_ILLEGAL_STATEMENT_ERROR   (-24203)
#define MIMER_INTERNAL_VARCHAR_NULL              (-24209)
#define MIMER_INTERNAL_VARCHAR_BASE_ERROR        (-24210)
#define MIMER_INTERNAL_VARCHAR_TRUNC             (-24211)
#define MIMER_INTERNAL_VARCHAR_POSOVRFLW         (-24212)
#define MIMER_INTERNAL_VARCHAR_NEGOVRFLW         (-24213)
#define MIMER_INTERNAL_VARCHAR_PREC              (-24215)
#define MIMER_INTERNAL_NUMERIC_NULL              (-24219)
#define MIMER_INTERNAL_NUMERIC_BASE_ERROR        (-24220)
#define MIMER_INTERNAL_NUMERIC_TRUNC             (-24221)
#define MIMER_INTERNAL_NUMERIC_PREC              (-24225)
#define MIMER_INTERNAL_LOBID_NULL                (-24229)
#define MIMER_INTERNAL_LOBID_BASE_ERROR          (-24230)
#define MIMER_INTERNAL_LOBID_TRUNC               (-24231)
#define MIMER_INTERNAL_LOBID_POSOVRFLW           (-24232)
#define MIMER_INTERNAL_LOBID_NEGOVRFLW           (-24233)
#define MIMER_INTERNAL_LOBID_PREC                (-24235)
#define MIMER_INTERNAL_UTFCHAR_BASE_ERROR        (-24240)
#define MIMER_INTERNAL_UTF8CHAR_BASE_ERROR       (-24250)
#define MIMER_MEMORY_MAP_ERROR                   (-24414)
#define MIMER_TLS_ERROR                          (-24415)
#define MIMER_INVALID_CONTROL_BLOCK              (-24416)
#define MIMER_INTERNAL_CLIENT_ERROR              (-24417)
#define MIMER_NO_DATA_NO_REQUEST                 (-24476)
#define MIMER_COMMUNICATION_ERROR                (-24501)
#define MIMER_SUCCESS_NO_REQUEST                 (-24576)
#define MIMER_SUCCESS_PENDING                    (-24577)

/* Server codes named in Mimer's header. */
#define MIMER_TASKS_EXHAUSTED                    (-11015)
#define MIMER_RTCS_NOT_FOUND                     (-14726)
#define MIMER_INVALID_TRANSACTION_STATE          (-14732)
#define MIMER_RTCS_EXHAUSTED                     (-16241)
#define MIMER_TABLE_COMPRESSED                   (-16242)
#define MIMER_PAGE_UPDATED                       (-16244)
#define MIMER_INVALID_RTTYPE                     (-16252)
#define MIMER_INVALID_RTPOLICY                   (-16253)
#define MIMER_TYPE_MISMATCH                      (-16254)
#define MIMER_RESULT_SET_MISMATCH                (-16255)
#define MIMER_COLUMN_SET_MISMATCH                (-16256)
#define MIMER_POLICY_MISMATCH                    (-16257)
#define MIMER_COULD_NOT_LOCK_PAGE                (-16258)
#define MIMER_RTCS_INVALID                       (-16259)
#define MIMER_TABLE_VARFORMAT                    (-16262)
#define MIMER_NOT_SINGLE_STATEMENT               (-18246)
#define MIMER_NOT_SINGLE_COLUMN                  (-18247)
#define MIMER_NOT_SINGLE_ROW                     (-18248)
#define MIMER_INPUT_PARAMETER_FOUND              (-18250)
#define MIMER_SCROLL_USED                        (-18251)
#define MIMER_NOT_SELECT                         (-18252)
#define MIMER_TIP_MISMATCH                       (-18253)
#define MIMER_COLUMN_IS_PART_OF_KEY              (-18254)
#define MIMER_COLUMN_IS_PART_OF_INDEX            (-18255)
#define MIMER_NOT_SINGLE_TDA                     (-18257)
#define MIMER_VOLATILE_DATA                      (-18258)
#define MIMER_NO_FLUSH_PRIVILEGE                 (-18259)
#define MIMER_NO_CRITICAL_SECTION_OBJECTS        (-18261)
#define MIMER_INVALID_STATEMENT_STATUS           (-19086)
#define MIMER_ERROR_ALLOCATING_TASK              (-21074)
#define MIMER_INTERNAL_FLUSH_ERROR               (-21075)

/* ----------------------------------------------------------- options */

/* MimerBeginStatement options. */
#define MIMER_FORWARD_ONLY       0
#define MIMER_SCROLLABLE         1
#define MIMER_SQLITE_MODE        64
#define MIMER_NO_CALLBACKS       0
#define MIMER_CALLBACKS          128

/* MimerBeginTransaction options. */
#define MIMER_TRANS_READWRITE    0
#define MIMER_TRANS_DEFAULT      MIMER_TRANS_READWRITE
#define MIMER_TRANS_READONLY     4

/* MimerEndTransaction modes. */
#define MIMER_COMMIT             0
#define MIMER_ROLLBACK           1

/* MimerFetchScroll operations (the header's unsigned values as int32_t). */
#define MIMER_RELATIVE           ((int32_t)0x00000000)
#define MIMER_NEXT               ((int32_t)0x00000001)
#define MIMER_PREVIOUS           ((int32_t)-1)
#define MIMER_ABSOLUTE           ((int32_t)0x40000000)
#define MIMER_FIRST              ((int32_t)0x40000001)
#define MIMER_LAST               ((int32_t)-1073741825)

#define MIMER_TYPE_TYPEID_MASK   0

/* -------------------------------------------------------- data types */

#define MIMER_CHARACTER                     1
#define MIMER_DECIMAL                       2
#define MIMER_INTEGER                       3
#define MIMER_FLOAT                         4
#define MIMER_LIKE_PATTERN                  5
#define MIMER_T_INTEGER                     6
#define MIMER_T_SMALLINT                    7
#define MIMER_T_FLOAT                       8
#define MIMER_T_REAL                        9
#define MIMER_T_DOUBLE                      10
#define MIMER_CHARACTER_VARYING             11
#define MIMER_DATE                          12
#define MIMER_TIME                          13
#define MIMER_TIMESTAMP                     14
#define MIMER_INTERVAL_YEAR                 15
#define MIMER_INTERVAL_MONTH                16
#define MIMER_INTERVAL_DAY                  17
#define MIMER_INTERVAL_HOUR                 18
#define MIMER_INTERVAL_MINUTE               19
#define MIMER_INTERVAL_SECOND               20
#define MIMER_INTERVAL_YEAR_TO_MONTH        21
#define MIMER_INTERVAL_DAY_TO_HOUR          22
#define MIMER_INTERVAL_DAY_TO_MINUTE        23
#define MIMER_INTERVAL_DAY_TO_SECOND        24
#define MIMER_INTERVAL_HOUR_TO_MINUTE       25
#define MIMER_INTERVAL_HOUR_TO_SECOND       26
#define MIMER_INTERVAL_MINUTE_TO_SECOND     27
#define MIMER_UNSIGNED_INTEGER              28
#define MIMER_T_UNSIGNED_INTEGER            29
#define MIMER_T_UNSIGNED_SMALLINT           30
#define MIMER_NUMERIC                       31
#define MIMER_T_BIGINT                      32
#define MIMER_T_UNSIGNED_BIGINT             33
#define MIMER_BINARY                        34
#define MIMER_BINARY_VARYING                35
#define MIMER_RECORD                        36
#define MIMER_BLOB                          37
#define MIMER_CLOB                          38
#define MIMER_NCHAR                         39
#define MIMER_NCHAR_VARYING                 40
#define MIMER_NCLOB                         41
#define MIMER_BOOLEAN                       42
#define MIMER_BLOB_LOCATOR                  43
#define MIMER_CLOB_LOCATOR                  44
#define MIMER_NCLOB_LOCATOR                 45
#define MIMER_NATIVE_SMALLINT               47
#define MIMER_NATIVE_SMALLINT_NULLABLE      48
#define MIMER_NATIVE_INTEGER                49
#define MIMER_NATIVE_INTEGER_NULLABLE       50
#define MIMER_NATIVE_BIGINT                 51
#define MIMER_NATIVE_BIGINT_NULLABLE        52
#define MIMER_NATIVE_REAL                   53
#define MIMER_NATIVE_REAL_NULLABLE          54
#define MIMER_NATIVE_DOUBLE                 55
#define MIMER_NATIVE_DOUBLE_NULLABLE        56
#define MIMER_NATIVE_BLOB                   57
#define MIMER_NATIVE_CLOB                   58
#define MIMER_NATIVE_NCLOB                  59
#define MIMER_NATIVE_BLOB_LOCATOR           60
#define MIMER_NATIVE_CLOB_LOCATOR           61
#define MIMER_NATIVE_NCLOB_LOCATOR          62
#define MIMER_UTF8                          63
#define MIMER_GOLDEN_DECIMAL                64
#define MIMER_GOLDEN_INTEGER                65
#define MIMER_N_TINYINT_NULLABLE            66
#define MIMER_GIS_LONGITUDE                 8004
#define MIMER_GIS_LATITUDE                  8020
#define MIMER_GIS_LOCATION                  8036
#define MIMER_GIS_COORDINATE                8063
#define MIMER_UUID                          8104

/*
** Classification of type codes.  The codes are classified by absolute
** value; MimerIsNclob accepts the CLOB codes too (both are read with the
** NCLOB routines).
*/
#define MIMER_ABS_(n) ((n) < 0 ? -(n) : (n))
#define MimerIsInt32(n) (MIMER_ABS_(n) == 6 || MIMER_ABS_(n) == 7 || \
  MIMER_ABS_(n) == 29 || MIMER_ABS_(n) == 30 || \
  (MIMER_ABS_(n) >= 47 && MIMER_ABS_(n) <= 52))
#define MimerIsInt64(n) (MIMER_ABS_(n) == 32 || MIMER_ABS_(n) == 33 || \
  MIMER_ABS_(n) == 51 || MIMER_ABS_(n) == 52)
#define MimerIsDouble(n) (MIMER_ABS_(n) == 10 || MIMER_ABS_(n) == 55 || \
  MIMER_ABS_(n) == 56)
#define MimerIsFloat(n) (MIMER_ABS_(n) == 8 || MIMER_ABS_(n) == 9 || \
  MIMER_ABS_(n) == 53 || MIMER_ABS_(n) == 54)
#define MimerIsBoolean(n) (MIMER_ABS_(n) == 42)
#define MimerIsBinary(n) (MIMER_ABS_(n) == 34 || MIMER_ABS_(n) == 35)
#define MimerIsBlob(n) (MIMER_ABS_(n) == 37 || MIMER_ABS_(n) == 43 || \
  MIMER_ABS_(n) == 57 || MIMER_ABS_(n) == 60)
#define MimerIsClob(n) (MIMER_ABS_(n) == 38 || MIMER_ABS_(n) == 44 || \
  MIMER_ABS_(n) == 58 || MIMER_ABS_(n) == 61)
#define MimerIsNclob(n) (MIMER_ABS_(n) == 41 || MIMER_ABS_(n) == 45 || \
  MIMER_ABS_(n) == 59 || MIMER_ABS_(n) == 62 || MimerIsClob(n))
#define MimerIsString(n) (MIMER_ABS_(n) == 1 || MIMER_ABS_(n) == 11 || \
  MIMER_ABS_(n) == 39 || MIMER_ABS_(n) == 40 || MIMER_ABS_(n) == 63)
#define MimerIsDecimal(n) (MIMER_ABS_(n) == 2 || MIMER_ABS_(n) == 3 || \
  MIMER_ABS_(n) == 4 || MIMER_ABS_(n) == 31 || MIMER_ABS_(n) == 64)
#ifndef MimerIsDatetime
# define MimerIsDatetime(n) (MIMER_ABS_(n) >= 12 && MIMER_ABS_(n) <= 14)
#endif
#ifndef MimerIsInterval
# define MimerIsInterval(n) (MIMER_ABS_(n) >= 15 && MIMER_ABS_(n) <= 27)
#endif
#ifndef MimerIsUnsigned
# define MimerIsUnsigned(n) ((MIMER_ABS_(n) >= 28 && MIMER_ABS_(n) <= 30) || \
  MIMER_ABS_(n) == 33)
#endif

/* ------------------------------------------ MimerGetStatistics counters */

#define BSI_USERS_ON_THIS_MULTI      1
#define BSI_PAGES_WRITTEN            2
#define BSI_EXTEND_OPERATIONS        3
#define BSI_PAGE_REQUESTS            4
#define BSI_4K_PAGE_REQUESTS         5
#define BSI_32K_PAGE_REQUESTS        6
#define BSI_128K_PAGE_REQUESTS       7
#define BSI_PAGE_FAULTS              8
#define BSI_4K_PAGE_FAULTS           9
#define BSI_32K_PAGE_FAULTS          10
#define BSI_128K_PAGE_FAULTS         11
#define BSI_PAGES_SWAPPED            12
#define BSI_4K_PAGES_SWAPPED         13
#define BSI_32K_PAGES_SWAPPED        14
#define BSI_128K_PAGES_SWAPPED       15
#define BSI_COMMITS                  16
#define BSI_READONLY_COMMITS         17
#define BSI_CHECKS                   18
#define BSI_ABORTS                   19
#define BSI_PENDING_RESTARTS         20
#define BSI_DB_CHECKS                21
#define BSI_DB_FAILURES              22
#define BSI_SHADOW_ACTIVE            24
#define BSI_SYSTEM_STATUS            25
#define BSI_DATABANKS                26
#define BSI_TABLES                   27
#define BSI_TRANSACTIONS             28
#define BSI_CANCELS                  29
#define BSI_RESERVED_SPACE           30
#define BSI_USED_SPACE               31
#define BSI_SQL_COMPILATIONS         32
#define BSI_PSM_COMPILATIONS         33
#define BSI_COMPILED_SQL             34
#define BSI_COMPILED_PSM             35
#define BSI_SHARED_SQL               36
#define BSI_SHARED_PSM               37
#define BSI_STATEMENTS               38
#define BSI_LOGINS                   39
#define BSI_CLEANUPS                 40
#define BSI_LOGINS_ENABLED           41
#define BSI_REJECTED_LOGINS          42
#define BSI_REQUESTS                 43
#define BSI_SPLIT_TRANSFERS          44
#define BSI_COMMUNICATIONS           45
#define BSI_WAKE_USER_COUNT          46
#define BSI_MAX_SPACE                47
#define BSI_SPACE_ALLOC_COUNT        48
#define BSI_SPACE_DEALLOC_COUNT      49
#define BSI_REQUEST_THREADS_ACTIVE   50
#define BSI_COMMIT_SET_SIZE          51
#define BSI_REQUEUE_COUNT            52
#define BSI_SQL_RECOMPILE            53
#define BSI_PSM_RECOMPILE            54
#define BSI_TSS_OVERFLOW_COUNT       55
#define BSI_4K_PAGES                 56
#define BSI_32K_PAGES                57
#define BSI_128K_PAGES               58
#define BSI_BACKUP_PROGRESS_CURRENT  59
#define BSI_BACKUP_PROGRESS_MAX      60
#define BSI_PAGES_USED               61
#define BSI_4K_PAGES_USED            62
#define BSI_32K_PAGES_USED           63
#define BSI_128K_PAGES_USED          64
#define BSI_PAGES                    65

/* ----------------------------------------------------------- routines */

/* Library */
MIMERAPI_EXPORT const char *MimerAPIVersion(void);

/* Sessions */
MIMERAPI_EXPORT int32_t MimerBeginSession(const wchar_t *database, const wchar_t *ident,
                                          const wchar_t *password, MimerSession *session);
MIMERAPI_EXPORT int32_t MimerBeginSessionC(const char *database, const char *ident,
                                           const char *password, MimerSession *session);
MIMERAPI_EXPORT int32_t MimerBeginSession8(const char *database, const char *ident,
                                           const char *password, MimerSession *session);
MIMERAPI_EXPORT int32_t MimerEndSession(MimerSession *session);
MIMERAPI_EXPORT int32_t MimerEndSessionHard(MimerSession *session);
MIMERAPI_EXPORT int32_t MimerPing(MimerSession session);
MIMERAPI_EXPORT int32_t MimerCancel(MimerSession session);
MIMERAPI_EXPORT int32_t MimerGetStatistics(MimerSession session, int32_t *counters,
                                           int16_t nr_of_counters);

/* Transactions */
MIMERAPI_EXPORT int32_t MimerBeginTransaction(MimerSession session, int32_t transoption);
MIMERAPI_EXPORT int32_t MimerEndTransaction(MimerSession session, int32_t commit_rollback);

/* Statements */
MIMERAPI_EXPORT int32_t MimerBeginStatement(MimerSession session, const wchar_t *statement,
                                            int32_t options, MimerStatement *statementhandle);
MIMERAPI_EXPORT int32_t MimerBeginStatementC(MimerSession session, const char *statement,
                                             int32_t options, MimerStatement *statementhandle);
MIMERAPI_EXPORT int32_t MimerBeginStatement8(MimerSession session, const char *statement,
                                             int32_t options, MimerStatement *statementhandle);
MIMERAPI_EXPORT int32_t MimerEndStatement(MimerStatement *statementhandle);
MIMERAPI_EXPORT int32_t MimerExecuteStatement(MimerSession session, const wchar_t *statement);
MIMERAPI_EXPORT int32_t MimerExecuteStatementC(MimerSession session, const char *statement);
MIMERAPI_EXPORT int32_t MimerExecuteStatement8(MimerSession session, const char *statement);

/* Execution, batches, sequence values */
MIMERAPI_EXPORT int32_t MimerExecute(MimerStatement statementhandle);
MIMERAPI_EXPORT int32_t MimerAddBatch(MimerStatement statementhandle);
MIMERAPI_EXPORT int32_t MimerMoreResults(MimerStatement statementhandle);
MIMERAPI_EXPORT int32_t MimerGetSequenceInt64(MimerStatement statementhandle, int64_t *value);

/* Cursors */
MIMERAPI_EXPORT int32_t MimerOpenCursor(MimerStatement statementhandle);
MIMERAPI_EXPORT int32_t MimerFetch(MimerStatement statementhandle);
MIMERAPI_EXPORT int32_t MimerFetchSkip(MimerStatement statementhandle, int32_t skip);
MIMERAPI_EXPORT int32_t MimerFetchScroll(MimerStatement statementhandle, int32_t operation,
                                         int32_t offset);
MIMERAPI_EXPORT int32_t MimerNext(MimerStatement statementhandle);
MIMERAPI_EXPORT int32_t MimerCloseCursor(MimerStatement statementhandle);
MIMERAPI_EXPORT int32_t MimerCurrentRow(MimerStatement statementhandle);
MIMERAPI_EXPORT int32_t MimerSetArraySize(MimerStatement statementhandle, int32_t arraysize);
MIMERAPI_EXPORT int32_t MimerRowSize(MimerStatement statementhandle);

/* Metadata */
MIMERAPI_EXPORT int32_t MimerColumnCount(MimerStatement statementhandle);
MIMERAPI_EXPORT int32_t MimerColumnType(MimerStatement statementhandle, int16_t colno);
MIMERAPI_EXPORT int32_t MimerColumnName(MimerStatement statementhandle, int16_t colno,
                                        wchar_t *colname, size_t colnamesize);
MIMERAPI_EXPORT int32_t MimerColumnNameC(MimerStatement statementhandle, int16_t colno,
                                         char *colname, size_t colnamesize);
MIMERAPI_EXPORT int32_t MimerColumnName8(MimerStatement statementhandle, int16_t colno,
                                         char *colname, size_t colnamesize);
MIMERAPI_EXPORT int32_t MimerParameterCount(MimerStatement statementhandle);
MIMERAPI_EXPORT int32_t MimerParameterType(MimerStatement statementhandle, int16_t paramno);
MIMERAPI_EXPORT int32_t MimerParameterName(MimerStatement statementhandle, int16_t paramno,
                                           wchar_t *paramname, size_t paramnamesize);
MIMERAPI_EXPORT int32_t MimerParameterNameC(MimerStatement statementhandle, int16_t paramno,
                                            char *paramname, size_t paramnamesize);
MIMERAPI_EXPORT int32_t MimerParameterName8(MimerStatement statementhandle, int16_t paramno,
                                            char *paramname, size_t paramnamesize);
MIMERAPI_EXPORT int32_t MimerParameterMode(MimerStatement statementhandle, int16_t paramno);
MIMERAPI_EXPORT int32_t MimerParameterNullable(MimerStatement statementhandle, int16_t paramno);

/* Input parameters */
MIMERAPI_EXPORT int32_t MimerSetNull(MimerStatement statementhandle, int16_t paramno);
MIMERAPI_EXPORT int32_t MimerSetInt32(MimerStatement statementhandle, int16_t paramno,
                                      int32_t value);
MIMERAPI_EXPORT int32_t MimerSetInt64(MimerStatement statementhandle, int16_t paramno,
                                      int64_t value);
MIMERAPI_EXPORT int32_t MimerSetDouble(MimerStatement statementhandle, int16_t paramno,
                                       double value);
MIMERAPI_EXPORT int32_t MimerSetFloat(MimerStatement statementhandle, int16_t paramno,
                                      float value);
MIMERAPI_EXPORT int32_t MimerSetBoolean(MimerStatement statementhandle, int16_t paramno,
                                        int32_t value);
MIMERAPI_EXPORT int32_t MimerSetString(MimerStatement statementhandle, int16_t paramno,
                                       const wchar_t *value);
MIMERAPI_EXPORT int32_t MimerSetStringC(MimerStatement statementhandle, int16_t paramno,
                                        const char *value);
MIMERAPI_EXPORT int32_t MimerSetString8(MimerStatement statementhandle, int16_t paramno,
                                        const char *value);
MIMERAPI_EXPORT int32_t MimerSetStringLen(MimerStatement statementhandle, int16_t paramno,
                                          const wchar_t *value, size_t length);
MIMERAPI_EXPORT int32_t MimerSetStringLenC(MimerStatement statementhandle, int16_t paramno,
                                           const char *value, size_t length);
MIMERAPI_EXPORT int32_t MimerSetStringLen8(MimerStatement statementhandle, int16_t paramno,
                                           const char *value, size_t length);
MIMERAPI_EXPORT int32_t MimerSetBinary(MimerStatement statementhandle, int16_t paramno,
                                       const void *value, size_t size);
MIMERAPI_EXPORT int32_t MimerSetUUID(MimerStatement statementhandle, int16_t paramno,
                                     const unsigned char *uuid);
MIMERAPI_EXPORT int32_t MimerSetGisLocation(MimerStatement statementhandle, int16_t paramno,
                                            mimer_gis_location location);
MIMERAPI_EXPORT int32_t MimerSetGisLatitude(MimerStatement statementhandle, int16_t paramno,
                                            double latitude);
MIMERAPI_EXPORT int32_t MimerSetGisLongitude(MimerStatement statementhandle, int16_t paramno,
                                             double longitude);

/* Output columns and parameters */
MIMERAPI_EXPORT int32_t MimerIsNull(MimerStatement statementhandle, int16_t colno);
MIMERAPI_EXPORT int32_t MimerGetInt32(MimerStatement statementhandle, int16_t colno,
                                      int32_t *value);
MIMERAPI_EXPORT int32_t MimerGetInt64(MimerStatement statementhandle, int16_t colno,
                                      int64_t *value);
MIMERAPI_EXPORT int32_t MimerGetDouble(MimerStatement statementhandle, int16_t colno,
                                       double *value);
MIMERAPI_EXPORT int32_t MimerGetFloat(MimerStatement statementhandle, int16_t colno,
                                      float *value);
MIMERAPI_EXPORT int32_t MimerGetBoolean(MimerStatement statementhandle, int16_t colno);
MIMERAPI_EXPORT int32_t MimerGetString(MimerStatement statementhandle, int16_t colno,
                                       wchar_t *value, size_t maxlength);
MIMERAPI_EXPORT int32_t MimerGetStringC(MimerStatement statementhandle, int16_t colno,
                                        char *value, size_t maxlength);
MIMERAPI_EXPORT int32_t MimerGetString8(MimerStatement statementhandle, int16_t colno,
                                        char *value, size_t maxlength);
MIMERAPI_EXPORT int32_t MimerGetBinary(MimerStatement statementhandle, int16_t colno,
                                       void *value, size_t size);
MIMERAPI_EXPORT int32_t MimerGetUUID(MimerStatement statementhandle, int16_t colno,
                                     unsigned char *uuid);
MIMERAPI_EXPORT int32_t MimerGetGisLocation(MimerStatement statementhandle, int16_t colno,
                                            mimer_gis_location *location);
MIMERAPI_EXPORT int32_t MimerGetGisLatitude(MimerStatement statementhandle, int16_t colno,
                                            double *latitude);
MIMERAPI_EXPORT int32_t MimerGetGisLongitude(MimerStatement statementhandle, int16_t colno,
                                             double *longitude);

/* Large objects */
MIMERAPI_EXPORT int32_t MimerSetLob(MimerStatement statementhandle, int16_t paramno,
                                    size_t size_length, MimerLob *lobhandle);
MIMERAPI_EXPORT int32_t MimerSetLob2(MimerStatement statementhandle, int16_t paramno,
                                     MimerLob *lobhandle);
MIMERAPI_EXPORT int32_t MimerSetLobLength(MimerLob lobhandle, int64_t length);
MIMERAPI_EXPORT int32_t MimerSetBlobData(MimerLob *lobhandle, const void *data, size_t size);
MIMERAPI_EXPORT int32_t MimerSetNclobData(MimerLob *lobhandle, const wchar_t *data,
                                          size_t length);
MIMERAPI_EXPORT int32_t MimerSetNclobDataC(MimerLob *lobhandle, const char *data,
                                           size_t length);
MIMERAPI_EXPORT int32_t MimerSetNclobData8(MimerLob *lobhandle, const char *data,
                                           size_t length);
MIMERAPI_EXPORT int32_t MimerGetLob(MimerStatement statementhandle, int16_t colno,
                                    size_t *size_length, MimerLob *lobhandle);
MIMERAPI_EXPORT int32_t MimerGetLob2(MimerStatement statementhandle, int16_t colno,
                                     MimerLob *lobhandle);
MIMERAPI_EXPORT int64_t MimerGetLobLength(MimerLob lobhandle);
MIMERAPI_EXPORT int32_t MimerGetBlobData(MimerLob *lobhandle, void *data, size_t size);
MIMERAPI_EXPORT int32_t MimerGetNclobData(MimerLob *lobhandle, wchar_t *data, size_t size);
MIMERAPI_EXPORT int32_t MimerGetNclobDataC(size_t *returned, MimerLob *lobhandle, char *data,
                                           size_t size);
MIMERAPI_EXPORT int32_t MimerGetNclobData8(MimerLob *lobhandle, char *data, size_t size);

/* Errors */
MIMERAPI_EXPORT int32_t MimerGetError(void *handle, int32_t *evalue, wchar_t *buffer,
                                      size_t bufsize);
MIMERAPI_EXPORT int32_t MimerGetErrorC(void *handle, int32_t *evalue, char *buffer,
                                       size_t bufsize);
MIMERAPI_EXPORT int32_t MimerGetError8(void *handle, int32_t *evalue, char *buffer,
                                       size_t bufsize);
MIMERAPI_EXPORT int32_t MimerNextError(void *handle);

/* Callbacks (statement option MIMER_CALLBACKS) */
MIMERAPI_EXPORT int32_t MimerGetCallback(MimerStatement statementhandle, wchar_t *name,
                                         size_t size, int32_t *out);
MIMERAPI_EXPORT int32_t MimerGetCallbackC(MimerStatement statementhandle, char *name,
                                          size_t size, int32_t *out);
MIMERAPI_EXPORT int32_t MimerGetCallback8(MimerStatement statementhandle, char *name,
                                          size_t size, int32_t *out);
MIMERAPI_EXPORT int32_t MimerGetCallbackParamType(MimerStatement statementhandle,
                                                  int16_t paramno);
MIMERAPI_EXPORT int32_t MimerGetCallbackParamString(MimerStatement statementhandle,
                                                    int16_t paramno, wchar_t *buf, size_t size);
MIMERAPI_EXPORT int32_t MimerGetCallbackParamStringC(MimerStatement statementhandle,
                                                     int16_t paramno, char *buf, size_t size);
MIMERAPI_EXPORT int32_t MimerGetCallbackParamString8(MimerStatement statementhandle,
                                                     int16_t paramno, char *buf, size_t size);
MIMERAPI_EXPORT int32_t MimerGetCallbackParamInt64(MimerStatement statementhandle,
                                                   int16_t paramno, int64_t *value);

#ifdef __cplusplus
}
#endif

#endif
