"""bench_orm: the same SQLAlchemy program on mimerlite and on SQLite, side by side.

What an application built on SQLAlchemy pays, end to end: the dialect, the
driver (MimerPy over mimerlite's C API, pysqlite over SQLite) and the engine.
Each workload runs the same Core or ORM code against both databases, in one
run, on the same data, and the table prints the time of each and the ratio
mimerlite / SQLite (above 1: mimerlite slower).

SQLite runs on a file with journal_mode=WAL and synchronous=FULL, so that both
engines make a COMMIT durable before it returns (mimerlite always does).
mimerlite runs embedded, on a fresh database under a temporary
MIMERLITE_HOME, with the library that ``MIMERAPI_PATH`` names or else the one
bundled in the installed package.  Nothing here is a test: no figure is
asserted.

Usage: .venv/bin/python bench/bench_orm.py [--quick] [--rows N]
"""

from __future__ import annotations

import argparse
import datetime
import decimal
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    bindparam,
    create_engine,
    event,
    func,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, relationship


class Base(DeclarativeBase):
    """Declarative base of the ORM workloads."""


class Author(Base):
    __tablename__ = "orm_author"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    books: Mapped[list[Book]] = relationship(back_populates="author")


class Book(Base):
    __tablename__ = "orm_book"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(100))
    author_id: Mapped[int] = mapped_column(ForeignKey("orm_author.id"))
    author: Mapped[Author] = relationship(back_populates="books")


metadata = MetaData()
accounts = Table(
    "accounts", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50), nullable=False),
    Column("opened", DateTime, nullable=False),
    Column("balance", Numeric(12, 2), nullable=False),
)


def sqlite_engine(path: str) -> Engine:
    """SQLite on a file, WAL, synchronous=FULL: durable at COMMIT like mimerlite."""
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record):
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    return engine


def rows(n: int) -> list[dict]:
    """The accounts to insert, prepared before any clock starts."""
    start = datetime.datetime(2024, 1, 1, 9, 30)
    return [{"name": f"account {i} \u00e5\u00e4\u00f6", "opened": start + datetime.timedelta(minutes=i),
             "balance": decimal.Decimal(i % 100000) / 100} for i in range(1, n + 1)]


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """Seconds fn took, and what it returned."""
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def workloads(engine: Engine, n: int) -> list[tuple[str, int, float, object]]:
    """Run every workload on engine; (name, operations, seconds, check value) each."""
    data = rows(n)
    n_orm = max(n // 4, 1)
    n_point = max(n // 4, 1)
    n_commit = max(n // 100, 10)
    metadata.create_all(engine)
    Base.metadata.create_all(engine)
    out = []

    def core_insert():
        with engine.begin() as conn:
            conn.execute(accounts.insert(), data)
        return n
    out.append(("Core executemany insert (1 txn)", n, *timed(core_insert)))

    def point_selects():
        total = 0
        stmt = select(accounts.c.balance).where(accounts.c.id == bindparam("k"))
        with engine.connect() as conn:
            for i in range(1, n_point + 1):
                total += round(float(conn.execute(stmt, {"k": (i * 7919) % n + 1}).scalar_one()) * 100)
        return total
    out.append(("Core point selects", n_point, *timed(point_selects)))

    def driver_point_selects():
        # The DBAPI alone, one cursor re-executing one statement: MimerPy then
        # keeps its prepared statement, so this is near the engine's own cost.
        raw = engine.raw_connection()
        try:
            cur = raw.cursor()
            total = 0
            for i in range(1, n_point + 1):
                cur.execute("SELECT balance FROM accounts WHERE id = ?", ((i * 7919) % n + 1,))
                total += round(float(cur.fetchone()[0]) * 100)
            cur.close()
        finally:
            raw.close()
        return total
    out.append(("DBAPI point selects (one cursor)", n_point, *timed(driver_point_selects)))

    def scan_all():
        with engine.connect() as conn:
            return sum(len(r.name) for r in conn.execute(select(accounts).order_by(accounts.c.id)))
    out.append(("Core full scan (ORDER BY id)", n, *timed(scan_all)))

    def update_tenth():
        params = [{"k": i, "b": decimal.Decimal(i) / 10} for i in range(1, n + 1, 10)]
        stmt = update(accounts).where(accounts.c.id == bindparam("k")).values(balance=bindparam("b"))
        with engine.begin() as conn:
            conn.execute(stmt, params)
        return len(params)
    out.append(("Core executemany update 10%", len(range(1, n + 1, 10)), *timed(update_tenth)))

    def autocommit_inserts():
        for i in range(n_commit):
            with engine.begin() as conn:
                conn.execute(accounts.insert(), data[i % n] | {"name": f"late {i}"})
        return n_commit
    out.append(("autocommit single inserts", n_commit, *timed(autocommit_inserts)))

    def orm_add():
        with Session(engine) as session:
            authors = [Author(name=f"author {i}") for i in range(max(n_orm // 10, 1))]
            session.add_all(authors)
            session.add_all(Book(title=f"book {i}", author=authors[i % len(authors)])
                            for i in range(n_orm))
            session.commit()
        return n_orm
    out.append(("ORM add_all + commit (seq keys)", n_orm + max(n_orm // 10, 1), *timed(orm_add)))

    def orm_join():
        with Session(engine) as session:
            q = (select(Author.name, func.count(Book.id)).join(Book.author)
                 .group_by(Author.name).order_by(Author.name))
            return sum(c for _, c in session.execute(q))
    out.append(("ORM join + GROUP BY", 1, *timed(orm_join)))

    def orm_relationship_walk():
        with Session(engine) as session:
            return sum(len(a.books) for a in session.scalars(select(Author)))
    out.append(("ORM lazy-load relationships", max(n_orm // 10, 1), *timed(orm_relationship_walk)))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="4,000 rows instead of 20,000")
    parser.add_argument("--rows", type=int, default=None)
    args = parser.parse_args()
    n = args.rows or (4000 if args.quick else 20000)
    root = tempfile.mkdtemp(prefix="bench_orm.")
    try:
        os.environ["MIMERLITE_HOME"] = os.path.join(root, "mimerlite")
        mimer = create_engine("mimer://SYSADM:SYSPASS@benchdb")
        lite = sqlite_engine(os.path.join(root, "bench.sqlite"))
        print(f"bench_orm: {n} rows; mimerlite {mimer.dialect.name}+{mimer.dialect.driver}, "
              f"SQLite {__import__('sqlite3').sqlite_version} (WAL, synchronous=FULL), in {root}")
        results_m = workloads(mimer, n)
        results_s = workloads(lite, n)
        print(f"\n{'workload':34} {'ops':>7} | {'mimerlite':>9} | {'SQLite':>9} | ratio")
        for (name, ops, t_m, check_m), (_, _, t_s, check_s) in zip(results_m, results_s):
            flag = "" if check_m == check_s else f"   (results differ: {check_m} vs {check_s})"
            print(f"{name:34} {ops:7} | {t_m:8.3f}s | {t_s:8.3f}s | {t_m / t_s:5.2f}{flag}")
        print("ratio = mimerlite time / SQLite time (above 1: mimerlite slower)")
        mimer.dispose()
        lite.dispose()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
