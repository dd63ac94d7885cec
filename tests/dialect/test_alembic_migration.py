"""A real Alembic migration on mimerlite: upgrade, autogenerate, downgrade, offline SQL.

The test builds an Alembic environment in a temporary directory with
Alembic's own API (``command.init``, then its own ``env.py`` and three
revision scripts), and runs it against a fresh embedded database:

1. create tables with auto-increment keys, a foreign key, an index, UNIQUE
   and CHECK constraints, server defaults, comments, and a sequence;
2. add a column, change a column's type and default, drop a table;
3. add an association table and a column with a foreign key.

After ``upgrade head`` the schema is checked by reflection, and Alembic's
autogenerate (``compare_metadata`` and ``command.check``) must find no
difference from the models.  ``downgrade base`` must leave nothing behind,
not even the implicit auto-increment sequences.  The offline (``--sql``)
scripts of the same revisions are then run back, statement by statement,
on another fresh database, with the same results.
"""

from __future__ import annotations

import io
import re
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("alembic")

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.operations import Operations
from alembic.script import ScriptDirectory
from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Unicode,
    UnicodeText,
    UniqueConstraint,
    exc,
    inspect,
    text,
)

from sqlalchemy_mimer import INTERVAL, NCLOB, TIMESTAMP

from .realdb import engine_for, fresh_home

ENV_PY = '''\
"""Alembic environment of the Mimer migration test."""
from alembic import context
from sqlalchemy import create_engine, pool

config = context.config
target_metadata = config.attributes.get("target_metadata")


def run_migrations_offline():
    context.configure(url=config.get_main_option("sqlalchemy.url"),
                      target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    engine = create_engine(config.get_main_option("sqlalchemy.url"), poolclass=pool.NullPool)
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata,
                          compare_type=True, compare_server_default=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
'''

REVISIONS = {
    "r1_create": ("r1", None, '''
        op.create_table(
            "authors",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("name", sa.String(50), nullable=False, server_default="anonymous",
                      comment="the author's name"),
            sa.Column("email", sa.Unicode(100)),
            sa.Column("score", sa.Integer, nullable=False, server_default=sa.text("0")),
            sa.Column("created", sa.DateTime, server_default=sa.text("LOCALTIMESTAMP")),
            sa.UniqueConstraint("email", name="uq_authors_email"),
            sa.CheckConstraint("score >= 0", name="ck_authors_score"),
        )
        op.create_index("ix_authors_name", "authors", ["name"])
        op.create_table(
            "books",
            sa.Column("id", sa.BigInteger, primary_key=True),
            sa.Column("author_id", sa.Integer,
                      sa.ForeignKey("authors.id", name="fk_books_author", ondelete="CASCADE"),
                      nullable=False),
            sa.Column("title", sa.String(100), nullable=False),
            sa.Column("price", sa.Numeric(10, 2), server_default=sa.text("0")),
        )
        op.create_table(
            "scratch",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("note", sa.String(20)),
        )
        op.execute(sa.schema.CreateSequence(sa.Sequence("ticket_seq", start=100)))
    ''', '''
        op.execute(sa.schema.DropSequence(sa.Sequence("ticket_seq")))
        op.drop_table("scratch")
        op.drop_table("books")
        op.drop_index("ix_authors_name", table_name="authors")
        op.drop_table("authors")
    '''),
    "r2_alter": ("r2", "r1", '''
        op.add_column("authors", sa.Column("bio", sa.UnicodeText))
        op.alter_column("books", "title", type_=sa.String(200), existing_type=sa.String(100),
                        existing_nullable=False)
        op.alter_column("books", "price", server_default=sa.text("1.50"),
                        existing_type=sa.Numeric(10, 2))
        op.drop_table("scratch")
    ''', '''
        op.create_table(
            "scratch",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("note", sa.String(20)),
        )
        op.alter_column("books", "price", server_default=sa.text("0"),
                        existing_type=sa.Numeric(10, 2))
        # Mimer's SET DATA TYPE only widens (-12566 otherwise): title stays VARCHAR(200).
        op.drop_column("authors", "bio")
    '''),
    "r3_tags": ("r3", "r2", '''
        op.create_table(
            "tags",
            sa.Column("id", sa.Integer, primary_key=True),
            sa.Column("label", sa.String(30), nullable=False, unique=True),
        )
        op.create_table(
            "book_tags",
            sa.Column("book_id", sa.BigInteger, sa.ForeignKey("books.id"), primary_key=True),
            sa.Column("tag_id", sa.Integer, sa.ForeignKey("tags.id"), primary_key=True),
        )
        op.add_column("books", sa.Column("published", sa.Date))
        op.create_index("ux_books_title_author", "books", ["title", "author_id"], unique=True)
    ''', '''
        op.drop_index("ux_books_title_author", table_name="books")
        op.drop_column("books", "published")
        op.drop_table("book_tags")
        op.drop_table("tags")
    '''),
}

IMPLICIT_SEQUENCES = {"authors_id_autoinc_seq", "books_id_autoinc_seq", "tags_id_autoinc_seq"}


def revision_script(rev: str, down: str | None, upgrade: str, downgrade: str) -> str:
    return (f'"""{rev}"""\nimport sqlalchemy as sa\nfrom alembic import op\n\n'
            f"revision = {rev!r}\ndown_revision = {down!r}\nbranch_labels = None\n"
            "depends_on = None\n\n\ndef upgrade():\n"
            + textwrap.indent(textwrap.dedent(upgrade).strip(), "    ")
            + "\n\n\ndef downgrade():\n"
            + textwrap.indent(textwrap.dedent(downgrade).strip(), "    ") + "\n")


def models() -> MetaData:
    """The schema at head, as an application would declare it."""
    metadata = MetaData()
    Table("authors", metadata,
          Column("id", Integer, primary_key=True),
          Column("name", String(50), nullable=False, server_default="anonymous",
                 comment="the author's name"),
          Column("email", Unicode(100)),
          Column("score", Integer, nullable=False, server_default=text("0")),
          Column("created", DateTime, server_default=text("LOCALTIMESTAMP")),
          Column("bio", UnicodeText),
          UniqueConstraint("email", name="uq_authors_email"),
          CheckConstraint("score >= 0", name="ck_authors_score"),
          Index("ix_authors_name", "name"))
    Table("books", metadata,
          Column("id", BigInteger, primary_key=True),
          Column("author_id", Integer,
                 ForeignKey("authors.id", name="fk_books_author", ondelete="CASCADE"),
                 nullable=False),
          Column("title", String(200), nullable=False),
          Column("price", Numeric(10, 2), server_default=text("1.50")),
          Column("published", Date),
          Index("ux_books_title_author", "title", "author_id", unique=True))
    Table("tags", metadata,
          Column("id", Integer, primary_key=True),
          Column("label", String(30), nullable=False, unique=True))
    Table("book_tags", metadata,
          Column("book_id", BigInteger, ForeignKey("books.id"), primary_key=True),
          Column("tag_id", Integer, ForeignKey("tags.id"), primary_key=True))
    return metadata


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    with fresh_home(tmp_path_factory.mktemp("alembic-home")) as path:
        yield path


@pytest.fixture(scope="module")
def alembic_dir(tmp_path_factory):
    """``alembic init`` output, with our env.py and the three revisions."""
    root = tmp_path_factory.mktemp("alembic-env")
    cfg = Config(str(root / "alembic.ini"))
    command.init(cfg, str(root / "migrations"))
    (root / "migrations" / "env.py").write_text(ENV_PY)
    for name, (rev, down, up, downgrade) in REVISIONS.items():
        (root / "migrations" / "versions" / f"{name}.py").write_text(
            revision_script(rev, down, up, downgrade))
    return root


def make_config(alembic_dir, database, buffer=None):
    cfg = Config(str(alembic_dir / "alembic.ini"), output_buffer=buffer)
    cfg.set_main_option("script_location", str(alembic_dir / "migrations"))
    cfg.set_main_option("sqlalchemy.url", f"mimer://SYSADM:SYSPASS@{database}")
    cfg.attributes["target_metadata"] = models()
    return cfg


def schema_snapshot(engine):
    """Everything reflection sees: tables, columns, keys, indexes, constraints, sequences."""
    insp = inspect(engine)
    tables = {}
    for name in sorted(insp.get_table_names()):
        tables[name] = {
            "columns": [(c["name"], str(c["type"]), c["nullable"], c["default"],
                         c["autoincrement"], c["comment"]) for c in insp.get_columns(name)],
            "pk": insp.get_pk_constraint(name)["constrained_columns"],
            "fks": sorted((fk["name"], tuple(fk["constrained_columns"]), fk["referred_table"],
                           tuple(fk["referred_columns"]), tuple(sorted(fk["options"].items())))
                          for fk in insp.get_foreign_keys(name)),
            "indexes": sorted((i["name"], tuple(i["column_names"]), i["unique"])
                              for i in insp.get_indexes(name)),
            "uniques": sorted(tuple(u["column_names"]) for u in insp.get_unique_constraints(name)),
            "checks": sorted(c["name"] for c in insp.get_check_constraints(name)),
        }
    return tables, set(insp.get_sequence_names())


def autogenerate_diffs(engine):
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True,
                                                     "compare_server_default": True})
        return compare_metadata(ctx, models())


@pytest.fixture(scope="module")
def online(home, alembic_dir):
    """Upgrade a fresh database to head; yields (config, engine)."""
    cfg = make_config(alembic_dir, "alembic_online")
    engine = engine_for("alembic_online")
    command.upgrade(cfg, "head")
    yield cfg, engine
    engine.dispose()


def test_scripts_are_found_in_order(alembic_dir):
    script = ScriptDirectory.from_config(make_config(alembic_dir, "unused"))
    assert [s.revision for s in script.walk_revisions()] == ["r3", "r2", "r1"]


def test_upgrade_builds_the_schema(online):
    _cfg, engine = online
    tables, sequences = schema_snapshot(engine)
    assert sorted(tables) == ["alembic_version", "authors", "book_tags", "books", "tags"]
    assert sequences == IMPLICIT_SEQUENCES | {"ticket_seq"}
    authors = tables["authors"]
    assert [c[0] for c in authors["columns"]] == ["id", "name", "email", "score", "created", "bio"]
    assert authors["columns"][0] == ("id", "INTEGER", False, None, True, None)
    assert authors["columns"][1] == ("name", "VARCHAR(50)", False, "'anonymous'", False,
                                     "the author's name")
    assert authors["indexes"] == [("ix_authors_name", ("name",), False)]
    assert authors["uniques"] == [("email",)]
    assert authors["checks"] == ["ck_authors_score"]
    books = tables["books"]
    assert [c[:2] for c in books["columns"]] == [
        ("id", "BIGINT"), ("author_id", "INTEGER"), ("title", "VARCHAR(200)"),
        ("price", "DECIMAL(10, 2)"), ("published", "DATE")]
    assert books["columns"][3][3] == "1.50"
    assert books["fks"] == [("fk_books_author", ("author_id",), "authors", ("id",),
                             (("ondelete", "CASCADE"),))]
    assert books["indexes"] == [("ux_books_title_author", ("title", "author_id"), True)]
    assert books["uniques"] == []  # a unique index is not also a UNIQUE constraint
    assert tables["book_tags"]["pk"] == ["book_id", "tag_id"]
    assert tables["tags"]["uniques"] == [("label",)]
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").all() == [("r3",)]


def test_upgraded_schema_works(online):
    _cfg, engine = online
    meta = MetaData()
    authors = Table("authors", meta, autoload_with=engine)
    books = Table("books", meta, autoload_with=engine)
    with engine.begin() as conn:
        first = conn.execute(authors.insert().values(email="a@x")).inserted_primary_key[0]
        second = conn.execute(authors.insert().values(name="B")).inserted_primary_key[0]
        assert second == first + 1
        book = conn.execute(books.insert().values(author_id=first, title="T" * 150))
        assert book.inserted_primary_key[0] >= 1
        row = conn.execute(authors.select().where(authors.c.id == first)).one()
        assert (row.name, row.score, row.created is not None) == ("anonymous", 0, True)
        price = conn.execute(books.select()).one().price
        assert str(price) == "1.50"
        ticket = conn.exec_driver_sql("SELECT NEXT VALUE FOR ticket_seq FROM SYSTEM.ONEROW")
        assert ticket.scalar() == 100
    # MimerPy classes Mimer's constraint errors (-101xx) as DataError.
    with pytest.raises(exc.DataError) as check, engine.begin() as conn:
        conn.execute(authors.insert().values(score=-1))
    assert check.value.orig.args[0][0] == -10105
    with pytest.raises(exc.DataError) as unique, engine.begin() as conn:
        conn.execute(authors.insert().values(email="a@x"))
    assert unique.value.orig.args[0][0] == -10102
    with engine.begin() as conn:
        conn.execute(authors.delete().where(authors.c.id == first))
        assert conn.execute(books.select()).all() == []  # ON DELETE CASCADE
        conn.execute(authors.delete())


def test_autogenerate_finds_no_difference_after_upgrade(online):
    cfg, engine = online
    assert autogenerate_diffs(engine) == []
    command.check(cfg)  # the same through env.py; raises AutogenerateDiffsDetected


def test_autogenerate_does_see_a_real_difference(online):
    """The comparison is not blind: a changed model is reported."""
    _cfg, engine = online
    changed = models()
    changed.tables["books"].c.title.type = String(300)
    changed.tables["authors"].c.score.server_default = None
    Table("extra", changed, Column("id", Integer, primary_key=True))
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True,
                                                     "compare_server_default": True})
        diffs = compare_metadata(ctx, changed)
    kinds = sorted(d[0] if isinstance(d, tuple) else d[0][0] for d in diffs)
    assert kinds == ["add_table", "modify_default", "modify_type"]


def test_table_comments_set_reflect_compare_and_drop(online):
    _cfg, engine = online
    commented = models()
    commented.tables["tags"].comment = "labels for books"
    with engine.connect() as conn:
        op = Operations(MigrationContext.configure(conn))
        op.create_table_comment("tags", "labels for books")
        assert inspect(conn).get_table_comment("tags") == {"text": "labels for books"}
        ctx = MigrationContext.configure(conn, opts={"compare_type": True,
                                                     "compare_server_default": True})
        assert compare_metadata(ctx, commented) == []
        assert [d[0] for d in compare_metadata(ctx, models())] == ["remove_table_comment"]
        op.drop_table_comment("tags")
        assert inspect(conn).get_table_comment("tags") == {"text": None}
    assert autogenerate_diffs(engine) == []


def test_downgrade_to_base_leaves_nothing(online):
    cfg, engine = online
    command.downgrade(cfg, "r1")
    tables, sequences = schema_snapshot(engine)
    assert sorted(tables) == ["alembic_version", "authors", "books", "scratch"]
    assert sequences == {"authors_id_autoinc_seq", "books_id_autoinc_seq",
                         "scratch_id_autoinc_seq", "ticket_seq"}
    assert tables["books"]["columns"][2][:2] == ("title", "VARCHAR(200)")
    assert tables["books"]["columns"][3][3] == "0"
    assert "bio" not in [c[0] for c in tables["authors"]["columns"]]
    command.downgrade(cfg, "base")
    tables, sequences = schema_snapshot(engine)
    assert sorted(tables) == ["alembic_version"]
    assert sequences == set()
    assert sorted((d[0], d[1].name) for d in autogenerate_diffs(engine)) == [
        ("add_index", "ix_authors_name"), ("add_index", "ux_books_title_author"),
        ("add_table", "authors"), ("add_table", "book_tags"),
        ("add_table", "books"), ("add_table", "tags")]
    command.upgrade(cfg, "head")  # and up again, from nothing
    assert autogenerate_diffs(engine) == []


def test_narrowing_a_column_type_is_refused(online):
    """Mimer changes a type only where no value can fail: a migration cannot narrow."""
    _cfg, engine = online
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn)
        with pytest.raises(exc.ProgrammingError) as refused:
            Operations(ctx).alter_column("books", "title", type_=String(10),
                                         existing_type=String(200))
    assert refused.value.orig.args[0][0] == -12566


def test_batch_recreate_is_refused_and_changes_nothing(online):
    _cfg, engine = online
    before = schema_snapshot(engine)
    with engine.connect() as conn:
        op = Operations(MigrationContext.configure(conn))
        with pytest.raises(exc.CompileError, match="no table rename"), \
                op.batch_alter_table("tags", recreate="always") as batch:
            batch.alter_column("label", nullable=True)
    assert schema_snapshot(engine) == before


def offline_sql(alembic_dir, revisions):
    buf = io.StringIO()
    cfg = make_config(alembic_dir, "alembic_offline", buffer=buf)
    if revisions.startswith("base:") or revisions == "head":
        command.upgrade(cfg, revisions, sql=True)
    else:
        command.downgrade(cfg, revisions, sql=True)
    return buf.getvalue()


def statements(script):
    """Split Alembic's offline output into statements, dropping its comment lines."""
    body = "\n".join(line for line in script.splitlines() if not line.startswith("--"))
    return [s.strip() for s in re.split(r";\s*$", body, flags=re.MULTILINE) if s.strip()]


def run_script(engine, script):
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        for statement in statements(script):
            conn.exec_driver_sql(statement)


def test_offline_upgrade_script_is_mimer_sql(home, alembic_dir):
    script = offline_sql(alembic_dir, "base:head")
    sql = statements(script)
    assert sql.index("CREATE SEQUENCE authors_id_autoinc_seq") < next(
        i for i, s in enumerate(sql) if s.startswith("CREATE TABLE authors"))
    assert "ALTER TABLE books ALTER COLUMN title SET DATA TYPE VARCHAR(200)" in sql
    assert "ALTER TABLE authors ADD COLUMN bio NCLOB" in sql
    assert not any(s.startswith(("BEGIN", "COMMIT")) for s in sql)
    engine = engine_for("alembic_offline")
    try:
        run_script(engine, script)
        tables, sequences = schema_snapshot(engine)
        assert sorted(tables) == ["alembic_version", "authors", "book_tags", "books", "tags"]
        assert sequences == IMPLICIT_SEQUENCES | {"ticket_seq"}
        assert autogenerate_diffs(engine) == []
        run_script(engine, offline_sql(alembic_dir, "head:base"))
        tables, sequences = schema_snapshot(engine)
        assert sorted(tables) == ["alembic_version"]
        assert sequences == set()
    finally:
        engine.dispose()


# -- autogenerated revisions ---------------------------------------------------


def event_models(default="LOCALTIMESTAMP"):
    """Models using the dialect's own types, which reflection also returns."""
    metadata = models()
    Table("events", metadata,
          Column("id", Integer, primary_key=True),
          Column("at", TIMESTAMP(3), server_default=text(default)),
          Column("took", INTERVAL("HOUR TO SECOND", 4, 3)),
          Column("body", NCLOB(2 * 1024 * 1024)),
          Column("happened", DateTime))
    return metadata


def test_autogenerated_revisions_run_and_leave_no_difference(home, tmp_path):
    cfg = Config(str(tmp_path / "alembic.ini"))
    command.init(cfg, str(tmp_path / "migrations"))
    (tmp_path / "migrations" / "env.py").write_text(ENV_PY)
    cfg.set_main_option("script_location", str(tmp_path / "migrations"))
    cfg.set_main_option("sqlalchemy.url", "mimer://SYSADM:SYSPASS@alembic_autogen")
    engine = engine_for("alembic_autogen")
    try:
        cfg.attributes["target_metadata"] = event_models()
        first = command.revision(cfg, "initial", autogenerate=True, rev_id="a1")
        command.upgrade(cfg, "head")
        assert "sqlalchemy_mimer.types.INTERVAL(" in Path(first.path).read_text()
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True,
                                                         "compare_server_default": True})
            assert compare_metadata(ctx, event_models()) == []
        # A change of default: the script names the reflected TIMESTAMP(3) as existing_type.
        cfg.attributes["target_metadata"] = event_models(default="CURRENT_TIMESTAMP")
        second = command.revision(cfg, "default", autogenerate=True, rev_id="a2")
        script = Path(second.path).read_text()
        assert "import sqlalchemy_mimer.types" in script
        assert "existing_type=sqlalchemy_mimer.types.TIMESTAMP(precision=3)" in script
        command.upgrade(cfg, "head")
        assert inspect(engine).get_columns("events")[1]["default"] == "CURRENT_TIMESTAMP"
        command.check(cfg)
        command.downgrade(cfg, "base")
        tables, sequences = schema_snapshot(engine)
        assert sorted(tables) == ["alembic_version"]
        assert sequences == set()
    finally:
        engine.dispose()
