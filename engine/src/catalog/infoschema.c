/*
** The INFORMATION_SCHEMA views (catalog/ layer): the ISO views and Mimer's
** EXT_ views that reflection tools read, defined here in code as SQL
** views over the SYSTEM tables.  catLoad adds them to every Catalog as
** view CatTables in schema INFORMATION_SCHEMA (ids CAT_INFO_FIRST..), so
** they exist in every database, old or new, without stored state, and
** queries expand them like any view (plan/planquery.c).
**
** Each definition is a template: "{{KIND:alias}}" expands to an expression
** generated from the one type module (types/typesys.h) over the type
** columns (TYPE_ID, INTERVAL_KIND, TYPE_LENGTH, TYPE_PRECISION,
** TYPE_SCALE) of SYSTEM row `alias`, and "{{VIS:schema:id}}" to the
** visibility rule: an object is shown when the current ident is SYSADM,
** owns the object's schema, or holds a privilege on it (itself or PUBLIC).
** Name columns keep the SQL_IDENTIFIER collation of the SYSTEM columns
** (types/value.h), so comparing them ignores case.  "{{VIEWUSE}}" and
** "{{CHECKUSE}}" expand to a VALUES list of the usage catusage.c computed
** for this Catalog, so those views are built once it is loaded
** (catInfoSchemaUsage).  Choices where Mimer's
** behaviour is unknown are in docs/compatibility.md.
*/
#include "catalog/catalog.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "types/typesys.h"

/* One view: name and template. */
typedef struct InfoView {
  const char *zName;
  const char *zSql;
} InfoView;

#define VIS_PRIV(id) \
  "(EXISTS (SELECT 1 FROM SYSTEM.PRIVILEGES vp WHERE vp.OBJECT_ID = " id \
  " AND (UPPER(vp.GRANTEE) = UPPER(CURRENT_USER) OR UPPER(vp.GRANTEE) = 'PUBLIC'))" \
  " OR EXISTS (SELECT 1 FROM SYSTEM.COLUMN_PRIVILEGES vc WHERE vc.OBJECT_ID = " id \
  " AND (UPPER(vc.GRANTEE) = UPPER(CURRENT_USER) OR UPPER(vc.GRANTEE) = 'PUBLIC')))"

static const InfoView aInfoView[] = {
  { "SCHEMATA",
    "SELECT CAST('' AS VARCHAR(1)) AS CATALOG_NAME, s.SCHEMA_NAME, s.SCHEMA_OWNER"
    " FROM SYSTEM.SCHEMATA s"
    " WHERE UPPER(CURRENT_USER) = 'SYSADM' OR s.SCHEMA_OWNER = CURRENT_USER"
    " OR s.SCHEMA_NAME = 'INFORMATION_SCHEMA'"
    " OR EXISTS (SELECT 1 FROM SYSTEM.TABLES t WHERE t.TABLE_SCHEMA = s.SCHEMA_NAME"
    " AND " VIS_PRIV("t.TABLE_ID") ")" },
  { "TABLES",
    "SELECT CAST('' AS VARCHAR(1)) AS TABLE_CATALOG, t.TABLE_SCHEMA, t.TABLE_NAME, t.TABLE_TYPE"
    " FROM SYSTEM.TABLES t WHERE {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "COLUMNS",
    "SELECT CAST('' AS VARCHAR(1)) AS TABLE_CATALOG, t.TABLE_SCHEMA, t.TABLE_NAME,"
    " c.COLUMN_NAME, c.ORDINAL_POSITION, c.COLUMN_DEFAULT, c.IS_NULLABLE,"
    " {{DT:c}} AS DATA_TYPE, {{CHARLEN:c}} AS CHARACTER_MAXIMUM_LENGTH,"
    " {{NUMPREC:c}} AS NUMERIC_PRECISION, {{NUMSCALE:c}} AS NUMERIC_SCALE,"
    " {{DTPREC:c}} AS DATETIME_PRECISION, {{IVTYPE:c}} AS INTERVAL_TYPE,"
    " {{IVPREC:c}} AS INTERVAL_PRECISION, {{LOBLEN:c}} AS LOB_MAXIMUM_LENGTH,"
    " c.DOMAIN_SCHEMA, c.DOMAIN_NAME,"
    " {{UDTS:c}} AS USER_DEFINED_TYPE_SCHEMA, {{UDTN:c}} AS USER_DEFINED_TYPE_NAME,"
    " CAST(NULL AS NVARCHAR(128)) AS COLLATION_SCHEMA,"
    " CAST(NULL AS NVARCHAR(128)) AS COLLATION_NAME"
    " FROM SYSTEM.TABLES t JOIN SYSTEM.COLUMNS c ON c.TABLE_ID = t.TABLE_ID"
    " WHERE {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "VIEWS",
    "SELECT CAST('' AS VARCHAR(1)) AS TABLE_CATALOG, t.TABLE_SCHEMA, t.TABLE_NAME,"
    " t.VIEW_DEFINITION, CAST('NONE' AS VARCHAR(8)) AS CHECK_OPTION,"
    " CAST('NO' AS VARCHAR(3)) AS IS_UPDATABLE"
    " FROM SYSTEM.TABLES t WHERE t.TABLE_TYPE = 'VIEW' AND {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "TABLE_CONSTRAINTS",
    "SELECT CAST('' AS VARCHAR(1)) AS CONSTRAINT_CATALOG, c.CONSTRAINT_SCHEMA, c.CONSTRAINT_NAME,"
    " CAST('' AS VARCHAR(1)) AS TABLE_CATALOG, t.TABLE_SCHEMA, t.TABLE_NAME,"
    " CAST(c.CONSTRAINT_TYPE AS CHAR(11)) AS CONSTRAINT_TYPE,"
    " CAST('NO' AS VARCHAR(3)) AS IS_DEFERRABLE, CAST('NO' AS VARCHAR(3)) AS INITIALLY_DEFERRED"
    " FROM SYSTEM.CONSTRAINTS c JOIN SYSTEM.TABLES t ON t.TABLE_ID = c.TABLE_ID"
    " WHERE {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "KEY_COLUMN_USAGE",
    "SELECT CAST('' AS VARCHAR(1)) AS CONSTRAINT_CATALOG, c.CONSTRAINT_SCHEMA, c.CONSTRAINT_NAME,"
    " CAST('' AS VARCHAR(1)) AS TABLE_CATALOG, t.TABLE_SCHEMA, t.TABLE_NAME, col.COLUMN_NAME,"
    " k.ORDINAL_POSITION,"
    " (SELECT rk.ORDINAL_POSITION FROM SYSTEM.KEY_COLUMNS rk"
    " WHERE rk.CONSTRAINT_ID = c.REF_CONSTRAINT_ID AND rk.COLUMN_POSITION = k.REF_COLUMN_POSITION)"
    " AS POSITION_IN_UNIQUE_CONSTRAINT"
    " FROM SYSTEM.CONSTRAINTS c JOIN SYSTEM.TABLES t ON t.TABLE_ID = c.TABLE_ID"
    " JOIN SYSTEM.KEY_COLUMNS k ON k.CONSTRAINT_ID = c.CONSTRAINT_ID"
    " JOIN SYSTEM.COLUMNS col ON col.TABLE_ID = c.TABLE_ID AND col.ORDINAL_POSITION = k.COLUMN_POSITION"
    " WHERE {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "REFERENTIAL_CONSTRAINTS",
    "SELECT CAST('' AS VARCHAR(1)) AS CONSTRAINT_CATALOG, c.CONSTRAINT_SCHEMA, c.CONSTRAINT_NAME,"
    " CAST('' AS VARCHAR(1)) AS UNIQUE_CONSTRAINT_CATALOG,"
    " u.CONSTRAINT_SCHEMA AS UNIQUE_CONSTRAINT_SCHEMA, u.CONSTRAINT_NAME AS UNIQUE_CONSTRAINT_NAME,"
    " CAST('NONE' AS VARCHAR(7)) AS MATCH_OPTION, c.UPDATE_RULE, c.DELETE_RULE"
    " FROM SYSTEM.CONSTRAINTS c JOIN SYSTEM.TABLES t ON t.TABLE_ID = c.TABLE_ID"
    " LEFT JOIN SYSTEM.CONSTRAINTS u ON u.CONSTRAINT_ID = c.REF_CONSTRAINT_ID"
    " WHERE c.CONSTRAINT_TYPE = 'FOREIGN KEY' AND {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "CHECK_CONSTRAINTS",
    "SELECT CAST('' AS VARCHAR(1)) AS CONSTRAINT_CATALOG, c.CONSTRAINT_SCHEMA, c.CONSTRAINT_NAME,"
    " c.CHECK_CLAUSE"
    " FROM SYSTEM.CONSTRAINTS c JOIN SYSTEM.TABLES t ON t.TABLE_ID = c.TABLE_ID"
    " WHERE c.CONSTRAINT_TYPE = 'CHECK' AND {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}"
    " UNION ALL SELECT CAST('' AS VARCHAR(1)), d.DOMAIN_SCHEMA, d.CONSTRAINT_NAME, d.CHECK_CLAUSE"
    " FROM SYSTEM.DOMAINS d WHERE d.CHECK_CLAUSE IS NOT NULL"
    " AND {{VIS:d.DOMAIN_SCHEMA:d.DOMAIN_ID}}" },
  { "CONSTRAINT_COLUMN_USAGE",
    "SELECT CAST('' AS VARCHAR(1)) AS TABLE_CATALOG, t.TABLE_SCHEMA, t.TABLE_NAME, col.COLUMN_NAME,"
    " CAST('' AS VARCHAR(1)) AS CONSTRAINT_CATALOG, c.CONSTRAINT_SCHEMA, c.CONSTRAINT_NAME"
    " FROM SYSTEM.CONSTRAINTS c JOIN SYSTEM.TABLES t ON t.TABLE_ID = c.TABLE_ID"
    " JOIN SYSTEM.KEY_COLUMNS k ON k.CONSTRAINT_ID = c.CONSTRAINT_ID"
    " JOIN SYSTEM.COLUMNS col ON col.TABLE_ID = c.TABLE_ID AND col.ORDINAL_POSITION = k.COLUMN_POSITION"
    " WHERE {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}"
    " UNION ALL SELECT CAST('' AS VARCHAR(1)), t.TABLE_SCHEMA, t.TABLE_NAME, col.COLUMN_NAME,"
    " CAST('' AS VARCHAR(1)), c.CONSTRAINT_SCHEMA, c.CONSTRAINT_NAME"
    " FROM ({{CHECKUSE}}) AS u (CONSTRAINT_ID, COLUMN_POSITION)"
    " JOIN SYSTEM.CONSTRAINTS c ON c.CONSTRAINT_ID = u.CONSTRAINT_ID"
    " JOIN SYSTEM.TABLES t ON t.TABLE_ID = c.TABLE_ID"
    " JOIN SYSTEM.COLUMNS col ON col.TABLE_ID = c.TABLE_ID AND col.ORDINAL_POSITION = u.COLUMN_POSITION"
    " WHERE {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "SEQUENCES",
    "SELECT CAST('' AS VARCHAR(1)) AS SEQUENCE_CATALOG, s.SEQUENCE_SCHEMA, s.SEQUENCE_NAME,"
    " {{DT:s}} AS DATA_TYPE,"
    " CASE s.TYPE_ID WHEN {{ID:SMALLINT}} THEN 5 WHEN {{ID:INTEGER}} THEN 10 ELSE 19 END"
    " AS NUMERIC_PRECISION, 0 AS NUMERIC_SCALE,"
    " s.START_VALUE, s.MINIMUM_VALUE, s.MAXIMUM_VALUE, s.INCREMENT, s.CYCLE_OPTION"
    " FROM SYSTEM.SEQUENCES s WHERE {{VIS:s.SEQUENCE_SCHEMA:s.SEQUENCE_ID}}" },
  { "DOMAINS",
    "SELECT CAST('' AS VARCHAR(1)) AS DOMAIN_CATALOG, d.DOMAIN_SCHEMA, d.DOMAIN_NAME,"
    " {{DT:d}} AS DATA_TYPE, {{CHARLEN:d}} AS CHARACTER_MAXIMUM_LENGTH,"
    " {{NUMPREC:d}} AS NUMERIC_PRECISION, {{NUMSCALE:d}} AS NUMERIC_SCALE,"
    " {{DTPREC:d}} AS DATETIME_PRECISION, {{IVTYPE:d}} AS INTERVAL_TYPE,"
    " {{IVPREC:d}} AS INTERVAL_PRECISION, {{LOBLEN:d}} AS LOB_MAXIMUM_LENGTH,"
    " d.DOMAIN_DEFAULT, CAST(NULL AS NVARCHAR(128)) AS COLLATION_SCHEMA,"
    " CAST(NULL AS NVARCHAR(128)) AS COLLATION_NAME"
    " FROM SYSTEM.DOMAINS d WHERE {{VIS:d.DOMAIN_SCHEMA:d.DOMAIN_ID}}" },
  { "DOMAIN_CONSTRAINTS",
    "SELECT CAST('' AS VARCHAR(1)) AS CONSTRAINT_CATALOG, d.DOMAIN_SCHEMA AS CONSTRAINT_SCHEMA,"
    " d.CONSTRAINT_NAME, CAST('' AS VARCHAR(1)) AS DOMAIN_CATALOG, d.DOMAIN_SCHEMA, d.DOMAIN_NAME,"
    " CAST('NO' AS VARCHAR(3)) AS IS_DEFERRABLE, CAST('NO' AS VARCHAR(3)) AS INITIALLY_DEFERRED"
    " FROM SYSTEM.DOMAINS d WHERE d.CHECK_CLAUSE IS NOT NULL"
    " AND {{VIS:d.DOMAIN_SCHEMA:d.DOMAIN_ID}}" },
  { "COLUMN_DOMAIN_USAGE",
    "SELECT CAST('' AS VARCHAR(1)) AS DOMAIN_CATALOG, c.DOMAIN_SCHEMA, c.DOMAIN_NAME,"
    " CAST('' AS VARCHAR(1)) AS TABLE_CATALOG, t.TABLE_SCHEMA, t.TABLE_NAME, c.COLUMN_NAME"
    " FROM SYSTEM.TABLES t JOIN SYSTEM.COLUMNS c ON c.TABLE_ID = t.TABLE_ID"
    " WHERE c.DOMAIN_NAME IS NOT NULL AND {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "TABLE_PRIVILEGES",
    "SELECT p.GRANTOR, p.GRANTEE, CAST('' AS VARCHAR(1)) AS TABLE_CATALOG, t.TABLE_SCHEMA,"
    " t.TABLE_NAME, p.PRIVILEGE_TYPE, p.IS_GRANTABLE, CAST('NO' AS VARCHAR(3)) AS WITH_HIERARCHY"
    " FROM SYSTEM.PRIVILEGES p JOIN SYSTEM.TABLES t ON t.TABLE_ID = p.OBJECT_ID"
    " WHERE p.OBJECT_TYPE = 'TABLE' AND {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}"
    " UNION ALL SELECT CAST('_SYSTEM' AS VARCHAR(128)), s.SCHEMA_OWNER, CAST('' AS VARCHAR(1)),"
    " t.TABLE_SCHEMA, t.TABLE_NAME, v.PRIVILEGE_TYPE, CAST('YES' AS VARCHAR(3)),"
    " CAST('NO' AS VARCHAR(3))"
    " FROM SYSTEM.TABLES t JOIN SYSTEM.SCHEMATA s ON s.SCHEMA_NAME = t.TABLE_SCHEMA"
    " CROSS JOIN (VALUES ('SELECT'), ('INSERT'), ('UPDATE'), ('DELETE'), ('REFERENCES'))"
    " AS v (PRIVILEGE_TYPE)"
    " WHERE (t.TABLE_TYPE <> 'VIEW' OR v.PRIVILEGE_TYPE = 'SELECT')"
    " AND {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "COLUMN_PRIVILEGES",
    "SELECT p.GRANTOR, p.GRANTEE, CAST('' AS VARCHAR(1)) AS TABLE_CATALOG, t.TABLE_SCHEMA,"
    " t.TABLE_NAME, c.COLUMN_NAME, p.PRIVILEGE_TYPE, p.IS_GRANTABLE"
    " FROM SYSTEM.PRIVILEGES p JOIN SYSTEM.TABLES t ON t.TABLE_ID = p.OBJECT_ID"
    " JOIN SYSTEM.COLUMNS c ON c.TABLE_ID = t.TABLE_ID"
    " WHERE p.OBJECT_TYPE = 'TABLE' AND p.PRIVILEGE_TYPE IN ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES')"
    " AND {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}"
    " UNION ALL SELECT p.GRANTOR, p.GRANTEE, CAST('' AS VARCHAR(1)), t.TABLE_SCHEMA,"
    " t.TABLE_NAME, c.COLUMN_NAME, p.PRIVILEGE_TYPE, p.IS_GRANTABLE"
    " FROM SYSTEM.COLUMN_PRIVILEGES p JOIN SYSTEM.TABLES t ON t.TABLE_ID = p.OBJECT_ID"
    " JOIN SYSTEM.COLUMNS c ON c.TABLE_ID = t.TABLE_ID AND c.ORDINAL_POSITION = p.COLUMN_POSITION"
    " WHERE {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "EXT_INDEXES",
    "SELECT CAST('' AS VARCHAR(1)) AS INDEX_CATALOG, i.INDEX_SCHEMA, i.INDEX_NAME,"
    " CAST('' AS VARCHAR(1)) AS TABLE_CATALOG, t.TABLE_SCHEMA, t.TABLE_NAME, i.IS_UNIQUE"
    " FROM SYSTEM.INDEXES i JOIN SYSTEM.TABLES t ON t.TABLE_ID = i.TABLE_ID"
    " WHERE i.CONSTRAINT_ID IS NULL AND {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "EXT_INDEX_COLUMN_USAGE",
    "SELECT CAST('' AS VARCHAR(1)) AS INDEX_CATALOG, i.INDEX_SCHEMA, i.INDEX_NAME,"
    " CAST('' AS VARCHAR(1)) AS TABLE_CATALOG, t.TABLE_SCHEMA, t.TABLE_NAME, c.COLUMN_NAME,"
    " ic.ORDINAL_POSITION, ic.IS_DESCENDING"
    " FROM SYSTEM.INDEXES i JOIN SYSTEM.TABLES t ON t.TABLE_ID = i.TABLE_ID"
    " JOIN SYSTEM.INDEX_COLUMNS ic ON ic.INDEX_ID = i.INDEX_ID"
    " JOIN SYSTEM.COLUMNS c ON c.TABLE_ID = i.TABLE_ID AND c.ORDINAL_POSITION = ic.COLUMN_POSITION"
    " WHERE i.CONSTRAINT_ID IS NULL AND {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "EXT_ACCESS_PATHS",
    "SELECT c.CONSTRAINT_SCHEMA AS INDEX_SCHEMA, c.CONSTRAINT_NAME AS INDEX_NAME,"
    " t.TABLE_SCHEMA, t.TABLE_NAME, CAST(c.CONSTRAINT_TYPE AS VARCHAR(20)) AS INDEX_TYPE,"
    " CAST('BTREE' AS VARCHAR(20)) AS INDEX_ALGORITHM, col.COLUMN_NAME, k.ORDINAL_POSITION,"
    " CAST(NULL AS NVARCHAR(128)) AS COLLATION_SCHEMA, CAST(NULL AS NVARCHAR(128)) AS COLLATION_NAME"
    " FROM SYSTEM.CONSTRAINTS c JOIN SYSTEM.TABLES t ON t.TABLE_ID = c.TABLE_ID"
    " JOIN SYSTEM.KEY_COLUMNS k ON k.CONSTRAINT_ID = c.CONSTRAINT_ID"
    " JOIN SYSTEM.COLUMNS col ON col.TABLE_ID = c.TABLE_ID AND col.ORDINAL_POSITION = k.COLUMN_POSITION"
    " WHERE c.CONSTRAINT_TYPE <> 'CHECK' AND {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}"
    " UNION ALL "
    "SELECT i.INDEX_SCHEMA, i.INDEX_NAME, t.TABLE_SCHEMA, t.TABLE_NAME,"
    " CASE WHEN i.IS_UNIQUE = 'YES' THEN CAST('UNIQUE INDEX' AS VARCHAR(20)) ELSE 'INDEX' END,"
    " 'BTREE', c.COLUMN_NAME, ic.ORDINAL_POSITION, CAST(NULL AS NVARCHAR(128)),"
    " CAST(NULL AS NVARCHAR(128))"
    " FROM SYSTEM.INDEXES i JOIN SYSTEM.TABLES t ON t.TABLE_ID = i.TABLE_ID"
    " JOIN SYSTEM.INDEX_COLUMNS ic ON ic.INDEX_ID = i.INDEX_ID"
    " JOIN SYSTEM.COLUMNS c ON c.TABLE_ID = i.TABLE_ID AND c.ORDINAL_POSITION = ic.COLUMN_POSITION"
    " WHERE i.CONSTRAINT_ID IS NULL AND {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "EXT_SEQUENCES",
    "SELECT s.SEQUENCE_SCHEMA, s.SEQUENCE_NAME, {{DT:s}} AS DATA_TYPE,"
    " s.START_VALUE AS INITIAL_VALUE, s.INCREMENT, s.MINIMUM_VALUE, s.MAXIMUM_VALUE,"
    " CASE WHEN s.CYCLE_OPTION = 'YES' THEN CAST('NO' AS VARCHAR(3)) ELSE 'YES' END AS IS_UNIQUE,"
    " s.DATABANK_NAME"
    " FROM SYSTEM.SEQUENCES s WHERE {{VIS:s.SEQUENCE_SCHEMA:s.SEQUENCE_ID}}" },
  { "EXT_IDENTS",
    "SELECT i.IDENT_NAME, i.IDENT_TYPE, i.IDENT_CREATOR,"
    " (SELECT s.SCHEMA_NAME FROM SYSTEM.SCHEMATA s WHERE s.SCHEMA_NAME = i.IDENT_NAME) AS IDENT_SCHEMA,"
    " CAST(NULL AS NVARCHAR(128)) AS IDENT_LOGIN,"
    " CASE WHEN i.PASSWORD_HASH IS NULL THEN CAST('NO' AS VARCHAR(3)) ELSE 'YES' END AS HAS_PASSWORD"
    " FROM SYSTEM.IDENTS i" },
  { "EXT_DATABANKS",
    "SELECT b.DATABANK_NAME, b.DATABANK_CREATOR, b.DATABANK_OPTION AS DATABANK_TYPE,"
    " CAST('YES' AS VARCHAR(3)) AS IS_ONLINE, b.FILE_NAME, CAST(NULL AS BIGINT) AS MINSIZE,"
    " CAST(NULL AS BIGINT) AS GOALSIZE, CAST(NULL AS BIGINT) AS MAXSIZE,"
    " CAST('NO' AS VARCHAR(3)) AS IS_REMOVABLE"
    " FROM SYSTEM.DATABANKS b" },
  { "EXT_SCHEMAS",
    "SELECT s.SCHEMA_NAME, s.SCHEMA_OWNER AS SCHEMA_CREATOR FROM SYSTEM.SCHEMATA s"
    " WHERE UPPER(CURRENT_USER) = 'SYSADM' OR s.SCHEMA_OWNER = CURRENT_USER"
    " OR s.SCHEMA_NAME = 'INFORMATION_SCHEMA'"
    " OR EXISTS (SELECT 1 FROM SYSTEM.TABLES t WHERE t.TABLE_SCHEMA = s.SCHEMA_NAME"
    " AND " VIS_PRIV("t.TABLE_ID") ")" },
  { "EXT_COLUMN_REMARKS",
    "SELECT t.TABLE_SCHEMA, t.TABLE_NAME, c.COLUMN_NAME, r.REMARKS"
    " FROM SYSTEM.COMMENTS r JOIN SYSTEM.TABLES t ON t.TABLE_ID = r.OBJECT_ID"
    " JOIN SYSTEM.COLUMNS c ON c.TABLE_ID = t.TABLE_ID AND c.ORDINAL_POSITION = r.COLUMN_POSITION"
    " WHERE r.COLUMN_POSITION > 0 AND {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "EXT_OBJECT_IDENT_USAGE",
    "SELECT t.TABLE_SCHEMA AS OBJECT_SCHEMA, t.TABLE_NAME AS OBJECT_NAME,"
    " CASE WHEN t.TABLE_TYPE = 'VIEW' THEN CAST('VIEW' AS VARCHAR(20)) ELSE 'BASE TABLE' END AS OBJECT_TYPE,"
    " CAST(NULL AS NVARCHAR(128)) AS SPECIFIC_NAME, r.REMARKS"
    " FROM SYSTEM.COMMENTS r JOIN SYSTEM.TABLES t ON t.TABLE_ID = r.OBJECT_ID"
    " WHERE r.COLUMN_POSITION = 0 AND {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "EXT_SOURCE_DEFINITION",
    "SELECT t.TABLE_SCHEMA AS OBJECT_SCHEMA, t.TABLE_NAME AS OBJECT_NAME,"
    " CAST(NULL AS NVARCHAR(128)) AS SPECIFIC_NAME, CAST('VIEW' AS VARCHAR(20)) AS OBJECT_TYPE,"
    " n.LINE_NUMBER,"
    " CAST(SUBSTRING(t.VIEW_DEFINITION FROM n.LINE_NUMBER*400-399 FOR 400) AS NVARCHAR(400))"
    " AS SOURCE_DEFINITION"
    " FROM SYSTEM.TABLES t JOIN ({{LINES}}) AS n (LINE_NUMBER)"
    " ON CHAR_LENGTH(t.VIEW_DEFINITION) > n.LINE_NUMBER*400-400"
    " WHERE t.TABLE_TYPE = 'VIEW' AND {{VIS:t.TABLE_SCHEMA:t.TABLE_ID}}" },
  { "EXT_ONEROW",
    "SELECT o.C FROM SYSTEM.ONEROW o" },
  { "VIEW_TABLE_USAGE",
    "SELECT CAST('' AS VARCHAR(1)) AS VIEW_CATALOG, v.TABLE_SCHEMA AS VIEW_SCHEMA,"
    " v.TABLE_NAME AS VIEW_NAME, CAST('' AS VARCHAR(1)) AS TABLE_CATALOG, t.TABLE_SCHEMA, t.TABLE_NAME"
    " FROM ({{VIEWUSE}}) AS u (VIEW_ID, TABLE_ID)"
    " JOIN SYSTEM.TABLES v ON v.TABLE_ID = u.VIEW_ID JOIN SYSTEM.TABLES t ON t.TABLE_ID = u.TABLE_ID"
    " WHERE {{VIS:v.TABLE_SCHEMA:v.TABLE_ID}}" },
};

#define INFO_NVIEW ((int)(sizeof(aInfoView)/sizeof(aInfoView[0])))
#define INFO_SOURCE_LINES 64    /* EXT_SOURCE_DEFINITION: 64 x 400 characters */

/* Names of the interval fields TYPE_IVF_YEAR .. TYPE_IVF_SECOND. */
static const char *const azIvField[] = { "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND" };

/* Append "CASE WHEN a.TYPE_ID IN (ids with pred) THEN a.zCol END". */
static void infoCaseIn(StrBuf *b, const char *zA, int (*xPred)(int), const char *zCol){
  int id, n = 0;
  strbufPrintf(b, "CASE WHEN %s.TYPE_ID IN (", zA);
  for(id=SQLT_SMALLINT; id<SQLT_COUNT_; id++){
    if( xPred(id) ) strbufPrintf(b, "%s%d", n++ ? ", " : "", id);
  }
  assert( n>0 );
  strbufPrintf(b, ") THEN %s.%s END", zA, zCol);
}

static int infoIsStringNoLob(int id){
  return (SQLT_IS_CHARACTER(id) || SQLT_IS_BINARYSTR(id)) && !SQLT_IS_LOB(id);
}
static int infoIsLob(int id){ return SQLT_IS_LOB(id); }
static int infoHasFraction(int id){
  return id==SQLT_TIME || id==SQLT_TIMESTAMP || id==SQLT_INTERVAL;
}

/*
** Append the expansion of template item zItem[0..n) ("KIND:args") to b.
** VIEWUSE and CHECKUSE read the loaded catalog pCat (infoUsesCatalog).
** Returns ML_OK, or ML_E_INTERNAL for an unknown kind (a bug here).
*/
static int infoExpand(StrBuf *b, const char *zItem, int n, const Catalog *pCat){
  char zKind[16], zA[64], zB[64];
  const char *zColon = memchr(zItem, ':', (size_t)n);
  int nKind = zColon ? (int)(zColon - zItem) : n;
  int id;
  zA[0] = zB[0] = 0;
  if( nKind>=(int)sizeof(zKind) ) return ML_E_INTERNAL;
  memcpy(zKind, zItem, (size_t)nKind);
  zKind[nKind] = 0;
  if( zColon ){
    const char *zArg = zColon+1, *zEnd = zItem+n;
    const char *zC2 = memchr(zArg, ':', (size_t)(zEnd-zArg));
    int nA = (int)((zC2 ? zC2 : zEnd) - zArg);
    if( nA>=(int)sizeof(zA) ) return ML_E_INTERNAL;
    memcpy(zA, zArg, (size_t)nA); zA[nA] = 0;
    if( zC2 ){
      int nB = (int)(zEnd - zC2 - 1);
      if( nB>=(int)sizeof(zB) ) return ML_E_INTERNAL;
      memcpy(zB, zC2+1, (size_t)nB); zB[nB] = 0;
    }
  }
  if( strcmp(zKind, "VIS")==0 ){
    /* zA: schema name expression, zB: object id expression */
    strbufPrintf(b, "(UPPER(CURRENT_USER) = 'SYSADM' OR EXISTS (SELECT 1 FROM SYSTEM.SCHEMATA vs"
                  " WHERE vs.SCHEMA_NAME = %s AND vs.SCHEMA_OWNER = CURRENT_USER) OR ", zA);
    strbufPrintf(b, VIS_PRIV("%s") ")", zB, zB);
  }else if( strcmp(zKind, "ID")==0 ){
    for(id=SQLT_SMALLINT; id<SQLT_COUNT_; id++){
      if( strcmp(typeKeyword(id), zA)==0 ) break;
    }
    if( id==SQLT_COUNT_ ) return ML_E_INTERNAL;
    strbufPrintf(b, "%d", id);
  }else if( strcmp(zKind, "DT")==0 ){
    strbufAppendStr(b, "CASE");
    for(id=SQLT_SMALLINT; id<SQLT_COUNT_; id++){
      SqlType t;
      memset(&t, 0, sizeof(t));
      t.id = (uint8_t)id;
      strbufPrintf(b, " WHEN %s.TYPE_ID = %d THEN %s'%s'%s", zA, id,
                    id==SQLT_SMALLINT ? "CAST(" : "", typeDataTypeName(&t),
                    id==SQLT_SMALLINT ? " AS VARCHAR(40))" : "");
    }
    strbufAppendStr(b, " END");
  }else if( strcmp(zKind, "CHARLEN")==0 ){
    infoCaseIn(b, zA, infoIsStringNoLob, "TYPE_LENGTH");
  }else if( strcmp(zKind, "LOBLEN")==0 ){
    infoCaseIn(b, zA, infoIsLob, "TYPE_LENGTH");
  }else if( strcmp(zKind, "NUMPREC")==0 || strcmp(zKind, "NUMSCALE")==0 ){
    /* typesys gives fixed precisions; declared ones read the row */
    int bScale = zKind[3]=='S';
    strbufAppendStr(b, "CASE");
    for(id=SQLT_SMALLINT; id<=SQLT_DOUBLE; id++){
      SqlType t;
      memset(&t, 0, sizeof(t));
      t.id = (uint8_t)id;
      if( bScale ){
        if( !SQLT_IS_EXACT(id) ) continue;
        if( id==SQLT_DECIMAL ) strbufPrintf(b, " WHEN %s.TYPE_ID = %d THEN %s.TYPE_SCALE", zA, id, zA);
        else strbufPrintf(b, " WHEN %s.TYPE_ID = %d THEN %d", zA, id, typeNumericScale(&t));
      }else if( typeNumericPrecision(&t)==0 ){
        strbufPrintf(b, " WHEN %s.TYPE_ID = %d THEN %s.TYPE_PRECISION", zA, id, zA);
      }else{
        strbufPrintf(b, " WHEN %s.TYPE_ID = %d THEN %d", zA, id, typeNumericPrecision(&t));
      }
    }
    strbufAppendStr(b, " END");
  }else if( strcmp(zKind, "DTPREC")==0 ){
    strbufPrintf(b, "CASE WHEN %s.TYPE_ID = %d THEN 0 ELSE ", zA, SQLT_DATE);
    infoCaseIn(b, zA, infoHasFraction, "TYPE_SCALE");
    strbufAppendStr(b, " END");
  }else if( strcmp(zKind, "IVTYPE")==0 ){
    int k;
    strbufPrintf(b, "CASE WHEN %s.TYPE_ID = %d THEN CASE", zA, SQLT_INTERVAL);
    for(k=0; k<IVK_COUNT_; k++){
      int f = typeIntervalFirst(k), l = typeIntervalLast(k);
      strbufPrintf(b, " WHEN %s.INTERVAL_KIND = %d THEN %s'%s%s%s'%s", zA, k,
                    k==0 ? "CAST(" : "", azIvField[f], f==l ? "" : " TO ",
                    f==l ? "" : azIvField[l], k==0 ? " AS VARCHAR(20))" : "");
    }
    strbufAppendStr(b, " END END");
  }else if( strcmp(zKind, "IVPREC")==0 ){
    strbufPrintf(b, "CASE WHEN %s.TYPE_ID = %d THEN %s.TYPE_PRECISION END", zA, SQLT_INTERVAL, zA);
  }else if( strcmp(zKind, "UDTS")==0 || strcmp(zKind, "UDTN")==0 ){
    /* the built-in user-defined types: BUILTIN.UUID, BUILTIN.GIS_* */
    strbufAppendStr(b, "CASE");
    for(id=SQLT_SMALLINT; id<SQLT_COUNT_; id++){
      if( typeUdtName(id)==0 ) continue;
      strbufPrintf(b, " WHEN %s.TYPE_ID = %d THEN CAST('%s' AS NVARCHAR(128))", zA, id,
                    zKind[3]=='S' ? "BUILTIN" : typeUdtName(id));
    }
    strbufAppendStr(b, " END");
  }else if( strcmp(zKind, "VIEWUSE")==0 || strcmp(zKind, "CHECKUSE")==0 ){
    /* (object id, used id or column position) rows; (0, 0) matches nothing.
    ** SYSTEM tables and INFORMATION_SCHEMA views have no SYSTEM.TABLES row. */
    int i, j;
    assert( pCat );
    strbufAppendStr(b, "VALUES (0, 0)");
    for(i=0; zKind[0]=='V' && i<pCat->nTable; i++){
      const CatTable *pTab = pCat->apTable[i];
      for(j=0; j<pTab->nUse; j++){
        if( pTab->apUse[j]->id<CAT_FIRST_USER_ID ) continue;
        strbufPrintf(b, ", (%lld, %lld)", (long long)pTab->id, (long long)pTab->apUse[j]->id);
      }
    }
    for(i=0; zKind[0]=='C' && i<pCat->nCons; i++){
      const CatConstraint *pCons = pCat->apCons[i];
      for(j=0; j<pCons->nUseCol; j++){
        strbufPrintf(b, ", (%lld, %d)", (long long)pCons->id, pCons->aiUseCol[j]+1);
      }
    }
  }else if( strcmp(zKind, "LINES")==0 ){
    int i;
    strbufAppendStr(b, "VALUES");
    for(i=1; i<=INFO_SOURCE_LINES; i++) strbufPrintf(b, "%s (%d)", i>1 ? "," : "", i);
  }else{
    return ML_E_INTERNAL;
  }
  return ML_OK;
}

/* Expand template zSql into b (pCat: see infoExpand). */
static int infoBuild(StrBuf *b, const char *zSql, const Catalog *pCat){
  const char *z = zSql;
  int rc = ML_OK;
  while( rc==ML_OK && *z ){
    const char *zOpen = strstr(z, "{{"), *zClose;
    if( zOpen==0 ){ strbufAppendStr(b, z); break; }
    strbufAppend(b, z, (size_t)(zOpen - z));
    zClose = strstr(zOpen, "}}");
    if( zClose==0 ) return ML_E_INTERNAL;
    rc = infoExpand(b, zOpen+2, (int)(zClose - zOpen - 2), pCat);
    z = zClose+2;
  }
  if( rc==ML_OK ) rc = strbufError(b);
  return rc;
}

/* True if template zSql lists object usage, so needs the loaded catalog. */
static int infoUsesCatalog(const char *zSql){
  return strstr(zSql, "USE}}")!=0;
}

int catInfoSchemaCount(void){
  return INFO_NVIEW;
}

/*
** Build the INFORMATION_SCHEMA view CatTables into apOut[0..catInfoSchemaCount())
** in the catalog's arena, with ids CAT_INFO_FIRST.. in order; the usage
** views get their text later (catInfoSchemaUsage).  Returns ML_OK,
** ML_E_NOMEM, or ML_E_INTERNAL for a malformed template.
*/
int catInfoSchemaViews(Catalog *p, CatTable **apOut){
  int i, rc = ML_OK;
  StrBuf b;
  assert( CAT_INFO_FIRST+INFO_NVIEW<CAT_FIRST_USER_ID );
  strbufInit(&b, 0, 0);
  for(i=0; rc==ML_OK && i<INFO_NVIEW; i++){
    CatTable *pTab = arenaAlloc(&p->arena, sizeof(CatTable));
    if( pTab==0 ){ rc = ML_E_NOMEM; break; }
    memset(pTab, 0, sizeof(*pTab));
    if( !infoUsesCatalog(aInfoView[i].zSql) ){
      strbufReset(&b);
      rc = infoBuild(&b, aInfoView[i].zSql, 0);
      if( rc ) break;
      pTab->zViewText = arenaStrndup(&p->arena, (const char*)b.a, b.n);
      if( pTab->zViewText==0 ){ rc = ML_E_NOMEM; break; }
    }
    pTab->id = CAT_INFO_FIRST + i;
    pTab->zSchema = "INFORMATION_SCHEMA";
    pTab->zName = aInfoView[i].zName;
    pTab->isView = 1;
    pTab->isSystem = 1;
    apOut[i] = pTab;
  }
  strbufFree(&b);
  return rc;
}

int catInfoSchemaUsage(Catalog *p){
  int i, rc = ML_OK;
  StrBuf b;
  strbufInit(&b, 0, 0);
  for(i=0; rc==ML_OK && i<INFO_NVIEW; i++){
    CatTable *pTab = p->apTable[CAT_SYS_COUNT+i];
    assert( pTab->id==CAT_INFO_FIRST+i );
    if( !infoUsesCatalog(aInfoView[i].zSql) ) continue;
    assert( pTab->zViewText==0 );
    strbufReset(&b);
    rc = infoBuild(&b, aInfoView[i].zSql, p);
    if( rc ) break;
    pTab->zViewText = arenaStrndup(&p->arena, (const char*)b.a, b.n);
    if( pTab->zViewText==0 ) rc = ML_E_NOMEM;
  }
  strbufFree(&b);
  return rc;
}
