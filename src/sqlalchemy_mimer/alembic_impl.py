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
  DEFAULT v`` / ``DROP DEFAULT``, ``ALTER TABLE t DROP COLUMN c``; there is
  no ALTER for NULL/NOT NULL (a CHECK constraint or a rebuilt table is
  needed) and no column rename.
- Auto-increment columns need their sequence: ``create_table`` writes the
  implicit sequences itself in offline (``--sql``) mode; online, the
  dialect's execution context creates and drops them with the table (for
  ``op.drop_table(name)`` it finds them in the catalog).
"""

from __future__ import annotations

from typing import Any

try:
    from alembic.ddl.base import (
        AddColumn,
        ColumnName,
        ColumnNullable,
        ColumnType,
        alter_column,
        alter_table,
        format_type,
    )
    from alembic.ddl.impl import DefaultImpl
except ImportError:  # pragma: no cover - Alembic is optional
    DefaultImpl = None  # type: ignore[assignment,misc]

if DefaultImpl is not None:
    from sqlalchemy import exc
    from sqlalchemy.ext.compiler import compiles
    from sqlalchemy.schema import CreateSequence, DropSequence

    from .base import implicit_sequences

    class MimerImpl(DefaultImpl):
        """Alembic operations for Mimer SQL."""

        __dialect__ = "mimer"
        transactional_ddl = False

        def create_table(self, table: Any, **kw: Any) -> None:
            """Offline scripts need the implicit sequences written out before the table."""
            if self.as_sql:
                for seq in implicit_sequences(table):
                    self._exec(CreateSequence(seq))
            super().create_table(table, **kw)

        def drop_table(self, table: Any, **kw: Any) -> None:
            """Offline scripts drop the implicit sequences after the table.

            ``op.drop_table(name)`` knows no columns; offline, where the
            catalog cannot be asked, drop such sequences with ``op.execute``.
            """
            super().drop_table(table, **kw)
            if self.as_sql:
                for seq in implicit_sequences(table):
                    self._exec(DropSequence(seq))

    @compiles(ColumnType, "mimer")
    def _mimer_column_type(element: Any, compiler: Any, **kw: Any) -> str:
        """ALTER COLUMN c SET DATA TYPE t."""
        return f"{alter_table(compiler, element.table_name, element.schema)} {alter_column(compiler, element.column_name)} SET DATA TYPE {format_type(compiler, element.type_)}"

    @compiles(ColumnNullable, "mimer")
    def _mimer_column_nullable(element: Any, compiler: Any, **kw: Any) -> str:
        """Mimer has no ALTER COLUMN ... NULL / NOT NULL."""
        raise exc.CompileError("Mimer SQL cannot change a column's nullability with ALTER "
                               "TABLE; use batch_alter_table (recreate) or a CHECK constraint")

    @compiles(ColumnName, "mimer")
    def _mimer_column_name(element: Any, compiler: Any, **kw: Any) -> str:
        """Mimer has no column rename."""
        raise exc.CompileError("Mimer SQL cannot rename a column; use batch_alter_table "
                               "(recreate)")

    @compiles(AddColumn, "mimer")
    def _mimer_add_column(element: Any, compiler: Any, **kw: Any) -> str:
        """ALTER TABLE t ADD COLUMN c ... (the form Mimer's documentation uses)."""
        return f"{alter_table(compiler, element.table_name, element.schema)} ADD COLUMN {compiler.get_column_specification(element.column, **kw)}"

    __all__ = ["MimerImpl"]
