/*
** The SQL tokenizer (see tokenize.h): scans Mimer SQL text into tokens,
** looks keywords up in the table generated from keywords.def, and decodes
** identifiers and string literals for the parser.  Everything lexical is
** checked here, while the position is at hand; decoding later cannot fail
** except for lack of memory.
**
** Choices (docs/compatibility.md): block comments do not nest (SQL
** standard); string continuation accepts any whitespace or comments
** between the parts; non-ASCII characters are identifier characters unless
** they are in a small table of punctuation, symbol and space blocks (an
** approximation of Unicode ID_Start/ID_Continue without the full tables).
*/
#include "sql/tokenize.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The keyword table, generated from keywords.def (sorted by name). */
typedef struct SqlKeyword {
  const char *zName;       /* upper-case spelling */
  uint8_t flags;           /* KWF_* */
} SqlKeyword;

static const SqlKeyword aKeyword[] = {
#define SQL_KW(name, flags) { #name, (flags) },
#include "sql/keywords.def"
#undef SQL_KW
};
#define SQL_N_KEYWORD ((int)(sizeof(aKeyword)/sizeof(aKeyword[0])))

#define SQL_KW_MAXLEN 32

/*
** Return the TK_* type of the keyword spelled z[0..n-1] (any letter case),
** or TK_ID if it is not a keyword.
*/
int sqlKeywordLookup(const char *z, size_t n){
  char zUp[SQL_KW_MAXLEN+1];
  int lo = 0, hi = SQL_N_KEYWORD-1;
  size_t i;
  if( n==0 || n>SQL_KW_MAXLEN ) return TK_ID;
  for(i=0; i<n; i++){
    unsigned char c = (unsigned char)z[i];
    if( c>=0x80 ) return TK_ID;
    zUp[i] = (c>='a' && c<='z') ? (char)(c-32) : (char)c;
  }
  zUp[n] = 0;
  while( lo<=hi ){
    int mid = (lo+hi)/2;
    int cmp = strcmp(zUp, aKeyword[mid].zName);
    if( cmp==0 ) return TK_KW_FIRST_+1+mid;
    if( cmp<0 ) hi = mid-1; else lo = mid+1;
  }
  return TK_ID;
}

/* Upper-case spelling of keyword token type t. */
const char *sqlKeywordName(int t){
  assert( SQL_IS_KEYWORD(t) );
  return aKeyword[t-TK_KW_FIRST_-1].zName;
}

/* KWF_* flags of keyword token type t, 0 for other token types. */
int sqlKeywordFlags(int t){
  return SQL_IS_KEYWORD(t) ? aKeyword[t-TK_KW_FIRST_-1].flags : 0;
}

int sqlKeywordCount(void){ return SQL_N_KEYWORD; }

/* The i-th keyword in table order: its name in *pzName, its token type returned. */
int sqlKeywordAt(int i, const char **pzName){
  assert( i>=0 && i<SQL_N_KEYWORD );
  *pzName = aKeyword[i].zName;
  return TK_KW_FIRST_+1+i;
}

/*
** Decode one UTF-8 character at z[0..n-1].  Returns its length in bytes
** and the code point in *pc, or 0 (with *pc set to 0) if the bytes are not
** well-formed UTF-8 (overlong forms, surrogates and values above U+10FFFF
** are rejected).
*/
int sqlUtf8Decode(const unsigned char *z, size_t n, uint32_t *pc){
  uint32_t c;
  int len, k;
  *pc = 0;
  if( n==0 ) return 0;
  if( z[0]<0x80 ){ *pc = z[0]; return 1; }
  if( z[0]>=0xC2 && z[0]<=0xDF ){ len = 2; c = z[0]&0x1F; }
  else if( z[0]>=0xE0 && z[0]<=0xEF ){ len = 3; c = z[0]&0x0F; }
  else if( z[0]>=0xF0 && z[0]<=0xF4 ){ len = 4; c = z[0]&0x07; }
  else return 0;
  if( (size_t)len>n ) return 0;
  for(k=1; k<len; k++){
    if( (z[k]&0xC0)!=0x80 ) return 0;
    c = (c<<6) | (z[k]&0x3F);
  }
  if( (len==3 && c<0x800) || (len==4 && (c<0x10000 || c>0x10FFFF)) ) return 0;
  if( c>=0xD800 && c<=0xDFFF ) return 0;
  *pc = c;
  return len;
}

/* Append code point c to zOut as UTF-8; returns bytes written (1..4). */
static int sqlUtf8Encode(uint32_t c, char *zOut){
  if( c<0x80 ){ zOut[0] = (char)c; return 1; }
  if( c<0x800 ){
    zOut[0] = (char)(0xC0|(c>>6)); zOut[1] = (char)(0x80|(c&0x3F));
    return 2;
  }
  if( c<0x10000 ){
    zOut[0] = (char)(0xE0|(c>>12)); zOut[1] = (char)(0x80|((c>>6)&0x3F));
    zOut[2] = (char)(0x80|(c&0x3F));
    return 3;
  }
  zOut[0] = (char)(0xF0|(c>>18)); zOut[1] = (char)(0x80|((c>>12)&0x3F));
  zOut[2] = (char)(0x80|((c>>6)&0x3F)); zOut[3] = (char)(0x80|(c&0x3F));
  return 4;
}

/*
** Non-ASCII code points that cannot be part of a regular identifier:
** Latin-1 punctuation and symbols, general punctuation, currency, arrows
** to dingbats, CJK punctuation, specials, private use and emoji.  Ranges
** are inclusive and sorted.
*/
static const uint32_t aNotIdent[][2] = {
  {0x0080, 0x00A9}, {0x00AB, 0x00B4}, {0x00B6, 0x00B9}, {0x00BB, 0x00BF},
  {0x00D7, 0x00D7}, {0x00F7, 0x00F7}, {0x2000, 0x206F}, {0x20A0, 0x20CF},
  {0x2190, 0x2BFF}, {0x3000, 0x3004}, {0x3008, 0x3020}, {0xE000, 0xF8FF},
  {0xFE10, 0xFE6F}, {0xFEFF, 0xFEFF}, {0xFF00, 0xFF0F}, {0xFF1A, 0xFF20},
  {0xFF3B, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF}, {0x1F000, 0x1FAFF},
};

/* True if non-ASCII code point c may appear in a regular identifier. */
static int sqlIsIdentCodePoint(uint32_t c){
  size_t i;
  assert( c>=0x80 );
  for(i=0; i<sizeof(aNotIdent)/sizeof(aNotIdent[0]); i++){
    if( c<aNotIdent[i][0] ) return 1;
    if( c<=aNotIdent[i][1] ) return 0;
  }
  return 1;
}

static int sqlIsAlpha(int c){ return (c>='a' && c<='z') || (c>='A' && c<='Z'); }
static int sqlIsDigit(int c){ return c>='0' && c<='9'; }
static int sqlIsSpace(int c){
  return c==' ' || c=='\t' || c=='\n' || c=='\r' || c=='\f' || c=='\v';
}
static int sqlHexValue(int c){
  if( c>='0' && c<='9' ) return c-'0';
  if( c>='a' && c<='f' ) return c-'a'+10;
  if( c>='A' && c<='F' ) return c-'A'+10;
  return -1;
}

/*
** Length in bytes of the identifier character at z[i], or 0 if there is
** none there.  bStart selects the rules for a first character (no digit or
** underscore).  Ill-formed UTF-8 and excluded code points give 0.
*/
static int sqlIdentCharLen(const SqlTokenizer *p, size_t i, int bStart){
  unsigned char c;
  uint32_t cp;
  int len;
  if( i>=p->n ) return 0;
  c = (unsigned char)p->z[i];
  if( c<0x80 ){
    if( sqlIsAlpha(c) || c=='$' || c=='#' ) return 1;
    if( !bStart && (sqlIsDigit(c) || c=='_') ) return 1;
    return 0;
  }
  len = sqlUtf8Decode((const unsigned char*)p->z+i, p->n-i, &cp);
  if( len==0 || !sqlIsIdentCodePoint(cp) ) return 0;
  return len;
}

/*
** Compute 1-based line and column (in characters) of byte offset iOff in
** z[0..n-1].  CR, LF and CR LF each end a line.
*/
void sqlSourcePosition(const char *z, size_t n, size_t iOff,
                       int *pLine, int *pCol){
  int line = 1, col = 1;
  size_t i;
  if( iOff>n ) iOff = n;
  for(i=0; i<iOff; i++){
    unsigned char c = (unsigned char)z[i];
    if( c=='\n' || (c=='\r' && (i+1>=n || z[i+1]!='\n')) ){
      line++; col = 1;
    }else if( c!='\r' && (c&0xC0)!=0x80 ){
      col++;
    }
  }
  *pLine = line;
  *pCol = col;
}

/*
** Describe the source text z[iOff..iOff+n-1] for an error message: quoted,
** cut to a short prefix on a character boundary, and with bytes that are
** not printable UTF-8 shown as \xNN.  zOut must hold at least 48 bytes;
** 80 are enough for any snippet.
*/
void sqlQuoteSnippet(const char *z, size_t n, char *zOut, size_t nOut){
  size_t i = 0, j = 0;
  assert( nOut>=48 );
  zOut[j++] = '\'';
  while( i<n && j+8<nOut && i<32 ){
    uint32_t cp;
    int len = sqlUtf8Decode((const unsigned char*)z+i, n-i, &cp);
    if( len==0 || cp<0x20 || cp==0x7F ){
      j += (size_t)snprintf(zOut+j, nOut-j, "\\x%02X", (unsigned char)z[i]);
      i++;
    }else{
      memcpy(zOut+j, z+i, (size_t)len);
      j += (size_t)len;
      i += (size_t)len;
    }
  }
  if( i<n && j+4<nOut ){ memcpy(zOut+j, "...", 3); j += 3; }
  zOut[j++] = '\'';
  zOut[j] = 0;
}

/*
** Record a lexical error at byte iOff in the tokenizer and make pTok a
** TK_ERROR token there.  zWhat is inserted into the code's template: for
** ML_E_SYNTAX_* codes the thing missing or ignored.  The message always
** ends with the position.  Returns TK_ERROR.
*/
static int sqlLexError(SqlTokenizer *p, SqlToken *pTok, size_t iOff,
                       int code, const char *zWhat){
  int line, col;
  const char *zTemplate = mlErrorTemplate(code);
  char zMsg[ML_ERRMSG_MAX];
  assert( zTemplate!=0 && code!=ML_E_SYNTAX_ASSUMED );
  sqlSourcePosition(p->z, p->n, iOff, &line, &col);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  snprintf(zMsg, sizeof(zMsg), zTemplate, zWhat);
#pragma GCC diagnostic pop
  mlErrorSetText(&p->err, code, "%s at line %d, column %d", zMsg, line, col);
  pTok->type = TK_ERROR;
  pTok->iOff = (uint32_t)iOff;
  pTok->n = 0;
  p->i = p->n;   /* nothing after an error is scanned */
  return TK_ERROR;
}

/* Lexical error naming the source text z[iOff..iOff+n-1]. */
static int sqlLexErrorAt(SqlTokenizer *p, SqlToken *pTok, size_t iOff,
                         size_t n, int code){
  char zWhat[80];
  sqlQuoteSnippet(p->z+iOff, n, zWhat, sizeof(zWhat));
  return sqlLexError(p, pTok, iOff, code, zWhat);
}

/*
** Skip whitespace and comments from byte i.  Returns the offset of the
** next significant byte; if a block comment is unterminated, *piBad is set
** to its start (and the return is p->n).
*/
static size_t sqlSkipSpace(const SqlTokenizer *p, size_t i, size_t *piBad){
  *piBad = (size_t)-1;
  while( i<p->n ){
    char c = p->z[i];
    if( sqlIsSpace(c) ){
      i++;
    }else if( c=='-' && i+1<p->n && p->z[i+1]=='-' ){
      while( i<p->n && p->z[i]!='\n' && p->z[i]!='\r' ) i++;
    }else if( c=='/' && i+1<p->n && p->z[i+1]=='*' ){
      size_t iStart = i;
      i += 2;
      while( i+1<p->n && !(p->z[i]=='*' && p->z[i+1]=='/') ) i++;
      if( i+1>=p->n ){ *piBad = iStart; return p->n; }
      i += 2;
    }else{
      break;
    }
  }
  return i;
}

/*
** Scan one quoted section starting at the quote character z[i] (' or ").
** A doubled quote stands for one.  On success returns the offset just past
** the closing quote and adds the number of characters inside to *pnChar;
** on failure returns 0 and sets *piBad to the offending byte (the opening
** quote when the section is unterminated, else the bad byte) and *pCode.
*/
static size_t sqlScanQuoted(const SqlTokenizer *p, size_t i, uint32_t *pnChar,
                            size_t *piBad, int *pCode){
  char q = p->z[i];
  size_t iStart = i;
  i++;
  for(;;){
    uint32_t cp;
    int len;
    if( i>=p->n ){
      *piBad = iStart;
      *pCode = ML_E_SYNTAX_MISSING;
      return 0;
    }
    if( p->z[i]==q ){
      if( i+1<p->n && p->z[i+1]==q ){ i += 2; (*pnChar)++; continue; }
      return i+1;
    }
    len = sqlUtf8Decode((const unsigned char*)p->z+i, p->n-i, &cp);
    if( len==0 ){
      *piBad = i;
      *pCode = ML_E_BAD_LITERAL;
      return 0;
    }
    i += (size_t)len;
    (*pnChar)++;
  }
}

/*
** Check the Unicode escapes in the quoted sections of a U&'...' or U&"..."
** token whose first quote is at iQuote, for escape character `esc`; also
** count the characters the sections stand for into *pnChar.  The sections
** were already scanned by sqlScanQuoted().  U+0000 is data in a string
** literal but not allowed in a name (bAllowNul).  Returns the offset of a
** bad escape, or (size_t)-1 if all are valid.
*/
static size_t sqlCheckUnicodeEscapes(const SqlTokenizer *p, size_t iQuote,
                                     uint32_t esc, int bAllowNul, uint32_t *pnChar){
  size_t i = iQuote, iBad;
  char q = p->z[iQuote];
  assert( q=='\'' || q=='"' );
  *pnChar = 0;
  while( i<p->n && p->z[i]==q ){
    i++;
    for(;;){
      uint32_t cp;
      int len;
      assert( i<p->n );
      if( p->z[i]==q ){
        if( i+1<p->n && p->z[i+1]==q ){ i += 2; (*pnChar)++; continue; }
        i++;
        break;
      }
      len = sqlUtf8Decode((const unsigned char*)p->z+i, p->n-i, &cp);
      assert( len>0 );
      (*pnChar)++;
      if( cp==esc ){
        size_t j = i+(size_t)len, k, nHex = 4;
        uint32_t v = 0;
        if( j+(size_t)len<=p->n && memcmp(p->z+i, p->z+j, (size_t)len)==0 ){
          i = j+(size_t)len;
          continue;
        }
        if( j<p->n && p->z[j]=='+' ){ nHex = 6; j++; }
        for(k=0; k<nHex; k++){
          int h = j+k<p->n ? sqlHexValue(p->z[j+k]) : -1;
          if( h<0 ) return i;
          v = v*16 + (uint32_t)h;
        }
        if( (v==0 && !bAllowNul) || v>0x10FFFF || (v>=0xD800 && v<=0xDFFF) ) return i;
        i = j+nHex;
        continue;
      }
      i += (size_t)len;
    }
    if( q=='"' ) break;
    i = sqlSkipSpace(p, i, &iBad);
  }
  return (size_t)-1;
}

/*
** After a U& token ending at iEnd, look for "UESCAPE 'c'".  If present,
** sets *pEsc and returns the offset after it; returns iEnd if absent and 0
** if UESCAPE is there but not followed by a valid escape character.
*/
static size_t sqlScanUescape(const SqlTokenizer *p, size_t iEnd, uint32_t *pEsc){
  size_t iBad, i = sqlSkipSpace(p, iEnd, &iBad);
  uint32_t c;
  int len;
  if( i+7>p->n || strncasecmp(p->z+i, "UESCAPE", 7)!=0
   || sqlIdentCharLen(p, i+7, 0)>0 ){
    return iEnd;
  }
  i = sqlSkipSpace(p, i+7, &iBad);
  if( i>=p->n || p->z[i]!='\'' ) return 0;
  len = sqlUtf8Decode((const unsigned char*)p->z+i+1, p->n-i-1, &c);
  if( len==0 || i+1+(size_t)len>=p->n || p->z[i+1+len]!='\'' ) return 0;
  if( sqlHexValue((int)c)>=0 || c=='+' || c=='\'' || c=='"' || c<=' ' ) return 0;
  *pEsc = c;
  return i+2+(size_t)len;
}

/*
** Scan a string literal whose first quote is at z[iQuote]; the token
** starts at iStart (before any N, X or U& prefix).  Continuation parts
** separated by whitespace or comments are part of the token.
*/
static int sqlScanString(SqlTokenizer *p, SqlToken *pTok, size_t iStart,
                         size_t iQuote, int type){
  size_t i = iQuote, iEnd, iBad;
  uint32_t nChar = 0;
  int code;
  for(;;){
    iEnd = sqlScanQuoted(p, i, &nChar, &iBad, &code);
    if( iEnd==0 ){
      if( code==ML_E_SYNTAX_MISSING ){
        return sqlLexError(p, pTok, iBad, code, "'''");
      }
      return sqlLexErrorAt(p, pTok, iStart, iBad-iStart+1, code);
    }
    if( type==TK_XSTRING ){
      size_t k, nHex = 0;
      for(k=i+1; k<iEnd-1; k++){
        if( sqlHexValue(p->z[k])<0 ) return sqlLexErrorAt(p, pTok, iStart, iEnd-iStart, ML_E_BAD_LITERAL);
        nHex++;
      }
      if( nHex%2 ) return sqlLexErrorAt(p, pTok, iStart, iEnd-iStart, ML_E_BAD_LITERAL);
    }
    i = sqlSkipSpace(p, iEnd, &iBad);
    if( i>=p->n || p->z[i]!='\'' ) break;
  }
  pTok->type = (uint16_t)type;
  pTok->iOff = (uint32_t)iStart;
  pTok->escape = '\\';
  if( type==TK_USTRING ){
    size_t iAfter = sqlScanUescape(p, iEnd, &pTok->escape);
    if( iAfter==0 ) return sqlLexErrorAt(p, pTok, iStart, iEnd-iStart, ML_E_BAD_LITERAL);
    iBad = sqlCheckUnicodeEscapes(p, iQuote, pTok->escape, 1, &nChar);
    if( iBad!=(size_t)-1 ){
      return sqlLexErrorAt(p, pTok, iBad, iEnd-iBad<8 ? iEnd-iBad : 8, ML_E_BAD_LITERAL);
    }
    iEnd = iAfter;
  }
  pTok->n = (uint32_t)(iEnd-iStart);
  p->i = iEnd;
  return type;
}

/*
** Scan a delimited identifier "..." (type TK_DQID) or U&"..." (TK_UQID)
** whose quote is at z[iQuote].  Checks it is neither empty, nor longer
** than SQL_MAX_IDENT_CHARS, nor holds a NUL character.
*/
static int sqlScanDelimited(SqlTokenizer *p, SqlToken *pTok, size_t iStart,
                            size_t iQuote, int type){
  size_t iEnd, iBad, k;
  uint32_t nChar = 0;
  int code;
  iEnd = sqlScanQuoted(p, iQuote, &nChar, &iBad, &code);
  if( iEnd==0 ){
    if( code==ML_E_SYNTAX_MISSING ) return sqlLexError(p, pTok, iBad, code, "'\"'");
    return sqlLexErrorAt(p, pTok, iStart, iBad-iStart+1, code);
  }
  for(k=iQuote; k<iEnd; k++){
    if( p->z[k]==0 ) return sqlLexErrorAt(p, pTok, iStart, iEnd-iStart, ML_E_BAD_LITERAL);
  }
  pTok->escape = '\\';
  if( type==TK_UQID ){
    size_t iAfter = sqlScanUescape(p, iEnd, &pTok->escape);
    if( iAfter==0 ) return sqlLexErrorAt(p, pTok, iStart, iEnd-iStart, ML_E_BAD_LITERAL);
    iBad = sqlCheckUnicodeEscapes(p, iQuote, pTok->escape, 0, &nChar);
    if( iBad!=(size_t)-1 ){
      return sqlLexErrorAt(p, pTok, iBad, iEnd-iBad<8 ? iEnd-iBad : 8, ML_E_BAD_LITERAL);
    }
    iEnd = iAfter;
  }
  if( nChar==0 ) return sqlLexError(p, pTok, iStart, ML_E_SYNTAX_MISSING, "IDENTIFIER");
  if( nChar>SQL_MAX_IDENT_CHARS ){
    return sqlLexErrorAt(p, pTok, iStart, iEnd-iStart, ML_E_IDENT_TOO_LONG);
  }
  pTok->type = (uint16_t)type;
  pTok->iOff = (uint32_t)iStart;
  pTok->n = (uint32_t)(iEnd-iStart);
  p->i = iEnd;
  return type;
}

/*
** Scan a numeric literal at z[i] (a digit, or a point before a digit).
** A number glued to identifier characters is an error, except an unsigned
** integer glued to one K, M or G, which is a large object length (10K).
*/
static int sqlScanNumber(SqlTokenizer *p, SqlToken *pTok, size_t i){
  size_t iStart = i;
  int type = TK_INTLIT;
  while( i<p->n && sqlIsDigit(p->z[i]) ) i++;
  if( i<p->n && p->z[i]=='.' ){
    type = TK_DECLIT;
    i++;
    while( i<p->n && sqlIsDigit(p->z[i]) ) i++;
  }
  if( i<p->n && (p->z[i]=='e' || p->z[i]=='E') ){
    size_t j = i+1;
    if( j<p->n && (p->z[j]=='+' || p->z[j]=='-') ) j++;
    if( j<p->n && sqlIsDigit(p->z[j]) ){
      type = TK_FLOATLIT;
      i = j;
      while( i<p->n && sqlIsDigit(p->z[i]) ) i++;
    }
  }
  if( type==TK_INTLIT && i<p->n && p->z[i]!=0 && strchr("KMGkmg", p->z[i])
   && sqlIdentCharLen(p, i+1, 0)==0 ){
    type = TK_LOBLEN;
    i++;
  }else if( sqlIdentCharLen(p, i, 0)>0 ){
    size_t j = i;
    while( sqlIdentCharLen(p, j, 0)>0 ) j += (size_t)sqlIdentCharLen(p, j, 0);
    return sqlLexErrorAt(p, pTok, iStart, j-iStart, ML_E_SYNTAX_IGNORED);
  }
  pTok->type = (uint16_t)type;
  pTok->iOff = (uint32_t)iStart;
  pTok->n = (uint32_t)(i-iStart);
  p->i = i;
  return type;
}

/*
** Scan a regular identifier or keyword at z[i], which holds an identifier
** start character.
*/
static int sqlScanWord(SqlTokenizer *p, SqlToken *pTok, size_t i){
  size_t iStart = i;
  uint32_t nChar = 0;
  int len;
  while( (len = sqlIdentCharLen(p, i, i==iStart))>0 ){
    i += (size_t)len;
    nChar++;
  }
  assert( i>iStart );
  if( nChar>SQL_MAX_IDENT_CHARS ){
    return sqlLexErrorAt(p, pTok, iStart, i-iStart, ML_E_IDENT_TOO_LONG);
  }
  pTok->type = (uint16_t)sqlKeywordLookup(p->z+iStart, i-iStart);
  pTok->iOff = (uint32_t)iStart;
  pTok->n = (uint32_t)(i-iStart);
  p->i = i;
  return pTok->type;
}

void sqlTokenizerInit(SqlTokenizer *p, const char *z, size_t n){
  p->z = z;
  p->n = n;
  p->i = 0;
  mlErrorClear(&p->err);
}

/*
** Scan the next token into *pTok and return its type.  At the end of the
** input returns TK_EOF (repeatedly).  On a lexical error returns TK_ERROR
** with p->err holding the Mimer error (its message names the position);
** every later call returns TK_EOF.
*/
int sqlTokenNext(SqlTokenizer *p, SqlToken *pTok){
  size_t iBad, i = sqlSkipSpace(p, p->i, &iBad);
  unsigned char c, c1;
  int type;
  pTok->escape = 0;
  if( iBad!=(size_t)-1 ) return sqlLexError(p, pTok, iBad, ML_E_SYNTAX_MISSING, "'*/'");
  if( i>=p->n ){
    pTok->type = TK_EOF;
    pTok->iOff = (uint32_t)p->n;
    pTok->n = 0;
    p->i = p->n;
    return TK_EOF;
  }
  c = (unsigned char)p->z[i];
  c1 = i+1<p->n ? (unsigned char)p->z[i+1] : 0;
  if( (c=='N' || c=='n') && c1=='\'' ) return sqlScanString(p, pTok, i, i+1, TK_NSTRING);
  if( (c=='X' || c=='x') && c1=='\'' ) return sqlScanString(p, pTok, i, i+1, TK_XSTRING);
  if( (c=='U' || c=='u') && c1=='&' && i+2<p->n ){
    if( p->z[i+2]=='\'' ) return sqlScanString(p, pTok, i, i+2, TK_USTRING);
    if( p->z[i+2]=='"' ) return sqlScanDelimited(p, pTok, i, i+2, TK_UQID);
  }
  if( sqlIdentCharLen(p, i, 1)>0 ) return sqlScanWord(p, pTok, i);
  if( sqlIsDigit(c) || (c=='.' && sqlIsDigit(c1)) ) return sqlScanNumber(p, pTok, i);
  if( c=='\'' ) return sqlScanString(p, pTok, i, i, TK_STRING);
  if( c=='"' ) return sqlScanDelimited(p, pTok, i, i, TK_DQID);
  pTok->iOff = (uint32_t)i;
  pTok->n = 1;
  switch( c ){
    case '(': type = TK_LP; break;
    case ')': type = TK_RP; break;
    case ',': type = TK_COMMA; break;
    case '.': type = TK_DOT; break;
    case ';': type = TK_SEMI; break;
    case '+': type = TK_PLUS; break;
    case '-': type = TK_MINUS; break;
    case '*': type = TK_STAR; break;
    case '/': type = TK_SLASH; break;
    case '=': type = TK_EQ; break;
    case '?': type = TK_QMARK; break;
    case '|':
      if( c1!='|' ) return sqlLexErrorAt(p, pTok, i, 1, ML_E_SYNTAX_IGNORED);
      type = TK_CONCAT; pTok->n = 2;
      break;
    case '!':
      if( c1!='=' ) return sqlLexErrorAt(p, pTok, i, 1, ML_E_SYNTAX_IGNORED);
      type = TK_NE; pTok->n = 2;
      break;
    case '<':
      if( c1=='>' ){ type = TK_NE; pTok->n = 2; }
      else if( c1=='=' ){ type = TK_LE; pTok->n = 2; }
      else type = TK_LT;
      break;
    case '>':
      if( c1=='=' ){ type = TK_GE; pTok->n = 2; }
      else type = TK_GT;
      break;
    case ':': {
      size_t j = i+1;
      int len;
      if( sqlIdentCharLen(p, j, 1)==0 ) return sqlLexErrorAt(p, pTok, i, 1, ML_E_SYNTAX_IGNORED);
      while( (len = sqlIdentCharLen(p, j, 0))>0 ) j += (size_t)len;
      type = TK_NAMEDPARAM;
      pTok->n = (uint32_t)(j-i);
      break;
    }
    default: {
      uint32_t cp;
      int len = sqlUtf8Decode((const unsigned char*)p->z+i, p->n-i, &cp);
      return sqlLexErrorAt(p, pTok, i, len ? (size_t)len : 1, ML_E_SYNTAX_IGNORED);
    }
  }
  pTok->type = (uint16_t)type;
  p->i = i + pTok->n;
  return type;
}

/*
** Append the contents of the quoted section starting at the quote z[i] to
** zOut (undoubling quotes, and for Unicode forms resolving escapes with
** escape character esc, 0 for none).  z[0..nz-1] is a token the tokenizer
** accepted.  Returns the offset after the closing quote; *pn grows by the
** bytes written, never more than the section's length.
*/
static size_t sqlDecodeSection(const char *z, size_t nz, size_t i, uint32_t esc,
                               char *zOut, uint32_t *pn){
  char q = z[i++];
  while( i<nz ){
    uint32_t cp;
    int len;
    if( z[i]==q ){
      if( i+1>=nz || z[i+1]!=q ) return i+1;
      zOut[(*pn)++] = q;
      i += 2;
      continue;
    }
    len = sqlUtf8Decode((const unsigned char*)z+i, nz-i, &cp);
    assert( len>0 );
    if( len==0 ) break;   /* cannot happen: the token was validated */
    if( esc && cp==esc ){
      size_t j = i+(size_t)len, k, nHex = 4;
      uint32_t v = 0;
      if( j+(size_t)len<=nz && memcmp(z+i, z+j, (size_t)len)==0 ){
        memcpy(zOut+*pn, z+i, (size_t)len);
        *pn += (uint32_t)len;
        i = j+(size_t)len;
        continue;
      }
      if( j<nz && z[j]=='+' ){ nHex = 6; j++; }
      for(k=0; k<nHex && j+k<nz; k++) v = v*16 + (uint32_t)sqlHexValue(z[j+k]);
      assert( v<=0x10FFFF );
      *pn += (uint32_t)sqlUtf8Encode(v, zOut+*pn);
      i = j+nHex;
      continue;
    }
    memcpy(zOut+*pn, z+i, (size_t)len);
    *pn += (uint32_t)len;
    i += (size_t)len;
  }
  return nz;
}

/*
** The name an identifier token stands for, NUL-terminated, allocated from
** pArena: a regular identifier or keyword as written, a delimited one with
** its quotes removed and escapes resolved.  Returns ML_OK or ML_E_NOMEM.
*/
int sqlTokenIdent(Arena *pArena, const char *zSql, const SqlToken *pTok,
                  const char **pz){
  const char *z = zSql + pTok->iOff;
  char *zOut;
  uint32_t n = 0;
  if( pTok->type!=TK_DQID && pTok->type!=TK_UQID ){
    zOut = arenaStrndup(pArena, z, pTok->n);
    if( zOut==0 ) return ML_E_NOMEM;
    *pz = zOut;
    return ML_OK;
  }
  zOut = arenaAlloc(pArena, pTok->n+1);
  if( zOut==0 ) return ML_E_NOMEM;
  if( pTok->type==TK_DQID ){
    sqlDecodeSection(z, pTok->n, 0, 0, zOut, &n);
  }else{
    sqlDecodeSection(z, pTok->n, 2, pTok->escape, zOut, &n);
  }
  zOut[n] = 0;
  *pz = zOut;
  return ML_OK;
}

/*
** The value of a string literal token (all continuation parts joined),
** allocated from pArena: UTF-8 text for TK_STRING, TK_NSTRING and
** TK_USTRING, the bytes for TK_XSTRING.  *pz is NUL-terminated for
** convenience; *pn is its length in bytes.  Returns ML_OK or ML_E_NOMEM.
*/
int sqlTokenString(Arena *pArena, const char *zSql, const SqlToken *pTok,
                   const char **pz, uint32_t *pn){
  const char *z = zSql + pTok->iOff;
  uint32_t esc = pTok->type==TK_USTRING ? pTok->escape : 0;
  size_t i = 0;
  uint32_t n = 0;
  char *zOut = arenaAlloc(pArena, pTok->n+1);
  assert( pTok->type>=TK_STRING && pTok->type<=TK_XSTRING );
  if( zOut==0 ) return ML_E_NOMEM;
  while( z[i]!='\'' ) i++;            /* skip the N, X or U& prefix */
  while( i<pTok->n ){
    char c = z[i];
    if( c=='\'' ){
      uint32_t nStart = n;
      i = sqlDecodeSection(z, pTok->n, i, esc, zOut, &n);
      if( pTok->type==TK_XSTRING ){
        uint32_t k, nHex = n-nStart;
        for(k=0; k<nHex; k+=2){
          zOut[nStart+k/2] = (char)(sqlHexValue(zOut[nStart+k])*16 + sqlHexValue(zOut[nStart+k+1]));
        }
        n = nStart + nHex/2;
      }
    }else if( c=='-' && i+1<pTok->n && z[i+1]=='-' ){
      while( i<pTok->n && z[i]!='\n' && z[i]!='\r' ) i++;
    }else if( c=='/' && i+1<pTok->n && z[i+1]=='*' ){
      i += 2;
      while( i+1<pTok->n && !(z[i]=='*' && z[i+1]=='/') ) i++;
      i += 2;
    }else if( sqlIsSpace(c) ){
      i++;
    }else{
      break;   /* the UESCAPE clause */
    }
  }
  zOut[n] = 0;
  *pz = zOut;
  *pn = n;
  return ML_OK;
}
