/*
** The abstract syntax tree of mimerlite's SQL layer: what the parser
** (parse.h) builds from Mimer SQL text and what the later stages read:
** name resolution and typing (sema/), planning (plan/), and the AST printer
** (astprint.h) that turns a tree back into canonical SQL for EXPLAIN and
** for the catalog's view, default and check texts.
**
** Everything lives in the Arena of the statement that owns the tree; no
** node is freed on its own.  Names are kept as written (case preserved)
** with a flag saying whether they were delimited; literals keep their
** source text and lexical class; declared types are AstType, which carries
** a types/value.h SqlType plus what was written and what was omitted.  The
** parser resolves no names and checks no types.
**
** Shape:
**   AstStmt     one statement, tagged by AstStmtKind, with a union of
**               per-kind bodies, and the statement's parameter markers.
**   AstQuery    a query expression: SELECT, VALUES or a set operation,
**               with its own WITH, ORDER BY, OFFSET and FETCH.
**   AstSelect   one query specification (SELECT ... FROM ... WHERE ...).
**   AstTableRef a FROM item: a named table, a derived table, or a join.
**   AstExpr     a value expression or predicate, tagged by AstExprKind.
**   AstList     a growable array of node pointers (element type noted at
**               each use).
*/
#ifndef MIMERLITE_SQL_AST_H
#define MIMERLITE_SQL_AST_H

#include <stdint.h>

#include "types/value.h"
#include "util/arena.h"

typedef struct AstExpr AstExpr;
typedef struct AstQuery AstQuery;
typedef struct AstStmt AstStmt;
typedef struct AstTableRef AstTableRef;

/* A growable array of pointers; grows inside the arena. */
typedef struct AstList {
  int n;                   /* elements in use */
  int nAlloc;              /* slots allocated */
  void **a;                /* the elements */
} AstList;

/* One identifier as written.  z==0 means "absent". */
typedef struct AstIdent {
  const char *z;           /* name, UTF-8, NUL-terminated; quotes removed */
  uint32_t iPos;           /* byte offset in the statement text */
  uint8_t isDelim;         /* written as "..." or U&"..." */
} AstIdent;

/* An object name [schema.]name. */
typedef struct AstQName {
  AstIdent schema;         /* schema.z==0 when unqualified */
  AstIdent name;
} AstQName;

/* ---------------------------------------------------------------- types */

/* AstType.given: which parameters of the type were written. */
#define ATYPE_LENGTH     0x01  /* (n) of a string/binary type */
#define ATYPE_PRECISION  0x02  /* (p) of INTEGER/DECIMAL/FLOAT, interval leading precision */
#define ATYPE_SCALE      0x04  /* scale of DECIMAL, fraction of TIME/TIMESTAMP/SECOND */
#define ATYPE_USER       0x08  /* a domain or user-defined type (udt is set) */

/*
** A declared type (column, CAST, domain, sequence, interval literal).
** t.id and t.intervalKind are final.  t.length/precision/scale hold the
** written values clamped to their field width and are 0 where omitted:
** the type validator (sema) checks nLength/nPrecision/nScale against
** Mimer's limits and fills in Mimer's defaults where `given` says a
** parameter was omitted (CHAR -> 1, TIMESTAMP -> 6, INTERVAL -> 2 ...).
** A domain or user-defined type has t.id SQLT_NULL and ATYPE_USER; the
** built-in BUILTIN.UUID and BUILTIN.GIS_* have their own t.id (SQLT_UUID,
** SQLT_GIS_LOCATION ...) and keep their name in udt.
*/
typedef struct AstType {
  SqlType t;               /* id, interval kind, clamped parameters */
  uint8_t given;           /* ATYPE_* */
  char lobUnit;            /* 0, 'K', 'M' or 'G' after a LOB length */
  uint32_t nLength;        /* written length (before the K/M/G multiplier) */
  uint32_t nPrecision;     /* written precision / leading precision */
  uint32_t nScale;         /* written scale / fractional precision */
  AstQName udt;            /* domain or user-defined type name */
  uint32_t iPos;
} AstType;

/* ---------------------------------------------------------- expressions */

typedef enum AstExprKind {
  AE_LITERAL = 1,  /* u.lit */
  AE_COLUMN,       /* u.col: [[schema.]table.]column */
  AE_PARAM,        /* u.param: ? or :name */
  AE_UNARY,        /* op (AOP_NEG, AOP_POS, AOP_NOT) pLeft */
  AE_BINARY,       /* pLeft op pRight (arithmetic, ||, comparison, AND, OR) */
  AE_IS,           /* pLeft IS [NOT] {NULL|TRUE|FALSE|UNKNOWN}; op = AIS_* */
  AE_LIKE,         /* pLeft [NOT] LIKE pRight [ESCAPE u.pEscape] */
  AE_BETWEEN,      /* pLeft [NOT] BETWEEN [SYMMETRIC] u.between */
  AE_IN_LIST,      /* pLeft [NOT] IN (u.pList) */
  AE_IN_QUERY,     /* pLeft [NOT] IN (u.pQuery) */
  AE_QUANTIFIED,   /* pLeft op {ANY|SOME|ALL} (u.quant.pQuery) */
  AE_EXISTS,       /* EXISTS (u.pQuery) */
  AE_SUBQUERY,     /* (u.pQuery) as a scalar value */
  AE_CASE,         /* CASE [pLeft] u.kase END */
  AE_CAST,         /* CAST(pLeft AS u.pType) */
  AE_FUNC,         /* u.func: name(args), COUNT(*), f(DISTINCT x) */
  AE_SUBSTRING,    /* SUBSTRING(pLeft FROM u.args[0] [FOR u.args[1]]) */
  AE_TRIM,         /* TRIM([op] [u.args[0]] FROM pLeft); op = ATRIM_* */
  AE_POSITION,     /* POSITION(pLeft IN pRight) */
  AE_EXTRACT,      /* EXTRACT(field FROM pLeft); op = SqlIntervalKind (YEAR..SECOND) */
  AE_OVERLAY,      /* OVERLAY(pLeft PLACING pRight FROM args[0] [FOR args[1]]) */
  AE_NEXT_VALUE,   /* NEXT VALUE FOR u.seq */
  AE_CURRENT_VALUE,/* CURRENT VALUE FOR u.seq */
  AE_SPECIAL,      /* CURRENT_DATE, USER ...; op = ASV_*; u.special */
  AE_INTERVAL_OF,  /* (pLeft) u.pType: (ts2 - ts1) DAY(7) */
  AE_COLLATE,      /* pLeft COLLATE u.collation */
  AE_DEFAULT,      /* DEFAULT in INSERT VALUES / UPDATE SET */
  AE_VALUE         /* VALUE inside a domain's CHECK */
} AstExprKind;

/* Operators: X(name, spelling).  One table for parser and printer. */
#define AST_OP_LIST(X) \
  X(AOP_OR, "OR") X(AOP_AND, "AND") X(AOP_NOT, "NOT") \
  X(AOP_EQ, "=") X(AOP_NE, "<>") X(AOP_LT, "<") X(AOP_LE, "<=") \
  X(AOP_GT, ">") X(AOP_GE, ">=") \
  X(AOP_ADD, "+") X(AOP_SUB, "-") X(AOP_MUL, "*") X(AOP_DIV, "/") \
  X(AOP_CONCAT, "||") X(AOP_NEG, "-") X(AOP_POS, "+")

typedef enum AstOp {
  AOP_NONE_ = 0,
#define AST_X_ENUM(name, text) name,
  AST_OP_LIST(AST_X_ENUM)
#undef AST_X_ENUM
  AOP_COUNT_
} AstOp;

const char *astOpName(int op);

#define AOP_IS_COMPARISON(op) ((op)>=AOP_EQ && (op)<=AOP_GE)

/* AE_IS tests */
enum { AIS_NULL = 1, AIS_TRUE, AIS_FALSE, AIS_UNKNOWN };

/* AE_TRIM specification */
enum { ATRIM_NONE = 0, ATRIM_LEADING, ATRIM_TRAILING, ATRIM_BOTH };

/* AE_QUANTIFIED quantifier */
enum { AQUANT_ANY = 1, AQUANT_SOME, AQUANT_ALL };

/*
** Special value functions: X(name, spelling, takesPrecision).  USER and
** CURRENT_SCHEMA are written without parentheses; CURRENT_TIME,
** CURRENT_TIMESTAMP, LOCALTIME, LOCALTIMESTAMP take an optional precision.
*/
#define AST_SPECIAL_LIST(X) \
  X(ASV_CURRENT_DATE, "CURRENT_DATE", 0) \
  X(ASV_CURRENT_TIME, "CURRENT_TIME", 1) \
  X(ASV_CURRENT_TIMESTAMP, "CURRENT_TIMESTAMP", 1) \
  X(ASV_LOCALTIME, "LOCALTIME", 1) \
  X(ASV_LOCALTIMESTAMP, "LOCALTIMESTAMP", 1) \
  X(ASV_CURRENT_USER, "CURRENT_USER", 0) \
  X(ASV_SESSION_USER, "SESSION_USER", 0) \
  X(ASV_SYSTEM_USER, "SYSTEM_USER", 0) \
  X(ASV_USER, "USER", 0) \
  X(ASV_CURRENT_PATH, "CURRENT_PATH", 0) \
  X(ASV_CURRENT_SCHEMA, "CURRENT_SCHEMA", 0)

typedef enum AstSpecialValue {
  ASV_NONE_ = 0,
#define AST_X_ENUM(name, text, prec) name,
  AST_SPECIAL_LIST(AST_X_ENUM)
#undef AST_X_ENUM
  ASV_COUNT_
} AstSpecialValue;

const char *astSpecialName(int sv);
int astSpecialTakesPrecision(int sv);

/* Lexical class of a literal. */
typedef enum AstLitClass {
  ALIT_NULL = 1,   /* NULL */
  ALIT_BOOLEAN,    /* TRUE / FALSE: bVal */
  ALIT_UNKNOWN,    /* UNKNOWN (the boolean null) */
  ALIT_EXACT,      /* 42, 007, 3.1400, .5: precision/scale per Mimer */
  ALIT_APPROX,     /* 1E5: precision = mantissa digits */
  ALIT_CHAR,       /* '...' */
  ALIT_NCHAR,      /* N'...' */
  ALIT_UNICODE,    /* U&'...' (escapes resolved in z) */
  ALIT_BINARY,     /* X'...' (z holds the bytes) */
  ALIT_DATE,       /* DATE '...' (z holds the string contents) */
  ALIT_TIME,       /* TIME '...' */
  ALIT_TIMESTAMP,  /* TIMESTAMP '...' */
  ALIT_INTERVAL    /* INTERVAL [+|-]'...' qualifier: pType, neg */
} AstLitClass;

typedef struct AstLiteral {
  uint8_t cls;             /* AstLitClass */
  uint8_t bVal;            /* ALIT_BOOLEAN: 1 TRUE, 0 FALSE */
  uint8_t neg;             /* ALIT_INTERVAL: '-' written before the string */
  uint32_t precision;      /* ALIT_EXACT: digits incl. leading/trailing zeros */
  uint32_t scale;          /* ALIT_EXACT: digits after the point */
  const char *zSrc;        /* source text as written (whole literal), in the arena */
  uint32_t nSrc;
  const char *z;           /* value: numbers as written, strings decoded */
  uint32_t n;              /* bytes in z (z is also NUL-terminated) */
  AstType *pType;          /* ALIT_INTERVAL: the interval qualifier */
} AstLiteral;

/* Column reference: nPart names, the last one the column. */
typedef struct AstColumnRef {
  int nPart;               /* 1..3 */
  AstIdent aPart[3];       /* [schema, table,] column */
} AstColumnRef;

/* Parameter marker.  Ordinals count both kinds in order of appearance. */
typedef struct AstParam {
  int iOrdinal;            /* 1-based position among the statement's markers */
  const char *zName;       /* name of :name (without ':'), 0 for ? */
} AstParam;

/* Function call. */
typedef struct AstFunc {
  AstQName name;           /* possibly qualified: BUILTIN.UUID_AS_TEXT */
  AstList *pArgs;          /* AstExpr*; 0 when no arguments or for (*) */
  uint8_t isStar;          /* COUNT(*) */
  uint8_t quant;           /* 0, AFQ_ALL or AFQ_DISTINCT before the arguments */
  uint8_t isMethod;        /* instance method x.m(...): pArgs->a[0] is x, name m */
} AstFunc;
enum { AFQ_ALL = 1, AFQ_DISTINCT };

/* CASE: pairs of WHEN and THEN expressions. */
typedef struct AstCase {
  AstList *pWhen;          /* AstExpr*: condition (searched) or value (simple) */
  AstList *pThen;          /* AstExpr*: result for the same index */
  AstExpr *pElse;          /* ELSE result or 0 */
} AstCase;

struct AstExpr {
  uint8_t kind;            /* AstExprKind */
  uint8_t op;              /* AstOp, AIS_*, ATRIM_*, ASV_*, extract field */
  uint8_t isNot;           /* NOT form: IS NOT, NOT LIKE, NOT IN, NOT BETWEEN */
  uint32_t iPos;           /* byte offset of the expression's first token */
  AstExpr *pLeft;          /* first operand (see AstExprKind) */
  AstExpr *pRight;         /* second operand */
  void *pSema;             /* for later layers; 0 from the parser */
  union {
    AstLiteral lit;        /* AE_LITERAL */
    AstColumnRef col;      /* AE_COLUMN */
    AstParam param;        /* AE_PARAM */
    AstExpr *pEscape;      /* AE_LIKE: ESCAPE expression or 0 */
    struct {
      AstExpr *pLow, *pHigh;
      uint8_t symmetric;   /* 0 unspecified, 1 SYMMETRIC, 2 ASYMMETRIC */
    } between;             /* AE_BETWEEN */
    AstList *pList;        /* AE_IN_LIST: AstExpr* */
    AstQuery *pQuery;      /* AE_IN_QUERY, AE_EXISTS, AE_SUBQUERY */
    struct {
      uint8_t quant;       /* AQUANT_* (op holds the comparison) */
      AstQuery *pQuery;
    } quant;               /* AE_QUANTIFIED */
    AstCase kase;          /* AE_CASE */
    AstType *pType;        /* AE_CAST, AE_INTERVAL_OF */
    AstFunc func;          /* AE_FUNC */
    AstExpr *args[2];      /* AE_SUBSTRING, AE_TRIM, AE_OVERLAY */
    AstQName seq;          /* AE_NEXT_VALUE, AE_CURRENT_VALUE */
    struct {
      uint8_t hasPrecision;
      uint32_t precision;  /* CURRENT_TIMESTAMP(p) */
    } special;             /* AE_SPECIAL */
    AstQName collation;    /* AE_COLLATE */
  } u;
};

/* -------------------------------------------------------------- queries */

/* One select-list item. */
typedef struct AstResCol {
  AstExpr *pExpr;          /* the value; 0 for * and q.* */
  AstIdent alias;          /* [AS] alias; z==0 if none */
  uint8_t isStar;          /* * or q.* */
  AstQName starQual;       /* q of q.*; name.z==0 for plain * */
} AstResCol;

/* A FROM item. */
typedef enum AstTableRefKind {
  ATR_TABLE = 1,           /* name [AS alias [(cols)]] */
  ATR_QUERY,               /* (query) [AS alias [(cols)]] */
  ATR_JOIN                 /* pLeft join pRight [ON | USING] */
} AstTableRefKind;

typedef enum AstJoinType {
  AJ_INNER = 1, AJ_LEFT, AJ_RIGHT, AJ_FULL, AJ_CROSS
} AstJoinType;

struct AstTableRef {
  uint8_t kind;            /* AstTableRefKind */
  uint8_t joinType;        /* ATR_JOIN: AstJoinType */
  uint8_t natural;         /* ATR_JOIN: NATURAL */
  uint32_t iPos;
  AstQName name;           /* ATR_TABLE */
  AstQuery *pQuery;        /* ATR_QUERY */
  AstIdent alias;          /* correlation name, z==0 if none */
  AstList *pColAliases;    /* AstIdent*: derived column list, or 0 */
  AstTableRef *pLeft;      /* ATR_JOIN */
  AstTableRef *pRight;
  AstExpr *pOn;            /* ON condition or 0 */
  AstList *pUsing;         /* AstIdent*: USING columns, or 0 */
  void *pSema;             /* for later layers; 0 from the parser */
};

/* One query specification. */
typedef struct AstSelect {
  uint8_t quant;           /* 0, AFQ_ALL or AFQ_DISTINCT */
  AstList *pResCols;       /* AstResCol* */
  AstList *pFrom;          /* AstTableRef* (comma list) */
  AstExpr *pWhere;
  AstList *pGroupBy;       /* AstExpr*, or 0 */
  AstExpr *pHaving;
} AstSelect;

/* One WITH list element: name [(cols)] AS (query). */
typedef struct AstCte {
  AstIdent name;
  AstList *pCols;          /* AstIdent*, or 0 */
  AstQuery *pQuery;
} AstCte;

typedef struct AstWith {
  uint32_t iPos;           /* byte offset of WITH */
  uint8_t recursive;
  AstList *pCtes;          /* AstCte* */
} AstWith;

/* ORDER BY element. */
typedef struct AstOrderItem {
  AstExpr *pExpr;          /* expression or column position literal */
  uint8_t dir;             /* 0 unspecified, ASORT_ASC, ASORT_DESC */
} AstOrderItem;
enum { ASORT_ASC = 1, ASORT_DESC };

typedef enum AstQueryKind {
  AQ_SELECT = 1,           /* pSelect */
  AQ_VALUES,               /* pRows: table value constructor */
  AQ_SETOP                 /* pLeft setOp pRight */
} AstQueryKind;

enum { ASET_UNION = 1, ASET_EXCEPT, ASET_INTERSECT };

struct AstQuery {
  uint8_t kind;            /* AstQueryKind */
  uint8_t setOp;           /* AQ_SETOP: ASET_* */
  uint8_t setQuant;        /* AQ_SETOP: 0, AFQ_ALL or AFQ_DISTINCT */
  uint8_t hasFetch;        /* FETCH FIRST given (pFetch may be 0: one row) */
  uint32_t iPos;
  AstWith *pWith;          /* WITH clause or 0 */
  AstSelect *pSelect;      /* AQ_SELECT */
  AstList *pRows;          /* AQ_VALUES: AstList* of AstExpr* per row */
  AstQuery *pLeft;         /* AQ_SETOP */
  AstQuery *pRight;
  AstList *pOrderBy;       /* AstOrderItem*, or 0 */
  AstExpr *pOffset;        /* OFFSET n ROWS: literal or parameter, or 0 */
  AstExpr *pFetch;         /* FETCH FIRST n ROWS ONLY: literal or parameter */
};

/* ----------------------------------------------------------------- DDL */

/* Schema object kinds (DROP, COMMENT, GRANT ... ON). */
#define AST_OBJ_LIST(X) \
  X(AOBJ_TABLE, "TABLE") X(AOBJ_VIEW, "VIEW") X(AOBJ_SEQUENCE, "SEQUENCE") \
  X(AOBJ_INDEX, "INDEX") X(AOBJ_DOMAIN, "DOMAIN") X(AOBJ_SYNONYM, "SYNONYM") \
  X(AOBJ_SCHEMA, "SCHEMA") X(AOBJ_IDENT, "IDENT") X(AOBJ_DATABANK, "DATABANK") \
  X(AOBJ_COLUMN, "COLUMN")

typedef enum AstObjKind {
  AOBJ_NONE_ = 0,
#define AST_X_ENUM(name, text) name,
  AST_OBJ_LIST(AST_X_ENUM)
#undef AST_X_ENUM
  AOBJ_COUNT_
} AstObjKind;

const char *astObjName(int kind);

/* DROP / REVOKE / ALTER ... DROP behaviour. */
enum { ADROP_DEFAULT = 0, ADROP_CASCADE, ADROP_RESTRICT };

/* Referential actions. */
enum { AREF_NONE = 0, AREF_CASCADE, AREF_SET_NULL, AREF_SET_DEFAULT,
       AREF_RESTRICT, AREF_NO_ACTION };

typedef enum AstConsKind {
  ACONS_NOT_NULL = 1,      /* column: NOT NULL (also domains) */
  ACONS_NULL,              /* column: explicit NULL */
  ACONS_PRIMARY_KEY,
  ACONS_UNIQUE,
  ACONS_FOREIGN_KEY,       /* table: FOREIGN KEY; column: REFERENCES */
  ACONS_CHECK
} AstConsKind;

/* A column or table constraint. */
typedef struct AstConstraint {
  uint8_t kind;            /* AstConsKind */
  uint8_t onDelete;        /* AREF_* */
  uint8_t onUpdate;        /* AREF_* */
  uint8_t deferrable;      /* 0 unspecified, 1 DEFERRABLE, 2 NOT DEFERRABLE */
  uint8_t initially;       /* 0 unspecified, 1 DEFERRED, 2 IMMEDIATE */
  uint32_t iPos;
  AstIdent name;           /* CONSTRAINT name, z==0 if unnamed */
  AstList *pCols;          /* AstIdent*: key columns (table constraints) */
  AstQName refTable;       /* FOREIGN KEY: referenced table */
  AstList *pRefCols;       /* AstIdent*: referenced columns, or 0 */
  AstExpr *pCheck;         /* CHECK condition */
} AstConstraint;

/* A column definition. */
typedef struct AstColumnDef {
  AstIdent name;
  AstType *pType;          /* data type, domain or user-defined type */
  AstExpr *pDefault;       /* DEFAULT value or 0 */
  AstQName collation;      /* COLLATE name, name.z==0 if none */
  AstList *pCons;          /* AstConstraint* (column constraints), or 0 */
} AstColumnDef;

/* One CREATE INDEX column. */
typedef struct AstIndexCol {
  AstIdent name;
  uint8_t dir;             /* 0 unspecified, ASORT_ASC, ASORT_DESC */
} AstIndexCol;

/* Sequence options shared by CREATE and ALTER SEQUENCE. */
typedef struct AstSeqOptions {
  AstType *pType;          /* AS type, or 0 */
  AstExpr *pStart;         /* START WITH n (signed integer literal) */
  AstExpr *pRestart;       /* RESTART WITH n */
  uint8_t restart;         /* RESTART given (pRestart may be 0) */
  AstExpr *pIncrement;     /* INCREMENT BY n */
  AstExpr *pMin;           /* MINVALUE n */
  AstExpr *pMax;           /* MAXVALUE n */
  uint8_t noMin;           /* NO MINVALUE */
  uint8_t noMax;           /* NO MAXVALUE */
  uint8_t cycle;           /* 0 unspecified, 1 CYCLE, 2 NO CYCLE */
} AstSeqOptions;

/* A size with an optional multiplier: 2000, 10K, 5 M. */
typedef struct AstSize {
  uint8_t given;
  char unit;               /* 0, 'K', 'M', 'G' */
  uint64_t n;              /* the number as written (saturated) */
} AstSize;

/* Privileges (GRANT/REVOKE): X(name, spelling, isSystem). */
#define AST_PRIV_LIST(X) \
  X(APRIV_SELECT, "SELECT", 0) X(APRIV_INSERT, "INSERT", 0) \
  X(APRIV_UPDATE, "UPDATE", 0) X(APRIV_DELETE, "DELETE", 0) \
  X(APRIV_REFERENCES, "REFERENCES", 0) X(APRIV_USAGE, "USAGE", 0) \
  X(APRIV_EXECUTE, "EXECUTE", 0) X(APRIV_TABLE, "TABLE", 0) \
  X(APRIV_MEMBER, "MEMBER", 0) X(APRIV_ALL, "ALL PRIVILEGES", 0) \
  X(APRIV_BACKUP, "BACKUP", 1) X(APRIV_DATABANK, "DATABANK", 1) \
  X(APRIV_IDENT, "IDENT", 1) X(APRIV_SCHEMA, "SCHEMA", 1) \
  X(APRIV_SHADOW, "SHADOW", 1) X(APRIV_STATISTICS, "STATISTICS", 1)

typedef enum AstPrivKind {
  APRIV_NONE_ = 0,
#define AST_X_ENUM(name, text, sys) name,
  AST_PRIV_LIST(AST_X_ENUM)
#undef AST_X_ENUM
  APRIV_COUNT_
} AstPrivKind;

const char *astPrivName(int kind);
int astPrivIsSystem(int kind);

typedef struct AstPrivilege {
  uint8_t kind;            /* AstPrivKind */
  AstList *pCols;          /* AstIdent*: UPDATE(cols), REFERENCES(cols), or 0 */
} AstPrivilege;

/* Transaction characteristics (START/SET TRANSACTION, SET SESSION ...). */
typedef struct AstTxnModes {
  uint8_t access;          /* 0, ATXN_READ_ONLY, ATXN_READ_WRITE */
  uint8_t isolation;       /* 0 or ATXN_ISO_* */
  uint8_t start;           /* 0, ATXN_START_EXPLICIT, ATXN_START_IMPLICIT */
  AstExpr *pDiagSize;      /* DIAGNOSTICS SIZE n, or 0 */
} AstTxnModes;
enum { ATXN_READ_ONLY = 1, ATXN_READ_WRITE };
enum { ATXN_ISO_READ_UNCOMMITTED = 1, ATXN_ISO_READ_COMMITTED,
       ATXN_ISO_REPEATABLE_READ, ATXN_ISO_SERIALIZABLE };
enum { ATXN_START_EXPLICIT = 1, ATXN_START_IMPLICIT };

/* ----------------------------------------------------------- statements */

/* Statement kinds: X(name, description). */
#define AST_STMT_LIST(X) \
  X(AS_QUERY, "query") X(AS_INSERT, "INSERT") X(AS_UPDATE, "UPDATE") \
  X(AS_DELETE, "DELETE") X(AS_CREATE_TABLE, "CREATE TABLE") \
  X(AS_ALTER_TABLE, "ALTER TABLE") X(AS_CREATE_VIEW, "CREATE VIEW") \
  X(AS_CREATE_INDEX, "CREATE INDEX") X(AS_CREATE_SEQUENCE, "CREATE SEQUENCE") \
  X(AS_ALTER_SEQUENCE, "ALTER SEQUENCE") X(AS_CREATE_DOMAIN, "CREATE DOMAIN") \
  X(AS_CREATE_SYNONYM, "CREATE SYNONYM") X(AS_CREATE_SCHEMA, "CREATE SCHEMA") \
  X(AS_CREATE_IDENT, "CREATE IDENT") X(AS_ALTER_IDENT, "ALTER IDENT") \
  X(AS_CREATE_DATABANK, "CREATE DATABANK") X(AS_DROP, "DROP") \
  X(AS_GRANT, "GRANT") X(AS_REVOKE, "REVOKE") X(AS_COMMENT, "COMMENT") \
  X(AS_SET_SCHEMA, "SET SCHEMA") X(AS_START_TRANSACTION, "START TRANSACTION") \
  X(AS_SET_TRANSACTION, "SET TRANSACTION") \
  X(AS_SET_SESSION, "SET SESSION CHARACTERISTICS") X(AS_COMMIT, "COMMIT") \
  X(AS_ROLLBACK, "ROLLBACK") X(AS_SAVEPOINT, "SAVEPOINT") \
  X(AS_RELEASE_SAVEPOINT, "RELEASE SAVEPOINT") X(AS_EXPLAIN, "EXPLAIN") \
  X(AS_CALL, "CALL")

typedef enum AstStmtKind {
  AS_NONE_ = 0,
#define AST_X_ENUM(name, text) name,
  AST_STMT_LIST(AST_X_ENUM)
#undef AST_X_ENUM
  AS_COUNT_
} AstStmtKind;

const char *astStmtName(int kind);

/* ALTER TABLE actions. */
typedef enum AstAlterKind {
  AALT_ADD_COLUMN = 1,     /* u.alterTable.pColumn */
  AALT_ADD_CONSTRAINT,     /* pCons */
  AALT_DROP_COLUMN,        /* target, behavior */
  AALT_DROP_CONSTRAINT,    /* target, behavior */
  AALT_SET_DEFAULT,        /* target, pDefault */
  AALT_DROP_DEFAULT,       /* target */
  AALT_SET_TYPE            /* target, pType, collation */
} AstAlterKind;

/* ALTER IDENT actions. */
enum { AIDA_PASSWORD = 1, AIDA_ADD_OS_USER, AIDA_DROP_OS_USER };

/* CREATE IDENT kinds. */
enum { AIDK_USER = 1, AIDK_PROGRAM, AIDK_GROUP };

/* Databank log options. */
enum { ADBL_LOG = 1, ADBL_TRANSACTION, ADBL_WORK };

/* Query statement's FOR clause. */
enum { AFOR_NONE = 0, AFOR_UPDATE, AFOR_READ_ONLY };

/* View CHECK OPTION. */
enum { ACHK_NONE = 0, ACHK_PLAIN, ACHK_CASCADED, ACHK_LOCAL };

struct AstStmt {
  uint8_t kind;            /* AstStmtKind */
  uint32_t iPos;           /* byte offset of the first token */
  int nParam;              /* parameter markers in the statement */
  AstExpr **apParam;       /* [nParam] the AE_PARAM nodes, by ordinal */
  union {
    struct {
      AstQuery *pQuery;
      uint8_t forClause;   /* AFOR_* */
      AstList *pForCols;   /* AstIdent*: FOR UPDATE OF cols, or 0 */
    } query;
    struct {
      AstQName table;
      AstList *pCols;      /* AstIdent*, or 0 */
      AstQuery *pQuery;    /* VALUES (rows may hold AE_DEFAULT) or query; 0 = DEFAULT VALUES */
    } insert;
    struct {
      AstQName table;
      AstIdent alias;
      AstList *pCols;      /* AstIdent*: SET targets */
      AstList *pValues;    /* AstExpr*: SET values (AE_DEFAULT allowed) */
      AstExpr *pWhere;
      AstIdent cursor;     /* WHERE CURRENT OF cursor */
    } update;
    struct {
      AstQName table;
      AstIdent alias;
      AstExpr *pWhere;
      AstIdent cursor;     /* WHERE CURRENT OF cursor */
    } del;
    struct {
      AstQName name;
      AstList *pColumns;   /* AstColumnDef* */
      AstList *pCons;      /* AstConstraint*: table constraints */
      AstIdent databank;   /* IN databank */
      AstList *pAsCols;    /* AS query form: AstIdent* column names, or 0 */
      AstQuery *pAsQuery;  /* CREATE TABLE ... AS (query) WITH [NO] DATA */
      uint8_t withData;    /* AS query form: 1 WITH DATA, 0 WITH NO DATA */
    } createTable;
    struct {
      AstQName name;
      uint8_t action;      /* AstAlterKind */
      uint8_t behavior;    /* ADROP_* */
      AstColumnDef *pColumn;
      AstConstraint *pCons;
      AstIdent target;     /* column or constraint name */
      AstExpr *pDefault;
      AstType *pType;
      AstQName collation;
    } alterTable;
    struct {
      AstQName name;
      AstList *pCols;      /* AstIdent*, or 0 */
      AstQuery *pQuery;
      uint8_t checkOption; /* ACHK_* */
    } createView;
    struct {
      AstQName name;
      AstQName table;
      uint8_t unique;
      AstList *pCols;      /* AstIndexCol* */
    } createIndex;
    struct {
      AstQName name;
      AstSeqOptions opt;
      AstIdent databank;   /* CREATE SEQUENCE ... IN databank */
    } sequence;
    struct {
      AstQName name;
      AstType *pType;
      AstExpr *pDefault;
      AstQName collation;
      AstList *pCons;      /* AstConstraint*: CHECK, NOT NULL */
    } createDomain;
    struct {
      AstQName name;
      AstQName target;
    } createSynonym;
    struct {
      AstIdent name;
      uint8_t identKind;   /* CREATE IDENT: AIDK_* */
      uint8_t schema;      /* CREATE IDENT: 0, 1 WITH SCHEMA, 2 WITHOUT SCHEMA */
      uint8_t action;      /* ALTER IDENT: AIDA_* */
      const char *zText;   /* password / OS user name, or 0 */
    } ident;               /* CREATE SCHEMA, CREATE/ALTER IDENT */
    struct {
      AstIdent name;
      AstSize ofPages;     /* OF n PAGES (older form) */
      AstSize fileSize, goalSize, maxSize, minSize;
      const char *zFile;   /* IN 'file', or 0 */
      uint8_t logOption;   /* 0 or ADBL_* */
    } databank;
    struct {
      uint8_t objKind;     /* AstObjKind */
      uint8_t behavior;    /* ADROP_* */
      AstQName name;
    } drop;
    struct {
      AstList *pPrivs;     /* AstPrivilege* */
      uint8_t objKind;     /* ON TABLE/SEQUENCE/DOMAIN/DATABANK; 0 if not written */
      uint8_t hasObject;   /* ON clause present */
      AstQName object;
      AstList *pGrantees;  /* AstIdent* (PUBLIC is an identifier) */
      uint8_t grantOption; /* WITH GRANT OPTION / REVOKE GRANT OPTION FOR */
      uint8_t behavior;    /* REVOKE: ADROP_* */
    } grant;
    struct {
      uint8_t objKind;     /* AstObjKind */
      AstQName name;       /* object, or the table of a column */
      AstIdent column;     /* COMMENT ON COLUMN */
      const char *zText;
    } comment;
    struct {
      AstList *pSchemas;   /* AstIdent* */
    } setSchema;
    AstTxnModes txn;       /* START/SET TRANSACTION, SET SESSION */
    struct {
      AstIdent savepoint;  /* ROLLBACK TO SAVEPOINT, SAVEPOINT, RELEASE */
    } txnEnd;
    struct {
      AstStmt *pStmt;
    } explain;
    struct {
      AstQName name;
      AstList *pArgs;      /* AstExpr* */
    } call;
  } u;
};

/* ---------------------------------------------------- node construction */

void *astAlloc(Arena *pArena, size_t n);
int astListAppend(Arena *pArena, AstList **ppList, void *pElem);

#endif
