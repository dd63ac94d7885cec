"""Mimer SQL's catalog views as Core ``Table`` objects, for reflection.

Only the columns the dialect reads are declared (spec: mimer-sql.md §8,
§11.5).  Names are declared unquoted: Mimer compares identifiers
case-insensitively, and unquoted SQL reads as it would in Mimer's manual.
Catalog name columns compare case-insensitively on the server, so the
reflection queries pass names as the user gave them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Column, Integer, MetaData, String, Table
from sqlalchemy.types import TypeDecorator


class CatalogString(TypeDecorator[str]):
    """A catalog text column; CHAR columns arrive blank-padded, so strip them."""

    impl = String
    cache_ok = True

    def process_result_value(self, value: str | None, dialect: Any) -> str | None:
        return value.rstrip() if isinstance(value, str) else value


ischema = MetaData()


def _view(name: str, *columns: str, schema: str = "INFORMATION_SCHEMA",
          integer: tuple[str, ...] = ()) -> Table:
    """Declare a catalog view: unquoted names, lower-case keys for Python access."""
    return Table(
        name, ischema,
        *(Column(c, Integer if c in integer else CatalogString, key=c.lower(), quote=False)
          for c in columns),
        schema=schema, quote=False, quote_schema=False,
    )


schemata = _view("SCHEMATA", "SCHEMA_NAME")

tables = _view("TABLES", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE")

views = _view("VIEWS", "TABLE_SCHEMA", "TABLE_NAME", "VIEW_DEFINITION")

columns = _view(
    "COLUMNS",
    "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION", "DATA_TYPE",
    "CHARACTER_MAXIMUM_LENGTH", "NUMERIC_PRECISION", "NUMERIC_SCALE", "DATETIME_PRECISION",
    "INTERVAL_TYPE", "INTERVAL_PRECISION", "IS_NULLABLE", "COLUMN_DEFAULT",
    "USER_DEFINED_TYPE_SCHEMA", "USER_DEFINED_TYPE_NAME",
    integer=("ORDINAL_POSITION", "CHARACTER_MAXIMUM_LENGTH", "NUMERIC_PRECISION",
             "NUMERIC_SCALE", "DATETIME_PRECISION", "INTERVAL_PRECISION"),
)

table_constraints = _view(
    "TABLE_CONSTRAINTS",
    "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "TABLE_SCHEMA", "TABLE_NAME", "CONSTRAINT_TYPE",
)

key_column_usage = _view(
    "KEY_COLUMN_USAGE",
    "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME",
    "ORDINAL_POSITION",
    integer=("ORDINAL_POSITION",),
)

referential_constraints = _view(
    "REFERENTIAL_CONSTRAINTS",
    "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "UNIQUE_CONSTRAINT_SCHEMA",
    "UNIQUE_CONSTRAINT_NAME", "UPDATE_RULE", "DELETE_RULE",
)

check_constraints = _view(
    "CHECK_CONSTRAINTS", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "CHECK_CLAUSE",
)

ext_indexes = _view("EXT_INDEXES", "INDEX_SCHEMA", "INDEX_NAME", "TABLE_NAME", "IS_UNIQUE")

ext_index_column_usage = _view(
    "EXT_INDEX_COLUMN_USAGE",
    "INDEX_SCHEMA", "INDEX_NAME", "TABLE_NAME", "COLUMN_NAME", "ORDINAL_POSITION",
    integer=("ORDINAL_POSITION",),
)

sequences = _view("SEQUENCES", "SEQUENCE_SCHEMA", "SEQUENCE_NAME")

ext_column_remarks = _view(
    "EXT_COLUMN_REMARKS", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "REMARKS",
)

ext_object_ident_usage = _view(
    "EXT_OBJECT_IDENT_USAGE", "OBJECT_SCHEMA", "OBJECT_NAME", "OBJECT_TYPE", "REMARKS",
)
