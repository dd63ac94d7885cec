"""Dialect bugs found by the pandas / Flask / FastAPI integration tests, pinned without a database.

- pandas writes float64 columns as ``Float(precision=53)``: binary digits,
  which Mimer's FLOAT(p) (decimal digits, at most 45) refused with -12401.
- pandas' ``to_sql`` returns the summed rowcount of its executemany
  INSERTs, which was -1 per chunk.
- ``to_sql(method="multi")`` (multi-row VALUES) failed with SQLAlchemy's
  generic "does not support in-place multirow inserts".
- Flask and FastAPI code catches ``IntegrityError`` for a duplicate key;
  MimerPy classes Mimer's constraint violations as ``DataError``.
"""

from __future__ import annotations

import pytest
from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    event,
    exc,
    insert,
    text,
    update,
)
from sqlalchemy.dialects import registry
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from sqlalchemy_mimer.mimerpy import ConstraintViolationError, _constraint_violation

from .conftest import FakeCursor, FakeError

dialect = registry.load("mimer")()


@pytest.mark.parametrize("precision, expected", [
    (None, "DOUBLE PRECISION"),
    (1, "FLOAT(1)"),
    (23, "FLOAT(23)"),   # pandas' float32: fits Mimer's decimal FLOAT(p) as it is
    (45, "FLOAT(45)"),
    (46, "DOUBLE PRECISION"),
    (53, "DOUBLE PRECISION"),  # pandas' float64
])
def test_float_precision_past_45_digits_is_binary_and_means_double(precision, expected):
    assert Float(precision=precision).compile(dialect=dialect) == expected


def test_float_precision_past_53_bits_is_refused():
    with pytest.raises(exc.CompileError, match="at most 45 decimal digits"):
        Float(precision=54).compile(dialect=dialect)


def test_multi_row_values_is_refused_with_a_clear_message():
    t = Table("t", MetaData(), Column("a", Integer), Column("b", String(5)))
    stmt = insert(t).values([{"a": 1, "b": "x"}, {"a": 2, "b": "y"}])
    with pytest.raises(exc.CompileError, match="does not send a multi-row INSERT") as info:
        stmt.compile(dialect=dialect)
    assert "method=None" in str(info.value)
    assert str(insert(t).values({"a": 1, "b": "x"}).compile(dialect=dialect)) \
        == "INSERT INTO t (a, b) VALUES (?, ?)"


def test_other_insert_compile_errors_are_left_alone():
    t = Table("t", MetaData(), Column("a", Integer))
    with pytest.raises(exc.CompileError) as info:
        insert(t).values(b=1).compile(dialect=dialect)
    assert "multi-row" not in str(info.value)


def test_executemany_insert_reports_one_row_per_parameter_set(engine, fake_db):
    t = Table("t", MetaData(), Column("a", Integer), Column("b", String(5)))
    with engine.begin() as conn:
        result = conn.execute(t.insert(), [{"a": i, "b": "x"} for i in range(5)])
        assert result.rowcount == 5
        assert conn.execute(t.insert(), [{"a": 9, "b": "y"}]).rowcount == 1  # not executemany


def test_executemany_update_and_driver_sql_still_report_unknown(engine, fake_db):
    t = Table("t", MetaData(), Column("a", Integer), Column("b", String(5)))
    with engine.begin() as conn:
        stmt = update(t).where(t.c.a == 1).values(b="z")
        assert conn.execute(stmt, [{"b": "p"}, {"b": "q"}]).rowcount == -1
        rows = conn.exec_driver_sql("INSERT INTO t (a) VALUES (?)", [(1,), (2,)])
        assert rows.rowcount == -1
        assert conn.execute(text("SELECT a FROM t")).rowcount == -1


class DataError(FakeError):
    """What MimerPy raises for -10xxx errors."""


@pytest.fixture
def constraint_error(monkeypatch, fake_db):
    """Make every INSERT fail with the given Mimer error code, raised as MimerPy's DataError."""
    raised = {}
    original = FakeCursor.execute

    def execute(self, sql, params=()):
        if sql.lstrip().upper().startswith("INSERT") and "code" in raised:
            raise DataError(raised["code"], "constraint violated")
        return original(self, sql, params)

    monkeypatch.setattr(fake_db, "DataError", DataError, raising=False)
    monkeypatch.setattr(FakeCursor, "execute", execute)
    return raised


@pytest.mark.parametrize("code", [-10101, -10102, -10103, -10104, -10105, -10106])
def test_constraint_violations_are_integrity_errors_and_still_data_errors(
        engine, constraint_error, code):
    constraint_error["code"] = code
    t = Table("t", MetaData(), Column("a", Integer))
    with engine.connect() as conn, pytest.raises(exc.IntegrityError) as info:
        conn.execute(t.insert(), {"a": 1})
    error = info.value
    assert isinstance(error, ConstraintViolationError)
    assert isinstance(error, exc.DataError)  # what MimerPy says, and older code catches
    assert error.orig.errno == code and "INSERT INTO t" in error.statement
    assert error.params == (1,)


def test_other_data_errors_stay_data_errors(engine, constraint_error):
    constraint_error["code"] = -10314  # substring error
    t = Table("t", MetaData(), Column("a", Integer))
    with engine.connect() as conn, pytest.raises(exc.DataError) as info:
        conn.execute(t.insert(), {"a": 1})
    assert not isinstance(info.value, exc.IntegrityError)


def test_orm_flush_raises_integrity_error_and_the_session_recovers(engine, constraint_error):
    class Base(DeclarativeBase):
        pass

    class Thing(Base):
        __tablename__ = "thing"
        id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)

    with Session(engine) as session:
        constraint_error["code"] = -10101
        session.add(Thing(id=1))
        with pytest.raises(exc.IntegrityError):
            session.commit()
        session.rollback()
        del constraint_error["code"]
        session.add(Thing(id=2))
        session.commit()


def test_the_hook_is_per_dialect_instance_not_global(engine):
    assert event.contains(engine.dialect, "handle_error", _constraint_violation)
    assert not event.contains(type(engine.dialect), "handle_error", _constraint_violation)
    sqlite = create_engine("sqlite://")
    assert not event.contains(sqlite.dialect, "handle_error", _constraint_violation)
