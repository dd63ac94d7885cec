"""Types: DDL spelling of every generic and Mimer type, and value conversions."""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import uuid

import pytest
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Double,
    Enum,
    Float,
    Integer,
    Interval,
    LargeBinary,
    MetaData,
    Numeric,
    SmallInteger,
    String,
    Table,
    Text,
    Time,
    Unicode,
    UnicodeText,
    Uuid,
    exc,
    literal,
    select,
)
from sqlalchemy import (
    types as sqltypes,
)
from sqlalchemy.schema import CreateTable

import sqlalchemy_mimer as m
from sqlalchemy_mimer.mimerpy import MimerDialect_mimerpy

dialect = MimerDialect_mimerpy()


class Color(enum.Enum):
    red = 1
    green = 2


def ddl(type_):
    return type_.compile(dialect=dialect)


@pytest.mark.parametrize("type_, expected", [
    (Integer(), "INTEGER"),
    (SmallInteger(), "SMALLINT"),
    (BigInteger(), "BIGINT"),
    (Numeric(10, 2), "DECIMAL(10, 2)"),
    (Numeric(10), "DECIMAL(10)"),
    (Numeric(), "DECIMAL"),
    (Float(), "DOUBLE PRECISION"),
    (Float(20), "FLOAT(20)"),
    (Double(), "DOUBLE PRECISION"),
    (sqltypes.REAL(), "REAL"),
    (sqltypes.DOUBLE_PRECISION(), "DOUBLE PRECISION"),
    (sqltypes.DOUBLE(), "DOUBLE PRECISION"),
    (sqltypes.FLOAT(), "DOUBLE PRECISION"),
    (sqltypes.DECIMAL(45, 10), "DECIMAL(45, 10)"),
    (String(50), "VARCHAR(50)"),
    (Unicode(20), "NVARCHAR(20)"),
    (Text(), "CLOB"),
    (Text(1000), "CLOB(1000)"),
    (UnicodeText(), "NCLOB"),
    (LargeBinary(), "BLOB"),
    (sqltypes.CHAR(3), "CHAR(3)"),
    (sqltypes.NCHAR(3), "NCHAR(3)"),
    (sqltypes.NVARCHAR(3), "NVARCHAR(3)"),
    (sqltypes.TEXT(), "CLOB"),
    (sqltypes.CLOB(), "CLOB"),
    (sqltypes.BLOB(), "BLOB"),
    (sqltypes.BINARY(16), "BINARY(16)"),
    (sqltypes.VARBINARY(16), "VARBINARY(16)"),
    (Boolean(), "BOOLEAN"),
    (Date(), "DATE"),
    (DateTime(), "TIMESTAMP"),
    (sqltypes.DATETIME(), "TIMESTAMP"),
    (sqltypes.TIMESTAMP(), "TIMESTAMP"),
    (Time(), "TIME(6)"),
    (sqltypes.TIME(), "TIME"),
    (Interval(), "INTERVAL DAY(7) TO SECOND(6)"),
    (Interval(day_precision=3, second_precision=2), "INTERVAL DAY(3) TO SECOND(2)"),
    # wider than Mimer allows: its widest, DAY(7) and 9 fraction digits
    (Interval(day_precision=9, second_precision=12), "INTERVAL DAY(7) TO SECOND(9)"),
    (Uuid(), "BUILTIN.UUID"),
    (Uuid(native_uuid=False), "CHAR(32)"),
    (sqltypes.UUID(), "BUILTIN.UUID"),
    (Enum("a", "bcd"), "VARCHAR(3)"),
    (Enum(Color), "VARCHAR(5)"),
    (m.NCLOB(), "NCLOB"),
    (m.TIME(3), "TIME(3)"),
    (m.TIMESTAMP(9), "TIMESTAMP(9)"),
    (m.TIMESTAMP(), "TIMESTAMP"),
    (m.UUID(), "BUILTIN.UUID"),
    (m.INTERVAL("YEAR TO MONTH"), "INTERVAL YEAR TO MONTH"),
    (m.INTERVAL("YEAR", 4), "INTERVAL YEAR(4)"),
    (m.INTERVAL("hour to second", 8, 3), "INTERVAL HOUR(8) TO SECOND(3)"),
    (m.INTERVAL("SECOND", 12, 9), "INTERVAL SECOND(12, 9)"),
    (m.INTERVAL("SECOND"), "INTERVAL SECOND"),
    (m.GIS_LOCATION(), "BUILTIN.GIS_LOCATION"),
    (m.GIS_LATITUDE(), "BUILTIN.GIS_LATITUDE"),
    (m.GIS_LONGITUDE(), "BUILTIN.GIS_LONGITUDE"),
    (m.GIS_COORDINATE(), "BUILTIN.GIS_COORDINATE"),
])
def test_type_ddl(type_, expected):
    assert ddl(type_) == expected


def test_every_type_compiles_in_a_table():
    t = Table("all_types", MetaData(), *(
        Column(f"c{i}", type_) for i, type_ in enumerate([
            Enum("x", "y"), Double(), sqltypes.REAL(), Text(), sqltypes.NCHAR(2), DateTime(),
            Interval(), Uuid(), Boolean(), Time(), Date(), UnicodeText(), LargeBinary()])))
    text = str(CreateTable(t).compile(dialect=dialect))
    for spelled in ("VARCHAR(1)", "DOUBLE PRECISION", "REAL", "CLOB", "NCHAR(2)", "TIMESTAMP",
                    "INTERVAL DAY(7) TO SECOND(6)", "BUILTIN.UUID", "BOOLEAN", "TIME(6)",
                    "DATE", "NCLOB", "BLOB"):
        assert spelled in text


@pytest.mark.parametrize("type_", [String(), Unicode(), sqltypes.VARBINARY()])
def test_varying_types_without_length_are_refused(type_):
    with pytest.raises(exc.CompileError, match="requires a length"):
        ddl(type_)


@pytest.mark.parametrize("type_", [DateTime(timezone=True), Time(timezone=True)])
def test_time_zones_are_refused(type_):
    with pytest.raises(exc.CompileError, match="TIME ZONE"):
        ddl(type_)


def test_json_is_not_supported():
    with pytest.raises(exc.CompileError):
        ddl(JSON())


def test_unknown_interval_kind_is_refused():
    with pytest.raises(ValueError):
        m.INTERVAL("WEEK")


def processors(type_):
    impl = type_.dialect_impl(dialect)
    return impl.bind_processor(dialect), impl.result_processor(dialect, None)


@pytest.mark.parametrize("delta, text", [
    (dt.timedelta(days=3, seconds=45), "3 00:00:45.000000"),
    (dt.timedelta(days=400, hours=5, minutes=6, seconds=7, microseconds=123450),
     "400 05:06:07.123450"),
    (dt.timedelta(seconds=-1), "-0 00:00:01.000000"),
    (dt.timedelta(0), "0 00:00:00.000000"),
])
def test_interval_round_trip(delta, text):
    bind, result = processors(Interval())
    assert bind(delta) == text
    assert result(text) == delta


def test_interval_reads_mimer_text_of_other_kinds():
    _, result = processors(m.INTERVAL("HOUR TO MINUTE"))
    assert result("30:15") == dt.timedelta(hours=30, minutes=15)
    _, result = processors(m.INTERVAL("DAY"))
    assert result("12") == dt.timedelta(days=12)
    _, result = processors(m.INTERVAL("MINUTE TO SECOND"))
    assert result("-2:03.5") == -dt.timedelta(minutes=2, seconds=3.5)


def test_interval_writes_leading_field_with_everything_above_it():
    bind, _ = processors(m.INTERVAL("HOUR TO SECOND"))
    assert bind(dt.timedelta(days=2, seconds=1)) == "48:00:01.000000"


def test_year_month_interval_passes_text_through():
    bind, result = processors(m.INTERVAL("YEAR TO MONTH"))
    assert bind is None and result is None


def test_boolean_results_are_bools():
    _, result = processors(Boolean())
    assert result(1) is True and result(0) is False and result(None) is None


def test_float_results_are_floats_unless_asdecimal():
    _, result = processors(Float())
    assert result(decimal.Decimal("1.5")) == 1.5 and isinstance(result(decimal.Decimal(1)), float)
    _, result = processors(Float(asdecimal=True))
    assert isinstance(result(1.5), decimal.Decimal)


def test_date_takes_the_date_of_a_datetime():
    # Mimer refuses a time of day in DATE text; MimerPy would send one.
    bind, _ = processors(Date())
    assert bind(dt.datetime(2012, 10, 15, 12, 57, 18)) == dt.date(2012, 10, 15)
    assert bind(dt.date(2012, 10, 15)) == dt.date(2012, 10, 15) and bind(None) is None


def test_uuid_passes_natively():
    bind, result = processors(Uuid())
    u = uuid.uuid4()
    assert bind is None and result is None
    bind, result = processors(Uuid(as_uuid=False))
    assert result(u) == str(u)


@pytest.mark.parametrize("value, type_, expected", [
    (dt.date(2024, 1, 31), Date(), "DATE '2024-01-31'"),
    (dt.datetime(2024, 1, 31, 12, 30, 1, 5), DateTime(), "TIMESTAMP '2024-01-31 12:30:01.000005'"),
    (dt.time(9, 14), Time(), "TIME '09:14:00'"),
    (True, Boolean(), "true"),
    (b"\r\n", LargeBinary(), "X'0D0A'"),
    ("it's", String(10), "'it''s'"),
    ("Malmö €", Unicode(10), "N'Malmö €'"),
    (dt.timedelta(days=1, seconds=2), Interval(), "INTERVAL '1 00:00:02.000000' DAY(7) TO SECOND(6)"),
    (uuid.UUID(int=1), Uuid(), "BUILTIN.UUID_FROM_TEXT('00000000-0000-0000-0000-000000000001')"),
    (uuid.UUID(int=1), Uuid(native_uuid=False), "'00000000000000000000000000000001'"),
    ("00000000-0000-0000-0000-000000000001", Uuid(as_uuid=False),
     "BUILTIN.UUID_FROM_TEXT('00000000-0000-0000-0000-000000000001')"),
    (dt.datetime(2012, 10, 15, 12, 57, 18), Date(), "DATE '2012-10-15'"),
])
def test_literal_rendering(value, type_, expected):
    compiled = select(literal(value, type_)).compile(dialect=dialect,
                                                     compile_kwargs={"literal_binds": True})
    assert str(compiled) == f"SELECT {expected} AS anon_1 FROM SYSTEM.ONEROW"


def test_uppercase_types_are_exported():
    for name in ("NCHAR", "NVARCHAR", "NCLOB", "CLOB", "BLOB", "BINARY", "VARBINARY", "INTERVAL",
                 "UUID", "TIMESTAMP", "TIME", "DOUBLE_PRECISION", "REAL", "GIS_LOCATION"):
        assert hasattr(m, name), name
