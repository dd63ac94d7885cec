"""What the dialect sends through the driver, against a recording fake of MimerPy."""

from __future__ import annotations

import pytest
from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    Sequence,
    String,
    Table,
    bindparam,
    exc,
    select,
    text,
)
from sqlalchemy.schema import CreateTable, DropTable

from .conftest import FakeCursor
from .test_ddl import seed_tables


def sent(fake_db, *, catalog=False):
    """Statements sent, without catalog look-ups unless asked for."""
    return [s for s in fake_db.statements()
            if catalog or "INFORMATION_SCHEMA" not in s]


def test_create_all_creates_each_sequence_just_before_its_table(engine, fake_db):
    metadata, _, _ = seed_tables()
    metadata.create_all(engine)
    ddl = [s for s in sent(fake_db) if not s.startswith("<")]
    assert ddl == [
        "CREATE SEQUENCE authors_id_autoinc_seq",
        ("CREATE TABLE authors ( id INTEGER DEFAULT NEXT VALUE FOR authors_id_autoinc_seq NOT NULL,"
        " name VARCHAR(50) NOT NULL, PRIMARY KEY (id) )"),
        "CREATE SEQUENCE books_id_autoinc_seq",
        ("CREATE TABLE books ( id INTEGER DEFAULT NEXT VALUE FOR books_id_autoinc_seq NOT NULL, "
        "title VARCHAR(100) NOT NULL, author_id INTEGER, PRIMARY KEY (id), "
        "FOREIGN KEY(author_id) REFERENCES authors (id) )"),
    ]


def test_create_all_checks_tables_then_ends_the_reading_transaction_before_ddl(engine, fake_db):
    metadata, _, _ = seed_tables()
    metadata.create_all(engine)
    log = fake_db.statements()
    first_ddl = next(i for i, s in enumerate(log) if s.startswith("CREATE"))
    assert any("INFORMATION_SCHEMA.TABLES" in s for s in log[:first_ddl])
    assert log[first_ddl - 1] == "<rollback>"


def test_existing_sequence_is_reused(engine, fake_db):
    fake_db.responder = lambda sql, p: ([("authors_id_autoinc_seq",)]
                                        if "SEQUENCES" in sql else [])
    _metadata, authors, _ = seed_tables()
    authors.create(engine)
    assert [s for s in sent(fake_db) if s.startswith("CREATE")] == [
        s for s in sent(fake_db) if s.startswith("CREATE TABLE")]


def test_drop_all_drops_each_sequence_after_its_table(engine, fake_db):
    def exists(sql, params):
        return [("x",)]
    fake_db.responder = exists
    metadata, _, _ = seed_tables()
    metadata.drop_all(engine)
    ddl = [s for s in sent(fake_db) if s.startswith("DROP")]
    assert ddl == ["DROP TABLE books", "DROP SEQUENCE books_id_autoinc_seq",
                   "DROP TABLE authors", "DROP SEQUENCE authors_id_autoinc_seq"]


def test_ddl_after_uncommitted_insert_raises_instead_of_discarding(engine, fake_db):
    _metadata, authors, _ = seed_tables()
    with engine.connect() as conn:
        conn.execute(authors.insert(), {"name": "a"})
        with pytest.raises(exc.InvalidRequestError, match="uncommitted"):
            conn.execute(CreateTable(Table("x", MetaData(), Column("a", Integer))))
        assert "<rollback>" not in fake_db.statements()
        conn.commit()
        conn.execute(CreateTable(Table("x", MetaData(), Column("a", Integer))))
    assert "CREATE TABLE x ( a INTEGER )" in fake_db.statements()


def test_ddl_after_textual_write_raises(engine, fake_db):
    with engine.connect() as conn:
        conn.execute(text("UPDATE t SET a = 1"))
        with pytest.raises(exc.InvalidRequestError):
            conn.exec_driver_sql("DROP TABLE t")


def test_ddl_after_rollback_is_allowed(engine, fake_db):
    _metadata, authors, _ = seed_tables()
    with engine.connect() as conn:
        conn.execute(authors.insert(), {"name": "a"})
        conn.rollback()
        conn.exec_driver_sql("DROP TABLE t")
    assert "DROP TABLE t" in fake_db.statements()


def test_ddl_in_autocommit_mode_does_not_roll_back(engine, fake_db):
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("INSERT INTO t VALUES (1)"))
        conn.exec_driver_sql("DROP TABLE t")
    log = fake_db.statements()
    assert log.index("DROP TABLE t") > log.index("INSERT INTO t VALUES (1)")


def test_insert_takes_new_key_from_lastrowid(engine, fake_db):
    _, authors, _ = seed_tables()
    with engine.begin() as conn:
        result = conn.execute(authors.insert(), {"name": "a"})
        assert result.inserted_primary_key == (42,)
    assert "INSERT INTO authors (name) VALUES (?)" in fake_db.statements()


def test_executemany_goes_through_driver_batch(engine, fake_db):
    _, authors, _ = seed_tables()
    with engine.begin() as conn:
        conn.execute(authors.insert(), [{"name": "a"}, {"name": "b"}])
    assert ("INSERT INTO authors (name) VALUES (?)", [("a",), ("b",)]) in fake_db.log


def test_explicit_sequence_is_fetched_from_onerow(engine, fake_db):
    fake_db.responder = lambda sql, p: [(7,)] if "NEXT VALUE" in sql else []
    s = Table("s", MetaData(), Column("id", Integer, Sequence("s_seq"), primary_key=True),
              Column("v", Integer))
    with engine.begin() as conn:
        result = conn.execute(s.insert(), {"v": 1})
    assert result.inserted_primary_key == (7,)
    assert "SELECT NEXT VALUE FOR s_seq FROM SYSTEM.ONEROW" in fake_db.statements()
    assert ("INSERT INTO s (id, v) VALUES (?, ?)", (7, 1)) in fake_db.log


def test_two_limits_send_one_statement_with_different_values(engine, fake_db):
    t = Table("t", MetaData(), Column("id", Integer, primary_key=True), Column("n", String(5)))
    with engine.connect() as conn:
        conn.execute(select(t.c.id).limit(5)).all()
        conn.execute(select(t.c.id).limit(10)).all()
    selects = [(sql, p) for sql, p in fake_db.log if "FETCH FIRST" in sql]
    assert selects[0][0] == selects[1][0]
    assert [p for _, p in selects] == [(5,), (10,)]


@pytest.mark.parametrize("level", ["READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"])
def test_isolation_level_is_set_for_the_session_outside_a_transaction(engine, fake_db, level):
    with engine.connect().execution_options(isolation_level=level) as conn:
        assert conn.get_isolation_level() == level
    assert ("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL " + level) in \
        fake_db.statements()


def test_autocommit_uses_the_driver_flag(engine, fake_db):
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        assert conn.connection.dbapi_connection.autocommit is True
        assert conn.get_isolation_level() == "AUTOCOMMIT"
    with engine.connect() as conn:
        assert conn.connection.dbapi_connection.autocommit is False


def test_unknown_isolation_level_is_refused(engine):
    with pytest.raises(exc.ArgumentError), \
            engine.connect().execution_options(isolation_level="READ UNCOMMITTED") as conn:
        conn.execute(text("SELECT 1 FROM SYSTEM.ONEROW"))


def test_first_connect_reads_default_schema_and_api_version(engine):
    assert engine.dialect.default_schema_name == "SYSADM"
    assert engine.dialect.server_version_info == (11, 0, 5)
    assert engine.dialect.default_isolation_level == "REPEATABLE READ"


def test_ping_selects_from_onerow(engine, fake_db):
    with engine.connect() as conn:
        assert engine.dialect.do_ping(conn.connection.dbapi_connection)
    assert "SELECT 1 FROM SYSTEM.ONEROW" in fake_db.statements()


def test_drop_of_table_known_by_name_finds_its_sequence_in_the_catalog(engine, fake_db):
    def respond(sql, params):
        if "INFORMATION_SCHEMA.COLUMNS" in sql:
            return [("authors", "id", "INTEGER", None, 10, 0, None, None, None, "NO",
                     'NEXT VALUE FOR "SYSADM"."authors_id_autoinc_seq"', None, None, None),
                    ("authors", "n", "INTEGER", None, 10, 0, None, None, None, "YES",
                     "5", None, None, None)]
        if "SEQUENCES" in sql:
            return [("authors_id_autoinc_seq",)]
        return []
    fake_db.responder = respond
    with engine.begin() as conn:
        conn.execute(DropTable(Table("authors", MetaData())))
    assert [s for s in fake_db.statements() if s.startswith("DROP")] == [
        "DROP TABLE authors", "DROP SEQUENCE authors_id_autoinc_seq"]


def test_orm_flush_inserts_row_by_row_and_uses_each_new_key(engine, fake_db):
    from sqlalchemy import ForeignKey
    from sqlalchemy.orm import DeclarativeBase, Session, relationship

    class Base(DeclarativeBase):
        pass

    class Author(Base):
        __tablename__ = "authors"
        id = Column(Integer, primary_key=True, autoincrement=True)
        name = Column(String(50), nullable=False)
        books = relationship("Book", back_populates="author")

    class Book(Base):
        __tablename__ = "books"
        id = Column(Integer, primary_key=True, autoincrement=True)
        title = Column(String(100), nullable=False)
        author_id = Column(Integer, ForeignKey("authors.id"))
        author = relationship("Author", back_populates="books")

    with Session(engine) as session:
        herbert, dick = Author(name="Frank Herbert"), Author(name="Philip K. Dick")
        session.add_all([herbert, dick, Book(title="Dune", author=herbert),
                         Book(title="Do Androids Dream of Electric Sheep?", author=dick)])
        session.commit()
    inserts = [(sql, p) for sql, p in fake_db.log if sql.startswith("INSERT")]
    assert inserts == [
        ("INSERT INTO authors (name) VALUES (?)", ("Frank Herbert",)),
        ("INSERT INTO authors (name) VALUES (?)", ("Philip K. Dick",)),
        ("INSERT INTO books (title, author_id) VALUES (?, ?)", ("Dune", 42)),
        ("INSERT INTO books (title, author_id) VALUES (?, ?)",
         ("Do Androids Dream of Electric Sheep?", 43)),
    ]
    log = fake_db.statements()
    assert log.index("<commit>") > max(i for i, s in enumerate(log) if s.startswith("INSERT"))


def test_rowcount_is_unknown_after_a_query_and_after_executemany(engine, fake_db, monkeypatch):
    """MimerPy's rowcount is the column count after a query and 0 after executemany."""
    answer = FakeCursor._answer

    def mimerpy_answer(self, sql, params):
        answer(self, sql, params)
        self.rowcount = len(self.description) if self.description else 1

    def mimerpy_executemany(self, sql, seq):
        self.conn.log.append((sql, [tuple(p) for p in seq]))
        self.rowcount = 0

    monkeypatch.setattr(FakeCursor, "_answer", mimerpy_answer)
    monkeypatch.setattr(FakeCursor, "executemany", mimerpy_executemany)
    fake_db.responder = lambda sql, p: [("a", "b")] * 3
    _, authors, _ = seed_tables()
    with engine.begin() as conn:
        result = conn.execute(select(authors.c.id, authors.c.name))
        result.all()
        assert result.rowcount == -1
        update = authors.update().where(authors.c.id == bindparam("k")).values(name="c")
        assert conn.execute(update, [{"k": 1}, {"k": 2}]).rowcount == -1
        assert conn.execute(authors.update().values(name="c")).rowcount == 1
