"""Reflection: the catalog queries it builds, and how it reads their rows."""

from __future__ import annotations

from collections import namedtuple

import pytest
from sqlalchemy import inspect
from sqlalchemy import types as sqltypes
from sqlalchemy.exc import NoSuchTableError

from sqlalchemy_mimer import types as mtypes
from sqlalchemy_mimer.mimerpy import MimerDialect_mimerpy

dialect = MimerDialect_mimerpy()


def sql_of(query):
    return " ".join(str(query.compile(dialect=dialect)).split())


def rendered(query, **params):
    compiled = query.compile(dialect=dialect)
    return " ".join(compiled.construct_params(params).__repr__().split()), compiled


def test_columns_query_is_one_batched_query_with_expanding_names():
    sql = sql_of(dialect.columns_query())
    assert sql.startswith("SELECT c.TABLE_NAME, c.COLUMN_NAME, c.DATA_TYPE, ")
    assert ("FROM INFORMATION_SCHEMA.COLUMNS AS c LEFT OUTER JOIN "
            "INFORMATION_SCHEMA.EXT_COLUMN_REMARKS AS r") in sql
    assert "WHERE c.TABLE_SCHEMA = ? AND c.TABLE_NAME IN (__[POSTCOMPILE_names])" in sql
    assert sql.endswith("ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION")


def test_expanding_names_render_one_marker_per_table():
    compiled = dialect.columns_query().compile(dialect=dialect)
    expanded = compiled.construct_expanded_state({"schema": "S", "names": ["a", "b", "c"]})
    assert "c.TABLE_NAME IN (?, ?, ?)" in expanded.statement
    assert expanded.positiontup == ["schema", "names_1", "names_2", "names_3"]


@pytest.mark.parametrize("builder, fragments", [
    ("pk_query", [("FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS AS tc JOIN "
                  "INFORMATION_SCHEMA.KEY_COLUMN_USAGE AS kcu ON tc.CONSTRAINT_SCHEMA = "
                  "kcu.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = kcu.CONSTRAINT_NAME"),
                  "tc.CONSTRAINT_TYPE = ?", "tc.TABLE_NAME IN (__[POSTCOMPILE_names])",
                  "ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, kcu.ORDINAL_POSITION"]),
    ("unique_query", ["tc.CONSTRAINT_TYPE = ?"]),
    ("foreign_keys_query", ["rc.UPDATE_RULE, rc.DELETE_RULE",
                            ("JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE AS ref ON "
                            "rc.UNIQUE_CONSTRAINT_SCHEMA = ref.CONSTRAINT_SCHEMA AND "
                            "rc.UNIQUE_CONSTRAINT_NAME = ref.CONSTRAINT_NAME AND "
                            "kcu.ORDINAL_POSITION = ref.ORDINAL_POSITION"),
                            "kcu.TABLE_NAME IN (__[POSTCOMPILE_names])"]),
    ("check_constraints_query", ["JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS AS cc"]),
    ("indexes_query", [("FROM INFORMATION_SCHEMA.EXT_INDEXES AS i JOIN "
                       "INFORMATION_SCHEMA.EXT_INDEX_COLUMN_USAGE AS ic"),
                       "i.TABLE_NAME IN (__[POSTCOMPILE_names])"]),
    ("table_comment_query", ["FROM INFORMATION_SCHEMA.EXT_OBJECT_IDENT_USAGE AS o",
                             "o.OBJECT_TYPE IN (__[POSTCOMPILE_object_type_1])",
                             "o.OBJECT_NAME IN (__[POSTCOMPILE_names])"]),
])
def test_catalog_queries(builder, fragments):
    sql = sql_of(getattr(dialect, builder)())
    for fragment in fragments:
        assert fragment in sql, (fragment, sql)


Row = namedtuple("Row", "table_name column_name data_type character_maximum_length "
                        "numeric_precision numeric_scale datetime_precision interval_type "
                        "interval_precision is_nullable column_default user_defined_type_schema "
                        "user_defined_type_name remarks")


def col(data_type, length=None, precision=None, scale=None, dt_precision=None, interval=None,
        lead=None, udt=(None, None), default=None, name="c", nullable="YES"):
    return Row("t", name, data_type, length, precision, scale, dt_precision, interval, lead,
               nullable, default, udt[0], udt[1], None)


@pytest.mark.parametrize("row, expected", [
    (col("CHARACTER VARYING", 50), sqltypes.VARCHAR(50)),
    (col("CHARACTER", 3), sqltypes.CHAR(3)),
    (col("NATIONAL CHARACTER VARYING", 20), sqltypes.NVARCHAR(20)),
    (col("NATIONAL CHAR VARYING", 20), sqltypes.NVARCHAR(20)),
    (col("NATIONAL CHAR LARGE OBJECT", 1048576), mtypes.NCLOB(1048576)),
    (col("NATIONAL CHARACTER LARGE OBJECT", 10), mtypes.NCLOB(10)),
    (col("CHARACTER LARGE OBJECT", 100), sqltypes.CLOB(100)),
    (col("BINARY LARGE OBJECT", 100), sqltypes.BLOB(100)),
    (col("BINARY VARYING", 16), sqltypes.VARBINARY(16)),
    (col("DECIMAL", precision=10, scale=2), sqltypes.DECIMAL(10, 2)),
    (col("INTEGER", precision=10), sqltypes.INTEGER()),
    (col("BIGINT"), sqltypes.BIGINT()),
    (col("SMALLINT"), sqltypes.SMALLINT()),
    (col("FLOAT", precision=20), sqltypes.FLOAT(20)),
    (col("DOUBLE PRECISION"), sqltypes.DOUBLE_PRECISION()),
    (col("REAL"), sqltypes.REAL()),
    (col("BOOLEAN"), sqltypes.BOOLEAN()),
    (col("DATE"), sqltypes.DATE()),
    (col("TIMESTAMP", dt_precision=6), mtypes.TIMESTAMP(6)),
    (col("TIME", dt_precision=0), mtypes.TIME(0)),
    (col("INTERVAL", interval="DAY TO SECOND", lead=7, dt_precision=6),
     mtypes.INTERVAL("DAY TO SECOND", 7, 6)),
    (col("USER-DEFINED", udt=("BUILTIN", "UUID")), mtypes.UUID()),
    (col("USER-DEFINED", udt=("BUILTIN", "GIS_LOCATION")), mtypes.GIS_LOCATION()),
])
def test_column_types(row, expected):
    got = dialect._column_type(row)
    assert type(got) is type(expected)
    assert repr(got) == repr(expected)
    assert got.compile(dialect=dialect) == expected.compile(dialect=dialect)


def test_unknown_type_warns_and_gives_nulltype():
    with pytest.warns(Warning, match="TINYINT"):
        assert dialect._column_type(col("TINYINT")) is sqltypes.NULLTYPE


def test_own_sequence_default_is_autoincrement_without_default():
    row = col("INTEGER", name="id", default='NEXT VALUE FOR "SYSADM"."t_id_autoinc_seq"')
    assert dialect._column_default("t", row) == (None, True)


def test_old_sequence_default_spelling_is_recognised():
    row = col("INTEGER", name="id", default='NEXT_VALUE OF "SYSADM"."T_ID_AUTOINC_SEQ"')
    assert dialect._column_default("t", row) == (None, True)


def test_foreign_sequence_default_is_kept():
    row = col("INTEGER", name="id", default='NEXT VALUE FOR "S"."other"')
    assert dialect._column_default("t", row) == ('NEXT VALUE FOR "S"."other"', True)


def test_plain_default_is_kept():
    assert dialect._column_default("t", col("INTEGER", default="5")) == ("5", False)


def existing_tables(*names):
    """Rows of the catalog query that lists which asked-for tables exist."""
    return [(name,) for name in names]


def test_get_columns_through_inspector(engine, fake_db):
    def respond(sql, params):
        if "INFORMATION_SCHEMA.TABLES" in sql:
            return existing_tables("authors")
        if "INFORMATION_SCHEMA.COLUMNS" in sql:
            return [
                ("AUTHORS", "id", "INTEGER", None, 10, 0, None, None, None, "NO",
                 'NEXT VALUE FOR "SYSADM"."authors_id_autoinc_seq"', None, None, None),
                ("AUTHORS", "name", "CHARACTER VARYING", 50, None, None, None, None, None, "NO",
                 None, None, None, "who"),
            ]
        return []
    fake_db.responder = respond
    columns = inspect(engine).get_columns("authors")
    assert [(c["name"], c["nullable"], c["autoincrement"], c["default"], c["comment"])
            for c in columns] == [("id", False, True, None, None),
                                  ("name", False, False, None, "who")]
    _sql, params = next((s, p) for s, p in fake_db.log if "INFORMATION_SCHEMA.COLUMNS" in s)
    assert params == ("SYSADM", "authors")


def test_missing_table_raises_no_such_table(engine):
    with pytest.raises(NoSuchTableError):
        inspect(engine).get_columns("nope")


def test_multi_reflection_runs_one_query_per_kind(engine, fake_db):
    fake_db.responder = lambda sql, p: (
        [("a",), ("b",), ("c",)] if "INFORMATION_SCHEMA.TABLES" in sql else [])
    fks = inspect(engine).get_multi_foreign_keys()
    assert set(fks) == {(None, "a"), (None, "b"), (None, "c")}
    fk_queries = [(s, p) for s, p in fake_db.log if "REFERENTIAL_CONSTRAINTS" in s]
    assert len(fk_queries) == 1
    assert fk_queries[0][1] == ("SYSADM", "a", "b", "c")


def test_foreign_keys_read_actions_and_hide_default_schema(engine, fake_db):
    fake_db.responder = lambda sql, p: [
        ("books", "fk_b", "author_id", "SYSADM", "authors", "id", "CASCADE", "NO ACTION"),
    ] if "REFERENTIAL" in sql else (
        existing_tables("books") if "INFORMATION_SCHEMA.TABLES" in sql else [])
    fks = inspect(engine).get_foreign_keys("books")
    assert fks == [{"name": "fk_b", "constrained_columns": ["author_id"],
                    "referred_schema": None, "referred_table": "authors",
                    "referred_columns": ["id"], "options": {"onupdate": "CASCADE"}}]


def test_not_null_checks_are_not_check_constraints(engine, fake_db):
    fake_db.responder = lambda sql, p: [
        ("t", "c1", '"a" IS NOT NULL'), ("t", "c2", "a > 0"),
    ] if "CHECK_CONSTRAINTS" in sql else (
        existing_tables("t") if "INFORMATION_SCHEMA.TABLES" in sql else [])
    assert inspect(engine).get_check_constraints("t") == [{"name": "c2", "sqltext": "a > 0"}]


def test_has_table_and_sequence_take_kw(engine, fake_db):
    assert engine.dialect.has_sequence(engine.connect(), "s", schema=None, info_cache={}) is False
    assert inspect(engine).has_table("t") is False
    assert inspect(engine).has_schema("x") is False
    assert inspect(engine).has_index("t", "ix") is False


def test_default_schema_query(engine, fake_db):
    with engine.connect() as conn:
        engine.dialect._get_default_schema_name(conn)
    assert "SELECT CURRENT_SCHEMA FROM SYSTEM.ONEROW" in fake_db.statements()


def test_names_are_not_normalised():
    assert dialect.requires_name_normalize is False
    assert dialect.normalize_name("AUTHORS") == "AUTHORS"
    assert dialect.denormalize_name("authors") == "authors"
    assert dialect.max_identifier_length == 128


def test_autoload_builds_the_table_from_batched_queries(engine, fake_db):
    from sqlalchemy import MetaData, Table

    def respond(sql, params):
        if "INFORMATION_SCHEMA.TABLES" in sql:
            return existing_tables("authors")
        if "INFORMATION_SCHEMA.COLUMNS" in sql:
            return [("authors", "id", "INTEGER", None, 10, 0, None, None, None, "NO",
                     'NEXT VALUE FOR "SYSADM"."authors_id_autoinc_seq"', None, None, None),
                    ("authors", "name", "CHARACTER VARYING", 50, None, None, None, None, None,
                     "NO", None, None, None, None)]
        if "'PRIMARY KEY'" in sql or ("CONSTRAINT_TYPE" in sql and "PRIMARY KEY" in str(params)):
            return [("authors", "pk_authors", "id")]
        return []
    fake_db.responder = respond
    t = Table("authors", MetaData(), autoload_with=engine)
    assert [c.name for c in t.columns] == ["id", "name"]
    assert [c.name for c in t.primary_key] == ["id"]
    assert t.c.id.autoincrement is True and t.c.id.server_default is None
    assert isinstance(t.c.name.type, sqltypes.VARCHAR) and t.c.name.type.length == 50
    kinds = {"COLUMNS": 0, "KEY_COLUMN_USAGE": 0, "EXT_INDEXES": 0, "CHECK_CONSTRAINTS": 0}
    for sql, _ in fake_db.log:
        for kind in kinds:
            if f"INFORMATION_SCHEMA.{kind} " in sql:
                kinds[kind] += 1
    assert all(n >= 1 for n in kinds.values()), kinds
