"""Importing the package changes nothing for SQLAlchemy or other dialects."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], check=True,
                          capture_output=True, text=True).stdout


def test_import_registers_no_event_listeners():
    out = run("""
        from sqlalchemy import event
        from sqlalchemy.event import registry
        before = (len(registry._key_to_collection), len(registry._collection_to_key))
        import sqlalchemy_mimer, sqlalchemy_mimer.base, sqlalchemy_mimer.mimerpy
        import sqlalchemy_mimer.provision, sqlalchemy_mimer.information_schema
        after = (len(registry._key_to_collection), len(registry._collection_to_key))
        print(before == after, before)
    """)
    assert out.startswith("True"), out


def test_import_does_not_import_the_driver_or_touch_the_environment():
    out = run("""
        import os, sys
        env = dict(os.environ)
        import sqlalchemy_mimer
        print("mimerpy" in sys.modules, dict(os.environ) == env)
    """)
    assert out.split() == ["False", "True"]


def test_sqlite_autoincrement_tables_still_work_after_import():
    out = run("""
        import sqlalchemy_mimer
        from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, select
        m = MetaData()
        t = Table("authors", m, Column("id", Integer, primary_key=True, autoincrement=True),
                  Column("name", String(50), nullable=False))
        e = create_engine("sqlite://")
        statements = []
        from sqlalchemy import event
        event.listen(e, "before_cursor_execute",
                     lambda c, cur, s, *a: statements.append(s))
        m.create_all(e)
        with e.begin() as c:
            c.execute(t.insert(), [{"name": "a"}, {"name": "b"}])
            print(c.execute(select(t.c.id, t.c.name)).all())
        m.drop_all(e)
        print(any("SEQUENCE" in s.upper() for s in statements))
        print(t.c.id.default, t.c.id.server_default, len(t.constraints))
    """)
    lines = out.splitlines()
    assert lines[0] == "[(1, 'a'), (2, 'b')]"
    assert lines[1] == "False"
    assert lines[2] == "None None 1"


def test_metadata_is_unchanged_by_mimer_ddl():
    out = run("""
        import sqlalchemy_mimer
        from sqlalchemy import Column, Integer, MetaData, Table
        from sqlalchemy.schema import CreateTable
        m = MetaData()
        t = Table("t", m, Column("id", Integer, primary_key=True))
        str(CreateTable(t).compile(dialect=sqlalchemy_mimer.dialect()))
        print(t.c.id.default, t.c.id.server_default, sorted(m.tables), t.c.id.identity)
    """)
    assert out.strip() == "None None ['t'] None"
