/*
** Internals of the Mimer SQL C API layer (api/): the structures behind
** the opaque handles of mimerapi.h and the helpers the api/ sources
** share.  The layer sits on the internal engine API of db/db.h and adds
** what Mimer's API has and the engine has not: handle validation, the
** per-handle error record, parameter values held between executions
** (and batches of them), Mimer's call-order rules, output buffer
** protocols, LOB streaming and text conversions (UTF-8, wchar_t, locale).
**
** Handles.  Every handle starts with an ApiHandleHdr whose magic number
** names its kind while it is live and is poisoned when it is freed.
** Handle memory comes from per-kind pools (handle.c) that never give it
** back to the C library, so reading the magic of a stale handle is
** defined behaviour, and freed slots are reused only after many others
** (a FIFO quarantine), so a stale handle is reported as -24108 rather
** than silently aliasing a new object.
**
** Threads: a session, its statements and LOB handles are used by one
** thread at a time (Mimer's rule); the pools are shared and locked.
*/
#ifndef MIMERLITE_APIINT_H
#define MIMERLITE_APIINT_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "mimerapi.h"
#include "db/db.h"
#include "types/value.h"
#include "util/arena.h"
#include "util/errors.h"
#include "util/strbuf.h"

/* Magic numbers of live handles; freed handles carry API_MAGIC_DEAD. */
#define API_MAGIC_SESSION  0x4D534553u    /* "MSES" */
#define API_MAGIC_STMT     0x4D535454u    /* "MSTT" */
#define API_MAGIC_LOB      0x4D4C4F42u    /* "MLOB" */
#define API_MAGIC_DEAD     0xDEADF00Du

/* Pools, one per handle kind. */
typedef enum ApiKind { API_KIND_SESSION = 0, API_KIND_STMT, API_KIND_LOB, API_KIND_COUNT_ } ApiKind;

typedef struct ApiHandleHdr {
  uint32_t magic;                 /* API_MAGIC_* while live, API_MAGIC_DEAD after */
  uint32_t kind;                  /* ApiKind: which pool owns the slot */
  struct ApiHandleHdr *pNextFree; /* free list link while dead */
} ApiHandleHdr;

typedef struct MimerSession_struct ApiSession;
typedef struct MimerStatement_struct ApiStmt;
typedef struct MimerLob_struct ApiLob;

/* A session handle.  pDb is NULL for the handle of a failed login. */
struct MimerSession_struct {
  ApiHandleHdr hdr;
  MlSession *pDb;                 /* the engine session, or NULL */
  ApiStmt *pFirstStmt;            /* live statements of this session */
  MlError err;                    /* last error on this session */
};

/* One input parameter's current value, owned by the statement. */
typedef struct ApiParam {
  SqlType type;                   /* the parameter's type (from prepare) */
  Value v;                        /* current value; strings point at aBuf */
  char *aBuf;                     /* owned bytes of a string/binary value */
  size_t nBufAlloc;               /* capacity of aBuf */
  uint8_t isSet;                  /* 1 once a value (or NULL) was set */
  uint8_t nullable;               /* 1 if the parameter accepts NULL */
  int failCode;                   /* error of the last failed set, else 0 */
  ApiLob *pLob;                   /* LOB value being streamed in, or NULL */
} ApiParam;

/* One snapshot of the parameter values, taken by MimerAddBatch. */
typedef struct ApiBatchRow {
  struct ApiBatchRow *pNext;      /* next row, in AddBatch order */
  Value aVal[1];                  /* nParam values; bytes in the batch arena */
} ApiBatchRow;

/* A statement handle. */
struct MimerStatement_struct {
  ApiHandleHdr hdr;
  ApiSession *pSess;              /* owning session */
  ApiStmt *pNext, *pPrev;         /* siblings in pSess->pFirstStmt */
  MlStmt *pStmt;                  /* the prepared engine statement */
  MlError err;                    /* last error on this statement */
  int nParam;                     /* parameter markers */
  int nCol;                       /* result columns, 0 if not a query */
  ApiParam *aParam;               /* nParam parameter values */
  uint8_t scrollable;             /* prepared with MIMER_SCROLLABLE */
  uint8_t cursorOpen;             /* MimerOpenCursor succeeded, not closed */
  uint8_t hasRow;                 /* the cursor is on a row */
  uint8_t atEnd;                  /* forward-only cursor returned 100 */
  int64_t iRow;                   /* 1-based current row, 0 before the first */
  uint64_t iGen;                  /* bumped whenever the cursor moves */
  ApiLob *pFirstLob;              /* live LOB handles of this statement */
  Arena scratch;                  /* conversion results, reset per call */
  StrBuf text;                    /* text of a value for GetString8 */
  Arena batch;                    /* bytes of batched parameter rows */
  ApiBatchRow *pBatchFirst;       /* batched rows, oldest first */
  ApiBatchRow *pBatchLast;        /* newest batched row */
  int nBatch;                     /* rows in the batch */
};

/* A LOB handle: a value streamed in (SetLob) or out (GetLob). */
struct MimerLob_struct {
  ApiHandleHdr hdr;
  ApiStmt *pStmt;                 /* owning statement */
  ApiLob *pNext, *pPrev;          /* siblings in pStmt->pFirstLob */
  uint8_t isInput;                /* 1 for SetLob, 0 for GetLob */
  uint8_t typeId;                 /* SQLT_BLOB, SQLT_CLOB or SQLT_NCLOB */
  int iCol;                       /* 0-based parameter or column */
  uint64_t iGen;                  /* output: pStmt->iGen when opened */
  uint64_t nDeclared;             /* input: declared length (bytes or chars) */
  uint64_t nLength;               /* output: bytes (BLOB) or chars (CLOB) */
  char *aData;                    /* input: bytes received so far */
  size_t nData;                   /* input: bytes received */
  size_t nAlloc;                  /* input: capacity of aData */
  uint64_t nChar;                 /* input: characters received */
  size_t iPos;                    /* output: bytes delivered so far */
  uint64_t iCharPos;              /* output: characters delivered so far */
};

/* handle.c */
void *apiHandleAlloc(ApiKind kind, size_t nByte);
void apiHandleFree(void *p);
ApiSession *apiSessionGet(MimerSession p);          /* live session or NULL */
ApiStmt *apiStmtGet(MimerStatement p);              /* live statement or NULL */
ApiLob *apiLobGet(MimerLob p);                      /* live LOB or NULL */
int apiStmtError(ApiStmt *p, int rc);
int apiStmtErrorFrom(ApiStmt *p, int rc, const MlError *pErr);
int apiSessionErrorFrom(ApiSession *p, int rc, const MlError *pErr);
int apiSessionError(ApiSession *p, int rc);
void apiStmtFree(ApiStmt *p);
void apiLobFree(ApiLob *p);
int apiCopyOut8(const char *z, size_t n, char *zBuf, size_t nBuf);
int apiClampLen(uint64_t n);

/* text.c: wchar_t and locale text <-> UTF-8 (malloc'ed results). */
int apiWideToUtf8(const wchar_t *z, size_t n, char **pzOut, size_t *pnOut);
int apiLocaleToUtf8(const char *z, size_t n, char **pzOut, size_t *pnOut);
int apiUtf8ToWideOut(const char *z, size_t n, wchar_t *zBuf, size_t nBuf);
int apiUtf8ToLocaleOut(const char *z, size_t n, char *zBuf, size_t nBuf);
int apiUtf8Decode(const unsigned char *z, size_t n, uint32_t *pc);

/* params.c */
int apiParamsBind(ApiStmt *p, MlError *pErr);
int apiParamSetValue(ApiStmt *p, int iParam, const Value *pVal, const SqlType *pFrom);
int apiParamCheck(ApiStmt *p, int16_t paramno);
void apiParamsFree(ApiStmt *p);

/* cursor.c */
int apiCursorClose(ApiStmt *p);

/* lob.c */
int apiLobFinish(ApiStmt *p, ApiParam *pPar, int lenient);

/* columns.c */
int apiColumnValue(ApiStmt *p, int16_t colno, const Value **ppVal, const SqlType **ppType);

#endif
