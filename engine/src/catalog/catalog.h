/*
** The catalog (catalog/ layer): what a database contains, read from and
** written to the data dictionary.  The dictionary is a set of ordinary
** base tables in schema SYSTEM (SYSTEM.TABLES, SYSTEM.COLUMNS, ...; see
** syscat.c), stored with the same key and record codecs as user tables
** under fixed tree ids, so INFORMATION_SCHEMA views can later be plain SQL
** views over them and a query can read them like any table.
**
** A Catalog is the in-memory picture of the dictionary as one transaction
** saw it: schemas, idents, tables (and views) with their columns,
** constraints and indexes, sequences and domains, all allocated in the
** catalog's own arena.  It is immutable once loaded and refcounted:
** a session holds one, and every statement compiled against it holds a
** reference, so a statement keeps working on the old picture until it is
** recompiled.  Whenever the transaction's catalog version (txn.h) differs
** from the loaded one, the session loads a fresh Catalog (catLoad).
**
** Names are stored as written and compared case-insensitively (Mimer 11:
** case is never significant, even in delimited identifiers).
**
** Writing: DDL (exec/ddl*.c) changes the dictionary with the catPut* and
** catDelete* functions of catwrite.c inside a transaction of its own and
** bumps the catalog version before committing.
**
** Storage layout of tree ids:
**   0            txn/'s own keys (catalog version)
**   1            catalog meta data (object id counter, "initialized")
**   2            sequence states (txn/sequence.h) keyed by object id
**   16..63       the SYSTEM tables
**   64..         INFORMATION_SCHEMA views (ids only: defined in code,
**                infoschema.c, never stored)
**   1024..       user tables and indexes: tree id = object id
*/
#ifndef MIMERLITE_CATALOG_H
#define MIMERLITE_CATALOG_H

#include <stdint.h>

#include "sql/ast.h"
#include "txn/txn.h"
#include "types/value.h"
#include "util/arena.h"
#include "util/errors.h"
#include "util/strbuf.h"

#define CAT_TREE_META      1
#define CAT_TREE_SEQSTATE  2
#define CAT_FIRST_USER_ID  1024
#define CAT_NAME_MAX       128

typedef struct Catalog Catalog;
typedef struct CatTable CatTable;
typedef struct CatIndex CatIndex;
typedef struct CatConstraint CatConstraint;

/* One column of a table or view. */
typedef struct CatColumn {
  const char *zName;       /* as written */
  SqlType type;            /* declared type (domains resolved) */
  uint8_t notNull;         /* NOT NULL or part of the primary key */
  const char *zDefault;    /* DEFAULT as canonical SQL text, or 0 */
  AstExpr *pDefault;       /* zDefault parsed (catalog arena), or 0 */
  const char *zDomSchema;  /* domain the column was declared with, or 0 */
  const char *zDomName;
} CatColumn;

/* CatConstraint.kind */
enum { CAT_CONS_PK = 1, CAT_CONS_UNIQUE, CAT_CONS_FK, CAT_CONS_CHECK };

/*
** A table constraint.  Key columns are positions in the table.  A foreign
** key names the referenced table and its referenced columns (positions),
** and the primary key or UNIQUE constraint they match.
*/
struct CatConstraint {
  int64_t id;
  const char *zSchema;     /* constraint schema = table schema */
  const char *zName;       /* as written, or generated (docs/compatibility.md) */
  int kind;                /* CAT_CONS_* */
  CatTable *pTable;        /* constrained table */
  int nCol;                /* key columns (0 for CHECK) */
  int *aiCol;              /* [nCol] column positions in pTable */
  int64_t refTableId;      /* FK: referenced table id */
  CatTable *pRef;          /* FK: referenced table */
  int *aiRefCol;           /* FK: [nCol] positions in pRef */
  int64_t refConsId;       /* FK: id of the referenced PK/UNIQUE constraint */
  CatConstraint *pRefCons; /* FK: that constraint */
  uint8_t onDelete;        /* FK: AREF_* (AREF_NONE = NO ACTION) */
  uint8_t onUpdate;        /* FK: AREF_* */
  const char *zCheck;      /* CHECK: condition text */
  AstExpr *pCheck;         /* CHECK: parsed condition (catalog arena) */
  int nUseCol;             /* CHECK: columns its condition reads (catusage.c) */
  int *aiUseCol;           /* CHECK: [nUseCol] their positions in pTable */
  CatIndex *pIndex;        /* UNIQUE and FK: the index that supports it */
};

/*
** An index tree.  Entries: unique indexes key on the index columns alone
** (value = the row's primary key bytes) so that two transactions inserting
** the same value conflict at COMMIT; other indexes (and a UNIQUE
** constraint's entries holding a NULL) key on index columns + primary key.
*/
struct CatIndex {
  int64_t id;
  const char *zSchema;
  const char *zName;       /* index name, or the constraint's name */
  CatTable *pTable;
  uint32_t iTree;
  uint8_t unique;          /* duplicates refused */
  uint8_t nullsDistinct;   /* UNIQUE constraint: rows with a NULL never clash */
  int nCol;
  int *aiCol;              /* [nCol] column positions */
  uint8_t *aDesc;          /* [nCol] 1 = DESC */
  CatConstraint *pCons;    /* UNIQUE/FK constraint it serves, 0 for CREATE INDEX */
};

/* A base table, system table or view. */
struct CatTable {
  int64_t id;
  const char *zSchema;
  const char *zName;
  uint8_t isView;
  uint8_t isSystem;        /* one of the SYSTEM tables */
  uint8_t hasRowid;        /* no primary key: keyed by a hidden BIGINT */
  uint32_t iTree;          /* tree of the rows (0 for a view) */
  int nCol;
  CatColumn *aCol;
  CatConstraint *pPk;      /* primary key or 0 */
  int nCons;
  CatConstraint **apCons;  /* every constraint, PK first */
  int nIndex;
  CatIndex **apIndex;      /* every index, constraint-backed ones too */
  int nRefBy;
  CatConstraint **apRefBy; /* foreign keys that reference this table */
  const char *zViewText;   /* view: the query as canonical SQL */
  int nUse;                /* view: tables and views its query names */
  CatTable **apUse;        /* view: [nUse] those objects (catusage.c) */
  int nDomCheck;           /* CHECKs of the domains of its columns */
  CatConstraint **apDomCheck; /* [nDomCheck] kind CHECK, VALUE replaced by
                           ** the column aiUseCol[0], id = the domain's;
                           ** not in apCons or Catalog.apCons */
  const char *zDatabank;
};

typedef struct CatSequence {
  int64_t id;
  const char *zSchema;
  const char *zName;
  uint8_t typeId;          /* SQLT_SMALLINT, SQLT_INTEGER or SQLT_BIGINT */
  int64_t iStart, iIncrement, iMin, iMax;
  uint8_t bCycle;
} CatSequence;

typedef struct CatDomain {
  int64_t id;
  const char *zSchema;
  const char *zName;
  SqlType type;
  const char *zDefault;    /* text or 0 */
  const char *zCheck;      /* CHECK text (with VALUE) or 0 */
  const char *zConsName;   /* name of its CHECK constraint */
} CatDomain;

enum { CAT_IDENT_USER = 1, CAT_IDENT_PROGRAM, CAT_IDENT_GROUP };

typedef struct CatIdent {
  int64_t id;
  const char *zName;
  int kind;                /* CAT_IDENT_* */
  const char *zHash;       /* crypto_pwhash_str hash, or 0 */
} CatIdent;

typedef struct CatSchema {
  int64_t id;
  const char *zName;
  const char *zOwner;
} CatSchema;

typedef struct CatDatabank {
  int64_t id;
  const char *zName;
} CatDatabank;

/*
** One privilege descriptor: a row of SYSTEM.PRIVILEGES (iCol 0) or of
** SYSTEM.COLUMN_PRIVILEGES (a privilege on one column of a table).
*/
typedef struct CatPrivilege {
  int64_t objectId;        /* table, view, sequence, domain ... */
  int iCol;                /* 0: the object; else column position (1-based) */
  const char *zGrantee;    /* ident name or PUBLIC */
  const char *zPriv;       /* SELECT, INSERT, ..., ALL PRIVILEGES */
  const char *zGrantor;
  uint8_t grantable;       /* WITH GRANT OPTION */
} CatPrivilege;

struct Catalog {
  int nRef;                /* holders: a session and its statements */
  uint64_t version;        /* catalog version it was loaded at */
  Arena arena;             /* everything below */
  int nTable;   CatTable **apTable;
  int nSeq;     CatSequence **apSeq;
  int nDomain;  CatDomain **apDomain;
  int nIdent;   CatIdent **apIdent;
  int nSchema;  CatSchema **apSchema;
  int nBank;    CatDatabank **apBank;
  int nIndex;   CatIndex **apIndex;     /* all indexes of all tables */
  int nCons;    CatConstraint **apCons; /* all constraints */
  int nPriv;    CatPrivilege *aPriv;    /* object privileges granted */
};

/* Case-insensitive identifier equality (Mimer 11 rules). */
int catNameEq(const char *zA, const char *zB);

/*
** Load the catalog as transaction pTxn sees it.  *ppCat gets a Catalog
** with nRef 1 (release with catRelease).  Errors: storage errors,
** ML_E_NOMEM.
*/
int catLoad(Txn *pTxn, Catalog **ppCat, MlError *pErr);
void catRetain(Catalog *p);
void catRelease(Catalog *p);

/* Look-ups; 0 when absent.  zSchema must not be 0. */
CatTable *catFindTable(const Catalog *p, const char *zSchema, const char *zName);
CatSequence *catFindSequence(const Catalog *p, const char *zSchema, const char *zName);
CatDomain *catFindDomain(const Catalog *p, const char *zSchema, const char *zName);
CatIndex *catFindIndex(const Catalog *p, const char *zSchema, const char *zName);
CatConstraint *catFindConstraint(const Catalog *p, const char *zSchema, const char *zName);
/* The domain whose CHECK constraint is named zName, or 0. */
CatDomain *catFindDomainConstraint(const Catalog *p, const char *zSchema, const char *zName);
CatIdent *catFindIdent(const Catalog *p, const char *zName);
CatSchema *catFindSchema(const Catalog *p, const char *zName);
CatDatabank *catFindDatabank(const Catalog *p, const char *zName);
int catColumnIndex(const CatTable *pTab, const char *zName);   /* -1 if absent */

/* True if a table, view, index, sequence, domain or constraint of that
** name exists in the schema (Mimer's one namespace for -12560). */
int catNameTaken(const Catalog *p, const char *zSchema, const char *zName);

/*
** Privileges (catpriv.c; docs/compatibility.md).  The owner of a schema
** holds every privilege, with grant option, on the objects in it; anyone
** else needs a grant to them or to PUBLIC.  catHasPrivilege: true if
** zIdent holds privilege zPriv ("SELECT", "USAGE" ...) on object id of
** schema zSchema (with bGrantable: WITH GRANT OPTION).  catCanSee: true if
** zIdent may know the object exists: SYSADM, the owner, or any privilege.
*/
int catHasPrivilege(const Catalog *p, const char *zIdent, int64_t id, const char *zSchema,
                    const char *zPriv, int bGrantable);
int catCanSee(const Catalog *p, const char *zIdent, int64_t id, const char *zSchema);

/*
** catHasPrivilege for column iCol (1-based) of table id: the privilege on
** the table, or a grant of it on that column (GRANT UPDATE (c) ...).
*/
int catHasColumnPrivilege(const Catalog *p, const char *zIdent, int64_t id, const char *zSchema,
                          const char *zPriv, int iCol, int bGrantable);

/*
** The descriptors a[0..n-1] of one object of schema zSchema, of which
** those with aPresent[i] remain: aAlive[i] gets 1 for each remaining one
** that still has support, that is, granted by the schema's owner, or by
** an ident holding the privilege (or ALL PRIVILEGES) on the object or the
** same column WITH GRANT OPTION through a descriptor that has support
** itself (to the ident or PUBLIC).  The others are abandoned (REVOKE
** CASCADE drops them, RESTRICT refuses).
*/
void catPrivSupported(const Catalog *p, const char *zSchema, const CatPrivilege *a, int n,
                      const uint8_t *aPresent, uint8_t *aAlive);

/*
** The SqlType of a declared type: built-in types get Mimer's limits and
** defaults (typeDeclare), a domain name its domain's type (*ppDom, may be
** 0).  Errors: ML_E_UNKNOWN_TYPE (-12561), ML_E_INVALID_TYPE_SPEC.
*/
int catDeclaredType(const Catalog *p, const char *zSchema, const AstType *pAst,
                    SqlType *pOut, const CatDomain **ppDom, MlError *pErr);

/*
** A domain's CHECK condition e: with zCol, each VALUE in it becomes a
** reference to column zCol (in place).  Returns the first node a domain
** CHECK may not hold (column reference, subquery, parameter, NEXT/CURRENT
** VALUE FOR), or 0 (cattype.c).
*/
AstExpr *catDomainCheckWalk(AstExpr *e, const char *zCol);

/* ------------------------------------------------------ SYSTEM tables */

/* Tree ids (= object ids) of the SYSTEM tables. */
enum {
  CAT_SYS_IDENTS = 16, CAT_SYS_SCHEMATA, CAT_SYS_DATABANKS, CAT_SYS_TABLES,
  CAT_SYS_COLUMNS, CAT_SYS_CONSTRAINTS, CAT_SYS_KEY_COLUMNS, CAT_SYS_INDEXES,
  CAT_SYS_INDEX_COLUMNS, CAT_SYS_SEQUENCES, CAT_SYS_DOMAINS,
  CAT_SYS_PRIVILEGES, CAT_SYS_COMMENTS, CAT_SYS_ONEROW, CAT_SYS_SERVER_INFO,
  CAT_SYS_COLUMN_PRIVILEGES, CAT_SYS_END_
};
#define CAT_SYS_FIRST CAT_SYS_IDENTS
#define CAT_SYS_COUNT (CAT_SYS_END_ - CAT_SYS_FIRST)

/* Static description of one SYSTEM table column / table (syscat.c). */
typedef struct SysColumn {
  const char *zName;
  SqlType type;
} SysColumn;

typedef struct SysTable {
  uint32_t iTree;          /* CAT_SYS_* */
  const char *zName;       /* in schema SYSTEM */
  int nCol;
  const SysColumn *aCol;
  int nPk;                 /* primary key = the first nPk columns; 0 = rowid */
} SysTable;

const SysTable *catSysTable(uint32_t iTree);

/* ------------------------------------------------ INFORMATION_SCHEMA */

#define CAT_INFO_FIRST 64

/* Number of INFORMATION_SCHEMA views (infoschema.c). */
int catInfoSchemaCount(void);

/*
** Build the INFORMATION_SCHEMA views, SQL views over the SYSTEM tables
** defined in code, as CatTables in p's arena: apOut[i] gets id
** CAT_INFO_FIRST+i.  Returns ML_OK, ML_E_NOMEM or ML_E_INTERNAL.
*/
int catInfoSchemaViews(Catalog *p, CatTable **apOut);

/*
** Build the views that list object usage (VIEW_TABLE_USAGE, the CHECK rows
** of CONSTRAINT_COLUMN_USAGE) from apUse/aiUseCol once p is loaded;
** catInfoSchemaViews leaves their text 0.  ML_OK, NOMEM or INTERNAL.
*/
int catInfoSchemaUsage(Catalog *p);

/*
** Compute CatTable.apUse of every user view (its text parsed once) and
** CatConstraint.aiUseCol of every CHECK, then catInfoSchemaUsage
** (catusage.c).  Returns ML_OK, ML_E_NOMEM, or an error set in pErr.
*/
int catLoadUsage(Catalog *p, MlError *pErr);

/* ------------------------------------------------------------- writing */

/*
** Writing rows: key and record of a row of table pTab (the primary key
** values are taken from aVal; a rowid table needs *piRowid).  These
** helpers do no constraint checking; exec/ does that for user tables.
*/
int catEncodeKey(const CatTable *pTab, const Value *aVal, int64_t iRowid, StrBuf *pKey);
int catSysInsert(Txn *pTxn, uint32_t iSys, const Value *aVal, MlError *pErr);

/*
** Delete every row of SYSTEM table iSys whose first primary-key column
** equals id (a whole object's rows in a child table such as COLUMNS, or
** the one row of an object in a parent table).
*/
int catSysDeleteId(Txn *pTxn, uint32_t iSys, int64_t id, MlError *pErr);

/*
** Delete rows of SYSTEM table iSys whose column iCol (an integer column)
** equals id, by scanning the table.  Used for secondary look-ups such as
** "all columns of table X" when X is not the key prefix.
*/
int catSysDeleteWhere(Txn *pTxn, uint32_t iSys, int iCol, int64_t id, MlError *pErr);

/*
** Delete the rows of SYSTEM table iSys whose first nVal columns equal
** aVal[0..nVal-1] (aVal[0] the leading BIGINT key column; strings
** compared byte for byte, NULL equal to NULL), whatever their key.
*/
int catSysDeleteRow(Txn *pTxn, uint32_t iSys, const Value *aVal, int nVal, MlError *pErr);

/* Allocate a fresh object id (also the tree id of a table or index). */
int catNewObjectId(Txn *pTxn, int64_t *pId, MlError *pErr);

/* Database initialisation state (meta key "init"). */
int catIsInitialized(Txn *pTxn, int *pbInit, MlError *pErr);
int catMarkInitialized(Txn *pTxn, MlError *pErr);

/* Key of a sequence's state (txn/sequence.h) in aKey[12]; returns length. */
size_t catSequenceKey(int64_t id, unsigned char *aKey);

/* Value constructors for building SYSTEM rows. */
void catValInt(Value *p, int64_t v);
void catValStr(Value *p, const char *z);       /* NULL when z is 0 */
void catValNull(Value *p);

#endif
