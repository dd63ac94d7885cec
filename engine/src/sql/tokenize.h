/*
** The SQL tokenizer: the bottom of the sql/ layer.  It turns Mimer SQL
** text (UTF-8) into tokens for the parser (parse*.c) and knows the lexical
** rules of spec §1-§2: regular identifiers (Unicode letters, $ and #),
** delimited identifiers "..." and U&"...", string literals '...' with ''
** escapes and continuation over whitespace, N'...', U&'...' [UESCAPE 'c'],
** X'...', numbers, parameter markers ? and :name, and comments (-- to end
** of line, and non-nesting block comments).  Keywords are recognised here from
** keywords.def; whether a keyword is usable as an identifier is the
** parser's business.
**
** A token only records its byte span; the text of identifiers and the
** value of literals are decoded on demand by sqlTokenIdent() and
** sqlTokenString(), which cannot fail on a token the tokenizer accepted
** (except for running out of memory): every lexical check happens while
** scanning, so lexical errors carry the right position.
*/
#ifndef MIMERLITE_SQL_TOKENIZE_H
#define MIMERLITE_SQL_TOKENIZE_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/errors.h"

#define KWF_RESERVED  0x01   /* reserved word: never a regular identifier */
#define KWF_FUNCTION  0x02   /* reserved word also usable as function name */

/* Longest identifier, in characters (spec §1, SERVER_INFO IDENTIFIER_LENGTH). */
#define SQL_MAX_IDENT_CHARS 128

/*
** Token types.  Punctuation and literal classes first, then one TK_<word>
** per line of keywords.def, in the same (sorted) order.
*/
typedef enum SqlTokenType {
  TK_EOF = 0,      /* end of input */
  TK_ERROR,        /* lexical error; SqlTokenizer.err holds it */
  TK_ID,           /* regular identifier (not a keyword) */
  TK_DQID,         /* delimited identifier "..." */
  TK_UQID,         /* Unicode delimited identifier U&"..." [UESCAPE 'c'] */
  TK_INTLIT,      /* exact numeric literal without a point: 007 */
  TK_DECLIT,      /* exact numeric literal with a point: 3.14, .5, 1. */
  TK_FLOATLIT,        /* approximate numeric literal: 1E5, 2.5e-3 */
  TK_LOBLEN,       /* unsigned integer glued to K, M or G: 10K */
  TK_STRING,       /* '...' (with continuations) */
  TK_NSTRING,      /* N'...' */
  TK_USTRING,      /* U&'...' [UESCAPE 'c'] */
  TK_XSTRING,      /* X'...' */
  TK_QMARK,        /* ? */
  TK_NAMEDPARAM,   /* :name */
  TK_LP, TK_RP, TK_COMMA, TK_DOT, TK_SEMI,
  TK_PLUS, TK_MINUS, TK_STAR, TK_SLASH, TK_CONCAT,
  TK_EQ, TK_NE, TK_LT, TK_LE, TK_GT, TK_GE,
  TK_KW_FIRST_,    /* not a token: keywords follow */
#define SQL_KW(name, flags) TK_##name,
#include "sql/keywords.def"
#undef SQL_KW
  TK_COUNT_
} SqlTokenType;

#define SQL_IS_KEYWORD(t)  ((t) > TK_KW_FIRST_ && (t) < TK_COUNT_)

/* One token: its type and where it is in the source. */
typedef struct SqlToken {
  uint16_t type;           /* SqlTokenType */
  uint32_t iOff;           /* byte offset of the first byte */
  uint32_t n;              /* bytes, including continuations and UESCAPE */
  uint32_t escape;         /* TK_USTRING/TK_UQID: the escape character */
} SqlToken;

/* Tokenizer state over one statement text. */
typedef struct SqlTokenizer {
  const char *z;           /* source text (not NUL-terminated necessarily) */
  size_t n;                /* bytes in z */
  size_t i;                /* next byte to scan */
  MlError err;             /* the error behind a TK_ERROR token */
} SqlTokenizer;

void sqlTokenizerInit(SqlTokenizer *p, const char *z, size_t n);
int sqlTokenNext(SqlTokenizer *p, SqlToken *pTok);

int sqlKeywordLookup(const char *z, size_t n);
const char *sqlKeywordName(int tokenType);
int sqlKeywordFlags(int tokenType);
int sqlKeywordCount(void);
int sqlKeywordAt(int i, const char **pzName);

int sqlTokenIdent(Arena *pArena, const char *zSql, const SqlToken *pTok,
                  const char **pz);
int sqlTokenString(Arena *pArena, const char *zSql, const SqlToken *pTok,
                   const char **pz, uint32_t *pn);
void sqlSourcePosition(const char *z, size_t n, size_t iOff,
                       int *pLine, int *pCol);
void sqlQuoteSnippet(const char *z, size_t n, char *zOut, size_t nOut);
int sqlUtf8Decode(const unsigned char *z, size_t n, uint32_t *pc);

#endif
