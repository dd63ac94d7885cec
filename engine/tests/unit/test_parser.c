/*
** Unit tests of the SQL front end (engine/src/sql/): tokenizer, keyword
** table, parser, AST and AST printer.
**
** The core is table driven: every accepted statement is parsed, printed
** back by the AST printer and compared with its expected canonical text;
** the printed text must re-parse and print identically (idempotence).
** Every rejected statement must fail with its Mimer error code and the
** exact message, which names the line and column.  Around that: direct
** checks of the trees (precedence, literal classes, parameter numbering,
** declared types), the limits (identifier length, nesting), and a
** robustness run that feeds ~100,000 random mutations of the corpus and
** ~20,000 random token soups through the parser (the test also runs under
** ASan/UBSan): it must never crash, must return ML_OK or a negative code
** with a positioned message, and whatever it accepts must print and
** re-parse idempotently.
*/
#include "sql/astprint.h"
#include "sql/parse.h"
#include "sql/tokenize.h"
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

typedef struct AcceptCase {
  const char *zSql;        /* statement */
  const char *zCanon;      /* expected canonical text; 0 = zSql itself */
} AcceptCase;

typedef struct RejectCase {
  const char *zSql;        /* statement */
  int code;                /* expected Mimer code */
  const char *zMsg;        /* expected message */
} RejectCase;

/* Accepted statements: input, canonical text (0 = the input is canonical). */
static const AcceptCase aAccept[] = {
  /* queries: select list, FROM, WHERE */
  { "SELECT a FROM t", 0 },
  { "select a, b from t", "SELECT a, b FROM t" },
  { "SELECT * FROM t", 0 },
  { "SELECT t.* FROM t", 0 },
  { "SELECT s.t.* FROM s.t", 0 },
  { "SELECT t.*, u.b FROM t, u", 0 },
  { "SELECT DISTINCT a FROM t", 0 },
  { "SELECT ALL a FROM t", 0 },
  { "SELECT a AS x, b y FROM t", "SELECT a AS x, b AS y FROM t" },
  { "SELECT a \"Quoted Alias\" FROM t", "SELECT a AS \"Quoted Alias\" FROM t" },
  { "SELECT s.t.c FROM s.t", 0 },
  { "SELECT 1 FROM system.onerow", 0 },
  { "SELECT 1+1 FROM system.onerow", "SELECT (1 + 1) FROM system.onerow" },
  { "select current_date from system.onerow", "SELECT CURRENT_DATE FROM system.onerow" },
  { "select current_schema from system.onerow", "SELECT CURRENT_SCHEMA FROM system.onerow" },
  { "select current_user from system.onerow", "SELECT CURRENT_USER FROM system.onerow" },
  { "SELECT NEXT VALUE FOR s FROM system.onerow", 0 },
  { "SELECT NEXT VALUE FOR \"myschema\".\"seq\" FROM system.onerow", 0 },
  { "SELECT CURRENT VALUE FOR s.q FROM system.onerow", 0 },
  { "SELECT * FROM (VALUES(0))", "SELECT * FROM (VALUES (0))" },
  { "SELECT x FROM (VALUES (1), (2)) AS v (x)", 0 },
  { "SELECT a FROM t WHERE a = 1", "SELECT a FROM t WHERE (a = 1)" },
  { "SELECT a FROM t WHERE a <> 1 AND b != 2", "SELECT a FROM t WHERE ((a <> 1) AND (b <> 2))" },
  { "SELECT a FROM t WHERE a < 1 OR a <= 2 OR a > 3 OR a >= 4", "SELECT a FROM t WHERE ((((a < 1) OR (a <= 2)) OR (a > 3)) OR (a >= 4))" },
  { "SELECT a FROM t WHERE NOT a = 1", "SELECT a FROM t WHERE (NOT (a = 1))" },
  { "SELECT a FROM t WHERE NOT (a = 1 OR b = 2) AND c = 3", "SELECT a FROM t WHERE ((NOT ((a = 1) OR (b = 2))) AND (c = 3))" },
  { "SELECT a FROM t WHERE a = 1 OR b = 2 AND c = 3", "SELECT a FROM t WHERE ((a = 1) OR ((b = 2) AND (c = 3)))" },
  { "SELECT a FROM t WHERE (a = 1 OR b = 2) AND c = 3", "SELECT a FROM t WHERE (((a = 1) OR (b = 2)) AND (c = 3))" },
  { "SELECT a FROM t WHERE NOT NOT a", "SELECT a FROM t WHERE (NOT (NOT a))" },
  { "SELECT a FROM t WHERE (a = b) = c", "SELECT a FROM t WHERE ((a = b) = c)" },
  { "SELECT a FROM t x WHERE x.a = 1", "SELECT a FROM t AS x WHERE (x.a = 1)" },
  { "SELECT a FROM t AS x (p, q)", 0 },
  { "SELECT a FROM s.t AS x", 0 },
  /* arithmetic and precedence */
  { "SELECT a + b * c FROM t", "SELECT (a + (b * c)) FROM t" },
  { "SELECT (a + b) * c FROM t", "SELECT ((a + b) * c) FROM t" },
  { "SELECT a - b - c FROM t", "SELECT ((a - b) - c) FROM t" },
  { "SELECT a - (b - c) FROM t", "SELECT (a - (b - c)) FROM t" },
  { "SELECT a / b / c FROM t", "SELECT ((a / b) / c) FROM t" },
  { "SELECT -a FROM t", "SELECT (-a) FROM t" },
  { "SELECT - -a FROM t", "SELECT (-(-a)) FROM t" },
  { "SELECT -a * b FROM t", "SELECT ((-a) * b) FROM t" },
  { "SELECT +a FROM t", "SELECT (+a) FROM t" },
  { "SELECT a * -1 FROM t", "SELECT (a * (-1)) FROM t" },
  { "SELECT a || b || c FROM t", "SELECT ((a || b) || c) FROM t" },
  { "SELECT a || b + c FROM t", "SELECT ((a || b) + c) FROM t" },
  { "SELECT a + b || c FROM t", "SELECT ((a + b) || c) FROM t" },
  { "SELECT a || 'x' FROM t", "SELECT (a || 'x') FROM t" },
  { "SELECT a+b FROM t WHERE a+b>c*d", "SELECT (a + b) FROM t WHERE ((a + b) > (c * d))" },
  { "SELECT a / CAST(b AS DECIMAL) FROM t", "SELECT (a / CAST(b AS DECIMAL)) FROM t" },
  /* literals */
  { "SELECT 42, 007, 3.14, 003.1400, .5, 1., 1E5, 1e-5, 2.5E+10, .5e3 FROM t", 0 },
  { "SELECT 'abc', '', 'it''s' FROM t", 0 },
  { "SELECT 'data'\n  'base' FROM t", "SELECT 'database' FROM t" },
  { "SELECT 'a' /* c */ 'b' -- x\n  'c' FROM t", "SELECT 'abc' FROM t" },
  { "SELECT N'nat', n'x', N'' FROM t", "SELECT N'nat', N'x', N'' FROM t" },
  { "SELECT N'a' 'b' FROM t", "SELECT N'ab' FROM t" },
  { "SELECT U&'Malm\\00F6', U&'', U&'\\+01F600', U&'a\\\\b' FROM t", 0 },
  { "SELECT U&'x!0041' UESCAPE '!' FROM t", "SELECT U&'xA' FROM t" },
  { "SELECT U&'a\\0000b\\000A' FROM t", 0 },
  { "SELECT U&'x' \"col\", U&'\\00e4' UESCAPE '\\' \"d\" FROM t", "SELECT U&'x' AS \"col\", U&'\\00E4' AS \"d\" FROM t" },
  { "SELECT X'0D0A09', x'ff', X'' FROM t", "SELECT X'0D0A09', X'FF', X'' FROM t" },
  { "SELECT X'0D' '0A' FROM t", "SELECT X'0D0A' FROM t" },
  { "SELECT DATE '2024-01-01', DATE'2024-01-02', date '2024-01-03' FROM t", "SELECT DATE '2024-01-01', DATE '2024-01-02', DATE '2024-01-03' FROM t" },
  { "SELECT TIME '09:14:00', TIME '09:14:00.123' FROM t", 0 },
  { "SELECT TIMESTAMP '2020-09-17 11:21:51', TIMESTAMP '2020-09-17 11:21:51.5' FROM t", 0 },
  { "SELECT INTERVAL '12' DAY FROM t", 0 },
  { "SELECT INTERVAL '34' SECOND(4) FROM t", 0 },
  { "SELECT INTERVAL '3 00:00:45' DAY TO SECOND(2) FROM t", 0 },
  { "SELECT INTERVAL '1-02' YEAR TO MONTH FROM t", 0 },
  { "SELECT INTERVAL '1' SECOND FROM t", 0 },
  { "SELECT INTERVAL '5' YEAR(4), INTERVAL '5' MONTH(3), INTERVAL '5' HOUR(8), INTERVAL '5' MINUTE(10) FROM t", 0 },
  { "SELECT INTERVAL '1 02' DAY TO HOUR, INTERVAL '1 02:03' DAY(3) TO MINUTE FROM t", 0 },
  { "SELECT INTERVAL '01:02' HOUR TO MINUTE, INTERVAL '01:02:03' HOUR TO SECOND, INTERVAL '02:03.5' MINUTE TO SECOND(1) FROM t", 0 },
  { "SELECT INTERVAL '1.5' SECOND(2,3) FROM t", 0 },
  { "SELECT INTERVAL -'1' DAY, INTERVAL +'1' DAY FROM t", "SELECT INTERVAL -'1' DAY, INTERVAL '1' DAY FROM t" },
  { "SELECT TRUE, FALSE, UNKNOWN, NULL FROM t", 0 },
  { "SELECT true, false FROM t", "SELECT TRUE, FALSE FROM t" },
  { "SELECT ts + 3 * INTERVAL '1' DAY FROM t", "SELECT (ts + (3 * INTERVAL '1' DAY)) FROM t" },
  /* identifiers */
  { "SELECT \"a\"\"b\" FROM \"T\"", 0 },
  { "SELECT \"select\" FROM \"from\"", 0 },
  { "SELECT \"value\" FROM t", 0 },
  { "SELECT text, date, time, timestamp, integer, char, varchar FROM t", 0 },
  { "SELECT U&\"M\\00FCnchen\" FROM t", "SELECT \"München\" FROM t" },
  { "SELECT U&\"x!00e4\" UESCAPE '!' FROM t", "SELECT \"xä\" FROM t" },
  { "SELECT åäö, Müller, 名前 FROM tbl", 0 },
  { "SELECT $a, #b, a$b, a#b, a_b, a1 FROM t", 0 },
  { "SELECT MixedCase FROM MixedTable", 0 },
  { "SELECT position, substring, trim, extract, overlay FROM t", 0 },
  { "SELECT data, key, action, ident, schema, sequence FROM t", 0 },
  /* parameters */
  { "SELECT a FROM t WHERE a = ?", "SELECT a FROM t WHERE (a = ?)" },
  { "SELECT a FROM t WHERE a = ? AND b = ? AND c = ?", "SELECT a FROM t WHERE (((a = ?) AND (b = ?)) AND (c = ?))" },
  { "SELECT a FROM t WHERE a = :name AND b = :other", "SELECT a FROM t WHERE ((a = :name) AND (b = :other))" },
  { "SELECT a FROM t WHERE a = :x AND b = ? AND c = :x", "SELECT a FROM t WHERE (((a = :x) AND (b = ?)) AND (c = :x))" },
  { "SELECT CAST(? AS INTEGER) FROM system.onerow", 0 },
  /* predicates */
  { "SELECT a FROM t WHERE a IS NULL", "SELECT a FROM t WHERE (a IS NULL)" },
  { "SELECT a FROM t WHERE a IS NOT NULL", "SELECT a FROM t WHERE (a IS NOT NULL)" },
  { "SELECT a FROM t WHERE a IS TRUE OR b IS NOT FALSE OR c IS UNKNOWN OR d IS NOT UNKNOWN", "SELECT a FROM t WHERE ((((a IS TRUE) OR (b IS NOT FALSE)) OR (c IS UNKNOWN)) OR (d IS NOT UNKNOWN))" },
  { "SELECT a FROM t WHERE a LIKE 'x%'", "SELECT a FROM t WHERE (a LIKE 'x%')" },
  { "SELECT a FROM t WHERE a NOT LIKE 'x%'", "SELECT a FROM t WHERE (a NOT LIKE 'x%')" },
  { "SELECT a FROM t WHERE a LIKE '%/_%' ESCAPE '/'", "SELECT a FROM t WHERE (a LIKE '%/_%' ESCAPE '/')" },
  { "SELECT a FROM t WHERE lower(a) LIKE lower(?) ESCAPE '/'", "SELECT a FROM t WHERE (lower(a) LIKE lower(?) ESCAPE '/')" },
  { "SELECT a FROM t WHERE a BETWEEN 1 AND 10", "SELECT a FROM t WHERE (a BETWEEN 1 AND 10)" },
  { "SELECT a FROM t WHERE a NOT BETWEEN 1 AND 10", "SELECT a FROM t WHERE (a NOT BETWEEN 1 AND 10)" },
  { "SELECT a FROM t WHERE a BETWEEN SYMMETRIC 10 AND 1", "SELECT a FROM t WHERE (a BETWEEN SYMMETRIC 10 AND 1)" },
  { "SELECT a FROM t WHERE a BETWEEN ASYMMETRIC 1 AND 10", "SELECT a FROM t WHERE (a BETWEEN ASYMMETRIC 1 AND 10)" },
  { "SELECT a FROM t WHERE a BETWEEN 1 AND 10 AND b = 2", "SELECT a FROM t WHERE ((a BETWEEN 1 AND 10) AND (b = 2))" },
  { "SELECT a FROM t WHERE a BETWEEN b + 1 AND c * 2", "SELECT a FROM t WHERE (a BETWEEN (b + 1) AND (c * 2))" },
  { "SELECT a FROM t WHERE a IN (1, 2, 3)", "SELECT a FROM t WHERE (a IN (1, 2, 3))" },
  { "SELECT a FROM t WHERE a NOT IN (1)", "SELECT a FROM t WHERE (a NOT IN (1))" },
  { "SELECT a FROM t WHERE a IN (?, ?, ?)", "SELECT a FROM t WHERE (a IN (?, ?, ?))" },
  { "SELECT a FROM t WHERE a IN (SELECT b FROM u)", "SELECT a FROM t WHERE (a IN (SELECT b FROM u))" },
  { "SELECT a FROM t WHERE a NOT IN (SELECT b FROM u WHERE u.c = t.c)", "SELECT a FROM t WHERE (a NOT IN (SELECT b FROM u WHERE (u.c = t.c)))" },
  { "SELECT a FROM t WHERE a IN ((SELECT b FROM u) UNION (SELECT c FROM v))", "SELECT a FROM t WHERE (a IN (SELECT b FROM u UNION SELECT c FROM v))" },
  { "SELECT a FROM t WHERE a IN ((SELECT b FROM u))", "SELECT a FROM t WHERE (a IN ((SELECT b FROM u)))" },
  { "SELECT a FROM t WHERE a IN (NULL) AND (1 != 1)", "SELECT a FROM t WHERE ((a IN (NULL)) AND (1 <> 1))" },
  { "SELECT a FROM t WHERE EXISTS (SELECT 1 FROM u)", 0 },
  { "SELECT a FROM t WHERE NOT EXISTS (SELECT * FROM u WHERE u.a = t.a)", "SELECT a FROM t WHERE (NOT EXISTS (SELECT * FROM u WHERE (u.a = t.a)))" },
  { "SELECT a FROM t WHERE a = ANY (SELECT b FROM u)", "SELECT a FROM t WHERE (a = ANY (SELECT b FROM u))" },
  { "SELECT a FROM t WHERE a > ALL (SELECT b FROM u)", "SELECT a FROM t WHERE (a > ALL (SELECT b FROM u))" },
  { "SELECT a FROM t WHERE a <> SOME (SELECT b FROM u)", "SELECT a FROM t WHERE (a <> SOME (SELECT b FROM u))" },
  { "SELECT a FROM t WHERE a = (SELECT MAX(b) FROM u)", "SELECT a FROM t WHERE (a = (SELECT MAX(b) FROM u))" },
  { "SELECT (SELECT COUNT(*) FROM u) AS n FROM t", 0 },
  { "SELECT CASE WHEN EXISTS (SELECT 1 FROM t) THEN 1 ELSE 0 END FROM SYSTEM.ONEROW", 0 },
  { "SELECT a FROM t WHERE a COLLATE SWEDISH_1 = 'x'", "SELECT a FROM t WHERE ((a COLLATE SWEDISH_1) = 'x')" },
  { "SELECT a FROM t ORDER BY a COLLATE ENGLISH_1", "SELECT a FROM t ORDER BY (a COLLATE ENGLISH_1)" },
  /* CASE, CAST, functions, special forms */
  { "SELECT CASE WHEN a > 1 THEN 'x' WHEN a > 0 THEN 'y' ELSE 'z' END FROM t", "SELECT CASE WHEN (a > 1) THEN 'x' WHEN (a > 0) THEN 'y' ELSE 'z' END FROM t" },
  { "SELECT CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' END FROM t", 0 },
  { "SELECT case b when false then 0 when true then 1 end FROM t", "SELECT CASE b WHEN FALSE THEN 0 WHEN TRUE THEN 1 END FROM t" },
  { "SELECT CASE WHEN a IS NULL THEN NULL END FROM t", "SELECT CASE WHEN (a IS NULL) THEN NULL END FROM t" },
  { "SELECT CAST(a AS VARCHAR(10)), CAST('2020-09-17 11:21:51' AS TIMESTAMP(2)), CAST(b AS BUILTIN.UUID) FROM t", 0 },
  { "SELECT CAST(TIMESTAMP '2020-09-17 11:21:51' AS TIMESTAMP(4)) FROM t", 0 },
  { "SELECT CAST(b AS NCHAR VARYING(20)), CAST(c AS INTERVAL HOUR(3)) FROM t", "SELECT CAST(b AS NVARCHAR(20)), CAST(c AS INTERVAL HOUR(3)) FROM t" },
  { "SELECT COUNT(*), COUNT(a), COUNT(DISTINCT a), SUM(ALL b), AVG(c), MIN(d), MAX(e) FROM t", 0 },
  { "SELECT COUNT(*) AS cnt FROM t GROUP BY a", 0 },
  { "SELECT COALESCE(a, b, 0), NULLIF(a, 0), ABS(a), MOD(a, 2), ROUND(a, 2), UPPER(s), LOWER(s) FROM t", 0 },
  { "SELECT CHAR_LENGTH(s), CHARACTER_LENGTH(s), OCTET_LENGTH(s), BIT_LENGTH(s) FROM t", 0 },
  { "SELECT BUILTIN.UUID_AS_TEXT(id), builtin.gis_location_as_text(loc) FROM t", 0 },
  { "SELECT LEFT(s, 2), RIGHT(s, 3), REPEAT(s, 2) FROM t", 0 },
  { "SELECT DAY(d), MONTH(d), YEAR(d), HOUR(tm), MINUTE(tm), SECOND(tm) FROM t", 0 },
  { "SELECT DAYOFWEEK(d), DAYOFYEAR(d), WEEK(d), SOUNDEX(s), IRAND() FROM t", 0 },
  { "SELECT f() FROM t", 0 },
  { "SELECT SUBSTRING(s FROM 2), SUBSTRING(s FROM 2 FOR 3) FROM t", 0 },
  { "SELECT TRIM(s), TRIM(LEADING 'x' FROM s), TRIM(TRAILING FROM s), TRIM(BOTH ' ' FROM s), TRIM('x' FROM s) FROM t", 0 },
  { "SELECT POSITION('a' IN s), POSITION(a || b IN c) FROM t", "SELECT POSITION('a' IN s), POSITION((a || b) IN c) FROM t" },
  { "SELECT EXTRACT(YEAR FROM d), EXTRACT(MONTH FROM d), EXTRACT(DAY FROM d), EXTRACT(HOUR FROM ts), EXTRACT(MINUTE FROM ts), EXTRACT(SECOND FROM ts) FROM t", 0 },
  { "SELECT OVERLAY(s PLACING 'ab' FROM 2), OVERLAY(s PLACING 'ab' FROM 2 FOR 3) FROM t", 0 },
  { "SELECT CURRENT_DATE, CURRENT_TIME, CURRENT_TIME(2), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP(6) FROM t", 0 },
  { "SELECT LOCALTIME, LOCALTIME(0), LOCALTIMESTAMP, LOCALTIMESTAMP(3) FROM t", 0 },
  { "SELECT USER, CURRENT_USER, SESSION_USER, SYSTEM_USER, CURRENT_PATH, CURRENT_SCHEMA FROM t", 0 },
  { "SELECT (ts2 - ts1) DAY(7) FROM t", "SELECT ((ts2 - ts1) DAY(7)) FROM t" },
  { "SELECT CAST((ts2 - ts1) SECOND(12,9) AS BIGINT) FROM t", "SELECT CAST(((ts2 - ts1) SECOND(12,9)) AS BIGINT) FROM t" },
  { "SELECT (d) YEAR TO MONTH FROM t", "SELECT ((d) YEAR TO MONTH) FROM t" },
  { "SELECT (SELECT a FROM u) DAY FROM t", "SELECT ((SELECT a FROM u) DAY) FROM t" },
  /* joins */
  { "SELECT * FROM a JOIN b ON a.x = b.x", "SELECT * FROM a JOIN b ON (a.x = b.x)" },
  { "SELECT * FROM a INNER JOIN b ON a.x = b.x", "SELECT * FROM a JOIN b ON (a.x = b.x)" },
  { "SELECT * FROM a LEFT JOIN b ON a.x = b.x", "SELECT * FROM a LEFT JOIN b ON (a.x = b.x)" },
  { "SELECT * FROM a LEFT OUTER JOIN b ON a.x = b.x", "SELECT * FROM a LEFT JOIN b ON (a.x = b.x)" },
  { "SELECT * FROM a RIGHT OUTER JOIN b ON a.x = b.x", "SELECT * FROM a RIGHT JOIN b ON (a.x = b.x)" },
  { "SELECT * FROM a FULL OUTER JOIN b ON a.x = b.x", "SELECT * FROM a FULL JOIN b ON (a.x = b.x)" },
  { "SELECT * FROM a CROSS JOIN b", 0 },
  { "SELECT * FROM a NATURAL JOIN b", 0 },
  { "SELECT * FROM a NATURAL LEFT JOIN b", 0 },
  { "SELECT * FROM a JOIN b USING (x, y)", 0 },
  { "SELECT * FROM a JOIN b ON a.x = b.x JOIN c ON b.y = c.y LEFT JOIN d ON c.z = d.z", "SELECT * FROM a JOIN b ON (a.x = b.x) JOIN c ON (b.y = c.y) LEFT JOIN d ON (c.z = d.z)" },
  { "SELECT * FROM a JOIN (b JOIN c ON b.y = c.y) ON a.x = b.x", "SELECT * FROM a JOIN (b JOIN c ON (b.y = c.y)) ON (a.x = b.x)" },
  { "SELECT * FROM (a JOIN b ON a.x = b.x)", "SELECT * FROM a JOIN b ON (a.x = b.x)" },
  { "SELECT * FROM ((a JOIN b ON a.x = b.x))", "SELECT * FROM a JOIN b ON (a.x = b.x)" },
  { "SELECT * FROM a, b, c WHERE a.x = b.x", "SELECT * FROM a, b, c WHERE (a.x = b.x)" },
  { "SELECT * FROM a x JOIN b y ON x.i = y.i", "SELECT * FROM a AS x JOIN b AS y ON (x.i = y.i)" },
  { "SELECT * FROM (SELECT a FROM t) AS d", 0 },
  { "SELECT * FROM (SELECT a FROM t) d (x)", "SELECT * FROM (SELECT a FROM t) AS d (x)" },
  { "SELECT * FROM (SELECT a FROM t)", 0 },
  { "SELECT * FROM ((SELECT a FROM t) UNION (SELECT b FROM u)) AS d", "SELECT * FROM (SELECT a FROM t UNION SELECT b FROM u) AS d" },
  { "SELECT * FROM ((SELECT a FROM t)) AS d", "SELECT * FROM (SELECT a FROM t) AS d" },
  { "SELECT * FROM ((SELECT a FROM t) AS d JOIN u ON d.a = u.a)", "SELECT * FROM (SELECT a FROM t) AS d JOIN u ON (d.a = u.a)" },
  { "SELECT * FROM t JOIN (SELECT a FROM u) AS d ON t.a = d.a", "SELECT * FROM t JOIN (SELECT a FROM u) AS d ON (t.a = d.a)" },
  { "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (n, s) JOIN t ON t.n = v.n", "SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS v (n, s) JOIN t ON (t.n = v.n)" },
  { "SELECT * FROM (WITH w AS (SELECT 1 AS x FROM system.onerow) SELECT x FROM w) AS d", 0 },
  /* grouping, set operations, ordering, row limiting */
  { "SELECT a, COUNT(*) FROM t GROUP BY a", 0 },
  { "SELECT a, b, SUM(c) FROM t GROUP BY a, b HAVING SUM(c) > 10", "SELECT a, b, SUM(c) FROM t GROUP BY a, b HAVING (SUM(c) > 10)" },
  { "SELECT a FROM t HAVING COUNT(*) > 1", "SELECT a FROM t HAVING (COUNT(*) > 1)" },
  { "SELECT a FROM t UNION SELECT b FROM u", 0 },
  { "SELECT a FROM t UNION ALL SELECT b FROM u", 0 },
  { "SELECT a FROM t UNION DISTINCT SELECT b FROM u", 0 },
  { "SELECT a FROM t EXCEPT SELECT b FROM u", 0 },
  { "SELECT a FROM t INTERSECT SELECT b FROM u", 0 },
  { "SELECT a FROM t INTERSECT ALL SELECT b FROM u", 0 },
  { "SELECT a FROM t EXCEPT ALL SELECT b FROM u", 0 },
  { "SELECT a FROM t UNION SELECT b FROM u UNION SELECT c FROM v", "(SELECT a FROM t UNION SELECT b FROM u) UNION SELECT c FROM v" },
  { "SELECT a FROM t UNION SELECT b FROM u INTERSECT SELECT c FROM v", "SELECT a FROM t UNION (SELECT b FROM u INTERSECT SELECT c FROM v)" },
  { "SELECT a FROM t INTERSECT SELECT b FROM u UNION SELECT c FROM v", "(SELECT a FROM t INTERSECT SELECT b FROM u) UNION SELECT c FROM v" },
  { "SELECT a FROM t EXCEPT SELECT b FROM u EXCEPT SELECT c FROM v", "(SELECT a FROM t EXCEPT SELECT b FROM u) EXCEPT SELECT c FROM v" },
  { "SELECT a FROM t EXCEPT (SELECT b FROM u EXCEPT SELECT c FROM v)", 0 },
  { "(SELECT a FROM t UNION SELECT b FROM u) INTERSECT SELECT c FROM v", 0 },
  { "(SELECT a FROM t) UNION (SELECT b FROM u)", "SELECT a FROM t UNION SELECT b FROM u" },
  { "((SELECT a FROM t))", "SELECT a FROM t" },
  { "(SELECT a FROM t ORDER BY a FETCH FIRST 1 ROWS ONLY) UNION SELECT b FROM u", 0 },
  { "SELECT a FROM t UNION SELECT b FROM u ORDER BY 1", 0 },
  { "(SELECT a FROM t ORDER BY a) FETCH FIRST 2 ROWS ONLY", "SELECT a FROM t ORDER BY a FETCH FIRST 2 ROWS ONLY" },
  { "SELECT a FROM t ORDER BY a", 0 },
  { "SELECT a FROM t ORDER BY a ASC, b DESC, 3", 0 },
  { "SELECT a, b FROM t ORDER BY 2 DESC, a + b", "SELECT a, b FROM t ORDER BY 2 DESC, (a + b)" },
  { "SELECT a FROM t ORDER BY a OFFSET 10 ROWS", 0 },
  { "SELECT a FROM t OFFSET 1 ROW", "SELECT a FROM t OFFSET 1 ROWS" },
  { "SELECT a FROM t FETCH FIRST 5 ROWS ONLY", 0 },
  { "SELECT a FROM t FETCH NEXT 1 ROW ONLY", "SELECT a FROM t FETCH FIRST 1 ROWS ONLY" },
  { "SELECT a FROM t FETCH FIRST ROW ONLY", "SELECT a FROM t FETCH FIRST ROWS ONLY" },
  { "SELECT a FROM t ORDER BY a OFFSET 5 ROWS FETCH FIRST 10 ROWS ONLY", 0 },
  { "SELECT a FROM t OFFSET ? ROWS FETCH FIRST ? ROWS ONLY", 0 },
  { "SELECT a FROM t FETCH FIRST :n ROWS ONLY", 0 },
  { "SELECT a FROM t WHERE a IN (SELECT b FROM u ORDER BY b OFFSET 1 ROWS)", "SELECT a FROM t WHERE (a IN (SELECT b FROM u ORDER BY b OFFSET 1 ROWS))" },
  { "SELECT a FROM t FOR UPDATE", 0 },
  { "SELECT a FROM t FOR UPDATE OF a, b", 0 },
  { "SELECT a FROM t FOR READ ONLY", 0 },
  /* WITH, VALUES */
  { "WITH w AS (SELECT a FROM t) SELECT * FROM w", 0 },
  { "WITH w (x, y) AS (SELECT a, b FROM t), v AS (SELECT 1 AS z FROM system.onerow) SELECT * FROM w, v", 0 },
  { "WITH RECURSIVE r (n) AS (SELECT 1 FROM system.onerow UNION ALL SELECT n + 1 FROM r WHERE n < 10) SELECT n FROM r", "WITH RECURSIVE r (n) AS (SELECT 1 FROM system.onerow UNION ALL SELECT (n + 1) FROM r WHERE (n < 10)) SELECT n FROM r" },
  { "WITH w AS (SELECT a FROM t) SELECT * FROM w UNION SELECT * FROM w ORDER BY 1", 0 },
  { "WITH w AS (SELECT a FROM t) (SELECT * FROM w)", "WITH w AS (SELECT a FROM t) SELECT * FROM w" },
  { "SELECT a FROM t WHERE a IN (WITH w AS (SELECT 1 AS x FROM system.onerow) SELECT x FROM w)", "SELECT a FROM t WHERE (a IN (WITH w AS (SELECT 1 AS x FROM system.onerow) SELECT x FROM w))" },
  { "VALUES (1, 'a'), (2, 'b')", 0 },
  { "VALUES (1)", 0 },
  { "VALUES (1) UNION VALUES (2)", 0 },
  { "SELECT a FROM t UNION VALUES (1)", 0 },
  /* INSERT, UPDATE, DELETE */
  { "INSERT INTO t VALUES (1, 'x')", 0 },
  { "INSERT INTO t (a, b) VALUES (1, 'x')", 0 },
  { "INSERT INTO s.t (a) VALUES (?)", 0 },
  { "INSERT INTO t (a, b) VALUES (:a, :b)", 0 },
  { "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')", 0 },
  { "INSERT INTO t (a, b) VALUES (DEFAULT, NULL)", 0 },
  { "INSERT INTO t VALUES (NEXT VALUE FOR seq, CURRENT_TIMESTAMP, -1)", "INSERT INTO t VALUES (NEXT VALUE FOR seq, CURRENT_TIMESTAMP, (-1))" },
  { "INSERT INTO t DEFAULT VALUES", 0 },
  { "INSERT INTO t SELECT * FROM u", 0 },
  { "INSERT INTO t (a) SELECT b FROM u WHERE b > 0", "INSERT INTO t (a) SELECT b FROM u WHERE (b > 0)" },
  { "INSERT INTO t (a) (SELECT b FROM u)", "INSERT INTO t (a) SELECT b FROM u" },
  { "INSERT INTO t (a) WITH w AS (SELECT b FROM u) SELECT b FROM w", 0 },
  { "INSERT INTO t SELECT a FROM u UNION SELECT b FROM v", 0 },
  { "INSERT INTO \"Quoted\" (\"Col\") VALUES (1)", 0 },
  { "UPDATE t SET a = 1", 0 },
  { "UPDATE t SET a = a + 1, b = 'x' WHERE c = 2", "UPDATE t SET a = (a + 1), b = 'x' WHERE (c = 2)" },
  { "UPDATE t AS x SET a = DEFAULT WHERE x.b = ?", "UPDATE t AS x SET a = DEFAULT WHERE (x.b = ?)" },
  { "UPDATE t x SET a = NULL", "UPDATE t AS x SET a = NULL" },
  { "UPDATE s.t SET a = (SELECT MAX(b) FROM u) WHERE a IS NULL", "UPDATE s.t SET a = (SELECT MAX(b) FROM u) WHERE (a IS NULL)" },
  { "UPDATE t SET a = ? WHERE CURRENT OF cur1", 0 },
  { "DELETE FROM t", 0 },
  { "DELETE FROM t WHERE a = 1", "DELETE FROM t WHERE (a = 1)" },
  { "DELETE FROM s.t AS x WHERE x.a IN (SELECT a FROM u)", "DELETE FROM s.t AS x WHERE (x.a IN (SELECT a FROM u))" },
  { "DELETE FROM t WHERE CURRENT OF cur1", 0 },
  /* CREATE TABLE and types */
  { "CREATE TABLE t (a INTEGER)", 0 },
  { "CREATE TABLE s.t (id INTEGER PRIMARY KEY, name NVARCHAR(100) NOT NULL)", 0 },
  { "CREATE TABLE parent (id INTEGER, name VARCHAR(20), PRIMARY KEY (id))", 0 },
  { "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER, FOREIGN KEY(parent_id) REFERENCES parent (id))", "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER, FOREIGN KEY (parent_id) REFERENCES parent (id))" },
  { "CREATE TABLE t (c1 INTEGER not null, c2 VARCHAR(10) DEFAULT 'x', c3 TIMESTAMP DEFAULT LOCALTIMESTAMP, c4 INTEGER DEFAULT NULL)", "CREATE TABLE t (c1 INTEGER NOT NULL, c2 VARCHAR(10) DEFAULT 'x', c3 TIMESTAMP DEFAULT LOCALTIMESTAMP, c4 INTEGER DEFAULT NULL)" },
  { "CREATE TABLE t (id INTEGER DEFAULT NEXT VALUE FOR t_id_autoinc_seq, PRIMARY KEY (id))", 0 },
  { "CREATE TABLE t (id BIGINT DEFAULT NEXT VALUE FOR \"myschema\".\"meta_demo_id_autoinc_seq\")", 0 },
  { "CREATE TABLE t (a CHARACTER(10), b CHAR(5), c CHAR, d CHARACTER VARYING(20), e CHAR VARYING(30), f VARCHAR(40))", "CREATE TABLE t (a CHAR(10), b CHAR(5), c CHAR, d VARCHAR(20), e VARCHAR(30), f VARCHAR(40))" },
  { "CREATE TABLE t (a CHARACTER LARGE OBJECT(10K), b CHAR LARGE OBJECT(2 M), c CLOB(1G), d CLOB, e CLOB(100))", "CREATE TABLE t (a CLOB(10K), b CLOB(2M), c CLOB(1G), d CLOB, e CLOB(100))" },
  { "CREATE TABLE t (a NATIONAL CHARACTER(10), b NATIONAL CHAR(5), c NCHAR(3), d NCHAR)", "CREATE TABLE t (a NCHAR(10), b NCHAR(5), c NCHAR(3), d NCHAR)" },
  { "CREATE TABLE t (a NATIONAL CHARACTER VARYING(10), b NATIONAL CHAR VARYING(5), c NCHAR VARYING(3), d NVARCHAR(5000))", "CREATE TABLE t (a NVARCHAR(10), b NVARCHAR(5), c NVARCHAR(3), d NVARCHAR(5000))" },
  { "CREATE TABLE t (a NATIONAL CHARACTER LARGE OBJECT(1M), b NCHAR LARGE OBJECT, c NCLOB(10k))", "CREATE TABLE t (a NCLOB(1M), b NCLOB, c NCLOB(10K))" },
  { "CREATE TABLE t (a BINARY(16), b BINARY VARYING(100), c VARBINARY(200), d BINARY LARGE OBJECT(5M), e BLOB, f BLOB(1K), g BINARY)", "CREATE TABLE t (a BINARY(16), b VARBINARY(100), c VARBINARY(200), d BLOB(5M), e BLOB, f BLOB(1K), g BINARY)" },
  { "CREATE TABLE t (a SMALLINT, b INTEGER, c INT, d BIGINT, e INTEGER(12), f INT(3))", "CREATE TABLE t (a SMALLINT, b INTEGER, c INTEGER, d BIGINT, e INTEGER(12), f INTEGER(3))" },
  { "CREATE TABLE t (a DECIMAL(10,2), b DECIMAL(5), c DECIMAL, d DEC(7,3), e NUMERIC(45,10), f NUMERIC)", "CREATE TABLE t (a DECIMAL(10,2), b DECIMAL(5), c DECIMAL, d DECIMAL(7,3), e DECIMAL(45,10), f DECIMAL)" },
  { "CREATE TABLE t (a FLOAT, b FLOAT(20), c REAL, d DOUBLE PRECISION)", "CREATE TABLE t (a DOUBLE PRECISION, b FLOAT(20), c REAL, d DOUBLE PRECISION)" },
  { "CREATE TABLE t (a BOOLEAN, b DATE, c TIME, d TIME(6), e TIMESTAMP, f TIMESTAMP(9))", 0 },
  { "CREATE TABLE t (a INTERVAL YEAR, b INTERVAL YEAR(4) TO MONTH, c INTERVAL MONTH(3), d INTERVAL DAY(7), e INTERVAL DAY TO HOUR)", 0 },
  { "CREATE TABLE t (a INTERVAL DAY(5) TO MINUTE, b INTERVAL DAY(5) TO SECOND(2), c INTERVAL HOUR(8), d INTERVAL HOUR TO MINUTE)", 0 },
  { "CREATE TABLE t (a INTERVAL HOUR(2) TO SECOND(9), b INTERVAL MINUTE(10), c INTERVAL MINUTE TO SECOND, d INTERVAL SECOND(12,9), e INTERVAL SECOND(3))", 0 },
  { "CREATE TABLE t (id BUILTIN.UUID, loc BUILTIN.GIS_LOCATION, lat BUILTIN.GIS_LATITUDE, c BUILTIN.GIS_COORDINATE)", 0 },
  { "CREATE TABLE t (a my_domain, b s.other_domain, c TINYINT, d ODBC.TINYINT)", 0 },
  { "CREATE TABLE t (text VARCHAR(10), date DATE, data INTEGER, key INTEGER)", 0 },
  { "CREATE TABLE t (\"value\" INTEGER, \"Select\" INTEGER)", 0 },
  { "CREATE TABLE t (a INTEGER UNIQUE, b INTEGER NULL, c INTEGER NOT NULL UNIQUE)", 0 },
  { "CREATE TABLE t (a INTEGER CONSTRAINT a_pos CHECK (a > 0), b INTEGER CHECK (b IN (1, 2)))", "CREATE TABLE t (a INTEGER CONSTRAINT a_pos CHECK ((a > 0)), b INTEGER CHECK ((b IN (1, 2))))" },
  { "CREATE TABLE t (c char(1) not null constraint CKC_X check (c in ('C','S')))", "CREATE TABLE t (c CHAR(1) NOT NULL CONSTRAINT CKC_X CHECK ((c IN ('C', 'S'))))" },
  { "CREATE TABLE t (object_sql clob null)", "CREATE TABLE t (object_sql CLOB NULL)" },
  { "CREATE TABLE t (a INTEGER, b INTEGER, CONSTRAINT PK_X primary key (a, b))", "CREATE TABLE t (a INTEGER, b INTEGER, CONSTRAINT PK_X PRIMARY KEY (a, b))" },
  { "CREATE TABLE t (a INTEGER, CONSTRAINT u1 UNIQUE (a), CHECK (a < 100), CONSTRAINT c2 CHECK (a > 0))", "CREATE TABLE t (a INTEGER, CONSTRAINT u1 UNIQUE (a), CHECK ((a < 100)), CONSTRAINT c2 CHECK ((a > 0)))" },
  { "CREATE TABLE t (a INTEGER REFERENCES p)", 0 },
  { "CREATE TABLE t (a INTEGER REFERENCES p (id) ON DELETE CASCADE)", 0 },
  { "CREATE TABLE t (a INTEGER REFERENCES s.p (id) ON UPDATE SET NULL ON DELETE SET DEFAULT)", "CREATE TABLE t (a INTEGER REFERENCES s.p (id) ON DELETE SET DEFAULT ON UPDATE SET NULL)" },
  { "CREATE TABLE t (a INTEGER, FOREIGN KEY (a) REFERENCES p (id) ON DELETE RESTRICT ON UPDATE NO ACTION)", 0 },
  { "CREATE TABLE t (a INTEGER, CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id) INITIALLY DEFERRED DEFERRABLE)", "CREATE TABLE t (a INTEGER, CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id) DEFERRABLE INITIALLY DEFERRED)" },
  { "CREATE TABLE t (a INTEGER, CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id) INITIALLY IMMEDIATE NOT DEFERRABLE)", "CREATE TABLE t (a INTEGER, CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id) NOT DEFERRABLE INITIALLY IMMEDIATE)" },
  { "CREATE TABLE t (a VARCHAR(10) COLLATE SWEDISH_1, b NVARCHAR(10) COLLATE INFORMATION_SCHEMA.UCS_BASIC NOT NULL)", 0 },
  { "CREATE TABLE t (a VARCHAR(10) NOT NULL DEFAULT 'x' COLLATE ENGLISH_1)", "CREATE TABLE t (a VARCHAR(10) DEFAULT 'x' COLLATE ENGLISH_1 NOT NULL)" },
  { "CREATE TABLE t (a INTEGER DEFAULT -1, b DECIMAL(5,2) DEFAULT +1.5, c FLOAT DEFAULT 1E3, d BOOLEAN DEFAULT TRUE)", "CREATE TABLE t (a INTEGER DEFAULT -1, b DECIMAL(5,2) DEFAULT +1.5, c DOUBLE PRECISION DEFAULT 1E3, d BOOLEAN DEFAULT TRUE)" },
  { "CREATE TABLE t (a DATE DEFAULT DATE '2000-01-01', b TIMESTAMP DEFAULT CURRENT_TIMESTAMP(3), c INTERVAL DAY DEFAULT INTERVAL '1' DAY)", 0 },
  { "CREATE TABLE t (a VARCHAR(128) DEFAULT USER, b VARCHAR(128) DEFAULT CURRENT_USER, c VARCHAR(128) DEFAULT SESSION_USER, d NCHAR(1) DEFAULT N'x')", 0 },
  { "CREATE TABLE t (a INTEGER) IN mybank", 0 },
  { "CREATE TABLE t2 AS (SELECT * FROM t) WITH NO DATA", 0 },
  { "CREATE TABLE t2 (x, y) AS (SELECT a, b FROM t) WITH DATA IN bank2", 0 },
  { "CREATE TABLE \"My Table\" (\"My Column\" INTEGER)", 0 },
  /* ALTER TABLE, DROP */
  { "ALTER TABLE t ADD COLUMN c INTEGER", 0 },
  { "ALTER TABLE t ADD c VARCHAR(10) DEFAULT 'x' NOT NULL", "ALTER TABLE t ADD COLUMN c VARCHAR(10) DEFAULT 'x' NOT NULL" },
  { "ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY (a, b)", 0 },
  { "ALTER TABLE s.t ADD CONSTRAINT \"fk\" FOREIGN KEY (\"c\") REFERENCES s.p (\"k\") ON DELETE CASCADE INITIALLY DEFERRED DEFERRABLE", "ALTER TABLE s.t ADD CONSTRAINT \"fk\" FOREIGN KEY (\"c\") REFERENCES s.p (\"k\") ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED" },
  { "ALTER TABLE t ADD UNIQUE (a)", 0 },
  { "ALTER TABLE t ADD CHECK (a > 0)", "ALTER TABLE t ADD CHECK ((a > 0))" },
  { "ALTER TABLE t DROP COLUMN c", 0 },
  { "ALTER TABLE t DROP c CASCADE", "ALTER TABLE t DROP COLUMN c CASCADE" },
  { "ALTER TABLE t DROP COLUMN c RESTRICT", 0 },
  { "ALTER TABLE t DROP CONSTRAINT pk", 0 },
  { "ALTER TABLE t DROP CONSTRAINT pk CASCADE", 0 },
  { "ALTER TABLE t ALTER COLUMN c SET DEFAULT 0", 0 },
  { "ALTER TABLE t ALTER c SET DEFAULT 'abc'", "ALTER TABLE t ALTER COLUMN c SET DEFAULT 'abc'" },
  { "ALTER TABLE t ALTER COLUMN c DROP DEFAULT", 0 },
  { "ALTER TABLE t ALTER COLUMN c SET DATA TYPE VARCHAR(200)", 0 },
  { "ALTER TABLE t ALTER COLUMN c SET DATA TYPE NVARCHAR(50) COLLATE SWEDISH_1", 0 },
  { "DROP TABLE t", 0 },
  { "DROP TABLE s.t CASCADE", 0 },
  { "DROP TABLE t RESTRICT", 0 },
  { "DROP VIEW vw_test_view", 0 },
  { "DROP SEQUENCE s", 0 },
  { "DROP SEQUENCE s.q RESTRICT", 0 },
  { "DROP INDEX ix", 0 },
  { "DROP INDEX s.ix CASCADE", 0 },
  { "DROP DOMAIN d RESTRICT", 0 },
  { "DROP SYNONYM syn", 0 },
  { "DROP SCHEMA sch CASCADE", 0 },
  { "DROP IDENT joe CASCADE", 0 },
  { "DROP DATABANK db", 0 },
  { "DROP DATABANK db CASCADE", 0 },
  /* CREATE INDEX / VIEW / SEQUENCE / DOMAIN / SYNONYM / SCHEMA */
  { "CREATE INDEX ix ON t (a)", 0 },
  { "CREATE UNIQUE INDEX s.ix ON s.t (a ASC, b DESC)", 0 },
  { "CREATE INDEX ix ON t (a, b, c)", 0 },
  { "CREATE VIEW v AS SELECT a FROM t", 0 },
  { "CREATE VIEW vw_test_view AS SELECT id, name FROM vw_test_base", 0 },
  { "CREATE VIEW s.v (x, y) AS SELECT a, b FROM t WHERE a > 0", "CREATE VIEW s.v (x, y) AS SELECT a, b FROM t WHERE (a > 0)" },
  { "CREATE VIEW v AS SELECT a FROM t WITH CHECK OPTION", 0 },
  { "CREATE VIEW v AS SELECT a FROM t WITH CASCADED CHECK OPTION", 0 },
  { "CREATE VIEW v AS SELECT a FROM t WITH LOCAL CHECK OPTION", 0 },
  { "CREATE VIEW v AS WITH w AS (SELECT a FROM t) SELECT a FROM w", 0 },
  { "CREATE VIEW v AS SELECT a FROM t UNION SELECT b FROM u", 0 },
  { "CREATE SEQUENCE s", 0 },
  { "CREATE SEQUENCE s AS BIGINT", 0 },
  { "CREATE SEQUENCE s AS SMALLINT START WITH 5 INCREMENT BY 3", 0 },
  { "CREATE SEQUENCE s START WITH -10 INCREMENT BY -1 MINVALUE -100 MAXVALUE -1 CYCLE", 0 },
  { "CREATE SEQUENCE s NO MINVALUE NO MAXVALUE NO CYCLE", 0 },
  { "CREATE SEQUENCE s INCREMENT BY 2 START WITH 1 AS INTEGER", "CREATE SEQUENCE s AS INTEGER START WITH 1 INCREMENT BY 2" },
  { "CREATE SEQUENCE \"myschema\".\"t_id_autoinc_seq\" AS BIGINT NO CYCLE", 0 },
  { "CREATE SEQUENCE s AS INTEGER IN bank", 0 },
  { "ALTER SEQUENCE s RESTART WITH 100", 0 },
  { "ALTER SEQUENCE s RESTART", 0 },
  { "ALTER SEQUENCE s INCREMENT BY 5", 0 },
  { "ALTER SEQUENCE s MAXVALUE 1000 NO CYCLE", 0 },
  { "ALTER SEQUENCE s NO MINVALUE CYCLE", 0 },
  { "CREATE DOMAIN d AS INTEGER", 0 },
  { "CREATE DOMAIN d INTEGER", "CREATE DOMAIN d AS INTEGER" },
  { "CREATE DOMAIN dom_text AS VARCHAR(30) COLLATE SWEDISH_1 DEFAULT 'anon' CHECK (char_length(VALUE) <= 30)", "CREATE DOMAIN dom_text AS VARCHAR(30) DEFAULT 'anon' COLLATE SWEDISH_1 CHECK ((char_length(VALUE) <= 30))" },
  { "CREATE DOMAIN s.d AS DECIMAL(5,2) DEFAULT 0 CONSTRAINT pos CHECK (VALUE >= 0) NOT NULL", "CREATE DOMAIN s.d AS DECIMAL(5,2) DEFAULT 0 CONSTRAINT pos CHECK ((VALUE >= 0)) NOT NULL" },
  { "CREATE DOMAIN d AS VARCHAR(10) CHECK (VALUE IN ('a', 'b')) CHECK (VALUE IS NOT NULL)", "CREATE DOMAIN d AS VARCHAR(10) CHECK ((VALUE IN ('a', 'b'))) CHECK ((VALUE IS NOT NULL))" },
  { "CREATE SYNONYM syn FOR t", 0 },
  { "CREATE SYNONYM s.syn FOR other.t", 0 },
  { "CREATE SCHEMA sch", 0 },
  { "CREATE SCHEMA \"Mixed\"", 0 },
  /* idents, databanks, privileges, comments */
  { "CREATE IDENT joe AS USER", 0 },
  { "CREATE IDENT joe AS USER USING 'secret'", 0 },
  { "CREATE IDENT joe AS USER USING 'secret' WITH SCHEMA", 0 },
  { "CREATE IDENT prog AS PROGRAM USING 'pw' WITHOUT SCHEMA", 0 },
  { "CREATE IDENT grp AS GROUP", 0 },
  { "ALTER IDENT joe USING 'newpw'", 0 },
  { "ALTER IDENT joe ADD OS_USER 'joe'", 0 },
  { "ALTER IDENT joe DROP OS_USER 'joe'", 0 },
  { "CREATE DATABANK SQLALCBANK", 0 },
  { "CREATE DATABANK test_databank", 0 },
  { "create databank mydb with log option in 'mydb.dbf'", "CREATE DATABANK mydb IN 'mydb.dbf' WITH LOG OPTION" },
  { "CREATE DATABANK d OF 1000 PAGES IN 'd.dbf'", 0 },
  { "CREATE DATABANK d FILESIZE 10M GOALSIZE 20 M MAXSIZE 1G MINSIZE 2000K", "CREATE DATABANK d FILESIZE 10M GOALSIZE 20M MAXSIZE 1G MINSIZE 2000K" },
  { "CREATE DATABANK d FILESIZE 2000 WITH TRANSACTION OPTION", 0 },
  { "CREATE DATABANK d WITH WORK OPTION IN 'x.dbf'", "CREATE DATABANK d IN 'x.dbf' WITH WORK OPTION" },
  { "GRANT SELECT ON t TO joe", 0 },
  { "GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE t TO joe, PUBLIC", 0 },
  { "GRANT UPDATE (a, b), REFERENCES (c) ON t TO joe WITH GRANT OPTION", 0 },
  { "GRANT SELECT (a), INSERT (b) ON t TO joe", 0 },
  { "GRANT ALL ON t TO joe", "GRANT ALL PRIVILEGES ON t TO joe" },
  { "GRANT ALL PRIVILEGES ON TABLE s.t TO PUBLIC", 0 },
  { "GRANT USAGE ON SEQUENCE s TO joe", 0 },
  { "GRANT USAGE ON DOMAIN d TO joe", 0 },
  { "GRANT EXECUTE ON p TO joe", 0 },
  { "GRANT TABLE ON DATABANK db TO joe", 0 },
  { "GRANT MEMBER ON grp TO joe", 0 },
  { "GRANT DATABANK, IDENT, SCHEMA TO joe WITH GRANT OPTION", 0 },
  { "GRANT BACKUP, STATISTICS, SHADOW TO joe", 0 },
  { "REVOKE SELECT ON t FROM joe", 0 },
  { "REVOKE ALL PRIVILEGES ON t FROM joe CASCADE", 0 },
  { "REVOKE GRANT OPTION FOR UPDATE ON t FROM joe RESTRICT", 0 },
  { "REVOKE IDENT FROM joe", 0 },
  { "COMMENT ON TABLE t IS 'a table'", 0 },
  { "COMMENT ON VIEW s.v IS 'it''s a view'", 0 },
  { "COMMENT ON COLUMN t.c IS 'a column'", 0 },
  { "COMMENT ON COLUMN s.t.c IS ''", 0 },
  { "COMMENT ON SEQUENCE s IS 'seq'", 0 },
  { "COMMENT ON INDEX ix IS 'x'", 0 },
  { "COMMENT ON DOMAIN d IS 'x'", 0 },
  { "COMMENT ON SCHEMA sch IS 'x'", 0 },
  { "COMMENT ON IDENT joe IS 'x'", 0 },
  /* transactions and session */
  { "START TRANSACTION", 0 },
  { "START TRANSACTION READ ONLY", 0 },
  { "START TRANSACTION READ WRITE, ISOLATION LEVEL SERIALIZABLE", 0 },
  { "START TRANSACTION ISOLATION LEVEL READ UNCOMMITTED, READ ONLY", "START TRANSACTION READ ONLY, ISOLATION LEVEL READ UNCOMMITTED" },
  { "SET TRANSACTION ISOLATION LEVEL READ COMMITTED", 0 },
  { "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", 0 },
  { "SET TRANSACTION READ ONLY", 0 },
  { "SET TRANSACTION DIAGNOSTICS SIZE 10", 0 },
  { "SET TRANSACTION START EXPLICIT", 0 },
  { "SET TRANSACTION START IMPLICIT, READ WRITE", "SET TRANSACTION READ WRITE, START IMPLICIT" },
  { "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE", 0 },
  { "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", 0 },
  { "COMMIT", 0 },
  { "COMMIT WORK", "COMMIT" },
  { "ROLLBACK", 0 },
  { "ROLLBACK WORK", "ROLLBACK" },
  { "ROLLBACK TO SAVEPOINT sp1", 0 },
  { "ROLLBACK WORK TO SAVEPOINT sp1", "ROLLBACK TO SAVEPOINT sp1" },
  { "SAVEPOINT sp1", 0 },
  { "RELEASE SAVEPOINT sp1", 0 },
  { "SET SCHEMA s1", 0 },
  { "SET SCHEMA s1, s2, \"S3\"", 0 },
  { "EXPLAIN SELECT a FROM t WHERE a = 1", "EXPLAIN SELECT a FROM t WHERE (a = 1)" },
  { "EXPLAIN INSERT INTO t VALUES (1)", 0 },
  { "EXPLAIN UPDATE t SET a = 1", 0 },
  { "EXPLAIN DELETE FROM t", 0 },
  { "CALL p()", 0 },
  { "CALL s.p(1, ?, 'x')", 0 },
  { "CALL p(:a, :b)", 0 },
  /* comments, whitespace, terminator */
  { "SELECT a -- trailing comment\n  FROM t", "SELECT a FROM t" },
  { "SELECT /* block */ a FROM /* another\n one */ t", "SELECT a FROM t" },
  { "SELECT a FROM t;", "SELECT a FROM t" },
  { "SELECT a FROM t ;", "SELECT a FROM t" },
  { "\tSELECT\n  a\nFROM\n  t", "SELECT a FROM t" },
  { "-- leading comment\n/**/SELECT a FROM t", "SELECT a FROM t" },
};

/* Rejected statements: input, Mimer code, full message (position included). */
static const RejectCase aReject[] = {
  /* fidelity rejections (brief / spec) */
  { "SELECT 1", ML_E_SYNTAX_MISSING,
    "Syntax error, 'FROM' IDENTIFIER assumed missing at line 1, column 9" },
  { "SELECT 1 + 1", ML_E_SYNTAX_MISSING,
    "Syntax error, 'FROM' IDENTIFIER assumed missing at line 1, column 13" },
  { "SELECT CURRENT_DATE", ML_E_SYNTAX_MISSING,
    "Syntax error, 'FROM' IDENTIFIER assumed missing at line 1, column 20" },
  { "SELECT a WHERE a = 1", ML_E_SYNTAX_MISSING,
    "Syntax error, 'FROM' IDENTIFIER assumed missing at line 1, column 10" },
  { "SELECT a FROM t LIMIT 5", ML_E_SYNTAX_IGNORED,
    "Syntax error, NUMERIC LITERAL '5' ignored at line 1, column 23" },
  { "SELECT a FROM t LIMIT 5 OFFSET 2", ML_E_SYNTAX_IGNORED,
    "Syntax error, NUMERIC LITERAL '5' ignored at line 1, column 23" },
  { "SELECT `a` FROM t", ML_E_SYNTAX_IGNORED,
    "Syntax error, '`' ignored at line 1, column 8" },
  { "SELECT a FROM `t`", ML_E_SYNTAX_IGNORED,
    "Syntax error, '`' ignored at line 1, column 15" },
  { "CREATE TABLE t (id INTEGER AUTO_INCREMENT PRIMARY KEY)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'AUTO_INCREMENT' assumed to mean ')' at line 1, column 28" },
  { "CREATE TABLE t (id INTEGER GENERATED ALWAYS AS IDENTITY)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'GENERATED' assumed to mean ')' at line 1, column 28" },
  { "CREATE TABLE t (id INTEGER GENERATED BY DEFAULT AS IDENTITY (START WITH 1))", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'GENERATED' assumed to mean ')' at line 1, column 28" },
  { "CREATE TABLE t (id IDENTITY)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'IDENTITY' assumed to mean IDENTIFIER at line 1, column 20" },
  { "CREATE TABLE t (id INTEGER IDENTITY)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'IDENTITY' assumed to mean ')' at line 1, column 28" },
  { "INSERT INTO t (a) VALUES (1) RETURNING id", ML_E_SYNTAX_IGNORED,
    "Syntax error, IDENTIFIER 'RETURNING' ignored at line 1, column 30" },
  { "UPDATE t SET a = 1 RETURNING a", ML_E_SYNTAX_IGNORED,
    "Syntax error, IDENTIFIER 'RETURNING' ignored at line 1, column 20" },
  { "DELETE FROM t RETURNING a", ML_E_SYNTAX_IGNORED,
    "Syntax error, IDENTIFIER 'a' ignored at line 1, column 25" },
  { "MERGE INTO t USING u ON t.a = u.a WHEN MATCHED THEN UPDATE SET b = u.b", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'MERGE' assumed to mean 'COMMIT' at line 1, column 1" },
  { "INSERT INTO t VALUES (1) ON CONFLICT DO NOTHING", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'ON' ignored at line 1, column 26" },
  { "INSERT INTO t VALUES (1) ON CONFLICT (a) DO UPDATE SET b = 2", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'ON' ignored at line 1, column 26" },
  { "SELECT a FROM t WHERE (a, b) = (1, 2)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, ',' assumed to mean ')' at line 1, column 25" },
  { "SELECT a FROM t WHERE (a, b) IN ((1, 2), (3, 4))", ML_E_SYNTAX_ASSUMED,
    "Syntax error, ',' assumed to mean ')' at line 1, column 25" },
  { "SELECT a FROM t WHERE a IS DISTINCT FROM b", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'DISTINCT' assumed to mean 'NULL' at line 1, column 28" },
  { "SELECT a FROM t WHERE a IS NOT DISTINCT FROM b", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'DISTINCT' assumed to mean 'NULL' at line 1, column 32" },
  { "SELECT TOP 5 a FROM t", ML_E_SYNTAX_MISSING,
    "Syntax error, 'FROM' IDENTIFIER assumed missing at line 1, column 12" },
  { "SELECT a FROM t WHERE a ILIKE 'x%'", ML_E_SYNTAX_IGNORED,
    "Syntax error, IDENTIFIER 'ILIKE' ignored at line 1, column 25" },
  { "SELECT a::INTEGER FROM t", ML_E_SYNTAX_IGNORED,
    "Syntax error, ':' ignored at line 1, column 9" },
  { "SELECT CAST(a AS INTEGER)::VARCHAR FROM t", ML_E_SYNTAX_IGNORED,
    "Syntax error, ':' ignored at line 1, column 26" },
  { "Invalid SQL", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'Invalid' assumed to mean 'COMMIT' at line 1, column 1" },
  { "SELECT a FROM t ORDER BY a NULLS FIRST", ML_E_SYNTAX_IGNORED,
    "Syntax error, IDENTIFIER 'NULLS' ignored at line 1, column 28" },
  { "SELECT a FROM t ORDER BY a DESC NULLS LAST", ML_E_SYNTAX_IGNORED,
    "Syntax error, IDENTIFIER 'NULLS' ignored at line 1, column 33" },
  { "CREATE UNIQUE SEQUENCE s", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'SEQUENCE' assumed to mean 'INDEX' at line 1, column 15" },
  { "CREATE SEQUENCE s INITIAL_VALUE 1", ML_E_SYNTAX_IGNORED,
    "Syntax error, IDENTIFIER 'INITIAL_VALUE' ignored at line 1, column 19" },
  { "SELECT NEXT_VALUE OF s FROM system.onerow", ML_E_SYNTAX_MISSING,
    "Syntax error, 'FROM' IDENTIFIER assumed missing at line 1, column 19" },
  { "SELECT ROW_NUMBER() OVER (ORDER BY a) FROM t", ML_E_SYNTAX_MISSING,
    "Syntax error, 'FROM' IDENTIFIER assumed missing at line 1, column 26" },
  { "SELECT a FROM t WHERE a = ANY (1, 2)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, NUMERIC LITERAL '1' assumed to mean 'SELECT' at line 1, column 32" },
  { "CREATE TABLE t (value INTEGER)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'VALUE' assumed to mean IDENTIFIER at line 1, column 17" },
  { "SELECT value FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'VALUE' assumed to mean IDENTIFIER at line 1, column 8" },
  { "CREATE TABLE select (a INTEGER)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'SELECT' assumed to mean IDENTIFIER at line 1, column 14" },
  { "SELECT a FROM t AS order", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'ORDER' assumed to mean IDENTIFIER at line 1, column 20" },
  { "SELECT a AS from FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'FROM' assumed to mean IDENTIFIER at line 1, column 13" },
  { "SELECT [a] FROM t", ML_E_SYNTAX_IGNORED,
    "Syntax error, '[' ignored at line 1, column 8" },
  { "SELECT a FROM t WHERE a == 1", ML_E_SYNTAX_ASSUMED,
    "Syntax error, '=' assumed to mean IDENTIFIER at line 1, column 26" },
  { "SELECT a FROM t WHERE a = 1 && b = 2", ML_E_SYNTAX_IGNORED,
    "Syntax error, '&' ignored at line 1, column 29" },
  { "SELECT 'a' + 'b' FROM t FOR SHARE", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'SHARE' assumed to mean 'UPDATE' at line 1, column 29" },
  { "CREATE TEMPORARY TABLE t (a INTEGER)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'TEMPORARY' assumed to mean 'TABLE' at line 1, column 8" },
  { "CREATE TABLE IF NOT EXISTS t (a INTEGER)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'IF' assumed to mean IDENTIFIER at line 1, column 14" },
  { "DROP TABLE IF EXISTS t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'IF' assumed to mean IDENTIFIER at line 1, column 12" },
  { "TRUNCATE TABLE t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'TRUNCATE' assumed to mean 'COMMIT' at line 1, column 1" },
  { "BEGIN", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'BEGIN' assumed to mean 'COMMIT' at line 1, column 1" },
  { "SHOW TABLES", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'SHOW' assumed to mean 'COMMIT' at line 1, column 1" },
  { "SELECT a FROM t WHERE a = b = c", ML_E_SYNTAX_IGNORED,
    "Syntax error, '=' ignored at line 1, column 29" },
  { "SELECT a FROM t WHERE a IS NULL IS NULL", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'IS' ignored at line 1, column 33" },
  { "SELECT a FROM t WHERE a LIKE b LIKE c", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'LIKE' ignored at line 1, column 32" },
  { "SELECT a FROM t WHERE a BETWEEN 1", ML_E_SYNTAX_MISSING,
    "Syntax error, 'AND' assumed missing at line 1, column 34" },
  { "SELECT a FROM t WHERE a BETWEEN 1 OR 2", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'OR' assumed to mean 'AND' at line 1, column 35" },
  { "SELECT TIMESTAMP '2020-01-01 00:00:00' WITH TIME ZONE FROM t", ML_E_SYNTAX_MISSING,
    "Syntax error, 'FROM' IDENTIFIER assumed missing at line 1, column 40" },
  { "CREATE TABLE t (a TIMESTAMP WITH TIME ZONE)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'WITH' assumed to mean ')' at line 1, column 29" },
  { "SELECT a FROM t WHERE a = NOT b", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'NOT' assumed to mean IDENTIFIER at line 1, column 27" },
  { "SELECT DISTINCT ON (a) a FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'ON' assumed to mean IDENTIFIER at line 1, column 17" },
  /* incomplete statements and bad tokens */
  { "SELECT", ML_E_SYNTAX_MISSING,
    "Syntax error, IDENTIFIER assumed missing at line 1, column 7" },
  { "SELECT a FROM", ML_E_SYNTAX_MISSING,
    "Syntax error, IDENTIFIER assumed missing at line 1, column 14" },
  { "SELECT a FROM t WHERE", ML_E_SYNTAX_MISSING,
    "Syntax error, IDENTIFIER assumed missing at line 1, column 22" },
  { "SELECT a,", ML_E_SYNTAX_MISSING,
    "Syntax error, IDENTIFIER assumed missing at line 1, column 10" },
  { "SELECT a FROM t ORDER", ML_E_SYNTAX_MISSING,
    "Syntax error, 'BY' assumed missing at line 1, column 22" },
  { "SELECT a FROM t ORDER BY", ML_E_SYNTAX_MISSING,
    "Syntax error, IDENTIFIER assumed missing at line 1, column 25" },
  { "SELECT a FROM t GROUP a", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'a' assumed to mean 'BY' at line 1, column 23" },
  { "SELECT (a FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'FROM' assumed to mean ')' at line 1, column 11" },
  { "SELECT a) FROM t", ML_E_SYNTAX_MISSING,
    "Syntax error, 'FROM' IDENTIFIER assumed missing at line 1, column 9" },
  { "SELECT f(a FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'FROM' assumed to mean ')' at line 1, column 12" },
  { "SELECT 'unterminated FROM t", ML_E_SYNTAX_MISSING,
    "Syntax error, ''' assumed missing at line 1, column 8" },
  { "SELECT \"unterminated FROM t", ML_E_SYNTAX_MISSING,
    "Syntax error, '\"' assumed missing at line 1, column 8" },
  { "SELECT a FROM t /* unterminated", ML_E_SYNTAX_MISSING,
    "Syntax error, '*/' assumed missing at line 1, column 17" },
  { "SELECT \"\" FROM t", ML_E_SYNTAX_MISSING,
    "Syntax error, IDENTIFIER assumed missing at line 1, column 8" },
  { "SELECT X'ABC' FROM t", ML_E_BAD_LITERAL,
    "Invalid literal 'X'ABC'' at line 1, column 8" },
  { "SELECT X'GG' FROM t", ML_E_BAD_LITERAL,
    "Invalid literal 'X'GG'' at line 1, column 8" },
  { "SELECT U&'\\12' FROM t", ML_E_BAD_LITERAL,
    "Invalid literal '\\12'' at line 1, column 11" },
  { "SELECT U&'\\D800' FROM t", ML_E_BAD_LITERAL,
    "Invalid literal '\\D800'' at line 1, column 11" },
  { "SELECT U&\"\\0000\" FROM t", ML_E_BAD_LITERAL,
    "Invalid literal '\\0000\"' at line 1, column 11" },
  { "SELECT U&'x' UESCAPE '+' FROM t", ML_E_BAD_LITERAL,
    "Invalid literal 'U&'x'' at line 1, column 8" },
  { "SELECT 1abc FROM t", ML_E_SYNTAX_IGNORED,
    "Syntax error, '1abc' ignored at line 1, column 8" },
  { "SELECT 1e FROM t", ML_E_SYNTAX_IGNORED,
    "Syntax error, '1e' ignored at line 1, column 8" },
  { "SELECT 10K FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, NUMERIC LITERAL '10K' assumed to mean IDENTIFIER at line 1, column 8" },
  { "SELECT a FROM t WHERE a = :", ML_E_SYNTAX_IGNORED,
    "Syntax error, ':' ignored at line 1, column 27" },
  { "SELECT a | b FROM t", ML_E_SYNTAX_IGNORED,
    "Syntax error, '|' ignored at line 1, column 10" },
  { "SELECT a ! b FROM t", ML_E_SYNTAX_IGNORED,
    "Syntax error, '!' ignored at line 1, column 10" },
  { "SELECT _a FROM t", ML_E_SYNTAX_IGNORED,
    "Syntax error, '_' ignored at line 1, column 8" },
  { "SELECT a FROM t;;", ML_E_SYNTAX_IGNORED,
    "Syntax error, ';' ignored at line 1, column 17" },
  { "SELECT a FROM t; SELECT b FROM u", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'SELECT' ignored at line 1, column 18" },
  { ";", ML_E_SYNTAX_MISSING,
    "Syntax error, 'COMMIT' assumed missing at line 1, column 1" },
  { "INSERT t VALUES (1)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 't' assumed to mean 'INTO' at line 1, column 8" },
  { "INSERT INTO t VALUES", ML_E_SYNTAX_MISSING,
    "Syntax error, '(' assumed missing at line 1, column 21" },
  { "INSERT INTO t VALUES 1", ML_E_SYNTAX_ASSUMED,
    "Syntax error, NUMERIC LITERAL '1' assumed to mean '(' at line 1, column 22" },
  { "INSERT INTO t (a) DEFAULT VALUES", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'DEFAULT' assumed to mean 'VALUES' at line 1, column 19" },
  { "UPDATE t a = 1", ML_E_SYNTAX_ASSUMED,
    "Syntax error, '=' assumed to mean 'SET' at line 1, column 12" },
  { "UPDATE t SET a", ML_E_SYNTAX_MISSING,
    "Syntax error, '=' assumed missing at line 1, column 15" },
  { "DELETE t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 't' assumed to mean 'FROM' at line 1, column 8" },
  { "DELETE FROM t WHERE CURRENT cur", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'CURRENT' assumed to mean IDENTIFIER at line 1, column 21" },
  { "CREATE TABLE t", ML_E_SYNTAX_MISSING,
    "Syntax error, '(' assumed missing at line 1, column 15" },
  { "CREATE TABLE t ()", ML_E_SYNTAX_ASSUMED,
    "Syntax error, ')' assumed to mean IDENTIFIER at line 1, column 17" },
  { "CREATE TABLE t (a)", ML_E_SYNTAX_MISSING,
    "Syntax error, 'AS' assumed missing at line 1, column 19" },
  { "CREATE TABLE t (CONSTRAINT c CHECK (a > 0))", ML_E_SYNTAX_MISSING,
    "Syntax error, IDENTIFIER assumed missing at line 1, column 44" },
  { "CREATE TABLE t (a INTEGER DEFAULT a + 1)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'a' assumed to mean 'NULL' at line 1, column 35" },
  { "CREATE TABLE t (a INTEGER DEFAULT 1 DEFAULT 2)", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'DEFAULT' ignored at line 1, column 37" },
  { "CREATE TABLE t (a VARCHAR(10) COLLATE x COLLATE y)", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'COLLATE' ignored at line 1, column 41" },
  { "CREATE TABLE t (a INTEGER REFERENCES p ON DELETE DROP)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'DROP' assumed to mean 'CASCADE' at line 1, column 50" },
  { "CREATE TABLE t (a INTEGER, FOREIGN KEY (a))", ML_E_SYNTAX_ASSUMED,
    "Syntax error, ')' assumed to mean 'REFERENCES' at line 1, column 43" },
  { "CREATE TABLE t (a INTEGER PRIMARY)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, ')' assumed to mean 'KEY' at line 1, column 34" },
  { "CREATE TABLE t (a INTERVAL YEAR TO DAY)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'DAY' assumed to mean 'MONTH' at line 1, column 36" },
  { "CREATE TABLE t (a INTERVAL SECOND TO MINUTE)", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'TO' ignored at line 1, column 35" },
  { "CREATE TABLE t (a INTERVAL MONTH TO DAY)", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'TO' ignored at line 1, column 34" },
  { "CREATE TABLE t (a DOUBLE)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, ')' assumed to mean 'PRECISION' at line 1, column 25" },
  { "CREATE TABLE t (a NATIONAL VARCHAR(10))", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'VARCHAR' assumed to mean 'CHARACTER' at line 1, column 28" },
  { "CREATE TABLE t (a CHAR(x))", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'x' assumed to mean UNSIGNED INTEGER at line 1, column 24" },
  { "CREATE TABLE t (a CLOB(10 X))", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'X' assumed to mean ')' at line 1, column 27" },
  { "CREATE TABLE t (a INTEGER) IN", ML_E_SYNTAX_MISSING,
    "Syntax error, IDENTIFIER assumed missing at line 1, column 30" },
  { "CREATE TABLE t AS SELECT * FROM u", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'SELECT' assumed to mean '(' at line 1, column 19" },
  { "CREATE TABLE t AS (SELECT * FROM u)", ML_E_SYNTAX_MISSING,
    "Syntax error, 'WITH' assumed missing at line 1, column 36" },
  { "CREATE VIEW v AS t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 't' assumed to mean 'SELECT' at line 1, column 18" },
  { "CREATE VIEW v AS SELECT a FROM t WITH OPTION", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'OPTION' assumed to mean 'CHECK' at line 1, column 39" },
  { "CREATE INDEX ON t (a)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'ON' assumed to mean IDENTIFIER at line 1, column 14" },
  { "CREATE INDEX i ON t ()", ML_E_SYNTAX_ASSUMED,
    "Syntax error, ')' assumed to mean IDENTIFIER at line 1, column 22" },
  { "CREATE SEQUENCE s START 5", ML_E_SYNTAX_ASSUMED,
    "Syntax error, NUMERIC LITERAL '5' assumed to mean 'WITH' at line 1, column 25" },
  { "CREATE SEQUENCE s START WITH 1 START WITH 2", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'START' ignored at line 1, column 32" },
  { "CREATE SEQUENCE s INCREMENT BY x", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'x' assumed to mean UNSIGNED INTEGER at line 1, column 32" },
  { "ALTER SEQUENCE s", ML_E_SYNTAX_MISSING,
    "Syntax error, 'RESTART' assumed missing at line 1, column 17" },
  { "ALTER SEQUENCE s START WITH 5", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'START' assumed to mean 'RESTART' at line 1, column 18" },
  { "CREATE DOMAIN d AS INTEGER DEFAULT 1 DEFAULT 2", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'DEFAULT' ignored at line 1, column 38" },
  { "CREATE IDENT joe", ML_E_SYNTAX_MISSING,
    "Syntax error, 'AS' assumed missing at line 1, column 17" },
  { "CREATE IDENT joe AS ROLE", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'ROLE' assumed to mean 'USER' at line 1, column 21" },
  { "CREATE IDENT joe AS USER USING secret", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'secret' assumed to mean STRING LITERAL at line 1, column 32" },
  { "CREATE DATABANK d OF 10K PAGES", ML_E_SYNTAX_ASSUMED,
    "Syntax error, NUMERIC LITERAL '10K' assumed to mean UNSIGNED INTEGER at line 1, column 22" },
  { "CREATE DATABANK d WITH NO LOG OPTION", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'NO' assumed to mean 'LOG' at line 1, column 24" },
  { "CREATE DATABANK d IN 'a' IN 'b'", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'IN' ignored at line 1, column 26" },
  { "CREATE SCHEMA s.x", ML_E_SYNTAX_IGNORED,
    "Syntax error, '.' ignored at line 1, column 16" },
  { "CREATE WIDGET w", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'WIDGET' assumed to mean 'TABLE' at line 1, column 8" },
  { "ALTER TABLE t RENAME TO u", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'RENAME' assumed to mean 'ADD' at line 1, column 15" },
  { "ALTER TABLE t ALTER COLUMN c SET NOT NULL", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'NOT' assumed to mean 'DEFAULT' at line 1, column 34" },
  { "ALTER IDENT joe SET PASSWORD 'x'", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'SET' assumed to mean 'USING' at line 1, column 17" },
  { "ALTER DATABANK d SET LOG OPTION", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'DATABANK' assumed to mean 'TABLE' at line 1, column 7" },
  { "DROP t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 't' assumed to mean 'TABLE' at line 1, column 6" },
  { "DROP COLUMN c", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'COLUMN' assumed to mean 'TABLE' at line 1, column 6" },
  { "DROP SCHEMA a.b", ML_E_SYNTAX_IGNORED,
    "Syntax error, '.' ignored at line 1, column 14" },
  { "GRANT SELECT TO joe", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'TO' assumed to mean 'ON' at line 1, column 14" },
  { "GRANT IDENT ON t TO joe", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'ON' assumed to mean 'TO' at line 1, column 13" },
  { "GRANT SELECT, IDENT ON t TO joe", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'IDENT' ignored at line 1, column 15" },
  { "GRANT SELECT ON t", ML_E_SYNTAX_MISSING,
    "Syntax error, 'TO' assumed missing at line 1, column 18" },
  { "REVOKE SELECT ON t TO joe", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'TO' assumed to mean 'FROM' at line 1, column 20" },
  { "COMMENT ON TABLE t", ML_E_SYNTAX_MISSING,
    "Syntax error, 'IS' assumed missing at line 1, column 19" },
  { "COMMENT ON COLUMN c IS 'x'", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'IS' assumed to mean '.' at line 1, column 21" },
  { "COMMENT ON TABLE t IS 42", ML_E_SYNTAX_ASSUMED,
    "Syntax error, NUMERIC LITERAL '42' assumed to mean STRING LITERAL at line 1, column 23" },
  { "START", ML_E_SYNTAX_MISSING,
    "Syntax error, 'TRANSACTION' assumed missing at line 1, column 6" },
  { "START TRANSACTION ISOLATION LEVEL SNAPSHOT", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'SNAPSHOT' assumed to mean 'SERIALIZABLE' at line 1, column 35" },
  { "SET TRANSACTION", ML_E_SYNTAX_MISSING,
    "Syntax error, 'ISOLATION' assumed missing at line 1, column 16" },
  { "SET TRANSACTION READ ONLY, READ WRITE", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'READ' ignored at line 1, column 28" },
  { "SET SESSION AUTHORIZATION joe", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'AUTHORIZATION' assumed to mean 'CHARACTERISTICS' at line 1, column 13" },
  { "ROLLBACK TO sp1", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'sp1' assumed to mean 'SAVEPOINT' at line 1, column 13" },
  { "RELEASE sp1", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'sp1' assumed to mean 'SAVEPOINT' at line 1, column 9" },
  { "EXPLAIN CREATE TABLE t (a INTEGER)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'CREATE' assumed to mean 'SELECT' at line 1, column 9" },
  { "CALL p", ML_E_SYNTAX_MISSING,
    "Syntax error, '(' assumed missing at line 1, column 7" },
  { "SELECT a FROM t FOR UPDATE OF", ML_E_SYNTAX_MISSING,
    "Syntax error, IDENTIFIER assumed missing at line 1, column 30" },
  { "SELECT a FROM t FOR DELETE", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'DELETE' assumed to mean 'UPDATE' at line 1, column 21" },
  { "SELECT a FROM t OFFSET 5", ML_E_SYNTAX_MISSING,
    "Syntax error, 'ROWS' assumed missing at line 1, column 25" },
  { "SELECT a FROM t FETCH FIRST 5 ONLY", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'ONLY' assumed to mean 'ROWS' at line 1, column 31" },
  { "SELECT a FROM t FETCH 5 ROWS ONLY", ML_E_SYNTAX_ASSUMED,
    "Syntax error, NUMERIC LITERAL '5' assumed to mean 'FIRST' at line 1, column 23" },
  { "SELECT a FROM t OFFSET -1 ROWS", ML_E_SYNTAX_ASSUMED,
    "Syntax error, '-' assumed to mean UNSIGNED INTEGER at line 1, column 24" },
  { "SELECT a FROM t FETCH FIRST 1.5 ROWS ONLY", ML_E_SYNTAX_ASSUMED,
    "Syntax error, NUMERIC LITERAL '1.5' assumed to mean UNSIGNED INTEGER at line 1, column 29" },
  { "(SELECT a FROM t ORDER BY a) ORDER BY a", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'ORDER' ignored at line 1, column 30" },
  { "WITH w AS (SELECT a FROM t) (WITH v AS (SELECT b FROM u) SELECT b FROM v)", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'WITH' ignored at line 1, column 30" },
  { "SELECT * FROM a NATURAL CROSS JOIN b", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'CROSS' assumed to mean 'JOIN' at line 1, column 25" },
  { "SELECT * FROM a JOIN b", ML_E_SYNTAX_MISSING,
    "Syntax error, 'ON' assumed missing at line 1, column 23" },
  { "SELECT * FROM a NATURAL JOIN b ON a.x = b.x", ML_E_SYNTAX_IGNORED,
    "Syntax error, 'ON' ignored at line 1, column 32" },
  { "SELECT * FROM a LEFT b", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'b' assumed to mean 'JOIN' at line 1, column 22" },
  { "SELECT CASE END FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'END' assumed to mean IDENTIFIER at line 1, column 13" },
  { "SELECT CASE WHEN a THEN b FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'FROM' assumed to mean 'END' at line 1, column 27" },
  { "SELECT CAST(a) FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, ')' assumed to mean 'AS' at line 1, column 14" },
  { "SELECT CAST(a AS) FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, ')' assumed to mean IDENTIFIER at line 1, column 17" },
  { "SELECT EXTRACT(WEEK FROM d) FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'WEEK' assumed to mean 'YEAR' at line 1, column 16" },
  { "SELECT EXTRACT(TIMEZONE_HOUR FROM d) FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'TIMEZONE_HOUR' assumed to mean 'YEAR' at line 1, column 16" },
  { "SELECT TRIM(LEADING 'x' s) FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 's' assumed to mean 'FROM' at line 1, column 25" },
  { "SELECT SUBSTRING(s, 1, 2) FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, ',' assumed to mean 'FROM' at line 1, column 19" },
  { "SELECT POSITION('a', s) FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, ',' assumed to mean 'IN' at line 1, column 20" },
  { "SELECT COUNT(DISTINCT) FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, ')' assumed to mean IDENTIFIER at line 1, column 22" },
  { "SELECT COUNT(DISTINCT *) FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, '*' assumed to mean IDENTIFIER at line 1, column 23" },
  { "SELECT a.b.c.d FROM t", ML_E_SYNTAX_MISSING,
    "Syntax error, 'FROM' IDENTIFIER assumed missing at line 1, column 13" },
  { "SELECT a FROM t WHERE EXISTS a", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'a' assumed to mean '(' at line 1, column 30" },
  { "SELECT a FROM t WHERE a IN ()", ML_E_SYNTAX_ASSUMED,
    "Syntax error, ')' assumed to mean IDENTIFIER at line 1, column 29" },
  { "SELECT INTERVAL '1' FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'FROM' assumed to mean 'DAY' at line 1, column 21" },
  { "SELECT INTERVAL 1 DAY FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, NUMERIC LITERAL '1' assumed to mean STRING LITERAL at line 1, column 17" },
  { "SELECT DAY FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'DAY' assumed to mean IDENTIFIER at line 1, column 8" },
  { "SELECT NEXT VALUE s FROM t", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 's' assumed to mean 'FOR' at line 1, column 19" },
  { "SELECT a FROM t WHERE a IN (DEFAULT)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'DEFAULT' assumed to mean IDENTIFIER at line 1, column 29" },
  { "VALUES (DEFAULT)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'DEFAULT' assumed to mean IDENTIFIER at line 1, column 9" },
  { "SELECT a FROM t UNION", ML_E_SYNTAX_MISSING,
    "Syntax error, 'SELECT' assumed missing at line 1, column 22" },
  { "SELECT a FROM t UNION ALL ALL SELECT b FROM u", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'ALL' assumed to mean 'SELECT' at line 1, column 27" },
  { "SELECT a\nFROM t\nWHERE a = 1 AND\n  b ==  2", ML_E_SYNTAX_ASSUMED,
    "Syntax error, '=' assumed to mean IDENTIFIER at line 4, column 6" },
  { "CREATE DATABANK d OF 10 K PAGES", ML_E_SYNTAX_ASSUMED,
    "Syntax error, IDENTIFIER 'K' assumed to mean 'PAGES' at line 1, column 25" },
  { "CREATE DOMAIN d AS INTEGER DEFAULT VALUE", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'VALUE' assumed to mean 'NULL' at line 1, column 36" },
  { "SELECT a FROM t WHERE VALUE > 0", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'VALUE' assumed to mean IDENTIFIER at line 1, column 23" },
  { "CREATE TABLE t (a INTEGER CHECK (VALUE > 0))", ML_E_SYNTAX_ASSUMED,
    "Syntax error, 'VALUE' assumed to mean IDENTIFIER at line 1, column 34" },
  { "SELECT * FROM (t)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, ')' assumed to mean 'JOIN' at line 1, column 17" },
  { "SELECT * FROM ((SELECT a FROM t) AS x)", ML_E_SYNTAX_ASSUMED,
    "Syntax error, ')' assumed to mean 'JOIN' at line 1, column 38" },
};

#define N_ACCEPT ((int)(sizeof(aAccept)/sizeof(aAccept[0])))
#define N_REJECT ((int)(sizeof(aReject)/sizeof(aReject[0])))

/* The reserved words of spec §1, as the official dialect lists them. */
static const char zSpecReserved[] =
  "ALL ALLOCATE ALTER AND ANY AS ASYMMETRIC AT ATOMIC AUTHORIZATION BEGIN "
  "BETWEEN BOTH BY CALL CALLED CASE CAST CHECK CLOSE COLLATE COLUMN COMMIT "
  "CONDITION CONNECT CONSTRAINT CORRESPONDING CREATE CROSS CURRENT "
  "CURRENT_DATE CURRENT_PATH CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER "
  "CURSOR DAY DEALLOCATE DECLARE DEFAULT DELETE DESCRIBE DETERMINISTIC "
  "DISCONNECT DISTINCT DO DROP ELSE ELSEIF END ESCAPE EXCEPT EXECUTE EXISTS "
  "EXTERNAL FALSE FETCH FIRST FOR FOREIGN FROM FULL FUNCTION GET GLOBAL "
  "GRANT GROUP HANDLER HAVING HOLD HOUR IDENTITY IF IN INDICATOR INNER "
  "INOUT INSERT INTERSECT INTERVAL INTO IS ITERATE JOIN LANGUAGE LARGE "
  "LEADING LEAVE LEFT LIKE LOCAL LOCALTIME LOCALTIMESTAMP LOOP MATCH MEMBER "
  "METHOD MINUTE MODIFIES MODULE MONTH NATIONAL NATURAL NEW NEXT NO NOT "
  "NULL OF OFFSET OLD ON OPEN OR ORDER OUT OVERLAPS PARAMETER PRECISION "
  "PREPARE PRIMARY PROCEDURE READS RECURSIVE REFERENCES REFERENCING RELEASE "
  "REPEAT RESIGNAL RESULT RETURN RETURNS REVOKE RIGHT ROLLBACK ROW ROWS "
  "SCROLL SECOND SELECT SESSION_USER SET SIGNAL SOME SPECIFIC SQL "
  "SQLEXCEPTION SQLSTATE SQLWARNING START STATIC SYMMETRIC SYSTEM_USER "
  "TABLE THEN TIMEZONE_HOUR TIMEZONE_MINUTE TO TRAILING TREAT TRIGGER TRUE "
  "UNION UNIQUE UNKNOWN UNTIL UPDATE USER USING VALUE VALUES VARYING WHEN "
  "WHERE WHILE WITH WITHOUT YEAR";

/* A statement text for failure messages: control and high bytes escaped. */
static const char *testShow(const char *z, size_t n){
  static char zBuf[400];
  size_t i, j = 0;
  for(i=0; i<n && j+5<sizeof(zBuf); i++){
    unsigned char c = (unsigned char)z[i];
    if( c<0x20 || c>=0x7F || c=='\\' ){
      j += (size_t)snprintf(zBuf+j, sizeof(zBuf)-j, "\\x%02X", c);
    }else{
      zBuf[j++] = (char)c;
    }
  }
  zBuf[j] = 0;
  return zBuf;
}

/*
** Parse zSql and print it canonically into *pzOut (malloc'ed, caller
** frees).  Returns the parse rc; pErr gets the error.
*/
static int testParsePrint(const char *zSql, size_t nSql, char **pzOut, MlError *pErr,
                          unsigned flags){
  Arena arena;
  AstStmt *pStmt = 0;
  int rc;
  arenaInit(&arena, 0);
  mlErrorClear(pErr);
  *pzOut = 0;
  rc = sqlParse(&arena, zSql, nSql, &pStmt, pErr);
  if( rc==ML_OK ){
    StrBuf b;
    strbufInit(&b, 0, 0);
    rc = astPrintStmt(&b, pStmt, flags);
    if( rc==ML_OK ) *pzOut = strdup(strbufCStr(&b));
    strbufFree(&b);
  }else{
    CHECK( pStmt==0 );
  }
  arenaFree(&arena);
  return rc;
}

/* The keyword table is sorted, and its reserved words are exactly spec §1's. */
static void test_keyword_table_is_sorted_and_matches_the_spec(void){
  int i, nReserved = 0, nSpec = 0;
  char zWord[40];
  const char *z = zSpecReserved;
  for(i=0; i<sqlKeywordCount(); i++){
    const char *zName;
    int t = sqlKeywordAt(i, &zName);
    if( i>0 ){
      const char *zPrev;
      sqlKeywordAt(i-1, &zPrev);
      if( strcmp(zPrev, zName)>=0 ) testFail(__FILE__, __LINE__, "keywords.def not sorted at %s", zName);
    }
    CHECK_EQ_INT(sqlKeywordLookup(zName, strlen(zName)), t);
    CHECK_EQ_STR(sqlKeywordName(t), zName);
    if( sqlKeywordFlags(t) & KWF_RESERVED ) nReserved++;
  }
  while( *z ){
    size_t n = strcspn(z, " ");
    int t;
    memcpy(zWord, z, n);
    zWord[n] = 0;
    t = sqlKeywordLookup(zWord, n);
    if( !SQL_IS_KEYWORD(t) || !(sqlKeywordFlags(t) & KWF_RESERVED) ){
      testFail(__FILE__, __LINE__, "%s should be a reserved keyword", zWord);
    }
    nSpec++;
    z += n;
    while( *z==' ' ) z++;
  }
  CHECK_EQ_INT(nReserved, nSpec);
  CHECK_EQ_INT(sqlKeywordLookup("select", 6), TK_SELECT);
  CHECK_EQ_INT(sqlKeywordLookup("SeLeCt", 6), TK_SELECT);
  CHECK_EQ_INT(sqlKeywordLookup("text", 4), TK_ID);
  CHECK_EQ_INT(sqlKeywordLookup("LIMIT", 5), TK_ID);
  CHECK_EQ_INT(sqlKeywordLookup("MERGE", 5), TK_ID);
  CHECK_EQ_INT(sqlKeywordFlags(TK_INTEGER) & KWF_RESERVED, 0);
  CHECK_EQ_INT(sqlKeywordFlags(TK_DATE) & KWF_RESERVED, 0);
  CHECK_EQ_INT(sqlKeywordFlags(TK_VARCHAR) & KWF_RESERVED, 0);
  CHECK( sqlKeywordFlags(TK_VALUE) & KWF_RESERVED );
  CHECK( sqlKeywordFlags(TK_LEFT) & KWF_FUNCTION );
}

/* Each accepted statement prints its canonical text, which re-parses to itself. */
static void test_accepted_statements_print_canonically_and_idempotently(void){
  int i;
  for(i=0; i<N_ACCEPT; i++){
    const AcceptCase *pCase = &aAccept[i];
    const char *zWant = pCase->zCanon ? pCase->zCanon : pCase->zSql;
    char *zOut = 0, *zOut2 = 0;
    MlError err;
    int rc = testParsePrint(pCase->zSql, strlen(pCase->zSql), &zOut, &err, 0);
    testChecks++;
    if( rc!=ML_OK ){
      testFail(__FILE__, __LINE__, "case %d rejected: %s\n    %s", i, pCase->zSql, err.zMsg);
      continue;
    }
    CHECK_EQ_STR(zOut, zWant);
    rc = testParsePrint(zOut, strlen(zOut), &zOut2, &err, 0);
    testChecks++;
    if( rc!=ML_OK ){
      testFail(__FILE__, __LINE__, "case %d: canonical text does not re-parse: %s\n    %s", i, zOut, err.zMsg);
    }else{
      CHECK_EQ_STR(zOut2, zOut);
    }
    free(zOut);
    free(zOut2);
  }
  fprintf(stderr, "   %d accepted statements\n", N_ACCEPT);
}

/* Each rejected statement fails with its code and its positioned message. */
static void test_rejected_statements_report_code_and_position(void){
  int i;
  for(i=0; i<N_REJECT; i++){
    const RejectCase *pCase = &aReject[i];
    char *zOut = 0;
    MlError err;
    int rc = testParsePrint(pCase->zSql, strlen(pCase->zSql), &zOut, &err, 0);
    if( rc==ML_OK ){
      testFail(__FILE__, __LINE__, "case %d accepted: %s -> %s", i, pCase->zSql, zOut);
      free(zOut);
      continue;
    }
    CHECK_EQ_INT(rc, pCase->code);
    CHECK_EQ_INT(err.code, pCase->code);
    CHECK_EQ_STR(err.zMsg, pCase->zMsg);
    CHECK( strstr(err.zMsg, " at line ")!=0 );
    CHECK_EQ_STR(err.zState, pCase->code==ML_E_TOO_COMPLEX ? "54001" : "42000");
  }
  fprintf(stderr, "   %d rejected statements\n", N_REJECT);
}

/* Parse one expression with sqlParseExpr; fails the test on error. */
static AstExpr *testExpr(Arena *pArena, const char *zSql){
  AstExpr *pExpr = 0;
  MlError err;
  int rc = sqlParseExpr(pArena, zSql, strlen(zSql), &pExpr, &err);
  if( rc ) testFail(__FILE__, __LINE__, "%s: %s", zSql, err.zMsg);
  return rc ? 0 : pExpr;
}

/* True if pExpr is a binary node with operator op. */
static int testIsOp(const AstExpr *pExpr, int op){
  return pExpr && (pExpr->kind==AE_BINARY || pExpr->kind==AE_UNARY) && pExpr->op==op;
}

/* The trees follow SQL precedence, checked on the nodes themselves. */
static void test_precedence_builds_the_expected_trees(void){
  Arena arena;
  AstExpr *p;
  arenaInit(&arena, 0);
  p = testExpr(&arena, "a + b * c");
  CHECK( testIsOp(p, AOP_ADD) && testIsOp(p->pRight, AOP_MUL) );
  p = testExpr(&arena, "a * b + c");
  CHECK( testIsOp(p, AOP_ADD) && testIsOp(p->pLeft, AOP_MUL) );
  p = testExpr(&arena, "a - b - c");
  CHECK( testIsOp(p, AOP_SUB) && testIsOp(p->pLeft, AOP_SUB) && p->pRight->kind==AE_COLUMN );
  p = testExpr(&arena, "-a * b");
  CHECK( testIsOp(p, AOP_MUL) && testIsOp(p->pLeft, AOP_NEG) );
  p = testExpr(&arena, "a || b + c");
  CHECK( testIsOp(p, AOP_ADD) && testIsOp(p->pLeft, AOP_CONCAT) );
  p = testExpr(&arena, "a = 1 OR b = 2 AND c = 3");
  CHECK( testIsOp(p, AOP_OR) && testIsOp(p->pLeft, AOP_EQ) && testIsOp(p->pRight, AOP_AND) );
  p = testExpr(&arena, "NOT a = b AND c");
  CHECK( testIsOp(p, AOP_AND) && testIsOp(p->pLeft, AOP_NOT) && testIsOp(p->pLeft->pLeft, AOP_EQ) );
  p = testExpr(&arena, "a BETWEEN 1 AND 2 AND b");
  CHECK( testIsOp(p, AOP_AND) && p->pLeft->kind==AE_BETWEEN );
  p = testExpr(&arena, "a + 1 < b * 2");
  CHECK( testIsOp(p, AOP_LT) && testIsOp(p->pLeft, AOP_ADD) && testIsOp(p->pRight, AOP_MUL) );
  p = testExpr(&arena, "a NOT IN (1, 2) OR b IS NOT NULL");
  CHECK( testIsOp(p, AOP_OR) && p->pLeft->kind==AE_IN_LIST && p->pLeft->isNot
         && p->pLeft->u.pList->n==2 && p->pRight->kind==AE_IS && p->pRight->isNot
         && p->pRight->op==AIS_NULL );
  p = testExpr(&arena, "x COLLATE sv || y");
  CHECK( testIsOp(p, AOP_CONCAT) && p->pLeft->kind==AE_COLLATE );
  p = testExpr(&arena, "a = ALL (SELECT b FROM u)");
  CHECK( p && p->kind==AE_QUANTIFIED && p->op==AOP_EQ && p->u.quant.quant==AQUANT_ALL );
  p = testExpr(&arena, "(ts2 - ts1) DAY(7)");
  CHECK( p && p->kind==AE_INTERVAL_OF && testIsOp(p->pLeft, AOP_SUB)
         && p->u.pType->t.intervalKind==IVK_DAY && p->u.pType->nPrecision==7 );
  p = testExpr(&arena, "VALUE > 0");
  CHECK( testIsOp(p, AOP_GT) && p->pLeft->kind==AE_VALUE );
  arenaFree(&arena);
}

/* Parse a statement; fails the test on error. */
static AstStmt *testStmt(Arena *pArena, const char *zSql){
  AstStmt *pStmt = 0;
  MlError err;
  int rc = sqlParse(pArena, zSql, strlen(zSql), &pStmt, &err);
  if( rc ) testFail(__FILE__, __LINE__, "%s: %s", zSql, err.zMsg);
  return rc ? 0 : pStmt;
}

/* ? and :name are numbered together, 1.., in order of appearance. */
static void test_parameters_are_numbered_in_order_of_appearance(void){
  static const char *const azName[] = { "x", 0, "x", 0, "y", 0 };
  Arena arena;
  AstStmt *pStmt;
  int i;
  arenaInit(&arena, 0);
  pStmt = testStmt(&arena,
      "SELECT a FROM t WHERE a = :x AND b = ? AND c = :x "
      "OR d IN (SELECT e FROM u WHERE f = ? AND g = :y) FETCH FIRST ? ROWS ONLY");
  if( pStmt ){
    CHECK_EQ_INT(pStmt->nParam, 6);
    for(i=0; i<pStmt->nParam && i<6; i++){
      const AstExpr *pParam = pStmt->apParam[i];
      CHECK_EQ_INT(pParam->kind, AE_PARAM);
      CHECK_EQ_INT(pParam->u.param.iOrdinal, i+1);
      if( azName[i] ) CHECK_EQ_STR(pParam->u.param.zName, azName[i]);
      else CHECK( pParam->u.param.zName==0 );
    }
    CHECK_EQ_INT(pStmt->apParam[0]->iPos, 26);
  }
  pStmt = testStmt(&arena, "EXPLAIN INSERT INTO t VALUES (?, ?)");
  if( pStmt ){
    CHECK_EQ_INT(pStmt->nParam, 2);
    CHECK_EQ_INT(pStmt->u.explain.pStmt->kind, AS_INSERT);
  }
  pStmt = testStmt(&arena, "COMMIT");
  if( pStmt ){
    CHECK_EQ_INT(pStmt->nParam, 0);
    CHECK( pStmt->apParam==0 );
  }
  arenaFree(&arena);
}

/* The i-th select-list expression of a query statement. */
static const AstExpr *testResCol(const AstStmt *pStmt, int i){
  const AstResCol *pCol = pStmt->u.query.pQuery->pSelect->pResCols->a[i];
  return pCol->pExpr;
}

/* Literals keep class, source text, value, and Mimer's precision/scale. */
static void test_literals_keep_class_text_value_and_precision(void){
  Arena arena;
  AstStmt *pStmt;
  const AstLiteral *pLit;
  arenaInit(&arena, 0);
  pStmt = testStmt(&arena,
      "SELECT 007, 003.1400, .5, 1E5, 'it''s', N'n', U&'\\00E4', X'0D0A', "
      "DATE '2024-01-01', INTERVAL -'3 00:00:45' DAY(3) TO SECOND(2), TRUE, "
      "UNKNOWN, NULL, 'a'\n 'b', 2.5e-3 FROM t");
  if( pStmt==0 ){ arenaFree(&arena); return; }
  pLit = &testResCol(pStmt, 0)->u.lit;
  CHECK_EQ_INT(pLit->cls, ALIT_EXACT); CHECK_EQ_INT(pLit->precision, 3); CHECK_EQ_INT(pLit->scale, 0);
  CHECK_EQ_STR(pLit->z, "007");
  pLit = &testResCol(pStmt, 1)->u.lit;
  CHECK_EQ_INT(pLit->cls, ALIT_EXACT); CHECK_EQ_INT(pLit->precision, 7); CHECK_EQ_INT(pLit->scale, 4);
  pLit = &testResCol(pStmt, 2)->u.lit;
  CHECK_EQ_INT(pLit->precision, 1); CHECK_EQ_INT(pLit->scale, 1);
  pLit = &testResCol(pStmt, 3)->u.lit;
  CHECK_EQ_INT(pLit->cls, ALIT_APPROX); CHECK_EQ_INT(pLit->precision, 1);
  pLit = &testResCol(pStmt, 4)->u.lit;
  CHECK_EQ_INT(pLit->cls, ALIT_CHAR); CHECK_EQ_STR(pLit->z, "it's"); CHECK_EQ_INT(pLit->n, 4);
  CHECK_EQ_INT(pLit->nSrc, 7);
  pLit = &testResCol(pStmt, 5)->u.lit;
  CHECK_EQ_INT(pLit->cls, ALIT_NCHAR); CHECK_EQ_STR(pLit->z, "n");
  pLit = &testResCol(pStmt, 6)->u.lit;
  CHECK_EQ_INT(pLit->cls, ALIT_UNICODE); CHECK_EQ_STR(pLit->z, "\xC3\xA4");
  pLit = &testResCol(pStmt, 7)->u.lit;
  CHECK_EQ_INT(pLit->cls, ALIT_BINARY); CHECK_EQ_INT(pLit->n, 2);
  CHECK( memcmp(pLit->z, "\r\n", 2)==0 );
  pLit = &testResCol(pStmt, 8)->u.lit;
  CHECK_EQ_INT(pLit->cls, ALIT_DATE); CHECK_EQ_STR(pLit->z, "2024-01-01");
  pLit = &testResCol(pStmt, 9)->u.lit;
  CHECK_EQ_INT(pLit->cls, ALIT_INTERVAL); CHECK_EQ_INT(pLit->neg, 1);
  CHECK_EQ_STR(pLit->z, "3 00:00:45");
  CHECK_EQ_INT(pLit->pType->t.intervalKind, IVK_DAY_TO_SECOND);
  CHECK_EQ_INT(pLit->pType->nPrecision, 3); CHECK_EQ_INT(pLit->pType->nScale, 2);
  CHECK_EQ_INT(pLit->nSrc, strlen("INTERVAL -'3 00:00:45' DAY(3) TO SECOND(2)"));
  pLit = &testResCol(pStmt, 10)->u.lit;
  CHECK_EQ_INT(pLit->cls, ALIT_BOOLEAN); CHECK_EQ_INT(pLit->bVal, 1);
  CHECK_EQ_INT(testResCol(pStmt, 11)->u.lit.cls, ALIT_UNKNOWN);
  CHECK_EQ_INT(testResCol(pStmt, 12)->u.lit.cls, ALIT_NULL);
  pLit = &testResCol(pStmt, 13)->u.lit;
  CHECK_EQ_STR(pLit->z, "ab");
  pLit = &testResCol(pStmt, 14)->u.lit;
  CHECK_EQ_INT(pLit->cls, ALIT_APPROX); CHECK_EQ_INT(pLit->precision, 2);
  CHECK_EQ_STR(pLit->z, "2.5e-3");
  arenaFree(&arena);
}

/* Names are stored as written, with a flag for delimited ones. */
static void test_identifiers_keep_case_and_delimited_flag(void){
  Arena arena;
  AstStmt *pStmt;
  arenaInit(&arena, 0);
  pStmt = testStmt(&arena,
      "SELECT MixedCase, \"Quoted\"\"X\", U&\"\\00E4x\", t.\"c\" FROM S.Tab AS t");
  if( pStmt ){
    const AstExpr *p = testResCol(pStmt, 0);
    const AstTableRef *pRef = pStmt->u.query.pQuery->pSelect->pFrom->a[0];
    CHECK_EQ_STR(p->u.col.aPart[0].z, "MixedCase"); CHECK_EQ_INT(p->u.col.aPart[0].isDelim, 0);
    p = testResCol(pStmt, 1);
    CHECK_EQ_STR(p->u.col.aPart[0].z, "Quoted\"X"); CHECK_EQ_INT(p->u.col.aPart[0].isDelim, 1);
    p = testResCol(pStmt, 2);
    CHECK_EQ_STR(p->u.col.aPart[0].z, "\xC3\xA4x"); CHECK_EQ_INT(p->u.col.aPart[0].isDelim, 1);
    p = testResCol(pStmt, 3);
    CHECK_EQ_INT(p->u.col.nPart, 2);
    CHECK_EQ_STR(p->u.col.aPart[0].z, "t"); CHECK_EQ_STR(p->u.col.aPart[1].z, "c");
    CHECK_EQ_STR(pRef->name.schema.z, "S"); CHECK_EQ_STR(pRef->name.name.z, "Tab");
    CHECK_EQ_STR(pRef->alias.z, "t");
    CHECK_EQ_INT(pRef->name.name.iPos, 56);
  }
  arenaFree(&arena);
}

/* The type of column i of a CREATE TABLE statement. */
static const AstType *testColType(const AstStmt *pStmt, int i){
  const AstColumnDef *pCol = pStmt->u.createTable.pColumns->a[i];
  return pCol->pType;
}

/* Declared types: ids, written parameters, and which ones were omitted. */
static void test_declared_types_record_written_and_omitted_parameters(void){
  Arena arena;
  AstStmt *pStmt;
  const AstType *p;
  arenaInit(&arena, 0);
  pStmt = testStmt(&arena,
      "CREATE TABLE t (a CHAR, b VARCHAR(10), c CLOB(10K), d DECIMAL, e DECIMAL(10,2), "
      "f FLOAT, g FLOAT(20), h INTEGER(12), i TIMESTAMP, j TIMESTAMP(3), "
      "k INTERVAL DAY TO SECOND, l INTERVAL SECOND(12,9), m BUILTIN.UUID, n TINYINT, "
      "o CHAR(99999999999), p DECIMAL(300), q NCHAR VARYING(7), r BLOB(2G), s INT)");
  if( pStmt==0 ){ arenaFree(&arena); return; }
  p = testColType(pStmt, 0);
  CHECK_EQ_INT(p->t.id, SQLT_CHAR); CHECK_EQ_INT(p->given, 0); CHECK_EQ_INT(p->t.length, 0);
  p = testColType(pStmt, 1);
  CHECK_EQ_INT(p->t.id, SQLT_VARCHAR); CHECK_EQ_INT(p->given, ATYPE_LENGTH); CHECK_EQ_INT(p->t.length, 10);
  p = testColType(pStmt, 2);
  CHECK_EQ_INT(p->t.id, SQLT_CLOB); CHECK_EQ_INT(p->lobUnit, 'K'); CHECK_EQ_INT(p->nLength, 10);
  CHECK_EQ_INT(p->t.length, 10240);
  p = testColType(pStmt, 3);
  CHECK_EQ_INT(p->t.id, SQLT_DECIMAL); CHECK_EQ_INT(p->given, 0);
  p = testColType(pStmt, 4);
  CHECK_EQ_INT(p->given, ATYPE_PRECISION|ATYPE_SCALE); CHECK_EQ_INT(p->t.precision, 10); CHECK_EQ_INT(p->t.scale, 2);
  CHECK_EQ_INT(testColType(pStmt, 5)->t.id, SQLT_DOUBLE);
  p = testColType(pStmt, 6);
  CHECK_EQ_INT(p->t.id, SQLT_FLOAT_P); CHECK_EQ_INT(p->t.precision, 20);
  p = testColType(pStmt, 7);
  CHECK_EQ_INT(p->t.id, SQLT_INTEGER_P); CHECK_EQ_INT(p->t.precision, 12);
  p = testColType(pStmt, 8);
  CHECK_EQ_INT(p->t.id, SQLT_TIMESTAMP); CHECK_EQ_INT(p->given, 0);
  p = testColType(pStmt, 9);
  CHECK_EQ_INT(p->given, ATYPE_SCALE); CHECK_EQ_INT(p->t.scale, 3);
  p = testColType(pStmt, 10);
  CHECK_EQ_INT(p->t.id, SQLT_INTERVAL); CHECK_EQ_INT(p->t.intervalKind, IVK_DAY_TO_SECOND);
  CHECK_EQ_INT(p->given, 0);
  p = testColType(pStmt, 11);
  CHECK_EQ_INT(p->t.intervalKind, IVK_SECOND); CHECK_EQ_INT(p->t.precision, 12); CHECK_EQ_INT(p->t.scale, 9);
  p = testColType(pStmt, 12);
  CHECK_EQ_INT(p->t.id, SQLT_UUID); CHECK_EQ_STR(p->udt.name.z, "UUID");
  p = testColType(pStmt, 13);
  CHECK_EQ_INT(p->t.id, SQLT_NULL); CHECK_EQ_INT(p->given, ATYPE_USER); CHECK_EQ_STR(p->udt.name.z, "TINYINT");
  p = testColType(pStmt, 14);
  CHECK_EQ_INT(p->nLength, UINT32_MAX);
  p = testColType(pStmt, 15);
  CHECK_EQ_INT(p->nPrecision, 300); CHECK_EQ_INT(p->t.precision, 255);
  p = testColType(pStmt, 16);
  CHECK_EQ_INT(p->t.id, SQLT_NVARCHAR); CHECK_EQ_INT(p->t.length, 7);
  p = testColType(pStmt, 17);
  CHECK_EQ_INT(p->t.id, SQLT_BLOB); CHECK_EQ_INT(p->t.length, 2147483648u);
  CHECK_EQ_INT(testColType(pStmt, 18)->t.id, SQLT_INTEGER);
  {
    StrBuf b;
    strbufInit(&b, 0, 0);
    CHECK_EQ_INT(astPrintType(&b, testColType(pStmt, 10), 0), ML_OK);
    CHECK_EQ_STR(strbufCStr(&b), "INTERVAL DAY TO SECOND");
    strbufFree(&b);
  }
  arenaFree(&arena);
}

/* Statement trees hold their clauses where later layers will look. */
static void test_statement_trees_hold_the_clauses(void){
  Arena arena;
  AstStmt *pStmt;
  arenaInit(&arena, 0);
  pStmt = testStmt(&arena, "INSERT INTO s.t (a, b) VALUES (1, DEFAULT), (2, 3)");
  if( pStmt ){
    const AstList *pRow;
    CHECK_EQ_STR(astStmtName(pStmt->kind), "INSERT");
    CHECK_EQ_STR(pStmt->u.insert.table.schema.z, "s");
    CHECK_EQ_INT(pStmt->u.insert.pCols->n, 2);
    CHECK_EQ_INT(pStmt->u.insert.pQuery->kind, AQ_VALUES);
    CHECK_EQ_INT(pStmt->u.insert.pQuery->pRows->n, 2);
    pRow = pStmt->u.insert.pQuery->pRows->a[0];
    CHECK_EQ_INT(((const AstExpr*)pRow->a[1])->kind, AE_DEFAULT);
  }
  pStmt = testStmt(&arena, "INSERT INTO t DEFAULT VALUES");
  if( pStmt ) CHECK( pStmt->u.insert.pQuery==0 && pStmt->u.insert.pCols==0 );
  pStmt = testStmt(&arena,
      "CREATE TABLE c (id INTEGER NOT NULL, p INTEGER, CONSTRAINT fk FOREIGN KEY (p) "
      "REFERENCES s.par (id) ON DELETE CASCADE ON UPDATE SET NULL) IN bank");
  if( pStmt ){
    const AstConstraint *pCons = pStmt->u.createTable.pCons->a[0];
    const AstColumnDef *pCol = pStmt->u.createTable.pColumns->a[0];
    CHECK_EQ_STR(astStmtName(pStmt->kind), "CREATE TABLE");
    CHECK_EQ_INT(pStmt->u.createTable.pColumns->n, 2);
    CHECK_EQ_INT(((const AstConstraint*)pCol->pCons->a[0])->kind, ACONS_NOT_NULL);
    CHECK_EQ_INT(pCons->kind, ACONS_FOREIGN_KEY);
    CHECK_EQ_STR(pCons->name.z, "fk");
    CHECK_EQ_STR(pCons->refTable.schema.z, "s");
    CHECK_EQ_STR(pCons->refTable.name.z, "par");
    CHECK_EQ_INT(pCons->onDelete, AREF_CASCADE);
    CHECK_EQ_INT(pCons->onUpdate, AREF_SET_NULL);
    CHECK_EQ_STR(pStmt->u.createTable.databank.z, "bank");
  }
  pStmt = testStmt(&arena, "GRANT SELECT, UPDATE (a) ON TABLE t TO joe, PUBLIC WITH GRANT OPTION");
  if( pStmt ){
    const AstPrivilege *pPriv = pStmt->u.grant.pPrivs->a[1];
    CHECK_EQ_INT(pStmt->u.grant.pPrivs->n, 2);
    CHECK_EQ_INT(pPriv->kind, APRIV_UPDATE);
    CHECK_EQ_INT(pPriv->pCols->n, 1);
    CHECK_EQ_INT(pStmt->u.grant.objKind, AOBJ_TABLE);
    CHECK_EQ_INT(pStmt->u.grant.pGrantees->n, 2);
    CHECK_EQ_INT(pStmt->u.grant.grantOption, 1);
  }
  pStmt = testStmt(&arena,
      "SELECT a FROM t UNION SELECT b FROM u INTERSECT SELECT c FROM v "
      "ORDER BY 1 DESC OFFSET 2 ROWS FETCH FIRST 3 ROWS ONLY");
  if( pStmt ){
    const AstQuery *pQuery = pStmt->u.query.pQuery;
    CHECK_EQ_STR(astStmtName(pStmt->kind), "query");
    CHECK_EQ_INT(pQuery->kind, AQ_SETOP);
    CHECK_EQ_INT(pQuery->setOp, ASET_UNION);
    CHECK_EQ_INT(pQuery->pLeft->kind, AQ_SELECT);
    CHECK_EQ_INT(pQuery->pRight->kind, AQ_SETOP);
    CHECK_EQ_INT(pQuery->pRight->setOp, ASET_INTERSECT);
    CHECK_EQ_INT(pQuery->pOrderBy->n, 1);
    CHECK_EQ_INT(((const AstOrderItem*)pQuery->pOrderBy->a[0])->dir, ASORT_DESC);
    CHECK_EQ_STR(pQuery->pOffset->u.lit.z, "2");
    CHECK_EQ_STR(pQuery->pFetch->u.lit.z, "3");
  }
  pStmt = testStmt(&arena, "SELECT * FROM a LEFT JOIN b USING (x) CROSS JOIN c, d");
  if( pStmt ){
    const AstSelect *pSel = pStmt->u.query.pQuery->pSelect;
    const AstTableRef *pRef = pSel->pFrom->a[0];
    CHECK_EQ_INT(pSel->pFrom->n, 2);
    CHECK_EQ_INT(pRef->kind, ATR_JOIN);
    CHECK_EQ_INT(pRef->joinType, AJ_CROSS);
    CHECK_EQ_INT(pRef->pLeft->kind, ATR_JOIN);
    CHECK_EQ_INT(pRef->pLeft->joinType, AJ_LEFT);
    CHECK_EQ_INT(pRef->pLeft->pUsing->n, 1);
    CHECK( ((const AstResCol*)pSel->pResCols->a[0])->isStar );
  }
  pStmt = testStmt(&arena, "ROLLBACK TO SAVEPOINT sp");
  if( pStmt ){
    CHECK_EQ_STR(astStmtName(pStmt->kind), "ROLLBACK");
    CHECK_EQ_STR(pStmt->u.txnEnd.savepoint.z, "sp");
  }
  pStmt = testStmt(&arena, "SET TRANSACTION READ ONLY, ISOLATION LEVEL SERIALIZABLE");
  if( pStmt ){
    CHECK_EQ_INT(pStmt->u.txn.access, ATXN_READ_ONLY);
    CHECK_EQ_INT(pStmt->u.txn.isolation, ATXN_ISO_SERIALIZABLE);
  }
  arenaFree(&arena);
}

/* A statement of the form zPre + name of n repetitions of zUnit + zPost. */
static char *testRepeat(const char *zPre, const char *zUnit, int n, const char *zPost){
  size_t nPre = strlen(zPre), nUnit = strlen(zUnit), nPost = strlen(zPost);
  char *z = malloc(nPre + nUnit*(size_t)n + nPost + 1);
  int i;
  memcpy(z, zPre, nPre);
  for(i=0; i<n; i++) memcpy(z+nPre+nUnit*(size_t)i, zUnit, nUnit);
  memcpy(z+nPre+nUnit*(size_t)n, zPost, nPost+1);
  return z;
}

/* Parse z and return the rc; pErr gets the message. */
static int testRc(const char *z, MlError *pErr){
  Arena arena;
  AstStmt *pStmt;
  int rc;
  arenaInit(&arena, 0);
  rc = sqlParse(&arena, z, strlen(z), &pStmt, pErr);
  arenaFree(&arena);
  return rc;
}

/* Identifiers hold up to 128 characters (not bytes), regular or delimited. */
static void test_identifiers_longer_than_128_characters_are_rejected(void){
  MlError err;
  char *z;
  z = testRepeat("SELECT ", "a", 128, " FROM t");
  CHECK_EQ_INT(testRc(z, &err), ML_OK); free(z);
  z = testRepeat("SELECT ", "a", 129, " FROM t");
  CHECK_EQ_INT(testRc(z, &err), ML_E_IDENT_TOO_LONG);
  CHECK( strstr(err.zMsg, "longer than 128 characters at line 1, column 8")!=0 ); free(z);
  z = testRepeat("SELECT \"", "\xC3\xA4", 128, "\" FROM t");
  CHECK_EQ_INT(testRc(z, &err), ML_OK); free(z);
  z = testRepeat("SELECT \"", "\"\"", 129, "\" FROM t");
  CHECK_EQ_INT(testRc(z, &err), ML_E_IDENT_TOO_LONG); free(z);
  z = testRepeat("SELECT a FROM t AS ", "\xC3\xA4", 129, "");
  CHECK_EQ_INT(testRc(z, &err), ML_E_IDENT_TOO_LONG); free(z);
  z = testRepeat("SELECT U&\"", "\\00E4", 129, "\" FROM t");
  CHECK_EQ_INT(testRc(z, &err), ML_E_IDENT_TOO_LONG); free(z);
}

/* Deep nesting and very long chains stop at the nesting limit. */
static void test_nesting_beyond_the_limit_is_too_complex(void){
  MlError err;
  char *z, *zOpen, *zClose;
  zOpen = testRepeat("SELECT ", "(", 900, "1");
  zClose = testRepeat(zOpen, ")", 900, " FROM t");
  CHECK_EQ_INT(testRc(zClose, &err), ML_OK);
  free(zOpen); free(zClose);
  zOpen = testRepeat("SELECT ", "(", 20000, "1");
  CHECK_EQ_INT(testRc(zOpen, &err), ML_E_TOO_COMPLEX);
  CHECK( strstr(err.zMsg, "Statement too complex") && strstr(err.zMsg, " at line 1, column ") );
  free(zOpen);
  z = testRepeat("SELECT a FROM t WHERE a = 0", " OR a = 1", 900, "");
  CHECK_EQ_INT(testRc(z, &err), ML_OK); free(z);
  z = testRepeat("SELECT a FROM t WHERE a = 0", " OR a = 1", 5000, "");
  CHECK_EQ_INT(testRc(z, &err), ML_E_TOO_COMPLEX); free(z);
  z = testRepeat("SELECT a FROM t", " UNION SELECT a FROM t", 3000, "");
  CHECK_EQ_INT(testRc(z, &err), ML_E_TOO_COMPLEX); free(z);
  z = testRepeat("SELECT a FROM t", " JOIN t ON 1 = 1", 3000, "");
  CHECK_EQ_INT(testRc(z, &err), ML_E_TOO_COMPLEX); free(z);
  z = testRepeat("SELECT a FROM t WHERE a IN (0", ", 1", 20000, ")");
  CHECK_EQ_INT(testRc(z, &err), ML_OK); free(z);
  z = testRepeat("SELECT ", "- ", 5000, "1 FROM t");
  CHECK_EQ_INT(testRc(z, &err), ML_E_TOO_COMPLEX); free(z);
}

/* Positions count lines (LF, CR LF, CR) and characters, not bytes. */
static void test_error_positions_count_lines_and_characters(void){
  MlError err;
  CHECK_EQ_INT(testRc("SELECT a\r\nFROM t\r\nWHERE b ==  2", &err), ML_E_SYNTAX_ASSUMED);
  CHECK( strstr(err.zMsg, " at line 3, column 10")!=0 );
  CHECK_EQ_INT(testRc("SELECT a\rFROM t\rLIMIT 1", &err), ML_E_SYNTAX_IGNORED);
  CHECK( strstr(err.zMsg, " at line 3, column 7")!=0 );
  CHECK_EQ_INT(testRc("SELECT \xC3\xA5\xC3\xA4\xC3\xB6 FROM t x y", &err), ML_E_SYNTAX_IGNORED);
  CHECK_EQ_STR(err.zMsg, "Syntax error, IDENTIFIER 'y' ignored at line 1, column 21");
  CHECK_EQ_INT(testRc("SELECT 'abc\xFF' FROM t", &err), ML_E_BAD_LITERAL);
  CHECK( strstr(err.zMsg, "\\xFF")!=0 && strstr(err.zMsg, " at line 1, column 8")!=0 );
  CHECK_EQ_INT(testRc("SELECT a FROM t WHERE a = 1 \xE2\x82\xAC", &err), ML_E_SYNTAX_IGNORED);
  CHECK_EQ_STR(err.zMsg, "Syntax error, '\xE2\x82\xAC' ignored at line 1, column 29");
  CHECK_EQ_INT(testRc("SELECT a FROM t WHERE a = 'x", &err), ML_E_SYNTAX_MISSING);
  CHECK_EQ_INT(testRc("", &err), ML_E_SYNTAX_MISSING);
  CHECK( strstr(err.zMsg, " at line 1, column 1")!=0 );
  {
    /* The first error in the text wins: a syntax error before a lexical one. */
    CHECK_EQ_INT(testRc("SELECT a a a FROM t WHERE 'unterminated", &err), ML_E_SYNTAX_MISSING);
    CHECK( strstr(err.zMsg, "'FROM' IDENTIFIER")!=0 );
  }
}

/* ASTPRINT_QUOTE_IDENTS quotes object names (as Mimer's catalog texts do). */
static void test_quoted_printing_for_catalog_texts(void){
  static const char zSql[] =
      "SELECT a, t.b, COUNT(*), LEFT(c, 1) FROM s.t WHERE c = NEXT VALUE FOR s.q";
  char *zOut = 0, *zOut2 = 0;
  MlError err;
  int rc = testParsePrint(zSql, strlen(zSql), &zOut, &err, ASTPRINT_QUOTE_IDENTS);
  CHECK_EQ_INT(rc, ML_OK);
  CHECK_EQ_STR(zOut, "SELECT \"a\", \"t\".\"b\", COUNT(*), LEFT(\"c\", 1) FROM \"s\".\"t\" "
                     "WHERE (\"c\" = NEXT VALUE FOR \"s\".\"q\")");
  if( zOut ){
    rc = testParsePrint(zOut, strlen(zOut), &zOut2, &err, 0);
    CHECK_EQ_INT(rc, ML_OK);
    CHECK_EQ_STR(zOut2, zOut);
  }
  free(zOut);
  free(zOut2);
}

/* sqlParseExpr parses a lone expression and rejects trailing tokens. */
static void test_parse_expr_for_stored_texts(void){
  Arena arena;
  AstExpr *pExpr;
  MlError err;
  StrBuf b;
  arenaInit(&arena, 0);
  strbufInit(&b, 0, 0);
  CHECK_EQ_INT(sqlParseExpr(&arena, "char_length(VALUE) <= 30", 24, &pExpr, &err), ML_OK);
  CHECK_EQ_INT(astPrintExpr(&b, pExpr, 0), ML_OK);
  CHECK_EQ_STR(strbufCStr(&b), "(char_length(VALUE) <= 30)");
  CHECK_EQ_INT(sqlParseExpr(&arena, "a b", 3, &pExpr, &err), ML_E_SYNTAX_IGNORED);
  CHECK( pExpr==0 );
  CHECK_EQ_INT(sqlParseExpr(&arena, "a +", 3, &pExpr, &err), ML_E_SYNTAX_MISSING);
  strbufFree(&b);
  arenaFree(&arena);
}

/*
** Check one parse of z[0..n-1] (exactly that many bytes on the heap, so
** ASan sees any over-read): ML_OK with an idempotent canonical print, or a
** negative code with a positioned message.  Returns 1 if a check failed;
** counts accepted inputs in *pnAccepted.
*/
static int testRobustOne(Arena *pArena, const char *z, size_t n, int *pnAccepted){
  char *zCopy = malloc(n ? n : 1);
  AstStmt *pStmt = 0;
  MlError err;
  int rc, bad = 0;
  memcpy(zCopy, z, n);
  mlErrorClear(&err);
  arenaReset(pArena);
  rc = sqlParse(pArena, zCopy, n, &pStmt, &err);
  testChecks++;
  if( rc==ML_OK ){
    StrBuf b1, b2;
    (*pnAccepted)++;
    AstStmt *pStmt2 = 0;
    strbufInit(&b1, 0, 0);
    strbufInit(&b2, 0, 0);
    astPrintStmt(&b1, pStmt, 0);
    rc = sqlParse(pArena, strbufCStr(&b1), b1.n, &pStmt2, &err);
    if( rc!=ML_OK ){
      testFail(__FILE__, __LINE__, "accepted %s\n    prints %s\n    which fails: %s",
               testShow(z, n), strbufCStr(&b1), err.zMsg);
      bad = 1;
    }else{
      astPrintStmt(&b2, pStmt2, 0);
      if( strcmp(strbufCStr(&b1), strbufCStr(&b2))!=0 ){
        testFail(__FILE__, __LINE__, "not idempotent: %s\n    %s\n    %s",
                 testShow(z, n), strbufCStr(&b1), strbufCStr(&b2));
        bad = 1;
      }
    }
    strbufFree(&b1);
    strbufFree(&b2);
  }else if( rc>0 || err.code!=rc || err.zMsg[0]==0
         || (rc!=ML_E_NOMEM && strstr(err.zMsg, " at line ")==0) ){
    testFail(__FILE__, __LINE__, "bad error for %s: rc=%d code=%d msg=%s",
             testShow(z, n), rc, err.code, err.zMsg);
    bad = 1;
  }
  free(zCopy);
  return bad;
}

/* Fragments inserted by the mutator: tokens, quotes, comment openers, bad bytes. */
static const char *const azFragment[] = {
  " ", "(", ")", ",", ".", ";", "'", "\"", "--", "/*", "*/", "?", ":p", "||",
  "U&'", "U&\"", "X'", "N'", "\\", "\xC3", "\xA4", "\xFF", "\xE2\x82", "0",
  "9e", "1.", "K", "SELECT ", " FROM ", " WHERE ", " AND ", " NOT ", " IN ",
  " JOIN ", " ON ", " UNION ", " ORDER BY ", " VALUES ", " INTERVAL ",
  " DAY ", " TO ", " SECOND(", " CAST(", " AS ", " NULL ", " DEFAULT ",
  " CASE ", " WHEN ", " END ", " WITH ", " UESCAPE '!'", "\n", "\r", "\t",
  "\0"
};
#define N_FRAGMENT ((int)(sizeof(azFragment)/sizeof(azFragment[0])))

/* Apply one random mutation to z[0..*pn-1] (capacity nMax). */
static void testMutate(char *z, size_t *pn, size_t nMax){
  size_t n = *pn;
  size_t i = n ? (size_t)(testRandom() % n) : 0;
  switch( testRandom() % 6 ){
    case 0:   /* delete a byte */
      if( n ){ memmove(z+i, z+i+1, n-i-1); n--; }
      break;
    case 1:   /* insert a random byte */
      if( n<nMax ){ memmove(z+i+1, z+i, n-i); z[i] = (char)(testRandom() & 0xFF); n++; }
      break;
    case 2:   /* swap two neighbours */
      if( i+1<n ){ char c = z[i]; z[i] = z[i+1]; z[i+1] = c; }
      break;
    case 3:   /* truncate */
      n = i;
      break;
    case 4: { /* duplicate a slice */
      size_t len = 1 + (size_t)(testRandom() % 8), j;
      if( i+len>n ) len = n-i;
      j = n ? (size_t)(testRandom() % n) : 0;
      if( len && n+len<=nMax ){
        char tmp[8];
        memcpy(tmp, z+i, len);
        memmove(z+j+len, z+j, n-j);
        memcpy(z+j, tmp, len);
        n += len;
      }
      break;
    }
    default: { /* insert a fragment */
      int k = (int)(testRandom() % N_FRAGMENT);
      size_t len = k==N_FRAGMENT-1 ? 1 : strlen(azFragment[k]);
      if( n+len<=nMax ){
        memmove(z+i+len, z+i, n-i);
        memcpy(z+i, azFragment[k], len);
        n += len;
      }
      break;
    }
  }
  *pn = n;
}

/* ~100,000 random mutations of the corpus: no crash, sane results. */
static void test_random_mutations_never_crash(void){
  enum { N_ITER = 100000, N_MAX = 4096 };
  char *z = malloc(N_MAX);
  Arena arena;
  int i, nBad = 0, nAccepted = 0;
  arenaInit(&arena, 0);
  testSeed(0x5eed5eedULL);
  for(i=0; i<N_ITER && nBad<10; i++){
    int k = (int)(testRandom() % (uint64_t)(N_ACCEPT+N_REJECT));
    const char *zSeed = k<N_ACCEPT ? aAccept[k].zSql : aReject[k-N_ACCEPT].zSql;
    size_t n = strlen(zSeed);
    int m, nMut = 1 + (int)(testRandom() % 4);
    if( n>N_MAX ) n = N_MAX;
    memcpy(z, zSeed, n);
    for(m=0; m<nMut; m++) testMutate(z, &n, N_MAX);
    nBad += testRobustOne(&arena, z, n, &nAccepted);
  }
  CHECK_EQ_INT(nBad, 0);
  CHECK( nAccepted>0 );
  arenaFree(&arena);
  free(z);
  fprintf(stderr, "   %d mutations, %d of them accepted\n", i, nAccepted);
}

/* Words for token soups. */
static const char *const azSoup[] = {
  "SELECT", "FROM", "WHERE", "a", "t", "\"q\"", "1", "2.5", "1E3", "'s'",
  "N'n'", "X'0A'", "?", ":p", "(", ")", ",", ".", "*", "+", "-", "/", "||",
  "=", "<>", "<", ">=", "AND", "OR", "NOT", "IS", "NULL", "IN", "LIKE",
  "BETWEEN", "EXISTS", "CASE", "WHEN", "THEN", "ELSE", "END", "CAST", "AS",
  "INTEGER", "VARCHAR", "INTERVAL", "DAY", "TO", "SECOND", "JOIN", "ON",
  "LEFT", "USING", "UNION", "ALL", "ORDER", "BY", "DESC", "OFFSET", "ROWS",
  "FETCH", "FIRST", "ONLY", "VALUES", "WITH", "INSERT", "INTO", "UPDATE",
  "SET", "DELETE", "CREATE", "TABLE", "PRIMARY", "KEY", "DEFAULT", "CHECK",
  "REFERENCES", "DROP", "CASCADE", "GRANT", "TO", "COMMIT", "ROLLBACK",
  "NEXT", "VALUE", "FOR", "CURRENT", "SUBSTRING", "TRIM", "EXTRACT",
  "POSITION", "COUNT", "DISTINCT", "GROUP", "HAVING", "SEQUENCE", "DOMAIN",
  "INDEX", "VIEW", "CONSTRAINT", "FOREIGN", "COLLATE", "DATE", "'2024-01-01'",
  "TIMESTAMP", "EXPLAIN", "CALL", ";"
};
#define N_SOUP ((int)(sizeof(azSoup)/sizeof(azSoup[0])))

/* ~20,000 random token sequences: no crash, sane results. */
static void test_random_token_soups_never_crash(void){
  enum { N_ITER = 20000 };
  char z[2048];
  Arena arena;
  int i, nBad = 0, nAccepted = 0;
  arenaInit(&arena, 0);
  testSeed(0x50095009ULL);
  for(i=0; i<N_ITER && nBad<10; i++){
    size_t n = 0;
    int k, nTok = 1 + (int)(testRandom() % 30);
    for(k=0; k<nTok; k++){
      const char *zTok = azSoup[testRandom() % N_SOUP];
      size_t len = strlen(zTok);
      memcpy(z+n, zTok, len);
      n += len;
      z[n++] = ' ';
    }
    nBad += testRobustOne(&arena, z, n, &nAccepted);
  }
  CHECK_EQ_INT(nBad, 0);
  arenaFree(&arena);
  fprintf(stderr, "   %d token soups, %d of them accepted\n", i, nAccepted);
}

int main(void){
  TEST_RUN(test_keyword_table_is_sorted_and_matches_the_spec);
  TEST_RUN(test_accepted_statements_print_canonically_and_idempotently);
  TEST_RUN(test_rejected_statements_report_code_and_position);
  TEST_RUN(test_precedence_builds_the_expected_trees);
  TEST_RUN(test_parameters_are_numbered_in_order_of_appearance);
  TEST_RUN(test_literals_keep_class_text_value_and_precision);
  TEST_RUN(test_identifiers_keep_case_and_delimited_flag);
  TEST_RUN(test_declared_types_record_written_and_omitted_parameters);
  TEST_RUN(test_statement_trees_hold_the_clauses);
  TEST_RUN(test_identifiers_longer_than_128_characters_are_rejected);
  TEST_RUN(test_nesting_beyond_the_limit_is_too_complex);
  TEST_RUN(test_error_positions_count_lines_and_characters);
  TEST_RUN(test_quoted_printing_for_catalog_texts);
  TEST_RUN(test_parse_expr_for_stored_texts);
  TEST_RUN(test_random_mutations_never_crash);
  TEST_RUN(test_random_token_soups_never_crash);
  return testReport();
}
