r"""
.. dialect:: mimer
    :name: Mimer SQL
    :normal_support: 11.0+

Mimer SQL dialect for SQLAlchemy 2.x.

Connecting
----------

``mimer://USER:PASSWORD@DATABASE`` - the "host" part of the URL is the Mimer
*database name* (looked up in SQLHOSTS by a Mimer client library, or a
database of the embedded mimerlite engine).  See ``mimerpy.py``.

Auto-increment
--------------

Mimer SQL has no IDENTITY or AUTO_INCREMENT columns.  An auto-incrementing
integer primary key (``Column(Integer, primary_key=True)``, or any column
with ``Identity()``) is backed by a sequence and a column default::

    CREATE SEQUENCE authors_id_autoinc_seq
    CREATE TABLE authors (
        id INTEGER DEFAULT NEXT VALUE FOR authors_id_autoinc_seq NOT NULL, ...)

The sequence is named ``<table>_<column>_autoinc_seq`` (cut to 128
characters with a hash suffix when longer), lives in the table's schema, is
``AS BIGINT``/``AS SMALLINT`` for BigInteger/SmallInteger columns, and takes
``Identity()``'s START/INCREMENT/MINVALUE/MAXVALUE/CYCLE options (CACHE and
ORDER have no Mimer equivalent and are ignored; ``always=True`` cannot be
enforced: a value given explicitly is stored).  An ``optional=True``
``Sequence`` on the column gives the implicit sequence its name and options.

The sequence is created just before CREATE TABLE and dropped just after DROP
TABLE by the execution context of those two statements (``pre_exec`` /
``post_exec``), for ``metadata.create_all()``, ``CreateTable(t)`` and Alembic
alike (a CREATE TABLE that fails drops again the sequences created for it);
nothing is registered globally and no user object is changed.  A DDL
script printed without a database (a mock engine) shows only the CREATE
TABLE; Alembic's offline mode writes the sequences itself.

INSERT leaves the column out; the new key comes back through
``cursor.lastrowid`` (``postfetch_lastrowid``), which MimerPy fills from the
C API's "sequence value of the last statement".  An explicit, non-optional
``Sequence`` works as in every SQLAlchemy dialect: SQLAlchemy creates it and
fetches ``NEXT VALUE FOR seq`` before the INSERT.

Identifier case
---------------

Mimer SQL 11 compares every identifier case-insensitively - quoted ones
too - and stores names as written: ``create table authors`` is ``authors``
in the catalog, ``CREATE TABLE AUTHORS`` is ``AUTHORS``.  This dialect
therefore does **no** name normalisation (``requires_name_normalize`` is
False): names are reflected exactly as stored, so tables created through
SQLAlchemy (usually lower case) reflect under the names they were given,
and a name given to reflection is passed to the catalog as is, where Mimer
compares it case-insensitively.  SQLAlchemy quotes names that are not all
lower case; in Mimer that quoting is harmless.  Consequence: ``Table("a")``
and ``Table("A")`` are one table in Mimer, and a table created in upper case
by other tools reflects with upper-case table and column names.

LIMIT and OFFSET
----------------

Mimer has no LIMIT.  ``.limit(n).offset(m)`` renders
``OFFSET ? ROWS FETCH FIRST ? ROWS ONLY`` with bound parameters, so two
statements differing only in their limit share one cached SQL string and
never each other's values.  ``FETCH ... PERCENT`` and ``WITH TIES`` raise
CompileError.

FROM-less SELECT
----------------

Mimer requires a FROM clause: ``select(1)`` renders
``SELECT 1 FROM SYSTEM.ONEROW``.  A bound parameter in a select list gets a
``CAST(? AS type)``, as Mimer cannot infer the type of a bare ``?`` there.

No RETURNING, no savepoints, no IS DISTINCT FROM, no NULLS FIRST/LAST
-----------------------------------------------------------------------

INSERT/UPDATE/DELETE ... RETURNING do not exist: the dialect says so
(``insert_returning`` and the rest are False, so the ORM never asks), and an
explicit ``.returning()`` is sent as written and refused by the server, as
SQLAlchemy expects of such dialects.  SAVEPOINT is not a
documented Mimer statement, so ``begin_nested()`` raises CompileError, as do
``is_distinct_from()``, ``nulls_first()``/``nulls_last()``,
``regexp_match()``/``regexp_replace()`` (Mimer's REGEXP_MATCH pattern
language is undocumented), ``Computed`` columns and ``IF [NOT] EXISTS``.

Division
--------

Integer division truncates in Mimer.  ``a / b`` is a true division in
SQLAlchemy 2: an integer divisor is rendered ``CAST(b AS DECIMAL(19, 0))``,
giving a DECIMAL quotient with at least 19 fraction digits for INTEGER and
BIGINT dividends (Mimer's rule: p = max(15, p1 + p2), s = p - (p1 - s1) - s2).
Behind a divisor of unknown type (an untyped function) an integer dividend
is cast to DECIMAL(19, 0) instead, so the divisor keeps its fraction.
``a // b`` of two integers is ``a / b`` (truncation toward zero, as on
PostgreSQL), otherwise ``FLOOR(a / b)``.

Parameter types
---------------

Mimer gives a ``?`` the type of the other operand and refuses one it cannot
type (-12262).  The compiler casts the bound values that have none:
``? = ?`` (the left one), ``? IS NULL``, a value in a select list, and - to
the widest string, as the value may be longer than the column - ``x || ?``
and ``x LIKE ?``.  Integers are cast to BIGINT and a DECIMAL without
precision to DECIMAL(45, 20).  ``col = ?`` stays uncast.

Transactions, isolation levels, DDL
-----------------------------------

Concurrency control is optimistic: conflicts surface at COMMIT as error
-10001 (MimerPy's ``TransactionAbortError``); retry the transaction.

``isolation_level`` accepts ``AUTOCOMMIT`` (MimerPy's autocommit flag),
``READ COMMITTED``, ``REPEATABLE READ`` (Mimer's default) and ``SERIALIZABLE``
(``SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL ...``, sent
outside any transaction).  READ UNCOMMITTED implies READ ONLY in Mimer and is
not offered; for read-only connections pass ``?readonly=true`` in the URL.

DDL commits itself in Mimer and must be the first statement of its
transaction.  Before DDL the dialect ends a transaction that has only read
(nothing is lost), and raises ``InvalidRequestError`` if the transaction has
uncommitted INSERT/UPDATE/DELETE work - it never discards user work.  Commit
(or roll back) before DDL.  ROLLBACK does not undo DDL.

Strings
-------

CHAR/VARCHAR/CLOB hold Latin-1 (ISO 8859-1) characters only: ``String``,
``Text`` and ``Enum`` map to them.  Use ``Unicode``/``UnicodeText``
(NVARCHAR/NCLOB, at most 5 000 characters for NVARCHAR) for any other text.
VARCHAR needs a length (at most 15 000); ``String()`` without one is a
CompileError in DDL and VARCHAR(15000) in a CAST.

Types
-----

``Boolean`` is native BOOLEAN; ``Uuid`` is BUILTIN.UUID; ``Interval`` is
``INTERVAL DAY(7) TO SECOND(6)`` (Mimer's default day precision 2 would
stop at 99 days); ``Time`` is ``TIME(6)`` (Mimer's default TIME keeps no
fraction); ``DateTime`` is ``TIMESTAMP`` (6 digits); ``DateTime(timezone=True)``
raises CompileError, Mimer has no time zones.  ``Float`` is DOUBLE
PRECISION, ``Float(p)`` Mimer's decimal FLOAT(p).  JSON and ARRAY are not
supported: Mimer has neither type nor functions on them.

Alembic
-------

``sqlalchemy_mimer.alembic_impl`` holds ``MimerImpl`` (``transactional_ddl =
False``: each DDL commits by itself).  The dialect imports it when it is
created while Alembic is loaded, so ``env.py`` needs nothing extra; the
package does not depend on Alembic.
"""

from __future__ import annotations

import hashlib
import re
import sys
import weakref
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

from sqlalchemy import exc, select, sql, util
from sqlalchemy import schema as sa_schema
from sqlalchemy import types as sqltypes
from sqlalchemy.engine import ObjectKind, ObjectScope, default, reflection
from sqlalchemy.engine.reflection import ReflectionDefaults
from sqlalchemy.sql import compiler, expression, operators

from . import information_schema as ischema
from . import types as mtypes

RESERVED_WORDS = {
    w.lower() for w in ["ALL", "ALLOCATE", "ALTER", "AND", "ANY", "AS", "ASYMMETRIC", "AT", "ATOMIC", "AUTHORIZATION", "BEGIN", "BETWEEN", "BOTH", "BY", "CALL", "CALLED", "CASE", "CAST", "CHECK", "CLOSE", "COLLATE", "COLUMN", "COMMIT", "CONDITION", "CONNECT", "CONSTRAINT", "CORRESPONDING", "CREATE", "CROSS", "CURRENT", "CURRENT_DATE", "CURRENT_PATH", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "CURSOR", "DAY", "DEALLOCATE", "DECLARE", "DEFAULT", "DELETE", "DESCRIBE", "DETERMINISTIC", "DISCONNECT", "DISTINCT", "DO", "DROP", "ELSE", "ELSEIF", "END", "ESCAPE", "EXCEPT", "EXECUTE", "EXISTS", "EXTERNAL", "FALSE", "FETCH", "FIRST", "FOR", "FOREIGN", "FROM", "FULL", "FUNCTION", "GET", "GLOBAL", "GRANT", "GROUP", "HANDLER", "HAVING", "HOLD", "HOUR", "IDENTITY", "IF", "IN", "INDICATOR", "INNER", "INOUT", "INSERT", "INTERSECT", "INTERVAL", "INTO", "IS", "ITERATE", "JOIN", "LANGUAGE", "LARGE", "LEADING", "LEAVE", "LEFT", "LIKE", "LOCAL", "LOCALTIME", "LOCALTIMESTAMP", "LOOP", "MATCH", "MEMBER", "METHOD", "MINUTE", "MODIFIES", "MODULE", "MONTH", "NATIONAL", "NATURAL", "NEW", "NEXT", "NO", "NOT", "NULL", "OF", "OFFSET", "OLD", "ON", "OPEN", "OR", "ORDER", "OUT", "OVERLAPS", "PARAMETER", "PRECISION", "PREPARE", "PRIMARY", "PROCEDURE", "READS", "RECURSIVE", "REFERENCES", "REFERENCING", "RELEASE", "REPEAT", "RESIGNAL", "RESULT", "RETURN", "RETURNS", "REVOKE", "RIGHT", "ROLLBACK", "ROW", "ROWS", "SCROLL", "SECOND", "SELECT", "SESSION_USER", "SET", "SIGNAL", "SOME", "SPECIFIC", "SQL", "SQLEXCEPTION", "SQLSTATE", "SQLWARNING", "START", "STATIC", "SYMMETRIC", "SYSTEM_USER", "TABLE", "THEN", "TIMEZONE_HOUR", "TIMEZONE_MINUTE", "TO", "TRAILING", "TREAT", "TRIGGER", "TRUE", "UNION", "UNIQUE", "UNKNOWN", "UNTIL", "UPDATE", "USER", "USING", "VALUE", "VALUES", "VARYING", "WHEN", "WHERE", "WHILE", "WITH", "WITHOUT", "YEAR"]
}

ONEROW = "SYSTEM.ONEROW"
VARCHAR_MAX = 15000
NVARCHAR_MAX = 5000
DECIMAL_MAX = 45
DECIMAL_CAST_SCALE = 20

ISOLATION_LEVELS = ("READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE")
DEFAULT_ISOLATION_LEVEL = "REPEATABLE READ"

# COLUMN_DEFAULT of a sequence-backed column: 11.1 shows NEXT VALUE FOR,
# 11.0 still showed the old NEXT_VALUE OF form (spec §3).
_NEXT_VALUE_DEFAULT = re.compile(r"^\s*NEXT(?:\s+VALUE\s+FOR|_VALUE\s+OF)\s+(.+?)\s*$", re.IGNORECASE | re.DOTALL)
_NOT_NULL_CHECK = re.compile(r'^\(*\s*"?[^"()]+"?\s+IS\s+NOT\s+NULL\s*\)*$', re.IGNORECASE)
_FIRST_WORD = re.compile(r"^(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/|\()*([A-Za-z_]+)", re.DOTALL)
_DDL_WORDS = {"CREATE", "ALTER", "DROP", "COMMENT", "GRANT", "REVOKE"}
_READ_WORDS = {"SELECT", "WITH", "VALUES"}
_CONTROL_WORDS = {"SET", "START", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE"}


def statement_kind(sql_text: str) -> str:
    """Classify SQL text by its first word: 'ddl', 'read', 'control' or 'write'."""
    m = _FIRST_WORD.match(sql_text)
    word = m.group(1).upper() if m else ""
    if word in _DDL_WORDS:
        return "ddl"
    if word in _READ_WORDS:
        return "read"
    if word in _CONTROL_WORDS:
        return "control"
    return "write"


def implicit_sequence_name(table_name: str, column_name: str, max_length: int = 128) -> str:
    """The predictable name of the sequence behind an auto-increment column."""
    name = f"{table_name}_{column_name}_autoinc_seq"
    if len(name) > max_length:
        digest = hashlib.md5(name.encode("utf-8")).hexdigest()[:8]
        name = f"{name[:max_length - 9]}_{digest}"
    return name


def implicit_sequence(column: sa_schema.Column[Any]) -> sa_schema.Sequence | None:
    """The sequence Mimer needs behind ``column``, or None if it needs none.

    A column needs one when it has ``Identity()``, or when it is its table's
    auto-increment column with no default of its own (an optional Sequence
    does not count: it names the implicit sequence instead).
    """
    table = column.table
    identity = column.identity
    if identity is None:
        if (
            column is not table.autoincrement_column
            or column.server_default is not None
            or column.computed is not None
        ):
            return None
        default = column.default
        if default is not None:
            if not (default.is_sequence and default.optional):
                return None
            return sa_schema.Sequence(
                default.name, start=default.start, increment=default.increment,
                minvalue=default.minvalue, maxvalue=default.maxvalue,
                nominvalue=default.nominvalue, nomaxvalue=default.nomaxvalue,
                cycle=default.cycle, schema=default.schema or table.schema,
                data_type=default.data_type or _sequence_type(column),
            )
    options: dict[str, Any] = {}
    if identity is not None:
        options = {
            "start": identity.start, "increment": identity.increment, "minvalue": identity.minvalue,
            "maxvalue": identity.maxvalue, "nominvalue": identity.nominvalue,
            "nomaxvalue": identity.nomaxvalue, "cycle": identity.cycle,
        }
    return sa_schema.Sequence(
        implicit_sequence_name(table.name, column.name), schema=table.schema,
        data_type=_sequence_type(column), **options,
    )


def implicit_sequences(table: sa_schema.Table) -> list[sa_schema.Sequence]:
    """The implicit sequences of every column of ``table``, in column order."""
    return [seq for seq in (implicit_sequence(c) for c in table.columns) if seq is not None]


def _sequence_type(column: sa_schema.Column[Any]) -> sqltypes.TypeEngine[Any] | None:
    """AS BIGINT / AS SMALLINT for wide or narrow columns; INTEGER is the default."""
    affinity = column.type
    if isinstance(affinity, sqltypes.BigInteger):
        return sqltypes.BigInteger()
    if isinstance(affinity, sqltypes.SmallInteger):
        return sqltypes.SmallInteger()
    return None


def _plain_bind(element: Any) -> bool:
    """A bound value sent as a plain ``?`` (not rendered inline, not an expanding IN list)."""
    return (isinstance(element, expression.BindParameter) and not element.literal_execute
            and not element.expanding)


_LIKE_OPERATORS = (operators.like_op, operators.not_like_op,
                   operators.ilike_op, operators.not_ilike_op)


def _typed_bind(element: Any) -> bool:
    """A plain ``?`` whose SQLAlchemy type names a Mimer type to cast it to."""
    return _plain_bind(element) and not element.type._isnull


class _WideCast(expression.Cast):
    """CAST of a bound value to its type, widened: built while compiling only."""

    __visit_name__ = "wide_cast"
    inherit_cache = True


class MimerSQLCompiler(compiler.SQLCompiler):
    """SQL compiler: Mimer's row limiting, one-row table, sequences and functions."""

    def default_from(self) -> str:
        """Mimer rejects SELECT without FROM; SYSTEM.ONEROW has exactly one row."""
        return " FROM " + ONEROW

    def limit_clause(self, select: Any, **kw: Any) -> str:
        """LIMIT/OFFSET as OFFSET ? ROWS FETCH FIRST ? ROWS ONLY, with bound values."""
        return self.fetch_clause(select, fetch_clause=select._limit_clause, **kw)

    def fetch_clause(self, select: Any, fetch_clause: Any = None, require_offset: bool = False,
                     use_literal_execute_for_simple_int: bool = False, **kw: Any) -> str:
        """Mimer has FETCH FIRST n ROWS ONLY only: no PERCENT, no WITH TIES."""
        if fetch_clause is None and select._fetch_clause is not None:
            options = select._fetch_clause_options or {}
            if options.get("percent") or options.get("with_ties"):
                raise exc.CompileError("Mimer SQL supports FETCH FIRST n ROWS ONLY only "
                                       "(no PERCENT, no WITH TIES)")
        return super().fetch_clause(select, fetch_clause=fetch_clause,
                                    require_offset=require_offset, **kw)

    def for_update_clause(self, select: Any, **kw: Any) -> str:
        """FOR UPDATE [OF cols]; Mimer's optimistic concurrency has no lock options."""
        fu = select._for_update_arg
        if fu.nowait or fu.skip_locked or fu.read or fu.key_share:
            raise exc.CompileError("Mimer SQL has FOR UPDATE [OF columns] only "
                                   "(no NOWAIT, SKIP LOCKED, FOR SHARE)")
        text = " FOR UPDATE"
        if fu.of:
            text += " OF " + ", ".join(
                self.preparer.format_column(c) for c in fu.of if isinstance(c, sa_schema.Column)
                or hasattr(c, "name"))
        return text

    def visit_insert(self, insert_stmt: Any, **kw: Any) -> str:
        """Multi-row ``VALUES (...), (...)`` is not sent (unconfirmed in Mimer SQL 11): say so."""
        try:
            return super().visit_insert(insert_stmt, **kw)
        except exc.CompileError as e:
            if "multirow" not in str(e):
                raise
            raise exc.CompileError(
                "Mimer SQL: the dialect does not send a multi-row INSERT ... VALUES (...), (...) "
                "(insert().values([...]), pandas' to_sql(method='multi')). Pass the rows as a "
                "list of parameter dicts to execute() instead, which MimerPy sends as one batch "
                "(pandas: method=None, the default).") from e

    def visit_sequence(self, sequence: Any, **kw: Any) -> str:
        """Mimer 11's sequence syntax."""
        return "NEXT VALUE FOR " + self.preparer.format_sequence(sequence)

    def visit_now_func(self, fn: Any, **kw: Any) -> str:
        """now(): Mimer has no time zones, LOCALTIMESTAMP is the session's clock."""
        return "LOCALTIMESTAMP"

    def visit_substring_func(self, fn: Any, **kw: Any) -> str:
        """substring(x, start[, length]) in the standard form Mimer documents."""
        args = [self.process(c, **kw) for c in fn.clauses]
        text = f"SUBSTRING({args[0]} FROM {args[1]}"
        if len(args) > 2:
            text += f" FOR {args[2]}"
        return text + ")"

    def visit_concat_func(self, fn: Any, **kw: Any) -> str:
        """concat(a, b, ...): Mimer has no CONCAT function, only ``||``."""
        return "({})".format(" || ".join(self.process(c, **kw) for c in fn.clauses))

    def visit_truediv_binary(self, binary: Any, operator: Any, **kw: Any) -> str:
        """True division: Mimer's integer / integer truncates, so one side becomes DECIMAL.

        A typed divisor is cast to its own type (an integer one to DECIMAL(19, 0));
        behind an untyped divisor (a function SQLAlchemy cannot type) an integer
        dividend is cast to DECIMAL(19, 0) instead, which keeps the divisor's
        fraction; any other dividend already makes the division non-integer.
        """
        left, right = binary.left, binary.right
        right_affinity = right.type._type_affinity
        if right_affinity in (sqltypes.Numeric, sqltypes.Float):
            right = expression.cast(right, right.type)
        elif right_affinity is sqltypes.Integer:
            right = expression.cast(right, sqltypes.Numeric(19, 0))
        elif left.type._type_affinity is sqltypes.Integer:
            left = expression.cast(left, sqltypes.Numeric(19, 0))
        return f"{self.process(left, **kw)} / {self.process(right, **kw)}"

    def visit_binary(self, binary: Any, override_operator: Any = None, **kw: Any) -> str:
        """Give Mimer a type for every ``?``: it takes one from the other operand only.

        ``? = ?`` (any operator between two bound values) and ``? IS [NOT]
        NULL`` cast the left value; ``x || ?`` and ``x LIKE ?`` cast the value
        to the widest string, as its length is not the other operand's (a
        pattern may be longer than the column).  ``col = ?`` stays uncast.
        """
        if not kw.get("literal_binds"):
            left, right = binary.left, binary.right
            operator_ = override_operator or binary.operator
            concat = operator_ is operators.concat_op
            cast_left = _typed_bind(left) and (
                _plain_bind(right) or concat or operator_ in (operators.is_, operators.is_not))
            cast_right = _typed_bind(right) and (
                concat or (_plain_bind(left) and not cast_left)
                or (operator_ in _LIKE_OPERATORS
                    and isinstance(right.type, sqltypes.String)
                    and not isinstance(right.type, sqltypes.Text)))
            if cast_left or cast_right:
                binary = binary._clone()
                if cast_left:
                    binary.left = _WideCast(left, left.type)
                if cast_right:
                    binary.right = _WideCast(right, right.type)
        return super().visit_binary(binary, override_operator=override_operator, **kw)

    def visit_concat_op_expression_clauselist(self, clauselist: Any, operator: Any,
                                              **kw: Any) -> str:
        """``a || ? || b`` (a chain of ``||``): each bound value cast as in visit_binary."""
        clauses = [
            _WideCast(c, c.type) if not kw.get("literal_binds") and _typed_bind(c) else c
            for c in clauselist.clauses
        ]
        kw["_in_operator_expression"] = True
        return self._generate_delimited_list(clauses, " || ", **kw)

    def visit_wide_cast(self, cast: Any, **kw: Any) -> str:
        """CAST of a bound value to its type, widened (see ``_cast_type``)."""
        kw["within_columns_clause"] = False
        return (f"CAST({self.process(cast.clause, **kw)} AS "
                f"{self._cast_type(cast.type, widen=True)})")

    def visit_empty_set_op_expr(self, type_: Any, expand_op: Any, **kw: Any) -> str:
        """Empty IN: a typed NULL, as Mimer types every operand of IN."""
        nulls = ", ".join(self._typed_null(t) for t in type_)
        if len(type_) > 1:
            nulls = f"({nulls})"
        if expand_op is operators.not_in_op:
            return nulls + ") OR (1 = 1"
        if expand_op is operators.in_op:
            return nulls + ") AND (1 = 0"
        return self.visit_empty_set_expr(type_)

    def _typed_null(self, type_: Any) -> str:
        """CAST(NULL AS t), or a bare NULL for an untyped element."""
        if type_ is None or type_._isnull:
            return "NULL"
        return f"CAST(NULL AS {self._cast_type(type_)})"

    def _cast_type(self, type_: Any, widen: bool = False, **kw: Any) -> str:
        """A type for CAST: Mimer's type that holds every value of ``type_``.

        Strings without a length (or all, if ``widen``) get the maximum length;
        with ``widen`` integers are BIGINT (a Python int may exceed INTEGER);
        a DECIMAL without precision is DECIMAL(45, 20), as bare DECIMAL has
        scale 0 and would cut the fraction.
        """
        type_ = type_.dialect_impl(self.dialect) if hasattr(type_, "dialect_impl") else type_
        if isinstance(type_, sqltypes.String) and not isinstance(
            type_, (sqltypes.Text, sqltypes.Enum)
        ) and (type_.length is None or widen):
            national = isinstance(type_, (sqltypes.Unicode, sqltypes.NVARCHAR, sqltypes.NCHAR))
            type_ = (sqltypes.NVARCHAR(NVARCHAR_MAX) if national
                     else sqltypes.VARCHAR(VARCHAR_MAX))
        elif widen and type_._type_affinity is sqltypes.Integer:
            type_ = sqltypes.BIGINT()
        elif (isinstance(type_, sqltypes.Numeric) and not isinstance(type_, sqltypes.Float)
              and type_.precision is None):
            type_ = sqltypes.DECIMAL(DECIMAL_MAX, DECIMAL_CAST_SCALE if type_.scale is None
                                     else type_.scale)
        return self.dialect.type_compiler_instance.process(type_, **kw)

    def visit_cast(self, cast: Any, **kw: Any) -> str:
        """A CAST already types its operand: no second CAST around a bound value inside."""
        kw["within_columns_clause"] = False
        return super().visit_cast(cast, **kw)

    def visit_typeclause(self, typeclause: Any, **kw: Any) -> str:
        """CAST(x AS String()) needs a length in Mimer: use the type's maximum."""
        kw["type_expression"] = typeclause
        kw["identifier_preparer"] = self.preparer
        return self._cast_type(typeclause.type, **kw)

    def visit_bindparam(self, bindparam: Any, within_columns_clause: bool = False,
                        literal_binds: bool = False, literal_execute: bool = False,
                        **kw: Any) -> str:
        """A ``?`` in a select list is untyped in Mimer (-12262): wrap it in CAST."""
        text = super().visit_bindparam(bindparam, within_columns_clause=within_columns_clause,
                                       literal_binds=literal_binds,
                                       literal_execute=literal_execute, **kw)
        if (
            within_columns_clause
            and not literal_binds
            and not literal_execute
            and not bindparam.literal_execute
            and not bindparam.expanding
            and not bindparam.type._isnull
            and not text.startswith("CAST(")
        ):
            # Widen strings: the value may be longer than the column it meets.
            return f"CAST({text} AS {self._cast_type(bindparam.type, widen=True)})"
        return text

    def visit_nulls_first_op_unary_modifier(self, unary: Any, operator: Any, **kw: Any) -> str:
        """Mimer's ORDER BY has ASC/DESC only."""
        raise exc.CompileError("Mimer SQL does not support NULLS FIRST")

    def visit_nulls_last_op_unary_modifier(self, unary: Any, operator: Any, **kw: Any) -> str:
        """Mimer's ORDER BY has ASC/DESC only."""
        raise exc.CompileError("Mimer SQL does not support NULLS LAST")

    def visit_is_distinct_from_binary(self, binary: Any, operator: Any, **kw: Any) -> str:
        """Mimer has no IS DISTINCT FROM."""
        raise exc.CompileError("Mimer SQL does not support IS DISTINCT FROM")

    def visit_is_not_distinct_from_binary(self, binary: Any, operator: Any, **kw: Any) -> str:
        """Mimer has no IS NOT DISTINCT FROM."""
        raise exc.CompileError("Mimer SQL does not support IS NOT DISTINCT FROM")

    def visit_savepoint(self, savepoint_stmt: Any, **kw: Any) -> str:
        """SAVEPOINT is not a documented Mimer statement."""
        raise exc.CompileError("Mimer SQL does not support savepoints (begin_nested)")

    def visit_rollback_to_savepoint(self, savepoint_stmt: Any, **kw: Any) -> str:
        """See visit_savepoint."""
        raise exc.CompileError("Mimer SQL does not support savepoints (begin_nested)")

    def visit_release_savepoint(self, savepoint_stmt: Any, **kw: Any) -> str:
        """See visit_savepoint."""
        raise exc.CompileError("Mimer SQL does not support savepoints (begin_nested)")


def _no_if_exists(element: Any, what: str) -> None:
    """Mimer has no IF [NOT] EXISTS clauses: refuse them instead of dropping them."""
    if getattr(element, "if_exists", False) or getattr(element, "if_not_exists", False):
        raise exc.CompileError(f"Mimer SQL has no IF [NOT] EXISTS for {what}; "
                               "use checkfirst=True")


class MimerDDLCompiler(compiler.DDLCompiler):
    """DDL compiler: sequence-backed auto-increment, NOT NULL, comments, indexes."""

    def get_column_specification(self, column: Any, **kw: Any) -> str:
        """name type [DEFAULT ...] [NOT NULL]; auto-increment is a sequence default."""
        if column.computed is not None:
            raise exc.CompileError("Mimer SQL has no computed (generated) columns")
        colspec = (self.preparer.format_column(column) + " "
                   + self.dialect.type_compiler_instance.process(column.type,
                                                                type_expression=column))
        seq = implicit_sequence(column)
        if seq is not None:
            default: str | None = "NEXT VALUE FOR " + self.preparer.format_sequence(seq)
        else:
            default = self.get_column_default_string(column)
        if default is not None:
            colspec += " DEFAULT " + default
        if not column.nullable:
            colspec += " NOT NULL"
        return colspec

    def visit_create_table(self, create: Any, **kw: Any) -> str:
        """CREATE TABLE, refusing IF NOT EXISTS."""
        _no_if_exists(create, "tables")
        return super().visit_create_table(create, **kw)

    def visit_create_table_as(self, element: Any, **kw: Any) -> str:
        """Mimer's CREATE TABLE has no AS <query> form."""
        raise exc.CompileError("Mimer SQL has no CREATE TABLE ... AS <query>: create the table, "
                               "then INSERT INTO it ... SELECT")

    def visit_create_view(self, element: Any, **kw: Any) -> str:
        """CREATE VIEW; Mimer has no OR REPLACE, temporary or materialized views."""
        for flag, what in (("or_replace", "CREATE OR REPLACE VIEW"),
                           ("temporary", "temporary views"),
                           ("materialized", "materialized views")):
            if getattr(element, flag, False):
                raise exc.CompileError(f"Mimer SQL has no {what}")
        _no_if_exists(element, "views")
        return super().visit_create_view(element, **kw)

    def visit_drop_table(self, drop: Any, **kw: Any) -> str:
        """DROP TABLE, refusing IF EXISTS."""
        _no_if_exists(drop, "tables")
        return super().visit_drop_table(drop, **kw)

    def visit_create_index(self, create: Any, include_schema: bool = True,
                           include_table_schema: bool = True, **kw: Any) -> str:
        """An unqualified index name lands in the ident's schema: qualify it like its table."""
        _no_if_exists(create, "indexes")
        return super().visit_create_index(create, include_schema=include_schema,
                                          include_table_schema=include_table_schema, **kw)

    def visit_drop_index(self, drop: Any, **kw: Any) -> str:
        """DROP INDEX schema.name (the index lives in its table's schema)."""
        _no_if_exists(drop, "indexes")
        return "\nDROP INDEX " + self._prepared_index_name(drop.element, include_schema=True)

    def get_identity_options(self, identity_options: Any) -> str:
        """Mimer's sequence options; CACHE and ORDER do not exist and are left out."""
        text = []
        if identity_options.start is not None:
            text.append(f"START WITH {identity_options.start:d}")
        if identity_options.increment is not None:
            text.append(f"INCREMENT BY {identity_options.increment:d}")
        if identity_options.minvalue is not None:
            text.append(f"MINVALUE {identity_options.minvalue:d}")
        elif identity_options.nominvalue:
            text.append("NO MINVALUE")
        if identity_options.maxvalue is not None:
            text.append(f"MAXVALUE {identity_options.maxvalue:d}")
        elif identity_options.nomaxvalue:
            text.append("NO MAXVALUE")
        if identity_options.cycle is not None:
            text.append("CYCLE" if identity_options.cycle else "NO CYCLE")
        return " ".join(text)

    def visit_create_sequence(self, create: Any, prefix: str | None = None, **kw: Any) -> str:
        """CREATE SEQUENCE s [AS type] [options]."""
        _no_if_exists(create, "sequences")
        data_type = create.element.data_type
        if data_type is not None:
            prefix = " AS " + self.dialect.type_compiler_instance.process(data_type)
        return super().visit_create_sequence(create, prefix=prefix, **kw)

    def visit_drop_sequence(self, drop: Any, **kw: Any) -> str:
        """DROP SEQUENCE, refusing IF EXISTS."""
        _no_if_exists(drop, "sequences")
        return super().visit_drop_sequence(drop, **kw)

    def visit_create_schema(self, create: Any, **kw: Any) -> str:
        """CREATE SCHEMA, refusing IF NOT EXISTS."""
        _no_if_exists(create, "schemas")
        return super().visit_create_schema(create, **kw)

    def visit_drop_schema(self, drop: Any, **kw: Any) -> str:
        """DROP SCHEMA [CASCADE], refusing IF EXISTS."""
        _no_if_exists(drop, "schemas")
        return super().visit_drop_schema(drop, **kw)

    def visit_drop_table_comment(self, drop: Any, **kw: Any) -> str:
        """Mimer comments cannot be dropped, only replaced by an empty one."""
        return f"COMMENT ON TABLE {self.preparer.format_table(drop.element)} IS ''"

    def visit_drop_column_comment(self, drop: Any, **kw: Any) -> str:
        """Mimer comments cannot be dropped, only replaced by an empty one."""
        return "COMMENT ON COLUMN {} IS ''".format(self.preparer.format_column(
            drop.element, use_table=True, use_schema=True))

    def visit_computed_column(self, generated: Any, **kw: Any) -> str:
        """Mimer has no generated columns."""
        raise exc.CompileError("Mimer SQL has no computed (generated) columns")

    def visit_identity_column(self, identity: Any, **kw: Any) -> str:
        """Identity() is rendered as a sequence default by get_column_specification."""
        return ""


class MimerTypeCompiler(compiler.GenericTypeCompiler):
    """Type names as Mimer SQL 11 spells them (spec §2)."""

    def _length(self, name: str, type_: Any, maximum: int, type_expression: Any = None) -> str:
        if type_.length is None:
            raise exc.CompileError(
                f"{name} requires a length on Mimer SQL (at most {maximum}); "
                f"use String(n) / Unicode(n), or Text / UnicodeText for long text")
        return f"{name}({type_.length})"

    def visit_VARCHAR(self, type_: Any, **kw: Any) -> str:
        return self._length("VARCHAR", type_, VARCHAR_MAX)

    def visit_NVARCHAR(self, type_: Any, **kw: Any) -> str:
        return self._length("NVARCHAR", type_, NVARCHAR_MAX)

    def visit_CHAR(self, type_: Any, **kw: Any) -> str:
        return "CHAR" if type_.length is None else f"CHAR({type_.length})"

    def visit_NCHAR(self, type_: Any, **kw: Any) -> str:
        return "NCHAR" if type_.length is None else f"NCHAR({type_.length})"

    def visit_unicode(self, type_: Any, **kw: Any) -> str:
        return self.visit_NVARCHAR(type_, **kw)

    def visit_enum(self, type_: Any, **kw: Any) -> str:
        return self.visit_VARCHAR(type_, **kw)

    def _lob(self, name: str, type_: Any) -> str:
        length = getattr(type_, "length", None)
        return name if length is None else f"{name}({length})"

    def visit_TEXT(self, type_: Any, **kw: Any) -> str:
        return self._lob("CLOB", type_)

    def visit_CLOB(self, type_: Any, **kw: Any) -> str:
        return self._lob("CLOB", type_)

    def visit_NCLOB(self, type_: Any, **kw: Any) -> str:
        return self._lob("NCLOB", type_)

    def visit_unicode_text(self, type_: Any, **kw: Any) -> str:
        return self._lob("NCLOB", type_)

    def visit_BLOB(self, type_: Any, **kw: Any) -> str:
        return self._lob("BLOB", type_)

    def visit_large_binary(self, type_: Any, **kw: Any) -> str:
        return self._lob("BLOB", type_)

    def visit_BINARY(self, type_: Any, **kw: Any) -> str:
        return "BINARY" if type_.length is None else f"BINARY({type_.length})"

    def visit_VARBINARY(self, type_: Any, **kw: Any) -> str:
        return self._length("VARBINARY", type_, VARCHAR_MAX)

    def visit_BOOLEAN(self, type_: Any, **kw: Any) -> str:
        return "BOOLEAN"

    def visit_NUMERIC(self, type_: Any, **kw: Any) -> str:
        return self.visit_DECIMAL(type_, **kw)

    def visit_DECIMAL(self, type_: Any, **kw: Any) -> str:
        if type_.precision is None:
            return "DECIMAL"
        if type_.scale is None:
            return f"DECIMAL({type_.precision})"
        return f"DECIMAL({type_.precision}, {type_.scale})"

    def visit_float(self, type_: Any, **kw: Any) -> str:
        return self.visit_FLOAT(type_, **kw)

    def visit_FLOAT(self, type_: Any, **kw: Any) -> str:
        """FLOAT(p) counts decimal digits in Mimer; plain Float is DOUBLE PRECISION.

        A precision past Mimer's 45 digits can only be the SQL standard's
        binary precision: up to 53 bits is DOUBLE PRECISION (pandas writes
        float64 columns as ``Float(precision=53)``); more is refused.
        """
        precision = getattr(type_, "precision", None)
        if precision is None or DECIMAL_MAX < precision <= 53:
            return "DOUBLE PRECISION"
        if precision > 53:
            raise exc.CompileError(
                f"FLOAT({precision}): Mimer SQL's FLOAT(p) takes at most {DECIMAL_MAX} "
                "decimal digits, and no binary floating type has more than 53 bits")
        return f"FLOAT({precision})"

    def visit_double(self, type_: Any, **kw: Any) -> str:
        return "DOUBLE PRECISION"

    def visit_DOUBLE(self, type_: Any, **kw: Any) -> str:
        return "DOUBLE PRECISION"

    def visit_DOUBLE_PRECISION(self, type_: Any, **kw: Any) -> str:
        return "DOUBLE PRECISION"

    def visit_REAL(self, type_: Any, **kw: Any) -> str:
        return "REAL"

    def visit_datetime(self, type_: Any, **kw: Any) -> str:
        return self.visit_TIMESTAMP(type_, **kw)

    def visit_DATETIME(self, type_: Any, **kw: Any) -> str:
        return self.visit_TIMESTAMP(type_, **kw)

    def visit_TIMESTAMP(self, type_: Any, **kw: Any) -> str:
        if getattr(type_, "timezone", False):
            raise exc.CompileError("Mimer SQL has no TIMESTAMP WITH TIME ZONE; "
                                   "use DateTime() and store UTC")
        precision = getattr(type_, "precision", None)
        return "TIMESTAMP" if precision is None else f"TIMESTAMP({precision})"

    def visit_time(self, type_: Any, **kw: Any) -> str:
        """Generic Time keeps microseconds: Mimer's plain TIME has no fraction."""
        if getattr(type_, "timezone", False):
            raise exc.CompileError("Mimer SQL has no TIME WITH TIME ZONE")
        return "TIME(6)"

    def visit_TIME(self, type_: Any, **kw: Any) -> str:
        if getattr(type_, "timezone", False):
            raise exc.CompileError("Mimer SQL has no TIME WITH TIME ZONE")
        precision = getattr(type_, "precision", None)
        return "TIME" if precision is None else f"TIME({precision})"

    def visit_INTERVAL(self, type_: Any, **kw: Any) -> str:
        return "INTERVAL " + mtypes.interval_qualifier(type_.fields, type_.precision,
                                                       type_.second_precision)

    def visit_uuid(self, type_: Any, **kw: Any) -> str:
        """Uuid is BUILTIN.UUID; ``native_uuid=False`` asks for SQLAlchemy's CHAR(32)."""
        if not type_.native_uuid:
            return "CHAR(32)"
        return "BUILTIN.UUID"

    def visit_UUID(self, type_: Any, **kw: Any) -> str:
        return "BUILTIN.UUID"


class MimerIdentifierPreparer(compiler.IdentifierPreparer):
    """Quotes Mimer's reserved words (VALUE among them) and names starting with ``_``."""

    reserved_words = RESERVED_WORDS
    illegal_initial_characters = compiler.ILLEGAL_INITIAL_CHARACTERS | {"_"}


@dataclass
class ConnectionState:
    """What the dialect knows about one DBAPI connection's transaction."""

    autocommit: bool = False
    isolation_level: str = DEFAULT_ISOLATION_LEVEL
    pending_writes: bool = False


class MimerExecutionContext(default.DefaultExecutionContext):
    """Sequences for INSERT, implicit sequences around CREATE/DROP TABLE, DDL rules."""

    def fire_sequence(self, seq: Any, type_: Any) -> Any:
        """Pre-fetch a sequence value: Mimer needs the one-row table for it."""
        return self._execute_scalar(
            f"SELECT NEXT VALUE FOR {self.identifier_preparer.format_sequence(seq)} FROM {ONEROW}", type_)

    def _statement_kind(self) -> str:
        if self.isddl:
            return "ddl"
        if self.isinsert or self.isupdate or self.isdelete:
            return "write"
        return statement_kind(self.statement or "")

    def _nested_options(self) -> dict[str, Any]:
        translate = self.execution_options.get("schema_translate_map")
        return {"schema_translate_map": translate} if translate else {}

    def pre_exec(self) -> None:
        """Before DDL: create implicit sequences, end a read-only transaction, refuse pending writes."""
        if self._statement_kind() != "ddl":
            return
        element = getattr(self.compiled, "statement", None)
        conn = self.root_connection
        if isinstance(element, sa_schema.CreateTable):
            self._sequences_created = []
            for seq in implicit_sequences(element.element):
                if not self.dialect.has_sequence(conn, seq.name, schema=seq.schema):
                    conn.execute(sa_schema.CreateSequence(seq),
                                 execution_options=self._nested_options())
                    self._sequences_created.append(seq)
        elif isinstance(element, sa_schema.DropTable):
            table = element.element
            # A table known by name only (Alembic's drop_table): ask the catalog.
            self._sequences_to_drop = (implicit_sequences(table) if len(table.columns)
                                       else self.dialect.implicit_sequences_in_catalog(conn, table))
        self.dialect.prepare_for_ddl(conn.connection)

    def handle_dbapi_exception(self, e: BaseException) -> None:
        """A CREATE TABLE that failed leaves no sequence it created behind."""
        for seq in getattr(self, "_sequences_created", ()):
            try:
                self.root_connection.execute(sa_schema.DropSequence(seq),
                                             execution_options=self._nested_options())
            except Exception:  # noqa: BLE001 - the original error is what matters
                break

    def post_exec(self) -> None:
        """After DML: remember the pending work.  After DROP TABLE: drop its implicit sequences."""
        kind = self._statement_kind()
        state = self.dialect.connection_state(self.root_connection.connection)
        if kind == "write" and not state.autocommit:
            state.pending_writes = True
            return
        conn = self.root_connection
        for seq in getattr(self, "_sequences_to_drop", ()):
            if self.dialect.has_sequence(conn, seq.name, schema=seq.schema):
                conn.execute(sa_schema.DropSequence(seq),
                             execution_options=self._nested_options())


class MimerDialect(default.DefaultDialect):
    """The Mimer SQL 11 dialect (driver independent; see mimerpy.py for MimerPy)."""

    name = "mimer"
    supports_statement_cache = True

    max_identifier_length = 128
    requires_name_normalize = False

    supports_alter = True
    supports_schemas = True
    supports_views = True
    # INSERT INTO t WITH c AS (...) SELECT ...: the WITH belongs to the
    # query of INSERT ... SELECT (SQL standard); Mimer has no WITH before INSERT
    cte_follows_insert = True
    supports_comments = True
    inline_comments = False

    supports_sequences = True
    sequences_optional = True
    default_sequence_base = 1
    postfetch_lastrowid = True
    preexecute_autoincrement_sequences = False
    supports_identity_columns = False

    implicit_returning = False
    insert_returning = False
    update_returning = False
    delete_returning = False
    insert_executemany_returning = False

    supports_native_boolean = True
    supports_native_decimal = True
    supports_native_enum = False
    supports_native_uuid = True
    supports_simple_order_by_label = True
    div_is_floordiv = True
    tuple_in_values = False
    supports_is_distinct_from = False

    supports_default_values = True
    supports_default_metavalue = False
    supports_empty_insert = False
    supports_multivalues_insert = False
    use_insertmanyvalues = False
    supports_sane_rowcount = True
    supports_sane_multi_rowcount = False

    default_paramstyle = "qmark"

    statement_compiler = MimerSQLCompiler
    ddl_compiler = MimerDDLCompiler
    type_compiler_cls = MimerTypeCompiler
    preparer = MimerIdentifierPreparer
    execution_ctx_cls = MimerExecutionContext

    colspecs: ClassVar[dict[Any, Any]] = {
        sqltypes.Boolean: mtypes.MimerBoolean,
        sqltypes.Double: mtypes.MimerDouble,
        sqltypes.Float: mtypes.MimerFloat,
        sqltypes.Date: mtypes.MimerDate,
        sqltypes.DateTime: mtypes.MimerDateTime,
        sqltypes.Time: mtypes.MimerTime,
        sqltypes.Interval: mtypes.INTERVAL,
        sqltypes.LargeBinary: mtypes.MimerLargeBinary,
        sqltypes.Unicode: mtypes.MimerUnicode,
        sqltypes.UnicodeText: mtypes.MimerUnicodeText,
        sqltypes.Uuid: mtypes.MimerUuid,
    }

    ischema_names: ClassVar[dict[str, Any]] = {
        "SMALLINT": sqltypes.SMALLINT,
        "INTEGER": sqltypes.INTEGER,
        "BIGINT": sqltypes.BIGINT,
        "DECIMAL": sqltypes.DECIMAL,
        "NUMERIC": sqltypes.NUMERIC,
        "FLOAT": sqltypes.FLOAT,
        "REAL": sqltypes.REAL,
        "DOUBLE PRECISION": sqltypes.DOUBLE_PRECISION,
        "BOOLEAN": sqltypes.BOOLEAN,
        "DATE": sqltypes.DATE,
        "TIME": mtypes.TIME,
        "TIMESTAMP": mtypes.TIMESTAMP,
        "INTERVAL": mtypes.INTERVAL,
        "CHARACTER": sqltypes.CHAR,
        "CHAR": sqltypes.CHAR,
        "CHARACTER VARYING": sqltypes.VARCHAR,
        "CHAR VARYING": sqltypes.VARCHAR,
        "VARCHAR": sqltypes.VARCHAR,
        "CHARACTER LARGE OBJECT": sqltypes.CLOB,
        "CHAR LARGE OBJECT": sqltypes.CLOB,
        "CLOB": sqltypes.CLOB,
        "NATIONAL CHARACTER": sqltypes.NCHAR,
        "NATIONAL CHAR": sqltypes.NCHAR,
        "NCHAR": sqltypes.NCHAR,
        "NATIONAL CHARACTER VARYING": sqltypes.NVARCHAR,
        "NATIONAL CHAR VARYING": sqltypes.NVARCHAR,
        "NCHAR VARYING": sqltypes.NVARCHAR,
        "NVARCHAR": sqltypes.NVARCHAR,
        "NATIONAL CHARACTER LARGE OBJECT": mtypes.NCLOB,
        "NATIONAL CHAR LARGE OBJECT": mtypes.NCLOB,
        "NCHAR LARGE OBJECT": mtypes.NCLOB,
        "NCLOB": mtypes.NCLOB,
        "BINARY": sqltypes.BINARY,
        "BINARY VARYING": sqltypes.VARBINARY,
        "VARBINARY": sqltypes.VARBINARY,
        "BINARY LARGE OBJECT": sqltypes.BLOB,
        "BLOB": sqltypes.BLOB,
        "BUILTIN.UUID": mtypes.UUID,
        "BUILTIN.GIS_LOCATION": mtypes.GIS_LOCATION,
        "BUILTIN.GIS_LATITUDE": mtypes.GIS_LATITUDE,
        "BUILTIN.GIS_LONGITUDE": mtypes.GIS_LONGITUDE,
        "BUILTIN.GIS_COORDINATE": mtypes.GIS_COORDINATE,
    }

    def __init__(self, **kw: Any):
        super().__init__(**kw)
        if "alembic" in sys.modules:
            # Alembic is in use: let it find MimerImpl (no import, no cost otherwise).
            from . import alembic_impl  # noqa: F401
        self._states: weakref.WeakKeyDictionary[Any, ConnectionState] = (
            weakref.WeakKeyDictionary())

    def normalize_name(self, name: str) -> str:
        """Names are reflected as stored: Mimer keeps the case they were written in."""
        return name

    def denormalize_name(self, name: str) -> str:
        """Names go to the catalog as given: Mimer compares them case-insensitively."""
        return name

    # -- transactions ---------------------------------------------------

    def connection_state(self, dbapi_connection: Any) -> ConnectionState:
        """The tracked state of a DBAPI connection (pool proxies are unwrapped)."""
        raw = getattr(dbapi_connection, "dbapi_connection", dbapi_connection)
        state = self._states.get(raw)
        if state is None:
            state = self._states[raw] = ConnectionState()
        return state

    def prepare_for_ddl(self, dbapi_connection: Any) -> None:
        """Make DDL the first statement of its transaction, as Mimer requires.

        Ends a transaction that has only read; raises if it holds uncommitted
        writes, which Mimer would refuse to combine with DDL and which the
        dialect will not discard.
        """
        state = self.connection_state(dbapi_connection)
        if state.autocommit:
            return
        if state.pending_writes:
            raise exc.InvalidRequestError(
                "Mimer SQL runs DDL only as the first statement of a transaction, and this "
                "transaction has uncommitted INSERT/UPDATE/DELETE work. Commit or roll back "
                "before executing DDL (e.g. metadata.create_all()); the dialect does not "
                "discard pending work.")
        raw = getattr(dbapi_connection, "dbapi_connection", dbapi_connection)
        raw.rollback()

    def do_commit(self, dbapi_connection: Any) -> None:
        """COMMIT, then no work is pending any more."""
        try:
            dbapi_connection.commit()
        finally:
            self.connection_state(dbapi_connection).pending_writes = False

    def do_rollback(self, dbapi_connection: Any) -> None:
        """ROLLBACK, then no work is pending any more."""
        try:
            dbapi_connection.rollback()
        finally:
            self.connection_state(dbapi_connection).pending_writes = False

    def get_isolation_level_values(self, dbapi_connection: Any) -> list[str]:
        """READ UNCOMMITTED is left out: in Mimer it implies READ ONLY."""
        return ["AUTOCOMMIT", *ISOLATION_LEVELS]

    @staticmethod
    def isolation_level_sql(level: str) -> str:
        """The statement setting the session's isolation level (outside a transaction)."""
        if level not in ISOLATION_LEVELS:
            raise exc.ArgumentError(f"invalid Mimer isolation level {level!r}")
        return "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + level

    # -- server information ----------------------------------------------

    def _get_server_version_info(self, connection: Any) -> tuple[int, ...]:
        """Mimer has no SQL function for its version; drivers may know better."""
        return (11, 0)

    def _get_default_schema_name(self, connection: Any) -> str:
        """CURRENT_SCHEMA: the ident's schema (or the first of SET SCHEMA)."""
        return connection.exec_driver_sql(
            f"SELECT CURRENT_SCHEMA FROM {ONEROW}").scalar()

    # -- reflection: helpers -------------------------------------------

    def _schema(self, schema: str | None) -> str:
        return schema if schema is not None else self.default_schema_name

    def _same_name(self, a: str | None, b: str | None) -> bool:
        """Mimer compares names case-insensitively."""
        return (a or "").lower() == (b or "").lower()

    def _value_or_raise(self, data: Iterable[Any], table: str, schema: str | None) -> Any:
        try:
            return dict(data)[(schema, table)]
        except KeyError:
            raise exc.NoSuchTableError(f"{schema}.{table}" if schema else table) from None

    def _object_names(self, connection: Any, schema: str | None, filter_names: Any,
                      scope: Any, kind: Any) -> list[str]:
        """The existing tables/views a get_multi_* call is about, in one catalog query."""
        if ObjectScope.DEFAULT not in scope:
            return []  # Mimer has no temporary tables
        table_types = []
        if ObjectKind.TABLE in kind:
            table_types.append("BASE TABLE")
        if ObjectKind.VIEW in kind:
            table_types.append("VIEW")
        if not table_types:
            return []
        t = ischema.tables.alias("t")
        query = select(t.c.table_name).where(
            t.c.table_schema == sql.bindparam("schema"),
            t.c.table_type.in_(table_types),
        ).order_by(t.c.table_name)
        params: dict[str, Any] = {"schema": self._schema(schema)}
        if filter_names:
            query = query.where(t.c.table_name.in_(sql.bindparam("filter_names",
                                                                 expanding=True)))
            params["filter_names"] = list(filter_names)
        names = [row[0] for row in connection.execute(query, params)]
        if filter_names:
            # Results are keyed by the name asked for; the catalog matched it
            # case-insensitively and answers with the stored spelling.
            asked = {n.lower(): n for n in filter_names}
            names = [asked.get(n.lower(), n) for n in names]
        return names

    def _batched(self, connection: Any, query: Any, schema: str | None,
                 names: list[str]) -> list[tuple[tuple[str | None, str], Any]]:
        """Run a per-kind catalog query for all ``names`` at once.

        Returns (key, row) pairs; the key carries the name as it was asked
        for, since the catalog matches it case-insensitively and answers
        with the stored spelling.
        """
        if not names:
            return []
        asked = {n.lower(): n for n in names}
        rows = connection.execute(query, {"schema": self._schema(schema), "names": list(names)})
        return [((schema, asked.get(row[0].lower(), row[0])), row) for row in rows]

    @staticmethod
    def _names_param() -> Any:
        return sql.bindparam("names", expanding=True)

    # -- reflection: names ------------------------------------------------

    @reflection.cache
    def get_schema_names(self, connection: Any, **kw: Any) -> list[str]:
        s = ischema.schemata.alias("s")
        return [r[0] for r in connection.execute(select(s.c.schema_name)
                                                 .order_by(s.c.schema_name))]

    def _names_of_type(self, connection: Any, schema: str | None, table_type: str) -> list[str]:
        t = ischema.tables.alias("t")
        query = select(t.c.table_name).where(
            t.c.table_schema == sql.bindparam("schema"), t.c.table_type == table_type,
        ).order_by(t.c.table_name)
        return [r[0] for r in connection.execute(query, {"schema": self._schema(schema)})]

    @reflection.cache
    def get_table_names(self, connection: Any, schema: str | None = None,
                        **kw: Any) -> list[str]:
        return self._names_of_type(connection, schema, "BASE TABLE")

    @reflection.cache
    def get_view_names(self, connection: Any, schema: str | None = None,
                       **kw: Any) -> list[str]:
        return self._names_of_type(connection, schema, "VIEW")

    @reflection.cache
    def get_sequence_names(self, connection: Any, schema: str | None = None,
                           **kw: Any) -> list[str]:
        s = ischema.sequences.alias("s")
        query = select(s.c.sequence_name).where(
            s.c.sequence_schema == sql.bindparam("schema")).order_by(s.c.sequence_name)
        return [r[0] for r in connection.execute(query, {"schema": self._schema(schema)})]

    @reflection.cache
    def get_view_definition(self, connection: Any, view_name: str,
                            schema: str | None = None, **kw: Any) -> str:
        v = ischema.views.alias("v")
        query = select(v.c.view_definition).where(
            v.c.table_schema == sql.bindparam("schema"), v.c.table_name == sql.bindparam("name"))
        definition = connection.execute(
            query, {"schema": self._schema(schema), "name": view_name}).scalar()
        if definition is None:
            raise exc.NoSuchTableError(f"{schema}.{view_name}" if schema else view_name)
        return definition

    # -- reflection: existence ------------------------------------------

    @reflection.cache
    def has_table(self, connection: Any, table_name: str, schema: str | None = None,
                  **kw: Any) -> bool:
        t = ischema.tables.alias("t")
        query = select(t.c.table_name).where(
            t.c.table_schema == sql.bindparam("schema"), t.c.table_name == sql.bindparam("name"))
        return connection.execute(
            query, {"schema": self._schema(schema), "name": table_name}).first() is not None

    @reflection.cache
    def has_sequence(self, connection: Any, sequence_name: str, schema: str | None = None,
                     **kw: Any) -> bool:
        s = ischema.sequences.alias("s")
        query = select(s.c.sequence_name).where(
            s.c.sequence_schema == sql.bindparam("schema"),
            s.c.sequence_name == sql.bindparam("name"))
        return connection.execute(
            query, {"schema": self._schema(schema), "name": sequence_name}).first() is not None

    @reflection.cache
    def has_index(self, connection: Any, table_name: str, index_name: str,
                  schema: str | None = None, **kw: Any) -> bool:
        i = ischema.ext_indexes.alias("i")
        query = select(i.c.index_name).where(
            i.c.index_schema == sql.bindparam("schema"), i.c.table_name == sql.bindparam("table"),
            i.c.index_name == sql.bindparam("name"))
        return connection.execute(query, {"schema": self._schema(schema), "table": table_name,
                                          "name": index_name}).first() is not None

    @reflection.cache
    def has_schema(self, connection: Any, schema_name: str, **kw: Any) -> bool:
        s = ischema.schemata.alias("s")
        query = select(s.c.schema_name).where(s.c.schema_name == sql.bindparam("name"))
        return connection.execute(query, {"name": schema_name}).first() is not None

    # -- reflection: columns ----------------------------------------------

    def columns_query(self) -> Any:
        """Columns, types, defaults and comments of many tables, one query."""
        c = ischema.columns.alias("c")
        r = ischema.ext_column_remarks.alias("r")
        return (
            select(c.c.table_name, c.c.column_name, c.c.data_type,
                   c.c.character_maximum_length, c.c.numeric_precision, c.c.numeric_scale,
                   c.c.datetime_precision, c.c.interval_type, c.c.interval_precision,
                   c.c.is_nullable, c.c.column_default, c.c.user_defined_type_schema,
                   c.c.user_defined_type_name, r.c.remarks)
            .select_from(c.outerjoin(r, sql.and_(
                r.c.table_schema == c.c.table_schema, r.c.table_name == c.c.table_name,
                r.c.column_name == c.c.column_name)))
            .where(c.c.table_schema == sql.bindparam("schema"),
                   c.c.table_name.in_(self._names_param()))
            .order_by(c.c.table_name, c.c.ordinal_position)
        )

    def _column_type(self, row: Any) -> sqltypes.TypeEngine[Any]:
        """Build the SQLAlchemy type of one COLUMNS row."""
        data_type = (row.data_type or "").upper()
        if data_type == "USER-DEFINED":
            data_type = f"{row.user_defined_type_schema}.{row.user_defined_type_name}".upper()
        cls = self.ischema_names.get(data_type)
        if cls is None:
            util.warn(f"Did not recognize Mimer type {data_type!r} of column "
                      f"{row.column_name!r}")
            return sqltypes.NULLTYPE
        length = row.character_maximum_length
        if cls in (sqltypes.CHAR, sqltypes.VARCHAR, sqltypes.NCHAR, sqltypes.NVARCHAR,
                   sqltypes.BINARY, sqltypes.VARBINARY, sqltypes.CLOB, sqltypes.BLOB, mtypes.NCLOB):
            return cls(length)
        if cls in (sqltypes.DECIMAL, sqltypes.NUMERIC):
            return cls(row.numeric_precision, row.numeric_scale)
        if cls is sqltypes.FLOAT:
            return cls(row.numeric_precision)
        if cls in (mtypes.TIME, mtypes.TIMESTAMP):
            return cls(row.datetime_precision)
        if cls is mtypes.INTERVAL:
            return cls(row.interval_type or "DAY TO SECOND", precision=row.interval_precision,
                       second_precision=row.datetime_precision)
        return cls()

    def _column_default(self, table_name: str, row: Any) -> tuple[str | None, bool]:
        """(default text, autoincrement) of one column; our own sequences hide their default."""
        text = row.column_default
        if text is None:
            return None, False
        m = _NEXT_VALUE_DEFAULT.match(text)
        if not m:
            return text, False
        seq = m.group(1).split(".")[-1].strip().strip('"')
        if self._same_name(seq, implicit_sequence_name(table_name, row.column_name)):
            return None, True
        return text, True

    def implicit_sequences_in_catalog(self, connection: Any,
                                      table: sa_schema.Table) -> list[sa_schema.Sequence]:
        """The implicit sequences a stored table's columns use, read from the catalog."""
        rows = self._batched(connection, self.columns_query(), table.schema, [table.name])
        return [sa_schema.Sequence(implicit_sequence_name(table.name, row.column_name),
                                   schema=table.schema)
                for _, row in rows
                if self._column_default(table.name, row) == (None, True)]

    def get_multi_columns(self, connection: Any, *, schema: str | None, filter_names: Any,
                          scope: Any, kind: Any, **kw: Any) -> Any:
        names = self._object_names(connection, schema, filter_names, scope, kind)
        result: dict[tuple[str | None, str], list[dict[str, Any]]] = defaultdict(list)
        for key, row in self._batched(connection, self.columns_query(), schema, names):
            default_text, autoincrement = self._column_default(row.table_name, row)
            column: dict[str, Any] = {
                "name": row.column_name,
                "type": self._column_type(row),
                "nullable": (row.is_nullable or "YES").upper() == "YES",
                "default": default_text,
                "autoincrement": autoincrement,
                "comment": row.remarks or None,
            }
            result[key].append(column)
        return result.items()

    @reflection.cache
    def get_columns(self, connection: Any, table_name: str, schema: str | None = None,
                    **kw: Any) -> list[dict[str, Any]]:
        data = self.get_multi_columns(connection, schema=schema, filter_names=[table_name],
                                      scope=ObjectScope.ANY, kind=ObjectKind.ANY, **kw)
        return self._value_or_raise(data, table_name, schema)

    # -- reflection: constraints -----------------------------------------

    def _constraint_columns_query(self, constraint_type: str) -> Any:
        tc = ischema.table_constraints.alias("tc")
        kcu = ischema.key_column_usage.alias("kcu")
        return (
            select(tc.c.table_name, tc.c.constraint_name, kcu.c.column_name)
            .select_from(tc.join(kcu, sql.and_(
                tc.c.constraint_schema == kcu.c.constraint_schema,
                tc.c.constraint_name == kcu.c.constraint_name)))
            .where(tc.c.constraint_type == constraint_type,
                   tc.c.table_schema == sql.bindparam("schema"),
                   tc.c.table_name.in_(self._names_param()))
            .order_by(tc.c.table_name, tc.c.constraint_name, kcu.c.ordinal_position)
        )

    def pk_query(self) -> Any:
        """Primary keys of many tables, one query."""
        return self._constraint_columns_query("PRIMARY KEY")

    def unique_query(self) -> Any:
        """UNIQUE constraints of many tables, one query."""
        return self._constraint_columns_query("UNIQUE")

    def get_multi_pk_constraint(self, connection: Any, *, schema: str | None,
                                filter_names: Any, scope: Any, kind: Any, **kw: Any) -> Any:
        names = self._object_names(connection, schema, filter_names, scope, kind)
        result = {(schema, n): ReflectionDefaults.pk_constraint() for n in names}
        for key, row in self._batched(connection, self.pk_query(), schema, names):
            pk = result[key]
            pk["name"] = row.constraint_name
            pk["constrained_columns"].append(row.column_name)
        return result.items()

    @reflection.cache
    def get_pk_constraint(self, connection: Any, table_name: str, schema: str | None = None,
                          **kw: Any) -> Any:
        data = self.get_multi_pk_constraint(connection, schema=schema, filter_names=[table_name],
                                            scope=ObjectScope.ANY, kind=ObjectKind.ANY, **kw)
        return self._value_or_raise(data, table_name, schema)

    def get_multi_unique_constraints(self, connection: Any, *, schema: str | None,
                                     filter_names: Any, scope: Any, kind: Any,
                                     **kw: Any) -> Any:
        names = self._object_names(connection, schema, filter_names, scope, kind)
        result: dict[Any, list[dict[str, Any]]] = {(schema, n): [] for n in names}
        found: dict[Any, dict[str, Any]] = {}
        for key, row in self._batched(connection, self.unique_query(), schema, names):
            uc = found.get((key, row.constraint_name))
            if uc is None:
                uc = found[(key, row.constraint_name)] = {"name": row.constraint_name,
                                                          "column_names": []}
                result[key].append(uc)
            uc["column_names"].append(row.column_name)
        return result.items()

    @reflection.cache
    def get_unique_constraints(self, connection: Any, table_name: str,
                               schema: str | None = None, **kw: Any) -> Any:
        data = self.get_multi_unique_constraints(
            connection, schema=schema, filter_names=[table_name], scope=ObjectScope.ANY,
            kind=ObjectKind.ANY, **kw)
        return self._value_or_raise(data, table_name, schema)

    def foreign_keys_query(self) -> Any:
        """Foreign keys of many tables with their referential actions, one query."""
        rc = ischema.referential_constraints.alias("rc")
        kcu = ischema.key_column_usage.alias("kcu")
        ref = ischema.key_column_usage.alias("ref")
        return (
            select(kcu.c.table_name, rc.c.constraint_name, kcu.c.column_name,
                   ref.c.table_schema.label("referred_schema"),
                   ref.c.table_name.label("referred_table"),
                   ref.c.column_name.label("referred_column"),
                   rc.c.update_rule, rc.c.delete_rule)
            .select_from(
                rc.join(kcu, sql.and_(rc.c.constraint_schema == kcu.c.constraint_schema,
                                      rc.c.constraint_name == kcu.c.constraint_name))
                .join(ref, sql.and_(rc.c.unique_constraint_schema == ref.c.constraint_schema,
                                    rc.c.unique_constraint_name == ref.c.constraint_name,
                                    kcu.c.ordinal_position == ref.c.ordinal_position)))
            .where(kcu.c.table_schema == sql.bindparam("schema"),
                   kcu.c.table_name.in_(self._names_param()))
            .order_by(kcu.c.table_name, rc.c.constraint_name, kcu.c.ordinal_position)
        )

    def get_multi_foreign_keys(self, connection: Any, *, schema: str | None,
                               filter_names: Any, scope: Any, kind: Any, **kw: Any) -> Any:
        names = self._object_names(connection, schema, filter_names, scope, kind)
        result: dict[Any, list[dict[str, Any]]] = {(schema, n): [] for n in names}
        found: dict[Any, dict[str, Any]] = {}
        default_schema = self.default_schema_name
        for key, row in self._batched(connection, self.foreign_keys_query(), schema, names):
            fk = found.get((key, row.constraint_name))
            if fk is None:
                referred_schema = row.referred_schema
                if schema is None and self._same_name(referred_schema, default_schema):
                    referred_schema = None
                options = {}
                for option, rule in (("onupdate", row.update_rule),
                                     ("ondelete", row.delete_rule)):
                    if rule and rule.strip().upper() != "NO ACTION":
                        options[option] = rule.strip().upper()
                fk = found[(key, row.constraint_name)] = {
                    "name": row.constraint_name, "constrained_columns": [],
                    "referred_schema": referred_schema, "referred_table": row.referred_table,
                    "referred_columns": [], "options": options,
                }
                result[key].append(fk)
            fk["constrained_columns"].append(row.column_name)
            fk["referred_columns"].append(row.referred_column)
        return result.items()

    @reflection.cache
    def get_foreign_keys(self, connection: Any, table_name: str, schema: str | None = None,
                         **kw: Any) -> Any:
        data = self.get_multi_foreign_keys(connection, schema=schema, filter_names=[table_name],
                                           scope=ObjectScope.ANY, kind=ObjectKind.ANY, **kw)
        return self._value_or_raise(data, table_name, schema)

    def check_constraints_query(self) -> Any:
        """CHECK constraints of many tables, one query."""
        tc = ischema.table_constraints.alias("tc")
        cc = ischema.check_constraints.alias("cc")
        return (
            select(tc.c.table_name, cc.c.constraint_name, cc.c.check_clause)
            .select_from(tc.join(cc, sql.and_(
                tc.c.constraint_schema == cc.c.constraint_schema,
                tc.c.constraint_name == cc.c.constraint_name)))
            .where(tc.c.constraint_type == "CHECK",
                   tc.c.table_schema == sql.bindparam("schema"),
                   tc.c.table_name.in_(self._names_param()))
            .order_by(tc.c.table_name, cc.c.constraint_name)
        )

    def get_multi_check_constraints(self, connection: Any, *, schema: str | None,
                                    filter_names: Any, scope: Any, kind: Any,
                                    **kw: Any) -> Any:
        names = self._object_names(connection, schema, filter_names, scope, kind)
        result: dict[Any, list[dict[str, Any]]] = {(schema, n): [] for n in names}
        for key, row in self._batched(connection, self.check_constraints_query(), schema,
                                      names):
            clause = row.check_clause
            # Mimer lists NOT NULL as a CHECK (col IS NOT NULL): that is `nullable`.
            if clause is not None and _NOT_NULL_CHECK.match(clause.strip()):
                continue
            result[key].append({"name": row.constraint_name, "sqltext": clause})
        return result.items()

    @reflection.cache
    def get_check_constraints(self, connection: Any, table_name: str,
                              schema: str | None = None, **kw: Any) -> Any:
        data = self.get_multi_check_constraints(
            connection, schema=schema, filter_names=[table_name], scope=ObjectScope.ANY,
            kind=ObjectKind.ANY, **kw)
        return self._value_or_raise(data, table_name, schema)

    # -- reflection: indexes and comments --------------------------------

    def indexes_query(self) -> Any:
        """Secondary indexes of many tables, one query."""
        i = ischema.ext_indexes.alias("i")
        ic = ischema.ext_index_column_usage.alias("ic")
        return (
            select(i.c.table_name, i.c.index_name, i.c.is_unique, ic.c.column_name)
            .select_from(i.join(ic, sql.and_(i.c.index_schema == ic.c.index_schema,
                                             i.c.table_name == ic.c.table_name,
                                             i.c.index_name == ic.c.index_name)))
            .where(i.c.index_schema == sql.bindparam("schema"),
                   i.c.table_name.in_(self._names_param()))
            .order_by(i.c.table_name, i.c.index_name, ic.c.ordinal_position)
        )

    def get_multi_indexes(self, connection: Any, *, schema: str | None, filter_names: Any,
                          scope: Any, kind: Any, **kw: Any) -> Any:
        names = self._object_names(connection, schema, filter_names, scope, kind)
        result: dict[Any, list[dict[str, Any]]] = {(schema, n): [] for n in names}
        found: dict[Any, dict[str, Any]] = {}
        for key, row in self._batched(connection, self.indexes_query(), schema, names):
            index = found.get((key, row.index_name))
            if index is None:
                index = found[(key, row.index_name)] = {
                    "name": row.index_name, "column_names": [],
                    "unique": (row.is_unique or "").upper() == "YES",
                }
                result[key].append(index)
            index["column_names"].append(row.column_name)
        return result.items()

    @reflection.cache
    def get_indexes(self, connection: Any, table_name: str, schema: str | None = None,
                    **kw: Any) -> Any:
        data = self.get_multi_indexes(connection, schema=schema, filter_names=[table_name],
                                      scope=ObjectScope.ANY, kind=ObjectKind.ANY, **kw)
        return self._value_or_raise(data, table_name, schema)

    def table_comment_query(self) -> Any:
        """Comments of many tables and views, one query."""
        o = ischema.ext_object_ident_usage.alias("o")
        return (
            select(o.c.object_name, o.c.remarks)
            .where(o.c.object_schema == sql.bindparam("schema"),
                   o.c.object_type.in_(["BASE TABLE", "VIEW"]),
                   o.c.object_name.in_(self._names_param()))
        )

    def get_multi_table_comment(self, connection: Any, *, schema: str | None,
                                filter_names: Any, scope: Any, kind: Any, **kw: Any) -> Any:
        names = self._object_names(connection, schema, filter_names, scope, kind)
        result = {(schema, n): ReflectionDefaults.table_comment() for n in names}
        for key, row in self._batched(connection, self.table_comment_query(), schema, names):
            # An empty comment is how Mimer "drops" one.
            result[key] = {"text": row.remarks or None}
        return result.items()

    @reflection.cache
    def get_table_comment(self, connection: Any, table_name: str, schema: str | None = None,
                          **kw: Any) -> Any:
        data = self.get_multi_table_comment(connection, schema=schema, filter_names=[table_name],
                                            scope=ObjectScope.ANY, kind=ObjectKind.ANY, **kw)
        return self._value_or_raise(data, table_name, schema)
