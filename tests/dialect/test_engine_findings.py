"""Dialect bugs first seen on the real engine, pinned with the recording fake of MimerPy.

Each was found by test_engine_behaviour.py (mimerlite through MimerPy);
these unit tests keep them fixed without a database.
"""

from __future__ import annotations

import pytest
from sqlalchemy import exc, inspect, text

from .conftest import FakeError


def test_failed_commit_after_conflict_tells_mimerpy_the_transaction_is_over(engine, fake_db):
    """MimerPy keeps its transaction flag set when MimerEndTransaction fails; Mimer has
    already rolled back, so the next statements must start a new transaction."""
    with engine.connect() as conn:
        conn.execute(text("UPDATE t SET a = 1"))
        raw = conn.connection.dbapi_connection
        raw._transaction = True

        def conflict():
            raise FakeError(-10001, "Transaction aborted due to conflict with other transaction")

        raw.commit = conflict
        with pytest.raises(exc.DBAPIError) as info:
            conn.commit()
        assert info.value.orig.errno == -10001
        assert raw._transaction is False


def test_other_commit_failures_leave_mimerpy_alone(engine, fake_db):
    with engine.connect() as conn:
        conn.execute(text("UPDATE t SET a = 1"))
        raw = conn.connection.dbapi_connection
        raw._transaction = True

        def broken():
            raise FakeError(-21048, "communication error")

        raw.commit = broken
        with pytest.raises(exc.DBAPIError):
            conn.commit()
        assert raw._transaction is True


def test_reflection_finds_a_table_asked_for_in_another_case(engine, fake_db):
    """Stored as AUTHORS, asked for as authors: Mimer's names ignore case."""
    def respond(sql, params):
        if "INFORMATION_SCHEMA.TABLES" in sql:
            return [("AUTHORS",)]
        if "INFORMATION_SCHEMA.COLUMNS" in sql:
            return [("AUTHORS", "ID", "INTEGER", None, 10, 0, None, None, None, "NO",
                     None, None, None, None)]
        return []
    fake_db.responder = respond
    assert [c["name"] for c in inspect(engine).get_columns("authors")] == ["ID"]
    assert inspect(engine).get_pk_constraint("authors")["constrained_columns"] == []
    from sqlalchemy import MetaData, Table

    assert [c.name for c in Table("authors", MetaData(), autoload_with=engine).c] == ["ID"]


def test_failed_create_table_drops_the_sequence_created_for_it(engine, fake_db, monkeypatch):
    from sqlalchemy import Column, Integer, MetaData, Table
    from sqlalchemy.schema import CreateTable

    from . import conftest

    execute = conftest.FakeCursor.execute

    def refuse_create_table(self, sql, params=()):
        execute(self, sql, params)
        if sql.lstrip().startswith("CREATE TABLE"):
            raise FakeError(-12560, "constraint named ck already exists")

    monkeypatch.setattr(conftest.FakeCursor, "execute", refuse_create_table)
    t = Table("t", MetaData(), Column("id", Integer, primary_key=True))
    with engine.connect() as conn, pytest.raises(exc.DBAPIError):
        conn.execute(CreateTable(t))
    ddl = [s for s in fake_db.statements() if s.startswith(("CREATE", "DROP"))]
    assert ddl[0] == "CREATE SEQUENCE t_id_autoinc_seq"
    assert ddl[1].startswith("CREATE TABLE t")
    assert ddl[2:] == ["DROP SEQUENCE t_id_autoinc_seq"]


def test_failed_create_table_keeps_a_sequence_that_existed(engine, fake_db, monkeypatch):
    from sqlalchemy import Column, Integer, MetaData, Table
    from sqlalchemy.schema import CreateTable

    from . import conftest

    execute = conftest.FakeCursor.execute

    def refuse_create_table(self, sql, params=()):
        execute(self, sql, params)
        if sql.lstrip().startswith("CREATE TABLE"):
            raise FakeError(-12560, "table t already exists")

    monkeypatch.setattr(conftest.FakeCursor, "execute", refuse_create_table)
    fake_db.responder = lambda sql, p: [("t_id_autoinc_seq",)] if "SEQUENCES" in sql else []
    t = Table("t", MetaData(), Column("id", Integer, primary_key=True))
    with engine.connect() as conn, pytest.raises(exc.DBAPIError):
        conn.execute(CreateTable(t))
    assert not [s for s in fake_db.statements() if s.startswith("DROP")]
