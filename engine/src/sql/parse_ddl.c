/*
** Schema statements for the SQL parser (sql/ layer; see parseint.h):
** CREATE/ALTER/DROP of tables, views, indexes, sequences, domains,
** synonyms, schemas, idents and databanks, GRANT/REVOKE and COMMENT, in
** the Mimer SQL 11 forms of spec §3.
**
** Choices (docs/compatibility.md): sequence options use the 11.0
** syntax only (CREATE UNIQUE SEQUENCE and INITIAL_VALUE are refused);
** there are no IDENTITY or AUTO_INCREMENT columns; options of CREATE
** DATABANK / SEQUENCE / DOMAIN and of a column may come in any order but
** each at most once; ALTER DATABANK is not parsed.
*/
#include "sql/parseint.h"

#include <assert.h>
#include <string.h>

/* [CASCADE | RESTRICT] into *pBehavior. */
static void parseBehavior(Parser *p, uint8_t *pBehavior){
  if( parseAccept(p, TK_CASCADE) ) *pBehavior = ADROP_CASCADE;
  else if( parseAccept(p, TK_RESTRICT) ) *pBehavior = ADROP_RESTRICT;
}

/* "CHECK (condition)"; CHECK is current. */
static int parseCheck(Parser *p, AstExpr **ppCond){
  int rc;
  p->iTok++;
  rc = parseExpect(p, TK_LP);
  if( rc==ML_OK ) rc = parseExpr(p, ppCond);
  return rc ? rc : parseExpect(p, TK_RP);
}

/* ON DELETE / ON UPDATE action: CASCADE | SET NULL | SET DEFAULT | RESTRICT | NO ACTION. */
static int parseRefAction(Parser *p, uint8_t *pAction){
  assert( *pAction==AREF_NONE );
  if( parseAccept(p, TK_CASCADE) ){ *pAction = AREF_CASCADE; return ML_OK; }
  if( parseAccept(p, TK_RESTRICT) ){ *pAction = AREF_RESTRICT; return ML_OK; }
  if( parseAccept(p, TK_SET) ){
    if( parseAccept(p, TK_NULL) ){ *pAction = AREF_SET_NULL; return ML_OK; }
    if( parseAccept(p, TK_DEFAULT) ){ *pAction = AREF_SET_DEFAULT; return ML_OK; }
    return parseErrExpected(p, "'NULL'");
  }
  if( parseAccept(p, TK_NO) ){
    *pAction = AREF_NO_ACTION;
    return parseExpect(p, TK_ACTION);
  }
  return parseErrExpected(p, "'CASCADE'");
}

/* REFERENCES table [(cols)] [ON DELETE act] [ON UPDATE act]; REFERENCES is current. */
static int parseReferences(Parser *p, AstConstraint *pCons){
  int rc;
  p->iTok++;
  rc = parseQName(p, &pCons->refTable);
  if( rc==ML_OK && parseTok(p)==TK_LP ) rc = parseIdentList(p, &pCons->pRefCols);
  while( rc==ML_OK && parseTok(p)==TK_ON ){
    int t = parseTokAt(p, 1);
    uint8_t *pAction = t==TK_DELETE ? &pCons->onDelete : &pCons->onUpdate;
    if( t!=TK_DELETE && t!=TK_UPDATE ) break;
    if( *pAction ) return parseErrIgnored(p);
    p->iTok += 2;
    rc = parseRefAction(p, pAction);
  }
  return rc;
}

/* [NOT] DEFERRABLE, INITIALLY {DEFERRED | IMMEDIATE}, in either order. */
static int parseConsCharacteristics(Parser *p, AstConstraint *pCons){
  for(;;){
    int t = parseTok(p);
    if( t==TK_DEFERRABLE || (t==TK_NOT && parseTokAt(p, 1)==TK_DEFERRABLE) ){
      if( pCons->deferrable ) return parseErrIgnored(p);
      pCons->deferrable = t==TK_NOT ? 2 : 1;
      p->iTok += t==TK_NOT ? 2 : 1;
    }else if( t==TK_INITIALLY ){
      if( pCons->initially ) return parseErrIgnored(p);
      p->iTok++;
      if( parseAccept(p, TK_DEFERRED) ) pCons->initially = 1;
      else if( parseAccept(p, TK_IMMEDIATE) ) pCons->initially = 2;
      else return parseErrExpected(p, "'DEFERRED'");
    }else{
      return ML_OK;
    }
  }
}

/* A new constraint at the current token. */
static int parseNewCons(Parser *p, AstConstraint **ppCons){
  AstConstraint *pCons = astAlloc(p->pArena, sizeof(AstConstraint));
  *ppCons = pCons;
  if( pCons==0 ) return ML_E_NOMEM;
  pCons->iPos = parsePeek(p, 0)->iOff;
  return ML_OK;
}

/* True if the current token starts a table constraint. */
static int parseIsTableConstraint(const Parser *p){
  int t = parseTok(p);
  return t==TK_CONSTRAINT || t==TK_PRIMARY || t==TK_UNIQUE || t==TK_FOREIGN || t==TK_CHECK;
}

/*
** A table constraint: [CONSTRAINT n] {PRIMARY KEY (cols) | UNIQUE (cols)
** | FOREIGN KEY (cols) REFERENCES t [(cols)] [actions] | CHECK (cond)}
** [characteristics].
*/
static int parseTableConstraint(Parser *p, AstConstraint **ppCons){
  AstConstraint *pCons;
  int rc = parseNewCons(p, ppCons);
  if( rc ) return rc;
  pCons = *ppCons;
  if( parseAccept(p, TK_CONSTRAINT) ){
    rc = parseIdent(p, &pCons->name);
    if( rc ) return rc;
  }
  switch( parseTok(p) ){
    case TK_PRIMARY:
      pCons->kind = ACONS_PRIMARY_KEY;
      p->iTok++;
      rc = parseExpect(p, TK_KEY);
      if( rc==ML_OK ) rc = parseIdentList(p, &pCons->pCols);
      break;
    case TK_UNIQUE:
      pCons->kind = ACONS_UNIQUE;
      p->iTok++;
      rc = parseIdentList(p, &pCons->pCols);
      break;
    case TK_FOREIGN:
      pCons->kind = ACONS_FOREIGN_KEY;
      p->iTok++;
      rc = parseExpect(p, TK_KEY);
      if( rc==ML_OK ) rc = parseIdentList(p, &pCons->pCols);
      if( rc==ML_OK && parseTok(p)!=TK_REFERENCES ) rc = parseErrExpected(p, "'REFERENCES'");
      if( rc==ML_OK ) rc = parseReferences(p, pCons);
      break;
    case TK_CHECK:
      pCons->kind = ACONS_CHECK;
      rc = parseCheck(p, &pCons->pCheck);
      break;
    default:
      return parseErrExpected(p, "'PRIMARY'");
  }
  return rc ? rc : parseConsCharacteristics(p, pCons);
}

/*
** A column definition: name type [DEFAULT v] [COLLATE c] [constraints],
** the clauses after the type in any order (DEFAULT and COLLATE once).
** Column constraints: [CONSTRAINT n] {NOT NULL | NULL | PRIMARY KEY |
** UNIQUE | REFERENCES ... | CHECK (cond)} [characteristics].
*/
static int parseColumnDef(Parser *p, AstColumnDef **ppCol){
  AstColumnDef *pCol = astAlloc(p->pArena, sizeof(AstColumnDef));
  int rc;
  *ppCol = pCol;
  if( pCol==0 ) return ML_E_NOMEM;
  rc = parseIdent(p, &pCol->name);
  if( rc==ML_OK ) rc = parseType(p, &pCol->pType);
  while( rc==ML_OK ){
    int t = parseTok(p);
    AstConstraint *pCons;
    if( t==TK_DEFAULT ){
      if( pCol->pDefault ) return parseErrIgnored(p);
      p->iTok++;
      rc = parseDefaultValue(p, &pCol->pDefault);
      continue;
    }
    if( t==TK_COLLATE ){
      if( pCol->collation.name.z ) return parseErrIgnored(p);
      p->iTok++;
      rc = parseCollation(p, &pCol->collation);
      continue;
    }
    if( t!=TK_CONSTRAINT && t!=TK_NOT && t!=TK_NULL && t!=TK_PRIMARY
     && t!=TK_UNIQUE && t!=TK_REFERENCES && t!=TK_CHECK ){
      break;
    }
    rc = parseNewCons(p, &pCons);
    if( rc==ML_OK && parseAccept(p, TK_CONSTRAINT) ) rc = parseIdent(p, &pCons->name);
    if( rc ) return rc;
    switch( parseTok(p) ){
      case TK_NOT:
        p->iTok++;
        pCons->kind = ACONS_NOT_NULL;
        rc = parseExpect(p, TK_NULL);
        break;
      case TK_NULL:
        p->iTok++;
        pCons->kind = ACONS_NULL;
        break;
      case TK_PRIMARY:
        p->iTok++;
        pCons->kind = ACONS_PRIMARY_KEY;
        rc = parseExpect(p, TK_KEY);
        break;
      case TK_UNIQUE:
        p->iTok++;
        pCons->kind = ACONS_UNIQUE;
        break;
      case TK_REFERENCES:
        pCons->kind = ACONS_FOREIGN_KEY;
        rc = parseReferences(p, pCons);
        break;
      case TK_CHECK:
        pCons->kind = ACONS_CHECK;
        rc = parseCheck(p, &pCons->pCheck);
        break;
      default:
        return parseErrExpected(p, "'CHECK'");
    }
    if( rc==ML_OK ) rc = parseConsCharacteristics(p, pCons);
    if( rc==ML_OK ) rc = astListAppend(p->pArena, &pCol->pCons, pCons);
  }
  return rc;
}

/* IN databank (CREATE TABLE, CREATE SEQUENCE). */
static int parseInDatabank(Parser *p, AstIdent *pBank){
  if( !parseAccept(p, TK_IN) ) return ML_OK;
  return parseIdent(p, pBank);
}

/*
** CREATE TABLE t (elements) [IN databank], or
** CREATE TABLE t [(cols)] AS (query) WITH [NO] DATA [IN databank].
*/
static int parseCreateTable(Parser *p, AstStmt *pStmt){
  int rc = parseQName(p, &pStmt->u.createTable.name);
  if( rc ) return rc;
  if( parseTok(p)==TK_AS
   || (parseTok(p)==TK_LP && parseIsIdent(p, 1)
       && (parseTokAt(p, 2)==TK_COMMA || parseTokAt(p, 2)==TK_RP)) ){
    if( parseTok(p)==TK_LP ) rc = parseIdentList(p, &pStmt->u.createTable.pAsCols);
    if( rc==ML_OK ) rc = parseExpect(p, TK_AS);
    if( rc==ML_OK ) rc = parseExpect(p, TK_LP);
    if( rc==ML_OK ) rc = parseQuery(p, &pStmt->u.createTable.pAsQuery);
    if( rc==ML_OK ) rc = parseExpect(p, TK_RP);
    if( rc==ML_OK ) rc = parseExpect(p, TK_WITH);
    if( rc ) return rc;
    pStmt->u.createTable.withData = !parseAccept(p, TK_NO);
    rc = parseExpect(p, TK_DATA);
    return rc ? rc : parseInDatabank(p, &pStmt->u.createTable.databank);
  }
  rc = parseExpect(p, TK_LP);
  while( rc==ML_OK ){
    if( parseIsTableConstraint(p) ){
      AstConstraint *pCons;
      rc = parseTableConstraint(p, &pCons);
      if( rc==ML_OK ) rc = astListAppend(p->pArena, &pStmt->u.createTable.pCons, pCons);
    }else{
      AstColumnDef *pCol;
      rc = parseColumnDef(p, &pCol);
      if( rc==ML_OK ) rc = astListAppend(p->pArena, &pStmt->u.createTable.pColumns, pCol);
    }
    if( rc || !parseAccept(p, TK_COMMA) ) break;
  }
  if( rc==ML_OK ) rc = parseExpect(p, TK_RP);
  if( rc==ML_OK && pStmt->u.createTable.pColumns==0 ) rc = parseErrMissing(p, "IDENTIFIER");
  return rc ? rc : parseInDatabank(p, &pStmt->u.createTable.databank);
}

/* CREATE VIEW v [(cols)] AS query [WITH [CASCADED | LOCAL] CHECK OPTION]. */
static int parseCreateView(Parser *p, AstStmt *pStmt){
  int rc = parseQName(p, &pStmt->u.createView.name);
  if( rc==ML_OK && parseTok(p)==TK_LP ) rc = parseIdentList(p, &pStmt->u.createView.pCols);
  if( rc==ML_OK ) rc = parseExpect(p, TK_AS);
  if( rc==ML_OK && !parseIsQueryStart(p, 0) ) rc = parseErrExpected(p, "'SELECT'");
  if( rc==ML_OK ) rc = parseQuery(p, &pStmt->u.createView.pQuery);
  if( rc || !parseAccept(p, TK_WITH) ) return rc;
  if( parseAccept(p, TK_CASCADED) ) pStmt->u.createView.checkOption = ACHK_CASCADED;
  else if( parseAccept(p, TK_LOCAL) ) pStmt->u.createView.checkOption = ACHK_LOCAL;
  else pStmt->u.createView.checkOption = ACHK_PLAIN;
  rc = parseExpect(p, TK_CHECK);
  return rc ? rc : parseExpect(p, TK_OPTION);
}

/* CREATE [UNIQUE] INDEX i ON t (col [ASC|DESC], ...); INDEX is consumed. */
static int parseCreateIndex(Parser *p, AstStmt *pStmt){
  int rc = parseQName(p, &pStmt->u.createIndex.name);
  if( rc==ML_OK ) rc = parseExpect(p, TK_ON);
  if( rc==ML_OK ) rc = parseQName(p, &pStmt->u.createIndex.table);
  if( rc==ML_OK ) rc = parseExpect(p, TK_LP);
  while( rc==ML_OK ){
    AstIndexCol *pCol = astAlloc(p->pArena, sizeof(AstIndexCol));
    if( pCol==0 ) return ML_E_NOMEM;
    rc = parseIdent(p, &pCol->name);
    if( rc ) return rc;
    if( parseAccept(p, TK_ASC) ) pCol->dir = ASORT_ASC;
    else if( parseAccept(p, TK_DESC) ) pCol->dir = ASORT_DESC;
    rc = astListAppend(p->pArena, &pStmt->u.createIndex.pCols, pCol);
    if( rc==ML_OK && !parseAccept(p, TK_COMMA) ) return parseExpect(p, TK_RP);
  }
  return rc;
}

/*
** Sequence options, any order, each at most once.  bAlter selects ALTER
** SEQUENCE (RESTART [WITH n] allowed; AS, START WITH and IN are not).
** CREATE also takes IN databank (into *pBank).
*/
static int parseSeqOptions(Parser *p, AstSeqOptions *pOpt, int bAlter, AstIdent *pBank){
  int rc = ML_OK, n = 0;
  for(;; n++){
    int t = parseTok(p), t1 = parseTokAt(p, 1);
    if( !bAlter && t==TK_AS ){
      if( pOpt->pType ) return parseErrIgnored(p);
      p->iTok++;
      rc = parseType(p, &pOpt->pType);
    }else if( !bAlter && t==TK_START ){
      if( pOpt->pStart ) return parseErrIgnored(p);
      p->iTok++;
      rc = parseExpect(p, TK_WITH);
      if( rc==ML_OK ) rc = parseSignedInteger(p, &pOpt->pStart);
    }else if( bAlter && t==TK_RESTART ){
      if( pOpt->restart ) return parseErrIgnored(p);
      p->iTok++;
      pOpt->restart = 1;
      if( parseAccept(p, TK_WITH) ) rc = parseSignedInteger(p, &pOpt->pRestart);
    }else if( t==TK_INCREMENT ){
      if( pOpt->pIncrement ) return parseErrIgnored(p);
      p->iTok++;
      rc = parseExpect(p, TK_BY);
      if( rc==ML_OK ) rc = parseSignedInteger(p, &pOpt->pIncrement);
    }else if( t==TK_MINVALUE || (t==TK_NO && t1==TK_MINVALUE) ){
      if( pOpt->pMin || pOpt->noMin ) return parseErrIgnored(p);
      if( t==TK_NO ){ p->iTok += 2; pOpt->noMin = 1; }
      else{ p->iTok++; rc = parseSignedInteger(p, &pOpt->pMin); }
    }else if( t==TK_MAXVALUE || (t==TK_NO && t1==TK_MAXVALUE) ){
      if( pOpt->pMax || pOpt->noMax ) return parseErrIgnored(p);
      if( t==TK_NO ){ p->iTok += 2; pOpt->noMax = 1; }
      else{ p->iTok++; rc = parseSignedInteger(p, &pOpt->pMax); }
    }else if( t==TK_CYCLE || (t==TK_NO && t1==TK_CYCLE) ){
      if( pOpt->cycle ) return parseErrIgnored(p);
      pOpt->cycle = t==TK_NO ? 2 : 1;
      p->iTok += t==TK_NO ? 2 : 1;
    }else if( !bAlter && t==TK_IN ){
      if( pBank->z ) return parseErrIgnored(p);
      p->iTok++;
      rc = parseIdent(p, pBank);
    }else{
      break;
    }
    if( rc ) return rc;
  }
  if( bAlter && n==0 ) return parseErrExpected(p, "'RESTART'");
  return ML_OK;
}

/*
** CREATE DOMAIN d [AS] type, then in any order: DEFAULT v, COLLATE c,
** [CONSTRAINT n] CHECK (cond), NOT NULL.
*/
static int parseCreateDomain(Parser *p, AstStmt *pStmt){
  int rc = parseQName(p, &pStmt->u.createDomain.name);
  if( rc ) return rc;
  parseAccept(p, TK_AS);
  rc = parseType(p, &pStmt->u.createDomain.pType);
  while( rc==ML_OK ){
    int t = parseTok(p);
    if( t==TK_DEFAULT ){
      if( pStmt->u.createDomain.pDefault ) return parseErrIgnored(p);
      p->iTok++;
      rc = parseDefaultValue(p, &pStmt->u.createDomain.pDefault);
    }else if( t==TK_COLLATE ){
      if( pStmt->u.createDomain.collation.name.z ) return parseErrIgnored(p);
      p->iTok++;
      rc = parseCollation(p, &pStmt->u.createDomain.collation);
    }else if( t==TK_CONSTRAINT || t==TK_CHECK || (t==TK_NOT && parseTokAt(p, 1)==TK_NULL) ){
      AstConstraint *pCons;
      rc = parseNewCons(p, &pCons);
      if( rc==ML_OK && parseAccept(p, TK_CONSTRAINT) ) rc = parseIdent(p, &pCons->name);
      if( rc ) return rc;
      if( parseTok(p)==TK_CHECK ){
        pCons->kind = ACONS_CHECK;
        p->allowValue = 1;
        rc = parseCheck(p, &pCons->pCheck);
        p->allowValue = 0;
      }else if( parseTok(p)==TK_NOT && parseTokAt(p, 1)==TK_NULL ){
        pCons->kind = ACONS_NOT_NULL;
        p->iTok += 2;
      }else{
        return parseErrExpected(p, "'CHECK'");
      }
      if( rc==ML_OK ) rc = astListAppend(p->pArena, &pStmt->u.createDomain.pCons, pCons);
    }else{
      break;
    }
  }
  return rc;
}

/* CREATE IDENT name AS {USER|PROGRAM|GROUP} [USING 'pw'] [WITH|WITHOUT SCHEMA]. */
static int parseCreateIdent(Parser *p, AstStmt *pStmt){
  int rc = parseIdent(p, &pStmt->u.ident.name);
  if( rc==ML_OK ) rc = parseExpect(p, TK_AS);
  if( rc ) return rc;
  if( parseAccept(p, TK_USER) ) pStmt->u.ident.identKind = AIDK_USER;
  else if( parseAccept(p, TK_PROGRAM) ) pStmt->u.ident.identKind = AIDK_PROGRAM;
  else if( parseAccept(p, TK_GROUP) ) pStmt->u.ident.identKind = AIDK_GROUP;
  else return parseErrExpected(p, "'USER'");
  if( parseAccept(p, TK_USING) ){
    rc = parseString(p, &pStmt->u.ident.zText);
    if( rc ) return rc;
  }
  if( parseAccept(p, TK_WITH) ) pStmt->u.ident.schema = 1;
  else if( parseAccept(p, TK_WITHOUT) ) pStmt->u.ident.schema = 2;
  else return ML_OK;
  return parseExpect(p, TK_SCHEMA);
}

/*
** CREATE DATABANK name, then in any order: OF n PAGES, FILESIZE s,
** GOALSIZE s, MAXSIZE s, MINSIZE s, IN 'file', WITH {LOG | TRANSACTION |
** WORK} OPTION.
*/
static int parseCreateDatabank(Parser *p, AstStmt *pStmt){
  int rc = parseIdent(p, &pStmt->u.databank.name);
  while( rc==ML_OK ){
    int t = parseTok(p);
    AstSize *pSize = 0;
    switch( t ){
      case TK_FILESIZE: pSize = &pStmt->u.databank.fileSize; break;
      case TK_GOALSIZE: pSize = &pStmt->u.databank.goalSize; break;
      case TK_MAXSIZE:  pSize = &pStmt->u.databank.maxSize; break;
      case TK_MINSIZE:  pSize = &pStmt->u.databank.minSize; break;
      case TK_OF:       pSize = &pStmt->u.databank.ofPages; break;
      default: break;
    }
    if( pSize ){
      if( pSize->given ) return parseErrIgnored(p);
      p->iTok++;
      if( t==TK_OF && parseTok(p)!=TK_INTLIT ) return parseErrExpected(p, "UNSIGNED INTEGER");
      rc = parseSize(p, pSize);
      if( rc==ML_OK && t==TK_OF ){
        if( pSize->unit ){ p->iTok--; return parseErrExpected(p, "'PAGES'"); }
        rc = parseExpect(p, TK_PAGES);
      }
    }else if( t==TK_IN ){
      if( pStmt->u.databank.zFile ) return parseErrIgnored(p);
      p->iTok++;
      rc = parseString(p, &pStmt->u.databank.zFile);
    }else if( t==TK_WITH ){
      if( pStmt->u.databank.logOption ) return parseErrIgnored(p);
      p->iTok++;
      if( parseAccept(p, TK_LOG) ) pStmt->u.databank.logOption = ADBL_LOG;
      else if( parseAccept(p, TK_TRANSACTION) ) pStmt->u.databank.logOption = ADBL_TRANSACTION;
      else if( parseAccept(p, TK_WORK) ) pStmt->u.databank.logOption = ADBL_WORK;
      else return parseErrExpected(p, "'LOG'");
      rc = parseExpect(p, TK_OPTION);
    }else{
      break;
    }
  }
  return rc;
}

/* CREATE ...; CREATE has been consumed. */
int parseCreate(Parser *p, AstStmt *pStmt){
  int t = parseTok(p);
  int rc;
  p->iTok++;
  switch( t ){
    case TK_TABLE:
      pStmt->kind = AS_CREATE_TABLE;
      return parseCreateTable(p, pStmt);
    case TK_VIEW:
      pStmt->kind = AS_CREATE_VIEW;
      return parseCreateView(p, pStmt);
    case TK_UNIQUE:
      pStmt->u.createIndex.unique = 1;
      rc = parseExpect(p, TK_INDEX);
      if( rc ) return rc;
      pStmt->kind = AS_CREATE_INDEX;
      return parseCreateIndex(p, pStmt);
    case TK_INDEX:
      pStmt->kind = AS_CREATE_INDEX;
      return parseCreateIndex(p, pStmt);
    case TK_SEQUENCE:
      pStmt->kind = AS_CREATE_SEQUENCE;
      rc = parseQName(p, &pStmt->u.sequence.name);
      return rc ? rc : parseSeqOptions(p, &pStmt->u.sequence.opt, 0, &pStmt->u.sequence.databank);
    case TK_DOMAIN:
      pStmt->kind = AS_CREATE_DOMAIN;
      return parseCreateDomain(p, pStmt);
    case TK_SYNONYM:
      pStmt->kind = AS_CREATE_SYNONYM;
      rc = parseQName(p, &pStmt->u.createSynonym.name);
      if( rc==ML_OK ) rc = parseExpect(p, TK_FOR);
      return rc ? rc : parseQName(p, &pStmt->u.createSynonym.target);
    case TK_SCHEMA:
      pStmt->kind = AS_CREATE_SCHEMA;
      return parseIdent(p, &pStmt->u.ident.name);
    case TK_IDENT:
      pStmt->kind = AS_CREATE_IDENT;
      return parseCreateIdent(p, pStmt);
    case TK_DATABANK:
      pStmt->kind = AS_CREATE_DATABANK;
      return parseCreateDatabank(p, pStmt);
    default:
      p->iTok--;
      return parseErrExpected(p, "'TABLE'");
  }
}

/*
** ALTER TABLE t {ADD [COLUMN] coldef | ADD constraint | DROP [COLUMN] c
** [CASCADE|RESTRICT] | DROP CONSTRAINT n [CASCADE|RESTRICT] | ALTER
** [COLUMN] c {SET DEFAULT v | DROP DEFAULT | SET DATA TYPE t [COLLATE c]}}.
*/
static int parseAlterTable(Parser *p, AstStmt *pStmt){
  int rc = parseQName(p, &pStmt->u.alterTable.name);
  if( rc ) return rc;
  if( parseAccept(p, TK_ADD) ){
    if( parseIsTableConstraint(p) ){
      pStmt->u.alterTable.action = AALT_ADD_CONSTRAINT;
      return parseTableConstraint(p, &pStmt->u.alterTable.pCons);
    }
    parseAccept(p, TK_COLUMN);
    pStmt->u.alterTable.action = AALT_ADD_COLUMN;
    return parseColumnDef(p, &pStmt->u.alterTable.pColumn);
  }
  if( parseAccept(p, TK_DROP) ){
    if( parseAccept(p, TK_CONSTRAINT) ){
      pStmt->u.alterTable.action = AALT_DROP_CONSTRAINT;
    }else{
      parseAccept(p, TK_COLUMN);
      pStmt->u.alterTable.action = AALT_DROP_COLUMN;
    }
    rc = parseIdent(p, &pStmt->u.alterTable.target);
    if( rc==ML_OK ) parseBehavior(p, &pStmt->u.alterTable.behavior);
    return rc;
  }
  if( !parseAccept(p, TK_ALTER) ) return parseErrExpected(p, "'ADD'");
  parseAccept(p, TK_COLUMN);
  rc = parseIdent(p, &pStmt->u.alterTable.target);
  if( rc ) return rc;
  if( parseAccept(p, TK_DROP) ){
    pStmt->u.alterTable.action = AALT_DROP_DEFAULT;
    return parseExpect(p, TK_DEFAULT);
  }
  rc = parseExpect(p, TK_SET);
  if( rc ) return rc;
  if( parseAccept(p, TK_DEFAULT) ){
    pStmt->u.alterTable.action = AALT_SET_DEFAULT;
    return parseDefaultValue(p, &pStmt->u.alterTable.pDefault);
  }
  if( !parseAccept(p, TK_DATA) ) return parseErrExpected(p, "'DEFAULT'");
  pStmt->u.alterTable.action = AALT_SET_TYPE;
  rc = parseExpect(p, TK_TYPE);
  if( rc==ML_OK ) rc = parseType(p, &pStmt->u.alterTable.pType);
  if( rc==ML_OK && parseAccept(p, TK_COLLATE) ) rc = parseCollation(p, &pStmt->u.alterTable.collation);
  return rc;
}

/* ALTER IDENT name {USING 'pw' | ADD OS_USER 'os' | DROP OS_USER 'os'}. */
static int parseAlterIdent(Parser *p, AstStmt *pStmt){
  int rc = parseIdent(p, &pStmt->u.ident.name);
  if( rc ) return rc;
  if( parseAccept(p, TK_USING) ){
    pStmt->u.ident.action = AIDA_PASSWORD;
  }else if( parseAccept(p, TK_ADD) || parseAccept(p, TK_DROP) ){
    pStmt->u.ident.action = p->aTok[p->iTok-1].type==TK_ADD ? AIDA_ADD_OS_USER : AIDA_DROP_OS_USER;
    rc = parseExpect(p, TK_OS_USER);
    if( rc ) return rc;
  }else{
    return parseErrExpected(p, "'USING'");
  }
  return parseString(p, &pStmt->u.ident.zText);
}

/* ALTER ...; ALTER has been consumed. */
int parseAlter(Parser *p, AstStmt *pStmt){
  int rc;
  if( parseAccept(p, TK_TABLE) ){
    pStmt->kind = AS_ALTER_TABLE;
    return parseAlterTable(p, pStmt);
  }
  if( parseAccept(p, TK_SEQUENCE) ){
    pStmt->kind = AS_ALTER_SEQUENCE;
    rc = parseQName(p, &pStmt->u.sequence.name);
    return rc ? rc : parseSeqOptions(p, &pStmt->u.sequence.opt, 1, 0);
  }
  if( parseAccept(p, TK_IDENT) ){
    pStmt->kind = AS_ALTER_IDENT;
    return parseAlterIdent(p, pStmt);
  }
  return parseErrExpected(p, "'TABLE'");
}

/* The object kind keyword at the current token (DROP, COMMENT), or 0. */
static int parseObjKind(const Parser *p){
  switch( parseTok(p) ){
    case TK_TABLE:    return AOBJ_TABLE;
    case TK_VIEW:     return AOBJ_VIEW;
    case TK_SEQUENCE: return AOBJ_SEQUENCE;
    case TK_INDEX:    return AOBJ_INDEX;
    case TK_DOMAIN:   return AOBJ_DOMAIN;
    case TK_SYNONYM:  return AOBJ_SYNONYM;
    case TK_SCHEMA:   return AOBJ_SCHEMA;
    case TK_IDENT:    return AOBJ_IDENT;
    case TK_DATABANK: return AOBJ_DATABANK;
    case TK_COLUMN:   return AOBJ_COLUMN;
    default:          return 0;
  }
}

/*
** The name of an object of `kind`: [schema.]name for schema objects, a
** plain identifier for schemas, idents and databanks.
*/
static int parseObjName(Parser *p, int kind, AstQName *pName){
  if( kind==AOBJ_SCHEMA || kind==AOBJ_IDENT || kind==AOBJ_DATABANK ){
    memset(pName, 0, sizeof(*pName));
    return parseIdent(p, &pName->name);
  }
  return parseQName(p, pName);
}

/* DROP kind name [CASCADE | RESTRICT]; DROP has been consumed. */
int parseDrop(Parser *p, AstStmt *pStmt){
  int kind = parseObjKind(p);
  int rc;
  if( kind==0 || kind==AOBJ_COLUMN ) return parseErrExpected(p, "'TABLE'");
  p->iTok++;
  pStmt->kind = AS_DROP;
  pStmt->u.drop.objKind = (uint8_t)kind;
  rc = parseObjName(p, kind, &pStmt->u.drop.name);
  if( rc==ML_OK ) parseBehavior(p, &pStmt->u.drop.behavior);
  return rc;
}

/* The privilege at the current token, or 0. */
static int parsePrivKind(const Parser *p){
  switch( parseTok(p) ){
    case TK_SELECT:     return APRIV_SELECT;
    case TK_INSERT:     return APRIV_INSERT;
    case TK_UPDATE:     return APRIV_UPDATE;
    case TK_DELETE:     return APRIV_DELETE;
    case TK_REFERENCES: return APRIV_REFERENCES;
    case TK_USAGE:      return APRIV_USAGE;
    case TK_EXECUTE:    return APRIV_EXECUTE;
    case TK_TABLE:      return APRIV_TABLE;
    case TK_MEMBER:     return APRIV_MEMBER;
    case TK_ALL:        return APRIV_ALL;
    case TK_BACKUP:     return APRIV_BACKUP;
    case TK_DATABANK:   return APRIV_DATABANK;
    case TK_IDENT:      return APRIV_IDENT;
    case TK_SCHEMA:     return APRIV_SCHEMA;
    case TK_SHADOW:     return APRIV_SHADOW;
    case TK_STATISTICS: return APRIV_STATISTICS;
    default:            return 0;
  }
}

/*
** GRANT privileges [ON [kind] object] TO grantees [WITH GRANT OPTION]
** REVOKE [GRANT OPTION FOR] privileges [ON ...] FROM grantees [CASCADE|RESTRICT]
** System privileges (DATABANK, IDENT ...) take no ON clause; object
** privileges need one.  The statement kind is already set.
*/
int parseGrant(Parser *p, AstStmt *pStmt){
  int isRevoke = pStmt->kind==AS_REVOKE;
  int nSystem = 0, nObject = 0, kind, rc = ML_OK;
  if( isRevoke && parseTok(p)==TK_GRANT ){
    p->iTok++;
    pStmt->u.grant.grantOption = 1;
    rc = parseExpect(p, TK_OPTION);
    if( rc==ML_OK ) rc = parseExpect(p, TK_FOR);
    if( rc ) return rc;
  }
  do{
    AstPrivilege *pPriv;
    kind = parsePrivKind(p);
    if( kind==0 ) return parseErrExpected(p, "'SELECT'");
    pPriv = astAlloc(p->pArena, sizeof(AstPrivilege));
    if( pPriv==0 ) return ML_E_NOMEM;
    pPriv->kind = (uint8_t)kind;
    p->iTok++;
    if( kind==APRIV_ALL ) parseAccept(p, TK_PRIVILEGES);
    if( (kind==APRIV_SELECT || kind==APRIV_INSERT || kind==APRIV_UPDATE
         || kind==APRIV_REFERENCES) && parseTok(p)==TK_LP ){
      rc = parseIdentList(p, &pPriv->pCols);
    }
    if( astPrivIsSystem(kind) ) nSystem++; else nObject++;
    if( rc==ML_OK ) rc = astListAppend(p->pArena, &pStmt->u.grant.pPrivs, pPriv);
  }while( rc==ML_OK && kind!=APRIV_ALL && parseAccept(p, TK_COMMA) );
  if( rc ) return rc;
  if( nObject ){
    int t;
    if( nSystem ){ p->iTok--; return parseErrIgnored(p); }
    rc = parseExpect(p, TK_ON);
    if( rc ) return rc;
    t = parseTok(p);
    if( (t==TK_TABLE || t==TK_SEQUENCE || t==TK_DOMAIN || t==TK_DATABANK) && parseIsIdent(p, 1) ){
      pStmt->u.grant.objKind = (uint8_t)parseObjKind(p);
      p->iTok++;
    }
    pStmt->u.grant.hasObject = 1;
    rc = parseQName(p, &pStmt->u.grant.object);
    if( rc ) return rc;
  }
  rc = parseExpect(p, isRevoke ? TK_FROM : TK_TO);
  while( rc==ML_OK ){
    AstIdent *pId = astAlloc(p->pArena, sizeof(AstIdent));
    if( pId==0 ) return ML_E_NOMEM;
    rc = parseIdent(p, pId);
    if( rc==ML_OK ) rc = astListAppend(p->pArena, &pStmt->u.grant.pGrantees, pId);
    if( rc || !parseAccept(p, TK_COMMA) ) break;
  }
  if( rc ) return rc;
  if( isRevoke ){
    parseBehavior(p, &pStmt->u.grant.behavior);
  }else if( parseAccept(p, TK_WITH) ){
    pStmt->u.grant.grantOption = 1;
    rc = parseExpect(p, TK_GRANT);
    if( rc==ML_OK ) rc = parseExpect(p, TK_OPTION);
  }
  return rc;
}

/*
** COMMENT ON kind name IS 'text'; COLUMN names are [schema.]table.column.
*/
int parseComment(Parser *p, AstStmt *pStmt){
  int rc = parseExpect(p, TK_ON);
  int kind;
  if( rc ) return rc;
  kind = parseObjKind(p);
  if( kind==0 ) return parseErrExpected(p, "'TABLE'");
  p->iTok++;
  pStmt->u.comment.objKind = (uint8_t)kind;
  if( kind==AOBJ_COLUMN ){
    AstIdent aPart[3];
    int n = 0;
    memset(aPart, 0, sizeof(aPart));
    rc = parseIdent(p, &aPart[n++]);
    while( rc==ML_OK && n<3 && parseAccept(p, TK_DOT) ) rc = parseIdent(p, &aPart[n++]);
    if( rc ) return rc;
    if( n==1 ) return parseErrExpected(p, "'.'");
    if( n==3 ) pStmt->u.comment.name.schema = aPart[0];
    pStmt->u.comment.name.name = aPart[n-2];
    pStmt->u.comment.column = aPart[n-1];
  }else{
    rc = parseObjName(p, kind, &pStmt->u.comment.name);
    if( rc ) return rc;
  }
  rc = parseExpect(p, TK_IS);
  return rc ? rc : parseString(p, &pStmt->u.comment.zText);
}
