"""The fake-driver scenarios of test_execution.py and test_reflection.py, on the real engine.

``test_execution.py`` and parts of ``test_reflection.py`` check what the
dialect sends to a recording stand-in for MimerPy.  Here the same scenarios
run through MimerPy on mimerlite (a fresh database for this module) and
check what a user observes: rows, keys, catalog contents and exceptions.
No mocks.
"""

from __future__ import annotations

import pytest
from sqlalchemy import (
    CheckConstraint,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Sequence,
    String,
    Table,
    UniqueConstraint,
    event,
    exc,
    func,
    inspect,
    select,
    text,
)
from sqlalchemy.exc import NoSuchTableError
from sqlalchemy.schema import CreateSequence, CreateTable, DropTable

from .realdb import engine_for, fresh_home
from .test_ddl import seed_tables

DATABASE = "behaviour"


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    with fresh_home(tmp_path_factory.mktemp("behaviour-home")) as path:
        yield path


@pytest.fixture(scope="module")
def engine(home):
    eng = engine_for(DATABASE)
    yield eng
    eng.dispose()


@pytest.fixture
def seed(engine):
    """The article's authors and books, created for one test and dropped afterwards."""
    metadata, authors, books = seed_tables()
    metadata.create_all(engine)
    yield authors, books
    metadata.drop_all(engine)


@pytest.fixture
def scratch(engine):
    """A MetaData whose tables are dropped (with their sequences) after the test."""
    metadata = MetaData()
    yield metadata
    metadata.drop_all(engine)


def sequences(engine):
    return set(inspect(engine).get_sequence_names())


def count(conn, table):
    return conn.execute(select(func.count()).select_from(table)).scalar()


def code(error):
    """Mimer's error code of a wrapped MimerPy exception."""
    return error.orig.args[0][0]


# -- auto-increment through sequences ------------------------------------------


def test_create_all_creates_each_sequence_and_keys_count_from_one(engine, seed):
    authors, books = seed
    assert sequences(engine) == {"authors_id_autoinc_seq", "books_id_autoinc_seq"}
    with engine.begin() as conn:
        first = conn.execute(authors.insert(), {"name": "Isaac Asimov"}).inserted_primary_key
        second = conn.execute(authors.insert(), {"name": "Arthur C. Clarke"}).inserted_primary_key
        book = conn.execute(books.insert(), {"title": "Foundation", "author_id": first[0]})
    assert (first, second) == ((1,), (2,))
    assert book.inserted_primary_key == (1,)
    with engine.connect() as conn:
        assert conn.execute(select(authors.c.id, authors.c.name).order_by(authors.c.id)).all() == [
            (1, "Isaac Asimov"), (2, "Arthur C. Clarke")]


def test_create_all_after_a_read_in_the_same_transaction(engine, scratch):
    t = Table("after_read", scratch, Column("id", Integer, primary_key=True))
    with engine.connect() as conn:
        conn.execute(text("SELECT 1 FROM SYSTEM.ONEROW")).all()
        scratch.create_all(conn)  # the reading transaction is ended first
        conn.execute(t.insert())
        conn.commit()
        assert conn.execute(select(t.c.id)).all() == [(1,)]


def test_existing_sequence_is_reused(engine, scratch):
    with engine.connect() as conn:
        conn.execute(CreateSequence(Sequence("reuse_id_autoinc_seq", start=50)))
    t = Table("reuse", scratch, Column("id", Integer, primary_key=True), Column("v", Integer))
    scratch.create_all(engine)
    with engine.begin() as conn:
        assert conn.execute(t.insert(), {"v": 1}).inserted_primary_key == (50,)
        assert conn.execute(t.insert(), {"v": 2}).inserted_primary_key == (51,)


def test_drop_all_drops_the_sequences_too(engine):
    metadata, authors, _ = seed_tables()
    metadata.create_all(engine)
    metadata.drop_all(engine)
    assert sequences(engine) == set()
    assert inspect(engine).get_table_names() == []
    metadata.create_all(engine)  # and again: keys start over
    try:
        with engine.begin() as conn:
            assert conn.execute(authors.insert(), {"name": "a"}).inserted_primary_key == (1,)
    finally:
        metadata.drop_all(engine)


def test_failed_create_table_leaves_no_sequence_behind(engine, scratch):
    """Constraint names are schema-wide in Mimer: the second CREATE TABLE fails."""
    Table("first_ck", scratch, Column("id", Integer, primary_key=True), Column("q", Integer),
          CheckConstraint("q > 0", name="ck_positive"))
    second = Table("second_ck", scratch, Column("id", Integer, primary_key=True),
                   Column("q", Integer), CheckConstraint("q > 0", name="ck_positive"))
    with pytest.raises(exc.ProgrammingError) as clash:
        scratch.create_all(engine)
    assert code(clash.value) == -12560
    assert inspect(engine).get_table_names() == ["first_ck"]
    assert sequences(engine) == {"first_ck_id_autoinc_seq"}
    scratch.remove(second)


def test_drop_of_table_known_by_name_drops_its_sequence(engine):
    metadata, _, _ = seed_tables()
    metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(DropTable(Table("books", MetaData())))
        conn.execute(DropTable(Table("authors", MetaData())))
    assert sequences(engine) == set()


def test_explicit_sequence_is_fetched_before_the_insert(engine, scratch):
    t = Table("explicit", scratch, Column("id", Integer, Sequence("explicit_seq", start=7),
                                          primary_key=True), Column("v", Integer))
    scratch.create_all(engine)
    assert "explicit_seq" in sequences(engine)
    assert "explicit_id_autoinc_seq" not in sequences(engine)
    with engine.begin() as conn:
        keys = [conn.execute(t.insert(), {"v": v}).inserted_primary_key[0] for v in (1, 2)]
        assert keys == [7, 8]
        assert conn.execute(select(t.c.id, t.c.v).order_by(t.c.id)).all() == [(7, 1), (8, 2)]


def test_executemany_inserts_every_row_with_its_own_key(engine, seed):
    authors, _ = seed
    names = [{"name": f"author {i}"} for i in range(250)]
    with engine.begin() as conn:
        conn.execute(authors.insert(), names)
    with engine.connect() as conn:
        rows = conn.execute(select(authors.c.id, authors.c.name).order_by(authors.c.id)).all()
    assert [r.name for r in rows] == [n["name"] for n in names]
    assert [r.id for r in rows] == list(range(1, 251))


def test_executemany_passes_nulls(engine, seed):
    authors, books = seed
    with engine.begin() as conn:
        key = conn.execute(authors.insert(), {"name": "a"}).inserted_primary_key[0]
        conn.execute(books.insert(), [{"title": "t1", "author_id": key},
                                      {"title": "t2", "author_id": None},
                                      {"title": "t3", "author_id": key}])
    with engine.connect() as conn:
        rows = conn.execute(select(books.c.title, books.c.author_id).order_by(books.c.id))
        assert rows.all() == [("t1", key), ("t2", None), ("t3", key)]


def test_executemany_failing_row_fails_the_batch(engine, seed):
    authors, _ = seed
    with engine.begin() as conn:
        conn.execute(authors.insert(), {"name": "kept"})
    with pytest.raises(exc.DBAPIError), engine.begin() as conn:
        conn.execute(authors.insert(), [{"name": "a"}, {"name": "x" * 51}, {"name": "c"}])
    with engine.connect() as conn:
        assert conn.execute(select(authors.c.name)).scalars().all() == ["kept"]


def test_executemany_null_into_not_null_column_fails_the_batch(engine, seed):
    authors, _ = seed
    with engine.begin() as conn:
        conn.execute(authors.insert(), {"name": "kept"})
    try:
        with pytest.raises(exc.DBAPIError), engine.begin() as conn:
            conn.execute(authors.insert(), [{"name": "a"}, {"name": None}, {"name": "c"}])
    finally:
        with engine.connect() as conn:
            names = conn.execute(select(authors.c.name).order_by(authors.c.id)).scalars().all()
    assert names == ["kept"]


# -- DDL rules ---------------------------------------------------------------


def test_ddl_after_uncommitted_insert_raises_and_keeps_the_work(engine, seed, scratch):
    authors, _ = seed
    x = Table("ddl_x", scratch, Column("a", Integer))
    with engine.connect() as conn:
        conn.execute(authors.insert(), {"name": "pending"})
        with pytest.raises(exc.InvalidRequestError, match="uncommitted"):
            conn.execute(CreateTable(x))
        assert conn.execute(select(authors.c.name)).scalars().all() == ["pending"]
        conn.commit()
        conn.execute(CreateTable(x))
    with engine.connect() as conn:
        assert conn.execute(select(authors.c.name)).scalars().all() == ["pending"]
        assert inspect(conn).has_table("ddl_x")


def test_ddl_after_textual_write_raises(engine, seed):
    authors, _ = seed
    with engine.begin() as conn:
        conn.execute(authors.insert(), {"name": "a"})
    with engine.connect() as conn:
        conn.execute(text("UPDATE authors SET name = 'b'"))
        with pytest.raises(exc.InvalidRequestError):
            conn.exec_driver_sql("CREATE TABLE never (a INTEGER)")
        conn.rollback()
        assert conn.execute(select(authors.c.name)).scalar() == "a"
    assert not inspect(engine).has_table("never")


def test_ddl_after_rollback_is_allowed_and_the_write_is_gone(engine, seed):
    authors, _ = seed
    with engine.connect() as conn:
        conn.execute(authors.insert(), {"name": "a"})
        conn.rollback()
        conn.exec_driver_sql("CREATE TABLE after_rollback (a INTEGER)")
        conn.exec_driver_sql("DROP TABLE after_rollback")
        assert count(conn, authors) == 0


def test_ddl_in_autocommit_mode_keeps_earlier_writes(engine, seed):
    authors, _ = seed
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(authors.insert(), {"name": "autocommitted"})
        conn.exec_driver_sql("CREATE TABLE in_autocommit (a INTEGER)")
        conn.exec_driver_sql("DROP TABLE in_autocommit")
    with engine.connect() as conn:
        assert conn.execute(select(authors.c.name)).scalars().all() == ["autocommitted"]


def test_rollback_does_not_undo_ddl(engine):
    with engine.connect() as conn:
        conn.exec_driver_sql("CREATE TABLE survives (a INTEGER)")
        conn.rollback()
        assert inspect(conn).has_table("survives")
        conn.rollback()
        conn.exec_driver_sql("DROP TABLE survives")


# -- isolation levels --------------------------------------------------------


@pytest.mark.parametrize("level", ["READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"])
def test_isolation_level_is_accepted_and_transactions_work(engine, seed, level):
    authors, _ = seed
    with engine.connect().execution_options(isolation_level=level) as conn:
        assert conn.get_isolation_level() == level
        conn.execute(authors.insert(), {"name": level})
        conn.commit()
        assert conn.execute(select(authors.c.name)).scalars().all() == [level]
    with engine.connect() as conn:
        assert conn.get_isolation_level() == "REPEATABLE READ"  # reset on return to the pool


@pytest.mark.parametrize("level", ["REPEATABLE READ", "SERIALIZABLE"])
def test_repeated_reads_do_not_change_under_concurrent_commits(engine, seed, level):
    authors, _ = seed
    with engine.connect().execution_options(isolation_level=level) as reader:
        assert count(reader, authors) == 0
        with engine.begin() as writer:
            writer.execute(authors.insert(), {"name": "concurrent"})
        assert count(reader, authors) == 0  # same snapshot
        reader.commit()
        assert count(reader, authors) == 1  # a new transaction sees it


def test_autocommit_commits_each_statement(engine, seed):
    authors, _ = seed
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        assert conn.get_isolation_level() == "AUTOCOMMIT"
        assert bool(conn.connection.dbapi_connection.autocommit) is True
        conn.execute(authors.insert(), {"name": "now"})
        with engine.connect() as other:
            assert other.execute(select(authors.c.name)).scalars().all() == ["now"]
    with engine.connect() as conn:
        assert bool(conn.connection.dbapi_connection.autocommit) is False
        conn.execute(authors.insert(), {"name": "later"})
        with engine.connect() as other:
            assert count(other, authors) == 1  # not committed yet
        conn.rollback()
    with engine.connect() as conn:
        assert count(conn, authors) == 1


def test_unknown_isolation_level_is_refused(engine):
    with pytest.raises(exc.ArgumentError), \
            engine.connect().execution_options(isolation_level="READ UNCOMMITTED") as conn:
        conn.execute(text("SELECT 1 FROM SYSTEM.ONEROW"))


def test_read_only_connection_reads_but_cannot_write(engine, seed):
    authors, _ = seed
    with engine.begin() as conn:
        conn.execute(authors.insert(), {"name": "readable"})
    ro = engine_for(DATABASE + "?readonly=true")
    try:
        with ro.connect() as conn:
            assert conn.execute(select(authors.c.name)).scalars().all() == ["readable"]
            with pytest.raises(exc.DBAPIError):
                conn.execute(authors.insert(), {"name": "refused"})
                conn.commit()
    finally:
        ro.dispose()
    with engine.connect() as conn:
        assert conn.execute(select(authors.c.name)).scalars().all() == ["readable"]


def test_savepoints_are_refused_without_harming_the_transaction(engine, seed):
    authors, _ = seed
    with engine.connect() as conn:
        conn.execute(authors.insert(), {"name": "outer"})
        with pytest.raises(exc.CompileError, match="savepoints"):
            conn.begin_nested()
        conn.commit()
    with engine.connect() as conn:
        assert conn.execute(select(authors.c.name)).scalars().all() == ["outer"]


# -- concurrency ---------------------------------------------------------------


def test_conflicting_commits_raise_operational_error_and_a_retry_succeeds(engine, seed):
    authors, _ = seed
    with engine.begin() as conn:
        conn.execute(authors.insert(), {"name": "original"})
    first, second = engine.connect(), engine.connect()
    try:
        first.execute(authors.update().values(name="first"))
        second.execute(authors.update().values(name="second"))
        first.commit()
        with pytest.raises(exc.OperationalError) as conflict:
            second.commit()
        assert code(conflict.value) == -10001
        assert type(conflict.value.orig).__name__ == "TransactionAbortError"
        assert not conflict.value.connection_invalidated
        # The connection is usable again: retry the transaction.
        second.rollback()
        second.execute(authors.update().values(name="second"))
        second.commit()
    finally:
        first.close()
        second.close()
    with engine.connect() as conn:
        assert conn.execute(select(authors.c.name)).scalars().all() == ["second"]


def test_duplicate_primary_key_from_two_connections_conflicts_at_commit(engine, scratch):
    t = Table("dup", scratch, Column("id", Integer, primary_key=True, autoincrement=False))
    scratch.create_all(engine)
    first, second = engine.connect(), engine.connect()
    try:
        first.execute(t.insert(), {"id": 1})
        second.execute(t.insert(), {"id": 1})
        first.commit()
        with pytest.raises(exc.OperationalError) as conflict:
            second.commit()
        assert code(conflict.value) == -10001
    finally:
        first.close()
        second.close()
    with engine.connect() as conn:
        assert conn.execute(select(t.c.id)).scalars().all() == [1]


def test_duplicate_key_in_one_connection_is_a_data_error(engine, scratch):
    t = Table("dup1", scratch, Column("id", Integer, primary_key=True, autoincrement=False))
    scratch.create_all(engine)
    with engine.connect() as conn:
        conn.execute(t.insert(), {"id": 1})
        with pytest.raises(exc.DataError) as duplicate:  # MimerPy: -10xxx is DataError
            conn.execute(t.insert(), {"id": 1})
        assert code(duplicate.value) == -10101
        conn.commit()  # the failed statement undid only itself
    with engine.connect() as conn:
        assert conn.execute(select(t.c.id)).scalars().all() == [1]


def test_constraint_violations_and_their_exception_classes(engine, seed):
    authors, books = seed
    with engine.connect() as conn:
        with pytest.raises(exc.ProgrammingError) as null:  # refused when bound
            conn.execute(authors.insert(), {"name": None})
        assert code(null.value) == -24116
        with pytest.raises(exc.DataError) as orphan:
            conn.execute(books.insert(), {"title": "t", "author_id": 999})
        assert code(orphan.value) == -10103
        key = conn.execute(authors.insert(), {"name": "a"}).inserted_primary_key[0]
        conn.execute(books.insert(), {"title": "t", "author_id": key})
        with pytest.raises(exc.DataError) as referenced:
            conn.execute(authors.delete())
        assert code(referenced.value) == -10104
        conn.commit()
    with engine.connect() as conn:
        assert count(conn, authors) == 1 and count(conn, books) == 1


# -- limits, disconnects, server information -----------------------------------


def test_limits_share_one_cached_statement_and_never_each_others_values(engine, seed):
    authors, _ = seed
    with engine.begin() as conn:
        conn.execute(authors.insert(), [{"name": f"n{i:02d}"} for i in range(20)])
    stmt = select(authors.c.name).order_by(authors.c.id)
    statements = []

    def record(conn, cursor, statement, *args):
        if "FETCH FIRST" in statement:
            statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        with engine.connect() as conn:
            assert len(conn.execute(stmt.limit(5)).all()) == 5
            assert len(conn.execute(stmt.limit(10)).all()) == 10
            assert conn.execute(stmt.limit(3).offset(4)).scalars().all() == ["n04", "n05", "n06"]
            assert conn.execute(stmt.offset(18)).scalars().all() == ["n18", "n19"]
            assert conn.execute(stmt.limit(0)).all() == []
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert statements[0] == statements[1]


def test_a_closed_driver_connection_is_detected_as_a_disconnect(engine):
    with engine.connect() as conn:
        conn.connection.dbapi_connection.close()
        with pytest.raises(exc.DBAPIError) as lost:
            conn.execute(text("SELECT 1 FROM SYSTEM.ONEROW"))
        assert lost.value.connection_invalidated
    with engine.connect() as conn:  # the pool hands out a new, working connection
        assert conn.execute(text("SELECT 1 FROM SYSTEM.ONEROW")).scalar() == 1


def test_pre_ping_replaces_a_dead_pooled_connection(home):
    eng = engine_for(DATABASE, pool_pre_ping=True, pool_size=1)
    try:
        with eng.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert eng.dialect.do_ping(raw)
        raw.close()  # dies while pooled
        with eng.connect() as conn:
            assert conn.connection.dbapi_connection is not raw
            assert conn.execute(text("SELECT 2 FROM SYSTEM.ONEROW")).scalar() == 2
    finally:
        eng.dispose()


def test_first_connect_reads_default_schema_version_and_isolation(engine):
    with engine.connect():
        pass
    assert engine.dialect.default_schema_name == "SYSADM"
    assert engine.dialect.server_version_info[0] == 11
    assert engine.dialect.default_isolation_level == "REPEATABLE READ"


def test_select_without_from_runs(engine):
    with engine.connect() as conn:
        assert conn.execute(select(1)).scalar() == 1
        assert conn.execute(select(text("'x'"))).scalar() == "x"


# -- ORM flush ---------------------------------------------------------------


def test_orm_flush_uses_each_new_key(engine, seed):
    from sqlalchemy.orm import DeclarativeBase, Session, relationship

    authors_t, books_t = seed

    class Base(DeclarativeBase):
        pass

    class Author(Base):
        __table__ = authors_t
        books = relationship("Book", back_populates="author")

    class Book(Base):
        __table__ = books_t
        author = relationship("Author", back_populates="books")

    with Session(engine) as session:
        herbert, dick = Author(name="Frank Herbert"), Author(name="Philip K. Dick")
        session.add_all([herbert, dick, Book(title="Dune", author=herbert),
                         Book(title="Do Androids Dream of Electric Sheep?", author=dick)])
        session.commit()
        assert (herbert.id, dick.id) == (1, 2)
    with engine.connect() as conn:
        rows = conn.execute(select(books_t.c.title, authors_t.c.name)
                            .join(authors_t).order_by(books_t.c.id)).all()
    assert rows == [("Dune", "Frank Herbert"),
                    ("Do Androids Dream of Electric Sheep?", "Philip K. Dick")]


# -- reflection ----------------------------------------------------------------


@pytest.fixture
def reflected(engine, scratch):
    parent = Table("parent", scratch, Column("id", Integer, primary_key=True),
                   Column("code", String(10), nullable=False, server_default="x",
                          comment="the code"),
                   UniqueConstraint("code", name="uq_parent_code"))
    Table("child", scratch, Column("id", Integer, primary_key=True),
          Column("parent_id", Integer, ForeignKey(parent.c.id, name="fk_child_parent",
                                                  onupdate="CASCADE"), nullable=False),
          Column("qty", Integer, nullable=False),
          CheckConstraint("qty > 0", name="ck_child_qty"),
          Index("ix_child_qty", "qty"))
    scratch.create_all(engine)
    return inspect(engine)


def test_reflected_columns(reflected):
    columns = reflected.get_columns("parent")
    assert [(c["name"], str(c["type"]), c["nullable"], c["autoincrement"], c["default"],
             c["comment"]) for c in columns] == [
        ("id", "INTEGER", False, True, None, None),
        ("code", "VARCHAR(10)", False, False, "'x'", "the code")]


def test_reflected_constraints_and_indexes(reflected):
    assert reflected.get_pk_constraint("child")["constrained_columns"] == ["id"]
    assert reflected.get_foreign_keys("child") == [{
        "name": "fk_child_parent", "constrained_columns": ["parent_id"],
        "referred_schema": None, "referred_table": "parent", "referred_columns": ["id"],
        "options": {"onupdate": "CASCADE"}}]
    # NOT NULL is reflected as nullable=False, not as a CHECK constraint.
    assert [c["name"] for c in reflected.get_check_constraints("child")] == ["ck_child_qty"]
    assert reflected.get_unique_constraints("parent") == [
        {"name": "uq_parent_code", "column_names": ["code"]}]
    assert reflected.get_indexes("child") == [
        {"name": "ix_child_qty", "column_names": ["qty"], "unique": False}]
    assert reflected.get_indexes("parent") == []  # the UNIQUE constraint is not an index


def test_multi_reflection_covers_every_table(reflected):
    fks = reflected.get_multi_foreign_keys()
    assert fks[(None, "parent")] == []
    assert [fk["name"] for fk in fks[(None, "child")]] == ["fk_child_parent"]
    assert set(reflected.get_multi_columns()) == {(None, "parent"), (None, "child")}


def test_existence_checks(reflected, engine):
    assert reflected.has_table("parent") and reflected.has_table("PARENT")
    assert not reflected.has_table("nope")
    assert reflected.has_index("child", "ix_child_qty")
    assert not reflected.has_index("child", "nope")
    assert reflected.has_schema("SYSADM") and not reflected.has_schema("nope")
    with engine.connect() as conn:
        assert engine.dialect.has_sequence(conn, "parent_id_autoinc_seq")
        assert not engine.dialect.has_sequence(conn, "nope")


def test_missing_table_raises_no_such_table(engine):
    with pytest.raises(NoSuchTableError):
        inspect(engine).get_columns("nope")
    with pytest.raises(NoSuchTableError):
        Table("nope", MetaData(), autoload_with=engine)


def test_autoload_builds_a_working_table(reflected, engine):
    child = Table("child", MetaData(), autoload_with=engine)
    parent = child.metadata.tables["parent"]
    assert child.c.id.autoincrement is True and child.c.id.server_default is None
    assert [c.name for c in child.primary_key] == ["id"]
    with engine.begin() as conn:
        key = conn.execute(parent.insert()).inserted_primary_key[0]
        conn.execute(child.insert(), {"parent_id": key, "qty": 3})
        assert conn.execute(select(parent.c.code, child.c.qty).join(child)).one() == ("x", 3)


def test_names_are_reflected_as_stored(engine):
    with engine.connect() as conn:
        conn.exec_driver_sql("CREATE TABLE UPPER_CASE (ID INTEGER, Mixed VARCHAR(5))")
    try:
        insp = inspect(engine)
        assert "UPPER_CASE" in insp.get_table_names()
        assert [c["name"] for c in insp.get_columns("upper_case")] == ["ID", "Mixed"]
        t = Table("upper_case", MetaData(), autoload_with=engine)
        with engine.begin() as conn:
            conn.execute(t.insert(), {"ID": 1, "Mixed": "m"})
            assert conn.execute(select(t)).all() == [(1, "m")]
    finally:
        with engine.connect() as conn:
            conn.exec_driver_sql("DROP TABLE upper_case")


def test_table_comment_is_reflected(engine, scratch):
    """EXT_OBJECT_IDENT_USAGE.OBJECT_TYPE is 'BASE TABLE' for a table, as in Mimer."""
    Table("commented", scratch, Column("a", Integer), comment="a table comment")
    scratch.create_all(engine)
    assert inspect(engine).get_table_comment("commented") == {"text": "a table comment"}
