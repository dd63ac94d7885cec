"""Alembic support for Mimer SQL: ``MimerImpl``, registered for the ``mimer`` dialect.

Alembic finds the implementation through its ``__dialect__`` registry once
this module is imported.  The dialect imports it when a Mimer dialect is
created while Alembic is loaded (as in Alembic's ``env.py``); an application
can also ``import sqlalchemy_mimer.alembic_impl`` itself.  Without Alembic
the module defines nothing, and the package never needs Alembic.

Mimer specifics:

- ``transactional_ddl = False``: each DDL statement commits by itself and
  ROLLBACK does not undo it.
- ALTER forms (spec §3, §11.9): ``ALTER TABLE t ADD COLUMN c ...``,
  ``ALTER TABLE t ALTER COLUMN c SET DATA TYPE type``, ``ALTER COLUMN c SET
  DEFAULT v`` / ``DROP DEFAULT``, ``ALTER TABLE t DROP COLUMN c``.  SET DATA
  TYPE only widens (a change that could fail for some value is refused by
  Mimer, -12566).  There is no ALTER for NULL/NOT NULL, no column rename and
  no table rename: these raise CompileError.  Alembic's batch mode
  (``batch_alter_table`` with recreate) needs a table rename, so it is
  refused before it changes anything.
- Auto-increment columns need their sequence: online, the dialect's
  execution context creates and drops them with the table (for
  ``op.drop_table(name)`` it finds them in the catalog).  Offline
  (``--sql``), ``create_table`` writes the implicit sequences itself, and a
  table dropped by name only is looked up among the tables created earlier
  in the same script, then in ``env.py``'s ``target_metadata``; if it is in
  neither, a warning says its sequences must be dropped by hand.
- Autogenerate renders the dialect's own types (``TIMESTAMP(6)`` and
  ``NCLOB`` are what reflection returns for DateTime and UnicodeText) as
  ``sqlalchemy_mimer.types.X(...)`` and adds the import to the script.
- Autogenerate compares server defaults as Mimer regenerates them
  (``'x'`` for a plain string default, keywords in upper case, ``(-5)``
  for a negative number, ``1.50`` as written): the model's default is
  rendered as the DDL would send it and both sides are normalised before
  they are compared.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

try:
    from alembic.ddl.base import (
        AddColumn,
        ColumnName,
        ColumnNullable,
        ColumnType,
        RenameTable,
        alter_column,
        alter_table,
        format_type,
    )
    from alembic.ddl.impl import DefaultImpl
except ImportError:  # pragma: no cover - Alembic is optional
    DefaultImpl = None  # type: ignore[assignment,misc]

if DefaultImpl is not None:
    from sqlalchemy import exc, util
    from sqlalchemy.ext.compiler import compiles
    from sqlalchemy.schema import CreateSequence, DropSequence

    from .base import implicit_sequences

    class MimerImpl(DefaultImpl):
        """Alembic operations for Mimer SQL."""

        __dialect__ = "mimer"
        transactional_ddl = False

        def __init__(self, *args: Any, **kw: Any) -> None:
            super().__init__(*args, **kw)
            # Offline: tables created so far in this script, by (schema, lower name).
            self._created: dict[tuple[Any, str], Any] = {}

        def create_table(self, table: Any, **kw: Any) -> None:
            """Offline scripts need the implicit sequences written out before the table."""
            if self.as_sql:
                for seq in implicit_sequences(table):
                    self._exec(CreateSequence(seq))
                self._created[(table.schema, table.name.lower())] = table
            super().create_table(table, **kw)

        def drop_table(self, table: Any, **kw: Any) -> None:
            """Offline scripts drop the implicit sequences after the table.

            ``op.drop_table(name)`` knows no columns and offline the catalog
            cannot be asked: the columns come from the same table created
            earlier in this script, or else from ``target_metadata``.
            """
            super().drop_table(table, **kw)
            if self.as_sql:
                for seq in implicit_sequences(self._offline_definition(table)):
                    self._exec(DropSequence(seq))

        def prep_table_for_batch(self, batch_impl: Any, table: Any) -> None:
            """Batch "recreate" ends with a table rename, which Mimer does not have.

            Refused here, before the copy is created and the original dropped.
            """
            raise exc.CompileError(
                f"Alembic's batch mode would rebuild table {table.name!r} and rename the copy, "
                "but Mimer SQL has no table rename; use ALTER TABLE operations (add/drop "
                "column, widen a type, change a default) or a hand-written copy")

        def _offline_definition(self, table: Any) -> Any:
            """The best known definition of a table dropped in an offline script."""
            if len(table.columns):
                return table
            key = (table.schema, table.name.lower())
            known = self._created.pop(key, None)
            if known is not None:
                return known
            metadata = self.context_opts.get("target_metadata")
            for meta in metadata if isinstance(metadata, (list, tuple)) else [metadata]:
                for candidate in getattr(meta, "tables", {}).values():
                    if (candidate.schema, candidate.name.lower()) == key:
                        return candidate
            util.warn(f"Offline DROP TABLE {table.name}: its columns are unknown here (not "
                      "created earlier in this script, not in target_metadata), so its "
                      "auto-increment sequences <table>_<column>_autoinc_seq, if any, are "
                      "not dropped; drop them by hand")
            return table

        def render_type(self, type_: Any, autogen_context: Any) -> Any:
            """Mimer's own types (reflected TIMESTAMP, NCLOB, ...) render importably.

            Alembic would write ``sqlalchemy_mimer.types.NCLOB()`` without an
            import, a NameError when the generated script runs.
            """
            module = type(type_).__module__
            if not module.startswith("sqlalchemy_mimer."):
                return False
            if autogen_context.imports is not None:
                autogen_context.imports.add(f"import {module}")
            return f"{module}.{type_!r}"

        def compare_server_default(self, inspector_column: Any, metadata_column: Any,
                                   rendered_metadata_default: Any,
                                   rendered_inspector_default: Any) -> bool:
            """True if the defaults differ, comparing them as Mimer regenerates them."""
            if metadata_column.server_default is None:
                metadata_sql = None
            else:
                ddl = self.dialect.ddl_compiler(self.dialect, None)
                metadata_sql = ddl.get_column_default_string(metadata_column)
            return (normalize_default(rendered_inspector_default)
                    != normalize_default(metadata_sql))

    _LITERAL_OR_WORD = re.compile(r"('(?:[^']|'')*')|([^']+)")
    _NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")

    def normalize_default(text: str | None) -> Any:
        """A comparable form of a default's SQL text.

        Whitespace outside string literals is collapsed, enclosing
        parentheses dropped, text outside string literals upper-cased (Mimer
        regenerates keywords in upper case), and a number compares by value
        (``1.5`` = ``1.50``).  String literals are kept exactly.
        """
        if text is None:
            return None
        text = "".join(literal or re.sub(r"\s+", " ", words)
                       for literal, words in _LITERAL_OR_WORD.findall(text)).strip()
        while text.startswith("(") and text.endswith(")") and _balanced(text[1:-1]):
            text = text[1:-1].strip()
        if text.upper() == "NULL":
            return None
        if _NUMBER.match(text):
            return Decimal(text)
        return "".join(literal or words.upper()
                       for literal, words in _LITERAL_OR_WORD.findall(text))

    def _balanced(text: str) -> bool:
        """True if the parentheses of ``text`` (outside string literals) pair up."""
        depth = 0
        for _literal, words in _LITERAL_OR_WORD.findall(text):
            for ch in words:
                depth += {"(": 1, ")": -1}.get(ch, 0)
                if depth < 0:
                    return False
        return depth == 0

    @compiles(ColumnType, "mimer")
    def _mimer_column_type(element: Any, compiler: Any, **kw: Any) -> str:
        """ALTER COLUMN c SET DATA TYPE t."""
        return f"{alter_table(compiler, element.table_name, element.schema)} {alter_column(compiler, element.column_name)} SET DATA TYPE {format_type(compiler, element.type_)}"

    @compiles(ColumnNullable, "mimer")
    def _mimer_column_nullable(element: Any, compiler: Any, **kw: Any) -> str:
        """Mimer has no ALTER COLUMN ... NULL / NOT NULL."""
        raise exc.CompileError("Mimer SQL cannot change a column's nullability with ALTER "
                               "TABLE; add a CHECK (c IS NOT NULL) constraint, or add a new "
                               "column and copy the data")

    @compiles(ColumnName, "mimer")
    def _mimer_column_name(element: Any, compiler: Any, **kw: Any) -> str:
        """Mimer has no column rename."""
        raise exc.CompileError("Mimer SQL cannot rename a column; add a new column, copy "
                               "the data and drop the old one")

    @compiles(RenameTable, "mimer")
    def _mimer_rename_table(element: Any, compiler: Any, **kw: Any) -> str:
        """Mimer has no table rename."""
        raise exc.CompileError("Mimer SQL cannot rename a table")

    @compiles(AddColumn, "mimer")
    def _mimer_add_column(element: Any, compiler: Any, **kw: Any) -> str:
        """ALTER TABLE t ADD COLUMN c ... (the form Mimer's documentation uses)."""
        return f"{alter_table(compiler, element.table_name, element.schema)} ADD COLUMN {compiler.get_column_specification(element.column, **kw)}"

    __all__ = ["MimerImpl", "normalize_default"]
