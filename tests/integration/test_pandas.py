"""pandas on mimerlite: DataFrame.to_sql, read_sql_table and read_sql_query.

Each test writes DataFrames through ``to_sql`` (if_exists fail / replace /
append, with and without the index, ``dtype=`` with SQLAlchemy types,
``chunksize``, ``method``) and reads them back with ``read_sql_table`` or
``read_sql_query`` (bound parameters, ``parse_dates``, chunks), comparing
with ``pandas.testing``: NULL/NaN/NaT, Decimal, datetime, date, time,
Unicode text and bytes.  It also pins the caveats the documentation states:
pandas' default text type is CLOB (Latin-1 only), DDL commits by itself, no
multi-row VALUES, BOOLEAN from a raw SQL query comes back as an integer.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest
from sqlalchemy import (
    BigInteger,
    DateTime,
    Integer,
    LargeBinary,
    MetaData,
    Numeric,
    Table,
    Unicode,
    UnicodeText,
    exc,
    func,
    inspect,
    select,
    text,
)

from sqlalchemy_mimer import DOUBLE_PRECISION, FLOAT

PEOPLE = pd.DataFrame({
    "id": np.array([1, 2, 3], dtype="int64"),
    "score": [1.5, np.nan, -0.1 + 0.3],
    "name": pd.Series(["Ada", None, "Zoë"], dtype="str"),
    "seen": pd.to_datetime([dt.datetime(2024, 1, 1, 12, 0, 0, 123456), None,
                            dt.datetime(2020, 2, 29)]).as_unit("us"),
    "active": [True, False, True],
})


def read_table(engine, name, **kw):
    return pd.read_sql_table(name, engine, **kw)


def count(engine, name):
    table = Table(name, MetaData(), autoload_with=engine)
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def column_types(engine, name):
    return {c["name"]: c["type"] for c in inspect(engine).get_columns(name)}


def test_to_sql_and_read_sql_table_round_trip_nulls_nan_and_datetimes(engine):
    assert PEOPLE.to_sql("people", engine, index=False) == 3
    got = read_table(engine, "people")
    pdt.assert_frame_equal(got, PEOPLE)
    assert got["seen"].isna().tolist() == [False, True, False]
    with engine.connect() as conn:  # NaN, None and NaT were stored as NULL
        nulls = conn.execute(text("SELECT COUNT(*) FROM people WHERE score IS NULL "
                                  "AND name IS NULL AND seen IS NULL")).scalar_one()
    assert nulls == 1


def test_float64_is_double_precision_and_float32_is_float_23(engine):
    """pandas writes float64 as Float(precision=53): binary digits, not Mimer's decimal ones."""
    frame = pd.DataFrame({"f64": [0.1 + 0.2, 1e300, -5e-324],
                          "f32": np.array([1.1, -3.4e38, 0.0], dtype="float32")})
    frame.to_sql("floats", engine, index=False)
    types = column_types(engine, "floats")
    assert isinstance(types["f64"], DOUBLE_PRECISION)
    assert isinstance(types["f32"], FLOAT) and types["f32"].precision == 23
    got = read_table(engine, "floats")
    assert got["f64"].tolist() == frame["f64"].tolist()  # exact: a double, bit for bit
    pdt.assert_series_equal(got["f32"].astype("float32"), frame["f32"])


def test_if_exists_fail_append_and_replace(engine):
    first = pd.DataFrame({"k": [1, 2], "v": ["a", "b"]})
    first.to_sql("modes", engine, index=False)
    with pytest.raises(ValueError, match="already exists"):
        first.to_sql("modes", engine, index=False)
    assert first.to_sql("modes", engine, index=False, if_exists="append") == 2
    pdt.assert_frame_equal(pd.read_sql_query("SELECT k, v FROM modes ORDER BY k", engine),
                           pd.DataFrame({"k": [1, 1, 2, 2], "v": ["a", "a", "b", "b"]}))

    other = pd.DataFrame({"when": pd.to_datetime(["2001-01-01"]).as_unit("us"),
                          "amount": [2.5]})
    assert other.to_sql("modes", engine, index=False, if_exists="replace") == 1
    assert set(column_types(engine, "modes")) == {"when", "amount"}
    pdt.assert_frame_equal(read_table(engine, "modes"), other)


def test_index_is_written_and_read_back_as_the_index(engine):
    frame = pd.DataFrame({"v": [10.0, 20.0, 30.0]},
                         index=pd.Index([7, 8, 9], name="key", dtype="int64"))
    frame.to_sql("indexed", engine)  # index=True is the default
    assert list(column_types(engine, "indexed")) == ["key", "v"]
    assert inspect(engine).get_indexes("indexed")[0]["column_names"] == ["key"]
    pdt.assert_frame_equal(read_table(engine, "indexed", index_col="key"), frame)

    frame.to_sql("labelled", engine, index_label="k")
    assert list(read_table(engine, "labelled").columns) == ["k", "v"]


def test_dtype_with_sqlalchemy_types_keeps_unicode_decimal_bytes_and_datetime(engine):
    frame = pd.DataFrame({
        "name": pd.Series(["Åsa", "Zoë", "日本語", "emoji 😀", None], dtype="str"),
        "amount": [Decimal("1.10"), Decimal("-99999.99"), None, Decimal("0.01"),
                   Decimal("12345678901.23")],
        "payload": [b"\x00\x01", b"", None, bytes(range(256)), b"\xff" * 3000],
        "at": [dt.datetime(1999, 12, 31, 23, 59, 59, 999999), None,
               dt.datetime(2000, 2, 29), dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31)],
        "note": pd.Series(["ascii", "ünïcödé ∑", "", None, "x" * 5000], dtype="str"),
    })
    dtype = {"name": Unicode(40), "amount": Numeric(13, 2), "payload": LargeBinary(10_000),
             "at": DateTime(), "note": UnicodeText()}
    assert frame.to_sql("typed", engine, index=False, dtype=dtype) == 5

    types = column_types(engine, "typed")
    assert types["name"].length == 40 and types["name"].__visit_name__ == "NVARCHAR"
    assert (types["amount"].precision, types["amount"].scale) == (13, 2)
    assert types["payload"].__visit_name__ == "BLOB"

    table = Table("typed", MetaData(), autoload_with=engine)
    got = pd.read_sql_query(select(table), engine, coerce_float=False)
    assert got["amount"].tolist()[:2] == [Decimal("1.10"), Decimal("-99999.99")]
    assert all(isinstance(v, Decimal) for v in got["amount"].dropna())
    # read_sql_table makes DECIMAL columns float64 whatever coerce_float says (pandas)
    assert read_table(engine, "typed")["amount"].tolist()[:2] == [1.1, -99999.99]
    expected = frame.astype({"at": "object"})
    got["at"] = got["at"].astype("object")  # year 1 and 9999 are outside datetime64[ns]
    got = got.replace({pd.NaT: None, np.nan: None})
    expected = expected.replace({pd.NaT: None, np.nan: None})
    pdt.assert_frame_equal(got, expected, check_dtype=False)
    assert got["payload"][4] == b"\xff" * 3000


def test_default_text_type_is_latin1_clob_and_the_failed_table_stays(engine):
    """Caveat: pandas' default text type is Text (CLOB, Latin-1); DDL commits by itself.

    Inside ``engine.begin()`` a failed to_sql inserts nothing; the table its
    CREATE TABLE made stays.  (Given an Engine, pandas ends its own
    transaction with a COMMIT even when to_sql raised, keeping the rows
    before the failing one: pandas' behaviour, on every database.)
    """
    frame = pd.DataFrame({"s": ["Zoë", "ok", "日本語"]})
    with pytest.raises(pd.errors.DatabaseError, match="-24004"), engine.begin() as conn:
        frame.to_sql("latin", conn, index=False)
    assert column_types(engine, "latin")["s"].__visit_name__ == "CLOB"
    assert count(engine, "latin") == 0

    frame.to_sql("latin", engine, index=False, if_exists="replace", dtype={"s": UnicodeText()})
    pdt.assert_frame_equal(read_table(engine, "latin"), frame, check_dtype=False)


@pytest.mark.parametrize("chunksize", [None, 1, 2, 1000])
def test_chunksize_writes_every_row_once(engine, chunksize):
    frame = pd.DataFrame({"n": np.arange(7, dtype="int64"), "sq": np.arange(7.0) ** 2})
    name = f"chunks_{chunksize}"
    assert frame.to_sql(name, engine, index=False, chunksize=chunksize) == 7
    pdt.assert_frame_equal(pd.read_sql_query(f"SELECT * FROM {name} ORDER BY n", engine), frame)


def test_method_multi_is_refused_clearly_and_writes_nothing(engine):
    frame = pd.DataFrame({"n": [1, 2, 3]})
    frame.head(0).to_sql("multi", engine, index=False)
    with pytest.raises(pd.errors.DatabaseError, match="does not send a multi-row INSERT") as info:
        frame.to_sql("multi", engine, index=False, if_exists="append", method="multi")
    assert "method=None" in str(info.value)
    assert isinstance(info.value.__cause__, exc.CompileError)
    assert count(engine, "multi") == 0
    assert frame.to_sql("multi", engine, index=False, if_exists="append", method=None) == 3
    assert count(engine, "multi") == 3


def test_method_callable_gets_the_connection_and_rows(engine):
    calls = []

    def insert_rows(table, conn, keys, data_iter):
        rows = [dict(zip(keys, row)) for row in data_iter]
        calls.append(len(rows))
        return conn.execute(table.table.insert(), rows).rowcount

    frame = pd.DataFrame({"n": np.arange(5, dtype="int64")})
    assert frame.to_sql("custom", engine, index=False, method=insert_rows, chunksize=2) == 5
    assert calls == [2, 2, 1]
    assert count(engine, "custom") == 5


def test_read_sql_query_with_bound_parameters(engine):
    frame = pd.DataFrame({"k": np.arange(1, 6, dtype="int64"),
                          "label": ["one", "two", "three", "four", "five"]})
    frame.to_sql("params", engine, index=False, dtype={"label": Unicode(10)})
    named = pd.read_sql_query(text("SELECT k, label FROM params WHERE k > :lo AND k <= :hi "
                                   "ORDER BY k"), engine, params={"lo": 1, "hi": 3})
    pdt.assert_frame_equal(named, frame.iloc[1:3].reset_index(drop=True))
    qmark = pd.read_sql_query("SELECT k FROM params WHERE label = ? OR label = ? ORDER BY k",
                              engine, params=("four", "one"))
    assert qmark["k"].tolist() == [1, 4]
    table = Table("params", MetaData(), autoload_with=engine)
    core = pd.read_sql_query(select(table.c.label).where(table.c.k == 5), engine)
    assert core["label"].tolist() == ["five"]
    none = pd.read_sql_query(text("SELECT k FROM params WHERE k > :lo"), engine,
                             params={"lo": 99})
    assert none.empty and list(none.columns) == ["k"]


def test_read_sql_parse_dates_from_strings_dates_and_timestamps(engine):
    frame = pd.DataFrame({
        "iso": pd.Series(["2024-03-01 10:00:00", None, "1999-12-31 23:59:59"], dtype="str"),
        "day": [dt.date(2024, 1, 2), None, dt.date(2000, 2, 29)],
        "clock": [dt.time(12, 30, 1, 5), None, dt.time(0, 0)],
    })
    frame.to_sql("dates", engine, index=False, dtype={"iso": Unicode(19)})
    # DAY is a reserved word: to_sql's CREATE TABLE quoted it, raw SQL must too.
    got = pd.read_sql_query('SELECT iso, "day", clock FROM dates', engine,
                            parse_dates={"iso": "%Y-%m-%d %H:%M:%S", "day": {}})
    expected_iso = pd.to_datetime(frame["iso"], format="%Y-%m-%d %H:%M:%S")
    pdt.assert_series_equal(got["iso"], expected_iso, check_dtype=False)
    assert got["day"].dt.date.tolist()[0] == dt.date(2024, 1, 2)
    assert pd.isna(got["day"][1]) and got["day"][2] == pd.Timestamp("2000-02-29")
    assert got["clock"].tolist() == [dt.time(12, 30, 1, 5), None, dt.time(0, 0)]
    table = read_table(engine, "dates", parse_dates=["day"])
    assert str(table["day"].dtype).startswith("datetime64")


def test_read_sql_query_in_chunks(engine):
    frame = pd.DataFrame({"n": np.arange(10, dtype="int64")})
    frame.to_sql("chunked", engine, index=False)
    chunks = list(pd.read_sql_query("SELECT n FROM chunked ORDER BY n", engine, chunksize=4))
    assert [len(c) for c in chunks] == [4, 4, 2]
    pdt.assert_frame_equal(pd.concat(chunks, ignore_index=True), frame)


def test_booleans_from_a_raw_query_are_integers_from_a_table_are_bool(engine):
    """Caveat: MimerPy returns BOOLEAN as 0/1; SQLAlchemy's Boolean type converts."""
    pd.DataFrame({"flag": [True, False]}).to_sql("flags", engine, index=False)
    assert read_table(engine, "flags")["flag"].tolist() == [True, False]
    raw = pd.read_sql_query("SELECT flag FROM flags", engine)["flag"].tolist()
    assert raw == [1, 0] and all(type(v) is not bool for v in raw)
    table = Table("flags", MetaData(), autoload_with=engine)
    assert pd.read_sql_query(select(table), engine)["flag"].tolist() == [True, False]


def test_replace_inside_a_transaction(engine):
    """DDL commits by itself: replace works after reads, and is refused after writes."""
    frame = pd.DataFrame({"v": [1, 2]})
    frame.to_sql("txn", engine, index=False)
    with engine.begin() as conn:
        assert pd.read_sql_query("SELECT COUNT(*) AS n FROM txn", conn)["n"][0] == 2
        frame.to_sql("txn", conn, index=False, if_exists="replace")
        frame.to_sql("txn", conn, index=False, if_exists="append")
    assert count(engine, "txn") == 4

    with pytest.raises(exc.InvalidRequestError, match="uncommitted INSERT/UPDATE/DELETE"), \
            engine.begin() as conn:
        frame.to_sql("txn", conn, index=False, if_exists="append")
        frame.to_sql("txn", conn, index=False, if_exists="replace")
    assert count(engine, "txn") == 4  # the append was rolled back, the table kept


def test_sqlalchemy_types_of_integer_columns(engine):
    frame = pd.DataFrame({"i16": np.array([1, -2], dtype="int16"),
                          "i32": np.array([2**31 - 1, 0], dtype="int32"),
                          "i64": np.array([2**62, -(2**63)], dtype="int64"),
                          "nullable": pd.array([5, None], dtype="Int64")})
    frame.to_sql("ints", engine, index=False)
    types = column_types(engine, "ints")
    assert [t.__visit_name__ for t in types.values()] == [
        "SMALLINT", "INTEGER", "BIGINT", "BIGINT"]
    assert isinstance(types["i64"], BigInteger) and isinstance(types["i32"], Integer)
    got = read_table(engine, "ints", dtype_backend="numpy_nullable")
    pdt.assert_frame_equal(got, frame.astype("Int64"))
