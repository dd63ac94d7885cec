/*
** The SYSTEM tables of the data dictionary (catalog/ layer): their names,
** columns, declared types and primary keys, in one static table.  The
** loader (catload.c) reads the dictionary through these descriptions and
** also turns them into CatTable objects so that queries can read SYSTEM.*
** like any other table.  Changing a description changes the stored
** format: add columns only at the end.  (PRIVILEGES was keyed by its
** first three columns before the grantor joined its key: REVOKE deletes
** its rows by value, so rows of either key layout go.)  Name columns (T_NAME) carry the
** SQL_IDENTIFIER collation, so comparisons with them ignore case; a name
** that is part of a primary key (T_KNAME) must not, because index ranges
** compare encoded keys exactly.
*/
#include "catalog/catalog.h"

#include <stddef.h>

#define T_BIG   { SQLT_BIGINT, 0, 0, 0, 0 }
#define T_INT   { SQLT_INTEGER, 0, 0, 0, 0 }
#define T_SMALL { SQLT_SMALLINT, 0, 0, 0, 0 }
#define T_NAME  { SQLT_NVARCHAR, SQLT_COLL_IDENTIFIER, 0, 0, CAT_NAME_MAX }
#define T_KNAME { SQLT_NVARCHAR, 0, 0, 0, CAT_NAME_MAX }   /* a name in a key */
#define T_VC(n) { SQLT_VARCHAR, 0, 0, 0, n }
#define T_TEXT  { SQLT_NCLOB, 0, 0, 0, 1048576 }

static const SysColumn aIdents[] = {
  { "IDENT_ID", T_BIG }, { "IDENT_NAME", T_NAME }, { "IDENT_TYPE", T_VC(20) },
  { "PASSWORD_HASH", T_VC(255) }, { "IDENT_CREATOR", T_NAME },
};
static const SysColumn aSchemata[] = {
  { "SCHEMA_ID", T_BIG }, { "SCHEMA_NAME", T_NAME }, { "SCHEMA_OWNER", T_NAME },
};
static const SysColumn aDatabanks[] = {
  { "DATABANK_ID", T_BIG }, { "DATABANK_NAME", T_NAME },
  { "DATABANK_CREATOR", T_NAME }, { "DATABANK_OPTION", T_VC(20) },
  { "FILE_NAME", { SQLT_NVARCHAR, 0, 0, 0, 1024 } },
};
static const SysColumn aTables[] = {
  { "TABLE_ID", T_BIG }, { "TABLE_SCHEMA", T_NAME }, { "TABLE_NAME", T_NAME },
  { "TABLE_TYPE", T_VC(20) }, { "TREE_ID", T_BIG }, { "DATABANK_NAME", T_NAME },
  { "VIEW_DEFINITION", T_TEXT }, { "HAS_ROWID", T_VC(3) },
};
static const SysColumn aColumns[] = {
  { "TABLE_ID", T_BIG }, { "ORDINAL_POSITION", T_INT }, { "COLUMN_NAME", T_NAME },
  { "TYPE_ID", T_SMALL }, { "INTERVAL_KIND", T_SMALL }, { "TYPE_LENGTH", T_BIG },
  { "TYPE_PRECISION", T_SMALL }, { "TYPE_SCALE", T_SMALL },
  { "IS_NULLABLE", T_VC(3) }, { "COLUMN_DEFAULT", T_TEXT },
  { "DOMAIN_SCHEMA", T_NAME }, { "DOMAIN_NAME", T_NAME },
};
static const SysColumn aConstraints[] = {
  { "CONSTRAINT_ID", T_BIG }, { "CONSTRAINT_SCHEMA", T_NAME },
  { "CONSTRAINT_NAME", T_NAME }, { "TABLE_ID", T_BIG },
  { "CONSTRAINT_TYPE", T_VC(11) }, { "CHECK_CLAUSE", T_TEXT },
  { "REF_TABLE_ID", T_BIG }, { "REF_CONSTRAINT_ID", T_BIG },
  { "UPDATE_RULE", T_VC(11) }, { "DELETE_RULE", T_VC(11) },
  { "INDEX_ID", T_BIG },
};
static const SysColumn aKeyColumns[] = {
  { "CONSTRAINT_ID", T_BIG }, { "ORDINAL_POSITION", T_INT },
  { "COLUMN_POSITION", T_INT }, { "REF_COLUMN_POSITION", T_INT },
};
static const SysColumn aIndexes[] = {
  { "INDEX_ID", T_BIG }, { "INDEX_SCHEMA", T_NAME }, { "INDEX_NAME", T_NAME },
  { "TABLE_ID", T_BIG }, { "IS_UNIQUE", T_VC(3) }, { "NULLS_DISTINCT", T_VC(3) },
  { "CONSTRAINT_ID", T_BIG },
};
static const SysColumn aIndexColumns[] = {
  { "INDEX_ID", T_BIG }, { "ORDINAL_POSITION", T_INT },
  { "COLUMN_POSITION", T_INT }, { "IS_DESCENDING", T_VC(3) },
};
static const SysColumn aSequences[] = {
  { "SEQUENCE_ID", T_BIG }, { "SEQUENCE_SCHEMA", T_NAME }, { "SEQUENCE_NAME", T_NAME },
  { "TYPE_ID", T_SMALL }, { "START_VALUE", T_BIG }, { "INCREMENT", T_BIG },
  { "MINIMUM_VALUE", T_BIG }, { "MAXIMUM_VALUE", T_BIG }, { "CYCLE_OPTION", T_VC(3) },
  { "DATABANK_NAME", T_NAME },
};
static const SysColumn aDomains[] = {
  { "DOMAIN_ID", T_BIG }, { "DOMAIN_SCHEMA", T_NAME }, { "DOMAIN_NAME", T_NAME },
  { "TYPE_ID", T_SMALL }, { "INTERVAL_KIND", T_SMALL }, { "TYPE_LENGTH", T_BIG },
  { "TYPE_PRECISION", T_SMALL }, { "TYPE_SCALE", T_SMALL },
  { "DOMAIN_DEFAULT", T_TEXT }, { "CHECK_CLAUSE", T_TEXT },
  { "CONSTRAINT_NAME", T_NAME },
};
static const SysColumn aPrivileges[] = {
  { "OBJECT_ID", T_BIG }, { "GRANTEE", T_KNAME }, { "PRIVILEGE_TYPE", T_VC(20) },
  { "GRANTOR", T_KNAME }, { "IS_GRANTABLE", T_VC(3) }, { "OBJECT_TYPE", T_VC(20) },
};
static const SysColumn aColumnPrivileges[] = {
  { "OBJECT_ID", T_BIG }, { "COLUMN_POSITION", T_INT }, { "GRANTEE", T_KNAME },
  { "PRIVILEGE_TYPE", T_VC(20) }, { "GRANTOR", T_KNAME }, { "IS_GRANTABLE", T_VC(3) },
};
static const SysColumn aComments[] = {
  { "OBJECT_ID", T_BIG }, { "COLUMN_POSITION", T_INT }, { "OBJECT_TYPE", T_VC(20) },
  { "REMARKS", T_TEXT },
};
static const SysColumn aOnerow[] = {
  { "C", { SQLT_CHAR, 0, 0, 0, 1 } },
};
static const SysColumn aServerInfo[] = {
  { "SERVER_ATTRIBUTE", T_VC(128) }, { "ATTRIBUTE_VALUE", T_VC(128) },
};

#define SYS(tree, name, a, nPk) { tree, name, (int)(sizeof(a)/sizeof(a[0])), a, nPk }

static const SysTable aSysTable[CAT_SYS_COUNT] = {
  SYS(CAT_SYS_IDENTS, "IDENTS", aIdents, 1),
  SYS(CAT_SYS_SCHEMATA, "SCHEMATA", aSchemata, 1),
  SYS(CAT_SYS_DATABANKS, "DATABANKS", aDatabanks, 1),
  SYS(CAT_SYS_TABLES, "TABLES", aTables, 1),
  SYS(CAT_SYS_COLUMNS, "COLUMNS", aColumns, 2),
  SYS(CAT_SYS_CONSTRAINTS, "CONSTRAINTS", aConstraints, 1),
  SYS(CAT_SYS_KEY_COLUMNS, "KEY_COLUMNS", aKeyColumns, 2),
  SYS(CAT_SYS_INDEXES, "INDEXES", aIndexes, 1),
  SYS(CAT_SYS_INDEX_COLUMNS, "INDEX_COLUMNS", aIndexColumns, 2),
  SYS(CAT_SYS_SEQUENCES, "SEQUENCES", aSequences, 1),
  SYS(CAT_SYS_DOMAINS, "DOMAINS", aDomains, 1),
  SYS(CAT_SYS_PRIVILEGES, "PRIVILEGES", aPrivileges, 4),
  SYS(CAT_SYS_COMMENTS, "COMMENTS", aComments, 2),
  SYS(CAT_SYS_ONEROW, "ONEROW", aOnerow, 0),
  SYS(CAT_SYS_SERVER_INFO, "SERVER_INFO", aServerInfo, 1),
  SYS(CAT_SYS_COLUMN_PRIVILEGES, "COLUMN_PRIVILEGES", aColumnPrivileges, 5),
};

/* The description of SYSTEM table iTree, or 0 if iTree is not one. */
const SysTable *catSysTable(uint32_t iTree){
  if( iTree<CAT_SYS_FIRST || iTree>=CAT_SYS_END_ ) return 0;
  return &aSysTable[iTree - CAT_SYS_FIRST];
}
