"""Fixtures for the dialect tests: no database, a recording fake of MimerPy.

The ``mimer`` URL scheme normally comes from the package's entry points; it
is registered here too so the tests also run from a source checkout.
"""

from __future__ import annotations

import re
from typing import Any, Callable

import pytest
from sqlalchemy import create_engine
from sqlalchemy.dialects import registry

registry.register("mimer", "sqlalchemy_mimer.mimerpy", "MimerDialect_mimerpy")
registry.register("mimer.mimerpy", "sqlalchemy_mimer.mimerpy", "MimerDialect_mimerpy")


class FakeError(Exception):
    """MimerPy's errors carry (errno, message)."""

    def __init__(self, errno: int, message: str = ""):
        super().__init__((errno, message))
        self.errno = errno
        self.message = message


class FakeCursor:
    def __init__(self, conn: FakeConnection):
        self.conn = conn
        self.description: Any = None
        self.rowcount = -1
        self.lastrowid: Any = None
        self._rows: list[tuple[Any, ...]] = []

    def execute(self, sql: str, params: Any = ()) -> None:
        self.conn.log.append((sql, tuple(params) if params else ()))
        self._answer(sql, params)

    def executemany(self, sql: str, seq: Any) -> None:
        self.conn.log.append((sql, [tuple(p) for p in seq]))
        self._answer(sql, ())

    def _answer(self, sql: str, params: Any) -> None:
        if re.match(r"\s*(SELECT|WITH)", sql, re.IGNORECASE):
            rows = self.conn.db.respond(sql, params)
            width = len(rows[0]) if rows else max(1, sql.upper().split(" FROM ")[0].count(",") + 1)
            self.description = [(f"c{i}", None, None, None, None, None, None) for i in range(width)]
            self._rows = list(rows)
        else:
            self.description = None
            self.rowcount = 1
            if sql.lstrip().upper().startswith("INSERT"):
                self.conn.db.last_key += 1
                self.lastrowid = self.conn.db.last_key
            else:
                self.lastrowid = None

    def fetchone(self) -> Any:
        return self._rows.pop(0) if self._rows else None

    def fetchmany(self, size: int = 1) -> list[Any]:
        out, self._rows = self._rows[:size], self._rows[size:]
        return out

    def fetchall(self) -> list[Any]:
        out, self._rows = self._rows, []
        return out

    def close(self) -> None:
        pass


class FakeConnection:
    def __init__(self, db: FakeDB, **kw: Any):
        self.db = db
        self.kw = kw
        self.log = db.log
        self.autocommit = False

    def cursor(self) -> FakeCursor:
        return FakeCursor(self)

    def commit(self) -> None:
        self.log.append(("<commit>", ()))

    def rollback(self) -> None:
        self.log.append(("<rollback>", ()))

    def close(self) -> None:
        pass


class FakeDB:
    """A module standing in for mimerpy; ``responder(sql, params)`` answers SELECTs."""

    paramstyle = "qmark"
    apilevel = "2.0"
    threadsafety = 1
    Error = FakeError
    Warning = type("Warning", (Exception,), {})
    InterfaceError = DatabaseError = DataError = OperationalError = FakeError
    IntegrityError = InternalError = ProgrammingError = NotSupportedError = FakeError

    class mimerapi:
        @staticmethod
        def mimerAPIVersion() -> str:
            return "11.0.5A"

    def __init__(self) -> None:
        self.log: list[tuple[str, Any]] = []
        self.last_key = 41
        self.responder: Callable[[str, Any], list[tuple[Any, ...]]] = lambda sql, p: []

    def respond(self, sql: str, params: Any) -> list[tuple[Any, ...]]:
        if "CURRENT_SCHEMA" in sql:
            return [("SYSADM",)]
        return self.responder(sql, params)

    def connect(self, **kw: Any) -> FakeConnection:
        return FakeConnection(self, **kw)

    def statements(self) -> list[str]:
        """What was sent, one line each, without the first-connect chatter."""
        return [" ".join(sql.split()) for sql, _ in self.log]


@pytest.fixture
def fake_db() -> FakeDB:
    return FakeDB()


@pytest.fixture
def engine(fake_db: FakeDB) -> Any:
    eng = create_engine("mimer://SYSADM:SYSPASS@mimerdb", module=fake_db)
    with eng.connect():
        pass
    fake_db.log.clear()
    return eng
